//! What a reader takes to an appointment: the plain-text `summary` and the FHIR R4
//! resources (`fhir`), written with a small JSON writer (`json`).

pub mod fhir;
pub mod json;
pub mod summary;
