//! Help Scout → canonical: the members that do not cross as plain text.

use crate::value::{Map, Value};

use super::spec::{EMAIL_TYPES, GENDERS};
use crate::engine::crossing::At;
use crate::engine::import::Importer;
use crate::engine::provenance::{ContactPath, SourcePath};
use crate::engine::read::objects;
use crate::model::ContactField;
use crate::model::{Address, Email, Handle, Phone};

/// Any letter case is accepted (the docs' own example sends "Male"); the canonical value is
/// lower case.
pub(crate) fn gender(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let Some(value) = imp.string(obj, at.member, SourcePath::Root) else {
        return;
    };
    match GENDERS
        .values
        .iter()
        .find(|g| g.eq_ignore_ascii_case(value))
    {
        Some(g) => {
            imp.contact.gender = Some((*g).to_owned());
            imp.trace(
                ContactPath::Field(ContactField::Gender),
                SourcePath::Member(at.member),
            );
        }
        None => imp.dropped(
            SourcePath::Member(at.member),
            "is not male, female or unknown",
        ),
    }
}

pub(crate) fn emails(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let member = at.member;
    each_entry(obj, member, &["type", "value"], imp, |imp, i, item, at| {
        let Some(value) = imp.string(item, "value", at) else {
            imp.dropped(at, "has no address");
            return;
        };
        let n = imp.contact.emails.len();
        let kind = match imp.string(item, "type", at) {
            Some(t) if EMAIL_TYPES.values.contains(&t) => {
                imp.trace(
                    ContactPath::ItemKind(ContactField::Emails, n),
                    SourcePath::ItemMember(member, i, "type"),
                );
                Some(t.to_owned())
            }
            Some(_) => {
                imp.dropped(
                    SourcePath::ItemMember(member, i, "type"),
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
        imp.trace(ContactPath::Item(ContactField::Emails, n), at);
    });
}

pub(crate) fn phones(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let member = at.member;
    each_entry(obj, member, &["type", "value"], imp, |imp, i, item, at| {
        let Some(value) = imp.string(item, "value", at) else {
            return;
        };
        let kind = imp.string(item, "type", at).map(str::to_owned);
        let n = imp.contact.phones.len();
        if kind.is_some() {
            imp.trace(
                ContactPath::ItemKind(ContactField::Phones, n),
                SourcePath::ItemMember(member, i, "type"),
            );
        }
        imp.contact.phones.push(Phone {
            value: value.to_owned(),
            kind,
        });
        imp.trace(ContactPath::Item(ContactField::Phones, n), at);
    });
}

/// Chat handles or social profiles (`at.field`).
pub(crate) fn handles(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let (member, field) = (at.member, at.field);
    each_entry(obj, member, &["type", "value"], imp, |imp, _, item, at| {
        let (Some(kind), Some(value)) =
            (imp.string(item, "type", at), imp.string(item, "value", at))
        else {
            return;
        };
        let handle = Handle {
            kind: kind.to_owned(),
            value: value.to_owned(),
        };
        let list = match field {
            ContactField::Chats => &mut imp.contact.chats,
            _ => &mut imp.contact.social_profiles,
        };
        list.push(handle);
        let n = list.len() - 1;
        imp.trace(ContactPath::Item(field, n), at);
    });
}

pub(crate) fn websites(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let member = at.member;
    each_entry(obj, member, &["value"], imp, |imp, _, item, at| {
        let Some(value) = imp.string(item, "value", at) else {
            return;
        };
        imp.contact.websites.push(value.to_owned());
        let n = imp.contact.websites.len() - 1;
        imp.trace(ContactPath::Item(ContactField::Websites, n), at);
    });
}

pub(crate) fn address(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let top = at.member;
    let Some(Value::Object(a)) = obj.get(top) else {
        return;
    };
    imp.dropped_unknown(
        a,
        &["city", "state", "postalCode", "country", "lines"],
        SourcePath::Member(top),
    );
    let mut address = Address::default();
    for (member, slot, field) in [
        ("city", &mut address.city, ContactField::AddressCity),
        ("state", &mut address.region, ContactField::AddressRegion),
        (
            "postalCode",
            &mut address.postal_code,
            ContactField::AddressPostalCode,
        ),
        (
            "country",
            &mut address.country,
            ContactField::AddressCountry,
        ),
    ] {
        if let Some(s) = imp.string(a, member, SourcePath::Member(top)) {
            *slot = Some(s.to_owned());
            imp.trace(ContactPath::Field(field), SourcePath::Nested(top, member));
        }
    }
    if let Some(Value::Array(lines)) = a.get("lines") {
        for (i, line) in lines.iter().enumerate() {
            if let Value::String(s) = line {
                address.lines.push(s.clone());
                imp.trace(
                    ContactPath::Item(ContactField::AddressLines, address.lines.len() - 1),
                    SourcePath::NestedItem(top, "lines", i),
                );
            }
        }
    }
    if !address.is_empty() {
        imp.contact.address = Some(address);
    }
}

/// Either shape the docs show: a list of `{slug, value}` or an object of slug → value.
pub(crate) fn properties<'s>(obj: &'s Map, at: At, imp: &mut Importer<'s>) {
    let member = at.member;
    match obj.get(member) {
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let at = SourcePath::Item(member, i);
                let Value::Object(item) = item else { continue };
                imp.dropped_unknown(item, &["slug", "value"], at);
                let (Some(Value::String(slug)), Some(value)) =
                    (item.get("slug"), item.get("value"))
                else {
                    continue;
                };
                imp.contact
                    .custom_attributes
                    .insert(slug.clone(), value.clone());
                imp.trace(ContactPath::Custom(slug), at);
            }
        }
        Some(Value::Object(map)) => {
            for (slug, value) in map {
                imp.contact
                    .custom_attributes
                    .insert(slug.clone(), value.clone());
                imp.trace(ContactPath::Custom(slug), SourcePath::Key(member, slug));
            }
        }
        _ => {}
    }
}

/// Calls `read` with each object item of the list `member` (its index, the item and its source
/// path), after noting as dropped the members of the item that are not `known`.
fn each_entry<'v, 's>(
    obj: &'v Map,
    member: &'static str,
    known: &[&str],
    imp: &mut Importer<'s>,
    mut read: impl FnMut(&mut Importer<'s>, usize, &'v Map, SourcePath<'static>),
) {
    for (i, item) in objects(obj, member) {
        let at = SourcePath::Item(member, i);
        imp.dropped_unknown(item, known, at);
        read(imp, i, item, at);
    }
}
