//! Canonical → Sequence: the members that do not cross as plain text.

use crate::value::Value;

use crate::engine::concat;
use crate::engine::crossing::At;
use crate::engine::custom::{custom_attributes, CustomRules};
use crate::engine::export::Exporter;
use crate::engine::provenance::ContactPath;
use crate::engine::shared::{export_first_email, export_first_phone};
use crate::model::ContactField;
use crate::pointer::join;

/// The external id, which Sequence requires: a contact without one rejects the record.
pub(crate) fn external_id(ex: &mut Exporter<'_>, at: At) {
    const REQUIRED: &str = "is required by Sequence, and the source has no external id";
    let path = || join("", at.member);
    match ex.contact.external_id.as_deref() {
        Some(id) => {
            ex.external_id_written(path);
            ex.put(
                at.member,
                Value::String(id.to_owned()),
                ContactPath::Field(ContactField::ExternalId),
            );
        }
        None => match ex.external_id_missing() {
            Some(why) => ex.reject(&path(), concat(&[REQUIRED, ", ", why])),
            None => ex.reject(&path(), REQUIRED),
        },
    }
}

/// The first website; the others are dropped.
pub(crate) fn website_url(ex: &mut Exporter<'_>, at: At) {
    let c = ex.contact;
    for (i, url) in c.websites.iter().enumerate() {
        if i == 0 {
            ex.put(
                at.member,
                Value::String(url.clone()),
                ContactPath::Item(ContactField::Websites, 0),
            );
        } else {
            ex.dropped(
                ContactPath::Item(ContactField::Websites, i),
                "Sequence holds one website; the first one was kept",
            );
        }
    }
}

const TIMESTAMP_NOTE: &str = "written as a UTC ISO-8601 date-time (YYYY-MM-DDTHH:MM:SSZ)";

/// A canonical timestamp as a UTC ISO-8601 date-time.
pub(crate) fn timestamp(ex: &mut Exporter<'_>, at: At) {
    ex.put_timestamp(at, |t| Value::String(t.text()), TIMESTAMP_NOTE);
}

pub(crate) fn phone(ex: &mut Exporter<'_>, at: At) {
    export_first_phone(ex, at.member);
}

pub(crate) fn email(ex: &mut Exporter<'_>, at: At) {
    export_first_email(ex, at.member);
}

/// Sequence takes any other key and any value as a custom attribute.
pub(crate) const RULES: CustomRules = CustomRules {
    max: usize::MAX,
    allowed: |_| true,
    reserved: |key| super::TABLE.names(key),
    key_rule: "a non-empty key",
    value_ok: |_| true,
    value_rule: "any JSON value",
};

/// The custom attributes, as members of their own.
pub(crate) fn custom(ex: &mut Exporter<'_>, _: At) {
    for attr in custom_attributes(ex, &RULES) {
        if ex.tracking() {
            let target = join("", &attr.key);
            ex.origin(|| target.into(), attr.loc());
        }
        ex.insert(attr.key.into_owned(), attr.value.clone());
    }
}
