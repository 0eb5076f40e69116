//! Sampling only: distributions, random streams, weather chains and disruptions.

pub mod dist;
pub mod keys;
pub mod rng;
pub mod roads;
pub mod weather;
