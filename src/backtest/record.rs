//! The record of what happened (`--observed RECORD.csv`), read and checked against a scenario.
//!
//! Columns (any order, names in any case): `quantity`, `place`, `observed`, `source`, and an
//! optional `note`. Every problem of the file is reported at once, with its line and column.
//! The quantities and their values are described in `docs/backtest.md`.

use chrono::{NaiveDate, NaiveDateTime, TimeZone};

use super::score::{Kind, Observed};
use super::table::Table;
use crate::error::{Diagnostic, Error, Result};
use crate::lang::{Msg, msg};
use crate::model::Kind as NodeKind;
use crate::model::Model;

/// What a record row observed, resolved to indices of the model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quantity {
    /// Arrival time of a node (hub or village).
    Arrival(usize),
    /// When the consignment to a node left its supplier.
    Dispatch(usize),
    /// The first arrival among the villages (PPS) of a kecamatan.
    FirstVillageArrival(usize),
    /// The last arrival among the villages (PPS) of a kecamatan.
    LastVillageArrival(usize),
    /// The last arrival among all hubs (PPK).
    LastHubArrival,
    /// Whether any consignment of a kecamatan (its hub or a village) was damaged: 1 or 0.
    Damaged(usize),
    /// How many kecamatan had a damaged consignment.
    KecamatanDamaged,
    /// Whether the consignment to a kecamatan's hub (PPK) was damaged: 1 or 0.
    HubDamaged(usize),
    /// How many hub (PPK) consignments were damaged.
    HubsDamaged,
    /// Late TPS of a kecamatan (`None`: of the whole regency).
    LateTps(Option<usize>),
    /// Whether a road link was blocked at some moment of `[from, to)` (hours): 1 or 0.
    LinkClosed(usize, f64, f64),
}

/// The quantities a record may name, with what `place` and `observed` hold.
pub const QUANTITIES: [(&str, &str, &str); 11] = [
    ("arrival", "a hub (PPK) or village (PPS)", "a time"),
    ("dispatch", "a hub (PPK) or village (PPS)", "a time"),
    ("first_pps_arrival", "a kecamatan", "a time"),
    ("last_pps_arrival", "a kecamatan", "a time"),
    ("last_ppk_arrival", "empty (the whole regency)", "a time"),
    ("damage", "a kecamatan", "yes or no"),
    (
        "kecamatan_with_damage",
        "empty (the whole regency)",
        "a count",
    ),
    ("ppk_damage", "a kecamatan", "yes or no"),
    (
        "kecamatan_with_ppk_damage",
        "empty (the whole regency)",
        "a count",
    ),
    (
        "late_tps",
        "a kecamatan, or empty for the whole regency",
        "a count",
    ),
    (
        "link_closed",
        "a road link with disruptions",
        "a date or dates (A..B)",
    ),
];

/// One checked row of the record.
#[derive(Debug, Clone)]
pub struct Item {
    /// Line of the row in the file.
    pub line: usize,
    /// The quantity, as written.
    pub quantity_name: String,
    /// The place, as written.
    pub place: String,
    /// The observed value, as written.
    pub observed_text: String,
    /// The source, as written.
    pub source: String,
    /// The quantity.
    pub quantity: Quantity,
    /// What kind of value it is.
    pub kind: Kind,
    /// The observed value (hours from the scenario's start for times).
    pub observed: Observed,
}

impl Item {
    /// Whether the quantity is a time (hours from the scenario's start).
    pub fn is_time(&self) -> bool {
        matches!(
            self.quantity,
            Quantity::Arrival(_)
                | Quantity::Dispatch(_)
                | Quantity::FirstVillageArrival(_)
                | Quantity::LastVillageArrival(_)
                | Quantity::LastHubArrival
        )
    }
}

const COLUMNS: [&str; 5] = ["quantity", "place", "observed", "source", "note"];

/// Check a record against the model: every row's quantity, place and observed value, and a
/// source on every row. All problems at once (exit code 2).
pub fn check(t: &Table, m: &Model) -> Result<Vec<Item>> {
    let mut problems = Vec::new();
    for (c, h) in t.header.iter().enumerate() {
        if !COLUMNS.contains(&h.as_str()) {
            problems.push(t.at(t.header_line, c, msg!("e965", name = h), msg!("e965-help")));
        }
    }
    let mut cols = [0usize; 4];
    for (k, name) in COLUMNS[..4].iter().enumerate() {
        match t.column(name) {
            Some(c) => cols[k] = c,
            None => problems.push(Diagnostic {
                line: Some(t.header_line),
                ..t.whole(msg!("e966", name = *name), msg!("e966-help"))
            }),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    if t.rows.is_empty() {
        return Err(Error::Invalid(vec![
            t.whole(msg!("e967"), msg!("e967-help")),
        ]));
    }
    let mut items = Vec::new();
    for (line, cells) in &t.rows {
        let cell = |k: usize| cells.get(cols[k]).map(String::as_str).unwrap_or("");
        match row(t, m, *line, &cols, [cell(0), cell(1), cell(2), cell(3)]) {
            Ok(it) => items.push(it),
            Err(mut d) => problems.append(&mut d),
        }
    }
    if problems.is_empty() {
        Ok(items)
    } else {
        Err(Error::Invalid(problems))
    }
}

fn row(
    t: &Table,
    m: &Model,
    line: usize,
    cols: &[usize; 4],
    [q, place, obs, source]: [&str; 4],
) -> std::result::Result<Item, Vec<Diagnostic>> {
    let mut d = Vec::new();
    if source.is_empty() {
        d.push(t.at(line, cols[3], msg!("e968"), msg!("e968-help")));
    }
    // What the place should have been: a hub or village (`e969`), a kecamatan, a link.
    let place_err = |key: &'static str| {
        t.at(
            line,
            cols[1],
            Msg::new(key).arg("place", place),
            msg!("e969-help"),
        )
    };
    let node = || {
        m.nodes
            .iter()
            .position(|n| n.name == place && n.kind != NodeKind::Depot)
    };
    let kec = || m.kecamatan.iter().position(|&h| m.nodes[h].name == place);
    let quantity = match q {
        "arrival" | "dispatch" => match node() {
            Some(i) if q == "arrival" => Some(Quantity::Arrival(i)),
            Some(i) => Some(Quantity::Dispatch(i)),
            None => {
                d.push(place_err("e969"));
                None
            }
        },
        "first_pps_arrival" | "last_pps_arrival" | "damage" | "ppk_damage" => match kec() {
            Some(k) => Some(match q {
                "first_pps_arrival" => Quantity::FirstVillageArrival(k),
                "last_pps_arrival" => Quantity::LastVillageArrival(k),
                "ppk_damage" => Quantity::HubDamaged(k),
                _ => Quantity::Damaged(k),
            }),
            None => {
                d.push(place_err("e969-kecamatan"));
                None
            }
        },
        "late_tps" if place.is_empty() => Some(Quantity::LateTps(None)),
        "late_tps" => match kec() {
            Some(k) => Some(Quantity::LateTps(Some(k))),
            None => {
                d.push(place_err("e969-kecamatan"));
                None
            }
        },
        "last_ppk_arrival" | "kecamatan_with_damage" | "kecamatan_with_ppk_damage" => {
            if !place.is_empty() {
                d.push(t.at(line, cols[1], msg!("e970", quantity = q), msg!("e970-help")));
            }
            Some(match q {
                "last_ppk_arrival" => Quantity::LastHubArrival,
                "kecamatan_with_damage" => Quantity::KecamatanDamaged,
                _ => Quantity::HubsDamaged,
            })
        }
        "link_closed" => match m.links.iter().position(|l| l.name == place) {
            Some(li) if m.links[li].disruption.is_some() => {
                Some(Quantity::LinkClosed(li, 0.0, 0.0))
            }
            Some(_) => {
                d.push(t.at(
                    line,
                    cols[1],
                    msg!("e971", place = place),
                    msg!("e971-help"),
                ));
                None
            }
            None => {
                d.push(place_err("e969-link"));
                None
            }
        },
        _ => {
            // The names are the file's interface: the same in every language.
            let names: Vec<String> = QUANTITIES.iter().map(|x| format!("`{}`", x.0)).collect();
            d.push(t.at(
                line,
                cols[0],
                msg!("e972", quantity = q),
                msg!("e972-help", names = names.join(", ")),
            ));
            None
        }
    };
    let parsed = quantity.and_then(|qu| observed(t, m, line, cols[2], qu, obs, &mut d));
    if !d.is_empty() {
        return Err(d);
    }
    let (quantity, kind, observed) = parsed.expect("parsed when no problem");
    Ok(Item {
        line,
        quantity_name: q.to_string(),
        place: place.to_string(),
        observed_text: obs.to_string(),
        source: source.to_string(),
        quantity,
        kind,
        observed,
    })
}

/// The observed value of a row whose quantity is `qu`; its problems go to `d`.
fn observed(
    t: &Table,
    m: &Model,
    line: usize,
    col: usize,
    qu: Quantity,
    obs: &str,
    d: &mut Vec<Diagnostic>,
) -> Option<(Quantity, Kind, Observed)> {
    let bad_obs = |m: Msg, help: Msg| t.at(line, col, m, help);
    let mut parsed: Option<(Quantity, Kind, Observed)> = None;
    {
        match qu {
            Quantity::Damaged(_) | Quantity::HubDamaged(_) => match obs.to_lowercase().as_str() {
                "yes" | "ya" => parsed = Some((qu, Kind::Event, Observed::point(1.0))),
                "no" | "tidak" => parsed = Some((qu, Kind::Event, Observed::point(0.0))),
                _ => d.push(bad_obs(msg!("e973", v = obs), msg!("e973-help"))),
            },
            Quantity::KecamatanDamaged | Quantity::HubsDamaged | Quantity::LateTps(_) => {
                match obs.parse::<u32>() {
                    Ok(v) => parsed = Some((qu, Kind::Count, Observed::point(v as f64))),
                    Err(_) => d.push(bad_obs(msg!("e974", v = obs), msg!("e974-help"))),
                }
            }
            Quantity::LinkClosed(li, _, _) => match times(m, obs) {
                Ok(o) if o.lo.is_finite() && o.hi.is_finite() => {
                    if o.lo < -crate::engine::replication::WARMUP_H || o.hi > m.horizon {
                        d.push(bad_obs(msg!("e975", v = obs), msg!("e975-help")));
                    } else {
                        let q = Quantity::LinkClosed(li, o.lo, o.hi);
                        parsed = Some((q, Kind::Event, Observed::point(1.0)));
                    }
                }
                Ok(_) => d.push(bad_obs(msg!("e976", v = obs), msg!("e976-help"))),
                Err(e) => d.push(bad_obs(e, msg!("e980-help"))),
            },
            _ => match times(m, obs) {
                Ok(o) => parsed = Some((qu, Kind::Continuous, o)),
                Err(e) => d.push(bad_obs(e, msg!("e980-help"))),
            },
        }
    }
    parsed
}

/// Parse a time observation into hours from the model's start: a datetime is a point; a day is
/// the whole local day; `A..B`, `..B` and `A..` are spans (both ends included).
pub fn times(m: &Model, s: &str) -> std::result::Result<Observed, Msg> {
    let s = s.trim();
    if s.is_empty() {
        return Err(msg!("e977"));
    }
    if let Some((a, b)) = s.split_once("..") {
        let lo = if a.trim().is_empty() {
            f64::NEG_INFINITY
        } else {
            bound(m, a)?.0
        };
        let hi = if b.trim().is_empty() {
            f64::INFINITY
        } else {
            bound(m, b)?.1
        };
        if !lo.is_finite() && !hi.is_finite() {
            return Err(msg!("e978", v = s));
        }
        if lo > hi {
            return Err(msg!("e979", v = s));
        }
        return Ok(Observed { lo, hi });
    }
    let (lo, hi) = bound(m, s)?;
    Ok(Observed { lo, hi })
}

/// One datetime (a point: both ends equal) or one local day (its first and last moment).
fn bound(m: &Model, s: &str) -> std::result::Result<(f64, f64), Msg> {
    let s = s.trim();
    let off = *m.start.offset();
    let h = |t: chrono::DateTime<chrono::FixedOffset>| crate::time::hours_between(&m.start, &t);
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok((h(t), h(t)));
    }
    for f in [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, f)
            && let Some(t) = off.from_local_datetime(&n).single()
        {
            return Ok((h(t), h(t)));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        let n = d.and_hms_opt(0, 0, 0).expect("midnight exists");
        if let Some(t) = off.from_local_datetime(&n).single() {
            let a = h(t);
            return Ok((a, a + 24.0 - 1e-9));
        }
    }
    Err(msg!("e980", v = s))
}
