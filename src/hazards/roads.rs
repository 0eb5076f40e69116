//! Road disruptions: blocking events of each road link, drawn day by day when a vehicle
//! needs them, with the rate of the link's weather state at each event (thinning).

use super::keys::{TAG_DISRUPT, TAG_DISRUPT_EVENTS};
use super::rng::{Stream, mix, stream_in, sub, unit};
use super::weather::Weather;
use crate::model::Model;

/// How far before time 0 road disruption events are generated, hours: a block that began up
/// to a week before the start and is still active at the start is represented.
pub const WARMUP_H: f64 = 168.0;
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
    /// The link's key for the per-bucket hash (`link key ^ TAG_DISRUPT`).
    key: u64,
}

impl DisruptPlan {
    /// Bucket `k` of a run with `horizon` in replication `rk`: its clipped span `(b0, b1)`,
    /// its uniform `u` and P(no candidate) `p0`, or `None` when the bucket is empty (outside
    /// `[-WARMUP_H, horizon]`) or has no candidate event (`u < p0`). The uniform is a hash of
    /// `(replication, link, k)`, so asking twice gives the same answer.
    #[inline(always)]
    fn bucket(&self, rk: u64, k: i64, horizon: f64) -> Option<(f64, f64, f64, f64)> {
        let (lo, hi) = (k as f64 * BUCKET_H, (k + 1) as f64 * BUCKET_H);
        let (b0, b1) = (lo.max(-WARMUP_H), hi.min(horizon));
        if b1 <= b0 {
            return None;
        }
        let u = unit(mix(rk ^ sub(self.key, k as u64)));
        let p0 = if lo == b0 && hi == b1 {
            self.p0
        } else {
            (-self.rate * (b1 - b0)).exp()
        };
        if u < p0 { None } else { Some((b0, b1, u, p0)) }
    }
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

/// The bucket holding time `t` (hours): `floor(t / BUCKET_H)` without a libm call.
#[inline(always)]
fn bucket_of(t: f64) -> i64 {
    let q = t / BUCKET_H;
    let k = q as i64;
    if (k as f64) > q { k - 1 } else { k }
}

/// The road blocks of every link in one replication (reused across replications).
#[derive(Debug, Clone)]
pub struct Roads {
    /// Per link, the blocks (start, end) of the buckets drawn so far, sorted by start.
    blocks: Vec<Vec<(f64, f64)>>,
    /// Per link, its disruption constants (none: never blocked).
    plans: Vec<Option<DisruptPlan>>,
    /// Per link, the buckets drawn so far.
    generated: Vec<Generated>,
    /// The links with buckets drawn in this replication.
    touched: Vec<u32>,
    /// Buffer of newly drawn blocks.
    fresh: Vec<(f64, f64)>,
}

impl Roads {
    /// The disruption constants of every link of `m`.
    pub fn new(m: &Model) -> Roads {
        let plans = m
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
                    key: l.key ^ TAG_DISRUPT,
                })
            })
            .collect();
        Roads {
            blocks: vec![Vec::new(); m.links.len()],
            plans,
            generated: vec![NONE_GENERATED; m.links.len()],
            touched: Vec::new(),
            fresh: Vec::new(),
        }
    }

    /// Forget the blocks of the last replication.
    pub fn reset(&mut self) {
        for &li in &self.touched {
            self.blocks[li as usize].clear();
            self.generated[li as usize] = NONE_GENERATED;
        }
        self.touched.clear();
    }

    /// How far before a time a block of link `li` can start and still reach it, hours (none:
    /// the link is never blocked).
    pub fn reach_h(&self, li: usize) -> Option<f64> {
        self.plans[li].as_ref().map(|p| p.reach_h)
    }

    /// Whether link `li` can be blocked at all.
    pub fn disrupted(&self, li: usize) -> bool {
        self.plans[li].is_some()
    }

    /// Append the blocking events of bucket `k` of link `li` to `self.fresh`, in order of
    /// start. The bucket covers `[24k, 24(k+1))` hours clipped to `[-WARMUP_H, horizon]`.
    /// Whether it has any candidate event is decided by one uniform taken from a hash of
    /// `(seed, replication, link, k)` ([`DisruptPlan::bucket`]); only a bucket with candidates
    /// seeds a stream for the candidates' times, thinning draws and block durations. Blocks
    /// that end before time 0 are dropped.
    #[inline]
    fn draw_bucket(&mut self, m: &Model, w: &Weather, rk: u64, li: usize, k: i64) {
        let Some(plan) = &self.plans[li] else {
            return;
        };
        if let Some((b0, b1, u, p0)) = plan.bucket(rk, k, m.horizon) {
            self.draw_candidates(m, w, rk, li, k, b0, b1, u, p0);
        }
    }

    /// The candidate events of a bucket that has some (see [`Roads::draw_bucket`]).
    #[cold]
    #[allow(clippy::too_many_arguments)]
    fn draw_candidates(
        &mut self,
        m: &Model,
        w: &Weather,
        rk: u64,
        li: usize,
        k: i64,
        b0: f64,
        b1: f64,
        u: f64,
        p0: f64,
    ) {
        let l = &m.links[li];
        let (Some(dis), Some(plan)) = (&l.disruption, &self.plans[li]) else {
            return;
        };
        let len = b1 - b0;
        let mu = plan.rate * len;
        let mut rng = stream_in(rk, sub(l.key ^ TAG_DISRUPT_EVENTS, k as u64));
        let start = self.fresh.len();
        let factor = |t: f64| w.state(m, l.zone, t).map_or(1.0, |s| s.disruption_factor);
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
    fn ensure_buckets(&mut self, m: &Model, w: &Weather, rk: u64, li: usize, from: f64, to: f64) {
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
                self.draw_bucket(m, w, rk, li, k);
            }
            std::mem::swap(&mut self.blocks[li], &mut self.fresh);
            self.generated[li] = Generated { lo: ka, hi: kb };
            return;
        }
        if ka < g.lo {
            self.fresh.clear();
            for k in ka..g.lo {
                self.draw_bucket(m, w, rk, li, k);
            }
            let fresh = std::mem::take(&mut self.fresh);
            self.blocks[li].splice(0..0, fresh.iter().copied());
            self.fresh = fresh;
            self.generated[li].lo = ka;
        }
        if kb > g.hi {
            self.fresh.clear();
            for k in g.hi + 1..=kb {
                self.draw_bucket(m, w, rk, li, k);
            }
            let fresh = std::mem::take(&mut self.fresh);
            self.blocks[li].extend_from_slice(&fresh);
            self.fresh = fresh;
            self.generated[li].hi = kb;
        }
    }

    /// Whether a block of link `li` is active at some moment of `[a, b)` (false for a link
    /// without disruptions). `a` and `b` are clipped to the simulated blocks: from a week
    /// before time 0 to the horizon.
    pub fn blocked_during(
        &mut self,
        m: &Model,
        w: &Weather,
        rk: u64,
        li: usize,
        a: f64,
        b: f64,
    ) -> bool {
        if self.plans[li].is_none() || b <= a {
            return false;
        }
        if self.blocked_until(m, w, rk, li, a) > a {
            return true;
        }
        self.ensure_buckets(m, w, rk, li, a, b);
        let blocks = &self.blocks[li];
        let i = blocks.partition_point(|x| x.0 < a);
        blocks[i..].iter().any(|x| x.0 < b && x.1 > x.0)
    }

    /// When a vehicle that reaches link `li` at `t` can enter it (t itself if not blocked):
    /// the end of the chain of overlapping blocks that covers `t`.
    pub fn blocked_until(&mut self, m: &Model, w: &Weather, rk: u64, li: usize, t: f64) -> f64 {
        let Some(plan) = &self.plans[li] else {
            return t;
        };
        // Blocks that start before `from` end before `t`.
        let from = t - plan.reach_h;
        // Fast paths, with the same answer as the general loop below: most links are first
        // reached in a replication with no candidate event in the buckets that can reach
        // `t` (each bucket's verdict is a hash, so it is recorded, not drawn again), or
        // reached again inside buckets already drawn and without blocks.
        let ka = bucket_of(from.max(-WARMUP_H));
        let kb = bucket_of(t.min(m.horizon));
        let g = self.generated[li];
        if g.lo > g.hi {
            if (ka..=kb).all(|k| plan.bucket(rk, k, m.horizon).is_none()) {
                self.touched.push(li as u32);
                self.generated[li] = Generated { lo: ka, hi: kb };
                return t;
            }
        } else if g.lo <= ka && kb <= g.hi && self.blocks[li].is_empty() {
            return t;
        }
        self.chain_end(m, w, rk, li, from, t)
    }

    /// The end of the chain of overlapping blocks of link `li` that covers `t`, drawing the
    /// buckets it needs (blocks starting before `from` cannot reach `t`): the general loop of
    /// [`Roads::blocked_until`], without its fast paths (public so that a test can hold the
    /// two to the same answers).
    pub fn chain_end(
        &mut self,
        m: &Model,
        w: &Weather,
        rk: u64,
        li: usize,
        from: f64,
        t: f64,
    ) -> f64 {
        let mut cur = t;
        loop {
            let before = cur;
            self.ensure_buckets(m, w, rk, li, from, cur);
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
}
