//! `results.xlsx`: the figures of a run as an Excel workbook, for planners who keep their tables
//! in a spreadsheet. The same figures as the CSV files, but for people: headers in the run's
//! language, numbers stored as numbers (probabilities formatted as percentages), local times as
//! Excel datetimes, TPS numbers as text (`007`), a frozen header row and first column, column
//! widths and filters, and a first sheet that says how the run was made.
//!
//! Text from a scenario is only ever written as a string cell, never as a formula; a string
//! that a spreadsheet would run as a formula once retyped (the cells
//! [`crate::text::csv_cell`] marks in CSV files) also gets Excel's "quote prefix" (the
//! apostrophe of a typed `'=...`), so editing the cell keeps it text.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::analysis::plan::Plan;
use crate::analysis::sensitivity::Sensitivity;
use crate::analysis::sweep::Sweep;
use crate::error::{Error, Result};
use crate::model::CAUSES;
use crate::strategy::Comparison;
use crate::summary::{NodeKind, Prob, Summary};

/// The words of the workbook in the run's language: a message id (`workbook.ftl`) to its text.
pub type Words<'a> = &'a dyn Fn(&str) -> String;

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (a name, a label): a string cell.
    Text(String),
    /// A count, shown with thousands separators.
    Int(f64),
    /// A probability or share, shown as a percentage with one decimal.
    Pct(f64),
    /// A number shown with `decimals` decimals (0 to 4).
    Num(f64, usize),
    /// Rupiah, whole.
    Rupiah(f64),
    /// A local datetime (wall-clock time of the scenario's offset).
    Time(NaiveDateTime),
    /// Nothing.
    Empty,
}

impl Cell {
    fn opt(x: Option<f64>, f: fn(f64) -> Cell) -> Cell {
        x.map(f).unwrap_or(Cell::Empty)
    }
}

/// A column: its header and width (in characters).
#[derive(Debug, Clone)]
pub struct Column {
    /// The header, in the run's language.
    pub header: String,
    /// Width in characters.
    pub width: f64,
}

/// One sheet: a name, columns and rows of cells.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The sheet's tab name (31 characters at most).
    pub name: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    fn new(w: Words, name: &str, columns: &[(&str, f64)]) -> Sheet {
        Sheet {
            name: w(name),
            columns: columns
                .iter()
                .map(|(id, width)| Column {
                    header: w(id),
                    width: *width,
                })
                .collect(),
            rows: Vec::new(),
        }
    }
}

/// What the first sheet says about a run.
#[derive(Debug, Clone)]
pub struct About {
    /// The scenario's name.
    pub scenario: String,
    /// Its description (may be empty).
    pub description: String,
    /// The scenario file as given.
    pub file: String,
    /// SHA-256 of the scenario file.
    pub sha256: String,
    /// The seed.
    pub seed: u64,
    /// Replications (per variant for a what-if).
    pub runs: u64,
    /// When the run was made.
    pub made: DateTime<FixedOffset>,
    /// What was run (a message id: a run, a plan, a sweep, a sensitivity analysis).
    pub what: &'static str,
    /// The on-time target.
    pub target: f64,
}

/// The local wall-clock time `hours` after `start`, rounded to the minute (as
/// [`crate::time::fmt_local`] shows it).
fn local(start: &DateTime<FixedOffset>, hours: f64) -> NaiveDateTime {
    crate::time::at(start, hours).naive_local()
}

fn time(start: &DateTime<FixedOffset>, h: Option<f64>) -> Cell {
    h.map(|h| Cell::Time(local(start, h)))
        .unwrap_or(Cell::Empty)
}

fn prob3(p: Option<Prob>) -> [Cell; 3] {
    match p {
        Some(p) => [Cell::Pct(p.p), Cell::Pct(p.lo), Cell::Pct(p.hi)],
        None => [Cell::Empty, Cell::Empty, Cell::Empty],
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn text_opt(s: Option<&str>) -> Cell {
    s.map(text).unwrap_or(Cell::Empty)
}

fn yes_no(w: Words, b: bool) -> Cell {
    Cell::Text(w(if b { "wb-yes" } else { "wb-no" }))
}

/// The first sheet: what the run was.
pub fn about_sheet(w: Words, a: &About) -> Sheet {
    let mut s = Sheet::new(
        w,
        "wb-sheet-about",
        &[("wb-about-item", 28.0), ("wb-about-value", 70.0)],
    );
    let zone = crate::lang::format::zone(a.made.offset());
    let pairs: Vec<(&str, Cell)> = vec![
        ("wb-about-what", Cell::Text(w(a.what))),
        ("wb-about-scenario", text(&a.scenario)),
        ("wb-about-description", text(&a.description)),
        ("wb-about-file", text(&a.file)),
        ("wb-about-sha256", text(&a.sha256)),
        // The seed as text: it can exceed the 15 digits a spreadsheet number keeps.
        ("wb-about-seed", Cell::Text(a.seed.to_string())),
        ("wb-about-runs", Cell::Int(a.runs as f64)),
        ("wb-about-target", Cell::Pct(a.target)),
        ("wb-about-made", Cell::Time(a.made.naive_local())),
        ("wb-about-zone", Cell::Text(zone)),
        (
            "wb-about-tool",
            Cell::Text(format!("tepat {}", env!("CARGO_PKG_VERSION"))),
        ),
        ("wb-about-note", Cell::Text(w("wb-about-note-text"))),
    ];
    s.rows = pairs
        .into_iter()
        .map(|(k, v)| vec![Cell::Text(w(k)), v])
        .collect();
    s
}

/// The kecamatan sheet: one row per kecamatan, in file order (as in `summary.csv`).
pub fn kecamatan_sheet(w: Words, s: &Summary, start: &DateTime<FixedOffset>) -> Sheet {
    let mut sh = Sheet::new(
        w,
        "wb-sheet-kecamatan",
        &[
            ("wb-col-kecamatan", 22.0),
            ("wb-col-tps", 8.0),
            ("wb-col-p-all-tps", 14.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-expected-late-tps", 12.0),
            ("wb-col-below-target", 10.0),
            ("wb-col-p-ppk", 14.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-ppk-deadline", 17.0),
            ("wb-col-arrival-p50", 17.0),
            ("wb-col-arrival-p80", 17.0),
            ("wb-col-arrival-p95", 17.0),
            ("wb-col-last-tps-p05", 17.0),
            ("wb-col-last-tps-p50", 17.0),
            ("wb-col-last-tps-p95", 17.0),
            ("wb-col-p-opening", 16.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-expected-opening", 14.0),
            ("wb-col-late-mean-h", 12.0),
            ("wb-col-leading-cause", 18.0),
            ("wb-col-p-never", 12.0),
        ],
    );
    for k in &s.kecamatan {
        let hub = &s.nodes[k.hub];
        let mut row = vec![text(&k.name), Cell::Int(k.stations as f64)];
        row.extend(prob3(Some(k.all_stations_on_time)));
        row.push(Cell::Num(k.late_stations.mean, 3));
        row.push(yes_no(w, k.below_target));
        row.extend(prob3(hub.on_time));
        row.push(time(start, hub.deadline_h));
        row.extend([hub.p50_h, hub.p80_h, hub.p95_h].map(|h| time(start, h)));
        row.extend(k.last_tps_h.map(|h| time(start, h)));
        row.extend(prob3(k.some_without_materials_at_opening));
        row.push(Cell::opt(
            k.without_materials_at_opening.map(|m| m.mean),
            |x| Cell::Num(x, 3),
        ));
        row.push(Cell::opt(hub.late_mean_h, |x| Cell::Num(x, 2)));
        row.push(text_opt(k.leading_cause.as_deref()));
        row.push(Cell::Pct(hub.never));
        sh.rows.push(row);
    }
    sh
}

/// The villages sheet: every place that is not a kecamatan's hub (villages, the depot, other
/// hubs), in the model's order (as in `summary.csv`).
pub fn villages_sheet(w: Words, s: &Summary, start: &DateTime<FixedOffset>) -> Sheet {
    let mut sh = Sheet::new(
        w,
        "wb-sheet-villages",
        &[
            ("wb-col-place", 26.0),
            ("wb-col-level", 10.0),
            ("wb-col-kecamatan", 20.0),
            ("wb-col-tps", 8.0),
            ("wb-col-p-on-time", 13.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-deadline", 17.0),
            ("wb-col-arrival-p50", 17.0),
            ("wb-col-arrival-p80", 17.0),
            ("wb-col-arrival-p95", 17.0),
            ("wb-col-late-mean-h", 12.0),
            ("wb-col-leading-cause", 18.0),
            ("wb-col-p-never", 12.0),
        ],
    );
    for n in &s.nodes {
        if n.kind == NodeKind::Hub && s.kecamatan.iter().any(|k| k.hub == n.index) {
            continue;
        }
        let level = match n.kind {
            NodeKind::Depot => "wb-level-depot",
            NodeKind::Hub => "wb-level-hub",
            NodeKind::Village => "wb-level-village",
        };
        let mut row = vec![text(&n.name), Cell::Text(w(level))];
        row.push(text_opt(n.kecamatan.as_deref()));
        row.push(Cell::Int(n.stations as f64));
        row.extend(prob3(n.on_time));
        row.push(time(start, n.deadline_h));
        row.extend([n.p50_h, n.p80_h, n.p95_h].map(|h| time(start, h)));
        row.push(Cell::opt(n.late_mean_h, |x| Cell::Num(x, 2)));
        row.push(text_opt(n.leading_cause.as_deref()));
        row.push(Cell::Pct(n.never));
        sh.rows.push(row);
    }
    sh
}

/// The stations sheet: one row per TPS (as in `stations.csv`), the TPS number as text.
pub fn stations_sheet(w: Words, s: &Summary) -> Sheet {
    let mut sh = Sheet::new(
        w,
        "wb-sheet-stations",
        &[
            ("wb-col-kecamatan", 20.0),
            ("wb-col-village", 26.0),
            ("wb-col-tps-number", 8.0),
            ("wb-col-p-on-time", 13.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-late-mean-h", 12.0),
        ],
    );
    for r in &s.station_results {
        let mut row = vec![text_opt(r.kecamatan.as_deref()), text(&r.node)];
        row.push(Cell::Text(format!("{:03}", r.number)));
        row.extend(prob3(Some(r.on_time)));
        row.push(Cell::opt(r.late_mean_h, |x| Cell::Num(x, 2)));
        sh.rows.push(row);
    }
    sh
}

/// The causes sheet: expected lateness hours per replication by cause (as in `causes.csv`).
pub fn causes_sheet(w: Words, s: &Summary) -> Sheet {
    let mut cols: Vec<(String, f64)> = vec![
        ("wb-col-kecamatan".into(), 20.0),
        ("wb-col-scope".into(), 12.0),
    ];
    cols.extend(
        CAUSES
            .iter()
            .map(|c| (format!("wb-cause-{}", c.replace(' ', "-")), 12.0)),
    );
    cols.push(("wb-col-total".into(), 10.0));
    let ids: Vec<(&str, f64)> = cols.iter().map(|(c, x)| (c.as_str(), *x)).collect();
    let mut sh = Sheet::new(w, "wb-sheet-causes", &ids);
    for r in super::causes_csv::rows(s) {
        let scope = match r.scope {
            super::causes_csv::CauseScope::Hub => "wb-scope-hub",
            super::causes_csv::CauseScope::Stations => "wb-scope-stations",
        };
        let mut row = vec![text(&r.kecamatan), Cell::Text(w(scope))];
        row.extend(r.hours.iter().map(|&h| Cell::Num(h, 2)));
        row.push(Cell::Num(r.total(), 2));
        sh.rows.push(row);
    }
    sh
}

/// The links sheet: how often each link is the critical link of late TPS (as in `links.csv`).
pub fn links_sheet(w: Words, s: &Summary) -> Sheet {
    let mut sh = Sheet::new(
        w,
        "wb-sheet-links",
        &[
            ("wb-col-link", 34.0),
            ("wb-col-mode", 10.0),
            ("wb-col-p-critical", 14.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-expected-late-tps", 12.0),
            ("wb-col-delay-when-critical", 14.0),
        ],
    );
    for l in &s.links {
        let mut row = vec![text(&l.name), text(&l.mode)];
        row.extend(prob3(Some(l.critical)));
        row.push(Cell::Num(l.late_stations, 3));
        row.push(Cell::opt(l.delay_when_critical_h, |x| Cell::Num(x, 2)));
        sh.rows.push(row);
    }
    sh
}

/// The strategies sheet: per strategy (in ranking order) overall and per kecamatan, as in
/// `comparison.csv`.
pub fn strategies_sheet(w: Words, c: &Comparison) -> Sheet {
    let mut sh = Sheet::new(
        w,
        "wb-sheet-strategies",
        &[
            ("wb-col-strategy", 30.0),
            ("wb-col-scope", 18.0),
            ("wb-col-tps", 8.0),
            ("wb-col-cost", 16.0),
            ("wb-col-p-base", 13.0),
            ("wb-col-p-strategy", 13.0),
            ("wb-col-diff", 12.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-p-better", 11.0),
            ("wb-col-p-worse", 11.0),
            ("wb-col-late-base", 12.0),
            ("wb-col-late-strategy", 12.0),
            ("wb-col-avoided", 12.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-cost-per-avoided", 16.0),
            ("wb-col-efficient", 10.0),
        ],
    );
    for s in crate::strategy::ranking(c) {
        for st in std::iter::once(&s.overall).chain(s.kecamatan.iter()) {
            let overall = st.scope == crate::strategy::Scope::Overall;
            let scope = if overall {
                Cell::Text(w("wb-scope-overall"))
            } else {
                text(st.scope.label())
            };
            let mut row = vec![text(&s.name), scope, Cell::Int(st.stations as f64)];
            row.push(if overall {
                Cell::opt(s.cost_idr, Cell::Rupiah)
            } else {
                Cell::Empty
            });
            row.extend(
                [
                    st.p_base.p,
                    st.p_strategy.p,
                    st.diff.mean,
                    st.diff.lo,
                    st.diff.hi,
                ]
                .map(Cell::Pct),
            );
            row.extend([st.p_better, st.p_worse].map(Cell::Pct));
            row.extend(
                [
                    st.late_base,
                    st.late_strategy,
                    st.avoided.mean,
                    st.avoided.lo,
                    st.avoided.hi,
                ]
                .map(|x| Cell::Num(x, 3)),
            );
            row.push(Cell::opt(st.cost_per_avoided, Cell::Rupiah));
            row.push(if overall {
                yes_no(w, s.efficient)
            } else {
                Cell::Empty
            });
            sh.rows.push(row);
        }
    }
    sh
}

/// The plan sheet: one row per consignment (as in `plan.csv`).
pub fn plan_sheet(w: Words, p: &Plan, start: &DateTime<FixedOffset>) -> Sheet {
    let mut sh = Sheet::new(
        w,
        "wb-sheet-plan",
        &[
            ("wb-col-kecamatan", 20.0),
            ("wb-col-level", 10.0),
            ("wb-col-place", 26.0),
            ("wb-col-planned-dispatch", 17.0),
            ("wb-col-latest-safe-dispatch", 17.0),
            ("wb-col-status", 22.0),
            ("wb-col-slack-h", 10.0),
            ("wb-col-p-with-plan", 14.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-p-hour-later", 14.0),
            ("wb-col-deadline", 17.0),
        ],
    );
    for r in &p.rows {
        let mut row = vec![text(&r.kecamatan), text(&r.level), text(&r.node)];
        row.push(time(start, r.current_h));
        row.push(time(start, r.latest_h));
        row.push(text(&r.status));
        row.push(match (r.latest_h, r.current_h) {
            (Some(l), Some(c)) => Cell::Num(l - c, 0),
            _ => Cell::Empty,
        });
        row.extend(prob3(Some(r.p_at_latest)));
        row.push(Cell::opt(r.p_hour_later.map(|q| q.p), Cell::Pct));
        row.push(time(start, r.deadline_h));
        sh.rows.push(row);
    }
    sh
}

/// The sweep sheet: one row per value and scope (as in `sweep.csv`).
pub fn sweep_sheet(w: Words, s: &Sweep) -> Sheet {
    let mut sh = Sheet::new(
        w,
        "wb-sheet-sweep",
        &[
            ("wb-col-value", 20.0),
            ("wb-col-scope", 20.0),
            ("wb-col-p-all-tps", 14.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-expected-late-tps", 12.0),
        ],
    );
    for p in &s.points {
        let mut row = vec![text(&p.label), Cell::Text(w("wb-scope-overall"))];
        row.extend(prob3(Some(p.all_on_time)));
        row.push(Cell::Num(p.late_stations.mean, 3));
        sh.rows.push(row);
        for (k, name) in s.kecamatan.iter().enumerate() {
            let mut row = vec![text(&p.label), text(name)];
            row.extend(prob3(Some(p.kecamatan[k])));
            row.push(Cell::Empty);
            sh.rows.push(row);
        }
    }
    sh
}

/// The sensitivity sheet: one row per input, widest swing first (as in `sensitivity.csv`).
pub fn sensitivity_sheet(w: Words, s: &Sensitivity) -> Sheet {
    let mut sh = Sheet::new(
        w,
        "wb-sheet-sensitivity",
        &[
            ("wb-col-rank", 7.0),
            ("wb-col-input", 30.0),
            ("wb-col-low-setting", 16.0),
            ("wb-col-high-setting", 16.0),
            ("wb-col-p-low", 13.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-p-high", 13.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-swing", 10.0),
            ("wb-col-p-base", 13.0),
        ],
    );
    for (i, e) in s.effects.iter().enumerate() {
        let mut row = vec![
            Cell::Int((i + 1) as f64),
            text(&e.input),
            text(&e.low),
            text(&e.high),
        ];
        row.extend(prob3(Some(e.p_low)));
        row.extend(prob3(Some(e.p_high)));
        row.push(Cell::Pct(e.swing));
        row.push(Cell::Pct(s.base.p));
        sh.rows.push(row);
    }
    sh
}

/// The sheets of a simulated scenario: about, kecamatan, villages, stations, causes, links and
/// (with strategies) strategies.
pub fn run_sheets(
    w: Words,
    about: &About,
    s: &Summary,
    start: &DateTime<FixedOffset>,
    comparison: Option<&Comparison>,
) -> Vec<Sheet> {
    let mut v = vec![
        about_sheet(w, about),
        kecamatan_sheet(w, s, start),
        villages_sheet(w, s, start),
        stations_sheet(w, s),
        causes_sheet(w, s),
        links_sheet(w, s),
    ];
    if let Some(c) = comparison {
        v.push(strategies_sheet(w, c));
    }
    v
}

fn xlsx(e: XlsxError) -> Error {
    Error::caused("results.xlsx: ", e)
}

/// Excel keeps at most 32,767 characters in a cell.
const MAX_CELL: usize = 32_000;

/// A string fit for a cell: characters XML forbids replaced, cut at [`MAX_CELL`] characters.
fn cell_text(s: &str) -> String {
    let s = crate::text::xml_safe(s);
    if s.chars().count() > MAX_CELL {
        s.chars().take(MAX_CELL).chain(['…']).collect()
    } else {
        s.into_owned()
    }
}

struct Formats {
    header: Format,
    text: Format,
    quoted: Format,
    int: Format,
    pct: Format,
    num: [Format; 5],
    rupiah: Format,
    time: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Bottom)
                .set_border_bottom(FormatBorder::Thin)
                .set_background_color("#ECECEA"),
            text: base.clone(),
            quoted: base.clone().set_quote_prefix(),
            int: base.clone().set_num_format("#,##0"),
            pct: base.clone().set_num_format("0.0%"),
            num: ["0", "0.0", "0.00", "0.000", "0.0000"].map(|f| base.clone().set_num_format(f)),
            rupiah: base.clone().set_num_format("\"Rp\" #,##0"),
            time: base.set_num_format("yyyy-mm-dd hh:mm"),
        }
    }
}

/// Days since Excel's epoch (1899-12-30), with the time of day as the fraction.
fn serial(t: &NaiveDateTime) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    (*t - epoch).num_seconds() as f64 / 86_400.0
}

fn write_cell(ws: &mut Worksheet, f: &Formats, r: u32, c: u16, cell: &Cell) -> Result<()> {
    match cell {
        Cell::Text(s) => {
            let s = cell_text(s);
            // A cell a spreadsheet would run as a formula once retyped keeps Excel's quote
            // prefix (crate::text::csv_cell marks the same cells with an apostrophe in CSV).
            let fmt = match crate::text::csv_cell(&s) {
                std::borrow::Cow::Owned(_) => &f.quoted,
                std::borrow::Cow::Borrowed(_) => &f.text,
            };
            ws.write_string_with_format(r, c, &s, fmt).map_err(xlsx)?;
        }
        Cell::Int(x) => {
            ws.write_number_with_format(r, c, *x, &f.int)
                .map_err(xlsx)?;
        }
        Cell::Pct(x) => {
            ws.write_number_with_format(r, c, *x, &f.pct)
                .map_err(xlsx)?;
        }
        Cell::Num(x, d) => {
            ws.write_number_with_format(r, c, *x, &f.num[(*d).min(4)])
                .map_err(xlsx)?;
        }
        Cell::Rupiah(x) => {
            ws.write_number_with_format(r, c, *x, &f.rupiah)
                .map_err(xlsx)?;
        }
        Cell::Time(t) => {
            let d = ExcelDateTime::from_serial_datetime(serial(t)).map_err(xlsx)?;
            ws.write_datetime_with_format(r, c, d, &f.time)
                .map_err(xlsx)?;
        }
        Cell::Empty => {}
    }
    Ok(())
}

fn write_sheet(ws: &mut Worksheet, f: &Formats, sheet: &Sheet) -> Result<()> {
    ws.set_name(&sheet.name).map_err(xlsx)?;
    for (c, col) in sheet.columns.iter().enumerate() {
        let c = c as u16;
        ws.set_column_width(c, col.width).map_err(xlsx)?;
        ws.write_string_with_format(0, c, cell_text(&col.header), &f.header)
            .map_err(xlsx)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            write_cell(ws, f, r as u32 + 1, c as u16, cell)?;
        }
    }
    // The header row stays in view; so does the first column (the place's name) of a wide
    // table.
    let first_col = u16::from(sheet.columns.len() > 2);
    ws.set_freeze_panes(1, first_col).map_err(xlsx)?;
    if !sheet.rows.is_empty() && sheet.columns.len() > 2 {
        let last_col = sheet.columns.len().saturating_sub(1) as u16;
        ws.autofilter(0, 0, sheet.rows.len() as u32, last_col)
            .map_err(xlsx)?;
    }
    Ok(())
}

/// The bytes of `results.xlsx`: one sheet per [`Sheet`], in order. The workbook's creation
/// date is the run's, so the same sheets made at the same moment give the same bytes.
pub fn bytes(sheets: &[Sheet], made: &DateTime<FixedOffset>) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let f = Formats::new();
    let created = ExcelDateTime::from_serial_datetime(serial(&made.naive_utc())).map_err(xlsx)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    for sheet in sheets {
        write_sheet(wb.add_worksheet(), &f, sheet)?;
    }
    wb.save_to_buffer().map_err(xlsx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serial_dates() {
        let t = NaiveDate::from_ymd_opt(2024, 2, 13)
            .unwrap()
            .and_hms_opt(23, 59, 0)
            .unwrap();
        // 2024-02-13 is day 45,335 of Excel's calendar; 23:59 is 1,439 / 1,440 of a day.
        assert!((serial(&t) - (45_335.0 + 1_439.0 / 1_440.0)).abs() < 1e-9);
    }

    #[test]
    fn long_text_is_cut_and_forbidden_characters_replaced() {
        assert_eq!(cell_text("a\u{0}b"), "a\u{fffd}b");
        let long = "x".repeat(40_000);
        assert_eq!(cell_text(&long).chars().count(), MAX_CELL + 1);
    }
}
