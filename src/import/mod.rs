//! `tepat import`: a TPS list (CSV or Excel) becomes a scenario skeleton.
//!
//! [`table`] reads the file into rows of cells, [`rows`] finds the columns, checks every
//! cell (with the rules of [`cells`]) and groups the TPS into villages and kecamatan, [`write`]
//! writes the scenario text.
//! The columns and rules are documented in docs/import.md.

pub mod cells;
pub mod columns;
pub mod rows;
pub mod table;
pub mod write;

use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};
use crate::lang::{Msg, msg};

/// Problems reported for one list at most; the rest are counted.
pub const MAX_PROBLEMS: usize = 200;

/// A problem in a TPS list, located by spreadsheet row and column.
///
/// The message and the hint are messages of `errors-import.ftl` (codes E910–E957), and the
/// place ("row 4, column C (DPT)") is put into words when it is shown, so that all three
/// follow the language of the run.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The row a spreadsheet program shows (1-based), if the problem has one.
    pub row: Option<usize>,
    /// The 0-based column and its header, if the problem is in one cell.
    pub column: Option<(usize, Box<str>)>,
    /// What is wrong.
    pub message: Msg,
    /// How to fix it.
    pub help: Msg,
}

impl Problem {
    /// A problem with the whole file.
    pub fn file(message: Msg, help: Msg) -> Self {
        Problem {
            row: None,
            column: None,
            message,
            help,
        }
    }
    /// A problem with a whole row.
    pub fn at_row(row: usize, message: Msg, help: Msg) -> Self {
        Problem {
            row: Some(row),
            column: None,
            message,
            help,
        }
    }
    /// A problem in one cell.
    pub fn at_cell(row: usize, column: usize, header: String, message: Msg, help: Msg) -> Self {
        Problem {
            row: Some(row),
            column: Some((column, header.into_boxed_str())),
            message,
            help,
        }
    }
    /// Order of reporting: by row, then column.
    pub fn sort_key(&self) -> (usize, usize) {
        (
            self.row.unwrap_or(0),
            self.column.as_ref().map(|c| c.0).unwrap_or(0),
        )
    }
    /// Where, as a message: `row 12, column C (DPT)`, `row 4`; `None` for the whole file.
    pub fn location(&self) -> Option<Msg> {
        let row = self.row?;
        Some(match &self.column {
            None => row_words(row),
            Some((c, h)) => {
                let letters = table::column_letters(*c);
                let h = write::c(h);
                if h.is_empty() {
                    msg!("import-cell-bare", row = row, letters = letters)
                } else {
                    msg!("import-cell", row = row, letters = letters, header = h)
                }
            }
        })
    }
    /// The diagnostic tepat prints: the place, then what is wrong.
    pub fn diagnostic(&self, file: &Path) -> Diagnostic {
        let message = match self.location() {
            Some(place) => msg!("import-at", place = place, problem = self.message.clone()),
            None => self.message.clone(),
        };
        Diagnostic {
            help: Some(self.help.clone()),
            ..Diagnostic::new(file, message)
        }
    }
}

/// One row in words: `row 4`.
pub fn row_words(row: usize) -> Msg {
    msg!("import-row", row = row)
}

/// Rows in words: `row 3`, `rows 3 and 5`, `rows 3, 5, 8`.
pub fn rows_words(rows: &[usize]) -> Msg {
    match rows {
        [] => Msg::verbatim(""),
        [r] => row_words(*r),
        [a, b] => msg!("import-rows-two", a = *a, b = *b),
        _ => msg!(
            "import-rows-many",
            list = rows
                .iter()
                .map(|r| r.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// All problems of a list as one error (exit code 2), at most [`MAX_PROBLEMS`] of them.
pub fn invalid(file: &Path, problems: &[Problem]) -> Error {
    let mut d: Vec<Diagnostic> = problems
        .iter()
        .take(MAX_PROBLEMS)
        .map(|p| p.diagnostic(file))
        .collect();
    if problems.len() > MAX_PROBLEMS {
        d.push(
            Problem::file(
                msg!("e954", n = problems.len() - MAX_PROBLEMS),
                msg!("e954-help"),
            )
            .diagnostic(file),
        );
    }
    Error::Invalid(d)
}

/// Read and check a TPS list; every problem of the file at once.
pub fn read_list(path: &Path) -> Result<rows::TpsList> {
    let format = table::format_of(path).map_err(|p| invalid(path, &[p]))?;
    let bytes = table::read_input_file(path, table::MAX_INPUT_BYTES)?;
    let rows = table::read_rows(&bytes, format).map_err(|p| invalid(path, &[p]))?;
    rows::parse(&rows).map_err(|ps| invalid(path, &ps))
}

/// Value parser of `--depot`: a usable name (the reason in a message when it is not).
pub fn parse_name(s: &str) -> std::result::Result<String, Msg> {
    let t = cells::tidy(s);
    match cells::name_problem(&t) {
        None => Ok(t),
        Some(p) => Err(msg!("e933", reason = p)),
    }
}

/// Value parser of `--depot-at`: `LAT,LON` in decimal degrees, inside Indonesia.
pub fn parse_point(s: &str) -> std::result::Result<(f64, f64), Msg> {
    let usage = || msg!("e934", v = s);
    let (a, b) = s.split_once(',').ok_or_else(usage)?;
    let lat: f64 = a.trim().parse().map_err(|_| usage())?;
    let lon: f64 = b.trim().parse().map_err(|_| usage())?;
    if !(lat.is_finite() && lon.is_finite()) {
        return Err(usage());
    }
    if !cells::in_indonesia(lat, lon) {
        // As typed on the command line: with a decimal point in every language.
        return Err(msg!(
            "e935",
            lat = lat.to_string(),
            lon = lon.to_string(),
            hint = cells::outside_help(lat, lon)
        ));
    }
    Ok((lat, lon))
}

/// Value parser of `--election-date`: `YYYY-MM-DD`, from 2000 to 2100.
pub fn parse_date(s: &str) -> std::result::Result<chrono::NaiveDate, Msg> {
    let d =
        chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| msg!("e936", v = s))?;
    use chrono::Datelike;
    if !(2000..=2100).contains(&d.year()) {
        return Err(msg!("e937", v = s));
    }
    Ok(d)
}

/// Value parser of `--road-factor`: from 1 (straight roads) to 3.
pub fn parse_road_factor(s: &str) -> std::result::Result<f64, Msg> {
    match s.trim().parse::<f64>() {
        Ok(f) if (1.0..=3.0).contains(&f) => Ok(f),
        _ => Err(msg!("e938", v = s)),
    }
}

/// The default output file: the list's name with `.toml`, in the current folder.
pub fn default_out(list: &Path) -> PathBuf {
    let stem = list
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "imported".into());
    PathBuf::from(format!("{stem}.toml"))
}

/// What to import: the list and the decisions the command line gives.
#[derive(Debug, Clone)]
pub struct Request {
    /// The TPS list: .csv or .xlsx.
    pub tps_list: PathBuf,
    /// Name of the KPU warehouse the materials leave from.
    pub depot: String,
    /// Position of the warehouse (latitude, longitude).
    pub depot_at: (f64, f64),
    /// Polling day.
    pub election_date: chrono::NaiveDate,
    /// Road distance = straight-line distance × this factor.
    pub road_factor: f64,
}

/// The scenario text of a TPS list, checked to compile before it is returned.
pub fn import_text(a: &Request, out: &Path) -> Result<(String, rows::TpsList)> {
    let list = read_list(&a.tps_list)?;
    if let Some(k) = list.kecamatan.iter().find(|k| {
        k.name.eq_ignore_ascii_case(&a.depot) || k.name.to_lowercase() == a.depot.to_lowercase()
    }) {
        return Err(Error::Usage(msg!(
            "e956",
            depot = a.depot.as_str(),
            kecamatan = k.name.as_str()
        )));
    }
    let name = out
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "imported".into());
    let source = a
        .tps_list
        .file_name()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let rules = write::Rules {
        election: a.election_date,
        road_factor: a.road_factor,
    };
    let text = write::scenario_text(&list, &source, &name, &a.depot, a.depot_at, &rules);
    // The skeleton must be a valid scenario; if it is not, that is a bug here, not the user's.
    // Its problems follow, in the run's language, located in the file it would have been.
    crate::pipeline::model_from_str(&out.to_string_lossy(), &text).map_err(|e| {
        let mut d = vec![Diagnostic::new(&a.tps_list, msg!("e957"))];
        match e {
            Error::Invalid(more) => d.extend(more),
            other => d.push(Diagnostic::new(out, Msg::verbatim(other.to_string()))),
        }
        Error::Invalid(d)
    })?;
    Ok((text, list))
}

/// A village farther than this from its PPK (straight line, km) is reported as a warning:
/// usually a coordinate typed wrong, or a village under the wrong kecamatan.
pub const FAR_VILLAGE_KM: f64 = 50.0;

/// Warnings about a list that is valid but looks wrong: villages far from their PPK.
pub fn warnings(list: &rows::TpsList) -> Vec<Msg> {
    let mut out = Vec::new();
    for k in &list.kecamatan {
        let hub = k.point();
        for v in &k.villages {
            let d = write::distance_km(hub, v.point);
            if d > FAR_VILLAGE_KM {
                out.push(msg!(
                    "e955",
                    village = v.name.as_str(),
                    km = format!("{d:.0}"),
                    kecamatan = k.name.as_str(),
                    row = row_words(v.rows.first().copied().unwrap_or(0))
                ));
            }
        }
    }
    out
}

/// Whether two paths name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
