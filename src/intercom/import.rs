//! Intercom → canonical: the members that do not cross as plain text.

use crate::value::{Map, Value};

use crate::engine::crossing::At;
use crate::engine::import::Importer;
use crate::engine::provenance::{ContactPath, SourcePath};
use crate::engine::shared::integer;
use crate::model::ContactField;
use crate::Timestamp;

/// Unix seconds: the canonical timestamp of `at.field`.
pub(crate) fn timestamp(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let (member, field) = (at.member, at.field);
    let Some(value) = obj.get(member).filter(|v| !v.is_null()) else {
        return;
    };
    match integer(value).and_then(Timestamp::from_unix_seconds) {
        Some(t) => {
            if let Some(slot) = field.timestamp_mut(&mut imp.contact) {
                *slot = Some(t);
            }
            imp.trace(ContactPath::Field(field), SourcePath::Member(member));
        }
        None => imp.dropped(
            SourcePath::Member(member),
            "is not a Unix time in the years 0000 to 9999, which is all an ISO-8601 date-time can hold",
        ),
    }
}

pub(crate) fn owner_id(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let Some(value) = obj.get(at.member).filter(|v| !v.is_null()) else {
        return;
    };
    match integer(value) {
        Some(id) => {
            imp.contact.owner_id = Some(id);
            imp.trace(
                ContactPath::Field(ContactField::OwnerId),
                SourcePath::Member(at.member),
            );
        }
        None => imp.dropped(SourcePath::Member(at.member), "is not an integer"),
    }
}

pub(crate) fn unsubscribed_from_emails(obj: &Map, at: At, imp: &mut Importer<'_>) {
    match obj.get(at.member) {
        None | Some(Value::Null) => {}
        Some(Value::Bool(b)) => {
            imp.contact.unsubscribed_from_emails = Some(*b);
            imp.trace(
                ContactPath::Field(ContactField::UnsubscribedFromEmails),
                SourcePath::Member(at.member),
            );
        }
        Some(_) => imp.dropped(SourcePath::Member(at.member), "is not a boolean"),
    }
}

pub(crate) fn custom_attributes<'s>(obj: &'s Map, at: At, imp: &mut Importer<'s>) {
    let Some(Value::Object(map)) = obj.get(at.member) else {
        return;
    };
    for (key, value) in map {
        imp.contact
            .custom_attributes
            .insert(key.clone(), value.clone());
        imp.trace(ContactPath::Custom(key), SourcePath::Key(at.member, key));
    }
}
