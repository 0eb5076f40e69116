//! `tepat generate`: write a synthetic scenario of a given size, or the reference network.

use std::path::PathBuf;

use clap::Args;

use crate::error::{Error, Result};

/// `tepat generate`.
#[derive(Debug, Clone, Args)]
pub struct GenerateArgs {
    /// Hubs (kecamatan).
    #[arg(
        long,
        required_unless_present = "reference",
        conflicts_with = "reference"
    )]
    pub hubs: Option<u64>,
    /// Villages, spread evenly over the hubs.
    #[arg(
        long,
        required_unless_present = "reference",
        conflicts_with = "reference"
    )]
    pub villages: Option<u64>,
    /// Stations (TPS), spread evenly over the villages.
    #[arg(
        long,
        required_unless_present = "reference",
        conflicts_with = "reference"
    )]
    pub stations: Option<u64>,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The reference network instead of a sized one.
    #[arg(long)]
    pub reference: bool,
    /// Output folder or file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// `tepat generate`.
pub fn generate(a: &GenerateArgs) -> Result<()> {
    let text = if a.reference {
        crate::generate::reference()
    } else {
        let size = crate::generate::Size {
            hubs: a.hubs.unwrap_or(0),
            villages: a.villages.unwrap_or(0),
            stations: a.stations.unwrap_or(0),
        };
        crate::generate::synthetic(size, a.seed).map_err(Error::usage)?
    };
    match &a.out {
        Some(p) => crate::output::write_file(p, text.as_bytes()),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|e| Error::caused("standard output: ", e))
        }
    }
}
