//! `tepat plan`: the latest safe dispatch of every consignment.

use clap::Args;

use super::args::AnalysisArgs;
use crate::analysis::plan::Measure;
use crate::error::Result;

/// `tepat plan`.
#[derive(Debug, Clone, Args)]
pub struct PlanArgs {
    /// Target probability.
    #[arg(long, value_parser = super::args::target)]
    pub target: Option<f64>,
    /// What the plan keeps at the target.
    #[arg(long, value_enum, default_value = "tps")]
    pub measure: Measure,
    /// The status file of the distribution week.
    #[arg(long, value_name = "STATUS.csv", requires = "as_of")]
    pub status: Option<std::path::PathBuf>,
    /// The time the status describes.
    #[arg(long, value_name = "DATETIME", value_parser = super::args::as_of)]
    pub as_of: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// Common options.
    #[command(flatten)]
    pub common: AnalysisArgs,
}

/// `tepat plan`.
pub fn plan(a: PlanArgs) -> Result<()> {
    let (mut loaded, mut m, seed) = super::prepare(&a.common)?;
    let lang = super::lang(loaded.file.scenario.lang());
    let mut what = "plan".to_string();
    // As of a time: the scenario's name says so in every output, in the run's language.
    let mut as_of_name = None;
    if let Some(at) = a.as_of {
        let as_of = crate::pipeline::AsOf {
            at,
            status: a.status.clone(),
            lang,
        };
        m.observed = Some(std::sync::Arc::new(crate::pipeline::observations(
            &m, &as_of,
        )?));
        // Beside the plan made before the week, never over it.
        what = format!("plan-as-of-{}", at.format("%Y-%m-%dT%H%M"));
        let name = crate::lang::tr(
            lang,
            "as-of-name",
            &[
                ("scenario", loaded.file.scenario.name.as_str().into()),
                ("at", crate::lang::format::datetime(lang, &at).into()),
            ],
        );
        loaded.file.scenario.name = name.clone();
        as_of_name = Some(name);
    }
    // The scenario's target (or the default) is the model's.
    let target = a.target.unwrap_or(m.target);
    let mut p =
        crate::analysis::plan::plan(&m, target, seed, a.common.runs, a.common.threads, a.measure)?;
    if let Some(name) = as_of_name {
        p.scenario = name;
    }
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
    super::write(&a.common, &what, files, lang)
}
