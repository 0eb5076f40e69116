//! Both languages: the Indonesian outputs (report, index, charts, `tepat new`) contain no
//! English sentence, and the English outputs say the same figures.
//!
//! The scan removes what the scenario itself says (names of places, links and strategies,
//! its description, assumptions and credit lines: the user's own words), HTML tags, styles and
//! scripts, then looks for common English words. Tokens that are the same in both languages
//! (TPS, PPK, PPS, H-1, WIB, SHA-256, P50, tepat, file names) are not in the list.

use std::path::Path;
use std::process::Command;

use regex::Regex;
use tepat::engine::{NoProgress, Runs};
use tepat::lang::Lang;
use tepat::pipeline::{RunConfig, ScenarioRun, simulate_file};
use tepat::report::{IndexEntry, RunView};

/// English words that an Indonesian output must not contain.
pub(crate) const ENGLISH: &str = r"(?i)\b(the|of|and|with|probability|replications?|late|strateg(y|ies)|deadline|every|chance|expected|interval|arrivals?|villages?|warehouse|causes?|none|below|mean|share|running|scenario|simulated|planned|voting|opens|road|river|weather|ferry|hours?|latest|supplied|places|route|frontier|efficient|baseline|better|worse|cost|avoided|seed|threads|elapsed|written|next|replace|numbers|low|high|setting|observed|quantile|fitted|family|answer|reachable|calibration|swing|earlier|later)\b";

fn simulate(path: &str) -> ScenarioRun {
    let cfg = RunConfig {
        seed: Some(7),
        runs: Runs::Fixed(300),
        threads: 2,
        basemap: None,
    };
    simulate_file(Path::new(path), &cfg, &NoProgress).expect("simulate")
}

/// The scenario's own words, longest first (so that a name containing another goes first).
fn own_words(run: &ScenarioRun) -> Vec<String> {
    let f = &run.loaded.file;
    let mut v: Vec<String> = vec![f.scenario.name.clone()];
    v.extend(f.scenario.description.clone());
    v.extend(f.scenario.assumptions.iter().cloned());
    v.extend(f.scenario.basemap_credit.clone());
    v.push("Boundaries: BPS / OCHA HDX COD-AB (CC BY-IGO)".into());
    v.extend(f.node.iter().map(|n| n.name.clone()));
    v.extend(f.link.iter().map(|l| l.name.clone()));
    for s in &f.strategy {
        v.push(s.name.clone());
        v.extend(s.description.clone());
    }
    v.extend(run.model.nodes.iter().map(|n| n.name.clone()));
    v.retain(|s| !s.is_empty());
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
}

/// The text a person reads in an HTML or SVG document: no tags, styles or scripts; entities
/// of the escaped names decoded; the scenario's own words removed.
fn readable(doc: &str, own: &[String]) -> String {
    let style = Regex::new(r"(?s)<style.*?</style>|<script.*?</script>").unwrap();
    let tag = Regex::new(r"(?s)<[^>]*>").unwrap();
    let t = style.replace_all(doc, " ");
    let mut t = tag
        .replace_all(&t, " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    // A chart shortens a long name to what fits, with "…".
    if t.contains('…') {
        for w in own {
            let ends: Vec<usize> = w.char_indices().map(|(i, _)| i).skip(4).collect();
            for &e in ends.iter().rev() {
                t = t.replace(&format!("{}…", &w[..e]), " ");
            }
        }
    }
    for w in own {
        t = t.replace(w.as_str(), " ");
    }
    // File names (summary.csv, links.csv, ...) and scenario-file tables ([[strategy]]) are the
    // same in both languages.
    let t = Regex::new(r"\[\[\w+\]\]")
        .unwrap()
        .replace_all(&t, " ")
        .into_owned();
    Regex::new(r"[\w./-]+\.(csv|json|png|svg|toml)\b")
        .unwrap()
        .replace_all(&t, " ")
        .into_owned()
}

pub(crate) fn english_words(text: &str) -> Vec<String> {
    let re = Regex::new(ENGLISH).unwrap();
    let mut v: Vec<String> = re
        .find_iter(text)
        .map(|m| {
            let (a, b) = (m.start().saturating_sub(40), (m.end() + 40).min(text.len()));
            let (a, b) = (
                (0..=a)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0),
                (b..=text.len())
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(text.len()),
            );
            format!("'{}' in …{}…", m.as_str(), text[a..b].replace('\n', " "))
        })
        .collect();
    v.dedup();
    v
}

/// Every document of a run that a person reads, in `lang`: the report, each chart's SVG,
/// and the index.
fn documents(run: &ScenarioRun, lang: Lang) -> Vec<(String, String)> {
    let view = RunView::from(run).in_lang(lang);
    let mut docs: Vec<(String, String)> = tepat::report::run_files(&view)
        .unwrap()
        .into_iter()
        .filter(|(name, _)| name.ends_with(".html") || name.ends_with(".svg"))
        .map(|(name, bytes)| (name, String::from_utf8(bytes).unwrap()))
        .collect();
    let index = tepat::report::index_html(lang, &[IndexEntry::new("x", &view)]).unwrap();
    docs.push(("index.html".into(), index));
    docs
}

#[test]
fn indonesian_outputs_have_no_english_words_and_english_ones_do() {
    for path in [
        "scenarios/bengkalis-2024-mitigations.toml",
        "tests/data/valid/minimal.toml",
    ] {
        let run = simulate(path);
        let own = own_words(&run);
        let mut found = Vec::new();
        for (name, doc) in documents(&run, Lang::Id) {
            for w in english_words(&readable(&doc, &own)) {
                found.push(format!("{path} {name}: {w}"));
            }
        }
        assert!(
            found.is_empty(),
            "English in Indonesian outputs:\n{}",
            found.join("\n")
        );
        // The scan finds English where there is English: the same documents in English.
        let english: usize = documents(&run, Lang::En)
            .iter()
            .map(|(_, d)| english_words(&readable(d, &own)).len())
            .sum();
        assert!(
            english > 50,
            "{path}: the scan found only {english} English words"
        );
    }
}

#[test]
fn both_languages_say_the_same_figures() {
    let run = simulate("scenarios/bengkalis-2024-mitigations.toml");
    let docs = |lang| {
        documents(&run, lang)
            .into_iter()
            .find(|(n, _)| n == "report.html")
            .unwrap()
            .1
    };
    let (id, en) = (docs(Lang::Id), docs(Lang::En));
    assert!(id.contains("<html lang=\"id\">") && en.contains("<html lang=\"en\">"));
    let f = |l| {
        let p = run.summary.all_on_time;
        tepat::lang::format::percent_interval(l, p.p, p.lo, p.hi)
    };
    assert!(en.contains(&format!(
        "Chance that all {} TPS receive their materials before H-1: {}.",
        tepat::lang::format::int(Lang::En, run.summary.stations as i64),
        f(Lang::En)
    )));
    assert!(id.contains(&format!(
        "Peluang semua {} TPS menerima logistik sebelum H-1: {}.",
        tepat::lang::format::int(Lang::Id, run.summary.stations as i64),
        f(Lang::Id)
    )));
    assert_eq!(f(Lang::Id), f(Lang::En).replace('.', ","));
    // The statistics terms are explained once, in the "how to read" section.
    assert!(en.contains("How to read this report") && id.contains("Cara membaca laporan ini"));
    assert_eq!(en.matches("Wilson").count(), 1);
    assert_eq!(id.matches("Wilson").count(), 1);
    // Every kecamatan, strategy and cause row is in both reports.
    for k in &run.summary.kecamatan {
        assert!(id.contains(&k.name) && en.contains(&k.name), "{}", k.name);
    }
    // Machine files keep their English column names whatever the language.
    let view = RunView::from(&run).in_lang(Lang::Id);
    let files = tepat::report::data_files(&view).unwrap();
    let summary = &files.iter().find(|(n, _)| n == "summary.csv").unwrap().1;
    // After the UTF-8 byte-order mark every CSV file starts with (docs/csv.md).
    assert!(String::from_utf8_lossy(summary).starts_with("\u{feff}level,name,"));
}

#[test]
fn tepat_new_speaks_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("s.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_tepat"))
        .args(["new", "--lang", "id"])
        .arg(&f)
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout).replace(&f.display().to_string(), "FILE");
    assert!(english_words(&text).is_empty(), "{text}");
    assert!(text.starts_with("ditulis: FILE"), "{text}");
    // Without --lang, the locale decides.
    let out = Command::new(env!("CARGO_BIN_EXE_tepat"))
        .args(["new", "--force"])
        .arg(&f)
        .env("LC_ALL", "id_ID.UTF-8")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ditulis:"));
}

/// Two strategies on `minimal.toml`, for the strategy ranking on the terminal.
const STRATEGIES: &str = r#"
[[strategy]]
name = "Strategi A"
cost_idr = 20_000_000
cost_source = "estimate"
[strategy.set]
"node.Hub.planned_dispatch" = "2024-02-10T20:00:00+07:00"

[[strategy]]
name = "Strategi B"
cost_idr = 5_000_000
cost_source = "estimate"
[strategy.set]
"link.ferry.vessel.wave_limit_m" = 1.75
"#;

/// The words a scenario file and a backtest record bring (names, keys, sources): the user's
/// own, in whatever language they wrote them.
fn file_words(scenario: &Path, record: &Path) -> Vec<String> {
    let loaded = tepat::scenario::load(scenario).unwrap();
    let f = &loaded.file;
    let mut v: Vec<String> = vec![f.scenario.name.clone()];
    v.extend(f.scenario.description.clone());
    v.extend(f.scenario.assumptions.iter().cloned());
    v.extend(f.node.iter().map(|n| n.name.clone()));
    v.extend(f.link.iter().map(|l| l.name.clone()));
    v.extend(f.strategy.iter().map(|s| s.name.clone()));
    for line in std::fs::read_to_string(record).unwrap().lines() {
        if !line.starts_with('#') {
            // Cells of the record, not its figures (a lone "0" would take every zero away).
            v.extend(
                line.split(',')
                    .filter(|c| c.chars().any(char::is_alphabetic))
                    .map(str::to_string),
            );
        }
    }
    v.retain(|s| !s.is_empty());
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
}

/// Run `tepat ARGS --lang LANG --out OUT` and return its terminal output, with the output
/// folder written as "OUT".
fn tepat_in(lang: &str, out: &Path, args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_tepat"))
        .args(args)
        .args(["--lang", lang, "--out"])
        .arg(out)
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "tepat {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).replace(&out.display().to_string(), "OUT")
}

/// Every HTML and SVG file under `dir`, with its path.
fn pages(dir: &Path) -> Vec<(String, String)> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            v.extend(pages(&p));
        } else if matches!(p.extension().and_then(|x| x.to_str()), Some("html" | "svg")) {
            v.push((
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
    v
}

#[test]
fn what_if_commands_speak_the_language_asked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let minimal = tmp.path().join("minimal.toml");
    let base = std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap();
    std::fs::write(&minimal, base + STRATEGIES).unwrap();
    let record = Path::new("tests/data/valid/backtest-record.csv");
    let trips = tmp.path().join("trips.csv");
    let mut text = String::from("duration_h\n");
    for i in 0..30 {
        text.push_str(&format!("{}\n", 2.0 + (i as f64 * 0.37).sin().abs()));
    }
    std::fs::write(&trips, text).unwrap();
    let m = minimal.to_str().unwrap();
    let sweep_key = "node.Hub.planned_dispatch";
    let set = format!("{sweep_key}=2024-02-10T08:00+07:00,2024-02-11T08:00+07:00");
    let commands: Vec<Vec<&str>> = vec![
        vec!["sweep", m, "--set", &set, "--runs", "200"],
        vec!["sensitivity", m, "--runs", "100"],
        vec!["plan", m, "--runs", "300"],
        vec![
            "backtest",
            m,
            "--observed",
            record.to_str().unwrap(),
            "--runs",
            "200",
        ],
        vec!["run", m, "--runs", "200"],
        vec!["fit", trips.to_str().unwrap()],
    ];
    let mut own = file_words(&minimal, record);
    own.push(sweep_key.into());
    let toml_key = Regex::new(r"\b\w+ = ").unwrap();
    let scan = |lang: &str| -> Vec<String> {
        let out = tmp.path().join(lang);
        let mut found = Vec::new();
        for args in &commands {
            let said = tepat_in(lang, &out, args);
            // A fitted distribution's parameters are the scenario file's keys (mean = …).
            let said = toml_key.replace_all(&said, " ");
            for w in english_words(&readable(&said, &own)) {
                found.push(format!("tepat {}: {w}", args[0]));
            }
        }
        for (name, doc) in pages(&out) {
            for w in english_words(&readable(&doc, &own)) {
                found.push(format!("{name}: {w}"));
            }
        }
        found
    };
    let id = scan("id");
    assert!(
        id.is_empty(),
        "English in Indonesian outputs:\n{}",
        id.join("\n")
    );
    // The scan finds English where there is English: the same commands in English.
    let en = scan("en");
    for c in ["sweep", "sensitivity", "plan", "backtest", "run", "fit"] {
        assert!(
            en.iter().any(|w| w.starts_with(&format!("tepat {c}:"))),
            "no English found in `tepat {c} --lang en`"
        );
    }
    for f in [
        "sweep.svg",
        "tornado.svg",
        "plan.svg",
        "backtest.svg",
        "backtest.html",
        "qq.svg",
    ] {
        assert!(
            en.iter().any(|w| w.contains(f)),
            "no English found in {f} of --lang en"
        );
    }
}

#[test]
fn import_says_what_it_wrote_in_the_language_asked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let list = tmp.path().join("tps.csv");
    std::fs::write(
        &list,
        "Kecamatan,Desa/Kelurahan,Jumlah TPS,Lintang,Bujur\nBantan,Selatbaru,2,1.49,102.25\n",
    )
    .unwrap();
    let out = tmp.path().join("skenario.toml");
    let o = Command::new(env!("CARGO_BIN_EXE_tepat"))
        .args(["import", "--lang", "id"])
        .arg(&list)
        .args([
            "--depot",
            "KPU Bengkalis",
            "--depot-at",
            "1.4774,102.1318",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout).replace(&out.display().to_string(), "FILE");
    assert!(
        text.starts_with("ditulis: FILE (1 kecamatan, 1 desa, 2 TPS"),
        "{text}"
    );
    // The next steps name the file written (not a count).
    assert!(
        text.contains("tepat check FILE\n") && text.contains("tepat run FILE\n"),
        "{text}"
    );
    assert!(english_words(&text).is_empty(), "{text}");
}

/// Everything `tepat ARGS` writes to the terminal (standard output and error), with the locale
/// set to English so that only `--lang` decides.
fn terminal(args: &[&str]) -> (String, Option<i32>) {
    let o = Command::new(env!("CARGO_BIN_EXE_tepat"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    (
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
        o.status.code(),
    )
}

/// The sentences of a help or error text without the command line's own tokens: option
/// names, placeholders, code spans, quoted values, paths and the example command lines.
fn prose(text: &str) -> String {
    let tokens = Regex::new(
        r"(?m)^\s*(tepat|for k) .*$|--[a-z-]+|<[^>\n]*>|\[[A-Z]+\]|`[^`\n]*`|'[^'\n]*'|\S*[/.][a-z]\S*",
    )
    .unwrap();
    tokens.replace_all(text, " ").into_owned()
}

#[test]
fn help_and_the_parsers_errors_speak_the_language_asked_for() {
    let commands = [
        "",
        "run",
        "sweep",
        "plan",
        "sensitivity",
        "bench",
        "generate",
        "merge",
        "new",
        "import",
        "backtest",
        "fit",
        "check",
    ];
    let errors: [&[&str]; 7] = [
        &["run", "--no-such-flag"],
        &["run", "--threds", "2"],
        &["plan"],
        &["run", "--runs", "many"],
        &["run", "--runs", "2", "--precision", "0.1"],
        &["frobnicate"],
        &["plan", "x.toml", "--measure", "kecamatan"],
    ];
    let mut found = std::collections::BTreeMap::new();
    for lang in ["id", "en"] {
        let mut all = String::new();
        for c in commands {
            let mut args: Vec<&str> = if c.is_empty() { vec![] } else { vec![c] };
            args.extend(["--help", "--lang", lang]);
            let (text, code) = terminal(&args);
            assert_eq!(code, Some(0), "{args:?}: {text}");
            all.push_str(&text);
        }
        for e in errors {
            let mut args = e.to_vec();
            args.extend(["--lang", lang]);
            let (text, code) = terminal(&args);
            assert_eq!(code, Some(2), "{args:?}: {text}");
            all.push_str(&text);
        }
        found.insert(lang, english_words(&prose(&all)));
    }
    assert!(
        found["id"].is_empty(),
        "English in the Indonesian help and errors:\n{}",
        found["id"].join("\n")
    );
    // The scan finds English where there is English.
    assert!(
        found["en"].len() > 50,
        "the scan found only {} English words in the English help",
        found["en"].len()
    );
}

#[test]
fn an_error_without_a_place_in_a_file_has_its_label_in_the_language() {
    let (id, code) = terminal(&["check", "no/such/file.toml", "--lang", "id"]);
    assert_eq!(code, Some(2), "{id}");
    assert!(id.starts_with("kesalahan: tidak dapat membaca"), "{id}");
    let (en, _) = terminal(&["check", "no/such/file.toml", "--lang", "en"]);
    assert!(en.starts_with("error: could not read"), "{en}");
}

#[test]
fn bench_speaks_the_language_asked_for() {
    let args = |l| {
        [
            "bench",
            "tests/data/valid/minimal.toml",
            "--runs",
            "200",
            "--lang",
            l,
        ]
    };
    let (id, code) = terminal(&args("id"));
    assert_eq!(code, Some(0), "{id}");
    assert!(id.contains("simulasi/detik"), "{id}");
    let words = english_words(&prose(&id));
    assert!(
        words.is_empty(),
        "English in `tepat bench --lang id`:\n{}",
        words.join("\n")
    );
    let (en, _) = terminal(&args("en"));
    assert!(english_words(&prose(&en)).len() >= 3, "{en}");
}
