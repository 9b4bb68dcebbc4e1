//! The questionnaire that ships inside the widget: `questionnaires/knee-or-back.json`.

use crate::questionnaire::compact::{self, Malformed};
use crate::questionnaire::model::Questionnaire;

/// The default questionnaire, checked by the build script (build.rs) and compiled in,
/// in the compact form, so the widget fetches and parses nothing.
const KNEE_OR_BACK: &str = include_str!(concat!(env!("OUT_DIR"), "/knee-or-back.kc"));

/// The answers that reach each outcome of the built-in questionnaire, found by `build.rs`
/// (see [`crate::check::preview`]): what the configurator's preview replays.
pub const PREVIEW: &str = include_str!(concat!(env!("OUT_DIR"), "/knee-or-back.preview"));

/// The default questionnaire file's text, for tools and tests. The widget does not use
/// it (and so does not carry it).
pub const KNEE_OR_BACK_JSON: &str = include_str!("../../questionnaires/knee-or-back.json");

/// The default questionnaire. The build refuses a file with problems, so this only fails
/// if the compact form and its reader disagree, which a test rules out.
pub fn knee_or_back() -> Result<Questionnaire, Malformed> {
    compact::decode(KNEE_OR_BACK)
}
