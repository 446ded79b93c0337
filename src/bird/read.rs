//! `bird-contact` → canonical: the contact object Bird returns (see docs/READ-FORMATS.md): the
//! function that reads its names, identifiers and attributes together (the members and how each
//! crosses are declared in `read_spec`).

use crate::value::{Map, Value};

use super::spec::{EMAIL_KEY, PHONE_KEY};
use super::EXTERNAL_ID_KEY;
use crate::engine::concat;
use crate::engine::crossing::At;
use crate::engine::import::{Importer, EMPTY_ID};
use crate::engine::provenance::{ContactPath, SourcePath};
use crate::engine::read::objects;
use crate::model::ContactField;
use crate::model::{Email, Identifier, Phone};

/// An identifier found in the object, with where it was found.
struct Found<'s> {
    key: &'s str,
    value: &'s str,
    at: SourcePath<'s>,
}

/// The values of an attribute that mirrors identifiers: an array of strings (or one string).
fn mirrored(value: &Value) -> Option<Vec<(Option<usize>, &str)>> {
    match value {
        Value::String(s) => Some(vec![(None, s.as_str())]),
        Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, v) in items.iter().enumerate() {
                out.push((Some(i), v.as_str()?));
            }
            Some(out)
        }
        _ => None,
    }
}

/// Names, identifiers and attributes. Identifiers come from `featuredIdentifiers`, then from
/// their mirrors in `attributes` (`emailaddress`, `phonenumber`, `external_id`, and any key a
/// featured identifier has), each key and value once. The full name is `attributes.displayName`, else
/// `computedDisplayName` when Bird did not derive it from the first name, an email or a phone.
pub(crate) fn contact<'s>(obj: &'s Map, _: At, imp: &mut Importer<'s>) {
    let attributes = match obj.get("attributes") {
        Some(Value::Object(map)) => Some(map),
        _ => None,
    };
    let mut found: Vec<Found<'s>> = Vec::new();
    for (i, item) in objects(obj, "featuredIdentifiers") {
        let at = SourcePath::Item("featuredIdentifiers", i);
        imp.dropped_unknown(item, &["key", "value"], at);
        let (Some(key), Some(value)) = (imp.string(item, "key", at), imp.string(item, "value", at))
        else {
            imp.dropped(at, "has no string key and value");
            continue;
        };
        found.push(Found { key, value, at });
    }
    let mut mirror_keys: Vec<&str> = vec![EMAIL_KEY, PHONE_KEY, EXTERNAL_ID_KEY];
    for f in &found {
        if !mirror_keys.contains(&f.key) {
            mirror_keys.push(f.key);
        }
    }
    let mut mirrors: Vec<&str> = Vec::new();
    if let Some(attributes) = attributes {
        for (key, value) in attributes {
            if !mirror_keys.contains(&key.as_str()) {
                continue;
            }
            let Some(values) = mirrored(value) else {
                continue;
            };
            mirrors.push(key);
            for (i, v) in values {
                let at = match i {
                    Some(i) => SourcePath::KeyItem("attributes", key, i),
                    None => SourcePath::Key("attributes", key),
                };
                found.push(Found { key, value: v, at });
            }
        }
    }
    let mut seen: Vec<(&str, &str)> = Vec::with_capacity(found.len());
    for f in found {
        if seen.contains(&(f.key, f.value)) {
            continue;
        }
        seen.push((f.key, f.value));
        identifier(imp, f);
    }
    if let Some(attributes) = attributes {
        for (key, value) in attributes {
            if mirrors.contains(&key.as_str()) {
                continue;
            }
            attribute(imp, key, value);
        }
    }
    computed_display_name(obj, imp);
}

fn identifier<'s>(imp: &mut Importer<'s>, f: Found<'s>) {
    if f.key == EXTERNAL_ID_KEY && f.value.is_empty() {
        imp.dropped(f.at, EMPTY_ID);
        return;
    }
    let c = &mut imp.contact;
    let loc = match f.key {
        EMAIL_KEY => {
            c.emails.push(Email {
                value: f.value.to_owned(),
                kind: None,
            });
            ContactPath::Item(ContactField::Emails, c.emails.len() - 1)
        }
        PHONE_KEY => {
            c.phones.push(Phone {
                value: f.value.to_owned(),
                kind: None,
            });
            ContactPath::Item(ContactField::Phones, c.phones.len() - 1)
        }
        EXTERNAL_ID_KEY if c.external_id.is_none() => {
            c.external_id = Some(f.value.to_owned());
            ContactPath::Field(ContactField::ExternalId)
        }
        _ => {
            c.identifiers.push(Identifier {
                key: f.key.to_owned(),
                value: f.value.to_owned(),
            });
            ContactPath::Item(ContactField::Identifiers, c.identifiers.len() - 1)
        }
    };
    imp.trace(loc, f.at);
}

/// One attribute that is not an identifier mirror.
fn attribute<'s>(imp: &mut Importer<'s>, key: &'s str, value: &'s Value) {
    let at = SourcePath::Key("attributes", key);
    let field = match key {
        "displayName" => ContactField::FullName,
        "firstName" => ContactField::FirstName,
        "lastName" => ContactField::LastName,
        _ => {
            imp.contact
                .custom_attributes
                .insert(key.to_owned(), value.clone());
            imp.trace(ContactPath::Custom(key), at);
            return;
        }
    };
    match value {
        Value::Null => {}
        Value::String(s) if s.is_empty() => {}
        Value::String(s) => {
            if let Some(slot) = field.text_mut(&mut imp.contact) {
                *slot = Some(s.clone());
                imp.trace(ContactPath::Field(field), at);
            }
        }
        _ => imp.dropped(
            at,
            concat(&[
                "is not a string, and the canonical ",
                field.label(),
                " is one",
            ]),
        ),
    }
}

/// `computedDisplayName` is the full name when there is no `displayName` attribute and Bird did
/// not derive it from the first name, an email or a phone (those are imported as such).
fn computed_display_name(obj: &Map, imp: &mut Importer<'_>) {
    let Some(Value::String(computed)) = obj.get("computedDisplayName") else {
        return;
    };
    let c = &imp.contact;
    let derived = computed.is_empty()
        || c.full_name.is_some()
        || c.first_name.as_deref() == Some(computed)
        || c.emails.iter().any(|e| e.value == *computed)
        || c.phones.iter().any(|p| p.value == *computed);
    if !derived {
        imp.contact.full_name = Some(computed.clone());
        imp.trace(
            ContactPath::Field(ContactField::FullName),
            SourcePath::Member("computedDisplayName"),
        );
    }
}
