//! `tepat sensitivity`: which inputs matter most (a tornado of low and high settings).

use super::args::AnalysisArgs;
use crate::error::Result;

/// The example under `tepat sensitivity --help`.
pub const EXAMPLE: &str =
    "Example:\n  tepat sensitivity scenarios/bengkalis-2024.toml --runs 2000 --out output";

/// `tepat sensitivity`.
pub fn sensitivity(a: AnalysisArgs) -> Result<()> {
    let (loaded, m, seed) = super::prepare(&a)?;
    let s = crate::analysis::sensitivity::sensitivity(&m, seed, a.runs, a.threads)?;
    let mut files = vec![(
        "sensitivity.csv".to_string(),
        crate::export::sensitivity_csv::bytes(&s)?,
    )];
    files.push(super::what_if_workbook(
        &a,
        &loaded,
        &m,
        seed,
        "wb-what-sensitivity",
        |w| crate::export::workbook::sensitivity_sheet(w, &s),
    )?);
    files.extend(crate::plot::chart_files(vec![crate::plot::tornado::chart(
        &s,
    )?]));
    if !a.quiet {
        println!(
            "{}: P(every TPS on time) = {:.3} at the baseline ({} replications per setting, seed {seed})",
            s.scenario, s.base.p, s.runs
        );
        println!(
            "{:<26} {:>14} {:>8}   {:>14} {:>8}   {:>7}",
            "input", "low", "P", "high", "P", "swing"
        );
        for e in &s.effects {
            println!(
                "{:<26} {:>14} {:>8.3}   {:>14} {:>8.3}   {:>7.3}",
                e.input, e.low, e.p_low.p, e.high, e.p_high.p, e.swing
            );
        }
    }
    super::write(&a, "sensitivity", files)
}
