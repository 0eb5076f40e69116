//! Learning from what happened: `tepat backtest` (how well a scenario foresaw a record of
//! what happened) and `tepat fit` (scenario distributions from past trips).
//!
//! ```text
//! table    CSV file -> located text cells            (I/O)
//! record   cells -> checked observations             trips   cells -> durations
//! predict  model -> draws of each observed quantity  (simulation)
//! score    PIT, probability, log score, Brier, CRPS, calibration, KS   (numbers only)
//! fit      maximum likelihood, AIC, scenario distribution text         (numbers only)
//! ```
//! Files: `export::backtest` (backtest.csv, calibration.csv, backtest.html, fit.csv);
//! the commands: `cmd::backtest`.
//! ```text
//! ```
//! Charts: `plot::backtest` (observed value on its predictive band), `plot::qq`.

pub mod fit;
pub mod predict;
pub mod record;
pub mod score;
pub mod table;
pub mod trips;
pub mod words;

use crate::error::Result;
use crate::model::Model;
use record::Item;
use score::{Coverage, Kind, Predictive, Score};

/// A backtest: every observed item with its predictive distribution and scores.
#[derive(Debug, Clone)]
pub struct Backtest {
    /// The scenario's name.
    pub scenario: String,
    /// The scenario's clock, for the chart's and the page's local times.
    pub clock: crate::time::Clock,
    /// Seed.
    pub seed: u64,
    /// Replications.
    pub runs: u64,
    /// The record's rows.
    pub items: Vec<Item>,
    /// The predictive distribution of each.
    pub predictive: Vec<Predictive>,
    /// The scores of each.
    pub scores: Vec<Score>,
    /// The calibration table.
    pub calibration: Vec<Coverage>,
}

/// Score a checked record against a model.
pub fn backtest(
    m: &Model,
    items: Vec<Item>,
    seed: u64,
    runs: u64,
    threads: usize,
) -> Result<Backtest> {
    let pool = crate::analysis::pool(threads)?;
    let qs: Vec<_> = items.iter().map(|i| i.quantity).collect();
    let draws = predict::draws(&pool, m, &qs, seed, runs)?;
    let predictive: Vec<Predictive> = draws.into_iter().map(Predictive::new).collect();
    let scores: Vec<Score> = items
        .iter()
        .zip(&predictive)
        .map(|(it, p)| score::score(p, it.kind, it.observed))
        .collect();
    let calibration = score::calibration(&scores);
    Ok(Backtest {
        scenario: m.name.clone(),
        clock: m.clock(),
        seed,
        runs,
        items,
        predictive,
        scores,
        calibration,
    })
}

impl Backtest {
    /// Whether the observed value of item `i` is a yes/no.
    pub fn is_event(&self, i: usize) -> bool {
        self.items[i].kind == Kind::Event
    }
}
