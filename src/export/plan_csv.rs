//! `plan.csv`: one row per consignment of the plan ([`PlanCsvRow`]).

use serde::Serialize;

use super::{cell, serialize_rows};
use crate::analysis::plan::Plan;
use crate::error::Result;
use crate::time::fmt_local;

/// Columns of `plan.csv` (the field names of [`PlanCsvRow`]).
pub const HEADER: [&str; 14] = [
    "kecamatan",
    "level",
    "node",
    "measure",
    "target",
    "planned_dispatch",
    "latest_safe_dispatch",
    "status",
    "slack_h",
    "p_kecamatan_with_plan",
    "p_lo",
    "p_hi",
    "p_if_this_one_hour_later",
    "deadline",
];

/// One row of `plan.csv`: a planned consignment, with the measure named in a column.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PlanCsvRow {
    /// The kecamatan.
    #[serde(serialize_with = "cell::text")]
    pub kecamatan: String,
    /// PPK or PPS.
    #[serde(serialize_with = "cell::text")]
    pub level: String,
    /// The node the consignment goes to.
    #[serde(serialize_with = "cell::text")]
    pub node: String,
    /// What the plan keeps at the target.
    #[serde(serialize_with = "cell::text")]
    pub measure: String,
    /// The target.
    #[serde(serialize_with = "cell::p4")]
    pub target: f64,
    /// The scenario's dispatch, local time.
    #[serde(serialize_with = "cell::text")]
    pub planned_dispatch: String,
    /// The plan's latest safe dispatch, local time.
    #[serde(serialize_with = "cell::text")]
    pub latest_safe_dispatch: String,
    /// What the time means.
    #[serde(serialize_with = "cell::text")]
    pub status: String,
    /// Latest safe minus planned dispatch, hours.
    #[serde(serialize_with = "cell::f0_opt")]
    pub slack_h: Option<f64>,
    /// P(the measure) with the whole plan applied.
    #[serde(serialize_with = "cell::p4")]
    pub p_kecamatan_with_plan: f64,
    /// 95% interval, lower bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_lo: f64,
    /// Upper bound.
    #[serde(serialize_with = "cell::p4")]
    pub p_hi: f64,
    /// P(the measure) if only this consignment leaves an hour later.
    #[serde(serialize_with = "cell::p4_opt")]
    pub p_if_this_one_hour_later: Option<f64>,
    /// The deadline it is planned against, local time.
    #[serde(serialize_with = "cell::text")]
    pub deadline: String,
}

/// The rows, one per planned consignment (the plan's order).
pub fn rows(p: &Plan) -> Vec<PlanCsvRow> {
    let t = |h: Option<f64>| h.map(|h| fmt_local(&p.clock.start, h)).unwrap_or_default();
    p.rows
        .iter()
        .map(|r| PlanCsvRow {
            kecamatan: r.kecamatan.clone(),
            level: r.level.clone(),
            node: r.node.clone(),
            measure: r.measure.clone(),
            target: p.target,
            planned_dispatch: t(r.current_h),
            latest_safe_dispatch: t(r.latest_h),
            status: r.status.clone(),
            slack_h: match (r.latest_h, r.current_h) {
                (Some(l), Some(c)) => Some(l - c),
                _ => None,
            },
            p_kecamatan_with_plan: r.p_at_latest.p,
            p_lo: r.p_at_latest.lo,
            p_hi: r.p_at_latest.hi,
            p_if_this_one_hour_later: r.p_hour_later.map(|q| q.p),
            deadline: t(r.deadline_h),
        })
        .collect()
}

/// `plan.csv`: the header, then [`rows`].
pub fn bytes(p: &Plan) -> Result<Vec<u8>> {
    serialize_rows(&HEADER, &rows(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_the_row_fields() {
        let names = super::super::field_names(&PlanCsvRow::default()).unwrap();
        assert_eq!(names, HEADER);
    }
}
