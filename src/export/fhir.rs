//! HL7 FHIR R4 exports, made on the device: the questionnaire as a `Questionnaire`
//! resource and a reader's answers as a `QuestionnaireResponse` that points at it, so a
//! clinic's system can import both. `linkId`s and answer codes are the file's own.
//!
//! Text is written in one language with the other as FHIR translation extensions, so a
//! clinician can read it whichever language the reader used.

use crate::check::scoring::{self, Answers, Assessment};
use crate::export::json::Json;
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

/// `text` in `lang`, and an `_text`-style element carrying the other languages.
fn text_pair(text: &Text, lang: Lang) -> (Json, Json) {
    let translations: Vec<Json> = Lang::ALL
        .iter()
        .filter(|&&other| other != lang)
        .map(|&other| {
            Json::obj([
                ("url", Json::str(TRANSLATION)),
                (
                    "extension",
                    Json::Arr(vec![
                        Json::obj([
                            ("url", Json::str("lang")),
                            ("valueCode", Json::str(other.code())),
                        ]),
                        Json::obj([
                            ("url", Json::str("content")),
                            ("valueString", Json::str(text.get(other))),
                        ]),
                    ]),
                ),
            ])
        })
        .collect();
    (
        Json::str(text.get(lang)),
        Json::obj([("extension", Json::Arr(translations))]),
    )
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
pub fn questionnaire(q: &Questionnaire, lang: Lang) -> Json {
    let (title, title_ext) = text_pair(&q.title, lang);
    let items = q
        .items
        .iter()
        .map(|item| {
            let (text, text_ext) = text_pair(&item.text, lang);
            let system = answer_system(q, &item.link_id);
            let mut tags = Vec::new();
            if let Some(urgency) = item.red_flag {
                let code = match urgency {
                    Urgency::Under18 => "age".to_owned(),
                    other => format!("red-flag-{}", other.id()),
                };
                tags.push(code);
            }
            if item.body_map {
                tags.push("body-map".to_owned());
            }
            let code = (!tags.is_empty()).then(|| {
                Json::Arr(
                    tags.into_iter()
                        .map(|tag| {
                            Json::obj([
                                ("system", Json::str("urn:knee-check:tags")),
                                ("code", Json::str(tag)),
                            ])
                        })
                        .collect(),
                )
            });
            let options = item
                .options
                .iter()
                .map(|option| {
                    let (display, display_ext) = text_pair(&option.text, lang);
                    Json::obj([(
                        "valueCoding",
                        Json::obj([
                            ("system", Json::str(system.clone())),
                            ("code", Json::str(option.code.clone())),
                            ("display", display),
                            ("_display", display_ext),
                        ]),
                    )])
                })
                .collect();
            let enable_when: Vec<Json> = item
                .enable_when
                .iter()
                .map(|when| {
                    let earlier = &q.items[when.item].link_id;
                    Json::obj([
                        ("question", Json::str(earlier.clone())),
                        ("operator", Json::str("=")),
                        (
                            "answerCoding",
                            Json::obj([
                                ("system", Json::str(answer_system(q, earlier))),
                                ("code", Json::str(when.code.clone())),
                            ]),
                        ),
                    ])
                })
                .collect();
            let behavior = (enable_when.len() > 1).then(|| Json::str("any"));
            Json::obj([
                ("linkId", Json::str(item.link_id.clone())),
                ("code", code.unwrap_or(Json::Null)),
                ("text", text),
                ("_text", text_ext),
                ("type", Json::str("choice")),
                (
                    "enableWhen",
                    if enable_when.is_empty() {
                        Json::Null
                    } else {
                        Json::Arr(enable_when)
                    },
                ),
                ("enableBehavior", behavior.unwrap_or(Json::Null)),
                ("required", Json::Bool(true)),
                ("repeats", Json::Bool(item.kind == ItemKind::Multiple)),
                ("answerOption", Json::Arr(options)),
            ])
        })
        .collect();
    Json::obj([
        ("resourceType", Json::str("Questionnaire")),
        ("id", Json::str(q.id.clone())),
        ("language", Json::str(lang.code())),
        ("url", Json::str(canonical(q))),
        ("version", Json::str(q.content_version.clone())),
        ("name", Json::str(computable_name(&q.id))),
        ("title", title),
        ("_title", title_ext),
        ("status", Json::str("active")),
        // Dated only by a named clinical review: the file never claims one it lacks.
        (
            "lastReviewDate",
            q.review
                .as_ref()
                .map_or(Json::Null, |review| Json::str(review.date.clone())),
        ),
        ("item", Json::Arr(items)),
    ])
}

/// A reader's answers as a FHIR R4 `QuestionnaireResponse`, written in `lang`. Only
/// questions that were asked are included. `authored` is the time of export as an
/// ISO 8601 date-time with zone, given by the caller (the core reads no clock). The
/// outcome and versions travel as extensions.
pub fn questionnaire_response(
    q: &Questionnaire,
    answers: &Answers,
    assessment: &Assessment,
    lang: Lang,
    authored: &str,
) -> Json {
    let items = q
        .items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let codes = answers.get(&item.link_id)?;
            if !scoring::is_enabled(q, answers, index) {
                return None;
            }
            let system = answer_system(q, &item.link_id);
            let chosen: Vec<Json> = item
                .options
                .iter()
                .filter(|o| codes.contains(&o.code))
                .map(|o| {
                    Json::obj([(
                        "valueCoding",
                        Json::obj([
                            ("system", Json::str(system.clone())),
                            ("code", Json::str(o.code.clone())),
                            ("display", Json::str(o.text.get(lang))),
                        ]),
                    )])
                })
                .collect();
            (!chosen.is_empty()).then(|| {
                Json::obj([
                    ("linkId", Json::str(item.link_id.clone())),
                    ("text", Json::str(item.text.get(lang))),
                    ("answer", Json::Arr(chosen)),
                ])
            })
        })
        .collect();
    Json::obj([
        ("resourceType", Json::str("QuestionnaireResponse")),
        ("language", Json::str(lang.code())),
        (
            "extension",
            Json::Arr(vec![
                Json::obj([
                    ("url", Json::str("urn:knee-check:outcome")),
                    ("valueCode", Json::str(assessment.outcome.id())),
                ]),
                Json::obj([
                    ("url", Json::str("urn:knee-check:scoring-version")),
                    ("valueString", Json::str(assessment.scoring_version)),
                ]),
            ]),
        ),
        (
            "questionnaire",
            Json::str(format!("{}|{}", canonical(q), q.content_version)),
        ),
        ("status", Json::str("completed")),
        ("authored", Json::str(authored)),
        ("item", Json::Arr(items)),
    ])
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
