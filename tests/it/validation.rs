//! The validation cases of MODEL.md, each held to its exact answer within 4 standard errors.

use crate::util::{HEAD, assert_prob, model, phi, simulate};
use tepat::engine::Scratch;

const N: u64 = 1_000_000;

fn hub_on_time(text: &str, n: u64) -> (u64, u64) {
    let m = model(text);
    let acc = simulate(&m, n, 11, 2);
    let hub = m.nodes.iter().position(|x| x.name == "H").expect("hub H");
    (acc.node_on_time[hub], acc.runs)
}

#[test]
fn one_lognormal_road_link_gives_the_lognormal_cdf() {
    // Deadline 12 h after start; duration lognormal with median 10 h and P90 20 h.
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
    let sigma = 2f64.ln() / 1.281_551_565_544_600_5;
    let exact = phi((12f64.ln() - 10f64.ln()) / sigma);
    let (k, n) = hub_on_time(&text, N);
    assert_prob("lognormal link", k, n, exact);
}

#[test]
fn two_exponential_links_in_series_give_the_hypoexponential_cdf() {
    let text = format!(
        r#"{HEAD}
[[link]]
name = "a"
mode = "road"
duration = {{ dist = "exponential", mean = 2 }}
[[link]]
name = "b"
mode = "road"
duration = {{ dist = "exponential", mean = 3 }}
[[node]]
name = "D"
kind = "depot"
[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["a", "b"]
deadline = "2024-02-10T06:00:00+07:00"
"#
    );
    let (l1, l2, d) = (0.5f64, 1.0 / 3.0, 6.0f64);
    let exact = 1.0 - (l2 * (-l1 * d).exp() - l1 * (-l2 * d).exp()) / (l2 - l1);
    let (k, n) = hub_on_time(&text, N);
    assert_prob("hypoexponential", k, n, exact);
}

#[test]
fn two_equal_exponential_links_give_the_erlang_2_cdf() {
    let text = format!(
        r#"{HEAD}
[[link]]
name = "a"
mode = "road"
duration = {{ dist = "exponential", mean = 2 }}
[[link]]
name = "b"
mode = "road"
duration = {{ dist = "exponential", mean = 2 }}
[[node]]
name = "D"
kind = "depot"
[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["a", "b"]
deadline = "2024-02-10T05:00:00+07:00"
"#
    );
    let x: f64 = 5.0 / 2.0;
    let exact = 1.0 - (-x).exp() * (1.0 + x);
    let (k, n) = hub_on_time(&text, N);
    assert_prob("Erlang-2", k, n, exact);
}

#[test]
fn a_timetable_every_h_hours_gives_a_uniform_wait() {
    // Departures every 2 h around the clock, the consignment ready at a uniform time.
    let text = format!(
        r#"{HEAD}
[[link]]
name = "ferry"
mode = "sea"
duration = {{ dist = "fixed", value = 0 }}
timetable = {{ every_min = 120, from = "00:00", to = "22:00" }}
[[node]]
name = "D"
kind = "depot"
ready = {{ dist = "uniform", min = 0, max = 48 }}
[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["ferry"]
"#
    );
    let m = model(&text);
    let mut s = Scratch::new(&m);
    let n = 1_000_000u64;
    let (mut sum, mut below_quarter) = (0.0, 0u64);
    for r in 0..n {
        s.replicate(&m, 5, r);
        let w = s.arrival[1] - s.arrival[0];
        assert!((-1e-9..=2.0 + 1e-9).contains(&w), "wait {w} outside [0, 2]");
        sum += w;
        if w <= 0.5 {
            below_quarter += 1;
        }
    }
    let mean = sum / n as f64;
    // Uniform on [0, 2]: mean 1, sd 2/sqrt(12).
    let se = (2.0 / 12f64.sqrt()) / (n as f64).sqrt();
    assert!(((mean - 1.0) / se).abs() < 4.0, "mean wait {mean}");
    assert_prob("P(wait <= H/4)", below_quarter, n, 0.25);
}

fn branches(shared: bool) -> String {
    let (ra, rb) = if shared {
        (r#"["s", "a"]"#, r#"["s", "b"]"#)
    } else {
        (r#"["s", "a"]"#, r#"["s2", "b"]"#)
    };
    format!(
        r#"{HEAD}
[defaults]
station_deadline = "2024-02-10T04:00:00+07:00"
[[link]]
name = "s"
mode = "road"
duration = {{ dist = "exponential", mean = 2 }}
[[link]]
name = "s2"
mode = "road"
duration = {{ dist = "exponential", mean = 2 }}
[[link]]
name = "a"
mode = "road"
duration = {{ dist = "fixed", value = 1 }}
[[link]]
name = "b"
mode = "road"
duration = {{ dist = "fixed", value = 2 }}
[[node]]
name = "D"
kind = "depot"
[[node]]
name = "A"
kind = "hub"
supplier = "D"
route = {ra}
stations = 1
[[node]]
name = "B"
kind = "hub"
supplier = "D"
route = {rb}
stations = 1
"#
    )
}

#[test]
fn independent_branches_multiply_and_shared_links_do_not() {
    // A needs s + 1 <= 4, B needs s' + 2 <= 4, s and s' exponential with mean 2.
    let pa = 1.0 - (-3.0f64 / 2.0).exp();
    let pb = 1.0 - (-2.0f64 / 2.0).exp();
    let acc = simulate(&model(&branches(false)), N, 3, 2);
    assert_prob("independent branches", acc.all_on_time, acc.runs, pa * pb);
    // Sharing s: both on time iff s <= 2, which is P(B) alone, not the product.
    let acc = simulate(&model(&branches(true)), N, 3, 2);
    assert_prob("shared link", acc.all_on_time, acc.runs, pb);
    assert!((pb - pa * pb) > 0.1, "the case must tell the two apart");
}

#[test]
fn a_two_state_weather_chain_closes_the_crossing_as_the_matrix_power_says() {
    // calm -> storm 0.2, storm -> calm 0.5; starts calm. The boat tries at 1 h into step k;
    // in a storm it waits for the next step, so it is on time iff step k is calm.
    let k = 3usize;
    let text = format!(
        r#"{HEAD}
[[zone]]
name = "z"
step_h = 6
states = [{{ name = "calm", wave_m = 0.5 }}, {{ name = "storm", wave_m = 3.0 }}]
initial = [1.0, 0.0]
transition = [[0.8, 0.2], [0.5, 0.5]]
[[link]]
name = "boat"
mode = "sea"
zone = "z"
duration = {{ dist = "fixed", value = 0.1 }}
vessel = {{ wave_limit_m = 2.5 }}
[[node]]
name = "D"
kind = "depot"
ready = {{ dist = "fixed", value = {ready} }}
[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["boat"]
deadline = "2024-02-10T{dl:02}:30:00+07:00"
"#,
        ready = 6 * k + 1,
        dl = 6 * k + 1
    );
    // Row vector times P^k.
    let mut v = [1.0f64, 0.0];
    for _ in 0..k {
        v = [v[0] * 0.8 + v[1] * 0.5, v[0] * 0.2 + v[1] * 0.5];
    }
    let (kk, n) = hub_on_time(&text, N);
    assert_prob("weather chain step 3", kk, n, v[0]);
}

#[test]
fn poisson_disruptions_block_with_probability_one_minus_exp_lambda_d() {
    // Rate 0.5 a day, each block lasts 12 h, no detour. A vehicle arriving at 48 h is held
    // iff an event started in the 12 h before: P(free) = exp(-0.5 * 12 / 24).
    let text = format!(
        r#"{HEAD}
[[link]]
name = "road"
mode = "road"
duration = {{ dist = "fixed", value = 1 }}
disruption = {{ rate_per_day = 0.5, duration = {{ dist = "fixed", value = 12 }} }}
[[node]]
name = "D"
kind = "depot"
ready = {{ dist = "fixed", value = 48 }}
[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["road"]
deadline = "2024-02-12T01:01:00+07:00"
"#
    );
    let (k, n) = hub_on_time(&text, N);
    assert_prob("Poisson block", k, n, (-0.5f64 * 12.0 / 24.0).exp());
    // At the very start, blocks begun before time 0 still count (the warm-up).
    let at_start = text
        .replace("value = 48", "value = 0")
        .replace("2024-02-12T01:01", "2024-02-10T01:01");
    let (k, n) = hub_on_time(&at_start, N);
    assert_prob(
        "Poisson block active at start",
        k,
        n,
        (-0.5f64 * 12.0 / 24.0).exp(),
    );
}

#[test]
fn escorts_serve_in_planned_order_and_capacity_adds_rounds() {
    // One escort team, two consignments planned at 0 h and 1 h, each 5 h away; the team
    // returns in 1 h. B (planned later) leaves when the team is back: 5 + 1 = 6 h.
    // C needs 3 rounds of a 10-unit truck for 25 units: 3 + 2 + 3 + 2 + 3 = 13 h.
    let text = format!(
        r#"{HEAD}
[[link]]
name = "r"
mode = "road"
duration = {{ dist = "fixed", value = 5 }}
[[link]]
name = "c"
mode = "road"
duration = {{ dist = "fixed", value = 3 }}
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
name = "B"
kind = "hub"
supplier = "D"
route = ["r"]
escort = "polres"
planned_dispatch = "2024-02-10T01:00:00+07:00"
[[node]]
name = "A"
kind = "hub"
supplier = "D"
route = ["r"]
escort = "polres"
planned_dispatch = "2024-02-10T00:00:00+07:00"
[[node]]
name = "C"
kind = "hub"
supplier = "D"
route = ["c"]
fleet = "truck"
load = 25
"#
    );
    let m = model(&text);
    let mut s = Scratch::new(&m);
    s.replicate(&m, 1, 0);
    assert_eq!(s.arrival[2], 5.0, "A first");
    assert_eq!(
        s.arrival[1], 11.0,
        "B waits for the team: leaves at 6, arrives 11"
    );
    assert_eq!(s.arrival[3], 13.0, "three rounds");
    assert_eq!(s.causes[1][tepat::model::cause::ESCORT], 5.0);
    assert_eq!(s.causes[3][tepat::model::cause::CAPACITY], 10.0);
}

#[test]
fn damage_is_replaced_from_the_reserve() {
    let text = format!(
        r#"{HEAD}
[[link]]
name = "r"
mode = "road"
duration = {{ dist = "fixed", value = 2 }}
damage_probability = 0.3
[[node]]
name = "D"
kind = "depot"
[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["r"]
reserve_replacement = {{ dist = "fixed", value = 10 }}
deadline = "2024-02-10T05:00:00+07:00"
"#
    );
    let (k, n) = hub_on_time(&text, N);
    assert_prob("damage", k, n, 0.7);
}

#[test]
fn causes_add_up_to_the_arrival_time() {
    let m = model(&std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap());
    let mut s = Scratch::new(&m);
    for r in 0..2_000 {
        s.replicate(&m, 9, r);
        for (i, a) in s.arrival.iter().enumerate() {
            if a.is_finite() {
                let sum: f64 = s.causes[i].iter().sum();
                assert!(
                    (sum - a).abs() < 1e-6,
                    "node {i} rep {r}: causes {sum} vs arrival {a}"
                );
            }
        }
    }
}

/// A hub reached after exactly 10 h with 12 stations whose last mile is lognormal (median 2 h,
/// P90 4 h) plus, with probability 0.1, an exponential extra delay (mean 3 h); the stations'
/// deadline is `slack_h` after the hub's arrival.
fn stations_scenario(slack_h: u32) -> String {
    let deadline = chrono::DateTime::parse_from_rfc3339("2024-02-10T10:00:00+07:00").unwrap()
        + chrono::Duration::hours(slack_h as i64);
    format!(
        r#"{HEAD}
[[link]]
name = "road"
mode = "road"
duration = {{ dist = "fixed", value = 10 }}
[[node]]
name = "D"
kind = "depot"
[[node]]
name = "H"
kind = "hub"
supplier = "D"
route = ["road"]
stations = 12
station_deadline = "{}"
last_mile = {{ dist = "lognormal", median = 2, p90 = 4 }}
last_mile_extra_delay = {{ probability = 0.1, delay = {{ dist = "exponential", mean = 3 }} }}
"#,
        deadline.to_rfc3339()
    )
}

/// P(lognormal + extra ≤ s): (1 − p) F(s) + p ∫₀ˢ F(s − x) e^(−x/m)/m dx (Simpson's rule).
fn station_exact(s: f64) -> f64 {
    let sigma = 2f64.ln() / 1.281_551_565_544_600_5;
    let f = |y: f64| {
        if y <= 0.0 {
            0.0
        } else {
            phi((y.ln() - 2f64.ln()) / sigma)
        }
    };
    let (p, mean, k) = (0.1, 3.0, 20_000);
    let h = s / k as f64;
    let g = |x: f64| f(s - x) * (-x / mean).exp() / mean;
    let mut integral = g(0.0) + g(s);
    for i in 1..k {
        integral += g(i as f64 * h) * if i % 2 == 1 { 4.0 } else { 2.0 };
    }
    integral *= h / 3.0;
    (1.0 - p) * f(s) + p * integral
}

#[test]
fn stations_draw_the_last_mile_and_extra_delay_independently_with_their_exact_law() {
    // The last mile at u = 0.99 is 7.04 h and the extra delay at 0.99 is 13.8 h: with 3, 8
    // and 16 h of slack every station is looked at; with 24 and 30 h only the stations whose
    // last-mile uniform is above 0.99 or whose extra delay is above its 0.99 quantile (drawn
    // by geometric skips), and at 24 h some of those need the small strikes too.
    for slack in [3u32, 8, 16, 24, 30] {
        let m = model(&stations_scenario(slack));
        let n = 200_000;
        let acc = simulate(&m, n, 5, 2);
        let p = station_exact(slack as f64);
        let on_time: u64 = acc.station_on_time.iter().sum();
        assert_prob(&format!("station, slack {slack} h"), on_time, n * 12, p);
        for (k, &c) in acc.station_on_time.iter().enumerate() {
            assert_prob(&format!("station {k}, slack {slack} h"), c, n, p);
        }
        assert_prob(
            &format!("all 12 stations, slack {slack} h"),
            acc.kec_all_on_time[0],
            n,
            p.powi(12),
        );
    }
}
