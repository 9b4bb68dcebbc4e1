//! The plain-language summary a reader takes to an appointment: the date, the result,
//! the signs that matched and every answer, in the reader's language. Used for "Copy
//! summary" and the text download; the print view shows the same facts.

use crate::check::scoring::{self, Answers, Assessment, Outcome};
use crate::i18n::{fill, strings};
use crate::lang::Lang;
use crate::questionnaire::model::Questionnaire;

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
    match &assessment.outcome {
        Outcome::Band { id } => {
            if let Some(band) = q.band(id) {
                line(&fill(
                    s.summary_result,
                    &[("result", band.heading.get(lang))],
                ));
                line(band.body.get(lang));
            }
        }
        Outcome::RedFlag { urgency, .. } => {
            let card = q.red_flag_text(*urgency);
            line(&fill(
                s.summary_result,
                &[("result", card.heading.get(lang))],
            ));
            line(card.body.get(lang));
        }
    }
    line("");
    let matched: Vec<&str> = assessment
        .factors
        .iter()
        .filter(|f| f.matched)
        .map(|f| q.factors[f.factor].name.get(lang))
        .collect();
    line(s.summary_matched);
    if matched.is_empty() {
        line(&format!("- {}", s.summary_none));
    }
    for name in matched {
        line(&format!("- {name}"));
    }
    line("");
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
            ("rf-emergency", "no"),
            ("rf-urgent", "no"),
            ("pain-quality", "tingling"),
            ("spread", "yes"),
            ("injection", "never"),
            ("when", "activity"),
            ("posture", "neither"),
            ("therapy", "never"),
            ("back", "no"),
        ]);
        let assessment = scoring::score(&q, &a);
        for lang in Lang::ALL {
            let text = text(&q, &a, &assessment, lang, "2026-11-25");
            assert!(text.contains("2026-11-25"));
            let Outcome::Band { id } = &assessment.outcome else {
                panic!("no red flag was answered")
            };
            assert!(text.contains(q.band(id).expect("band").heading.get(lang)));
            assert!(
                text.contains(q.factors[0].name.get(lang)),
                "the nerve sign matched"
            );
            assert!(text.contains(
                q.items[2]
                    .option("tingling")
                    .expect("option")
                    .text
                    .get(lang)
            ));
            assert!(text.contains(strings(lang).disclaimer));
            assert_eq!(text.lines().filter(|l| l.starts_with("- ")).count(), 2 + 9);
        }
    }

    #[test]
    fn a_red_flag_summary_gives_the_care_advice() {
        let q = builtin::knee_or_back().expect("valid");
        let a = answers(&[("rf-emergency", "yes")]);
        let assessment = scoring::score(&q, &a);
        let text = text(&q, &a, &assessment, Lang::Es, "25/11/2026");
        assert!(text.contains(q.emergency.heading.get(Lang::Es)));
        assert!(text.contains(strings(Lang::Es).summary_none));
    }
}
