//! Sampling only: how the model's hazards are drawn in one replication.
//!
//! - [`dist`]: drawing from the model's compiled distributions;
//! - [`rng`]: the random streams, one per hazard source;
//! - [`keys`]: the key of every stream (tags and vehicle trips), distinct by construction;
//! - [`weather`]: each zone's chain of weather states, and travel slowed by it;
//! - [`roads`]: road-disruption blocks, drawn day by day where vehicles need them.
//!
//! Departures, vessels, consignments and stations are the engine's ([`crate::engine`]).

pub mod dist;
pub mod keys;
pub mod rng;
pub mod roads;
pub mod weather;
