//! The command line: the top-level parser, the options several subcommands share, and the
//! value parsers that check every number's range (clap reports a bad value with the option's
//! name and exits with code 2). Each subcommand's own options are in its file; what `--help`
//! says about each is in `locales/<lang>/help.ftl` ([`super::help`]).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::defaults;
use crate::engine::{MAX_RUNS, MAX_THREADS};
use crate::lang::{Msg, msg};
use crate::scale::Shard;

/// The whole command line. Its descriptions and help texts, in both languages, are in
/// `locales/<lang>/help.ftl`, set on the command tree by [`super::help`].
#[derive(Debug, Parser)]
#[command(name = "tepat", version)]
pub struct Cli {
    /// The language asked for on the command line.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::lang::Lang>,
    /// The subcommand.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// `tepat run`.
    Run(super::run::RunArgs),
    /// `tepat sweep`.
    Sweep(super::sweep::SweepArgs),
    /// `tepat plan`.
    Plan(super::plan::PlanArgs),
    /// `tepat sensitivity`.
    Sensitivity(AnalysisArgs),
    /// `tepat bench`.
    Bench(super::bench::BenchArgs),
    /// `tepat generate`.
    Generate(super::generate::GenerateArgs),
    /// `tepat merge`.
    Merge(super::merge::MergeArgs),
    /// `tepat new`.
    New(super::new::NewArgs),
    /// `tepat import`.
    Import(super::import::ImportArgs),
    /// `tepat backtest`.
    Backtest(super::backtest::BacktestArgs),
    /// `tepat fit`.
    Fit(super::backtest::FitArgs),
    /// `tepat check`.
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

/// A message of a value parser, in the language the command line or the locale asks for; the
/// parser's sentence around it is [`super::cli_error`]'s, in the same language.
fn said(m: Msg) -> String {
    m.render(super::early_lang())
}

/// Options shared by the simulating commands.
#[derive(Debug, Clone, Args, Default)]
pub struct SimArgs {
    /// Replications.
    #[arg(long, conflicts_with = "precision", value_parser = runs)]
    pub runs: Option<u64>,
    /// The 95% half-width to stop at, instead of a fixed number of replications.
    #[arg(long, value_name = "P", value_parser = precision)]
    pub precision: Option<f64>,
    /// Random seed.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (0: every core).
    #[arg(long, default_value_t = 0, value_parser = threads)]
    pub threads: usize,
    /// No terminal table or progress.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Options shared by the what-if commands.
#[derive(Debug, Clone, Args)]
pub struct AnalysisArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// Output folder or file.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// Replications.
    #[arg(long, default_value_t = defaults::ANALYSIS_RUNS, value_parser = runs)]
    pub runs: u64,
    /// Random seed.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (0: every core).
    #[arg(long, default_value_t = 0, value_parser = threads)]
    pub threads: usize,
    /// No terminal table or progress.
    #[arg(long, short)]
    pub quiet: bool,
}
