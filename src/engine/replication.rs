//! One replication: weather, disruptions, departures, consignments, escorts, stations.
//!
//! Everything random is drawn from a stream keyed by the name of its source (see
//! [`crate::hazards::rng`]), so the draws of one source do not depend on any other source.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::hazards::dist::Sampler;
use crate::hazards::rng::{Stream, mix, replication_key, stream_in, sub, unit};
use crate::model::{Base, Model, N_CAUSES, cause};
use crate::scenario::Mode;

/// How far before time 0 road disruption events are generated, hours: a block that began up
/// to a week before the start and is still active at the start is represented.
pub const WARMUP_H: f64 = 168.0;
/// Marker for "no link".
pub const NO_LINK: u32 = u32::MAX;

/// One second, hours: a link's delay below it is zero (a floating-point residue of
/// `arrival − departure − base`, not a delay), so that a chain without delays has no
/// critical link whatever the rounding.
pub const ONE_SECOND_H: f64 = 1.0 / 3600.0;

/// `x`, or 0 when it is below one second in size.
#[inline]
fn snap(x: f64) -> f64 {
    if x.abs() < ONE_SECOND_H { 0.0 } else { x }
}

const TAG_BASE: u64 = 0x0b45_e000_0000_0001;
const TAG_DISRUPT: u64 = 0x0d15_0000_0000_0002;
const TAG_DISRUPT_EVENTS: u64 = 0x0d15_e7e0_0000_000e;
const TAG_DEPART: u64 = 0x0de9_0000_0000_0003;
const TAG_OUTAGE: u64 = 0x0007_a6e0_0000_0004;
const TAG_HANDLING: u64 = 0x04a4_d100_0000_0005;
const TAG_READY: u64 = 0x07ea_d000_0000_0006;
const TAG_TRIP: u64 = 0x0714_9000_0000_0007;
const TAG_DAMAGE: u64 = 0x0da3_a9e0_0000_0008;
const TAG_LASTMILE: u64 = 0x0aa5_7000_0000_0009;
const TAG_ESCORT: u64 = 0x0e5c_0000_0000_000a;
const TAG_RESERVE: u64 = 0x07e5_e7e0_0000_000b;
const TAG_EXTRA: u64 = 0x0e7a_0000_0000_000c;
const TAG_LASTMILE_EXTRA: u64 = 0x0aa5_7e70_0000_000d;
const TAG_LASTMILE_LOW: u64 = 0x0aa5_7104_0000_000f;
const TAG_LASTMILE_SMALL: u64 = 0x0aa5_7e70_5a11_0012;
const TAG_EXTRA_DELAY: u64 = 0x0e7a_de1a_0000_0010;
const TAG_BASE_U: u64 = 0x0b45_e000_0000_0011;

/// The split of a station's last-mile uniform `u` (families drawn by inversion): the stations
/// with `u > TAU` are found by geometric skips, the others are on time whenever the last mile
/// at `TAU` is (see [`Scratch::node_stations`]).
const TAU: f64 = 0.99;
/// ln [`TAU`].
const LN_TAU: f64 = -0.010_050_335_853_501_45;

/// The split of an extra delay's uniform (families drawn by inversion): the strikes whose
/// uniform is above it ("big") are drawn first, the others only when they can matter.
const SPLIT_X: f64 = 0.99;

/// Reusable buffers of [`Scratch::kec_last_arrivals`].
#[derive(Debug, Clone, Default)]
pub struct MileBufs {
    miles: Vec<(f64, f64)>,
    upper: Vec<(u32, f64)>,
    big: Vec<(u32, f64)>,
    hits: Vec<(u32, f64)>,
}

/// Per-node constants of the station draws.
#[derive(Debug, Clone, Copy)]
struct StationPlan {
    /// The last mile at u = [`TAU`] (families drawn by inversion; NaN otherwise).
    q_tau: f64,
    /// The uniform that splits big from small extra delays: [`SPLIT_X`] for families drawn
    /// by inversion, 0 for the others (every strike is big).
    split: f64,
    /// The extra delay at `split` (0 when `split` is 0 or without extra delays): the most a
    /// small strike can add.
    x_split: f64,
    /// Where the powers of the big and the small miss probabilities start in
    /// [`Scratch::pow_extra`]: `pow_at + r` and `pow_at + stations + 1 + r`, r = 0..=stations.
    pow_at: usize,
    /// ln P(no big strike) at one station.
    ln_miss_big: f64,
    /// ln P(no small-strike flag) at one station.
    ln_miss_small: f64,
}

/// The per-station probabilities of a big strike and of a small-strike flag (a small strike is
/// a flag on a station without a big one), for an extra delay of probability `p`: big p(1 − s),
/// small p·s, none 1 − p, exclusive.
fn strike_probs(p: f64, split: f64) -> (f64, f64) {
    let big = p * (1.0 - split);
    let small = if split > 0.0 {
        (p * split / (1.0 - big)).min(1.0)
    } else {
        0.0
    };
    (big, small)
}

/// How far below the CDF at the slack a station's last-mile uniform must be for the engine to
/// call the station on time without computing its arrival, when its node has little slack
/// (see [`Scratch::node_stations`]).
const U_MARGIN: f64 = 1e-6;

/// Road disruptions of one link, precomputed from the model. The Poisson process of blocking
/// events is cut into day-long buckets (from time 0, local to the start), each with its own
/// random numbers, so that a replication draws only the days around the times at which
/// vehicles reach the link. Inside a bucket, candidate events arrive at the zone's largest
/// rate and are kept with probability (state's factor) / (largest factor): thinning, which
/// gives exactly the rate of the weather state at each event's time.
#[derive(Debug, Clone)]
struct DisruptPlan {
    /// Candidate events per hour: the calm rate times the zone's largest factor.
    rate: f64,
    /// The zone's largest disruption factor (1 without a zone).
    max_factor: f64,
    /// Blocks that start more than this before a time cannot reach it: the longest block
    /// (infinity for unbounded durations).
    reach_h: f64,
    /// P(no candidate event in a whole bucket).
    p0: f64,
}

/// Length of a road-disruption bucket, hours.
const BUCKET_H: f64 = 24.0;

/// The buckets of a link generated so far in this replication: `lo..=hi`, or none.
#[derive(Debug, Clone, Copy)]
struct Generated {
    lo: i64,
    hi: i64,
}

const NONE_GENERATED: Generated = Generated { lo: 1, hi: 0 };

/// Per-thread working memory, reused across replications, and the outcome of the last one.
#[derive(Debug, Clone)]
pub struct Scratch {
    rk: u64,
    weather: Vec<Vec<u8>>,
    base: Vec<f64>,
    blocks: Vec<Vec<(f64, f64)>>,
    plans: Vec<Option<DisruptPlan>>,
    generated: Vec<Generated>,
    touched: Vec<u32>,
    fresh: Vec<(f64, f64)>,
    rounds: Vec<u64>,
    handling: Vec<f64>,
    heap: BinaryHeap<Reverse<u128>>,
    /// No escort pools: consignments are dispatched in any order, from `ready`.
    direct: bool,
    ready: Vec<u32>,
    ready_at: Vec<f64>,
    free_teams: Vec<u32>,
    waiting: Vec<Vec<u32>>,
    chain: Vec<[f64; N_CAUSES]>,
    rank: Vec<u32>,
    splan: Vec<StationPlan>,
    /// Per node, the powers of the miss probabilities (see [`StationPlan::pow_at`]).
    pow_extra: Vec<f64>,
    /// TAU^r for r = 0..=the most stations of a node.
    pow_tau: Vec<f64>,
    upper: Vec<(u32, f64)>,
    big: Vec<(u32, f64)>,
    board_best: Vec<(f64, f64, f64)>,
    board_sched: Vec<f64>,
    hits: Vec<(u32, f64)>,
    /// Nodes with every supplier before the nodes it supplies.
    order: Vec<u32>,
    /// Arrival time of each node, hours (infinity: never arrived within the horizon).
    pub arrival: Vec<f64>,
    /// Cause breakdown of each node's arrival time (sums to the arrival time).
    pub causes: Vec<[f64; N_CAUSES]>,
    /// The link with the largest delay on each node's critical chain, and that delay (hours).
    pub worst: Vec<(u32, f64)>,
    /// Arrival time of each late station (infinity: never arrived within the horizon). The
    /// arrival of an on-time station is not computed when its last-mile draw shows it on
    /// time, and its entry here is then left as it was; [`Scratch::station_arrivals`]
    /// computes every station's arrival.
    pub station_arrival: Vec<f64>,
    /// Whether each station was late.
    pub station_late: Vec<bool>,
    /// The late stations, in increasing index order.
    pub late_stations: Vec<u32>,
    /// Late stations in each kecamatan.
    pub kec_late: Vec<u32>,
    /// Late stations in all.
    pub late_total: u32,
    /// Whether the consignment to each node was damaged on the way (first round), in the last
    /// replication (false for a node never dispatched).
    pub damaged: Vec<bool>,
    /// When the consignment to each node left its supplier, hours (infinity: never
    /// dispatched within the horizon).
    pub dispatched: Vec<f64>,
    /// Whether the last consignment driven was damaged (read by `dispatch`).
    last_damaged: bool,
}

/// A time as an orderable integer key: the bits of a non-negative `f64` order as the number.
#[inline]
fn tkey(t: f64) -> u64 {
    t.max(0.0).to_bits()
}

/// The bucket holding time `t` (hours): `floor(t / BUCKET_H)` without a libm call.
#[inline(always)]
fn bucket_of(t: f64) -> i64 {
    let q = t / BUCKET_H;
    let k = q as i64;
    if (k as f64) > q { k - 1 } else { k }
}

/// An event of the replication's queue as one integer that orders as the tuple
/// `(time, kind, a, b)`: kind 0 is "consignment ready" (a = escort priority rank, b = node),
/// kind 1 is "escort team free" (a = b = pool). Ranks and indices are below 2³¹.
#[inline]
fn event(tk: u64, kind: u8, a: u32, b: u32) -> u128 {
    debug_assert!(a < 1 << 31);
    ((tk as u128) << 64) | ((kind as u128) << 63) | ((a as u128) << 32) | b as u128
}

impl Scratch {
    /// Working memory for a model.
    pub fn new(m: &Model) -> Self {
        let n = m.nodes.len();
        // Escort priority: planned dispatch first, then the longer route first, then file order.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            let pa = m.nodes[a].planned.unwrap_or(f64::INFINITY);
            let pb = m.nodes[b].planned.unwrap_or(f64::INFINITY);
            pa.total_cmp(&pb)
                .then(m.nodes[b].nominal_h.total_cmp(&m.nodes[a].nominal_h))
                .then(a.cmp(&b))
        });
        let mut rank = vec![0u32; n];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r as u32;
        }
        // Vehicle rounds of each consignment: trips = ceil(load / capacity), in rounds of the
        // fleet's count.
        let rounds = m
            .nodes
            .iter()
            .map(|node| match node.fleet {
                Some(fi) => {
                    let f = &m.fleets[fi];
                    let trips = (node.load / f.capacity).ceil().max(1.0);
                    (trips / f.count as f64).ceil() as u64
                }
                None => 1,
            })
            .collect();
        let (splan, pow_extra) = station_plans(m);
        Scratch {
            rk: 0,
            weather: m
                .zones
                .iter()
                .map(|z| vec![0u8; (m.horizon / z.step).ceil() as usize + 2])
                .collect(),
            base: vec![0.0; m.links.len()],
            blocks: vec![Vec::new(); m.links.len()],
            plans: m
                .links
                .iter()
                .map(|l| {
                    let d = l.disruption.as_ref()?;
                    let max_factor = match l.zone {
                        Some(z) => m.zones[z]
                            .states
                            .iter()
                            .map(|s| s.disruption_factor)
                            .fold(0.0, f64::max),
                        None => 1.0,
                    };
                    let rate = d.rate_per_h * max_factor;
                    if rate <= 0.0 {
                        return None;
                    }
                    let max = d.duration.max();
                    Some(DisruptPlan {
                        rate,
                        max_factor,
                        reach_h: max + 1e-9 * (1.0 + max),
                        p0: (-rate * BUCKET_H).exp(),
                    })
                })
                .collect(),
            generated: vec![NONE_GENERATED; m.links.len()],
            touched: Vec::new(),
            fresh: Vec::new(),
            rounds,
            handling: vec![0.0; n],
            heap: BinaryHeap::new(),
            direct: m.escorts.is_empty(),
            ready: Vec::new(),
            ready_at: vec![0.0; n],
            free_teams: m.escorts.iter().map(|e| e.teams).collect(),
            waiting: vec![Vec::new(); m.escorts.len()],
            chain: vec![[0.0; N_CAUSES]; n],
            rank,
            splan,
            pow_extra,
            pow_tau: powers(TAU, m.nodes.iter().map(|n| n.stations.1).max().unwrap_or(0)),
            upper: Vec::new(),
            big: Vec::new(),
            board_best: Vec::new(),
            board_sched: Vec::new(),
            hits: Vec::new(),
            order: {
                let mut order = Vec::with_capacity(n);
                let mut stack: Vec<usize> =
                    (0..n).filter(|&i| m.nodes[i].supplier.is_none()).collect();
                while let Some(i) = stack.pop() {
                    order.push(i as u32);
                    stack.extend(m.nodes[i].children.iter().copied());
                }
                order
            },
            arrival: vec![f64::INFINITY; n],
            causes: vec![[0.0; N_CAUSES]; n],
            worst: vec![(NO_LINK, 0.0); n],
            station_arrival: vec![f64::INFINITY; m.stations.len()],
            station_late: vec![false; m.stations.len()],
            late_stations: Vec::new(),
            kec_late: vec![0; m.kecamatan.len()],
            late_total: 0,
            damaged: vec![false; n],
            dispatched: vec![f64::INFINITY; n],
            last_damaged: false,
        }
    }

    #[inline(always)]
    fn rng(&self, k: u64) -> Stream {
        stream_in(self.rk, k)
    }

    #[inline]
    fn state<'m>(
        &self,
        m: &'m Model,
        zone: Option<usize>,
        t: f64,
    ) -> Option<&'m crate::model::State> {
        let z = zone?;
        let steps = &self.weather[z];
        let k = if t <= 0.0 {
            0
        } else {
            ((t / m.zones[z].step) as usize).min(steps.len() - 1)
        };
        Some(&m.zones[z].states[steps[k] as usize])
    }

    fn draw_weather(&mut self, m: &Model) {
        for (zi, z) in m.zones.iter().enumerate() {
            let mut rng = self.rng(z.key);
            // The first state whose cumulative probability exceeds `u`: the CDF does not
            // fall, so that is the number of entries at most `u` (counted without branches).
            let pick = |cdf: &[f64], u: f64| {
                let below: usize = cdf.iter().map(|&c| (c <= u) as usize).sum();
                below.min(cdf.len() - 1) as u8
            };
            let n = self.weather[zi].len();
            let mut s = 0u8;
            for k in 0..n {
                let uf = rng.uniform();
                let ut = rng.uniform();
                s = match &z.follow {
                    Some((l, p, map)) if uf < *p => map[self.weather[*l][k] as usize] as u8,
                    _ if k == 0 => pick(&z.initial_cdf, ut),
                    _ => pick(&z.trans_cdf[s as usize], ut),
                };
                self.weather[zi][k] = s;
            }
        }
    }

    fn draw_links(&mut self, m: &Model) {
        for (li, l) in m.links.iter().enumerate() {
            // Families drawn by inversion take their one uniform from a hash of (seed,
            // replication, link); the others draw from the link's stream.
            let s = match &l.base {
                Base::Duration(s) | Base::Distance(_, s) => s,
            };
            let v = if s.by_inversion() {
                s.quantile(unit(mix(self.rk ^ l.key ^ TAG_BASE_U)))
            } else {
                s.sample(&mut self.rng(l.key ^ TAG_BASE))
            };
            self.base[li] = match &l.base {
                Base::Duration(_) => v,
                Base::Distance(km, _) => km / v.max(0.1),
            };
        }
        // Road disruption events are drawn bucket by bucket when a vehicle needs them.
        for &li in &self.touched {
            self.blocks[li as usize].clear();
            self.generated[li as usize] = NONE_GENERATED;
        }
        self.touched.clear();
    }

    /// Append the blocking events of bucket `k` of link `li` to `self.fresh`, in order of
    /// start. The bucket covers `[24k, 24(k+1))` hours clipped to `[-WARMUP_H, horizon]`.
    /// Whether it has any candidate event is decided by one uniform taken from a hash of
    /// `(seed, replication, link, k)`; only a bucket with candidates seeds a stream for the
    /// candidates' times, thinning draws and block durations. Blocks that end before time 0
    /// are dropped.
    #[inline]
    fn draw_bucket(&mut self, m: &Model, li: usize, k: i64) {
        let l = &m.links[li];
        let Some(plan) = &self.plans[li] else {
            return;
        };
        let (lo, hi) = (k as f64 * BUCKET_H, (k + 1) as f64 * BUCKET_H);
        let (b0, b1) = (lo.max(-WARMUP_H), hi.min(m.horizon));
        if b1 <= b0 {
            return;
        }
        let len = b1 - b0;
        let mu = plan.rate * len;
        let u = unit(mix(self.rk ^ sub(l.key ^ TAG_DISRUPT, k as u64)));
        let p0 = if lo == b0 && hi == b1 {
            plan.p0
        } else {
            (-mu).exp()
        };
        if u < p0 {
            return;
        }
        self.draw_candidates(m, li, k, b0, b1, u, p0);
    }

    /// The candidate events of a bucket that has some (see [`Scratch::draw_bucket`]).
    #[cold]
    #[allow(clippy::too_many_arguments)]
    fn draw_candidates(&mut self, m: &Model, li: usize, k: i64, b0: f64, b1: f64, u: f64, p0: f64) {
        let l = &m.links[li];
        let (Some(dis), Some(plan)) = (&l.disruption, &self.plans[li]) else {
            return;
        };
        let len = b1 - b0;
        let mu = plan.rate * len;
        let mut rng = self.rng(sub(l.key ^ TAG_DISRUPT_EVENTS, k as u64));
        let start = self.fresh.len();
        let zone = l.zone;
        let factor = |t: f64| match zone {
            Some(z) => {
                let steps = &self.weather[z];
                let i = if t <= 0.0 {
                    0
                } else {
                    ((t / m.zones[z].step) as usize).min(steps.len() - 1)
                };
                m.zones[z].states[steps[i] as usize].disruption_factor
            }
            None => 1.0,
        };
        let keep = |t: f64, rng: &mut Stream, fresh: &mut Vec<(f64, f64)>| {
            if rng.uniform() * plan.max_factor < factor(t) {
                let e = t + dis.duration.sample(rng);
                if e > 0.0 {
                    fresh.push((t, e));
                }
            }
        };
        if mu <= 30.0 {
            // Number of candidates by inversion of the Poisson CDF at `u`, then uniform times.
            let (mut n, mut term, mut cum) = (0u32, p0, p0);
            while u >= cum && n < 1_000 {
                n += 1;
                term *= mu / n as f64;
                cum += term;
            }
            let mut fresh = std::mem::take(&mut self.fresh);
            for _ in 0..n {
                let t = b0 + len * rng.uniform();
                keep(t, &mut rng, &mut fresh);
            }
            fresh[start..].sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
            self.fresh = fresh;
        } else {
            // Many candidates: exponential gaps.
            let mut fresh = std::mem::take(&mut self.fresh);
            let mut t = b0;
            loop {
                t += -(1.0 - rng.uniform()).ln() / plan.rate;
                if t >= b1 {
                    break;
                }
                keep(t, &mut rng, &mut fresh);
            }
            self.fresh = fresh;
        }
    }

    /// Make sure every bucket of link `li` from the one holding `from` to the one holding
    /// `to` has been drawn; `self.blocks[li]` stays sorted by start.
    fn ensure_buckets(&mut self, m: &Model, li: usize, from: f64, to: f64) {
        if self.plans[li].is_none() {
            return;
        }
        let ka = bucket_of(from.max(-WARMUP_H));
        let kb = bucket_of(to.min(m.horizon));
        let g = self.generated[li];
        if g.lo <= ka && kb <= g.hi {
            return;
        }
        if g.lo > g.hi {
            self.touched.push(li as u32);
            self.fresh.clear();
            for k in ka..=kb {
                self.draw_bucket(m, li, k);
            }
            std::mem::swap(&mut self.blocks[li], &mut self.fresh);
            self.generated[li] = Generated { lo: ka, hi: kb };
            return;
        }
        if ka < g.lo {
            self.fresh.clear();
            for k in ka..g.lo {
                self.draw_bucket(m, li, k);
            }
            let fresh = std::mem::take(&mut self.fresh);
            self.blocks[li].splice(0..0, fresh.iter().copied());
            self.fresh = fresh;
            self.generated[li].lo = ka;
        }
        if kb > g.hi {
            self.fresh.clear();
            for k in g.hi + 1..=kb {
                self.draw_bucket(m, li, k);
            }
            let fresh = std::mem::take(&mut self.fresh);
            self.blocks[li].extend_from_slice(&fresh);
            self.fresh = fresh;
            self.generated[li].hi = kb;
        }
    }

    /// The base (calm) duration drawn for each link in the last replication, hours.
    pub fn link_durations(&self) -> &[f64] {
        &self.base
    }

    /// The weather state index of each zone at each step in the last replication.
    pub fn weather(&self) -> &[Vec<u8>] {
        &self.weather
    }

    /// Whether a block of road link `li` is active at some moment of `[a, b)` in the last
    /// replication (false for a link without disruptions). `a` and `b` are clipped to the
    /// simulated blocks: from a week before time 0 to the horizon.
    pub fn blocked_during(&mut self, m: &Model, li: usize, a: f64, b: f64) -> bool {
        if self.plans[li].is_none() || b <= a {
            return false;
        }
        if self.blocked_until(m, li, a) > a {
            return true;
        }
        self.ensure_buckets(m, li, a, b);
        let blocks = &self.blocks[li];
        let i = blocks.partition_point(|x| x.0 < a);
        blocks[i..].iter().any(|x| x.0 < b && x.1 > x.0)
    }

    /// When a vehicle that reaches link `li` at `t` can enter it (t itself if not blocked):
    /// the end of the chain of overlapping blocks that covers `t`.
    pub fn blocked_until(&mut self, m: &Model, li: usize, t: f64) -> f64 {
        let Some(plan) = &self.plans[li] else {
            return t;
        };
        // Blocks that start before `from` end before `t`.
        let from = t - plan.reach_h;
        let mut cur = t;
        loop {
            let before = cur;
            self.ensure_buckets(m, li, from, cur);
            let blocks = &self.blocks[li];
            let mut i = blocks.partition_point(|b| b.0 < from);
            while i < blocks.len() {
                let (s, e) = blocks[i];
                if s > cur {
                    break;
                }
                if e > cur {
                    cur = e;
                }
                i += 1;
            }
            if cur == before {
                return cur;
            }
        }
    }

    /// The hours (from 0) of scheduled departure number `n` of link `li`.
    #[inline]
    fn departure_time(m: &Model, li: usize, n: u64) -> f64 {
        let tt = &m.links[li].timetable;
        let day = n / tt.len() as u64;
        let slot = tt[(n % tt.len() as u64) as usize];
        (day as f64 * 1440.0 + slot - m.start_minute) / 60.0
    }

    /// The first scheduled departure number at or after `t`.
    #[inline]
    fn first_departure(m: &Model, li: usize, t: f64) -> u64 {
        let tt = &m.links[li].timetable;
        let minute = m.start_minute + t.max(0.0) * 60.0;
        let day = (minute / 1440.0).floor();
        let within = minute - day * 1440.0;
        let j = tt.partition_point(|&s| s < within - 1e-9);
        day as u64 * tt.len() as u64 + j as u64
    }

    /// Whether time `t` is inside the daily window `w` (minutes of day). Times computed back
    /// from a window's opening (`next_opening`) can fall a rounding error short of it, so the
    /// comparison allows a millionth of a minute, and a minute of day within that of midnight
    /// is midnight. (Without this, a boat waiting for its window could stand still at the
    /// opening forever; found by tests/it/robustness.rs.)
    fn in_window(m: &Model, w: (f64, f64), t: f64) -> bool {
        const EPS: f64 = 1e-6;
        let mut minute = (m.start_minute + t * 60.0).rem_euclid(1440.0);
        if minute > 1440.0 - EPS {
            minute -= 1440.0;
        }
        if w.0 <= w.1 {
            minute >= w.0 - EPS && minute <= w.1 + EPS
        } else {
            minute >= w.0 - EPS || minute <= w.1 + EPS
        }
    }

    fn next_opening(m: &Model, w: (f64, f64), t: f64) -> f64 {
        let minute = m.start_minute + t * 60.0;
        let day = (minute / 1440.0).floor();
        let mut open = day * 1440.0 + w.0;
        if open < minute {
            open += 1440.0;
        }
        (open - m.start_minute) / 60.0
    }

    /// The extra delay of link `l` for vehicle `trip`, if it strikes: whether it strikes is a
    /// hash of (seed, replication, link, trip); the delay is drawn from the link's own
    /// extra-delay stream for that vehicle, so that adding or changing an extra delay leaves
    /// every other draw alone.
    #[inline]
    fn extra_delay(&self, l: &crate::model::Link, trip: u64) -> Option<f64> {
        let e = l.extra.as_ref()?;
        let u = unit(mix(self.rk ^ sub(l.key ^ TAG_EXTRA, trip)));
        (u < e.probability).then(|| {
            let mut rng = self.rng(sub(l.key ^ TAG_EXTRA_DELAY, trip));
            e.delay.sample(&mut rng)
        })
    }

    /// Arrival after `base` hours of travel on a link of zone `zone` started at `start`, when
    /// the weather state's factor slows progress (`road` picks the road or the sailing factor).
    /// Progress is integrated over the weather steps, so a vehicle that starts later never
    /// arrives earlier (first in, first out).
    #[inline]
    fn travel(&self, m: &Model, zone: Option<usize>, start: f64, base: f64, road: bool) -> f64 {
        let Some(z) = zone else { return start + base };
        if base <= 0.0 {
            return start;
        }
        let zone = &m.zones[z];
        let steps = &self.weather[z];
        let (mut cur, mut rem) = (start, base);
        // The step index advances by one each round, so the loop ends after at most one
        // round per weather step. (Recomputing it as `cur / step` at a step boundary can
        // round down to the step just left -- (n × 0.1) / 0.1 < n for many n -- and loop
        // forever; found by tests/it/robustness.rs.)
        let mut k = if cur <= 0.0 {
            0
        } else {
            (cur / zone.step) as usize
        };
        loop {
            let st = &zone.states[steps[k.min(steps.len() - 1)] as usize];
            let f = if road { st.road_factor } else { st.sail_factor };
            if k + 1 >= steps.len() {
                return cur + rem * f;
            }
            let end = (k + 1) as f64 * zone.step;
            let cap = (end - cur).max(0.0) / f;
            if cap >= rem {
                return cur + rem * f;
            }
            rem -= cap;
            cur = end;
            k += 1;
        }
    }

    #[inline]
    fn wave_ok(&self, m: &Model, l: &crate::model::Link, t: f64) -> bool {
        let limit = l
            .vessel
            .as_ref()
            .map(|v| v.wave_limit)
            .unwrap_or(f64::INFINITY);
        self.state(m, l.zone, t)
            .map(|s| s.wave_m <= limit)
            .unwrap_or(true)
    }

    /// Whether scheduled departure `n` of link `li` runs, and its delay.
    #[inline]
    fn departure(&self, m: &Model, li: usize, n: u64, sched: f64) -> (bool, f64) {
        let l = &m.links[li];
        let Some(v) = &l.vessel else {
            return (true, 0.0);
        };
        let mut drng = self.rng(sub(l.key ^ TAG_DEPART, n));
        let u1 = drng.uniform();
        let u2 = drng.uniform();
        let d = v.delay.as_ref().map(|s| s.sample(&mut drng)).unwrap_or(0.0);
        let outage = match v.outage {
            Some((p, share)) => {
                let day = ((m.start_minute + sched * 60.0) / 1440.0).floor().max(0.0) as u64;
                let mut orng = self.rng(sub(l.key ^ TAG_OUTAGE, day));
                orng.uniform() < p && u2 < share
            }
            None => false,
        };
        (!(u1 < v.cancel || outage), d)
    }

    /// Cross link `li`, reaching it at `t`, as vehicle `trip` (a stream key). Adds the time
    /// spent to `c` by cause and returns the arrival time and the delay on this link.
    ///
    /// Every rule here is first in, first out: a vehicle that reaches a link later never
    /// leaves it earlier. Roads: wait out a block or take the detour, whichever arrives first.
    /// Scheduled crossings: the vehicle boards the departure that arrives first among those
    /// that run, have not left yet (a delayed departure can still be boarded), and sail in
    /// the weather at their actual departure; a queue can make it miss some of them.
    /// Unscheduled boats: they leave when the window is open, the sea is within the vessel's
    /// limit and the boat is not out of service in that weather step.
    fn cross(
        &mut self,
        m: &Model,
        li: usize,
        t: f64,
        trip: u64,
        c: &mut [f64; N_CAUSES],
    ) -> (f64, f64) {
        let l = &m.links[li];
        let base = self.base[li];
        // The vehicle's own stream on this link, seeded only if something is drawn from it.
        let rk = self.rk;
        let trip_stream = || stream_in(rk, sub(l.key ^ TAG_TRIP, trip));
        let mut rng: Option<Stream> = None;
        let road = l.mode == Mode::Road;
        if road {
            let until = if l.disruption.is_some() {
                self.blocked_until(m, li, t)
            } else {
                t
            };
            // The detour is the first (and only) draw of the vehicle's stream: drawn only when
            // the link is blocked.
            let detour = if until > t {
                l.disruption
                    .as_ref()
                    .and_then(|d| d.detour.as_ref())
                    .map(|s| s.sample(rng.get_or_insert_with(trip_stream)))
            } else {
                None
            };
            let (start, held) = if until > t {
                let wait_arr = self.travel(m, l.zone, until, base, true);
                match detour {
                    Some(x) if self.travel(m, l.zone, t + x, base, true) < wait_arr => (t + x, x),
                    _ => (until, until - t),
                }
            } else {
                (t, 0.0)
            };
            let arr = self.travel(m, l.zone, start, base, true);
            let slow = snap(arr - start - base);
            c[cause::ROAD] += held;
            c[cause::TRAVEL] += arr - start - slow;
            c[cause::WEATHER] += slow;
            let extra = self.extra_delay(l, trip).unwrap_or(0.0);
            c[cause::ROAD] += extra;
            return (arr + extra, snap(held + extra + slow));
        }
        if t > m.horizon {
            return (f64::INFINITY, 0.0);
        }
        // Sea and river.
        let mut cursor = t;
        if let Some(q) = &l.queue_delay {
            let d = q.sample(rng.get_or_insert_with(trip_stream));
            c[cause::QUEUE] += d;
            cursor += d;
        }
        let skip = l
            .queue_missed
            .as_ref()
            .map(|s| {
                s.sample(rng.get_or_insert_with(trip_stream))
                    .floor()
                    .clamp(0.0, 1000.0) as usize
            })
            .unwrap_or(0);
        let (depart, arr, waits) = if !l.timetable.is_empty() {
            self.board_scheduled(m, li, cursor, skip, base)
        } else {
            let delay = l
                .vessel
                .as_ref()
                .and_then(|v| v.delay.as_ref())
                .map(|s| s.sample(rng.get_or_insert_with(trip_stream)))
                .unwrap_or(0.0);
            self.board_unscheduled(m, li, cursor, delay, base)
        };
        if !arr.is_finite() || arr > m.horizon {
            // Never across within the horizon: charge the waits to their causes, so that a
            // consignment that never arrived is attributed to the weather or the vessels (not
            // to "travel"), and this link is its critical link.
            c[cause::TRAVEL] += waits[0];
            c[cause::WEATHER] += waits[1];
            c[cause::VESSEL] += waits[2];
            c[cause::QUEUE] += waits[3];
            return (f64::INFINITY, waits[1] + waits[2] + waits[3]);
        }
        // waits: [schedule, weather, vessel, queue] sum to depart - cursor.
        let slow = snap(arr - depart - base);
        c[cause::TRAVEL] += waits[0] + (arr - depart - slow);
        c[cause::WEATHER] += waits[1] + slow;
        c[cause::VESSEL] += waits[2];
        c[cause::QUEUE] += waits[3];
        let queue0 = if l.queue_delay.is_some() {
            cursor - t
        } else {
            0.0
        };
        let extra = self.extra_delay(l, trip).unwrap_or(0.0);
        c[cause::VESSEL] += extra;
        (
            arr + extra,
            snap(queue0 + waits[1] + waits[2] + waits[3] + extra + slow),
        )
    }

    /// Board a scheduled crossing from `cursor`; returns (actual departure, arrival, waits by
    /// [schedule, weather, vessel, queue]).
    fn board_scheduled(
        &mut self,
        m: &Model,
        li: usize,
        cursor: f64,
        skip: usize,
        base: f64,
    ) -> (f64, f64, [f64; 4]) {
        let l = &m.links[li];
        let lookback = l
            .vessel
            .as_ref()
            .and_then(|v| v.delay.as_ref())
            .map(|s| s.max())
            .unwrap_or(0.0)
            .min(24.0);
        let mut n = Self::first_departure(m, li, (cursor - lookback).max(0.0));
        // The best `skip + 1` (arrival, actual departure, scheduled) among boardable departures,
        // and the scheduled times of the boardable departures (scratch reused across calls).
        let mut best = std::mem::take(&mut self.board_best);
        let mut scheduled = std::mem::take(&mut self.board_sched);
        best.clear();
        scheduled.clear();
        let mut ideal = f64::INFINITY; // first departure scheduled at or after the cursor
        let (mut n_weather, mut n_vessel) = (0u32, 0u32);
        loop {
            let sched = Self::departure_time(m, li, n);
            n += 1;
            if sched > m.horizon || (best.len() > skip && sched > best[skip].0) {
                break;
            }
            if let Some(w) = l.window
                && !Self::in_window(m, w, sched)
            {
                continue;
            }
            if sched >= cursor && ideal.is_infinite() {
                ideal = sched;
            }
            let (runs, delay) = self.departure(m, li, n - 1, sched);
            let actual = sched + delay;
            if !runs {
                if sched >= cursor {
                    n_vessel += 1;
                }
                continue;
            }
            if actual < cursor {
                continue;
            }
            if !self.wave_ok(m, l, actual) {
                if sched >= cursor {
                    n_weather += 1;
                }
                continue;
            }
            let arr = self.travel(m, l.zone, actual, base, false);
            let pos = best.partition_point(|b| b.0 <= arr);
            best.insert(pos, (arr, actual, sched));
            best.truncate(skip + 1);
            scheduled.push(sched);
        }
        let picked = best.get(skip).copied();
        let n_skipped = picked.map_or(0, |(_, _, sched)| {
            scheduled
                .iter()
                .filter(|&&s| s >= ideal && s < sched)
                .count() as u32
        });
        self.board_best = best;
        self.board_sched = scheduled;
        let Some((arr, actual, sched)) = picked else {
            // Never boarded within the horizon: the wait until the horizon, split by what
            // stopped the departures (weather, vessels), so "never arrived" has its causes.
            let w = (m.horizon - cursor).max(0.0);
            let total = (n_weather + n_vessel) as f64;
            let waits = if total > 0.0 {
                [
                    0.0,
                    w * n_weather as f64 / total,
                    w * n_vessel as f64 / total,
                    0.0,
                ]
            } else {
                [w, 0.0, 0.0, 0.0]
            };
            return (f64::INFINITY, f64::INFINITY, waits);
        };
        let w = (actual - cursor).max(0.0);
        let ws = if ideal.is_finite() {
            (ideal - cursor).clamp(0.0, w)
        } else {
            0.0
        };
        let wd = (actual - sched).clamp(0.0, w - ws);
        let wr = w - ws - wd;
        let total = (n_weather + n_vessel + n_skipped) as f64;
        let mut waits = [ws, 0.0, wd, 0.0];
        if total > 0.0 {
            waits[1] = wr * n_weather as f64 / total;
            waits[2] += wr * n_vessel as f64 / total;
            waits[3] = wr * n_skipped as f64 / total;
        } else {
            waits[0] += wr;
        }
        (actual, arr, waits)
    }

    /// Board an unscheduled boat from `cursor`; returns (departure, arrival, waits).
    ///
    /// The boat can first leave at `s0` = [`Scratch::next_sailable`]`(cursor)`; after its
    /// delay it is ready at `s0 + delay`, and it sails at `next_sailable(s0 + delay)`: the
    /// window, the sea and the boat's service are checked again at the actual departure, so
    /// a delay that runs past the window or into a storm waits for the next opening or calm.
    fn board_unscheduled(
        &self,
        m: &Model,
        li: usize,
        cursor: f64,
        delay: f64,
        base: f64,
    ) -> (f64, f64, [f64; 4]) {
        let l = &m.links[li];
        let mut waits = [0.0; 4];
        let Some(s0) = self.next_sailable(m, li, cursor, &mut waits) else {
            return (f64::INFINITY, f64::INFINITY, waits);
        };
        waits[2] += delay;
        let Some(dep) = self.next_sailable(m, li, s0 + delay, &mut waits) else {
            return (f64::INFINITY, f64::INFINITY, waits);
        };
        (dep, self.travel(m, l.zone, dep, base, false), waits)
    }

    /// The first moment at or after `s` at which an unscheduled boat of link `li` may leave:
    /// its window is open, the sea is within its limit and it is in service in that weather
    /// step (one cancellation draw per step of the link's zone, or per hour from time 0
    /// without a zone, shared by every vehicle). `None` after the horizon. Adds the wait to
    /// `waits` (window: schedule; sea: weather; out of service: vessel).
    fn next_sailable(&self, m: &Model, li: usize, mut s: f64, waits: &mut [f64; 4]) -> Option<f64> {
        let l = &m.links[li];
        let step = l.zone.map(|z| m.zones[z].step).unwrap_or(1.0);
        let cancel = l.vessel.as_ref().map(|v| v.cancel).unwrap_or(0.0);
        loop {
            if s > m.horizon {
                return None;
            }
            if let Some(w) = l.window
                && !Self::in_window(m, w, s)
            {
                // Always forward, even if rounding puts the opening at `s` itself.
                let open = Self::next_opening(m, w, s).max(s + 1e-9);
                waits[0] += open - s;
                s = open;
                continue;
            }
            // The start of the next weather step, strictly after `s` even when `s / step`
            // rounds down at a step boundary (else the loop would stand still).
            let mut next_step = ((s / step).floor() + 1.0) * step;
            if next_step <= s {
                next_step = ((s / step).floor() + 2.0) * step;
            }
            if !self.wave_ok(m, l, s) {
                waits[1] += next_step - s;
                s = next_step;
                continue;
            }
            if cancel > 0.0 {
                let slot = (s / step).floor().max(0.0) as u64;
                if self.rng(sub(l.key ^ TAG_DEPART, slot)).uniform() < cancel {
                    waits[2] += next_step - s;
                    s = next_step;
                    continue;
                }
            }
            return Some(s);
        }
    }

    /// Drive a consignment to node `ci`, leaving its supplier at `d`. Returns the time it is
    /// complete (damage replaced) and the arrival of its last round (which frees its escort);
    /// adds its causes to `c` and updates `worst`.
    fn consign(
        &mut self,
        m: &Model,
        ci: usize,
        d: f64,
        c: &mut [f64; N_CAUSES],
        worst: &mut (u32, f64),
    ) -> (f64, f64) {
        let node = &m.nodes[ci];
        // Route choice at dispatch.
        let mut route = &node.route;
        if let Some(fb) = &node.fallback {
            let mut impassable = false;
            for &li in &node.route {
                // A link that the fallback takes too cannot make the fallback any better.
                if fb.contains(&li) {
                    continue;
                }
                let l = &m.links[li];
                impassable = match l.mode {
                    // A road with a detour is never impassable: its vehicles go round a
                    // block (step 7), so only a road without one sends the consignment to
                    // the fallback.
                    Mode::Road => {
                        l.disruption.as_ref().is_some_and(|x| x.detour.is_none())
                            && self.blocked_until(m, li, d) - d > node.fallback_block_h
                    }
                    _ => {
                        let limit = l
                            .vessel
                            .as_ref()
                            .map(|v| v.wave_limit)
                            .unwrap_or(f64::INFINITY);
                        self.state(m, l.zone, d)
                            .map(|s| s.wave_m > limit)
                            .unwrap_or(false)
                    }
                };
                if impassable {
                    break;
                }
            }
            if impassable {
                route = fb;
            }
        }
        let rounds = self.rounds[ci];
        let fleet = node.fleet.map(|fi| &m.fleets[fi]);
        // The damage stream, seeded only if a link of the route can damage.
        let mut drng: Option<Stream> = None;
        let mut damaged = false;
        let mut t = d;
        let mut first_arrival = f64::INFINITY;
        for r in 0..rounds.min(10_000) {
            if r > 0 {
                // The vehicles come back for the next round.
                let mut back = [0.0; N_CAUSES];
                t = match fleet.and_then(|f| f.return_time.as_ref()) {
                    Some(s) => t + s.sample(&mut self.rng(sub(node.key ^ TAG_TRIP, 1_000_000 + r))),
                    None => {
                        let mut tb = t;
                        for (k, &li) in route.iter().rev().enumerate() {
                            tb = self
                                .cross(
                                    m,
                                    li,
                                    tb,
                                    mix(node.key ^ (2_000_000 + r * 1000 + k as u64)),
                                    &mut back,
                                )
                                .0;
                            if !tb.is_finite() {
                                break;
                            }
                        }
                        tb
                    }
                };
            }
            let mut rc = [0.0; N_CAUSES];
            for (k, &li) in route.iter().enumerate() {
                if !t.is_finite() {
                    break;
                }
                let damage_p = m.links[li].damage;
                if r == 0 && damage_p > 0.0 {
                    let f = self
                        .state(m, m.links[li].zone, t)
                        .map(|s| s.damage_factor)
                        .unwrap_or(1.0);
                    let (rk, key) = (self.rk, node.key ^ TAG_DAMAGE);
                    let u = drng.get_or_insert_with(|| stream_in(rk, key)).uniform();
                    if u < (damage_p * f).min(1.0) {
                        damaged = true;
                    }
                }
                let (arr, excess) =
                    self.cross(m, li, t, mix(node.key ^ (r * 1000 + k as u64)), &mut rc);
                if r == 0 && excess > worst.1 {
                    *worst = (li as u32, excess);
                }
                t = arr;
            }
            if r == 0 {
                first_arrival = t;
                for k in 0..N_CAUSES {
                    c[k] += rc[k];
                }
            }
            if !t.is_finite() {
                return (f64::INFINITY, f64::INFINITY);
            }
        }
        if rounds > 1 {
            c[cause::CAPACITY] += t - first_arrival;
        }
        let convoy = t;
        self.last_damaged = damaged;
        if damaged {
            // The damage is found when the first round (which carried it) arrives; the
            // replacement comes from the node's reserve, or as a second shipment that the
            // supplier sends at once (no handling, no escort) along the same route. The
            // consignment is complete when both the last round and the replacement are in.
            let replaced = match &node.reserve {
                Some(s) => first_arrival + s.sample(&mut self.rng(node.key ^ TAG_RESERVE)),
                None => {
                    let mut tr = first_arrival;
                    let mut ignore = [0.0; N_CAUSES];
                    for (k, &li) in route.iter().enumerate() {
                        tr = self
                            .cross(
                                m,
                                li,
                                tr,
                                mix(node.key ^ (3_000_000 + k as u64)),
                                &mut ignore,
                            )
                            .0;
                        if !tr.is_finite() {
                            break;
                        }
                    }
                    tr
                }
            };
            if replaced > t {
                t = replaced;
                if t.is_finite() {
                    c[cause::DAMAGE] += t - convoy;
                }
            }
        }
        (t, convoy)
    }

    fn release_children(&mut self, m: &Model, p: usize) {
        let a = self.arrival[p];
        if !a.is_finite() {
            return;
        }
        let ready = a + self.handling[p];
        for &ci in &m.nodes[p].children {
            let planned = m.nodes[ci].planned.unwrap_or(f64::NEG_INFINITY);
            let r = ready.max(planned);
            let mut chain = [0.0; N_CAUSES];
            if planned >= ready {
                chain[cause::PLANNED] = planned;
                self.worst[ci] = (NO_LINK, 0.0);
            } else {
                chain = self.causes[p];
                chain[cause::HANDLING] += self.handling[p];
                self.worst[ci] = self.worst[p];
            }
            self.chain[ci] = chain;
            self.ready_at[ci] = r;
            if r <= m.horizon {
                if self.direct {
                    self.ready.push(ci as u32);
                } else {
                    self.heap
                        .push(Reverse(event(tkey(r), 0, self.rank[ci], ci as u32)));
                }
            }
        }
    }

    fn dispatch(&mut self, m: &Model, ci: usize, d: f64) {
        let mut c = self.chain[ci];
        c[cause::ESCORT] += d - self.ready_at[ci];
        let mut worst = self.worst[ci];
        self.last_damaged = false;
        let (a, convoy) = self.consign(m, ci, d, &mut c, &mut worst);
        let a = if a > m.horizon { f64::INFINITY } else { a };
        self.arrival[ci] = a;
        self.damaged[ci] = self.last_damaged;
        self.dispatched[ci] = d;
        self.causes[ci] = c;
        self.worst[ci] = worst;
        if let Some(e) = m.nodes[ci].escort {
            let ret = m.escorts[e]
                .return_time
                .as_ref()
                .map(|s| s.sample(&mut self.rng(m.nodes[ci].key ^ TAG_ESCORT)))
                .unwrap_or(0.0);
            // The team is busy until the escorted convoy (the last round) arrives, plus its
            // return time; a damage replacement is not escorted.
            let free = convoy + ret;
            if free.is_finite() && convoy <= m.horizon {
                self.heap
                    .push(Reverse(event(tkey(free), 1, e as u32, e as u32)));
            }
        }
        self.release_children(m, ci);
    }

    /// Run replication `rep` of a run with `seed`; the outcome is left in `self`.
    pub fn replicate(&mut self, m: &Model, seed: u64, rep: u64) {
        self.rk = replication_key(seed, rep);
        self.draw_weather(m);
        self.draw_links(m);
        self.arrival.fill(f64::INFINITY);
        self.damaged.fill(false);
        self.dispatched.fill(f64::INFINITY);
        self.worst.fill((NO_LINK, 0.0));
        for c in self.causes.iter_mut() {
            *c = [0.0; N_CAUSES];
        }
        for (i, n) in m.nodes.iter().enumerate() {
            // Handling only matters before sending consignments on; a node without children
            // never draws it (its stream is its own, so nothing else moves).
            self.handling[i] = match &n.handling {
                Some(s) if !n.children.is_empty() => s.sample(&mut self.rng(n.key ^ TAG_HANDLING)),
                _ => 0.0,
            };
        }
        for (e, pool) in m.escorts.iter().enumerate() {
            self.free_teams[e] = pool.teams;
            self.waiting[e].clear();
        }
        self.heap.clear();
        self.ready.clear();
        for &d in &m.depots {
            let ready = m.nodes[d]
                .ready
                .as_ref()
                .map(|s| s.sample(&mut self.rng(m.nodes[d].key ^ TAG_READY)))
                .unwrap_or(0.0);
            self.arrival[d] = if ready > m.horizon {
                f64::INFINITY
            } else {
                ready
            };
            self.causes[d][cause::HANDLING] = ready;
            self.worst[d] = (NO_LINK, 0.0);
            self.release_children(m, d);
        }
        // Without escort pools no consignment waits for another, and every draw comes from
        // its own source's stream: the order of dispatch changes nothing, so the released
        // consignments are dispatched from a stack, without the event queue.
        while let Some(ci) = self.ready.pop() {
            let ci = ci as usize;
            self.dispatch(m, ci, self.ready_at[ci]);
        }
        while let Some(Reverse(ev)) = self.heap.pop() {
            let (tk, kind, id) = ((ev >> 64) as u64, (ev >> 63) as u8 & 1, ev as u32);
            let id = id as usize;
            if kind == 0 {
                let ci = id;
                let r = self.ready_at[ci];
                match m.nodes[ci].escort {
                    Some(e) if self.free_teams[e] == 0 => self.waiting[e].push(ci as u32),
                    Some(e) => {
                        self.free_teams[e] -= 1;
                        self.dispatch(m, ci, r);
                    }
                    None => self.dispatch(m, ci, r),
                }
            } else {
                let e = id;
                let now = f64::from_bits(tk);
                self.free_teams[e] += 1;
                if !self.waiting[e].is_empty() {
                    let (pos, _) = self.waiting[e]
                        .iter()
                        .enumerate()
                        .min_by_key(|(_, c)| self.rank[**c as usize])
                        .expect("non-empty");
                    let ci = self.waiting[e].swap_remove(pos) as usize;
                    self.free_teams[e] -= 1;
                    let d = now.max(self.ready_at[ci]);
                    self.dispatch(m, ci, d);
                }
            }
        }
        // Nodes that never arrived without a consignment of their own: say why, so that their
        // lateness is attributed to what held them (and not to "travel"). Suppliers first.
        let mut waiting = vec![false; 0];
        if self.waiting.iter().any(|w| !w.is_empty()) {
            waiting = vec![false; m.nodes.len()];
            for w in &self.waiting {
                for &ci in w {
                    waiting[ci as usize] = true;
                }
            }
        }
        for k in 0..self.order.len() {
            let i = self.order[k] as usize;
            let Some(p) = m.nodes[i].supplier else {
                continue;
            };
            if self.arrival[i].is_finite() {
                continue;
            }
            if !self.arrival[p].is_finite() {
                // Never supplied: the supplier's reasons.
                self.causes[i] = self.causes[p];
                self.worst[i] = self.worst[p];
            } else if waiting.get(i).copied().unwrap_or(false) {
                // Released, but no escort team came back within the horizon.
                let mut c = self.chain[i];
                c[cause::ESCORT] += (m.horizon - self.ready_at[i]).max(0.0);
                self.causes[i] = c;
            } else if self.ready_at[i] > m.horizon {
                // Released after the horizon (planned dispatch or handling).
                self.causes[i] = self.chain[i];
            }
        }
        self.stations(m);
    }

    /// Every station's last mile. A station's materials arrive at its node's arrival plus a
    /// last-mile draw (plus, with the stated probability, an extra delay, drawn from a second
    /// stream of the node); arrivals after the horizon are "never" (infinity).
    ///
    /// Only late stations are recorded; the result is exactly that of computing every
    /// station's arrival ([`Scratch::station_arrivals`]), with shortcuts:
    /// - a node that never arrived makes all its stations late, with no draws;
    /// - a node that arrived early enough that even the longest possible last mile is on
    ///   time (bounded families, no extra delay) draws nothing;
    /// - otherwise only the stations that can be late are looked at ([`Scratch::node_stations`]).
    fn stations(&mut self, m: &Model) {
        for &s in &self.late_stations {
            self.station_late[s as usize] = false;
        }
        self.late_stations.clear();
        self.late_total = 0;
        self.kec_late.fill(0);
        for (i, n) in m.nodes.iter().enumerate() {
            let (first, count) = n.stations;
            if count == 0 {
                continue;
            }
            let a = self.arrival[i];
            let dl = n.station_deadline.unwrap_or(f64::INFINITY);
            let before = self.late_stations.len();
            if !a.is_finite() {
                if f64::INFINITY > dl {
                    for s in first..first + count {
                        self.record_late(s, f64::INFINITY);
                    }
                }
            } else {
                self.node_stations(m, i, a, dl);
            }
            let late = (self.late_stations.len() - before) as u32;
            self.late_total += late;
            if let Some(k) = n.kec {
                self.kec_late[k] += late;
            }
        }
    }

    /// Every station's arrival in the last replication, computed directly: the node's
    /// arrival plus the station's last mile (and extra delay), from the same random numbers
    /// as the replication (which computes only the late stations' arrivals). Slow; for tests.
    pub fn station_arrivals(&self, m: &Model) -> Vec<f64> {
        let mut out = vec![f64::INFINITY; m.stations.len()];
        let mut offsets = Vec::new();
        for (i, n) in m.nodes.iter().enumerate() {
            let (first, count) = n.stations;
            let a = self.arrival[i];
            if count == 0 || !a.is_finite() {
                continue;
            }
            self.last_miles(m, i, &mut offsets);
            for (slot, &(l, x)) in out[first..first + count].iter_mut().zip(&offsets) {
                let t = a + l + x;
                *slot = if t > m.horizon { f64::INFINITY } else { t };
            }
        }
        out
    }

    /// Each station's last mile and extra delay (hours from its node's arrival) in the last
    /// replication, in station order, into `out`: the same numbers as the replication draws,
    /// whatever the node's arrival.
    pub fn last_miles(&self, m: &Model, i: usize, out: &mut Vec<(f64, f64)>) {
        let mut bufs = MileBufs::default();
        self.last_miles_in(m, i, out, &mut bufs);
    }

    /// The latest TPS arrival of each kecamatan in the last replication (infinity: some TPS
    /// never supplied within the horizon; NaN: a kecamatan without TPS), into `out`.
    pub fn kec_last_arrivals(&self, m: &Model, out: &mut [f64], bufs: &mut MileBufs) {
        out.fill(f64::NAN);
        let mut miles = std::mem::take(&mut bufs.miles);
        for (i, n) in m.nodes.iter().enumerate() {
            let (Some(k), count) = (n.kec, n.stations.1) else {
                continue;
            };
            if count == 0 {
                continue;
            }
            let a = self.arrival[i];
            let last = if a.is_finite() {
                let longest = match &n.last_mile {
                    // By inversion the last mile grows with the uniform: the longest is at the
                    // largest uniform, or at a station with an extra delay.
                    Some(lm) if lm.by_inversion() => {
                        let plan = self.splan[i];
                        self.draw_big(n, &plan, &mut bufs.big);
                        self.all_strikes(n, &plan, &bufs.big, &mut bufs.hits);
                        self.draw_upper(n, &mut bufs.upper);
                        let upper = &bufs.upper;
                        let u_of = |k: usize| {
                            upper
                                .iter()
                                .find(|h| h.0 as usize == k)
                                .map_or_else(|| TAU * self.low_u(n, k), |h| h.1)
                        };
                        let umax = if upper.is_empty() {
                            TAU * (0..count).map(|k| self.low_u(n, k)).fold(0.0, f64::max)
                        } else {
                            upper.iter().map(|h| h.1).fold(0.0, f64::max)
                        };
                        bufs.hits.iter().fold(lm.quantile(umax), |b, &(k, x)| {
                            b.max(lm.quantile(u_of(k as usize)) + x)
                        })
                    }
                    _ => {
                        self.last_miles_in(m, i, &mut miles, bufs);
                        miles.iter().map(|&(l, x)| l + x).fold(0.0, f64::max)
                    }
                };
                let t = a + longest;
                if t > m.horizon { f64::INFINITY } else { t }
            } else {
                f64::INFINITY
            };
            if out[k].is_nan() || last > out[k] {
                out[k] = last;
            }
        }
        bufs.miles = miles;
    }

    fn last_miles_in(&self, m: &Model, i: usize, out: &mut Vec<(f64, f64)>, bufs: &mut MileBufs) {
        let n = &m.nodes[i];
        let count = n.stations.1;
        out.clear();
        let (upper, big, hits) = (&mut bufs.upper, &mut bufs.big, &mut bufs.hits);
        let plan = self.splan[i];
        self.draw_big(n, &plan, big);
        self.all_strikes(n, &plan, big, hits);
        let x_of = |k: usize| hits.iter().find(|h| h.0 as usize == k).map_or(0.0, |h| h.1);
        match &n.last_mile {
            None => out.extend((0..count).map(|k| (0.0, x_of(k)))),
            Some(lm) if lm.by_inversion() => {
                self.draw_upper(n, upper);
                out.extend((0..count).map(|k| {
                    let u = upper
                        .iter()
                        .find(|h| h.0 as usize == k)
                        .map_or_else(|| TAU * self.low_u(n, k), |h| h.1);
                    (lm.quantile(u), x_of(k))
                }));
            }
            Some(lm) => {
                let mut rng = self.rng(n.key ^ TAG_LASTMILE);
                out.extend((0..count).map(|k| (lm.sample(&mut rng), x_of(k))));
            }
        }
    }

    /// For `tepat plan`: the arrival at node `ci` of its consignment had it left its supplier
    /// at `d`, in the weather, timetables, disruptions and draws of the last replication
    /// (infinity past the horizon). Escort teams are not waited for. The replication's
    /// outcome is left unchanged.
    pub fn arrival_if_dispatched(&mut self, m: &Model, ci: usize, d: f64) -> f64 {
        let mut c = [0.0; N_CAUSES];
        let mut worst = (NO_LINK, 0.0);
        let (a, _convoy) = self.consign(m, ci, d, &mut c, &mut worst);
        if a > m.horizon { f64::INFINITY } else { a }
    }

    /// How long the consignment to node `i` waited for an escort team in the last replication,
    /// hours (0 if it was never dispatched).
    pub fn escort_wait_h(&self, i: usize) -> f64 {
        if self.arrival[i].is_finite() {
            (self.causes[i][cause::ESCORT] - self.chain[i][cause::ESCORT]).max(0.0)
        } else {
            0.0
        }
    }

    /// Whether the consignment to node `i` left later than its planned dispatch because its
    /// materials were not ready at its supplier (always, without a planned dispatch), in the
    /// last replication.
    pub fn waited_on_supplier(&self, m: &Model, i: usize) -> bool {
        match m.nodes[i].planned {
            Some(p) => self.ready_at[i] > p,
            None => true,
        }
    }

    /// Handling at node `i` before it sends consignments on, in the last replication, hours.
    pub fn handling_h(&self, i: usize) -> f64 {
        self.handling[i]
    }

    #[inline(always)]
    fn record_late(&mut self, s: usize, arr: f64) {
        self.station_late[s] = true;
        self.station_arrival[s] = arr;
        self.late_stations.push(s as u32);
    }

    /// The "big" extra-delay strikes of node `n`'s stations, in increasing station order, with
    /// their delays, into `big`: by geometric skips on the node's extra-delay stream. For
    /// families drawn by inversion a big strike is one whose uniform is above the split
    /// (probability p(1 − split) per station, the delay drawn from the top of the family);
    /// for the others every strike is big (probability p).
    #[inline]
    fn draw_big(&self, n: &crate::model::Node, plan: &StationPlan, big: &mut Vec<(u32, f64)>) {
        big.clear();
        let Some(e) = &n.last_mile_extra else {
            return;
        };
        let count = n.stations.1;
        let mut rng = self.rng(n.key ^ TAG_LASTMILE_EXTRA);
        let split = plan.split;
        skip_hits(
            &mut rng,
            count,
            &self.pow_extra[plan.pow_at..plan.pow_at + count + 1],
            plan.ln_miss_big,
            |k, r| {
                let x = if split > 0.0 {
                    e.delay.quantile(split + (1.0 - split) * r.uniform())
                } else {
                    e.delay.sample(r)
                };
                big.push((k as u32, x))
            },
        );
    }

    /// Every extra-delay strike of node `n`'s stations (the big ones, given, and the small
    /// ones), in increasing station order, into `out`. A small strike is a flag drawn by
    /// geometric skips on the node's second extra-delay stream (probability p·split / (1 −
    /// p(1 − split)) per station, each flag with one uniform `v` and the delay at `split · v`)
    /// on a station without a big strike: P(small strike) = p·split, exactly.
    fn all_strikes(
        &self,
        n: &crate::model::Node,
        plan: &StationPlan,
        big: &[(u32, f64)],
        out: &mut Vec<(u32, f64)>,
    ) {
        out.clear();
        let Some(e) = &n.last_mile_extra else {
            return;
        };
        if plan.split > 0.0 {
            let count = n.stations.1;
            let at = plan.pow_at + count + 1;
            let mut rng = self.rng(n.key ^ TAG_LASTMILE_SMALL);
            let split = plan.split;
            skip_hits(
                &mut rng,
                count,
                &self.pow_extra[at..at + count + 1],
                plan.ln_miss_small,
                |k, r| {
                    let v = r.uniform();
                    if !big.iter().any(|b| b.0 as usize == k) {
                        out.push((k as u32, e.delay.quantile(split * v)));
                    }
                },
            );
        }
        if !big.is_empty() {
            out.extend_from_slice(big);
            out.sort_unstable_by_key(|h| h.0);
        }
    }

    /// The stations of node `n` whose last-mile uniform is above [`TAU`], with that uniform,
    /// in increasing order, into `upper`: by geometric skips on the node's last-mile stream.
    #[inline]
    fn draw_upper(&self, n: &crate::model::Node, upper: &mut Vec<(u32, f64)>) {
        upper.clear();
        let mut rng = self.rng(n.key ^ TAG_LASTMILE);
        skip_hits(&mut rng, n.stations.1, &self.pow_tau, LN_TAU, |k, r| {
            upper.push((k as u32, TAU + (1.0 - TAU) * r.uniform()))
        });
    }

    /// The last-mile uniform of station `k` of node `n` divided by [`TAU`], for a station
    /// whose uniform is at most `TAU` (not in [`Scratch::draw_upper`]'s list): a hash of
    /// (seed, replication, node, k), so that any station's can be had without the others'.
    #[inline]
    fn low_u(&self, n: &crate::model::Node, k: usize) -> f64 {
        unit(mix(self.rk ^ sub(n.key ^ TAG_LASTMILE_LOW, k as u64)))
    }

    /// The stations of node `ni`, which arrived at `a` (finite), with station deadline `dl`.
    ///
    /// The draws: each station's extra delay strikes independently with the stated
    /// probability, big strikes and small ones from two streams ([`Scratch::draw_big`],
    /// [`Scratch::all_strikes`]); for the last-mile families drawn by inversion, a station's
    /// uniform `u` is above [`TAU`] independently with probability 1 − `TAU` (those stations
    /// and their `u` found by geometric skips, [`Scratch::draw_upper`]), and otherwise is
    /// `TAU` times a hash of the station ([`Scratch::low_u`]). So every station's `u` and
    /// extra delay are fixed by the replication's random numbers alone, whatever the node's
    /// arrival: a node that arrives earlier never makes a station later. The exact law of
    /// independent draws, in time proportional to the stations that can be late rather than
    /// to all stations: when even the last mile at `TAU` plus the largest small extra delay
    /// is on time, only the two short lists (u above `TAU`, big strikes) are looked at.
    fn node_stations(&mut self, m: &Model, ni: usize, a: f64, dl: f64) {
        let n = &m.nodes[ni];
        let (first, count) = n.stations;
        let horizon = m.horizon;
        // Late if the arrival is after `cut`: after the deadline, or after the horizon (then
        // "never", which is late unless there is no deadline).
        let cut = if dl.is_finite() {
            dl.min(horizon)
        } else {
            f64::INFINITY
        };
        let finish = |arr: f64| {
            let arr = if arr > horizon { f64::INFINITY } else { arr };
            (arr > dl).then_some(arr)
        };
        let lm_max = n.last_mile.as_ref().map_or(0.0, |s| s.max());
        // Room for rounding: a computed draw may exceed the family's maximum by a few ulps.
        let room = 1e-9 * (1.0 + cut.abs());
        if n.last_mile_extra.is_none() && a + lm_max + room <= cut {
            return;
        }
        let plan = self.splan[ni];
        let mut big = std::mem::take(&mut self.big);
        let mut hits = std::mem::take(&mut self.hits);
        self.draw_big(n, &plan, &mut big);
        match &n.last_mile {
            None | Some(Sampler::Fixed(_)) => {
                let v = match &n.last_mile {
                    Some(Sampler::Fixed(v)) => *v,
                    _ => 0.0,
                };
                if a + v + plan.x_split + room <= cut {
                    // Only a big strike can make a station late.
                    for &(k, x) in &big {
                        if let Some(arr) = finish(a + v + x) {
                            self.record_late(first + k as usize, arr);
                        }
                    }
                } else {
                    self.all_strikes(n, &plan, &big, &mut hits);
                    let plain = finish(a + v);
                    let mut h = hits.iter().peekable();
                    for k in 0..count {
                        let late = match h.next_if(|x| x.0 as usize == k) {
                            Some(&(_, x)) => finish(a + v + x),
                            None => plain,
                        };
                        if let Some(arr) = late {
                            self.record_late(first + k, arr);
                        }
                    }
                }
            }
            Some(lm) if lm.by_inversion() => {
                let mut upper = std::mem::take(&mut self.upper);
                self.draw_upper(n, &mut upper);
                if a + plan.q_tau + plan.x_split + room <= cut {
                    // A station with u ≤ TAU and no big strike is on time: only the stations
                    // of the two short lists can be late.
                    let (mut iu, mut ib) = (0, 0);
                    let mut all_drawn = false;
                    while iu < upper.len() || ib < big.len() {
                        let ku = upper.get(iu).map_or(u32::MAX, |x| x.0);
                        let kb = big.get(ib).map_or(u32::MAX, |x| x.0);
                        let k = ku.min(kb);
                        let xb = (kb == k).then(|| big[ib].1);
                        if kb == k {
                            ib += 1;
                        }
                        let arr = if ku == k {
                            let u = upper[iu].1;
                            iu += 1;
                            let q = lm.quantile(u);
                            let x = match xb {
                                Some(x) => x,
                                // A small strike or none: on time if even the largest small
                                // strike is; else find out which.
                                None if a + q + plan.x_split + room <= cut => continue,
                                None => {
                                    if !all_drawn {
                                        self.all_strikes(n, &plan, &big, &mut hits);
                                        all_drawn = true;
                                    }
                                    hits.iter().find(|h| h.0 == k).map_or(0.0, |h| h.1)
                                }
                            };
                            a + q + x
                        } else {
                            // A big strike with u ≤ TAU: on time if even the last mile at
                            // TAU is.
                            let x = xb.unwrap_or(0.0);
                            if a + plan.q_tau + x + room <= cut {
                                continue;
                            }
                            a + lm.quantile(TAU * self.low_u(n, k as usize)) + x
                        };
                        if let Some(arr) = finish(arr) {
                            self.record_late(first + k as usize, arr);
                        }
                    }
                } else {
                    // Little slack: every station. `u_lo` sits U_MARGIN below the CDF at the
                    // slack and is checked by computing the arrival at `u_lo` itself.
                    self.all_strikes(n, &plan, &big, &mut hits);
                    let u_lo = {
                        let u = lm.cdf(cut - a) - U_MARGIN;
                        if u > 0.0 && a + lm.quantile(u) + room <= cut {
                            u
                        } else {
                            -1.0
                        }
                    };
                    let (mut uit, mut hit) = (upper.iter().peekable(), hits.iter().peekable());
                    for k in 0..count {
                        let x = hit.next_if(|x| x.0 as usize == k).map(|x| x.1);
                        let u = match uit.next_if(|x| x.0 as usize == k) {
                            Some(&(_, u)) => u,
                            None => TAU * self.low_u(n, k),
                        };
                        if x.is_none() && u <= u_lo {
                            continue;
                        }
                        if let Some(arr) = finish(a + lm.quantile(u) + x.unwrap_or(0.0)) {
                            self.record_late(first + k, arr);
                        }
                    }
                }
                self.upper = upper;
            }
            Some(lm) => {
                self.all_strikes(n, &plan, &big, &mut hits);
                let mut rng = self.rng(n.key ^ TAG_LASTMILE);
                let mut hit = hits.iter().peekable();
                for k in 0..count {
                    let v = lm.sample(&mut rng);
                    let x = hit.next_if(|x| x.0 as usize == k).map_or(0.0, |x| x.1);
                    if let Some(arr) = finish(a + v + x) {
                        self.record_late(first + k, arr);
                    }
                }
            }
        }
        self.big = big;
        self.hits = hits;
    }
}

/// Every node's station plan, and the powers of its miss probabilities (see
/// [`StationPlan::pow_at`]).
fn station_plans(m: &Model) -> (Vec<StationPlan>, Vec<f64>) {
    let mut pow = Vec::new();
    let plans = m
        .nodes
        .iter()
        .map(|node| {
            let count = node.stations.1;
            let (p, split, x_split) = match &node.last_mile_extra {
                Some(e) if e.delay.by_inversion() => {
                    (e.probability, SPLIT_X, e.delay.quantile(SPLIT_X))
                }
                Some(e) => (e.probability, 0.0, 0.0),
                None => (0.0, 0.0, 0.0),
            };
            let (big, small) = strike_probs(p, split);
            let plan = StationPlan {
                q_tau: match &node.last_mile {
                    Some(lm) if lm.by_inversion() => lm.quantile(TAU),
                    _ => f64::NAN,
                },
                split,
                x_split,
                pow_at: pow.len(),
                ln_miss_big: (-big).ln_1p(),
                ln_miss_small: (-small).ln_1p(),
            };
            pow.extend(powers(1.0 - big, count));
            pow.extend(powers(1.0 - small, count));
            plan
        })
        .collect();
    (plans, pow)
}

/// Calls `f(k, rng)`, in increasing `k`, for each of the stations `0..count` that is "hit",
/// each independently with probability 1 − q, where `pow[r]` = q^r for r = 0..=count and
/// `ln_q` = ln q. One uniform v in (0, 1] per gap: no hit among the `rem` stations left when
/// v ≤ q^rem (no logarithm); otherwise the number of misses before the next hit is geometric,
/// drawn by inversion, `floor(ln v / ln q)`, capped at `rem` − 1 (the cap only meets rounding).
#[inline]
fn skip_hits(
    rng: &mut Stream,
    count: usize,
    pow: &[f64],
    ln_q: f64,
    mut f: impl FnMut(usize, &mut Stream),
) {
    let mut j = 0usize;
    while j < count {
        let rem = count - j;
        let v = 1.0 - rng.uniform();
        if v <= pow[rem] {
            return;
        }
        // v ≤ 1 and ln q < 0, so the ratio is ≥ 0 (or NaN when v = 1 and q = 0):
        // truncation is the floor, without a libm call.
        let g = v.ln() / ln_q;
        let g = if g >= 0.0 {
            (g.min((rem - 1) as f64) as u64) as usize
        } else {
            0
        };
        let k = j + g;
        f(k, rng);
        j = k + 1;
    }
}

/// q^r for r = 0..=n, by repeated multiplication.
fn powers(q: f64, n: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(n + 1);
    let mut x = 1.0;
    for _ in 0..=n {
        out.push(x);
        x *= q;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_tau_is_the_logarithm_of_tau() {
        assert_eq!(LN_TAU, TAU.ln());
    }

    fn hits(q: f64, count: usize, seed: u64) -> Vec<usize> {
        let mut rng = Stream::seed_from_u64(seed);
        let mut out = Vec::new();
        skip_hits(&mut rng, count, &powers(q, count), q.ln(), |k, _| {
            out.push(k)
        });
        out
    }

    #[test]
    fn skip_hits_never_hits_when_q_is_1_and_always_when_q_is_0() {
        for seed in 0..100 {
            assert!(hits(1.0, 20, seed).is_empty());
            assert_eq!(hits(0.0, 20, seed), (0..20).collect::<Vec<_>>());
        }
    }

    #[test]
    fn skip_hits_hits_each_position_with_probability_1_minus_q_in_order() {
        let (q, count, n) = (0.8, 10, 40_000u64);
        let mut per = [0u64; 10];
        let mut pairs = 0u64; // positions 3 and 7 both hit
        for seed in 0..n {
            let h = hits(q, count, seed);
            assert!(h.windows(2).all(|w| w[0] < w[1]), "increasing: {h:?}");
            for &k in &h {
                per[k] += 1;
            }
            pairs += (h.contains(&3) && h.contains(&7)) as u64;
        }
        let check = |what: &str, k: u64, p: f64| {
            let se = (p * (1.0 - p) / n as f64).sqrt();
            let z = (k as f64 / n as f64 - p) / se;
            assert!(
                z.abs() < 4.0,
                "{what}: {} vs {p} ({z:.1} SE)",
                k as f64 / n as f64
            );
        };
        for (k, &c) in per.iter().enumerate() {
            check(&format!("position {k}"), c, 1.0 - q);
        }
        check("positions 3 and 7", pairs, (1.0 - q) * (1.0 - q));
    }
}
