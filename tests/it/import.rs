//! `tepat import`: TPS lists in CSV and Excel become scenarios that pass `check` and run;
//! every class of bad row gets its located message (fixtures in tests/data/invalid/import/).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tepat() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tepat"))
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// `tepat import LIST --depot ... --out OUT` with extra arguments.
fn import(list: &Path, out: &Path, extra: &[&str]) -> Output {
    tepat()
        .arg("import")
        .arg(list)
        .args(["--depot", "KPU Bengkalis", "--depot-at", "1.4774,102.1318"])
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

const KECAMATAN: [(&str, f64, f64); 4] = [
    ("Bantan", 1.53, 102.25),
    ("Bengkalis", 1.45, 102.10),
    ("Rupat", 1.82, 101.55),
    ("Siak Kecil", 1.40, 101.85),
];

/// 1,000 rows, one per TPS: 4 kecamatan x 25 villages x 10 TPS. Village 0 of every
/// kecamatan is called "Sukamaju" (the same name in four kecamatan).
fn thousand_rows() -> Vec<(String, String, u32, u32, f64, f64)> {
    let mut rows = Vec::new();
    for (k, (kec, lat, lon)) in KECAMATAN.iter().enumerate() {
        for v in 0..25u32 {
            let village = if v == 0 {
                "Sukamaju".to_string()
            } else {
                format!("Desa {k}-{v:02}")
            };
            for t in 1..=10u32 {
                rows.push((
                    kec.to_string(),
                    village.clone(),
                    t,
                    200 + (v * 7 + t * 13) % 100,
                    lat + 0.01 * f64::from(v % 5) - 0.02,
                    lon + 0.01 * f64::from(v / 5) - 0.02,
                ));
            }
        }
    }
    assert_eq!(rows.len(), 1000);
    rows
}

fn write_csv(path: &Path) {
    let mut s = String::from("Kecamatan,Desa/Kelurahan,No TPS,DPT,Lintang,Bujur\n");
    for (k, v, t, d, la, lo) in thousand_rows() {
        s.push_str(&format!("{k},{v},{t:03},{d},{la},{lo}\n"));
    }
    std::fs::write(path, s).unwrap();
}

/// The same rows in a workbook, below two title rows, with numbers stored as numbers and
/// English headers.
fn write_xlsx(path: &Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "TPS list, Pemilu 2024").unwrap();
    ws.write_string(1, 0, "Kabupaten Bengkalis").unwrap();
    for (c, h) in [
        "District",
        "Village",
        "TPS number",
        "Voters",
        "Latitude",
        "Longitude",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    for (i, (k, v, t, d, la, lo)) in thousand_rows().into_iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_string(r, 0, k).unwrap();
        ws.write_string(r, 1, v).unwrap();
        ws.write_number(r, 2, t).unwrap();
        ws.write_number(r, 3, d).unwrap();
        ws.write_number(r, 4, la).unwrap();
        ws.write_number(r, 5, lo).unwrap();
    }
    wb.save(path).unwrap();
}

/// Import, check and run a list; return the scenario text.
fn import_check_run(list: &Path, dir: &Path) -> String {
    // One folder per list, so that tps.csv and tps.xlsx both become tps.toml.
    let dir = &dir.join(list.extension().unwrap());
    let out = dir.join("tps.toml");
    let o = import(list, &out, &[]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("1,000 TPS from 1,000 rows"),
        "{}",
        text(&o)
    );
    let o = tepat().arg("check").arg(&out).output().unwrap();
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("4 kecamatan, 105 nodes, 1,000 stations"),
        "{}",
        text(&o)
    );
    let o = tepat()
        .args(["run", "--runs", "100", "--quiet", "--out"])
        .arg(dir.join("output"))
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    let stations = std::fs::read_to_string(
        dir.join("output")
            .join(out.file_stem().unwrap())
            .join("stations.csv"),
    )
    .unwrap();
    assert_eq!(stations.lines().count(), 1 + 1000, "one line per TPS");
    let s = std::fs::read_to_string(&out).unwrap();
    let l = tepat::scenario::load(&out).unwrap();
    let m = tepat::model::compile(&l).unwrap();
    assert_eq!(m.stations.len(), 1000);
    // Same-named villages of different kecamatan are told apart.
    for (kec, _, _) in KECAMATAN {
        let name = format!("Sukamaju ({kec})");
        assert!(
            l.file
                .node
                .iter()
                .any(|n| n.name == name && n.stations == 10),
            "{name}"
        );
    }
    s
}

#[test]
fn a_thousand_row_list_in_csv_and_in_xlsx_becomes_the_same_runnable_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("tps.csv");
    let xlsx = dir.path().join("tps.xlsx");
    write_csv(&csv);
    write_xlsx(&xlsx);
    let from_csv = import_check_run(&csv, dir.path());
    let from_xlsx = import_check_run(&xlsx, dir.path());
    // The two files differ only where they name their source and its header row.
    let a = from_csv
        .replace("tps.csv", "tps.xlsx")
        .replace("header in row 1", "header in row 4");
    if let Some((i, (x, y))) = a
        .lines()
        .zip(from_xlsx.lines())
        .enumerate()
        .find(|(_, (x, y))| x != y)
    {
        panic!("line {}: CSV gives\n{x}\nbut xlsx gives\n{y}", i + 1);
    }
    assert_eq!(a.lines().count(), from_xlsx.lines().count());
    // Every generated number is explained.
    for line in from_csv.lines() {
        let l = line.trim_start();
        if l.starts_with("distance_km")
            || l.starts_with("speed_kmh")
            || l.starts_with("handling")
            || l.starts_with("ready")
            || l.starts_with("start")
            || l.starts_with("stations")
            || l.starts_with("planned_dispatch")
            || l.contains("_deadline")
        {
            assert!(
                l.contains("# estimate:")
                    || l.contains("# from the TPS list")
                    || l.contains("# rule:"),
                "unexplained number: {l}"
            );
        }
    }
    for todo in [
        "TODO weather",
        "TODO trucks",
        "crosses a strait",
        "TODO: your schedule",
        "TODO schedule",
    ] {
        assert!(from_csv.contains(todo), "{todo}");
    }
}

#[test]
fn the_examples_import_check_and_run() {
    let dir = tempfile::tempdir().unwrap();
    for (list, stations) in [
        ("examples/tps-list.csv", 194),
        ("examples/tps-per-village.csv", 194),
    ] {
        let out = dir.path().join("s.toml");
        let o = import(
            Path::new(list),
            &out,
            &["--force", "--election-date", "2029-02-14"],
        );
        assert!(o.status.success(), "{list}: {}", text(&o));
        let l = tepat::scenario::load(&out).unwrap();
        let m = tepat::model::compile(&l).unwrap();
        assert_eq!(m.stations.len(), stations, "{list}");
        assert_eq!(m.kecamatan.len(), 2, "{list}");
        let s = std::fs::read_to_string(&out).unwrap();
        assert!(
            s.contains("station_deadline = \"2029-02-13T23:59:00+07:00\""),
            "H-1"
        );
        assert!(s.contains("start = \"2029-02-06T00:00:00+07:00\""), "H-8");
    }
    // The per-village example gives each PPK's point; the per-TPS one does not.
    let o = import(
        Path::new("examples/tps-per-village.csv"),
        &dir.path().join("v.toml"),
        &[],
    );
    assert!(o.status.success());
    let s = std::fs::read_to_string(dir.path().join("v.toml")).unwrap();
    assert!(s.contains("lat = 1.5396  # from the TPS list (Lintang PPK, Bujur PPK)"));
}

#[test]
fn hostile_names_are_escaped_and_come_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "Kel. Bengkalis \"Kota\"",
        "Desa \\ Lama",
        "x\" ] [scenario",
        "''' \"\"\" # not a comment",
        "Sungai Alam [I]",
        "Teluk Latak 中 é",
    ];
    let mut s = String::from("Kecamatan,Desa/Kelurahan,Jumlah TPS,Lintang,Bujur\n");
    for (i, n) in names.iter().enumerate() {
        s.push_str(&format!(
            "\"Bantan #{i} = 1\",\"{}\",2,1.5{i},102.2\n",
            n.replace('"', "\"\"")
        ));
    }
    let list = dir.path().join("names.csv");
    std::fs::write(&list, s).unwrap();
    let out = dir.path().join("names.toml");
    let o = import(&list, &out, &[]);
    assert!(o.status.success(), "{}", text(&o));
    let l = tepat::scenario::load(&out).unwrap();
    tepat::model::compile(&l).unwrap();
    for n in names {
        assert!(
            l.file.node.iter().any(|x| x.name == *n),
            "{n:?} not found among {:?}",
            l.file.node.iter().map(|x| &x.name).collect::<Vec<_>>()
        );
    }
    // A line break inside a cell becomes a space; other control characters (here the
    // start of a terminal colour code) are refused with their location.
    let list = dir.path().join("control.csv");
    std::fs::write(
        &list,
        "Kecamatan,Desa/Kelurahan,Jumlah TPS,Lintang,Bujur\nBantan,\"a\n[node]\",2,1.5,102.2\nBantan,\"b\u{1b}[31m\",2,1.5,102.2\n",
    )
    .unwrap();
    let o = import(&list, &dir.path().join("nl.toml"), &[]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    // The quoted line break does not count as a row: a spreadsheet shows the cell in row 2.
    assert!(
        text(&o).contains("row 3, column B (Desa/Kelurahan)"),
        "{}",
        text(&o)
    );
    assert!(
        text(&o).contains("control character U+001B"),
        "{}",
        text(&o)
    );
    assert!(!text(&o).contains("row 2"), "{}", text(&o));
    assert!(!dir.path().join("nl.toml").exists());
}

/// Every fixture of tests/data/invalid/import/ and the messages it must give: the location
/// (row, column and header) and what is wrong.
const CASES: &[(&str, &[&str])] = &[
    (
        "both-layouts.csv",
        &["row 4: the list has both a No TPS and a Jumlah TPS column"],
    ),
    (
        "duplicate-tps.csv",
        &[
            "row 5, column C (No TPS): TPS 2 of village Deluk (kecamatan Bantan) is listed twice (rows 3 and 5)",
        ],
    ),
    (
        "duplicate-village.csv",
        &[
            "row 4, column B (Desa/Kelurahan): village DELUK of kecamatan Bantan is listed twice (rows 2 and 4)",
        ],
    ),
    (
        "empty-name.csv",
        &[
            "row 4, column A (Kecamatan): the kecamatan name is empty",
            "row 5, column B (Desa/Kelurahan): the desa/kelurahan name is empty",
            "2 errors",
        ],
    ),
    (
        "formula-name.csv",
        &[
            "row 3, column B (Desa/Kelurahan): the desa/kelurahan name '=HYPERLINK",
            "a spreadsheet would read as a formula",
            "row 4, column B (Desa/Kelurahan): the desa/kelurahan name '<b>Pasiran</b>' cannot be used",
        ],
    ),
    (
        "missing-coordinates.csv",
        &[
            "row 3, column D (Lintang): village Jangkang (kecamatan Bantan) has no coordinates on any of its rows 3 and 4",
            "row 5, column E (Bujur): Lintang is given but Bujur is empty",
        ],
    ),
    (
        "non-numeric-count.csv",
        &[
            "row 3, column C (Jumlah TPS): 'tiga' is not a whole number of TPS",
            "row 4, column D (DPT): '12O0' is not a whole number of voters",
            "row 5, column C (Jumlah TPS): '2.5' is not a whole number of TPS",
            "3 errors",
        ],
    ),
    (
        "not-utf8.csv",
        &["row 3: the file is not UTF-8 text", "CSV UTF-8"],
    ),
    (
        "outside-indonesia.csv",
        &[
            "row 3, column D (Lintang): the point (48.8566, 2.3522) is outside Indonesia",
            "row 4, column D (Lintang): the point (102.1807, 1.5123) is outside Indonesia",
            "look swapped",
            "row 5, column D (Lintang): the point (0, 0) is outside Indonesia",
        ],
    ),
    (
        "several-problems.csv",
        &[
            "row 3, column C (No TPS): TPS 1 of village Deluk (kecamatan Bantan) is listed twice (rows 2 and 3)",
            "row 4, column A (Kecamatan): the kecamatan name is empty",
            "row 4, column C (No TPS): 'x' is not a TPS number",
            "row 4, column D (DPT): 'dua ratus' is not a whole number of voters",
            "row 5, column E (Lintang): the point (102.1, 1.9) is outside Indonesia",
            "5 errors",
        ],
    ),
    (
        "header-only.csv",
        &["row 2: the list has a header row but no TPS rows below it"],
    ),
    (
        "missing-columns.csv",
        &[
            "row 1: the list has no Lintang column",
            "row 1: the list has no Bujur column",
            "2 errors",
        ],
    ),
    (
        "neither-layout.csv",
        &["row 1: the list has neither a No TPS column (one row per TPS) nor a Jumlah TPS column"],
    ),
    (
        "no-header.csv",
        &["row 1: no header row with a Kecamatan and a Desa/Kelurahan column"],
    ),
    (
        "not-a-workbook.xlsx",
        &[
            "the workbook cannot be read (",
            "save the sheet as CSV UTF-8",
        ],
    ),
    (
        "ppk-points.csv",
        &[
            "row 4, column F (Lintang PPK): the PPK of kecamatan Bantan is at (1.6, 102.2196) here but at (1.5396, 102.2196) in row 2",
        ],
    ),
    (
        "second-column.csv",
        &[
            "row 1, column C (Kelurahan): a second Desa/Kelurahan column; column B (Desa) is one already",
            "row 1: the list gives only one of Lintang PPK and Bujur PPK",
        ],
    ),
    (
        "tps-numbers.csv",
        &[
            "row 3, column C (No TPS): the TPS number is empty",
            "row 4, column C (No TPS): 'TPS' is not a TPS number",
            "row 5, column C (No TPS): '0' is not a TPS number",
            "3 errors",
        ],
    ),
    (
        "unknown-header.csv",
        &[
            "row 1, column D (Jumlah Kursi): unknown column header 'Jumlah Kursi' (did you mean 'jumlah tps'?)",
        ],
    ),
    (
        "unusable-names.csv",
        &[
            "row 3, column B (Desa/Kelurahan): the desa/kelurahan name 'Jangkang\\u{1b}[31m' cannot be used: the name contains the invisible control character U+001B",
            "row 4, column A (Kecamatan): the kecamatan name '- Bantan' cannot be used: the name starts with '-', which a spreadsheet would read as a formula",
            "row 5, column B (Desa/Kelurahan): the desa/kelurahan name 'Berancahaaa",
            "cannot be used: the name is 108 characters long; at most 100 are accepted",
        ],
    ),
    (
        "village-counts.csv",
        &[
            "row 2, column C (Jumlah TPS): the number of TPS is 0",
            "row 3, column C (Jumlah TPS): the number of TPS is empty",
            "row 4, column C (Jumlah TPS): 20000 TPS in one village is not plausible (at most 10000)",
            "row 5, column D (Lintang): '1°30'' is not a coordinate in decimal degrees",
            "4 errors",
        ],
    ),
];

#[test]
fn every_class_of_bad_row_gets_its_located_message_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    for (file, wants) in CASES {
        let list = Path::new("tests/data/invalid/import").join(file);
        let out = dir.path().join("out.toml");
        let o = import(&list, &out, &[]);
        let t = text(&o);
        assert_eq!(o.status.code(), Some(2), "{file}: {t}");
        assert!(!t.contains("panicked"), "{file}: {t}");
        assert!(
            t.contains(&format!("error: {}", list.display())),
            "{file}: {t}"
        );
        assert!(
            t.contains("help: "),
            "{file}: every problem says how to fix it: {t}"
        );
        for w in *wants {
            assert!(t.contains(w), "{file}: should contain {w:?}:\n{t}");
        }
        assert!(!out.exists(), "{file}: a scenario was written");
    }
}

#[test]
fn every_fixture_of_the_import_folder_has_a_case() {
    let mut names: Vec<String> = std::fs::read_dir("tests/data/invalid/import")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    for n in &names {
        assert!(CASES.iter().any(|c| c.0 == n), "fixture {n} has no case");
    }
}

#[test]
fn a_bad_cell_in_a_workbook_is_located_by_its_spreadsheet_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Daftar TPS").unwrap();
    // The table starts in column B, row 3.
    for (c, h) in [
        "Kecamatan",
        "Desa/Kelurahan",
        "Jumlah TPS",
        "Lintang",
        "Bujur",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(2, 1 + c as u16, *h).unwrap();
    }
    ws.write_string(3, 1, "Bantan").unwrap();
    ws.write_string(3, 2, "Deluk").unwrap();
    ws.write_string(3, 3, "enam").unwrap();
    ws.write_number(3, 4, 1.5559).unwrap();
    ws.write_number(3, 5, 102.2035).unwrap();
    wb.save(&path).unwrap();
    let o = import(&path, &dir.path().join("out.toml"), &[]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("row 4, column D (Jumlah TPS): 'enam' is not a whole number of TPS"),
        "{}",
        text(&o)
    );
}

#[test]
fn an_existing_file_is_kept_unless_forced_and_bad_options_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.toml");
    std::fs::write(&out, "keep me").unwrap();
    let list = PathBuf::from("examples/tps-list.csv");
    let o = import(&list, &out, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("--force"), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let o = import(&list, &out, &["--force"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(std::fs::read_to_string(&out).unwrap().contains("[[node]]"));
    for bad in [
        ["--depot-at", "48.85,2.35"],
        ["--depot-at", "1.4774"],
        ["--election-date", "14-02-2024"],
        ["--road-factor", "0.5"],
        ["--depot", "=cmd"],
    ] {
        let o = tepat()
            .args([
                "import",
                "examples/tps-list.csv",
                "--depot",
                "KPU",
                "--depot-at",
                "1.4774,102.1318",
            ])
            .args(bad)
            .arg("--out")
            .arg(dir.path().join("bad.toml"))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{bad:?}: {}", text(&o));
        assert!(!dir.path().join("bad.toml").exists());
    }
    // A depot named like a kecamatan would clash with its hub.
    let o = tepat()
        .args([
            "import",
            "examples/tps-list.csv",
            "--depot",
            "bantan",
            "--depot-at",
            "1.4774,102.1318",
            "--out",
        ])
        .arg(dir.path().join("clash.toml"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("has the name of kecamatan Bantan"),
        "{}",
        text(&o)
    );
    // The list itself is never the output, even with --force.
    let copy = dir.path().join("list.csv");
    std::fs::copy("examples/tps-list.csv", &copy).unwrap();
    let o = import(&copy, &copy, &["--force"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        std::fs::read("examples/tps-list.csv").unwrap()
    );
}

#[test]
fn a_village_far_from_its_ppk_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("far.csv");
    // Jangkang's longitude is typed 103 instead of 102.
    std::fs::write(
        &list,
        "Kecamatan,Desa,Jumlah TPS,Lintang,Bujur,Lintang PPK,Bujur PPK\nBantan,Deluk,2,1.5559,102.2035,1.5396,102.2196\nBantan,Jangkang,2,1.5617,103.1453,,\n",
    )
    .unwrap();
    let o = import(&list, &dir.path().join("far.toml"), &[]);
    assert!(o.status.success(), "{}", text(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("warning: "), "{err}");
    assert!(
        err.contains("village Jangkang is 103 km (straight line) from PPK Bantan"),
        "{err}"
    );
    assert!(err.contains("(row 3)"), "{err}");
    assert!(!err.contains("Deluk"), "{err}");
}

#[test]
fn header_problems_and_bad_cells_of_every_kind_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[&str])] = &[
        (
            "Daftar,TPS\n1,2\n",
            &["row 1: no header row with a Kecamatan and a Desa/Kelurahan column"],
        ),
        (
            "Kecamatan,Desa,Jumlah TPS\nBantan,Deluk,3\n",
            &[
                "row 1: the list has no Lintang column",
                "row 1: the list has no Bujur column",
            ],
        ),
        (
            "Kecamatan,Desa,Lintang,Bujur\nBantan,Deluk,1.5,102.2\n",
            &["row 1: the list has neither a No TPS column"],
        ),
        (
            "Kecamatan,Desa,Kelurahan,Jumlah TPS,Lintang,Bujur,Lintang PPK\nBantan,Deluk,,3,1.5,102.2,1.5\n",
            &[
                "row 1, column C (Kelurahan): a second Desa/Kelurahan column; column B (Desa) is one already",
                "row 1: the list gives only one of Lintang PPK and Bujur PPK",
            ],
        ),
        (
            "Kecamatan,Desa,Jumlah TPS,Lintang,Bujur\nBantan,Deluk,0,1.5,102.2\nBantan,Jangkang,,1.5,102.2\nBantan,Pasiran,20000,1.5,102.2\nBantan,Berancah,2,1°30',102.2\n",
            &[
                "row 2, column C (Jumlah TPS): the number of TPS is 0",
                "row 3, column C (Jumlah TPS): the number of TPS is empty",
                "row 4, column C (Jumlah TPS): 20000 TPS in one village is not plausible",
                "row 5, column D (Lintang): '1°30'' is not a coordinate in decimal degrees",
                "4 errors",
            ],
        ),
        (
            "Kecamatan,Desa,Jumlah TPS,Lintang,Bujur,Lintang PPK,Bujur PPK\nBantan,Deluk,2,1.5,102.2,1.54,102.22\nBantan,Jangkang,2,1.5,102.2,1.6,102.22\n",
            &[
                "row 3, column F (Lintang PPK): the PPK of kecamatan Bantan is at (1.6, 102.22) here but at (1.54, 102.22) in row 2",
            ],
        ),
        (
            "Kecamatan,Desa,No TPS,Lintang,Bujur\n\n",
            &["row 1: the list has a header row but no TPS rows below it"],
        ),
    ];
    for (i, (csv, wants)) in cases.iter().enumerate() {
        let list = dir.path().join(format!("case{i}.csv"));
        std::fs::write(&list, csv).unwrap();
        let o = import(&list, &dir.path().join("out.toml"), &[]);
        let t = text(&o);
        assert_eq!(o.status.code(), Some(2), "case {i}: {t}");
        for w in *wants {
            assert!(t.contains(w), "case {i}: should contain {w:?}:\n{t}");
        }
    }
    // A file that is neither CSV nor a workbook.
    let list = dir.path().join("list.pdf");
    std::fs::write(&list, "%PDF").unwrap();
    let o = import(&list, &dir.path().join("out.toml"), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("'.pdf' is not a TPS list format"),
        "{}",
        text(&o)
    );
    assert!(!dir.path().join("out.toml").exists());
}

#[test]
fn docs_import_md_lists_every_accepted_header() {
    let doc = std::fs::read_to_string("docs/import.md").unwrap();
    for (field, names) in tepat::import::columns::FIELDS {
        for n in *names {
            assert!(
                doc.contains(&format!("`{n}`")),
                "docs/import.md does not list the header `{n}` ({field:?})"
            );
        }
    }
}
