//! libFuzzer target: any bytes as one shard's `partial.json`, read and merged with a valid
//! second shard by `tepat merge`'s code (`fuzz/harness.rs`, `check_partial`). A refusal is fine
//! if its message does not show the file; a panic, an abort or an out-of-range probability is
//! a finding. Seed corpus: `tepat run tests/data/valid/minimal.toml --runs 1000 --seed 7
//! --shard 1/2`'s `partial.json`.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| {
    static FX: OnceLock<harness::PartialFixture> = OnceLock::new();
    let fx = FX.get_or_init(harness::PartialFixture::new);
    if data.len() > 4 * 1024 * 1024 {
        return;
    }
    let dir = std::env::temp_dir().join(format!("tepat-fuzz-partial-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let _ = harness::check_partial(data, &dir, fx);
});
