//! `summary.csv`: one row per kecamatan, then one per village (and any other node with a
//! deadline or stations). The rows ([`SummaryRow`]) are also the report's tables.

use serde::Serialize;

use super::{cell, serialize_rows};
use crate::error::Result;
use crate::summary::{NodeKind, Summary};

/// Columns of `summary.csv` (the field names of [`SummaryRow`]; a test checks they agree).
pub const HEADER: [&str; 26] = [
    "level",
    "name",
    "kecamatan",
    "stations",
    "p_on_time",
    "p_on_time_lo",
    "p_on_time_hi",
    "p_all_tps_on_time",
    "p_all_tps_lo",
    "p_all_tps_hi",
    "expected_late_tps",
    "deadline",
    "arrival_p50",
    "arrival_p80",
    "arrival_p95",
    "late_mean_h",
    "leading_cause",
    "p_never_arrived",
    "p_some_tps_without_materials_at_opening",
    "p_some_tps_without_materials_at_opening_lo",
    "p_some_tps_without_materials_at_opening_hi",
    "expected_tps_without_materials_at_opening",
    "below_target",
    "last_tps_p05",
    "last_tps_p50",
    "last_tps_p95",
];

/// What a row of `summary.csv` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A kecamatan: its hub (PPK) and every TPS of it.
    Kecamatan,
    /// The depot.
    Depot,
    /// A hub that is not a kecamatan's.
    Hub,
    /// A village (PPS).
    Village,
}

impl From<NodeKind> for Level {
    fn from(k: NodeKind) -> Self {
        match k {
            NodeKind::Depot => Level::Depot,
            NodeKind::Hub => Level::Hub,
            NodeKind::Village => Level::Village,
        }
    }
}

impl Level {
    /// As written in the `level` column.
    pub fn label(self) -> &'static str {
        match self {
            Level::Kecamatan => "kecamatan",
            Level::Depot => "depot",
            Level::Hub => "hub",
            Level::Village => "village",
        }
    }
}

/// One row of `summary.csv`. The columns from `p_all_tps_on_time` on that only a kecamatan
/// has are empty (`None`) on the other rows.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryRow {
    /// Kecamatan, depot, hub or village.
    pub level: Level,
    /// The place's name.
    #[serde(serialize_with = "cell::text")]
    pub name: String,
    /// Its kecamatan (a kecamatan's own name on its row).
    #[serde(serialize_with = "cell::text_opt")]
    pub kecamatan: Option<String>,
    /// TPS served (a kecamatan: all of its TPS).
    pub stations: usize,
    /// P(arrival by the place's own deadline) (a kecamatan: its PPK's).
    #[serde(serialize_with = "cell::p4_opt")]
    pub p_on_time: Option<f64>,
    /// Its 95% interval, lower bound.
    #[serde(serialize_with = "cell::p4_opt")]
    pub p_on_time_lo: Option<f64>,
    /// Upper bound.
    #[serde(serialize_with = "cell::p4_opt")]
    pub p_on_time_hi: Option<f64>,
    /// P(every TPS of the kecamatan by H-1).
    #[serde(serialize_with = "cell::p4_opt")]
    pub p_all_tps_on_time: Option<f64>,
    /// Lower bound.
    #[serde(serialize_with = "cell::p4_opt")]
    pub p_all_tps_lo: Option<f64>,
    /// Upper bound.
    #[serde(serialize_with = "cell::p4_opt")]
    pub p_all_tps_hi: Option<f64>,
    /// Expected late TPS of the kecamatan.
    #[serde(serialize_with = "cell::f3_opt")]
    pub expected_late_tps: Option<f64>,
    /// The place's deadline, local.
    #[serde(serialize_with = "cell::text_opt")]
    pub deadline: Option<String>,
    /// Arrival percentiles, local ("never" beyond the horizon).
    #[serde(serialize_with = "cell::text")]
    pub arrival_p50: String,
    /// 80th percentile.
    #[serde(serialize_with = "cell::text")]
    pub arrival_p80: String,
    /// 95th percentile.
    #[serde(serialize_with = "cell::text")]
    pub arrival_p95: String,
    /// Mean lateness when late, hours.
    #[serde(serialize_with = "cell::h2_opt")]
    pub late_mean_h: Option<f64>,
    /// The cause with the most lateness (a kecamatan: of its TPS).
    #[serde(serialize_with = "cell::text_opt")]
    pub leading_cause: Option<String>,
    /// Share of replications in which the materials had not arrived by the end of the
    /// horizon ("never arrived"; the arrival percentiles then read "never").
    #[serde(serialize_with = "cell::p4")]
    pub p_never_arrived: f64,
    /// P(some TPS without materials when voting opens).
    #[serde(serialize_with = "cell::p4_opt")]
    pub p_some_tps_without_materials_at_opening: Option<f64>,
    /// Lower bound.
    #[serde(serialize_with = "cell::p4_opt")]
    pub p_some_tps_without_materials_at_opening_lo: Option<f64>,
    /// Upper bound.
    #[serde(serialize_with = "cell::p4_opt")]
    pub p_some_tps_without_materials_at_opening_hi: Option<f64>,
    /// Expected TPS without materials when voting opens.
    #[serde(serialize_with = "cell::f3_opt")]
    pub expected_tps_without_materials_at_opening: Option<f64>,
    /// Whether P(every TPS by H-1) is below the target.
    #[serde(serialize_with = "cell::yes_no_opt")]
    pub below_target: Option<bool>,
    /// The kecamatan's latest TPS arrival: 5th percentile, local.
    #[serde(serialize_with = "cell::text_opt")]
    pub last_tps_p05: Option<String>,
    /// 50th percentile.
    #[serde(serialize_with = "cell::text_opt")]
    pub last_tps_p50: Option<String>,
    /// 95th percentile.
    #[serde(serialize_with = "cell::text_opt")]
    pub last_tps_p95: Option<String>,
}

/// The rows: every kecamatan (riskiest or not, in file order), then every other node.
pub fn rows(s: &Summary) -> Vec<SummaryRow> {
    let mut rows = Vec::new();
    for k in &s.kecamatan {
        let hub = &s.nodes[k.hub];
        let opening = k.some_without_materials_at_opening;
        rows.push(SummaryRow {
            level: Level::Kecamatan,
            name: k.name.clone(),
            kecamatan: Some(k.name.clone()),
            stations: k.stations,
            p_on_time: hub.on_time.map(|p| p.p),
            p_on_time_lo: hub.on_time.map(|p| p.lo),
            p_on_time_hi: hub.on_time.map(|p| p.hi),
            p_all_tps_on_time: Some(k.all_stations_on_time.p),
            p_all_tps_lo: Some(k.all_stations_on_time.lo),
            p_all_tps_hi: Some(k.all_stations_on_time.hi),
            expected_late_tps: Some(k.late_stations.mean),
            deadline: hub.deadline.clone(),
            arrival_p50: hub.p50.clone(),
            arrival_p80: hub.p80.clone(),
            arrival_p95: hub.p95.clone(),
            late_mean_h: hub.late_mean_h,
            leading_cause: k.leading_cause.clone(),
            p_never_arrived: hub.never,
            p_some_tps_without_materials_at_opening: opening.map(|p| p.p),
            p_some_tps_without_materials_at_opening_lo: opening.map(|p| p.lo),
            p_some_tps_without_materials_at_opening_hi: opening.map(|p| p.hi),
            expected_tps_without_materials_at_opening: k
                .without_materials_at_opening
                .map(|m| m.mean),
            below_target: Some(k.below_target),
            last_tps_p05: Some(k.last_tps[0].clone()),
            last_tps_p50: Some(k.last_tps[1].clone()),
            last_tps_p95: Some(k.last_tps[2].clone()),
        });
    }
    for n in &s.nodes {
        if n.kind == NodeKind::Hub && s.kecamatan.iter().any(|k| k.hub == n.index) {
            continue;
        }
        rows.push(SummaryRow {
            level: n.kind.into(),
            name: n.name.clone(),
            kecamatan: n.kecamatan.clone(),
            stations: n.stations,
            p_on_time: n.on_time.map(|p| p.p),
            p_on_time_lo: n.on_time.map(|p| p.lo),
            p_on_time_hi: n.on_time.map(|p| p.hi),
            p_all_tps_on_time: None,
            p_all_tps_lo: None,
            p_all_tps_hi: None,
            expected_late_tps: None,
            deadline: n.deadline.clone(),
            arrival_p50: n.p50.clone(),
            arrival_p80: n.p80.clone(),
            arrival_p95: n.p95.clone(),
            late_mean_h: n.late_mean_h,
            leading_cause: n.leading_cause.clone(),
            p_never_arrived: n.never,
            p_some_tps_without_materials_at_opening: None,
            p_some_tps_without_materials_at_opening_lo: None,
            p_some_tps_without_materials_at_opening_hi: None,
            expected_tps_without_materials_at_opening: None,
            below_target: None,
            last_tps_p05: None,
            last_tps_p50: None,
            last_tps_p95: None,
        });
    }
    rows
}

/// The bytes of `summary.csv`: the header, then [`rows`].
pub fn bytes(s: &Summary) -> Result<Vec<u8>> {
    serialize_rows(&HEADER, &rows(s))
}
