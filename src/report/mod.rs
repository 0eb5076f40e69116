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

pub use view::{RunView, about, brief, data_files, now_local, run_files, workbook};

use serde::Serialize;

use crate::error::Result;
use crate::plot::Chart;
use crate::summary::{Prob, Summary};

const REPORT: &str = include_str!("report.html.tt");
const INDEX: &str = include_str!("index.html.tt");

/// `97.3% [96.1–98.2]`.
pub(crate) fn prob(p: &Prob) -> String {
    format!(
        "{:.1}% [{:.1}–{:.1}]",
        p.p * 100.0,
        p.lo * 100.0,
        p.hi * 100.0
    )
}

/// A headline figure.
#[derive(Debug, Clone, Serialize)]
struct Figure {
    label: String,
    value: String,
    note: String,
    /// CSS class: "good", "warn", "bad" or "".
    class: String,
}

use tables::{Row, Table};

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
    scenario: String,
    description: String,
    file: String,
    start: String,
    target: String,
    headline: Vec<Figure>,
    kecamatan: Table,
    risky_villages: Table,
    voting: String,
    villages: Table,
    village_count: String,
    causes: Table,
    links: Table,
    strategies: Table,
    strategy_notes: Vec<Pair>,
    strategy_runs: String,
    charts: Vec<ChartData>,
    assumptions: Vec<String>,
    warnings: Vec<String>,
    manifest: Vec<Pair>,
    tool: String,
}

/// The riskiest kecamatan (as the summary names it) with its P(every TPS on time).
fn riskiest(s: &Summary) -> Option<(String, Prob)> {
    let k = &s.kecamatan[s.riskiest?];
    Some((k.name.clone(), k.all_stations_on_time))
}

/// Kecamatan whose P(every TPS on time) falls short of the target (by the estimate).
fn below_target(s: &Summary) -> usize {
    s.below_target.len()
}

fn class_of(p: &Prob, target: f64) -> String {
    if p.lo >= target {
        "good"
    } else if p.hi < target {
        "bad"
    } else {
        "warn"
    }
    .into()
}

/// The headline figures: every TPS by H-1, materials when voting opens, the riskiest
/// kecamatan and those below the target.
fn headline(s: &Summary) -> Vec<Figure> {
    let target = s.target;
    let mut headline = vec![Figure {
        label: "P(every TPS supplied by H-1)".into(),
        value: format!("{:.1}%", s.all_on_time.p * 100.0),
        note: format!(
            "95% interval {:.1}–{:.1}%, over {} TPS; expected late TPS {:.2} [{:.2}–{:.2}]",
            s.all_on_time.lo * 100.0,
            s.all_on_time.hi * 100.0,
            crate::plot::thousands(s.stations as u64),
            s.late_stations.mean,
            s.late_stations.lo,
            s.late_stations.hi
        ),
        class: class_of(&s.all_on_time, target),
    }];
    if let (Some(p), Some(mean), Some(at)) = (
        s.some_without_materials_at_opening,
        s.without_materials_at_opening,
        s.voting_opens.as_deref(),
    ) {
        headline.push(Figure {
            label: "P(some TPS without materials when voting opens)".into(),
            value: format!("{:.1}%", p.p * 100.0),
            note: format!(
                "opening {at}; 95% interval {:.1}–{:.1}%; expected TPS affected {:.2} [{:.2}–{:.2}]",
                p.lo * 100.0,
                p.hi * 100.0,
                mean.mean,
                mean.lo,
                mean.hi
            ),
            class: if p.hi <= 1.0 - target {
                "good"
            } else if p.lo > 1.0 - target {
                "bad"
            } else {
                "warn"
            }
            .into(),
        });
    }
    if let Some((name, p)) = riskiest(s) {
        headline.push(Figure {
            label: "Riskiest kecamatan".into(),
            value: name,
            // The one definition every output uses (summary::risk_order), said in words.
            note: format!(
                "the lowest P(every TPS by H-1): {} (ties: the most expected late TPS)",
                prob(&p)
            ),
            class: class_of(&p, target),
        });
    }
    let below = below_target(s);
    headline.push(Figure {
        label: format!("Kecamatan below the {:.0}% target", target * 100.0),
        value: format!("{below} of {}", s.kecamatan.len()),
        note: if s.below_target.is_empty() {
            "P(every TPS by H-1) meets the target everywhere".into()
        } else {
            format!(
                "P(every TPS by H-1) below the target: {}",
                s.below_target.join(", ")
            )
        },
        class: if below == 0 { "good" } else { "bad" }.into(),
    });
    headline
}

/// How the run was made, as pairs for the report's manifest table.
fn manifest_pairs(run: &RunView) -> Vec<Pair> {
    let s = run.summary;
    let mf = run.manifest;
    vec![
        ("tepat version", mf.tool_version.clone()),
        ("Scenario file", mf.scenario_file.clone()),
        ("SHA-256", mf.scenario_sha256.clone()),
        ("Seed", mf.seed.to_string()),
        ("Replications", mf.runs.to_string()),
        (
            "Replication range",
            format!("{} to {}", mf.replications[0], mf.replications[1]),
        ),
        ("Threads", mf.threads.to_string()),
        ("Elapsed", format!("{:.2} s", mf.elapsed_s)),
        (
            "Replications per second",
            format!("{:.0}", mf.replications_per_s),
        ),
        (
            "Quantile resolution",
            format!("{:.0} min", s.quantile_resolution_h * 60.0),
        ),
    ]
    .into_iter()
    .map(|(k, v)| Pair {
        key: k.into(),
        value: v,
    })
    .collect()
}

/// The self-contained HTML report of one scenario, with `charts` inlined as SVG.
pub fn report_html(run: &RunView, charts: &[Chart]) -> Result<String> {
    let s = run.summary;
    let mf = run.manifest;
    let target = s.target;
    let headline = headline(s);
    let (kecamatan, villages) = tables::summary_tables(s);
    let risky_villages = Table {
        header: [
            "Village (PPS)",
            "Kecamatan",
            "TPS",
            "Expected late TPS",
            "Share of TPS on time",
            "Leading cause",
        ]
        .map(String::from)
        .to_vec(),
        rows: s
            .riskiest_villages
            .iter()
            .map(|v| Row {
                cells: vec![
                    v.name.clone(),
                    v.kecamatan.clone().unwrap_or_default(),
                    v.stations.to_string(),
                    format!("{:.3}", v.expected_late),
                    format!("{:.1}%", v.share_on_time * 100.0),
                    v.leading_cause.clone().unwrap_or_default(),
                ],
            })
            .collect(),
    };
    let causes = tables::causes_table(s);
    let links = tables::links_table(s, 10);
    let manifest = manifest_pairs(run);
    let data = ReportData {
        scenario: s.scenario.clone(),
        description: run.description.to_string(),
        file: mf.scenario_file.clone(),
        start: s.start.clone(),
        target: format!("{:.0}%", target * 100.0),
        headline,
        village_count: villages.rows.len().to_string(),
        kecamatan,
        risky_villages,
        voting: match &s.voting_opens {
            Some(v) => format!("voting opens {v}"),
            None => "the scenario does not say when voting opens".into(),
        },
        villages,
        causes,
        links,
        strategy_runs: run
            .comparison
            .map(|c| c.runs.to_string())
            .unwrap_or_default(),
        strategy_notes: run
            .comparison
            .map(|c| {
                crate::strategy::ranking(c)
                    .into_iter()
                    .map(|x| Pair {
                        key: x.name.clone(),
                        value: match &x.reason {
                            Some(r) => format!("No measurable effect: {r}. {}", x.description),
                            None => x.description.clone(),
                        },
                    })
                    .collect()
            })
            .unwrap_or_default(),
        strategies: strategy_table(run),
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
        manifest,
        tool: format!("tepat {}", mf.tool_version),
    };
    template::fill(REPORT, &data)
}

/// What the reader must know about how the report was made (a missing basemap).
fn warnings(run: &RunView) -> Vec<String> {
    run.basemap
        .filter(|p| !p.exists())
        .map(|p| {
            format!(
                "The basemap {} named by the scenario was not found, so the map shows the places without land and sea. Correct the basemap line of the [scenario] table (a GeoJSON file, its path relative to the scenario file) or remove it.",
                p.display()
            )
        })
        .into_iter()
        .collect()
}

/// The strategies in ranking order (measurable effects first, by late TPS avoided), with
/// intervals, costs and, for those without a measurable effect, the reason.
fn strategy_table(run: &RunView) -> Table {
    let Some(c) = run.comparison else {
        return Table::default();
    };
    let v = crate::strategy::ranking(c);
    let header = [
        "strategy, ranked",
        "cost (Rp million)",
        "late TPS avoided, 95% interval",
        "change in P(every TPS by H-1), 95% interval",
        "P(every TPS by H-1)",
        "Rp per late TPS avoided",
        "efficient",
        "acts on",
        "why no measurable effect",
    ];
    Table {
        header: header.iter().map(|h| h.to_string()).collect(),
        rows: v
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let o = &x.overall;
                Row {
                    cells: vec![
                        format!("{}. {}", i + 1, x.name),
                        x.cost_idr
                            .map(|c| format!("{:.0}", c / 1e6))
                            .unwrap_or_else(|| "–".into()),
                        format!(
                            "{:.2} [{:.2}, {:.2}]",
                            o.avoided.mean, o.avoided.lo, o.avoided.hi
                        ),
                        format!(
                            "{:+.1} pp [{:+.1}, {:+.1}]",
                            o.diff.mean * 100.0,
                            o.diff.lo * 100.0,
                            o.diff.hi * 100.0
                        ),
                        format!(
                            "{:.1}% → {:.1}%",
                            o.p_base.p * 100.0,
                            o.p_strategy.p * 100.0
                        ),
                        match o.cost_per_avoided {
                            Some(c) if x.significant && o.avoided.lo > 0.0 => {
                                format!("{:.1} million", c / 1e6)
                            }
                            _ => "–".into(),
                        },
                        if x.efficient { "yes" } else { "" }.into(),
                        x.touches.clone(),
                        match &x.reason {
                            Some(r) => format!("no measurable effect: {r}"),
                            None if o.avoided.hi < 0.0 || o.diff.hi < 0.0 => {
                                "makes the TPS worse off".into()
                            }
                            None => String::new(),
                        },
                    ],
                }
            })
            .collect(),
    }
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
        let s = run.summary;
        let below = below_target(s);
        IndexEntry {
            folder: folder.to_string(),
            href: format!("{}/report.html", crate::text::url_component(folder)),
            scenario: s.scenario.clone(),
            description: run.description.to_string(),
            stations: crate::plot::thousands(s.stations as u64),
            runs: crate::plot::thousands(s.runs),
            seed: run.manifest.seed.to_string(),
            all_on_time: prob(&s.all_on_time),
            late: format!(
                "{:.2} [{:.2}–{:.2}]",
                s.late_stations.mean, s.late_stations.lo, s.late_stations.hi
            ),
            riskiest: riskiest(s)
                .map(|(n, p)| format!("{n}: {:.1}% (every TPS by H-1)", p.p * 100.0))
                .unwrap_or_default(),
            below_target: format!(
                "{below} of {} (target {:.0}%)",
                s.kecamatan.len(),
                s.target * 100.0
            ),
            class: class_of(&s.all_on_time, s.target),
        }
    }
}

#[derive(Serialize)]
struct IndexData<'a> {
    entries: &'a [IndexEntry],
    count: String,
    tool: String,
}

/// `index.html`: every scenario of a run side by side, linking to `<folder>/report.html`.
/// A template that cannot be filled is an error (exit code 1), never a page written anyway.
pub fn index_html(entries: &[IndexEntry]) -> Result<String> {
    index_from(INDEX, entries)
}

fn index_from(template: &str, entries: &[IndexEntry]) -> Result<String> {
    let data = IndexData {
        entries,
        count: entries.len().to_string(),
        tool: format!("tepat {}", env!("CARGO_PKG_VERSION")),
    };
    template::fill(template, &data)
}

#[cfg(test)]
mod tests;
