//! One question per step, after the GOV.UK question-page pattern: native radios or
//! checkboxes in a fieldset whose legend is the page heading, nothing pre-selected,
//! progress as text, an error summary when continuing without an answer, Back and
//! Continue.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::browser::ui::{body_map, heading, heading_described, BodyMapProps};
use crate::check::session::{Action, StepError};
use crate::i18n::{fill, strings};
use crate::lang::Lang;
use crate::questionnaire::model::{ItemKind, Questionnaire};

/// What [`question_step`] shows.
pub struct QuestionStepProps<'a> {
    /// The questionnaire.
    pub q: &'a Questionnaire,
    /// Which question.
    pub index: usize,
    /// The answer codes chosen so far on this step.
    pub draft: &'a [String],
    /// Why the last Continue failed.
    pub error: Option<StepError>,
    /// `(n, total)` for "Question n of total".
    pub progress: (usize, usize),
    /// Display language.
    pub lang: Lang,
    /// Heading level.
    pub level: u8,
    /// Unique id prefix of this widget instance.
    pub id_prefix: &'a str,
    /// Focus target: the heading, or the error summary after a failed Continue.
    pub focus: &'a NodeRef,
    /// Reader actions.
    pub on_action: &'a Callback<Action>,
}

/// The question step.
pub fn question_step(props: &QuestionStepProps<'_>) -> Html {
    let s = strings(props.lang);
    let lang = props.lang;
    let item = &props.q.items[props.index];
    let base = format!("{}{}", props.id_prefix, item.link_id);
    let hint_id = format!("{base}-hint");
    let error_id = format!("{base}-error");
    let progress_id = format!("{base}-progress");
    let first_input_id = format!("{base}-0");
    let input_type = match item.kind {
        ItemKind::Choice => "radio",
        ItemKind::Multiple => "checkbox",
    };
    let has_hint = item.hint.is_some() || !item.bullets.is_empty();
    let described_by = [
        has_hint.then(|| hint_id.clone()),
        props.error.map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");

    let on_submit = props.on_action.reform(|event: SubmitEvent| {
        event.prevent_default();
        Action::Continue
    });
    // Continue acts on the button's click and cancels it, so the form is never
    // submitted: a sandboxed iframe without `allow-forms` (the iframe mode) blocks form
    // submission before any submit event. Enter in an answer still works, because
    // implicit submission clicks the form's default button.
    let on_continue = props.on_action.reform(|event: MouseEvent| {
        event.prevent_default();
        Action::Continue
    });
    let on_back = props.on_action.reform(|_: MouseEvent| Action::Back);
    // The summary links to the first answer. Moving focus by script keeps the host
    // page's URL untouched (a `#fragment` would change it and cannot cross a shadow root).
    let focus_first = {
        let first_input_id = first_input_id.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            let root = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|el| el.closest("form").ok().flatten());
            if let Some(input) = root
                .and_then(|form| {
                    form.query_selector(&format!("[id='{first_input_id}']"))
                        .ok()
                        .flatten()
                })
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(el).ok())
            {
                let _ = input.focus();
            }
        })
    };
    let error_message = props.error.map(|StepError::NoAnswer| s.error_no_answer);
    let (n, total) = props.progress;
    let sub_level = (props.level + 1).min(6);

    html! {
        <form class="kc-step kc-question" novalidate=true onsubmit={on_submit}>
            if let Some(message) = error_message {
                // GOV.UK's error summary: an alert named by its title, focused when it appears.
                // `aria-labelledby` needs the role: on a plain `div` it is not allowed.
                <div class="kc-error-summary" part="error-summary" role="alert" tabindex="-1" ref={props.focus.clone()} aria-labelledby={format!("{base}-summary")}>
                    { heading(sub_level, Some("kc-error-title"), None, Some(format!("{base}-summary")), s.error_title) }
                    <ul class="kc-error-list">
                        <li><a href={format!("#{first_input_id}")} onclick={focus_first}>{ message }</a></li>
                    </ul>
                </div>
            }
            // The progress describes the heading that takes focus, so "Question n of N"
            // is read with each new step, after the question itself.
            <p class="kc-progress" id={progress_id.clone()}>{ fill(s.progress, &[("n", &n.to_string()), ("total", &total.to_string())]) }</p>
            <div class={match (item.body_map, props.error.is_some()) {
                (false, false) => "kc-group",
                (false, true) => "kc-group kc-group-error",
                (true, false) => "kc-group kc-group-map",
                (true, true) => "kc-group kc-group-map kc-group-error",
            }}>
                <fieldset class="kc-fieldset" aria-describedby={(!described_by.is_empty()).then_some(described_by)}>
                    <legend class="kc-legend">
                        { heading_described(props.level, Some("kc-heading"), props.error.is_none().then_some(props.focus), None, Some(progress_id), item.text.get(lang)) }
                    </legend>
                    if has_hint {
                        <div class="kc-hint" id={hint_id}>
                            if let Some(hint) = &item.hint { <p>{ hint.get(lang) }</p> }
                            if !item.bullets.is_empty() {
                                <ul class="kc-bullets">
                                    { for item.bullets.iter().map(|b| html! { <li>{ b.get(lang) }</li> }) }
                                </ul>
                            }
                        </div>
                    }
                    if let Some(message) = error_message {
                        <p class="kc-error-message" id={error_id}>
                            <span class="kc-visually-hidden">{ s.error_prefix }{ " " }</span>{ message }
                        </p>
                    }
                    // A body-map question gets its picture above the list (beside it on a
                    // wide widget); the checkboxes below stay the real controls.
                    if item.body_map {
                        { body_map(&BodyMapProps {
                            options: &item.options,
                            draft: props.draft,
                            lang,
                            id_prefix: &base,
                            on_action: props.on_action,
                        }) }
                    }
                    <div class={format!("kc-options kc-{input_type}s")}>
                        { for item.options.iter().enumerate().map(|(i, option)| {
                            let id = format!("{base}-{i}");
                            let code = option.code.clone();
                            let on_change = props.on_action.reform(move |_: Event| Action::Choose(code.clone()));
                            html! {
                                <div class="kc-option">
                                    <input
                                        class="kc-input"
                                        type={input_type}
                                        id={id.clone()}
                                        name={base.clone()}
                                        value={option.code.clone()}
                                        checked={props.draft.contains(&option.code)}
                                        onchange={on_change}
                                    />
                                    <label class="kc-label" for={id}>{ option.text.get(lang) }</label>
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
            </div>
            <div class="kc-actions">
                <button type="submit" class="kc-button kc-primary" part="button" onclick={on_continue}>{ s.continue_label }</button>
                <button type="button" class="kc-button kc-secondary" part="button" onclick={on_back}>{ s.back }</button>
            </div>
        </form>
    }
}
