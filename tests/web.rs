//! Component tests in a real browser: mount the app, let Yew render, read the DOM.
//!
//! Run by `make test` (or `cargo test --target wasm32-unknown-unknown`) in headless
//! Chromium through wasm-bindgen-test-runner and ChromeDriver. One test per screen or
//! behaviour of issue #4; each mounts a fresh app in its own `div`, acts through the DOM
//! as a reader would (clicks on real inputs and buttons), and asserts on what renders.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use knee_check::browser::app::{App, AppProps, Config};
use knee_check::lang::Lang;
use knee_check::options::Options;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The answers of a path whose pattern points at the knee (`knee-likely`).
const KNEE_PATH: [(&str, &str); 14] = [
    ("age", "18-49"),
    ("rf-emergency", "no"),
    ("rf-today", "no"),
    ("rf-soon", "no"),
    ("where", "kneecap"),
    ("pain-quality", "ache"),
    ("worse", "stairs"),
    ("back-move", "no"),
    ("mechanical", "none"),
    ("onset", "gradual"),
    ("injection", "clearly"),
    ("therapy", "lot"),
    ("back-pain", "no"),
    ("hip", "none"),
];

/// Appends a fresh, empty container to the test page's body.
fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").expect("create a div");
    document
        .body()
        .expect("the page has a body")
        .append_child(&div)
        .expect("append the div");
    div
}

/// Mounts the app with `config` and waits for it to render.
async fn mount_with(config: Config) -> Element {
    let root = fresh_root();
    let props = yew::props!(AppProps {
        config: Rc::new(config),
    });
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    // Yew 0.23 renders on its scheduler; flush() resolves once the queue is empty.
    yew::scheduler::flush().await;
    root
}

/// Mounts the app with the built-in questionnaire in `lang`.
async fn mount(lang: Lang) -> Element {
    mount_with(Config::builtin(lang)).await
}

/// The first element matching `selector` under `root`; panics with the selector if none.
fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector:?} in {}", root.inner_html()))
}

/// Every element matching `selector` under `root`.
fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

/// The button (or link) whose text is `label`.
fn button(root: &Element, label: &str) -> HtmlElement {
    find_all(root, "button, a")
        .into_iter()
        .find(|el| text(el).trim() == label)
        .unwrap_or_else(|| panic!("no button {label:?} in {}", root.inner_html()))
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
}

/// Clicks the button labelled `label` and lets Yew re-render.
async fn click(root: &Element, label: &str) {
    button(root, label).click();
    yew::scheduler::flush().await;
}

/// The current question's inputs.
fn inputs(root: &Element) -> Vec<HtmlInputElement> {
    find_all(root, "fieldset input")
        .into_iter()
        .map(|el| el.dyn_into::<HtmlInputElement>().expect("an input"))
        .collect()
}

/// Chooses the answer with code `code` on the current question, by clicking its radio.
async fn choose(root: &Element, code: &str) {
    let input = inputs(root)
        .into_iter()
        .find(|i| i.value() == code)
        .unwrap_or_else(|| panic!("no answer {code:?} in {}", root.inner_html()));
    input.click();
    yew::scheduler::flush().await;
    assert!(input.checked(), "the clicked answer {code:?} is checked");
}

/// The heading element (any level) of the current screen.
fn screen_heading(root: &Element) -> Element {
    find(
        root,
        ".kc-screen :is(h1, h2, h3, h4, h5, h6).kc-heading:not(.kc-error-title)",
    )
}

/// The element that has focus, if any.
fn active() -> Option<Element> {
    gloo::utils::document().active_element()
}

/// From the intro, answers each `(linkId, code)` with Continue.
async fn answer_all(root: &Element, answers: &[(&str, &str)], lang: Lang) {
    let s = knee_check::i18n::strings(lang);
    click(root, s.start).await;
    for (link_id, code) in answers {
        let name = find(root, "fieldset input")
            .get_attribute("name")
            .unwrap_or_default();
        assert!(
            name.ends_with(link_id),
            "expected question {link_id}, got {name}"
        );
        choose(root, code).await;
        click(root, s.continue_label).await;
    }
}

#[wasm_bindgen_test]
async fn intro_shows_the_title_the_privacy_promise_and_start() {
    let root = mount(Lang::En).await;

    let heading = screen_heading(&root);
    assert_eq!(heading.tag_name(), "H2", "the default heading level is 2");
    assert_eq!(text(&heading), "Is my knee pain coming from my back?");
    let body = text(&root);
    assert!(body.contains("not a diagnosis"), "{body}");
    assert!(body.contains("Your answers stay on this device"), "{body}");
    let start = button(&root, "Start the check");
    assert_eq!(start.tag_name(), "BUTTON");
    assert_eq!(start.get_attribute("type").as_deref(), Some("button"));
    // The widget must not pull focus from the host page when it loads.
    assert!(
        !root.contains(active().as_ref().map(|e| e.unchecked_ref())),
        "nothing in the widget has focus on load"
    );
}

#[wasm_bindgen_test]
async fn start_shows_question_one_unanswered_with_its_heading_as_legend() {
    let root = mount(Lang::En).await;
    click(&root, "Start the check").await;

    assert_eq!(text(&find(&root, ".kc-progress")), "Question 1 of 14");
    let legend = find(&root, "fieldset > legend");
    let heading = find(&legend, "h2");
    assert_eq!(text(&heading), "How old are you?");
    let radios = inputs(&root);
    assert_eq!(radios.len(), 4);
    assert!(radios.iter().all(|r| r.type_() == "radio"));
    assert!(
        radios.iter().all(|r| !r.checked()),
        "nothing is pre-selected"
    );
    // Every radio has a label tied to it.
    for radio in &radios {
        let label = find(&root, &format!("label[for='{}']", radio.id()));
        assert!(!text(&label).is_empty());
    }
    assert_eq!(
        active().as_ref(),
        Some(&heading),
        "focus moved to the question's heading"
    );
    assert!(button(&root, "Back").is_connected());
    assert!(button(&root, "Continue").is_connected());
}

#[wasm_bindgen_test]
async fn continue_without_an_answer_shows_the_error_summary_and_inline_error() {
    let root = mount(Lang::En).await;
    click(&root, "Start the check").await;
    assert!(root.query_selector(".kc-error-summary").unwrap().is_none());

    click(&root, "Continue").await;

    let summary = find(&root, ".kc-error-summary");
    assert!(text(&summary).contains("There is a problem"));
    let link = find(&summary, "a");
    assert_eq!(text(&link), "Choose an answer to continue");
    let first = &inputs(&root)[0];
    assert_eq!(
        link.get_attribute("href"),
        Some(format!("#{}", first.id())),
        "the summary links to the first answer"
    );
    assert_eq!(
        active().as_ref(),
        Some(&summary),
        "focus moved to the error summary"
    );
    let inline = find(&root, "fieldset .kc-error-message");
    assert!(text(&inline).contains("Choose an answer to continue"));
    let described_by = find(&root, "fieldset")
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    assert!(
        described_by.split(' ').any(|id| id == inline.id()),
        "the fieldset is described by the inline error: {described_by}"
    );
    assert_eq!(
        text(&find(&root, ".kc-progress")),
        "Question 1 of 14",
        "still on question 1"
    );

    // Following the summary's link focuses the first answer.
    link.dyn_ref::<HtmlElement>().unwrap().click();
    assert_eq!(
        active().and_then(|e| e.get_attribute("id")),
        Some(first.id())
    );

    // Choosing an answer clears the error.
    choose(&root, "18-49").await;
    assert!(root.query_selector(".kc-error-summary").unwrap().is_none());
    assert!(root.query_selector(".kc-error-message").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_red_flag_yes_shows_an_alert_card_with_a_call_link() {
    let root = mount(Lang::En).await;
    answer_all(
        &root,
        &[("age", "18-49"), ("rf-emergency", "yes")],
        Lang::En,
    )
    .await;

    let card = find(&root, "[data-outcome^='red-flag']");
    assert_eq!(active().as_ref(), Some(&card), "focus moved to the card");
    assert_eq!(
        text(&screen_heading(&card)),
        "Call the emergency number now"
    );
    // Named by its heading, and announced once: by the focus, not also as a live alert.
    assert_eq!(card.local_name(), "section");
    assert!(card.get_attribute("aria-labelledby").is_some());
    assert_eq!(
        card.get_attribute("aria-labelledby"),
        screen_heading(&card).get_attribute("id")
    );
    assert_eq!(card.get_attribute("role"), None);
    let call = find(&card, "a[href^='tel:']");
    assert_eq!(call.get_attribute("href").as_deref(), Some("tel:911"));
    assert_eq!(text(&call), "Call 911");
    assert!(root.query_selector("fieldset").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_today_card_says_what_to_do_and_offers_the_emergency_number_second() {
    let mut config = Config::builtin(Lang::En);
    config.options.emergency_number = "112".into();
    let root = mount_with(config).await;
    answer_all(
        &root,
        &[
            ("age", "65-plus"),
            ("rf-emergency", "no"),
            ("rf-today", "unsure"),
        ],
        Lang::En,
    )
    .await;

    let card = find(&root, "[data-outcome^='red-flag']");
    assert_eq!(
        text(&screen_heading(&card)),
        "Contact a doctor or urgent care today"
    );
    assert!(
        card.query_selector(".kc-button").unwrap().is_none(),
        "no big call button: the words come first"
    );
    assert_eq!(
        text(&find(&card, "a[href^='tel:']")),
        "If you feel very unwell, call 112"
    );
    assert_eq!(
        find(&card, "a[href^='tel:']")
            .get_attribute("href")
            .as_deref(),
        Some("tel:112")
    );
}

#[wasm_bindgen_test]
async fn answered_by_mistake_returns_to_the_question_with_nothing_selected() {
    let root = mount(Lang::En).await;
    answer_all(
        &root,
        &[("age", "18-49"), ("rf-emergency", "yes")],
        Lang::En,
    )
    .await;
    assert!(root
        .query_selector("[data-outcome^='red-flag']")
        .unwrap()
        .is_some());

    click(&root, "I answered this by mistake").await;

    assert!(root
        .query_selector("[data-outcome^='red-flag']")
        .unwrap()
        .is_none());
    assert_eq!(text(&find(&root, ".kc-progress")), "Question 2 of 14");
    assert!(
        inputs(&root).iter().all(|r| !r.checked()),
        "the mistaken answer is cleared"
    );
    assert_eq!(active().as_ref(), Some(&screen_heading(&root)));
}

#[wasm_bindgen_test]
async fn a_full_path_reaches_the_result_with_its_outcome_and_checklist() {
    let root = mount(Lang::En).await;
    answer_all(&root, &KNEE_PATH, Lang::En).await;

    let result = find(&root, "[data-outcome]");
    assert_eq!(
        result.get_attribute("data-outcome").as_deref(),
        Some("knee-likely")
    );
    let heading = screen_heading(&root);
    assert_eq!(
        text(&heading),
        "Your answers fit a problem in the knee itself"
    );
    assert_eq!(active().as_ref(), Some(&heading), "focus on the outcome");
    let signs: Vec<String> = find_all(&find(&root, ".kc-factors"), ":scope > li")
        .iter()
        .map(|li| li.get_attribute("data-status").unwrap_or_default())
        .collect();
    assert_eq!(signs, ["does-not-fit"; 4]);
    let body = text(&root);
    assert!(body.contains("What the evaluation may include"), "{body}");
    assert!(
        body.contains("This content has not yet had a clinical review."),
        "{body}"
    );
    assert!(
        !body.contains("scoring version"),
        "versions stay in the take-along"
    );
    assert!(body.contains("It cannot diagnose you"), "{body}");
    assert!(button(&root, "Start again").is_connected());
}

#[wasm_bindgen_test]
async fn switching_to_spanish_keeps_the_selected_answer() {
    let root = mount(Lang::En).await;
    click(&root, "Start the check").await;
    choose(&root, "18-49").await;
    click(&root, "Continue").await;
    choose(&root, "no").await;

    click(&root, "Español").await;

    assert_eq!(
        find(&root, ".kc-root").get_attribute("lang").as_deref(),
        Some("es")
    );
    assert_eq!(text(&find(&root, ".kc-progress")), "Pregunta 2 de 14");
    let checked: Vec<String> = inputs(&root)
        .iter()
        .filter(|i| i.checked())
        .map(|i| i.value())
        .collect();
    assert_eq!(checked, ["no"], "the chosen answer survives the switch");
    assert_eq!(
        button(&root, "Español")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    // Back shows the committed answer to question 1, in Spanish.
    click(&root, "Atrás").await;
    assert_eq!(text(&find(&root, ".kc-progress")), "Pregunta 1 de 14");
    let first: Vec<String> = inputs(&root)
        .iter()
        .filter(|i| i.checked())
        .map(|i| i.value())
        .collect();
    assert_eq!(first, ["18-49"]);
}

#[wasm_bindgen_test]
async fn start_again_returns_to_the_intro_with_no_answers() {
    let root = mount(Lang::En).await;
    answer_all(&root, &KNEE_PATH, Lang::En).await;
    assert!(root.query_selector("[data-outcome]").unwrap().is_some());

    click(&root, "Start again").await;

    assert!(root.query_selector("[data-outcome]").unwrap().is_none());
    assert!(button(&root, "Start the check").is_connected());
    assert_eq!(active().as_ref(), Some(&screen_heading(&root)));
    click(&root, "Start the check").await;
    assert!(
        inputs(&root).iter().all(|r| !r.checked()),
        "no answer survives Start again"
    );
    click(&root, "Continue").await;
    assert!(
        root.query_selector(".kc-error-summary").unwrap().is_some(),
        "question 1 really is unanswered"
    );
}

#[wasm_bindgen_test]
async fn clinic_options_render_in_the_call_to_action_as_text() {
    let payload = "<img src=x onerror=alert(1)>Lakeside";
    let mut config = Config::builtin(Lang::En);
    config.options = Options {
        clinic_name: Some(payload.into()),
        clinic_phone: Some("+1 (847) 555-0100".into()),
        booking_url: Some("https://example.org/book".into()),
        ..Options::default()
    };
    let root = mount_with(config).await;
    answer_all(&root, &KNEE_PATH, Lang::En).await;

    let cta = find(&root, ".kc-cta");
    assert!(
        text(&cta).contains(&format!(
            "{payload} offers an evaluation by a physical therapist."
        )),
        "{}",
        text(&cta)
    );
    assert!(
        cta.query_selector("img").unwrap().is_none(),
        "the name is text, not markup"
    );
    let book = find(&cta, "a[href^='https:']");
    assert_eq!(
        book.get_attribute("href").as_deref(),
        Some("https://example.org/book"),
        "the booking link carries no answers"
    );
    let call = find(&cta, "a[href^='tel:']");
    assert_eq!(
        call.get_attribute("href").as_deref(),
        Some("tel:+18475550100")
    );
    assert_eq!(text(&call), "Call +1 (847) 555-0100");
}

#[wasm_bindgen_test]
async fn the_heading_level_option_changes_every_heading_tag() {
    let mut config = Config::builtin(Lang::En);
    config.options.heading_level = 4;
    let root = mount_with(config).await;
    assert_eq!(screen_heading(&root).tag_name(), "H4");
    click(&root, "Start the check").await;
    assert_eq!(screen_heading(&root).tag_name(), "H4");
    click(&root, "Continue").await;
    assert_eq!(find(&root, ".kc-error-title").tag_name(), "H5");
}

#[wasm_bindgen_test]
async fn a_multiple_choice_question_is_a_checkbox_group_that_keeps_every_ticked_answer() {
    let root = mount(Lang::En).await;
    answer_all(&root, &KNEE_PATH[..4], Lang::En).await;
    // "Where": the body regions as a plain checkbox group, each with its label.
    let boxes = inputs(&root);
    assert_eq!(boxes.len(), 14);
    assert!(boxes.iter().all(|b| b.type_() == "checkbox"));
    choose(&root, "front-thigh").await;
    choose(&root, "inner-knee").await;
    let ticked: Vec<String> = inputs(&root)
        .iter()
        .filter(|i| i.checked())
        .map(|i| i.value())
        .collect();
    assert_eq!(ticked, ["front-thigh", "inner-knee"]);
    // The exclusive "I cannot say where" clears the others.
    choose(&root, "unsure").await;
    let ticked: Vec<String> = inputs(&root)
        .iter()
        .filter(|i| i.checked())
        .map(|i| i.value())
        .collect();
    assert_eq!(ticked, ["unsure"]);
}

/// The body map's shape for region `code` on the current question.
fn region(root: &Element, code: &str) -> Element {
    find(root, &format!("svg.kc-body-map [data-code='{code}']"))
}

/// Taps the shape of region `code` on the body map, as a pointer does, and lets Yew
/// re-render.
async fn tap_region(root: &Element, code: &str) {
    let shape = region(root, code);
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let click =
        web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("a click event");
    shape.dispatch_event(&click).expect("dispatch the click");
    yew::scheduler::flush().await;
}

/// The codes of the ticked checkboxes on the current question.
fn ticked(root: &Element) -> Vec<String> {
    inputs(root)
        .iter()
        .filter(|i| i.checked())
        .map(|i| i.value())
        .collect()
}

/// The region codes drawn as checked on the body map.
fn drawn_checked(root: &Element) -> Vec<String> {
    find_all(root, "svg.kc-body-map .kc-region-on")
        .iter()
        .filter_map(|g| g.get_attribute("data-code"))
        .collect()
}

#[wasm_bindgen_test]
async fn the_body_map_is_a_picture_hidden_from_assistive_tech_over_the_real_checkboxes() {
    let root = mount(Lang::En).await;
    answer_all(&root, &KNEE_PATH[..4], Lang::En).await;
    let map = find(&root, "fieldset svg.kc-body-map");
    assert_eq!(map.get_attribute("aria-hidden").as_deref(), Some("true"));
    // Nothing in it takes focus or names itself: the checkboxes do that.
    assert!(find_all(&map, "a, [tabindex], [role], title, desc").is_empty());
    // One shape per region of the question (13), none for "I cannot say where".
    let codes: Vec<String> = find_all(&map, "[data-code]")
        .iter()
        .filter_map(|g| g.get_attribute("data-code"))
        .collect();
    assert_eq!(codes.len(), 13, "{codes:?}");
    assert!(!codes.iter().any(|c| c == "unsure"));
    // The list is unchanged: 14 labelled checkboxes, still the group's controls.
    assert_eq!(inputs(&root).len(), 14);
    assert_eq!(find_all(&root, "fieldset label.kc-label").len(), 14);
    // Other questions have no picture.
    choose(&root, "kneecap").await;
    click(&root, "Continue").await;
    assert!(find_all(&root, "svg.kc-body-map").is_empty());
}

#[wasm_bindgen_test]
async fn tapping_the_thigh_on_the_body_map_checks_front_of_the_thigh() {
    let root = mount(Lang::En).await;
    answer_all(&root, &KNEE_PATH[..4], Lang::En).await;
    tap_region(&root, "front-thigh").await;
    assert_eq!(ticked(&root), ["front-thigh"]);
    let label = find(&root, "fieldset input:checked + label");
    assert_eq!(text(&label), "Front of the thigh");
    assert_eq!(drawn_checked(&root), ["front-thigh"]);
    // A second tap takes it back, as a second click on the checkbox would.
    tap_region(&root, "front-thigh").await;
    assert!(ticked(&root).is_empty());
    assert!(drawn_checked(&root).is_empty());
}

#[wasm_bindgen_test]
async fn checking_a_box_fills_and_hatches_its_shapes_on_the_body_map() {
    let root = mount(Lang::Es).await;
    answer_all(&root, &KNEE_PATH[..4], Lang::Es).await;
    assert!(
        drawn_checked(&root).is_empty(),
        "nothing is drawn checked at first"
    );
    choose(&root, "inner-knee").await;
    choose(&root, "foot").await;
    assert_eq!(drawn_checked(&root), ["inner-knee", "foot"]);
    // Checked shapes are filled with the hatch pattern (the accent with lines across),
    // which the picture defines; the foot's shape is drawn in both figures.
    for code in ["inner-knee", "foot"] {
        let fill = region(&root, code)
            .get_attribute("fill")
            .unwrap_or_default();
        let id = fill
            .strip_prefix("url(#")
            .and_then(|rest| rest.strip_suffix(')'))
            .unwrap_or_else(|| panic!("the fill {fill:?} of {code} is a pattern"));
        assert_eq!(find(&root, &format!("[id='{id}']")).tag_name(), "pattern");
    }
    let foot = region(&root, "foot").get_attribute("d").unwrap_or_default();
    assert_eq!(
        foot.matches('M').count(),
        2,
        "the foot front and back: {foot}"
    );
    assert!(region(&root, "kneecap").get_attribute("fill").is_none());
}

#[wasm_bindgen_test]
async fn choosing_unsure_clears_the_body_map() {
    let root = mount(Lang::En).await;
    answer_all(&root, &KNEE_PATH[..4], Lang::En).await;
    tap_region(&root, "groin").await;
    choose(&root, "calf").await;
    assert_eq!(drawn_checked(&root), ["groin", "calf"]);
    choose(&root, "unsure").await;
    assert_eq!(ticked(&root), ["unsure"]);
    assert!(drawn_checked(&root).is_empty());
    assert!(find_all(&root, "svg.kc-body-map path[fill]").is_empty());
}

#[wasm_bindgen_test]
async fn a_region_code_the_body_map_does_not_know_keeps_its_checkbox_and_has_no_shape() {
    // A clinic's own file may name a region the picture has no shape for.
    let mut q = knee_check::questionnaire::builtin::knee_or_back().expect("the built-in file");
    let where_item = q
        .items
        .iter_mut()
        .find(|i| i.link_id == "where")
        .expect("a where question");
    let mut ankle = where_item.options[0].clone();
    ankle.code = "ankle".to_owned();
    let last = where_item.options.len() - 1;
    where_item.options.insert(last, ankle);
    let root = mount_with(Config {
        questionnaire: Ok(Rc::new(q)),
        ..Config::builtin(Lang::En)
    })
    .await;
    answer_all(&root, &KNEE_PATH[..4], Lang::En).await;
    assert_eq!(inputs(&root).len(), 15);
    assert_eq!(find_all(&root, "svg.kc-body-map [data-code]").len(), 13);
    assert!(find_all(&root, "svg.kc-body-map [data-code='ankle']").is_empty());
    choose(&root, "ankle").await;
    tap_region(&root, "calf").await;
    assert_eq!(ticked(&root), ["calf", "ankle"]);
    assert_eq!(drawn_checked(&root), ["calf"]);
}
