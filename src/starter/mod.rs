//! `tepat new`: write a small, valid, fully commented starter scenario.
//!
//! The two templates (`en.toml`, `id.toml`) are the same scenario with comments in English or
//! Bahasa Indonesia; a test checks that both compile to the same model and run.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

pub use crate::lang::{Lang, locale_lang};

/// The starter scenario in English.
pub const TEMPLATE_EN: &str = include_str!("en.toml");
/// The starter scenario in Bahasa Indonesia.
pub const TEMPLATE_ID: &str = include_str!("id.toml");

/// The template text of a language.
pub fn template(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => TEMPLATE_ID,
        Lang::En => TEMPLATE_EN,
    }
}

/// Write `bytes` to a new file; with `force` an existing file is replaced (atomically),
/// without it an existing file is an error and is left untouched.
pub fn write_new_file(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    if force {
        return crate::output::write_file(path, bytes);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::write(path, e))?;
    }
    // create_new: the check and the creation are one step, so a file that appears in between
    // is not overwritten either.
    let mut f = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::Usage(crate::lang::msg!(
                "e817",
                path = path.display().to_string()
            )));
        }
        Err(e) => return Err(Error::write(path, e)),
    };
    let written = f.write_all(bytes).and_then(|()| f.sync_all());
    if let Err(e) = written {
        drop(f);
        let _ = std::fs::remove_file(path);
        return Err(Error::write(path, e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_follows_posix_precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(locale_lang(env(&[("LANG", "id_ID.UTF-8")])), Lang::Id);
        assert_eq!(locale_lang(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(locale_lang(env(&[])), Lang::En);
        assert_eq!(
            locale_lang(env(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "id_ID.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            locale_lang(env(&[("LC_ALL", ""), ("LANG", "id_ID.UTF-8")])),
            Lang::Id
        );
        assert_eq!(locale_lang(env(&[("LC_MESSAGES", "id_ID")])), Lang::Id);
    }

    /// Both templates compile, and are the same scenario once the Indonesian names are
    /// replaced by the English ones (free text aside): only the comments and names differ.
    #[test]
    fn both_templates_are_the_same_scenario() {
        let en = crate::pipeline::model_from_str("en.toml", TEMPLATE_EN).expect("English");
        let id = crate::pipeline::model_from_str("id.toml", TEMPLATE_ID).expect("Indonesian");
        assert_eq!(en.stations.len(), 17);
        assert_eq!(en.nodes.len(), id.nodes.len());
        let en: crate::scenario::ScenarioFile = toml::from_str(TEMPLATE_EN).unwrap();
        let id: crate::scenario::ScenarioFile = toml::from_str(TEMPLATE_ID).unwrap();
        let mut names = std::collections::HashMap::new();
        let mut pair = |a: &str, b: &str| {
            names.insert(b.to_string(), a.to_string());
        };
        for (a, b) in en.zone.iter().zip(&id.zone) {
            pair(&a.name, &b.name);
            for (x, y) in a.states.iter().zip(&b.states) {
                pair(&x.name, &y.name);
            }
        }
        for (a, b) in en.link.iter().zip(&id.link) {
            pair(&a.name, &b.name);
        }
        for (a, b) in en.fleet.iter().zip(&id.fleet) {
            pair(&a.name, &b.name);
        }
        for (a, b) in en.escort.iter().zip(&id.escort) {
            pair(&a.name, &b.name);
        }
        for (a, b) in en.node.iter().zip(&id.node) {
            pair(&a.name, &b.name);
        }
        for (a, b) in en.strategy.iter().zip(&id.strategy) {
            pair(&a.name, &b.name);
        }
        fn rename(v: &mut toml::Value, names: &std::collections::HashMap<String, String>) {
            match v {
                toml::Value::String(s) => {
                    if let Some(n) = names.get(s.as_str()) {
                        *s = n.clone();
                    }
                }
                toml::Value::Array(a) => a.iter_mut().for_each(|x| rename(x, names)),
                toml::Value::Table(t) => {
                    for k in ["description", "assumptions", "cost_source"] {
                        t.remove(k);
                    }
                    let old = std::mem::take(t);
                    for (k, mut x) in old {
                        rename(&mut x, names);
                        let k = k
                            .split('.')
                            .map(|seg| names.get(seg).map(String::as_str).unwrap_or(seg))
                            .collect::<Vec<_>>()
                            .join(".");
                        t.insert(k, x);
                    }
                }
                _ => {}
            }
        }
        let mut en = toml::Value::try_from(&en).unwrap();
        let mut id = toml::Value::try_from(&id).unwrap();
        rename(&mut id, &names);
        rename(&mut en, &std::collections::HashMap::new());
        en["scenario"]["name"] = toml::Value::String(String::new());
        id["scenario"]["name"] = toml::Value::String(String::new());
        // Each template names its own language.
        assert_eq!(en["scenario"]["language"].as_str(), Some("en"));
        assert_eq!(id["scenario"]["language"].as_str(), Some("id"));
        en["scenario"]["language"] = toml::Value::String(String::new());
        id["scenario"]["language"] = toml::Value::String(String::new());
        assert_eq!(en, id);
    }
}
