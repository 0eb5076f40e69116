//! `comparison.csv`: per strategy, overall and per kecamatan: the paired difference from the
//! baseline with its interval, P(better), late TPS avoided, cost per late TPS avoided.

use super::{csv_bytes, p4};
use crate::error::Result;
use crate::strategy::{Comparison, Scope};

/// The bytes of `comparison.csv`: per strategy its overall row, then one per kecamatan.
pub fn bytes(c: &Comparison) -> Result<Vec<u8>> {
    let header = [
        "strategy",
        "scope",
        "stations",
        "cost_idr",
        "p_all_tps_on_time_base",
        "p_all_tps_on_time_strategy",
        "diff",
        "diff_lo",
        "diff_hi",
        "p_strategy_better",
        "p_strategy_worse",
        "late_tps_base",
        "late_tps_strategy",
        "late_tps_avoided",
        "late_tps_avoided_lo",
        "late_tps_avoided_hi",
        "cost_per_late_tps_avoided_idr",
        "efficient",
    ];
    let mut rows = Vec::new();
    for s in &c.strategies {
        for st in std::iter::once(&s.overall).chain(s.kecamatan.iter()) {
            let overall = st.scope == Scope::Overall;
            rows.push(vec![
                s.name.clone(),
                st.scope.label().to_string(),
                st.stations.to_string(),
                if overall {
                    s.cost_idr.map(|x| format!("{x:.0}")).unwrap_or_default()
                } else {
                    String::new()
                },
                p4(st.p_base.p),
                p4(st.p_strategy.p),
                p4(st.diff.mean),
                p4(st.diff.lo),
                p4(st.diff.hi),
                p4(st.p_better),
                p4(st.p_worse),
                format!("{:.3}", st.late_base),
                format!("{:.3}", st.late_strategy),
                format!("{:.3}", st.avoided.mean),
                format!("{:.3}", st.avoided.lo),
                format!("{:.3}", st.avoided.hi),
                st.cost_per_avoided
                    .map(|x| format!("{x:.0}"))
                    .unwrap_or_default(),
                if overall {
                    s.efficient.to_string()
                } else {
                    String::new()
                },
            ]);
        }
    }
    csv_bytes(&header, rows)
}
