//! The body map: the "where does it hurt" question's regions drawn as a picture of one
//! leg with the hip and lower back, seen from the front and from the back.
//!
//! The picture is a visual aid and a pointer target only. The question's checkboxes stay
//! the real controls (labels, keyboard, screen readers), so the SVG is hidden from
//! assistive technology and holds nothing focusable. Tapping a shape sends the same
//! [`Action::Choose`] as its checkbox; a checked region is filled with the accent colour
//! and hatched, with a thick outline, so its state does not rest on colour alone.
//!
//! Shapes come from [`REGIONS`], a table from region code to outlines. A code the table
//! does not know (a clinic's own questionnaire) simply has no shape; its checkbox works
//! as on any other question.

use yew::prelude::*;

use crate::check::session::Action;
use crate::i18n::strings;
use crate::lang::Lang;
use crate::questionnaire::model::AnswerOption;

/// The picture's coordinate box: the front figure at x 0-110, the back one at 120-230,
/// captions under both.
const VIEW_BOX: &str = "-3 -3 236 292";

/// The outline of the lower body (waist to feet, both legs), front figure then back
/// figure. The regions sit on the person's right leg: on the left of the front figure
/// and on the right of the back one, as a reader facing each figure sees it.
const BODY: &str = "M26 0 20 18 14 36 12 52 13 72 17 100 21 126 22 140 20 152 18 170 21 200 27 232 29 246 24 258 22 266 23 269 44 269 44 256 42 246 44 225 47 190 47 170 45 152 46 138 48 126 52 95 54 82 55 78 56 82 58 95 62 126 64 138 65 152 63 170 63 190 66 225 68 246 66 256 66 269 87 269 88 266 86 258 81 246 83 232 89 200 92 170 90 152 88 140 89 126 93 100 97 72 98 52 96 36 90 18 84 0Z\
M146 0 140 18 134 36 132 52 133 72 137 100 141 126 142 140 140 152 138 170 141 200 147 232 149 246 144 258 142 266 143 269 164 269 164 256 162 246 164 225 167 190 167 170 165 152 166 138 168 126 172 95 174 82 175 78 176 82 178 95 182 126 184 138 185 152 183 170 183 190 186 225 188 246 186 256 186 269 207 269 208 266 206 258 201 246 203 232 209 200 212 170 210 152 208 140 209 126 213 100 217 72 218 52 216 36 210 18 204 0Z";

/// Details that make the back figure read as a back: the spine and the other buttock's fold.
const LINES: &str = "M175 0V20M174 80Q156 80 143 66";

/// Region code to its outline: one shape, or one in each figure for an area seen from
/// both sides (the outer hip, the foot). Drawn in this order.
pub const REGIONS: &[(&str, &str)] = &[
    ("lower-back", "M146 0 204 0 210 18 140 18Z"),
    ("buttock", "M176 20 200 20 207 34 207 62 200 72 188 79 176 81Z"),
    ("groin", "M32 42 55 70 55 78 54 82 53 88 44 76Z"),
    (
        "outer-hip",
        "M14 36 23 38 23 66 13 68 12 52ZM216 36 207 38 207 66 217 68 218 52Z",
    ),
    (
        "front-thigh",
        "M23 38 32 42 44 76 40 96 38 126 21 126 17 100 13 72 13 68 23 66Z",
    ),
    ("inner-thigh", "M44 76 53 88 52 95 48 126 38 126 40 96Z"),
    ("kneecap", "M28 139a6 10 0 1 0 12 0a6 10 0 1 0-12 0Z"),
    ("inner-knee", "M41 126 48 126 46 138 45 152 41 152Z"),
    ("outer-knee", "M21 126 27 126 27 152 20 152 22 140Z"),
    ("back-knee", "M182 126 209 126 208 140 210 152 185 152 184 138Z"),
    (
        "shin",
        "M20 152 45 152 47 170 47 190 44 225 42 246 29 246 27 232 21 200 18 170Z",
    ),
    (
        "calf",
        "M210 152 185 152 183 170 183 190 186 225 188 246 201 246 203 232 209 200 212 170Z",
    ),
    (
        "foot",
        "M29 246 42 246 44 256 44 269 23 269 22 266 24 258ZM201 246 188 246 186 256 186 269 207 269 208 266 206 258Z",
    ),
];

/// What [`body_map`] draws.
pub struct BodyMapProps<'a> {
    /// The question's answers; those whose code has a shape in [`REGIONS`] are drawn.
    pub options: &'a [AnswerOption],
    /// The codes chosen so far on this step: their shapes are drawn checked.
    pub draft: &'a [String],
    /// Display language (the figures' captions).
    pub lang: Lang,
    /// Unique id prefix of the question in this widget instance (the hatch pattern's id).
    pub id_prefix: &'a str,
    /// Reader actions: a tapped shape sends `Choose(code)`, as its checkbox does.
    pub on_action: &'a Callback<Action>,
}

/// The body map picture for a body-map question.
pub fn body_map(props: &BodyMapProps<'_>) -> Html {
    let s = strings(props.lang);
    let hatch_id = format!("{}-hatch", props.id_prefix);
    let hatch = format!("url(#{hatch_id})");
    // Only the question's own codes are drawn, in the table's order.
    let regions = REGIONS
        .iter()
        .filter(|(code, _)| props.options.iter().any(|o| o.code == *code));

    html! {
        <svg class="kc-body-map" viewBox={VIEW_BOX} aria-hidden="true" focusable="false">
            <defs>
                // The checked fill: the accent with lines across, so a checked region
                // differs from the others in pattern as well as in colour.
                <pattern id={hatch_id} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect class="kc-hatch-ground" width="5" height="5" />
                    <path class="kc-hatch-line" d="M0 0V5" />
                </pattern>
            </defs>
            <path class="kc-body" d={BODY} />
            <path class="kc-body-line" d={LINES} />
            { for regions.map(|&(code, d)| {
                let on = props.draft.iter().any(|c| c == code);
                let on_click = props.on_action.reform(move |_: MouseEvent| Action::Choose(code.to_owned()));
                // The `fill` attribute applies only while checked: the stylesheet fills
                // unchecked shapes and leaves checked ones to the attribute.
                html! {
                    <path
                        class={if on { "kc-region kc-region-on" } else { "kc-region" }}
                        data-code={code}
                        d={d}
                        fill={on.then(|| hatch.clone())}
                        onclick={on_click}
                    />
                }
            }) }
            <text class="kc-body-caption" x="55" y="285">{ s.body_front }</text>
            <text class="kc-body-caption" x="175" y="285">{ s.body_back }</text>
        </svg>
    }
}
