//! The language of everything a person reads: Bahasa Indonesia or English.
//!
//! - [`Lang`] and its resolution ([`resolve`]): `--lang` on the command line, else the
//!   scenario's `[scenario] language`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`
//!   starting with `id`), else English.
//! - Message catalogues: one Fluent file per area and language under `locales/` (for example
//!   `locales/id/report.ftl`), embedded in the binary ([`catalogue`]). Text is looked up by key
//!   with [`tr`] or the [`t!`](crate::lang::t) macro; a test fails when a key is in one
//!   language and not the other, when their placeables differ, and when a key named in the
//!   source is in neither.
//! - Error and warning messages as data ([`msg`]): a key of `errors.ftl` (the stable code of
//!   docs/errors.md) with its arguments, rendered in the language of the run when shown.
//! - Numbers, percentages with intervals, datetimes, durations and money as a person reads
//!   them in each language ([`format`]): "94% (93–95%)", "13 Feb 2024 23.59 WIB",
//!   "Rp 1,2 miliar".
//!
//! Machine files (CSV, JSON) do not use this module: their column names and numbers are an
//! interface and stay in English with dot decimals.
//!
//! A utility: no I/O besides the embedded catalogues; imports only `time`.

pub mod catalogue;
pub mod format;
pub mod msg;

pub use catalogue::{Arg, has, tr};
pub(crate) use msg::msg;
pub use msg::{Msg, MsgArg};

/// A language a person reads tepat's outputs in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia.
    Id,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// Both languages, Indonesian first.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The language's code: `id` or `en` (the catalogue folder and `<html lang>`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The language of a code as written in a scenario or on the command line (`id`, `en`,
    /// case-insensitive; also `id-ID`, `en_GB`).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let base = s.split(['-', '_', '.']).next().unwrap_or_default();
        match base {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The language of the user's locale: Indonesian when the first of `LC_ALL`, `LC_MESSAGES`
/// and `LANG` that is set and not empty starts with "id" (POSIX precedence), else English.
/// `var` reads an environment variable (`|k| std::env::var(k).ok()` in the command).
pub fn locale_lang(var: impl Fn(&str) -> Option<String>) -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| var(k))
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if locale.to_ascii_lowercase().starts_with("id") {
        Lang::Id
    } else {
        Lang::En
    }
}

/// The language of a run: the command line's `--lang`, else the scenario's `language`, else
/// the locale (read through `var`), else English.
pub fn resolve(
    flag: Option<Lang>,
    scenario: Option<Lang>,
    var: impl Fn(&str) -> Option<String>,
) -> Lang {
    flag.or(scenario).unwrap_or_else(|| locale_lang(var))
}

/// A cause of lateness (a name of `model::CAUSES`, like "road disruption") in words: the
/// message `cause-road-disruption` of `common.ftl`; an unknown name as it is. A test of the
/// report checks that every cause has its message in both languages.
pub fn cause(lang: Lang, name: &str) -> String {
    let key = format!("cause-{}", name.replace(' ', "-"));
    if has(lang, &key) {
        tr(lang, &key, &[])
    } else {
        name.to_string()
    }
}

/// A message of the catalogues, with named arguments:
/// `t!(lang, "report-title", scenario = name, runs = n)`.
///
/// The key must be a string literal so that the catalogue test finds it in the source;
/// arguments are anything [`Arg`] converts from (text, integers, floats).
macro_rules! t {
    ($lang:expr, $key:literal) => {
        $crate::lang::tr($lang, $key, &[])
    };
    ($lang:expr, $key:literal, $($name:ident = $val:expr),+ $(,)?) => {
        $crate::lang::tr(
            $lang,
            $key,
            &[$((stringify!($name), $crate::lang::Arg::from($val))),+],
        )
    };
}
pub(crate) use t;

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_flag_wins_then_the_scenario_then_the_locale() {
        let id_env = [("LANG", "id_ID.UTF-8")];
        assert_eq!(
            resolve(Some(Lang::En), Some(Lang::Id), env(&id_env)),
            Lang::En
        );
        assert_eq!(resolve(None, Some(Lang::En), env(&id_env)), Lang::En);
        assert_eq!(resolve(None, None, env(&id_env)), Lang::Id);
        assert_eq!(resolve(None, None, env(&[])), Lang::En);
        // POSIX precedence: LC_ALL over LC_MESSAGES over LANG; an empty value is unset.
        let vars = [("LC_ALL", ""), ("LC_MESSAGES", "en_US"), ("LANG", "id_ID")];
        assert_eq!(resolve(None, None, env(&vars)), Lang::En);
        assert_eq!(resolve(None, None, env(&[("LC_ALL", "id")])), Lang::Id);
    }

    #[test]
    fn codes_parse() {
        assert_eq!(Lang::parse("id"), Some(Lang::Id));
        assert_eq!(Lang::parse("ID"), Some(Lang::Id));
        assert_eq!(Lang::parse("id-ID"), Some(Lang::Id));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
        }
    }
}
