//! knee-check: an embeddable self-check that helps a reader tell whether knee pain may
//! come from the lower back or hip.
//!
//! The crate has two halves. The pure core (`lang`, `file`, `model`, `validate`,
//! `session`, `scoring`, `paths`, `builtin`, and the native `cli`) knows nothing of
//! browsers and is tested natively. The browser shell (`app`, `ui`, `embed`), compiled only
//! for wasm32, renders the core's state with Yew and adapts the host page to it. See
//! ARCHITECTURE.md.

pub mod builtin;
pub mod compact;
pub mod fhir;
pub mod file;
pub mod i18n;
pub mod json;
pub mod json_read;
pub mod lang;
pub mod model;
pub mod options;
pub mod paths;
pub mod scoring;
pub mod session;
pub mod summary;
pub mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

// The wasm32 build makes one of two modules: the widget, or (with the `checker` feature)
// the questionnaire checker the loader fetches only for custom questionnaires.
#[cfg(all(target_arch = "wasm32", not(feature = "checker")))]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "checker"))]
pub mod checker;
#[cfg(all(target_arch = "wasm32", not(feature = "checker")))]
pub mod embed;
#[cfg(all(target_arch = "wasm32", not(feature = "checker")))]
pub mod ui;
