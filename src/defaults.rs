//! The defaults of a run, in one place: what tepat uses when neither the command line nor the
//! scenario file says. The limits that protect the engine (at most
//! [`MAX_RUNS`](crate::engine::MAX_RUNS) replications and
//! [`MAX_THREADS`](crate::engine::MAX_THREADS) threads) live with the engine; the on-time target
//! a scenario gets without `target` is set where the model is compiled (`Model::target`,
//! 0.95), and every command reads it from the model.

/// The seed when neither `--seed` nor the scenario's `seed` is given.
pub const SEED: u64 = 2024;

/// Replications of `tepat run` and `tepat bench` without `--runs`.
pub const RUNS: u64 = 10_000;

/// Replications per evaluated variant of `sweep`, `plan` and `sensitivity` without `--runs`.
pub const ANALYSIS_RUNS: u64 = 2_000;

/// `--precision`: the replications run before the first check of the half-widths.
pub const PRECISION_MIN_RUNS: u64 = 1_000;

/// `--precision`: the most replications run, whatever the half-widths.
pub const PRECISION_MAX_RUNS: u64 = 10_000_000;

/// The seed of a run: the command line's, else the scenario's, else [`SEED`].
pub fn seed(command_line: Option<u64>, scenario: Option<u64>) -> u64 {
    command_line.or(scenario).unwrap_or(SEED)
}
