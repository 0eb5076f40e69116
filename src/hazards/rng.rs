//! Random streams: one per hazard source, derived from `(seed, replication, key)`.
//!
//! The generator is Xoshiro256++ (`rand_xoshiro`), whose output is fixed by its published
//! specification. A stream's seed mixes the run seed, the replication index and the stable
//! 64-bit key of the hazard source (the FNV-1a hash of a name such as `link:roro-air-putih`)
//! with SplitMix64 finalisers. So a source's numbers depend only on its own name, never on
//! the order in which the engine visits sources: this is what gives common random numbers
//! across strategies and identical results for any thread count.

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The generator used for every stream.
pub type Stream = Xoshiro256PlusPlus;

/// SplitMix64 finaliser: a bijective 64-bit mixer.
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a hash of a string: the stable key of a named hazard source.
pub fn key(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A sub-key: the key of source `k`'s `i`-th sub-stream (departure number, trip, day...).
#[inline]
pub fn sub(k: u64, i: u64) -> u64 {
    mix(k ^ mix(i.wrapping_add(0x5851_F42D_4C95_7F2D)))
}

/// The stream of source `k` in replication `rep` of a run with `seed`.
#[inline]
pub fn stream(seed: u64, rep: u64, k: u64) -> Stream {
    Stream::seed_from_u64(mix(mix(seed ^ 0xA076_1D64_78BD_642F) ^ rep) ^ k)
}

/// A uniform draw in [0, 1) with 53 bits.
#[inline]
pub fn uniform<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn key_is_fnv1a() {
        // Published FNV-1a 64 test vector.
        assert_eq!(key("a"), 0xaf63dc4c8601ec8c);
    }
}
