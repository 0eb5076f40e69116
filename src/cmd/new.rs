//! `tepat new`: write a small, fully commented starter scenario.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::error::Result;
use crate::lang::t;
use crate::starter::{template, write_new_file};

/// `tepat new`.
#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The scenario file to write.
    pub file: PathBuf,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
}

/// `tepat new`.
pub fn new(a: &NewArgs) -> Result<()> {
    // The language of the comments and of this message (`--lang`, else the locale).
    let lang = super::lang(None);
    write_new_file(&a.file, template(lang).as_bytes(), a.force)?;
    let msg = t!(lang, "new-written", path = a.file.display().to_string());
    // The file is written; a closed standard output must not turn that into a panic.
    let _ = writeln!(std::io::stdout().lock(), "{msg}");
    Ok(())
}
