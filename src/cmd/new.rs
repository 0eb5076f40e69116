//! `tepat new`: write a small, fully commented starter scenario.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::error::Result;
use crate::starter::{Lang, locale_lang, template, write_new_file};

/// The example under `tepat new --help`.
pub const EXAMPLE: &str =
    "Example:\n  tepat new --lang id skenario.toml && tepat check skenario.toml";

/// `tepat new`.
#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The scenario file to write.
    pub file: PathBuf,
    /// Language of the comments (default: Indonesian when LC_ALL, LC_MESSAGES or LANG starts
    /// with "id", else English).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// `tepat new`.
pub fn new(a: &NewArgs) -> Result<()> {
    let lang = a
        .lang
        .unwrap_or_else(|| locale_lang(|k| std::env::var(k).ok()));
    write_new_file(&a.file, template(lang).as_bytes(), a.force)?;
    let f = a.file.display();
    let msg = match lang {
        Lang::Id => format!(
            "ditulis: {f}\nLangkah berikutnya: ubah angka contoh dengan angka Anda, lalu\n  tepat check {f}\n  tepat run {f}"
        ),
        Lang::En => format!(
            "written: {f}\nNext: replace the example numbers with your own, then\n  tepat check {f}\n  tepat run {f}"
        ),
    };
    // The file is written; a closed standard output must not turn that into a panic.
    let _ = writeln!(std::io::stdout().lock(), "{msg}");
    Ok(())
}
