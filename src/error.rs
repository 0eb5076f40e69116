//! Errors that tell the user what to fix.
//!
//! Invalid input (a scenario file that cannot be read, parsed or validated, or a bad
//! command-line value) is [`Error::Invalid`] and exits with code 2; everything else (an output
//! folder that cannot be written, an interrupted run) exits with code 1.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem found in an input file, located as precisely as we can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub file: PathBuf,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column, where known.
    pub column: Option<usize>,
    /// Key path in the file, like `link[3].vessel.cancel_probability`.
    pub key_path: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The offending line of the file, where known.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// The diagnostic as a warning: the same text as an error, labelled `warning:`.
    pub fn warning(&self) -> String {
        let text = self.to_string();
        match text.strip_prefix("error: ") {
            Some(rest) => format!("warning: {rest}"),
            None => text,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Every part may hold text from the file (names, the line itself): control characters
        // are shown as escapes, never sent to the terminal raw.
        use crate::text::visible;
        write!(f, "error: {}", visible(&self.file.display().to_string()))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        if !self.key_path.is_empty() {
            write!(f, ": {}", visible(&self.key_path))?;
        }
        write!(f, ": {}", visible(&self.message))?;
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
            write!(f, "\n  {line:>5} | {lead}{}{tail}", visible(&window))?;
            if self.column.is_some() {
                // The caret under the column as shown (escapes are wider than the character).
                let before: String = chars[from..col0.max(from)].iter().collect();
                let at = visible(&before).chars().count() + lead.chars().count();
                write!(f, "\n        | {}^", " ".repeat(at))?;
            }
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", visible(help))?;
        }
        Ok(())
    }
}

/// Every failure tepat reports.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One or more problems in the input; exit code 2.
    #[error("{}", render(.0))]
    Invalid(Vec<Diagnostic>),
    /// A bad command-line value; exit code 2.
    #[error("{0}")]
    Usage(String),
    /// Reading or writing a file failed; exit code 1 (2 when it is an input file).
    #[error("{action} '{}': {source}", path.display())]
    Io {
        /// What we were doing.
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
    #[error(
        "interrupted after {done} of {total} replications; the previous results were left in place"
    )]
    Interrupted {
        /// Replications completed.
        done: u64,
        /// Replications asked for.
        total: u64,
    },
    /// A failure of a library (CSV, JSON, chart drawing, PNG encoding, standard output) with its
    /// cause kept for [`std::error::Error::source`]; shown as the context followed by the cause;
    /// exit code 1.
    #[error("{context}{source}")]
    Caused {
        /// What we were doing, as a prefix of the message (for example `"CSV: "`).
        context: String,
        /// The library's error.
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
    /// Anything else; exit code 1.
    #[error("{0}")]
    Other(String),
}

fn render(diags: &[Diagnostic]) -> String {
    let mut s = String::new();
    for (i, d) in diags.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        s.push_str(&d.to_string());
    }
    if diags.len() > 1 {
        s.push_str(&format!("\n{} errors", diags.len()));
    }
    s
}

impl Error {
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

    /// An error reading an input file.
    pub fn read(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            action: "could not read",
            path: path.to_path_buf(),
            source,
            input: true,
        }
    }

    /// An error writing an output file.
    pub fn write(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            action: "could not write",
            path: path.to_path_buf(),
            source,
            input: false,
        }
    }

    /// A single diagnostic without a location.
    pub fn invalid(
        file: &Path,
        key_path: &str,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Self {
        Error::Invalid(vec![Diagnostic {
            file: file.to_path_buf(),
            line: None,
            column: None,
            key_path: key_path.to_string(),
            message: message.into(),
            help,
            source_line: None,
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
