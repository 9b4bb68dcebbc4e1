//! The checked questionnaire: what every other part of the product reads.
//!
//! A [`Questionnaire`] can only be made by [`crate::questionnaire::validate::load`] (or read
//! back by `compact` from what `validate` checked), so code holding one may rely on its
//! invariants: every string exists in every language, link ids are unique, `enableWhen`
//! only looks back, the age question and the red-flag questions come first, every clue
//! and sign refers to questions and answers that exist, and the outcome rules give every
//! case of the score space exactly one outcome, two-way monotone (see [`Case`]).

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

/// Why a question can stop or flag the check, most urgent first. The derived order is
/// the order in which one wins over another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Urgency {
    /// Call the emergency number or go to the emergency department now.
    Emergency,
    /// Contact a doctor or urgent care today.
    Today,
    /// The reader is under 18: the check is for adults; a doctor should look soon.
    Under18,
    /// See a doctor within a few days. Does not interrupt: the result opens with it.
    Soon,
}

impl Urgency {
    /// The identifier used in files (`redFlag`) and reports.
    pub fn id(self) -> &'static str {
        match self {
            Urgency::Emergency => "emergency",
            Urgency::Today => "today",
            Urgency::Under18 => "under18",
            Urgency::Soon => "soon",
        }
    }

    /// Whether answering it stops the check with a card of its own.
    pub fn interrupts(self) -> bool {
        self != Urgency::Soon
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

/// The three directions evidence can point in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The lower back (nerve roots, mainly L3 and L4).
    Back,
    /// The hip.
    Hip,
    /// The knee itself.
    Knee,
}

/// Where an outcome sits between "the knee" and "the back", for the two-way monotone rule:
/// one more back-pointing answer never moves a result to a lower lean, one more
/// knee-pointing answer never to a higher one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Lean {
    /// Points to the knee itself.
    Knee,
    /// Neither way (mixed, hip, can't tell).
    Neither,
    /// Points to the back.
    Back,
}

impl Lean {
    /// The identifier used in files.
    pub fn id(self) -> &'static str {
        match self {
            Lean::Knee => "knee",
            Lean::Neither => "neither",
            Lean::Back => "back",
        }
    }
}

/// A validated questionnaire.
#[derive(Clone, Debug, PartialEq)]
pub struct Questionnaire {
    /// A stable identifier.
    pub id: String,
    /// The content version a result names.
    pub content_version: String,
    /// The named clinical review, if there has been one.
    pub review: Option<Review>,
    /// The check's title.
    pub title: Text,
    /// The questions in the order asked: the age question and red flags first.
    pub items: Vec<Item>,
    /// The four signs of the source article, numbered 1 to 4.
    pub signs: Vec<Sign>,
    /// The findings answers can make, each pointing in one or more directions.
    pub clues: Vec<Clue>,
    /// Strong knee evidence: when it holds, no rule with `capped: false` applies.
    pub cap: KneeCap,
    /// The outcome rules; every case of the score space meets exactly one.
    pub outcomes: Vec<OutcomeRule>,
    /// The cards: emergency, today, under 18, and the "soon" advice on the result.
    pub cards: Cards,
    /// Signs to watch for from now on, each with how fast to act (every result).
    pub safety_net: Vec<Text>,
    /// What to do meanwhile (every result).
    pub meanwhile: Vec<Text>,
}

/// A named clinical review of the content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Who reviewed it, with their profession.
    pub reviewer: String,
}

/// One question.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Unique identifier (FHIR `linkId`).
    pub link_id: String,
    /// One answer or several.
    pub kind: ItemKind,
    /// The answers are body regions with stable codes, drawn as a body map where the
    /// widget can (always a real checkbox group underneath).
    pub body_map: bool,
    /// The question.
    pub text: Text,
    /// A hint under the question.
    pub hint: Option<Text>,
    /// A list shown with the question.
    pub bullets: Vec<Text>,
    /// Set for the age question (`Under18`) and the red-flag questions.
    pub red_flag: Option<Urgency>,
    /// The answers offered.
    pub options: Vec<AnswerOption>,
    /// Ask only when any of these earlier answers was given; empty means always.
    pub enable_when: Vec<EnableWhen>,
}

impl Item {
    /// The option with this code.
    pub fn option(&self, code: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|option| option.code == code)
    }

    /// Whether the question's answers feed the judgement (not the age or a red flag).
    pub fn scored(&self) -> bool {
        self.red_flag.is_none()
    }
}

/// One answer to a question.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerOption {
    /// Unique within its question; for a body map, the region's stable code.
    pub code: String,
    /// As shown.
    pub text: Text,
    /// Choosing it raises its question's red flag (or the under-18 stop).
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

/// One of the four signs of the source article.
#[derive(Clone, Debug, PartialEq)]
pub struct Sign {
    /// 1 to 4.
    pub number: u8,
    /// Its name in the result.
    pub name: Text,
    /// Why it matters, in plain words.
    pub why: Text,
    /// Indexes of the questions that ask about it: a "Not sure" there makes the sign
    /// "not sure" unless one of its clues was found.
    pub items: Vec<usize>,
}

/// A finding: present when every one of its conditions holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Clue {
    /// Identifier.
    pub id: String,
    /// The sign it belongs to (1 to 4), if any.
    pub sign: Option<u8>,
    /// Points toward the back.
    pub back: u32,
    /// Points toward the hip.
    pub hip: u32,
    /// Points toward the knee.
    pub knee: u32,
    /// All must hold.
    pub when: Vec<Condition>,
    /// What the reader said, in plain words, for the result's "why".
    pub text: Text,
}

impl Clue {
    /// The directions it points in.
    pub fn points(&self, direction: Direction) -> u32 {
        match direction {
            Direction::Back => self.back,
            Direction::Hip => self.hip,
            Direction::Knee => self.knee,
        }
    }
}

/// A condition on one question's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    /// Index of the question.
    pub item: usize,
    /// The answer codes.
    pub codes: Vec<String>,
    /// `false`: any of `codes` was given. `true`: the question was answered and every
    /// answer given is one of `codes` (for example "only knee regions").
    pub only: bool,
}

impl Condition {
    /// Whether the answer `given` to its question meets it.
    pub fn holds(&self, given: &[String]) -> bool {
        if self.only {
            !given.is_empty() && given.iter().all(|code| self.codes.contains(code))
        } else {
            given.iter().any(|code| self.codes.contains(code))
        }
    }
}

/// Strong knee evidence: every clue of `all` present and none of `none`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct KneeCap {
    /// Clue indexes that must all be present.
    pub all: Vec<usize>,
    /// Clue indexes of which none may be present.
    pub none: Vec<usize>,
}

/// A point of the score space: what an outcome rule is decided on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Case {
    /// Points toward the back.
    pub back: u32,
    /// Points toward the hip.
    pub hip: u32,
    /// Points toward the knee.
    pub knee: u32,
    /// Scored questions answered "Not sure".
    pub unsure: u32,
    /// Whether the knee cap holds.
    pub capped: bool,
}

impl Case {
    /// Back points minus knee points.
    pub fn lean(&self) -> i64 {
        i64::from(self.back) - i64::from(self.knee)
    }
}

/// A box of the score space; every bound is inclusive and optional.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Region {
    /// Back points at least / at most.
    pub back: (Option<i64>, Option<i64>),
    /// Hip points at least / at most.
    pub hip: (Option<i64>, Option<i64>),
    /// Back minus knee points at least / at most.
    pub lean: (Option<i64>, Option<i64>),
    /// "Not sure" answers at least / at most.
    pub unsure: (Option<i64>, Option<i64>),
    /// The knee cap must hold (`Some(true)`) or not hold (`Some(false)`).
    pub capped: Option<bool>,
}

fn within(value: i64, (min, max): (Option<i64>, Option<i64>)) -> bool {
    min.is_none_or(|min| value >= min) && max.is_none_or(|max| value <= max)
}

impl Region {
    /// Whether `case` lies in the box.
    pub fn contains(&self, case: &Case) -> bool {
        within(i64::from(case.back), self.back)
            && within(i64::from(case.hip), self.hip)
            && within(case.lean(), self.lean)
            && within(i64::from(case.unsure), self.unsure)
            && self.capped.is_none_or(|capped| capped == case.capped)
    }
}

/// An outcome and the rule that leads to it.
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeRule {
    /// Identifier, the only thing hosts are told.
    pub id: String,
    /// Where it sits between the knee and the back.
    pub lean: Lean,
    /// The case lies in any of these boxes.
    pub when: Vec<Region>,
    /// Applies to every case no other rule covers (at most one rule).
    pub otherwise: bool,
    /// The result heading.
    pub heading: Text,
    /// Two sentences under it.
    pub summary: Text,
    /// What to do next: the kind of evaluation.
    pub next_step: Text,
    /// What that evaluation may include.
    pub evaluation: Vec<Text>,
}

/// A card's heading and body.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Heading: the action.
    pub heading: Text,
    /// What to do, and why.
    pub body: Text,
}

/// Every card's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Cards {
    /// Emergency: call the emergency number now.
    pub emergency: Card,
    /// Today: contact a doctor or urgent care today.
    pub today: Card,
    /// Under 18.
    pub under18: Card,
    /// See a doctor within a few days: opens the result.
    pub soon: Card,
}

impl Questionnaire {
    /// The index of the question with this `linkId`.
    pub fn item_index(&self, link_id: &str) -> Option<usize> {
        self.items.iter().position(|item| item.link_id == link_id)
    }

    /// The outcome rule with this id.
    pub fn outcome(&self, id: &str) -> Option<&OutcomeRule> {
        self.outcomes.iter().find(|rule| rule.id == id)
    }

    /// The card for an urgency.
    pub fn card(&self, urgency: Urgency) -> &Card {
        match urgency {
            Urgency::Emergency => &self.cards.emergency,
            Urgency::Today => &self.cards.today,
            Urgency::Under18 => &self.cards.under18,
            Urgency::Soon => &self.cards.soon,
        }
    }

    /// The index of the rule a case meets: the first rule whose boxes contain it, else
    /// the `otherwise` rule. Validation guarantees exactly one applies.
    pub fn decide(&self, case: &Case) -> usize {
        self.outcomes
            .iter()
            .position(|rule| !rule.otherwise && rule.when.iter().any(|r| r.contains(case)))
            .or_else(|| self.outcomes.iter().position(|rule| rule.otherwise))
            .unwrap_or(0)
    }

    /// The most points each direction can reach, and the number of scored questions:
    /// the bounds of the score space.
    pub fn bounds(&self) -> Case {
        let sum = |d: Direction| self.clues.iter().map(|c| c.points(d)).sum();
        Case {
            back: sum(Direction::Back),
            hip: sum(Direction::Hip),
            knee: sum(Direction::Knee),
            unsure: self.items.iter().filter(|i| i.scored()).count() as u32,
            capped: true,
        }
    }
}
