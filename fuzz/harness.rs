//! The fuzzing harness shared by the libFuzzer target (`fuzz/fuzz_targets/scenario.rs`), the
//! stable-Rust fuzz driver (`examples/fuzz.rs`) and the property tests
//! (`tests/it/properties.rs`): run one scenario file through load → validate → compile → a
//! few replications → summary → data files, and check every invariant that a result must
//! hold. A rejected input is fine; a panic, a hang, or a broken invariant is a bug.
//!
//! Included with `#[path = ".../fuzz/harness.rs"] mod harness;`, so it only uses tepat's
//! public API.
#![allow(dead_code)]

use std::path::Path;

use tepat::engine::{self, Acc, NoProgress, Options, Runs, Scratch};
use tepat::error::Error;
use tepat::model::Model;
use tepat::summary::{Prob, Summary};

/// What happened to one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Refused with a clear error; the string is a short signature of the first message
    /// (numbers and quoted names removed), used to tell error kinds apart.
    Rejected(String),
    /// Accepted and simulated; every invariant held.
    Accepted,
}

/// A message with numbers and quoted text removed: the kind of error, not its instance.
pub fn signature(msg: &str) -> String {
    let mut out = String::new();
    let mut quoted: Option<char> = None;
    for c in msg.chars() {
        match quoted {
            Some(q) if c == q => quoted = None,
            Some(_) => {}
            None if c == '\'' || c == '`' => {
                quoted = Some(c);
                out.push('_');
            }
            None if c.is_ascii_digit() => {
                if !out.ends_with('#') {
                    out.push('#');
                }
            }
            None => out.push(c),
        }
        if out.len() > 60 {
            break;
        }
    }
    out
}

fn reject(e: &Error) -> Verdict {
    let msg = match e {
        Error::Invalid(d) => d.first().map(|d| d.message.en()).unwrap_or_default(),
        other => other.to_string(),
    };
    // Every rejection must say something.
    assert!(!msg.trim().is_empty(), "an error without a message: {e:?}");
    Verdict::Rejected(signature(&msg))
}

/// Load, compile and (if valid) simulate `reps` replications of the scenario file at `path`
/// on one thread, checking every invariant. Panics on a broken invariant.
pub fn check_file(path: &Path, reps: u64) -> Verdict {
    let loaded = match tepat::scenario::load(path) {
        Ok(l) => l,
        Err(e) => return reject(&e),
    };
    let model = match tepat::model::compile(&loaded) {
        Ok(m) => m,
        Err(e) => return reject(&e),
    };
    if let Err(e) = tepat::strategy::compile_all(&loaded, &model) {
        return reject(&e);
    }
    // A national-size scenario (hundreds of thousands of stations) is valid but slow; one
    // replication is enough to check it.
    let reps = if model.stations.len() > 100_000 {
        1
    } else {
        reps
    };
    check_model(&model, reps, 1);
    Verdict::Accepted
}

/// Simulate a valid model and check every invariant: per replication (arrivals never before
/// their supplier's arrival or the planned dispatch, within the horizon or "never"), and of
/// the summary and the data files.
pub fn check_model(model: &Model, reps: u64, threads: usize) -> Acc {
    check_replications(model, 2024, reps.min(4));
    let acc = engine::run(
        model,
        &Options {
            seed: 2024,
            runs: Runs::Fixed(reps),
            threads,
            range: None,
        },
        &NoProgress,
    )
    .unwrap_or_else(|e| panic!("a valid model failed to run: {e}"));
    assert_eq!(acc.acc.runs, reps, "replications counted");
    let summary = tepat::summary::summarise(model, &acc.acc);
    check_summary(model, &acc.acc, &summary);
    acc.acc
}

/// Per-replication invariants.
pub fn check_replications(m: &Model, seed: u64, reps: u64) {
    let mut s = Scratch::new(m);
    for r in 0..reps {
        s.replicate(m, seed, r);
        for (i, node) in m.nodes.iter().enumerate() {
            let a = s.arrival[i];
            assert!(!a.is_nan(), "node {}: arrival is NaN", node.name);
            assert!(
                a == f64::INFINITY || (a >= 0.0 && a <= m.horizon),
                "node {}: arrival {a} h is neither within the horizon ({} h) nor 'never'",
                node.name,
                m.horizon
            );
            if !a.is_finite() {
                continue;
            }
            if let Some(p) = node.supplier {
                let pa = s.arrival[p];
                assert!(
                    a >= pa,
                    "node {}: arrives at {a} h, before its supplier {} ({pa} h)",
                    node.name,
                    m.nodes[p].name
                );
            }
            if let Some(pd) = node.planned {
                assert!(
                    a >= pd,
                    "node {}: arrives at {a} h, before its planned dispatch ({pd} h)",
                    node.name
                );
            }
        }
        // Every station's arrival, computed directly (the replication itself computes only
        // the late ones), so the late flags are checked against the direct computation.
        let arrivals = s.station_arrivals(m);
        for (k, st) in m.stations.iter().enumerate() {
            let a = arrivals[k];
            let na = s.arrival[st.node];
            assert!(!a.is_nan(), "station arrival is NaN");
            assert!(
                a == f64::INFINITY || (a >= na && a <= m.horizon),
                "station {} of {}: arrival {a} h vs its node's {na} h (horizon {} h)",
                st.number,
                m.nodes[st.node].name,
                m.horizon
            );
            let dl = m.nodes[st.node].station_deadline.unwrap_or(f64::INFINITY);
            assert_eq!(s.station_late[k], a > dl, "late flag of a station");
        }
    }
}

fn prob(what: &str, p: &Prob) {
    assert!(
        p.p.is_finite() && p.lo.is_finite() && p.hi.is_finite(),
        "{what}: not finite: {p:?}"
    );
    assert!(
        (0.0..=1.0).contains(&p.lo) && (0.0..=1.0).contains(&p.hi) && (0.0..=1.0).contains(&p.p),
        "{what}: outside [0, 1]: {p:?}"
    );
    assert!(
        p.lo <= p.p && p.p <= p.hi,
        "{what}: interval does not contain its estimate: {p:?}"
    );
}

fn finite(what: &str, x: f64) {
    assert!(x.is_finite(), "{what}: {x} is not finite");
}

fn opt_hours(what: &str, x: Option<f64>, horizon: f64) {
    if let Some(x) = x {
        finite(what, x);
        assert!(
            (0.0..=horizon + 1e-9).contains(&x),
            "{what}: {x} h outside [0, horizon]"
        );
    }
}

/// Invariants of a summary and of the bytes written from it.
pub fn check_summary(m: &Model, acc: &Acc, s: &Summary) {
    let h = m.horizon;
    prob("P(all on time)", &s.all_on_time);
    finite("expected late stations", s.late_stations.mean);
    finite("late stations lo", s.late_stations.lo);
    finite("late stations hi", s.late_stations.hi);
    assert!(
        s.late_stations.lo <= s.late_stations.mean + 1e-9
            && s.late_stations.mean <= s.late_stations.hi + 1e-9,
        "expected late stations outside its interval: {:?}",
        s.late_stations
    );
    if s.runs > 0 {
        let total: f64 = s.late_distribution.iter().sum();
        assert!(
            (total - 1.0).abs() < 1e-9,
            "late-station distribution sums to {total}"
        );
    }
    for x in &s.late_distribution {
        assert!((0.0..=1.0).contains(x), "late distribution entry {x}");
    }
    for n in &s.nodes {
        if let Some(p) = &n.on_time {
            prob(&format!("node {} on time", n.name), p);
        }
        assert!(
            (0.0..=1.0).contains(&n.never),
            "node {}: P(never) {}",
            n.name,
            n.never
        );
        opt_hours(&format!("node {} p50", n.name), n.p50_h, h);
        opt_hours(&format!("node {} p80", n.name), n.p80_h, h);
        opt_hours(&format!("node {} p95", n.name), n.p95_h, h);
        if let (Some(a), Some(b)) = (n.p50_h, n.p80_h) {
            assert!(a <= b + 1e-9, "node {}: p50 {a} > p80 {b}", n.name);
        }
        if let (Some(a), Some(b)) = (n.p80_h, n.p95_h) {
            assert!(a <= b + 1e-9, "node {}: p80 {a} > p95 {b}", n.name);
        }
        // Quantiles are read from a histogram: within one bin of the truth.
        if let (Some(q), Some(pd)) = (n.p50_h, n.planned_h) {
            assert!(
                q >= pd - s.quantile_resolution_h - 1e-9,
                "node {}: median arrival {q} h before planned dispatch {pd} h",
                n.name
            );
        }
        for (label, q, hh) in [
            ("p50", &n.p50, n.p50_h),
            ("p80", &n.p80, n.p80_h),
            ("p95", &n.p95, n.p95_h),
        ] {
            assert_eq!(
                hh.is_none(),
                q == "never",
                "node {} {label}: {q:?} vs {hh:?}",
                n.name
            );
        }
        for c in &n.cause_h {
            finite(&format!("node {} cause hours", n.name), *c);
            assert!(*c >= 0.0, "node {}: negative cause hours {c}", n.name);
        }
        if let Some(l) = n.late_mean_h {
            finite(&format!("node {} lateness", n.name), l);
            assert!(
                (0.0..=h + 1e-9).contains(&l),
                "node {}: mean lateness {l}",
                n.name
            );
        }
    }
    let min_station = s
        .station_results
        .iter()
        .map(|x| x.on_time.p)
        .fold(1.0, f64::min);
    assert!(
        s.all_on_time.p <= min_station + 1e-12,
        "P(every TPS on time) {} above a single TPS's {min_station}",
        s.all_on_time.p
    );
    assert!(
        acc.station_on_time.iter().all(|&k| acc.all_on_time <= k),
        "count of all-on-time replications above a station's on-time count"
    );
    for st in &s.station_results {
        prob(&format!("station {} #{}", st.node, st.number), &st.on_time);
        if let Some(l) = st.late_mean_h {
            finite("station lateness", l);
            assert!(l >= 0.0, "station lateness {l}");
        }
    }
    for (ki, k) in s.kecamatan.iter().enumerate() {
        prob(
            &format!("kecamatan {} all TPS", k.name),
            &k.all_stations_on_time,
        );
        finite("kecamatan late stations", k.late_stations.mean);
        finite("kecamatan late stations hi", k.late_stations.hi);
        for c in &k.station_cause_h {
            finite("kecamatan cause hours", *c);
            assert!(*c >= 0.0, "kecamatan {}: negative cause hours", k.name);
        }
        // P(every TPS of the kecamatan on time) <= each of its TPS's P(on time).
        for (si, st) in m.stations.iter().enumerate() {
            if m.nodes[st.node].kec == Some(ki) {
                assert!(
                    acc.kec_all_on_time[ki] <= acc.station_on_time[si],
                    "kecamatan {}: all-TPS count above a TPS's count",
                    k.name
                );
            }
        }
    }
    for l in &s.links {
        prob(&format!("link {} critical", l.name), &l.critical);
        finite("link late stations", l.late_stations);
        if let Some(d) = l.delay_when_critical_h {
            finite(&format!("link {} delay when critical", l.name), d);
            assert!(d >= 0.0, "link {}: negative delay", l.name);
        }
    }
    for c in &s.convergence {
        prob("convergence", &c.all_on_time);
        prob("convergence riskiest", &c.riskiest);
    }
    check_bytes(m, s);
}

/// Names that a scenario gave, which may legitimately read like "inf" or "NaN" in a file.
fn names(m: &Model) -> Vec<String> {
    let mut v: Vec<String> = m.nodes.iter().map(|n| n.name.to_lowercase()).collect();
    v.extend(m.links.iter().map(|l| l.name.to_lowercase()));
    v.extend(m.zones.iter().map(|z| z.name.to_lowercase()));
    v
}

/// No NaN and no infinity in any CSV cell or JSON number written for a run.
pub fn check_bytes(m: &Model, s: &Summary) {
    let manifest = tepat::pipeline::Manifest {
        tool_version: "fuzz".into(),
        stream_version: tepat::engine::STREAM_VERSION,
        scenario_file: "fuzz.toml".into(),
        scenario_sha256: String::new(),
        seed: 2024,
        runs: s.runs,
        replications: [0, s.runs],
        threads: 1,
        elapsed_s: 1.0,
        replications_per_s: s.runs as f64,
        as_of: None,
    };
    let files = vec![
        (
            "summary.csv",
            tepat::export::summary_csv::bytes(s).expect("summary.csv"),
        ),
        (
            "stations.csv",
            tepat::export::stations_csv::bytes(s).expect("stations.csv"),
        ),
        (
            "causes.csv",
            tepat::export::causes_csv::bytes(s).expect("causes.csv"),
        ),
        (
            "links.csv",
            tepat::export::links_csv::bytes(s).expect("links.csv"),
        ),
        (
            "run.json",
            tepat::export::run_json::bytes(s, &manifest).expect("run.json"),
        ),
    ];
    let names = names(m);
    for (name, bytes) in files {
        let text = std::str::from_utf8(&bytes).unwrap_or_else(|_| panic!("{name} is not UTF-8"));
        if name.ends_with(".csv") {
            let mut r = csv::ReaderBuilder::new()
                .has_headers(true)
                .from_reader(bytes.as_slice());
            let width = r.headers().expect("CSV header").len();
            for rec in r.records() {
                let rec = rec.unwrap_or_else(|e| panic!("{name}: unreadable CSV: {e}"));
                assert_eq!(rec.len(), width, "{name}: ragged row");
                for cell in rec.iter() {
                    if let Ok(x) = cell.trim().parse::<f64>()
                        && !x.is_finite()
                    {
                        assert!(
                            names.contains(&cell.trim().to_lowercase()),
                            "{name}: non-finite number {cell:?}"
                        );
                    }
                }
            }
        } else {
            // serde_json cannot hold NaN or infinity: it writes them as `null`. So a number
            // that went wrong shows as a `null`, and the only `null`s allowed are the options
            // that the summary holds as `None`, at exactly their places.
            let v: serde_json::Value = serde_json::from_str(text).expect("run.json parses");
            let mut nulls = Vec::new();
            json_nulls(&v, String::new(), &mut nulls);
            let mut expected = Vec::new();
            for (i, k) in s.kecamatan.iter().enumerate() {
                let hub = &s.nodes[k.hub];
                if hub.on_time.is_none() {
                    expected.push(format!("/kecamatan/{i}/p_on_time"));
                }
                if hub.deadline.is_none() {
                    expected.push(format!("/kecamatan/{i}/deadline"));
                }
                if k.leading_cause.is_none() {
                    expected.push(format!("/kecamatan/{i}/leading_cause"));
                }
                if k.some_without_materials_at_opening.is_none() {
                    expected.push(format!(
                        "/kecamatan/{i}/p_some_tps_without_materials_at_opening"
                    ));
                }
                if k.without_materials_at_opening.is_none() {
                    expected.push(format!(
                        "/kecamatan/{i}/expected_tps_without_materials_at_opening"
                    ));
                }
            }
            // The voting-opening figures exist only when the scenario says when voting opens.
            if s.voting_opens.is_none() {
                expected.push("/voting_opens".to_string());
            }
            if s.some_without_materials_at_opening.is_none() {
                expected.push("/p_some_tps_without_materials_at_opening".to_string());
            }
            if s.without_materials_at_opening.is_none() {
                expected.push("/expected_tps_without_materials_at_opening".to_string());
            }
            if s.riskiest_name.is_none() {
                expected.push("/riskiest_kecamatan".to_string());
            }
            for (i, v) in s.riskiest_villages.iter().enumerate() {
                if v.kecamatan.is_none() {
                    expected.push(format!("/riskiest_villages/{i}/kecamatan"));
                }
                if v.leading_cause.is_none() {
                    expected.push(format!("/riskiest_villages/{i}/leading_cause"));
                }
            }
            for (i, l) in s.links.iter().take(10).enumerate() {
                if l.delay_when_critical_h.is_none() {
                    expected.push(format!("/most_critical_links/{i}/delay_when_critical_h"));
                }
            }
            nulls.sort();
            expected.sort();
            assert_eq!(
                nulls, expected,
                "run.json: a null where a number belongs (NaN or infinity), or a missing null"
            );
        }
    }
}

/// The JSON-pointer paths of every `null` in `v`.
fn json_nulls(v: &serde_json::Value, path: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Null => out.push(path),
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                json_nulls(x, format!("{path}/{i}"), out);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                json_nulls(x, format!("{path}/{k}"), out);
            }
        }
        _ => {}
    }
}

/// A planted marker: mutated partial results carry it, and no error message may show it (a
/// part is never echoed).
pub const SECRET: &str = "SECRET-7f3a";

/// What a partial result is merged with: the model of `tests/data/valid/minimal.toml` and
/// both valid shards of a 1,000-replication run of it (seed 7).
pub struct PartialFixture {
    /// The compiled scenario.
    pub model: Model,
    /// `partial.json` of shard 1/2, as written by `tepat run --shard 1/2`.
    pub first_json: Vec<u8>,
    /// Shard 2/2.
    pub second: tepat::scale::Partial,
}

impl PartialFixture {
    /// Simulate the two shards.
    pub fn new() -> Self {
        let path = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/data/valid/minimal.toml"
        ));
        let path = if path.exists() {
            path.to_path_buf()
        } else {
            Path::new("tests/data/valid/minimal.toml").to_path_buf()
        };
        let loaded = tepat::scenario::load(&path).expect("minimal.toml loads");
        let model = tepat::model::compile(&loaded).expect("minimal.toml compiles");
        let cfg = tepat::pipeline::RunConfig {
            seed: Some(7),
            runs: Runs::Fixed(1000),
            threads: 1,
            ..tepat::pipeline::RunConfig::default()
        };
        let first =
            tepat::scale::run_shard(&path, &cfg, tepat::scale::Shard { k: 1, n: 2 }, &NoProgress)
                .unwrap();
        let second =
            tepat::scale::run_shard(&path, &cfg, tepat::scale::Shard { k: 2, n: 2 }, &NoProgress)
                .unwrap();
        PartialFixture {
            model,
            first_json: serde_json::to_vec(&first).unwrap(),
            second,
        }
    }
}

/// Any bytes as shard 1/2's `partial.json`, merged with the valid shard 2/2: either refused
/// with a message that does not show the file, or merged into a summary whose every
/// probability is finite and in [0, 1] and whose data files hold no NaN or infinity. A panic
/// is a finding.
pub fn check_partial(bytes: &[u8], dir: &Path, fx: &PartialFixture) -> Verdict {
    let file = dir.join("partial.json");
    std::fs::write(&file, bytes).expect("write the input");
    let part = match tepat::scale::read_partial(&file) {
        Ok(p) => p,
        Err(e) => return no_echo(&e),
    };
    let parts = [part, fx.second.clone()];
    match tepat::scale::merge_parts(&parts, &fx.model) {
        Err(e) => no_echo(&e),
        Ok(acc) => {
            let s = tepat::summary::summarise(&fx.model, &acc);
            let v = serde_json::to_value(&s).expect("a summary serialises");
            probs_in_range(&v);
            check_bytes(&fx.model, &s);
            Verdict::Accepted
        }
    }
}

fn no_echo(e: &Error) -> Verdict {
    let msg = e.to_string();
    assert!(
        !msg.contains(SECRET),
        "an error message shows the partial file's content: {msg}"
    );
    reject(e)
}

/// Every `{p, lo, hi}` object finite and within [0, 1], lo <= p <= hi.
fn probs_in_range(v: &serde_json::Value) {
    match v {
        serde_json::Value::Object(o) => {
            if let (Some(p), Some(lo), Some(hi)) = (
                o.get("p").and_then(|x| x.as_f64()),
                o.get("lo").and_then(|x| x.as_f64()),
                o.get("hi").and_then(|x| x.as_f64()),
            ) {
                assert!(
                    (0.0..=1.0).contains(&lo) && lo <= p + 1e-12 && p <= hi + 1e-12 && hi <= 1.0,
                    "a probability out of range after a merge: {p} [{lo}, {hi}]"
                );
            }
            o.values().for_each(probs_in_range);
        }
        serde_json::Value::Array(a) => a.iter().for_each(probs_in_range),
        _ => {}
    }
}

/// One mutation of a partial result's JSON text, from a seed: numbers replaced by edge
/// values, arrays cut or grown, fields dropped, duplicated or retyped, bytes flipped, and the
/// planted [`SECRET`] put where a message might echo it.
pub fn mutate_partial(json: &[u8], seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let text = String::from_utf8_lossy(json).to_string();
    let edges = [
        "0",
        "1",
        "-1",
        "4294967295",
        "4294967296",
        "18446744073709551615",
        "18446744073709551616",
        "1000000000000",
        "1e308",
        "-0.0",
        "NaN",
        "null",
        "\"SECRET-7f3a\"",
        "[\"SECRET-7f3a\"]",
        "{\"SECRET-7f3a\":1}",
        "[]",
        "[0]",
    ];
    let mut out = text.clone();
    for _ in 0..1 + next() % 3 {
        let b = out.as_bytes();
        // Positions of numbers (runs of digits).
        let pos: Vec<usize> = (0..b.len())
            .filter(|&i| b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()))
            .collect();
        match next() % 8 {
            0..=2 if !pos.is_empty() => {
                let i = pos[(next() % pos.len() as u64) as usize];
                let mut j = i;
                while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.') {
                    j += 1;
                }
                let e = edges[(next() % edges.len() as u64) as usize];
                out = format!("{}{}{}", &out[..i], e, &out[j..]);
            }
            3 => {
                // Cut or grow an array: drop or repeat an element after a '['.
                let opens: Vec<usize> = out.match_indices("[").map(|(i, _)| i).collect();
                if let Some(&i) = opens.get((next() % opens.len().max(1) as u64) as usize)
                    && let Some(c) = out[i..].find(',')
                {
                    let el = out[i + 1..i + c].to_string();
                    out = if next() % 2 == 0 {
                        format!("{}{}", &out[..i + 1], &out[i + c + 1..])
                    } else {
                        format!("{}{el},{}", &out[..i + 1], &out[i + 1..])
                    };
                }
            }
            4 => {
                // Replace a field's value by a string holding the secret.
                let keys: Vec<usize> = out.match_indices("\":").map(|(i, _)| i + 2).collect();
                if let Some(&i) = keys.get((next() % keys.len().max(1) as u64) as usize) {
                    out = format!(
                        "{}\"{SECRET} root:x:0:0\"{}",
                        &out[..i],
                        skip_value(&out[i..])
                    );
                }
            }
            5 => {
                let i = (next() % out.len().max(1) as u64) as usize;
                let mut bytes = out.into_bytes();
                if let Some(c) = bytes.get_mut(i) {
                    *c ^= 1 << (next() % 7);
                }
                out = String::from_utf8_lossy(&bytes).to_string();
            }
            6 => {
                let cut = (next() % out.len().max(1) as u64) as usize;
                let cut = (0..=cut)
                    .rev()
                    .find(|&c| out.is_char_boundary(c))
                    .unwrap_or(0);
                out.truncate(cut);
                out.push_str(SECRET);
            }
            _ => {
                out = format!("{SECRET}\n{out}");
            }
        }
    }
    out.into_bytes()
}

/// The rest of a JSON text after the value it starts with (a number, string, array or
/// object; nesting counted, strings respected well enough for tepat's own output).
fn skip_value(s: &str) -> &str {
    let b = s.as_bytes();
    let mut depth = 0i32;
    let mut in_str = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'"' => in_str = !in_str,
            _ if in_str => {}
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return &s[i + 1..];
                }
            }
            b',' | b']' | b'}' if depth == 0 => return &s[i..],
            _ => {}
        }
    }
    ""
}
