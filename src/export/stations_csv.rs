//! `stations.csv`: one row per station (TPS).

use serde::Serialize;

use super::{cell, serialize_rows};
use crate::error::Result;
use crate::summary::Summary;

/// Columns of `stations.csv` (the field names of [`StationRow`]).
pub const HEADER: [&str; 7] = [
    "kecamatan",
    "node",
    "tps",
    "p_on_time",
    "p_on_time_lo",
    "p_on_time_hi",
    "late_mean_h",
];

/// One row of `stations.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct StationRow {
    /// The TPS's kecamatan.
    #[serde(serialize_with = "cell::text_opt")]
    pub kecamatan: Option<String>,
    /// The village (or other node) that serves it.
    #[serde(serialize_with = "cell::text")]
    pub node: String,
    /// Its number at the node, three digits (`007`).
    pub tps: String,
    /// P(supplied by its deadline).
    #[serde(serialize_with = "cell::p4")]
    pub p_on_time: f64,
    /// 95% interval, lower bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_on_time_lo: f64,
    /// Upper bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_on_time_hi: f64,
    /// Mean lateness when late, hours.
    #[serde(serialize_with = "cell::h2_opt")]
    pub late_mean_h: Option<f64>,
}

/// The rows, in the model's station order.
pub fn rows(s: &Summary) -> Vec<StationRow> {
    s.station_results
        .iter()
        .map(|r| StationRow {
            kecamatan: r.kecamatan.clone(),
            node: r.node.clone(),
            tps: format!("{:03}", r.number),
            p_on_time: r.on_time.p,
            p_on_time_lo: r.on_time.lo,
            p_on_time_hi: r.on_time.hi,
            late_mean_h: r.late_mean_h,
        })
        .collect()
}

/// The bytes of `stations.csv`: the header, then [`rows`].
pub fn bytes(s: &Summary) -> Result<Vec<u8>> {
    serialize_rows(&HEADER, &rows(s))
}
