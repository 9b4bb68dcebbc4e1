//! The first screen, drawn at build time: Yew's server renderer runs the same [`App`]
//! the wasm runs, with the built-in questionnaire and default options, once per
//! language. `scripts/dist.sh` writes the result (`knee-check-prerender`) for the
//! loader, which shows it in the widget's shadow root at once and hands over to the
//! wasm when it has started (web/knee-check.js, "The first screen before the wasm").
//!
//! Native only (feature `prerender`); nothing here reaches the widget's wasm.

use std::rc::Rc;

use yew::{Callback, ServerRenderer};

use crate::browser::app::{App, AppProps, Config};
use crate::lang::Lang;

/// The intro as HTML for `lang`: the widget's root element and everything in it,
/// exactly as the wasm first renders it for a page with default options.
pub fn first_screen(lang: Lang) -> String {
    let renderer = ServerRenderer::<App>::with_props(move || AppProps {
        config: Rc::new(Config::builtin(lang)),
        on_event: Callback::noop(),
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::strings;

    #[test]
    fn each_language_gets_its_own_intro_with_a_start_button() {
        for lang in Lang::ALL {
            let html = first_screen(lang);
            let s = strings(lang);
            assert!(
                html.starts_with("<div ") && html.contains("class=\"kc-root\""),
                "{html}"
            );
            assert!(
                html.contains(&format!("lang=\"{}\"", lang.code())),
                "{html}"
            );
            assert!(html.contains("kc-intro"), "{html}");
            assert!(html.contains(s.start), "{lang:?}: no Start in {html}");
        }
    }
}
