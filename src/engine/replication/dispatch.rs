//! Consignments: release when the supplier has them, escort teams, rounds of the fleet,
//! damage and replacement, and what `tepat plan` asks of a replication.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::*;

/// A time as an orderable integer key: the bits of a non-negative `f64` order as the number.
#[inline]
pub(super) fn tkey(t: f64) -> u64 {
    t.max(0.0).to_bits()
}

/// An event of the replication's queue as one integer that orders as the tuple
/// `(time, kind, a, b)`: kind 0 is "consignment ready" (a = escort priority rank, b = node),
/// kind 1 is "escort team free" (a = b = pool). Ranks and indices are below 2³¹.
#[inline]
pub(super) fn event(tk: u64, kind: u8, a: u32, b: u32) -> u128 {
    debug_assert!(a < 1 << 31);
    ((tk as u128) << 64) | ((kind as u128) << 63) | ((a as u128) << 32) | b as u128
}

/// The dispatch part of [`Scratch`]: released consignments and escort teams.
#[derive(Debug, Clone)]
pub(super) struct Queue {
    /// Events (consignment ready, escort team free), earliest first (see [`event`]).
    pub(super) heap: BinaryHeap<Reverse<u128>>,
    /// No escort pools: consignments are dispatched in any order, from `ready`.
    pub(super) direct: bool,
    /// Released consignments (without escort pools).
    pub(super) ready: Vec<u32>,
    /// Free teams of each escort pool.
    pub(super) free_teams: Vec<u32>,
    /// Consignments waiting for a team of each pool.
    pub(super) waiting: Vec<Vec<u32>>,
    /// Escort priority of each consignment (lower first).
    pub(super) rank: Vec<u32>,
}

impl Scratch {
    /// The route of the consignment to node `ci` dispatched at `d`: the fallback when a link
    /// of the primary route is impassable then (a road block with more than the node's
    /// `fallback_if_blocked_h` left, or waves above a vessel's limit).
    #[inline]
    /// When a second shipment of the consignment with key `key`, sent at `from` along
    /// `route` (no handling, no escort: a damage replacement), arrives.
    pub(super) fn second_shipment(
        &mut self,
        m: &Model,
        route: &[usize],
        key: u64,
        from: f64,
    ) -> f64 {
        let mut tr = from;
        let mut ignore = [0.0; N_CAUSES];
        for (k, &li) in route.iter().enumerate() {
            tr = self
                .cross(
                    m,
                    li,
                    tr,
                    Trip::Replacement { leg: k as u64 }.key(key),
                    &mut ignore,
                )
                .0;
            if !tr.is_finite() {
                break;
            }
        }
        tr
    }

    pub(super) fn route_at<'m>(&mut self, m: &'m Model, ci: usize, d: f64) -> &'m [usize] {
        let node = &m.nodes[ci];
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
                    // block, so only a road without one sends the consignment to the
                    // fallback.
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
                // A link closed by an observation (as-of runs) for more than the same
                // hours is impassable too, whatever its mode.
                impassable |= self.closed_left(m, li, d) > node.fallback_block_h;
                if impassable {
                    break;
                }
            }
            if impassable {
                route = fb;
            }
        }
        route
    }

    /// Drive a consignment to node `ci`, leaving its supplier at `d`. Returns the time it is
    /// complete (damage replaced) and the arrival of its last round (which frees its escort);
    /// adds its causes to `c` and updates `worst`.
    pub(super) fn consign(
        &mut self,
        m: &Model,
        ci: usize,
        d: f64,
        c: &mut [f64; N_CAUSES],
        worst: &mut (u32, f64),
    ) -> (f64, f64) {
        let node = &m.nodes[ci];
        let route = self.route_at(m, ci, d);
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
                    Some(s) => t + s.sample(&mut self.rng(return_round(node.key, r))),
                    None => {
                        let mut tb = t;
                        for (k, &li) in route.iter().rev().enumerate() {
                            tb = self
                                .cross(
                                    m,
                                    li,
                                    tb,
                                    Trip::Back {
                                        round: r,
                                        leg: k as u64,
                                    }
                                    .key(node.key),
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
                let (arr, excess) = self.cross(
                    m,
                    li,
                    t,
                    Trip::Out {
                        round: r,
                        leg: k as u64,
                    }
                    .key(node.key),
                    &mut rc,
                );
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
                None => self.second_shipment(m, route, node.key, first_arrival),
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

    pub(super) fn release_children(&mut self, m: &Model, p: usize) {
        let a = self.arrival[p];
        if !a.is_finite() {
            return;
        }
        let ready = a + self.handling[p];
        for &ci in &m.nodes[p].children {
            let planned = m.nodes[ci].planned.unwrap_or(f64::NEG_INFINITY);
            let mut r = ready.max(planned);
            let mut chain = [0.0; N_CAUSES];
            if planned >= ready {
                chain[cause::PLANNED] = planned;
                self.worst[ci] = (NO_LINK, 0.0);
            } else {
                chain = self.causes[p];
                chain[cause::HANDLING] += self.handling[p];
                self.worst[ci] = self.worst[p];
            }
            // As-of runs: a fleet reported unavailable holds the consignment (capacity).
            let (held, hold) = self.observed_hold(m, ci, r);
            if held > r {
                chain[cause::CAPACITY] += held - r - hold;
                chain[cause::PLANNED] += hold;
                r = held;
            }
            self.chain[ci] = chain;
            self.ready_at[ci] = r;
            if let Some(seen) = self.seen(m, ci) {
                self.dispatch_seen(m, ci, seen);
                continue;
            }
            if r <= m.horizon {
                if self.q.direct {
                    self.q.ready.push(ci as u32);
                } else {
                    self.q
                        .heap
                        .push(Reverse(event(tkey(r), 0, self.q.rank[ci], ci as u32)));
                }
            }
        }
    }

    pub(super) fn dispatch(&mut self, m: &Model, ci: usize, d: f64) {
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
                self.q
                    .heap
                    .push(Reverse(event(tkey(free), 1, e as u32, e as u32)));
            }
        }
        self.release_children(m, ci);
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
}
