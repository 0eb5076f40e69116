//! No monoliths (CONTRIBUTING.md, docs/architecture.md): no function of `src/` over
//! [`MAX_FN_LINES`] lines and no file over [`MAX_FILE_LINES`].
//!
//! What is measured:
//! - a file's lines up to its test module: everything from the first line `#[cfg(test)]` at
//!   the start of a line on is left out (test modules close the file, by the crate's
//!   convention), and so are the files of test modules (`src/plot/tests.rs`,
//!   `src/report/tests.rs`: files called `tests.rs`);
//! - a function's lines from its `fn` line to the brace that closes its body, comments and
//!   blank lines included (a function nested in another counts in both), outside test modules;
//! - generated tables: there are none in `src/` (data files such as the basemap and the report
//!   templates are not `.rs`). One made by a program would be listed in [`GENERATED`] with the
//!   program that writes it.

use std::path::{Path, PathBuf};

/// Most lines of one function.
const MAX_FN_LINES: usize = 150;
/// Most lines of one file (its test module aside).
const MAX_FILE_LINES: usize = 700;

/// Files written by a program, not by hand, with the program (none today).
const GENERATED: &[(&str, &str)] = &[];

/// Files not measured yet, each with the reason in a comment (none today; the three charts
/// once listed here were split with their localisation).
const NOT_YET: &[&str] = &[];

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

/// The code of `text` with comments, strings and character literals blanked (each replaced
/// by spaces, newlines kept), so that braces can be counted.
fn code_only(text: &str) -> Vec<char> {
    let c: Vec<char> = text.chars().collect();
    let mut out = c.clone();
    let blank = |out: &mut Vec<char>, from: usize, to: usize| {
        for x in out.iter_mut().take(to).skip(from) {
            if *x != '\n' {
                *x = ' ';
            }
        }
    };
    let mut i = 0;
    while i < c.len() {
        let rest = |k: usize| c.get(i + k).copied().unwrap_or('\0');
        if c[i] == '/' && rest(1) == '/' {
            let end = (i..c.len()).find(|&j| c[j] == '\n').unwrap_or(c.len());
            blank(&mut out, i, end);
            i = end;
        } else if c[i] == '/' && rest(1) == '*' {
            let mut depth = 0;
            let mut j = i;
            while j < c.len() {
                if c[j] == '/' && c.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if c[j] == '*' && c.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if c[i] == 'r'
            && (rest(1) == '"' || rest(1) == '#')
            && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_'))
        {
            // A raw string r"..." or r#"..."#.
            let hashes = (1..).take_while(|&k| rest(k) == '#').count();
            if rest(1 + hashes) != '"' {
                i += 1;
                continue;
            }
            let close: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let mut j = i + 2 + hashes;
            while j < c.len() && c[j..].iter().take(close.len()).ne(close.iter()) {
                j += 1;
            }
            let end = (j + close.len()).min(c.len());
            blank(&mut out, i, end);
            i = end;
        } else if c[i] == '"' {
            let mut j = i + 1;
            while j < c.len() && c[j] != '"' {
                j += if c[j] == '\\' { 2 } else { 1 };
            }
            blank(&mut out, i, j + 1);
            i = j + 1;
        } else if c[i] == '\'' {
            // A character literal ('x', '\n', '\u{..}'), or a lifetime ('a).
            let end = if rest(1) == '\\' {
                (i + 2..c.len()).find(|&j| c[j] == '\'')
            } else if rest(2) == '\'' {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(e) => {
                    blank(&mut out, i, e + 1);
                    i = e + 1;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a line of code starts a function: `fn name`, after visibility and qualifiers.
fn fn_name(line: &str) -> Option<String> {
    let mut t = line.trim_start();
    loop {
        let before = t;
        for q in [
            "pub(crate) ",
            "pub(super) ",
            "pub ",
            "const ",
            "async ",
            "unsafe ",
        ] {
            t = t.strip_prefix(q).unwrap_or(t);
        }
        if let Some(r) = t.strip_prefix("extern \"C\" ") {
            t = r;
        }
        if t == before {
            break;
        }
    }
    let name: String = t
        .strip_prefix("fn ")?
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

/// The measured part of a file: its lines before the test module.
fn measured(text: &str) -> &str {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with("#[cfg(test)]") {
            return &text[..at];
        }
        at += line.len();
    }
    text
}

/// Every function of `text` with the line it starts on and its length in lines.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let code: String = code_only(text).into_iter().collect();
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let Some(name) = fn_name(line) else { continue };
        // The body opens at the first `{` after the signature at bracket depth 0; a `;`
        // before it ends a declaration without a body.
        let (mut depth, mut opened, mut paren) = (0i64, false, 0i64);
        'lines: for (m, l) in lines.iter().enumerate().skip(n) {
            let from = if m == n { line.find("fn ").unwrap() } else { 0 };
            for ch in l[from..].chars() {
                match ch {
                    '(' | '[' => paren += 1,
                    ')' | ']' => paren -= 1,
                    ';' if !opened && paren == 0 => break 'lines,
                    '{' => {
                        opened = true;
                        depth += 1;
                    }
                    '}' if opened => {
                        depth -= 1;
                        if depth == 0 {
                            out.push((name.clone(), n + 1, m - n + 1));
                            break 'lines;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

#[test]
fn the_measure_sees_functions_through_strings_comments_and_nesting() {
    let text = "fn a() {\n    let s = \"}}\"; // }\n    let c = '}';\n    let r = r#\"{\"#;\n    fn b<'x>(v: &'x str) -> [u8; 2] {\n        [0; 2]\n    }\n}\ntrait T {\n    fn decl(&self);\n}\n#[cfg(test)]\nmod tests {\n    fn t() {}\n}\n";
    let f = functions(measured(text));
    assert_eq!(
        f,
        [("a".to_string(), 1, 8), ("b".to_string(), 5, 3)],
        "{f:?}"
    );
    assert_eq!(measured(text).lines().count(), 11);
}

#[test]
fn no_function_over_150_lines_and_no_file_over_700() {
    let mut files = Vec::new();
    rs_files(Path::new("src"), &mut files);
    files.sort();
    assert!(files.len() > 50, "found only {} files", files.len());
    let mut bad = Vec::new();
    let (mut longest_fn, mut longest_file) = ((0, String::new()), (0, String::new()));
    for f in &files {
        let path = f.display().to_string().replace('\\', "/");
        if f.file_name().is_some_and(|n| n == "tests.rs")
            || NOT_YET.contains(&path.as_str())
            || GENERATED.iter().any(|(g, _)| *g == path)
        {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap();
        let part = measured(&text);
        let lines = part.lines().count();
        if lines > MAX_FILE_LINES {
            bad.push(format!(
                "{path}: {lines} lines (most {MAX_FILE_LINES}, its test module aside): split it by what its parts do"
            ));
        }
        longest_file = longest_file.max((lines, path.clone()));
        for (name, line, len) in functions(part) {
            if len > MAX_FN_LINES {
                bad.push(format!(
                    "{path}:{line}: fn {name} is {len} lines (most {MAX_FN_LINES}): split it into steps"
                ));
            }
            longest_fn = longest_fn.max((len, format!("{path}:{line} fn {name}")));
        }
    }
    assert!(bad.is_empty(), "too long:\n{}", bad.join("\n"));
    println!(
        "longest function: {} ({} lines); longest file: {} ({} lines)",
        longest_fn.1, longest_fn.0, longest_file.1, longest_file.0
    );
}
