//! The keys of every random stream of a replication, by kind, so that two sources can never
//! share a stream by accident.
//!
//! A stream is `stream_in(replication key, source key)` (see [`super::rng`]). The source key
//! of a named element is its [`crate::model::source_key`] (`link:…`, `node:…`, `zone:…`),
//! combined with one of the tags below, which separate the purposes one element draws for (a
//! link's base duration, its departures, its disruptions…). A consignment's vehicle trips are numbered by
//! [`Trip`], whose codes are distinct for every round, leg and purpose.

use super::rng::{mix, sub};

/// A link's base duration.
pub const TAG_BASE: u64 = 0x0b45_e000_0000_0001;
/// A link's base duration drawn by inversion (its uniform).
pub const TAG_BASE_U: u64 = 0x0b45_e000_0000_0011;
/// Whether a disruption bucket of a link has events (its uniform).
pub const TAG_DISRUPT: u64 = 0x0d15_0000_0000_0002;
/// The events of a disruption bucket of a link.
pub const TAG_DISRUPT_EVENTS: u64 = 0x0d15_e7e0_0000_000e;
/// A scheduled departure of a link (delay, cancellation).
pub const TAG_DEPART: u64 = 0x0de9_0000_0000_0003;
/// A vessel's outage day.
pub const TAG_OUTAGE: u64 = 0x0007_a6e0_0000_0004;
/// Handling at a node.
pub const TAG_HANDLING: u64 = 0x04a4_d100_0000_0005;
/// A depot's ready time.
pub const TAG_READY: u64 = 0x07ea_d000_0000_0006;
/// A vehicle trip over a link (with the [`Trip`] code), and a fleet's return time (with
/// [`return_round`]).
pub const TAG_TRIP: u64 = 0x0714_9000_0000_0007;
/// Damage of a consignment.
pub const TAG_DAMAGE: u64 = 0x0da3_a9e0_0000_0008;
/// Last miles of a node's stations.
pub const TAG_LASTMILE: u64 = 0x0aa5_7000_0000_0009;
/// An escort team's return.
pub const TAG_ESCORT: u64 = 0x0e5c_0000_0000_000a;
/// Replacement from a node's reserve.
pub const TAG_RESERVE: u64 = 0x07e5_e7e0_0000_000b;
/// Whether a trip suffers a link's extra delay (its uniform).
pub const TAG_EXTRA: u64 = 0x0e7a_0000_0000_000c;
/// The size of a link's extra delay.
pub const TAG_EXTRA_DELAY: u64 = 0x0e7a_de1a_0000_0010;
/// Extra delays of a node's last miles.
pub const TAG_LASTMILE_EXTRA: u64 = 0x0aa5_7e70_0000_000d;
/// A station's last-mile uniform below the split.
pub const TAG_LASTMILE_LOW: u64 = 0x0aa5_7104_0000_000f;
/// Small extra delays of a node's last miles.
pub const TAG_LASTMILE_SMALL: u64 = 0x0aa5_7e70_5a11_0012;
/// A redraw conditioned on a status observation (a consignment still travelling, a
/// replacement not yet in): drawn only in an as-of run.
pub const TAG_OBSERVED: u64 = 0x0b5e_7fed_0000_0013;
/// The redraws of a whole route of a consignment still travelling (an as-of run): the calm
/// durations of its legs, try after try.
pub const TAG_OBSERVED_ROUTE: u64 = 0x0b5e_7fed_7a0e_0014;

/// A vehicle trip of a consignment over one leg of its route.
///
/// [`Trip::code`] is injective over all trips of a consignment. Below 1,000 legs it keeps the
/// numbers of stream version 1 (`round × 1000 + leg` out, `2,000,000 + round × 1000 + leg`
/// back, `3,000,000 + leg` for a replacement), which collided from the 1,000th leg or the
/// 1,000th round back (2,000th out) on; such trips now get codes with the top bit set, which
/// no old code has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trip {
    /// Round `round` (from 0) out to the node, over leg `leg` (from 0) of the route.
    Out {
        /// The round.
        round: u64,
        /// The leg.
        leg: u64,
    },
    /// The vehicles' way back after round `round - 1`, over leg `leg` of the reversed route.
    Back {
        /// The round about to start (from 1).
        round: u64,
        /// The leg of the reversed route.
        leg: u64,
    },
    /// The replacement of damaged items, over leg `leg`.
    Replacement {
        /// The leg.
        leg: u64,
    },
}

/// Bits of the round and of the leg in a code beyond the old range.
const FIELD_BITS: u32 = 30;

impl Trip {
    /// The trip's number among the consignment's trips (distinct for distinct trips while
    /// rounds and legs are below 2^30).
    #[inline]
    pub fn code(self) -> u64 {
        const OLD_LEGS: u64 = 1000;
        match self {
            Trip::Out { round, leg } if leg < OLD_LEGS && round < 2000 => round * 1000 + leg,
            Trip::Back { round, leg } if leg < OLD_LEGS && round < 1000 => {
                2_000_000 + round * 1000 + leg
            }
            Trip::Replacement { leg } if leg < OLD_LEGS => 3_000_000 + leg,
            _ => self.wide_code(),
        }
    }

    /// [`Trip::code`] beyond the numbers of stream version 1: the top bit set, the kind, the
    /// round and the leg in fields of 30 bits.
    #[cold]
    fn wide_code(self) -> u64 {
        let (kind, round, leg) = match self {
            Trip::Out { round, leg } => (0, round, leg),
            Trip::Back { round, leg } => (1, round, leg),
            Trip::Replacement { leg } => (2, 0, leg),
        };
        let field = (1u64 << FIELD_BITS) - 1;
        1 << 63 | kind << (2 * FIELD_BITS) | (round & field) << FIELD_BITS | (leg & field)
    }

    /// The trip's key for a consignment to the node with key `node_key`: what
    /// [`crate::engine::Scratch`] passes to a crossing, which draws its own stream from it
    /// and the link.
    #[inline]
    pub fn key(self, node_key: u64) -> u64 {
        mix(node_key ^ self.code())
    }
}

/// The stream key of a fleet's return time before round `round` (from 1) to the node with
/// key `node_key`.
#[inline]
pub fn return_round(node_key: u64, round: u64) -> u64 {
    sub(node_key ^ TAG_TRIP, 1_000_000 + round)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_below_a_thousand_legs_are_those_of_stream_version_1() {
        assert_eq!(Trip::Out { round: 0, leg: 0 }.code(), 0);
        assert_eq!(Trip::Out { round: 3, leg: 7 }.code(), 3007);
        assert_eq!(
            Trip::Out {
                round: 1999,
                leg: 999
            }
            .code(),
            1_999_999
        );
        assert_eq!(Trip::Back { round: 1, leg: 2 }.code(), 2_001_002);
        assert_eq!(
            Trip::Back {
                round: 999,
                leg: 999
            }
            .code(),
            2_999_999
        );
        assert_eq!(Trip::Replacement { leg: 5 }.code(), 3_000_005);
        assert_eq!(Trip::Out { round: 2, leg: 1 }.key(42), mix(42 ^ 2001));
    }

    #[test]
    fn no_two_trips_share_a_code() {
        // The old numbering collided here: round 2000 out = round 0 back, round 1 out =
        // round 0 out over leg 1000, round 1000 back = replacement.
        let pairs = [
            (
                Trip::Out {
                    round: 2000,
                    leg: 0,
                },
                Trip::Back { round: 0, leg: 0 },
            ),
            (
                Trip::Out { round: 1, leg: 0 },
                Trip::Out {
                    round: 0,
                    leg: 1000,
                },
            ),
            (
                Trip::Back {
                    round: 1000,
                    leg: 0,
                },
                Trip::Replacement { leg: 0 },
            ),
            (
                Trip::Out {
                    round: 3000,
                    leg: 5,
                },
                Trip::Back {
                    round: 3000,
                    leg: 5,
                },
            ),
        ];
        for (a, b) in pairs {
            assert_ne!(a.code(), b.code(), "{a:?} and {b:?}");
        }
        let mut seen = std::collections::HashSet::new();
        for round in (0..10_001).step_by(7).chain([999, 1000, 1999, 2000, 2001]) {
            for leg in [0, 1, 2, 998, 999, 1000, 1001, 5000] {
                for t in [Trip::Out { round, leg }, Trip::Back { round, leg }] {
                    assert!(seen.insert(t.code()), "{t:?} repeats a code");
                }
            }
        }
        for leg in 0..3000 {
            assert!(
                seen.insert(Trip::Replacement { leg }.code()),
                "replacement {leg}"
            );
        }
    }
}
