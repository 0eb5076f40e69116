//! The files of a backtest and a fit: `backtest.csv`, `calibration.csv`, `backtest.html`,
//! `fit.csv`. Every CSV cell goes through the crate's CSV writer (no live formulas), every
//! string in the HTML through the report's escaping.

use crate::backtest::Backtest;
use crate::backtest::fit::{Fitted, sig4};
use crate::backtest::record::Item;
use crate::backtest::score::{Kind, Predictive, Score};
use crate::error::Result;
use crate::export::csv_bytes;
use crate::time::{Clock, fmt_local};

/// `s` cut to `n` characters with an ellipsis (for the terminal table).
pub fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}

/// A value of item `it` in its own unit: a local datetime, a count, yes/no.
pub fn native(m: &Clock, it: &Item, v: f64) -> String {
    if it.is_time() {
        if v >= m.horizon {
            "never".into()
        } else {
            fmt_local(&m.start, v)
        }
    } else if it.kind == Kind::Event {
        if v >= 1.0 { "yes".into() } else { "no".into() }
    } else {
        format!("{v:.0}")
    }
}

/// The central 95% of the predictive distribution in the item's unit (for a yes/no: the
/// probability of yes).
pub fn band(m: &Clock, it: &Item, p: &Predictive) -> String {
    if it.kind == Kind::Event {
        return format!("P(yes) = {:.4}", 1.0 - p.below(1.0));
    }
    format!(
        "{} .. {}",
        native(m, it, p.quantile(0.025)),
        native(m, it, p.quantile(0.975))
    )
}

/// The predictive percentile as text: one figure, or the range a discrete or interval
/// observation spans.
pub fn percentile(s: &Score) -> String {
    if (s.pit_hi - s.pit_lo).abs() < 5e-4 {
        format!("{:.1}%", s.pit * 100.0)
    } else {
        format!("{:.1}-{:.1}%", s.pit_lo * 100.0, s.pit_hi * 100.0)
    }
}

fn unit(it: &Item) -> &'static str {
    if it.is_time() {
        "hours"
    } else if it.kind == Kind::Event {
        "yes/no"
    } else {
        "count"
    }
}

fn num(x: f64) -> String {
    format!("{x:.4}")
}

/// `backtest.csv`: one row per observed item.
pub fn backtest_csv(b: &Backtest) -> Result<Vec<u8>> {
    let header = [
        "line",
        "quantity",
        "place",
        "observed",
        "source",
        "unit",
        "percentile_low",
        "percentile_high",
        "percentile",
        "within_central_95",
        "model_p2_5",
        "model_p50",
        "model_p97_5",
        "probability_or_density",
        "is_density",
        "log_score",
        "brier",
        "crps",
    ];
    let rows = b
        .items
        .iter()
        .zip(&b.predictive)
        .zip(&b.scores)
        .map(|((it, p), s)| {
            vec![
                it.line.to_string(),
                it.quantity_name.clone(),
                it.place.clone(),
                it.observed_text.clone(),
                it.source.clone(),
                unit(it).to_string(),
                num(s.pit_lo),
                num(s.pit_hi),
                num(s.pit),
                if s.central_95 { "yes" } else { "no" }.to_string(),
                native(&b.clock, it, p.quantile(0.025)),
                native(&b.clock, it, p.quantile(0.5)),
                native(&b.clock, it, p.quantile(0.975)),
                format!("{:.6}", s.probability),
                if s.is_density { "yes" } else { "no" }.to_string(),
                num(s.log_score),
                s.brier.map(num).unwrap_or_default(),
                s.crps.map(num).unwrap_or_default(),
            ]
        });
    csv_bytes(&header, rows)
}

/// `calibration.csv`: per central share, the items inside it.
pub fn calibration_csv(b: &Backtest) -> Result<Vec<u8>> {
    let rows = b.calibration.iter().map(|c| {
        vec![
            format!("{:.2}", c.level),
            c.inside.to_string(),
            c.items.to_string(),
            num(c.inside as f64 / c.items.max(1) as f64),
        ]
    });
    csv_bytes(
        &["central_share", "items_inside", "items", "share_inside"],
        rows,
    )
}

/// `fit.csv`: every family fitted, best first.
pub fn fit_csv(fits: &[Fitted]) -> Result<Vec<u8>> {
    let best = fits.first().map(|f| f.aic).unwrap_or(0.0);
    let rows = fits.iter().map(|f| {
        let p = f.params();
        let get = |i: usize| p.get(i).map(|x| sig4(x.1)).unwrap_or_default();
        let name = |i: usize| p.get(i).map(|x| x.0.to_string()).unwrap_or_default();
        let se = |i: usize| f.se.get(i).map(|x| sig4(*x)).unwrap_or_default();
        vec![
            f.family.name().to_string(),
            format!("{:.3}", f.aic),
            format!("{:.3}", f.aic - best),
            format!("{:.4}", f.ks),
            format!("{:.4}", f.ks_p),
            name(0),
            get(0),
            se(0),
            name(1),
            get(1),
            se(1),
            crate::backtest::fit::toml_distribution(&f.family),
        ]
    });
    csv_bytes(
        &[
            "family",
            "aic",
            "delta_aic",
            "ks_d",
            "ks_p",
            "param1",
            "value1",
            "se1",
            "param2",
            "value2",
            "se2",
            "scenario_distribution",
        ],
        rows,
    )
}
