//! A TOML writer for scenario files that keeps a source comment on every number.
//!
//! The scenario tables are written from the crate's own scenario types
//! (`tepat::scenario::types`): each `*_val` function destructures its type completely, so a
//! key added to the scenario format stops this generator from compiling until the key is
//! written here too. A line that holds a number without a comment naming a source (`[S]`) or
//! saying `estimate` is refused, and so is a number with more than 4 decimals (round it where
//! it is computed, so that the file holds exactly the value the generator reasoned with).

use std::collections::BTreeMap;

use tepat::scenario::types::{
    Defaults, Disruption, Dist, EscortPool, ExtraDelay, Fleet, Follow, Kind, Link, Meta, Mode,
    Node, Outage, Queue, Timetable, Vessel, WeatherState, Window,
};

/// A TOML value as written.
#[derive(Debug, Clone)]
pub enum Val {
    /// A basic string.
    Str(String),
    /// A number: an integer when it is one, else its shortest decimal form.
    Num(f64),
    /// A probability written with exactly two decimals (`0.10`), for aligned matrix rows.
    Fixed2(f64),
    /// An inline array.
    Arr(Vec<Val>),
    /// An inline table, keys in order.
    Table(Vec<(String, Val)>),
}

/// Shorthands.
pub fn s(x: &str) -> Val {
    Val::Str(x.to_string())
}
/// A number.
pub fn n(x: f64) -> Val {
    Val::Num(x)
}

/// `x` rounded to `d` decimals the way the printed decimal rounds it (exact value, ties to even).
pub fn round(x: f64, d: usize) -> f64 {
    format!("{x:.d$}")
        .parse()
        .expect("a formatted float parses")
}

fn bare_key(k: &str) -> bool {
    !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// A key, quoted when it is not a bare key.
pub fn key(k: &str) -> String {
    if bare_key(k) {
        k.to_string()
    } else {
        string(k)
    }
}

/// A TOML basic string.
pub fn string(x: &str) -> String {
    let mut o = String::with_capacity(x.len() + 2);
    o.push('"');
    for c in x.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                o.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

impl Val {
    fn has_number(&self) -> bool {
        match self {
            Val::Str(_) => false,
            Val::Num(_) | Val::Fixed2(_) => true,
            Val::Arr(v) => v.iter().any(Val::has_number),
            Val::Table(t) => t.iter().any(|(_, v)| v.has_number()),
        }
    }

    fn render(&self, errors: &mut Vec<String>) -> String {
        match self {
            Val::Str(x) => string(x),
            Val::Num(x) => number(*x, errors),
            Val::Fixed2(x) => {
                let t = format!("{x:.2}");
                if t.parse::<f64>() != Ok(*x) {
                    errors.push(format!("{x} is not a two-decimal value"));
                }
                t
            }
            Val::Arr(v) => {
                let parts: Vec<String> = v.iter().map(|x| x.render(errors)).collect();
                format!("[{}]", parts.join(", "))
            }
            Val::Table(t) if t.is_empty() => "{}".into(),
            Val::Table(t) => {
                let parts: Vec<String> = t
                    .iter()
                    .map(|(k, v)| format!("{} = {}", key(k), v.render(errors)))
                    .collect();
                format!("{{ {} }}", parts.join(", "))
            }
        }
    }
}

/// A number as written: integers without a decimal point (with `_` every three digits from
/// 100,000 up), other values in their shortest decimal form.
fn number(x: f64, errors: &mut Vec<String>) -> String {
    if !x.is_finite() {
        errors.push(format!("{x} is not a finite number"));
        return "nan".into();
    }
    if round(x, 4) != x {
        errors.push(format!(
            "{x} has more than 4 decimals: round it where it is computed"
        ));
    }
    if x == x.trunc() && x.abs() < 1e15 {
        let i = x as i64;
        let digits = i.unsigned_abs().to_string();
        let body = if i.unsigned_abs() >= 100_000 {
            let mut g = String::new();
            for (k, c) in digits.chars().enumerate() {
                if k > 0 && (digits.len() - k).is_multiple_of(3) {
                    g.push('_');
                }
                g.push(c);
            }
            g
        } else {
            digits
        };
        if i < 0 { format!("-{body}") } else { body }
    } else {
        format!("{x}")
    }
}

fn sourced(comment: Option<&str>) -> bool {
    comment.is_some_and(|c| c.contains("[S]") || c.contains("estimate"))
}

/// A scenario file being written, line by line.
#[derive(Default)]
pub struct Doc {
    lines: Vec<String>,
    errors: Vec<String>,
}

impl Doc {
    /// A line as it is.
    pub fn raw(&mut self, line: &str) {
        self.lines.push(line.to_string());
    }

    /// An empty line.
    pub fn blank(&mut self) {
        self.lines.push(String::new());
    }

    /// A comment, one `#` line per line of `text`.
    pub fn comment(&mut self, text: &str) {
        for part in text.split('\n') {
            self.lines.push(format!("# {part}").trim_end().to_string());
        }
    }

    /// `key = value  # comment`; a value holding a number needs a sourced comment.
    pub fn kv(&mut self, k: &str, v: Val, comment: Option<&str>) {
        if v.has_number() && !sourced(comment) {
            self.errors.push(format!(
                "`{k}` holds a number but its comment names no source and no estimate: {comment:?}"
            ));
        }
        let mut line = format!("{} = {}", key(k), v.render(&mut self.errors));
        if let Some(c) = comment {
            line.push_str("  # ");
            line.push_str(c);
        }
        self.lines.push(line);
    }

    /// `key = value` for a key that may be absent.
    pub fn opt(&mut self, k: &str, v: Option<Val>, comment: Option<&str>) {
        if let Some(v) = v {
            self.kv(k, v, comment);
        }
    }

    /// A multi-line array with one comment per element (no comments: none).
    pub fn array_lines(&mut self, k: &str, rows: &[Val], comments: &[String]) {
        self.lines.push(format!("{} = [", key(k)));
        for (i, r) in rows.iter().enumerate() {
            let c = comments.get(i).map(String::as_str);
            if r.has_number() && !sourced(c) {
                self.errors.push(format!(
                    "an element of `{k}` holds a number without a source"
                ));
            }
            let mut line = format!("  {},", r.render(&mut self.errors));
            if let Some(c) = c {
                line.push_str("  # ");
                line.push_str(c);
            }
            self.lines.push(line);
        }
        self.lines.push("]".into());
    }

    /// The text, or every problem found while writing it.
    pub fn finish(self) -> Result<String, String> {
        if !self.errors.is_empty() {
            return Err(self.errors.join("\n"));
        }
        Ok(format!("{}\n", self.lines.join("\n").trim_end()))
    }
}

/// Source comments of one table, by key.
pub type Notes = BTreeMap<&'static str, String>;

fn note<'a>(notes: &'a Notes, k: &str) -> Option<&'a str> {
    notes.get(k).map(String::as_str)
}

fn push(t: &mut Vec<(String, Val)>, k: &str, v: Option<Val>) {
    if let Some(v) = v {
        t.push((k.to_string(), v));
    }
}

/// A distribution.
pub fn dist_val(d: &Dist) -> Val {
    let mut t = Vec::new();
    let unit =
        |t: &mut Vec<(String, Val)>, u: &Option<String>| push(t, "unit", u.as_deref().map(s));
    match d {
        Dist::Fixed { value, unit: u } => {
            t.push(("dist".into(), s("fixed")));
            t.push(("value".into(), n(*value)));
            unit(&mut t, u);
        }
        Dist::Uniform { min, max, unit: u } => {
            t.push(("dist".into(), s("uniform")));
            t.push(("min".into(), n(*min)));
            t.push(("max".into(), n(*max)));
            unit(&mut t, u);
        }
        Dist::Triangular {
            min,
            mode,
            max,
            unit: u,
        }
        | Dist::Pert {
            min,
            mode,
            max,
            unit: u,
        } => {
            let fam = if matches!(d, Dist::Pert { .. }) {
                "pert"
            } else {
                "triangular"
            };
            t.push(("dist".into(), s(fam)));
            t.push(("min".into(), n(*min)));
            t.push(("mode".into(), n(*mode)));
            t.push(("max".into(), n(*max)));
            unit(&mut t, u);
        }
        Dist::Normal { mean, sd, unit: u } => {
            t.push(("dist".into(), s("normal")));
            t.push(("mean".into(), n(*mean)));
            t.push(("sd".into(), n(*sd)));
            unit(&mut t, u);
        }
        Dist::Lognormal {
            median,
            p90,
            mean,
            sd,
            unit: u,
        } => {
            t.push(("dist".into(), s("lognormal")));
            push(&mut t, "median", median.map(n));
            push(&mut t, "p90", p90.map(n));
            push(&mut t, "mean", mean.map(n));
            push(&mut t, "sd", sd.map(n));
            unit(&mut t, u);
        }
        Dist::Gamma {
            shape,
            scale,
            mean,
            sd,
            unit: u,
        } => {
            t.push(("dist".into(), s("gamma")));
            push(&mut t, "shape", shape.map(n));
            push(&mut t, "scale", scale.map(n));
            push(&mut t, "mean", mean.map(n));
            push(&mut t, "sd", sd.map(n));
            unit(&mut t, u);
        }
        Dist::Exponential { mean, unit: u } => {
            t.push(("dist".into(), s("exponential")));
            t.push(("mean".into(), n(*mean)));
            unit(&mut t, u);
        }
        Dist::Empirical {
            samples,
            quantiles,
            unit: u,
        } => {
            t.push(("dist".into(), s("empirical")));
            push(
                &mut t,
                "samples",
                samples
                    .as_ref()
                    .map(|v| Val::Arr(v.iter().map(|x| n(*x)).collect())),
            );
            push(
                &mut t,
                "quantiles",
                quantiles.as_ref().map(|v| {
                    Val::Arr(
                        v.iter()
                            .map(|[p, x]| Val::Arr(vec![n(*p), n(*x)]))
                            .collect(),
                    )
                }),
            );
            unit(&mut t, u);
        }
    }
    Val::Table(t)
}

fn extra_delay_val(e: &ExtraDelay) -> Val {
    let ExtraDelay { probability, delay } = e;
    Val::Table(vec![
        ("probability".into(), n(*probability)),
        ("delay".into(), dist_val(delay)),
    ])
}

fn timetable_val(x: &Timetable) -> Val {
    let Timetable {
        times,
        every_min,
        from,
        to,
    } = x;
    let mut t = Vec::new();
    push(
        &mut t,
        "times",
        times
            .as_ref()
            .map(|v| Val::Arr(v.iter().map(|x| s(x)).collect())),
    );
    push(&mut t, "every_min", every_min.map(n));
    push(&mut t, "from", from.as_deref().map(s));
    push(&mut t, "to", to.as_deref().map(s));
    Val::Table(t)
}

fn window_val(w: &Window) -> Val {
    let Window { from, to } = w;
    Val::Table(vec![("from".into(), s(from)), ("to".into(), s(to))])
}

fn outage_val(o: &Outage) -> Val {
    let Outage {
        probability_per_day,
        cancel_fraction,
    } = o;
    Val::Table(vec![
        ("probability_per_day".into(), n(*probability_per_day)),
        ("cancel_fraction".into(), n(*cancel_fraction)),
    ])
}

fn vessel_val(v: &Vessel) -> Val {
    let Vessel {
        wave_limit_m,
        delay,
        cancel_probability,
        outage,
    } = v;
    let mut t = vec![("wave_limit_m".into(), n(*wave_limit_m))];
    push(&mut t, "delay", delay.as_ref().map(dist_val));
    push(&mut t, "cancel_probability", cancel_probability.map(n));
    push(&mut t, "outage", outage.as_ref().map(outage_val));
    Val::Table(t)
}

fn queue_val(q: &Queue) -> Val {
    let Queue {
        delay,
        missed_departures,
    } = q;
    let mut t = Vec::new();
    push(&mut t, "delay", delay.as_ref().map(dist_val));
    push(
        &mut t,
        "missed_departures",
        missed_departures.as_ref().map(dist_val),
    );
    Val::Table(t)
}

/// Road disruptions.
pub fn disruption_val(d: &Disruption) -> Val {
    let Disruption {
        rate_per_day,
        duration,
        detour,
    } = d;
    let mut t = vec![
        ("rate_per_day".into(), n(*rate_per_day)),
        ("duration".into(), dist_val(duration)),
    ];
    push(&mut t, "detour", detour.as_ref().map(dist_val));
    Val::Table(t)
}

fn mode_name(m: Mode) -> &'static str {
    match m {
        Mode::Road => "road",
        Mode::Sea => "sea",
        Mode::River => "river",
    }
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Depot => "depot",
        Kind::Hub => "hub",
        Kind::Village => "village",
    }
}

/// The keys of a `[[link]]` (or `[[strategy.add_link]]`) table, after its header.
pub fn link_keys(doc: &mut Doc, l: &Link, notes: &Notes) {
    let Link {
        name,
        mode,
        zone,
        duration,
        distance_km,
        speed_kmh,
        timetable,
        window,
        vessel,
        queue,
        disruption,
        damage_probability,
        extra_delay,
    } = l;
    let c = |k| note(notes, k);
    doc.kv("name", s(name), None);
    doc.kv("mode", s(mode_name(*mode)), None);
    doc.opt("zone", zone.as_deref().map(s), None);
    doc.opt("duration", duration.as_ref().map(dist_val), c("duration"));
    doc.opt("distance_km", distance_km.map(n), c("distance_km"));
    doc.opt(
        "speed_kmh",
        speed_kmh.as_ref().map(dist_val),
        c("speed_kmh"),
    );
    doc.opt(
        "timetable",
        timetable.as_ref().map(timetable_val),
        c("timetable"),
    );
    doc.opt("window", window.as_ref().map(window_val), c("window"));
    doc.opt("vessel", vessel.as_ref().map(vessel_val), c("vessel"));
    doc.opt("queue", queue.as_ref().map(queue_val), c("queue"));
    doc.opt(
        "disruption",
        disruption.as_ref().map(disruption_val),
        c("disruption"),
    );
    doc.opt(
        "damage_probability",
        damage_probability.map(n),
        c("damage_probability"),
    );
    doc.opt(
        "extra_delay",
        extra_delay.as_ref().map(extra_delay_val),
        c("extra_delay"),
    );
}

/// The keys of a `[[node]]` table, after its header. `stations = 0` (the default) is left out.
pub fn node_keys(doc: &mut Doc, x: &Node, notes: &Notes) {
    let Node {
        name,
        kind,
        lat,
        lon,
        ready,
        supplier,
        route,
        fallback,
        fallback_if_blocked_h,
        fleet,
        load,
        load_per_station,
        planned_dispatch,
        handling,
        deadline,
        stations,
        station_deadline,
        last_mile,
        last_mile_extra_delay,
        escort,
        reserve_replacement,
    } = x;
    let c = |k| note(notes, k);
    let names = |v: &Vec<String>| Val::Arr(v.iter().map(|x| s(x)).collect());
    doc.kv("name", s(name), None);
    doc.kv("kind", s(kind_name(*kind)), None);
    doc.opt("lat", lat.map(n), c("lat"));
    doc.opt("lon", lon.map(n), c("lon"));
    doc.opt("ready", ready.as_ref().map(dist_val), c("ready"));
    doc.opt("supplier", supplier.as_deref().map(s), c("supplier"));
    doc.opt("route", route.as_ref().map(names), c("route"));
    doc.opt("fallback", fallback.as_ref().map(names), c("fallback"));
    doc.opt(
        "fallback_if_blocked_h",
        fallback_if_blocked_h.map(n),
        c("fallback_if_blocked_h"),
    );
    doc.opt("fleet", fleet.as_deref().map(s), c("fleet"));
    doc.opt("load", load.map(n), c("load"));
    doc.opt(
        "load_per_station",
        load_per_station.map(n),
        c("load_per_station"),
    );
    doc.opt(
        "planned_dispatch",
        planned_dispatch.as_deref().map(s),
        c("planned_dispatch"),
    );
    doc.opt("handling", handling.as_ref().map(dist_val), c("handling"));
    doc.opt("deadline", deadline.as_deref().map(s), c("deadline"));
    if *stations > 0 {
        doc.kv("stations", n(f64::from(*stations)), c("stations"));
    }
    doc.opt(
        "station_deadline",
        station_deadline.as_deref().map(s),
        c("station_deadline"),
    );
    doc.opt(
        "last_mile",
        last_mile.as_ref().map(dist_val),
        c("last_mile"),
    );
    doc.opt(
        "last_mile_extra_delay",
        last_mile_extra_delay.as_ref().map(extra_delay_val),
        c("last_mile_extra_delay"),
    );
    doc.opt("escort", escort.as_deref().map(s), c("escort"));
    doc.opt(
        "reserve_replacement",
        reserve_replacement.as_ref().map(dist_val),
        c("reserve_replacement"),
    );
}

/// The keys of `[scenario]`, after its header; the assumptions one per line.
pub fn meta_keys(doc: &mut Doc, m: &Meta, notes: &Notes) {
    let Meta {
        name,
        description,
        start,
        horizon_days,
        seed,
        target,
        voting_opens,
        language,
        basemap,
        basemap_credit,
        assumptions,
    } = m;
    let c = |k| note(notes, k);
    doc.kv("name", s(name), None);
    doc.opt("description", description.as_deref().map(s), None);
    doc.kv("start", s(start), c("start"));
    doc.opt("horizon_days", horizon_days.map(n), c("horizon_days"));
    doc.opt("seed", seed.map(|x| n(x as f64)), c("seed"));
    doc.opt("target", target.map(n), c("target"));
    doc.opt(
        "voting_opens",
        voting_opens.as_deref().map(s),
        c("voting_opens"),
    );
    doc.opt("language", language.as_deref().map(s), None);
    doc.opt("basemap", basemap.as_deref().map(s), c("basemap"));
    doc.opt("basemap_credit", basemap_credit.as_deref().map(s), None);
    if !assumptions.is_empty() {
        let rows: Vec<Val> = assumptions.iter().map(|a| s(a)).collect();
        doc.array_lines("assumptions", &rows, &[]);
    }
}

/// The keys of `[defaults]`, after its header.
pub fn defaults_keys(doc: &mut Doc, d: &Defaults, notes: &Notes) {
    let Defaults {
        station_deadline,
        hub_deadline,
        village_deadline,
        handling,
        last_mile,
        load_per_station,
        last_mile_extra_delay,
    } = d;
    let c = |k| note(notes, k);
    doc.opt(
        "station_deadline",
        station_deadline.as_deref().map(s),
        c("station_deadline"),
    );
    doc.opt(
        "hub_deadline",
        hub_deadline.as_deref().map(s),
        c("hub_deadline"),
    );
    doc.opt(
        "village_deadline",
        village_deadline.as_deref().map(s),
        c("village_deadline"),
    );
    doc.opt("handling", handling.as_ref().map(dist_val), c("handling"));
    doc.opt(
        "last_mile",
        last_mile.as_ref().map(dist_val),
        c("last_mile"),
    );
    doc.opt(
        "load_per_station",
        load_per_station.map(n),
        c("load_per_station"),
    );
    doc.opt(
        "last_mile_extra_delay",
        last_mile_extra_delay.as_ref().map(extra_delay_val),
        c("last_mile_extra_delay"),
    );
}

/// A weather state as an inline table.
pub fn state_val(w: &WeatherState) -> Val {
    let WeatherState {
        name,
        wave_m,
        sail_factor,
        road_factor,
        disruption_factor,
        damage_factor,
    } = w;
    let mut t = vec![("name".into(), s(name)), ("wave_m".into(), n(*wave_m))];
    push(&mut t, "sail_factor", sail_factor.map(n));
    push(&mut t, "road_factor", road_factor.map(n));
    push(&mut t, "disruption_factor", disruption_factor.map(n));
    push(&mut t, "damage_factor", damage_factor.map(n));
    Val::Table(t)
}

/// A zone's `follow` rule.
pub fn follow_val(f: &Follow) -> Val {
    let Follow { zone, probability } = f;
    Val::Table(vec![
        ("zone".into(), s(zone)),
        ("probability".into(), n(*probability)),
    ])
}

/// The keys of a `[[fleet]]` table, after its header.
pub fn fleet_keys(doc: &mut Doc, f: &Fleet, notes: &Notes) {
    let Fleet {
        name,
        capacity,
        count,
        return_time,
    } = f;
    let c = |k| note(notes, k);
    doc.kv("name", s(name), None);
    doc.kv("capacity", n(*capacity), c("capacity"));
    doc.kv("count", n(f64::from(*count)), c("count"));
    doc.opt(
        "return_time",
        return_time.as_ref().map(dist_val),
        c("return_time"),
    );
}

/// The keys of an `[[escort]]` table, after its header.
pub fn escort_keys(doc: &mut Doc, e: &EscortPool, notes: &Notes) {
    let EscortPool {
        name,
        teams,
        return_time,
    } = e;
    let c = |k| note(notes, k);
    doc.kv("name", s(name), None);
    doc.kv("teams", n(f64::from(*teams)), c("teams"));
    doc.opt(
        "return_time",
        return_time.as_ref().map(dist_val),
        c("return_time"),
    );
}

/// The keys of a `[[zone]]` table, after its header: one line per state and per matrix row,
/// each with its comment; probabilities with two decimals.
pub fn zone_keys(
    doc: &mut Doc,
    z: &tepat::scenario::types::Zone,
    state_notes: &[String],
    row_notes: &[String],
    notes: &Notes,
) {
    let tepat::scenario::types::Zone {
        name,
        step_h,
        states,
        initial,
        transition,
        follow,
    } = z;
    let c = |k| note(notes, k);
    doc.kv("name", s(name), None);
    doc.kv("step_h", n(*step_h), c("step_h"));
    let rows: Vec<Val> = states.iter().map(state_val).collect();
    doc.array_lines("states", &rows, state_notes);
    doc.kv(
        "initial",
        Val::Arr(initial.iter().map(|p| Val::Fixed2(*p)).collect()),
        c("initial"),
    );
    let rows: Vec<Val> = transition
        .iter()
        .map(|r| Val::Arr(r.iter().map(|p| Val::Fixed2(*p)).collect()))
        .collect();
    doc.array_lines("transition", &rows, row_notes);
    doc.opt("follow", follow.as_ref().map(follow_val), c("follow"));
}
