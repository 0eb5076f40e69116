//! The serde types that mirror a scenario file, key for key.
//!
//! Every struct denies unknown keys, so a typo is an error and never a silent default.
//! Units are in the key names (`_h`, `_m`, `_km`, `_kmh`, `_per_day`, `_idr`) or, for
//! distributions, in their `unit` key (hours unless stated). Datetimes are RFC 3339 local
//! datetimes with their UTC offset (`2024-02-13T23:59:00+07:00`); times of day are `HH:MM`.
//! The meaning of every key is in `docs/scenario-format.md` and `docs/model.md`.

use serde::{Deserialize, Serialize};

/// A whole scenario file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// Another scenario file (path relative to this one) that this file builds on.
    /// A file with `extends` may contain `[scenario]` and `[[strategy]]` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// Name, start, horizon and notes.
    pub scenario: Meta,
    /// Defaults that nodes inherit.
    #[serde(default)]
    pub defaults: Defaults,
    /// Weather zones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub zone: Vec<Zone>,
    /// Physical links.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub link: Vec<Link>,
    /// Vehicle types.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fleet: Vec<Fleet>,
    /// Police escort pools.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub escort: Vec<EscortPool>,
    /// Depots, hubs and villages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub node: Vec<Node>,
    /// Mitigation strategies compared with this scenario as the baseline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strategy: Vec<Strategy>,
}

/// `[scenario]`: what the scenario is and when it starts.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Short name; the output folder is named after the file, not this.
    pub name: String,
    /// One paragraph for the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Local datetime at which simulated time is 0 (RFC 3339 with offset).
    pub start: String,
    /// Simulated time is capped at `start + horizon_days`; a consignment not arrived by then
    /// is reported as "never arrived". Default 30.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_days: Option<f64>,
    /// Default seed for runs of this scenario (the command line's `--seed` wins). Default 2024.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// The on-time target drawn on charts and used by `tepat plan`. Default 0.95.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// When voting opens at the TPS (local datetime): a TPS supplied later has no materials
    /// when voting opens. No earlier than any TPS deadline. Without it that figure is not
    /// reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voting_opens: Option<String>,
    /// The language of the run's reports, charts and terminal output: "id" (Bahasa
    /// Indonesia) or "en" (English). The command line's `--lang` wins; without either, the
    /// locale (`LANG` starting with "id") decides, else English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// A GeoJSON file (path relative to the scenario file) drawn beneath the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basemap: Option<String>,
    /// The credit line printed under a basemap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basemap_credit: Option<String>,
    /// The scenario's stated assumptions, listed in the report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assumptions: Vec<String>,
}

impl Meta {
    /// The language the scenario asks for (`None` when it names none, or one that is not
    /// "id" or "en": compiling the scenario reports that).
    pub fn lang(&self) -> Option<crate::lang::Lang> {
        self.language.as_deref().and_then(crate::lang::Lang::parse)
    }
}

/// `[defaults]`: values that nodes inherit when they do not set their own.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// Deadline of every station (TPS) unless its node sets `station_deadline` (the H-1 rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub station_deadline: Option<String>,
    /// Deadline of every hub (PPK) unless the hub sets `deadline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub_deadline: Option<String>,
    /// Deadline of every village (PPS) unless the village sets `deadline`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub village_deadline: Option<String>,
    /// Handling time at a node before it sends consignments on (unloading, checking, repacking).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handling: Option<Dist>,
    /// Last-mile duration from a village (or hub) to each of its stations, drawn per station.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_mile: Option<Dist>,
    /// Load units per station served, for consignments without `load`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_per_station: Option<f64>,
    /// An extra delay that each station's last mile suffers with a probability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_mile_extra_delay: Option<ExtraDelay>,
}

/// An extra delay that a leg suffers with a probability, drawn independently for every
/// crossing of a link (every vehicle round) or every station's last mile:
/// `{ probability = 0.07, delay = { dist = "exponential", mean = 2 } }`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ExtraDelay {
    /// Probability that a leg is delayed (0 to 1).
    pub probability: f64,
    /// The delay when it happens.
    pub delay: Dist,
}

/// A distribution, in planner units: `{ dist = "triangular", min = 1, mode = 1.5, max = 3 }`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(tag = "dist", rename_all = "lowercase", deny_unknown_fields)]
pub enum Dist {
    /// Always `value`.
    Fixed {
        /// The value.
        value: f64,
        /// Unit: "min", "h" (default) or "day".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Uniform on [min, max].
    Uniform {
        /// Lower end.
        min: f64,
        /// Upper end.
        max: f64,
        /// Unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Triangular with the given minimum, mode and maximum.
    Triangular {
        /// Minimum.
        min: f64,
        /// Most likely value.
        mode: f64,
        /// Maximum.
        max: f64,
        /// Unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// PERT (a scaled Beta with shape weight 4) with the given minimum, mode and maximum.
    Pert {
        /// Minimum.
        min: f64,
        /// Most likely value.
        mode: f64,
        /// Maximum.
        max: f64,
        /// Unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Normal, truncated at 0 (resampled until non-negative).
    Normal {
        /// Mean before truncation.
        mean: f64,
        /// Standard deviation before truncation.
        sd: f64,
        /// Unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Lognormal, by `median` and `p90`, or by `mean` and `sd`.
    Lognormal {
        /// Median.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        median: Option<f64>,
        /// 90th percentile.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        p90: Option<f64>,
        /// Mean.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mean: Option<f64>,
        /// Standard deviation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sd: Option<f64>,
        /// Unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Gamma, by `shape` and `scale`, or by `mean` and `sd`.
    Gamma {
        /// Shape k.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        shape: Option<f64>,
        /// Scale θ (in the unit).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        scale: Option<f64>,
        /// Mean.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mean: Option<f64>,
        /// Standard deviation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sd: Option<f64>,
        /// Unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Exponential, by `mean` (in the unit).
    Exponential {
        /// Mean.
        mean: f64,
        /// Unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Empirical: equally likely `samples`, or `quantiles` as `[probability, value]` pairs
    /// from probability 0 to 1, interpolated linearly.
    Empirical {
        /// Observed values, each equally likely.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        samples: Option<Vec<f64>>,
        /// `[p, value]` pairs with p rising from 0 to 1.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        quantiles: Option<Vec<[f64; 2]>>,
        /// Unit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
}

/// `[[zone]]`: a weather zone, a discrete-time Markov chain over named states.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    /// Unique name.
    pub name: String,
    /// Length of one step of the chain, hours. Steps are anchored to `scenario.start`.
    pub step_h: f64,
    /// The states.
    pub states: Vec<WeatherState>,
    /// Probability of each state at time 0 (sums to 1).
    pub initial: Vec<f64>,
    /// Transition matrix: row i gives the probabilities of the next state from state i.
    pub transition: Vec<Vec<f64>>,
    /// Move together with another zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow: Option<Follow>,
}

/// How a zone moves with a leader zone.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Follow {
    /// The leader zone: it must have the same `step_h` and a state of the same name for each
    /// of this zone's states, and must not itself follow another zone.
    pub zone: String,
    /// At each step, the probability that this zone copies the leader's state (by name)
    /// instead of moving by its own transition matrix.
    pub probability: f64,
}

/// A weather state and what it does.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WeatherState {
    /// Name, unique in its zone.
    pub name: String,
    /// Significant wave height, metres. Vessels with `wave_limit_m` below it do not sail.
    #[serde(default)]
    pub wave_m: f64,
    /// Factor on sailing time of sea and river links in this state. Default 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sail_factor: Option<f64>,
    /// Rain: factor on road travel time. Default 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub road_factor: Option<f64>,
    /// Rain: multiplier on road disruption rates. Default 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disruption_factor: Option<f64>,
    /// Multiplier on in-transit damage probabilities. Default 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub damage_factor: Option<f64>,
}

/// Link mode.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Road segment driven by trucks or cars.
    Road,
    /// Sea crossing.
    Sea,
    /// River stretch.
    River,
}

/// `[[link]]`: a physical connection, shared by every route that names it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Unique name, used in routes.
    pub name: String,
    /// road, sea or river.
    pub mode: Mode,
    /// Weather zone (optional; without one the link sees calm weather).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Base one-way duration in calm conditions. Give this, or `distance_km` and `speed_kmh`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<Dist>,
    /// Length, km (with `speed_kmh`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    /// Speed distribution in km/h (no `unit`), with `distance_km`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speed_kmh: Option<Dist>,
    /// Scheduled departures (ferries). Without it a vehicle leaves when it arrives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timetable: Option<Timetable>,
    /// Daily window in which departures may start (small boats in daylight).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// Vessel properties (sea and river links only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vessel: Option<Vessel>,
    /// Queue with public traffic (timetabled links only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue: Option<Queue>,
    /// Road disruptions (road links only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disruption: Option<Disruption>,
    /// Probability that a consignment crossing this link arrives with damaged items
    /// (multiplied by the weather state's `damage_factor`, capped at 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub damage_probability: Option<f64>,
    /// An extra delay that a crossing suffers with a probability (road links: counted as
    /// road disruption; sea and river links: as vessel delay).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_delay: Option<ExtraDelay>,
}

/// Scheduled departures, repeated every day: explicit `times`, or `every_min` from `from` to `to`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Timetable {
    /// Departure times of day, "HH:MM".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<Vec<String>>,
    /// Headway, minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every_min: Option<f64>,
    /// First departure of the day, "HH:MM".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last departure, "HH:MM"; earlier than `from` means the service runs past midnight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// A daily window "HH:MM" to "HH:MM" (may wrap past midnight).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// Opens.
    pub from: String,
    /// Closes: the last moment a departure may start.
    pub to: String,
}

/// The vessels on a sea or river link.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Vessel {
    /// Highest wave height at which the vessel sails, metres (BMKG: 1.25 fishing boat,
    /// 1.5 barge, 2.5 ferry).
    pub wave_limit_m: f64,
    /// Departure delay of each departure (late departure, slow loading).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay: Option<Dist>,
    /// Probability that a departure is cancelled (breakdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_probability: Option<f64>,
    /// Days on which a ship is docked for repair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outage: Option<Outage>,
}

/// Reduced service: on an outage day, each departure is cancelled with `cancel_fraction`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Outage {
    /// Probability that a given local calendar day is an outage day.
    pub probability_per_day: f64,
    /// Share of that day's departures that do not run.
    pub cancel_fraction: f64,
}

/// A ferry queue shared with public traffic.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Queue {
    /// Time queued before the vehicle can board (drawn per vehicle round).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay: Option<Dist>,
    /// Number of departures missed because they are full (drawn, rounded down).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missed_departures: Option<Dist>,
}

/// Road disruptions: a Poisson process of blocking events.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Disruption {
    /// Events per day in the calm state (multiplied by the state's `disruption_factor`).
    pub rate_per_day: f64,
    /// How long each event blocks the link.
    pub duration: Dist,
    /// Extra time of the detour around a block; without it vehicles wait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detour: Option<Dist>,
}

/// `[[fleet]]`: a vehicle type.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fleet {
    /// Unique name.
    pub name: String,
    /// Load units one vehicle carries per trip.
    pub capacity: f64,
    /// Vehicles available to each consignment that uses this fleet.
    pub count: u32,
    /// Time for a vehicle to come back for another round; without it the vehicle drives
    /// the route back (same links, same hazards).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_time: Option<Dist>,
}

/// `[[escort]]`: a pool of police escort teams.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EscortPool {
    /// Unique name (a Polres or a Polsek).
    pub name: String,
    /// Number of teams.
    pub teams: u32,
    /// Time for a team to come back after the consignment arrives. Default 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_time: Option<Dist>,
}

/// Node kind.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// KPU warehouse: the root of the tree.
    Depot,
    /// PPK warehouse, one per kecamatan.
    Hub,
    /// PPS (village).
    Village,
}

/// `[[node]]`: a place where materials wait.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Unique name.
    pub name: String,
    /// depot, hub or village.
    pub kind: Kind,
    /// Latitude, degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude, degrees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Depot only: when the materials are ready to leave (hours after start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ready: Option<Dist>,
    /// The node this one is supplied from (all but depots).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<String>,
    /// Links from the supplier, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<Vec<String>>,
    /// Route taken when the primary route is impassable at dispatch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<Vec<String>>,
    /// A road block with more than this many hours left makes the primary route impassable.
    /// Default 6.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_if_blocked_h: Option<f64>,
    /// Vehicle type that drives the route.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fleet: Option<String>,
    /// Load units of the consignment; default `load_per_station` × stations served below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<f64>,
    /// Load units per station served (overrides the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_per_station: Option<f64>,
    /// Earliest time the consignment to this node may leave its supplier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_dispatch: Option<String>,
    /// Handling at this node before it sends consignments on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handling: Option<Dist>,
    /// Deadline for this node's arrival.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// Polling stations (TPS) served directly from this node.
    #[serde(default)]
    pub stations: u32,
    /// Deadline for this node's stations (default: `defaults.station_deadline`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub station_deadline: Option<String>,
    /// Last-mile duration to each station (default: `defaults.last_mile`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_mile: Option<Dist>,
    /// Extra delay of each station's last mile (default: `defaults.last_mile_extra_delay`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_mile_extra_delay: Option<ExtraDelay>,
    /// Escort pool whose team must accompany this consignment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escort: Option<String>,
    /// Time to replace damaged items from a local reserve; without it the supplier sends a
    /// second shipment along the route.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserve_replacement: Option<Dist>,
}

/// `[[strategy]]`: a named change to the baseline.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    /// Unique name.
    pub name: String,
    /// What the strategy does, for the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Cost in rupiah.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_idr: Option<f64>,
    /// Where the cost figure comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_source: Option<String>,
    /// Changes: `"link.<name>.<key>.<key>" = value`, `"node.<name>.<key>" = value`,
    /// `"zone.<name>...`, `"fleet.<name>..."`, `"escort.<name>..."`, `"defaults.<key>"`.
    #[serde(default, skip_serializing_if = "toml::Table::is_empty")]
    pub set: toml::Table,
    /// Whole links added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_link: Vec<Link>,
    /// Whole nodes added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_node: Vec<Node>,
    /// Whole fleets added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_fleet: Vec<Fleet>,
    /// Other strategies whose changes this one includes (applied first, in order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
}
