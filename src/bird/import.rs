//! Bird → canonical: the members that do not cross as plain text.

use crate::value::{Map, Value};

use super::spec::{EMAIL_KEY, PHONE_KEY};
use super::EXTERNAL_ID_KEY;
use crate::engine::crossing::At;
use crate::engine::import::Importer;
use crate::engine::provenance::{ContactPath, SourcePath};
use crate::model::ContactField;
use crate::model::{Email, Identifier, Phone};

pub(crate) fn identifiers(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let top = at.member;
    let Some(Value::Array(items)) = obj.get(top) else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let at = SourcePath::Item(top, i);
        let Value::Object(item) = item else { continue };
        let (Some(key), Some(value)) = (imp.string(item, "key", at), imp.string(item, "value", at))
        else {
            imp.dropped(at, "has no string key and value");
            continue;
        };
        for member in item.keys() {
            match member.as_str() {
                "key" | "value" => {}
                "properties" => imp.dropped(
                    SourcePath::ItemMember(top, i, "properties"),
                    "identifier properties have no place in the canonical contact",
                ),
                _ => imp.dropped_at(
                    crate::pointer::join(&at.pointer(), member),
                    "is not a documented identifier field; the canonical contact has no place for it",
                ),
            }
        }
        let c = &mut imp.contact;
        let loc = match key {
            EMAIL_KEY => {
                c.emails.push(Email {
                    value: value.to_owned(),
                    kind: None,
                });
                ContactPath::Item(ContactField::Emails, c.emails.len() - 1)
            }
            PHONE_KEY => {
                c.phones.push(Phone {
                    value: value.to_owned(),
                    kind: None,
                });
                ContactPath::Item(ContactField::Phones, c.phones.len() - 1)
            }
            EXTERNAL_ID_KEY if c.external_id.is_none() => {
                c.external_id = Some(value.to_owned());
                ContactPath::Field(ContactField::ExternalId)
            }
            _ => {
                c.identifiers.push(Identifier {
                    key: key.to_owned(),
                    value: value.to_owned(),
                });
                ContactPath::Item(ContactField::Identifiers, c.identifiers.len() - 1)
            }
        };
        imp.trace(loc, at);
    }
}

pub(crate) fn attributes<'s>(obj: &'s Map, at: At, imp: &mut Importer<'s>) {
    let member = at.member;
    let Some(Value::Object(map)) = obj.get(member) else {
        return;
    };
    for (key, value) in map {
        let at = SourcePath::Key(member, key);
        match (key.as_str(), value) {
            (_, Value::Null) if key == "firstName" || key == "lastName" => {}
            ("firstName", Value::String(s)) => {
                imp.contact.first_name = Some(s.clone());
                imp.trace(ContactPath::Field(ContactField::FirstName), at);
            }
            ("lastName", Value::String(s)) => {
                imp.contact.last_name = Some(s.clone());
                imp.trace(ContactPath::Field(ContactField::LastName), at);
            }
            ("firstName" | "lastName", _) => imp.dropped(
                at,
                "is not a string, and the canonical first and last name are strings",
            ),
            _ => {
                imp.contact
                    .custom_attributes
                    .insert(key.clone(), value.clone());
                imp.trace(ContactPath::Custom(key), at);
            }
        }
    }
}

/// A list of strings (account ids, list ids, company references): the canonical list of
/// `at.field`.
pub(crate) fn strings(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let Some(Value::Array(items)) = obj.get(at.member) else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let Value::String(s) = item else { continue };
        let list = match at.field {
            ContactField::AccountIds => &mut imp.contact.account_ids,
            ContactField::ListIds => &mut imp.contact.list_ids,
            _ => &mut imp.contact.company_refs,
        };
        list.push(s.clone());
        let n = list.len() - 1;
        imp.trace(
            ContactPath::Item(at.field, n),
            SourcePath::Item(at.member, i),
        );
    }
}
