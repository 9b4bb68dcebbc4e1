//! Build script: compiles the default questionnaire into the crate in a compact form.
//!
//! `questionnaires/knee-or-back.json` is written for people, indented and one field a
//! line. The widget only parses it, so the copy compiled in (src/builtin.rs) has the
//! whitespace between tokens removed: about 2.6 KB less in the wasm, the same JSON.
//! Strings are copied byte for byte, escapes included.

use std::{env, fs, path::Path};

fn main() {
    let source = "questionnaires/knee-or-back.json";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).unwrap_or_else(|err| panic!("{source}: {err}"));
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("knee-or-back.min.json");
    fs::write(&out, minify(&text)).unwrap_or_else(|err| panic!("{}: {err}", out.display()));
}

/// JSON text without the whitespace between tokens. Text that is not valid JSON keeps
/// its mistakes (the tests then report them); only whitespace outside strings goes.
fn minify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            out.push(c);
        }
    }
    out
}
