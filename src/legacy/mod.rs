//! The serde-based validator that the scanner engine replaced, kept unchanged as the oracle of
//! the differential test (`tests/engine_identity.rs`) until it has run green on large samples.
//! Hidden, not part of the API, and deleted with that test.

mod checks;
mod properties;
mod validate;

use serde_json::Value;

use crate::{Format, Report, ValidateOptions};

fn settings(options: &ValidateOptions) -> validate::Settings<'_> {
    validate::Settings {
        definitions: options.definitions.as_ref(),
        show_values: options.show_values,
    }
}

/// The old `Validator::validate_slice`.
#[must_use]
pub fn validate_slice(format: Format, json: &[u8], options: &ValidateOptions) -> Report {
    validate::validate_slice(format.spec(), json, settings(options))
}

/// The old `Validator::validate_str`.
#[must_use]
pub fn validate_str(format: Format, json: &str, options: &ValidateOptions) -> Report {
    validate::validate_str(format.spec(), json, settings(options))
}

/// The old `Validator::validate`.
#[must_use]
pub fn validate_value(format: Format, value: &Value, options: &ValidateOptions) -> Report {
    validate::validate_value(format.spec(), value, settings(options))
}
