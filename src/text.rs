//! Text from a scenario (names, descriptions, file names) made safe for where it lands: the
//! terminal, a spreadsheet, XML/SVG/HTML, and URLs. Each output layer calls one function here
//! (docs/robustness.md, "Output encoding"):
//!
//! - [`visible`]: the terminal. Control characters (ESC sequences that clear the screen or
//!   colour a fake line, NUL, backspace, carriage return, ...) and bidirectional overrides are
//!   shown as `\x1b`, `\u{202e}`, never sent raw.
//! - [`xml_safe`]: SVG and HTML. Characters that XML 1.0 forbids (C0 controls other than tab,
//!   newline and carriage return, U+FFFE, U+FFFF) and C1 controls become U+FFFD (�).
//! - [`csv_cell`]: CSV. A cell that a spreadsheet would read as a formula (first character `=`,
//!   `+`, `-`, `@`, tab or carriage return, after any spaces) gets a leading apostrophe, as
//!   OWASP's CSV-injection guidance recommends; so does a cell that already starts with an
//!   apostrophe, so that [`csv_cell_value`] undoes it exactly. Plain numbers (`-1.5`, `+3`)
//!   are left alone.
//! - [`url_component`]: a path segment of a link, percent-encoded (only `A-Z a-z 0-9 - . _ ~`
//!   stay as they are), so a scenario file named `javascript:alert(1).toml` links to
//!   `javascript%3Aalert%281%29/report.html`, a relative path.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` must not reach a terminal raw.
fn unsafe_on_terminal(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{2028}' | '\u{2029}')
}

fn escape_char(out: &mut String, c: char) {
    if (c as u32) < 0x80 {
        let _ = write!(out, "\\x{:02x}", c as u32);
    } else {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    }
}

/// `s` for the terminal: every control character (newlines too) shown as an escape.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(unsafe_on_terminal) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_on_terminal(c) {
            escape_char(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Set once standard output is a closed pipe (`tepat run | head`).
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Print one line on standard output (the crate's `println!`). A reader that went away
/// (`tepat run ... | head`) is not an error of the run: printing stops quietly and the run
/// goes on to write its output folder. `std::println!` would panic there.
pub fn print_line(s: &str) {
    use std::io::Write;
    use std::sync::atomic::Ordering;
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{s}").and_then(|_| out.flush())
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
    }
}

/// A multi-line message for the terminal: as [`visible`], but newlines are kept.
pub fn visible_lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && unsafe_on_terminal(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c != '\n' && unsafe_on_terminal(c) {
            escape_char(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether XML 1.0 (and so SVG, and HTML parsed as XML) forbids `c`, or it is a C1 control.
fn not_for_xml(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// `s` with every character XML forbids replaced by U+FFFD.
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(not_for_xml) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if not_for_xml(c) { '\u{fffd}' } else { c })
            .collect(),
    )
}

/// Whether `s` is a plain decimal number (`-1.5`, `+3`, `2e-4`), which a spreadsheet reads as a
/// number, not a formula.
fn plain_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    let digits_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - digits_start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let f = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        digits += i - f;
    }
    if digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            i += 1;
        }
        let e = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == e {
            return false;
        }
    }
    i == b.len()
}

/// A CSV cell that no spreadsheet runs as a formula (see the module documentation).
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    let first = s.trim_start_matches(' ').chars().next();
    let risky = match first {
        Some('=' | '@' | '\t' | '\r' | '\'' | '\u{ff1d}' | '\u{ff20}') => true,
        Some('+' | '-') => !plain_number(s),
        _ => false,
    };
    if risky {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The text a [`csv_cell`] stands for (its leading apostrophe removed).
pub fn csv_cell_value(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// `s` percent-encoded as one segment of a URL path.
pub fn url_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_sent() {
        assert_eq!(
            visible("\u{1b}[2J\u{1b}[32mALL ON TIME"),
            "\\x1b[2J\\x1b[32mALL ON TIME"
        );
        assert_eq!(visible("a\nb\u{0}c\u{202e}d"), "a\\x0ab\\x00c\\u{202e}d");
        assert_eq!(visible_lines("a\nb\u{7}"), "a\nb\\x07");
        assert!(matches!(visible("Rupat Utara"), Cow::Borrowed(_)));
    }

    #[test]
    fn xml_forbidden_characters_are_replaced() {
        assert_eq!(
            xml_safe("a\u{0}b\u{1b}c\td\u{ffff}"),
            "a\u{fffd}b\u{fffd}c\td\u{fffd}"
        );
        assert_eq!(xml_safe("Bengkalis"), "Bengkalis");
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_are_not() {
        for f in [
            "=HYPERLINK(\"http://evil.example\",\"Hub\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "  =1",
            "'quoted",
            "-",
            "+",
            "-inf",
        ] {
            let c = csv_cell(f);
            assert!(c.starts_with('\''), "{f:?} gave {c:?}");
            assert_eq!(csv_cell_value(&c), f);
        }
        for n in [
            "-1.5", "+3", "2e-4", "-0.0000", "0.9730", "Rupat", "", "12:30",
        ] {
            assert_eq!(csv_cell(n), n);
            assert_eq!(csv_cell_value(n), n);
        }
    }

    #[test]
    fn urls_are_percent_encoded() {
        assert_eq!(
            url_component("javascript:alert(document.domain)"),
            "javascript%3Aalert%28document.domain%29"
        );
        assert_eq!(url_component("bengkalis-2024"), "bengkalis-2024");
        assert_eq!(url_component("a b/é"), "a%20b%2F%C3%A9");
    }
}
