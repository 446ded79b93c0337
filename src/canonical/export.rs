//! [`Contact`](super::Contact) → canonical JSON: the members that do not cross as plain text.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value;

use crate::engine::crossing::At;
use crate::engine::export::Exporter;
use crate::engine::provenance::ContactPath;
use crate::model::ContactField;
use crate::note::NoteCode;
use crate::pointer::join;

/// Writes a list member, recording each item's origin.
fn list<T: Serialize>(ex: &mut Exporter<'_>, at: At, items: &[T]) {
    if items.is_empty() {
        return;
    }
    let field = at.field;
    let pointer = field.pointer();
    if ex.tracking() {
        for i in 0..items.len() {
            ex.origin(
                || Cow::Owned(format!("{pointer}/{i}")),
                ContactPath::Item(field, i),
            );
        }
    }
    if let Ok(value) = serde_json::to_value(items) {
        ex.put_derived(at.member, value);
    }
}

/// A list field (`at.field`) as its JSON array.
pub(crate) fn lists(ex: &mut Exporter<'_>, at: At) {
    let c = ex.contact;
    match at.field {
        ContactField::Emails => list(ex, at, &c.emails),
        ContactField::Phones => list(ex, at, &c.phones),
        ContactField::Chats => list(ex, at, &c.chats),
        ContactField::SocialProfiles => list(ex, at, &c.social_profiles),
        ContactField::Identifiers => list(ex, at, &c.identifiers),
        ContactField::Websites => list(ex, at, &c.websites),
        ContactField::ListIds => list(ex, at, &c.list_ids),
        ContactField::AccountIds => list(ex, at, &c.account_ids),
        ContactField::CompanyRefs => list(ex, at, &c.company_refs),
        _ => list(ex, at, &c.tags),
    }
}

pub(crate) fn address(ex: &mut Exporter<'_>, at: At) {
    let Some(a) = ex.contact.address.as_ref().filter(|a| !a.is_empty()) else {
        return;
    };
    if ex.tracking() {
        for field in [
            ContactField::AddressCity,
            ContactField::AddressRegion,
            ContactField::AddressPostalCode,
            ContactField::AddressCountry,
        ] {
            ex.origin(|| Cow::Borrowed(field.pointer()), ContactPath::Field(field));
        }
        for i in 0..a.lines.len() {
            ex.origin(
                || Cow::Owned(format!("{}/{i}", ContactField::AddressLines.pointer())),
                ContactPath::Item(ContactField::AddressLines, i),
            );
        }
    }
    if let Ok(value) = serde_json::to_value(a) {
        ex.put_derived(at.member, value);
    }
}

const TIMESTAMP_NOTE: &str = "written as a UTC RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ)";

/// A canonical timestamp (`at.field`) as a UTC RFC 3339 date-time.
pub(crate) fn timestamp(ex: &mut Exporter<'_>, at: At) {
    ex.put_timestamp(at, |t| Value::String(t.to_string()), TIMESTAMP_NOTE);
}

pub(crate) fn gender(ex: &mut Exporter<'_>, at: At) {
    if let Some(g) = ex.contact.gender.as_deref() {
        ex.put_compared(
            at.member,
            Value::String(g.to_owned()),
            ContactPath::Field(at.field),
            NoteCode::Normalized,
            "written in lower case",
        );
    }
}

pub(crate) fn unsubscribed_from_emails(ex: &mut Exporter<'_>, at: At) {
    if let Some(b) = ex.contact.unsubscribed_from_emails {
        ex.put(at.member, Value::Bool(b), ContactPath::Field(at.field));
    }
}

pub(crate) fn custom_attributes(ex: &mut Exporter<'_>, at: At) {
    let c = ex.contact;
    if c.custom_attributes.is_empty() {
        return;
    }
    if ex.tracking() {
        for key in c.custom_attributes.keys() {
            ex.origin(
                || Cow::Owned(join(ContactField::CustomAttributes.pointer(), key)),
                ContactPath::Custom(key),
            );
        }
    }
    ex.put_derived(at.member, Value::Object(c.custom_attributes.clone()));
}
