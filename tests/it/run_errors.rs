//! The messages of shards, merges, sweeps and basemaps (docs/errors.md, "Shards, merges and
//! sweeps"; `locales/*/errors-runs.ftl`): every case below runs the real command (`tepat
//! merge`, `tepat run --shard`, `tepat sweep`, `tepat run --basemap`) on a bad input, in
//! Indonesian and in English. The
//! Indonesian message keeps the place (the file, and the line and column of a JSON error) and
//! has no English word left; the English one has English words, so that the scan can fail.
//!
//! The cases that need a valid partial result build it here (a shard of
//! `tests/data/valid/minimal.toml`, then changed): docs/errors.md names them as
//! `generated: <case>` examples, which [`generated`] produces.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use regex::Regex;
use tepat::engine::{NoProgress, Runs};
use tepat::scale::{Partial, Shard};

const MINIMAL: &str = "tests/data/valid/minimal.toml";

fn tepat() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tepat"))
}

/// Shards 1/2 and 2/2 of a 1,000-replication run of minimal.toml (seed 7), and shard 1/30.
fn shards() -> &'static (Partial, Partial, Partial) {
    static S: OnceLock<(Partial, Partial, Partial)> = OnceLock::new();
    S.get_or_init(|| {
        let cfg = tepat::pipeline::RunConfig {
            seed: Some(7),
            runs: Runs::Fixed(1000),
            threads: 1,
            ..tepat::pipeline::RunConfig::default()
        };
        let shard = |k, n| {
            tepat::scale::run_shard(Path::new(MINIMAL), &cfg, Shard { k, n }, &NoProgress)
                .expect("a shard of minimal.toml")
        };
        (shard(1, 2), shard(2, 2), shard(1, 30))
    })
}

/// A change made to shard 1/2.
type Edit = fn(&mut Partial);

/// The cases that merge changed parts: the name (as in docs/errors.md), the change to shard
/// 1/2, and whether shard 2/2 goes with it.
const EDITED: &[(&str, Edit, bool)] = &[
    ("partial of format 2", |p| p.format = 2, true),
    (
        "partial of another tepat",
        |p| p.tool_version = "0.0.9".into(),
        true,
    ),
    (
        "partial of an unreadable version",
        |p| p.tool_version = "<b>0.1</b>".into(),
        true,
    ),
    (
        "partial with a bad hash",
        |p| p.scenario_sha256 = "x".repeat(64),
        true,
    ),
    ("partial of shard 3/2", |p| p.shard = [3, 2], true),
    ("partial of 0 replications", |p| p.total_runs = 0, true),
    (
        "partial naming no scenario",
        |p| p.scenario_file.clear(),
        true,
    ),
    ("parts of two seeds", |p| p.seed += 1, true),
    (
        "shard holding other replications",
        |p| p.replications = [0, 400],
        true,
    ),
    ("shard with a negative time", |p| p.elapsed_s = -1.0, true),
    ("shard 1/2 alone", |_| {}, false),
    (
        "shard counting more than its replications",
        |p| p.acc.node_on_time[0] = 10 * p.acc.runs,
        true,
    ),
    (
        "shard with a list too short",
        |p| {
            p.acc.station_on_time.pop();
        },
        true,
    ),
    ("shard of another bin width", |p| p.acc.bin_h *= 2.0, true),
    (
        "shard whose histogram does not add up",
        |p| p.acc.node_hist[0] += 1,
        true,
    ),
    (
        "shard with a convergence record of another block",
        |p| p.acc.blocks[0].block = 7,
        true,
    ),
    (
        "shard whose all on time is above its replications",
        |p| p.acc.all_on_time = p.acc.runs + 1,
        true,
    ),
];

/// The arguments of a `generated:` case (partial files written to `dir`), or `None`.
fn case_args(what: &str, dir: &Path) -> Option<Vec<String>> {
    let (first, second, one_of_30) = shards();
    let write = |name: &str, p: &Partial| -> String {
        let f = dir.join(name);
        std::fs::write(&f, serde_json::to_vec(p).unwrap()).unwrap();
        f.display().to_string()
    };
    let merge = |parts: Vec<String>| {
        let mut v = vec!["merge".to_string()];
        v.extend(parts);
        v.extend(["--out".into(), dir.join("out").display().to_string()]);
        v
    };
    if let Some((_, edit, with_second)) = EDITED.iter().find(|(n, _, _)| *n == what) {
        let mut p = first.clone();
        edit(&mut p);
        let mut parts = vec![write("first.json", &p)];
        if *with_second {
            parts.push(write("second.json", second));
        }
        return Some(merge(parts));
    }
    Some(match what {
        "partial of 257 MiB" => {
            let f = dir.join("huge.json");
            std::fs::File::create(&f)
                .unwrap()
                .set_len(257 << 20)
                .unwrap();
            merge(vec![f.display().to_string()])
        }
        "three parts of a run of two" => merge(vec![
            write("a.json", first),
            write("b.json", second),
            write("c.json", first),
        ]),
        "shard given twice" => merge(vec![write("a.json", first), write("b.json", first)]),
        "shard 1/30 alone" => merge(vec![write("a.json", one_of_30)]),
        "merge on another scenario" => {
            let mut v = merge(vec![write("a.json", first), write("b.json", second)]);
            v.extend([
                "--scenario".into(),
                "tests/data/valid/no-coordinates.toml".into(),
            ]);
            v
        }
        _ => return None,
    })
}

/// Run tepat with `--lang`: (stderr, exit code).
fn run(lang: &str, args: &[String]) -> (String, Option<i32>) {
    let out = tepat()
        .args(["--lang", lang])
        .args(args)
        .env("LANG", "C")
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stderr).to_string(),
        out.status.code(),
    )
}

/// The English message of a `generated:` example of docs/errors.md, if it is one of ours.
pub fn generated(what: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let args = case_args(what, dir.path())?;
    let (err, code) = run("en", &args);
    assert_eq!(code, Some(2), "{what}: {err}");
    Some(err)
}

/// Every bad input of this family, as command lines (run from the repository's root).
fn all_cases(dir: &Path) -> Vec<(String, Vec<String>)> {
    let out = dir.join("sweep").display().to_string();
    let mut v: Vec<(String, Vec<String>)> = Vec::new();
    let cli = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    for f in [
        "/dev/null",
        "tests/data/invalid/partial/folder",
        "tests/data/invalid/partial/not-json.json",
        "tests/data/invalid/partial/cut-off.json",
        "tests/data/invalid/partial/missing-fields.json",
    ] {
        v.push((f.into(), cli(&format!("merge {f}"))));
    }
    let generated = EDITED.iter().map(|(n, _, _)| *n).chain([
        "partial of 257 MiB",
        "three parts of a run of two",
        "shard given twice",
        "shard 1/30 alone",
        "merge on another scenario",
    ]);
    for (i, what) in generated.enumerate() {
        let d = dir.join(format!("case-{i}"));
        std::fs::create_dir_all(&d).unwrap();
        v.push((what.into(), case_args(what, &d).unwrap()));
    }
    v.push((
        "shard without --runs".into(),
        cli(&format!("run {MINIMAL} --shard 1/2")),
    ));
    // The details of a basemap that cannot be used (E895-E898), after E810 or at the file.
    for f in [
        "/dev/null",
        "tests/data",
        "tests/data/invalid/basemap/not-json.geojson",
        "tests/data/invalid/basemap/no-type.geojson",
        "tests/data/invalid/basemap/lat-lon.geojson",
        "tests/data/invalid/basemap/points-only.geojson",
    ] {
        v.push((
            format!("--basemap {f}"),
            cli(&format!(
                "run {MINIMAL} --runs 100 --quiet --out {out} --basemap {f}"
            )),
        ));
    }
    v.push((
        "a scenario's basemap that is a folder".into(),
        cli("check tests/data/basemap/folder-basemap.toml"),
    ));
    // `tepat new` (and `tepat import`) never write over a file (E817).
    v.push(("a file that exists".into(), cli(&format!("new {MINIMAL}"))));
    for set in [
        "nonsense",
        "k=1..2h:1",
        "k=3..1:1",
        "k=0..1000:1",
        "k=0..1e300:1e-300",
        "x.y=1e17..100000000000000100:1",
        "k=1,2h",
        "nosuch.key=1,2",
        "fleet.truck.count=1.5,2",
        "link.ferry.vessel.cancel_probability=0.5,1.5",
    ] {
        v.push((
            format!("--set {set}"),
            cli(&format!(
                "sweep {MINIMAL} --runs 20 --quiet --out {out} --set {set}"
            )),
        ));
    }
    v
}

/// What the user wrote and what is the same in both languages: quoted names and values, code
/// spans, key names, dotted paths and file paths, options.
fn without_theirs(text: &str, paths: &[String]) -> String {
    let mut t = text.to_string();
    for p in paths {
        t = t.replace(p.as_str(), " ");
    }
    let theirs =
        Regex::new(r#"'[^']*'|`[^`]*`|“[^”]*”|"[^"]*"|--[a-z-]+|[\w\[\]/-]*[._/][\w\[\]./-]*"#)
            .unwrap();
    theirs.replace_all(&t, " ").to_string()
}

/// English words: those of tests/it/lang.rs and the words of error messages.
fn english(text: &str) -> Vec<String> {
    let words = Regex::new(
        r"(?i)\b(is|not|must|missing|give|written|twice|more|counts|shards?|partial|result|need|gives|points|every|kind|value|too|step|makes|invalid|fit|range|unreadable|version|names|device|file)\b",
    )
    .unwrap();
    let mut v = crate::lang::english_words(text);
    v.extend(words.find_iter(text).map(|m| m.as_str().to_string()));
    v
}

#[test]
fn shard_merge_and_sweep_messages_speak_indonesian_and_keep_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let cases = all_cases(dir.path());
    assert!(cases.len() >= 35, "{} cases", cases.len());
    let line_col = Regex::new(r"line (\d+), column (\d+)").unwrap();
    let baris_kolom = Regex::new(r"baris (\d+), kolom (\d+)").unwrap();
    let mut problems = Vec::new();
    for (what, args) in &cases {
        let (id, id_code) = run("id", args);
        let (en, en_code) = run("en", args);
        if id_code != Some(2) || en_code != Some(2) {
            problems.push(format!("{what}: exit codes {id_code:?}, {en_code:?}\n{en}"));
            continue;
        }
        if id.contains("panicked") || en.trim().is_empty() {
            problems.push(format!("{what}: {en}"));
        }
        // The place: every file named in English is named in Indonesian, with the same line
        // and column.
        let files: Vec<String> = args
            .iter()
            .filter(|a| Path::new(a.as_str()).exists() && !a.starts_with("--"))
            .filter(|a| en.contains(a.as_str()))
            .cloned()
            .collect();
        for f in &files {
            if !id.contains(f.as_str()) {
                problems.push(format!("{what}: the file {f} is not named in: {id}"));
            }
        }
        let en_at: Vec<String> = line_col
            .captures_iter(&en)
            .map(|c| format!("{}:{}", &c[1], &c[2]))
            .collect();
        let id_at: Vec<String> = baris_kolom
            .captures_iter(&id)
            .map(|c| format!("{}:{}", &c[1], &c[2]))
            .collect();
        if en_at != id_at {
            problems.push(format!(
                "{what}: line and column {en_at:?} became {id_at:?}: {id}"
            ));
        }
        let mut paths: Vec<String> = args.clone();
        paths.push(PathBuf::from(MINIMAL).display().to_string());
        let id_words = english(&without_theirs(&id, &paths));
        if !id_words.is_empty() {
            problems.push(format!("{what}: English {id_words:?} in: {id}"));
        }
        if english(&without_theirs(&en, &paths)).is_empty() {
            problems.push(format!("{what}: the scan finds no English in: {en}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
