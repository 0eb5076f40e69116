//! The scenario skeleton written from a TPS list: every generated number commented
//! "estimate: ..." with the rule that made it, every number from the list commented
//! "from the TPS list", and a TODO wherever a planner must decide.
//!
//! Every text that comes from the list or the command line is written through [`q`] (TOML
//! string escaping by the toml crate) or, in comments, through [`c`].

use std::collections::HashSet;
use std::fmt::Write as _;

use chrono::{Days, NaiveDate};

use super::rows::{Kecamatan, Layout, TpsList};

/// The rules that turn a TPS list into a scenario; each is stated in the file it writes and
/// in docs/import.md.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Polling day (H).
    pub election: NaiveDate,
    /// Road distance = straight-line distance x this.
    pub road_factor: f64,
}

/// Shortest road link written, km (two points at the same place still take some driving).
pub const MIN_DISTANCE_KM: f64 = 0.5;
/// Mean Earth radius, km (IUGG).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;
/// Days before polling day at which the simulated period starts (H-8, midnight).
pub const START_DAYS_BEFORE: u64 = 8;
/// Simulated days: from H-8 to H+6.
pub const HORIZON_DAYS: u64 = 14;
/// Speed on the trunk roads from the warehouse to each PPK, km/h (min, mode, max).
pub const TRUNK_SPEED_KMH: (f64, f64, f64) = (30.0, 40.0, 50.0);
/// Speed on the roads from a PPK to its villages, km/h (min, mode, max).
pub const VILLAGE_SPEED_KMH: (f64, f64, f64) = (20.0, 30.0, 40.0);

/// Great-circle distance between two points (degrees), km, by the haversine formula.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// A TOML string for any text: the toml crate's own escaping, so that no name can end the
/// string, start a table or hide a key.
pub fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Text for a comment: control characters (which would end the comment) become spaces.
pub fn c(s: &str) -> String {
    s.chars()
        .map(|ch| if ch.is_control() { ' ' } else { ch })
        .collect()
}

/// A number with up to `d` decimals and no trailing zeros.
fn num(x: f64, d: usize) -> String {
    let s = format!("{x:.d$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A whole number with thousands separated by commas.
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// `1-4, 7, 9-10` for sorted TPS numbers.
fn ranges(ns: &[u32]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < ns.len() {
        let mut j = i;
        while j + 1 < ns.len() && ns[j + 1] == ns[j] + 1 {
            j += 1;
        }
        parts.push(if i == j {
            ns[i].to_string()
        } else {
            format!("{}-{}", ns[i], ns[j])
        });
        i = j + 1;
    }
    parts.join(", ")
}

/// `distance_km`'s value and comment for a straight-line distance.
fn road_km(straight: f64, r: &Rules) -> String {
    let rf = num(r.road_factor, 3);
    let road = straight * r.road_factor;
    if road < MIN_DISTANCE_KM {
        format!(
            "{}  # estimate: {rf} x straight-line {} km, raised to the shortest link of {} km",
            num(MIN_DISTANCE_KM, 1),
            num(straight, 2),
            num(MIN_DISTANCE_KM, 1)
        )
    } else {
        format!(
            "{}  # estimate: {rf} x straight-line {} km",
            num(road, 1),
            num(straight, 2)
        )
    }
}

fn datetime(d: NaiveDate, hm: &str) -> String {
    q(&format!("{}T{hm}:00+07:00", d.format("%Y-%m-%d")))
}

fn h_minus(r: &Rules, days: u64) -> NaiveDate {
    r.election
        .checked_sub_days(Days::new(days))
        .unwrap_or(r.election)
}

/// Node names: a hub is named as its kecamatan; a village by its own name when that is
/// unique in the list and not the name of a kecamatan or of the depot, else
/// "village (kecamatan)".
pub fn village_names(kecs: &[Kecamatan], depot: &str) -> Vec<Vec<String>> {
    let lower = |s: &str| s.to_lowercase();
    let mut taken: HashSet<String> = kecs.iter().map(|k| lower(&k.name)).collect();
    taken.insert(lower(depot));
    let mut count = std::collections::HashMap::new();
    for v in kecs.iter().flat_map(|k| &k.villages) {
        *count.entry(lower(&v.name)).or_insert(0) += 1;
    }
    let mut out = Vec::new();
    for k in kecs {
        let mut names = Vec::new();
        for v in &k.villages {
            let plain = count[&lower(&v.name)] == 1 && !taken.contains(&lower(&v.name));
            let mut name = if plain {
                v.name.clone()
            } else {
                format!("{} ({})", v.name, k.name)
            };
            // Cannot normally happen (a village literally named "X (Y)"), but names must be
            // unique whatever the list says.
            let mut n = 2;
            while taken.contains(&lower(&name)) {
                name = format!("{} ({}) {n}", v.name, k.name);
                n += 1;
            }
            taken.insert(lower(&name));
            names.push(name);
        }
        out.push(names);
    }
    out
}

/// The whole scenario file.
pub fn scenario_text(
    list: &TpsList,
    source_name: &str,
    scenario_name: &str,
    depot: &str,
    depot_at: (f64, f64),
    r: &Rules,
) -> String {
    let mut s = String::new();
    let names = village_names(&list.kecamatan, depot);
    write_head(&mut s, list, source_name, scenario_name, depot, r);
    write_defaults(&mut s, r);
    write_links(&mut s, list, &names, depot, depot_at, r);
    write_nodes(&mut s, list, &names, depot, depot_at, r);
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "# TODO strategies: once the plan is in place, add [[strategy]] tables (dispatch earlier, a"
    );
    let _ = writeln!(
        s,
        "# standby boat, more trucks) to compare; see docs/scenario-format.md section 12."
    );
    s
}

/// The file's opening comment and its `[scenario]` table.
fn write_head(
    s: &mut String,
    list: &TpsList,
    source_name: &str,
    scenario_name: &str,
    depot: &str,
    r: &Rules,
) {
    let villages: usize = list.kecamatan.iter().map(|k| k.villages.len()).sum();
    let stations = list.stations();
    let voters: Option<u64> = list
        .kecamatan
        .iter()
        .flat_map(|k| &k.villages)
        .map(|v| v.voters)
        .sum();
    let e = r.election;
    let start = h_minus(r, START_DAYS_BEFORE);
    let rf = num(r.road_factor, 3);
    let layout = match list.layout {
        Layout::PerTps => "one row per TPS",
        Layout::PerVillage => "one row per village with its number of TPS",
    };

    let _ = writeln!(
        s,
        "# {}: scenario skeleton written by `tepat import` from {}",
        c(scenario_name),
        c(source_name)
    );
    let _ = writeln!(
        s,
        "# ({layout}; {} data rows, header in row {}).",
        list.data_rows, list.header_row
    );
    let _ = writeln!(s, "#");
    let _ = writeln!(
        s,
        "# {} kecamatan, {villages} villages, {} TPS{}.",
        list.kecamatan.len(),
        thousands(stations),
        voters
            .map(|v| format!(", {} registered voters (DPT)", thousands(v)))
            .unwrap_or_default()
    );
    let _ = writeln!(
        s,
        "# Comments say where every number comes from: \"from the TPS list\", or \"estimate:\" and"
    );
    let _ = writeln!(
        s,
        "# the rule that produced it (docs/import.md). Replace estimates with your own figures and"
    );
    let _ = writeln!(
        s,
        "# say where they come from. Search for TODO: each marks a decision only a planner can make"
    );
    let _ = writeln!(
        s,
        "# (ferries, boats, weather, floods, trucks, escorts, the dispatch schedule)."
    );
    let _ = writeln!(
        s,
        "# The format of every key: docs/scenario-format.md. Check with `tepat check`, run with `tepat run`."
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "[scenario]");
    let _ = writeln!(s, "name = {}", q(scenario_name));
    let _ = writeln!(
        s,
        "description = {}",
        q(&format!(
            "Distribution of election materials from {depot} to {} PPK, {villages} PPS and {} TPS, imported from the TPS list {source_name}; polling day {}. A skeleton: roads only, no ferries, boats, weather or floods yet.",
            list.kecamatan.len(),
            thousands(stations),
            e.format("%Y-%m-%d")
        ))
    );
    let _ = writeln!(
        s,
        "start = {}  # estimate: H-{START_DAYS_BEFORE} (polling day {} minus {START_DAYS_BEFORE} days), midnight WIB; TODO: your first dispatch day, and your time zone (+08:00 WITA, +09:00 WIT)",
        datetime(start, "00:00"),
        e.format("%Y-%m-%d")
    );
    let _ = writeln!(
        s,
        "horizon_days = {HORIZON_DAYS}  # estimate: from H-{START_DAYS_BEFORE} to H+{}, past polling day",
        HORIZON_DAYS - START_DAYS_BEFORE
    );
    let _ = writeln!(
        s,
        "seed = 2024  # estimate: a fixed default seed, so that runs repeat exactly"
    );
    let _ = writeln!(
        s,
        "target = 0.95  # estimate: the on-time probability drawn on the charts"
    );
    let _ = writeln!(s, "assumptions = [");
    let _ = writeln!(
        s,
        "  {},",
        q(
            "One load unit is one TPS kit (ballot boxes, booths, ballots, forms and ink of one TPS)."
        )
    );
    let _ = writeln!(
        s,
        "  {},",
        q(&format!(
            "Road distances are {rf} x the straight-line distance between the points of the TPS list."
        ))
    );
    let _ = writeln!(
        s,
        "  {},",
        q(
            "Each PPK is at its point in the TPS list, or else at the centre (mean point) of its villages."
        )
    );
    let _ = writeln!(
        s,
        "  {},",
        q("Every link is a road: ferries, boats, weather and floods are not in this skeleton yet.")
    );
    let _ = writeln!(s, "]");
    let _ = writeln!(s);
}

/// The `[defaults]` table, and what a planner must add (weather, trucks and escorts).
fn write_defaults(s: &mut String, r: &Rules) {
    let _ = writeln!(s, "[defaults]");
    let _ = writeln!(
        s,
        "station_deadline = {}  # rule: H-1, every TPS supplied by the end of the day before polling day",
        datetime(h_minus(r, 1), "23:59")
    );
    let _ = writeln!(
        s,
        "hub_deadline = {}  # estimate: every PPK supplied by the end of H-3; TODO: your schedule",
        datetime(h_minus(r, 3), "23:59")
    );
    let _ = writeln!(
        s,
        "village_deadline = {}  # estimate: every PPS supplied by the evening of H-1; TODO: your schedule",
        datetime(h_minus(r, 1), "18:00")
    );
    let _ = writeln!(
        s,
        "handling = {{ dist = \"triangular\", min = 2, mode = 4, max = 8, unit = \"h\" }}  # estimate: a PPK unloads, counts and repacks per PPS in 2-8 h, most likely 4 h (as in the Bengkalis scenarios)"
    );
    let _ = writeln!(
        s,
        "last_mile = {{ dist = \"triangular\", min = 0.5, mode = 1, max = 3, unit = \"h\" }}  # estimate: from a PPS to each of its TPS in 0.5-3 h, most likely 1 h"
    );
    let _ = writeln!(
        s,
        "load_per_station = 1  # estimate: one load unit = one TPS kit"
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "# TODO weather: add [[zone]] tables (a strait's waves, rain on the roads) and name them in the"
    );
    let _ = writeln!(
        s,
        "# links' `zone`; see docs/scenario-format.md section 6 or run `tepat new example.toml`. Without a"
    );
    let _ = writeln!(s, "# zone a link always has calm, dry weather.");
    let _ = writeln!(s, "#");
    let _ = writeln!(
        s,
        "# TODO trucks and escorts: add [[fleet]] (capacity in TPS kits, trucks per consignment) and"
    );
    let _ = writeln!(
        s,
        "# [[escort]] (police teams) and name them in the nodes' `fleet` and `escort`. Without a fleet a"
    );
    let _ = writeln!(
        s,
        "# consignment travels in one trip; without an escort it never waits for one."
    );
    let _ = writeln!(s);
}

/// The links: warehouse to every PPK, every PPK to its villages, all by road.
fn write_links(
    s: &mut String,
    list: &TpsList,
    names: &[Vec<String>],
    depot: &str,
    depot_at: (f64, f64),
    r: &Rules,
) {
    let rf = num(r.road_factor, 3);
    let (t0, t1, t2) = TRUNK_SPEED_KMH;
    let (v0, v1, v2) = VILLAGE_SPEED_KMH;
    let trunk_speed = format!(
        "{{ dist = \"triangular\", min = {}, mode = {}, max = {} }}",
        num(t0, 1),
        num(t1, 1),
        num(t2, 1)
    );
    let village_speed = format!(
        "{{ dist = \"triangular\", min = {}, mode = {}, max = {} }}",
        num(v0, 1),
        num(v1, 1),
        num(v2, 1)
    );

    let _ = writeln!(
        s,
        "# ========================================================================================"
    );
    let _ = writeln!(
        s,
        "# Links. Distance rule: {rf} x the straight-line (great-circle) distance, at least {} km.",
        num(MIN_DISTANCE_KM, 1)
    );
    let _ = writeln!(
        s,
        "# Speeds: {}-{}-{} km/h (min-mode-max) from the warehouse to a PPK, {}-{}-{} km/h from a PPK",
        num(t0, 1),
        num(t1, 1),
        num(t2, 1),
        num(v0, 1),
        num(v1, 1),
        num(v2, 1)
    );
    let _ = writeln!(
        s,
        "# to its villages. TODO: where a route crosses water, replace the road by a sea or river link"
    );
    let _ = writeln!(
        s,
        "# with its timetable and vessel (wave limit); where a road floods, add a `disruption`."
    );
    let _ = writeln!(
        s,
        "# ========================================================================================"
    );
    for (k, kec) in list.kecamatan.iter().enumerate() {
        let hub = kec.point();
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "# Kecamatan {}: {} villages, {} TPS",
            c(&kec.name),
            kec.villages.len(),
            thousands(kec.villages.iter().map(|v| u64::from(v.stations)).sum())
        );
        let straight = distance_km(depot_at, hub);
        let _ = writeln!(s, "[[link]]");
        let _ = writeln!(s, "name = {}", q(&format!("{depot} - {}", kec.name)));
        let _ = writeln!(
            s,
            "mode = \"road\"  # TODO: a road all the way? If the route crosses a strait or a river, split it and add the crossing"
        );
        let _ = writeln!(s, "distance_km = {}", road_km(straight, r));
        let _ = writeln!(s, "speed_kmh = {trunk_speed}  # estimate: trunk road");
        for (v, village) in kec.villages.iter().enumerate() {
            let straight = distance_km(hub, village.point);
            let _ = writeln!(s);
            let _ = writeln!(s, "[[link]]");
            let _ = writeln!(
                s,
                "name = {}",
                q(&format!("{} - {}", kec.name, names[k][v]))
            );
            let _ = writeln!(s, "mode = \"road\"");
            let _ = writeln!(s, "distance_km = {}", road_km(straight, r));
            let _ = writeln!(s, "speed_kmh = {village_speed}  # estimate: village road");
        }
    }
}

/// The nodes: the warehouse, one PPK per kecamatan, one PPS per village with its TPS.
fn write_nodes(
    s: &mut String,
    list: &TpsList,
    names: &[Vec<String>],
    depot: &str,
    depot_at: (f64, f64),
    r: &Rules,
) {
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "# ========================================================================================"
    );
    let _ = writeln!(
        s,
        "# Nodes: the warehouse, one PPK per kecamatan, one PPS per desa/kelurahan with its TPS."
    );
    let _ = writeln!(
        s,
        "# TODO schedule: every PPK leaves the warehouse on H-7 and every PPS its PPK on H-2, at 08:00;"
    );
    let _ = writeln!(
        s,
        "# write your own dispatch plan (far kecamatan and boat villages usually leave first)."
    );
    let _ = writeln!(
        s,
        "# ========================================================================================"
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "[[node]]");
    let _ = writeln!(s, "name = {}", q(depot));
    let _ = writeln!(s, "kind = \"depot\"");
    let _ = writeln!(
        s,
        "lat = {}  # from the command line (--depot-at)",
        num(depot_at.0, 6)
    );
    let _ = writeln!(
        s,
        "lon = {}  # from the command line (--depot-at)",
        num(depot_at.1, 6)
    );
    let _ = writeln!(
        s,
        "ready = {{ dist = \"triangular\", min = 24, mode = 30, max = 48, unit = \"h\" }}  # estimate: packed during H-7 (24-48 h after the start, most likely 06:00 on H-7); TODO: when your warehouse is ready"
    );
    let _ = writeln!(
        s,
        "handling = {{ dist = \"triangular\", min = 1, mode = 2, max = 4, unit = \"h\" }}  # estimate: loading the trucks takes 1-4 h"
    );
    for (k, kec) in list.kecamatan.iter().enumerate() {
        let hub = kec.point();
        let _ = writeln!(s);
        let _ = writeln!(s, "[[node]]");
        let _ = writeln!(s, "name = {}", q(&kec.name));
        let _ = writeln!(s, "kind = \"hub\"");
        let from = if kec.given_point.is_some() {
            "from the TPS list (Lintang PPK, Bujur PPK)".to_string()
        } else {
            format!(
                "estimate: centre (mean point) of its {} villages; TODO: the PPK's own position",
                kec.villages.len()
            )
        };
        let _ = writeln!(s, "lat = {}  # {from}", num(hub.0, 6));
        let _ = writeln!(s, "lon = {}", num(hub.1, 6));
        let _ = writeln!(s, "supplier = {}", q(depot));
        let _ = writeln!(s, "route = [{}]", q(&format!("{depot} - {}", kec.name)));
        let _ = writeln!(
            s,
            "planned_dispatch = {}  # estimate: warehouse to PPK on H-7 from 08:00; TODO: your schedule (far kecamatan first)",
            datetime(h_minus(r, 7), "08:00")
        );
        for (v, village) in kec.villages.iter().enumerate() {
            let _ = writeln!(s);
            let _ = writeln!(s, "[[node]]");
            let _ = writeln!(s, "name = {}", q(&names[k][v]));
            let _ = writeln!(s, "kind = \"village\"");
            let rows = if village.rows.len() == 1 {
                format!("row {}", village.rows[0])
            } else {
                format!("{} rows", village.rows.len())
            };
            let point_note = if village.located_rows > 1 {
                format!(
                    "from the TPS list: mean of the points of {} rows",
                    village.located_rows
                )
            } else {
                "from the TPS list".to_string()
            };
            let _ = writeln!(s, "lat = {}  # {point_note}", num(village.point.0, 6));
            let _ = writeln!(s, "lon = {}", num(village.point.1, 6));
            let _ = writeln!(s, "supplier = {}", q(&kec.name));
            let _ = writeln!(
                s,
                "route = [{}]",
                q(&format!("{} - {}", kec.name, names[k][v]))
            );
            let _ = writeln!(
                s,
                "planned_dispatch = {}  # estimate: PPK to PPS on H-2 from 08:00 (see the schedule note above the nodes)",
                datetime(h_minus(r, 2), "08:00")
            );
            let tps = if village.tps_numbers.is_empty() {
                String::new()
            } else {
                format!(": TPS {}", ranges(&village.tps_numbers))
            };
            let dpt = village
                .voters
                .map(|n| format!(", DPT {}", thousands(n)))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "stations = {}  # from the TPS list ({rows}){tps}{dpt}",
                village.stations
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_matches_known_distances() {
        // One degree of latitude is 111.19 km on the mean sphere.
        assert!((distance_km((0.0, 100.0), (1.0, 100.0)) - 111.195).abs() < 0.01);
        assert_eq!(distance_km((1.47, 102.1), (1.47, 102.1)), 0.0);
        // A quarter of a great circle.
        let quarter = std::f64::consts::FRAC_PI_2 * EARTH_RADIUS_KM;
        assert!((distance_km((0.0, 0.0), (90.0, 0.0)) - quarter).abs() < 1e-6);
        assert!((distance_km((0.0, 100.0), (0.0, 190.0)) - quarter).abs() < 1e-6);
    }

    #[test]
    fn strings_are_escaped_by_toml() {
        for name in ["a\"b", "a\\b", "x = 1\n[scenario]", "''' \"\"\"", "é ü 中"] {
            let text = format!("k = {}", q(name));
            let t: toml::Table = toml::from_str(&text).unwrap();
            assert_eq!(t["k"].as_str(), Some(name), "{text}");
        }
        assert_eq!(c("a\nb\rc"), "a b c");
    }

    #[test]
    fn tps_numbers_are_written_as_ranges() {
        assert_eq!(ranges(&[1, 2, 3, 5, 7, 8]), "1-3, 5, 7-8");
        assert_eq!(ranges(&[4]), "4");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(12), "12");
        assert_eq!(num(1.50, 3), "1.5");
        assert_eq!(num(2.0, 1), "2");
    }
}
