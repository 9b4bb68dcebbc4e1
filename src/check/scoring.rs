//! Scoring: what a set of answers adds up to, and why.
//!
//! The model is deliberately simple enough to explain on the result screen. Each answer
//! carries a weight toward one factor (one of the four signs, or a context finding). A
//! factor matches when its answers' weights reach its threshold, and a matched factor adds
//! its points to the total. The total falls in one outcome band; a band may require one of
//! some factors to have matched, else the next lower band applies. Any red-flag answer
//! overrides all of it. There are no percentages: the widget never pretends to know a
//! probability it does not.
//!
//! Weights are never negative and bands are ordered, so giving a further answer that
//! points to the back can never lower the outcome (a property test holds this).

use crate::questionnaire::model::{Questionnaire, Urgency};

/// The version of this scoring model, named in every result next to the content version.
pub const SCORING_VERSION: &str = "1";

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
    /// A red flag was answered: stop and seek care.
    RedFlag {
        /// How soon.
        urgency: Urgency,
        /// The question whose answer raised it.
        link_id: String,
    },
    /// The outcome band the total fell in.
    Band {
        /// The band's id.
        id: String,
    },
}

impl Outcome {
    /// The identifier a host may be told: the band id, or `red-flag-emergency` /
    /// `red-flag-urgent`.
    pub fn id(&self) -> String {
        match self {
            Outcome::RedFlag { urgency, .. } => format!("red-flag-{}", urgency.id()),
            Outcome::Band { id } => id.clone(),
        }
    }
}

/// How one factor came out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorResult {
    /// Index into [`Questionnaire::factors`].
    pub factor: usize,
    /// The factor's id: the key of its explanation.
    pub id: String,
    /// The sum of the weights of the answers that feed it.
    pub weight: u32,
    /// Whether the weight reached the factor's threshold.
    pub matched: bool,
}

/// A scored check, with everything the result screen explains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// The outcome.
    pub outcome: Outcome,
    /// Every factor, in questionnaire order, matched or not.
    pub factors: Vec<FactorResult>,
    /// The sum of matched factors' points.
    pub total: u32,
    /// How many answers were "Not sure".
    pub unsure: u32,
    /// Whether the questionnaire's unsure note applies.
    pub show_unsure_note: bool,
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

/// Scores a set of answers. Answers to questions that are not enabled, and codes a
/// question does not offer, are ignored.
pub fn score(q: &Questionnaire, answers: &Answers) -> Assessment {
    let mut weights = vec![0u32; q.factors.len()];
    let mut unsure = 0u32;
    let mut red_flag: Option<(Urgency, String)> = None;

    for (index, item) in q.items.iter().enumerate() {
        let Some(codes) = answers.get(&item.link_id) else {
            continue;
        };
        if !is_enabled(q, answers, index) {
            continue;
        }
        for option in item.options.iter().filter(|o| codes.contains(&o.code)) {
            if option.unsure {
                unsure += 1;
            }
            if option.red_flag {
                let urgency = item.red_flag.unwrap_or(Urgency::Emergency);
                // The most urgent flag wins; among equals, the first asked.
                let replace = match &red_flag {
                    None => true,
                    Some((current, _)) => {
                        *current == Urgency::Urgent && urgency == Urgency::Emergency
                    }
                };
                if replace {
                    red_flag = Some((urgency, item.link_id.clone()));
                }
            }
            if let Some(factor) = item.factor {
                weights[factor] = weights[factor].saturating_add(option.weight);
            }
        }
    }

    let factors: Vec<FactorResult> = q
        .factors
        .iter()
        .enumerate()
        .map(|(i, factor)| FactorResult {
            factor: i,
            id: factor.id.clone(),
            weight: weights[i],
            matched: weights[i] >= factor.threshold,
        })
        .collect();
    let total: u32 = factors
        .iter()
        .filter(|f| f.matched)
        .map(|f| q.factors[f.factor].points)
        .sum();

    let outcome = match red_flag {
        Some((urgency, link_id)) => Outcome::RedFlag { urgency, link_id },
        None => Outcome::Band {
            id: band_for(q, total, &factors),
        },
    };
    let show_unsure_note = matches!(outcome, Outcome::Band { .. })
        && q.unsure_note
            .as_ref()
            .is_some_and(|note| unsure >= note.min_unsure);

    Assessment {
        outcome,
        factors,
        total,
        unsure,
        show_unsure_note,
        content_version: q.content_version.clone(),
        scoring_version: SCORING_VERSION,
    }
}

/// The band a total falls in, stepping down while a band's required factors are unmatched.
/// Validation guarantees the bands cover every total once and the lowest requires nothing.
fn band_for(q: &Questionnaire, total: u32, factors: &[FactorResult]) -> String {
    let start = q
        .outcomes
        .iter()
        .rposition(|band| band.min <= total && total <= band.max)
        .unwrap_or(0);
    q.outcomes[..=start]
        .iter()
        .rev()
        .find(|band| {
            band.requires_any_factor.is_empty()
                || band.requires_any_factor.iter().any(|&f| factors[f].matched)
        })
        .or(q.outcomes.first())
        .map(|band| band.id.clone())
        .unwrap_or_default()
}

/// The rank of an outcome from least to most pointing to the back, for comparisons:
/// bands by their order, red flags above all.
pub fn rank(q: &Questionnaire, outcome: &Outcome) -> usize {
    match outcome {
        Outcome::Band { id } => q.outcomes.iter().position(|b| &b.id == id).unwrap_or(0),
        Outcome::RedFlag { .. } => q.outcomes.len(),
    }
}
