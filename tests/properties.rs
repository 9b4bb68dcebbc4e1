//! Properties of the engine that must hold for every reader and every file: every reader
//! ends in one outcome, red flags always win in tier order, one more back-pointing answer
//! never moves the result toward the knee (and one more knee-pointing answer never toward
//! the back), "can't tell" comes exactly when the rule says, scoring is deterministic, and
//! the loader never panics and round-trips.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use knee_check::check::paths;
use knee_check::check::scoring::{self, Answers, Outcome};
use knee_check::check::session::{Action, Screen, Session};
use knee_check::questionnaire::builtin::{self, KNEE_OR_BACK_JSON};
use knee_check::questionnaire::compact;
use knee_check::questionnaire::model::{Item, ItemKind, Questionnaire};
use knee_check::questionnaire::validate;
use proptest::prelude::*;
use serde_json::Value;

fn q() -> Questionnaire {
    builtin::knee_or_back().expect("the default questionnaire is valid")
}

fn one(code: &str) -> Vec<String> {
    vec![code.to_owned()]
}

// --- random readers -----------------------------------------------------------------------

/// For each question, a pick: an index into its options, and a bit set choosing more
/// options of a multiple-choice question.
fn raw_answers() -> impl Strategy<Value = Vec<(usize, u32)>> {
    prop::collection::vec((0usize..16, any::<u32>()), 14)
}

/// One answer from a pick: a `Choice` takes one option; a `Multiple` takes the picked
/// option, and if it is not exclusive, every other non-exclusive option whose bit is set
/// in a sparse mask (most readers tick one to three).
fn answer(item: &Item, (pick, bits): (usize, u32)) -> Vec<String> {
    let first = &item.options[pick % item.options.len()];
    if item.kind == ItemKind::Choice || first.exclusive {
        return one(&first.code);
    }
    item.options
        .iter()
        .enumerate()
        .filter(|(i, o)| {
            o.code == first.code
                || (!o.exclusive
                    && bits & (1 << (i % 32)) != 0
                    && bits & (1 << ((i + 7) % 32)) != 0)
        })
        .map(|(_, o)| o.code.clone())
        .collect()
}

/// A complete set of answers of an adult with no red flag, from raw picks.
fn build(q: &Questionnaire, raw: &[(usize, u32)]) -> Answers {
    q.items
        .iter()
        .zip(raw)
        .map(|(item, &pick)| {
            let codes = if item.scored() {
                answer(item, pick)
            } else {
                let calm = item
                    .options
                    .iter()
                    .find(|o| !o.red_flag)
                    .expect("a calm answer");
                one(&calm.code)
            };
            (item.link_id.clone(), codes)
        })
        .collect()
}

/// Which directions the clues that mention `code` of question `item` point in.
fn directions(q: &Questionnaire, item: usize, code: &str) -> (bool, bool) {
    let mut back = false;
    let mut knee = false;
    for clue in &q.clues {
        if clue
            .when
            .iter()
            .any(|c| c.item == item && c.codes.iter().any(|k| k == code))
        {
            back |= clue.back > 0;
            knee |= clue.knee > 0;
        }
    }
    (back, knee)
}

/// Answers with one more answer of the given direction on question `which`, if the
/// question allows one without taking a "Not sure" or another pointing answer away:
/// added to a multiple-choice answer (replacing an exclusive "None of these"), or in
/// place of a choice answer that feeds no clue.
fn one_more(
    q: &Questionnaire,
    answers: &Answers,
    which: usize,
    pick: usize,
    toward_back: bool,
) -> Option<Answers> {
    let item = &q.items[which];
    if !item.scored() {
        return None;
    }
    let current = answers.get(&item.link_id)?.clone();
    if current
        .iter()
        .any(|c| item.option(c).is_some_and(|o| o.unsure))
    {
        return None;
    }
    let pointing: Vec<&str> = item
        .options
        .iter()
        .filter(|o| {
            let (back, knee) = directions(q, which, &o.code);
            if toward_back {
                back && !knee
            } else {
                knee && !back
            }
        })
        .filter(|o| !current.contains(&o.code))
        .map(|o| o.code.as_str())
        .collect();
    let code = *pointing.get(pick % pointing.len().max(1))?;
    let next = match item.kind {
        ItemKind::Multiple => {
            let mut codes: Vec<String> = current
                .into_iter()
                .filter(|c| item.option(c).is_some_and(|o| !o.exclusive))
                .collect();
            codes.push(code.to_owned());
            codes
        }
        ItemKind::Choice => {
            let (back, knee) = directions(q, which, &current[0]);
            if back || knee {
                return None;
            }
            one(code)
        }
    };
    let mut more = answers.clone();
    more.insert(item.link_id.clone(), next);
    Some(more)
}

/// The "Not sure" count at which the file's `cant-tell` rule starts.
fn cant_tell_from(q: &Questionnaire) -> u32 {
    let rule = q.outcome("cant-tell").expect("a cant-tell rule");
    rule.when[0].unsure.0.expect("an unsure bound") as u32
}

/// Cases per property: 256 in `make test`; set `KNEE_CHECK_FUZZ_CASES` for longer runs
/// (README, "Privacy and security").
fn fuzz_cases() -> u32 {
    std::env::var("KNEE_CHECK_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

fn tier_answer() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("no"), Just("yes"), Just("unsure")]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(fuzz_cases()))]

    #[test]
    fn every_reader_ends_in_exactly_one_known_outcome(raw in raw_answers()) {
        let q = q();
        let a = scoring::score(&q, &build(&q, &raw));
        let matching = q
            .outcomes
            .iter()
            .filter(|r| !r.otherwise && r.when.iter().any(|b| b.contains(&a.case)))
            .count();
        prop_assert!(matching <= 1, "{:?} meets {matching} rules", a.case);
        prop_assert!(q.outcome(&a.outcome.id()).is_some(), "{}", a.outcome.id());
    }

    #[test]
    fn a_red_flag_always_wins_in_tier_order(
        raw in raw_answers(),
        emergency in tier_answer(),
        today in tier_answer(),
        soon in tier_answer(),
        young in any::<bool>(),
    ) {
        let q = q();
        let mut answers = build(&q, &raw);
        answers.insert("rf-emergency".into(), one(emergency));
        answers.insert("rf-today".into(), one(today));
        answers.insert("rf-soon".into(), one(soon));
        if young {
            answers.insert("age".into(), one("under-18"));
        }
        let a = scoring::score(&q, &answers);
        let calm = scoring::score(&q, &build(&q, &raw));
        // "Not sure" acts like yes; the soon tier never interrupts.
        let expected = if emergency != "no" {
            "red-flag-emergency".to_owned()
        } else if today != "no" {
            "red-flag-today".to_owned()
        } else if young {
            "under-18".to_owned()
        } else {
            calm.outcome.id()
        };
        prop_assert_eq!(a.outcome.id(), expected);
        prop_assert_eq!(a.soon.is_some(), soon != "no");
        if matches!(a.outcome, Outcome::RedFlag { .. }) {
            prop_assert_eq!(scoring::rank(&q, &a.outcome), 3);
        }
    }

    #[test]
    fn one_more_back_pointing_answer_never_moves_the_result_toward_the_knee(
        raw in raw_answers(),
        which in 0usize..14,
        pick in 0usize..16,
    ) {
        let q = q();
        let answers = build(&q, &raw);
        let Some(more) = one_more(&q, &answers, which, pick, true) else {
            return Ok(());
        };
        let before = scoring::score(&q, &answers);
        let after = scoring::score(&q, &more);
        prop_assert!(
            scoring::rank(&q, &after.outcome) >= scoring::rank(&q, &before.outcome),
            "{}: {:?} -> {:?} ({:?} -> {:?})",
            q.items[which].link_id, before.outcome, after.outcome, before.case, after.case
        );
        prop_assert!(after.case.back >= before.case.back);
    }

    #[test]
    fn one_more_knee_pointing_answer_never_moves_the_result_toward_the_back(
        raw in raw_answers(),
        which in 0usize..14,
        pick in 0usize..16,
    ) {
        let q = q();
        let answers = build(&q, &raw);
        let Some(more) = one_more(&q, &answers, which, pick, false) else {
            return Ok(());
        };
        let before = scoring::score(&q, &answers);
        let after = scoring::score(&q, &more);
        prop_assert!(
            scoring::rank(&q, &after.outcome) <= scoring::rank(&q, &before.outcome),
            "{}: {:?} -> {:?} ({:?} -> {:?})",
            q.items[which].link_id, before.outcome, after.outcome, before.case, after.case
        );
        prop_assert!(after.case.knee >= before.case.knee);
    }

    #[test]
    fn cant_tell_exactly_when_half_or_more_scored_answers_are_not_sure(
        raw in raw_answers(),
        unsure in prop::collection::vec(any::<bool>(), 14),
    ) {
        let q = q();
        let mut answers = build(&q, &raw);
        let mut count = 0u32;
        for (item, &make_unsure) in q.items.iter().zip(&unsure) {
            let code = item.options.iter().find(|o| o.unsure).map(|o| o.code.clone());
            if let (true, true, Some(code)) = (item.scored(), make_unsure, code) {
                answers.insert(item.link_id.clone(), one(&code));
            }
        }
        for item in q.items.iter().filter(|i| i.scored()) {
            if answers[item.link_id.as_str()].iter().any(|c| item.option(c).is_some_and(|o| o.unsure)) {
                count += 1;
            }
        }
        let a = scoring::score(&q, &answers);
        prop_assert_eq!(a.case.unsure, count);
        prop_assert_eq!(a.outcome.id() == "cant-tell", count >= cant_tell_from(&q));
        prop_assert_eq!(cant_tell_from(&q) * 2, q.items.iter().filter(|i| i.scored()).count() as u32);
    }

    #[test]
    fn scoring_is_deterministic_and_the_order_answers_were_given_in_does_not_matter(
        raw in raw_answers(),
        order in Just((0..14).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let q = q();
        let answers = build(&q, &raw);
        let mut shuffled = Answers::new();
        for &i in &order {
            if let Some(codes) = answers.get(&q.items[i].link_id) {
                let mut codes = codes.clone();
                codes.reverse();
                shuffled.insert(q.items[i].link_id.clone(), codes);
            }
        }
        prop_assert_eq!(scoring::score(&q, &answers), scoring::score(&q, &answers));
        prop_assert_eq!(scoring::score(&q, &shuffled), scoring::score(&q, &answers));
    }

    #[test]
    fn editing_answers_in_any_order_through_the_widget_gives_the_same_result(
        raw in raw_answers(),
        order in Just((4..14).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        // A reader first clicks through with a calm first answer everywhere, then edits
        // each scored question from the result, in a random order, to their real answer.
        let q = q();
        let target = build(&q, &raw);
        let mut session = Session::new().apply(&q, Action::Start);
        while let Screen::Question(i) = *session.screen() {
            let first = q.items[i].options.iter().find(|o| !o.red_flag).expect("calm");
            session = session
                .apply(&q, Action::Choose(first.code.clone()))
                .apply(&q, Action::Continue);
        }
        prop_assert_eq!(session.screen(), &Screen::Result);
        for i in order {
            let link_id = q.items[i].link_id.clone();
            session = session.apply(&q, Action::Edit(link_id.clone()));
            // Clear the draft, then tick the target answer.
            for code in session.draft().to_vec() {
                if q.items[i].kind == ItemKind::Multiple {
                    session = session.apply(&q, Action::Choose(code));
                }
            }
            for code in &target[link_id.as_str()] {
                session = session.apply(&q, Action::Choose(code.clone()));
            }
            while let Screen::Question(_) = session.screen() {
                session = session.apply(&q, Action::Continue);
            }
            prop_assert_eq!(session.screen(), &Screen::Result);
        }
        let mut expected = target.clone();
        for item in &q.items {
            // The session keeps a multiple answer in the questionnaire's option order.
            let codes: Vec<String> = item
                .options
                .iter()
                .filter(|o| target[item.link_id.as_str()].contains(&o.code))
                .map(|o| o.code.clone())
                .collect();
            expected.insert(item.link_id.clone(), codes);
        }
        prop_assert_eq!(session.answers(), &expected);
        prop_assert_eq!(
            session.assessment(&q).map(|a| a.outcome),
            Some(scoring::score(&q, &target).outcome)
        );
    }
}

#[test]
fn the_report_tally_agrees_with_scoring_on_every_path_of_the_minimal_file() {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/valid/minimal.json"
    ))
    .expect("fixture");
    let q = validate::load(&json).expect("valid");
    let tally = paths::tally(&q).expect("a tally");
    let mut by_score: BTreeMap<String, u64> = BTreeMap::new();
    paths::for_each(&q, |path| {
        if let Outcome::Band { id } = &path.assessment.outcome {
            let adult_without_flags = path.steps.iter().all(|(link_id, codes)| {
                let item = &q.items[q.item_index(link_id).expect("item")];
                item.scored()
                    || codes
                        .iter()
                        .all(|c| item.option(c).is_some_and(|o| !o.red_flag))
            });
            if adult_without_flags {
                *by_score.entry(id.clone()).or_default() += 1;
            }
        }
    });
    let by_tally: BTreeMap<String, u64> = tally
        .per_outcome
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(by_tally, by_score);
    assert_eq!(tally.total, 3 * 2);
}

#[test]
fn the_default_report_counts_one_answer_to_every_scored_question() {
    let q = q();
    let tally = paths::tally(&q).expect("a tally");
    let product: u64 = q
        .items
        .iter()
        .filter(|i| i.scored())
        .map(|i| i.options.len() as u64)
        .product();
    assert_eq!(tally.total, product);
    assert_eq!(
        tally.per_outcome.iter().map(|(_, n)| n).sum::<u64>(),
        product
    );
    // Balance: neither the back side nor the knee side takes most combinations.
    let share = |id: &str| {
        tally
            .per_outcome
            .iter()
            .find(|(i, _)| i == id)
            .map_or(0, |(_, n)| *n)
            * 100
            / product
    };
    assert!(share("back-likely") + share("hip-and-back") < 40);
    assert!(share("knee-likely") >= 15);
    assert!(share("cant-tell") > 0);
}

// --- the loader ----------------------------------------------------------------------------

/// A change to one place in the default file.
#[derive(Clone, Debug)]
enum Mutation {
    Delete,
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    EmptyList,
    EmptyObject,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => Just(Mutation::Delete),
        1 => Just(Mutation::Null),
        1 => any::<bool>().prop_map(Mutation::Bool),
        2 => prop_oneof![-3i64..15, any::<i64>()].prop_map(Mutation::Int),
        1 => any::<f64>().prop_map(Mutation::Float),
        2 => "[a-z-]{0,8}".prop_map(Mutation::Text),
        1 => Just(Mutation::EmptyList),
        1 => Just(Mutation::EmptyObject),
    ]
}

/// Every JSON pointer in a value, the root included.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                pointers(inner, format!("{at}/{key}"), out);
            }
        }
        Value::Array(list) => {
            for (i, inner) in list.iter().enumerate() {
                pointers(inner, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn mutate(value: &mut Value, pointer: &str, mutation: &Mutation) {
    if let Mutation::Delete = mutation {
        let Some((parent, last)) = pointer.rsplit_once('/') else {
            return;
        };
        let key = last.replace("~1", "/").replace("~0", "~");
        match value.pointer_mut(parent) {
            Some(Value::Object(map)) => {
                map.remove(&key);
            }
            Some(Value::Array(list)) => {
                if let Ok(i) = key.parse::<usize>() {
                    if i < list.len() {
                        list.remove(i);
                    }
                }
            }
            _ => {}
        }
        return;
    }
    let Some(target) = value.pointer_mut(pointer) else {
        return;
    };
    *target = match mutation {
        Mutation::Delete => return,
        Mutation::Null => Value::Null,
        Mutation::Bool(b) => Value::Bool(*b),
        Mutation::Int(n) => Value::from(*n),
        Mutation::Float(x) => serde_json::Number::from_f64(*x).map_or(Value::Null, Value::Number),
        Mutation::Text(s) => Value::String(s.clone()),
        Mutation::EmptyList => Value::Array(Vec::new()),
        Mutation::EmptyObject => Value::Object(serde_json::Map::new()),
    };
}

fn default_value() -> Value {
    serde_json::from_str(KNEE_OR_BACK_JSON).expect("the default file is JSON")
}

/// Applies up to a few mutations at places picked by index.
fn mutated(picks: &[(usize, Mutation)]) -> Value {
    let mut value = default_value();
    for (pick, mutation) in picks {
        let mut all = Vec::new();
        pointers(&value, String::new(), &mut all);
        let pointer = all[pick % all.len()].clone();
        mutate(&mut value, &pointer, mutation);
    }
    value
}

/// Loading gives a questionnaire or problems, never a panic; and every problem carries
/// words of our own, not serde's fallback, so the schema in `file::known` matches serde.
fn assert_loads_calmly(json: &str) -> Result<(), TestCaseError> {
    if let Err(problems) = validate::load(json) {
        prop_assert!(!problems.0.is_empty(), "an error with no problem in it");
        for problem in &problems.0 {
            prop_assert!(
                !problem.message.starts_with("a value has the wrong type"),
                "the schema missed a type serde rejects: {problem}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(fuzz_cases()))]

    #[test]
    fn the_loader_never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = validate::load(&text);
    }

    #[test]
    fn the_loader_never_panics_on_json_like_text(text in r#"[\[\]{}",:0-9a-z \-]{0,64}"#) {
        let _ = validate::load(&text);
    }

    #[test]
    fn the_loader_never_panics_on_byte_edits(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let mut bytes = KNEE_OR_BACK_JSON.as_bytes().to_vec();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let text = String::from_utf8_lossy(&bytes);
        assert_loads_calmly(&text)?;
    }

    #[test]
    fn the_loader_never_panics_on_changed_values(
        picks in prop::collection::vec((any::<usize>(), mutation()), 1..4),
    ) {
        let value = mutated(&picks);
        assert_loads_calmly(&value.to_string())?;
    }

    #[test]
    fn a_changed_file_that_checks_reads_back_from_the_compact_form_unchanged(
        picks in prop::collection::vec((any::<usize>(), mutation()), 0..3),
    ) {
        if let Ok(q) = validate::load(&mutated(&picks).to_string()) {
            prop_assert_eq!(compact::decode(&compact::encode(&q)), Ok(q));
        }
    }

    #[test]
    fn the_compact_reader_never_panics_and_what_it_reads_can_be_taken(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let mut bytes = compact::encode(&q()).into_bytes();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        if let Ok(q) = compact::decode(&String::from_utf8_lossy(&bytes)) {
            // Whatever it accepts, the engine scores without indexing out of bounds.
            for pick in [0, usize::MAX] {
                let answers: Answers = q
                    .items
                    .iter()
                    .filter_map(|item| {
                        let option = item.options.get(pick.min(item.options.len().saturating_sub(1)))?;
                        Some((item.link_id.clone(), one(&option.code)))
                    })
                    .collect();
                let _ = scoring::score(&q, &answers);
            }
        }
    }

    #[test]
    fn a_parsed_file_round_trips_through_serde(
        picks in prop::collection::vec((any::<usize>(), mutation()), 0..3),
    ) {
        let json = mutated(&picks).to_string();
        if let Ok(file) = validate::parse(&json) {
            let again = serde_json::to_string(&file).expect("serializes");
            let reparsed = validate::parse(&again);
            prop_assert_eq!(reparsed.as_ref(), Ok(&file));
            prop_assert_eq!(validate::check(&file), validate::check(&reparsed.unwrap()));
        }
    }
}

#[test]
fn the_built_in_questionnaire_is_the_default_file_as_checked() {
    assert_eq!(validate::load(KNEE_OR_BACK_JSON).ok(), Some(q()));
}

#[test]
fn the_default_file_round_trips_through_serde() {
    let file = validate::parse(KNEE_OR_BACK_JSON).expect("parses");
    let again = serde_json::to_string_pretty(&file).expect("serializes");
    let reparsed = validate::parse(&again).expect("parses again");
    assert_eq!(reparsed, file);
    assert_eq!(validate::check(&reparsed), validate::check(&file));
    assert_eq!(validate::check(&file).ok(), Some(q()));
}
