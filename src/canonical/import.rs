//! Canonical JSON → [`Contact`](super::Contact). The provenance of a canonical source is the
//! identity, so nothing here traces.

use serde_json::{Map, Value};

use super::mapping::{integer, CField, Importer, Src};
use super::{Address, Email, Handle, Identifier, Phone};
use crate::rules::parse_iso_timestamp;

/// The object items of array member `member`, with their pointers.
fn objects<'v>(
    obj: &'v Map<String, Value>,
    member: &'static str,
) -> impl Iterator<Item = (Src<'static>, &'v Map<String, Value>)> {
    obj.get(member)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(move |(i, v)| v.as_object().map(|o| (Src::Item(member, i), o)))
}

/// The string items of array member `member`.
fn strings(obj: &Map<String, Value>, member: &str) -> Vec<String> {
    obj.get(member)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

pub(crate) fn emails(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    for (at, item) in objects(obj, "emails") {
        imp.drop_unknown(item, &["value", "kind"], at);
        if let Some(value) = imp.string(item, "value", at) {
            let kind = imp.string(item, "kind", at).map(str::to_owned);
            imp.contact.emails.push(Email {
                value: value.to_owned(),
                kind,
            });
        }
    }
}

pub(crate) fn phones(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    for (at, item) in objects(obj, "phones") {
        imp.drop_unknown(item, &["value", "kind"], at);
        if let Some(value) = imp.string(item, "value", at) {
            let kind = imp.string(item, "kind", at).map(str::to_owned);
            imp.contact.phones.push(Phone {
                value: value.to_owned(),
                kind,
            });
        }
    }
}

fn handles(obj: &Map<String, Value>, imp: &mut Importer<'_>, member: &'static str) -> Vec<Handle> {
    let mut out = Vec::new();
    for (at, item) in objects(obj, member) {
        imp.drop_unknown(item, &["kind", "value"], at);
        if let (Some(kind), Some(value)) =
            (imp.string(item, "kind", at), imp.string(item, "value", at))
        {
            out.push(Handle {
                kind: kind.to_owned(),
                value: value.to_owned(),
            });
        }
    }
    out
}

pub(crate) fn chats(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.contact.chats = handles(obj, imp, "chats");
}

pub(crate) fn social_profiles(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.contact.social_profiles = handles(obj, imp, "socialProfiles");
}

pub(crate) fn identifiers(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    for (at, item) in objects(obj, "identifiers") {
        imp.drop_unknown(item, &["key", "value"], at);
        if let (Some(key), Some(value)) =
            (imp.string(item, "key", at), imp.string(item, "value", at))
        {
            imp.contact.identifiers.push(Identifier {
                key: key.to_owned(),
                value: value.to_owned(),
            });
        }
    }
}

pub(crate) fn websites(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.contact.websites = strings(obj, "websites");
}

pub(crate) fn list_ids(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.contact.list_ids = strings(obj, "listIds");
}

pub(crate) fn account_ids(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.contact.account_ids = strings(obj, "accountIds");
}

pub(crate) fn company_refs(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.contact.company_refs = strings(obj, "companyRefs");
}

pub(crate) fn tags(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.contact.tags = strings(obj, "tags");
}

pub(crate) fn address(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    let Some(Value::Object(a)) = obj.get("address") else {
        return;
    };
    imp.drop_unknown(
        a,
        &["lines", "city", "region", "postalCode", "country"],
        Src::Member("address"),
    );
    let mut address = Address {
        lines: strings(a, "lines"),
        ..Address::default()
    };
    for (member, slot) in [
        ("city", &mut address.city),
        ("region", &mut address.region),
        ("postalCode", &mut address.postal_code),
        ("country", &mut address.country),
    ] {
        *slot = imp
            .string(a, member, Src::Member("address"))
            .map(str::to_owned);
    }
    if !address.is_empty() {
        imp.contact.address = Some(address);
    }
}

fn timestamp(obj: &Map<String, Value>, imp: &mut Importer<'_>, field: CField) {
    let member = field.name();
    let Some(text) = imp.string(obj, member, Src::Root) else {
        return;
    };
    let slot = match field {
        CField::SignedUpAt => &mut imp.contact.signed_up_at,
        _ => &mut imp.contact.last_seen_at,
    };
    match parse_iso_timestamp(text) {
        Some(t) => *slot = Some(t),
        None => imp.drop(
            Src::Member(field.name()),
            "is not an RFC 3339 date-time in the years 0000 to 9999 (UTC)",
        ),
    }
}

pub(crate) fn signed_up_at(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    timestamp(obj, imp, CField::SignedUpAt);
}

pub(crate) fn last_seen_at(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    timestamp(obj, imp, CField::LastSeenAt);
}

fn int(obj: &Map<String, Value>, imp: &mut Importer<'_>, member: &'static str) -> Option<i64> {
    let value = obj.get(member)?;
    let n = integer(value);
    if n.is_none() {
        imp.drop(Src::Member(member), "is not an integer in the 64-bit range");
    }
    n
}

pub(crate) fn organization_id(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.contact.organization_id = int(obj, imp, "organizationId");
}

pub(crate) fn owner_id(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.contact.owner_id = int(obj, imp, "ownerId");
}

pub(crate) fn unsubscribed_from_emails(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    imp.contact.unsubscribed_from_emails =
        obj.get("unsubscribedFromEmails").and_then(Value::as_bool);
}

pub(crate) fn custom_attributes(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    if let Some(Value::Object(map)) = obj.get("customAttributes") {
        imp.contact.custom_attributes = map.clone();
    }
}
