//! The command line in the run's language: every command's description and examples, every
//! option's help, and the parser's own words around them ("Usage:", "Options", "[default:
//! …]"), from the message catalogue `locales/<lang>/help.ftl`.
//!
//! The options themselves (names, values, parsers) are declared with clap's derive in
//! [`super::args`] and the commands' files; this module takes the command tree clap builds
//! and sets each text for the language of `--lang` or the locale ([`super::early_lang`]; the
//! scenario is not read yet). An option's text is `h-<command>-<option>`, else the shared
//! `h-arg-<option>`; a command's are `h-<command>-about`, `-long` and `-after`. A test fails
//! when an option or command has no text, or a text no option.

use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use crate::engine::{MAX_RUNS, MAX_THREADS};
use crate::lang::{Lang, has, tr};

use super::Cli;

/// The command tree with every text in `lang`.
pub fn command(lang: Lang) -> Command {
    localise(Cli::command(), lang, "tepat")
}

/// Parse the command line with the texts of `lang` (help and errors included).
pub fn parse_from<I, T>(args: I, lang: Lang) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let mut cmd = command(lang);
    let matches = cmd.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// The key of an option's text: the command's own, else the shared one.
pub fn option_key(lang: Lang, command: &str, option: &str) -> Option<String> {
    [format!("h-{command}-{option}"), format!("h-arg-{option}")]
        .into_iter()
        .find(|k| has(lang, k))
}

fn text(lang: Lang, key: &str) -> String {
    tr(
        lang,
        key,
        &[
            ("max_runs", MAX_RUNS.into()),
            ("max_threads", MAX_THREADS.into()),
            ("max_backtest", super::backtest::MAX_RUNS.into()),
        ],
    )
}

fn localise(mut cmd: Command, lang: Lang, name: &str) -> Command {
    let w = |k: &str| tr(lang, k, &[]);
    let key = |part: &str| format!("h-{name}-{part}");
    cmd = cmd
        .about(text(lang, &key("about")))
        .long_about(None)
        .after_help(None)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(w("h-arg-help")),
        );
    if has(lang, &key("long")) {
        cmd = cmd.long_about(text(lang, &key("long")));
    }
    if has(lang, &key("after")) {
        cmd = cmd.after_help(text(lang, &key("after")));
    }
    if name == "tepat" {
        // `tepat help run` is `tepat run --help`; clap's own help command would be English.
        cmd = cmd
            .disable_help_subcommand(true)
            .disable_version_flag(true)
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help(w("h-arg-version")),
            );
    }
    cmd = cmd.mut_args(|a| option(a, lang, name));
    // The sections in clap's order, each under its heading in the language (clap's own
    // headings are English words).
    let mut template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}",
        w("h-usage")
    );
    if cmd.has_subcommands() {
        template.push_str(&format!("\n\n{}:\n{{subcommands}}", w("h-commands")));
    }
    if cmd.get_positionals().next().is_some() {
        template.push_str(&format!("\n\n{}:\n{{positionals}}", w("h-arguments")));
    }
    template.push_str(&format!(
        "\n\n{}:\n{{options}}{{after-help}}",
        w("h-options")
    ));
    cmd = cmd.help_template(template);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for s in subs {
        cmd = cmd.mut_subcommand(&s, |c| localise(c, lang, &s));
    }
    cmd
}

/// One option's help in `lang`, with its default and its allowed values in the same words.
fn option(a: Arg, lang: Lang, command: &str) -> Arg {
    let id = a.get_id().as_str().to_string();
    let mut help = match id.as_str() {
        "help" | "version" => return a,
        _ => match option_key(lang, command, &id) {
            Some(k) => text(lang, &k),
            // Unreachable for tepat's own options (a test checks); never an empty help.
            None => a.get_help().map(|h| h.to_string()).unwrap_or_default(),
        },
    };
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let mut a = a;
    if !defaults.is_empty() && a.get_action().takes_values() && !a.is_hide_default_value_set() {
        help.push_str(&format!(
            " [{}]",
            tr(lang, "h-default", &[("value", defaults.join(", ").into())])
        ));
        a = a.hide_default_value(true);
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && a.get_action().takes_values() && !a.is_hide_possible_values_set() {
        help.push_str(&format!(
            " [{}]",
            tr(lang, "h-possible", &[("values", values.join(", ").into())])
        ));
        a = a.hide_possible_values(true);
    }
    a.help(help).long_help(None)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Every (command, option) of the tree, before the texts are set.
    fn options() -> Vec<(String, String)> {
        fn walk(c: &Command, name: &str, out: &mut Vec<(String, String)>) {
            out.push((name.to_string(), String::new()));
            for a in c.get_arguments() {
                out.push((name.to_string(), a.get_id().to_string()));
            }
            for s in c.get_subcommands() {
                walk(s, s.get_name(), out);
            }
        }
        let mut out = Vec::new();
        walk(&Cli::command(), "tepat", &mut out);
        out
    }

    #[test]
    fn every_command_and_option_has_its_text_and_every_text_is_used() {
        let ftl = include_str!("../../locales/en/help.ftl");
        let mut unused: BTreeSet<String> = ftl
            .lines()
            .filter(|l| l.starts_with("h-"))
            .map(|l| l.split('=').next().unwrap().trim().to_string())
            .collect();
        for k in [
            "h-usage",
            "h-commands",
            "h-arguments",
            "h-options",
            "h-default",
            "h-possible",
            "h-arg-help",
            "h-arg-version",
        ] {
            unused.remove(k);
        }
        let mut missing = Vec::new();
        for (command, option) in options() {
            for lang in Lang::ALL {
                if option.is_empty() {
                    let k = format!("h-{command}-about");
                    if !has(lang, &k) {
                        missing.push(format!("{k} ({})", lang.code()));
                    }
                    for part in ["about", "long", "after"] {
                        unused.remove(&format!("h-{command}-{part}"));
                    }
                } else {
                    match option_key(lang, &command, &option) {
                        Some(k) => {
                            unused.remove(&k);
                        }
                        None => missing.push(format!("{command} --{option} ({})", lang.code())),
                    }
                }
            }
        }
        assert!(missing.is_empty(), "no help text for: {missing:?}");
        assert!(unused.is_empty(), "help texts no option uses: {unused:?}");
    }

    #[test]
    fn help_is_in_the_language_asked_for() {
        let help = |args: &[&str], lang| {
            let e = parse_from(args, lang).unwrap_err();
            assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp);
            e.render().to_string()
        };
        let id = help(&["tepat", "run", "--help"], Lang::Id);
        assert!(id.contains("Cara pakai: tepat run"), "{id}");
        assert!(id.contains("Opsi:"), "{id}");
        assert!(id.contains("Argumen:"), "{id}");
        assert!(id.contains("Jumlah simulasi"), "{id}");
        assert!(id.contains("[bawaan: output]"), "{id}");
        assert!(id.contains("[pilihan: id, en]"), "{id}");
        assert!(id.contains("Contoh:"), "{id}");
        assert!(!id.contains("Options:") && !id.contains("Usage:"), "{id}");
        let en = help(&["tepat", "run", "--help"], Lang::En);
        assert!(en.contains("Usage: tepat run"), "{en}");
        assert!(en.contains("[default: output]"), "{en}");
        assert!(en.contains("Examples:"), "{en}");
        let top = help(&["tepat", "--help"], Lang::Id);
        assert!(top.contains("Perintah:"), "{top}");
        assert!(top.contains("Gabungkan hasil sebagian"), "{top}");
        // The commands parse the same in both languages.
        let cli = parse_from(["tepat", "run", "--runs", "5", "x.toml"], Lang::Id).unwrap();
        assert!(matches!(cli.command, Some(super::super::Command::Run(_))));
    }
}
