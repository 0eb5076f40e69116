//! `run.json`: the run manifest and every headline figure.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::pipeline::Manifest;
use crate::summary::{KecResult, LinkResult, Mean, Prob, Summary, VillageRisk};

#[derive(Serialize)]
struct Headline<'a> {
    manifest: &'a Manifest,
    scenario: &'a str,
    start: &'a str,
    stations: usize,
    target: f64,
    /// P(every TPS supplied by its H-1 deadline).
    p_all_tps_on_time: Prob,
    expected_late_tps: Mean,
    /// When voting opens (local), if the scenario says.
    voting_opens: Option<&'a str>,
    /// P(some TPS without materials when voting opens).
    p_some_tps_without_materials_at_opening: Option<Prob>,
    /// Expected TPS without materials when voting opens.
    expected_tps_without_materials_at_opening: Option<Mean>,
    /// The kecamatan with the lowest P(every TPS on time) (as in every other output).
    riskiest_kecamatan: Option<&'a str>,
    /// Kecamatan whose P(every TPS on time) is below the target.
    below_target: &'a [String],
    quantile_resolution_h: f64,
    kecamatan: Vec<KecHeadline<'a>>,
    /// The ten villages with the most expected late TPS.
    riskiest_villages: &'a [VillageRisk],
    most_critical_links: Vec<&'a LinkResult>,
}

#[derive(Serialize)]
struct KecHeadline<'a> {
    name: &'a str,
    stations: usize,
    p_on_time: Option<Prob>,
    p_all_tps_on_time: Prob,
    expected_late_tps: Mean,
    p_some_tps_without_materials_at_opening: Option<Prob>,
    expected_tps_without_materials_at_opening: Option<Mean>,
    below_target: bool,
    /// The latest TPS arrival of the kecamatan: 5th, 50th, 95th percentiles (local).
    last_tps_arrival: &'a [String; 3],
    arrival_p50: &'a str,
    arrival_p80: &'a str,
    arrival_p95: &'a str,
    /// Share of replications in which the hub was not supplied within the horizon.
    p_never_arrived: f64,
    deadline: Option<&'a str>,
    leading_cause: Option<&'a str>,
}

fn kec<'a>(s: &'a Summary, k: &'a KecResult) -> KecHeadline<'a> {
    let hub = &s.nodes[k.hub];
    KecHeadline {
        name: &k.name,
        stations: k.stations,
        p_on_time: hub.on_time,
        p_all_tps_on_time: k.all_stations_on_time,
        expected_late_tps: k.late_stations,
        p_some_tps_without_materials_at_opening: k.some_without_materials_at_opening,
        expected_tps_without_materials_at_opening: k.without_materials_at_opening,
        below_target: k.below_target,
        last_tps_arrival: &k.last_tps,
        arrival_p50: &hub.p50,
        arrival_p80: &hub.p80,
        arrival_p95: &hub.p95,
        p_never_arrived: hub.never,
        deadline: hub.deadline.as_deref(),
        leading_cause: k.leading_cause.as_deref(),
    }
}

/// The bytes of `run.json`: the manifest and the headline figures, pretty-printed.
pub fn bytes(s: &Summary, manifest: &Manifest) -> Result<Vec<u8>> {
    let h = Headline {
        manifest,
        scenario: &s.scenario,
        start: &s.start,
        stations: s.stations,
        target: s.target,
        p_all_tps_on_time: s.all_on_time,
        expected_late_tps: s.late_stations,
        voting_opens: s.voting_opens.as_deref(),
        p_some_tps_without_materials_at_opening: s.some_without_materials_at_opening,
        expected_tps_without_materials_at_opening: s.without_materials_at_opening,
        riskiest_kecamatan: s.riskiest_name.as_deref(),
        below_target: &s.below_target,
        quantile_resolution_h: s.quantile_resolution_h,
        kecamatan: s.kecamatan.iter().map(|k| kec(s, k)).collect(),
        riskiest_villages: &s.riskiest_villages,
        most_critical_links: s.links.iter().take(10).collect(),
    };
    let mut v = serde_json::to_vec_pretty(&h).map_err(|e| Error::caused("JSON: ", e))?;
    v.push(b'\n');
    Ok(v)
}
