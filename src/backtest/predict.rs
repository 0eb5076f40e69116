//! The predictive distribution of every observed quantity: the model's replications, each
//! read for the quantities of the record.
//!
//! Replication `r` of a seed is the same replication as in `tepat run` (the same random
//! numbers), and the draws are kept in replication order, so the result is the same for any
//! number of threads.

use rayon::prelude::*;

use super::record::Quantity;
use crate::engine::Scratch;
use crate::error::{Error, Result};
use crate::model::Kind;
use crate::model::Model;

/// Replications per parallel task.
const CHUNK: u64 = 256;

/// The value of `q` in the replication held by `s`. Times are hours from the start; a time
/// never reached within the horizon is the horizon (an arrival "never" sorts after every
/// arrival within the horizon, as for a CDF).
pub fn value(m: &Model, s: &mut Scratch, q: &Quantity, villages: &[Vec<usize>]) -> f64 {
    let cap = |t: f64| {
        if t.is_finite() {
            t.min(m.horizon)
        } else {
            m.horizon
        }
    };
    match *q {
        Quantity::Arrival(i) => cap(s.arrival[i]),
        Quantity::Dispatch(i) => cap(s.dispatched[i]),
        Quantity::FirstVillageArrival(k) => cap(villages[k]
            .iter()
            .map(|&i| s.arrival[i])
            .fold(f64::INFINITY, f64::min)),
        Quantity::LastVillageArrival(k) => cap(villages[k]
            .iter()
            .map(|&i| s.arrival[i])
            .fold(f64::NEG_INFINITY, f64::max)),
        Quantity::LastHubArrival => cap(m
            .kecamatan
            .iter()
            .map(|&h| s.arrival[h])
            .fold(f64::NEG_INFINITY, f64::max)),
        Quantity::Damaged(k) => damaged(m, s, k) as u8 as f64,
        Quantity::KecamatanDamaged => {
            (0..m.kecamatan.len()).filter(|&k| damaged(m, s, k)).count() as f64
        }
        Quantity::HubDamaged(k) => s.damaged[m.kecamatan[k]] as u8 as f64,
        Quantity::HubsDamaged => m.kecamatan.iter().filter(|&&h| s.damaged[h]).count() as f64,
        Quantity::LateTps(Some(k)) => s.kec_late[k] as f64,
        Quantity::LateTps(None) => s.late_total as f64,
        Quantity::LinkClosed(li, a, b) => s.blocked_during(m, li, a, b) as u8 as f64,
    }
}

/// Whether any consignment of kecamatan `k` (its hub, its villages) was damaged.
fn damaged(m: &Model, s: &Scratch, k: usize) -> bool {
    m.nodes
        .iter()
        .enumerate()
        .any(|(i, n)| n.kec == Some(k) && s.damaged[i])
}

/// The villages of each kecamatan (node indices).
pub fn villages(m: &Model) -> Vec<Vec<usize>> {
    let mut v = vec![Vec::new(); m.kecamatan.len()];
    for (i, n) in m.nodes.iter().enumerate() {
        if let (Kind::Village, Some(k)) = (n.kind, n.kec) {
            v[k].push(i);
        }
    }
    v
}

/// The draws of every quantity over replications `0..runs` of `seed`: `out[q][r]`.
pub fn draws(
    pool: &rayon::ThreadPool,
    m: &Model,
    qs: &[Quantity],
    seed: u64,
    runs: u64,
) -> Result<Vec<Vec<f64>>> {
    let vil = villages(m);
    let chunks: Vec<u64> = (0..runs.div_ceil(CHUNK)).collect();
    let rows: Vec<Option<Vec<Vec<f64>>>> = pool.install(|| {
        chunks
            .par_iter()
            .map_init(
                || Scratch::new(m),
                |s, &c| {
                    if crate::interrupt::interrupted() {
                        return None;
                    }
                    let (from, to) = (c * CHUNK, ((c + 1) * CHUNK).min(runs));
                    Some(
                        (from..to)
                            .map(|r| {
                                s.replicate(m, seed, r);
                                qs.iter().map(|q| value(m, s, q, &vil)).collect()
                            })
                            .collect(),
                    )
                },
            )
            .collect()
    });
    if rows.iter().any(Option::is_none) {
        // Ctrl-C or a signal: nothing is written; say how far the replications got.
        let done: usize = rows.iter().flatten().map(Vec::len).sum();
        return Err(Error::Interrupted {
            done: done as u64,
            total: runs,
        });
    }
    let mut out = vec![Vec::with_capacity(runs as usize); qs.len()];
    for chunk in rows.into_iter().flatten() {
        for rep in chunk {
            for (q, v) in rep.into_iter().enumerate() {
                out[q].push(v);
            }
        }
    }
    Ok(out)
}
