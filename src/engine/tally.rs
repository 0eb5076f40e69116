//! The observer of an ordinary run: one replication after another into an [`Acc`].

use super::accum::{Acc, BlockStat, LAST_TPS_EVERY};
use super::replication::{MileBufs, Scratch};
use super::run::Observer;
use crate::model::Model;

/// A worker's scratch and accumulator.
pub struct Tally<'m> {
    m: &'m Model,
    scratch: Scratch,
    /// The counts.
    pub acc: Acc,
    crit: Vec<bool>,
    last: Vec<f64>,
    bufs: MileBufs,
    /// Replications of the current block with every station on time.
    all_on_time: u32,
    /// ... and per kecamatan.
    kec_on_time: Vec<u32>,
}

impl<'m> Tally<'m> {
    /// An empty tally of `m`.
    pub fn new(m: &'m Model) -> Tally<'m> {
        Tally {
            m,
            scratch: Scratch::new(m),
            acc: Acc::new(m),
            crit: vec![false; m.links.len()],
            last: vec![0.0; m.kecamatan.len()],
            bufs: MileBufs::default(),
            all_on_time: 0,
            kec_on_time: vec![0; m.kecamatan.len()],
        }
    }
}

impl Observer for Tally<'_> {
    #[inline]
    fn replication(&mut self, seed: u64, r: u64) {
        let m = self.m;
        let scratch = &mut self.scratch;
        scratch.replicate(m, seed, r);
        self.acc.add(m, scratch, &mut self.crit);
        if r.is_multiple_of(LAST_TPS_EVERY) {
            scratch.kec_last_arrivals(m, &mut self.last, &mut self.bufs);
            self.acc.add_last(&self.last);
        }
        if scratch.late_total == 0 {
            self.all_on_time += 1;
        }
        for (k, &late) in scratch.kec_late.iter().enumerate() {
            if late == 0 {
                self.kec_on_time[k] += 1;
            }
        }
    }

    fn end_block(&mut self, block: u64, r0: u64, r1: u64) {
        let kec_on_time = vec![0; self.kec_on_time.len()];
        let stat = BlockStat {
            block,
            runs: (r1 - r0) as u32,
            all_on_time: std::mem::take(&mut self.all_on_time),
            kec_on_time: std::mem::replace(&mut self.kec_on_time, kec_on_time),
        };
        self.acc.end_block(r1 - r0);
        self.acc.blocks.push(stat);
    }

    fn merge(&mut self, other: Self) {
        self.acc.merge(&other.acc);
    }
}
