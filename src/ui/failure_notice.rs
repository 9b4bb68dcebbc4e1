//! What a reader sees when the check cannot start (a broken custom questionnaire): a
//! polite notice instead of a blank box.

use yew::prelude::*;

use crate::i18n::strings;
use crate::lang::Lang;

/// Properties of [`FailureNotice`].
#[derive(Properties, PartialEq)]
pub struct FailureNoticeProps {
    /// The language to apologise in.
    pub lang: Lang,
}

/// The notice.
#[function_component(FailureNotice)]
pub fn failure_notice(props: &FailureNoticeProps) -> Html {
    html! { <p class="kc-notice kc-failure" role="status" part="notice">{ strings(props.lang).failure }</p> }
}
