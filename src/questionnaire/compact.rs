//! The compact form of a checked questionnaire: what the widget reads instead of JSON.
//!
//! A questionnaire file is checked once, where its problems can be reported to the person
//! who wrote it: the default file by the build script (build.rs), a custom file by the
//! questionnaire checker (`checker`, a small wasm the loader fetches only for pages that
//! name one). What they hand the widget is this form, so the widget carries neither a
//! JSON parser nor the checker.
//!
//! The form is a run of fields, each written as its length in bytes, a colon and the
//! bytes (`5:knees`), in the order [`encode`] writes them. Numbers are written as their
//! decimal text. It has no version of its own: it is made and read by the same build.
//!
//! [`decode`] never panics. Text it did not make gives an error, and it checks every
//! index the rest of the product relies on, so even a hand-edited form cannot make the
//! scoring index out of bounds.

use crate::questionnaire::model::{
    AnswerOption, Card, Cards, Clue, Condition, EnableWhen, Item, ItemKind, KneeCap, Lean,
    OutcomeRule, Questionnaire, Region, Review, Sign, Text, Urgency,
};

/// Text that is not a compact questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Malformed;

/// Writes a checked questionnaire in the compact form.
pub fn encode(q: &Questionnaire) -> String {
    let mut w = Writer(String::new());
    w.str(&q.id);
    w.str(&q.content_version);
    match &q.review {
        None => w.num(0),
        Some(review) => {
            w.num(1);
            w.str(&review.date);
            w.str(&review.reviewer);
        }
    }
    w.text(&q.title);
    w.num(q.items.len());
    for item in &q.items {
        w.str(&item.link_id);
        w.str(match item.kind {
            ItemKind::Choice => "c",
            ItemKind::Multiple => "m",
        });
        w.num(usize::from(item.body_map));
        w.text(&item.text);
        w.opt_text(item.hint.as_ref());
        w.texts(&item.bullets);
        w.str(match item.red_flag {
            None => "",
            Some(Urgency::Emergency) => "e",
            Some(Urgency::Today) => "t",
            Some(Urgency::Under18) => "a",
            Some(Urgency::Soon) => "s",
        });
        w.num(item.options.len());
        for option in &item.options {
            w.str(&option.code);
            w.text(&option.text);
            w.num(
                usize::from(option.red_flag)
                    | usize::from(option.unsure) << 1
                    | usize::from(option.exclusive) << 2,
            );
        }
        w.num(item.enable_when.len());
        for condition in &item.enable_when {
            w.num(condition.item);
            w.str(&condition.code);
        }
    }
    w.num(q.signs.len());
    for sign in &q.signs {
        w.num(usize::from(sign.number));
        w.text(&sign.name);
        w.text(&sign.why);
        w.nums(&sign.items);
    }
    w.num(q.clues.len());
    for clue in &q.clues {
        w.str(&clue.id);
        w.num(clue.sign.map_or(0, usize::from));
        w.num(clue.back as usize);
        w.num(clue.hip as usize);
        w.num(clue.knee as usize);
        w.num(clue.when.len());
        for condition in &clue.when {
            w.num(condition.item);
            w.num(usize::from(condition.only));
            w.num(condition.codes.len());
            for code in &condition.codes {
                w.str(code);
            }
        }
        w.text(&clue.text);
    }
    w.nums(&q.cap.all);
    w.nums(&q.cap.none);
    w.num(q.outcomes.len());
    for rule in &q.outcomes {
        w.str(&rule.id);
        w.num(rule.lean as usize);
        w.num(usize::from(rule.otherwise));
        w.num(rule.when.len());
        for region in &rule.when {
            for (min, max) in [region.back, region.hip, region.lean, region.unsure] {
                w.bound(min);
                w.bound(max);
            }
            w.str(match region.capped {
                None => "",
                Some(false) => "0",
                Some(true) => "1",
            });
        }
        w.text(&rule.heading);
        w.text(&rule.summary);
        w.text(&rule.next_step);
        w.texts(&rule.evaluation);
    }
    for card in [
        &q.cards.emergency,
        &q.cards.today,
        &q.cards.under18,
        &q.cards.soon,
    ] {
        w.text(&card.heading);
        w.text(&card.body);
    }
    w.texts(&q.safety_net);
    w.texts(&q.meanwhile);
    w.0
}

/// Reads a questionnaire written by [`encode`].
pub fn decode(form: &str) -> Result<Questionnaire, Malformed> {
    let mut r = Reader(form);
    let q = r.questionnaire().ok_or(Malformed)?;
    if r.0.is_empty() {
        Ok(q)
    } else {
        Err(Malformed)
    }
}

struct Writer(String);

impl Writer {
    fn str(&mut self, value: &str) {
        self.0.push_str(&value.len().to_string());
        self.0.push(':');
        self.0.push_str(value);
    }

    fn num(&mut self, value: usize) {
        self.str(&value.to_string());
    }

    fn text(&mut self, text: &Text) {
        self.str(&text.en);
        self.str(&text.es);
    }

    fn opt_text(&mut self, text: Option<&Text>) {
        match text {
            None => self.num(0),
            Some(text) => {
                self.num(1);
                self.text(text);
            }
        }
    }

    fn texts(&mut self, texts: &[Text]) {
        self.num(texts.len());
        for text in texts {
            self.text(text);
        }
    }

    fn nums(&mut self, values: &[usize]) {
        self.num(values.len());
        for &value in values {
            self.num(value);
        }
    }

    /// An optional bound: empty when open.
    fn bound(&mut self, value: Option<i64>) {
        match value {
            None => self.str(""),
            Some(value) => self.str(&value.to_string()),
        }
    }
}

/// Reads fields from the front of the form; every method gives `None` at the first
/// thing out of place.
struct Reader<'a>(&'a str);

impl<'a> Reader<'a> {
    fn str(&mut self) -> Option<&'a str> {
        let (len, rest) = self.0.split_once(':')?;
        let len: usize = len.parse().ok()?;
        let value = rest.get(..len)?;
        self.0 = rest.get(len..)?;
        Some(value)
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(String::from)
    }

    fn num(&mut self) -> Option<usize> {
        self.str()?.parse().ok()
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.num()?).ok()
    }

    /// A count of things still to read: each takes at least two bytes, which keeps a
    /// forged count from running long.
    fn count(&mut self) -> Option<usize> {
        self.num().filter(|&n| n <= self.0.len() / 2)
    }

    fn text(&mut self) -> Option<Text> {
        Some(Text {
            en: self.string()?,
            es: self.string()?,
        })
    }

    /// A count, then that many things read by `each`.
    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let count = self.count()?;
        let mut list = Vec::with_capacity(count);
        for _ in 0..count {
            list.push(each(self)?);
        }
        Some(list)
    }

    fn texts(&mut self) -> Option<Vec<Text>> {
        self.list(Self::text)
    }

    /// A list of indexes, each below `limit`.
    fn indexes(&mut self, limit: usize) -> Option<Vec<usize>> {
        self.list(|r| r.num().filter(|&i| i < limit))
    }

    fn bound(&mut self) -> Option<Option<i64>> {
        match self.str()? {
            "" => Some(None),
            text => text.parse().ok().map(Some),
        }
    }

    fn questionnaire(&mut self) -> Option<Questionnaire> {
        let id = self.string()?;
        let content_version = self.string()?;
        let review = match self.num()? {
            0 => None,
            1 => Some(Review {
                date: self.string()?,
                reviewer: self.string()?,
            }),
            _ => return None,
        };
        let title = self.text()?;
        let mut items: Vec<Item> = Vec::new();
        for _ in 0..self.count()? {
            let item = self.item(items.len())?;
            items.push(item);
        }
        let signs = self.list(|r| r.sign(items.len()))?;
        let clues = self.list(|r| r.clue(&items))?;
        let cap = KneeCap {
            all: self.indexes(clues.len())?,
            none: self.indexes(clues.len())?,
        };
        let outcomes = self.list(Self::rule)?;
        // Scoring and the session index these without checking.
        if items.is_empty() || outcomes.is_empty() {
            return None;
        }
        let mut card = || {
            Some(Card {
                heading: self.text()?,
                body: self.text()?,
            })
        };
        let cards = Cards {
            emergency: card()?,
            today: card()?,
            under18: card()?,
            soon: card()?,
        };
        Some(Questionnaire {
            id,
            content_version,
            review,
            title,
            items,
            signs,
            clues,
            cap,
            outcomes,
            cards,
            safety_net: self.texts()?,
            meanwhile: self.texts()?,
        })
    }

    /// Question `index`; its conditions must point at earlier questions.
    fn item(&mut self, index: usize) -> Option<Item> {
        let link_id = self.string()?;
        let kind = match self.str()? {
            "c" => ItemKind::Choice,
            "m" => ItemKind::Multiple,
            _ => return None,
        };
        let body_map = match self.num()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        let text = self.text()?;
        let hint = match self.num()? {
            0 => None,
            1 => Some(self.text()?),
            _ => return None,
        };
        let bullets = self.texts()?;
        let red_flag = match self.str()? {
            "" => None,
            "e" => Some(Urgency::Emergency),
            "t" => Some(Urgency::Today),
            "a" => Some(Urgency::Under18),
            "s" => Some(Urgency::Soon),
            _ => return None,
        };
        let options = self.list(Self::option)?;
        let enable_when = self.list(|r| {
            Some(EnableWhen {
                item: r.num().filter(|&i| i < index)?,
                code: r.string()?,
            })
        })?;
        Some(Item {
            link_id,
            kind,
            body_map,
            text,
            hint,
            bullets,
            red_flag,
            options,
            enable_when,
        })
    }

    fn option(&mut self) -> Option<AnswerOption> {
        let code = self.string()?;
        let text = self.text()?;
        let flags = self.num().filter(|&f| f < 8)?;
        Some(AnswerOption {
            code,
            text,
            red_flag: flags & 1 != 0,
            unsure: flags & 2 != 0,
            exclusive: flags & 4 != 0,
        })
    }

    fn sign(&mut self, item_count: usize) -> Option<Sign> {
        Some(Sign {
            number: u8::try_from(self.num()?).ok()?,
            name: self.text()?,
            why: self.text()?,
            items: self.indexes(item_count)?,
        })
    }

    fn clue(&mut self, items: &[Item]) -> Option<Clue> {
        let id = self.string()?;
        let sign = match self.num()? {
            0 => None,
            n => Some(u8::try_from(n).ok()?),
        };
        let back = self.u32()?;
        let hip = self.u32()?;
        let knee = self.u32()?;
        let when = self.list(|r| {
            let item = r.num().filter(|&i| i < items.len())?;
            let only = match r.num()? {
                0 => false,
                1 => true,
                _ => return None,
            };
            let codes = r.list(Self::string)?;
            Some(Condition { item, codes, only })
        })?;
        Some(Clue {
            id,
            sign,
            back,
            hip,
            knee,
            when,
            text: self.text()?,
        })
    }

    fn rule(&mut self) -> Option<OutcomeRule> {
        let id = self.string()?;
        let lean = match self.num()? {
            0 => Lean::Knee,
            1 => Lean::Neither,
            2 => Lean::Back,
            _ => return None,
        };
        let otherwise = match self.num()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        let when = self.list(|r| {
            let mut pair = || Some((r.bound()?, r.bound()?));
            let back = pair()?;
            let hip = pair()?;
            let lean = pair()?;
            let unsure = pair()?;
            let capped = match r.str()? {
                "" => None,
                "0" => Some(false),
                "1" => Some(true),
                _ => return None,
            };
            Some(Region {
                back,
                hip,
                lean,
                unsure,
                capped,
            })
        })?;
        Some(OutcomeRule {
            id,
            lean,
            when,
            otherwise,
            heading: self.text()?,
            summary: self.text()?,
            next_step: self.text()?,
            evaluation: self.texts()?,
        })
    }
}

// Native only: they read files and use the native loader.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::questionnaire::validate;

    fn default_file() -> Questionnaire {
        let json = std::fs::read_to_string("questionnaires/knee-or-back.json").expect("file");
        validate::load(&json).expect("valid")
    }

    #[test]
    fn the_default_questionnaire_reads_back_as_it_was_checked() {
        let q = default_file();
        assert_eq!(decode(&encode(&q)), Ok(q));
    }

    #[test]
    fn every_valid_fixture_reads_back_as_it_was_checked() {
        let mut seen = 0;
        for entry in std::fs::read_dir("tests/fixtures/valid").expect("fixtures") {
            let path = entry.expect("entry").path();
            let json = std::fs::read_to_string(&path).expect("fixture");
            let q = validate::load(&json).unwrap_or_else(|p| panic!("{}: {p}", path.display()));
            assert_eq!(decode(&encode(&q)), Ok(q), "{}", path.display());
            seen += 1;
        }
        assert!(seen > 0, "no fixtures read");
    }

    #[test]
    fn text_it_did_not_make_is_refused() {
        let form = encode(&default_file());
        for bad in [
            String::new(),
            "{}".to_string(),
            form[..form.len() - 1].to_string(),
            format!("{form}1:x"),
            form.replacen(':', ";", 1),
            format!("99999999999999999999{form}"),
        ] {
            assert_eq!(decode(&bad), Err(Malformed), "{bad:.40}");
        }
    }

    #[test]
    fn an_index_out_of_range_is_refused() {
        let q = default_file();
        let mut bad = q.clone();
        bad.clues[0].when[0].item = q.items.len();
        assert_eq!(decode(&encode(&bad)), Err(Malformed));

        let mut bad = q.clone();
        let last = bad.items.len() - 1;
        bad.items[last].enable_when = vec![EnableWhen {
            item: last,
            code: "yes".into(),
        }];
        assert_eq!(decode(&encode(&bad)), Err(Malformed));

        let mut bad = q;
        bad.cap.all = vec![99];
        assert_eq!(decode(&encode(&bad)), Err(Malformed));
    }
}
