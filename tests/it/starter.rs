//! `tepat new`: the starter scenario, in English and Indonesian, passes `check`, runs, and
//! never overwrites a file unless told to.

use std::process::{Command, Output};

fn tepat() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tepat"));
    for k in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(k);
    }
    c
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn both_languages_pass_check_and_run() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "id"] {
        let file = dir.path().join(format!("starter-{lang}.toml"));
        let o = tepat()
            .args(["new", "--lang", lang])
            .arg(&file)
            .output()
            .unwrap();
        assert!(o.status.success(), "{lang}: {}", text(&o));
        let o = tepat().arg("check").arg(&file).output().unwrap();
        assert!(o.status.success(), "{lang}: {}", text(&o));
        // In the starter's own language (its `[scenario] language`).
        let counts = match lang {
            "id" => "2 kecamatan, 8 simpul, 17 TPS, 9 ruas, 2 zona, 1 strategi",
            _ => "2 kecamatan, 8 nodes, 17 stations, 9 links, 2 zones, 1 strategies",
        };
        assert!(text(&o).contains(counts), "{lang}: {}", text(&o));
        let out = dir.path().join("output");
        let o = tepat()
            .args(["run", "--runs", "4000", "--quiet", "--out"])
            .arg(&out)
            .arg(&file)
            .output()
            .unwrap();
        assert!(o.status.success(), "{lang}: {}", text(&o));
        // Some risk to look at: the flooded road makes Tepi Sungai's PPK late now and then.
        let csv = std::fs::read_to_string(out.join(format!("starter-{lang}")).join("summary.csv"))
            .unwrap();
        let p_tepi: f64 = csv
            .lines()
            .find(|l| l.starts_with("kecamatan,Tepi Sungai,"))
            .and_then(|l| l.split(',').nth(4))
            .and_then(|p| p.parse().ok())
            .unwrap();
        assert!(
            p_tepi > 0.8 && p_tepi < 1.0,
            "{lang}: P(Tepi Sungai on time) = {p_tepi}"
        );
        // The strategy helps the TPS: the lower end of its paired difference is above 0.
        let cmp =
            std::fs::read_to_string(out.join(format!("starter-{lang}")).join("comparison.csv"))
                .unwrap();
        let overall = cmp.lines().nth(1).unwrap();
        assert!(overall.contains(",overall,"), "{lang}: {overall}");
        let diff_lo: f64 = overall.split(',').nth(7).unwrap().parse().unwrap();
        assert!(diff_lo > 0.0, "{lang}: {overall}");
    }
}

#[test]
fn every_line_with_a_value_has_a_comment_where_the_key_first_appears() {
    for (lang, t) in [
        ("en", tepat::starter::TEMPLATE_EN),
        ("id", tepat::starter::TEMPLATE_ID),
    ] {
        let mut seen = std::collections::HashSet::new();
        for line in t.lines() {
            let l = line.trim_start();
            if l.starts_with('#')
                || l.starts_with('[')
                || l.is_empty()
                || l.starts_with('{')
                || l.starts_with('"')
            {
                continue;
            }
            let Some((key, _)) = l.split_once(" = ") else {
                continue;
            };
            if seen.insert(key.to_string()) {
                assert!(
                    l.contains("  # "),
                    "{lang}: the first `{key}` has no comment: {l}"
                );
            }
        }
        assert!(seen.len() > 40, "{lang}: only {} keys", seen.len());
    }
}

#[test]
fn an_existing_file_is_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.toml");
    std::fs::write(&file, "my own work").unwrap();
    let o = tepat().arg("new").arg(&file).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("already exists"), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "my own work");
    let o = tepat()
        .args(["new", "--force"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        tepat::starter::TEMPLATE_EN
    );
}

#[test]
fn the_language_follows_the_locale_unless_given() {
    let dir = tempfile::tempdir().unwrap();
    for (env, file, want) in [
        (
            vec![("LANG", "id_ID.UTF-8")],
            "a.toml",
            tepat::starter::TEMPLATE_ID,
        ),
        (
            vec![("LANG", "en_US.UTF-8")],
            "b.toml",
            tepat::starter::TEMPLATE_EN,
        ),
        (vec![], "c.toml", tepat::starter::TEMPLATE_EN),
        (
            vec![("LC_ALL", "id_ID.UTF-8"), ("LANG", "en_US.UTF-8")],
            "d.toml",
            tepat::starter::TEMPLATE_ID,
        ),
    ] {
        let mut c = tepat();
        c.envs(env.iter().copied());
        let o = c.arg("new").arg(dir.path().join(file)).output().unwrap();
        assert!(o.status.success(), "{}", text(&o));
        assert_eq!(
            std::fs::read_to_string(dir.path().join(file)).unwrap(),
            want,
            "{env:?}"
        );
    }
    let mut c = tepat();
    c.env("LANG", "id_ID.UTF-8");
    let o = c
        .args(["new", "--lang", "en"])
        .arg(dir.path().join("e.toml"))
        .output()
        .unwrap();
    assert!(o.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("e.toml")).unwrap(),
        tepat::starter::TEMPLATE_EN
    );
}
