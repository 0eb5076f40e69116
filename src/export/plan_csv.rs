//! `plan.csv`: one row per consignment of the plan.

use super::{csv_bytes, p4};
use crate::analysis::plan::Plan;
use crate::error::Result;
use crate::model::Model;
use crate::time::fmt_local;

/// `plan.csv`: one row per planned consignment, with the measure named in a column.
pub fn bytes(m: &Model, p: &Plan) -> Result<Vec<u8>> {
    let t = |h: Option<f64>| h.map(|h| fmt_local(&m.start, h)).unwrap_or_default();
    csv_bytes(
        &[
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
        ],
        p.rows.iter().map(|r| {
            vec![
                r.kecamatan.clone(),
                r.level.clone(),
                r.node.clone(),
                r.measure.clone(),
                p4(p.target),
                t(r.current_h),
                t(r.latest_h),
                r.status.clone(),
                match (r.latest_h, r.current_h) {
                    (Some(l), Some(c)) => format!("{:.0}", l - c),
                    _ => String::new(),
                },
                p4(r.p_at_latest.p),
                p4(r.p_at_latest.lo),
                p4(r.p_at_latest.hi),
                r.p_hour_later.map(|q| p4(q.p)).unwrap_or_default(),
                t(r.deadline_h),
            ]
        }),
    )
}
