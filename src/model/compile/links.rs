//! `[[link]]`: physical connections with their base time, timetable, window, vessel, queue,
//! road disruptions, damage and extra delay.

use super::check::time_of_day as parse_time_of_day;
use super::check::{Ck, Index};
use super::{MAX_DISTANCE_KM, MAX_EVENTS_PER_DAY};
use crate::lang::msg;
use crate::model::dist::unit_of;
use crate::model::sampler::{Sampler, mean_of};
use crate::model::source_key as key;
use crate::model::{Base, Disruption, Link, Vessel, Zone};
use crate::scenario::{self, KeyPath, ScenarioFile};

/// Check and compile the links; `zones` are in file order.
pub(super) fn links(
    ck: &mut Ck,
    f: &ScenarioFile,
    zones: &[Zone],
    zone_index: &Index,
) -> (Vec<Link>, Index) {
    let index = Index::new(ck, "link", f.link.iter().map(|l| l.name.as_str()));
    let links = f
        .link
        .iter()
        .enumerate()
        .map(|(i, l)| {
            link(
                ck,
                KeyPath::root().key("link").index(i),
                l,
                zones,
                zone_index,
            )
        })
        .collect();
    (links, index)
}

/// One link.
fn link(ck: &mut Ck, lp: KeyPath, l: &scenario::Link, zones: &[Zone], zone_index: &Index) -> Link {
    let zone = l
        .zone
        .as_ref()
        .and_then(|z| zone_index.find(ck, lp.key("zone"), "zone", z));
    let base = base(ck, &lp, l);
    let timetable = l
        .timetable
        .as_ref()
        .map(|t| timetable(ck, lp.key("timetable"), t))
        .unwrap_or_default();
    let window = l.window.as_ref().and_then(|w| window(ck, &lp, w));
    if let (Some((a, b)), false) = (window, timetable.is_empty()) {
        let inside = |m: f64| {
            if a <= b {
                m >= a && m <= b
            } else {
                m >= a || m <= b
            }
        };
        if !timetable.iter().any(|&m| inside(m)) {
            ck.err(lp.key("window"), msg!("e308"), Some(msg!("e308-help")));
        }
    }
    let vessel = l
        .vessel
        .as_ref()
        .map(|v| vessel(ck, lp.key("vessel"), l, v));
    // A vessel with cancel_probability = 1 is allowed (a closed crossing): it can never
    // be crossed, and the run reports "never arrived" rather than hanging.
    let (queue_delay, queue_missed) = match &l.queue {
        Some(q) => {
            if timetable.is_empty() {
                ck.err(lp.key("queue"), msg!("e310"), Some(msg!("e310-help")));
            }
            (
                ck.opt_dist(lp.key("queue").key("delay"), &q.delay),
                ck.opt_dist(
                    lp.key("queue").key("missed_departures"),
                    &q.missed_departures,
                ),
            )
        }
        None => (None, None),
    };
    let worst = zone
        .and_then(|z| zones.get(z))
        .map(|z| {
            z.states
                .iter()
                .map(|s| s.disruption_factor)
                .fold(0.0, f64::max)
        })
        .unwrap_or(1.0);
    let disruption = l
        .disruption
        .as_ref()
        .and_then(|d| disruption(ck, lp.key("disruption"), l, d, worst));
    let damage = ck.prob(
        lp.key("damage_probability"),
        l.damage_probability.unwrap_or(0.0),
    );
    let extra = ck.extra(lp.key("extra_delay"), &l.extra_delay);
    // Nominal hours (escort priority): the mean base duration; for a distance, the
    // distance over the mean speed.
    let nominal_h = match &base {
        Some(Base::Duration(s)) => mean_of(s),
        Some(Base::Distance(km, s)) => km / mean_of(s).max(1e-9),
        None => 0.0,
    };
    Link {
        name: l.name.clone(),
        key: key(&format!("link:{}", l.name)),
        mode: l.mode.into(),
        zone,
        base: base.unwrap_or(Base::Duration(Sampler::Fixed(0.0))),
        timetable,
        window,
        vessel,
        queue_delay,
        queue_missed,
        disruption,
        damage,
        extra,
        nominal_h,
    }
}

/// The base duration: `duration`, or `distance_km` over `speed_kmh`.
fn base(ck: &mut Ck, lp: &KeyPath, l: &scenario::Link) -> Option<Base> {
    match (&l.duration, l.distance_km, &l.speed_kmh) {
        (Some(d), None, None) => ck.dist(lp.key("duration"), d).map(Base::Duration),
        (None, Some(km), Some(sp)) => {
            let km = ck.positive(lp.key("distance_km"), km, "distance_km");
            if km > MAX_DISTANCE_KM {
                ck.err(
                    lp.key("distance_km"),
                    msg!("e313", km = km, max = MAX_DISTANCE_KM),
                    Some(msg!("e313-help")),
                );
            }
            if unit_of(sp).is_some() {
                ck.err(
                    lp.key("speed_kmh").key("unit"),
                    msg!("e302"),
                    Some(msg!("e302-help")),
                );
            }
            let s = ck.dist(lp.key("speed_kmh"), sp)?;
            if let Sampler::Fixed(v)
            | Sampler::Uniform(v, _)
            | Sampler::Triangular(v, _, _)
            | Sampler::Pert(v, ..) = s
                && v <= 0.0
            {
                ck.err(lp.key("speed_kmh"), msg!("e303"), Some(msg!("e303-help")));
            }
            Some(Base::Distance(km, s))
        }
        _ => {
            ck.err(
                lp.clone(),
                msg!("e301", name = &l.name),
                Some(msg!("e301-help")),
            );
            None
        }
    }
}

/// Departure minutes of day, sorted and without repeats.
fn timetable(ck: &mut Ck, tp: KeyPath, t: &scenario::Timetable) -> Vec<f64> {
    let mut timetable = Vec::new();
    match (&t.times, t.every_min, &t.from, &t.to) {
        (Some(times), None, None, None) => {
            for (k, s) in times.iter().enumerate() {
                match parse_time_of_day(s) {
                    Ok(m) => timetable.push(m),
                    Err(m) => ck.err(tp.key("times").index(k), m, None),
                }
            }
            if times.is_empty() {
                ck.err(tp.key("times"), msg!("e304"), Some(msg!("e304-help")));
            }
        }
        (None, Some(every), Some(from), Some(to)) => {
            let every = ck.positive(tp.key("every_min"), every, "every_min");
            let a = parse_time_of_day(from)
                .map_err(|m| ck.err(tp.key("from"), m, None))
                .ok();
            let b = parse_time_of_day(to)
                .map_err(|m| ck.err(tp.key("to"), m, None))
                .ok();
            if let (Some(a), Some(b)) = (a, b) {
                let span = if b >= a { b - a } else { b + 1440.0 - a };
                // Count in floating point first: a tiny headway must be refused, not
                // overflow into an empty timetable.
                let count = (span / every).floor() + 1.0;
                let n = if count.is_finite() {
                    count.min(1e6) as usize
                } else {
                    usize::MAX
                };
                if n > 1440 {
                    ck.err(tp.key("every_min"), msg!("e306"), Some(msg!("e306-help")));
                } else {
                    for k in 0..n {
                        timetable.push((a + k as f64 * every) % 1440.0);
                    }
                }
            }
        }
        _ => ck.err(tp, msg!("e305"), None),
    }
    timetable.sort_by(f64::total_cmp);
    timetable.dedup();
    timetable
}

/// The daily window (from, to), minutes of day.
fn window(ck: &mut Ck, lp: &KeyPath, w: &scenario::Window) -> Option<(f64, f64)> {
    let a = parse_time_of_day(&w.from)
        .map_err(|m| ck.err(lp.key("window").key("from"), m, None))
        .ok()?;
    let b = parse_time_of_day(&w.to)
        .map_err(|m| ck.err(lp.key("window").key("to"), m, None))
        .ok()?;
    if a == b {
        ck.err(lp.key("window"), msg!("e307"), Some(msg!("e307-help")));
    }
    Some((a, b))
}

/// Vessel properties (sea and river links).
fn vessel(ck: &mut Ck, vp: KeyPath, l: &scenario::Link, v: &scenario::Vessel) -> Vessel {
    if l.mode == scenario::Mode::Road {
        ck.err(vp.clone(), msg!("e309"), Some(msg!("e309-help")));
    }
    let wave_limit = ck.nonneg(vp.key("wave_limit_m"), v.wave_limit_m, "wave_limit_m");
    let delay = ck.opt_dist(vp.key("delay"), &v.delay);
    let cancel = ck.prob(
        vp.key("cancel_probability"),
        v.cancel_probability.unwrap_or(0.0),
    );
    let outage = v.outage.as_ref().map(|o| {
        let op = vp.key("outage");
        let p = ck.prob(op.key("probability_per_day"), o.probability_per_day);
        (p, ck.prob(op.key("cancel_fraction"), o.cancel_fraction))
    });
    Vessel {
        wave_limit,
        delay,
        cancel,
        outage,
    }
}

/// Road disruptions; `worst` is the highest disruption factor of the link's zone.
fn disruption(
    ck: &mut Ck,
    p: KeyPath,
    l: &scenario::Link,
    d: &scenario::Disruption,
    worst: f64,
) -> Option<Disruption> {
    if l.mode != scenario::Mode::Road {
        ck.err(p.clone(), msg!("e311"), Some(msg!("e311-help")));
    }
    let rate = ck.nonneg(p.key("rate_per_day"), d.rate_per_day, "rate_per_day");
    if rate > 100.0 {
        ck.err(
            p.key("rate_per_day"),
            msg!("e312", rate = rate),
            Some(msg!("e312-help")),
        );
    }
    if rate <= 100.0 && rate * worst > MAX_EVENTS_PER_DAY {
        ck.err(
            p.key("rate_per_day"),
            msg!(
                "e314",
                rate = rate,
                worst = worst,
                total = rate * worst,
                max = MAX_EVENTS_PER_DAY
            ),
            Some(msg!("e314-help")),
        );
    }
    Some(Disruption {
        rate_per_h: rate / 24.0,
        duration: ck.dist(p.key("duration"), &d.duration)?,
        detour: ck.opt_dist(p.key("detour"), &d.detour),
    })
}
