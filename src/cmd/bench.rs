//! `tepat bench`: time the engine on a scenario file.

use std::path::PathBuf;

use clap::Args;

use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use crate::defaults;
use crate::engine::{self, NoProgress, Options, Runs};
use crate::error::{Error, Result};
use crate::pipeline::ScenarioRun;
use crate::{model, scenario};

/// The example under `tepat bench --help`.
pub const EXAMPLE: &str = "Examples:\n  tepat bench scenarios/bengkalis-2024.toml --runs 20000 --threads 1\n  tepat generate --reference --out reference.toml && tepat bench reference.toml --json";

/// `tepat bench`.
#[derive(Debug, Clone, Args)]
pub struct BenchArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// Replications.
    #[arg(long, default_value_t = defaults::RUNS, value_parser = super::args::runs)]
    pub runs: u64,
    /// Worker threads (default: all cores; at most the cores there are, and at most 1024).
    #[arg(long, default_value_t = 0, value_parser = super::args::threads)]
    pub threads: usize,
    /// Random seed (default: the scenario's `seed`, else 2024).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `tepat bench FILE`.
pub fn bench(a: &BenchArgs) -> Result<()> {
    let r = measure(&a.file, a.runs, a.threads, a.seed)?;
    if a.json {
        let mut v = serde_json::to_string_pretty(&r).map_err(|e| Error::caused("", e))?;
        v.push('\n');
        print!("{v}");
        return Ok(());
    }
    println!("{}", a.file.display());
    println!(
        "  replications            {} on {} thread{}, {} legs each",
        r.runs,
        r.threads,
        if r.threads == 1 { "" } else { "s" },
        r.legs
    );
    println!(
        "  simulation              {:.3} s: {:.0} replications/s",
        r.simulate_s, r.replications_per_s
    );
    println!(
        "  with summaries and data {:.3} s more: {:.0} replications/s",
        r.outputs_s, r.replications_per_s_with_outputs
    );
    println!("  per leg per core        {:.2} ns", r.ns_per_leg_per_core);
    println!(
        "  peak memory             {}",
        match r.peak_memory_bytes {
            Some(b) => format!("{:.1} MB", b as f64 / 1e6),
            None => "unavailable".into(),
        }
    );
    Ok(())
}

/// What `tepat bench` measured.
#[derive(Debug, Clone, Serialize)]
pub struct BenchResult {
    /// Replications.
    pub runs: u64,
    /// Worker threads.
    pub threads: usize,
    /// Legs per replication (route links and station last miles).
    pub legs: usize,
    /// Seconds of simulation.
    pub simulate_s: f64,
    /// Seconds to summarise and write the CSV and JSON files (in memory).
    pub outputs_s: f64,
    /// Replications per second of simulation.
    pub replications_per_s: f64,
    /// Replications per second with the summaries and data files.
    pub replications_per_s_with_outputs: f64,
    /// Nanoseconds per leg per core: simulation seconds × threads ÷ (replications × legs).
    pub ns_per_leg_per_core: f64,
    /// Peak resident memory, bytes.
    pub peak_memory_bytes: Option<u64>,
}

/// Simulate `runs` replications of a scenario file on `threads` threads and time it.
pub fn measure(path: &Path, runs: u64, threads: usize, seed: Option<u64>) -> Result<BenchResult> {
    let loaded = scenario::load(path)?;
    let m = model::compile(&loaded)?;
    let seed = crate::defaults::seed(seed, loaded.file.scenario.seed);
    let outcome = engine::run(
        &m,
        &Options {
            seed,
            runs: Runs::Fixed(runs),
            threads,
            range: None,
        },
        &NoProgress,
    )?;
    let t0 = Instant::now();
    let summary = crate::summary::summarise(&m, &outcome.acc);
    let manifest = crate::scale::manifest(path, &loaded.sha256, seed, &outcome, (0, runs));
    let run = ScenarioRun {
        loaded,
        model: m,
        summary,
        manifest,
        basemap: None,
        comparison: None,
        outcome,
    };
    let files = crate::report::data_files(&crate::report::RunView::from(&run))?;
    std::hint::black_box(&files);
    let outputs_s = t0.elapsed().as_secs_f64();
    let o = &run.outcome;
    let legs = run.model.legs();
    let sim = o.elapsed_s.max(1e-9);
    Ok(BenchResult {
        runs,
        threads: o.threads,
        legs,
        simulate_s: o.elapsed_s,
        outputs_s,
        replications_per_s: runs as f64 / sim,
        replications_per_s_with_outputs: runs as f64 / (sim + outputs_s),
        ns_per_leg_per_core: sim * o.threads as f64 * 1e9 / (runs as f64 * legs.max(1) as f64),
        peak_memory_bytes: crate::scale::peak_memory(),
    })
}
