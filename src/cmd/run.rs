//! `tepat run` (and `tepat` without a subcommand): simulate scenario files and write their
//! results, charts and reports, one folder each, and `index.html`.

use std::path::{Path, PathBuf};

use clap::Args;

use super::args::SimArgs;
use super::progress::{Bar, BarWords};
use crate::defaults;
use crate::engine::Runs;
use crate::error::{Diagnostic, Error, Result};
use crate::lang::{Msg, msg};
use crate::pipeline::{self, RunConfig, ScenarioRun};
use crate::report::RunView;
use crate::scale::Shard;
use crate::{model, scenario};

/// `tepat run`.
#[derive(Debug, Clone, Args, Default)]
pub struct RunArgs {
    /// Scenario files or folders (default: scenarios/).
    pub paths: Vec<PathBuf>,
    /// Output folder or file.
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// A GeoJSON basemap in place of the scenario's.
    #[arg(long, value_name = "FILE")]
    pub basemap: Option<PathBuf>,
    /// The slice of the replications to compute.
    #[arg(long, value_name = "K/N", value_parser = super::args::shard)]
    pub shard: Option<Shard>,
    /// The status file of the distribution week.
    #[arg(long, value_name = "STATUS.csv", requires = "as_of")]
    pub status: Option<PathBuf>,
    /// The time the status describes.
    #[arg(long, value_name = "DATETIME", value_parser = super::args::as_of)]
    pub as_of: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// Simulation options.
    #[command(flatten)]
    pub sim: SimArgs,
}

impl RunArgs {
    /// The as-of time and status file, for a run in the distribution week, in `lang`.
    pub fn as_of(&self, lang: crate::lang::Lang) -> Option<pipeline::AsOf> {
        self.as_of.map(|at| pipeline::AsOf {
            at,
            status: self.status.clone(),
            lang,
        })
    }
}

/// The run configuration of the simulation options (their ranges are checked by the parser).
pub fn config(sim: &SimArgs) -> RunConfig {
    let runs = match (sim.runs, sim.precision) {
        (Some(n), _) => Runs::Fixed(n),
        (None, Some(p)) => Runs::Precision {
            precision: p,
            min: defaults::PRECISION_MIN_RUNS,
            max: defaults::PRECISION_MAX_RUNS,
        },
        (None, None) => Runs::Fixed(defaults::RUNS),
    };
    RunConfig {
        seed: sim.seed,
        runs,
        threads: sim.threads,
        basemap: None,
    }
}

/// `tepat` without a subcommand: `tepat run scenarios/` into `output/`.
pub fn default_args() -> RunArgs {
    RunArgs {
        out: PathBuf::from("output"),
        ..RunArgs::default()
    }
}

/// The basemap a scenario names: a missing one is a warning, printed on the terminal; one that
/// exists but cannot be read or is not usable GeoJSON is an error (returned, to be reported
/// with the others).
pub fn basemap_errors(l: &scenario::Loaded) -> Vec<Diagnostic> {
    if let Some(w) = scenario::basemap_warning(l) {
        eprintln!("{}", w.warning_in(super::lang(w.lang)));
        return Vec::new();
    }
    match l.basemap.as_ref().map(|p| crate::plot::load_basemap(p)) {
        None | Some(Ok(_)) => Vec::new(),
        Some(Err(Error::Invalid(d))) => d,
        Some(Err(e)) => vec![Diagnostic {
            key_path: "scenario.basemap".into(),
            help: Some(msg!("e811-help")),
            lang: scenario::declared_lang(&l.text),
            ..Diagnostic::new(&l.path, msg!("e811", reason = e.to_string()))
        }],
    }
}

/// An explicit `--basemap` must be a readable, usable GeoJSON file (exit code 2 otherwise).
fn check_explicit_basemap(path: &Path) -> Result<()> {
    crate::plot::load_basemap(path)
        .map(|_| ())
        .map_err(|e| match e {
            Error::Io { path, source, .. } => Error::Usage(msg!(
                "e810",
                path = path.display().to_string(),
                reason = msg!("e810-unreadable", reason = source.to_string())
            )),
            Error::Invalid(d) => {
                let mut reasons = d.into_iter().map(|d| d.message);
                let first = reasons.next().unwrap_or_else(|| Msg::verbatim(""));
                let reason = reasons.fold(first, |a, b| msg!("joined", a = a, b = b));
                Error::Usage(msg!(
                    "e810",
                    path = path.display().to_string(),
                    reason = reason
                ))
            }
            e => e,
        })
}

/// The replications a run of one file will make, as far as known before it starts: the
/// baseline's (for `--precision`, its first step) and as many again for the comparison of its
/// strategies, if it has any. The progress bar starts with this total.
pub fn planned_runs(runs: Runs, has_strategies: bool) -> u64 {
    let n = match runs {
        Runs::Fixed(n) => n,
        Runs::Precision { min, .. } => min,
    };
    if has_strategies { 2 * n } else { n }
}

/// Load and compile every file (and its strategies and basemap) before simulating any, so a
/// typo in the last file is found at once. Returns, per file, whether it has strategies and
/// the language of its run.
fn check_all(a: &RunArgs, files: &[PathBuf]) -> Result<Vec<(bool, crate::lang::Lang)>> {
    let mut basemap_problems = Vec::new();
    let mut strategies = Vec::new();
    for f in files {
        let l = scenario::load(f)?;
        let m = model::compile(&l)?;
        let has_strategies = !crate::strategy::compile_all(&l, &m)?.is_empty();
        let lang = super::lang(l.file.scenario.lang());
        if let Some(as_of) = a.as_of(lang) {
            pipeline::observations(&m, &as_of)?;
        }
        strategies.push((has_strategies, lang));
        if a.basemap.is_none() {
            basemap_problems.extend(basemap_errors(&l));
        }
    }
    if basemap_problems.is_empty() {
        Ok(strategies)
    } else {
        Err(Error::Invalid(basemap_problems))
    }
}

/// What the outputs of a run read, in the run's language (`--lang`, else the scenario's
/// `language`, else the locale).
pub fn view(run: &ScenarioRun) -> RunView<'_> {
    RunView::from(run).in_lang(super::lang(run.loaded.file.scenario.lang()))
}

/// `tepat run`.
pub fn run(a: RunArgs) -> Result<()> {
    let mut cfg = config(&a.sim);
    cfg.basemap = a.basemap.clone();
    let paths = if a.paths.is_empty() {
        vec![PathBuf::from("scenarios")]
    } else {
        a.paths.clone()
    };
    let files = pipeline::collect_files(&paths)?;
    if let Some(b) = &a.basemap {
        check_explicit_basemap(b)?;
    }
    let strategies = check_all(&a, &files)?;
    if let Some(shard) = a.shard {
        if a.as_of.is_some() {
            return Err(Error::Usage(msg!("e847")));
        }
        return super::merge::shards(&a, &cfg, &files, shard);
    }
    let mut done: Vec<(String, ScenarioRun)> = Vec::new();
    for (f, &(has_strategies, lang)) in files.iter().zip(&strategies) {
        // An as-of run goes to its own folder, beside the plan's, never over it.
        let name = match a.as_of {
            Some(at) => format!(
                "{}-as-of-{}",
                pipeline::folder_name(f),
                at.format("%Y-%m-%dT%H%M")
            ),
            None => pipeline::folder_name(f),
        };
        // An as-of run also simulates the plain plan, on the same replications.
        let planned = planned_runs(cfg.runs, has_strategies)
            + if a.as_of.is_some() {
                planned_runs(cfg.runs, false)
            } else {
                0
            };
        let bar = Bar::new(&name, planned, a.sim.quiet, &BarWords::new(lang));
        let run = pipeline::simulate_file_as_of(f, &cfg, a.as_of(lang).as_ref(), &bar);
        bar.finish();
        let run = match run {
            Err(Error::Interrupted { done: n, total }) => {
                let finished: Vec<&str> = done.iter().map(|(d, _)| d.as_str()).collect();
                eprintln!(
                    "{name}: stopped after {n} of {total} replications; nothing was written for it and its previous results in {} (if any) are untouched{}",
                    a.out.join(&name).display(),
                    if finished.is_empty() {
                        String::new()
                    } else {
                        format!("; finished and written before: {}", finished.join(", "))
                    }
                );
                return Err(Error::Interrupted { done: n, total });
            }
            r => r?,
        };
        let outputs = crate::report::run_files(&view(&run))?;
        let dir = crate::output::write_folder(&a.out, &name, &outputs)?;
        if !a.sim.quiet {
            super::table::print_run(&run, lang);
            print_as_of(&run, lang);
            println!(
                "{}",
                crate::lang::t!(lang, "written", path = dir.display().to_string())
            );
        }
        done.push((name, run));
    }
    let entries: Vec<crate::report::IndexEntry> = done
        .iter()
        .map(|(name, run)| crate::report::IndexEntry::new(name, &view(run)))
        .collect();
    let index = Path::new(&a.out).join("index.html");
    // The index is in the scenarios' language when they all name the same one.
    let langs: Vec<_> = done
        .iter()
        .map(|(_, r)| r.loaded.file.scenario.lang())
        .collect();
    let common = langs
        .first()
        .copied()
        .flatten()
        .filter(|l| langs.iter().all(|x| *x == Some(*l)));
    let html = crate::report::index_html(super::lang(common), &entries)?;
    crate::output::write_file(&index, html.as_bytes())?;
    Ok(())
}

/// For an as-of run: the time, the status file and what changed since the plan, in `lang`.
fn print_as_of(run: &ScenarioRun, lang: crate::lang::Lang) {
    use crate::lang::{format, t};
    let Some(n) = &run.manifest.as_of else {
        return;
    };
    println!();
    crate::text::print_line(&t!(
        lang,
        "as-of-terminal",
        at = format::datetime(lang, &n.time),
        facts = format::int(lang, n.facts as i64),
        file = n
            .status_file
            .clone()
            .unwrap_or_else(|| t!(lang, "as-of-terminal-no-file"))
    ));
    let moved: Vec<_> = n.changed_since_plan.iter().filter(|c| c.changed).collect();
    if moved.is_empty() {
        println!("{}", t!(lang, "as-of-unchanged"));
        return;
    }
    println!("{}", t!(lang, "as-of-changed"));
    println!(
        "  {:<20} {:>24}  {:>24}  {:>24}",
        t!(lang, "run-col-kecamatan"),
        t!(lang, "as-of-col-plan"),
        t!(lang, "as-of-col-now"),
        t!(lang, "as-of-col-change")
    );
    let pr = |p: &crate::summary::Prob| format::percent_interval(lang, p.p, p.lo, p.hi);
    for c in moved {
        crate::text::print_line(&format!(
            "  {:<20} {:>24}  {:>24}  {:>24}",
            c.kecamatan,
            pr(&c.plan),
            pr(&c.as_of),
            format::points(lang, c.change)
        ));
    }
}
