//! `brief.html`: two A4 pages in the run's language, scenario text escaped.
//!
//! The page count itself needs a browser (the manual check in docs/brief.md prints it with
//! headless Chromium and counts the pages with pdfinfo). Here the brief is held to the content
//! budget of that check: the worst case printed there (every table full, every name and
//! assumption at its cap, Indonesian) had 2,686 characters and 22 table rows on page one and
//! 3,026 characters and 13 rows on page two, and printed on two pages.

use std::path::Path;

use chrono::{FixedOffset, TimeZone};
use tepat::engine::{NoProgress, Runs};
use tepat::lang::Lang;
use tepat::pipeline::RunConfig;

const PAGE1_CHARS: usize = 2_686;
const PAGE1_ROWS: usize = 22;
const PAGE2_CHARS: usize = 3_026;
const PAGE2_ROWS: usize = 13;

fn brief(path: &Path, lang: Lang) -> String {
    let cfg = RunConfig {
        runs: Runs::Fixed(300),
        threads: 2,
        ..RunConfig::default()
    };
    let run = tepat::pipeline::simulate_file(path, &cfg, &NoProgress).unwrap();
    let view = tepat::report::RunView::from(&run).in_lang(lang);
    let made = FixedOffset::east_opt(7 * 3600)
        .unwrap()
        .with_ymd_and_hms(2024, 2, 1, 9, 30, 0)
        .unwrap();
    tepat::report::brief(&view, made).unwrap()
}

/// The text a reader sees in a section of the page (tags removed, spaces collapsed), and its
/// table rows.
fn section(html: &str, class: &str) -> (String, usize) {
    let open = format!("<section class=\"{class}\">");
    let i = html.find(&open).unwrap_or_else(|| panic!("no {class}"));
    let k = i + html[i..].find("</section>").unwrap();
    let part = &html[i..k];
    let mut text = String::new();
    let mut in_tag = false;
    for c in part.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (text, part.matches("<tr>").count())
}

#[test]
fn the_brief_stays_within_its_two_page_budget_in_both_languages() {
    // The scenario with eight strategies and fifteen assumptions: every cap is reached.
    let path = Path::new("scenarios/bengkalis-2024-mitigations.toml");
    for lang in Lang::ALL {
        let html = brief(path, lang);
        assert!(
            html.contains(&format!("<html lang=\"{}\">", lang.code())),
            "{lang:?}"
        );
        assert!(html.contains("@page { size: A4;"), "print CSS");
        assert!(
            html.contains("break-before: page"),
            "page two starts a page"
        );
        let (p1, rows1) = section(&html, "page1");
        let (p2, rows2) = section(&html, "page2");
        assert!(
            p1.chars().count() <= PAGE1_CHARS && rows1 <= PAGE1_ROWS,
            "{lang:?} page one: {} characters, {rows1} rows",
            p1.chars().count()
        );
        assert!(
            p2.chars().count() <= PAGE2_CHARS && rows2 <= PAGE2_ROWS,
            "{lang:?} page two: {} characters, {rows2} rows",
            p2.chars().count()
        );
        // The strategies (5 of 8), the dispatch table and the capped assumptions are there.
        assert_eq!(
            html.matches("<li>").count(),
            4,
            "{lang:?}: four assumptions"
        );
        assert!(p2.contains("Rp "), "{lang:?}: costs in rupiah");
    }
}

#[test]
fn the_indonesian_brief_speaks_indonesian() {
    let html = brief(
        Path::new("scenarios/bengkalis-2024-mitigations.toml"),
        Lang::Id,
    );
    // Leave out what the scenario says itself (its assumptions are written in English).
    let mut text = section(&html, "page1").0 + " " + &section(&html, "page2").0;
    for li in html.split("<li>").skip(1) {
        let item = li.split("</li>").next().unwrap();
        text = text.replace(&item.replace("&#39;", "'").replace("&amp;", "&"), "");
    }
    for english in [
        " the ", " of ", " and ", " with ", " which ", "Made ", "riskiest", " hours", " million",
    ] {
        assert!(!text.contains(english), "English {english:?} in: {text}");
    }
    assert!(text.contains("Rp ") && text.contains(" juta"), "{text}");
    assert!(text.contains("WIB"), "local times say WIB");
}

#[test]
fn scenario_text_is_escaped_in_the_brief() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("tests/data/valid/minimal.toml")
        .unwrap()
        .replace("name = \"minimal\"", "name = \"<script>alert(1)</script>\"")
        .replace("\"Village A\"", "\"<img src=x onerror=alert(2)>\"");
    let p = dir.path().join("hostile.toml");
    std::fs::write(&p, text).unwrap();
    let html = brief(&p, Lang::En);
    assert!(!html.contains("<script>alert"), "markup from the scenario");
    assert!(!html.contains("<img src=x"), "markup from the scenario");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}
