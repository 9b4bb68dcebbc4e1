//! The embedding layer: adapts a host page to the app. It reads options and the page's
//! language, mounts instances and reports problems to the console with the
//! `[knee-check]` prefix. It holds no state of the check itself.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{App, AppProps, Config};
use crate::lang::Lang;

/// The languages the page and browser prefer, in order: the page's `lang`, then the
/// browser's list.
fn page_languages() -> Vec<String> {
    let mut tags = Vec::new();
    let document = gloo::utils::document();
    if let Some(root) = document.document_element() {
        if let Some(lang) = root.get_attribute("lang") {
            tags.push(lang);
        }
    }
    let navigator = gloo::utils::window().navigator();
    for lang in navigator.languages().iter() {
        if let Some(tag) = lang.as_string() {
            tags.push(tag);
        }
    }
    tags
}

/// Mounts the app into every element with the `data-knee-check` attribute on start-up.
#[wasm_bindgen(start)]
pub fn start() {
    let document = gloo::utils::document();
    let Ok(nodes) = document.query_selector_all("[data-knee-check]") else {
        return;
    };
    let langs = page_languages();
    let lang = Lang::negotiate(langs.iter().map(String::as_str));
    for i in 0..nodes.length() {
        if let Some(el) = nodes
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let props = AppProps {
                config: Rc::new(Config::builtin(lang)),
            };
            yew::Renderer::<App>::with_root_and_props(el, props).render();
        }
    }
}
