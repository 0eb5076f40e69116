//! `sensitivity.csv`: one row per input, widest swing first. The rows are
//! [`SensitivityRow`]s.

use serde::Serialize;

use super::{cell, serialize_rows};
use crate::analysis::sensitivity::Sensitivity;
use crate::error::Result;

/// Columns of `sensitivity.csv` (the field names of [`SensitivityRow`]).
pub const HEADER: [&str; 12] = [
    "rank",
    "input",
    "low_setting",
    "high_setting",
    "p_all_tps_on_time_low",
    "p_low_lo",
    "p_low_hi",
    "p_all_tps_on_time_high",
    "p_high_lo",
    "p_high_hi",
    "swing",
    "p_base",
];

/// One row of `sensitivity.csv`: one input at its low and high settings.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SensitivityRow {
    /// 1 for the widest swing.
    pub rank: usize,
    /// The input.
    #[serde(serialize_with = "cell::text")]
    pub input: String,
    /// Its low setting.
    #[serde(serialize_with = "cell::text")]
    pub low_setting: String,
    /// Its high setting.
    #[serde(serialize_with = "cell::text")]
    pub high_setting: String,
    /// P(every TPS on time) at the low setting.
    #[serde(serialize_with = "cell::p4")]
    pub p_all_tps_on_time_low: f64,
    /// 95% interval, lower bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_low_lo: f64,
    /// Upper bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_low_hi: f64,
    /// P(every TPS on time) at the high setting.
    #[serde(serialize_with = "cell::p4")]
    pub p_all_tps_on_time_high: f64,
    /// 95% interval, lower bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_high_lo: f64,
    /// Upper bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_high_hi: f64,
    /// The swing between the two.
    #[serde(serialize_with = "cell::p4")]
    pub swing: f64,
    /// P(every TPS on time) of the scenario as written.
    #[serde(serialize_with = "cell::p4")]
    pub p_base: f64,
}

/// The rows, widest swing first.
pub fn rows(s: &Sensitivity) -> Vec<SensitivityRow> {
    s.effects
        .iter()
        .enumerate()
        .map(|(i, e)| SensitivityRow {
            rank: i + 1,
            input: e.input.clone(),
            low_setting: e.low.clone(),
            high_setting: e.high.clone(),
            p_all_tps_on_time_low: e.p_low.p,
            p_low_lo: e.p_low.lo,
            p_low_hi: e.p_low.hi,
            p_all_tps_on_time_high: e.p_high.p,
            p_high_lo: e.p_high.lo,
            p_high_hi: e.p_high.hi,
            swing: e.swing,
            p_base: s.base.p,
        })
        .collect()
}

/// `sensitivity.csv`: the header, then [`rows`].
pub fn bytes(s: &Sensitivity) -> Result<Vec<u8>> {
    serialize_rows(&HEADER, &rows(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_the_row_fields() {
        let names = super::super::field_names(&SensitivityRow::default()).unwrap();
        assert_eq!(names, HEADER);
    }
}
