//! A heading whose level the host chooses (`heading-level`), so the widget fits the
//! outline of the page it sits in.

use yew::prelude::*;

/// `<h1>` to `<h6>` (`level` is clamped), focusable by script only (`tabindex="-1"`):
/// `focus`, if given, is where focus goes when the step changes; `id` is for
/// `aria-labelledby`.
pub fn heading(
    level: u8,
    class: Option<&'static str>,
    focus: Option<&NodeRef>,
    id: Option<String>,
    content: &str,
) -> Html {
    heading_described(level, class, focus, id, None, content)
}

/// [`heading`] with `aria-describedby`: what a screen reader reads after the heading's
/// text when focus lands on it (a question's "Question n of N").
pub fn heading_described(
    level: u8,
    class: Option<&'static str>,
    focus: Option<&NodeRef>,
    id: Option<String>,
    described_by: Option<String>,
    content: &str,
) -> Html {
    let tag = format!("h{}", level.clamp(1, 6));
    html! {
        <@{tag} ref={focus.cloned().unwrap_or_default()} {class} {id} aria-describedby={described_by} tabindex="-1">
            { content }
        </@>
    }
}
