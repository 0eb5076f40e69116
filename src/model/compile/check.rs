//! The checker that collects every problem of a file, and name tables with their lookups.

use std::collections::HashMap;

use super::MAX_FACTOR;
use crate::model::Extra;
use crate::model::Sampler;
use crate::model::dist::sampler;
use crate::scenario::{self, Issue, KeyPath, did_you_mean};

/// Collects the problems of a file; a check that fails records one and returns a harmless
/// value so that checking goes on.
pub(super) struct Ck {
    pub(super) issues: Vec<Issue>,
}

impl Ck {
    pub(super) fn err(&mut self, path: KeyPath, message: impl Into<String>, help: Option<&str>) {
        self.issues.push(Issue {
            path,
            message: message.into(),
            help: help.map(str::to_string),
        });
    }

    pub(super) fn dist(&mut self, path: KeyPath, d: &scenario::Dist) -> Option<Sampler> {
        match sampler(d) {
            Ok(s) => Some(s),
            Err(m) => {
                self.err(
                    path,
                    m,
                    Some("see the distribution families in docs/scenario-format.md"),
                );
                None
            }
        }
    }

    pub(super) fn opt_dist(
        &mut self,
        path: KeyPath,
        d: &Option<scenario::Dist>,
    ) -> Option<Sampler> {
        d.as_ref().and_then(|d| self.dist(path, d))
    }

    /// An `extra_delay` table: a probability and a delay distribution. A probability of 0
    /// compiles to no extra delay at all.
    pub(super) fn extra(
        &mut self,
        path: KeyPath,
        e: &Option<scenario::ExtraDelay>,
    ) -> Option<Extra> {
        let e = e.as_ref()?;
        let probability = self.prob(path.key("probability"), e.probability);
        let delay = self.dist(path.key("delay"), &e.delay)?;
        (probability > 0.0).then_some(Extra { probability, delay })
    }

    pub(super) fn prob(&mut self, path: KeyPath, p: f64) -> f64 {
        if !(0.0..=1.0).contains(&p) || p.is_nan() {
            self.err(
                path,
                format!("{p} is not a probability"),
                Some("write a number from 0 to 1"),
            );
            0.0
        } else {
            p
        }
    }

    pub(super) fn nonneg(&mut self, path: KeyPath, v: f64, what: &str) -> f64 {
        if !v.is_finite() || v < 0.0 {
            self.err(
                path,
                format!("{what} must be a finite number of at least 0 (got {v})"),
                None,
            );
            0.0
        } else {
            v
        }
    }

    /// A factor of a weather state: finite, at least 0 (above 0 when `positive`), and at
    /// most [`MAX_FACTOR`].
    pub(super) fn factor(&mut self, path: KeyPath, v: f64, what: &str, positive: bool) -> f64 {
        let v = if positive {
            self.positive(path.clone(), v, what)
        } else {
            self.nonneg(path.clone(), v, what)
        };
        if v > MAX_FACTOR {
            self.err(
                path,
                format!("{what} is {v}; a weather factor may be at most {MAX_FACTOR}"),
                Some("a factor multiplies the calm value: 1.5 means 50% slower or more frequent"),
            );
            return 1.0;
        }
        v
    }

    pub(super) fn positive(&mut self, path: KeyPath, v: f64, what: &str) -> f64 {
        if !v.is_finite() || v <= 0.0 {
            self.err(
                path,
                format!("{what} must be a finite number greater than 0 (got {v})"),
                None,
            );
            1.0
        } else {
            v
        }
    }
}

/// The longest name (of a node, link, zone, weather state, fleet, escort pool, strategy or the
/// scenario), in characters: names are drawn on charts and written into every output.
pub const MAX_NAME_CHARS: usize = 200;

/// What is wrong with a name, if anything: too long, or holding a control character (an ESC
/// sequence, a NUL, a line break), which no place name needs.
pub fn name_problem(name: &str) -> Option<String> {
    let n = name.chars().count();
    if n > MAX_NAME_CHARS {
        let head: String = name.chars().take(40).collect();
        return Some(format!(
            "the name '{head}…' has {n} characters; names may have at most {MAX_NAME_CHARS}"
        ));
    }
    if name.chars().any(char::is_control) {
        return Some(format!(
            "the name '{name}' contains a control character (a line break, tab, ESC or NUL)"
        ));
    }
    None
}

/// The help for [`name_problem`].
pub const NAME_HELP: &str =
    "names are printed on charts, in reports and on the terminal: write a short plain name";

fn names<'a>(it: impl Iterator<Item = &'a str>) -> Vec<String> {
    it.map(str::to_string).collect()
}

/// The entries of one table by name, for resolving references to them.
pub(super) struct Index {
    map: HashMap<String, usize>,
    names: Vec<String>,
}

impl Index {
    /// Index the names of `table` (checking each: valid, not empty, unique).
    pub(super) fn new<'a>(ck: &mut Ck, table: &str, list: impl Iterator<Item = &'a str>) -> Index {
        let list: Vec<&str> = list.collect();
        let names = names(list.iter().copied());
        let map = index_by_name(ck, table, list);
        Index { map, names }
    }

    /// The index of the `what` named `name`, or a located error with a suggestion.
    pub(super) fn find(&self, ck: &mut Ck, path: KeyPath, what: &str, name: &str) -> Option<usize> {
        lookup(ck, &self.map, &self.names, path, what, name)
    }
}

fn index_by_name(ck: &mut Ck, table: &str, list: Vec<&str>) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for (i, n) in list.iter().enumerate() {
        if let Some(problem) = name_problem(n) {
            ck.err(
                KeyPath::root().key(table).index(i).key("name"),
                problem,
                Some(NAME_HELP),
            );
        }
        if n.trim().is_empty() {
            ck.err(
                KeyPath::root().key(table).index(i).key("name"),
                "name is empty",
                Some("give every entry a unique name"),
            );
        }
        if m.insert(n.to_string(), i).is_some() {
            ck.err(
                KeyPath::root().key(table).index(i).key("name"),
                format!("the name '{n}' is used by more than one {table}"),
                Some("names must be unique: they are how routes and strategies refer to entries"),
            );
        }
    }
    m
}

fn lookup(
    ck: &mut Ck,
    map: &HashMap<String, usize>,
    known: &[String],
    path: KeyPath,
    what: &str,
    name: &str,
) -> Option<usize> {
    match map.get(name) {
        Some(&i) => Some(i),
        None => {
            ck.err(
                path,
                format!(
                    "there is no {what} named '{name}'{}",
                    did_you_mean(name, known)
                ),
                Some(&format!("define the {what} or fix the name")),
            );
            None
        }
    }
}
