//! Bird → canonical.

use serde_json::{Map, Value};

use super::spec::{EMAIL_KEY, PHONE_KEY};
use super::EXTERNAL_ID_KEY;
use crate::canonical::mapping::{CField, Importer};
use crate::canonical::{Email, Identifier, Phone};
use crate::pointer::join;

pub(crate) fn display_name(obj: &Map<String, Value>, imp: &mut Importer) {
    imp.text(obj, "displayName", CField::FullName);
}

pub(crate) fn identifiers(obj: &Map<String, Value>, imp: &mut Importer) {
    let Some(Value::Array(items)) = obj.get("identifiers") else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let at = format!("/identifiers/{i}");
        let Value::Object(item) = item else { continue };
        let (Some(key), Some(value)) =
            (imp.string(item, "key", &at), imp.string(item, "value", &at))
        else {
            imp.drop(at, "has no string key and value");
            continue;
        };
        for member in item.keys() {
            match member.as_str() {
                "key" | "value" => {}
                "properties" => imp.drop(
                    join(&at, member),
                    "identifier properties have no place in the canonical contact",
                ),
                _ => imp.drop(
                    join(&at, member),
                    "is not a documented identifier field; the canonical contact has no place for it",
                ),
            }
        }
        let c = &mut imp.contact;
        let canonical = match key {
            EMAIL_KEY => {
                c.emails.push(Email {
                    value: value.to_owned(),
                    kind: None,
                });
                format!("/emails/{}", c.emails.len() - 1)
            }
            PHONE_KEY => {
                c.phones.push(Phone {
                    value: value.to_owned(),
                    kind: None,
                });
                format!("/phones/{}", c.phones.len() - 1)
            }
            EXTERNAL_ID_KEY if c.external_id.is_none() => {
                c.external_id = Some(value.to_owned());
                CField::ExternalId.pointer().to_owned()
            }
            _ => {
                c.identifiers.push(Identifier {
                    key: key.to_owned(),
                    value: value.to_owned(),
                });
                format!("/identifiers/{}", c.identifiers.len() - 1)
            }
        };
        imp.trace(canonical, at);
    }
}

pub(crate) fn attributes(obj: &Map<String, Value>, imp: &mut Importer) {
    let Some(Value::Object(map)) = obj.get("attributes") else {
        return;
    };
    for (key, value) in map {
        let at = join("/attributes", key);
        match (key.as_str(), value) {
            (_, Value::Null) if key == "firstName" || key == "lastName" => {}
            ("firstName", Value::String(s)) => {
                imp.contact.first_name = Some(s.clone());
                imp.trace(CField::FirstName.pointer(), at);
            }
            ("lastName", Value::String(s)) => {
                imp.contact.last_name = Some(s.clone());
                imp.trace(CField::LastName.pointer(), at);
            }
            ("firstName" | "lastName", _) => imp.drop(
                at,
                "is not a string, and the canonical first and last name are strings",
            ),
            _ => {
                imp.contact
                    .custom_attributes
                    .insert(key.clone(), value.clone());
                imp.trace(join(CField::CustomAttributes.pointer(), key), at);
            }
        }
    }
}

fn strings(obj: &Map<String, Value>, imp: &mut Importer, member: &'static str, field: CField) {
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
        imp.trace(format!("{}/{n}", field.pointer()), format!("/{member}/{i}"));
    }
}

pub(crate) fn account_ids(obj: &Map<String, Value>, imp: &mut Importer) {
    strings(obj, imp, "accountIds", CField::AccountIds);
}

pub(crate) fn list_ids(obj: &Map<String, Value>, imp: &mut Importer) {
    strings(obj, imp, "listIds", CField::ListIds);
}

pub(crate) fn company_refs(obj: &Map<String, Value>, imp: &mut Importer) {
    strings(obj, imp, "companyRefs", CField::CompanyRefs);
}
