//! What a reader takes to an appointment: the plain-text `summary` and the FHIR R4
//! resources (`fhir`), which serde writes as JSON.

pub mod fhir;
pub mod summary;
