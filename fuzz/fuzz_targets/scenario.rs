//! libFuzzer target: any bytes as a scenario file, through load → validate → compile → a few
//! replications → summary → data files, with every invariant of `fuzz/harness.rs` checked.
//! A rejected input is fine; a panic, an abort or a broken invariant is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| {
    if data.len() > 256 * 1024 {
        return;
    }
    // The loader reads files (sizes, UTF-8, `extends` relative to the file): give it one.
    let dir = std::env::temp_dir().join(format!("tepat-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("input.toml");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let _ = harness::check_file(&path, 8);
});
