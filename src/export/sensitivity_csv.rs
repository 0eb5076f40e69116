//! `sensitivity.csv`: one row per input, widest swing first.

use super::{csv_bytes, p4};
use crate::analysis::sensitivity::Sensitivity;
use crate::error::Result;

/// `sensitivity.csv`.
pub fn bytes(s: &Sensitivity) -> Result<Vec<u8>> {
    csv_bytes(
        &[
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
        ],
        s.effects.iter().enumerate().map(|(i, e)| {
            vec![
                (i + 1).to_string(),
                e.input.clone(),
                e.low.clone(),
                e.high.clone(),
                p4(e.p_low.p),
                p4(e.p_low.lo),
                p4(e.p_low.hi),
                p4(e.p_high.p),
                p4(e.p_high.lo),
                p4(e.p_high.hi),
                p4(e.swing),
                p4(s.base.p),
            ]
        }),
    )
}
