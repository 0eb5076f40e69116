//! A stable-Rust fuzz driver for tepat's scenario pipeline (no nightly, no libFuzzer needed).
//!
//! ```text
//! cargo run --profile fuzz --example fuzz -- [--seconds 1800] [--out fuzz/out] [--seed N]
//!                                            [--reps 8] [corpus folders or files...]
//! ```
//!
//! It reads a seed corpus (default: `scenarios/`, `tests/data/valid/`, `tests/data/invalid/`),
//! mutates it (bit flips, byte insertions and deletions, spliced TOML lines from other files,
//! numeric edge values such as nan, inf, -0.0, 1e308 and huge counts, calendar edge values such
//! as 29 February and midnight, whole tables appended), and runs each input through
//! load → validate → compile → a few replications → summary → data files, checking the
//! invariants of `fuzz/harness.rs`. Inputs that reach a new outcome (a new kind of error, or a
//! valid scenario) join the working corpus, so mutations go deeper over time.
//!
//! Faults are caught three ways: a panic (caught with `catch_unwind`), a hang (a watchdog
//! thread), and an abort or out-of-memory kill (the driver runs a child process and keeps the
//! input being tried in `<out>/current.toml`). Every crashing input is saved in
//! `<out>/crashes/` with its message; a summary is written to `<out>/report.txt`.
//!
//! Run it on one core; it never starts more than one worker process at a time and simulates
//! on one thread.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[path = "../fuzz/harness.rs"]
mod harness;

/// Inputs larger than this are not generated (the pipeline refuses 64 MiB files anyway).
const MAX_INPUT: usize = 256 * 1024;
/// An input that runs longer than this is a hang.
const HANG_S: u64 = 120;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // SplitMix64.
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

const NUMBERS: &[&str] = &[
    "nan",
    "+nan",
    "-nan",
    "inf",
    "-inf",
    "+inf",
    "-0.0",
    "0",
    "0.0",
    "-1",
    "1",
    "1e308",
    "-1e308",
    "1.7976931348623157e308",
    "5e-324",
    "1e-9",
    "0.999999999",
    "1.000000001",
    "1e-300",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "9223372036854775807",
    "-9223372036854775808",
    "1000000000",
    "5000000",
    "5000001",
    "1e12",
    "255",
    "256",
    "1441",
    "0.5",
    "0.1",
    "0.7",
    "0.3333333333333333",
    "0.0167",
    "2",
    "1e6",
    "366",
    "366.0001",
    "1_000_000",
];

const STRINGS: &[&str] = &[
    "\"\"",
    "\" \"",
    "\"00:00\"",
    "\"23:59\"",
    "\"24:00\"",
    "\"23:59:59\"",
    "\"12:60\"",
    "\"2024-02-29T00:00:00+07:00\"",
    "\"2023-02-29T00:00:00+07:00\"",
    "\"2024-02-29T23:59:59+07:00\"",
    "\"2024-12-31T23:59:59+07:00\"",
    "\"2025-01-01T00:00:00+07:00\"",
    "\"2024-03-01T00:00:00+07:00\"",
    "\"2024-02-13T00:00:00+07:00\"",
    "\"2024-02-14T00:00:00+14:00\"",
    "\"2024-02-14T00:00:00-12:00\"",
    "\"2024-02-14T00:00:00Z\"",
    "\"2024-02-14 00:00\"",
    "\"9999-12-31T23:59:59+07:00\"",
    "\"0000-01-01T00:00:00+07:00\"",
    "\"min\"",
    "\"day\"",
    "\"weeks\"",
    "\"h\"",
    "\"Depot\"",
    "\"Hub\"",
    "\"road\"",
    "\"ferry\"",
    "\"strait\"",
    "\"truck\"",
    "\"depot\"",
    "\"hub\"",
    "\"village\"",
    "\"sea\"",
    "\"river\"",
    "\"fixed\"",
    "\"empirical\"",
    "\"base.toml\"",
    "\"input.toml\"",
];

const SNIPPETS: &[&str] = &[
    "\n[[zone]]\nname = \"z2\"\nstep_h = 1e-9\nstates = [{ name = \"a\" }]\ninitial = [1]\ntransition = [[1]]\n",
    "\n[[zone]]\nname = \"z3\"\nstep_h = 6\nstates = [{ name = \"calm\" }, { name = \"rough\", wave_m = 9 }]\ninitial = [0, 1]\ntransition = [[0, 1], [0, 1]]\nfollow = { zone = \"strait\", probability = 1 }\n",
    "\n[[link]]\nname = \"closed\"\nmode = \"sea\"\nduration = { dist = \"fixed\", value = 1 }\ntimetable = { times = [\"00:00\"] }\nvessel = { wave_limit_m = 1, cancel_probability = 1 }\n",
    "\n[[link]]\nname = \"night\"\nmode = \"river\"\nduration = { dist = \"fixed\", value = 1 }\ntimetable = { every_min = 1e-300, from = \"23:00\", to = \"01:00\" }\n",
    "\n[[link]]\nname = \"win\"\nmode = \"sea\"\nduration = { dist = \"exponential\", mean = 1e308, unit = \"day\" }\nwindow = { from = \"23:00\", to = \"01:00\" }\n",
    "\n[[link]]\nname = \"emp\"\nmode = \"road\"\nduration = { dist = \"empirical\", quantiles = [[0, 0], [0.5, 1e308], [1, 1e308]] }\ndisruption = { rate_per_day = 100, duration = { dist = \"gamma\", shape = 1e-300, scale = 1e300 } }\n",
    "\n[[fleet]]\nname = \"tiny\"\ncapacity = 5e-324\ncount = 1\n",
    "\n[[escort]]\nname = \"police\"\nteams = 1\nreturn_time = { dist = \"lognormal\", median = 1e300, p90 = 1e308 }\n",
    "\n[[node]]\nname = \"Far\"\nkind = \"village\"\nsupplier = \"Depot\"\nroute = [\"ferry\"]\nstations = 4294967295\n",
    "\n[[node]]\nname = \"Heavy\"\nkind = \"village\"\nsupplier = \"Depot\"\nroute = [\"road\"]\nfleet = \"truck\"\nload = 1e300\nstations = 1\n",
    "\n[[node]]\nname = \"Escorted\"\nkind = \"hub\"\nsupplier = \"Depot\"\nroute = [\"road\"]\nescort = \"police\"\nstations = 2\nplanned_dispatch = \"2024-02-29T00:00:00+07:00\"\n",
    "\n[[strategy]]\nname = \"s\"\nset = { \"link.road.duration\" = { dist = \"fixed\", value = -1 } }\n",
    "\nextends = \"base.toml\"\n",
    "\nextends = \"input.toml\"\n",
];

fn numeric_spans(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let starts = c.is_ascii_digit()
            || ((c == b'-' || c == b'+') && i + 1 < b.len() && b[i + 1].is_ascii_digit());
        let after_word = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if starts && !after_word {
            let s = i;
            i += 1;
            while i < b.len()
                && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'.' | b'_' | b'-' | b'+'))
            {
                i += 1;
            }
            out.push((s, i));
        } else {
            i += 1;
        }
    }
    out
}

fn string_spans(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' {
            let s = i;
            i += 1;
            while i < b.len() && b[i] != b'"' && b[i] != b'\n' {
                i += 1;
            }
            if i < b.len() && b[i] == b'"' {
                out.push((s, i + 1));
            }
        }
        i += 1;
    }
    out
}

fn lines(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' {
            out.push((s, i + 1));
            s = i + 1;
        }
    }
    if s < b.len() {
        out.push((s, b.len()));
    }
    out
}

fn splice(v: &mut Vec<u8>, (a, b): (usize, usize), with: &[u8]) {
    v.splice(a..b, with.iter().copied());
}

fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut v = input.to_vec();
    let rounds = if rng.below(4) == 0 {
        1 + rng.below(6)
    } else {
        1
    };
    for _ in 0..rounds {
        match rng.below(12) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(v.len() + 1);
                let c = *rng.pick(b"0123456789.-+e\"[]{}=,\n #'\\\x00\xff\xc3");
                v.insert(i, c);
            }
            2 if !v.is_empty() => {
                let i = rng.below(v.len());
                let n = 1 + rng.below(16.min(v.len() - i));
                v.drain(i..i + n);
            }
            3 | 4 => {
                let spans = numeric_spans(&v);
                if !spans.is_empty() {
                    let s = *rng.pick(&spans);
                    let with = rng.pick(NUMBERS).as_bytes().to_vec();
                    splice(&mut v, s, &with);
                }
            }
            5 => {
                let spans = string_spans(&v);
                if !spans.is_empty() {
                    let s = *rng.pick(&spans);
                    let with = rng.pick(STRINGS).as_bytes().to_vec();
                    splice(&mut v, s, &with);
                }
            }
            6 => {
                // Splice a line from another corpus file.
                let other = rng.pick(corpus);
                let ol = lines(other);
                let ml = lines(&v);
                if !ol.is_empty() && !ml.is_empty() {
                    let (a, b) = *rng.pick(&ol);
                    let line = other[a..b].to_vec();
                    let at = *rng.pick(&ml);
                    if rng.below(2) == 0 {
                        splice(&mut v, at, &line);
                    } else {
                        splice(&mut v, (at.0, at.0), &line);
                    }
                }
            }
            7 => {
                let ml = lines(&v);
                if !ml.is_empty() {
                    let l = *rng.pick(&ml);
                    if rng.below(2) == 0 {
                        v.drain(l.0..l.1);
                    } else {
                        let line = v[l.0..l.1].to_vec();
                        splice(&mut v, (l.1, l.1), &line);
                    }
                }
            }
            8 => {
                let s = rng.pick(SNIPPETS).as_bytes();
                if s.starts_with(b"\nextends") {
                    let mut n = s[1..].to_vec();
                    n.extend_from_slice(&v);
                    v = n;
                } else {
                    v.extend_from_slice(s);
                }
            }
            9 => {
                // Crossover at line boundaries.
                let other = rng.pick(corpus);
                let ol = lines(other);
                let ml = lines(&v);
                if !ol.is_empty() && !ml.is_empty() {
                    let cut = rng.pick(&ml).0;
                    let from = rng.pick(&ol).0;
                    v.truncate(cut);
                    v.extend_from_slice(&other[from..]);
                }
            }
            10 => {
                // Make a number huge or tiny by appending an exponent.
                let spans = numeric_spans(&v);
                if !spans.is_empty() {
                    let (_, e) = *rng.pick(&spans);
                    let exps: [&[u8]; 4] = [b"e300", b"e-300", b"000000", b".5"];
                    let with = *rng.pick(&exps);
                    splice(&mut v, (e, e), with);
                }
            }
            _ => {
                // Repeat a whole table (duplicate names, many entries).
                let ml = lines(&v);
                if let Some(start) = ml.iter().position(|&(a, _)| v[a..].starts_with(b"[[")) {
                    let begin = ml[start + rng.below(ml.len() - start)].0;
                    let end = ml[(start + 1 + rng.below(8)).min(ml.len() - 1)]
                        .1
                        .max(begin);
                    let chunk = v[begin..end].to_vec();
                    for _ in 0..1 + rng.below(3) {
                        v.extend_from_slice(&chunk);
                    }
                }
            }
        }
    }
    v.truncate(MAX_INPUT);
    v
}

fn fnv(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

fn read_corpus(paths: &[PathBuf]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(p)
                .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            v.sort();
            for f in v {
                if f.is_file()
                    && let Ok(b) = std::fs::read(&f)
                {
                    out.push(b);
                }
            }
        } else if let Ok(b) = std::fs::read(p) {
            out.push(b);
        }
    }
    out
}

struct Args {
    seconds: u64,
    out: PathBuf,
    seed: u64,
    reps: u64,
    worker: bool,
    replay: bool,
    corpus: Vec<PathBuf>,
}

fn args() -> Args {
    let mut a = Args {
        seconds: 60,
        out: PathBuf::from("fuzz/out"),
        seed: 1,
        reps: 8,
        worker: false,
        replay: false,
        corpus: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut val = || it.next().expect("a value after the option");
        match x.as_str() {
            "--seconds" => a.seconds = val().parse().expect("--seconds N"),
            "--out" => a.out = PathBuf::from(val()),
            "--seed" => a.seed = val().parse().expect("--seed N"),
            "--reps" => a.reps = val().parse().expect("--reps N"),
            "--worker" => a.worker = true,
            "--replay" => a.replay = true,
            _ => a.corpus.push(PathBuf::from(x)),
        }
    }
    if a.corpus.is_empty() {
        a.corpus = vec![
            "scenarios".into(),
            "tests/data/valid".into(),
            "tests/data/invalid".into(),
        ];
    }
    a
}

static PANIC_MSG: Mutex<String> = Mutex::new(String::new());

fn save_crash(out: &Path, kind: &str, input: &[u8], msg: &str) -> PathBuf {
    let dir = out.join("crashes");
    let _ = std::fs::create_dir_all(&dir);
    let p = dir.join(format!("{kind}-{:016x}.toml", fnv(input)));
    let _ = std::fs::write(&p, input);
    let _ = std::fs::write(p.with_extension("txt"), msg);
    p
}

/// The worker: mutate and run inputs until the time is up; print one stats line a second.
fn worker(a: &Args) {
    let work = a.out.join("work");
    std::fs::create_dir_all(&work).expect("work folder");
    // A base file for `extends` (relative to the work folder).
    if let Ok(b) = std::fs::read("tests/data/valid/minimal.toml") {
        let _ = std::fs::write(work.join("base.toml"), b);
    }
    let input = work.join("input.toml");
    let current = a.out.join("current.toml");
    std::panic::set_hook(Box::new(|info| {
        let loc = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        *PANIC_MSG.lock().unwrap_or_else(|e| e.into_inner()) = format!("{loc}: {msg}");
    }));
    let started = std::sync::Arc::new(AtomicU64::new(0));
    let t0 = Instant::now();
    {
        let started = started.clone();
        let current = current.clone();
        let out = a.out.clone();
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_secs(1));
                let s = started.load(Ordering::Relaxed);
                let now = t0.elapsed().as_secs();
                if s > 0 && now > s + HANG_S {
                    let b = std::fs::read(&current).unwrap_or_default();
                    let p = save_crash(&out, "hang", &b, &format!("ran longer than {HANG_S} s"));
                    println!("HANG {}", p.display());
                    let _ = std::io::stdout().flush();
                    std::process::exit(3);
                }
            }
        });
    }
    let mut rng = Rng(a.seed);
    let mut corpus = read_corpus(&a.corpus);
    assert!(!corpus.is_empty(), "empty seed corpus");
    let mut seen: HashSet<String> = HashSet::new();
    let mut panics: BTreeMap<String, u32> = BTreeMap::new();
    let (mut execs, mut accepted, mut rejected, mut crashes) = (0u64, 0u64, 0u64, 0u64);
    let mut last = Instant::now();
    let deadline = Instant::now() + Duration::from_secs(a.seconds);
    // Valid inputs, the parents of most mutations (so most inputs get past the parser).
    let mut valid: Vec<Vec<u8>> = Vec::new();
    while Instant::now() < deadline {
        let parent = if !valid.is_empty() && rng.below(3) > 0 {
            valid[rng.below(valid.len())].clone()
        } else {
            corpus[rng.below(corpus.len())].clone()
        };
        let data = mutate(&mut rng, &parent, &corpus);
        let _ = std::fs::write(&current, &data);
        let _ = std::fs::write(&input, &data);
        started.store(t0.elapsed().as_secs().max(1), Ordering::Relaxed);
        let reps = a.reps;
        let t_in = Instant::now();
        let r = std::panic::catch_unwind(|| harness::check_file(&input, reps));
        started.store(0, Ordering::Relaxed);
        let fast = t_in.elapsed() < Duration::from_millis(300);
        if t_in.elapsed() > Duration::from_secs(2) {
            // Slow but finished: kept for a look (not a crash).
            let dir = a.out.join("slow");
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(dir.join(format!("{:016x}.toml", fnv(&data))), &data);
        }
        execs += 1;
        match r {
            Ok(harness::Verdict::Accepted) => {
                accepted += 1;
                if fast && valid.len() < 512 && (valid.len() < 16 || rng.below(8) == 0) {
                    valid.push(data.clone());
                }
                if fast && seen.insert(format!("ok:{}", data.len() / 512)) && corpus.len() < 4096 {
                    corpus.push(data);
                }
            }
            Ok(harness::Verdict::Rejected(sig)) => {
                rejected += 1;
                if seen.insert(sig) && corpus.len() < 4096 {
                    corpus.push(data);
                }
            }
            Err(_) => {
                crashes += 1;
                let msg = PANIC_MSG.lock().unwrap_or_else(|e| e.into_inner()).clone();
                // Keep the first three inputs of each panic location.
                let place = msg.split(": ").next().unwrap_or("").to_string();
                let n = panics.entry(place).or_insert(0u32);
                *n += 1;
                if *n <= 3 {
                    let p = save_crash(&a.out, "panic", &data, &msg);
                    println!("PANIC {} {msg}", p.display());
                }
            }
        }
        if last.elapsed() >= Duration::from_secs(1) {
            println!(
                "STATS {execs} {accepted} {rejected} {crashes} {} {}",
                corpus.len(),
                seen.len()
            );
            let _ = std::io::stdout().flush();
            last = Instant::now();
        }
    }
    println!(
        "STATS {execs} {accepted} {rejected} {crashes} {} {}",
        corpus.len(),
        seen.len()
    );
    let mut kinds: Vec<&String> = seen.iter().collect();
    kinds.sort();
    for k in kinds {
        println!("KIND {k}");
    }
}

/// `--replay FILE...`: run the given inputs once each and print what happened.
fn replay(a: &Args) {
    for p in &a.corpus {
        let r = std::panic::catch_unwind(|| harness::check_file(p, a.reps));
        match r {
            Ok(v) => println!("{}: {v:?}", p.display()),
            Err(_) => println!("{}: PANIC", p.display()),
        }
    }
}

fn main() {
    let a = args();
    if a.replay {
        replay(&a);
        return;
    }
    if a.worker {
        worker(&a);
        return;
    }
    std::fs::create_dir_all(&a.out).expect("output folder");
    let exe = std::env::current_exe().expect("own path");
    let t0 = Instant::now();
    let mut totals = [0u64; 4];
    let mut kinds = BTreeMap::new();
    let mut events = Vec::new();
    let mut seed = a.seed;
    while t0.elapsed().as_secs() < a.seconds {
        let left = a.seconds - t0.elapsed().as_secs();
        let mut cmd = Command::new(&exe);
        cmd.arg("--worker")
            .args(["--seconds", &left.to_string()])
            .args(["--seed", &seed.to_string()])
            .args(["--reps", &a.reps.to_string()])
            .arg("--out")
            .arg(&a.out)
            .args(&a.corpus)
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let mut child = cmd.spawn().expect("start a worker");
        let mut last = [0u64; 4];
        for line in BufReader::new(child.stdout.take().expect("stdout")).lines() {
            let Ok(line) = line else { break };
            if let Some(rest) = line.strip_prefix("STATS ") {
                let v: Vec<u64> = rest.split(' ').filter_map(|x| x.parse().ok()).collect();
                if v.len() >= 4 {
                    last = [v[0], v[1], v[2], v[3]];
                }
            } else if let Some(k) = line.strip_prefix("KIND ") {
                *kinds.entry(k.to_string()).or_insert(0u64) += 1;
            } else {
                eprintln!("{line}");
                events.push(line);
            }
        }
        let status = child.wait().expect("worker status");
        for i in 0..4 {
            totals[i] += last[i];
        }
        if !status.success() && status.code() != Some(3) {
            let b = std::fs::read(a.out.join("current.toml")).unwrap_or_default();
            let p = save_crash(&a.out, "abort", &b, &format!("worker died: {status}"));
            let e = format!("ABORT {} ({status})", p.display());
            eprintln!("{e}");
            events.push(e);
            totals[3] += 1;
        }
        seed = seed.wrapping_add(1_000_003);
    }
    let secs = t0.elapsed().as_secs();
    let mut report = format!(
        "fuzz run: {secs} s, {} inputs ({:.0}/s), {} accepted and simulated, {} rejected with a message, {} crashes\n",
        totals[0],
        totals[0] as f64 / secs.max(1) as f64,
        totals[1],
        totals[2],
        totals[3]
    );
    for e in &events {
        report.push_str(e);
        report.push('\n');
    }
    report.push_str(&format!("\n{} kinds of outcome:\n", kinds.len()));
    for k in kinds.keys() {
        report.push_str(k);
        report.push('\n');
    }
    let _ = std::fs::write(a.out.join("report.txt"), &report);
    print!("{report}");
    if totals[3] > 0 {
        std::process::exit(1);
    }
}
