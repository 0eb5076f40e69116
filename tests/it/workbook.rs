//! `results.xlsx` read back with calamine: its figures equal the CSV files of the same run, its
//! datetimes are Excel datetimes in local time, TPS numbers are text, and no cell holds a
//! formula, whatever the scenario's names say.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataType, Reader, Xlsx, open_workbook_from_rs};
use chrono::{FixedOffset, NaiveDate, TimeZone};
use tepat::engine::{NoProgress, Runs};
use tepat::pipeline::RunConfig;

/// Strategies for the minimal scenario, so that the workbook has its strategies sheet.
const STRATEGIES: &str = r#"
[[strategy]]
name = "faster road"
cost_idr = 5_000_000
[strategy.set]
"link.road.speed_kmh" = { dist = "triangular", min = 35, mode = 50, max = 65 }
"#;

struct Run {
    files: Vec<(String, Vec<u8>)>,
    xlsx: Xlsx<Cursor<Vec<u8>>>,
}

fn run(text: &str) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("wb.toml");
    std::fs::write(&p, text).unwrap();
    let cfg = RunConfig {
        runs: Runs::Fixed(2_000),
        threads: 2,
        ..RunConfig::default()
    };
    let run = tepat::pipeline::simulate_file(&p, &cfg, &NoProgress).unwrap();
    let view = tepat::report::RunView::from(&run);
    let files = tepat::report::run_files(&view).unwrap();
    let bytes = files
        .iter()
        .find(|(n, _)| n == "results.xlsx")
        .expect("results.xlsx among a run's files")
        .1
        .clone();
    let xlsx: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("a readable workbook");
    Run { files, xlsx }
}

fn minimal() -> String {
    std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap()
}

impl Run {
    fn csv(&self, name: &str) -> Vec<csv::StringRecord> {
        let bytes = &self.files.iter().find(|(n, _)| n == name).unwrap().1;
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            "{name} starts with a UTF-8 byte-order mark"
        );
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        let header = r.headers().unwrap().clone();
        let mut rows = vec![header];
        rows.extend(r.records().map(|r| r.unwrap()));
        rows
    }
    /// The sheet at `index` (0 is the about sheet), header row first.
    fn sheet(&mut self, index: usize) -> Vec<Vec<Data>> {
        let name = self.xlsx.sheet_names()[index].clone();
        let range = self.xlsx.worksheet_range(&name).unwrap();
        let formulas = self.xlsx.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "sheet {name} holds a formula"
        );
        range.rows().map(|r| r.to_vec()).collect()
    }
}

/// A number cell as the CSV writes it: `decimals` decimals.
fn num(d: &Data, decimals: usize) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Float(x) => format!("{x:.decimals$}"),
        Data::Int(x) => format!("{x:.decimals$}"),
        other => panic!("expected a number, found {other:?}"),
    }
}

/// A datetime cell as the CSV writes it (`2024-02-13 23:59`, local time).
fn when(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::DateTime(t) => {
            let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap();
            let secs = (t.as_f64() * 86_400.0).round() as i64;
            (epoch + chrono::Duration::seconds(secs))
                .format("%Y-%m-%d %H:%M")
                .to_string()
        }
        other => panic!("expected an Excel datetime, found {other:?}"),
    }
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("expected text, found {other:?}"),
    }
}

#[test]
fn the_workbook_figures_equal_summary_csv_and_stations_csv() {
    let mut r = run(&format!("{}\n{STRATEGIES}", minimal()));
    let summary = r.csv("summary.csv");
    let col = |name: &str| summary[0].iter().position(|h| h == name).unwrap();
    let kec: Vec<_> = summary[1..]
        .iter()
        .filter(|row| &row[col("level")] == "kecamatan")
        .collect();
    let sheet = r.sheet(1);
    assert_eq!(sheet.len() - 1, kec.len(), "one row per kecamatan");
    assert!(!kec.is_empty());
    for (row, csv) in sheet[1..].iter().zip(&kec) {
        assert_eq!(text(&row[0]), csv[col("name")]);
        assert_eq!(num(&row[1], 0), csv[col("stations")]);
        assert_eq!(num(&row[2], 4), csv[col("p_all_tps_on_time")]);
        assert_eq!(num(&row[3], 4), csv[col("p_all_tps_lo")]);
        assert_eq!(num(&row[4], 4), csv[col("p_all_tps_hi")]);
        assert_eq!(num(&row[5], 3), csv[col("expected_late_tps")]);
        assert_eq!(num(&row[7], 4), csv[col("p_on_time")]);
        assert_eq!(num(&row[8], 4), csv[col("p_on_time_lo")]);
        assert_eq!(num(&row[9], 4), csv[col("p_on_time_hi")]);
        assert_eq!(when(&row[10]), csv[col("deadline")]);
        assert_eq!(when(&row[11]), csv[col("arrival_p50")]);
        assert_eq!(when(&row[13]), csv[col("arrival_p95")]);
        assert_eq!(when(&row[16]), csv[col("last_tps_p95")]);
        assert_eq!(num(&row[21], 2), csv[col("late_mean_h")]);
        assert_eq!(num(&row[23], 4), csv[col("p_never_arrived")]);
    }
    // The villages sheet: every other row of summary.csv, in the same order.
    let others: Vec<_> = summary[1..]
        .iter()
        .filter(|row| &row[col("level")] != "kecamatan")
        .collect();
    let sheet = r.sheet(2);
    assert_eq!(sheet.len() - 1, others.len());
    for (row, csv) in sheet[1..].iter().zip(&others) {
        assert_eq!(text(&row[0]), csv[col("name")]);
        assert_eq!(num(&row[4], 4), csv[col("p_on_time")]);
        assert_eq!(num(&row[5], 4), csv[col("p_on_time_lo")]);
        assert_eq!(num(&row[6], 4), csv[col("p_on_time_hi")]);
        assert_eq!(when(&row[7]), csv[col("deadline")]);
        assert_eq!(when(&row[9]), csv[col("arrival_p80")]);
    }
    // Stations: the TPS number stays text with its leading zeros.
    let stations = r.csv("stations.csv");
    let sheet = r.sheet(3);
    assert_eq!(sheet.len(), stations.len());
    for (row, csv) in sheet[1..].iter().zip(&stations[1..]) {
        assert_eq!(text(&row[1]), csv[1]);
        assert!(matches!(row[2], Data::String(_)), "TPS number as text");
        assert_eq!(text(&row[2]), csv[2]);
        assert_eq!(num(&row[3], 4), csv[3]);
        assert_eq!(num(&row[6], 2), csv[6]);
    }
    // Strategies: the overall row of the one strategy equals comparison.csv's.
    let comparison = r.csv("comparison.csv");
    let sheet = r.sheet(6);
    let overall = &comparison[1];
    assert_eq!(text(&sheet[1][0]), overall[0]);
    assert_eq!(num(&sheet[1][3], 0), overall[3], "cost in rupiah");
    assert_eq!(num(&sheet[1][6], 4), overall[6], "paired difference");
    assert_eq!(num(&sheet[1][13], 3), overall[13], "late TPS avoided");
}

#[test]
fn the_first_sheet_says_what_the_run_was() {
    let mut r = run(&minimal());
    let names = r.xlsx.sheet_names();
    assert_eq!(
        names.len(),
        6,
        "no strategies sheet without strategies: {names:?}"
    );
    let about = r.sheet(0);
    let json: serde_json::Value =
        serde_json::from_slice(&r.files.iter().find(|(n, _)| n == "run.json").unwrap().1).unwrap();
    let values: Vec<String> = about[1..]
        .iter()
        .map(|row| match &row[1] {
            Data::Float(x) => format!("{x}"),
            d => d.as_string().unwrap_or_default(),
        })
        .collect();
    let m = &json["manifest"];
    for want in [
        m["scenario_sha256"].as_str().unwrap().to_string(),
        m["seed"].to_string(),
        m["runs"].to_string(),
        "minimal".to_string(),
    ] {
        assert!(values.contains(&want), "{want} not in {values:?}");
    }
    assert!(
        about[1..]
            .iter()
            .any(|row| matches!(row[1], Data::DateTime(_))),
        "the date of the run is an Excel datetime"
    );
}

#[test]
fn scenario_text_never_becomes_a_formula() {
    let formula = "=HYPERLINK(\"http://evil.example\",\"Hub\")";
    let text = minimal()
        .replace("\"Hub\"", &format!("'{formula}'"))
        .replace("\"Village A\"", "\"@SUM(A1)\"");
    let mut r = run(&text);
    // r.sheet checks every sheet for formulas; the names come back as the same text.
    let kec = r.sheet(1);
    assert_eq!(kec[1][0], Data::String(formula.to_string()));
    let villages = r.sheet(2);
    assert!(
        villages
            .iter()
            .any(|row| row[0] == Data::String("@SUM(A1)".into()))
    );
    for i in 0..r.xlsx.sheet_names().len() {
        r.sheet(i);
    }
}

#[test]
fn the_same_sheets_at_the_same_moment_give_the_same_bytes() {
    let cfg = RunConfig {
        runs: Runs::Fixed(500),
        threads: 1,
        ..RunConfig::default()
    };
    let run = tepat::pipeline::simulate_file(
        Path::new("tests/data/valid/minimal.toml"),
        &cfg,
        &NoProgress,
    )
    .unwrap();
    let view = tepat::report::RunView::from(&run);
    let at = FixedOffset::east_opt(7 * 3600)
        .unwrap()
        .with_ymd_and_hms(2024, 2, 1, 9, 30, 0)
        .unwrap();
    let a = tepat::report::workbook(&view, at).unwrap();
    assert_eq!(a, tepat::report::workbook(&view, at).unwrap());
    assert!(a.starts_with(b"PK"), "a zip file");
}

/// The sweep's workbook from `tepat sweep` on the minimal scenario: its values are spreadsheet
/// values (a datetime, a number), equal to `sweep.csv`'s.
fn sweep_workbook(set: &str) -> (Vec<Vec<Data>>, Vec<csv::StringRecord>) {
    let dir = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_tepat"))
        .args(["sweep", "tests/data/valid/minimal.toml", "--set", set])
        .args(["--runs", "100", "--quiet", "--lang", "en", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let folder = dir.path().join("minimal-sweep");
    let bytes = std::fs::read(folder.join("results.xlsx")).unwrap();
    let mut xlsx: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let name = xlsx
        .sheet_names()
        .into_iter()
        .find(|n| n == "Sweep")
        .expect("a sweep sheet");
    let rows = xlsx
        .worksheet_range(&name)
        .unwrap()
        .rows()
        .map(|r| r.to_vec())
        .collect();
    let text = std::fs::read_to_string(folder.join("sweep.csv")).unwrap();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut csv = vec![r.headers().unwrap().clone()];
    csv.extend(r.records().map(|r| r.unwrap()));
    (rows, csv)
}

#[test]
fn the_sweep_sheet_holds_its_values_as_datetimes_and_numbers() {
    // A swept datetime: Excel datetimes in local time.
    let (rows, _) =
        sweep_workbook("node.Hub.planned_dispatch=2024-02-10T08:00+07:00,2024-02-11T08:00+07:00");
    assert_eq!(text(&rows[0][0]), "Value");
    let whens: Vec<String> = rows[1..].iter().map(|r| when(&r[0])).collect();
    assert!(whens.contains(&"2024-02-10 08:00".to_string()), "{whens:?}");
    assert!(whens.contains(&"2024-02-11 08:00".to_string()), "{whens:?}");
    // A swept number: a number cell, equal to the CSV's value of the same row.
    let (rows, csv2) = sweep_workbook("link.ferry.vessel.wave_limit_m=1..2:0.5");
    let col = csv2[0]
        .iter()
        .position(|h| h == "value")
        .expect("a value column");
    let overall: Vec<&csv::StringRecord> = csv2[1..].iter().collect();
    let values: Vec<f64> = overall.iter().map(|r| r[col].parse().unwrap()).collect();
    for v in [1.0, 1.5, 2.0] {
        assert!(values.contains(&v), "sweep.csv values {values:?}");
        assert!(
            rows[1..]
                .iter()
                .any(|r| matches!(r[0], Data::Float(x) if x == v)),
            "no number cell {v} in the sweep sheet"
        );
    }
    assert!(rows[1..].iter().all(|r| !matches!(r[0], Data::String(_))));
}
