//! The languages the widget speaks, and how a language tag picks one.

use serde::{Deserialize, Serialize};

/// A language every string of the product is written in.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Lang {
    /// English, the fallback when nothing else matches.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Spanish.
    #[serde(rename = "es")]
    Es,
}

impl Lang {
    /// Every supported language, in the order the switcher shows them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 primary tag, as used in `lang` attributes and file keys.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The writing direction, for the widget's `dir` attribute: the widget sets its own,
    /// so a right-to-left host page does not mirror an English or Spanish check.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En | Lang::Es => "ltr",
        }
    }

    /// The language's own name, shown in the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// Picks a language from a tag such as `es`, `es-MX` or `EN_us`; `None` when the
    /// primary subtag is not one we speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The first supported language among tags in preference order (an explicit option,
    /// then the page's `lang`, then the browser's list), else English.
    pub fn negotiate<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_pick_the_primary_language() {
        let cases = [
            ("en", Some(Lang::En)),
            ("es", Some(Lang::Es)),
            ("es-MX", Some(Lang::Es)),
            ("EN_us", Some(Lang::En)),
            (" es ", Some(Lang::Es)),
            ("fr", None),
            ("", None),
            ("e", None),
        ];
        for (tag, want) in cases {
            assert_eq!(Lang::from_tag(tag), want, "tag {tag:?}");
        }
    }

    #[test]
    fn negotiation_takes_the_first_supported_tag() {
        assert_eq!(Lang::negotiate(["fr", "es-ES", "en"]), Lang::Es);
        assert_eq!(Lang::negotiate(["de", "fr"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
    }
}
