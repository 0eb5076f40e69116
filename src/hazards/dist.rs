//! Distributions in planner units, compiled to samplers in hours.

use rand::Rng;
use rand_distr::{Beta, Distribution, Gamma, StandardNormal};

use super::rng::uniform;
use crate::scenario::Dist;

/// A compiled distribution. Every sample is in hours (or km/h for speeds) and is never
/// negative.
#[derive(Debug, Clone)]
pub enum Sampler {
    /// Always this value.
    Fixed(f64),
    /// Uniform on [a, b].
    Uniform(f64, f64),
    /// Triangular (min, mode, max).
    Triangular(f64, f64, f64),
    /// PERT: min + (max - min) × Beta(α, β).
    Pert(f64, f64, Beta<f64>),
    /// Normal truncated at 0 (mean, sd).
    Normal(f64, f64),
    /// exp(μ + σ Z).
    LogNormal(f64, f64),
    /// Gamma (shape, scale in hours, and the sampler).
    Gamma(f64, f64, Gamma<f64>),
    /// Exponential with this mean.
    Exponential(f64),
    /// Equally likely values.
    Samples(Vec<f64>),
    /// Piecewise-linear quantile function: (p, value) with p from 0 to 1.
    Quantiles(Vec<(f64, f64)>),
}

/// The factor from a distribution's unit to hours.
pub fn unit_factor(unit: Option<&str>) -> Result<f64, String> {
    match unit.unwrap_or("h") {
        "h" | "hour" | "hours" => Ok(1.0),
        "min" | "minute" | "minutes" => Ok(1.0 / 60.0),
        "day" | "days" => Ok(24.0),
        other => Err(format!(
            "unknown unit '{other}'; use \"min\", \"h\" or \"day\""
        )),
    }
}

fn finite(name: &str, v: f64) -> Result<f64, String> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(format!("{name} must be a finite number, not {v}"))
    }
}

fn nonneg(name: &str, v: f64) -> Result<f64, String> {
    finite(name, v)?;
    if v < 0.0 {
        Err(format!("{name} must not be negative (got {v})"))
    } else {
        Ok(v)
    }
}

fn positive(name: &str, v: f64) -> Result<f64, String> {
    finite(name, v)?;
    if v <= 0.0 {
        Err(format!("{name} must be greater than 0 (got {v})"))
    } else {
        Ok(v)
    }
}

/// The largest value (hours, or km/h for speeds) that a distribution parameter may take after
/// conversion from its unit: about 114 years. Larger values are typing mistakes (a missing
/// unit, extra zeros), and values near the floating-point limit would overflow to infinity.
pub const MAX_VALUE: f64 = 1e6;

/// The typical values of a compiled distribution, to hold against [`MAX_VALUE`].
fn scales(s: &Sampler) -> Vec<f64> {
    match s {
        Sampler::Fixed(v) | Sampler::Exponential(v) => vec![*v],
        Sampler::Uniform(a, b) | Sampler::Normal(a, b) => vec![*a, *b],
        Sampler::Triangular(a, c, b) => vec![*a, *c, *b],
        Sampler::Pert(min, range, _) => vec![*min, min + range],
        Sampler::LogNormal(mu, sigma) => vec![mu.exp(), (mu + Z90 * sigma).exp()],
        Sampler::Gamma(..) => Vec::new(),
        Sampler::Samples(v) => v.clone(),
        Sampler::Quantiles(q) => q.iter().map(|x| x.1).collect(),
    }
}

/// The standard normal quantile z with P(Z ≤ z) = 0.9.
const Z90: f64 = 1.281_551_565_544_600_5;

/// The unit key of a distribution.
pub fn unit_of(d: &Dist) -> Option<&str> {
    match d {
        Dist::Fixed { unit, .. }
        | Dist::Uniform { unit, .. }
        | Dist::Triangular { unit, .. }
        | Dist::Pert { unit, .. }
        | Dist::Normal { unit, .. }
        | Dist::Lognormal { unit, .. }
        | Dist::Gamma { unit, .. }
        | Dist::Exponential { unit, .. }
        | Dist::Empirical { unit, .. } => unit.as_deref(),
    }
}

impl Sampler {
    /// Compile a distribution; `Err` says what is wrong and how to fix it.
    pub fn new(d: &Dist) -> Result<Sampler, String> {
        let s = Self::build(d)?;
        if let Some(x) = scales(&s)
            .into_iter()
            .find(|x| x.is_nan() || *x > MAX_VALUE)
        {
            return Err(format!(
                "a value of {x} hours is out of range; distribution values must be at most {MAX_VALUE} hours (about 114 years) after conversion from their unit"
            ));
        }
        Ok(s)
    }

    fn build(d: &Dist) -> Result<Sampler, String> {
        let f = unit_factor(unit_of(d))?;
        Ok(match d {
            Dist::Fixed { value, .. } => Sampler::Fixed(nonneg("value", *value)? * f),
            Dist::Uniform { min, max, .. } => {
                nonneg("min", *min)?;
                finite("max", *max)?;
                if max < min {
                    return Err(format!(
                        "inverted range: max ({max}) is below min ({min}); swap them"
                    ));
                }
                Sampler::Uniform(min * f, max * f)
            }
            Dist::Triangular { min, mode, max, .. } | Dist::Pert { min, mode, max, .. } => {
                nonneg("min", *min)?;
                finite("mode", *mode)?;
                finite("max", *max)?;
                if !(min <= mode && mode <= max) {
                    return Err(format!(
                        "min ({min}), mode ({mode}) and max ({max}) must satisfy min <= mode <= max"
                    ));
                }
                if let Dist::Pert { .. } = d {
                    if max == min {
                        Sampler::Fixed(min * f)
                    } else {
                        let a = 1.0 + 4.0 * (mode - min) / (max - min);
                        let b = 1.0 + 4.0 * (max - mode) / (max - min);
                        let beta =
                            Beta::new(a, b).map_err(|e| format!("PERT shape invalid: {e}"))?;
                        Sampler::Pert(min * f, (max - min) * f, beta)
                    }
                } else {
                    Sampler::Triangular(min * f, mode * f, max * f)
                }
            }
            Dist::Normal { mean, sd, .. } => {
                finite("mean", *mean)?;
                nonneg("sd", *sd)?;
                if *mean + 3.0 * sd < 0.0 {
                    return Err("mean is so far below 0 that almost every draw is truncated; use a mean >= 0".into());
                }
                Sampler::Normal(mean * f, sd * f)
            }
            Dist::Lognormal {
                median,
                p90,
                mean,
                sd,
                ..
            } => match (median, p90, mean, sd) {
                (Some(m), Some(p), None, None) => {
                    positive("median", *m)?;
                    positive("p90", *p)?;
                    if p < m {
                        return Err(format!(
                            "p90 ({p}) is below the median ({m}); p90 must be at least the median"
                        ));
                    }
                    Sampler::LogNormal((m * f).ln(), (p / m).ln() / Z90)
                }
                (None, None, Some(mu), Some(s)) => {
                    positive("mean", *mu)?;
                    nonneg("sd", *s)?;
                    let s2 = (1.0 + (s / mu).powi(2)).ln();
                    Sampler::LogNormal((mu * f).ln() - s2 / 2.0, s2.sqrt())
                }
                _ => return Err("give either median and p90, or mean and sd".into()),
            },
            Dist::Gamma {
                shape,
                scale,
                mean,
                sd,
                ..
            } => {
                let (k, theta) = match (shape, scale, mean, sd) {
                    (Some(k), Some(t), None, None) => {
                        (positive("shape", *k)?, positive("scale", *t)?)
                    }
                    (None, None, Some(m), Some(s)) => {
                        positive("mean", *m)?;
                        positive("sd", *s)?;
                        ((m / s).powi(2), s * s / m)
                    }
                    _ => return Err("give either shape and scale, or mean and sd".into()),
                };
                let (mean, sd) = (k * theta * f, k.sqrt() * theta * f);
                if mean.is_nan() || mean > MAX_VALUE || sd.is_nan() || sd > MAX_VALUE {
                    return Err(format!(
                        "a gamma with mean {mean} and sd {sd} hours is out of range; distribution values must be at most {MAX_VALUE} hours"
                    ));
                }
                Sampler::Gamma(
                    k,
                    theta * f,
                    Gamma::new(k, theta * f).map_err(|e| format!("gamma invalid: {e}"))?,
                )
            }
            Dist::Exponential { mean, .. } => Sampler::Exponential(positive("mean", *mean)? * f),
            Dist::Empirical {
                samples, quantiles, ..
            } => match (samples, quantiles) {
                (Some(s), None) => {
                    if s.is_empty() {
                        return Err("samples is empty; give at least one value".into());
                    }
                    let mut v = Vec::with_capacity(s.len());
                    for x in s {
                        v.push(nonneg("each sample", *x)? * f);
                    }
                    Sampler::Samples(v)
                }
                (None, Some(q)) => {
                    if q.len() < 2 {
                        return Err(
                            "quantiles needs at least two [probability, value] pairs".into()
                        );
                    }
                    let mut out = Vec::with_capacity(q.len());
                    for (i, [p, v]) in q.iter().enumerate() {
                        finite("probability", *p)?;
                        nonneg("value", *v)?;
                        if let Some(&(pp, pv)) = out.last()
                            && (*p <= pp || *v * f < pv)
                        {
                            return Err(format!(
                                "quantile pair {i} must have a higher probability and a value no lower than the pair before it"
                            ));
                        }
                        out.push((*p, v * f));
                    }
                    if out[0].0 != 0.0 || out[out.len() - 1].0 != 1.0 {
                        return Err("quantile probabilities must start at 0 and end at 1".into());
                    }
                    Sampler::Quantiles(out)
                }
                _ => return Err("give either samples or quantiles".into()),
            },
        })
    }

    /// Draw one value.
    #[inline]
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        match self {
            Sampler::Fixed(v) => *v,
            Sampler::Uniform(a, b) => a + (b - a) * uniform(rng),
            Sampler::Triangular(a, c, b) => {
                let u = uniform(rng);
                let fc = if b > a { (c - a) / (b - a) } else { 0.5 };
                if u < fc {
                    a + ((b - a) * (c - a) * u).sqrt()
                } else {
                    b - ((b - a) * (b - c) * (1.0 - u)).sqrt()
                }
            }
            Sampler::Pert(min, range, beta) => min + range * beta.sample(rng),
            Sampler::Normal(m, s) => {
                for _ in 0..64 {
                    let z: f64 = StandardNormal.sample(rng);
                    let x = m + s * z;
                    if x >= 0.0 {
                        return x;
                    }
                }
                0.0
            }
            Sampler::LogNormal(mu, sigma) => {
                let z: f64 = StandardNormal.sample(rng);
                (mu + sigma * z).exp()
            }
            Sampler::Gamma(_, _, g) => g.sample(rng),
            Sampler::Exponential(mean) => -mean * (1.0 - uniform(rng)).ln(),
            Sampler::Samples(v) => v[((uniform(rng) * v.len() as f64) as usize).min(v.len() - 1)],
            Sampler::Quantiles(q) => {
                let u = uniform(rng);
                let i = q.partition_point(|&(p, _)| p <= u).clamp(1, q.len() - 1);
                let (p0, v0) = q[i - 1];
                let (p1, v1) = q[i];
                v0 + (v1 - v0) * (u - p0) / (p1 - p0)
            }
        }
    }

    /// The same distribution with every value multiplied by `f` (> 0): what-if analyses.
    pub fn scaled(&self, f: f64) -> Sampler {
        match self {
            Sampler::Fixed(v) => Sampler::Fixed(v * f),
            Sampler::Uniform(a, b) => Sampler::Uniform(a * f, b * f),
            Sampler::Triangular(a, c, b) => Sampler::Triangular(a * f, c * f, b * f),
            Sampler::Pert(min, range, beta) => Sampler::Pert(min * f, range * f, *beta),
            Sampler::Normal(m, s) => Sampler::Normal(m * f, s * f),
            Sampler::LogNormal(mu, s) => Sampler::LogNormal(mu + f.ln(), *s),
            Sampler::Gamma(k, theta, g) => match Gamma::new(*k, theta * f) {
                Ok(g2) => Sampler::Gamma(*k, theta * f, g2),
                Err(_) => Sampler::Gamma(*k, *theta, *g),
            },
            Sampler::Exponential(m) => Sampler::Exponential(m * f),
            Sampler::Samples(v) => Sampler::Samples(v.iter().map(|x| x * f).collect()),
            Sampler::Quantiles(q) => {
                Sampler::Quantiles(q.iter().map(|&(p, v)| (p, v * f)).collect())
            }
        }
    }

    /// The largest value this distribution can take (infinity for unbounded families).
    pub fn max(&self) -> f64 {
        match self {
            Sampler::Fixed(v) => *v,
            Sampler::Uniform(_, b) | Sampler::Triangular(_, _, b) => *b,
            Sampler::Pert(min, range, _) => min + range,
            Sampler::Samples(v) => v.iter().cloned().fold(0.0, f64::max),
            Sampler::Quantiles(q) => q[q.len() - 1].1,
            _ => f64::INFINITY,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hazards::rng::{key, stream};

    fn mean_of(s: &Sampler, n: usize) -> f64 {
        let mut r = stream(1, 0, key("t"));
        (0..n).map(|_| s.sample(&mut r)).sum::<f64>() / n as f64
    }

    #[test]
    fn lognormal_by_median_and_p90_hits_both() {
        let s = Sampler::new(&Dist::Lognormal {
            median: Some(2.0),
            p90: Some(4.0),
            mean: None,
            sd: None,
            unit: None,
        })
        .unwrap();
        let mut r = stream(3, 0, key("ln"));
        let mut v: Vec<f64> = (0..200_000).map(|_| s.sample(&mut r)).collect();
        v.sort_by(f64::total_cmp);
        assert!((v[100_000] - 2.0).abs() < 0.03, "median {}", v[100_000]);
        assert!((v[180_000] - 4.0).abs() < 0.08, "p90 {}", v[180_000]);
    }

    #[test]
    fn units_convert_to_hours() {
        let s = Sampler::new(&Dist::Fixed {
            value: 90.0,
            unit: Some("min".into()),
        })
        .unwrap();
        assert_eq!(s.sample(&mut stream(0, 0, 0)), 1.5);
        assert!(
            Sampler::new(&Dist::Fixed {
                value: 1.0,
                unit: Some("weeks".into())
            })
            .is_err()
        );
    }

    #[test]
    fn means_match_closed_forms() {
        let tri = Sampler::new(&Dist::Triangular {
            min: 1.0,
            mode: 2.0,
            max: 6.0,
            unit: None,
        })
        .unwrap();
        assert!((mean_of(&tri, 200_000) - 3.0).abs() < 0.02);
        let ex = Sampler::new(&Dist::Exponential {
            mean: 2.0,
            unit: None,
        })
        .unwrap();
        assert!((mean_of(&ex, 200_000) - 2.0).abs() < 0.03);
        let g = Sampler::new(&Dist::Gamma {
            shape: None,
            scale: None,
            mean: Some(3.0),
            sd: Some(1.0),
            unit: None,
        })
        .unwrap();
        assert!((mean_of(&g, 200_000) - 3.0).abs() < 0.02);
        let p = Sampler::new(&Dist::Pert {
            min: 0.0,
            mode: 1.0,
            max: 8.0,
            unit: None,
        })
        .unwrap();
        // PERT mean = (min + 4 mode + max) / 6 = 2.
        assert!((mean_of(&p, 200_000) - 2.0).abs() < 0.02);
        let q = Sampler::new(&Dist::Empirical {
            samples: None,
            quantiles: Some(vec![[0.0, 0.0], [0.5, 1.0], [1.0, 3.0]]),
            unit: None,
        })
        .unwrap();
        // mean of the piecewise-linear quantile function: 0.5*0.5 + 0.5*2 = 1.25
        assert!((mean_of(&q, 200_000) - 1.25).abs() < 0.02);
    }

    #[test]
    fn bad_parameters_are_refused() {
        assert!(
            Sampler::new(&Dist::Uniform {
                min: 3.0,
                max: 1.0,
                unit: None
            })
            .is_err()
        );
        assert!(
            Sampler::new(&Dist::Fixed {
                value: -1.0,
                unit: None
            })
            .is_err()
        );
        assert!(
            Sampler::new(&Dist::Fixed {
                value: f64::NAN,
                unit: None
            })
            .is_err()
        );
        assert!(
            Sampler::new(&Dist::Lognormal {
                median: Some(2.0),
                p90: None,
                mean: None,
                sd: None,
                unit: None
            })
            .is_err()
        );
        assert!(
            Sampler::new(&Dist::Triangular {
                min: 1.0,
                mode: 5.0,
                max: 4.0,
                unit: None
            })
            .is_err()
        );
    }
}
