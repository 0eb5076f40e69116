//! `tepat run --shard K/N` and `tepat merge`: four shards merged give the files of one run.

use std::path::Path;
use std::process::Command;

fn tepat() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tepat"))
}

fn ok(c: &mut Command) {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A file's bytes; for run.json, without the machine-dependent fields.
fn comparable(p: &Path) -> Vec<u8> {
    let bytes = std::fs::read(p).unwrap();
    if p.file_name().unwrap() != "run.json" {
        return bytes;
    }
    let mut v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let m = v["manifest"].as_object_mut().unwrap();
    for k in ["threads", "elapsed_s", "replications_per_s"] {
        assert!(m.remove(k).is_some(), "run.json has {k}");
    }
    serde_json::to_vec(&v).unwrap()
}

#[test]
fn four_merged_shards_equal_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let file = "tests/data/valid/minimal.toml";
    // 2,600 replications: six blocks of 500 and a short one, split unevenly over 4 shards.
    let common = ["--runs", "2600", "--seed", "11", "--quiet"];
    ok(tepat()
        .args(["run", file, "--out"])
        .arg(d.join("whole"))
        .args(common)
        .args(["--threads", "2"]));
    for k in 1..=4 {
        ok(tepat()
            .args(["run", file, "--out"])
            .arg(d.join("parts"))
            .args(common)
            .args(["--threads", "1", "--shard", &format!("{k}/4")]));
    }
    // Merge in another order than 1..4.
    let mut merge = tepat();
    merge.arg("merge");
    for k in [3, 1, 4, 2] {
        merge.arg(d.join(format!("parts/minimal-shard-{k}-of-4")));
    }
    ok(merge.arg("--out").arg(d.join("merged")).arg("--quiet"));
    let whole = d.join("whole/minimal");
    let merged = d.join("merged/minimal");
    let mut names: Vec<String> = std::fs::read_dir(&whole)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    let mut merged_names: Vec<String> = std::fs::read_dir(&merged)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    merged_names.sort();
    assert_eq!(names, merged_names, "the same files");
    for n in names
        .iter()
        .filter(|n| n.ends_with(".csv") || n.ends_with(".json"))
    {
        assert_eq!(
            comparable(&whole.join(n)),
            comparable(&merged.join(n)),
            "{n} differs between one run and four merged shards"
        );
    }
    assert!(names.iter().any(|n| n == "summary.csv"));
}

#[test]
fn merge_refuses_parts_that_do_not_belong_together() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let file = "tests/data/valid/minimal.toml";
    for (k, seed) in [(1, "1"), (2, "2")] {
        ok(tepat()
            .args(["run", file, "--runs", "1000", "--quiet", "--out"])
            .arg(d.join(format!("s{seed}")))
            .args(["--seed", seed, "--shard", &format!("{k}/2")]));
    }
    let out = tepat()
        .arg("merge")
        .arg(d.join("s1/minimal-shard-1-of-2"))
        .arg(d.join("s2/minimal-shard-2-of-2"))
        .arg("--out")
        .arg(d.join("m"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("do not belong together"));
    // A missing shard is named.
    let out = tepat()
        .arg("merge")
        .arg(d.join("s1/minimal-shard-1-of-2"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("shards missing: 2/2"));
    // A bad --shard is a usage error.
    let out = tepat()
        .args(["run", file, "--runs", "100", "--shard", "5/4"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn generate_writes_valid_deterministic_scenarios_and_bench_reports() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (i, args) in [
        vec!["--reference"],
        vec![
            "--hubs",
            "3",
            "--villages",
            "10",
            "--stations",
            "40",
            "--seed",
            "4",
        ],
    ]
    .iter()
    .enumerate()
    {
        let a = d.join(format!("a{i}.toml"));
        let b = d.join(format!("b{i}.toml"));
        ok(tepat().arg("generate").args(args).arg("--out").arg(&a));
        ok(tepat().arg("generate").args(args).arg("--out").arg(&b));
        assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
        ok(tepat().arg("check").arg(&a));
    }
    let text = std::fs::read_to_string(d.join("a0.toml")).unwrap();
    let m = tepat::pipeline::model_from_str("reference.toml", &text).unwrap();
    assert_eq!(m.nodes.len(), 1 + 11 + 150);
    assert_eq!(m.stations.len(), 2_000);
    assert_eq!(m.legs(), 161 + 2_000);
    let out = tepat()
        .arg("bench")
        .arg(d.join("a1.toml"))
        .args(["--runs", "600", "--threads", "1", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["runs"], 600);
    assert!(v["ns_per_leg_per_core"].as_f64().unwrap() > 0.0);
    // The limit probe ran on the reference network in the same run, and drew its law.
    assert_eq!(v["probe"]["legs"], 2_161);
    assert!(v["probe"]["ns_per_leg_per_core"].as_f64().unwrap() > 0.0);
    let share = v["probe"]["stations_on_time"].as_f64().unwrap();
    assert!(share > 0.5 && share <= 1.0, "{share}");
    assert!(v["probe_replications"].as_f64().unwrap() > 0.0);
    // The ratio is the median of five interleaved rounds.
    let rounds: Vec<f64> = v["probe_rounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    assert_eq!(rounds.len(), 5);
    assert!(rounds.iter().all(|&x| x > 0.0));
}
