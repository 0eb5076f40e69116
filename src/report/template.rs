//! A small mustache-like template filler, so that the HTML lives in `*.html.tt` files and all
//! formatting stays in Rust.
//!
//! - `{{name}}`: the value, HTML-escaped (strings, numbers, booleans; `{{.}}` is the current
//!   item); dotted names look inside objects (`a.b`) and arrays (`a.0`).
//! - `{{{name}}}`: the value unescaped (only for markup made by tepat itself, like the SVG of a
//!   chart).
//! - `{{#name}}…{{/name}}`: repeated for each item of an array (each item becomes the current
//!   context), rendered once inside an object, or once if the value is true, a non-empty string
//!   or a number; skipped if it is false, null, empty or absent.
//! - `{{^name}}…{{/name}}`: rendered only when `{{#name}}` would be skipped.
//!
//! Names are looked up from the innermost context outwards. A name found nowhere is an error
//! (a mistake in a template, caught by the tests), not an empty string.

use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, Result};

/// Escape text for HTML element content and attribute values; characters that XML forbids
/// (NUL and other controls) become U+FFFD ([`crate::text::xml_safe`]).
pub fn escape(s: &str) -> String {
    let s = crate::text::xml_safe(s);
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Fill `template` from `data`.
pub fn fill<T: Serialize>(template: &str, data: &T) -> Result<String> {
    let v = serde_json::to_value(data)
        .map_err(|e| Error::caused("template data could not be serialised: ", e))?;
    let mut out = String::with_capacity(template.len() * 2);
    render(template, &mut vec![&v], &mut out)?;
    Ok(out)
}

fn lookup<'a>(stack: &[&'a Value], name: &str) -> Option<&'a Value> {
    if name == "." {
        return stack.last().copied();
    }
    let mut parts = name.split('.');
    let first = parts.next()?;
    let mut v = stack.iter().rev().find_map(|c| c.get(first))?;
    for p in parts {
        v = match (v, p.parse::<usize>()) {
            (Value::Array(a), Ok(i)) => a.get(i)?,
            _ => v.get(p)?,
        };
    }
    Some(v)
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(_) => true,
    }
}

/// The byte range of the matching `{{/name}}` of a section whose body starts at `from`:
/// (start of the closing tag, end of it).
fn section_end(t: &str, from: usize, name: &str) -> Result<(usize, usize)> {
    let open_a = format!("{{{{#{name}}}}}");
    let open_b = format!("{{{{^{name}}}}}");
    let close = format!("{{{{/{name}}}}}");
    let mut depth = 1;
    let mut i = from;
    while let Some(off) = t[i..].find("{{") {
        let at = i + off;
        let rest = &t[at..];
        if rest.starts_with(&close) {
            depth -= 1;
            if depth == 0 {
                return Ok((at, at + close.len()));
            }
            i = at + close.len();
        } else if rest.starts_with(&open_a) || rest.starts_with(&open_b) {
            depth += 1;
            i = at + open_a.len();
        } else {
            i = at + 2;
        }
    }
    Err(Error::Other(format!(
        "template: section '{name}' is not closed"
    )))
}

fn render(t: &str, stack: &mut Vec<&Value>, out: &mut String) -> Result<()> {
    let mut i = 0;
    while let Some(off) = t[i..].find("{{") {
        let at = i + off;
        out.push_str(&t[i..at]);
        if t[at..].starts_with("{{{") {
            let end = t[at..]
                .find("}}}")
                .map(|e| at + e)
                .ok_or_else(|| Error::Other("template: '{{{' is not closed".into()))?;
            let name = t[at + 3..end].trim();
            let v = lookup(stack, name)
                .ok_or_else(|| Error::Other(format!("template: no value named '{name}'")))?;
            out.push_str(&scalar(v));
            i = end + 3;
            continue;
        }
        let end = t[at..]
            .find("}}")
            .map(|e| at + e)
            .ok_or_else(|| Error::Other("template: '{{' is not closed".into()))?;
        let tag = t[at + 2..end].trim();
        let after = end + 2;
        if let Some(name) = tag.strip_prefix('#').or_else(|| tag.strip_prefix('^')) {
            let inverted = tag.starts_with('^');
            let name = name.trim();
            let (close_at, close_end) = section_end(t, after, name)?;
            let body = &t[after..close_at];
            let v = lookup(stack, name);
            if inverted {
                if !truthy(v) {
                    render(body, stack, out)?;
                }
            } else if truthy(v) {
                match v {
                    Some(Value::Array(items)) => {
                        for item in items {
                            stack.push(item);
                            render(body, stack, out)?;
                            stack.pop();
                        }
                    }
                    Some(obj @ Value::Object(_)) => {
                        stack.push(obj);
                        render(body, stack, out)?;
                        stack.pop();
                    }
                    _ => render(body, stack, out)?,
                }
            }
            i = close_end;
        } else if let Some(name) = tag.strip_prefix('/') {
            return Err(Error::Other(format!(
                "template: '{{{{/{}}}}}' without its opening tag",
                name.trim()
            )));
        } else {
            let v = lookup(stack, tag)
                .ok_or_else(|| Error::Other(format!("template: no value named '{tag}'")))?;
            out.push_str(&escape(&scalar(v)));
            i = after;
        }
    }
    out.push_str(&t[i..]);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn escapes_and_repeats() {
        let d = json!({"t": "<a & 'b'>", "xs": [{"n": 1}, {"n": 2}], "raw": "<b>x</b>", "no": false, "e": []});
        let s = fill(
            "{{t}}|{{#xs}}[{{n}}{{t}}]{{/xs}}|{{{raw}}}|{{#no}}X{{/no}}{{^no}}Y{{/no}}|{{^e}}empty{{/e}}",
            &d,
        )
        .unwrap();
        assert_eq!(
            s,
            "&lt;a &amp; &#39;b&#39;&gt;|[1&lt;a &amp; &#39;b&#39;&gt;][2&lt;a &amp; &#39;b&#39;&gt;]|<b>x</b>|Y|empty"
        );
    }

    #[test]
    fn nested_sections_of_the_same_name_and_dots() {
        let d = json!({"a": {"b": "x"}, "l": [["p", "q"], ["r"]]});
        let s = fill("{{a.b}}{{#l}}({{#.}}{{.}}{{/.}}){{/l}}", &d).unwrap();
        assert_eq!(s, "x(pq)(r)");
    }

    #[test]
    fn unknown_names_and_unclosed_sections_are_errors() {
        let d = json!({});
        assert!(fill("{{nope}}", &d).is_err());
        assert!(fill("{{#x}}", &d).is_err());
        assert!(fill("{{/x}}", &d).is_err());
    }
}
