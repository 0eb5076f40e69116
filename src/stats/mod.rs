//! Confidence intervals, quantiles and paired comparisons: pure functions, no I/O.

/// z for a two-sided 95% interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Wilson score 95% interval for `k` successes in `n` trials. It stays inside [0, 1] and is
/// correct near 0 and 1, where the normal approximation fails. `n = 0` gives [0, 1].
pub fn wilson(k: u64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let n = n as f64;
    let p = k as f64 / n;
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = Z95 * ((p * (1.0 - p) / n + z2 / (4.0 * n * n)).max(0.0)).sqrt() / denom;
    let lo = if k == 0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let hi = if k as f64 == n {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    (lo.min(p), hi.max(p))
}

/// Mean and 95% normal interval from a sum and a sum of squares over `n` observations.
pub fn mean_ci(sum: f64, sum_sq: f64, n: u64) -> (f64, f64, f64) {
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let nf = n as f64;
    let mean = sum / nf;
    let var = if n > 1 {
        ((sum_sq - sum * sum / nf) / (nf - 1.0)).max(0.0)
    } else {
        0.0
    };
    let half = Z95 * (var / nf).sqrt();
    (mean, mean - half, mean + half)
}

/// The `q` quantile of a histogram with bins of width `bin_h` starting at 0; the last bin
/// counts values beyond the range ("never"), returned as `None`. Within a bin the value is
/// interpolated linearly, so the error is at most one bin width.
pub fn hist_quantile(hist: &[u32], bin_h: f64, q: f64) -> Option<f64> {
    let total: u64 = hist.iter().map(|&c| c as u64).sum();
    if total == 0 {
        return None;
    }
    let target = q * total as f64;
    let mut acc = 0.0;
    for (i, &c) in hist.iter().enumerate() {
        let next = acc + c as f64;
        if next >= target && c > 0 {
            if i == hist.len() - 1 {
                return None;
            }
            let frac = ((target - acc) / c as f64).clamp(0.0, 1.0);
            return Some((i as f64 + frac) * bin_h);
        }
        acc = next;
    }
    None
}

/// The share of `runs` counted in `hist[..=i]`, for every bin `i` (the empirical CDF at the
/// bin ends; the last bin, "never", included).
pub fn hist_cdf(hist: &[u32], runs: u64) -> Vec<f64> {
    let runs = runs.max(1) as f64;
    let mut cum = 0u64;
    hist.iter()
        .map(|&c| {
            cum += c as u64;
            cum as f64 / runs
        })
        .collect()
}

/// The end (hours) of the first bin by which at least `q` of the counts before the last bin
/// ("never") have arrived: the upper edge of the `q` quantile, bin-exact; `None` without
/// counts.
pub fn hist_quantile_bin_end(hist: &[u32], bin_h: f64, q: f64) -> Option<f64> {
    let arrived = &hist[..hist.len().saturating_sub(1)];
    let total: u64 = arrived.iter().map(|&c| c as u64).sum();
    let mut cum = 0u64;
    for (i, &c) in arrived.iter().enumerate() {
        cum += c as u64;
        if c > 0 && cum as f64 >= q * total as f64 {
            return Some((i + 1) as f64 * bin_h);
        }
    }
    None
}

/// The smallest `k` with P(X ≤ k) ≥ `q` for a distribution given as P(X = k), k = 0.. (the
/// last `k` when the shares fall short of `q` by rounding).
pub fn discrete_quantile(dist: &[f64], q: f64) -> usize {
    let mut c = 0.0;
    for (k, p) in dist.iter().enumerate() {
        c += p;
        if c >= q - 1e-12 {
            return k;
        }
    }
    dist.len().saturating_sub(1)
}

/// Standard normal CDF (Abramowitz–Stegun 7.1.26 would be too coarse for tests; this uses
/// the complementary error function by W. J. Cody's rational approximations via erfc).
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

/// Complementary error function, relative error below 1.2e-7 (Numerical Recipes `erfcc`).
pub fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t
        * (-z * z - 1.265_512_23
            + t * (1.000_023_68
                + t * (0.374_091_96
                    + t * (0.096_784_18
                        + t * (-0.186_288_06
                            + t * (0.278_868_07
                                + t * (-1.135_203_98
                                    + t * (1.488_515_87
                                        + t * (-0.822_152_23 + t * 0.170_872_77)))))))))
            .exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_contains_estimate_and_stays_in_unit_interval() {
        for &(k, n) in &[
            (0u64, 10u64),
            (10, 10),
            (5, 10),
            (1, 1_000_000_000),
            (999_999_999, 1_000_000_000),
        ] {
            let (lo, hi) = wilson(k, n);
            let p = k as f64 / n as f64;
            assert!(lo <= p && p <= hi, "{k}/{n}: {lo} {p} {hi}");
            assert!((0.0..=1.0).contains(&lo) && (0.0..=1.0).contains(&hi));
        }
        // Known value: 5/10 -> (0.2366, 0.7634).
        let (lo, hi) = wilson(5, 10);
        assert!((lo - 0.2366).abs() < 1e-4 && (hi - 0.7634).abs() < 1e-4);
        // Near 0 the interval is not degenerate: 0/1000 -> upper about 0.0038.
        let (_, hi) = wilson(0, 1000);
        assert!((hi - 0.003827).abs() < 1e-5, "{hi}");
    }

    #[test]
    fn normal_cdf_matches_tables() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.959_963_984_540_054) - 0.975).abs() < 1e-6);
        assert!((normal_cdf(-1.0) - 0.158_655_25).abs() < 1e-6);
    }

    #[test]
    fn quantile_interpolates_within_bins() {
        let h = [0, 10, 10, 0];
        assert_eq!(hist_quantile(&h, 1.0, 0.5), Some(2.0));
        assert_eq!(hist_quantile(&[0, 0, 5], 1.0, 0.5), None);
    }
}
