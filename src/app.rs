//! The browser shell's root (placeholder until the widget lands).

use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    html! { <section class="knee-check"><h2>{ "Is my knee pain coming from my back?" }</h2></section> }
}

/// Mounts the app into every element with the `data-knee-check` attribute.
#[wasm_bindgen(start)]
pub fn start() {
    let document = gloo::utils::document();
    if let Ok(nodes) = document.query_selector_all("[data-knee-check]") {
        for i in 0..nodes.length() {
            if let Some(node) = nodes.item(i) {
                if let Ok(el) = node.dyn_into::<web_sys::Element>() {
                    yew::Renderer::<App>::with_root(el).render();
                }
            }
        }
    }
}
