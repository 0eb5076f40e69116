//! Crossing a link: timetables, windows, vessel departures and cancellations, waves, queues,
//! road blocks, travel in the weather, extra delays.

use super::*;

impl Scratch {
    /// The hours (from 0) of scheduled departure number `n` of link `li`.
    #[inline]
    pub(super) fn departure_time(m: &Model, li: usize, n: u64) -> f64 {
        let tt = &m.links[li].timetable;
        let day = n / tt.len() as u64;
        let slot = tt[(n % tt.len() as u64) as usize];
        (day as f64 * 1440.0 + slot - m.start_minute) / 60.0
    }

    /// The first scheduled departure number at or after `t`.
    #[inline]
    pub(super) fn first_departure(m: &Model, li: usize, t: f64) -> u64 {
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
    pub(super) fn in_window(m: &Model, w: (f64, f64), t: f64) -> bool {
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

    pub(super) fn next_opening(m: &Model, w: (f64, f64), t: f64) -> f64 {
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
    pub(super) fn extra_delay(&self, l: &crate::model::Link, trip: u64) -> Option<f64> {
        let e = l.extra.as_ref()?;
        let u = unit(mix(self.rk ^ sub(l.key ^ TAG_EXTRA, trip)));
        (u < e.probability).then(|| {
            let mut rng = self.rng(sub(l.key ^ TAG_EXTRA_DELAY, trip));
            e.delay.sample(&mut rng)
        })
    }

    #[inline]
    pub(super) fn wave_ok(&self, m: &Model, l: &crate::model::Link, t: f64) -> bool {
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
    pub(super) fn departure(&self, m: &Model, li: usize, n: u64, sched: f64) -> (bool, f64) {
        let l = &m.links[li];
        let Some(v) = &l.vessel else {
            return (!self.observed_cancelled(m, li, sched), 0.0);
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
        let observed = self.observed_cancelled(m, li, sched);
        (!(u1 < v.cancel || outage || observed), d)
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
    pub(super) fn cross(
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
            // As-of runs: a road closed by an observation is entered when it opens.
            let open = self.open_at(m, li, t);
            let until = if l.disruption.is_some() {
                self.blocked_until(m, li, open)
            } else {
                open
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
                let wait_arr = self.weather.travel(m, l.zone, until, base, true);
                match detour {
                    Some(x) if self.weather.travel(m, l.zone, t + x, base, true) < wait_arr => {
                        (t + x, x)
                    }
                    _ => (until, until - t),
                }
            } else {
                (t, 0.0)
            };
            let arr = self.weather.travel(m, l.zone, start, base, true);
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
    pub(super) fn board_scheduled(
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
            let arr = self.weather.travel(m, l.zone, actual, base, false);
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
    pub(super) fn board_unscheduled(
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
        (dep, self.weather.travel(m, l.zone, dep, base, false), waits)
    }

    /// The first moment at or after `s` at which an unscheduled boat of link `li` may leave:
    /// its window is open, the sea is within its limit and it is in service in that weather
    /// step (one cancellation draw per step of the link's zone, or per hour from time 0
    /// without a zone, shared by every vehicle). `None` after the horizon. Adds the wait to
    /// `waits` (window: schedule; sea: weather; out of service: vessel).
    pub(super) fn next_sailable(
        &self,
        m: &Model,
        li: usize,
        mut s: f64,
        waits: &mut [f64; 4],
    ) -> Option<f64> {
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
            // As-of runs: no boat leaves while the link is closed by an observation.
            let open = self.open_at(m, li, s);
            if open > s {
                waits[2] += open - s;
                s = open;
                continue;
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
}
