//! Sequence → canonical.

use serde_json::{Map, Value};

use crate::canonical::mapping::{CField, Importer};
use crate::canonical::{Email, Phone};
use crate::pointer::join;
use crate::rules::parse_iso_timestamp;

pub(crate) fn external_id(obj: &Map<String, Value>, imp: &mut Importer) {
    imp.text(obj, "externalId", CField::ExternalId);
}

pub(crate) fn website_url(obj: &Map<String, Value>, imp: &mut Importer) {
    if let Some(url) = imp.string(obj, "websiteUrl", "") {
        imp.contact.websites.push(url.to_owned());
        imp.trace_member("/websites/0", "websiteUrl");
    }
}

fn timestamp(obj: &Map<String, Value>, imp: &mut Importer, member: &'static str, field: CField) {
    let Some(text) = imp.string(obj, member, "") else {
        return;
    };
    // Validated: an RFC 3339 date-time or a YYYY-MM-DD date in the years 0000 to 9999.
    match parse_iso_timestamp(text) {
        Some(t) => {
            let slot = match field {
                CField::SignedUpAt => &mut imp.contact.signed_up_at,
                _ => &mut imp.contact.last_seen_at,
            };
            *slot = Some(t);
            imp.trace_member(field.pointer(), member);
        }
        None => imp.drop(join("", member), "is not an ISO-8601 date or date-time"),
    }
}

pub(crate) fn last_seen_at(obj: &Map<String, Value>, imp: &mut Importer) {
    timestamp(obj, imp, "lastSeenAt", CField::LastSeenAt);
}

pub(crate) fn signed_up_at(obj: &Map<String, Value>, imp: &mut Importer) {
    timestamp(obj, imp, "signedUpAt", CField::SignedUpAt);
}

pub(crate) fn phone(obj: &Map<String, Value>, imp: &mut Importer) {
    if let Some(value) = imp.string(obj, "phone", "") {
        imp.contact.phones.push(Phone {
            value: value.to_owned(),
            kind: None,
        });
        imp.trace_member("/phones/0", "phone");
    }
}

pub(crate) fn email(obj: &Map<String, Value>, imp: &mut Importer) {
    if let Some(value) = imp.string(obj, "email", "") {
        imp.contact.emails.push(Email {
            value: value.to_owned(),
            kind: None,
        });
        imp.trace_member("/emails/0", "email");
    }
}

pub(crate) fn names(obj: &Map<String, Value>, imp: &mut Importer) {
    imp.text(obj, "firstName", CField::FirstName);
    imp.text(obj, "lastName", CField::LastName);
}

/// Every member that is not a documented field is a custom attribute.
pub(crate) fn custom(obj: &Map<String, Value>, imp: &mut Importer) {
    for (key, value) in obj {
        if super::TABLE.names(key) {
            continue;
        }
        imp.contact
            .custom_attributes
            .insert(key.clone(), value.clone());
        imp.trace(join(CField::CustomAttributes.pointer(), key), join("", key));
    }
}
