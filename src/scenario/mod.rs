//! Scenario files: the serde types ([`types`]), loading with `extends`, locating problems by
//! key path, and the `set` patches that strategies and sweeps apply.

pub mod pieces;
pub mod status;
pub mod types;

pub use types::*;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Diagnostic, Error, Result};
use crate::lang::{Lang, Msg, msg};

/// Files larger than this are refused (read with this limit, whatever size the file reports):
/// the national synthetic scenario of docs/performance.md is 51.5 MB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One segment of a key path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A table key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// A key path such as `node[3].route[1]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyPath(pub Vec<Seg>);

impl KeyPath {
    /// The empty path (the whole file).
    pub fn root() -> Self {
        KeyPath(Vec::new())
    }
    /// This path with a key appended.
    pub fn key(&self, k: &str) -> Self {
        let mut v = self.0.clone();
        v.push(Seg::Key(k.to_string()));
        KeyPath(v)
    }
    /// This path with an index appended.
    pub fn index(&self, i: usize) -> Self {
        let mut v = self.0.clone();
        v.push(Seg::Index(i));
        KeyPath(v)
    }
}

impl std::fmt::Display for KeyPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Seg::Key(k) => {
                    if i > 0 {
                        write!(f, ".")?;
                    }
                    if k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                    {
                        write!(f, "{k}")?;
                    } else {
                        write!(f, "\"{k}\"")?;
                    }
                }
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A problem found in a scenario, before it is located in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// Where.
    pub path: KeyPath,
    /// What is wrong.
    pub message: Msg,
    /// How to fix it.
    pub help: Option<Msg>,
}

/// A scenario file read from disk, with its `extends` chain resolved.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The file named on the command line.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// SHA-256 of its bytes (and of the files it extends, in order), hex.
    pub sha256: String,
    /// The merged scenario.
    pub file: ScenarioFile,
    /// The basemap resolved against the file that named it.
    pub basemap: Option<PathBuf>,
    /// The file each strategy was declared in, with its index there (for error locations).
    pub strategy_origin: Vec<(PathBuf, String, usize)>,
}

/// The 1-based line and column of a byte offset, and the text of that line.
pub fn line_col(text: &str, offset: usize) -> (usize, usize, String) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = text[line_start..offset].chars().count() + 1;
    let line_end = text[line_start..]
        .find('\n')
        .map(|i| line_start + i)
        .unwrap_or(text.len());
    (
        line,
        col,
        text[line_start..line_end]
            .trim_end_matches('\r')
            .to_string(),
    )
}

/// Locate key paths in a file's text, to turn [`Issue`]s into [`Diagnostic`]s.
pub struct Locator<'a> {
    file: &'a Path,
    text: &'a str,
    doc: Option<toml_edit::Document<&'a str>>,
    lang: Option<Lang>,
}

impl<'a> Locator<'a> {
    /// A locator over a file's text.
    pub fn new(file: &'a Path, text: &'a str) -> Self {
        // A file too large to parse whole is located by key path only.
        let doc = (toml_marks(text) <= MAX_MARKS)
            .then(|| toml_edit::Document::parse(text).ok())
            .flatten();
        let lang = doc.as_ref().and_then(doc_lang);
        Locator {
            file,
            text,
            doc,
            lang,
        }
    }

    fn span(&self, path: &KeyPath) -> Option<std::ops::Range<usize>> {
        let doc = self.doc.as_ref()?;
        let mut item: &toml_edit::Item = doc.as_item();
        let mut best = None;
        for seg in &path.0 {
            let next = match seg {
                Seg::Key(k) => item.get(k.as_str()),
                Seg::Index(i) => item.get(*i),
            };
            match next {
                Some(n) => {
                    item = n;
                    if let Some(s) = item_span(item) {
                        best = Some(s);
                    }
                }
                None => break,
            }
        }
        best
    }

    /// Turn an issue into a located diagnostic.
    pub fn diagnose(&self, issue: &Issue) -> Diagnostic {
        let (line, column, source_line) = match self.span(&issue.path) {
            Some(s) => {
                let (l, c, src) = line_col(self.text, s.start);
                (Some(l), Some(c), Some(src))
            }
            None => (None, None, None),
        };
        Diagnostic {
            file: self.file.to_path_buf(),
            line,
            column,
            key_path: issue.path.to_string(),
            message: issue.message.clone(),
            help: issue.help.clone(),
            source_line,
            lang: self.lang,
        }
    }
}

fn item_span(item: &toml_edit::Item) -> Option<std::ops::Range<usize>> {
    match item {
        toml_edit::Item::Value(v) => v.span(),
        toml_edit::Item::Table(t) => t.span(),
        toml_edit::Item::ArrayOfTables(a) => a.span(),
        toml_edit::Item::None => None,
    }
}

/// Read a scenario file: a regular file of at most [`MAX_FILE_BYTES`] bytes (read with that
/// limit, never trusting the reported size), valid UTF-8. Its TOML marks are bounded where it
/// is parsed ([`parse`]).
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = crate::input::read_regular_file(path, MAX_FILE_BYTES).map_err(|e| match e {
        crate::input::InputError::Io(e) => Error::read(path, e),
        crate::input::InputError::Folder => Error::invalid(path, "", msg!("e001"), None),
        crate::input::InputError::TooLarge { max } => {
            Error::invalid(path, "", msg!("e002", max = max), Some(msg!("e002-help")))
        }
        crate::input::InputError::NotRegular(kind) => Error::invalid(
            path,
            "",
            msg!("e014", kind = crate::input::kind_words(kind)),
            Some(msg!("e014-help")),
        ),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, col, _) = line_col(
            &String::from_utf8_lossy(e.as_bytes()),
            e.utf8_error().valid_up_to(),
        );
        Error::Invalid(vec![Diagnostic {
            line: Some(line),
            column: Some(col),
            help: Some(msg!("e003-help")),
            ..Diagnostic::new(path, msg!("e003"))
        }])
    })?;
    Ok(text)
}

/// Refuse a text with more than [`MAX_MARKS`] TOML marks before parsing it whole (E015).
pub fn check_marks(path: &Path, text: &str) -> Result<()> {
    let marks = toml_marks(text);
    if marks > MAX_MARKS {
        return Err(Error::invalid(
            path,
            "",
            msg!("e015", marks = marks, max = MAX_MARKS),
            Some(msg!("e015-help")),
        ));
    }
    Ok(())
}

/// The most TOML marks a scenario file may have, unless it is read piece by piece. Parsing costs memory per key, value and table,
/// not per byte: 62 MB of `0,` took 4.9 GB, and 66 MB of dotted keys (`a.b.c… = 0`) 23 GB.
/// Marks weigh each by its measured cost (a comma, bracket or brace up to about 150 bytes, an
/// `=` about 365, a dot of a dotted key or table header up to about 1,100), so this bounds
/// reading any file to a few gigabytes (measured in docs/robustness.md), and it is 1.2 times the
/// national scenario's 11.7 million.
pub const MAX_MARKS: usize = 14_000_000;

/// Count the TOML marks of a text: 2 per `=`, 8 per `.`, 1 per `,`, `[` and `{` (inside
/// strings and comments too, and dots of numbers: an upper bound).
pub fn toml_marks(text: &str) -> usize {
    text.bytes()
        .map(|b| match b {
            b'=' => 2,
            b'.' => 8,
            b',' | b'[' | b'{' => 1,
            _ => 0,
        })
        .sum()
}

/// Parse TOML text into a scenario, with syntax and type errors located.
///
/// A valid file is read piece by piece ([`pieces`]), so that parsing the national scenario
/// does not hold its whole document in memory; a file that is not valid is parsed whole, which
/// locates its errors.
pub fn parse(path: &Path, text: &str) -> Result<ScenarioFile> {
    if let Some(file) = pieces::parse_in_pieces(text) {
        return Ok(file);
    }
    check_marks(path, text)?;
    toml::from_str::<ScenarioFile>(text).map_err(|e| {
        let (line, column, source_line) = match e.span() {
            Some(s) => {
                let (l, c, src) = line_col(text, s.start);
                (Some(l), Some(c), Some(src))
            }
            None => (None, None, None),
        };
        let (message, help) = parser_message(e.message().trim());
        Error::Invalid(vec![Diagnostic {
            line,
            column,
            help,
            source_line,
            lang: declared_lang(text),
            ..Diagnostic::new(path, message)
        }])
    })
}

/// Load a scenario file and the files it extends.
pub fn load(path: &Path) -> Result<Loaded> {
    load_depth(path, 0, None)
}

/// Load a scenario file that another file names (a partial result's `scenario_file`): as
/// [`load`], but a file that is not a scenario is reported by line and column only, never by
/// its content, so that a received file cannot make another file's secrets appear in a log.
pub fn load_named_by(path: &Path, named_by: Msg) -> Result<Loaded> {
    load_depth(path, 0, Some(&named_by))
}

/// Parse a file that another file named; its syntax errors are located but not shown.
fn parse_named(path: &Path, text: &str, named_by: Option<&Msg>) -> Result<ScenarioFile> {
    let Some(by) = named_by else {
        return parse(path, text);
    };
    parse(path, text).map_err(|e| match e {
        Error::Invalid(ds) => Error::Invalid(
            ds.into_iter()
                .map(|d| Diagnostic {
                    message: msg!("e016", by = by.clone()),
                    help: Some(msg!("e016-help", by = by.clone())),
                    source_line: None,
                    key_path: String::new(),
                    ..d
                })
                .collect(),
        ),
        e => e,
    })
}

fn load_depth(path: &Path, depth: usize, named_by: Option<&Msg>) -> Result<Loaded> {
    if depth > 8 {
        return Err(Error::invalid(
            path,
            "extends",
            msg!("e011"),
            Some(msg!("e011-help")),
        ));
    }
    let text = read_text(path)?;
    let file = parse_named(path, &text, named_by)?;
    let mut hasher = Sha256::new();
    hasher.update(text.as_bytes());
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let basemap_here = file.scenario.basemap.as_ref().map(|b| dir.join(b));
    let Some(ext) = file.extends.clone() else {
        let n = file.strategy.len();
        return Ok(Loaded {
            path: path.to_path_buf(),
            text,
            sha256: hex(&hasher.finalize()),
            basemap: basemap_here,
            strategy_origin: (0..n)
                .map(|i| (path.to_path_buf(), String::new(), i))
                .collect(),
            file,
        });
    };
    // A file that extends another may only rename the scenario and add strategies.
    check_marks(path, &text)?;
    let raw: toml::Table = toml::from_str(&text).unwrap_or_default();
    let loc = Locator::new(path, &text);
    let mut issues = Vec::new();
    for k in raw.keys() {
        if !matches!(k.as_str(), "extends" | "scenario" | "strategy") {
            issues.push(loc.diagnose(&Issue {
                path: KeyPath::root().key(k),
                message: msg!("e009", key = k),
                help: Some(msg!("e009-help")),
            }));
        }
    }
    if !issues.is_empty() {
        return Err(Error::Invalid(issues));
    }
    let base_path = dir.join(&ext);
    if !base_path.exists() {
        return Err(Error::Invalid(vec![loc.diagnose(&Issue {
            path: KeyPath::root().key("extends"),
            message: msg!("e010", path = base_path.display().to_string()),
            help: Some(msg!("e010-help")),
        })]));
    }
    let by = msg!("extends-in", path = path.display().to_string());
    let base = load_depth(&base_path, depth + 1, Some(&by))?;
    hasher.update(base.sha256.as_bytes());
    let mut merged = base.file.clone();
    let meta = file.scenario.clone();
    merged.scenario = Meta {
        name: meta.name,
        description: meta.description.or(merged.scenario.description),
        start: meta.start,
        horizon_days: meta.horizon_days.or(merged.scenario.horizon_days),
        seed: meta.seed.or(merged.scenario.seed),
        target: meta.target.or(merged.scenario.target),
        voting_opens: meta.voting_opens.or(merged.scenario.voting_opens),
        language: meta.language.or(merged.scenario.language),
        basemap: meta.basemap.or(merged.scenario.basemap),
        basemap_credit: meta.basemap_credit.or(merged.scenario.basemap_credit),
        assumptions: if meta.assumptions.is_empty() {
            merged.scenario.assumptions
        } else {
            meta.assumptions
        },
    };
    let mut origin = base.strategy_origin.clone();
    for (i, s) in file.strategy.iter().enumerate() {
        merged.strategy.push(s.clone());
        origin.push((path.to_path_buf(), String::new(), i));
    }
    Ok(Loaded {
        path: path.to_path_buf(),
        text,
        sha256: hex(&hasher.finalize()),
        basemap: basemap_here.or(base.basemap),
        strategy_origin: origin,
        file: merged,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Split a `set` path like `node."Rupat Utara".planned_dispatch` or
/// A basemap that the scenario names but that does not exist: a warning located at
/// `scenario.basemap` (the run goes on and the map is drawn without land and sea).
pub fn basemap_warning(loaded: &Loaded) -> Option<Diagnostic> {
    let p = loaded.basemap.as_ref()?;
    if p.exists() {
        return None;
    }
    let own = (toml_marks(&loaded.text) <= MAX_MARKS)
        .then(|| toml::from_str::<toml::Table>(&loaded.text).ok())
        .flatten()
        .and_then(|t| t.get("scenario")?.get("basemap").cloned())
        .is_some();
    let loc = Locator::new(&loaded.path, &loaded.text);
    let mut d = loc.diagnose(&Issue {
        path: KeyPath::root().key("scenario").key("basemap"),
        message: msg!(
            "e812",
            path = p.display().to_string(),
            extended = None::<Msg>
        ),
        help: Some(msg!("e812-help")),
    });
    if !own {
        // Named by the file this one extends: point at no line of this file.
        (d.line, d.column, d.source_line) = (None, None, None);
        d.message = msg!(
            "e812",
            path = p.display().to_string(),
            extended = msg!("e812-extended")
        );
    }
    Some(d)
}

/// `node.Rupat Utara.planned_dispatch` into segments.
pub fn split_path(p: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in p.chars() {
        match c {
            '"' => quoted = !quoted,
            '.' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter().map(|s| s.trim().to_string()).collect()
}

/// Apply one `set` change to a scenario in TOML value form. `Err` says what is wrong.
pub fn apply_set(
    doc: &mut toml::Value,
    path: &str,
    value: toml::Value,
) -> std::result::Result<(), Msg> {
    let segs = split_path(path);
    if segs.len() < 2 || segs.iter().any(String::is_empty) {
        return Err(msg!("e701", path = path));
    }
    let not_table = || msg!("e705", key = "", path = path);
    let root = doc.as_table_mut().ok_or_else(not_table)?;
    let (mut target, rest): (&mut toml::Table, &[String]) = match segs[0].as_str() {
        "defaults" | "scenario" => {
            let t = root
                .entry(segs[0].clone())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()))
                .as_table_mut()
                .ok_or_else(not_table)?;
            (t, &segs[1..])
        }
        table @ ("node" | "link" | "zone" | "fleet" | "escort") => {
            if segs.len() < 3 {
                return Err(msg!("e702", path = path, what = noun(table), table = table));
            }
            let name = &segs[1];
            let arr = root
                .get_mut(table)
                .and_then(|v| v.as_array_mut())
                .ok_or_else(|| msg!("e704", table = table))?;
            let known: Vec<String> = arr
                .iter()
                .filter_map(|v| v.get("name").and_then(|n| n.as_str()).map(str::to_string))
                .collect();
            let el = arr
                .iter_mut()
                .find(|v| v.get("name").and_then(|n| n.as_str()) == Some(name.as_str()))
                .ok_or_else(|| {
                    msg!(
                        "e108",
                        what = noun(table),
                        name = name,
                        hint = suggest(name, &known)
                    )
                })?;
            (el.as_table_mut().ok_or_else(not_table)?, &segs[2..])
        }
        other => {
            return Err(msg!("e703", table = other));
        }
    };
    for (i, s) in rest.iter().enumerate() {
        if i + 1 == rest.len() {
            target.insert(s.clone(), value);
            return Ok(());
        }
        target = target
            .entry(s.clone())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()))
            .as_table_mut()
            .ok_or_else(|| msg!("e705", key = s, path = path))?;
    }
    Ok(())
}

/// " (did you mean 'x'?)" for the closest known name, or "" (in English).
pub fn did_you_mean(name: &str, known: &[String]) -> String {
    suggest(name, known).map(|m| m.en()).unwrap_or_default()
}

/// The message " (did you mean 'x'?)" for the closest known name, if one is close.
pub fn suggest(name: &str, known: &[String]) -> Option<Msg> {
    let best = known
        .iter()
        .map(|k| (edit_distance(&name.to_lowercase(), &k.to_lowercase()), k))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((d, k)) if d <= (name.chars().count() / 3).max(2) => {
            Some(msg!("did-you-mean", name = k))
        }
        _ => None,
    }
}

/// A table of the scenario (`node`, `link`, `zone`, `fleet`, `escort`, `state`, `strategy`)
/// in words of the message's language; another name as it is.
pub fn noun(table: &str) -> Msg {
    match table {
        "node" => msg!("noun-node"),
        "link" => msg!("noun-link"),
        "zone" => msg!("noun-zone"),
        "fleet" => msg!("noun-fleet"),
        "escort" => msg!("noun-escort"),
        "escort pool" => msg!("noun-escort-pool"),
        "supplier" => msg!("noun-supplier"),
        "state" => msg!("noun-state"),
        "strategy" => msg!("noun-strategy"),
        other => Msg::verbatim(other),
    }
}

/// The language a scenario's text asks for (`[scenario] language`), when the text is valid
/// TOML of a size that may be parsed whole and the language is one tepat writes in.
pub fn declared_lang(text: &str) -> Option<Lang> {
    if toml_marks(text) > MAX_MARKS {
        return None;
    }
    doc_lang(&toml_edit::Document::parse(text).ok()?)
}

fn doc_lang(doc: &toml_edit::Document<&str>) -> Option<Lang> {
    Lang::parse(doc.get("scenario")?.get("language")?.as_str()?)
}

/// The parser's message of a TOML or type error as a message of `errors.ftl` (E004–E008),
/// with the names and values it gives, and a hint where there is one. English shows the
/// parser's text unchanged.
pub fn parser_message(text: &str) -> (Msg, Option<Msg>) {
    let tick = |s: &str| s.trim().to_string();
    // "unknown field `x`, expected one of `a`, `b`" (also "unknown variant").
    for (prefix, key) in [
        ("unknown field ", "e005"),
        ("unknown variant ", "e005-variant"),
    ] {
        if let Some(rest) = text.strip_prefix(prefix)
            && let Some((field, expected)) = rest.split_once(", expected ")
        {
            let known = match expected.strip_prefix("one of ") {
                Some(list) => msg!("one-of", list = tick(list)),
                None => Msg::verbatim(tick(expected)),
            };
            let m = Msg::new(key).arg("field", tick(field)).arg("known", known);
            return (m, Some(msg!("e005-help")));
        }
    }
    if let Some(field) = text.strip_prefix("missing field ") {
        return (msg!("e006", field = tick(field)), Some(msg!("e006-help")));
    }
    for (prefix, key) in [("invalid type: ", "e007"), ("invalid value: ", "e008")] {
        if let Some(rest) = text.strip_prefix(prefix)
            && let Some((found, expected)) = rest.rsplit_once(", expected ")
        {
            let m = Msg::new(key)
                .arg("found", tick(found))
                .arg("expected", tick(expected));
            return (m, None);
        }
    }
    (msg!("e004", detail = text), None)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = if a[i - 1] == b[j - 1] { 0 } else { 1 };
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_with_quotes_and_spaces() {
        assert_eq!(
            split_path("node.Rupat Utara.planned_dispatch"),
            vec!["node", "Rupat Utara", "planned_dispatch"]
        );
        assert_eq!(
            split_path("link.\"a.b\".duration"),
            vec!["link", "a.b", "duration"]
        );
    }

    #[test]
    fn suggestions_find_near_names() {
        let known = vec![
            "Rupat Utara".to_string(),
            "Rupat".to_string(),
            "Bantan".to_string(),
        ];
        assert_eq!(
            did_you_mean("Rupat Utra", &known),
            " (did you mean 'Rupat Utara'?)"
        );
        assert_eq!(
            suggest("Rupat Utra", &known).unwrap().render(Lang::Id),
            " (maksudnya 'Rupat Utara'?)"
        );
        assert_eq!(did_you_mean("Zzzzzzzz", &known), "");
    }

    #[test]
    fn line_col_is_one_based() {
        let t = "a = 1\nbb = 2\n";
        assert_eq!(line_col(t, 6), (2, 1, "bb = 2".to_string()));
        assert_eq!(line_col(t, 11), (2, 6, "bb = 2".to_string()));
    }
}
