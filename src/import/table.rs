//! Reading a TPS list into rows of text cells, with each cell's spreadsheet row and column.
//!
//! CSV (comma, semicolon or tab separated, UTF-8 with or without BOM) and Excel workbooks
//! (`.xlsx`, `.xlsm`, `.xls`, and OpenDocument `.ods`, read with calamine; the first sheet).
//! Nothing here knows what the columns mean.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader};

use super::Problem;
use crate::error::{Error, Result};
use crate::lang::{Msg, msg};

/// TPS lists larger than this are refused before they are read. A national list of about
/// 820,000 TPS is some 80 MB as CSV; a regency's is well under a megabyte.
pub const MAX_INPUT_BYTES: u64 = 128 * 1024 * 1024;

/// A workbook (a zip archive: .xlsx, .xlsm, .ods) whose parts unpack to more than this is
/// refused before it is unpacked. A national TPS list of 820,000 rows unpacks to about 150 MB
/// of XML; a regency's to a few MB. The sizes are the ones the archive's table of contents
/// states; the zip reader checks each part's CRC against what it unpacks.
pub const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;

/// Rows beyond this are refused: more than every TPS of Indonesia twice over.
pub const MAX_ROWS: usize = 2_000_000;

/// One cell's content.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (numbers in a workbook are turned into their shortest decimal text).
    Text(String),
    /// A spreadsheet error value such as `#DIV/0!` or `#REF!`.
    Error(String),
}

impl Cell {
    /// The text, trimmed; empty for an error value.
    pub fn text(&self) -> &str {
        match self {
            Cell::Text(s) => s.trim(),
            Cell::Error(_) => "",
        }
    }
}

/// One row of the sheet.
#[derive(Debug, Clone)]
pub struct Row {
    /// The row number a spreadsheet program shows (1 = the first row of the file).
    pub number: usize,
    /// The cells from column A on.
    pub cells: Vec<Cell>,
}

impl Row {
    /// Whether every cell is empty.
    pub fn is_empty(&self) -> bool {
        self.cells
            .iter()
            .all(|c| c.text().is_empty() && matches!(c, Cell::Text(_)))
    }
}

/// The letters of a 0-based column index: 0 = A, 25 = Z, 26 = AA.
pub fn column_letters(mut index: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Read an input file whole, refusing anything that is not a regular file (folders, devices,
/// FIFOs) or is larger than `max_bytes`, with the limit enforced while reading
/// ([`crate::input::read_regular_file`]). All file reading of `tepat import` goes through here.
pub fn read_input_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>> {
    use crate::input::InputError;
    crate::input::read_regular_file(path, max_bytes).map_err(|e| match e {
        InputError::Io(e) => Error::read(path, e),
        InputError::TooLarge { .. } => Error::invalid(
            path,
            "",
            msg!("e911", max = max_bytes),
            Some(msg!("e911-help")),
        ),
        InputError::Folder => not_a_file(path, msg!("e912-folder")),
        InputError::NotRegular(kind) => not_a_file(path, kind_words(kind)),
    })
}

fn not_a_file(path: &Path, kind: Msg) -> Error {
    Error::invalid(path, "", msg!("e912", kind = kind), Some(msg!("e912-help")))
}

/// What kind of file [`crate::input`] found instead of a regular file, in words.
fn kind_words(kind: &str) -> Msg {
    match kind {
        "a character device" => msg!("e912-char-device"),
        "a block device" => msg!("e912-block-device"),
        "a FIFO (named pipe)" => msg!("e912-fifo"),
        "a socket" => msg!("e912-socket"),
        _ => msg!("e912-other"),
    }
}

/// The kind of a TPS list, from its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Delimited text.
    Csv,
    /// A workbook calamine reads.
    Workbook,
}

/// The format of a file by its extension: .csv, .tsv and .txt are text, .xlsx, .xlsm, .xls
/// and .ods workbooks.
pub fn format_of(path: &Path) -> std::result::Result<Format, Problem> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "tsv" | "txt" => Ok(Format::Csv),
        "xlsx" | "xlsm" | "xls" | "ods" => Ok(Format::Workbook),
        _ => Err(Problem::file(msg!("e910", ext = ext), msg!("e910-help"))),
    }
}

/// Read the rows of a TPS list from its bytes.
pub fn read_rows(bytes: &[u8], format: Format) -> std::result::Result<Vec<Row>, Problem> {
    match format {
        Format::Csv => read_csv(bytes),
        Format::Workbook => read_workbook(bytes),
    }
}

/// The delimiter of a CSV text: the most frequent of `;`, `,` and tab on its first
/// non-empty line, outside quotes (spreadsheets in an Indonesian locale write `;`).
fn sniff_delimiter(text: &str) -> u8 {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], i == 1)).unwrap_or(1);
    [b';', b',', b'\t'][best]
}

fn read_csv(bytes: &[u8]) -> std::result::Result<Vec<Row>, Problem> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            return Err(Problem::at_row(line, msg!("e913"), msg!("e913-help")));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Line breaks inside quoted cells so far: a spreadsheet program shows one row per record
    // and one per empty line, so a record's row is its first line less those breaks.
    let mut breaks = 0u64;
    let bytes = text.as_bytes();
    let (mut counted_to, mut newlines) = (0usize, 0u64);
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| {
            let row = e.position().map(|p| p.line() as usize).unwrap_or(i + 1);
            // The reader's own words, as it gives them.
            Problem::at_row(row, msg!("e914", detail = e.to_string()), msg!("e914-help"))
        })?;
        if rows.len() >= MAX_ROWS {
            return Err(Problem::file(
                msg!("e915", max = MAX_ROWS),
                msg!("e915-help"),
            ));
        }
        // The reader's position is where it started reading the record, before any empty
        // lines it skipped: count the lines up to the record's first character instead
        // (counting on from the previous record, so that the whole file is read once).
        let line = match rec.position() {
            Some(p) => {
                let mut at = (p.byte() as usize).min(bytes.len());
                while matches!(bytes.get(at), Some(b'\n' | b'\r')) {
                    at += 1;
                }
                if at > counted_to {
                    newlines += bytes[counted_to..at]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count() as u64;
                    counted_to = at;
                }
                newlines + 1
            }
            None => i as u64 + 1,
        };
        rows.push(Row {
            number: line.saturating_sub(breaks).max(1) as usize,
            cells: rec.iter().map(|s| Cell::Text(s.to_string())).collect(),
        });
        breaks += rec
            .iter()
            .map(|f| f.matches('\n').count() as u64)
            .sum::<u64>();
    }
    Ok(rows)
}

/// The text of a workbook number: whole numbers without a decimal point, others in their
/// shortest form.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// Refuse a zip-based workbook whose parts unpack to more than `max` bytes, from the sizes in
/// its table of contents, before anything is unpacked. Anything that is not a readable zip
/// archive is left to calamine, which says what is wrong with it.
fn check_unpacked_size(bytes: &[u8], max: u64) -> std::result::Result<(), Problem> {
    if !bytes.starts_with(b"PK") {
        return Ok(()); // .xls (OLE) files are bounded by their file size
    }
    let Ok(mut z) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..z.len() {
        let Ok(f) = z.by_index_raw(i) else {
            return Ok(());
        };
        total = total.saturating_add(f.size());
        if total > max {
            return Err(Problem::file(
                msg!("e916", mb = max / (1024 * 1024)),
                msg!("e916-help"),
            ));
        }
    }
    Ok(())
}

fn read_workbook(bytes: &[u8]) -> std::result::Result<Vec<Row>, Problem> {
    let unreadable = |e: calamine::Error| {
        // The workbook reader's own words, as it gives them.
        Problem::file(msg!("e917", detail = e.to_string()), msg!("e917-help"))
    };
    check_unpacked_size(bytes, MAX_UNPACKED_BYTES)?;
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let range = match wb.worksheet_range_at(0) {
        Some(r) => r.map_err(unreadable)?,
        None => {
            return Err(Problem::file(msg!("e918"), msg!("e918-help")));
        }
    };
    if range.height() > MAX_ROWS {
        return Err(Problem::file(
            msg!("e915-sheet", max = MAX_ROWS),
            msg!("e915-help"),
        ));
    }
    // The range starts at the first used cell; spreadsheet rows and columns count from A1.
    let (row0, col0) = range
        .start()
        .map(|(r, c)| (r as usize, c as usize))
        .unwrap_or((0, 0));
    let mut rows = Vec::with_capacity(range.height());
    for (i, r) in range.rows().enumerate() {
        let mut cells = vec![Cell::Text(String::new()); col0];
        cells.extend(r.iter().map(|d| match d {
            Data::Empty => Cell::Text(String::new()),
            Data::String(s) => Cell::Text(s.clone()),
            Data::Int(i) => Cell::Text(i.to_string()),
            Data::Float(f) => Cell::Text(number_text(*f)),
            Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
            Data::Error(e) => Cell::Error(e.to_string()),
            // A date where a name or number belongs is kept as text, so that the row's check
            // says what is wrong with it.
            other => Cell::Text(other.to_string()),
        }));
        rows.push(Row {
            number: row0 + i + 1,
            cells,
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_that_unpacks_beyond_the_limit_is_refused_before_it_is_unpacked() {
        // A zip of one part of 4 MB of zeros: a few kB packed.
        let mut buf = Vec::new();
        {
            use std::io::Write;
            let mut w = zip::ZipWriter::new(Cursor::new(&mut buf));
            w.start_file(
                "xl/worksheets/sheet1.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            w.write_all(&vec![b'0'; 4 << 20]).unwrap();
            w.finish().unwrap();
        }
        assert!(buf.len() < 64 << 10, "packed {} bytes", buf.len());
        let e = check_unpacked_size(&buf, 1 << 20).unwrap_err();
        assert!(
            e.message.en().contains("unpacks to more than 1 MB"),
            "{}",
            e.message
        );
        assert!(check_unpacked_size(&buf, 8 << 20).is_ok());
        // Not a zip: left to calamine.
        assert!(check_unpacked_size(b"not a workbook", 1).is_ok());
    }

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn delimiters_are_sniffed_outside_quotes() {
        assert_eq!(sniff_delimiter("Kecamatan;Desa;No TPS\n"), b';');
        assert_eq!(sniff_delimiter("Kecamatan,Desa,No TPS\n"), b',');
        assert_eq!(sniff_delimiter("Kecamatan\tDesa\tNo TPS\n"), b'\t');
        assert_eq!(sniff_delimiter("\"a;b;c\",d\n"), b',');
    }

    #[test]
    fn csv_rows_keep_their_record_numbers() {
        let rows = read_csv("\u{feff}a,b\n\"x\ny\",2\n\n3,4\n".as_bytes()).unwrap();
        let titled = read_csv(b"Title\r\n\r\n\r\nA,B\r\n1,2\r\n").unwrap();
        assert_eq!(
            titled.iter().map(|r| r.number).collect::<Vec<_>>(),
            [1, 4, 5]
        );
        assert_eq!(rows[0].cells[0], Cell::Text("a".into()));
        assert_eq!(rows[1].number, 2);
        // The empty line is row 3 in a spreadsheet program.
        assert_eq!(rows.last().unwrap().number, 4);
        assert!(read_csv(b"a,b\n\xff,1\n").is_err());
    }

    #[test]
    fn workbook_numbers_read_as_plain_text() {
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(1.4774), "1.4774");
        assert_eq!(number_text(-0.5), "-0.5");
    }
}
