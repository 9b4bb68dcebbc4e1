//! The red-flag interruption: shown the moment a red flag is answered, with a call link
//! to the emergency number and a way back for a mistaken answer.
//!
//! The card is a region named by its heading, and focus moves to it: a screen reader
//! announces it once, by that focus. It is deliberately not a live `alert` as well: the
//! card and the focus move come together, and an alert would be read a second time.

use yew::prelude::*;

use crate::browser::ui::heading;
use crate::check::session::Action;
use crate::i18n::{fill, strings};
use crate::lang::Lang;
use crate::options::Options;
use crate::questionnaire::model::{Questionnaire, Urgency};

/// What [`red_flag_card`] shows.
pub struct RedFlagCardProps<'a> {
    /// The questionnaire, for the card's text.
    pub q: &'a Questionnaire,
    /// How urgent.
    pub urgency: Urgency,
    /// The number to call.
    pub emergency_number: &'a str,
    /// Display language.
    pub lang: Lang,
    /// Heading level.
    pub level: u8,
    /// Focus target: the card.
    pub focus: &'a NodeRef,
    /// Unique id prefix of this widget instance.
    pub id_prefix: &'a str,
    /// Reader actions.
    pub on_action: &'a Callback<Action>,
}

/// The card.
pub fn red_flag_card(props: &RedFlagCardProps<'_>) -> Html {
    let s = strings(props.lang);
    let text = props.q.red_flag_text(props.urgency);
    let on_mistake = props.on_action.reform(|_: MouseEvent| Action::Mistake);
    let call = fill(s.call, &[("number", props.emergency_number)]);
    let call_class = match props.urgency {
        Urgency::Emergency => "kc-danger",
        Urgency::Urgent => "kc-secondary",
    };
    let heading_id = format!("{}card-heading", props.id_prefix);
    html! {
        <section
            class={classes!("kc-step", "kc-alert", format!("kc-alert-{}", props.urgency.id()))}
            aria-labelledby={heading_id.clone()}
            data-outcome={format!("red-flag-{}", props.urgency.id())}
            tabindex="-1"
            part="alert"
            ref={props.focus.clone()}
        >
            { heading(props.level, Some("kc-heading"), None, Some(heading_id), text.heading.get(props.lang)) }
            <p>{ text.body.get(props.lang) }</p>
            <div class="kc-actions">
                <a class={classes!("kc-button", call_class)} part="button" href={Options::tel_href(props.emergency_number)}>{ call }</a>
                <button type="button" class="kc-button kc-secondary" part="button" onclick={on_mistake}>{ s.mistake }</button>
            </div>
        </section>
    }
}
