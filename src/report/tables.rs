//! The report's tables, built from the same rows the CSV files are written from
//! ([`crate::export`]): no file is written and read back, and no column is looked up by name.

use serde::Serialize;

use super::prob;
use crate::export::causes_csv::{self, CauseRow};
use crate::export::links_csv::{self, LinkRow};
use crate::export::summary_csv::{self, Level, SummaryRow};
use crate::export::{h2, opt, p4};
use crate::summary::{Prob, Summary};

/// A table: a header and rows of cells.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Table {
    /// Column headings.
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Row>,
}

/// A row of cells.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The cells, formatted.
    pub cells: Vec<String>,
}

/// `97.3% [96.1–98.2]` from an estimate and its optional bounds; only the estimate when the
/// bounds are absent; empty without an estimate.
fn prob_cell(p: Option<f64>, lo: Option<f64>, hi: Option<f64>) -> String {
    match (p, lo, hi) {
        (Some(p), Some(lo), Some(hi)) => prob(&Prob { p, lo, hi }),
        (Some(p), _, _) => format!("{:.1}%", p * 100.0),
        _ => String::new(),
    }
}

/// An optional count with 3 decimals, as in the CSV.
fn f3(x: Option<f64>) -> String {
    x.map(|x| format!("{x:.3}")).unwrap_or_default()
}

fn header(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| c.to_string()).collect()
}

/// A kecamatan's row of the report: its two TPS questions and its PPK.
fn kecamatan_row(r: &SummaryRow) -> Row {
    let p = prob_cell(r.p_on_time, r.p_on_time_lo, r.p_on_time_hi);
    let opening = prob_cell(
        r.p_some_tps_without_materials_at_opening,
        r.p_some_tps_without_materials_at_opening_lo,
        r.p_some_tps_without_materials_at_opening_hi,
    );
    Row {
        cells: vec![
            if r.below_target == Some(true) {
                format!("⚠ {} (below target)", r.name)
            } else {
                r.name.clone()
            },
            r.stations.to_string(),
            prob_cell(r.p_all_tps_on_time, r.p_all_tps_lo, r.p_all_tps_hi),
            f3(r.expected_late_tps),
            if opening.is_empty() {
                "voting opening not set".into()
            } else {
                opening
            },
            f3(r.expected_tps_without_materials_at_opening),
            r.last_tps_p50.clone().unwrap_or_default(),
            r.last_tps_p95.clone().unwrap_or_default(),
            if p.is_empty() {
                "no deadline".into()
            } else {
                p
            },
            r.deadline.clone().unwrap_or_default(),
            r.arrival_p95.clone(),
            r.leading_cause.clone().unwrap_or_default(),
        ],
    }
}

/// Any other place's row of the report.
fn place_row(r: &SummaryRow) -> Row {
    Row {
        cells: vec![
            r.name.clone(),
            r.level.label().to_string(),
            r.kecamatan.clone().unwrap_or_default(),
            r.stations.to_string(),
            prob_cell(r.p_on_time, r.p_on_time_lo, r.p_on_time_hi),
            r.deadline.clone().unwrap_or_default(),
            r.arrival_p50.clone(),
            r.arrival_p80.clone(),
            r.arrival_p95.clone(),
            opt(r.late_mean_h, h2),
            r.leading_cause.clone().unwrap_or_default(),
        ],
    }
}

/// The rows of `summary.csv` as two tables: the kecamatan, and every other place.
pub fn summary_tables(s: &Summary) -> (Table, Table) {
    let mut kec = Table {
        header: header(&[
            "Kecamatan",
            "TPS",
            "P(every TPS by H-1) [95%]",
            "Expected late TPS",
            "P(some TPS without materials at voting opening) [95%]",
            "Expected TPS without materials",
            "Latest TPS arrival P50",
            "P95",
            "P(PPK by its deadline) [95%]",
            "PPK deadline",
            "PPK arrival P95",
            "Leading cause (TPS)",
        ]),
        rows: Vec::new(),
    };
    let mut other = Table {
        header: header(&[
            "Place",
            "Kind",
            "Kecamatan",
            "TPS",
            "P(on time) [95%]",
            "Deadline",
            "Arrival P50",
            "P80",
            "P95",
            "Mean lateness when late (h)",
            "Leading cause",
        ]),
        rows: Vec::new(),
    };
    for r in summary_csv::rows(s) {
        if r.level == Level::Kecamatan {
            kec.rows.push(kecamatan_row(&r));
        } else {
            other.rows.push(place_row(&r));
        }
    }
    (kec, other)
}

/// The rows of `causes.csv`, with the file's column names.
pub fn causes_table(s: &Summary) -> Table {
    Table {
        header: header(&causes_csv::header()),
        rows: causes_csv::rows(s)
            .iter()
            .map(|r: &CauseRow| Row {
                cells: causes_csv::cells(r),
            })
            .collect(),
    }
}

/// The first `n` rows of `links.csv` (the most critical links), with the file's column names.
pub fn links_table(s: &Summary, n: usize) -> Table {
    Table {
        header: header(&links_csv::HEADER),
        rows: links_csv::rows(s)
            .iter()
            .take(n)
            .map(|r: &LinkRow| Row {
                cells: vec![
                    r.link.clone(),
                    r.mode.clone(),
                    p4(r.p_critical),
                    p4(r.p_critical_lo),
                    p4(r.p_critical_hi),
                    format!("{:.3}", r.expected_late_tps),
                    opt(r.delay_when_critical_h, h2),
                ],
            })
            .collect(),
    }
}
