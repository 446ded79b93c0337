//! Canonical → Intercom: the members that do not cross as plain text.

use crate::value::{Map, Value};

use crate::engine::concat;
use crate::engine::crossing::At;
use crate::engine::custom::{custom_attributes as customs, CustomRules};
use crate::engine::export::Exporter;
use crate::engine::provenance::ContactPath;
use crate::engine::shared::{
    export_first_email, export_first_phone, join_name, joined_message, names_agree,
};
use crate::model::ContactField;
use crate::note::NoteCode;
use crate::pointer::join;

/// The contact's role; a contact with neither email nor external id becomes a lead (see
/// docs/MAPPING.md: Intercom requires one of email, external_id or role, and a `user` needs an
/// email or an external id, so `lead` is the only role such a contact can have).
pub(crate) fn role(ex: &mut Exporter<'_>, at: At) {
    let c = ex.contact;
    if let Some(role) = c.role.as_deref() {
        ex.put(
            at.member,
            Value::String(role.to_owned()),
            ContactPath::Field(ContactField::Role),
        );
    } else if c.emails.is_empty() && c.external_id.is_none() {
        ex.note(
            join("", at.member),
            NoteCode::Derived,
            "set to lead: Intercom needs an email, an external id or a role, and a contact with neither email nor external id can only be a lead",
        );
        ex.put_derived(at.member, Value::String("lead".to_owned()));
    }
}

pub(crate) fn email(ex: &mut Exporter<'_>, at: At) {
    export_first_email(ex, at.member);
}

pub(crate) fn phone(ex: &mut Exporter<'_>, at: At) {
    export_first_phone(ex, at.member);
}

/// The full name; else first and last name joined (note `joined`). First and last name that the
/// full name does not carry are dropped.
pub(crate) fn name(ex: &mut Exporter<'_>, at: At) {
    let c = ex.contact;
    let (first, last) = (c.first_name.as_deref(), c.last_name.as_deref());
    if let Some(full) = c.full_name.as_deref() {
        ex.put(
            at.member,
            Value::String(full.to_owned()),
            ContactPath::Field(ContactField::FullName),
        );
        if !names_agree(full, first, last) {
            dropped_name_parts(ex, first, last, |label| {
                concat(&[
                    "Intercom holds only a full name, and the ",
                    label,
                    " differs from it",
                ])
            });
        }
    } else if let Some(joined) = join_name(first, last) {
        ex.note(
            join("", at.member),
            NoteCode::Joined,
            joined_message(first, last),
        );
        let canonical = if first.is_some() {
            ContactPath::Field(ContactField::FirstName)
        } else {
            ContactPath::Field(ContactField::LastName)
        };
        ex.put(at.member, Value::String(joined), canonical);
    } else {
        dropped_name_parts(ex, first, last, |label| {
            concat(&["is empty, so Intercom gets no name from the ", label])
        });
    }
}

/// Notes each present part of the name (first, then last) as dropped, saying `why`.
fn dropped_name_parts(
    ex: &mut Exporter<'_>,
    first: Option<&str>,
    last: Option<&str>,
    why: impl Fn(&str) -> String,
) {
    for (part, field) in [
        (first, ContactField::FirstName),
        (last, ContactField::LastName),
    ] {
        if part.is_some() {
            ex.dropped(ContactPath::Field(field), why(field.label()));
        }
    }
}

const TIMESTAMP_NOTE: &str = "written as Unix time in seconds";

/// A canonical timestamp as Unix seconds.
pub(crate) fn timestamp(ex: &mut Exporter<'_>, at: At) {
    ex.put_timestamp(at, |t| Value::from(t.unix_seconds()), TIMESTAMP_NOTE);
}

pub(crate) fn unsubscribed_from_emails(ex: &mut Exporter<'_>, at: At) {
    if let Some(b) = ex.contact.unsubscribed_from_emails {
        ex.put(
            at.member,
            Value::Bool(b),
            ContactPath::Field(ContactField::UnsubscribedFromEmails),
        );
    }
}

/// Intercom's legacy 1.x rules: names without `.` or `$`, at most 190 characters; values are
/// strings, numbers, booleans or null.
pub(crate) const RULES: CustomRules = CustomRules {
    max: 190,
    allowed: |c| c != '.' && c != '$',
    reserved: |_| false,
    key_rule: "1 to 190 characters without '.' or '$'",
    value_ok: |v| !(v.is_array() || v.is_object()),
    value_rule: "strings, numbers, booleans and null",
};

pub(crate) fn custom_attributes(ex: &mut Exporter<'_>, at: At) {
    let attrs = customs(ex, &RULES);
    if attrs.is_empty() {
        return;
    }
    let base = join("", at.member);
    let mut map = Map::new();
    for attr in attrs {
        attr.insert_into(
            ex,
            &base,
            &mut map,
            "custom attribute key normalised to Intercom's rules ('.' and '$' replaced by '-', at most 190 characters)",
        );
    }
    ex.put_derived(at.member, Value::Object(map));
}
