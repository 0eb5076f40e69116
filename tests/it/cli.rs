//! The command line, run as a user would, in temporary folders.

use std::path::Path;
use std::process::Command;

fn tepat() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tepat"))
}

#[test]
fn check_accepts_valid_files_and_rejects_invalid_ones_with_exit_code_2() {
    let ok = tepat()
        .args(["check", "tests/data/valid/minimal.toml"])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("ok"));
    let bad = tepat()
        .args(["check", "tests/data/invalid/unknown-node.toml"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("unknown-node.toml:20:12"), "{err}");
    assert!(err.contains("did you mean 'Depot'"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn check_validates_every_default_scenario() {
    let out = tepat().args(["check", "scenarios"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_missing_file_and_bad_options_exit_with_2() {
    let out = tepat()
        .args(["check", "no/such/file.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = tepat()
        .args(["run", "tests/data/valid/minimal.toml", "--runs", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = tepat().args(["run", "--no-such-flag"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_short_run_of_every_default_scenario_writes_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = tepat()
        .args(["run", "scenarios", "--runs", "300", "--quiet", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut n = 0;
    for e in std::fs::read_dir("scenarios").unwrap() {
        let p = e.unwrap().path();
        if p.extension().map(|x| x == "toml").unwrap_or(false) {
            n += 1;
            let folder = dir.path().join(p.file_stem().unwrap());
            for f in [
                "summary.csv",
                "stations.csv",
                "causes.csv",
                "links.csv",
                "run.json",
            ] {
                assert!(folder.join(f).is_file(), "{} missing {f}", folder.display());
            }
        }
    }
    assert!(n >= 2, "the default scenarios are there");
}

#[test]
fn an_invalid_file_leaves_the_previous_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let first = tepat()
        .args([
            "run",
            "tests/data/valid/minimal.toml",
            "--runs",
            "200",
            "--quiet",
            "--out",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(first.status.success());
    let summary = dir.path().join("minimal/summary.csv");
    let before = std::fs::read(&summary).unwrap();
    // A run that names the valid file and an invalid one fails before writing anything.
    let second = tepat()
        .args([
            "run",
            "tests/data/valid/minimal.toml",
            "tests/data/invalid/cycle.toml",
            "--runs",
            "500",
            "--seed",
            "9",
            "--quiet",
            "--out",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(2));
    assert_eq!(std::fs::read(&summary).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary folders left: {leftovers:?}"
    );
    assert!(Path::new(&summary).exists());
}
