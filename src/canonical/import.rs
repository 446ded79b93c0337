//! Canonical JSON → [`Contact`](super::Contact): the members that do not cross as plain text.
//! The provenance of a canonical source is the identity, so nothing here traces.

use crate::value::{Map, Value};

use crate::engine::crossing::At;
use crate::engine::import::Importer;
use crate::engine::provenance::SourcePath;
use crate::engine::read::objects;
use crate::engine::shared::{integer, items};
use crate::model::ContactField;
use crate::model::{Address, Email, Handle, Identifier, Phone};

/// The string items of array member `member`.
fn strings(obj: &Map, member: &str) -> Vec<String> {
    let mut out = Vec::new();
    for item in items(obj, member) {
        if let Some(s) = item.as_str() {
            out.push(s.to_owned());
        }
    }
    out
}

/// Emails or phones (`at.field`): a value and its kind.
pub(crate) fn values(obj: &Map, at: At, imp: &mut Importer<'_>) {
    for (i, item) in objects(obj, at.member) {
        let src = SourcePath::Item(at.member, i);
        imp.dropped_unknown(item, &["value", "kind"], src);
        if let Some(value) = imp.string(item, "value", src) {
            let kind = imp.string(item, "kind", src).map(str::to_owned);
            let value = value.to_owned();
            match at.field {
                ContactField::Emails => imp.contact.emails.push(Email { value, kind }),
                _ => imp.contact.phones.push(Phone { value, kind }),
            }
        }
    }
}

/// Chat handles or social profiles (`at.field`): a kind and a value.
pub(crate) fn handles(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let mut out = Vec::new();
    for (i, item) in objects(obj, at.member) {
        let src = SourcePath::Item(at.member, i);
        imp.dropped_unknown(item, &["kind", "value"], src);
        if let (Some(kind), Some(value)) = (
            imp.string(item, "kind", src),
            imp.string(item, "value", src),
        ) {
            out.push(Handle {
                kind: kind.to_owned(),
                value: value.to_owned(),
            });
        }
    }
    match at.field {
        ContactField::Chats => imp.contact.chats = out,
        _ => imp.contact.social_profiles = out,
    }
}

/// Other identifiers: a key and a value.
pub(crate) fn identifiers(obj: &Map, at: At, imp: &mut Importer<'_>) {
    for (i, item) in objects(obj, at.member) {
        let src = SourcePath::Item(at.member, i);
        imp.dropped_unknown(item, &["key", "value"], src);
        if let (Some(key), Some(value)) =
            (imp.string(item, "key", src), imp.string(item, "value", src))
        {
            imp.contact.identifiers.push(Identifier {
                key: key.to_owned(),
                value: value.to_owned(),
            });
        }
    }
}

/// A list of strings: websites, list ids, account ids, company references or tags
/// (`at.field`).
pub(crate) fn string_list(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let list = strings(obj, at.member);
    let c = &mut imp.contact;
    match at.field {
        ContactField::Websites => c.websites = list,
        ContactField::ListIds => c.list_ids = list,
        ContactField::AccountIds => c.account_ids = list,
        ContactField::CompanyRefs => c.company_refs = list,
        _ => c.tags = list,
    }
}

pub(crate) fn address(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let Some(Value::Object(a)) = obj.get(at.member) else {
        return;
    };
    imp.dropped_unknown(
        a,
        &["lines", "city", "region", "postalCode", "country"],
        SourcePath::Member(at.member),
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
            .string(a, member, SourcePath::Member(at.member))
            .map(str::to_owned);
    }
    if !address.is_empty() {
        imp.contact.address = Some(address);
    }
}

/// An RFC 3339 date-time: the canonical timestamp of `at.field`.
///
/// Provenance is not recorded from a canonical source (it is the identity), so tracing the
/// field, as every importer does, records nothing here.
pub(crate) fn timestamp(obj: &Map, at: At, imp: &mut Importer<'_>) {
    imp.timestamp(
        obj,
        at,
        "is not an RFC 3339 date-time in the years 0000 to 9999 (UTC)",
    );
}

/// An integer in the 64-bit range: the canonical integer of `at.field`.
pub(crate) fn whole_number(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let Some(value) = obj.get(at.member) else {
        return;
    };
    let n = integer(value);
    if n.is_none() {
        imp.dropped(
            SourcePath::Member(at.member),
            "is not an integer in the 64-bit range",
        );
    }
    if let Some(slot) = at.field.integer_mut(&mut imp.contact) {
        *slot = n;
    }
}

pub(crate) fn unsubscribed_from_emails(obj: &Map, at: At, imp: &mut Importer<'_>) {
    imp.contact.unsubscribed_from_emails = obj.get(at.member).and_then(Value::as_bool);
}

pub(crate) fn custom_attributes(obj: &Map, at: At, imp: &mut Importer<'_>) {
    if let Some(Value::Object(map)) = obj.get(at.member) {
        imp.contact.custom_attributes = map.clone();
    }
}
