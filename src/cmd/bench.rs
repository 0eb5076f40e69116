//! `tepat bench`: time the engine on a scenario file.

use std::path::{Path, PathBuf};

use clap::Args;

use std::time::Instant;

use serde::Serialize;

use crate::defaults;
use crate::engine::{self, NoProgress, Options, Runs};
use crate::error::{Error, Result};
use crate::lang::{Lang, format, t};
use crate::pipeline::ScenarioRun;
use crate::{model, scenario};

/// `tepat bench`.
#[derive(Debug, Clone, Args)]
pub struct BenchArgs {
    /// The scenario file.
    pub file: PathBuf,
    /// Replications.
    #[arg(long, default_value_t = defaults::RUNS, value_parser = super::args::runs)]
    pub runs: u64,
    /// Worker threads (0: every core).
    #[arg(long, default_value_t = 0, value_parser = super::args::threads)]
    pub threads: usize,
    /// Random seed.
    #[arg(long)]
    pub seed: Option<u64>,
    /// JSON output.
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
    print!("{}", lines(&a.file, &r, super::lang(None)));
    Ok(())
}

/// The figures as the terminal shows them, in `lang` (`bench.ftl`).
fn lines(file: &Path, r: &BenchResult, lang: Lang) -> String {
    let n = |x: f64, d: usize| format::number(lang, x, d);
    let rounds: Vec<String> = r.probe_rounds.iter().map(|x| n(*x, 2)).collect();
    let cpu = match r.probe_replications_cpu {
        Some(c) => t!(lang, "bench-cpu", v = n(c, 2)),
        None => String::new(),
    };
    let memory = match r.peak_memory_bytes {
        Some(b) => t!(lang, "bench-mb", v = n(b as f64 / 1e6, 1)),
        None => t!(lang, "bench-unavailable"),
    };
    let mut out = format!("{}\n", file.display());
    for line in [
        t!(
            lang,
            "bench-replications",
            runs = r.runs,
            threads = r.threads,
            legs = r.legs
        ),
        t!(
            lang,
            "bench-simulation",
            s = n(r.simulate_s, 3),
            rate = n(r.replications_per_s, 0)
        ),
        t!(
            lang,
            "bench-outputs",
            s = n(r.outputs_s, 3),
            rate = n(r.replications_per_s_with_outputs, 0)
        ),
        t!(lang, "bench-per-leg", ns = n(r.ns_per_leg_per_core, 2)),
        t!(
            lang,
            "bench-per-replication",
            us = n(r.replication_us_per_core, 2)
        ),
        t!(
            lang,
            "bench-probe",
            s = n(r.probe.seconds, 3),
            ns = n(r.probe.ns_per_leg_per_core, 2),
            us = n(r.probe.replication_us_per_core, 2)
        ),
        t!(
            lang,
            "bench-against",
            v = n(r.probe_replications, 2),
            cpu = cpu,
            rounds = r.probe_rounds.len(),
            list = rounds.join("; ")
        ),
        t!(lang, "bench-memory", v = memory),
    ] {
        out.push_str("  ");
        out.push_str(&line);
        out.push('\n');
    }
    out
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
    /// Microseconds of one replication of this file on one core (simulation seconds ×
    /// threads ÷ replications).
    pub replication_us_per_core: f64,
    /// The limit probe ([`crate::probe`]) on the reference network, in the same run.
    pub probe: ProbeResult,
    /// This file's replication ÷ the probe's reference replication (both per core).
    pub probe_replications: f64,
    /// Microseconds of processor time per replication of this file (all threads).
    pub replication_cpu_us: Option<f64>,
    /// The same ratio in processor time, which other work on the machine disturbs less.
    pub probe_replications_cpu: Option<f64>,
    /// The ratio of each interleaved round (processor time where the system gives it, else
    /// wall-clock time), in the order run.
    pub probe_rounds: Vec<f64>,
}

/// What the limit probe measured in a `tepat bench` run: the same replications and threads on
/// the reference network, every leg drawn.
#[derive(Debug, Clone, Serialize)]
pub struct ProbeResult {
    /// Legs per replication (2,161).
    pub legs: usize,
    /// Seconds of drawing.
    pub seconds: f64,
    /// Nanoseconds per leg per core.
    pub ns_per_leg_per_core: f64,
    /// Microseconds of one reference replication on one core.
    pub replication_us_per_core: f64,
    /// Share of the reference network's stations on time (a check that the work was done).
    pub stations_on_time: f64,
    /// Microseconds of processor time per reference replication (all threads).
    pub replication_cpu_us: Option<f64>,
}

/// Seconds of processor time this process has used (all threads), where the system says.
fn cpu_seconds() -> Option<f64> {
    #[cfg(unix)]
    {
        let mut t = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `t` is a valid timespec for the call to fill.
        let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
        (rc == 0).then_some(t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Simulate `runs` replications of a scenario file on `threads` threads and time it.
pub fn measure(path: &Path, runs: u64, threads: usize, seed: Option<u64>) -> Result<BenchResult> {
    let mut loaded = scenario::load(path)?;
    let m = model::compile(&loaded)?;
    let seed = crate::defaults::seed(seed, loaded.file.scenario.seed);
    let cpu0 = cpu_seconds();
    // The data files need only the model, the counts and the file's name and hash: the text
    // and the parsed tables (about 200 MB for the national scenario) are freed before the
    // replications, as `tepat run` on a model would have no use for them either.
    loaded.text = String::new();
    let f = &mut loaded.file;
    (f.node, f.link, f.escort, f.strategy) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
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
    let cpu_us = cpu_seconds()
        .zip(cpu0)
        .map(|(b, a)| (b - a) * 1e6 / runs as f64);
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
        as_of: None,
    };
    let files = crate::report::data_files(&crate::report::RunView::from(&run))?;
    std::hint::black_box(&files);
    let outputs_s = t0.elapsed().as_secs_f64();
    drop(files);
    // Only the model is needed from here on: the accumulators, the summary and the text are
    // freed before the rounds against the probe, which make accumulators of their own, so
    // that those rounds do not raise the peak memory the bench reports.
    let ScenarioRun {
        model: m, outcome, ..
    } = run;
    let o = &outcome;
    let legs = m.legs();
    let sim = o.elapsed_s.max(1e-9);
    let (threads, elapsed_s) = (o.threads, o.elapsed_s);
    drop(outcome);
    let replication_us_per_core = sim * threads as f64 * 1e6 / runs as f64;
    let (probe, rounds) = against_probe(&m, seed, runs, threads)?;
    Ok(BenchResult {
        replication_us_per_core,
        probe_replications: median(rounds.iter().map(|r| r.0).collect()),
        replication_cpu_us: cpu_us,
        probe_replications_cpu: rounds
            .iter()
            .map(|r| r.1)
            .collect::<Option<Vec<f64>>>()
            .map(median),
        probe_rounds: rounds.iter().map(|r| r.1.unwrap_or(r.0)).collect(),
        probe,
        runs,
        threads,
        legs,
        simulate_s: elapsed_s,
        outputs_s,
        replications_per_s: runs as f64 / sim,
        replications_per_s_with_outputs: runs as f64 / (sim + outputs_s),
        ns_per_leg_per_core: sim * threads as f64 * 1e9 / (runs as f64 * legs.max(1) as f64),
        peak_memory_bytes: crate::scale::peak_memory(),
    })
}

/// Rounds of the comparison with the limit probe.
const ROUNDS: u64 = 5;

/// One round's ratio of this file's replication to the probe's: wall-clock, processor time.
type Round = (f64, Option<f64>);

/// This file's replication against the limit probe's reference replication, measured in
/// [`ROUNDS`] interleaved rounds: each round times `runs / ROUNDS` replications of the file
/// and then as many of the probe, one after the other, so that a change in the machine's load
/// during the bench touches both sides of a round alike. Returns the probe's figures over all
/// rounds and each round's ratio (wall-clock, processor time); the bench reports the medians.
/// This costs one more simulation of `runs` replications of the file than timing the probe
/// alone would: the price of a ratio that does not move with the load.
fn against_probe(
    m: &model::Model,
    seed: u64,
    runs: u64,
    threads: usize,
) -> Result<(ProbeResult, Vec<Round>)> {
    let p = crate::probe::Probe::reference();
    let per = (runs / ROUNDS).max(1);
    let (mut seconds, mut on_time, mut cpu_total) = (0.0, 0u64, Some(0.0));
    let mut rounds = Vec::new();
    for _ in 0..ROUNDS {
        let c0 = cpu_seconds();
        let o = engine::run(
            m,
            &Options {
                seed,
                runs: Runs::Fixed(per),
                threads,
                range: None,
            },
            &NoProgress,
        )?;
        let c1 = cpu_seconds();
        let r = p.run(seed, per, threads)?;
        let c2 = cpu_seconds();
        let wall = o.elapsed_s.max(1e-9) / r.seconds.max(1e-9);
        let (file_cpu, probe_cpu) = match (c0, c1, c2) {
            (Some(a), Some(b), Some(c)) => (Some(b - a), Some(c - b)),
            _ => (None, None),
        };
        let cpu = file_cpu.zip(probe_cpu).map(|(f, q)| f / q.max(1e-12));
        rounds.push((wall, cpu));
        seconds += r.seconds;
        on_time += r.on_time;
        cpu_total = cpu_total.zip(probe_cpu).map(|(t, q)| t + q);
    }
    let n = per * ROUNDS;
    let per_core = seconds.max(1e-9) * threads as f64;
    let probe = ProbeResult {
        legs: p.legs(),
        seconds,
        ns_per_leg_per_core: per_core * 1e9 / (n as f64 * p.legs() as f64),
        replication_us_per_core: per_core * 1e6 / n as f64,
        stations_on_time: on_time as f64 / (n as f64 * p.stations() as f64),
        replication_cpu_us: cpu_total.map(|c| c * 1e6 / n as f64),
    };
    Ok((probe, rounds))
}

/// The median of a non-empty list (the mean of the middle two for an even length).
fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let k = v.len() / 2;
    if v.len() % 2 == 1 {
        v[k]
    } else {
        (v[k - 1] + v[k]) / 2.0
    }
}
