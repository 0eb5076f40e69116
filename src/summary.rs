//! From counts to the figures a planner reads: probabilities with 95% intervals, arrival
//! quantiles as local datetimes, expected lateness, causes, criticality.
//!
//! Every struct here derives `Serialize`; its fields are the schema of `run.json`.

use serde::Serialize;

use crate::engine::Acc;
use crate::engine::accum::TICKS_PER_H;
use crate::model::Kind;
use crate::model::{CAUSES, Model, N_CAUSES};
use crate::stats::{
    discrete_quantile, hist_cdf, hist_quantile, hist_quantile_bin_end, mean_ci, wilson,
};
use crate::time::{Clock, fmt_local};

/// A probability with its 95% Wilson interval.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Prob {
    /// The estimate (k / n).
    pub p: f64,
    /// Lower bound.
    pub lo: f64,
    /// Upper bound.
    pub hi: f64,
}

impl Prob {
    /// From `k` of `n`.
    pub fn of(k: u64, n: u64) -> Self {
        let (lo, hi) = wilson(k, n);
        Prob {
            p: if n == 0 { 0.0 } else { k as f64 / n as f64 },
            lo,
            hi,
        }
    }
}

/// A mean with its 95% interval.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Mean {
    /// The estimate.
    pub mean: f64,
    /// Lower bound.
    pub lo: f64,
    /// Upper bound.
    pub hi: f64,
}

/// The level of a place in the distribution tree, as the outputs name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// The KPU warehouse.
    Depot,
    /// A kecamatan's hub (PPK).
    Hub,
    /// A village (PPS).
    Village,
}

impl NodeKind {
    /// "depot", "hub" or "village", as in `summary.csv`.
    pub fn label(self) -> &'static str {
        match self {
            NodeKind::Depot => "depot",
            NodeKind::Hub => "hub",
            NodeKind::Village => "village",
        }
    }
}

/// One node's results.
#[derive(Debug, Clone, Serialize)]
pub struct NodeResult {
    /// Index in the model.
    pub index: usize,
    /// The node's name, as in the scenario.
    pub name: String,
    /// Depot, hub (PPK) or village (PPS).
    pub kind: NodeKind,
    /// Kecamatan (hub name), if any.
    pub kecamatan: Option<String>,
    /// Latitude, decimal degrees (`None`: the scenario gives no position).
    pub lat: Option<f64>,
    /// Longitude, decimal degrees.
    pub lon: Option<f64>,
    /// Stations served directly.
    pub stations: usize,
    /// Deadline, local.
    pub deadline: Option<String>,
    /// Deadline, hours from start.
    pub deadline_h: Option<f64>,
    /// Planned dispatch, local.
    pub planned_dispatch: Option<String>,
    /// Planned dispatch, hours from start.
    pub planned_h: Option<f64>,
    /// P(arrival by the deadline); `None` without a deadline.
    pub on_time: Option<Prob>,
    /// P(never arrived within the horizon).
    pub never: f64,
    /// Arrival quantiles, hours from start (`None` = beyond the horizon).
    pub p50_h: Option<f64>,
    /// 80th percentile.
    pub p80_h: Option<f64>,
    /// 95th percentile.
    pub p95_h: Option<f64>,
    /// Arrival quantiles as local datetimes ("never" beyond the horizon).
    pub p50: String,
    /// 80th percentile, local.
    pub p80: String,
    /// 95th percentile, local.
    pub p95: String,
    /// Mean lateness when late, hours.
    pub late_mean_h: Option<f64>,
    /// Expected lateness hours per replication by cause.
    pub cause_h: Vec<f64>,
    /// The cause with the most lateness, if ever late.
    pub leading_cause: Option<String>,
}

/// One kecamatan's results.
#[derive(Debug, Clone, Serialize)]
pub struct KecResult {
    /// Name (its hub's).
    pub name: String,
    /// Hub node index.
    pub hub: usize,
    /// Stations in the kecamatan.
    pub stations: usize,
    /// P(every station on time).
    pub all_stations_on_time: Prob,
    /// Expected number of late stations.
    pub late_stations: Mean,
    /// Expected station-lateness hours per replication, by cause (summed over stations).
    pub station_cause_h: Vec<f64>,
    /// The leading cause of station lateness.
    pub leading_cause: Option<String>,
    /// Whether P(every TPS on time) is below the target.
    pub below_target: bool,
    /// P(some TPS of the kecamatan without materials when voting opens); `None` when the
    /// scenario does not say when voting opens.
    pub some_without_materials_at_opening: Option<Prob>,
    /// Expected TPS without materials when voting opens.
    pub without_materials_at_opening: Option<Mean>,
    /// The latest TPS arrival of the kecamatan: 5th, 50th and 95th percentiles, hours from
    /// start (`None`: beyond the horizon or not computed).
    pub last_tps_h: [Option<f64>; 3],
    /// The same as local datetimes ("never" beyond the horizon).
    pub last_tps: [String; 3],
    /// The whole distribution of the latest TPS arrival, for the arrival curves.
    #[serde(skip)]
    pub last_tps_curve: ArrivalCurve,
}

/// The distribution of a kecamatan's latest TPS arrival, as the arrival-curve chart draws it.
#[derive(Debug, Clone, Default)]
pub struct ArrivalCurve {
    /// Width of a bin, hours.
    pub bin_h: f64,
    /// Share of replications with every TPS supplied by the end of bin `i`; the last entry
    /// counts "never" too (it is 1 when the latest arrival was computed).
    pub cdf: Vec<f64>,
    /// The first and one past the last bin with an arrival (`0, 0` without any).
    pub bins: (usize, usize),
    /// Hours from start of the first arrival (the start of its bin).
    pub first_h: Option<f64>,
    /// The end of the bin that holds the 99.5th percentile of the arrivals (the far tail
    /// would squeeze the curves into a corner).
    pub p995_end_h: Option<f64>,
    /// Share of replications in which some TPS was never supplied within the horizon.
    pub never: f64,
}

/// A village among the riskiest.
#[derive(Debug, Clone, Serialize)]
pub struct VillageRisk {
    /// Node index.
    pub index: usize,
    /// The village's name.
    pub name: String,
    /// Its kecamatan (the name of the hub that supplies it).
    pub kecamatan: Option<String>,
    /// TPS served.
    pub stations: usize,
    /// Expected late TPS (after the H-1 deadline) per replication.
    pub expected_late: f64,
    /// Share of its TPS on time (mean of their P(on time)).
    pub share_on_time: f64,
    /// The leading cause of its lateness.
    pub leading_cause: Option<String>,
}

/// One station's results.
#[derive(Debug, Clone, Serialize)]
pub struct StationResult {
    /// Node name.
    pub node: String,
    /// The TPS's kecamatan (its hub's name).
    pub kecamatan: Option<String>,
    /// Number at the node.
    pub number: usize,
    /// P(on time).
    pub on_time: Prob,
    /// Mean lateness when late, hours.
    pub late_mean_h: Option<f64>,
}

/// One link's criticality.
#[derive(Debug, Clone, Serialize)]
pub struct LinkResult {
    /// The link's name, as in the scenario.
    pub name: String,
    /// road, ferry or boat.
    pub mode: String,
    /// P(the link is the critical link of at least one late station).
    pub critical: Prob,
    /// Expected late stations for which it is the critical link.
    pub late_stations: f64,
    /// Mean delay on the link when critical, hours.
    pub delay_when_critical_h: Option<f64>,
}

/// A point of the convergence trace.
#[derive(Debug, Clone, Serialize)]
pub struct ConvergencePoint {
    /// Replications so far.
    pub runs: u64,
    /// P(every station on time) so far, with interval.
    pub all_on_time: Prob,
    /// P(every TPS on time) of the riskiest kecamatan (`Summary::riskiest`) so far.
    pub riskiest: Prob,
}

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
}

/// Kecamatan indices, riskiest first: the lowest P(every TPS on time), then the most expected
/// late TPS, then file order. The one ranking of kecamatan by risk: [`Summary::riskiest`] is
/// its first, and the terminal table and the on-time chart list kecamatan in this order.
pub fn risk_order(kecamatan: &[KecResult]) -> Vec<usize> {
    let mut ks: Vec<usize> = (0..kecamatan.len()).collect();
    ks.sort_by(|&a, &b| {
        let (x, y) = (&kecamatan[a], &kecamatan[b]);
        x.all_stations_on_time
            .p
            .total_cmp(&y.all_stations_on_time.p)
            .then(y.late_stations.mean.total_cmp(&x.late_stations.mean))
            .then(a.cmp(&b))
    });
    ks
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

/// Every node's figures.
fn node_results(m: &Model, acc: &Acc) -> Vec<NodeResult> {
    let n = acc.runs;
    let nf = n.max(1) as f64;
    let kec_name = |k: Option<usize>| kec_name(m, k);
    m.nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let hist = acc.hist(i);
            let q = |p| hist_quantile(hist, acc.bin_h, p);
            let cause_h: Vec<f64> = (0..N_CAUSES)
                .map(|k| acc.node_cause_ticks[i * N_CAUSES + k] as f64 / TICKS_PER_H / nf)
                .collect();
            NodeResult {
                index: i,
                name: node.name.clone(),
                kind: match node.kind {
                    Kind::Depot => NodeKind::Depot,
                    Kind::Hub => NodeKind::Hub,
                    Kind::Village => NodeKind::Village,
                },
                kecamatan: kec_name(node.kec),
                lat: node.coords.map(|c| c.0),
                lon: node.coords.map(|c| c.1),
                stations: node.stations.1,
                deadline: node.deadline.map(|d| fmt_local(&m.start, d)),
                deadline_h: node.deadline,
                planned_dispatch: node.planned.map(|d| fmt_local(&m.start, d)),
                planned_h: node.planned,
                on_time: node.deadline.map(|_| Prob::of(acc.node_on_time[i], n)),
                never: acc.node_never[i] as f64 / nf,
                p50_h: q(0.5),
                p80_h: q(0.8),
                p95_h: q(0.95),
                p50: when(m, q(0.5)),
                p80: when(m, q(0.8)),
                p95: when(m, q(0.95)),
                late_mean_h: (acc.node_late[i] > 0)
                    .then(|| acc.node_late_ticks[i] as f64 / TICKS_PER_H / acc.node_late[i] as f64),
                leading_cause: leading(&cause_h),
                cause_h,
            }
        })
        .collect()
}

/// Every kecamatan's figures.
fn kec_results(m: &Model, acc: &Acc) -> Vec<KecResult> {
    let n = acc.runs;
    let nf = n.max(1) as f64;
    m.kecamatan
        .iter()
        .enumerate()
        .map(|(k, &h)| {
            let (mean, lo, hi) = mean_ci(acc.kec_late_sum[k] as f64, acc.kec_late_sq[k] as f64, n);
            let station_cause_h: Vec<f64> = (0..N_CAUSES)
                .map(|c| acc.kec_cause_ticks[k * N_CAUSES + c] as f64 / TICKS_PER_H / nf)
                .collect();
            let all = Prob::of(acc.kec_all_on_time[k], n);
            let (some_open, open_mean) = match m.voting_opens {
                Some(_) => {
                    let (mean, lo, hi) = mean_ci(
                        acc.kec_open_miss_sum[k] as f64,
                        acc.kec_open_miss_sq[k] as f64,
                        n,
                    );
                    let ok = Prob::of(acc.kec_open_ok[k], n);
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
                None => (None, None),
            };
            let lh = acc.last_hist(k);
            let lq = |p| {
                if acc.last_runs == 0 {
                    None
                } else {
                    hist_quantile(lh, acc.bin_h, p)
                }
            };
            let last_tps_h = [lq(0.05), lq(0.5), lq(0.95)];
            let last_tps = last_tps_h.map(|h| when(m, h));
            let nb = lh.len().saturating_sub(1);
            let first = lh[..nb].iter().position(|&c| c > 0);
            let end = lh[..nb].iter().rposition(|&c| c > 0).map(|i| i + 1);
            let last_runs = acc.last_runs.max(1);
            let last_tps_curve = ArrivalCurve {
                bin_h: acc.bin_h,
                cdf: hist_cdf(lh, last_runs),
                bins: (first.unwrap_or(0), end.unwrap_or(0)),
                first_h: first.map(|i| i as f64 * acc.bin_h),
                p995_end_h: hist_quantile_bin_end(lh, acc.bin_h, 0.995),
                never: lh.get(nb).map_or(0.0, |&c| c as f64 / last_runs as f64),
            };
            KecResult {
                last_tps_curve,
                name: m.nodes[h].name.clone(),
                hub: h,
                stations: m.kec_stations[k],
                below_target: all.p < m.target,
                some_without_materials_at_opening: some_open,
                without_materials_at_opening: open_mean,
                last_tps_h,
                last_tps,
                all_stations_on_time: all,
                late_stations: Mean {
                    mean,
                    lo: lo.max(0.0),
                    hi,
                },
                leading_cause: leading(&station_cause_h),
                station_cause_h,
            }
        })
        .collect()
}

/// Every station's figures.
fn station_results(m: &Model, acc: &Acc) -> Vec<StationResult> {
    let n = acc.runs;
    let kec_name = |k: Option<usize>| kec_name(m, k);
    m.stations
        .iter()
        .enumerate()
        .map(|(s, st)| {
            let late = n - acc.station_on_time[s];
            StationResult {
                node: m.nodes[st.node].name.clone(),
                kecamatan: kec_name(m.nodes[st.node].kec),
                number: st.number,
                on_time: Prob::of(acc.station_on_time[s], n),
                late_mean_h: (late > 0)
                    .then(|| acc.station_late_ticks[s] as f64 / TICKS_PER_H / late as f64),
            }
        })
        .collect()
}

/// Every link's criticality, most critical first.
fn link_results(m: &Model, acc: &Acc) -> Vec<LinkResult> {
    let n = acc.runs;
    let nf = n.max(1) as f64;
    let mut links: Vec<LinkResult> = m
        .links
        .iter()
        .enumerate()
        .map(|(l, link)| LinkResult {
            name: link.name.clone(),
            mode: format!("{:?}", link.mode).to_lowercase(),
            critical: Prob::of(acc.link_critical[l], n),
            late_stations: acc.link_late_stations[l] as f64 / nf,
            delay_when_critical_h: (acc.link_late_stations[l] > 0).then(|| {
                acc.link_delay_ticks[l] as f64 / TICKS_PER_H / acc.link_late_stations[l] as f64
            }),
        })
        .collect();
    links.sort_by(|a, b| {
        b.critical
            .p
            .total_cmp(&a.critical.p)
            .then(b.late_stations.total_cmp(&a.late_stations))
            .then(a.name.cmp(&b.name))
    });
    links
}

/// The running estimates, block by block, of P(every TPS on time) overall and in the
/// riskiest kecamatan.
fn convergence(acc: &Acc, riskiest: Option<usize>) -> Vec<ConvergencePoint> {
    let mut convergence = Vec::new();
    let (mut r, mut a, mut k) = (0u64, 0u64, 0u64);
    for b in &acc.blocks {
        r += b.runs as u64;
        a += b.all_on_time as u64;
        k += riskiest
            .and_then(|x| b.kec_on_time.get(x))
            .map(|&c| c as u64)
            .unwrap_or(0);
        convergence.push(ConvergencePoint {
            runs: r,
            all_on_time: Prob::of(a, r),
            riskiest: Prob::of(k, r),
        });
    }
    convergence
}

/// The ten villages with the most expected late TPS.
fn riskiest_villages(m: &Model, acc: &Acc, nodes: &[NodeResult]) -> Vec<VillageRisk> {
    let n = acc.runs;
    let nf = n.max(1) as f64;
    let kec_name = |k: Option<usize>| kec_name(m, k);
    // Villages by expected late TPS.
    let mut late_by_node = vec![0.0f64; m.nodes.len()];
    for (si, st) in m.stations.iter().enumerate() {
        late_by_node[st.node] += (n - acc.station_on_time[si]) as f64 / nf;
    }
    let mut riskiest_villages: Vec<VillageRisk> = m
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, node)| node.stations.1 > 0 && late_by_node[*i] >= 1e-3)
        .map(|(i, node)| VillageRisk {
            index: i,
            name: node.name.clone(),
            kecamatan: kec_name(node.kec),
            stations: node.stations.1,
            expected_late: late_by_node[i],
            share_on_time: 1.0 - late_by_node[i] / node.stations.1 as f64,
            leading_cause: nodes[i].leading_cause.clone(),
        })
        .collect();
    riskiest_villages.sort_by(|a, b| {
        b.expected_late
            .total_cmp(&a.expected_late)
            .then(a.index.cmp(&b.index))
    });
    riskiest_villages.truncate(10);
    riskiest_villages
}

/// Summarise a run: every figure of every output, from the counts.
pub fn summarise(m: &Model, acc: &Acc) -> Summary {
    let n = acc.runs;
    let nf = n.max(1) as f64;
    let nodes = node_results(m, acc);
    let kecamatan = kec_results(m, acc);
    let station_results = station_results(m, acc);
    let links = link_results(m, acc);
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
    let convergence = convergence(acc, riskiest);
    let riskiest_villages = riskiest_villages(m, acc, &nodes);
    let (some_open, open_mean) = match m.voting_opens {
        Some(_) => {
            let (mean, lo, hi) = mean_ci(acc.open_miss_sum as f64, acc.open_miss_sq as f64, n);
            let ok = Prob::of(acc.open_ok, n);
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
        quantile_resolution_h: acc.bin_h,
        causes: CAUSES.iter().map(|s| s.to_string()).collect(),
    }
}
