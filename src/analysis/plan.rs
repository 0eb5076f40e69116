//! `tepat plan`: for each hub, the latest planned dispatch (to the hour) at which its
//! P(on time) stays at or above the target.
//!
//! With common random numbers the estimated P(on time) is, replication by replication, a
//! non-increasing function of the planned dispatch in all but unusual cases (a later start
//! that catches a calmer sea), so a binary search over whole hours finds the boundary with
//! about log2(hours) simulations per hub instead of one per hour. The answer is then checked:
//! the returned hour meets the target and the next hour is simulated and reported.

use serde::Serialize;

use super::{p_hub, pool, simulate};
use crate::error::Result;
use crate::export::{csv_bytes, p4};
use crate::model::Model;
use crate::summary::Prob;
use crate::time::fmt_local;

/// One hub's answer.
#[derive(Debug, Clone, Serialize)]
pub struct PlanRow {
    /// Kecamatan (hub) name.
    pub kecamatan: String,
    /// The planned dispatch in the scenario, hours from start.
    pub current_h: Option<f64>,
    /// The latest safe dispatch, hours from start (`None`: the target is not met even at the
    /// earliest hour).
    pub latest_h: Option<f64>,
    /// P(on time) at the latest safe dispatch (or at the earliest hour when unreachable).
    pub p_at_latest: Prob,
    /// P(on time) one hour later.
    pub p_hour_later: Option<Prob>,
    /// The deadline used, hours from start.
    pub deadline_h: Option<f64>,
    /// Which measure: "hub" (PPK arrival by its deadline) or "stations" (every TPS).
    pub measure: String,
}

/// The whole plan.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// Scenario name.
    pub scenario: String,
    /// Target.
    pub target: f64,
    /// Seed.
    pub seed: u64,
    /// Replications per evaluation.
    pub runs: u64,
    /// Rows, in kecamatan order.
    pub rows: Vec<PlanRow>,
}

fn with_dispatch(m: &Model, hub: usize, t: f64) -> Model {
    let mut m2 = m.clone();
    m2.nodes[hub].planned = Some(t);
    m2
}

/// Find the latest safe dispatch for every hub.
pub fn plan(m: &Model, target: f64, seed: u64, runs: u64, threads: usize) -> Result<Plan> {
    let pool = pool(threads)?;
    let mut rows = Vec::new();
    // Whole local hours: offset of time 0 from the hour.
    let off = (60.0 - m.start_minute % 60.0) % 60.0 / 60.0;
    for (k, &hub) in m.kecamatan.iter().enumerate() {
        let deadline = m.nodes[hub].deadline.or(m.nodes[hub].station_deadline);
        let last = deadline.unwrap_or(m.horizon).min(m.horizon);
        let hours = ((last - off) / 1.0).floor().max(0.0) as i64;
        let eval = |i: i64| -> Result<Prob> {
            let acc = simulate(&pool, &with_dispatch(m, hub, off + i as f64), seed, runs)?;
            Ok(p_hub(m, &acc, k))
        };
        let p0 = eval(0)?;
        let measure = if m.nodes[hub].deadline.is_some() {
            "hub"
        } else {
            "stations"
        }
        .to_string();
        if p0.p < target {
            rows.push(PlanRow {
                kecamatan: m.nodes[hub].name.clone(),
                current_h: m.nodes[hub].planned,
                latest_h: None,
                p_at_latest: p0,
                p_hour_later: None,
                deadline_h: deadline,
                measure,
            });
            continue;
        }
        // Invariant: P(lo) >= target; P(hi) < target or hi = hours + 1 (past the end).
        let (mut lo, mut hi) = (0i64, hours + 1);
        let mut p_lo = p0;
        while hi - lo > 1 {
            let mid = (lo + hi) / 2;
            let p = eval(mid)?;
            if p.p >= target {
                lo = mid;
                p_lo = p;
            } else {
                hi = mid;
            }
        }
        let p_next = if lo < hours {
            Some(eval(lo + 1)?)
        } else {
            None
        };
        rows.push(PlanRow {
            kecamatan: m.nodes[hub].name.clone(),
            current_h: m.nodes[hub].planned,
            latest_h: Some(off + lo as f64),
            p_at_latest: p_lo,
            p_hour_later: p_next,
            deadline_h: deadline,
            measure,
        });
    }
    Ok(Plan {
        scenario: m.name.clone(),
        target,
        seed,
        runs,
        rows,
    })
}

/// `plan.csv`.
pub fn csv(m: &Model, p: &Plan) -> Result<Vec<u8>> {
    let t = |h: Option<f64>| h.map(|h| fmt_local(&m.start, h)).unwrap_or_default();
    csv_bytes(
        &[
            "kecamatan",
            "measure",
            "planned_dispatch",
            "latest_safe_dispatch",
            "slack_h",
            "p_on_time_at_latest",
            "p_lo",
            "p_hi",
            "p_on_time_hour_later",
            "deadline",
        ],
        p.rows.iter().map(|r| {
            vec![
                r.kecamatan.clone(),
                r.measure.clone(),
                t(r.current_h),
                r.latest_h
                    .map(|h| fmt_local(&m.start, h))
                    .unwrap_or_else(|| "target not reachable".into()),
                match (r.latest_h, r.current_h) {
                    (Some(l), Some(c)) => format!("{:.0}", l - c),
                    _ => String::new(),
                },
                p4(r.p_at_latest.p),
                p4(r.p_at_latest.lo),
                p4(r.p_at_latest.hi),
                r.p_hour_later.map(|q| p4(q.p)).unwrap_or_default(),
                t(r.deadline_h),
            ]
        }),
    )
}
