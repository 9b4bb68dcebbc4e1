//! Component tests in a real browser: mount the app, let Yew render, read the DOM.
//!
//! Run by `make test` (or `cargo test --target wasm32-unknown-unknown`) in headless
//! Chromium through wasm-bindgen-test-runner and ChromeDriver.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use knee_check::app::{App, AppProps, Config};
use knee_check::lang::Lang;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// Appends a fresh, empty container to the test page's body.
fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").expect("create a div");
    document
        .body()
        .expect("the page has a body")
        .append_child(&div)
        .expect("append the div");
    div
}

/// Mounts the app with the built-in questionnaire in `lang` and waits for it to render.
async fn mount(lang: Lang) -> Element {
    let root = fresh_root();
    let props = yew::props!(AppProps {
        config: Rc::new(Config::builtin(lang)),
    });
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    // Yew 0.23 renders on its scheduler; flush() resolves once the queue is empty.
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn app_renders_its_heading() {
    let root = mount(Lang::En).await;

    let heading = root
        .query_selector("h1, h2, h3, h4, h5, h6")
        .expect("valid selector")
        .expect("a heading is rendered");
    let text = heading.text_content().unwrap_or_default();
    assert!(
        text.to_lowercase().contains("knee"),
        "unexpected heading text: {text:?}"
    );
}
