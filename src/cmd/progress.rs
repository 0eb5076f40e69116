//! The progress bar of a simulation on the terminal: whole replications done of a total known
//! from the start, and whole replications per second.

use std::io::IsTerminal;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressState, ProgressStyle};

use crate::engine::Progress;

/// The words and number style of the bar, in the run's language.
#[derive(Debug, Clone)]
pub struct BarWords {
    /// What is counted ("replications").
    pub unit: String,
    /// The rate's unit ("/s").
    pub per_second: String,
    /// The thousands separator (`,` in English, `.` in Indonesian).
    pub thousands: char,
}

impl BarWords {
    /// The bar's words in `lang` (`terminal.ftl`).
    pub fn new(lang: crate::lang::Lang) -> Self {
        use crate::lang::{Lang, t};
        BarWords {
            unit: t!(lang, "progress-unit"),
            per_second: t!(lang, "progress-per-second"),
            thousands: match lang {
                Lang::Id => '.',
                Lang::En => ',',
            },
        }
    }
}

/// `n` with a thousands separator: `12,345` (or `12.345`).
pub fn grouped(n: u64, sep: char) -> String {
    crate::lang::format::group(&n.to_string(), sep)
}

/// The bar's length after the engine announces a stage of `t` replications with `pos` done:
/// a total counted from zero that grows (`--precision` doubling) replaces the length; a stage
/// no longer than what is done (the strategies' comparison after the baseline) adds to it; the
/// length never shrinks below the total known from the start.
pub fn next_length(len: u64, pos: u64, t: u64) -> u64 {
    let stage = if t > pos { t } else { pos + t };
    len.max(stage)
}

/// A progress bar on standard error, hidden when it is not a terminal or with `--quiet`.
pub struct Bar {
    pb: ProgressBar,
    /// Serialises `set_total` (read the position, then set the length).
    lock: Mutex<()>,
}

impl Bar {
    /// A bar labelled with the scenario name, `total` replications long from the start (the
    /// baseline and, with strategies, their comparison).
    pub fn new(label: &str, total: u64, quiet: bool, words: &BarWords) -> Self {
        let pb = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            ProgressBar::new(total)
        };
        let sep = words.thousands;
        let per_second = words.per_second.clone();
        let template = format!(
            "{{prefix:>28}} [{{bar:30}}] {{done}}/{{total}} {} ({{rate}}, {{eta}})",
            words.unit.replace('{', "(").replace('}', ")")
        );
        if let Ok(style) = ProgressStyle::with_template(&template) {
            let style = style
                .progress_chars("=> ")
                .with_key(
                    "done",
                    move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{}", grouped(s.pos(), sep));
                    },
                )
                .with_key(
                    "total",
                    move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{}", grouped(s.len().unwrap_or(0), sep));
                    },
                )
                .with_key(
                    "rate",
                    move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                        let r = s.per_sec();
                        let r = if r.is_finite() { r.round() as u64 } else { 0 };
                        let _ = write!(w, "{}{per_second}", grouped(r, sep));
                    },
                );
            pb.set_style(style);
        }
        pb.set_prefix(crate::text::visible(label).into_owned());
        Bar {
            pb,
            lock: Mutex::new(()),
        }
    }
    /// Remove the bar.
    pub fn finish(&self) {
        self.pb.finish_and_clear();
    }
}

impl Progress for Bar {
    fn inc(&self, n: u64) {
        self.pb.inc(n);
    }
    fn set_total(&self, total: u64) {
        let _g = self.lock.lock();
        let len = self.pb.length().unwrap_or(0);
        self.pb
            .set_length(next_length(len, self.pb.position(), total));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_with_separators() {
        assert_eq!(grouped(0, ','), "0");
        assert_eq!(grouped(999, ','), "999");
        assert_eq!(grouped(2_775, ','), "2,775");
        assert_eq!(grouped(1_234_567, '.'), "1.234.567");
    }

    #[test]
    fn the_length_is_known_from_the_start_and_follows_the_stages() {
        // 10,000 replications and strategies: 20,000 from the start.
        assert_eq!(next_length(20_000, 0, 10_000), 20_000);
        assert_eq!(next_length(20_000, 10_000, 10_000), 20_000);
        // Without a planned total, the comparison after the baseline adds its stage.
        assert_eq!(next_length(10_000, 10_000, 10_000), 20_000);
        // --precision: the total from zero doubles.
        assert_eq!(next_length(4_096, 4_096, 8_192), 8_192);
    }
}
