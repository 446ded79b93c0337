//! Intercom's OpenAPI extract (REST API 2.15), `vendor-specs/intercom-2.15-contacts.json`
//! (MIT; source and commit in `vendor-specs/README.md`), for the tests that use it as an
//! independent oracle.
//!
//! The one loader of the file: the core's tests declare `mod vendor_spec;`, the CLI's
//! `#[path = "../../../tests/vendor_spec/mod.rs"] mod vendor_spec;`. The file is compiled in
//! with `include_str!` (a path relative to this file), so it is found inside the repository
//! whichever crate's tests include the module.

#![allow(dead_code)]

use std::sync::OnceLock;

use serde_json::{json, Map, Value};

/// The whole extract: `create_contact_request`, `contact`, `error`, `operation`, `examples`.
pub fn intercom_spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        serde_json::from_str(include_str!(
            "../../vendor-specs/intercom-2.15-contacts.json"
        ))
        .expect("vendor-specs/intercom-2.15-contacts.json is JSON")
    })
}

/// One schema of the extract (`create_contact_request`, `contact`, `error`) as a JSON Schema
/// (draft 2020-12): see [`from_openapi`].
pub fn intercom_json_schema(name: &str) -> Value {
    let schema = &intercom_spec()[name];
    assert!(
        schema.is_object(),
        "the Intercom extract has no schema {name:?}"
    );
    let mut converted = from_openapi(schema);
    converted["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    converted
}

/// An OpenAPI 3.0 schema object → JSON Schema 2020-12: `nullable: true` becomes a type union
/// with `"null"` (and `null` joins an `enum`); OpenAPI's `example` annotations are dropped.
/// Only members that hold schemas are descended into, so a property *named* `nullable` or
/// `example` would be kept.
pub fn from_openapi(schema: &Value) -> Value {
    let Value::Object(map) = schema else {
        return schema.clone();
    };
    let nullable = map.get("nullable") == Some(&Value::Bool(true));
    let mut out = Map::new();
    for (key, value) in map {
        let converted = match key.as_str() {
            "nullable" | "example" => continue,
            // Maps of schemas.
            "properties" | "patternProperties" | "$defs" => match value {
                Value::Object(m) => Value::Object(
                    m.iter()
                        .map(|(k, v)| (k.clone(), from_openapi(v)))
                        .collect(),
                ),
                other => other.clone(),
            },
            // Lists of schemas.
            "allOf" | "anyOf" | "oneOf" => match value {
                Value::Array(a) => Value::Array(a.iter().map(from_openapi).collect()),
                other => other.clone(),
            },
            // One schema.
            "items" | "additionalProperties" | "not" => from_openapi(value),
            _ => value.clone(),
        };
        out.insert(key.clone(), converted);
    }
    if nullable {
        if let Some(Value::String(t)) = out.get("type").cloned() {
            out.insert("type".into(), json!([t, "null"]));
        }
        if let Some(Value::Array(values)) = out.get_mut("enum") {
            values.push(Value::Null);
        }
    }
    Value::Object(out)
}
