//! A heading whose level the host chooses (`heading-level`), so the widget fits the
//! outline of the page it sits in.

use yew::prelude::*;

/// Properties of [`Heading`].
#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// 1 to 6; clamped.
    pub level: u8,
    /// Receives focus when the step changes, if given.
    #[prop_or_default]
    pub node_ref: NodeRef,
    /// Extra classes.
    #[prop_or_default]
    pub class: Classes,
    /// The id, for `aria-labelledby`.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// The heading text.
    pub children: Html,
}

/// `<h1>` to `<h6>`, focusable by script only (`tabindex="-1"`).
#[function_component(Heading)]
pub fn heading(props: &HeadingProps) -> Html {
    let tag = format!("h{}", props.level.clamp(1, 6));
    html! {
        <@{tag} ref={props.node_ref.clone()} class={props.class.clone()} id={props.id.clone()} tabindex="-1">
            { props.children.clone() }
        </@>
    }
}
