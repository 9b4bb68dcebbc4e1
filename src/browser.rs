//! The browser shell, compiled for wasm32. The widget's build holds the Yew `app`, its
//! views (`ui`) and the `embed` layer that adapts a host page to the app; the checker's
//! build (feature `checker`) holds only `checker`. Natively, the `prerender` feature
//! compiles `app` and `ui` with `prerender`, which draws the first screen at build time.

#[cfg(not(feature = "checker"))]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "checker"))]
pub mod checker;
#[cfg(all(target_arch = "wasm32", not(feature = "checker")))]
pub mod embed;
#[cfg(all(not(target_arch = "wasm32"), feature = "prerender"))]
pub mod prerender;
#[cfg(not(feature = "checker"))]
pub mod ui;

/// The wasm's allocator: talc instead of std's dlmalloc, about 2 KB gzip smaller (README,
/// Performance). The wasm runs on one thread (no `atomics`), which is what talc's wasm
/// allocator requires; it grows the wasm memory as needed, as dlmalloc did.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
