//! As of a time of the distribution week: `tepat plan --status --as-of` (the latest safe
//! dispatch of what has not left yet), TPS reported arrived, and consignments reported not
//! departed, each held to an exact answer.

use std::process::Command;

use crate::asof::{HEADER, fallback_scenario, observed};
use crate::util::simulate;
use tepat::analysis::plan::{Measure, Plan, plan};
use tepat::engine::Scratch;
use tepat::model::Model;

fn minimal() -> Model {
    let text = std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap();
    tepat::pipeline::model_from_str("minimal.toml", &text).unwrap()
}

fn plan_as_of() -> Model {
    let text = std::fs::read_to_string("tests/data/valid/plan-as-of.toml").unwrap();
    tepat::pipeline::model_from_str("plan-as-of.toml", &text).unwrap()
}

fn plan_of(m: &Model) -> Plan {
    plan(m, 0.95, 11, 400, 2, Measure::Tps).unwrap()
}

#[test]
fn an_empty_status_before_every_dispatch_gives_the_plain_plan() {
    let m = minimal();
    let plain = plan_of(&m);
    let om = observed(&m, HEADER, "2024-02-10T00:00+07:00");
    let asof = plan_of(&om);
    assert_eq!(asof.as_of.as_deref(), Some("2024-02-10 00:00"));
    assert_eq!(asof.scenario, "minimal as of 2024-02-10 00:00");
    assert_eq!(plain.rows.len(), asof.rows.len());
    for (a, b) in plain.rows.iter().zip(&asof.rows) {
        assert_eq!(a.node, b.node);
        assert_eq!(a.latest_h, b.latest_h, "{}", a.node);
        assert_eq!(a.status, b.status);
        assert_eq!(a.p_at_latest.p, b.p_at_latest.p);
        assert_eq!(
            a.p_hour_later.map(|p| p.p),
            b.p_hour_later.map(|p| p.p),
            "{}",
            a.node
        );
    }
    for (a, b) in plain.kecamatan.iter().zip(&asof.kecamatan) {
        assert_eq!((a.p_current.p, a.p_plan.p), (b.p_current.p, b.p_plan.p));
    }
}

#[test]
fn the_latest_safe_dispatch_as_of_a_time_is_exact() {
    // Road 9.5 h, last mile 2 h, TPS deadline 48 h: latest dispatch 36.5 h, whole hour 36 h.
    let m = plan_as_of();
    let p = plan_of(&m);
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].latest_h, Some(36.0));
    assert_eq!(p.kecamatan[0].p_plan.p, 1.0);
    // As of 11 Feb 06:30 (30.5 h): still 36 h.
    let p = plan_of(&observed(&m, HEADER, "2024-02-11T06:30+07:00"));
    assert_eq!(p.rows[0].latest_h, Some(36.0));
    assert_eq!(p.rows[0].status, "latest safe dispatch");
    // As of 11 Feb 12:15 (36.25 h): the whole hour (12:00) has passed; the latest safe time
    // (12:30) has not: leave now, which is safe.
    let p = plan_of(&observed(&m, HEADER, "2024-02-11T12:15+07:00"));
    assert_eq!(p.rows[0].latest_h, Some(36.25));
    assert_eq!(p.rows[0].status, "latest safe dispatch");
    assert_eq!(p.kecamatan[0].p_plan.p, 1.0);
    // As of 11 Feb 11:30 (35.5 h): the next whole hour, 12:00, is still safe.
    let p = plan_of(&observed(&m, HEADER, "2024-02-11T11:30+07:00"));
    assert_eq!(p.rows[0].latest_h, Some(36.0));
    // As of 11 Feb 14:00 (38 h), after the latest time: leave now, and P = 0, said plainly.
    let p = plan_of(&observed(&m, HEADER, "2024-02-11T14:00+07:00"));
    let r = &p.rows[0];
    assert_eq!(r.latest_h, Some(38.0));
    assert!(
        r.status.starts_with("leave now; even so P = 0.000 ["),
        "{}",
        r.status
    );
    assert_eq!(p.kecamatan[0].p_plan.p, 0.0);
    assert!(!p.kecamatan[0].reachable);
}

#[test]
fn leave_now_gives_the_probability_of_leaving_now() {
    // The minimal scenario as of 13 Feb 10:00: the hub (deadline for its TPS 13 Feb 23:59;
    // Village B's boat sails 06:00 to 17:00) cannot meet 0.95 any more; the plan says so with
    // the probability of leaving now, which is that of the scenario with the hub dispatched
    // at 10:00.
    let m = minimal();
    let p = plan_of(&observed(&m, HEADER, "2024-02-13T10:00+07:00"));
    let hub = p.rows.iter().find(|r| r.node == "Hub").unwrap();
    let mut now = m.clone();
    now.nodes[1].planned = Some(82.0);
    let acc = simulate(&now, 400, 11, 2);
    let k = &p.kecamatan[0];
    assert!(!k.reachable);
    assert_eq!(hub.latest_h, Some(82.0));
    assert_eq!(k.p_plan.p, acc.kec_all_on_time[0] as f64 / 400.0);
    assert!(k.p_plan.p < 0.95 && k.p_plan.p > 0.0, "{}", k.p_plan.p);
    assert!(hub.status.starts_with(&format!(
        "leave now; even so P = {:.3} [{:.3}, {:.3}]",
        k.p_plan.p, k.p_plan.lo, k.p_plan.hi
    )));
}

#[test]
fn a_consignment_reported_departed_is_not_in_the_plan() {
    // The minimal scenario with a planned dispatch for Village A.
    let text = std::fs::read_to_string("tests/data/valid/minimal.toml")
        .unwrap()
        .replace(
            "route = [\"village-a\"]",
            "route = [\"village-a\"]\nplanned_dispatch = \"2024-02-12T08:00:00+07:00\"",
        );
    let m = tepat::pipeline::model_from_str("a.toml", &text).unwrap();
    let nodes = |p: &Plan| p.rows.iter().map(|r| r.node.clone()).collect::<Vec<_>>();
    let p = plan_of(&observed(&m, HEADER, "2024-02-11T09:00+07:00"));
    assert_eq!(nodes(&p), ["Hub", "Village A"]);
    let status = format!("{HEADER}departed,Hub,2024-02-11T08:00+07:00,,\n");
    let p = plan_of(&observed(&m, &status, "2024-02-11T09:00+07:00"));
    assert_eq!(nodes(&p), ["Village A"]);
    // And the probability is that of the run as of the same time.
    let om = observed(&m, &status, "2024-02-11T09:00+07:00");
    let acc = simulate(&om, 400, 11, 2);
    assert_eq!(
        p.kecamatan[0].p_current.p,
        acc.kec_all_on_time[0] as f64 / 400.0
    );
}

#[test]
fn plan_as_of_through_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_tepat"))
        .args(["plan", "tests/data/valid/plan-as-of.toml", "--runs", "50"])
        .args(["--as-of", "2024-02-11T14:00+07:00", "--status"])
        .arg("tests/data/valid/status/empty.csv")
        .arg("--out")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("plan-as-of as of "), "{stdout}");
    let folder = dir.path().join("plan-as-of-plan-as-of-2024-02-11T1400");
    let csv = std::fs::read_to_string(folder.join("plan.csv")).unwrap();
    assert!(csv.contains("leave now; even so P = 0.000"), "{csv}");
    assert!(folder.join("results.xlsx").exists());
}

/// The minimal scenario with Village A reported arrived at 13 Feb 23:00 (its TPS deadline is
/// 23:59, its last mile 30 to 90 minutes: some TPS late, some not), and `extra` rows.
fn village_a_late(extra: &str) -> String {
    format!(
        "{HEADER}arrived,Hub,2024-02-11T10:00+07:00,,\narrived,Village A,2024-02-13T23:00+07:00,,\narrived,Village B,2024-02-12T10:00+07:00,,\n{extra}"
    )
}

#[test]
fn tps_reported_arrived_fix_their_outcome() {
    let m = minimal();
    let n = 2_000;
    let at = "2024-02-14T01:00+07:00";
    let base = simulate(&observed(&m, &village_a_late(""), at), n, 4, 2);
    assert!(
        base.kec_all_on_time[0] > 0 && base.kec_all_on_time[0] < n,
        "without TPS rows some TPS of Village A are late: {}",
        base.kec_all_on_time[0]
    );
    // Every TPS of Village A arrived by its deadline: P(every TPS on time) = 1 exactly.
    let rows: String = (1..=5)
        .map(|k| format!("arrived,Village A/TPS 00{k},2024-02-13T23:30+07:00,,\n"))
        .collect();
    let om = observed(&m, &village_a_late(&rows), at);
    let acc = simulate(&om, n, 4, 2);
    assert_eq!(acc.kec_all_on_time[0], n);
    assert_eq!(acc.all_on_time, n);
    // One of them arrived after it: P = 0 exactly, for that TPS and for the village's every TPS.
    let late = rows.replace(
        "Village A/TPS 003,2024-02-13T23:30",
        "Village A/TPS 3,2024-02-14T00:10",
    );
    let om = observed(&m, &village_a_late(&late), at);
    let acc = simulate(&om, n, 4, 1);
    assert_eq!(acc.kec_all_on_time[0], 0);
    let first = m.nodes[2].stations.0;
    assert_eq!(acc.station_on_time[first + 2], 0);
    assert_eq!(acc.station_on_time[first + 1], n);
    // Bit-identical at any thread count.
    assert_eq!(acc, simulate(&om, n, 4, 2));
    // The replication's lists agree with a recount.
    let mut s = Scratch::new(&om);
    for r in 0..50 {
        s.replicate(&om, 4, r);
        let late: Vec<u32> = (0..s.station_late.len() as u32)
            .filter(|&i| s.station_late[i as usize])
            .collect();
        assert_eq!(s.late_stations, late);
        assert_eq!(s.late_total as usize, late.len());
    }
}

#[test]
fn a_consignment_not_departed_leaves_no_earlier_than_the_as_of_time() {
    // Road 5 h, planned dispatch 24 h: arrival 29 h as planned.
    let m = fallback_scenario();
    let arrival = |m: &Model| {
        let mut s = Scratch::new(m);
        (0..100)
            .map(|r| {
                s.replicate(m, 3, r);
                (s.dispatched[1], s.arrival[1])
            })
            .collect::<Vec<_>>()
    };
    assert!(arrival(&m).iter().all(|&a| a == (24.0, 29.0)));
    // Not departed as of 11 Feb 06:00 (30 h): leaves at 30 h, arrives at 35 h.
    let st = format!("{HEADER}not_departed,H,,,\n");
    let om = observed(&m, &st, "2024-02-11T06:00+07:00");
    assert!(arrival(&om).iter().all(|&a| a == (30.0, 35.0)));
    // In Indonesian, with an expected departure (until) of 11 Feb 12:00 (36 h): 36 h, 41 h.
    let st = format!("{HEADER}belum_berangkat,H,2024-02-11T06:00+07:00,2024-02-11T12:00+07:00,\n");
    let om = observed(&m, &st, "2024-02-11T06:00+07:00");
    assert!(arrival(&om).iter().all(|&a| a == (36.0, 41.0)));
    // Not departed as of 10 Feb 20:00, before its planned dispatch: the plan stands.
    let st = format!("{HEADER}not_departed,H,,,\n");
    let om = observed(&m, &st, "2024-02-10T20:00+07:00");
    assert!(arrival(&om).iter().all(|&a| a == (24.0, 29.0)));
}

#[test]
fn a_consignment_still_travelling_on_two_legs_is_drawn_from_the_route_law_conditioned() {
    // Two roads, each exponential with mean 5 h: the route takes X ~ Gamma(2, 5),
    // F(x) = 1 - exp(-x/5) (1 + x/5). Left at 0 h, not in at t: P(by 18 h) =
    // [F(18) - F(t)] / [1 - F(t)].
    let text = format!(
        r#"{}
[[link]]
name = "a"
mode = "road"
duration = {{ dist = "exponential", mean = 5 }}
[[link]]
name = "b"
mode = "road"
duration = {{ dist = "exponential", mean = 5 }}
[[node]]
name = "D"
kind = "depot"
[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["a", "b"]
deadline = "2024-02-10T18:00:00+07:00"
"#,
        crate::util::HEAD
    );
    let m = crate::util::model(&text);
    let f = |x: f64| 1.0 - (-x / 5.0).exp() * (1.0 + x / 5.0);
    let status = format!("{HEADER}departed,H,2024-02-10T00:00+07:00,,\n");
    let n = 400_000;
    for (t, at) in [
        (8.0, "2024-02-10T08:00+07:00"),
        (14.0, "2024-02-10T14:00+07:00"),
    ] {
        let om = observed(&m, &status, at);
        let acc = simulate(&om, n, 23, 2);
        let exact = (f(18.0) - f(t)) / (1.0 - f(t));
        crate::util::assert_prob(
            &format!("P(by 18 h | two legs, travelling at {t} h)"),
            acc.node_on_time[1],
            n,
            exact,
        );
    }
}
