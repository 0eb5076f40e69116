//! Mitigation strategies: named changes to the baseline, compiled to models and compared with
//! the baseline under common random numbers.

use crate::error::Result;
use crate::model::Model;
use crate::output::File;
use crate::pipeline::ScenarioRun;
use crate::scenario::Loaded;

/// A compiled strategy.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// Name.
    pub name: String,
    /// The changed model.
    pub model: Model,
}

/// Compile every strategy of a scenario (none yet).
pub fn compile_all(loaded: &Loaded, _base: &Model) -> Result<Vec<Compiled>> {
    let _ = loaded;
    Ok(Vec::new())
}

/// The strategy files of a run (none yet).
pub fn files(_run: &ScenarioRun) -> Result<Vec<File>> {
    Ok(Vec::new())
}
