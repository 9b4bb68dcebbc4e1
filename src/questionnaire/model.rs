//! The checked questionnaire: what every other part of the product reads.
//!
//! A [`Questionnaire`] can only be made by [`crate::questionnaire::validate::load`], so code holding one
//! may rely on its invariants: every string exists in every language, link ids are unique,
//! `enableWhen` only looks back, factor references resolve, red-flag questions come
//! first, and the outcome bands cover every reachable total exactly once.

use crate::lang::Lang;

/// A string in every supported language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub(crate) en: String,
    pub(crate) es: String,
}

impl Text {
    /// The string in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }
}

/// How urgent a red flag is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Urgency {
    /// Go to an emergency department or call the emergency number now.
    Emergency,
    /// Get medical care today.
    Urgent,
}

impl Urgency {
    /// The identifier used in files and reports.
    pub fn id(self) -> &'static str {
        match self {
            Urgency::Emergency => "emergency",
            Urgency::Urgent => "urgent",
        }
    }
}

/// Whether a question takes one answer or several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// Pick exactly one (radio buttons).
    Choice,
    /// Pick one or more (checkboxes).
    Multiple,
}

/// A validated questionnaire.
#[derive(Clone, Debug, PartialEq)]
pub struct Questionnaire {
    /// A stable identifier.
    pub id: String,
    /// The content version a result names.
    pub content_version: String,
    /// When a clinician last reviewed the content.
    pub reviewed: String,
    /// The check's title.
    pub title: Text,
    /// The questions in the order asked; red-flag questions first.
    pub items: Vec<Item>,
    /// The factors answers add up to.
    pub factors: Vec<Factor>,
    /// Outcome bands, sorted from the lowest total to the highest.
    pub outcomes: Vec<OutcomeBand>,
    /// The emergency interruption's text.
    pub emergency: RedFlagText,
    /// The same-day interruption's text.
    pub urgent: RedFlagText,
    /// What an evaluation may include.
    pub evaluation: Vec<Text>,
    /// The caution shown after many "Not sure" answers.
    pub unsure_note: Option<UnsureNote>,
}

/// One question.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Unique identifier (FHIR `linkId`).
    pub link_id: String,
    /// One answer or several.
    pub kind: ItemKind,
    /// The question.
    pub text: Text,
    /// A hint under the question.
    pub hint: Option<Text>,
    /// A list shown with the question.
    pub bullets: Vec<Text>,
    /// Set for red-flag questions.
    pub red_flag: Option<Urgency>,
    /// Index into [`Questionnaire::factors`] of the factor this question feeds.
    pub factor: Option<usize>,
    /// The answers offered.
    pub options: Vec<AnswerOption>,
    /// Ask only when any of these earlier answers was given; empty means always.
    pub enable_when: Vec<EnableWhen>,
}

/// One answer to a question.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerOption {
    /// Unique within its question.
    pub code: String,
    /// As shown.
    pub text: Text,
    /// What it adds to the question's factor.
    pub weight: u32,
    /// Choosing it interrupts the check.
    pub red_flag: bool,
    /// A "Not sure" answer.
    pub unsure: bool,
    /// Clears the other answers of a `Multiple` question.
    pub exclusive: bool,
}

/// A condition on an earlier answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnableWhen {
    /// Index of the earlier question.
    pub item: usize,
    /// The answer code that enables the question.
    pub code: String,
}

/// One of the four signs, or a context finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Factor {
    /// Identifier, reported as the explanation key.
    pub id: String,
    /// 1 to 4 for the four signs of the source article; `None` for context.
    pub sign: Option<u8>,
    /// Points added to the total when matched.
    pub points: u32,
    /// The weight needed to match.
    pub threshold: u32,
    /// Name in the result checklist.
    pub name: Text,
    /// Why it matters.
    pub why: Text,
}

/// An outcome band.
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeBand {
    /// Identifier, the only thing hosts are told.
    pub id: String,
    /// Lowest total, inclusive.
    pub min: u32,
    /// Highest total, inclusive.
    pub max: u32,
    /// Indexes of factors of which one must match to reach this band.
    pub requires_any_factor: Vec<usize>,
    /// The result heading.
    pub heading: Text,
    /// The explanation.
    pub body: Text,
}

/// A red-flag interruption's text.
#[derive(Clone, Debug, PartialEq)]
pub struct RedFlagText {
    /// Card heading.
    pub heading: Text,
    /// What to do.
    pub body: Text,
}

/// The caution for many "Not sure" answers.
#[derive(Clone, Debug, PartialEq)]
pub struct UnsureNote {
    /// Shown at this many "Not sure" answers or more.
    pub min_unsure: u32,
    /// The note.
    pub text: Text,
}

impl Questionnaire {
    /// The index of the question with this `linkId`.
    pub fn item_index(&self, link_id: &str) -> Option<usize> {
        self.items.iter().position(|item| item.link_id == link_id)
    }

    /// The outcome band with this id.
    pub fn band(&self, id: &str) -> Option<&OutcomeBand> {
        self.outcomes.iter().find(|band| band.id == id)
    }

    /// The interruption text for an urgency.
    pub fn red_flag_text(&self, urgency: Urgency) -> &RedFlagText {
        match urgency {
            Urgency::Emergency => &self.emergency,
            Urgency::Urgent => &self.urgent,
        }
    }

    /// The highest total the factors can add up to.
    pub fn max_total(&self) -> u32 {
        self.factors.iter().map(|factor| factor.points).sum()
    }
}

impl Item {
    /// The option with this code.
    pub fn option(&self, code: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|option| option.code == code)
    }
}
