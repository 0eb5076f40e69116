//! Replications in parallel, reproducibly.
//!
//! Replication `r` draws every number from streams derived from `(seed, r, source key)`, and
//! all accumulators are integers, so the merged result is bit-identical for any number of
//! threads, any split into shards, and any order of merging.

pub mod accum;
pub mod replication;
pub mod run;
pub mod tally;

use std::time::Instant;

pub use crate::interrupt::Cancel;
pub use accum::{Acc, BLOCK, BlockStat};
pub use replication::{MileBufs, NO_LINK, Scratch};
pub use run::{Control, Observer, RangeOptions, run_range};
pub use tally::Tally;

use crate::error::Result;
use crate::model::Model;

/// The version of the random streams and accumulators. Replication `r` of a seed gives the
/// same numbers, and a partial result can be merged with another, only under the same stream
/// version: bump it whenever a change moves any random draw or the meaning or shape of a count.
/// Written into `partial.json` and `run.json`; `tepat merge` refuses parts of another version.
pub const STREAM_VERSION: u32 = 3;

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

/// Something that hears about progress (a progress bar).
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

/// Run replications `[from, to)` of `m` into one accumulator, on the current rayon pool.
///
/// Each worker thread keeps one [`Tally`] (an accumulator and a scratch), and takes blocks of
/// [`BLOCK`] replications from a shared counter until none are left (see [`run::observe`]);
/// the accumulators are then merged. Memory is therefore one accumulator per thread, whatever
/// the number of replications, and the result is the same for any number of threads (integer
/// counts merge exactly).
pub fn simulate_range(m: &Model, seed: u64, from: u64, to: u64, control: Control) -> Result<Acc> {
    let out = run::observe(seed, from, to, control, &|| Tally::new(m))?;
    Ok(out.map(|t| t.acc).unwrap_or_else(|| Acc::new(m)))
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

/// Run a model with the given options on a pool of `opts.threads` threads, without a cancel
/// token (tests, benchmarks, library use); commands use [`run_with`].
pub fn run(m: &Model, opts: &Options, progress: &dyn Progress) -> Result<Outcome> {
    run_with(
        m,
        opts,
        Control {
            cancel: &Cancel::new(),
            progress,
        },
    )
}

/// Run a model with the given options on a pool of `opts.threads` threads; `control.cancel`
/// stops it between blocks.
pub fn run_with(m: &Model, opts: &Options, control: Control) -> Result<Outcome> {
    let pool = run::pool(opts.threads)?;
    let progress = control.progress;
    let threads = pool.current_num_threads();
    let t0 = Instant::now();
    let acc = pool.install(|| -> Result<Acc> {
        match (opts.runs, opts.range) {
            (_, Some((a, b))) => {
                progress.set_total(b - a);
                simulate_range(m, opts.seed, a, b, control)
            }
            (Runs::Fixed(n), None) => {
                progress.set_total(n);
                simulate_range(m, opts.seed, 0, n, control)
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
                let mut acc = simulate_range(m, opts.seed, 0, n.min(max), control)?;
                while max_half_width(m, &acc) > precision && acc.runs < max {
                    let next = (n * 2).min(max);
                    progress.set_total(next);
                    let more = simulate_range(m, opts.seed, n, next, control)?;
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
