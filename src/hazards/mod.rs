//! Sampling only: distributions, random streams, weather chains and disruptions.

pub mod dist;
pub mod rng;
