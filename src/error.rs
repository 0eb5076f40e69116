//! Errors that tell the user what to fix.
//!
//! Invalid input (a scenario file that cannot be read, parsed or validated, or a bad
//! command-line value) is [`Error::Invalid`] and exits with code 2; everything else (an output
//! folder that cannot be written, an interrupted run) exits with code 1.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::lang::{Lang, Msg, msg, tr};

/// One problem found in an input file, located as precisely as we can.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub file: PathBuf,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column, where known.
    pub column: Option<usize>,
    /// Key path in the file, like `link[3].vessel.cancel_probability`.
    pub key_path: String,
    /// What is wrong (a message of `errors.ftl`, rendered when shown).
    pub message: Msg,
    /// How to fix it.
    pub help: Option<Msg>,
    /// The offending line of the file, where known.
    pub source_line: Option<String>,
    /// The language the file asks for (`[scenario] language`), when it was read far enough to
    /// know it: the message is shown in it unless `--lang` says otherwise.
    pub lang: Option<Lang>,
}

impl Diagnostic {
    /// A diagnostic of a file with no location yet.
    pub fn new(file: &Path, message: Msg) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            line: None,
            column: None,
            key_path: String::new(),
            message,
            help: None,
            source_line: None,
            lang: None,
        }
    }

    /// The diagnostic as a warning in English: the same text as an error, labelled `warning:`.
    pub fn warning(&self) -> String {
        self.warning_in(Lang::En)
    }

    /// The diagnostic as a warning in a language (`warning:`, `peringatan:`).
    pub fn warning_in(&self, lang: Lang) -> String {
        self.render_as(lang, &tr(lang, "label-warning", &[]))
    }

    /// The diagnostic as an error in a language (`error:`, `kesalahan:`).
    pub fn render(&self, lang: Lang) -> String {
        self.render_as(lang, &tr(lang, "label-error", &[]))
    }

    fn render_as(&self, lang: Lang, label: &str) -> String {
        // Every part may hold text from the file (names, the line itself): control characters
        // are shown as escapes, never sent to the terminal raw.
        use crate::text::visible;
        let mut f = format!("{label} {}", visible(&self.file.display().to_string()));
        if let Some(line) = self.line {
            f.push_str(&format!(":{line}"));
            if let Some(col) = self.column {
                f.push_str(&format!(":{col}"));
            }
        }
        if !self.key_path.is_empty() {
            f.push_str(&format!(
                ": {}",
                visible(&key_path_in(lang, &self.key_path))
            ));
        }
        f.push_str(&format!(": {}", visible(&self.message.render(lang))));
        if let (Some(line), Some(src)) = (self.line, &self.source_line) {
            // A long line is shown as a window of at most SHOWN characters around the column.
            const SHOWN: usize = 120;
            let chars: Vec<char> = src.chars().collect();
            let col0 = self.column.unwrap_or(1).saturating_sub(1).min(chars.len());
            let from = if chars.len() > SHOWN {
                col0.saturating_sub(SHOWN / 3).min(chars.len() - SHOWN)
            } else {
                0
            };
            let to = (from + SHOWN).min(chars.len());
            let lead = if from > 0 { "…" } else { "" };
            let tail = if to < chars.len() { "…" } else { "" };
            let window: String = chars[from..to].iter().collect();
            f.push_str(&format!("\n  {line:>5} | {lead}{}{tail}", visible(&window)));
            if self.column.is_some() {
                // The caret under the column as shown (escapes are wider than the character).
                let before: String = chars[from..col0.max(from)].iter().collect();
                let at = visible(&before).chars().count() + lead.chars().count();
                f.push_str(&format!("\n        | {}^", " ".repeat(at)));
            }
        }
        if let Some(help) = &self.help {
            let label = tr(lang, "label-help", &[]);
            f.push_str(&format!("\n  {label} {}", visible(&help.render(lang))));
        }
        f
    }
}

/// The operating system's reason as a message: its own text in English; in Indonesian, the
/// common reasons in words, with the system's text after them.
fn io_reason(e: &std::io::Error) -> Msg {
    use std::io::ErrorKind as K;
    let text = e.to_string();
    match e.kind() {
        K::NotFound => msg!("io-not-found", text = text),
        K::PermissionDenied => msg!("io-permission-denied", text = text),
        K::IsADirectory => msg!("io-is-a-folder", text = text),
        K::NotADirectory => msg!("io-not-a-folder", text = text),
        K::StorageFull => msg!("io-storage-full", text = text),
        K::ReadOnlyFilesystem => msg!("io-read-only", text = text),
        K::AlreadyExists => msg!("io-exists", text = text),
        _ => Msg::verbatim(text),
    }
}

/// A key path as shown: the file's own keys as they are; the column of a CSV file
/// (`column 'time'`, the form status and data files use) in the language's words.
fn key_path_in(lang: Lang, path: &str) -> String {
    match path
        .strip_prefix("column '")
        .and_then(|p| p.strip_suffix('\''))
    {
        Some(name) => msg!("key-column", name = name).render(lang),
        None => path.to_string(),
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Every failure tepat reports.
#[derive(Debug)]
pub enum Error {
    /// One or more problems in the input; exit code 2.
    Invalid(Vec<Diagnostic>),
    /// A bad command-line value; exit code 2.
    Usage(Msg),
    /// Reading or writing a file failed; exit code 1 (2 when it is an input file).
    Io {
        /// What we were doing: a message of `errors.ftl` (`e806`, `e807`).
        action: &'static str,
        /// The path involved.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
        /// Whether the path is an input (exit 2) or an output (exit 1).
        input: bool,
    },
    /// The run was interrupted (Ctrl-C, SIGTERM or SIGHUP); exit code 128 + the signal (130 for
    /// Ctrl-C, 143 for SIGTERM).
    Interrupted {
        /// Replications completed.
        done: u64,
        /// Replications asked for.
        total: u64,
    },
    /// A failure of a library (CSV, JSON, chart drawing, PNG encoding, standard output) with its
    /// cause kept for [`std::error::Error::source`]; shown as the context followed by the cause;
    /// exit code 1.
    Caused {
        /// What we were doing, as a prefix of the message (for example `"CSV: "`).
        context: String,
        /// The library's error.
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
    /// Anything else; exit code 1.
    Other(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(&|_| Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Caused { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

impl Error {
    /// The error as a person reads it. `lang_of` gives the language of a message from the
    /// language its file asks for, if any (the command's `--lang`, else that, else the locale):
    /// each file's diagnostics follow their own file.
    pub fn render(&self, lang_of: &dyn Fn(Option<Lang>) -> Lang) -> String {
        match self {
            Error::Invalid(diags) => {
                let mut s = String::new();
                for (i, d) in diags.iter().enumerate() {
                    if i > 0 {
                        s.push('\n');
                    }
                    s.push_str(&d.render(lang_of(d.lang)));
                }
                if diags.len() > 1 {
                    let lang = lang_of(diags[0].lang);
                    s.push('\n');
                    s.push_str(&msg!("errors-count", count = diags.len()).render(lang));
                }
                s
            }
            Error::Usage(m) => m.render(lang_of(None)),
            Error::Io {
                action,
                path,
                source,
                ..
            } => Msg::new(action)
                .arg("path", path.display().to_string())
                .arg("reason", io_reason(source))
                .render(lang_of(None)),
            Error::Interrupted { done, total } => {
                msg!("e808", done = *done, total = *total).render(lang_of(None))
            }
            Error::Caused { context, source } => format!("{context}{source}"),
            Error::Other(s) => s.clone(),
        }
    }

    /// The error as the terminal shows it: [`Error::render`], with the label (`error:`,
    /// `kesalahan:`) in front of an error that has no place in a file (a file's diagnostics
    /// carry their own labels; an interruption is not an error of the input).
    pub fn shown(&self, lang_of: &dyn Fn(Option<Lang>) -> Lang) -> String {
        match self {
            Error::Invalid(_) | Error::Interrupted { .. } => self.render(lang_of),
            _ => format!(
                "{} {}",
                tr(lang_of(None), "label-error", &[]),
                self.render(lang_of)
            ),
        }
    }

    /// The process exit code for this error: 2 for invalid input, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Invalid(_) | Error::Usage(_) => 2,
            Error::Io { input: true, .. } => 2,
            Error::Interrupted { .. } => crate::interrupt::exit_code(),
            _ => 1,
        }
    }

    /// A library error kept as the cause, shown after `context`.
    pub fn caused(
        context: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Error::Caused {
            context: context.into(),
            source: Box::new(source),
        }
    }

    /// A usage error whose text has no message in the catalogue (shown as it is).
    pub fn usage(text: impl Into<String>) -> Self {
        Error::Usage(Msg::verbatim(text.into()))
    }

    /// An error reading an input file.
    pub fn read(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            action: "e806",
            path: path.to_path_buf(),
            source,
            input: true,
        }
    }

    /// An error writing an output file.
    pub fn write(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            action: "e807",
            path: path.to_path_buf(),
            source,
            input: false,
        }
    }

    /// A single diagnostic without a location.
    pub fn invalid(
        file: &Path,
        key_path: &str,
        message: impl Into<Msg>,
        help: Option<Msg>,
    ) -> Self {
        Error::Invalid(vec![Diagnostic {
            key_path: key_path.to_string(),
            help,
            ..Diagnostic::new(file, message.into())
        }])
    }
}

/// Result with tepat's error.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn json_and_io_errors_keep_their_cause() {
        let json = serde_json::from_str::<u8>("x").unwrap_err();
        let shown = format!("JSON: {json}");
        let e = Error::caused("JSON: ", json);
        assert_eq!(e.to_string(), shown);
        let cause = e.source().expect("the JSON error is kept as the cause");
        assert!(cause.downcast_ref::<serde_json::Error>().is_some());

        let io = std::io::Error::new(std::io::ErrorKind::StorageFull, "disk full");
        let e = Error::write(Path::new("out/run.json"), io);
        assert_eq!(e.to_string(), "could not write 'out/run.json': disk full");
        let cause = e.source().expect("the I/O error is kept as the cause");
        let io = cause.downcast_ref::<std::io::Error>().unwrap();
        assert_eq!(io.kind(), std::io::ErrorKind::StorageFull);
    }
}
