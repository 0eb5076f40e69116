//! One replication: weather, disruptions, departures, consignments, escorts, stations.
//!
//! Everything random is drawn from a stream keyed by the name of its source (see
//! [`crate::hazards::rng`]), so the draws of one source do not depend on any other source.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::hazards::rng::{Stream, mix, stream, sub, uniform};
use crate::model::{Base, Model, N_CAUSES, cause};
use crate::scenario::Mode;

/// How far before time 0 road disruption events are generated, hours: a block that began up
/// to a week before the start and is still active at the start is represented.
pub const WARMUP_H: f64 = 168.0;
/// Marker for "no link".
pub const NO_LINK: u32 = u32::MAX;

const TAG_BASE: u64 = 0x0b45_e000_0000_0001;
const TAG_DISRUPT: u64 = 0x0d15_0000_0000_0002;
const TAG_DEPART: u64 = 0x0de9_0000_0000_0003;
const TAG_OUTAGE: u64 = 0x0007_a6e0_0000_0004;
const TAG_HANDLING: u64 = 0x04a4_d100_0000_0005;
const TAG_READY: u64 = 0x07ea_d000_0000_0006;
const TAG_TRIP: u64 = 0x0714_9000_0000_0007;
const TAG_DAMAGE: u64 = 0x0da3_a9e0_0000_0008;
const TAG_LASTMILE: u64 = 0x0aa5_7000_0000_0009;
const TAG_ESCORT: u64 = 0x0e5c_0000_0000_000a;
const TAG_RESERVE: u64 = 0x07e5_e7e0_0000_000b;

/// Per-thread working memory, reused across replications, and the outcome of the last one.
#[derive(Debug, Clone)]
pub struct Scratch {
    seed: u64,
    rep: u64,
    weather: Vec<Vec<u8>>,
    base: Vec<f64>,
    blocks: Vec<Vec<(f64, f64)>>,
    handling: Vec<f64>,
    heap: BinaryHeap<Reverse<(u64, u8, u32, u32)>>,
    ready_at: Vec<f64>,
    free_teams: Vec<u32>,
    waiting: Vec<Vec<u32>>,
    chain: Vec<[f64; N_CAUSES]>,
    rank: Vec<u32>,
    /// Nodes with every supplier before the nodes it supplies.
    order: Vec<u32>,
    /// Arrival time of each node, hours (infinity: never arrived within the horizon).
    pub arrival: Vec<f64>,
    /// Cause breakdown of each node's arrival time (sums to the arrival time).
    pub causes: Vec<[f64; N_CAUSES]>,
    /// The link with the largest delay on each node's critical chain, and that delay (hours).
    pub worst: Vec<(u32, f64)>,
    /// Arrival time of each station.
    pub station_arrival: Vec<f64>,
    /// Whether each station was late.
    pub station_late: Vec<bool>,
    /// Late stations in each kecamatan.
    pub kec_late: Vec<u32>,
    /// Late stations in all.
    pub late_total: u32,
}

/// A time as an orderable integer key: the bits of a non-negative `f64` order as the number.
#[inline]
fn tkey(t: f64) -> u64 {
    t.max(0.0).to_bits()
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
        Scratch {
            seed: 0,
            rep: 0,
            weather: m
                .zones
                .iter()
                .map(|z| vec![0u8; (m.horizon / z.step).ceil() as usize + 2])
                .collect(),
            base: vec![0.0; m.links.len()],
            blocks: vec![Vec::new(); m.links.len()],
            handling: vec![0.0; n],
            heap: BinaryHeap::new(),
            ready_at: vec![0.0; n],
            free_teams: m.escorts.iter().map(|e| e.teams).collect(),
            waiting: vec![Vec::new(); m.escorts.len()],
            chain: vec![[0.0; N_CAUSES]; n],
            rank,
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
            kec_late: vec![0; m.kecamatan.len()],
            late_total: 0,
        }
    }

    #[inline]
    fn rng(&self, k: u64) -> Stream {
        stream(self.seed, self.rep, k)
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
            let pick = |cdf: &[f64], u: f64| {
                cdf.iter().position(|&c| u < c).unwrap_or(cdf.len() - 1) as u8
            };
            let n = self.weather[zi].len();
            let mut s = 0u8;
            for k in 0..n {
                let uf = uniform(&mut rng);
                let ut = uniform(&mut rng);
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
            let mut rng = self.rng(l.key ^ TAG_BASE);
            self.base[li] = match &l.base {
                Base::Duration(s) => s.sample(&mut rng),
                Base::Distance(km, s) => km / s.sample(&mut rng).max(0.1),
            };
            let blocks = &mut self.blocks[li];
            blocks.clear();
            if let Some(d) = &l.disruption {
                if d.rate_per_h <= 0.0 {
                    continue;
                }
                let zone = l.zone;
                let max_factor = zone
                    .map(|z| {
                        m.zones[z]
                            .states
                            .iter()
                            .map(|s| s.disruption_factor)
                            .fold(0.0, f64::max)
                    })
                    .unwrap_or(1.0);
                if max_factor <= 0.0 {
                    continue;
                }
                let rate = d.rate_per_h * max_factor;
                let mut rng = stream(self.seed, self.rep, l.key ^ TAG_DISRUPT);
                let mut t = -WARMUP_H;
                loop {
                    t += -(1.0 - uniform(&mut rng)).ln() / rate;
                    if t > m.horizon {
                        break;
                    }
                    let u = uniform(&mut rng);
                    let dur = d.duration.sample(&mut rng);
                    let f = match zone {
                        Some(z) => {
                            let steps = &self.weather[z];
                            let k = if t <= 0.0 {
                                0
                            } else {
                                ((t / m.zones[z].step) as usize).min(steps.len() - 1)
                            };
                            m.zones[z].states[steps[k] as usize].disruption_factor
                        }
                        None => 1.0,
                    };
                    if u * max_factor < f && t + dur > 0.0 {
                        blocks.push((t, t + dur));
                    }
                }
            }
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

    /// When a vehicle that reaches link `li` at `t` can enter it (t itself if not blocked).
    #[inline]
    pub fn blocked_until(&self, li: usize, t: f64) -> f64 {
        let mut cur = t;
        for &(s, e) in &self.blocks[li] {
            if s > cur {
                break;
            }
            if e > cur {
                cur = e;
            }
        }
        cur
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
        let u1 = uniform(&mut drng);
        let u2 = uniform(&mut drng);
        let d = v.delay.as_ref().map(|s| s.sample(&mut drng)).unwrap_or(0.0);
        let outage = match v.outage {
            Some((p, share)) => {
                let day = ((m.start_minute + sched * 60.0) / 1440.0).floor().max(0.0) as u64;
                let mut orng = self.rng(sub(l.key ^ TAG_OUTAGE, day));
                uniform(&mut orng) < p && u2 < share
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
        &self,
        m: &Model,
        li: usize,
        t: f64,
        trip: u64,
        c: &mut [f64; N_CAUSES],
    ) -> (f64, f64) {
        let l = &m.links[li];
        let base = self.base[li];
        let mut rng = self.rng(sub(l.key ^ TAG_TRIP, trip));
        let road = l.mode == Mode::Road;
        if road {
            let detour = l
                .disruption
                .as_ref()
                .and_then(|d| d.detour.as_ref())
                .map(|s| s.sample(&mut rng));
            let until = if l.disruption.is_some() {
                self.blocked_until(li, t)
            } else {
                t
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
            c[cause::ROAD] += held;
            c[cause::TRAVEL] += base;
            c[cause::WEATHER] += arr - start - base;
            return (arr, held + (arr - start - base));
        }
        if t > m.horizon {
            return (f64::INFINITY, 0.0);
        }
        // Sea and river.
        let mut cursor = t;
        if let Some(q) = &l.queue_delay {
            let d = q.sample(&mut rng);
            c[cause::QUEUE] += d;
            cursor += d;
        }
        let skip = l
            .queue_missed
            .as_ref()
            .map(|s| s.sample(&mut rng).floor().clamp(0.0, 1000.0) as usize)
            .unwrap_or(0);
        let (depart, arr, waits) = if !l.timetable.is_empty() {
            self.board_scheduled(m, li, cursor, skip, base)
        } else {
            let delay = l
                .vessel
                .as_ref()
                .and_then(|v| v.delay.as_ref())
                .map(|s| s.sample(&mut rng))
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
        c[cause::TRAVEL] += waits[0] + base;
        c[cause::WEATHER] += waits[1] + (arr - depart - base);
        c[cause::VESSEL] += waits[2];
        c[cause::QUEUE] += waits[3];
        let queue0 = if l.queue_delay.is_some() {
            cursor - t
        } else {
            0.0
        };
        (
            arr,
            queue0 + waits[1] + waits[2] + waits[3] + (arr - depart - base),
        )
    }

    /// Board a scheduled crossing from `cursor`; returns (actual departure, arrival, waits by
    /// [schedule, weather, vessel, queue]).
    fn board_scheduled(
        &self,
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
        // The best `skip + 1` (arrival, actual departure, scheduled) among boardable departures.
        let mut best: Vec<(f64, f64, f64)> = Vec::with_capacity(skip + 2);
        let mut ideal = f64::INFINITY; // first departure scheduled at or after the cursor
        let (mut n_weather, mut n_vessel) = (0u32, 0u32);
        let mut scheduled = Vec::new();
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
        let Some(&(arr, actual, sched)) = best.get(skip) else {
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
        let n_skipped = scheduled
            .iter()
            .filter(|&&s| s >= ideal && s < sched)
            .count() as u32;
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
    fn board_unscheduled(
        &self,
        m: &Model,
        li: usize,
        cursor: f64,
        delay: f64,
        base: f64,
    ) -> (f64, f64, [f64; 4]) {
        let l = &m.links[li];
        let step = l.zone.map(|z| m.zones[z].step).unwrap_or(1.0);
        let cancel = l.vessel.as_ref().map(|v| v.cancel).unwrap_or(0.0);
        let mut s = cursor;
        let mut waits = [0.0; 4];
        loop {
            if s > m.horizon {
                return (f64::INFINITY, f64::INFINITY, waits);
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
                if uniform(&mut self.rng(sub(l.key ^ TAG_DEPART, slot))) < cancel {
                    waits[2] += next_step - s;
                    s = next_step;
                    continue;
                }
            }
            waits[2] += delay;
            let dep = s + delay;
            return (dep, self.travel(m, l.zone, dep, base, false), waits);
        }
    }

    /// Drive a consignment to node `ci`, leaving its supplier at `d`. Returns the arrival time;
    /// adds its causes to `c` and updates `worst`.
    fn consign(
        &self,
        m: &Model,
        ci: usize,
        d: f64,
        c: &mut [f64; N_CAUSES],
        worst: &mut (u32, f64),
    ) -> f64 {
        let node = &m.nodes[ci];
        // Route choice at dispatch.
        let mut route = &node.route;
        if let Some(fb) = &node.fallback {
            let impassable = node.route.iter().any(|&li| {
                let l = &m.links[li];
                match l.mode {
                    Mode::Road => self.blocked_until(li, d) - d > node.fallback_block_h,
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
                }
            });
            if impassable {
                route = fb;
            }
        }
        let (rounds, fleet) = match node.fleet {
            Some(fi) => {
                let f = &m.fleets[fi];
                let trips = (node.load / f.capacity).ceil().max(1.0);
                ((trips / f.count as f64).ceil() as u64, Some(f))
            }
            None => (1, None),
        };
        let mut drng = self.rng(node.key ^ TAG_DAMAGE);
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
                    if uniform(&mut drng) < (damage_p * f).min(1.0) {
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
                return f64::INFINITY;
            }
        }
        if rounds > 1 {
            c[cause::CAPACITY] += t - first_arrival;
        }
        if damaged {
            let before = t;
            t = match &node.reserve {
                Some(s) => t + s.sample(&mut self.rng(node.key ^ TAG_RESERVE)),
                None => {
                    let mut tr = t;
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
            if t.is_finite() {
                c[cause::DAMAGE] += t - before;
            }
        }
        t
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
                self.heap
                    .push(Reverse((tkey(r), 0, self.rank[ci], ci as u32)));
            }
        }
    }

    fn dispatch(&mut self, m: &Model, ci: usize, d: f64) {
        let mut c = self.chain[ci];
        c[cause::ESCORT] += d - self.ready_at[ci];
        let mut worst = self.worst[ci];
        let a = self.consign(m, ci, d, &mut c, &mut worst);
        let a = if a > m.horizon { f64::INFINITY } else { a };
        self.arrival[ci] = a;
        self.causes[ci] = c;
        self.worst[ci] = worst;
        if let Some(e) = m.nodes[ci].escort {
            let ret = m.escorts[e]
                .return_time
                .as_ref()
                .map(|s| s.sample(&mut self.rng(m.nodes[ci].key ^ TAG_ESCORT)))
                .unwrap_or(0.0);
            let free = a + ret;
            if free.is_finite() {
                self.heap.push(Reverse((tkey(free), 1, e as u32, e as u32)));
            }
        }
        self.release_children(m, ci);
    }

    /// Run replication `rep` of a run with `seed`; the outcome is left in `self`.
    pub fn replicate(&mut self, m: &Model, seed: u64, rep: u64) {
        self.seed = seed;
        self.rep = rep;
        self.draw_weather(m);
        self.draw_links(m);
        self.arrival.fill(f64::INFINITY);
        self.worst.fill((NO_LINK, 0.0));
        for c in self.causes.iter_mut() {
            *c = [0.0; N_CAUSES];
        }
        for (i, n) in m.nodes.iter().enumerate() {
            let h = n
                .handling
                .as_ref()
                .map(|s| s.sample(&mut self.rng(n.key ^ TAG_HANDLING)))
                .unwrap_or(0.0);
            self.handling[i] = h;
        }
        for (e, pool) in m.escorts.iter().enumerate() {
            self.free_teams[e] = pool.teams;
            self.waiting[e].clear();
        }
        self.heap.clear();
        for &d in &m.depots {
            let ready = m.nodes[d]
                .ready
                .as_ref()
                .map(|s| s.sample(&mut stream(seed, rep, m.nodes[d].key ^ TAG_READY)))
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
        while let Some(Reverse((tk, kind, _, id))) = self.heap.pop() {
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
        // Stations.
        self.late_total = 0;
        self.kec_late.fill(0);
        for (i, n) in m.nodes.iter().enumerate() {
            let (first, count) = n.stations;
            if count == 0 {
                continue;
            }
            let a = self.arrival[i];
            let dl = n.station_deadline.unwrap_or(f64::INFINITY);
            let mut rng = self.rng(n.key ^ TAG_LASTMILE);
            for s in first..first + count {
                let lm = n
                    .last_mile
                    .as_ref()
                    .map(|x| x.sample(&mut rng))
                    .unwrap_or(0.0);
                let arr = a + lm;
                let arr = if arr > m.horizon { f64::INFINITY } else { arr };
                self.station_arrival[s] = arr;
                let late = arr > dl;
                self.station_late[s] = late;
                if late {
                    self.late_total += 1;
                    if let Some(k) = n.kec {
                        self.kec_late[k] += 1;
                    }
                }
            }
        }
    }
}
