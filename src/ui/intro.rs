//! The intro: what the check does, that it is not a diagnosis, that answers stay on the
//! device; and Start.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::strings;
use crate::lang::Lang;
use crate::model::Questionnaire;
use crate::session::Action;
use crate::ui::Heading;

/// Properties of [`Intro`].
#[derive(Properties, PartialEq)]
pub struct IntroProps {
    /// The questionnaire, for its title.
    pub q: Rc<Questionnaire>,
    /// Display language.
    pub lang: Lang,
    /// Heading level.
    pub level: u8,
    /// Focus target.
    pub focus: NodeRef,
    /// Where Start goes.
    pub on_action: Callback<Action>,
}

/// The intro screen.
#[function_component(Intro)]
pub fn intro(props: &IntroProps) -> Html {
    let s = strings(props.lang);
    let start = props.on_action.reform(|_: MouseEvent| Action::Start);
    html! {
        <section class="kc-step kc-intro">
            <Heading level={props.level} node_ref={props.focus.clone()} class="kc-heading">
                { props.q.title.get(props.lang) }
            </Heading>
            <p class="kc-lead">{ s.intro_lead }</p>
            <ul class="kc-points">
                { for s.intro_points.iter().map(|point| html! { <li>{ *point }</li> }) }
            </ul>
            <div class="kc-actions">
                <button type="button" class="kc-button kc-primary" part="button" onclick={start}>{ s.start }</button>
            </div>
        </section>
    }
}
