//! Local datetimes and times of day.
//!
//! Simulated time is `f64` hours from the scenario's `start`. Every time a planner reads or
//! writes is a local datetime with the scenario's UTC offset (WIB, +07:00 for Bengkalis).

use chrono::{DateTime, Duration, FixedOffset, NaiveTime, Timelike};

/// The clock of a run: the local datetime of simulated time 0 and how far the run looks.
/// Outputs turn simulated hours into local datetimes with it (charts read it from the summary
/// structs, never from the model).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Clock {
    /// Local datetime of time 0.
    pub start: DateTime<FixedOffset>,
    /// Minutes after local midnight at time 0.
    pub start_minute: f64,
    /// Horizon, hours: arrivals later than this are "never arrived".
    pub horizon: f64,
}

/// Parse an RFC 3339 datetime with offset, like `2024-02-13T23:59:00+07:00` (the message for
/// a planner is made where the scenario is checked: `model::compile`).
pub fn parse_datetime(s: &str) -> Result<DateTime<FixedOffset>, chrono::ParseError> {
    DateTime::parse_from_rfc3339(s.trim())
}

/// Parse a time of day "HH:MM" (or "HH:MM:SS") into minutes after midnight.
pub fn parse_time_of_day(s: &str) -> Result<f64, chrono::ParseError> {
    let t = NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s.trim(), "%H:%M:%S"))?;
    Ok(t.hour() as f64 * 60.0 + t.minute() as f64 + t.second() as f64 / 60.0)
}

/// Hours from `start` to `t`.
pub fn hours_between(start: &DateTime<FixedOffset>, t: &DateTime<FixedOffset>) -> f64 {
    (*t - *start).num_milliseconds() as f64 / 3_600_000.0
}

/// The local datetime `hours` after `start`, rounded to the minute.
pub fn at(start: &DateTime<FixedOffset>, hours: f64) -> DateTime<FixedOffset> {
    let mins = (hours * 60.0).round() as i64;
    *start + Duration::minutes(mins)
}

/// `hours` after `start` formatted as `2024-02-13 14:05` (local time).
pub fn fmt_local(start: &DateTime<FixedOffset>, hours: f64) -> String {
    at(start, hours).format("%Y-%m-%d %H:%M").to_string()
}

/// Minutes after local midnight of simulated time 0.
pub fn start_minute_of_day(start: &DateTime<FixedOffset>) -> f64 {
    start.hour() as f64 * 60.0 + start.minute() as f64 + start.second() as f64 / 60.0
}
