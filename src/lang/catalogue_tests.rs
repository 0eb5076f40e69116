//! The catalogues: every file parses, both languages have the same keys with the same
//! placeables, and every key the source names exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;
use crate::lang::t;

/// The messages of a Fluent file: key → the variables (`$name`) its text uses. Terms
/// (`-name`) count as keys. A message is its first line and the indented lines after it.
fn messages(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
    let var = regex::Regex::new(r"\$([A-Za-z][A-Za-z0-9_-]*)").unwrap();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in ftl.lines() {
        // A comment ends a message; a blank line does not (an indented line after it
        // continues the message, as in Fluent).
        if line.starts_with('#') {
            current = None;
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let text = if line.starts_with([' ', '\t']) {
            line
        } else {
            let (key, rest) = line.split_once('=').expect("a message line has '='");
            let key = key.trim().to_string();
            assert!(
                out.insert(key.clone(), BTreeSet::new()).is_none(),
                "key '{key}' twice in one file"
            );
            current = Some(key);
            rest
        };
        let key = current
            .as_ref()
            .expect("an indented line belongs to a message");
        let vars = out.get_mut(key).unwrap();
        vars.extend(var.captures_iter(text).map(|c| c[1].to_string()));
    }
    out
}

#[test]
fn every_file_parses_and_every_key_is_unique_in_its_language() {
    for lang in Lang::ALL {
        let mut seen = BTreeMap::new();
        for a in AREAS {
            if let Err((_, e)) = FluentResource::try_new(a.text(lang).to_string()) {
                panic!(
                    "locales/{}/{}.ftl does not parse: {e:?}",
                    lang.code(),
                    a.name
                );
            }
            for key in messages(a.text(lang)).keys() {
                if let Some(other) = seen.insert(key.clone(), a.name) {
                    panic!(
                        "key '{key}' is in both {other}.ftl and {}.ftl ({})",
                        a.name,
                        lang.code()
                    );
                }
            }
        }
        // Building the bundle asserts (in this debug build) that every resource was added.
        assert!(has(lang, "language-name"));
    }
}

#[test]
fn both_languages_have_the_same_keys_and_placeables() {
    let mut problems = Vec::new();
    for a in AREAS {
        let en = messages(a.en);
        let id = messages(a.id);
        for (key, vars) in &en {
            match id.get(key) {
                None => problems.push(format!("{}.ftl: '{key}' is in en, not in id", a.name)),
                Some(v) if v != vars => problems.push(format!(
                    "{}.ftl: '{key}' uses {vars:?} in en and {v:?} in id",
                    a.name
                )),
                Some(_) => {}
            }
        }
        for key in id.keys().filter(|k| !en.contains_key(*k)) {
            problems.push(format!("{}.ftl: '{key}' is in id, not in en", a.name));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every `.rs` file of `src/` with its text, comment lines left out (comments show how to call
/// the macros; they are not calls).
fn source_texts() -> Vec<(std::path::PathBuf, String)> {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f)
                .unwrap()
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .map(|l| format!("{l}\n"))
                .collect();
            (f, text)
        })
        .collect()
}

/// The literal keys the source names: `t!(lang, "key"...)` and `tr(lang, "key", ...)`.
fn keys_in_source() -> Vec<(String, String)> {
    let call =
        regex::Regex::new(r#"\b(?:t!|tr)\(\s*[^,()]+(?:\([^()]*\))?\s*,\s*"([^"]+)""#).unwrap();
    let mut out = Vec::new();
    for (f, text) in source_texts() {
        for c in call.captures_iter(&text) {
            out.push((f.display().to_string(), c[1].to_string()));
        }
    }
    out
}

#[test]
fn every_key_the_source_names_is_in_both_catalogues() {
    let keys = keys_in_source();
    assert!(
        keys.iter().any(|(_, k)| k == "new-written"),
        "the source scan finds the keys"
    );
    let missing: Vec<String> = keys
        .iter()
        .filter(|(_, k)| !Lang::ALL.iter().all(|l| has(*l, k)))
        .map(|(f, k)| format!("{f}: '{k}'"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys not in the catalogues:\n{}",
        missing.join("\n")
    );
}

#[test]
fn messages_take_arguments_and_format_numbers_per_language() {
    let s = t!(
        Lang::Id,
        "whatif-footer",
        scenario = "x",
        seed = 2024.to_string(),
        runs = 10000u64,
        what = "per strategi",
        version = "0.1.0"
    );
    assert_eq!(
        s,
        "Skenario “x” · benih 2024 · 10.000 simulasi pemilu per strategi · bilangan acak bersama · tepat 0.1.0"
    );
    let s = t!(
        Lang::En,
        "whatif-footer",
        scenario = "x",
        seed = "7",
        runs = 10000u64,
        what = "per strategy",
        version = "0.1.0"
    );
    assert_eq!(
        s,
        "Scenario “x” · seed 7 · 10,000 simulated elections per strategy · common random numbers · tepat 0.1.0"
    );
    // English plural selection by an integer argument.
    assert_eq!(
        t!(
            Lang::En,
            "answer-below",
            count = 0u64,
            target = "95%",
            names = "",
            total = 3u64
        ),
        "Every kecamatan reaches the 95% target."
    );
    // No isolation marks around placeables.
    assert!(!t!(Lang::En, "written", path = "a").contains('\u{2068}'));
}

/// The keys of `errors.ftl` the source names: `msg!("key"...)`, `Msg::new("key")`, and any
/// string literal that is a code's key (`"e806"` as an I/O error's action, `"e005"` in a table).
fn error_keys_in_source() -> BTreeSet<String> {
    let call = regex::Regex::new(r#"(?:msg!|Msg::new)\(\s*"([^"]+)""#).unwrap();
    let code = regex::Regex::new(r#""(e\d{3}(?:-[a-z0-9]+)*)""#).unwrap();
    let mut out = BTreeSet::new();
    for (f, text) in source_texts() {
        // The tests of this file name keys to check them, not to use them.
        if f.ends_with("catalogue_tests.rs") {
            continue;
        }
        out.extend(call.captures_iter(&text).map(|c| c[1].to_string()));
        out.extend(code.captures_iter(&text).map(|c| c[1].to_string()));
    }
    out
}

/// The codes of docs/errors.md (`E101`), lower-cased.
fn documented_codes() -> BTreeSet<String> {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/errors.md"))
        .unwrap();
    let row = regex::Regex::new(r"(?m)^\| E(\d{3}) \|").unwrap();
    row.captures_iter(&doc)
        .map(|c| format!("e{}", &c[1]))
        .collect()
}

#[test]
fn every_error_message_is_used_documented_and_in_both_languages() {
    let mut used = error_keys_in_source();
    // Labels are looked up with `tr` like any other message.
    used.extend(
        keys_in_source()
            .into_iter()
            .map(|(_, k)| k)
            .filter(|k| k.starts_with("label-")),
    );
    assert!(
        used.contains("e108-help"),
        "the source scan finds msg! keys"
    );
    assert!(used.contains("e806"), "the source scan finds code literals");
    // The error catalogues: `errors.ftl` and the `errors-<part>.ftl` files beside it.
    let en: BTreeMap<String, BTreeSet<String>> = AREAS
        .iter()
        .filter(|a| a.name == "errors" || a.name.starts_with("errors-"))
        .flat_map(|a| messages(a.en))
        .collect();
    let codes = documented_codes();
    let mut problems = Vec::new();
    for k in &used {
        for lang in Lang::ALL {
            if !has(lang, k) {
                problems.push(format!("'{k}' is used but not in locales/{}", lang.code()));
            }
        }
        if k.len() >= 4 && k.starts_with('e') && k[1..4].chars().all(|c| c.is_ascii_digit()) {
            let code = &k[..4];
            if !codes.contains(code) {
                problems.push(format!(
                    "'{k}': {} is not in docs/errors.md",
                    code.to_uppercase()
                ));
            }
        }
    }
    for k in en.keys().filter(|k| !used.contains(*k)) {
        problems.push(format!("errors*.ftl: '{k}' is used nowhere in src/"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn error_messages_render_in_both_languages() {
    use crate::lang::msg;
    let m = msg!("e104", what = "handling", v = -0.5);
    assert_eq!(
        m.render(Lang::En),
        "handling must be a finite number of at least 0 (got -0.5)"
    );
    assert_eq!(
        m.render(Lang::Id),
        "`handling` harus bilangan terhingga, paling kecil 0 (tertulis -0,5)"
    );
}
