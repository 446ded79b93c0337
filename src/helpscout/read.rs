//! `helpscout-customer` → canonical: the customer object Help Scout returns (see
//! docs/READ-FORMATS.md): the functions of the members that do not cross as plain text (the
//! members and how each crosses are declared in `read_spec`).

use crate::value::{Map, Value};

use super::spec::{CHAT_TYPES, EMAIL_TYPES, GENDERS, PHONE_TYPES, PHOTO_TYPES, SOCIAL_TYPES};
use crate::engine::crossing::At;
use crate::engine::import::Importer;
use crate::engine::provenance::{ContactPath, SourcePath};
use crate::engine::read::objects;
use crate::model::ContactField;
use crate::model::{Email, Handle, Phone};
use crate::spec::Vocabulary;

/// A string member that must be one of `list` (any letter case): lower case, or dropped.
fn one_of<'s>(
    obj: &'s Map,
    imp: &mut Importer<'s>,
    member: &'static str,
    field: ContactField,
    list: &Vocabulary,
    message: &str,
) {
    let Some(value) = imp
        .string(obj, member, SourcePath::Root)
        .filter(|s| !s.is_empty())
    else {
        return;
    };
    match list.values.iter().find(|v| v.eq_ignore_ascii_case(value)) {
        Some(v) => {
            if let Some(slot) = field.text_mut(&mut imp.contact) {
                *slot = Some((*v).to_owned());
                imp.trace(ContactPath::Field(field), SourcePath::Member(member));
            }
        }
        None => imp.dropped(SourcePath::Member(member), message),
    }
}

/// Any letter case (the API returns e.g. "Unknown"); the canonical value is lower case.
pub(crate) fn gender<'s>(obj: &'s Map, at: At, imp: &mut Importer<'s>) {
    one_of(
        obj,
        imp,
        at.member,
        at.field,
        &GENDERS,
        "is not male, female or unknown",
    );
}

pub(crate) fn photo_type<'s>(obj: &'s Map, at: At, imp: &mut Importer<'s>) {
    one_of(
        obj,
        imp,
        at.member,
        at.field,
        &PHOTO_TYPES,
        "is not a photo type the canonical contact knows",
    );
}

/// Where a list of entries sits: in `_embedded` (2.0) or at the top level (1.0).
#[derive(Clone, Copy)]
enum Place {
    Embedded(&'static str),
    Top(&'static str),
}

impl Place {
    fn list(self, obj: &Map) -> Option<&Map> {
        match self {
            Place::Embedded(_) => obj.get("_embedded")?.as_object(),
            Place::Top(_) => Some(obj),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Place::Embedded(name) | Place::Top(name) => name,
        }
    }

    fn item(self, i: usize) -> SourcePath<'static> {
        match self {
            Place::Embedded(name) => SourcePath::NestedItem("_embedded", name, i),
            Place::Top(name) => SourcePath::Item(name, i),
        }
    }

    fn member(self, i: usize, member: &'static str) -> SourcePath<'static> {
        match self {
            Place::Embedded(name) => SourcePath::NestedItemMember("_embedded", name, i, member),
            Place::Top(name) => SourcePath::ItemMember(name, i, member),
        }
    }
}

/// What a list holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Emails,
    Phones,
    Chats,
    SocialProfiles,
    Websites,
}

/// The lists, in the order they are read: the 2.0 places, then the 1.0 ones.
const LISTS: &[(Place, List)] = &[
    (Place::Embedded("emails"), List::Emails),
    (Place::Embedded("phones"), List::Phones),
    (Place::Embedded("chats"), List::Chats),
    (Place::Embedded("social_profiles"), List::SocialProfiles),
    (Place::Embedded("social-profiles"), List::SocialProfiles),
    (Place::Embedded("socialProfiles"), List::SocialProfiles),
    (Place::Embedded("websites"), List::Websites),
    (Place::Top("emails"), List::Emails),
    (Place::Top("phones"), List::Phones),
    (Place::Top("chats"), List::Chats),
    (Place::Top("socialProfiles"), List::SocialProfiles),
    (Place::Top("websites"), List::Websites),
];

/// The members of `_embedded`.
const EMBEDDED_MEMBERS: &[&str] = &[
    "emails",
    "phones",
    "chats",
    "social_profiles",
    "social-profiles",
    "socialProfiles",
    "websites",
    "properties",
    "address",
];

/// `_embedded` (2.0) and the lists and address of the 1.0 object.
pub(crate) fn embedded<'s>(obj: &'s Map, _: At, imp: &mut Importer<'s>) {
    if let Some(Value::Object(e)) = obj.get("_embedded") {
        imp.dropped_unknown(e, EMBEDDED_MEMBERS, SourcePath::Member("_embedded"));
    }
    for &(place, list) in LISTS {
        let Some(container) = place.list(obj) else {
            continue;
        };
        for (i, item) in objects(container, place.name()) {
            entry(imp, place, list, i, item);
        }
    }
    if let Some(Value::Object(e)) = obj.get("_embedded") {
        if let Some(Value::Object(a)) = e.get("address") {
            address(imp, a, true);
        }
        properties(imp, e);
    }
    if let Some(Value::Object(a)) = obj.get("address") {
        address(imp, a, false);
    }
}

/// One entry of a list: `value` and `type` (1.0: `url` for a social profile's value, `location`
/// for an email's or phone's kind); `id` and `_links` are ignored.
fn entry<'s>(imp: &mut Importer<'s>, place: Place, list: List, i: usize, item: &'s Map) {
    let at = place.item(i);
    imp.dropped_unknown(
        item,
        &["id", "value", "url", "type", "location", "_links"],
        at,
    );
    // The 1.0 Get Customer example gives a social profile's value as `url`.
    let value_member = if item.contains_key("value") {
        "value"
    } else {
        "url"
    };
    let Some(value) = imp.string(item, value_member, at).filter(|s| !s.is_empty()) else {
        imp.dropped(at, "has no value");
        return;
    };
    let kind_member = if item.contains_key("type") || list == List::Websites {
        "type"
    } else {
        "location"
    };
    let kind = imp
        .string(item, kind_member, at)
        .filter(|s| !s.is_empty())
        .map(|k| (k, place.member(i, kind_member)));
    let c = &mut imp.contact;
    let (field, n, kinds, unknown_kind): (ContactField, usize, Option<&Vocabulary>, &str) = match list {
        List::Emails => (
            ContactField::Emails,
            c.emails.len(),
            Some(&EMAIL_TYPES),
            "is not work, home or other, the email kinds the canonical contact holds",
        ),
        List::Phones => (
            ContactField::Phones,
            c.phones.len(),
            Some(&PHONE_TYPES),
            "is not a phone kind the canonical contact holds",
        ),
        List::Chats => (
            ContactField::Chats,
            c.chats.len(),
            Some(&CHAT_TYPES),
            "is not a chat service the canonical contact knows; the handle is kept with kind other",
        ),
        List::SocialProfiles => (
            ContactField::SocialProfiles,
            c.social_profiles.len(),
            Some(&SOCIAL_TYPES),
            "is not a network the canonical contact knows; the profile is kept with kind other",
        ),
        List::Websites => (ContactField::Websites, c.websites.len(), None, ""),
    };
    // The kind, when the canonical contact knows it.
    let known = match (kind, kinds) {
        (Some((k, src)), Some(kinds)) => {
            match kinds.values.iter().find(|v| v.eq_ignore_ascii_case(k)) {
                Some(v) => {
                    imp.trace(ContactPath::ItemKind(field, n), src);
                    Some(*v)
                }
                None => {
                    imp.dropped(src, unknown_kind);
                    None
                }
            }
        }
        _ => None,
    };
    let c = &mut imp.contact;
    match list {
        List::Emails => c.emails.push(Email {
            value: value.to_owned(),
            kind: known.map(str::to_owned),
        }),
        List::Phones => c.phones.push(Phone {
            value: value.to_owned(),
            kind: known.map(str::to_owned),
        }),
        List::Chats | List::SocialProfiles => {
            let handle = Handle {
                kind: known.unwrap_or("other").to_owned(),
                value: value.to_owned(),
            };
            if list == List::Chats {
                c.chats.push(handle);
            } else {
                c.social_profiles.push(handle);
            }
        }
        List::Websites => c.websites.push(value.to_owned()),
    }
    imp.trace(ContactPath::Item(field, n), at);
}

/// The address, at `_embedded.address` (2.0) or `address` (1.0); its `id`, `_links` and times
/// are ignored. A second address (both places given) adds nothing the first has.
fn address<'s>(imp: &mut Importer<'s>, a: &'s Map, embedded: bool) {
    let (at, part): (SourcePath<'static>, fn(&'static str) -> SourcePath<'static>) = if embedded {
        (SourcePath::Nested("_embedded", "address"), |m| {
            SourcePath::NestedMember("_embedded", "address", m)
        })
    } else {
        (SourcePath::Member("address"), |m| {
            SourcePath::Nested("address", m)
        })
    };
    imp.dropped_unknown(
        a,
        &[
            "id",
            "lines",
            "city",
            "state",
            "postalCode",
            "country",
            "createdAt",
            "modifiedAt",
            "_links",
        ],
        at,
    );
    let mut address = imp.contact.address.take().unwrap_or_default();
    for (member, field) in [
        ("city", ContactField::AddressCity),
        ("state", ContactField::AddressRegion),
        ("postalCode", ContactField::AddressPostalCode),
        ("country", ContactField::AddressCountry),
    ] {
        let Some(s) = imp.string(a, member, at).filter(|s| !s.is_empty()) else {
            continue;
        };
        let slot = match field {
            ContactField::AddressCity => &mut address.city,
            ContactField::AddressRegion => &mut address.region,
            ContactField::AddressPostalCode => &mut address.postal_code,
            _ => &mut address.country,
        };
        if slot.is_none() {
            *slot = Some(s.to_owned());
            imp.trace(ContactPath::Field(field), part(member));
        } else if slot.as_deref() != Some(s) {
            imp.dropped(
                part(member),
                "the customer has a second address; the canonical contact holds one",
            );
        }
    }
    if let Some(Value::Array(lines)) = a.get("lines") {
        let src = |i| {
            if embedded {
                SourcePath::NestedMemberItem("_embedded", "address", "lines", i)
            } else {
                SourcePath::NestedItem("address", "lines", i)
            }
        };
        // The string lines with their indexes (a loop: no iterator adapters in the module).
        let mut strings: Vec<(usize, &str)> = Vec::with_capacity(lines.len());
        for (i, line) in lines.iter().enumerate() {
            if let Some(line) = line.as_str() {
                strings.push((i, line));
            }
        }
        if address.lines.is_empty() {
            for (i, line) in strings {
                address.lines.push(line.to_owned());
                imp.trace(
                    ContactPath::Item(ContactField::AddressLines, address.lines.len() - 1),
                    src(i),
                );
            }
        } else if strings.len() != address.lines.len()
            || strings
                .iter()
                .zip(&address.lines)
                .any(|((_, line), held)| line != held)
        {
            for (i, _) in strings {
                imp.dropped(
                    src(i),
                    "the customer has a second address; the canonical contact holds one",
                );
            }
        }
    }
    if !address.is_empty() {
        imp.contact.address = Some(address);
    }
}

/// `_embedded.properties[]`: slug → value. `type`, `name`, `text` and `source` describe the
/// property's definition and where the value came from; a `null` value is an unset property.
fn properties<'s>(imp: &mut Importer<'s>, embedded: &'s Map) {
    for (i, item) in objects(embedded, "properties") {
        let at = SourcePath::NestedItem("_embedded", "properties", i);
        imp.dropped_unknown(
            item,
            &["type", "slug", "name", "value", "text", "source"],
            at,
        );
        let Some(slug) = imp.string(item, "slug", at).filter(|s| !s.is_empty()) else {
            if item.get("value").is_some_and(|v| !v.is_null()) {
                imp.dropped(at, "has no slug");
            }
            continue;
        };
        match item.get("value") {
            None | Some(Value::Null) => {}
            Some(value) => {
                imp.contact
                    .custom_attributes
                    .insert(slug.to_owned(), value.clone());
                imp.trace(ContactPath::Custom(slug), at);
            }
        }
    }
}
