//! Integration tests: one binary, with fixtures in tests/data/.

mod cli;
mod determinism;
mod invalid;
mod util;
mod validation;
