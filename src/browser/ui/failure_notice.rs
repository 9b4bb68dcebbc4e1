//! What a reader sees when the check cannot start (a broken custom questionnaire): a
//! polite notice instead of a blank box.

use yew::prelude::*;

use crate::i18n::strings;
use crate::lang::Lang;

/// The notice, in `lang`.
pub fn failure_notice(lang: Lang) -> Html {
    html! { <p class="kc-notice kc-failure" role="status" part="notice">{ strings(lang).failure }</p> }
}
