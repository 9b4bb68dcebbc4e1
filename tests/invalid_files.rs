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
    assert_eq!(q.items.len(), 3);
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
    "bad-review-date",
    "bands-gap",
    "bands-overlap",
    "duplicate-link-id",
    "enable-when-later-item",
    "enable-when-missing-answer",
    "enable-when-missing-item",
    "many-problems",
    "missing-spanish",
    "not-json",
    "red-flag-after-regular",
    "unknown-fields",
    "unknown-type",
    "weight-out-of-range",
    "wrong-value-type",
];

#[test]
fn unknown_fields_at_every_depth() {
    assert_problems(
        "unknown-fields",
        &[
            "unknown field `colour`",
            "items[1].answerOption[0]: unknown field `weigth`",
            "factors[0].name: unknown field `fr`",
            "redFlags.urgent: unknown field `link`",
        ],
    );
}

#[test]
fn duplicate_link_id() {
    assert_problems(
        "duplicate-link-id",
        &["items[2].linkId: duplicate linkId `pain` (first at items[1])"],
    );
}

#[test]
fn enable_when_names_a_missing_question() {
    assert_problems(
        "enable-when-missing-item",
        &["items[2].enableWhen[0].question: no question has linkId `swelling`"],
    );
}

#[test]
fn enable_when_looks_forward() {
    assert_problems(
        "enable-when-later-item",
        &[
            "items[1].enableWhen[0].question: `back` is this question or a later one; \
           enableWhen may only look back",
        ],
    );
}

#[test]
fn enable_when_names_a_missing_answer() {
    assert_problems(
        "enable-when-missing-answer",
        &["items[2].enableWhen[0].answer: `pain` has no answer `maybe`"],
    );
}

#[test]
fn missing_spanish_translation() {
    // Blank counts as missing: a reader would see an empty line.
    assert_problems(
        "missing-spanish",
        &[
            "items[1].text: the Spanish (`es`) text is missing",
            "outcomes[1].body: the Spanish (`es`) text is missing",
        ],
    );
}

#[test]
fn bands_leave_totals_uncovered() {
    // The two factors give 2 and 1 points, so totals 0 to 3 are possible; 1 and 3 have no
    // band.
    assert_problems(
        "bands-gap",
        &[
            "outcomes: no band covers totals 1 (the factors can add up to these)",
            "outcomes: no band covers totals 3 (the factors can add up to these)",
        ],
    );
}

#[test]
fn bands_overlap() {
    assert_problems(
        "bands-overlap",
        &["outcomes: outcomes[0] and outcomes[1] overlap at totals 1"],
    );
}

#[test]
fn weight_out_of_range() {
    assert_problems(
        "weight-out-of-range",
        &[
            "items[1].answerOption[1].weight: weight -1 is out of range 0..=10",
            "items[2].answerOption[0].weight: weight 11 is out of range 0..=10",
        ],
    );
}

#[test]
fn red_flag_question_after_a_regular_one() {
    assert_problems(
        "red-flag-after-regular",
        &["items[1].redFlag: red-flag questions must come before all other questions"],
    );
}

#[test]
fn unknown_question_type() {
    assert_problems(
        "unknown-type",
        &["items[1].type: unknown type `slider` (use `choice` or `multiple`)"],
    );
}

#[test]
fn bad_review_date() {
    assert_problems(
        "bad-review-date",
        &["reviewed: the review date `31/01/2026` is not a date like 2026-01-31"],
    );
}

#[test]
fn not_json_at_all() {
    // A YAML file saved with a .json name.
    assert_problems(
        "not-json",
        &["the file is not valid JSON: expected ident at line 1 column 2"],
    );
}

/// Regression: a value of the wrong type used to be reported once, without a path, in
/// serde's words ("invalid type: integer `20260131`, expected a string at line 4 column
/// 22"), hiding any other wrong value.
#[test]
fn wrong_value_types_are_all_reported_with_their_paths() {
    assert_problems(
        "wrong-value-type",
        &[
            "reviewed: expected a string, found the number 20260131",
            "items[1].answerOption[0].weight: expected a whole number, found the string \"two\"",
            "outcomes[1].requiresAnyFactor: expected a list, found the string \"nerve\"",
        ],
    );
}

/// Regression: an unknown field used to stop loading before the checks ran, so an editor
/// fixed a typo only to meet a second list of problems.
#[test]
fn many_problems_are_reported_at_once() {
    assert_problems(
        "many-problems",
        &[
            "factors[0]: unknown field `treshold`",
            "reviewed: the review date `2026-1-31` is not a date like 2026-01-31",
            "items[1].type: unknown type `slider` (use `choice` or `multiple`)",
            "items[2].linkId: duplicate linkId `pain` (first at items[1])",
            "items[2].text: the Spanish (`es`) text is missing",
            "items[2].answerOption[0].weight: weight 12 is out of range 0..=10",
            "items[3].redFlag: red-flag questions must come before all other questions",
            "items[3].enableWhen[0].question: no question has linkId `knee`",
            "factors[0].sign: sign 5 is out of range 1..=4",
            "outcomes: outcomes[0] and outcomes[1] overlap at totals 1",
            "evaluation: list at least one thing an evaluation may include",
        ],
    );
}

/// Regression: `2026-02-30` used to pass as a review date because any day up to 31 was
/// accepted in every month.
#[test]
fn review_date_must_exist_in_the_calendar() {
    let minimal = fixture("valid/minimal.json");
    for (date, ok) in [
        ("2026-02-30", false),
        ("2026-04-31", false),
        ("2026-02-29", false),
        ("2028-02-29", true),
        ("2100-02-29", false),
        ("2000-02-29", true),
        ("2026-12-31", true),
        ("2026-00-10", false),
    ] {
        let json = minimal.replace("\"2026-01-31\"", &format!("\"{date}\""));
        assert_eq!(validate::load(&json).is_ok(), ok, "{date}");
    }
}

#[test]
fn the_file_must_be_an_object() {
    let problems: Vec<String> = validate::load("[1, 2]")
        .expect_err("a list is not a questionnaire")
        .0
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(problems, ["the file must hold an object, not a list"]);
}

#[test]
fn null_is_accepted_for_optional_fields_only() {
    let mut value: serde_json::Value =
        serde_json::from_str(&fixture("valid/minimal.json")).expect("json");
    value["unsureNote"] = serde_json::Value::Null;
    value["items"][1]["hint"] = serde_json::Value::Null;
    value["factors"][1]["sign"] = serde_json::Value::Null;
    assert!(validate::load(&value.to_string()).is_ok());
    value["items"][1]["bullets"] = serde_json::Value::Null;
    let problems = validate::load(&value.to_string()).expect_err("bullets must be a list");
    assert_eq!(
        problems.to_string(),
        "items[1].bullets: expected a list, found null"
    );
}

#[test]
fn parse_alone_still_rejects_unknown_fields() {
    // `parse` promises a file with nothing ignored; only `load` goes on to check.
    let result = validate::parse(&fixture("invalid/unknown-fields.json"));
    assert_eq!(result.map_err(|p| p.0.len()), Err(4));
}
