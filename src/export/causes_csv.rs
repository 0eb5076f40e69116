//! `causes.csv`: expected lateness hours per replication by cause, per kecamatan: for its
//! hub (PPK) and summed over its stations (TPS). One column per cause, so the rows
//! ([`CauseRow`]) are written cell by cell; the report's table of causes reads the same rows.

use super::{csv_bytes, h2};
use crate::error::Result;
use crate::model::CAUSES;
use crate::summary::Summary;

/// Whose lateness a row of `causes.csv` adds up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone)]
pub struct CauseRow {
    /// The kecamatan.
    pub kecamatan: String,
    /// Hub or stations.
    pub scope: CauseScope,
    /// Expected lateness hours per replication, one per cause in the order of [`CAUSES`].
    pub hours: Vec<f64>,
}

impl CauseRow {
    /// The sum over causes.
    pub fn total(&self) -> f64 {
        self.hours.iter().sum()
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
            });
        }
    }
    rows
}

/// The cells of a row, as written.
pub fn cells(r: &CauseRow) -> Vec<String> {
    let mut c = vec![r.kecamatan.clone(), r.scope.label().to_string()];
    c.extend(r.hours.iter().map(|&x| h2(x)));
    c.push(h2(r.total()));
    c
}

/// The bytes of `causes.csv`: the header, then [`rows`] cell by cell.
pub fn bytes(s: &Summary) -> Result<Vec<u8>> {
    csv_bytes(&header(), rows(s).iter().map(cells))
}
