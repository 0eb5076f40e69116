//! Check a scenario and compile it into a [`Model`].
//!
//! Checking and compiling are one pass: every check that needs the whole scenario (names,
//! references, cycles, reachability) happens here, and every problem is collected so that a
//! planner sees all of a file's errors at once. A model is returned only when there are none.

use std::collections::HashMap;

use super::*;
use crate::hazards::dist::{Sampler, mean_of, unit_of};
use crate::hazards::rng::key;
use crate::scenario::{self, Issue, KeyPath, ScenarioFile, did_you_mean};
use crate::time::{hours_between, parse_datetime, parse_time_of_day, start_minute_of_day};

/// Tolerance for probability vectors (initial distributions and transition rows) summing to 1.
pub const SUM_TOLERANCE: f64 = 1e-6;
/// The largest number of stations a scenario may have (the national figure is about 820,000).
pub const MAX_STATIONS: u64 = 5_000_000;
/// The largest number of nodes.
pub const MAX_NODES: usize = 1_000_000;
/// The longest horizon, days.
pub const MAX_HORIZON_DAYS: f64 = 366.0;
/// The shortest weather step, hours (a minute): finer chains are not weather, and each
/// replication draws every step of the horizon.
pub const MIN_STEP_H: f64 = 1.0 / 60.0;
/// The most weather steps of all zones together over the horizon (each is a byte of every
/// worker's memory and a draw in every replication).
pub const MAX_WEATHER_STEPS: f64 = 20_000_000.0;
/// The most states a zone may have (states are stored as bytes).
pub const MAX_STATES: usize = 256;
/// Arrivals up to this long after a deadline (hours; about 4 microseconds) are on time: the
/// rounding of departure and travel times must not make an exact arrival late.
pub const DEADLINE_SLACK_H: f64 = 1e-9;
/// The largest factor a weather state may put on sailing time, road time, disruption rates or
/// damage probabilities: a state a hundred times worse than calm is already a closure.
pub const MAX_FACTOR: f64 = 100.0;
/// The most road-disruption events a day a link may see in its worst weather state
/// (`rate_per_day` times the highest `disruption_factor` of its zone).
pub const MAX_EVENTS_PER_DAY: f64 = 1_000.0;
/// The longest link, km (more than the Earth's circumference is a typing mistake).
pub const MAX_DISTANCE_KM: f64 = 50_000.0;
/// The most rounds a consignment's fleet may need (trips ÷ vehicles).
pub const MAX_ROUNDS: f64 = 10_000.0;

struct Ck {
    issues: Vec<Issue>,
}

impl Ck {
    fn err(&mut self, path: KeyPath, message: impl Into<String>, help: Option<&str>) {
        self.issues.push(Issue {
            path,
            message: message.into(),
            help: help.map(str::to_string),
        });
    }

    fn dist(&mut self, path: KeyPath, d: &scenario::Dist) -> Option<Sampler> {
        match Sampler::new(d) {
            Ok(s) => Some(s),
            Err(m) => {
                self.err(
                    path,
                    m,
                    Some("see the distribution families in docs/scenario-format.md"),
                );
                None
            }
        }
    }

    fn opt_dist(&mut self, path: KeyPath, d: &Option<scenario::Dist>) -> Option<Sampler> {
        d.as_ref().and_then(|d| self.dist(path, d))
    }

    /// An `extra_delay` table: a probability and a delay distribution. A probability of 0
    /// compiles to no extra delay at all.
    fn extra(&mut self, path: KeyPath, e: &Option<scenario::ExtraDelay>) -> Option<Extra> {
        let e = e.as_ref()?;
        let probability = self.prob(path.key("probability"), e.probability);
        let delay = self.dist(path.key("delay"), &e.delay)?;
        (probability > 0.0).then_some(Extra { probability, delay })
    }

    fn prob(&mut self, path: KeyPath, p: f64) -> f64 {
        if !(0.0..=1.0).contains(&p) || p.is_nan() {
            self.err(
                path,
                format!("{p} is not a probability"),
                Some("write a number from 0 to 1"),
            );
            0.0
        } else {
            p
        }
    }

    fn nonneg(&mut self, path: KeyPath, v: f64, what: &str) -> f64 {
        if !v.is_finite() || v < 0.0 {
            self.err(
                path,
                format!("{what} must be a finite number of at least 0 (got {v})"),
                None,
            );
            0.0
        } else {
            v
        }
    }

    /// A factor of a weather state: finite, at least 0 (above 0 when `positive`), and at
    /// most [`MAX_FACTOR`].
    fn factor(&mut self, path: KeyPath, v: f64, what: &str, positive: bool) -> f64 {
        let v = if positive {
            self.positive(path.clone(), v, what)
        } else {
            self.nonneg(path.clone(), v, what)
        };
        if v > MAX_FACTOR {
            self.err(
                path,
                format!("{what} is {v}; a weather factor may be at most {MAX_FACTOR}"),
                Some("a factor multiplies the calm value: 1.5 means 50% slower or more frequent"),
            );
            return 1.0;
        }
        v
    }

    fn positive(&mut self, path: KeyPath, v: f64, what: &str) -> f64 {
        if !v.is_finite() || v <= 0.0 {
            self.err(
                path,
                format!("{what} must be a finite number greater than 0 (got {v})"),
                None,
            );
            1.0
        } else {
            v
        }
    }
}

/// The longest name (of a node, link, zone, weather state, fleet, escort pool, strategy or the
/// scenario), in characters: names are drawn on charts and written into every output.
pub const MAX_NAME_CHARS: usize = 200;

/// What is wrong with a name, if anything: too long, or holding a control character (an ESC
/// sequence, a NUL, a line break), which no place name needs.
pub fn name_problem(name: &str) -> Option<String> {
    let n = name.chars().count();
    if n > MAX_NAME_CHARS {
        let head: String = name.chars().take(40).collect();
        return Some(format!(
            "the name '{head}…' has {n} characters; names may have at most {MAX_NAME_CHARS}"
        ));
    }
    if name.chars().any(char::is_control) {
        return Some(format!(
            "the name '{name}' contains a control character (a line break, tab, ESC or NUL)"
        ));
    }
    None
}

/// The help for [`name_problem`].
pub const NAME_HELP: &str =
    "names are printed on charts, in reports and on the terminal: write a short plain name";

fn names<'a>(it: impl Iterator<Item = &'a str>) -> Vec<String> {
    it.map(str::to_string).collect()
}

fn index_by_name(ck: &mut Ck, table: &str, list: Vec<&str>) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for (i, n) in list.iter().enumerate() {
        if let Some(problem) = name_problem(n) {
            ck.err(
                KeyPath::root().key(table).index(i).key("name"),
                problem,
                Some(NAME_HELP),
            );
        }
        if n.trim().is_empty() {
            ck.err(
                KeyPath::root().key(table).index(i).key("name"),
                "name is empty",
                Some("give every entry a unique name"),
            );
        }
        if m.insert(n.to_string(), i).is_some() {
            ck.err(
                KeyPath::root().key(table).index(i).key("name"),
                format!("the name '{n}' is used by more than one {table}"),
                Some("names must be unique: they are how routes and strategies refer to entries"),
            );
        }
    }
    m
}

fn lookup(
    ck: &mut Ck,
    map: &HashMap<String, usize>,
    known: &[String],
    path: KeyPath,
    what: &str,
    name: &str,
) -> Option<usize> {
    match map.get(name) {
        Some(&i) => Some(i),
        None => {
            ck.err(
                path,
                format!(
                    "there is no {what} named '{name}'{}",
                    did_you_mean(name, known)
                ),
                Some(&format!("define the {what} or fix the name")),
            );
            None
        }
    }
}

/// Check and compile; on failure, the list of problems.
pub fn compile_issues(f: &ScenarioFile) -> Result<Model, Vec<Issue>> {
    let mut ck = Ck { issues: Vec::new() };
    let root = KeyPath::root();
    let sp = root.key("scenario");
    if let Some(problem) = name_problem(&f.scenario.name) {
        ck.err(sp.key("name"), problem, Some(NAME_HELP));
    }

    let start = match parse_datetime(&f.scenario.start) {
        Ok(t) => Some(t),
        Err(m) => {
            ck.err(sp.key("start"), m, None);
            None
        }
    };
    let horizon_days = f.scenario.horizon_days.unwrap_or(30.0);
    if !(horizon_days.is_finite() && horizon_days > 0.0 && horizon_days <= MAX_HORIZON_DAYS) {
        ck.err(sp.key("horizon_days"), format!("horizon_days must be more than 0 and at most {MAX_HORIZON_DAYS} (got {horizon_days})"), None);
    }
    let horizon = horizon_days.clamp(0.01, MAX_HORIZON_DAYS) * 24.0;
    let target = f.scenario.target.unwrap_or(0.95);
    let target = ck.prob(sp.key("target"), target);

    let when = |ck: &mut Ck, path: KeyPath, s: &Option<String>| -> Option<f64> {
        let s = s.as_ref()?;
        let start = start?;
        match parse_datetime(s) {
            Ok(t) => {
                let h = hours_between(&start, &t);
                Some(h)
            }
            Err(m) => {
                ck.err(path, m, None);
                None
            }
        }
    };
    let deadline = |ck: &mut Ck, path: KeyPath, s: &Option<String>| -> Option<f64> {
        let h = when(ck, path.clone(), s)?;
        if h <= 0.0 {
            ck.err(
                path,
                format!(
                    "the deadline {} is not after the scenario start {}",
                    s.as_deref().unwrap_or(""),
                    f.scenario.start
                ),
                Some("a deadline must be later than scenario.start"),
            );
        } else if h > horizon {
            ck.err(
                path,
                format!(
                    "the deadline {} is after the end of the simulated period ({} days from {})",
                    s.as_deref().unwrap_or(""),
                    horizon / 24.0,
                    f.scenario.start
                ),
                Some("lengthen scenario.horizon_days so that the period covers every deadline, or move the deadline earlier"),
            );
        }
        // An arrival computed exactly at the deadline (a ferry landing at midnight for a
        // midnight deadline) must be on time even when floating-point rounding puts it a
        // fraction of a nanosecond-hour later.
        Some(h + DEADLINE_SLACK_H)
    };

    // Defaults.
    let dp = root.key("defaults");
    let d_station_deadline = deadline(
        &mut ck,
        dp.key("station_deadline"),
        &f.defaults.station_deadline,
    );
    let d_hub_deadline = deadline(&mut ck, dp.key("hub_deadline"), &f.defaults.hub_deadline);
    let voting_opens = deadline(&mut ck, sp.key("voting_opens"), &f.scenario.voting_opens);
    let d_village_deadline = deadline(
        &mut ck,
        dp.key("village_deadline"),
        &f.defaults.village_deadline,
    );
    let d_handling = ck.opt_dist(dp.key("handling"), &f.defaults.handling);
    let d_last_mile = ck.opt_dist(dp.key("last_mile"), &f.defaults.last_mile);
    let d_lm_extra = ck.extra(
        dp.key("last_mile_extra_delay"),
        &f.defaults.last_mile_extra_delay,
    );
    let d_lps = f
        .defaults
        .load_per_station
        .map(|v| ck.nonneg(dp.key("load_per_station"), v, "load_per_station"));

    // Zones.
    let zone_idx = index_by_name(
        &mut ck,
        "zone",
        f.zone.iter().map(|z| z.name.as_str()).collect(),
    );
    let zone_names = names(f.zone.iter().map(|z| z.name.as_str()));
    let mut zones: Vec<Zone> = Vec::new();
    for (i, z) in f.zone.iter().enumerate() {
        let zp = root.key("zone").index(i);
        let step = ck.positive(zp.key("step_h"), z.step_h, "step_h");
        if step < MIN_STEP_H {
            ck.err(
                zp.key("step_h"),
                format!("step_h is {step} h; the shortest weather step is one minute ({MIN_STEP_H:.4} h)"),
                Some("step_h is in hours: write 6 for four steps a day"),
            );
        }
        let n = z.states.len();
        if n == 0 {
            ck.err(zp.key("states"), "a zone needs at least one state", None);
        }
        if n > MAX_STATES {
            ck.err(
                zp.key("states"),
                format!("{n} weather states; a zone may have at most {MAX_STATES}"),
                None,
            );
        }
        let mut states = Vec::new();
        let mut seen = HashMap::new();
        for (j, s) in z.states.iter().enumerate() {
            let p = zp.key("states").index(j);
            if let Some(problem) = name_problem(&s.name) {
                ck.err(p.key("name"), problem, Some(NAME_HELP));
            }
            if seen.insert(s.name.clone(), j).is_some() {
                ck.err(
                    p.key("name"),
                    format!("state '{}' appears twice in zone '{}'", s.name, z.name),
                    None,
                );
            }
            states.push(State {
                name: s.name.clone(),
                wave_m: ck.nonneg(p.key("wave_m"), s.wave_m, "wave_m"),
                sail_factor: ck.factor(
                    p.key("sail_factor"),
                    s.sail_factor.unwrap_or(1.0),
                    "sail_factor",
                    true,
                ),
                road_factor: ck.factor(
                    p.key("road_factor"),
                    s.road_factor.unwrap_or(1.0),
                    "road_factor",
                    true,
                ),
                disruption_factor: ck.factor(
                    p.key("disruption_factor"),
                    s.disruption_factor.unwrap_or(1.0),
                    "disruption_factor",
                    false,
                ),
                damage_factor: ck.factor(
                    p.key("damage_factor"),
                    s.damage_factor.unwrap_or(1.0),
                    "damage_factor",
                    false,
                ),
            });
        }
        let cdf = |ck: &mut Ck, path: KeyPath, row: &[f64], what: &str| -> Vec<f64> {
            if row.len() != n {
                ck.err(
                    path.clone(),
                    format!(
                        "{what} has {} entries but the zone has {n} states",
                        row.len()
                    ),
                    Some("give one probability per state, in the order of `states`"),
                );
            }
            let mut acc = 0.0;
            let mut out = Vec::with_capacity(row.len());
            for (k, &p) in row.iter().enumerate() {
                acc += ck.prob(path.index(k), p);
                out.push(acc);
            }
            if (acc - 1.0).abs() > SUM_TOLERANCE && row.len() == n {
                ck.err(
                    path,
                    format!("{what} sums to {acc}, not 1 (tolerance {SUM_TOLERANCE})"),
                    Some("make the probabilities add up to exactly 1"),
                );
            }
            if let Some(last) = out.last_mut() {
                *last = 1.0;
            }
            out
        };
        let initial_cdf = cdf(&mut ck, zp.key("initial"), &z.initial, "initial");
        if z.transition.len() != n {
            ck.err(
                zp.key("transition"),
                format!(
                    "transition has {} rows but the zone has {n} states",
                    z.transition.len()
                ),
                Some("give one row per state"),
            );
        }
        let trans_cdf = z
            .transition
            .iter()
            .enumerate()
            .map(|(r, row)| {
                cdf(
                    &mut ck,
                    zp.key("transition").index(r),
                    row,
                    &format!("transition row {r}"),
                )
            })
            .collect();
        zones.push(Zone {
            name: z.name.clone(),
            key: key(&format!("zone:{}", z.name)),
            step,
            states,
            initial_cdf,
            trans_cdf,
            follow: None,
        });
    }
    let weather_steps: f64 = zones.iter().map(|z| horizon / z.step.max(MIN_STEP_H)).sum();
    if weather_steps > MAX_WEATHER_STEPS {
        ck.err(
            root.key("zone"),
            format!(
                "the zones have {weather_steps:.0} weather steps over the horizon together; at most {MAX_WEATHER_STEPS:.0} are simulated"
            ),
            Some("use longer steps (step_h), fewer zones or a shorter horizon_days"),
        );
    }
    for (i, z) in f.zone.iter().enumerate() {
        let Some(fo) = &z.follow else { continue };
        let p = root.key("zone").index(i).key("follow");
        let prob = ck.prob(p.key("probability"), fo.probability);
        let Some(l) = lookup(
            &mut ck,
            &zone_idx,
            &zone_names,
            p.key("zone"),
            "zone",
            &fo.zone,
        ) else {
            continue;
        };
        if l == i {
            ck.err(p.key("zone"), "a zone cannot follow itself", None);
            continue;
        }
        if f.zone[l].follow.is_some() {
            ck.err(
                p.key("zone"),
                format!(
                    "zone '{}' follows another zone itself; a leader must not follow",
                    fo.zone
                ),
                Some("let every follower follow the same top-level leader"),
            );
            continue;
        }
        if (f.zone[l].step_h - z.step_h).abs() > 1e-9 {
            ck.err(
                p.key("zone"),
                format!(
                    "zone '{}' steps every {} h but its leader '{}' every {} h",
                    z.name, z.step_h, fo.zone, f.zone[l].step_h
                ),
                Some("give a follower the same step_h as its leader"),
            );
            continue;
        }
        let mut map = Vec::new();
        for ls in &f.zone[l].states {
            match z.states.iter().position(|s| s.name == ls.name) {
                Some(j) => map.push(j),
                None => {
                    ck.err(p.key("zone"), format!("leader state '{}' of zone '{}' has no state of the same name in zone '{}'", ls.name, fo.zone, z.name), Some("a follower copies its leader's state by name, so it needs a state for each of the leader's"));
                    break;
                }
            }
        }
        if map.len() == f.zone[l].states.len() {
            zones[i].follow = Some((l, prob, map));
        }
    }

    // Links.
    let link_idx = index_by_name(
        &mut ck,
        "link",
        f.link.iter().map(|l| l.name.as_str()).collect(),
    );
    let link_names = names(f.link.iter().map(|l| l.name.as_str()));
    let mut links = Vec::new();
    for (i, l) in f.link.iter().enumerate() {
        let lp = root.key("link").index(i);
        let zone = l
            .zone
            .as_ref()
            .and_then(|z| lookup(&mut ck, &zone_idx, &zone_names, lp.key("zone"), "zone", z));
        let base = match (&l.duration, l.distance_km, &l.speed_kmh) {
            (Some(d), None, None) => ck.dist(lp.key("duration"), d).map(Base::Duration),
            (None, Some(km), Some(sp)) => {
                let km = ck.positive(lp.key("distance_km"), km, "distance_km");
                if km > MAX_DISTANCE_KM {
                    ck.err(
                        lp.key("distance_km"),
                        format!("a link of {km} km is longer than {MAX_DISTANCE_KM} km"),
                        Some("distance_km is in kilometres"),
                    );
                }
                if unit_of(sp).is_some() {
                    ck.err(
                        lp.key("speed_kmh").key("unit"),
                        "speed_kmh is in km/h and takes no unit",
                        Some("remove `unit`"),
                    );
                }
                match ck.dist(lp.key("speed_kmh"), sp) {
                    Some(s) => {
                        if let Sampler::Fixed(v)
                        | Sampler::Uniform(v, _)
                        | Sampler::Triangular(v, _, _)
                        | Sampler::Pert(v, ..) = s
                            && v <= 0.0
                        {
                            ck.err(lp.key("speed_kmh"), "the slowest speed must be above 0 km/h", Some("a speed of 0 never arrives; model a closure with `disruption` instead"));
                        }
                        Some(Base::Distance(km, s))
                    }
                    None => None,
                }
            }
            _ => {
                ck.err(
                    lp.clone(),
                    format!(
                        "link '{}' needs either `duration`, or `distance_km` with `speed_kmh`",
                        l.name
                    ),
                    Some("give exactly one of the two"),
                );
                None
            }
        };
        let mut timetable = Vec::new();
        if let Some(t) = &l.timetable {
            let tp = lp.key("timetable");
            match (&t.times, t.every_min, &t.from, &t.to) {
                (Some(times), None, None, None) => {
                    for (k, s) in times.iter().enumerate() {
                        match parse_time_of_day(s) {
                            Ok(m) => timetable.push(m),
                            Err(m) => ck.err(tp.key("times").index(k), m, None),
                        }
                    }
                    if times.is_empty() {
                        ck.err(tp.key("times"), "the timetable has no departures", Some("list at least one departure time, or remove `timetable` for a link that runs at any time"));
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
                            ck.err(
                                tp.key("every_min"),
                                "more than 1,440 departures a day",
                                Some("every_min is in minutes"),
                            );
                        } else {
                            for k in 0..n {
                                timetable.push((a + k as f64 * every) % 1440.0);
                            }
                        }
                    }
                }
                _ => ck.err(
                    tp,
                    "a timetable needs either `times`, or `every_min` with `from` and `to`",
                    None,
                ),
            }
            timetable.sort_by(f64::total_cmp);
            timetable.dedup();
        }
        let window = l.window.as_ref().and_then(|w| {
            let a = parse_time_of_day(&w.from)
                .map_err(|m| ck.err(lp.key("window").key("from"), m, None))
                .ok()?;
            let b = parse_time_of_day(&w.to)
                .map_err(|m| ck.err(lp.key("window").key("to"), m, None))
                .ok()?;
            if a == b {
                ck.err(
                    lp.key("window"),
                    "the window opens and closes at the same time",
                    Some("remove `window` for a link that runs all day"),
                );
            }
            Some((a, b))
        });
        if let (Some((a, b)), false) = (window, timetable.is_empty()) {
            let inside = |m: f64| {
                if a <= b {
                    m >= a && m <= b
                } else {
                    m >= a || m <= b
                }
            };
            if !timetable.iter().any(|&m| inside(m)) {
                ck.err(
                    lp.key("window"),
                    "no departure of the timetable falls inside the window",
                    Some("widen the window or change the timetable"),
                );
            }
        }
        let vessel = l.vessel.as_ref().map(|v| {
            let vp = lp.key("vessel");
            if l.mode == Mode::Road {
                ck.err(
                    vp.clone(),
                    "a road link has no vessel",
                    Some("use mode = \"sea\" or \"river\", or remove `vessel`"),
                );
            }
            Vessel {
                wave_limit: ck.nonneg(vp.key("wave_limit_m"), v.wave_limit_m, "wave_limit_m"),
                delay: ck.opt_dist(vp.key("delay"), &v.delay),
                cancel: ck.prob(
                    vp.key("cancel_probability"),
                    v.cancel_probability.unwrap_or(0.0),
                ),
                outage: v.outage.as_ref().map(|o| {
                    (
                        ck.prob(
                            vp.key("outage").key("probability_per_day"),
                            o.probability_per_day,
                        ),
                        ck.prob(vp.key("outage").key("cancel_fraction"), o.cancel_fraction),
                    )
                }),
            }
        });
        // A vessel with cancel_probability = 1 is allowed (a closed crossing): it can never
        // be crossed, and the run reports "never arrived" rather than hanging.
        let (queue_delay, queue_missed) = match &l.queue {
            Some(q) => {
                if timetable.is_empty() {
                    ck.err(
                        lp.key("queue"),
                        "a queue needs a timetable (it delays boarding a scheduled departure)",
                        Some("add a timetable or remove `queue`"),
                    );
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
        let disruption = l.disruption.as_ref().and_then(|d| {
            let p = lp.key("disruption");
            if l.mode != Mode::Road {
                ck.err(
                    p.clone(),
                    "disruptions (blocks, detours) apply to road links",
                    Some("for vessels use `vessel.cancel_probability` or `vessel.outage`"),
                );
            }
            let rate = ck.nonneg(p.key("rate_per_day"), d.rate_per_day, "rate_per_day");
            if rate > 100.0 {
                ck.err(
                    p.key("rate_per_day"),
                    format!("{rate} events a day is not a disruption rate"),
                    Some("rate_per_day counts blocking events per day"),
                );
            }
            let worst = zone
                .and_then(|z| zones.get(z))
                .map(|z| z.states.iter().map(|s| s.disruption_factor).fold(0.0, f64::max))
                .unwrap_or(1.0);
            if rate <= 100.0 && rate * worst > MAX_EVENTS_PER_DAY {
                ck.err(
                    p.key("rate_per_day"),
                    format!(
                        "{rate} events a day times the zone's highest disruption_factor ({worst}) is {} events a day; at most {MAX_EVENTS_PER_DAY} are simulated",
                        rate * worst
                    ),
                    Some("lower rate_per_day or the disruption_factor of the zone's worst state"),
                );
            }
            Some(Disruption {
                rate_per_h: rate / 24.0,
                duration: ck.dist(p.key("duration"), &d.duration)?,
                detour: ck.opt_dist(p.key("detour"), &d.detour),
            })
        });
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
        links.push(Link {
            name: l.name.clone(),
            key: key(&format!("link:{}", l.name)),
            mode: l.mode,
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
        });
    }

    // Fleets and escorts.
    let fleet_idx = index_by_name(
        &mut ck,
        "fleet",
        f.fleet.iter().map(|x| x.name.as_str()).collect(),
    );
    let fleet_names = names(f.fleet.iter().map(|x| x.name.as_str()));
    let fleets: Vec<Fleet> = f
        .fleet
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let p = root.key("fleet").index(i);
            if x.count == 0 {
                ck.err(p.key("count"), "a fleet needs at least one vehicle", None);
            }
            Fleet {
                name: x.name.clone(),
                capacity: ck.positive(p.key("capacity"), x.capacity, "capacity"),
                count: x.count.max(1),
                return_time: ck.opt_dist(p.key("return_time"), &x.return_time),
            }
        })
        .collect();
    let escort_idx = index_by_name(
        &mut ck,
        "escort",
        f.escort.iter().map(|x| x.name.as_str()).collect(),
    );
    let escort_names = names(f.escort.iter().map(|x| x.name.as_str()));
    let escorts: Vec<Escort> = f
        .escort
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let p = root.key("escort").index(i);
            if x.teams == 0 {
                ck.err(
                    p.key("teams"),
                    "an escort pool needs at least one team",
                    Some("remove `escort` from the nodes instead if no escort is required"),
                );
            }
            if x.teams > 100_000 {
                ck.err(p.key("teams"), "more than 100,000 escort teams", None);
            }
            Escort {
                name: x.name.clone(),
                teams: x.teams.clamp(1, 100_000),
                return_time: ck.opt_dist(p.key("return_time"), &x.return_time),
            }
        })
        .collect();

    // Nodes.
    if f.node.len() > MAX_NODES {
        ck.err(
            root.key("node"),
            format!("{} nodes; at most {MAX_NODES} are accepted", f.node.len()),
            None,
        );
        return Err(ck.issues);
    }
    let total_stations: u64 = f.node.iter().map(|n| n.stations as u64).sum();
    if total_stations > MAX_STATIONS {
        ck.err(
            root.key("node"),
            format!("{total_stations} stations; at most {MAX_STATIONS} are accepted"),
            Some("Indonesia had about 820,000 TPS in 2024; check the station counts"),
        );
        return Err(ck.issues);
    }
    let node_idx = index_by_name(
        &mut ck,
        "node",
        f.node.iter().map(|n| n.name.as_str()).collect(),
    );
    let node_names = names(f.node.iter().map(|n| n.name.as_str()));
    let mut nodes: Vec<Node> = Vec::with_capacity(f.node.len());
    let mut stations = Vec::new();
    let route_of = |ck: &mut Ck, path: KeyPath, r: &[String]| -> Vec<usize> {
        if r.is_empty() {
            ck.err(
                path.clone(),
                "the route is empty",
                Some("list the links from the supplier to this node, in order"),
            );
        }
        r.iter()
            .enumerate()
            .filter_map(|(k, name)| lookup(ck, &link_idx, &link_names, path.index(k), "link", name))
            .collect()
    };
    for (i, n) in f.node.iter().enumerate() {
        let np = root.key("node").index(i);
        let coords = match (n.lat, n.lon) {
            (Some(la), Some(lo)) => {
                if !(-90.0..=90.0).contains(&la) || !(-180.0..=180.0).contains(&lo) {
                    ck.err(
                        np.key("lat"),
                        format!("({la}, {lo}) is not a latitude and longitude"),
                        Some("write decimal degrees: lat from -90 to 90, lon from -180 to 180"),
                    );
                }
                Some((la, lo))
            }
            (None, None) => None,
            _ => {
                ck.err(np.clone(), "give both lat and lon, or neither", None);
                None
            }
        };
        let supplier = match (&n.supplier, n.kind) {
            (Some(_), scenario::Kind::Depot) => {
                ck.err(
                    np.key("supplier"),
                    "a depot has no supplier",
                    Some("use kind = \"hub\" for a node supplied from elsewhere"),
                );
                None
            }
            (Some(s), _) => lookup(
                &mut ck,
                &node_idx,
                &node_names,
                np.key("supplier"),
                "node",
                s,
            ),
            (None, scenario::Kind::Depot) => None,
            (None, _) => {
                ck.err(
                    np.key("supplier"),
                    format!("node '{}' has no supplier", n.name),
                    Some("every node except a depot names the node it is supplied from"),
                );
                None
            }
        };
        let route = match (&n.route, n.kind) {
            (Some(r), k) if k != scenario::Kind::Depot => route_of(&mut ck, np.key("route"), r),
            (Some(_), _) => {
                ck.err(np.key("route"), "a depot has no route", None);
                Vec::new()
            }
            (None, scenario::Kind::Depot) => Vec::new(),
            (None, _) => {
                ck.err(
                    np.key("route"),
                    format!("node '{}' has no route from its supplier", n.name),
                    Some("list the links, e.g. route = [\"roro-air-putih\"]"),
                );
                Vec::new()
            }
        };
        let fallback = n
            .fallback
            .as_ref()
            .map(|r| route_of(&mut ck, np.key("fallback"), r));
        let fallback_block_h = ck.nonneg(
            np.key("fallback_if_blocked_h"),
            n.fallback_if_blocked_h.unwrap_or(6.0),
            "fallback_if_blocked_h",
        );
        let fleet = n.fleet.as_ref().and_then(|x| {
            lookup(
                &mut ck,
                &fleet_idx,
                &fleet_names,
                np.key("fleet"),
                "fleet",
                x,
            )
        });
        if n.load.is_some() && n.fleet.is_none() {
            ck.err(
                np.key("load"),
                format!("node '{}' has a load but no fleet to carry it", n.name),
                Some("name a fleet (vehicle type) for this consignment"),
            );
        }
        if n.load.is_some() && n.load_per_station.is_some() {
            ck.err(
                np.key("load"),
                "give `load` or `load_per_station`, not both",
                None,
            );
        }
        if let Some(v) = n.load {
            ck.nonneg(np.key("load"), v, "load");
        }
        if let Some(v) = n.load_per_station {
            ck.nonneg(np.key("load_per_station"), v, "load_per_station");
        }
        let escort = n.escort.as_ref().and_then(|x| {
            lookup(
                &mut ck,
                &escort_idx,
                &escort_names,
                np.key("escort"),
                "escort pool",
                x,
            )
        });
        if n.kind == scenario::Kind::Depot && n.escort.is_some() {
            ck.err(
                np.key("escort"),
                "a depot is not dispatched, so it needs no escort",
                None,
            );
        }
        let planned = when(&mut ck, np.key("planned_dispatch"), &n.planned_dispatch);
        if n.kind == scenario::Kind::Depot && n.planned_dispatch.is_some() {
            ck.err(
                np.key("planned_dispatch"),
                "a depot is not dispatched, so it has no planned dispatch",
                Some("use `ready` for when the depot's materials are ready, and planned_dispatch on the nodes it supplies"),
            );
        }
        if let Some(p) = planned
            && !(0.0..=horizon).contains(&p)
        {
            ck.err(
                np.key("planned_dispatch"),
                "the planned dispatch is outside the simulated period",
                Some("it must be after scenario.start and before start + horizon_days"),
            );
        }
        let own_deadline = deadline(&mut ck, np.key("deadline"), &n.deadline);
        let dl = own_deadline.or(match n.kind {
            scenario::Kind::Hub => d_hub_deadline,
            scenario::Kind::Village => d_village_deadline,
            scenario::Kind::Depot => None,
        });
        let sdl = deadline(&mut ck, np.key("station_deadline"), &n.station_deadline)
            .or(d_station_deadline);
        if n.stations > 0 && sdl.is_none() {
            ck.err(
                np.key("stations"),
                format!(
                    "node '{}' serves stations but they have no deadline",
                    n.name
                ),
                Some("set defaults.station_deadline (the H-1 rule) or the node's station_deadline"),
            );
        }
        let last_mile = ck
            .opt_dist(np.key("last_mile"), &n.last_mile)
            .or_else(|| d_last_mile.clone());
        let last_mile_extra = if n.last_mile_extra_delay.is_some() {
            ck.extra(np.key("last_mile_extra_delay"), &n.last_mile_extra_delay)
        } else {
            d_lm_extra.clone()
        };
        let first = stations.len();
        for k in 0..n.stations as usize {
            stations.push(Station {
                node: i,
                number: k + 1,
            });
        }
        if n.kind != scenario::Kind::Depot && n.ready.is_some() {
            ck.err(
                np.key("ready"),
                "only a depot has a ready time",
                Some("use planned_dispatch for other nodes"),
            );
        }
        let nominal_h = route
            .iter()
            .map(|&l: &usize| links.get(l).map(|x: &Link| x.nominal_h).unwrap_or(0.0))
            .sum();
        nodes.push(Node {
            name: n.name.clone(),
            key: key(&format!("node:{}", n.name)),
            kind: n.kind,
            coords,
            supplier,
            route,
            fallback,
            fallback_block_h,
            fleet,
            load: 0.0,
            planned,
            handling: ck
                .opt_dist(np.key("handling"), &n.handling)
                .or_else(|| d_handling.clone()),
            ready: ck.opt_dist(np.key("ready"), &n.ready),
            deadline: dl,
            stations: (first, n.stations as usize),
            station_deadline: sdl,
            last_mile,
            last_mile_extra,
            escort,
            reserve: ck.opt_dist(np.key("reserve_replacement"), &n.reserve_replacement),
            children: Vec::new(),
            kec: None,
            nominal_h,
        });
    }
    if !f.node.iter().any(|n| n.kind == scenario::Kind::Depot) {
        ck.err(
            root.key("node"),
            "the scenario has no depot",
            Some("add a node with kind = \"depot\" (the KPU warehouse)"),
        );
    }

    // Tree: cycles and reachability.
    if ck.issues.is_empty() {
        for i in 0..nodes.len() {
            if let Some(p) = nodes[i].supplier {
                nodes[p].children.push(i);
            }
        }
        let mut state = vec![0u8; nodes.len()]; // 0 unknown, 1 visiting, 2 reaches a depot
        for i in 0..nodes.len() {
            let mut chain = Vec::new();
            let mut c = i;
            loop {
                if state[c] == 2 {
                    break;
                }
                if state[c] == 1 {
                    let names: Vec<&str> = chain
                        .iter()
                        .skip_while(|&&x| x != c)
                        .map(|&x: &usize| nodes[x].name.as_str())
                        .collect();
                    ck.err(
                        root.key("node").index(c).key("supplier"),
                        format!(
                            "the supplier chain has a cycle: {} -> {}",
                            names.join(" -> "),
                            nodes[c].name
                        ),
                        Some("every chain of suppliers must end at a depot"),
                    );
                    break;
                }
                state[c] = 1;
                chain.push(c);
                match nodes[c].supplier {
                    Some(p) => c = p,
                    None => break,
                }
            }
            for &x in &chain {
                state[x] = 2;
            }
        }
        // Loads: stations served in each subtree.
        if ck.issues.is_empty() {
            let order = topo_order(&nodes);
            let mut served = vec![0u64; nodes.len()];
            for &i in order.iter().rev() {
                served[i] += nodes[i].stations.1 as u64;
                if let Some(p) = nodes[i].supplier {
                    served[p] += served[i];
                }
            }
            for (i, n) in f.node.iter().enumerate() {
                let lps = n.load_per_station.or(d_lps).unwrap_or(1.0);
                nodes[i].load = n.load.unwrap_or(lps * served[i] as f64);
                if nodes[i].fleet.is_some()
                    && nodes[i].load <= 0.0
                    && n.kind != scenario::Kind::Depot
                {
                    // A consignment with nothing to carry still travels (forms, seals).
                    nodes[i].load = 0.0;
                }
                if let Some(fi) = nodes[i].fleet {
                    let fl = &fleets[fi];
                    let rounds = ((nodes[i].load / fl.capacity).ceil() / fl.count as f64).ceil();
                    if rounds.is_nan() || rounds > MAX_ROUNDS {
                        ck.err(
                            root.key("node").index(i).key("fleet"),
                            format!(
                                "the consignment to '{}' ({} load units) needs {rounds} rounds of fleet '{}' ({} vehicles of capacity {}); at most {MAX_ROUNDS} are simulated",
                                n.name, nodes[i].load, fl.name, fl.count, fl.capacity
                            ),
                            Some("check the load and the fleet's capacity and count (same units)"),
                        );
                    }
                }
            }
            if !ck.issues.is_empty() {
                return Err(ck.issues);
            }
            // Kecamatan: every hub, and the nodes it supplies (down to the next hub).
            let kecamatan: Vec<usize> = (0..nodes.len())
                .filter(|&i| nodes[i].kind == scenario::Kind::Hub)
                .collect();
            for (k, &h) in kecamatan.iter().enumerate() {
                nodes[h].kec = Some(k);
            }
            for &i in &order {
                if nodes[i].kind != scenario::Kind::Hub
                    && let Some(p) = nodes[i].supplier
                {
                    nodes[i].kec = nodes[p].kec;
                }
            }
            let mut kec_stations = vec![0usize; kecamatan.len()];
            for s in &stations {
                if let Some(k) = nodes[s.node].kec {
                    kec_stations[k] += 1;
                }
            }
            let depots = (0..nodes.len())
                .filter(|&i| nodes[i].kind == scenario::Kind::Depot)
                .collect();
            let zones = leaders_first(zones);
            let Some(start) = start else {
                return Err(ck.issues);
            };
            let zone_pos: Vec<usize> = zones.1;
            let mut zones = zones.0;
            for z in zones.iter_mut() {
                if let Some((l, _, _)) = &mut z.follow {
                    *l = zone_pos[*l];
                }
            }
            let mut links = links;
            for l in links.iter_mut() {
                l.zone = l.zone.map(|z| zone_pos[z]);
            }
            if let Some(v) = voting_opens
                && let Some(n) = nodes
                    .iter()
                    .find(|n| n.stations.1 > 0 && n.station_deadline.is_some_and(|d| d > v))
            {
                ck.err(
                    sp.key("voting_opens"),
                    format!(
                        "voting opens before the TPS deadline of node '{}'",
                        n.name
                    ),
                    Some("voting_opens must be no earlier than every station_deadline (H-1 comes before polling day)"),
                );
                return Err(ck.issues);
            }
            return Ok(Model {
                name: f.scenario.name.clone(),
                start_minute: start_minute_of_day(&start),
                start,
                horizon,
                target,
                voting_opens,
                zones,
                links,
                fleets,
                escorts,
                nodes,
                stations,
                kecamatan,
                depots,
                kec_stations,
            });
        }
    }
    Err(ck.issues)
}

/// Reorder zones so that leaders come before their followers; returns the zones and, for each
/// old index, its new index.
fn leaders_first(zones: Vec<Zone>) -> (Vec<Zone>, Vec<usize>) {
    let n = zones.len();
    let mut order: Vec<usize> = (0..n).filter(|&i| zones[i].follow.is_none()).collect();
    order.extend((0..n).filter(|&i| zones[i].follow.is_some()));
    let mut pos = vec![0; n];
    for (new, &old) in order.iter().enumerate() {
        pos[old] = new;
    }
    let mut slots: Vec<Option<Zone>> = zones.into_iter().map(Some).collect();
    let out = order
        .iter()
        .map(|&i| slots[i].take().expect("each zone once"))
        .collect();
    (out, pos)
}

/// Nodes in an order where every supplier comes before the nodes it supplies.
pub fn topo_order(nodes: &[Node]) -> Vec<usize> {
    let mut out = Vec::with_capacity(nodes.len());
    let mut stack: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].supplier.is_none())
        .rev()
        .collect();
    while let Some(i) = stack.pop() {
        out.push(i);
        for &c in nodes[i].children.iter().rev() {
            stack.push(c);
        }
    }
    out
}

/// Check and compile a loaded scenario; problems are located in its file.
pub fn compile(loaded: &scenario::Loaded) -> crate::error::Result<Model> {
    compile_issues(&loaded.file).map_err(|issues| {
        let loc = scenario::Locator::new(&loaded.path, &loaded.text);
        crate::error::Error::Invalid(issues.iter().map(|i| loc.diagnose(i)).collect())
    })
}
