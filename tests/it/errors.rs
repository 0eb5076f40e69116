//! The error catalogue (docs/errors.md) is complete and true: every entry's example produces
//! its message, every fixture of the catalogue folder is used, and every error message in the
//! source files it covers has an entry.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

struct Entry {
    code: String,
    phrase: String,
    example: String,
}

/// The content of the first code span of a Markdown table cell (`x` or ``x `y` z``).
fn code_span(cell: &str) -> Option<String> {
    let start = cell.find('`')?;
    let ticks = cell[start..].chars().take_while(|&c| c == '`').count();
    let fence = "`".repeat(ticks);
    let rest = &cell[start + ticks..];
    let end = rest.find(&fence)?;
    let mut s = &rest[..end];
    if s.len() > 2 && s.starts_with(' ') && s.ends_with(' ') {
        s = &s[1..s.len() - 1];
    }
    Some(s.to_string())
}

fn catalogue() -> Vec<Entry> {
    let text = std::fs::read_to_string("docs/errors.md").expect("docs/errors.md");
    let mut out = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("| E") else {
            continue;
        };
        // Split on " | " outside code spans: cells never contain " | " in this file.
        let cells: Vec<&str> = rest.split(" | ").collect();
        assert!(cells.len() >= 4, "a catalogue row needs 4 cells: {line}");
        out.push(Entry {
            code: format!("E{}", cells[0].trim()),
            phrase: code_span(cells[1]).unwrap_or_else(|| panic!("no message in {line}")),
            example: code_span(cells[2]).unwrap_or_else(|| panic!("no example in {line}")),
        });
    }
    assert!(out.len() > 80, "the catalogue has {} entries", out.len());
    out
}

fn tepat() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tepat"))
}

/// Everything tepat says about a scenario file: all its diagnostics, strategies included.
fn messages_of_file(path: &Path) -> String {
    let r = tepat::scenario::load(path).and_then(|l| {
        let m = tepat::model::compile(&l)?;
        tepat::strategy::compile_all(&l, &m).map(|_| ())
    });
    match r {
        Ok(()) => panic!("{} was accepted", path.display()),
        Err(e) => e.to_string(),
    }
}

fn messages_of_cli(args: &str) -> (String, Option<i32>) {
    let out = tepat()
        .args(args.split_whitespace())
        .output()
        .expect("run tepat");
    (
        String::from_utf8_lossy(&out.stderr).to_string(),
        out.status.code(),
    )
}

#[cfg(unix)]
fn messages_of_signal(args: &str) -> (String, Option<i32>) {
    let dir = tempfile::tempdir().unwrap();
    let child = tepat()
        .args(args.split_whitespace())
        .arg("--out")
        .arg(dir.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    // SAFETY: a signal to our own child.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stderr).to_string(),
        out.status.code(),
    )
}

fn messages_of_generated(what: &str) -> String {
    match what {
        "folder" => messages_of_file(Path::new("tests/data/invalid/catalogue")),
        "1 GiB file" => {
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("huge.toml");
            std::fs::File::create(&p).unwrap().set_len(1 << 30).unwrap();
            messages_of_file(&p)
        }
        "14,000,001 TOML marks" => {
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("marks.toml");
            let mut text = String::from("x = [");
            text.push_str(&"0,".repeat(14_000_000));
            text.push_str("0]\n");
            std::fs::write(&p, text).unwrap();
            messages_of_file(&p)
        }
        "1,000,001 nodes" => {
            let text = std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap();
            let mut f = tepat::scenario::parse(Path::new("minimal.toml"), &text).unwrap();
            let node = f.node[1].clone();
            f.node.resize(1_000_001, node);
            match tepat::model::compile_issues(&f) {
                Err(issues) => issues
                    .iter()
                    .map(|i| i.message.en())
                    .collect::<Vec<_>>()
                    .join("\n"),
                Ok(_) => panic!("a million nodes were accepted"),
            }
        }
        "shard with --precision" => {
            let cfg = tepat::pipeline::RunConfig {
                runs: tepat::engine::Runs::Precision {
                    precision: 0.01,
                    min: 1000,
                    max: 10_000,
                },
                ..tepat::pipeline::RunConfig::default()
            };
            match tepat::scale::run_shard(
                Path::new("tests/data/valid/minimal.toml"),
                &cfg,
                tepat::scale::Shard { k: 1, n: 2 },
                &tepat::engine::NoProgress,
            ) {
                Err(e) => e.to_string(),
                Ok(_) => panic!("a shard with --precision ran"),
            }
        }
        "missing basemap" => {
            let dir = tempfile::tempdir().unwrap();
            let text = std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap();
            let p = dir.path().join("missing-basemap.toml");
            std::fs::write(
                &p,
                text.replacen(
                    "[scenario]\n",
                    "[scenario]\nbasemap = \"nowhere.geojson\"\n",
                    1,
                ),
            )
            .unwrap();
            let loaded = tepat::scenario::load(&p).unwrap();
            tepat::scenario::basemap_warning(&loaded)
                .expect("a warning")
                .warning()
        }
        "a record over 64 MB" => {
            // A sparse file: nothing of it is read.
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path().join("huge-record.csv");
            std::fs::File::create(&p)
                .unwrap()
                .set_len(tepat::backtest::table::MAX_BYTES + 1)
                .unwrap();
            let out = tepat()
                .args(["backtest", "tests/data/valid/minimal.toml", "--observed"])
                .arg(&p)
                .arg("--out")
                .arg(dir.path())
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2));
            String::from_utf8_lossy(&out.stderr).to_string()
        }
        other => crate::import_errors::generated(other)
            .or_else(|| crate::run_errors::generated(other))
            .unwrap_or_else(|| panic!("no generator for {other:?}")),
    }
}

#[test]
fn every_catalogue_entry_is_produced_by_its_example() {
    let entries = catalogue();
    let mut codes = BTreeSet::new();
    let mut cache: HashMap<String, String> = HashMap::new();
    for e in &entries {
        assert!(codes.insert(e.code.clone()), "{} twice", e.code);
        let text = if let Some(cmd) = e.example.strip_prefix("cli: ") {
            let (err, code) = messages_of_cli(cmd);
            assert!(
                matches!(code, Some(1) | Some(2)),
                "{}: exit code {code:?}",
                e.code
            );
            assert!(!err.contains("panicked"), "{}: {err}", e.code);
            err
        } else if let Some(cmd) = e.example.strip_prefix("signal: ") {
            #[cfg(unix)]
            {
                let (err, code) = messages_of_signal(cmd);
                // 128 + SIGTERM.
                assert_eq!(code, Some(143), "{}: {err}", e.code);
                err
            }
            #[cfg(not(unix))]
            {
                let _ = cmd;
                continue;
            }
        } else if let Some(what) = e.example.strip_prefix("generated: ") {
            messages_of_generated(what)
        } else if e.example == "unreachable" {
            continue;
        } else {
            assert!(
                e.example.ends_with(".toml"),
                "{}: example {:?}",
                e.code,
                e.example
            );
            cache
                .entry(e.example.clone())
                .or_insert_with(|| {
                    messages_of_file(&Path::new("tests/data/invalid").join(&e.example))
                })
                .clone()
        };
        assert!(
            text.contains(&e.phrase),
            "{} ({}): the message should contain {:?}, got:\n{text}",
            e.code,
            e.example,
            e.phrase
        );
    }
}

#[test]
fn every_catalogue_fixture_is_used() {
    let used: BTreeSet<String> = catalogue().into_iter().map(|e| e.example).collect();
    for f in std::fs::read_dir("tests/data/invalid/catalogue").unwrap() {
        let name = format!("catalogue/{}", f.unwrap().file_name().to_string_lossy());
        assert!(
            used.contains(&name),
            "{name} is not an example in docs/errors.md"
        );
    }
}

/// String literals of error messages in a source file, with their line numbers.
fn literals(file: &str) -> Vec<(usize, String)> {
    let s = std::fs::read_to_string(file).unwrap();
    let lit = r#""((?:[^"\\]|\\.)*)""#;
    let pats = [
        format!(r"\.err\(\s*[^,;]+?,\s*(?:format!\(\s*)?{lit}"),
        format!(r"Err\(\s*(?:format!\(\s*)?{lit}"),
        format!(r"Error::(?:Usage|Other)\(\s*(?:format!\(\s*)?{lit}"),
        format!(r#"Error::invalid\(\s*[^,]+,\s*"[^"]*",\s*(?:format!\(\s*)?{lit}"#),
        format!(r"message:\s*(?:format!\(\s*)?{lit}"),
        format!(r"map_err\(\|[^|]*\|\s*(?:\{{\s*)?format!\(\s*{lit}"),
        format!(r"action:\s*{lit}"),
        format!(r"#\[error\(\s*{lit}"),
    ];
    let mut out = Vec::new();
    for p in &pats {
        let re = regex::Regex::new(p).unwrap();
        for c in re.captures_iter(&s) {
            let m = c.get(1).unwrap();
            // Only messages: skip pure placeholders like "{0}" and "{}".
            if strip_placeholders(m.as_str())
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                < 3
            {
                continue;
            }
            out.push((
                s[..m.start()].matches('\n').count() + 1,
                m.as_str().to_string(),
            ));
        }
    }
    out
}

/// `{...}` placeholders replaced by a marker, escaped quotes undone.
fn strip_placeholders(m: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in m.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push('\u{1}');
                }
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.replace("\\\"", "\"")
}

/// The codes of the messages of `locales/*/errors.ftl` a source file names
/// (`msg!("e108-help", ...)` is E108), with their line numbers.
fn message_codes(file: &str) -> Vec<(usize, String)> {
    let s = std::fs::read_to_string(file).unwrap();
    let re =
        regex::Regex::new(r#"(?:msg!|Msg::new)\(\s*"e(\d{3})|"e(\d{3})(?:-[a-z0-9]+)*""#).unwrap();
    re.captures_iter(&s)
        .map(|c| {
            let m = c.get(1).or(c.get(2)).unwrap();
            (
                s[..m.start()].matches('\n').count() + 1,
                format!("E{}", m.as_str()),
            )
        })
        .collect()
}

#[test]
fn every_error_message_in_the_source_is_in_the_catalogue() {
    let entries = catalogue();
    let phrases: Vec<String> = entries.iter().map(|e| e.phrase.clone()).collect();
    let codes: BTreeSet<String> = entries.iter().map(|e| e.code.clone()).collect();
    let mut missing = Vec::new();
    let mut seen = 0;
    for file in [
        "src/model/compile/mod.rs",
        "src/model/compile/check.rs",
        "src/model/compile/defaults.rs",
        "src/model/compile/zones.rs",
        "src/model/compile/links.rs",
        "src/model/compile/fleets.rs",
        "src/model/compile/nodes.rs",
        "src/model/compile/tree.rs",
        "src/model/dist.rs",
        "src/scenario/mod.rs",
        "src/time.rs",
        "src/cmd/args.rs",
        "src/cmd/run.rs",
        "src/backtest/table.rs",
        "src/backtest/record.rs",
        "src/backtest/trips.rs",
        "src/cmd/backtest.rs",
        "src/pipeline.rs",
        "src/error.rs",
        "src/model/observe.rs",
        "src/model/observe/tps.rs",
        "src/scenario/status.rs",
        "src/scale.rs",
        "src/import/mod.rs",
        "src/import/cells.rs",
        "src/import/columns.rs",
        "src/import/rows.rs",
        "src/import/table.rs",
        "src/cmd/import.rs",
        "src/engine/accum.rs",
        "src/analysis/sweep.rs",
        "src/cmd/merge.rs",
    ] {
        // Messages of the catalogue: their code must be documented (the test of the
        // catalogue checks that both languages have them, and the examples above that the
        // English text holds the documented phrase).
        for (line, code) in message_codes(file) {
            seen += 1;
            if !codes.contains(&code) {
                missing.push(format!("{file}:{line}: {code}"));
            }
        }
        for (line, lit) in literals(file) {
            seen += 1;
            let stat = strip_placeholders(&lit);
            if !phrases.iter().any(|p| stat.contains(p.as_str())) {
                missing.push(format!("{file}:{line}: {lit}"));
            }
        }
    }
    assert!(seen > 80, "the scan found only {seen} messages");
    assert!(
        missing.is_empty(),
        "error messages without a catalogue entry in docs/errors.md:\n{}",
        missing.join("\n")
    );
}

/// Every invalid scenario fixture, checked with `--lang id`: no English sentence is left (the
/// scan of tests/it/lang.rs plus words of error messages), and every message keeps the file,
/// line, column and key path of its English twin.
#[test]
fn indonesian_messages_keep_their_place_and_have_no_english() {
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in ["tests/data/invalid", "tests/data/invalid/catalogue"] {
        for f in std::fs::read_dir(dir).unwrap() {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|x| x == "toml") {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(files.len() > 30, "{} fixtures", files.len());
    let english = regex::Regex::new(&format!(
        "{}|(?i)\\b(is|not|must|missing|unknown|field|named|there|give|write|check|remove|error|help|warning|file|least|most|only|before|after|needs?|has|have|cannot|than|from)\\b",
        crate::lang::ENGLISH
    ))
    .unwrap();
    // What the user wrote and what is the same in both languages: quoted names and values, code
    // spans, key names and paths (`scenario.start`, `horizon_days`), the parser's own detail.
    let theirs = regex::Regex::new(
        r#"'[^']*'|`[^`]*`|“[^”]*”|"[^"]*"|\[\[?\w+\]\]?|[\w\[\]-]*[._][\w\[\].-]*|\([^()]*\.toml\)"#,
    )
    .unwrap();
    let at = regex::Regex::new(r"^\S+?:\d+:\d+").unwrap();
    let echo = regex::Regex::new(r"^\s+(\d+ )?\|").unwrap();
    let mut problems = Vec::new();
    let mut lines_seen = 0;
    for f in &files {
        let run = |lang: &str| {
            let out = tepat()
                .args(["check", "--lang", lang])
                .arg(f)
                .env("LANG", "C")
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{}", f.display());
            String::from_utf8_lossy(&out.stderr).to_string()
        };
        let (en, id) = (run("en"), run("id"));
        let heads = |t: &str, label: &str| -> Vec<String> {
            t.lines()
                .filter_map(|l| l.strip_prefix(label).map(str::to_string))
                .collect()
        };
        let (en_heads, id_heads) = (heads(&en, "error: "), heads(&id, "kesalahan: "));
        assert_eq!(
            en_heads.len(),
            id_heads.len(),
            "{}:\n{en}\n{id}",
            f.display()
        );
        for (e, i) in en_heads.iter().zip(&id_heads) {
            lines_seen += 1;
            // The location: the file, line and column, and the key path, up to the last ": "
            // the two lines share.
            let common: usize = e
                .char_indices()
                .zip(i.chars())
                .take_while(|((_, a), b)| a == b)
                .last()
                .map(|((k, c), _)| k + c.len_utf8())
                .unwrap_or(0);
            let loc_end = e[..common].rfind(": ").map(|k| k + 2).unwrap_or(0);
            let loc = &e[..loc_end];
            let file_part = f.display().to_string();
            // The file in error: this one, or the one it names (`extends`).
            let named = loc.split(':').next().unwrap_or("");
            if named.is_empty() || !Path::new(named).exists() {
                problems.push(format!("{file_part}: no file in {i:?}"));
            }
            if at.is_match(e) && !at.is_match(loc) {
                problems.push(format!("{file_part}: line and column lost in {i:?}"));
            }
        }
        // The messages and hints as a person reads them (the echoed lines of the file and
        // the caret under them are the file's own text).
        let said: String = id
            .lines()
            .filter(|l| !echo.is_match(l))
            .map(|l| {
                l.strip_prefix("kesalahan: ")
                    .map(|r| r.strip_prefix(&f.display().to_string()).unwrap_or(r))
                    .unwrap_or(l)
            })
            .collect::<Vec<_>>()
            .join("\n");
        let said = theirs.replace_all(&said, " ");
        for m in english.find_iter(&said) {
            let a = said[..m.start()].rfind('\n').map(|k| k + 1).unwrap_or(0);
            let b = said[m.end()..]
                .find('\n')
                .map(|k| m.end() + k)
                .unwrap_or(said.len());
            problems.push(format!(
                "{}: English '{}' in: {}",
                f.display(),
                m.as_str(),
                &said[a..b]
            ));
        }
        if !id.contains("kesalahan: ") {
            problems.push(format!("{}: no 'kesalahan:' label:\n{id}", f.display()));
        }
    }
    assert!(lines_seen > 80, "only {lines_seen} messages");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Without `--lang`, a file's `[scenario] language` decides the language of its messages (also
/// when only its TOML parses, not its keys); `--lang` wins over it.
#[test]
fn the_scenario_language_decides_unless_the_command_line_says() {
    let dir = tempfile::tempdir().unwrap();
    let p = crate::util::in_indonesian(
        "tests/data/invalid/unknown-node.toml",
        dir.path(),
        "in-id.toml",
    );
    let q = dir.path().join("unknown-key-in-id.toml");
    std::fs::write(
        &q,
        "[scenario]\nlanguage = \"id\"\nname = \"x\"\nstart = \"2024-02-10T00:00:00+07:00\"\nfoo = 1\n",
    )
    .unwrap();
    let check = |f: &Path, extra: &[&str]| {
        let out = tepat()
            .arg("check")
            .arg(f)
            .args(extra)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    let id = check(&p, &[]);
    assert!(
        id.starts_with("kesalahan: ") && id.contains("tidak ada tempat bernama 'Depott'"),
        "{id}"
    );
    let en = check(&p, &["--lang", "en"]);
    assert!(
        en.starts_with("error: ") && en.contains("there is no node"),
        "{en}"
    );
    let parse = check(&q, &[]);
    assert!(parse.contains("kunci `foo` tidak dikenal"), "{parse}");
}
