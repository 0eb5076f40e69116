//! Every link's criticality: how often it is the critical link of a late TPS.

use serde::Serialize;

use super::Prob;
use crate::engine::Acc;
use crate::engine::accum::TICKS_PER_H;
use crate::model::Model;

/// One link's criticality.
#[derive(Debug, Clone, Serialize)]
pub struct LinkResult {
    /// The link's name, as in the scenario.
    pub name: String,
    /// road, ferry or boat.
    pub mode: String,
    /// P(the link is the critical link of at least one late station).
    pub critical: Prob,
    /// Expected late stations for which it is the critical link.
    pub late_stations: f64,
    /// Mean delay on the link when critical, hours.
    pub delay_when_critical_h: Option<f64>,
}

/// Every link's criticality, most critical first.
pub(super) fn link_results(m: &Model, acc: &Acc) -> Vec<LinkResult> {
    let n = acc.runs;
    let nf = n.max(1) as f64;
    let mut links: Vec<LinkResult> = m
        .links
        .iter()
        .enumerate()
        .map(|(l, link)| LinkResult {
            name: link.name.clone(),
            mode: format!("{:?}", link.mode).to_lowercase(),
            critical: Prob::of(acc.link_critical[l], n),
            late_stations: acc.link_late_stations[l] as f64 / nf,
            delay_when_critical_h: (acc.link_late_stations[l] > 0).then(|| {
                acc.link_delay_ticks[l] as f64 / TICKS_PER_H / acc.link_late_stations[l] as f64
            }),
        })
        .collect();
    links.sort_by(|a, b| {
        b.critical
            .p
            .total_cmp(&a.critical.p)
            .then(b.late_stations.total_cmp(&a.late_stations))
            .then(a.name.cmp(&b.name))
    });
    links
}
