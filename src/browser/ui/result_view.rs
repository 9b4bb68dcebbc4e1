//! The explained result, in the order of the clinical brief: "soon" advice first if any,
//! the outcome and what to do next, why (the four signs as fits / does not fit / not
//! sure, and the other clues), the safety net, meanwhile, what an evaluation may include,
//! the take-along and the reader's answers.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::ui::{heading, TakeAlong};
use crate::check::scoring::{Answers, Assessment, Outcome, SignStatus};
use crate::check::session::Action;
use crate::export::summary::status_label;
use crate::i18n::{fill, strings};
use crate::lang::Lang;
use crate::options::Options;
use crate::questionnaire::model::{Questionnaire, Sign, Urgency};

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

/// The result screen, action first: the "soon" advice if any, the outcome and its two
/// sentences, the next step with the clinic's call to action, why (the four signs and the
/// other clues), the safety net, meanwhile, what the evaluation may include, the
/// take-along (which alone names the versions and the review status), the disclaimer, the
/// answers with Change, and Start again.
pub fn result_view(props: &ResultViewProps<'_>) -> Html {
    let s = strings(props.lang);
    let lang = props.lang;
    let q = &props.q;
    let a = &props.assessment;
    let Outcome::Band { id } = &a.outcome else {
        return html! {};
    };
    let Some(rule) = q.outcome(id) else {
        return html! {};
    };
    let sub = (props.level + 1).min(6);
    let on_restart = props.on_action.reform(|_: MouseEvent| Action::Restart);
    let soon = q.card(Urgency::Soon);
    // With "soon" advice, focus lands on it, so it is read first.
    let outcome_focus = if a.soon.is_some() {
        None
    } else {
        Some(props.focus)
    };

    let sign_row = |(sign, status): (&Sign, &SignStatus)| {
        let key = match status {
            SignStatus::Fits => "fits",
            SignStatus::DoesNotFit => "does-not-fit",
            SignStatus::NotSure => "not-sure",
        };
        let mark = match status {
            SignStatus::Fits => "✓",
            SignStatus::DoesNotFit => "–",
            SignStatus::NotSure => "?",
        };
        html! {
            <li class={if *status == SignStatus::Fits { "kc-factor kc-matched" } else { "kc-factor kc-unmatched" }} data-sign={sign.number.to_string()} data-status={key}>
                <span class="kc-mark" aria-hidden="true">{ mark }</span>
                <div>
                    <p class="kc-factor-name">
                        <span class="kc-sign-number">{ fill(s.sign_number, &[("n", &sign.number.to_string())]) }{ ": " }</span>
                        <strong>{ sign.name.get(lang) }</strong>
                    </p>
                    <p class="kc-factor-status">{ status_label(s, *status) }</p>
                    <p class="kc-factor-why">{ sign.why.get(lang) }</p>
                </div>
            </li>
        }
    };
    let other_clues: Vec<Html> = a
        .clues
        .iter()
        .map(|&c| &q.clues[c])
        .filter(|clue| clue.sign.is_none())
        .map(|clue| html! { <li data-clue={clue.id.clone()}>{ clue.text.get(lang) }</li> })
        .collect();
    let list = |lines: &[crate::questionnaire::model::Text]| {
        html! { <ul class="kc-points">{ for lines.iter().map(|line| html! { <li>{ line.get(lang) }</li> }) }</ul> }
    };

    html! {
        <section class="kc-step kc-result" data-outcome={id.clone()}>
            if a.soon.is_some() {
                <div class="kc-soon" role="note" data-soon="">
                    { heading(props.level, Some("kc-heading"), Some(props.focus), None, soon.heading.get(lang)) }
                    <p>{ soon.body.get(lang) }</p>
                </div>
            }
            { heading(props.level, Some("kc-heading kc-outcome"), outcome_focus, None, rule.heading.get(lang)) }
            <p class="kc-lead">{ rule.summary.get(lang) }</p>

            { call_to_action(&CallToActionProps { options: props.options, lang, level: sub, next_step: rule.next_step.get(lang) }) }

            { heading(sub, None, None, None, s.why_heading) }
            <p class="kc-small">{ s.signs_heading }</p>
            <ul class="kc-factors">{ for q.signs.iter().zip(a.signs.iter()).map(sign_row) }</ul>
            if !other_clues.is_empty() {
                <p class="kc-small">{ s.context_heading }</p>
                <ul class="kc-points">{ for other_clues }</ul>
            }

            { heading(sub, None, None, None, s.safety_net_heading) }
            { list(&q.safety_net) }

            { heading(sub, None, None, None, s.meanwhile_heading) }
            { list(&q.meanwhile) }

            { heading(sub, None, None, None, s.evaluation_heading) }
            { list(&rule.evaluation) }

            <TakeAlong q={Rc::clone(q)} assessment={a.clone()} answers={props.answers.clone()} {lang} level={sub} />
            <p class="kc-small kc-review">
                { match &q.review {
                    Some(review) => fill(s.reviewed, &[("date", &review.date), ("reviewer", &review.reviewer)]),
                    None => s.not_reviewed.to_owned(),
                } }
            </p>
            <p class="kc-disclaimer">{ s.disclaimer }</p>

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
    /// The outcome's next step: the kind of evaluation.
    next_step: &'a str,
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
            <p>{ props.next_step }</p>
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
