//! Random streams: one per hazard source, derived from `(seed, replication, key)`.
//!
//! The generator is Xoshiro256++ (`rand_xoshiro`), whose output is fixed by its published
//! specification. A stream's seed mixes the run seed, the replication index and the stable
//! 64-bit key of the hazard source (the FNV-1a hash of a name such as `link:roro-air-putih`,
//! [`crate::model::source_key`], made when the scenario is compiled)
//! with SplitMix64 finalisers. So a source's numbers depend only on its own name, never on
//! the order in which the engine visits sources: this is what gives common random numbers
//! across strategies and identical results for any thread count.

use rand::{Rng, TryRng};

/// The generator of every stream: Xoshiro256++ (Blackman and Vigna), seeded from one `u64`
/// by four SplitMix64 outputs. This is exactly `rand_xoshiro::Xoshiro256PlusPlus` with
/// `seed_from_u64` (a test holds the two to the same output), written out here so that
/// seeding a stream, which the engine does a few thousand times per replication, is a few
/// inlined multiplications instead of a byte-buffer round trip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stream {
    s: [u64; 4],
}

impl Stream {
    /// The stream seeded from `seed`, as `Xoshiro256PlusPlus::seed_from_u64(seed)`.
    #[inline(always)]
    pub fn seed_from_u64(seed: u64) -> Stream {
        const PHI: u64 = 0x9E37_79B9_7F4A_7C15;
        Stream {
            s: [
                mix(seed),
                mix(seed.wrapping_add(PHI)),
                mix(seed.wrapping_add(PHI.wrapping_mul(2))),
                mix(seed.wrapping_add(PHI.wrapping_mul(3))),
            ],
        }
    }

    /// The next 64 random bits.
    #[inline(always)]
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform draw in [0, 1) with 53 bits (the same as [`uniform`]).
    #[inline(always)]
    pub fn uniform(&mut self) -> f64 {
        unit(self.next_u64())
    }
}

impl TryRng for Stream {
    type Error = std::convert::Infallible;

    #[inline(always)]
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok((self.next_u64() >> 32) as u32)
    }

    #[inline(always)]
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(self.next_u64())
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        for chunk in dst.chunks_mut(8) {
            let b = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&b[..chunk.len()]);
        }
        Ok(())
    }
}

/// SplitMix64 finaliser: a bijective 64-bit mixer.
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A sub-key: the key of source `k`'s `i`-th sub-stream (departure number, trip, day...).
#[inline]
pub fn sub(k: u64, i: u64) -> u64 {
    mix(k ^ mix(i.wrapping_add(0x5851_F42D_4C95_7F2D)))
}

/// The stream of source `k` in replication `rep` of a run with `seed`.
#[inline]
pub fn stream(seed: u64, rep: u64, k: u64) -> Stream {
    stream_in(replication_key(seed, rep), k)
}

/// The part of every stream seed that depends on the run seed and the replication only:
/// computed once per replication, then combined with each source key by [`stream_in`].
#[inline]
pub fn replication_key(seed: u64, rep: u64) -> u64 {
    mix(mix(seed ^ 0xA076_1D64_78BD_642F) ^ rep)
}

/// The stream of source `k` in the replication whose [`replication_key`] is `rk`
/// (`stream_in(replication_key(seed, rep), k) == stream(seed, rep, k)`).
#[inline(always)]
pub fn stream_in(rk: u64, k: u64) -> Stream {
    Stream::seed_from_u64(rk ^ k)
}

/// A uniform draw in [0, 1) with 53 bits.
#[inline]
pub fn uniform<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    unit(rng.next_u64())
}

/// A uniform in [0, 1) from 64 random bits (the top 53): the draws of [`uniform`], and the
/// uniforms that the engine takes from a hash instead of a stream.
#[inline(always)]
pub fn unit(x: u64) -> f64 {
    (x >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::source_key as key;

    #[test]
    fn streams_are_fixed_by_their_inputs() {
        let a: Vec<u64> = (0..4)
            .map(|_| 0)
            .scan(stream(1, 2, key("x")), |s, _: u64| Some(s.next_u64()))
            .collect();
        let b: Vec<u64> = (0..4)
            .map(|_| 0)
            .scan(stream(1, 2, key("x")), |s, _: u64| Some(s.next_u64()))
            .collect();
        assert_eq!(a, b);
        let mut c = stream(1, 3, key("x"));
        assert_ne!(a[0], c.next_u64());
    }

    #[test]
    fn uniform_is_in_unit_interval() {
        let mut s = stream(7, 0, key("u"));
        for _ in 0..10_000 {
            let u = uniform(&mut s);
            assert!((0.0..1.0).contains(&u));
        }
    }

    #[test]
    fn stream_is_rand_xoshiro_xoshiro256plusplus_seeded_by_splitmix() {
        use rand::SeedableRng;
        for seed in [0u64, 1, 42, u64::MAX, 0x0123_4567_89ab_cdef, mix(7)] {
            let mut ours = Stream::seed_from_u64(seed);
            let mut theirs = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(seed);
            for _ in 0..64 {
                assert_eq!(
                    Stream::next_u64(&mut ours),
                    theirs.next_u64(),
                    "seed {seed}"
                );
            }
        }
        let mut a = stream(3, 9, key("k"));
        let mut b = stream_in(replication_key(3, 9), key("k"));
        assert_eq!(a.uniform(), uniform(&mut b));
    }
}
