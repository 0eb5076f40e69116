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

/// Problems reported for one list at most; the rest are counted.
pub const MAX_PROBLEMS: usize = 200;

/// A problem in a TPS list, located by spreadsheet row and column.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The row a spreadsheet program shows (1-based), if the problem has one.
    pub row: Option<usize>,
    /// The 0-based column and its header, if the problem is in one cell.
    pub column: Option<(usize, String)>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl Problem {
    /// A problem with the whole file.
    pub fn file(message: impl Into<String>, help: impl Into<String>) -> Self {
        Problem {
            row: None,
            column: None,
            message: message.into(),
            help: help.into(),
        }
    }
    /// A problem with a whole row.
    pub fn at_row(row: usize, message: impl Into<String>, help: impl Into<String>) -> Self {
        Problem {
            row: Some(row),
            column: None,
            message: message.into(),
            help: help.into(),
        }
    }
    /// A problem in one cell.
    pub fn at_cell(
        row: usize,
        column: usize,
        header: String,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Problem {
            row: Some(row),
            column: Some((column, header)),
            message: message.into(),
            help: help.into(),
        }
    }
    /// Order of reporting: by row, then column.
    pub fn sort_key(&self) -> (usize, usize) {
        (
            self.row.unwrap_or(0),
            self.column.as_ref().map(|c| c.0).unwrap_or(0),
        )
    }
    /// Where, as text: `row 12, column C (DPT)`.
    pub fn location(&self) -> String {
        let mut s = String::new();
        if let Some(r) = self.row {
            s = format!("row {r}");
        }
        if let Some((c, h)) = &self.column {
            let letters = table::column_letters(*c);
            let h = write::c(h);
            s = if h.is_empty() {
                format!("{s}, column {letters}")
            } else {
                format!("{s}, column {letters} ({h})")
            };
        }
        s
    }
    /// The diagnostic tepat prints.
    pub fn diagnostic(&self, file: &Path) -> Diagnostic {
        Diagnostic {
            file: file.to_path_buf(),
            line: None,
            column: None,
            key_path: self.location(),
            message: self.message.clone().into(),
            help: Some(self.help.clone().into()),
            source_line: None,
            lang: None,
        }
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
                format!("and {} more problems", problems.len() - MAX_PROBLEMS),
                "fix these first; the same mistake is often repeated down a column",
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

/// Value parser of `--depot`: a usable name.
pub fn parse_name(s: &str) -> std::result::Result<String, String> {
    let t = cells::tidy(s);
    match cells::name_problem(&t) {
        None => Ok(t),
        Some(p) => Err(p),
    }
}

/// Value parser of `--depot-at`: `LAT,LON` in decimal degrees, inside Indonesia.
pub fn parse_point(s: &str) -> std::result::Result<(f64, f64), String> {
    let usage = || format!("'{s}' is not LAT,LON in decimal degrees (like 1.4774,102.1318)");
    let (a, b) = s.split_once(',').ok_or_else(usage)?;
    let lat: f64 = a.trim().parse().map_err(|_| usage())?;
    let lon: f64 = b.trim().parse().map_err(|_| usage())?;
    if !(lat.is_finite() && lon.is_finite()) {
        return Err(usage());
    }
    if !cells::in_indonesia(lat, lon) {
        return Err(format!(
            "({lat}, {lon}) is outside Indonesia: {}",
            cells::outside_help(lat, lon)
        ));
    }
    Ok((lat, lon))
}

/// Value parser of `--election-date`: `YYYY-MM-DD`, from 2000 to 2100.
pub fn parse_date(s: &str) -> std::result::Result<chrono::NaiveDate, String> {
    let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date YYYY-MM-DD such as 2024-02-14"))?;
    use chrono::Datelike;
    if !(2000..=2100).contains(&d.year()) {
        return Err(format!(
            "{s} is not a plausible polling day (years 2000 to 2100)"
        ));
    }
    Ok(d)
}

/// Value parser of `--road-factor`: from 1 (straight roads) to 3.
pub fn parse_road_factor(s: &str) -> std::result::Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(f) if (1.0..=3.0).contains(&f) => Ok(f),
        _ => Err(format!(
            "'{s}' is not a road factor from 1 to 3 (road distance / straight-line distance; 1.4 is usual)"
        )),
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
        return Err(Error::usage(format!(
            "the depot '{}' has the name of kecamatan {}; give the warehouse another name with --depot (hubs are named after their kecamatan)",
            a.depot, k.name
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
    crate::pipeline::model_from_str(&out.to_string_lossy(), &text).map_err(|e| {
        Error::Other(format!(
            "internal error: the scenario written from the TPS list is not valid; please report this with the list:\n{e}"
        ))
    })?;
    Ok((text, list))
}

/// A village farther than this from its PPK (straight line, km) is reported as a warning:
/// usually a coordinate typed wrong, or a village under the wrong kecamatan.
pub const FAR_VILLAGE_KM: f64 = 50.0;

/// Warnings about a list that is valid but looks wrong: villages far from their PPK.
pub fn warnings(list: &rows::TpsList) -> Vec<String> {
    let mut out = Vec::new();
    for k in &list.kecamatan {
        let hub = k.point();
        for v in &k.villages {
            let d = write::distance_km(hub, v.point);
            if d > FAR_VILLAGE_KM {
                out.push(format!(
                    "village {} is {d:.0} km (straight line) from PPK {}; check its coordinates and its kecamatan (row {})",
                    v.name,
                    k.name,
                    v.rows.first().copied().unwrap_or(0)
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
