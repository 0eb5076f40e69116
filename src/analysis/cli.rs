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
    let (loaded, m, seed) = prepare(&a.common)?;
    let s = super::sweep::sweep(&loaded, &spec, seed, a.common.runs, a.common.threads)?;
    let mut files = vec![("sweep.csv".to_string(), super::sweep::csv(&s)?)];
    files.extend(crate::plot::analysis::sweep_charts(&m, &s)?);
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
    let p = super::plan::plan(&m, target, seed, a.common.runs, a.common.threads, a.measure)?;
    let mut files = vec![("plan.csv".to_string(), super::plan::csv(&m, &p)?)];
    files.extend(crate::plot::analysis::plan_charts(&m, &p)?);
    if !a.common.quiet {
        print_plan(&m, &p);
    }
    write(&a.common, "plan", files)
}

/// The plan on the terminal: per kecamatan its answer, then every consignment.
pub fn print_plan(m: &Model, p: &super::plan::Plan) {
    let t = |h: Option<f64>| {
        h.map(|h| fmt_local(&m.start, h))
            .unwrap_or_else(|| "-".into())
    };
    println!(
        "{}: latest safe dispatch for P({}) >= {}, every recommended dispatch applied together ({} replications, seed {}, {:.1} s)",
        p.scenario,
        p.measure.label(),
        p.target,
        p.runs,
        p.seed,
        p.elapsed_s
    );
    println!(
        "{:<20} {:>22} {:>22}  answer",
        "kecamatan", "P as planned [95%]", "P with plan [95%]"
    );
    let pr = |q: &crate::summary::Prob| format!("{:.3} [{:.3}, {:.3}]", q.p, q.lo, q.hi);
    for k in &p.kecamatan {
        println!(
            "{:<20} {:>22} {:>22}  {}",
            k.name,
            pr(&k.p_current),
            pr(&k.p_plan),
            match &k.binds {
                None => "reachable by dispatch".to_string(),
                Some(b) => format!("NOT reachable by dispatch: {b}"),
            }
        );
    }
    println!();
    println!(
        "{:<20} {:<5} {:<28} {:<17} {:<17} {:>7} {:>9}  {:<17}",
        "kecamatan", "level", "to", "planned", "latest safe", "slack h", "P +1 h", "TPS deadline"
    );
    for r in &p.rows {
        let latest = match r.latest_h {
            Some(h) => fmt_local(&m.start, h),
            None if r.status.starts_with("not reachable") => "not reachable".into(),
            None if r.status.starts_with("as soon") => "when ready".into(),
            None => "-".into(),
        };
        println!(
            "{:<20} {:<5} {:<28} {:<17} {:<17} {:>7} {:>9}  {:<17}",
            r.kecamatan,
            r.level,
            r.node,
            t(r.current_h),
            latest,
            match (r.latest_h, r.current_h) {
                (Some(l), Some(c)) => format!("{:.0}", l - c),
                _ => "-".into(),
            },
            r.p_hour_later
                .map(|q| format!("{:.3}", q.p))
                .unwrap_or_else(|| "-".into()),
            t(r.deadline_h)
        );
    }
    if p.measure == super::plan::Measure::Ppk {
        println!(
            "PPK only: these times keep the hub's own deadline; they do not check the TPS (run without --measure ppk for that)."
        );
    }
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
