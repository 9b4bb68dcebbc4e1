//! The browser shell, compiled only for wasm32. The widget's build holds the Yew `app`,
//! its views (`ui`) and the `embed` layer that adapts a host page to the app; the
//! checker's build (feature `checker`) holds only `checker`.

#[cfg(not(feature = "checker"))]
pub mod app;
#[cfg(feature = "checker")]
pub mod checker;
#[cfg(not(feature = "checker"))]
pub mod embed;
#[cfg(not(feature = "checker"))]
pub mod ui;
