//! Tables printed on the terminal: a run's per-kecamatan figures, the ranking of strategies
//! and a dispatch plan. Every figure comes from the summary structs; nothing is computed here.

use crate::lang::{Lang, format, t};
use crate::model::Model;
use crate::pipeline::ScenarioRun;
use crate::strategy::Comparison;

/// Print the terminal summary table of a run: per kecamatan (riskiest first) the two TPS
/// questions (every TPS by H-1; some TPS without materials when voting opens) and the PPK
/// deadline, then the riskiest villages and, with strategies, their ranking.
pub fn print_run(run: &ScenarioRun, lang: Lang) {
    let s = &run.summary;
    let pr = |p: &crate::summary::Prob| format::percent_interval(lang, p.p, p.lo, p.hi);
    let n2 = |x: f64| format::number(lang, x, 2);
    let mf = &run.manifest;
    println!();
    println!(
        "{}",
        t!(
            lang,
            "run-heading",
            scenario = crate::text::visible(&s.scenario).into_owned(),
            runs = format::int(lang, s.runs as i64),
            seed = mf.seed.to_string(),
            secs = format::number(lang, mf.elapsed_s, 1),
            rate = format::int(lang, mf.replications_per_s.round() as i64),
            threads = mf.threads.to_string()
        )
    );
    println!(
        "{}",
        t!(
            lang,
            "run-rule",
            deadline = s
                .h1_h
                .map(|h| format::datetime_at(lang, &run.model.start, h))
                .unwrap_or_else(|| "–".into()),
            opens = s
                .voting_opens_h
                .map(|h| format::datetime_at(lang, &run.model.start, h))
                .unwrap_or_else(|| t!(lang, "run-opens-unknown")),
            target = format::percent(lang, s.target)
        )
    );
    println!(
        "{:<20} {:>5}  {:>22}  {:>10}  {:>22}  {:>10}  {:>22}",
        t!(lang, "run-col-kecamatan"),
        "TPS",
        t!(lang, "run-col-all"),
        t!(lang, "run-col-late"),
        t!(lang, "run-col-opening"),
        t!(lang, "run-col-without"),
        t!(lang, "run-col-ppk")
    );
    for k in crate::summary::risk_order(&s.kecamatan) {
        let kr = &s.kecamatan[k];
        let hub = &s.nodes[kr.hub];
        let mut name = crate::text::visible(&kr.name).into_owned();
        if kr.below_target {
            name = format!("{name} !");
        }
        println!(
            "{:<20} {:>5}  {:>22}  {:>10}  {:>22}  {:>10}  {:>22}{}",
            name,
            kr.stations,
            pr(&kr.all_stations_on_time),
            n2(kr.late_stations.mean),
            kr.some_without_materials_at_opening
                .map(|p| pr(&p))
                .unwrap_or_else(|| "-".into()),
            kr.without_materials_at_opening
                .map(|m| n2(m.mean))
                .unwrap_or_else(|| "-".into()),
            hub.on_time
                .map(|p| pr(&p))
                .unwrap_or_else(|| t!(lang, "run-no-deadline")),
            if s.riskiest == Some(k) {
                format!("  <- {}", t!(lang, "run-riskiest"))
            } else {
                String::new()
            }
        );
    }
    println!(
        "{:<20} {:>5}  {:>22}  {:>10}  {:>22}  {:>10}",
        t!(lang, "run-all"),
        format::int(lang, s.stations as i64),
        pr(&s.all_on_time),
        n2(s.late_stations.mean),
        s.some_without_materials_at_opening
            .map(|p| pr(&p))
            .unwrap_or_else(|| "-".into()),
        s.without_materials_at_opening
            .map(|m| n2(m.mean))
            .unwrap_or_else(|| "-".into()),
    );
    println!("{}", t!(lang, "run-legend"));
    if s.below_target.is_empty() {
        println!(
            "{}",
            t!(
                lang,
                "run-target-met",
                target = format::percent(lang, s.target)
            )
        );
    } else {
        println!(
            "{}",
            t!(
                lang,
                "run-target-missed",
                target = format::percent(lang, s.target),
                names = crate::text::visible(&s.below_target.join(", ")).into_owned()
            )
        );
    }
    print_villages(s, lang);
    if let Some(c) = &run.comparison {
        println!();
        print_ranking(c, lang);
    }
    print_never(s, lang);
}

/// The riskiest villages of a run, on the terminal.
fn print_villages(s: &crate::summary::Summary, lang: Lang) {
    if !s.riskiest_villages.is_empty() {
        println!();
        println!("{}", t!(lang, "run-villages"));
        println!(
            "  {:<26} {:<18} {:>4} {:>10} {:>15}  {}",
            t!(lang, "run-col-village"),
            t!(lang, "run-col-kecamatan"),
            "TPS",
            t!(lang, "run-col-late"),
            t!(lang, "run-col-share"),
            t!(lang, "run-col-cause")
        );
        for v in &s.riskiest_villages {
            println!(
                "  {:<26} {:<18} {:>4} {:>10} {:>15}  {}",
                crate::text::visible(&v.name),
                crate::text::visible(v.kecamatan.as_deref().unwrap_or("-")),
                v.stations,
                format::number(lang, v.expected_late, 3),
                format::percent(lang, v.share_on_time),
                v.leading_cause
                    .as_deref()
                    .map(|c| crate::lang::cause(lang, c))
                    .unwrap_or_else(|| "-".into())
            );
        }
    }
}

/// The places that never arrived within the horizon in some replications.
fn print_never(s: &crate::summary::Summary, lang: Lang) {
    let never: Vec<_> = s.nodes.iter().filter(|n| n.never > 0.0).collect();
    if never.is_empty() {
        return;
    }
    println!(
        "{}",
        t!(
            lang,
            "run-never",
            days = format::number(lang, s.horizon_h / 24.0, 1)
        )
    );
    for n in never.iter().take(10) {
        println!(
            "  {:<28} {}",
            crate::text::visible(&n.name),
            t!(
                lang,
                "run-never-row",
                share = format::number(lang, 100.0 * n.never, 1)
            )
        );
    }
    if never.len() > 10 {
        println!(
            "  {}",
            t!(
                lang,
                "run-never-more",
                count = format::int(lang, (never.len() - 10) as i64)
            )
        );
    }
}

/// The ranking on the terminal, in `lang`.
pub fn print_ranking(c: &Comparison, lang: Lang) {
    println!(
        "{}",
        t!(
            lang,
            "rank-heading",
            runs = format::int(lang, c.runs as i64),
            seed = c.seed.to_string()
        )
    );
    println!(
        "  {:<3} {:<40} {:>14} {:>34} {:>38} {:>30}  {}",
        "#",
        t!(lang, "rank-col-strategy"),
        t!(lang, "rank-col-cost"),
        t!(lang, "rank-col-avoided"),
        t!(lang, "rank-col-change"),
        t!(lang, "rank-col-per"),
        t!(lang, "rank-col-efficient"),
    );
    let money = |x: f64| format::money(lang, x);
    let n2 = |x: f64| {
        let n = format::number(lang, x, 2);
        if n.starts_with('-') {
            n
        } else {
            format!("+{n}")
        }
    };
    for (i, r) in crate::strategy::ranking(c).into_iter().enumerate() {
        let o = &r.overall;
        crate::text::print_line(&format!(
            "  {:<3} {:<40} {:>14} {:>34} {:>38} {:>30}  {}",
            i + 1,
            r.name,
            r.cost_idr.map(money).unwrap_or_else(|| "–".into()),
            format!(
                "{} ({} … {})",
                n2(o.avoided.mean),
                n2(o.avoided.lo),
                n2(o.avoided.hi)
            ),
            format::points_interval(lang, o.diff.mean, o.diff.lo, o.diff.hi),
            match (r.significant, o.cost_per_avoided) {
                (true, Some(x)) if o.avoided.lo > 0.0 => money(x),
                _ => "–".into(),
            },
            if r.efficient {
                t!(lang, "yes")
            } else {
                String::new()
            }
        ));
        if r.reason.is_some() {
            let why = crate::report::tables::reason(lang, c, r);
            crate::text::print_line(&format!(
                "      {}",
                t!(lang, "rank-no-effect", reason = why)
            ));
        } else if o.avoided.hi < 0.0 || o.diff.hi < 0.0 {
            println!("      {}", t!(lang, "rank-worse"));
        }
    }
}

/// The plan on the terminal: per kecamatan its answer, then every consignment, in `lang`.
pub fn print_plan(m: &Model, p: &crate::analysis::plan::Plan, lang: Lang) {
    use crate::analysis::plan::Measure;
    let t = |h: Option<f64>| {
        h.map(|h| format::datetime_at(lang, &m.start, h))
            .unwrap_or_else(|| "–".into())
    };
    crate::text::print_line(&t!(
        lang,
        "plan-heading",
        scenario = &p.scenario,
        measure = match p.measure {
            Measure::Tps => t!(lang, "plan-measure-tps"),
            Measure::Ppk => t!(lang, "plan-measure-ppk"),
        },
        target = format::percent(lang, p.target),
        runs = format::int(lang, p.runs as i64),
        seed = p.seed.to_string(),
        secs = format::number(lang, p.elapsed_s, 1)
    ));
    println!(
        "{:<20} {:>24} {:>24}  {}",
        t!(lang, "plan-col-kecamatan"),
        t!(lang, "plan-col-now"),
        t!(lang, "plan-col-with"),
        t!(lang, "plan-col-answer")
    );
    let pr = |q: &crate::summary::Prob| format::percent_interval(lang, q.p, q.lo, q.hi);
    for k in &p.kecamatan {
        crate::text::print_line(&format!(
            "{:<20} {:>24} {:>24}  {}",
            k.name,
            pr(&k.p_current),
            pr(&k.p_plan),
            match &k.binds {
                None => t!(lang, "plan-reachable"),
                Some(b) => t!(
                    lang,
                    "plan-not-reachable",
                    why = crate::analysis::words::binds_words(lang, b)
                ),
            }
        ));
    }
    println!();
    println!(
        "{:<20} {:<7} {:<28} {:<22} {:<22} {:>12} {:>22}  {:<22}",
        t!(lang, "plan-col-kecamatan"),
        t!(lang, "plan-col-level"),
        t!(lang, "plan-col-to"),
        t!(lang, "plan-col-planned"),
        t!(lang, "plan-col-latest"),
        t!(lang, "plan-col-slack"),
        t!(lang, "plan-col-later"),
        t!(lang, "plan-col-deadline")
    );
    for r in &p.rows {
        let latest = match r.latest_h {
            Some(h) => format::datetime_at(lang, &m.start, h),
            None if r.status.starts_with("not reachable") => {
                crate::analysis::words::plan_status(lang, &r.status)
            }
            None if r.status.starts_with("as soon") => t!(lang, "plan-when-ready"),
            None => "–".into(),
        };
        crate::text::print_line(&format!(
            "{:<20} {:<7} {:<28} {:<22} {:<22} {:>12} {:>22}  {:<22}",
            r.kecamatan,
            r.level,
            r.node,
            t(r.current_h),
            latest,
            match (r.latest_h, r.current_h) {
                (Some(l), Some(c)) => format::number(lang, l - c, 0),
                _ => "–".into(),
            },
            r.p_hour_later
                .map(|q| format::percent(lang, q.p))
                .unwrap_or_else(|| "–".into()),
            t(r.deadline_h)
        ));
    }
    if p.measure == Measure::Ppk {
        println!("{}", t!(lang, "plan-ppk-note"));
    }
}
