//! The explained result: the outcome as a focused heading, what it means, the four signs
//! as a checklist (which matched, and why each matters), what an evaluation may include,
//! the clinic's call to action, the reader's answers, and Start again.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::ui::{heading, TakeAlong};
use crate::check::scoring::{Answers, Assessment, FactorResult, Outcome};
use crate::check::session::Action;
use crate::i18n::{fill, strings};
use crate::lang::Lang;
use crate::options::Options;
use crate::questionnaire::model::Questionnaire;

/// What [`result_view`] shows.
pub struct ResultViewProps<'a> {
    /// The questionnaire.
    pub q: &'a Rc<Questionnaire>,
    /// The scored answers.
    pub assessment: Rc<Assessment>,
    /// The answers, for the summary.
    pub answers: Rc<Answers>,
    /// The host's options, for the call to action.
    pub options: &'a Options,
    /// Display language.
    pub lang: Lang,
    /// Heading level.
    pub level: u8,
    /// Focus target: the outcome heading.
    pub focus: &'a NodeRef,
    /// Reader actions.
    pub on_action: &'a Callback<Action>,
}

/// The result screen.
pub fn result_view(props: &ResultViewProps<'_>) -> Html {
    let s = strings(props.lang);
    let lang = props.lang;
    let q = &props.q;
    let a = &props.assessment;
    let Outcome::Band { id } = &a.outcome else {
        return html! {};
    };
    let Some(band) = q.band(id) else {
        return html! {};
    };
    let sub = (props.level + 1).min(6);
    let (signs, context): (Vec<&FactorResult>, Vec<&FactorResult>) = a
        .factors
        .iter()
        .partition(|f| q.factors[f.factor].sign.is_some());
    let on_restart = props.on_action.reform(|_: MouseEvent| Action::Restart);

    let factor_row = |f: &FactorResult| {
        let factor = &q.factors[f.factor];
        let status = if f.matched { s.matched } else { s.not_matched };
        html! {
            <li class={classes!("kc-factor", if f.matched { "kc-matched" } else { "kc-unmatched" })} data-factor={factor.id.clone()}>
                <span class="kc-mark" aria-hidden="true">{ if f.matched { "✓" } else { "–" } }</span>
                <div>
                    <p class="kc-factor-name">
                        if let Some(n) = factor.sign {
                            <span class="kc-sign-number">{ fill(s.sign_number, &[("n", &n.to_string())]) }{ ": " }</span>
                        }
                        <strong>{ factor.name.get(lang) }</strong>
                    </p>
                    <p class="kc-factor-status">{ status }</p>
                    <p class="kc-factor-why">{ factor.why.get(lang) }</p>
                </div>
            </li>
        }
    };

    html! {
        <section class="kc-step kc-result" data-outcome={id.clone()}>
            { heading(props.level, Some("kc-heading kc-outcome"), Some(props.focus), None, band.heading.get(lang)) }
            <p class="kc-lead">{ band.body.get(lang) }</p>
            if a.show_unsure_note {
                if let Some(note) = &q.unsure_note {
                    <p class="kc-note">{ note.text.get(lang) }</p>
                }
            }

            { heading(sub, None, None, None, s.signs_heading) }
            <ul class="kc-factors">{ for signs.into_iter().map(factor_row) }</ul>
            if !context.is_empty() {
                { heading(sub, None, None, None, s.context_heading) }
                <ul class="kc-factors">{ for context.into_iter().map(factor_row) }</ul>
            }

            { heading(sub, None, None, None, s.evaluation_heading) }
            <ul class="kc-points">
                { for q.evaluation.iter().map(|line| html! { <li>{ line.get(lang) }</li> }) }
            </ul>

            { call_to_action(&CallToActionProps { options: props.options, lang, level: sub }) }

            <TakeAlong q={Rc::clone(q)} assessment={a.clone()} answers={props.answers.clone()} {lang} level={sub} />

            { heading(sub, None, None, None, s.answers_heading) }
            <dl class="kc-answers">
                { for q.items.iter().filter_map(|item| {
                    let codes = props.answers.get(&item.link_id)?;
                    if crate::check::scoring::is_enabled(q, &props.answers, q.item_index(&item.link_id)?) {
                        let answer = item
                            .options
                            .iter()
                            .filter(|o| codes.contains(&o.code))
                            .map(|o| o.text.get(lang))
                            .collect::<Vec<_>>()
                            .join("; ");
                        let link_id = item.link_id.clone();
                        let on_edit = props.on_action.reform(move |_: MouseEvent| Action::Edit(link_id.clone()));
                        let question = item.text.get(lang);
                        Some(html! {
                            <div class="kc-answer">
                                <dt>{ question }</dt>
                                <dd>
                                    <span>{ answer }</span>
                                    <button type="button" class="kc-link-button" onclick={on_edit}>
                                        { s.change }
                                        <span class="kc-visually-hidden">{ " " }{ fill(s.change_hidden, &[("question", question)]) }</span>
                                    </button>
                                </dd>
                            </div>
                        })
                    } else {
                        None
                    }
                }) }
            </dl>

            <p class="kc-disclaimer">{ s.disclaimer }</p>
            <p class="kc-versions">
                { fill(s.versions, &[("content", &a.content_version), ("scoring", a.scoring_version)]) }
            </p>
            <div class="kc-actions">
                <button type="button" class="kc-button kc-secondary" part="button" onclick={on_restart}>{ s.start_again }</button>
            </div>
        </section>
    }
}

/// `template` with each `{name}` replaced by its value in a `<bdi>`: text the host gave
/// (a clinic's name, a phone number) is isolated from the widget's own sentence, so a
/// right-to-left name or a stray direction override in it cannot reorder the words
/// around it, in any language.
fn fill_isolated(template: &str, values: &[(&str, &str)]) -> Html {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|i| open + i) else {
            break;
        };
        let key = &rest[open + 1..close];
        match values.iter().find(|(name, _)| *name == key) {
            Some((_, value)) => {
                parts.push(html! { { rest[..open].to_owned() } });
                parts.push(html! { <bdi>{ (*value).to_owned() }</bdi> });
            }
            None => parts.push(html! { { rest[..=close].to_owned() } }),
        }
        rest = &rest[close + 1..];
    }
    parts.push(html! { { rest.to_owned() } });
    parts.into_iter().collect::<Html>()
}

struct CallToActionProps<'a> {
    options: &'a Options,
    lang: Lang,
    level: u8,
}

/// The clinic's call to action, or neutral advice when no clinic is configured. Links
/// carry no answers: the phone link is the number, the booking link is the host's URL
/// as given.
fn call_to_action(props: &CallToActionProps<'_>) -> Html {
    let s = strings(props.lang);
    let o = &props.options;
    let evaluation = o.evaluation_name.as_deref().unwrap_or(s.default_evaluation);
    let text = match &o.clinic_name {
        Some(clinic) => fill_isolated(
            s.cta_clinic,
            &[("clinic", clinic), ("evaluation", evaluation)],
        ),
        None => fill_isolated(s.cta_neutral, &[("evaluation", evaluation)]),
    };
    html! {
        <div class="kc-cta" part="cta">
            { heading(props.level, None, None, None, s.next_step_heading) }
            <p>{ text }</p>
            if o.clinic_phone.is_some() || o.booking_url.is_some() {
                <div class="kc-actions">
                    if let Some(url) = &o.booking_url {
                        <a class="kc-button kc-primary" part="button cta-link" href={url.clone()} target="_blank" rel="noopener noreferrer">{ s.cta_book }</a>
                    }
                    if let Some(phone) = &o.clinic_phone {
                        <a class="kc-button kc-secondary" part="button cta-phone" href={Options::tel_href(phone)}>{ fill_isolated(s.cta_call, &[("phone", phone)]) }</a>
                    }
                </div>
            }
            if o.booking_url.is_some() {
                <p class="kc-small">{ s.cta_private }</p>
            }
        </div>
    }
}
