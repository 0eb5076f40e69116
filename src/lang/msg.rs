//! Error and warning messages as data: a message of `errors.ftl` by key, with its arguments,
//! rendered in a language when it is shown.
//!
//! A diagnostic keeps a [`Msg`] rather than text, so that the language of a message is chosen
//! where it is printed (`--lang`, the scenario's `language`, the locale), not where the
//! problem is found. Keys are the stable codes of docs/errors.md in lower case (`e101`), with a
//! suffix for a code's variants and hints (`e108-help`, `e826-departed`); a test checks that
//! every code the source names is in docs/errors.md and in both catalogues, and that every
//! message of `errors.ftl` is used.
//!
//! Arguments are names and values from the file (kept as written), key names, and numbers
//! ([`MsgArg::Num`]: Rust's shortest form in English, as before, with a decimal comma in
//! Indonesian). An argument may itself be a message ([`MsgArg::Msg`]: a suggestion such as
//! "(did you mean 'Rupat'?)", or a table's name in words), rendered in the same language.
//!
//! Text from elsewhere that has no message (an operating system's or a library's error) is
//! [`Msg::verbatim`]: shown as it is in every language.

use super::{Arg, Lang, tr};

/// One argument of a [`Msg`].
#[derive(Debug, Clone, PartialEq)]
pub enum MsgArg {
    /// Text shown as it is (a name from the file, a key, a path, a whole number).
    Text(String),
    /// A number: `{v}` in English (`0.5`, `NaN`, `inf`), with a decimal comma in Indonesian.
    Num(f64),
    /// A message rendered in the same language (empty for `None`).
    Msg(Option<Box<Msg>>),
}

/// A message of the error catalogue (`locales/<lang>/errors.ftl`) with its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    /// The key, like `e101` or `e108-help`; empty for verbatim text.
    pub key: &'static str,
    /// Named arguments, as the message's placeables name them.
    pub args: Vec<(&'static str, MsgArg)>,
}

impl Msg {
    /// A message without arguments.
    pub fn new(key: &'static str) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    /// This message with one more argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<MsgArg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// Text that has no message in the catalogue, shown as it is in every language.
    pub fn verbatim(text: impl Into<String>) -> Msg {
        Msg::new("").arg("text", text.into())
    }

    /// The message in a language.
    pub fn render(&self, lang: Lang) -> String {
        if self.key.is_empty() {
            return match self.args.first() {
                Some((_, a)) => a.render(lang),
                None => String::new(),
            };
        }
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(n, a)| (*n, Arg::from(a.render(lang))))
            .collect();
        tr(lang, self.key, &args)
    }

    /// The message in English (what `Display` shows).
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }

    /// Every key of this message and of the messages in its arguments.
    pub fn keys(&self) -> Vec<&'static str> {
        let mut v = vec![self.key];
        for (_, a) in &self.args {
            if let MsgArg::Msg(Some(m)) = a {
                v.extend(m.keys());
            }
        }
        v
    }
}

impl MsgArg {
    fn render(&self, lang: Lang) -> String {
        match self {
            MsgArg::Text(s) => s.clone(),
            MsgArg::Num(v) => number(lang, *v),
            MsgArg::Msg(Some(m)) => m.render(lang),
            MsgArg::Msg(None) => String::new(),
        }
    }
}

/// A number as an error message shows it: Rust's shortest round-trip form (`0.35`, `1e300` is
/// `1000…0`, `NaN`, `inf`), with a decimal comma in Indonesian.
pub fn number(lang: Lang, v: f64) -> String {
    let s = format!("{v}");
    match lang {
        Lang::En => s,
        Lang::Id => s.replace('.', ","),
    }
}

impl From<String> for MsgArg {
    fn from(s: String) -> Self {
        MsgArg::Text(s)
    }
}
impl From<&String> for MsgArg {
    fn from(s: &String) -> Self {
        MsgArg::Text(s.clone())
    }
}
impl From<&str> for MsgArg {
    fn from(s: &str) -> Self {
        MsgArg::Text(s.to_string())
    }
}
impl From<f64> for MsgArg {
    fn from(v: f64) -> Self {
        MsgArg::Num(v)
    }
}
macro_rules! whole_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for MsgArg {
            fn from(n: $t) -> Self {
                MsgArg::Text(n.to_string())
            }
        }
    )*};
}
whole_arg!(usize, u32, u64, u8, i64, char);
impl From<Msg> for MsgArg {
    fn from(m: Msg) -> Self {
        MsgArg::Msg(Some(Box::new(m)))
    }
}
impl From<Option<Msg>> for MsgArg {
    fn from(m: Option<Msg>) -> Self {
        MsgArg::Msg(m.map(Box::new))
    }
}
impl From<String> for Msg {
    fn from(s: String) -> Self {
        Msg::verbatim(s)
    }
}
impl From<&str> for Msg {
    fn from(s: &str) -> Self {
        Msg::verbatim(s)
    }
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en())
    }
}

/// A message of `errors.ftl` with named arguments: `msg!("e104", what = "handling", v = 1.5)`.
/// The key must be a string literal, so that the catalogue test finds it in the source.
macro_rules! msg {
    ($key:literal) => {
        $crate::lang::Msg::new($key)
    };
    ($key:literal, $($name:ident = $val:expr),+ $(,)?) => {
        $crate::lang::Msg::new($key)$(.arg(stringify!($name), $val))+
    };
}
pub(crate) use msg;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_nested_messages_follow_the_language() {
        assert_eq!(number(Lang::En, 0.35), "0.35");
        assert_eq!(number(Lang::Id, 0.35), "0,35");
        assert_eq!(number(Lang::Id, f64::NAN), "NaN");
        let m = msg!("e102", v = 1.5);
        assert_eq!(m.en(), "1.5 is not a probability");
        assert_eq!(m.render(Lang::Id), "1,5 bukan peluang");
        let m = msg!(
            "e108",
            what = msg!("noun-node"),
            name = "Rupat Utra",
            hint = crate::lang::msg!("did-you-mean", name = "Rupat Utara"),
        );
        assert_eq!(
            m.en(),
            "there is no node named 'Rupat Utra' (did you mean 'Rupat Utara'?)"
        );
        assert!(
            m.render(Lang::Id).contains("'Rupat Utara'"),
            "{}",
            m.render(Lang::Id)
        );
        assert_eq!(Msg::verbatim("disk full").render(Lang::Id), "disk full");
    }
}
