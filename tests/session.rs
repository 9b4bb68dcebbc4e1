//! The session state machine, screen by screen: what a reader sees after each thing they
//! do. Most tests use the default questionnaire; the `multiple` and `enableWhen` tests use
//! a small questionnaire written here, with a chain of `enableWhen` the default file lacks.
#![cfg(not(target_arch = "wasm32"))]

use knee_check::check::scoring;
use knee_check::check::session::{Action, Screen, Session, StepError};
use knee_check::questionnaire::builtin;
use knee_check::questionnaire::model::{Questionnaire, Urgency};
use knee_check::questionnaire::validate;

fn default_q() -> Questionnaire {
    builtin::knee_or_back().expect("the default questionnaire is valid")
}

/// A small questionnaire with a `multiple` question (with exclusive "None" and "Not sure"),
/// and a follow-up question enabled only by an earlier answer, itself enabling another.
const SMALL: &str = r#"{
  "id": "small",
  "contentVersion": "0.1.0",
  "title": {
    "en": "Small check",
    "es": "Cuestionario pequeño"
  },
  "items": [
    {
      "linkId": "rf",
      "redFlag": "emergency",
      "text": {
        "en": "Any warning signs?",
        "es": "¿Alguna señal de alarma?"
      },
      "answerOption": [
        {
          "code": "yes",
          "redFlag": true,
          "text": {
            "en": "Yes",
            "es": "Sí"
          }
        },
        {
          "code": "no",
          "text": {
            "en": "No",
            "es": "No"
          }
        }
      ]
    },
    {
      "linkId": "rf-today",
      "redFlag": "today",
      "text": {
        "en": "Any signs for today?",
        "es": "¿Alguna señal para hoy?"
      },
      "answerOption": [
        {
          "code": "yes",
          "redFlag": true,
          "text": {
            "en": "Yes",
            "es": "Sí"
          }
        },
        {
          "code": "no",
          "text": {
            "en": "No",
            "es": "No"
          }
        }
      ]
    },
    {
      "linkId": "had-shot",
      "text": {
        "en": "Have you had a knee shot?",
        "es": "¿Le han puesto una inyección?"
      },
      "answerOption": [
        {
          "code": "yes",
          "text": {
            "en": "Yes",
            "es": "Sí"
          }
        },
        {
          "code": "no",
          "text": {
            "en": "No",
            "es": "No"
          }
        }
      ]
    },
    {
      "linkId": "shot-help",
      "enableWhen": [
        {
          "question": "had-shot",
          "answer": "yes"
        }
      ],
      "text": {
        "en": "How much did it help?",
        "es": "¿Cuánto le ayudó?"
      },
      "answerOption": [
        {
          "code": "little",
          "text": {
            "en": "Little",
            "es": "Poco"
          }
        },
        {
          "code": "lot",
          "text": {
            "en": "A lot",
            "es": "Mucho"
          }
        }
      ]
    },
    {
      "linkId": "shot-again",
      "enableWhen": [
        {
          "question": "shot-help",
          "answer": "little"
        }
      ],
      "text": {
        "en": "Did a second shot help?",
        "es": "¿Le ayudó una segunda?"
      },
      "answerOption": [
        {
          "code": "no",
          "text": {
            "en": "No",
            "es": "No"
          }
        },
        {
          "code": "yes",
          "text": {
            "en": "Yes",
            "es": "Sí"
          }
        }
      ]
    },
    {
      "linkId": "feelings",
      "type": "multiple",
      "text": {
        "en": "Which do you feel?",
        "es": "¿Qué siente?"
      },
      "answerOption": [
        {
          "code": "tingling",
          "text": {
            "en": "Tingling",
            "es": "Hormigueo"
          }
        },
        {
          "code": "burning",
          "text": {
            "en": "Burning",
            "es": "Ardor"
          }
        },
        {
          "code": "numb",
          "text": {
            "en": "Numbness",
            "es": "Adormecimiento"
          }
        },
        {
          "code": "none",
          "exclusive": true,
          "text": {
            "en": "None of these",
            "es": "Ninguno"
          }
        },
        {
          "code": "unsure",
          "exclusive": true,
          "unsure": true,
          "text": {
            "en": "Not sure",
            "es": "No sé"
          }
        }
      ]
    }
  ],
  "signs": [
    {
      "sign": 1,
      "name": {
        "en": "Sign 1",
        "es": "Señal 1"
      },
      "why": {
        "en": "Why.",
        "es": "Por qué."
      },
      "questions": [
        "feelings"
      ]
    },
    {
      "sign": 2,
      "name": {
        "en": "Sign 2",
        "es": "Señal 2"
      },
      "why": {
        "en": "Why.",
        "es": "Por qué."
      },
      "questions": [
        "feelings"
      ]
    },
    {
      "sign": 3,
      "name": {
        "en": "Sign 3",
        "es": "Señal 3"
      },
      "why": {
        "en": "Why.",
        "es": "Por qué."
      },
      "questions": [
        "feelings"
      ]
    },
    {
      "sign": 4,
      "name": {
        "en": "Sign 4",
        "es": "Señal 4"
      },
      "why": {
        "en": "Why.",
        "es": "Por qué."
      },
      "questions": [
        "feelings"
      ]
    }
  ],
  "clues": [
    {
      "id": "tingling",
      "sign": 1,
      "back": 1,
      "when": [
        {
          "question": "feelings",
          "anyOf": [
            "tingling"
          ]
        }
      ],
      "text": {
        "en": "Tingling.",
        "es": "Hormigueo."
      }
    },
    {
      "id": "burning",
      "sign": 1,
      "back": 1,
      "when": [
        {
          "question": "feelings",
          "anyOf": [
            "burning"
          ]
        }
      ],
      "text": {
        "en": "Burning.",
        "es": "Ardor."
      }
    },
    {
      "id": "numb",
      "sign": 1,
      "back": 1,
      "when": [
        {
          "question": "feelings",
          "anyOf": [
            "numb"
          ]
        }
      ],
      "text": {
        "en": "Numbness.",
        "es": "Adormecimiento."
      }
    },
    {
      "id": "shot-little",
      "sign": 2,
      "back": 1,
      "when": [
        {
          "question": "shot-help",
          "anyOf": [
            "little"
          ]
        }
      ],
      "text": {
        "en": "The shot did little.",
        "es": "La inyección ayudó poco."
      }
    },
    {
      "id": "shot-lot",
      "knee": 1,
      "when": [
        {
          "question": "shot-help",
          "anyOf": [
            "lot"
          ]
        }
      ],
      "text": {
        "en": "The shot helped.",
        "es": "La inyección ayudó."
      }
    }
  ],
  "kneeCap": {
    "allClues": [
      "shot-lot"
    ],
    "noClues": []
  },
  "outcomes": [
    {
      "id": "high",
      "leans": "back",
      "when": [
        {
          "backMin": 2
        }
      ],
      "heading": {
        "en": "High",
        "es": "Alto"
      },
      "summary": {
        "en": "High.",
        "es": "Alto."
      },
      "nextStep": {
        "en": "Go.",
        "es": "Vaya."
      },
      "evaluation": [
        {
          "en": "The back",
          "es": "La espalda"
        }
      ]
    },
    {
      "id": "low",
      "leans": "neither",
      "otherwise": true,
      "heading": {
        "en": "Low",
        "es": "Bajo"
      },
      "summary": {
        "en": "Low.",
        "es": "Bajo."
      },
      "nextStep": {
        "en": "Go.",
        "es": "Vaya."
      },
      "evaluation": [
        {
          "en": "The back",
          "es": "La espalda"
        }
      ]
    }
  ],
  "cards": {
    "emergency": {
      "heading": {
        "en": "emergency",
        "es": "emergency"
      },
      "body": {
        "en": "Go.",
        "es": "Vaya."
      }
    },
    "today": {
      "heading": {
        "en": "today",
        "es": "today"
      },
      "body": {
        "en": "Go.",
        "es": "Vaya."
      }
    },
    "under18": {
      "heading": {
        "en": "under18",
        "es": "under18"
      },
      "body": {
        "en": "Go.",
        "es": "Vaya."
      }
    },
    "soon": {
      "heading": {
        "en": "soon",
        "es": "soon"
      },
      "body": {
        "en": "Go.",
        "es": "Vaya."
      }
    }
  },
  "safetyNet": [
    {
      "en": "Numbness",
      "es": "Adormecimiento"
    }
  ],
  "meanwhile": [
    {
      "en": "Move",
      "es": "Muévase"
    }
  ]
}"#;

fn small_q() -> Questionnaire {
    validate::load(SMALL).unwrap_or_else(|problems| panic!("SMALL is invalid:\n{problems}"))
}

fn choose(code: &str) -> Action {
    Action::Choose(code.to_owned())
}

fn index(q: &Questionnaire, link_id: &str) -> usize {
    q.item_index(link_id).expect("question exists")
}

/// Applies the actions in turn.
fn run(q: &Questionnaire, session: Session, actions: impl IntoIterator<Item = Action>) -> Session {
    actions
        .into_iter()
        .fold(session, |session, action| session.apply(q, action))
}

/// Start, then answer with `(code)` per question in order, each followed by Continue.
fn answer_in_order(q: &Questionnaire, codes: &[&str]) -> Session {
    let mut session = Session::new().apply(q, Action::Start);
    for code in codes {
        session = run(q, session, [choose(code), Action::Continue]);
    }
    session
}

/// A full knee-typical walk through the default questionnaire.
const KNEE_WALK: [&str; 14] = [
    "18-49", "no", "no", "no", "kneecap", "ache", "stairs", "no", "none", "gradual", "clearly",
    "lot", "no", "none",
];

#[test]
fn a_new_session_shows_the_intro() {
    let q = default_q();
    let session = Session::new();
    assert_eq!(*session.screen(), Screen::Intro);
    assert!(session.answers().is_empty());
    assert_eq!(session.progress(&q), None);
    assert_eq!(session.assessment(&q), None);
}

#[test]
fn start_goes_to_the_first_question() {
    let q = default_q();
    let session = Session::new().apply(&q, Action::Start);
    assert_eq!(*session.screen(), Screen::Question(0));
    assert!(session.draft().is_empty());
    assert_eq!(session.error(), None);
}

#[test]
fn continue_without_an_answer_shows_an_error_and_stays() {
    let q = default_q();
    let started = Session::new().apply(&q, Action::Start);
    let session = started.apply(&q, Action::Continue);
    assert_eq!(*session.screen(), Screen::Question(0));
    assert_eq!(session.error(), Some(StepError::NoAnswer));
    assert!(session.answers().is_empty());
    // Choosing an answer clears the error, and Continue then moves on.
    let session = session.apply(&q, choose("18-49"));
    assert_eq!(session.error(), None);
    let session = session.apply(&q, Action::Continue);
    assert_eq!(*session.screen(), Screen::Question(1));
}

#[test]
fn choosing_an_unknown_code_changes_nothing() {
    let q = default_q();
    let started = Session::new().apply(&q, Action::Start);
    assert_eq!(started.apply(&q, choose("maybe")), started);
}

#[test]
fn emergency_answer_interrupts_at_once() {
    let q = default_q();
    let session = answer_in_order(&q, &["18-49", "yes"]);
    assert_eq!(
        *session.screen(),
        Screen::RedFlag {
            item: index(&q, "rf-emergency"),
            urgency: Urgency::Emergency
        }
    );
    // Nothing after the red flag has been asked.
    assert_eq!(session.answers().len(), 2);
    let a = session.assessment(&q).expect("the card is scored");
    assert_eq!(a.outcome.id(), "red-flag-emergency");
}

#[test]
fn today_answer_interrupts_before_the_pain_questions() {
    let q = default_q();
    let session = answer_in_order(&q, &["18-49", "no", "unsure"]);
    assert_eq!(
        *session.screen(),
        Screen::RedFlag {
            item: index(&q, "rf-today"),
            urgency: Urgency::Today
        }
    );
    assert!(!session.answers().contains_key("pain-quality"));
}

#[test]
fn continue_and_choose_do_nothing_on_the_red_flag_card() {
    let q = default_q();
    let card = answer_in_order(&q, &["18-49", "yes"]);
    for action in [Action::Continue, choose("no"), Action::Start] {
        assert_eq!(card.apply(&q, action.clone()), card, "{action:?}");
    }
}

#[test]
fn mistake_clears_the_answer_and_returns_to_the_question() {
    let q = default_q();
    let card = answer_in_order(&q, &["18-49", "no", "yes"]);
    let session = card.apply(&q, Action::Mistake);
    assert_eq!(*session.screen(), Screen::Question(index(&q, "rf-today")));
    assert!(session.draft().is_empty(), "nothing is selected");
    assert!(!session.answers().contains_key("rf-today"));
    // The earlier answer is kept, and the reader can carry on.
    assert_eq!(session.answers()["rf-emergency"], vec!["no".to_owned()]);
    let session = run(&q, session, [choose("no"), Action::Continue]);
    assert_eq!(*session.screen(), Screen::Question(index(&q, "rf-soon")));
    // Back from there walks to the red-flag questions as a normal history.
    let session = session.apply(&q, Action::Back);
    assert_eq!(*session.screen(), Screen::Question(index(&q, "rf-today")));
    let session = session.apply(&q, Action::Back);
    assert_eq!(
        *session.screen(),
        Screen::Question(index(&q, "rf-emergency"))
    );
}

#[test]
fn back_on_the_red_flag_card_shows_the_question_with_the_answer_kept() {
    let q = default_q();
    let card = answer_in_order(&q, &["18-49", "yes"]);
    let session = card.apply(&q, Action::Back);
    assert_eq!(*session.screen(), Screen::Question(1));
    assert_eq!(session.draft(), ["yes".to_owned()]);
}

#[test]
fn back_walks_history_and_keeps_answers() {
    let q = default_q();
    let session = answer_in_order(&q, &["18-49", "no", "no", "no", "kneecap", "tingling"]);
    assert_eq!(*session.screen(), Screen::Question(index(&q, "worse")));
    let session = session.apply(&q, Action::Back);
    assert_eq!(
        *session.screen(),
        Screen::Question(index(&q, "pain-quality"))
    );
    assert_eq!(session.draft(), ["tingling".to_owned()]);
    let session = session.apply(&q, Action::Back);
    assert_eq!(*session.screen(), Screen::Question(index(&q, "where")));
    assert_eq!(session.draft(), ["kneecap".to_owned()]);
    // Every answer is still there.
    assert_eq!(session.answers().len(), 6);
    // Continue with the pre-filled draft moves forward again without choosing.
    let session = session.apply(&q, Action::Continue);
    assert_eq!(
        *session.screen(),
        Screen::Question(index(&q, "pain-quality"))
    );
    assert_eq!(session.draft(), ["tingling".to_owned()]);
}

#[test]
fn back_from_the_first_question_returns_to_the_intro() {
    let q = default_q();
    let session = run(
        &q,
        Session::new(),
        [Action::Start, choose("18-49"), Action::Back],
    );
    assert_eq!(*session.screen(), Screen::Intro);
    assert_eq!(session.draft(), [] as [String; 0]);
}

#[test]
fn a_changed_draft_is_not_committed_by_back() {
    let q = default_q();
    let session = answer_in_order(&q, &["18-49", "no", "no", "no", "kneecap", "tingling"]);
    let session = run(&q, session, [Action::Back, choose("ache"), Action::Back]);
    assert_eq!(
        session.answers()["pain-quality"],
        vec!["tingling".to_owned()]
    );
}

#[test]
fn the_last_continue_shows_the_result() {
    let q = default_q();
    let session = answer_in_order(&q, &KNEE_WALK);
    assert_eq!(*session.screen(), Screen::Result);
    let a = session.assessment(&q).expect("the result is scored");
    assert_eq!(a.outcome.id(), "knee-likely");
    assert_eq!(session.answered(&q).count(), q.items.len());
}

#[test]
fn back_from_the_result_returns_to_the_last_question() {
    let q = default_q();
    let session = answer_in_order(&q, &KNEE_WALK).apply(&q, Action::Back);
    assert_eq!(*session.screen(), Screen::Question(index(&q, "hip")));
    assert_eq!(session.draft(), ["none".to_owned()]);
}

#[test]
fn edit_from_the_result_goes_to_that_question_and_back_to_the_result() {
    let q = default_q();
    let result = answer_in_order(&q, &KNEE_WALK);
    let session = result.apply(&q, Action::Edit("pain-quality".to_owned()));
    assert_eq!(
        *session.screen(),
        Screen::Question(index(&q, "pain-quality"))
    );
    assert_eq!(session.draft(), ["ache".to_owned()]);
    let session = session
        .apply(&q, choose("tingling"))
        .apply(&q, Action::Continue);
    // The later questions keep their answers, so Continue returns straight to the result
    // instead of walking the reader through every later question again.
    assert_eq!(*session.screen(), Screen::Result);
    let a = session.assessment(&q).expect("scored");
    assert_eq!(a.case.back, 3, "the tingling counts");
    assert_eq!(
        a.outcome.id(),
        "knee-likely",
        "one nerve word does not outweigh four knee clues"
    );
    // Back after editing walks the questions in order, not the edit jump.
    let session = session.apply(&q, Action::Back);
    assert_eq!(*session.screen(), Screen::Question(index(&q, "hip")));
}

#[test]
fn edit_that_enables_a_skipped_question_asks_it_before_the_result() {
    let q = small_q();
    // No shot: the shot follow-ups are skipped.
    let result = answer_in_order(&q, &["no", "no", "no", "none"]);
    assert_eq!(*result.screen(), Screen::Result);
    let edited = run(
        &q,
        result,
        [
            Action::Edit("had-shot".to_owned()),
            choose("yes"),
            Action::Continue,
        ],
    );
    assert_eq!(*edited.screen(), Screen::Question(index(&q, "shot-help")));
    assert!(
        edited.draft().is_empty(),
        "a newly asked question starts empty"
    );
}

#[test]
fn edit_of_an_unknown_question_changes_nothing() {
    let q = default_q();
    let result = answer_in_order(&q, &KNEE_WALK);
    assert_eq!(result.apply(&q, Action::Edit("nope".to_owned())), result);
}

#[test]
fn restart_clears_all_answers_and_returns_to_the_intro() {
    let q = default_q();
    for session in [
        answer_in_order(&q, &KNEE_WALK),
        answer_in_order(&q, &["18-49", "yes"]),
        answer_in_order(&q, &["18-49", "no", "no", "no", "kneecap"]),
    ] {
        let restarted = session.apply(&q, Action::Restart);
        assert_eq!(*restarted.screen(), Screen::Intro);
        assert!(restarted.answers().is_empty());
        assert_eq!(restarted, Session::new());
    }
}

#[test]
fn progress_counts_n_of_total() {
    let q = default_q();
    let total = q.items.len();
    let mut session = Session::new().apply(&q, Action::Start);
    for (n, code) in KNEE_WALK.iter().enumerate() {
        assert_eq!(session.progress(&q), Some((n + 1, total)), "step {n}");
        session = run(&q, session, [choose(code), Action::Continue]);
    }
    assert_eq!(session.progress(&q), None, "no progress on the result");
}

#[test]
fn actions_invalid_for_a_screen_leave_the_session_unchanged() {
    let q = default_q();
    let intro = Session::new();
    for action in [
        choose("no"),
        Action::Continue,
        Action::Back,
        Action::Mistake,
        Action::Edit("back-pain".to_owned()),
    ] {
        assert_eq!(intro.apply(&q, action.clone()), intro, "intro: {action:?}");
    }
    let question = intro.apply(&q, Action::Start);
    for action in [
        Action::Start,
        Action::Mistake,
        Action::Edit("back-pain".to_owned()),
    ] {
        assert_eq!(
            question.apply(&q, action.clone()),
            question,
            "question: {action:?}"
        );
    }
    let result = answer_in_order(&q, &KNEE_WALK);
    for action in [
        Action::Start,
        choose("yes"),
        Action::Continue,
        Action::Mistake,
    ] {
        assert_eq!(
            result.apply(&q, action.clone()),
            result,
            "result: {action:?}"
        );
    }
    let card = answer_in_order(&q, &["18-49", "yes"]);
    assert_eq!(card.apply(&q, Action::Edit("back-pain".to_owned())), card);
}

// --- a `multiple` question ---------------------------------------------------------------

/// Walks the small questionnaire to the `feelings` question without a shot.
fn at_feelings(q: &Questionnaire) -> Session {
    let session = answer_in_order(q, &["no", "no", "no"]);
    assert_eq!(*session.screen(), Screen::Question(index(q, "feelings")));
    session
}

#[test]
fn multiple_choice_toggles_answers() {
    let q = small_q();
    let session = run(&q, at_feelings(&q), [choose("tingling"), choose("numb")]);
    assert_eq!(session.draft(), ["tingling".to_owned(), "numb".to_owned()]);
    let session = session.apply(&q, choose("tingling"));
    assert_eq!(session.draft(), ["numb".to_owned()]);
    let session = session.apply(&q, choose("numb"));
    assert!(session.draft().is_empty());
    let session = session.apply(&q, Action::Continue);
    assert_eq!(session.error(), Some(StepError::NoAnswer));
}

#[test]
fn exclusive_answer_clears_the_others_and_is_cleared_by_them() {
    let q = small_q();
    let session = run(&q, at_feelings(&q), [choose("tingling"), choose("burning")]);
    let session = session.apply(&q, choose("none"));
    assert_eq!(session.draft(), ["none".to_owned()]);
    let session = session.apply(&q, choose("unsure"));
    assert_eq!(
        session.draft(),
        ["unsure".to_owned()],
        "exclusive replaces exclusive"
    );
    let session = session.apply(&q, choose("numb"));
    assert_eq!(session.draft(), ["numb".to_owned()]);
}

#[test]
fn multiple_answers_are_committed_in_option_order_whatever_the_click_order() {
    let q = small_q();
    let a = run(
        &q,
        at_feelings(&q),
        [choose("numb"), choose("tingling"), Action::Continue],
    );
    let b = run(
        &q,
        at_feelings(&q),
        [choose("tingling"), choose("numb"), Action::Continue],
    );
    assert_eq!(a.answers(), b.answers());
    assert_eq!(
        a.answers()["feelings"],
        vec!["tingling".to_owned(), "numb".to_owned()]
    );
    assert_eq!(*a.screen(), Screen::Result);
    // Two nerve-like feelings reach the nerve threshold.
    assert_eq!(
        a.assessment(&q).map(|x| x.outcome.id()),
        Some("high".into())
    );
}

#[test]
fn one_nerve_feeling_stays_below_the_threshold() {
    let q = small_q();
    let session = run(&q, at_feelings(&q), [choose("burning"), Action::Continue]);
    assert_eq!(
        session.assessment(&q).map(|x| x.outcome.id()),
        Some("low".into())
    );
}

// --- enableWhen ---------------------------------------------------------------------------

#[test]
fn disabled_questions_are_skipped() {
    let q = small_q();
    let session = answer_in_order(&q, &["no", "no", "no"]);
    assert_eq!(*session.screen(), Screen::Question(index(&q, "feelings")));
    // Two of the five questions are not asked.
    assert_eq!(session.progress(&q), Some((4, 4)));
}

#[test]
fn enabled_follow_ups_are_asked_in_turn() {
    let q = small_q();
    let session = answer_in_order(&q, &["no", "no", "yes"]);
    assert_eq!(*session.screen(), Screen::Question(index(&q, "shot-help")));
    assert_eq!(session.progress(&q), Some((4, 5)));
    let session = run(&q, session, [choose("little"), Action::Continue]);
    assert_eq!(*session.screen(), Screen::Question(index(&q, "shot-again")));
    assert_eq!(session.progress(&q), Some((5, 6)));
    let session = run(&q, session, [choose("no"), Action::Continue]);
    assert_eq!(*session.screen(), Screen::Question(index(&q, "feelings")));
}

#[test]
fn stale_answers_of_disabled_questions_are_ignored_in_scoring() {
    let q = small_q();
    // Shot did little, twice: the injection sign matches.
    let result = answer_in_order(&q, &["no", "no", "yes", "little", "no", "none"]);
    assert_eq!(*result.screen(), Screen::Result);
    let a = result.assessment(&q).expect("scored");
    assert_eq!(
        a.clues,
        [q.clues
            .iter()
            .position(|c| c.id == "shot-little")
            .expect("clue")]
    );
    assert_eq!(a.case.back, 1);

    // The reader edits "had a shot" to no: the shot follow-ups are no longer asked.
    let edited = run(
        &q,
        result,
        [
            Action::Edit("had-shot".to_owned()),
            choose("no"),
            Action::Continue,
        ],
    );
    // "feelings" keeps its answer, so the edit returns straight to the result.
    assert_eq!(*edited.screen(), Screen::Result);
    let a = edited.assessment(&q).expect("scored");
    assert!(
        a.clues.is_empty(),
        "stale shot answers still count: {:?}",
        a.clues
    );
    assert_eq!(a.case.back, 0);
    // The summary does not list the questions that were not asked.
    let listed: Vec<&str> = edited
        .answered(&q)
        .map(|(i, _)| q.items[i].link_id.as_str())
        .collect();
    assert_eq!(listed, ["rf", "rf-today", "had-shot", "feelings"]);
    // Scoring alone agrees, whatever is left in the map.
    assert_eq!(scoring::score(&q, edited.answers()).case.back, 0);
}

#[test]
fn a_chain_of_enable_when_is_cut_at_its_first_link() {
    // shot-again depends on shot-help, which depends on had-shot. An answer map (say from
    // the CLI) that says no shot but keeps both follow-ups must score as no shot.
    let q = small_q();
    let answers = [
        ("rf", "no"),
        ("rf-today", "no"),
        ("had-shot", "no"),
        ("shot-help", "little"),
        ("shot-again", "no"),
        ("feelings", "none"),
    ]
    .iter()
    .map(|(l, c)| ((*l).to_owned(), vec![(*c).to_owned()]))
    .collect();
    let a = scoring::score(&q, &answers);
    assert_eq!(a.case.back, 0);
    assert!(!scoring::is_enabled(&q, &answers, index(&q, "shot-again")));
}

#[test]
fn an_edit_that_enables_a_follow_up_asks_it_before_the_result() {
    let q = small_q();
    let result = answer_in_order(&q, &["no", "no", "no", "none"]);
    assert_eq!(*result.screen(), Screen::Result);
    let session = run(
        &q,
        result,
        [
            Action::Edit("had-shot".to_owned()),
            choose("yes"),
            Action::Continue,
        ],
    );
    assert_eq!(*session.screen(), Screen::Question(index(&q, "shot-help")));
    assert!(session.draft().is_empty(), "a new question starts empty");
    let session = session.apply(&q, Action::Continue);
    assert_eq!(session.error(), Some(StepError::NoAnswer));
}

// --- the age stop and the soon tier --------------------------------------------------------

#[test]
fn under_18_stops_at_once_with_its_own_card_and_mistake_returns_to_the_age() {
    let q = default_q();
    let card = answer_in_order(&q, &["under-18"]);
    assert_eq!(
        *card.screen(),
        Screen::RedFlag {
            item: 0,
            urgency: Urgency::Under18
        }
    );
    assert_eq!(
        card.assessment(&q).map(|a| a.outcome.id()),
        Some("under-18".into())
    );
    let back = card.apply(&q, Action::Mistake);
    assert_eq!(*back.screen(), Screen::Question(0));
    assert!(back.answers().is_empty());
}

#[test]
fn a_soon_answer_does_not_interrupt_and_opens_the_result() {
    let q = default_q();
    let mut walk = KNEE_WALK;
    walk[3] = "yes";
    let session = answer_in_order(&q, &walk[..4]);
    assert_eq!(*session.screen(), Screen::Question(index(&q, "where")));
    let result = answer_in_order(&q, &walk);
    assert_eq!(*result.screen(), Screen::Result);
    let a = result.assessment(&q).expect("scored");
    assert_eq!(a.outcome.id(), "knee-likely");
    assert_eq!(a.soon.as_deref(), Some("rf-soon"));
}
