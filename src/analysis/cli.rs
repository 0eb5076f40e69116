//! The what-if subcommands: load, check, run the analysis, write its folder, print a table.

use crate::cli::{AnalysisArgs, PlanArgs, SweepArgs};
use crate::engine::MAX_RUNS;
use crate::error::{Error, Result};
use crate::model::{self, Model};
use crate::output::{File, write_folder};
use crate::pipeline::folder_name;
use crate::scenario::{self, Loaded};
use crate::time::fmt_local;

fn prepare(a: &AnalysisArgs) -> Result<(Loaded, Model, u64)> {
    if a.runs == 0 || a.runs > MAX_RUNS {
        return Err(Error::Usage(format!(
            "--runs must be from 1 to {MAX_RUNS} (got {})",
            a.runs
        )));
    }
    let loaded = scenario::load(&a.file)?;
    let m = model::compile(&loaded)?;
    let seed = a.seed.or(loaded.file.scenario.seed).unwrap_or(2024);
    Ok((loaded, m, seed))
}

fn write(a: &AnalysisArgs, what: &str, files: Vec<File>) -> Result<()> {
    let dir = write_folder(&a.out, &format!("{}-{what}", folder_name(&a.file)), &files)?;
    if !a.quiet {
        println!("written: {}", dir.display());
    }
    Ok(())
}

/// `tepat sweep`.
pub fn sweep(a: SweepArgs) -> Result<()> {
    let spec = super::sweep::parse_spec(&a.set)?;
    let (loaded, _m, seed) = prepare(&a.common)?;
    let s = super::sweep::sweep(&loaded, &spec, seed, a.common.runs, a.common.threads)?;
    let mut files = vec![("sweep.csv".to_string(), super::sweep::csv(&s)?)];
    files.extend(crate::plot::analysis::sweep_charts(&s)?);
    if !a.common.quiet {
        println!(
            "{}: P(every TPS on time) against {} ({} replications per point, seed {seed})",
            s.scenario, s.key, s.runs
        );
        println!(
            "{:>12}  {:>24}  {:>12}",
            "value", "P(all TPS on time) [95%]", "E[late TPS]"
        );
        for p in &s.points {
            println!(
                "{:>12}  {:>24}  {:>12.2}",
                p.value,
                format!(
                    "{:.3} [{:.3}, {:.3}]",
                    p.all_on_time.p, p.all_on_time.lo, p.all_on_time.hi
                ),
                p.late_stations.mean
            );
        }
    }
    write(&a.common, "sweep", files)
}

/// `tepat plan`.
pub fn plan(a: PlanArgs) -> Result<()> {
    let (loaded, m, seed) = prepare(&a.common)?;
    let target = a.target.or(loaded.file.scenario.target).unwrap_or(0.95);
    if !(target > 0.0 && target < 1.0) {
        return Err(Error::Usage(format!(
            "--target must be between 0 and 1, like 0.95 (got {target})"
        )));
    }
    let p = super::plan::plan(&m, target, seed, a.common.runs, a.common.threads)?;
    let mut files = vec![("plan.csv".to_string(), super::plan::csv(&m, &p)?)];
    files.extend(crate::plot::analysis::plan_charts(&m, &p)?);
    if !a.common.quiet {
        println!(
            "{}: latest safe dispatch per kecamatan for P(on time) >= {target} ({} replications per evaluation, seed {seed})",
            p.scenario, p.runs
        );
        println!(
            "{:<20} {:<17} {:<17} {:>7} {:>16} {:>10}  {:<17}",
            "kecamatan", "planned", "latest safe", "slack h", "P at latest", "P +1 h", "deadline"
        );
        for r in &p.rows {
            let t = |h: Option<f64>| {
                h.map(|h| fmt_local(&m.start, h))
                    .unwrap_or_else(|| "-".into())
            };
            println!(
                "{:<20} {:<17} {:<17} {:>7} {:>16} {:>10}  {:<17}",
                r.kecamatan,
                t(r.current_h),
                r.latest_h
                    .map(|h| fmt_local(&m.start, h))
                    .unwrap_or_else(|| "not reachable".into()),
                match (r.latest_h, r.current_h) {
                    (Some(l), Some(c)) => format!("{:.0}", l - c),
                    _ => "-".into(),
                },
                format!("{:.4} [{:.3}]", r.p_at_latest.p, r.p_at_latest.lo),
                r.p_hour_later
                    .map(|q| format!("{:.4}", q.p))
                    .unwrap_or_else(|| "-".into()),
                t(r.deadline_h)
            );
        }
    }
    write(&a.common, "plan", files)
}

/// `tepat sensitivity`.
pub fn sensitivity(a: AnalysisArgs) -> Result<()> {
    let (_loaded, m, seed) = prepare(&a)?;
    let s = super::sensitivity::sensitivity(&m, seed, a.runs, a.threads)?;
    let mut files = vec![("sensitivity.csv".to_string(), super::sensitivity::csv(&s)?)];
    files.extend(crate::plot::analysis::tornado_charts(&s)?);
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
    write(&a, "sensitivity", files)
}
