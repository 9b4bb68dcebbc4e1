//! A tiny JSON writer for what the widget exports (the FHIR resources). Writing needs
//! none of a parser's machinery, so the wasm does not carry serde_json for it.

use std::fmt::Write;

/// A JSON value to write. Objects keep their keys in the order given, as FHIR readers
/// expect `resourceType` first.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, keys in order.
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// A string value.
    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    /// An object from `(key, value)` pairs, dropping `Null` values (FHIR forbids empty
    /// or null elements).
    pub fn obj<K: Into<String>>(pairs: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Obj(
            pairs
                .into_iter()
                .filter(|(_, v)| *v != Json::Null)
                .map(|(k, v)| (k.into(), v))
                .collect(),
        )
    }

    /// The value as indented JSON text.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Json::Str(s) => write_str(out, s),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(pairs) if pairs.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    item.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push(']');
            }
            Json::Obj(pairs) => {
                out.push('{');
                for (i, (key, value)) in pairs.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    write_str(out, key);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push('}');
            }
        }
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // `<` is escaped so the text is also safe inside an HTML <script> block.
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_json_that_parses_back_to_the_same_value() {
        let value = Json::obj([
            ("resourceType", Json::str("Questionnaire")),
            ("skipped", Json::Null),
            ("n", Json::Int(-3)),
            ("ok", Json::Bool(true)),
            (
                "text",
                Json::str("quote \" slash \\ line\nbell \u{7} <script> ñ"),
            ),
            ("empty", Json::Arr(vec![])),
            (
                "list",
                Json::Arr(vec![Json::Int(1), Json::obj([("a", Json::str("b"))])]),
            ),
        ]);
        let text = value.pretty();
        assert!(!text.contains("<script>"));
        let parsed: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(
            parsed,
            serde_json::json!({
                "resourceType": "Questionnaire",
                "n": -3,
                "ok": true,
                "text": "quote \" slash \\ line\nbell \u{7} <script> ñ",
                "empty": [],
                "list": [1, {"a": "b"}]
            })
        );
        assert!(text.starts_with("{\n  \"resourceType\""), "key order kept");
    }
}
