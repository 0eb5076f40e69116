//! `tepat sweep`: P(on time) against one parameter.

use clap::Args;

use super::args::AnalysisArgs;
use crate::error::Result;

/// The example under `tepat sweep --help`.
pub const EXAMPLE: &str = "Examples:\n  tepat sweep scenarios/bengkalis-2024.toml --set \"link.Ro-Ro Air Putih - Sungai Selari.vessel.wave_limit_m=1.5..3:0.25\"\n  tepat sweep scenarios/bengkalis-2024.toml --set \"node.Rupat.planned_dispatch=2024-02-06T08:00+07:00,2024-02-08T08:00+07:00\"";

/// `tepat sweep`.
#[derive(Debug, Clone, Args)]
pub struct SweepArgs {
    /// The parameter and its values: KEY=FROM..TO:STEP or KEY=V1,V2,... where KEY is a change
    /// path as in a strategy's `set` (like link.ferry.vessel.wave_limit_m).
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
    files.extend(crate::plot::chart_files(vec![crate::plot::sweep::chart(
        &s,
    )?]));
    if !a.common.quiet {
        println!(
            "{}: P(every TPS on time) against {} ({} replications per point, seed {seed})",
            s.scenario, s.key, s.runs
        );
        println!(
            "{:>16}  {:>24}  {:>12}",
            "value", "P(all TPS on time) [95%]", "E[late TPS]"
        );
        for p in &s.points {
            println!(
                "{:>16}  {:>24}  {:>12.2}",
                p.label,
                format!(
                    "{:.3} [{:.3}, {:.3}]",
                    p.all_on_time.p, p.all_on_time.lo, p.all_on_time.hi
                ),
                p.late_stations.mean
            );
        }
    }
    super::write(&a.common, "sweep", files)
}
