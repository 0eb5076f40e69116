//! The layer rule of docs/architecture.md: every module of `src/` imports only from its own
//! layer, the layers before it, and the utilities; and no two top-level modules import each
//! other, directly or through others.
//!
//! The test reads every `.rs` file under `src/`, takes the top-level module it belongs to
//! (`src/plot/map.rs` → `plot`, `src/summary/map.rs` → `summary`) and every `crate::NAME` it
//! names outside comments (`use crate::NAME...`, `crate::NAME::item`, and the names inside
//! `use crate::{...}`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, from the bottom: a module may import from its own layer and those before it.
const LAYERS: &[(&str, &[&str])] = &[
    ("scenario: the file format", &["scenario"]),
    ("model: the checked, compiled scenario", &["model"]),
    ("hazards: random streams and samplers", &["hazards"]),
    ("engine: the Monte Carlo", &["engine"]),
    ("summary: every figure", &["summary"]),
    (
        "analyses: runs of the engine and what-ifs",
        &[
            "strategy", "analysis", "backtest", "pipeline", "scale", "generate", "probe",
        ],
    ),
    (
        "outputs: files",
        &["export", "plot", "report", "output", "import", "starter"],
    ),
    ("cmd: the command line", &["cmd"]),
];

/// Utilities every module may use; they import only each other.
const UTILITIES: &[&str] = &[
    "error",
    "text",
    "time",
    "input",
    "stats",
    "defaults",
    "interrupt",
    "lang",
];

/// Modules that must not import `scenario` although it is below them: the numerical core
/// does not know the file format (the model owns its kinds, modes and distributions).
const NO_FILE_FORMAT: &[&str] = &["hazards", "engine", "summary"];

/// The layers the charts (`plot`) may not import: they read the summary structs and the
/// analyses' results only, never the model or the engine (test files aside: they run the
/// pipeline to get a summary).
const NOT_FOR_CHARTS: &[&str] = &["scenario", "model", "hazards", "engine"];

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`None` for the crate root and main).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix("src").unwrap();
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .to_string();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib" && name != "main").then_some(name)
}

/// Every top-level module named by `crate::` in `text`, with the line it is on.
fn crate_refs(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            // `$crate::` in a macro names the crate root, like `crate::`.
            let after = &rest[i + "crate::".len()..];
            if let Some(group) = after.strip_prefix('{') {
                // `use crate::{a, b::c, d::{e, f}}`: the names at depth 0 of the group.
                let mut depth = 0;
                let mut item = String::new();
                let mut at_start = true;
                for c in group.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            if !item.is_empty() {
                                out.push((n + 1, std::mem::take(&mut item)));
                            }
                            at_start = true;
                        }
                        c if depth == 0 && at_start && (c.is_alphanumeric() || c == '_') => {
                            item.push(c)
                        }
                        _ if depth == 0 && !item.is_empty() => {
                            out.push((n + 1, std::mem::take(&mut item)));
                            at_start = false;
                        }
                        _ => {}
                    }
                }
                if !item.is_empty() {
                    out.push((n + 1, item));
                }
            } else {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push((n + 1, name));
                }
            }
            rest = after;
        }
    }
    out
}

/// Layer index of a module: `None` for a utility; panics for a module in no layer.
fn layer(module: &str) -> Option<usize> {
    if UTILITIES.contains(&module) {
        return None;
    }
    Some(
        LAYERS
            .iter()
            .position(|(_, ms)| ms.contains(&module))
            .unwrap_or_else(|| {
                panic!(
                    "the module `{module}` is in no layer: add it to LAYERS or UTILITIES in tests/it/layers.rs and to docs/architecture.md"
                )
            }),
    )
}

/// Why `from` may not import `to`, if it may not.
fn violation(from: &str, to: &str) -> Option<String> {
    if from == to {
        return None;
    }
    if NO_FILE_FORMAT.contains(&from) && to == "scenario" {
        return Some(format!(
            "`{from}` imports the file format (`scenario`); use the model's types"
        ));
    }
    match (layer(from), layer(to)) {
        (_, None) if UTILITIES.contains(&to) => None,
        (None, Some(_)) => Some(format!(
            "the utility `{from}` imports `{to}`; utilities import only utilities"
        )),
        (Some(a), Some(b)) if b > a => Some(format!(
            "`{from}` ({}) imports `{to}` ({}), a layer above it",
            LAYERS[a].0, LAYERS[b].0
        )),
        _ => None,
    }
}

/// Every `crate::` import between top-level modules: (from, to) → the places.
fn imports() -> BTreeMap<(String, String), Vec<String>> {
    let mut files = Vec::new();
    rs_files(Path::new("src"), &mut files);
    files.sort();
    assert!(
        files.len() > 50,
        "found only {} files under src/",
        files.len()
    );
    let mut edges: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for f in &files {
        let Some(from) = module_of(f) else {
            continue;
        };
        let text = std::fs::read_to_string(f).unwrap();
        for (line, to) in crate_refs(&text) {
            if to != from {
                edges
                    .entry((from.clone(), to))
                    .or_default()
                    .push(format!("{}:{line}", f.display()));
            }
        }
    }
    edges
}

#[test]
fn the_reference_finder_sees_every_form_of_import() {
    let text = "use crate::engine::Acc;\n// crate::cmd in a comment\nlet x = crate::summary::risk_order(&k);\nuse crate::{error::Result, plot, report::{a, b}};\n$crate::text::visible(s)";
    let names: Vec<String> = crate_refs(text).into_iter().map(|(_, n)| n).collect();
    assert_eq!(
        names,
        ["engine", "summary", "error", "plot", "report", "text"]
    );
}

#[test]
fn every_module_imports_only_downward() {
    let mut bad = Vec::new();
    for ((from, to), places) in imports() {
        let Some(why) = violation(&from, &to) else {
            continue;
        };
        bad.push(format!("{why}: {}", places.join(", ")));
    }
    assert!(
        bad.is_empty(),
        "imports against the layer rule (docs/architecture.md):\n{}",
        bad.join("\n")
    );
}

#[test]
fn no_import_circle_among_top_level_modules() {
    let edges = imports();
    let mut next: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        next.entry(from).or_default().insert(to);
    }
    // Depth-first search for a back edge; report the circle it closes.
    fn visit<'a>(
        m: &'a str,
        next: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(i) = path.iter().position(|&p| p == m) {
            let mut circle = path[i..].to_vec();
            circle.push(m);
            return Some(circle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m);
        for &n in next.get(m).into_iter().flatten() {
            if let Some(c) = visit(n, next, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m);
        None
    }
    let mut done = BTreeSet::new();
    for &m in next.keys() {
        if let Some(c) = visit(m, &next, &mut Vec::new(), &mut done) {
            let places: Vec<String> = c
                .windows(2)
                .map(|w| {
                    let key = (w[0].to_string(), w[1].to_string());
                    format!("{} → {} ({})", w[0], w[1], edges[&key][0])
                })
                .collect();
            panic!("import circle: {}", places.join("; "));
        }
    }
}

#[test]
fn only_main_uses_the_command_layer() {
    let main = std::fs::read_to_string("src/main.rs").unwrap();
    assert!(main.contains("tepat::cmd::"));
    for ((from, to), places) in imports() {
        assert!(
            to != "cmd" || from == "cmd",
            "`{from}` uses the command layer: {places:?}"
        );
    }
}

#[test]
fn charts_read_summary_structs_only() {
    let mut bad = Vec::new();
    for ((from, to), places) in imports() {
        if from != "plot" || !NOT_FOR_CHARTS.contains(&to.as_str()) {
            continue;
        }
        let places: Vec<&String> = places
            .iter()
            .filter(|p| !p.contains("/tests.rs:"))
            .collect();
        if !places.is_empty() {
            bad.push(format!("`plot` imports `{to}`: {places:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "a chart reads the model or the engine; put what it needs in a summary struct \
         (docs/architecture.md):\n{}",
        bad.join("\n")
    );
}
