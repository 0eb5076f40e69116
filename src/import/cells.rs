//! One cell of a TPS list read and checked: names (tidied, refused when they could break a
//! file or a spreadsheet), counts, TPS numbers and degrees in the spellings KPU lists use, and
//! points inside Indonesia.

use crate::lang::{Msg, msg};

/// Longest accepted name, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// Most TPS one row may count.
pub const MAX_TPS_PER_ROW: u32 = 10_000;

/// Indonesia's extent with a margin, degrees: latitude from 11.5 S to 6.5 N, longitude from
/// 94.5 E to 141.5 E (Sabang is at 95.3 E, Merauke at 140.4 E, Rote at 11.0 S).
pub const LAT_RANGE: (f64, f64) = (-11.5, 6.5);
/// See [`LAT_RANGE`].
pub const LON_RANGE: (f64, f64) = (94.5, 141.5);

/// A name tidied: trimmed, runs of white space made one space.
pub fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why a name cannot be used, if it cannot. Names go into the scenario file, reports and CSV
/// files, so control and bidirectional-override characters, markup brackets and a leading
/// character that makes a spreadsheet formula are refused.
pub fn name_problem(name: &str) -> Option<Msg> {
    if name.is_empty() {
        return Some(msg!("e932-empty"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Some(msg!(
            "e932-long",
            n = name.chars().count(),
            max = MAX_NAME_CHARS
        ));
    }
    if let Some(c) = name.chars().find(|&c| {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
    }) {
        return Some(msg!("e932-control", code = format!("{:04X}", c as u32)));
    }
    if let Some(c) = name.chars().find(|c| matches!(c, '<' | '>')) {
        return Some(msg!("e932-markup", char = c));
    }
    if let Some(c) = name
        .chars()
        .next()
        .filter(|c| matches!(c, '=' | '+' | '-' | '@'))
    {
        return Some(msg!("e932-formula", char = c));
    }
    None
}

/// A cell's text for a message: control characters escaped (`\u{1b}`), all else as it is.
pub fn shown(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A whole number from a cell: digits, optionally grouped by thousands with `.`, `,` or a
/// space (`1.234`, `1,234`), or a workbook's `12.0`.
pub fn parse_count(s: &str) -> Option<u64> {
    let s = s.trim();
    if let Some(whole) = s.strip_suffix(".0") {
        return whole.parse().ok();
    }
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    // Thousands groups: 1-3 digits, then groups of exactly 3 after one kind of separator.
    let sep = s.chars().find(|c| matches!(c, '.' | ',' | ' '))?;
    let groups: Vec<&str> = s.split(sep).collect();
    let ok = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    if ok {
        groups.concat().parse().ok()
    } else {
        None
    }
}

/// A TPS number: `7`, `007`, `TPS 7`, `TPS 007`.
pub fn parse_tps_number(s: &str) -> Option<u32> {
    let t = s.trim();
    let t = if t.len() >= 3 && t[..3].eq_ignore_ascii_case("tps") {
        t[3..].trim_start_matches([' ', '.', '-', '_']).trim()
    } else {
        t
    };
    match parse_count(t) {
        Some(n) if (1..=u64::from(u32::MAX)).contains(&n) => Some(n as u32),
        _ => None,
    }
}

/// A coordinate in decimal degrees, with a decimal point or (Indonesian style) a decimal
/// comma: `1.4774`, `1,4774`, `-0.5`.
pub fn parse_degrees(s: &str) -> Option<f64> {
    let t = s.trim();
    let t = if !t.contains('.') && t.matches(',').count() == 1 {
        t.replace(',', ".")
    } else {
        t.to_string()
    };
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Whether a point is inside Indonesia's extent.
pub fn in_indonesia(lat: f64, lon: f64) -> bool {
    (LAT_RANGE.0..=LAT_RANGE.1).contains(&lat) && (LON_RANGE.0..=LON_RANGE.1).contains(&lon)
}

/// The help for a point outside Indonesia: swapped latitude and longitude, a latitude of the
/// wrong sign, or where Indonesia is.
pub fn outside_help(lat: f64, lon: f64) -> Msg {
    if in_indonesia(lon, lat) {
        msg!("e948-swapped")
    } else if in_indonesia(-lat, lon) {
        msg!("e948-sign")
    } else {
        msg!(
            "e948-help",
            lat_min = LAT_RANGE.0,
            lat_max = LAT_RANGE.1,
            lon_min = LON_RANGE.0,
            lon_max = LON_RANGE.1
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_accept_thousands_groups_and_nothing_else() {
        assert_eq!(parse_count("12"), Some(12));
        assert_eq!(parse_count("1.234"), Some(1234));
        assert_eq!(parse_count("1,234,567"), Some(1_234_567));
        assert_eq!(parse_count("12.0"), Some(12));
        assert_eq!(parse_count("1.5"), None);
        assert_eq!(parse_count("12a"), None);
        assert_eq!(parse_count("-3"), None);
        assert_eq!(parse_count(""), None);
        assert_eq!(parse_count("1.23"), None);
    }

    #[test]
    fn tps_numbers_accept_the_usual_spellings() {
        assert_eq!(parse_tps_number("7"), Some(7));
        assert_eq!(parse_tps_number("007"), Some(7));
        assert_eq!(parse_tps_number("TPS 007"), Some(7));
        assert_eq!(parse_tps_number("tps.12"), Some(12));
        assert_eq!(parse_tps_number("0"), None);
        assert_eq!(parse_tps_number("TPS"), None);
        assert_eq!(parse_tps_number("satu"), None);
    }

    #[test]
    fn degrees_accept_a_decimal_comma() {
        assert_eq!(parse_degrees("1.4774"), Some(1.4774));
        assert_eq!(parse_degrees("1,4774"), Some(1.4774));
        assert_eq!(parse_degrees("-0,5"), Some(-0.5));
        assert_eq!(parse_degrees("1°28'"), None);
        assert_eq!(parse_degrees("NaN"), None);
        assert_eq!(parse_degrees("inf"), None);
    }

    #[test]
    fn names_that_could_break_a_file_or_a_spreadsheet_are_refused() {
        assert_eq!(name_problem("Sungai Pakning"), None);
        assert_eq!(
            name_problem("Kel. Bengkalis Kota \"Lama\" 'x' \\ [1] #2 ="),
            None
        );
        assert!(name_problem("").is_some());
        assert_eq!(
            name_problem("=HYPERLINK(\"x\")").map(|m| m.key),
            Some("e932-formula")
        );
        assert!(name_problem("+62").is_some());
        assert!(name_problem("@SUM").is_some());
        assert!(name_problem("-1").is_some());
        assert_eq!(
            name_problem("a<script>").map(|m| m.key),
            Some("e932-markup")
        );
        assert!(name_problem("a\u{202e}b").is_some());
        assert_eq!(
            name_problem("a\tb").map(|m| m.en()).as_deref(),
            Some("the name contains the invisible control character U+0009")
        );
        assert!(name_problem(&"x".repeat(101)).is_some());
    }

    #[test]
    fn swapped_and_mirrored_points_get_a_pointed_hint() {
        assert!(in_indonesia(1.47, 102.13));
        assert!(!in_indonesia(102.13, 1.47));
        assert!(outside_help(102.13, 1.47).en().contains("swapped"));
        assert!(outside_help(-7.0, 10.0).en().contains("Indonesia lies"));
        assert!(
            outside_help(-7.0, 10.0)
                .render(crate::lang::Lang::Id)
                .contains("lintang -11,5 dan 6,5")
        );
        assert_eq!(outside_help(8.0, 102.13).key, "e948-sign");
        assert!(!in_indonesia(0.0, 0.0));
        assert!(in_indonesia(-8.5, 140.4));
    }
}
