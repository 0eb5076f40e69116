//! How well a predictive distribution foresaw one observed value: its predictive percentile
//! (PIT), its probability or density, and proper scores (log score, Brier score, CRPS); and the
//! Kolmogorov–Smirnov statistic with its p-value. Numbers only, no I/O.
//!
//! A predictive distribution is the sample of a quantity over the replications of a run
//! ([`Predictive`]), each draw equally likely. An observation is an interval `[lo, hi]` of
//! values (a point when `lo == hi`; `lo = −∞` for "at or before", `hi = +∞` for "at or after"),
//! which covers what a record says: "arrived at 10:00", "arrived on 13 Feb", "by 12 Feb",
//! "7 kecamatan", "yes".

/// The predictive distribution of one quantity: its draws, sorted.
#[derive(Debug, Clone)]
pub struct Predictive {
    sorted: Vec<f64>,
}

impl Predictive {
    /// From the draws (any order; NaN is not allowed and is treated as the largest value).
    pub fn new(mut draws: Vec<f64>) -> Self {
        draws.sort_by(|a, b| a.total_cmp(b));
        Predictive { sorted: draws }
    }

    /// The draws, sorted.
    pub fn draws(&self) -> &[f64] {
        &self.sorted
    }

    /// Number of draws.
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// Whether there are no draws.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// P(X < x).
    pub fn below(&self, x: f64) -> f64 {
        if self.sorted.is_empty() {
            return f64::NAN;
        }
        self.sorted.partition_point(|&v| v < x) as f64 / self.sorted.len() as f64
    }

    /// P(X ≤ x).
    pub fn at_most(&self, x: f64) -> f64 {
        if self.sorted.is_empty() {
            return f64::NAN;
        }
        self.sorted.partition_point(|&v| v <= x) as f64 / self.sorted.len() as f64
    }

    /// The q-quantile: the smallest draw `x` with P(X ≤ x) ≥ q (q in (0, 1]).
    pub fn quantile(&self, q: f64) -> f64 {
        let n = self.sorted.len();
        if n == 0 {
            return f64::NAN;
        }
        let k = ((q * n as f64).ceil() as usize).clamp(1, n);
        self.sorted[k - 1]
    }

    /// Whether every draw is a whole number (a count or a yes/no).
    pub fn is_discrete(&self) -> bool {
        self.sorted.iter().all(|v| v.fract() == 0.0)
    }

    /// Density at `x` by a Gaussian kernel with Silverman's bandwidth
    /// `0.9 min(sd, IQR/1.34) n^(−1/5)` (at least 1e-9 of the range). 0 for a sample with no spread.
    pub fn density(&self, x: f64) -> f64 {
        let n = self.sorted.len();
        if n < 2 {
            return 0.0;
        }
        let mean = self.sorted.iter().sum::<f64>() / n as f64;
        let var = self.sorted.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
        let iqr = self.quantile(0.75) - self.quantile(0.25);
        let spread = if iqr > 0.0 {
            var.sqrt().min(iqr / 1.34)
        } else {
            var.sqrt()
        };
        let range = self.sorted[n - 1] - self.sorted[0];
        if spread.is_nan() || spread <= 0.0 || !range.is_finite() {
            return 0.0;
        }
        let h = (0.9 * spread * (n as f64).powf(-0.2)).max(range * 1e-9);
        // Only draws within 8 bandwidths contribute more than e^-32 each.
        let lo = self.sorted.partition_point(|&v| v < x - 8.0 * h);
        let hi = self.sorted.partition_point(|&v| v <= x + 8.0 * h);
        let s: f64 = self.sorted[lo..hi]
            .iter()
            .map(|v| (-0.5 * ((x - v) / h).powi(2)).exp())
            .sum();
        s / (n as f64 * h * (2.0 * std::f64::consts::PI).sqrt())
    }

    /// The continuous ranked probability score of the point `y`:
    /// `E|X − y| − ½ E|X − X'|`, exact for the sample (its empirical distribution). Lower is
    /// better; in the unit of the quantity.
    pub fn crps(&self, y: f64) -> f64 {
        let n = self.sorted.len();
        if n == 0 {
            return f64::NAN;
        }
        let nf = n as f64;
        let e_abs: f64 = self.sorted.iter().map(|v| (v - y).abs()).sum::<f64>() / nf;
        // E|X − X'| over ordered pairs = (2 / n²) Σ_i (2i − n − 1) x_(i), i from 1.
        let spread: f64 = self
            .sorted
            .iter()
            .enumerate()
            .map(|(i, v)| (2.0 * (i + 1) as f64 - nf - 1.0) * v)
            .sum::<f64>()
            * 2.0
            / (nf * nf);
        e_abs - 0.5 * spread
    }
}

/// What kind of value an observation is, which decides its scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A time or other continuous quantity: CRPS; the density for a point, the probability
    /// for an interval.
    Continuous,
    /// A count: CRPS and the probability of the observed count.
    Count,
    /// Yes (1) or no (0): Brier score and log score of the probability of what happened.
    Event,
}

/// An observed value: the interval `[lo, hi]` it is known to lie in (both ends included).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observed {
    /// Lower end (−∞: no lower bound).
    pub lo: f64,
    /// Upper end (+∞: no upper bound).
    pub hi: f64,
}

impl Observed {
    /// A point observation.
    pub fn point(x: f64) -> Self {
        Observed { lo: x, hi: x }
    }
    /// Whether it is one value.
    pub fn is_point(&self) -> bool {
        self.lo == self.hi
    }
    /// Whether one end is open (−∞ or +∞): "by", "not before".
    pub fn is_one_sided(&self) -> bool {
        !self.lo.is_finite() || !self.hi.is_finite()
    }
}

/// The scores of one observed value against its predictive distribution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// P(X < lo): the predictive percentile just below the observation.
    pub pit_lo: f64,
    /// P(X ≤ hi): the predictive percentile at the top of the observation.
    pub pit_hi: f64,
    /// The predictive percentile (PIT) of the observation: the middle of `[pit_lo, pit_hi]`
    /// (for a continuous point both are F(y)). Uniform on (0, 1) when the model is right.
    pub pit: f64,
    /// Whether the observation meets the central 95% of the predictive distribution: not
    /// wholly in the lower 2.5% (`pit_hi ≥ 0.025`) nor wholly in the upper 2.5%
    /// (`pit_lo ≤ 0.975`).
    pub central_95: bool,
    /// The predictive probability of the observation (an interval, a count, an event), or its
    /// predictive density (a continuous point, per unit).
    pub probability: f64,
    /// Whether `probability` is a density.
    pub is_density: bool,
    /// Log score: −ln(probability or density), with a probability of 0 counted as half a
    /// draw (1 / 2n) so that it stays finite. Lower is better.
    pub log_score: f64,
    /// Brier score (events and one-sided observations): (P(what happened) − 1)². Lower is better.
    pub brier: Option<f64>,
    /// CRPS (continuous and count points, and two-sided intervals at their middle). Lower is
    /// better.
    pub crps: Option<f64>,
}

/// Score the observation `o` of a quantity of kind `kind` against `p`.
pub fn score(p: &Predictive, kind: Kind, o: Observed) -> Score {
    let n = p.len().max(1) as f64;
    let pit_lo = p.below(o.lo);
    let pit_hi = p.at_most(o.hi);
    let pit = 0.5 * (pit_lo + pit_hi);
    let central_95 = pit_hi >= 0.025 && pit_lo <= 0.975;
    let mass = (pit_hi - pit_lo).max(0.0);
    let (probability, is_density) = if kind == Kind::Continuous && o.is_point() {
        (p.density(o.lo), true)
    } else {
        (mass, false)
    };
    let floor = if is_density { 0.0 } else { 0.5 / n };
    let log_score = -(probability.max(floor)).ln();
    let brier = (kind == Kind::Event || o.is_one_sided()).then(|| (mass - 1.0).powi(2));
    let crps = match kind {
        Kind::Event => None,
        _ if o.is_one_sided() => None,
        _ => Some(p.crps(0.5 * (o.lo + o.hi))),
    };
    Score {
        pit_lo,
        pit_hi,
        pit,
        central_95,
        probability,
        is_density,
        log_score,
        brier,
        crps,
    }
}

/// The randomised PIT of a discrete observation: `pit_lo + v (pit_hi − pit_lo)` for a uniform
/// `v`; uniform on (0, 1) when the model is right, also for counts and events (and equal to
/// the PIT for a continuous point).
pub fn randomised_pit(s: &Score, v: f64) -> f64 {
    s.pit_lo + v * (s.pit_hi - s.pit_lo)
}

/// One row of a calibration table: of the items, how many met the central `level` of their
/// predictive distribution, against the `level` expected of a calibrated model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coverage {
    /// The central share, like 0.5 or 0.95.
    pub level: f64,
    /// Items that met it.
    pub inside: usize,
    /// Items in all.
    pub items: usize,
}

/// The central shares of the calibration table.
pub const LEVELS: [f64; 4] = [0.5, 0.8, 0.9, 0.95];

/// The calibration table of a record: for each central share in [`LEVELS`], how many
/// observations met it (an interval observation meets it when it overlaps it).
pub fn calibration(scores: &[Score]) -> Vec<Coverage> {
    LEVELS
        .iter()
        .map(|&level| {
            let tail = (1.0 - level) / 2.0;
            Coverage {
                level,
                inside: scores
                    .iter()
                    .filter(|s| s.pit_hi >= tail && s.pit_lo <= 1.0 - tail)
                    .count(),
                items: scores.len(),
            }
        })
        .collect()
}

/// The Kolmogorov–Smirnov statistic of a sample against a continuous CDF: the largest gap
/// between the sample's empirical CDF and `cdf`. `sorted` must be sorted.
pub fn ks_statistic(sorted: &[f64], cdf: impl Fn(f64) -> f64) -> f64 {
    let n = sorted.len() as f64;
    sorted
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            let f = cdf(x);
            (f - i as f64 / n).max((i + 1) as f64 / n - f)
        })
        .fold(0.0, f64::max)
}

/// The p-value of a KS statistic `d` from `n` values: P(D ≥ d) under the hypothesis, by the
/// Kolmogorov distribution with Stephens' small-sample correction,
/// λ = (√n + 0.12 + 0.11/√n) d, p = 2 Σ_{k≥1} (−1)^(k−1) e^(−2k²λ²) (clamped to [0, 1]).
/// With parameters fitted to the same sample the test is conservative (the p-value is too
/// high), as the documentation says.
pub fn ks_p_value(d: f64, n: usize) -> f64 {
    if n == 0 {
        return f64::NAN;
    }
    let sn = (n as f64).sqrt();
    let lambda = (sn + 0.12 + 0.11 / sn) * d;
    if lambda < 0.2 {
        return 1.0;
    }
    let mut sum = 0.0;
    for k in 1..=100 {
        let kf = k as f64;
        let term = (-2.0 * kf * kf * lambda * lambda).exp();
        sum += if k % 2 == 1 { term } else { -term };
        if term < 1e-16 {
            break;
        }
    }
    (2.0 * sum).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uniform_sample(n: usize) -> Predictive {
        Predictive::new((0..n).map(|i| (i as f64 + 0.5) / n as f64).collect())
    }

    #[test]
    fn pit_and_band_of_points_intervals_and_events() {
        let p = uniform_sample(1000);
        let s = score(&p, Kind::Continuous, Observed::point(0.3));
        assert!((s.pit - 0.3).abs() < 1e-9);
        assert!(s.central_95);
        assert!(
            (s.probability - 1.0).abs() < 0.1,
            "density {}",
            s.probability
        );
        // CRPS of a uniform [0,1] at y: y² − y + 1/3.
        assert!((s.crps.unwrap() - (0.09 - 0.3 + 1.0 / 3.0)).abs() < 1e-3);
        let s = score(&p, Kind::Continuous, Observed::point(0.99));
        assert!(!s.central_95);
        let s = score(
            &p,
            Kind::Continuous,
            Observed {
                lo: f64::NEG_INFINITY,
                hi: 0.02,
            },
        );
        assert!(!s.central_95);
        assert!((s.brier.unwrap() - 0.98f64.powi(2)).abs() < 1e-9);
        let s = score(&p, Kind::Continuous, Observed { lo: 0.97, hi: 0.99 });
        assert!(s.central_95, "overlaps the central 95%");
        let e = Predictive::new(vec![0.0, 0.0, 0.0, 1.0]);
        let s = score(&e, Kind::Event, Observed::point(1.0));
        assert_eq!((s.pit_lo, s.pit_hi), (0.75, 1.0));
        assert!((s.brier.unwrap() - 0.5625).abs() < 1e-12);
        assert!((s.log_score - 4f64.ln()).abs() < 1e-12);
        let zero = Predictive::new(vec![0.0; 10]);
        let s = score(&zero, Kind::Event, Observed::point(1.0));
        assert!(!s.central_95);
        assert!((s.log_score - 20f64.ln()).abs() < 1e-12, "half a draw");
    }

    #[test]
    fn crps_matches_the_pairwise_formula() {
        let v = vec![3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0];
        let p = Predictive::new(v.clone());
        let y = 3.5;
        let n = v.len() as f64;
        let a: f64 = v.iter().map(|x| (x - y).abs()).sum::<f64>() / n;
        let b: f64 = v
            .iter()
            .flat_map(|x| v.iter().map(move |z| (x - z).abs()))
            .sum::<f64>()
            / (n * n);
        assert!((p.crps(y) - (a - 0.5 * b)).abs() < 1e-12);
    }

    #[test]
    fn ks_p_values_agree_with_tables() {
        // Critical values of the Kolmogorov distribution: λ 1.358 → 0.05, 1.628 → 0.01.
        let n = 10_000;
        let corr = |lam: f64| {
            let sn = (n as f64).sqrt();
            lam / (sn + 0.12 + 0.11 / sn)
        };
        assert!((ks_p_value(corr(1.358), n) - 0.05).abs() < 1e-3);
        assert!((ks_p_value(corr(1.628), n) - 0.01).abs() < 5e-4);
        let p = uniform_sample(100);
        assert!(ks_statistic(p.draws(), |x| x.clamp(0.0, 1.0)) <= 0.005 + 1e-12);
    }

    #[test]
    fn calibration_counts_overlaps() {
        let p = uniform_sample(1000);
        let s: Vec<Score> = [0.5, 0.1, 0.01]
            .iter()
            .map(|&y| score(&p, Kind::Continuous, Observed::point(y)))
            .collect();
        let c = calibration(&s);
        assert_eq!(c[0].inside, 1);
        assert_eq!(c[1].inside, 2);
        assert_eq!(c[3].inside, 2);
    }
}
