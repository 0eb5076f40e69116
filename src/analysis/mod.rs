//! What-if analyses on top of the engine: parameter sweeps, sensitivity (tornado) and the
//! latest safe dispatch. All of them run every variant on the same seed and replications, so
//! the variants share their random numbers (common random numbers) and differences between
//! them are not Monte Carlo noise.

pub mod plan;
pub mod sensitivity;
pub mod sweep;
pub mod words;

use crate::engine::{self, Acc, NoProgress};
use crate::error::{Error, Result};
use crate::model::Model;
use crate::summary::Prob;

/// Run replications `[0, runs)` of a model on a pool.
pub fn simulate(pool: &rayon::ThreadPool, m: &Model, seed: u64, runs: u64) -> Result<Acc> {
    pool.install(|| {
        engine::simulate_range(
            m,
            seed,
            0,
            runs,
            engine::Control {
                cancel: &crate::interrupt::token(),
                progress: &NoProgress,
            },
        )
    })
}

/// A thread pool of `threads` workers (0: all cores).
pub fn pool(threads: usize) -> Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(engine::worker_threads(threads))
        .build()
        .map_err(|e| Error::Other(format!("could not start worker threads: {e}")))
}

/// P(every station on time), overall.
pub fn p_all(acc: &Acc) -> Prob {
    Prob::of(acc.all_on_time, acc.runs)
}

/// P(every station of kecamatan k on time).
pub fn p_kec(acc: &Acc, k: usize) -> Prob {
    Prob::of(acc.kec_all_on_time[k], acc.runs)
}

/// The on-time measure of a kecamatan used by `plan`: its hub's P(on time) when the hub has a
/// deadline, else P(every station of the kecamatan on time).
pub fn p_hub(m: &Model, acc: &Acc, k: usize) -> Prob {
    let h = m.kecamatan[k];
    match m.nodes[h].deadline {
        Some(_) => Prob::of(acc.node_on_time[h], acc.runs),
        None => p_kec(acc, k),
    }
}
