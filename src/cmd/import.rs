//! `tepat import`: turn a TPS list (CSV or Excel) into a scenario skeleton.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::error::{Error, Result};
use crate::import::{
    Request, default_out, import_text, parse_date, parse_name, parse_point, parse_road_factor,
    same_file, warnings,
};
use crate::starter::write_new_file;

/// `tepat import`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The TPS list: .csv (comma, semicolon or tab separated) or .xlsx (first sheet).
    pub tps_list: PathBuf,
    /// The warehouse's name.
    #[arg(long, value_parser = parse_name)]
    pub depot: String,
    /// The warehouse's position.
    #[arg(long, value_name = "LAT,LON", allow_hyphen_values = true, value_parser = parse_point)]
    pub depot_at: (f64, f64),
    /// Polling day.
    #[arg(long, value_name = "YYYY-MM-DD", default_value = "2024-02-14", value_parser = parse_date)]
    pub election_date: chrono::NaiveDate,
    /// Road distance over straight-line distance.
    #[arg(long, default_value_t = 1.4, value_parser = parse_road_factor)]
    pub road_factor: f64,
    /// Output folder or file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
}

/// `tepat import`.
pub fn import(a: &ImportArgs) -> Result<()> {
    let out = a.out.clone().unwrap_or_else(|| default_out(&a.tps_list));
    if same_file(&out, &a.tps_list) {
        return Err(Error::usage(format!(
            "--out '{}' is the TPS list itself; write the scenario to another file (a .toml)",
            out.display()
        )));
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
    for w in warnings(&list) {
        eprintln!("warning: {}: {w}", a.tps_list.display());
    }
    let villages: usize = list.kecamatan.iter().map(|k| k.villages.len()).sum();
    let todos = text
        .lines()
        .filter(|l| l.contains("TODO") && !l.contains("Search for TODO"))
        .count();
    // The file is written; a closed standard output (`| head`) must not turn that into a panic.
    let lang = super::lang(None);
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
