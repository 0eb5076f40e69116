//! Figures as a person reads them, in each language: the one place where numbers,
//! percentages, intervals, datetimes, durations and money become text for reports, charts,
//! briefs and the terminal.
//!
//! | | Bahasa Indonesia | English |
//! |---|---|---|
//! | number | `12.345,6` | `12,345.6` |
//! | probability with interval | `94% (93–95%)` | `94% (93–95%)` |
//! | difference of probabilities | `+3,2 poin persen` | `+3.2 percentage points` |
//! | datetime | `13 Feb 2024 23.59 WIB` | `13 Feb 2024 23:59 WIB` |
//! | duration | `3,5 jam` | `3.5 hours` |
//! | money | `Rp 175 juta`, `Rp 1,2 miliar` | `Rp 175 million`, `Rp 1.2 billion` |
//!
//! A percentage has no decimal unless it needs one: a probability below 1 is never shown as
//! 100% and one above 0 never as 0% (it is shown with one decimal, `99,6%`, and at most
//! `99,9%` or `0,1%`). Machine files never use these functions.

use chrono::{DateTime, Datelike, FixedOffset, Timelike};

use super::Lang;

/// The decimal separator and the thousands separator of a language.
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Id => (',', '.'),
        Lang::En => ('.', ','),
    }
}

/// Digits with the thousands separator of the language: `1234567` → `1.234.567` (id).
pub fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `x` with exactly `decimals` decimals, the language's separators: `number(Id, 1234.56, 1)`
/// is `1.234,6`. Not a number is `–`.
pub fn number(lang: Lang, x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let (dec, thou) = separators(lang);
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    // No "-0": a value that rounds to zero has no sign.
    if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    out.push_str(&group(int, thou));
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(frac);
    }
    out
}

/// A whole number with the thousands separator: `int(Id, 12345)` is `12.345`.
pub fn int(lang: Lang, n: i64) -> String {
    number(lang, n as f64, 0)
}

/// `x` with at most `max_decimals` decimals, trailing zeros dropped: `1,5`, `2`, `0,25`.
pub fn number_trim(lang: Lang, x: f64, max_decimals: usize) -> String {
    let s = number(lang, x, max_decimals);
    let (dec, _) = separators(lang);
    if s.contains(dec) {
        s.trim_end_matches('0').trim_end_matches(dec).to_string()
    } else {
        s
    }
}

/// A number given to a message: a whole number as such, else at most two decimals.
pub fn number_auto(lang: Lang, x: f64) -> String {
    number_trim(lang, x, 2)
}

/// The decimals a probability needs so that it is not shown as 0% or 100% unless it is.
fn pct_decimals(p: f64) -> usize {
    let near_edge = |d: i32| {
        let scale = 10f64.powi(d);
        let r = (p * 100.0 * scale).round() / scale;
        (r >= 100.0 && p < 1.0) || (r <= 0.0 && p > 0.0)
    };
    if near_edge(0) { 1 } else { 0 }
}

/// A probability in percent with `d` decimals, kept off 0 and 100 unless it is exactly so.
fn pct_digits(lang: Lang, p: f64, d: usize) -> String {
    if p == 0.0 || p == 1.0 {
        return number(lang, p * 100.0, 0);
    }
    let step = 10f64.powi(-(d as i32));
    let mut v = p * 100.0;
    let r = (v / step).round() * step;
    if r >= 100.0 && p < 1.0 {
        v = 100.0 - step;
    } else if r <= 0.0 && p > 0.0 {
        v = step;
    }
    number(lang, v, d)
}

/// A probability as a percentage: `0.943` → `94%`, `0.996` → `99,6%` (id).
pub fn percent(lang: Lang, p: f64) -> String {
    format!("{}%", pct_digits(lang, p, pct_decimals(p)))
}

/// A probability with its 95% interval: `94% (93–95%)`.
pub fn percent_interval(lang: Lang, p: f64, lo: f64, hi: f64) -> String {
    let d = pct_decimals(p).max(pct_decimals(lo)).max(pct_decimals(hi));
    format!(
        "{}% ({}–{}%)",
        pct_digits(lang, p, d),
        pct_digits(lang, lo, d),
        pct_digits(lang, hi, d)
    )
}

/// A difference of two probabilities, in percentage points with a sign and one decimal:
/// `+3,2 poin persen` (id), `-0.4 percentage points` (en).
pub fn points(lang: Lang, d: f64) -> String {
    let v = d * 100.0;
    let n = number(lang, v, 1);
    let sign = if n.starts_with('-') || number(lang, v.abs(), 1) == number(lang, 0.0, 1) {
        ""
    } else {
        "+"
    };
    let unit = match lang {
        Lang::Id => "poin persen",
        Lang::En => "percentage points",
    };
    format!("{sign}{n} {unit}")
}

/// A difference with its interval, in percentage points: `+2,8 (+1,4 … +4,2) poin persen`.
pub fn points_interval(lang: Lang, d: f64, lo: f64, hi: f64) -> String {
    let bare = |x: f64| {
        let s = points(lang, x);
        s.split(' ').next().unwrap_or_default().to_string()
    };
    let full = points(lang, d);
    let unit = full.split_once(' ').map(|x| x.1).unwrap_or_default();
    format!("{} ({} … {}) {unit}", bare(d), bare(lo), bare(hi))
}

/// The name of a UTC offset in Indonesia: WIB (+07:00), WITA (+08:00), WIT (+09:00); any
/// other offset as `UTC+05:30`.
pub fn zone(offset: &FixedOffset) -> String {
    let secs = offset.local_minus_utc();
    match secs {
        25_200 => "WIB".into(),
        28_800 => "WITA".into(),
        32_400 => "WIT".into(),
        _ => {
            let sign = if secs < 0 { '-' } else { '+' };
            let m = secs.abs() / 60;
            format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
        }
    }
}

/// A month's short name.
fn month(lang: Lang, m: u32) -> &'static str {
    const ID: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Id => ID[i],
        Lang::En => EN[i],
    }
}

/// The date: `13 Feb 2024`.
pub fn date(lang: Lang, t: &DateTime<FixedOffset>) -> String {
    format!("{} {} {}", t.day(), month(lang, t.month()), t.year())
}

/// The day and month: `13 Feb`.
pub fn day_month(lang: Lang, t: &DateTime<FixedOffset>) -> String {
    format!("{} {}", t.day(), month(lang, t.month()))
}

/// The time of day: `23.59` (id), `23:59` (en).
pub fn clock(lang: Lang, t: &DateTime<FixedOffset>) -> String {
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ':',
    };
    format!("{:02}{sep}{:02}", t.hour(), t.minute())
}

/// A local datetime: `13 Feb 2024 23.59 WIB` (id), `13 Feb 2024 23:59 WIB` (en).
pub fn datetime(lang: Lang, t: &DateTime<FixedOffset>) -> String {
    format!("{} {} {}", date(lang, t), clock(lang, t), zone(t.offset()))
}

/// The local datetime `hours` after `start` (rounded to the minute), as [`datetime`].
pub fn datetime_at(lang: Lang, start: &DateTime<FixedOffset>, hours: f64) -> String {
    datetime(lang, &crate::time::at(start, hours))
}

/// A duration in hours: `3,5 jam`, `45 menit` (id); `3.5 hours`, `1 hour`, `45 min` (en).
pub fn hours(lang: Lang, h: f64) -> String {
    if h.is_finite() && h.abs() < 1.0 {
        let m = (h * 60.0).round();
        return match lang {
            Lang::Id => format!("{} menit", number(lang, m, 0)),
            Lang::En => format!("{} min", number(lang, m, 0)),
        };
    }
    let n = number_trim(lang, h, 1);
    match lang {
        Lang::Id => format!("{n} jam"),
        Lang::En if n == "1" => "1 hour".into(),
        Lang::En => format!("{n} hours"),
    }
}

/// Rupiah as a person says it: `Rp 175 juta`, `Rp 1,2 miliar`, `Rp 850.000` (id);
/// `Rp 175 million`, `Rp 1.2 billion`, `Rp 850,000` (en). At most three significant digits
/// from a million up.
pub fn money(lang: Lang, rupiah: f64) -> String {
    if !rupiah.is_finite() {
        return "–".into();
    }
    let sign = if rupiah < 0.0 { "-" } else { "" };
    let x = rupiah.abs();
    let units: [(f64, &str, &str); 3] = [
        (1e12, "triliun", "trillion"),
        (1e9, "miliar", "billion"),
        (1e6, "juta", "million"),
    ];
    for (size, id, en) in units {
        // 999.95 million rounds to "1,000 million"; it is shown as "1 billion".
        let v = x / size;
        let d = if v >= 99.95 {
            0
        } else if v >= 9.995 {
            1
        } else {
            2
        };
        let rounded = (v * 10f64.powi(d)).round() / 10f64.powi(d);
        if rounded >= 1.0 {
            let n = number_trim(lang, rounded, d as usize);
            let word = match lang {
                Lang::Id => id,
                Lang::En => en,
            };
            return format!("{sign}Rp {n} {word}");
        }
    }
    format!("{sign}Rp {}", number(lang, x, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Id};

    fn wib(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn numbers() {
        assert_eq!(number(Id, 1234567.891, 2), "1.234.567,89");
        assert_eq!(number(En, 1234567.891, 2), "1,234,567.89");
        assert_eq!(number(Id, -0.04, 1), "0,0");
        assert_eq!(number(Id, -12.5, 1), "-12,5");
        assert_eq!(number(En, 999.0, 0), "999");
        assert_eq!(number(En, f64::NAN, 1), "–");
        assert_eq!(int(Id, 10000), "10.000");
        assert_eq!(int(En, 10000), "10,000");
        assert_eq!(number_trim(Id, 2.50, 2), "2,5");
        assert_eq!(number_trim(Id, 2.0, 2), "2");
        assert_eq!(number_auto(En, 1234.0), "1,234");
    }

    #[test]
    fn percentages_and_intervals() {
        assert_eq!(percent(Id, 0.943), "94%");
        assert_eq!(percent(Id, 0.996), "99,6%");
        assert_eq!(percent(En, 0.996), "99.6%");
        assert_eq!(percent(Id, 0.99996), "99,9%");
        assert_eq!(percent(Id, 1.0), "100%");
        assert_eq!(percent(Id, 0.0), "0%");
        assert_eq!(percent(Id, 0.0001), "0,1%");
        assert_eq!(percent_interval(Id, 0.94, 0.931, 0.948), "94% (93–95%)");
        assert_eq!(percent_interval(En, 0.94, 0.931, 0.948), "94% (93–95%)");
        assert_eq!(
            percent_interval(Id, 0.998, 0.996, 0.999),
            "99,8% (99,6–99,9%)"
        );
        assert_eq!(percent_interval(En, 1.0, 0.9996, 1.0), "100% (99.9–100%)");
        assert_eq!(points(Id, 0.032), "+3,2 poin persen");
        assert_eq!(points(En, -0.004), "-0.4 percentage points");
        assert_eq!(points(En, 0.0), "0.0 percentage points");
        assert_eq!(
            points_interval(Id, 0.028, 0.014, 0.042),
            "+2,8 (+1,4 … +4,2) poin persen"
        );
        assert_eq!(
            points_interval(En, -0.01, -0.02, 0.0),
            "-1.0 (-2.0 … 0.0) percentage points"
        );
    }

    #[test]
    fn datetimes_name_the_zone() {
        let t = wib("2024-02-13T23:59:00+07:00");
        assert_eq!(datetime(Id, &t), "13 Feb 2024 23.59 WIB");
        assert_eq!(datetime(En, &t), "13 Feb 2024 23:59 WIB");
        let t = wib("2024-05-02T08:05:00+08:00");
        assert_eq!(datetime(Id, &t), "2 Mei 2024 08.05 WITA");
        assert_eq!(datetime(En, &t), "2 May 2024 08:05 WITA");
        let t = wib("2024-08-17T10:00:00+09:00");
        assert_eq!(datetime(Id, &t), "17 Agu 2024 10.00 WIT");
        let t = wib("2024-12-01T10:00:00+05:30");
        assert_eq!(datetime(En, &t), "1 Dec 2024 10:00 UTC+05:30");
        let start = wib("2024-02-10T00:00:00+07:00");
        assert_eq!(datetime_at(Id, &start, 95.5), "13 Feb 2024 23.30 WIB");
        assert_eq!(day_month(Id, &start), "10 Feb");
        assert_eq!(clock(Id, &t), "10.00");
    }

    #[test]
    fn durations() {
        assert_eq!(hours(Id, 3.5), "3,5 jam");
        assert_eq!(hours(En, 3.5), "3.5 hours");
        assert_eq!(hours(En, 1.0), "1 hour");
        assert_eq!(hours(Id, 0.75), "45 menit");
        assert_eq!(hours(En, 0.75), "45 min");
        assert_eq!(hours(Id, 26.0), "26 jam");
    }

    #[test]
    fn money_in_words() {
        assert_eq!(money(Id, 175e6), "Rp 175 juta");
        assert_eq!(money(En, 175e6), "Rp 175 million");
        assert_eq!(money(Id, 1.2e9), "Rp 1,2 miliar");
        assert_eq!(money(En, 1.2e9), "Rp 1.2 billion");
        assert_eq!(money(Id, 1.25e9), "Rp 1,25 miliar");
        assert_eq!(money(Id, 12.5e6), "Rp 12,5 juta");
        assert_eq!(money(Id, 999.96e6), "Rp 1 miliar");
        assert_eq!(money(Id, 850_000.0), "Rp 850.000");
        assert_eq!(money(En, 850_000.0), "Rp 850,000");
        assert_eq!(money(Id, 2.5e12), "Rp 2,5 triliun");
        assert_eq!(money(En, -3e6), "-Rp 3 million");
        assert_eq!(money(Id, 0.0), "Rp 0");
    }
}
