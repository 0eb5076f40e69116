//! Parsing a large scenario file piece by piece, so that memory does not grow with the file.
//!
//! The TOML parser builds the whole document (every token, every event, every key and value
//! with its span) before the scenario is read from it: about 30 bytes of parser memory per
//! byte of text, 1.7 GB for the 51 MB national scenario of docs/performance.md. A scenario is a
//! list of top-level tables, so this module cuts the text before each line that is exactly a
//! top-level header (`[scenario]`, `[defaults]`, `[[zone]]`, `[[link]]`, `[[fleet]]`,
//! `[[escort]]`, `[[node]]`, `[[strategy]]`, at column 1), parses the pieces one after another
//! into typed values and joins them. Consecutive headers of the same array are parsed together
//! up to [`PIECE_BYTES`], so a piece's document is at most a few megabytes.
//!
//! The result is the whole-file parse or nothing ([`parse_in_pieces`] returns `None`); the
//! caller then parses the whole file, which gives the located errors. Why a successful piece
//! parse is the whole-file parse:
//!
//! - A cut inside a string, array or inline table leaves the piece before it unclosed, and that
//!   piece fails to parse. So when every piece parses, every cut is at the top level of the
//!   file, at the start of a line, where the whole-file parser reads a header too.
//! - Each piece parses to the tables its own headers open. A piece whose tables reach another
//!   part of the file (a `[node.x]` after `[[link]]`, a `[[node.route]]` whose node is in an
//!   earlier piece) parses to a second top-level key and is refused.
//! - `[scenario]` and `[defaults]` may each come once, the array of tables `[[node]]` (and the
//!   others) concatenates its pieces in file order, as the whole-file parser appends elements,
//!   and anything the text before the first cut defines may not come again.

use serde::Deserialize;

use super::types::*;

/// The most bytes of consecutive headers of one array parsed as one piece.
pub const PIECE_BYTES: usize = 1 << 20;

/// Every top-level key a scenario may have, as the typed pieces read them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Piece {
    extends: Option<String>,
    scenario: Option<Meta>,
    defaults: Option<Defaults>,
    zone: Option<Vec<Zone>>,
    link: Option<Vec<Link>>,
    fleet: Option<Vec<Fleet>>,
    escort: Option<Vec<EscortPool>>,
    node: Option<Vec<Node>>,
    strategy: Option<Vec<Strategy>>,
}

impl Piece {
    /// The top-level keys this piece defines.
    fn keys(&self) -> Vec<&'static str> {
        let mut k = Vec::new();
        let mut add = |on: bool, name| {
            if on {
                k.push(name)
            }
        };
        add(self.extends.is_some(), "extends");
        add(self.scenario.is_some(), "scenario");
        add(self.defaults.is_some(), "defaults");
        add(self.zone.is_some(), "zone");
        add(self.link.is_some(), "link");
        add(self.fleet.is_some(), "fleet");
        add(self.escort.is_some(), "escort");
        add(self.node.is_some(), "node");
        add(self.strategy.is_some(), "strategy");
        k
    }
}

/// The top-level header a line is, if it is one at which the text may be cut: its key and
/// whether it is an array of tables.
fn header(line: &str) -> Option<(&'static str, bool)> {
    let h = line.trim_end_matches(['\n', '\r', ' ', '\t']);
    Some(match h {
        "[scenario]" => ("scenario", false),
        "[defaults]" => ("defaults", false),
        "[[zone]]" => ("zone", true),
        "[[link]]" => ("link", true),
        "[[fleet]]" => ("fleet", true),
        "[[escort]]" => ("escort", true),
        "[[node]]" => ("node", true),
        "[[strategy]]" => ("strategy", true),
        _ => return None,
    })
}

/// A piece of the text: its byte range and the header it starts with (`None` for the text
/// before the first cut).
struct Cut {
    start: usize,
    end: usize,
    head: Option<&'static str>,
}

/// The pieces of a text, in order, covering all of it.
fn cuts(text: &str, max: usize) -> Vec<Cut> {
    let mut out = vec![Cut {
        start: 0,
        end: 0,
        head: None,
    }];
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if let Some((key, array)) = header(line) {
            let last = out.last_mut().expect("never empty");
            let join = array && last.head == Some(key) && pos - last.start < max;
            if !join {
                last.end = pos;
                out.push(Cut {
                    start: pos,
                    end: pos,
                    head: Some(key),
                });
            }
        }
        pos += line.len();
    }
    out.last_mut().expect("never empty").end = text.len();
    out
}

/// Parse a scenario piece by piece; `None` when the text is not a valid scenario or cannot be
/// read this way (the caller then parses the whole text, which says what is wrong).
pub fn parse_in_pieces(text: &str) -> Option<ScenarioFile> {
    parse_with(text, PIECE_BYTES)
}

/// [`parse_in_pieces`] with at most about `max` bytes of one array's headers in a piece.
fn parse_with(text: &str, max: usize) -> Option<ScenarioFile> {
    let mut all = Piece::default();
    // The keys of the text before the first cut, and the tables `[scenario]`/`[defaults]` met.
    let mut before: Vec<&'static str> = Vec::new();
    let mut tables: Vec<&'static str> = Vec::new();
    for (i, cut) in cuts(text, max).into_iter().enumerate() {
        let piece = &text[cut.start..cut.end];
        if super::toml_marks(piece) > super::MAX_MARKS {
            return None;
        }
        let piece: Piece = toml::from_str(piece).ok()?;
        if i == 0 {
            before = piece.keys();
            all = piece;
            continue;
        }
        let head = cut.head?;
        if piece.keys() != [head] || before.contains(&head) || tables.contains(&head) {
            return None;
        }
        if matches!(head, "scenario" | "defaults") {
            tables.push(head);
        }
        join(&mut all, piece);
    }
    Some(ScenarioFile {
        extends: all.extends,
        scenario: all.scenario?,
        defaults: all.defaults.unwrap_or_default(),
        zone: all.zone.unwrap_or_default(),
        link: all.link.unwrap_or_default(),
        fleet: all.fleet.unwrap_or_default(),
        escort: all.escort.unwrap_or_default(),
        node: all.node.unwrap_or_default(),
        strategy: all.strategy.unwrap_or_default(),
    })
}

fn join(all: &mut Piece, p: Piece) {
    fn add<T>(a: &mut Option<Vec<T>>, b: Option<Vec<T>>) {
        if let Some(b) = b {
            a.get_or_insert_with(Vec::new).extend(b);
        }
    }
    all.scenario = all.scenario.take().or(p.scenario);
    all.defaults = all.defaults.take().or(p.defaults);
    add(&mut all.zone, p.zone);
    add(&mut all.link, p.link);
    add(&mut all.fleet, p.fleet);
    add(&mut all.escort, p.escort);
    add(&mut all.node, p.node);
    add(&mut all.strategy, p.strategy);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole-file parse, as `Debug` text (or `None` when the file is not a scenario).
    fn whole(text: &str) -> Option<String> {
        toml::from_str::<ScenarioFile>(text)
            .ok()
            .map(|f| format!("{f:?}"))
    }

    /// The piece parse agrees with the whole-file parse or gives up, whatever the piece size.
    fn agrees(text: &str) -> bool {
        let w = whole(text);
        [1, 300, PIECE_BYTES]
            .iter()
            .all(|&max| match parse_with(text, max) {
                Some(f) => w.as_deref() == Some(format!("{f:?}").as_str()),
                None => true,
            })
    }

    fn files() -> Vec<(String, String)> {
        let mut out = Vec::new();
        for dir in ["scenarios", "tests/data/valid", "tests/data/invalid"] {
            let mut paths: Vec<_> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            paths.sort();
            for p in paths {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    out.push((p.display().to_string(), t));
                }
            }
        }
        // Generated scenarios (synthetic, reference) are checked in tests/it/bundled.rs: the
        // generator is in a layer above the file format.
        out
    }

    #[test]
    fn valid_files_are_read_in_pieces_as_a_whole() {
        for (name, text) in files() {
            let w = whole(&text);
            if w.is_some() {
                assert!(cuts(&text, 1).len() > 5, "{name} is cut into pieces");
            }
            for max in [1, 300, PIECE_BYTES] {
                let p = parse_with(&text, max).map(|f| format!("{f:?}"));
                assert_eq!(p, w, "{name}, pieces of {max} bytes");
            }
        }
    }

    #[test]
    fn a_table_reached_from_another_piece_is_read_whole() {
        // `[defaults.handling]` after a node is valid TOML: it belongs to `[defaults]`, which
        // is in another piece. The piece parse must give up, and `parse` still read it.
        let text = std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap();
        let text = text.replace(
            "handling = { dist = \"triangular\", min = 1, mode = 2, max = 4 }\n",
            "",
        ) + "\n[defaults.handling]\ndist = \"fixed\"\nvalue = 7\n";
        let f = toml::from_str::<ScenarioFile>(&text).expect("valid TOML");
        assert_eq!(
            f.defaults.handling,
            Some(Dist::Fixed {
                value: 7.0,
                unit: None
            })
        );
        let p = parse_with(&text, 1);
        assert!(p.is_none(), "{p:?}");
        let parsed = crate::scenario::parse(std::path::Path::new("x.toml"), &text).unwrap();
        assert_eq!(format!("{parsed:?}"), format!("{f:?}"));
    }

    #[test]
    fn a_table_twice_or_an_array_after_an_inline_one_is_refused() {
        let text = std::fs::read_to_string("tests/data/valid/minimal.toml").unwrap();
        let twice = format!("{text}\n[defaults]\nload_per_station = 1\n");
        assert!(whole(&twice).is_none());
        assert!(parse_with(&twice, 1).is_none());
        let inline =
            format!("fleet = []\n{text}\n[[fleet]]\nname = \"x\"\ncapacity = 1\ncount = 1\n");
        assert!(whole(&inline).is_none());
        assert!(parse_with(&inline, 1).is_none());
    }

    /// Lines deleted, repeated, moved and cut in two, thousands of times: the piece parse
    /// never accepts a file the whole-file parse refuses, nor reads one differently.
    #[test]
    fn mutated_files_are_never_read_differently() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % n.max(1)
        };
        let mut accepted = 0;
        for (_, text) in files().into_iter().take(6) {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            for _ in 0..400 {
                let mut l: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
                for _ in 0..1 + next(3) {
                    let (i, j) = (next(l.len()), next(l.len()));
                    match next(5) {
                        0 => {
                            l.remove(i);
                        }
                        1 => l.insert(j, l[i].clone()),
                        2 => {
                            let s = l.remove(i);
                            l.insert(j.min(l.len()), s);
                        }
                        3 => {
                            let s = l[i].clone();
                            let k = next(s.len() + 1);
                            if s.is_char_boundary(k) {
                                l[i] = format!("{}\n{}", &s[..k], &s[k..]);
                            }
                        }
                        _ => l.insert(
                            j,
                            [
                                "[[node]]\n",
                                "[defaults]\n",
                                "[scenario]\n",
                                "\"\"\"\n",
                                "x = [\n",
                            ][next(5)]
                            .into(),
                        ),
                    }
                }
                let t = l.concat();
                assert!(agrees(&t), "differs on:\n{t}");
                accepted += usize::from(whole(&t).is_some());
            }
        }
        assert!(
            accepted > 100,
            "too few mutated files were valid ({accepted})"
        );
    }
}
