//! The questionnaire checker: the second, small wasm (built with `--features checker`).
//!
//! Only a page that brings its own questionnaire needs to check a file in the browser, so
//! the checker (the JSON reader and src/questionnaire/validate.rs) is not in the widget's wasm. The
//! loader (web/knee-check.js) fetches this one, integrity-checked, when a widget names a
//! questionnaire, and hands the widget what it returns: the questionnaire in the compact
//! form (src/questionnaire/compact.rs), or every problem found, each with its path.

use wasm_bindgen::prelude::*;

use crate::questionnaire::{compact, validate};

/// Checks the questionnaire file `json` from the script element `#id`. Returns the
/// compact form, or throws the message that names every problem.
#[wasm_bindgen(js_name = checkQuestionnaire)]
pub fn check_questionnaire(id: &str, json: &str) -> Result<String, String> {
    validate::load(json)
        .map(|questionnaire| compact::encode(&questionnaire))
        .map_err(|problems| {
            format!(
                "the questionnaire in #{id} has {} problem(s):\n{problems}",
                problems.0.len()
            )
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
