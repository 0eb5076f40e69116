//! The limit probe of `tepat bench`: the reference network's law drawn leg by leg by the
//! plainest fast loop, as the yardstick that tepat's cost per leg is compared with in the same
//! run (docs/performance.md).
//!
//! Every leg of every replication is drawn: each of the 161 route links and each of the 2,000
//! stations' last miles is a lognormal (`exp(μ + σ z)`, `z` from `rand_distr`'s ziggurat
//! normal) plus, when a uniform is below the leg's probability, an exponential extra delay
//! (the ziggurat `Exp1` times the mean). A hub's arrival is its trunk leg, a village's adds its
//! road, a station's adds its last mile; each is compared with its deadline and the stations
//! on time are counted. One Xoshiro256++ per replication. It has none of tepat's model (no
//! weather, fleets, escorts, causes, critical links, histograms): what it costs is the floor
//! of drawing the law, and a replication of it is the "probe's reference replication".

use rand::{RngExt, SeedableRng};
use rand_distr::{Exp1, StandardNormal};
use rand_xoshiro::Xoshiro256PlusPlus;
use rayon::prelude::*;

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

    #[inline(always)]
    fn draw(&self, rng: &mut Xoshiro256PlusPlus) -> f64 {
        let z: f64 = rng.sample(StandardNormal);
        let mut t = (self.mu + self.sigma * z).exp();
        if rng.random::<f64>() < self.p {
            let e: f64 = rng.sample(Exp1);
            t += self.mean * e;
        }
        t
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

/// The reference network as the probe draws it.
pub struct Probe {
    hubs: Vec<Hub>,
    deadlines: [f64; 3],
    legs: usize,
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
        Some(Probe {
            hubs,
            deadlines,
            legs,
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

    /// One replication: (stations on time, hubs and villages on time).
    fn replication(&self, seed: u64, rep: u64) -> (u64, u64) {
        let mut rng =
            Xoshiro256PlusPlus::seed_from_u64(seed ^ rep.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let [hub_dl, village_dl, station_dl] = self.deadlines;
        let (mut on_time, mut nodes) = (0u64, 0u64);
        for h in &self.hubs {
            let th = h.trunk.draw(&mut rng);
            nodes += u64::from(th <= hub_dl);
            for v in &h.villages {
                let tv = th + v.road.draw(&mut rng);
                nodes += u64::from(tv <= village_dl);
                for _ in 0..v.stations {
                    on_time += u64::from(tv + v.last_mile.draw(&mut rng) <= station_dl);
                }
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
                    (b * BLOCK..((b + 1) * BLOCK).min(runs))
                        .map(|r| self.replication(seed, r))
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
    fn the_probe_draws_every_leg_of_the_reference_network() {
        let p = Probe::reference();
        assert_eq!(p.hubs.len(), 11);
        assert_eq!(p.hubs.iter().map(|h| h.villages.len()).sum::<usize>(), 150);
        assert_eq!(p.legs(), 2_161);
    }

    /// The probe draws the reference law: its share of stations on time agrees with tepat's
    /// on the same network within Monte Carlo error.
    #[test]
    fn the_probe_and_tepat_agree_on_the_reference_network() {
        let p = Probe::reference();
        let runs = 4_000;
        let r = p.run(1, runs, 2).unwrap();
        let m = crate::pipeline::model_from_str("reference.toml", &crate::generate::reference())
            .unwrap();
        let o = crate::engine::run(
            &m,
            &crate::engine::Options {
                seed: 1,
                runs: crate::engine::Runs::Fixed(runs),
                threads: 2,
                range: None,
            },
            &crate::engine::NoProgress,
        )
        .unwrap();
        let s = crate::summary::summarise(&m, &o.acc);
        let n = (runs * p.stations()) as f64;
        let probe = r.on_time as f64 / n;
        let tepat = 1.0 - s.late_stations.mean / p.stations() as f64;
        // Stations of one replication are correlated through their village: a wide margin of
        // 5 standard errors of 4,000 replications of 150 village-level outcomes.
        let se = (probe * (1.0 - probe) / (runs as f64 * 150.0)).sqrt();
        assert!(
            (probe - tepat).abs() < 5.0 * se.max(1e-4),
            "probe {probe}, tepat {tepat}"
        );
    }
}
