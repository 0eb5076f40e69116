//! `sweep.csv`: one row per value of the swept parameter, overall and per kecamatan. The rows
//! are [`SweepRow`]s.

use serde::Serialize;

use super::{cell, serialize_rows};
use crate::analysis::sweep::Sweep;
use crate::error::Result;

/// Columns of `sweep.csv` (the field names of [`SweepRow`]).
pub const HEADER: [&str; 7] = [
    "key",
    "value",
    "scope",
    "p_all_tps_on_time",
    "p_lo",
    "p_hi",
    "expected_late_tps",
];

/// One row of `sweep.csv`: one value of the key, overall or in one kecamatan.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SweepRow {
    /// The swept key.
    #[serde(serialize_with = "cell::text")]
    pub key: String,
    /// Its value at this point.
    #[serde(serialize_with = "cell::text")]
    pub value: String,
    /// `overall` or the kecamatan's name.
    #[serde(serialize_with = "cell::text")]
    pub scope: String,
    /// P(every TPS of the scope on time).
    #[serde(serialize_with = "cell::p4")]
    pub p_all_tps_on_time: f64,
    /// 95% interval, lower bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_lo: f64,
    /// Upper bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_hi: f64,
    /// Expected late TPS (overall rows only).
    #[serde(serialize_with = "cell::f3_opt")]
    pub expected_late_tps: Option<f64>,
}

/// The rows: per point its overall row, then one per kecamatan.
pub fn rows(s: &Sweep) -> Vec<SweepRow> {
    let mut rows = Vec::new();
    for p in &s.points {
        rows.push(SweepRow {
            key: s.key.clone(),
            value: p.label.clone(),
            scope: "overall".into(),
            p_all_tps_on_time: p.all_on_time.p,
            p_lo: p.all_on_time.lo,
            p_hi: p.all_on_time.hi,
            expected_late_tps: Some(p.late_stations.mean),
        });
        for (k, name) in s.kecamatan.iter().enumerate() {
            let q = p.kecamatan[k];
            rows.push(SweepRow {
                key: s.key.clone(),
                value: p.label.clone(),
                scope: name.clone(),
                p_all_tps_on_time: q.p,
                p_lo: q.lo,
                p_hi: q.hi,
                expected_late_tps: None,
            });
        }
    }
    rows
}

/// `sweep.csv`: the header, then [`rows`].
pub fn bytes(s: &Sweep) -> Result<Vec<u8>> {
    serialize_rows(&HEADER, &rows(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_the_row_fields() {
        let names = super::super::field_names(&SweepRow::default()).unwrap();
        assert_eq!(names, HEADER);
    }
}
