//! The command line: the top-level parser, the options several subcommands share, and the
//! value parsers that check every number's range (clap reports a bad value with the option's
//! name and exits with code 2). Each subcommand's own options are in its file.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::defaults;
use crate::engine::{MAX_RUNS, MAX_THREADS};
use crate::lang::{Msg, msg};
use crate::scale::Shard;

/// tepat: will the election materials get there in time?
///
/// Runs a parallel, reproducible Monte Carlo of an election-logistics scenario and reports how
/// likely every kecamatan, village and polling station (TPS) is to be supplied on time.
/// Exit codes: 0 success, 1 failure, 2 invalid input.
#[derive(Debug, Parser)]
#[command(
    name = "tepat",
    version,
    about,
    long_about,
    after_help = "Example:\n  tepat run scenarios/bengkalis-2024.toml --runs 10000\n  (without a subcommand: `tepat run scenarios/`)"
)]
pub struct Cli {
    /// Language of the reports, charts and terminal output: id (Bahasa Indonesia) or en
    /// (English). Default: the scenario's `language`, else Indonesian when LC_ALL,
    /// LC_MESSAGES or LANG starts with "id", else English.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::lang::Lang>,
    /// What to do (default: `run` on scenarios/).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Simulate scenario files and write results, charts and reports.
    #[command(after_help = super::run::EXAMPLE)]
    Run(super::run::RunArgs),
    /// P(on time) against one parameter: `--set KEY=FROM..TO:STEP` or `--set KEY=V1,V2,...`.
    #[command(after_help = super::sweep::EXAMPLE)]
    Sweep(super::sweep::SweepArgs),
    /// The latest planned dispatch of every hub (PPK) and village (PPS) that keeps P(every TPS
    /// of the kecamatan on time) at or above a target, all applied together.
    #[command(after_help = super::plan::EXAMPLE)]
    Plan(super::plan::PlanArgs),
    /// Which inputs matter most for P(every TPS on time): a tornado of low/high settings.
    #[command(after_help = super::sensitivity::EXAMPLE)]
    Sensitivity(AnalysisArgs),
    /// Time the engine on a scenario: replications per second, nanoseconds per leg per core,
    /// peak memory.
    #[command(after_help = super::bench::EXAMPLE)]
    Bench(super::bench::BenchArgs),
    /// Write a synthetic scenario of a given size, or the reference network.
    #[command(after_help = super::generate::EXAMPLE)]
    Generate(super::generate::GenerateArgs),
    /// Merge the partial results of `run --shard K/N` into the files of the whole run.
    #[command(after_help = super::merge::EXAMPLE)]
    Merge(super::merge::MergeArgs),
    /// Write a small, fully commented starter scenario to edit.
    #[command(after_help = super::new::EXAMPLE)]
    New(super::new::NewArgs),
    /// Turn a TPS list (CSV or Excel) into a scenario skeleton.
    #[command(after_help = super::import::EXAMPLE)]
    Import(super::import::ImportArgs),
    /// How well a scenario foresaw what happened: a record (CSV) against the model's
    /// predictive distributions (docs/backtest.md).
    #[command(after_help = super::backtest::BACKTEST_EXAMPLE)]
    Backtest(super::backtest::BacktestArgs),
    /// Fit a scenario distribution to past trips of a link (CSV), chosen by AIC, with a
    /// Kolmogorov-Smirnov test and a Q-Q chart (docs/backtest.md).
    #[command(after_help = super::backtest::FIT_EXAMPLE)]
    Fit(super::backtest::FitArgs),
    /// Validate scenario files without simulating.
    #[command(after_help = super::check::EXAMPLE)]
    Check(super::check::CheckArgs),
}

/// `--threads`: 0 (every core) to [`MAX_THREADS`].
pub fn threads(s: &str) -> Result<usize, String> {
    let n: usize = s.parse().map_err(|_| said(msg!("e814", v = s)))?;
    if n > MAX_THREADS {
        return Err(said(msg!("e803", max = MAX_THREADS, n = n)));
    }
    Ok(n)
}

/// `--as-of`: a local datetime with its offset, with or without seconds.
pub fn as_of(s: &str) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    crate::model::observe::parse_local(s).map_err(said)
}

/// `--runs`: 1 to [`MAX_RUNS`] replications.
pub fn runs(s: &str) -> Result<u64, String> {
    let n: u64 = s.parse().map_err(|_| said(msg!("e813", v = s)))?;
    if n == 0 || n > MAX_RUNS {
        return Err(said(msg!("e801", max = MAX_RUNS, n = n)));
    }
    Ok(n)
}

/// `--precision`: a 95% half-width above 0 and below 0.5.
pub fn precision(s: &str) -> Result<f64, String> {
    let p: f64 = s
        .parse()
        .map_err(|_| said(msg!("e802", v = format!("'{s}'"))))?;
    if !(p.is_finite() && p > 0.0 && p < 0.5) {
        return Err(said(msg!("e802", v = p)));
    }
    Ok(p)
}

/// `--target`: a probability strictly between 0 and 1.
pub fn target(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if t > 0.0 && t < 1.0 => Ok(t),
        _ => Err(said(msg!("e815", v = s))),
    }
}

/// `--shard K/N`.
pub fn shard(s: &str) -> Result<Shard, String> {
    Shard::parse(s).map_err(said)
}

/// A message of a value parser, in the language the command line or the locale asks for
/// (clap's own frame around it, "error: invalid value … for …", stays clap's).
fn said(m: Msg) -> String {
    m.render(super::early_lang())
}

/// Options shared by the simulating commands.
#[derive(Debug, Clone, Args, Default)]
pub struct SimArgs {
    /// Replications (default 10000).
    #[arg(long, conflicts_with = "precision", value_parser = runs)]
    pub runs: Option<u64>,
    /// Instead of --runs: run until every reported probability's 95% half-width is at most P.
    #[arg(long, value_name = "P", value_parser = precision)]
    pub precision: Option<f64>,
    /// Random seed (default: the scenario's `seed`, else 2024).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (default: all cores; at most the cores there are, and at most 1024).
    #[arg(long, default_value_t = 0, value_parser = threads)]
    pub threads: usize,
    /// No progress bar or table on the terminal.
    #[arg(long, short)]
    pub quiet: bool,
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
    #[arg(long, default_value_t = defaults::ANALYSIS_RUNS, value_parser = runs)]
    pub runs: u64,
    /// Random seed (default: the scenario's `seed`, else 2024).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (default: all cores; at most the cores there are, and at most 1024).
    #[arg(long, default_value_t = 0, value_parser = threads)]
    pub threads: usize,
    /// No table on the terminal.
    #[arg(long, short)]
    pub quiet: bool,
}
