//! Build script: checks the default questionnaire and compiles it into the crate in the
//! compact form (src/questionnaire/compact.rs).
//!
//! `questionnaires/knee-or-back.json` is written for people. The build checks it with the
//! same code that checks any questionnaire file (src/questionnaire/validate.rs), so a mistake stops the
//! build with every problem listed, each with its path, and the widget never ships a file
//! it would have to refuse. What is compiled in is the checked questionnaire in the
//! compact form, so the widget needs no JSON parser and no checker of its own.

// The core modules this script shares with the crate, compiled here for the host. Some of
// what they offer is used only by the crate.
#![allow(dead_code, missing_docs)]

#[path = "src/lang.rs"]
mod lang;
#[path = "src/questionnaire"]
mod questionnaire {
    pub mod compact;
    pub mod file;
    pub mod json_read;
    pub mod model;
    pub mod validate;
}

// The preview's table (src/check/preview.rs): the first answers that reach each outcome,
// found by walking every path here, so the widget need not carry the walk.
#[path = "src/check"]
mod check {
    pub mod paths;
    pub mod preview;
    pub mod scoring;
    pub mod session;
}

use questionnaire::{compact, validate};

use std::{env, fs, path::Path, process};

fn main() {
    let source = "questionnaires/knee-or-back.json";
    for input in [
        source,
        "src/lang.rs",
        "src/questionnaire/compact.rs",
        "src/questionnaire/file.rs",
        "src/questionnaire/json_read.rs",
        "src/questionnaire/model.rs",
        "src/questionnaire/validate.rs",
        "src/check/paths.rs",
        "src/check/preview.rs",
        "src/check/scoring.rs",
        "src/check/session.rs",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    let text = fs::read_to_string(source).unwrap_or_else(|err| fail(&format!("{source}: {err}")));
    let questionnaire = validate::load(&text).unwrap_or_else(|problems| {
        fail(&format!(
            "{source} has {} problem(s); the widget cannot ship it:\n{problems}",
            problems.0.len()
        ))
    });
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("knee-or-back.kc");
    fs::write(&out, compact::encode(&questionnaire))
        .unwrap_or_else(|err| fail(&format!("{}: {err}", out.display())));
    let preview = out.with_extension("preview");
    fs::write(
        &preview,
        check::preview::encode(&check::preview::first_paths(&questionnaire)),
    )
    .unwrap_or_else(|err| fail(&format!("{}: {err}", preview.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    process::exit(1);
}
