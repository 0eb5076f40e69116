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
use crate::lang::{Msg, MsgArg, msg};
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
    pub fn parse(s: &str) -> std::result::Result<Shard, Msg> {
        let bad = || msg!("e816", max = MAX_SHARDS, v = s);
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
        return Err(Error::Usage(msg!("e804")));
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
fn shown(s: &str) -> Option<&str> {
    (!s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+' | b'_')))
    .then_some(s)
}

/// [`shown`] as a message argument: the text, or "(unreadable)" in the run's language.
fn shown_arg(s: &str) -> MsgArg {
    match shown(s) {
        Some(s) => MsgArg::Text(s.to_string()),
        None => msg!("e867-unreadable").into(),
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
    let not_partial = |why: Msg| {
        Error::Usage(msg!(
            "not-partial",
            path = file.display().to_string(),
            why = why
        ))
    };
    let bytes = crate::input::read_regular_file(&file, MAX_PARTIAL_BYTES).map_err(|e| match e {
        crate::input::InputError::Io(e) => Error::read(&file, e),
        crate::input::InputError::Folder => not_partial(msg!("e861-folder")),
        crate::input::InputError::NotRegular(kind) => {
            not_partial(msg!("e861", kind = crate::input::kind_words(kind)))
        }
        crate::input::InputError::TooLarge { max } => not_partial(msg!("e862", max = max)),
    })?;
    let part: Partial = serde_json::from_slice(&bytes).map_err(|e| {
        use serde_json::error::Category;
        let (line, column) = (e.line(), e.column());
        not_partial(match e.classify() {
            Category::Io | Category::Syntax => msg!("e863", line = line, column = column),
            Category::Eof => msg!("e864", line = line, column = column),
            Category::Data => msg!("e865", line = line, column = column),
        })
    })?;
    drop(bytes);
    if part.format != PARTIAL_FORMAT {
        return Err(Error::Usage(msg!(
            "e866",
            path = file.display().to_string(),
            format = part.format,
            ours = PARTIAL_FORMAT
        )));
    }
    let tool = env!("CARGO_PKG_VERSION");
    if part.stream_version != engine::STREAM_VERSION || part.tool_version != tool {
        return Err(Error::Usage(msg!(
            "e867",
            path = file.display().to_string(),
            version = shown_arg(&part.tool_version),
            stream = part.stream_version,
            tool = tool,
            our_stream = engine::STREAM_VERSION
        )));
    }
    let sha_ok = part.scenario_sha256.len() == 64
        && part.scenario_sha256.bytes().all(|b| b.is_ascii_hexdigit());
    if !sha_ok {
        return Err(not_partial(msg!("e868")));
    }
    let [k, n] = part.shard;
    if n == 0 || n > MAX_SHARDS || k == 0 || k > n {
        return Err(not_partial(msg!("e869", k = k, n = n, max = MAX_SHARDS)));
    }
    if part.total_runs == 0 || part.total_runs > engine::MAX_RUNS {
        return Err(not_partial(msg!(
            "e870",
            runs = part.total_runs,
            max = engine::MAX_RUNS
        )));
    }
    if part.scenario_file.is_empty() || part.scenario_file.contains('\0') {
        return Err(not_partial(msg!("e871")));
    }
    Ok(part)
}

/// Check that `parts` are the shards of one run (same scenario, seed, total and shard count;
/// every shard once; slices as `run --shard` computes them), without adding anything. The
/// parts come from [`read_partial`], so the shard count is already bounded.
pub fn check_parts(parts: &[Partial]) -> Result<()> {
    let first = parts.first().ok_or_else(|| Error::Usage(msg!("e872")))?;
    let n = first.shard[1];
    if n == 0 || n > MAX_SHARDS {
        return Err(Error::Usage(msg!("e873", max = MAX_SHARDS, n = n)));
    }
    if parts.len() as u64 > n {
        return Err(Error::Usage(msg!("e874", count = parts.len(), n = n)));
    }
    let mut seen = std::collections::BTreeSet::new();
    for p in parts {
        let same = p.scenario_sha256 == first.scenario_sha256
            && p.seed == first.seed
            && p.total_runs == first.total_runs
            && p.shard[1] == n
            && p.scenario_file == first.scenario_file;
        if !same {
            return Err(Error::Usage(msg!(
                "e875",
                k = first.shard[0],
                n = first.shard[1],
                sha = short(&first.scenario_sha256),
                seed = first.seed,
                runs = first.total_runs,
                k2 = p.shard[0],
                n2 = p.shard[1],
                sha2 = short(&p.scenario_sha256),
                seed2 = p.seed,
                runs2 = p.total_runs
            )));
        }
        let k = p.shard[0];
        if k == 0 || k > n {
            return Err(Error::Usage(msg!("e876", k = k, n = n)));
        }
        if !seen.insert(k) {
            return Err(Error::Usage(msg!("e877", k = k, n = n)));
        }
        let (a, b) = Shard { k, n }.range(p.total_runs);
        if p.replications != [a, b] || p.acc.runs != b - a {
            return Err(Error::Usage(msg!(
                "e878",
                k = k,
                n = n,
                from = p.replications[0],
                to = p.replications[1],
                counted = p.acc.runs,
                a = a,
                b = b
            )));
        }
        if !p.elapsed_s.is_finite() || p.elapsed_s < 0.0 || p.threads == 0 || p.threads > 1 << 20 {
            return Err(Error::Usage(msg!("e879", k = k, n = n)));
        }
    }
    if seen.len() as u64 != n {
        let missing: Vec<String> = (1..=n)
            .filter(|k| !seen.contains(k))
            .take(20)
            .map(|k| format!("{k}/{n}"))
            .collect();
        let more = n - seen.len() as u64;
        return Err(Error::Usage(msg!(
            "e880",
            list = missing.join(", "),
            more = (more > 20).then(|| msg!("e880-more", count = more - 20))
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
            .map_err(|why| Error::Usage(msg!("e881", k = p.shard[0], n = p.shard[1], why = why)))?;
    }
    let mut acc = parts[0].acc.clone();
    for p in &parts[1..] {
        acc.checked_merge(&p.acc).map_err(|why| {
            Error::Usage(msg!(
                "shard-says",
                k = p.shard[0],
                n = p.shard[1],
                why = why
            ))
        })?;
    }
    Ok(acc)
}

/// The first 12 characters of a SHA-256, or "(unreadable)".
fn short(sha: &str) -> MsgArg {
    match shown(sha) {
        Some(s) => MsgArg::Text(s[..s.len().min(12)].to_string()),
        None => msg!("e867-unreadable").into(),
    }
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
        None => scenario::load_named_by(Path::new(&first.scenario_file), msg!("partial-named-by"))?,
    };
    let path = loaded.path.clone();
    if loaded.sha256 != first.scenario_sha256 {
        return Err(Error::Usage(msg!(
            "e883",
            path = path.display().to_string(),
            found = short(&loaded.sha256),
            expected = short(&first.scenario_sha256)
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
