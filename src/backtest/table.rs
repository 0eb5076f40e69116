//! Reading a small CSV file (a record of what happened, past trips) into located text cells,
//! and the located problems found in it. Nothing here knows what the columns mean.

use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};
use crate::input::InputError;
use crate::lang::{Msg, msg};

/// Record and trip files larger than this are refused before they are read (a regency's
/// record is a few kilobytes; a million trips is about 40 MB).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// A CSV file as header and rows of trimmed text cells.
#[derive(Debug, Clone)]
pub struct Table {
    /// The file.
    pub file: PathBuf,
    /// Column names (trimmed, lower case).
    pub header: Vec<String>,
    /// The line of the header row in the file (1-based; comment lines may come before it).
    pub header_line: usize,
    /// Each row: its line in the file (1-based) and its cells.
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// The index of the column named `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// A problem in a cell: the file, the line of the row and the column (1-based), and the
    /// column's name as the key path (`column 'observed'`, shown in the run's language).
    pub fn at(&self, line: usize, col: usize, message: Msg, help: Msg) -> Diagnostic {
        Diagnostic {
            line: Some(line),
            column: Some(col + 1),
            key_path: format!(
                "column '{}'",
                self.header.get(col).map(String::as_str).unwrap_or("")
            ),
            help: Some(help),
            ..Diagnostic::new(&self.file, message)
        }
    }

    /// A problem with the file as a whole.
    pub fn whole(&self, message: Msg, help: Msg) -> Diagnostic {
        Diagnostic {
            help: Some(help),
            ..Diagnostic::new(&self.file, message)
        }
    }
}

/// Read `path` as CSV (comma separated, UTF-8 with or without BOM, a header row; empty lines
/// and lines starting with `#` are skipped).
pub fn read(path: &Path) -> Result<Table> {
    let bytes = crate::input::read_regular_file(path, MAX_BYTES).map_err(|e| match e {
        InputError::Io(e) => Error::read(path, e),
        InputError::Folder => Error::invalid(path, "", msg!("e960"), Some(msg!("e960-help"))),
        InputError::NotRegular(_) => {
            Error::invalid(path, "", msg!("e960-device"), Some(msg!("e960-help")))
        }
        InputError::TooLarge { max } => {
            Error::invalid(path, "", msg!("e961", max = max), Some(msg!("e961-help")))
        }
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        Error::invalid(
            path,
            "",
            msg!("e962", byte = e.valid_up_to()),
            Some(msg!("e962-help")),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut header: Option<(usize, Vec<String>)> = None;
    let mut rows = Vec::new();
    let mut lines = Lines {
        text: text.as_bytes(),
        at: 0,
        line: 1,
    };
    for rec in r.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize);
            Error::Invalid(vec![Diagnostic {
                line,
                help: Some(msg!("e963-help")),
                ..Diagnostic::new(path, msg!("e963"))
            }])
        })?;
        let start = rec.position().map(|p| p.byte() as usize).unwrap_or(0);
        let line = lines.line_of(start);
        // A quote left open takes the lines after it into one cell; no cell of a record or a
        // trip list holds a line break.
        if rec.iter().any(|c| c.contains(['\n', '\r'])) {
            return Err(Error::Invalid(vec![Diagnostic {
                line: Some(line),
                help: Some(msg!("e963-help")),
                ..Diagnostic::new(path, msg!("e963"))
            }]));
        }
        let cells: Vec<String> = rec.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        match header {
            None => header = Some((line, cells.iter().map(|c| c.to_lowercase()).collect())),
            Some(_) => rows.push((line, cells)),
        }
    }
    let Some((header_line, header)) = header else {
        return Err(Error::invalid(
            path,
            "",
            msg!("e964"),
            Some(msg!("e964-help")),
        ));
    };
    Ok(Table {
        file: path.to_path_buf(),
        header,
        header_line,
        rows,
    })
}

/// Line numbers of records from their byte offsets, counted forward once through the file.
struct Lines<'a> {
    text: &'a [u8],
    /// The byte counted up to (the start of a line).
    at: usize,
    /// The line that starts at `at` (1-based).
    line: usize,
}

impl Lines<'_> {
    /// The line of the record that the CSV reader says starts at byte `start`. The reader's
    /// own position of a record is where it began looking for it, before the empty and
    /// comment lines it skipped: those are skipped here too.
    fn line_of(&mut self, start: usize) -> usize {
        let start = start.min(self.text.len());
        if start >= self.at {
            self.line += self.text[self.at..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.at = start;
        }
        let mut pos = self.at;
        let mut line = self.line;
        loop {
            let rest = &self.text[pos..];
            let end = rest.iter().position(|&b| b == b'\n');
            let this = &rest[..end.unwrap_or(rest.len())];
            let blank = this.is_empty() || this == b"\r" || this.first() == Some(&b'#');
            match end {
                Some(e) if blank => {
                    pos += e + 1;
                    line += 1;
                }
                _ => return line,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_rows_skip_comment_and_empty_lines_before_them() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.csv");
        std::fs::write(
            &p,
            "# one\r\n# two\r\nquantity,place\r\n\r\narrival,Hub\r\n# mid\r\narrival,A\r\n\r\n\r\narrival,B\r\n",
        )
        .unwrap();
        let t = read(&p).unwrap();
        assert_eq!(t.header_line, 3);
        let lines: Vec<usize> = t.rows.iter().map(|r| r.0).collect();
        assert_eq!(lines, [5, 7, 10]);
    }

    #[test]
    fn an_open_quote_is_reported_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("q.csv");
        std::fs::write(&p, "a,b\n1,2\n3,\"4\n5,6\n").unwrap();
        match read(&p) {
            Err(Error::Invalid(d)) => {
                assert_eq!(d[0].line, Some(3));
                assert_eq!(d[0].message.key, "e963");
            }
            other => panic!("{other:?}"),
        }
    }
}
