//! Named screens for a preview: the intro, the first question, and one screen for each
//! outcome a reader can reach (every result band and every red-flag card).
//!
//! The embed configurator shows a clinic every screen its readers may meet, with its own
//! call to action. Finding a way to each outcome means walking every path through the
//! questionnaire ([`paths::for_each`]), too much work and code for the browser. So
//! `build.rs` walks the built-in questionnaire at build time ([`first_paths`]) and
//! compiles the answers in as a small [`encode`]d table (`builtin::PREVIEW`). The
//! questionnaire checker's wasm hands it to the configurator, which replays it by pressing
//! the widget's own buttons; nothing of it is in the widget's wasm. [`session`] replays
//! it through [`Session::apply`] here, so the tests hold that each route reaches its
//! screen. A new or edited questionnaire needs no change here.

use crate::check::paths;
use crate::check::session::{Action, Session};
use crate::questionnaire::model::Questionnaire;

/// The screen before any question.
pub const INTRO: &str = "intro";
/// The first question.
pub const QUESTION: &str = "question";

/// Separates the fields of a table row; never part of an id or a code.
const FIELD: char = '\u{1f}';
/// Separates the codes of one answer.
const CODE: char = '\u{1e}';

/// One outcome's screen: its id and the answers that reach it (the codes chosen on each
/// question, in the order asked).
pub type Route = (String, Vec<Vec<String>>);

/// The first path to each outcome ([`paths::first_of_each`]), as routes: for build time
/// and tests, not for the browser. An outcome no path reaches has no route.
pub fn first_paths(q: &Questionnaire) -> Vec<Route> {
    paths::first_of_each(q)
        .into_iter()
        .map(|path| {
            let answers = path.steps.into_iter().map(|(_, codes)| codes).collect();
            (path.assessment.outcome.id(), answers)
        })
        .collect()
}

/// The routes as text, one line each: the outcome id, then each answer's codes.
pub fn encode(routes: &[Route]) -> String {
    let mut text = String::new();
    for (id, answers) in routes {
        text.push_str(id);
        for codes in answers {
            text.push(FIELD);
            text.push_str(&codes.join(&CODE.to_string()));
        }
        text.push('\n');
    }
    text
}

/// Every screen name of an [`encode`]d table: `intro`, `question`, then the outcome ids.
pub fn screens(table: &str) -> Vec<String> {
    let outcomes = table.lines().filter_map(|line| line.split(FIELD).next());
    [INTRO, QUESTION]
        .into_iter()
        .chain(outcomes)
        .map(str::to_owned)
        .collect()
}

/// The session a reader is in on screen `name` (see [`screens`]), replayed from the
/// table through [`Session::apply`]; `None` for a name the table does not hold.
pub fn session(q: &Questionnaire, table: &str, name: &str) -> Option<Session> {
    let mut actions = Vec::new();
    if name != INTRO {
        actions.push(Action::Start);
    }
    if name != INTRO && name != QUESTION {
        let line = table
            .lines()
            .find(|line| line.split(FIELD).next() == Some(name))?;
        for answer in line.split(FIELD).skip(1) {
            for code in answer.split(CODE).filter(|code| !code.is_empty()) {
                actions.push(Action::Choose(code.to_owned()));
            }
            actions.push(Action::Continue);
        }
    }
    Some(
        actions
            .into_iter()
            .fold(Session::new(), |session, action| session.apply(q, action)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::session::Screen;
    use crate::questionnaire::builtin;

    #[test]
    fn every_outcome_has_a_screen_that_shows_it() {
        let q = builtin::knee_or_back().unwrap();
        let table = encode(&first_paths(&q));
        let names = screens(&table);
        assert_eq!(names[..2], [INTRO, QUESTION]);
        let wanted = paths::outcome_ids(&q);
        assert!(wanted.len() >= 8, "{wanted:?}");
        for outcome in &wanted {
            assert!(
                names.iter().any(|n| n == outcome),
                "{outcome} missing from {names:?}"
            );
        }
        for name in &names[2..] {
            let session = session(&q, &table, name).unwrap();
            assert!(
                matches!(session.screen(), Screen::Result | Screen::RedFlag { .. }),
                "{name}: {:?}",
                session.screen()
            );
            assert_eq!(session.assessment(&q).unwrap().outcome.id(), *name);
        }
    }

    #[test]
    fn the_compiled_in_table_is_the_built_in_questionnaire_s() {
        let q = builtin::knee_or_back().unwrap();
        assert_eq!(builtin::PREVIEW, encode(&first_paths(&q)));
    }

    #[test]
    fn intro_and_question_are_the_first_two_screens() {
        let q = builtin::knee_or_back().unwrap();
        let table = builtin::PREVIEW;
        assert_eq!(session(&q, table, INTRO).unwrap().screen(), &Screen::Intro);
        assert_eq!(
            session(&q, table, QUESTION).unwrap().screen(),
            &Screen::Question(0)
        );
        assert!(session(&q, table, "no-such-screen").is_none());
    }
}
