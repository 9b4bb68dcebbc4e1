//! Properties of the engine that must hold for every reader and every file: every path
//! ends in one outcome, red flags always win, a further back-pointing answer never lowers
//! the outcome, answer order does not matter, and the loader never panics and round-trips.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use knee_check::check::paths;
use knee_check::check::scoring::{self, Answers, Outcome};
use knee_check::check::session::{Action, Screen, Session};
use knee_check::questionnaire::builtin::{self, KNEE_OR_BACK_JSON};
use knee_check::questionnaire::compact;
use knee_check::questionnaire::model::Questionnaire;
use knee_check::questionnaire::validate;
use proptest::prelude::*;
use serde_json::Value;

fn q() -> Questionnaire {
    builtin::knee_or_back().expect("the default questionnaire is valid")
}

fn one(code: &str) -> Vec<String> {
    vec![code.to_owned()]
}

// --- every reachable path ----------------------------------------------------------------

#[test]
fn every_reachable_path_ends_in_exactly_one_known_outcome() {
    let q = q();
    let bands: Vec<&str> = q.outcomes.iter().map(|b| b.id.as_str()).collect();
    let mut per_outcome: BTreeMap<String, u64> = BTreeMap::new();
    let mut problems = Vec::new();
    let count = paths::for_each(&q, |path| {
        let id = path.assessment.outcome.id();
        let (last_link, last_codes) = path.steps.last().expect("a path has steps");
        let last = &q.items[q.item_index(last_link).expect("known question")];
        let stopped_on_flag = last
            .options
            .iter()
            .any(|o| o.red_flag && last_codes.contains(&o.code));
        let ok = match &path.assessment.outcome {
            Outcome::RedFlag { link_id, .. } => stopped_on_flag && link_id == last_link,
            Outcome::Band { id } => {
                !stopped_on_flag && bands.contains(&id.as_str()) && path.steps.len() == 9
            }
        };
        if !ok || path.steps.len() > 12 {
            problems.push(format!("{:?} -> {id}", path.steps));
        }
        *per_outcome.entry(id).or_default() += 1;
    });
    assert!(problems.is_empty(), "bad paths:\n{}", problems.join("\n"));
    // Two red-flag questions that stop the check on "yes", then seven questions with
    // 6, 3, 4, 4, 5, 5 and 3 answers.
    assert_eq!(count, 2 + 6 * 3 * 4 * 4 * 5 * 5 * 3);
    assert_eq!(count, 21_602);
    assert_eq!(per_outcome.get("red-flag-emergency"), Some(&1));
    assert_eq!(per_outcome.get("red-flag-urgent"), Some(&1));
    assert_eq!(per_outcome.values().sum::<u64>(), count);
    // Every band is reachable: none is dead content.
    for band in &bands {
        assert!(per_outcome.contains_key(*band), "{band} is never reached");
    }
    eprintln!("paths per outcome: {per_outcome:?}");
}

/// Every complete non-red-flag answer set, as the path walk visits them.
fn band_paths(q: &Questionnaire) -> Vec<Answers> {
    let mut out = Vec::new();
    paths::for_each(q, |path| {
        if matches!(path.assessment.outcome, Outcome::Band { .. }) {
            out.push(
                path.steps
                    .iter()
                    .map(|(l, c)| (l.clone(), c.clone()))
                    .collect(),
            );
        }
    });
    out
}

#[test]
fn sitting_alone_never_moves_the_result_on_any_path() {
    // Brief, sign 3: about half of people with kneecap pain hurt when sitting, so sitting
    // pain counts only together with another pattern feature. With no posture or moving
    // pain, "hurts while sitting" must score exactly like "hurts on stairs".
    let q = q();
    let mut checked = 0;
    for answers in band_paths(&q) {
        let quiet_posture = matches!(answers["posture"][0].as_str(), "neither" | "unsure");
        if answers["when"] != one("sitting") || !quiet_posture {
            continue;
        }
        let mut on_stairs = answers.clone();
        on_stairs.insert("when".into(), one("activity"));
        assert_eq!(
            scoring::score(&q, &answers).outcome,
            scoring::score(&q, &on_stairs).outcome,
            "{answers:?}"
        );
        checked += 1;
    }
    assert!(checked > 0);
}

#[test]
fn without_nerve_or_pattern_signs_no_path_is_back_likely() {
    // Brief: signs 2 and 4 (shot and therapy did little) are only suggestive and alone
    // never reach the strongest band, even with spread and back history added.
    let q = q();
    for answers in band_paths(&q) {
        let a = scoring::score(&q, &answers);
        let matched = |id: &str| a.factors.iter().any(|f| f.id == id && f.matched);
        if !matched("nerve") && !matched("pattern") {
            assert_ne!(a.outcome.id(), "back-likely", "{answers:?}");
        }
    }
}

#[test]
fn a_knee_typical_story_with_one_sign_added_is_never_back_likely() {
    // One sign on its own moves a knee-typical reader at most to "mixed".
    let q = q();
    let base: Answers = [
        ("rf-emergency", "no"),
        ("rf-urgent", "no"),
        ("pain-quality", "ache"),
        ("spread", "no"),
        ("injection", "never"),
        ("when", "activity"),
        ("posture", "neither"),
        ("therapy", "never"),
        ("back", "no"),
    ]
    .iter()
    .map(|(l, c)| ((*l).to_owned(), one(c)))
    .collect();
    assert_eq!(scoring::score(&q, &base).outcome.id(), "knee-likely");
    for item in q.items.iter().filter(|i| i.red_flag.is_none()) {
        for option in &item.options {
            let mut answers = base.clone();
            answers.insert(item.link_id.clone(), one(&option.code));
            let id = scoring::score(&q, &answers).outcome.id();
            assert!(
                id == "knee-likely" || id == "mixed",
                "{} = {} gives {id}",
                item.link_id,
                option.code
            );
        }
    }
}

// --- random answers ------------------------------------------------------------------------

/// For each question, an answer index (taken modulo its option count) or no answer.
fn raw_answers() -> impl Strategy<Value = Vec<Option<usize>>> {
    prop::collection::vec(prop::option::weighted(0.9, 0usize..6), 9)
}

/// Answers from raw picks; red-flag questions are always answered "no".
fn build(q: &Questionnaire, raw: &[Option<usize>]) -> Answers {
    let mut answers = Answers::new();
    for (item, pick) in q.items.iter().zip(raw) {
        if item.red_flag.is_some() {
            answers.insert(item.link_id.clone(), one("no"));
        } else if let Some(pick) = pick {
            let option = &item.options[pick % item.options.len()];
            answers.insert(item.link_id.clone(), one(&option.code));
        }
    }
    answers
}

/// Cases per property: 256 in `make test`; set `KNEE_CHECK_FUZZ_CASES` for longer runs
/// (README, "Privacy and security").
fn fuzz_cases() -> u32 {
    std::env::var("KNEE_CHECK_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(fuzz_cases()))]

    #[test]
    fn any_red_flag_wins_whatever_else_is_answered(
        raw in raw_answers(),
        emergency in any::<bool>(),
        urgent in any::<bool>(),
    ) {
        prop_assume!(emergency || urgent);
        let q = q();
        let mut answers = build(&q, &raw);
        if emergency {
            answers.insert("rf-emergency".into(), one("yes"));
        }
        if urgent {
            answers.insert("rf-urgent".into(), one("yes"));
        }
        let a = scoring::score(&q, &answers);
        let expected = if emergency { "red-flag-emergency" } else { "red-flag-urgent" };
        prop_assert_eq!(a.outcome.id(), expected);
        prop_assert!(!a.show_unsure_note, "the card shows no result notes");
        prop_assert_eq!(scoring::rank(&q, &a.outcome), q.outcomes.len());
    }

    #[test]
    fn a_further_back_pointing_answer_never_lowers_the_outcome(
        raw in raw_answers(),
        which in 0usize..9,
        pick in 0usize..6,
    ) {
        let q = q();
        let answers = build(&q, &raw);
        let item = &q.items[which];
        let current = answers
            .get(&item.link_id)
            .and_then(|codes| item.option(&codes[0]))
            .map_or(0, |o| o.weight);
        let higher: Vec<_> = item.options.iter().filter(|o| o.weight > current).collect();
        prop_assume!(!higher.is_empty());
        let option = higher[pick % higher.len()];
        let mut more = answers.clone();
        more.insert(item.link_id.clone(), one(&option.code));
        let before = scoring::score(&q, &answers);
        let after = scoring::score(&q, &more);
        prop_assert!(
            scoring::rank(&q, &after.outcome) >= scoring::rank(&q, &before.outcome),
            "{} = {}: {:?} -> {:?}", item.link_id, option.code, before.outcome, after.outcome
        );
        prop_assert!(after.total >= before.total);
    }

    #[test]
    fn the_order_answers_were_given_in_does_not_matter(
        raw in raw_answers(),
        order in Just((0..9).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let q = q();
        let answers = build(&q, &raw);
        let mut shuffled = Answers::new();
        for &i in &order {
            if let Some(codes) = answers.get(&q.items[i].link_id) {
                shuffled.insert(q.items[i].link_id.clone(), codes.clone());
            }
        }
        prop_assert_eq!(scoring::score(&q, &shuffled), scoring::score(&q, &answers));
    }

    #[test]
    fn editing_answers_in_any_order_through_the_widget_gives_the_same_result(
        raw in prop::collection::vec(0usize..6, 9),
        order in Just((2..9).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        // A reader first clicks through with the first answer everywhere, then edits each
        // question from the result, in a random order, to their real answer.
        let q = q();
        let target = build(&q, &raw.iter().map(|&r| Some(r)).collect::<Vec<_>>());
        let mut session = Session::new().apply(&q, Action::Start);
        while let Screen::Question(i) = *session.screen() {
            let first = if q.items[i].red_flag.is_some() {
                "no".to_owned()
            } else {
                q.items[i].options[0].code.clone()
            };
            session = session
                .apply(&q, Action::Choose(first))
                .apply(&q, Action::Continue);
        }
        prop_assert_eq!(session.screen(), &Screen::Result);
        for i in order {
            let link_id = q.items[i].link_id.clone();
            session = session
                .apply(&q, Action::Edit(link_id.clone()))
                .apply(&q, Action::Choose(target[&link_id][0].clone()));
            while let Screen::Question(_) = session.screen() {
                session = session.apply(&q, Action::Continue);
            }
            prop_assert_eq!(session.screen(), &Screen::Result);
        }
        prop_assert_eq!(session.answers(), &target);
        prop_assert_eq!(
            session.assessment(&q).map(|a| a.outcome),
            Some(scoring::score(&q, &target).outcome)
        );
    }
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
