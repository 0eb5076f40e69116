//! Integration tests: one binary, with fixtures in tests/data/.

mod answers;
mod asof;
mod asof_plan;
mod backtest;
#[path = "../../examples/make_scenarios/bengkalis.rs"]
mod bengkalis;
mod brief;
mod bundled;
mod charts;
mod cli;
mod determinism;
mod distributions;
mod errors;
mod exact;
mod extra_delay;
#[path = "../../fuzz/harness.rs"]
mod harness;
mod import;
mod import_errors;
mod invalid;
mod lang;
mod layers;
mod properties;
mod received;
mod robustness;
mod run_errors;
mod shards;
mod sizes;
mod starter;
mod strategies;
#[path = "../../examples/make_scenarios/toml_writer.rs"]
mod toml_writer;
mod util;
mod validation;
mod workbook;
