//! The pipeline for one scenario file: load → compile → simulate → summarise → compare its
//! strategies, into a [`ScenarioRun`]. Writing it out is the outputs' work
//! ([`crate::report::run_files`]); this module does no output.

use std::path::{Path, PathBuf};

use serde::Serialize;

use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use crate::engine::{self, Options, Outcome, Progress, Runs};
use crate::error::{Error, Result};
use crate::model::observe::Observations;
use crate::model::{self, Model};
use crate::scenario::{self, Loaded};
use crate::summary::{self, Summary};

/// Settings of a run that do not come from the scenario file.
#[derive(Debug, Clone)]
pub struct RunConfig {
    /// Seed (default: the scenario's `seed`, else [`crate::defaults::SEED`]).
    pub seed: Option<u64>,
    /// Replications: a fixed number, or until a precision is reached.
    pub runs: Runs,
    /// Threads (0: all cores).
    pub threads: usize,
    /// Basemap override.
    pub basemap: Option<PathBuf>,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            seed: None,
            runs: Runs::Fixed(crate::defaults::RUNS),
            threads: 0,
            basemap: None,
        }
    }
}

/// How the run was made. `threads`, `elapsed_s` and `replications_per_s` depend on the
/// machine; every other field depends only on the scenario, seed and replications.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    /// tepat version.
    pub tool_version: String,
    /// Version of the random streams and accumulators ([`crate::engine::STREAM_VERSION`]).
    pub stream_version: u32,
    /// Scenario file as given.
    pub scenario_file: String,
    /// SHA-256 of the scenario file (and the files it extends).
    pub scenario_sha256: String,
    /// The seed every replication's streams derive from.
    pub seed: u64,
    /// Replications in the run (all shards together).
    pub runs: u64,
    /// Replication range, for shards.
    pub replications: [u64; 2],
    /// Worker threads.
    pub threads: usize,
    /// Wall-clock seconds of the simulation.
    pub elapsed_s: f64,
    /// Replications per second.
    pub replications_per_s: f64,
    /// For a run as of a time of the distribution week: when, from which status file, and
    /// what changed since the plan (absent for a plain run).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<AsOfNote>,
}

/// What `run.json` says about an as-of run.
#[derive(Debug, Clone, Serialize)]
pub struct AsOfNote {
    /// The as-of time, local (`2024-02-10 12:00`).
    pub at: String,
    /// The as-of time with its offset, for the outputs a person reads.
    #[serde(skip)]
    pub time: DateTime<FixedOffset>,
    /// The status file as given (none: nothing observed).
    pub status_file: Option<String>,
    /// Rows of facts in it.
    pub facts: usize,
    /// Every kecamatan's P(every TPS by H-1) in the plan and as of the status.
    pub changed_since_plan: Vec<summary::Changed>,
}

/// A simulated scenario.
#[derive(Debug, Clone)]
pub struct ScenarioRun {
    /// The file as loaded.
    pub loaded: Loaded,
    /// The compiled model.
    pub model: Model,
    /// The counts and timing.
    pub outcome: Outcome,
    /// The figures.
    pub summary: Summary,
    /// The manifest.
    pub manifest: Manifest,
    /// The basemap to draw, if any.
    pub basemap: Option<PathBuf>,
    /// Strategies compared with this scenario as the baseline, if it has any.
    pub comparison: Option<crate::strategy::Comparison>,
    /// For a run as of a time of the distribution week: the time, the status file and the
    /// plain run beside it.
    pub as_of: Option<AsOfRun>,
}

impl ScenarioRun {
    /// The basemap the run names (the scenario's, or `--basemap`) when it does not exist: the
    /// map is then drawn without land and sea and the report says so.
    pub fn missing_basemap(&self) -> Option<&Path> {
        self.basemap.as_deref().filter(|p| !p.exists())
    }
}

/// The seed a run uses.
pub fn seed_of(cfg: &RunConfig, loaded: &Loaded) -> u64 {
    crate::defaults::seed(cfg.seed, loaded.file.scenario.seed)
}

/// The as-of time of a run in the distribution week and its status file (none: nothing
/// observed, which gives the plain run's figures).
#[derive(Debug, Clone)]
pub struct AsOf {
    /// The as-of time.
    pub at: DateTime<FixedOffset>,
    /// The status file.
    pub status: Option<PathBuf>,
    /// The language of the run: the scenario's name says "as of" the time in it.
    pub lang: crate::lang::Lang,
}

/// What an as-of run adds: when, from which file, and the plain run (the plan) on the same
/// seed and replications, for "changed since the plan".
#[derive(Debug, Clone)]
pub struct AsOfRun {
    /// The as-of time.
    pub at: DateTime<FixedOffset>,
    /// The status file as given.
    pub status_file: Option<String>,
    /// Rows of facts in it.
    pub facts: usize,
    /// The plain run's figures.
    pub plan: Summary,
}

/// The observations of `as_of` checked against `m` (every problem of the status file at once).
pub fn observations(m: &Model, as_of: &AsOf) -> Result<Observations> {
    let status = match &as_of.status {
        Some(p) => scenario::status::load_status(p)?,
        None => scenario::status::Status::empty(Path::new("")),
    };
    model::observe::compile(m, &status, as_of.at)
}

/// Load, compile and simulate one scenario file.
pub fn simulate_file(path: &Path, cfg: &RunConfig, progress: &dyn Progress) -> Result<ScenarioRun> {
    simulate_file_as_of(path, cfg, None, progress)
}

/// Load, compile and simulate one scenario file, as of a time of the distribution week when
/// `as_of` is given (the strategies too, on the same observations), with the plain run beside.
pub fn simulate_file_as_of(
    path: &Path,
    cfg: &RunConfig,
    as_of: Option<&AsOf>,
    progress: &dyn Progress,
) -> Result<ScenarioRun> {
    let loaded = scenario::load(path)?;
    let mut model = model::compile(&loaded)?;
    if let Some(a) = as_of {
        model.observed = Some(Arc::new(observations(&model, a)?));
    }
    let seed = seed_of(cfg, &loaded);
    let cancel = crate::interrupt::token();
    let control = engine::Control {
        cancel: &cancel,
        progress,
    };
    let outcome = engine::run_with(
        &model,
        &Options {
            seed,
            runs: cfg.runs,
            threads: cfg.threads,
            range: None,
        },
        control,
    )?;
    let mut summary = summary::summarise(&model, &outcome.acc);
    let (a, b) = (0, outcome.acc.runs);
    let manifest = Manifest {
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        stream_version: crate::engine::STREAM_VERSION,
        scenario_file: path.display().to_string(),
        scenario_sha256: loaded.sha256.clone(),
        seed,
        runs: outcome.acc.runs,
        replications: [a, b],
        threads: outcome.threads,
        elapsed_s: outcome.elapsed_s,
        replications_per_s: outcome.acc.runs as f64 / outcome.elapsed_s.max(1e-9),
        as_of: None,
    };
    let mut manifest = manifest;
    let basemap = cfg.basemap.clone().or_else(|| loaded.basemap.clone());
    let mut strategies = crate::strategy::compile_all(&loaded, &model)?;
    if let Some(a) = as_of {
        for s in strategies.iter_mut() {
            s.model.observed = Some(Arc::new(observations(&s.model, a)?));
        }
    }
    let as_of = match as_of {
        Some(a) => {
            let mut plain = model.clone();
            plain.observed = None;
            let plan = engine::run_with(
                &plain,
                &Options {
                    seed,
                    runs: Runs::Fixed(outcome.acc.runs),
                    threads: cfg.threads,
                    range: None,
                },
                control,
            )?;
            let status = match &a.status {
                Some(p) => Some(scenario::status::load_status(p)?),
                None => None,
            };
            let r = AsOfRun {
                at: a.at,
                status_file: a.status.as_ref().map(|p| p.display().to_string()),
                facts: status.map(|s| s.rows.len()).unwrap_or(0),
                plan: summary::summarise(&plain, &plan.acc),
            };
            let at = r.at.format("%Y-%m-%d %H:%M").to_string();
            // Every output that names the scenario (report title, chart footers, terminal,
            // run.json) names the as-of time with it.
            summary.scenario = crate::lang::tr(
                a.lang,
                "as-of-name",
                &[
                    ("scenario", summary.scenario.as_str().into()),
                    ("at", crate::lang::format::datetime(a.lang, &r.at).into()),
                ],
            );
            manifest.as_of = Some(AsOfNote {
                at,
                time: r.at,
                status_file: r.status_file.clone(),
                facts: r.facts,
                changed_since_plan: summary::changed_since(&r.plan, &summary),
            });
            Some(r)
        }
        None => None,
    };
    let comparison = if strategies.is_empty() {
        None
    } else {
        Some(crate::strategy::compare(
            &model,
            &strategies,
            seed,
            outcome.acc.runs,
            &engine::RangeOptions {
                threads: cfg.threads,
                control,
            },
        )?)
    };
    Ok(ScenarioRun {
        loaded,
        model,
        outcome,
        summary,
        manifest,
        basemap,
        comparison,
        as_of,
    })
}

/// The output folder name of a scenario file: its file stem, never `.` or `..` (a file named
/// `...toml` has the stem `..`, which would write into the parent of the output folder) and
/// never hidden (a leading dot becomes `_`, so no scenario's folder looks like another
/// writer's temporary `.NAME.tmp-ID`), and without control characters.
pub fn folder_name(path: &Path) -> String {
    // Control characters (an ESC in a received file's name) become `_`: the folder's name is
    // printed and linked.
    let stem: String = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_control() { '_' } else { c })
        .collect();
    let visible = stem.trim_start_matches('.');
    if visible.is_empty() {
        "scenario".into()
    } else if visible.len() != stem.len() {
        format!("_{visible}")
    } else {
        stem
    }
}

/// Scenario files named by the command line: files as given, folders as their `*.toml` files
/// in name order.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| Error::read(p, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().map(|x| x == "toml").unwrap_or(false))
                .collect();
            v.sort();
            if v.is_empty() {
                return Err(Error::Usage(format!(
                    "the folder '{}' has no .toml scenario files",
                    p.display()
                )));
            }
            out.extend(v);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            return Err(Error::read(
                p,
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            ));
        }
    }
    Ok(out)
}

/// Compile a scenario from TOML text (for tests and tools); problems are located in `name`.
pub fn model_from_str(name: &str, text: &str) -> Result<Model> {
    let path = Path::new(name);
    let file = scenario::parse(path, text)?;
    let loaded = Loaded {
        path: path.to_path_buf(),
        text: text.to_string(),
        sha256: String::new(),
        file,
        basemap: None,
        strategy_origin: Vec::new(),
    };
    model::compile(&loaded)
}
