//! From the rows of a TPS list to kecamatan, villages and TPS: the header row, every cell
//! checked (all problems at once), duplicates found, villages and kecamatan placed.

use std::collections::{BTreeMap, HashMap};

use super::Problem;
use super::cells::{
    MAX_TPS_PER_ROW, in_indonesia, name_problem, outside_help, parse_count, parse_degrees,
    parse_tps_number, shown, tidy,
};
use super::columns::{self, Field};
use super::table::{Cell, Row};

/// Rows above the header row that are searched for it (titles, the KPU letterhead...).
const HEADER_SEARCH_ROWS: usize = 20;

/// How the list counts its TPS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One row per TPS, with its number (`No TPS`).
    PerTps,
    /// One row per village, with its number of TPS (`Jumlah TPS`).
    PerVillage,
}

/// A village (PPS) with its TPS.
#[derive(Debug, Clone)]
pub struct Village {
    /// The name as first written in the list (spaces tidied).
    pub name: String,
    /// Its point: the mean of its rows' coordinates.
    pub point: (f64, f64),
    /// How many rows gave coordinates.
    pub located_rows: usize,
    /// Number of TPS.
    pub stations: u32,
    /// The TPS numbers (one row per TPS), sorted.
    pub tps_numbers: Vec<u32>,
    /// Registered voters summed over its rows, if any row gave them.
    pub voters: Option<u64>,
    /// The spreadsheet rows it comes from.
    pub rows: Vec<usize>,
}

/// A kecamatan (PPK) with its villages.
#[derive(Debug, Clone)]
pub struct Kecamatan {
    /// The name as first written in the list.
    pub name: String,
    /// The PPK's point as given in the list, if it was.
    pub given_point: Option<(f64, f64)>,
    /// Its villages, in the order of the list.
    pub villages: Vec<Village>,
}

impl Kecamatan {
    /// The PPK's point: as given, else the centroid (mean) of its villages' points.
    pub fn point(&self) -> (f64, f64) {
        self.given_point.unwrap_or_else(|| {
            let n = self.villages.len().max(1) as f64;
            let lat = self.villages.iter().map(|v| v.point.0).sum::<f64>() / n;
            let lon = self.villages.iter().map(|v| v.point.1).sum::<f64>() / n;
            (lat, lon)
        })
    }
}

/// Everything read from a TPS list.
#[derive(Debug, Clone)]
pub struct TpsList {
    /// One row per TPS or per village.
    pub layout: Layout,
    /// The row of the headers.
    pub header_row: usize,
    /// Data rows read.
    pub data_rows: usize,
    /// The kecamatan in the order of the list.
    pub kecamatan: Vec<Kecamatan>,
}

impl TpsList {
    /// Total TPS.
    pub fn stations(&self) -> u64 {
        self.kecamatan
            .iter()
            .flat_map(|k| &k.villages)
            .map(|v| u64::from(v.stations))
            .sum()
    }
}

/// The header row and where each field's column is.
struct Header {
    row: usize,
    index: usize,
    cols: BTreeMap<Field, usize>,
    names: Vec<String>,
}

impl Header {
    fn cell<'a>(&self, row: &'a Row, f: Field) -> Option<&'a Cell> {
        self.cols.get(&f).and_then(|&c| row.cells.get(c))
    }
    fn text<'a>(&self, row: &'a Row, f: Field) -> &'a str {
        self.cell(row, f).map(Cell::text).unwrap_or("")
    }
    fn at(
        &self,
        row: usize,
        f: Field,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Problem {
        let c = self.cols.get(&f).copied().unwrap_or(0);
        Problem::at_cell(
            row,
            c,
            self.names.get(c).cloned().unwrap_or_default(),
            message,
            help,
        )
    }
}

fn find_header(rows: &[Row]) -> Result<Header, Vec<Problem>> {
    let texts = |r: &Row| -> Vec<String> { r.cells.iter().map(|c| c.text().to_string()).collect() };
    let candidates: Vec<(usize, &Row)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_empty())
        .take(HEADER_SEARCH_ROWS)
        .collect();
    let Some(&(index, row)) = candidates
        .iter()
        .find(|(_, r)| columns::is_header_row(&texts(r)))
    else {
        let at = candidates.first().map(|(_, r)| r.number).unwrap_or(1);
        return Err(vec![Problem::at_row(
            at,
            "no header row with a Kecamatan and a Desa/Kelurahan column was found in the first rows",
            "the first row of the list should name its columns, e.g. Kecamatan, Desa/Kelurahan, No TPS, DPT, Lintang, Bujur (docs/import.md lists every accepted name)",
        )]);
    };
    let names = texts(row);
    let mut cols: BTreeMap<Field, usize> = BTreeMap::new();
    let mut problems = Vec::new();
    for (c, h) in names.iter().enumerate() {
        if h.is_empty() || h.starts_with('#') {
            continue;
        }
        match columns::field_of(h) {
            Some(Field::Ignored) => {}
            Some(f) => {
                if let Some(&first) = cols.get(&f) {
                    problems.push(Problem::at_cell(
                        row.number,
                        c,
                        h.clone(),
                        format!(
                            "a second {} column; column {} ({}) is one already",
                            f.label(),
                            super::table::column_letters(first),
                            names[first]
                        ),
                        "keep one of the two columns, or start the header of the other with # so that it is skipped",
                    ));
                } else {
                    cols.insert(f, c);
                }
            }
            None => problems.push(Problem::at_cell(
                row.number,
                c,
                h.clone(),
                format!("unknown column header '{h}'{}", columns::suggestion(h)),
                "rename it to an accepted header (docs/import.md), delete the column, or start its header with # to skip it",
            )),
        }
    }
    let header = Header {
        row: row.number,
        index,
        cols,
        names,
    };
    let missing = |f: Field, problems: &mut Vec<Problem>, help: &str| {
        if !header.cols.contains_key(&f) {
            problems.push(Problem::at_row(
                header.row,
                format!("the list has no {} column", f.label()),
                help.to_string(),
            ));
        }
    };
    missing(Field::Kecamatan, &mut problems, "add a Kecamatan column");
    missing(Field::Village, &mut problems, "add a Desa/Kelurahan column");
    missing(
        Field::Lat,
        &mut problems,
        "add Lintang and Bujur (latitude and longitude, decimal degrees) of each TPS or village: road distances are computed from them",
    );
    missing(
        Field::Lon,
        &mut problems,
        "add Lintang and Bujur (latitude and longitude, decimal degrees) of each TPS or village: road distances are computed from them",
    );
    match (
        header.cols.contains_key(&Field::TpsNumber),
        header.cols.contains_key(&Field::TpsCount),
    ) {
        (false, false) => problems.push(Problem::at_row(
            header.row,
            "the list has neither a No TPS column (one row per TPS) nor a Jumlah TPS column (one row per village)",
            "add one of them",
        )),
        (true, true) => problems.push(Problem::at_row(
            header.row,
            "the list has both a No TPS and a Jumlah TPS column",
            "keep No TPS for a list with one row per TPS, or Jumlah TPS for one row per village, and start the other header with # to skip it",
        )),
        _ => {}
    }
    if header.cols.contains_key(&Field::HubLat) != header.cols.contains_key(&Field::HubLon) {
        problems.push(Problem::at_row(
            header.row,
            "the list gives only one of Lintang PPK and Bujur PPK",
            "give both columns, or neither (then each PPK is placed at the centre of its villages)",
        ));
    }
    if problems.is_empty() {
        Ok(header)
    } else {
        Err(problems)
    }
}

/// One checked data row.
struct Record {
    row: usize,
    kecamatan: String,
    village: String,
    tps: Option<u32>,
    count: u32,
    voters: Option<u64>,
    point: Option<(f64, f64)>,
    hub_point: Option<(f64, f64)>,
}

fn name_cell(h: &Header, row: &Row, f: Field, problems: &mut Vec<Problem>) -> Option<String> {
    if let Some(Cell::Error(e)) = h.cell(row, f) {
        problems.push(h.at(
            row.number,
            f,
            format!("the cell holds the spreadsheet error {e}"),
            "correct the formula or type the name",
        ));
        return None;
    }
    let name = tidy(h.text(row, f));
    let what = if f == Field::Kecamatan {
        "kecamatan"
    } else {
        "desa/kelurahan"
    };
    match name_problem(&name) {
        None => Some(name),
        Some(_) if name.is_empty() => {
            problems.push(h.at(
                row.number,
                f,
                format!("the {what} name is empty"),
                format!("type the {what} of this row"),
            ));
            None
        }
        Some(p) => {
            problems.push(h.at(
                row.number,
                f,
                format!("the {what} name '{}' cannot be used: {p}", shown(&name)),
                "type the name as letters, digits, spaces and ordinary punctuation",
            ));
            None
        }
    }
}

fn point_cells(
    h: &Header,
    row: &Row,
    lat_f: Field,
    lon_f: Field,
    problems: &mut Vec<Problem>,
) -> Option<(f64, f64)> {
    let mut bad = false;
    let mut read = |f: Field| -> Option<f64> {
        match h.cell(row, f) {
            Some(Cell::Error(e)) => {
                problems.push(h.at(
                    row.number,
                    f,
                    format!("the cell holds the spreadsheet error {e}"),
                    "type the coordinate in decimal degrees",
                ));
                bad = true;
                None
            }
            _ => {
                let t = h.text(row, f);
                if t.is_empty() {
                    return None;
                }
                let v = parse_degrees(t);
                if v.is_none() {
                    problems.push(h.at(row.number, f, format!("'{}' is not a coordinate in decimal degrees", shown(t)), "write a decimal number such as 1.4774 or 102.1318 (a decimal comma is accepted)"));
                    bad = true;
                }
                v
            }
        }
    };
    let lat = read(lat_f);
    let lon = read(lon_f);
    match (lat, lon) {
        (Some(la), Some(lo)) => {
            if in_indonesia(la, lo) {
                Some((la, lo))
            } else {
                problems.push(h.at(
                    row.number,
                    lat_f,
                    format!("the point ({la}, {lo}) is outside Indonesia"),
                    outside_help(la, lo),
                ));
                None
            }
        }
        (Some(_), None) if !bad => {
            problems.push(h.at(
                row.number,
                lon_f,
                format!("{} is given but {} is empty", lat_f.label(), lon_f.label()),
                "give both coordinates or neither",
            ));
            None
        }
        (None, Some(_)) if !bad => {
            problems.push(h.at(
                row.number,
                lat_f,
                format!("{} is given but {} is empty", lon_f.label(), lat_f.label()),
                "give both coordinates or neither",
            ));
            None
        }
        _ => None,
    }
}

fn record(h: &Header, row: &Row, layout: Layout, problems: &mut Vec<Problem>) -> Option<Record> {
    let before = problems.len();
    let kecamatan = name_cell(h, row, Field::Kecamatan, problems);
    let village = name_cell(h, row, Field::Village, problems);
    let (mut tps, mut count) = (None, 1u32);
    match layout {
        Layout::PerTps => {
            let t = h.text(row, Field::TpsNumber);
            match parse_tps_number(t) {
                Some(n) => tps = Some(n),
                None if t.is_empty() => problems.push(h.at(
                    row.number,
                    Field::TpsNumber,
                    "the TPS number is empty",
                    "type the number of this TPS (1, 2, ... or 001, 002, ...)",
                )),
                None => problems.push(h.at(
                    row.number,
                    Field::TpsNumber,
                    format!("'{}' is not a TPS number", shown(t)),
                    "write a whole number of at least 1, such as 7, 007 or TPS 007",
                )),
            }
        }
        Layout::PerVillage => {
            let t = h.text(row, Field::TpsCount);
            match parse_count(t) {
                Some(n) if (1..=u64::from(MAX_TPS_PER_ROW)).contains(&n) => count = n as u32,
                Some(0) => problems.push(h.at(row.number, Field::TpsCount, "the number of TPS is 0", "every village in the list needs at least one TPS; delete the row if it has none")),
                Some(n) => problems.push(h.at(row.number, Field::TpsCount, format!("{n} TPS in one village is not plausible (at most {MAX_TPS_PER_ROW})"), "check the number")),
                None if t.is_empty() => problems.push(h.at(row.number, Field::TpsCount, "the number of TPS is empty", "type the village's number of TPS")),
                None => problems.push(h.at(row.number, Field::TpsCount, format!("'{}' is not a whole number of TPS", shown(t)), "write a whole number such as 12, without text or decimals")),
            }
        }
    }
    let mut voters = None;
    if h.cols.contains_key(&Field::Voters) {
        let t = h.text(row, Field::Voters);
        if !t.is_empty() {
            match parse_count(t) {
                Some(n) => voters = Some(n),
                None => problems.push(h.at(row.number, Field::Voters, format!("'{}' is not a whole number of voters", shown(t)), "write the number of registered voters (DPT) such as 245 or 1.245, or leave the cell empty")),
            }
        }
    }
    let point = point_cells(h, row, Field::Lat, Field::Lon, problems);
    let hub_point = if h.cols.contains_key(&Field::HubLat) {
        point_cells(h, row, Field::HubLat, Field::HubLon, problems)
    } else {
        None
    };
    if problems.len() > before {
        return None;
    }
    Some(Record {
        row: row.number,
        kecamatan: kecamatan?,
        village: village?,
        tps,
        count,
        voters,
        point,
        hub_point,
    })
}

fn rows_text(rows: &[usize]) -> String {
    match rows {
        [] => String::new(),
        [r] => format!("row {r}"),
        [a, b] => format!("rows {a} and {b}"),
        _ => format!(
            "rows {}",
            rows.iter()
                .map(|r| r.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Read the kecamatan, villages and TPS of a list's rows; every problem of the list at once.
pub fn parse(rows: &[Row]) -> Result<TpsList, Vec<Problem>> {
    let h = find_header(rows)?;
    let layout = if h.cols.contains_key(&Field::TpsNumber) {
        Layout::PerTps
    } else {
        Layout::PerVillage
    };
    let mut problems = Vec::new();
    let (records, data_rows) = data_records(rows, &h, layout, &mut problems);
    let kecamatan = group(&records, &h, layout, &mut problems);
    problems.sort_by_key(|p| p.sort_key());
    if problems.is_empty() {
        Ok(TpsList {
            layout,
            header_row: h.row,
            data_rows,
            kecamatan,
        })
    } else {
        Err(problems)
    }
}

/// The checked records of the data rows below the header (blank rows and repeated headers
/// skipped), and how many data rows there are.
fn data_records(
    rows: &[Row],
    h: &Header,
    layout: Layout,
    problems: &mut Vec<Problem>,
) -> (Vec<Record>, usize) {
    let header_texts: Vec<String> = rows[h.index]
        .cells
        .iter()
        .map(|c| c.text().to_string())
        .collect();
    let mut records = Vec::new();
    let mut data_rows = 0;
    for row in &rows[h.index + 1..] {
        if row.is_empty() {
            continue;
        }
        // A header repeated on every printed page is skipped.
        if row
            .cells
            .iter()
            .map(|c| c.text())
            .eq(header_texts.iter().map(String::as_str))
        {
            continue;
        }
        data_rows += 1;
        if let Some(r) = record(h, row, layout, problems) {
            records.push(r);
        }
    }
    if data_rows == 0 {
        problems.push(Problem::at_row(
            h.row,
            "the list has a header row but no TPS rows below it",
            "add one row per TPS (or per village) below the header",
        ));
    }
    (records, data_rows)
}

/// The records grouped into kecamatan and villages, with every village's point; duplicate
/// TPS and villages, disagreeing PPK points and villages without a point are problems.
fn group(
    records: &[Record],
    h: &Header,
    layout: Layout,
    problems: &mut Vec<Problem>,
) -> Vec<Kecamatan> {
    // Group: kecamatan by name, villages by (kecamatan, name), case-insensitively.
    let key = |s: &str| s.to_lowercase();
    let mut kec_index: HashMap<String, usize> = HashMap::new();
    let mut kecs: Vec<(Kecamatan, Vec<usize>)> = Vec::new(); // with the hub point's row
    let mut village_index: HashMap<(usize, String), usize> = HashMap::new();
    let mut sums: Vec<Vec<(f64, f64)>> = Vec::new(); // per kecamatan, per village: lat, lon sums
    let mut seen_tps: HashMap<(usize, usize, u32), usize> = HashMap::new();
    let mut first_row_of: HashMap<(usize, usize), usize> = HashMap::new();
    for r in records {
        let k = *kec_index.entry(key(&r.kecamatan)).or_insert_with(|| {
            kecs.push((
                Kecamatan {
                    name: r.kecamatan.clone(),
                    given_point: None,
                    villages: Vec::new(),
                },
                Vec::new(),
            ));
            sums.push(Vec::new());
            kecs.len() - 1
        });
        if let Some(p) = r.hub_point {
            let (kec, hub_rows) = &mut kecs[k];
            match kec.given_point {
                None => {
                    kec.given_point = Some(p);
                    hub_rows.push(r.row);
                }
                Some(q) if (q.0 - p.0).abs() > 1e-6 || (q.1 - p.1).abs() > 1e-6 => {
                    problems.push(h.at(
                        r.row,
                        Field::HubLat,
                        format!(
                            "the PPK of kecamatan {} is at ({}, {}) here but at ({}, {}) in {}",
                            kec.name,
                            p.0,
                            p.1,
                            q.0,
                            q.1,
                            rows_text(hub_rows)
                        ),
                        "give the PPK's point once per kecamatan, or the same point on every row",
                    ))
                }
                Some(_) => {}
            }
        }
        let vkey = (k, key(&r.village));
        let new_village = !village_index.contains_key(&vkey);
        let v = *village_index.entry(vkey).or_insert_with(|| {
            kecs[k].0.villages.push(Village {
                name: r.village.clone(),
                point: (0.0, 0.0),
                located_rows: 0,
                stations: 0,
                tps_numbers: Vec::new(),
                voters: None,
                rows: Vec::new(),
            });
            sums[k].push((0.0, 0.0));
            kecs[k].0.villages.len() - 1
        });
        if new_village {
            first_row_of.insert((k, v), r.row);
        } else if layout == Layout::PerVillage {
            let first = first_row_of[&(k, v)];
            problems.push(h.at(
                r.row,
                Field::Village,
                format!("village {} of kecamatan {} is listed twice (rows {first} and {})", r.village, kecs[k].0.name, r.row),
                "a list with Jumlah TPS has one row per village: add the two counts into one row; if they are two villages of the same name, tell them apart (e.g. 'Sukamaju I')",
            ));
            continue;
        }
        if let Some(n) = r.tps
            && let Some(first) = seen_tps.insert((k, v, n), r.row)
        {
            problems.push(h.at(
                r.row,
                Field::TpsNumber,
                format!(
                    "TPS {n} of village {} (kecamatan {}) is listed twice (rows {first} and {})",
                    kecs[k].0.villages[v].name, kecs[k].0.name, r.row
                ),
                "delete one of the two rows, or correct the TPS number",
            ));
            // Keep the first row as the one later duplicates are compared with.
            seen_tps.insert((k, v, n), first);
            continue;
        }
        let village = &mut kecs[k].0.villages[v];
        village.stations = village.stations.saturating_add(r.count);
        village.tps_numbers.extend(r.tps);
        village.rows.push(r.row);
        if let Some(n) = r.voters {
            village.voters = Some(village.voters.unwrap_or(0).saturating_add(n));
        }
        if let Some(p) = r.point {
            village.located_rows += 1;
            sums[k][v].0 += p.0;
            sums[k][v].1 += p.1;
        }
    }
    for (k, (kec, _)) in kecs.iter_mut().enumerate() {
        for (v, village) in kec.villages.iter_mut().enumerate() {
            village.tps_numbers.sort_unstable();
            if village.located_rows == 0 {
                problems.push(h.at(
                    first_row_of[&(k, v)],
                    Field::Lat,
                    format!("village {} (kecamatan {}) has no coordinates on any of its {}", village.name, kec.name, rows_text(&village.rows)),
                    "fill Lintang and Bujur on at least one row of the village: its road distance is computed from them",
                ));
            } else {
                let n = village.located_rows as f64;
                village.point = (sums[k][v].0 / n, sums[k][v].1 / n);
            }
        }
    }
    kecs.into_iter().map(|(k, _)| k).collect()
}
