//! Every kecamatan's figures: P(every TPS on time), expected late TPS, materials at opening,
//! the latest TPS arrival and its curve; and the one ranking of kecamatan by risk.

use serde::Serialize;

use super::{Mean, Prob, leading, when};
use crate::engine::Acc;
use crate::engine::accum::TICKS_PER_H;
use crate::model::{Model, N_CAUSES};
use crate::stats::{hist_cdf, hist_quantile, hist_quantile_bin_end, mean_ci};

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

/// Kecamatan indices, riskiest first: the lowest P(every TPS on time), then the most expected
/// late TPS, then file order. The one ranking of kecamatan by risk: [`super::Summary::riskiest`] is
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

/// Every kecamatan's figures.
pub(super) fn kec_results(m: &Model, acc: &Acc) -> Vec<KecResult> {
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
                Some(_) => super::without_materials(
                    acc.kec_open_ok[k],
                    acc.kec_open_miss_sum[k],
                    acc.kec_open_miss_sq[k],
                    n,
                ),
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
