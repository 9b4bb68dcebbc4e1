//! The visible language switcher. Switching keeps every answer.

use yew::prelude::*;

use crate::i18n::strings;
use crate::lang::Lang;

/// Properties of [`LanguageSwitch`].
#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// The current language.
    pub lang: Lang,
    /// Called with the chosen language.
    pub on_change: Callback<Lang>,
    /// Unique id prefix of this widget instance.
    pub id_prefix: AttrValue,
}

/// One button per language; the current one is pressed.
#[function_component(LanguageSwitch)]
pub fn language_switch(props: &LanguageSwitchProps) -> Html {
    let label_id = format!("{}lang", props.id_prefix);
    html! {
        <div class="kc-lang" role="group" aria-labelledby={label_id.clone()}>
            <span class="kc-visually-hidden" id={label_id}>{ strings(props.lang).language }</span>
            { for Lang::ALL.iter().map(|&lang| {
                let on_click = props.on_change.reform(move |_: MouseEvent| lang);
                html! {
                    <button
                        type="button"
                        class="kc-lang-button"
                        lang={lang.code()}
                        aria-pressed={(lang == props.lang).to_string()}
                        onclick={on_click}
                    >
                        { lang.native_name() }
                    </button>
                }
            }) }
        </div>
    }
}
