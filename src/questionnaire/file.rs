//! The questionnaire file as written on disk: JSON shaped after the HL7 FHIR
//! `Questionnaire` resource where it fits (`linkId`, `answerOption`, `enableWhen`), plus
//! what FHIR lacks (text in every language, red-flag tiers, signs, clues pointing to the
//! back, hip or knee, outcome rules over the score space).
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
    /// The content version readers' results name, such as `2.0.0`.
    #[serde(default)]
    pub content_version: String,
    /// The named clinical review; absent or `null` until there has been one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<ReviewFile>,
    /// The check's title.
    #[serde(default)]
    pub title: TextFile,
    /// The questions, in the order they are asked.
    #[serde(default)]
    pub items: Vec<ItemFile>,
    /// The four signs of the source article.
    #[serde(default)]
    pub signs: Vec<SignFile>,
    /// The findings answers can make and the directions they point in.
    #[serde(default)]
    pub clues: Vec<ClueFile>,
    /// Strong knee evidence, which outcome rules can test with `capped`.
    #[serde(default)]
    pub knee_cap: KneeCapFile,
    /// The outcome rules.
    #[serde(default)]
    pub outcomes: Vec<OutcomeFile>,
    /// The cards' texts.
    #[serde(default)]
    pub cards: CardsFile,
    /// Emergency symptoms to watch for, in short form, on every result.
    #[serde(default)]
    pub safety_net: Vec<TextFile>,
    /// What to do meanwhile, on every result.
    #[serde(default)]
    pub meanwhile: Vec<TextFile>,
}

/// A named clinical review.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewFile {
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// The reviewer's name and profession.
    #[serde(default)]
    pub reviewer: String,
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
    /// The age question: first, and its `under18` answers stop the check.
    #[serde(default, skip_serializing_if = "is_false")]
    pub age: bool,
    /// The answers are body regions (stable codes), drawn as a body map.
    #[serde(default, skip_serializing_if = "is_false")]
    pub body_map: bool,
    /// The question as asked.
    #[serde(default)]
    pub text: TextFile,
    /// A short hint under the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<TextFile>,
    /// A list shown with the question (for example the red flags it asks about).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bullets: Vec<TextFile>,
    /// `emergency`, `today` or `soon` when this is a red-flag question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red_flag: Option<String>,
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
    /// Choosing this answer raises the question's red flag.
    #[serde(default, skip_serializing_if = "is_false")]
    pub red_flag: bool,
    /// On the age question: choosing it stops the check with the under-18 card.
    #[serde(default, skip_serializing_if = "is_false")]
    pub under18: bool,
    /// "Not sure": counted toward "can't tell".
    #[serde(default, skip_serializing_if = "is_false")]
    pub unsure: bool,
    /// In a `multiple` question, choosing this answer clears the others ("None of these").
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive: bool,
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

/// One of the four signs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignFile {
    /// 1 to 4.
    #[serde(default)]
    pub sign: i64,
    /// Its name in the result.
    #[serde(default)]
    pub name: TextFile,
    /// Why it matters.
    #[serde(default)]
    pub why: TextFile,
    /// The questions that ask about it.
    #[serde(default)]
    pub questions: Vec<String>,
}

/// A clue: a finding with points toward back, hip and knee.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClueFile {
    /// Identifier, unique among clues.
    #[serde(default)]
    pub id: String,
    /// The sign it belongs to, 1 to 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign: Option<i64>,
    /// Points toward the back.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub back: i64,
    /// Points toward the hip.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub hip: i64,
    /// Points toward the knee.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub knee: i64,
    /// All of these must hold.
    #[serde(default)]
    pub when: Vec<ConditionFile>,
    /// What the reader said, in plain words.
    #[serde(default)]
    pub text: TextFile,
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

/// A condition on one question's answer: `anyOf` or `onlyOf`, not both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionFile {
    /// The question's `linkId`.
    #[serde(default)]
    pub question: String,
    /// Any of these answers was given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<String>,
    /// The question was answered and every answer given is one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub only_of: Vec<String>,
}

/// Strong knee evidence.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KneeCapFile {
    /// Clue ids that must all be present.
    #[serde(default)]
    pub all_clues: Vec<String>,
    /// Clue ids of which none may be present.
    #[serde(default)]
    pub no_clues: Vec<String>,
}

/// An outcome and its rule.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeFile {
    /// The outcome's identifier, reported to hosts on completion.
    #[serde(default)]
    pub id: String,
    /// `knee`, `neither` or `back`.
    #[serde(default)]
    pub leans: String,
    /// The rule holds in any of these boxes of the score space.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<RegionFile>,
    /// The rule for every case no other rule covers.
    #[serde(default, skip_serializing_if = "is_false")]
    pub otherwise: bool,
    /// The result heading.
    #[serde(default)]
    pub heading: TextFile,
    /// Two sentences under the heading.
    #[serde(default)]
    pub summary: TextFile,
    /// What to do next.
    #[serde(default)]
    pub next_step: TextFile,
    /// What an evaluation may include.
    #[serde(default)]
    pub evaluation: Vec<TextFile>,
}

/// A box of the score space. Bounds are inclusive; an absent bound is open.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionFile {
    /// Back points at least.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back_min: Option<i64>,
    /// Back points at most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back_max: Option<i64>,
    /// Hip points at least.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hip_min: Option<i64>,
    /// Hip points at most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hip_max: Option<i64>,
    /// Back minus knee points at least.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lean_min: Option<i64>,
    /// Back minus knee points at most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lean_max: Option<i64>,
    /// "Not sure" answers at least.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsure_min: Option<i64>,
    /// "Not sure" answers at most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsure_max: Option<i64>,
    /// The knee cap holds (`true`) or does not (`false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capped: Option<bool>,
}

/// The cards.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CardsFile {
    /// Emergency.
    #[serde(default)]
    pub emergency: CardFile,
    /// Today.
    #[serde(default)]
    pub today: CardFile,
    /// Under 18.
    #[serde(default)]
    pub under18: CardFile,
    /// Soon: the advice that opens the result.
    #[serde(default)]
    pub soon: CardFile,
}

/// One card's heading and body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CardFile {
    /// The heading.
    #[serde(default)]
    pub heading: TextFile,
    /// What to do.
    #[serde(default)]
    pub body: TextFile,
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
        opt("reviewed", Kind::Object(REVIEW)),
        f("title", T),
        f("items", Kind::List(&Kind::Object(ITEM))),
        f("signs", Kind::List(&Kind::Object(SIGN))),
        f("clues", Kind::List(&Kind::Object(CLUE))),
        f("kneeCap", Kind::Object(KNEE_CAP)),
        f("outcomes", Kind::List(&Kind::Object(OUTCOME))),
        f("cards", Kind::Object(CARDS)),
        f("safetyNet", Kind::List(&T)),
        f("meanwhile", Kind::List(&T)),
    ];
    pub const REVIEW: &[Field] = &[f("date", S), f("reviewer", S)];
    pub const ITEM: &[Field] = &[
        f("linkId", S),
        f("type", S),
        f("age", B),
        f("bodyMap", B),
        f("text", T),
        opt("hint", T),
        f("bullets", Kind::List(&T)),
        opt("redFlag", S),
        f("answerOption", Kind::List(&Kind::Object(OPTION))),
        f("enableWhen", Kind::List(&Kind::Object(ENABLE_WHEN))),
    ];
    pub const OPTION: &[Field] = &[
        f("code", S),
        f("text", T),
        f("redFlag", B),
        f("under18", B),
        f("unsure", B),
        f("exclusive", B),
    ];
    pub const ENABLE_WHEN: &[Field] = &[f("question", S), f("answer", S)];
    pub const SIGN: &[Field] = &[
        f("sign", I),
        f("name", T),
        f("why", T),
        f("questions", Kind::List(&S)),
    ];
    pub const CLUE: &[Field] = &[
        f("id", S),
        opt("sign", I),
        f("back", I),
        f("hip", I),
        f("knee", I),
        f("when", Kind::List(&Kind::Object(CONDITION))),
        f("text", T),
    ];
    pub const CONDITION: &[Field] = &[
        f("question", S),
        f("anyOf", Kind::List(&S)),
        f("onlyOf", Kind::List(&S)),
    ];
    pub const KNEE_CAP: &[Field] = &[f("allClues", Kind::List(&S)), f("noClues", Kind::List(&S))];
    pub const OUTCOME: &[Field] = &[
        f("id", S),
        f("leans", S),
        f("when", Kind::List(&Kind::Object(REGION))),
        f("otherwise", B),
        f("heading", T),
        f("summary", T),
        f("nextStep", T),
        f("evaluation", Kind::List(&T)),
    ];
    pub const REGION: &[Field] = &[
        opt("backMin", I),
        opt("backMax", I),
        opt("hipMin", I),
        opt("hipMax", I),
        opt("leanMin", I),
        opt("leanMax", I),
        opt("unsureMin", I),
        opt("unsureMax", I),
        opt("capped", B),
    ];
    pub const CARDS: &[Field] = &[
        f("emergency", Kind::Object(CARD)),
        f("today", Kind::Object(CARD)),
        f("under18", Kind::Object(CARD)),
        f("soon", Kind::Object(CARD)),
    ];
    pub const CARD: &[Field] = &[f("heading", T), f("body", T)];
}
