//! One fixture per class of bad input, and what its message must say.

use std::path::Path;

use tepat::error::Error;

/// (fixture, line, key path, words the message must contain)
const CASES: &[(&str, Option<usize>, &str, &[&str])] = &[
    ("syntax-error.toml", Some(2), "", &["invalid basic string"]),
    (
        "unknown-key.toml",
        Some(11),
        "",
        &["unknown field `duration_h`"],
    ),
    (
        "negative-duration.toml",
        Some(11),
        "link[0].duration",
        &["must not be negative"],
    ),
    (
        "inverted-range.toml",
        Some(11),
        "link[0].duration",
        &["inverted range", "swap"],
    ),
    (
        "bad-vessel.toml",
        Some(29),
        "link[1].vessel.cancel_probability",
        &["1.5 is not a probability"],
    ),
    (
        "transition-sum.toml",
        Some(29),
        "zone[0].transition[0]",
        &["sums to 1.1", "tolerance"],
    ),
    (
        "unknown-node.toml",
        Some(20),
        "node[1].supplier",
        &["no node named 'Depott'", "did you mean 'Depot'"],
    ),
    (
        "unknown-link.toml",
        Some(21),
        "node[1].route[0]",
        &["no link named 'raod'", "did you mean 'road'"],
    ),
    (
        "unknown-zone.toml",
        Some(11),
        "link[0].zone",
        &["no zone named 'mainlnd'"],
    ),
    (
        "cycle.toml",
        Some(27),
        "node[2].supplier",
        &["cycle", "A -> B -> A"],
    ),
    (
        "deadline-before-start.toml",
        Some(6),
        "defaults.station_deadline",
        &["not after the scenario start"],
    ),
    (
        "voting-before-deadline.toml",
        Some(7),
        "scenario.voting_opens",
        &["voting opens before the TPS deadline of node 'Village A'"],
    ),
    (
        "empty-timetable.toml",
        Some(28),
        "link[1].timetable.times",
        &["no departures"],
    ),
    (
        "load-without-fleet.toml",
        Some(23),
        "node[1].load",
        &["no fleet"],
    ),
    (
        "stations-without-deadline.toml",
        Some(22),
        "node[1].stations",
        &["no deadline"],
    ),
    (
        "nan-rate.toml",
        Some(11),
        "link[0].disruption.rate_per_day",
        &["finite"],
    ),
    ("not-utf8.toml", Some(1), "", &["not valid UTF-8"]),
    // Found by fuzzing (docs/robustness.md).
    (
        "fuzz-tiny-step.toml",
        Some(11),
        "zone[0].step_h",
        &["the shortest weather step is one minute"],
    ),
    (
        "fuzz-tiny-headway.toml",
        Some(14),
        "link[0].timetable.every_min",
        &["more than 1,440 departures a day"],
    ),
    (
        "fuzz-depot-planned-dispatch.toml",
        Some(17),
        "node[0].planned_dispatch",
        &["a depot is not dispatched"],
    ),
    (
        "fuzz-huge-distance.toml",
        Some(15),
        "link[0].distance_km",
        &["is longer than 50000 km"],
    ),
    (
        "fuzz-tiny-capacity.toml",
        Some(29),
        "node[1].fleet",
        &["rounds of fleet 'tiny'", "at most 10000"],
    ),
];

fn diagnose(name: &str) -> Vec<tepat::error::Diagnostic> {
    let path = Path::new("tests/data/invalid").join(name);
    let r = tepat::scenario::load(&path).and_then(|l| tepat::model::compile(&l));
    match r {
        Err(Error::Invalid(d)) => d,
        Err(e) => panic!("{name}: expected an invalid-input error, got {e}"),
        Ok(_) => panic!("{name}: expected an error, the scenario was accepted"),
    }
}

#[test]
fn every_fixture_gives_its_message_with_location() {
    for (name, line, key, words) in CASES {
        let d = diagnose(name);
        let first = &d[0];
        assert_eq!(first.line, *line, "{name}: line\n{first}");
        assert!(first.column.is_some(), "{name}: column");
        assert_eq!(first.key_path, *key, "{name}: key path\n{first}");
        let text = first.to_string();
        assert!(text.contains(name), "{name}: names the file\n{text}");
        for w in *words {
            assert!(
                text.contains(w),
                "{name}: message should contain {w:?}:\n{text}"
            );
        }
    }
}

#[test]
fn every_fixture_in_the_folder_is_covered() {
    let mut names: Vec<String> = std::fs::read_dir("tests/data/invalid")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    for n in &names {
        // catalogue/ holds the error catalogue's examples, checked by tests/it/errors.rs;
        // import/ holds bad TPS lists, checked by tests/it/import.rs;
        // backtest/ holds bad records and trips, checked by tests/it/backtest.rs.
        // status/ holds bad status files, checked by tests/it/asof.rs and tests/it/errors.rs.
        // partial/ and basemap/ hold bad partial results and basemaps, checked by
        // tests/it/run_errors.rs and tests/it/errors.rs.
        if n == "several-errors.toml"
            || n == "catalogue"
            || n == "import"
            || n == "backtest"
            || n == "status"
            || n == "partial"
            || n == "basemap"
        {
            continue;
        }
        assert!(
            CASES.iter().any(|c| c.0 == n),
            "fixture {n} has no expected message in CASES"
        );
    }
}

#[test]
fn all_errors_of_a_file_are_reported_together() {
    let d = diagnose("several-errors.toml");
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(d[0].message.en().contains("negative"));
    assert!(d[1].message.en().contains("Depott"));
}

#[test]
fn valid_fixtures_are_accepted() {
    for e in std::fs::read_dir("tests/data/valid").unwrap() {
        let p = e.unwrap().path();
        if p.extension().map(|x| x == "toml").unwrap_or(false) {
            let l = tepat::scenario::load(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            tepat::model::compile(&l).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        }
    }
}
