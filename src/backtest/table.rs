//! Reading a small CSV file (a record of what happened, past trips) into located text cells,
//! and the located problems found in it. Nothing here knows what the columns mean.

use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};

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
    /// Each row: its line in the file (1-based) and its cells.
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// The index of the column named `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// A problem in a cell: the file, the line of the row and the column (1-based), and the
    /// column's name as the key path.
    pub fn at(&self, line: usize, col: usize, message: String, help: &str) -> Diagnostic {
        Diagnostic {
            file: self.file.clone(),
            line: Some(line),
            column: Some(col + 1),
            key_path: format!(
                "column {}",
                self.header.get(col).map(String::as_str).unwrap_or("")
            ),
            message: message.into(),
            help: Some(help.into()),
            source_line: None,
            lang: None,
        }
    }

    /// A problem with the file as a whole.
    pub fn whole(&self, message: String, help: &str) -> Diagnostic {
        Diagnostic {
            file: self.file.clone(),
            line: None,
            column: None,
            key_path: String::new(),
            message: message.into(),
            help: Some(help.into()),
            source_line: None,
            lang: None,
        }
    }
}

/// Read `path` as CSV (comma separated, UTF-8 with or without BOM, a header row; empty lines
/// and lines starting with `#` are skipped).
pub fn read(path: &Path) -> Result<Table> {
    let bytes = crate::input::read_regular_file(path, MAX_BYTES)
        .map_err(|e| Error::invalid(path, "", format!("could not read the file: {e}"), None))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        Error::invalid(
            path,
            "",
            format!("the file is not valid UTF-8 (byte {})", e.valid_up_to()),
            Some("save the file as UTF-8 CSV".into()),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize);
            Error::Invalid(vec![Diagnostic {
                file: path.to_path_buf(),
                line,
                column: None,
                key_path: String::new(),
                message: "this line is not valid CSV (an unclosed quote?)".into(),
                help: Some("close every quote; a cell with a comma needs quotes around it".into()),
                source_line: None,
                lang: None,
            }])
        })?;
        let line = rec.position().map(|p| p.line() as usize).unwrap_or(0);
        let cells: Vec<String> = rec.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        match header {
            None => header = Some(cells.iter().map(|c| c.to_lowercase()).collect()),
            Some(_) => rows.push((line, cells)),
        }
    }
    let Some(header) = header else {
        return Err(Error::invalid(
            path,
            "",
            "the file is empty: it needs a header row and at least one row",
            None,
        ));
    };
    Ok(Table {
        file: path.to_path_buf(),
        header,
        rows,
    })
}
