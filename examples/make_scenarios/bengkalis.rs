//! The bundled Bengkalis 2024 scenarios, built from the repository's `data/bengkalis/`.
//!
//! [`generate`] reads the 155 desa/kelurahan of `data/bengkalis/bengkalis-villages.csv` and
//! returns the text of the three files of `scenarios/`:
//!
//! ```text
//! bengkalis-2024.toml              the distribution as planned in February 2024
//! bengkalis-2024-wet.toml          the same plan in a rougher, wetter February
//! bengkalis-2024-mitigations.toml  strategies compared with bengkalis-2024
//! ```
//!
//! Every hand-chosen figure is a constant or a literal in this file with its source:
//! "[S] <source>" when a published source states it (each one is listed in
//! `data/bengkalis/SOURCES.md`), "estimate" otherwise. The same comment goes onto the line of
//! the generated file that holds the number; the writer refuses a number without one.
//!
//! Where to change what:
//! - the scenario frame, deadlines and defaults: section 1 and [`defaults`];
//! - kecamatan, TPS and dispatch plan: section 2 ([`KECAMATAN`]);
//! - weather: section 3; distributions, roads and disruptions: section 4;
//! - fleets and escorts: section 5; the network (trunk and village links): [`build`];
//! - the mitigation strategies and their costs: [`mitigations`] (one `strategy(...)` call
//!   each, in the order they appear in the file).

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use tepat::scenario::types::{
    Defaults, Disruption, Dist, EscortPool, Fleet, Follow, Kind, Link, Meta, Mode, Node, Outage,
    Queue, Timetable, Vessel, WeatherState, Window, Zone,
};

use crate::toml_writer::{self as w, Doc, Notes, Val, n, round, s};

/// The files written, in order.
pub const FILES: [&str; 3] = [
    "bengkalis-2024.toml",
    "bengkalis-2024-wet.toml",
    "bengkalis-2024-mitigations.toml",
];

/// The villages file, relative to the repository root.
pub const VILLAGES_CSV: &str = "data/bengkalis/bengkalis-villages.csv";

// =============================================================================================
// 1. Scenario frame
// =============================================================================================

const START: &str = "2024-02-06T00:00:00+07:00"; // estimate: a day before the first dispatch (7 Feb)
const HORIZON_DAYS: f64 = 21.0; // estimate: covers 6-27 Feb, far beyond polling day (14 Feb)
const SEED: u64 = 2024; // estimate: any fixed seed
const TARGET: f64 = 0.95; // estimate: on-time target drawn on charts
/// Polling day, 14 Feb 2024, when voting opens at the TPS.
const VOTING_OPENS: &str = "2024-02-14T07:00:00+07:00";
const VOTING_OPENS_SRC: &str = "[S] PKPU 25/2023: voting at the TPS runs 07:00-13:00 local time on 14 Feb 2024; a TPS without its materials then cannot open";
/// Relative to `scenarios/`: the kecamatan boundaries kept in the repository.
const BASEMAP: &str = "../data/bengkalis/bengkalis-kecamatan.geojson";
const BASEMAP_CREDIT: &str = "Boundaries: BPS / OCHA HDX COD-AB (CC BY-IGO)";

const STATION_DEADLINE: &str = "2024-02-13T23:59:00+07:00"; // [S] kumparan: H-1
const HUB_DEADLINE: &str = "2024-02-12T23:59:00+07:00"; // estimate after [S] tribunnews 12 Feb 2024
const VILLAGE_DEADLINE: &str = "2024-02-13T18:00:00+07:00"; // estimate: evening of H-1

// =============================================================================================
// 2. Kecamatan: TPS, capitals, dispatch plan
// =============================================================================================

#[derive(Clone, Copy, PartialEq, Eq)]
enum Land {
    Island,
    Mainland,
    Rupat,
}

struct Kec {
    /// The kecamatan; its hub (PPK) node has exactly this name.
    name: &'static str,
    /// The village of the CSV whose representative point places the hub.
    capital: &'static str,
    land: Land,
    /// How we know the capital.
    cap_src: &'static str,
    /// 2018 Pilgub TPS [S] riaulantang.com.
    tps_2018: u32,
    /// 2024 Pemilu TPS where a source states it.
    tps_2024: Option<(u32, &'static str)>,
    /// Depot -> PPK planned dispatch and its source.
    dispatch: (&'static str, &'static str),
}

const FAR_DISPATCH: &str = "2024-02-07T08:00:00+07:00";
const FAR_SRC: &str =
    "[S] riauantara.co 2024/02: far kecamatan from 7 Feb (brought forward for rain); hour estimate";
const MID: (&str, &str) = (
    "2024-02-09T08:00:00+07:00",
    "estimate: mid-distance after the far ones (2019: Mandau H-3 [S riauonline])",
);
const NEAR: (&str, &str) = (
    "2024-02-10T08:00:00+07:00",
    "estimate: near mainland kecamatan, after the far ones (2019/2020 pattern [S riau24, riau1])",
);

/// The 11 kecamatan in the order of the files.
const KECAMATAN: [Kec; 11] = [
    Kec {
        name: "Bengkalis",
        capital: "Bengkalis Kota",
        land: Land::Island,
        cap_src: "[S] wiki: Bengkalis town is the regency seat; point of Kel. Bengkalis Kota (HDX-BPS)",
        tps_2018: 161,
        tps_2024: Some((250, "[S] okezone 2024/02/13 (2969509)")),
        dispatch: (
            "2024-02-12T08:00:00+07:00",
            "estimate: town kecamatan last; all at PPK by 12 Feb [S tribunnews]",
        ),
    },
    Kec {
        name: "Bantan",
        capital: "Selat Baru",
        land: Land::Island,
        cap_src: "[S] scribd 374281861 / okezone 2967380: capital Selat Baru; HDX-BPS village point",
        tps_2018: 94,
        tps_2024: None,
        dispatch: (
            "2024-02-11T08:00:00+07:00",
            "estimate: island kecamatan last but one; all at PPK by 12 Feb [S tribunnews]",
        ),
    },
    Kec {
        name: "Bukit Batu",
        capital: "Sungai Pakning",
        land: Land::Mainland,
        cap_src: "[S] scribd 374281861: capital Sungai Pakning; HDX-BPS village point",
        tps_2018: 41,
        tps_2024: None,
        dispatch: NEAR,
    },
    Kec {
        name: "Bandar Laksamana",
        capital: "Parit I Api Api",
        land: Land::Mainland,
        cap_src: "estimate: capital unverified (Parit I-II Api Api area per brief); HDX-BPS village point",
        tps_2018: 25,
        tps_2024: None,
        dispatch: NEAR,
    },
    Kec {
        name: "Siak Kecil",
        capital: "Lubuk Muda",
        land: Land::Mainland,
        cap_src: "estimate: capital Lubuk Muda unverified (brief, from memory); HDX-BPS village point",
        tps_2018: 45,
        tps_2024: None,
        dispatch: NEAR,
    },
    Kec {
        name: "Mandau",
        capital: "Air Jamban",
        land: Land::Mainland,
        cap_src: "[S] scribd 374281861: Duri (Kel. Air Jamban); HDX-BPS village point",
        tps_2018: 326,
        tps_2024: None,
        dispatch: MID,
    },
    Kec {
        name: "Bathin Solapan",
        capital: "Sebangar",
        land: Land::Mainland,
        cap_src: "estimate: capital unverified (Sebanga? per brief; the brief's 1.25,101.28 falls in Mandau); HDX-BPS village point",
        tps_2018: 178,
        tps_2024: None,
        dispatch: (
            "2024-02-09T08:00:00+07:00",
            "estimate: mid-distance after the far ones (2019: Bathin Solapan H-3 [S riauonline])",
        ),
    },
    Kec {
        name: "Pinggir",
        capital: "Pinggir",
        land: Land::Mainland,
        cap_src: "estimate: capital Pinggir unverified (brief); HDX-BPS point of Desa Pinggir",
        tps_2018: 150,
        tps_2024: Some((209, "[S] riauantara.co 2024/02")),
        dispatch: (FAR_DISPATCH, FAR_SRC),
    },
    Kec {
        name: "Talang Muandau",
        capital: "Beringin",
        land: Land::Mainland,
        cap_src: "estimate: capital unverified (Beringin? per brief); HDX-BPS village point",
        tps_2018: 48,
        tps_2024: Some((87, "[S] riauantara.co 2024/02")),
        dispatch: (FAR_DISPATCH, FAR_SRC),
    },
    Kec {
        name: "Rupat",
        capital: "Batu Panjang",
        land: Land::Rupat,
        cap_src: "[S] kabarpenumpang.com: capital Batu Panjang; HDX-BPS village point",
        tps_2018: 78,
        tps_2024: Some((107, "[S] riauantara.co 2024/02")),
        dispatch: (FAR_DISPATCH, FAR_SRC),
    },
    Kec {
        name: "Rupat Utara",
        capital: "Tanjung Medang",
        land: Land::Rupat,
        cap_src: "[S] untukilihat.blogspot.com 2012: capital Tanjung Medang; HDX-BPS village point",
        tps_2018: 32,
        tps_2024: Some((53, "[S] riauantara.co 2024/02")),
        dispatch: (FAR_DISPATCH, FAR_SRC),
    },
];

const DEPOT_NAME: &str = "KPU Bengkalis";
const DEPOT_VILLAGE: &str = "Senggoro"; // [S] riauaktual 2024/11: the KPU warehouse is in Desa Senggoro
const REMOTE_LAST_MILE_KEC: [&str; 3] = ["Rupat", "Rupat Utara", "Talang Muandau"];
const LOAD_PER_STATION: f64 = 1.0; // estimate: one load unit = one TPS kit

// PPK -> PPS planned dispatch.
const VILLAGE_DISPATCH: &str = "2024-02-12T08:00:00+07:00";
const VILLAGE_DISPATCH_SRC: &str =
    "estimate: [S] tribunnews 12 Feb 2024: PPK handing materials on to the PPS";
const BENGKALIS_VILLAGE_DISPATCH: (&str, &str) = (
    "2024-02-13T07:00:00+07:00",
    "[S] okezone 2969509: Kecamatan Bengkalis PPK -> PPS on 13 Feb; hour estimate",
);

fn tri(a: f64, m: f64, b: f64) -> Dist {
    Dist::Triangular {
        min: a,
        mode: m,
        max: b,
        unit: None,
    }
}

fn tri_u(a: f64, m: f64, b: f64, unit: &str) -> Dist {
    Dist::Triangular {
        min: a,
        mode: m,
        max: b,
        unit: Some(unit.to_string()),
    }
}

fn depot_ready() -> Dist {
    tri_u(30.0, 32.0, 40.0, "h") // estimate: packed 7 Feb 06:00-16:00, most likely 08:00
}
fn depot_handling() -> Dist {
    tri_u(1.0, 2.0, 4.0, "h") // estimate: loading the trucks at the warehouse
}
fn hub_handling() -> Dist {
    tri_u(2.0, 4.0, 8.0, "h") // estimate: PPK unloads, counts and sorts per PPS
}
fn last_mile() -> Dist {
    tri_u(0.5, 1.0, 3.0, "h") // estimate: PPS to each TPS
}
fn last_mile_remote() -> Dist {
    tri_u(0.5, 1.5, 4.0, "h") // estimate: scattered dusun on dirt roads
}

// =============================================================================================
// 3. Weather zones (6-hour steps anchored at the scenario start, 00:00 WIB)
// =============================================================================================

const STEP_H: f64 = 6.0; // estimate: four steps a day (night, morning, afternoon, evening)
const SEA_STATES: [&str; 4] = ["calm", "moderate", "rough", "very_rough"];
const LAND_STATES: [&str; 3] = ["dry", "rain", "heavy_rain"];
const ZONES: [&str; 4] = [
    "bengkalis-strait",
    "rupat-strait",
    "north-strait",
    "mainland",
];

/// Wave height of each sea state by zone, and its source.
fn sea_waves(zone: &str) -> ([f64; 4], &'static str) {
    match zone {
        "bengkalis-strait" => (
            [0.5, 0.75, 1.5, 2.0],
            "[S] riau.antaranews 24917: Bengkalis waters 0.5-0.75 m, 1.5-2 m in bad weather",
        ),
        "rupat-strait" => (
            [0.5, 0.75, 1.5, 2.0],
            "[S] riau.antaranews 24917: Dumai waters 0.5-0.75 m, 1.5-2 m in bad weather",
        ),
        _ => (
            [0.5, 1.0, 1.75, 2.5],
            "[S] riau.antaranews 24917 (0.5-1 m normal) and Tempo 29 Jan 2024 warning (1.25-2.5 m)",
        ),
    }
}
const SEA_SAIL_FACTOR: [f64; 4] = [1.0, 1.1, 1.25, 1.5]; // estimate: slower sailing in a head sea
const SEA_DAMAGE_FACTOR: [f64; 4] = [1.0, 1.5, 3.0, 5.0]; // estimate: spray and rain raise box damage
const LAND_ROAD_FACTOR: [f64; 3] = [1.0, 1.15, 1.4]; // estimate: 1.4 turns the 3-h Rupat road into ~4.2 h (4-6 h muddy [S djangki 2012])
const LAND_DISRUPTION_FACTOR: [f64; 3] = [1.0, 2.0, 5.0]; // estimate: heavy rain multiplies flood blocks
const LAND_DAMAGE_FACTOR: [f64; 3] = [1.0, 2.0, 4.0]; // estimate: humidity damage in rain
const LAND_SAIL_FACTOR: [f64; 3] = [1.0, 1.0, 1.2]; // estimate: river current in floods (river links)

/// A weather chain: initial shares and the transition matrix, two decimals each.
struct Chain {
    initial: &'static [f64],
    transition: &'static [&'static [f64]],
}

const STRAIT_BASE: Chain = Chain {
    initial: &[0.55, 0.30, 0.12, 0.03],
    transition: &[
        &[0.88, 0.10, 0.02, 0.00],
        &[0.25, 0.62, 0.11, 0.02],
        &[0.05, 0.35, 0.50, 0.10],
        &[0.00, 0.15, 0.40, 0.45],
    ],
};
const STRAIT_WET: Chain = Chain {
    initial: &[0.25, 0.35, 0.28, 0.12],
    transition: &[
        &[0.78, 0.17, 0.05, 0.00],
        &[0.15, 0.62, 0.19, 0.04],
        &[0.03, 0.27, 0.55, 0.15],
        &[0.00, 0.10, 0.35, 0.55],
    ],
};

/// The chain of a zone in the normal (`wet == false`) or wet February, all estimates.
fn chain(zone: &str, wet: bool) -> Chain {
    match (zone, wet) {
        ("bengkalis-strait" | "rupat-strait", false) => STRAIT_BASE,
        ("bengkalis-strait" | "rupat-strait", true) => STRAIT_WET,
        ("north-strait", false) => Chain {
            initial: &[0.45, 0.33, 0.17, 0.05],
            transition: &[
                &[0.82, 0.14, 0.04, 0.00],
                &[0.20, 0.60, 0.16, 0.04],
                &[0.05, 0.30, 0.53, 0.12],
                &[0.00, 0.10, 0.40, 0.50],
            ],
        },
        ("north-strait", true) => Chain {
            initial: &[0.15, 0.33, 0.33, 0.19],
            transition: &[
                &[0.70, 0.22, 0.07, 0.01],
                &[0.10, 0.60, 0.24, 0.06],
                &[0.02, 0.25, 0.55, 0.18],
                &[0.00, 0.08, 0.32, 0.60],
            ],
        },
        (_, false) => Chain {
            initial: &[0.60, 0.30, 0.10],
            transition: &[
                &[0.80, 0.17, 0.03],
                &[0.35, 0.55, 0.10],
                &[0.15, 0.45, 0.40],
            ],
        },
        (_, true) => Chain {
            initial: &[0.30, 0.40, 0.30],
            transition: &[
                &[0.60, 0.30, 0.10],
                &[0.20, 0.55, 0.25],
                &[0.10, 0.35, 0.55],
            ],
        },
    }
}

const WEATHER_NOTE_BASE: &str =
    "February north-east monsoon easing (drier Feb-Aug [S id.wikipedia copy]); estimate";
const WEATHER_NOTE_WET: &str = "rough, wet February like the BMKG warning of 29 Jan 2024 (northern strait 1.25-2.5 m [S Tempo]) with heavy mainland rain (Jan 2024 floods [S inews, riaupos]); estimate";

/// Sea zones move together: each step the follower copies the Bengkalis strait's state with
/// this probability, else moves by its own matrix.
fn follow(zone: &str) -> Option<f64> {
    match zone {
        "rupat-strait" => Some(0.8), // estimate: sheltered strait ~50 km away, same monsoon
        "north-strait" => Some(0.6), // estimate: open strait, same monsoon but more exposed
        _ => None,
    }
}

// Wet scenario: extra factors on top of the wetter chains.
const WET_DISRUPTION_MULTIPLIER: f64 = 1.5; // estimate: higher flood rates on every road
const WET_OUTAGE_PROBABILITY: f64 = 0.25; // estimate: Ro-Ro cut to 2 ships or less more often [S indovizka]

// =============================================================================================
// 4. Roads: speeds, distances, disruptions, damage
// =============================================================================================

const SPEED_TRUNK: Dist = Dist::Triangular {
    min: 35.0,
    mode: 45.0,
    max: 55.0,
    unit: None,
}; // estimate: provincial road, loaded trucks
const SPEED_TOWN: Dist = Dist::Triangular {
    min: 15.0,
    mode: 25.0,
    max: 35.0,
    unit: None,
}; // estimate: town streets
const SPEED_ISLAND: Dist = Dist::Triangular {
    min: 20.0,
    mode: 30.0,
    max: 40.0,
    unit: None,
}; // estimate: paved island village roads
const SPEED_MAINLAND_PAVED: Dist = Dist::Triangular {
    min: 25.0,
    mode: 35.0,
    max: 45.0,
    unit: None,
}; // estimate: paved mainland village roads
const SPEED_DIRT: Dist = Dist::Triangular {
    min: 10.0,
    mode: 20.0,
    max: 30.0,
    unit: None,
}; // estimate: plantation / dirt roads
const SPEED_PLANTATION_TRUNK: Dist = Dist::Triangular {
    min: 15.0,
    mode: 25.0,
    max: 35.0,
    unit: None,
}; // estimate: company plantation road

const ROAD_FACTOR: f64 = 1.4; // estimate: road distance = 1.4 x straight-line distance
const MIN_VILLAGE_KM: f64 = 2.0; // estimate: PPK to a PPS in the same village
const DIRT_AREA_KM2: f64 = 100.0; // estimate: villages this large are plantation/forest with dirt roads
const DETOUR_AREA_KM2: f64 = 20.0; // estimate: villages this small sit in a dense road grid

/// A road disruption before the wet multiplier: events per day in the driest state,
/// block duration, detour (none: vehicles wait).
#[derive(Clone)]
struct Disr {
    rate: f64,
    duration: Dist,
    detour: Option<Dist>,
}

// The domain notes: flood closures on mainland feeder roads P ~ 0.05-0.15 per road-day in early
// Feb; with the base mainland chain the mean rain multiplier is ~1.8, so 0.05 -> ~0.09 and
// 0.08 -> ~0.14 (all estimates).
fn disr_mainland() -> Disr {
    Disr {
        rate: 0.05,
        duration: tri(3.0, 8.0, 24.0),
        detour: Some(tri(0.25, 0.5, 1.5)),
    }
}
// Calibrated (docs/backtest.md): until 2024-record calibration these roads were closed 0.08 a
// day for 6-48 h with no way round, about 12% of the time, and one closure left a village's 20
// TPS late; against "32 flood-prone TPS in Bengkalis" of 1,774 (7 Feb 2024 [S riau.suara
// 2024/02/07]) that overstated closures. Now: rarer, shorter closures, and a village whose road
// is flooded carries its kits round by motorbike, pickup or boat on company roads and river
// (police reached Kuala Penaso by speedboat in the Jan 2024 floods [S inews 395011]).
fn disr_flood() -> Disr {
    Disr {
        rate: 0.04,
        duration: tri(3.0, 8.0, 24.0),
        detour: Some(tri(2.0, 4.0, 8.0)),
    }
}
fn disr_island() -> Disr {
    Disr {
        rate: 0.02,
        duration: tri(1.0, 3.0, 8.0),
        detour: Some(tri(0.25, 0.5, 1.0)),
    }
}
fn disr_rupat() -> Disr {
    Disr {
        rate: 0.05,
        duration: tri(3.0, 8.0, 24.0),
        detour: Some(tri(0.5, 1.0, 2.0)),
    }
}
fn disr(rate: f64, duration: Dist, detour: Option<Dist>) -> Disr {
    Disr {
        rate,
        duration,
        detour,
    }
}

/// Flood-prone kecamatan (every feeder road) and villages, with their source.
fn flood_prone(kec: &str, village: &str) -> Option<&'static str> {
    match (kec, village) {
        ("Bathin Solapan", "Petani") => {
            Some("[S] riaupos 08/01/2024: Jl. Rangau Km 23, Desa Petani, 40 cm of water")
        }
        ("Talang Muandau", "Tasik Serai Timur") => {
            Some("[S] riaupos 2013: company dirt roads flood waist-deep")
        }
        ("Pinggir", _) => Some("[S] inews 395011: floods in Pinggir mid-Jan 2024"),
        ("Talang Muandau", _) => Some("[S] inews 395011: floods in Talang Muandau mid-Jan 2024"),
        _ => None,
    }
}

const DAMAGE_ROAD_VILLAGE: f64 = 0.005; // estimate: short village leg
const DAMAGE_BOAT_VILLAGE: f64 = 0.03; // estimate: open boat, spray

// Damage of the depot -> PPK consignments, calibrated to the 2024 record
// (scenarios/bengkalis-2024-record.csv, docs/backtest.md). How damage is counted: a consignment
// is damaged when at least one of its boxes is, P = 1 - (1 - q)^boxes. In 2024, 37 boxes were
// replaced in six kecamatan [S tribunpekanbaru], about 0.4% of some 8,900 boxes (5 per TPS,
// estimate): small per box, but a PPK consignment carries hundreds of boxes, so on the long,
// humid routes to the far kecamatan a damaged box is more likely than not. With the earlier
// per-link figures P(damage in six kecamatan) was 0.5% (the record in the model's far tail);
// these put six at about the 85th-96th percentile (median 5). Island kecamatan (no damage
// in 2024) keep their small figures.
const DAMAGE_RORO_AIR_PUTIH: f64 = 0.04; // estimate, see above
const DAMAGE_RORO_AIR_PUTIH_SRC: &str = "estimate (calibrated to the 2024 record, was 0.03): spray on the open deck; boxes replaced in six kecamatan in 2024 [S tribunpekanbaru]";
const DAMAGE_TRUNK: f64 = 0.15; // estimate, see above
const DAMAGE_TRUNK_SRC: &str = "estimate (calibrated to the 2024 record, was 0.04): 2-3 h in humid trucks with hundreds of boxes; Mandau, Bathin Solapan and the far kecamatan had damage in 2024 [S tribunpekanbaru]";
const DAMAGE_NEAR_MAINLAND: f64 = 0.05; // estimate, see above
const DAMAGE_NEAR_MAINLAND_SRC: &str = "estimate (calibrated to the 2024 record, was 0.02): short leg; no damage reported for Bandar Laksamana or Siak Kecil in 2024 [S tribunpekanbaru]";
const DAMAGE_PINGGIR: f64 = 0.4; // estimate, see above
const DAMAGE_PINGGIR_SRC: &str = "estimate (calibrated to the 2024 record, was 0.25): 16 boxes replaced in Pinggir in 2024, the most of any kecamatan [S tribunpekanbaru]";
const DAMAGE_TALANG_MUANDAU: f64 = 0.25; // estimate, see above
const DAMAGE_TALANG_MUANDAU_SRC: &str = "estimate (calibrated to the 2024 record, was 0.20): 9 boxes replaced in Talang Muandau in 2024 [S tribunpekanbaru]";
const DAMAGE_RORO_RUPAT: f64 = 0.08; // estimate, see above
const DAMAGE_RORO_RUPAT_SRC: &str = "estimate (calibrated to the 2024 record, was 0.04): spray on the open deck; Rupat and Rupat Utara had damage in 2024 [S tribunpekanbaru]";
const DAMAGE_RUPAT_ROAD: f64 = 0.25; // estimate, see above
const DAMAGE_RUPAT_ROAD_SRC: &str = "estimate (calibrated to the 2024 record, was 0.03): muddy island road; 3 boxes replaced in Rupat in 2024 [S tribunpekanbaru]";
const DAMAGE_RUPAT_UTARA: f64 = 0.3; // estimate, see above
const DAMAGE_RUPAT_UTARA_SRC: &str = "estimate (calibrated to the 2024 record, was 0.15): two sampan river crossings; 7 boxes replaced in Rupat Utara in 2024 [S tribunpekanbaru]";

// =============================================================================================
// 5. Fleets and escorts
// =============================================================================================

fn fleets() -> Vec<(Fleet, Notes)> {
    let f = |name: &str,
             capacity: f64,
             count: u32,
             ret: Option<Dist>,
             notes: &[(&'static str, &str)]| {
        (
            Fleet {
                name: name.into(),
                capacity,
                count,
                return_time: ret,
            },
            notes_of(notes),
        )
    };
    vec![
        f(
            "Truck",
            55.0,
            10,
            None,
            &[
                (
                    "capacity",
                    "estimate: 2019 Mandau ~500 TPS went in 9 trucks, Bathin Solapan ~270 in 5 [S riauonline 2019/04/14]",
                ),
                (
                    "count",
                    "estimate: enough trucks for one round to every PPK (2019: 9 to Mandau [S riauonline])",
                ),
            ],
        ),
        f(
            "Colt Diesel",
            11.0,
            5,
            None,
            &[
                (
                    "capacity",
                    "[S] riau24 1555210188: 2019 Rupat Utara got 3 Colt Diesel for 32 TPS (~11 TPS each)",
                ),
                (
                    "count",
                    "estimate: 53 TPS / 11 per truck -> 5 trucks, one round",
                ),
            ],
        ),
        f(
            "PPS pickup",
            10.0,
            3,
            None,
            &[
                (
                    "capacity",
                    "estimate: pickup or small truck carries ~10 folded TPS kits",
                ),
                ("count", "estimate: vehicles a PPS can hire"),
            ],
        ),
        f(
            "PPS boat",
            5.0,
            2,
            Some(tri(1.0, 2.0, 4.0)),
            &[
                (
                    "capacity",
                    "estimate: local boat or sampan carries ~5 TPS kits",
                ),
                ("count", "estimate: boats a PPS can hire"),
                ("return_time", "estimate: back across and reload"),
            ],
        ),
    ]
}

const POLRES: &str = "Polres Bengkalis";

fn polres() -> (EscortPool, Notes) {
    (
        EscortPool {
            name: POLRES.into(),
            teams: 4,
            return_time: Some(tri(2.0, 6.0, 12.0)),
        },
        notes_of(&[
            (
                "teams",
                "estimate: escort teams for the depot -> PPK convoys (one per far kecamatan on 7 Feb)",
            ),
            ("return_time", "estimate: the team drives back to Bengkalis"),
        ]),
    )
}

// =============================================================================================
// 6. Reading the villages and building the network
// =============================================================================================

#[derive(Deserialize)]
struct Row {
    kecamatan: String,
    village: String,
    village_code: String,
    lat: f64,
    lon: f64,
    area_km2: f64,
}

fn read_villages(path: &Path) -> Result<Vec<Row>, String> {
    let mut r = csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut rows = Vec::new();
    for (i, rec) in r.deserialize::<Row>().enumerate() {
        rows.push(rec.map_err(|e| format!("{}: row {}: {e}", path.display(), i + 2))?);
    }
    Ok(rows)
}

fn notes_of(pairs: &[(&'static str, &str)]) -> Notes {
    pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

/// Great-circle distance in km between (lat, lon) points.
fn km_between(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// A link with its source comments and the comment line above it.
struct LinkSpec {
    link: Link,
    notes: Notes,
    heading: Option<String>,
}

fn bare_link(name: &str, mode: Mode, zone: &str) -> Link {
    Link {
        name: name.into(),
        mode,
        zone: Some(zone.into()),
        duration: None,
        distance_km: None,
        speed_kmh: None,
        timetable: None,
        window: None,
        vessel: None,
        queue: None,
        disruption: None,
        damage_probability: None,
        extra_delay: None,
    }
}

fn daylight() -> Window {
    Window {
        from: "06:00".into(),
        to: "17:30".into(),
    }
}

/// How long a road link is: a distance and a speed, or a duration.
enum Length {
    Km(f64, String, Dist, String),
    Duration(Dist, String),
}

/// A village (PPS) node and its notes.
struct VillageSpec {
    node: Node,
    notes: Notes,
    kec: &'static str,
}

/// The network of one variant.
struct Net {
    wet: bool,
    links: Vec<LinkSpec>,
    index: HashMap<String, usize>,
    trunk: usize,
    depot_pt: (f64, f64),
    hub_pt: HashMap<&'static str, (f64, f64)>,
    hub_routes: HashMap<&'static str, (Vec<String>, Option<Vec<String>>)>,
    villages: Vec<VillageSpec>,
    tps: HashMap<&'static str, (u32, String)>,
    kec_villages: HashMap<&'static str, usize>,
    polsek: Vec<(EscortPool, Notes)>,
}

impl Net {
    fn add(&mut self, link: Link, heading: Option<&str>, notes: Notes) {
        assert!(
            !self.index.contains_key(&link.name),
            "duplicate link {}",
            link.name
        );
        assert!(
            !link.name.contains('.'),
            "link name with a dot: {}",
            link.name
        );
        self.index.insert(link.name.clone(), self.links.len());
        self.links.push(LinkSpec {
            link,
            notes,
            heading: heading.map(String::from),
        });
    }

    fn link(&self, name: &str) -> &Link {
        &self.links[self.index[name]].link
    }

    /// A road link; `damage` 0 leaves the key out.
    fn road(
        &mut self,
        name: &str,
        heading: Option<&str>,
        len: Length,
        d: Option<(Disr, &str)>,
        damage: (f64, &str),
    ) {
        let mut l = bare_link(name, Mode::Road, "mainland");
        let mut notes = Notes::new();
        match len {
            Length::Duration(dur, src) => {
                l.duration = Some(dur);
                notes.insert("duration", src);
            }
            Length::Km(km, km_src, speed, speed_src) => {
                l.distance_km = Some(round(km, 1));
                l.speed_kmh = Some(speed);
                notes.insert("distance_km", km_src);
                notes.insert("speed_kmh", speed_src);
            }
        }
        if let Some((d, src)) = d {
            let m = if self.wet {
                WET_DISRUPTION_MULTIPLIER
            } else {
                1.0
            };
            l.disruption = Some(Disruption {
                rate_per_day: round(d.rate * m, 4),
                duration: d.duration,
                detour: d.detour,
            });
            let mut src = src.to_string();
            if self.wet {
                src.push_str(&format!("; wet scenario: rate x {m} (estimate)"));
            }
            notes.insert("disruption", src);
        }
        if damage.0 != 0.0 {
            l.damage_probability = Some(damage.0);
            notes.insert("damage_probability", damage.1.to_string());
        }
        self.add(l, heading, notes);
    }
}

/// A float as the CSV shows it: `149.6`, and `100.0` for a whole number.
fn decimal(x: f64) -> String {
    if x == x.trunc() {
        format!("{x:.1}")
    } else {
        format!("{x}")
    }
}

fn straight(a: (f64, f64), b: (f64, f64)) -> (f64, String) {
    let d = km_between(a, b);
    (
        d,
        format!("estimate: {ROAD_FACTOR} x straight-line {d:.1} km"),
    )
}

/// Mode of a distribution in hours (triangular and fixed).
fn mode_h(d: &Dist) -> f64 {
    let (v, unit) = match d {
        Dist::Triangular { mode, unit, .. } => (*mode, unit),
        Dist::Fixed { value, unit } => (*value, unit),
        _ => panic!("the nominal timeline knows triangular and fixed only"),
    };
    let scale = match unit.as_deref() {
        Some("min") => 1.0 / 60.0,
        Some("day") => 24.0,
        _ => 1.0,
    };
    v * scale
}

/// Nominal (modes only) one-way hours of a link.
fn nominal_link_hours(l: &Link) -> f64 {
    match (&l.duration, l.distance_km, &l.speed_kmh) {
        (Some(d), _, _) => mode_h(d),
        (None, Some(km), Some(Dist::Triangular { mode, .. })) => km / mode,
        _ => panic!("link {} has no nominal duration", l.name),
    }
}

/// TPS per kecamatan: sourced where a source states it, else 2018 TPS × the 2024/2018 ratio of
/// the five sourced kecamatan (706 / 469 = 1.505), rounded to whole TPS.
fn tps_2024() -> HashMap<&'static str, (u32, String)> {
    let s24: u32 = KECAMATAN
        .iter()
        .filter_map(|k| k.tps_2024.map(|t| t.0))
        .sum();
    let s18: u32 = KECAMATAN
        .iter()
        .filter(|k| k.tps_2024.is_some())
        .map(|k| k.tps_2018)
        .sum();
    let factor = round(f64::from(s24) / f64::from(s18), 3);
    KECAMATAN
        .iter()
        .map(|k| {
            let v = match k.tps_2024 {
                Some((t, src)) => (t, src.to_string()),
                None => (
                    (f64::from(k.tps_2018) * factor).round_ties_even() as u32,
                    format!(
                        "estimate: 2018 TPS {} [S riaulantang] x {factor:.3} (2024/2018 ratio of the five sourced kecamatan)",
                        k.tps_2018
                    ),
                ),
            };
            (k.name, v)
        })
        .collect()
}

/// Equal split with the remainder to the largest villages by area (ties: BPS code).
fn split_tps(total: u32, villages: &[&Row]) -> HashMap<String, u32> {
    let n = villages.len() as u32;
    let (base, rem) = (total / n, total % n);
    let mut order: Vec<&&Row> = villages.iter().collect();
    order.sort_by(|a, b| {
        b.area_km2
            .total_cmp(&a.area_km2)
            .then(a.village_code.cmp(&b.village_code))
    });
    let mut out: HashMap<String, u32> = villages
        .iter()
        .map(|v| (v.village_code.clone(), base))
        .collect();
    for v in order.iter().take(rem as usize) {
        *out.get_mut(&v.village_code).expect("present") += 1;
    }
    out
}

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

fn build(rows: &[Row], wet: bool) -> Result<Net, String> {
    let pt = |kec: &str, vil: &str| -> Result<(f64, f64), String> {
        rows.iter()
            .find(|r| r.kecamatan == kec && r.village == vil)
            .map(|r| (r.lat, r.lon))
            .ok_or_else(|| format!("{VILLAGES_CSV} has no village {vil} in kecamatan {kec}"))
    };
    let mut hub_pt = HashMap::new();
    for k in &KECAMATAN {
        hub_pt.insert(k.name, pt(k.name, k.capital)?);
    }
    let depot_pt = pt("Bengkalis", DEPOT_VILLAGE)?;
    let selari_pt = pt("Bukit Batu", "Sungai Selari")?;
    let mut net = Net {
        wet,
        links: Vec::new(),
        index: HashMap::new(),
        trunk: 0,
        depot_pt,
        hub_pt: hub_pt.clone(),
        hub_routes: HashMap::new(),
        villages: Vec::new(),
        tps: tps_2024(),
        kec_villages: HashMap::new(),
        polsek: Vec::new(),
    };
    let hp = |k: &str| hub_pt[k];

    // ---------------------------------------------------------------- trunk links
    let (d, _) = straight(depot_pt, hp("Bengkalis"));
    net.road(
        "Senggoro - Bengkalis Kota",
        Some("KPU warehouse to PPK Bengkalis, town streets"),
        Length::Km(
            MIN_VILLAGE_KM.max(ROAD_FACTOR * d),
            format!("estimate: {ROAD_FACTOR} x straight-line {d:.1} km"),
            SPEED_TOWN,
            "estimate: town streets".into(),
        ),
        Some((
            disr_island(),
            "estimate: town floods (Dec 2023 flooding in Bengkalis town [S kompas 2023/12/18])",
        )),
        (0.002, "estimate: short covered-truck leg"),
    );
    let (d, src) = straight(depot_pt, hp("Bantan"));
    net.road(
        "Senggoro - Selat Baru",
        Some("KPU warehouse to PPK Bantan across Bengkalis island"),
        Length::Km(
            ROAD_FACTOR * d,
            src,
            SPEED_ISLAND,
            "estimate: paved island road".into(),
        ),
        Some((
            disr_island(),
            "estimate: island road floods are short and have detours",
        )),
        (0.005, "estimate"),
    );
    net.road(
        "Senggoro - Air Putih port",
        Some("KPU warehouse to the Air Putih Ro-Ro port"),
        Length::Km(
            5.0,
            "estimate: Senggoro to Air Putih port on the south coast".into(),
            SPEED_TOWN,
            "estimate: town streets".into(),
        ),
        Some((
            disr_island(),
            "estimate: town floods (Dec 2023 [S kompas 2023/12/18])",
        )),
        (0.002, "estimate"),
    );
    {
        let mut l = bare_link(
            "Ro-Ro Air Putih - Sungai Selari",
            Mode::Sea,
            "bengkalis-strait",
        );
        l.duration = Some(tri_u(40.0, 50.0, 60.0, "min"));
        l.timetable = Some(Timetable {
            times: None,
            every_min: Some(60.0),
            from: Some("07:00".into()),
            to: Some("23:00".into()),
        });
        let outage = if wet { WET_OUTAGE_PROBABILITY } else { 0.15 };
        l.vessel = Some(Vessel {
            wave_limit_m: 2.5,
            delay: Some(tri_u(0.0, 10.0, 45.0, "min")),
            cancel_probability: Some(0.02),
            outage: Some(Outage {
                probability_per_day: outage,
                cancel_fraction: 0.5,
            }),
        });
        l.queue = Some(Queue {
            delay: Some(tri(0.0, 1.0, 6.0)),
            missed_departures: None,
        });
        l.damage_probability = Some(DAMAGE_RORO_AIR_PUTIH);
        let outage_src = if wet {
            format!("{WET_OUTAGE_PROBABILITY} estimate (wet)")
        } else {
            "0.15/day estimate (brief: 0.1-0.2)".to_string()
        };
        let notes = notes_of(&[
            (
                "duration",
                "estimate: 40-60 min sailing ([S] hadeberbagi 2017: ~1 h by sea after ~20 min loading)",
            ),
            (
                "timetable",
                "[S] bengkaliskab.go.id 2019: hourly from Air Putih 07:00-23:00 with 3 ships (2024 ~every 45 min [S indovizka]; hourly kept: conservative)",
            ),
            (
                "vessel",
                &format!(
                    "wave limit [S] BMKG ferry 2.5 m (babeindonesia); delay 0-45 min and cancel 0.02 estimate; outage {outage_src}, cancel_fraction 0.5 estimate: a ship docked leaves 1-2 of 3 [S iniriau 49115, indovizka]"
                ),
            ),
            (
                "queue",
                "estimate: 0-6 h truck queue ([S] iniriau 49115: queues from 13:30 to after 22:00)",
            ),
            ("damage_probability", DAMAGE_RORO_AIR_PUTIH_SRC),
        ]);
        net.add(l, Some("Ro-Ro Bengkalis (Air Putih) to the mainland (Sungai Selari, Bukit Batu); every mainland and Rupat consignment crosses it"), notes);
    }
    let (d, src) = straight(selari_pt, hp("Bukit Batu"));
    net.road(
        "Sungai Selari - Sungai Pakning",
        Some("Ro-Ro port Sungai Selari to Sungai Pakning (PPK Bukit Batu)"),
        Length::Km(
            ROAD_FACTOR * d,
            src,
            SPEED_TRUNK,
            "estimate: provincial road".into(),
        ),
        Some((
            disr_island(),
            "estimate: short coastal road with a town grid",
        )),
        (0.01, "estimate"),
    );
    net.road(
        "Sungai Pakning - Dumai",
        Some("Jalan Lintas Sungai Pakning - Dumai along the coast through Bandar Laksamana"),
        Length::Km(90.0, "estimate: Duri-Pakning 130-160 km incl. Dumai-Duri ~65 km ([S] hadeberbagi 2017: Duri-Pakning 3-4.5 h)".into(), SPEED_TRUNK, "estimate: provincial road".into()),
        Some((disr(0.04, tri(2.0, 6.0, 18.0), None), "estimate: peat-coast floods, single road (no detour)")),
        (DAMAGE_TRUNK, DAMAGE_TRUNK_SRC),
    );
    let (d, src) = straight(hp("Bukit Batu"), hp("Bandar Laksamana"));
    net.road(
        "Sungai Pakning - Parit I Api Api",
        Some("Sungai Pakning to PPK Bandar Laksamana"),
        Length::Km(
            ROAD_FACTOR * d,
            src,
            SPEED_TRUNK,
            "estimate: provincial road".into(),
        ),
        Some((
            disr(0.04, tri(2.0, 6.0, 18.0), None),
            "estimate: peat-coast floods, no detour",
        )),
        (DAMAGE_NEAR_MAINLAND, DAMAGE_NEAR_MAINLAND_SRC),
    );
    net.road(
        "Sungai Pakning - Lubuk Muda",
        Some("Sungai Pakning to PPK Siak Kecil"),
        Length::Km(
            35.0,
            "estimate: ~35 km / 1 h (brief)".into(),
            SPEED_TRUNK,
            "estimate: provincial road".into(),
        ),
        Some((
            disr(0.05, tri(2.0, 8.0, 24.0), Some(tri(1.0, 2.0, 4.0))),
            "estimate: flood-prone low road (brief P 0.05-0.15); detour via plantation roads",
        )),
        (DAMAGE_NEAR_MAINLAND, DAMAGE_NEAR_MAINLAND_SRC),
    );
    net.road(
        "Dumai - Dumai Ro-Ro port",
        Some("Through Dumai to the Ro-Ro port for Rupat"),
        Length::Km(
            8.0,
            "estimate: city crossing".into(),
            SPEED_TOWN,
            "estimate: city traffic".into(),
        ),
        Some((
            disr(0.03, tri(0.5, 1.0, 3.0), Some(tri(0.25, 0.5, 1.0))),
            "estimate: city jams with alternative streets",
        )),
        (0.002, "estimate"),
    );
    let (d_sd, _) = straight(hp("Bathin Solapan"), hp("Mandau"));
    net.road(
        "Dumai - Sebanga",
        Some("Jalan Lintas Dumai - Duri to PPK Bathin Solapan"),
        Length::Km(
            70.0 - ROAD_FACTOR * d_sd,
            format!(
                "estimate: Dumai-Duri ~70 km (brief) minus Sebanga-Duri {:.1} km",
                ROAD_FACTOR * d_sd
            ),
            SPEED_TRUNK,
            "estimate: national road".into(),
        ),
        Some((
            disr(0.04, tri(2.0, 6.0, 18.0), Some(tri(1.0, 2.0, 4.0))),
            "estimate: floods and crashes; detour on oil-field company roads",
        )),
        (DAMAGE_TRUNK, DAMAGE_TRUNK_SRC),
    );
    net.road(
        "Sebanga - Duri",
        Some("Sebanga to Duri (PPK Mandau)"),
        Length::Km(
            ROAD_FACTOR * d_sd,
            format!("estimate: {ROAD_FACTOR} x straight-line {d_sd:.1} km"),
            SPEED_TOWN,
            "estimate: town approach".into(),
        ),
        Some((
            disr(0.03, tri(1.0, 3.0, 8.0), Some(tri(0.5, 1.0, 2.0))),
            "estimate: town floods with detours",
        )),
        (0.005, "estimate"),
    );
    let (d, src) = straight(hp("Mandau"), hp("Pinggir"));
    net.road(
        "Duri - Pinggir",
        Some("Jalan Lintas Duri - Pekanbaru to PPK Pinggir"),
        Length::Km(
            ROAD_FACTOR * d,
            format!("{src} (brief: Duri-Pinggir ~35 km for a capital further south)"),
            tri(25.0, 35.0, 50.0),
            "estimate: busy trunk road with trucks".into(),
        ),
        Some((
            disr(0.10, tri(1.0, 2.0, 6.0), None),
            "estimate: jams of up to 6 h [S potretnews 2015/11/07]; no detour",
        )),
        (DAMAGE_PINGGIR, DAMAGE_PINGGIR_SRC),
    );
    let (d, src) = straight(hp("Pinggir"), hp("Talang Muandau"));
    net.road(
        "Pinggir - Beringin",
        Some("Pinggir to PPK Talang Muandau on plantation roads"),
        Length::Km(ROAD_FACTOR * d, src, SPEED_PLANTATION_TRUNK, "estimate: company plantation road".into()),
        Some((disr(0.08, tri(6.0, 18.0, 48.0), Some(tri(2.0, 4.0, 8.0))), "estimate: floods in Talang Muandau mid-Jan 2024 [S inews 395011]; detour on other company roads")),
        (DAMAGE_TALANG_MUANDAU, DAMAGE_TALANG_MUANDAU_SRC),
    );
    {
        let mut l = bare_link("Ro-Ro Dumai - Tanjung Kapal", Mode::Sea, "rupat-strait");
        l.duration = Some(tri_u(20.0, 30.0, 40.0, "min"));
        let times = [
            "07:00", "08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00",
            "16:00", "17:30", "19:00",
        ];
        l.timetable = Some(Timetable {
            times: Some(names(&times)),
            every_min: None,
            from: None,
            to: None,
        });
        l.vessel = Some(Vessel {
            wave_limit_m: 2.5,
            delay: Some(tri_u(0.0, 10.0, 45.0, "min")),
            cancel_probability: Some(0.03),
            outage: Some(Outage {
                probability_per_day: 0.1,
                cancel_fraction: 0.5,
            }),
        });
        l.queue = Some(Queue {
            delay: None,
            missed_departures: Some(Dist::Empirical {
                samples: Some(vec![0.0, 0.0, 0.0, 1.0, 1.0, 2.0]),
                quantiles: None,
                unit: None,
            }),
        });
        l.damage_probability = Some(DAMAGE_RORO_RUPAT);
        let notes = notes_of(&[
            (
                "duration",
                "[S] 20 min (celahkotanews 2015), 30 min (djangki 2012), 40 min (queennaraaisa 2017)",
            ),
            (
                "timetable",
                "[S] metroriau 24240: 12 regular trips a day until ~19:00-20:00; exact times estimate",
            ),
            (
                "vessel",
                "wave limit [S] BMKG ferry 2.5 m; delay, cancel 0.03 and outage 0.1/day x 0.5 estimate (2 ships in 2015 [S celahkotanews])",
            ),
            (
                "queue",
                "estimate: small ships (5 and 10 cars [S celahkotanews 2015]): P(miss 0,1,2 departures) = 1/2, 1/3, 1/6",
            ),
            ("damage_probability", DAMAGE_RORO_RUPAT_SRC),
        ]);
        net.add(l, Some("Ro-Ro Dumai to Tanjung Kapal (Rupat)"), notes);
    }
    net.road(
        "Tanjung Kapal - Batu Panjang",
        Some("Ro-Ro port Tanjung Kapal to Batu Panjang (PPK Rupat)"),
        Length::Km(
            15.0,
            "estimate: port to Batu Panjang".into(),
            SPEED_ISLAND,
            "estimate: paved island road".into(),
        ),
        Some((
            disr(0.03, tri(2.0, 6.0, 12.0), Some(tri(0.5, 1.0, 2.0))),
            "estimate: mud stretches, pushed through slowly",
        )),
        (DAMAGE_RUPAT_ROAD, DAMAGE_RUPAT_ROAD_SRC),
    );
    net.road(
        "Batu Panjang - Tanjung Medang",
        Some("Rupat inland road to PPK Rupat Utara (two sampan river crossings)"),
        Length::Duration(tri(2.0, 2.5, 3.5), "[S] ~3 h Tanjung Kapal - Tanjung Medang (queennaraaisa 2017, djangki 2012) less the Tanjung Kapal - Batu Panjang leg".into()),
        Some((disr(0.06, tri(6.0, 12.0, 36.0), Some(tri(1.0, 2.0, 3.0))), "estimate: muddy stretches last 6-36 h; pushing through adds 1-3 h ([S] 4-6 h or more when muddy vs ~3 h, queennaraaisa 2017, riau.suara 2021)")),
        (DAMAGE_RUPAT_UTARA, DAMAGE_RUPAT_UTARA_SRC),
    );
    {
        let mut l = bare_link(
            "Speedboat Dumai - Tanjung Medang",
            Mode::Sea,
            "north-strait",
        );
        l.duration = Some(tri(2.25, 2.5, 3.0));
        l.timetable = Some(Timetable {
            times: Some(names(&["09:00", "15:00"])),
            every_min: None,
            from: None,
            to: None,
        });
        l.vessel = Some(Vessel {
            wave_limit_m: 1.5,
            delay: Some(tri_u(0.0, 15.0, 60.0, "min")),
            cancel_probability: Some(0.05),
            outage: None,
        });
        l.damage_probability = Some(0.08);
        let notes = notes_of(&[
            (
                "duration",
                "[S] ~2.5 h (untukilihat 2012, riau.suara 2021); spread estimate",
            ),
            (
                "timetable",
                "[S] untukilihat 2012, riau.suara 2021: 2 trips a day at 09:00 and 15:00",
            ),
            (
                "vessel",
                "estimate: speedboat limit 1.5 m, between BMKG fishing boat 1.25 m and barge 1.5 m [S babeindonesia]; delay and cancel estimate",
            ),
            ("damage_probability", "estimate: spray in an open speedboat"),
        ]);
        net.add(
            l,
            Some("Passenger speedboat Dumai - Titi Akar - Tanjung Medang: Rupat Utara's fallback"),
            notes,
        );
    }
    net.trunk = net.links.len();

    // Hub routes over the shared trunk.
    let to_pakning = names(&[
        "Senggoro - Air Putih port",
        "Ro-Ro Air Putih - Sungai Selari",
        "Sungai Selari - Sungai Pakning",
    ]);
    let plus = |a: &[String], b: &[&str]| -> Vec<String> {
        a.iter()
            .cloned()
            .chain(b.iter().map(|x| x.to_string()))
            .collect()
    };
    let to_dumai = plus(&to_pakning, &["Sungai Pakning - Dumai"]);
    let to_duri = plus(&to_dumai, &["Dumai - Sebanga", "Sebanga - Duri"]);
    let to_rupat = plus(
        &to_dumai,
        &[
            "Dumai - Dumai Ro-Ro port",
            "Ro-Ro Dumai - Tanjung Kapal",
            "Tanjung Kapal - Batu Panjang",
        ],
    );
    let routes = [
        ("Bengkalis", names(&["Senggoro - Bengkalis Kota"]), None),
        ("Bantan", names(&["Senggoro - Selat Baru"]), None),
        ("Bukit Batu", to_pakning.clone(), None),
        (
            "Bandar Laksamana",
            plus(&to_pakning, &["Sungai Pakning - Parit I Api Api"]),
            None,
        ),
        (
            "Siak Kecil",
            plus(&to_pakning, &["Sungai Pakning - Lubuk Muda"]),
            None,
        ),
        ("Mandau", to_duri.clone(), None),
        (
            "Bathin Solapan",
            plus(&to_dumai, &["Dumai - Sebanga"]),
            None,
        ),
        ("Pinggir", plus(&to_duri, &["Duri - Pinggir"]), None),
        (
            "Talang Muandau",
            plus(&to_duri, &["Duri - Pinggir", "Pinggir - Beringin"]),
            None,
        ),
        ("Rupat", to_rupat.clone(), None),
        (
            "Rupat Utara",
            plus(&to_rupat, &["Batu Panjang - Tanjung Medang"]),
            Some(plus(&to_dumai, &["Speedboat Dumai - Tanjung Medang"])),
        ),
    ];
    for (k, r, f) in routes {
        net.hub_routes.insert(k, (r, f));
    }

    // ---------------------------------------------------------------- villages
    if rows.len() != 155 {
        return Err(format!(
            "{VILLAGES_CSV}: expected 155 villages, found {}",
            rows.len()
        ));
    }
    let mut count_by_name: HashMap<&str, usize> = HashMap::new();
    for r in rows {
        *count_by_name.entry(r.village.as_str()).or_default() += 1;
    }
    let is_kec = |x: &str| KECAMATAN.iter().any(|k| k.name == x);
    let mut taken: std::collections::HashSet<String> =
        KECAMATAN.iter().map(|k| k.name.to_string()).collect();
    taken.insert(DEPOT_NAME.into());
    let mut in_kec = 0;
    for k in &KECAMATAN {
        let kec = k.name;
        let mut vs: Vec<&Row> = rows.iter().filter(|r| r.kecamatan == kec).collect();
        in_kec += vs.len();
        net.kec_villages.insert(kec, vs.len());
        let (total, _) = net.tps[kec].clone();
        let split = split_tps(total, &vs);
        vs.sort_by(|a, b| a.village.cmp(&b.village));
        for r in &vs {
            let mut name = r.village.clone();
            if taken.contains(&name) || count_by_name[r.village.as_str()] > 1 {
                name = if is_kec(&name) {
                    format!("{} (desa)", r.village)
                } else {
                    format!("{} ({kec})", r.village)
                };
            }
            assert!(!taken.contains(&name), "duplicate node name {name}");
            assert!(!name.contains('.'), "node name with a dot: {name}");
            taken.insert(name.clone());
            let d = km_between(hp(kec), (r.lat, r.lon));
            let km = MIN_VILLAGE_KM.max(ROAD_FACTOR * d);
            let mut km_src =
                format!("estimate: {ROAD_FACTOR} x straight-line {d:.1} km from the PPK");
            if ROAD_FACTOR * d < MIN_VILLAGE_KM {
                km_src.push_str(&format!(" (min {MIN_VILLAGE_KM:.1})"));
            }
            let big = r.area_km2 >= DIRT_AREA_KM2;
            let dirt = big || REMOTE_LAST_MILE_KEC.contains(&kec);
            let why = if big {
                format!(
                    "village area {} km2 >= {DIRT_AREA_KM2}",
                    decimal(r.area_km2)
                )
            } else {
                format!("remote kecamatan {kec}")
            };
            let (speed, ssrc, dis, dsrc): (Dist, String, Disr, String) = match k.land {
                Land::Island => {
                    let (sp, ss) = if dirt { (SPEED_DIRT, format!("estimate: dirt road ({why})")) } else { (SPEED_ISLAND, "estimate: paved island road".into()) };
                    (sp, ss, disr_island(), "estimate: short island floods with detours (Dec 2023 floods [S kompas])".into())
                }
                Land::Rupat => (SPEED_DIRT, "estimate: Rupat dirt road".into(), disr_rupat(), "estimate: mud; pushing through adds 0.5-2 h ([S] riau.suara 2021, kompas 2023/12/21)".into()),
                Land::Mainland => {
                    let (sp, ss) = if dirt { (SPEED_DIRT, format!("estimate: plantation/dirt road ({why})")) } else { (SPEED_MAINLAND_PAVED, "estimate: paved mainland village road".into()) };
                    match flood_prone(kec, &r.village) {
                        Some(f) => (sp, ss, disr_flood(), format!("estimate (calibrated to the 2024 record: closed about 2% of the time, not 12%; 32 flood-prone TPS of 1,774 [S riau.suara 2024/02/07]): flood-prone feeder ({f}); when it is flooded the kits go round by motorbike, pickup or boat in 2-8 h ([S] inews 395011: Kuala Penaso reached by speedboat in the Jan 2024 floods)")),
                        None if r.area_km2 < DETOUR_AREA_KM2 => (sp, ss, disr_mainland(), "estimate: feeder floods (brief P 0.05-0.15/road-day); dense grid, detour exists".into()),
                        None => (sp, ss, Disr { detour: None, ..disr_mainland() }, "estimate: feeder floods (brief P 0.05-0.15/road-day); no detour".into()),
                    }
                }
            };
            let lname = format!("{kec} - {name}");
            let mut route = vec![lname.clone()];
            let mut fallback = None;
            let mut fleet = "PPS pickup";
            let mut extra: Option<(f64, &str)> = None;
            let by_road = |net: &mut Net, heading: Option<&str>, d: (Disr, &str)| {
                net.road(
                    &lname,
                    heading,
                    Length::Km(km, km_src.clone(), speed.clone(), ssrc.clone()),
                    Some(d),
                    (DAMAGE_ROAD_VILLAGE, "estimate"),
                );
            };
            match (kec, r.village.as_str()) {
                ("Rupat", "Dungun Baru") => {
                    let track = "Rupat - Dungun Baru mud track";
                    net.road(
                        track,
                        Some("Batu Panjang to the Selat Morong crossing for Dungun Baru (Dusun Pakcut)"),
                        Length::Duration(tri(2.0, 2.5, 3.5), "[S] kompas 2023/12/21: 2-3 h by motorbike on mud to Pakcut".into()),
                        Some((disr_rupat(), "estimate: mud; pushing through adds 0.5-2 h")),
                        (DAMAGE_ROAD_VILLAGE, "estimate"),
                    );
                    let mut b = bare_link("Selat Morong sampan", Mode::Sea, "rupat-strait");
                    b.duration = Some(tri_u(10.0, 15.0, 30.0, "min"));
                    b.window = Some(daylight());
                    b.vessel = Some(Vessel {
                        wave_limit_m: 1.25,
                        delay: Some(tri(0.0, 0.5, 3.0)),
                        cancel_probability: Some(0.05),
                        outage: None,
                    });
                    b.damage_probability = Some(DAMAGE_BOAT_VILLAGE);
                    net.add(b, Some("Sampan across Selat Morong to Dusun Pakcut (Dungun Baru)"), notes_of(&[
                        ("duration", "estimate: short crossing ([S] kompas 2023/12/21: sampan across Selat Morong)"),
                        ("window", "estimate: small boats sail in daylight only"),
                        ("vessel", "[S] BMKG fishing boat limit 1.25 m (babeindonesia); delay (finding a boat, tide) and cancel estimate"),
                        ("damage_probability", "estimate: open boat"),
                    ]));
                    route = names(&[track, "Selat Morong sampan"]);
                    fleet = "PPS boat";
                }
                ("Rupat Utara", "Titi Akar") => {
                    by_road(
                        &mut net,
                        Some("PPK Rupat Utara (Tanjung Medang) to Titi Akar"),
                        (dis, &dsrc),
                    );
                    let mut b = bare_link(
                        "Titi Akar - Hutan Samak local boat",
                        Mode::Sea,
                        "north-strait",
                    );
                    b.duration = Some(tri_u(10.0, 15.0, 25.0, "min"));
                    b.window = Some(daylight());
                    b.vessel = Some(Vessel {
                        wave_limit_m: 1.25,
                        delay: Some(tri(0.0, 0.5, 4.0)),
                        cancel_probability: Some(0.05),
                        outage: None,
                    });
                    b.damage_probability = Some(DAMAGE_BOAT_VILLAGE);
                    net.add(b, Some("Hired local boat to Dusun Hutan Samak (Titi Akar, TPS 007)"), notes_of(&[
                        ("duration", "[S] riau.antaranews 396561: ~15 min by hired local boat; spread estimate"),
                        ("window", "estimate: small boats sail in daylight only"),
                        ("vessel", "[S] BMKG fishing boat limit 1.25 m (babeindonesia); delay up to 4 h for the tide ([S] Inhil 2019, tribunpekanbaru) and cancel estimate"),
                        ("damage_probability", "estimate: open boat"),
                    ]));
                    route = vec![lname.clone(), "Titi Akar - Hutan Samak local boat".into()];
                    fleet = "PPS boat";
                }
                ("Talang Muandau", "Kuala Penaso") => {
                    by_road(
                        &mut net,
                        Some("PPK Talang Muandau to Kuala Penaso (floods)"),
                        (
                            disr(0.10, tri(12.0, 24.0, 72.0), None),
                            "estimate: floods for days ([S] inews 395011: police reached it by speedboat in the Jan 2024 floods)",
                        ),
                    );
                    let mut b = bare_link(
                        "Talang Muandau - Kuala Penaso river speedboat",
                        Mode::River,
                        "mainland",
                    );
                    b.duration = Some(tri(0.75, 1.0, 2.0));
                    b.window = Some(daylight());
                    b.vessel = Some(Vessel {
                        wave_limit_m: 1.25,
                        delay: Some(tri(0.0, 0.5, 2.0)),
                        cancel_probability: Some(0.05),
                        outage: None,
                    });
                    b.damage_probability = Some(DAMAGE_BOAT_VILLAGE);
                    net.add(b, Some("River speedboat to Kuala Penaso when the road is flooded"), notes_of(&[
                        ("duration", "estimate: river speedboat ([S] inews 395011: police patrolled by speedboat)"),
                        ("window", "estimate: small boats sail in daylight only"),
                        ("vessel", "[S] BMKG small-boat limit 1.25 m (river: no waves); delay and cancel estimate"),
                        ("damage_probability", "estimate: open boat in rain"),
                    ]));
                    fallback = Some(names(&["Talang Muandau - Kuala Penaso river speedboat"]));
                    extra = Some((
                        6.0,
                        "estimate: a flood with more than 6 h left sends the boat",
                    ));
                }
                _ => by_road(&mut net, None, (dis, &dsrc)),
            }
            let (disp, disp_src) = if kec == "Bengkalis" {
                BENGKALIS_VILLAGE_DISPATCH
            } else {
                (VILLAGE_DISPATCH, VILLAGE_DISPATCH_SRC)
            };
            let stations = split[&r.village_code];
            let remote = REMOTE_LAST_MILE_KEC.contains(&kec);
            let mut notes = notes_of(&[
                (
                    "lat",
                    &format!(
                        "[S] HDX-BPS 2020 point of {} ({VILLAGES_CSV})",
                        r.village_code
                    ),
                ),
                (
                    "lon",
                    &format!("[S] HDX-BPS 2020 point of {}", r.village_code),
                ),
                ("planned_dispatch", disp_src),
                (
                    "stations",
                    &format!(
                        "estimate: equal split of {kec}'s {total} TPS over {} villages, remainder to the largest by area ({})",
                        vs.len(),
                        if k.tps_2024.is_some() {
                            "sourced total"
                        } else {
                            "estimated total"
                        }
                    ),
                ),
                ("last_mile", "estimate: scattered dusun on dirt roads"),
            ]);
            if let Some((_, src)) = extra {
                notes.insert("fallback_if_blocked_h", src.to_string());
            }
            let node = Node {
                name: name.clone(),
                kind: Kind::Village,
                lat: Some(r.lat),
                lon: Some(r.lon),
                ready: None,
                supplier: Some(kec.into()),
                route: Some(route),
                fallback,
                fallback_if_blocked_h: extra.map(|e| e.0),
                fleet: Some(fleet.into()),
                load: None,
                load_per_station: None,
                planned_dispatch: Some(disp.into()),
                handling: None,
                deadline: None,
                stations,
                station_deadline: None,
                last_mile: remote.then(last_mile_remote),
                last_mile_extra_delay: None,
                escort: Some(format!("Polsek {kec}")),
                reserve_replacement: None,
            };
            net.villages.push(VillageSpec { node, notes, kec });
        }
    }
    if in_kec != rows.len() {
        return Err(format!(
            "{VILLAGES_CSV}: {} villages are in no known kecamatan",
            rows.len() - in_kec
        ));
    }
    // [S] riau.antaranews 396561: Titi Akar has at least TPS 007.
    let ta = net
        .villages
        .iter()
        .find(|v| v.node.name == "Titi Akar")
        .ok_or("no village Titi Akar")?;
    if ta.node.stations < 7 {
        return Err(format!(
            "Titi Akar has {} TPS; a source names its TPS 007",
            ta.node.stations
        ));
    }

    // Polsek pools: one per kecamatan; teams ~ one per three villages; return ~ mean one-way leg.
    for k in &KECAMATAN {
        let legs: Vec<f64> = net
            .villages
            .iter()
            .filter(|v| v.kec == k.name)
            .flat_map(|v| v.node.route.as_ref().expect("a route").iter())
            .map(|l| nominal_link_hours(net.link(l)))
            .collect();
        let m = (legs.iter().sum::<f64>() / legs.len() as f64).max(0.25);
        let nv = net.kec_villages[k.name];
        let teams = nv.div_ceil(3).max(2) as u32;
        net.polsek.push((
            EscortPool {
                name: format!("Polsek {}", k.name),
                teams,
                return_time: Some(tri(round(0.5 * m, 2), round(m, 2), round(1.5 * m, 2))),
            },
            notes_of(&[
                (
                    "teams",
                    &format!("estimate: ~1 team per 3 of its {nv} villages (min 2)"),
                ),
                (
                    "return_time",
                    &format!(
                        "estimate: around the mean one-way village leg ({m:.2} h) back to the PPK"
                    ),
                ),
            ]),
        ));
    }
    Ok(net)
}

// =============================================================================================
// 7. Writing the scenario files
// =============================================================================================

fn header(doc: &mut Doc, title: &str, extra: &str) {
    doc.comment(&format!(
        "{title}

GENERATED FILE - do not edit by hand. Regenerate from the repository root with:
    cargo run --example make_scenarios
(the generator is examples/make_scenarios/; see scenarios/README.md). It reads:
  - {VILLAGES_CSV}: the 155 desa/kelurahan of Kabupaten Bengkalis with a
    representative point and area, derived from the HDX-BPS 2020 boundaries (OCHA HDX
    COD-AB, CC BY-IGO; see data/bengkalis/ATTRIBUTION.md);
  - the sourced facts and the estimates, kept as constants in examples/make_scenarios/bengkalis.rs.
Every number carries a comment: \"[S] <source>\" when a published source states it (every
source is listed in data/bengkalis/SOURCES.md), \"estimate\" when it is a modelling choice.
{extra}
Units: durations in hours unless a distribution says unit = \"min\" or \"day\"; speeds in km/h;
datetimes are local WIB (+07:00). The format is described in docs/scenario-format.md."
    ));
    doc.blank();
}

const DESCRIPTION: &str = "Distribution of Pemilu 2024 materials from the KPU Bengkalis warehouse (Desa Senggoro, Bengkalis island) to the 11 PPK, 155 PPS and about 1,774 TPS of Kabupaten Bengkalis, as planned in February 2024: the far kecamatan (Rupat, Rupat Utara, Talang Muandau, Pinggir) leave on 7 Feb, the others by 12 Feb, PPK to PPS on 12-13 Feb, every TPS supplied by H-1 (13 Feb). Every mainland and Rupat consignment crosses the Air Putih - Sungai Selari Ro-Ro; Rupat needs a second Ro-Ro from Dumai and Rupat Utara a 3-hour inland road or a speedboat.";
const DESCRIPTION_WET: &str = " Wet variant: a rough north-east monsoon (BMKG warning of late January 2024, waves 1.25-2.5 m in the northern strait) and heavy rain on land, with more road floods and more Ro-Ro outages.";

const ASSUMPTIONS: [&str; 15] = [
    "One load unit is one TPS kit: the 5 ballot boxes, 4 voting booths, ballots, forms and ink of one polling station.",
    "The KPU warehouse in Desa Senggoro (Bengkalis island) is the single depot; every mainland and Rupat consignment starts with the Air Putih - Sungai Selari Ro-Ro.",
    "Each kecamatan has one PPK hub at its capital; the capitals of Bandar Laksamana, Siak Kecil, Bathin Solapan, Pinggir and Talang Muandau are unverified guesses.",
    "TPS per kecamatan: sourced for Bengkalis (250), Rupat (107), Rupat Utara (53), Talang Muandau (87) and Pinggir (209); the other six are their 2018 TPS x 1.505; total 1,774.",
    "TPS per village are an equal split of the kecamatan total (remainder to the largest villages by area): no per-village TPS list was available.",
    "Village road distances are 1.4 x the straight-line distance from the PPK to the village's representative point; villages of 100 km2 or more, and all of Rupat, Rupat Utara and Talang Muandau, have dirt-road speeds.",
    "All roads, on the mainland and on Bengkalis and Rupat islands, share the 'mainland' rain zone; the river boat to Kuala Penaso uses it too.",
    "The sea zones move together: the Rupat strait and the open strait north of Rupat copy the Bengkalis strait's state with probability 0.8 and 0.6 at each 6-hour step.",
    "The Ro-Ro ferries (limit 2.5 m) are not stopped by waves in these straits (at most 2 m); their risks are delays, cancellations, docked ships and truck queues. Small boats stop above 1.25 m.",
    "For the boat-dependent villages (Titi Akar for Dusun Hutan Samak, Dungun Baru for Dusun Pakcut) the whole village consignment takes the boat leg, which overstates the risk for their road-served TPS.",
    "Kuala Penaso is reached by road, or by river speedboat when the road is flooded at dispatch; Rupat Utara by the inland road (a muddy stretch is pushed through in 1-3 h more), and by the Dumai speedboat only when a leg it alone would avoid is impassable at dispatch: a road without a way round blocked for more than 6 h, or a crossing closed by waves.",
    "Upstream supply is not a risk in February: the ballots reached the regency warehouse in early January 2024 (ballot ship 4-5 Jan, containers on to the kabupaten from 6 Jan [S antaranews 3900429]), a month before the first dispatch on 7 Feb.",
    "Ferry deck space is not shared between KPU convoys: congestion is in the queue delay and missed departures.",
    "Damaged boxes are replaced by a second shipment from the supplier along the same route. A consignment counts as damaged when at least one of its boxes is; the damage probabilities of the PPK routes are calibrated to the 2024 record (37 boxes in six kecamatan, scenarios/bengkalis-2024-record.csv): six kecamatan with damage now lies inside the model's central 95%.",
    "Police escorts: a Polres Bengkalis pool for the depot to PPK convoys and one Polsek pool per kecamatan for PPK to PPS; team counts are estimates.",
];

/// `[defaults]` with its notes.
fn defaults() -> (Defaults, Notes) {
    (
        Defaults {
            station_deadline: Some(STATION_DEADLINE.into()),
            hub_deadline: Some(HUB_DEADLINE.into()),
            village_deadline: Some(VILLAGE_DEADLINE.into()),
            handling: Some(hub_handling()),
            last_mile: Some(last_mile()),
            load_per_station: Some(LOAD_PER_STATION),
            last_mile_extra_delay: None,
        },
        notes_of(&[
            (
                "station_deadline",
                "[S] kumparan: distribution complete by H-1, 13 Feb 2024",
            ),
            (
                "hub_deadline",
                "estimate: [S] tribunnews 12 Feb 2024: everything had reached the PPK by 12 Feb",
            ),
            (
                "village_deadline",
                "estimate: PPS holds its materials by the evening of H-1",
            ),
            (
                "handling",
                "estimate: PPK unloads, counts and sorts per PPS",
            ),
            ("last_mile", "estimate: PPS to each TPS"),
            ("load_per_station", "estimate: one load unit = one TPS kit"),
        ]),
    )
}

/// The stationary distribution of a chain (power iteration).
fn stationary(p: &[&[f64]]) -> Vec<f64> {
    let k = p.len();
    let mut pi = vec![1.0 / k as f64; k];
    for _ in 0..5000 {
        pi = (0..k)
            .map(|j| (0..k).fold(0.0, |acc, i| acc + pi[i] * p[i][j]))
            .collect();
    }
    pi
}

fn check_chain(zone: &str, c: &Chain) -> Result<(), String> {
    let cents = |row: &[f64]| -> i64 { row.iter().map(|x| (x * 100.0).round() as i64).sum() };
    if cents(c.initial) != 100
        || c.transition
            .iter()
            .any(|r| cents(r) != 100 || r.len() != c.initial.len())
    {
        return Err(format!(
            "zone {zone}: a row of the chain does not sum to 1.00"
        ));
    }
    Ok(())
}

fn rule(doc: &mut Doc) {
    doc.comment(&"=".repeat(88));
}

fn write_scenario(net: &Net) -> Result<String, String> {
    let wet = net.wet;
    let mut doc = Doc::default();
    let title = if wet {
        "bengkalis-2024-wet: Pemilu 2024 logistics in Kabupaten Bengkalis, rough and wet February"
    } else {
        "bengkalis-2024: Pemilu 2024 logistics in Kabupaten Bengkalis, as planned in February 2024"
    };
    let extra = if wet {
        format!(
            "Same plan, network and fleets as bengkalis-2024.toml; only the weather chains, the road\ndisruption rates (x {WET_DISRUPTION_MULTIPLIER}) and the Air Putih Ro-Ro outage probability differ.\n"
        )
    } else {
        String::new()
    };
    header(&mut doc, title, &extra);

    // [scenario]
    let mut assumptions: Vec<String> = ASSUMPTIONS.iter().map(|a| a.to_string()).collect();
    if wet {
        assumptions.push(format!(
            "Wet variant: rougher and wetter weather chains, road disruption rates x {WET_DISRUPTION_MULTIPLIER}, Air Putih Ro-Ro outage on {}% of days.",
            (WET_OUTAGE_PROBABILITY * 100.0) as u32
        ));
    }
    let meta = Meta {
        name: if wet {
            "bengkalis-2024-wet"
        } else {
            "bengkalis-2024"
        }
        .into(),
        description: Some(if wet {
            format!("{DESCRIPTION}{DESCRIPTION_WET}")
        } else {
            DESCRIPTION.into()
        }),
        start: START.into(),
        horizon_days: Some(HORIZON_DAYS),
        seed: Some(SEED),
        target: Some(TARGET),
        voting_opens: Some(VOTING_OPENS.into()),
        // No language: the run's language comes from `--lang` or the reader's locale.
        language: None,
        basemap: Some(BASEMAP.into()),
        basemap_credit: Some(BASEMAP_CREDIT.into()),
        assumptions,
    };
    doc.raw("[scenario]");
    w::meta_keys(
        &mut doc,
        &meta,
        &notes_of(&[
            (
                "start",
                "estimate: midnight before the first dispatch day (7 Feb)",
            ),
            ("horizon_days", "estimate: to 27 Feb, well past polling day"),
            ("seed", "estimate: fixed default seed"),
            ("target", "estimate: on-time target for charts"),
            ("voting_opens", VOTING_OPENS_SRC),
        ]),
    );
    doc.blank();

    // [defaults]
    doc.raw("[defaults]");
    let (d, dn) = defaults();
    w::defaults_keys(&mut doc, &d, &dn);
    doc.blank();

    // zones
    let february = if wet { "wet" } else { "normal" };
    rule(&mut doc);
    doc.comment(&format!(
        "Weather zones: 6-hour Markov chains. {}.",
        if wet {
            WEATHER_NOTE_WET
        } else {
            WEATHER_NOTE_BASE
        }
    ));
    doc.comment("Stationary shares of each state are in the comment above each zone.");
    rule(&mut doc);
    for zname in ZONES {
        let c = chain(zname, wet);
        check_chain(zname, &c)?;
        let sea = zname != "mainland";
        let state_names: &[&str] = if sea { &SEA_STATES } else { &LAND_STATES };
        let pi = stationary(c.transition);
        let shares: Vec<String> = state_names
            .iter()
            .zip(&pi)
            .map(|(s, p)| format!("{s} {p:.2}"))
            .collect();
        doc.blank();
        doc.comment(&format!(
            "{zname}: stationary {}{}",
            shares.join(", "),
            if follow(zname).is_some() {
                " (own matrix; the follow rule moves it towards the leader)"
            } else {
                ""
            }
        ));
        doc.raw("[[zone]]");
        let mut states = Vec::new();
        let mut state_notes = Vec::new();
        for (i, sn) in state_names.iter().enumerate() {
            if sea {
                let (waves, wsrc) = sea_waves(zname);
                states.push(WeatherState {
                    name: sn.to_string(),
                    wave_m: waves[i],
                    sail_factor: Some(SEA_SAIL_FACTOR[i]),
                    road_factor: None,
                    disruption_factor: None,
                    damage_factor: Some(SEA_DAMAGE_FACTOR[i]),
                });
                state_notes.push(format!(
                    "wave_m {wsrc}; sail_factor and damage_factor estimate"
                ));
            } else {
                states.push(WeatherState {
                    name: sn.to_string(),
                    wave_m: 0.0,
                    sail_factor: Some(LAND_SAIL_FACTOR[i]),
                    road_factor: Some(LAND_ROAD_FACTOR[i]),
                    disruption_factor: Some(LAND_DISRUPTION_FACTOR[i]),
                    damage_factor: Some(LAND_DAMAGE_FACTOR[i]),
                });
                state_notes.push(format!(
                    "estimate: land has no waves; road, disruption, damage and river factors estimate{}",
                    if *sn == "heavy_rain" { " (heavy rain: 4-6 h on the 3-h Rupat road [S djangki 2012])" } else { "" }
                ));
            }
        }
        let zone = Zone {
            name: zname.into(),
            step_h: STEP_H,
            states,
            initial: c.initial.to_vec(),
            transition: c.transition.iter().map(|r| r.to_vec()).collect(),
            follow: follow(zname).map(|p| Follow {
                zone: "bengkalis-strait".into(),
                probability: p,
            }),
        };
        let row_notes: Vec<String> = state_names
            .iter()
            .map(|sn| format!("from {sn}: estimate ({february} February)"))
            .collect();
        w::zone_keys(
            &mut doc,
            &zone,
            &state_notes,
            &row_notes,
            &notes_of(&[
                ("step_h", "estimate: four steps a day"),
                (
                    "initial",
                    &format!("estimate: state on 6 Feb 00:00 ({february} February)"),
                ),
                ("follow", "estimate: storms reach both straits the same day"),
            ]),
        );
    }
    doc.blank();

    // links
    let emit_link = |doc: &mut Doc, l: &LinkSpec| {
        doc.blank();
        if let Some(h) = &l.heading {
            doc.comment(h);
        }
        doc.raw("[[link]]");
        w::link_keys(doc, &l.link, &l.notes);
    };
    rule(&mut doc);
    doc.comment("Trunk links: KPU warehouse to the 11 PPK. Shared by every route that names them.");
    rule(&mut doc);
    for l in &net.links[..net.trunk] {
        emit_link(&mut doc, l);
    }
    doc.blank();
    rule(&mut doc);
    doc.comment("Village links: PPK to PPS, one road link per village (plus boat legs where the brief names them).");
    rule(&mut doc);
    for l in &net.links[net.trunk..] {
        emit_link(&mut doc, l);
    }
    doc.blank();

    // fleets
    rule(&mut doc);
    doc.comment("Fleets (capacity in TPS kits per vehicle trip; count = vehicles per consignment)");
    rule(&mut doc);
    for (f, notes) in fleets() {
        doc.blank();
        doc.raw("[[fleet]]");
        w::fleet_keys(&mut doc, &f, &notes);
    }
    doc.blank();

    // escorts
    rule(&mut doc);
    doc.comment(
        "Police escort pools (Polres for depot -> PPK, one Polsek per kecamatan for PPK -> PPS)",
    );
    rule(&mut doc);
    let polres = polres();
    for (e, notes) in std::iter::once(&polres).chain(net.polsek.iter()) {
        doc.blank();
        doc.raw("[[escort]]");
        w::escort_keys(&mut doc, e, notes);
    }
    doc.blank();

    // nodes
    rule(&mut doc);
    doc.comment("Nodes: the KPU depot, the 11 PPK hubs (named exactly as their kecamatan), the 155 PPS villages");
    rule(&mut doc);
    doc.blank();
    doc.comment("KPU Bengkalis warehouse, Desa Senggoro");
    doc.raw("[[node]]");
    let depot = Node {
        name: DEPOT_NAME.into(),
        kind: Kind::Depot,
        lat: Some(net.depot_pt.0),
        lon: Some(net.depot_pt.1),
        ready: Some(depot_ready()),
        supplier: None,
        route: None,
        fallback: None,
        fallback_if_blocked_h: None,
        fleet: None,
        load: None,
        load_per_station: None,
        planned_dispatch: None,
        handling: Some(depot_handling()),
        deadline: None,
        stations: 0,
        station_deadline: None,
        last_mile: None,
        last_mile_extra_delay: None,
        escort: None,
        reserve_replacement: None,
    };
    w::node_keys(
        &mut doc,
        &depot,
        &notes_of(&[
            (
                "lat",
                "[S] riauaktual 2024/11 (warehouse in Desa Senggoro); HDX-BPS point of Senggoro",
            ),
            ("lon", "[S] riauaktual 2024/11; HDX-BPS point of Senggoro"),
            (
                "ready",
                "estimate: packed 7 Feb 06:00-16:00, most likely 08:00 (hours after start)",
            ),
            ("handling", "estimate: loading the trucks"),
        ]),
    );
    for k in &KECAMATAN {
        let (route, fallback) = net.hub_routes[k.name].clone();
        let (total, tsrc) = &net.tps[k.name];
        doc.blank();
        doc.comment(&format!(
            "PPK {}: {total} TPS ({tsrc}) in {} villages",
            k.name, net.kec_villages[k.name]
        ));
        doc.raw("[[node]]");
        let (lat, lon) = net.hub_pt[k.name];
        let has_fallback = fallback.is_some();
        let hub = Node {
            name: k.name.into(),
            kind: Kind::Hub,
            lat: Some(lat),
            lon: Some(lon),
            ready: None,
            supplier: Some(DEPOT_NAME.into()),
            route: Some(route),
            fallback,
            fallback_if_blocked_h: has_fallback.then_some(6.0),
            fleet: Some(
                if k.name == "Rupat Utara" {
                    "Colt Diesel"
                } else {
                    "Truck"
                }
                .into(),
            ),
            load: None,
            load_per_station: None,
            planned_dispatch: Some(k.dispatch.0.into()),
            handling: None,
            deadline: None,
            stations: 0,
            station_deadline: None,
            last_mile: None,
            last_mile_extra_delay: None,
            escort: Some(POLRES.into()),
            reserve_replacement: None,
        };
        w::node_keys(
            &mut doc,
            &hub,
            &notes_of(&[
                ("lat", k.cap_src),
                ("lon", k.cap_src),
                (
                    "fallback_if_blocked_h",
                    "estimate: a block with more than 6 h left at dispatch sends the speedboat",
                ),
                ("planned_dispatch", k.dispatch.1),
            ]),
        );
    }
    for v in &net.villages {
        doc.blank();
        doc.raw("[[node]]");
        w::node_keys(&mut doc, &v.node, &v.notes);
    }
    doc.finish()
}

// =============================================================================================
// 8. Mitigation strategies (compared with bengkalis-2024 under common random numbers)
// =============================================================================================

/// A change of one key: `"<table>.<name>.<key>..." = value  # source`.
type Set = (String, Val, Option<String>);

fn set(path: &str, v: Val, src: Option<&str>) -> Set {
    (path.to_string(), v, src.map(String::from))
}

/// A `[[strategy]]` table; costs are estimates in rupiah (no published price was found).
fn strategy(
    doc: &mut Doc,
    name: &str,
    description: &str,
    cost: (f64, &str),
    include: &[&str],
    sets: &[Set],
    add_links: &[(Link, Notes)],
) {
    doc.raw("[[strategy]]");
    doc.kv("name", s(name), None);
    doc.kv("description", s(description), None);
    doc.kv("cost_idr", n(cost.0), Some(cost.1));
    doc.kv("cost_source", s(cost.1), None);
    if !include.is_empty() {
        doc.kv(
            "include",
            Val::Arr(include.iter().map(|x| s(x)).collect()),
            None,
        );
    }
    if !sets.is_empty() {
        doc.raw("[strategy.set]");
        for (path, v, src) in sets {
            doc.kv(path, v.clone(), src.as_deref());
        }
    }
    for (l, notes) in add_links {
        doc.blank();
        doc.raw("[[strategy.add_link]]");
        w::link_keys(doc, l, notes);
    }
    doc.blank();
}

const COST_EARLIER: (f64, &str) = (
    25_000_000.0,
    "estimate: one extra day of packing overtime (~40 workers) plus truck hire and escort standby for the Rupat convoys",
);
const COST_BACKUP: (f64, &str) = (
    150_000_000.0,
    "estimate: landing craft on standby at Air Putih ~Rp 20 million/day x 7 days plus mobilisation",
);
const COST_PREPOSITION: (f64, &str) = (
    40_000_000.0,
    "estimate: Rp 25 million for the earlier Rupat dispatch (included strategy) plus Rp 15 million for storage and guarding at PPK Rupat and a standby boat",
);
const COST_ROADS: (f64, &str) = (
    120_000_000.0,
    "estimate: two excavators on standby x 7 days (~Rp 5 million/day each) plus traffic-police road clearing",
);
const COST_BOATS: (f64, &str) = (
    30_000_000.0,
    "estimate: two chartered ~10 GT motor boats for 3 days",
);

const COST_PPS_EARLIER: (f64, &str) = (
    38_000_000.0,
    "estimate: one extra night of guarding and storage at each of the 19 PPS (~Rp 2 million each: Linmas/Babinsa allowances, tarpaulins, rent of a dry room)",
);
const COST_BOAT_VILLAGES_EARLIER: (f64, &str) = (
    6_000_000.0,
    "estimate: one extra night of guarding and storage at two PPS (~Rp 2 million each) plus a boat on standby for a day (~Rp 2 million)",
);
/// The PPK -> PPS dispatch a day earlier than `VILLAGE_DISPATCH`.
const VILLAGE_DISPATCH_EARLIER: &str = "2024-02-11T08:00:00+07:00";
const VILLAGE_DISPATCH_EARLIER_SRC: &str =
    "estimate: one day before the planned 12 Feb PPK -> PPS dispatch";

const S_EARLY: &str = "Rupat one day earlier";
const S_BACKUP: &str = "Backup vessel at Air Putih";
const S_PRE: &str = "Rupat Utara via Batu Panjang";
const S_ROADS: &str = "Road escort and clearing";
const S_BOATS: &str = "Larger village boats";

/// Rupiah with dots every three digits: `25.000.000`.
fn rupiah(x: f64) -> String {
    let digits = (x as u64).to_string();
    let mut o = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            o.push('.');
        }
        o.push(c);
    }
    o
}

fn mitigations(net: &Net) -> Result<String, String> {
    let mut doc = Doc::default();
    header(
        &mut doc,
        "bengkalis-2024-mitigations: mitigation strategies for the bengkalis-2024 plan",
        "Builds on bengkalis-2024.toml (extends): only [scenario] and [[strategy]] tables here.\nCosts are estimates in rupiah (no published price was found); cost_idr of a strategy that\nincludes others is the full cost of the package, not an increment.\n",
    );
    doc.kv("extends", s("bengkalis-2024.toml"), None);
    doc.blank();
    doc.raw("[scenario]");
    doc.kv("name", s("bengkalis-2024-mitigations"), None);
    doc.kv("description", s("Mitigation strategies for the February 2024 Bengkalis plan: earlier dispatch to Rupat, a standby vessel at Air Putih, pre-positioning Rupat Utara's materials at Batu Panjang, escorted road clearing on flood-prone mainland roads, larger boats for the boat-only villages, a combined package, and the PPK to PPS dispatch a day earlier in Pinggir and Talang Muandau and for the two boat villages; each is compared with bengkalis-2024 under common random numbers."), None);
    doc.kv(
        "start",
        s(START),
        Some("estimate: same start as the base scenario"),
    );
    doc.blank();

    let early = "2024-02-06T08:00:00+07:00";
    strategy(
        &mut doc,
        S_EARLY,
        "Rupat and Rupat Utara leave the KPU warehouse on 6 Feb instead of 7 Feb. Their kits are packed first, modelled as the warehouse ready time moved 24 h earlier; this also lets Pinggir and Talang Muandau leave exactly at their planned 7 Feb 08:00.",
        COST_EARLIER,
        &[],
        &[
            set(
                &format!("node.{DEPOT_NAME}.ready"),
                w::dist_val(&tri_u(6.0, 8.0, 16.0, "h")),
                Some("estimate: the base ready time (7 Feb 06:00-16:00) moved 24 h earlier"),
            ),
            set(
                "node.Rupat.planned_dispatch",
                s(early),
                Some("estimate: one day before the 7 Feb start [S riauantara]"),
            ),
            set(
                "node.Rupat Utara.planned_dispatch",
                s(early),
                Some("estimate: one day before the 7 Feb start [S riauantara]"),
            ),
        ],
        &[],
    );

    strategy(
        &mut doc,
        S_BACKUP,
        "A chartered landing craft stands by at Air Putih, so a Ro-Ro docked for repair no longer cancels half of the crossings (outage cancel_fraction 0).",
        COST_BACKUP,
        &[],
        &[set(
            "link.Ro-Ro Air Putih - Sungai Selari.vessel.outage.cancel_fraction",
            n(0.0),
            Some("estimate: the standby vessel replaces the docked ship"),
        )],
        &[],
    );

    let mut boat = bare_link(
        "Batu Panjang - Tanjung Medang chartered boat",
        Mode::Sea,
        "north-strait",
    );
    boat.duration = Some(tri(2.0, 2.5, 3.5));
    boat.window = Some(daylight());
    boat.vessel = Some(Vessel {
        wave_limit_m: 1.5,
        delay: Some(tri(0.0, 0.5, 2.0)),
        cancel_probability: Some(0.05),
        outage: None,
    });
    boat.damage_probability = Some(0.08);
    let boat_notes = notes_of(&[
        (
            "duration",
            "estimate: similar to the Dumai speedboat (~2.5 h [S untukilihat 2012])",
        ),
        ("window", "estimate: daylight only"),
        (
            "vessel",
            "estimate: motor boat limit 1.5 m (BMKG barge 1.5 m [S babeindonesia]); delay and cancel estimate",
        ),
        ("damage_probability", "estimate: spray, as the speedboat"),
    ]);
    let boat_name = boat.name.clone();
    strategy(
        &mut doc,
        S_PRE,
        "Rupat Utara's kits travel with the Rupat convoy a day early (6 Feb, includes 'Rupat one day earlier') and wait at PPK Rupat in Batu Panjang; from there Colt Diesel trucks take the inland road to Tanjung Medang on the morning of 7 Feb under a Polsek Rupat escort, with a boat chartered at Batu Panjang as the fallback when the road is blocked. The two Ro-Ro crossings are done a day earlier and a damaged box is replaced from Batu Panjang, not from Bengkalis.",
        COST_PREPOSITION,
        &[S_EARLY],
        &[
            set("node.Rupat Utara.supplier", s("Rupat"), None),
            set(
                "node.Rupat Utara.route",
                Val::Arr(vec![s("Batu Panjang - Tanjung Medang")]),
                None,
            ),
            set(
                "node.Rupat Utara.fallback",
                Val::Arr(vec![s(&boat_name)]),
                None,
            ),
            set(
                "node.Rupat Utara.planned_dispatch",
                s("2024-02-07T07:00:00+07:00"),
                Some("estimate: first daylight after the kits reach Batu Panjang"),
            ),
            set("node.Rupat Utara.escort", s("Polsek Rupat"), None),
        ],
        &[(boat, boat_notes)],
    );

    // Road clearing: flood-prone mainland trunk roads and flood-prone feeder roads (a block
    // of up to 48 h or more).
    let trunk_targets = [
        "Sungai Pakning - Dumai",
        "Sungai Pakning - Parit I Api Api",
        "Sungai Pakning - Lubuk Muda",
        "Dumai - Sebanga",
        "Sebanga - Duri",
        "Duri - Pinggir",
        "Pinggir - Beringin",
    ];
    let flood_feeders = net.links[net.trunk..].iter().filter(|l| {
        l.link.mode == Mode::Road
            && matches!(&l.link.disruption, Some(Disruption { duration: Dist::Triangular { max, .. }, .. }) if *max >= 48.0)
    });
    let mut sets = Vec::new();
    for l in trunk_targets
        .iter()
        .map(|t| net.link(t))
        .chain(flood_feeders.map(|l| &l.link))
    {
        let d = l.disruption.as_ref().expect("a disrupted road");
        let Dist::Triangular { min, mode, max, .. } = d.duration else {
            return Err(format!("{}: block duration is not triangular", l.name));
        };
        let cleared = Disruption {
            rate_per_day: d.rate_per_day,
            duration: tri(
                round(min / 2.0, 2),
                round(mode / 2.0, 2),
                round(max / 2.0, 2),
            ),
            detour: Some(d.detour.clone().unwrap_or_else(|| tri(1.0, 3.0, 6.0))),
        };
        sets.push(set(
            &format!("link.{}.disruption", l.name),
            w::disruption_val(&cleared),
            Some("estimate: same flood rate; police and excavators halve the block; escorted detour on plantation tracks (1-6 h) where none existed"),
        ));
    }
    strategy(
        &mut doc,
        S_ROADS,
        "Police escorts with excavators on standby and traffic-police road clearing on the flood-prone mainland roads (the Pakning - Dumai - Duri trunk, Jalan Lintas Duri - Pekanbaru, the plantation road to Talang Muandau and the flood-prone feeder roads of Pinggir, Talang Muandau, Petani and Tasik Serai Timur): blocks last half as long and an escorted detour exists everywhere.",
        COST_ROADS,
        &[],
        &sets,
        &[],
    );

    strategy(
        &mut doc,
        S_BOATS,
        "Chartered ~10 GT motor boats with a 2.0 m wave limit replace the hired local boat to Hutan Samak (Titi Akar) and the sampan across Selat Morong (Dungun Baru).",
        COST_BOATS,
        &[],
        &[
            set(
                "link.Titi Akar - Hutan Samak local boat.vessel.wave_limit_m",
                n(2.0),
                Some("estimate: ~10 GT motor boat, between BMKG barge 1.5 m and ferry 2.5 m"),
            ),
            set(
                "link.Selat Morong sampan.vessel.wave_limit_m",
                n(2.0),
                Some("estimate: ~10 GT motor boat"),
            ),
        ],
        &[],
    );

    let total = COST_EARLIER.0 + COST_ROADS.0 + COST_BOATS.0;
    let src = format!(
        "estimate: sum of the included strategies (Rp {} + {} + {})",
        rupiah(COST_EARLIER.0),
        rupiah(COST_ROADS.0),
        rupiah(COST_BOATS.0)
    );
    strategy(
        &mut doc,
        "Combined package",
        "The earlier dispatch to Rupat and Rupat Utara, escorted road clearing on the flood-prone mainland roads and larger boats for the boat-only villages. Left out: the Air Putih standby vessel (with days of slack before the PPK deadline a docked Ro-Ro costs hours, not the deadline, and it is the most expensive item) and pre-positioning at Batu Panjang (it adds little over the earlier dispatch, and it puts PPK Rupat Utara under PPK Rupat). Chosen from trial runs of the base and wet scenarios; re-check against the strategy results.",
        (total, &src),
        &[S_EARLY, S_ROADS, S_BOATS],
        &[],
        &[],
    );

    // The PPS dispatch a day earlier: every village of the two kecamatan below target, and the
    // villages whose consignment needs a boat (found from their routes, not listed by hand).
    let earlier = |v: &VillageSpec| {
        set(
            &format!("node.{}.planned_dispatch", v.node.name),
            s(VILLAGE_DISPATCH_EARLIER),
            Some(VILLAGE_DISPATCH_EARLIER_SRC),
        )
    };
    let mainland: Vec<Set> = net
        .villages
        .iter()
        .filter(|v| matches!(v.kec, "Pinggir" | "Talang Muandau"))
        .map(earlier)
        .collect();
    if mainland.len() != 19 {
        return Err(format!(
            "expected the 19 PPS of Pinggir and Talang Muandau, found {}",
            mainland.len()
        ));
    }
    strategy(
        &mut doc,
        "PPS a day earlier in Pinggir and Talang Muandau",
        "The PPK of Pinggir and Talang Muandau send every village its materials on 11 Feb instead of 12 Feb, so a flooded plantation road on 12-13 Feb costs slack, not the H-1 deadline. The PPS keeps the sealed boxes two nights instead of one, guarded by Linmas and Babinsa.",
        COST_PPS_EARLIER,
        &[],
        &mainland,
        &[],
    );
    let by_boat = |v: &&VillageSpec| {
        v.node.route.iter().flatten().any(|l| {
            net.index.get(l).is_some_and(|&i| {
                net.links[i].link.vessel.is_some() && net.links[i].link.timetable.is_none()
            })
        })
    };
    let boats: Vec<Set> = net.villages.iter().filter(by_boat).map(earlier).collect();
    if boats.len() != 2 {
        return Err(format!(
            "expected the two boat villages, found {}",
            boats.len()
        ));
    }
    strategy(
        &mut doc,
        "Boat villages a day earlier",
        "The two PPS whose consignment needs a small boat (Titi Akar for Dusun Hutan Samak, Dungun Baru across Selat Morong) receive their materials on 11 Feb instead of 12 Feb, so a rough sea on 12-13 Feb can be waited out before H-1.",
        COST_BOAT_VILLAGES_EARLIER,
        &[],
        &boats,
        &[],
    );
    doc.finish()
}

// =============================================================================================
// 9. Entry point
// =============================================================================================

/// The three scenario files (name, text) generated from the repository at `root`.
pub fn generate(root: &Path) -> Result<Vec<(&'static str, String)>, String> {
    let rows = read_villages(&root.join(VILLAGES_CSV))?;
    let base = build(&rows, false)?;
    let wet = build(&rows, true)?;
    Ok(vec![
        (FILES[0], write_scenario(&base)?),
        (FILES[1], write_scenario(&wet)?),
        (FILES[2], mitigations(&base)?),
    ])
}
