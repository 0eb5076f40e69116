//! The report's tables, built from the same rows the CSV files are written from
//! ([`crate::export`]): no file is written and read back, and no column is looked up by name.
//! Headings, figures, times, causes and kinds are in the run's language; the CSV files keep
//! their English column names.

use chrono::FixedOffset;
use serde::Serialize;

use super::words::{cause, local, prob};
use crate::export::causes_csv::{self, CauseRow, CauseScope};
use crate::export::links_csv::{self, LinkRow};
use crate::export::summary_csv::{self, Level, SummaryRow};
use crate::lang::{Lang, format as f, t};
use crate::strategy::{Comparison, StrategyResult};
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

/// `94% (93–95%)` from an estimate and its optional bounds; only the estimate when the
/// bounds are absent; empty without an estimate.
fn prob_cell(lang: Lang, p: Option<f64>, lo: Option<f64>, hi: Option<f64>) -> String {
    match (p, lo, hi) {
        (Some(p), Some(lo), Some(hi)) => prob(lang, &Prob { p, lo, hi }),
        (Some(p), _, _) => f::percent(lang, p),
        _ => String::new(),
    }
}

/// An optional number with `d` decimals.
fn num(lang: Lang, x: Option<f64>, d: usize) -> String {
    x.map(|x| f::number(lang, x, d)).unwrap_or_default()
}

/// A kind of place in words.
fn kind(lang: Lang, l: Level) -> String {
    match l {
        Level::Kecamatan => t!(lang, "kind-kecamatan"),
        Level::Depot => t!(lang, "kind-depot"),
        Level::Hub => t!(lang, "kind-hub"),
        Level::Village => t!(lang, "kind-village"),
    }
}

/// A kecamatan's row of the report: its two TPS questions and its PPK.
fn kecamatan_row(lang: Lang, r: &SummaryRow, tz: &FixedOffset) -> Row {
    let p = prob_cell(lang, r.p_on_time, r.p_on_time_lo, r.p_on_time_hi);
    let opening = prob_cell(
        lang,
        r.p_some_tps_without_materials_at_opening,
        r.p_some_tps_without_materials_at_opening_lo,
        r.p_some_tps_without_materials_at_opening_hi,
    );
    let when = |x: &Option<String>| x.as_deref().map(|x| local(lang, x, tz)).unwrap_or_default();
    Row {
        cells: vec![
            if r.below_target == Some(true) {
                t!(lang, "below-target-mark", kecamatan = &r.name)
            } else {
                r.name.clone()
            },
            f::int(lang, r.stations as i64),
            prob_cell(lang, r.p_all_tps_on_time, r.p_all_tps_lo, r.p_all_tps_hi),
            num(lang, r.expected_late_tps, 3),
            if opening.is_empty() {
                t!(lang, "opening-unset")
            } else {
                opening
            },
            num(lang, r.expected_tps_without_materials_at_opening, 3),
            when(&r.last_tps_p50),
            when(&r.last_tps_p95),
            if p.is_empty() {
                t!(lang, "no-deadline")
            } else {
                p
            },
            when(&r.deadline),
            local(lang, &r.arrival_p95, tz),
            r.leading_cause
                .as_deref()
                .map(|c| cause(lang, c))
                .unwrap_or_default(),
        ],
    }
}

/// Any other place's row of the report.
fn place_row(lang: Lang, r: &SummaryRow, tz: &FixedOffset) -> Row {
    Row {
        cells: vec![
            r.name.clone(),
            kind(lang, r.level),
            r.kecamatan.clone().unwrap_or_default(),
            f::int(lang, r.stations as i64),
            prob_cell(lang, r.p_on_time, r.p_on_time_lo, r.p_on_time_hi),
            r.deadline
                .as_deref()
                .map(|x| local(lang, x, tz))
                .unwrap_or_default(),
            local(lang, &r.arrival_p50, tz),
            local(lang, &r.arrival_p80, tz),
            local(lang, &r.arrival_p95, tz),
            num(lang, r.late_mean_h, 2),
            r.leading_cause
                .as_deref()
                .map(|c| cause(lang, c))
                .unwrap_or_default(),
        ],
    }
}

/// The rows of `summary.csv` as two tables: the kecamatan, and every other place. `tz` is
/// the scenario's UTC offset (the summary's times are local).
pub fn summary_tables(lang: Lang, s: &Summary, tz: &FixedOffset) -> (Table, Table) {
    let mut kec = Table {
        header: vec![
            t!(lang, "col-kecamatan"),
            t!(lang, "col-tps"),
            t!(lang, "col-all-tps"),
            t!(lang, "col-late-tps"),
            t!(lang, "col-opening"),
            t!(lang, "col-tps-without"),
            t!(lang, "col-last-tps-p50"),
            t!(lang, "col-last-tps-p95"),
            t!(lang, "col-ppk-on-time"),
            t!(lang, "col-ppk-deadline"),
            t!(lang, "col-ppk-p95"),
            t!(lang, "col-leading-cause"),
        ],
        rows: Vec::new(),
    };
    let mut other = Table {
        header: vec![
            t!(lang, "col-place"),
            t!(lang, "col-kind"),
            t!(lang, "col-kecamatan"),
            t!(lang, "col-tps"),
            t!(lang, "col-on-time"),
            t!(lang, "col-deadline"),
            t!(lang, "col-arrival-p50"),
            t!(lang, "col-p80"),
            t!(lang, "col-p95"),
            t!(lang, "col-late-hours"),
            t!(lang, "col-leading-cause"),
        ],
        rows: Vec::new(),
    };
    for r in summary_csv::rows(s) {
        if r.level == Level::Kecamatan {
            kec.rows.push(kecamatan_row(lang, &r, tz));
        } else {
            other.rows.push(place_row(lang, &r, tz));
        }
    }
    (kec, other)
}

/// The rows of `causes.csv`: hours of lateness by cause, causes in words.
pub fn causes_table(lang: Lang, s: &Summary) -> Table {
    let mut header = vec![t!(lang, "col-kecamatan"), t!(lang, "col-scope")];
    header.extend(crate::model::CAUSES.iter().map(|c| cause(lang, c)));
    header.push(t!(lang, "col-total"));
    Table {
        header,
        rows: causes_csv::rows(s)
            .iter()
            .map(|r: &CauseRow| {
                let mut cells = vec![
                    r.kecamatan.clone(),
                    match r.scope {
                        CauseScope::Hub => t!(lang, "scope-hub"),
                        CauseScope::Stations => t!(lang, "scope-stations"),
                    },
                ];
                cells.extend(r.hours.iter().map(|&x| f::number(lang, x, 2)));
                cells.push(f::number(lang, r.total(), 2));
                Row { cells }
            })
            .collect(),
    }
}

/// A link's mode in words.
fn mode(lang: Lang, m: &str) -> String {
    match m {
        "road" => t!(lang, "mode-road"),
        "sea" => t!(lang, "mode-sea"),
        "river" => t!(lang, "mode-river"),
        other => other.to_string(),
    }
}

/// The first `n` rows of `links.csv` (the most critical links).
pub fn links_table(lang: Lang, s: &Summary, n: usize) -> Table {
    Table {
        header: vec![
            t!(lang, "col-link"),
            t!(lang, "col-mode"),
            t!(lang, "col-critical"),
            t!(lang, "col-late-tps"),
            t!(lang, "col-delay"),
        ],
        rows: links_csv::rows(s)
            .iter()
            .take(n)
            .map(|r: &LinkRow| Row {
                cells: vec![
                    r.link.clone(),
                    mode(lang, &r.mode),
                    prob_cell(
                        lang,
                        Some(r.p_critical),
                        Some(r.p_critical_lo),
                        Some(r.p_critical_hi),
                    ),
                    f::number(lang, r.expected_late_tps, 3),
                    r.delay_when_critical_h
                        .map(|h| f::hours(lang, h))
                        .unwrap_or_default(),
                ],
            })
            .collect(),
    }
}

/// The legs a strategy changes, in words (from the comparison's `touches`).
fn legs(lang: Lang, touches: &str) -> (String, [bool; 2]) {
    for (levels, key) in [
        ([true, false], "legs-depot-ppk"),
        ([false, true], "legs-ppk-pps"),
        ([true, true], "legs-both"),
        ([false, false], "legs-none"),
    ] {
        if crate::strategy::compare::legs_in_words(levels) == touches {
            return (crate::lang::tr(lang, key, &[]), levels);
        }
    }
    (touches.to_string(), [true, true])
}

/// Why a strategy has no measurable effect, in words: the legs it changes and the late TPS
/// that arise there.
pub fn reason(lang: Lang, c: &Comparison, x: &StrategyResult) -> String {
    let (words, levels) = legs(lang, &x.touches);
    let (a, h) = (0..2).filter(|&j| levels[j]).fold((0.0, 0.0), |(a, h), j| {
        (a + c.base_late_by_level[j], h + c.base_late_h_by_level[j])
    });
    let total: f64 = c.base_late_by_level.iter().sum();
    let total_h: f64 = c.base_late_h_by_level.iter().sum();
    let n2 = |x: f64| f::number(lang, x, 2);
    let n1 = |x: f64| f::number(lang, x, 1);
    if levels[0] != levels[1] {
        t!(
            lang,
            "reason-only",
            legs = words,
            late = n2(a),
            total = n2(total),
            hours = n1(h),
            total_hours = n1(total_h)
        )
    } else {
        t!(
            lang,
            "reason-all",
            legs = words,
            late = n2(a),
            total = n2(total),
            hours = n1(h),
            total_hours = n1(total_h)
        )
    }
}

/// The strategies in ranking order (measurable effects first, by late TPS avoided), with
/// intervals, costs and, for those without a measurable effect, the reason.
pub fn strategy_table(lang: Lang, c: Option<&Comparison>) -> Table {
    let Some(c) = c else {
        return Table::default();
    };
    let header = [
        "col-strategy",
        "col-cost",
        "col-avoided",
        "col-change",
        "col-chance",
        "col-cost-per",
        "col-efficient",
        "col-acts-on",
        "col-why",
    ];
    let rows = crate::strategy::ranking(c)
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let o = &x.overall;
            Row {
                cells: vec![
                    format!("{}. {}", i + 1, x.name),
                    x.cost_idr
                        .map(|c| f::money(lang, c))
                        .unwrap_or_else(|| "–".into()),
                    super::words::mean(lang, &o.avoided, 2),
                    f::points_interval(lang, o.diff.mean, o.diff.lo, o.diff.hi),
                    t!(
                        lang,
                        "strategy-arrow",
                        from = f::percent(lang, o.p_base.p),
                        to = f::percent(lang, o.p_strategy.p)
                    ),
                    match o.cost_per_avoided {
                        Some(c) if x.significant && o.avoided.lo > 0.0 => f::money(lang, c),
                        _ => "–".into(),
                    },
                    if x.efficient {
                        t!(lang, "yes")
                    } else {
                        String::new()
                    },
                    legs(lang, &x.touches).0,
                    match &x.reason {
                        Some(_) => t!(lang, "no-effect", reason = reason(lang, c, x)),
                        None if o.avoided.hi < 0.0 || o.diff.hi < 0.0 => t!(lang, "makes-worse"),
                        None => String::new(),
                    },
                ],
            }
        })
        .collect();
    Table {
        header: header
            .iter()
            .map(|k| crate::lang::tr(lang, k, &[]))
            .collect(),
        rows,
    }
}
