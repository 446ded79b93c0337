//! Intercom → canonical.

use serde_json::{Map, Value};

use crate::engine::import::Importer;
use crate::engine::provenance::{ContactPath, SourcePath};
use crate::engine::shared::integer;
use crate::model::ContactField;
use crate::model::{Email, Phone};
use crate::Timestamp;

pub(crate) fn role(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.text(obj, "role", ContactField::Role);
}

pub(crate) fn email(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    if let Some(value) = imp.string(obj, "email", SourcePath::Root) {
        imp.contact.emails.push(Email {
            value: value.to_owned(),
            kind: None,
        });
        imp.trace(
            ContactPath::Item(ContactField::Emails, 0),
            SourcePath::Member("email"),
        );
    }
}

pub(crate) fn phone(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    if let Some(value) = imp.string(obj, "phone", SourcePath::Root) {
        imp.contact.phones.push(Phone {
            value: value.to_owned(),
            kind: None,
        });
        imp.trace(
            ContactPath::Item(ContactField::Phones, 0),
            SourcePath::Member("phone"),
        );
    }
}

pub(crate) fn name(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.text(obj, "name", ContactField::FullName);
}

fn timestamp(
    obj: &Map<String, Value>,
    imp: &mut Importer<'_>,
    member: &'static str,
    field: ContactField,
) {
    let Some(value) = obj.get(member).filter(|v| !v.is_null()) else {
        return;
    };
    match integer(value).and_then(Timestamp::from_unix_seconds) {
        Some(t) => {
            let slot = match field {
                ContactField::SignedUpAt => &mut imp.contact.signed_up_at,
                _ => &mut imp.contact.last_seen_at,
            };
            *slot = Some(t);
            imp.trace(ContactPath::Field(field), SourcePath::Member(member));
        }
        None => imp.dropped(
            SourcePath::Member(member),
            "is not a Unix time in the years 0000 to 9999, which is all an ISO-8601 date-time can hold",
        ),
    }
}

pub(crate) fn signed_up_at(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    timestamp(obj, imp, "signed_up_at", ContactField::SignedUpAt);
}

pub(crate) fn last_seen_at(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    timestamp(obj, imp, "last_seen_at", ContactField::LastSeenAt);
}

pub(crate) fn owner_id(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    let Some(value) = obj.get("owner_id").filter(|v| !v.is_null()) else {
        return;
    };
    match integer(value) {
        Some(id) => {
            imp.contact.owner_id = Some(id);
            imp.trace(
                ContactPath::Field(ContactField::OwnerId),
                SourcePath::Member("owner_id"),
            );
        }
        None => imp.dropped(SourcePath::Member("owner_id"), "is not an integer"),
    }
}

pub(crate) fn unsubscribed_from_emails(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    match obj.get("unsubscribed_from_emails") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => {
            imp.contact.unsubscribed_from_emails = Some(*b);
            imp.trace(
                ContactPath::Field(ContactField::UnsubscribedFromEmails),
                SourcePath::Member("unsubscribed_from_emails"),
            );
        }
        Some(_) => imp.dropped(
            SourcePath::Member("unsubscribed_from_emails"),
            "is not a boolean",
        ),
    }
}

pub(crate) fn custom_attributes<'s>(obj: &'s Map<String, Value>, imp: &mut Importer<'s>) {
    let Some(Value::Object(map)) = obj.get("custom_attributes") else {
        return;
    };
    for (key, value) in map {
        imp.contact
            .custom_attributes
            .insert(key.clone(), value.clone());
        imp.trace(
            ContactPath::Custom(key),
            SourcePath::Key("custom_attributes", key),
        );
    }
}
