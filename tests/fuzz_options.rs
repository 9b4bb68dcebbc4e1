//! Fuzzing the option parser, the one door every host-supplied string comes through:
//! whatever the attributes or the JS API hold, parsing never panics, and what it accepts
//! is safe to put in a link or a style property.
#![cfg(not(target_arch = "wasm32"))]

use knee_check::options::{attribute_name, Options, NAMES};
use proptest::prelude::*;

/// Cases per property: 256 in `make test`; set `KNEE_CHECK_FUZZ_CASES` for longer runs.
fn fuzz_cases() -> u32 {
    std::env::var("KNEE_CHECK_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(NAMES.to_vec()).prop_map(str::to_owned),
        "[a-zA-Z-]{0,20}",
        any::<String>(),
    ]
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "(https?|javascript|data|JaVaScRiPt|ftp)://?[ -~]{0,40}",
        "[#a-z(),. 0-9%;:{}<>\"']{0,30}",
        "[0-9+() .-]{0,25}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(fuzz_cases()))]

    #[test]
    fn parsing_never_panics_and_reports_each_ignored_option(
        pairs in proptest::collection::vec((name(), value()), 0..12)
    ) {
        let (_, warnings) = Options::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        prop_assert!(warnings.len() <= pairs.len());
        for warning in &warnings {
            prop_assert!(!warning.message.is_empty());
        }
    }

    #[test]
    fn an_accepted_booking_link_is_a_web_address(value in value()) {
        let (options, _) = Options::parse([("booking-url", value.as_str())]);
        if let Some(url) = options.booking_url {
            let lower = url.to_ascii_lowercase();
            prop_assert!(lower.starts_with("https://") || lower.starts_with("http://"), "{url}");
            prop_assert!(!url.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"".contains(c)), "{url}");
        }
    }

    #[test]
    fn an_accepted_colour_cannot_end_the_css_declaration(value in value()) {
        let (options, _) = Options::parse([("accent", value.as_str())]);
        if let Some(colour) = options.accent {
            prop_assert!(!colour.chars().any(|c| ";:{}<>\"'\\\\".contains(c) || c.is_control()), "{colour}");
            prop_assert!(!colour.contains("url"), "{colour}");
        }
    }

    #[test]
    fn accepted_phone_numbers_make_digit_only_tel_links(value in value()) {
        let (options, _) = Options::parse([("clinic-phone", value.as_str()), ("emergency-number", value.as_str())]);
        for number in options.clinic_phone.iter().chain([&options.emergency_number]) {
            let href = Options::tel_href(number);
            prop_assert!(href.starts_with("tel:"));
            prop_assert!(href[4..].chars().enumerate().all(|(i, c)| c.is_ascii_digit() || (i == 0 && c == '+')), "{href}");
        }
    }

    #[test]
    fn camel_case_keys_reach_the_same_option(index in 0..NAMES.len()) {
        let name = NAMES[index];
        let camel: String = name
            .split('-')
            .enumerate()
            .map(|(i, part)| if i == 0 { part.to_owned() } else { part[..1].to_ascii_uppercase() + &part[1..] })
            .collect();
        prop_assert_eq!(attribute_name(&camel), name);
    }
}
