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
    /// The latest planned dispatch of every hub (PPK) and village (PPS) that keeps P(every TPS
    /// of the kecamatan on time) at or above a target, all applied together.
    Plan(PlanArgs),
    /// Which inputs matter most for P(every TPS on time): a tornado of low/high settings.
    Sensitivity(AnalysisArgs),
    /// Time the engine on a scenario: replications per second, nanoseconds per leg per core,
    /// peak memory.
    Bench(BenchArgs),
    /// Write a synthetic scenario of a given size, or the reference network.
    Generate(GenerateArgs),
    /// Merge the partial results of `run --shard K/N` into the files of the whole run.
    Merge(MergeArgs),
    /// Write a small, fully commented starter scenario to edit.
    New(NewArgs),
    /// Turn a TPS list (CSV or Excel) into a scenario skeleton.
    Import(ImportArgs),
    /// How well a scenario foresaw what happened: a record (CSV) against the model's
    /// predictive distributions (docs/backtest.md).
    Backtest(crate::backtest::BacktestArgs),
    /// Fit a scenario distribution to past trips of a link (CSV), chosen by AIC, with a
    /// Kolmogorov-Smirnov test and a Q-Q chart (docs/backtest.md).
    Fit(crate::backtest::FitArgs),
    /// Validate scenario files without simulating.
    Check {
        /// Scenario files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// `--threads`: 0 (every core) to 1024.
fn threads_in_range(s: &str) -> Result<usize, String> {
    let n: usize = s
        .parse()
        .map_err(|_| format!("'{s}' is not a number of threads"))?;
    if n > crate::engine::MAX_THREADS {
        return Err(format!(
            "at most {} (got {n}); tepat uses at most the cores the machine has anyway",
            crate::engine::MAX_THREADS
        ));
    }
    Ok(n)
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
    /// Worker threads (default: all cores; at most the cores there are, and at most 1024).
    #[arg(long, default_value_t = 0, value_parser = threads_in_range)]
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
    /// GeoJSON polygons drawn beneath the map (overrides the scenario's `basemap`); a file
    /// that cannot be read or is not GeoJSON polygons is an error (exit code 2).
    #[arg(long, value_name = "FILE")]
    pub basemap: Option<PathBuf>,
    /// Compute only slice K of N (1-based, 1 <= K <= N) of the replications and write
    /// <OUT>/<scenario>-shard-K-of-N/partial.json for `tepat merge` (needs --runs).
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
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
    /// Replications per evaluated variant (1 to 100,000,000).
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u64).range(1..=100_000_000))]
    pub runs: u64,
    /// Random seed (default: the scenario's `seed`).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (default: all cores; at most the cores there are, and at most 1024).
    #[arg(long, default_value_t = 0, value_parser = threads_in_range)]
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
    /// What to keep at the target: `tps` (every TPS of the kecamatan by H-1; hubs and
    /// villages) or `ppk` (PPK only: the hub by its own deadline, TPS not checked).
    #[arg(long, value_enum, default_value = "tps")]
    pub measure: crate::analysis::plan::Measure,
    /// Common options.
    #[command(flatten)]
    pub common: AnalysisArgs,
}

/// `tepat bench`.
#[derive(Debug, Clone, Args)]
pub struct BenchArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// Replications.
    #[arg(long, default_value_t = 10_000)]
    pub runs: u64,
    /// Worker threads (default: all cores; at most the cores there are, and at most 1024).
    #[arg(long, default_value_t = 0, value_parser = threads_in_range)]
    pub threads: usize,
    /// Random seed (default: the scenario's `seed`).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `tepat generate`.
#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// Hubs (kecamatan).
    #[arg(
        long,
        required_unless_present = "reference",
        conflicts_with = "reference"
    )]
    pub hubs: Option<u64>,
    /// Villages, spread evenly over the hubs.
    #[arg(
        long,
        required_unless_present = "reference",
        conflicts_with = "reference"
    )]
    pub villages: Option<u64>,
    /// Stations (TPS), spread evenly over the villages.
    #[arg(
        long,
        required_unless_present = "reference",
        conflicts_with = "reference"
    )]
    pub stations: Option<u64>,
    /// Seed of the generator (the same seed writes the same file).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Write the reference network of docs/performance.md instead.
    #[arg(long)]
    pub reference: bool,
    /// Output file (default: standard output).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// `tepat merge`.
#[derive(Debug, Clone, Args)]
pub struct MergeArgs {
    /// The partial results: partial.json files, or the folders that hold them.
    #[arg(required = true)]
    pub parts: Vec<PathBuf>,
    /// Output folder: the merged run goes to <OUT>/<scenario-file-name>/.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// The scenario file, if not at the path recorded in the parts (same SHA-256 required).
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,
    /// Worker threads for strategy comparisons (default: all cores; at most the cores there
    /// are, and at most 1024).
    #[arg(long, default_value_t = 0, value_parser = threads_in_range)]
    pub threads: usize,
    /// No table on the terminal.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `tepat new`.
#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The scenario file to write.
    pub file: PathBuf,
    /// Language of the comments (default: Indonesian when LC_ALL, LC_MESSAGES or LANG starts
    /// with "id", else English).
    #[arg(long, value_enum)]
    pub lang: Option<crate::starter::Lang>,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// `tepat import`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The TPS list: .csv (comma, semicolon or tab separated) or .xlsx (first sheet).
    pub tps_list: PathBuf,
    /// Name of the KPU warehouse the materials leave from.
    #[arg(long, value_parser = crate::import::parse_name)]
    pub depot: String,
    /// Position of the warehouse: LAT,LON in decimal degrees (like 1.4774,102.1318).
    #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true, value_parser = crate::import::parse_point)]
    pub depot_at: (f64, f64),
    /// Polling day; deadlines are counted back from it (H-1 for every TPS).
    #[arg(long, value_name = "YYYY-MM-DD", default_value = "2024-02-14", value_parser = crate::import::parse_date)]
    pub election_date: chrono::NaiveDate,
    /// Road distance = straight-line distance x this factor.
    #[arg(long, default_value_t = 1.4, value_parser = crate::import::parse_road_factor)]
    pub road_factor: f64,
    /// The scenario file to write (default: the TPS list's name with .toml, in the current
    /// folder).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}
