//! What the outputs of one run read ([`RunView`]), and every file a run writes: the data
//! files, the charts and the report.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::error::Result;
use crate::export;
use crate::lang::Lang;
use crate::model::Model;
use crate::output::File;
use crate::pipeline::{Manifest, ScenarioRun};
use crate::plot::{self, ChartInput};
use crate::strategy::Comparison;
use crate::summary::Summary;

/// The parts of a simulated scenario that the outputs read: the figures and how they were
/// made, and the scenario's own words. Every exporter and chart takes the part it needs.
#[derive(Debug, Clone, Copy)]
pub struct RunView<'a> {
    /// The figures.
    pub summary: &'a Summary,
    /// How the run was made.
    pub manifest: &'a Manifest,
    /// The compiled scenario (the report reads its start; the charts read the summary only).
    pub model: &'a Model,
    /// The strategies compared with the scenario, if it has any.
    pub comparison: Option<&'a Comparison>,
    /// The scenario's description.
    pub description: &'a str,
    /// The scenario's assumptions, as written.
    pub assumptions: &'a [String],
    /// The basemap the run names (the scenario's, or `--basemap`).
    pub basemap: Option<&'a Path>,
    /// The scenario's credit line for the basemap.
    pub basemap_credit: Option<&'a str>,
    /// The language of everything a person reads (report, charts, brief, workbook headers).
    /// [`RunView::from`] takes the scenario's `language` (English without one); the command
    /// sets the resolved one with [`RunView::in_lang`].
    pub lang: Lang,
}

impl<'a> From<&'a ScenarioRun> for RunView<'a> {
    fn from(run: &'a ScenarioRun) -> Self {
        let meta = &run.loaded.file.scenario;
        RunView {
            summary: &run.summary,
            manifest: &run.manifest,
            model: &run.model,
            comparison: run.comparison.as_ref(),
            description: meta.description.as_deref().unwrap_or_default(),
            assumptions: &meta.assumptions,
            basemap: run.basemap.as_deref(),
            basemap_credit: meta.basemap_credit.as_deref(),
            lang: meta.lang().unwrap_or_default(),
        }
    }
}

impl RunView<'_> {
    /// The same view in another language.
    pub fn in_lang(self, lang: Lang) -> Self {
        RunView { lang, ..self }
    }

    /// What the charts read.
    pub fn chart_input(&self) -> ChartInput<'_> {
        ChartInput {
            summary: self.summary,
            seed: self.manifest.seed,
            tool_version: &self.manifest.tool_version,
            basemap: self.basemap,
            basemap_credit: self.basemap_credit,
            lang: self.lang,
        }
    }
}

/// The data files of a run: CSV and JSON (and `comparison.csv` with strategies).
pub fn data_files(run: &RunView) -> Result<Vec<File>> {
    let s = run.summary;
    let mut files = vec![
        ("summary.csv".into(), export::summary_csv::bytes(s)?),
        ("stations.csv".into(), export::stations_csv::bytes(s)?),
        ("causes.csv".into(), export::causes_csv::bytes(s)?),
        ("links.csv".into(), export::links_csv::bytes(s)?),
        ("run.json".into(), export::run_json::bytes(s, run.manifest)?),
    ];
    if let Some(c) = run.comparison {
        files.push(("comparison.csv".into(), export::comparison_csv::bytes(c)?));
    }
    if let Some(n) = &run.manifest.as_of {
        files.push(("changed.csv".into(), export::changed_csv::bytes(n)?));
    }
    Ok(files)
}

/// What the first sheet of `results.xlsx` says about a run made at `made`.
pub fn about(run: &RunView, made: DateTime<FixedOffset>) -> export::workbook::About {
    let mf = run.manifest;
    export::workbook::About {
        scenario: run.summary.scenario.clone(),
        description: run.description.to_string(),
        file: mf.scenario_file.clone(),
        sha256: mf.scenario_sha256.clone(),
        seed: mf.seed,
        runs: mf.runs,
        made,
        what: "wb-what-run",
        target: run.summary.target,
    }
}

/// `results.xlsx` of a run made at `made` (local time of the scenario).
pub fn workbook(run: &RunView, made: DateTime<FixedOffset>) -> Result<Vec<u8>> {
    let w = |id: &str| crate::lang::tr(run.lang, id, &[]);
    let sheets = export::workbook::run_sheets(
        &w,
        &about(run, made),
        run.summary,
        &run.model.start,
        run.comparison,
    );
    export::workbook::bytes(&sheets, &made)
}

/// `brief.html` of a run made at `made`.
pub fn brief(run: &RunView, made: DateTime<FixedOffset>) -> Result<String> {
    use crate::lang::{Arg, format};
    let lang = run.lang;
    let start = run.model.start;
    let say = |id: &str, args: &[(&str, String)]| {
        let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, Arg::from(v))).collect();
        crate::lang::tr(lang, id, &args)
    };
    let pct = |p: f64| format::percent(lang, p);
    let interval = |p: &crate::summary::Prob| format::percent_interval(lang, p.p, p.lo, p.hi);
    let num = |x: f64, d: usize| format::number(lang, x, d);
    let money = |x: f64| format::money(lang, x);
    let time = |h: f64| format::datetime_at(lang, &start, h);
    let style = super::brief::Style {
        say: &say,
        lang: lang.code(),
        pct: &pct,
        interval: &interval,
        num: &num,
        money: &money,
        time: &time,
    };
    super::brief::brief_html(run, &style, &format::datetime(lang, &made))
}

/// Now, in the scenario's UTC offset.
pub fn now_local(run: &RunView) -> DateTime<FixedOffset> {
    chrono::Utc::now().with_timezone(run.model.start.offset())
}

/// Everything written for one run: data, workbook, charts (PNG and SVG), report.
pub fn run_files(run: &RunView) -> Result<Vec<File>> {
    let mut files = data_files(run)?;
    let made = now_local(run);
    files.push(("results.xlsx".into(), workbook(run, made)?));
    files.push(("brief.html".into(), brief(run, made)?.into_bytes()));
    let mut charts = plot::charts(&run.chart_input())?;
    if let Some(c) = run.comparison {
        charts.extend(plot::in_lang(run.lang, || {
            plot::strategy_diff::charts(&run.summary.scenario, c)
        })?);
    }
    let report = super::report_html(run, &charts)?;
    files.extend(plot::chart_files(charts));
    files.push(("report.html".into(), report.into_bytes()));
    Ok(files)
}
