//! "Take it to the appointment": print the result, download the answers as a FHIR
//! `QuestionnaireResponse` or as plain text, or copy the summary. Everything is made in
//! the browser from the core's exports; nothing is sent, and the files are Blob URLs
//! revoked as soon as the download has started.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlTextAreaElement, Url};
use yew::prelude::*;

use crate::browser::ui::heading;
use crate::check::scoring::{Answers, Assessment};
use crate::export::fhir;
use crate::export::summary;
use crate::i18n::strings;
use crate::lang::Lang;
use crate::questionnaire::model::Questionnaire;

/// An export as indented JSON text ending with a newline, as the CLI prints it.
fn pretty_json(resource: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(resource).unwrap_or_default() + "\n"
}

/// Properties of [`TakeAlong`].
#[derive(Properties)]
pub struct TakeAlongProps {
    /// The questionnaire.
    pub q: Rc<Questionnaire>,
    /// The scored answers.
    pub assessment: Rc<Assessment>,
    /// The answers.
    pub answers: Rc<Answers>,
    /// Display language.
    pub lang: Lang,
    /// Heading level.
    pub level: u8,
}

/// The same questionnaire, scores and answers objects, in the same language and level
/// (see `WidgetProps` in src/browser/app.rs for why not a field-by-field comparison).
impl PartialEq for TakeAlongProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.q, &other.q)
            && Rc::ptr_eq(&self.assessment, &other.assessment)
            && Rc::ptr_eq(&self.answers, &other.answers)
            && self.lang == other.lang
            && self.level == other.level
    }
}

/// What the copy button last did.
#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    Blocked,
}

/// Today's date in the reader's language, for the summary.
fn today(lang: Lang) -> String {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    js_sys::Date::new_0()
        .to_locale_date_string(lang.code(), &options)
        .as_string()
        .unwrap_or_default()
}

/// Offers `text` as a file download through a Blob URL.
fn download(trigger: &web_sys::Element, text: &str, file_name: &str, mime: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|el| el.dyn_into::<HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(file_name);
        link.set_class_name("kc-hidden-link");
        // The link lives next to the button (inside the widget) only for the click.
        if let Some(parent) = trigger.parent_element() {
            let _ = parent.append_child(&link);
            link.click();
            link.remove();
        }
    }
    let _ = Url::revoke_object_url(&url);
}

/// Prints only the widget: the host element is marked, and a print-only rule on the
/// host document hides everything else while the print dialog is open.
fn print_widget(trigger: &web_sys::Element) {
    let host = trigger
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .map(|root| root.host());
    let document = gloo::utils::document();
    let sheet = web_sys::CssStyleSheet::new().ok();
    if let (Some(host), Some(sheet)) = (&host, &sheet) {
        let _ = host.set_attribute("data-knee-check-printing", "");
        let _ = sheet.replace_sync(
            "@media print { body * { visibility: hidden !important; } \
             [data-knee-check-printing], [data-knee-check-printing] * { visibility: visible !important; } \
             [data-knee-check-printing] { position: absolute !important; inset: 0 auto auto 0 !important; width: 100% !important; } }",
        );
        let sheets = document.adopted_style_sheets();
        sheets.push(sheet);
        document.set_adopted_style_sheets(&sheets);
    }
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
    // `print()` returns when the dialog closes (or at once where printing is emulated).
    if let (Some(host), Some(sheet)) = (host, sheet) {
        let _ = host.remove_attribute("data-knee-check-printing");
        let sheets = document.adopted_style_sheets();
        let kept = js_sys::Array::new();
        for existing in sheets.iter() {
            if existing != JsValue::from(&sheet) {
                kept.push(&existing);
            }
        }
        document.set_adopted_style_sheets(&kept);
    }
}

/// The take-it-along actions on the result screen.
#[function_component(TakeAlong)]
pub fn take_along(props: &TakeAlongProps) -> Html {
    let s = strings(props.lang);
    let copy_state = use_state(|| CopyState::Idle);
    let fallback = use_node_ref();
    let summary_text = {
        let (q, answers, assessment, lang) = (
            props.q.clone(),
            props.answers.clone(),
            props.assessment.clone(),
            props.lang,
        );
        move || summary::text(&q, &answers, &assessment, lang, &today(lang))
    };

    let on_print = Callback::from(|event: MouseEvent| {
        if let Some(target) = event.target_dyn_into::<web_sys::Element>() {
            print_widget(&target);
        }
    });
    let on_fhir = {
        let (q, answers, assessment, lang) = (
            props.q.clone(),
            props.answers.clone(),
            props.assessment.clone(),
            props.lang,
        );
        Callback::from(move |event: MouseEvent| {
            let authored = js_sys::Date::new_0()
                .to_iso_string()
                .as_string()
                .unwrap_or_default();
            let json = pretty_json(&fhir::questionnaire_response(
                &q,
                &answers,
                &assessment,
                lang,
                &authored,
            ));
            if let Some(target) = event.target_dyn_into::<web_sys::Element>() {
                download(
                    &target,
                    &json,
                    "knee-check-answers.fhir.json",
                    "application/fhir+json",
                );
            }
        })
    };
    let on_text = {
        let summary_text = summary_text.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(target) = event.target_dyn_into::<web_sys::Element>() {
                download(
                    &target,
                    &summary_text(),
                    "knee-check-summary.txt",
                    "text/plain;charset=utf-8",
                );
            }
        })
    };
    // The fallback stays hidden until the render after the copy failed, and a hidden
    // element cannot take focus: focus and select it once that render has shown it.
    {
        let fallback = fallback.clone();
        use_effect_with(*copy_state, move |state| {
            if *state == CopyState::Blocked {
                if let Some(area) = fallback.cast::<HtmlTextAreaElement>() {
                    let _ = area.focus();
                    area.select();
                }
            }
        });
    }
    let on_copy = {
        let copy_state = copy_state.clone();
        let fallback = fallback.clone();
        Callback::from(move |_: MouseEvent| {
            let text = summary_text();
            let copy_state = copy_state.clone();
            let fallback = fallback.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = match clipboard_write(&text) {
                    Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
                    None => false,
                };
                if copied {
                    copy_state.set(CopyState::Copied);
                } else {
                    copy_state.set(CopyState::Blocked);
                    if let Some(area) = fallback.cast::<HtmlTextAreaElement>() {
                        area.set_value(&text);
                        let _ = area.focus();
                        area.select();
                    }
                }
            });
        })
    };

    let status = match *copy_state {
        CopyState::Idle => "",
        CopyState::Copied => s.copied,
        CopyState::Blocked => s.copy_blocked,
    };
    html! {
        <div class="kc-take-along">
            <p class="kc-print-date">{ crate::i18n::fill(s.summary_date, &[("date", &today(props.lang))]) }</p>
            { heading(props.level, None, None, None, s.take_along_heading) }
            <p class="kc-small">{ s.take_along_note }</p>
            <div class="kc-actions">
                <button type="button" class="kc-button kc-secondary" part="button" onclick={on_print}>{ s.print }</button>
                <button type="button" class="kc-button kc-secondary" part="button" onclick={on_fhir}>{ s.download_fhir }</button>
                <button type="button" class="kc-button kc-secondary" part="button" onclick={on_text}>{ s.download_text }</button>
                <button type="button" class="kc-button kc-secondary" part="button" onclick={on_copy}>{ s.copy }</button>
            </div>
            <p class="kc-copy-status" role="status">{ status }</p>
            <textarea
                ref={fallback}
                class={if *copy_state == CopyState::Blocked { "kc-copy-fallback" } else { "kc-copy-fallback kc-hidden" }}
                readonly=true
                aria-label={s.copy}
            />
        </div>
    }
}

/// `navigator.clipboard.writeText(text)`, or `None` where there is no clipboard API
/// (insecure contexts, some embedded browsers).
fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let result = write.call1(&clipboard, &JsValue::from_str(text)).ok()?;
    // A thenable, not `instanceof Promise`: a page whose `window.Promise` was replaced
    // (zone.js on every Angular page) still gets the browser's own promise here.
    js_sys::Reflect::get(&result, &"then".into())
        .ok()?
        .is_function()
        .then(|| result.unchecked_into::<js_sys::Promise>())
}
