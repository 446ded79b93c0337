//! [`Contact`](super::Contact) → canonical JSON: the members that do not cross as plain text.

use std::borrow::Cow;

use crate::value::{Map, Value};

use crate::engine::crossing::At;
use crate::engine::export::Exporter;
use crate::engine::provenance::ContactPath;
use crate::engine::with_number;
use crate::model::{Address, ContactField, Email, Handle, Identifier, Phone};
use crate::note::NoteCode;
use crate::pointer::join;

/// A model value as the JSON its `Serialize` writes (`serde_json::to_value`), built by hand:
/// the WebAssembly module then links no serde serialiser for these few shapes.
trait ToValue {
    fn to_value(&self) -> Value;
}

/// An object of the members that are set, in order (`skip_serializing_if = "Option::is_none"`).
fn object(members: &[(&str, Option<&String>)]) -> Map {
    let mut map = Map::new();
    for (name, value) in members {
        if let Some(value) = value {
            map.insert((*name).to_owned(), Value::String((*value).clone()));
        }
    }
    map
}

impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::String(self.clone())
    }
}

impl ToValue for Email {
    fn to_value(&self) -> Value {
        Value::Object(object(&[
            ("value", Some(&self.value)),
            ("kind", self.kind.as_ref()),
        ]))
    }
}

impl ToValue for Phone {
    fn to_value(&self) -> Value {
        Value::Object(object(&[
            ("value", Some(&self.value)),
            ("kind", self.kind.as_ref()),
        ]))
    }
}

impl ToValue for Handle {
    fn to_value(&self) -> Value {
        Value::Object(object(&[
            ("kind", Some(&self.kind)),
            ("value", Some(&self.value)),
        ]))
    }
}

impl ToValue for Identifier {
    fn to_value(&self) -> Value {
        Value::Object(object(&[
            ("key", Some(&self.key)),
            ("value", Some(&self.value)),
        ]))
    }
}

impl ToValue for Address {
    fn to_value(&self) -> Value {
        let mut map = Map::new();
        if !self.lines.is_empty() {
            map.insert(
                "lines".to_owned(),
                crate::engine::shared::string_array(&self.lines),
            );
        }
        for (name, value) in [
            ("city", self.city.as_ref()),
            ("region", self.region.as_ref()),
            ("postalCode", self.postal_code.as_ref()),
            ("country", self.country.as_ref()),
        ] {
            if let Some(value) = value {
                map.insert(name.to_owned(), Value::String(value.clone()));
            }
        }
        Value::Object(map)
    }
}

/// The JSON values of `items`, by a loop (one small function per item type; [`list`] is one).
fn values<T: ToValue>(items: &[T]) -> Vec<Value> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(item.to_value());
    }
    out
}

/// Writes a list member of `items` (their [`values`]), recording each item's origin.
fn list(ex: &mut Exporter<'_>, at: At, items: Vec<Value>) {
    if items.is_empty() {
        return;
    }
    let field = at.field;
    let pointer = field.pointer();
    if ex.tracking() {
        for i in 0..items.len() {
            ex.origin(
                || Cow::Owned(with_number(&[pointer, "/"], i, &[])),
                ContactPath::Item(field, i),
            );
        }
    }
    ex.put_derived(at.member, Value::Array(items));
}

/// A list field (`at.field`) as its JSON array.
pub(crate) fn lists(ex: &mut Exporter<'_>, at: At) {
    let c = ex.contact;
    match at.field {
        ContactField::Emails => list(ex, at, values(&c.emails)),
        ContactField::Phones => list(ex, at, values(&c.phones)),
        ContactField::Chats => list(ex, at, values(&c.chats)),
        ContactField::SocialProfiles => list(ex, at, values(&c.social_profiles)),
        ContactField::Identifiers => list(ex, at, values(&c.identifiers)),
        ContactField::Websites => list(ex, at, values(&c.websites)),
        ContactField::ListIds => list(ex, at, values(&c.list_ids)),
        ContactField::AccountIds => list(ex, at, values(&c.account_ids)),
        ContactField::CompanyRefs => list(ex, at, values(&c.company_refs)),
        _ => list(ex, at, values(&c.tags)),
    }
}

pub(crate) fn address(ex: &mut Exporter<'_>, at: At) {
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
                || {
                    Cow::Owned(with_number(
                        &[ContactField::AddressLines.pointer(), "/"],
                        i,
                        &[],
                    ))
                },
                ContactPath::Item(ContactField::AddressLines, i),
            );
        }
    }
    ex.put_derived(at.member, a.to_value());
}

const TIMESTAMP_NOTE: &str = "written as a UTC RFC 3339 date-time (YYYY-MM-DDTHH:MM:SSZ)";

/// A canonical timestamp (`at.field`) as a UTC RFC 3339 date-time.
pub(crate) fn timestamp(ex: &mut Exporter<'_>, at: At) {
    ex.put_timestamp(at, |t| Value::String(t.text()), TIMESTAMP_NOTE);
}

pub(crate) fn gender(ex: &mut Exporter<'_>, at: At) {
    if let Some(g) = ex.contact.gender.as_deref() {
        ex.put_compared(
            at.member,
            Value::String(g.to_owned()),
            ContactPath::Field(at.field),
            NoteCode::Normalized,
            "written in lower case",
        );
    }
}

pub(crate) fn unsubscribed_from_emails(ex: &mut Exporter<'_>, at: At) {
    if let Some(b) = ex.contact.unsubscribed_from_emails {
        ex.put(at.member, Value::Bool(b), ContactPath::Field(at.field));
    }
}

pub(crate) fn custom_attributes(ex: &mut Exporter<'_>, at: At) {
    let c = ex.contact;
    if c.custom_attributes.is_empty() {
        return;
    }
    if ex.tracking() {
        for key in c.custom_attributes.keys() {
            ex.origin(
                || Cow::Owned(join(ContactField::CustomAttributes.pointer(), key)),
                ContactPath::Custom(key),
            );
        }
    }
    ex.put_derived(at.member, Value::Object(c.custom_attributes.clone()));
}

#[cfg(test)]
mod tests {
    use super::ToValue;
    use crate::model::{Address, Email, Handle, Identifier, Phone};

    /// The hand-built values are `serde_json::to_value`'s, with and without the optional parts.
    #[test]
    fn model_values_are_built_as_serde_serialises_them() {
        fn same<T: ToValue + serde::Serialize>(item: &T) {
            assert_eq!(item.to_value(), serde_json::to_value(item).expect("json"));
            let list = [item];
            let ours: Vec<serde_json::Value> = list.iter().map(|i| i.to_value()).collect();
            assert_eq!(
                serde_json::Value::Array(ours),
                serde_json::to_value(list).expect("json")
            );
        }
        for kind in [None, Some("work".to_owned())] {
            same(&Email {
                value: "a@example.com".into(),
                kind: kind.clone(),
            });
            same(&Phone {
                value: "+31 6".into(),
                kind,
            });
        }
        same(&Handle {
            kind: "skype".into(),
            value: "ada".into(),
        });
        same(&Identifier {
            key: "visitorid".into(),
            value: "v1".into(),
        });
        same(&"tag \"x\"".to_owned());
        same(&Address::default());
        same(&Address {
            lines: vec!["1 Main St".into(), "Apt 2".into()],
            city: Some("Springfield".into()),
            region: None,
            postal_code: Some("12345".into()),
            country: Some("US".into()),
        });
        same(&Address {
            region: Some("IL".into()),
            ..Address::default()
        });
    }
}
