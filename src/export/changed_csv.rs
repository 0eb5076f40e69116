//! `changed.csv` (as-of runs only): every kecamatan's P(every TPS by H-1) in the plan (the
//! plain run on the same seed and replications) and as of the status, with whether it
//! changed by more than its 95% half-width. Every row names the as-of time.

use serde::Serialize;

use super::{cell, serialize_rows};
use crate::error::Result;
use crate::pipeline::AsOfNote;

/// Columns of `changed.csv` (the field names of [`ChangedRow`]).
pub const HEADER: [&str; 10] = [
    "as_of",
    "kecamatan",
    "p_all_tps_plan",
    "p_all_tps_plan_lo",
    "p_all_tps_plan_hi",
    "p_all_tps_as_of",
    "p_all_tps_as_of_lo",
    "p_all_tps_as_of_hi",
    "change",
    "changed",
];

/// One row of `changed.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct ChangedRow {
    /// The as-of time, local.
    #[serde(serialize_with = "cell::text")]
    pub as_of: String,
    /// The kecamatan.
    #[serde(serialize_with = "cell::text")]
    pub kecamatan: String,
    /// P(every TPS by H-1) in the plan.
    #[serde(serialize_with = "cell::p4")]
    pub p_all_tps_plan: f64,
    /// 95% interval, lower bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_all_tps_plan_lo: f64,
    /// Upper bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_all_tps_plan_hi: f64,
    /// P(every TPS by H-1) as of the status.
    #[serde(serialize_with = "cell::p4")]
    pub p_all_tps_as_of: f64,
    /// 95% interval, lower bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_all_tps_as_of_lo: f64,
    /// Upper bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_all_tps_as_of_hi: f64,
    /// As of minus plan.
    #[serde(serialize_with = "cell::p4")]
    pub change: f64,
    /// yes when it moved by more than its 95% half-width.
    #[serde(serialize_with = "cell::text")]
    pub changed: String,
}

/// The rows, in file order.
pub fn rows(n: &AsOfNote) -> Vec<ChangedRow> {
    n.changed_since_plan
        .iter()
        .map(|c| ChangedRow {
            as_of: n.at.clone(),
            kecamatan: c.kecamatan.clone(),
            p_all_tps_plan: c.plan.p,
            p_all_tps_plan_lo: c.plan.lo,
            p_all_tps_plan_hi: c.plan.hi,
            p_all_tps_as_of: c.as_of.p,
            p_all_tps_as_of_lo: c.as_of.lo,
            p_all_tps_as_of_hi: c.as_of.hi,
            change: c.change,
            changed: if c.changed { "yes" } else { "no" }.into(),
        })
        .collect()
}

/// The bytes of `changed.csv`.
pub fn bytes(n: &AsOfNote) -> Result<Vec<u8>> {
    serialize_rows(&HEADER, &rows(n))
}
