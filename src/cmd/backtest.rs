//! `tepat backtest` and `tepat fit`: the record or the trips read, checked, scored or fitted
//! ([`crate::backtest`]), and the files, charts and terminal tables written.

use std::path::PathBuf;

use clap::Args;

use crate::backtest::{self as bt, Backtest, fit, record, table, trips};
use crate::error::{Error, Result};
use crate::export::backtest as export;
use crate::model;
use crate::output::write_folder;
use crate::pipeline::folder_name;
use crate::scenario;

/// A short example for `--help`.
pub const BACKTEST_EXAMPLE: &str = "Example:\n  tepat backtest scenarios/bengkalis-2024.toml --observed scenarios/bengkalis-2024-record.csv";
/// A short example for `--help`.
pub const FIT_EXAMPLE: &str = "Example:\n  tepat fit trips.csv --out output";

/// `tepat backtest`.
#[derive(Debug, Clone, Args)]
pub struct BacktestArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// The record of what happened: a CSV with columns quantity, place, observed, source
    /// (docs/backtest.md).
    #[arg(long)]
    pub observed: PathBuf,
    /// Output folder: results go to <OUT>/<scenario-file-name>-backtest/.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// Replications (1 to 1,000,000).
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub runs: u64,
    /// Random seed (default: the scenario's `seed`).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (default: all cores; at most the cores there are, and at most 1024).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=1024))]
    pub threads: u64,
    /// No table on the terminal.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `tepat fit`.
#[derive(Debug, Clone, Args)]
pub struct FitArgs {
    /// Past trips of one link: a CSV with a column duration_min, duration_h or duration_day,
    /// or the two columns departure and arrival (docs/backtest.md).
    pub trips: PathBuf,
    /// Output folder: results go to <OUT>/<trips-file-name>-fit/.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// No table on the terminal.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `tepat backtest FILE --observed RECORD.csv`.
pub fn backtest(a: &BacktestArgs) -> Result<()> {
    let loaded = scenario::load(&a.file)?;
    let m = model::compile(&loaded)?;
    let t = table::read(&a.observed)?;
    let items = record::check(&t, &m)?;
    let seed = crate::defaults::seed(a.seed, loaded.file.scenario.seed);
    let b = bt::backtest(&m, items, seed, a.runs, a.threads as usize)?;
    let mut files = vec![
        ("backtest.csv".to_string(), export::backtest_csv(&b)?),
        ("calibration.csv".to_string(), export::calibration_csv(&b)?),
    ];
    let chart = crate::plot::backtest::chart(&b)?;
    files.push((
        "backtest.html".to_string(),
        crate::report::backtest::backtest_html(&b, &chart.svg).into_bytes(),
    ));
    files.extend(crate::plot::chart_files(vec![chart]));
    if !a.quiet {
        print_backtest(&b);
    }
    let dir = write_folder(
        &a.out,
        &format!("{}-backtest", folder_name(&a.file)),
        &files,
    )?;
    if !a.quiet {
        println!("written: {}", dir.display());
    }
    Ok(())
}

/// The backtest on the terminal: one line per observed item, then the calibration table.
pub fn print_backtest(b: &Backtest) {
    println!(
        "{}: the record against the model ({} replications, seed {})",
        b.scenario, b.runs, b.seed
    );
    println!(
        "{:<22} {:<16} {:<24} {:>11} {:<36} {:>8}",
        "quantity", "place", "observed", "percentile", "central 95% of the model", "in 95%"
    );
    for ((it, p), s) in b.items.iter().zip(&b.predictive).zip(&b.scores) {
        println!(
            "{:<22} {:<16} {:<24} {:>11} {:<36} {:>8}",
            it.quantity_name,
            export::short(&it.place, 16),
            export::short(&it.observed_text, 24),
            export::percentile(s),
            export::band(&b.clock, it, p),
            if s.central_95 { "yes" } else { "NO" }
        );
    }
    let outside = b.scores.iter().filter(|s| !s.central_95).count();
    println!();
    println!(
        "calibration: observed items inside the central share of their predictive distribution"
    );
    for c in &b.calibration {
        println!(
            "  central {:>3.0}%: {:>3} of {:<3} items ({:.0}%; a calibrated model: about {:.0}%)",
            c.level * 100.0,
            c.inside,
            c.items,
            100.0 * c.inside as f64 / c.items.max(1) as f64,
            c.level * 100.0
        );
    }
    println!("{} item(s) outside the central 95% of the model", outside);
}

/// `tepat fit TRIPS.csv`.
pub fn fit(a: &FitArgs) -> Result<()> {
    let t = table::read(&a.trips)?;
    let x = trips::durations(&t)?;
    let fits = fit::fit_all(&x).map_err(|e| match e {
        fit::FitError::TooFew(n) => Error::Invalid(vec![t.whole(
            format!("{n} trips are too few to fit a distribution: tepat fit needs at least {}", fit::MIN_TRIPS),
            "collect more trips of this link, or write a triangular distribution (min, mode, max) from what the drivers say",
        )]),
        fit::FitError::NoSpread => Error::Invalid(vec![t.whole(
            "every trip took the same time: there is nothing to fit".into(),
            "write { dist = \"fixed\", value = ... } instead",
        )]),
    })?;
    let name = folder_name(&a.trips);
    let best = &fits[0];
    let toml = format!(
        "# fitted by tepat fit from {} trips ({}): {} chosen by AIC; KS D = {:.3}, p = {:.3}\nduration = {}\n",
        x.len(),
        name,
        best.family.name(),
        best.ks,
        best.ks_p,
        fit::toml_distribution(&best.family)
    );
    let chart = crate::plot::qq::chart(&name, &x, &fits)?;
    let mut files = vec![
        ("fit.csv".to_string(), export::fit_csv(&fits)?),
        ("fit.toml".to_string(), toml.clone().into_bytes()),
    ];
    files.extend(crate::plot::chart_files(vec![chart]));
    if !a.quiet {
        println!("{} trips from {}", x.len(), a.trips.display());
        println!(
            "{:<12} {:>12} {:>8} {:>8} {:>8}  parameters (hours) ± standard error",
            "family", "AIC", "ΔAIC", "KS D", "KS p"
        );
        for f in &fits {
            let params: Vec<String> = f
                .params()
                .iter()
                .enumerate()
                .map(|(i, (n, v))| match f.se.get(i) {
                    Some(se) => format!("{n} = {} ± {}", fit::sig4(*v), fit::sig4(*se)),
                    None => format!("{n} = {}", fit::sig4(*v)),
                })
                .collect();
            println!(
                "{:<12} {:>12.2} {:>8.2} {:>8.3} {:>8.3}  {}",
                f.family.name(),
                f.aic,
                f.aic - best.aic,
                f.ks,
                f.ks_p,
                params.join(", ")
            );
        }
        println!();
        println!("{}", toml.trim_end());
    }
    let dir = write_folder(&a.out, &format!("{name}-fit"), &files)?;
    if !a.quiet {
        println!("written: {}", dir.display());
    }
    Ok(())
}
