//! Sequence → canonical.

use serde_json::{Map, Value};

use crate::engine::import::Importer;
use crate::engine::provenance::{ContactPath, SourcePath};
use crate::formats::parse_iso_timestamp;
use crate::model::ContactField;
use crate::model::{Email, Phone};

pub(crate) fn external_id(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.text(obj, "externalId", ContactField::ExternalId);
}

pub(crate) fn website_url(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    if let Some(url) = imp.string(obj, "websiteUrl", SourcePath::Root) {
        imp.contact.websites.push(url.to_owned());
        imp.trace(
            ContactPath::Item(ContactField::Websites, 0),
            SourcePath::Member("websiteUrl"),
        );
    }
}

fn timestamp(
    obj: &Map<String, Value>,
    imp: &mut Importer<'_>,
    member: &'static str,
    field: ContactField,
) {
    let Some(text) = imp.string(obj, member, SourcePath::Root) else {
        return;
    };
    // Validated: an RFC 3339 date-time or a YYYY-MM-DD date; `None` only for an instant an
    // offset moves out of the years 0000 to 9999 UTC (e.g. 0000-01-01T00:00:00+01:00).
    match parse_iso_timestamp(text) {
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
            "is not an ISO-8601 date or date-time in the years 0000 to 9999 (UTC)",
        ),
    }
}

pub(crate) fn last_seen_at(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    timestamp(obj, imp, "lastSeenAt", ContactField::LastSeenAt);
}

pub(crate) fn signed_up_at(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    timestamp(obj, imp, "signedUpAt", ContactField::SignedUpAt);
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

pub(crate) fn names(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.text(obj, "firstName", ContactField::FirstName);
    imp.text(obj, "lastName", ContactField::LastName);
}

/// Every member that is not a documented field is a custom attribute.
pub(crate) fn custom<'s>(obj: &'s Map<String, Value>, imp: &mut Importer<'s>) {
    for (key, value) in obj {
        if super::TABLE.names(key) {
            continue;
        }
        imp.contact
            .custom_attributes
            .insert(key.clone(), value.clone());
        imp.trace(ContactPath::Custom(key), SourcePath::Key("", key));
    }
}
