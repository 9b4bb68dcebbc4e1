//! Invalid questionnaire files, one rule each, and the exact problems an editor is shown.
//!
//! Every fixture in `tests/fixtures/invalid/` starts from `tests/fixtures/valid/minimal.json`
//! with one kind of mistake (or, in `many-problems.json`, many). The expected lines are what
//! `knee-check validate` prints: `path: message`, every problem at once.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use knee_check::questionnaire::validate;

fn fixture(path: &str) -> String {
    let full: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", path]
        .iter()
        .collect();
    std::fs::read_to_string(&full).unwrap_or_else(|err| panic!("{}: {err}", full.display()))
}

/// The problems loading a fixture reports, rendered as the CLI shows them.
fn problems(name: &str) -> Vec<String> {
    match validate::load(&fixture(&format!("invalid/{name}.json"))) {
        Ok(_) => panic!("{name}.json loaded without problems"),
        Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
    }
}

fn assert_problems(name: &str, expected: &[&str]) {
    assert_eq!(problems(name), expected, "fixture {name}.json");
}

#[test]
fn the_minimal_questionnaire_is_valid() {
    let q = validate::load(&fixture("valid/minimal.json"))
        .unwrap_or_else(|problems| panic!("{problems}"));
    assert_eq!(q.items.len(), 5);
}

#[test]
fn every_invalid_fixture_is_tested() {
    // A fixture added without an expectation would prove nothing.
    let dir: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", "invalid"]
        .iter()
        .collect();
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures directory")
        .map(|entry| {
            let name = entry.expect("entry").file_name();
            name.to_string_lossy().trim_end_matches(".json").to_owned()
        })
        .collect();
    names.sort();
    assert_eq!(names, TESTED);
}

const TESTED: &[&str] = &[
    "age-without-under18",
    "clue-references",
    "duplicate-link-id",
    "enable-when-later-item",
    "enable-when-missing-answer",
    "enable-when-missing-item",
    "many-problems",
    "missing-spanish",
    "not-json",
    "not-monotone",
    "points-out-of-range",
    "red-flag-after-scored",
    "review-without-reviewer",
    "rule-never-reached",
    "rules-gap",
    "rules-overlap",
    "signs-incomplete",
    "tiers-out-of-order",
    "unknown-fields",
    "unknown-type",
    "unsure-red-flag-not-raised",
    "wrong-value-type",
];

#[test]
fn age_without_under18() {
    // The under-18 stop needs an answer that raises it, and only the age question may.
    assert_problems(
        "age-without-under18",
        &[
            "items[0].answerOption: the age question needs an answer marked `under18`",
            "items[3].answerOption[1].under18: only answers of the age question can be `under18`",
        ],
    );
}

#[test]
fn clue_references() {
    // Clues may only look at scored questions and answers that exist, with one kind of condition each.
    assert_problems(
        "clue-references",
        &[
            "clues[0].when[0].question: `red` is the age or a red-flag question, which is not scored",
            "clues[0].when[1].anyOf[0]: `feel` has no answer `pins`",
            "clues[0].when[2]: give either `anyOf` or `onlyOf` answers",
            "clues[1].when[0]: give either `anyOf` or `onlyOf` answers",
            "kneeCap.noClues[0]: no clue has id `nerves`",
        ],
    );
}

#[test]
fn duplicate_link_id() {
    // A second `feel` hides `load`, so the clue that looks at `load` is reported too.
    assert_problems(
        "duplicate-link-id",
        &[
            "items[4].linkId: duplicate linkId `feel` (first at items[3])",
            "clues[1].when[0].question: no question has linkId `load`",
        ],
    );
}

#[test]
fn enable_when_later_item() {
    assert_problems(
        "enable-when-later-item",
        &[
            "items[3].enableWhen[0].question: `load` is this question or a later one; enableWhen may only look back",
        ],
    );
}

#[test]
fn enable_when_missing_answer() {
    assert_problems(
        "enable-when-missing-answer",
        &["items[4].enableWhen[0].answer: `feel` has no answer `maybe`"],
    );
}

#[test]
fn enable_when_missing_item() {
    assert_problems(
        "enable-when-missing-item",
        &["items[4].enableWhen[0].question: no question has linkId `swelling`"],
    );
}

#[test]
fn many_problems() {
    // Every problem at once, in file order.
    assert_problems(
        "many-problems",
        &[
            "id: the questionnaire id is missing",
            "items[3].text: the English (`en`) text is missing",
            "clues[0].sign: sign 5 is not between 1 and 4",
            "outcomes[0].leans: unknown lean `sideways` (use `knee`, `neither` or `back`)",
            "outcomes[2].evaluation: list at least one thing an evaluation may include",
            "meanwhile: list at least one piece of advice",
        ],
    );
}

#[test]
fn missing_spanish() {
    // Blank counts as missing: a reader would see an empty line.
    assert_problems(
        "missing-spanish",
        &[
            "items[3].text: the Spanish (`es`) text is missing",
            "outcomes[1].summary: the Spanish (`es`) text is missing",
        ],
    );
}

#[test]
fn not_json() {
    assert_problems(
        "not-json",
        &["the file is not valid JSON: expected ident at line 1 column 2"],
    );
}

#[test]
fn not_monotone() {
    // Back-likely only at lean 1 and knee-likely again from lean 2: more back points would move a reader toward the knee.
    assert_problems(
        "not-monotone",
        &[
            "outcomes: not two-way monotone: at back 1, hip 0, knee 0, unsure 0, one more back point moves `back-likely` to `knee-likely`",
            "outcomes: not two-way monotone: at back 2, hip 0, knee 0, unsure 0, one more knee point moves `knee-likely` to `back-likely`",
        ],
    );
}

#[test]
fn points_out_of_range() {
    // A number out of range is one problem, not three.
    assert_problems(
        "points-out-of-range",
        &[
            "clues[0].back: back -1 is not between 0 and 5",
            "clues[1].knee: knee 6 is not between 0 and 5",
        ],
    );
}

#[test]
fn red_flag_after_scored() {
    // Red flags are asked before anything else, so they interrupt before a reader invests time.
    assert_problems(
        "red-flag-after-scored",
        &["items[3].redFlag: red-flag questions must come before all scored questions"],
    );
}

#[test]
fn review_without_reviewer() {
    // No sign-off without a name, and the date must be a real one.
    assert_problems(
        "review-without-reviewer",
        &[
            "reviewed.date: the review date `2026-02-30` is not a date like 2026-01-31",
            "reviewed.reviewer: the reviewer's name is missing",
        ],
    );
}

#[test]
fn rule_never_reached() {
    // A rule no case can meet is dead text a reviewer would trust.
    assert_problems(
        "rule-never-reached",
        &["outcomes[0]: no case reaches this rule"],
    );
}

#[test]
fn rules_gap() {
    // Without an `otherwise` rule, the mixed box only covers lean 0.
    assert_problems(
        "rules-gap",
        &[
            "outcomes: no rule covers 9 case(s), for example back 1, hip 0, knee 0, unsure 0, knee cap (add a rule or an `otherwise` rule)",
        ],
    );
}

#[test]
fn rules_overlap() {
    // Knee-likely up to lean 1 overlaps back-likely from lean 1.
    assert_problems(
        "rules-overlap",
        &[
            "outcomes: outcomes[0] and outcomes[1] both cover back 1, hip 0, knee 0, unsure 0 (each case needs exactly one rule)",
        ],
    );
}

#[test]
fn signs_incomplete() {
    // The four signs are the backbone of the explanation: all four, once each.
    assert_problems(
        "signs-incomplete",
        &[
            "signs[0].questions[0]: no question has linkId `pain`",
            "signs[3].sign: sign 3 is listed twice",
            "signs: sign 4 is missing (list all four)",
        ],
    );
}

#[test]
fn tiers_out_of_order() {
    // The most urgent tier is asked first.
    assert_problems(
        "tiers-out-of-order",
        &["items[2].redFlag: the `emergency` tier must come before `today`"],
    );
}

#[test]
fn unknown_fields() {
    // Typos such as `weight` (a field of the old format) are reported, not ignored.
    assert_problems(
        "unknown-fields",
        &[
            "unknown field `colour`",
            "items[3].answerOption[0]: unknown field `weight`",
            "signs[0].name: unknown field `fr`",
            "cards.today: unknown field `link`",
        ],
    );
}

#[test]
fn unknown_type() {
    assert_problems(
        "unknown-type",
        &["items[3].type: unknown type `slider` (use `choice` or `multiple`)"],
    );
}

#[test]
fn unsure_red_flag_not_raised() {
    // "Not sure" about a red flag acts like yes.
    assert_problems(
        "unsure-red-flag-not-raised",
        &[
            "items[1].answerOption[2].redFlag: a \"Not sure\" answer to a red flag must raise it (`redFlag`)",
        ],
    );
}

#[test]
fn wrong_value_type() {
    assert_problems(
        "wrong-value-type",
        &[
            "items[3].answerOption[0].code: expected a string, found the number 7",
            "clues[0].back: expected a whole number, found the string \"2\"",
        ],
    );
}
