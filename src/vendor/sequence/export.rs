//! Canonical → Sequence.

use serde_json::Value;

use crate::canonical::mapping::{
    custom_attributes, export_first_email, export_first_last, export_first_phone, CField,
    CustomRules, Exporter, Loc,
};
use crate::convert::NoteCode;

pub(crate) fn external_id(ex: &mut Exporter<'_>) {
    const REQUIRED: &str = "is required by Sequence, and the source has no external id";
    match ex.contact.external_id.as_deref() {
        Some(id) => {
            ex.external_id_written(|| "/externalId".to_owned());
            ex.put(
                "externalId",
                Value::String(id.to_owned()),
                Loc::Field(CField::ExternalId),
            );
        }
        None => match ex.external_id_missing() {
            Some(why) => ex.reject("/externalId", format!("{REQUIRED}, {why}")),
            None => ex.reject("/externalId", REQUIRED),
        },
    }
}

pub(crate) fn website_url(ex: &mut Exporter<'_>) {
    let c = ex.contact;
    for (i, url) in c.websites.iter().enumerate() {
        if i == 0 {
            ex.put(
                "websiteUrl",
                Value::String(url.clone()),
                Loc::Item(CField::Websites, 0),
            );
        } else {
            ex.drop(
                Loc::Item(CField::Websites, i),
                "Sequence holds one website; the first one was kept",
            );
        }
    }
}

const TIMESTAMP_NOTE: &str = "written as a UTC ISO-8601 date-time (YYYY-MM-DDTHH:MM:SSZ)";

pub(crate) fn last_seen_at(ex: &mut Exporter<'_>) {
    if let Some(t) = ex.contact.last_seen_at {
        let text = Value::String(t.to_string());
        ex.put_compared(
            "lastSeenAt",
            text,
            Loc::Field(CField::LastSeenAt),
            NoteCode::Reformatted,
            TIMESTAMP_NOTE,
        );
    }
}

pub(crate) fn signed_up_at(ex: &mut Exporter<'_>) {
    if let Some(t) = ex.contact.signed_up_at {
        let text = Value::String(t.to_string());
        ex.put_compared(
            "signedUpAt",
            text,
            Loc::Field(CField::SignedUpAt),
            NoteCode::Reformatted,
            TIMESTAMP_NOTE,
        );
    }
}

pub(crate) fn phone(ex: &mut Exporter<'_>) {
    export_first_phone(ex, "phone");
}

pub(crate) fn email(ex: &mut Exporter<'_>) {
    export_first_email(ex, "email");
}

pub(crate) fn names(ex: &mut Exporter<'_>) {
    export_first_last(ex, "firstName", "lastName");
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

pub(crate) fn custom(ex: &mut Exporter<'_>) {
    for attr in custom_attributes(ex, &RULES) {
        if ex.tracking() {
            let target = crate::pointer::join("", &attr.key);
            ex.origin(|| target.into(), attr.loc());
        }
        ex.insert(attr.key.into_owned(), attr.value.clone());
    }
}
