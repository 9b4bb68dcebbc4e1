//! The check itself: a reader's way through a questionnaire (`session`), the judgement
//! drawn from the answers (`scoring`), and every possible way through (`paths`), for the
//! CLI and the properties that hold the judgement.

pub mod paths;
pub mod scoring;
pub mod session;
