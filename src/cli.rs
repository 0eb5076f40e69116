//! Command-line definitions (clap) only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// tepat: will the election materials get there in time?
///
/// Runs a parallel, reproducible Monte Carlo of an election-logistics scenario and reports how
/// likely every kecamatan, village and polling station (TPS) is to be supplied on time.
/// Exit codes: 0 success, 1 failure, 2 invalid input.
#[derive(Debug, Parser)]
#[command(name = "tepat", version, about, long_about)]
pub struct Cli {
    /// What to do (default: `run` on scenarios/).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Simulate scenario files and write results, charts and reports.
    Run(RunArgs),
    /// P(on time) against one parameter: `--set KEY=FROM..TO:STEP` or `--set KEY=V1,V2,...`.
    Sweep(SweepArgs),
    /// The latest planned dispatch, per hub, that keeps its P(on time) at or above a target.
    Plan(PlanArgs),
    /// Which inputs matter most for P(every TPS on time): a tornado of low/high settings.
    Sensitivity(AnalysisArgs),
    /// Validate scenario files without simulating.
    Check {
        /// Scenario files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// Options shared by the simulating commands.
#[derive(Debug, Clone, Args)]
pub struct SimArgs {
    /// Replications (default 10000).
    #[arg(long, conflicts_with = "precision")]
    pub runs: Option<u64>,
    /// Instead of --runs: run until every reported probability's 95% half-width is at most P.
    #[arg(long, value_name = "P")]
    pub precision: Option<f64>,
    /// Random seed (default: the scenario's `seed`).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (default: all cores).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// No progress bar or table on the terminal.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `tepat run`.
#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// Scenario files or folders (default: scenarios/).
    pub paths: Vec<PathBuf>,
    /// Output folder: each scenario goes to <OUT>/<scenario-file-name>/.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// GeoJSON polygons drawn beneath the map (overrides the scenario's `basemap`).
    #[arg(long, value_name = "FILE")]
    pub basemap: Option<PathBuf>,
    /// Simulation options.
    #[command(flatten)]
    pub sim: SimArgs,
}

/// Options shared by the what-if commands.
#[derive(Debug, Clone, Args)]
pub struct AnalysisArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// Output folder: results go to <OUT>/<scenario-file-name>-<command>/.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// Replications per evaluated variant.
    #[arg(long, default_value_t = 2000)]
    pub runs: u64,
    /// Random seed (default: the scenario's `seed`).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (default: all cores).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// No table on the terminal.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `tepat sweep`.
#[derive(Debug, Clone, Args)]
pub struct SweepArgs {
    /// The parameter and its values: KEY=FROM..TO:STEP or KEY=V1,V2,... where KEY is a change
    /// path as in a strategy's `set` (like link.ferry.vessel.wave_limit_m).
    #[arg(long = "set", value_name = "KEY=VALUES")]
    pub set: String,
    /// Common options.
    #[command(flatten)]
    pub common: AnalysisArgs,
}

/// `tepat plan`.
#[derive(Debug, Clone, Args)]
pub struct PlanArgs {
    /// Target P(on time) (default: the scenario's `target`, else 0.95).
    #[arg(long)]
    pub target: Option<f64>,
    /// Common options.
    #[command(flatten)]
    pub common: AnalysisArgs,
}
