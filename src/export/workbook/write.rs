//! Writing the sheets as `.xlsx` bytes: formats, cells, frozen header, widths and filters.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::{Cell, Sheet};
use crate::error::{Error, Result};

fn xlsx(e: XlsxError) -> Error {
    Error::caused("results.xlsx: ", e)
}

/// Excel keeps at most 32,767 characters in a cell.
const MAX_CELL: usize = 32_000;

/// A string fit for a cell: characters XML forbids replaced, cut at [`MAX_CELL`] characters.
fn cell_text(s: &str) -> String {
    let s = crate::text::xml_safe(s);
    if s.chars().count() > MAX_CELL {
        s.chars().take(MAX_CELL).chain(['…']).collect()
    } else {
        s.into_owned()
    }
}

struct Formats {
    header: Format,
    text: Format,
    quoted: Format,
    int: Format,
    pct: Format,
    num: [Format; 5],
    rupiah: Format,
    time: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Bottom)
                .set_border_bottom(FormatBorder::Thin)
                .set_background_color("#ECECEA"),
            text: base.clone(),
            quoted: base.clone().set_quote_prefix(),
            int: base.clone().set_num_format("#,##0"),
            pct: base.clone().set_num_format("0.0%"),
            num: ["0", "0.0", "0.00", "0.000", "0.0000"].map(|f| base.clone().set_num_format(f)),
            rupiah: base.clone().set_num_format("\"Rp\" #,##0"),
            time: base.set_num_format("yyyy-mm-dd hh:mm"),
        }
    }
}

/// Days since Excel's epoch (1899-12-30), with the time of day as the fraction.
fn serial(t: &NaiveDateTime) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    (*t - epoch).num_seconds() as f64 / 86_400.0
}

fn write_cell(ws: &mut Worksheet, f: &Formats, r: u32, c: u16, cell: &Cell) -> Result<()> {
    match cell {
        Cell::Text(s) => {
            let s = cell_text(s);
            // A cell a spreadsheet would run as a formula once retyped keeps Excel's quote
            // prefix (crate::text::csv_cell marks the same cells with an apostrophe in CSV).
            let fmt = match crate::text::csv_cell(&s) {
                std::borrow::Cow::Owned(_) => &f.quoted,
                std::borrow::Cow::Borrowed(_) => &f.text,
            };
            ws.write_string_with_format(r, c, &s, fmt).map_err(xlsx)?;
        }
        Cell::Int(x) => {
            ws.write_number_with_format(r, c, *x, &f.int)
                .map_err(xlsx)?;
        }
        Cell::Pct(x) => {
            ws.write_number_with_format(r, c, *x, &f.pct)
                .map_err(xlsx)?;
        }
        Cell::Num(x, d) => {
            ws.write_number_with_format(r, c, *x, &f.num[(*d).min(4)])
                .map_err(xlsx)?;
        }
        Cell::Rupiah(x) => {
            ws.write_number_with_format(r, c, *x, &f.rupiah)
                .map_err(xlsx)?;
        }
        Cell::Time(t) => {
            let d = ExcelDateTime::from_serial_datetime(serial(t)).map_err(xlsx)?;
            ws.write_datetime_with_format(r, c, d, &f.time)
                .map_err(xlsx)?;
        }
        Cell::Empty => {}
    }
    Ok(())
}

fn write_sheet(ws: &mut Worksheet, f: &Formats, sheet: &Sheet) -> Result<()> {
    ws.set_name(&sheet.name).map_err(xlsx)?;
    for (c, col) in sheet.columns.iter().enumerate() {
        let c = c as u16;
        ws.set_column_width(c, col.width).map_err(xlsx)?;
        ws.write_string_with_format(0, c, cell_text(&col.header), &f.header)
            .map_err(xlsx)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            write_cell(ws, f, r as u32 + 1, c as u16, cell)?;
        }
    }
    // The header row stays in view; so does the first column (the place's name) of a wide
    // table.
    let first_col = u16::from(sheet.columns.len() > 2);
    ws.set_freeze_panes(1, first_col).map_err(xlsx)?;
    if !sheet.rows.is_empty() && sheet.columns.len() > 2 {
        let last_col = sheet.columns.len().saturating_sub(1) as u16;
        ws.autofilter(0, 0, sheet.rows.len() as u32, last_col)
            .map_err(xlsx)?;
    }
    Ok(())
}

/// The bytes of `results.xlsx`: one sheet per [`Sheet`], in order. The workbook's creation
/// date is the run's, so the same sheets made at the same moment give the same bytes.
pub fn bytes(sheets: &[Sheet], made: &DateTime<FixedOffset>) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let f = Formats::new();
    let created = ExcelDateTime::from_serial_datetime(serial(&made.naive_utc())).map_err(xlsx)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    for sheet in sheets {
        write_sheet(wb.add_worksheet(), &f, sheet)?;
    }
    wb.save_to_buffer().map_err(xlsx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serial_dates() {
        let t = NaiveDate::from_ymd_opt(2024, 2, 13)
            .unwrap()
            .and_hms_opt(23, 59, 0)
            .unwrap();
        // 2024-02-13 is day 45,335 of Excel's calendar; 23:59 is 1,439 / 1,440 of a day.
        assert!((serial(&t) - (45_335.0 + 1_439.0 / 1_440.0)).abs() < 1e-9);
    }

    #[test]
    fn long_text_is_cut_and_forbidden_characters_replaced() {
        assert_eq!(cell_text("a\u{0}b"), "a\u{fffd}b");
        let long = "x".repeat(40_000);
        assert_eq!(cell_text(&long).chars().count(), MAX_CELL + 1);
    }
}
