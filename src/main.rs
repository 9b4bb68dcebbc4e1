//! The `knee-check` command line: questionnaire tools for clinicians and content editors.
//!
//! It shares the pure core with the widget, so what it validates, scores and lists is
//! exactly what readers will meet in the browser.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(knee_check::cli::run(std::env::args().skip(1).collect()));
}

// The wasm build ships only the library; this keeps `cargo build --target wasm32` of all
// targets (clippy, tests) compiling.
#[cfg(target_arch = "wasm32")]
fn main() {}
