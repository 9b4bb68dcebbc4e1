//! Every path a reader can take through a questionnaire, for review by clinicians and for
//! the property that every path ends in exactly one outcome.

use crate::check::scoring::{self, Answers, Assessment};
use crate::questionnaire::model::{ItemKind, Questionnaire};

/// A complete path: the answers given, in the order asked, and how it was scored.
#[derive(Clone, Debug)]
pub struct Path {
    /// `(linkId, codes)` in the order the questions were asked.
    pub steps: Vec<(String, Vec<String>)>,
    /// The scored answers.
    pub assessment: Assessment,
}

/// Calls `visit` for every reachable path, depth first in questionnaire order. A path ends
/// at a red-flag answer (the check stops there) or after the last enabled question.
/// Returns the number of paths.
pub fn for_each(q: &Questionnaire, mut visit: impl FnMut(&Path)) -> u64 {
    let mut answers = Answers::new();
    let mut steps = Vec::new();
    walk(q, 0, &mut answers, &mut steps, &mut visit)
}

fn walk(
    q: &Questionnaire,
    from: usize,
    answers: &mut Answers,
    steps: &mut Vec<(String, Vec<String>)>,
    visit: &mut impl FnMut(&Path),
) -> u64 {
    let Some(index) = (from..q.items.len()).find(|&i| scoring::is_enabled(q, answers, i)) else {
        visit(&Path {
            steps: steps.clone(),
            assessment: scoring::score(q, answers),
        });
        return 1;
    };
    let item = &q.items[index];
    let mut count = 0;
    for codes in choices(q, index) {
        let flagged = item
            .options
            .iter()
            .any(|o| o.red_flag && codes.contains(&o.code));
        answers.insert(item.link_id.clone(), codes.clone());
        steps.push((item.link_id.clone(), codes));
        if flagged {
            visit(&Path {
                steps: steps.clone(),
                assessment: scoring::score(q, answers),
            });
            count += 1;
        } else {
            count += walk(q, index + 1, answers, steps, visit);
        }
        steps.pop();
        answers.remove(&item.link_id);
    }
    count
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
