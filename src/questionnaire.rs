//! The questionnaire: the file an author writes, its checking, and the checked model the
//! rest of the product relies on.
//!
//! A file (`file`) is read from JSON (`json_read`), checked once by `validate` into a
//! [`model::Questionnaire`], and from then on trusted. The built-in questionnaire
//! (`builtin`) is checked at build time and compiled in, in the `compact` form.

pub mod builtin;
pub mod compact;
pub mod file;
pub mod json_read;
pub mod model;
pub mod validate;
