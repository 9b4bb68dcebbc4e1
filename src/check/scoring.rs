//! Scoring: what a set of answers adds up to, and why.
//!
//! Scoring version 2, simple enough for a physical therapist to read in the file:
//!
//! 1. Red flags win, in tier order: emergency, then today, then under 18. Any of them
//!    is the outcome. A "soon" flag does not change the outcome: the result opens with it.
//! 2. Otherwise every clue of the file whose conditions all hold is *present*, and adds
//!    its points toward the back, the hip and the knee.
//! 3. The knee cap holds when all its clues are present and none of its exceptions.
//! 4. The case (back, hip, knee points, "Not sure" count, cap) meets exactly one outcome
//!    rule (validation proves it for every case the points allow).
//!
//! There are no percentages: the widget never pretends to know a probability it does not.
//! Validation also proves the rules two-way monotone over the score space, and clue
//! conditions only look for answers given, so one more back-pointing answer never moves
//! a result toward the knee, and one more knee-pointing answer never toward the back
//! (property tests hold both).

use crate::questionnaire::model::{Case, Direction, Questionnaire, Urgency};

/// The version of this scoring model, named in every result next to the content version.
pub const SCORING_VERSION: &str = "2";

/// A reader's answers: answer codes by question `linkId`, kept in `linkId` order.
///
/// A map of at most a few dozen entries: a sorted list serves it as well as a `BTreeMap`
/// and keeps the B-tree's code (several KB) out of the wasm.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(Vec<(String, Vec<String>)>);

impl Answers {
    /// No answers.
    pub fn new() -> Answers {
        Answers(Vec::new())
    }

    fn find(&self, link_id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(id, _)| id.as_str().cmp(link_id))
    }

    /// The codes given to the question `link_id`.
    pub fn get(&self, link_id: &str) -> Option<&Vec<String>> {
        self.find(link_id).ok().map(|i| &self.0[i].1)
    }

    /// Whether the question `link_id` was answered.
    pub fn contains_key(&self, link_id: &str) -> bool {
        self.find(link_id).is_ok()
    }

    /// Records the codes given to `link_id`, returning those they replace.
    pub fn insert(&mut self, link_id: String, codes: Vec<String>) -> Option<Vec<String>> {
        match self.find(&link_id) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, codes)),
            Err(i) => {
                self.0.insert(i, (link_id, codes));
                None
            }
        }
    }

    /// Forgets the answer to `link_id`, returning it.
    pub fn remove(&mut self, link_id: &str) -> Option<Vec<String>> {
        self.find(link_id).ok().map(|i| self.0.remove(i).1)
    }

    /// How many questions were answered.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing was answered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `(linkId, codes)` in `linkId` order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<String>)> {
        self.into_iter()
    }
}

impl FromIterator<(String, Vec<String>)> for Answers {
    /// Later answers to the same question replace earlier ones.
    fn from_iter<I: IntoIterator<Item = (String, Vec<String>)>>(iter: I) -> Answers {
        let mut answers = Answers::new();
        for (link_id, codes) in iter {
            answers.insert(link_id, codes);
        }
        answers
    }
}

impl std::ops::Index<&str> for Answers {
    type Output = Vec<String>;

    /// The codes given to `link_id`; like a map's index, panics if it was not answered.
    fn index(&self, link_id: &str) -> &Vec<String> {
        self.get(link_id)
            .unwrap_or_else(|| panic!("`{link_id}` was not answered"))
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = (&'a String, &'a Vec<String>);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Vec<String>)>,
        fn(&'a (String, Vec<String>)) -> (&'a String, &'a Vec<String>),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(id, codes)| (id, codes))
    }
}

/// The outcome of a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A red flag (or the under-18 stop) was answered: the card, not a result.
    RedFlag {
        /// Which card.
        urgency: Urgency,
        /// The question whose answer raised it.
        link_id: String,
    },
    /// The outcome rule the case met.
    Band {
        /// The rule's id.
        id: String,
    },
}

impl Outcome {
    /// The identifier a host may be told: the rule id, `red-flag-emergency`,
    /// `red-flag-today` or `under-18`.
    pub fn id(&self) -> String {
        match self {
            Outcome::RedFlag {
                urgency: Urgency::Under18,
                ..
            } => "under-18".to_owned(),
            Outcome::RedFlag { urgency, .. } => format!("red-flag-{}", urgency.id()),
            Outcome::Band { id } => id.clone(),
        }
    }
}

/// How one of the four signs came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignStatus {
    /// One of its clues is present.
    Fits,
    /// Its questions were answered, and none of its clues is present.
    DoesNotFit,
    /// None of its clues is present and one of its questions was answered "Not sure".
    NotSure,
}

/// A scored check, with everything the result screen explains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// The outcome.
    pub outcome: Outcome,
    /// The "soon" question answered yes or "not sure", if any: the result opens with it.
    pub soon: Option<String>,
    /// The case the outcome rule was decided on.
    pub case: Case,
    /// Indexes into [`Questionnaire::clues`] of the clues present, in file order.
    pub clues: Vec<usize>,
    /// The four signs, in order (indexes into [`Questionnaire::signs`]).
    pub signs: Vec<SignStatus>,
    /// The questionnaire's content version.
    pub content_version: String,
    /// [`SCORING_VERSION`].
    pub scoring_version: &'static str,
}

/// Whether a question is asked, given the answers so far. `enableWhen` only looks back, so
/// the earlier question's own enablement is checked first.
pub fn is_enabled(q: &Questionnaire, answers: &Answers, index: usize) -> bool {
    let item = &q.items[index];
    item.enable_when.is_empty()
        || item.enable_when.iter().any(|when| {
            is_enabled(q, answers, when.item)
                && answers
                    .get(&q.items[when.item].link_id)
                    .is_some_and(|codes| codes.contains(&when.code))
        })
}

/// The codes given to question `index`, if it is asked; codes it does not offer are
/// dropped.
fn given<'a>(q: &Questionnaire, answers: &'a Answers, index: usize) -> Vec<&'a String> {
    let item = &q.items[index];
    match answers.get(&item.link_id) {
        Some(codes) if is_enabled(q, answers, index) => codes
            .iter()
            .filter(|code| item.option(code).is_some())
            .collect(),
        _ => Vec::new(),
    }
}

/// Scores a set of answers. Answers to questions that are not enabled, and codes a
/// question does not offer, are ignored.
pub fn score(q: &Questionnaire, answers: &Answers) -> Assessment {
    let mut red_flag: Option<(Urgency, String)> = None;
    let mut soon: Option<String> = None;
    let mut unsure = 0u32;
    let answered: Vec<Vec<String>> = (0..q.items.len())
        .map(|i| given(q, answers, i).into_iter().cloned().collect())
        .collect();
    for (item, codes) in q.items.iter().zip(&answered) {
        let chosen = || item.options.iter().filter(|o| codes.contains(&o.code));
        if item.scored() {
            if chosen().any(|o| o.unsure) {
                unsure += 1;
            }
            continue;
        }
        if !chosen().any(|o| o.red_flag) {
            continue;
        }
        match item.red_flag {
            Some(Urgency::Soon) => {
                soon.get_or_insert_with(|| item.link_id.clone());
            }
            // The most urgent flag wins; among equals, the first asked.
            Some(urgency)
                if red_flag
                    .as_ref()
                    .is_none_or(|(current, _)| urgency < *current) =>
            {
                red_flag = Some((urgency, item.link_id.clone()));
            }
            Some(_) => {}
            None => {}
        }
    }

    let clues: Vec<usize> = q
        .clues
        .iter()
        .enumerate()
        .filter(|(_, clue)| clue.when.iter().all(|c| c.holds(&answered[c.item])))
        .map(|(i, _)| i)
        .collect();
    let sum = |d: Direction| clues.iter().map(|&c| q.clues[c].points(d)).sum::<u32>();
    let capped = q.cap.all.iter().all(|c| clues.contains(c))
        && !q.cap.none.iter().any(|c| clues.contains(c));
    let case = Case {
        back: sum(Direction::Back),
        hip: sum(Direction::Hip),
        knee: sum(Direction::Knee),
        unsure,
        capped,
    };
    let signs = q
        .signs
        .iter()
        .map(|sign| {
            if clues.iter().any(|&c| q.clues[c].sign == Some(sign.number)) {
                SignStatus::Fits
            } else if sign.items.iter().any(|&i| {
                q.items[i]
                    .options
                    .iter()
                    .any(|o| o.unsure && answered[i].contains(&o.code))
            }) {
                SignStatus::NotSure
            } else {
                SignStatus::DoesNotFit
            }
        })
        .collect();

    let outcome = match red_flag {
        Some((urgency, link_id)) => Outcome::RedFlag { urgency, link_id },
        None => Outcome::Band {
            id: q
                .outcomes
                .get(q.decide(&case))
                .map(|rule| rule.id.clone())
                .unwrap_or_default(),
        },
    };
    Assessment {
        outcome,
        soon,
        case,
        clues,
        signs,
        content_version: q.content_version.clone(),
        scoring_version: SCORING_VERSION,
    }
}

/// Where an outcome sits from the knee (0) to the back (2), for the two-way monotone
/// properties; red flags and the under-18 stop rank above all (3).
pub fn rank(q: &Questionnaire, outcome: &Outcome) -> usize {
    match outcome {
        Outcome::Band { id } => q.outcome(id).map_or(1, |rule| rule.lean as usize),
        Outcome::RedFlag { .. } => 3,
    }
}
