//! An as-of run (`tepat run --status --as-of`): what the replication does with the
//! observations of [`crate::model::observe`]. Every hook here does nothing when the model has
//! no observations, and draws only from streams of its own (`TAG_OBSERVED`), so a run with an
//! empty status gives the plain run's numbers bit for bit. The laws are in `docs/model.md`
//! §10.

use std::cmp::Reverse;

use super::dispatch::{event, tkey};
use super::*;
use crate::model::observe::Seen;

/// Draws of a conditioned law before giving up on rejection (then the law's quantile).
const MAX_REJECTIONS: usize = 10_000;

/// Redraws of a whole route of several legs (a consignment still travelling) before falling
/// back to conditioning its last leg.
pub const MAX_ROUTE_TRIES: usize = 1_000;

/// A draw of `s` conditioned on being above `t`: the quantile of a uniform on (F(t), 1) for
/// the families drawn by inversion, else rejection from `rng`. When the law leaves no room
/// above `t` (F(t) = 1), `t` plus the law's median.
pub fn draw_above(s: &Sampler, t: f64, rng: &mut Stream) -> f64 {
    if s.by_inversion() {
        let f = s.cdf(t).clamp(0.0, 1.0);
        if f < 1.0 - 1e-12 {
            let u = rng.uniform();
            let v = s.quantile(f + u * (1.0 - f));
            if v > t {
                return v;
            }
        }
        return t + s.quantile(0.5);
    }
    for _ in 0..MAX_REJECTIONS {
        let v = s.sample(rng);
        if v > t {
            return v;
        }
    }
    t + s.sample(rng)
}

/// A draw of `s` conditioned on being below `t` (a speed that gives a travel time above a
/// bound), by inversion or rejection; `t` itself when the law has no room below it.
fn draw_below(s: &Sampler, t: f64, rng: &mut Stream) -> f64 {
    if s.by_inversion() {
        let f = s.cdf(t).clamp(0.0, 1.0);
        if f > 1e-12 {
            return s.quantile(rng.uniform() * f).min(t);
        }
        return t;
    }
    for _ in 0..MAX_REJECTIONS {
        let v = s.sample(rng);
        if v < t {
            return v;
        }
    }
    t
}

impl Scratch {
    /// The first moment at or after `t` at which link `li` is not closed by an observation.
    #[inline]
    pub(super) fn open_at(&self, m: &Model, li: usize, t: f64) -> f64 {
        match &m.observed {
            Some(o) => o.open_at(li, t),
            None => t,
        }
    }

    /// Whether the scheduled departure at `sched` of link `li` is cancelled by an observation.
    #[inline]
    pub(super) fn observed_cancelled(&self, m: &Model, li: usize, sched: f64) -> bool {
        m.observed
            .as_ref()
            .is_some_and(|o| o.departure_cancelled(li, sched))
    }

    /// How long link `li` stays closed from `d` by an observation, hours (0: open).
    #[inline]
    pub(super) fn closed_left(&self, m: &Model, li: usize, d: f64) -> f64 {
        self.open_at(m, li, d) - d
    }

    /// At the start of a replication: escort teams reported unavailable are busy until their
    /// time, and a team escorts each consignment seen on its way (freed when it arrives plus
    /// the return time, by [`Scratch::dispatch`]); the team of an arrived consignment is back.
    /// The status check ensures a pool has enough teams for both.
    pub(super) fn observe_start(&mut self, m: &Model) {
        let Some(o) = m.observed.as_deref() else {
            return;
        };
        for &(e, n, until) in &o.escort_out {
            self.q.free_teams[e] = self.q.free_teams[e].saturating_sub(n);
            if until.is_finite() {
                for _ in 0..n {
                    self.q
                        .heap
                        .push(Reverse(event(tkey(until), 1, e as u32, e as u32)));
                }
            }
        }
        for (i, seen) in o.node.iter().enumerate() {
            if let (Some(Seen::Departed { .. }), Some(e)) = (seen, m.nodes[i].escort) {
                self.q.free_teams[e] = self.q.free_teams[e].saturating_sub(1);
            }
        }
    }

    /// The earliest dispatch of the consignment to `ci` ready at `r`, and the part of the wait
    /// that is a hold of its dispatch: later when its fleet is reported unavailable until
    /// then (the wait charged to capacity), or when it is reported not departed (or planned
    /// by `tepat plan --as-of`), no earlier than its hold (charged to the planned dispatch).
    #[inline]
    pub(super) fn observed_hold(&self, m: &Model, ci: usize, r: f64) -> (f64, f64) {
        match &m.observed {
            Some(o) => {
                let fleet = m.nodes[ci].fleet.map_or(r, |f| r.max(o.fleet_until[f]));
                let held = fleet.max(o.hold[ci]);
                (held, held - fleet)
            }
            None => (r, 0.0),
        }
    }

    /// Stations (TPS) reported arrived: their arrival is the one reported, late when after
    /// their deadline, whatever the last-mile draw (the other stations keep theirs).
    pub(super) fn observe_stations(&mut self, m: &Model) {
        let Some(o) = m.observed.as_deref() else {
            return;
        };
        for &(si, at) in &o.stations {
            let s = si as usize;
            let node = &m.nodes[m.stations[s].node];
            let dl = node.station_deadline.unwrap_or(f64::INFINITY);
            let late = at > dl;
            let was = self.station_late[s];
            if late {
                self.station_arrival[s] = at;
            }
            if late == was {
                continue;
            }
            self.station_late[s] = late;
            let pos = self.late_stations.partition_point(|&x| x < si);
            let k = node.kec;
            if late {
                self.late_stations.insert(pos, si);
                self.late_total += 1;
                if let Some(k) = k {
                    self.kec_late[k] += 1;
                }
            } else {
                self.late_stations.remove(pos);
                self.late_total -= 1;
                if let Some(k) = k {
                    self.kec_late[k] -= 1;
                }
            }
        }
    }

    /// What was seen of the consignment to `ci`, if anything.
    #[inline]
    pub(super) fn seen(&self, m: &Model, ci: usize) -> Option<Seen> {
        m.observed.as_deref().and_then(|o| o.node[ci])
    }

    /// The consignment to `ci` was seen: fix what was seen and draw the rest conditioned on
    /// it. Called when its supplier releases it, instead of queueing it for dispatch.
    pub(super) fn dispatch_seen(&mut self, m: &Model, ci: usize, seen: Seen) {
        let o = m.observed.clone().expect("observations");
        let left = match seen {
            Seen::Departed { at } => at,
            Seen::Arrived { at, .. } => o.left[ci].unwrap_or(at),
        };
        // The chain before the departure: as simulated when it fits before the observed
        // departure, else all of it "handling" (the supplier had the materials by then).
        let sum: f64 = self.chain[ci].iter().sum();
        if sum > left {
            self.chain[ci] = [0.0; N_CAUSES];
            self.chain[ci][cause::HANDLING] = left;
        } else {
            self.chain[ci][cause::TRAVEL] += left - sum;
        }
        self.ready_at[ci] = left;
        match seen {
            Seen::Departed { at } => self.dispatch_departed(m, ci, at, o.as_of),
            Seen::Arrived { at, damaged } => self.dispatch_arrived(m, ci, at, damaged, o.as_of),
        }
    }

    /// Left at `t0`, not arrived by `as_of`: crossed from `t0` by the replication's draws when
    /// they arrive after `as_of`; otherwise, on a route of several legs, the whole route is
    /// redrawn ([`Scratch::redraw_route`]); for one leg, or when that finds no draw, the
    /// vehicle is taken to be on the last leg, whose calm duration is redrawn conditioned on
    /// exceeding the progress made on it by `as_of`.
    fn dispatch_departed(&mut self, m: &Model, ci: usize, t0: f64, as_of: f64) {
        let route = self.route_at(m, ci, t0).to_vec();
        let key = m.nodes[ci].key;
        let mut t = t0;
        let mut entry = t0;
        let mut ignore = [0.0; N_CAUSES];
        for (k, &li) in route.iter().enumerate() {
            entry = t;
            t = self
                .cross(
                    m,
                    li,
                    t,
                    Trip::Out {
                        round: 0,
                        leg: k as u64,
                    }
                    .key(key),
                    &mut ignore,
                )
                .0;
            if !t.is_finite() {
                break;
            }
        }
        let Some(&last) = route.last() else {
            self.dispatch(m, ci, t0);
            return;
        };
        if t > as_of || !t.is_finite() {
            self.dispatch(m, ci, t0);
            return;
        }
        if self.redraw_route(m, ci, &route, t0, as_of) {
            return;
        }
        let trip = Trip::Out {
            round: 0,
            leg: route.len() as u64 - 1,
        }
        .key(key);
        let saved = self.base[last];
        let mut arrive = |s: &mut Scratch, b: f64| {
            s.base[last] = b;
            s.cross(m, last, entry, trip, &mut ignore).0
        };
        // The calm duration p at which the last leg would end exactly at `as_of`: the
        // progress made on it by then (arrival rises with the calm duration).
        let (mut lo, mut hi) = (0.0, saved.max(1.0));
        while arrive(self, hi) <= as_of && hi < 2.0 * m.horizon {
            hi *= 2.0;
        }
        for _ in 0..60 {
            let mid = 0.5 * (lo + hi);
            if arrive(self, mid) <= as_of {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let p = hi;
        let mut rng = self.rng(key ^ TAG_OBSERVED);
        let b = match &m.links[last].base {
            Base::Duration(s) => draw_above(s, p, &mut rng),
            Base::Distance(km, s) => km / draw_below(s, km / p, &mut rng).max(0.1),
        };
        self.base[last] = b.max(p);
        self.dispatch(m, ci, t0);
        self.base[last] = saved;
    }

    /// A consignment on a route of several legs, left at `t0`, not in by `as_of`, whose
    /// replication's draws bring it in by then: the calm durations of all its legs are drawn
    /// afresh (each from its law, in route order, from the node's own route stream), try after
    /// try, until the route crossed from `t0` arrives after `as_of`; the first such draw holds
    /// for this consignment (every round), every other vehicle keeping the replication's. So,
    /// given the replication's weather, timetables, disruptions and delays, the travel time
    /// `X` is drawn from its law conditioned on `X > as_of − t0`: rejection sampling, whose
    /// first try is the replication's own draw. Returns false (nothing done) for a route of
    /// one leg, for legs of fixed duration only, and when no try of [`MAX_ROUTE_TRIES`]
    /// arrives after `as_of`; the caller then conditions the last leg.
    fn redraw_route(&mut self, m: &Model, ci: usize, route: &[usize], t0: f64, as_of: f64) -> bool {
        let law = |li: usize| match &m.links[li].base {
            Base::Duration(s) | Base::Distance(_, s) => s,
        };
        if route.len() < 2 || route.iter().all(|&li| matches!(law(li), Sampler::Fixed(_))) {
            return false;
        }
        let key = m.nodes[ci].key;
        let saved: Vec<f64> = route.iter().map(|&li| self.base[li]).collect();
        let mut rng = self.rng(key ^ TAG_OBSERVED_ROUTE);
        let mut ignore = [0.0; N_CAUSES];
        for _ in 0..MAX_ROUTE_TRIES {
            for &li in route {
                let s = law(li);
                let v = if s.by_inversion() {
                    s.quantile(rng.uniform())
                } else {
                    s.sample(&mut rng)
                };
                self.base[li] = match &m.links[li].base {
                    Base::Duration(_) => v,
                    Base::Distance(km, _) => km / v.max(0.1),
                };
            }
            let mut t = t0;
            for (k, &li) in route.iter().enumerate() {
                let trip = Trip::Out {
                    round: 0,
                    leg: k as u64,
                }
                .key(key);
                t = self.cross(m, li, t, trip, &mut ignore).0;
                if !t.is_finite() {
                    break;
                }
            }
            if t > as_of || !t.is_finite() {
                self.dispatch(m, ci, t0);
                for (&li, &b) in route.iter().zip(&saved) {
                    self.base[li] = b;
                }
                return true;
            }
        }
        for (&li, &b) in route.iter().zip(&saved) {
            self.base[li] = b;
        }
        false
    }

    /// Arrived at `at` (complete, or with damaged items whose replacement is drawn
    /// conditioned on not being in by `as_of`).
    fn dispatch_arrived(&mut self, m: &Model, ci: usize, at: f64, damaged: bool, as_of: f64) {
        let node = &m.nodes[ci];
        let left = self.ready_at[ci];
        let mut c = self.chain[ci];
        c[cause::TRAVEL] += (at - left).max(0.0);
        let mut done = at;
        if damaged {
            done = match &node.reserve {
                Some(s) => at + draw_above(s, as_of - at, &mut self.rng(node.key ^ TAG_OBSERVED)),
                None => {
                    // The second shipment left at `at`; if it would be in by `as_of` (it
                    // would have been reported), it leaves at `as_of` instead.
                    let route = self.route_at(m, ci, at);
                    let tr = self.second_shipment(m, route, node.key, at);
                    if tr > as_of {
                        tr
                    } else {
                        self.second_shipment(m, route, node.key, as_of)
                    }
                }
            };
            if done.is_finite() {
                c[cause::DAMAGE] += done - at;
            }
        }
        self.arrival[ci] = if done > m.horizon {
            f64::INFINITY
        } else {
            done
        };
        self.damaged[ci] = damaged;
        self.dispatched[ci] = left;
        self.causes[ci] = c;
        self.release_children(m, ci);
    }
}
