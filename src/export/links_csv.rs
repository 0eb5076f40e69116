//! `links.csv`: how often each link is the critical link of late stations.

use super::{csv_bytes, h2, opt, p4};
use crate::error::Result;
use crate::summary::Summary;

/// Serialise.
pub fn bytes(s: &Summary) -> Result<Vec<u8>> {
    csv_bytes(
        &[
            "link",
            "mode",
            "p_critical",
            "p_critical_lo",
            "p_critical_hi",
            "expected_late_tps",
            "delay_when_critical_h",
        ],
        s.links.iter().map(|l| {
            vec![
                l.name.clone(),
                l.mode.clone(),
                p4(l.critical.p),
                p4(l.critical.lo),
                p4(l.critical.hi),
                format!("{:.3}", l.late_stations),
                opt(l.delay_when_critical_h, h2),
            ]
        }),
    )
}
