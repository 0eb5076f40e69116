//! The status file of the distribution week (`tepat run --status`): a CSV of observed facts,
//! read here into rows with their locations. Checking the rows against the scenario (names,
//! times, contradictions) is [`crate::model::observe`]'s work; this module only reads the
//! text. The format is documented in `docs/operations.md`.

use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};
use crate::lang::{Msg, msg};

/// The columns of a status file, in order.
pub const COLUMNS: [&str; 5] = ["fact", "name", "time", "until", "detail"];

/// The largest status file read, bytes (a week of a kabupaten's facts is a few hundred rows).
pub const MAX_STATUS_BYTES: u64 = 16 * 1024 * 1024;

/// One field of a row: its text (unquoted) and the 1-based character column where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The text, trimmed, quotes removed.
    pub text: String,
    /// 1-based character column of the field's first character in the line.
    pub column: usize,
}

/// One row of facts.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusRow {
    /// 1-based line in the file.
    pub line: usize,
    /// The fields, as many as [`COLUMNS`] (missing trailing fields are empty, located at the
    /// end of the line).
    pub fields: Vec<Field>,
    /// The line's text.
    pub source: String,
}

impl StatusRow {
    /// Field `i` (see [`COLUMNS`]).
    pub fn get(&self, i: usize) -> &Field {
        &self.fields[i]
    }
}

/// A status file as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    /// The file.
    pub path: PathBuf,
    /// Its rows of facts (the header, comments and blank lines left out).
    pub rows: Vec<StatusRow>,
}

impl Status {
    /// A problem located at field `col` of `row`.
    pub fn problem(
        &self,
        row: &StatusRow,
        col: usize,
        message: Msg,
        help: Option<Msg>,
    ) -> Diagnostic {
        Diagnostic {
            line: Some(row.line),
            column: Some(row.fields[col].column),
            key_path: format!("column '{}'", COLUMNS[col]),
            help,
            source_line: Some(row.source.clone()),
            ..Diagnostic::new(&self.path, message)
        }
    }

    /// A status with no facts (an as-of run without a file).
    pub fn empty(path: &Path) -> Status {
        Status {
            path: path.to_path_buf(),
            rows: Vec::new(),
        }
    }
}

/// Split one CSV line into fields with their columns: commas separate, a field in double
/// quotes may hold commas and doubled quotes (`""`). Fields are trimmed.
fn split(line: &str) -> std::result::Result<Vec<Field>, (usize, Msg)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        let column = i + 1;
        let mut text = String::new();
        if i < chars.len() && chars[i] == '"' {
            i += 1;
            loop {
                match chars.get(i) {
                    None => return Err((column, msg!("e841"))),
                    Some('"') if chars.get(i + 1) == Some(&'"') => {
                        text.push('"');
                        i += 2;
                    }
                    Some('"') => {
                        i += 1;
                        break;
                    }
                    Some(&c) => {
                        text.push(c);
                        i += 1;
                    }
                }
            }
            while i < chars.len() && chars[i] != ',' {
                if chars[i] != ' ' {
                    return Err((i + 1, msg!("e842")));
                }
                i += 1;
            }
        } else {
            while i < chars.len() && chars[i] != ',' {
                text.push(chars[i]);
                i += 1;
            }
        }
        out.push(Field {
            text: text.trim().to_string(),
            column,
        });
        if i >= chars.len() {
            return Ok(out);
        }
        i += 1; // the comma
    }
}

/// Read a status file: the header line must name the [`COLUMNS`] in order; lines starting
/// with `#` and blank lines are skipped. Every problem of the file is reported at once.
pub fn load_status(path: &Path) -> Result<Status> {
    let bytes = crate::input::read_regular_file(path, MAX_STATUS_BYTES).map_err(|e| {
        Error::Usage(msg!(
            "e845",
            path = path.display().to_string(),
            reason = e.to_string()
        ))
    })?;
    let at = |line: usize, column: usize, source: &str, message: Msg, help: Msg| Diagnostic {
        line: Some(line),
        column: Some(column),
        help: Some(help),
        source_line: Some(source.to_string()),
        ..Diagnostic::new(path, message)
    };
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::Invalid(vec![Diagnostic {
            help: Some(msg!("e843-help")),
            ..Diagnostic::new(path, msg!("e843"))
        }])
    })?;
    let mut diags = Vec::new();
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (k, raw) in text.lines().enumerate() {
        let line = k + 1;
        let src = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        if src.trim().is_empty() || src.trim_start().starts_with('#') {
            continue;
        }
        let mut fields = match split(src) {
            Ok(f) => f,
            Err((col, msg)) => {
                diags.push(at(line, col, src, msg, msg!("e841-help")));
                continue;
            }
        };
        if !header_seen {
            header_seen = true;
            let names: Vec<String> = fields.iter().map(|f| f.text.to_lowercase()).collect();
            if names != COLUMNS {
                diags.push(at(
                    line,
                    1,
                    src,
                    msg!("e839", header = COLUMNS.join(",")),
                    msg!("e839-help"),
                ));
            }
            continue;
        }
        if fields.len() > COLUMNS.len() {
            let f = &fields[COLUMNS.len()];
            diags.push(at(
                line,
                f.column,
                src,
                msg!("e840", n = fields.len(), max = COLUMNS.len()),
                msg!("e840-help"),
            ));
            continue;
        }
        let end = src.chars().count() + 1;
        while fields.len() < COLUMNS.len() {
            fields.push(Field {
                text: String::new(),
                column: end,
            });
        }
        rows.push(StatusRow {
            line,
            fields,
            source: src.to_string(),
        });
    }
    if !header_seen {
        diags.push(Diagnostic::new(
            path,
            msg!("e844", header = COLUMNS.join(",")),
        ));
    }
    if diags.is_empty() {
        Ok(Status {
            path: path.to_path_buf(),
            rows,
        })
    } else {
        Err(Error::Invalid(diags))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_their_columns_and_quotes() {
        let f = split(r#"arrived, "PPK ""A"", x",2024-02-09T14:00+07:00,,"#).unwrap();
        assert_eq!(f.len(), 5);
        assert_eq!(f[1].text, r#"PPK "A", x"#);
        assert_eq!(f[1].column, 10);
        assert_eq!(f[2].column, 25);
        assert_eq!(f[4].text, "");
        assert!(split(r#"a,"open"#).is_err());
    }
}
