//! Replications in parallel, reproducibly.
//!
//! Replication `r` draws every number from streams derived from `(seed, r, source key)`, and
//! all accumulators are integers, so the merged result is bit-identical for any number of
//! threads, any split into shards, and any order of merging.

pub mod accum;
pub mod replication;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

pub use accum::{Acc, BLOCK, BlockStat};
pub use replication::{MileBufs, NO_LINK, Scratch};

use crate::error::{Error, Result};
use crate::model::Model;

/// The version of the random streams and accumulators. Replication `r` of a seed gives the
/// same numbers, and a partial result can be merged with another, only under the same stream
/// version: bump it whenever a change moves any random draw or the meaning or shape of a count.
/// Written into `partial.json` and `run.json`; `tepat merge` refuses parts of another version.
pub const STREAM_VERSION: u32 = 2;

/// The most replications a run may ask for.
pub const MAX_RUNS: u64 = 100_000_000;

/// How many replications to run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Runs {
    /// Exactly this many.
    Fixed(u64),
    /// Until every reported probability's 95% half-width is at most `precision`, in steps of
    /// `step` replications, at least `min` and at most `max`.
    Precision {
        /// Target half-width.
        precision: f64,
        /// Smallest run.
        min: u64,
        /// Largest run.
        max: u64,
    },
}

/// Options of a run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Seed.
    pub seed: u64,
    /// Replications.
    pub runs: Runs,
    /// Worker threads (0: all cores).
    pub threads: usize,
    /// Only replications `[from, to)` (for shards); `None` = all.
    pub range: Option<(u64, u64)>,
}

/// What a run produced.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The counts.
    pub acc: Acc,
    /// Wall-clock seconds of the simulation.
    pub elapsed_s: f64,
    /// Threads used.
    pub threads: usize,
}

/// Something that hears about progress (a progress bar), and can ask the run to stop.
pub trait Progress: Sync {
    /// `n` more replications are done.
    fn inc(&self, n: u64);
    /// The total is now known or changed.
    fn set_total(&self, total: u64);
}

/// A progress sink that does nothing.
pub struct NoProgress;
impl Progress for NoProgress {
    fn inc(&self, _: u64) {}
    fn set_total(&self, _: u64) {}
}

/// The most worker threads an option may ask for.
pub const MAX_THREADS: usize = 1024;

/// The worker threads a run uses for `requested` (0: every core): never more than the cores
/// the machine offers (more only cost memory, one accumulator and one scratch each, and the
/// results are the same for any number), and never more than [`MAX_THREADS`].
pub fn worker_threads(requested: usize) -> usize {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let want = if requested == 0 {
        cores
    } else {
        requested.min(cores)
    };
    want.clamp(1, MAX_THREADS)
}

/// Set by a signal handler to stop a run between blocks.
pub static STOP: AtomicBool = AtomicBool::new(false);

/// Run replications `[from, to)` of `m` into one accumulator, on the current rayon pool.
///
/// Each worker thread keeps one accumulator and one scratch, and takes blocks of [`BLOCK`]
/// replications from a shared counter until none are left; the accumulators are then merged.
/// Memory is therefore one accumulator per thread, whatever the number of replications, and
/// the result is the same for any number of threads (integer counts merge exactly).
pub fn simulate_range(
    m: &Model,
    seed: u64,
    from: u64,
    to: u64,
    progress: &dyn Progress,
) -> Result<Acc> {
    let first_block = from / BLOCK;
    let last_block = to.div_ceil(BLOCK);
    let done = AtomicU64::new(0);
    let next = AtomicU64::new(first_block);
    let parts: Vec<Result<Option<Acc>>> = rayon::broadcast(|_| {
        let b = next.fetch_add(1, Ordering::Relaxed);
        if b >= last_block {
            return Ok(None);
        }
        let mut acc = Acc::new(m);
        let mut scratch = Scratch::new(m);
        let mut crit = vec![false; m.links.len()];
        let mut last = vec![0.0; m.kecamatan.len()];
        let mut bufs = MileBufs::default();
        let mut b = b;
        while b < last_block {
            if STOP.load(Ordering::Relaxed) {
                return Err(Error::Interrupted {
                    done: done.load(Ordering::Relaxed),
                    total: to - from,
                });
            }
            let r0 = (b * BLOCK).max(from);
            let r1 = ((b + 1) * BLOCK).min(to);
            let mut stat = BlockStat {
                block: b,
                runs: (r1 - r0) as u32,
                all_on_time: 0,
                kec_on_time: vec![0; m.kecamatan.len()],
            };
            for r in r0..r1 {
                scratch.replicate(m, seed, r);
                acc.add(m, &scratch, &mut crit);
                if r % accum::LAST_TPS_EVERY == 0 {
                    scratch.kec_last_arrivals(m, &mut last, &mut bufs);
                    acc.add_last(&last);
                }
                if scratch.late_total == 0 {
                    stat.all_on_time += 1;
                }
                for (k, &late) in scratch.kec_late.iter().enumerate() {
                    if late == 0 {
                        stat.kec_on_time[k] += 1;
                    }
                }
            }
            acc.end_block(r1 - r0);
            acc.blocks.push(stat);
            done.fetch_add(r1 - r0, Ordering::Relaxed);
            progress.inc(r1 - r0);
            b = next.fetch_add(1, Ordering::Relaxed);
        }
        Ok(Some(acc))
    });
    let mut total: Option<Acc> = None;
    for p in parts {
        if let Some(p) = p? {
            match &mut total {
                Some(t) => t.merge(&p),
                None => total = Some(p),
            }
        }
    }
    Ok(total.unwrap_or_else(|| Acc::new(m)))
}

/// The largest 95% half-width among every probability a run reports.
pub fn max_half_width(m: &Model, acc: &Acc) -> f64 {
    let n = acc.runs;
    let hw = |k: u64| {
        let (lo, hi) = crate::stats::wilson(k, n);
        (hi - lo) / 2.0
    };
    let mut w = hw(acc.all_on_time);
    for (i, node) in m.nodes.iter().enumerate() {
        if node.deadline.is_some() {
            w = w.max(hw(acc.node_on_time[i]));
        }
    }
    for &k in &acc.kec_all_on_time {
        w = w.max(hw(k));
    }
    for &k in &acc.station_on_time {
        w = w.max(hw(k));
    }
    w
}

/// Run a model with the given options on a pool of `opts.threads` threads.
pub fn run(m: &Model, opts: &Options, progress: &dyn Progress) -> Result<Outcome> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(worker_threads(opts.threads))
        .build()
        .map_err(|e| {
            Error::Other(format!(
                "could not start {} worker threads: {e}",
                opts.threads
            ))
        })?;
    let threads = pool.current_num_threads();
    let t0 = Instant::now();
    let acc = pool.install(|| -> Result<Acc> {
        match (opts.runs, opts.range) {
            (_, Some((a, b))) => {
                progress.set_total(b - a);
                simulate_range(m, opts.seed, a, b, progress)
            }
            (Runs::Fixed(n), None) => {
                progress.set_total(n);
                simulate_range(m, opts.seed, 0, n, progress)
            }
            (
                Runs::Precision {
                    precision,
                    min,
                    max,
                },
                None,
            ) => {
                // Grow in whole blocks, doubling, so the answer depends only on the seed.
                let mut n = min.div_ceil(BLOCK).max(1) * BLOCK;
                progress.set_total(n);
                let mut acc = simulate_range(m, opts.seed, 0, n.min(max), progress)?;
                while max_half_width(m, &acc) > precision && acc.runs < max {
                    let next = (n * 2).min(max);
                    progress.set_total(next);
                    let more = simulate_range(m, opts.seed, n, next, progress)?;
                    acc.merge(&more);
                    n = next;
                }
                Ok(acc)
            }
        }
    })?;
    Ok(Outcome {
        acc,
        elapsed_s: t0.elapsed().as_secs_f64(),
        threads,
    })
}
