//! The questionnaire that ships inside the widget: `questionnaires/knee-or-back.json`.

use crate::model::Questionnaire;
use crate::validate::{self, Problems};

/// The default questionnaire's JSON, compiled in so the widget fetches nothing. The build
/// script (build.rs) removes the whitespace between tokens; the text is otherwise the
/// file's.
pub const KNEE_OR_BACK_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/knee-or-back.min.json"));

/// The default questionnaire, checked. A test keeps it valid, but the widget still shows
/// a message rather than panicking if a bad edit ever slipped through.
pub fn knee_or_back() -> Result<Questionnaire, Problems> {
    validate::load(KNEE_OR_BACK_JSON)
}
