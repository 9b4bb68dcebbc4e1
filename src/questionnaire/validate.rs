//! Loading a questionnaire file: parse it, then check it into a [`Questionnaire`].
//!
//! Loading never panics, whatever the input, and reports every problem it finds at once,
//! each with a path such as `items[3].answerOption[1].weight`, so a clinician editing the
//! file can fix them all in one pass.

use std::collections::BTreeMap;
use std::fmt;

use crate::questionnaire::file::known::{self, Kind};
use crate::questionnaire::file::{
    AnswerOptionFile, EnableWhenFile, FactorFile, ItemFile, OutcomeFile, QuestionnaireFile,
    RedFlagTextFile, RedFlagsFile, TextFile, UnsureNoteFile,
};
use crate::questionnaire::json_read::{self, Value};
use crate::questionnaire::model::{
    AnswerOption, EnableWhen, Factor, Item, ItemKind, OutcomeBand, Questionnaire, RedFlagText,
    Text, UnsureNote, Urgency,
};

/// The largest weight an answer may carry, and the most points a factor may give.
pub const MAX_WEIGHT: i64 = 10;

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

/// Parses and checks a questionnaire file's JSON text. Unknown fields do not stop the
/// check, so a typo is reported together with everything else that is wrong.
pub fn load(json: &str) -> Result<Questionnaire, Problems> {
    let (file, mut problems) = read(json);
    if let Some(file) = file {
        match check(&file) {
            Ok(questionnaire) if problems.is_empty() => return Ok(questionnaire),
            Ok(_) => {}
            Err(more) => problems.extend(more.0),
        }
    }
    Err(Problems(problems))
}

/// Parses JSON text into the loose file shape, reporting syntax errors, every value of
/// the wrong type and every unknown field, each with its path.
pub fn parse(json: &str) -> Result<QuestionnaireFile, Problems> {
    match read(json) {
        (Some(file), problems) if problems.is_empty() => Ok(file),
        (_, problems) => Err(Problems(problems)),
    }
}

/// Parses as far as possible: the file shape when every known field has the right type,
/// and the problems found on the way (unknown fields do not prevent a file).
///
/// The JSON is read by [`json_read`] rather than serde_json, which kept the wasm twice
/// as large; the file shape is then built by [`from_value`], which the walk below has
/// already type-checked. Native tests hold both to serde's behaviour.
fn read(json: &str) -> (Option<QuestionnaireFile>, Vec<Problem>) {
    let value = match json_read::parse(json) {
        Ok(value) => value,
        Err(err) => {
            let problem = Problem {
                path: String::new(),
                message: format!("the file is not valid JSON: {err}"),
            };
            return (None, vec![problem]);
        }
    };
    let mut shape = Shape::default();
    shape.value(&value, Kind::Object(known::ROOT), false, "");
    if shape.wrong_types == 0 {
        (Some(from_value::file(&value)), shape.problems)
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
                    if let Some(inner) = from_value::get(value, field.key) {
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
                    "{what} {value} is out of range {}..={}",
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
        if !is_date(&file.reviewed) {
            self.problem(
                "reviewed",
                format!(
                    "the review date `{}` is not a date like 2026-01-31",
                    file.reviewed
                ),
            );
        }
        let title = self.text(&file.title, "title");

        // Questions are checked before factors, as they come first in the file, so the
        // problems read top to bottom; they refer to factors by the ids written in the file.
        let factor_ids: Seen<&str> = file
            .factors
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.as_str(), i))
            .collect();
        let items = self.items(&file.items, &factor_ids);
        let factors = self.factors(&file.factors);
        let max_total: u32 = factors.iter().map(|f| f.points).sum();
        let outcomes = self.outcomes(&file.outcomes, &factor_ids, max_total);

        let emergency = self.red_flag_text(&file.red_flags.emergency, "redFlags.emergency");
        let urgent = self.red_flag_text(&file.red_flags.urgent, "redFlags.urgent");
        if file.evaluation.is_empty() {
            self.problem(
                "evaluation",
                "list at least one thing an evaluation may include",
            );
        }
        let evaluation = file
            .evaluation
            .iter()
            .enumerate()
            .map(|(i, line)| self.text(line, &format!("evaluation[{i}]")))
            .collect();
        let unsure_note = file.unsure_note.as_ref().map(|note| UnsureNote {
            min_unsure: self.number(
                note.min_unsure,
                1..=100,
                "unsureNote.minUnsure",
                "minUnsure",
            ),
            text: self.text(&note.text, "unsureNote.text"),
        });

        Questionnaire {
            id: file.id.clone(),
            content_version: file.content_version.clone(),
            reviewed: file.reviewed.clone(),
            title,
            items,
            factors,
            outcomes,
            emergency,
            urgent,
            evaluation,
            unsure_note,
        }
    }

    fn red_flag_text(&mut self, card: &RedFlagTextFile, path: &str) -> RedFlagText {
        RedFlagText {
            heading: self.text(&card.heading, &format!("{path}.heading")),
            body: self.text(&card.body, &format!("{path}.body")),
        }
    }

    fn factors(&mut self, factors: &[FactorFile]) -> Vec<Factor> {
        if factors.is_empty() {
            self.problem("factors", "list at least one factor");
        }
        let mut seen_ids: Seen<&str> = Seen::default();
        let mut seen_signs: Seen<i64> = Seen::default();
        factors
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let p = format!("factors[{i}]");
                self.required(&f.id, &format!("{p}.id"), "the factor id");
                if let Some(first) = seen_ids.insert(&f.id, i) {
                    self.problem(
                        format!("{p}.id"),
                        format!("duplicate factor id `{}` (first at factors[{first}])", f.id),
                    );
                }
                let sign = f.sign.map(|sign| {
                    if let Some(first) = seen_signs.insert(sign, i) {
                        self.problem(
                            format!("{p}.sign"),
                            format!("sign {sign} is already factors[{first}]"),
                        );
                    }
                    self.number(sign, 1..=4, &format!("{p}.sign"), "sign") as u8
                });
                Factor {
                    id: f.id.clone(),
                    sign,
                    points: self.number(f.points, 0..=MAX_WEIGHT, &format!("{p}.points"), "points"),
                    threshold: self.number(
                        f.threshold,
                        1..=MAX_WEIGHT * 10,
                        &format!("{p}.threshold"),
                        "threshold",
                    ),
                    name: self.text(&f.name, &format!("{p}.name")),
                    why: self.text(&f.why, &format!("{p}.why")),
                }
            })
            .collect()
    }

    fn items(&mut self, items: &[ItemFile], factor_ids: &Seen<&str>) -> Vec<Item> {
        if items.is_empty() {
            self.problem("items", "list at least one question");
        }
        let mut first_at: Seen<&str> = Seen::default();
        let mut seen_regular = false;
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
            let red_flag = item.red_flag.as_deref().and_then(|level| match level {
                "emergency" => Some(Urgency::Emergency),
                "urgent" => Some(Urgency::Urgent),
                other => {
                    self.problem(
                        format!("{p}.redFlag"),
                        format!("unknown red-flag level `{other}` (use `emergency` or `urgent`)"),
                    );
                    None
                }
            });
            if item.red_flag.is_some() {
                if seen_regular {
                    self.problem(
                        format!("{p}.redFlag"),
                        "red-flag questions must come before all other questions",
                    );
                }
                if item.factor.is_some() {
                    self.problem(
                        format!("{p}.factor"),
                        "a red-flag question cannot feed a factor",
                    );
                }
                if !item.answer_option.iter().any(|o| o.red_flag) {
                    self.problem(
                        format!("{p}.answerOption"),
                        "a red-flag question needs an answer marked `redFlag`",
                    );
                }
            } else {
                seen_regular = true;
            }
            let factor = item.factor.as_deref().and_then(|id| {
                let found = factor_ids.get(id).copied();
                if found.is_none() {
                    self.problem(format!("{p}.factor"), format!("no factor has id `{id}`"));
                }
                found
            });

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
            let options = self.options(&item.answer_option, &p, kind, item.red_flag.is_some());
            let enable_when = self.enable_when(item, &p, i, items, &first_at);
            checked.push(Item {
                link_id: item.link_id.clone(),
                kind,
                text,
                hint,
                bullets,
                red_flag,
                factor,
                options,
                enable_when,
            });
        }
        checked
    }

    fn options(
        &mut self,
        options: &[AnswerOptionFile],
        p: &str,
        kind: ItemKind,
        red_flag_item: bool,
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
                AnswerOption {
                    code: option.code.clone(),
                    text: self.text(&option.text, &format!("{po}.text")),
                    weight: self.number(
                        option.weight,
                        0..=MAX_WEIGHT,
                        &format!("{po}.weight"),
                        "weight",
                    ),
                    red_flag: option.red_flag,
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

    fn outcomes(
        &mut self,
        outcomes: &[OutcomeFile],
        factor_ids: &Seen<&str>,
        max_total: u32,
    ) -> Vec<OutcomeBand> {
        if outcomes.is_empty() {
            self.problem("outcomes", "list at least one outcome band");
            return Vec::new();
        }
        let mut ids: Seen<&str> = Seen::default();
        let mut bands: Vec<(usize, OutcomeBand)> = Vec::new();
        for (i, band) in outcomes.iter().enumerate() {
            let p = format!("outcomes[{i}]");
            self.required(&band.id, &format!("{p}.id"), "the outcome id");
            if ids.insert(&band.id, i).is_some() {
                self.problem(
                    format!("{p}.id"),
                    format!("duplicate outcome id `{}`", band.id),
                );
            }
            let limit = i64::from(max_total).max(MAX_WEIGHT * 10);
            let min = self.number(band.min, 0..=limit, &format!("{p}.min"), "min");
            let max = self.number(band.max, 0..=limit, &format!("{p}.max"), "max");
            if band.min > band.max {
                self.problem(&p, format!("min {} is above max {}", band.min, band.max));
            }
            let requires_any_factor = band
                .requires_any_factor
                .iter()
                .enumerate()
                .filter_map(|(r, id)| {
                    let found = factor_ids.get(id.as_str()).copied();
                    if found.is_none() {
                        self.problem(
                            format!("{p}.requiresAnyFactor[{r}]"),
                            format!("no factor has id `{id}`"),
                        );
                    }
                    found
                })
                .collect();
            bands.push((
                i,
                OutcomeBand {
                    id: band.id.clone(),
                    min,
                    max,
                    requires_any_factor,
                    heading: self.text(&band.heading, &format!("{p}.heading")),
                    body: self.text(&band.body, &format!("{p}.body")),
                },
            ));
        }
        bands.sort_by_key(|(_, band)| (band.min, band.max));
        self.coverage(&bands, max_total);
        if let Some((i, lowest)) = bands.first() {
            if !lowest.requires_any_factor.is_empty() {
                self.problem(
                    format!("outcomes[{i}].requiresAnyFactor"),
                    "the lowest band cannot require a factor: it is where every other band falls back to",
                );
            }
        }
        bands.into_iter().map(|(_, band)| band).collect()
    }

    /// Every total from 0 to the maximum must fall in exactly one band.
    fn coverage(&mut self, bands: &[(usize, OutcomeBand)], max_total: u32) {
        let mut owner: BTreeMap<u32, usize> = BTreeMap::new();
        let mut overlaps: BTreeMap<(usize, usize), (u32, u32)> = BTreeMap::new();
        for (i, band) in bands {
            if band.min > band.max {
                continue;
            }
            for score in band.min..=band.max.min(max_total) {
                if let Some(&other) = owner.get(&score) {
                    let range = overlaps.entry((other, *i)).or_insert((score, score));
                    range.1 = score;
                } else {
                    owner.insert(score, *i);
                }
            }
        }
        for ((a, b), (from, to)) in overlaps {
            self.problem(
                "outcomes",
                format!(
                    "outcomes[{a}] and outcomes[{b}] overlap at totals {}",
                    span(from, to)
                ),
            );
        }
        let mut gap: Option<(u32, u32)> = None;
        for score in 0..=max_total {
            if owner.contains_key(&score) {
                if let Some((from, to)) = gap.take() {
                    self.gap(from, to);
                }
            } else {
                gap = Some(gap.map_or((score, score), |(from, _)| (from, score)));
            }
        }
        if let Some((from, to)) = gap {
            self.gap(from, to);
        }
    }

    fn gap(&mut self, from: u32, to: u32) {
        self.problem(
            "outcomes",
            format!(
                "no band covers totals {} (the factors can add up to these)",
                span(from, to)
            ),
        );
    }
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
    pub(super) fn get<'v>(object: &'v Value, key: &str) -> Option<&'v Value> {
        match object {
            Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
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

    pub(super) fn file(root: &Value) -> QuestionnaireFile {
        let red_flags = object(root, "redFlags");
        let card = |key: &str| {
            red_flags
                .and_then(|flags| object(flags, key))
                .map(|card| RedFlagTextFile {
                    heading: text_at(card, "heading"),
                    body: text_at(card, "body"),
                })
                .unwrap_or_default()
        };
        QuestionnaireFile {
            id: string(root, "id"),
            content_version: string(root, "contentVersion"),
            reviewed: string(root, "reviewed"),
            title: text_at(root, "title"),
            items: list(root, "items", item),
            factors: list(root, "factors", |f| FactorFile {
                id: string(f, "id"),
                sign: int(f, "sign"),
                points: int(f, "points").unwrap_or(0),
                threshold: int(f, "threshold").unwrap_or(0),
                name: text_at(f, "name"),
                why: text_at(f, "why"),
            }),
            outcomes: list(root, "outcomes", |o| OutcomeFile {
                id: string(o, "id"),
                min: int(o, "min").unwrap_or(0),
                max: int(o, "max").unwrap_or(0),
                requires_any_factor: list(o, "requiresAnyFactor", |v| match v {
                    Value::String(s) => s.clone(),
                    _ => String::new(),
                }),
                heading: text_at(o, "heading"),
                body: text_at(o, "body"),
            }),
            red_flags: RedFlagsFile {
                emergency: card("emergency"),
                urgent: card("urgent"),
            },
            evaluation: list(root, "evaluation", text),
            unsure_note: object(root, "unsureNote").map(|note| UnsureNoteFile {
                min_unsure: int(note, "minUnsure").unwrap_or(0),
                text: text_at(note, "text"),
            }),
        }
    }

    fn item(value: &Value) -> ItemFile {
        ItemFile {
            link_id: string(value, "linkId"),
            item_type: opt_string(value, "type").unwrap_or_else(|| "choice".to_owned()),
            text: text_at(value, "text"),
            hint: object(value, "hint").map(text),
            bullets: list(value, "bullets", text),
            red_flag: opt_string(value, "redFlag"),
            factor: opt_string(value, "factor"),
            answer_option: list(value, "answerOption", |o| AnswerOptionFile {
                code: string(o, "code"),
                text: text_at(o, "text"),
                weight: int(o, "weight").unwrap_or(0),
                red_flag: flag(o, "redFlag"),
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

fn span(from: u32, to: u32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}..={to}")
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
