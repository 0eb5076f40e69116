//! Rows of a status file about stations (TPS), written `Village/TPS 003`, and `not_departed`
//! rows: checked against the model and added to the [`Observations`]. The format is in
//! `docs/operations.md`, the laws in `docs/model.md` §10.

use super::{Ck, Observations, Seen};
use crate::lang::msg;
use crate::model::Model;
use crate::scenario::status::StatusRow;
use crate::scenario::suggest;

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
        ck.err(row, 0, msg!("e856", name = &name), Some(msg!("e856-help")));
        return;
    }
    let detail = row.get(4).text.to_lowercase();
    if !matches!(detail.as_str(), "" | "complete" | "lengkap") {
        ck.err(
            row,
            4,
            msg!("e857", v = &row.get(4).text),
            Some(msg!("e857-help")),
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
        let hint = suggest(village, &villages);
        ck.err(
            row,
            1,
            msg!("e853", village = village, hint = hint),
            Some(msg!("e853-help")),
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
                msg!("e851", village = village, count = count, k = k),
                Some(msg!("e851-help")),
            );
            return;
        }
        Err(_) => {
            ck.err(
                row,
                1,
                msg!("e852", v = number.trim()),
                Some(msg!("e852-help")),
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
            ck.err(row, 0, msg!("e826", name = name), Some(msg!("e826-help")));
            continue;
        }
        last = Some(si);
        match o.node[ni] {
            Some(Seen::Arrived { at: va, .. }) if va <= at => o.stations.push((si as u32, at)),
            Some(Seen::Arrived { at: va, .. }) => ck.err(
                row,
                2,
                msg!(
                    "e854",
                    name = name,
                    at = crate::time::fmt_local(&m.start, at),
                    village = &m.nodes[ni].name,
                    village_at = crate::time::fmt_local(&m.start, va)
                ),
                Some(msg!("e854-help")),
            ),
            _ => ck.err(
                row,
                1,
                msg!("e855", name = name, village = &m.nodes[ni].name),
                Some(msg!("e855-help")),
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
    let ni = ck.find(row, msg!("noun-node"), names);
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
            msg!("e860", v = &row.get(4).text),
            Some(msg!("e860-help")),
        );
    }
    let (Some(ni), Some(t), Some(u)) = (ni, t, until) else {
        return;
    };
    if super::is_depot(ck, row, ni) {
        return;
    }
    if held[ni].is_some() {
        ck.err(
            row,
            0,
            msg!("e858", name = &m.nodes[ni].name),
            Some(msg!("e858-help")),
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
                msg!("e859", name = &m.nodes[i].name),
                Some(msg!("e859-help")),
            );
        }
    }
}
