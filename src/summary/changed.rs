//! An as-of run against the plan: which kecamatan moved.

use serde::Serialize;

use super::{Prob, Summary};

/// A kecamatan's P(every TPS by H-1) in the plan and as of a time of the distribution week
/// (`tepat run --status --as-of`).
#[derive(Debug, Clone, Serialize)]
pub struct Changed {
    /// The kecamatan.
    pub kecamatan: String,
    /// In the plan (the plain run on the same seed and replications).
    pub plan: Prob,
    /// As of the status.
    pub as_of: Prob,
    /// As of minus plan.
    pub change: f64,
    /// Whether it moved by more than the half-width of its 95% interval as of the status.
    pub changed: bool,
}

/// Every kecamatan's P(every TPS by H-1) in the plan and as of the status, in file order;
/// `changed` marks those that moved by more than their 95% half-width (as of the status).
pub fn changed_since(plan: &Summary, now: &Summary) -> Vec<Changed> {
    plan.kecamatan
        .iter()
        .zip(&now.kecamatan)
        .map(|(a, b)| {
            let (p, q) = (a.all_stations_on_time, b.all_stations_on_time);
            let change = q.p - p.p;
            Changed {
                kecamatan: b.name.clone(),
                plan: p,
                as_of: q,
                change,
                changed: change.abs() > (q.hi - q.lo) / 2.0,
            }
        })
        .collect()
}
