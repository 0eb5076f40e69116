//! Regenerates the bundled scenarios of `scenarios/` from the repository's `data/bengkalis/`.
//!
//! ```text
//! cargo run --example make_scenarios              write scenarios/*.toml
//! cargo run --example make_scenarios -- --check   only compare; exit 1 if a file differs
//! cargo run --example make_scenarios -- --out DIR write into DIR instead
//! ```
//!
//! Not part of the `tepat` command line: a developer tool. The figures and their sources are
//! in `bengkalis.rs` (where to change what: its module comment); `toml_writer.rs` writes the
//! crate's scenario types as commented TOML. Before writing anything, the generated files are
//! loaded, validated and compiled by tepat itself (strategies included), so a file that
//! `tepat check` would refuse is never written. The test `bundled_scenarios_are_generated`
//! (tests/it/bundled.rs) regenerates them and compares them byte for byte with the
//! committed files.

mod bengkalis;
mod toml_writer;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: cargo run --example make_scenarios -- [--check] [--out DIR]");
    ExitCode::from(2)
}

/// Load, validate and compile every file as `tepat check` does.
fn validate(dir: &Path) -> Result<(), String> {
    for name in bengkalis::FILES {
        let path = dir.join(name);
        let loaded = tepat::scenario::load(&path).map_err(|e| e.to_string())?;
        let model = tepat::model::compile(&loaded).map_err(|e| e.to_string())?;
        tepat::strategy::compile_all(&loaded, &model).map_err(|e| e.to_string())?;
        eprintln!(
            "ok  {name}: {} kecamatan, {} nodes, {} stations, {} links",
            model.kecamatan.len(),
            model.nodes.len(),
            model.stations.len(),
            model.links.len()
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = root.join("scenarios");
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--check" => check = true,
            "--out" => match args.next() {
                Some(d) => out = PathBuf::from(d),
                None => return usage(),
            },
            _ => return usage(),
        }
    }
    let files = match bengkalis::generate(root) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Validate in a scratch folder first, so that nothing is written unless all three pass.
    let scratch = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: no scratch folder: {e}");
            return ExitCode::FAILURE;
        }
    };
    for (name, text) in &files {
        if let Err(e) = std::fs::write(scratch.path().join(name), text) {
            eprintln!("error: {name}: {e}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = validate(scratch.path()) {
        eprintln!("error: a generated file is not a valid scenario:\n{e}");
        return ExitCode::FAILURE;
    }
    let mut differ = 0;
    for (name, text) in &files {
        let path = out.join(name);
        if check {
            let same = std::fs::read_to_string(&path).is_ok_and(|old| old == *text);
            if !same {
                eprintln!("differs: {}", path.display());
                differ += 1;
            }
            continue;
        }
        if let Err(e) = std::fs::create_dir_all(&out).and_then(|_| std::fs::write(&path, text)) {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        eprintln!("wrote {} ({} lines)", path.display(), text.lines().count());
    }
    if differ > 0 {
        eprintln!(
            "{differ} file(s) differ from what the generator writes; run `cargo run --example make_scenarios`"
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
