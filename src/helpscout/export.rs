//! Canonical → Help Scout: the members that do not cross as plain text.

use std::borrow::Cow;

use crate::value::{Map, Value};

use super::spec::RESERVED_SLUGS;
use crate::engine::crossing::At;
use crate::engine::custom::{custom_attributes, CustomRules};
use crate::engine::export::Exporter;
use crate::engine::provenance::ContactPath;
use crate::engine::shared::integer;
use crate::engine::{concat, with_number};
use crate::model::ContactField;
use crate::model::Handle;
use crate::note::NoteCode;

/// Whether the first phone goes to the top-level `phone` (it has no kind); every other phone
/// goes to `phones`.
fn first_phone_is_top_level(ex: &Exporter<'_>) -> bool {
    ex.contact.phones.first().is_some_and(|p| p.kind.is_none())
}

pub(crate) fn phone(ex: &mut Exporter<'_>, at: At) {
    if first_phone_is_top_level(ex) {
        if let Some(p) = ex.contact.phones.first() {
            ex.put(
                at.member,
                Value::String(p.value.clone()),
                ContactPath::Item(ContactField::Phones, 0),
            );
        }
    }
}

pub(crate) fn gender(ex: &mut Exporter<'_>, at: At) {
    if let Some(g) = ex.contact.gender.as_deref() {
        ex.put_compared(
            at.member,
            Value::String(g.to_owned()),
            ContactPath::Field(ContactField::Gender),
            NoteCode::Normalized,
            "written in lower case, as the docs list the values",
        );
    }
}

fn entry(kind: Option<&str>, value: &str) -> Value {
    let mut item = Map::new();
    if let Some(kind) = kind {
        item.insert("type".to_owned(), Value::String(kind.to_owned()));
    }
    item.insert("value".to_owned(), Value::String(value.to_owned()));
    Value::Object(item)
}

/// Writes array member `member`; item `i` holds canonical item `i + skip` of `field`.
fn list(
    ex: &mut Exporter<'_>,
    member: &'static str,
    items: Vec<Value>,
    field: ContactField,
    skip: usize,
) {
    if items.is_empty() {
        return;
    }
    if ex.tracking() {
        for i in 0..items.len() {
            ex.origin(
                || Cow::Owned(with_number(&["/", member, "/"], i, &[])),
                ContactPath::Item(field, i + skip),
            );
        }
    }
    ex.put_derived(member, Value::Array(items));
}

pub(crate) fn emails(ex: &mut Exporter<'_>, at: At) {
    let c = ex.contact;
    let mut items = Vec::with_capacity(c.emails.len());
    for e in &c.emails {
        items.push(entry(e.kind.as_deref(), &e.value));
    }
    list(ex, at.member, items, ContactField::Emails, 0);
}

/// The phones after the top-level one; a phone without kind gets `other` (type is required).
pub(crate) fn phones(ex: &mut Exporter<'_>, at: At) {
    let c = ex.contact;
    let skip = usize::from(first_phone_is_top_level(ex));
    let mut items = Vec::with_capacity(c.phones.len());
    for p in c.phones.iter().skip(skip) {
        let kind = match p.kind.as_deref() {
            Some(kind) => kind,
            None => {
                ex.note(
                    with_number(&["/", at.member, "/"], items.len(), &["/type"]),
                    NoteCode::Derived,
                    "set to other: Help Scout requires a phone type, and the source gives none",
                );
                "other"
            }
        };
        items.push(entry(Some(kind), &p.value));
    }
    list(ex, at.member, items, ContactField::Phones, skip);
}

/// Chat handles or social profiles (`at.field`).
pub(crate) fn handles(ex: &mut Exporter<'_>, at: At) {
    let c = ex.contact;
    let handles: &[Handle] = match at.field {
        ContactField::Chats => &c.chats,
        _ => &c.social_profiles,
    };
    let mut items = Vec::with_capacity(handles.len());
    for h in handles {
        items.push(entry(Some(&h.kind), &h.value));
    }
    list(ex, at.member, items, at.field, 0);
}

pub(crate) fn websites(ex: &mut Exporter<'_>, at: At) {
    let c = ex.contact;
    let mut items = Vec::with_capacity(c.websites.len());
    for w in &c.websites {
        items.push(entry(None, w));
    }
    list(ex, at.member, items, ContactField::Websites, 0);
}

pub(crate) fn address(ex: &mut Exporter<'_>, at: At) {
    let Some(a) = ex.contact.address.as_ref() else {
        return;
    };
    let mut map = Map::new();
    for (member, value, field) in [
        ("city", &a.city, ContactField::AddressCity),
        ("state", &a.region, ContactField::AddressRegion),
        (
            "postalCode",
            &a.postal_code,
            ContactField::AddressPostalCode,
        ),
        ("country", &a.country, ContactField::AddressCountry),
    ] {
        if let Some(v) = value {
            ex.origin(
                || Cow::Owned(concat(&["/", at.member, "/", member])),
                ContactPath::Field(field),
            );
            map.insert(member.to_owned(), Value::String(v.clone()));
        }
    }
    if !a.lines.is_empty() {
        if ex.tracking() {
            for i in 0..a.lines.len() {
                ex.origin(
                    || Cow::Owned(with_number(&["/", at.member, "/lines/"], i, &[])),
                    ContactPath::Item(ContactField::AddressLines, i),
                );
            }
        }
        map.insert(
            "lines".to_owned(),
            crate::engine::shared::string_array(&a.lines),
        );
    }
    if !map.is_empty() {
        ex.put_derived(at.member, Value::Object(map));
    }
}

/// Property slugs: 1 to 100 letters, digits, `_` or `-`, not a reserved slug; values are
/// strings or integers.
pub(crate) const RULES: CustomRules = CustomRules {
    max: 100,
    allowed: |c| c.is_ascii_alphanumeric() || c == '_' || c == '-',
    reserved: |slug| RESERVED_SLUGS.contains(&slug),
    key_rule: "1 to 100 letters, digits, '_' or '-', and not email, name, company or jobTitle",
    value_ok: |v| v.is_string() || integer(v).is_some(),
    value_rule: "strings and integers",
};

pub(crate) fn properties(ex: &mut Exporter<'_>, at: At) {
    let attrs = custom_attributes(ex, &RULES);
    if attrs.is_empty() {
        return;
    }
    let mut items = Vec::with_capacity(attrs.len());
    for (i, attr) in attrs.into_iter().enumerate() {
        if attr.normalized() {
            ex.note(
                with_number(&["/", at.member, "/"], i, &["/slug"]),
                NoteCode::Normalized,
                "custom attribute key normalised to a Help Scout slug (other characters replaced by '-', at most 100)",
            );
        }
        if ex.tracking() {
            ex.origin(
                || Cow::Owned(with_number(&["/", at.member, "/"], i, &[])),
                attr.loc(),
            );
        }
        let mut item = Map::new();
        item.insert("slug".to_owned(), Value::String(attr.key.into_owned()));
        item.insert("value".to_owned(), attr.value.clone());
        items.push(Value::Object(item));
    }
    ex.put_derived(at.member, Value::Array(items));
}
