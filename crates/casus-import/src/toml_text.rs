//! Writing knowledge-base TOML by hand, carefully: quoted strings with every
//! character TOML requires escaped, and `key = value` lines in a fixed order
//! so the output is stable and readable.

use std::fmt::Write;

/// `s` as a TOML basic string, quotes included.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML array of strings.
pub fn string_array<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<String> = items.iter().map(|s| quote(s.as_ref())).collect();
    format!("[{}]", parts.join(", "))
}

/// Append `key = "value"`.
pub fn kv(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", quote(value));
}

/// Append `key = "value"` when there is a value.
pub fn kv_opt(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        kv(out, key, v);
    }
}

/// Append `key = raw` (numbers, booleans, arrays, inline tables).
pub fn kv_raw(out: &mut String, key: &str, raw: &str) {
    let _ = writeln!(out, "{key} = {raw}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_strings_round_trip_through_toml() {
        let nasty = "a \"quoted\" back\\slash\nnew line\ttab \u{1} Ꙩ";
        let mut doc = String::new();
        kv(&mut doc, "x", nasty);
        kv_raw(&mut doc, "y", &string_array(&["a\"", "b"]));
        let v: toml::Table = toml::from_str(&doc).unwrap();
        assert_eq!(v["x"].as_str(), Some(nasty));
        assert_eq!(v["y"].as_array().map(|a| a.len()), Some(2));
    }
}
