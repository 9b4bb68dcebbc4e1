//! The screens a reader sees, named for what they show. Each is a thin function
//! component: it renders the props it is given and reports the reader's actions through
//! a callback. None holds state of the check or decides anything about it.

mod failure_notice;
mod heading;
mod intro;
mod language_switch;
mod question_step;
mod red_flag_card;
mod result_view;
mod take_along;

pub use failure_notice::FailureNotice;
pub use heading::Heading;
pub use intro::Intro;
pub use language_switch::LanguageSwitch;
pub use question_step::QuestionStep;
pub use red_flag_card::RedFlagCard;
pub use result_view::ResultView;
pub use take_along::TakeAlong;
