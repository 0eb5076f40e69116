//! `tepat check`: validate scenario files without simulating.

use std::path::PathBuf;

use clap::Args;

use crate::error::{Error, Result};
use crate::{model, pipeline, scenario};

/// `tepat check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Scenario files or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// `tepat check`: every problem of every file at once.
pub fn check(a: &CheckArgs) -> Result<()> {
    let files = pipeline::collect_files(&a.paths)?;
    let mut errors = Vec::new();
    for f in &files {
        match scenario::load(f).and_then(|l| model::compile(&l).map(|m| (l, m))) {
            Ok((l, m)) => {
                let basemap = super::run::basemap_errors(&l);
                let strategies = crate::strategy::compile_all(&l, &m).map(|v| v.len());
                match strategies {
                    Ok(_) if !basemap.is_empty() => {}
                    Ok(ns) => {
                        let lang = super::lang(l.file.scenario.lang());
                        let n = |x: usize| crate::lang::format::int(lang, x as i64);
                        println!(
                            "{}{}",
                            crate::lang::t!(
                                lang,
                                "check-ok",
                                file = f.display().to_string(),
                                kecamatan = n(m.kecamatan.len()),
                                nodes = n(m.nodes.len()),
                                stations = n(m.stations.len()),
                                links = n(m.links.len()),
                                zones = n(m.zones.len())
                            ),
                            if ns > 0 {
                                crate::lang::t!(lang, "check-strategies", n = n(ns))
                            } else {
                                String::new()
                            }
                        )
                    }
                    Err(Error::Invalid(d)) => errors.extend(d),
                    Err(e) => return Err(e),
                }
                errors.extend(basemap);
            }
            Err(Error::Invalid(d)) => errors.extend(d),
            Err(e) => return Err(e),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(errors))
    }
}
