//! HL7 FHIR R4 exports, made on the device: the questionnaire as a `Questionnaire`
//! resource and a reader's answers as a `QuestionnaireResponse` that points at it, so a
//! clinic's system can import both. `linkId`s and answer codes are the file's own.
//!
//! Text is written in one language with the other as FHIR translation extensions, so a
//! clinician can read it whichever language the reader used.
//!
//! The resources are plain structs that derive serde's `Serialize`, with FHIR's field
//! names and order (`resourceType` first, as FHIR readers expect); absent elements are
//! left out, since FHIR forbids empty or null ones. Who writes the text is the caller's
//! choice: the CLI uses serde_json, the widget the browser's `JSON.stringify`.

use serde::Serialize;

use crate::check::scoring::{self, Answers, Assessment};
use crate::lang::Lang;
use crate::questionnaire::model::{ItemKind, Questionnaire, Text, Urgency};

const TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";

/// The questionnaire's canonical URL: a URN, since the widget has no server.
pub fn canonical(q: &Questionnaire) -> String {
    format!("urn:knee-check:questionnaire:{}", q.id)
}

/// The code system of one question's answer codes.
fn answer_system(q: &Questionnaire, link_id: &str) -> String {
    format!("{}:{link_id}", canonical(q))
}

/// A FHIR R4 `Questionnaire`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FhirQuestionnaire<'a> {
    resource_type: &'static str,
    id: &'a str,
    language: &'static str,
    url: String,
    version: &'a str,
    name: String,
    title: &'a str,
    #[serde(rename = "_title")]
    title_ext: Translations<'a>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_review_date: Option<&'a str>,
    item: Vec<QuestionItem<'a>>,
}

/// One question of a [`FhirQuestionnaire`].
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct QuestionItem<'a> {
    link_id: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    code: Vec<Coding<'a>>,
    text: &'a str,
    #[serde(rename = "_text")]
    text_ext: Translations<'a>,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    enable_when: Vec<EnableWhen<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    enable_behavior: Option<&'static str>,
    required: bool,
    repeats: bool,
    answer_option: Vec<AnswerValue<'a>>,
}

/// An `_text`-style element: the other languages, as translation extensions.
#[derive(Serialize)]
struct Translations<'a> {
    extension: Vec<Translation<'a>>,
}

#[derive(Serialize)]
struct Translation<'a> {
    url: &'static str,
    extension: (Extension<'a>, Extension<'a>),
}

/// A simple extension: a URL and one `valueCode` or `valueString`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Extension<'a> {
    url: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_string: Option<&'a str>,
}

/// A `Coding`; `display` and its translations only where they are written.
#[derive(Serialize)]
struct Coding<'a> {
    system: String,
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    display: Option<&'a str>,
    #[serde(rename = "_display", skip_serializing_if = "Option::is_none")]
    display_ext: Option<Translations<'a>>,
}

/// An `answerOption` or an `answer`: one coding.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AnswerValue<'a> {
    value_coding: Coding<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EnableWhen<'a> {
    question: &'a str,
    operator: &'static str,
    answer_coding: Coding<'a>,
}

/// A FHIR R4 `QuestionnaireResponse`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FhirResponse<'a> {
    resource_type: &'static str,
    language: &'static str,
    extension: (Extension<'a>, Extension<'a>),
    questionnaire: String,
    status: &'static str,
    authored: &'a str,
    item: Vec<ResponseItem<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResponseItem<'a> {
    link_id: &'a str,
    text: &'a str,
    answer: Vec<AnswerValue<'a>>,
}

/// The other languages of `text`, as the element beside it (`_text`, `_title`, ...).
fn translations(text: &Text, lang: Lang) -> Translations<'_> {
    Translations {
        extension: Lang::ALL
            .iter()
            .filter(|&&other| other != lang)
            .map(|&other| Translation {
                url: TRANSLATION,
                extension: (
                    Extension {
                        url: "lang",
                        value_code: Some(other.code().to_owned()),
                        value_string: None,
                    },
                    Extension {
                        url: "content",
                        value_code: None,
                        value_string: Some(text.get(other)),
                    },
                ),
            })
            .collect(),
    }
}

/// A FHIR `name`: letters and digits, starting upper-case (`knee-or-back` -> `KneeOrBack`).
fn computable_name(id: &str) -> String {
    let mut name: String = id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        name.insert(0, 'Q');
    }
    name
}

/// The questionnaire as a FHIR R4 `Questionnaire`, written in `lang`.
pub fn questionnaire(q: &Questionnaire, lang: Lang) -> FhirQuestionnaire<'_> {
    let item = q
        .items
        .iter()
        .map(|item| {
            let system = answer_system(q, &item.link_id);
            let mut tags = Vec::new();
            if let Some(urgency) = item.red_flag {
                tags.push(match urgency {
                    Urgency::Emergency => "red-flag-emergency",
                    Urgency::Today => "red-flag-today",
                    Urgency::Soon => "red-flag-soon",
                    Urgency::Under18 => "age",
                });
            }
            if item.body_map {
                tags.push("body-map");
            }
            let code = tags
                .into_iter()
                .map(|tag| Coding {
                    system: "urn:knee-check:tags".to_owned(),
                    code: tag,
                    display: None,
                    display_ext: None,
                })
                .collect();
            let answer_option = item
                .options
                .iter()
                .map(|option| AnswerValue {
                    value_coding: Coding {
                        system: system.clone(),
                        code: &option.code,
                        display: Some(option.text.get(lang)),
                        display_ext: Some(translations(&option.text, lang)),
                    },
                })
                .collect();
            let enable_when: Vec<EnableWhen> = item
                .enable_when
                .iter()
                .map(|when| {
                    let earlier = &q.items[when.item].link_id;
                    EnableWhen {
                        question: earlier,
                        operator: "=",
                        answer_coding: Coding {
                            system: answer_system(q, earlier),
                            code: &when.code,
                            display: None,
                            display_ext: None,
                        },
                    }
                })
                .collect();
            QuestionItem {
                link_id: &item.link_id,
                code,
                text: item.text.get(lang),
                text_ext: translations(&item.text, lang),
                kind: "choice",
                enable_behavior: (enable_when.len() > 1).then_some("any"),
                enable_when,
                required: true,
                repeats: item.kind == ItemKind::Multiple,
                answer_option,
            }
        })
        .collect();
    FhirQuestionnaire {
        resource_type: "Questionnaire",
        id: &q.id,
        language: lang.code(),
        url: canonical(q),
        version: &q.content_version,
        name: computable_name(&q.id),
        title: q.title.get(lang),
        title_ext: translations(&q.title, lang),
        status: "active",
        // Dated only by a named clinical review: the file never claims one it lacks.
        last_review_date: q.review.as_ref().map(|review| review.date.as_str()),
        item,
    }
}

/// A reader's answers as a FHIR R4 `QuestionnaireResponse`, written in `lang`. Only
/// questions that were asked are included. `authored` is the time of export as an
/// ISO 8601 date-time with zone, given by the caller (the core reads no clock). The
/// outcome and versions travel as extensions.
pub fn questionnaire_response<'a>(
    q: &'a Questionnaire,
    answers: &Answers,
    assessment: &Assessment,
    lang: Lang,
    authored: &'a str,
) -> FhirResponse<'a> {
    let item = q
        .items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let codes = answers.get(&item.link_id)?;
            if !scoring::is_enabled(q, answers, index) {
                return None;
            }
            let system = answer_system(q, &item.link_id);
            let answer: Vec<AnswerValue> = item
                .options
                .iter()
                .filter(|o| codes.contains(&o.code))
                .map(|o| AnswerValue {
                    value_coding: Coding {
                        system: system.clone(),
                        code: &o.code,
                        display: Some(o.text.get(lang)),
                        display_ext: None,
                    },
                })
                .collect();
            (!answer.is_empty()).then(|| ResponseItem {
                link_id: &item.link_id,
                text: item.text.get(lang),
                answer,
            })
        })
        .collect();
    FhirResponse {
        resource_type: "QuestionnaireResponse",
        language: lang.code(),
        extension: (
            Extension {
                url: "urn:knee-check:outcome",
                value_code: Some(assessment.outcome.id()),
                value_string: None,
            },
            Extension {
                url: "urn:knee-check:scoring-version",
                value_code: None,
                value_string: Some(assessment.scoring_version),
            },
        ),
        questionnaire: format!("{}|{}", canonical(q), q.content_version),
        status: "completed",
        authored,
        item,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_fhir_computable() {
        assert_eq!(computable_name("knee-or-back"), "KneeOrBack");
        assert_eq!(computable_name("2nd-check"), "Q2ndCheck");
    }
}
