//! What Bird returns for a Create a contact request: the contact object of its 201 response
//! (https://docs.bird.com/api/contacts-api/api-reference/manage-workspace-contacts/create-a-contact), with its
//! derived members computed.

use crate::value::{Map, Value};

use crate::value::put;

use super::spec::{EMAIL_KEY, PHONE_KEY};
use crate::preview::Placeholders;
use crate::PreviewOptions;

/// The identifier key of the identifiers that leave a contact anonymous (Create a contact,
/// `isAnonymous`: "A contact is
/// anonymous if it has no identifiers, or only has visitorid identifiers").
pub(crate) const VISITOR_KEY: &str = "visitorid";

/// The identifiers of a valid create payload, as `(key, value)`.
fn identifiers(p: &Map) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for item in crate::engine::shared::items(p, "identifiers") {
        let key = item.get("key").and_then(Value::as_str);
        if let (Some(key), Some(value)) = (key, item.get("value").and_then(Value::as_str)) {
            out.push((key, value));
        }
    }
    out
}

/// A string attribute value (the first string of an array value).
fn attribute<'a>(attributes: &'a Map, key: &str) -> Option<&'a str> {
    match attributes.get(key)? {
        Value::String(s) => Some(s.as_str()),
        Value::Array(items) => items.iter().find_map(Value::as_str),
        _ => None,
    }
    .filter(|s| !s.trim().is_empty())
}

/// `computedDisplayName` (Create a contact, response): "derived, in the following order if available, from the
/// displayName attribute, the firstName attribute, the emailaddress identifier, or the
/// phonenumber identifier".
pub(crate) fn computed_display_name(
    attributes: &Map,
    identifiers: &[(&str, &str)],
) -> Option<String> {
    let first = |key: &str| identifiers.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    attribute(attributes, "displayName")
        .or_else(|| attribute(attributes, "firstName"))
        .or_else(|| first(EMAIL_KEY))
        .or_else(|| first(PHONE_KEY))
        .map(str::to_owned)
}

/// `isAnonymous` (Create a contact, response): no identifiers, or only `visitorid` ones.
pub(crate) fn is_anonymous(identifiers: &[(&str, &str)]) -> bool {
    identifiers.iter().all(|(key, _)| *key == VISITOR_KEY)
}

/// `{k1: v1, k2: v2}` of two strings.
pub(crate) fn pair(k1: &str, v1: &str, k2: &str, v2: &str) -> Value {
    let mut map = Map::new();
    map.insert(k1.into(), Value::from(v1));
    map.insert(k2.into(), Value::from(v2));
    Value::Object(map)
}

/// A string list member, or `[]`.
fn strings(p: &Map, member: &str) -> Value {
    match p.get(member) {
        Some(Value::Array(items)) => Value::Array(items.clone()),
        _ => Value::Array(Vec::new()),
    }
}

/// The contact object for a valid create payload `p`.
pub(crate) fn contact(p: &Map, at: &Placeholders) -> Value {
    let ids = identifiers(p);
    let mut attributes = match p.get("attributes") {
        Some(Value::Object(map)) => map.clone(),
        _ => Map::new(),
    };
    // The body's required displayName is the contact's display name, the standard attribute
    // `displayName` (Bird's data model page lists "Display name" among the standard attributes);
    // an attribute of that name in the body is kept.
    if let (false, Some(name)) = (
        attributes.contains_key("displayName"),
        p.get("displayName").and_then(Value::as_str),
    ) {
        put(&mut attributes, "displayName", Value::from(name));
    }
    // Every identifier is mirrored into the attributes as an array under its key (the create
    // response example: "emailaddress": ["contacts@bird.com"]).
    let mut mirrored: Vec<(&str, Vec<Value>)> = Vec::new();
    for (key, value) in &ids {
        match mirrored.iter_mut().find(|(k, _)| k == key) {
            Some((_, values)) => values.push(Value::from(*value)),
            None => mirrored.push((key, vec![Value::from(*value)])),
        }
    }
    for (key, values) in mirrored {
        attributes.insert(key.to_owned(), Value::Array(values));
    }
    let mut featured = Vec::with_capacity(ids.len());
    for (key, value) in &ids {
        featured.push(pair("key", key, "value", value));
    }
    let mut out = Map::new();
    put(&mut out, "id", Value::from(PreviewOptions::PLACEHOLDER_ID));
    if let Some(name) = computed_display_name(&attributes, &ids) {
        put(&mut out, "computedDisplayName", Value::from(name));
    }
    put(&mut out, "createdAt", Value::from(at.now_text.as_str()));
    put(&mut out, "updatedAt", Value::from(at.now_text.as_str()));
    put(
        &mut out,
        "workspaceId",
        Value::from(PreviewOptions::PLACEHOLDER_ID),
    );
    put(&mut out, "featuredIdentifiers", Value::Array(featured));
    put(&mut out, "attributes", Value::Object(attributes));
    put(&mut out, "identifierCount", Value::from(ids.len()));
    put(&mut out, "accountIds", strings(p, "accountIds"));
    put(&mut out, "listIds", strings(p, "listIds"));
    put(&mut out, "companyRefs", strings(p, "companyRefs"));
    put(&mut out, "isAnonymous", Value::from(is_anonymous(&ids)));
    Value::Object(out)
}
