//! Weather: each zone's chain of states, one state per step of the horizon, drawn once per
//! replication from the zone's own stream.

use super::rng::stream_in;
use crate::model::{Model, State};

/// The weather states of every zone in one replication (reused across replications).
#[derive(Debug, Clone)]
pub struct Weather {
    /// Per zone, the state index at each step.
    steps: Vec<Vec<u8>>,
}

impl Weather {
    /// Room for every step of every zone of `m`.
    pub fn new(m: &Model) -> Weather {
        Weather {
            steps: m
                .zones
                .iter()
                .map(|z| vec![0u8; (m.horizon / z.step).ceil() as usize + 2])
                .collect(),
        }
    }

    /// The state index of each zone at each step.
    pub fn steps(&self) -> &[Vec<u8>] {
        &self.steps
    }

    /// The state of `zone` at time `t` (none without a zone: calm).
    #[inline]
    pub fn state<'m>(&self, m: &'m Model, zone: Option<usize>, t: f64) -> Option<&'m State> {
        let z = zone?;
        let steps = &self.steps[z];
        let k = if t <= 0.0 {
            0
        } else {
            ((t / m.zones[z].step) as usize).min(steps.len() - 1)
        };
        Some(&m.zones[z].states[steps[k] as usize])
    }

    /// Draw every zone's chain for the replication whose key is `rk`: the first step from
    /// the initial distribution, each next one from the transition row of the state before,
    /// or, for a follower, its leader's state (mapped by name) with the copy probability.
    pub fn draw(&mut self, m: &Model, rk: u64) {
        for (zi, z) in m.zones.iter().enumerate() {
            let mut rng = stream_in(rk, z.key);
            // A forecast (`tepat run --status`) replaces the chain at its steps, drawn with
            // the same uniform, so that the streams of every other step stay as they are.
            let forecast = m
                .observed
                .as_deref()
                .map(|o| (&o.forecast_step[zi], &o.forecast_cdf[zi]));
            // The first state whose cumulative probability exceeds `u`: the CDF does not
            // fall, so that is the number of entries at most `u` (counted without branches).
            let pick = |cdf: &[f64], u: f64| {
                let below: usize = cdf.iter().map(|&c| (c <= u) as usize).sum();
                below.min(cdf.len() - 1) as u8
            };
            let n = self.steps[zi].len();
            let mut s = 0u8;
            for k in 0..n {
                let uf = rng.uniform();
                let ut = rng.uniform();
                let fc = forecast.and_then(|(st, cdf)| {
                    st.get(k)
                        .filter(|&&i| i != u32::MAX)
                        .map(|&i| &cdf[i as usize])
                });
                s = match &z.follow {
                    _ if fc.is_some() => pick(fc.expect("forecast"), ut),
                    Some((l, p, map)) if uf < *p => map[self.steps[*l][k] as usize] as u8,
                    _ if k == 0 => pick(&z.initial_cdf, ut),
                    _ => pick(&z.trans_cdf[s as usize], ut),
                };
                self.steps[zi][k] = s;
            }
        }
    }

    /// Arrival after `base` hours of travel on a link of zone `zone` started at `start`, when
    /// the weather state's factor slows progress (`road` picks the road or the sailing factor).
    /// Progress is integrated over the weather steps, so a vehicle that starts later never
    /// arrives earlier (first in, first out).
    #[inline]
    pub fn travel(&self, m: &Model, zone: Option<usize>, start: f64, base: f64, road: bool) -> f64 {
        let Some(z) = zone else { return start + base };
        if base <= 0.0 {
            return start;
        }
        let zone = &m.zones[z];
        let steps = &self.steps[z];
        let (mut cur, mut rem) = (start, base);
        // The step index advances by one each round, so the loop ends after at most one
        // round per weather step. (Recomputing it as `cur / step` at a step boundary can
        // round down to the step just left -- (n × 0.1) / 0.1 < n for many n -- and loop
        // forever; found by tests/it/robustness.rs.)
        let mut k = if cur <= 0.0 {
            0
        } else {
            (cur / zone.step) as usize
        };
        loop {
            let st = &zone.states[steps[k.min(steps.len() - 1)] as usize];
            let f = if road { st.road_factor } else { st.sail_factor };
            if k + 1 >= steps.len() {
                return cur + rem * f;
            }
            let end = (k + 1) as f64 * zone.step;
            let cap = (end - cur).max(0.0) / f;
            if cap >= rem {
                return cur + rem * f;
            }
            rem -= cap;
            cur = end;
            k += 1;
        }
    }
}
