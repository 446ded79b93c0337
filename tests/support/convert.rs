//! Helpers shared by the conversion tests.

#![allow(dead_code)]

use contactkit::{validate, Converted, Format, NoteCode};
use serde_json::Value;

use super::vendor_spec::intercom_json_schema;

/// Intercom's own `create_contact_request` (2.15) as a compiled JSON Schema (formats are
/// annotations, as in draft 2020-12).
pub fn intercom_request_schema() -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .build(&intercom_json_schema("create_contact_request"))
        .expect("create_contact_request compiles")
}

/// Checks what holds for every successful conversion: the payload validates as the target,
/// an Intercom payload satisfies Intercom's own schema, `dropped` notes point into the source
/// and every other note into the target. Returns a description of the first violation.
pub fn check_converted(
    to: Format,
    input: &Value,
    converted: &Converted,
    intercom: &jsonschema::Validator,
) -> Result<(), String> {
    let report = validate(to, &converted.payload);
    if !report.is_valid() {
        return Err(format!("the payload is not valid as {to}: {report}"));
    }
    if to == Format::Intercom && !intercom.is_valid(&converted.payload) {
        let errors: Vec<String> = intercom
            .iter_errors(&converted.payload)
            .map(|e| e.to_string())
            .collect();
        return Err(format!(
            "the payload does not satisfy Intercom's create_contact_request: {errors:?}"
        ));
    }
    for note in &converted.notes {
        let (doc, which) = if note.code == NoteCode::Dropped {
            (input, "source")
        } else {
            (&converted.payload, "target")
        };
        if doc.pointer(&note.path).is_none() {
            return Err(format!(
                "note {:?} at {:?} does not point into the {which}",
                note.code, note.path
            ));
        }
    }
    Ok(())
}

/// The notes of a conversion as `(path, code)`.
pub fn note_codes(converted: &Converted) -> Vec<(&str, NoteCode)> {
    converted
        .notes
        .iter()
        .map(|n| (n.path.as_str(), n.code))
        .collect()
}
