//! Every place's figures: nodes (depot, hubs, villages), TPS, and the riskiest villages.

use serde::Serialize;

use super::{Prob, kec_name, leading, when};
use crate::engine::Acc;
use crate::engine::accum::TICKS_PER_H;
use crate::model::{Kind, Model, N_CAUSES};
use crate::stats::hist_quantile;
use crate::time::fmt_local;

/// The level of a place in the distribution tree, as the outputs name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// The KPU warehouse.
    Depot,
    /// A kecamatan's hub (PPK).
    Hub,
    /// A village (PPS).
    Village,
}

impl NodeKind {
    /// "depot", "hub" or "village", as in `summary.csv`.
    pub fn label(self) -> &'static str {
        match self {
            NodeKind::Depot => "depot",
            NodeKind::Hub => "hub",
            NodeKind::Village => "village",
        }
    }
}

/// One node's results.
#[derive(Debug, Clone, Serialize)]
pub struct NodeResult {
    /// Index in the model.
    pub index: usize,
    /// The node's name, as in the scenario.
    pub name: String,
    /// Depot, hub (PPK) or village (PPS).
    pub kind: NodeKind,
    /// Kecamatan (hub name), if any.
    pub kecamatan: Option<String>,
    /// Latitude, decimal degrees (`None`: the scenario gives no position).
    pub lat: Option<f64>,
    /// Longitude, decimal degrees.
    pub lon: Option<f64>,
    /// Stations served directly.
    pub stations: usize,
    /// Deadline, local.
    pub deadline: Option<String>,
    /// Deadline, hours from start.
    pub deadline_h: Option<f64>,
    /// Planned dispatch, local.
    pub planned_dispatch: Option<String>,
    /// Planned dispatch, hours from start.
    pub planned_h: Option<f64>,
    /// P(arrival by the deadline); `None` without a deadline.
    pub on_time: Option<Prob>,
    /// P(never arrived within the horizon).
    pub never: f64,
    /// Arrival quantiles, hours from start (`None` = beyond the horizon).
    pub p50_h: Option<f64>,
    /// 80th percentile.
    pub p80_h: Option<f64>,
    /// 95th percentile.
    pub p95_h: Option<f64>,
    /// Arrival quantiles as local datetimes ("never" beyond the horizon).
    pub p50: String,
    /// 80th percentile, local.
    pub p80: String,
    /// 95th percentile, local.
    pub p95: String,
    /// Mean lateness when late, hours.
    pub late_mean_h: Option<f64>,
    /// Expected lateness hours per replication by cause.
    pub cause_h: Vec<f64>,
    /// The cause with the most lateness, if ever late.
    pub leading_cause: Option<String>,
}

/// A village among the riskiest.
#[derive(Debug, Clone, Serialize)]
pub struct VillageRisk {
    /// Node index.
    pub index: usize,
    /// The village's name.
    pub name: String,
    /// Its kecamatan (the name of the hub that supplies it).
    pub kecamatan: Option<String>,
    /// TPS served.
    pub stations: usize,
    /// Expected late TPS (after the H-1 deadline) per replication.
    pub expected_late: f64,
    /// Share of its TPS on time (mean of their P(on time)).
    pub share_on_time: f64,
    /// The leading cause of its lateness.
    pub leading_cause: Option<String>,
}

/// One station's results.
#[derive(Debug, Clone, Serialize)]
pub struct StationResult {
    /// Node name.
    pub node: String,
    /// The TPS's kecamatan (its hub's name).
    pub kecamatan: Option<String>,
    /// Number at the node.
    pub number: usize,
    /// P(on time).
    pub on_time: Prob,
    /// Mean lateness when late, hours.
    pub late_mean_h: Option<f64>,
}

/// Every node's figures.
pub(super) fn node_results(m: &Model, acc: &Acc) -> Vec<NodeResult> {
    let n = acc.runs;
    let nf = n.max(1) as f64;
    let kec_name = |k: Option<usize>| kec_name(m, k);
    m.nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let hist = acc.hist(i);
            let q = |p| hist_quantile(hist, acc.bin_h, p);
            let cause_h: Vec<f64> = (0..N_CAUSES)
                .map(|k| acc.node_cause_ticks[i * N_CAUSES + k] as f64 / TICKS_PER_H / nf)
                .collect();
            NodeResult {
                index: i,
                name: node.name.clone(),
                kind: match node.kind {
                    Kind::Depot => NodeKind::Depot,
                    Kind::Hub => NodeKind::Hub,
                    Kind::Village => NodeKind::Village,
                },
                kecamatan: kec_name(node.kec),
                lat: node.coords.map(|c| c.0),
                lon: node.coords.map(|c| c.1),
                stations: node.stations.1,
                deadline: node.deadline.map(|d| fmt_local(&m.start, d)),
                deadline_h: node.deadline,
                planned_dispatch: node.planned.map(|d| fmt_local(&m.start, d)),
                planned_h: node.planned,
                on_time: node.deadline.map(|_| Prob::of(acc.node_on_time[i], n)),
                never: acc.node_never[i] as f64 / nf,
                p50_h: q(0.5),
                p80_h: q(0.8),
                p95_h: q(0.95),
                p50: when(m, q(0.5)),
                p80: when(m, q(0.8)),
                p95: when(m, q(0.95)),
                late_mean_h: (acc.node_late[i] > 0)
                    .then(|| acc.node_late_ticks[i] as f64 / TICKS_PER_H / acc.node_late[i] as f64),
                leading_cause: leading(&cause_h),
                cause_h,
            }
        })
        .collect()
}

/// Every station's figures.
pub(super) fn station_results(m: &Model, acc: &Acc) -> Vec<StationResult> {
    let n = acc.runs;
    let kec_name = |k: Option<usize>| kec_name(m, k);
    m.stations
        .iter()
        .enumerate()
        .map(|(s, st)| {
            let late = n - acc.station_on_time[s];
            StationResult {
                node: m.nodes[st.node].name.clone(),
                kecamatan: kec_name(m.nodes[st.node].kec),
                number: st.number,
                on_time: Prob::of(acc.station_on_time[s], n),
                late_mean_h: (late > 0)
                    .then(|| acc.station_late_ticks[s] as f64 / TICKS_PER_H / late as f64),
            }
        })
        .collect()
}

/// The ten villages with the most expected late TPS.
pub(super) fn riskiest_villages(m: &Model, acc: &Acc, nodes: &[NodeResult]) -> Vec<VillageRisk> {
    let n = acc.runs;
    let nf = n.max(1) as f64;
    let kec_name = |k: Option<usize>| kec_name(m, k);
    // Villages by expected late TPS.
    let mut late_by_node = vec![0.0f64; m.nodes.len()];
    for (si, st) in m.stations.iter().enumerate() {
        late_by_node[st.node] += (n - acc.station_on_time[si]) as f64 / nf;
    }
    let mut riskiest_villages: Vec<VillageRisk> = m
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, node)| node.stations.1 > 0 && late_by_node[*i] >= 1e-3)
        .map(|(i, node)| VillageRisk {
            index: i,
            name: node.name.clone(),
            kecamatan: kec_name(node.kec),
            stations: node.stations.1,
            expected_late: late_by_node[i],
            share_on_time: 1.0 - late_by_node[i] / node.stations.1 as f64,
            leading_cause: nodes[i].leading_cause.clone(),
        })
        .collect();
    riskiest_villages.sort_by(|a, b| {
        b.expected_late
            .total_cmp(&a.expected_late)
            .then(a.index.cmp(&b.index))
    });
    riskiest_villages.truncate(10);
    riskiest_villages
}
