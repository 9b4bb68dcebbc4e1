//! The check itself: a reader's way through a questionnaire (`session`), the judgement
//! drawn from the answers (`scoring`), and every possible way through (`paths`), for the
//! CLI and the properties that hold the judgement; `preview` names the screens a reader
//! can reach, for the embed configurator.

pub mod paths;
pub mod preview;
pub mod scoring;
pub mod session;
