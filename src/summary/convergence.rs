//! The running estimates, block by block, for the convergence chart.

use serde::Serialize;

use super::Prob;
use crate::engine::Acc;

/// A point of the convergence trace.
#[derive(Debug, Clone, Serialize)]
pub struct ConvergencePoint {
    /// Replications so far.
    pub runs: u64,
    /// P(every station on time) so far, with interval.
    pub all_on_time: Prob,
    /// P(every TPS on time) of the riskiest kecamatan (`Summary::riskiest`) so far.
    pub riskiest: Prob,
}

/// The running estimates, block by block, of P(every TPS on time) overall and in the
/// riskiest kecamatan.
pub(super) fn convergence(acc: &Acc, riskiest: Option<usize>) -> Vec<ConvergencePoint> {
    let mut convergence = Vec::new();
    let (mut r, mut a, mut k) = (0u64, 0u64, 0u64);
    for b in &acc.blocks {
        r += b.runs as u64;
        a += b.all_on_time as u64;
        k += riskiest
            .and_then(|x| b.kec_on_time.get(x))
            .map(|&c| c as u64)
            .unwrap_or(0);
        convergence.push(ConvergencePoint {
            runs: r,
            all_on_time: Prob::of(a, r),
            riskiest: Prob::of(k, r),
        });
    }
    convergence
}
