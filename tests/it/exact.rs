//! Every mechanism of `docs/model.md` held to an exact answer, at a million replications (a
//! standard error of at most 0.05 percentage points, so a bias of a few tenths of a point is
//! seen), each within 4 standard errors. The exact answers are computed here from the laws of
//! the docs alone (closed forms, Markov chains on weather states, Poisson coverage), never from
//! the engine's own code.

use crate::util::{HEAD, assert_prob, model, phi, simulate};
use tepat::engine::{Acc, Scratch};
use tepat::model::Model;

/// Replications of each case.
const N: u64 = 1_000_000;

/// The local datetime `h` hours after the start of [`HEAD`] (2024-02-10 00:00 WIB).
fn at(h: f64) -> String {
    let start = chrono::DateTime::parse_from_rfc3339("2024-02-10T00:00:00+07:00").unwrap();
    (start + chrono::Duration::milliseconds((h * 3_600_000.0).round() as i64)).to_rfc3339()
}

/// A scenario with depot "D" (ready per `ready`) and one hub per deadline, `H0`, `H1`, ...,
/// each reached by `route` with that deadline (hours from the start).
fn hubs(links: &str, route: &str, ready: &str, deadlines: &[f64]) -> String {
    let mut t =
        format!("{HEAD}\n{links}\n[[node]]\nname = \"D\"\nkind = \"depot\"\nready = {ready}\n");
    for (i, &d) in deadlines.iter().enumerate() {
        t += &format!(
            "[[node]]\nname = \"H{i}\"\nkind = \"hub\"\nsupplier = \"D\"\nroute = {route}\ndeadline = \"{}\"\n",
            at(d)
        );
    }
    t
}

/// Run `text` and hold hub `Hi`'s P(on time) to `exact[i]`.
fn check_hubs(what: &str, text: &str, exact: &[f64], seed: u64) -> (Model, Acc) {
    let m = model(text);
    let acc = simulate(&m, N, seed, 2);
    for (i, &p) in exact.iter().enumerate() {
        let h = m
            .nodes
            .iter()
            .position(|n| n.name == format!("H{i}"))
            .unwrap();
        assert_prob(
            &format!("{what}, deadline {i}"),
            acc.node_on_time[h],
            acc.runs,
            p,
        );
    }
    (m, acc)
}

// ---------------------------------------------------------------------------------------------
// Distribution families: the CDF at three points and the reported quantiles.
// ---------------------------------------------------------------------------------------------

/// Replications of node `i` that arrived before `x` hours (a multiple of the histogram bin).
fn arrived_before(acc: &Acc, i: usize, x: f64) -> u64 {
    let k = x / acc.bin_h;
    assert!((k - k.round()).abs() < 1e-6, "{x} h is not a bin boundary");
    acc.hist(i)[..k.round() as usize]
        .iter()
        .map(|&c| c as u64)
        .sum()
}

/// The smallest x with F(x) ≥ p, by bisection on the exact CDF.
fn inverse(cdf: &dyn Fn(f64) -> f64, p: f64) -> f64 {
    let (mut lo, mut hi) = (0.0, 1000.0);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if cdf(mid) >= p {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

type Cdf = Box<dyn Fn(f64) -> f64>;

/// One family: its TOML, its exact CDF (from the docs' definition), and three points (hours,
/// multiples of 5 minutes): the first and third read from the arrival histogram (arrivals
/// before the point), the second is the hub's deadline (arrivals by it).
fn families() -> Vec<(&'static str, Cdf, [f64; 3])> {
    let tn = |mean: f64| -> Cdf {
        Box::new(move |x: f64| {
            if x <= 0.0 {
                0.0
            } else {
                1.0 - phi(mean - x) / phi(mean)
            }
        })
    };
    let z90 = 1.281_551_565_544_600_5;
    vec![
        (
            r#"{ dist = "fixed", value = 2.5 }"#,
            Box::new(|x: f64| if x >= 2.5 { 1.0 } else { 0.0 }),
            [2.0, 2.5, 3.0],
        ),
        (
            r#"{ dist = "uniform", min = 1, max = 5 }"#,
            Box::new(|x: f64| ((x - 1.0) / 4.0).clamp(0.0, 1.0)),
            [2.0, 3.0, 4.5],
        ),
        (
            r#"{ dist = "triangular", min = 1, mode = 2, max = 6 }"#,
            Box::new(|x: f64| {
                if x <= 1.0 {
                    0.0
                } else if x <= 2.0 {
                    (x - 1.0).powi(2) / 5.0
                } else if x < 6.0 {
                    1.0 - (6.0 - x).powi(2) / 20.0
                } else {
                    1.0
                }
            }),
            [1.5, 2.5, 4.0],
        ),
        // PERT(0, 1, 4) is 4 × Beta(2, 4): P(Beta(2, 4) ≤ y) = P(Binomial(5, y) ≥ 2).
        (
            r#"{ dist = "pert", min = 0, mode = 1, max = 4 }"#,
            Box::new(|x: f64| {
                let y = (x / 4.0).clamp(0.0, 1.0);
                1.0 - (1.0 - y).powi(5) - 5.0 * y * (1.0 - y).powi(4)
            }),
            [0.5, 1.25, 2.5],
        ),
        (
            r#"{ dist = "normal", mean = 3, sd = 1 }"#,
            tn(3.0),
            [2.0, 3.0, 4.5],
        ),
        // Far below 0 (the bug: 0.585 for 0.463 at 15 minutes, 0.950 for 0.562 at −2.9 sd).
        (
            r#"{ dist = "normal", mean = -2, sd = 1 }"#,
            tn(-2.0),
            [1.0 / 12.0, 0.25, 1.0],
        ),
        (
            r#"{ dist = "normal", mean = -2.9, sd = 1 }"#,
            tn(-2.9),
            [1.0 / 12.0, 0.25, 1.0],
        ),
        (
            r#"{ dist = "lognormal", median = 2, p90 = 4 }"#,
            Box::new(move |x: f64| {
                if x <= 0.0 {
                    0.0
                } else {
                    phi((x / 2.0).ln() / (2f64.ln() / z90))
                }
            }),
            [1.0, 2.5, 5.0],
        ),
        (
            r#"{ dist = "lognormal", mean = 4, sd = 3 }"#,
            Box::new(|x: f64| {
                let s2 = (1.0 + 9.0 / 16.0f64).ln();
                let mu = 4f64.ln() - s2 / 2.0;
                if x <= 0.0 {
                    0.0
                } else {
                    phi((x.ln() - mu) / s2.sqrt())
                }
            }),
            [2.0, 4.0, 8.0],
        ),
        // Gamma with shape 4 and scale 1 (mean 4, sd 2): Erlang-4.
        (
            r#"{ dist = "gamma", mean = 4, sd = 2 }"#,
            Box::new(|x: f64| 1.0 - (-x).exp() * (1.0 + x + x * x / 2.0 + x.powi(3) / 6.0)),
            [2.0, 4.0, 7.0],
        ),
        (
            r#"{ dist = "gamma", shape = 2, scale = 1.5 }"#,
            Box::new(|x: f64| 1.0 - (-x / 1.5).exp() * (1.0 + x / 1.5)),
            [1.0, 3.0, 6.0],
        ),
        (
            r#"{ dist = "exponential", mean = 2 }"#,
            Box::new(|x: f64| 1.0 - (-x / 2.0).exp()),
            [0.5, 2.0, 5.0],
        ),
        (
            r#"{ dist = "empirical", samples = [1, 2, 2, 7] }"#,
            Box::new(|x: f64| {
                [1.0, 2.0, 2.0, 7.0].iter().filter(|&&v| v <= x).count() as f64 / 4.0
            }),
            [1.5, 2.5, 6.5],
        ),
        (
            r#"{ dist = "empirical", quantiles = [[0, 1], [0.5, 3], [0.9, 5], [1, 8]] }"#,
            Box::new(|x: f64| {
                if x <= 1.0 {
                    0.0
                } else if x <= 3.0 {
                    0.5 * (x - 1.0) / 2.0
                } else if x <= 5.0 {
                    0.5 + 0.4 * (x - 3.0) / 2.0
                } else if x <= 8.0 {
                    0.9 + 0.1 * (x - 5.0) / 3.0
                } else {
                    1.0
                }
            }),
            [2.0, 4.0, 6.0],
        ),
    ]
}

#[test]
fn every_family_has_its_exact_cdf_at_three_points_and_its_quantiles_within_a_bin() {
    for (k, (dist, cdf, [x1, x2, x3])) in families().into_iter().enumerate() {
        let text = hubs(
            &format!("[[link]]\nname = \"road\"\nmode = \"road\"\nduration = {dist}\n"),
            r#"["road"]"#,
            r#"{ dist = "fixed", value = 0 }"#,
            &[x2],
        );
        let (m, acc) = check_hubs(dist, &text, &[cdf(x2)], 100 + k as u64);
        let h = 1;
        for x in [x1, x3] {
            assert_prob(
                &format!("{dist}: P(X < {x})"),
                arrived_before(&acc, h, x),
                acc.runs,
                cdf(x),
            );
        }
        // The reported quantiles: within one bin (docs/model.md §5) plus 4 standard errors
        // of a sample quantile, sqrt(p(1 − p)/n) / f(q).
        let s = tepat::summary::summarise(&m, &acc);
        let node = &s.nodes[h];
        for (p, got) in [(0.5, node.p50_h), (0.8, node.p80_h), (0.95, node.p95_h)] {
            let q = inverse(&cdf, p);
            let d = 1e-4;
            let f = (cdf(q + d) - cdf(q - d)) / (2.0 * d);
            let se = if f > 1e-3 && f < 1e3 {
                (p * (1.0 - p) / acc.runs as f64).sqrt() / f
            } else {
                0.0
            };
            let got = got.expect("arrived");
            assert!(
                (got - q).abs() <= acc.bin_h + 4.0 * se + 1e-9,
                "{dist}: P{} reported {got:.4} h, exact {q:.4} h (bin {:.4} h, se {se:.5})",
                (p * 100.0) as u32,
                acc.bin_h
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Unscheduled boats: window, waves and service at the actual departure, after the delay.
// ---------------------------------------------------------------------------------------------

#[test]
fn an_unscheduled_boat_whose_delay_runs_into_a_storm_waits_for_the_calm() {
    // Calm at step 0 (0–6 h); the vehicle is at the quay at 5 h, the boat's delay is 2 h: it
    // is ready at 7 h, in step 1, and sails only if step 1 is calm; else at the next calm
    // step's start. Arrival 8 h (step 1 calm), 13 h (step 2), 19 h (step 3).
    let links = r#"
[[zone]]
name = "z"
step_h = 6
states = [{ name = "calm", wave_m = 0.5 }, { name = "storm", wave_m = 3.0 }]
initial = [1.0, 0.0]
transition = [[0.7, 0.3], [0.4, 0.6]]
[[link]]
name = "boat"
mode = "sea"
zone = "z"
duration = { dist = "fixed", value = 1 }
vessel = { wave_limit_m = 1.25, delay = { dist = "fixed", value = 2 } }
"#;
    let text = hubs(
        links,
        r#"["boat"]"#,
        r#"{ dist = "fixed", value = 5 }"#,
        &[8.5, 13.5, 19.5],
    );
    let (a, b) = (0.7, 0.3);
    check_hubs(
        "boat delay into a storm",
        &text,
        &[a, a + b * 0.4, a + b * 0.4 + b * 0.6 * 0.4],
        21,
    );
}

#[test]
fn an_unscheduled_boat_whose_delay_runs_past_its_window_waits_for_the_next_opening() {
    // Window 06:00–17:30; the vehicle is at the quay at 15:30 and the delay is uniform on
    // [0, 4] h. Ready by 17:30 (probability 1/2): sails when ready, lands 1 h later. Else it
    // sails at 06:00 the next day (30 h) and lands at 31 h.
    let links = r#"
[[link]]
name = "boat"
mode = "river"
duration = { dist = "fixed", value = 1 }
window = { from = "06:00", to = "17:30" }
vessel = { wave_limit_m = 1.25, delay = { dist = "uniform", min = 0, max = 4 } }
"#;
    let text = hubs(
        links,
        r#"["boat"]"#,
        r#"{ dist = "fixed", value = 15.5 }"#,
        &[17.5, 19.5, 30.9, 31.1],
    );
    check_hubs(
        "boat delay past the window",
        &text,
        &[0.25, 0.5, 0.5, 1.0],
        22,
    );
}

#[test]
fn an_unscheduled_boat_out_of_service_waits_by_the_hour_without_a_zone_and_is_checked_after_its_delay()
 {
    // No zone: service is drawn per hour from time 0, out with probability 0.3. The vehicle is
    // at the quay at 0.5 h.
    //   no delay: leaves at 0.5 (hour 0 in service), 1 (hour 1), 2 (hour 2), ...
    //   delay 0.75 h: ready at A(0.5) + 0.75 and sails at the first in-service moment from
    //   then: 1.25 (hours 0 and 1 in service), 1.75 (hour 0 out, 1 in), 2 (0 in, 1 out, 2 in).
    let (p, q) = (0.7f64, 0.3f64);
    let links = |delay: f64| {
        format!(
            r#"
[[link]]
name = "boat"
mode = "river"
duration = {{ dist = "fixed", value = 0 }}
vessel = {{ wave_limit_m = 1.25, cancel_probability = 0.3, delay = {{ dist = "fixed", value = {delay} }} }}
"#
        )
    };
    let ready = r#"{ dist = "fixed", value = 0.5 }"#;
    check_hubs(
        "boat service, no delay",
        &hubs(&links(0.0), r#"["boat"]"#, ready, &[0.75, 1.5, 2.5]),
        &[p, p + q * p, 1.0 - q.powi(3)],
        23,
    );
    check_hubs(
        "boat service, delay across an hour",
        &hubs(&links(0.75), r#"["boat"]"#, ready, &[1.5, 1.8, 2.1]),
        &[p * p, p * p + q * p, p * p + q * p + p * q * p],
        24,
    );
}

#[test]
fn windows_that_wrap_past_midnight_open_in_the_evening_and_close_after_midnight() {
    // Ready uniform on [12, 36] h. Unscheduled boat, window 20:00–02:00 (open [20, 26] h):
    // ready before 20 h leaves at 20 h; inside, at once; after 26 h, at 44 h.
    // Timetable hourly 00:00–23:00 with window 22:00–01:00: departures 22, 23, 24, 25 h, then
    // 46 h.
    let links = r#"
[[link]]
name = "boat"
mode = "river"
duration = { dist = "fixed", value = 0 }
window = { from = "20:00", to = "02:00" }
[[link]]
name = "ferry"
mode = "river"
duration = { dist = "fixed", value = 0 }
timetable = { every_min = 60, from = "00:00", to = "23:00" }
window = { from = "22:00", to = "01:00" }
"#;
    let ready = r#"{ dist = "uniform", min = 12, max = 36 }"#;
    check_hubs(
        "unscheduled window across midnight",
        &hubs(links, r#"["boat"]"#, ready, &[19.9, 20.5, 25.0, 43.9, 44.1]),
        &[0.0, 8.5 / 24.0, 13.0 / 24.0, 14.0 / 24.0, 1.0],
        25,
    );
    check_hubs(
        "timetable window across midnight",
        &hubs(
            links,
            r#"["ferry"]"#,
            ready,
            &[22.5, 24.5, 25.5, 45.5, 46.5],
        ),
        &[10.0 / 24.0, 12.0 / 24.0, 13.0 / 24.0, 13.0 / 24.0, 1.0],
        26,
    );
}

// ---------------------------------------------------------------------------------------------
// Timetabled crossings: cancellations, outage days, missed departures.
// ---------------------------------------------------------------------------------------------

#[test]
fn cancelled_departures_are_independent_and_the_vehicle_takes_the_next_that_runs() {
    // Hourly departures, each cancelled with probability 0.3; ready at 0.5 h.
    let links = r#"
[[link]]
name = "ferry"
mode = "sea"
duration = { dist = "fixed", value = 0 }
timetable = { every_min = 60, from = "00:00", to = "23:00" }
vessel = { wave_limit_m = 2.5, cancel_probability = 0.3 }
"#;
    let text = hubs(
        links,
        r#"["ferry"]"#,
        r#"{ dist = "fixed", value = 0.5 }"#,
        &[1.5, 2.5, 3.5],
    );
    check_hubs("cancellations", &text, &[0.7, 1.0 - 0.09, 1.0 - 0.027], 31);
}

#[test]
fn outage_days_cancel_each_departure_of_the_day_with_the_cancel_fraction() {
    // Departures every 2 h from 00:00; a local day is an outage day with probability 0.4, and
    // on it each departure is cancelled with probability 0.5, independently. Ready at 21.5 h:
    // departures at 22 h (day 0), 24 h and 26 h (day 1).
    //   P(22 h runs) = 1 − 0.4 × 0.5 = 0.8;
    //   P(22 or 24 runs) = 1 − 0.2 × 0.2 (different days: independent) = 0.96;
    //   P(22, 24 or 26 runs) = 1 − 0.2 × (0.4 × 0.25) = 0.98 (24 and 26 share day 1).
    let links = r#"
[[link]]
name = "ferry"
mode = "sea"
duration = { dist = "fixed", value = 0 }
timetable = { every_min = 120, from = "00:00", to = "22:00" }
vessel = { wave_limit_m = 2.5, outage = { probability_per_day = 0.4, cancel_fraction = 0.5 } }
"#;
    let text = hubs(
        links,
        r#"["ferry"]"#,
        r#"{ dist = "fixed", value = 21.5 }"#,
        &[22.5, 24.5, 26.5],
    );
    check_hubs("outage days", &text, &[0.8, 0.96, 0.98], 32);
}

#[test]
fn missed_departures_skip_departures_that_run_and_a_draw_is_rounded_down() {
    // Hourly departures, ready at 0.5 h.
    // "cancel": each departure runs with probability 1/2 and the vehicle misses one that
    // runs: it takes the second that runs. P(by departure n) = 1 − 2^−n (1 + n).
    // "queue": no cancellations, misses 0, 1 or 2 (drawn from 0.5, 1.7, 2.2: rounded down).
    let links = r#"
[[link]]
name = "cancel"
mode = "sea"
duration = { dist = "fixed", value = 0 }
timetable = { every_min = 60, from = "00:00", to = "23:00" }
vessel = { wave_limit_m = 2.5, cancel_probability = 0.5 }
queue = { missed_departures = { dist = "fixed", value = 1 } }
[[link]]
name = "queue"
mode = "sea"
duration = { dist = "fixed", value = 0 }
timetable = { every_min = 60, from = "00:00", to = "23:00" }
queue = { missed_departures = { dist = "empirical", samples = [0.5, 1.7, 2.2] } }
"#;
    let ready = r#"{ dist = "fixed", value = 0.5 }"#;
    let by = |n: i32| 1.0 - 0.5f64.powi(n) * (1.0 + n as f64);
    check_hubs(
        "missed departures with cancellations",
        &hubs(links, r#"["cancel"]"#, ready, &[2.5, 3.5, 4.5]),
        &[by(2), by(3), by(4)],
        33,
    );
    check_hubs(
        "missed departures",
        &hubs(links, r#"["queue"]"#, ready, &[1.5, 2.5, 3.5]),
        &[1.0 / 3.0, 2.0 / 3.0, 1.0],
        34,
    );
}

// ---------------------------------------------------------------------------------------------
// Weather: follower zones, by a Markov chain on pairs of states.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_follower_zone_has_the_joint_law_of_the_chain_on_state_pairs() {
    // Leader L and follower F (follows with probability 0.6), states calm/storm. A boat in
    // each zone tries 1 h into step 2 and is on time iff its zone is calm at step 2. The pair
    // (L_k, F_k) is a Markov chain: P((l, f) → (l', f')) = TL[l][l'] (0.6 [f' = l'] + 0.4
    // TF[f][f']), from P((l, f)) = initL[l] (0.6 [f = l] + 0.4 initF[f]).
    let (il, tl) = ([0.8, 0.2], [[0.9, 0.1], [0.3, 0.7]]);
    let (if_, tf) = ([0.5, 0.5], [[0.6, 0.4], [0.2, 0.8]]);
    let q = 0.6;
    let same = |a: usize, b: usize| if a == b { 1.0 } else { 0.0 };
    let mut p = [[0.0f64; 2]; 2];
    for l in 0..2 {
        for f in 0..2 {
            p[l][f] = il[l] * (q * same(f, l) + (1.0 - q) * if_[f]);
        }
    }
    for _ in 0..2 {
        let mut n = [[0.0f64; 2]; 2];
        for l in 0..2 {
            for f in 0..2 {
                for l2 in 0..2 {
                    for f2 in 0..2 {
                        n[l2][f2] +=
                            p[l][f] * tl[l][l2] * (q * same(f2, l2) + (1.0 - q) * tf[f][f2]);
                    }
                }
            }
        }
        p = n;
    }
    let text = format!(
        r#"{HEAD}
[[zone]]
name = "L"
step_h = 6
states = [{{ name = "calm", wave_m = 0.5 }}, {{ name = "storm", wave_m = 3.0 }}]
initial = [0.8, 0.2]
transition = [[0.9, 0.1], [0.3, 0.7]]
[[zone]]
name = "F"
step_h = 6
states = [{{ name = "calm", wave_m = 0.5 }}, {{ name = "storm", wave_m = 3.0 }}]
initial = [0.5, 0.5]
transition = [[0.6, 0.4], [0.2, 0.8]]
follow = {{ zone = "L", probability = 0.6 }}
[[link]]
name = "bl"
mode = "sea"
zone = "L"
duration = {{ dist = "fixed", value = 0.1 }}
vessel = {{ wave_limit_m = 1.25 }}
[[link]]
name = "bf"
mode = "sea"
zone = "F"
duration = {{ dist = "fixed", value = 0.1 }}
vessel = {{ wave_limit_m = 1.25 }}
[[node]]
name = "D"
kind = "depot"
ready = {{ dist = "fixed", value = 13 }}
[[node]]
name = "A"
kind = "hub"
supplier = "D"
route = ["bl"]
stations = 1
station_deadline = "{dl}"
[[node]]
name = "B"
kind = "hub"
supplier = "D"
route = ["bf"]
stations = 1
station_deadline = "{dl}"
"#,
        dl = at(13.5)
    );
    let m = model(&text);
    let acc = simulate(&m, N, 41, 2);
    assert_prob(
        "leader calm at step 2",
        acc.kec_all_on_time[0],
        N,
        p[0][0] + p[0][1],
    );
    assert_prob(
        "follower calm at step 2",
        acc.kec_all_on_time[1],
        N,
        p[0][0] + p[1][0],
    );
    assert_prob("both calm at step 2", acc.all_on_time, N, p[0][0]);
    // The joint law is not the product: the case tells them apart.
    let product = (p[0][0] + p[0][1]) * (p[0][0] + p[1][0]);
    assert!(p[0][0] - product > 0.02, "{} vs {product}", p[0][0]);
}

// ---------------------------------------------------------------------------------------------
// Road blocks: waiting (new blocks extend the wait), detours, fallback routes.
// ---------------------------------------------------------------------------------------------

/// P(the wait W at a blocked road is at most y), for Poisson blocks of rate λ per hour, each
/// L hours long, active on [start, start + L), y < L: the road is free at some moment of
/// [t, t + y] iff no block started in (t − L, t], or the last start s in (t − L, t + y − L]
/// is followed by none in (s, s + L]: e^(−λL) (1 + λy).
fn p_wait_at_most(lambda: f64, len: f64, y: f64) -> f64 {
    assert!(y < len);
    (-lambda * len).exp() * (1.0 + lambda * y)
}

const ROAD_BLOCKS: &str = r#"
[[link]]
name = "road"
mode = "road"
duration = { dist = "fixed", value = 1 }
disruption = { rate_per_day = 0.5, duration = { dist = "fixed", value = 12 }, detour = { dist = "fixed", value = 4 } }
[[link]]
name = "no detour"
mode = "road"
duration = { dist = "fixed", value = 1 }
disruption = { rate_per_day = 0.5, duration = { dist = "fixed", value = 12 } }
[[link]]
name = "long way"
mode = "road"
duration = { dist = "fixed", value = 20 }
"#;

#[test]
fn a_blocked_road_is_waited_out_with_new_blocks_extending_the_wait_or_detoured() {
    // Reached at 48 h. Without a detour the arrival is 49 + W; with a 4 h detour it is
    // 49 + min(W, 4).
    let lambda = 0.5 / 24.0;
    let w = |y: f64| p_wait_at_most(lambda, 12.0, y);
    let ready = r#"{ dist = "fixed", value = 48 }"#;
    check_hubs(
        "waiting out blocks",
        &hubs(
            ROAD_BLOCKS,
            r#"["no detour"]"#,
            ready,
            &[49.0, 51.0, 55.0, 60.0],
        ),
        &[w(0.0), w(2.0), w(6.0), w(11.0)],
        51,
    );
    check_hubs(
        "detour or wait",
        &hubs(ROAD_BLOCKS, r#"["road"]"#, ready, &[49.5, 51.0, 52.9, 53.0]),
        &[w(0.5), w(2.0), w(3.9), 1.0],
        52,
    );
}

#[test]
fn the_fallback_route_is_taken_when_the_primary_is_impassable_at_dispatch() {
    // Road: the primary is impassable when a block has more than 6 h to run at dispatch
    // (48 h): then the 20 h fallback (arrival 68 h); else wait it out (arrival ≤ 55 h).
    let lambda = 0.5 / 24.0;
    let w = |y: f64| p_wait_at_most(lambda, 12.0, y);
    let mut text = hubs(
        ROAD_BLOCKS,
        r#"["no detour"]"#,
        r#"{ dist = "fixed", value = 48 }"#,
        &[49.5, 60.0, 68.0],
    );
    text = text.replace(
        "route = [\"no detour\"]\n",
        "route = [\"no detour\"]\nfallback = [\"long way\"]\nfallback_if_blocked_h = 6\n",
    );
    check_hubs("road fallback", &text, &[w(0.5), w(6.0), 1.0], 53);
    // A blocked road with a detour never sends the consignment to the fallback: it goes
    // round the block, arriving at 49 + min(W, 4) whatever the block's remaining time.
    let text = hubs(
        ROAD_BLOCKS,
        r#"["road"]"#,
        r#"{ dist = "fixed", value = 48 }"#,
        &[49.5, 51.0, 52.9, 53.0],
    )
    .replace(
        "route = [\"road\"]\n",
        "route = [\"road\"]\nfallback = [\"long way\"]\nfallback_if_blocked_h = 6\n",
    );
    check_hubs(
        "no fallback past a detour",
        &text,
        &[w(0.5), w(2.0), w(3.9), 1.0],
        55,
    );
    // A fallback that takes the blocked road too is never better: the primary is kept and
    // the block waited out, arriving at 49 + W.
    let text = hubs(
        ROAD_BLOCKS,
        r#"["no detour"]"#,
        r#"{ dist = "fixed", value = 48 }"#,
        &[49.5, 51.0, 55.0, 60.0],
    )
    .replace(
        "route = [\"no detour\"]\n",
        "route = [\"no detour\"]\nfallback = [\"no detour\", \"long way\"]\nfallback_if_blocked_h = 6\n",
    );
    check_hubs(
        "no fallback through the same block",
        &text,
        &[w(0.5), w(2.0), w(6.0), w(11.0)],
        56,
    );
    // Sea: a storm at dispatch (1 h, step 0: probability 0.3) sends the consignment by the
    // 10 h road; otherwise the 2 h boat.
    let sea = r#"
[[zone]]
name = "z"
step_h = 6
states = [{ name = "calm", wave_m = 0.5 }, { name = "storm", wave_m = 3.0 }]
initial = [0.7, 0.3]
transition = [[0.5, 0.5], [0.5, 0.5]]
[[link]]
name = "boat"
mode = "sea"
zone = "z"
duration = { dist = "fixed", value = 2 }
vessel = { wave_limit_m = 1.25 }
[[link]]
name = "road"
mode = "road"
duration = { dist = "fixed", value = 10 }
"#;
    let text = hubs(
        sea,
        r#"["boat"]"#,
        r#"{ dist = "fixed", value = 1 }"#,
        &[3.5, 11.5],
    )
    .replace(
        "route = [\"boat\"]\n",
        "route = [\"boat\"]\nfallback = [\"road\"]\n",
    );
    check_hubs("sea fallback", &text, &[0.7, 1.0], 54);
}

// ---------------------------------------------------------------------------------------------
// Escorts and damage: deterministic cases with exact arrival times.
// ---------------------------------------------------------------------------------------------

#[test]
fn an_escort_team_is_freed_when_the_convoy_arrives_not_when_the_damage_is_replaced() {
    // One team, back 1 h after the convoy arrives. A (planned 0 h, 5 h road) is certainly
    // damaged and the depot sends a second shipment at once: A arrives at 5 h, is complete at
    // 10 h. The team is free at 5 + 1 = 6 h (the replacement is not escorted), so B (planned
    // 1 h) leaves at 6 h and arrives at 11 h -- not at 16 h.
    // C: 25 units on one 10-unit truck (3 rounds, 3 h each way by return_time 2 h: last round
    // at 13 h), certainly damaged on its first round (found at 3 h), reserve 4 h: the reserve
    // is in at 7 h, before the last round: complete at 13 h, no damage time. E: the same
    // with a 12 h reserve: complete at 15 h, 2 h of damage.
    let text = format!(
        r#"{HEAD}
[[link]]
name = "r"
mode = "road"
duration = {{ dist = "fixed", value = 5 }}
damage_probability = 1
[[link]]
name = "safe"
mode = "road"
duration = {{ dist = "fixed", value = 5 }}
[[link]]
name = "c"
mode = "road"
duration = {{ dist = "fixed", value = 3 }}
damage_probability = 1
[[escort]]
name = "polres"
teams = 1
return_time = {{ dist = "fixed", value = 1 }}
[[fleet]]
name = "truck"
capacity = 10
count = 1
return_time = {{ dist = "fixed", value = 2 }}
[[node]]
name = "D"
kind = "depot"
[[node]]
name = "A"
kind = "hub"
supplier = "D"
route = ["r"]
escort = "polres"
planned_dispatch = "{p0}"
[[node]]
name = "B"
kind = "hub"
supplier = "D"
route = ["safe"]
escort = "polres"
planned_dispatch = "{p1}"
[[node]]
name = "C"
kind = "hub"
supplier = "D"
route = ["c"]
fleet = "truck"
load = 25
reserve_replacement = {{ dist = "fixed", value = 4 }}
[[node]]
name = "E"
kind = "hub"
supplier = "D"
route = ["c"]
fleet = "truck"
load = 25
reserve_replacement = {{ dist = "fixed", value = 12 }}
"#,
        p0 = at(0.0),
        p1 = at(1.0)
    );
    let m = model(&text);
    let mut s = Scratch::new(&m);
    let idx = |n: &str| m.nodes.iter().position(|x| x.name == n).unwrap();
    use tepat::model::cause;
    for rep in 0..20 {
        s.replicate(&m, 3, rep);
        assert_eq!(
            s.arrival[idx("A")],
            10.0,
            "A complete after the replacement"
        );
        assert_eq!(s.causes[idx("A")][cause::DAMAGE], 5.0);
        assert_eq!(
            s.arrival[idx("B")],
            11.0,
            "B leaves when the team is back at 6 h"
        );
        assert_eq!(s.causes[idx("B")][cause::ESCORT], 5.0);
        assert_eq!(
            s.arrival[idx("C")],
            13.0,
            "reserve in before the last round"
        );
        assert_eq!(s.causes[idx("C")][cause::DAMAGE], 0.0);
        assert_eq!(s.arrival[idx("E")], 15.0, "reserve after the last round");
        assert_eq!(s.causes[idx("E")][cause::DAMAGE], 2.0);
        assert_eq!(s.causes[idx("E")][cause::CAPACITY], 10.0);
    }
}

#[test]
fn escort_priority_goes_to_the_longer_route_by_mean_hours() {
    // Two consignments planned at the same hour for one team. "Mode" has a triangular
    // duration with mode 6 and mean (1 + 6 + 8) / 3 = 5; "Mean" has a fixed 5.5 h. By means
    // "Mean" (5.5 h) is the longer route and goes first, although "Mode" is listed first and
    // its most likely duration is longer.
    let text = format!(
        r#"{HEAD}
[[link]]
name = "tri"
mode = "road"
duration = {{ dist = "triangular", min = 1, mode = 6, max = 8 }}
[[link]]
name = "fix"
mode = "road"
duration = {{ dist = "fixed", value = 5.5 }}
[[escort]]
name = "polres"
teams = 1
[[node]]
name = "D"
kind = "depot"
[[node]]
name = "Mode"
kind = "hub"
supplier = "D"
route = ["tri"]
escort = "polres"
planned_dispatch = "{p}"
[[node]]
name = "Mean"
kind = "hub"
supplier = "D"
route = ["fix"]
escort = "polres"
planned_dispatch = "{p}"
"#,
        p = at(1.0)
    );
    let m = model(&text);
    let mut s = Scratch::new(&m);
    s.replicate(&m, 1, 0);
    assert_eq!(
        s.arrival[2], 6.5,
        "the longer route by mean hours goes first"
    );
    assert!(s.arrival[1] >= 6.5 + 1.0, "the other waits for the team");
}

// ---------------------------------------------------------------------------------------------
// Critical links: a floating-point residue is not a delay.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_late_station_whose_chain_had_no_delay_has_no_critical_link() {
    // A road and a crossing in a zone whose every state has factor 1, with steps of 0.7 h,
    // taken at times that are not binary fractions: arrival − departure − base is a rounding
    // residue (about 1e-16) on many legs, never a delay. The stations are late (deadline
    // before any arrival) and no link may be their critical link.
    let text = format!(
        r#"{HEAD}
[[zone]]
name = "z"
step_h = 0.7
states = [{{ name = "a", road_factor = 1, sail_factor = 1 }}, {{ name = "b", road_factor = 1, sail_factor = 1 }}]
initial = [0.5, 0.5]
transition = [[0.5, 0.5], [0.5, 0.5]]
[[link]]
name = "road"
mode = "road"
zone = "z"
duration = {{ dist = "uniform", min = 2.1, max = 2.9 }}
[[link]]
name = "boat"
mode = "sea"
zone = "z"
duration = {{ dist = "uniform", min = 1.3, max = 1.7 }}
vessel = {{ wave_limit_m = 2.5 }}
[[node]]
name = "D"
kind = "depot"
ready = {{ dist = "uniform", min = 0.1, max = 0.3 }}
[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["road", "boat"]
stations = 3
station_deadline = "{dl}"
"#,
        dl = at(0.05)
    );
    let m = model(&text);
    let acc = simulate(&m, 20_000, 61, 2);
    assert_eq!(acc.station_on_time, vec![0, 0, 0], "every station is late");
    assert_eq!(
        acc.link_critical,
        vec![0, 0],
        "no critical link without a delay"
    );
    assert_eq!(acc.link_late_stations, vec![0, 0]);
    let mut s = Scratch::new(&m);
    for rep in 0..2_000 {
        s.replicate(&m, 61, rep);
        assert_eq!(s.worst[1].0, tepat::engine::NO_LINK, "rep {rep}");
        let sum: f64 = s.causes[1].iter().sum();
        assert!((sum - s.arrival[1]).abs() < 1e-9, "causes add up");
        assert_eq!(s.causes[1][tepat::model::cause::WEATHER], 0.0);
    }
}

#[test]
fn blocks_before_the_start_take_the_weather_of_the_first_step() {
    // The zone is wet (disruption factor 2) from step 0 on, for ever: blocks arrive at
    // 2 × 0.5 = 1 a day, also in the week before the start, which takes step 0's state. A
    // vehicle reaching the road at time 0 waits W with P(W ≤ y) = e^(−λL)(1 + λy), λ = 1/24.
    let text = hubs(
        r#"
[[zone]]
name = "z"
step_h = 6
states = [{ name = "dry", disruption_factor = 1 }, { name = "wet", disruption_factor = 2 }]
initial = [0.0, 1.0]
transition = [[1.0, 0.0], [0.0, 1.0]]
[[link]]
name = "road"
mode = "road"
zone = "z"
duration = { dist = "fixed", value = 1 }
disruption = { rate_per_day = 0.5, duration = { dist = "fixed", value = 12 } }
"#,
        r#"["road"]"#,
        r#"{ dist = "fixed", value = 0 }"#,
        &[1.0, 1.5, 5.0],
    );
    let w = |y: f64| p_wait_at_most(1.0 / 24.0, 12.0, y);
    check_hubs(
        "blocks before the start",
        &text,
        &[w(0.0), w(0.5), w(4.0)],
        55,
    );
}
