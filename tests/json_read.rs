//! The validator's JSON tree (src/questionnaire/json_read.rs): read natively by
//! serde_json, in the checker wasm by the browser's JSON.parse, both through the tree's
//! own serde `Deserialize`. Natively it is serde_json's tree with JavaScript's view of
//! numbers (a whole number written `1.0` is 1), so the CLI and the browser judge a file
//! alike; serde then builds the file shape from the tree exactly as serde_json would.
#![cfg(not(target_arch = "wasm32"))]

use knee_check::questionnaire::builtin::KNEE_OR_BACK_JSON;
use knee_check::questionnaire::json_read::{self, Number, Value};
use proptest::prelude::*;

/// serde_json's tree in the reader's terms, whole floats read as JavaScript reads them.
fn convert(value: &serde_json::Value) -> Value {
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(if let Some(u) = n.as_u64() {
            Number::PosInt(u)
        } else if let Some(i) = n.as_i64() {
            Number::NegInt(i)
        } else {
            let x = n.as_f64().expect("a finite float");
            let whole = x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0;
            match (whole, x == 0.0 && x.is_sign_negative()) {
                (true, false) if x >= 0.0 => Number::PosInt(x as u64),
                (true, false) => Number::NegInt(x as i64),
                _ => Number::Float(x),
            }
        }),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(list) => Value::Array(list.iter().map(convert).collect()),
        serde_json::Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), convert(v))).collect())
        }
    }
}

/// Ours and serde_json's agree: the same tree, or the same message.
fn assert_same(text: &str) -> Result<(), TestCaseError> {
    let ours = json_read::parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, &convert(b), "{:?}", text),
        (Err(a), Err(b)) => prop_assert_eq!(a, &b.to_string(), "{:?}", text),
        _ => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
    Ok(())
}

#[test]
fn the_default_questionnaire_reads_the_same() {
    assert_same(KNEE_OR_BACK_JSON).unwrap();
}

#[test]
fn objects_are_sorted_and_a_repeated_key_keeps_its_last_value() {
    let value = json_read::parse(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap();
    assert_eq!(
        value,
        Value::Object(vec![
            ("a".into(), Value::Number(Number::PosInt(2))),
            ("b".into(), Value::Number(Number::PosInt(3))),
        ])
    );
}

#[test]
fn whole_numbers_written_as_floats_are_whole_numbers_as_in_javascript() {
    let read = |text: &str| json_read::parse(text).unwrap();
    assert_eq!(read("1.0"), Value::Number(Number::PosInt(1)));
    assert_eq!(read("-2.0"), Value::Number(Number::NegInt(-2)));
    assert_eq!(read("1e2"), Value::Number(Number::PosInt(100)));
    assert_eq!(read("2.5"), Value::Number(Number::Float(2.5)));
    assert!(
        matches!(read("-0.0"), Value::Number(Number::Float(x)) if x == 0.0 && x.is_sign_negative())
    );
    // Beyond 2^53 a float is no longer exact: it stays a float, as it would be refused
    // as a whole number in the browser too.
    assert_eq!(read("1e300"), Value::Number(Number::Float(1e300)));
}

#[test]
fn syntax_errors_keep_serde_jsons_message_with_line_and_column() {
    assert_eq!(
        json_read::parse("{\n  \"id\": ,\n}").unwrap_err(),
        "expected value at line 2 column 9"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_reads_the_same(text in r#"[\[\]{}",:0-9a-z \\.eE+\-\n]{0,48}"#) {
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

    /// Numbers in messages ("the number 2.5") are written as serde_json writes them.
    #[test]
    fn floats_print_the_same(x in any::<f64>().prop_filter("finite", |x| x.is_finite())) {
        let text = serde_json::to_string(&x).expect("a finite float serializes");
        prop_assert_eq!(Number::Float(x).to_string(), text);
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
