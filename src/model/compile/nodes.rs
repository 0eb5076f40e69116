//! `[[node]]`: the depot, hubs (PPK) and villages (PPS), with their routes, consignments,
//! deadlines and stations (TPS).

use super::check::{Ck, Index};
use super::defaults::{Clock, Defaults};
use super::{MAX_NODES, MAX_STATIONS};
use crate::lang::msg;
use crate::model::source_key as key;
use crate::model::{Link, Node, Station};
use crate::scenario::{self, KeyPath, ScenarioFile};

/// What a node may refer to: links, fleets and escort pools (compiled and by name).
pub(super) struct Refs<'a> {
    pub(super) links: &'a [Link],
    pub(super) link_index: &'a Index,
    pub(super) fleet_index: &'a Index,
    pub(super) escort_index: &'a Index,
}

/// Check and compile the nodes and their stations; none when there are too many to check
/// (the error is recorded). Loads, children and kecamatan are filled in by the tree step.
pub(super) fn nodes(
    ck: &mut Ck,
    f: &ScenarioFile,
    clock: &Clock,
    defaults: &Defaults,
    refs: &Refs,
) -> Option<(Vec<Node>, Vec<Station>)> {
    let root = KeyPath::root();
    if f.node.len() > MAX_NODES {
        ck.err(
            root.key("node"),
            msg!("e601", n = f.node.len(), max = MAX_NODES),
            None,
        );
        return None;
    }
    let total_stations: u64 = f.node.iter().map(|n| n.stations as u64).sum();
    if total_stations > MAX_STATIONS {
        ck.err(
            root.key("node"),
            msg!("e602", n = total_stations, max = MAX_STATIONS),
            Some(msg!("e602-help")),
        );
        return None;
    }
    let node_index = Index::new(ck, "node", f.node.iter().map(|n| n.name.as_str()));
    let mut nodes = Vec::with_capacity(f.node.len());
    let mut stations = Vec::new();
    for (i, n) in f.node.iter().enumerate() {
        let np = root.key("node").index(i);
        let node = node(
            ck,
            np,
            i,
            n,
            clock,
            defaults,
            refs,
            &node_index,
            &mut stations,
        );
        nodes.push(node);
    }
    if !f.node.iter().any(|n| n.kind == scenario::Kind::Depot) {
        ck.err(root.key("node"), msg!("e617"), Some(msg!("e617-help")));
    }
    Some((nodes, stations))
}

/// One node; its stations are appended to `stations`.
#[allow(clippy::too_many_arguments)]
fn node(
    ck: &mut Ck,
    np: KeyPath,
    i: usize,
    n: &scenario::Node,
    clock: &Clock,
    defaults: &Defaults,
    refs: &Refs,
    node_index: &Index,
    stations: &mut Vec<Station>,
) -> Node {
    let depot = n.kind == scenario::Kind::Depot;
    let coords = coords(ck, &np, n);
    let supplier = supplier(ck, &np, n, node_index);
    let route = route(ck, &np, n, refs);
    let fallback = n
        .fallback
        .as_ref()
        .map(|r| links_of(ck, np.key("fallback"), r, refs));
    let fallback_block_h = ck.nonneg(
        np.key("fallback_if_blocked_h"),
        n.fallback_if_blocked_h.unwrap_or(6.0),
        "fallback_if_blocked_h",
    );
    let (fleet, escort) = consignment(ck, &np, n, refs);
    let planned = planned(ck, &np, n, clock);
    let own_deadline = clock.deadline(ck, np.key("deadline"), &n.deadline);
    let deadline = own_deadline.or(match n.kind {
        scenario::Kind::Hub => defaults.hub_deadline,
        scenario::Kind::Village => defaults.village_deadline,
        scenario::Kind::Depot => None,
    });
    let station_deadline = clock
        .deadline(ck, np.key("station_deadline"), &n.station_deadline)
        .or(defaults.station_deadline);
    if n.stations > 0 && station_deadline.is_none() {
        ck.err(
            np.key("stations"),
            msg!("e615", name = &n.name),
            Some(msg!("e615-help")),
        );
    }
    let last_mile = ck
        .opt_dist(np.key("last_mile"), &n.last_mile)
        .or_else(|| defaults.last_mile.clone());
    let last_mile_extra = if n.last_mile_extra_delay.is_some() {
        ck.extra(np.key("last_mile_extra_delay"), &n.last_mile_extra_delay)
    } else {
        defaults.last_mile_extra.clone()
    };
    let first = stations.len();
    stations.extend((0..n.stations as usize).map(|k| Station {
        node: i,
        number: k + 1,
    }));
    if !depot && n.ready.is_some() {
        ck.err(np.key("ready"), msg!("e616"), Some(msg!("e616-help")));
    }
    let nominal_h = route
        .iter()
        .map(|&l| refs.links.get(l).map(|x| x.nominal_h).unwrap_or(0.0))
        .sum();
    let handling = ck
        .opt_dist(np.key("handling"), &n.handling)
        .or_else(|| defaults.handling.clone());
    let ready = ck.opt_dist(np.key("ready"), &n.ready);
    let reserve = ck.opt_dist(np.key("reserve_replacement"), &n.reserve_replacement);
    Node {
        name: n.name.clone(),
        key: key(&format!("node:{}", n.name)),
        kind: n.kind.into(),
        coords,
        supplier,
        route,
        fallback,
        fallback_block_h,
        fleet,
        load: 0.0,
        planned,
        handling,
        ready,
        deadline,
        stations: (first, n.stations as usize),
        station_deadline,
        last_mile,
        last_mile_extra,
        escort,
        reserve,
        children: Vec::new(),
        kec: None,
        nominal_h,
    }
}

/// Latitude and longitude: both or neither.
fn coords(ck: &mut Ck, np: &KeyPath, n: &scenario::Node) -> Option<(f64, f64)> {
    match (n.lat, n.lon) {
        (Some(la), Some(lo)) => {
            if !(-90.0..=90.0).contains(&la) || !(-180.0..=180.0).contains(&lo) {
                ck.err(
                    np.key("lat"),
                    msg!("e604", lat = la, lon = lo),
                    Some(msg!("e604-help")),
                );
            }
            Some((la, lo))
        }
        (None, None) => None,
        _ => {
            ck.err(np.clone(), msg!("e605"), None);
            None
        }
    }
}

/// The supplier: every node but a depot has one.
fn supplier(ck: &mut Ck, np: &KeyPath, n: &scenario::Node, nodes: &Index) -> Option<usize> {
    match (&n.supplier, n.kind) {
        (Some(_), scenario::Kind::Depot) => {
            ck.err(np.key("supplier"), msg!("e606"), Some(msg!("e606-help")));
            None
        }
        (Some(s), _) => nodes.find(ck, np.key("supplier"), "node", s),
        (None, scenario::Kind::Depot) => None,
        (None, _) => {
            ck.err(
                np.key("supplier"),
                msg!("e607", name = &n.name),
                Some(msg!("e607-help")),
            );
            None
        }
    }
}

/// The primary route from the supplier: every node but a depot has one.
fn route(ck: &mut Ck, np: &KeyPath, n: &scenario::Node, refs: &Refs) -> Vec<usize> {
    match (&n.route, n.kind) {
        (Some(r), k) if k != scenario::Kind::Depot => links_of(ck, np.key("route"), r, refs),
        (Some(_), _) => {
            ck.err(np.key("route"), msg!("e608"), None);
            Vec::new()
        }
        (None, scenario::Kind::Depot) => Vec::new(),
        (None, _) => {
            ck.err(
                np.key("route"),
                msg!("e609", name = &n.name),
                Some(msg!("e609-help")),
            );
            Vec::new()
        }
    }
}

/// The links of a route, by name.
fn links_of(ck: &mut Ck, path: KeyPath, r: &[String], refs: &Refs) -> Vec<usize> {
    if r.is_empty() {
        ck.err(path.clone(), msg!("e603"), Some(msg!("e603-help")));
    }
    r.iter()
        .enumerate()
        .filter_map(|(k, name)| refs.link_index.find(ck, path.index(k), "link", name))
        .collect()
}

/// The consignment's fleet and escort pool, and the checks of its load.
fn consignment(
    ck: &mut Ck,
    np: &KeyPath,
    n: &scenario::Node,
    refs: &Refs,
) -> (Option<usize>, Option<usize>) {
    let fleet = n
        .fleet
        .as_ref()
        .and_then(|x| refs.fleet_index.find(ck, np.key("fleet"), "fleet", x));
    if n.load.is_some() && n.fleet.is_none() {
        ck.err(
            np.key("load"),
            msg!("e610", name = &n.name),
            Some(msg!("e610-help")),
        );
    }
    if n.load.is_some() && n.load_per_station.is_some() {
        ck.err(np.key("load"), msg!("e611"), None);
    }
    if let Some(v) = n.load {
        ck.nonneg(np.key("load"), v, "load");
    }
    if let Some(v) = n.load_per_station {
        ck.nonneg(np.key("load_per_station"), v, "load_per_station");
    }
    let escort = n.escort.as_ref().and_then(|x| {
        refs.escort_index
            .find(ck, np.key("escort"), "escort pool", x)
    });
    if n.kind == scenario::Kind::Depot && n.escort.is_some() {
        ck.err(np.key("escort"), msg!("e612"), None);
    }
    (fleet, escort)
}

/// The planned dispatch, hours: within the simulated period, and not for a depot.
fn planned(ck: &mut Ck, np: &KeyPath, n: &scenario::Node, clock: &Clock) -> Option<f64> {
    let planned = clock.when(ck, np.key("planned_dispatch"), &n.planned_dispatch);
    if n.kind == scenario::Kind::Depot && n.planned_dispatch.is_some() {
        ck.err(
            np.key("planned_dispatch"),
            msg!("e613"),
            Some(msg!("e613-help")),
        );
    }
    if let Some(p) = planned
        && !(0.0..=clock.horizon).contains(&p)
    {
        ck.err(
            np.key("planned_dispatch"),
            msg!("e614"),
            Some(msg!("e614-help")),
        );
    }
    planned
}
