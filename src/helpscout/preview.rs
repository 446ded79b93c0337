//! What Help Scout holds after a Create Customer request, in the shape Get Customer returns it
//! (Create Customer itself answers 201 with no body, only a `Resource-ID` header).

use crate::value::{Map, Value};

use crate::spec::Echo;
use crate::value::put;

use super::spec::GENDERS;
use crate::preview::Placeholders;
use crate::PreviewOptions;

/// The gender as Help Scout returns it: `male` → `Male` (Get Customer's example returns
/// `"Male"`, the SDK's fixture `"Unknown"`).
pub(crate) fn gender(value: &Value) -> Value {
    match value {
        Value::String(g) => title_case(g).map_or_else(|| value.clone(), Value::from),
        _ => value.clone(),
    }
}

/// An integer as Help Scout returns it: a string of digits is read as the number it is.
pub(crate) fn integer_or_digits(value: &Value) -> Value {
    match value {
        Value::String(s) => {
            crate::engine::shared::parse_i64(s.trim()).map_or_else(|| value.clone(), Value::from)
        }
        _ => value.clone(),
    }
}

/// `male` → `Male`, for a documented gender in any letter case.
fn title_case(value: &str) -> Option<String> {
    let known = GENDERS
        .values
        .iter()
        .find(|g| g.eq_ignore_ascii_case(value))?;
    let mut chars = known.chars();
    let first = chars.next()?;
    let mut out = String::with_capacity(known.len());
    out.push(first.to_ascii_uppercase());
    out.push_str(chars.as_str());
    Some(out)
}

/// The entries of array member `member`, each `{id, value, type}` (`type` only when `typed`).
fn entries(p: &Map, member: &str, typed: bool) -> Vec<Value> {
    let mut out = Vec::new();
    for item in crate::engine::shared::items(p, member) {
        let Some(item) = item.as_object() else {
            continue;
        };
        let mut e = Map::new();
        put(
            &mut e,
            "id",
            Value::from(PreviewOptions::PLACEHOLDER_NUMBER),
        );
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
            put(&mut e, "type", kind);
        }
        out.push(Value::Object(e));
    }
    out
}

/// The customer object for a valid create payload `p`.
pub(crate) fn customer(p: &Map, at: &Placeholders) -> Value {
    let mut out = Map::new();
    put(
        &mut out,
        "id",
        Value::from(PreviewOptions::PLACEHOLDER_NUMBER),
    );
    // The members the customer holds as sent (or as Help Scout rewrites them), in the order of
    // the Get Customer example, before `conversationCount`.
    for member in super::read_spec::CUSTOMER.members {
        let Some(value) = p.get(member.name) else {
            continue;
        };
        let value = match *member.echo {
            Echo::No => continue,
            Echo::AsSent => value.clone(),
            Echo::With(rewrite) => rewrite(value),
        };
        out.insert(member.name.into(), value);
    }
    put(&mut out, "conversationCount", Value::from(0));
    put(&mut out, "createdAt", Value::from(at.now_text.as_str()));
    put(&mut out, "updatedAt", Value::from(at.now_text.as_str()));
    if let Some(background) = p.get("background") {
        put(&mut out, "background", background.clone());
    }
    put(&mut out, "draft", Value::from(false));

    let mut embedded = Map::new();
    put(
        &mut embedded,
        "emails",
        Value::Array(entries(p, "emails", true)),
    );
    let mut phones = entries(p, "phones", true);
    // The top-level phone is stored as one more phone of the customer, first, unless the list
    // already holds that number; its type is not documented: `other`.
    if let Some(Value::String(phone)) = p.get("phone") {
        let listed = phones
            .iter()
            .any(|e| e.get("value").and_then(Value::as_str) == Some(phone.as_str()));
        if !listed {
            let mut e = Map::new();
            put(
                &mut e,
                "id",
                Value::from(PreviewOptions::PLACEHOLDER_NUMBER),
            );
            put(&mut e, "value", Value::from(phone.as_str()));
            put(&mut e, "type", Value::from("other"));
            // Not `Vec::insert`: its index assertion links core::fmt's integer formatting.
            let mut first = vec![Value::Object(e)];
            first.append(&mut phones);
            phones = first;
        }
    }
    put(&mut embedded, "phones", Value::Array(phones));
    put(
        &mut embedded,
        "chats",
        Value::Array(entries(p, "chats", true)),
    );
    embedded.insert(
        "social_profiles".into(),
        Value::Array(entries(p, "socialProfiles", true)),
    );
    embedded.insert(
        "websites".into(),
        Value::Array(entries(p, "websites", false)),
    );
    put(&mut embedded, "properties", Value::Array(properties(p)));
    if let Some(Value::Object(address)) = p.get("address") {
        let mut a = Map::new();
        for member in ["city", "lines", "state", "postalCode", "country"] {
            if let Some(value) = address.get(member) {
                a.insert(member.into(), value.clone());
            }
        }
        if !a.contains_key("lines") {
            put(&mut a, "lines", Value::Array(Vec::new()));
        }
        put(&mut embedded, "address", Value::Object(a));
    }
    put(&mut out, "_embedded", Value::Object(embedded));
    Value::Object(out)
}

/// `properties` in either documented shape, as Get Customer's `[{slug, value}]` (the type, name
/// and text of each come from the account's property definitions, which the preview lacks).
fn properties(p: &Map) -> Vec<Value> {
    let mut out = Vec::new();
    match p.get("properties") {
        Some(Value::Array(items)) => {
            for item in items {
                if let (Some(slug), Some(value)) = (item.get("slug"), item.get("value")) {
                    out.push(slug_value(slug, value));
                }
            }
        }
        Some(Value::Object(map)) => {
            for (slug, value) in map {
                out.push(slug_value(&Value::from(slug.as_str()), value));
            }
        }
        _ => {}
    }
    out
}

/// `{slug, value}`.
fn slug_value(slug: &Value, value: &Value) -> Value {
    let mut map = Map::new();
    put(&mut map, "slug", slug.clone());
    put(&mut map, "value", value.clone());
    Value::Object(map)
}
