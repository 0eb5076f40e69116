//! From the rows of a TPS list to kecamatan, villages and TPS: the header row, every cell
//! checked (all problems at once), duplicates found, villages and kecamatan placed.

use std::collections::{BTreeMap, HashMap};

use super::cells::{
    MAX_TPS_PER_ROW, in_indonesia, name_problem, outside_help, parse_count, parse_degrees,
    parse_tps_number, shown, tidy,
};
use super::columns::{self, Field};
use super::table::{Cell, Row};
use super::{Problem, rows_words};
use crate::lang::{Msg, msg};

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
    fn at(&self, row: usize, f: Field, message: Msg, help: Msg) -> Problem {
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
        return Err(vec![Problem::at_row(at, msg!("e920"), msg!("e920-help"))]);
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
                        msg!(
                            "e921",
                            column = f.label(),
                            letters = super::table::column_letters(first),
                            header = super::write::c(&names[first])
                        ),
                        msg!("e921-help"),
                    ));
                } else {
                    cols.insert(f, c);
                }
            }
            None => problems.push(Problem::at_cell(
                row.number,
                c,
                h.clone(),
                msg!("e922", header = shown(h), hint = columns::suggestion(h)),
                msg!("e922-help"),
            )),
        }
    }
    let header = Header {
        row: row.number,
        index,
        cols,
        names,
    };
    for f in [Field::Kecamatan, Field::Village, Field::Lat, Field::Lon] {
        if !header.cols.contains_key(&f) {
            let help = match f {
                Field::Lat | Field::Lon => msg!("e923-help-coordinates"),
                _ => msg!("e923-help", column = f.label()),
            };
            problems.push(Problem::at_row(
                header.row,
                msg!("e923", column = f.label()),
                help,
            ));
        }
    }
    match (
        header.cols.contains_key(&Field::TpsNumber),
        header.cols.contains_key(&Field::TpsCount),
    ) {
        (false, false) => {
            problems.push(Problem::at_row(header.row, msg!("e924"), msg!("e924-help")))
        }
        (true, true) => problems.push(Problem::at_row(header.row, msg!("e925"), msg!("e925-help"))),
        _ => {}
    }
    if header.cols.contains_key(&Field::HubLat) != header.cols.contains_key(&Field::HubLon) {
        problems.push(Problem::at_row(header.row, msg!("e926"), msg!("e926-help")));
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
            msg!("e930", value = shown(e)),
            msg!("e930-help"),
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
                msg!("e931", what = what),
                msg!("e931-help", what = what),
            ));
            None
        }
        Some(p) => {
            problems.push(h.at(
                row.number,
                f,
                msg!("e932", what = what, name = shown(&name), reason = p),
                msg!("e932-help"),
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
                    msg!("e930", value = shown(e)),
                    msg!("e930-help-coordinate"),
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
                    problems.push(h.at(
                        row.number,
                        f,
                        msg!("e947", v = shown(t)),
                        msg!("e947-help"),
                    ));
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
                    msg!("e948", lat = la, lon = lo),
                    outside_help(la, lo),
                ));
                None
            }
        }
        (Some(_), None) if !bad => {
            problems.push(h.at(
                row.number,
                lon_f,
                msg!("e949", given = lat_f.label(), empty = lon_f.label()),
                msg!("e949-help"),
            ));
            None
        }
        (None, Some(_)) if !bad => {
            problems.push(h.at(
                row.number,
                lat_f,
                msg!("e949", given = lon_f.label(), empty = lat_f.label()),
                msg!("e949-help"),
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
                    msg!("e940"),
                    msg!("e940-help"),
                )),
                None => problems.push(h.at(
                    row.number,
                    Field::TpsNumber,
                    msg!("e941", v = shown(t)),
                    msg!("e941-help"),
                )),
            }
        }
        Layout::PerVillage => {
            let t = h.text(row, Field::TpsCount);
            let (message, help) = match parse_count(t) {
                Some(n) if (1..=u64::from(MAX_TPS_PER_ROW)).contains(&n) => {
                    count = n as u32;
                    (None, None)
                }
                Some(0) => (Some(msg!("e942")), Some(msg!("e942-help"))),
                Some(n) => (
                    Some(msg!("e943", n = n, max = MAX_TPS_PER_ROW)),
                    Some(msg!("e943-help")),
                ),
                None if t.is_empty() => (Some(msg!("e944")), Some(msg!("e944-help"))),
                None => (Some(msg!("e945", v = shown(t))), Some(msg!("e945-help"))),
            };
            if let (Some(m), Some(help)) = (message, help) {
                problems.push(h.at(row.number, Field::TpsCount, m, help));
            }
        }
    }
    let mut voters = None;
    if h.cols.contains_key(&Field::Voters) {
        let t = h.text(row, Field::Voters);
        if !t.is_empty() {
            match parse_count(t) {
                Some(n) => voters = Some(n),
                None => problems.push(h.at(
                    row.number,
                    Field::Voters,
                    msg!("e946", v = shown(t)),
                    msg!("e946-help"),
                )),
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
        problems.push(Problem::at_row(h.row, msg!("e927"), msg!("e927-help")));
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
                        msg!(
                            "e950",
                            kecamatan = kec.name.as_str(),
                            lat = p.0,
                            lon = p.1,
                            lat0 = q.0,
                            lon0 = q.1,
                            rows = rows_words(hub_rows)
                        ),
                        msg!("e950-help"),
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
                msg!(
                    "e951",
                    village = r.village.as_str(),
                    kecamatan = kecs[k].0.name.as_str(),
                    rows = rows_words(&[first, r.row])
                ),
                msg!("e951-help"),
            ));
            continue;
        }
        if let Some(n) = r.tps
            && let Some(first) = seen_tps.insert((k, v, n), r.row)
        {
            problems.push(h.at(
                r.row,
                Field::TpsNumber,
                msg!(
                    "e952",
                    tps = n,
                    village = kecs[k].0.villages[v].name.as_str(),
                    kecamatan = kecs[k].0.name.as_str(),
                    rows = rows_words(&[first, r.row])
                ),
                msg!("e952-help"),
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
                    msg!(
                        "e953",
                        village = village.name.as_str(),
                        kecamatan = kec.name.as_str(),
                        rows = rows_words(&village.rows)
                    ),
                    msg!("e953-help"),
                ));
            } else {
                let n = village.located_rows as f64;
                village.point = (sums[k][v].0 / n, sums[k][v].1 / n);
            }
        }
    }
    kecs.into_iter().map(|(k, _)| k).collect()
}
