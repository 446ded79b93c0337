//! JSON Schema (draft 2020-12) generation from the format tables.
//!
//! The schema states every *error* rule the table can express; warnings are not part of a schema
//! (a payload with warnings is still valid). Rules that JSON Schema cannot express are named in
//! the `description` of the object that carries them.

use serde_json::{json, Map, Value};

use super::{Array, Extra, Field, Kind, Obj, Req, Str};
use crate::Severity;

/// The schema of a whole format, with its `$schema`, `$id` and `title`.
pub(crate) fn document(id: &str, root: &'static Obj) -> Value {
    let mut doc = Map::new();
    doc.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    doc.insert(
        "$id".into(),
        json!(format!("https://contactkit.dev/schemas/{id}.schema.json")),
    );
    if let Value::Object(body) = object(root) {
        doc.extend(body);
    }
    Value::Object(doc)
}

/// The schema of an object table.
pub(crate) fn object(obj: &'static Obj) -> Value {
    let mut s = Map::new();
    s.insert("title".into(), json!(obj.title));
    let mut description = obj.description.to_owned();
    if obj.extra == Extra::Warn {
        description.push_str(
            " Members not listed here are accepted by this schema; contactkit reports them as `unknown_field` warnings.",
        );
    }
    s.insert("description".into(), json!(description));
    s.insert("type".into(), json!("object"));
    let mut properties = Map::new();
    for field in obj.fields {
        properties.insert(field.name.into(), member(field));
    }
    s.insert("properties".into(), Value::Object(properties));
    let required: Vec<&str> = obj
        .fields
        .iter()
        .filter(|f| f.required == Req::Yes)
        .map(|f| f.name)
        .collect();
    if !required.is_empty() {
        s.insert("required".into(), json!(required));
    }
    if !obj.any_of_required.is_empty() {
        let any_of: Vec<Value> = obj
            .any_of_required
            .iter()
            .map(|name| json!({ "required": [name] }))
            .collect();
        s.insert("anyOf".into(), Value::Array(any_of));
    }
    if let Some(check) = obj.check {
        if let Value::Object(extra) = (check.schema)() {
            s.extend(extra);
        }
    }
    Value::Object(s)
}

pub(crate) fn member(field: &'static Field) -> Value {
    let mut s = match kind(&field.kind) {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    let mut description = String::new();
    if !field.label.is_empty() {
        description.push_str(field.label);
        description.push('.');
    }
    if !field.doc.is_empty() {
        description.push(' ');
        description.push_str(field.doc);
    }
    if field.loose {
        // A type mismatch is only a warning, so the schema does not constrain the type.
        s.remove("type");
        description
            .push_str(" The vendor's docs do not state the exact type; other types are warnings.");
    }
    if field.nullable {
        if let Some(Value::String(t)) = s.get_mut("type") {
            let t = std::mem::take(t);
            s.insert("type".into(), json!([t, "null"]));
        }
        if let Some(Value::Array(values)) = s.get_mut("enum") {
            values.push(Value::Null);
        }
    }
    if field.required == Req::Warn {
        description.push_str(
            " Probably required (a warning when missing); the vendor's docs do not state it.",
        );
    }
    if !description.is_empty() {
        s.insert("description".into(), json!(description.trim()));
    }
    Value::Object(s)
}

/// The schema of a value's rules.
pub(crate) fn kind(kind: &Kind) -> Value {
    match kind {
        Kind::Str(rules) => string(rules),
        // The bounds are always stated: the validator rejects integers outside i64 (e.g. 1e20).
        Kind::Int { min, max } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Array(array) => array_schema(array),
        Kind::Object(obj) => object(obj),
        Kind::Any => json!({}),
        Kind::Dynamic(dynamic) => (dynamic.schema)(),
    }
}

fn string(rules: &Str) -> Value {
    let mut s = Map::new();
    s.insert("type".into(), json!("string"));
    if rules.min > 0 {
        s.insert("minLength".into(), json!(rules.min));
    }
    if rules.max != u32::MAX {
        s.insert("maxLength".into(), json!(rules.max));
    }
    if let Some(format) = rules.format {
        if let Value::Object(keywords) = format.schema() {
            s.extend(keywords);
        }
    }
    if let Some(list) = rules.one_of {
        if list.severity == Severity::Error {
            if list.any_case {
                s.insert("pattern".into(), json!(any_case_pattern(list.values)));
            } else {
                s.insert("enum".into(), json!(list.values));
            }
        }
    }
    if !rules.reserved.is_empty() {
        s.insert("not".into(), json!({ "enum": rules.reserved }));
    }
    Value::Object(s)
}

fn array_schema(array: &Array) -> Value {
    let mut s = json!({ "type": "array", "items": kind(&array.items) });
    if array.min > 0 {
        s["minItems"] = json!(array.min);
    }
    if array.max != u32::MAX {
        s["maxItems"] = json!(array.max);
    }
    // For object items the validator compares only some members (e.g. an identifier's key and
    // value), so `uniqueItems` states the part of the rule a schema can: identical items.
    if array.unique == Some(Severity::Error) {
        s["uniqueItems"] = json!(true);
    }
    s
}

/// `^(?:[Mm][Aa][Ll][Ee]|...)$`: the values in any ASCII letter case, without regex flags
/// (ECMA-262 and Rust regexes both understand it).
fn any_case_pattern(values: &[&str]) -> String {
    let alternatives: Vec<String> = values
        .iter()
        .map(|v| {
            v.chars()
                .map(|c| {
                    if c.is_ascii_alphabetic() {
                        format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
                    } else if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                        c.to_string()
                    } else {
                        format!("\\{c}")
                    }
                })
                .collect()
        })
        .collect();
    format!("^(?:{})$", alternatives.join("|"))
}

/// Pretty JSON with a final newline: the committed form of every schema file.
pub(crate) fn to_pretty(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::any_case_pattern;

    #[test]
    fn any_case_pattern_is_plain_regex() {
        assert_eq!(
            any_case_pattern(&["male", "x-1"]),
            "^(?:[Mm][Aa][Ll][Ee]|[Xx]-1)$"
        );
    }
}
