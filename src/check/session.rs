//! The session: where a reader is in the check and what they have answered, as a pure
//! state machine. The widget's reducer only forwards actions here.
//!
//! `apply` takes the current session and an action and returns the next session; it
//! never fails. Actions that make no sense on the current screen leave it unchanged, so a
//! double click or a stale event cannot corrupt the flow.

use crate::check::scoring::{self, Answers, Assessment, Outcome};
use crate::questionnaire::model::{ItemKind, Questionnaire, Urgency};

/// What the reader sees.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// What the check is, before any question.
    #[default]
    Intro,
    /// One question, by index into [`Questionnaire::items`].
    Question(usize),
    /// A red flag (emergency, today) or the under-18 stop was answered on this question:
    /// its card.
    RedFlag {
        /// The question that raised it.
        item: usize,
        /// How soon.
        urgency: Urgency,
    },
    /// The explained result.
    Result,
}

/// Why Continue did not move on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepError {
    /// No answer was chosen.
    NoAnswer,
}

/// Something the reader did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Leave the intro for the first question.
    Start,
    /// Choose an answer on the current question (toggles it in a `Multiple` question).
    Choose(String),
    /// Commit the chosen answer and move on.
    Continue,
    /// Go to the previous screen, keeping answers.
    Back,
    /// On the red-flag card: "I answered this by mistake". Clears that answer and returns
    /// to the question.
    Mistake,
    /// From the result, change the answer to a question.
    Edit(String),
    /// Forget every answer and return to the intro.
    Restart,
}

/// A reader's progress through the check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    screen: Screen,
    answers: Answers,
    /// The answer being chosen on the current question, not yet committed.
    draft: Vec<String>,
    error: Option<StepError>,
    /// Questions shown before the current one, for Back.
    history: Vec<usize>,
    /// Set by Edit from the result: Continue then skips questions already answered and
    /// returns to the result, instead of walking through every later question again.
    editing: bool,
}

impl Session {
    /// A fresh session on the intro with no answers.
    pub fn new() -> Self {
        Self::default()
    }

    /// The current screen.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The committed answers.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The answer codes chosen on the current question.
    pub fn draft(&self) -> &[String] {
        &self.draft
    }

    /// Why the last Continue failed, until the reader chooses something.
    pub fn error(&self) -> Option<StepError> {
        self.error
    }

    /// "Question `n` of `total`" on a question screen. The total counts the questions
    /// that are asked given the answers so far.
    pub fn progress(&self, q: &Questionnaire) -> Option<(usize, usize)> {
        let Screen::Question(index) = self.screen else {
            return None;
        };
        let enabled: Vec<usize> = (0..q.items.len())
            .filter(|&i| scoring::is_enabled(q, &self.answers, i))
            .collect();
        let position = enabled.iter().filter(|&&i| i < index).count() + 1;
        Some((position, enabled.len().max(position)))
    }

    /// The scored answers, on the result and red-flag screens.
    pub fn assessment(&self, q: &Questionnaire) -> Option<Assessment> {
        match self.screen {
            Screen::Result | Screen::RedFlag { .. } => Some(scoring::score(q, &self.answers)),
            _ => None,
        }
    }

    /// The enabled questions the reader answered, in order, with their answer codes: what
    /// a summary lists.
    pub fn answered<'a>(
        &'a self,
        q: &'a Questionnaire,
    ) -> impl Iterator<Item = (usize, &'a [String])> + 'a {
        q.items.iter().enumerate().filter_map(move |(i, item)| {
            let codes = self.answers.get(&item.link_id)?;
            scoring::is_enabled(q, &self.answers, i).then_some((i, codes.as_slice()))
        })
    }

    /// The next session after `action`.
    pub fn apply(&self, q: &Questionnaire, action: Action) -> Session {
        let mut next = self.clone();
        match (&self.screen, action) {
            (Screen::Intro, Action::Start) => match next.next_question(q, None) {
                Some(first) => next.show(q, first),
                None => next.finish(q),
            },
            (&Screen::Question(index), Action::Choose(code)) => {
                next.choose(q, index, code);
            }
            (&Screen::Question(index), Action::Continue) => next.commit(q, index),
            (&Screen::Question(_), Action::Back) => match next.history.pop() {
                Some(previous) => next.show(q, previous),
                None => {
                    next.screen = Screen::Intro;
                    next.draft.clear();
                    next.error = None;
                }
            },
            (&Screen::RedFlag { item, .. }, Action::Mistake) => {
                next.answers.remove(&q.items[item].link_id);
                next.show(q, item);
            }
            (&Screen::RedFlag { item, .. }, Action::Back) => next.show(q, item),
            (Screen::Result, Action::Back) => {
                if let Some(last) = next.history.pop() {
                    next.show(q, last);
                }
            }
            (Screen::Result, Action::Edit(link_id)) => {
                if let Some(index) = q.item_index(&link_id) {
                    if scoring::is_enabled(q, &next.answers, index) {
                        next.history = (0..index)
                            .filter(|&i| scoring::is_enabled(q, &next.answers, i))
                            .collect();
                        next.editing = true;
                        next.show(q, index);
                    }
                }
            }
            (_, Action::Restart) => next = Session::new(),
            _ => {}
        }
        next
    }

    /// Shows question `index` with its committed answer, if any, as the draft.
    fn show(&mut self, q: &Questionnaire, index: usize) {
        self.screen = Screen::Question(index);
        self.draft = self
            .answers
            .get(&q.items[index].link_id)
            .cloned()
            .unwrap_or_default();
        self.error = None;
    }

    fn choose(&mut self, q: &Questionnaire, index: usize, code: String) {
        let item = &q.items[index];
        let Some(option) = item.option(&code) else {
            return;
        };
        match item.kind {
            ItemKind::Choice => self.draft = vec![code],
            ItemKind::Multiple => {
                if let Some(at) = self.draft.iter().position(|c| *c == code) {
                    self.draft.remove(at);
                } else if option.exclusive {
                    self.draft = vec![code];
                } else {
                    self.draft
                        .retain(|c| item.option(c).is_some_and(|o| !o.exclusive));
                    self.draft.push(code);
                }
            }
        }
        self.error = None;
    }

    fn commit(&mut self, q: &Questionnaire, index: usize) {
        if self.draft.is_empty() {
            self.error = Some(StepError::NoAnswer);
            return;
        }
        let item = &q.items[index];
        // Keep the answer in the questionnaire's option order, so the same choice gives
        // the same answers whatever order it was clicked in.
        let codes: Vec<String> = item
            .options
            .iter()
            .filter(|o| self.draft.contains(&o.code))
            .map(|o| o.code.clone())
            .collect();
        // A "soon" flag is recorded but does not interrupt: the result opens with it.
        let flagged = item
            .red_flag
            .filter(|urgency| urgency.interrupts())
            .filter(|_| {
                item.options
                    .iter()
                    .any(|o| o.red_flag && codes.contains(&o.code))
            });
        self.answers.insert(item.link_id.clone(), codes);
        self.error = None;
        if let Some(urgency) = flagged {
            self.screen = Screen::RedFlag {
                item: index,
                urgency,
            };
            return;
        }
        let next = if self.editing {
            self.next_unanswered(q, index)
        } else {
            self.next_question(q, Some(index))
        };
        match next {
            Some(next) => {
                self.history.push(index);
                self.show(q, next);
            }
            None => {
                self.history.push(index);
                self.finish(q);
            }
        }
    }

    fn finish(&mut self, q: &Questionnaire) {
        self.editing = false;
        self.draft.clear();
        self.error = None;
        // A red flag can only be committed by `commit`, which interrupts at once; scoring
        // agrees, so the result screen is never shown over an unresolved red flag.
        self.screen = match scoring::score(q, &self.answers).outcome {
            Outcome::RedFlag { urgency, link_id } => Screen::RedFlag {
                item: q.item_index(&link_id).unwrap_or(0),
                urgency,
            },
            Outcome::Band { .. } => {
                // From the result, Back walks the questions that were asked, last first.
                self.history = (0..q.items.len())
                    .filter(|&i| {
                        scoring::is_enabled(q, &self.answers, i)
                            && self.answers.contains_key(&q.items[i].link_id)
                    })
                    .collect();
                Screen::Result
            }
        };
    }

    /// While editing: the first enabled question after `index` with no answer yet (an
    /// edit can enable a question that was skipped before).
    fn next_unanswered(&self, q: &Questionnaire, index: usize) -> Option<usize> {
        (index + 1..q.items.len()).find(|&i| {
            scoring::is_enabled(q, &self.answers, i)
                && !self.answers.contains_key(&q.items[i].link_id)
        })
    }

    /// The first enabled question after `after` (or the first of all).
    fn next_question(&self, q: &Questionnaire, after: Option<usize>) -> Option<usize> {
        let from = after.map_or(0, |i| i + 1);
        (from..q.items.len()).find(|&i| scoring::is_enabled(q, &self.answers, i))
    }
}
