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
    AnswerOption, EnableWhen, Factor, Item, ItemKind, OutcomeBand, Questionnaire, RedFlagText,
    Text, UnsureNote, Urgency,
};

/// Text that is not a compact questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Malformed;

/// Writes a checked questionnaire in the compact form.
pub fn encode(q: &Questionnaire) -> String {
    let mut w = Writer(String::new());
    w.str(&q.id);
    w.str(&q.content_version);
    w.str(&q.reviewed);
    w.text(&q.title);
    w.num(q.factors.len());
    for factor in &q.factors {
        w.str(&factor.id);
        w.num(factor.sign.map_or(0, usize::from));
        w.num(factor.points as usize);
        w.num(factor.threshold as usize);
        w.text(&factor.name);
        w.text(&factor.why);
    }
    w.num(q.items.len());
    for item in &q.items {
        w.str(&item.link_id);
        w.str(match item.kind {
            ItemKind::Choice => "c",
            ItemKind::Multiple => "m",
        });
        w.text(&item.text);
        w.opt_text(item.hint.as_ref());
        w.texts(&item.bullets);
        w.str(match item.red_flag {
            None => "",
            Some(Urgency::Emergency) => "e",
            Some(Urgency::Urgent) => "u",
        });
        w.num(item.factor.map_or(0, |f| f + 1));
        w.num(item.options.len());
        for option in &item.options {
            w.str(&option.code);
            w.text(&option.text);
            w.num(option.weight as usize);
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
    w.num(q.outcomes.len());
    for band in &q.outcomes {
        w.str(&band.id);
        w.num(band.min as usize);
        w.num(band.max as usize);
        w.num(band.requires_any_factor.len());
        for &factor in &band.requires_any_factor {
            w.num(factor);
        }
        w.text(&band.heading);
        w.text(&band.body);
    }
    for red_flag in [&q.emergency, &q.urgent] {
        w.text(&red_flag.heading);
        w.text(&red_flag.body);
    }
    w.texts(&q.evaluation);
    match &q.unsure_note {
        None => w.num(0),
        Some(note) => {
            w.num(note.min_unsure as usize + 1);
            w.text(&note.text);
        }
    }
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

    fn questionnaire(&mut self) -> Option<Questionnaire> {
        let id = self.string()?;
        let content_version = self.string()?;
        let reviewed = self.string()?;
        let title = self.text()?;
        let factors = self.list(Self::factor)?;
        let mut items: Vec<Item> = Vec::new();
        for _ in 0..self.count()? {
            let item = self.item(items.len(), factors.len())?;
            items.push(item);
        }
        let outcomes = self.list(|r| r.band(factors.len()))?;
        // Scoring and the session index these without checking.
        if items.is_empty() || outcomes.is_empty() {
            return None;
        }
        let emergency = self.red_flag_text()?;
        let urgent = self.red_flag_text()?;
        let evaluation = self.texts()?;
        let unsure_note = match self.u32()? {
            0 => None,
            n => Some(UnsureNote {
                min_unsure: n - 1,
                text: self.text()?,
            }),
        };
        Some(Questionnaire {
            id,
            content_version,
            reviewed,
            title,
            items,
            factors,
            outcomes,
            emergency,
            urgent,
            evaluation,
            unsure_note,
        })
    }

    fn factor(&mut self) -> Option<Factor> {
        let id = self.string()?;
        let sign = match self.num()? {
            0 => None,
            n => Some(u8::try_from(n).ok()?),
        };
        Some(Factor {
            id,
            sign,
            points: self.u32()?,
            threshold: self.u32()?,
            name: self.text()?,
            why: self.text()?,
        })
    }

    /// Question `index`; its factor and conditions must point at what exists.
    fn item(&mut self, index: usize, factor_count: usize) -> Option<Item> {
        let link_id = self.string()?;
        let kind = match self.str()? {
            "c" => ItemKind::Choice,
            "m" => ItemKind::Multiple,
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
            "u" => Some(Urgency::Urgent),
            _ => return None,
        };
        let factor = match self.num()? {
            0 => None,
            n if n <= factor_count => Some(n - 1),
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
            text,
            hint,
            bullets,
            red_flag,
            factor,
            options,
            enable_when,
        })
    }

    fn option(&mut self) -> Option<AnswerOption> {
        let code = self.string()?;
        let text = self.text()?;
        let weight = self.u32()?;
        let flags = self.num().filter(|&f| f < 8)?;
        Some(AnswerOption {
            code,
            text,
            weight,
            red_flag: flags & 1 != 0,
            unsure: flags & 2 != 0,
            exclusive: flags & 4 != 0,
        })
    }

    fn band(&mut self, factor_count: usize) -> Option<OutcomeBand> {
        let id = self.string()?;
        let min = self.u32()?;
        let max = self.u32()?;
        let requires_any_factor = self.list(|r| r.num().filter(|&f| f < factor_count))?;
        Some(OutcomeBand {
            id,
            min,
            max,
            requires_any_factor,
            heading: self.text()?,
            body: self.text()?,
        })
    }

    fn red_flag_text(&mut self) -> Option<RedFlagText> {
        Some(RedFlagText {
            heading: self.text()?,
            body: self.text()?,
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
        bad.items[3].factor = Some(q.factors.len());
        assert_eq!(decode(&encode(&bad)), Err(Malformed));

        let mut bad = q.clone();
        let last = bad.items.len() - 1;
        bad.items[last].enable_when = vec![EnableWhen {
            item: last,
            code: "yes".into(),
        }];
        assert_eq!(decode(&encode(&bad)), Err(Malformed));

        let mut bad = q;
        bad.outcomes[0].requires_any_factor = vec![99];
        assert_eq!(decode(&encode(&bad)), Err(Malformed));
    }
}
