//! Fit the scenario's distribution families to past trip durations by maximum likelihood,
//! choose one by AIC, and write it as a scenario distribution. Numbers only, no I/O.
//!
//! Families fitted (those of `docs/scenario-format.md` §3 that have a likelihood worth
//! fitting): exponential (1 parameter), lognormal, gamma, normal and uniform (2 each).
//! Triangular and PERT are for expert judgement (min, mode, max) and are not fitted; an
//! empirical distribution needs no fit.

use super::score::{ks_p_value, ks_statistic};
use crate::stats::normal_cdf;

/// The fewest trips `tepat fit` accepts: with fewer, AIC cannot tell the families apart and
/// the KS test has almost no power.
pub const MIN_TRIPS: usize = 20;

/// A fitted family and its parameters (hours).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Family {
    /// Exponential with this mean.
    Exponential {
        /// Mean.
        mean: f64,
    },
    /// Lognormal: ln X is normal (mu, sigma).
    Lognormal {
        /// Mean of ln X.
        mu: f64,
        /// Sd of ln X.
        sigma: f64,
    },
    /// Gamma (shape k, scale theta).
    Gamma {
        /// Shape.
        shape: f64,
        /// Scale.
        scale: f64,
    },
    /// Normal (mean, sd).
    Normal {
        /// Mean.
        mean: f64,
        /// Sd.
        sd: f64,
    },
    /// Uniform on [min, max].
    Uniform {
        /// Lower end.
        min: f64,
        /// Upper end.
        max: f64,
    },
}

impl Family {
    /// The family's name as `dist` writes it.
    pub fn name(&self) -> &'static str {
        match self {
            Family::Exponential { .. } => "exponential",
            Family::Lognormal { .. } => "lognormal",
            Family::Gamma { .. } => "gamma",
            Family::Normal { .. } => "normal",
            Family::Uniform { .. } => "uniform",
        }
    }

    /// Number of fitted parameters.
    pub fn params(&self) -> usize {
        match self {
            Family::Exponential { .. } => 1,
            _ => 2,
        }
    }

    /// The CDF at x (hours).
    pub fn cdf(&self, x: f64) -> f64 {
        match *self {
            Family::Exponential { mean } => {
                if x <= 0.0 {
                    0.0
                } else {
                    1.0 - (-x / mean).exp()
                }
            }
            Family::Lognormal { mu, sigma } => {
                if x <= 0.0 {
                    0.0
                } else {
                    normal_cdf((x.ln() - mu) / sigma)
                }
            }
            Family::Gamma { shape, scale } => gamma_p(shape, x.max(0.0) / scale),
            Family::Normal { mean, sd } => normal_cdf((x - mean) / sd),
            Family::Uniform { min, max } => ((x - min) / (max - min)).clamp(0.0, 1.0),
        }
    }

    /// The quantile at p in (0, 1), by bisection on the CDF (every family here has a
    /// continuous, increasing CDF on its support).
    pub fn quantile(&self, p: f64) -> f64 {
        let (mut lo, mut hi) = (0.0f64, 1.0f64);
        if let Family::Normal { mean, sd } = *self {
            lo = mean - 40.0 * sd;
            hi = mean + 40.0 * sd;
        }
        while self.cdf(hi) < p {
            hi *= 2.0;
            if hi > 1e300 {
                break;
            }
        }
        for _ in 0..200 {
            let mid = 0.5 * (lo + hi);
            if self.cdf(mid) < p {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        0.5 * (lo + hi)
    }

    /// The log-likelihood of the sample.
    pub fn log_likelihood(&self, x: &[f64]) -> f64 {
        let n = x.len() as f64;
        match *self {
            Family::Exponential { mean } => -n * mean.ln() - x.iter().sum::<f64>() / mean,
            Family::Lognormal { mu, sigma } => x
                .iter()
                .map(|&v| {
                    let z = (v.ln() - mu) / sigma;
                    -v.ln() - sigma.ln() - 0.5 * (2.0 * std::f64::consts::PI).ln() - 0.5 * z * z
                })
                .sum(),
            Family::Gamma { shape, scale } => x
                .iter()
                .map(|&v| (shape - 1.0) * v.ln() - v / scale - ln_gamma(shape) - shape * scale.ln())
                .sum(),
            Family::Normal { mean, sd } => x
                .iter()
                .map(|&v| {
                    let z = (v - mean) / sd;
                    -sd.ln() - 0.5 * (2.0 * std::f64::consts::PI).ln() - 0.5 * z * z
                })
                .sum(),
            Family::Uniform { min, max } => {
                if x.iter().all(|&v| v >= min && v <= max) {
                    -n * (max - min).ln()
                } else {
                    f64::NEG_INFINITY
                }
            }
        }
    }
}

/// One family fitted to a sample.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// The family with its maximum-likelihood parameters.
    pub family: Family,
    /// Standard errors of the parameters, in the order of [`Fitted::param_names`] (from the
    /// Fisher information; none for the uniform, whose ends are not asymptotically normal).
    pub se: Vec<f64>,
    /// Log-likelihood at the fit.
    pub log_likelihood: f64,
    /// Akaike's criterion, 2k − 2 ln L (lower is better).
    pub aic: f64,
    /// Kolmogorov–Smirnov statistic of the sample against the fit.
    pub ks: f64,
    /// Its p-value (conservative: the parameters come from the same sample).
    pub ks_p: f64,
}

impl Fitted {
    /// Names and values of the fitted parameters (hours).
    pub fn params(&self) -> Vec<(&'static str, f64)> {
        match self.family {
            Family::Exponential { mean } => vec![("mean", mean)],
            Family::Lognormal { mu, sigma } => vec![("mu", mu), ("sigma", sigma)],
            Family::Gamma { shape, scale } => vec![("shape", shape), ("scale", scale)],
            Family::Normal { mean, sd } => vec![("mean", mean), ("sd", sd)],
            Family::Uniform { min, max } => vec![("min", min), ("max", max)],
        }
    }
}

/// Why a sample cannot be fitted.
#[derive(Debug, Clone, PartialEq)]
pub enum FitError {
    /// Fewer than [`MIN_TRIPS`] trips.
    TooFew(usize),
    /// Every trip took the same time.
    NoSpread,
}

/// Fit every family that suits the sample (hours, all ≥ 0), best (lowest AIC) first.
///
/// Lognormal, gamma and exponential need every trip longer than 0. The normal is offered only
/// when its fitted mean is at least 3 sd above 0, where the scenario's truncation at 0 changes
/// its likelihood by less than 0.14% per trip (it is fitted without the truncation).
pub fn fit_all(x: &[f64]) -> Result<Vec<Fitted>, FitError> {
    let n = x.len();
    if n < MIN_TRIPS {
        return Err(FitError::TooFew(n));
    }
    let nf = n as f64;
    let mean = x.iter().sum::<f64>() / nf;
    let var = x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / nf;
    if var.is_nan() || var <= 0.0 {
        return Err(FitError::NoSpread);
    }
    let mut out = Vec::new();
    let (min, max) = x
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    let positive = min > 0.0;
    if positive {
        out.push((Family::Exponential { mean }, vec![mean / nf.sqrt()]));
        let logs: Vec<f64> = x.iter().map(|v| v.ln()).collect();
        let mu = logs.iter().sum::<f64>() / nf;
        let sigma = (logs.iter().map(|v| (v - mu).powi(2)).sum::<f64>() / nf).sqrt();
        if sigma > 0.0 {
            out.push((
                Family::Lognormal { mu, sigma },
                vec![sigma / nf.sqrt(), sigma / (2.0 * nf).sqrt()],
            ));
        }
        let s = mean.ln() - mu;
        if s > 0.0 {
            let shape = gamma_shape(s);
            let scale = mean / shape;
            // Inverse Fisher information per trip: [[ψ'(k), 1/θ], [1/θ, k/θ²]]⁻¹.
            let t1 = trigamma(shape);
            let det = t1 * shape / (scale * scale) - 1.0 / (scale * scale);
            let var_k = shape / (scale * scale) / det / nf;
            let var_t = t1 / det / nf;
            out.push((
                Family::Gamma { shape, scale },
                vec![var_k.sqrt(), var_t.sqrt()],
            ));
        }
    }
    let sd = var.sqrt();
    if mean >= 3.0 * sd {
        out.push((
            Family::Normal { mean, sd },
            vec![sd / nf.sqrt(), sd / (2.0 * nf).sqrt()],
        ));
    }
    out.push((Family::Uniform { min, max }, vec![]));
    let mut sorted = x.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let mut fitted: Vec<Fitted> = out
        .into_iter()
        .map(|(family, se)| {
            let ll = family.log_likelihood(x);
            let ks = ks_statistic(&sorted, |v| family.cdf(v));
            Fitted {
                family,
                se,
                log_likelihood: ll,
                aic: 2.0 * family.params() as f64 - 2.0 * ll,
                ks,
                ks_p: ks_p_value(ks, n),
            }
        })
        .collect();
    fitted.sort_by(|a, b| a.aic.total_cmp(&b.aic));
    Ok(fitted)
}

/// The gamma shape that solves ln k − ψ(k) = s (s = ln mean − mean of ln): Minka's starting
/// value, then Newton steps.
fn gamma_shape(s: f64) -> f64 {
    let mut k = (3.0 - s + ((s - 3.0).powi(2) + 24.0 * s).sqrt()) / (12.0 * s);
    for _ in 0..100 {
        let f = k.ln() - digamma(k) - s;
        let df = 1.0 / k - trigamma(k);
        let next = (k - f / df).max(k / 10.0);
        if (next - k).abs() <= 1e-14 * k {
            return next;
        }
        k = next;
    }
    k
}

/// ln Γ(x), x > 0 (Lanczos, g = 7, 9 terms; about 15 digits).
pub fn ln_gamma(x: f64) -> f64 {
    const G: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = G[0];
    let t = x + 7.5;
    for (i, g) in G.iter().enumerate().skip(1) {
        a += g / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// ψ(x), x > 0: recurrence up to 10, then the asymptotic series (error below 1e-13).
fn digamma(mut x: f64) -> f64 {
    let mut r = 0.0;
    while x < 10.0 {
        r -= 1.0 / x;
        x += 1.0;
    }
    let f = 1.0 / (x * x);
    r + x.ln()
        - 0.5 / x
        - f * (1.0 / 12.0 - f * (1.0 / 120.0 - f * (1.0 / 252.0 - f * (1.0 / 240.0 - f / 132.0))))
}

/// ψ'(x), x > 0: recurrence up to 10, then the asymptotic series.
fn trigamma(mut x: f64) -> f64 {
    let mut r = 0.0;
    while x < 10.0 {
        r += 1.0 / (x * x);
        x += 1.0;
    }
    let f = 1.0 / (x * x);
    r + 1.0 / x + f / 2.0 + f / x * (1.0 / 6.0 - f * (1.0 / 30.0 - f * (1.0 / 42.0 - f / 30.0)))
}

/// The regularised lower incomplete gamma function P(a, x) (series below a + 1, continued
/// fraction above; Numerical Recipes §6.2).
fn gamma_p(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let lead = a * x.ln() - x - ln_gamma(a);
    if x < a + 1.0 {
        let (mut sum, mut term, mut ap) = (1.0 / a, 1.0 / a, a);
        for _ in 0..1000 {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if term.abs() < sum.abs() * 1e-15 {
                break;
            }
        }
        (sum.ln() + lead).exp().min(1.0)
    } else {
        let tiny = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..1000 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < tiny {
                d = tiny;
            }
            c = b + an / c;
            if c.abs() < tiny {
                c = tiny;
            }
            d = 1.0 / d;
            let del = d * c;
            h *= del;
            if (del - 1.0).abs() < 1e-15 {
                break;
            }
        }
        (1.0 - (lead.exp() * h)).max(0.0)
    }
}

/// The planner unit for a typical duration of `typical_h` hours: minutes below 1 h, days from
/// 48 h, hours between. Returns the unit name and hours per unit.
pub fn planner_unit(typical_h: f64) -> (&'static str, f64) {
    if typical_h < 1.0 {
        ("min", 1.0 / 60.0)
    } else if typical_h >= 48.0 {
        ("day", 24.0)
    } else {
        ("h", 1.0)
    }
}

/// `x` rounded to 4 significant digits, written without exponent or trailing zeros.
pub fn sig4(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return "0".into();
    }
    let digits = (3 - x.abs().log10().floor() as i32).max(0) as usize;
    let s = format!("{x:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// The fitted family as a scenario distribution (an inline TOML table), in planner units
/// ([`planner_unit`] of the median): the lognormal by median and P90, the gamma and normal by
/// mean and sd, the exponential by mean, the uniform by min and max.
pub fn toml_distribution(f: &Family) -> String {
    let median = f.quantile(0.5);
    let (unit, per) = planner_unit(median);
    let u = |h: f64| sig4(h / per);
    let body = match *f {
        Family::Exponential { mean } => format!("mean = {}", u(mean)),
        Family::Lognormal { mu, sigma } => {
            // z₀.₉ = Φ⁻¹(0.9).
            let p90 = (mu + 1.281_551_565_544_600_4 * sigma).exp();
            format!("median = {}, p90 = {}", u(mu.exp()), u(p90))
        }
        Family::Gamma { shape, scale } => {
            format!(
                "mean = {}, sd = {}",
                u(shape * scale),
                u(shape.sqrt() * scale)
            )
        }
        Family::Normal { mean, sd } => format!("mean = {}, sd = {}", u(mean), u(sd)),
        Family::Uniform { min, max } => format!("min = {}, max = {}", u(min), u(max)),
    };
    format!("{{ dist = \"{}\", {body}, unit = \"{unit}\" }}", f.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_functions() {
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-12);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-12);
        // ψ(1) = −γ; ψ'(1) = π²/6.
        assert!((digamma(1.0) + 0.577_215_664_901_532_9).abs() < 1e-12);
        assert!((trigamma(1.0) - std::f64::consts::PI.powi(2) / 6.0).abs() < 1e-10);
        // Gamma(1, 1) is the exponential; Gamma(2, 1) at 2: 1 − 3e^-2.
        assert!((gamma_p(1.0, 0.7) - (1.0 - (-0.7f64).exp())).abs() < 1e-12);
        assert!((gamma_p(2.0, 2.0) - (1.0 - 3.0 * (-2.0f64).exp())).abs() < 1e-12);
        assert!((gamma_p(3.0, 10.0) - (1.0 - 61.0 * (-10.0f64).exp())).abs() < 1e-12);
    }

    #[test]
    fn refuses_too_few_and_no_spread() {
        assert_eq!(fit_all(&[1.0; 19]), Err(FitError::TooFew(19)));
        assert_eq!(fit_all(&[1.0; 25]), Err(FitError::NoSpread));
    }

    #[test]
    fn distribution_text_in_planner_units() {
        let f = Family::Lognormal {
            mu: (0.5f64).ln(),
            sigma: 0.3,
        };
        let t = toml_distribution(&f);
        assert!(t.starts_with("{ dist = \"lognormal\", median = 30,"), "{t}");
        assert!(t.ends_with("unit = \"min\" }"), "{t}");
        assert_eq!(sig4(2.345678), "2.346");
        assert_eq!(sig4(1234.6), "1235");
        assert_eq!(sig4(0.000123456), "0.0001235");
    }
}
