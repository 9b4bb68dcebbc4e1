//! The intro: what the check does, that it is not a diagnosis, that answers stay on the
//! device; and Start.

use yew::prelude::*;

use crate::browser::ui::heading;
use crate::check::session::Action;
use crate::i18n::strings;
use crate::lang::Lang;
use crate::questionnaire::model::Questionnaire;

/// What [`intro`] shows.
pub struct IntroProps<'a> {
    /// The questionnaire, for its title.
    pub q: &'a Questionnaire,
    /// Display language.
    pub lang: Lang,
    /// Heading level.
    pub level: u8,
    /// Focus target.
    pub focus: &'a NodeRef,
    /// Where Start goes.
    pub on_action: &'a Callback<Action>,
}

/// The intro screen.
pub fn intro(props: &IntroProps<'_>) -> Html {
    let s = strings(props.lang);
    let start = props.on_action.reform(|_: MouseEvent| Action::Start);
    html! {
        <section class="kc-step kc-intro">
            { heading(props.level, Some("kc-heading"), Some(props.focus), None, props.q.title.get(props.lang)) }
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
