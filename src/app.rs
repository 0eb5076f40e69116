//! What each subcommand does, in terms of the library.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::{Cli, Command, RunArgs, SimArgs};
use crate::engine::{MAX_RUNS, Progress, Runs};
use crate::error::{Error, Result};
use crate::model;
use crate::pipeline::{self, RunConfig, ScenarioRun};
use crate::scenario;

/// A progress bar on standard error, hidden when it is not a terminal or with `--quiet`.
pub struct Bar(ProgressBar);

impl Bar {
    /// A bar labelled with the scenario name.
    pub fn new(label: &str, quiet: bool) -> Self {
        if quiet || !std::io::stderr().is_terminal() {
            return Bar(ProgressBar::hidden());
        }
        let pb = ProgressBar::new(0);
        if let Ok(style) = ProgressStyle::with_template(
            "{prefix:>28} [{bar:30}] {pos}/{len} replications ({per_sec}, {eta})",
        ) {
            pb.set_style(style.progress_chars("=> "));
        }
        pb.set_prefix(label.to_string());
        Bar(pb)
    }
    /// Remove the bar.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Progress for Bar {
    fn inc(&self, n: u64) {
        self.0.inc(n);
    }
    fn set_total(&self, total: u64) {
        self.0.set_length(total);
    }
}

/// Turn the simulation options into a run configuration, checking their ranges.
pub fn config(sim: &SimArgs) -> Result<RunConfig> {
    let runs = match (sim.runs, sim.precision) {
        (Some(n), _) => {
            if n == 0 || n > MAX_RUNS {
                return Err(Error::Usage(format!(
                    "--runs must be from 1 to {MAX_RUNS} (got {n})"
                )));
            }
            Runs::Fixed(n)
        }
        (None, Some(p)) => {
            if !(p.is_finite() && p > 0.0 && p < 0.5) {
                return Err(Error::Usage(format!(
                    "--precision must be a half-width above 0 and below 0.5, like 0.01 (got {p})"
                )));
            }
            Runs::Precision {
                precision: p,
                min: 1_000,
                max: MAX_RUNS.min(10_000_000),
            }
        }
        (None, None) => Runs::Fixed(10_000),
    };
    if sim.threads > 1024 {
        return Err(Error::Usage(format!(
            "--threads must be at most 1024 (got {})",
            sim.threads
        )));
    }
    Ok(RunConfig {
        seed: sim.seed,
        runs,
        threads: sim.threads,
        shard: None,
        basemap: None,
    })
}

/// Entry point for the binary.
pub fn main(cli: Cli) -> Result<()> {
    match cli.command {
        None => run(RunArgs {
            paths: Vec::new(),
            out: PathBuf::from("output"),
            basemap: None,
            shard: None,
            sim: SimArgs {
                runs: None,
                precision: None,
                seed: None,
                threads: 0,
                quiet: false,
            },
        }),
        Some(Command::Run(a)) => run(a),
        Some(Command::Check { paths }) => check(&paths),
        Some(Command::New(a)) => crate::starter::new_command(&a),
        Some(Command::Import(a)) => crate::import::import_command(&a),
        Some(Command::Bench(a)) => crate::scale::bench_command(&a),
        Some(Command::Generate(a)) => crate::scale::generate_command(&a),
        Some(Command::Merge(a)) => crate::scale::merge_command(&a),
        Some(Command::Sweep(a)) => crate::analysis::cli::sweep(a),
        Some(Command::Plan(a)) => crate::analysis::cli::plan(a),
        Some(Command::Sensitivity(a)) => crate::analysis::cli::sensitivity(a),
    }
}

fn default_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("scenarios")]
    } else {
        paths.to_vec()
    }
}

/// `tepat check`.
pub fn check(paths: &[PathBuf]) -> Result<()> {
    let files = pipeline::collect_files(paths)?;
    let mut errors = Vec::new();
    for f in &files {
        match scenario::load(f).and_then(|l| model::compile(&l).map(|m| (l, m))) {
            Ok((l, m)) => {
                let strategies = crate::strategy::compile_all(&l, &m).map(|v| v.len());
                match strategies {
                    Ok(ns) => println!(
                        "ok  {}: {} kecamatan, {} nodes, {} stations, {} links, {} zones{}",
                        f.display(),
                        m.kecamatan.len(),
                        m.nodes.len(),
                        m.stations.len(),
                        m.links.len(),
                        m.zones.len(),
                        if ns > 0 {
                            format!(", {ns} strategies")
                        } else {
                            String::new()
                        }
                    ),
                    Err(Error::Invalid(d)) => errors.extend(d),
                    Err(e) => return Err(e),
                }
            }
            Err(Error::Invalid(d)) => errors.extend(d),
            Err(e) => return Err(e),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(errors))
    }
}

/// Print the terminal summary table of a run.
pub fn print_table(run: &ScenarioRun) {
    let s = &run.summary;
    println!();
    println!(
        "{}  ({} replications, seed {}, {:.1} s, {:.0} replications/s on {} threads)",
        s.scenario,
        s.runs,
        run.manifest.seed,
        run.manifest.elapsed_s,
        run.manifest.replications_per_s,
        run.manifest.threads
    );
    println!(
        "{:<20} {:>5}  {:>22}  {:>22}  {:>13}  {:<16}",
        "kecamatan",
        "TPS",
        "P(PPK on time) [95%]",
        "P(all TPS on time)",
        "E[late TPS]",
        "P95 arrival"
    );
    let mut ks: Vec<_> = s.kecamatan.iter().collect();
    ks.sort_by(|a, b| {
        a.all_stations_on_time
            .p
            .total_cmp(&b.all_stations_on_time.p)
    });
    for k in ks {
        let hub = &s.nodes[k.hub];
        let p = hub
            .on_time
            .map(|p| format!("{:.3} [{:.3}, {:.3}]", p.p, p.lo, p.hi))
            .unwrap_or_else(|| "no deadline".into());
        println!(
            "{:<20} {:>5}  {:>22}  {:>22}  {:>13}  {:<16}",
            k.name,
            k.stations,
            p,
            format!(
                "{:.3} [{:.3}, {:.3}]",
                k.all_stations_on_time.p, k.all_stations_on_time.lo, k.all_stations_on_time.hi
            ),
            format!("{:.2}", k.late_stations.mean),
            hub.p95
        );
    }
    println!(
        "{:<20} {:>5}  {:>22}  {:>22}  {:>13}",
        "ALL",
        s.stations,
        "",
        format!(
            "{:.3} [{:.3}, {:.3}]",
            s.all_on_time.p, s.all_on_time.lo, s.all_on_time.hi
        ),
        format!(
            "{:.2} [{:.2}, {:.2}]",
            s.late_stations.mean, s.late_stations.lo, s.late_stations.hi
        )
    );
    let never: Vec<_> = s.nodes.iter().filter(|n| n.never > 0.0).collect();
    if !never.is_empty() {
        println!(
            "never arrived within the horizon ({:.1} days after the start) in some replications:",
            s.horizon_h / 24.0
        );
        for n in never.iter().take(10) {
            println!(
                "  {:<28} never arrived in {:.1}% of replications",
                n.name,
                100.0 * n.never
            );
        }
        if never.len() > 10 {
            println!(
                "  ... and {} more (column p_never_arrived of summary.csv)",
                never.len() - 10
            );
        }
    }
}

/// Everything written for one run: data, charts, report.
pub fn all_files(run: &ScenarioRun) -> Result<Vec<crate::output::File>> {
    let mut files = pipeline::data_files(run)?;
    files.extend(crate::strategy::files(run)?);
    let mut charts = crate::plot::charts(run)?;
    charts.extend(crate::strategy::charts(run)?);
    let report = crate::report::report_html(run, &charts)?;
    for c in charts {
        files.push((format!("{}.png", c.name), c.png));
        files.push((format!("{}.svg", c.name), c.svg.into_bytes()));
    }
    files.push(("report.html".into(), report.into_bytes()));
    Ok(files)
}

/// `tepat run`.
pub fn run(a: RunArgs) -> Result<()> {
    let mut cfg = config(&a.sim)?;
    cfg.basemap = a.basemap.clone();
    let files = pipeline::collect_files(&default_paths(&a.paths))?;
    // Check every file before simulating any, so a typo in the last file is found at once.
    for f in &files {
        let l = scenario::load(f)?;
        let m = model::compile(&l)?;
        crate::strategy::compile_all(&l, &m)?;
    }
    if let Some(shard) = &a.shard {
        return crate::scale::shard_command(&a, &cfg, &files, shard);
    }
    let mut done: Vec<(String, ScenarioRun)> = Vec::new();
    for f in &files {
        let name = pipeline::folder_name(f);
        let bar = Bar::new(&name, a.sim.quiet);
        let run = pipeline::simulate_file(f, &cfg, &bar);
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
        let outputs = all_files(&run)?;
        let dir = crate::output::write_folder(&a.out, &name, &outputs)?;
        if !a.sim.quiet {
            print_table(&run);
            println!("written: {}", dir.display());
        }
        done.push((name, run));
    }
    let entries: Vec<crate::report::IndexEntry> = done
        .iter()
        .map(|(name, run)| crate::report::IndexEntry::new(name, run))
        .collect();
    let index = Path::new(&a.out).join("index.html");
    crate::output::write_file(&index, crate::report::index_html(&entries).as_bytes())?;
    Ok(())
}
