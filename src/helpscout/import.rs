//! Help Scout → canonical.

use serde_json::{Map, Value};

use super::spec::{EMAIL_TYPES, GENDERS};
use crate::engine::import::Importer;
use crate::engine::provenance::{Loc, Src};
use crate::engine::shared::integer;
use crate::model::CField;
use crate::model::{Address, Email, Handle, Phone};

pub(crate) fn names(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.text(obj, "firstName", CField::FirstName);
    imp.text(obj, "lastName", CField::LastName);
}

/// The top-level phone is the primary phone: it comes first.
pub(crate) fn phone(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    if let Some(value) = imp.string(obj, "phone", Src::Root) {
        imp.contact.phones.push(Phone {
            value: value.to_owned(),
            kind: None,
        });
        imp.trace(Loc::Item(CField::Phones, 0), Src::Member("phone"));
    }
}

/// An integer, or a string of digits (the docs do not state the type; the example is `35`).
pub(crate) fn organization_id(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    let Some(value) = obj.get("organizationId").filter(|v| !v.is_null()) else {
        return;
    };
    let id = match value {
        Value::String(s) => s.trim().parse::<i64>().ok(),
        other => integer(other),
    };
    match id {
        Some(id) => {
            imp.contact.organization_id = Some(id);
            imp.trace(
                Loc::Field(CField::OrganizationId),
                Src::Member("organizationId"),
            );
        }
        None => imp.drop(
            Src::Member("organizationId"),
            "is not an integer, and the canonical organization id is one",
        ),
    }
}

/// Any letter case is accepted (the docs' own example sends "Male"); the canonical value is
/// lower case.
pub(crate) fn gender(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    let Some(value) = imp.string(obj, "gender", Src::Root) else {
        return;
    };
    match GENDERS
        .values
        .iter()
        .find(|g| g.eq_ignore_ascii_case(value))
    {
        Some(g) => {
            imp.contact.gender = Some((*g).to_owned());
            imp.trace(Loc::Field(CField::Gender), Src::Member("gender"));
        }
        None => imp.drop(Src::Member("gender"), "is not male, female or unknown"),
    }
}

/// The items of array member `member` that are objects, with their index.
fn objects<'v>(
    obj: &'v Map<String, Value>,
    member: &str,
) -> impl Iterator<Item = (usize, &'v Map<String, Value>)> {
    obj.get(member)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, v)| v.as_object().map(|o| (i, o)))
}

pub(crate) fn emails(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    for (i, item) in objects(obj, "emails") {
        let at = Src::Item("emails", i);
        imp.drop_unknown(item, &["type", "value"], at);
        let Some(value) = imp.string(item, "value", at) else {
            imp.drop(at, "has no address");
            continue;
        };
        let n = imp.contact.emails.len();
        let kind = match imp.string(item, "type", at) {
            Some(t) if EMAIL_TYPES.values.contains(&t) => {
                imp.trace(
                    Loc::ItemKind(CField::Emails, n),
                    Src::ItemMember("emails", i, "type"),
                );
                Some(t.to_owned())
            }
            Some(_) => {
                imp.drop(
                    Src::ItemMember("emails", i, "type"),
                    "is not work, home or other, the email kinds the canonical contact holds",
                );
                None
            }
            None => None,
        };
        imp.contact.emails.push(Email {
            value: value.to_owned(),
            kind,
        });
        imp.trace(Loc::Item(CField::Emails, n), at);
    }
}

pub(crate) fn phones(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    for (i, item) in objects(obj, "phones") {
        let at = Src::Item("phones", i);
        imp.drop_unknown(item, &["type", "value"], at);
        let Some(value) = imp.string(item, "value", at) else {
            continue;
        };
        let kind = imp.string(item, "type", at).map(str::to_owned);
        let n = imp.contact.phones.len();
        if kind.is_some() {
            imp.trace(
                Loc::ItemKind(CField::Phones, n),
                Src::ItemMember("phones", i, "type"),
            );
        }
        imp.contact.phones.push(Phone {
            value: value.to_owned(),
            kind,
        });
        imp.trace(Loc::Item(CField::Phones, n), at);
    }
}

fn handles(obj: &Map<String, Value>, imp: &mut Importer<'_>, member: &'static str, field: CField) {
    for (i, item) in objects(obj, member) {
        let at = Src::Item(member, i);
        imp.drop_unknown(item, &["type", "value"], at);
        let (Some(kind), Some(value)) =
            (imp.string(item, "type", at), imp.string(item, "value", at))
        else {
            continue;
        };
        let handle = Handle {
            kind: kind.to_owned(),
            value: value.to_owned(),
        };
        let list = match field {
            CField::Chats => &mut imp.contact.chats,
            _ => &mut imp.contact.social_profiles,
        };
        list.push(handle);
        let n = list.len() - 1;
        imp.trace(Loc::Item(field, n), at);
    }
}

pub(crate) fn chats(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    handles(obj, imp, "chats", CField::Chats);
}

pub(crate) fn social_profiles(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    handles(obj, imp, "socialProfiles", CField::SocialProfiles);
}

pub(crate) fn websites(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    for (i, item) in objects(obj, "websites") {
        let at = Src::Item("websites", i);
        imp.drop_unknown(item, &["value"], at);
        let Some(value) = imp.string(item, "value", at) else {
            continue;
        };
        imp.contact.websites.push(value.to_owned());
        let n = imp.contact.websites.len() - 1;
        imp.trace(Loc::Item(CField::Websites, n), at);
    }
}

pub(crate) fn address(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    let Some(Value::Object(a)) = obj.get("address") else {
        return;
    };
    imp.drop_unknown(
        a,
        &["city", "state", "postalCode", "country", "lines"],
        Src::Member("address"),
    );
    let mut address = Address::default();
    for (member, slot, field) in [
        ("city", &mut address.city, CField::AddressCity),
        ("state", &mut address.region, CField::AddressRegion),
        (
            "postalCode",
            &mut address.postal_code,
            CField::AddressPostalCode,
        ),
        ("country", &mut address.country, CField::AddressCountry),
    ] {
        if let Some(s) = imp.string(a, member, Src::Member("address")) {
            *slot = Some(s.to_owned());
            imp.trace(Loc::Field(field), Src::Nested("address", member));
        }
    }
    if let Some(Value::Array(lines)) = a.get("lines") {
        for (i, line) in lines.iter().enumerate() {
            if let Value::String(s) = line {
                address.lines.push(s.clone());
                imp.trace(
                    Loc::Item(CField::AddressLines, address.lines.len() - 1),
                    Src::NestedItem("address", "lines", i),
                );
            }
        }
    }
    if !address.is_empty() {
        imp.contact.address = Some(address);
    }
}

/// Either shape the docs show: a list of `{slug, value}` or an object of slug → value.
pub(crate) fn properties<'s>(obj: &'s Map<String, Value>, imp: &mut Importer<'s>) {
    match obj.get("properties") {
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let at = Src::Item("properties", i);
                let Value::Object(item) = item else { continue };
                imp.drop_unknown(item, &["slug", "value"], at);
                let (Some(Value::String(slug)), Some(value)) =
                    (item.get("slug"), item.get("value"))
                else {
                    continue;
                };
                imp.contact
                    .custom_attributes
                    .insert(slug.clone(), value.clone());
                imp.trace(Loc::Custom(slug), at);
            }
        }
        Some(Value::Object(map)) => {
            for (slug, value) in map {
                imp.contact
                    .custom_attributes
                    .insert(slug.clone(), value.clone());
                imp.trace(Loc::Custom(slug), Src::Key("properties", slug));
            }
        }
        _ => {}
    }
}
