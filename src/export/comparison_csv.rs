//! `comparison.csv`: per strategy, overall and per kecamatan: the paired difference from the
//! baseline with its interval, P(better), late TPS avoided, cost per late TPS avoided. The
//! rows are [`ComparisonRow`]s.

use serde::Serialize;

use super::{cell, serialize_rows};
use crate::error::Result;
use crate::strategy::{Comparison, Scope};

/// Columns of `comparison.csv` (the field names of [`ComparisonRow`]).
pub const HEADER: [&str; 18] = [
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

/// One row of `comparison.csv`: a strategy against the baseline, overall or in one kecamatan.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ComparisonRow {
    /// The strategy's name.
    #[serde(serialize_with = "cell::text")]
    pub strategy: String,
    /// `overall` or the kecamatan's name.
    #[serde(serialize_with = "cell::text")]
    pub scope: String,
    /// TPS in the scope.
    pub stations: usize,
    /// The strategy's cost, rupiah (overall row only).
    #[serde(serialize_with = "cell::f0_opt")]
    pub cost_idr: Option<f64>,
    /// P(every TPS on time) of the baseline.
    #[serde(serialize_with = "cell::p4")]
    pub p_all_tps_on_time_base: f64,
    /// P(every TPS on time) with the strategy.
    #[serde(serialize_with = "cell::p4")]
    pub p_all_tps_on_time_strategy: f64,
    /// The paired difference (strategy − baseline).
    #[serde(serialize_with = "cell::p4")]
    pub diff: f64,
    /// 95% interval of the difference, lower bound.
    #[serde(serialize_with = "cell::p4")]
    pub diff_lo: f64,
    /// Upper bound.
    #[serde(serialize_with = "cell::p4")]
    pub diff_hi: f64,
    /// P(the strategy is on time in a replication where the baseline is not).
    #[serde(serialize_with = "cell::p4")]
    pub p_strategy_better: f64,
    /// P(the baseline is on time in a replication where the strategy is not).
    #[serde(serialize_with = "cell::p4")]
    pub p_strategy_worse: f64,
    /// Expected late TPS of the baseline.
    #[serde(serialize_with = "cell::f3")]
    pub late_tps_base: f64,
    /// Expected late TPS with the strategy.
    #[serde(serialize_with = "cell::f3")]
    pub late_tps_strategy: f64,
    /// Expected late TPS avoided (paired).
    #[serde(serialize_with = "cell::f3")]
    pub late_tps_avoided: f64,
    /// 95% interval, lower bound.
    #[serde(serialize_with = "cell::f3")]
    pub late_tps_avoided_lo: f64,
    /// Upper bound.
    #[serde(serialize_with = "cell::f3")]
    pub late_tps_avoided_hi: f64,
    /// Cost per late TPS avoided, rupiah.
    #[serde(serialize_with = "cell::f0_opt")]
    pub cost_per_late_tps_avoided_idr: Option<f64>,
    /// On the cost-effectiveness frontier (overall row only).
    #[serde(serialize_with = "cell::bool_opt")]
    pub efficient: Option<bool>,
}

/// The rows: per strategy its overall row, then one per kecamatan.
pub fn rows(c: &Comparison) -> Vec<ComparisonRow> {
    let mut rows = Vec::new();
    for s in &c.strategies {
        for st in std::iter::once(&s.overall).chain(s.kecamatan.iter()) {
            let overall = st.scope == Scope::Overall;
            rows.push(ComparisonRow {
                strategy: s.name.clone(),
                scope: st.scope.label().to_string(),
                stations: st.stations,
                cost_idr: if overall { s.cost_idr } else { None },
                p_all_tps_on_time_base: st.p_base.p,
                p_all_tps_on_time_strategy: st.p_strategy.p,
                diff: st.diff.mean,
                diff_lo: st.diff.lo,
                diff_hi: st.diff.hi,
                p_strategy_better: st.p_better,
                p_strategy_worse: st.p_worse,
                late_tps_base: st.late_base,
                late_tps_strategy: st.late_strategy,
                late_tps_avoided: st.avoided.mean,
                late_tps_avoided_lo: st.avoided.lo,
                late_tps_avoided_hi: st.avoided.hi,
                cost_per_late_tps_avoided_idr: st.cost_per_avoided,
                efficient: overall.then_some(s.efficient),
            });
        }
    }
    rows
}

/// The bytes of `comparison.csv`: the header, then [`rows`].
pub fn bytes(c: &Comparison) -> Result<Vec<u8>> {
    serialize_rows(&HEADER, &rows(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_the_row_fields() {
        let names = super::super::field_names(&ComparisonRow::default()).unwrap();
        assert_eq!(names, HEADER);
    }
}
