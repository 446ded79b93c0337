//! Sequence → canonical.

use serde_json::{Map, Value};

use crate::canonical::mapping::{CField, Importer, Loc, Src};
use crate::canonical::{Email, Phone};
use crate::rules::parse_iso_timestamp;

pub(crate) fn external_id(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.text(obj, "externalId", CField::ExternalId);
}

pub(crate) fn website_url(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    if let Some(url) = imp.string(obj, "websiteUrl", Src::Root) {
        imp.contact.websites.push(url.to_owned());
        imp.trace(Loc::Item(CField::Websites, 0), Src::Member("websiteUrl"));
    }
}

fn timestamp(
    obj: &Map<String, Value>,
    imp: &mut Importer<'_>,
    member: &'static str,
    field: CField,
) {
    let Some(text) = imp.string(obj, member, Src::Root) else {
        return;
    };
    // Validated: an RFC 3339 date-time or a YYYY-MM-DD date; `None` only for an instant an
    // offset moves out of the years 0000 to 9999 UTC (e.g. 0000-01-01T00:00:00+01:00).
    match parse_iso_timestamp(text) {
        Some(t) => {
            let slot = match field {
                CField::SignedUpAt => &mut imp.contact.signed_up_at,
                _ => &mut imp.contact.last_seen_at,
            };
            *slot = Some(t);
            imp.trace(Loc::Field(field), Src::Member(member));
        }
        None => imp.drop(
            Src::Member(member),
            "is not an ISO-8601 date or date-time in the years 0000 to 9999 (UTC)",
        ),
    }
}

pub(crate) fn last_seen_at(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    timestamp(obj, imp, "lastSeenAt", CField::LastSeenAt);
}

pub(crate) fn signed_up_at(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    timestamp(obj, imp, "signedUpAt", CField::SignedUpAt);
}

pub(crate) fn phone(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    if let Some(value) = imp.string(obj, "phone", Src::Root) {
        imp.contact.phones.push(Phone {
            value: value.to_owned(),
            kind: None,
        });
        imp.trace(Loc::Item(CField::Phones, 0), Src::Member("phone"));
    }
}

pub(crate) fn email(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    if let Some(value) = imp.string(obj, "email", Src::Root) {
        imp.contact.emails.push(Email {
            value: value.to_owned(),
            kind: None,
        });
        imp.trace(Loc::Item(CField::Emails, 0), Src::Member("email"));
    }
}

pub(crate) fn names(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.text(obj, "firstName", CField::FirstName);
    imp.text(obj, "lastName", CField::LastName);
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
        imp.trace(Loc::Custom(key), Src::Key("", key));
    }
}
