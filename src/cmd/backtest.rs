//! `tepat backtest` and `tepat fit`: the record or the trips read, checked, scored or fitted
//! ([`crate::backtest`]), and the files, charts and terminal tables written.

use std::path::PathBuf;

use clap::Args;

use crate::backtest::{self as bt, Backtest, fit, record, table, trips, words};
use crate::error::{Error, Result};
use crate::export::backtest as export;
use crate::lang::{Lang, format, msg, t};
use crate::model;
use crate::output::write_folder;
use crate::pipeline::folder_name;
use crate::scenario;

/// The most replications of a backtest.
pub const MAX_RUNS: u64 = 1_000_000;

/// `tepat backtest`.
#[derive(Debug, Clone, Args)]
pub struct BacktestArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// The record of what happened.
    #[arg(long)]
    pub observed: PathBuf,
    /// Output folder or file.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// Replications.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..=MAX_RUNS))]
    pub runs: u64,
    /// Random seed.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (0: every core).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=1024))]
    pub threads: u64,
    /// No terminal table or progress.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `tepat fit`.
#[derive(Debug, Clone, Args)]
pub struct FitArgs {
    /// Past trips of one link: a CSV with a column duration_min, duration_h or duration_day,
    /// or the two columns departure and arrival (docs/backtest.md).
    pub trips: PathBuf,
    /// Output folder or file.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// No terminal table or progress.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `tepat backtest FILE --observed RECORD.csv`.
pub fn backtest(a: &BacktestArgs) -> Result<()> {
    let loaded = scenario::load(&a.file)?;
    let m = model::compile(&loaded)?;
    // The record's problems are shown in the scenario's language unless `--lang` says
    // otherwise, like the scenario's own.
    let items = table::read(&a.observed)
        .and_then(|t| record::check(&t, &m))
        .map_err(|e| in_file_lang(e, loaded.file.scenario.lang()))?;
    let seed = crate::defaults::seed(a.seed, loaded.file.scenario.seed);
    let b = bt::backtest(&m, items, seed, a.runs, a.threads as usize)?;
    let mut files = vec![
        ("backtest.csv".to_string(), export::backtest_csv(&b)?),
        ("calibration.csv".to_string(), export::calibration_csv(&b)?),
    ];
    let lang = super::lang(loaded.file.scenario.lang());
    let chart = crate::plot::in_lang(lang, || crate::plot::backtest::chart(&b))?;
    files.push((
        "backtest.html".to_string(),
        crate::report::backtest::backtest_html(&b, &chart.svg, lang).into_bytes(),
    ));
    files.extend(crate::plot::chart_files(vec![chart]));
    if !a.quiet {
        print_backtest(&b, lang);
    }
    let dir = write_folder(
        &a.out,
        &format!("{}-backtest", folder_name(&a.file)),
        &files,
    )?;
    if !a.quiet {
        println!("{}", t!(lang, "written", path = dir.display().to_string()));
    }
    Ok(())
}

/// An input error whose diagnostics are shown in `lang` (the language a file asks for) unless
/// the command line says otherwise.
fn in_file_lang(e: Error, lang: Option<Lang>) -> Error {
    match e {
        Error::Invalid(mut diags) => {
            for d in &mut diags {
                d.lang = d.lang.or(lang);
            }
            Error::Invalid(diags)
        }
        e => e,
    }
}

/// The backtest on the terminal, in `lang`: one line per observed item, then the
/// calibration table.
pub fn print_backtest(b: &Backtest, lang: Lang) {
    crate::text::print_line(&t!(
        lang,
        "bt-heading",
        scenario = &b.scenario,
        runs = format::int(lang, b.runs as i64),
        seed = b.seed.to_string()
    ));
    println!(
        "{:<22} {:<16} {:<24} {:>11} {:<48} {:>10}",
        t!(lang, "bt-col-quantity"),
        t!(lang, "bt-col-place"),
        t!(lang, "bt-col-observed"),
        t!(lang, "bt-col-percentile"),
        t!(lang, "bt-col-band"),
        t!(lang, "bt-col-inside")
    );
    for ((it, p), s) in b.items.iter().zip(&b.predictive).zip(&b.scores) {
        crate::text::print_line(&format!(
            "{:<22} {:<16} {:<24} {:>11} {:<48} {:>10}",
            export::short(&words::quantity(lang, it), 22),
            export::short(&it.place, 16),
            export::short(&words::observed(lang, &b.clock, it), 24),
            words::percentile(lang, s),
            words::band(lang, &b.clock, it, p),
            words::inside(lang, s)
        ));
    }
    let outside = b.scores.iter().filter(|s| !s.central_95).count();
    println!();
    println!("{}", t!(lang, "bt-calibration"));
    for c in &b.calibration {
        println!(
            "  {}",
            t!(
                lang,
                "bt-cal-row",
                level = format::percent(lang, c.level),
                inside = format::int(lang, c.inside as i64),
                items = format::int(lang, c.items as i64),
                share = format::percent(lang, c.inside as f64 / c.items.max(1) as f64)
            )
        );
    }
    println!(
        "{}",
        t!(lang, "bt-outside", n = format::int(lang, outside as i64))
    );
}

/// `tepat fit TRIPS.csv`.
pub fn fit(a: &FitArgs) -> Result<()> {
    let t = table::read(&a.trips)?;
    let x = trips::durations(&t)?;
    let fits = fit::fit_all(&x).map_err(|e| match e {
        fit::FitError::TooFew(n) => Error::Invalid(vec![
            t.whole(msg!("e985", n = n, min = fit::MIN_TRIPS), msg!("e985-help")),
        ]),
        fit::FitError::NoSpread => Error::Invalid(vec![t.whole(msg!("e986"), msg!("e986-help"))]),
    })?;
    let name = folder_name(&a.trips);
    let best = &fits[0];
    let lang = super::lang(None);
    // The comment is in the language asked for (like `tepat new`'s); the line under it is a
    // scenario file's `duration`, as written in TOML.
    let toml = format!(
        "# {}\nduration = {}\n",
        t!(
            lang,
            "fit-toml-comment",
            n = format::int(lang, x.len() as i64),
            name = name.as_str(),
            family = best.family.name(),
            d = format::number(lang, best.ks, 3),
            p = format::number(lang, best.ks_p, 3)
        ),
        fit::toml_distribution(&best.family)
    );
    let chart = crate::plot::in_lang(lang, || crate::plot::qq::chart(&name, &x, &fits))?;
    let mut files = vec![
        ("fit.csv".to_string(), export::fit_csv(&fits)?),
        ("fit.toml".to_string(), toml.clone().into_bytes()),
    ];
    files.extend(crate::plot::chart_files(vec![chart]));
    if !a.quiet {
        crate::text::print_line(&t!(
            lang,
            "fit-heading",
            n = format::int(lang, x.len() as i64),
            file = a.trips.display().to_string()
        ));
        println!(
            "{:<14} {:>12} {:>8} {:>8} {:>8}  {}",
            t!(lang, "fit-col-family"),
            "AIC",
            "ΔAIC",
            "KS D",
            "KS p",
            t!(lang, "fit-col-params")
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
                "{:<14} {:>12} {:>8} {:>8} {:>8}  {}",
                words::family(lang, f.family.name()),
                format::number(lang, f.aic, 2),
                format::number(lang, f.aic - best.aic, 2),
                format::number(lang, f.ks, 3),
                format::number(lang, f.ks_p, 3),
                params.join(", ")
            );
        }
        println!();
        println!("{}", toml.trim_end());
    }
    let dir = write_folder(&a.out, &format!("{name}-fit"), &files)?;
    if !a.quiet {
        println!("{}", t!(lang, "written", path = dir.display().to_string()));
    }
    Ok(())
}
