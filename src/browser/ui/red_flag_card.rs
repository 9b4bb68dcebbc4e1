//! The cards that stop the check: emergency, today and under 18. Shown the moment the
//! answer is given, with the action first and a quiet way back for a mistaken answer.
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

/// The card. Its heading is the action. Emergency: the emergency number is the biggest
/// control, right under the heading. Today: the words of what to do come first, and the emergency number is the
/// second, smaller choice for a reader who feels very unwell. Under 18: the same as today
/// (the check has asked no red-flag question yet, so the number is always at hand).
/// "I answered this by mistake" is always a quiet link-styled control.
pub fn red_flag_card(props: &RedFlagCardProps<'_>) -> Html {
    let s = strings(props.lang);
    let text = props.q.card(props.urgency);
    let on_mistake = props.on_action.reform(|_: MouseEvent| Action::Mistake);
    let tel = Options::tel_href(props.emergency_number);
    let outcome = crate::check::scoring::Outcome::RedFlag {
        urgency: props.urgency,
        link_id: String::new(),
    }
    .id();
    let heading_id = format!("{}card-heading", props.id_prefix);
    html! {
        <section
            class={format!("kc-step kc-alert kc-alert-{}", props.urgency.id())}
            aria-labelledby={heading_id.clone()}
            data-outcome={outcome}
            tabindex="-1"
            part="alert"
            ref={props.focus.clone()}
        >
            { heading(props.level, Some("kc-heading"), None, Some(heading_id), text.heading.get(props.lang)) }
            // Emergency: the call comes before the explanation, so at large text it is on
            // the screen with the heading when the card takes focus.
            if props.urgency == Urgency::Emergency {
                <div class="kc-actions">
                    <a class="kc-button kc-danger" part="button" href={tel.clone()}>
                        { fill(s.call, &[("number", props.emergency_number)]) }
                    </a>
                </div>
            }
            <p>{ text.body.get(props.lang) }</p>
            if matches!(props.urgency, Urgency::Today | Urgency::Under18) {
                <p class="kc-small">
                    <a href={tel}>{ fill(s.today_unwell, &[("number", props.emergency_number)]) }</a>
                </p>
            }
            <p>
                <button type="button" class="kc-link-button" onclick={on_mistake}>{ s.mistake }</button>
            </p>
        </section>
    }
}
