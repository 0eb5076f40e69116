//! Never wrong quietly: absurd sizes, impossible scenarios, numeric and calendar edge cases,
//! crashes found by fuzzing, interrupted runs, concurrent and failing writes.
//! What each test found and why is in docs/robustness.md.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tepat::engine::Scratch;
use tepat::error::Error;

use crate::util::{self, HEAD};

fn tepat() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tepat"))
}

/// The first diagnostic of a scenario text that must be rejected.
fn rejected(text: &str) -> String {
    match tepat::pipeline::model_from_str("t.toml", text) {
        Err(Error::Invalid(d)) => d
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
        Err(e) => panic!("expected an invalid-input error, got: {e}"),
        Ok(_) => panic!("expected a rejection, the scenario was accepted:\n{text}"),
    }
}

fn assert_rejected(text: &str, words: &[&str]) {
    let msg = rejected(text);
    for w in words {
        assert!(msg.contains(w), "message should contain {w:?}:\n{msg}");
    }
}

/// One road link Depot -> Hub and a village with stations, with placeholders.
const ONE_LINK: &str = r#"
[defaults]
station_deadline = "2024-02-13T23:59:00+07:00"

[[link]]
name = "road"
mode = "road"
duration = { dist = "fixed", value = 2 }

[[node]]
name = "Depot"
kind = "depot"

[[node]]
name = "Hub"
kind = "hub"
supplier = "Depot"
route = ["road"]
stations = 3
"#;

// ---------------------------------------------------------------------------------------------
// Limits: refused with a clear message before anything is allocated.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_billion_stations_are_refused_at_once() {
    let text = format!(
        "{HEAD}{}",
        ONE_LINK.replace("stations = 3", "stations = 1000000000")
    );
    let t0 = Instant::now();
    assert_rejected(
        &text,
        &[
            "1000000000 stations; at most 5000000 are accepted",
            "820,000",
        ],
    );
    // Nothing per station was allocated: a billion stations would take seconds and gigabytes.
    assert!(t0.elapsed() < Duration::from_secs(2), "{:?}", t0.elapsed());
    // Many nodes whose stations add up past the limit, each one below it.
    let mut many = format!("{HEAD}{ONE_LINK}");
    for i in 0..3 {
        many.push_str(&format!(
            "\n[[node]]\nname = \"V{i}\"\nkind = \"village\"\nsupplier = \"Hub\"\nroute = [\"road\"]\nstations = 4000000\n"
        ));
    }
    assert_rejected(&many, &["12000003 stations"]);
}

#[test]
fn a_station_count_beyond_u32_is_a_type_error_not_a_wraparound() {
    let text = format!(
        "{HEAD}{}",
        ONE_LINK.replace("stations = 3", "stations = 5000000000")
    );
    let msg = rejected(&text);
    assert!(msg.contains("stations"), "{msg}");
    assert!(msg.contains(":24:"), "located at the line: {msg}");
}

#[test]
fn a_gigabyte_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.toml");
    // A sparse file: a gigabyte long, no disk used, and never read.
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(1 << 30).unwrap();
    let t0 = Instant::now();
    let e = tepat::scenario::load(&p).unwrap_err();
    assert!(t0.elapsed() < Duration::from_secs(1));
    let msg = e.to_string();
    assert!(
        msg.contains("larger than 67108864 bytes are refused"),
        "{msg}"
    );
    assert_eq!(e.exit_code(), 2);
}

#[test]
fn absurd_replication_counts_and_threads_are_refused_with_exit_code_2() {
    for args in [
        &["--runs", "1000000000000"][..],
        &["--runs", "0"],
        &["--runs", "18446744073709551615"],
        &["--precision", "0"],
        &["--precision", "nan"],
        &["--precision", "0.5"],
        &["--threads", "100000"],
    ] {
        let out = tepat()
            .args(["run", "tests/data/valid/minimal.toml", "--quiet", "--out"])
            .arg(std::env::temp_dir().join("tepat-never-written"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        let flag = args[0];
        assert!(err.contains(flag), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn tiny_weather_steps_and_headways_are_refused_not_allocated() {
    let zone = |step: &str| {
        format!(
            "{HEAD}[[zone]]\nname = \"z\"\nstep_h = {step}\nstates = [{{ name = \"a\" }}]\ninitial = [1]\ntransition = [[1]]\n{}",
            ONE_LINK.replace("mode = \"road\"", "mode = \"road\"\nzone = \"z\"")
        )
    };
    // Found by fuzzing: 1e-9 h steps asked for 10^13 bytes of weather and aborted.
    assert_rejected(&zone("1e-9"), &["zone[0].step_h", "one minute"]);
    assert_rejected(&zone("5e-324"), &["one minute"]);
    util::model(&zone("0.0167"));
    // Forty zones of one-minute steps over a year: too many steps together.
    let mut many = HEAD.replace("horizon_days = 20", "horizon_days = 366");
    for i in 0..40 {
        many.push_str(&format!(
            "[[zone]]\nname = \"z{i}\"\nstep_h = 0.0167\nstates = [{{ name = \"a\" }}]\ninitial = [1]\ntransition = [[1]]\n"
        ));
    }
    many.push_str(ONE_LINK);
    assert_rejected(&many, &["weather steps over the horizon together"]);
    // Found by fuzzing: every_min = 1e-300 overflowed the departure count (a panic in debug
    // builds, an empty timetable -- a ferry that runs at any time -- in release builds).
    let ferry = |every: &str| {
        format!(
            "{HEAD}{}",
            ONE_LINK.replace(
                "mode = \"road\"",
                &format!(
                    "mode = \"sea\"\ntimetable = {{ every_min = {every}, from = \"23:00\", to = \"01:00\" }}"
                )
            )
        )
    };
    assert_rejected(&ferry("1e-300"), &["more than 1,440 departures a day"]);
    assert_rejected(&ferry("0.01"), &["more than 1,440 departures a day"]);
    util::model(&ferry("1"));
}

#[test]
fn more_weather_states_than_a_byte_holds_are_refused() {
    let n = 300;
    let states: Vec<String> = (0..n).map(|i| format!("{{ name = \"s{i}\" }}")).collect();
    let mut row = vec!["0".to_string(); n];
    row[0] = "1".into();
    let rows: Vec<String> = (0..n).map(|_| format!("[{}]", row.join(","))).collect();
    let text = format!(
        "{HEAD}[[zone]]\nname = \"z\"\nstep_h = 6\nstates = [{}]\ninitial = [{}]\ntransition = [{}]\n{ONE_LINK}",
        states.join(","),
        row.join(","),
        rows.join(",")
    );
    assert_rejected(&text, &["300 weather states; a zone may have at most 256"]);
}

#[test]
fn a_load_that_needs_absurd_rounds_is_refused_not_cut_short() {
    // The engine simulates at most 10,000 rounds; a consignment needing more used to be cut
    // short silently (arriving too early). Now it is an error.
    let text = format!(
        "{HEAD}[[fleet]]\nname = \"tiny\"\ncapacity = 5e-324\ncount = 1\n{}",
        ONE_LINK.replace("stations = 3", "stations = 3\nfleet = \"tiny\"\nload = 1")
    );
    assert_rejected(
        &text,
        &["node[1].fleet", "rounds of fleet 'tiny'", "at most 10000"],
    );
    let ok = format!(
        "{HEAD}[[fleet]]\nname = \"van\"\ncapacity = 1\ncount = 1\n{}",
        ONE_LINK.replace(
            "stations = 3",
            "stations = 3\nfleet = \"van\"\nload = 10000"
        )
    );
    util::model(&ok);
    for bad in ["-5", "nan", "inf"] {
        let text = format!(
            "{HEAD}[[fleet]]\nname = \"van\"\ncapacity = 1\ncount = 1\n{}",
            ONE_LINK.replace(
                "stations = 3",
                &format!("stations = 3\nfleet = \"van\"\nload = {bad}")
            )
        );
        assert_rejected(
            &text,
            &["node[1].load", "load must be a finite number of at least 0"],
        );
    }
}

#[test]
fn weather_steps_that_are_not_binary_fractions_do_not_hang() {
    // (n × 0.1) / 0.1 rounds down to n − 1 for many n: the engine recomputed the weather step
    // from the time at a step boundary and stood still there forever (road travel across
    // steps, and an unscheduled boat waiting for the weather).
    for step in ["0.1", "0.3333333333333333", "0.7", "0.0167"] {
        for link in [
            "mode = \"road\"\nduration = { dist = \"fixed\", value = 5 }",
            "mode = \"sea\"\nduration = { dist = \"fixed\", value = 5 }\nvessel = { wave_limit_m = 1, cancel_probability = 0.5 }",
            "mode = \"sea\"\nduration = { dist = \"fixed\", value = 5 }\nvessel = { wave_limit_m = 0.5 }",
            "mode = \"sea\"\nduration = { dist = \"fixed\", value = 5 }\ntimetable = { every_min = 20, from = \"00:00\", to = \"23:40\" }\nvessel = { wave_limit_m = 1 }",
        ] {
            let text = format!(
                "{HEAD}[[zone]]\nname = \"z\"\nstep_h = {step}\nstates = [{{ name = \"calm\", road_factor = 1.5, sail_factor = 1.3 }}, {{ name = \"rough\", wave_m = 2, road_factor = 2 }}]\ninitial = [0.5, 0.5]\ntransition = [[0.7, 0.3], [0.4, 0.6]]\n{}",
                ONE_LINK.replace(
                    "mode = \"road\"\nduration = { dist = \"fixed\", value = 2 }",
                    &format!("zone = \"z\"\n{link}")
                )
            );
            let m = util::model(&text);
            let t0 = Instant::now();
            let acc = util::simulate(&m, 200, 5, 1);
            assert!(
                t0.elapsed() < Duration::from_secs(20),
                "step {step}: {:?}",
                t0.elapsed()
            );
            let s = tepat::summary::summarise(&m, &acc);
            crate::harness::check_summary(&m, &acc, &s);
        }
    }
}

/// Run `f` on another thread and fail if it takes longer than `secs` (a hang).
fn within<T: Send + 'static>(secs: u64, what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(secs))
        .unwrap_or_else(|_| panic!("{what}: still running after {secs} s (a hang)"))
}

fn window_boat(start: &str, window: &str, timetable: &str, dispatch: &str) -> String {
    format!(
        r#"
[scenario]
name = "window"
start = "{start}"
horizon_days = 30

[defaults]
station_deadline = "2024-03-10T23:59:00+07:00"

[[link]]
name = "river"
mode = "river"
duration = {{ dist = "fixed", value = 1 }}
window = {window}
{timetable}

[[node]]
name = "Depot"
kind = "depot"

[[node]]
name = "Hub"
kind = "hub"
supplier = "Depot"
route = ["river"]
planned_dispatch = "{dispatch}"
stations = 2
"#
    )
}

#[test]
fn a_boat_waiting_for_its_window_leaves_at_the_opening() {
    // Starting at 23:59, the opening at 16:54 on 3 March computed back from hours fell a
    // rounding error short of 16:54: the boat was "not yet in its window", waited until the
    // opening -- the same instant -- and stood there forever.
    let text = window_boat(
        "2024-02-10T23:59:00+07:00",
        "{ from = \"16:54\", to = \"17:30\" }",
        "",
        "2024-03-03T10:00:00+07:00",
    );
    let m = util::model(&text);
    let a = within(30, "window opening", move || {
        let mut s = Scratch::new(&m);
        s.replicate(&m, 1, 0);
        s.arrival[1]
    });
    // 3 March 16:54 + 1 h is 21 days, 17 h 55 min after the start (23:59 on 10 February).
    assert!((a - (21.0 * 24.0 + 17.0 + 55.0 / 60.0)).abs() < 1e-6, "{a}");
    // The same with a timetabled departure exactly at the opening: taken, not skipped to the
    // next day.
    let text = window_boat(
        "2024-02-10T23:59:00+07:00",
        "{ from = \"16:54\", to = \"17:30\" }",
        "timetable = { times = [\"16:54\"] }",
        "2024-03-03T10:00:00+07:00",
    );
    let m = util::model(&text);
    let mut s = Scratch::new(&m);
    s.replicate(&m, 1, 0);
    assert!(
        (s.arrival[1] - (21.0 * 24.0 + 17.0 + 55.0 / 60.0)).abs() < 1e-6,
        "{}",
        s.arrival[1]
    );
    // Many starts and openings: every one finishes, and leaves at its opening.
    within(120, "window scan", || {
        for start_min in (0..1440).step_by(37) {
            for open in (0..1440).step_by(113) {
                let start = format!(
                    "2024-02-10T{:02}:{:02}:00+07:00",
                    start_min / 60,
                    start_min % 60
                );
                let close = (open + 30) % 1440;
                let w = format!(
                    "{{ from = \"{:02}:{:02}\", to = \"{:02}:{:02}\" }}",
                    open / 60,
                    open % 60,
                    close / 60,
                    close % 60
                );
                let m = util::model(&window_boat(&start, &w, "", "2024-02-25T00:00:00+07:00"));
                let mut s = Scratch::new(&m);
                s.replicate(&m, 1, 0);
                assert!(s.arrival[1].is_finite(), "{start} {w}");
            }
        }
    });
}

#[test]
fn weather_factors_and_disruption_rates_are_bounded() {
    // A disruption_factor of 1e6 on a rate of 100 a day asked the engine to draw 3.6e10
    // blocking events per link and replication: a hang. A sail_factor of 1e300 made delays
    // that overflowed the accumulators. Both are refused now.
    let zone = |state: &str, rate: &str| {
        format!(
            "{HEAD}[[zone]]\nname = \"z\"\nstep_h = 6\nstates = [{{ name = \"calm\" }}, {{ name = \"wet\", {state} }}]\ninitial = [0.5, 0.5]\ntransition = [[0.5, 0.5], [0.5, 0.5]]\n{}",
            ONE_LINK.replace(
                "mode = \"road\"",
                &format!("mode = \"road\"\nzone = \"z\"\ndisruption = {{ rate_per_day = {rate}, duration = {{ dist = \"fixed\", value = 1 }} }}")
            )
        )
    };
    assert_rejected(
        &zone("disruption_factor = 1e6", "100"),
        &["a weather factor may be at most 100"],
    );
    assert_rejected(
        &zone("sail_factor = 1e300", "1"),
        &["a weather factor may be at most 100"],
    );
    assert_rejected(&zone("road_factor = 101", "1"), &["at most 100"]);
    assert_rejected(
        &zone("disruption_factor = 20", "60"),
        &["at most 1000 are simulated"],
    );
    let m = util::model(&zone("disruption_factor = 10", "100"));
    let t0 = Instant::now();
    util::simulate(&m, 20, 1, 1);
    assert!(t0.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_depot_has_no_planned_dispatch() {
    // Found by fuzzing: accepted and ignored (the depot "arrived" before its planned dispatch).
    let text = format!(
        "{HEAD}{}",
        ONE_LINK.replace(
            "kind = \"depot\"",
            "kind = \"depot\"\nplanned_dispatch = \"2024-02-11T00:00:00+07:00\""
        )
    );
    assert_rejected(
        &text,
        &["node[0].planned_dispatch", "a depot is not dispatched"],
    );
}

// ---------------------------------------------------------------------------------------------
// Impossible scenarios finish, and say "never arrived".
// ---------------------------------------------------------------------------------------------

fn never_scenarios() -> Vec<(&'static str, String)> {
    let ferry = |extra: &str| {
        format!(
            r#"{HEAD}
[defaults]
station_deadline = "2024-02-13T23:59:00+07:00"
hub_deadline = "2024-02-12T00:00:00+07:00"

[[zone]]
name = "strait"
step_h = 6
states = [{{ name = "rough", wave_m = 2.0 }}, {{ name = "storm", wave_m = 4.0 }}]
initial = [0.5, 0.5]
transition = [[0.5, 0.5], [0.5, 0.5]]

[[link]]
name = "ferry"
mode = "sea"
zone = "strait"
duration = {{ dist = "fixed", value = 1 }}
{extra}

[[node]]
name = "Depot"
kind = "depot"

[[node]]
name = "Island"
kind = "hub"
supplier = "Depot"
route = ["ferry"]
stations = 4
escort = "police"

[[node]]
name = "Next"
kind = "hub"
supplier = "Depot"
route = ["ferry"]
stations = 1
escort = "police"

[[escort]]
name = "police"
teams = 1
"#
        )
    };
    vec![
        (
            "closed in every weather state",
            ferry(
                "timetable = { every_min = 30, from = \"00:00\", to = \"23:30\" }\nvessel = { wave_limit_m = 1.5 }",
            ),
        ),
        (
            "every departure cancelled",
            ferry(
                "timetable = { times = [\"07:00\"] }\nvessel = { wave_limit_m = 9, cancel_probability = 1 }",
            ),
        ),
        (
            "cancelled, no timetable",
            ferry("vessel = { wave_limit_m = 9, cancel_probability = 1 }"),
        ),
        (
            "closed, daylight window",
            ferry("window = { from = \"06:00\", to = \"18:00\" }\nvessel = { wave_limit_m = 0.1 }"),
        ),
        (
            "departure outage every day",
            ferry(
                "timetable = { every_min = 60, from = \"06:00\", to = \"18:00\" }\nvessel = { wave_limit_m = 9, outage = { probability_per_day = 1, cancel_fraction = 1 } }",
            ),
        ),
    ]
}

#[test]
fn scenarios_whose_materials_never_arrive_finish_and_report_never() {
    for (what, text) in never_scenarios() {
        let m = util::model(&text);
        let t0 = Instant::now();
        let mut s = Scratch::new(&m);
        for r in 0..20 {
            s.replicate(&m, 7, r);
            assert_eq!(s.arrival[0], 0.0, "{what}: the depot is ready");
            assert!(s.arrival[1].is_infinite(), "{what}: {}", s.arrival[1]);
            assert!(s.arrival[2].is_infinite(), "{what}");
            assert!(s.station_arrival.iter().all(|a| a.is_infinite()), "{what}");
            assert_eq!(s.late_total, 5, "{what}");
        }
        let acc = util::simulate(&m, 200, 7, 1);
        assert!(
            t0.elapsed() < Duration::from_secs(30),
            "{what}: {:?}",
            t0.elapsed()
        );
        let sum = tepat::summary::summarise(&m, &acc);
        for n in &sum.nodes[1..] {
            assert_eq!(n.never, 1.0, "{what}");
            assert_eq!(n.p50, "never", "{what}");
            assert_eq!(n.p95, "never", "{what}");
            assert!(n.p50_h.is_none());
        }
        assert_eq!(sum.all_on_time.p, 0.0);
        assert_eq!(sum.late_stations.mean, 5.0);
        // Lateness of a consignment that never arrived counts up to the horizon, not infinity.
        let late = sum.nodes[1].late_mean_h.unwrap();
        assert!(
            late.is_finite() && late > 0.0 && late <= m.horizon,
            "{late}"
        );
        crate::harness::check_summary(&m, &acc, &sum);
        // Never arrived, and why: the crossing's weather or vessels for the first consignment
        // (not "travel"), the escort for the one that waited for its team; the ferry is the
        // critical link.
        let why = if what.contains("cancelled") || what.contains("outage") {
            "vessel"
        } else {
            "weather"
        };
        assert_eq!(sum.nodes[1].leading_cause.as_deref(), Some(why), "{what}");
        assert_eq!(
            sum.nodes[2].leading_cause.as_deref(),
            Some("escort wait"),
            "{what}"
        );
        assert_eq!(sum.links[0].name, "ferry");
        assert_eq!(sum.links[0].critical.p, 1.0, "{what}");
    }
}

#[test]
fn a_node_whose_supplier_never_arrived_inherits_the_reason() {
    let text = never_scenarios()[1].1.replace(
        "escort = \"police\"\n\n[[node]]\nname = \"Next\"",
        "escort = \"police\"\n\n[[link]]\nname = \"lane\"\nmode = \"road\"\nduration = { dist = \"fixed\", value = 1 }\n\n[[node]]\nname = \"Village\"\nkind = \"village\"\nsupplier = \"Island\"\nroute = [\"lane\"]\nstations = 2\n\n[[node]]\nname = \"Next\"",
    );
    let m = util::model(&text);
    let acc = util::simulate(&m, 100, 1, 1);
    let sum = tepat::summary::summarise(&m, &acc);
    let village = sum.nodes.iter().find(|n| n.name == "Village").unwrap();
    assert_eq!(village.never, 1.0);
    let k = sum.kecamatan.iter().find(|k| k.name == "Island").unwrap();
    assert_eq!(k.leading_cause.as_deref(), Some("vessel"), "{k:?}");
}

#[test]
fn never_arrived_is_in_every_output_and_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("closed.toml");
    std::fs::write(&file, &never_scenarios()[0].1).unwrap();
    let out_dir = dir.path().join("out");
    let out = tepat()
        .arg("run")
        .arg(&file)
        .args(["--runs", "600", "--out"])
        .arg(&out_dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("never arrived within the horizon"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Island")
            && stdout.contains("never arrived in 100.0% of simulated elections"),
        "{stdout}"
    );
    let csv = std::fs::read_to_string(out_dir.join("closed/summary.csv")).unwrap();
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let h = r.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    let mut rows = 0;
    for rec in r.records() {
        let rec = rec.unwrap();
        if &rec[col("name")] == "Island" || &rec[col("name")] == "Next" {
            rows += 1;
            assert_eq!(&rec[col("p_never_arrived")], "1.0000");
            assert_eq!(&rec[col("arrival_p50")], "never");
            assert_eq!(&rec[col("arrival_p95")], "never");
            assert_eq!(&rec[col("p_on_time")], "0.0000");
        }
    }
    assert_eq!(rows, 2, "{csv}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("closed/run.json")).unwrap()).unwrap();
    for k in json["kecamatan"].as_array().unwrap() {
        assert_eq!(k["p_never_arrived"], 1.0, "{k}");
        assert_eq!(k["arrival_p50"], "never", "{k}");
    }
    // Never arrived is late: the probabilities are the number 0 with an interval from 0, not
    // a missing value (serde writes NaN as null, so a null here would be a NaN).
    for k in json["kecamatan"].as_array().unwrap() {
        for key in ["p_on_time", "p_all_tps_on_time"] {
            assert_eq!(k[key]["p"].as_f64(), Some(0.0), "{key}: {k}");
            assert_eq!(k[key]["lo"].as_f64(), Some(0.0), "{key}: {k}");
            let hi = k[key]["hi"].as_f64().expect("a number");
            assert!(hi > 0.0 && hi < 0.1, "{key}: {k}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Numbers that make no sense: NaN, infinity, negative, out of range.
// ---------------------------------------------------------------------------------------------

/// A scenario with every numeric key, each written as «key» to be replaced.
const EVERY_KEY: &str = r#"
[scenario]
name = "every key"
start = "2024-02-10T00:00:00+07:00"
horizon_days = «horizon_days»
target = «target»

[defaults]
station_deadline = "2024-02-13T23:59:00+07:00"
load_per_station = «defaults.load_per_station»

[[zone]]
name = "strait"
step_h = «step_h»
states = [{ name = "calm", wave_m = «wave_m», sail_factor = «sail_factor», road_factor = «road_factor», disruption_factor = «disruption_factor», damage_factor = «damage_factor» }, { name = "rough", wave_m = 2 }]
initial = [«initial», 0.2]
transition = [[«transition», 0.1], [0.4, 0.6]]

[[zone]]
name = "rupat"
step_h = 6
states = [{ name = "calm" }, { name = "rough", wave_m = 2 }]
initial = [0.8, 0.2]
transition = [[0.9, 0.1], [0.4, 0.6]]
follow = { zone = "strait", probability = «follow.probability» }

[[link]]
name = "ferry"
mode = "sea"
zone = "strait"
duration = { dist = "fixed", value = «fixed.value» }
timetable = { every_min = «every_min», from = "07:00", to = "22:00" }
vessel = { wave_limit_m = «wave_limit_m», cancel_probability = «cancel_probability», outage = { probability_per_day = «probability_per_day», cancel_fraction = «cancel_fraction» } }
damage_probability = «damage_probability»

[[link]]
name = "road"
mode = "road"
zone = "rupat"
distance_km = «distance_km»
speed_kmh = { dist = "uniform", min = «uniform.min», max = «uniform.max» }
disruption = { rate_per_day = «rate_per_day», duration = { dist = "lognormal", median = «lognormal.median», p90 = «lognormal.p90» }, detour = { dist = "triangular", min = «triangular.min», mode = «triangular.mode», max = «triangular.max» } }

[[link]]
name = "river"
mode = "river"
duration = { dist = "pert", min = «pert.min», mode = «pert.mode», max = «pert.max» }

[[link]]
name = "lane"
mode = "road"
duration = { dist = "normal", mean = «normal.mean», sd = «normal.sd» }

[[link]]
name = "path"
mode = "road"
duration = { dist = "gamma", shape = «gamma.shape», scale = «gamma.scale» }

[[link]]
name = "track"
mode = "road"
duration = { dist = "exponential", mean = «exponential.mean» }

[[link]]
name = "trail"
mode = "road"
duration = { dist = "empirical", samples = [1, «samples»] }

[[link]]
name = "creek"
mode = "river"
duration = { dist = "empirical", quantiles = [[0, 1], [«quantile.p», «quantile.value»], [1, 9]] }

[[link]]
name = "dirt"
mode = "road"
duration = { dist = "lognormal", mean = «lognormal.mean», sd = «lognormal.sd» }

[[link]]
name = "gravel"
mode = "road"
duration = { dist = "gamma", mean = «gamma.mean», sd = «gamma.sd» }

[[fleet]]
name = "truck"
capacity = «capacity»
count = 2

[[node]]
name = "Depot"
kind = "depot"
lat = «lat»
lon = «lon»

[[node]]
name = "Hub"
kind = "hub"
supplier = "Depot"
route = ["ferry", "road", "river", "lane", "path", "track", "trail", "creek", "dirt", "gravel"]
fleet = "truck"
load_per_station = «node.load_per_station»
fallback = ["road"]
fallback_if_blocked_h = «fallback_if_blocked_h»
stations = 2
"#;

/// Good values for every key.
const GOOD: &[(&str, &str)] = &[
    ("horizon_days", "10"),
    ("target", "0.95"),
    ("defaults.load_per_station", "1"),
    ("step_h", "6"),
    ("wave_m", "0.5"),
    ("sail_factor", "1"),
    ("road_factor", "1"),
    ("disruption_factor", "1"),
    ("damage_factor", "1"),
    ("initial", "0.8"),
    ("transition", "0.9"),
    ("follow.probability", "0.5"),
    ("fixed.value", "1"),
    ("every_min", "60"),
    ("wave_limit_m", "1.5"),
    ("cancel_probability", "0.05"),
    ("probability_per_day", "0.1"),
    ("cancel_fraction", "0.5"),
    ("damage_probability", "0.01"),
    ("distance_km", "60"),
    ("uniform.min", "30"),
    ("uniform.max", "60"),
    ("rate_per_day", "0.1"),
    ("lognormal.median", "6"),
    ("lognormal.p90", "24"),
    ("triangular.min", "1"),
    ("triangular.mode", "2"),
    ("triangular.max", "3"),
    ("pert.min", "1"),
    ("pert.mode", "2"),
    ("pert.max", "3"),
    ("normal.mean", "2"),
    ("normal.sd", "0.5"),
    ("gamma.shape", "2"),
    ("gamma.scale", "1"),
    ("exponential.mean", "1"),
    ("samples", "2"),
    ("quantile.p", "0.5"),
    ("quantile.value", "3"),
    ("lognormal.mean", "2"),
    ("lognormal.sd", "1"),
    ("gamma.mean", "2"),
    ("gamma.sd", "1"),
    ("capacity", "10"),
    ("lat", "1.49"),
    ("lon", "102.08"),
    ("node.load_per_station", "1"),
    ("fallback_if_blocked_h", "6"),
];

fn every_key(key: &str, value: &str) -> String {
    let mut t = EVERY_KEY.to_string();
    for (k, v) in GOOD {
        let v = if *k == key { value } else { v };
        t = t.replace(&format!("«{k}»"), v);
    }
    assert!(!t.contains('«'), "a placeholder without a value");
    t
}

#[test]
fn the_every_key_scenario_is_valid() {
    let m = util::model(&every_key("", ""));
    util::simulate(&m, 100, 1, 1);
}

#[test]
fn nan_and_infinity_are_refused_in_every_numeric_key() {
    for (k, _) in GOOD {
        for bad in ["nan", "inf", "-inf"] {
            let text = every_key(k, bad);
            let msg = rejected(&text);
            let first = msg.lines().next().unwrap_or("");
            // Every message locates the problem on the line of the key.
            assert!(
                first.contains("t.toml:"),
                "{k} = {bad}: the message has no location: {msg}"
            );
            assert!(
                msg.contains("finite")
                    || msg.contains("not a probability")
                    || msg.contains("not a latitude")
                    || msg.contains("must be more than 0")
                    || msg.contains("out of range")
                    || msg.contains("sums to")
                    || msg.contains("min <= mode <= max")
                    || msg.contains("is below")
                    || msg.contains("departures a day")
                    || msg.contains("not a disruption rate")
                    || msg.contains("quantile"),
                "{k} = {bad}: {msg}"
            );
        }
    }
}

#[test]
fn negative_values_are_refused_where_they_make_no_sense() {
    // A negative number is refused everywhere except latitude and longitude (south and west)
    // and the mean of a normal before truncation at 0 (allowed while mean + 3 sd >= 0).
    let accepted: Vec<&str> = GOOD
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| tepat::pipeline::model_from_str("t.toml", &every_key(k, "-1")).is_ok())
        .collect();
    assert_eq!(accepted, vec!["normal.mean", "lat", "lon"]);
    assert_rejected(
        &every_key("normal.mean", "-2"),
        &["almost every draw is truncated"],
    );
}

#[test]
fn negative_zero_is_read_as_zero() {
    // -0.0 is 0 wherever 0 is allowed: a duration, a probability, a wave height.
    for k in [
        "fixed.value",
        "cancel_probability",
        "damage_probability",
        "wave_m",
        "rate_per_day",
        "normal.sd",
        "fallback_if_blocked_h",
        "triangular.min",
        "pert.min",
        "lat",
    ] {
        let m = util::model(&every_key(k, "-0.0"));
        let acc = util::simulate(&m, 50, 1, 1);
        let s = tepat::summary::summarise(&m, &acc);
        crate::harness::check_summary(&m, &acc, &s);
    }
}

#[test]
fn absurdly_large_durations_are_refused() {
    for (k, v) in [
        ("fixed.value", "1e308"),
        ("fixed.value", "1e7"),
        ("exponential.mean", "1e300"),
        ("lognormal.p90", "1e300"),
        ("gamma.scale", "1e300"),
        ("gamma.mean", "1e12"),
        ("samples", "1e20"),
        ("uniform.max", "1e9"),
    ] {
        assert_rejected(&every_key(k, v), &["out of range", "at most 1000000 hours"]);
    }
    // A unit can push a finite value past the limit (1e305 days overflows to infinity hours).
    let text = format!(
        "{HEAD}{}",
        ONE_LINK.replace(
            "{ dist = \"fixed\", value = 2 }",
            "{ dist = \"fixed\", value = 1e307, unit = \"day\" }"
        )
    );
    assert_rejected(&text, &["out of range"]);
}

// ---------------------------------------------------------------------------------------------
// Calendar: midnight, month and year ends, 29 February.
// ---------------------------------------------------------------------------------------------

fn ferry_at(start: &str, timetable: &str, deadline: &str) -> String {
    format!(
        r#"
[scenario]
name = "calendar"
start = "{start}"
horizon_days = 5

[defaults]
station_deadline = "{deadline}"
hub_deadline = "{deadline}"

[[link]]
name = "ferry"
mode = "sea"
duration = {{ dist = "fixed", value = 1 }}
{timetable}

[[node]]
name = "Depot"
kind = "depot"

[[node]]
name = "Hub"
kind = "hub"
supplier = "Depot"
route = ["ferry"]
stations = 1
"#
    )
}

fn within_a_bin(s: &tepat::summary::Summary, truth: f64) {
    let q = s.nodes[1].p50_h.unwrap();
    assert!(
        (q - truth).abs() <= s.quantile_resolution_h + 1e-9,
        "median {q} h vs {truth} h (resolution {} h)",
        s.quantile_resolution_h
    );
}

fn hub_arrival(text: &str) -> (f64, tepat::summary::Summary) {
    let m = util::model(text);
    let mut s = Scratch::new(&m);
    s.replicate(&m, 1, 0);
    let a = s.arrival[1];
    let acc = util::simulate(&m, 100, 1, 1);
    (a, tepat::summary::summarise(&m, &acc))
}

#[test]
fn a_timetable_across_midnight_into_29_february() {
    // Departures 23:00, 00:00, 01:00 (every 60 min from 23:00 to 01:00). Reaching the quay at
    // 23:30 on 28 February 2024, the next departure is midnight, 29 February (a leap day).
    let text = ferry_at(
        "2024-02-28T23:30:00+07:00",
        "timetable = { every_min = 60, from = \"23:00\", to = \"01:00\" }",
        "2024-02-29T01:00:00+07:00",
    );
    let (a, s) = hub_arrival(&text);
    assert_eq!(a, 1.5);
    // Quantiles come from a histogram with 5-minute bins: within one bin of the truth.
    assert!(
        s.nodes[1].p50.starts_with("2024-02-29 01:0"),
        "{}",
        s.nodes[1].p50
    );
    within_a_bin(&s, 1.5);
    // Arriving exactly at the deadline is on time.
    assert_eq!(s.nodes[1].on_time.unwrap().p, 1.0);
    assert_eq!(s.all_on_time.p, 1.0);
    // One minute less and it is late.
    let late = text.replace("2024-02-29T01:00:00+07:00", "2024-02-29T00:59:00+07:00");
    let (_, s) = hub_arrival(&late);
    assert_eq!(s.nodes[1].on_time.unwrap().p, 0.0);
}

#[test]
fn the_day_after_28_february_2023_is_1_march() {
    let text = ferry_at(
        "2023-02-28T23:30:00+07:00",
        "timetable = { times = [\"08:00\"] }",
        "2023-03-02T00:00:00+07:00",
    );
    let (a, s) = hub_arrival(&text);
    assert_eq!(a, 9.5);
    assert!(
        s.nodes[1].p50.starts_with("2023-03-01 09:0"),
        "{}",
        s.nodes[1].p50
    );
    within_a_bin(&s, 9.5);
    // 29 February 2023 does not exist.
    let bad = text.replace("2023-03-02T00:00:00+07:00", "2023-02-29T12:00:00+07:00");
    assert_rejected(&bad, &["is not a local datetime"]);
}

#[test]
fn across_the_new_year_and_a_month_end() {
    let (a, s) = hub_arrival(&ferry_at(
        "2024-12-31T22:10:00+07:00",
        "timetable = { times = [\"08:00\", \"23:00\"] }",
        "2025-01-01T00:00:00+07:00",
    ));
    // The 23:00 departure of 31 December arrives at midnight exactly: on time.
    assert!((a - (50.0 / 60.0 + 1.0)).abs() < 1e-12, "{a}");
    assert!(
        s.nodes[1].p50.starts_with("2025-01-01 00:0"),
        "{}",
        s.nodes[1].p50
    );
    within_a_bin(&s, a);
    assert_eq!(s.nodes[1].on_time.unwrap().p, 1.0);
    let (a, s) = hub_arrival(&ferry_at(
        "2024-01-31T23:59:00+07:00",
        "timetable = { times = [\"00:00\"] }",
        "2024-02-01T01:00:00+07:00",
    ));
    assert!((a - (1.0 / 60.0 + 1.0)).abs() < 1e-12, "{a}");
    assert!(
        s.nodes[1].p50.starts_with("2024-02-01 01:0"),
        "{}",
        s.nodes[1].p50
    );
    within_a_bin(&s, a);
}

#[test]
fn a_window_across_midnight_and_a_departure_at_midnight() {
    // Small boats allowed from 22:00 to 02:00. Reaching the river at 03:00, wait for 22:00.
    let (a, _) = hub_arrival(&ferry_at(
        "2024-02-10T03:00:00+07:00",
        "window = { from = \"22:00\", to = \"02:00\" }",
        "2024-02-12T00:00:00+07:00",
    ));
    assert_eq!(a, 20.0);
    // Reaching it at 01:30 (inside the window, after midnight), leave at once.
    let (a, _) = hub_arrival(&ferry_at(
        "2024-02-10T01:30:00+07:00",
        "window = { from = \"22:00\", to = \"02:00\" }",
        "2024-02-12T00:00:00+07:00",
    ));
    assert_eq!(a, 1.0);
    // A timetable with a single departure at 00:00, reached at 00:00: leave at once.
    let (a, _) = hub_arrival(&ferry_at(
        "2024-02-10T00:00:00+07:00",
        "timetable = { times = [\"00:00\"] }",
        "2024-02-12T00:00:00+07:00",
    ));
    assert_eq!(a, 1.0);
    // "24:00" is not a time of day; "00:00" is.
    let bad = ferry_at(
        "2024-02-10T00:00:00+07:00",
        "timetable = { times = [\"24:00\"] }",
        "2024-02-12T00:00:00+07:00",
    );
    assert_rejected(&bad, &["'24:00' is not a time of day"]);
}

#[test]
fn a_deadline_at_the_start_or_before_or_after_the_horizon_is_refused() {
    let at_start = ferry_at(
        "2024-02-10T00:00:00+07:00",
        "timetable = { times = [\"00:00\"] }",
        "2024-02-10T00:00:00+07:00",
    );
    assert_rejected(&at_start, &["is not after the scenario start"]);
    // The same instant in another offset is the same instant.
    let other_offset = ferry_at(
        "2024-02-10T00:00:00+07:00",
        "timetable = { times = [\"00:00\"] }",
        "2024-02-09T17:00:00Z",
    );
    assert_rejected(&other_offset, &["is not after the scenario start"]);
    // A deadline after the end of the simulated period cannot be judged (an arrival after the
    // horizon is not simulated): refused. One at the very end is fine.
    let after = ferry_at(
        "2024-02-10T00:00:00+07:00",
        "timetable = { times = [\"00:00\"] }",
        "2024-03-10T00:00:00+07:00",
    );
    assert_rejected(&after, &["is after the end of the simulated period"]);
    let m = util::model(&after.replace("2024-03-10T00:00:00+07:00", "2024-02-15T00:00:00+07:00"));
    assert_eq!(m.nodes[1].deadline.map(|d| d.round()), Some(120.0));
}

// ---------------------------------------------------------------------------------------------
// Probabilities near 0 and 1 keep correct intervals.
// ---------------------------------------------------------------------------------------------

#[test]
fn wilson_intervals_hold_at_one_in_a_billion() {
    use tepat::stats::wilson;
    for &(k, n) in &[
        (0u64, 1u64),
        (1, 1),
        (0, 10_000),
        (1, 1_000_000_000),
        (10, 10_000_000_000),
        (999_999_999, 1_000_000_000),
        (9_999_999_990, 10_000_000_000),
        (100_000_000 - 1, 100_000_000),
        (1, 100_000_000),
    ] {
        let (lo, hi) = wilson(k, n);
        let p = k as f64 / n as f64;
        assert!(lo.is_finite() && hi.is_finite());
        assert!(
            0.0 <= lo && lo <= p && p <= hi && hi <= 1.0,
            "{k}/{n}: [{lo}, {hi}] p={p}"
        );
        assert!(hi > lo, "{k}/{n}: a degenerate interval");
        // Symmetry: the interval of the failures mirrors the interval of the successes.
        let (lo2, hi2) = wilson(n - k, n);
        assert!((lo - (1.0 - hi2)).abs() < 1e-12, "{k}/{n}");
        assert!((hi - (1.0 - lo2)).abs() < 1e-12, "{k}/{n}");
    }
    // 10 in 10^10 (p = 1e-9): the interval is about [5.4e-10, 1.84e-9] (Wilson, z = 1.96).
    let (lo, hi) = wilson(10, 10_000_000_000);
    assert!((lo - 5.43e-10).abs() < 0.1e-10, "{lo}");
    assert!((hi - 1.84e-9).abs() < 0.02e-9, "{hi}");
    // 0 in 10^6 while the truth is 1e-9: the interval [0, 3.84e-6] contains it.
    let (lo, hi) = wilson(0, 1_000_000);
    assert!(
        lo == 0.0 && hi > 1e-9 && (hi - 3.84e-6).abs() < 0.01e-6,
        "{hi}"
    );
    // 1 - 1e-9: the upper end is 1 only when every trial succeeded.
    let (_, hi) = wilson(9_999_999_990, 10_000_000_000);
    assert!(hi < 1.0 && hi > 1.0 - 1e-9, "{hi}");
}

#[test]
fn a_one_in_a_billion_cancellation_is_estimated_inside_its_interval() {
    // A ferry that is cancelled with probability 1e-9 (or 1 - 1e-9) per departure.
    for (p, expect_on_time) in [("1e-9", true), ("0.999999999", false)] {
        let text = ferry_at(
            "2024-02-10T00:00:00+07:00",
            &format!(
                "timetable = {{ times = [\"06:00\"] }}\nvessel = {{ wave_limit_m = 9, cancel_probability = {p} }}"
            ),
            "2024-02-10T12:00:00+07:00",
        );
        let m = util::model(&text);
        let acc = util::simulate(&m, 20_000, 3, 2);
        let s = tepat::summary::summarise(&m, &acc);
        let on = s.nodes[1].on_time.unwrap();
        crate::harness::check_summary(&m, &acc, &s);
        let truth: f64 = if expect_on_time { 1.0 - 1e-9 } else { 1e-9 };
        assert!(on.lo <= truth && truth <= on.hi, "{p}: {on:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Crashes found by fuzzing (fixtures in tests/data/valid/ and tests/data/invalid/).
// ---------------------------------------------------------------------------------------------

#[test]
fn fuzz_findings_are_fixed() {
    for (file, words) in [
        (
            "tests/data/invalid/fuzz-tiny-step.toml",
            &["step_h", "one minute"][..],
        ),
        (
            "tests/data/invalid/fuzz-tiny-headway.toml",
            &["more than 1,440 departures a day"],
        ),
        (
            "tests/data/invalid/fuzz-depot-planned-dispatch.toml",
            &["a depot is not dispatched"],
        ),
        (
            "tests/data/invalid/fuzz-tiny-capacity.toml",
            &["rounds of fleet"],
        ),
        (
            "tests/data/invalid/fuzz-huge-distance.toml",
            &["is longer than 50000 km"],
        ),
    ] {
        let e = tepat::scenario::load(Path::new(file))
            .and_then(|l| tepat::model::compile(&l))
            .err()
            .unwrap_or_else(|| panic!("{file} should be refused"));
        let msg = e.to_string();
        for w in words {
            assert!(msg.contains(w), "{file}: {msg}");
        }
    }
    // A national-size scenario found slow by fuzzing: valid, and refused only past the limit.
    let big = crate::harness::check_file(Path::new("tests/data/valid/fuzz-many-stations.toml"), 1);
    assert_eq!(big, crate::harness::Verdict::Accepted);
}

// ---------------------------------------------------------------------------------------------
// Outputs that survive faults.
// ---------------------------------------------------------------------------------------------

fn run_into(out: &Path, extra: &[&str]) -> std::process::Output {
    tepat()
        .args(["run", "tests/data/valid/minimal.toml", "--quiet", "--out"])
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

#[cfg(unix)]
fn signal(child: &std::process::Child, sig: i32) {
    // SAFETY: sending a signal to our own child process.
    unsafe {
        libc::kill(child.id() as i32, sig);
    }
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_keeps_the_previous_results_and_says_how_far_it_got() {
    let dir = tempfile::tempdir().unwrap();
    let first = run_into(dir.path(), &["--runs", "500"]);
    assert!(first.status.success());
    let mut before: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir.path().join("minimal"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let b = std::fs::read(&p).unwrap_or_default();
            (p, b)
        })
        .collect();
    let index = dir.path().join("index.html");
    if index.exists() {
        before.push((index.clone(), std::fs::read(&index).unwrap()));
    }
    let listed = listing(dir.path());
    for sig in [libc::SIGTERM, libc::SIGINT] {
        let child = tepat()
            .args([
                "run",
                "tests/data/valid/minimal.toml",
                "--quiet",
                "--threads",
                "1",
            ])
            .args(["--runs", "100000000", "--out"])
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(1500));
        let t0 = Instant::now();
        signal(&child, sig);
        let out = child.wait_with_output().unwrap();
        assert!(t0.elapsed() < Duration::from_secs(3), "stopped promptly");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(128 + sig), "signal {sig}: {err}");
        assert!(err.contains("interrupted after"), "{err}");
        assert!(err.contains("of 100000000 replications"), "{err}");
        assert!(err.contains("minimal: stopped after"), "{err}");
        assert!(err.contains("previous results"), "{err}");
        for (p, b) in &before {
            assert_eq!(&std::fs::read(p).unwrap(), b, "{} changed", p.display());
        }
        assert_eq!(listing(dir.path()), listed, "nothing added or left behind");
    }
    // A second Ctrl-C exits at once.
    let child = tepat()
        .args([
            "run",
            "tests/data/valid/minimal.toml",
            "--quiet",
            "--threads",
            "1",
        ])
        .args(["--runs", "100000000", "--out"])
        .arg(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    signal(&child, libc::SIGINT);
    signal(&child, libc::SIGINT);
    let out = child.wait_with_output().unwrap();
    assert!(
        matches!(out.status.code(), Some(130) | Some(1)),
        "{:?}",
        out.status
    );
    for (p, b) in &before {
        assert_eq!(&std::fs::read(p).unwrap(), b);
    }
}

#[test]
fn two_runs_writing_the_same_folder_at_once_do_not_corrupt_each_other() {
    let dir = tempfile::tempdir().unwrap();
    // The expected bytes of each run, written alone.
    let reference = |seed: &str| {
        let d = dir.path().join(format!("ref{seed}"));
        assert!(
            run_into(&d, &["--runs", "1000", "--seed", seed])
                .status
                .success()
        );
        std::fs::read(d.join("minimal/summary.csv")).unwrap()
    };
    let (r1, r2) = (reference("1"), reference("2"));
    assert_ne!(r1, r2);
    let shared = dir.path().join("shared");
    for round in 0..4 {
        let spawn = |seed: &str| {
            tepat()
                .args([
                    "run",
                    "tests/data/valid/minimal.toml",
                    "--quiet",
                    "--threads",
                    "1",
                ])
                .args(["--runs", "1000", "--seed", seed, "--out"])
                .arg(&shared)
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn("1"), spawn("2"));
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
        assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
        // Exactly one run's complete output, never a mixture, nothing left behind.
        let got = std::fs::read(shared.join("minimal/summary.csv")).unwrap();
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(shared.join("minimal/run.json")).unwrap())
                .unwrap();
        let seed = json["manifest"]["seed"].as_u64().unwrap();
        assert!(
            (got == r1 && seed == 1) || (got == r2 && seed == 2),
            "round {round}: summary.csv and run.json come from different runs"
        );
        let hidden: Vec<String> = listing(&shared)
            .into_iter()
            .filter(|n| n.starts_with(".minimal"))
            .collect();
        assert!(hidden.is_empty(), "leftovers: {hidden:?}");
    }
}

#[test]
fn an_output_folder_that_cannot_be_created_is_a_clear_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    // A path under a regular file: no user, root included, can create a folder there.
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let out = run_into(&file.join("results"), &["--runs", "200"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("could not write"), "{err}");
    assert!(err.contains("a-file/results"), "names the path: {err}");
    assert!(err.contains("is a file, not a folder"), "says why: {err}");
    assert!(!err.contains("panicked"), "{err}");
    // The library error names the path too, for each entry point.
    let e =
        tepat::output::write_folder(&file, "s", &[("a.csv".into(), b"1".to_vec())]).unwrap_err();
    assert!(e.to_string().contains("a-file"), "{e}");
    assert_eq!(e.exit_code(), 1);
    assert!(e.to_string().contains("is a file, not a folder"), "{e}");
    let e = tepat::output::write_file(&file.join("index.html"), b"x").unwrap_err();
    assert!(e.to_string().contains("a-file/index.html"), "{e}");
    assert!(e.to_string().contains("is a file, not a folder"), "{e}");
}

#[cfg(unix)]
#[test]
fn a_read_only_output_folder_is_a_clear_error_also_when_the_tests_run_as_root() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let mode = |p: &Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    };
    // A folder everyone may enter, with a copy of the program and of the scenario (so that an
    // unprivileged user can run them wherever the repository is), and a read-only output
    // folder in it.
    let dir = tempfile::tempdir().unwrap();
    mode(dir.path(), 0o755);
    let exe = dir.path().join("tepat");
    std::fs::copy(env!("CARGO_BIN_EXE_tepat"), &exe).unwrap();
    mode(&exe, 0o755);
    let scenario = dir.path().join("minimal.toml");
    std::fs::copy("tests/data/valid/minimal.toml", &scenario).unwrap();
    mode(&scenario, 0o644);
    let ro = dir.path().join("read-only");
    std::fs::create_dir(&ro).unwrap();
    mode(&ro, 0o555);
    let mut cmd = Command::new(&exe);
    cmd.current_dir(dir.path()).args([
        "run",
        "minimal.toml",
        "--quiet",
        "--runs",
        "200",
        "--out",
        "read-only",
    ]);
    // Root (as in CI) writes through permission bits: run the program as the unprivileged
    // user `nobody` (uid and gid 65534, supplementary groups dropped), as a planner's own
    // account would.
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    if root {
        cmd.uid(65534).gid(65534);
    }
    let out = cmd.output().expect("run tepat (as nobody when root)");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "root: {root}; {err}");
    assert!(
        err.contains("could not write") && err.contains("read-only"),
        "{err}"
    );
    assert!(err.to_lowercase().contains("permission denied"), "{err}");
    assert_eq!(listing(&ro), Vec::<String>::new(), "nothing written");
    mode(&ro, 0o755);
}
