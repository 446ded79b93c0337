//! JSON Schema (draft 2020-12) generation from the format tables.
//!
//! The schema states every *error* rule the table can express; warnings are not part of a schema
//! (a payload with warnings is still valid). Rules that JSON Schema cannot express are named in
//! the `description` of the object that carries them.

use serde_json::{Map, Value};

use super::{ArrayRules, Extra, Member, ObjectRules, Presence, StringRules, ValueRules};
use crate::Severity;

/// Schema keywords written as JSON text. A constant text is data, far smaller in the WebAssembly
/// module than the code the `json!` macro generates; the schema tests keep every text valid
/// (the committed schemas are compared byte for byte). Read with the core's own scanner
/// ([`crate::json::parse`]), so that a WebAssembly build links no serde_json parser.
pub(crate) fn from_text(text: &str) -> Value {
    crate::json::parse(text).map_or(Value::Null, |json| json.to_value())
}

/// An object of schema keywords (`Value::from` and a map rather than `json!`, whose
/// serialisation code costs WebAssembly size).
fn keywords(entries: &[(&str, Value)]) -> Value {
    let mut map = Map::new();
    for (key, value) in entries {
        map.insert((*key).to_owned(), value.clone());
    }
    Value::Object(map)
}

/// Adds a member to an object: one call instead of the key's allocation inlined at every place
/// an object is built (less WebAssembly code).
#[inline(never)]
pub(crate) fn put(map: &mut Map<String, Value>, key: &str, value: Value) {
    map.insert(key.to_owned(), value);
}

/// The schema of a whole format, with its `$schema`, `$id` and `title`.
pub(crate) fn document(id: &str, root: &'static ObjectRules) -> Value {
    let mut doc = Map::new();
    doc.insert(
        "$schema".into(),
        Value::from("https://json-schema.org/draft/2020-12/schema"),
    );
    doc.insert(
        "$id".into(),
        Value::from({
            let mut url = String::from("https://contactkit.dev/schemas/");
            url.push_str(id);
            url.push_str(".schema.json");
            url
        }),
    );
    if let Value::Object(body) = object(root) {
        doc.extend(body);
    }
    Value::Object(doc)
}

/// The schema of an object table.
pub(crate) fn object(obj: &'static ObjectRules) -> Value {
    let mut s = Map::new();
    put(&mut s, "title", Value::from(obj.title));
    let mut description = obj.description.to_owned();
    if obj.extra == Extra::Warn {
        description.push_str(
            " Members not listed here are accepted by this schema; contactkit reports them as `unknown_field` warnings.",
        );
    }
    put(&mut s, "description", Value::from(description));
    put(&mut s, "type", Value::from("object"));
    let mut properties = Map::new();
    for field in obj.members {
        properties.insert(field.name.into(), member(field));
    }
    put(&mut s, "properties", Value::Object(properties));
    let mut required: Vec<&str> = Vec::new();
    for f in obj.members {
        if f.required == Presence::Required {
            required.push(f.name);
        }
    }
    if !required.is_empty() {
        put(&mut s, "required", Value::from(required));
    }
    if !obj.any_of_required.is_empty() {
        // Built with `put` in plain loops rather than `json!` and iterator chains (less
        // WebAssembly code); the keys in the order `json!` gave them.
        let mut any_of = Vec::new();
        for name in obj.any_of_required {
            // An empty id is no id (docs/RULES.md#ids): it does not count as present.
            let id = obj.members.iter().any(|f| {
                f.name == *name
                    && matches!(f.kind, ValueRules::String(StringRules { id: true, .. }))
            });
            let mut alternative = Map::new();
            put(&mut alternative, "required", Value::from(vec![*name]));
            if id {
                let mut min = Map::new();
                put(&mut min, "minLength", Value::from(1));
                let mut properties = Map::new();
                put(&mut properties, name, Value::Object(min));
                put(&mut alternative, "properties", Value::Object(properties));
            }
            any_of.push(Value::Object(alternative));
        }
        put(&mut s, "anyOf", Value::Array(any_of));
    }
    if obj.extra == Extra::Custom {
        put(&mut s, "propertyNames", non_empty_names_value());
    }
    if let Some(check) = obj.check {
        if let Value::Object(extra) = (check.schema)() {
            s.extend(extra);
        }
    }
    Value::Object(s)
}

/// `propertyNames` of an object of custom attributes, as JSON text: a name has at least one
/// character. A macro so that the schema texts of vendor objects can `concat!` it.
macro_rules! non_empty_names {
    () => {
        r#"{"minLength": 1}"#
    };
}
pub(crate) use non_empty_names;

/// [`non_empty_names!`] as a value.
fn non_empty_names_value() -> Value {
    from_text(non_empty_names!())
}

pub(crate) fn member(field: &'static Member) -> Value {
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
            put(&mut s, "type", Value::from(vec![t, "null".to_owned()]));
        }
        if let Some(Value::Array(values)) = s.get_mut("enum") {
            values.push(Value::Null);
        }
    }
    if field.required == Presence::Expected {
        description.push_str(
            " Probably required (a warning when missing); the vendor's docs do not state it.",
        );
    }
    if !description.is_empty() {
        put(&mut s, "description", Value::from(description.trim()));
    }
    Value::Object(s)
}

/// The schema of a value's rules.
pub(crate) fn kind(kind: &ValueRules) -> Value {
    match kind {
        ValueRules::String(rules) => string(rules),
        // The bounds are always stated: the validator rejects integers outside i64 (e.g. 1e20).
        ValueRules::Integer { min, max } => keywords(&[
            ("type", Value::from("integer")),
            ("minimum", Value::from(*min)),
            ("maximum", Value::from(*max)),
        ]),
        ValueRules::Boolean => keywords(&[("type", Value::from("boolean"))]),
        ValueRules::Array(array) => array_schema(array),
        ValueRules::Object(obj) => object(obj),
        ValueRules::Any => Value::Object(Map::new()),
        ValueRules::Dynamic(dynamic) => (dynamic.schema)(),
    }
}

fn string(rules: &StringRules) -> Value {
    let mut s = Map::new();
    put(&mut s, "type", Value::from("string"));
    if rules.min > 0 {
        put(&mut s, "minLength", Value::from(rules.min));
    }
    if rules.max != u32::MAX {
        put(&mut s, "maxLength", Value::from(rules.max));
    }
    if let Some(format) = rules.format {
        if let Value::Object(keywords) = format.schema() {
            s.extend(keywords);
        }
    }
    if let Some(list) = rules.one_of {
        if list.severity == Severity::Error {
            if list.any_case {
                put(
                    &mut s,
                    "pattern",
                    Value::from(any_case_pattern(list.values)),
                );
            } else {
                put(&mut s, "enum", Value::from(list.values));
            }
        }
    }
    if !rules.reserved.is_empty() {
        s.insert(
            "not".into(),
            keywords(&[("enum", Value::from(rules.reserved))]),
        );
    }
    Value::Object(s)
}

fn array_schema(array: &ArrayRules) -> Value {
    let mut s = Map::new();
    put(&mut s, "type", Value::from("array"));
    put(&mut s, "items", kind(&array.items));
    if array.min > 0 {
        put(&mut s, "minItems", Value::from(array.min));
    }
    if array.max != u32::MAX {
        put(&mut s, "maxItems", Value::from(array.max));
    }
    // For object items the validator compares only some members (e.g. an identifier's key and
    // value), so `uniqueItems` states the part of the rule a schema can: identical items.
    // (`put` rather than `s["…"] =`, whose panic message would link `Value`'s `Display`.)
    if array.unique == Some(Severity::Error) {
        put(&mut s, "uniqueItems", Value::from(true));
    }
    Value::Object(s)
}

/// `^(?:[Mm][Aa][Ll][Ee]|...)$`: the values in any ASCII letter case, without regex flags
/// (ECMA-262 and Rust regexes both understand it). Written with pushes rather than `format!` and
/// `join` (less WebAssembly code).
fn any_case_pattern(values: &[&str]) -> String {
    let mut out = String::from("^(?:");
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        for c in v.chars() {
            if c.is_ascii_alphabetic() {
                out.push('[');
                out.push(c.to_ascii_uppercase());
                out.push(c.to_ascii_lowercase());
                out.push(']');
            } else if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                out.push(c);
            } else {
                out.push('\\');
                out.push(c);
            }
        }
    }
    out.push_str(")$");
    out
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
        assert_eq!(
            any_case_pattern(&["a.b", "c d"]),
            "^(?:[Aa]\\.[Bb]|[Cc]\\ [Dd])$"
        );
    }
}
