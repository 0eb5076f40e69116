//! Rows of a status file about stations (TPS), written `Village/TPS 003`, and `not_departed`
//! rows: checked against the model and added to the [`Observations`]. The format is in
//! `docs/operations.md`, the laws in `docs/model.md` §10.

use super::{Ck, Observations, Seen};
use crate::model::Model;
use crate::scenario::did_you_mean;
use crate::scenario::status::StatusRow;

/// The TPS rows read: (station index, arrival hours, row).
#[derive(Default)]
pub(super) struct Rows<'s> {
    seen: Vec<(usize, f64, &'s StatusRow)>,
}

/// Whether `name` names a station (`Village/TPS 003`) rather than a node: it is no node's
/// name, and the part after its last `/` starts with `TPS`.
pub(super) fn is_tps(m: &Model, name: &str) -> bool {
    !m.nodes.iter().any(|n| n.name == name)
        && name
            .rsplit_once('/')
            .is_some_and(|(_, t)| t.trim().to_lowercase().starts_with("tps"))
}

/// A row naming a station: only `arrived` (complete) is a fact of a station.
pub(super) fn row<'s>(ck: &mut Ck, tps: &mut Rows<'s>, row: &'s StatusRow, fact: usize) {
    let m = ck.m;
    let name = row.get(1).text.clone();
    let t = ck.time(row, 2, true);
    if fact != 0 {
        ck.err(
            row,
            0,
            format!("'{name}' is a TPS: a TPS is reported only when its materials have arrived"),
            "write an 'arrived' row for a TPS; departures are reported for the village's consignment",
        );
        return;
    }
    let detail = row.get(4).text.to_lowercase();
    if !matches!(detail.as_str(), "" | "complete" | "lengkap") {
        ck.err(
            row,
            4,
            format!("'{}' is not a state of a TPS arrival", row.get(4).text),
            "a TPS is reported arrived when its materials are complete: write complete (or lengkap), or leave it empty",
        );
        return;
    }
    let (village, number) = name.rsplit_once('/').unwrap_or((&name, ""));
    let village = village.trim();
    let villages: Vec<String> = m
        .nodes
        .iter()
        .filter(|n| n.stations.1 > 0)
        .map(|n| n.name.clone())
        .collect();
    let Some(ni) = m
        .nodes
        .iter()
        .position(|n| n.name == village && n.stations.1 > 0)
    else {
        let hint = did_you_mean(village, &villages);
        ck.err(
            row,
            1,
            format!("there is no village with TPS '{village}' in the scenario{hint}"),
            "write the village's name as in the scenario, then /TPS and the number, like Titi Akar/TPS 003",
        );
        return;
    };
    let digits: String = number.trim().chars().skip(3).collect();
    let digits = digits.trim();
    let count = m.nodes[ni].stations.1;
    let k = match digits.parse::<usize>() {
        Ok(k) if (1..=count).contains(&k) => k,
        Ok(k) => {
            ck.err(
                row,
                1,
                format!("'{village}' has {count} TPS: there is no TPS {k}"),
                "TPS are numbered from 1 to the village's stations",
            );
            return;
        }
        Err(_) => {
            ck.err(
                row,
                1,
                format!("'{}' is not a TPS number", number.trim()),
                "write the village, a slash and the TPS number, like Titi Akar/TPS 003",
            );
            return;
        }
    };
    if let Some(t) = t {
        tps.seen.push((m.nodes[ni].stations.0 + k - 1, t, row));
    }
}

/// After every row is read: each TPS once, after its village arrived (which must be reported
/// arrived); the arrivals go into `o.stations`, by station index.
pub(super) fn check_stations(ck: &mut Ck, o: &mut Observations, tps: &Rows) {
    let m = ck.m;
    let mut seen: Vec<(usize, f64, &StatusRow)> = tps.seen.clone();
    seen.sort_by_key(|s| (s.0, s.2.line));
    let mut last: Option<usize> = None;
    for &(si, at, row) in &seen {
        let ni = m.stations[si].node;
        let name = &row.get(1).text;
        if last == Some(si) {
            ck.err(
                row,
                0,
                format!("'{name}' is reported arrived twice"),
                "keep one row per fact",
            );
            continue;
        }
        last = Some(si);
        match o.node[ni] {
            Some(Seen::Arrived { at: va, .. }) if va <= at => o.stations.push((si as u32, at)),
            Some(Seen::Arrived { at: va, .. }) => ck.err(
                row,
                2,
                format!(
                    "'{name}' arrives ({}) before its village '{}' arrived ({})",
                    crate::time::fmt_local(&m.start, at),
                    m.nodes[ni].name,
                    crate::time::fmt_local(&m.start, va)
                ),
                "a TPS is supplied from its village (PPS): check both times",
            ),
            _ => ck.err(
                row,
                1,
                format!(
                    "'{name}' is reported, but its village '{}' is not reported arrived",
                    m.nodes[ni].name
                ),
                "add an 'arrived' row for the village",
            ),
        }
    }
}

/// A `not_departed` row: the consignment to the node named has not left its supplier by
/// `time` (empty: the as-of time), and leaves no earlier than `until` when given.
pub(super) fn not_departed_row<'s>(
    ck: &mut Ck,
    o: &mut Observations,
    held: &mut [Option<&'s StatusRow>],
    row: &'s StatusRow,
) {
    let m = ck.m;
    let names = m.nodes.iter().map(|n| n.name.clone()).collect();
    let ni = ck.find(row, "node", names);
    let t = if row.get(2).text.is_empty() {
        Some(ck.as_of)
    } else {
        ck.time(row, 2, true)
    };
    let until = if row.get(3).text.is_empty() {
        Some(f64::NEG_INFINITY)
    } else {
        ck.until(row, t)
    };
    if !row.get(4).text.is_empty() {
        ck.err(
            row,
            4,
            format!("'{}' is not needed here", row.get(4).text),
            "leave 'detail' empty for a consignment that has not left",
        );
    }
    let (Some(ni), Some(t), Some(u)) = (ni, t, until) else {
        return;
    };
    if m.nodes[ni].supplier.is_none() {
        ck.err(
            row,
            1,
            format!("'{}' is a depot: nothing is sent to it", m.nodes[ni].name),
            "name the PPK or village the consignment was to be sent to",
        );
        return;
    }
    if held[ni].is_some() {
        ck.err(
            row,
            0,
            format!("'{}' is reported not departed twice", m.nodes[ni].name),
            "keep one row per fact",
        );
        return;
    }
    held[ni] = Some(row);
    o.hold[ni] = t.max(u);
}

/// A consignment reported not departed cannot also be reported departed or arrived.
pub(super) fn held_contradictions(ck: &mut Ck, o: &Observations, held: &[Option<&StatusRow>]) {
    let m = ck.m;
    for (i, row) in held.iter().enumerate() {
        if let (Some(row), Some(_)) = (row, o.node[i]) {
            ck.err(
                row,
                0,
                format!(
                    "'{}' is reported not departed, and also departed or arrived",
                    m.nodes[i].name
                ),
                "keep the row that is true now: a consignment that has left gets a 'departed' or 'arrived' row",
            );
        }
    }
}
