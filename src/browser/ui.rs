//! The screens a reader sees, named for what they show. Each is a thin view function:
//! it renders what it is given and reports the reader's actions through a callback.
//! Only the take-along section is a component, for its own small state (the copy
//! button's feedback). None holds state of the check or decides anything about it.
//! Plain functions rather than components keep the wasm small: each Yew component
//! brings its own copy of the component machinery.

mod body_map;
mod failure_notice;
mod heading;
mod intro;
mod language_switch;
mod question_step;
mod red_flag_card;
mod result_view;
mod take_along;

pub use body_map::{body_map, BodyMapProps};
pub use failure_notice::failure_notice;
pub use heading::{heading, heading_described};
pub use intro::{intro, IntroProps};
pub use language_switch::language_switch;
pub use question_step::{question_step, QuestionStepProps};
pub use red_flag_card::{red_flag_card, RedFlagCardProps};
pub use result_view::{result_view, ResultViewProps};
pub use take_along::TakeAlong;
