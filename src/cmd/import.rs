//! `tepat import`: turn a TPS list (CSV or Excel) into a scenario skeleton.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::error::{Error, Result};
use crate::import::{
    Request, default_out, import_text, parse_date, parse_name, parse_point, parse_road_factor,
    same_file, warnings,
};
use crate::lang::{Msg, msg};
use crate::starter::write_new_file;

/// `tepat import`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The TPS list: .csv (comma, semicolon or tab separated) or .xlsx (first sheet).
    pub tps_list: PathBuf,
    /// The warehouse's name.
    #[arg(long, value_parser = depot)]
    pub depot: String,
    /// The warehouse's position.
    #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true, value_parser = depot_at)]
    pub depot_at: (f64, f64),
    /// Polling day.
    #[arg(long, value_name = "YYYY-MM-DD", default_value = "2024-02-14", value_parser = election_date)]
    pub election_date: chrono::NaiveDate,
    /// Road distance over straight-line distance.
    #[arg(long, default_value_t = 1.4, value_parser = road_factor)]
    pub road_factor: f64,
    /// Output folder or file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
}

/// A message of a value parser, in the language the command line or the locale asks for; the
/// parser's sentence around it is [`super::cli_error`]'s, in the same language.
fn said(m: Msg) -> String {
    m.render(super::early_lang())
}

fn depot(s: &str) -> std::result::Result<String, String> {
    parse_name(s).map_err(said)
}

fn depot_at(s: &str) -> std::result::Result<(f64, f64), String> {
    parse_point(s).map_err(said)
}

fn election_date(s: &str) -> std::result::Result<chrono::NaiveDate, String> {
    parse_date(s).map_err(said)
}

fn road_factor(s: &str) -> std::result::Result<f64, String> {
    parse_road_factor(s).map_err(said)
}

/// `tepat import`.
pub fn import(a: &ImportArgs) -> Result<()> {
    let out = a.out.clone().unwrap_or_else(|| default_out(&a.tps_list));
    if same_file(&out, &a.tps_list) {
        return Err(Error::Usage(msg!("e939", path = out.display().to_string())));
    }
    let req = Request {
        tps_list: a.tps_list.clone(),
        depot: a.depot.clone(),
        depot_at: a.depot_at,
        election_date: a.election_date,
        road_factor: a.road_factor,
    };
    let (text, list) = import_text(&req, &out)?;
    write_new_file(&out, text.as_bytes(), a.force)?;
    let lang = super::lang(None);
    for w in warnings(&list) {
        let d = crate::error::Diagnostic::new(&a.tps_list, w);
        eprintln!("{}", d.warning_in(lang));
    }
    let villages: usize = list.kecamatan.iter().map(|k| k.villages.len()).sum();
    let todos = text
        .lines()
        .filter(|l| l.contains("TODO") && !l.contains("Search for TODO"))
        .count();
    // The file is written; a closed standard output (`| head`) must not turn that into a panic.
    let int = |n: usize| crate::lang::format::int(lang, n as i64);
    let _ = writeln!(
        std::io::stdout().lock(),
        "{}",
        crate::lang::t!(
            lang,
            "import-written",
            file = out.display().to_string(),
            kecamatan = int(list.kecamatan.len()),
            villages = int(villages),
            tps = int(list.stations() as usize),
            rows = int(list.data_rows),
            todos = int(todos)
        )
    );
    Ok(())
}
