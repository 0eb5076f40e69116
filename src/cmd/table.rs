//! Tables printed on the terminal: a run's per-kecamatan figures, the ranking of strategies
//! and a dispatch plan. Every figure comes from the summary structs; nothing is computed here.

use crate::model::Model;
use crate::pipeline::ScenarioRun;
use crate::strategy::Comparison;
use crate::time::fmt_local;

/// Print the terminal summary table of a run: per kecamatan (riskiest first) the two TPS
/// questions (every TPS by H-1; some TPS without materials when voting opens) and the PPK
/// deadline, then the riskiest villages and, with strategies, their ranking.
pub fn print_run(run: &ScenarioRun) {
    let s = &run.summary;
    let pr = |p: &crate::summary::Prob| format!("{:.3} [{:.3}, {:.3}]", p.p, p.lo, p.hi);
    println!();
    println!(
        "{}  ({} replications, seed {}, {:.1} s, {:.0} replications/s on {} threads)",
        s.scenario,
        s.runs,
        run.manifest.seed,
        run.manifest.elapsed_s,
        run.manifest.replications_per_s,
        run.manifest.threads
    );
    println!(
        "H-1 rule: every TPS supplied by its deadline{}; voting opens: {}. Target {}.",
        s.h1_h
            .map(|h| format!(" ({})", crate::time::fmt_local(&run.model.start, h)))
            .unwrap_or_default(),
        s.voting_opens
            .as_deref()
            .unwrap_or("not stated in the scenario"),
        s.target
    );
    println!(
        "{:<20} {:>5}  {:>22}  {:>8}  {:>22}  {:>11}  {:>22}",
        "kecamatan",
        "TPS",
        "P(every TPS by H-1)",
        "E[late]",
        "P(some TPS w/o mat.",
        "E[TPS w/o",
        "P(PPK by its deadline)"
    );
    println!(
        "{:<20} {:>5}  {:>22}  {:>8}  {:>22}  {:>11}  {:>22}",
        "", "", "[95%]", "TPS", " at opening) [95%]", "materials]", "[95%]"
    );
    for k in crate::summary::risk_order(&s.kecamatan) {
        let kr = &s.kecamatan[k];
        let hub = &s.nodes[kr.hub];
        let mut name = kr.name.clone();
        if kr.below_target {
            name = format!("{name} !");
        }
        println!(
            "{:<20} {:>5}  {:>22}  {:>8.2}  {:>22}  {:>11}  {:>22}{}",
            name,
            kr.stations,
            pr(&kr.all_stations_on_time),
            kr.late_stations.mean,
            kr.some_without_materials_at_opening
                .map(|p| pr(&p))
                .unwrap_or_else(|| "-".into()),
            kr.without_materials_at_opening
                .map(|m| format!("{:.2}", m.mean))
                .unwrap_or_else(|| "-".into()),
            hub.on_time
                .map(|p| pr(&p))
                .unwrap_or_else(|| "no deadline".into()),
            if s.riskiest == Some(k) {
                "  <- riskiest"
            } else {
                ""
            }
        );
    }
    println!(
        "{:<20} {:>5}  {:>22}  {:>8.2}  {:>22}  {:>11}",
        "ALL",
        s.stations,
        pr(&s.all_on_time),
        s.late_stations.mean,
        s.some_without_materials_at_opening
            .map(|p| pr(&p))
            .unwrap_or_else(|| "-".into()),
        s.without_materials_at_opening
            .map(|m| format!("{:.2}", m.mean))
            .unwrap_or_else(|| "-".into()),
    );
    if s.below_target.is_empty() {
        println!(
            "Every kecamatan meets the target {} for every TPS by H-1.",
            s.target
        );
    } else {
        println!(
            "! below the target {} (P(every TPS by H-1)): {}",
            s.target,
            s.below_target.join(", ")
        );
    }
    if !s.riskiest_villages.is_empty() {
        println!();
        println!("Riskiest villages (most expected late TPS after H-1):");
        println!(
            "  {:<26} {:<18} {:>4} {:>12} {:>10}  leading cause",
            "village", "kecamatan", "TPS", "E[late TPS]", "TPS on time"
        );
        for v in &s.riskiest_villages {
            println!(
                "  {:<26} {:<18} {:>4} {:>12.3} {:>9.1}%  {}",
                v.name,
                v.kecamatan.as_deref().unwrap_or("-"),
                v.stations,
                v.expected_late,
                100.0 * v.share_on_time,
                v.leading_cause.as_deref().unwrap_or("-")
            );
        }
    }
    if let Some(c) = &run.comparison {
        println!();
        print_ranking(c);
    }
    let never: Vec<_> = s.nodes.iter().filter(|n| n.never > 0.0).collect();
    if !never.is_empty() {
        println!(
            "never arrived within the horizon ({:.1} days after the start) in some replications:",
            s.horizon_h / 24.0
        );
        for n in never.iter().take(10) {
            println!(
                "  {:<28} never arrived in {:.1}% of replications",
                n.name,
                100.0 * n.never
            );
        }
        if never.len() > 10 {
            println!(
                "  ... and {} more (column p_never_arrived of summary.csv)",
                never.len() - 10
            );
        }
    }
}

/// Rupiah in millions, for tables.
pub fn juta(x: f64) -> String {
    format!("Rp {:.0} juta", x / 1e6)
}

/// The ranking on the terminal.
pub fn print_ranking(c: &Comparison) {
    println!(
        "Strategies against the baseline ({} paired replications, seed {}), ranked by late TPS avoided:",
        c.runs, c.seed
    );
    println!(
        "  {:<3} {:<48} {:>12} {:>24} {:>28} {:>20}  efficient",
        "#",
        "strategy",
        "cost",
        "late TPS avoided [95%]",
        "ΔP(every TPS by H-1) [95%]",
        "per late TPS avoided",
    );
    for (i, r) in crate::strategy::ranking(c).into_iter().enumerate() {
        let o = &r.overall;
        println!(
            "  {:<3} {:<48} {:>12} {:>24} {:>28} {:>20}  {}",
            i + 1,
            r.name,
            r.cost_idr.map(juta).unwrap_or_else(|| "-".into()),
            format!(
                "{:+.2} [{:+.2}, {:+.2}]",
                o.avoided.mean, o.avoided.lo, o.avoided.hi
            ),
            format!("{:+.4} [{:+.4}, {:+.4}]", o.diff.mean, o.diff.lo, o.diff.hi),
            match (r.significant, o.cost_per_avoided) {
                (true, Some(x)) if o.avoided.lo > 0.0 => juta(x),
                _ => "-".into(),
            },
            if r.efficient { "yes" } else { "" }
        );
        if let Some(reason) = &r.reason {
            println!("      no measurable effect: {reason}");
        } else if o.avoided.hi < 0.0 || o.diff.hi < 0.0 {
            println!("      makes the TPS worse off: do not use");
        }
    }
}

/// The plan on the terminal: per kecamatan its answer, then every consignment.
pub fn print_plan(m: &Model, p: &crate::analysis::plan::Plan) {
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
    if p.measure == crate::analysis::plan::Measure::Ppk {
        println!(
            "PPK only: these times keep the hub's own deadline; they do not check the TPS (run without --measure ppk for that)."
        );
    }
}
