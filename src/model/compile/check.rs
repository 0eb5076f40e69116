//! The checker that collects every problem of a file, and name tables with their lookups.

use std::collections::HashMap;

use super::MAX_FACTOR;
use crate::lang::{Msg, msg};
use crate::model::Extra;
use crate::model::Sampler;
use crate::model::dist::sampler;
use crate::scenario::{self, Issue, KeyPath, noun, suggest};

/// Collects the problems of a file; a check that fails records one and returns a harmless
/// value so that checking goes on.
pub(super) struct Ck {
    pub(super) issues: Vec<Issue>,
}

impl Ck {
    pub(super) fn err(&mut self, path: KeyPath, message: Msg, help: Option<Msg>) {
        self.issues.push(Issue {
            path,
            message,
            help,
        });
    }

    pub(super) fn dist(&mut self, path: KeyPath, d: &scenario::Dist) -> Option<Sampler> {
        match sampler(d) {
            Ok(s) => Some(s),
            Err(m) => {
                self.err(path, m, Some(msg!("dist-help")));
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
            self.err(path, msg!("e102", v = p), Some(msg!("e102-help")));
            0.0
        } else {
            p
        }
    }

    pub(super) fn nonneg(&mut self, path: KeyPath, v: f64, what: &str) -> f64 {
        if !v.is_finite() || v < 0.0 {
            self.err(path, msg!("e104", what = what, v = v), None);
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
                msg!("e213", what = what, v = v, max = MAX_FACTOR),
                Some(msg!("e213-help")),
            );
            return 1.0;
        }
        v
    }

    pub(super) fn positive(&mut self, path: KeyPath, v: f64, what: &str) -> f64 {
        if !v.is_finite() || v <= 0.0 {
            self.err(path, msg!("e105", what = what, v = v), None);
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
pub fn name_problem(name: &str) -> Option<Msg> {
    let n = name.chars().count();
    if n > MAX_NAME_CHARS {
        let head: String = name.chars().take(40).collect();
        return Some(msg!("e109", head = head, n = n, max = MAX_NAME_CHARS));
    }
    if name.chars().any(char::is_control) {
        return Some(msg!("e110", name = name));
    }
    None
}

/// The help for [`name_problem`].
pub fn name_help() -> Msg {
    msg!("e109-help")
}

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
                Some(name_help()),
            );
        }
        if n.trim().is_empty() {
            ck.err(
                KeyPath::root().key(table).index(i).key("name"),
                msg!("e106"),
                Some(msg!("e106-help")),
            );
        }
        if m.insert(n.to_string(), i).is_some() {
            ck.err(
                KeyPath::root().key(table).index(i).key("name"),
                msg!("e107", name = *n, table = noun(table)),
                Some(msg!("e107-help")),
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
                msg!(
                    "e108",
                    what = noun(what),
                    name = name,
                    hint = suggest(name, known)
                ),
                Some(msg!("e108-help", what = noun(what))),
            );
            None
        }
    }
}

/// A datetime of the scenario (RFC 3339 with its offset), or the message E012.
pub(super) fn datetime(s: &str) -> Result<chrono::DateTime<chrono::FixedOffset>, Msg> {
    crate::time::parse_datetime(s).map_err(|e| msg!("e012", v = s, reason = parse_reason(e)))
}

/// A time of day `HH:MM` as minutes after midnight, or the message E013.
pub(super) fn time_of_day(s: &str) -> Result<f64, Msg> {
    crate::time::parse_time_of_day(s).map_err(|_| msg!("e013", v = s))
}

/// Why chrono could not read a datetime, in words of the message's language (English: chrono's
/// own text).
fn parse_reason(e: chrono::ParseError) -> Msg {
    use chrono::format::ParseErrorKind as K;
    match e.kind() {
        K::OutOfRange => msg!("datetime-out-of-range"),
        K::Impossible => msg!("datetime-impossible"),
        K::NotEnough => msg!("datetime-not-enough"),
        K::Invalid => msg!("datetime-invalid"),
        K::TooShort => msg!("datetime-too-short"),
        K::TooLong => msg!("datetime-too-long"),
        _ => Msg::verbatim(e.to_string()),
    }
}
