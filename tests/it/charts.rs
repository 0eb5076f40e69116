//! Charts, reports and the index written by `tepat run`, checked as files on disk.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The charts every scenario folder holds, as `<name>.png` and `<name>.svg`.
const CHARTS: [&str; 7] = [
    "ontime",
    "timeline",
    "arrival",
    "causes",
    "late_tps",
    "map",
    "convergence",
];

fn tepat() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tepat"))
}

/// `tepat run` with few replications and a fixed seed into `out`.
fn run(out: &Path, files: &[PathBuf]) {
    let o = tepat()
        .arg("run")
        .args(files)
        .args(["--runs", "300", "--seed", "7", "--quiet", "--out"])
        .arg(out)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "tepat run failed:\n{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The default scenario files that exist.
fn default_scenarios() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir("scenarios")
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn stem(p: &Path) -> String {
    p.file_stem().unwrap().to_string_lossy().to_string()
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.len() > 24, "too short for a PNG");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&png[12..16], b"IHDR", "IHDR first");
    let w = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let h = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    (w, h)
}

/// Kecamatan names from a folder's summary.csv.
fn kecamatan(folder: &Path) -> Vec<String> {
    let mut r = csv::Reader::from_path(folder.join("summary.csv")).unwrap();
    let h = r.headers().unwrap().clone();
    let level = h.iter().position(|x| x == "level").unwrap();
    let name = h.iter().position(|x| x == "name").unwrap();
    r.records()
        .map(|x| x.unwrap())
        .filter(|x| &x[level] == "kecamatan")
        .map(|x| x[name].to_string())
        .collect()
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Every `src="…"`, `href="…"` and `url(…)` target in `html`.
fn references(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["src=\"", "href=\"", "url("] {
        let mut rest = html;
        while let Some(i) = rest.find(key) {
            rest = &rest[i + key.len()..];
            let end = rest.find(['"', ')']).unwrap_or(rest.len());
            out.push(rest[..end].trim_matches(['\'', ' ']).to_string());
        }
    }
    out
}

#[test]
fn every_scenario_gets_every_chart_a_report_and_a_line_in_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = default_scenarios();
    files.push("tests/data/valid/minimal.toml".into());
    files.push("tests/data/valid/no-coordinates.toml".into());
    run(dir.path(), &files);
    for f in &files {
        let folder = dir.path().join(stem(f));
        let names = kecamatan(&folder);
        assert!(!names.is_empty(), "{}", f.display());
        for c in CHARTS {
            let png = std::fs::read(folder.join(format!("{c}.png")))
                .unwrap_or_else(|e| panic!("{} {c}.png: {e}", f.display()));
            assert_eq!(png_size(&png), (1200, 800), "{} {c}.png", f.display());
            let svg = std::fs::read_to_string(folder.join(format!("{c}.svg")))
                .unwrap_or_else(|e| panic!("{} {c}.svg: {e}", f.display()));
            assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
            let names_every_kecamatan = match c {
                "ontime" | "arrival" | "timeline" => true,
                "causes" => !svg.contains("nothing to explain"),
                "map" => !svg.contains("No coordinates to place"),
                _ => false,
            };
            if names_every_kecamatan {
                for k in &names {
                    assert!(
                        svg.contains(&xml(k)),
                        "{}: {c}.svg does not name kecamatan {k}",
                        f.display()
                    );
                }
            }
        }
        let report = std::fs::read_to_string(folder.join("report.html")).unwrap();
        for r in references(&report) {
            assert!(
                !(r.starts_with("http:") || r.starts_with("https:") || r.starts_with("//")),
                "{}: report.html refers to {r}",
                f.display()
            );
            if !r.starts_with('#') {
                assert!(
                    folder.join(&r).exists(),
                    "{}: report.html links to missing {r}",
                    f.display()
                );
            }
        }
        assert!(!report.contains("http://") && !report.contains("https://"));
        // Every chart inline (strategy comparisons add their own charts after these).
        assert!(report.matches("<svg").count() >= CHARTS.len());
        for c in CHARTS {
            assert!(
                report.contains(&format!("id=\"{c}\"")),
                "{}: {c}",
                f.display()
            );
        }
    }
    let index = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    let links = references(&index);
    assert_eq!(links.len(), files.len(), "{links:?}");
    for l in &links {
        assert!(
            dir.path().join(l).is_file(),
            "index.html links to missing {l}"
        );
    }
    for f in &files {
        assert!(links.contains(&format!("{}/report.html", stem(f))));
    }
}

#[test]
fn the_charts_are_identical_for_the_same_seed() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let files = vec![PathBuf::from("tests/data/valid/minimal.toml")];
    run(a.path(), &files);
    run(b.path(), &files);
    for c in CHARTS {
        for ext in ["svg", "png"] {
            let x = std::fs::read(a.path().join("minimal").join(format!("{c}.{ext}"))).unwrap();
            let y = std::fs::read(b.path().join("minimal").join(format!("{c}.{ext}"))).unwrap();
            assert!(
                x == y,
                "{c}.{ext} differs between two runs with the same seed"
            );
        }
    }
}

#[test]
fn one_kecamatan_and_no_coordinates_still_render() {
    let dir = tempfile::tempdir().unwrap();
    run(
        dir.path(),
        &[
            "tests/data/valid/minimal.toml".into(),
            "tests/data/valid/no-coordinates.toml".into(),
        ],
    );
    let one = std::fs::read_to_string(dir.path().join("minimal/map.svg")).unwrap();
    assert!(!one.contains("No coordinates to place"));
    assert!(one.contains("Village A"));
    let none = std::fs::read_to_string(dir.path().join("no-coordinates/map.svg")).unwrap();
    assert!(
        none.contains("No coordinates to place"),
        "the map must say it has nothing to place"
    );
    let png = std::fs::read(dir.path().join("no-coordinates/map.png")).unwrap();
    assert_eq!(png_size(&png), (1200, 800));
}

#[test]
fn a_basemap_that_cannot_be_read_fails_the_run_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.geojson");
    std::fs::write(&bad, "{ this is not GeoJSON").unwrap();
    let o = tepat()
        .args([
            "run",
            "tests/data/valid/minimal.toml",
            "--runs",
            "300",
            "--quiet",
            "--out",
        ])
        .arg(dir.path().join("out"))
        .arg("--basemap")
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("broken.geojson"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
