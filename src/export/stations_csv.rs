//! `stations.csv`: one row per station (TPS).

use super::{csv_bytes, h2, opt, p4};
use crate::error::Result;
use crate::summary::Summary;

/// Serialise.
pub fn bytes(s: &Summary) -> Result<Vec<u8>> {
    csv_bytes(
        &[
            "kecamatan",
            "node",
            "tps",
            "p_on_time",
            "p_on_time_lo",
            "p_on_time_hi",
            "late_mean_h",
        ],
        s.station_results.iter().map(|r| {
            vec![
                r.kecamatan.clone().unwrap_or_default(),
                r.node.clone(),
                format!("{:03}", r.number),
                p4(r.on_time.p),
                p4(r.on_time.lo),
                p4(r.on_time.hi),
                opt(r.late_mean_h, h2),
            ]
        }),
    )
}
