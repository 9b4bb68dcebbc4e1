//! Loading a questionnaire file: parse it, then check it into a [`Questionnaire`].
//!
//! Loading never panics, whatever the input, and reports every problem it finds at once,
//! each with a path such as `clues[3].when[1].anyOf[0]`, so a clinician editing the
//! file can fix them all in one pass.

use std::fmt;

use crate::questionnaire::file::known::{self, Kind};
use crate::questionnaire::file::{
    AnswerOptionFile, CardFile, CardsFile, ClueFile, ConditionFile, EnableWhenFile, ItemFile,
    KneeCapFile, OutcomeFile, QuestionnaireFile, RegionFile, ReviewFile, SignFile, TextFile,
};
use crate::questionnaire::json_read::Value;
use crate::questionnaire::model::{
    AnswerOption, Card, Cards, Case, Clue, Condition, EnableWhen, Item, ItemKind, KneeCap, Lean,
    OutcomeRule, Questionnaire, Region, Review, Sign, Text, Urgency,
};

/// One thing wrong with a questionnaire file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a path into the file (`items[3].answerOption[1]`), or empty for the
    /// file as a whole.
    pub path: String,
    /// What is wrong, in words an editor can act on.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Every problem found in a file, in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

/// Parses and checks a questionnaire file's JSON text (natively; the checker wasm parses
/// with the browser's `JSON.parse` and calls [`load_value`]). Unknown fields do not stop
/// the check, so a typo is reported together with everything else that is wrong.
#[cfg(not(target_arch = "wasm32"))]
pub fn load(json: &str) -> Result<Questionnaire, Problems> {
    crate::questionnaire::json_read::parse(json)
        .map_err(not_json)
        .and_then(|value| load_value(&value))
}

/// Checks a questionnaire file already parsed into a JSON tree.
pub fn load_value(value: &Value) -> Result<Questionnaire, Problems> {
    let (file, mut problems) = read(value);
    if let Some(file) = file {
        match check(&file) {
            Ok(questionnaire) if problems.is_empty() => return Ok(questionnaire),
            Ok(_) => {}
            Err(more) => problems.extend(more.0),
        }
    }
    Err(Problems(problems))
}

/// The one problem of text that is not JSON at all, with the parser's own message.
pub fn not_json(message: String) -> Problems {
    Problems(vec![Problem {
        path: String::new(),
        message: format!("the file is not valid JSON: {message}"),
    }])
}

/// Parses JSON text into the loose file shape, reporting syntax errors, every value of
/// the wrong type and every unknown field, each with its path.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(json: &str) -> Result<QuestionnaireFile, Problems> {
    let value = crate::questionnaire::json_read::parse(json).map_err(not_json)?;
    match read(&value) {
        (Some(file), problems) if problems.is_empty() => Ok(file),
        (_, problems) => Err(Problems(problems)),
    }
}

/// Reads the tree as far as possible: the file shape when every known field has the
/// right type, and the problems found on the way (unknown fields do not prevent a file).
///
/// The walk below checks every field's type first, with paths; only then is the file
/// shape built by [`from_value`], which therefore cannot fail. A hand-written builder
/// rather than serde's derived `Deserialize` over the tree: measured in the checker
/// wasm, the derive made it 110.7 KB raw / 44.4 KB gzip against 67.9 / 32.8 (issue 16).
/// Native tests hold the two to the same file shape.
fn read(value: &Value) -> (Option<QuestionnaireFile>, Vec<Problem>) {
    let mut shape = Shape::default();
    shape.value(value, Kind::Object(known::ROOT), false, "");
    if shape.wrong_types == 0 {
        (Some(from_value::file(value)), shape.problems)
    } else {
        (None, shape.problems)
    }
}

/// Walks the raw JSON against [`known`], reporting keys the format does not know (usually
/// typos such as `answerOptions` or `weigth`, which serde would ignore silently) and values
/// of the wrong type, each with its path and all at once.
#[derive(Default)]
struct Shape {
    problems: Vec<Problem>,
    wrong_types: usize,
}

impl Shape {
    fn value(&mut self, value: &Value, kind: Kind, nullable: bool, path: &str) {
        if value.is_null() && nullable {
            return;
        }
        let fits = match (kind, value) {
            (Kind::Str, Value::String(_)) | (Kind::Bool, Value::Bool(_)) => true,
            (Kind::Int, Value::Number(n)) => n.as_i64().is_some(),
            (Kind::Object(fields), Value::Object(map)) => {
                for (key, _) in map {
                    if !fields.iter().any(|field| field.key == key) {
                        self.problems.push(Problem {
                            path: path.to_owned(),
                            message: format!("unknown field `{key}`"),
                        });
                    }
                }
                // Known fields in the format's order, which is the order files are written.
                for field in fields {
                    if let Some(inner) = value.get(field.key) {
                        let p = if path.is_empty() {
                            field.key.to_owned()
                        } else {
                            format!("{path}.{}", field.key)
                        };
                        self.value(inner, field.kind, field.nullable, &p);
                    }
                }
                true
            }
            (Kind::List(inner), Value::Array(list)) => {
                for (i, element) in list.iter().enumerate() {
                    self.value(element, *inner, false, &format!("{path}[{i}]"));
                }
                true
            }
            _ => false,
        };
        if !fits {
            self.wrong_types += 1;
            let expected = match kind {
                Kind::Str => "a string",
                Kind::Int => "a whole number",
                Kind::Bool => "true or false",
                Kind::Object(_) => "an object",
                Kind::List(_) => "a list",
            };
            let message = if path.is_empty() {
                format!("the file must hold {expected}, not {}", describe(value))
            } else {
                format!("expected {expected}, found {}", describe(value))
            };
            self.problems.push(Problem {
                path: path.to_owned(),
                message,
            });
        }
    }
}

/// A JSON value in a few words, for a wrong-type message.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => {
            format!(
                "the string \"{}...\"",
                s.chars().take(40).collect::<String>()
            )
        }
        Value::String(s) => format!("the string \"{s}\""),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// Checks a parsed file and builds the [`Questionnaire`] the product uses.
pub fn check(file: &QuestionnaireFile) -> Result<Questionnaire, Problems> {
    let mut c = Checker::default();
    let questionnaire = c.questionnaire(file);
    if c.problems.is_empty() {
        Ok(questionnaire)
    } else {
        Err(Problems(c.problems))
    }
}

/// Collects problems while building the checked value; the value is discarded when any
/// problem was found.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn text(&mut self, text: &TextFile, path: &str) -> Text {
        for (lang, value) in [("English (`en`)", &text.en), ("Spanish (`es`)", &text.es)] {
            if value.trim().is_empty() {
                self.problem(path, format!("the {lang} text is missing"));
            }
        }
        Text {
            en: text.en.clone(),
            es: text.es.clone(),
        }
    }

    fn texts(&mut self, texts: &[TextFile], path: &str, what: &str) -> Vec<Text> {
        if texts.is_empty() {
            self.problem(path, format!("list at least one {what}"));
        }
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| self.text(t, &format!("{path}[{i}]")))
            .collect()
    }

    fn number(
        &mut self,
        value: i64,
        range: std::ops::RangeInclusive<i64>,
        path: &str,
        what: &str,
    ) -> u32 {
        if range.contains(&value) {
            u32::try_from(value).unwrap_or(0)
        } else {
            self.problem(
                path,
                format!(
                    "{what} {value} is not between {} and {}",
                    range.start(),
                    range.end()
                ),
            );
            0
        }
    }

    fn required(&mut self, value: &str, path: &str, what: &str) {
        if value.trim().is_empty() {
            self.problem(path, format!("{what} is missing"));
        }
    }

    fn questionnaire(&mut self, file: &QuestionnaireFile) -> Questionnaire {
        self.required(&file.id, "id", "the questionnaire id");
        self.required(
            &file.content_version,
            "contentVersion",
            "the content version",
        );
        let review = file.reviewed.as_ref().map(|review| {
            if !is_date(&review.date) {
                self.problem(
                    "reviewed.date",
                    format!(
                        "the review date `{}` is not a date like 2026-01-31",
                        review.date
                    ),
                );
            }
            // No sign-off without a name: a date alone would claim a review nobody can
            // be asked about.
            self.required(&review.reviewer, "reviewed.reviewer", "the reviewer's name");
            Review {
                date: review.date.clone(),
                reviewer: review.reviewer.clone(),
            }
        });
        let title = self.text(&file.title, "title");
        let items = self.items(&file.items);
        let signs = self.signs(&file.signs, &items);
        let clues = self.clues(&file.clues, &items);
        let clue_ids: Seen<&str> = file
            .clues
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let cap = KneeCap {
            all: self.clue_refs(&file.knee_cap.all_clues, &clue_ids, "kneeCap.allClues"),
            none: self.clue_refs(&file.knee_cap.no_clues, &clue_ids, "kneeCap.noClues"),
        };
        if cap.all.is_empty() {
            self.problem("kneeCap.allClues", "name at least one clue");
        }
        if let Some(&bad) = cap
            .all
            .iter()
            .find(|&&c| file.clues.get(c).is_some_and(|c| c.knee == 0))
        {
            self.problem(
                "kneeCap.allClues",
                format!("`{}` does not point to the knee", file.clues[bad].id),
            );
        }
        let outcomes = self.outcomes(&file.outcomes);
        let card = |c: &mut Self, card: &CardFile, key: &str| Card {
            heading: c.text(&card.heading, &format!("cards.{key}.heading")),
            body: c.text(&card.body, &format!("cards.{key}.body")),
        };
        let cards = Cards {
            emergency: card(self, &file.cards.emergency, "emergency"),
            today: card(self, &file.cards.today, "today"),
            under18: card(self, &file.cards.under18, "under18"),
            soon: card(self, &file.cards.soon, "soon"),
        };
        let safety_net = self.texts(&file.safety_net, "safetyNet", "symptom to watch for");
        let meanwhile = self.texts(&file.meanwhile, "meanwhile", "piece of advice");

        let q = Questionnaire {
            id: file.id.clone(),
            content_version: file.content_version.clone(),
            review,
            title,
            items,
            signs,
            clues,
            cap,
            outcomes,
            cards,
            safety_net,
            meanwhile,
        };
        // The rules are judged over the whole score space only when the rest holds:
        // bounds computed from broken clues would only add noise.
        if self.problems.is_empty() {
            self.rules_cover_every_case_once(&q);
        }
        q
    }

    fn items(&mut self, items: &[ItemFile]) -> Vec<Item> {
        if items.is_empty() {
            self.problem("items", "list at least one question");
        }
        let mut first_at: Seen<&str> = Seen::default();
        // 0: the age question may come; 1: red flags may come; 2: scored questions.
        let mut stage = 0u8;
        let mut tiers_seen: Vec<Urgency> = Vec::new();
        let mut checked: Vec<Item> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let p = format!("items[{i}]");
            self.required(&item.link_id, &format!("{p}.linkId"), "the linkId");
            if let Some(first) = first_at.get(item.link_id.as_str()) {
                self.problem(
                    format!("{p}.linkId"),
                    format!(
                        "duplicate linkId `{}` (first at items[{first}])",
                        item.link_id
                    ),
                );
            } else {
                first_at.insert(&item.link_id, i);
            }

            let kind = match item.item_type.as_str() {
                "choice" => ItemKind::Choice,
                "multiple" => ItemKind::Multiple,
                other => {
                    self.problem(
                        format!("{p}.type"),
                        format!("unknown type `{other}` (use `choice` or `multiple`)"),
                    );
                    ItemKind::Choice
                }
            };
            let tier = item.red_flag.as_deref().and_then(|level| match level {
                "emergency" => Some(Urgency::Emergency),
                "today" => Some(Urgency::Today),
                "soon" => Some(Urgency::Soon),
                other => {
                    self.problem(
                        format!("{p}.redFlag"),
                        format!(
                            "unknown red-flag tier `{other}` (use `emergency`, `today` or `soon`)"
                        ),
                    );
                    None
                }
            });
            if item.age {
                if i != 0 {
                    self.problem(format!("{p}.age"), "the age question must be the first");
                }
                if item.red_flag.is_some() {
                    self.problem(
                        format!("{p}.redFlag"),
                        "the age question cannot also be a red-flag question",
                    );
                }
                if !item.answer_option.iter().any(|o| o.under18) {
                    self.problem(
                        format!("{p}.answerOption"),
                        "the age question needs an answer marked `under18`",
                    );
                }
            }
            if let Some(tier) = tier {
                if stage == 2 {
                    self.problem(
                        format!("{p}.redFlag"),
                        "red-flag questions must come before all scored questions",
                    );
                }
                // Tiers are asked most urgent first, so the first card a reader meets is
                // the one that matters most.
                if tiers_seen.last().is_some_and(|&last| last > tier) {
                    self.problem(
                        format!("{p}.redFlag"),
                        format!(
                            "the `{}` tier must come before `{}`",
                            tier.id(),
                            tiers_seen.last().map_or("", |t| t.id())
                        ),
                    );
                }
                tiers_seen.push(tier);
                stage = 1;
                if !item.answer_option.iter().any(|o| o.red_flag) {
                    self.problem(
                        format!("{p}.answerOption"),
                        "a red-flag question needs an answer marked `redFlag`",
                    );
                }
                // "Not sure" about a red flag is treated as yes: checking is the safe
                // choice, so an unsure answer that did not raise the flag would be a hole.
                for (o, option) in item.answer_option.iter().enumerate() {
                    if option.unsure && !option.red_flag {
                        self.problem(
                            format!("{p}.answerOption[{o}].redFlag"),
                            "a \"Not sure\" answer to a red flag must raise it (`redFlag`)",
                        );
                    }
                }
            } else if !item.age {
                stage = 2;
            }
            if item.body_map && kind != ItemKind::Multiple {
                self.problem(
                    format!("{p}.bodyMap"),
                    "a body map is a `multiple` question",
                );
            }

            // In file order: the texts come before the answers.
            let text = self.text(&item.text, &format!("{p}.text"));
            let hint = item
                .hint
                .as_ref()
                .map(|h| self.text(h, &format!("{p}.hint")));
            let bullets = item
                .bullets
                .iter()
                .enumerate()
                .map(|(b, t)| self.text(t, &format!("{p}.bullets[{b}]")))
                .collect();
            let options = self.options(&item.answer_option, &p, kind, tier.is_some(), item.age);
            let enable_when = self.enable_when(item, &p, i, items, &first_at);
            if tier.is_some() && !enable_when.is_empty() {
                self.problem(
                    format!("{p}.enableWhen"),
                    "a red-flag question is always asked",
                );
            }
            checked.push(Item {
                link_id: item.link_id.clone(),
                kind,
                body_map: item.body_map,
                text,
                hint,
                bullets,
                red_flag: if item.age {
                    Some(Urgency::Under18)
                } else {
                    tier
                },
                options,
                enable_when,
            });
        }
        if !checked.iter().any(|item| item.scored()) {
            self.problem("items", "list at least one scored question");
        }
        for tier in [Urgency::Emergency, Urgency::Today] {
            if !tiers_seen.contains(&tier) {
                self.problem(
                    "items",
                    format!("no question asks the `{}` red flags", tier.id()),
                );
            }
        }
        checked
    }

    fn options(
        &mut self,
        options: &[AnswerOptionFile],
        p: &str,
        kind: ItemKind,
        red_flag_item: bool,
        age_item: bool,
    ) -> Vec<AnswerOption> {
        if options.len() < 2 {
            self.problem(format!("{p}.answerOption"), "offer at least two answers");
        }
        let mut codes: Seen<&str> = Seen::default();
        options
            .iter()
            .enumerate()
            .map(|(o, option)| {
                let po = format!("{p}.answerOption[{o}]");
                self.required(&option.code, &format!("{po}.code"), "the answer code");
                if let Some(first) = codes.insert(&option.code, o) {
                    self.problem(
                        format!("{po}.code"),
                        format!(
                            "duplicate answer code `{}` (first at {p}.answerOption[{first}])",
                            option.code
                        ),
                    );
                }
                if option.red_flag && !red_flag_item {
                    self.problem(
                        format!("{po}.redFlag"),
                        "only answers of a red-flag question can be red flags",
                    );
                }
                if option.under18 && !age_item {
                    self.problem(
                        format!("{po}.under18"),
                        "only answers of the age question can be `under18`",
                    );
                }
                if option.exclusive && kind != ItemKind::Multiple {
                    self.problem(
                        format!("{po}.exclusive"),
                        "`exclusive` only applies to `multiple` questions",
                    );
                }
                if option.red_flag && option.exclusive {
                    self.problem(
                        format!("{po}.exclusive"),
                        "a red-flag answer cannot be exclusive",
                    );
                }
                if option.unsure && kind == ItemKind::Multiple && !option.exclusive {
                    self.problem(
                        format!("{po}.exclusive"),
                        "a \"Not sure\" answer to a `multiple` question must be exclusive",
                    );
                }
                AnswerOption {
                    code: option.code.clone(),
                    text: self.text(&option.text, &format!("{po}.text")),
                    red_flag: option.red_flag || option.under18,
                    unsure: option.unsure,
                    exclusive: option.exclusive,
                }
            })
            .collect()
    }

    fn enable_when(
        &mut self,
        item: &ItemFile,
        p: &str,
        index: usize,
        items: &[ItemFile],
        earlier: &Seen<&str>,
    ) -> Vec<EnableWhen> {
        let mut out = Vec::new();
        for (w, when) in item.enable_when.iter().enumerate() {
            let pw = format!("{p}.enableWhen[{w}]");
            let target = earlier
                .get(when.question.as_str())
                .copied()
                .filter(|&t| t < index);
            let Some(target) = target else {
                let later = items
                    .iter()
                    .skip(index)
                    .any(|other| other.link_id == when.question);
                let message = if later {
                    format!(
                        "`{}` is this question or a later one; enableWhen may only look back",
                        when.question
                    )
                } else {
                    format!("no question has linkId `{}`", when.question)
                };
                self.problem(format!("{pw}.question"), message);
                continue;
            };
            if !items[target]
                .answer_option
                .iter()
                .any(|option| option.code == when.answer)
            {
                self.problem(
                    format!("{pw}.answer"),
                    format!("`{}` has no answer `{}`", when.question, when.answer),
                );
                continue;
            }
            out.push(EnableWhen {
                item: target,
                code: when.answer.clone(),
            });
        }
        out
    }

    /// The index of the scored question `link_id`, or a problem at `path`.
    fn scored_item(&mut self, items: &[Item], link_id: &str, path: &str) -> Option<usize> {
        match items.iter().position(|item| item.link_id == link_id) {
            None => {
                self.problem(path, format!("no question has linkId `{link_id}`"));
                None
            }
            Some(i) if !items[i].scored() => {
                self.problem(
                    path,
                    format!("`{link_id}` is the age or a red-flag question, which is not scored"),
                );
                None
            }
            Some(i) => Some(i),
        }
    }

    fn signs(&mut self, signs: &[SignFile], items: &[Item]) -> Vec<Sign> {
        let mut out: Vec<Sign> = Vec::new();
        for (s, sign) in signs.iter().enumerate() {
            let p = format!("signs[{s}]");
            let number = self.number(sign.sign, 1..=4, &format!("{p}.sign"), "sign") as u8;
            if number != 0 && out.iter().any(|other| other.number == number) {
                self.problem(
                    format!("{p}.sign"),
                    format!("sign {number} is listed twice"),
                );
            }
            let name = self.text(&sign.name, &format!("{p}.name"));
            let why = self.text(&sign.why, &format!("{p}.why"));
            if sign.questions.is_empty() {
                self.problem(format!("{p}.questions"), "name at least one question");
            }
            let questions = sign
                .questions
                .iter()
                .enumerate()
                .filter_map(|(k, id)| self.scored_item(items, id, &format!("{p}.questions[{k}]")))
                .collect();
            out.push(Sign {
                number,
                name,
                why,
                items: questions,
            });
        }
        for number in 1..=4u8 {
            if !out.iter().any(|sign| sign.number == number) {
                self.problem("signs", format!("sign {number} is missing (list all four)"));
            }
        }
        out.sort_by_key(|sign| sign.number);
        out
    }

    fn clues(&mut self, clues: &[ClueFile], items: &[Item]) -> Vec<Clue> {
        if clues.is_empty() {
            self.problem("clues", "list at least one clue");
        }
        let mut ids: Seen<&str> = Seen::default();
        let mut out = Vec::new();
        for (k, clue) in clues.iter().enumerate() {
            let p = format!("clues[{k}]");
            self.required(&clue.id, &format!("{p}.id"), "the clue id");
            if let Some(first) = ids.insert(&clue.id, k) {
                self.problem(
                    format!("{p}.id"),
                    format!("duplicate clue id `{}` (first at clues[{first}])", clue.id),
                );
            }
            let sign = clue
                .sign
                .map(|s| self.number(s, 1..=4, &format!("{p}.sign"), "sign") as u8);
            let back = self.number(clue.back, 0..=MAX_POINTS, &format!("{p}.back"), "back");
            let hip = self.number(clue.hip, 0..=MAX_POINTS, &format!("{p}.hip"), "hip");
            let knee = self.number(clue.knee, 0..=MAX_POINTS, &format!("{p}.knee"), "knee");
            // Judged on the numbers as written, so a number out of range is one problem.
            if clue.back == 0 && clue.hip == 0 && clue.knee == 0 {
                self.problem(
                    &p,
                    "a clue must point somewhere: give `back`, `hip` or `knee` points",
                );
            }
            if sign.is_some() && clue.back == 0 {
                self.problem(
                    format!("{p}.sign"),
                    "the four signs point to the back: a clue of a sign needs `back` points",
                );
            }
            if clue.when.is_empty() {
                self.problem(format!("{p}.when"), "give at least one condition");
            }
            let mut when = Vec::new();
            for (w, condition) in clue.when.iter().enumerate() {
                let pw = format!("{p}.when[{w}]");
                let Some(item) =
                    self.scored_item(items, &condition.question, &format!("{pw}.question"))
                else {
                    continue;
                };
                let (only, codes) =
                    match (condition.any_of.is_empty(), condition.only_of.is_empty()) {
                        (false, true) => (false, &condition.any_of),
                        (true, false) => (true, &condition.only_of),
                        _ => {
                            self.problem(&pw, "give either `anyOf` or `onlyOf` answers");
                            continue;
                        }
                    };
                let key = if only { "onlyOf" } else { "anyOf" };
                for (c, code) in codes.iter().enumerate() {
                    match items[item].option(code) {
                        None => self.problem(
                            format!("{pw}.{key}[{c}]"),
                            format!("`{}` has no answer `{code}`", condition.question),
                        ),
                        Some(option) if option.unsure => self.problem(
                            format!("{pw}.{key}[{c}]"),
                            "\"Not sure\" is not evidence: it cannot be a clue",
                        ),
                        Some(_) => {}
                    }
                }
                when.push(Condition {
                    item,
                    codes: codes.clone(),
                    only,
                });
            }
            out.push(Clue {
                id: clue.id.clone(),
                sign,
                back,
                hip,
                knee,
                when,
                text: self.text(&clue.text, &format!("{p}.text")),
            });
        }
        out
    }

    fn clue_refs(&mut self, ids: &[String], clue_ids: &Seen<&str>, path: &str) -> Vec<usize> {
        ids.iter()
            .enumerate()
            .filter_map(|(i, id)| {
                let found = clue_ids.get(id.as_str()).copied();
                if found.is_none() {
                    self.problem(format!("{path}[{i}]"), format!("no clue has id `{id}`"));
                }
                found
            })
            .collect()
    }

    fn outcomes(&mut self, outcomes: &[OutcomeFile]) -> Vec<OutcomeRule> {
        if outcomes.is_empty() {
            self.problem("outcomes", "list at least one outcome");
        }
        let mut ids: Seen<&str> = Seen::default();
        let mut otherwise: Option<usize> = None;
        let mut out = Vec::new();
        for (i, rule) in outcomes.iter().enumerate() {
            let p = format!("outcomes[{i}]");
            self.required(&rule.id, &format!("{p}.id"), "the outcome id");
            if ids.insert(&rule.id, i).is_some() {
                self.problem(
                    format!("{p}.id"),
                    format!("duplicate outcome id `{}`", rule.id),
                );
            }
            let lean = match rule.leans.as_str() {
                "knee" => Lean::Knee,
                "neither" => Lean::Neither,
                "back" => Lean::Back,
                other => {
                    self.problem(
                        format!("{p}.leans"),
                        format!("unknown lean `{other}` (use `knee`, `neither` or `back`)"),
                    );
                    Lean::Neither
                }
            };
            if rule.otherwise {
                if let Some(first) = otherwise {
                    self.problem(
                        format!("{p}.otherwise"),
                        format!("only one rule can be `otherwise` (outcomes[{first}] is)"),
                    );
                }
                otherwise = Some(i);
                if !rule.when.is_empty() {
                    self.problem(format!("{p}.when"), "an `otherwise` rule takes no `when`");
                }
            } else if rule.when.is_empty() {
                self.problem(
                    format!("{p}.when"),
                    "give at least one box, or mark the rule `otherwise`",
                );
            }
            let when = rule
                .when
                .iter()
                .enumerate()
                .map(|(b, region)| {
                    let pb = format!("{p}.when[{b}]");
                    for (key, min, max) in [
                        ("back", region.back_min, region.back_max),
                        ("hip", region.hip_min, region.hip_max),
                        ("lean", region.lean_min, region.lean_max),
                        ("unsure", region.unsure_min, region.unsure_max),
                    ] {
                        if let (Some(min), Some(max)) = (min, max) {
                            if min > max {
                                self.problem(
                                    &pb,
                                    format!("{key}Min {min} is above {key}Max {max}"),
                                );
                            }
                        }
                    }
                    Region {
                        back: (region.back_min, region.back_max),
                        hip: (region.hip_min, region.hip_max),
                        lean: (region.lean_min, region.lean_max),
                        unsure: (region.unsure_min, region.unsure_max),
                        capped: region.capped,
                    }
                })
                .collect();
            out.push(OutcomeRule {
                id: rule.id.clone(),
                lean,
                when,
                otherwise: rule.otherwise,
                heading: self.text(&rule.heading, &format!("{p}.heading")),
                summary: self.text(&rule.summary, &format!("{p}.summary")),
                next_step: self.text(&rule.next_step, &format!("{p}.nextStep")),
                evaluation: self.texts(
                    &rule.evaluation,
                    &format!("{p}.evaluation"),
                    "thing an evaluation may include",
                ),
            });
        }
        out
    }

    /// Walks every case of the score space (every total of back, hip and knee points the
    /// clues allow, every count of "Not sure", the knee cap on and off) and reports
    /// cases no rule covers, cases two rules cover, rules no case reaches, and any step
    /// that breaks the two-way monotone rule. Hip points and "Not sure" counts are only
    /// compared with bounds, so one value per stretch between the rules' bounds stands
    /// for the whole stretch; back and knee points are walked one by one.
    fn rules_cover_every_case_once(&mut self, q: &Questionnaire) {
        let bounds = q.bounds();
        let cases = [bounds.back, bounds.hip, bounds.knee, bounds.unsure]
            .iter()
            .fold(2u64, |n, &b| n.saturating_mul(u64::from(b) + 1));
        if cases > MAX_CASES {
            self.problem(
                "clues",
                format!(
                    "the clues' points allow {cases} cases, more than {MAX_CASES} can be checked: give fewer points"
                ),
            );
            return;
        }
        let regions = || q.outcomes.iter().flat_map(|rule| rule.when.iter());
        let hips = stretches(bounds.hip, regions().map(|r| r.hip));
        let unsures = stretches(bounds.unsure, regions().map(|r| r.unsure));
        let has_otherwise = q.outcomes.iter().any(|r| r.otherwise);
        let mut overlaps: Vec<(usize, usize, Case)> = Vec::new();
        let mut gap: Option<Case> = None;
        let mut gaps = 0u64;
        let mut reached = vec![false; q.outcomes.len()];
        let mut breaks: Vec<String> = Vec::new();
        let mut breaks_at: Vec<(usize, usize, bool)> = Vec::new();
        let (backs, knees) = (bounds.back as usize + 1, bounds.knee as usize + 1);
        let mut table = vec![0usize; backs * knees * 2];
        let at = |back: u32, knee: u32, capped: bool| {
            (back as usize * knees + knee as usize) * 2 + usize::from(capped)
        };
        for &(hip, hip_weight) in &hips {
            for &(unsure, unsure_weight) in &unsures {
                for back in 0..=bounds.back {
                    for knee in 0..=bounds.knee {
                        for capped in [false, true] {
                            let case = Case {
                                back,
                                hip,
                                knee,
                                unsure,
                                capped,
                            };
                            let mut matching = q
                                .outcomes
                                .iter()
                                .enumerate()
                                .filter(|(_, rule)| {
                                    !rule.otherwise && rule.when.iter().any(|r| r.contains(&case))
                                })
                                .map(|(i, _)| i);
                            let first = matching.next();
                            if let (Some(a), Some(b)) = (first, matching.next()) {
                                if !overlaps.iter().any(|(x, y, _)| (*x, *y) == (a, b)) {
                                    overlaps.push((a, b, case));
                                }
                            }
                            if first.is_none() && !has_otherwise {
                                gaps += hip_weight * unsure_weight;
                                gap.get_or_insert(case);
                            }
                            let here = q.decide(&case);
                            reached[here] = true;
                            table[at(back, knee, capped)] = here;
                        }
                    }
                }
                for back in 0..=bounds.back {
                    for knee in 0..=bounds.knee {
                        for capped in [false, true] {
                            let here = table[at(back, knee, capped)];
                            let lean = q.outcomes[here].lean;
                            let steps = [
                                (
                                    "one more back point",
                                    back < bounds.back,
                                    (back + 1, knee, capped),
                                    true,
                                ),
                                (
                                    "one more knee point",
                                    knee < bounds.knee,
                                    (back, knee + 1, capped),
                                    false,
                                ),
                                ("the knee cap", !capped, (back, knee, true), false),
                            ];
                            for (what, possible, (b, k, c), toward_back) in steps {
                                if !possible || breaks.len() >= 3 {
                                    continue;
                                }
                                let there = table[at(b, k, c)];
                                let moved = q.outcomes[there].lean;
                                let wrong = if toward_back {
                                    moved < lean
                                } else {
                                    moved > lean
                                };
                                if wrong && !breaks_at.contains(&(here, there, toward_back)) {
                                    breaks_at.push((here, there, toward_back));
                                    let case = Case {
                                        back,
                                        hip,
                                        knee,
                                        unsure,
                                        capped,
                                    };
                                    breaks.push(format!(
                                        "not two-way monotone: at {}, {what} moves `{}` to `{}`",
                                        describe_case(&case),
                                        q.outcomes[here].id,
                                        q.outcomes[there].id
                                    ));
                                }
                            }
                        }
                    }
                }
            }
        }
        for (a, b, case) in overlaps {
            self.problem(
                "outcomes",
                format!(
                    "outcomes[{a}] and outcomes[{b}] both cover {} (each case needs exactly one rule)",
                    describe_case(&case)
                ),
            );
        }
        if let Some(case) = gap {
            self.problem(
                "outcomes",
                format!(
                    "no rule covers {gaps} case(s), for example {} (add a rule or an `otherwise` rule)",
                    describe_case(&case)
                ),
            );
        }
        for (i, reached) in reached.into_iter().enumerate() {
            if !reached {
                self.problem(format!("outcomes[{i}]"), "no case reaches this rule");
            }
        }
        for message in breaks {
            self.problem("outcomes", message);
        }
    }
}

/// The values `0..=max` cut into stretches at every rule bound, as (first value, length):
/// within a stretch every bound gives the same answer.
fn stretches(
    max: u32,
    ranges: impl Iterator<Item = (Option<i64>, Option<i64>)>,
) -> Vec<(u32, u64)> {
    let mut cuts: Vec<u32> = vec![0];
    for (min, max_bound) in ranges {
        for cut in [min, max_bound.map(|m| m.saturating_add(1))]
            .into_iter()
            .flatten()
        {
            if let Ok(cut) = u32::try_from(cut) {
                if cut <= max && !cuts.contains(&cut) {
                    cuts.push(cut);
                }
            }
        }
    }
    cuts.sort_unstable();
    cuts.iter()
        .enumerate()
        .map(|(i, &from)| {
            let to = cuts.get(i + 1).map_or(max + 1, |&next| next);
            (from, u64::from(to - from))
        })
        .collect()
}

/// The largest number of points a clue may give in one direction.
pub const MAX_POINTS: i64 = 5;

/// The most cases of the score space validation walks (a few seconds natively).
const MAX_CASES: u64 = 2_000_000;

fn describe_case(case: &Case) -> String {
    format!(
        "back {}, hip {}, knee {}, unsure {}{}",
        case.back,
        case.hip,
        case.knee,
        case.unsure,
        if case.capped { ", knee cap" } else { "" }
    )
}

/// Keys seen so far with the index where each was last seen. A sorted map, so checking
/// a file takes time in proportion to its size (times a logarithm), not its square: a
/// large questionnaire must not stall the reader's page.
struct Seen<K>(std::collections::BTreeMap<K, usize>);

impl<K> Default for Seen<K> {
    fn default() -> Self {
        Seen(std::collections::BTreeMap::new())
    }
}

impl<K: Ord> Seen<K> {
    /// Records `key` at `index`; returns where it was seen before, if it was.
    fn insert(&mut self, key: K, index: usize) -> Option<usize> {
        self.0.insert(key, index)
    }

    fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&usize>
    where
        K: std::borrow::Borrow<Q>,
    {
        self.0.get(key)
    }
}

impl<K: Ord> FromIterator<(K, usize)> for Seen<K> {
    fn from_iter<I: IntoIterator<Item = (K, usize)>>(iter: I) -> Self {
        let mut seen = Seen::default();
        for (key, index) in iter {
            seen.insert(key, index);
        }
        seen
    }
}

/// Builds the file shape from a parsed tree, as serde's derived `Deserialize` would:
/// missing fields and `null` options take their defaults, unknown fields are ignored.
/// Only called once [`Shape`] found every known field of the right type, so nothing
/// here can fail; a value of another type is read as the default.
mod from_value {
    use super::*;

    /// The value of `key` in an object.
    fn get<'v>(object: &'v Value, key: &str) -> Option<&'v Value> {
        object.get(key)
    }

    fn string(object: &Value, key: &str) -> String {
        match get(object, key) {
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        }
    }

    fn opt_string(object: &Value, key: &str) -> Option<String> {
        match get(object, key) {
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        }
    }

    fn int(object: &Value, key: &str) -> Option<i64> {
        match get(object, key) {
            Some(Value::Number(n)) => n.as_i64(),
            _ => None,
        }
    }

    fn flag(object: &Value, key: &str) -> bool {
        matches!(get(object, key), Some(Value::Bool(true)))
    }

    fn list<T>(object: &Value, key: &str, each: impl Fn(&Value) -> T) -> Vec<T> {
        match get(object, key) {
            Some(Value::Array(values)) => values.iter().map(each).collect(),
            _ => Vec::new(),
        }
    }

    /// An object field; `None` when absent or `null`.
    fn object<'v>(object: &'v Value, key: &str) -> Option<&'v Value> {
        get(object, key).filter(|v| matches!(v, Value::Object(_)))
    }

    fn text(value: &Value) -> TextFile {
        TextFile {
            en: string(value, "en"),
            es: string(value, "es"),
        }
    }

    fn text_at(value: &Value, key: &str) -> TextFile {
        object(value, key).map(text).unwrap_or_default()
    }

    fn strings(object: &Value, key: &str) -> Vec<String> {
        list(object, key, |v| match v {
            Value::String(s) => s.clone(),
            _ => String::new(),
        })
    }

    fn card(cards: Option<&Value>, key: &str) -> CardFile {
        cards
            .and_then(|cards| object(cards, key))
            .map(|card| CardFile {
                heading: text_at(card, "heading"),
                body: text_at(card, "body"),
            })
            .unwrap_or_default()
    }

    fn opt_flag(object: &Value, key: &str) -> Option<bool> {
        match get(object, key) {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    pub(super) fn file(root: &Value) -> QuestionnaireFile {
        let cards = object(root, "cards");
        let cap = object(root, "kneeCap");
        QuestionnaireFile {
            id: string(root, "id"),
            content_version: string(root, "contentVersion"),
            reviewed: object(root, "reviewed").map(|r| ReviewFile {
                date: string(r, "date"),
                reviewer: string(r, "reviewer"),
            }),
            title: text_at(root, "title"),
            items: list(root, "items", item),
            signs: list(root, "signs", |s| SignFile {
                sign: int(s, "sign").unwrap_or(0),
                name: text_at(s, "name"),
                why: text_at(s, "why"),
                questions: strings(s, "questions"),
            }),
            clues: list(root, "clues", |c| ClueFile {
                id: string(c, "id"),
                sign: int(c, "sign"),
                back: int(c, "back").unwrap_or(0),
                hip: int(c, "hip").unwrap_or(0),
                knee: int(c, "knee").unwrap_or(0),
                when: list(c, "when", |w| ConditionFile {
                    question: string(w, "question"),
                    any_of: strings(w, "anyOf"),
                    only_of: strings(w, "onlyOf"),
                }),
                text: text_at(c, "text"),
            }),
            knee_cap: cap
                .map(|cap| KneeCapFile {
                    all_clues: strings(cap, "allClues"),
                    no_clues: strings(cap, "noClues"),
                })
                .unwrap_or_default(),
            outcomes: list(root, "outcomes", |o| OutcomeFile {
                id: string(o, "id"),
                leans: string(o, "leans"),
                when: list(o, "when", |r| RegionFile {
                    back_min: int(r, "backMin"),
                    back_max: int(r, "backMax"),
                    hip_min: int(r, "hipMin"),
                    hip_max: int(r, "hipMax"),
                    lean_min: int(r, "leanMin"),
                    lean_max: int(r, "leanMax"),
                    unsure_min: int(r, "unsureMin"),
                    unsure_max: int(r, "unsureMax"),
                    capped: opt_flag(r, "capped"),
                }),
                otherwise: flag(o, "otherwise"),
                heading: text_at(o, "heading"),
                summary: text_at(o, "summary"),
                next_step: text_at(o, "nextStep"),
                evaluation: list(o, "evaluation", text),
            }),
            cards: CardsFile {
                emergency: card(cards, "emergency"),
                today: card(cards, "today"),
                under18: card(cards, "under18"),
                soon: card(cards, "soon"),
            },
            safety_net: list(root, "safetyNet", text),
            meanwhile: list(root, "meanwhile", text),
        }
    }

    fn item(value: &Value) -> ItemFile {
        ItemFile {
            link_id: string(value, "linkId"),
            item_type: opt_string(value, "type").unwrap_or_else(|| "choice".to_owned()),
            age: flag(value, "age"),
            body_map: flag(value, "bodyMap"),
            text: text_at(value, "text"),
            hint: object(value, "hint").map(text),
            bullets: list(value, "bullets", text),
            red_flag: opt_string(value, "redFlag"),
            answer_option: list(value, "answerOption", |o| AnswerOptionFile {
                code: string(o, "code"),
                text: text_at(o, "text"),
                red_flag: flag(o, "redFlag"),
                under18: flag(o, "under18"),
                unsure: flag(o, "unsure"),
                exclusive: flag(o, "exclusive"),
            }),
            enable_when: list(value, "enableWhen", |w| EnableWhenFile {
                question: string(w, "question"),
                answer: string(w, "answer"),
            }),
        }
    }
}

/// A real calendar date written `YYYY-MM-DD` (so not `2026-02-30`).
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        s[0..4].parse::<u32>(),
        s[5..7].parse::<u32>(),
        s[8..10].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}
