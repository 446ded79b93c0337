//! Bird → canonical.

use serde_json::{Map, Value};

use super::spec::{EMAIL_KEY, PHONE_KEY};
use super::EXTERNAL_ID_KEY;
use crate::engine::import::Importer;
use crate::engine::provenance::{Loc, Src};
use crate::model::CField;
use crate::model::{Email, Identifier, Phone};

pub(crate) fn display_name(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.text(obj, "displayName", CField::FullName);
}

pub(crate) fn identifiers(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    let Some(Value::Array(items)) = obj.get("identifiers") else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let at = Src::Item("identifiers", i);
        let Value::Object(item) = item else { continue };
        let (Some(key), Some(value)) = (imp.string(item, "key", at), imp.string(item, "value", at))
        else {
            imp.drop(at, "has no string key and value");
            continue;
        };
        for member in item.keys() {
            match member.as_str() {
                "key" | "value" => {}
                "properties" => imp.drop(
                    Src::ItemMember("identifiers", i, "properties"),
                    "identifier properties have no place in the canonical contact",
                ),
                _ => imp.drop_at(
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
                Loc::Item(CField::Emails, c.emails.len() - 1)
            }
            PHONE_KEY => {
                c.phones.push(Phone {
                    value: value.to_owned(),
                    kind: None,
                });
                Loc::Item(CField::Phones, c.phones.len() - 1)
            }
            EXTERNAL_ID_KEY if c.external_id.is_none() => {
                c.external_id = Some(value.to_owned());
                Loc::Field(CField::ExternalId)
            }
            _ => {
                c.identifiers.push(Identifier {
                    key: key.to_owned(),
                    value: value.to_owned(),
                });
                Loc::Item(CField::Identifiers, c.identifiers.len() - 1)
            }
        };
        imp.trace(loc, at);
    }
}

pub(crate) fn attributes<'s>(obj: &'s Map<String, Value>, imp: &mut Importer<'s>) {
    let Some(Value::Object(map)) = obj.get("attributes") else {
        return;
    };
    for (key, value) in map {
        let at = Src::Key("attributes", key);
        match (key.as_str(), value) {
            (_, Value::Null) if key == "firstName" || key == "lastName" => {}
            ("firstName", Value::String(s)) => {
                imp.contact.first_name = Some(s.clone());
                imp.trace(Loc::Field(CField::FirstName), at);
            }
            ("lastName", Value::String(s)) => {
                imp.contact.last_name = Some(s.clone());
                imp.trace(Loc::Field(CField::LastName), at);
            }
            ("firstName" | "lastName", _) => imp.drop(
                at,
                "is not a string, and the canonical first and last name are strings",
            ),
            _ => {
                imp.contact
                    .custom_attributes
                    .insert(key.clone(), value.clone());
                imp.trace(Loc::Custom(key), at);
            }
        }
    }
}

fn strings(obj: &Map<String, Value>, imp: &mut Importer<'_>, member: &'static str, field: CField) {
    let Some(Value::Array(items)) = obj.get(member) else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let Value::String(s) = item else { continue };
        let list = match field {
            CField::AccountIds => &mut imp.contact.account_ids,
            CField::ListIds => &mut imp.contact.list_ids,
            _ => &mut imp.contact.company_refs,
        };
        list.push(s.clone());
        let n = list.len() - 1;
        imp.trace(Loc::Item(field, n), Src::Item(member, i));
    }
}

pub(crate) fn account_ids(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    strings(obj, imp, "accountIds", CField::AccountIds);
}

pub(crate) fn list_ids(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    strings(obj, imp, "listIds", CField::ListIds);
}

pub(crate) fn company_refs(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    strings(obj, imp, "companyRefs", CField::CompanyRefs);
}
