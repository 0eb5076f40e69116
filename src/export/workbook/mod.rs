//! `results.xlsx`: the figures of a run as an Excel workbook, for planners who keep their tables
//! in a spreadsheet. The same figures as the CSV files, but for people: headers in the run's
//! language, numbers stored as numbers (probabilities formatted as percentages), local times as
//! Excel datetimes, TPS numbers as text (`007`), a frozen header row and first column, column
//! widths and filters, and a first sheet that says how the run was made.
//!
//! Text from a scenario is only ever written as a string cell, never as a formula; a string
//! that a spreadsheet would run as a formula once retyped (the cells
//! [`crate::text::csv_cell`] marks in CSV files) also gets Excel's "quote prefix" (the
//! apostrophe of a typed `'=...`), so editing the cell keeps it text.
//!
//! Files: this one (cells, sheets and what the first sheet says), `sheets` (the sheets of a
//! simulated scenario), `whatif` (strategies, plan, sweep, sensitivity) and `write` (the
//! `.xlsx` bytes).

mod sheets;
mod whatif;
mod write;

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use crate::strategy::Comparison;
use crate::summary::{Prob, Summary};

pub use sheets::{
    about_sheet, causes_sheet, kecamatan_sheet, links_sheet, stations_sheet, villages_sheet,
};
pub use whatif::{plan_sheet, sensitivity_sheet, strategies_sheet, sweep_sheet};
pub use write::bytes;

/// The words of the workbook in the run's language: a message id (`workbook.ftl`) to its text.
pub type Words<'a> = &'a dyn Fn(&str) -> String;

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (a name, a label): a string cell.
    Text(String),
    /// A count, shown with thousands separators.
    Int(f64),
    /// A probability or share, shown as a percentage with one decimal.
    Pct(f64),
    /// A number shown with `decimals` decimals (0 to 4).
    Num(f64, usize),
    /// Rupiah, whole.
    Rupiah(f64),
    /// A local datetime (wall-clock time of the scenario's offset).
    Time(NaiveDateTime),
    /// Nothing.
    Empty,
}

impl Cell {
    fn opt(x: Option<f64>, f: fn(f64) -> Cell) -> Cell {
        x.map(f).unwrap_or(Cell::Empty)
    }
}

/// A column: its header and width (in characters).
#[derive(Debug, Clone)]
pub struct Column {
    /// The header, in the run's language.
    pub header: String,
    /// Width in characters.
    pub width: f64,
}

/// One sheet: a name, columns and rows of cells.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The sheet's tab name (31 characters at most).
    pub name: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    fn new(w: Words, name: &str, columns: &[(&str, f64)]) -> Sheet {
        Sheet {
            name: w(name),
            columns: columns
                .iter()
                .map(|(id, width)| Column {
                    header: w(id),
                    width: *width,
                })
                .collect(),
            rows: Vec::new(),
        }
    }
}

/// What the first sheet says about a run.
#[derive(Debug, Clone)]
pub struct About {
    /// The scenario's name.
    pub scenario: String,
    /// Its description (may be empty).
    pub description: String,
    /// The scenario file as given.
    pub file: String,
    /// SHA-256 of the scenario file.
    pub sha256: String,
    /// The seed.
    pub seed: u64,
    /// Replications (per variant for a what-if).
    pub runs: u64,
    /// When the run was made.
    pub made: DateTime<FixedOffset>,
    /// What was run (a message id: a run, a plan, a sweep, a sensitivity analysis).
    pub what: &'static str,
    /// The on-time target.
    pub target: f64,
}

/// The local wall-clock time `hours` after `start`, rounded to the minute (as
/// [`crate::time::fmt_local`] shows it).
fn local(start: &DateTime<FixedOffset>, hours: f64) -> NaiveDateTime {
    crate::time::at(start, hours).naive_local()
}

fn time(start: &DateTime<FixedOffset>, h: Option<f64>) -> Cell {
    h.map(|h| Cell::Time(local(start, h)))
        .unwrap_or(Cell::Empty)
}

fn prob3(p: Option<Prob>) -> [Cell; 3] {
    match p {
        Some(p) => [Cell::Pct(p.p), Cell::Pct(p.lo), Cell::Pct(p.hi)],
        None => [Cell::Empty, Cell::Empty, Cell::Empty],
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn text_opt(s: Option<&str>) -> Cell {
    s.map(text).unwrap_or(Cell::Empty)
}

fn yes_no(w: Words, b: bool) -> Cell {
    Cell::Text(w(if b { "wb-yes" } else { "wb-no" }))
}

/// The sheets of a simulated scenario: about, kecamatan, villages, stations, causes, links and
/// (with strategies) strategies.
pub fn run_sheets(
    w: Words,
    about: &About,
    s: &Summary,
    start: &DateTime<FixedOffset>,
    comparison: Option<&Comparison>,
) -> Vec<Sheet> {
    let mut v = vec![
        about_sheet(w, about),
        kecamatan_sheet(w, s, start),
        villages_sheet(w, s, start),
        stations_sheet(w, s),
        causes_sheet(w, s),
        links_sheet(w, s),
    ];
    if let Some(c) = comparison {
        v.push(strategies_sheet(w, c));
    }
    v
}
