//! Every path a reader can take through a questionnaire, for review by clinicians and for
//! the property that every path ends in exactly one outcome; and the tally behind
//! `knee-check report`: how answer combinations spread over the outcomes.

use std::ops::ControlFlow;

use crate::check::scoring::{self, Answers, Assessment, Outcome};
use crate::questionnaire::model::{Case, Direction, ItemKind, Questionnaire};

/// A complete path: the answers given, in the order asked, and how it was scored.
#[derive(Clone, Debug)]
pub struct Path {
    /// `(linkId, codes)` in the order the questions were asked.
    pub steps: Vec<(String, Vec<String>)>,
    /// The scored answers.
    pub assessment: Assessment,
}

/// Calls `visit` for every reachable path, depth first in questionnaire order, taking one
/// answer of each [`Class`] on scored questions. A path ends at an interrupting red-flag
/// answer (the check stops there) or after the last enabled question.
/// Returns the number of paths.
pub fn for_each(q: &Questionnaire, mut visit: impl FnMut(&Path)) -> u64 {
    let mut count = 0;
    let _ = walk_until(q, |path| {
        visit(path);
        count += 1;
        ControlFlow::Continue(())
    });
    count
}

/// Like [`for_each`], but stops as soon as `visit` says [`ControlFlow::Break`].
pub fn walk_until(
    q: &Questionnaire,
    mut visit: impl FnMut(&Path) -> ControlFlow<()>,
) -> ControlFlow<()> {
    // Scored questions walk one answer per class (see [`classes`]): every answer set of
    // the body map alone would be thousands of paths, all judged like one of these.
    let answers_at: Vec<Vec<Vec<String>>> = (0..q.items.len())
        .map(|index| {
            if q.items[index].scored() {
                classes(q, index)
                    .into_iter()
                    .map(|class| class.codes)
                    .collect()
            } else {
                choices(q, index)
            }
        })
        .collect();
    let mut walker = Walker {
        q,
        answers_at,
        answers: Answers::new(),
        steps: Vec::new(),
    };
    walker.walk(0, &mut visit)
}

/// The state of one depth-first walk.
struct Walker<'q> {
    q: &'q Questionnaire,
    /// The answers walked on each question, by item index.
    answers_at: Vec<Vec<Vec<String>>>,
    answers: Answers,
    steps: Vec<(String, Vec<String>)>,
}

impl Walker<'_> {
    fn walk(
        &mut self,
        from: usize,
        visit: &mut impl FnMut(&Path) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let q = self.q;
        let Some(index) = (from..q.items.len()).find(|&i| scoring::is_enabled(q, &self.answers, i))
        else {
            return visit(&self.path());
        };
        let item = &q.items[index];
        for choice in 0..self.answers_at[index].len() {
            let codes = self.answers_at[index][choice].clone();
            let flagged = item.red_flag.is_some_and(|u| u.interrupts())
                && item
                    .options
                    .iter()
                    .any(|o| o.red_flag && codes.contains(&o.code));
            self.answers.insert(item.link_id.clone(), codes.clone());
            self.steps.push((item.link_id.clone(), codes));
            let flow = if flagged {
                visit(&self.path())
            } else {
                self.walk(index + 1, visit)
            };
            self.steps.pop();
            self.answers.remove(&item.link_id);
            flow?;
        }
        ControlFlow::Continue(())
    }

    fn path(&self) -> Path {
        Path {
            steps: self.steps.clone(),
            assessment: scoring::score(self.q, &self.answers),
        }
    }
}

/// The first path to each outcome, in the order found (questionnaire order). Walks until
/// every outcome of [`outcome_ids`] has one; an outcome no path reaches has none.
pub fn first_of_each(q: &Questionnaire) -> Vec<Path> {
    let wanted = outcome_ids(q);
    let mut found: Vec<Path> = Vec::new();
    let _ = walk_until(q, |path| {
        let id = path.assessment.outcome.id();
        if !found
            .iter()
            .any(|known| known.assessment.outcome.id() == id)
        {
            found.push(path.clone());
        }
        let all = wanted.iter().all(|id| {
            found
                .iter()
                .any(|known| known.assessment.outcome.id() == *id)
        });
        if all {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    found
}

/// Every outcome id the questionnaire can give: its result rules, and a card for each
/// interrupting red flag it asks about.
pub fn outcome_ids(q: &Questionnaire) -> Vec<String> {
    let cards = q
        .items
        .iter()
        .filter_map(|item| item.red_flag)
        .filter(|u| u.interrupts());
    let mut ids: Vec<String> = cards
        .map(|urgency| {
            Outcome::RedFlag {
                urgency,
                link_id: String::new(),
            }
            .id()
        })
        .chain(q.outcomes.iter().map(|rule| rule.id.clone()))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Every answer a question accepts: each option for a `Choice`; for a `Multiple`, each
/// exclusive option alone and every non-empty set of the others.
pub fn choices(q: &Questionnaire, index: usize) -> Vec<Vec<String>> {
    let item = &q.items[index];
    match item.kind {
        ItemKind::Choice => item.options.iter().map(|o| vec![o.code.clone()]).collect(),
        ItemKind::Multiple => {
            let (exclusive, others): (Vec<_>, Vec<_>) =
                item.options.iter().partition(|o| o.exclusive);
            let mut out: Vec<Vec<String>> =
                exclusive.iter().map(|o| vec![o.code.clone()]).collect();
            // Questions with more than 12 options would explode here; validation does not
            // forbid them, so cap the enumeration at the first 12 non-exclusive options.
            let n = others.len().min(12);
            for mask in 1u32..(1 << n) {
                out.push(
                    (0..n)
                        .filter(|bit| mask & (1 << bit) != 0)
                        .map(|bit| others[bit].code.clone())
                        .collect(),
                );
            }
            out
        }
    }
}

/// One answer to a question that stands for every answer with the same effect on the
/// judgement (the same clue conditions met, the same "Not sure", the same later
/// questions enabled), and how many answers it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Class {
    /// A representative answer.
    pub codes: Vec<String>,
    /// How many answers it stands for.
    pub count: u64,
    mask: u128,
    unsure: bool,
}

/// The answers the report counts for a question: each option alone. Counting every set
/// of a multiple-choice question would let a question with many options (the body map)
/// outweigh all the others; one answer per question is also how the first version's
/// figures were counted, so the two compare. Combinations within one question are
/// covered by the written cases and the property tests instead.
fn counted_answers(q: &Questionnaire, index: usize) -> Vec<Vec<String>> {
    q.items[index]
        .options
        .iter()
        .map(|o| vec![o.code.clone()])
        .collect()
}

/// The conditions of every clue, numbered in file order: the bits of a mask.
fn conditions(q: &Questionnaire) -> Vec<(usize, usize)> {
    q.clues
        .iter()
        .enumerate()
        .flat_map(|(c, clue)| (0..clue.when.len()).map(move |w| (c, w)))
        .collect()
}

/// The counted answers of a scored question, grouped by their effect.
pub fn classes(q: &Questionnaire, index: usize) -> Vec<Class> {
    let conds = conditions(q);
    let item = &q.items[index];
    let enabling: Vec<&str> = q
        .items
        .iter()
        .flat_map(|later| later.enable_when.iter())
        .filter(|when| when.item == index)
        .map(|when| when.code.as_str())
        .collect();
    let mut out: Vec<(Vec<&str>, Class)> = Vec::new();
    for codes in counted_answers(q, index) {
        let mut mask = 0u128;
        for (bit, &(c, w)) in conds.iter().enumerate().take(128) {
            let condition = &q.clues[c].when[w];
            if condition.item == index && condition.holds(&codes) {
                mask |= 1 << bit;
            }
        }
        let unsure = item
            .options
            .iter()
            .any(|o| o.unsure && codes.contains(&o.code));
        let enables: Vec<&str> = enabling
            .iter()
            .copied()
            .filter(|code| codes.iter().any(|c| c == code))
            .collect();
        match out
            .iter_mut()
            .find(|(e, class)| class.mask == mask && class.unsure == unsure && *e == enables)
        {
            Some((_, class)) => class.count += 1,
            None => out.push((
                enables,
                Class {
                    codes,
                    count: 1,
                    mask,
                    unsure,
                },
            )),
        }
    }
    out.into_iter().map(|(_, class)| class).collect()
}

/// What `knee-check report` prints: how the counted answer combinations of an adult
/// with no red flag spread over the outcomes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Answer combinations counted.
    pub total: u64,
    /// Combinations per outcome id, in the file's order.
    pub per_outcome: Vec<(String, u64)>,
    /// Combinations whose clues point only to the knee (at least one), per outcome.
    pub knee_stories: Vec<(String, u64)>,
    /// Combinations whose clues point only to the back (at least one), per outcome.
    pub back_stories: Vec<(String, u64)>,
}

/// Counts every combination of counted answers to the scored questions (see
/// [`classes`]), judged the way [`scoring::score`] judges them. `None` when the file has
/// more clue conditions than the count can follow (128).
pub fn tally(q: &Questionnaire) -> Option<Tally> {
    let conds = conditions(q);
    if conds.len() > 128 {
        return None;
    }
    let clue_masks: Vec<u128> = q
        .clues
        .iter()
        .enumerate()
        .map(|(c, _)| {
            conds
                .iter()
                .enumerate()
                .filter(|(_, &(cc, _))| cc == c)
                .fold(0u128, |m, (bit, _)| m | 1 << bit)
        })
        .collect();
    let scored: Vec<usize> = (0..q.items.len())
        .filter(|&i| q.items[i].scored())
        .collect();
    let per_item: Vec<Vec<Class>> = scored.iter().map(|&i| classes(q, i)).collect();
    let ids: Vec<String> = q.outcomes.iter().map(|r| r.id.clone()).collect();
    let mut tally = Tally {
        total: 0,
        per_outcome: ids.iter().map(|id| (id.clone(), 0)).collect(),
        knee_stories: ids.iter().map(|id| (id.clone(), 0)).collect(),
        back_stories: ids.iter().map(|id| (id.clone(), 0)).collect(),
    };
    // What unscored questions were answered: the first answer that raises nothing.
    let mut chosen: Vec<Option<Vec<String>>> = q
        .items
        .iter()
        .map(|item| {
            (!item.scored()).then(|| {
                item.options
                    .iter()
                    .find(|o| !o.red_flag)
                    .map(|o| vec![o.code.clone()])
                    .unwrap_or_default()
            })
        })
        .collect();
    let mut leaf = |mask: u128, unsure: u32, count: u64| {
        let present: Vec<usize> = (0..q.clues.len())
            .filter(|&c| mask & clue_masks[c] == clue_masks[c])
            .collect();
        let sum = |d: Direction| present.iter().map(|&c| q.clues[c].points(d)).sum::<u32>();
        let case = Case {
            back: sum(Direction::Back),
            hip: sum(Direction::Hip),
            knee: sum(Direction::Knee),
            unsure,
            capped: q.cap.all.iter().all(|c| present.contains(c))
                && !q.cap.none.iter().any(|c| present.contains(c)),
        };
        let rule = q.decide(&case);
        tally.total += count;
        tally.per_outcome[rule].1 += count;
        let points = |d: Direction| present.iter().any(|&c| q.clues[c].points(d) > 0);
        if points(Direction::Knee) && !points(Direction::Back) {
            tally.knee_stories[rule].1 += count;
        }
        if points(Direction::Back) && !points(Direction::Knee) {
            tally.back_stories[rule].1 += count;
        }
    };
    count_from(q, &scored, &per_item, 0, &mut chosen, 0, 0, 1, &mut leaf);
    Some(tally)
}

/// Walks the scored questions from `at`, skipping those not enabled.
#[allow(clippy::too_many_arguments)]
fn count_from(
    q: &Questionnaire,
    scored: &[usize],
    per_item: &[Vec<Class>],
    at: usize,
    chosen: &mut Vec<Option<Vec<String>>>,
    mask: u128,
    unsure: u32,
    count: u64,
    leaf: &mut impl FnMut(u128, u32, u64),
) {
    let Some(&index) = scored.get(at) else {
        leaf(mask, unsure, count);
        return;
    };
    if !enabled(q, chosen, index) {
        count_from(
            q,
            scored,
            per_item,
            at + 1,
            chosen,
            mask,
            unsure,
            count,
            leaf,
        );
        return;
    }
    for class in &per_item[at] {
        chosen[index] = Some(class.codes.clone());
        count_from(
            q,
            scored,
            per_item,
            at + 1,
            chosen,
            mask | class.mask,
            unsure + u32::from(class.unsure),
            count.saturating_mul(class.count),
            leaf,
        );
    }
    chosen[index] = None;
}

fn enabled(q: &Questionnaire, chosen: &[Option<Vec<String>>], index: usize) -> bool {
    let item = &q.items[index];
    item.enable_when.is_empty()
        || item.enable_when.iter().any(|when| {
            enabled(q, chosen, when.item)
                && chosen[when.item]
                    .as_ref()
                    .is_some_and(|codes| codes.contains(&when.code))
        })
}
