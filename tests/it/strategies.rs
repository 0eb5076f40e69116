//! Strategies, what-ifs and the latest safe dispatch: paired comparisons under common random
//! numbers, metamorphic tests, and the consistency of `plan`.

use tepat::analysis::plan::{Measure, plan, search_hub};
use tepat::engine::Scratch;
use tepat::model::Model;
use tepat::pipeline::model_from_str;
use tepat::strategy::{Comparison, Compiled, compile_all};

/// The paired comparison on `threads` threads, without progress or cancellation.
fn compare(
    base: &Model,
    s: &[Compiled],
    seed: u64,
    runs: u64,
    threads: usize,
) -> tepat::error::Result<Comparison> {
    let cancel = tepat::engine::Cancel::new();
    let opts = tepat::engine::RangeOptions {
        threads,
        control: tepat::engine::Control {
            cancel: &cancel,
            progress: &tepat::engine::NoProgress,
        },
    };
    tepat::strategy::compare(base, s, seed, runs, &opts)
}

fn minimal() -> String {
    std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap()
}

fn loaded(text: &str) -> tepat::scenario::Loaded {
    let path = std::path::PathBuf::from("s.toml");
    let file = tepat::scenario::parse(&path, text).unwrap();
    let n = file.strategy.len();
    tepat::scenario::Loaded {
        path: path.clone(),
        text: text.to_string(),
        sha256: String::new(),
        file,
        basemap: None,
        strategy_origin: (0..n).map(|i| (path.clone(), String::new(), i)).collect(),
    }
}

const STRATEGIES: &str = r#"
[[strategy]]
name = "nothing"
description = "Sets a value to what it already is."
cost_idr = 1_000_000
[strategy.set]
"link.road.distance_km" = 60

[[strategy]]
name = "faster road"
cost_idr = 5_000_000
[strategy.set]
"link.road.speed_kmh" = { dist = "triangular", min = 35, mode = 50, max = 65 }

[[strategy]]
name = "calmer crossing"
[strategy.set]
"link.ferry.vessel.cancel_probability" = 0.0
"zone.strait.transition" = [[0.95, 0.05], [0.5, 0.5]]
"#;

fn compared() -> tepat::strategy::Comparison {
    // A tight station deadline, so that lateness is common and the strategies matter.
    let text = format!(
        "{}{STRATEGIES}",
        minimal().replace("2024-02-13T23:59:00+07:00", "2024-02-11T20:00:00+07:00")
    );
    let l = loaded(&text);
    let base = tepat::model::compile(&l).unwrap();
    let s = compile_all(&l, &base).unwrap();
    assert_eq!(s.len(), 3);
    compare(&base, &s, 5, 20_000, 2).unwrap()
}

#[test]
fn a_strategy_that_changes_nothing_differs_by_exactly_zero() {
    let c = compared();
    let s = &c.strategies[0];
    assert_eq!(s.name, "nothing");
    assert_eq!(s.overall.diff.mean, 0.0);
    assert_eq!((s.overall.diff.lo, s.overall.diff.hi), (0.0, 0.0));
    assert_eq!(s.overall.avoided.mean, 0.0);
    assert_eq!(s.overall.p_better, 0.0);
    assert_eq!(s.overall.p_worse, 0.0);
    assert!(s.overall.cost_per_avoided.is_none());
    for k in &s.kecamatan {
        assert_eq!(k.diff.mean, 0.0);
    }
    // No measurable effect: never efficient, and a one-line reason: it sets a value to what
    // it already is, so it changes nothing the simulation sees.
    assert!(!s.significant);
    assert!(!s.efficient);
    let reason = s.reason.as_deref().expect("a reason");
    assert!(
        reason.contains("changes nothing the simulation sees")
            && reason.contains("expected late TPS"),
        "{reason}"
    );
    // The road and the ferry are depot -> PPK legs of the minimal scenario.
    assert_eq!(c.strategies[1].touches, "depot → PPK legs");
    // Every strategy with an effect is measurable, and the lateness by level adds up.
    for x in &c.strategies[1..] {
        assert!(x.significant, "{}", x.name);
        assert!(x.reason.is_none());
    }
    let by_level: f64 = c.base_late_by_level.iter().sum();
    assert!((by_level - c.strategies[1].overall.late_base).abs() < 1e-9);
}

#[test]
fn a_strategy_whose_interval_contains_zero_is_never_efficient() {
    // A cheap strategy with a tiny positive effect whose interval contains 0, and an expensive
    // one that clearly helps: only the second may be on the frontier.
    let text = format!(
        "{}{}",
        minimal().replace("2024-02-13T23:59:00+07:00", "2024-02-11T20:00:00+07:00"),
        r#"
[[strategy]]
name = "nearly nothing"
cost_idr = 1_000
[strategy.set]
"link.village-a.duration" = { dist = "lognormal", median = 0.999, p90 = 2 }

[[strategy]]
name = "calmer crossing"
cost_idr = 50_000_000
[strategy.set]
"link.ferry.vessel.cancel_probability" = 0.0
"zone.strait.transition" = [[0.95, 0.05], [0.5, 0.5]]
"#
    );
    let l = loaded(&text);
    let base = tepat::model::compile(&l).unwrap();
    let st = compile_all(&l, &base).unwrap();
    let c = compare(&base, &st, 5, 4_000, 2).unwrap();
    for x in &c.strategies {
        if x.overall.avoided.lo <= 0.0 {
            assert!(
                !x.efficient,
                "{} is efficient with {:?}",
                x.name, x.overall.avoided
            );
        }
        if x.efficient {
            assert!(x.significant);
        }
    }
    assert!(c.strategies[1].efficient);
    // The ranking puts measurable effects first, by late TPS avoided.
    let rank = tepat::strategy::ranking(&c);
    assert_eq!(rank[0].name, "calmer crossing");
    for w in rank.windows(2) {
        assert!(w[0].significant >= w[1].significant);
    }
}

#[test]
fn paired_intervals_are_narrower_than_unpaired_ones() {
    let c = compared();
    for s in &c.strategies[1..] {
        let paired = (s.overall.avoided.hi - s.overall.avoided.lo) / 2.0;
        assert!(
            s.overall.avoided.mean != 0.0,
            "{} must change something",
            s.name
        );
        assert!(
            paired < s.overall.avoided_unpaired_half,
            "{}: paired {paired} vs unpaired {}",
            s.name,
            s.overall.avoided_unpaired_half
        );
        let paired_p = (s.overall.diff.hi - s.overall.diff.lo) / 2.0;
        assert!(
            paired_p < s.overall.diff_unpaired_half,
            "{}: {paired_p} vs {}",
            s.name,
            s.overall.diff_unpaired_half
        );
    }
}

#[test]
fn a_bad_strategy_is_reported_at_the_strategy() {
    let text = format!(
        "{}\n[[strategy]]\nname = \"typo\"\n[strategy.set]\n\"link.raod.distance_km\" = 5\n",
        minimal()
    );
    let l = loaded(&text);
    let base = tepat::model::compile(&l).unwrap();
    let e = compile_all(&l, &base).unwrap_err().to_string();
    assert!(
        e.contains("no link named 'raod'") && e.contains("did you mean 'road'"),
        "{e}"
    );
    assert!(e.contains("strategy[0]"), "{e}");
}

/// Every node and station arrival of `b` is no later than of `a`, replication by replication.
fn never_later(a: &Model, b: &Model, what: &str) {
    let (mut sa, mut sb) = (Scratch::new(a), Scratch::new(b));
    let mut strictly = 0;
    for r in 0..3_000 {
        sa.replicate(a, 3, r);
        sb.replicate(b, 3, r);
        for i in 0..a.nodes.len() {
            assert!(
                sb.arrival[i] <= sa.arrival[i] + 1e-9,
                "{what}: node {} later in rep {r}: {} > {}",
                a.nodes[i].name,
                sb.arrival[i],
                sa.arrival[i]
            );
            strictly += (sb.arrival[i] < sa.arrival[i] - 1e-9) as usize;
        }
        for s in 0..a.stations.len() {
            assert!(
                !sb.station_late[s] || sa.station_late[s],
                "{what}: station {s} late only in the improved case, rep {r}"
            );
        }
    }
    assert!(strictly > 0, "{what}: the change must matter somewhere");
}

#[test]
fn dispatching_earlier_never_arrives_later_in_any_replication() {
    let text = minimal();
    let earlier = text.replace(
        "planned_dispatch = \"2024-02-11T08:00:00+07:00\"",
        "planned_dispatch = \"2024-02-10T14:00:00+07:00\"",
    );
    assert_ne!(text, earlier);
    never_later(
        &model_from_str("a", &text).unwrap(),
        &model_from_str("b", &earlier).unwrap(),
        "earlier dispatch",
    );
}

#[test]
fn an_earlier_village_never_makes_a_station_later_whatever_path_its_stations_take() {
    // 40 stations with a lognormal last mile and frequent extra delays. The last mile at 0.99
    // (10.6 h) plus the extra delay at 0.99 (18.4 h) is 29 h: the later dispatch leaves 18-24 h
    // of slack (every station looked at), the earlier one 34-40 h (only the short lists), and
    // the road's tail mixes both. The station draws must not move with the village's arrival.
    let text = |dispatch: &str| {
        format!(
            r#"
[scenario]
name = "t"
start = "2024-02-10T00:00:00+07:00"
horizon_days = 10
[[link]]
name = "road"
mode = "road"
duration = {{ dist = "lognormal", median = 6, p90 = 12 }}
[[node]]
name = "D"
kind = "depot"
[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["road"]
planned_dispatch = "{dispatch}"
stations = 40
station_deadline = "2024-02-12T00:00:00+07:00"
last_mile = {{ dist = "lognormal", median = 3, p90 = 6 }}
last_mile_extra_delay = {{ probability = 0.3, delay = {{ dist = "exponential", mean = 4 }} }}
"#
        )
    };
    never_later(
        &model_from_str("a", &text("2024-02-10T18:00:00+07:00")).unwrap(),
        &model_from_str("b", &text("2024-02-10T02:00:00+07:00")).unwrap(),
        "earlier village",
    );
}

#[test]
fn adding_a_vehicle_never_arrives_later_in_any_replication() {
    // 8 stations x 5 units = 40 units, trucks of 10: 4 trips, 2 rounds with 2 trucks, 1 with 4.
    let text = minimal().replace("[defaults]", "[defaults]\nload_per_station = 5");
    let more = text.replace("count = 2", "count = 4");
    assert_ne!(text, more);
    never_later(
        &model_from_str("a", &text).unwrap(),
        &model_from_str("b", &more).unwrap(),
        "one more truck",
    );
}

/// The scenario with every dispatch of a plan applied (a time: planned then; "as soon as the
/// materials are ready": no planned dispatch).
fn with_plan(m: &Model, p: &tepat::analysis::plan::Plan) -> Model {
    let mut m2 = m.clone();
    for r in &p.rows {
        let i = m2.nodes.iter().position(|n| n.name == r.node).unwrap();
        if let Some(t) = r.latest_h {
            m2.nodes[i].planned = Some(t);
        } else if r.status.starts_with("as soon") {
            m2.nodes[i].planned = None;
        }
    }
    m2
}

/// Apply every recommended dispatch together, on fresh random numbers (another seed), and
/// check each reachable kecamatan's P(every TPS on time) against the target within 4
/// standard errors.
fn check_plan_on_fresh_numbers(m: &Model, target: f64, runs: u64) {
    let p = plan(m, target, 7, runs, 2, Measure::Tps).unwrap();
    assert_eq!(p.measure, Measure::Tps);
    assert!(p.rows.iter().all(|r| r.measure.contains("every TPS")));
    let acc = crate::util::simulate(&with_plan(m, &p), 8_000, 99, 2);
    let se = (target * (1.0 - target) / 8_000.0f64).sqrt();
    for (k, pk) in p.kecamatan.iter().enumerate() {
        let fresh = acc.kec_all_on_time[k] as f64 / acc.runs as f64;
        if pk.reachable {
            assert!(
                fresh >= target - 4.0 * se,
                "{}: P(every TPS on time) with the plan is {fresh:.4} on fresh numbers",
                pk.name
            );
            assert!(pk.p_plan.p >= target);
        } else {
            assert!(pk.binds.is_some(), "{}: no reason given", pk.name);
        }
    }
}

#[test]
fn every_recommended_dispatch_applied_together_keeps_every_tps_at_the_target() {
    let m = model_from_str("m", &minimal()).unwrap();
    check_plan_on_fresh_numbers(&m, 0.9, 4_000);
}

#[test]
fn the_bengkalis_plan_keeps_every_kecamatan_at_the_target_on_fresh_numbers() {
    let loaded =
        tepat::scenario::load(std::path::Path::new("scenarios/bengkalis-2024.toml")).unwrap();
    let m = tepat::model::compile(&loaded).unwrap();
    check_plan_on_fresh_numbers(&m, 0.95, 2_000);
}

/// The one-pass plan against a binary search of full simulations (one hub moved at a time,
/// on the same replications) for every hub of `m` under `measure`: within one hour, and a
/// hub that cannot be made safe by either is unsafe by both.
fn one_pass_agrees_with_search(m: &Model, target: f64, runs: u64, measure: Measure) {
    let p = plan(m, target, 7, runs, 2, measure).unwrap();
    for (k, pk) in p.kecamatan.iter().enumerate() {
        let hub = &m.nodes[m.kecamatan[k]].name;
        let row = p.rows.iter().find(|r| &r.node == hub).unwrap();
        let brute = search_hub(m, k, target, 7, runs, 2, measure).unwrap();
        match (row.latest_h, brute) {
            (Some(a), Some(b)) => assert!(
                (a - b).abs() <= 1.0,
                "{} ({measure:?}): one pass {a} h, search {b} h",
                pk.name
            ),
            (a, b) => assert_eq!(a.is_some(), b.is_some(), "{} ({measure:?})", pk.name),
        }
    }
}

/// Bengkalis without escort pools (the hubs then do not wait for one another, so the joint
/// plan and the one-at-a-time search answer the same question; with escorts the joint plan is
/// checked by simulation, above).
fn bengkalis_without_escorts() -> Model {
    let loaded =
        tepat::scenario::load(std::path::Path::new("scenarios/bengkalis-2024.toml")).unwrap();
    let mut m = tepat::model::compile(&loaded).unwrap();
    for n in &mut m.nodes {
        n.escort = None;
    }
    m
}

#[test]
fn the_one_pass_plan_agrees_with_the_brute_force_search() {
    // The PPK measure of each hub.
    one_pass_agrees_with_search(
        &model_from_str("m", &minimal()).unwrap(),
        0.9,
        2_000,
        Measure::Ppk,
    );
    one_pass_agrees_with_search(&bengkalis_without_escorts(), 0.95, 1_000, Measure::Ppk);
}

#[test]
fn the_one_pass_plan_agrees_with_the_brute_force_search_for_every_tps() {
    // The TPS measure (every TPS of the kecamatan by H-1) of each hub. The one-pass plan also
    // plans the villages' own dispatches where the scenario plans them; the search moves the
    // hub only. So the villages here dispatch as soon as their consignment is ready (no planned
    // time), and the plan has one row per hub: both answer "the latest hub dispatch that keeps
    // P(every TPS of the kecamatan by H-1) at the target".
    let unplanned = |mut m: Model| {
        let hubs: Vec<usize> = m.kecamatan.clone();
        for (i, n) in m.nodes.iter_mut().enumerate() {
            if !hubs.contains(&i) {
                n.planned = None;
            }
        }
        m
    };
    let small = unplanned(model_from_str("m", &minimal()).unwrap());
    one_pass_agrees_with_search(&small, 0.9, 2_000, Measure::Tps);
    one_pass_agrees_with_search(
        &unplanned(bengkalis_without_escorts()),
        0.95,
        1_000,
        Measure::Tps,
    );
}

/// Counts the replications a run reports as done.
#[derive(Default)]
struct Count(std::sync::atomic::AtomicU64);

impl tepat::engine::Progress for Count {
    fn inc(&self, n: u64) {
        self.0.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
    }
    fn set_total(&self, _: u64) {}
}

#[test]
fn the_comparison_runs_on_the_engine_with_progress_and_a_cancel_token() {
    let text = format!(
        "{}{STRATEGIES}",
        minimal().replace("2024-02-13T23:59:00+07:00", "2024-02-11T20:00:00+07:00")
    );
    let l = loaded(&text);
    let base = tepat::model::compile(&l).unwrap();
    let s = compile_all(&l, &base).unwrap();
    let run = |threads: usize, cancel: &tepat::engine::Cancel, progress: &Count| {
        let opts = tepat::engine::RangeOptions {
            threads,
            control: tepat::engine::Control { cancel, progress },
        };
        tepat::strategy::compare(&base, &s, 5, 3_200, &opts)
    };
    // Progress hears about every replication; the result is the same on 1 and 3 threads.
    let (p1, p3) = (Count::default(), Count::default());
    let one = run(1, &tepat::engine::Cancel::new(), &p1).unwrap();
    let three = run(3, &tepat::engine::Cancel::new(), &p3).unwrap();
    assert_eq!(p1.0.into_inner(), 3_200);
    assert_eq!(p3.0.into_inner(), 3_200);
    assert_eq!(
        serde_json::to_string(&one).unwrap(),
        serde_json::to_string(&three).unwrap()
    );
    // A cancelled token stops it before the first block.
    let cancel = tepat::engine::Cancel::new();
    cancel.cancel();
    match run(2, &cancel, &Count::default()) {
        Err(tepat::error::Error::Interrupted { done, total }) => {
            assert_eq!((done, total), (0, 3_200));
        }
        other => panic!("a cancelled comparison gave {:?}", other.map(|c| c.runs)),
    }
}
