//! The visible language switcher. Switching keeps every answer.

use yew::prelude::*;

use crate::i18n::strings;
use crate::lang::Lang;

/// One button per language; the current one (`lang`) is pressed. `on_change` is called
/// with the chosen language; `id_prefix` is this widget instance's unique id prefix.
pub fn language_switch(lang: Lang, on_change: &Callback<Lang>, id_prefix: &str) -> Html {
    let label_id = format!("{id_prefix}lang");
    html! {
        <div class="kc-lang" role="group" aria-labelledby={label_id.clone()}>
            <span class="kc-visually-hidden" id={label_id}>{ strings(lang).language }</span>
            { for Lang::ALL.iter().map(|&choice| {
                let on_click = on_change.reform(move |_: MouseEvent| choice);
                html! {
                    <button
                        type="button"
                        class="kc-lang-button"
                        lang={choice.code()}
                        aria-pressed={(choice == lang).to_string()}
                        onclick={on_click}
                    >
                        { choice.native_name() }
                    </button>
                }
            }) }
        </div>
    }
}
