//! Check a scenario and compile it into a [`Model`].
//!
//! Checking and compiling are one pass: every check that needs the whole scenario (names,
//! references, cycles, reachability) happens here, and every problem is collected so that a
//! planner sees all of a file's errors at once. A model is returned only when there are none.
//!
//! One function per section, in file order: [`defaults`] (`[scenario]` and `[defaults]`),
//! [`zones`], [`links`], [`fleets`] (fleets and escort pools), [`nodes`], then the supply
//! [`tree`]. The order in which problems are reported is the order of these calls.

mod check;
mod defaults;
mod fleets;
mod links;
mod nodes;
mod tree;
mod zones;

pub use crate::scenario::noun;
pub use check::{MAX_NAME_CHARS, name_help, name_problem};
pub use tree::topo_order;

use super::Model;
use crate::lang::msg;
use crate::scenario::{self, Issue, KeyPath, ScenarioFile};
use crate::time::start_minute_of_day;
use check::Ck;

/// Tolerance for probability vectors (initial distributions and transition rows) summing to 1.
pub const SUM_TOLERANCE: f64 = 1e-6;
/// The largest number of stations a scenario may have (the national figure is about 820,000).
pub const MAX_STATIONS: u64 = 5_000_000;
/// The largest number of nodes.
pub const MAX_NODES: usize = 1_000_000;
/// The longest horizon, days.
pub const MAX_HORIZON_DAYS: f64 = 366.0;
/// The shortest weather step, hours (a minute): finer chains are not weather, and each
/// replication draws every step of the horizon.
pub const MIN_STEP_H: f64 = 1.0 / 60.0;
/// The most weather steps of all zones together over the horizon (each is a byte of every
/// worker's memory and a draw in every replication).
pub const MAX_WEATHER_STEPS: f64 = 20_000_000.0;
/// The most states a zone may have (states are stored as bytes).
pub const MAX_STATES: usize = 256;
/// Arrivals up to this long after a deadline (hours; about 4 microseconds) are on time: the
/// rounding of departure and travel times must not make an exact arrival late.
pub const DEADLINE_SLACK_H: f64 = 1e-9;
/// The largest factor a weather state may put on sailing time, road time, disruption rates or
/// damage probabilities: a state a hundred times worse than calm is already a closure.
pub const MAX_FACTOR: f64 = 100.0;
/// The most road-disruption events a day a link may see in its worst weather state
/// (`rate_per_day` times the highest `disruption_factor` of its zone).
pub const MAX_EVENTS_PER_DAY: f64 = 1_000.0;
/// The longest link, km (more than the Earth's circumference is a typing mistake).
pub const MAX_DISTANCE_KM: f64 = 50_000.0;
/// The most rounds a consignment's fleet may need (trips ÷ vehicles).
pub const MAX_ROUNDS: f64 = 10_000.0;

/// Check and compile; on failure, the list of problems.
pub fn compile_issues(f: &ScenarioFile) -> Result<Model, Vec<Issue>> {
    let mut ck = Ck { issues: Vec::new() };
    let clock = defaults::clock(&mut ck, f);
    let defaults = defaults::defaults(&mut ck, f, &clock);
    let (zones, zone_index) = zones::zones(&mut ck, f, clock.horizon);
    let (mut links, link_index) = links::links(&mut ck, f, &zones, &zone_index);
    let (fleets, fleet_index) = fleets::fleets(&mut ck, f);
    let (escorts, escort_index) = fleets::escorts(&mut ck, f);
    let refs = nodes::Refs {
        links: &links,
        link_index: &link_index,
        fleet_index: &fleet_index,
        escort_index: &escort_index,
    };
    let Some((mut nodes, stations)) = nodes::nodes(&mut ck, f, &clock, &defaults, &refs) else {
        return Err(ck.issues);
    };
    if !ck.issues.is_empty() {
        return Err(ck.issues);
    }
    tree::link_children(&mut ck, &mut nodes);
    if !ck.issues.is_empty() {
        return Err(ck.issues);
    }
    let order = topo_order(&nodes);
    tree::loads(
        &mut ck,
        f,
        &mut nodes,
        &fleets,
        &order,
        defaults.load_per_station,
    );
    if !ck.issues.is_empty() {
        return Err(ck.issues);
    }
    let kec = tree::kecamatan(&mut nodes, &stations, &order);
    let Some(start) = clock.start else {
        return Err(ck.issues);
    };
    let (mut zones, zone_pos) = zones::leaders_first(zones);
    for z in zones.iter_mut() {
        if let Some((l, _, _)) = &mut z.follow {
            *l = zone_pos[*l];
        }
    }
    for l in links.iter_mut() {
        l.zone = l.zone.map(|z| zone_pos[z]);
    }
    if let Some(v) = defaults.voting_opens
        && let Some(n) = nodes
            .iter()
            .find(|n| n.stations.1 > 0 && n.station_deadline.is_some_and(|d| d > v))
    {
        ck.err(
            KeyPath::root().key("scenario").key("voting_opens"),
            msg!("e112", name = &n.name),
            Some(msg!("e112-help")),
        );
        return Err(ck.issues);
    }
    Ok(Model {
        name: f.scenario.name.clone(),
        start_minute: start_minute_of_day(&start),
        start,
        horizon: clock.horizon,
        target: clock.target,
        voting_opens: defaults.voting_opens,
        zones,
        links,
        fleets,
        escorts,
        nodes,
        stations,
        kecamatan: kec.hubs,
        depots: kec.depots,
        kec_stations: kec.stations,
        observed: None,
    })
}

/// Check and compile a loaded scenario; problems are located in its file.
pub fn compile(loaded: &scenario::Loaded) -> crate::error::Result<Model> {
    compile_issues(&loaded.file).map_err(|issues| {
        let loc = scenario::Locator::new(&loaded.path, &loaded.text);
        crate::error::Error::Invalid(issues.iter().map(|i| loc.diagnose(i)).collect())
    })
}
