//! Clinical vignettes: short written stories of readers, what they would answer, and the
//! outcome the clinical brief (`CONTENT.md`) says they must get. Each is checked twice:
//! by scoring the answers directly, and by clicking through the session state machine the
//! way the widget does, so the UI path cannot reach a different result.
#![cfg(not(target_arch = "wasm32"))]

use knee_check::check::scoring::{self, Answers};
use knee_check::check::session::{Action, Screen, Session};
use knee_check::questionnaire::builtin;
use knee_check::questionnaire::model::Questionnaire;

/// One reader.
struct Vignette {
    /// A short name, printed when the vignette fails.
    name: &'static str,
    /// The reader's story in one line.
    story: &'static str,
    /// `(linkId, code)` for every question the reader answers.
    answers: &'static [(&'static str, &'static str)],
    /// The outcome the story must give.
    outcome: &'static str,
    /// Exactly the factors that must match (`None` for red flags, where the check stops).
    matched: Option<&'static [&'static str]>,
    /// Whether the "you answered Not sure several times" note must be shown.
    unsure_note: bool,
}

macro_rules! answers {
    ($($link:literal = $code:literal),* $(,)?) => { &[$(($link, $code)),*] };
}

const VIGNETTES: &[Vignette] = &[
    Vignette {
        name: "classic back referral",
        story: "Tingling at the knee that runs down the leg, starts when sitting and changes \
                when bending forward, with a stiff low back.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "tingling",
            "spread" = "yes",
            "injection" = "never",
            "when" = "sitting",
            "posture" = "posture",
            "therapy" = "never",
            "back" = "yes",
        ),
        outcome: "back-likely",
        matched: Some(&["nerve", "pattern", "spread", "back"]),
        unsure_note: false,
    },
    Vignette {
        name: "knee osteoarthritis",
        story: "Dull ache after use and on stairs; the knee shot clearly helped and physical \
                therapy helped a lot; no back trouble.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "ache",
            "spread" = "no",
            "injection" = "helped",
            "when" = "activity",
            "posture" = "neither",
            "therapy" = "lot",
            "back" = "no",
        ),
        outcome: "knee-likely",
        matched: Some(&[]),
        unsure_note: false,
    },
    Vignette {
        name: "kneecap pain with sitting",
        story: "Ache at the front of the knee during long films, eases on walking, nothing \
                else: typical kneecap pain, so sitting alone must not move the result.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "ache",
            "spread" = "no",
            "injection" = "never",
            "when" = "sitting",
            "posture" = "neither",
            "therapy" = "never",
            "back" = "no",
        ),
        outcome: "knee-likely",
        matched: Some(&[]),
        unsure_note: false,
    },
    Vignette {
        name: "kneecap pain with sitting and an old stiff back",
        story: "The same kneecap pain when sitting, in someone whose back was stiff years \
                ago: back history is context only and sitting still does not count.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "ache",
            "spread" = "no",
            "injection" = "never",
            "when" = "sitting",
            "posture" = "neither",
            "therapy" = "never",
            "back" = "yes",
        ),
        outcome: "knee-likely",
        matched: Some(&["back"]),
        unsure_note: false,
    },
    Vignette {
        name: "sitting together with pain that moves around",
        story: "Pain when sitting that also wanders from the front to the side of the knee: \
                sitting counts once another pattern feature comes with it.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "ache",
            "spread" = "no",
            "injection" = "never",
            "when" = "sitting",
            "posture" = "moves",
            "therapy" = "never",
            "back" = "no",
        ),
        outcome: "mixed",
        matched: Some(&["pattern"]),
        unsure_note: false,
    },
    Vignette {
        name: "emergency overrides a knee picture",
        story: "Knee-typical answers would follow, but the reader has new bladder trouble: \
                send to emergency care.",
        answers: answers!(
            "rf-emergency" = "yes",
            "rf-urgent" = "no",
            "pain-quality" = "ache",
            "spread" = "no",
            "injection" = "helped",
            "when" = "activity",
            "posture" = "neither",
            "therapy" = "lot",
            "back" = "no",
        ),
        outcome: "red-flag-emergency",
        matched: None,
        unsure_note: false,
    },
    Vignette {
        name: "emergency overrides a back picture",
        story: "Every answer points to the back, and the leg is getting weak fast: still \
                emergency care, not a back-likely result.",
        answers: answers!(
            "rf-emergency" = "yes",
            "rf-urgent" = "no",
            "pain-quality" = "numb",
            "spread" = "yes",
            "injection" = "little",
            "when" = "sitting",
            "posture" = "both",
            "therapy" = "none",
            "back" = "yes",
        ),
        outcome: "red-flag-emergency",
        matched: None,
        unsure_note: false,
    },
    Vignette {
        name: "urgent red flag",
        story: "Knee pain began with a hard fall and every other answer points to the back: \
                see a doctor today.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "yes",
            "pain-quality" = "sharp",
            "spread" = "yes",
            "injection" = "never",
            "when" = "random",
            "posture" = "both",
            "therapy" = "partly",
            "back" = "yes",
        ),
        outcome: "red-flag-urgent",
        matched: None,
        unsure_note: false,
    },
    Vignette {
        name: "urgent red flag in a knee picture",
        story: "A fever with a swollen knee after use: see a doctor today.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "yes",
            "pain-quality" = "ache",
            "spread" = "no",
            "injection" = "never",
            "when" = "activity",
            "posture" = "neither",
            "therapy" = "never",
            "back" = "no",
        ),
        outcome: "red-flag-urgent",
        matched: None,
        unsure_note: false,
    },
    Vignette {
        name: "treatment non-response alone",
        story: "Knee ache on stairs; the shot did little and physical therapy only partly \
                helped: suggestive, never enough for back-likely.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "ache",
            "spread" = "no",
            "injection" = "little",
            "when" = "activity",
            "posture" = "neither",
            "therapy" = "partly",
            "back" = "no",
        ),
        outcome: "mixed",
        matched: Some(&["injection", "therapy"]),
        unsure_note: false,
    },
    Vignette {
        name: "treatment non-response with spread and back history",
        story: "Shot and therapy both failed, the ache reaches the thigh and the back is \
                stiff, but nothing feels like a nerve and the pattern fits knee use: signs 2 \
                and 4 without sign 1 or 3 stay mixed.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "ache",
            "spread" = "yes",
            "injection" = "little",
            "when" = "activity",
            "posture" = "neither",
            "therapy" = "none",
            "back" = "yes",
        ),
        outcome: "mixed",
        matched: Some(&["injection", "therapy", "spread", "back"]),
        unsure_note: false,
    },
    Vignette {
        name: "nerve symptoms alone",
        story: "Burning at the knee, nothing else unusual: the strongest single sign gives a \
                mixed picture.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "burning",
            "spread" = "no",
            "injection" = "never",
            "when" = "activity",
            "posture" = "neither",
            "therapy" = "never",
            "back" = "no",
        ),
        outcome: "mixed",
        matched: Some(&["nerve"]),
        unsure_note: false,
    },
    Vignette {
        name: "shooting pain down the leg",
        story: "Shooting pain from the knee into the shin, no back history: a nerve pattern \
                that looks beyond the knee.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "sharp",
            "spread" = "yes",
            "injection" = "never",
            "when" = "activity",
            "posture" = "neither",
            "therapy" = "never",
            "back" = "no",
        ),
        outcome: "back-likely",
        matched: Some(&["nerve", "spread"]),
        unsure_note: false,
    },
    Vignette {
        name: "posture-driven pain with a plateau",
        story: "A dull ache that comes on sitting, changes with bending and moves around, \
                stiff back, a knee shot that did little and therapy that stalled: three of \
                the four signs, led by the pattern, point beyond the knee.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "ache",
            "spread" = "no",
            "injection" = "little",
            "when" = "sitting",
            "posture" = "both",
            "therapy" = "partly",
            "back" = "yes",
        ),
        outcome: "back-likely",
        matched: Some(&["injection", "pattern", "therapy", "back"]),
        unsure_note: false,
    },
    Vignette {
        name: "pattern with back stiffness and a plateau stays mixed",
        story: "Pain that changes with posture and moves around, a stiff back and therapy \
                that stalled, but nerve-like pain and a failed shot are absent: two of the \
                four signs, so ask for the back and hip to be checked too.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "ache",
            "spread" = "no",
            "injection" = "never",
            "when" = "sitting",
            "posture" = "both",
            "therapy" = "partly",
            "back" = "yes",
        ),
        outcome: "mixed",
        matched: Some(&["pattern", "therapy", "back"]),
        unsure_note: false,
    },
    Vignette {
        name: "sharp pain with an old stiff back stays mixed",
        story: "Sharp knee pain, common in meniscus problems too, plus back stiffness years \
                ago: one sign and a context finding are not several signs.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "sharp",
            "spread" = "no",
            "injection" = "never",
            "when" = "activity",
            "posture" = "neither",
            "therapy" = "never",
            "back" = "yes",
        ),
        outcome: "mixed",
        matched: Some(&["nerve", "back"]),
        unsure_note: false,
    },
    Vignette {
        name: "hip-ish mixed picture",
        story: "An ache that wanders around the knee with no clear pattern and reaches the \
                thigh, as hip pain often does: ask for the back and hip to be checked too.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "ache",
            "spread" = "yes",
            "injection" = "never",
            "when" = "random",
            "posture" = "moves",
            "therapy" = "never",
            "back" = "no",
        ),
        outcome: "mixed",
        matched: Some(&["pattern", "spread"]),
        unsure_note: false,
    },
    Vignette {
        name: "all not sure",
        story: "A reader who cannot tell about anything: no sign is claimed, so knee-likely, \
                with the note that the result tells less.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "unsure",
            "spread" = "unsure",
            "injection" = "unsure",
            "when" = "unsure",
            "posture" = "unsure",
            "therapy" = "unsure",
            "back" = "unsure",
        ),
        outcome: "knee-likely",
        matched: Some(&[]),
        unsure_note: true,
    },
    Vignette {
        name: "back picture with a couple of unsure answers",
        story: "Tingling with posture-driven pain and a stiff back, unsure about spread and \
                the shot: two unsure answers are not enough for the note.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "tingling",
            "spread" = "unsure",
            "injection" = "unsure",
            "when" = "sitting",
            "posture" = "both",
            "therapy" = "never",
            "back" = "yes",
        ),
        outcome: "back-likely",
        matched: Some(&["nerve", "pattern", "back"]),
        unsure_note: false,
    },
    Vignette {
        name: "mixed picture with three unsure answers",
        story: "Numbness at the knee, unsure about spread, pattern and therapy: mixed, and \
                the unsure note is shown.",
        answers: answers!(
            "rf-emergency" = "no",
            "rf-urgent" = "no",
            "pain-quality" = "numb",
            "spread" = "unsure",
            "injection" = "never",
            "when" = "unsure",
            "posture" = "neither",
            "therapy" = "unsure",
            "back" = "no",
        ),
        outcome: "mixed",
        matched: Some(&["nerve"]),
        unsure_note: true,
    },
];

fn questionnaire() -> Questionnaire {
    builtin::knee_or_back().expect("the default questionnaire is valid")
}

fn to_answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(link, code)| ((*link).to_owned(), vec![(*code).to_owned()]))
        .collect()
}

/// Clicks through the widget: Start, then on each question Choose the story's answer and
/// Continue, until a result or a red-flag card.
fn click_through(q: &Questionnaire, pairs: &[(&str, &str)]) -> Session {
    let mut session = Session::new().apply(q, Action::Start);
    for _ in 0..=q.items.len() {
        let Screen::Question(index) = *session.screen() else {
            return session;
        };
        let link_id = &q.items[index].link_id;
        let (_, code) = pairs
            .iter()
            .find(|(link, _)| link == link_id)
            .unwrap_or_else(|| panic!("the story has no answer for `{link_id}`"));
        session = session
            .apply(q, Action::Choose((*code).to_owned()))
            .apply(q, Action::Continue);
    }
    panic!("the check did not finish after one step per question");
}

fn matched_ids(a: &scoring::Assessment) -> Vec<String> {
    let mut ids: Vec<String> = a
        .factors
        .iter()
        .filter(|f| f.matched)
        .map(|f| f.id.clone())
        .collect();
    ids.sort();
    ids
}

#[test]
fn vignettes_score_as_the_brief_says() {
    let q = questionnaire();
    let mut failures = Vec::new();
    for v in VIGNETTES {
        let a = scoring::score(&q, &to_answers(v.answers));
        let outcome = a.outcome.id();
        if outcome != v.outcome {
            failures.push(format!(
                "{}: expected {}, got {outcome}\n  story: {}",
                v.name, v.outcome, v.story
            ));
        }
        if let Some(expected) = v.matched {
            let mut expected: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
            expected.sort();
            let got = matched_ids(&a);
            if got != expected {
                failures.push(format!(
                    "{}: expected matched factors {expected:?}, got {got:?}",
                    v.name
                ));
            }
        }
        if a.show_unsure_note != v.unsure_note {
            failures.push(format!(
                "{}: expected unsure note shown = {}, got {}",
                v.name, v.unsure_note, a.show_unsure_note
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn vignettes_reach_the_same_outcome_through_the_widget() {
    let q = questionnaire();
    for v in VIGNETTES {
        let session = click_through(&q, v.answers);
        let a = session
            .assessment(&q)
            .unwrap_or_else(|| panic!("{}: no assessment on {:?}", v.name, session.screen()));
        assert_eq!(a.outcome.id(), v.outcome, "{}: {}", v.name, v.story);
        match v.outcome {
            "red-flag-emergency" | "red-flag-urgent" => {
                let Screen::RedFlag { urgency, .. } = *session.screen() else {
                    panic!(
                        "{}: expected the red-flag card, got {:?}",
                        v.name,
                        session.screen()
                    );
                };
                assert_eq!(
                    format!("red-flag-{}", urgency.id()),
                    v.outcome,
                    "{}",
                    v.name
                );
            }
            _ => {
                assert_eq!(*session.screen(), Screen::Result, "{}", v.name);
                assert_eq!(a.show_unsure_note, v.unsure_note, "{}", v.name);
                if let Some(expected) = v.matched {
                    let mut expected: Vec<String> =
                        expected.iter().map(|s| (*s).to_owned()).collect();
                    expected.sort();
                    assert_eq!(matched_ids(&a), expected, "{}", v.name);
                }
            }
        }
    }
}

#[test]
fn red_flag_card_stops_the_check_before_later_questions() {
    // A reader who answers yes to the emergency question is never asked about their pain.
    let q = questionnaire();
    let session = click_through(&q, VIGNETTES[6].answers);
    assert_eq!(session.answers().len(), 1, "{:?}", session.answers());
    assert!(session.answers().contains_key("rf-emergency"));
}

#[test]
fn both_red_flags_answered_give_the_emergency_outcome() {
    // If answers arrive with both red flags (for example from the CLI), the more urgent wins.
    let q = questionnaire();
    let mut pairs = VIGNETTES[1].answers.to_vec();
    for pair in &mut pairs {
        if pair.0.starts_with("rf-") {
            pair.1 = "yes";
        }
    }
    let a = scoring::score(&q, &to_answers(&pairs));
    assert_eq!(a.outcome.id(), "red-flag-emergency");
}

#[test]
fn every_vignette_answers_every_question_once() {
    // Guards the table itself: a typo in a code would silently score as "not answered".
    let q = questionnaire();
    for v in VIGNETTES {
        assert_eq!(v.answers.len(), q.items.len(), "{}", v.name);
        for (link, code) in v.answers {
            let index = q
                .item_index(link)
                .unwrap_or_else(|| panic!("{}: no question `{link}`", v.name));
            assert!(
                q.items[index].option(code).is_some(),
                "{}: `{link}` has no answer `{code}`",
                v.name
            );
        }
    }
}

#[test]
fn at_least_twelve_vignettes() {
    assert!(VIGNETTES.len() >= 12);
}

#[test]
fn result_names_content_and_scoring_version() {
    let q = questionnaire();
    let a = scoring::score(&q, &to_answers(VIGNETTES[0].answers));
    assert_eq!(a.content_version, q.content_version);
    assert!(!a.content_version.is_empty());
    assert!(!a.scoring_version.is_empty());
}
