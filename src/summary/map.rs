//! What the map draws besides the places' positions (which are in [`NodeResult`]): the
//! figure that colours each place, and the line from each place to its supplier with the
//! mode of its route. Computed here once, so that the map reads the summary only.

use super::{KecResult, NodeKind, NodeResult, StationResult};
use crate::model::{Mode, Model};

/// The mode of the route to a place, as the map styles its line: the mode of the route's
/// first link that is not a road (road when every link is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteMode {
    /// Road all the way.
    Road,
    /// A sea crossing.
    Sea,
    /// A river stretch.
    River,
}

/// The line from a place to the place that supplies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SupplyLine {
    /// The place supplied (index into [`super::Summary::nodes`]).
    pub node: usize,
    /// Its supplier (index into [`super::Summary::nodes`]).
    pub supplier: usize,
    /// The mode of the route between them.
    pub mode: RouteMode,
}

/// What the map reads besides the nodes' figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MapView {
    /// Per node, in the model's order, the figure that colours it, TPS first: a PPK (hub)
    /// by P(every TPS of its kecamatan on time); a place with TPS by the share of its TPS on
    /// time (the mean of their P(on time)); another place by its own P(on time); `None`
    /// (grey) for a depot and a place without a deadline.
    pub colour_p: Vec<Option<f64>>,
    /// Every place that has a supplier, in the model's order.
    pub lines: Vec<SupplyLine>,
}

/// The map's view of a run.
pub(super) fn map_view(
    m: &Model,
    nodes: &[NodeResult],
    kecamatan: &[KecResult],
    stations: &[StationResult],
) -> MapView {
    let mut share: Vec<(f64, usize)> = vec![(0.0, 0); m.nodes.len()];
    for (st, r) in m.stations.iter().zip(stations) {
        share[st.node].0 += r.on_time.p;
        share[st.node].1 += 1;
    }
    let kec_of_hub = |i: usize| kecamatan.iter().find(|k| k.hub == i);
    let colour_p = nodes
        .iter()
        .enumerate()
        .map(|(i, nr)| {
            let (sum, n) = share[i];
            match (nr.kind, kec_of_hub(i)) {
                (NodeKind::Hub, Some(k)) => Some(k.all_stations_on_time.p),
                _ if n > 0 => Some(sum / n as f64),
                (NodeKind::Depot, _) => None,
                _ => nr.on_time.map(|p| p.p),
            }
        })
        .collect();
    let lines = m
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, node)| {
            let supplier = node.supplier?;
            let mode = node
                .route
                .iter()
                .map(|&l| m.links[l].mode)
                .find(|md| *md != Mode::Road)
                .unwrap_or(Mode::Road);
            Some(SupplyLine {
                node: i,
                supplier,
                mode: match mode {
                    Mode::Road => RouteMode::Road,
                    Mode::Sea => RouteMode::Sea,
                    Mode::River => RouteMode::River,
                },
            })
        })
        .collect();
    MapView { colour_p, lines }
}
