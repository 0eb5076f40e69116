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

/// `println!` for text that may hold names or file names from a received file: control
/// characters are shown as escapes ([`text::visible_lines`]), never sent to the terminal raw.
/// Defined before every module of the crate, it is in their textual scope and takes the place
/// of the standard macro in all of them: every line tepat prints is escaped.
#[macro_export]
macro_rules! println {
    () => { $crate::text::print_line("") };
    ($($t:tt)*) => { $crate::text::print_line(&$crate::text::visible_lines(&::std::format!($($t)*))) };
}

/// `eprintln!` with the escaping of [`println!`](crate::println!).
#[macro_export]
macro_rules! eprintln {
    () => { ::std::eprintln!() };
    ($($t:tt)*) => { ::std::eprintln!("{}", $crate::text::visible_lines(&::std::format!($($t)*))) };
}

pub mod analysis;
pub mod backtest;
pub mod cmd;
pub mod defaults;
pub mod engine;
pub mod error;
pub mod export;
pub mod generate;
pub mod hazards;
pub mod import;
pub mod input;
pub mod interrupt;
pub mod lang;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod plot;
pub mod probe;
pub mod report;
pub mod scale;
pub mod scenario;
pub mod starter;
pub mod stats;
pub mod strategy;
pub mod summary;
pub mod text;
pub mod time;
