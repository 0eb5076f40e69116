//! The progress bar of a simulation on the terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use crate::engine::Progress;

/// A progress bar on standard error, hidden when it is not a terminal or with `--quiet`.
pub struct Bar(ProgressBar);

impl Bar {
    /// A bar labelled with the scenario name.
    pub fn new(label: &str, quiet: bool) -> Self {
        if quiet || !std::io::stderr().is_terminal() {
            return Bar(ProgressBar::hidden());
        }
        let pb = ProgressBar::new(0);
        if let Ok(style) = ProgressStyle::with_template(
            "{prefix:>28} [{bar:30}] {pos}/{len} replications ({per_sec}, {eta})",
        ) {
            pb.set_style(style.progress_chars("=> "));
        }
        pb.set_prefix(crate::text::visible(label).into_owned());
        Bar(pb)
    }
    /// Remove the bar.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Progress for Bar {
    fn inc(&self, n: u64) {
        self.0.inc(n);
    }
    fn set_total(&self, total: u64) {
        self.0.set_length(total);
    }
}
