//! One file per export format. Each exporter turns a run into bytes; [`crate::output`]
//! decides where the bytes go.
//!
//! Numbers are written with fixed decimals so that the same counts always give the same bytes.

pub mod causes_csv;
pub mod links_csv;
pub mod run_json;
pub mod stations_csv;
pub mod summary_csv;

use crate::error::{Error, Result};

/// A probability or share, 4 decimals.
pub fn p4(x: f64) -> String {
    format!("{x:.4}")
}

/// Hours, 2 decimals.
pub fn h2(x: f64) -> String {
    format!("{x:.2}")
}

/// An optional value, empty when absent.
pub fn opt(x: Option<f64>, f: fn(f64) -> String) -> String {
    x.map(f).unwrap_or_default()
}

/// A CSV writer into memory: every CSV tepat writes goes through here, and every cell through
/// [`crate::text::csv_cell`], so that no name becomes a live formula in a spreadsheet.
pub fn csv_bytes(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Result<Vec<u8>> {
    use crate::text::csv_cell;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header.iter().map(|c| csv_cell(c).into_owned()))
        .map_err(|e| Error::caused("CSV: ", e))?;
    for r in rows {
        let cells: Vec<_> = r.iter().map(|c| csv_cell(c)).collect();
        w.write_record(cells.iter().map(|c| c.as_bytes()))
            .map_err(|e| Error::caused("CSV: ", e))?;
    }
    w.into_inner().map_err(|e| Error::caused("CSV: ", e))
}
