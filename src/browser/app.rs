//! The widget's root: one reducer that holds the session and the language, and delegates
//! every answer, step and restart to the pure [`Session`] state machine.
//!
//! Components below it only render what they are given and send [`Action`]s back up.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::browser::ui::{
    failure_notice, intro, language_switch, question_step, red_flag_card, result_view, IntroProps,
    QuestionStepProps, RedFlagCardProps, ResultViewProps,
};
use crate::check::session::{Action, Screen, Session};
use crate::i18n::strings;
use crate::lang::Lang;
use crate::options::{OptionWarning, Options};
use crate::questionnaire::builtin;
use crate::questionnaire::model::Questionnaire;

/// Everything a widget instance is started with: checked options, the questionnaire (or
/// why it could not be loaded), the language to start in, and ignored options.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The host's options.
    pub options: Options,
    /// The questionnaire, or the reason it could not be used.
    pub questionnaire: Result<Rc<Questionnaire>, String>,
    /// The language to start in.
    pub lang: Lang,
    /// Options that were ignored, shown as one polite notice.
    pub warnings: Vec<OptionWarning>,
}

impl Config {
    /// A widget with the built-in questionnaire and default options.
    pub fn builtin(lang: Lang) -> Config {
        Config {
            options: Options::default(),
            questionnaire: builtin::knee_or_back()
                .map(Rc::new)
                .map_err(|_| "the built-in questionnaire could not be read".to_owned()),
            lang,
            warnings: Vec::new(),
        }
    }
}

/// What the widget tells its host. Never answers: only that a check started, and the
/// outcome id it ended with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WidgetEvent {
    /// The reader left the intro for the first question.
    Start,
    /// The reader reached a result or a red-flag card; the outcome id.
    Complete(String),
}

/// The root component's properties.
#[derive(Properties, Clone)]
pub struct AppProps {
    /// How this instance is configured.
    pub config: Rc<Config>,
    /// Receives [`WidgetEvent`]s; the embedding layer turns them into DOM events.
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

/// The same configuration object (see the comparison of `WidgetProps`): the embedding layer
/// makes a new one for every update.
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.config, &other.config) && self.on_event == other.on_event
    }
}

/// The root component: a polite failure notice, or the check itself.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = &props.config;
    match &config.questionnaire {
        Ok(q) => html! {
            // A different questionnaire is a different check: start a fresh session.
            <Widget key={q.id.clone()} q={q.clone()} config={config.clone()} on_event={props.on_event.clone()} />
        },
        Err(_) => html! {
            <div class="kc-root" lang={config.lang.code()} dir={config.lang.dir()} data-theme={config.options.theme.id()}>
                { failure_notice(config.lang) }
            </div>
        },
    }
}

/// The reducer's state.
#[derive(Clone)]
struct Model {
    q: Rc<Questionnaire>,
    session: Session,
    lang: Lang,
}

enum Msg {
    Session(Action),
    Lang(Lang),
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        match msg {
            Msg::Session(action) => Rc::new(Model {
                session: self.session.apply(&self.q, action),
                ..(*self).clone()
            }),
            Msg::Lang(lang) if lang != self.lang => Rc::new(Model {
                lang,
                ..(*self).clone()
            }),
            Msg::Lang(_) => self,
        }
    }
}

#[derive(Properties)]
struct WidgetProps {
    q: Rc<Questionnaire>,
    config: Rc<Config>,
    on_event: Callback<WidgetEvent>,
}

/// The same questionnaire and configuration objects: a field-by-field comparison of a
/// whole questionnaire would cost more (in time and wasm bytes) than the render it saves.
impl PartialEq for WidgetProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.q, &other.q)
            && Rc::ptr_eq(&self.config, &other.config)
            && self.on_event == other.on_event
    }
}

static INSTANCES: AtomicU32 = AtomicU32::new(0);

#[function_component(Widget)]
fn widget(props: &WidgetProps) -> Html {
    let model = use_reducer(|| Model {
        q: props.q.clone(),
        session: Session::new(),
        lang: props.config.lang,
    });
    // Ids must be unique when several widgets share a page.
    let id_prefix = use_state(|| format!("kc{}-", INSTANCES.fetch_add(1, Ordering::Relaxed)));

    // A host that changes the `lang` option switches the live widget. Not on the first
    // render, which already speaks that language: run then, the effect could come after a
    // reader's own choice (the loader replays a language picked on its drawn intro as soon
    // as this renders) and undo it.
    // (`first_render` is true until the focus effect below, which runs after this one.)
    let first_render = use_mut_ref(|| true);
    {
        let dispatch = model.dispatcher();
        let first_render = first_render.clone();
        use_effect_with(props.config.lang, move |lang| {
            if !*first_render.borrow() {
                dispatch.dispatch(Msg::Lang(*lang))
            }
        });
    }

    // Focus follows the reader: each new step's heading (or the error summary, or the
    // red-flag card) takes focus, so screen readers announce it. Never on first render:
    // the widget must not pull focus away from the host page on load.
    let focus = use_node_ref();
    let session = &model.session;
    let focus_key = (session.screen().clone(), session.error());
    {
        let focus = focus.clone();
        use_effect_with(focus_key, move |_| {
            if std::mem::replace(&mut *first_render.borrow_mut(), false) {
                return;
            }
            if let Some(target) = focus.cast::<HtmlElement>() {
                let _ = target.focus();
                reveal_top(&target);
            }
        });
    }

    // Tell the host when a check starts and how it ends (the outcome id only). A start
    // is the step from the intro to a question, once: coming back to the first
    // question from elsewhere (a red-flag card's "I answered this by mistake") is not.
    let previous_screen = use_mut_ref(|| Screen::Intro);
    {
        let on_event = props.on_event.clone();
        let q = model.q.clone();
        let session = model.session.clone();
        use_effect_with(session.screen().clone(), move |screen| match screen {
            _ if matches!(previous_screen.replace(screen.clone()), Screen::Intro)
                && matches!(screen, Screen::Question(_)) =>
            {
                on_event.emit(WidgetEvent::Start)
            }
            Screen::Result | Screen::RedFlag { .. } => {
                if let Some(assessment) = session.assessment(&q) {
                    on_event.emit(WidgetEvent::Complete(assessment.outcome.id()));
                }
            }
            _ => {}
        });
    }

    let on_action = {
        let dispatch = model.dispatcher();
        Callback::from(move |action: Action| dispatch.dispatch(Msg::Session(action)))
    };
    let on_lang = {
        let dispatch = model.dispatcher();
        Callback::from(move |lang: Lang| dispatch.dispatch(Msg::Lang(lang)))
    };

    let q = &model.q;
    let lang = model.lang;
    let options = &props.config.options;
    let level = options.heading_level;
    let screen = match session.screen() {
        Screen::Intro => html! {
            { intro(&IntroProps { q, lang, level, focus: &focus, on_action: &on_action }) }
        },
        &Screen::Question(index) => html! {
            { question_step(&QuestionStepProps {
                q,
                index,
                draft: session.draft(),
                error: session.error(),
                progress: session.progress(q).unwrap_or((1, 1)),
                lang,
                level,
                id_prefix: &id_prefix,
                focus: &focus,
                on_action: &on_action,
            }) }
        },
        &Screen::RedFlag { urgency, .. } => html! {
            { red_flag_card(&RedFlagCardProps {
                q,
                urgency,
                emergency_number: &options.emergency_number,
                lang,
                level,
                focus: &focus,
                id_prefix: &id_prefix,
                on_action: &on_action,
            }) }
        },
        Screen::Result => match session.assessment(q) {
            Some(assessment) => html! {
                { result_view(&ResultViewProps {
                    q,
                    assessment: Rc::new(assessment),
                    answers: Rc::new(session.answers().clone()),
                    options,
                    lang,
                    level,
                    focus: &focus,
                    on_action: &on_action,
                }) }
            },
            None => html! {},
        },
    };

    let s = strings(lang);
    html! {
        <div class="kc-root" lang={lang.code()} dir={lang.dir()} data-theme={options.theme.id()} part="root">
            <div class="kc-bar">
                // The intro's heading is the title already: shown here too, it would be
                // read and seen twice.
                if !matches!(session.screen(), Screen::Intro) {
                    <p class="kc-brand">{ q.title.get(lang) }</p>
                }
                { language_switch(lang, &on_lang, &id_prefix) }
            </div>
            if !props.config.warnings.is_empty() {
                <p class="kc-notice" part="notice">{ s.options_ignored }</p>
            }
            <div class="kc-screen">{ screen }</div>
        </div>
    }
}

/// Scrolls the top of `target` (a step's heading, a red-flag card) into view when
/// focusing it left its top outside the screen. The browser scrolls a focused element
/// that is taller than the screen (a card at 200% text) so that its middle shows, which
/// puts the card's heading, the one thing the reader must see, above the screen.
fn reveal_top(target: &HtmlElement) {
    let Some(screen) = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
    else {
        return;
    };
    let top = target.get_bounding_client_rect().top();
    if top < 0.0 || top > screen * 0.75 {
        target.scroll_into_view_with_bool(true);
    }
}
