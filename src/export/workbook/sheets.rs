//! The sheets of a simulated scenario: what the run was, kecamatan, villages, stations,
//! causes and links.

use chrono::{DateTime, FixedOffset};

use super::{About, Cell, Sheet, Words, prob3, text, text_opt, time, yes_no};
use crate::model::CAUSES;
use crate::summary::{NodeKind, Summary};

/// The first sheet: what the run was.
pub fn about_sheet(w: Words, a: &About) -> Sheet {
    let mut s = Sheet::new(
        w,
        "wb-sheet-about",
        &[("wb-about-item", 28.0), ("wb-about-value", 70.0)],
    );
    let zone = crate::lang::format::zone(a.made.offset());
    let pairs: Vec<(&str, Cell)> = vec![
        ("wb-about-what", Cell::Text(w(a.what))),
        ("wb-about-scenario", text(&a.scenario)),
        ("wb-about-description", text(&a.description)),
        ("wb-about-file", text(&a.file)),
        ("wb-about-sha256", text(&a.sha256)),
        // The seed as text: it can exceed the 15 digits a spreadsheet number keeps.
        ("wb-about-seed", Cell::Text(a.seed.to_string())),
        ("wb-about-runs", Cell::Int(a.runs as f64)),
        ("wb-about-target", Cell::Pct(a.target)),
        ("wb-about-made", Cell::Time(a.made.naive_local())),
        ("wb-about-zone", Cell::Text(zone)),
        (
            "wb-about-tool",
            Cell::Text(format!("tepat {}", env!("CARGO_PKG_VERSION"))),
        ),
        ("wb-about-note", Cell::Text(w("wb-about-note-text"))),
    ];
    s.rows = pairs
        .into_iter()
        .map(|(k, v)| vec![Cell::Text(w(k)), v])
        .collect();
    s
}

/// The kecamatan sheet: one row per kecamatan, in file order (as in `summary.csv`).
pub fn kecamatan_sheet(w: Words, s: &Summary, start: &DateTime<FixedOffset>) -> Sheet {
    let mut sh = Sheet::new(
        w,
        "wb-sheet-kecamatan",
        &[
            ("wb-col-kecamatan", 22.0),
            ("wb-col-tps", 8.0),
            ("wb-col-p-all-tps", 14.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-expected-late-tps", 12.0),
            ("wb-col-below-target", 10.0),
            ("wb-col-p-ppk", 14.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-ppk-deadline", 17.0),
            ("wb-col-arrival-p50", 17.0),
            ("wb-col-arrival-p80", 17.0),
            ("wb-col-arrival-p95", 17.0),
            ("wb-col-last-tps-p05", 17.0),
            ("wb-col-last-tps-p50", 17.0),
            ("wb-col-last-tps-p95", 17.0),
            ("wb-col-p-opening", 16.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-expected-opening", 14.0),
            ("wb-col-late-mean-h", 12.0),
            ("wb-col-leading-cause", 18.0),
            ("wb-col-p-never", 12.0),
        ],
    );
    for k in &s.kecamatan {
        let hub = &s.nodes[k.hub];
        let mut row = vec![text(&k.name), Cell::Int(k.stations as f64)];
        row.extend(prob3(Some(k.all_stations_on_time)));
        row.push(Cell::Num(k.late_stations.mean, 3));
        row.push(yes_no(w, k.below_target));
        row.extend(prob3(hub.on_time));
        row.push(time(start, hub.deadline_h));
        row.extend([hub.p50_h, hub.p80_h, hub.p95_h].map(|h| time(start, h)));
        row.extend(k.last_tps_h.map(|h| time(start, h)));
        row.extend(prob3(k.some_without_materials_at_opening));
        row.push(Cell::opt(
            k.without_materials_at_opening.map(|m| m.mean),
            |x| Cell::Num(x, 3),
        ));
        row.push(Cell::opt(hub.late_mean_h, |x| Cell::Num(x, 2)));
        row.push(text_opt(k.leading_cause.as_deref()));
        row.push(Cell::Pct(hub.never));
        sh.rows.push(row);
    }
    sh
}

/// The villages sheet: every place that is not a kecamatan's hub (villages, the depot, other
/// hubs), in the model's order (as in `summary.csv`).
pub fn villages_sheet(w: Words, s: &Summary, start: &DateTime<FixedOffset>) -> Sheet {
    let mut sh = Sheet::new(
        w,
        "wb-sheet-villages",
        &[
            ("wb-col-place", 26.0),
            ("wb-col-level", 10.0),
            ("wb-col-kecamatan", 20.0),
            ("wb-col-tps", 8.0),
            ("wb-col-p-on-time", 13.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-deadline", 17.0),
            ("wb-col-arrival-p50", 17.0),
            ("wb-col-arrival-p80", 17.0),
            ("wb-col-arrival-p95", 17.0),
            ("wb-col-late-mean-h", 12.0),
            ("wb-col-leading-cause", 18.0),
            ("wb-col-p-never", 12.0),
        ],
    );
    for n in &s.nodes {
        if n.kind == NodeKind::Hub && s.kecamatan.iter().any(|k| k.hub == n.index) {
            continue;
        }
        let level = match n.kind {
            NodeKind::Depot => "wb-level-depot",
            NodeKind::Hub => "wb-level-hub",
            NodeKind::Village => "wb-level-village",
        };
        let mut row = vec![text(&n.name), Cell::Text(w(level))];
        row.push(text_opt(n.kecamatan.as_deref()));
        row.push(Cell::Int(n.stations as f64));
        row.extend(prob3(n.on_time));
        row.push(time(start, n.deadline_h));
        row.extend([n.p50_h, n.p80_h, n.p95_h].map(|h| time(start, h)));
        row.push(Cell::opt(n.late_mean_h, |x| Cell::Num(x, 2)));
        row.push(text_opt(n.leading_cause.as_deref()));
        row.push(Cell::Pct(n.never));
        sh.rows.push(row);
    }
    sh
}

/// The stations sheet: one row per TPS (as in `stations.csv`), the TPS number as text.
pub fn stations_sheet(w: Words, s: &Summary) -> Sheet {
    let mut sh = Sheet::new(
        w,
        "wb-sheet-stations",
        &[
            ("wb-col-kecamatan", 20.0),
            ("wb-col-village", 26.0),
            ("wb-col-tps-number", 8.0),
            ("wb-col-p-on-time", 13.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-late-mean-h", 12.0),
        ],
    );
    for r in &s.station_results {
        let mut row = vec![text_opt(r.kecamatan.as_deref()), text(&r.node)];
        row.push(Cell::Text(format!("{:03}", r.number)));
        row.extend(prob3(Some(r.on_time)));
        row.push(Cell::opt(r.late_mean_h, |x| Cell::Num(x, 2)));
        sh.rows.push(row);
    }
    sh
}

/// The causes sheet: expected lateness hours per replication by cause (as in `causes.csv`).
pub fn causes_sheet(w: Words, s: &Summary) -> Sheet {
    let mut cols: Vec<(String, f64)> = vec![
        ("wb-col-kecamatan".into(), 20.0),
        ("wb-col-scope".into(), 12.0),
    ];
    cols.extend(
        CAUSES
            .iter()
            .map(|c| (format!("wb-cause-{}", c.replace(' ', "-")), 12.0)),
    );
    cols.push(("wb-col-total".into(), 10.0));
    let ids: Vec<(&str, f64)> = cols.iter().map(|(c, x)| (c.as_str(), *x)).collect();
    let mut sh = Sheet::new(w, "wb-sheet-causes", &ids);
    for r in crate::export::causes_csv::rows(s) {
        let scope = match r.scope {
            crate::export::causes_csv::CauseScope::Hub => "wb-scope-hub",
            crate::export::causes_csv::CauseScope::Stations => "wb-scope-stations",
        };
        let mut row = vec![text(&r.kecamatan), Cell::Text(w(scope))];
        row.extend(r.hours.iter().map(|&h| Cell::Num(h, 2)));
        row.push(Cell::Num(r.total(), 2));
        sh.rows.push(row);
    }
    sh
}

/// The links sheet: how often each link is the critical link of late TPS (as in `links.csv`).
pub fn links_sheet(w: Words, s: &Summary) -> Sheet {
    let mut sh = Sheet::new(
        w,
        "wb-sheet-links",
        &[
            ("wb-col-link", 34.0),
            ("wb-col-mode", 10.0),
            ("wb-col-p-critical", 14.0),
            ("wb-col-lo", 9.0),
            ("wb-col-hi", 9.0),
            ("wb-col-expected-late-tps", 12.0),
            ("wb-col-delay-when-critical", 14.0),
        ],
    );
    for l in &s.links {
        let mut row = vec![text(&l.name), text(&l.mode)];
        row.extend(prob3(Some(l.critical)));
        row.push(Cell::Num(l.late_stations, 3));
        row.push(Cell::opt(l.delay_when_critical_h, |x| Cell::Num(x, 2)));
        sh.rows.push(row);
    }
    sh
}
