//! JSON Schema (draft 2020-12) generation from the format tables.
//!
//! The schema states every *error* rule the table can express; warnings are not part of a schema
//! (a payload with warnings is still valid). Rules that JSON Schema cannot express are named in
//! the `description` of the object that carries them.
//!
//! Schemas are built as the core's own [`Json`] values (objects as member lists that keep the
//! order of first insertion, as a `serde_json::Map` with `preserve_order` does) and written by
//! [`crate::json::write`]: a WebAssembly build links neither serde_json's `Value` and its
//! `indexmap` nor a serialiser for them. [`crate::generate_schema_value`] converts to a `Value`.

use std::borrow::Cow;

use super::{ArrayRules, Extra, Member, ObjectRules, Presence, StringRules, ValueRules};
use crate::json::{Json, Number};
use crate::Severity;

/// A schema, or a fragment of one.
pub(crate) type Schema = Json<'static>;

/// The members of a schema object, in order.
type Members = Vec<(Cow<'static, str>, Schema)>;

/// Schema keywords written as JSON text. A constant text is data, far smaller in the WebAssembly
/// module than code that builds the value; the schema tests keep every text valid (the committed
/// schemas are compared byte for byte). Read with the core's own scanner
/// ([`crate::json::parse`]), so that a WebAssembly build links no serde_json parser.
pub(crate) fn from_text(text: &'static str) -> Schema {
    crate::json::parse(text).unwrap_or(Json::Null)
}

/// [`from_text`] of a text whose `null`s are holes, filled in document order with `values`
/// (schemas made from the tables): a schema of constant text around generated parts, without
/// writing the parts as text and reading them back.
pub(crate) fn from_template(text: &'static str, values: Vec<Schema>) -> Schema {
    fn fill(schema: &mut Schema, values: &mut std::vec::IntoIter<Schema>) {
        match schema {
            Json::Null => {
                if let Some(value) = values.next() {
                    *schema = value;
                }
            }
            Json::Array(items) => {
                for item in items {
                    fill(item, values);
                }
            }
            Json::Object(members) => {
                for (_, value) in members {
                    fill(value, values);
                }
            }
            _ => {}
        }
    }
    let mut schema = from_text(text);
    fill(&mut schema, &mut values.into_iter());
    schema
}

/// A string value.
fn text(s: impl Into<Cow<'static, str>>) -> Schema {
    Json::String(s.into())
}

/// An integer value, as `serde_json::Value::from` classifies it.
pub(crate) fn integer(n: i64) -> Schema {
    Json::Number(u64::try_from(n).map_or(Number::I64(n), Number::U64))
}

/// An array of strings.
fn strings(values: &[&'static str]) -> Schema {
    let mut items = Vec::with_capacity(values.len());
    for v in values {
        items.push(text(*v));
    }
    Json::Array(items)
}

/// Sets a member of an object: replaced in its place when present, otherwise added at the end
/// (`serde_json::Map::insert`). One call instead of the same code at every place an object is
/// built (less WebAssembly code).
#[inline(never)]
fn set(members: &mut Members, key: impl Into<Cow<'static, str>>, value: Schema) {
    set_member(members, key.into(), value);
}

/// [`set`] with the key made (one instance for every kind of key).
#[inline(never)]
fn set_member(members: &mut Members, key: Cow<'static, str>, value: Schema) {
    match members.iter_mut().find(|(k, _)| *k == key) {
        Some(slot) => slot.1 = value,
        None => members.push((key, value)),
    }
}

/// Sets every member of `more`, an object (`serde_json::Map::extend`); anything else adds none.
fn extend(members: &mut Members, more: Schema) {
    if let Json::Object(more) = more {
        for (key, value) in more {
            set(members, key, value);
        }
    }
}

/// The value of a member, to change it in place.
fn member_mut<'m>(members: &'m mut Members, key: &str) -> Option<&'m mut Schema> {
    members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// The schema of a whole format, with its `$schema`, `$id` and `title`.
pub(crate) fn document(id: &str, root: &'static ObjectRules) -> Schema {
    let mut doc = Members::new();
    set(
        &mut doc,
        "$schema",
        text("https://json-schema.org/draft/2020-12/schema"),
    );
    let mut url = String::from("https://contactkit.dev/schemas/");
    url.push_str(id);
    url.push_str(".schema.json");
    set(&mut doc, "$id", text(url));
    extend(&mut doc, object(root));
    Json::Object(doc)
}

/// The schema of an object table.
pub(crate) fn object(obj: &'static ObjectRules) -> Schema {
    let mut s = Members::new();
    set(&mut s, "title", text(obj.title));
    let mut description = obj.description.to_owned();
    if obj.extra == Extra::Warn {
        description.push_str(
            " Members not listed here are accepted by this schema; contactkit reports them as `unknown_field` warnings.",
        );
    }
    set(&mut s, "description", text(description));
    set(&mut s, "type", text("object"));
    let mut properties = Members::new();
    for field in obj.members {
        set(&mut properties, field.name, member(field));
    }
    set(&mut s, "properties", Json::Object(properties));
    let mut required = Vec::new();
    for f in obj.members {
        if f.required == Presence::Required {
            required.push(text(f.name));
        }
    }
    if !required.is_empty() {
        set(&mut s, "required", Json::Array(required));
    }
    if !obj.any_of_required.is_empty() {
        let mut any_of = Vec::new();
        for name in obj.any_of_required {
            // An empty id is no id (docs/RULES.md#ids): it does not count as present.
            let id = obj.members.iter().any(|f| {
                f.name == *name
                    && matches!(f.kind, ValueRules::String(StringRules { id: true, .. }))
            });
            let mut alternative = Members::new();
            set(&mut alternative, "required", strings(&[name]));
            if id {
                let mut min = Members::new();
                set(&mut min, "minLength", integer(1));
                let mut properties = Members::new();
                set(&mut properties, *name, Json::Object(min));
                set(&mut alternative, "properties", Json::Object(properties));
            }
            any_of.push(Json::Object(alternative));
        }
        set(&mut s, "anyOf", Json::Array(any_of));
    }
    if obj.extra == Extra::Custom {
        set(&mut s, "propertyNames", non_empty_names_value());
    }
    if let Some(check) = obj.check {
        extend(&mut s, (check.schema)());
    }
    Json::Object(s)
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
fn non_empty_names_value() -> Schema {
    from_text(non_empty_names!())
}

pub(crate) fn member(field: &'static Member) -> Schema {
    let mut s = match kind(&field.kind) {
        Json::Object(members) => members,
        _ => Members::new(),
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
        // A type mismatch is only a warning, so the schema does not constrain the type. (The
        // last member takes the removed one's place, as `serde_json::Map::remove` does with
        // `preserve_order`.)
        if let Some(i) = s.iter().position(|(k, _)| k == "type") {
            s.swap_remove(i);
        }
        description
            .push_str(" The vendor's docs do not state the exact type; other types are warnings.");
    }
    if field.nullable {
        if let Some(t) = member_mut(&mut s, "type") {
            if let Json::String(name) = t {
                let name = std::mem::take(name);
                *t = Json::Array(vec![Json::String(name), text("null")]);
            }
        }
        if let Some(Json::Array(values)) = member_mut(&mut s, "enum") {
            values.push(Json::Null);
        }
    }
    if field.required == Presence::Expected {
        description.push_str(
            " Probably required (a warning when missing); the vendor's docs do not state it.",
        );
    }
    // The tables' labels and docs are plain text without leading or trailing Unicode-only
    // spaces (the committed schemas check every description), so ASCII trimming finds what
    // `trim` would, without std's Unicode whitespace search in the forms module (the builds
    // with conversion or `speed` link `trim` anyway, and keep it).
    let description = if cfg!(any(feature = "convert", feature = "speed")) {
        description.trim()
    } else {
        description.trim_ascii()
    };
    if !description.is_empty() {
        set(&mut s, "description", text(description.to_owned()));
    }
    Json::Object(s)
}

/// The schema of a value's rules.
pub(crate) fn kind(kind: &ValueRules) -> Schema {
    match kind {
        ValueRules::String(rules) => string(rules),
        // The bounds are always stated: the validator rejects integers outside i64 (e.g. 1e20).
        ValueRules::Integer(&super::IntegerRange { min, max }) => {
            let mut s = Members::new();
            set(&mut s, "type", text("integer"));
            set(&mut s, "minimum", integer(min));
            set(&mut s, "maximum", integer(max));
            Json::Object(s)
        }
        ValueRules::Boolean => {
            let mut s = Members::new();
            set(&mut s, "type", text("boolean"));
            Json::Object(s)
        }
        ValueRules::Array(array) => array_schema(array),
        ValueRules::Object(obj) => object(obj),
        ValueRules::Any => Json::Object(Vec::new()),
        ValueRules::Dynamic(dynamic) => (dynamic.schema)(),
    }
}

fn string(rules: &StringRules) -> Schema {
    let mut s = Members::new();
    set(&mut s, "type", text("string"));
    if rules.min > 0 {
        set(&mut s, "minLength", integer(i64::from(rules.min)));
    }
    if rules.max != u32::MAX {
        set(&mut s, "maxLength", integer(i64::from(rules.max)));
    }
    if let Some(format) = rules.format {
        extend(&mut s, format.schema());
    }
    if let Some(list) = rules.one_of {
        if list.severity == Severity::Error {
            if list.any_case {
                set(&mut s, "pattern", text(any_case_pattern(list.values)));
            } else {
                set(&mut s, "enum", strings(list.values));
            }
        }
    }
    if !rules.reserved.is_empty() {
        let mut not = Members::new();
        set(&mut not, "enum", strings(rules.reserved));
        set(&mut s, "not", Json::Object(not));
    }
    Json::Object(s)
}

fn array_schema(array: &ArrayRules) -> Schema {
    let mut s = Members::new();
    set(&mut s, "type", text("array"));
    set(&mut s, "items", kind(&array.items));
    if array.min > 0 {
        set(&mut s, "minItems", integer(i64::from(array.min)));
    }
    if array.max != u32::MAX {
        set(&mut s, "maxItems", integer(i64::from(array.max)));
    }
    // For object items the validator compares only some members (e.g. an identifier's key and
    // value), so `uniqueItems` states the part of the rule a schema can: identical items.
    if array.unique == Some(Severity::Error) {
        set(&mut s, "uniqueItems", Json::Bool(true));
    }
    Json::Object(s)
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

/// Pretty JSON with a final newline: the committed form of every schema file (as
/// `serde_json::to_string_pretty` writes it).
pub(crate) fn to_pretty(schema: &Schema) -> String {
    let mut text = String::new();
    crate::json::write::push_json_pretty(&mut text, schema, 0);
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
