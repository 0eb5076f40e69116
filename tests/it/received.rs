//! Nothing in a received file can harm the planner (docs/robustness.md, "Received files"):
//! every attack of the hostile-colleague review is here as a test (or in the partial-result
//! fuzz loop at the end).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tepat::engine::{NoProgress, Runs};
use tepat::pipeline::RunConfig;

use crate::harness::{PartialFixture, SECRET, Verdict, check_partial, mutate_partial};

fn tepat() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tepat"))
}

fn minimal() -> String {
    std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap()
}

/// Every file a run writes (data, charts, report), simulated on one thread.
fn all_outputs(path: &Path, runs: u64) -> Vec<(String, Vec<u8>)> {
    let cfg = RunConfig {
        runs: Runs::Fixed(runs),
        threads: 1,
        ..RunConfig::default()
    };
    let run = tepat::pipeline::simulate_file(path, &cfg, &NoProgress).unwrap();
    tepat::report::run_files(&tepat::report::RunView::from(&run)).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

// ---------------------------------------------------------------------------------------------
// Output encoding.
// ---------------------------------------------------------------------------------------------

const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"Hub\")";

/// A CSV cell a spreadsheet would run: it starts (after spaces) with = + - @ tab or CR, and is
/// not a plain number.
fn live_formula(cell: &str) -> bool {
    let t = cell.trim_start_matches(' ');
    match t.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => t.parse::<f64>().is_err(),
        _ => false,
    }
}

#[test]
fn csv_cells_that_would_be_formulas_are_neutralised_in_every_csv() {
    let dir = tempfile::tempdir().unwrap();
    let text = minimal()
        .replace("\"Hub\"", &format!("'{FORMULA}'"))
        .replace("\"village-a\"", "\"@SUM(A1)\"")
        .replace("name = \"minimal\"", "name = \"-2+3\"");
    let p = write(dir.path(), "formula.toml", &text);
    let files = all_outputs(&p, 500);
    let mut seen_formula = false;
    for (name, bytes) in files.iter().filter(|(n, _)| n.ends_with(".csv")) {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes.as_slice());
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                assert!(!live_formula(cell), "{name}: a live formula {cell:?}");
                seen_formula |= cell == format!("'{FORMULA}");
            }
        }
    }
    assert!(seen_formula, "the name is kept, behind an apostrophe");
    // The report shows the name itself (HTML-escaped), not the guard.
    let report = &files.iter().find(|(n, _)| n == "report.html").unwrap().1;
    let report = String::from_utf8_lossy(report);
    assert!(report.contains("=HYPERLINK(&quot;http://evil.example&quot;"));
    assert!(!report.contains("'=HYPERLINK"));
}

#[test]
fn every_csv_writer_goes_through_the_one_guarded_function() {
    // One place writes CSV (export::serialize_rows, in src/export/mod.rs, for row structs
    // whose text cells go through export::cell::text, the guard): no other module may make a
    // csv::Writer, so a new CSV cannot bypass the row structs and their guarded cells.
    let mut offenders = Vec::new();
    let mut stack = vec![PathBuf::from("src")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs")
                && p != Path::new("src/export/mod.rs")
            {
                let s = std::fs::read_to_string(&p).unwrap();
                if s.contains("csv::Writer") || s.contains("csv::WriterBuilder") {
                    offenders.push(p.display().to_string());
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "CSV written outside export::serialize_rows: {offenders:?}"
    );
}

#[test]
fn a_javascript_file_name_becomes_a_harmless_relative_link() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "javascript:alert(document.domain).toml",
        &minimal(),
    );
    let out = dir.path().join("out");
    let o = tepat()
        .args(["run", "--runs", "500", "--threads", "1", "--quiet", "--out"])
        .arg(&out)
        .arg(dir.path().join("javascript:alert(document.domain).toml"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.contains(r#"href="javascript%3Aalert%28document.domain%29/report.html""#),
        "{index}"
    );
    assert!(!index.contains("href=\"javascript:"), "{index}");
    // The link still leads to the report.
    assert!(
        out.join("javascript:alert(document.domain)/report.html")
            .exists()
    );
}

#[test]
fn a_scenario_file_name_never_writes_outside_the_output_folder() {
    use tepat::pipeline::folder_name;
    // `...toml` has the stem `..`: its folder would be the output folder's parent.
    assert_eq!(folder_name(Path::new("a/...toml")), "scenario");
    assert_eq!(folder_name(Path::new("a/..")), "scenario");
    assert_eq!(folder_name(Path::new(".toml")), "_toml");
    assert_eq!(folder_name(Path::new("a/.hidden.toml")), "_hidden");
    assert_eq!(
        folder_name(Path::new("x/bengkalis-2024.toml")),
        "bengkalis-2024"
    );
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "...toml", &minimal());
    let out = dir.path().join("out").join("inner");
    let o = tepat()
        .args(["run", "--runs", "500", "--threads", "1", "--quiet", "--out"])
        .arg(&out)
        .arg(dir.path().join("...toml"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.join("scenario/summary.csv").exists());
}

/// Any byte XML 1.0 forbids (a C0 control other than tab, newline, CR; or a C1 control).
fn has_forbidden_xml(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

#[test]
fn control_characters_never_enter_svg_or_html() {
    let dir = tempfile::tempdir().unwrap();
    // Names may not hold control characters (E110); free texts may, and are cleaned where
    // they land: the description and assumptions in the report, the basemap credit on the map.
    let geo = write(
        dir.path(),
        "area.geojson",
        r#"{"type":"Polygon","coordinates":[[[102.0,1.3],[102.2,1.3],[102.2,1.5],[102.0,1.5],[102.0,1.3]]]}"#,
    );
    let text = minimal().replace(
        "name = \"minimal\"",
        &format!(
            "name = \"minimal\"\ndescription = \"NUL\\u0000 ESC\\u001b[2J BEL\\u0007 DEL\\u007f\"\nassumptions = [\"a\\u0000b\"]\nbasemap = \"{}\"\nbasemap_credit = \"credit\\u0000\\u001b[31m\\u0085\"",
            geo.file_name().unwrap().to_string_lossy()
        ),
    );
    let p = write(dir.path(), "ctl.toml", &text);
    let files = all_outputs(&p, 500);
    let mut svgs = 0;
    for (name, bytes) in &files {
        if name.ends_with(".svg") || name.ends_with(".html") {
            let s = String::from_utf8(bytes.clone()).unwrap();
            assert!(!has_forbidden_xml(&s), "{name} holds a control character");
            svgs += 1;
        }
    }
    assert!(svgs > 5);
    let map = files.iter().find(|(n, _)| n == "map.svg").unwrap();
    assert!(String::from_utf8_lossy(&map.1).contains("credit\u{fffd}"));
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    // In names (refused, and the refusal shows them escaped) ...
    let o = tepat()
        .args(["check", "tests/data/invalid/catalogue/bad-names.toml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(!o.stderr.contains(&0x1b), "a raw ESC reached the terminal");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(r"Depot\x1b[2J\x1b[32mALL ON TIME"), "{err}");
    // ... and in a bad line that `check` echoes.
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "esc.toml",
        "[scenario]\nname = \"x\" \u{1b}[2J\u{1b}[32mALL ON TIME 100%\u{7}\n",
    );
    let o = tepat().arg("check").arg(&p).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(!o.stderr.contains(&0x1b) && !o.stderr.contains(&0x07));
    assert!(String::from_utf8_lossy(&o.stderr).contains(r"\x1b[32mALL ON TIME"));
}

#[test]
fn long_names_are_refused_at_once() {
    for n in [201usize, 5_000, 1_000_000] {
        let name = "K".repeat(n);
        let text = minimal()
            .replace("\"Hub\"", &format!("\"{name}\""))
            .replace("name = \"minimal\"", &format!("name = \"{name}\""));
        let t0 = Instant::now();
        let e = tepat::pipeline::model_from_str("long.toml", &text).unwrap_err();
        assert!(
            t0.elapsed() < Duration::from_secs(3),
            "{n}: {:?}",
            t0.elapsed()
        );
        let msg = e.to_string();
        assert!(msg.contains("names may have at most 200"), "{n}");
        assert!(msg.len() < 10_000, "the message does not repeat the name");
    }
    let ok = minimal().replace("\"Hub\"", &format!("\"{}\"", "K".repeat(200)));
    tepat::pipeline::model_from_str("ok.toml", &ok).unwrap();
}

// ---------------------------------------------------------------------------------------------
// Bounded reads.
// ---------------------------------------------------------------------------------------------

fn refused_quickly(args: &[&str], want: &str) {
    let t0 = Instant::now();
    let mut child = tepat()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A hang or a read until memory runs out would take far longer than this.
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if t0.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("{args:?} did not finish");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(want), "{args:?}: {err}");
}

#[cfg(unix)]
#[test]
fn devices_fifos_and_folders_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let out = out.to_str().unwrap();
    refused_quickly(&["check", "/dev/zero"], "character device");
    refused_quickly(&["merge", "/dev/zero", "--out", out], "character device");
    refused_quickly(
        &[
            "run",
            "tests/data/valid/minimal.toml",
            "--runs",
            "500",
            "--basemap",
            "/dev/zero",
            "--out",
            out,
            "--quiet",
        ],
        "character device",
    );
    let fifo = dir.path().join("fifo.toml");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    refused_quickly(&["check", fifo.to_str().unwrap()], "FIFO");
    // `extends` of a device.
    let ext = write(
        dir.path(),
        "ext.toml",
        "extends = \"/dev/zero\"\n[scenario]\nname = \"x\"\nstart = \"2024-02-10T00:00:00+07:00\"\n",
    );
    refused_quickly(&["check", ext.to_str().unwrap()], "character device");
}

#[test]
fn a_sparse_basemap_of_two_gigabytes_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let geo = dir.path().join("huge.geojson");
    std::fs::File::create(&geo)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let t0 = Instant::now();
    let e = tepat::plot::load_basemap(&geo).unwrap_err();
    assert!(t0.elapsed() < Duration::from_secs(1));
    assert!(e.to_string().contains("larger than 16777216 bytes"), "{e}");
    assert_eq!(e.exit_code(), 2);
}

#[test]
fn a_file_just_under_the_size_cap_with_too_many_marks_is_refused_before_parsing() {
    // 62 MB of `0,` once took 4.9 GB and 13 s to parse; now the marks are counted first.
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("x = [");
    text.push_str(&"0,".repeat(31_000_000));
    text.push_str("0]\n");
    let p = write(dir.path(), "marks.toml", &text);
    drop(text);
    let t0 = Instant::now();
    let e = tepat::scenario::load(&p).unwrap_err();
    assert!(t0.elapsed() < Duration::from_secs(5), "{:?}", t0.elapsed());
    assert!(e.to_string().contains("TOML marks"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Files are named, never shown.
// ---------------------------------------------------------------------------------------------

#[test]
fn extends_of_a_secret_file_never_shows_its_content() {
    let e = tepat::scenario::load(Path::new(
        "tests/data/invalid/catalogue/extends-not-a-scenario.toml",
    ))
    .unwrap_err();
    let msg = e.to_string();
    assert!(!msg.contains(SECRET), "{msg}");
    assert!(msg.contains("not-a-scenario.txt:1:"), "located: {msg}");
    assert!(msg.contains("is not a valid scenario file"), "{msg}");
    assert_eq!(e.exit_code(), 2);
}

// ---------------------------------------------------------------------------------------------
// `tepat merge` trusts nothing.
// ---------------------------------------------------------------------------------------------

fn merged(fx: &PartialFixture, edit: impl Fn(&mut tepat::scale::Partial)) -> Result<(), String> {
    let mut p: tepat::scale::Partial = serde_json::from_slice(&fx.first_json).unwrap();
    edit(&mut p);
    let dir = tempfile::tempdir().unwrap();
    let json = serde_json::to_vec(&p).unwrap();
    match check_partial(&json, dir.path(), fx) {
        Verdict::Accepted => Ok(()),
        Verdict::Rejected(_) => {
            // The message itself, for the asserts.
            let f = dir.path().join("partial.json");
            let e = tepat::scale::read_partial(&f)
                .and_then(|part| {
                    tepat::scale::merge_parts(&[part, fx.second.clone()], &fx.model).map(|_| ())
                })
                .unwrap_err();
            assert_eq!(e.exit_code(), 2, "{e}");
            Err(e.to_string())
        }
    }
}

/// A change made to a partial result.
type Edit = dyn Fn(&mut tepat::scale::Partial);

#[test]
fn merge_refuses_tampered_parts_with_a_clear_message() {
    let fx = PartialFixture::new();
    assert_eq!(merged(&fx, |_| {}), Ok(()), "the untouched part merges");
    let cases: Vec<(&str, Box<Edit>, &str)> = vec![
        (
            "counts above the replications",
            Box::new(|p| p.acc.node_on_time[0] = 500 * p.acc.runs),
            "more than",
        ),
        (
            "all on time above the replications",
            Box::new(|p| p.acc.all_on_time = p.acc.runs + 1),
            "more than",
        ),
        (
            "an array too short",
            Box::new(|p| {
                p.acc.station_on_time.pop();
            }),
            "station_on_time",
        ),
        (
            "an array too long",
            Box::new(|p| p.acc.link_critical.push(0)),
            "link_critical",
        ),
        (
            "another tool version",
            Box::new(|p| p.tool_version = "0.0.9".into()),
            "written by tepat 0.0.9",
        ),
        (
            "another stream version",
            Box::new(|p| p.stream_version += 1),
            "random streams version",
        ),
        (
            "a shard count of 10^12",
            Box::new(|p| p.shard = [1, 1_000_000_000_000]),
            "N <= 100000",
        ),
        (
            "a shard count of 2^64-1",
            Box::new(|p| p.shard = [u64::MAX, u64::MAX]),
            "N <= 100000",
        ),
        ("shard 0", Box::new(|p| p.shard = [0, 2]), "1 <= K <= N"),
        (
            "a convergence record cut",
            Box::new(|p| p.acc.blocks[0].kec_on_time.clear()),
            "convergence record",
        ),
        (
            "a convergence record of another block",
            Box::new(|p| p.acc.blocks[0].block = 7),
            "convergence record",
        ),
        (
            "a convergence record missing",
            Box::new(|p| {
                p.acc.blocks.pop();
            }),
            "blocks",
        ),
        (
            "a count of 2^64-1",
            Box::new(|p| p.acc.late_hist[0] = u64::MAX),
            "late_hist",
        ),
        (
            "another seed",
            Box::new(|p| p.seed = 8),
            "do not belong together",
        ),
        (
            "another scenario",
            Box::new(|p| p.scenario_sha256 = "0".repeat(64)),
            "do not belong together",
        ),
        (
            "a hash that is not one",
            Box::new(|p| p.scenario_sha256 = format!("{SECRET}<script>")),
            "not a SHA-256",
        ),
        (
            "another bin width",
            Box::new(|p| p.acc.bin_h *= 2.0),
            "bin width",
        ),
        (
            "a histogram that does not add up",
            Box::new(|p| p.acc.node_hist[0] += 1),
            "histogram",
        ),
        (
            "more replications than the slice",
            Box::new(|p| p.acc.runs += 1),
            "counted",
        ),
        (
            "a total of 0",
            Box::new(|p| p.total_runs = 0),
            "replications is not from 1",
        ),
    ];
    for (what, edit, want) in cases {
        let t0 = Instant::now();
        let r = merged(&fx, edit);
        let msg = r.expect_err(what);
        assert!(msg.contains(want), "{what}: {msg}");
        assert!(!msg.contains(SECRET), "{what}: {msg}");
        assert!(
            t0.elapsed() < Duration::from_secs(2),
            "{what}: {:?}",
            t0.elapsed()
        );
    }
}

#[test]
fn a_partial_naming_a_secret_file_never_shows_it() {
    let fx = PartialFixture::new();
    let dir = tempfile::tempdir().unwrap();
    let mut p: tepat::scale::Partial = serde_json::from_slice(&fx.first_json).unwrap();
    p.scenario_file = std::fs::canonicalize("tests/data/received/not-a-scenario.txt")
        .unwrap()
        .display()
        .to_string();
    let mut second = fx.second.clone();
    second.scenario_file = p.scenario_file.clone();
    let a = write(dir.path(), "a.json", &serde_json::to_string(&p).unwrap());
    let b = write(
        dir.path(),
        "b.json",
        &serde_json::to_string(&second).unwrap(),
    );
    let o = tepat()
        .arg("merge")
        .arg(&a)
        .arg(&b)
        .arg("--out")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!err.contains(SECRET), "{err}");
    assert!(err.contains("is not a valid scenario file"), "{err}");
    // A part whose JSON holds the secret where a number belongs is not echoed either.
    let text = String::from_utf8(fx.first_json.clone()).unwrap();
    let bad = text.replacen("\"seed\":", &format!("\"seed\":\"{SECRET}\",\"x\":"), 1);
    let c = write(dir.path(), "c.json", &bad);
    let o = tepat().arg("merge").arg(&c).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!err.contains(SECRET), "{err}");
    assert!(err.contains("line 1, column"), "{err}");
}

#[test]
fn partial_results_survive_a_thousand_mutations() {
    // The stable-Rust twin of the libFuzzer target fuzz/fuzz_targets/partial.rs.
    let fx = PartialFixture::new();
    let dir = tempfile::tempdir().unwrap();
    let t0 = Instant::now();
    let (mut accepted, mut rejected) = (0, 0);
    // A longer run by hand: TEPAT_PARTIAL_MUTATIONS=200000 cargo test --test it thousand
    let n: u64 = std::env::var("TEPAT_PARTIAL_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    for seed in 0..n {
        let input = mutate_partial(&fx.first_json, seed);
        match check_partial(&input, dir.path(), &fx) {
            Verdict::Accepted => accepted += 1,
            Verdict::Rejected(_) => rejected += 1,
        }
    }
    eprintln!(
        "partial mutations: {accepted} accepted, {rejected} refused in {:.1} s",
        t0.elapsed().as_secs_f64()
    );
    assert!(rejected > 500, "the mutations must reach the checks");
}

// ---------------------------------------------------------------------------------------------
// Concurrent writers in different PID namespaces.
// ---------------------------------------------------------------------------------------------

/// Whether `unshare --pid --fork --mount-proc` works here (root, or user namespaces allowed).
fn unshare_works() -> bool {
    Command::new("unshare")
        .args(["--pid", "--fork", "--mount-proc", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
fn lock_is_held(p: &Path) -> bool {
    use std::os::unix::io::AsRawFd;
    let Ok(f) = std::fs::File::open(p) else {
        return false;
    };
    // SAFETY: a valid descriptor.
    let r = unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    r != 0
}

#[cfg(unix)]
#[test]
fn a_live_writer_in_another_pid_namespace_keeps_its_temporary_folder() {
    if !unshare_works() {
        eprintln!(
            "SKIPPED a_live_writer_in_another_pid_namespace_keeps_its_temporary_folder: `unshare --pid --fork --mount-proc` is not allowed here (it needs root, as in CI)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // A writer in its own PID namespace (PID 999 means nothing in any other): its folder
    // and its lock, held by `flock` for as long as it runs.
    let tmp = out.join(".minimal.tmp-999-1-0");
    std::fs::create_dir(&tmp).unwrap();
    std::fs::write(tmp.join("summary.csv"), b"half written").unwrap();
    let lock = out.join(".minimal.lock-999-1-0");
    std::fs::write(&lock, b"").unwrap();
    let has_flock = Command::new("flock")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_flock {
        eprintln!(
            "SKIPPED a_live_writer_in_another_pid_namespace_keeps_its_temporary_folder: no `flock` command (util-linux)"
        );
        return;
    }
    let mut holder = Command::new("unshare")
        .args(["--pid", "--fork", "--mount-proc", "--kill-child", "flock"])
        .arg(&lock)
        .args(["sleep", "60"])
        .spawn()
        .unwrap();
    let t0 = Instant::now();
    while !lock_is_held(&lock) {
        assert!(
            t0.elapsed() < Duration::from_secs(10),
            "flock never took the lock"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // Another writer, in another PID namespace, writes the same folder.
    let run = |n: &str| {
        Command::new("unshare")
            .args(["--pid", "--fork", "--mount-proc"])
            .arg(env!("CARGO_BIN_EXE_tepat"))
            .args([
                "run",
                "tests/data/valid/minimal.toml",
                "--runs",
                n,
                "--threads",
                "1",
                "--quiet",
                "--out",
            ])
            .arg(&out)
            .output()
            .unwrap()
    };
    let o = run("500");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(tmp.exists(), "the live writer's folder was removed");
    assert_eq!(
        std::fs::read(tmp.join("summary.csv")).unwrap(),
        b"half written"
    );
    // Once that writer is gone, the next write clears its leftovers.
    let _ = holder.kill();
    let _ = holder.wait();
    let o = run("500");
    assert!(o.status.success());
    assert!(
        !tmp.exists() && !lock.exists(),
        "a dead writer's leftovers stay"
    );
}

#[cfg(unix)]
#[test]
fn two_writers_in_different_pid_namespaces_both_leave_a_complete_folder() {
    if !unshare_works() {
        eprintln!(
            "SKIPPED two_writers_in_different_pid_namespaces_both_leave_a_complete_folder: `unshare --pid --fork --mount-proc` is not allowed here (it needs root, as in CI)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for round in 0..3 {
        // `sh -c` makes the two tepat processes different PIDs (1 and 2) in their namespaces,
        // as on two hosts; the old rule (remove folders of PIDs not running here) removed the
        // other's live folder.
        let spawn = |wrap: bool| {
            let mut c = Command::new("unshare");
            c.args(["--pid", "--fork", "--mount-proc"]);
            let cmd = format!(
                "{} run tests/data/valid/minimal.toml --runs 2000 --threads 1 --quiet --out {}",
                env!("CARGO_BIN_EXE_tepat"),
                out.display()
            );
            if wrap {
                c.args(["sh", "-c", &format!("{cmd}; exit $?")]);
            } else {
                c.args(cmd.split(' '));
            }
            c.stderr(Stdio::piped()).spawn().unwrap()
        };
        let a = spawn(true);
        let b = spawn(false);
        for c in [a, b] {
            let o = c.wait_with_output().unwrap();
            assert!(
                o.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        for f in ["summary.csv", "stations.csv", "run.json", "report.html"] {
            assert!(
                out.join("minimal").join(f).exists(),
                "round {round}: {f} missing"
            );
        }
        let left: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(left.is_empty(), "round {round}: left behind {left:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Signals at any stage.
// ---------------------------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn one_signal_stops_a_run_at_any_stage_within_two_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // The previous results.
    let o = tepat()
        .args([
            "run",
            "scenarios/bengkalis-2024-mitigations.toml",
            "--runs",
            "500",
            "--quiet",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let folder = out.join("bengkalis-2024-mitigations");
    let before = std::fs::read(folder.join("summary.csv")).unwrap();
    let report = std::fs::read(folder.join("report.html")).unwrap();
    // Signals at several moments of a run of several seconds (20,000 replications of eight
    // strategies: about 6 s on a 2-core machine, so a fast machine still gets interrupted): loading, simulating, comparing
    // strategies, drawing charts, writing.
    let mut stopped = 0;
    for (i, delay_ms) in [150u64, 700, 1500, 2500].into_iter().enumerate() {
        let sig = if i % 2 == 0 {
            libc::SIGTERM
        } else {
            libc::SIGINT
        };
        let child = tepat()
            .args([
                "run",
                "scenarios/bengkalis-2024-mitigations.toml",
                "--runs",
                "20000",
                "--quiet",
                "--out",
            ])
            .arg(&out)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let t0 = Instant::now();
        // SAFETY: a signal to our own child.
        unsafe { libc::kill(child.id() as i32, sig) };
        let o = child.wait_with_output().unwrap();
        let took = t0.elapsed();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            took < Duration::from_secs(2),
            "signal after {delay_ms} ms: took {took:?}"
        );
        match o.status.code() {
            Some(0) => {} // finished before the signal
            Some(c) => {
                assert_eq!(c, 128 + sig, "after {delay_ms} ms: {err}");
                stopped += 1;
                assert_eq!(std::fs::read(folder.join("summary.csv")).unwrap(), before);
                assert_eq!(std::fs::read(folder.join("report.html")).unwrap(), report);
            }
            None => panic!("killed by a signal: {err}"),
        }
        let left: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with(".bengkalis") && !n.contains(".lock-"))
            .collect();
        assert!(left.is_empty(), "after {delay_ms} ms: {left:?}");
    }
    assert!(stopped >= 2, "the run was too quick to be interrupted");
}

// ---------------------------------------------------------------------------------------------
// Options checked for overflow and sense.
// ---------------------------------------------------------------------------------------------

#[test]
fn absurd_sweeps_and_thread_counts_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    for set in [
        "link.ferry.vessel.wave_limit_m=0..1:1e-300",
        "link.ferry.vessel.wave_limit_m=0..1e300:1",
        "link.ferry.vessel.wave_limit_m=-1e308..1e308:1e300",
        "link.ferry.vessel.wave_limit_m=1e20..1e20000:1",
    ] {
        refused_quickly(
            &[
                "sweep",
                "tests/data/valid/minimal.toml",
                "--set",
                set,
                "--out",
                out,
            ],
            "--set",
        );
    }
    let spec = tepat::analysis::sweep::parse_spec("x.y=1e17..100000000000000100:1").unwrap_err();
    assert!(spec.to_string().contains("too small to tell"), "{spec}");
    refused_quickly(
        &[
            "bench",
            "tests/data/valid/minimal.toml",
            "--threads",
            "100000",
        ],
        "at most 1024",
    );
    refused_quickly(
        &[
            "sweep",
            "tests/data/valid/minimal.toml",
            "--set",
            "x.y=1,2",
            "--threads",
            "5000",
        ],
        "at most 1024",
    );
    // More threads than cores: accepted, and capped by the cores.
    let cores = std::thread::available_parallelism().unwrap().get();
    let o = tepat()
        .args([
            "run",
            "tests/data/valid/minimal.toml",
            "--runs",
            "500",
            "--threads",
            "256",
            "--quiet",
            "--out",
            out,
        ])
        .output()
        .unwrap();
    assert!(o.status.success());
    let run: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("minimal/run.json")).unwrap())
            .unwrap();
    let threads = run["manifest"]["threads"].as_u64().unwrap() as usize;
    assert!(threads <= cores, "{threads} threads on {cores} cores");
}
