//! The two shapes of a figure: a probability and a mean, each with its 95% interval.

use serde::Serialize;

use crate::stats::wilson;

/// A probability with its 95% Wilson interval.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Prob {
    /// The estimate (k / n).
    pub p: f64,
    /// Lower bound.
    pub lo: f64,
    /// Upper bound.
    pub hi: f64,
}

impl Prob {
    /// From `k` of `n`.
    pub fn of(k: u64, n: u64) -> Self {
        let (lo, hi) = wilson(k, n);
        Prob {
            p: if n == 0 { 0.0 } else { k as f64 / n as f64 },
            lo,
            hi,
        }
    }
}

/// A mean with its 95% interval.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Mean {
    /// The estimate.
    pub mean: f64,
    /// Lower bound.
    pub lo: f64,
    /// Upper bound.
    pub hi: f64,
}
