//! Integration tests: one binary, with fixtures in tests/data/.

mod charts;
mod cli;
mod determinism;
mod errors;
mod extra_delay;
#[path = "../../fuzz/harness.rs"]
mod harness;
mod import;
mod invalid;
mod properties;
mod robustness;
mod shards;
mod starter;
mod strategies;
mod util;
mod validation;
