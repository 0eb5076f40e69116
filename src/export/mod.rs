//! One file per export format. Each exporter turns summary structs into bytes; [`crate::output`]
//! decides where the bytes go.
//!
//! The CSV files with fixed columns are built from row structs (`summary_csv::SummaryRow`, ...)
//! that derive `Serialize`: the column names are the field names, and the report builds its
//! tables from the same rows. Numbers are written with fixed decimals (the `cell` formats) so
//! that the same counts always give the same bytes; every text cell goes through
//! [`crate::text::csv_cell`], so that no name becomes a live formula in a spreadsheet.
//!
//! Every CSV file starts with a UTF-8 byte-order mark ([`BOM`]), so that a spreadsheet opening
//! it reads names like "Tanjung Medang" or "Sei Pakning" with their accents and marks intact
//! instead of guessing a Windows code page; the csv crate (and so `tepat`'s own readers)
//! skips it. The columns are an interface: stable English names, dot decimals
//! (docs/csv.md).

pub mod backtest;
pub mod causes_csv;
pub mod changed_csv;
pub mod comparison_csv;
pub mod links_csv;
pub mod plan_csv;
pub mod run_json;
pub mod sensitivity_csv;
pub mod stations_csv;
pub mod summary_csv;
pub mod sweep_csv;
pub mod workbook;

use serde::Serialize;

use crate::error::{Error, Result};

/// The UTF-8 byte-order mark at the start of every CSV file.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A CSV writer into memory that starts with [`BOM`].
fn writer(b: &mut csv::WriterBuilder) -> csv::Writer<Vec<u8>> {
    b.from_writer(BOM.to_vec())
}

/// A probability or share, 4 decimals.
pub fn p4(x: f64) -> String {
    format!("{x:.4}")
}

/// Hours, 2 decimals.
pub fn h2(x: f64) -> String {
    format!("{x:.2}")
}

/// An optional value, empty when absent.
pub fn opt(x: Option<f64>, f: fn(f64) -> String) -> String {
    x.map(f).unwrap_or_default()
}

/// A CSV file of rows that derive `Serialize`: the header `header` (the field names, written
/// even when there are no rows), then one line per row. The rows' fields use the [`cell`]
/// formats.
pub fn serialize_rows<T: Serialize>(header: &[&str], rows: &[T]) -> Result<Vec<u8>> {
    let mut w = writer(csv::WriterBuilder::new().has_headers(false));
    w.write_record(header)
        .map_err(|e| Error::caused("CSV: ", e))?;
    for r in rows {
        w.serialize(r).map_err(|e| Error::caused("CSV: ", e))?;
    }
    w.into_inner().map_err(|e| Error::caused("CSV: ", e))
}

/// The field names of a row type, as `csv` would write them in a header (to check that a
/// file's header constant matches its row struct).
pub fn field_names<T: Serialize>(row: &T) -> Result<Vec<String>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.serialize(row).map_err(|e| Error::caused("CSV: ", e))?;
    let bytes = w.into_inner().map_err(|e| Error::caused("CSV: ", e))?;
    let text = String::from_utf8_lossy(&bytes);
    let first = text.lines().next().unwrap_or_default();
    Ok(first.split(',').map(str::to_string).collect())
}

/// `serialize_with` formats of CSV cells: fixed decimals for numbers, empty for absent
/// values, and the formula guard for text.
pub mod cell {
    use serde::Serializer;

    /// 4 decimals (probabilities and shares).
    pub fn p4<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::p4(*x))
    }
    /// 4 decimals, empty when absent.
    pub fn p4_opt<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::opt(*x, super::p4))
    }
    /// 3 decimals (expected counts).
    pub fn f3<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{x:.3}"))
    }
    /// 3 decimals, empty when absent.
    pub fn f3_opt<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&x.map(|x| format!("{x:.3}")).unwrap_or_default())
    }
    /// A whole number (rupiah, hours of slack), empty when absent.
    pub fn f0_opt<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&x.map(|x| format!("{x:.0}")).unwrap_or_default())
    }
    /// "true" or "false", empty when absent.
    pub fn bool_opt<S: Serializer>(x: &Option<bool>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match x {
            Some(true) => "true",
            Some(false) => "false",
            None => "",
        })
    }
    /// Hours, 2 decimals.
    pub fn h2<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::h2(*x))
    }
    /// Hours, 2 decimals each, one cell per value (a row with one column per cause).
    pub fn h2_each<S: Serializer>(x: &[f64], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(x.iter().map(|&h| super::h2(h)))
    }
    /// "yes" or "no".
    pub fn yes_no<S: Serializer>(x: &bool, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(if *x { "yes" } else { "no" })
    }
    /// Hours, 2 decimals, empty when absent.
    pub fn h2_opt<S: Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::opt(*x, super::h2))
    }
    /// Text that no spreadsheet runs as a formula.
    pub fn text<S: Serializer>(x: &str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::text::csv_cell(x))
    }
    /// Text, empty when absent.
    pub fn text_opt<S: Serializer>(x: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::text::csv_cell(x.as_deref().unwrap_or_default()))
    }
    /// "yes" or "no", empty when absent.
    pub fn yes_no_opt<S: Serializer>(x: &Option<bool>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match x {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[derive(Serialize)]
    struct R {
        a: u8,
    }

    #[test]
    fn a_csv_error_keeps_its_cause_and_its_message() {
        // A row shorter than the header: the csv writer refuses it.
        let e = serialize_rows(&["a", "b"], &[R { a: 1 }]).unwrap_err();
        let cause = e.source().expect("the csv error is kept as the cause");
        assert!(cause.downcast_ref::<csv::Error>().is_some(), "{cause:?}");
        assert_eq!(e.to_string(), format!("CSV: {cause}"));
        assert_eq!(e.exit_code(), 1);
    }

    #[test]
    fn csv_files_start_with_a_bom_that_the_csv_reader_skips() {
        #[derive(Serialize)]
        struct Row {
            #[serde(serialize_with = "cell::text")]
            name: String,
            #[serde(serialize_with = "cell::p4")]
            p: f64,
        }
        let bytes = serialize_rows(
            &["name", "p"],
            &[Row {
                name: "Tg. Médang".into(),
                p: 0.5,
            }],
        )
        .unwrap();
        assert!(bytes.starts_with(BOM), "{bytes:?}");
        let mut r = csv::Reader::from_reader(bytes.as_slice());
        assert_eq!(r.headers().unwrap(), vec!["name", "p"]);
        let row = r.records().next().unwrap().unwrap();
        assert_eq!(&row[0], "Tg. Médang");
        assert_eq!(&row[1], "0.5000");
        assert!(
            serialize_rows(&["a"], &[R { a: 1 }])
                .unwrap()
                .starts_with(BOM)
        );
    }
}
