//! What has been observed by an as-of time (`tepat run --status --as-of`), checked against the
//! compiled model and turned into indices and hours: the [`Observations`] the engine reads.
//! The laws the engine applies to them are in `docs/model.md` §10; the file format in
//! `docs/operations.md`.

use chrono::{DateTime, FixedOffset};

use super::Model;
use crate::error::{Diagnostic, Error, Result};
use crate::lang::{Msg, msg};
use crate::scenario::status::{Status, StatusRow};
use crate::scenario::suggest;

mod tps;

/// What was seen of the consignment to one node.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Seen {
    /// It arrived at `at` (hours); `damaged`: with damaged items (a replacement is needed).
    Arrived {
        /// Arrival, hours.
        at: f64,
        /// Whether items arrived damaged.
        damaged: bool,
    },
    /// It left its supplier at `at` (hours) and had not arrived by the as-of time.
    Departed {
        /// Departure, hours.
        at: f64,
    },
}

/// Everything observed by the as-of time, as indices and hours from the scenario's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Observations {
    /// The as-of time, hours.
    pub as_of: f64,
    /// The as-of time as given.
    pub as_of_local: DateTime<FixedOffset>,
    /// Per node, what was seen of its consignment.
    pub node: Vec<Option<Seen>>,
    /// Per node, the departure of an arrived consignment when it was reported too.
    pub left: Vec<Option<f64>>,
    /// Per node, the earliest time its consignment may leave its supplier (negative infinity:
    /// no hold): a `not_departed` row, or `tepat plan --as-of` for what it plans.
    pub hold: Vec<f64>,
    /// Stations (TPS) reported arrived: (station index, arrival hours), by station index.
    pub stations: Vec<(u32, f64)>,
    /// Per link, closures `[from, until)` in hours (until may be infinity), sorted by start.
    pub closed: Vec<Vec<(f64, f64)>>,
    /// Per link, scheduled departures (hours) reported cancelled.
    pub cancelled: Vec<Vec<f64>>,
    /// Escort teams out of service: (pool, teams, until hours).
    pub escort_out: Vec<(usize, u32, f64)>,
    /// Per fleet, the time until which it is unavailable (negative infinity: available).
    pub fleet_until: Vec<f64>,
    /// Per zone, for each weather step, the index of the forecast vector that replaces the
    /// chain at that step (`u32::MAX`: the chain).
    pub forecast_step: Vec<Vec<u32>>,
    /// Per zone, the cumulative forecast vectors.
    pub forecast_cdf: Vec<Vec<Vec<f64>>>,
}

impl Observations {
    /// Nothing observed, as of `as_of` hours.
    pub fn none(m: &Model, as_of_local: DateTime<FixedOffset>) -> Observations {
        Observations {
            as_of: crate::time::hours_between(&m.start, &as_of_local),
            as_of_local,
            node: vec![None; m.nodes.len()],
            left: vec![None; m.nodes.len()],
            hold: vec![f64::NEG_INFINITY; m.nodes.len()],
            stations: Vec::new(),
            closed: vec![Vec::new(); m.links.len()],
            cancelled: vec![Vec::new(); m.links.len()],
            escort_out: Vec::new(),
            fleet_until: vec![f64::NEG_INFINITY; m.fleets.len()],
            forecast_step: m
                .zones
                .iter()
                .map(|z| vec![u32::MAX; (m.horizon / z.step).ceil() as usize + 2])
                .collect(),
            forecast_cdf: vec![Vec::new(); m.zones.len()],
        }
    }

    /// The end of the closure of link `li` active at `t`, or `t` when none is (closures that
    /// touch are crossed as one).
    #[inline]
    pub fn open_at(&self, li: usize, t: f64) -> f64 {
        let mut t = t;
        for &(a, b) in &self.closed[li] {
            if a <= t && t < b {
                t = b;
            }
        }
        t
    }

    /// The earliest time the consignment to `ci` may leave its supplier: its hold, and the
    /// time its fleet is available again (negative infinity: no constraint).
    #[inline]
    pub fn earliest(&self, m: &Model, ci: usize) -> f64 {
        let fleet = m.nodes[ci]
            .fleet
            .map_or(f64::NEG_INFINITY, |f| self.fleet_until[f]);
        self.hold[ci].max(fleet)
    }

    /// The stations of node `ni` reported arrived (station index, arrival hours).
    #[inline]
    pub fn stations_of(&self, m: &Model, ni: usize) -> &[(u32, f64)] {
        if self.stations.is_empty() {
            return &[];
        }
        let (first, count) = m.nodes[ni].stations;
        let a = self.stations.partition_point(|s| (s.0 as usize) < first);
        let b = self
            .stations
            .partition_point(|s| (s.0 as usize) < first + count);
        &self.stations[a..b]
    }

    /// Whether the scheduled departure at `sched` hours of link `li` was reported cancelled
    /// or falls in a closure of the link.
    #[inline]
    pub fn departure_cancelled(&self, li: usize, sched: f64) -> bool {
        const MINUTE: f64 = 1.0 / 60.0;
        self.closed[li]
            .iter()
            .any(|&(a, b)| a <= sched && sched < b)
            || self.cancelled[li]
                .iter()
                .any(|&c| (c - sched).abs() < MINUTE / 2.0)
    }
}

/// The facts a row may state, with their Indonesian names.
const FACTS: [(&str, &str); 8] = [
    ("arrived", "tiba"),
    ("departed", "berangkat"),
    ("closed", "ditutup"),
    ("cancelled", "batal"),
    ("escort_unavailable", "pengawal_tidak_ada"),
    ("vehicle_unavailable", "kendaraan_tidak_ada"),
    ("weather", "cuaca"),
    ("not_departed", "belum_berangkat"),
];

/// Parse a local datetime with its offset, with or without seconds
/// (`2024-02-09T14:00+07:00`, `2024-02-09T14:00:00+07:00`).
pub fn parse_local(s: &str) -> std::result::Result<DateTime<FixedOffset>, Msg> {
    let s = s.trim();
    DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M%:z"))
        .map_err(|_| msg!("e849", v = s))
}

struct Ck<'a> {
    m: &'a Model,
    st: &'a Status,
    as_of: f64,
    diags: Vec<Diagnostic>,
}

impl Ck<'_> {
    fn err(&mut self, row: &StatusRow, col: usize, msg: Msg, help: Option<Msg>) {
        self.diags.push(self.st.problem(row, col, msg, help));
    }

    fn time(&mut self, row: &StatusRow, col: usize, observed: bool) -> Option<f64> {
        let f = &row.get(col).text;
        if f.is_empty() {
            self.err(row, col, msg!("e834"), Some(msg!("e834-help")));
            return None;
        }
        match parse_local(f) {
            Ok(t) => {
                let h = crate::time::hours_between(&self.m.start, &t);
                if observed && h > self.as_of + 1e-9 {
                    self.err(row, col, msg!("e822", v = f), Some(msg!("e822-help")));
                    return None;
                }
                if observed && h < 0.0 {
                    self.err(row, col, msg!("e823", v = f), Some(msg!("e823-help")));
                    return None;
                }
                Some(h)
            }
            Err(e) => {
                self.err(row, col, e, None);
                None
            }
        }
    }

    fn until(&mut self, row: &StatusRow, from: Option<f64>) -> Option<f64> {
        if row.get(3).text.is_empty() {
            return Some(f64::INFINITY);
        }
        let u = self.time(row, 3, false)?;
        if from.is_some_and(|f| u <= f) {
            self.err(row, 3, msg!("e827"), Some(msg!("e827-help")));
            return None;
        }
        Some(u)
    }

    fn find(&mut self, row: &StatusRow, what: Msg, names: Vec<String>) -> Option<usize> {
        let name = &row.get(1).text;
        match names.iter().position(|n| n == name) {
            Some(i) => Some(i),
            None => {
                let hint = suggest(name, &names);
                self.err(
                    row,
                    1,
                    msg!("e821", what = what, name = name, hint = hint),
                    Some(msg!("e821-help")),
                );
                None
            }
        }
    }
}

/// Check a status file against the model and compile it, as of `as_of`. Every problem of the
/// file is reported at once.
pub fn compile(m: &Model, st: &Status, as_of_local: DateTime<FixedOffset>) -> Result<Observations> {
    let mut o = Observations::none(m, as_of_local);
    let mut ck = Ck {
        m,
        st,
        as_of: o.as_of,
        diags: Vec::new(),
    };
    if o.as_of < 0.0 || o.as_of > m.horizon {
        return Err(Error::Usage(msg!(
            "e846",
            at = as_of_local.format("%Y-%m-%dT%H:%M%:z").to_string(),
            from = crate::time::fmt_local(&m.start, 0.0),
            to = crate::time::fmt_local(&m.start, m.horizon)
        )));
    }
    // Rows of a node, for the contradictions checked after every row is read.
    let mut node_rows: Vec<Option<&StatusRow>> = vec![None; m.nodes.len()];
    let mut periods: Vec<Vec<(f64, f64)>> = vec![Vec::new(); m.zones.len()];
    let mut held: Vec<Option<&StatusRow>> = vec![None; m.nodes.len()];
    let mut tps = tps::Rows::default();
    for row in &st.rows {
        let kind = row.get(0).text.to_lowercase();
        let Some(fact) = FACTS.iter().position(|(en, id)| kind == *en || kind == *id) else {
            // The nearest name in either language: "tibaa" suggests "tiba", "arived" "arrived".
            let known: Vec<String> = FACTS
                .iter()
                .flat_map(|(en, id)| [en.to_string(), id.to_string()])
                .collect();
            let hint = suggest(&kind, &known);
            ck.err(
                row,
                0,
                msg!("e820", v = &row.get(0).text, hint = hint),
                Some(msg!("e820-help")),
            );
            continue;
        };
        if matches!(fact, 0 | 1 | 7) && tps::is_tps(m, &row.get(1).text) {
            tps::row(&mut ck, &mut tps, row, fact);
            continue;
        }
        match fact {
            0 | 1 => node_row(&mut ck, &mut o, &mut node_rows, row, fact),
            7 => tps::not_departed_row(&mut ck, &mut o, &mut held, row),
            2 | 3 => {
                let names = m.links.iter().map(|l| l.name.clone()).collect();
                let li = ck.find(row, msg!("noun-link"), names);
                let t = ck.time(row, 2, fact == 2);
                let Some(li) = li else { continue };
                if fact == 2 {
                    if let (Some(t), Some(u)) = (t, ck.until(row, t)) {
                        o.closed[li].push((t, u));
                    }
                } else if m.links[li].timetable.is_empty() {
                    ck.err(
                        row,
                        1,
                        msg!("e828", name = &m.links[li].name),
                        Some(msg!("e828-help")),
                    );
                } else if let Some(t) = t {
                    o.cancelled[li].push(t);
                }
            }
            4 => escort_row(&mut ck, &mut o, row),
            5 => {
                let names = m.fleets.iter().map(|f| f.name.clone()).collect();
                let f = ck.find(row, msg!("noun-fleet"), names);
                let t = ck.time(row, 2, true);
                let u = ck.until(row, t);
                if let (Some(f), Some(u)) = (f, u) {
                    o.fleet_until[f] = o.fleet_until[f].max(u);
                }
            }
            _ => weather_row(&mut ck, &mut o, &mut periods, row),
        }
    }
    contradictions(&mut ck, &o, &node_rows);
    tps::held_contradictions(&mut ck, &o, &held);
    tps::check_stations(&mut ck, &mut o, &tps);
    escort_teams(&mut ck, &o, &node_rows);
    ck.diags.sort_by_key(|d| (d.line, d.column));
    if ck.diags.is_empty() {
        for c in o.closed.iter_mut() {
            c.sort_by(|a, b| a.0.total_cmp(&b.0));
        }
        Ok(o)
    } else {
        Err(Error::Invalid(ck.diags))
    }
}

/// Whether node `ni` of `row` is the depot, which is never reported (E833, in the name column).
fn is_depot(ck: &mut Ck, row: &StatusRow, ni: usize) -> bool {
    let m = ck.m;
    if m.nodes[ni].supplier.is_some() {
        return false;
    }
    ck.err(
        row,
        1,
        msg!("e833", name = &m.nodes[ni].name),
        Some(msg!("e833-help")),
    );
    true
}

/// An `arrived` (fact 0) or `departed` (fact 1) row.
fn node_row<'s>(
    ck: &mut Ck,
    o: &mut Observations,
    node_rows: &mut [Option<&'s StatusRow>],
    row: &'s StatusRow,
    fact: usize,
) {
    let m = ck.m;
    let names = m.nodes.iter().map(|n| n.name.clone()).collect();
    let ni = ck.find(row, msg!("noun-node"), names);
    let t = ck.time(row, 2, true);
    let damaged = match row.get(4).text.to_lowercase().as_str() {
        "" | "complete" | "lengkap" => false,
        "damaged" | "rusak" if fact == 0 => true,
        other => {
            ck.err(row, 4, msg!("e824", v = other), Some(msg!("e824-help")));
            false
        }
    };
    let (Some(ni), Some(t)) = (ni, t) else {
        return;
    };
    if is_depot(ck, row, ni) {
        return;
    }
    let prev = o.node[ni];
    match (fact, prev) {
        (0, Some(Seen::Arrived { .. })) | (1, Some(Seen::Departed { .. })) => {
            ck.err(
                row,
                0,
                if fact == 0 {
                    msg!("e826", name = &m.nodes[ni].name)
                } else {
                    msg!("e826-departed", name = &m.nodes[ni].name)
                },
                Some(msg!("e826-help")),
            );
        }
        (1, Some(Seen::Arrived { at, .. })) | (0, Some(Seen::Departed { at })) => {
            let (dep, arr) = if fact == 1 { (t, at) } else { (at, t) };
            if arr < dep {
                ck.err(
                    row,
                    2,
                    msg!(
                        "e825",
                        name = &m.nodes[ni].name,
                        arr = crate::time::fmt_local(&m.start, arr),
                        dep = crate::time::fmt_local(&m.start, dep)
                    ),
                    Some(msg!("e825-help")),
                );
            }
            o.left[ni] = Some(dep);
            o.node[ni] = Some(Seen::Arrived { at: arr, damaged });
            if let Some(Seen::Arrived { damaged: d0, .. }) = prev {
                o.node[ni] = Some(Seen::Arrived {
                    at: arr,
                    damaged: d0,
                });
            }
        }
        _ => {
            o.node[ni] = Some(if fact == 0 {
                Seen::Arrived { at: t, damaged }
            } else {
                Seen::Departed { at: t }
            });
            node_rows[ni] = Some(row);
        }
    }
}

/// An `escort_unavailable` row.
fn escort_row(ck: &mut Ck, o: &mut Observations, row: &StatusRow) {
    let m = ck.m;
    let names = m.escorts.iter().map(|e| e.name.clone()).collect();
    let e = ck.find(row, msg!("noun-escort-pool"), names);
    let t = ck.time(row, 2, true);
    let u = ck.until(row, t);
    let teams = match row.get(4).text.as_str() {
        "" => Some(1),
        s => match s.parse::<u32>() {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                ck.err(row, 4, msg!("e835", v = s), Some(msg!("e835-help")));
                None
            }
        },
    };
    if let (Some(e), Some(u), Some(n)) = (e, u, teams) {
        if n > m.escorts[e].teams {
            ck.err(
                row,
                4,
                msg!(
                    "e836",
                    name = &m.escorts[e].name,
                    teams = m.escorts[e].teams
                ),
                Some(msg!("e836-help")),
            );
        } else {
            o.escort_out.push((e, n, u));
        }
    }
}

/// Every consignment on its way holds a team of its escort pool: together with the teams
/// reported unavailable, no more than the pool has.
fn escort_teams(ck: &mut Ck, o: &Observations, node_rows: &[Option<&StatusRow>]) {
    let m = ck.m;
    let mut busy: Vec<u32> = vec![0; m.escorts.len()];
    for &(e, n, _) in &o.escort_out {
        busy[e] += n;
    }
    for (i, row) in node_rows.iter().enumerate() {
        let (Some(row), Some(Seen::Departed { .. }), Some(e)) = (row, o.node[i], m.nodes[i].escort)
        else {
            continue;
        };
        busy[e] += 1;
        if busy[e] > m.escorts[e].teams {
            ck.err(
                row,
                1,
                msg!(
                    "e850",
                    name = &m.nodes[i].name,
                    pool = &m.escorts[e].name,
                    teams = m.escorts[e].teams
                ),
                Some(msg!("e850-help")),
            );
        }
    }
}

/// A consignment can only be seen after its supplier had the materials: the supplier (unless a
/// depot) must be reported arrived, before the consignment left or arrived.
fn contradictions(ck: &mut Ck, o: &Observations, node_rows: &[Option<&StatusRow>]) {
    let m = ck.m;
    for (i, row) in node_rows.iter().enumerate() {
        let (Some(row), Some(seen)) = (row, o.node[i]) else {
            continue;
        };
        let Some(p) = m.nodes[i].supplier else {
            continue;
        };
        if m.nodes[p].supplier.is_none() {
            continue;
        }
        let own = match seen {
            Seen::Departed { at } => at,
            Seen::Arrived { at, .. } => o.left[i].unwrap_or(at),
        };
        match o.node[p] {
            Some(Seen::Arrived { at, .. }) if at <= own => {}
            Some(Seen::Arrived { at, .. }) => ck.err(
                row,
                2,
                msg!(
                    "e837",
                    name = &m.nodes[i].name,
                    own = crate::time::fmt_local(&m.start, own),
                    supplier = &m.nodes[p].name,
                    at = crate::time::fmt_local(&m.start, at)
                ),
                Some(msg!("e837-help")),
            ),
            _ => ck.err(
                row,
                1,
                msg!("e838", name = &m.nodes[i].name, supplier = &m.nodes[p].name),
                Some(msg!("e838-help")),
            ),
        }
    }
}

fn weather_row(
    ck: &mut Ck,
    o: &mut Observations,
    periods: &mut [Vec<(f64, f64)>],
    row: &StatusRow,
) {
    let m = ck.m;
    let names = m.zones.iter().map(|z| z.name.clone()).collect();
    let z = ck.find(row, msg!("noun-weather-zone"), names);
    let from = ck.time(row, 2, false);
    let until = if row.get(3).text.is_empty() {
        ck.err(row, 3, msg!("e829"), Some(msg!("e829-help")));
        None
    } else {
        ck.until(row, from)
    };
    let Some(z) = z else { return };
    let zone = &m.zones[z];
    let states: Vec<String> = zone.states.iter().map(|s| s.name.clone()).collect();
    let detail = row.get(4).text.clone();
    let mut p = vec![0.0; states.len()];
    let mut ok = true;
    if detail.contains(':') {
        for part in detail.split_whitespace() {
            let (name, v) = part.split_once(':').unwrap_or((part, ""));
            match (states.iter().position(|s| s == name), v.parse::<f64>()) {
                (Some(i), Ok(x)) if (0.0..=1.0).contains(&x) => p[i] += x,
                (None, _) => {
                    ok = false;
                    let hint = suggest(name, &states);
                    ck.err(
                        row,
                        4,
                        msg!("e830", zone = &zone.name, state = name, hint = hint),
                        None,
                    );
                }
                _ => {
                    ok = false;
                    ck.err(row, 4, msg!("e102-quoted", v = v), Some(msg!("e102-help")));
                }
            }
        }
        let sum: f64 = p.iter().sum();
        if ok && (sum - 1.0).abs() > super::compile::SUM_TOLERANCE {
            ok = false;
            ck.err(row, 4, msg!("e831", sum = sum), Some(msg!("e831-help")));
        }
    } else {
        match states.iter().position(|s| *s == detail) {
            Some(i) => p[i] = 1.0,
            None => {
                ok = false;
                let hint = suggest(&detail, &states);
                ck.err(
                    row,
                    4,
                    msg!("e830", zone = &zone.name, state = &detail, hint = hint),
                    Some(msg!("e830-help")),
                );
            }
        }
    }
    let (Some(a), Some(b)) = (from, until) else {
        return;
    };
    if periods[z].iter().any(|&(x, y)| a < y && x < b) {
        ck.err(
            row,
            2,
            msg!("e832", zone = &zone.name),
            Some(msg!("e832-help")),
        );
        return;
    }
    periods[z].push((a, b));
    if !ok {
        return;
    }
    let mut acc = 0.0;
    let cdf: Vec<f64> = p
        .iter()
        .map(|x| {
            acc += x;
            acc
        })
        .collect();
    let idx = o.forecast_cdf[z].len() as u32;
    o.forecast_cdf[z].push(cdf);
    // A step is forecast when its start lies in [a, b).
    for (k, slot) in o.forecast_step[z].iter_mut().enumerate() {
        let s = k as f64 * zone.step;
        if a <= s && s < b {
            *slot = idx;
        }
    }
}
