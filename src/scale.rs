//! Speed and scale: `tepat bench`, shards of a run (`tepat run --shard K/N`) and their merge
//! (`tepat merge`).
//!
//! A shard computes the replications of its slice and writes `partial.json`: the accumulator
//! (integer counts only, so merging is exact), the scenario's SHA-256, the seed, the total
//! number of replications and the slice. `merge` checks that the parts belong together and
//! cover every replication exactly once, adds their accumulators and writes the same files as
//! one unsharded run.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::engine::{self, Acc, NoProgress, Options, Outcome, Runs};
use crate::error::{Error, Result};
use crate::export::run_json::Manifest;
use crate::model;
use crate::pipeline::{self, ScenarioRun};
use crate::scenario;

/// The peak resident memory of this process, bytes (`VmHWM` of /proc/self/status), where the
/// system reports it.
pub fn peak_memory() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Peak memory as text: "123.4 MB", or "unavailable".
pub fn peak_memory_text() -> String {
    match peak_memory() {
        Some(b) => format!("{:.1} MB", b as f64 / 1e6),
        None => "unavailable".into(),
    }
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
        (rc == 0).then(|| t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Simulate `runs` replications of a scenario file on `threads` threads and time it.
pub fn bench(path: &Path, runs: u64, threads: usize, seed: Option<u64>) -> Result<BenchResult> {
    let mut loaded = scenario::load(path)?;
    let m = model::compile(&loaded)?;
    let seed = seed.or(loaded.file.scenario.seed).unwrap_or(2024);
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
    let manifest = manifest(path, &loaded.sha256, seed, &outcome, (0, runs));
    let run = ScenarioRun {
        loaded,
        model: m,
        summary,
        manifest,
        basemap: None,
        comparison: None,
        outcome,
    };
    let files = pipeline::data_files(&run)?;
    std::hint::black_box(&files);
    let outputs_s = t0.elapsed().as_secs_f64();
    let o = &run.outcome;
    let legs = run.model.legs();
    let sim = o.elapsed_s.max(1e-9);
    let probe = probe(seed, runs, o.threads)?;
    let replication_us_per_core = sim * o.threads as f64 * 1e6 / runs as f64;
    Ok(BenchResult {
        replication_us_per_core,
        probe_replications: replication_us_per_core / probe.replication_us_per_core.max(1e-12),
        replication_cpu_us: cpu_us,
        probe_replications_cpu: cpu_us
            .zip(probe.replication_cpu_us)
            .map(|(a, b)| a / b.max(1e-12)),
        probe,
        runs,
        threads: o.threads,
        legs,
        simulate_s: o.elapsed_s,
        outputs_s,
        replications_per_s: runs as f64 / sim,
        replications_per_s_with_outputs: runs as f64 / (sim + outputs_s),
        ns_per_leg_per_core: sim * o.threads as f64 * 1e9 / (runs as f64 * legs.max(1) as f64),
        peak_memory_bytes: peak_memory(),
    })
}

/// The limit probe on the reference network: `runs` replications on `threads` threads.
fn probe(seed: u64, runs: u64, threads: usize) -> Result<ProbeResult> {
    let p = crate::probe::Probe::reference();
    let cpu0 = cpu_seconds();
    let r = p.run(seed, runs, threads)?;
    let cpu = cpu_seconds().zip(cpu0).map(|(b, a)| b - a);
    let per_core = r.seconds.max(1e-9) * threads as f64;
    Ok(ProbeResult {
        legs: p.legs(),
        seconds: r.seconds,
        ns_per_leg_per_core: per_core * 1e9 / (runs as f64 * p.legs() as f64),
        replication_us_per_core: per_core * 1e6 / runs as f64,
        stations_on_time: r.on_time as f64 / (runs as f64 * p.stations() as f64),
        replication_cpu_us: cpu.map(|c| c * 1e6 / runs as f64),
    })
}

fn manifest(path: &Path, sha: &str, seed: u64, o: &Outcome, range: (u64, u64)) -> Manifest {
    Manifest {
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        stream_version: crate::engine::STREAM_VERSION,
        scenario_file: path.display().to_string(),
        scenario_sha256: sha.to_string(),
        seed,
        runs: o.acc.runs,
        replications: [range.0, range.1],
        threads: o.threads,
        elapsed_s: o.elapsed_s,
        replications_per_s: o.acc.runs as f64 / o.elapsed_s.max(1e-9),
    }
}

/// The format version of `partial.json`.
pub const PARTIAL_FORMAT: u32 = 1;

/// A shard's result: `partial.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Partial {
    /// Format version ([`PARTIAL_FORMAT`]).
    pub format: u32,
    /// tepat version that wrote it.
    pub tool_version: String,
    /// Version of the random streams and accumulators ([`engine::STREAM_VERSION`]).
    pub stream_version: u32,
    /// The scenario file as given on the shard's command line.
    pub scenario_file: String,
    /// SHA-256 of the scenario file (and the files it extends).
    pub scenario_sha256: String,
    /// Seed.
    pub seed: u64,
    /// Replications of the whole run.
    pub total_runs: u64,
    /// This shard: `k` of `n`, 1-based.
    pub shard: [u64; 2],
    /// Replications `[from, to)` of this shard.
    pub replications: [u64; 2],
    /// Worker threads of this shard.
    pub threads: usize,
    /// Seconds of simulation of this shard.
    pub elapsed_s: f64,
    /// The counts.
    pub acc: Acc,
}

/// Parse `K/N` (1-based): `3/8` is the third of eight slices.
pub fn parse_shard(s: &str) -> Result<(u64, u64)> {
    let bad = || {
        Error::Usage(format!(
            "--shard must be K/N with 1 <= K <= N, like 3/8 (got '{s}')"
        ))
    };
    let (k, n) = s.split_once('/').ok_or_else(bad)?;
    let k: u64 = k.trim().parse().map_err(|_| bad())?;
    let n: u64 = n.trim().parse().map_err(|_| bad())?;
    if n == 0 || k == 0 || k > n || n > 100_000 {
        return Err(bad());
    }
    Ok((k, n))
}

/// Run shard `k` of `n` (1-based) of a scenario file and return its partial result.
pub fn run_shard(
    path: &Path,
    cfg: &pipeline::RunConfig,
    k: u64,
    n: u64,
    progress: &dyn engine::Progress,
) -> Result<Partial> {
    let Runs::Fixed(total) = cfg.runs else {
        return Err(Error::Usage(
            "--shard needs a fixed --runs, not --precision".into(),
        ));
    };
    let loaded = scenario::load(path)?;
    let m = model::compile(&loaded)?;
    let seed = pipeline::seed_of(cfg, &loaded);
    let (a, b) = pipeline::shard_range(total, k - 1, n);
    let cancel = crate::interrupt::token();
    let o = engine::run_with(
        &m,
        &Options {
            seed,
            runs: cfg.runs,
            threads: cfg.threads,
            range: Some((a, b)),
        },
        engine::Control {
            cancel: &cancel,
            progress,
        },
    )?;
    Ok(Partial {
        format: PARTIAL_FORMAT,
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        stream_version: crate::engine::STREAM_VERSION,
        scenario_file: path.display().to_string(),
        scenario_sha256: loaded.sha256.clone(),
        seed,
        total_runs: total,
        shard: [k, n],
        replications: [a, b],
        threads: o.threads,
        elapsed_s: o.elapsed_s,
        acc: o.acc,
    })
}

/// The largest `partial.json` read: 256 MiB. Reading one at the limit takes about 1.3 GB (the
/// text, and up to 4 bytes of counts per byte of text; measured in docs/robustness.md).
pub const MAX_PARTIAL_BYTES: u64 = 256 * 1024 * 1024;

/// The most shards a run may be split into.
pub const MAX_SHARDS: u64 = 100_000;

/// Text from a part that may be shown (a version, a hash): only if it is short and plain,
/// else a placeholder; a part is never echoed.
fn shown(s: &str) -> &str {
    if !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+' | b'_'))
    {
        s
    } else {
        "(unreadable)"
    }
}

/// Read a partial result: a `partial.json` file, or a folder that holds one. The file must be
/// a regular file of at most [`MAX_PARTIAL_BYTES`] bytes; errors name it and the problem (and
/// the line and column of a JSON error), never its content.
pub fn read_partial(p: &Path) -> Result<Partial> {
    let file = if p.is_dir() {
        p.join("partial.json")
    } else {
        p.to_path_buf()
    };
    let not_partial = |why: String| {
        Error::Usage(format!(
            "{} is not a tepat partial result: {why}",
            file.display()
        ))
    };
    let bytes = crate::input::read_regular_file(&file, MAX_PARTIAL_BYTES).map_err(|e| match e {
        crate::input::InputError::Io(e) => Error::read(&file, e),
        e => not_partial(format!("the file {e}")),
    })?;
    let part: Partial = serde_json::from_slice(&bytes).map_err(|e| {
        use serde_json::error::Category;
        let what = match e.classify() {
            Category::Io | Category::Syntax => "it is not valid JSON",
            Category::Eof => "it ends too early (cut off?)",
            Category::Data => "a value is missing or of the wrong type or range",
        };
        not_partial(format!("{what} (line {}, column {})", e.line(), e.column()))
    })?;
    drop(bytes);
    if part.format != PARTIAL_FORMAT {
        return Err(Error::Usage(format!(
            "{} has partial format {}; this tepat reads format {PARTIAL_FORMAT}",
            file.display(),
            part.format
        )));
    }
    let tool = env!("CARGO_PKG_VERSION");
    if part.stream_version != engine::STREAM_VERSION || part.tool_version != tool {
        return Err(Error::Usage(format!(
            "{} was written by tepat {} (random streams version {}); this is tepat {tool} (version {}): run every shard with the same tepat",
            file.display(),
            shown(&part.tool_version),
            part.stream_version,
            engine::STREAM_VERSION
        )));
    }
    let sha_ok = part.scenario_sha256.len() == 64
        && part.scenario_sha256.bytes().all(|b| b.is_ascii_hexdigit());
    if !sha_ok {
        return Err(not_partial("its scenario_sha256 is not a SHA-256".into()));
    }
    let [k, n] = part.shard;
    if n == 0 || n > MAX_SHARDS || k == 0 || k > n {
        return Err(not_partial(format!(
            "its shard {k}/{n} is not K/N with 1 <= K <= N <= {MAX_SHARDS}"
        )));
    }
    if part.total_runs == 0 || part.total_runs > engine::MAX_RUNS {
        return Err(not_partial(format!(
            "its run of {} replications is not from 1 to {}",
            part.total_runs,
            engine::MAX_RUNS
        )));
    }
    if part.scenario_file.is_empty() || part.scenario_file.contains('\0') {
        return Err(not_partial("it names no scenario file".into()));
    }
    Ok(part)
}

/// Check that `parts` are the shards of one run (same scenario, seed, total and shard count;
/// every shard once; slices as `run --shard` computes them), without adding anything. The
/// parts come from [`read_partial`], so the shard count is already bounded.
pub fn check_parts(parts: &[Partial]) -> Result<()> {
    let first = parts
        .first()
        .ok_or_else(|| Error::Usage("merge needs at least one partial result".into()))?;
    let n = first.shard[1];
    if n == 0 || n > MAX_SHARDS {
        return Err(Error::Usage(format!(
            "a run has from 1 to {MAX_SHARDS} shards, not {n}"
        )));
    }
    if parts.len() as u64 > n {
        return Err(Error::Usage(format!(
            "{} partial results for a run of {n} shards",
            parts.len()
        )));
    }
    let mut seen = std::collections::BTreeSet::new();
    for p in parts {
        let same = p.scenario_sha256 == first.scenario_sha256
            && p.seed == first.seed
            && p.total_runs == first.total_runs
            && p.shard[1] == n
            && p.scenario_file == first.scenario_file;
        if !same {
            return Err(Error::Usage(format!(
                "the partial results do not belong together: shard {}/{} has scenario {}, seed {}, {} runs; shard {}/{} has scenario {}, seed {}, {} runs",
                first.shard[0],
                first.shard[1],
                short(&first.scenario_sha256),
                first.seed,
                first.total_runs,
                p.shard[0],
                p.shard[1],
                short(&p.scenario_sha256),
                p.seed,
                p.total_runs
            )));
        }
        let k = p.shard[0];
        if k == 0 || k > n {
            return Err(Error::Usage(format!("shard {k}/{n} is out of range")));
        }
        if !seen.insert(k) {
            return Err(Error::Usage(format!("shard {k}/{n} is given twice")));
        }
        let (a, b) = pipeline::shard_range(p.total_runs, k - 1, n);
        if p.replications != [a, b] || p.acc.runs != b - a {
            return Err(Error::Usage(format!(
                "shard {k}/{n} holds replications {:?} ({} counted), not [{a}, {b})",
                p.replications, p.acc.runs
            )));
        }
        if !p.elapsed_s.is_finite() || p.elapsed_s < 0.0 || p.threads == 0 || p.threads > 1 << 20 {
            return Err(Error::Usage(format!(
                "shard {k}/{n} has a nonsense time or thread count"
            )));
        }
    }
    if seen.len() as u64 != n {
        let missing: Vec<String> = (1..=n)
            .filter(|k| !seen.contains(k))
            .take(20)
            .map(|k| format!("{k}/{n}"))
            .collect();
        let more = n - seen.len() as u64;
        return Err(Error::Usage(format!(
            "shards missing: {}{}",
            missing.join(", "),
            if more > 20 {
                format!(" and {} more", more - 20)
            } else {
                String::new()
            }
        )));
    }
    Ok(())
}

/// Check the parts against each other and against the scenario's model (every array length,
/// every count against the part's replications, every convergence record), then add them,
/// refusing any sum that would overflow.
pub fn merge_parts(parts: &[Partial], m: &model::Model) -> Result<Acc> {
    check_parts(parts)?;
    for p in parts {
        p.acc
            .validate(m, p.replications[0], p.replications[1])
            .map_err(|why| {
                Error::Usage(format!(
                    "shard {}/{} does not fit its scenario: {why}",
                    p.shard[0], p.shard[1]
                ))
            })?;
    }
    let mut acc = parts[0].acc.clone();
    for p in &parts[1..] {
        acc.checked_merge(&p.acc)
            .map_err(|why| Error::Usage(format!("shard {}/{}: {why}", p.shard[0], p.shard[1])))?;
    }
    Ok(acc)
}

fn short(sha: &str) -> &str {
    let s = shown(sha);
    &s[..s.len().min(12)]
}

/// Merge partial results into the run they are shards of. `scenario` overrides the scenario
/// file recorded in the parts (it must have the same SHA-256).
pub fn merge(
    parts: &[Partial],
    scenario_override: Option<&Path>,
    threads: usize,
) -> Result<ScenarioRun> {
    check_parts(parts)?;
    let first = &parts[0];
    let loaded = match scenario_override {
        Some(p) => scenario::load(p)?,
        None => scenario::load_named_by(
            Path::new(&first.scenario_file),
            "the partial result's scenario_file",
        )?,
    };
    let path = loaded.path.clone();
    if loaded.sha256 != first.scenario_sha256 {
        return Err(Error::Usage(format!(
            "{} has SHA-256 {}, but the shards were run on {}: the scenario file changed",
            path.display(),
            short(&loaded.sha256),
            short(&first.scenario_sha256)
        )));
    }
    let m = model::compile(&loaded)?;
    let acc = merge_parts(parts, &m)?;
    let elapsed_s: f64 = parts.iter().map(|p| p.elapsed_s).sum();
    let outcome = Outcome {
        acc,
        elapsed_s,
        threads: parts.iter().map(|p| p.threads).max().unwrap_or(1),
    };
    let summary = crate::summary::summarise(&m, &outcome.acc);
    let mut manifest = manifest(
        Path::new(&first.scenario_file),
        &first.scenario_sha256,
        first.seed,
        &outcome,
        (0, first.total_runs),
    );
    manifest.scenario_file = first.scenario_file.clone();
    let strategies = crate::strategy::compile_all(&loaded, &m)?;
    let comparison = if strategies.is_empty() {
        None
    } else {
        Some(crate::strategy::compare(
            &m,
            &strategies,
            first.seed,
            first.total_runs,
            &engine::RangeOptions {
                threads,
                control: engine::Control {
                    cancel: &crate::interrupt::token(),
                    progress: &NoProgress,
                },
            },
        )?)
    };
    let basemap = loaded.basemap.clone();
    Ok(ScenarioRun {
        loaded,
        model: m,
        outcome,
        summary,
        manifest,
        basemap,
        comparison,
    })
}

/// `tepat bench FILE`.
pub fn bench_command(a: &crate::cli::BenchArgs) -> Result<()> {
    if a.runs == 0 || a.runs > engine::MAX_RUNS {
        return Err(Error::Usage(format!(
            "--runs must be from 1 to {} (got {})",
            engine::MAX_RUNS,
            a.runs
        )));
    }
    let r = bench(&a.file, a.runs, a.threads, a.seed)?;
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
        "  replication per core    {:.2} µs",
        r.replication_us_per_core
    );
    println!(
        "  limit probe             reference network, every leg drawn, same replications and threads: {:.3} s, {:.2} ns per leg per core, {:.2} µs per replication per core",
        r.probe.seconds, r.probe.ns_per_leg_per_core, r.probe.replication_us_per_core
    );
    println!(
        "  against the probe       one replication of this file = {:.2} probe reference replications{}",
        r.probe_replications,
        match r.probe_replications_cpu {
            Some(c) => format!(" ({c:.2} in processor time)"),
            None => String::new(),
        }
    );
    println!(
        "  peak memory             {}",
        match r.peak_memory_bytes {
            Some(b) => format!("{:.1} MB", b as f64 / 1e6),
            None => "unavailable".into(),
        }
    );
    Ok(())
}

/// `tepat generate`.
pub fn generate_command(a: &crate::cli::GenerateArgs) -> Result<()> {
    let text = if a.reference {
        crate::generate::reference()
    } else {
        let size = crate::generate::Size {
            hubs: a.hubs.unwrap_or(0),
            villages: a.villages.unwrap_or(0),
            stations: a.stations.unwrap_or(0),
        };
        crate::generate::synthetic(size, a.seed).map_err(Error::Usage)?
    };
    match &a.out {
        Some(p) => crate::output::write_file(p, text.as_bytes()),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|e| Error::caused("standard output: ", e))
        }
    }
}

/// `tepat run --shard K/N`: one partial result per scenario file.
pub fn shard_command(
    a: &crate::cli::RunArgs,
    cfg: &pipeline::RunConfig,
    files: &[PathBuf],
    shard: &str,
) -> Result<()> {
    let (k, n) = parse_shard(shard)?;
    if a.sim.runs.is_none() {
        return Err(Error::Usage(
            "--shard needs --runs: every shard must know the total".into(),
        ));
    }
    for f in files {
        let name = pipeline::folder_name(f);
        let bar = crate::app::Bar::new(&format!("{name} {k}/{n}"), a.sim.quiet);
        let part = run_shard(f, cfg, k, n, &bar);
        bar.finish();
        let part = part?;
        let mut json = serde_json::to_vec(&part).map_err(|e| Error::caused("JSON: ", e))?;
        json.push(b'\n');
        let folder = format!("{name}-shard-{k}-of-{n}");
        let dir = crate::output::write_folder(&a.out, &folder, &[("partial.json".into(), json)])?;
        if !a.sim.quiet {
            println!(
                "{name}: shard {k}/{n}, replications {}..{} of {}, {:.1} s; written: {}",
                part.replications[0],
                part.replications[1],
                part.total_runs,
                part.elapsed_s,
                dir.join("partial.json").display()
            );
        }
    }
    Ok(())
}

/// `tepat merge PARTS...`.
pub fn merge_command(a: &crate::cli::MergeArgs) -> Result<()> {
    let parts = a
        .parts
        .iter()
        .map(|p| read_partial(p))
        .collect::<Result<Vec<_>>>()?;
    let run = merge(&parts, a.scenario.as_deref(), a.threads)?;
    let name = pipeline::folder_name(Path::new(&parts[0].scenario_file));
    let outputs = crate::app::all_files(&run)?;
    let dir = crate::output::write_folder(&a.out, &name, &outputs)?;
    if !a.quiet {
        crate::app::print_table(&run);
        println!(
            "merged {} shards ({} replications); written: {}",
            parts.len(),
            run.outcome.acc.runs,
            dir.display()
        );
    }
    Ok(())
}
