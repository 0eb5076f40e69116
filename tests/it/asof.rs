//! Runs as of a time of the distribution week (`tepat run --status --as-of`): what is observed
//! is fixed, the rest is drawn conditioned on it, each law held to its exact answer, and an
//! empty status gives the plain run bit for bit.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use crate::util::{HEAD, assert_prob, model, phi, simulate};
use tepat::engine::Scratch;
use tepat::model::Model;
use tepat::model::observe::parse_local;
use tepat::pipeline::{AsOf, observations};

/// `m` with the observations of `status` (CSV text) as of `at`.
pub(crate) fn observed(m: &Model, status: &str, at: &str) -> Model {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("status.csv");
    std::fs::write(&path, status).unwrap();
    let a = AsOf {
        at: parse_local(at).unwrap(),
        status: Some(path),
        lang: tepat::lang::Lang::En,
    };
    let o = observations(m, &a).unwrap_or_else(|e| panic!("status should be valid:\n{e}"));
    let mut m = m.clone();
    m.observed = Some(Arc::new(o));
    m
}

pub(crate) const HEADER: &str = "fact,name,time,until,detail\n";

#[test]
fn every_consignment_arrived_on_time_gives_p_one_exactly() {
    let m = tepat::pipeline::model_from_str(
        "minimal.toml",
        &std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap(),
    )
    .unwrap();
    let status = std::fs::read_to_string("tests/data/valid/status/all-arrived.csv").unwrap();
    let plain = simulate(&m, 20_000, 5, 2);
    assert!(plain.all_on_time < plain.runs, "the plan is not certain");
    let om = observed(&m, &status, "2024-02-12T00:00+07:00");
    let acc = simulate(&om, 20_000, 5, 2);
    assert_eq!(acc.all_on_time, acc.runs, "P(every TPS by H-1) = 1");
    assert!(acc.kec_all_on_time.iter().all(|&k| k == acc.runs));
}

#[test]
fn an_empty_status_gives_the_plain_run_bit_for_bit() {
    // Bengkalis has escorts, fleets, followers, fallbacks, damage and timetables.
    let path = Path::new("scenarios/bengkalis-2024.toml");
    let m =
        tepat::pipeline::model_from_str("b.toml", &std::fs::read_to_string(path).unwrap()).unwrap();
    let om = observed(&m, HEADER, "2024-02-10T12:00+07:00");
    let a = simulate(&m, 1_000, 2024, 2);
    let b = simulate(&om, 1_000, 2024, 1);
    assert_eq!(a, b, "an empty status must not move a single count");
    // And through the command: every data file is the same.
    let dir = tempfile::tempdir().unwrap();
    let run = |out: &Path, extra: &[&str]| {
        let st = Command::new(env!("CARGO_BIN_EXE_tepat"))
            .args([
                "run",
                "scenarios/bengkalis-2024.toml",
                "--runs",
                "500",
                "--quiet",
            ])
            .arg("--out")
            .arg(out)
            .args(extra)
            .status()
            .unwrap();
        assert!(st.success());
    };
    let (p, q) = (dir.path().join("plain"), dir.path().join("asof"));
    run(&p, &[]);
    run(
        &q,
        &[
            "--status",
            "tests/data/valid/status/empty.csv",
            "--as-of",
            "2024-02-10T12:00+07:00",
        ],
    );
    for f in ["summary.csv", "stations.csv", "causes.csv", "links.csv"] {
        let a = std::fs::read(p.join("bengkalis-2024").join(f)).unwrap();
        let b = std::fs::read(q.join("bengkalis-2024-as-of-2024-02-10T1200").join(f)).unwrap();
        assert!(
            a == b,
            "{f} differs between the plain run and an empty status"
        );
    }
}

/// Road (fixed 5 h) or a fallback boat (fixed 10 h), dispatched at 24 h.
pub(crate) fn fallback_scenario() -> Model {
    model(&format!(
        r#"{HEAD}
[[link]]
name = "road"
mode = "road"
duration = {{ dist = "fixed", value = 5 }}
[[link]]
name = "boat"
mode = "river"
duration = {{ dist = "fixed", value = 10 }}
[[node]]
name = "D"
kind = "depot"
[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["road"]
fallback = ["boat"]
planned_dispatch = "2024-02-11T00:00:00+07:00"
"#
    ))
}

#[test]
fn a_closed_link_makes_the_fallback_take_over() {
    let m = fallback_scenario();
    let hub = 1;
    let arrival = |m: &Model| {
        let mut s = Scratch::new(m);
        (0..200)
            .map(|r| {
                s.replicate(m, 3, r);
                s.arrival[hub]
            })
            .collect::<Vec<f64>>()
    };
    assert!(
        arrival(&m).iter().all(|&a| a == 29.0),
        "plan: road, 24 + 5 h"
    );
    // Closed from before the dispatch to 48 h: 24 h left at dispatch > 6 h: the boat.
    let closed = format!("{HEADER}closed,road,2024-02-10T06:00+07:00,2024-02-12T00:00+07:00,\n");
    let om = observed(&m, &closed, "2024-02-10T12:00+07:00");
    assert!(
        arrival(&om).iter().all(|&a| a == 34.0),
        "closed: boat, 24 + 10 h"
    );
    // Until further notice: the boat too.
    let open_ended = format!("{HEADER}closed,road,2024-02-10T06:00+07:00,,\n");
    let om = observed(&m, &open_ended, "2024-02-10T12:00+07:00");
    assert!(arrival(&om).iter().all(|&a| a == 34.0));
    // Closed until 27 h: 3 h left at dispatch (not more than 6 h): wait, then the road.
    let short = format!("{HEADER}closed,road,2024-02-10T06:00+07:00,2024-02-11T03:00+07:00,\n");
    let om = observed(&m, &short, "2024-02-10T12:00+07:00");
    assert!(
        arrival(&om).iter().all(|&a| a == 32.0),
        "short closure: 27 + 5 h"
    );
}

#[test]
fn a_consignment_still_travelling_is_drawn_from_its_law_conditioned_on_the_time_spent() {
    // Lognormal (median 10 h, P90 20 h) road; left at 0 h, not arrived at 8 h.
    let text = format!(
        r#"{HEAD}
[[link]]
name = "road"
mode = "road"
duration = {{ dist = "lognormal", median = 10, p90 = 20 }}
[[node]]
name = "D"
kind = "depot"
[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["road"]
deadline = "2024-02-10T12:00:00+07:00"
"#
    );
    let m = model(&text);
    let sigma = 2f64.ln() / 1.281_551_565_544_600_5;
    let f = |x: f64| phi((x.ln() - 10f64.ln()) / sigma);
    let status = format!("{HEADER}departed,H,2024-02-10T00:00+07:00,,\n");
    let n = 400_000;
    for (t, at) in [
        (8.0, "2024-02-10T08:00+07:00"),
        (11.0, "2024-02-10T11:00+07:00"),
    ] {
        let om = observed(&m, &status, at);
        let acc = simulate(&om, n, 17, 2);
        let exact = (f(12.0) - f(t)) / (1.0 - f(t));
        assert_prob(
            &format!("P(by 12 h | travelling at {t} h)"),
            acc.node_on_time[1],
            n,
            exact,
        );
        assert_eq!(acc.node_never[1], 0);
    }
    // Unconditioned, the same law gives F(12): the conditioning is what moved it.
    let plain = simulate(&m, n, 17, 2);
    assert_prob("P(by 12 h)", plain.node_on_time[1], n, f(12.0));
}

#[test]
fn a_forecast_fixes_the_zone_then_the_matrix_takes_over() {
    // Calm -> storm 0.1, storm -> calm 0.4; starts calm. A forecast of storm for the first
    // two days (steps 0-7): after it, P(calm at step 7 + k) = (e_storm P^k)_calm.
    let text = format!(
        r#"{HEAD}
[[zone]]
name = "z"
step_h = 6
states = [{{ name = "calm", wave_m = 0.5 }}, {{ name = "storm", wave_m = 3.0 }}]
initial = [1.0, 0.0]
transition = [[0.9, 0.1], [0.4, 0.6]]
[[link]]
name = "boat"
mode = "sea"
zone = "z"
duration = {{ dist = "fixed", value = 1 }}
vessel = {{ wave_limit_m = 2.5 }}
[[node]]
name = "D"
kind = "depot"
[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["boat"]
"#
    );
    let m = model(&text);
    let status = format!("{HEADER}weather,z,2024-02-10T00:00+07:00,2024-02-12T00:00+07:00,storm\n");
    let om = observed(&m, &status, "2024-02-10T00:00+07:00");
    let n = 200_000u64;
    let mut s = Scratch::new(&om);
    let mut calm = [0u64; 4];
    for r in 0..n {
        s.replicate(&om, 9, r);
        let w = &s.weather()[0];
        assert!(
            w[..8].iter().all(|&x| x == 1),
            "storm for the forecast's 8 steps"
        );
        for (j, k) in [8usize, 9, 11, 15].iter().enumerate() {
            calm[j] += (w[*k] == 0) as u64;
        }
    }
    // e_storm P^k, by repeated multiplication.
    let mut v = [0.0, 1.0];
    let mut exact = Vec::new();
    for k in 1..=8 {
        v = [v[0] * 0.9 + v[1] * 0.4, v[0] * 0.1 + v[1] * 0.6];
        if [1, 2, 4, 8].contains(&k) {
            exact.push(v[0]);
        }
    }
    for j in 0..4 {
        assert_prob(
            &format!("calm after the forecast ({j})"),
            calm[j],
            n,
            exact[j],
        );
    }
    // A probability vector: calm with 0.25 at every step of the period.
    let status = format!(
        "{HEADER}weather,z,2024-02-10T00:00+07:00,2024-02-12T00:00+07:00,calm:0.25 storm:0.75\n"
    );
    let om = observed(&m, &status, "2024-02-10T00:00+07:00");
    let mut s = Scratch::new(&om);
    let mut c3 = 0u64;
    for r in 0..n {
        s.replicate(&om, 9, r);
        c3 += (s.weather()[0][3] == 0) as u64;
    }
    assert_prob("calm at a step of a probability forecast", c3, n, 0.25);
}

#[test]
fn an_unavailable_fleet_or_escort_holds_the_consignment() {
    let m = fallback_scenario();
    let text = std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap();
    let mm = tepat::pipeline::model_from_str("minimal.toml", &text).unwrap();
    let hub = mm.nodes.iter().position(|n| n.name == "Hub").unwrap();
    let status = format!(
        "{HEADER}vehicle_unavailable,truck,2024-02-10T06:00+07:00,2024-02-12T00:00+07:00,\n"
    );
    let om = observed(&mm, &status, "2024-02-10T12:00+07:00");
    let mut s = Scratch::new(&om);
    for r in 0..200 {
        s.replicate(&om, 1, r);
        assert!(s.dispatched[hub] >= 48.0, "held by its fleet until 48 h");
    }
    let _ = m;
}

fn run_status(scenario: &str, status: &str, as_of: &str) -> (String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_tepat"))
        .args(["run", scenario, "--runs", "10", "--quiet", "--out"])
        .arg(std::env::temp_dir().join("tepat-asof-invalid"))
        .args(["--status", status, "--as-of", as_of])
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stderr).to_string(),
        out.status.code(),
    )
}

#[test]
fn invalid_status_files_give_every_located_error_at_once() {
    let dir = PathBuf::from("tests/data/invalid/status");
    let cases: [(&str, &str, &[&str]); 4] = [
        (
            "tests/data/valid/minimal.toml",
            "many.csv",
            &[
                "many.csv:4:1: column 'fact': 'arived' is not a fact of a status file (did you mean 'arrived'?)",
                "many.csv:5:9: column 'name': there is no node 'Hubb' in the scenario (did you mean 'Hub'?)",
                "many.csv:6:19: column 'time': '2024-02-13T10:00+07:00' is after the as-of time",
                "many.csv:7:20: column 'time': '2024-02-09T10:00+07:00' is before the scenario start",
                "many.csv:8:37: column 'detail': 'wet' is not a state of an arrived consignment",
                "many.csv:9:14: column 'time': 'Hub' arrives (2024-02-11 10:00) before it departs (2024-02-11 12:00)",
                "many.csv:10:1: column 'fact': 'Hub' is reported arrived twice",
                "many.csv:11:36: column 'until': 'until' is not after 'time'",
                "many.csv:12:11: column 'name': 'road' has no timetable",
                "many.csv:13:39: column 'until': a forecast period needs its end",
                "many.csv:14:62: column 'detail': zone 'strait' has no state 'stormy'",
                "many.csv:15:62: column 'detail': the forecast probabilities add up to 0.9",
                "many.csv:16:16: column 'time': this period overlaps another forecast of zone 'strait'",
                "many.csv:17:9: column 'name': 'Depot' is a depot",
                "many.csv:18:13: column 'time': a time is needed here",
            ],
        ),
        (
            "scenarios/bengkalis-2024.toml",
            "contradictions.csv",
            &[
                "contradictions.csv:3:61: column 'detail': 'two' is not a number of teams",
                "contradictions.csv:4:61: column 'detail': the pool 'Polres Bengkalis' has only 4 teams",
                "contradictions.csv:5:9: column 'name': 'Titi Akar' is reported, but its supplier 'Rupat Utara' is not reported arrived",
                "contradictions.csv:7:21: column 'time': 'Dungun Baru' is reported at 2024-02-08 06:00, before its supplier 'Rupat' arrived (2024-02-09 06:00)",
                "contradictions.csv:9:10: column 'name': 'Talang Muandau' needs a team of escort pool 'Polres Bengkalis', but its 4 teams are all on the road or unavailable",
            ],
        ),
        (
            "tests/data/valid/minimal.toml",
            "tps.csv",
            &[
                "tps.csv:5:9: column 'name': 'Village A' has 5 TPS: there is no TPS 7",
                "tps.csv:6:9: column 'name': 'TPS tiga' is not a TPS number",
                "tps.csv:7:9: column 'name': there is no village with TPS 'Village C' in the scenario (did you mean 'Village A'?)",
                "tps.csv:8:25: column 'time': 'Village A/TPS 1' arrives (2024-02-11 08:00) before its village 'Village A' arrived (2024-02-11 09:00)",
                "tps.csv:9:9: column 'name': 'Village B/TPS 2' is reported, but its village 'Village B' is not reported arrived",
                "tps.csv:10:1: column 'fact': 'Village A/TPS 2' is a TPS",
                "tps.csv:12:1: column 'fact': 'Village A/TPS 003' is reported arrived twice",
                "tps.csv:13:49: column 'detail': 'rusak' is not a state of a TPS arrival",
                "tps.csv:15:1: column 'fact': 'Village B' is reported not departed twice",
                "tps.csv:16:1: column 'fact': 'Village A' is reported not departed, and also departed or arrived",
                "tps.csv:17:1: column 'fact': 'Hub' is reported not departed, and also departed or arrived",
                "tps.csv:17:20: column 'detail': 'late' is not needed here",
            ],
        ),
        (
            "tests/data/valid/minimal.toml",
            "header-and-quotes.csv",
            &[
                "header-and-quotes.csv:1:1: the status file's header must be 'fact,name,time,until,detail'",
                "header-and-quotes.csv:2:46: this row has 6 fields; a status row has 5",
                "header-and-quotes.csv:3:9: a quoted field is not closed",
                "header-and-quotes.csv:4:15: text after a closing quote",
            ],
        ),
    ];
    for (scenario, file, expected) in cases {
        let path = dir.join(file);
        let (err, code) = run_status(scenario, path.to_str().unwrap(), "2024-02-12T00:00+07:00");
        assert_eq!(code, Some(2), "{file}: exit code; stderr:\n{err}");
        assert!(!err.contains("panicked"), "{err}");
        for e in expected {
            assert!(err.contains(e), "{file}: expected\n  {e}\nin:\n{err}");
        }
        let count = err.lines().filter(|l| l.starts_with("error: ")).count();
        assert_eq!(count, expected.len(), "{file}: every error once:\n{err}");
    }
}

#[test]
fn strategies_compared_as_of_a_time_share_random_numbers() {
    // The minimal scenario with a tight deadline, a strategy that changes nothing and one that
    // calms the crossing; as of 10 Feb 12:00 the ferry is closed until the 11th and a storm is
    // forecast, so the status matters.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("tests/data/valid/minimal.toml")
        .unwrap()
        .replace("2024-02-13T23:59:00+07:00", "2024-02-12T06:00:00+07:00")
        + r#"
[[strategy]]
name = "nothing"
[strategy.set]
"link.road.distance_km" = 60

[[strategy]]
name = "calmer crossing"
[strategy.set]
"link.ferry.vessel.cancel_probability" = 0.0
"zone.strait.transition" = [[0.95, 0.05], [0.5, 0.5]]
"#;
    let file = dir.path().join("s.toml");
    std::fs::write(&file, text).unwrap();
    let status = dir.path().join("status.csv");
    std::fs::write(
        &status,
        format!("{HEADER}closed,ferry,2024-02-10T06:00+07:00,2024-02-11T09:00+07:00,\nweather,strait,2024-02-11T00:00+07:00,2024-02-11T12:00+07:00,rough\n"),
    )
    .unwrap();
    let cfg = tepat::pipeline::RunConfig {
        runs: tepat::engine::Runs::Fixed(4_000),
        threads: 2,
        ..Default::default()
    };
    let a = AsOf {
        at: parse_local("2024-02-10T12:00+07:00").unwrap(),
        status: Some(status),
        lang: tepat::lang::Lang::En,
    };
    let run =
        tepat::pipeline::simulate_file_as_of(&file, &cfg, Some(&a), &tepat::engine::NoProgress)
            .unwrap();
    let c = run.comparison.as_ref().expect("strategies");
    let nothing = &c.strategies[0];
    assert_eq!(
        nothing.overall.diff.mean, 0.0,
        "common random numbers at the as-of time"
    );
    assert_eq!(
        (nothing.overall.diff.lo, nothing.overall.diff.hi),
        (0.0, 0.0)
    );
    // The status moved the baseline (the plan is beside it), and the comparison is at as-of.
    let note = run.manifest.as_of.as_ref().expect("as-of note");
    let plan = run.as_of.as_ref().unwrap().plan.all_on_time.p;
    assert!(
        run.summary.all_on_time.p < plan,
        "the closure and the storm hurt"
    );
    assert_eq!(c.strategies[1].overall.p_base.p, run.summary.all_on_time.p);
    assert!(note.changed_since_plan.iter().any(|k| k.changed));
    assert!(
        run.summary
            .scenario
            .ends_with("as of 10 Feb 2024 12:00 WIB"),
        "{}",
        run.summary.scenario
    );
}

#[test]
fn a_misspelt_fact_suggests_the_nearest_name_in_either_language() {
    let path = std::env::temp_dir().join("tepat-asof-tibaa.csv");
    std::fs::write(
        &path,
        "fact,name,time,until,detail\ntibaa,Hub,2024-02-11T10:00+07:00,,complete\n",
    )
    .unwrap();
    let (err, code) = run_status(
        "tests/data/valid/minimal.toml",
        path.to_str().unwrap(),
        "2024-02-12T00:00+07:00",
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("(did you mean 'tiba'?)"), "{err}");
}
