//! The TPS questions: exact answers for the two thresholds (H-1 and the opening of voting), and
//! one riskiest kecamatan named alike by every output of a run.

use tepat::summary::summarise;

const OPENING: &str = r#"
[scenario]
name = "opening"
start = "2024-02-10T00:00:00+07:00"
horizon_days = 10
voting_opens = "2024-02-11T06:00:00+07:00"

[defaults]
station_deadline = "2024-02-11T04:00:00+07:00"
last_mile = { dist = "uniform", min = 0, max = 10 }

[[link]]
name = "trunk"
mode = "road"
duration = { dist = "fixed", value = 20 }

[[link]]
name = "lane"
mode = "road"
duration = { dist = "fixed", value = 1 }

[[node]]
name = "Depot"
kind = "depot"

[[node]]
name = "Hub"
kind = "hub"
supplier = "Depot"
route = ["trunk"]

[[node]]
name = "Village"
kind = "village"
supplier = "Hub"
route = ["lane"]
stations = 4
"#;

#[test]
fn the_two_thresholds_have_their_exact_probabilities() {
    // The village is supplied at 21 h; each TPS at 21 h + U(0, 10) h. H-1 is at 28 h (U ≤ 7:
    // 0.7 each), voting opens at 30 h (U ≤ 9: 0.9 each), four TPS independently.
    let m = crate::util::model(OPENING);
    let n = 20_000;
    let acc = crate::util::simulate(&m, n, 11, 2);
    let s = summarise(&m, &acc);
    let k = &s.kecamatan[0];
    crate::util::assert_prob(
        "P(every TPS by H-1)",
        acc.kec_all_on_time[0],
        n,
        0.7f64.powi(4),
    );
    let some = k
        .some_without_materials_at_opening
        .expect("voting_opens is set");
    crate::util::assert_prob(
        "P(some TPS without materials at opening)",
        (some.p * n as f64).round() as u64,
        n,
        1.0 - 0.9f64.powi(4),
    );
    assert_eq!(s.some_without_materials_at_opening.unwrap().p, some.p);
    // Expected TPS without materials: 4 × 0.1, within 4 standard errors (sd of a
    // binomial(4, 0.1) count is 0.6).
    let mean = k.without_materials_at_opening.unwrap().mean;
    assert!((mean - 0.4).abs() < 4.0 * 0.6 / (n as f64).sqrt(), "{mean}");
    assert!(k.below_target);
    assert_eq!(s.below_target, vec!["Hub".to_string()]);
    // The latest TPS arrival: 21 h + 10 h × max of four uniforms; its median is at
    // 21 + 10 × 0.5^(1/4) h. Computed in a quarter of the replications.
    assert_eq!(acc.last_runs, n / 4);
    let p50 = k.last_tps_h[1].unwrap();
    let exact = 21.0 + 10.0 * 0.5f64.powf(0.25);
    assert!((p50 - exact).abs() < 0.25, "{p50} vs {exact}");
}

#[test]
fn without_voting_opens_the_opening_figures_are_absent() {
    let text = OPENING.replace("voting_opens = \"2024-02-11T06:00:00+07:00\"\n", "");
    let m = crate::util::model(&text);
    let acc = crate::util::simulate(&m, 1_000, 1, 1);
    let s = summarise(&m, &acc);
    assert!(s.some_without_materials_at_opening.is_none());
    assert!(s.kecamatan[0].some_without_materials_at_opening.is_none());
}

#[test]
fn every_output_names_the_same_riskiest_kecamatan() {
    let cfg = tepat::pipeline::RunConfig {
        runs: tepat::engine::Runs::Fixed(1_000),
        threads: 2,
        ..Default::default()
    };
    let run = tepat::pipeline::simulate_file(
        std::path::Path::new("scenarios/bengkalis-2024.toml"),
        &cfg,
        &tepat::engine::NoProgress,
    )
    .unwrap();
    let s = &run.summary;
    let k = s.riskiest.expect("a riskiest kecamatan");
    let name = s.kecamatan[k].name.clone();
    // It is the lowest P(every TPS on time).
    for x in &s.kecamatan {
        assert!(x.all_stations_on_time.p >= s.kecamatan[k].all_stations_on_time.p);
    }
    let files = tepat::report::run_files(&tepat::report::RunView::from(&run)).unwrap();
    let file =
        |n: &str| String::from_utf8(files.iter().find(|f| f.0 == n).unwrap().1.clone()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&file("run.json")).unwrap();
    assert_eq!(json["riskiest_kecamatan"], serde_json::json!(name));
    let report = file("report.html");
    // The report's answer names it in a sentence (English wording of issue 13).
    assert!(
        report.contains(&format!("Kecamatan {name} is the most at risk")),
        "the report names the riskiest kecamatan"
    );
    assert!(file("convergence.svg").contains(&format!("{name} (most at risk)")));
}

#[test]
fn a_target_no_dispatch_can_reach_is_said_with_what_binds() {
    // Each TPS's last mile takes an extra 200 h with probability 0.05: no dispatch time saves
    // those replications, so P(every TPS on time) cannot reach 0.9 by dispatching earlier.
    let text = OPENING.replace(
        "last_mile = { dist = \"uniform\", min = 0, max = 10 }",
        "last_mile = { dist = \"uniform\", min = 0, max = 1 }\nlast_mile_extra_delay = { probability = 0.05, delay = { dist = \"fixed\", value = 200 } }",
    );
    let mut m = crate::util::model(&text);
    let v = m.nodes.iter().position(|n| n.name == "Village").unwrap();
    m.nodes[v].planned = Some(22.0);
    let p = tepat::analysis::plan::plan(&m, 0.9, 3, 2_000, 2, tepat::analysis::plan::Measure::Tps)
        .unwrap();
    let k = &p.kecamatan[0];
    assert!(!k.reachable);
    let why = k.binds.as_deref().unwrap();
    assert!(why.contains("last mile"), "{why}");
    assert!(
        p.rows
            .iter()
            .all(|r| r.latest_h.is_none() && r.status.starts_with("not reachable by dispatch")),
    );
    // 1 − 0.95^4 of the replications have a struck TPS: the best by dispatch is 0.95^4.
    crate::util::assert_prob(
        "P with every dispatch as early as possible",
        (k.p_plan.p * 2_000.0).round() as u64,
        2_000,
        0.95f64.powi(4),
    );
}

#[test]
fn the_csv_headers_are_the_row_structs_field_names() {
    let cfg = tepat::pipeline::RunConfig {
        runs: tepat::engine::Runs::Fixed(200),
        threads: 1,
        ..Default::default()
    };
    let run = tepat::pipeline::simulate_file(
        std::path::Path::new("tests/data/valid/minimal.toml"),
        &cfg,
        &tepat::engine::NoProgress,
    )
    .unwrap();
    let s = &run.summary;
    use tepat::export::{field_names, links_csv, stations_csv, summary_csv};
    assert_eq!(
        field_names(&summary_csv::rows(s)[0]).unwrap(),
        summary_csv::HEADER
    );
    assert_eq!(
        field_names(&stations_csv::rows(s)[0]).unwrap(),
        stations_csv::HEADER
    );
    assert_eq!(
        field_names(&links_csv::rows(s)[0]).unwrap(),
        links_csv::HEADER
    );
    // The "overall" row of a comparison is an enum, written as the word.
    assert_eq!(tepat::strategy::Scope::Overall.label(), "overall");
}

#[test]
fn the_map_reads_each_places_colour_and_route_from_the_summary() {
    // The depot → hub route is a road then a sea crossing (the map draws it as sea); the
    // hub → village lane is road. Colours, TPS first: the depot has none, the hub (a PPK) is
    // P(every TPS of its kecamatan on time), the village the mean of its four TPS' P(on time).
    let text = OPENING
        .replace(
            "name = \"lane\"\nmode = \"road\"\nduration = { dist = \"fixed\", value = 1 }\n",
            "name = \"lane\"\nmode = \"road\"\nduration = { dist = \"fixed\", value = 1 }\n\n[[link]]\nname = \"strait\"\nmode = \"sea\"\nduration = { dist = \"fixed\", value = 2 }\n",
        )
        .replace("route = [\"trunk\"]", "route = [\"trunk\", \"strait\"]");
    assert!(text.contains("\"strait\"]"));
    let m = crate::util::model(&text);
    let acc = crate::util::simulate(&m, 2_000, 3, 2);
    let s = summarise(&m, &acc);
    use tepat::summary::{RouteMode, SupplyLine};
    assert_eq!(
        s.map.lines,
        vec![
            SupplyLine {
                node: 1,
                supplier: 0,
                mode: RouteMode::Sea
            },
            SupplyLine {
                node: 2,
                supplier: 1,
                mode: RouteMode::Road
            },
        ]
    );
    let village: f64 = s.station_results.iter().map(|r| r.on_time.p).sum::<f64>() / 4.0;
    assert!(village > 0.0 && village < 1.0, "{village}");
    assert_eq!(
        s.map.colour_p,
        vec![
            None,
            Some(s.kecamatan[0].all_stations_on_time.p),
            Some(village)
        ]
    );
}

#[test]
fn causes_csv_has_a_column_per_cause_and_the_total_of_the_row() {
    // OPENING: every late TPS is late by its last mile (the trunk and the lane are fixed).
    let m = crate::util::model(OPENING);
    let acc = crate::util::simulate(&m, 2_000, 5, 2);
    let s = summarise(&m, &acc);
    use tepat::export::causes_csv;
    let rows = causes_csv::rows(&s);
    assert_eq!(rows.len(), 2 * s.kecamatan.len());
    let last_mile = s.causes.iter().position(|c| c == "last mile").unwrap();
    let stations = &rows[1];
    assert_eq!(stations.scope, causes_csv::CauseScope::Stations);
    assert!(stations.hours[last_mile] > 0.0);
    for r in &rows {
        assert_eq!(r.hours.len(), s.causes.len());
        assert_eq!(r.total(), r.hours.iter().sum::<f64>());
    }
    let bytes = causes_csv::bytes(&s).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + rows.len());
    for line in &lines {
        assert_eq!(
            line.split(',').count(),
            causes_csv::header().len(),
            "{line}"
        );
    }
    let (h, t) = (stations.hours[last_mile], stations.total());
    assert!(
        lines[2].ends_with(&format!(",{h:.2},{t:.2}")),
        "{}",
        lines[2]
    );
}
