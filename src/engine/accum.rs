//! Streaming accumulators: integer counts and fixed-point sums, so that merging is exact and
//! the result is the same whatever the order in which threads or machines merge.
//!
//! Memory does not grow with the number of replications, except the convergence trace (one
//! small record per block of [`BLOCK`] replications).

use serde::{Deserialize, Serialize};

use super::replication::{NO_LINK, Scratch};
use crate::lang::{Msg, msg};
use crate::model::{Model, N_CAUSES, cause};

/// Replications per block: the unit of parallel work and of the convergence trace.
pub const BLOCK: u64 = 500;
/// Fixed-point resolution of every time sum: one second.
pub const TICKS_PER_H: f64 = 3600.0;
/// Histogram counters a run may hold at most (all nodes together); the bin width is chosen
/// so that a national scenario stays within memory.
pub const MAX_HIST_CELLS: usize = 32 * 1024 * 1024;
/// The finest histogram bin, hours (5 minutes).
pub const FINEST_BIN_H: f64 = 1.0 / 12.0;

/// What happened in one block of replications (for the convergence chart).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct BlockStat {
    /// Block number.
    pub block: u64,
    /// Replications in the block.
    pub runs: u32,
    /// Replications in which every station was on time.
    pub all_on_time: u32,
    /// Per kecamatan: replications in which every TPS of the kecamatan was on time.
    pub kec_on_time: Vec<u32>,
}

/// Everything a run counts. All fields are integers; `merge` is exact.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Acc {
    /// Replications counted.
    pub runs: u64,
    /// Histogram bin width, hours.
    pub bin_h: f64,
    /// Bins per node (the last one counts "never arrived").
    pub bins: usize,
    /// Per node: replications on time (arrival by its deadline).
    pub node_on_time: Vec<u64>,
    /// Per node: replications never arrived.
    pub node_never: Vec<u64>,
    /// Per node: replications late.
    pub node_late: Vec<u64>,
    /// Per node: lateness when late, seconds (never arrived counts to the horizon).
    pub node_late_ticks: Vec<u64>,
    /// Per node × cause: lateness attributed to each cause, seconds.
    pub node_cause_ticks: Vec<u64>,
    /// Per node × bin: arrival histogram.
    pub node_hist: Vec<u32>,
    /// Per kecamatan: replications with every station on time.
    pub kec_all_on_time: Vec<u64>,
    /// Per kecamatan: sum of late stations.
    pub kec_late_sum: Vec<u64>,
    /// Per kecamatan: sum of squared late stations.
    pub kec_late_sq: Vec<u64>,
    /// Per kecamatan × cause: station lateness attributed to each cause, seconds.
    pub kec_cause_ticks: Vec<u64>,
    /// Per station: replications on time.
    pub station_on_time: Vec<u64>,
    /// Per station: lateness when late, seconds.
    pub station_late_ticks: Vec<u64>,
    /// Replications with every station on time.
    pub all_on_time: u64,
    /// Histogram of the number of late stations (index = late count).
    pub late_hist: Vec<u64>,
    /// Per link: replications in which it was the critical link of at least one late station.
    pub link_critical: Vec<u64>,
    /// Per link: late stations for which it was the critical link.
    pub link_late_stations: Vec<u64>,
    /// Per link: delay on the link on the critical chain of late stations, seconds.
    pub link_delay_ticks: Vec<u64>,
    /// Convergence trace, one record per block, in block order after `finish`.
    pub blocks: Vec<BlockStat>,
    /// Replications with every TPS supplied when voting opens.
    #[serde(default)]
    pub open_ok: u64,
    /// Sum of TPS without materials when voting opens.
    #[serde(default)]
    pub open_miss_sum: u64,
    /// Sum of squares of TPS without materials when voting opens.
    #[serde(default)]
    pub open_miss_sq: u64,
    /// Per kecamatan: replications with every TPS supplied when voting opens.
    #[serde(default)]
    pub kec_open_ok: Vec<u64>,
    /// Per kecamatan: sum of TPS without materials when voting opens.
    #[serde(default)]
    pub kec_open_miss_sum: Vec<u64>,
    /// Per kecamatan: sum of squares of TPS without materials when voting opens.
    #[serde(default)]
    pub kec_open_miss_sq: Vec<u64>,
    /// Replications in which the latest TPS arrival of each kecamatan was computed (one in
    /// [`LAST_TPS_EVERY`]).
    #[serde(default)]
    pub last_runs: u64,
    /// Per kecamatan × bin: histogram of the latest TPS arrival (last bin: never).
    #[serde(default)]
    pub kec_last_hist: Vec<u32>,
}

/// The latest TPS arrival of each kecamatan (for the timeline and the arrival curves) is
/// computed in replications whose number is a multiple of this: every TPS's arrival is
/// needed, which the engine otherwise skips for TPS that are clearly on time.
pub const LAST_TPS_EVERY: u64 = 4;

#[inline]
fn ticks(h: f64) -> u64 {
    if h.is_finite() && h > 0.0 {
        (h * TICKS_PER_H).round() as u64
    } else {
        0
    }
}

/// Split `late` hours over causes: delays first (in proportion), the rest over the baseline.
pub fn attribute(c: &[f64; N_CAUSES], late: f64) -> [f64; N_CAUSES] {
    let mut out = [0.0; N_CAUSES];
    let delay: f64 = cause::DELAYS.iter().map(|&k| c[k].max(0.0)).sum();
    if delay >= late && delay > 0.0 {
        for &k in &cause::DELAYS {
            out[k] = late * c[k].max(0.0) / delay;
        }
        return out;
    }
    for &k in &cause::DELAYS {
        out[k] = c[k].max(0.0);
    }
    let rest = late - delay;
    let base = [
        cause::PLANNED,
        cause::HANDLING,
        cause::TRAVEL,
        cause::LAST_MILE,
    ];
    let total: f64 = base.iter().map(|&k| c[k].max(0.0)).sum();
    if total > 0.0 {
        for &k in &base {
            out[k] = rest * c[k].max(0.0) / total;
        }
    } else {
        out[cause::TRAVEL] = rest;
    }
    out
}

impl Acc {
    /// Empty accumulators for a model.
    pub fn new(m: &Model) -> Self {
        let n = m.nodes.len().max(1);
        let finest = (m.horizon / FINEST_BIN_H).ceil() as usize;
        let bins = finest.min((MAX_HIST_CELLS / n).max(64));
        let bin_h = m.horizon / bins as f64;
        let k = m.kecamatan.len();
        let l = m.links.len();
        let s = m.stations.len();
        Acc {
            runs: 0,
            bin_h,
            bins: bins + 1,
            node_on_time: vec![0; n],
            node_never: vec![0; n],
            node_late: vec![0; n],
            node_late_ticks: vec![0; n],
            node_cause_ticks: vec![0; n * N_CAUSES],
            node_hist: vec![0; n * (bins + 1)],
            kec_all_on_time: vec![0; k],
            kec_late_sum: vec![0; k],
            kec_late_sq: vec![0; k],
            kec_cause_ticks: vec![0; k * N_CAUSES],
            station_on_time: vec![0; s],
            station_late_ticks: vec![0; s],
            all_on_time: 0,
            late_hist: vec![0; s + 1],
            link_critical: vec![0; l],
            link_late_stations: vec![0; l],
            link_delay_ticks: vec![0; l],
            blocks: Vec::new(),
            open_ok: 0,
            open_miss_sum: 0,
            open_miss_sq: 0,
            kec_open_ok: vec![0; k],
            kec_open_miss_sum: vec![0; k],
            kec_open_miss_sq: vec![0; k],
            last_runs: 0,
            kec_last_hist: vec![0; k * (bins + 1)],
        }
    }

    /// Count the latest TPS arrival of each kecamatan in one replication (NaN: no TPS).
    pub fn add_last(&mut self, last: &[f64]) {
        self.last_runs += 1;
        for (k, &a) in last.iter().enumerate() {
            if a.is_nan() {
                continue;
            }
            let bin = if a.is_finite() {
                ((a.max(0.0) / self.bin_h) as usize).min(self.bins - 2)
            } else {
                self.bins - 1
            };
            self.kec_last_hist[k * self.bins + bin] += 1;
        }
    }

    /// Histogram of the latest TPS arrival of kecamatan `k` (last bin: never).
    pub fn last_hist(&self, k: usize) -> &[u32] {
        &self.kec_last_hist[k * self.bins..(k + 1) * self.bins]
    }

    /// Count the outcome of one replication. `crit` is scratch of one flag per link.
    pub fn add(&mut self, m: &Model, s: &Scratch, crit: &mut [bool]) {
        self.runs += 1;
        for (i, n) in m.nodes.iter().enumerate() {
            let a = s.arrival[i];
            let bin = if a.is_finite() {
                ((a / self.bin_h) as usize).min(self.bins - 2)
            } else {
                self.bins - 1
            };
            self.node_hist[i * self.bins + bin] += 1;
            if !a.is_finite() {
                self.node_never[i] += 1;
            }
            if let Some(dl) = n.deadline {
                if a <= dl {
                    self.node_on_time[i] += 1;
                } else {
                    self.node_late[i] += 1;
                    let late = a.min(m.horizon) - dl;
                    self.node_late_ticks[i] += ticks(late);
                    let att = attribute(&s.causes[i], late);
                    for (k, x) in att.iter().enumerate() {
                        self.node_cause_ticks[i * N_CAUSES + k] += ticks(*x);
                    }
                }
            }
        }
        crit.fill(false);
        // Only the (usually few) late stations are touched: each is taken back here, and
        // [`Acc::end_block`] counts every station on time once per replication of the block
        // (wrapping arithmetic, exact once the block is ended).
        for &si in &s.late_stations {
            let si = si as usize;
            let st = &m.stations[si];
            let node = &m.nodes[st.node];
            self.station_on_time[si] = self.station_on_time[si].wrapping_sub(1);
            let dl = node.station_deadline.unwrap_or(f64::INFINITY);
            let arr = s.station_arrival[si].min(m.horizon);
            let late = arr - dl;
            self.station_late_ticks[si] += ticks(late);
            if let Some(k) = node.kec {
                let mut c = s.causes[st.node];
                let na = s.arrival[st.node].min(m.horizon);
                c[cause::LAST_MILE] += (arr - na).max(0.0);
                let att = attribute(&c, late);
                for (j, x) in att.iter().enumerate() {
                    self.kec_cause_ticks[k * N_CAUSES + j] += ticks(*x);
                }
            }
            let (li, d) = s.worst[st.node];
            if li != NO_LINK {
                let li = li as usize;
                crit[li] = true;
                self.link_late_stations[li] += 1;
                // A link's delay on the critical chain counts at most the horizon (a delay
                // that ran past it is "never arrived"), so the sum cannot overflow.
                self.link_delay_ticks[li] += ticks(d.min(m.horizon));
            }
        }
        for (li, &c) in crit.iter().enumerate() {
            if c {
                self.link_critical[li] += 1;
            }
        }
        for (k, &late) in s.kec_late.iter().enumerate() {
            if late == 0 {
                self.kec_all_on_time[k] += 1;
            }
            self.kec_late_sum[k] += late as u64;
            self.kec_late_sq[k] += (late as u64) * (late as u64);
        }
        if s.late_total == 0 {
            self.all_on_time += 1;
        }
        self.late_hist[s.late_total as usize] += 1;
        // TPS without materials when voting opens: late TPS supplied after the opening (voting
        // opens no earlier than any TPS deadline, so they are among the late ones).
        if let Some(open) = m.voting_opens {
            let mut miss: Vec<u64> = Vec::new();
            let mut total = 0u64;
            for &si in &s.late_stations {
                let si = si as usize;
                if s.station_arrival[si] > open {
                    total += 1;
                    if let Some(k) = m.nodes[m.stations[si].node].kec {
                        if miss.is_empty() {
                            miss = vec![0u64; self.kec_open_ok.len()];
                        }
                        miss[k] += 1;
                    }
                }
            }
            if total == 0 {
                self.open_ok += 1;
            }
            self.open_miss_sum += total;
            self.open_miss_sq += total * total;
            for k in 0..self.kec_open_ok.len() {
                let x = miss.get(k).copied().unwrap_or(0);
                if x == 0 {
                    self.kec_open_ok[k] += 1;
                }
                self.kec_open_miss_sum[k] += x;
                self.kec_open_miss_sq[k] += x * x;
            }
        }
    }

    /// End a block of `runs` replications counted by [`Acc::add`]: every station is counted
    /// on time in each of them (the late ones were taken back by `add`). Must be called
    /// before the accumulator is read or merged.
    pub fn end_block(&mut self, runs: u64) {
        for x in self.station_on_time.iter_mut() {
            *x = x.wrapping_add(runs);
        }
    }

    /// Add another accumulator of the same model into this one (exact).
    pub fn merge(&mut self, o: &Acc) {
        fn add<T: Copy + std::ops::AddAssign>(a: &mut [T], b: &[T]) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += *y;
            }
        }
        self.runs += o.runs;
        add(&mut self.node_on_time, &o.node_on_time);
        add(&mut self.node_never, &o.node_never);
        add(&mut self.node_late, &o.node_late);
        add(&mut self.node_late_ticks, &o.node_late_ticks);
        add(&mut self.node_cause_ticks, &o.node_cause_ticks);
        add(&mut self.node_hist, &o.node_hist);
        add(&mut self.kec_all_on_time, &o.kec_all_on_time);
        add(&mut self.kec_late_sum, &o.kec_late_sum);
        add(&mut self.kec_late_sq, &o.kec_late_sq);
        add(&mut self.kec_cause_ticks, &o.kec_cause_ticks);
        add(&mut self.station_on_time, &o.station_on_time);
        add(&mut self.station_late_ticks, &o.station_late_ticks);
        self.all_on_time += o.all_on_time;
        add(&mut self.late_hist, &o.late_hist);
        add(&mut self.link_critical, &o.link_critical);
        add(&mut self.link_late_stations, &o.link_late_stations);
        add(&mut self.link_delay_ticks, &o.link_delay_ticks);
        self.open_ok += o.open_ok;
        self.open_miss_sum += o.open_miss_sum;
        self.open_miss_sq += o.open_miss_sq;
        add(&mut self.kec_open_ok, &o.kec_open_ok);
        add(&mut self.kec_open_miss_sum, &o.kec_open_miss_sum);
        add(&mut self.kec_open_miss_sq, &o.kec_open_miss_sq);
        self.last_runs += o.last_runs;
        add(&mut self.kec_last_hist, &o.kec_last_hist);
        self.blocks.extend(o.blocks.iter().cloned());
        self.blocks.sort_by_key(|b| b.block);
    }

    /// Whether two accumulators describe the same model shape (for `merge` of shard files).
    pub fn same_shape(&self, o: &Acc) -> bool {
        self.bins == o.bins
            && self.bin_h == o.bin_h
            && self.node_on_time.len() == o.node_on_time.len()
            && self.station_on_time.len() == o.station_on_time.len()
            && self.link_critical.len() == o.link_critical.len()
            && self.kec_all_on_time.len() == o.kec_all_on_time.len()
    }

    /// Check that an accumulator read from a file (a shard's `partial.json`) is one that
    /// [`Acc::new`]/[`Acc::add`] could have produced for model `m` over replications
    /// `[from, to)`: every array of the right length, every count at most the replications
    /// (histograms summing to them), every time sum at most the horizon per count, and the
    /// convergence trace one record per block of the range. `Err` says what is wrong, never
    /// echoing the file. Nothing is allocated in proportion to the file.
    pub fn validate(&self, m: &Model, from: u64, to: u64) -> Result<(), Msg> {
        self.validate_shape(m, from, to)?;
        self.validate_counts(m)?;
        self.validate_blocks(m, from, to)
    }

    /// [`Acc::validate`]: the replications, the bins and the length of every list.
    fn validate_shape(&self, m: &Model, from: u64, to: u64) -> Result<(), Msg> {
        let shape = Acc::new(m);
        let runs = self.runs;
        if runs != to - from {
            return Err(msg!("e881-runs", runs = runs, range = to - from));
        }
        if self.bins != shape.bins || self.bin_h.to_bits() != shape.bin_h.to_bits() {
            return Err(msg!("e881-bins"));
        }
        let lens: [(&str, usize, usize); 17] = [
            (
                "node_on_time",
                self.node_on_time.len(),
                shape.node_on_time.len(),
            ),
            ("node_never", self.node_never.len(), shape.node_never.len()),
            ("node_late", self.node_late.len(), shape.node_late.len()),
            (
                "node_late_ticks",
                self.node_late_ticks.len(),
                shape.node_late_ticks.len(),
            ),
            (
                "node_cause_ticks",
                self.node_cause_ticks.len(),
                shape.node_cause_ticks.len(),
            ),
            ("node_hist", self.node_hist.len(), shape.node_hist.len()),
            (
                "kec_all_on_time",
                self.kec_all_on_time.len(),
                shape.kec_all_on_time.len(),
            ),
            (
                "kec_late_sum",
                self.kec_late_sum.len(),
                shape.kec_late_sum.len(),
            ),
            (
                "kec_late_sq",
                self.kec_late_sq.len(),
                shape.kec_late_sq.len(),
            ),
            (
                "kec_cause_ticks",
                self.kec_cause_ticks.len(),
                shape.kec_cause_ticks.len(),
            ),
            (
                "station_on_time",
                self.station_on_time.len(),
                shape.station_on_time.len(),
            ),
            (
                "station_late_ticks",
                self.station_late_ticks.len(),
                shape.station_late_ticks.len(),
            ),
            ("late_hist", self.late_hist.len(), shape.late_hist.len()),
            (
                "link_critical",
                self.link_critical.len(),
                shape.link_critical.len(),
            ),
            (
                "link_late_stations",
                self.link_late_stations.len(),
                shape.link_late_stations.len(),
            ),
            (
                "link_delay_ticks",
                self.link_delay_ticks.len(),
                shape.link_delay_ticks.len(),
            ),
            (
                "blocks",
                self.blocks.len(),
                if to > from {
                    (to.div_ceil(BLOCK) - from / BLOCK) as usize
                } else {
                    0
                },
            ),
        ];
        for (name, got, want) in lens {
            if got != want {
                return Err(msg!("e881-list", name = name, got = got, want = want));
            }
        }
        Ok(())
    }

    /// [`Acc::validate`]: every count at most what the replications allow.
    fn validate_counts(&self, m: &Model) -> Result<(), Msg> {
        let runs = self.runs;
        let at_most = |name: &str, v: &[u64], max: u64| -> Result<(), Msg> {
            match v.iter().position(|&x| x > max) {
                Some(i) => Err(msg!("e881-entry", name = name, i = i, v = v[i], max = max)),
                None => Ok(()),
            }
        };
        // The largest time sum one count may add: the horizon in ticks (rounded up), per cause
        // at most the same.
        let horizon_ticks = ticks(m.horizon) + 1;
        let of = |count: u64, per: u64| count.saturating_mul(per);
        at_most("node_on_time", &self.node_on_time, runs)?;
        at_most("node_never", &self.node_never, runs)?;
        at_most("node_late", &self.node_late, runs)?;
        for (i, n) in m.nodes.iter().enumerate() {
            let (ok, late) = (self.node_on_time[i], self.node_late[i]);
            let counted = if n.deadline.is_some() { runs } else { 0 };
            if ok + late != counted {
                return Err(msg!(
                    "e881-node",
                    i = i,
                    ok = ok,
                    late = late,
                    counted = counted
                ));
            }
            if self.node_late_ticks[i] > of(late, horizon_ticks) {
                return Err(msg!("e881-node-late", i = i));
            }
            let causes = &self.node_cause_ticks[i * N_CAUSES..(i + 1) * N_CAUSES];
            at_most("node_cause_ticks", causes, of(late, horizon_ticks))?;
            let hist = &self.node_hist[i * self.bins..(i + 1) * self.bins];
            let total: u64 = hist.iter().map(|&c| c as u64).sum();
            if total != runs || hist[self.bins - 1] as u64 != self.node_never[i] {
                return Err(msg!("e881-node-hist", i = i, total = total, runs = runs));
            }
        }
        let mut kec_stations = vec![0u64; m.kecamatan.len()];
        for st in &m.stations {
            if let Some(k) = m.nodes[st.node].kec {
                kec_stations[k] += 1;
            }
        }
        at_most("kec_all_on_time", &self.kec_all_on_time, runs)?;
        for (k, &ns) in kec_stations.iter().enumerate() {
            if self.kec_late_sum[k] > of(runs, ns) || self.kec_late_sq[k] > of(runs, ns * ns) {
                return Err(msg!("e881-kec", k = k));
            }
            let causes = &self.kec_cause_ticks[k * N_CAUSES..(k + 1) * N_CAUSES];
            at_most("kec_cause_ticks", causes, of(of(runs, ns), horizon_ticks))?;
        }
        at_most("station_on_time", &self.station_on_time, runs)?;
        for (i, &ok) in self.station_on_time.iter().enumerate() {
            if self.station_late_ticks[i] > of(runs - ok, horizon_ticks) {
                return Err(msg!("e881-tps", i = i));
            }
        }
        if self.all_on_time > runs {
            return Err(msg!("e881-all", v = self.all_on_time, runs = runs));
        }
        let late_total = self
            .late_hist
            .iter()
            .try_fold(0u64, |a, &c| a.checked_add(c))
            .ok_or_else(|| msg!("e881-late-hist-overflow"))?;
        if late_total != runs || self.late_hist[0] != self.all_on_time {
            return Err(msg!("e881-late-hist", total = late_total, runs = runs));
        }
        let stations = m.stations.len() as u64;
        at_most("link_critical", &self.link_critical, runs)?;
        at_most(
            "link_late_stations",
            &self.link_late_stations,
            of(runs, stations),
        )?;
        at_most(
            "link_delay_ticks",
            &self.link_delay_ticks,
            of(of(runs, stations), horizon_ticks),
        )?;
        Ok(())
    }

    /// [`Acc::validate`]: the convergence trace.
    fn validate_blocks(&self, m: &Model, from: u64, to: u64) -> Result<(), Msg> {
        // The convergence trace: blocks of the range in order, each as large as its slice.
        let k = m.kecamatan.len();
        for (j, b) in self.blocks.iter().enumerate() {
            let block = from / BLOCK + j as u64;
            let r0 = (block * BLOCK).max(from);
            let r1 = ((block + 1) * BLOCK).min(to);
            if b.block != block || b.runs as u64 != r1 - r0 {
                return Err(msg!(
                    "e881-block",
                    j = j,
                    block = b.block,
                    runs = b.runs as u64,
                    want_block = block,
                    want_runs = r1 - r0
                ));
            }
            if b.all_on_time > b.runs
                || b.kec_on_time.len() != k
                || b.kec_on_time.iter().any(|&x| x > b.runs)
            {
                return Err(msg!("e881-block-count", j = j));
            }
        }
        Ok(())
    }

    /// [`Acc::merge`], refusing instead of overflowing (for accumulators read from files):
    /// `Err` when a sum would overflow or the shapes differ.
    pub fn checked_merge(&mut self, o: &Acc) -> Result<(), Msg> {
        fn fits<T: Copy + Into<u64>>(a: &[T], b: &[T], max: u64) -> bool {
            a.len() == b.len()
                && a.iter().zip(b).all(|(x, y)| {
                    (*x).into()
                        .checked_add((*y).into())
                        .is_some_and(|s| s <= max)
                })
        }
        let m = u64::MAX;
        let ok = self.runs.checked_add(o.runs).is_some()
            && self.all_on_time.checked_add(o.all_on_time).is_some()
            && self.same_shape(o)
            && fits(&self.node_on_time, &o.node_on_time, m)
            && fits(&self.node_never, &o.node_never, m)
            && fits(&self.node_late, &o.node_late, m)
            && fits(&self.node_late_ticks, &o.node_late_ticks, m)
            && fits(&self.node_cause_ticks, &o.node_cause_ticks, m)
            && fits(&self.node_hist, &o.node_hist, u32::MAX as u64)
            && fits(&self.kec_all_on_time, &o.kec_all_on_time, m)
            && fits(&self.kec_late_sum, &o.kec_late_sum, m)
            && fits(&self.kec_late_sq, &o.kec_late_sq, m)
            && fits(&self.kec_cause_ticks, &o.kec_cause_ticks, m)
            && fits(&self.station_on_time, &o.station_on_time, m)
            && fits(&self.station_late_ticks, &o.station_late_ticks, m)
            && fits(&self.late_hist, &o.late_hist, m)
            && fits(&self.link_critical, &o.link_critical, m)
            && fits(&self.link_late_stations, &o.link_late_stations, m)
            && fits(&self.link_delay_ticks, &o.link_delay_ticks, m);
        if !ok {
            return Err(msg!("e882"));
        }
        self.merge(o);
        Ok(())
    }

    /// Arrival histogram of node `i` (last bin: never arrived).
    pub fn hist(&self, i: usize) -> &[u32] {
        &self.node_hist[i * self.bins..(i + 1) * self.bins]
    }
}
