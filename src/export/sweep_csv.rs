//! `sweep.csv`: one row per value of the swept parameter, overall and per kecamatan.

use super::{csv_bytes, p4};
use crate::analysis::sweep::Sweep;
use crate::error::Result;

/// `sweep.csv`: one row per point and scope.
pub fn bytes(s: &Sweep) -> Result<Vec<u8>> {
    let mut rows = Vec::new();
    for p in &s.points {
        rows.push(vec![
            s.key.clone(),
            p.label.clone(),
            "overall".into(),
            p4(p.all_on_time.p),
            p4(p.all_on_time.lo),
            p4(p.all_on_time.hi),
            format!("{:.3}", p.late_stations.mean),
        ]);
        for (k, name) in s.kecamatan.iter().enumerate() {
            let q = p.kecamatan[k];
            rows.push(vec![
                s.key.clone(),
                p.label.clone(),
                name.clone(),
                p4(q.p),
                p4(q.lo),
                p4(q.hi),
                String::new(),
            ]);
        }
    }
    csv_bytes(
        &[
            "key",
            "value",
            "scope",
            "p_all_tps_on_time",
            "p_lo",
            "p_hi",
            "expected_late_tps",
        ],
        rows,
    )
}
