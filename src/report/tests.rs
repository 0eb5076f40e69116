//! The report is self-contained and escaped; the index links to every report.

use std::path::Path;

use super::*;
use crate::engine::{NoProgress, Runs};
use crate::pipeline::{RunConfig, ScenarioRun, simulate_file};

fn simulate(path: &Path) -> ScenarioRun {
    let cfg = RunConfig {
        seed: Some(7),
        runs: Runs::Fixed(300),
        threads: 2,
        ..RunConfig::default()
    };
    simulate_file(path, &cfg, &NoProgress).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `src="…"`, `href="…"` and `url(…)` target in `html`.
pub(crate) fn references(html: &str) -> Vec<String> {
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

fn is_external(r: &str) -> bool {
    let r = r.to_ascii_lowercase();
    r.starts_with("http:") || r.starts_with("https:") || r.starts_with("//")
}

#[test]
fn the_report_is_self_contained_and_has_every_part() {
    let run = simulate(Path::new("tests/data/valid/minimal.toml"));
    let charts = crate::plot::charts(&RunView::from(&run).chart_input()).unwrap();
    let html = report_html(&RunView::from(&run), &charts).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    for r in references(&html) {
        assert!(!is_external(&r), "external reference {r}");
    }
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(!html.contains("{{"), "unfilled placeholder");
    // Charts inline, with their guides.
    for c in &charts {
        assert!(html.contains(&format!("id=\"{}\"", c.name)));
        assert!(html.contains(&template::escape(&c.guide)));
    }
    assert_eq!(html.matches("<svg").count(), charts.len());
    // Headline figures, tables and manifest.
    // The report leads with sentences, and explains its terms once.
    assert!(html.contains("Chance that all"), "the answer in brief");
    assert!(html.contains("How to read this report"));
    assert!(html.contains("Late TPS (average)"));
    assert!(html.contains("is the most at risk"));
    assert!(html.contains("<details>"));
    assert!(html.contains("Village A") && html.contains("Village B"));
    assert!(html.contains(&run.manifest.scenario_sha256));
    assert!(
        html.contains("road closed or flooded"),
        "causes table header"
    );
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("@media print"));
}

#[test]
fn every_string_from_the_scenario_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("tests/data/valid/minimal.toml")
        .unwrap()
        .replace(
            "name = \"minimal\"",
            "name = \"<script>alert(1)</script>\"\ndescription = \"Rock & <b>roll</b>\"\nassumptions = [\"boats <sail> & \\\"dock\\\"\"]",
        )
        .replace("name = \"Hub\"", "name = \"Hub <i>&</i>\"")
        .replace("supplier = \"Hub\"", "supplier = \"Hub <i>&</i>\"");
    let p = dir.path().join("evil.toml");
    std::fs::write(&p, text).unwrap();
    let run = simulate(&p);
    let charts = crate::plot::charts(&RunView::from(&run).chart_input()).unwrap();
    let html = report_html(&RunView::from(&run), &charts).unwrap();
    assert!(!html.contains("<script>alert"), "scenario name not escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<b>roll</b>"));
    assert!(html.contains("Rock &amp; &lt;b&gt;roll&lt;/b&gt;"));
    assert!(html.contains("boats &lt;sail&gt; &amp; &quot;dock&quot;"));
    assert!(!html.contains("Hub <i>"));
    assert!(html.contains("Hub &lt;i&gt;&amp;&lt;/i&gt;"));
    for c in &charts {
        assert!(!c.svg.contains("<i>"), "{} does not escape names", c.name);
    }
    let index = index_html(Lang::En, &[IndexEntry::new("evil", &RunView::from(&run))]).unwrap();
    assert!(!index.contains("<script>alert"));
    assert!(index.contains("href=\"evil/report.html\""));
}

#[test]
fn the_index_links_every_scenario() {
    let a = simulate(Path::new("tests/data/valid/minimal.toml"));
    let b = simulate(Path::new("tests/data/valid/no-coordinates.toml"));
    let entries = vec![
        IndexEntry::new("minimal", &RunView::from(&a)),
        IndexEntry::new("no-coordinates", &RunView::from(&b)),
    ];
    let html = index_html(Lang::En, &entries).unwrap();
    let refs = references(&html);
    assert_eq!(
        refs,
        vec![
            "minimal/report.html".to_string(),
            "no-coordinates/report.html".to_string()
        ]
    );
    assert!(html.contains(&entries[0].all_on_time));
    assert!(html.contains("no-coordinates"));
    assert!(!html.contains("{{"));
    let empty = index_html(Lang::En, &[]).unwrap();
    assert!(empty.contains("No scenario was run."));
}

#[test]
fn an_index_template_that_cannot_be_filled_is_an_error_not_a_page() {
    let a = simulate(Path::new("tests/data/valid/minimal.toml"));
    let entries = vec![IndexEntry::new("minimal", &RunView::from(&a))];
    let e = index_from("<p>{{t.heading}} {{no_such_value}}</p>", Lang::En, &entries).unwrap_err();
    assert_eq!(e.exit_code(), 1);
    assert_eq!(e.to_string(), "template: no value named 'no_such_value'");
    let e = index_from("{{#entries}}<p>{{name}}</p>", Lang::En, &entries).unwrap_err();
    assert_eq!(e.to_string(), "template: section 'entries' is not closed");
}
