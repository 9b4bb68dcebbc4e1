//! The host's options (clinic name, phone, booking link, language, colours), parsed from
//! element attributes or the JS API by one typed function.
//!
//! Bad values never stop the widget: each falls back to its default and yields a
//! [`OptionWarning`] that the shell shows politely and logs once. Strings are kept as
//! plain text; the UI renders them as text nodes, never as HTML.

use crate::lang::Lang;

/// The emergency number used when the host sets none.
pub const DEFAULT_EMERGENCY_NUMBER: &str = "911";

/// Colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's `prefers-color-scheme` (when the host asks for it).
    Auto,
    /// Always light: the default, because the widget sits in a host page whose own
    /// colours it cannot see, and most pages are light; a dark box in a light article
    /// reads as an advertisement.
    #[default]
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The attribute value.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Every option, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The clinic's name for the call to action.
    pub clinic_name: Option<String>,
    /// The clinic's phone number as written for people.
    pub clinic_phone: Option<String>,
    /// An http(s) link to book an evaluation. It never carries answers.
    pub booking_url: Option<String>,
    /// What the evaluation is called, e.g. "a Pinpoint evaluation".
    pub evaluation_name: Option<String>,
    /// The number the emergency card calls.
    pub emergency_number: String,
    /// A language the host asked for; else the page's or browser's.
    pub lang: Option<Lang>,
    /// Colour scheme.
    pub theme: Theme,
    /// A CSS colour for buttons and links.
    pub accent: Option<String>,
    /// The level of the widget's top headings, 1 to 6 (default 2).
    pub heading_level: u8,
    /// The id of an inline `<script type="application/json">` with a custom questionnaire.
    pub questionnaire: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            clinic_name: None,
            clinic_phone: None,
            booking_url: None,
            evaluation_name: None,
            emergency_number: DEFAULT_EMERGENCY_NUMBER.to_owned(),
            lang: None,
            theme: Theme::Light,
            accent: None,
            heading_level: 2,
            questionnaire: None,
        }
    }
}

/// An option that was ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionWarning {
    /// The attribute name, e.g. `booking-url`.
    pub option: String,
    /// Why it was ignored.
    pub message: String,
}

/// Every option name, as attributes spell them; the JS API takes the same names in
/// camelCase.
pub const NAMES: [&str; 10] = [
    "clinic-name",
    "clinic-phone",
    "booking-url",
    "evaluation-name",
    "emergency-number",
    "lang",
    "theme",
    "accent",
    "heading-level",
    "questionnaire",
];

/// The attribute spelling of an option name: the JS API's `clinicName` becomes
/// `clinic-name`; attribute names pass through.
pub fn attribute_name(key: &str) -> String {
    let mut name = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            name.push('-');
            name.push(c.to_ascii_lowercase());
        } else {
            name.push(c);
        }
    }
    name
}

impl Options {
    /// Parses `(name, value)` pairs. Unknown names, and values that do not fit, are
    /// reported and ignored; empty values mean "not set".
    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Options, Vec<OptionWarning>) {
        let mut options = Options::default();
        let mut warnings = Vec::new();
        for (name, raw) in pairs {
            let value = raw.trim();
            if value.is_empty() {
                continue;
            }
            if let Err(message) = options.set(name, value) {
                warnings.push(OptionWarning {
                    option: shown(name),
                    message,
                });
            }
        }
        (options, warnings)
    }

    fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        match name {
            "clinic-name" => self.clinic_name = Some(plain_text(value, 120)?),
            "evaluation-name" => self.evaluation_name = Some(plain_text(value, 120)?),
            "clinic-phone" => self.clinic_phone = Some(phone(value)?),
            "emergency-number" => self.emergency_number = phone(value)?,
            "booking-url" => self.booking_url = Some(web_url(value)?),
            "lang" => {
                self.lang = Some(Lang::from_tag(value).ok_or_else(|| {
                    format!(
                        "language `{}` is not supported (use `en` or `es`)",
                        shown(value)
                    )
                })?)
            }
            "theme" => {
                self.theme = match value.to_ascii_lowercase().as_str() {
                    "auto" => Theme::Auto,
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    _ => {
                        return Err(format!(
                            "theme `{}` is not one of auto, light, dark",
                            shown(value)
                        ))
                    }
                }
            }
            "accent" => self.accent = Some(colour(value)?),
            "heading-level" => {
                self.heading_level = match value.parse::<u8>() {
                    Ok(level @ 1..=6) => level,
                    _ => {
                        return Err(format!(
                            "heading level `{}` is not a number from 1 to 6",
                            shown(value)
                        ))
                    }
                }
            }
            "questionnaire" => {
                if value.len() > 100 || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
                    return Err(
                        "the questionnaire option must be the id of a script element".into(),
                    );
                }
                self.questionnaire = Some(value.to_owned());
            }
            _ => return Err(format!("`{}` is not an option of this widget", shown(name))),
        }
        Ok(())
    }

    /// The `tel:` link for a phone number: digits, with a leading `+` kept.
    pub fn tel_href(number: &str) -> String {
        let mut href = String::from("tel:");
        for (i, c) in number.chars().enumerate() {
            if c.is_ascii_digit() || (c == '+' && i == 0) {
                href.push(c);
            }
        }
        href
    }
}

/// The most characters of a host's value a warning repeats: enough to recognise it,
/// never a page of text in the console.
const SHOWN_CHARS: usize = 40;

/// `text` as a warning shows it: cut to [`SHOWN_CHARS`] characters, control and bidi
/// formatting characters left out, so a message reads the same in any console.
fn shown(text: &str) -> String {
    let mut out: String = text
        .chars()
        .filter(|&c| !c.is_control() && !is_bidi_control(c))
        .take(SHOWN_CHARS)
        .collect();
    if text.chars().count() > SHOWN_CHARS {
        out.push('…');
    }
    out
}

/// Unicode's explicit directional formatting characters (embeddings, overrides,
/// isolates and their ends).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn plain_text(value: &str, max: usize) -> Result<String, String> {
    if value.chars().count() > max {
        return Err(format!("is longer than {max} characters"));
    }
    Ok(value.chars().filter(|c| !c.is_control()).collect())
}

fn phone(value: &str) -> Result<String, String> {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if !allowed || digits == 0 || digits > 20 {
        return Err(format!("`{}` is not a phone number", shown(value)));
    }
    Ok(value.to_owned())
}

fn web_url(value: &str) -> Result<String, String> {
    let lower = value.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let host_ok = rest.is_some_and(|r| {
        r.split(['/', '?', '#'])
            .next()
            .is_some_and(|host| !host.is_empty())
    });
    if !host_ok
        || value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
    {
        return Err(format!(
            "booking link `{}` is not a web address starting with https:// or http://",
            shown(value)
        ));
    }
    Ok(value.to_owned())
}

/// Accepts hex colours, `rgb()`/`rgba()`/`hsl()`/`hsla()` with plain numbers, and named
/// colours. Anything that could end the CSS declaration is refused.
fn colour(value: &str) -> Result<String, String> {
    let v = value.to_ascii_lowercase();
    let hex = v.strip_prefix('#').is_some_and(|h| {
        matches!(h.len(), 3 | 4 | 6 | 8) && h.chars().all(|c| c.is_ascii_hexdigit())
    });
    let functional = ["rgb(", "rgba(", "hsl(", "hsla("].iter().any(|prefix| {
        v.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(')'))
            .is_some_and(|args| {
                !args.is_empty()
                    && args
                        .chars()
                        .all(|c| c.is_ascii_digit() || " ,.%/".contains(c) || "degturn".contains(c))
            })
    });
    let named = (3..=20).contains(&v.len()) && v.chars().all(|c| c.is_ascii_lowercase());
    if hex || functional || named {
        Ok(v)
    } else {
        Err(format!("`{}` is not a colour", shown(value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(name: &str, value: &str) -> (Options, Vec<OptionWarning>) {
        Options::parse([(name, value)])
    }

    #[test]
    fn good_values_are_taken() {
        let (o, w) = Options::parse([
            ("clinic-name", "Lakeside PT"),
            ("clinic-phone", "+1 (847) 555-0100"),
            ("booking-url", "https://example.org/book?x=1"),
            ("evaluation-name", "a Pinpoint evaluation"),
            ("emergency-number", "112"),
            ("lang", "es-MX"),
            ("theme", "Dark"),
            ("accent", "#0A6E5C"),
            ("heading-level", "3"),
            ("questionnaire", "my-questions"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(o.clinic_name.as_deref(), Some("Lakeside PT"));
        assert_eq!(o.clinic_phone.as_deref(), Some("+1 (847) 555-0100"));
        assert_eq!(
            o.booking_url.as_deref(),
            Some("https://example.org/book?x=1")
        );
        assert_eq!(o.emergency_number, "112");
        assert_eq!(o.lang, Some(Lang::Es));
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.accent.as_deref(), Some("#0a6e5c"));
        assert_eq!(o.heading_level, 3);
        assert_eq!(o.questionnaire.as_deref(), Some("my-questions"));
    }

    #[test]
    fn bad_values_fall_back_with_a_warning() {
        let cases = [
            ("booking-url", "javascript:alert(1)"),
            ("booking-url", "data:text/html,<b>x</b>"),
            ("booking-url", "//example.org"),
            ("booking-url", "https://"),
            ("booking-url", "https://exa mple.org"),
            ("clinic-phone", "call us"),
            ("clinic-phone", "555<script>"),
            ("emergency-number", "nine"),
            ("accent", "red; background: url(x)"),
            ("accent", "#12345"),
            ("accent", "rgb(1,2,3);x"),
            ("accent", "url(https://x)"),
            ("theme", "sepia"),
            ("lang", "fr"),
            ("heading-level", "7"),
            ("heading-level", "two"),
            ("questionnaire", "a b"),
            ("colour", "red"),
        ];
        for (name, value) in cases {
            let (options, warnings) = one(name, value);
            assert_eq!(warnings.len(), 1, "{name}={value} should warn");
            assert_eq!(warnings[0].option, name);
            assert_eq!(
                options,
                Options::default(),
                "{name}={value} should fall back"
            );
        }
    }

    #[test]
    fn warnings_repeat_at_most_a_short_cut_of_the_value() {
        let long = "x".repeat(100_000);
        for name in [
            "clinic-phone",
            "booking-url",
            "accent",
            "lang",
            "theme",
            "heading-level",
        ] {
            let (_, warnings) = one(name, &long);
            assert_eq!(warnings.len(), 1, "{name}");
            assert!(
                warnings[0].message.len() < 200,
                "{name}: {}",
                warnings[0].message.len()
            );
            assert!(warnings[0]
                .message
                .contains(&format!("{}…", "x".repeat(SHOWN_CHARS))));
        }
        let (_, warnings) = one(&long, "value");
        assert!(warnings[0].option.len() < 50 && warnings[0].message.len() < 200);
        let (_, warnings) = one("accent", "\u{202E}red;x");
        assert_eq!(warnings[0].message, "`red;x` is not a colour");
    }

    #[test]
    fn markup_in_names_stays_text() {
        let (o, w) = one("clinic-name", "<img src=x onerror=alert(1)>");
        assert!(w.is_empty());
        assert_eq!(
            o.clinic_name.as_deref(),
            Some("<img src=x onerror=alert(1)>")
        );
    }

    #[test]
    fn empty_values_mean_unset() {
        let (o, w) = Options::parse([("clinic-name", "  "), ("heading-level", "")]);
        assert!(w.is_empty());
        assert_eq!(o, Options::default());
    }

    #[test]
    fn js_names_map_to_attribute_names() {
        for (key, want) in [
            ("clinicName", "clinic-name"),
            ("bookingUrl", "booking-url"),
            ("headingLevel", "heading-level"),
            ("lang", "lang"),
            ("clinic-phone", "clinic-phone"),
        ] {
            assert_eq!(attribute_name(key), want);
        }
        for name in NAMES {
            assert_eq!(attribute_name(name), name, "attribute names pass through");
        }
    }

    #[test]
    fn tel_links_keep_only_digits_and_a_leading_plus() {
        assert_eq!(Options::tel_href("+1 (847) 555-0100"), "tel:+18475550100");
        assert_eq!(Options::tel_href("911"), "tel:911");
        assert_eq!(Options::tel_href("1+2"), "tel:12");
    }
}
