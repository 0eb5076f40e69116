//! The sheets of the strategy comparison and the what-if commands: strategies, plan, sweep
//! and sensitivity. Names and settings the analyses keep in English for their CSV files are
//! given in the run's language here.

use chrono::{DateTime, FixedOffset};

use super::{Cell, Sheet, Words, prob3, text, time, yes_no};
use crate::analysis::plan::Plan;
use crate::analysis::sensitivity::{Sensitivity, input_words, setting_words};
use crate::analysis::sweep::Sweep;
use crate::analysis::words::plan_status;
use crate::lang::Lang;
use crate::strategy::Comparison;

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
/// The answers are in `lang`; the level (PPK, PPS) is the same in both languages.
pub fn plan_sheet(w: Words, p: &Plan, start: &DateTime<FixedOffset>, lang: Lang) -> Sheet {
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
        row.push(Cell::Text(plan_status(lang, &r.status)));
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
    // A duration is swept in hours ("12h"); the header says so.
    let hours = !s.datetimes && s.points.iter().any(|p| p.label.ends_with('h'));
    let value_header = if hours {
        "wb-col-value-hours"
    } else {
        "wb-col-value"
    };
    let mut sh = Sheet::new(
        w,
        "wb-sheet-sweep",
        &[
            (value_header, 20.0),
            ("wb-col-scope", 20.0),
            ("wb-col-p-all-tps", 14.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-expected-late-tps", 12.0),
        ],
    );
    // The value as a spreadsheet value: a datetime in local time, else the number (hours for
    // a duration, as `sweep.csv` has it), with the decimals its label shows.
    let value = |p: &crate::analysis::sweep::SweepPoint| {
        if s.datetimes {
            time(&s.clock.start, Some(p.value))
        } else {
            let decimals = p
                .label
                .trim_end_matches('h')
                .split_once('.')
                .map_or(0, |(_, d)| d.len().min(4));
            Cell::Num(p.value, decimals)
        }
    };
    for p in &s.points {
        let mut row = vec![value(p), Cell::Text(w("wb-scope-overall"))];
        row.extend(prob3(Some(p.all_on_time)));
        row.push(Cell::Num(p.late_stations.mean, 3));
        sh.rows.push(row);
        for (k, name) in s.kecamatan.iter().enumerate() {
            let mut row = vec![value(p), text(name)];
            row.extend(prob3(Some(p.kecamatan[k])));
            row.push(Cell::Empty);
            sh.rows.push(row);
        }
    }
    sh
}

/// The sensitivity sheet: one row per input, widest swing first (as in `sensitivity.csv`).
/// The inputs and their settings are in `lang`.
pub fn sensitivity_sheet(w: Words, s: &Sensitivity, lang: Lang) -> Sheet {
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
            Cell::Text(input_words(lang, &e.input)),
            Cell::Text(setting_words(lang, &e.low)),
            Cell::Text(setting_words(lang, &e.high)),
        ];
        row.extend(prob3(Some(e.p_low)));
        row.extend(prob3(Some(e.p_high)));
        row.push(Cell::Pct(e.swing));
        row.push(Cell::Pct(s.base.p));
        sh.rows.push(row);
    }
    sh
}
