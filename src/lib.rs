//! tepat: will the election materials get there in time?
//!
//! The pipeline: load → validate and compile → simulate → summarise → export, plot, report.
//!
//! ```text
//! scenario::load(path)            TOML file (+ the file it extends) -> ScenarioFile
//! model::compile(&loaded)         checked, flat, index-based Model (all errors at once)
//! engine::run(&model, &opts)      parallel, reproducible Monte Carlo -> Accumulator
//! summary::summarise(..)          probabilities with intervals, quantiles, causes
//! export / plot / report          CSV, JSON, PNG and SVG charts, HTML
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod app;
pub mod cli;
pub mod engine;
pub mod error;
pub mod export;
pub mod generate;
pub mod hazards;
pub mod import;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod plot;
pub mod report;
pub mod scale;
pub mod scenario;
pub mod starter;
pub mod stats;
pub mod strategy;
pub mod summary;
pub mod time;
