//! The compiled model: flat arrays and indices, no strings on the hot path.
//!
//! [`compile`] turns a checked [`crate::scenario::ScenarioFile`] into a [`Model`]; the engine
//! only ever sees this. Names are kept beside the arrays for reports.

mod compile;
pub mod dist;
pub mod observe;
pub mod sampler;

pub use compile::{MAX_NAME_CHARS, compile, compile_issues, name_help, name_problem, noun};
pub use sampler::Sampler;

use chrono::{DateTime, FixedOffset};

use crate::scenario;

/// FNV-1a hash of a string: the stable key of a named hazard source (`link:…`, `node:…`,
/// `zone:…`), made when the scenario is compiled; the random streams of
/// [`crate::hazards::rng`] are seeded from it.
pub fn source_key(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// How a link is travelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Road segment driven by trucks or cars.
    Road,
    /// Sea crossing.
    Sea,
    /// River stretch.
    River,
}

impl From<scenario::Mode> for Mode {
    fn from(m: scenario::Mode) -> Mode {
        match m {
            scenario::Mode::Road => Mode::Road,
            scenario::Mode::Sea => Mode::Sea,
            scenario::Mode::River => Mode::River,
        }
    }
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// KPU warehouse: the root of the tree.
    Depot,
    /// PPK warehouse, one per kecamatan.
    Hub,
    /// PPS (village).
    Village,
}

impl From<scenario::Kind> for Kind {
    fn from(k: scenario::Kind) -> Kind {
        match k {
            scenario::Kind::Depot => Kind::Depot,
            scenario::Kind::Hub => Kind::Hub,
            scenario::Kind::Village => Kind::Village,
        }
    }
}

/// Causes of delay, in the order of every cause array.
pub const CAUSES: [&str; 11] = [
    "planned dispatch",
    "handling",
    "escort wait",
    "travel",
    "weather",
    "vessel",
    "ferry queue",
    "road disruption",
    "capacity",
    "damage replacement",
    "last mile",
];
/// Number of causes.
pub const N_CAUSES: usize = CAUSES.len();
/// Index of each cause.
pub mod cause {
    /// Waiting for the planned dispatch time.
    pub const PLANNED: usize = 0;
    /// Handling at the supplier, and the depot's ready time.
    pub const HANDLING: usize = 1;
    /// Waiting for a free escort team.
    pub const ESCORT: usize = 2;
    /// Base travel in calm conditions, and waiting for the next scheduled departure.
    pub const TRAVEL: usize = 3;
    /// Waiting for the weather, and slower travel in bad weather.
    pub const WEATHER: usize = 4;
    /// Vessel departure delays and cancellations.
    pub const VESSEL: usize = 5;
    /// Ferry queues.
    pub const QUEUE: usize = 6;
    /// Road blocks (waiting or detour).
    pub const ROAD: usize = 7;
    /// Extra rounds because the fleet cannot carry the load at once.
    pub const CAPACITY: usize = 8;
    /// Replacing items damaged in transit.
    pub const DAMAGE: usize = 9;
    /// Last mile from the village to the station.
    pub const LAST_MILE: usize = 10;
    /// Causes that are delays (beyond the plan and calm travel).
    pub const DELAYS: [usize; 7] = [ESCORT, WEATHER, VESSEL, QUEUE, ROAD, CAPACITY, DAMAGE];
}

/// A weather state.
#[derive(Debug, Clone)]
pub struct State {
    /// Name.
    pub name: String,
    /// Wave height, m.
    pub wave_m: f64,
    /// Factor on sailing time.
    pub sail_factor: f64,
    /// Factor on road time.
    pub road_factor: f64,
    /// Factor on road disruption rates.
    pub disruption_factor: f64,
    /// Factor on damage probabilities.
    pub damage_factor: f64,
}

/// A weather zone.
#[derive(Debug, Clone)]
pub struct Zone {
    /// Name.
    pub name: String,
    /// Stream key.
    pub key: u64,
    /// Step length, hours.
    pub step: f64,
    /// States.
    pub states: Vec<State>,
    /// Cumulative initial distribution.
    pub initial_cdf: Vec<f64>,
    /// Cumulative transition rows.
    pub trans_cdf: Vec<Vec<f64>>,
    /// Leader zone, copy probability, and leader state -> own state.
    pub follow: Option<(usize, f64, Vec<usize>)>,
}

/// How a link's base duration is drawn.
#[derive(Debug, Clone)]
pub enum Base {
    /// A duration distribution, hours.
    Duration(Sampler),
    /// Distance (km) over a speed distribution (km/h).
    Distance(f64, Sampler),
}

/// Vessel properties.
#[derive(Debug, Clone)]
pub struct Vessel {
    /// Wave limit, m.
    pub wave_limit: f64,
    /// Delay per departure.
    pub delay: Option<Sampler>,
    /// Cancellation probability per departure.
    pub cancel: f64,
    /// Outage day probability and cancelled share on such days.
    pub outage: Option<(f64, f64)>,
}

/// Road disruptions.
#[derive(Debug, Clone)]
pub struct Disruption {
    /// Events per hour in the calm state.
    pub rate_per_h: f64,
    /// Block duration.
    pub duration: Sampler,
    /// Detour extra time.
    pub detour: Option<Sampler>,
}

/// An extra delay that a leg suffers with a probability.
#[derive(Debug, Clone)]
pub struct Extra {
    /// Probability per leg.
    pub probability: f64,
    /// The delay when it happens, hours.
    pub delay: Sampler,
}

/// A link.
#[derive(Debug, Clone)]
pub struct Link {
    /// Name.
    pub name: String,
    /// Stream key.
    pub key: u64,
    /// Mode.
    pub mode: Mode,
    /// Weather zone.
    pub zone: Option<usize>,
    /// Base duration.
    pub base: Base,
    /// Departure minutes of day, sorted (empty = departs any time).
    pub timetable: Vec<f64>,
    /// Daily window (from, to) in minutes of day.
    pub window: Option<(f64, f64)>,
    /// Vessel.
    pub vessel: Option<Vessel>,
    /// Queue delay.
    pub queue_delay: Option<Sampler>,
    /// Departures missed in the queue.
    pub queue_missed: Option<Sampler>,
    /// Disruptions.
    pub disruption: Option<Disruption>,
    /// Damage probability per crossing.
    pub damage: f64,
    /// Extra delay per crossing.
    pub extra: Option<Extra>,
    /// Straight-line-free planning length: the mean base duration, hours (for escort priority).
    pub nominal_h: f64,
}

/// A fleet.
#[derive(Debug, Clone)]
pub struct Fleet {
    /// Name.
    pub name: String,
    /// Capacity per vehicle trip.
    pub capacity: f64,
    /// Vehicles.
    pub count: u32,
    /// Return time.
    pub return_time: Option<Sampler>,
}

/// An escort pool.
#[derive(Debug, Clone)]
pub struct Escort {
    /// Name.
    pub name: String,
    /// Teams.
    pub teams: u32,
    /// Return time.
    pub return_time: Option<Sampler>,
}

/// A node.
#[derive(Debug, Clone)]
pub struct Node {
    /// Name.
    pub name: String,
    /// Stream key.
    pub key: u64,
    /// Kind.
    pub kind: Kind,
    /// Latitude and longitude.
    pub coords: Option<(f64, f64)>,
    /// Supplier.
    pub supplier: Option<usize>,
    /// Route links.
    pub route: Vec<usize>,
    /// Fallback route.
    pub fallback: Option<Vec<usize>>,
    /// Block hours that make the primary route impassable.
    pub fallback_block_h: f64,
    /// Fleet.
    pub fleet: Option<usize>,
    /// Load units.
    pub load: f64,
    /// Planned dispatch, hours.
    pub planned: Option<f64>,
    /// Handling here before sending on.
    pub handling: Option<Sampler>,
    /// Depot ready time.
    pub ready: Option<Sampler>,
    /// Deadline, hours.
    pub deadline: Option<f64>,
    /// First station index and count.
    pub stations: (usize, usize),
    /// Station deadline, hours.
    pub station_deadline: Option<f64>,
    /// Last-mile duration.
    pub last_mile: Option<Sampler>,
    /// Extra delay of each station's last mile.
    pub last_mile_extra: Option<Extra>,
    /// Escort pool.
    pub escort: Option<usize>,
    /// Replacement from a reserve.
    pub reserve: Option<Sampler>,
    /// Children, in index order.
    pub children: Vec<usize>,
    /// The hub (kecamatan) this node belongs to, as an index into `Model::kecamatan`.
    pub kec: Option<usize>,
    /// Nominal route length in hours (escort priority: farther first among equal plans).
    pub nominal_h: f64,
}

/// A station (TPS).
#[derive(Debug, Clone)]
pub struct Station {
    /// The node that serves it.
    pub node: usize,
    /// Its number at that node, from 1.
    pub number: usize,
}

/// The whole compiled model.
#[derive(Debug, Clone)]
pub struct Model {
    /// Scenario name.
    pub name: String,
    /// Local datetime of time 0.
    pub start: DateTime<FixedOffset>,
    /// Minutes after local midnight at time 0.
    pub start_minute: f64,
    /// Horizon, hours: arrivals later than this are "never arrived".
    pub horizon: f64,
    /// On-time target.
    pub target: f64,
    /// When voting opens, hours (a TPS supplied later has no materials at opening).
    pub voting_opens: Option<f64>,
    /// Zones, leaders before followers.
    pub zones: Vec<Zone>,
    /// Links.
    pub links: Vec<Link>,
    /// Fleets.
    pub fleets: Vec<Fleet>,
    /// Escort pools.
    pub escorts: Vec<Escort>,
    /// Nodes.
    pub nodes: Vec<Node>,
    /// Stations.
    pub stations: Vec<Station>,
    /// Hub node indices, one per kecamatan, in file order.
    pub kecamatan: Vec<usize>,
    /// Depot node indices.
    pub depots: Vec<usize>,
    /// Number of stations in each kecamatan.
    pub kec_stations: Vec<usize>,
    /// What has been observed by an as-of time (`tepat run --status --as-of`); `None` for a
    /// plan. The engine fixes what is observed and conditions the rest on it.
    pub observed: Option<std::sync::Arc<observe::Observations>>,
}

impl Model {
    /// The run's clock: time 0 in local time, and the horizon.
    pub fn clock(&self) -> crate::time::Clock {
        crate::time::Clock {
            start: self.start,
            start_minute: self.start_minute,
            horizon: self.horizon,
        }
    }

    /// Total legs traversed per replication (consignment links plus station last miles), for
    /// nanoseconds-per-leg figures.
    pub fn legs(&self) -> usize {
        self.nodes.iter().map(|n| n.route.len()).sum::<usize>() + self.stations.len()
    }
}
