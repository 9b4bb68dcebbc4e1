//! knee-check: an embeddable self-check that helps a reader tell whether knee pain may
//! come from the lower back or hip.
//!
//! The folders are the parts (see ARCHITECTURE.md). The pure core, which knows nothing
//! of browsers and is tested natively: `questionnaire` (the file, its checking, the
//! checked model), `check` (session, scoring, paths), `export` (summary, FHIR), and the
//! small shared modules `lang`, `i18n` and `options`. Around it: `cli`, native only, and
//! `browser`, wasm32 only, which renders the core's state with Yew and adapts the host
//! page to it.

pub mod check;
pub mod export;
pub mod i18n;
pub mod lang;
pub mod options;
pub mod questionnaire;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

// The wasm32 build makes one of two modules: the widget, or (with the `checker` feature)
// the questionnaire checker the loader fetches only for custom questionnaires. Natively,
// the `prerender` feature compiles the app and its views for the build's prerender.
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod browser;
