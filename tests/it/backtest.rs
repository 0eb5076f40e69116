//! `tepat backtest` and `tepat fit`: the PIT of the model's own draws is uniform, fitting
//! recovers known families, bad records and trips are refused with located errors, a fitted
//! distribution pastes into a scenario that `tepat check` accepts, and the 2024 Bengkalis
//! record lies within the central 95% of the calibrated scenario.

use std::path::Path;
use std::process::Command;

use tepat::backtest::fit::{Family, fit_all};
use tepat::backtest::record::Quantity;
use tepat::backtest::score::{self, Kind, Observed, Predictive, ks_p_value, ks_statistic};
use tepat::backtest::{predict, record, table};

fn tepat() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tepat"))
}

/// SplitMix64: a small, fixed generator for synthetic samples.
struct Mix(u64);
impl Mix {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        ((z >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
    fn normal(&mut self) -> f64 {
        let (u, v) = (self.next(), self.next());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
}

#[test]
fn the_pit_of_values_drawn_from_the_model_itself_is_uniform() {
    // Predictive distributions from 20,000 replications of one seed; "observed" values from
    // 2,000 replications of another seed: the model's own outcomes. Their (randomised, for
    // counts and ties) PIT must be uniform: a Kolmogorov-Smirnov test against U(0, 1).
    let l = tepat::scenario::load(Path::new("tests/data/valid/minimal.toml")).unwrap();
    let m = tepat::model::compile(&l).unwrap();
    let hub = m.nodes.iter().position(|n| n.name == "Hub").unwrap();
    let qs = [
        Quantity::Arrival(hub),
        Quantity::LastVillageArrival(0),
        Quantity::LateTps(None),
    ];
    let pool = tepat::analysis::pool(2).unwrap();
    let pred = predict::draws(&pool, &m, &qs, 11, 20_000).unwrap();
    let obs = predict::draws(&pool, &m, &qs, 12, 2_000).unwrap();
    let mut mix = Mix(7);
    for (k, q) in qs.iter().enumerate() {
        let p = Predictive::new(pred[k].clone());
        let kind = if matches!(q, Quantity::LateTps(_)) {
            Kind::Count
        } else {
            Kind::Continuous
        };
        let mut pits: Vec<f64> = obs[k]
            .iter()
            .map(|&y| {
                score::randomised_pit(&score::score(&p, kind, Observed::point(y)), mix.next())
            })
            .collect();
        pits.sort_by(|a, b| a.total_cmp(b));
        let d = ks_statistic(&pits, |x| x.clamp(0.0, 1.0));
        let pv = ks_p_value(d, pits.len());
        assert!(
            pv > 0.001,
            "{q:?}: PIT not uniform, KS D = {d:.4}, p = {pv:.2e}"
        );
    }
}

/// `n` lognormal trips (hours) with median `med` and log-sd `sigma`.
fn lognormal(n: usize, med: f64, sigma: f64, seed: u64) -> Vec<f64> {
    let mut r = Mix(seed);
    (0..n).map(|_| med * (sigma * r.normal()).exp()).collect()
}

#[test]
fn fit_recovers_known_families_within_their_standard_errors() {
    let n = 2_000;
    // Lognormal: median 3 h (μ = ln 3), σ = 0.4.
    let x = lognormal(n, 3.0, 0.4, 1);
    let f = fit_all(&x).unwrap();
    let Family::Lognormal { mu, sigma } = f[0].family else {
        panic!("lognormal trips fitted as {:?}", f[0].family);
    };
    assert!(
        (mu - 3f64.ln()).abs() <= 3.0 * f[0].se[0],
        "mu {mu} ± {}",
        f[0].se[0]
    );
    assert!(
        (sigma - 0.4).abs() <= 3.0 * f[0].se[1],
        "sigma {sigma} ± {}",
        f[0].se[1]
    );
    assert!(f[0].ks_p > 0.05, "KS p {}", f[0].ks_p);
    // Gamma, shape 3, scale 2 h (a sum of three exponentials of mean 2).
    let mut r = Mix(2);
    let x: Vec<f64> = (0..n)
        .map(|_| (0..3).map(|_| -2.0 * r.next().ln()).sum())
        .collect();
    let f = fit_all(&x).unwrap();
    let Family::Gamma { shape, scale } = f[0].family else {
        panic!("gamma trips fitted as {:?}", f[0].family);
    };
    assert!(
        (shape - 3.0).abs() <= 3.0 * f[0].se[0],
        "shape {shape} ± {}",
        f[0].se[0]
    );
    assert!(
        (scale - 2.0).abs() <= 3.0 * f[0].se[1],
        "scale {scale} ± {}",
        f[0].se[1]
    );
    // Exponential, mean 5 h.
    let x: Vec<f64> = (0..n).map(|_| -5.0 * r.next().ln()).collect();
    let f = fit_all(&x).unwrap();
    let Family::Exponential { mean } = f[0].family else {
        panic!("exponential trips fitted as {:?}", f[0].family);
    };
    assert!(
        (mean - 5.0).abs() <= 3.0 * f[0].se[0],
        "mean {mean} ± {}",
        f[0].se[0]
    );
    // Normal, mean 10 h, sd 1.5 h.
    let x: Vec<f64> = (0..n).map(|_| 10.0 + 1.5 * r.normal()).collect();
    let f = fit_all(&x).unwrap();
    let Family::Normal { mean, sd } = f[0].family else {
        panic!("normal trips fitted as {:?}", f[0].family);
    };
    assert!((mean - 10.0).abs() <= 3.0 * f[0].se[0] && (sd - 1.5).abs() <= 3.0 * f[0].se[1]);
}

#[test]
fn fit_output_pastes_into_a_scenario_that_check_accepts() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let trips = dir.join("ferry-trips.csv");
    let mut text = String::from("link,duration_min\n");
    for x in lognormal(2_000, 3.0, 0.4, 3) {
        text.push_str(&format!("ferry,{:.2}\n", x * 60.0));
    }
    std::fs::write(&trips, text).unwrap();
    let out = tepat()
        .args([
            "fit",
            trips.to_str().unwrap(),
            "--out",
            dir.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("lognormal"), "{stdout}");
    let toml = std::fs::read_to_string(dir.join("ferry-trips-fit/fit.toml")).unwrap();
    let line = toml.lines().find(|l| l.starts_with("duration = ")).unwrap();
    assert!(line.contains("dist = \"lognormal\""), "{line}");
    assert!(line.contains("unit = \"h\""), "{line}");
    // The median (3 h) and P90 (3 e^(1.2816 × 0.4) = 5.00 h), within 5%.
    let num = |key: &str| -> f64 {
        let rest = &line[line.find(key).unwrap() + key.len()..];
        rest.split(',').next().unwrap().trim().parse().unwrap()
    };
    assert!((num("median = ") / 3.0 - 1.0).abs() < 0.05, "{line}");
    assert!((num("p90 = ") / 5.0 - 1.0).abs() < 0.05, "{line}");
    for f in ["fit.csv", "qq.png", "qq.svg"] {
        assert!(dir.join("ferry-trips-fit").join(f).is_file(), "{f} missing");
    }
    // Paste it over a link's duration, with its comment line.
    let base = std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap();
    let old = "duration = { dist = \"lognormal\", median = 1, p90 = 2 }";
    assert!(base.contains(old));
    let pasted = base.replace(old, toml.trim_end());
    let scenario = dir.join("pasted.toml");
    std::fs::write(&scenario, pasted).unwrap();
    let check = tepat()
        .args(["check", scenario.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn fit_refuses_too_few_trips_and_locates_bad_cells() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let out = tepat()
        .args([
            "fit",
            "tests/data/invalid/backtest/too-few-trips.csv",
            "--out",
            dir.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("12 trips are too few") && err.contains("at least 20"),
        "{err}"
    );
    let out = tepat()
        .args([
            "fit",
            "tests/data/invalid/backtest/bad-trips.csv",
            "--out",
            dir.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for want in [
        "bad-trips.csv:3:3: column 'arrival': 'yesterday' is not a datetime",
        "bad-trips.csv:4:3: column 'arrival': the arrival is before the departure",
        "bad-trips.csv:5:2: column 'departure': 'soon' is not a datetime",
    ] {
        assert!(err.contains(want), "missing {want:?} in\n{err}");
    }
    assert!(
        std::fs::read_dir(dir).unwrap().next().is_none(),
        "nothing is written"
    );
}

#[test]
fn bad_record_rows_are_all_reported_with_file_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let out = tepat()
        .args([
            "backtest",
            "tests/data/valid/minimal.toml",
            "--observed",
            "tests/data/invalid/backtest/bad-record.csv",
            "--out",
            dir.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for want in [
        "bad-record.csv:3:1: column 'quantity': unknown quantity 'arival'",
        "bad-record.csv:4:2: column 'place': 'Nowhere' is not a hub or village of the scenario",
        "bad-record.csv:5:3: column 'observed': 'kemarin' is not a time",
        "bad-record.csv:6:3: column 'observed': 'many' is not a count",
        "bad-record.csv:7:3: column 'observed': 'maybe' is not yes or no",
        "bad-record.csv:8:2: column 'place': last_ppk_arrival is for the whole regency",
        "bad-record.csv:9:3: column 'observed': '2023-01-01' is outside the simulated period",
        "bad-record.csv:10:2: column 'place': link 'village-a' has no disruption",
        "bad-record.csv:11:4: column 'source': the row has no source",
        "9 errors",
    ] {
        assert!(err.contains(want), "missing {want:?} in\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        std::fs::read_dir(dir).unwrap().next().is_none(),
        "nothing is written"
    );
}

#[test]
fn a_backtest_writes_its_files_with_inert_formulas_and_markup() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let out = tepat()
        .args([
            "backtest",
            "tests/data/valid/minimal.toml",
            "--observed",
            "tests/data/valid/backtest-record.csv",
            "--runs",
            "2000",
            "--out",
            dir.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let folder = dir.join("minimal-backtest");
    let csv = std::fs::read_to_string(folder.join("backtest.csv")).unwrap();
    assert_eq!(csv.lines().count(), 7, "{csv}");
    assert!(csv.contains("'=HYPERLINK"), "formula not guarded:\n{csv}");
    let html = std::fs::read_to_string(folder.join("backtest.html")).unwrap();
    assert!(!html.contains("<script>alert"), "markup not escaped");
    assert!(html.contains("&lt;script&gt;alert"));
    for f in ["calibration.csv", "backtest.png", "backtest.svg"] {
        assert!(folder.join(f).is_file(), "{f} missing");
    }
}

#[test]
fn the_2024_record_lies_within_the_central_95_percent_of_bengkalis_2024() {
    let path = Path::new("scenarios/bengkalis-2024.toml");
    let l = tepat::scenario::load(path).unwrap();
    let m = tepat::model::compile(&l).unwrap();
    let t = table::read(Path::new("scenarios/bengkalis-2024-record.csv")).unwrap();
    let items = record::check(&t, &m).unwrap();
    assert!(items.len() >= 19, "{} items", items.len());
    let b = tepat::backtest::backtest(&m, items, 2024, 4_000, 2).unwrap();
    for (it, s) in b.items.iter().zip(&b.scores) {
        assert!(
            s.central_95,
            "line {}: {} {} = {} at percentile {:.3}-{:.3}",
            it.line, it.quantity_name, it.place, it.observed_text, s.pit_lo, s.pit_hi
        );
    }
}

/// `tepat backtest` and `tepat fit` on bad records and trip lists, with `--lang id`: every
/// message and hint is Indonesian (no English word left beside the file's own names, values
/// and column names), each keeps the file, line, column and column name of its English twin,
/// and together they give nearly every message of E960-E986 (all but the 64 MB one). The same
/// scan finds English in the `--lang en` output, so it can fail.
#[test]
fn backtest_and_fit_messages_follow_the_language_and_keep_their_place() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().to_str().unwrap();
    let bad = "tests/data/invalid/backtest";
    let mut runs: Vec<Vec<String>> = Vec::new();
    for f in [
        "bad-record.csv",
        "bad-spans.csv",
        "bad-header.csv",
        "no-rows.csv",
        "empty.csv",
        "not-utf8.csv",
        "unclosed-quote.csv",
        "",
    ] {
        let path = if f.is_empty() {
            bad.to_string()
        } else {
            format!("{bad}/{f}")
        };
        runs.push(
            [
                "backtest",
                "tests/data/valid/minimal.toml",
                "--observed",
                &path,
            ]
            .map(String::from)
            .to_vec(),
        );
    }
    for f in [
        "bad-trips.csv",
        "bad-durations.csv",
        "no-duration-column.csv",
        "too-few-trips.csv",
        "same-time-trips.csv",
    ] {
        runs.push(vec!["fit".into(), format!("{bad}/{f}")]);
    }
    let english = regex::Regex::new(&format!(
        "{}|(?i)\\b(is|not|must|unknown|column|row|record|trips?|time|datetime|duration|count|yes|no|empty|source|place|link|hub|quantity|write|check|give|leave|name|save|file|needs?|has|least|only|before|after|one|or|like)\\b",
        crate::lang::ENGLISH
    ))
    .unwrap();
    // What the user wrote and what is the same in both languages: quoted names, values and
    // columns, code spans, names with `_` or `.`, dates and spans.
    let theirs = regex::Regex::new(r#"'[^']*'|`[^`]*`|"[^"]*"|[\w-]*[._][\w.:+-]*"#).unwrap();
    let place = regex::Regex::new(r"^(\S+?)((?::\d+)*): ").unwrap();
    let scan = |said: &str| -> Vec<String> {
        let said = theirs.replace_all(said, " ");
        english
            .find_iter(&said)
            .map(|m| {
                let a = said[..m.start()].rfind('\n').map_or(0, |k| k + 1);
                let b = said[m.end()..]
                    .find('\n')
                    .map_or(said.len(), |k| m.end() + k);
                format!("'{}' in: {}", m.as_str(), &said[a..b])
            })
            .collect()
    };
    let mut problems = Vec::new();
    let (mut all_en, mut heads_seen, mut english_in_en) = (String::new(), 0, 0);
    for args in &runs {
        let run = |lang: &str| {
            let o = tepat()
                .args(args)
                .args(["--out", out, "--lang", lang])
                .env("LANG", "C")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(2), "{args:?}");
            String::from_utf8_lossy(&o.stderr).to_string()
        };
        let (en, id) = (run("en"), run("id"));
        all_en.push_str(&en);
        let heads = |t: &str, label: &str| -> Vec<String> {
            t.lines()
                .filter_map(|l| l.strip_prefix(label).map(str::to_string))
                .collect()
        };
        let (en_heads, id_heads) = (heads(&en, "error: "), heads(&id, "kesalahan: "));
        let helps = id.lines().filter(|l| l.starts_with("  petunjuk: ")).count();
        if en_heads.is_empty() || en_heads.len() != id_heads.len() || helps != id_heads.len() {
            problems.push(format!("{args:?}: the messages differ:\n{en}\n{id}"));
            continue;
        }
        let mut said = String::new();
        for (e, i) in en_heads.iter().zip(&id_heads) {
            heads_seen += 1;
            // The file, line and column, then the column's name in the language's words.
            let (pe, pi) = (place.find(e), place.find(i));
            let (Some(pe), Some(pi)) = (pe, pi) else {
                problems.push(format!("{args:?}: no place in {i:?}"));
                continue;
            };
            if pe.as_str() != pi.as_str() || !pe.as_str().starts_with(bad) {
                problems.push(format!(
                    "{args:?}: place {:?} became {:?}",
                    pe.as_str(),
                    pi.as_str()
                ));
            }
            let (e, i) = (&e[pe.end()..], &i[pi.end()..]);
            if let Some(col) = e.strip_prefix("column '").and_then(|r| r.split_once("': "))
                && !i.starts_with(&format!("kolom '{}': ", col.0))
            {
                problems.push(format!("{args:?}: column '{}' lost in {i:?}", col.0));
            }
            said.push_str(i);
            said.push('\n');
        }
        for l in id.lines() {
            if let Some(h) = l.strip_prefix("  petunjuk: ") {
                said.push_str(h);
                said.push('\n');
            }
        }
        for w in scan(&said) {
            problems.push(format!("{args:?}: English {w}"));
        }
        english_in_en += scan(&en.replace("error: ", "").replace("help: ", "")).len();
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(heads_seen >= 30, "only {heads_seen} messages");
    // Lines are those of the file, comment lines counted.
    for want in [
        "bad-header.csv:2:3: column 'value': unknown column 'value'",
        "bad-spans.csv:8:3: column 'observed': '2024-02-13..2024-02-12' ends before it begins",
        "unclosed-quote.csv:3: this line is not valid CSV",
    ] {
        assert!(all_en.contains(want), "missing {want:?} in\n{all_en}");
    }
    assert!(
        english_in_en >= 30,
        "the scan finds English in English output: {english_in_en}"
    );
    // Nearly every message of this family is among them: each documented phrase of
    // E960-E986 but E961 (a 64 MB file) is in the English output.
    let doc = std::fs::read_to_string("docs/errors.md").unwrap();
    let row = regex::Regex::new(r"(?m)^\| (E9[6-9]\d) \| `([^`]+)` \|").unwrap();
    let mut documented = 0;
    for c in row.captures_iter(&doc) {
        documented += 1;
        if &c[1] != "E961" && !all_en.contains(&c[2]) {
            problems.push(format!("{} ('{}') is not produced", &c[1], &c[2]));
        }
    }
    assert!(documented >= 27, "{documented} documented");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A device named as the record is refused before it is read, in the run's language.
#[cfg(unix)]
#[test]
fn a_device_is_not_read_as_a_record() {
    let tmp = tempfile::tempdir().unwrap();
    let o = tepat()
        .args(["backtest", "tests/data/valid/minimal.toml"])
        .args(["--observed", "/dev/zero", "--lang", "id", "--out"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("kesalahan: /dev/zero: ini bukan berkas biasa"),
        "{err}"
    );
}

/// Without `--lang`, the record's problems follow the scenario's `language`.
#[test]
fn record_messages_follow_the_scenario_language() {
    let tmp = tempfile::tempdir().unwrap();
    let p = crate::util::in_indonesian("tests/data/valid/minimal.toml", tmp.path(), "in-id.toml");
    let run = |extra: &[&str]| {
        let o = tepat()
            .arg("backtest")
            .arg(&p)
            .args([
                "--observed",
                "tests/data/invalid/backtest/bad-record.csv",
                "--out",
                tmp.path().to_str().unwrap(),
            ])
            .args(extra)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        String::from_utf8_lossy(&o.stderr).to_string()
    };
    let id = run(&[]);
    assert!(
        id.contains("bad-record.csv:5:3: kolom 'observed': 'kemarin' bukan waktu"),
        "{id}"
    );
    let en = run(&["--lang", "en"]);
    assert!(
        en.contains("bad-record.csv:5:3: column 'observed': 'kemarin' is not a time"),
        "{en}"
    );
}

#[test]
fn an_interrupted_backtest_says_how_far_it_got() {
    let dir = tempfile::tempdir().unwrap();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_tepat"))
        .args([
            "backtest",
            "scenarios/bengkalis-2024.toml",
            "--observed",
            "scenarios/bengkalis-2024-record.csv",
            "--runs",
            "1000000",
            "--quiet",
            "--lang",
            "en",
            "--out",
        ])
        .arg(dir.path())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted after"), "{err}");
    assert!(err.contains("of 1000000 replications"), "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}
