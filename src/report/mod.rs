//! The HTML report of each scenario (`report.html`, one self-contained file: charts inlined
//! as SVG, no network) and the index of a run (`index.html`, every scenario side by side).
//!
//! The HTML is in `report.html.tt` and `index.html.tt`, filled by [`template::fill`] from
//! `Serialize` structs of already-formatted strings: every number is formatted here, and every
//! string is HTML-escaped by the template (only the charts' SVG, made by tepat, goes in raw).

pub mod backtest;
pub mod brief;
pub mod tables;
pub mod template;
mod view;
mod words;

pub use view::{RunView, about, brief, data_files, now_local, run_files, workbook};

use serde::Serialize;

use crate::error::Result;
use crate::plot::Chart;
use crate::summary::{Prob, Summary};

const REPORT: &str = include_str!("report.html.tt");
const INDEX: &str = include_str!("index.html.tt");

use std::collections::BTreeMap;

use crate::lang::{Lang, format as f, t};
use tables::{Row, Table};
pub(crate) use words::prob;
use words::{Sentence, Term, class_of};

#[derive(Debug, Clone, Serialize)]
struct ChartData {
    name: String,
    title: String,
    guide: String,
    svg: String,
}

#[derive(Debug, Clone, Serialize)]
struct Pair {
    key: String,
    value: String,
}

#[derive(Debug, Clone, Serialize)]
struct ReportData {
    lang: &'static str,
    /// The report's fixed words (headings, leads), by template name.
    t: BTreeMap<&'static str, String>,
    scenario: String,
    description: String,
    answers: Vec<Sentence>,
    how: Vec<Term>,
    kecamatan: Table,
    risky_villages: Table,
    villages: Table,
    causes: Table,
    links: Table,
    strategies: Table,
    strategy_notes: Vec<Pair>,
    charts: Vec<ChartData>,
    assumptions: Vec<String>,
    warnings: Vec<String>,
    /// An as-of run: the time, the status, and what changed since the plan.
    as_of: Vec<String>,
    manifest: Vec<Pair>,
    tool: String,
}

/// The riskiest kecamatan (as the summary names it) with its P(every TPS on time).
fn riskiest(s: &Summary) -> Option<(String, Prob)> {
    let k = &s.kecamatan[s.riskiest?];
    Some((k.name.clone(), k.all_stations_on_time))
}

/// The report's fixed words: headings and the sentences under them.
fn texts(run: &RunView, village_count: usize) -> BTreeMap<&'static str, String> {
    let (lang, s, mf) = (run.lang, run.summary, run.manifest);
    let runs = f::int(lang, s.runs as i64);
    let start = f::datetime(lang, &run.model.start);
    let voting = match s.voting_opens_h {
        Some(h) => t!(
            lang,
            "voting-at",
            at = f::datetime_at(lang, &run.model.start, h)
        ),
        None => t!(lang, "voting-unknown"),
    };
    let strategy_runs = run.comparison.map(|c| f::int(lang, c.runs as i64));
    BTreeMap::from([
        ("title", t!(lang, "report-title", scenario = &s.scenario)),
        (
            "lead",
            t!(
                lang,
                "report-lead",
                runs = runs,
                file = &mf.scenario_file,
                start = start,
                target = f::percent(lang, s.target)
            ),
        ),
        ("warning", t!(lang, "report-warning")),
        ("answer_title", t!(lang, "answer-title")),
        ("how_title", t!(lang, "how-title")),
        ("strategies", t!(lang, "section-strategies")),
        (
            "strategies_lead",
            t!(
                lang,
                "strategies-lead",
                runs = strategy_runs.unwrap_or_default()
            ),
        ),
        ("kecamatan", t!(lang, "section-kecamatan")),
        (
            "kecamatan_lead",
            t!(lang, "kecamatan-lead", voting = voting),
        ),
        ("villages", t!(lang, "section-villages")),
        ("villages_lead", t!(lang, "villages-lead")),
        ("places", t!(lang, "section-places", count = village_count)),
        ("causes", t!(lang, "section-causes")),
        ("causes_lead", t!(lang, "causes-lead")),
        ("links", t!(lang, "section-links")),
        ("links_lead", t!(lang, "links-lead")),
        ("charts", t!(lang, "section-charts")),
        ("chart_files", t!(lang, "chart-files")),
        ("assumptions", t!(lang, "section-assumptions")),
        ("assumptions_none", t!(lang, "assumptions-none")),
        ("run", t!(lang, "section-run")),
        (
            "footer",
            t!(
                lang,
                "report-footer",
                tool = format!("tepat {}", mf.tool_version)
            ),
        ),
    ])
}

/// How the run was made, as pairs for the report's manifest table.
fn manifest_pairs(run: &RunView) -> Vec<Pair> {
    let (lang, s, mf) = (run.lang, run.summary, run.manifest);
    let int = |n: u64| f::int(lang, n as i64);
    vec![
        (t!(lang, "run-version"), mf.tool_version.clone()),
        (t!(lang, "run-file"), mf.scenario_file.clone()),
        (t!(lang, "run-sha"), mf.scenario_sha256.clone()),
        (t!(lang, "run-seed"), mf.seed.to_string()),
        (t!(lang, "run-runs"), int(mf.runs)),
        (
            t!(lang, "run-range"),
            t!(
                lang,
                "run-range-value",
                from = int(mf.replications[0]),
                to = int(mf.replications[1])
            ),
        ),
        (t!(lang, "run-threads"), mf.threads.to_string()),
        (
            t!(lang, "run-elapsed"),
            format!("{} s", f::number(lang, mf.elapsed_s, 2)),
        ),
        (
            t!(lang, "run-rate"),
            f::number(lang, mf.replications_per_s, 0),
        ),
        (
            t!(lang, "run-resolution"),
            f::hours(lang, s.quantile_resolution_h),
        ),
    ]
    .into_iter()
    .map(|(key, value)| Pair { key, value })
    .collect()
}

/// The ten villages with the most expected late TPS.
fn risky_villages(lang: Lang, s: &Summary) -> Table {
    Table {
        header: vec![
            t!(lang, "col-village"),
            t!(lang, "col-kecamatan"),
            t!(lang, "col-tps"),
            t!(lang, "col-late-tps"),
            t!(lang, "col-share-on-time"),
            t!(lang, "col-leading-cause"),
        ],
        rows: s
            .riskiest_villages
            .iter()
            .map(|v| Row {
                cells: vec![
                    v.name.clone(),
                    v.kecamatan.clone().unwrap_or_default(),
                    f::int(lang, v.stations as i64),
                    f::number(lang, v.expected_late, 3),
                    f::percent(lang, v.share_on_time),
                    v.leading_cause
                        .as_deref()
                        .map(|c| words::cause(lang, c))
                        .unwrap_or_default(),
                ],
            })
            .collect(),
    }
}

/// The self-contained HTML report of one scenario, with `charts` inlined as SVG.
pub fn report_html(run: &RunView, charts: &[Chart]) -> Result<String> {
    let (lang, s, mf) = (run.lang, run.summary, run.manifest);
    let (kecamatan, villages) = tables::summary_tables(lang, s, run.model.start.offset());
    let data = ReportData {
        lang: lang.code(),
        t: texts(run, villages.rows.len()),
        scenario: s.scenario.clone(),
        description: run.description.to_string(),
        answers: words::answers(run),
        how: words::how_to_read(run),
        kecamatan,
        risky_villages: risky_villages(lang, s),
        villages,
        causes: tables::causes_table(lang, s),
        links: tables::links_table(lang, s, 10),
        strategy_notes: run
            .comparison
            .map(|c| {
                crate::strategy::ranking(c)
                    .into_iter()
                    .map(|x| Pair {
                        key: x.name.clone(),
                        value: match &x.reason {
                            Some(_) => t!(
                                lang,
                                "no-effect-note",
                                reason = tables::reason(lang, c, x),
                                description = &x.description
                            ),
                            None => x.description.clone(),
                        },
                    })
                    .collect()
            })
            .unwrap_or_default(),
        strategies: tables::strategy_table(lang, run.comparison),
        charts: charts
            .iter()
            .map(|c| ChartData {
                name: c.name.to_string(),
                title: c.title.clone(),
                guide: c.guide.clone(),
                svg: inline_svg(&c.svg),
            })
            .collect(),
        assumptions: run.assumptions.to_vec(),
        warnings: warnings(run),
        as_of: as_of_notes(run),
        manifest: manifest_pairs(run),
        tool: format!("tepat {}", mf.tool_version),
    };
    template::fill(REPORT, &data)
}

/// An as-of run: when, from which status file, and each kecamatan whose P(every TPS by H-1)
/// moved by more than its interval since the plan.
fn as_of_notes(run: &RunView) -> Vec<String> {
    let Some(n) = &run.manifest.as_of else {
        return Vec::new();
    };
    let lang = run.lang;
    let pr =
        |p: &crate::summary::Prob| crate::lang::format::percent_interval(lang, p.p, p.lo, p.hi);
    let mut out = vec![t!(
        lang,
        "as-of-note",
        at = crate::lang::format::datetime(lang, &n.time),
        facts = crate::lang::format::int(lang, n.facts as i64),
        file = n
            .status_file
            .clone()
            .unwrap_or_else(|| t!(lang, "as-of-no-file"))
    )];
    let moved: Vec<String> = n
        .changed_since_plan
        .iter()
        .filter(|c| c.changed)
        .map(|c| {
            t!(
                lang,
                "as-of-moved",
                kecamatan = c.kecamatan.as_str(),
                plan = pr(&c.plan),
                now = pr(&c.as_of),
                change = crate::lang::format::points(lang, c.change)
            )
        })
        .collect();
    if moved.is_empty() {
        out.push(t!(lang, "as-of-none-moved"));
    }
    out.extend(moved);
    out.push(t!(lang, "as-of-files"));
    out
}

/// What the reader must know about how the report was made (a missing basemap).
fn warnings(run: &RunView) -> Vec<String> {
    run.basemap
        .filter(|p| !p.exists())
        .map(|p| {
            t!(
                run.lang,
                "report-basemap-missing",
                path = p.display().to_string()
            )
        })
        .into_iter()
        .collect()
}

/// An SVG document ready to inline in HTML: without the XML namespace attribute (implied in
/// HTML, and it would be the only URL in the report) and sized by CSS.
fn inline_svg(svg: &str) -> String {
    svg.replacen(r#" xmlns="http://www.w3.org/2000/svg""#, "", 1)
        .replacen(
            &format!(
                r#"width="{}" height="{}" "#,
                crate::plot::WIDTH,
                crate::plot::HEIGHT
            ),
            r#"role="img" "#,
            1,
        )
}

/// One scenario's line in `index.html`: already-formatted headline figures.
#[derive(Debug, Clone, Serialize)]
pub struct IndexEntry {
    /// Output folder name (the scenario file's stem); links go to `<folder>/report.html`.
    pub folder: String,
    /// The link to the report: the folder percent-encoded, then `/report.html`.
    pub href: String,
    /// Scenario name.
    pub scenario: String,
    /// Description (may be empty).
    pub description: String,
    /// TPS in the scenario.
    pub stations: String,
    /// Replications.
    pub runs: String,
    /// Seed.
    pub seed: String,
    /// P(every TPS on time) with its interval.
    pub all_on_time: String,
    /// Expected late TPS with its interval.
    pub late: String,
    /// Riskiest kecamatan and its P(on time).
    pub riskiest: String,
    /// Kecamatan below the target, "n of m".
    pub below_target: String,
    /// CSS class of P(every TPS on time) against the target.
    pub class: String,
}

impl IndexEntry {
    /// The entry of a run written into the folder `folder`.
    pub fn new(folder: &str, run: &RunView) -> Self {
        let (lang, s) = (run.lang, run.summary);
        IndexEntry {
            folder: folder.to_string(),
            href: format!("{}/report.html", crate::text::url_component(folder)),
            scenario: s.scenario.clone(),
            description: run.description.to_string(),
            stations: f::int(lang, s.stations as i64),
            runs: f::int(lang, s.runs as i64),
            seed: run.manifest.seed.to_string(),
            all_on_time: prob(lang, &s.all_on_time),
            late: words::mean(lang, &s.late_stations, 2),
            riskiest: riskiest(s)
                .map(|(n, p)| {
                    t!(
                        lang,
                        "index-riskiest-value",
                        kecamatan = n,
                        p = f::percent(lang, p.p)
                    )
                })
                .unwrap_or_default(),
            below_target: t!(
                lang,
                "index-below-value",
                count = s.below_target.len(),
                total = s.kecamatan.len(),
                target = f::percent(lang, s.target)
            ),
            class: class_of(&s.all_on_time, s.target),
        }
    }
}

#[derive(Serialize)]
struct IndexData<'a> {
    lang: &'static str,
    t: BTreeMap<&'static str, String>,
    entries: &'a [IndexEntry],
    tool: String,
}

/// `index.html` in `lang`: every scenario of a run side by side, linking to
/// `<folder>/report.html`. A template that cannot be filled is an error (exit code 1), never a
/// page written anyway.
pub fn index_html(lang: Lang, entries: &[IndexEntry]) -> Result<String> {
    index_from(INDEX, lang, entries)
}

fn index_from(template: &str, lang: Lang, entries: &[IndexEntry]) -> Result<String> {
    let tool = format!("tepat {}", env!("CARGO_PKG_VERSION"));
    let t = BTreeMap::from([
        ("title", t!(lang, "index-title")),
        ("heading", t!(lang, "index-heading", count = entries.len())),
        ("lead", t!(lang, "index-lead")),
        ("scenario", t!(lang, "index-scenario")),
        ("all", t!(lang, "index-all")),
        ("late", t!(lang, "index-late")),
        ("riskiest", t!(lang, "index-riskiest")),
        ("below", t!(lang, "index-below")),
        ("tps", t!(lang, "col-tps")),
        ("runs", t!(lang, "index-runs")),
        ("seed", t!(lang, "index-seed")),
        ("none", t!(lang, "index-none")),
        ("footer", t!(lang, "index-footer", tool = &tool)),
    ]);
    let data = IndexData {
        lang: lang.code(),
        t,
        entries,
        tool,
    };
    template::fill(template, &data)
}

#[cfg(test)]
mod tests;
