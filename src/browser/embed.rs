//! The embedding layer: adapts a host page to the app.
//!
//! The `<knee-check>` custom element and the `mount()` JS API live in the hand-written
//! module `web/knee-check.js`; both call [`mount_widget`] here with the element, a
//! container inside its shadow root, the options as a list of texts and, for a custom
//! questionnaire, what the questionnaire checker made of it. This module turns the
//! options into checked [`Options`] (one typed parser for attributes and the JS API),
//! reads the questionnaire's compact form (or the built-in one), picks the language,
//! renders the app, and turns the app's events into DOM events on the element.
//!
//! Nothing here throws into the host page: problems become a polite message inside the
//! widget and one console line prefixed `[knee-check]`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement};
use yew::AppHandle;
use yew::Callback;

use crate::browser::app::{App, AppProps, Config, WidgetEvent};
use crate::lang::Lang;
use crate::options::{attribute_name, OptionWarning, Options};
use crate::questionnaire::{builtin, compact};

const PREFIX: &str = "[knee-check]";

thread_local! {
    /// Containers of live widgets, so a panic can replace each with a polite message.
    static LIVE: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// Yew roots of removed widgets, emptied and detached, kept for the next widget.
    ///
    /// Yew never frees an app root: its event delegation adds one listener per event
    /// kind on the root element and leaks the closure on purpose
    /// (`HostHandlers::add_listener` in yew's `dom_bundle/subtree_root.rs`), and that
    /// closure holds the root element through the wasm's externref table. A new app per
    /// widget would so leak an element, a listener and a closure for every widget ever
    /// mounted. Reusing roots bounds what is kept by the most widgets ever on the page
    /// at the same time, however often they are mounted and removed.
    static PARKED: RefCell<Vec<(Element, AppHandle<App>)>> = const { RefCell::new(Vec::new()) };
}

/// What a parked root shows: no questionnaire, so the app drops its check (and with it
/// every answer) and renders only its small failure notice, in a root that is in no
/// document. The next widget in the same root starts from a fresh check.
fn parked_props() -> AppProps {
    AppProps {
        config: Rc::new(Config {
            options: Options::default(),
            questionnaire: Err(String::new()),
            lang: Lang::default(),
            warnings: Vec::new(),
        }),
        on_event: Callback::noop(),
    }
}

/// A mounted widget, returned to JS. `update` applies new options to the live widget;
/// `destroy` unmounts it and frees its memory.
#[wasm_bindgen]
pub struct Widget {
    app: Option<AppHandle<App>>,
    host: Element,
    container: Element,
    /// The custom questionnaire last given (compact form or problem), to tell a change.
    questionnaire_source: (Option<String>, Option<String>),
    questionnaire: Result<Rc<crate::questionnaire::model::Questionnaire>, String>,
    /// The warnings last logged, so an update that changes a good option does not log
    /// the same bad ones again: one console line per problem, not per update.
    logged_warnings: Vec<OptionWarning>,
}

/// Mounts a widget. `host` is the element the page sees (it receives events and lends
/// its language); `container` is where the app renders, usually inside `host`'s shadow
/// root; `options` is the flat list `[name, value, …]` of option names (attribute or
/// camelCase spelling) and values; `refused` the flat list `[name, why, …]` of options
/// the loader could not read or turn into text (they join the one warning line). `form`
/// and `problem` carry a custom questionnaire (see [`load_questionnaire`]).
///
/// The widget may render in a reused root instead of `container` (see `PARKED`): it then
/// takes `container`'s place, and [`Widget::root`] names the element in use.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(
    host: Element,
    container: Element,
    options: Vec<String>,
    refused: Vec<String>,
    form: Option<String>,
    problem: Option<String>,
) -> Widget {
    install_panic_hook();
    let (options, warnings) = parse_options(&options, &refused);
    let source = custom_source(&options, form, problem);
    let questionnaire = load_questionnaire(source.0.as_deref(), source.1.as_deref());
    let parked = PARKED.with(|parked| parked.borrow_mut().pop());
    let root = match &parked {
        Some((root, _)) if container.replace_with_with_node_1(root).is_ok() => root.clone(),
        _ => container,
    };
    let mut widget = Widget {
        app: None,
        host,
        container: root.clone(),
        questionnaire_source: source,
        questionnaire,
        logged_warnings: Vec::new(),
    };
    let props = widget.props(options, warnings);
    LIVE.with(|live| live.borrow_mut().push(root.clone()));
    widget.app = Some(match parked {
        Some((parked_root, mut app)) if parked_root == root => {
            app.update(props);
            app
        }
        other => {
            // A parked root that could not take the container's place stays parked.
            if let Some(entry) = other {
                PARKED.with(|parked| parked.borrow_mut().push(entry));
            }
            yew::Renderer::<App>::with_root_and_props(root, props).render()
        }
    });
    widget
}

/// Checks options by the widget's own rules ([`Options::parse`]) without mounting
/// anything, for the embed configurator: the flat list `[name, why, name, why, …]` of
/// every option the widget would ignore, names in their attribute spelling. Empty when
/// all are good. Logs nothing.
#[wasm_bindgen(js_name = checkOptions)]
pub fn check_options(options: Vec<String>) -> Vec<String> {
    let (_, warnings) = parse_options(&options, &[]);
    warnings
        .into_iter()
        .flat_map(|w| [w.option, w.message])
        .collect()
}

#[wasm_bindgen]
impl Widget {
    /// Applies a new set of options to the live widget, keeping the reader's answers
    /// unless the questionnaire itself changed.
    pub fn update(
        &mut self,
        options: Vec<String>,
        refused: Vec<String>,
        form: Option<String>,
        problem: Option<String>,
    ) {
        let (options, warnings) = parse_options(&options, &refused);
        let source = custom_source(&options, form, problem);
        if source != self.questionnaire_source {
            self.questionnaire = load_questionnaire(source.0.as_deref(), source.1.as_deref());
            self.questionnaire_source = source;
        }
        let props = self.props(options, warnings);
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// The element the widget renders in: the loader's container, or the reused root
    /// that took its place.
    #[wasm_bindgen(getter)]
    pub fn root(&self) -> Element {
        self.container.clone()
    }

    /// Unmounts the widget and forgets every answer. Its emptied root leaves the page
    /// and is kept for the next widget (see `PARKED`); nothing else is kept.
    pub fn destroy(mut self) {
        LIVE.with(|live| live.borrow_mut().retain(|c| c != &self.container));
        self.container.remove();
        if let Some(el) = self.container.dyn_ref::<HtmlElement>() {
            let _ = el.style().remove_property("--knee-check-accent");
        }
        if let Some(mut app) = self.app.take() {
            app.update(parked_props());
            PARKED.with(|parked| parked.borrow_mut().push((self.container.clone(), app)));
        }
    }
}

impl Widget {
    fn props(&mut self, options: Options, warnings: Vec<OptionWarning>) -> AppProps {
        if !warnings.is_empty() && warnings != self.logged_warnings {
            let list: Vec<String> = warnings
                .iter()
                .map(|w| format!("{}: {}", w.option, w.message))
                .collect();
            web_sys::console::warn_1(
                &format!("{PREFIX} ignored options: {}", list.join("; ")).into(),
            );
        }
        self.logged_warnings.clone_from(&warnings);
        // The accent is a checked colour, set through the CSSOM (allowed under a strict
        // style-src, unlike a style attribute).
        if let Some(el) = self.container.dyn_ref::<HtmlElement>() {
            let style = el.style();
            let _ = match &options.accent {
                Some(colour) => style.set_property("--knee-check-accent", colour),
                None => style.remove_property("--knee-check-accent").map(|_| ()),
            };
        }
        let lang = options.lang.unwrap_or_else(|| {
            Lang::negotiate(page_languages(&self.host).iter().map(String::as_str))
        });
        let host = self.host.clone();
        AppProps {
            config: Rc::new(Config {
                options,
                questionnaire: self.questionnaire.clone(),
                lang,
                warnings,
            }),
            on_event: yew::Callback::from(move |event: WidgetEvent| dispatch(&host, &event)),
        }
    }
}

/// [`Options::parse`] of the loader's flat option list; the values the loader refused
/// come first among the warnings. Kept out of line: the parser is large, and its three
/// callers (mount, update, the configurator's check) share one copy.
#[inline(never)]
fn parse_options(options: &[String], refused: &[String]) -> (Options, Vec<OptionWarning>) {
    let pairs = option_pairs(options);
    let (options, parsed) = Options::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let mut warnings: Vec<OptionWarning> = refused
        .chunks_exact(2)
        .map(|pair| OptionWarning {
            option: pair[0].clone(),
            message: pair[1].clone(),
        })
        .collect();
    warnings.extend(parsed);
    (options, warnings)
}

/// Pairs up the loader's flat option list `[name, value, name, value, …]` (the loader
/// has already kept only text, numbers and booleans, as text), with names in their
/// attribute spelling.
fn option_pairs(options: &[String]) -> Vec<(String, String)> {
    options
        .chunks_exact(2)
        .map(|pair| (attribute_name(&pair[0]), pair[1].clone()))
        .collect()
}

/// The loader's `form` and `problem` while the options name a questionnaire; nothing
/// (the built-in one) when they do not, or when the parser refused the name (it warns):
/// the rule for a usable name lives in src/options.rs only.
fn custom_source(
    options: &Options,
    form: Option<String>,
    problem: Option<String>,
) -> (Option<String>, Option<String>) {
    match options.questionnaire {
        Some(_) => (form, problem),
        None => (None, None),
    }
}

/// The questionnaire to use. The loader (web/knee-check.js) finds a custom
/// questionnaire's `<script type="application/json">` and has the questionnaire checker
/// turn it into the compact form (`form`), or says what is wrong with it (`problem`);
/// with neither, the widget uses the built-in questionnaire.
fn load_questionnaire(
    form: Option<&str>,
    problem: Option<&str>,
) -> Result<Rc<crate::questionnaire::model::Questionnaire>, String> {
    let result = match (problem, form) {
        (Some(problem), _) => Err(problem.to_owned()),
        (None, Some(form)) => compact::decode(form)
            .map_err(|_| "the checked questionnaire could not be read".to_owned()),
        (None, None) => builtin::knee_or_back()
            .map_err(|_| "the built-in questionnaire could not be read".to_owned()),
    };
    if let Err(message) = &result {
        web_sys::console::error_1(&format!("{PREFIX} {message}").into());
    }
    result.map(Rc::new)
}

/// The languages in preference order: the nearest `lang` attribute around the element,
/// then the browser's list.
fn page_languages(host: &Element) -> Vec<String> {
    let mut tags = Vec::new();
    if let Ok(Some(el)) = host.closest("[lang]") {
        if let Some(lang) = el.get_attribute("lang") {
            tags.push(lang);
        }
    }
    let navigator = gloo::utils::window().navigator();
    for lang in navigator.languages().iter() {
        if let Some(tag) = lang.as_string() {
            tags.push(tag);
        }
    }
    tags
}

/// Dispatches `knee-check:start` or `knee-check:complete` on the host element. Both
/// bubble and cross the shadow boundary; `complete` carries the outcome id only.
fn dispatch(host: &Element, event: &WidgetEvent) {
    let (name, detail) = match event {
        WidgetEvent::Start => ("knee-check:start", JsValue::NULL),
        WidgetEvent::Complete(outcome) => {
            let detail = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&detail, &"outcome".into(), &outcome.into());
            ("knee-check:complete", detail.into())
        }
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// On a panic, every live widget is replaced by the polite failure message and the
/// panic is logged once; the host page's own script keeps running.
///
/// The release build (scripts/dist.sh) aborts at once on a panic, with no hook to run:
/// the wasm traps and web/knee-check.js shows the message. There this is a no-op, so the
/// hook's code is not shipped.
#[cfg(panic = "immediate-abort")]
fn install_panic_hook() {}

/// On a panic, every live widget is replaced by the polite failure message and the
/// panic is logged once; the host page's own script keeps running.
#[cfg(not(panic = "immediate-abort"))]
fn install_panic_hook() {
    thread_local! {
        static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if INSTALLED.with(|done| done.replace(true)) {
        return;
    }
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(
            &format!("{PREFIX} stopped after an internal error: {info}").into(),
        );
        LIVE.with(|live| {
            if let Ok(live) = live.try_borrow() {
                for container in live.iter() {
                    let lang = container
                        .query_selector("[lang]")
                        .ok()
                        .flatten()
                        .and_then(|el| el.get_attribute("lang"))
                        .and_then(|tag| Lang::from_tag(&tag))
                        .unwrap_or_default();
                    container.set_text_content(Some(crate::i18n::strings(lang).failure));
                }
            }
        });
    }));
}
