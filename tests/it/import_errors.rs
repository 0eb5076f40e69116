//! The problems of `tepat import` (E910–E957, docs/errors.md and docs/import.md) in both
//! languages: the examples the catalogue names that need a file built on the spot (a workbook
//! with error cells, a list of 129 MB, ...), and a test that every problem of the invalid
//! lists keeps its row and column in Indonesian words and leaves no English word.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use regex::Regex;

fn tepat() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tepat"));
    c.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

/// `tepat --lang LANG import LIST --depot KPU --depot-at ... --out DIR/LANG.toml`.
fn import(lang: &str, list: &Path, out_dir: &Path) -> Output {
    tepat()
        .args(["--lang", lang, "import"])
        .arg(list)
        .args(["--depot", "KPU Bengkalis", "--depot-at", "1.4774,102.1318"])
        .arg("--out")
        .arg(out_dir.join(format!("{lang}.toml")))
        .output()
        .unwrap()
}

/// A workbook of one sheet: a header row and rows of cells; a cell starting with `#` is a
/// formula whose stored result is that spreadsheet error (`#DIV/0!`).
fn workbook(path: &Path, rows: &[&[&str]]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if v.starts_with('#') {
                let f = rust_xlsxwriter::Formula::new("=1/0").set_result(*v);
                ws.write_formula(r, c, f).unwrap();
            } else {
                ws.write_string(r, c, *v).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

/// A workbook whose list of sheets is empty (a valid .xlsx otherwise).
fn workbook_without_sheets(path: &Path) {
    use std::io::{Read, Write};
    let full = path.with_extension("full.xlsx");
    workbook(&full, &[&["Kecamatan"]]);
    let mut z = zip::ZipArchive::new(std::fs::File::open(&full).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let sheets = Regex::new(r"(?s)<sheets>.*</sheets>").unwrap();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        let name = f.name().unwrap().to_string();
        if name == "xl/workbook.xml" {
            let text = String::from_utf8(bytes).unwrap();
            bytes = sheets.replace(&text, "<sheets/>").into_owned().into_bytes();
        }
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
}

/// A zip archive of one small part whose table of contents says it unpacks to 600 MB.
fn workbook_claiming_600_mb(path: &Path) {
    use std::io::Write;
    let mut buf = Vec::new();
    {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(&mut buf));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        w.start_file("xl/worksheets/sheet1.xml", stored).unwrap();
        w.write_all(b"<worksheet/>").unwrap();
        w.finish().unwrap();
    }
    // The uncompressed size of the central directory's entry, 24 bytes into it.
    let cd = buf
        .windows(4)
        .position(|w| w == b"PK\x01\x02")
        .expect("a central directory");
    buf[cd + 24..cd + 28].copy_from_slice(&(600u32 << 20).to_le_bytes());
    std::fs::write(path, buf).unwrap();
}

/// The list and the files of an example the catalogue calls `generated: WHAT`, or `None`
/// when WHAT is not an import example.
fn build(what: &str, dir: &Path) -> Option<PathBuf> {
    let csv = dir.join("list.csv");
    match what {
        "129 MB TPS list" => {
            let f = std::fs::File::create(&csv).unwrap();
            f.set_len(129 << 20).unwrap();
        }
        "folder named list.csv" => std::fs::create_dir(&csv).unwrap(),
        "2,000,001-row TPS list" => std::fs::write(&csv, "a\n".repeat(2_000_001)).unwrap(),
        "workbook claiming 600 MB" => {
            let p = dir.join("list.xlsx");
            workbook_claiming_600_mb(&p);
            return Some(p);
        }
        "workbook without sheets" => {
            let p = dir.join("list.xlsx");
            workbook_without_sheets(&p);
            return Some(p);
        }
        "workbook with error cells" => {
            let p = dir.join("list.xlsx");
            workbook(
                &p,
                &[
                    &["Kecamatan", "Desa/Kelurahan", "No TPS", "Lintang", "Bujur"],
                    &["Bantan", "#REF!", "1", "1.5559", "102.2035"],
                    &["Bantan", "Jangkang", "1", "#DIV/0!", "102.1453"],
                ],
            );
            return Some(p);
        }
        "250 bad rows" => {
            let mut s = String::from("Kecamatan,Desa/Kelurahan,No TPS,Lintang,Bujur\n");
            for i in 0..250 {
                s.push_str(&format!("Bantan,Desa {i},satu,1.5559,102.2035\n"));
            }
            std::fs::write(&csv, s).unwrap();
        }
        "village far from its PPK" => std::fs::write(
            &csv,
            "Kecamatan,Desa,Jumlah TPS,Lintang,Bujur,Lintang PPK,Bujur PPK\nBantan,Deluk,2,1.5559,102.2035,1.5396,102.2196\nBantan,Jangkang,2,1.5617,103.1453,,\n",
        )
        .unwrap(),
        _ => return None,
    }
    Some(csv)
}

/// What `tepat import` says (standard error) about the example `generated: WHAT` of
/// docs/errors.md, in English; `None` when WHAT is not an import example.
pub fn generated(what: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let list = build(what, dir.path())?;
    let o = import("en", &list, dir.path());
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(!err.contains("panicked"), "{what}: {err}");
    // Every example is refused (exit code 2) but the warning's, which writes the scenario.
    let want = if what.starts_with("village far") {
        0
    } else {
        2
    };
    assert_eq!(o.status.code(), Some(want), "{what}: {err}");
    Some(err)
}

/// English words an Indonesian message must not hold: the scan of tests/it/lang.rs, the words
/// of error messages (as tests/it/errors.rs), and the words of a TPS list's problems.
fn english() -> Regex {
    Regex::new(&format!(
        "{}|(?i)\\b(is|not|must|missing|unknown|named|there|give|write|check|error|help|warning|file|least|most|only|before|after|needs?|has|have|cannot|than|from|row|rows|column|list|name|empty|number|point|outside|listed|twice|sheet|workbook|header|cell|type|whole|coordinates?|add|keep|more|problems?|polling|depot|character)\\b",
        crate::lang::ENGLISH
    ))
    .unwrap()
}

/// What the user typed and what is the same in both languages, removed before the scan:
/// option names, quoted values and the readers' own words, file paths, and a header in
/// brackets after its column.
fn without_theirs(text: &str) -> String {
    let theirs =
        Regex::new(r#"--[a-z-]+|'[^']*'|“[^”]*”|"[^"]*"|[\w./-]*/[\w./-]+|kolom [A-Z]+ \([^)]*\)"#)
            .unwrap();
    theirs.replace_all(text, " ").into_owned()
}

/// A line's place in English put into Indonesian words: `row 4, column C (DPT)` is
/// `baris 4, kolom C (DPT)`.
fn place_in_id(place: &str) -> String {
    place
        .replacen("row ", "baris ", 1)
        .replacen(", column ", ", kolom ", 1)
}

/// Every invalid TPS list (the fixtures of tests/data/invalid/import/, and the built
/// examples), imported with `--lang id` and with `--lang en`: the same number of problems,
/// each at the same file, row and column (in Indonesian words), no English word left in
/// Indonesian, and English words found in English (so that the scan can fail).
#[test]
fn import_problems_keep_their_row_and_column_in_indonesian_and_leave_no_english() {
    let dir = tempfile::tempdir().unwrap();
    let mut lists: Vec<PathBuf> = std::fs::read_dir("tests/data/invalid/import")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    lists.sort();
    for (i, what) in [
        "workbook with error cells",
        "workbook without sheets",
        "250 bad rows",
        "folder named list.csv",
        "village far from its PPK",
    ]
    .iter()
    .enumerate()
    {
        let d = dir.path().join(format!("built{i}"));
        std::fs::create_dir(&d).unwrap();
        lists.push(build(what, &d).unwrap());
    }
    assert!(lists.len() > 25, "{} lists", lists.len());
    let english = english();
    let located = Regex::new(r"^(\S+): (row \d+(?:, column [A-Z]+(?: \([^)]*\))?)?): ").unwrap();
    let mut problems = Vec::new();
    let (mut seen, mut placed, mut english_in_en) = (0, 0, 0);
    for (k, list) in lists.iter().enumerate() {
        let out = dir.path().join(format!("out{k}"));
        std::fs::create_dir(&out).unwrap();
        let (en, id) = (import("en", list, &out), import("id", list, &out));
        assert_eq!(en.status.code(), id.status.code(), "{}", list.display());
        let (en, id) = (
            String::from_utf8_lossy(&en.stderr).to_string(),
            String::from_utf8_lossy(&id.stderr).to_string(),
        );
        let heads = |t: &str, labels: [&str; 2]| -> Vec<String> {
            t.lines()
                .filter_map(|l| labels.iter().find_map(|p| l.strip_prefix(p)))
                .map(str::to_string)
                .collect()
        };
        let en_heads = heads(&en, ["error: ", "warning: "]);
        let id_heads = heads(&id, ["kesalahan: ", "peringatan: "]);
        if en_heads.is_empty() || en_heads.len() != id_heads.len() {
            problems.push(format!(
                "{}: not the same problems:\n{en}\n{id}",
                list.display()
            ));
            continue;
        }
        for (e, i) in en_heads.iter().zip(&id_heads) {
            seen += 1;
            let file = list.display().to_string();
            match located.captures(e) {
                Some(c) => {
                    placed += 1;
                    let want = format!("{}: {}: ", &c[1], place_in_id(&c[2]));
                    if !i.starts_with(&want) {
                        problems.push(format!("place lost: {e:?} became {i:?}"));
                    }
                }
                None if !i.starts_with(&format!("{file}: ")) => {
                    problems.push(format!("file lost: {e:?} became {i:?}"));
                }
                None => {}
            }
        }
        if !id.contains("petunjuk: ") && !id.contains("peringatan: ") {
            problems.push(format!("{}: no hint:\n{id}", list.display()));
        }
        for m in english.find_iter(&without_theirs(&id)) {
            problems.push(format!(
                "{}: English '{}' in:\n{id}",
                list.display(),
                m.as_str()
            ));
        }
        english_in_en += english.find_iter(&without_theirs(&en)).count();
    }
    assert!(
        seen > 50 && placed > 40,
        "{seen} problems, {placed} with a row"
    );
    assert!(english_in_en > 100, "the scan finds English in English");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The options of `tepat import` and its usage errors follow `--lang` too, with the
/// command-line parser's sentence around them.
#[test]
fn import_options_are_refused_in_the_language_of_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.toml");
    let out = out.to_str().unwrap();
    let existing = dir.path().join("existing.toml");
    std::fs::write(&existing, "keep me").unwrap();
    let existing = existing.to_str().unwrap();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["--depot", "=cmd"],
            "the name starts with '='",
            "namanya diawali '='",
        ),
        (
            &["--depot-at", "1.4774"],
            "is not LAT,LON",
            "bukan LINTANG,BUJUR",
        ),
        (
            &["--depot-at", "48.85,2.35"],
            "(48.85, 2.35) is outside Indonesia: Indonesia lies between latitude -11.5",
            "(48.85, 2.35) berada di luar Indonesia: Indonesia terletak antara lintang -11,5",
        ),
        (
            &["--depot-at", "102.1,1.5"],
            "look swapped",
            "tampaknya tertukar",
        ),
        (
            &["--election-date", "14-02-2024"],
            "is not a date YYYY-MM-DD",
            "bukan tanggal berbentuk YYYY-MM-DD",
        ),
        (
            &["--election-date", "1999-02-14"],
            "is not a plausible polling day",
            "bukan hari pemungutan suara",
        ),
        (
            &["--road-factor", "0.5"],
            "is not a road factor from 1 to 3",
            "bukan faktor jalan dari 1 sampai 3",
        ),
        (
            &["--depot", "bantan"],
            "has the name of kecamatan Bantan",
            "bernama sama dengan kecamatan Bantan",
        ),
        (
            &["--out", "examples/tps-list.csv"],
            "is the TPS list itself",
            "adalah daftar TPS itu sendiri",
        ),
        (
            &["--out", existing],
            "already exists; it was left untouched",
            "sudah ada dan dibiarkan apa adanya",
        ),
    ];
    let english = english();
    for (extra, en_says, id_says) in cases {
        let run = |lang: &str| {
            // The usual options, with the one of the case in place of its own.
            let mut args = vec![
                "--depot",
                "KPU",
                "--depot-at",
                "1.4774,102.1318",
                "--out",
                out,
            ];
            match args.iter().position(|a| *a == extra[0]) {
                Some(at) => args[at + 1] = extra[1],
                None => args.extend_from_slice(extra),
            }
            let o = tepat()
                .args(["--lang", lang, "import", "examples/tps-list.csv"])
                .args(args)
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(2), "{extra:?}");
            String::from_utf8_lossy(&o.stderr).to_string()
        };
        let (en, id) = (run("en"), run("id"));
        assert!(en.contains(en_says), "{extra:?}: {en}");
        assert!(id.contains(id_says), "{extra:?}: {id}");
        let said = without_theirs(&id);
        let found: Vec<&str> = english.find_iter(&said).map(|m| m.as_str()).collect();
        assert!(found.is_empty(), "{extra:?}: English {found:?} in:\n{id}");
        assert!(english.is_match(&without_theirs(&en)), "{en}");
    }
    assert!(!Path::new(out).exists());
    assert_eq!(std::fs::read_to_string(existing).unwrap(), "keep me");
}

/// A FIFO given as the TPS list is named in the run's language, not in the words of the
/// operating system.
#[cfg(unix)]
#[test]
fn a_fifo_is_named_in_the_language_of_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("list.csv");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a plain call with a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let say =
        |lang: &str| String::from_utf8_lossy(&import(lang, &fifo, dir.path()).stderr).to_string();
    let (en, id) = (say("en"), say("id"));
    assert!(
        en.contains("the TPS list is a FIFO (named pipe), not a regular file"),
        "{en}"
    );
    assert!(
        id.contains("daftar TPS ini pipa bernama (FIFO), bukan berkas biasa"),
        "{id}"
    );
}
