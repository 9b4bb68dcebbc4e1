//! `knee-check-prerender`: prints the widget's first screen in every language as one
//! JSON object, `{ "en": "<div class=\"kc-root\" …", "es": … }`, for
//! `scripts/assemble-dist.mjs` (see `knee_check::browser::prerender`).

use knee_check::browser::prerender::first_screen;
use knee_check::lang::Lang;

fn main() {
    let screens: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .iter()
        .map(|&lang| (lang.code().to_owned(), first_screen(lang).into()))
        .collect();
    println!("{}", serde_json::Value::Object(screens));
}
