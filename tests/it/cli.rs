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
            // The map draws the repository's kecamatan boundaries, with their credit line.
            let map = std::fs::read_to_string(folder.join("map.svg")).unwrap();
            assert!(map.contains("<polygon"), "{}: no basemap", folder.display());
            assert!(map.contains("Boundaries: BPS / OCHA HDX COD-AB (CC BY-IGO)"));
            assert!(!map.contains("Basemap not found"));
        }
    }
    assert!(n >= 2, "the default scenarios are there");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("warning"), "{err}");
}

/// `tests/data/valid/minimal.toml` with `basemap = "<basemap>"`, in `dir`.
fn minimal_with_basemap(dir: &Path, basemap: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap();
    let text = text.replacen(
        "[scenario]\n",
        &format!("[scenario]\nbasemap = \"{basemap}\"\n"),
        1,
    );
    let p = dir.join("with-basemap.toml");
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn a_missing_scenario_basemap_is_a_warning_in_check_run_and_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let file = minimal_with_basemap(dir.path(), "maps/missing.geojson");
    let o = tepat().arg("check").arg(&file).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("warning:"), "{err}");
    assert!(
        err.contains("with-basemap.toml:3:11: scenario.basemap"),
        "{err}"
    );
    assert!(err.contains("missing.geojson was not found"), "{err}");

    let out = dir.path().join("out");
    let o = tepat()
        .arg("run")
        .arg(&file)
        .args(["--runs", "300", "--quiet", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning:") && err.contains("missing.geojson"),
        "{err}"
    );
    let report = std::fs::read_to_string(out.join("with-basemap/report.html")).unwrap();
    assert!(
        report.contains("<strong>Warning:</strong> The basemap"),
        "no warning in the report"
    );
    assert!(report.contains("missing.geojson"));
    let map = std::fs::read_to_string(out.join("with-basemap/map.svg")).unwrap();
    assert!(map.contains("Basemap not found:"));

    // A basemap that is there gives no warning and no report note.
    std::fs::create_dir_all(dir.path().join("maps")).unwrap();
    std::fs::copy(
        "data/bengkalis/bengkalis-kecamatan.geojson",
        dir.path().join("maps/missing.geojson"),
    )
    .unwrap();
    let o = tepat()
        .arg("run")
        .arg(&file)
        .args(["--runs", "300", "--quiet", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("warning"), "{err}");
    let report = std::fs::read_to_string(out.join("with-basemap/report.html")).unwrap();
    assert!(!report.contains("<strong>Warning:</strong>"));
}

#[test]
fn a_scenario_basemap_that_exists_but_is_broken_is_an_error_before_any_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.geojson"), "{ not json").unwrap();
    let file = minimal_with_basemap(dir.path(), "broken.geojson");
    for cmd in [
        vec!["check"],
        vec!["run", "--runs", "300", "--quiet", "--out"],
    ] {
        let mut c = tepat();
        c.args(&cmd);
        if cmd.len() > 1 {
            c.arg(dir.path().join("out"));
        }
        let o = c.arg(&file).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{cmd:?}: {err}");
        assert!(err.contains("broken.geojson"), "{err}");
        assert!(!dir.path().join("out").exists(), "nothing is written");
    }
}

#[test]
fn an_explicit_basemap_that_cannot_be_read_exits_with_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for bad in [dir.path().join("nowhere.geojson"), dir.path().to_path_buf()] {
        let o = tepat()
            .args([
                "run",
                "tests/data/valid/minimal.toml",
                "--runs",
                "300",
                "--quiet",
            ])
            .arg("--out")
            .arg(&out)
            .arg("--basemap")
            .arg(&bad)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains("--basemap"), "{err}");
        assert!(err.contains(&bad.display().to_string()), "{err}");
        assert!(!out.exists(), "nothing is written");
    }
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

#[test]
fn a_reader_that_goes_away_does_not_stop_the_run() {
    // `tepat run ... | head -3`: the pipe closes after the first lines. The run must neither
    // panic nor fail; it writes its output folder as usual.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut child = tepat()
        .args([
            "run",
            "tests/data/valid/minimal.toml",
            "--runs",
            "500",
            "--out",
        ])
        .arg(&out)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before the first line
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.join("minimal").join("summary.csv").exists());
}
