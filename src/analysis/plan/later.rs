//! The second step of `tepat plan`: hubs dispatched later than the one pass says, where full
//! simulations show it is safe.
//!
//! The one pass assumes that arrival never comes earlier when a consignment leaves later. Where
//! that fails (a boat that leaves later and meets calmer water, a fallback route chosen at
//! dispatch, a ferry timetable), its latest dispatch of a replication can be earlier than the
//! true one, and the plan too early: safe, but it asks the PPK to leave hours before it must.
//! So, after the plan has been simulated and meets the target, each hub's dispatch is searched
//! upwards over whole local hours, from the plan's hour to its last hour (the hub's deadline
//! for the PPK measure, else its TPS deadline, else the horizon), every step a full simulation
//! of the whole plan on the same replications, all hubs searched at once: first one hour
//! later for every hub, then, for the hubs that could move, by bisection. A
//! hub keeps a later hour only where every kecamatan still meets the target with all the
//! later hours applied together; one that does not goes back to the plan's hour.

use super::{Measure, p_measure};
use crate::analysis::simulate;
use crate::engine::Acc;
use crate::error::Result;
use crate::model::Model;

/// Offset of whole local hours from the start, hours.
fn hour_offset(m: &Model) -> f64 {
    (60.0 - m.start_minute % 60.0) % 60.0 / 60.0
}

/// The last whole local hour at which hub `hub` may still be dispatched under `measure`.
pub(super) fn last_hour(m: &Model, hub: usize, measure: Measure) -> f64 {
    let off = hour_offset(m);
    let last = match measure {
        Measure::Ppk => m.nodes[hub].deadline,
        Measure::Tps => None,
    }
    .or(m.nodes[hub].station_deadline)
    .unwrap_or(m.horizon)
    .min(m.horizon);
    off + (last - off).floor().max(0.0)
}

/// What the search of one run needs.
pub(super) struct Search<'a> {
    pub pool: &'a rayon::ThreadPool,
    /// The scenario.
    pub m: &'a Model,
    /// The plan applied (every recommended dispatch).
    pub planned: Model,
    pub seed: u64,
    pub runs: u64,
    pub target: f64,
    pub measure: Measure,
}

/// The hubs' dispatch hours after the upward search, and the simulation of the plan with them.
/// `hours[k]` is kecamatan k's hub hour in the plan (`None`: not searched, e.g. unreachable or
/// dispatched as soon as ready); `acc` is the simulation of `s.planned`, which meets the target
/// for every searched kecamatan.
pub(super) fn later_hubs(
    s: &Search,
    hours: &[Option<f64>],
    acc: Acc,
) -> Result<(Vec<Option<f64>>, Acc)> {
    let m = s.m;
    let nk = m.kecamatan.len();
    let meets = |acc: &Acc, k: usize| p_measure(m, acc, k, s.measure).p >= s.target;
    // Bisection brackets in whole hours: `lo` is safe, `hi` is not (or past the last hour).
    let mut lo: Vec<Option<f64>> = (0..nk)
        .map(|k| hours[k].filter(|t| t.is_finite() && meets(&acc, k)))
        .collect();
    let mut hi: Vec<f64> = (0..nk)
        .map(|k| last_hour(m, m.kecamatan[k], s.measure) + 1.0)
        .collect();
    let with = |times: &[Option<f64>]| -> Model {
        let mut m2 = s.planned.clone();
        for (k, t) in times.iter().enumerate() {
            if let Some(t) = t {
                m2.nodes[m.kecamatan[k]].planned = Some(*t);
            }
        }
        m2
    };
    // The first step tries one hour later for every hub, so that a plan none of whose hubs
    // can move costs one simulation; the hubs that can move are then bisected.
    // As of a time, the plan's hour may be the as-of time itself, not a whole hour: the
    // steps go to whole hours after it.
    let off = hour_offset(m);
    let next = |l: f64| off + (l - off + 1e-9).floor() + 1.0;
    let mut first = true;
    loop {
        let mid: Vec<Option<f64>> = (0..nk)
            .map(|k| {
                lo[k].map(|l| {
                    let n = next(l);
                    if n >= hi[k] {
                        l
                    } else if first {
                        n
                    } else {
                        (off + (0.5 * (l + hi[k]) - off).floor()).max(n)
                    }
                })
            })
            .collect();
        first = false;
        if (0..nk).all(|k| mid[k] == lo[k]) {
            break;
        }
        let a = simulate(s.pool, &with(&mid), s.seed, s.runs)?;
        for k in 0..nk {
            if let (Some(t), Some(l)) = (mid[k], lo[k])
                && t != l
            {
                if meets(&a, k) {
                    lo[k] = Some(t);
                } else {
                    hi[k] = t;
                }
            }
        }
    }
    // All the later hours together; a kecamatan below the target there goes back to the plan's
    // hour, until every kecamatan meets it (at worst, every hub back at the plan's hour, which
    // is `acc`).
    let mut times: Vec<Option<f64>> = (0..nk)
        .map(|k| match (lo[k], hours[k]) {
            (Some(l), Some(h)) if l > h => Some(l),
            _ => None,
        })
        .collect();
    loop {
        if times.iter().all(Option::is_none) {
            return Ok((hours.to_vec(), acc));
        }
        let a = simulate(s.pool, &with(&times), s.seed, s.runs)?;
        let below: Vec<usize> = (0..nk)
            .filter(|&k| meets(&acc, k) && !meets(&a, k))
            .collect();
        if below.is_empty() {
            let out = (0..nk).map(|k| times[k].or(hours[k])).collect();
            return Ok((out, a));
        }
        // Those of them that moved go back; if none moved, the others' moves are to blame and
        // every hub goes back.
        let moved: Vec<usize> = below.into_iter().filter(|&k| times[k].is_some()).collect();
        if moved.is_empty() {
            times.iter_mut().for_each(|t| *t = None);
        }
        for k in moved {
            times[k] = None;
        }
    }
}
