//! The model's compiled distributions (in hours, km/h for speeds): their laws in closed form
//! (quantile, CDF, mean, largest value) and the standard normal functions they use.
//!
//! The scenario file's distributions are checked and converted into these by [`super::dist`]
//! when a scenario is compiled; drawing from them, with a random stream, is
//! [`crate::hazards::dist`]'s ([`Sampler::sample`]).

use rand_distr::{Beta, Gamma};

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
    /// PERT: min + (max - min) × Beta(α, β), with α (α + β = 6).
    Pert(f64, f64, Beta<f64>, f64),
    /// Normal truncated at 0: (mean, sd > 0, Φ(mean / sd) = the untruncated P(X > 0)).
    /// Drawn by inversion (see [`Sampler::quantile`]).
    Normal(f64, f64, f64),
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

impl Sampler {
    /// Whether [`Sampler::sample`] draws one uniform `u` and returns [`Sampler::quantile`]`(u)`
    /// (uniform, triangular, truncated normal, lognormal, exponential, empirical quantiles).
    pub fn by_inversion(&self) -> bool {
        matches!(
            self,
            Sampler::Uniform(..)
                | Sampler::Triangular(..)
                | Sampler::Normal(..)
                | Sampler::LogNormal(..)
                | Sampler::Exponential(..)
                | Sampler::Quantiles(..)
        )
    }

    /// The value that [`Sampler::sample`] returns when its uniform draw is `u` in [0, 1), for
    /// the families of [`Sampler::by_inversion`] (NaN for the others). Non-decreasing in `u`.
    #[inline]
    pub fn quantile(&self, u: f64) -> f64 {
        match self {
            Sampler::Uniform(a, b) => a + (b - a) * u,
            Sampler::Triangular(a, c, b) => {
                let fc = if b > a { (c - a) / (b - a) } else { 0.5 };
                // Both sides computed, then selected: no branch on the random `u`.
                let left = a + ((b - a) * (c - a) * u).sqrt();
                let right = b - ((b - a) * (b - c) * (1.0 - u)).sqrt();
                if u < fc { left } else { right }
            }
            Sampler::LogNormal(mu, sigma) => (mu + sigma * std_normal_quantile(u)).exp(),
            // Truncated at 0: X = m + s Z with Z conditioned on Z > −m/s. −Z is a standard
            // normal conditioned on −Z < m/s, whose quantile at v is Φ⁻¹(v Φ(m/s)); with
            // v = 1 − u the draw rises with u, and the lower tail of Φ⁻¹ keeps its precision
            // when the mean is below 0 (Φ(m/s) small). Never below 0, even by rounding.
            Sampler::Normal(m, s, pz) => (m - s * std_normal_quantile((1.0 - u) * pz)).max(0.0),
            Sampler::Exponential(mean) => -mean * (1.0 - u).ln(),
            Sampler::Quantiles(q) => {
                let i = q.partition_point(|&(p, _)| p <= u).clamp(1, q.len() - 1);
                let (p0, v0) = q[i - 1];
                let (p1, v1) = q[i];
                v0 + (v1 - v0) * (u - p0) / (p1 - p0)
            }
            _ => f64::NAN,
        }
    }

    /// An approximation (to about 1e-7) of P(X ≤ x) for the families of
    /// [`Sampler::by_inversion`] (NaN for the others). The engine uses it only to place
    /// thresholds on `u` that it then checks with [`Sampler::quantile`] itself.
    pub fn cdf(&self, x: f64) -> f64 {
        match self {
            Sampler::Uniform(a, b) => {
                if x < *a {
                    0.0
                } else if x >= *b {
                    1.0
                } else {
                    (x - a) / (b - a)
                }
            }
            Sampler::Triangular(a, c, b) => {
                if x <= *a {
                    0.0
                } else if x >= *b {
                    1.0
                } else if x <= *c {
                    (x - a) * (x - a) / ((b - a) * (c - a))
                } else {
                    1.0 - (b - x) * (b - x) / ((b - a) * (b - c))
                }
            }
            Sampler::LogNormal(mu, sigma) => {
                if x <= 0.0 {
                    0.0
                } else if *sigma == 0.0 {
                    if x.ln() >= *mu { 1.0 } else { 0.0 }
                } else {
                    crate::stats::normal_cdf((x.ln() - mu) / sigma)
                }
            }
            Sampler::Exponential(mean) => {
                if x <= 0.0 {
                    0.0
                } else {
                    1.0 - (-x / mean).exp()
                }
            }
            // P(X ≤ x) = 1 − P(Z > (x − m)/s) / P(Z > −m/s), in upper tails (no cancellation).
            Sampler::Normal(m, s, pz) => {
                if x <= 0.0 {
                    0.0
                } else {
                    1.0 - std_normal_cdf((m - x) / s) / pz
                }
            }
            Sampler::Quantiles(q) => {
                if x < q[0].1 {
                    return 0.0;
                }
                if x >= q[q.len() - 1].1 {
                    return 1.0;
                }
                let i = q.partition_point(|&(_, v)| v <= x).clamp(1, q.len() - 1);
                let (p0, v0) = q[i - 1];
                let (p1, v1) = q[i];
                if v1 > v0 {
                    p0 + (p1 - p0) * (x - v0) / (v1 - v0)
                } else {
                    p1
                }
            }
            _ => f64::NAN,
        }
    }

    /// The same distribution with every value multiplied by `f` (> 0): what-if analyses.
    pub fn scaled(&self, f: f64) -> Sampler {
        match self {
            Sampler::Fixed(v) => Sampler::Fixed(v * f),
            Sampler::Uniform(a, b) => Sampler::Uniform(a * f, b * f),
            Sampler::Triangular(a, c, b) => Sampler::Triangular(a * f, c * f, b * f),
            Sampler::Pert(min, range, beta, a) => Sampler::Pert(min * f, range * f, *beta, *a),
            Sampler::Normal(m, s, pz) => Sampler::Normal(m * f, s * f, *pz),
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
            Sampler::Pert(min, range, ..) => min + range,
            Sampler::Samples(v) => v.iter().cloned().fold(0.0, f64::max),
            Sampler::Quantiles(q) => q[q.len() - 1].1,
            _ => f64::INFINITY,
        }
    }
}

/// The standard normal CDF Φ(x), to about 1e-15 relative: for |x| < 1.5 by the series
/// Φ(x) = 1/2 + φ(x) Σ x^(2n+1) / (1·3·…·(2n+1)), beyond by the continued fraction of the
/// upper tail, Q(t) = φ(t) / (t + 1/(t + 2/(t + 3/(t + …)))), t = |x|.
pub fn std_normal_cdf(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    let density = |t: f64| (-0.5 * t * t).exp() / (2.0 * std::f64::consts::PI).sqrt();
    if x.abs() < 1.5 {
        let (x2, mut term, mut sum) = (x * x, x, x);
        let mut n = 0.0;
        while term.abs() > 1e-17 * sum.abs() {
            n += 1.0;
            term *= x2 / (2.0 * n + 1.0);
            sum += term;
        }
        return 0.5 + density(x) * sum;
    }
    let t = x.abs();
    let mut f = t;
    for k in (1..=200).rev() {
        f = t + k as f64 / f;
    }
    let tail = density(t) / f;
    if x < 0.0 { tail } else { 1.0 - tail }
}

/// The mean of a compiled distribution, hours (km/h for speeds), in closed form.
pub fn mean_of(s: &Sampler) -> f64 {
    match s {
        Sampler::Fixed(v) | Sampler::Exponential(v) => *v,
        Sampler::Uniform(a, b) => (a + b) / 2.0,
        Sampler::Triangular(a, c, b) => (a + c + b) / 3.0,
        // α / (α + β) = α / 6: the PERT mean (min + 4 mode + max) / 6.
        Sampler::Pert(min, range, _, alpha) => min + range * alpha / 6.0,
        Sampler::Normal(m, sd, pz) => {
            let z = m / sd;
            m + sd * (-0.5 * z * z).exp() / (2.0 * std::f64::consts::PI).sqrt() / pz
        }
        Sampler::LogNormal(mu, sigma) => (mu + sigma * sigma / 2.0).exp(),
        Sampler::Gamma(k, theta, _) => k * theta,
        Sampler::Samples(v) => v.iter().sum::<f64>() / v.len() as f64,
        Sampler::Quantiles(q) => q
            .windows(2)
            .map(|w| (w[1].0 - w[0].0) * (w[0].1 + w[1].1) / 2.0)
            .sum(),
    }
}

/// The standard normal quantile Φ⁻¹(p), by Wichura's algorithm AS 241 (PPND16, Applied
/// Statistics 37, 1988), accurate to about 1 part in 10¹⁶. `p = 0` gives −∞.
#[inline]
pub fn std_normal_quantile(p: f64) -> f64 {
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        let num = (((((((2.509_080_928_730_122_7e3 * r + 3.343_057_558_358_813e4) * r
            + 6.726_577_092_700_87e4)
            * r
            + 4.592_195_393_154_987e4)
            * r
            + 1.373_169_376_550_946e4)
            * r
            + 1.971_590_950_306_551_3e3)
            * r
            + 1.331_416_678_917_843_8e2)
            * r
            + 3.387_132_872_796_366_5)
            * q;
        let den = ((((((5.226_495_278_852_854e3 * r + 2.872_908_573_572_194_3e4) * r
            + 3.930_789_580_009_271e4)
            * r
            + 2.121_379_430_158_659_7e4)
            * r
            + 5.394_196_021_424_751e3)
            * r
            + 6.871_870_074_920_579e2)
            * r
            + 4.231_333_070_160_091e1)
            * r
            + 1.0;
        return num / den;
    }
    let mut r = if q < 0.0 { p } else { 1.0 - p };
    if r <= 0.0 {
        return if q < 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    r = (-r.ln()).sqrt();
    let x = if r <= 5.0 {
        r -= 1.6;
        let num = ((((((7.745_450_142_783_414e-4 * r + 2.272_384_498_926_918_4e-2) * r
            + 2.417_807_251_774_506e-1)
            * r
            + 1.270_458_252_452_368_4)
            * r
            + 3.647_848_324_763_204_5)
            * r
            + 5.769_497_221_460_691)
            * r
            + 4.630_337_846_156_546)
            * r
            + 1.423_437_110_749_683_5;
        let den = ((((((1.050_750_071_644_416_8e-9 * r + 5.475_938_084_995_345e-4) * r
            + 1.519_866_656_361_645_7e-2)
            * r
            + 1.481_039_764_274_800_8e-1)
            * r
            + 6.897_673_349_851e-1)
            * r
            + 1.676_384_830_183_803_8)
            * r
            + 2.053_191_626_637_759)
            * r
            + 1.0;
        num / den
    } else {
        r -= 5.0;
        let num = ((((((2.010_334_399_292_288_1e-7 * r + 2.711_555_568_743_487_6e-5) * r
            + 1.242_660_947_388_078_4e-3)
            * r
            + 2.653_218_952_657_612_4e-2)
            * r
            + 2.965_605_718_285_048_7e-1)
            * r
            + 1.784_826_539_917_291_3)
            * r
            + 5.463_784_911_164_114)
            * r
            + 6.657_904_643_501_103;
        let den = ((((((2.044_263_103_389_939_7e-15 * r + 1.421_511_758_316_446e-7) * r
            + 1.846_318_317_510_054_8e-5)
            * r
            + 7.868_691_311_456_133e-4)
            * r
            + 1.487_536_129_085_061_5e-2)
            * r
            + 1.369_298_809_227_358e-1)
            * r
            + 5.998_322_065_558_88e-1)
            * r
            + 1.0;
        num / den
    };
    if q < 0.0 { -x } else { x }
}

#[cfg(test)]
mod tests {
    use super::*;
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
    fn source_key_is_fnv1a() {
        // Published FNV-1a 64 test vector.
        assert_eq!(crate::model::source_key("a"), 0xaf63dc4c8601ec8c);
    }
}
