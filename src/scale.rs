//! Speed and scale: `tepat bench`, shards of a run (`tepat run --shard K/N`) and their merge
//! (`tepat merge`).
//!
//! A shard computes the replications of its slice and writes `partial.json`: the accumulator
//! (integer counts only, so merging is exact), the scenario's SHA-256, the seed, the total
//! number of replications and the slice. `merge` checks that the parts belong together and
//! cover every replication exactly once, adds their accumulators and writes the same files as
//! one unsharded run.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::{self, Acc, Options, Outcome, Runs};
use crate::error::{Error, Result};
use crate::model;
use crate::pipeline::{self, Manifest, ScenarioRun};
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

/// The manifest of a run of `o` over replications `range`.
pub fn manifest(path: &Path, sha: &str, seed: u64, o: &Outcome, range: (u64, u64)) -> Manifest {
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
        as_of: None,
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
    /// The seed of the whole run (the same in every shard).
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

/// One slice of a run: shard `k` of `n`, 1-based (`3/8` is the third of eight slices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which slice, from 1 to `n`.
    pub k: u64,
    /// How many slices, from 1 to [`MAX_SHARDS`].
    pub n: u64,
}

impl Shard {
    /// Parse `K/N` with 1 <= K <= N <= [`MAX_SHARDS`] (the value parser of `--shard`).
    pub fn parse(s: &str) -> std::result::Result<Shard, crate::lang::Msg> {
        let bad = || crate::lang::msg!("e816", max = MAX_SHARDS, v = s);
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let k: u64 = k.trim().parse().map_err(|_| bad())?;
        let n: u64 = n.trim().parse().map_err(|_| bad())?;
        if n == 0 || k == 0 || k > n || n > MAX_SHARDS {
            return Err(bad());
        }
        Ok(Shard { k, n })
    }

    /// The replications `[from, to)` of this shard of a run of `total`: whole blocks of
    /// [`engine::BLOCK`], so that the shards' counts add up to the unsharded run's.
    pub fn range(self, total: u64) -> (u64, u64) {
        let blocks = total.div_ceil(engine::BLOCK);
        let (k, n) = (self.k - 1, self.n);
        let a = (blocks * k / n) * engine::BLOCK;
        let b = ((blocks * (k + 1) / n) * engine::BLOCK).min(total);
        (a.min(total), b)
    }
}

/// Run one shard of a scenario file and return its partial result.
pub fn run_shard(
    path: &Path,
    cfg: &pipeline::RunConfig,
    shard: Shard,
    progress: &dyn engine::Progress,
) -> Result<Partial> {
    let Runs::Fixed(total) = cfg.runs else {
        return Err(Error::Usage(crate::lang::msg!("e804")));
    };
    let loaded = scenario::load(path)?;
    let m = model::compile(&loaded)?;
    let seed = pipeline::seed_of(cfg, &loaded);
    let (a, b) = shard.range(total);
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
        shard: [shard.k, shard.n],
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
        Error::usage(format!(
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
        return Err(Error::usage(format!(
            "{} has partial format {}; this tepat reads format {PARTIAL_FORMAT}",
            file.display(),
            part.format
        )));
    }
    let tool = env!("CARGO_PKG_VERSION");
    if part.stream_version != engine::STREAM_VERSION || part.tool_version != tool {
        return Err(Error::usage(format!(
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
        .ok_or_else(|| Error::usage("merge needs at least one partial result"))?;
    let n = first.shard[1];
    if n == 0 || n > MAX_SHARDS {
        return Err(Error::usage(format!(
            "a run has from 1 to {MAX_SHARDS} shards, not {n}"
        )));
    }
    if parts.len() as u64 > n {
        return Err(Error::usage(format!(
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
            return Err(Error::usage(format!(
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
            return Err(Error::usage(format!("shard {k}/{n} is out of range")));
        }
        if !seen.insert(k) {
            return Err(Error::usage(format!("shard {k}/{n} is given twice")));
        }
        let (a, b) = Shard { k, n }.range(p.total_runs);
        if p.replications != [a, b] || p.acc.runs != b - a {
            return Err(Error::usage(format!(
                "shard {k}/{n} holds replications {:?} ({} counted), not [{a}, {b})",
                p.replications, p.acc.runs
            )));
        }
        if !p.elapsed_s.is_finite() || p.elapsed_s < 0.0 || p.threads == 0 || p.threads > 1 << 20 {
            return Err(Error::usage(format!(
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
        return Err(Error::usage(format!(
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
                Error::usage(format!(
                    "shard {}/{} does not fit its scenario: {why}",
                    p.shard[0], p.shard[1]
                ))
            })?;
    }
    let mut acc = parts[0].acc.clone();
    for p in &parts[1..] {
        acc.checked_merge(&p.acc)
            .map_err(|why| Error::usage(format!("shard {}/{}: {why}", p.shard[0], p.shard[1])))?;
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
        return Err(Error::usage(format!(
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
                    progress: &engine::NoProgress,
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
        as_of: None,
    })
}
