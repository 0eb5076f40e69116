//! Distributions as the scenario file writes them (`scenario::Dist`, in planner units),
//! checked and converted into the model's samplers in hours.

use rand_distr::{Beta, Gamma};

use super::sampler::{Sampler, std_normal_cdf};
use crate::lang::{Msg, MsgArg, msg};
use crate::scenario::Dist;

/// The factor from a distribution's unit to hours.
pub fn unit_factor(unit: Option<&str>) -> Result<f64, Msg> {
    match unit.unwrap_or("h") {
        "h" | "hour" | "hours" => Ok(1.0),
        "min" | "minute" | "minutes" => Ok(1.0 / 60.0),
        "day" | "days" => Ok(24.0),
        other => Err(msg!("e401", v = other)),
    }
}

fn finite(name: impl Into<MsgArg>, v: f64) -> Result<f64, Msg> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(msg!("e402", name = name, v = v))
    }
}

fn nonneg(name: impl Into<MsgArg>, v: f64) -> Result<f64, Msg> {
    let name = name.into();
    finite(name.clone(), v)?;
    if v < 0.0 {
        Err(msg!("e403", name = name, v = v))
    } else {
        Ok(v)
    }
}

fn positive(name: impl Into<MsgArg>, v: f64) -> Result<f64, Msg> {
    let name = name.into();
    finite(name.clone(), v)?;
    if v <= 0.0 {
        Err(msg!("e404", name = name, v = v))
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
pub fn sampler(d: &Dist) -> Result<Sampler, Msg> {
    let s = build(d)?;
    if let Some(x) = scales(&s)
        .into_iter()
        .find(|x| x.is_nan() || *x > MAX_VALUE)
    {
        return Err(msg!("e411", x = x, max = MAX_VALUE));
    }
    Ok(s)
}

fn build(d: &Dist) -> Result<Sampler, Msg> {
    let f = unit_factor(unit_of(d))?;
    Ok(match d {
        Dist::Fixed { value, .. } => Sampler::Fixed(nonneg("value", *value)? * f),
        Dist::Uniform { min, max, .. } => {
            nonneg("min", *min)?;
            finite("max", *max)?;
            if max < min {
                return Err(msg!("e405", max = *max, min = *min));
            }
            Sampler::Uniform(min * f, max * f)
        }
        Dist::Triangular { min, mode, max, .. } | Dist::Pert { min, mode, max, .. } => {
            nonneg("min", *min)?;
            finite("mode", *mode)?;
            finite("max", *max)?;
            if !(min <= mode && mode <= max) {
                return Err(msg!("e406", min = *min, mode = *mode, max = *max));
            }
            if let Dist::Pert { .. } = d {
                if max == min {
                    Sampler::Fixed(min * f)
                } else {
                    let a = 1.0 + 4.0 * (mode - min) / (max - min);
                    let b = 1.0 + 4.0 * (max - mode) / (max - min);
                    let beta = Beta::new(a, b).map_err(|e| msg!("e901", reason = e.to_string()))?;
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
                return Err(msg!("e407"));
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
                    return Err(msg!("e408", p = *p, m = *m));
                }
                Sampler::LogNormal((m * f).ln(), (p / m).ln() / Z90)
            }
            (None, None, Some(mu), Some(s)) => {
                positive("mean", *mu)?;
                nonneg("sd", *s)?;
                let s2 = (1.0 + (s / mu).powi(2)).ln();
                Sampler::LogNormal((mu * f).ln() - s2 / 2.0, s2.sqrt())
            }
            _ => return Err(msg!("e409")),
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
                _ => return Err(msg!("e410")),
            };
            let (mean, sd) = (k * theta * f, k.sqrt() * theta * f);
            if mean.is_nan() || mean > MAX_VALUE || sd.is_nan() || sd > MAX_VALUE {
                return Err(msg!("e411-gamma", mean = mean, sd = sd, max = MAX_VALUE));
            }
            Sampler::Gamma(
                k,
                theta * f,
                Gamma::new(k, theta * f).map_err(|e| msg!("e902", reason = e.to_string()))?,
            )
        }
        Dist::Exponential { mean, .. } => Sampler::Exponential(positive("mean", *mean)? * f),
        Dist::Empirical {
            samples, quantiles, ..
        } => match (samples, quantiles) {
            (Some(s), None) => {
                if s.is_empty() {
                    return Err(msg!("e412"));
                }
                let mut v = Vec::with_capacity(s.len());
                for x in s {
                    v.push(nonneg(msg!("each-sample"), *x)? * f);
                }
                Sampler::Samples(v)
            }
            (None, Some(q)) => {
                if q.len() < 2 {
                    return Err(msg!("e413"));
                }
                let mut out = Vec::with_capacity(q.len());
                for (i, [p, v]) in q.iter().enumerate() {
                    finite("probability", *p)?;
                    nonneg("value", *v)?;
                    if let Some(&(pp, pv)) = out.last()
                        && (*p <= pp || *v * f < pv)
                    {
                        return Err(msg!("e414", i = i));
                    }
                    out.push((*p, v * f));
                }
                if out[0].0 != 0.0 || out[out.len() - 1].0 != 1.0 {
                    return Err(msg!("e415"));
                }
                Sampler::Quantiles(out)
            }
            _ => return Err(msg!("e416")),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn units_convert_to_hours() {
        let s = sampler(&Dist::Fixed {
            value: 90.0,
            unit: Some("min".into()),
        })
        .unwrap();
        assert!(matches!(s, Sampler::Fixed(v) if v == 1.5), "{s:?}");
        assert!(
            sampler(&Dist::Fixed {
                value: 1.0,
                unit: Some("weeks".into())
            })
            .is_err()
        );
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
