//! The run over a range of replications: worker threads take blocks of [`BLOCK`]
//! replications from a shared counter, each feeding its own [`Observer`]; the observers are
//! merged at the end. A [`Cancel`] token stops the run between blocks; a [`Progress`] hears
//! about every finished block.
//!
//! Every observer in this crate records integers (counts, sums of whole seconds), so the
//! merged result is the same for any number of threads and any order of blocks.

use std::sync::atomic::{AtomicU64, Ordering};

use super::accum::BLOCK;
use super::{Progress, worker_threads};
use crate::error::{Error, Result};
use crate::interrupt::Cancel;

/// What a worker thread does with the replications it is given: simulate each and record
/// what it needs. One observer per worker; they are merged when the run ends.
pub trait Observer: Send {
    /// Simulate replication `r` of a run with `seed` and record it.
    fn replication(&mut self, seed: u64, r: u64);

    /// Replications `[r0, r1)`, block `block`, are recorded.
    fn end_block(&mut self, _block: u64, _r0: u64, _r1: u64) {}

    /// Add another worker's records (of other replications) to these.
    fn merge(&mut self, other: Self)
    where
        Self: Sized;
}

/// How a run is controlled: the token that stops it and the sink of its progress.
#[derive(Clone, Copy)]
pub struct Control<'a> {
    /// Stops the run between blocks.
    pub cancel: &'a Cancel,
    /// Hears about every finished block.
    pub progress: &'a dyn Progress,
}

/// Options of a run over a range of replications.
#[derive(Clone, Copy)]
pub struct RangeOptions<'a> {
    /// Worker threads (0: every core; see [`worker_threads`]).
    pub threads: usize,
    /// Cancel token and progress.
    pub control: Control<'a>,
}

/// Run replications `[from, to)` of a run with `seed` on the current rayon pool, one
/// observer per worker thread made by `new`; `None` when the range is empty.
pub fn observe<O: Observer>(
    seed: u64,
    from: u64,
    to: u64,
    control: Control,
    new: &(dyn Fn() -> O + Sync),
) -> Result<Option<O>> {
    let first_block = from / BLOCK;
    let last_block = to.div_ceil(BLOCK);
    let done = AtomicU64::new(0);
    let next = AtomicU64::new(first_block);
    let parts: Vec<Result<Option<O>>> = rayon::broadcast(|_| {
        let mut b = next.fetch_add(1, Ordering::Relaxed);
        if b >= last_block {
            return Ok(None);
        }
        let mut obs = new();
        while b < last_block {
            if control.cancel.is_cancelled() {
                return Err(Error::Interrupted {
                    done: done.load(Ordering::Relaxed),
                    total: to - from,
                });
            }
            let r0 = (b * BLOCK).max(from);
            let r1 = ((b + 1) * BLOCK).min(to);
            for r in r0..r1 {
                obs.replication(seed, r);
            }
            obs.end_block(b, r0, r1);
            done.fetch_add(r1 - r0, Ordering::Relaxed);
            control.progress.inc(r1 - r0);
            b = next.fetch_add(1, Ordering::Relaxed);
        }
        Ok(Some(obs))
    });
    let mut total: Option<O> = None;
    for p in parts {
        if let Some(p) = p? {
            match &mut total {
                Some(t) => t.merge(p),
                None => total = Some(p),
            }
        }
    }
    Ok(total)
}

/// A pool of `threads` worker threads (0: every core).
pub fn pool(threads: usize) -> Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(worker_threads(threads))
        .build()
        .map_err(|e| Error::Other(format!("could not start {threads} worker threads: {e}")))
}

/// Run replications `[from, to)` of a run with `seed` on a pool of `opts.threads` threads
/// (see [`observe`]); also returns the number of threads used.
pub fn run_range<O: Observer>(
    seed: u64,
    from: u64,
    to: u64,
    opts: &RangeOptions,
    new: &(dyn Fn() -> O + Sync),
) -> Result<(Option<O>, usize)> {
    let pool = pool(opts.threads)?;
    opts.control.progress.set_total(to.saturating_sub(from));
    let out = pool.install(|| observe(seed, from, to, opts.control, new))?;
    Ok((out, pool.current_num_threads()))
}
