//! Stations (TPS): the last mile from each village to its stations, drawn so that the work
//! is proportional to the stations that can be late.

use super::*;

/// The split of a station's last-mile uniform `u` (families drawn by inversion): the stations
/// with `u > TAU` are found by geometric skips, the others are on time whenever the last mile
/// at `TAU` is (see [`Scratch::node_stations`]).
pub(super) const TAU: f64 = 0.99;
/// ln [`TAU`].
pub(super) const LN_TAU: f64 = -0.010_050_335_853_501_45;

/// The split of an extra delay's uniform (families drawn by inversion): the strikes whose
/// uniform is above it ("big") are drawn first, the others only when they can matter.
pub(super) const SPLIT_X: f64 = 0.99;

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
pub(super) struct StationPlan {
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
pub(super) fn strike_probs(p: f64, split: f64) -> (f64, f64) {
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
pub(super) const U_MARGIN: f64 = 1e-6;
/// The station part of [`Scratch`]: per-node constants of the station draws, and buffers.
#[derive(Debug, Clone)]
pub(super) struct StationScratch {
    /// Per node, the constants of its station draws.
    plan: Vec<StationPlan>,
    /// Per node, the powers of the miss probabilities (see [`StationPlan::pow_at`]).
    pow_extra: Vec<f64>,
    /// TAU^r for r = 0..=the most stations of a node.
    pow_tau: Vec<f64>,
    upper: Vec<(u32, f64)>,
    big: Vec<(u32, f64)>,
    hits: Vec<(u32, f64)>,
}

impl StationScratch {
    /// The constants of `m`'s stations.
    pub(super) fn new(m: &Model) -> StationScratch {
        let (plan, pow_extra) = station_plans(m);
        StationScratch {
            plan,
            pow_extra,
            pow_tau: powers(TAU, m.nodes.iter().map(|n| n.stations.1).max().unwrap_or(0)),
            upper: Vec::new(),
            big: Vec::new(),
            hits: Vec::new(),
        }
    }
}

impl Scratch {
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
    pub(super) fn stations(&mut self, m: &Model) {
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
        let observed = m.observed.as_deref().filter(|o| !o.stations.is_empty());
        for (i, n) in m.nodes.iter().enumerate() {
            let (Some(k), count) = (n.kec, n.stations.1) else {
                continue;
            };
            if count == 0 {
                continue;
            }
            let a = self.arrival[i];
            let seen = observed.map_or(&[][..], |o| o.stations_of(m, i));
            let last = if !seen.is_empty() {
                // As-of runs: stations reported arrived keep their reported arrival.
                self.last_miles_in(m, i, &mut miles, bufs);
                let first = n.stations.0;
                let t = miles.iter().enumerate().fold(0.0f64, |b, (k, &(l, x))| {
                    let t = match seen.iter().find(|s| s.0 as usize == first + k) {
                        Some(&(_, at)) => at,
                        None => a + l + x,
                    };
                    b.max(t)
                });
                if t > m.horizon { f64::INFINITY } else { t }
            } else if a.is_finite() {
                let longest = match &n.last_mile {
                    // By inversion the last mile grows with the uniform: the longest is at the
                    // largest uniform, or at a station with an extra delay.
                    Some(lm) if lm.by_inversion() => {
                        let plan = self.st.plan[i];
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

    pub(super) fn last_miles_in(
        &self,
        m: &Model,
        i: usize,
        out: &mut Vec<(f64, f64)>,
        bufs: &mut MileBufs,
    ) {
        let n = &m.nodes[i];
        let count = n.stations.1;
        out.clear();
        let (upper, big, hits) = (&mut bufs.upper, &mut bufs.big, &mut bufs.hits);
        let plan = self.st.plan[i];
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
    #[inline(always)]
    pub(super) fn record_late(&mut self, s: usize, arr: f64) {
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
    pub(super) fn draw_big(
        &self,
        n: &crate::model::Node,
        plan: &StationPlan,
        big: &mut Vec<(u32, f64)>,
    ) {
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
            &self.st.pow_extra[plan.pow_at..plan.pow_at + count + 1],
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
    pub(super) fn all_strikes(
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
                &self.st.pow_extra[at..at + count + 1],
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
    pub(super) fn draw_upper(&self, n: &crate::model::Node, upper: &mut Vec<(u32, f64)>) {
        upper.clear();
        let mut rng = self.rng(n.key ^ TAG_LASTMILE);
        skip_hits(&mut rng, n.stations.1, &self.st.pow_tau, LN_TAU, |k, r| {
            upper.push((k as u32, TAU + (1.0 - TAU) * r.uniform()))
        });
    }

    /// The last-mile uniform of station `k` of node `n` divided by [`TAU`], for a station
    /// whose uniform is at most `TAU` (not in [`Scratch::draw_upper`]'s list): a hash of
    /// (seed, replication, node, k), so that any station's can be had without the others'.
    #[inline]
    pub(super) fn low_u(&self, n: &crate::model::Node, k: usize) -> f64 {
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
    pub(super) fn node_stations(&mut self, m: &Model, ni: usize, a: f64, dl: f64) {
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
        let plan = self.st.plan[ni];
        let mut big = std::mem::take(&mut self.st.big);
        let mut hits = std::mem::take(&mut self.st.hits);
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
                let mut upper = std::mem::take(&mut self.st.upper);
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
                self.st.upper = upper;
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
        self.st.big = big;
        self.st.hits = hits;
    }
}

/// Every node's station plan, and the powers of its miss probabilities (see
/// [`StationPlan::pow_at`]).
pub(super) fn station_plans(m: &Model) -> (Vec<StationPlan>, Vec<f64>) {
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
pub(super) fn skip_hits(
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
pub(super) fn powers(q: f64, n: usize) -> Vec<f64> {
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
