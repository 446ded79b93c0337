//! `bird-contact` → canonical: the contact object Bird returns (see docs/READ-FORMATS.md).

use serde_json::{Map, Value};

use super::import;
use super::spec::{EMAIL_KEY, PHONE_KEY};
use super::EXTERNAL_ID_KEY;
use crate::canonical::mapping::{CField as F, CField, Importer, Loc, Src, Table, EMPTY_ID};
use crate::canonical::{Email, Identifier, Phone};
use crate::vendor::read::{ignored, objects, read};

/// Members that are not contact data: ids and times Bird assigns, and values Bird derives from
/// the identifiers.
const IGNORED: &[&str] = &[
    "id",
    "createdAt",
    "updatedAt",
    "workspaceId",
    "identifierCount",
    "isAnonymous",
];

/// Bird's contact object → canonical, in the order of the response fields of Create a contact
/// (docs/RULES.md#bird-contact).
pub(crate) static TABLE: Table = Table::new(&[
    ignored(IGNORED),
    read(
        &["computedDisplayName", "featuredIdentifiers", "attributes"],
        &[
            ("attributes.displayName", F::FullName),
            ("computedDisplayName", F::FullName),
            ("attributes.firstName", F::FirstName),
            ("attributes.lastName", F::LastName),
            ("featuredIdentifiers[emailaddress]", F::Emails),
            ("attributes.emailaddress", F::Emails),
            ("featuredIdentifiers[phonenumber]", F::Phones),
            ("attributes.phonenumber", F::Phones),
            ("featuredIdentifiers[external_id]", F::ExternalId),
            ("attributes.external_id", F::ExternalId),
            ("featuredIdentifiers[*]", F::Identifiers),
            ("attributes.*", F::CustomAttributes),
        ],
        contact,
    ),
    read(
        &["accountIds"],
        &[("accountIds", F::AccountIds)],
        import::account_ids,
    ),
    read(&["listIds"], &[("listIds", F::ListIds)], import::list_ids),
    read(
        &["companyRefs"],
        &[("companyRefs", F::CompanyRefs)],
        import::company_refs,
    ),
]);

/// An identifier found in the object, with where it was found.
struct Found<'s> {
    key: &'s str,
    value: &'s str,
    at: Src<'s>,
}

/// The values of an attribute that mirrors identifiers: an array of strings (or one string).
fn mirrored(value: &Value) -> Option<Vec<(Option<usize>, &str)>> {
    match value {
        Value::String(s) => Some(vec![(None, s.as_str())]),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| v.as_str().map(|s| (Some(i), s)))
            .collect(),
        _ => None,
    }
}

/// Names, identifiers and attributes. Identifiers come from `featuredIdentifiers`, then from
/// their mirrors in `attributes` (`emailaddress`, `phonenumber`, `external_id`, and any key a
/// featured identifier has), each key and value once. The full name is `attributes.displayName`, else
/// `computedDisplayName` when Bird did not derive it from the first name, an email or a phone.
fn contact<'s>(obj: &'s Map<String, Value>, imp: &mut Importer<'s>) {
    let attributes = match obj.get("attributes") {
        Some(Value::Object(map)) => Some(map),
        _ => None,
    };
    let mut found: Vec<Found<'s>> = Vec::new();
    for (i, item) in objects(obj, "featuredIdentifiers") {
        let at = Src::Item("featuredIdentifiers", i);
        imp.drop_unknown(item, &["key", "value"], at);
        let (Some(key), Some(value)) = (imp.string(item, "key", at), imp.string(item, "value", at))
        else {
            imp.drop(at, "has no string key and value");
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
                    Some(i) => Src::KeyItem("attributes", key, i),
                    None => Src::Key("attributes", key),
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
        imp.drop(f.at, EMPTY_ID);
        return;
    }
    let c = &mut imp.contact;
    let loc = match f.key {
        EMAIL_KEY => {
            c.emails.push(Email {
                value: f.value.to_owned(),
                kind: None,
            });
            Loc::Item(CField::Emails, c.emails.len() - 1)
        }
        PHONE_KEY => {
            c.phones.push(Phone {
                value: f.value.to_owned(),
                kind: None,
            });
            Loc::Item(CField::Phones, c.phones.len() - 1)
        }
        EXTERNAL_ID_KEY if c.external_id.is_none() => {
            c.external_id = Some(f.value.to_owned());
            Loc::Field(CField::ExternalId)
        }
        _ => {
            c.identifiers.push(Identifier {
                key: f.key.to_owned(),
                value: f.value.to_owned(),
            });
            Loc::Item(CField::Identifiers, c.identifiers.len() - 1)
        }
    };
    imp.trace(loc, f.at);
}

/// One attribute that is not an identifier mirror.
fn attribute<'s>(imp: &mut Importer<'s>, key: &'s str, value: &'s Value) {
    let at = Src::Key("attributes", key);
    let field = match key {
        "displayName" => CField::FullName,
        "firstName" => CField::FirstName,
        "lastName" => CField::LastName,
        _ => {
            imp.contact
                .custom_attributes
                .insert(key.to_owned(), value.clone());
            imp.trace(Loc::Custom(key), at);
            return;
        }
    };
    match value {
        Value::Null => {}
        Value::String(s) if s.is_empty() => {}
        Value::String(s) => {
            if let Some(slot) = field.text_mut(&mut imp.contact) {
                *slot = Some(s.clone());
                imp.trace(Loc::Field(field), at);
            }
        }
        _ => imp.drop(
            at,
            [
                "is not a string, and the canonical ",
                field.label(),
                " is one",
            ]
            .concat(),
        ),
    }
}

/// `computedDisplayName` is the full name when there is no `displayName` attribute and Bird did
/// not derive it from the first name, an email or a phone (those are imported as such).
fn computed_display_name(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
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
            Loc::Field(CField::FullName),
            Src::Member("computedDisplayName"),
        );
    }
}
