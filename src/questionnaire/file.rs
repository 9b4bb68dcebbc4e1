//! The questionnaire file as written on disk: JSON shaped after the HL7 FHIR
//! `Questionnaire` resource where it fits (`linkId`, `answerOption`, `enableWhen`), plus
//! what FHIR lacks (text in every language, tagged signs and red flags, outcome bands).
//!
//! These types are deliberately loose: numbers are wide and kinds are strings, so that a
//! mistake in the file reaches [`crate::questionnaire::validate`] and is reported with a path, instead of
//! stopping the parser at the first surprise. Nothing outside `validate` reads them; the
//! rest of the product uses the checked [`crate::questionnaire::model::Questionnaire`].

use serde::{Deserialize, Serialize};

/// A string written in every supported language. A missing language is a validation
/// problem, not a parse error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextFile {
    /// English.
    #[serde(default)]
    pub en: String,
    /// Spanish.
    #[serde(default)]
    pub es: String,
}

/// The whole file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireFile {
    /// A stable identifier, such as `knee-or-back`.
    #[serde(default)]
    pub id: String,
    /// The content version readers' results name, such as `1.0.0`.
    #[serde(default)]
    pub content_version: String,
    /// The date a clinician last reviewed the content, `YYYY-MM-DD`.
    #[serde(default)]
    pub reviewed: String,
    /// The check's title.
    #[serde(default)]
    pub title: TextFile,
    /// The questions, in the order they are asked.
    #[serde(default)]
    pub items: Vec<ItemFile>,
    /// What the answers add up to: the four signs and any context factors.
    #[serde(default)]
    pub factors: Vec<FactorFile>,
    /// Outcome bands over the total score.
    #[serde(default)]
    pub outcomes: Vec<OutcomeFile>,
    /// What the red-flag interruption says, per urgency.
    #[serde(default)]
    pub red_flags: RedFlagsFile,
    /// What an evaluation may include, one line each.
    #[serde(default)]
    pub evaluation: Vec<TextFile>,
    /// A caution shown with the result when many answers were "Not sure".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsure_note: Option<UnsureNoteFile>,
}

/// One question.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemFile {
    /// The question's identifier, unique in the file.
    #[serde(default)]
    pub link_id: String,
    /// `choice` (pick one) or `multiple` (pick any).
    #[serde(default = "default_item_type", rename = "type")]
    pub item_type: String,
    /// The question as asked.
    #[serde(default)]
    pub text: TextFile,
    /// A short hint under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<TextFile>,
    /// A list shown with the question (for example the red flags it asks about).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bullets: Vec<TextFile>,
    /// `emergency` or `urgent` when this is a red-flag question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red_flag: Option<String>,
    /// The factor (sign) this question's weights add to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<String>,
    /// The answers offered.
    #[serde(default)]
    pub answer_option: Vec<AnswerOptionFile>,
    /// Ask this question only when any of these earlier answers was given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enable_when: Vec<EnableWhenFile>,
}

fn default_item_type() -> String {
    "choice".to_owned()
}

/// One answer to a question.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerOptionFile {
    /// The answer's code, unique within its question.
    #[serde(default)]
    pub code: String,
    /// The answer as shown.
    #[serde(default)]
    pub text: TextFile,
    /// How much this answer adds to the question's factor.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub weight: i64,
    /// Choosing this answer is a red flag and interrupts the check.
    #[serde(default, skip_serializing_if = "is_false")]
    pub red_flag: bool,
    /// "Not sure": counted for the unsure note.
    #[serde(default, skip_serializing_if = "is_false")]
    pub unsure: bool,
    /// In a `multiple` question, choosing this answer clears the others ("None of these").
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive: bool,
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A condition on an earlier answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnableWhenFile {
    /// The earlier question's `linkId`.
    #[serde(default)]
    pub question: String,
    /// The answer code that enables this question.
    #[serde(default)]
    pub answer: String,
}

/// A factor: one of the four signs, or a context finding.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FactorFile {
    /// The factor's identifier, which questions name in `factor`.
    #[serde(default)]
    pub id: String,
    /// 1 to 4 for the four signs; absent for context factors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign: Option<i64>,
    /// Points added to the total when the factor matches.
    #[serde(default)]
    pub points: i64,
    /// The weight the factor's answers must reach to match.
    #[serde(default)]
    pub threshold: i64,
    /// The factor's name in the result checklist.
    #[serde(default)]
    pub name: TextFile,
    /// Why this factor matters, in plain words.
    #[serde(default)]
    pub why: TextFile,
}

/// An outcome band over the total score.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeFile {
    /// The outcome's identifier, reported to hosts on completion.
    #[serde(default)]
    pub id: String,
    /// Lowest total in the band, inclusive.
    #[serde(default)]
    pub min: i64,
    /// Highest total in the band, inclusive.
    #[serde(default)]
    pub max: i64,
    /// The band is reached only if one of these factors matched; otherwise the next lower
    /// band applies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires_any_factor: Vec<String>,
    /// The result heading.
    #[serde(default)]
    pub heading: TextFile,
    /// The plain-language explanation.
    #[serde(default)]
    pub body: TextFile,
}

/// The interruption texts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RedFlagsFile {
    /// For emergencies: go to an emergency department or call the emergency number.
    #[serde(default)]
    pub emergency: RedFlagTextFile,
    /// For same-day care.
    #[serde(default)]
    pub urgent: RedFlagTextFile,
}

/// One interruption's heading and body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RedFlagTextFile {
    /// The card heading.
    #[serde(default)]
    pub heading: TextFile,
    /// What to do.
    #[serde(default)]
    pub body: TextFile,
}

/// The caution shown when many answers were "Not sure".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnsureNoteFile {
    /// Show the note at this many "Not sure" answers or more.
    #[serde(default)]
    pub min_unsure: i64,
    /// The note.
    #[serde(default)]
    pub text: TextFile,
}

/// The shape of the file: the keys each object may have and the JSON type of each, for
/// reporting unknown fields and wrong types with a path. Kept next to the types so a new
/// field is added in one place; a test checks it against what serde accepts.
pub(crate) mod known {
    /// The JSON type a field must hold.
    #[derive(Clone, Copy, Debug)]
    pub enum Kind {
        /// A string.
        Str,
        /// A whole number that fits an `i64`.
        Int,
        /// `true` or `false`.
        Bool,
        /// An object with these fields.
        Object(&'static [Field]),
        /// A list of values of one kind.
        List(&'static Kind),
    }

    /// One key of an object.
    #[derive(Clone, Copy, Debug)]
    pub struct Field {
        /// The key as written in the file.
        pub key: &'static str,
        /// What its value must be.
        pub kind: Kind,
        /// Whether `null` is accepted (the Rust field is an `Option`).
        pub nullable: bool,
    }

    const fn f(key: &'static str, kind: Kind) -> Field {
        Field {
            key,
            kind,
            nullable: false,
        }
    }

    const fn opt(key: &'static str, kind: Kind) -> Field {
        Field {
            key,
            kind,
            nullable: true,
        }
    }

    const S: Kind = Kind::Str;
    const I: Kind = Kind::Int;
    const B: Kind = Kind::Bool;
    const T: Kind = Kind::Object(TEXT);

    pub const TEXT: &[Field] = &[f("en", S), f("es", S)];
    pub const ROOT: &[Field] = &[
        f("id", S),
        f("contentVersion", S),
        f("reviewed", S),
        f("title", T),
        f("items", Kind::List(&Kind::Object(ITEM))),
        f("factors", Kind::List(&Kind::Object(FACTOR))),
        f("outcomes", Kind::List(&Kind::Object(OUTCOME))),
        f("redFlags", Kind::Object(RED_FLAGS)),
        f("evaluation", Kind::List(&T)),
        opt("unsureNote", Kind::Object(UNSURE_NOTE)),
    ];
    pub const ITEM: &[Field] = &[
        f("linkId", S),
        f("type", S),
        f("text", T),
        opt("hint", T),
        f("bullets", Kind::List(&T)),
        opt("redFlag", S),
        opt("factor", S),
        f("answerOption", Kind::List(&Kind::Object(OPTION))),
        f("enableWhen", Kind::List(&Kind::Object(ENABLE_WHEN))),
    ];
    pub const OPTION: &[Field] = &[
        f("code", S),
        f("text", T),
        f("weight", I),
        f("redFlag", B),
        f("unsure", B),
        f("exclusive", B),
    ];
    pub const ENABLE_WHEN: &[Field] = &[f("question", S), f("answer", S)];
    pub const FACTOR: &[Field] = &[
        f("id", S),
        opt("sign", I),
        f("points", I),
        f("threshold", I),
        f("name", T),
        f("why", T),
    ];
    pub const OUTCOME: &[Field] = &[
        f("id", S),
        f("min", I),
        f("max", I),
        f("requiresAnyFactor", Kind::List(&S)),
        f("heading", T),
        f("body", T),
    ];
    pub const RED_FLAGS: &[Field] = &[
        f("emergency", Kind::Object(RED_FLAG_TEXT)),
        f("urgent", Kind::Object(RED_FLAG_TEXT)),
    ];
    pub const RED_FLAG_TEXT: &[Field] = &[f("heading", T), f("body", T)];
    pub const UNSURE_NOTE: &[Field] = &[f("minUnsure", I), f("text", T)];
}
