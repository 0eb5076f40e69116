//! What each subcommand does, in terms of the library.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::{Cli, Command, RunArgs, SimArgs};
use crate::engine::{MAX_RUNS, Progress, Runs};
use crate::error::{Diagnostic, Error, Result};
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
        pb.set_prefix(crate::text::visible(label).into_owned());
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
    Ok(RunConfig {
        seed: sim.seed,
        runs,
        threads: sim.threads,
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

/// The basemap a scenario names: a missing one is a warning, printed on the terminal; one that
/// exists but cannot be read or is not usable GeoJSON is an error (returned, to be reported
/// with the others).
fn basemap_errors(l: &scenario::Loaded) -> Vec<Diagnostic> {
    if let Some(w) = scenario::basemap_warning(l) {
        eprintln!("{}", w.warning());
        return Vec::new();
    }
    match l.basemap.as_ref().map(|p| crate::plot::load_basemap(p)) {
        None | Some(Ok(_)) => Vec::new(),
        Some(Err(Error::Invalid(d))) => d,
        Some(Err(e)) => vec![Diagnostic {
            file: l.path.clone(),
            line: None,
            column: None,
            key_path: "scenario.basemap".into(),
            message: format!("the basemap cannot be read: {e}"),
            help: Some("give a readable GeoJSON file, or remove `basemap`".into()),
            source_line: None,
        }],
    }
}

/// An explicit `--basemap` must be a readable, usable GeoJSON file (exit code 2 otherwise).
fn check_explicit_basemap(path: &Path) -> Result<()> {
    crate::plot::load_basemap(path).map(|_| ()).map_err(|e| match e {
        Error::Io { path, source, .. } => Error::Usage(format!(
            "--basemap {}: the file cannot be read ({source}); give a GeoJSON file of polygons, or leave --basemap out to use the scenario's",
            path.display()
        )),
        Error::Invalid(d) => Error::Usage(format!(
            "--basemap {}: {}; give a GeoJSON file of polygons, or leave --basemap out to use the scenario's",
            path.display(),
            d.iter()
                .map(|d| d.message.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        )),
        e => e,
    })
}

/// `tepat check`.
pub fn check(paths: &[PathBuf]) -> Result<()> {
    let files = pipeline::collect_files(paths)?;
    let mut errors = Vec::new();
    for f in &files {
        match scenario::load(f).and_then(|l| model::compile(&l).map(|m| (l, m))) {
            Ok((l, m)) => {
                let basemap = basemap_errors(&l);
                let strategies = crate::strategy::compile_all(&l, &m).map(|v| v.len());
                match strategies {
                    Ok(_) if !basemap.is_empty() => {}
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
                errors.extend(basemap);
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

/// Print the terminal summary table of a run: per kecamatan (riskiest first) the two TPS
/// questions (every TPS by H-1; some TPS without materials when voting opens) and the PPK
/// deadline, then the riskiest villages and, with strategies, their ranking.
pub fn print_table(run: &ScenarioRun) {
    let s = &run.summary;
    let pr = |p: &crate::summary::Prob| format!("{:.3} [{:.3}, {:.3}]", p.p, p.lo, p.hi);
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
        "H-1 rule: every TPS supplied by its deadline{}; voting opens: {}. Target {}.",
        s.h1_h
            .map(|h| format!(" ({})", crate::time::fmt_local(&run.model.start, h)))
            .unwrap_or_default(),
        s.voting_opens
            .as_deref()
            .unwrap_or("not stated in the scenario"),
        s.target
    );
    println!(
        "{:<20} {:>5}  {:>22}  {:>8}  {:>22}  {:>11}  {:>22}",
        "kecamatan",
        "TPS",
        "P(every TPS by H-1)",
        "E[late]",
        "P(some TPS w/o mat.",
        "E[TPS w/o",
        "P(PPK by its deadline)"
    );
    println!(
        "{:<20} {:>5}  {:>22}  {:>8}  {:>22}  {:>11}  {:>22}",
        "", "", "[95%]", "TPS", " at opening) [95%]", "materials]", "[95%]"
    );
    let mut ks: Vec<usize> = (0..s.kecamatan.len()).collect();
    ks.sort_by(|&a, &b| {
        let (x, y) = (&s.kecamatan[a], &s.kecamatan[b]);
        x.all_stations_on_time
            .p
            .total_cmp(&y.all_stations_on_time.p)
            .then(y.late_stations.mean.total_cmp(&x.late_stations.mean))
            .then(a.cmp(&b))
    });
    for k in ks {
        let kr = &s.kecamatan[k];
        let hub = &s.nodes[kr.hub];
        let mut name = kr.name.clone();
        if kr.below_target {
            name = format!("{name} !");
        }
        println!(
            "{:<20} {:>5}  {:>22}  {:>8.2}  {:>22}  {:>11}  {:>22}{}",
            name,
            kr.stations,
            pr(&kr.all_stations_on_time),
            kr.late_stations.mean,
            kr.some_without_materials_at_opening
                .map(|p| pr(&p))
                .unwrap_or_else(|| "-".into()),
            kr.without_materials_at_opening
                .map(|m| format!("{:.2}", m.mean))
                .unwrap_or_else(|| "-".into()),
            hub.on_time
                .map(|p| pr(&p))
                .unwrap_or_else(|| "no deadline".into()),
            if s.riskiest == Some(k) {
                "  <- riskiest"
            } else {
                ""
            }
        );
    }
    println!(
        "{:<20} {:>5}  {:>22}  {:>8.2}  {:>22}  {:>11}",
        "ALL",
        s.stations,
        pr(&s.all_on_time),
        s.late_stations.mean,
        s.some_without_materials_at_opening
            .map(|p| pr(&p))
            .unwrap_or_else(|| "-".into()),
        s.without_materials_at_opening
            .map(|m| format!("{:.2}", m.mean))
            .unwrap_or_else(|| "-".into()),
    );
    if s.below_target.is_empty() {
        println!(
            "Every kecamatan meets the target {} for every TPS by H-1.",
            s.target
        );
    } else {
        println!(
            "! below the target {} (P(every TPS by H-1)): {}",
            s.target,
            s.below_target.join(", ")
        );
    }
    if !s.riskiest_villages.is_empty() {
        println!();
        println!("Riskiest villages (most expected late TPS after H-1):");
        println!(
            "  {:<26} {:<18} {:>4} {:>12} {:>10}  leading cause",
            "village", "kecamatan", "TPS", "E[late TPS]", "TPS on time"
        );
        for v in &s.riskiest_villages {
            println!(
                "  {:<26} {:<18} {:>4} {:>12.3} {:>9.1}%  {}",
                v.name,
                v.kecamatan.as_deref().unwrap_or("-"),
                v.stations,
                v.expected_late,
                100.0 * v.share_on_time,
                v.leading_cause.as_deref().unwrap_or("-")
            );
        }
    }
    if let Some(c) = &run.comparison {
        println!();
        crate::strategy::print_ranking(c);
    }
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
    if let Some(b) = &a.basemap {
        check_explicit_basemap(b)?;
    }
    // Check every file before simulating any, so a typo in the last file is found at once.
    let mut basemap_problems = Vec::new();
    for f in &files {
        let l = scenario::load(f)?;
        let m = model::compile(&l)?;
        crate::strategy::compile_all(&l, &m)?;
        if a.basemap.is_none() {
            basemap_problems.extend(basemap_errors(&l));
        }
    }
    if !basemap_problems.is_empty() {
        return Err(Error::Invalid(basemap_problems));
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
    crate::output::write_file(&index, crate::report::index_html(&entries)?.as_bytes())?;
    Ok(())
}
