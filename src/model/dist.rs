//! Distributions as the scenario file writes them (`scenario::Dist`, in planner units),
//! checked and converted into the model's samplers in hours.

use rand_distr::{Beta, Gamma};

use crate::hazards::dist::{Sampler, std_normal_cdf};
use crate::scenario::Dist;

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
        Sampler::Uniform(a, b) | Sampler::Normal(a, b, _) => vec![*a, *b],
        Sampler::Triangular(a, c, b) => vec![*a, *c, *b],
        Sampler::Pert(min, range, ..) => vec![*min, min + range],
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

/// Compile a distribution; `Err` says what is wrong and how to fix it.
pub fn sampler(d: &Dist) -> Result<Sampler, String> {
    let s = build(d)?;
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
                    let beta = Beta::new(a, b).map_err(|e| format!("PERT shape invalid: {e}"))?;
                    Sampler::Pert(min * f, (max - min) * f, beta, a)
                }
            } else {
                Sampler::Triangular(min * f, mode * f, max * f)
            }
        }
        Dist::Normal { mean, sd, .. } => {
            finite("mean", *mean)?;
            nonneg("sd", *sd)?;
            if *mean + 3.0 * sd < 0.0 {
                return Err(
                    "mean is so far below 0 that almost every draw is truncated; use a mean >= 0"
                        .into(),
                );
            }
            if *sd == 0.0 {
                Sampler::Fixed(mean * f)
            } else {
                Sampler::Normal(mean * f, sd * f, std_normal_cdf(mean / sd))
            }
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
                (Some(k), Some(t), None, None) => (positive("shape", *k)?, positive("scale", *t)?),
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
                    return Err("quantiles needs at least two [probability, value] pairs".into());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hazards::dist::{mean_of, std_normal_quantile};
    use crate::hazards::rng::{key, stream, uniform};

    /// `k` of `n` against probability `p`, within 4 standard errors.
    fn within_4se(what: &str, k: usize, n: usize, p: f64) {
        let se = (p * (1.0 - p) / n as f64).sqrt();
        let z = (k as f64 / n as f64 - p) / se;
        assert!(
            z.abs() <= 4.0,
            "{what}: {} vs {p} ({z:.2} SE)",
            k as f64 / n as f64
        );
    }

    #[test]
    fn lognormal_by_median_and_p90_hits_both() {
        let s = sampler(&Dist::Lognormal {
            median: Some(2.0),
            p90: Some(4.0),
            mean: None,
            sd: None,
            unit: None,
        })
        .unwrap();
        let mut r = stream(3, 0, key("ln"));
        let n = 400_000;
        let v: Vec<f64> = (0..n).map(|_| s.sample(&mut r)).collect();
        within_4se(
            "P(X <= median)",
            v.iter().filter(|&&x| x <= 2.0).count(),
            n,
            0.5,
        );
        within_4se(
            "P(X <= p90)",
            v.iter().filter(|&&x| x <= 4.0).count(),
            n,
            0.9,
        );
    }

    #[test]
    fn the_normal_cdf_is_exact_to_the_last_digits() {
        // Reference values (R: pnorm), and Φ⁻¹(Φ(x)) = x through AS 241.
        for (x, p) in [
            (-1.0, 0.158_655_253_931_457_05),
            (-2.0, 0.022_750_131_948_179_21),
            (-2.9, 0.001_865_813_300_384_037_6),
            (1.5, 0.933_192_798_731_141_9),
        ] {
            let got = std_normal_cdf(x);
            assert!((got - p).abs() <= 1e-14 * p, "Φ({x}) = {got}, not {p}");
        }
        // (Above 3, Φ(x) is too close to 1 for a double to hold x back to 1e-9.)
        for i in -800..=300 {
            let x = i as f64 / 100.0;
            let back = std_normal_quantile(std_normal_cdf(x));
            assert!(
                (back - x).abs() < 1e-9 * x.abs().max(1.0),
                "Φ⁻¹(Φ({x})) = {back}"
            );
        }
    }

    #[test]
    fn a_truncated_normal_far_below_zero_has_its_exact_law() {
        // The old sampler gave up after 64 redraws and returned 0: at a mean 2 sd below 0 a
        // fifth of the draws, at 2.9 sd nine tenths. By inversion every allowed mean is exact.
        for mean in [-2.0, -2.9, 0.5, 3.0] {
            let s = sampler(&Dist::Normal {
                mean,
                sd: 1.0,
                unit: None,
            })
            .unwrap();
            assert!(s.by_inversion());
            let exact = |x: f64| 1.0 - std_normal_cdf(mean - x) / std_normal_cdf(mean);
            let mut r = stream(8, 0, key("tn"));
            let n = 400_000;
            let v: Vec<f64> = (0..n).map(|_| s.sample(&mut r)).collect();
            assert!(v.iter().all(|&x| x >= 0.0));
            for x in [0.05, 0.25, 1.0] {
                let k = v.iter().filter(|&&y| y <= x).count();
                within_4se(&format!("mean {mean}: P(X <= {x})"), k, n, exact(x));
                assert!((s.cdf(x) - exact(x)).abs() < 1e-12, "cdf({x})");
            }
            // The quantile inverts the CDF.
            for u in [0.1, 0.5, 0.9] {
                assert!((exact(s.quantile(u)) - u).abs() < 1e-9, "quantile({u})");
            }
        }
    }

    #[test]
    fn normal_quantile_matches_known_values_and_is_monotone() {
        let cases = [
            (0.5, 0.0),
            (0.9, 1.281_551_565_544_600_5),
            (0.975, 1.959_963_984_540_054),
            (0.025, -1.959_963_984_540_054),
            (0.999, 3.090_232_306_167_813_5),
            (1e-10, -6.361_340_902_404_056),
            (1e-300, -37.047_096_299_361_2),
        ];
        for (p, z) in cases {
            let got = std_normal_quantile(p);
            assert!(
                (got - z).abs() <= 1e-13 * z.abs().max(1.0),
                "Φ⁻¹({p}) = {got}, not {z}"
            );
        }
        assert_eq!(std_normal_quantile(0.0), f64::NEG_INFINITY);
        let mut prev = f64::NEG_INFINITY;
        for i in 1..200_000 {
            let z = std_normal_quantile(i as f64 / 200_000.0);
            assert!(z > prev, "not increasing at {i}");
            prev = z;
        }
    }

    #[test]
    fn inversion_families_sample_their_quantile_and_cdf_inverts_it() {
        let dists = [
            Dist::Uniform {
                min: 1.0,
                max: 3.0,
                unit: None,
            },
            Dist::Triangular {
                min: 0.5,
                mode: 1.0,
                max: 3.0,
                unit: None,
            },
            Dist::Lognormal {
                median: Some(2.0),
                p90: Some(5.0),
                mean: None,
                sd: None,
                unit: None,
            },
            Dist::Exponential {
                mean: 2.0,
                unit: None,
            },
            Dist::Empirical {
                samples: None,
                quantiles: Some(vec![[0.0, 1.0], [0.5, 2.0], [1.0, 6.0]]),
                unit: None,
            },
            Dist::Normal {
                mean: -1.5,
                sd: 1.0,
                unit: None,
            },
        ];
        for d in &dists {
            let s = sampler(d).unwrap();
            assert!(s.by_inversion());
            let (mut r1, mut r2) = (stream(4, 1, key("q")), stream(4, 1, key("q")));
            for _ in 0..1000 {
                let x = s.sample(&mut r1);
                let u = uniform(&mut r2);
                assert_eq!(x.to_bits(), s.quantile(u).to_bits(), "{d:?}");
                assert!(
                    (s.cdf(x) - u).abs() < 1e-6,
                    "{d:?}: cdf({x}) = {} vs {u}",
                    s.cdf(x)
                );
            }
        }
    }

    #[test]
    fn units_convert_to_hours() {
        let s = sampler(&Dist::Fixed {
            value: 90.0,
            unit: Some("min".into()),
        })
        .unwrap();
        assert_eq!(s.sample(&mut stream(0, 0, 0)), 1.5);
        assert!(
            sampler(&Dist::Fixed {
                value: 1.0,
                unit: Some("weeks".into())
            })
            .is_err()
        );
    }

    #[test]
    fn means_match_closed_forms_within_4_standard_errors() {
        let d = |d: Dist| sampler(&d).unwrap();
        let cases = [
            // Triangular: (min + mode + max) / 3.
            (
                d(Dist::Triangular {
                    min: 1.0,
                    mode: 2.0,
                    max: 6.0,
                    unit: None,
                }),
                3.0,
            ),
            (
                d(Dist::Exponential {
                    mean: 2.0,
                    unit: None,
                }),
                2.0,
            ),
            (
                d(Dist::Gamma {
                    shape: None,
                    scale: None,
                    mean: Some(3.0),
                    sd: Some(1.0),
                    unit: None,
                }),
                3.0,
            ),
            // PERT: (min + 4 mode + max) / 6.
            (
                d(Dist::Pert {
                    min: 0.0,
                    mode: 1.0,
                    max: 8.0,
                    unit: None,
                }),
                2.0,
            ),
            // Piecewise-linear quantile function: 0.5 × 0.5 + 0.5 × 2.
            (
                d(Dist::Empirical {
                    samples: None,
                    quantiles: Some(vec![[0.0, 0.0], [0.5, 1.0], [1.0, 3.0]]),
                    unit: None,
                }),
                1.25,
            ),
            (
                d(Dist::Empirical {
                    samples: Some(vec![1.0, 2.0, 2.0, 7.0]),
                    quantiles: None,
                    unit: None,
                }),
                3.0,
            ),
            // Lognormal by mean and sd.
            (
                d(Dist::Lognormal {
                    median: None,
                    p90: None,
                    mean: Some(4.0),
                    sd: Some(3.0),
                    unit: None,
                }),
                4.0,
            ),
            // Normal truncated at 0, mean 1, sd 1: 1 + φ(1) / Φ(1).
            (
                d(Dist::Normal {
                    mean: 1.0,
                    sd: 1.0,
                    unit: None,
                }),
                1.0 + 0.241_970_724_519_143_37 / 0.841_344_746_068_542_9,
            ),
        ];
        let n = 400_000;
        for (s, exact) in cases {
            assert!((mean_of(&s) - exact).abs() < 1e-9, "mean_of {s:?}");
            let mut r = stream(1, 0, key("t"));
            let v: Vec<f64> = (0..n).map(|_| s.sample(&mut r)).collect();
            let mean = v.iter().sum::<f64>() / n as f64;
            let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
            let se = (var / n as f64).sqrt();
            assert!(
                ((mean - exact) / se).abs() <= 4.0,
                "{s:?}: mean {mean} vs {exact} ({:.2} SE)",
                (mean - exact) / se
            );
        }
    }

    #[test]
    fn bad_parameters_are_refused() {
        assert!(
            sampler(&Dist::Uniform {
                min: 3.0,
                max: 1.0,
                unit: None
            })
            .is_err()
        );
        assert!(
            sampler(&Dist::Fixed {
                value: -1.0,
                unit: None
            })
            .is_err()
        );
        assert!(
            sampler(&Dist::Fixed {
                value: f64::NAN,
                unit: None
            })
            .is_err()
        );
        assert!(
            sampler(&Dist::Lognormal {
                median: Some(2.0),
                p90: None,
                mean: None,
                sd: None,
                unit: None
            })
            .is_err()
        );
        assert!(
            sampler(&Dist::Triangular {
                min: 1.0,
                mode: 5.0,
                max: 4.0,
                unit: None
            })
            .is_err()
        );
    }
}
