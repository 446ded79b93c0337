//! Canonical → Bird: the members that do not cross as plain text.

use std::borrow::Cow;

use crate::value::{Map, Value};

use super::spec::{EMAIL_KEY, PHONE_KEY};
use super::EXTERNAL_ID_KEY;
use crate::engine::crossing::At;
use crate::engine::custom::{custom_attributes as customs, CustomRules};
use crate::engine::export::Exporter;
use crate::engine::provenance::ContactPath;
use crate::engine::shared::{compact_phone, join_name, joined_message};
use crate::engine::{concat, with_number};
use crate::model::ContactField;
use crate::note::NoteCode;
use crate::pointer::join;

/// The display name (docs/MAPPING.md, `fullName`): the full name (first and last name joined
/// when there is none); else the first email; else the first phone; else the external id; else
/// reject. A blank value (empty or only whitespace) is no name: Bird would show nothing.
pub(crate) fn display_name(ex: &mut Exporter<'_>, at: At) {
    let member = at.member;
    let c = ex.contact;
    let (first, last) = (c.first_name.as_deref(), c.last_name.as_deref());
    if let Some(full) = c.full_name.as_deref() {
        if !is_blank(full) {
            ex.put(
                member,
                Value::String(full.to_owned()),
                ContactPath::Field(ContactField::FullName),
            );
            return;
        }
        ex.dropped(
            ContactPath::Field(ContactField::FullName),
            if full.is_empty() {
                "is empty, and Bird's displayName needs at least one character"
            } else {
                "is only whitespace, so it gives Bird no display name"
            },
        );
    }
    if let Some(joined) = join_name(first, last).filter(|j| !is_blank(j)) {
        ex.note(
            join("", member),
            NoteCode::Joined,
            joined_message(first, last),
        );
        ex.put_derived(member, Value::String(joined));
        return;
    }
    let derived = if let Some(email) = c.emails.first().filter(|e| !is_blank(&e.value)) {
        Some((
            email.value.as_str(),
            ContactPath::Item(ContactField::Emails, 0),
            "the first email address",
        ))
    } else if let Some(phone) = c.phones.first().filter(|p| !is_blank(&p.value)) {
        Some((
            phone.value.as_str(),
            ContactPath::Item(ContactField::Phones, 0),
            "the first phone number",
        ))
    } else {
        c.external_id
            .as_deref()
            .filter(|id| !is_blank(id))
            .map(|id| {
                (
                    id,
                    ContactPath::Field(ContactField::ExternalId),
                    "the external id",
                )
            })
    };
    match derived {
        Some((value, canonical, what)) => {
            ex.note(
                join("", member),
                NoteCode::Derived,
                concat(&["the contact has no name, so the display name is ", what]),
            );
            ex.put(member, Value::String(value.to_owned()), canonical);
        }
        None => ex.reject(
            &join("", member),
            "is required by Bird, and the contact has no name, email, phone or external id to derive it from",
        ),
    }
}

/// Empty or only whitespace.
fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn identifier(key: &str, value: String) -> Value {
    let mut item = Map::new();
    item.insert("key".to_owned(), Value::String(key.to_owned()));
    item.insert("value".to_owned(), Value::String(value));
    Value::Object(item)
}

/// Emails, phones, the external id and other identifiers, in that order. Kinds are dropped;
/// phones written with separators are compacted to international numbers (note `normalized`).
pub(crate) fn identifiers(ex: &mut Exporter<'_>, at: At) {
    let c = ex.contact;
    let mut items = Vec::with_capacity(
        c.emails.len()
            + c.phones.len()
            + c.identifiers.len()
            + usize::from(c.external_id.is_some()),
    );
    for (i, email) in c.emails.iter().enumerate() {
        if email.kind.is_some() {
            ex.dropped(
                ContactPath::ItemKind(ContactField::Emails, i),
                "Bird has no field for the kind of an email address",
            );
        }
        if ex.tracking() {
            let target = with_number(&["/identifiers/"], items.len(), &[]);
            ex.origin(|| target.into(), ContactPath::Item(ContactField::Emails, i));
        }
        items.push(identifier(EMAIL_KEY, email.value.clone()));
    }
    for (i, phone) in c.phones.iter().enumerate() {
        if phone.kind.is_some() {
            ex.dropped(
                ContactPath::ItemKind(ContactField::Phones, i),
                "Bird has no field for the kind of a phone number",
            );
        }
        let value = match compact_phone(&phone.value) {
            Some(compact) => {
                ex.note(
                    with_number(&["/identifiers/"], items.len(), &["/value"]),
                    NoteCode::Normalized,
                    "phone number written without separators, as the international number Bird expects",
                );
                compact
            }
            None => phone.value.clone(),
        };
        if ex.tracking() {
            let target = with_number(&["/identifiers/"], items.len(), &[]);
            ex.origin(|| target.into(), ContactPath::Item(ContactField::Phones, i));
        }
        items.push(identifier(PHONE_KEY, value));
    }
    if let Some(id) = c.external_id.as_deref() {
        let at = items.len();
        ex.external_id_written(|| with_number(&["/identifiers/"], at, &[]));
        if ex.tracking() {
            let target = with_number(&["/identifiers/"], items.len(), &[]);
            ex.origin(
                || target.into(),
                ContactPath::Field(ContactField::ExternalId),
            );
        }
        items.push(identifier(EXTERNAL_ID_KEY, id.to_owned()));
    }
    for (i, other) in c.identifiers.iter().enumerate() {
        if ex.tracking() {
            let target = with_number(&["/identifiers/"], items.len(), &[]);
            ex.origin(
                || target.into(),
                ContactPath::Item(ContactField::Identifiers, i),
            );
        }
        items.push(identifier(&other.key, other.value.clone()));
    }
    if !items.is_empty() {
        ex.put_derived(at.member, Value::Array(items));
    }
}

/// Standard attributes that hold the contact's name (written by contactkit from the name
/// fields): a custom attribute may not use their keys.
const NAME_ATTRIBUTES: [&str; 3] = ["firstName", "lastName", "displayName"];

/// Bird attribute keys follow the attribute-definition rule `^[A-Za-z0-9_-]{1,64}$`; values are
/// booleans, numbers, strings, null or non-empty arrays of those.
pub(crate) const RULES: CustomRules = CustomRules {
    max: 64,
    allowed: |c| c.is_ascii_alphanumeric() || c == '_' || c == '-',
    reserved: |key| NAME_ATTRIBUTES.contains(&key),
    key_rule: "1 to 64 letters, digits, '_' or '-'",
    value_ok: |v| match v {
        Value::Object(_) => false,
        Value::Array(items) => {
            !items.is_empty() && items.iter().all(|i| !(i.is_array() || i.is_object()))
        }
        _ => true,
    },
    value_rule: "booleans, numbers, strings, null and non-empty arrays of those",
};

/// First and last name, then the custom attributes.
pub(crate) fn attributes(ex: &mut Exporter<'_>, at: At) {
    let base = join("", at.member);
    let c = ex.contact;
    let mut map = Map::new();
    for (name, value, field) in [
        (
            "firstName",
            c.first_name.as_deref(),
            ContactField::FirstName,
        ),
        ("lastName", c.last_name.as_deref(), ContactField::LastName),
    ] {
        if let Some(value) = value {
            ex.origin(|| Cow::Owned(join(&base, name)), ContactPath::Field(field));
            map.insert(name.to_owned(), Value::String(value.to_owned()));
        }
    }
    for attr in customs(ex, &RULES) {
        attr.insert_into(
            ex,
            &base,
            &mut map,
            "custom attribute key normalised to Bird's key rule (other characters replaced by '-', at most 64)",
        );
    }
    if !map.is_empty() {
        ex.put_derived(at.member, Value::Object(map));
    }
}

/// A list of strings (account ids, list ids, company references): the canonical list of
/// `at.field`.
pub(crate) fn strings(ex: &mut Exporter<'_>, at: At) {
    let c = ex.contact;
    let list = match at.field {
        ContactField::AccountIds => &c.account_ids,
        ContactField::ListIds => &c.list_ids,
        _ => &c.company_refs,
    };
    if list.is_empty() {
        return;
    }
    let member = at.member;
    if ex.tracking() {
        for i in 0..list.len() {
            let target = with_number(&["/", member, "/"], i, &[]);
            ex.origin(|| target.into(), ContactPath::Item(at.field, i));
        }
    }
    ex.put_derived(member, crate::engine::shared::string_array(list));
}
