//! The words of the brief and the workbook in the run's language: Fluent catalogues
//! (`locales/{en,id}/brief.ftl`, `workbook.ftl`, compiled into the program) and the way each
//! language writes numbers, percentages, rupiah and local times.

use chrono::{DateTime, Datelike, FixedOffset, Timelike};
use fluent::{FluentArgs, FluentBundle, FluentResource};

/// A language of the outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

/// The catalogue files of each language, in the same order.
const CATALOGUES: [(&str, &str, &str); 2] = [
    (
        "brief",
        include_str!("../../locales/en/brief.ftl"),
        include_str!("../../locales/id/brief.ftl"),
    ),
    (
        "workbook",
        include_str!("../../locales/en/workbook.ftl"),
        include_str!("../../locales/id/workbook.ftl"),
    ),
];

impl Language {
    /// From the environment: `LC_ALL`, else `LANG`, starting with `id` means Indonesian.
    pub fn from_env() -> Language {
        let v = std::env::var("LC_ALL")
            .ok()
            .filter(|v| !v.is_empty())
            .or_else(|| std::env::var("LANG").ok())
            .unwrap_or_default();
        if v.starts_with("id") {
            Language::Id
        } else {
            Language::En
        }
    }
    /// The HTML `lang` code.
    pub fn code(self) -> &'static str {
        match self {
            Language::Id => "id",
            Language::En => "en",
        }
    }
}

/// The catalogue of one language, with its number and time formats.
pub struct Words {
    lang: Language,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Words({:?})", self.lang)
    }
}

impl Words {
    /// The catalogue of `lang`. The catalogues are part of the program and checked by the
    /// tests, so a syntax error in one is a bug, reported as the message id itself.
    pub fn new(lang: Language) -> Words {
        // No locale: every argument arrives as a formatted string, so no plural or number
        // rules of the bundle are used.
        let mut bundle = FluentBundle::new(Vec::new());
        // No Unicode isolation marks around arguments: the text goes into HTML and cells.
        bundle.set_use_isolating(false);
        for (_, en, id) in CATALOGUES {
            let text = if lang == Language::Id { id } else { en };
            let res = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(res);
        }
        Words { lang, bundle }
    }
    /// The language.
    pub fn lang(&self) -> Language {
        self.lang
    }
    /// Message `id` with `args` (already formatted strings); the id itself if missing.
    pub fn say(&self, id: &str, args: &[(&str, String)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fa), &mut errors)
            .into_owned()
    }
    /// Message `id` without arguments.
    pub fn word(&self, id: &str) -> String {
        self.say(id, &[])
    }
    fn separators(&self) -> (char, char) {
        match self.lang {
            Language::Id => (',', '.'),
            Language::En => ('.', ','),
        }
    }
    /// `x` with `d` decimals and thousands separators (`1.234,5` or `1,234.5`).
    pub fn num(&self, x: f64, d: usize) -> String {
        let (dec, thou) = self.separators();
        let s = format!("{:.*}", d, x.abs());
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        let mut out = String::new();
        if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
            out.push('-');
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(thou);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(dec);
            out.push_str(frac);
        }
        out
    }
    /// A probability as a percentage with one decimal (`94,3%`).
    pub fn pct(&self, p: f64) -> String {
        format!("{}%", self.num(p * 100.0, 1))
    }
    /// Rupiah as people say it: `Rp 175 juta`, `Rp 1,2 miliar` (`Rp 175 million`, ...).
    pub fn money(&self, idr: f64) -> String {
        let (million, billion, thousand) = match self.lang {
            Language::Id => ("juta", "miliar", "ribu"),
            Language::En => ("million", "billion", "thousand"),
        };
        let a = idr.abs();
        // One decimal below ten ("Rp 1,2 miliar"), none when it would be ",0".
        let d = |x: f64| usize::from(x.abs() < 10.0 && (x * 10.0).round() % 10.0 != 0.0);
        if a >= 1e9 {
            format!("Rp {} {billion}", self.num(idr / 1e9, d(idr / 1e9)))
        } else if a >= 1e6 {
            format!("Rp {} {million}", self.num(idr / 1e6, d(idr / 1e6)))
        } else if a >= 1e3 {
            format!("Rp {} {thousand}", self.num(idr / 1e3, 0))
        } else {
            format!("Rp {}", self.num(idr, 0))
        }
    }
    /// A local time: `13 Feb 2024 23.59 WIB` (`13 Feb 2024 23:59 WIB`).
    pub fn time(&self, t: &DateTime<FixedOffset>) -> String {
        const ID: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
        ];
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let (months, sep) = match self.lang {
            Language::Id => (ID, '.'),
            Language::En => (EN, ':'),
        };
        format!(
            "{} {} {} {:02}{sep}{:02} {}",
            t.day(),
            months[t.month0() as usize],
            t.year(),
            t.hour(),
            t.minute(),
            crate::export::workbook::zone_name(t.offset())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent::FluentResource;

    /// The message ids of a catalogue (lines `id = ...` at the start of a line), after checking
    /// its syntax.
    fn ids(text: &str) -> Vec<String> {
        if let Err((_, e)) = FluentResource::try_new(text.to_string()) {
            panic!("catalogue syntax: {e:?}");
        }
        let mut v: Vec<String> = text
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        for (name, en, id) in CATALOGUES {
            assert_eq!(ids(en), ids(id), "{name}.ftl: en and id differ");
            assert!(!ids(en).is_empty());
        }
    }

    #[test]
    fn numbers_money_and_times_per_language() {
        let id = Words::new(Language::Id);
        let en = Words::new(Language::En);
        assert_eq!(id.num(1234.5, 1), "1.234,5");
        assert_eq!(en.num(1234.5, 1), "1,234.5");
        assert_eq!(id.pct(0.9432), "94,3%");
        assert_eq!(id.money(175e6), "Rp 175 juta");
        assert_eq!(id.money(1.2e9), "Rp 1,2 miliar");
        assert_eq!(en.money(175e6), "Rp 175 million");
        assert_eq!(id.money(6e6), "Rp 6 juta");
        assert_eq!(en.money(2.5e6), "Rp 2.5 million");
        let t = crate::time::parse_datetime("2024-02-13T23:59:00+07:00").unwrap();
        assert_eq!(id.time(&t), "13 Feb 2024 23.59 WIB");
        assert_eq!(en.time(&t), "13 Feb 2024 23:59 WIB");
        assert_eq!(id.num(-0.0001, 2), "0,00");
        assert_eq!(
            id.say(
                "brief-interval",
                &[("p", "1".into()), ("lo", "0".into()), ("hi", "2".into())]
            ),
            "1 (0–2)"
        );
    }
}
