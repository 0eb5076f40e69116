//! Past trips of one link (`tepat fit TRIPS.csv`), read into durations in hours.
//!
//! Either a duration column whose name carries its unit (`duration_min`, `duration_h` or
//! `duration_day`), or two columns `departure` and `arrival` holding datetimes
//! (`2024-02-07T08:00:00+07:00`, or `2024-02-07 08:00` on the local clock of both). Other
//! columns (a link name, a note) are ignored. Every problem is reported at once.

use chrono::{NaiveDateTime, TimeZone};

use super::table::Table;
use crate::error::{Diagnostic, Error, Result};
use crate::lang::msg;

/// Duration columns and hours per unit.
const DURATION_COLUMNS: [(&str, f64); 3] = [
    ("duration_min", 1.0 / 60.0),
    ("duration_h", 1.0),
    ("duration_day", 24.0),
];

/// The trips' durations, hours, in file order.
pub fn durations(t: &Table) -> Result<Vec<f64>> {
    let found: Vec<(usize, f64)> = DURATION_COLUMNS
        .iter()
        .filter_map(|(n, per)| t.column(n).map(|c| (c, *per)))
        .collect();
    let dep = t.column("departure");
    let arr = t.column("arrival");
    let mut problems = Vec::new();
    let mut out = Vec::with_capacity(t.rows.len());
    match (found.as_slice(), dep, arr) {
        ([(c, per)], None, None) => {
            for (line, cells) in &t.rows {
                let v = cells.get(*c).map(String::as_str).unwrap_or("");
                match v.replace(',', ".").parse::<f64>() {
                    Ok(x) if x.is_finite() && x >= 0.0 => out.push(x * per),
                    _ => problems.push(t.at(*line, *c, msg!("e981", v = v), msg!("e981-help"))),
                }
            }
        }
        ([], Some(d), Some(a)) => {
            for (line, cells) in &t.rows {
                let get = |c: usize| cells.get(c).map(String::as_str).unwrap_or("");
                let (ds, as_) = (get(d), get(a));
                let pd = parse_time(ds);
                let pa = parse_time(as_);
                if pd.is_none() {
                    problems.push(t.at(*line, d, msg!("e982", v = ds), msg!("e982-help")));
                }
                if pa.is_none() {
                    problems.push(t.at(*line, a, msg!("e982", v = as_), msg!("e982-help")));
                }
                if let (Some(x), Some(y)) = (pd, pa) {
                    let h = (y - x).num_seconds() as f64 / 3600.0;
                    if h < 0.0 {
                        problems.push(t.at(*line, a, msg!("e983"), msg!("e983-help")));
                    } else {
                        out.push(h);
                    }
                }
            }
        }
        _ => {
            return Err(Error::Invalid(vec![Diagnostic {
                line: Some(t.header_line),
                ..t.whole(msg!("e984"), msg!("e984-help"))
            }]));
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::Invalid(problems))
    }
}

/// A datetime with offset, or a local one (taken as UTC+0: only differences are used, and both
/// times of a trip are then on the same clock).
fn parse_time(s: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    let utc = chrono::FixedOffset::east_opt(0)?;
    [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .and_then(|n| utc.from_local_datetime(&n).single())
}
