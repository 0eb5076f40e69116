//! `tepat generate`: write a synthetic scenario of a given size, or the reference network.

use std::path::PathBuf;

use clap::Args;

use crate::error::{Error, Result};

/// The example under `tepat generate --help`.
pub const EXAMPLE: &str = "Examples:\n  tepat generate --hubs 20 --villages 400 --stations 4000 --out big.toml\n  tepat generate --reference --out reference.toml";

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
    /// Seed of the generator (the same seed writes the same file).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Write the reference network of docs/performance.md instead.
    #[arg(long)]
    pub reference: bool,
    /// Output file (default: standard output).
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
