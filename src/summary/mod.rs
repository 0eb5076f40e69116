//! From counts to the figures a planner reads: probabilities with 95% intervals, arrival
//! quantiles as local datetimes, expected lateness, causes, criticality.
//!
//! Every struct here derives `Serialize`; its fields are the schema of `run.json`. One file
//! per topic: the shapes of a figure (`figures`), places and TPS (`nodes`), kecamatan and
//! their ranking by risk (`kecamatan`), links (`links`), the convergence trace
//! (`convergence`), what the map draws (`map`) and an as-of run against the plan
//! (`changed`); [`summarise`] puts them together.

mod changed;
mod convergence;
mod figures;
mod kecamatan;
mod links;
mod map;
mod nodes;

pub use changed::{Changed, changed_since};
pub use convergence::ConvergencePoint;
pub use figures::{Mean, Prob};
pub use kecamatan::{ArrivalCurve, KecResult, risk_order};
pub use links::LinkResult;
pub use map::{MapView, RouteMode, SupplyLine};
pub use nodes::{NodeKind, NodeResult, StationResult, VillageRisk};

use serde::Serialize;

use crate::engine::{Acc, BLOCK};
use crate::model::{CAUSES, Model};
use crate::stats::{discrete_quantile, mean_ci};
use crate::time::{Clock, fmt_local};

/// Everything a run reports.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Scenario name.
    pub scenario: String,
    /// Start, local.
    pub start: String,
    /// The clock (time 0 in local time, the horizon), for the charts' time axes.
    #[serde(skip)]
    pub clock: Clock,
    /// Horizon, hours.
    pub horizon_h: f64,
    /// Replications summarised.
    pub runs: u64,
    /// Stations in all.
    pub stations: usize,
    /// On-time target.
    pub target: f64,
    /// P(every station on time).
    pub all_on_time: Prob,
    /// Expected late stations.
    pub late_stations: Mean,
    /// P(late stations = k), k = 0.. (trailing zeros trimmed).
    pub late_distribution: Vec<f64>,
    /// The 95th percentile of the number of late stations: at most this many are late in
    /// 95% of replications.
    pub late_stations_p95: usize,
    /// Every kecamatan's figures, in file order.
    pub kecamatan: Vec<KecResult>,
    /// Every node's figures, in the model's order.
    pub nodes: Vec<NodeResult>,
    /// Every station's (TPS's) figures, in the model's order.
    pub station_results: Vec<StationResult>,
    /// Links, most critical first.
    pub links: Vec<LinkResult>,
    /// Convergence trace.
    pub convergence: Vec<ConvergencePoint>,
    /// Replications per point of the convergence trace (the engine's block).
    #[serde(skip)]
    pub convergence_block: u64,
    /// Quantile resolution (histogram bin width), hours.
    pub quantile_resolution_h: f64,
    /// The riskiest kecamatan: the lowest P(every TPS on time) (ties: more expected late TPS,
    /// then file order), as an index into `kecamatan`. Every output names this one.
    pub riskiest: Option<usize>,
    /// Its name.
    pub riskiest_name: Option<String>,
    /// Kecamatan whose P(every TPS on time) is below the target, in file order.
    pub below_target: Vec<String>,
    /// When voting opens, local (`None`: the scenario does not say).
    pub voting_opens: Option<String>,
    /// When voting opens, hours from start.
    pub voting_opens_h: Option<f64>,
    /// The TPS deadline (H-1) most TPS have, hours from start.
    pub h1_h: Option<f64>,
    /// P(some TPS without materials when voting opens), overall.
    pub some_without_materials_at_opening: Option<Prob>,
    /// Expected TPS without materials when voting opens, overall.
    pub without_materials_at_opening: Option<Mean>,
    /// The ten villages with the most expected late TPS (at least one expected late TPS in
    /// a thousand replications).
    pub riskiest_villages: Vec<VillageRisk>,
    /// Replications in which the latest TPS arrival was computed.
    pub last_tps_runs: u64,
    /// Cause names, in the order of every cause vector.
    pub causes: Vec<String>,
    /// What the map draws: each place's colour figure and the lines to the suppliers.
    #[serde(skip)]
    pub map: MapView,
}

fn leading(v: &[f64]) -> Option<String> {
    let (i, &x) = v.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1))?;
    if x > 0.0 {
        Some(CAUSES[i].to_string())
    } else {
        None
    }
}

fn when(m: &Model, h: Option<f64>) -> String {
    match h {
        Some(h) => fmt_local(&m.start, h),
        None => "never".to_string(),
    }
}

/// The name of kecamatan `k`, if any.
fn kec_name(m: &Model, k: Option<usize>) -> Option<String> {
    k.map(|k| m.nodes[m.kecamatan[k]].name.clone())
}

/// Summarise a run: every figure of every output, from the counts.
pub fn summarise(m: &Model, acc: &Acc) -> Summary {
    let n = acc.runs;
    let nf = n.max(1) as f64;
    let nodes = nodes::node_results(m, acc);
    let kecamatan = kecamatan::kec_results(m, acc);
    let station_results = nodes::station_results(m, acc);
    let links = links::link_results(m, acc);
    let (sum, sq) = acc
        .late_hist
        .iter()
        .enumerate()
        .fold((0.0, 0.0), |(s, q), (k, &c)| {
            (s + k as f64 * c as f64, q + (k * k) as f64 * c as f64)
        });
    let (mean, lo, hi) = mean_ci(sum, sq, n);
    let mut late_distribution: Vec<f64> = acc.late_hist.iter().map(|&c| c as f64 / nf).collect();
    while late_distribution.len() > 1 && late_distribution.last() == Some(&0.0) {
        late_distribution.pop();
    }
    // The riskiest kecamatan: the first of `risk_order`. Computed here once; every chart,
    // table and file reads it.
    let riskiest = risk_order(&kecamatan).first().copied();
    let convergence = convergence::convergence(acc, riskiest);
    let riskiest_villages = nodes::riskiest_villages(m, acc, &nodes);
    let map = map::map_view(m, &nodes, &kecamatan, &station_results);
    let (some_open, open_mean) = match m.voting_opens {
        Some(_) => without_materials(acc.open_ok, acc.open_miss_sum, acc.open_miss_sq, n),
        None => (None, None),
    };
    // The H-1 deadline most TPS have.
    let h1_h = {
        let mut v: Vec<f64> = m
            .stations
            .iter()
            .filter_map(|s| m.nodes[s.node].station_deadline)
            .collect();
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied()
    };
    Summary {
        riskiest_name: riskiest.map(|k| kecamatan[k].name.clone()),
        riskiest,
        below_target: kecamatan
            .iter()
            .filter(|k| k.below_target)
            .map(|k| k.name.clone())
            .collect(),
        voting_opens: m.voting_opens.map(|h| fmt_local(&m.start, h)),
        voting_opens_h: m.voting_opens,
        h1_h,
        some_without_materials_at_opening: some_open,
        without_materials_at_opening: open_mean,
        riskiest_villages,
        last_tps_runs: acc.last_runs,
        scenario: m.name.clone(),
        start: fmt_local(&m.start, 0.0),
        clock: m.clock(),
        horizon_h: m.horizon,
        runs: n,
        stations: m.stations.len(),
        target: m.target,
        all_on_time: Prob::of(acc.all_on_time, n),
        late_stations: Mean {
            mean,
            lo: lo.max(0.0),
            hi,
        },
        late_stations_p95: discrete_quantile(&late_distribution, 0.95),
        late_distribution,
        kecamatan,
        nodes,
        station_results,
        links,
        convergence,
        convergence_block: BLOCK,
        quantile_resolution_h: acc.bin_h,
        causes: CAUSES.iter().map(|s| s.to_string()).collect(),
        map,
    }
}

/// The opening-of-voting figures of a set of TPS from its tallies over `n` replications: the
/// chance that some TPS is without materials when voting opens (one minus the chance that none
/// is, `ok` replications of `n`) and the expected number of such TPS (`sum` and `sum_sq` of the
/// per-replication counts), each with its 95% interval.
pub(super) fn without_materials(
    ok: u64,
    sum: u64,
    sum_sq: u64,
    n: u64,
) -> (Option<Prob>, Option<Mean>) {
    let (mean, lo, hi) = mean_ci(sum as f64, sum_sq as f64, n);
    let ok = Prob::of(ok, n);
    (
        Some(Prob {
            p: 1.0 - ok.p,
            lo: 1.0 - ok.hi,
            hi: 1.0 - ok.lo,
        }),
        Some(Mean {
            mean,
            lo: lo.max(0.0),
            hi,
        }),
    )
}
