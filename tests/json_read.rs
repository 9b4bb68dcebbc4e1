//! The questionnaire loader's JSON reader against serde_json, which it replaced in the
//! widget: the same tree for every text serde_json accepts, and the same message, line
//! and column for every text it rejects.
#![cfg(not(target_arch = "wasm32"))]

use knee_check::questionnaire::builtin::KNEE_OR_BACK_JSON;
use knee_check::questionnaire::json_read::{self, Number, Value};
use proptest::prelude::*;

/// serde_json's tree in the reader's terms.
fn convert(value: &serde_json::Value) -> Value {
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(if let Some(u) = n.as_u64() {
            Number::PosInt(u)
        } else if let Some(i) = n.as_i64() {
            Number::NegInt(i)
        } else {
            Number::Float(n.as_f64().expect("a finite float"))
        }),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(list) => Value::Array(list.iter().map(convert).collect()),
        serde_json::Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), convert(v))).collect())
        }
    }
}

fn assert_same(text: &str) -> Result<(), TestCaseError> {
    let ours = json_read::parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => {
            prop_assert_eq!(a, &convert(b), "{:?}", text);
            // Floats compare by value above; their text must match too.
            prop_assert_eq!(format!("{a:?}"), format!("{:?}", convert(b)));
        }
        (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string(), "{:?}", text),
        _ => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
    Ok(())
}

fn number_text(value: &Value) -> Option<String> {
    match value {
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[test]
fn the_default_questionnaire_reads_the_same() {
    assert_same(KNEE_OR_BACK_JSON).unwrap();
}

#[test]
fn tricky_texts_read_the_same() {
    let deep = "[".repeat(130);
    for text in [
        "",
        " ",
        "nul",
        "nulx",
        "tru",
        "-",
        "-a",
        "--1",
        "0",
        "-0",
        "00",
        "01",
        "1.",
        "1.e3",
        "1e",
        "1e+",
        "1e-x",
        "1E5",
        "2.50",
        "1e400",
        "-1e400",
        "1e-400",
        "0e99999999999",
        "1e99999999999",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901",
        "1844674407370955161.7",
        "0.000000000000000000000000000001234",
        "1.7976931348623157e308",
        "4.9e-324",
        "\"\\u00e9\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\ud83dx\"",
        "\"\\ud83d\\x\"",
        "\"\\ud83d\\u0041\"",
        "\"\\ude00\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"a\u{1}b\"",
        "\"\\",
        "[1,]",
        "[1 2]",
        "[",
        "[1",
        "[1,",
        "{",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "{\"a\":1,",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "{\"a\":1 \"b\":2}",
        "{\"b\":1,\"a\":2,\"b\":3}",
        "{} x",
        "[]\n\n  ]",
        "\u{feff}{}",
        "{\"é\":\"ü\"}",
        &deep,
    ] {
        assert_same(text).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_reads_the_same(text in any::<String>()) {
        assert_same(&text)?;
    }

    #[test]
    fn json_like_text_reads_the_same(text in r#"[\[\]{}",:0-9a-z \\.eE+\-\n]{0,48}"#) {
        assert_same(&text)?;
    }

    #[test]
    fn edited_questionnaires_read_the_same(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
    ) {
        let mut bytes = KNEE_OR_BACK_JSON.as_bytes().to_vec();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        assert_same(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn floats_print_the_same(x in any::<f64>().prop_filter("finite", |x| x.is_finite())) {
        let text = serde_json::to_string(&x).expect("a finite float serializes");
        let theirs = serde_json::from_str::<serde_json::Value>(&text).expect("reads back");
        let ours = json_read::parse(&text).expect("reads back");
        prop_assert_eq!(number_text(&ours), Some(theirs.to_string()), "{}", text);
    }

    #[test]
    fn written_numbers_print_the_same(
        int in "-?(0|[1-9][0-9]{0,24})",
        frac in "(\\.[0-9]{1,20})?",
        exp in "([eE][+-]?[0-9]{1,3})?",
    ) {
        let text = format!("{int}{frac}{exp}");
        assert_same(&text)?;
        if let (Ok(ours), Ok(theirs)) =
            (json_read::parse(&text), serde_json::from_str::<serde_json::Value>(&text))
        {
            prop_assert_eq!(number_text(&ours), Some(theirs.to_string()), "{}", text);
        }
    }
}

/// Every JSON pointer in a value.
fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Array(list) => {
            for (i, v) in list.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                pointers(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        _ => {}
    }
    out.push(at);
}

/// The file shape built from the reader's tree is what serde's derived `Deserialize`
/// builds, and whatever serde rejects, the type walk reports as a wrong value.
fn assert_shape_like_serde(text: &str) -> Result<(), TestCaseError> {
    use knee_check::questionnaire::file::QuestionnaireFile;
    use knee_check::questionnaire::validate;
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return Ok(());
    };
    let by_serde = serde_json::from_value::<QuestionnaireFile>(value);
    let ours = validate::parse(text);
    let wrong_type = |p: &validate::Problems| {
        p.0.iter().any(|p| {
            p.message.starts_with("expected ") || p.message.starts_with("the file must hold")
        })
    };
    match (&by_serde, &ours) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
        // The walk is stricter than serde, which reads a struct from a list too.
        (Ok(_), Err(_)) => {}
        (Err(err), Ok(_)) => prop_assert!(false, "serde rejected what we accept: {err}"),
        (Err(_), Err(problems)) => prop_assert!(wrong_type(problems), "{problems}"),
    }
    Ok(())
}

#[test]
fn the_default_file_shape_is_serdes() {
    assert_shape_like_serde(KNEE_OR_BACK_JSON).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn changed_values_give_serdes_file_shape(
        picks in prop::collection::vec((any::<prop::sample::Index>(), 0..8usize), 1..4),
    ) {
        let mut value: serde_json::Value =
            serde_json::from_str(KNEE_OR_BACK_JSON).expect("the default file is JSON");
        for (pick, kind) in picks {
            let mut all = Vec::new();
            pointers(&value, String::new(), &mut all);
            let pointer = all[pick.index(all.len())].clone();
            let replacement = match kind {
                0 => serde_json::Value::Null,
                1 => serde_json::json!(true),
                2 => serde_json::json!(3),
                3 => serde_json::json!(2.5),
                4 => serde_json::json!(-7),
                5 => serde_json::json!("x"),
                6 => serde_json::json!([]),
                _ => serde_json::json!({}),
            };
            if let Some(target) = value.pointer_mut(&pointer) {
                *target = replacement;
            }
        }
        assert_shape_like_serde(&value.to_string())?;
    }
}
