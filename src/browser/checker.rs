//! The questionnaire checker: the second, small wasm (built with `--features checker`).
//!
//! Only a page that brings its own questionnaire needs to check a file in the browser, so
//! the checker (the JSON reader and src/questionnaire/validate.rs) is not in the widget's wasm. The
//! loader (web/knee-check.js) fetches this one, integrity-checked, when a widget names a
//! questionnaire, and hands the widget what it returns: the questionnaire in the compact
//! form (src/questionnaire/compact.rs), or every problem found, each with its path.
//!
//! The text is parsed by the browser's own `JSON.parse`, and the result walked into the
//! validator's JSON tree, so no JSON parser is compiled in.

use wasm_bindgen::prelude::*;

use crate::questionnaire::json_read::{self, Value};
use crate::questionnaire::{compact, validate};

/// Checks the questionnaire file `json` from the script element `#id`. Returns the
/// compact form, or throws the message that names every problem.
#[wasm_bindgen(js_name = checkQuestionnaire)]
pub fn check_questionnaire(id: &str, json: &str) -> Result<String, String> {
    read(json)
        .and_then(|value| validate::load_value(&value))
        .map(|questionnaire| compact::encode(&questionnaire))
        .map_err(|problems| {
            format!(
                "the questionnaire in #{id} has {} problem(s):\n{problems}",
                problems.0.len()
            )
        })
}

/// Parses the text with `JSON.parse` into the validator's tree; a syntax error keeps the
/// browser's own message (it names the position).
fn read(json: &str) -> Result<Value, validate::Problems> {
    let parsed = js_sys::JSON::parse(json).map_err(|err| {
        let message = err
            .dyn_ref::<js_sys::Error>()
            .map(|err| String::from(err.message()))
            .unwrap_or_else(|| "it could not be read".to_owned());
        validate::not_json(message)
    })?;
    tree(&parsed, 0)
        .ok_or_else(|| validate::not_json(format!("it nests deeper than {MAX_DEPTH} levels")))
}

/// As deep as lists and objects may nest (serde_json's limit, which the CLI applies):
/// the walk is recursive, and a questionnaire is a few levels deep.
const MAX_DEPTH: usize = 128;

/// `JSON.parse`'s result as the validator's tree: numbers as JavaScript holds them (a
/// safe whole number is whole), object keys sorted. `None` when nested too deep.
fn tree(value: &JsValue, depth: usize) -> Option<Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    Some(if let Some(b) = value.as_bool() {
        Value::Bool(b)
    } else if let Some(x) = value.as_f64() {
        Value::Number(json_read::Number::from_js(x))
    } else if let Some(s) = value.as_string() {
        Value::String(s)
    } else if let Some(list) = value.dyn_ref::<js_sys::Array>() {
        let mut values = Vec::with_capacity(list.length() as usize);
        for element in list.iter() {
            values.push(tree(&element, depth + 1)?);
        }
        Value::Array(values)
    } else if value.is_object() {
        let mut entries = Vec::new();
        for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            entries.push((key, tree(&pair.get(1), depth + 1)?));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        Value::Object(entries)
    } else {
        Value::Null
    })
}

/// The built-in questionnaire's preview routes ([`crate::check::preview`]): one line per
/// outcome, its id, then the codes chosen on each question, fields separated by U+001F
/// and codes by U+001E. The embed configurator replays them by pressing the widget's own
/// buttons, so its preview shows every screen without a line of preview code in the
/// widget's wasm, which every reader downloads.
#[wasm_bindgen(js_name = previewRoutes)]
pub fn preview_routes() -> String {
    crate::questionnaire::builtin::PREVIEW.to_owned()
}
