//! The pipeline for one scenario file: load → compile → simulate → summarise → files.

use std::path::{Path, PathBuf};

use crate::engine::{self, Options, Outcome, Progress, Runs};
use crate::error::{Error, Result};
use crate::export::{self, run_json::Manifest};
use crate::model::{self, Model};
use crate::output::File;
use crate::scenario::{self, Loaded};
use crate::summary::{self, Summary};

/// Settings of a run that do not come from the scenario file.
#[derive(Debug, Clone)]
pub struct RunConfig {
    /// Seed (default: the scenario's `seed`, else 2024).
    pub seed: Option<u64>,
    /// Replications.
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
            runs: Runs::Fixed(10_000),
            threads: 0,
            basemap: None,
        }
    }
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
    cfg.seed.or(loaded.file.scenario.seed).unwrap_or(2024)
}

/// The replication range of shard `k` of `n` out of `total`.
pub fn shard_range(total: u64, k: u64, n: u64) -> (u64, u64) {
    let blocks = total.div_ceil(engine::BLOCK);
    let a = (blocks * k / n) * engine::BLOCK;
    let b = ((blocks * (k + 1) / n) * engine::BLOCK).min(total);
    (a.min(total), b)
}

/// Load, compile and simulate one scenario file.
pub fn simulate_file(path: &Path, cfg: &RunConfig, progress: &dyn Progress) -> Result<ScenarioRun> {
    let loaded = scenario::load(path)?;
    let model = model::compile(&loaded)?;
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
    let summary = summary::summarise(&model, &outcome.acc);
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
    };
    let basemap = cfg.basemap.clone().or_else(|| loaded.basemap.clone());
    let strategies = crate::strategy::compile_all(&loaded, &model)?;
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
    })
}

/// The data files of a run: CSV and JSON.
pub fn data_files(run: &ScenarioRun) -> Result<Vec<File>> {
    Ok(vec![
        (
            "summary.csv".into(),
            export::summary_csv::bytes(&run.summary)?,
        ),
        (
            "stations.csv".into(),
            export::stations_csv::bytes(&run.summary)?,
        ),
        (
            "causes.csv".into(),
            export::causes_csv::bytes(&run.summary)?,
        ),
        ("links.csv".into(), export::links_csv::bytes(&run.summary)?),
        (
            "run.json".into(),
            export::run_json::bytes(&run.summary, &run.manifest)?,
        ),
    ])
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
