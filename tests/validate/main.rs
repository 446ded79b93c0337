//! Validation: the fixture suite, the documented rules row by row, custom attribute
//! definitions, hostile input, the JSON scanner against serde_json, arbitrary JSON, privacy of
//! messages, Intercom's own schema as an oracle, and the published schemas' agreement with the
//! validator. One module per subject; shared helpers in `tests/support/`.

#[path = "../support/mod.rs"]
mod support;

mod agreement;
// Conversion of arbitrary JSON to every format: needs the crate feature `convert`.
#[cfg(feature = "convert")]
mod arbitrary_json;
mod definitions;
mod fixtures;
mod hostile;
mod intercom_oracle;
mod json_syntax;
mod privacy;
mod rules;
