//! The check itself: a reader's way through a questionnaire (`session`), the judgement
//! drawn from the answers (`scoring`), and every possible way through (`paths`), for the
//! CLI and the properties that hold the judgement; `preview` finds the way to each screen a
//! reader can reach, for the embed configurator's preview.

pub mod paths;
pub mod preview;
pub mod scoring;
pub mod session;
