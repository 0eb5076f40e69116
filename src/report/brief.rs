//! `brief.html`: the two-page A4 brief of one scenario for the planning meeting. Page one: the
//! question and its answer in one sentence, the kecamatan below the target, the ten riskiest
//! villages. Page two: the strategies that buy the most safety, with cost and effect; how much
//! room the planned dispatch leaves; the main assumptions and where the numbers come from.
//!
//! The words come from the run's catalogue (`brief.ftl`); every table is capped (at most
//! [`MAX_KECAMATAN`], [`MAX_VILLAGES`], [`MAX_STRATEGIES`] rows, [`MAX_ASSUMPTIONS`]
//! assumptions of at most [`MAX_ASSUMPTION_CHARS`] characters) so that it prints on two pages
//! whatever the scenario says (`budget` checks the text against the measured page budget).

use serde::Serialize;

use super::RunView;
use super::tables::{Row, Table};
use crate::error::Result;
use crate::summary::{Prob, Summary};

const BRIEF: &str = include_str!("brief.html.tt");

/// Most kecamatan below the target listed on page one (the riskiest first; a note counts the
/// rest).
pub const MAX_KECAMATAN: usize = 10;
/// Kecamatan listed on page one when none is below the target (those closest to it).
pub const MAX_CLOSEST: usize = 5;
/// Village rows on page one.
pub const MAX_VILLAGES: usize = 10;
/// Strategy rows on page two.
pub const MAX_STRATEGIES: usize = 5;
/// Kecamatan rows of the dispatch table on page two (the riskiest).
pub const MAX_DISPATCH: usize = 6;
/// Assumptions listed on page two (the rest are in the report).
pub const MAX_ASSUMPTIONS: usize = 4;
/// Characters of one assumption (cut with "…").
pub const MAX_ASSUMPTION_CHARS: usize = 200;
/// Characters of a name in a table cell (cut with "…").
pub const MAX_NAME_CHARS: usize = 30;

/// A message of the run's catalogue with its arguments.
pub type Say<'a> = &'a dyn Fn(&str, &[(&str, String)]) -> String;

/// How numbers and times read in the run's language.
pub struct Style<'a> {
    /// The catalogue.
    pub say: Say<'a>,
    /// The `lang` attribute of the page (`id`, `en`).
    pub lang: &'a str,
    /// A probability as a percentage (`94%`, `99,6%`).
    pub pct: &'a dyn Fn(f64) -> String,
    /// A probability with its 95% interval (`94% (93–95%)`).
    pub interval: &'a dyn Fn(&Prob) -> String,
    /// A number with `d` decimals.
    pub num: &'a dyn Fn(f64, usize) -> String,
    /// Rupiah in words people say (`Rp 175 juta`).
    pub money: &'a dyn Fn(f64) -> String,
    /// A local time `h` hours after the scenario's start (`13 Feb 2024 23.59 WIB`).
    pub time: &'a dyn Fn(f64) -> String,
}

#[derive(Debug, Clone, Serialize)]
struct BriefData {
    lang: String,
    tool: String,
    title: String,
    meta: String,
    h_question: String,
    question: String,
    answer: String,
    answer_note: String,
    class: String,
    h_below: String,
    below_lead: String,
    below: Table,
    h_villages: String,
    villages_lead: String,
    villages: Table,
    h_strategies: String,
    strategies_lead: String,
    strategies: Table,
    h_dispatch: String,
    dispatch_lead: String,
    dispatch: Table,
    h_assumptions: String,
    assumptions: Vec<String>,
    no_assumptions: String,
    more_assumptions: String,
    h_sources: String,
    sources: Vec<String>,
    footer: String,
}

/// `s` cut to `n` characters, with "…".
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() > n {
        s.chars().take(n - 1).chain(['…']).collect()
    } else {
        s.to_string()
    }
}

fn header(st: &Style, ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| (st.say)(id, &[])).collect()
}

fn interval(st: &Style, p: &Prob) -> String {
    (st.interval)(p)
}

/// The target as a percentage, without decimals when it is whole (`95%`).
fn target(st: &Style, t: f64) -> String {
    let x = t * 100.0;
    let d = if (x - x.round()).abs() < 1e-9 { 0 } else { 1 };
    format!("{}%", (st.num)(x, d))
}

fn class_of(p: &Prob, target: f64) -> &'static str {
    if p.lo >= target {
        "good"
    } else if p.hi < target {
        "bad"
    } else {
        "warn"
    }
}

/// The question and the answer in one sentence each.
fn answer(st: &Style, s: &Summary, run: &RunView) -> (String, String, String) {
    let deadline = s.h1_h.map(|h| (st.time)(h)).unwrap_or_default();
    let question = (st.say)(
        "brief-question",
        &[
            ("tps", (st.num)(s.stations as f64, 0)),
            ("deadline", deadline),
            (
                "has_deadline",
                if s.h1_h.is_some() { "yes" } else { "no" }.into(),
            ),
        ],
    );
    let answer = (st.say)(
        "brief-answer",
        &[
            ("p", (st.pct)(s.all_on_time.p)),
            ("lo", (st.pct)(s.all_on_time.lo)),
            ("hi", (st.pct)(s.all_on_time.hi)),
            ("late", (st.num)(s.late_stations.mean, 1)),
            ("target", target(st, s.target)),
            ("below", s.below_target.len().to_string()),
            (
                "short",
                if s.below_target.is_empty() {
                    "none"
                } else {
                    "some"
                }
                .into(),
            ),
            ("kecamatan", s.kecamatan.len().to_string()),
            ("verdict", class_of(&s.all_on_time, s.target).to_string()),
        ],
    );
    let note = (st.say)(
        "brief-answer-note",
        &[
            ("runs", (st.num)(run.manifest.runs as f64, 0)),
            ("target", target(st, s.target)),
        ],
    );
    (question, answer, note)
}

/// Kecamatan below the target, riskiest first (all of them when none is below: the reader
/// sees the margins).
fn below(st: &Style, s: &Summary) -> (String, Table) {
    let order = crate::summary::risk_order(&s.kecamatan);
    let below: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&k| s.kecamatan[k].below_target)
        .collect();
    let (mut lead, rows) = if below.is_empty() {
        (
            (st.say)(
                "brief-below-none",
                &[
                    ("target", target(st, s.target)),
                    ("shown", order.len().min(MAX_CLOSEST).to_string()),
                ],
            ),
            order.into_iter().take(MAX_CLOSEST).collect(),
        )
    } else {
        (
            (st.say)(
                "brief-below-some",
                &[
                    ("target", target(st, s.target)),
                    ("count", below.len().to_string()),
                    ("kecamatan", s.kecamatan.len().to_string()),
                ],
            ),
            below,
        )
    };
    if rows.len() > MAX_KECAMATAN {
        lead.push(' ');
        lead.push_str(&(st.say)(
            "brief-below-more",
            &[
                ("shown", MAX_KECAMATAN.to_string()),
                ("rest", (rows.len() - MAX_KECAMATAN).to_string()),
            ],
        ));
    }
    let table = Table {
        header: header(
            st,
            &[
                "brief-col-kecamatan",
                "brief-col-tps",
                "brief-col-p-all",
                "brief-col-late",
                "brief-col-last-tps",
                "brief-col-cause",
            ],
        ),
        rows: rows
            .iter()
            .take(MAX_KECAMATAN)
            .map(|&k: &usize| {
                let kr = &s.kecamatan[k];
                Row {
                    cells: vec![
                        cut(&kr.name, MAX_NAME_CHARS),
                        (st.num)(kr.stations as f64, 0),
                        interval(st, &kr.all_stations_on_time),
                        (st.num)(kr.late_stations.mean, 2),
                        kr.last_tps_h[2]
                            .map(|h| (st.time)(h))
                            .unwrap_or_else(|| (st.say)("brief-never", &[])),
                        cause(st, kr.leading_cause.as_deref()),
                    ],
                }
            })
            .collect(),
    };
    (lead, table)
}

/// A cause in the run's language ("–" for none).
fn cause(st: &Style, c: Option<&str>) -> String {
    match c {
        Some(c) => crate::lang::cause(crate::lang::Lang::parse(st.lang).unwrap_or_default(), c),
        None => "–".into(),
    }
}

fn villages(st: &Style, s: &Summary) -> Table {
    Table {
        header: header(
            st,
            &[
                "brief-col-village",
                "brief-col-kecamatan",
                "brief-col-tps",
                "brief-col-late",
                "brief-col-share",
                "brief-col-cause",
            ],
        ),
        rows: s
            .riskiest_villages
            .iter()
            .take(MAX_VILLAGES)
            .map(|v| Row {
                cells: vec![
                    cut(&v.name, MAX_NAME_CHARS),
                    cut(v.kecamatan.as_deref().unwrap_or("–"), MAX_NAME_CHARS),
                    (st.num)(v.stations as f64, 0),
                    (st.num)(v.expected_late, 2),
                    (st.pct)(v.share_on_time),
                    cause(st, v.leading_cause.as_deref()),
                ],
            })
            .collect(),
    }
}

/// The strategies in ranking order, at most [`MAX_STRATEGIES`].
fn strategies(st: &Style, run: &RunView) -> (String, Table) {
    let Some(c) = run.comparison else {
        return ((st.say)("brief-strategies-none", &[]), Table::default());
    };
    let ranked = crate::strategy::ranking(c);
    let lead = (st.say)(
        "brief-strategies-lead",
        &[
            ("count", ranked.len().to_string()),
            ("shown", ranked.len().min(MAX_STRATEGIES).to_string()),
            ("runs", (st.num)(c.runs as f64, 0)),
        ],
    );
    let table = Table {
        header: header(
            st,
            &[
                "brief-col-strategy",
                "brief-col-cost",
                "brief-col-avoided",
                "brief-col-p-change",
                "brief-col-per-avoided",
            ],
        ),
        rows: ranked
            .iter()
            .take(MAX_STRATEGIES)
            .map(|x| {
                let o = &x.overall;
                let measurable = x.significant && o.avoided.lo > 0.0;
                Row {
                    cells: vec![
                        cut(&x.name, MAX_NAME_CHARS),
                        x.cost_idr
                            .map(|c| (st.money)(c))
                            .unwrap_or_else(|| "–".into()),
                        if measurable {
                            (st.say)(
                                "brief-avoided",
                                &[
                                    ("mean", (st.num)(o.avoided.mean, 1)),
                                    ("lo", (st.num)(o.avoided.lo, 1)),
                                    ("hi", (st.num)(o.avoided.hi, 1)),
                                ],
                            )
                        } else {
                            (st.say)("brief-no-effect", &[])
                        },
                        (st.say)(
                            "brief-p-change",
                            &[
                                ("from", (st.pct)(o.p_base.p)),
                                ("to", (st.pct)(o.p_strategy.p)),
                            ],
                        ),
                        match o.cost_per_avoided {
                            Some(c) if measurable => (st.money)(c),
                            _ => "–".into(),
                        },
                    ],
                }
            })
            .collect(),
    };
    (lead, table)
}

/// How much room the planned PPK dispatch leaves, per kecamatan (riskiest first): planned
/// dispatch, when the last TPS is supplied in 95 of 100 replications, and its margin to H-1.
/// The latest safe dispatch itself is `tepat plan`'s answer (a search over dispatch times),
/// not a run's; the lead says so.
fn dispatch(st: &Style, s: &Summary, file: &str) -> (String, Table) {
    let shown = s.kecamatan.len().min(MAX_DISPATCH);
    let lead = (st.say)(
        "brief-dispatch-lead",
        &[
            ("file", cut(file, 60)),
            ("shown", shown.to_string()),
            ("kecamatan", s.kecamatan.len().to_string()),
        ],
    );
    let rows = crate::summary::risk_order(&s.kecamatan)
        .into_iter()
        .take(MAX_DISPATCH)
        .map(|k| {
            let kr = &s.kecamatan[k];
            let hub = &s.nodes[kr.hub];
            let margin = match (s.h1_h, kr.last_tps_h[2]) {
                (Some(d), Some(l)) => (st.say)("brief-hours", &[("h", (st.num)(d - l, 0))]),
                _ => "–".into(),
            };
            Row {
                cells: vec![
                    cut(&kr.name, MAX_NAME_CHARS),
                    hub.planned_h
                        .map(|h| (st.time)(h))
                        .unwrap_or_else(|| "–".into()),
                    kr.last_tps_h[2]
                        .map(|h| (st.time)(h))
                        .unwrap_or_else(|| (st.say)("brief-never", &[])),
                    margin,
                ],
            }
        })
        .collect();
    let table = Table {
        header: header(
            st,
            &[
                "brief-col-kecamatan",
                "brief-col-planned",
                "brief-col-last-tps",
                "brief-col-margin",
            ],
        ),
        rows,
    };
    (lead, table)
}

/// `brief.html` of a run made at `made` (already formatted in the run's language).
pub fn brief_html(run: &RunView, st: &Style, made: &str) -> Result<String> {
    let s = run.summary;
    let mf = run.manifest;
    let (question, answer_text, answer_note) = answer(st, s, run);
    let (below_lead, below) = below(st, s);
    let (strategies_lead, strategies) = strategies(st, run);
    let (dispatch_lead, dispatch) = dispatch(st, s, &mf.scenario_file);
    let say = |id: &str| (st.say)(id, &[]);
    let assumptions: Vec<String> = run
        .assumptions
        .iter()
        .take(MAX_ASSUMPTIONS)
        .map(|a| cut(a, MAX_ASSUMPTION_CHARS))
        .collect();
    let more = run.assumptions.len().saturating_sub(MAX_ASSUMPTIONS);
    let data = BriefData {
        lang: st.lang.to_string(),
        tool: format!("tepat {}", mf.tool_version),
        title: (st.say)("brief-title", &[("scenario", cut(&s.scenario, 80))]),
        meta: (st.say)(
            "brief-meta",
            &[("made", made.to_string()), ("start", (st.time)(0.0))],
        ),
        h_question: say("brief-h-question"),
        question,
        answer: answer_text,
        answer_note,
        class: class_of(&s.all_on_time, s.target).into(),
        h_below: say("brief-h-below"),
        below_lead,
        below,
        h_villages: say("brief-h-villages"),
        villages_lead: say("brief-villages-lead"),
        villages: villages(st, s),
        h_strategies: say("brief-h-strategies"),
        strategies_lead,
        strategies,
        h_dispatch: say("brief-h-dispatch"),
        dispatch_lead,
        dispatch,
        h_assumptions: say("brief-h-assumptions"),
        assumptions,
        no_assumptions: say("brief-no-assumptions"),
        more_assumptions: if more > 0 {
            (st.say)("brief-more-assumptions", &[("count", more.to_string())])
        } else {
            String::new()
        },
        h_sources: say("brief-h-sources"),
        sources: vec![
            (st.say)(
                "brief-source-model",
                &[
                    ("runs", (st.num)(mf.runs as f64, 0)),
                    ("seed", mf.seed.to_string()),
                    ("file", cut(&mf.scenario_file, 60)),
                    ("sha", mf.scenario_sha256.chars().take(12).collect()),
                ],
            ),
            say("brief-source-reading"),
            say("brief-source-files"),
        ],
        footer: (st.say)(
            "brief-footer",
            &[("tool", format!("tepat {}", mf.tool_version))],
        ),
    };
    super::template::fill(BRIEF, &data)
}
