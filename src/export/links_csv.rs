//! `links.csv`: how often each link is the critical link of late stations, most critical
//! first. The rows ([`LinkRow`]) are also the report's table of links.

use serde::Serialize;

use super::{cell, serialize_rows};
use crate::error::Result;
use crate::summary::Summary;

/// Columns of `links.csv` (the field names of [`LinkRow`]).
pub const HEADER: [&str; 7] = [
    "link",
    "mode",
    "p_critical",
    "p_critical_lo",
    "p_critical_hi",
    "expected_late_tps",
    "delay_when_critical_h",
];

/// One row of `links.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct LinkRow {
    /// The link's name.
    #[serde(serialize_with = "cell::text")]
    pub link: String,
    /// road, ferry or boat.
    #[serde(serialize_with = "cell::text")]
    pub mode: String,
    /// P(it is the critical link of at least one late TPS).
    #[serde(serialize_with = "cell::p4")]
    pub p_critical: f64,
    /// 95% interval, lower bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_critical_lo: f64,
    /// Upper bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_critical_hi: f64,
    /// Expected late TPS for which it is the critical link.
    #[serde(serialize_with = "cell::f3")]
    pub expected_late_tps: f64,
    /// Mean delay on it when critical, hours.
    #[serde(serialize_with = "cell::h2_opt")]
    pub delay_when_critical_h: Option<f64>,
}

/// The rows, most critical first (the summary's order).
pub fn rows(s: &Summary) -> Vec<LinkRow> {
    s.links
        .iter()
        .map(|l| LinkRow {
            link: l.name.clone(),
            mode: l.mode.clone(),
            p_critical: l.critical.p,
            p_critical_lo: l.critical.lo,
            p_critical_hi: l.critical.hi,
            expected_late_tps: l.late_stations,
            delay_when_critical_h: l.delay_when_critical_h,
        })
        .collect()
}

/// The bytes of `links.csv`: the header, then [`rows`].
pub fn bytes(s: &Summary) -> Result<Vec<u8>> {
    serialize_rows(&HEADER, &rows(s))
}
