//! Helpers shared by the conversion tests.

#![allow(dead_code)]

use contactkit::{validate, Converted, Format, NoteCode};
use serde_json::{json, Value};

/// Intercom's own `create_contact_request` (2.15) as a compiled JSON Schema, with OpenAPI's
/// `nullable: true` turned into a `null` type union.
pub fn intercom_request_schema() -> jsonschema::Validator {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/vendor-specs/intercom-2.15-contacts.json"
    );
    let text = std::fs::read_to_string(path).expect("read the Intercom 2.15 spec");
    let doc: Value = serde_json::from_str(&text).expect("the Intercom spec is JSON");
    let mut schema = doc["create_contact_request"].clone();
    assert!(schema.is_object(), "create_contact_request is in the spec");
    nullable_to_union(&mut schema);
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&schema)
        .expect("create_contact_request compiles")
}

/// OpenAPI 3.0 `{"type": T, "nullable": true}` → JSON Schema `{"type": [T, "null"]}`.
fn nullable_to_union(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if map.remove("nullable") == Some(Value::Bool(true)) {
                if let Some(Value::String(t)) = map.get("type").cloned() {
                    map.insert("type".into(), json!([t, "null"]));
                }
            }
            for v in map.values_mut() {
                nullable_to_union(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(nullable_to_union),
        _ => {}
    }
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
