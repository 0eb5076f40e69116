//! The bundled scenarios are exactly what the generator (examples/make_scenarios/) writes
//! from the repository's data/, and the repository is self-contained: no absolute path of
//! any machine, and every path a scenario names stays inside the repository.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn bundled_scenarios_are_generated() {
    let files = crate::bengkalis::generate(root()).expect("the generator runs");
    assert_eq!(files.len(), 3);
    for (name, text) in files {
        let path = root().join("scenarios").join(name);
        let committed = std::fs::read_to_string(&path).expect("a committed scenario");
        if committed != text {
            let line = committed
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .map(|i| i + 1)
                .unwrap_or(committed.lines().count().min(text.lines().count()) + 1);
            panic!(
                "scenarios/{name} differs from what the generator writes (first at line {line}); \
                 regenerate with `cargo run --example make_scenarios` or fix the generator"
            );
        }
    }
}

#[test]
fn the_generator_refuses_a_number_without_a_source() {
    let mut doc = crate::toml_writer::Doc::default();
    doc.kv("distance_km", crate::toml_writer::n(12.5), Some("a guess"));
    let err = doc.finish().unwrap_err();
    assert!(err.contains("distance_km"), "{err}");
    let mut doc = crate::toml_writer::Doc::default();
    doc.kv(
        "distance_km",
        crate::toml_writer::n(12.123_45),
        Some("estimate"),
    );
    assert!(doc.finish().unwrap_err().contains("more than 4 decimals"));
    let mut doc = crate::toml_writer::Doc::default();
    doc.kv(
        "distance_km",
        crate::toml_writer::n(12.5),
        Some("estimate: 1.4 x 8.9 km"),
    );
    doc.kv("cost_idr", crate::toml_writer::n(25e6), Some("estimate"));
    assert_eq!(
        doc.finish().unwrap(),
        "distance_km = 12.5  # estimate: 1.4 x 8.9 km\ncost_idr = 25_000_000  # estimate\n"
    );
}

/// Every tracked text file of the repository, except the build output.
fn repository_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().to_string();
            if p.is_dir() {
                if !matches!(
                    name.as_str(),
                    "target" | ".git" | "output" | "out" | "corpus" | "artifacts"
                ) {
                    walk(&p, out);
                }
            } else if name != ".git" {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(root(), &mut out);
    out
}

#[test]
fn no_absolute_machine_path_in_the_repository() {
    // Written in pieces so that this file does not match itself.
    let bad = [
        ["/", "work/"].concat(),
        ["/", "home/"].concat(),
        ["/", "root/"].concat(),
        ["/", "Users/"].concat(),
        ["/", "tmp/"].concat(),
        ["C:", "\\"].concat(),
        ["..", "/shared/"].concat(),
    ];
    let mut found = Vec::new();
    for f in repository_files() {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue; // binary files
        };
        for (i, line) in text.lines().enumerate() {
            for b in &bad {
                if line.contains(b.as_str()) {
                    found.push(format!(
                        "{}:{}: {}",
                        f.strip_prefix(root()).unwrap_or(&f).display(),
                        i + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "absolute or outside paths:\n{}",
        found.join("\n")
    );
}

#[test]
fn bundled_scenarios_name_only_files_inside_the_repository() {
    let root = root().canonicalize().unwrap();
    for name in [
        "bengkalis-2024.toml",
        "bengkalis-2024-wet.toml",
        "bengkalis-2024-mitigations.toml",
    ] {
        let path = root.join("scenarios").join(name);
        let loaded = tepat::scenario::load(&path).unwrap();
        let basemap = loaded.basemap.expect("a basemap");
        assert!(basemap.is_relative() || basemap.starts_with(&root));
        let real = basemap.canonicalize().expect("the basemap exists");
        assert!(
            real.starts_with(&root),
            "{} is outside the repository",
            real.display()
        );
        assert!(real.starts_with(root.join("data")), "{}", real.display());
    }
}

/// Generated scenarios (a small synthetic one and the reference network) are read piece by
/// piece exactly as the whole-file parse reads them; the piece parse is unit-tested on the
/// bundled and fixture files in `src/scenario/pieces.rs`.
#[test]
fn generated_scenarios_are_read_in_pieces_as_a_whole() {
    let size = tepat::generate::Size {
        hubs: 4,
        villages: 30,
        stations: 200,
    };
    let files = [
        ("synthetic", tepat::generate::synthetic(size, 3).unwrap()),
        ("reference", tepat::generate::reference()),
    ];
    for (name, text) in files {
        let whole: tepat::scenario::ScenarioFile = toml::from_str(&text).expect(name);
        let pieces = tepat::scenario::pieces::parse_in_pieces(&text)
            .unwrap_or_else(|| panic!("{name} is read in pieces"));
        assert_eq!(format!("{pieces:?}"), format!("{whole:?}"), "{name}");
    }
}
