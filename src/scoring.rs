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

use std::collections::BTreeMap;

use crate::model::{Questionnaire, Urgency};

/// The version of this scoring model, named in every result next to the content version.
pub const SCORING_VERSION: &str = "1";

/// A reader's answers: answer codes by question `linkId`.
pub type Answers = BTreeMap<String, Vec<String>>;

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
