//! One replication: weather, disruptions, departures, consignments, escorts, stations.
//!
//! The working memory is [`Scratch`]; its methods are in one file per concern:
//! [`crossing`] (departures, vessels, travel over a link), [`dispatch`] (consignments,
//! rounds, damage, escorts) and [`stations`] (last miles to the TPS). Weather and road
//! disruptions are drawn by [`crate::hazards`].
//!
//! Everything random is drawn from a stream keyed by the name of its source (see
//! [`crate::hazards::rng`]), so the draws of one source do not depend on any other source.

mod crossing;
mod dispatch;
mod observed;
mod stations;

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::hazards::keys::*;
use crate::hazards::rng::{Stream, mix, replication_key, stream_in, sub, unit};
use crate::hazards::roads::Roads;
use crate::hazards::weather::Weather;
use crate::model::Mode;
use crate::model::Sampler;
use crate::model::{Base, Model, N_CAUSES, State, cause};
use dispatch::Queue;
pub use stations::MileBufs;
use stations::StationScratch;

pub use crate::hazards::roads::WARMUP_H;

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

/// Per-thread working memory, reused across replications, and the outcome of the last one.
#[derive(Debug, Clone)]
pub struct Scratch {
    rk: u64,
    weather: Weather,
    roads: Roads,
    base: Vec<f64>,
    rounds: Vec<u64>,
    handling: Vec<f64>,
    /// Consignments waiting to be dispatched, and escort teams.
    q: Queue,
    /// When each consignment was released by its supplier, hours.
    ready_at: Vec<f64>,
    /// Causes of each consignment's release time.
    chain: Vec<[f64; N_CAUSES]>,
    /// Station constants and buffers.
    st: StationScratch,
    /// Buffers of boarding a scheduled departure.
    board_best: Vec<(f64, f64, f64)>,
    board_sched: Vec<f64>,
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
    pub(super) last_damaged: bool,
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
        Scratch {
            rk: 0,
            base: vec![0.0; m.links.len()],
            weather: Weather::new(m),
            roads: Roads::new(m),
            rounds,
            handling: vec![0.0; n],
            q: Queue {
                heap: BinaryHeap::new(),
                direct: m.escorts.is_empty(),
                ready: Vec::new(),
                free_teams: m.escorts.iter().map(|e| e.teams).collect(),
                waiting: vec![Vec::new(); m.escorts.len()],
                rank,
            },
            ready_at: vec![0.0; n],
            chain: vec![[0.0; N_CAUSES]; n],
            st: StationScratch::new(m),
            board_best: Vec::new(),
            board_sched: Vec::new(),
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
    }

    /// The base (calm) duration drawn for each link in the last replication, hours.
    pub fn link_durations(&self) -> &[f64] {
        &self.base
    }

    /// The weather state index of each zone at each step in the last replication.
    pub fn weather(&self) -> &[Vec<u8>] {
        self.weather.steps()
    }

    /// When a vehicle that reaches link `li` at `t` can enter it (t itself if not blocked).
    pub fn blocked_until(&mut self, m: &Model, li: usize, t: f64) -> f64 {
        self.roads.blocked_until(m, &self.weather, self.rk, li, t)
    }

    /// Whether a block of road link `li` is active at some moment of `[a, b)` in the last
    /// replication (false for a link without disruptions).
    pub fn blocked_during(&mut self, m: &Model, li: usize, a: f64, b: f64) -> bool {
        self.roads
            .blocked_during(m, &self.weather, self.rk, li, a, b)
    }

    /// The weather state of `zone` at `t`.
    #[inline]
    fn state<'m>(&self, m: &'m Model, zone: Option<usize>, t: f64) -> Option<&'m State> {
        self.weather.state(m, zone, t)
    }
    /// Run replication `rep` of a run with `seed`; the outcome is left in `self`.
    pub fn replicate(&mut self, m: &Model, seed: u64, rep: u64) {
        self.rk = replication_key(seed, rep);
        self.weather.draw(m, self.rk);
        self.draw_links(m);
        self.roads.reset();
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
            self.q.free_teams[e] = pool.teams;
            self.q.waiting[e].clear();
        }
        self.q.heap.clear();
        self.q.ready.clear();
        self.observe_start(m);
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
        while let Some(ci) = self.q.ready.pop() {
            let ci = ci as usize;
            self.dispatch(m, ci, self.ready_at[ci]);
        }
        while let Some(Reverse(ev)) = self.q.heap.pop() {
            let (tk, kind, id) = ((ev >> 64) as u64, (ev >> 63) as u8 & 1, ev as u32);
            let id = id as usize;
            if kind == 0 {
                let ci = id;
                let r = self.ready_at[ci];
                match m.nodes[ci].escort {
                    Some(e) if self.q.free_teams[e] == 0 => self.q.waiting[e].push(ci as u32),
                    Some(e) => {
                        self.q.free_teams[e] -= 1;
                        self.dispatch(m, ci, r);
                    }
                    None => self.dispatch(m, ci, r),
                }
            } else {
                let e = id;
                let now = f64::from_bits(tk);
                self.q.free_teams[e] += 1;
                if !self.q.waiting[e].is_empty() {
                    let (pos, _) = self.q.waiting[e]
                        .iter()
                        .enumerate()
                        .min_by_key(|(_, c)| self.q.rank[**c as usize])
                        .expect("non-empty");
                    let ci = self.q.waiting[e].swap_remove(pos) as usize;
                    self.q.free_teams[e] -= 1;
                    let d = now.max(self.ready_at[ci]);
                    self.dispatch(m, ci, d);
                }
            }
        }
        // Nodes that never arrived without a consignment of their own: say why, so that their
        // lateness is attributed to what held them (and not to "travel"). Suppliers first.
        let mut waiting = vec![false; 0];
        if self.q.waiting.iter().any(|w| !w.is_empty()) {
            waiting = vec![false; m.nodes.len()];
            for w in &self.q.waiting {
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
        self.observe_stations(m);
    }
}
