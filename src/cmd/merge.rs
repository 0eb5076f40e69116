//! `tepat run --shard K/N` (one partial result per scenario file) and `tepat merge` (the
//! partial results into the files of the whole run).

use std::path::{Path, PathBuf};

use clap::Args;

use super::progress::{Bar, BarWords};
use super::run::RunArgs;
use crate::error::{Error, Result};
use crate::pipeline::{self, RunConfig};
use crate::scale::{self, Shard};

/// `tepat merge`.
#[derive(Debug, Clone, Args)]
pub struct MergeArgs {
    /// Partial results.
    #[arg(required = true)]
    pub parts: Vec<PathBuf>,
    /// Output folder or file.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// The scenario file, if not where the parts say.
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,
    /// Worker threads (0: every core).
    #[arg(long, default_value_t = 0, value_parser = super::args::threads)]
    pub threads: usize,
    /// No terminal table or progress.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `tepat run --shard K/N`: one partial result per scenario file.
pub fn shards(a: &RunArgs, cfg: &RunConfig, files: &[PathBuf], shard: Shard) -> Result<()> {
    if a.sim.runs.is_none() {
        return Err(Error::Usage(crate::lang::msg!("e884")));
    }
    let Shard { k, n } = shard;
    for f in files {
        let name = pipeline::folder_name(f);
        let (from, to) = shard.range(a.sim.runs.unwrap_or(0));
        let bar = Bar::new(
            &format!("{name} {k}/{n}"),
            to - from,
            a.sim.quiet,
            &BarWords::new(super::lang(None)),
        );
        let part = scale::run_shard(f, cfg, shard, &bar);
        bar.finish();
        let part = part?;
        let mut json = serde_json::to_vec(&part).map_err(|e| Error::caused("JSON: ", e))?;
        json.push(b'\n');
        let folder = format!("{name}-shard-{k}-of-{n}");
        let dir = crate::output::write_folder(&a.out, &folder, &[("partial.json".into(), json)])?;
        if !a.sim.quiet {
            let lang = super::lang(None);
            let int = |x: u64| crate::lang::format::int(lang, x as i64);
            crate::text::print_line(&crate::lang::t!(
                lang,
                "shard-written",
                name = name.as_str(),
                k = k.to_string(),
                n = n.to_string(),
                from = int(part.replications[0]),
                to = int(part.replications[1]),
                total = int(part.total_runs),
                secs = crate::lang::format::number(lang, part.elapsed_s, 1),
                path = dir.join("partial.json").display().to_string()
            ));
        }
    }
    Ok(())
}

/// `tepat merge PARTS...`.
pub fn merge(a: &MergeArgs) -> Result<()> {
    let parts = a
        .parts
        .iter()
        .map(|p| scale::read_partial(p))
        .collect::<Result<Vec<_>>>()?;
    let run = scale::merge(&parts, a.scenario.as_deref(), a.threads)?;
    let name = pipeline::folder_name(Path::new(&parts[0].scenario_file));
    let outputs = crate::report::run_files(&super::run::view(&run))?;
    let dir = crate::output::write_folder(&a.out, &name, &outputs)?;
    if !a.quiet {
        let lang = super::lang(run.loaded.file.scenario.lang());
        super::table::print_run(&run, lang);
        println!(
            "{}",
            crate::lang::t!(
                lang,
                "merge-written",
                parts = crate::lang::format::int(lang, parts.len() as i64),
                runs = crate::lang::format::int(lang, run.outcome.acc.runs as i64),
                path = dir.display().to_string()
            )
        );
    }
    Ok(())
}
