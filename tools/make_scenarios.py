#!/usr/bin/env python3
"""Generate the Bengkalis 2024 scenario files for tepat.

    python3 tools/make_scenarios.py [VILLAGES_CSV] [--out scenarios] [--quiet]

Reads the 155 desa/kelurahan of Kabupaten Bengkalis (default
../shared/data/bengkalis-villages.csv, relative to the repository root, derived from
the HDX-BPS 2020 boundaries) and writes:

    scenarios/bengkalis-2024.toml              the distribution as planned in February 2024
    scenarios/bengkalis-2024-wet.toml          the same plan in a rougher, wetter February
    scenarios/bengkalis-2024-mitigations.toml  strategies compared with bengkalis-2024

Python 3.11+ standard library only. Every hand-chosen figure is a constant below, with its
source: "[S] <source>" when a published source states it (the sources are those collected in
/work/shared/domain/bengkalis.md), "estimate" otherwise. The generated TOML carries the same
comment on every line that holds a number, and the script refuses to write a numeric line
without one. After writing, it re-reads each file with tomllib and checks it against the
scenario format of src/scenario/types.rs (key names, references, matrix rows, TPS totals).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import tomllib
from collections import OrderedDict
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

# =============================================================================================
# 1. Scenario frame
# =============================================================================================

WIB = timezone(timedelta(hours=7))
START = datetime(2024, 2, 6, 0, 0, tzinfo=WIB)  # estimate: a day before the first dispatch (7 Feb)
HORIZON_DAYS = 21  # estimate: covers 6-27 Feb, far beyond polling day (14 Feb)
SEED = 2024  # estimate: any fixed seed
TARGET = 0.95  # estimate: on-time target drawn on charts
BASEMAP = "../../shared/data/bengkalis-kecamatan.geojson"  # relative to scenarios/
BASEMAP_CREDIT = "Boundaries: BPS / OCHA HDX COD-AB (CC BY-IGO)"

# Deadlines.
STATION_DEADLINE = "2024-02-13T23:59:00+07:00"  # [S] kumparan: distribution complete by H-1 (13 Feb 2024)
HUB_DEADLINE = "2024-02-12T23:59:00+07:00"  # estimate: [S] tribunnews 12 Feb 2024: by 12 Feb everything had reached the PPK
VILLAGE_DEADLINE = "2024-02-13T18:00:00+07:00"  # estimate: PPS holds its materials by the evening of H-1

# =============================================================================================
# 2. Kecamatan: TPS, capitals, dispatch plan
# =============================================================================================

# 2018 Pilgub TPS per kecamatan [S] riaulantang.com (brief table).
TPS_2018 = {
    "Bengkalis": 161, "Bantan": 94, "Bukit Batu": 41, "Bandar Laksamana": 25, "Siak Kecil": 45,
    "Mandau": 326, "Bathin Solapan": 178, "Pinggir": 150, "Talang Muandau": 48, "Rupat": 78,
    "Rupat Utara": 32,
}
# 2024 Pemilu TPS where a source states it.
TPS_2024_SOURCED = {
    "Bengkalis": (250, "[S] okezone 2024/02/13 (2969509)"),
    "Rupat": (107, "[S] riauantara.co 2024/02"),
    "Rupat Utara": (53, "[S] riauantara.co 2024/02"),
    "Talang Muandau": (87, "[S] riauantara.co 2024/02"),
    "Pinggir": (209, "[S] riauantara.co 2024/02"),
}
# The other six: 2018 TPS x (sum of sourced 2024 TPS / their 2018 TPS) = x 1.505 (the brief's
# factor, 706 / 469 rounded to 3 decimals), rounded to whole TPS. Total 1,774 as in the brief.


def tps_2024() -> dict[str, tuple[int, str]]:
    s24 = sum(v for v, _ in TPS_2024_SOURCED.values())
    s18 = sum(TPS_2018[k] for k in TPS_2024_SOURCED)
    factor = round(s24 / s18, 3)  # 706 / 469 = 1.505, as in the brief
    out = {}
    for k, t18 in TPS_2018.items():
        if k in TPS_2024_SOURCED:
            out[k] = TPS_2024_SOURCED[k]
        else:
            out[k] = (round(t18 * factor),
                      f"estimate: 2018 TPS {t18} [S riaulantang] x {factor:.3f} (2024/2018 ratio of the five sourced kecamatan)")
    return out


# Kecamatan in the order used in the files; the hub (PPK) node is named exactly as the kecamatan.
# capital: the CSV village whose representative point places the hub; cap_src: how we know.
KECAMATAN = OrderedDict([
    ("Bengkalis", dict(capital="Bengkalis Kota", land="island",
                       cap_src="[S] wiki: Bengkalis town is the regency seat; point of Kel. Bengkalis Kota (HDX-BPS)")),
    ("Bantan", dict(capital="Selat Baru", land="island",
                    cap_src="[S] scribd 374281861 / okezone 2967380: capital Selat Baru; HDX-BPS village point")),
    ("Bukit Batu", dict(capital="Sungai Pakning", land="mainland",
                        cap_src="[S] scribd 374281861: capital Sungai Pakning; HDX-BPS village point")),
    ("Bandar Laksamana", dict(capital="Parit I Api Api", land="mainland",
                              cap_src="estimate: capital unverified (Parit I-II Api Api area per brief); HDX-BPS village point")),
    ("Siak Kecil", dict(capital="Lubuk Muda", land="mainland",
                        cap_src="estimate: capital Lubuk Muda unverified (brief, from memory); HDX-BPS village point")),
    ("Mandau", dict(capital="Air Jamban", land="mainland",
                    cap_src="[S] scribd 374281861: Duri (Kel. Air Jamban); HDX-BPS village point")),
    ("Bathin Solapan", dict(capital="Sebangar", land="mainland",
                            cap_src="estimate: capital unverified (Sebanga? per brief; the brief's 1.25,101.28 falls in Mandau); HDX-BPS village point")),
    ("Pinggir", dict(capital="Pinggir", land="mainland",
                     cap_src="estimate: capital Pinggir unverified (brief); HDX-BPS point of Desa Pinggir")),
    ("Talang Muandau", dict(capital="Beringin", land="mainland",
                            cap_src="estimate: capital unverified (Beringin? per brief); HDX-BPS village point")),
    ("Rupat", dict(capital="Batu Panjang", land="rupat",
                   cap_src="[S] kabarpenumpang.com: capital Batu Panjang; HDX-BPS village point")),
    ("Rupat Utara", dict(capital="Tanjung Medang", land="rupat",
                         cap_src="[S] untukilihat.blogspot.com 2012: capital Tanjung Medang; HDX-BPS village point")),
])

DEPOT_NAME = "KPU Bengkalis"
DEPOT_VILLAGE = "Senggoro"  # [S] riauaktual 2024/11: the KPU warehouse is in Desa Senggoro

# Depot: materials packed and loaded.
DEPOT_READY = ("triangular", 30, 32, 40, "h")  # estimate: packed 7 Feb 06:00-16:00, most likely 08:00 (far kecamatan leave 7 Feb [S riauantara])
DEPOT_HANDLING = ("triangular", 1, 2, 4, "h")  # estimate: loading the trucks at the warehouse
HUB_HANDLING = ("triangular", 2, 4, 8, "h")  # estimate: PPK unloads, counts and sorts per PPS
LAST_MILE = ("triangular", 0.5, 1, 3, "h")  # estimate: PPS to each TPS
LAST_MILE_REMOTE = ("triangular", 0.5, 1.5, 4, "h")  # estimate: scattered dusun on dirt roads (Rupat, Rupat Utara, Talang Muandau)
REMOTE_LAST_MILE_KEC = {"Rupat", "Rupat Utara", "Talang Muandau"}
LOAD_PER_STATION = 1  # estimate: one load unit = one TPS kit (5 boxes, 4 booths, ballots, forms, ink)

# Depot -> PPK planned dispatch: (datetime, source comment)
FAR_DISPATCH = "2024-02-07T08:00:00+07:00"
FAR_SRC = "[S] riauantara.co 2024/02: far kecamatan from 7 Feb (brought forward for rain); hour estimate"
HUB_DISPATCH = {
    "Rupat": (FAR_DISPATCH, FAR_SRC),
    "Rupat Utara": (FAR_DISPATCH, FAR_SRC),
    "Talang Muandau": (FAR_DISPATCH, FAR_SRC),
    "Pinggir": (FAR_DISPATCH, FAR_SRC),
    "Mandau": ("2024-02-09T08:00:00+07:00", "estimate: mid-distance after the far ones (2019: Mandau H-3 [S riauonline])"),
    "Bathin Solapan": ("2024-02-09T08:00:00+07:00", "estimate: mid-distance after the far ones (2019: Bathin Solapan H-3 [S riauonline])"),
    "Siak Kecil": ("2024-02-10T08:00:00+07:00", "estimate: near mainland kecamatan, after the far ones (2019/2020 pattern [S riau24, riau1])"),
    "Bandar Laksamana": ("2024-02-10T08:00:00+07:00", "estimate: near mainland kecamatan, after the far ones (2019/2020 pattern [S riau24, riau1])"),
    "Bukit Batu": ("2024-02-10T08:00:00+07:00", "estimate: near mainland kecamatan, after the far ones (2019/2020 pattern [S riau24, riau1])"),
    "Bantan": ("2024-02-11T08:00:00+07:00", "estimate: island kecamatan last but one; all at PPK by 12 Feb [S tribunnews]"),
    "Bengkalis": ("2024-02-12T08:00:00+07:00", "estimate: town kecamatan last; all at PPK by 12 Feb [S tribunnews]"),
}
# PPK -> PPS planned dispatch.
VILLAGE_DISPATCH = "2024-02-12T08:00:00+07:00"
VILLAGE_DISPATCH_SRC = "estimate: [S] tribunnews 12 Feb 2024: PPK handing materials on to the PPS"
VILLAGE_DISPATCH_BY_KEC = {
    "Bengkalis": ("2024-02-13T07:00:00+07:00", "[S] okezone 2969509: Kecamatan Bengkalis PPK -> PPS on 13 Feb; hour estimate"),
}

# =============================================================================================
# 3. Weather zones (6-hour steps anchored at scenario start, 00:00 WIB)
# =============================================================================================

STEP_H = 6  # estimate: four steps a day (night, morning, afternoon, evening)
SEA_STATE_NAMES = ["calm", "moderate", "rough", "very_rough"]
# wave_m by zone and state.
SEA_WAVES = {
    # Bengkalis and Dumai waters: average 0.5-0.75 m, 1.5-2 m in bad weather [S riau.antaranews 24917]
    "bengkalis-strait": ([0.5, 0.75, 1.5, 2.0], "[S] riau.antaranews 24917: Bengkalis waters 0.5-0.75 m, 1.5-2 m in bad weather"),
    "rupat-strait": ([0.5, 0.75, 1.5, 2.0], "[S] riau.antaranews 24917: Dumai waters 0.5-0.75 m, 1.5-2 m in bad weather"),
    # Open strait north of Rupat: Malacca Strait 0.5-1 m normally; northern strait warning 1.25-2.5 m
    "north-strait": ([0.5, 1.0, 1.75, 2.5], "[S] riau.antaranews 24917 (0.5-1 m normal) and Tempo 29 Jan 2024 warning (1.25-2.5 m)"),
}
SEA_SAIL_FACTOR = [1.0, 1.1, 1.25, 1.5]  # estimate: slower sailing in a head sea
SEA_DAMAGE_FACTOR = [1.0, 1.5, 3.0, 5.0]  # estimate: spray and rain raise box damage
LAND_STATE_NAMES = ["dry", "rain", "heavy_rain"]
LAND_ROAD_FACTOR = [1.0, 1.15, 1.4]  # estimate: wet roads; 1.4 turns the 3-h Rupat road into ~4.2 h (4-6 h muddy [S djangki 2012])
LAND_DISRUPTION_FACTOR = [1.0, 2.0, 5.0]  # estimate: heavy rain multiplies flood blocks (845 flood-prone TPS in Riau, 7 Feb 2024 [S riau.suara])
LAND_DAMAGE_FACTOR = [1.0, 2.0, 4.0]  # estimate: humidity damage in rain (2024 box damage [S tribunpekanbaru])
LAND_SAIL_FACTOR = [1.0, 1.0, 1.2]  # estimate: river current in floods (river links)

# Markov chains. Rows: from-state; columns: to-state. Written with two decimals summing to 1.
WEATHER = {
    "base": {
        "note": "February north-east monsoon easing (drier Feb-Aug [S id.wikipedia copy]); estimate",
        "bengkalis-strait": dict(
            initial=["0.55", "0.30", "0.12", "0.03"],
            transition=[["0.88", "0.10", "0.02", "0.00"],
                        ["0.25", "0.62", "0.11", "0.02"],
                        ["0.05", "0.35", "0.50", "0.10"],
                        ["0.00", "0.15", "0.40", "0.45"]]),
        "rupat-strait": dict(
            initial=["0.55", "0.30", "0.12", "0.03"],
            transition=[["0.88", "0.10", "0.02", "0.00"],
                        ["0.25", "0.62", "0.11", "0.02"],
                        ["0.05", "0.35", "0.50", "0.10"],
                        ["0.00", "0.15", "0.40", "0.45"]]),
        "north-strait": dict(
            initial=["0.45", "0.33", "0.17", "0.05"],
            transition=[["0.82", "0.14", "0.04", "0.00"],
                        ["0.20", "0.60", "0.16", "0.04"],
                        ["0.05", "0.30", "0.53", "0.12"],
                        ["0.00", "0.10", "0.40", "0.50"]]),
        "mainland": dict(
            initial=["0.60", "0.30", "0.10"],
            transition=[["0.80", "0.17", "0.03"],
                        ["0.35", "0.55", "0.10"],
                        ["0.15", "0.45", "0.40"]]),
    },
    "wet": {
        "note": "rough, wet February like the BMKG warning of 29 Jan 2024 (northern strait 1.25-2.5 m [S Tempo]) with heavy mainland rain (Jan 2024 floods [S inews, riaupos]); estimate",
        "bengkalis-strait": dict(
            initial=["0.25", "0.35", "0.28", "0.12"],
            transition=[["0.78", "0.17", "0.05", "0.00"],
                        ["0.15", "0.62", "0.19", "0.04"],
                        ["0.03", "0.27", "0.55", "0.15"],
                        ["0.00", "0.10", "0.35", "0.55"]]),
        "rupat-strait": dict(
            initial=["0.25", "0.35", "0.28", "0.12"],
            transition=[["0.78", "0.17", "0.05", "0.00"],
                        ["0.15", "0.62", "0.19", "0.04"],
                        ["0.03", "0.27", "0.55", "0.15"],
                        ["0.00", "0.10", "0.35", "0.55"]]),
        "north-strait": dict(
            initial=["0.15", "0.33", "0.33", "0.19"],
            transition=[["0.70", "0.22", "0.07", "0.01"],
                        ["0.10", "0.60", "0.24", "0.06"],
                        ["0.02", "0.25", "0.55", "0.18"],
                        ["0.00", "0.08", "0.32", "0.60"]]),
        "mainland": dict(
            initial=["0.30", "0.40", "0.30"],
            transition=[["0.60", "0.30", "0.10"],
                        ["0.20", "0.55", "0.25"],
                        ["0.10", "0.35", "0.55"]]),
    },
}
# Sea zones move together: each step the follower copies the Bengkalis strait's state with
# this probability, else moves by its own matrix.
FOLLOW = {
    "rupat-strait": 0.8,  # estimate: sheltered strait ~50 km from the Bengkalis strait, same monsoon
    "north-strait": 0.6,  # estimate: open strait, same monsoon but more exposed
}

# Wet scenario: extra factors on top of the wetter chains.
WET_DISRUPTION_MULTIPLIER = 1.5  # estimate: higher flood rates on every road
WET_OUTAGE_PROBABILITY = 0.25  # estimate: Ro-Ro service cut to 2 ships or less more often in bad weather [S indovizka]

# =============================================================================================
# 4. Distributions: small helpers (values in the unit given)
# =============================================================================================


def tri(a, m, b, unit=None):
    d = OrderedDict(dist="triangular", min=a, mode=m, max=b)
    if unit:
        d["unit"] = unit
    return d


def from_tuple(t):
    fam, a, m, b, unit = t
    assert fam == "triangular"
    return tri(a, m, b, unit)


# Road speeds (km/h, trucks and pickups).
SPEED_TRUNK = tri(35, 45, 55)  # estimate: two-lane provincial road, loaded trucks in convoy
SPEED_TOWN = tri(15, 25, 35)  # estimate: town streets (Bengkalis, Duri, Dumai)
SPEED_ISLAND = tri(20, 30, 40)  # estimate: paved island village roads
SPEED_MAINLAND_PAVED = tri(25, 35, 45)  # estimate: paved mainland village roads
SPEED_DIRT = tri(10, 20, 30)  # estimate: plantation / dirt roads (village area >= 100 km2, Rupat, Talang Muandau)
SPEED_PLANTATION_TRUNK = tri(15, 25, 35)  # estimate: company plantation road to Talang Muandau

ROAD_FACTOR = 1.4  # estimate: road distance = 1.4 x straight-line distance
MIN_VILLAGE_KM = 2.0  # estimate: PPK to a PPS in the same village
DIRT_AREA_KM2 = 100  # estimate: villages this large are plantation/forest with dirt roads
DETOUR_AREA_KM2 = 20  # estimate: villages this small sit in a dense road grid (detours exist)

# Disruptions (events per day in the driest state; the rain state multiplies the rate).
# [S] brief: flood closures on mainland feeder roads P ~ 0.05-0.15 per road-day in early Feb;
# with the base mainland chain the mean rain multiplier is ~1.8, so 0.05 -> ~0.09 and 0.08 -> ~0.14.
DISR_MAINLAND = dict(rate=0.05, duration=tri(3, 8, 24), detour=tri(0.25, 0.5, 1.5))
DISR_FLOOD = dict(rate=0.08, duration=tri(6, 18, 48), detour=None)
DISR_ISLAND = dict(rate=0.02, duration=tri(1, 3, 8), detour=tri(0.25, 0.5, 1))
DISR_RUPAT = dict(rate=0.05, duration=tri(3, 8, 24), detour=tri(0.5, 1, 2))

# Flood-prone villages beyond whole kecamatan: name -> source.
FLOOD_PRONE_KEC = {
    "Pinggir": "[S] inews 395011: floods in Pinggir mid-Jan 2024",
    "Talang Muandau": "[S] inews 395011: floods in Talang Muandau mid-Jan 2024",
}
FLOOD_PRONE_VILLAGES = {
    ("Bathin Solapan", "Petani"): "[S] riaupos 08/01/2024: Jl. Rangau Km 23, Desa Petani, 40 cm of water",
    ("Talang Muandau", "Tasik Serai Timur"): "[S] riaupos 2013: company dirt roads flood waist-deep",
}

# Damage probability per consignment per link (before the weather factor).
DAMAGE_ROAD_VILLAGE = 0.005  # estimate: short village leg
DAMAGE_BOAT_VILLAGE = 0.03  # estimate: open boat, spray

# =============================================================================================
# 5. Fleets and escorts
# =============================================================================================

FLEETS = [
    dict(name="Truck", capacity=55, count=10, return_time=None,
         src_capacity="estimate: 2019 Mandau ~500 TPS went in 9 trucks, Bathin Solapan ~270 in 5 [S riauonline 2019/04/14]",
         src_count="estimate: enough trucks for one round to every PPK (2019: 9 to Mandau [S riauonline])"),
    dict(name="Colt Diesel", capacity=11, count=5, return_time=None,
         src_capacity="[S] riau24 1555210188: 2019 Rupat Utara got 3 Colt Diesel for 32 TPS (~11 TPS each)",
         src_count="estimate: 53 TPS / 11 per truck -> 5 trucks, one round"),
    dict(name="PPS pickup", capacity=10, count=3, return_time=None,
         src_capacity="estimate: pickup or small truck carries ~10 folded TPS kits",
         src_count="estimate: vehicles a PPS can hire"),
    dict(name="PPS boat", capacity=5, count=2, return_time=tri(1, 2, 4),
         src_capacity="estimate: local boat or sampan carries ~5 TPS kits",
         src_count="estimate: boats a PPS can hire",
         src_return="estimate: back across and reload"),
]

POLRES = dict(name="Polres Bengkalis", teams=4, return_time=tri(2, 6, 12),
              src_teams="estimate: escort teams for the depot -> PPK convoys (one per far kecamatan on 7 Feb)",
              src_return="estimate: the team drives back to Bengkalis")

# =============================================================================================
# 6. Geometry
# =============================================================================================


def km_between(a, b):
    """Great-circle distance in km between (lat, lon) points."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# =============================================================================================
# 7. TOML writer that insists on a source comment for every number
# =============================================================================================

BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def tkey(k: str) -> str:
    return k if BARE_KEY.match(k) else json.dumps(k, ensure_ascii=False)


def fnum(x) -> str:
    if isinstance(x, Decimal):
        return str(x)
    if isinstance(x, int):
        return f"{x:_}" if abs(x) >= 100_000 else str(x)
    r = round(float(x), 4)
    if r == int(r) and abs(r) < 1e9:
        return str(int(r)) if isinstance(x, int) else f"{r:.1f}"
    return repr(r)


def tval(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float, Decimal)):
        return fnum(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(tval(x) for x in v) + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        return "{ " + ", ".join(f"{tkey(k)} = {tval(x)}" for k, x in v.items() if x is not None) + " }"
    raise TypeError(type(v))


def has_number(v) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float, Decimal)):
        return True
    if isinstance(v, (list, tuple)):
        return any(has_number(x) for x in v)
    if isinstance(v, dict):
        return any(has_number(x) for x in v.values())
    return False


def sourced(comment: str | None) -> bool:
    return bool(comment) and ("[S]" in comment or "estimate" in comment)


class Doc:
    def __init__(self):
        self.lines: list[str] = []

    def raw(self, s: str = ""):
        self.lines.append(s)

    def comment(self, s: str):
        for part in s.split("\n"):
            self.lines.append(("# " + part).rstrip())

    def kv(self, key: str, value, comment: str | None = None):
        if value is None:
            return
        if has_number(value) and not sourced(comment):
            raise ValueError(f"number without a source comment: {key} = {value!r}")
        s = f"{tkey(key)} = {tval(value)}"
        if comment:
            s += f"  # {comment}"
        self.lines.append(s)

    def array_lines(self, key: str, rows: list, comments: list[str]):
        """A multi-line array with one comment per element."""
        self.lines.append(f"{tkey(key)} = [")
        for r, c in zip(rows, comments):
            if has_number(r) and not sourced(c):
                raise ValueError(f"number without a source comment in {key}: {r!r}")
            self.lines.append(f"  {tval(r)},  # {c}")
        self.lines.append("]")

    def text(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"


# =============================================================================================
# 8. Building the network
# =============================================================================================


def read_villages(path: Path):
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.append(dict(kecamatan=r["kecamatan"], village=r["village"], code=r["village_code"],
                             lat=float(r["lat"]), lon=float(r["lon"]), area=float(r["area_km2"])))
    return rows


def split_tps(total: int, villages: list[dict]) -> dict[str, int]:
    """Equal split with the remainder to the largest villages by area (ties: BPS code)."""
    n = len(villages)
    base, rem = divmod(total, n)
    order = sorted(villages, key=lambda v: (-v["area"], v["code"]))
    out = {v["code"]: base for v in villages}
    for v in order[:rem]:
        out[v["code"]] += 1
    return out


class Link:
    def __init__(self, name, mode, zone, comment, **kw):
        self.name = name
        self.mode = mode
        self.zone = zone
        self.comment = comment  # a one-line description above the table
        self.f = OrderedDict()  # key -> (value, source comment)
        for k, v in kw.items():
            self.f[k] = v

    def set(self, key, value, src):
        self.f[key] = (value, src)


def disruption_value(d, multiplier=1.0):
    if d is None:
        return None
    v = OrderedDict(rate_per_day=round(d["rate"] * multiplier, 4), duration=d["duration"])
    if d.get("detour") is not None:
        v["detour"] = d["detour"]
    return v


def disruption_comment(d, src, multiplier=1.0):
    s = src
    if multiplier != 1.0:
        s += f"; wet scenario: rate x {multiplier} (estimate)"
    return s


def build(villages_csv: Path, variant: str):
    """Return a dict describing the whole scenario for variant 'base' or 'wet'."""
    rows = read_villages(villages_csv)
    by_name = {}
    for r in rows:
        by_name.setdefault(r["village"], []).append(r)
    pts = {}
    for r in rows:
        pts[(r["kecamatan"], r["village"])] = (r["lat"], r["lon"])

    wet = variant == "wet"
    dm = WET_DISRUPTION_MULTIPLIER if wet else 1.0

    def vp(kec, vil):
        return pts[(kec, vil)]

    hub_pt = {k: vp(k, v["capital"]) for k, v in KECAMATAN.items()}
    depot_pt = vp("Bengkalis", DEPOT_VILLAGE)
    selari_pt = vp("Bukit Batu", "Sungai Selari")

    links: OrderedDict[str, Link] = OrderedDict()

    def add(link):
        assert link.name not in links, link.name
        assert "." not in link.name, link.name
        links[link.name] = link
        return link

    def road(name, zone, comment, km, km_src, speed, speed_src, disr, disr_src, damage, damage_src, duration=None, duration_src=None):
        l = add(Link(name, "road", zone, comment))
        if duration is not None:
            l.set("duration", duration, duration_src)
        else:
            l.set("distance_km", round(km, 1), km_src)
            l.set("speed_kmh", speed, speed_src)
        if disr is not None:
            l.set("disruption", disruption_value(disr, dm), disruption_comment(disr, disr_src, dm))
        if damage:
            l.set("damage_probability", damage, damage_src)
        return l

    def straight(a, b):
        d = km_between(a, b)
        return d, f"estimate: {ROAD_FACTOR} x straight-line {d:.1f} km"

    # ---------------------------------------------------------------- trunk links
    d, _ = straight(depot_pt, hub_pt["Bengkalis"])
    road("Senggoro - Bengkalis Kota", "mainland", "KPU warehouse to PPK Bengkalis, town streets",
         max(MIN_VILLAGE_KM, ROAD_FACTOR * d), f"estimate: {ROAD_FACTOR} x straight-line {d:.1f} km",
         SPEED_TOWN, "estimate: town streets",
         DISR_ISLAND, "estimate: town floods (Dec 2023 flooding in Bengkalis town [S kompas 2023/12/18])",
         0.002, "estimate: short covered-truck leg")
    d, src = straight(depot_pt, hub_pt["Bantan"])
    road("Senggoro - Selat Baru", "mainland", "KPU warehouse to PPK Bantan across Bengkalis island",
         ROAD_FACTOR * d, src, SPEED_ISLAND, "estimate: paved island road",
         DISR_ISLAND, "estimate: island road floods are short and have detours", 0.005, "estimate")
    road("Senggoro - Air Putih port", "mainland", "KPU warehouse to the Air Putih Ro-Ro port",
         5.0, "estimate: Senggoro to Air Putih port on the south coast",
         SPEED_TOWN, "estimate: town streets",
         DISR_ISLAND, "estimate: town floods (Dec 2023 [S kompas 2023/12/18])", 0.002, "estimate")
    add(Link("Ro-Ro Air Putih - Sungai Selari", "sea", "bengkalis-strait",
             "Ro-Ro Bengkalis (Air Putih) to the mainland (Sungai Selari, Bukit Batu); every mainland and Rupat consignment crosses it"))
    rr = links["Ro-Ro Air Putih - Sungai Selari"]
    rr.set("duration", tri(40, 50, 60, "min"), "estimate: 40-60 min sailing ([S] hadeberbagi 2017: ~1 h by sea after ~20 min loading)")
    rr.set("timetable", OrderedDict(every_min=60, **{"from": "07:00"}, to="23:00"),
           "[S] bengkaliskab.go.id 2019: hourly from Air Putih 07:00-23:00 with 3 ships (2024 ~every 45 min [S indovizka]; hourly kept: conservative)")
    rr.set("vessel", OrderedDict(
        wave_limit_m=2.5, delay=tri(0, 10, 45, "min"), cancel_probability=0.02,
        outage=OrderedDict(probability_per_day=WET_OUTAGE_PROBABILITY if wet else 0.15, cancel_fraction=0.5)),
        "wave limit [S] BMKG ferry 2.5 m (babeindonesia); delay 0-45 min and cancel 0.02 estimate; outage "
        + (f"{WET_OUTAGE_PROBABILITY} estimate (wet)" if wet else "0.15/day estimate (brief: 0.1-0.2)")
        + ", cancel_fraction 0.5 estimate: a ship docked leaves 1-2 of 3 [S iniriau 49115, indovizka]")
    rr.set("queue", OrderedDict(delay=tri(0, 1, 6)),
           "estimate: 0-6 h truck queue ([S] iniriau 49115: queues from 13:30 to after 22:00)")
    rr.set("damage_probability", 0.03, "estimate: spray on the open deck (2024 box damage [S tribunpekanbaru])")

    d, src = straight(selari_pt, hub_pt["Bukit Batu"])
    road("Sungai Selari - Sungai Pakning", "mainland", "Ro-Ro port Sungai Selari to Sungai Pakning (PPK Bukit Batu)",
         ROAD_FACTOR * d, src, SPEED_TRUNK, "estimate: provincial road",
         DISR_ISLAND, "estimate: short coastal road with a town grid", 0.01, "estimate")
    road("Sungai Pakning - Dumai", "mainland", "Jalan Lintas Sungai Pakning - Dumai along the coast through Bandar Laksamana",
         90.0, "estimate: Duri-Pakning 130-160 km incl. Dumai-Duri ~65 km ([S] hadeberbagi 2017: Duri-Pakning 3-4.5 h)",
         SPEED_TRUNK, "estimate: provincial road",
         dict(rate=0.04, duration=tri(2, 6, 18), detour=None), "estimate: peat-coast floods, single road (no detour)",
         0.04, "estimate: long leg in humid trucks")
    d, src = straight(hub_pt["Bukit Batu"], hub_pt["Bandar Laksamana"])
    road("Sungai Pakning - Parit I Api Api", "mainland", "Sungai Pakning to PPK Bandar Laksamana",
         ROAD_FACTOR * d, src, SPEED_TRUNK, "estimate: provincial road",
         dict(rate=0.04, duration=tri(2, 6, 18), detour=None), "estimate: peat-coast floods, no detour",
         0.02, "estimate")
    road("Sungai Pakning - Lubuk Muda", "mainland", "Sungai Pakning to PPK Siak Kecil",
         35.0, "estimate: ~35 km / 1 h (brief)", SPEED_TRUNK, "estimate: provincial road",
         dict(rate=0.05, duration=tri(2, 8, 24), detour=tri(1, 2, 4)),
         "estimate: flood-prone low road (brief P 0.05-0.15); detour via plantation roads", 0.02, "estimate")
    road("Dumai - Dumai Ro-Ro port", "mainland", "Through Dumai to the Ro-Ro port for Rupat",
         8.0, "estimate: city crossing", SPEED_TOWN, "estimate: city traffic",
         dict(rate=0.03, duration=tri(0.5, 1, 3), detour=tri(0.25, 0.5, 1)), "estimate: city jams with alternative streets",
         0.002, "estimate")
    d_sd, _ = straight(hub_pt["Bathin Solapan"], hub_pt["Mandau"])
    road("Dumai - Sebanga", "mainland", "Jalan Lintas Dumai - Duri to PPK Bathin Solapan",
         70.0 - ROAD_FACTOR * d_sd, f"estimate: Dumai-Duri ~70 km (brief) minus Sebanga-Duri {ROAD_FACTOR * d_sd:.1f} km",
         SPEED_TRUNK, "estimate: national road",
         dict(rate=0.04, duration=tri(2, 6, 18), detour=tri(1, 2, 4)),
         "estimate: floods and crashes; detour on oil-field company roads", 0.03, "estimate")
    road("Sebanga - Duri", "mainland", "Sebanga to Duri (PPK Mandau)",
         ROAD_FACTOR * d_sd, f"estimate: {ROAD_FACTOR} x straight-line {d_sd:.1f} km",
         SPEED_TOWN, "estimate: town approach",
         dict(rate=0.03, duration=tri(1, 3, 8), detour=tri(0.5, 1, 2)), "estimate: town floods with detours", 0.005, "estimate")
    d, src = straight(hub_pt["Mandau"], hub_pt["Pinggir"])
    road("Duri - Pinggir", "mainland", "Jalan Lintas Duri - Pekanbaru to PPK Pinggir",
         ROAD_FACTOR * d, src + " (brief: Duri-Pinggir ~35 km for a capital further south)",
         tri(25, 35, 50), "estimate: busy trunk road with trucks",
         dict(rate=0.10, duration=tri(1, 2, 6), detour=None),
         "estimate: jams of up to 6 h [S potretnews 2015/11/07]; no detour", 0.25,
         "estimate: scaled so Pinggir's 2024 damage (16 boxes [S tribunpekanbaru]) is likely")
    d, src = straight(hub_pt["Pinggir"], hub_pt["Talang Muandau"])
    road("Pinggir - Beringin", "mainland", "Pinggir to PPK Talang Muandau on plantation roads",
         ROAD_FACTOR * d, src, SPEED_PLANTATION_TRUNK, "estimate: company plantation road",
         dict(rate=0.08, duration=tri(6, 18, 48), detour=tri(2, 4, 8)),
         "estimate: floods in Talang Muandau mid-Jan 2024 [S inews 395011]; detour on other company roads", 0.20,
         "estimate: scaled so Talang Muandau's 2024 damage (9 boxes [S tribunpekanbaru]) is likely")
    add(Link("Ro-Ro Dumai - Tanjung Kapal", "sea", "rupat-strait", "Ro-Ro Dumai to Tanjung Kapal (Rupat)"))
    rd = links["Ro-Ro Dumai - Tanjung Kapal"]
    rd.set("duration", tri(20, 30, 40, "min"),
           "[S] 20 min (celahkotanews 2015), 30 min (djangki 2012), 40 min (queennaraaisa 2017)")
    rd.set("timetable", OrderedDict(times=["07:00", "08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "14:00",
                                           "15:00", "16:00", "17:30", "19:00"]),
           "[S] metroriau 24240: 12 regular trips a day until ~19:00-20:00; exact times estimate")
    rd.set("vessel", OrderedDict(wave_limit_m=2.5, delay=tri(0, 10, 45, "min"), cancel_probability=0.03,
                                 outage=OrderedDict(probability_per_day=0.1, cancel_fraction=0.5)),
           "wave limit [S] BMKG ferry 2.5 m; delay, cancel 0.03 and outage 0.1/day x 0.5 estimate (2 ships in 2015 [S celahkotanews])")
    rd.set("queue", OrderedDict(missed_departures=OrderedDict(dist="empirical", samples=[0, 0, 0, 1, 1, 2])),
           "estimate: small ships (5 and 10 cars [S celahkotanews 2015]): P(miss 0,1,2 departures) = 1/2, 1/3, 1/6")
    rd.set("damage_probability", 0.04, "estimate: spray on the open deck")
    road("Tanjung Kapal - Batu Panjang", "mainland", "Ro-Ro port Tanjung Kapal to Batu Panjang (PPK Rupat)",
         15.0, "estimate: port to Batu Panjang", SPEED_ISLAND, "estimate: paved island road",
         dict(rate=0.03, duration=tri(2, 6, 12), detour=tri(0.5, 1, 2)), "estimate: mud stretches, pushed through slowly",
         0.03, "estimate")
    road("Batu Panjang - Tanjung Medang", "mainland", "Rupat inland road to PPK Rupat Utara (two sampan river crossings)",
         None, None, None, None,
         dict(rate=0.06, duration=tri(6, 12, 36), detour=tri(1, 2, 3)),
         "estimate: muddy stretches last 6-36 h; pushing through adds 1-3 h ([S] 4-6 h or more when muddy vs ~3 h, queennaraaisa 2017, riau.suara 2021)",
         0.15, "estimate: scaled so Rupat Utara's 2024 damage (7 boxes [S tribunpekanbaru]) is likely",
         duration=tri(2, 2.5, 3.5), duration_src="[S] ~3 h Tanjung Kapal - Tanjung Medang (queennaraaisa 2017, djangki 2012) less the Tanjung Kapal - Batu Panjang leg")
    add(Link("Speedboat Dumai - Tanjung Medang", "sea", "north-strait",
             "Passenger speedboat Dumai - Titi Akar - Tanjung Medang: Rupat Utara's fallback"))
    sb = links["Speedboat Dumai - Tanjung Medang"]
    sb.set("duration", tri(2.25, 2.5, 3), "[S] ~2.5 h (untukilihat 2012, riau.suara 2021); spread estimate")
    sb.set("timetable", OrderedDict(times=["09:00", "15:00"]), "[S] untukilihat 2012, riau.suara 2021: 2 trips a day at 09:00 and 15:00")
    sb.set("vessel", OrderedDict(wave_limit_m=1.5, delay=tri(0, 15, 60, "min"), cancel_probability=0.05),
           "estimate: speedboat limit 1.5 m, between BMKG fishing boat 1.25 m and barge 1.5 m [S babeindonesia]; delay and cancel estimate")
    sb.set("damage_probability", 0.08, "estimate: spray in an open speedboat")

    trunk_names = list(links.keys())

    # Hub routes over the shared trunk.
    to_pakning = ["Senggoro - Air Putih port", "Ro-Ro Air Putih - Sungai Selari", "Sungai Selari - Sungai Pakning"]
    to_dumai = to_pakning + ["Sungai Pakning - Dumai"]
    to_duri = to_dumai + ["Dumai - Sebanga", "Sebanga - Duri"]
    to_rupat = to_dumai + ["Dumai - Dumai Ro-Ro port", "Ro-Ro Dumai - Tanjung Kapal", "Tanjung Kapal - Batu Panjang"]
    hub_routes = {
        "Bengkalis": (["Senggoro - Bengkalis Kota"], None),
        "Bantan": (["Senggoro - Selat Baru"], None),
        "Bukit Batu": (to_pakning, None),
        "Bandar Laksamana": (to_pakning + ["Sungai Pakning - Parit I Api Api"], None),
        "Siak Kecil": (to_pakning + ["Sungai Pakning - Lubuk Muda"], None),
        "Mandau": (to_duri, None),
        "Bathin Solapan": (to_dumai + ["Dumai - Sebanga"], None),
        "Pinggir": (to_duri + ["Duri - Pinggir"], None),
        "Talang Muandau": (to_duri + ["Duri - Pinggir", "Pinggir - Beringin"], None),
        "Rupat": (to_rupat, None),
        "Rupat Utara": (to_rupat + ["Batu Panjang - Tanjung Medang"], to_dumai + ["Speedboat Dumai - Tanjung Medang"]),
    }

    # ---------------------------------------------------------------- villages
    tps = tps_2024()
    kec_rows = OrderedDict((k, [r for r in rows if r["kecamatan"] == k]) for k in KECAMATAN)
    assert sum(len(v) for v in kec_rows.values()) == len(rows) == 155, "expected 155 villages"
    names_taken = set(KECAMATAN) | {DEPOT_NAME}
    village_nodes = []
    for kec, vs in kec_rows.items():
        total, tsrc = tps[kec]
        split = split_tps(total, vs)
        for r in sorted(vs, key=lambda r: r["village"]):
            name = r["village"]
            if name in names_taken or len(by_name[name]) > 1:
                name = f"{r['village']} (desa)" if name in KECAMATAN else f"{r['village']} ({kec})"
            assert name not in names_taken, name
            assert "." not in name, name
            names_taken.add(name)
            hp = hub_pt[kec]
            d = km_between(hp, (r["lat"], r["lon"]))
            km = max(MIN_VILLAGE_KM, ROAD_FACTOR * d)
            km_src = f"estimate: {ROAD_FACTOR} x straight-line {d:.1f} km from the PPK" + (f" (min {MIN_VILLAGE_KM})" if ROAD_FACTOR * d < MIN_VILLAGE_KM else "")
            land = KECAMATAN[kec]["land"]
            big = r["area"] >= DIRT_AREA_KM2
            dirt = big or kec in ("Rupat", "Rupat Utara", "Talang Muandau")
            why = (f"village area {r['area']} km2 >= {DIRT_AREA_KM2}" if big else f"remote kecamatan {kec}")
            if land == "island":
                speed, ssrc = (SPEED_DIRT, f"estimate: dirt road ({why})") if dirt else (SPEED_ISLAND, "estimate: paved island road")
                disr, dsrc = DISR_ISLAND, "estimate: short island floods with detours (Dec 2023 floods [S kompas])"
            elif land == "rupat":
                speed, ssrc = SPEED_DIRT, "estimate: Rupat dirt road"
                disr, dsrc = DISR_RUPAT, "estimate: mud; pushing through adds 0.5-2 h ([S] riau.suara 2021, kompas 2023/12/21)"
            else:
                speed, ssrc = (SPEED_DIRT, f"estimate: plantation/dirt road ({why})") if dirt else (SPEED_MAINLAND_PAVED, "estimate: paved mainland village road")
                fsrc = FLOOD_PRONE_VILLAGES.get((kec, r["village"])) or FLOOD_PRONE_KEC.get(kec)
                if fsrc:
                    disr, dsrc = DISR_FLOOD, f"estimate: flood-prone feeder, waits out the flood ({fsrc})"
                elif r["area"] < DETOUR_AREA_KM2:
                    disr, dsrc = DISR_MAINLAND, "estimate: feeder floods (brief P 0.05-0.15/road-day); dense grid, detour exists"
                else:
                    disr = dict(DISR_MAINLAND, detour=None)
                    dsrc = "estimate: feeder floods (brief P 0.05-0.15/road-day); no detour"
            lname = f"{kec} - {name}"
            route, fallback, fleet = [lname], None, "PPS pickup"
            extra = {}
            if (kec, r["village"]) == ("Rupat", "Dungun Baru"):
                lname = "Rupat - Dungun Baru mud track"
                road(lname, "mainland", "Batu Panjang to the Selat Morong crossing for Dungun Baru (Dusun Pakcut)",
                     None, None, None, None, DISR_RUPAT, "estimate: mud; pushing through adds 0.5-2 h", DAMAGE_ROAD_VILLAGE, "estimate",
                     duration=tri(2, 2.5, 3.5), duration_src="[S] kompas 2023/12/21: 2-3 h by motorbike on mud to Pakcut")
                boat = add(Link("Selat Morong sampan", "sea", "rupat-strait", "Sampan across Selat Morong to Dusun Pakcut (Dungun Baru)"))
                boat.set("duration", tri(10, 15, 30, "min"), "estimate: short crossing ([S] kompas 2023/12/21: sampan across Selat Morong)")
                boat.set("window", OrderedDict(**{"from": "06:00"}, to="17:30"), "estimate: small boats sail in daylight only")
                boat.set("vessel", OrderedDict(wave_limit_m=1.25, delay=tri(0, 0.5, 3), cancel_probability=0.05),
                         "[S] BMKG fishing boat limit 1.25 m (babeindonesia); delay (finding a boat, tide) and cancel estimate")
                boat.set("damage_probability", DAMAGE_BOAT_VILLAGE, "estimate: open boat")
                route, fleet = [lname, "Selat Morong sampan"], "PPS boat"
            elif (kec, r["village"]) == ("Rupat Utara", "Titi Akar"):
                road(lname, "mainland", "PPK Rupat Utara (Tanjung Medang) to Titi Akar",
                     km, km_src, speed, ssrc, disr, dsrc, DAMAGE_ROAD_VILLAGE, "estimate")
                boat = add(Link("Titi Akar - Hutan Samak local boat", "sea", "north-strait",
                                "Hired local boat to Dusun Hutan Samak (Titi Akar, TPS 007)"))
                boat.set("duration", tri(10, 15, 25, "min"), "[S] riau.antaranews 396561: ~15 min by hired local boat; spread estimate")
                boat.set("window", OrderedDict(**{"from": "06:00"}, to="17:30"), "estimate: small boats sail in daylight only")
                boat.set("vessel", OrderedDict(wave_limit_m=1.25, delay=tri(0, 0.5, 4), cancel_probability=0.05),
                         "[S] BMKG fishing boat limit 1.25 m (babeindonesia); delay up to 4 h for the tide ([S] Inhil 2019, tribunpekanbaru) and cancel estimate")
                boat.set("damage_probability", DAMAGE_BOAT_VILLAGE, "estimate: open boat")
                route, fleet = [lname, "Titi Akar - Hutan Samak local boat"], "PPS boat"
            elif (kec, r["village"]) == ("Talang Muandau", "Kuala Penaso"):
                road(lname, "mainland", "PPK Talang Muandau to Kuala Penaso (floods)",
                     km, km_src, speed, ssrc, dict(rate=0.10, duration=tri(12, 24, 72), detour=None),
                     "estimate: floods for days ([S] inews 395011: police reached it by speedboat in the Jan 2024 floods)",
                     DAMAGE_ROAD_VILLAGE, "estimate")
                rv = add(Link("Talang Muandau - Kuala Penaso river speedboat", "river", "mainland",
                              "River speedboat to Kuala Penaso when the road is flooded"))
                rv.set("duration", tri(0.75, 1, 2), "estimate: river speedboat ([S] inews 395011: police patrolled by speedboat)")
                rv.set("window", OrderedDict(**{"from": "06:00"}, to="17:30"), "estimate: small boats sail in daylight only")
                rv.set("vessel", OrderedDict(wave_limit_m=1.25, delay=tri(0, 0.5, 2), cancel_probability=0.05),
                       "[S] BMKG small-boat limit 1.25 m (river: no waves); delay and cancel estimate")
                rv.set("damage_probability", DAMAGE_BOAT_VILLAGE, "estimate: open boat in rain")
                fallback = ["Talang Muandau - Kuala Penaso river speedboat"]
                extra["fallback_if_blocked_h"] = (6, "estimate: a flood with more than 6 h left sends the boat")
            else:
                road(lname, "mainland", None, km, km_src, speed, ssrc, disr, dsrc, DAMAGE_ROAD_VILLAGE, "estimate")
            disp, dsrc_ = VILLAGE_DISPATCH_BY_KEC.get(kec, (VILLAGE_DISPATCH, VILLAGE_DISPATCH_SRC))
            village_nodes.append(dict(
                name=name, kec=kec, row=r, route=route, fallback=fallback, fleet=fleet, extra=extra,
                stations=split[r["code"]],
                stations_src=f"estimate: equal split of {kec}'s {total} TPS over {len(vs)} villages, remainder to the largest by area ({'sourced total' if kec in TPS_2024_SOURCED else 'estimated total'})",
                dispatch=disp, dispatch_src=dsrc_,
                last_mile=from_tuple(LAST_MILE_REMOTE) if kec in REMOTE_LAST_MILE_KEC else None,
            ))
    # [S] riau.antaranews 396561: Titi Akar has at least TPS 007.
    ta = next(v for v in village_nodes if v["row"]["village"] == "Titi Akar")
    assert ta["stations"] >= 7, ta

    # Polsek pools: one per kecamatan; teams ~ one per three villages; return ~ mean one-way leg.
    polsek = []
    for kec, vs in kec_rows.items():
        legs = [nominal_link_hours(links[n]) for v in village_nodes if v["kec"] == kec for n in v["route"]]
        m = max(0.25, sum(legs) / len(legs))
        teams = max(2, math.ceil(len(vs) / 3))
        polsek.append(dict(name=f"Polsek {kec}", teams=teams, return_time=tri(round(0.5 * m, 2), round(m, 2), round(1.5 * m, 2)),
                           src_teams=f"estimate: ~1 team per 3 of its {len(vs)} villages (min 2)",
                           src_return=f"estimate: around the mean one-way village leg ({m:.2f} h) back to the PPK"))

    return dict(variant=variant, rows=rows, links=links, trunk=trunk_names, hub_routes=hub_routes, hub_pt=hub_pt,
                depot_pt=depot_pt, villages=village_nodes, tps=tps, polsek=polsek, kec_rows=kec_rows)


# =============================================================================================
# 9. Nominal timeline (modes only), for the summary and for escort return times
# =============================================================================================


def dist_mode_h(d):
    if d is None:
        return 0.0
    unit = d.get("unit", "h")
    scale = {"min": 1 / 60, "h": 1.0, "day": 24.0}[unit]
    if d["dist"] == "triangular":
        return d["mode"] * scale
    if d["dist"] == "fixed":
        return d["value"] * scale
    raise NotImplementedError(d["dist"])


def nominal_link_hours(link: Link) -> float:
    f = {k: v for k, (v, _) in link.f.items()}
    if "duration" in f:
        return dist_mode_h(f["duration"])
    return f["distance_km"] / f["speed_kmh"]["mode"]


def hm(s):
    h, m = s.split(":")
    return int(h) + int(m) / 60


def next_departure(link: Link, t: float) -> float:
    """Earliest departure >= t (hours from START) on the link's timetable/window, modes only."""
    f = {k: v for k, (v, _) in link.f.items()}
    tt, win = f.get("timetable"), f.get("window")
    day = math.floor(t / 24)
    if tt:
        if "times" in tt:
            deps = sorted(hm(x) for x in tt["times"])
        else:
            a, b, step = hm(tt["from"]), hm(tt["to"]), tt["every_min"] / 60
            deps, x = [], a
            while x <= b + 1e-9:
                deps.append(x)
                x += step
        for dd in range(day, day + 3):
            for x in deps:
                if dd * 24 + x >= t - 1e-9:
                    return dd * 24 + x
    if win:
        a, b = hm(win["from"]), hm(win["to"])
        tod = t - day * 24
        if a <= tod <= b:
            return t
        return day * 24 + a if tod < a else (day + 1) * 24 + a
    return t


def traverse(links, route, t):
    for n in route:
        l = links[n]
        f = {k: v for k, (v, _) in l.f.items()}
        q = f.get("queue")
        if q and q.get("delay"):
            t += dist_mode_h(q["delay"])
        t = next_departure(l, t)
        t += nominal_link_hours(l)
    return t


def hours_of(dt: str) -> float:
    return (datetime.fromisoformat(dt) - START).total_seconds() / 3600


def fmt_h(t: float) -> str:
    return (START + timedelta(hours=t)).strftime("%d %b %H:%M")


def stationary(P):
    n = len(P)
    pi = [1 / n] * n
    for _ in range(5000):
        pi = [sum(pi[i] * P[i][j] for i in range(n)) for j in range(n)]
    return pi


# =============================================================================================
# 10. Writing the scenario files
# =============================================================================================


def header(doc: Doc, title: str, csv_path: str, extra: str):
    doc.comment(f"""{title}

GENERATED FILE - do not edit by hand. Regenerate with:
    python3 tools/make_scenarios.py {csv_path}
Generated by tools/make_scenarios.py from:
  - {csv_path}: the 155 desa/kelurahan of Kabupaten Bengkalis with a representative point
    and area, derived from the HDX-BPS 2020 boundaries (OCHA HDX COD-AB, CC BY-IGO;
    see ../shared/data/ATTRIBUTION.md);
  - the sourced facts and estimates of /work/shared/domain/bengkalis.md.
Every number carries a comment: "[S] <source>" when a published source states it,
"estimate" when it is a modelling choice (the constants are at the top of the script).
{extra}
Units: durations in hours unless a distribution says unit = "min" or "day"; speeds in km/h;
datetimes are local WIB (+07:00). The format is described in docs/scenario-format.md.""")
    doc.raw()


def write_scenario(net, csv_path: str) -> str:
    v = net["variant"]
    wet = v == "wet"
    links = net["links"]
    tps = net["tps"]
    doc = Doc()
    title = ("bengkalis-2024-wet: Pemilu 2024 logistics in Kabupaten Bengkalis, rough and wet February"
             if wet else "bengkalis-2024: Pemilu 2024 logistics in Kabupaten Bengkalis, as planned in February 2024")
    extra = ("Same plan, network and fleets as bengkalis-2024.toml; only the weather chains, the road\n"
             f"disruption rates (x {WET_DISRUPTION_MULTIPLIER}) and the Air Putih Ro-Ro outage probability differ.\n"
             if wet else "")
    header(doc, title, csv_path, extra)

    # ------------------------------------------------------------ [scenario]
    doc.raw("[scenario]")
    doc.kv("name", "bengkalis-2024-wet" if wet else "bengkalis-2024")
    desc = ("Distribution of Pemilu 2024 materials from the KPU Bengkalis warehouse (Desa Senggoro, Bengkalis island) "
            "to the 11 PPK, 155 PPS and about 1,774 TPS of Kabupaten Bengkalis, as planned in February 2024: the far "
            "kecamatan (Rupat, Rupat Utara, Talang Muandau, Pinggir) leave on 7 Feb, the others by 12 Feb, PPK to PPS on "
            "12-13 Feb, every TPS supplied by H-1 (13 Feb). Every mainland and Rupat consignment crosses the Air Putih - "
            "Sungai Selari Ro-Ro; Rupat needs a second Ro-Ro from Dumai and Rupat Utara a 3-hour inland road or a speedboat.")
    if wet:
        desc += (" Wet variant: a rough north-east monsoon (BMKG warning of late January 2024, waves 1.25-2.5 m in the "
                 "northern strait) and heavy rain on land, with more road floods and more Ro-Ro outages.")
    doc.kv("description", desc)
    doc.kv("start", START.isoformat(), "estimate: midnight before the first dispatch day (7 Feb)")
    doc.kv("horizon_days", HORIZON_DAYS, "estimate: to 27 Feb, well past polling day")
    doc.kv("seed", SEED, "estimate: fixed default seed")
    doc.kv("target", TARGET, "estimate: on-time target for charts")
    doc.kv("basemap", BASEMAP)
    doc.kv("basemap_credit", BASEMAP_CREDIT)
    assumptions = [
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
        "Kuala Penaso is reached by road, or by river speedboat when the road is flooded at dispatch; Rupat Utara by the inland road, or by the Dumai speedboat when the road is blocked at dispatch.",
        "Ferry deck space is not shared between KPU convoys: congestion is in the queue delay and missed departures.",
        "Damaged boxes are replaced by a second shipment from the supplier along the same route; damage probabilities are set so that several kecamatan see damage, as in 2024 (37 boxes in six kecamatan).",
        "Police escorts: a Polres Bengkalis pool for the depot to PPK convoys and one Polsek pool per kecamatan for PPK to PPS; team counts are estimates.",
    ]
    if wet:
        assumptions.append(f"Wet variant: rougher and wetter weather chains, road disruption rates x {WET_DISRUPTION_MULTIPLIER}, Air Putih Ro-Ro outage on {int(WET_OUTAGE_PROBABILITY * 100)}% of days.")
    doc.lines.append("assumptions = [")
    for a in assumptions:
        doc.lines.append(f"  {tval(a)},")
    doc.lines.append("]")
    doc.raw()

    # ------------------------------------------------------------ [defaults]
    doc.raw("[defaults]")
    doc.kv("station_deadline", STATION_DEADLINE, "[S] kumparan: distribution complete by H-1, 13 Feb 2024")
    doc.kv("hub_deadline", HUB_DEADLINE, "estimate: [S] tribunnews 12 Feb 2024: everything had reached the PPK by 12 Feb")
    doc.kv("village_deadline", VILLAGE_DEADLINE, "estimate: PPS holds its materials by the evening of H-1")
    doc.kv("handling", from_tuple(HUB_HANDLING), "estimate: PPK unloads, counts and sorts per PPS")
    doc.kv("last_mile", from_tuple(LAST_MILE), "estimate: PPS to each TPS")
    doc.kv("load_per_station", LOAD_PER_STATION, "estimate: one load unit = one TPS kit")
    doc.raw()

    # ------------------------------------------------------------ zones
    doc.comment("=" * 88)
    doc.comment(f"Weather zones: 6-hour Markov chains. {WEATHER[v]['note']}.")
    doc.comment("Stationary shares of each state are in the comment above each zone.")
    doc.comment("=" * 88)
    for zname in ["bengkalis-strait", "rupat-strait", "north-strait", "mainland"]:
        z = WEATHER[v][zname]
        P = [[float(x) for x in row] for row in z["transition"]]
        pi = stationary(P)
        sea = zname != "mainland"
        names = SEA_STATE_NAMES if sea else LAND_STATE_NAMES
        doc.raw()
        doc.comment(f"{zname}: stationary " + ", ".join(f"{n} {p:.2f}" for n, p in zip(names, pi))
                    + (" (own matrix; the follow rule moves it towards the leader)" if zname in FOLLOW else ""))
        doc.raw("[[zone]]")
        doc.kv("name", zname)
        doc.kv("step_h", STEP_H, "estimate: four steps a day")
        states, scom = [], []
        for i, n in enumerate(names):
            if sea:
                waves, wsrc = SEA_WAVES[zname]
                states.append(OrderedDict(name=n, wave_m=waves[i], sail_factor=SEA_SAIL_FACTOR[i], damage_factor=SEA_DAMAGE_FACTOR[i]))
                scom.append(f"wave_m {wsrc}; sail_factor and damage_factor estimate")
            else:
                states.append(OrderedDict(name=n, wave_m=0.0, sail_factor=LAND_SAIL_FACTOR[i], road_factor=LAND_ROAD_FACTOR[i],
                                          disruption_factor=LAND_DISRUPTION_FACTOR[i], damage_factor=LAND_DAMAGE_FACTOR[i]))
                scom.append("estimate: land has no waves; road, disruption, damage and river factors estimate"
                            + (" (heavy rain: 4-6 h on the 3-h Rupat road [S djangki 2012])" if n == "heavy_rain" else ""))
        doc.array_lines("states", states, scom)
        doc.kv("initial", [Decimal(x) for x in z["initial"]], f"estimate: state on 6 Feb 00:00 ({'wet' if wet else 'normal'} February)")
        rows_ = [[Decimal(x) for x in row] for row in z["transition"]]
        for row in rows_:
            assert sum(row) == Decimal(1), (zname, row)
        assert sum(Decimal(x) for x in z["initial"]) == Decimal(1)
        doc.array_lines("transition", rows_, [f"from {n}: estimate ({'wet' if wet else 'normal'} February)" for n in names])
        if zname in FOLLOW:
            doc.kv("follow", OrderedDict(zone="bengkalis-strait", probability=FOLLOW[zname]),
                   "estimate: storms reach both straits the same day")
    doc.raw()

    # ------------------------------------------------------------ links
    def emit_link(l: Link):
        doc.raw()
        if l.comment:
            doc.comment(l.comment)
        doc.raw("[[link]]")
        doc.kv("name", l.name)
        doc.kv("mode", l.mode)
        doc.kv("zone", l.zone)
        for k, (val, src) in l.f.items():
            doc.kv(k, val, src)

    doc.comment("=" * 88)
    doc.comment("Trunk links: KPU warehouse to the 11 PPK. Shared by every route that names them.")
    doc.comment("=" * 88)
    for n in net["trunk"]:
        emit_link(links[n])
    doc.raw()
    doc.comment("=" * 88)
    doc.comment("Village links: PPK to PPS, one road link per village (plus boat legs where the brief names them).")
    doc.comment("=" * 88)
    village_link_names = [n for n in links if n not in net["trunk"]]
    for n in village_link_names:
        emit_link(links[n])
    doc.raw()

    # ------------------------------------------------------------ fleets
    doc.comment("=" * 88)
    doc.comment("Fleets (capacity in TPS kits per vehicle trip; count = vehicles per consignment)")
    doc.comment("=" * 88)
    for fl in FLEETS:
        doc.raw()
        doc.raw("[[fleet]]")
        doc.kv("name", fl["name"])
        doc.kv("capacity", fl["capacity"], fl["src_capacity"])
        doc.kv("count", fl["count"], fl["src_count"])
        if fl["return_time"]:
            doc.kv("return_time", fl["return_time"], fl["src_return"])
    doc.raw()

    # ------------------------------------------------------------ escorts
    doc.comment("=" * 88)
    doc.comment("Police escort pools (Polres for depot -> PPK, one Polsek per kecamatan for PPK -> PPS)")
    doc.comment("=" * 88)
    for e in [POLRES] + net["polsek"]:
        doc.raw()
        doc.raw("[[escort]]")
        doc.kv("name", e["name"])
        doc.kv("teams", e["teams"], e["src_teams"])
        doc.kv("return_time", e["return_time"], e["src_return"])
    doc.raw()

    # ------------------------------------------------------------ nodes
    doc.comment("=" * 88)
    doc.comment("Nodes: the KPU depot, the 11 PPK hubs (named exactly as their kecamatan), the 155 PPS villages")
    doc.comment("=" * 88)
    doc.raw()
    doc.comment("KPU Bengkalis warehouse, Desa Senggoro")
    doc.raw("[[node]]")
    doc.kv("name", DEPOT_NAME)
    doc.kv("kind", "depot")
    doc.kv("lat", net["depot_pt"][0], "[S] riauaktual 2024/11 (warehouse in Desa Senggoro); HDX-BPS point of Senggoro")
    doc.kv("lon", net["depot_pt"][1], "[S] riauaktual 2024/11; HDX-BPS point of Senggoro")
    doc.kv("ready", from_tuple(DEPOT_READY), "estimate: packed 7 Feb 06:00-16:00, most likely 08:00 (hours after start)")
    doc.kv("handling", from_tuple(DEPOT_HANDLING), "estimate: loading the trucks")

    for kec, info in KECAMATAN.items():
        route, fb = net["hub_routes"][kec]
        disp, dsrc = HUB_DISPATCH[kec]
        total, tsrc = tps[kec]
        doc.raw()
        doc.comment(f"PPK {kec}: {total} TPS ({tsrc}) in {len(net['kec_rows'][kec])} villages")
        doc.raw("[[node]]")
        doc.kv("name", kec)
        doc.kv("kind", "hub")
        lat, lon = net["hub_pt"][kec]
        doc.kv("lat", lat, info["cap_src"])
        doc.kv("lon", lon, info["cap_src"])
        doc.kv("supplier", DEPOT_NAME)
        doc.kv("route", route)
        if fb:
            doc.kv("fallback", fb)
            doc.kv("fallback_if_blocked_h", 6, "estimate: a block with more than 6 h left at dispatch sends the speedboat")
        doc.kv("fleet", "Colt Diesel" if kec == "Rupat Utara" else "Truck")
        doc.kv("planned_dispatch", disp, dsrc)
        doc.kv("escort", POLRES["name"])

    for vn in net["villages"]:
        r = vn["row"]
        doc.raw()
        doc.raw("[[node]]")
        doc.kv("name", vn["name"])
        doc.kv("kind", "village")
        doc.kv("lat", r["lat"], f"[S] HDX-BPS 2020 point of {r['code']} (bengkalis-villages.csv)")
        doc.kv("lon", r["lon"], f"[S] HDX-BPS 2020 point of {r['code']}")
        doc.kv("supplier", vn["kec"])
        doc.kv("route", vn["route"])
        if vn["fallback"]:
            doc.kv("fallback", vn["fallback"])
        for k, (val, src) in vn["extra"].items():
            doc.kv(k, val, src)
        doc.kv("fleet", vn["fleet"])
        doc.kv("planned_dispatch", vn["dispatch"], vn["dispatch_src"])
        doc.kv("stations", vn["stations"], vn["stations_src"])
        if vn["last_mile"]:
            doc.kv("last_mile", vn["last_mile"], "estimate: scattered dusun on dirt roads")
        doc.kv("escort", f"Polsek {vn['kec']}")
    return doc.text()


# =============================================================================================
# 11. Mitigation strategies (compared with bengkalis-2024 under common random numbers)
# =============================================================================================

COST = {
    # All costs are estimates in rupiah; no published price was found for any of them.
    "earlier": (25_000_000, "estimate: one extra day of packing overtime (~40 workers) plus truck hire and escort standby for the Rupat convoys"),
    "backup": (150_000_000, "estimate: landing craft on standby at Air Putih ~Rp 20 million/day x 7 days plus mobilisation"),
    "preposition": (40_000_000, "estimate: Rp 25 million for the earlier Rupat dispatch (included strategy) plus Rp 15 million for storage and guarding at PPK Rupat and a standby boat"),
    "roads": (120_000_000, "estimate: two excavators on standby x 7 days (~Rp 5 million/day each) plus traffic-police road clearing"),
    "boats": (30_000_000, "estimate: two chartered ~10 GT motor boats for 3 days"),
}


def write_mitigations(net, csv_path: str) -> str:
    links = net["links"]
    doc = Doc()
    header(doc, "bengkalis-2024-mitigations: mitigation strategies for the bengkalis-2024 plan", csv_path,
           "Builds on bengkalis-2024.toml (extends): only [scenario] and [[strategy]] tables here.\n"
           "Costs are estimates in rupiah (no published price was found); cost_idr of a strategy that\n"
           "includes others is the full cost of the package, not an increment.\n")
    doc.kv("extends", "bengkalis-2024.toml")
    doc.raw()
    doc.raw("[scenario]")
    doc.kv("name", "bengkalis-2024-mitigations")
    doc.kv("description", "Mitigation strategies for the February 2024 Bengkalis plan: earlier dispatch to Rupat, a standby vessel at "
                          "Air Putih, pre-positioning Rupat Utara's materials at Batu Panjang, escorted road clearing on flood-prone "
                          "mainland roads, larger boats for the boat-only villages, and a combined package; each is compared with "
                          "bengkalis-2024 under common random numbers.")
    doc.kv("start", START.isoformat(), "estimate: same start as the base scenario")
    doc.raw()

    def strategy(name, description, cost_key, sets=(), include=(), add_links=()):
        cost, csrc = COST[cost_key]
        doc.raw("[[strategy]]")
        doc.kv("name", name)
        doc.kv("description", description)
        doc.kv("cost_idr", cost, csrc)
        doc.kv("cost_source", csrc)
        if include:
            doc.kv("include", list(include))
        if sets:
            doc.lines.append("[strategy.set]")
            for path, val, src in sets:
                doc.kv(path, val, src)
        for l in add_links:
            doc.raw()
            doc.raw("[[strategy.add_link]]")
            doc.kv("name", l.name)
            doc.kv("mode", l.mode)
            doc.kv("zone", l.zone)
            for k, (val, src) in l.f.items():
                doc.kv(k, val, src)
        doc.raw()

    S_EARLY = "Rupat one day earlier"
    S_BACKUP = "Backup vessel at Air Putih"
    S_PRE = "Rupat Utara via Batu Panjang"
    S_ROADS = "Road escort and clearing"
    S_BOATS = "Larger village boats"

    early = "2024-02-06T08:00:00+07:00"
    strategy(S_EARLY,
             "Rupat and Rupat Utara leave the KPU warehouse on 6 Feb instead of 7 Feb. Their kits are packed first, "
             "modelled as the warehouse ready time moved 24 h earlier; this also lets Pinggir and Talang Muandau leave "
             "exactly at their planned 7 Feb 08:00.",
             "earlier",
             sets=[
                 (f"node.{DEPOT_NAME}.ready", tri(6, 8, 16, "h"), "estimate: the base ready time (7 Feb 06:00-16:00) moved 24 h earlier"),
                 ("node.Rupat.planned_dispatch", early, "estimate: one day before the 7 Feb start [S riauantara]"),
                 ("node.Rupat Utara.planned_dispatch", early, "estimate: one day before the 7 Feb start [S riauantara]"),
             ])

    strategy(S_BACKUP,
             "A chartered landing craft stands by at Air Putih, so a Ro-Ro docked for repair no longer cancels half "
             "of the crossings (outage cancel_fraction 0).",
             "backup",
             sets=[("link.Ro-Ro Air Putih - Sungai Selari.vessel.outage.cancel_fraction", 0.0,
                    "estimate: the standby vessel replaces the docked ship")])

    boat = Link("Batu Panjang - Tanjung Medang chartered boat", "sea", "north-strait",
                "Boat chartered at Batu Panjang along Rupat's west coast, used when the inland road is blocked")
    boat.set("duration", tri(2, 2.5, 3.5), "estimate: similar to the Dumai speedboat (~2.5 h [S untukilihat 2012])")
    boat.set("window", OrderedDict(**{"from": "06:00"}, to="17:30"), "estimate: daylight only")
    boat.set("vessel", OrderedDict(wave_limit_m=1.5, delay=tri(0, 0.5, 2), cancel_probability=0.05),
             "estimate: motor boat limit 1.5 m (BMKG barge 1.5 m [S babeindonesia]); delay and cancel estimate")
    boat.set("damage_probability", 0.08, "estimate: spray, as the speedboat")
    strategy(S_PRE,
             "Rupat Utara's kits travel with the Rupat convoy a day early (6 Feb, includes 'Rupat one day earlier') and "
             "wait at PPK Rupat in Batu Panjang; from there Colt Diesel trucks take the inland road to Tanjung Medang on "
             "the morning of 7 Feb under a Polsek Rupat escort, with a boat chartered at Batu Panjang as the fallback "
             "when the road is blocked. The two Ro-Ro crossings are done a day earlier and a damaged box is replaced "
             "from Batu Panjang, not from Bengkalis.",
             "preposition",
             include=[S_EARLY],
             sets=[
                 ("node.Rupat Utara.supplier", "Rupat", None),
                 ("node.Rupat Utara.route", ["Batu Panjang - Tanjung Medang"], None),
                 ("node.Rupat Utara.fallback", [boat.name], None),
                 ("node.Rupat Utara.planned_dispatch", "2024-02-07T07:00:00+07:00", "estimate: first daylight after the kits reach Batu Panjang"),
                 ("node.Rupat Utara.escort", "Polsek Rupat", None),
             ],
             add_links=[boat])

    # Road clearing: flood-prone mainland trunk roads and flood-prone feeder roads.
    sets = []
    trunk_targets = ["Sungai Pakning - Dumai", "Sungai Pakning - Parit I Api Api", "Sungai Pakning - Lubuk Muda",
                     "Dumai - Sebanga", "Sebanga - Duri", "Duri - Pinggir", "Pinggir - Beringin"]
    flood_feeders = [n for n in links if n not in net["trunk"] and links[n].mode == "road"
                     and "disruption" in links[n].f and links[n].f["disruption"][0]["duration"]["max"] >= 48]
    for n in trunk_targets + flood_feeders:
        d = links[n].f["disruption"][0]
        dur = d["duration"]
        newd = OrderedDict(rate_per_day=d["rate_per_day"],
                           duration=tri(round(dur["min"] / 2, 2), round(dur["mode"] / 2, 2), round(dur["max"] / 2, 2)),
                           detour=d.get("detour") or tri(1, 3, 6))
        sets.append((f"link.{n}.disruption", newd,
                     "estimate: same flood rate; police and excavators halve the block; escorted detour on plantation tracks (1-6 h) where none existed"))
    strategy(S_ROADS,
             "Police escorts with excavators on standby and traffic-police road clearing on the flood-prone mainland "
             "roads (the Pakning - Dumai - Duri trunk, Jalan Lintas Duri - Pekanbaru, the plantation road to Talang "
             "Muandau and the flood-prone feeder roads of Pinggir, Talang Muandau, Petani and Tasik Serai Timur): "
             "blocks last half as long and an escorted detour exists everywhere.",
             "roads", sets=sets)

    strategy(S_BOATS,
             "Chartered ~10 GT motor boats with a 2.0 m wave limit replace the hired local boat to Hutan Samak "
             "(Titi Akar) and the sampan across Selat Morong (Dungun Baru).",
             "boats",
             sets=[
                 ("link.Titi Akar - Hutan Samak local boat.vessel.wave_limit_m", 2.0, "estimate: ~10 GT motor boat, between BMKG barge 1.5 m and ferry 2.5 m"),
                 ("link.Selat Morong sampan.vessel.wave_limit_m", 2.0, "estimate: ~10 GT motor boat"),
             ])

    c_total = COST["earlier"][0] + COST["roads"][0] + COST["boats"][0]
    COST["combined"] = (c_total, f"estimate: sum of the included strategies (Rp {COST['earlier'][0]:,} + {COST['roads'][0]:,} + {COST['boats'][0]:,})".replace(",", "."))
    strategy("Combined package",
             "The earlier dispatch to Rupat and Rupat Utara, escorted road clearing on the flood-prone mainland roads "
             "and larger boats for the boat-only villages. Left out: the Air Putih standby vessel (with days of slack "
             "before the PPK deadline a docked Ro-Ro costs hours, not the deadline, and it is the most expensive item) "
             "and pre-positioning at Batu Panjang (it adds little over the earlier dispatch, and it puts PPK Rupat Utara "
             "under PPK Rupat). Chosen from trial runs of the base and wet scenarios; re-check against the strategy results.",
             "combined",
             include=[S_EARLY, S_ROADS, S_BOATS])
    return doc.text()


# =============================================================================================
# 12. Checks against the scenario format (src/scenario/types.rs)
# =============================================================================================

DIST_KEYS = {
    "fixed": ({"value"}, {"unit"}),
    "uniform": ({"min", "max"}, {"unit"}),
    "triangular": ({"min", "mode", "max"}, {"unit"}),
    "pert": ({"min", "mode", "max"}, {"unit"}),
    "normal": ({"mean", "sd"}, {"unit"}),
    "lognormal": (set(), {"median", "p90", "mean", "sd", "unit"}),
    "gamma": (set(), {"shape", "scale", "mean", "sd", "unit"}),
    "exponential": ({"mean"}, {"unit"}),
    "empirical": (set(), {"samples", "quantiles", "unit"}),
}
SCHEMA = {
    "file": ({"scenario"}, {"extends", "defaults", "zone", "link", "fleet", "escort", "node", "strategy"}),
    "scenario": ({"name", "start"}, {"description", "horizon_days", "seed", "target", "basemap", "basemap_credit", "assumptions"}),
    "defaults": (set(), {"station_deadline", "hub_deadline", "village_deadline", "handling", "last_mile", "load_per_station"}),
    "zone": ({"name", "step_h", "states", "initial", "transition"}, {"follow"}),
    "follow": ({"zone", "probability"}, set()),
    "state": ({"name"}, {"wave_m", "sail_factor", "road_factor", "disruption_factor", "damage_factor"}),
    "link": ({"name", "mode"}, {"zone", "duration", "distance_km", "speed_kmh", "timetable", "window", "vessel", "queue", "disruption", "damage_probability"}),
    "timetable": (set(), {"times", "every_min", "from", "to"}),
    "window": ({"from", "to"}, set()),
    "vessel": ({"wave_limit_m"}, {"delay", "cancel_probability", "outage"}),
    "outage": ({"probability_per_day", "cancel_fraction"}, set()),
    "queue": (set(), {"delay", "missed_departures"}),
    "disruption": ({"rate_per_day", "duration"}, {"detour"}),
    "fleet": ({"name", "capacity", "count"}, {"return_time"}),
    "escort": ({"name", "teams"}, {"return_time"}),
    "node": ({"name", "kind"}, {"lat", "lon", "ready", "supplier", "route", "fallback", "fallback_if_blocked_h", "fleet", "load",
                                "load_per_station", "planned_dispatch", "handling", "deadline", "stations", "station_deadline",
                                "last_mile", "escort", "reserve_replacement"}),
    "strategy": ({"name"}, {"description", "cost_idr", "cost_source", "set", "add_link", "add_node", "add_fleet", "include"}),
}
DIST_FIELDS = {"link": {"duration", "speed_kmh"}, "vessel": {"delay"}, "queue": {"delay", "missed_departures"},
               "disruption": {"duration", "detour"}, "fleet": {"return_time"}, "escort": {"return_time"},
               "node": {"ready", "handling", "last_mile", "reserve_replacement"}, "defaults": {"handling", "last_mile"}}
SUBTABLES = {"link": {"timetable": "timetable", "window": "window", "vessel": "vessel", "queue": "queue", "disruption": "disruption"},
             "vessel": {"outage": "outage"}, "zone": {"follow": "follow"}}
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class CheckError(Exception):
    pass


def check_dist(d, where):
    if not isinstance(d, dict) or "dist" not in d:
        raise CheckError(f"{where}: not a distribution: {d!r}")
    fam = d["dist"]
    if fam not in DIST_KEYS:
        raise CheckError(f"{where}: unknown family {fam}")
    req, opt = DIST_KEYS[fam]
    keys = set(d) - {"dist"}
    if not req <= keys or keys - req - opt:
        raise CheckError(f"{where}: bad keys {sorted(keys)} for {fam}")
    if d.get("unit") not in (None, "min", "h", "day"):
        raise CheckError(f"{where}: bad unit {d['unit']}")
    if fam in ("triangular", "pert") and not d["min"] <= d["mode"] <= d["max"]:
        raise CheckError(f"{where}: min <= mode <= max violated")


def check_table(t, kind, where):
    req, opt = SCHEMA[kind]
    keys = set(t)
    if not req <= keys:
        raise CheckError(f"{where}: missing {sorted(req - keys)}")
    if keys - req - opt:
        raise CheckError(f"{where}: unknown keys {sorted(keys - req - opt)}")
    for k in DIST_FIELDS.get(kind, ()):
        if k in t:
            check_dist(t[k], f"{where}.{k}")
    for k, sub in SUBTABLES.get(kind, {}).items():
        if k in t:
            check_table(t[k], sub, f"{where}.{k}")


def check_datetime(s, where):
    try:
        dt = datetime.fromisoformat(s)
    except ValueError as e:
        raise CheckError(f"{where}: {e}")
    if dt.utcoffset() != timedelta(hours=7):
        raise CheckError(f"{where}: not +07:00")


def check_scenario(doc: dict, where: str, expect_tps: dict | None = None):
    check_table(doc, "file", where)
    check_table(doc["scenario"], "scenario", f"{where}[scenario]")
    check_datetime(doc["scenario"]["start"], f"{where}: start")
    d = doc.get("defaults", {})
    check_table(d, "defaults", f"{where}[defaults]")
    for k in ("station_deadline", "hub_deadline", "village_deadline"):
        if k in d:
            check_datetime(d[k], f"{where}: defaults.{k}")
    zones = {}
    for z in doc.get("zone", []):
        check_table(z, "zone", f"zone {z.get('name')}")
        for s in z["states"]:
            check_table(s, "state", f"zone {z['name']} state")
        n = len(z["states"])
        if len(z["initial"]) != n or abs(sum(z["initial"]) - 1) > 1e-6:
            raise CheckError(f"zone {z['name']}: initial")
        if len(z["transition"]) != n or any(len(r) != n or abs(sum(r) - 1) > 1e-6 for r in z["transition"]):
            raise CheckError(f"zone {z['name']}: transition")
        zones[z["name"]] = z
    for z in zones.values():
        if "follow" in z:
            lead = zones.get(z["follow"]["zone"])
            if lead is None or "follow" in lead or lead["step_h"] != z["step_h"]:
                raise CheckError(f"zone {z['name']}: bad leader")
            if not {s["name"] for s in z["states"]} <= {s["name"] for s in lead["states"]}:
                raise CheckError(f"zone {z['name']}: state names not in leader")
    links = {}
    for l in doc.get("link", []):
        check_link(l, zones, links)
    fleets = {f["name"]: f for f in doc.get("fleet", [])}
    for f in doc.get("fleet", []):
        check_table(f, "fleet", f"fleet {f['name']}")
        if not isinstance(f["count"], int):
            raise CheckError("fleet count must be an integer")
    escorts = {e["name"]: e for e in doc.get("escort", [])}
    for e in doc.get("escort", []):
        check_table(e, "escort", f"escort {e['name']}")
    nodes = {}
    for n in doc.get("node", []):
        check_table(n, "node", f"node {n['name']}")
        if n["name"] in nodes:
            raise CheckError(f"duplicate node {n['name']}")
        nodes[n["name"]] = n
    check_nodes(nodes, links, fleets, escorts)
    if expect_tps is not None:
        per = {}
        for n in nodes.values():
            if n["kind"] == "village":
                per[n["supplier"]] = per.get(n["supplier"], 0) + n.get("stations", 0)
        for k, (t, _) in expect_tps.items():
            if per.get(k) != t:
                raise CheckError(f"TPS of {k}: {per.get(k)} != {t}")
        hubs = [n for n in nodes.values() if n["kind"] == "hub"]
        if sorted(h["name"] for h in hubs) != sorted(KECAMATAN):
            raise CheckError("hub names must be exactly the 11 kecamatan")
        if sum(1 for n in nodes.values() if n["kind"] == "village") != 155:
            raise CheckError("expected 155 villages")
    return nodes, links, zones, fleets, escorts


def check_link(l, zones, links):
    check_table(l, "link", f"link {l['name']}")
    if l["name"] in links:
        raise CheckError(f"duplicate link {l['name']}")
    if "." in l["name"]:
        raise CheckError(f"link name with a dot: {l['name']}")
    if l["mode"] not in ("road", "sea", "river"):
        raise CheckError(f"link {l['name']}: mode")
    if "zone" in l and l["zone"] not in zones:
        raise CheckError(f"link {l['name']}: zone {l['zone']}")
    has_dur = "duration" in l
    has_sp = "distance_km" in l and "speed_kmh" in l
    if has_dur == has_sp:
        raise CheckError(f"link {l['name']}: give duration or distance_km+speed_kmh")
    if "speed_kmh" in l and "unit" in l["speed_kmh"]:
        raise CheckError(f"link {l['name']}: speed has no unit")
    if "vessel" in l and l["mode"] == "road":
        raise CheckError(f"link {l['name']}: vessel on a road")
    if "disruption" in l and l["mode"] != "road":
        raise CheckError(f"link {l['name']}: disruption off road")
    if "queue" in l and "timetable" not in l:
        raise CheckError(f"link {l['name']}: queue without timetable")
    tt = l.get("timetable")
    if tt:
        if ("times" in tt) == ("every_min" in tt):
            raise CheckError(f"link {l['name']}: timetable needs times or every_min")
        for t in tt.get("times", []) + [tt[k] for k in ("from", "to") if k in tt]:
            if not TIME_RE.match(t):
                raise CheckError(f"link {l['name']}: time {t}")
    if "window" in l:
        for t in l["window"].values():
            if not TIME_RE.match(t):
                raise CheckError(f"link {l['name']}: window {t}")
    links[l["name"]] = l


def check_nodes(nodes, links, fleets, escorts):
    depots = [n for n in nodes.values() if n["kind"] == "depot"]
    if not depots:
        raise CheckError("no depot")
    for n in nodes.values():
        if "." in n["name"]:
            raise CheckError(f"node name with a dot: {n['name']}")
        if n["kind"] == "depot":
            if "supplier" in n or "ready" not in n:
                raise CheckError(f"depot {n['name']}")
            continue
        if n.get("supplier") not in nodes or not n.get("route"):
            raise CheckError(f"node {n['name']}: supplier/route")
        for r in (n["route"], n.get("fallback", [])):
            for ln in r:
                if ln not in links:
                    raise CheckError(f"node {n['name']}: unknown link {ln}")
        if n.get("fleet") not in fleets:
            raise CheckError(f"node {n['name']}: fleet")
        if "escort" in n and n["escort"] not in escorts:
            raise CheckError(f"node {n['name']}: escort")
        for k in ("planned_dispatch", "deadline", "station_deadline"):
            if k in n:
                check_datetime(n[k], f"node {n['name']}.{k}")
        if not isinstance(n.get("stations", 0), int):
            raise CheckError(f"node {n['name']}: stations must be an integer")
    # acyclic: every node reaches a depot
    for n in nodes.values():
        seen, cur = set(), n
        while cur["kind"] != "depot":
            if cur["name"] in seen:
                raise CheckError(f"cycle at {n['name']}")
            seen.add(cur["name"])
            cur = nodes[cur["supplier"]]


def apply_path(base: dict, path: str, value):
    parts = path.split(".")
    if parts[0] == "defaults":
        base.setdefault("defaults", {})[parts[1]] = value
        return
    table, name, keys = parts[0], parts[1], parts[2:]
    arr = base.get(table, [])
    obj = next((o for o in arr if o["name"] == name), None)
    if obj is None:
        raise CheckError(f"set {path}: no {table} named {name}")
    for k in keys[:-1]:
        if k not in obj or not isinstance(obj[k], dict):
            raise CheckError(f"set {path}: no table {k}")
        obj = obj[k]
    obj[keys[-1]] = value


def check_mitigations(mdoc: dict, base: dict):
    import copy
    check_table(mdoc, "file", "mitigations")
    if set(mdoc) - {"extends", "scenario", "strategy"}:
        raise CheckError("a file with extends holds [scenario] and [[strategy]] only")
    strategies = {s["name"]: s for s in mdoc["strategy"]}

    def apply(s, doc, stack=()):
        if s["name"] in stack:
            raise CheckError(f"include cycle at {s['name']}")
        for inc in s.get("include", []):
            if inc not in strategies:
                raise CheckError(f"{s['name']}: unknown include {inc}")
            apply(strategies[inc], doc, stack + (s["name"],))
        for l in s.get("add_link", []):
            doc.setdefault("link", []).append(l)
        for n in s.get("add_node", []):
            doc.setdefault("node", []).append(n)
        for f in s.get("add_fleet", []):
            doc.setdefault("fleet", []).append(f)
        for p, v in s.get("set", {}).items():
            apply_path(doc, p, v)

    for s in mdoc["strategy"]:
        check_table(s, "strategy", f"strategy {s['name']}")
        doc = copy.deepcopy(base)
        apply(s, doc)
        try:
            check_scenario(doc, f"base + {s['name']}")
        except CheckError as e:
            raise CheckError(f"strategy {s['name']}: {e}")


# =============================================================================================
# 13. Main
# =============================================================================================


def summary(net, out=sys.stderr):
    links = net["links"]
    print(f"== {net['variant']} ==", file=out)
    print("TPS per kecamatan:", file=out)
    for k, (t, src) in net["tps"].items():
        print(f"  {k:18s} {t:4d}  {'[S]' if k in TPS_2024_SOURCED else '[E]'}", file=out)
    print(f"  {'total':18s} {sum(t for t, _ in net['tps'].values()):4d}", file=out)
    ready = dist_mode_h(from_tuple(DEPOT_READY)) + dist_mode_h(from_tuple(DEPOT_HANDLING))
    print("Nominal (mode) timeline: hub arrival / last village arrival:", file=out)
    for kec in KECAMATAN:
        route, _ = net["hub_routes"][kec]
        t0 = max(hours_of(HUB_DISPATCH[kec][0]), ready)
        ta = traverse(links, route, t0)
        tv = 0
        for vn in net["villages"]:
            if vn["kec"] == kec:
                t1 = max(hours_of(vn["dispatch"]), ta + dist_mode_h(from_tuple(HUB_HANDLING)))
                tv = max(tv, traverse(links, vn["route"], t1))
        print(f"  {kec:18s} leaves {fmt_h(t0)}  PPK {fmt_h(ta)}  last PPS {fmt_h(tv)}", file=out)
    # expected damage events on depot -> PPK consignments (weather factor at stationary mean)
    w = WEATHER[net["variant"]]
    mean_factor = {}
    for z in ["bengkalis-strait", "rupat-strait", "north-strait", "mainland"]:
        pi = stationary([[float(x) for x in r] for r in w[z]["transition"]])
        fac = SEA_DAMAGE_FACTOR if z != "mainland" else LAND_DAMAGE_FACTOR
        mean_factor[z] = sum(p * f for p, f in zip(pi, fac))
    tot = 0
    parts = []
    for kec in KECAMATAN:
        route, _ = net["hub_routes"][kec]
        q = 1.0
        for n in route:
            l = links[n]
            p = l.f.get("damage_probability", (0, ""))[0]
            q *= 1 - min(1, p * mean_factor[l.zone])
        tot += 1 - q
        parts.append(f"{kec} {1 - q:.2f}")
    vil = 0
    for vn in net["villages"]:
        q = 1.0
        for n in vn["route"]:
            l = links[n]
            q *= 1 - min(1, l.f.get("damage_probability", (0, ""))[0] * mean_factor[l.zone])
        vil += 1 - q
    print(f"Expected damaged consignments: depot->PPK {tot:.2f} ({', '.join(parts)}); PPK->PPS {vil:.2f}", file=out)
    print("Mean weather damage factors: " + ", ".join(f"{z} {f:.2f}" for z, f in mean_factor.items()), file=out)


def main(argv=None):
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("villages_csv", nargs="?", default="../shared/data/bengkalis-villages.csv",
                    help="villages CSV (relative to the repository root); default %(default)s")
    ap.add_argument("--out", default="scenarios", help="output folder (relative to the repository root)")
    ap.add_argument("--quiet", action="store_true", help="no summary on stderr")
    a = ap.parse_args(argv)
    csv_path = Path(a.villages_csv)
    csv_abs = csv_path if csv_path.is_absolute() else here / csv_path
    out = Path(a.out) if Path(a.out).is_absolute() else here / a.out
    out.mkdir(parents=True, exist_ok=True)

    base = build(csv_abs, "base")
    wet = build(csv_abs, "wet")
    files = {
        "bengkalis-2024.toml": write_scenario(base, a.villages_csv),
        "bengkalis-2024-wet.toml": write_scenario(wet, a.villages_csv),
        "bengkalis-2024-mitigations.toml": write_mitigations(base, a.villages_csv),
    }
    # Check before writing anything.
    parsed = {k: tomllib.loads(v) for k, v in files.items()}
    check_scenario(parsed["bengkalis-2024.toml"], "bengkalis-2024.toml", base["tps"])
    check_scenario(parsed["bengkalis-2024-wet.toml"], "bengkalis-2024-wet.toml", wet["tps"])
    check_mitigations(parsed["bengkalis-2024-mitigations.toml"], parsed["bengkalis-2024.toml"])
    for k, v in files.items():
        (out / k).write_text(v, encoding="utf-8")
        if not a.quiet:
            print(f"wrote {out / k} ({len(v.splitlines())} lines)", file=sys.stderr)
    if not a.quiet:
        summary(base)
        summary(wet)


if __name__ == "__main__":
    main()
