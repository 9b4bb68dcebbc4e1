//! The `knee-check` command line, run as a clinician or content editor would: the real
//! binary on the default questionnaire and on fixtures, checking exit codes and output.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn path(relative: &str) -> String {
    let full: PathBuf = [env!("CARGO_MANIFEST_DIR"), relative].iter().collect();
    full.to_string_lossy().into_owned()
}

fn default_file() -> String {
    path("questionnaires/knee-or-back.json")
}

fn knee_check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_knee-check"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn validate_accepts_the_default_questionnaire() {
    let out = knee_check(&["validate", &default_file()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("valid"), "{text}");
    assert!(text.contains("14 questions"), "{text}");
    assert!(text.contains("content 2.2.0"), "{text}");
}

#[test]
fn validate_lists_every_problem_of_a_bad_file_and_exits_1() {
    let file = path("tests/fixtures/invalid/many-problems.json");
    let out = knee_check(&["validate", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty(), "nothing claims the file is valid");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0].ends_with("many-problems.json: 6 problems"),
        "{err}"
    );
    // One line per problem, each with its path, in the order of the file.
    let expected = [
        "id: ",
        "items[3].text: ",
        "clues[0].sign: ",
        "outcomes[0].leans: ",
        "outcomes[2].evaluation: ",
        "meanwhile: ",
    ];
    assert_eq!(lines.len(), 1 + expected.len(), "{err}");
    for (line, start) in lines[1..].iter().zip(expected) {
        assert!(
            line.starts_with(start),
            "expected `{start}...`, got `{line}`"
        );
    }
}

#[test]
fn validate_reports_a_single_problem_in_the_singular() {
    let file = path("tests/fixtures/invalid/unknown-type.json");
    let out = knee_check(&["validate", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown-type.json: 1 problem\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn validate_a_missing_file_exits_1() {
    let out = knee_check(&["validate", &path("tests/fixtures/no-such-file.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
}

#[test]
fn bad_usage_exits_2_with_the_usage() {
    for args in [
        &[][..],
        &["validate"][..],
        &["validate", "a.json", "b.json"][..],
        &["score", "a.json"][..],
        &["frobnicate", "a.json"][..],
    ] {
        let out = knee_check(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("usage:"), "{args:?}");
    }
}

#[test]
fn help_exits_0() {
    let out = knee_check(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("knee-check validate FILE"));
}

fn score(answers: &str) -> (Output, Option<Value>) {
    let out = knee_check(&["score", &default_file(), &path(answers)]);
    let json = serde_json::from_slice(&out.stdout).ok();
    (out, json)
}

#[test]
fn score_prints_the_outcome_of_a_classic_back_referral() {
    // Tingling from the front of the thigh to the inner knee that changes when the back
    // moves, with low back pain this year: the L3/L4 pattern, so the back should be
    // evaluated.
    let (out, json) = score("tests/fixtures/answers/classic-back.json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = json.expect("score prints JSON");
    assert_eq!(json["outcome"], "back-likely");
    assert_eq!(json["contentVersion"], "2.2.0");
    assert_eq!(json["scoringVersion"], "2");
    let clues: Vec<&str> = json["clues"]
        .as_array()
        .expect("clues")
        .iter()
        .map(|c| c.as_str().expect("id"))
        .collect();
    assert_eq!(
        clues,
        [
            "nerve-feelings",
            "back-movement",
            "thigh-to-inner-knee",
            "sitting-with-back-movement",
            "back-pain-this-year"
        ]
    );
    let statuses: Vec<&str> = json["signs"]
        .as_array()
        .expect("signs")
        .iter()
        .map(|s| s["status"].as_str().expect("status"))
        .collect();
    assert_eq!(statuses, ["fits", "does-not-fit", "fits", "does-not-fit"]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn score_accepts_lists_of_codes_and_prints_knee_likely_for_osteoarthritis() {
    let (out, json) = score("tests/fixtures/answers/knee-osteoarthritis.json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json.expect("JSON")["outcome"], "knee-likely");
}

#[test]
fn score_reports_a_red_flag() {
    let (out, json) = score("tests/fixtures/answers/emergency.json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json.expect("JSON")["outcome"], "red-flag-emergency");
    // The check stops at a red flag, so the unanswered questions are not worth a warning.
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn score_warns_about_unanswered_questions() {
    let (out, json) = score("tests/fixtures/answers/partial.json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json.expect("JSON")["outcome"], "mixed");
    let err = stderr(&out);
    assert!(err.contains("warning: `worse` is not answered"), "{err}");
    assert!(!err.contains("`pain-quality` is not answered"), "{err}");
}

/// Regression: misspelt questions or answers were only warned about and scored as "not
/// answered", so a typo could print a calm knee-likely result with exit code 0.
#[test]
fn score_refuses_answers_with_unknown_questions_or_codes() {
    let (out, json) = score("tests/fixtures/answers/typos.json");
    assert_eq!(out.status.code(), Some(1));
    assert!(json.is_none(), "no result is printed: {}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("no question has linkId `knee-side`"), "{err}");
    assert!(
        err.contains("`pain-quality` has no answer `tingly`"),
        "{err}"
    );
}

#[test]
fn score_refuses_an_invalid_questionnaire() {
    let bad = path("tests/fixtures/invalid/rules-overlap.json");
    let answers = path("tests/fixtures/answers/classic-back.json");
    let out = knee_check(&["score", &bad, &answers]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("both cover"), "{}", stderr(&out));
}

#[test]
fn paths_first_gives_one_path_to_every_outcome_of_the_built_in_questionnaire() {
    let out = knee_check(&[
        "paths",
        &path("questionnaires/knee-or-back.json"),
        "--first",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let (paths, summary) = text
        .trim_end()
        .rsplit_once('\n')
        .expect("paths and a summary");
    let mut outcomes: Vec<&str> = paths
        .lines()
        .map(|line| line.rsplit_once(" -> ").expect("`steps -> outcome`").1)
        .collect();
    outcomes.sort_unstable();
    assert_eq!(
        outcomes,
        [
            "back-likely",
            "cant-tell",
            "hip-and-back",
            "hip-possible",
            "knee-likely",
            "mixed",
            "red-flag-emergency",
            "red-flag-today",
            "under-18"
        ]
    );
    assert!(summary.starts_with("9 paths: "), "{summary}");
}

#[test]
fn paths_lists_every_path_and_a_summary() {
    let out = knee_check(&["paths", &path("tests/fixtures/valid/minimal.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    // Under 18; emergency yes or not sure; today yes; then 3 * 2 complete answer sets.
    let total = 1 + 2 + 1 + 6;
    assert_eq!(lines.len(), total + 1, "{text}");
    let (summary, paths) = lines.split_last().expect("lines");

    let mut counted = std::collections::BTreeMap::<&str, usize>::new();
    for line in paths {
        let (_, outcome) = line.rsplit_once(" -> ").expect("`steps -> outcome`");
        *counted.entry(outcome).or_default() += 1;
    }
    let (head, counts) = summary.split_once(": ").expect("`N paths: ...`");
    assert_eq!(head, format!("{total} paths"));
    let mut sum = 0;
    for part in counts.split(", ") {
        let (id, n) = part.rsplit_once(' ').expect("`id n`");
        let n: usize = n.parse().expect("a count");
        assert_eq!(counted.get(id), Some(&n), "summary {id} {n}");
        sum += n;
    }
    assert_eq!(sum, total);
    assert_eq!(counted["red-flag-emergency"], 2);
    assert_eq!(counted["red-flag-today"], 1);
    assert_eq!(counted["under-18"], 1);
    // The emergency path stops right after its red-flag answer.
    assert!(
        paths.contains(&"age=adult red=unsure -> red-flag-emergency"),
        "{text}"
    );
}

#[test]
fn report_prints_the_share_per_outcome_and_the_red_flags_of_each_tier() {
    let out = knee_check(&["report", &default_file()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("clinical review: none recorded"), "{text}");
    // Each tier names what it catches, and whether it stops the check.
    assert!(
        text.contains(
            "emergency (red-flag-emergency): `rf-emergency` = yes or unsure stops the check"
        ),
        "{text}"
    );
    assert!(
        text.contains("today (red-flag-today): `rf-today` = yes or unsure stops the check"),
        "{text}"
    );
    assert!(
        text.contains("soon (red-flag-soon): `rf-soon` = yes or unsure opens the result"),
        "{text}"
    );
    assert!(
        text.contains("under18 (under-18): `age` = under-18 stops the check"),
        "{text}"
    );
    assert!(text.contains("New trouble peeing"), "{text}");
    // Every outcome has a line with its share of all, knee-pointing and back-pointing
    // stories; knee stories never end back-likely and back stories never knee-likely.
    let row = |id: &str| -> Vec<String> {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no row for {id}: {text}"));
        line.split_whitespace().skip(1).map(str::to_owned).collect()
    };
    for id in [
        "cant-tell",
        "hip-and-back",
        "hip-possible",
        "back-likely",
        "knee-likely",
        "mixed",
    ] {
        assert_eq!(row(id).len(), 3, "{id}");
    }
    assert_eq!(row("back-likely")[1], "0.0%");
    assert_eq!(row("knee-likely")[2], "0.0%");
    assert!(text.contains("over 10584000 answer combinations"), "{text}");
}

#[test]
fn paths_refuses_an_invalid_questionnaire() {
    let out = knee_check(&["paths", &path("tests/fixtures/invalid/not-json.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
}

#[test]
fn fhir_exports_every_question_with_the_files_link_ids() {
    let out = knee_check(&["fhir", &default_file(), "es"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let resource: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(resource["resourceType"], "Questionnaire");
    assert_eq!(resource["language"], "es");
    let link_ids: Vec<&str> = resource["item"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|item| item["linkId"].as_str())
        .collect();
    assert_eq!(link_ids.len(), 14);
    assert_eq!(link_ids[0], "age");
    assert_eq!(link_ids[1], "rf-emergency");
    assert!(link_ids.contains(&"pain-quality"));
}

#[test]
fn response_exports_the_answers_and_the_outcome() {
    let answers = path("tests/fixtures/answers/classic-back.json");
    let out = Command::new(env!("CARGO_BIN_EXE_knee-check"))
        .args(["response", &default_file(), &answers])
        .env("KNEE_CHECK_AUTHORED", "2026-11-25T10:00:00Z")
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let resource: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(resource["resourceType"], "QuestionnaireResponse");
    assert_eq!(resource["authored"], "2026-11-25T10:00:00Z");
    assert_eq!(resource["extension"][0]["valueCode"], "back-likely");
    assert_eq!(
        resource["questionnaire"],
        "urn:knee-check:questionnaire:knee-or-back|2.2.0"
    );
}

#[test]
fn exports_refuse_an_unknown_language_and_misspelt_answers() {
    let out = knee_check(&["fhir", &default_file(), "fr"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("fr"), "{}", stderr(&out));
    let typos = path("tests/fixtures/answers/typos.json");
    let out = knee_check(&["response", &default_file(), &typos]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
}

#[test]
fn response_without_a_clock_override_is_authored_now_in_utc() {
    let answers = path("tests/fixtures/answers/classic-back.json");
    let out = knee_check(&["response", &default_file(), &answers]);
    let resource: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let authored = resource["authored"].as_str().expect("authored");
    // 2026-11-25T10:00:00Z: a date, a time and the UTC zone.
    assert_eq!(authored.len(), 20, "{authored}");
    assert!(
        authored.starts_with("20") && authored.ends_with('Z'),
        "{authored}"
    );
    assert_eq!(&authored[4..5], "-");
    assert_eq!(&authored[10..11], "T");
}
