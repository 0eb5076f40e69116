//! Integration tests: one binary, with fixtures in tests/data/.

mod answers;
mod charts;
mod cli;
mod determinism;
mod errors;
mod exact;
mod extra_delay;
#[path = "../../fuzz/harness.rs"]
mod harness;
mod invalid;
mod properties;
mod received;
mod robustness;
mod shards;
mod strategies;
mod util;
mod validation;
