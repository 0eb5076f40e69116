//! Every chart renders for every default scenario and for the edge cases (one kecamatan, no
//! coordinates, a bad basemap); PNGs have the stated size; SVGs are reproducible.

use std::path::{Path, PathBuf};

use super::*;
use crate::engine::{NoProgress, Runs};
use crate::pipeline::{RunConfig, ScenarioRun, simulate_file};

/// Every chart of a run.
fn charts(run: &ScenarioRun) -> Result<Vec<Chart>> {
    let meta = &run.loaded.file.scenario;
    super::charts(&ChartInput {
        summary: &run.summary,
        seed: run.manifest.seed,
        tool_version: &run.manifest.tool_version,
        basemap: run.basemap.as_deref(),
        basemap_credit: meta.basemap_credit.as_deref(),
        lang: crate::lang::Lang::En,
    })
}

/// Simulate a scenario file with few replications and a fixed seed.
pub(crate) fn simulate(path: &Path, runs: u64) -> ScenarioRun {
    let cfg = RunConfig {
        seed: Some(7),
        runs: Runs::Fixed(runs),
        threads: 2,
        ..RunConfig::default()
    };
    match simulate_file(path, &cfg, &NoProgress) {
        Ok(r) => r,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// The scenario files the charts are checked on: the default ones that exist, and minimal.
fn scenario_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir("scenarios")
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v.push(PathBuf::from("tests/data/valid/minimal.toml"));
    v
}

/// Width and height from a PNG's IHDR chunk.
pub(crate) fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.len() > 24, "too short for a PNG");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&png[12..16], b"IHDR", "IHDR first");
    let w = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let h = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    (w, h)
}

/// A name as it appears in SVG text.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn every_chart_is_drawn_for_every_default_scenario() {
    for f in scenario_files() {
        let run = simulate(&f, 300);
        let charts = charts(&run).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let names: Vec<&str> = charts.iter().map(|c| c.name).collect();
        assert_eq!(names, chart_names(), "{}", f.display());
        for c in &charts {
            assert_eq!(
                png_size(&c.png),
                (WIDTH, HEIGHT),
                "{} {}",
                f.display(),
                c.name
            );
            let img = image::load_from_memory(&c.png)
                .unwrap_or_else(|e| panic!("{} {}: {e}", f.display(), c.name));
            assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT));
            assert!(c.svg.starts_with("<svg"), "{} {}", f.display(), c.name);
            assert!(c.svg.trim_end().ends_with("</svg>"));
            assert!(!c.title.is_empty() && !c.guide.is_empty());
            assert!(c.svg.contains(&xml(&run.summary.scenario)), "small print");
            assert!(c.svg.contains(&format!("seed {}", run.manifest.seed)));
        }
        // Every kecamatan is named on every chart that has one row or curve per kecamatan.
        for c in charts
            .iter()
            .filter(|c| matches!(c.name, "ontime" | "arrival" | "timeline" | "causes" | "map"))
        {
            for k in &run.summary.kecamatan {
                if c.name == "causes"
                    && run
                        .summary
                        .kecamatan
                        .iter()
                        .all(|k| k.late_stations.mean == 0.0)
                {
                    continue;
                }
                if c.name == "map" && run.summary.nodes[k.hub].lat.is_none() {
                    continue;
                }
                assert!(
                    c.svg.contains(&xml(&k.name)),
                    "{}: {} does not name kecamatan {}",
                    f.display(),
                    c.name,
                    k.name
                );
            }
        }
    }
}

#[test]
fn svg_and_png_are_identical_for_the_same_seed() {
    let f = Path::new("tests/data/valid/minimal.toml");
    let a = charts(&simulate(f, 600)).unwrap();
    let b = charts(&simulate(f, 600)).unwrap();
    for (x, y) in a.iter().zip(&b) {
        assert!(x.svg == y.svg, "{}.svg differs between two runs", x.name);
        assert!(x.png == y.png, "{}.png differs between two runs", x.name);
    }
}

#[test]
fn one_kecamatan_and_no_coordinates_still_render() {
    let run = simulate(Path::new("tests/data/valid/minimal.toml"), 300);
    assert_eq!(run.summary.kecamatan.len(), 1);
    let charts_one = charts(&run).unwrap();
    assert_eq!(charts_one.len(), chart_names().len());
    let map = charts_one.iter().find(|c| c.name == "map").unwrap();
    assert!(!map.svg.contains("No coordinates to place"));

    let run = simulate(Path::new("tests/data/valid/no-coordinates.toml"), 300);
    assert!(run.summary.nodes.iter().all(|n| n.lat.is_none()));
    let charts_none = charts(&run).unwrap();
    assert_eq!(charts_none.len(), chart_names().len());
    let map = charts_none.iter().find(|c| c.name == "map").unwrap();
    assert!(map.svg.contains("No coordinates to place"), "{}", map.svg);
    assert_eq!(png_size(&map.png), (WIDTH, HEIGHT));
}

#[test]
fn a_basemap_is_drawn_under_the_map_with_its_credit() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("land.geojson");
    std::fs::write(
        &p,
        r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[102.0,1.2],[102.3,1.2],[102.3,1.6],[102.0,1.6],[102.0,1.2]]]}},
            {"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[[[101.9,1.3],[101.95,1.3],[101.95,1.35],[101.9,1.3]]]]}}]}"#,
    )
    .unwrap();
    assert_eq!(load_basemap(&p).unwrap().len(), 2);
    let mut run = simulate(Path::new("tests/data/valid/minimal.toml"), 300);
    run.basemap = Some(p);
    let map = charts(&run)
        .unwrap()
        .into_iter()
        .find(|c| c.name == "map")
        .unwrap();
    assert!(
        map.svg
            .contains("Boundaries: BPS / OCHA HDX COD-AB (CC BY-IGO)")
    );
    assert!(map.svg.contains("<polygon"));
}

#[test]
fn a_basemap_that_cannot_be_read_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut run = simulate(Path::new("tests/data/valid/minimal.toml"), 300);
    for (name, text) in [
        ("broken.geojson", "{ not json"),
        ("points.geojson", r#"{"type":"Point","coordinates":[1,2]}"#),
        (
            "bad.geojson",
            r#"{"type":"Polygon","coordinates":[[["a","b"],[1,2],[3,4]]]}"#,
        ),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        run.basemap = Some(p.clone());
        match charts(&run) {
            Err(e @ Error::Invalid(_)) => {
                assert!(e.to_string().contains(name), "{e}");
            }
            Err(e) => panic!("{name}: expected an invalid-input error, got {e}"),
            Ok(_) => panic!("{name}: expected an error"),
        }
    }
    // A basemap that does not exist is left out, and the map says so.
    run.basemap = Some(dir.path().join("missing.geojson"));
    let map = charts(&run)
        .unwrap()
        .into_iter()
        .find(|c| c.name == "map")
        .unwrap();
    assert!(map.svg.contains("Basemap not found:"));
    assert!(map.svg.contains("missing.geojson"));
}

#[test]
fn ticks_and_formats() {
    assert_eq!(thousands(1234567), "1,234,567");
    assert_eq!(thousands(12), "12");
    assert_eq!(pct_short(0.95), "95%");
    assert_eq!(pct_short(0.975), "97.5%");
    assert_eq!(dur(0.5), "30 min");
    assert_eq!(dur(5.5), "5.5 h");
    assert_eq!(dur(51.0), "2 d 3 h");
    let (t, d) = nice_ticks(0.0, 0.3, 6);
    assert_eq!(d, 2);
    assert!(t.len() >= 4 && t.len() <= 8, "{t:?}");
    let labels: Vec<String> = t.iter().map(|x| format!("{x:.d$}")).collect();
    let mut dedup = labels.clone();
    dedup.dedup();
    assert_eq!(labels, dedup, "tick labels must differ");
    assert_eq!(
        fit("Talang Muandau", &font(size::LABEL), 10_000),
        "Talang Muandau"
    );
    assert!(fit("Talang Muandau", &font(size::LABEL), 60).ends_with('…'));
}

#[test]
fn fitting_text_is_not_quadratic_in_its_length() {
    super::ensure_font();
    let f = font(size::LABEL);
    // The longest prefix that fits, as the old character-by-character search found it.
    let s = "Kecamatan Rupat Utara, Desa Teluk Rhu";
    for w in [0, 5, 30, 60, 120, 250] {
        let got = fit(s, &f, w);
        assert!(text_width(&got, &f) <= w.max(0), "{w}: {got}");
        if got.is_empty() {
            continue;
        }
        let n = got.chars().count() - 1; // without the ellipsis
        let longer: String = s.chars().take(n + 1).collect::<String>() + "…";
        assert!(text_width(&longer, &f) > w, "{w}: {got} is not the longest");
    }
    // A million characters (once minutes: one measurement of the whole string per dropped
    // character) now takes about twenty measurements of at most `max_w` characters.
    let long = "Kecamatan ".repeat(100_000);
    let t0 = std::time::Instant::now();
    let got = fit(&long, &f, 300);
    assert!(got.ends_with('…') && got.chars().count() < 300);
    assert!(
        t0.elapsed() < std::time::Duration::from_secs(2),
        "{:?}",
        t0.elapsed()
    );
}

#[test]
fn time_ticks_fall_on_round_local_times() {
    let run = simulate(Path::new("tests/data/valid/minimal.toml"), 300);
    let m = &run.summary.clock;
    let (ticks, step) = time_ticks_px(m, 3.0, 80.0, 800);
    assert!(!ticks.is_empty());
    for t in &ticks {
        let local = crate::time::at(&m.start, *t);
        use chrono::Timelike;
        assert_eq!(local.minute(), 0);
        assert_eq!(local.hour() as f64 % step.min(24.0), 0.0, "{local}");
    }
    assert_eq!(time_label(m, 36.0, 6.0), "11 Feb 12:00");
    assert_eq!(time_label(m, 48.0, 24.0), "12 Feb");
    // With a midnight among the ticks, times of day are short and midnights carry the date.
    let ticks = [36.0, 48.0, 60.0];
    assert_eq!(time_tick_label(m, 36.0, 12.0, &ticks), "12:00");
    assert_eq!(time_tick_label(m, 48.0, 12.0, &ticks), "12 Feb");
    assert_eq!(time_tick_label(m, 36.0, 12.0, &[36.0]), "11 Feb 12:00");
}
