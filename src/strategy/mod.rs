//! Mitigation strategies: named changes to the baseline, compiled to models and compared with
//! the baseline under common random numbers.
//!
//! A strategy is applied to the baseline scenario in its TOML form: `include`d strategies
//! first, then every `set` change, then the whole links, nodes and fleets it adds. The result
//! is checked and compiled like any scenario, so a strategy can change any parameter. Because
//! every random stream is keyed by the name of its source, the same replication of the
//! baseline and of a strategy sees the same weather, disruptions and durations wherever the
//! strategy did not change them.

pub mod compare;

use crate::error::{Diagnostic, Error, Result};
use crate::lang::{Msg, msg};
use crate::model::{self, Model};
use crate::scenario::{self, KeyPath, Loaded, ScenarioFile, apply_set, suggest};

pub use compare::{Comparison, PairStat, Scope, StrategyResult, compare, ranking};

/// A compiled strategy.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Cost, rupiah.
    pub cost_idr: Option<f64>,
    /// The changed model.
    pub model: Model,
}

fn locate(
    origin: &(std::path::PathBuf, String, usize),
    path: KeyPath,
    message: Msg,
    help: Option<Msg>,
) -> Diagnostic {
    let (file, _, idx) = origin;
    let text = crate::input::read_regular_file(file, scenario::MAX_FILE_BYTES)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default();
    let mut full = KeyPath::root().key("strategy").index(*idx);
    full.0.extend(path.0);
    scenario::Locator::new(file, &text).diagnose(&scenario::Issue {
        path: full,
        message,
        help,
    })
}

/// Apply strategy `i` (and what it includes) to the baseline in TOML form.
fn apply(
    file: &ScenarioFile,
    i: usize,
    doc: &mut toml::Value,
    stack: &mut Vec<usize>,
) -> std::result::Result<(), (KeyPath, Msg)> {
    let s = &file.strategy[i];
    if stack.contains(&i) {
        return Err((
            KeyPath::root().key("include"),
            msg!(
                "strategy-includes-itself",
                name = &s.name,
                chain = stack
                    .iter()
                    .map(|&j| file.strategy[j].name.as_str())
                    .collect::<Vec<_>>()
                    .join(" -> ")
            ),
        ));
    }
    stack.push(i);
    let names: Vec<String> = file.strategy.iter().map(|x| x.name.clone()).collect();
    for (k, inc) in s.include.iter().enumerate() {
        let Some(j) = file.strategy.iter().position(|x| &x.name == inc) else {
            return Err((
                KeyPath::root().key("include").index(k),
                msg!(
                    "e108",
                    what = msg!("noun-strategy"),
                    name = inc,
                    hint = suggest(inc, &names)
                ),
            ));
        };
        apply(file, j, doc, stack).map_err(|(p, m)| {
            (
                KeyPath::root().key("include").index(k),
                msg!(
                    "strategy-included",
                    name = inc,
                    path = p.to_string(),
                    reason = m
                ),
            )
        })?;
    }
    for (path, value) in &s.set {
        apply_set(doc, path, value.clone())
            .map_err(|m| (KeyPath::root().key("set").key(path), m))?;
    }
    let root = doc.as_table_mut().expect("a scenario is a table");
    let push = |root: &mut toml::Table, table: &str, items: Vec<toml::Value>| {
        let arr = root
            .entry(table.to_string())
            .or_insert_with(|| toml::Value::Array(Vec::new()));
        if let Some(a) = arr.as_array_mut() {
            a.extend(items);
        }
    };
    let ser = |v: std::result::Result<toml::Value, toml::ser::Error>| {
        v.map_err(|e| {
            (
                KeyPath::root(),
                msg!("strategy-not-applied", reason = e.to_string()),
            )
        })
    };
    push(
        root,
        "link",
        s.add_link
            .iter()
            .map(|l| ser(toml::Value::try_from(l)))
            .collect::<std::result::Result<_, _>>()?,
    );
    push(
        root,
        "node",
        s.add_node
            .iter()
            .map(|l| ser(toml::Value::try_from(l)))
            .collect::<std::result::Result<_, _>>()?,
    );
    push(
        root,
        "fleet",
        s.add_fleet
            .iter()
            .map(|l| ser(toml::Value::try_from(l)))
            .collect::<std::result::Result<_, _>>()?,
    );
    stack.pop();
    Ok(())
}

/// The baseline scenario with strategy `i` applied.
pub fn scenario_with(
    file: &ScenarioFile,
    i: usize,
) -> std::result::Result<ScenarioFile, (KeyPath, Msg)> {
    let mut base = file.clone();
    base.strategy.clear();
    let mut doc = toml::Value::try_from(&base).map_err(|e| {
        (
            KeyPath::root(),
            msg!("strategy-no-baseline", reason = e.to_string()),
        )
    })?;
    let mut with = file.clone();
    with.strategy = file.strategy.clone();
    apply(&with, i, &mut doc, &mut Vec::new())?;
    let mut out: ScenarioFile = doc.try_into().map_err(|e: toml::de::Error| {
        (
            KeyPath::root().key("set"),
            msg!(
                "strategy-invalid",
                reason = scenario::parser_message(e.message().trim()).0
            ),
        )
    })?;
    out.strategy.clear();
    out.extends = None;
    Ok(out)
}

/// Check and compile every strategy of a loaded scenario; all problems are reported together,
/// located at the strategy that causes them.
pub fn compile_all(loaded: &Loaded, _base: &Model) -> Result<Vec<Compiled>> {
    let file = &loaded.file;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut names = std::collections::HashSet::new();
    for (i, s) in file.strategy.iter().enumerate() {
        let origin = loaded.strategy_origin.get(i).cloned().unwrap_or((
            loaded.path.clone(),
            String::new(),
            i,
        ));
        if let Some(problem) = crate::model::name_problem(&s.name) {
            errors.push(locate(
                &origin,
                KeyPath::root().key("name"),
                problem,
                Some(crate::model::name_help()),
            ));
            continue;
        }
        if !names.insert(s.name.clone()) {
            errors.push(locate(
                &origin,
                KeyPath::root().key("name"),
                msg!("strategy-name-twice", name = &s.name),
                Some(msg!("strategy-name-twice-help")),
            ));
            continue;
        }
        if let Some(c) = s.cost_idr
            && (!c.is_finite() || c < 0.0)
        {
            errors.push(locate(
                &origin,
                KeyPath::root().key("cost_idr"),
                msg!("e104", what = "cost_idr", v = c),
                None,
            ));
        }
        let changed = match scenario_with(file, i) {
            Ok(f) => f,
            Err((p, m)) => {
                errors.push(locate(
                    &origin,
                    p,
                    msg!("strategy-says", name = &s.name, reason = m),
                    None,
                ));
                continue;
            }
        };
        match model::compile_issues(&changed) {
            Ok(m) => out.push(Compiled {
                name: s.name.clone(),
                description: s.description.clone().unwrap_or_default(),
                cost_idr: s.cost_idr,
                model: m,
            }),
            Err(issues) => {
                for is in issues {
                    errors.push(locate(
                        &origin,
                        KeyPath::root().key("set"),
                        msg!(
                            "strategy-makes-invalid",
                            name = &s.name,
                            path = is.path.to_string(),
                            reason = is.message
                        ),
                        is.help,
                    ));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::Invalid(errors))
    }
}
