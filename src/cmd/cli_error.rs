//! The command-line parser's own errors (an unknown option, a missing argument, a bad value),
//! written in the run's language from the message catalogue `errors-cli.ftl` rather than in
//! clap's English frame. The parts clap knows (the option, the value, the allowed values, a
//! similar option, the usage line) are taken from the error's context; the sentence around
//! them is ours, in English or Indonesian. Help and version output are not errors and are
//! printed by clap (its help text follows the language through [`super::help`]).

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::lang::{Lang, Msg, msg};

/// The text of a command-line error in `lang`, ending in a newline, or `None` for what is not
/// an error (help, version) and for the two kinds that only report a failed write.
pub fn render(e: &clap::Error, lang: Lang) -> Option<String> {
    let text = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let list = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let number = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let quoted = |v: &[String]| {
        v.iter()
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let main: Msg = match e.kind() {
        ErrorKind::UnknownArgument => msg!("e809", arg = arg),
        ErrorKind::InvalidSubcommand => msg!(
            "e809-subcommand",
            name = text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if value.is_empty() => msg!("e809-empty", arg = arg),
        ErrorKind::InvalidValue => {
            let allowed = list(ContextKind::ValidValue);
            let m = msg!("e809-value", arg = arg, value = value);
            if allowed.is_empty() {
                m
            } else {
                msg!("e809-possible", message = m, values = allowed.join(", "))
            }
        }
        ErrorKind::ValueValidation => {
            // The value parsers' own sentences are already in the language (`args::said`).
            let why = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            msg!("e809-invalid", arg = arg, value = value, why = why)
        }
        ErrorKind::ArgumentConflict => match e.get(ContextKind::PriorArg) {
            Some(ContextValue::String(p)) if *p == arg => msg!("e809-twice", arg = arg),
            Some(ContextValue::String(p)) => msg!("e809-conflict", arg = arg, other = p),
            Some(ContextValue::Strings(v)) => {
                msg!("e809-conflict", arg = arg, other = v.join("', '"))
            }
            _ => msg!("e809-conflict-any", arg = arg),
        },
        ErrorKind::NoEquals => msg!("e809-equals", arg = arg),
        ErrorKind::TooManyValues => msg!("e809-too-many", arg = arg, value = value),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => msg!(
            "e809-count",
            arg = arg,
            expected = number(ContextKind::ExpectedNumValues)
                .or(number(ContextKind::MinValues))
                .unwrap_or(0) as usize,
            given = number(ContextKind::ActualNumValues).unwrap_or(0) as usize,
        ),
        ErrorKind::MissingRequiredArgument => {
            msg!("e848", args = list(ContextKind::InvalidArg).join(", "))
        }
        ErrorKind::MissingSubcommand => msg!(
            "e809-subcommand-missing",
            name = text(ContextKind::InvalidSubcommand).unwrap_or_default(),
            values = list(ContextKind::ValidSubcommand).join(", ")
        ),
        ErrorKind::InvalidUtf8 => msg!("e809-utf8"),
        _ => return None,
    };
    let mut out = format!("{} {}", label(lang), main.render(lang));
    let similar = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .map(list)
    .find(|v| !v.is_empty());
    if let Some(v) = similar {
        out.push_str("\n\n  ");
        out.push_str(&msg!("e809-similar", names = quoted(&v)).render(lang));
    }
    if let Some(usage) = text(ContextKind::Usage) {
        // clap writes "Usage: tepat run [OPTIONS] <PATH>...": keep the syntax, say the word.
        let syntax = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim();
        out.push_str("\n\n");
        out.push_str(&msg!("e809-usage", syntax = syntax).render(lang));
    }
    out.push_str("\n\n");
    out.push_str(&msg!("e809-more").render(lang));
    out.push('\n');
    Some(out)
}

fn label(lang: Lang) -> String {
    crate::lang::tr(lang, "label-error", &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn said(args: &[&str], lang: Lang) -> String {
        let e = super::super::Cli::try_parse_from(args).unwrap_err();
        render(&e, lang).expect("an error")
    }

    #[test]
    fn the_parsers_errors_follow_the_language() {
        let en = said(&["tepat", "run", "--no-such-flag"], Lang::En);
        assert!(
            en.starts_with("error: unexpected argument '--no-such-flag' found"),
            "{en}"
        );
        let id = said(&["tepat", "run", "--no-such-flag"], Lang::Id);
        assert!(
            id.starts_with("kesalahan: argumen '--no-such-flag' tidak dikenal"),
            "{id}"
        );
        assert!(id.contains("Cara pakai: tepat run"), "{id}");
        let id = said(&["tepat", "run", "--threds", "2"], Lang::Id);
        assert!(id.contains("'--threads'"), "a similar option: {id}");
        let id = said(&["tepat", "plan"], Lang::Id);
        assert!(id.contains("<FILE>"), "the missing argument: {id}");
        let id = said(
            &["tepat", "run", "--runs", "2", "--precision", "0.1"],
            Lang::Id,
        );
        assert!(id.contains("tidak dapat dipakai bersama"), "{id}");
        // Help is not an error: clap prints it.
        let e = super::super::Cli::try_parse_from(["tepat", "--help"]).unwrap_err();
        assert!(render(&e, Lang::Id).is_none());
    }
}
