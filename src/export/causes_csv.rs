//! `causes.csv`: expected lateness hours per replication by cause, per kecamatan: for its
//! hub (PPK) and summed over its stations (TPS). The rows ([`CauseRow`]) derive `Serialize`:
//! the hours by cause serialize as one cell each, so there is one column per cause (named in
//! [`header`]); the report's table of causes and the workbook read the same rows.

use serde::Serialize;

use super::{cell, serialize_rows};
use crate::error::Result;
use crate::model::CAUSES;
use crate::summary::Summary;

/// Whose lateness a row of `causes.csv` adds up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CauseScope {
    /// The kecamatan's hub (PPK), by its own deadline.
    Hub,
    /// Every TPS of the kecamatan, summed.
    Stations,
}

impl CauseScope {
    /// As written in the `scope` column.
    pub fn label(self) -> &'static str {
        match self {
            CauseScope::Hub => "hub",
            CauseScope::Stations => "stations",
        }
    }
}

/// One row of `causes.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct CauseRow {
    /// The kecamatan.
    #[serde(serialize_with = "cell::text")]
    pub kecamatan: String,
    /// Hub or stations (`hub`, `stations`).
    pub scope: CauseScope,
    /// Expected lateness hours per replication, one per cause in the order of [`CAUSES`]:
    /// one column each.
    #[serde(serialize_with = "cell::h2_each")]
    pub hours: Vec<f64>,
    /// The sum over causes.
    #[serde(serialize_with = "cell::h2")]
    pub total: f64,
}

impl CauseRow {
    /// The sum over causes.
    pub fn total(&self) -> f64 {
        self.total
    }
}

/// Columns of `causes.csv`: kecamatan, scope, one per cause, total.
pub fn header() -> Vec<&'static str> {
    let mut header = vec!["kecamatan", "scope"];
    header.extend(CAUSES.iter());
    header.push("total");
    header
}

/// The rows: per kecamatan, its hub then its stations.
pub fn rows(s: &Summary) -> Vec<CauseRow> {
    let mut rows = Vec::new();
    for k in &s.kecamatan {
        for (scope, v) in [
            (CauseScope::Hub, &s.nodes[k.hub].cause_h),
            (CauseScope::Stations, &k.station_cause_h),
        ] {
            rows.push(CauseRow {
                kecamatan: k.name.clone(),
                scope,
                hours: v.clone(),
                total: v.iter().sum(),
            });
        }
    }
    rows
}

/// The bytes of `causes.csv`: the [`header`], then [`rows`].
pub fn bytes(s: &Summary) -> Result<Vec<u8>> {
    serialize_rows(&header(), &rows(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_one_cell_per_column_of_the_header() {
        let row = CauseRow {
            kecamatan: "=Bantan".into(),
            scope: CauseScope::Stations,
            hours: (0..CAUSES.len()).map(|i| i as f64 * 0.5).collect(),
            total: 1.0 / 3.0,
        };
        let bytes = serialize_rows(&header(), &[row]).unwrap();
        let text = String::from_utf8(bytes[super::super::BOM.len()..].to_vec()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let cells: Vec<&str> = lines[1].split(',').collect();
        assert_eq!(cells.len(), header().len(), "{text}");
        assert_eq!(cells[0], "'=Bantan", "the formula guard");
        assert_eq!(cells[1], "stations");
        assert_eq!(cells[2], "0.00");
        assert_eq!(cells[3], "0.50");
        assert_eq!(*cells.last().unwrap(), "0.33");
    }
}
