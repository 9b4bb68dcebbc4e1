//! The `knee-check` command line, for clinicians and content editors who adapt the
//! questionnaire. It runs the same loader, scoring and path walk as the widget.
//!
//! ```text
//! knee-check validate FILE            every problem in FILE; exit 1 if any
//! knee-check score FILE ANSWERS.json  the result for a set of answers, as JSON
//! knee-check paths FILE               every reachable path and its outcome
//! knee-check report FILE              the share of answer combinations per outcome, and
//!                                     which red flags each tier catches
//! knee-check fhir FILE [LANG]         the questionnaire as a FHIR R4 Questionnaire
//! knee-check response FILE ANSWERS.json [LANG]
//!                                     answers as a FHIR R4 QuestionnaireResponse
//! ```

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::ops::ControlFlow;

use serde_json::{json, Value};

use crate::check::paths;
use crate::check::scoring::{self, Answers};
use crate::export::fhir;
use crate::lang::Lang;
use crate::questionnaire::model::{Questionnaire, Urgency};
use crate::questionnaire::validate;

const USAGE: &str = "usage:
  knee-check validate FILE            list every problem in a questionnaire file
  knee-check score FILE ANSWERS.json  score answers ({\"linkId\": \"code\" or [\"code\", ...]})
  knee-check paths FILE [--first]     list every reachable answer path and its outcome
                                      (--first: only the first path to each outcome)
  knee-check report FILE              share of answer combinations per outcome; red flags per tier
  knee-check fhir FILE [LANG]         export the questionnaire as a FHIR R4 Questionnaire (LANG: en, es)
  knee-check response FILE ANSWERS.json [LANG]
                                      export answers as a FHIR R4 QuestionnaireResponse";

/// Runs the CLI with the given arguments (without the program name) and returns the
/// process exit code: 0 on success, 1 when the input has problems, 2 on misuse.
pub fn run(args: Vec<String>) -> i32 {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["validate", file] => validate_file(file),
        ["score", file, answers] => score_file(file, answers),
        ["paths", file] => list_paths(file, false),
        ["paths", file, "--first"] => list_paths(file, true),
        ["report", file] => report(file),
        ["fhir", file] => export_questionnaire(file, "en"),
        ["fhir", file, lang] => export_questionnaire(file, lang),
        ["response", file, answers] => export_response(file, answers, "en"),
        ["response", file, answers, lang] => export_response(file, answers, lang),
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => {
            eprintln!("{USAGE}");
            return 2;
        }
    };
    match result {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("{message}");
            1
        }
    }
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|err| format!("cannot read {path}: {err}"))
}

fn load(path: &str) -> Result<Questionnaire, String> {
    validate::load(&read(path)?).map_err(|problems| {
        let count = problems.0.len();
        format!(
            "{path}: {count} problem{}\n{problems}",
            if count == 1 { "" } else { "s" }
        )
    })
}

fn validate_file(path: &str) -> Result<(), String> {
    let q = load(path)?;
    println!(
        "{path}: valid ({} questions, {} clues, {} outcomes, content {})",
        q.items.len(),
        q.clues.len(),
        q.outcomes.len(),
        q.content_version
    );
    Ok(())
}

/// Reads answers as an object of `linkId` to a code or a list of codes.
pub fn parse_answers(text: &str) -> Result<Answers, String> {
    let value: BTreeMap<String, Value> = serde_json::from_str(text)
        .map_err(|err| format!("answers are not a JSON object: {err}"))?;
    value
        .into_iter()
        .map(|(link_id, codes)| {
            let codes = match codes {
                Value::String(code) => vec![code],
                Value::Array(list) => list
                    .into_iter()
                    .map(|code| match code {
                        Value::String(code) => Ok(code),
                        other => Err(format!("answer to `{link_id}`: {other} is not a code")),
                    })
                    .collect::<Result<_, _>>()?,
                other => return Err(format!("answer to `{link_id}`: {other} is not a code")),
            };
            Ok((link_id, codes))
        })
        .collect()
}

/// Reads an answers file and refuses codes the questionnaire does not know.
fn checked_answers(q: &Questionnaire, answers_path: &str) -> Result<Answers, String> {
    let answers = parse_answers(&read(answers_path)?)?;
    // A misspelt question or answer would otherwise be scored as "not answered" and could
    // print a calm knee-likely result for a reader whose answers point elsewhere.
    let mut problems = Vec::new();
    for (link_id, codes) in &answers {
        match q.item_index(link_id) {
            None => problems.push(format!("no question has linkId `{link_id}`")),
            Some(i) => {
                for code in codes.iter().filter(|c| q.items[i].option(c).is_none()) {
                    problems.push(format!("`{link_id}` has no answer `{code}`"));
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(format!("{answers_path}:\n{}", problems.join("\n")));
    }
    Ok(answers)
}

fn score_file(path: &str, answers_path: &str) -> Result<(), String> {
    let q = load(path)?;
    let answers = checked_answers(&q, answers_path)?;
    let a = scoring::score(&q, &answers);
    // After a red flag the check stops, so later questions are rightly unanswered.
    if let scoring::Outcome::Band { .. } = a.outcome {
        for (i, item) in q.items.iter().enumerate() {
            if !answers.contains_key(&item.link_id) && scoring::is_enabled(&q, &answers, i) {
                eprintln!("warning: `{}` is not answered", item.link_id);
            }
        }
    }
    let report = json!({
        "outcome": a.outcome.id(),
        "soon": a.soon.is_some(),
        "back": a.case.back,
        "hip": a.case.hip,
        "knee": a.case.knee,
        "unsure": a.case.unsure,
        "kneeCap": a.case.capped,
        "clues": a.clues.iter().map(|&c| q.clues[c].id.clone()).collect::<Vec<_>>(),
        "signs": q.signs.iter().zip(&a.signs).map(|(sign, status)| json!({
            "sign": sign.number,
            "status": match status {
                scoring::SignStatus::Fits => "fits",
                scoring::SignStatus::DoesNotFit => "does-not-fit",
                scoring::SignStatus::NotSure => "not-sure",
            },
        })).collect::<Vec<_>>(),
        "contentVersion": a.content_version,
        "scoringVersion": a.scoring_version,
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&report).unwrap_or_default()
    );
    Ok(())
}

fn language(tag: &str) -> Result<Lang, String> {
    Lang::from_tag(tag).ok_or_else(|| format!("language `{tag}` is not supported (use en or es)"))
}

fn export_questionnaire(path: &str, lang: &str) -> Result<(), String> {
    let q = load(path)?;
    print_json(&fhir::questionnaire(&q, language(lang)?));
    Ok(())
}

fn export_response(path: &str, answers_path: &str, lang: &str) -> Result<(), String> {
    let q = load(path)?;
    let answers = checked_answers(&q, answers_path)?;
    let assessment = scoring::score(&q, &answers);
    // The CLI has a clock; the core does not. A fixed time keeps exports reproducible when
    // KNEE_CHECK_AUTHORED is set (tests, reviews).
    let authored = std::env::var("KNEE_CHECK_AUTHORED").unwrap_or_else(|_| now_utc());
    let resource =
        fhir::questionnaire_response(&q, &answers, &assessment, language(lang)?, &authored);
    print_json(&resource);
    Ok(())
}

/// Prints an export as indented JSON text, ending with a newline.
fn print_json(resource: &impl serde::Serialize) {
    println!(
        "{}",
        serde_json::to_string_pretty(resource).unwrap_or_default()
    );
}

/// The current time as an ISO 8601 UTC date-time, from the system clock.
fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// `knee-check paths FILE [--first]`. A questionnaire has millions of paths; `--first`
/// gives one per outcome (a clinician's way to see each screen, and the tests').
fn list_paths(path: &str, first_only: bool) -> Result<(), String> {
    let q = load(path)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let mut per_outcome: BTreeMap<String, u64> = BTreeMap::new();
    let mut write_error = None;
    let mut total = 0u64;
    let mut emit = |p: &paths::Path| {
        let id = p.assessment.outcome.id();
        let steps: Vec<String> = p
            .steps
            .iter()
            .map(|(link_id, codes)| format!("{link_id}={}", codes.join("+")))
            .collect();
        if let Err(err) = writeln!(out, "{} -> {id}", steps.join(" ")) {
            // Nobody reads on (`| head`): stop walking.
            write_error = Some(err);
            return ControlFlow::Break(());
        }
        total += 1;
        *per_outcome.entry(id).or_default() += 1;
        ControlFlow::Continue(())
    };
    if first_only {
        for p in paths::first_of_each(&q) {
            if emit(&p).is_break() {
                break;
            }
        }
    } else {
        let _ = paths::walk_until(&q, &mut emit);
    }
    if let Some(err) = write_error {
        // A closed pipe (`| head`) is not a failure of the questionnaire.
        if err.kind() != io::ErrorKind::BrokenPipe {
            return Err(format!("cannot write: {err}"));
        }
        return Ok(());
    }
    let summary: Vec<String> = per_outcome
        .iter()
        .map(|(id, n)| format!("{id} {n}"))
        .collect();
    let _ = writeln!(out, "{total} paths: {}", summary.join(", "));
    Ok(())
}

/// `knee-check report FILE`: the sanity figures a clinician reads before trusting a file.
fn report(path: &str) -> Result<(), String> {
    let q = load(path)?;
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(format!(
        "{} {} (scoring version {})",
        q.id,
        q.content_version,
        scoring::SCORING_VERSION
    ));
    line(match &q.review {
        Some(review) => format!("clinical review: {} by {}", review.date, review.reviewer),
        None => "clinical review: none recorded".to_owned(),
    });
    line(String::new());
    line("Red flags, by tier (\"Not sure\" counts as yes):".to_owned());
    for urgency in [
        Urgency::Emergency,
        Urgency::Today,
        Urgency::Soon,
        Urgency::Under18,
    ] {
        for item in q.items.iter().filter(|i| i.red_flag == Some(urgency)) {
            let raised: Vec<&str> = item
                .options
                .iter()
                .filter(|o| o.red_flag)
                .map(|o| o.code.as_str())
                .collect();
            let stops = if urgency.interrupts() {
                "stops the check"
            } else {
                "opens the result"
            };
            line(format!(
                "  {} ({}): `{}` = {} {stops}",
                urgency.id(),
                card_id(urgency),
                item.link_id,
                raised.join(" or ")
            ));
            for bullet in &item.bullets {
                line(format!("    - {}", bullet.get(Lang::En)));
            }
        }
    }
    line(String::new());
    let tally = paths::tally(&q)
        .ok_or("the file has more clue conditions than the report can follow (128)")?;
    line(format!(
        "Outcomes over {} answer combinations (an adult, no red flag, one answer to each question):",
        tally.total
    ));
    let share = |n: u64, of: u64| {
        if of == 0 {
            "-".to_owned()
        } else {
            format!("{:.1}%", n as f64 * 100.0 / of as f64)
        }
    };
    let knee_total: u64 = tally.knee_stories.iter().map(|(_, n)| n).sum();
    let back_total: u64 = tally.back_stories.iter().map(|(_, n)| n).sum();
    line(format!(
        "  {:<14} {:>8} {:>14} {:>14}",
        "outcome", "all", "knee stories", "back stories"
    ));
    for (i, (id, n)) in tally.per_outcome.iter().enumerate() {
        line(format!(
            "  {:<14} {:>8} {:>14} {:>14}",
            id,
            share(*n, tally.total),
            share(tally.knee_stories[i].1, knee_total),
            share(tally.back_stories[i].1, back_total)
        ));
    }
    line(format!(
        "  (knee stories: {knee_total} combinations whose clues point only to the knee; back stories: {back_total}, only to the back)"
    ));
    print!("{out}");
    Ok(())
}

fn card_id(urgency: Urgency) -> String {
    scoring::Outcome::RedFlag {
        urgency,
        link_id: String::new(),
    }
    .id()
}
