//! TypeScript types of the payloads, generated from the format tables: the fourth consumer of
//! the tables after the validator, the JSON Schemas and the form metadata. The npm package's
//! declarations (`crates/wasm`, `npm/payloads.d.ts`) wrap each in an interface.
//!
//! The type states what a *valid* payload holds: the documented members with their JSON types,
//! `null` where it is accepted, required members without `?`, enum members as unions of their
//! literals (a list that is only inferred, whose other values are warnings, also accepts any
//! string), and an index signature where the format accepts undocumented members as data
//! (custom attributes). Optional members are `T | undefined`, so objects built with
//! `exactOptionalPropertyTypes` and members explicitly `undefined` (which JSON drops) fit.
//! Rules a type cannot state (lengths, formats, "one of A, B is required", cross-field rules)
//! are left to the validator; the member docs name them.

use std::fmt::Write as _;

use serde_json::Value;

use super::{Extra, Member, ObjectRules, Presence, StringRules, ValueRules};
use crate::Severity;

/// The type of a format's payload: an object type literal whose lines after the first are
/// indented by `indent` spaces. It refers to `JsonValue` (any JSON value), which the file that
/// embeds it declares.
pub(crate) fn object_type(obj: &'static ObjectRules, indent: usize) -> String {
    let mut out = String::new();
    object(obj, indent, &mut out);
    out
}

fn object(obj: &'static ObjectRules, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent + 2);
    out.push_str("{\n");
    for field in obj.members {
        member(field, indent + 2, out);
    }
    if matches!(obj.extra, Extra::Allow | Extra::Custom) {
        let _ = writeln!(
            out,
            "{pad}/** Any other member is accepted as data (a custom attribute). */"
        );
        let _ = writeln!(out, "{pad}[member: string]: unknown;");
    }
    out.push_str(&" ".repeat(indent));
    out.push('}');
}

fn member(field: &'static Member, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    // The member's description in the JSON Schema: its label, its docs, and what the schema
    // cannot state (a loose type, a probable requirement).
    let schema = super::schema::member(field).to_value();
    let doc = schema
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if !doc.is_empty() {
        let _ = writeln!(out, "{pad}/** {} */", doc.replace("*/", "*\\/"));
    }
    let mut ty = String::new();
    kind(&field.kind, indent, &mut ty);
    // A Dynamic value's schema may accept `null` itself.
    if field.nullable && !ty.ends_with(" | null") {
        ty.push_str(" | null");
    }
    let name = property_name(field.name);
    if field.required == Presence::Required {
        let _ = writeln!(out, "{pad}{name}: {ty};");
    } else {
        let _ = writeln!(out, "{pad}{name}?: {ty} | undefined;");
    }
}

fn kind(kind: &ValueRules, indent: usize, out: &mut String) {
    match kind {
        ValueRules::String(rules) => string(rules, out),
        ValueRules::Integer(_) => out.push_str("number"),
        ValueRules::Boolean => out.push_str("boolean"),
        ValueRules::Array(array) => {
            out.push_str("Array<");
            self::kind(&array.items, indent, out);
            out.push('>');
        }
        ValueRules::Object(obj) => object(obj, indent, out),
        ValueRules::Any => out.push_str("JsonValue"),
        ValueRules::Dynamic(dynamic) => schema(&(dynamic.schema)().to_value(), indent, out),
    }
}

fn string(rules: &StringRules, out: &mut String) {
    let Some(list) = rules.one_of else {
        out.push_str("string");
        return;
    };
    let literals: Vec<String> = list.values.iter().map(|v| literal(v)).collect();
    out.push_str(&literals.join(" | "));
    if list.severity != Severity::Error {
        // An inferred list: other values are only warnings. `string & {}` keeps the literals
        // offered by editors while accepting any string.
        out.push_str(" | (string & {})");
    }
}

/// The type of a JSON Schema fragment (the schemas of [`super::Dynamic`] values): the subset
/// those use (`type`, `enum`, `oneOf`, `anyOf`, `items`, `properties`, `required`,
/// `additionalProperties`).
fn schema(s: &Value, indent: usize, out: &mut String) {
    let alternatives = s
        .get("oneOf")
        .or_else(|| s.get("anyOf"))
        .and_then(Value::as_array);
    if let Some(alternatives) = alternatives {
        for (i, alternative) in alternatives.iter().enumerate() {
            if i > 0 {
                out.push_str(" | ");
            }
            schema(alternative, indent, out);
        }
        return;
    }
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        let literals: Vec<String> = values.iter().map(Value::to_string).collect();
        out.push_str(&literals.join(" | "));
        return;
    }
    let types: Vec<&str> = match s.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if types.is_empty() {
        out.push_str("JsonValue");
        return;
    }
    let mut seen: Vec<&str> = Vec::new();
    for t in types {
        let ty = match t {
            "integer" | "number" => "number",
            other => other,
        };
        if seen.contains(&ty) {
            continue;
        }
        if !seen.is_empty() {
            out.push_str(" | ");
        }
        seen.push(ty);
        match ty {
            "array" => {
                out.push_str("Array<");
                match s.get("items") {
                    Some(items) => schema(items, indent, out),
                    None => out.push_str("JsonValue"),
                }
                out.push('>');
            }
            "object" => schema_object(s, indent, out),
            "string" | "number" | "boolean" | "null" => out.push_str(ty),
            _ => out.push_str("JsonValue"),
        }
    }
}

fn schema_object(s: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent + 2);
    let required: Vec<&str> = s
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    out.push_str("{\n");
    let properties = s.get("properties").and_then(Value::as_object);
    for (name, sub) in properties.into_iter().flatten() {
        if let Some(description) = sub.get("description").and_then(Value::as_str) {
            let _ = writeln!(out, "{pad}/** {} */", description.replace("*/", "*\\/"));
        }
        let mut ty = String::new();
        schema(sub, indent + 2, &mut ty);
        if required.contains(&name.as_str()) {
            let _ = writeln!(out, "{pad}{}: {ty};", property_name(name));
        } else {
            let _ = writeln!(out, "{pad}{}?: {ty} | undefined;", property_name(name));
        }
    }
    match (s.get("additionalProperties"), properties.is_some()) {
        (Some(Value::Bool(false)), _) => {}
        (Some(extra @ Value::Object(_)), false) => {
            let mut ty = String::new();
            schema(extra, indent + 2, &mut ty);
            let _ = writeln!(out, "{pad}[member: string]: {ty};");
        }
        (None, false) => {
            let _ = writeln!(out, "{pad}[member: string]: JsonValue;");
        }
        // Documented members and no word on others: contactkit's schemas leave
        // `additionalProperties` out for objects whose other members are `unknown_field`
        // warnings, so the type lists the documented members only.
        (None, true) => {}
        // Documented members with other members allowed: the index signature must admit the
        // documented members' types too.
        _ => {
            let _ = writeln!(out, "{pad}[member: string]: unknown;");
        }
    }
    out.push_str(&" ".repeat(indent));
    out.push('}');
}

/// A member name as TypeScript writes it: bare when it is an identifier, quoted otherwise.
fn property_name(name: &str) -> String {
    let mut chars = name.chars();
    let identifier = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if identifier {
        name.to_owned()
    } else {
        literal(name)
    }
}

/// A TypeScript string literal (JSON string syntax is valid TypeScript).
fn literal(value: &str) -> String {
    Value::from(value).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Format;

    #[test]
    fn members_are_typed_from_the_table() {
        let ts = object_type(Format::HelpScout.spec(), 0);
        assert!(ts.starts_with("{\n"), "{ts}");
        assert!(ts.ends_with("\n}"), "{ts}");
        assert!(ts.contains("\n  firstName?: string | undefined;\n"), "{ts}");
        // A loosely typed member keeps its documented type.
        assert!(
            ts.contains("\n  organizationId?: number | undefined;\n"),
            "{ts}"
        );
        // A documented list (any letter case is only a warning): its literals.
        assert!(
            ts.contains("\n  gender?: \"male\" | \"female\" | \"unknown\" | undefined;\n"),
            "{ts}"
        );
        // Help Scout warns about undocumented members: no index signature at the top.
        assert!(!ts.contains("\n  [member: string]"), "{ts}");
        // properties: a list of {slug, value} or an object of slug: value.
        assert!(ts.contains("properties?: Array<{"), "{ts}");
        assert!(ts.contains("    slug: string;\n"), "{ts}");
        let ts = object_type(Format::Intercom.spec(), 0);
        assert!(ts.contains("\n  } | null | undefined;\n"), "{ts}");
        assert!(!ts.contains("null | null"), "{ts}");
    }

    #[test]
    fn required_nullable_and_open_objects() {
        let ts = object_type(Format::Sequence.spec(), 0);
        assert!(ts.contains("\n  externalId: string;\n"), "{ts}");
        assert!(
            ts.contains("\n  firstName?: string | null | undefined;\n"),
            "{ts}"
        );
        assert!(ts.contains("\n  [member: string]: unknown;\n"), "{ts}");
        let ts = object_type(Format::Bird.spec(), 0);
        assert!(ts.contains("\n  displayName: string;\n"), "{ts}");
    }

    #[test]
    fn inferred_lists_accept_any_string() {
        let ts = object_type(Format::HelpScout.spec(), 0);
        // Help Scout email types are an inferred list (other values are warnings).
        let emails = ts
            .split("emails?: ")
            .nth(1)
            .and_then(|rest| rest.split("}>").next())
            .expect("emails");
        assert!(emails.contains("| (string & {})"), "{emails}");
    }

    #[test]
    fn names_and_literals_are_quoted_when_needed() {
        assert_eq!(property_name("firstName"), "firstName");
        assert_eq!(property_name("$id"), "$id");
        assert_eq!(property_name("first-name"), "\"first-name\"");
        assert_eq!(property_name("0a"), "\"0a\"");
        assert_eq!(literal("a\"b"), "\"a\\\"b\"");
    }

    #[test]
    fn docs_cannot_close_the_comment() {
        let mut out = String::new();
        schema(
            &serde_json::json!({"type": "object", "properties": {"a": {"type": "string", "description": "x */ y"}}}),
            0,
            &mut out,
        );
        assert!(out.contains("x *\\/ y"), "{out}");
        assert!(out.contains("a?: string | undefined;"), "{out}");
        assert!(!out.contains("[member: string]"), "{out}");
    }
}
