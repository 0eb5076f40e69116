//! The limit probe of `tepat bench`: the reference network's law drawn leg by leg by the
//! plainest fast loop, as the yardstick that tepat's cost per leg is compared with in the same
//! run (docs/performance.md).
//!
//! Every leg of every replication is drawn, in the manner of the fastest loop measured when
//! the speed targets were set (docs/performance.md): each of the 161 route links and each of
//! the 2,000 stations' last miles is a lognormal `exp(μ + σ z)` plus, when a uniform is below
//! the leg's probability, an exponential extra delay `−mean · ln u`. Sampling is batched: one
//! replication first draws every leg's normal (`z` from a 4,096-cell table of the normal
//! quantile, interpolated, AS 241 itself in the 16 outer cells at each end) and coin, then takes every
//! exponential at once with a polynomial `exp` the compiler vectorises, then adds the legs up
//! the tree. A hub's arrival is its trunk leg, a village's adds its road, a station's adds its
//! last mile; each is compared with its deadline and the stations on time are counted. One
//! Xoshiro256++ per replication. It has none of tepat's model (no weather, fleets, escorts,
//! causes, critical links, histograms): what it costs is the floor of drawing the law, and a
//! replication of it is the "probe's reference replication".

use rayon::prelude::*;

use crate::hazards::rng::Stream;
use crate::model::sampler::std_normal_quantile;

use crate::scenario::{Dist, ExtraDelay, ScenarioFile};

/// Replications per unit of parallel work.
const BLOCK: u64 = 256;

/// The standard normal's 0.9 quantile (a lognormal's `p90 = median · exp(σ z90)`).
const Z90: f64 = 1.281_551_565_544_600_4;

/// One leg's law: lognormal (μ, σ) hours plus, with probability `p`, an exponential of `mean`.
#[derive(Debug, Clone, Copy)]
struct Leg {
    mu: f64,
    sigma: f64,
    p: f64,
    mean: f64,
}

impl Leg {
    fn new(d: &Option<Dist>, extra: &Option<ExtraDelay>) -> Option<Leg> {
        let Some(Dist::Lognormal {
            median: Some(median),
            p90: Some(p90),
            ..
        }) = d
        else {
            return None;
        };
        let (p, mean) = match extra {
            Some(ExtraDelay {
                probability,
                delay: Dist::Exponential { mean, .. },
            }) => (*probability, *mean),
            _ => (0.0, 0.0),
        };
        Some(Leg {
            mu: median.ln(),
            sigma: (p90 / median).ln() / Z90,
            p,
            mean,
        })
    }
}

struct Village {
    road: Leg,
    last_mile: Leg,
    stations: u32,
}

struct Hub {
    trunk: Leg,
    villages: Vec<Village>,
}

/// The reference network as the probe draws it: every leg's law in draw order (per hub its
/// trunk, then per village its road and its stations' last miles).
pub struct Probe {
    hubs: Vec<Hub>,
    deadlines: [f64; 3],
    legs: usize,
    mu: Vec<f64>,
    sigma: Vec<f64>,
    /// The extra delay strikes when a 64-bit uniform is below this.
    strike: Vec<u64>,
    mean: Vec<f64>,
    /// Φ⁻¹(i / 4096) for i = 0..=4096.
    table: Vec<f64>,
}

/// Cells of the normal quantile table.
const CELLS: usize = 4096;
/// Cells at each end where the quantile is computed exactly (0.8% of draws): the table's
/// linear interpolation is within 2 · 10⁻⁴ of Φ⁻¹ everywhere else, 2 · 10⁻⁶ in the central 90%.
const EXACT: usize = 16;

/// The standard normal quantile of the top 53 bits of `a`: the table interpolated, AS 241
/// itself in the [`EXACT`] outer cells at each end.
#[inline(always)]
fn normal(table: &[f64], a: u64) -> f64 {
    let u = (a >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
    let v = u * CELLS as f64;
    let i = v as usize;
    if !(EXACT..CELLS - EXACT).contains(&i) {
        return std_normal_quantile(u);
    }
    let (lo, hi) = (table[i], table[i + 1]);
    lo + (hi - lo) * (v - i as f64)
}

/// `e^x` for |x| ≤ 700 to about 2 parts in 10¹⁵, without branches or calls, so that a loop of
/// it is vectorised: `x = k ln 2 + r`, a degree-12 Taylor polynomial of `e^r` (|r| ≤ ln 2 / 2),
/// times `2^k` built from its bits.
#[inline(always)]
pub fn exp_fast(x: f64) -> f64 {
    const SHIFT: f64 = 6_755_399_441_055_744.0; // 1.5 · 2^52
    const LN2_HI: f64 = 0.693_147_180_369_123_8;
    const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
    let x = x.clamp(-700.0, 700.0);
    let shifted = x * std::f64::consts::LOG2_E + SHIFT;
    let kf = shifted - SHIFT;
    let k = shifted.to_bits().wrapping_sub(SHIFT.to_bits()) as i64;
    let r = (x - kf * LN2_HI) - kf * LN2_LO;
    let mut p = 1.0 / 479_001_600.0;
    for c in [
        39_916_800.0,
        3_628_800.0,
        362_880.0,
        40_320.0,
        5_040.0,
        720.0,
        120.0,
        24.0,
        6.0,
        2.0,
        1.0,
        1.0,
    ] {
        p = p * r + 1.0 / c;
    }
    p * f64::from_bits(((k + 1023) as u64) << 52)
}

/// What a probe run counted and how long it took.
#[derive(Debug, Clone, Copy)]
pub struct ProbeRun {
    /// Seconds of drawing, on all threads.
    pub seconds: f64,
    /// Stations on time, summed over the replications (so the work cannot be skipped).
    pub on_time: u64,
    /// Hubs and villages on time, summed.
    pub nodes_on_time: u64,
}

impl Probe {
    /// The probe of `tepat generate --reference`.
    pub fn reference() -> Probe {
        let text = crate::generate::reference();
        let f = crate::scenario::parse(std::path::Path::new("reference.toml"), &text)
            .expect("the reference network is a valid scenario");
        Probe::from_file(&f).expect("the reference network has lognormal legs")
    }

    /// The probe of a scenario shaped like the reference network (a depot, hubs over one
    /// lognormal link each, villages over one lognormal link each with a lognormal last mile).
    fn from_file(f: &ScenarioFile) -> Option<Probe> {
        let start = crate::time::parse_datetime(&f.scenario.start).ok()?;
        let hours = |s: &Option<String>| -> Option<f64> {
            let t = crate::time::parse_datetime(s.as_ref()?).ok()?;
            Some(crate::time::hours_between(&start, &t))
        };
        let d = &f.defaults;
        let deadlines = [
            hours(&d.hub_deadline)?,
            hours(&d.village_deadline)?,
            hours(&d.station_deadline)?,
        ];
        let link = |name: &str| f.link.iter().find(|l| l.name == name);
        let route = |n: &crate::scenario::Node| -> Option<Leg> {
            let l = link(n.route.as_ref()?.first()?)?;
            Leg::new(&l.duration, &l.extra_delay)
        };
        let mut hubs = Vec::new();
        let mut legs = 0;
        for h in f.node.iter().filter(|n| n.name.starts_with("hub-")) {
            let mut villages = Vec::new();
            for v in f
                .node
                .iter()
                .filter(|v| v.supplier.as_deref() == Some(h.name.as_str()))
            {
                let stations = v.stations;
                legs += 1 + stations as usize;
                villages.push(Village {
                    road: route(v)?,
                    last_mile: Leg::new(&v.last_mile, &v.last_mile_extra_delay)?,
                    stations,
                });
            }
            legs += 1;
            hubs.push(Hub {
                trunk: route(h)?,
                villages,
            });
        }
        let mut flat = Vec::with_capacity(legs);
        for h in &hubs {
            flat.push(h.trunk);
            for v in &h.villages {
                flat.push(v.road);
                flat.extend(std::iter::repeat_n(v.last_mile, v.stations as usize));
            }
        }
        let table = (0..=CELLS)
            .map(|i| std_normal_quantile(i as f64 / CELLS as f64))
            .collect();
        Some(Probe {
            hubs,
            deadlines,
            legs,
            mu: flat.iter().map(|l| l.mu).collect(),
            sigma: flat.iter().map(|l| l.sigma).collect(),
            strike: flat
                .iter()
                .map(|l| (l.p.clamp(0.0, 1.0) * 18_446_744_073_709_551_615.0) as u64)
                .collect(),
            mean: flat.iter().map(|l| l.mean).collect(),
            table,
        })
    }

    /// Legs drawn per replication (2,161 for the reference network).
    pub fn legs(&self) -> usize {
        self.legs
    }

    /// Stations of the network (2,000 for the reference network).
    pub fn stations(&self) -> u64 {
        self.hubs
            .iter()
            .flat_map(|h| &h.villages)
            .map(|v| u64::from(v.stations))
            .sum()
    }

    /// One replication: (stations on time, hubs and villages on time). `t` and `coin` are
    /// scratch of [`Probe::legs`] values.
    fn replication(&self, seed: u64, rep: u64, t: &mut [f64], coin: &mut [u64]) -> (u64, u64) {
        let mut rng = Stream::seed_from_u64(seed ^ rep.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        // Every leg's normal and coin.
        for (ti, ci) in t.iter_mut().zip(coin.iter_mut()) {
            *ti = normal(&self.table, rng.next_u64());
            *ci = rng.next_u64();
        }
        // Every lognormal at once.
        for ((ti, mu), sigma) in t.iter_mut().zip(&self.mu).zip(&self.sigma) {
            *ti = exp_fast(mu + sigma * *ti);
        }
        // The struck legs' extra delays.
        for i in 0..t.len() {
            if coin[i] < self.strike[i] {
                let u = ((rng.next_u64() >> 11) + 1) as f64 * (1.0 / (1u64 << 53) as f64);
                t[i] -= self.mean[i] * u.ln();
            }
        }
        let [hub_dl, village_dl, station_dl] = self.deadlines;
        let (mut on_time, mut nodes) = (0u64, 0u64);
        let mut i = 0;
        for h in &self.hubs {
            let th = t[i];
            i += 1;
            nodes += u64::from(th <= hub_dl);
            for v in &h.villages {
                let tv = th + t[i];
                i += 1;
                nodes += u64::from(tv <= village_dl);
                let n = v.stations as usize;
                on_time += t[i..i + n]
                    .iter()
                    .map(|&x| u64::from(tv + x <= station_dl))
                    .sum::<u64>();
                i += n;
            }
        }
        (on_time, nodes)
    }

    /// Draw `runs` replications on `threads` worker threads (0: all cores).
    pub fn run(&self, seed: u64, runs: u64, threads: usize) -> crate::error::Result<ProbeRun> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| {
                crate::error::Error::Other(format!("cannot start the worker threads: {e}"))
            })?;
        let t0 = std::time::Instant::now();
        let (on_time, nodes_on_time) = pool.install(|| {
            (0..runs.div_ceil(BLOCK))
                .into_par_iter()
                .map(|b| {
                    let mut t = vec![0.0; self.legs];
                    let mut coin = vec![0u64; self.legs];
                    (b * BLOCK..((b + 1) * BLOCK).min(runs))
                        .map(|r| self.replication(seed, r, &mut t, &mut coin))
                        .fold((0, 0), |a, x| (a.0 + x.0, a.1 + x.1))
                })
                .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
        });
        Ok(ProbeRun {
            seconds: t0.elapsed().as_secs_f64(),
            on_time,
            nodes_on_time,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_exp_is_exp() {
        let mut x = -60.0;
        while x < 60.0 {
            let (a, b) = (exp_fast(x), x.exp());
            assert!(((a - b) / b).abs() < 4e-15, "{x}: {a} against {b}");
            x += 0.001_37;
        }
    }

    #[test]
    fn the_table_normal_is_the_normal() {
        let p = Probe::reference();
        for k in 1..100_000u64 {
            let u = k as f64 / 100_000.0;
            let a = ((u * (1u64 << 53) as f64) as u64) << 11;
            let z = normal(&p.table, a);
            let tol = if (0.05..=0.95).contains(&u) {
                2e-6
            } else {
                2e-4
            };
            assert!((z - std_normal_quantile(u)).abs() < tol, "{u}: {z}");
        }
    }

    #[test]
    fn the_probe_draws_every_leg_of_the_reference_network() {
        let p = Probe::reference();
        assert_eq!(p.hubs.len(), 11);
        assert_eq!(p.hubs.iter().map(|h| h.villages.len()).sum::<usize>(), 150);
        assert_eq!(p.legs(), 2_161);
    }

    /// The probe draws the reference law: each leg's mean over many replications is
    /// `exp(μ + σ²/2) + p · mean`, and its median (without the extra delay) `exp(μ)`.
    #[test]
    fn the_probe_draws_the_law_of_each_leg() {
        let p = Probe::reference();
        let n = p.legs();
        let runs = 40_000u64;
        let (mut t, mut coin) = (vec![0.0; n], vec![0u64; n]);
        let mut sum = vec![0.0; n];
        let mut sq = vec![0.0; n];
        for r in 0..runs {
            p.replication(5, r, &mut t, &mut coin);
            for i in 0..n {
                sum[i] += t[i];
                sq[i] += t[i] * t[i];
            }
        }
        let mut worst: f64 = 0.0;
        for i in 0..n {
            let mean = (p.mu[i] + p.sigma[i] * p.sigma[i] / 2.0).exp()
                + p.strike[i] as f64 / 18_446_744_073_709_551_616.0 * p.mean[i];
            let m = sum[i] / runs as f64;
            let sd = (sq[i] / runs as f64 - m * m).max(0.0).sqrt();
            let z = (m - mean) / (sd / (runs as f64).sqrt());
            worst = worst.max(z.abs());
        }
        // 2,161 legs (the stations of a village share one law but not one draw): the largest
        // of 2,161 |z| is below 5 unless the law is wrong.
        assert!(worst < 5.0, "largest |z| {worst}");
    }
}
