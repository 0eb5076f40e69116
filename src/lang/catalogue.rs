//! The message catalogues: Fluent files, one per area and language, embedded in the binary.
//!
//! `locales/<lang>/<area>.ftl` holds the messages of one area (the report, the charts, the
//! terminal, ...) in one language. Every area has a file in each language with the same keys
//! and the same placeables (`{ $name }`); a key is unique across the areas of a language.
//!
//! **Adding a message**: write `my-key = ...` in `locales/en/<area>.ftl` and
//! `locales/id/<area>.ftl`, then call `t!(lang, "my-key")` or
//! `t!(lang, "my-key", name = value)` (the macro is `crate::lang::t`). **Adding an area**: put
//! both files under `locales/` and add the area's name to [`AREAS`] with the `area!` macro.
//! The tests of this file fail on a key or placeable in one language and not the other, on a
//! key named in the source that no catalogue has, and on a file Fluent cannot parse.
//!
//! Numbers given as arguments are formatted by [`super::format`] (Indonesian: `1.234,5`);
//! give text for figures that need a fixed form (percentages, money, datetimes). Bidirectional
//! isolation marks are off: the outputs are left-to-right HTML, SVG and terminal text.

use std::sync::OnceLock;

use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// One area's catalogue: its name and its Fluent text in each language.
#[derive(Debug, Clone, Copy)]
pub struct Area {
    /// The area's name, the file stem under `locales/<lang>/`.
    pub name: &'static str,
    /// The English file.
    pub en: &'static str,
    /// The Indonesian file.
    pub id: &'static str,
}

impl Area {
    /// The area's Fluent text in a language.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.id,
            Lang::En => self.en,
        }
    }
}

macro_rules! area {
    ($name:literal) => {
        Area {
            name: $name,
            en: include_str!(concat!("../../locales/en/", $name, ".ftl")),
            id: include_str!(concat!("../../locales/id/", $name, ".ftl")),
        }
    };
}

/// Every area, in the order their messages are added to a language's bundle.
pub const AREAS: &[Area] = &[
    area!("common"),
    area!("report"),
    area!("charts"),
    area!("terminal"),
    area!("brief"),
    area!("workbook"),
    area!("whatif"),
    area!("errors"),
    area!("errors-import"),
    area!("errors-runs"),
    area!("errors-backtest"),
    area!("errors-cli"),
    area!("help"),
    area!("bench"),
];

/// An argument of a message: text, or a number (formatted for the language; an integer also
/// selects the plural form in English).
#[derive(Debug, Clone)]
pub struct Arg(FluentValue<'static>);

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg(FluentValue::from(s.to_string()))
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg(FluentValue::from(s))
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg(FluentValue::from(s.clone()))
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg(FluentValue::from(n as f64))
            }
        }
    )*};
}
number_arg!(usize, u32, u64, i32, i64);
impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg(FluentValue::from(n))
    }
}

type Bundle = FluentBundle<FluentResource>;

/// Numbers in a message, in Indonesian.
fn number_id<M>(v: &FluentValue, _: &M) -> Option<String> {
    number_value(Lang::Id, v)
}

/// Numbers in a message, in English.
fn number_en<M>(v: &FluentValue, _: &M) -> Option<String> {
    number_value(Lang::En, v)
}

fn number_value(lang: Lang, v: &FluentValue) -> Option<String> {
    match v {
        FluentValue::Number(n) => Some(super::format::number_auto(lang, n.value)),
        _ => None,
    }
}

/// A language's bundle: every area's messages.
fn build(lang: Lang) -> Bundle {
    let id = lang.code().parse().expect("a valid language identifier");
    let mut b = Bundle::new_concurrent(vec![id]);
    b.set_use_isolating(false);
    b.set_formatter(Some(match lang {
        Lang::Id => number_id,
        Lang::En => number_en,
    }));
    for a in AREAS {
        let res = FluentResource::try_new(a.text(lang).to_string()).unwrap_or_else(|(r, e)| {
            // The catalogue test fails on any syntax error; a release build keeps what parsed.
            debug_assert!(false, "locales/{}/{}.ftl: {e:?}", lang.code(), a.name);
            r
        });
        if let Err(e) = b.add_resource(res) {
            debug_assert!(false, "locales/{}/{}.ftl: {e:?}", lang.code(), a.name);
        }
    }
    b
}

/// The bundle of a language, built on first use.
fn bundle(lang: Lang) -> &'static Bundle {
    static ID: OnceLock<Bundle> = OnceLock::new();
    static EN: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Lang::Id => ID.get_or_init(|| build(Lang::Id)),
        Lang::En => EN.get_or_init(|| build(Lang::En)),
    }
}

/// Whether a language's catalogue has a message (for keys built at run time, such as a
/// cause's name: their tests check every value).
pub fn has(lang: Lang, key: &str) -> bool {
    bundle(lang).has_message(key)
}

/// The message `key` in `lang` with its arguments. Prefer the `t!` macro, whose literal key
/// the catalogue test checks. A missing key gives the key itself (and fails in a debug build).
pub fn tr(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(key).and_then(|m| m.value()) else {
        debug_assert!(false, "no message '{key}' in locales/{}", lang.code());
        return key.to_string();
    };
    let mut fa = FluentArgs::new();
    for (name, a) in args {
        fa.set(*name, a.0.clone());
    }
    let mut errors = Vec::new();
    let text = b.format_pattern(pattern, Some(&fa), &mut errors);
    debug_assert!(
        errors.is_empty(),
        "message '{key}' in locales/{}: {errors:?}",
        lang.code()
    );
    text.into_owned()
}

#[cfg(test)]
#[path = "catalogue_tests.rs"]
mod tests;
