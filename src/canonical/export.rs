//! [`Contact`](super::Contact) → canonical JSON.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value;

use crate::engine::export::Exporter;
use crate::engine::provenance::ContactPath;
use crate::model::ContactField;
use crate::note::NoteCode;

/// Writes a list member, recording each item's origin.
fn list<T: Serialize>(ex: &mut Exporter<'_>, field: ContactField, items: &[T]) {
    if items.is_empty() {
        return;
    }
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
        ex.put_derived(&pointer[1..], value);
    }
}

pub(crate) fn emails(ex: &mut Exporter<'_>) {
    let c = ex.contact;
    list(ex, ContactField::Emails, &c.emails);
}

pub(crate) fn phones(ex: &mut Exporter<'_>) {
    let c = ex.contact;
    list(ex, ContactField::Phones, &c.phones);
}

pub(crate) fn chats(ex: &mut Exporter<'_>) {
    let c = ex.contact;
    list(ex, ContactField::Chats, &c.chats);
}

pub(crate) fn social_profiles(ex: &mut Exporter<'_>) {
    let c = ex.contact;
    list(ex, ContactField::SocialProfiles, &c.social_profiles);
}

pub(crate) fn identifiers(ex: &mut Exporter<'_>) {
    let c = ex.contact;
    list(ex, ContactField::Identifiers, &c.identifiers);
}

pub(crate) fn websites(ex: &mut Exporter<'_>) {
    let c = ex.contact;
    list(ex, ContactField::Websites, &c.websites);
}

pub(crate) fn list_ids(ex: &mut Exporter<'_>) {
    let c = ex.contact;
    list(ex, ContactField::ListIds, &c.list_ids);
}

pub(crate) fn account_ids(ex: &mut Exporter<'_>) {
    let c = ex.contact;
    list(ex, ContactField::AccountIds, &c.account_ids);
}

pub(crate) fn company_refs(ex: &mut Exporter<'_>) {
    let c = ex.contact;
    list(ex, ContactField::CompanyRefs, &c.company_refs);
}

pub(crate) fn tags(ex: &mut Exporter<'_>) {
    let c = ex.contact;
    list(ex, ContactField::Tags, &c.tags);
}

pub(crate) fn address(ex: &mut Exporter<'_>) {
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
                || Cow::Owned(format!("/address/lines/{i}")),
                ContactPath::Item(ContactField::AddressLines, i),
            );
        }
    }
    if let Ok(value) = serde_json::to_value(a) {
        ex.put_derived("address", value);
    }
}

const TIMESTAMP_NOTE: &str = "written as a UTC RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ)";

pub(crate) fn signed_up_at(ex: &mut Exporter<'_>) {
    if let Some(t) = ex.contact.signed_up_at {
        let v = Value::String(t.to_string());
        ex.put_compared(
            "signedUpAt",
            v,
            ContactPath::Field(ContactField::SignedUpAt),
            NoteCode::Reformatted,
            TIMESTAMP_NOTE,
        );
    }
}

pub(crate) fn last_seen_at(ex: &mut Exporter<'_>) {
    if let Some(t) = ex.contact.last_seen_at {
        let v = Value::String(t.to_string());
        ex.put_compared(
            "lastSeenAt",
            v,
            ContactPath::Field(ContactField::LastSeenAt),
            NoteCode::Reformatted,
            TIMESTAMP_NOTE,
        );
    }
}

pub(crate) fn organization_id(ex: &mut Exporter<'_>) {
    if let Some(id) = ex.contact.organization_id {
        ex.put_compared(
            "organizationId",
            Value::from(id),
            ContactPath::Field(ContactField::OrganizationId),
            NoteCode::Normalized,
            "written as a number",
        );
    }
}

pub(crate) fn gender(ex: &mut Exporter<'_>) {
    if let Some(g) = ex.contact.gender.as_deref() {
        ex.put_compared(
            "gender",
            Value::String(g.to_owned()),
            ContactPath::Field(ContactField::Gender),
            NoteCode::Normalized,
            "written in lower case",
        );
    }
}

pub(crate) fn owner_id(ex: &mut Exporter<'_>) {
    if let Some(id) = ex.contact.owner_id {
        ex.put(
            "ownerId",
            Value::from(id),
            ContactPath::Field(ContactField::OwnerId),
        );
    }
}

pub(crate) fn unsubscribed_from_emails(ex: &mut Exporter<'_>) {
    if let Some(b) = ex.contact.unsubscribed_from_emails {
        ex.put(
            "unsubscribedFromEmails",
            Value::Bool(b),
            ContactPath::Field(ContactField::UnsubscribedFromEmails),
        );
    }
}

pub(crate) fn custom_attributes(ex: &mut Exporter<'_>) {
    let c = ex.contact;
    if c.custom_attributes.is_empty() {
        return;
    }
    if ex.tracking() {
        for key in c.custom_attributes.keys() {
            ex.origin(
                || {
                    Cow::Owned(crate::pointer::join(
                        ContactField::CustomAttributes.pointer(),
                        key,
                    ))
                },
                ContactPath::Custom(key),
            );
        }
    }
    ex.put_derived(
        "customAttributes",
        Value::Object(c.custom_attributes.clone()),
    );
}
