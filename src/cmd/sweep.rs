//! `tepat sweep`: P(on time) against one parameter.

use clap::Args;

use super::args::AnalysisArgs;
use crate::error::Result;
use crate::lang::{Lang, format, t};

/// `tepat sweep`.
#[derive(Debug, Clone, Args)]
pub struct SweepArgs {
    /// The swept parameter and its values.
    #[arg(long = "set", value_name = "KEY=VALUES")]
    pub set: String,
    /// Common options.
    #[command(flatten)]
    pub common: AnalysisArgs,
}

/// `tepat sweep`.
pub fn sweep(a: SweepArgs) -> Result<()> {
    let spec = crate::analysis::sweep::parse_spec(&a.set)?;
    // `prepare` checks the scenario as written; the sweep compiles each variant itself.
    let (loaded, m, seed) = super::prepare(&a.common)?;
    let s = crate::analysis::sweep::sweep(&loaded, &spec, seed, a.common.runs, a.common.threads)?;
    let mut files = vec![(
        "sweep.csv".to_string(),
        crate::export::sweep_csv::bytes(&s)?,
    )];
    files.push(super::what_if_workbook(
        &a.common,
        &loaded,
        &m,
        seed,
        "wb-what-sweep",
        |w| crate::export::workbook::sweep_sheet(w, &s),
    )?);
    let lang = super::lang(loaded.file.scenario.lang());
    let chart = crate::plot::in_lang(lang, || crate::plot::sweep::chart(&s))?;
    files.extend(crate::plot::chart_files(vec![chart]));
    if !a.common.quiet {
        print_sweep(&s, seed, lang);
    }
    super::write(&a.common, "sweep", files, lang)
}

/// The sweep on the terminal: one line per value.
fn print_sweep(s: &crate::analysis::sweep::Sweep, seed: u64, lang: Lang) {
    crate::text::print_line(&t!(
        lang,
        "sweep-heading",
        scenario = &s.scenario,
        key = &s.key,
        runs = format::int(lang, s.runs as i64),
        seed = seed.to_string()
    ));
    println!(
        "{:>22}  {:>28}  {:>20}",
        t!(lang, "sweep-col-value"),
        t!(lang, "sweep-col-all"),
        t!(lang, "sweep-col-late")
    );
    for p in &s.points {
        let q = &p.all_on_time;
        crate::text::print_line(&format!(
            "{:>22}  {:>28}  {:>20}",
            value_words(s, p.value, lang),
            format::percent_interval(lang, q.p, q.lo, q.hi),
            format::number(lang, p.late_stations.mean, 2)
        ));
    }
}

/// A swept value as a person reads it in `lang`: a local datetime, or a number with a
/// decimal comma in Indonesian.
fn value_words(s: &crate::analysis::sweep::Sweep, v: f64, lang: Lang) -> String {
    if s.datetimes {
        format::datetime_at(lang, &s.clock.start, v)
    } else {
        format::number_trim(lang, v, 4)
    }
}
