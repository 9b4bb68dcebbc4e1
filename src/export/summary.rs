//! The plain-language summary a reader takes to an appointment: the date, the "soon"
//! advice if any, the result and next step, each sign as fits / does not fit / not sure,
//! the other clues, every answer, the review status and the versions, in the reader's language. Used for "Copy
//! summary" and the text download; the print view shows the same facts.

use crate::check::scoring::{self, Answers, Assessment, Outcome, SignStatus};
use crate::i18n::{fill, strings, Strings};
use crate::lang::Lang;
use crate::questionnaire::model::{Questionnaire, Urgency};

/// The words for a sign's status.
pub fn status_label(s: &Strings, status: SignStatus) -> &'static str {
    match status {
        SignStatus::Fits => s.matched,
        SignStatus::DoesNotFit => s.not_matched,
        SignStatus::NotSure => s.sign_not_sure,
    }
}

/// The summary as plain text. `date` is the day of the check as the caller formats it
/// (the core reads no clock).
pub fn text(
    q: &Questionnaire,
    answers: &Answers,
    assessment: &Assessment,
    lang: Lang,
    date: &str,
) -> String {
    let s = strings(lang);
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    line(q.title.get(lang));
    line(&fill(s.summary_date, &[("date", date)]));
    line("");
    if let Some(_soon) = &assessment.soon {
        let card = q.card(Urgency::Soon);
        line(card.heading.get(lang));
        line(card.body.get(lang));
        line("");
    }
    match &assessment.outcome {
        Outcome::Band { id } => {
            if let Some(rule) = q.outcome(id) {
                line(&fill(
                    s.summary_result,
                    &[("result", rule.heading.get(lang))],
                ));
                line(rule.summary.get(lang));
                line(rule.next_step.get(lang));
            }
        }
        Outcome::RedFlag { urgency, .. } => {
            let card = q.card(*urgency);
            line(&fill(
                s.summary_result,
                &[("result", card.heading.get(lang))],
            ));
            line(card.body.get(lang));
        }
    }
    line("");
    if matches!(assessment.outcome, Outcome::Band { .. }) {
        line(s.signs_heading);
        for (sign, status) in q.signs.iter().zip(&assessment.signs) {
            line(&format!(
                "- {}: {}",
                sign.name.get(lang),
                status_label(s, *status)
            ));
        }
        let clues: Vec<&str> = assessment
            .clues
            .iter()
            .filter(|&&c| q.clues[c].sign.is_none())
            .map(|&c| q.clues[c].text.get(lang))
            .collect();
        if !clues.is_empty() {
            line(s.context_heading);
            for clue in clues {
                line(&format!("- {clue}"));
            }
        }
        line("");
    }
    line(s.answers_heading);
    for (index, item) in q.items.iter().enumerate() {
        let Some(codes) = answers.get(&item.link_id) else {
            continue;
        };
        if !scoring::is_enabled(q, answers, index) {
            continue;
        }
        let chosen: Vec<&str> = item
            .options
            .iter()
            .filter(|o| codes.contains(&o.code))
            .map(|o| o.text.get(lang))
            .collect();
        line(&format!("- {} {}", item.text.get(lang), chosen.join("; ")));
    }
    line("");
    line(s.disclaimer);
    match &q.review {
        Some(review) => line(&fill(
            s.reviewed,
            &[("date", &review.date), ("reviewer", &review.reviewer)],
        )),
        None => line(s.not_reviewed),
    }
    line(&fill(
        s.versions,
        &[
            ("content", &assessment.content_version),
            ("scoring", assessment.scoring_version),
        ],
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::builtin;

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), vec![(*v).to_owned()]))
            .collect()
    }

    #[test]
    fn the_summary_names_the_date_result_signs_and_every_answer_in_the_readers_language() {
        let q = builtin::knee_or_back().expect("valid");
        let a = answers(&[
            ("age", "50-64"),
            ("rf-emergency", "no"),
            ("rf-today", "no"),
            ("rf-soon", "no"),
            ("where", "inner-knee"),
            ("pain-quality", "tingling"),
            ("worse", "stairs"),
            ("back-move", "no"),
            ("mechanical", "none"),
            ("onset", "gradual"),
            ("injection", "never"),
            ("therapy", "never"),
            ("back-pain", "yes"),
            ("hip", "none"),
        ]);
        let assessment = scoring::score(&q, &a);
        for lang in Lang::ALL {
            let text = text(&q, &a, &assessment, lang, "2026-11-25");
            assert!(text.contains("2026-11-25"));
            let Outcome::Band { id } = &assessment.outcome else {
                panic!("no red flag was answered")
            };
            assert!(text.contains(q.outcome(id).expect("rule").heading.get(lang)));
            assert!(
                text.contains(&format!(
                    "{}: {}",
                    q.signs[0].name.get(lang),
                    strings(lang).matched
                )),
                "the nerve sign fits"
            );
            assert!(text.contains(
                q.items[5]
                    .option("tingling")
                    .expect("option")
                    .text
                    .get(lang)
            ));
            assert!(text.contains(strings(lang).disclaimer));
            assert!(text.contains(strings(lang).not_reviewed));
            assert!(!text.contains(q.card(Urgency::Soon).heading.get(lang)));
        }
    }

    #[test]
    fn a_soon_flag_opens_the_summary() {
        let q = builtin::knee_or_back().expect("valid");
        let a = answers(&[("age", "65-plus"), ("rf-soon", "unsure")]);
        let assessment = scoring::score(&q, &a);
        let text = text(&q, &a, &assessment, Lang::En, "2026-11-25");
        let soon = text.find(q.card(Urgency::Soon).heading.get(Lang::En));
        let result = text.find("Result:");
        assert!(soon.is_some() && soon < result, "{text}");
    }

    #[test]
    fn a_red_flag_summary_gives_the_care_advice() {
        let q = builtin::knee_or_back().expect("valid");
        let a = answers(&[("rf-emergency", "yes")]);
        let assessment = scoring::score(&q, &a);
        let text = text(&q, &a, &assessment, Lang::Es, "25/11/2026");
        assert!(text.contains(q.card(Urgency::Emergency).heading.get(Lang::Es)));
        assert!(!text.contains(strings(Lang::Es).signs_heading));
    }
}
