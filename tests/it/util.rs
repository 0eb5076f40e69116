//! Helpers shared by the integration tests.

use tepat::engine::{self, Acc, NoProgress, Options, Runs};
use tepat::model::Model;

/// Compile a scenario from text, panicking with the error message if it is invalid.
pub fn model(text: &str) -> Model {
    match tepat::pipeline::model_from_str("test.toml", text) {
        Ok(m) => m,
        Err(e) => panic!("scenario should be valid:\n{e}"),
    }
}

/// Run `n` replications with `seed` on `threads` threads.
pub fn simulate(m: &Model, n: u64, seed: u64, threads: usize) -> Acc {
    engine::run(
        m,
        &Options {
            seed,
            runs: Runs::Fixed(n),
            threads,
            range: None,
        },
        &NoProgress,
    )
    .expect("run")
    .acc
}

/// Assert that `k` successes of `n` match probability `p` within 4 standard errors.
pub fn assert_prob(what: &str, k: u64, n: u64, p: f64) {
    let est = k as f64 / n as f64;
    let se = (p * (1.0 - p) / n as f64).sqrt().max(1e-12);
    let z = (est - p) / se;
    assert!(
        z.abs() <= 4.0,
        "{what}: estimate {est:.5} vs exact {p:.5} ({z:.2} standard errors, n = {n})"
    );
}

/// A scenario header starting at midnight, with a station deadline far away.
pub const HEAD: &str = r#"
[scenario]
name = "t"
start = "2024-02-10T00:00:00+07:00"
horizon_days = 20
"#;

/// The normal CDF.
pub fn phi(x: f64) -> f64 {
    tepat::stats::normal_cdf(x)
}

/// A copy of the scenario file `from` in `dir`, named `name`, that asks for Indonesian
/// (`language = "id"` in its `[scenario]` table).
pub fn in_indonesian(from: &str, dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(from).unwrap();
    let p = dir.join(name);
    std::fs::write(
        &p,
        text.replacen("[scenario]\n", "[scenario]\nlanguage = \"id\"\n", 1),
    )
    .unwrap();
    p
}
