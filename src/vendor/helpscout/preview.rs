//! What Help Scout holds after a Create Customer request, in the shape Get Customer returns it
//! (Create Customer itself answers 201 with no body, only a `Resource-ID` header).

use serde_json::{Map, Value};

use super::spec::GENDERS;
use crate::preview::{Placeholders, PLACEHOLDER_NUMBER};

/// Scalar members in the order of the Get Customer example, before `conversationCount`.
const LEADING: &[&str] = &[
    "firstName",
    "lastName",
    "gender",
    "jobTitle",
    "location",
    "organization",
    "organizationId",
    "photoType",
    "photoUrl",
    "age",
];

/// `male` → `Male`: Get Customer's example returns `"Male"`, the SDK's fixture `"Unknown"`.
fn gender(value: &str) -> Option<String> {
    let known = GENDERS
        .values
        .iter()
        .find(|g| g.eq_ignore_ascii_case(value))?;
    let mut chars = known.chars();
    let first = chars.next()?;
    Some(first.to_ascii_uppercase().to_string() + chars.as_str())
}

/// The entries of array member `member`, each `{id, value, type}` (`type` only when `typed`).
fn entries(p: &Map<String, Value>, member: &str, typed: bool) -> Vec<Value> {
    p.get(member)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .map(|item| {
            let mut e = Map::new();
            e.insert("id".into(), Value::from(PLACEHOLDER_NUMBER));
            e.insert(
                "value".into(),
                item.get("value").cloned().unwrap_or(Value::Null),
            );
            if typed {
                // Create Email: the v1 docs say the type defaults to work.
                let kind = item
                    .get("type")
                    .cloned()
                    .unwrap_or_else(|| Value::from("work"));
                e.insert("type".into(), kind);
            }
            Value::Object(e)
        })
        .collect()
}

/// The customer object for a valid create payload `p`.
pub(crate) fn customer(p: &Map<String, Value>, at: &Placeholders) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), Value::from(PLACEHOLDER_NUMBER));
    for &member in LEADING {
        let Some(value) = p.get(member) else { continue };
        let value = match (member, value) {
            ("gender", Value::String(g)) => gender(g).map_or_else(|| value.clone(), Value::from),
            // A string of digits is read as the number it is.
            ("organizationId", Value::String(s)) => s
                .trim()
                .parse::<i64>()
                .map_or_else(|_| value.clone(), Value::from),
            _ => value.clone(),
        };
        out.insert(member.into(), value);
    }
    out.insert("conversationCount".into(), Value::from(0));
    out.insert("createdAt".into(), Value::from(at.now_text.as_str()));
    out.insert("updatedAt".into(), Value::from(at.now_text.as_str()));
    if let Some(background) = p.get("background") {
        out.insert("background".into(), background.clone());
    }
    out.insert("draft".into(), Value::from(false));

    let mut embedded = Map::new();
    embedded.insert("emails".into(), Value::Array(entries(p, "emails", true)));
    let mut phones = entries(p, "phones", true);
    // The top-level phone is stored as one more phone of the customer, first, unless the list
    // already holds that number; its type is not documented: `other`.
    if let Some(Value::String(phone)) = p.get("phone") {
        let listed = phones
            .iter()
            .any(|e| e.get("value").and_then(Value::as_str) == Some(phone.as_str()));
        if !listed {
            let mut e = Map::new();
            e.insert("id".into(), Value::from(PLACEHOLDER_NUMBER));
            e.insert("value".into(), Value::from(phone.as_str()));
            e.insert("type".into(), Value::from("other"));
            phones.insert(0, Value::Object(e));
        }
    }
    embedded.insert("phones".into(), Value::Array(phones));
    embedded.insert("chats".into(), Value::Array(entries(p, "chats", true)));
    embedded.insert(
        "social_profiles".into(),
        Value::Array(entries(p, "socialProfiles", true)),
    );
    embedded.insert(
        "websites".into(),
        Value::Array(entries(p, "websites", false)),
    );
    embedded.insert("properties".into(), Value::Array(properties(p)));
    if let Some(Value::Object(address)) = p.get("address") {
        let mut a = Map::new();
        for member in ["city", "lines", "state", "postalCode", "country"] {
            if let Some(value) = address.get(member) {
                a.insert(member.into(), value.clone());
            }
        }
        if !a.contains_key("lines") {
            a.insert("lines".into(), Value::Array(Vec::new()));
        }
        embedded.insert("address".into(), Value::Object(a));
    }
    out.insert("_embedded".into(), Value::Object(embedded));
    Value::Object(out)
}

/// `properties` in either documented shape, as Get Customer's `[{slug, value}]` (the type, name
/// and text of each come from the account's property definitions, which the preview lacks).
fn properties(p: &Map<String, Value>) -> Vec<Value> {
    match p.get("properties") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| Some(slug_value(item.get("slug")?, item.get("value")?)))
            .collect(),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(slug, value)| slug_value(&Value::from(slug.as_str()), value))
            .collect(),
        _ => Vec::new(),
    }
}

/// `{slug, value}`.
fn slug_value(slug: &Value, value: &Value) -> Value {
    let mut map = Map::new();
    map.insert("slug".into(), slug.clone());
    map.insert("value".into(), value.clone());
    Value::Object(map)
}
