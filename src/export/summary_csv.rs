//! `summary.csv`: one row per kecamatan, then one per village (and any other node with a
//! deadline or stations).

use super::{csv_bytes, h2, opt, p4};
use crate::error::Result;
use crate::summary::Summary;

/// Columns of `summary.csv`.
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
    // Share of replications in which the materials had not arrived by the end of the
    // horizon ("never arrived"; the arrival quantiles then read "never").
    "p_never_arrived",
    // Kecamatan rows: P(some TPS without materials when voting opens) with its interval, the
    // expected number of such TPS, whether P(every TPS on time) is below the target, and the
    // 5th, 50th and 95th percentiles of the kecamatan's latest TPS arrival.
    "p_some_tps_without_materials_at_opening",
    "p_some_tps_without_materials_at_opening_lo",
    "p_some_tps_without_materials_at_opening_hi",
    "expected_tps_without_materials_at_opening",
    "below_target",
    "last_tps_p05",
    "last_tps_p50",
    "last_tps_p95",
];

/// Serialise.
pub fn bytes(s: &Summary) -> Result<Vec<u8>> {
    let mut rows = Vec::new();
    for k in &s.kecamatan {
        let hub = &s.nodes[k.hub];
        rows.push(vec![
            "kecamatan".into(),
            k.name.clone(),
            k.name.clone(),
            k.stations.to_string(),
            opt(hub.on_time.map(|p| p.p), p4),
            opt(hub.on_time.map(|p| p.lo), p4),
            opt(hub.on_time.map(|p| p.hi), p4),
            p4(k.all_stations_on_time.p),
            p4(k.all_stations_on_time.lo),
            p4(k.all_stations_on_time.hi),
            format!("{:.3}", k.late_stations.mean),
            hub.deadline.clone().unwrap_or_default(),
            hub.p50.clone(),
            hub.p80.clone(),
            hub.p95.clone(),
            opt(hub.late_mean_h, h2),
            k.leading_cause.clone().unwrap_or_default(),
            p4(hub.never),
            opt(k.some_without_materials_at_opening.map(|p| p.p), p4),
            opt(k.some_without_materials_at_opening.map(|p| p.lo), p4),
            opt(k.some_without_materials_at_opening.map(|p| p.hi), p4),
            opt(k.without_materials_at_opening.map(|m| m.mean), |x| {
                format!("{x:.3}")
            }),
            if k.below_target { "yes" } else { "no" }.into(),
            k.last_tps[0].clone(),
            k.last_tps[1].clone(),
            k.last_tps[2].clone(),
        ]);
    }
    for n in &s.nodes {
        if n.kind == "hub" && s.kecamatan.iter().any(|k| k.hub == n.index) {
            continue;
        }
        rows.push(vec![
            n.kind.clone(),
            n.name.clone(),
            n.kecamatan.clone().unwrap_or_default(),
            n.stations.to_string(),
            opt(n.on_time.map(|p| p.p), p4),
            opt(n.on_time.map(|p| p.lo), p4),
            opt(n.on_time.map(|p| p.hi), p4),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            n.deadline.clone().unwrap_or_default(),
            n.p50.clone(),
            n.p80.clone(),
            n.p95.clone(),
            opt(n.late_mean_h, h2),
            n.leading_cause.clone().unwrap_or_default(),
            p4(n.never),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    csv_bytes(&HEADER, rows)
}
