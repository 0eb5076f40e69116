//! Drawing from the model's compiled distributions ([`Sampler`], defined with their laws in
//! [`crate::model::sampler`]): one draw per call, from the stream the caller gives.

use rand::Rng;
use rand_distr::Distribution;

use super::rng::uniform;
use crate::model::sampler::Sampler;

impl Sampler {
    /// Draw one value.
    ///
    /// The families for which [`Sampler::by_inversion`] is true draw exactly one uniform `u`
    /// and return [`Sampler::quantile`]`(u)`, a non-decreasing function of `u`; the lognormal
    /// is drawn that way too (`exp(μ + σ Φ⁻¹(u))`), so that its draws are fixed by this crate's
    /// own code rather than by a library's ziggurat tables.
    #[inline]
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        match self {
            Sampler::Fixed(v) => *v,
            Sampler::Uniform(..)
            | Sampler::Triangular(..)
            | Sampler::LogNormal(..)
            | Sampler::Exponential(..)
            | Sampler::Normal(..)
            | Sampler::Quantiles(..) => self.quantile(uniform(rng)),
            Sampler::Pert(min, range, beta, _) => min + range * beta.sample(rng),
            Sampler::Gamma(_, _, g) => g.sample(rng),
            Sampler::Samples(v) => v[((uniform(rng) * v.len() as f64) as usize).min(v.len() - 1)],
        }
    }
}
