//! `tepat plan`: the latest safe dispatch of every consignment.

use clap::Args;

use super::args::AnalysisArgs;
use crate::analysis::plan::Measure;
use crate::error::Result;

/// The example under `tepat plan --help`.
pub const EXAMPLE: &str = "Examples:\n  tepat plan scenarios/bengkalis-2024.toml --target 0.95\n  tepat plan scenarios/bengkalis-2024.toml --measure ppk --runs 5000";

/// `tepat plan`.
#[derive(Debug, Clone, Args)]
pub struct PlanArgs {
    /// Target P(on time) (default: the scenario's `target`, else 0.95).
    #[arg(long, value_parser = super::args::target)]
    pub target: Option<f64>,
    /// What to keep at the target: `tps` (every TPS of the kecamatan by H-1; hubs and
    /// villages) or `ppk` (PPK only: the hub by its own deadline, TPS not checked).
    #[arg(long, value_enum, default_value = "tps")]
    pub measure: Measure,
    /// Common options.
    #[command(flatten)]
    pub common: AnalysisArgs,
}

/// `tepat plan`.
pub fn plan(a: PlanArgs) -> Result<()> {
    let (loaded, m, seed) = super::prepare(&a.common)?;
    // The scenario's target (or the default) is the model's.
    let target = a.target.unwrap_or(m.target);
    let p =
        crate::analysis::plan::plan(&m, target, seed, a.common.runs, a.common.threads, a.measure)?;
    let lang = super::lang(loaded.file.scenario.lang());
    let mut files = vec![("plan.csv".to_string(), crate::export::plan_csv::bytes(&p)?)];
    files.push(super::what_if_workbook(
        &a.common,
        &loaded,
        &m,
        seed,
        "wb-what-plan",
        |w| crate::export::workbook::plan_sheet(w, &p, &m.start, lang),
    )?);
    let chart = crate::plot::in_lang(lang, || crate::plot::plan::chart(&p))?;
    files.extend(crate::plot::chart_files(vec![chart]));
    if !a.common.quiet {
        super::table::print_plan(&m, &p, lang);
    }
    super::write(&a.common, "plan", files, lang)
}
