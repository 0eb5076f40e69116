//! The supply tree: children, cycles, loads, and which kecamatan each node belongs to.

use super::MAX_ROUNDS;
use super::check::Ck;
use crate::lang::msg;
use crate::model::{Fleet, Kind, Node, Station};
use crate::scenario::{KeyPath, ScenarioFile};

/// Link every node to its supplier's children and report supplier cycles.
pub(super) fn link_children(ck: &mut Ck, nodes: &mut [Node]) {
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
                    KeyPath::root().key("node").index(c).key("supplier"),
                    msg!("e618", chain = names.join(" -> "), first = &nodes[c].name),
                    Some(msg!("e618-help")),
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
}

/// Loads: `load`, or the load per station times the stations served in the subtree; and the
/// rounds each consignment's fleet needs (at most [`MAX_ROUNDS`]). `order` is
/// [`topo_order`].
pub(super) fn loads(
    ck: &mut Ck,
    f: &ScenarioFile,
    nodes: &mut [Node],
    fleets: &[Fleet],
    order: &[usize],
    default_lps: Option<f64>,
) {
    let mut served = vec![0u64; nodes.len()];
    for &i in order.iter().rev() {
        served[i] += nodes[i].stations.1 as u64;
        if let Some(p) = nodes[i].supplier {
            served[p] += served[i];
        }
    }
    for (i, n) in f.node.iter().enumerate() {
        let lps = n.load_per_station.or(default_lps).unwrap_or(1.0);
        nodes[i].load = n.load.unwrap_or(lps * served[i] as f64);
        if nodes[i].fleet.is_some() && nodes[i].load <= 0.0 && nodes[i].kind != Kind::Depot {
            // A consignment with nothing to carry still travels (forms, seals).
            nodes[i].load = 0.0;
        }
        if let Some(fi) = nodes[i].fleet {
            let fl = &fleets[fi];
            let rounds = ((nodes[i].load / fl.capacity).ceil() / fl.count as f64).ceil();
            if rounds.is_nan() || rounds > MAX_ROUNDS {
                ck.err(
                    KeyPath::root().key("node").index(i).key("fleet"),
                    msg!(
                        "e504",
                        rounds = rounds,
                        max = MAX_ROUNDS,
                        name = &n.name,
                        load = nodes[i].load,
                        fleet = &fl.name,
                        count = fl.count,
                        capacity = fl.capacity
                    ),
                    Some(msg!("e504-help")),
                );
            }
        }
    }
}

/// Where each node's stations are counted.
pub(super) struct Kecamatan {
    /// Hub node indices, one per kecamatan, in file order.
    pub(super) hubs: Vec<usize>,
    /// Stations in each kecamatan.
    pub(super) stations: Vec<usize>,
    /// Depot node indices.
    pub(super) depots: Vec<usize>,
}

/// Kecamatan: every hub, and the nodes it supplies (down to the next hub).
pub(super) fn kecamatan(nodes: &mut [Node], stations: &[Station], order: &[usize]) -> Kecamatan {
    let hubs: Vec<usize> = (0..nodes.len())
        .filter(|&i| nodes[i].kind == Kind::Hub)
        .collect();
    for (k, &h) in hubs.iter().enumerate() {
        nodes[h].kec = Some(k);
    }
    for &i in order {
        if nodes[i].kind != Kind::Hub
            && let Some(p) = nodes[i].supplier
        {
            nodes[i].kec = nodes[p].kec;
        }
    }
    let mut kec_stations = vec![0usize; hubs.len()];
    for s in stations {
        if let Some(k) = nodes[s.node].kec {
            kec_stations[k] += 1;
        }
    }
    let depots = (0..nodes.len())
        .filter(|&i| nodes[i].kind == Kind::Depot)
        .collect();
    Kecamatan {
        hubs,
        stations: kec_stations,
        depots,
    }
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
