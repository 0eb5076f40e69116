//! `extra_delay` on links and `last_mile_extra_delay` on stations, held to their exact answers:
//! with probability p a leg takes an extra exponential delay, so P(on time) is a mixture.

use crate::util::{HEAD, assert_prob, model, phi, simulate};

const N: u64 = 400_000;

fn network(link_extra: &str, station_extra: &str, last_mile: &str) -> String {
    format!(
        r#"{HEAD}
[defaults]
station_deadline = "2024-02-10T06:00:00+07:00"
{station_extra}

[[link]]
name = "road"
mode = "road"
duration = {{ dist = "fixed", value = 2 }}
{link_extra}

[[node]]
name = "D"
kind = "depot"

[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["road"]
deadline = "2024-02-10T04:00:00+07:00"
stations = 10
last_mile = {last_mile}
"#
    )
}

#[test]
fn a_link_extra_delay_gives_the_mixture_of_on_time_and_exponential() {
    // 2 h of travel, deadline 4 h: late only when the extra delay (p = 0.3, mean 2 h) strikes
    // and exceeds 2 h.
    let text = network(
        r#"extra_delay = { probability = 0.3, delay = { dist = "exponential", mean = 2 } }"#,
        "",
        r#"{ dist = "fixed", value = 0 }"#,
    );
    let m = model(&text);
    let acc = simulate(&m, N, 3, 2);
    let h = m.nodes.iter().position(|x| x.name == "H").unwrap();
    let exact = 0.7 + 0.3 * (1.0 - (-1.0f64).exp());
    assert_prob("link extra delay", acc.node_on_time[h], acc.runs, exact);
    // It is a delay on the link: it counts as road disruption and makes the link critical.
    let li = m.links.iter().position(|l| l.name == "road").unwrap();
    assert!(acc.link_late_stations[li] > 0);
}

#[test]
fn a_last_mile_extra_delay_is_drawn_per_station() {
    // The hub arrives at 2 h; each station's last mile is 1 h plus, with p = 0.2, an
    // exponential delay of mean 3 h; the deadline is 6 h: late iff the delay exceeds 3 h.
    let text = network(
        "",
        r#"last_mile_extra_delay = { probability = 0.2, delay = { dist = "exponential", mean = 3 } }"#,
        r#"{ dist = "fixed", value = 1 }"#,
    );
    let m = model(&text);
    let acc = simulate(&m, N / 4, 5, 2);
    let exact = 1.0 - 0.2 * (-1.0f64).exp();
    let on: u64 = acc.station_on_time.iter().sum();
    assert_prob(
        "station extra delay",
        on,
        acc.runs * acc.station_on_time.len() as u64,
        exact,
    );
    // Stations are independent: P(all 10 on time) = exact^10.
    assert_prob("all stations", acc.all_on_time, acc.runs, exact.powi(10));
}

#[test]
fn a_lognormal_last_mile_gives_the_lognormal_cdf_per_station() {
    // Hub at 2 h, deadline 6 h: each station is on time iff its last mile is at most 4 h.
    let text = network("", "", r#"{ dist = "lognormal", median = 3, p90 = 6 }"#);
    let m = model(&text);
    let acc = simulate(&m, N / 4, 7, 1);
    let sigma = 2f64.ln() / 1.281_551_565_544_600_5;
    let exact = phi((4f64.ln() - 3f64.ln()) / sigma);
    let on: u64 = acc.station_on_time.iter().sum();
    assert_prob(
        "lognormal last mile",
        on,
        acc.runs * acc.station_on_time.len() as u64,
        exact,
    );
}

#[test]
fn the_station_shortcuts_give_exactly_the_arrivals_computed_directly() {
    // The engine computes only the stations that can be late, with shortcuts (thresholds on
    // the uniform draws, geometric skips); `station_arrivals` computes every station's arrival
    // from the same random numbers without any shortcut. In every replication the late
    // stations and their arrival times must be the same, for last miles drawn by inversion or
    // not, extra delays drawn by inversion or not, and slacks that take every path.
    let families = [
        r#"{ dist = "lognormal", median = 2, p90 = 4 }"#,
        r#"{ dist = "triangular", min = 0.5, mode = 1, max = 3 }"#,
        r#"{ dist = "fixed", value = 1 }"#,
        r#"{ dist = "gamma", mean = 2, sd = 1 }"#,
        r#"{ dist = "normal", mean = 1, sd = 1.5 }"#,
    ];
    let extras = [
        r#"last_mile_extra_delay = { probability = 0.07, delay = { dist = "exponential", mean = 2 } }"#,
        r#"last_mile_extra_delay = { probability = 0.2, delay = { dist = "gamma", mean = 2, sd = 1 } }"#,
        "",
    ];
    let mut late_seen = 0u64;
    for lm in families {
        for extra in extras {
            for deadline in ["03:00", "06:00", "10:00", "20:00"] {
                let text = network(
                    r#"extra_delay = { probability = 0.1, delay = { dist = "exponential", mean = 1 } }"#,
                    extra,
                    lm,
                )
                .replace("2024-02-10T06:00:00+07:00", &format!("2024-02-10T{deadline}:00+07:00"));
                let m = model(&text);
                let dl = m.nodes[1].station_deadline.unwrap();
                let mut s = tepat::engine::Scratch::new(&m);
                for rep in 0..1_500 {
                    s.replicate(&m, 9, rep);
                    let direct = s.station_arrivals(&m);
                    for (k, &a) in direct.iter().enumerate() {
                        let late = a > dl;
                        assert_eq!(
                            s.station_late[k], late,
                            "{lm} {extra} {deadline}: rep {rep} station {k}: direct arrival {a}"
                        );
                        if late {
                            late_seen += 1;
                            assert_eq!(
                                s.station_arrival[k].to_bits(),
                                a.to_bits(),
                                "{lm} {extra} {deadline}: rep {rep} station {k}"
                            );
                        }
                    }
                }
            }
        }
    }
    assert!(
        late_seen > 10_000,
        "the cases must have late stations: {late_seen}"
    );
}

#[test]
fn a_bad_extra_delay_is_refused_with_its_location() {
    for (bad, what) in [
        (
            r#"extra_delay = { probability = 1.5, delay = { dist = "exponential", mean = 2 } }"#,
            "probability",
        ),
        (
            r#"extra_delay = { probability = 0.1, delay = { dist = "exponential", mean = -2 } }"#,
            "delay",
        ),
        (
            r#"extra_delay = { probability = 0.1, delay = { dist = "fixed", value = 1 }, chance = 2 }"#,
            "chance",
        ),
    ] {
        let text = network(bad, "", r#"{ dist = "fixed", value = 0 }"#);
        let err = tepat::pipeline::model_from_str("bad.toml", &text)
            .err()
            .unwrap_or_else(|| panic!("{bad} should be refused"))
            .to_string();
        assert!(err.contains(what), "{bad}: {err}");
        assert!(err.contains("bad.toml:"), "{bad}: no location in {err}");
    }
}
