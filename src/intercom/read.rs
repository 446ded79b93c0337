//! `intercom-contact` → canonical: the contact object Intercom returns (see docs/READ-FORMATS.md):
//! the functions of the members that do not cross as plain text (the members and how each
//! crosses are declared in `read_spec`).

use crate::value::{Map, Value};

use crate::engine::concat;
use crate::engine::crossing::At;
use crate::engine::import::Importer;
use crate::engine::provenance::{ContactPath, SourcePath};
use crate::engine::read::{has_value, objects, text};
use crate::model::vocabulary::SOCIAL_KINDS;
use crate::model::{ContactField, Handle};

/// `location.city`, `.region` and `.country` are the address; `type`, `country_code` and
/// `continent_code` are ignored (a type marker, and codes derived from the same lookup as the
/// country).
pub(crate) fn location<'s>(obj: &'s Map, at: At, imp: &mut Importer<'s>) {
    let top = at.member;
    let Some(Value::Object(location)) = obj.get(top) else {
        return;
    };
    for (member, field) in [
        ("city", ContactField::AddressCity),
        ("region", ContactField::AddressRegion),
        ("country", ContactField::AddressCountry),
    ] {
        text(
            imp,
            location,
            member,
            field,
            SourcePath::Nested(top, member),
        );
    }
    imp.dropped_unknown(
        location,
        &[
            "type",
            "city",
            "region",
            "country",
            "country_code",
            "continent_code",
        ],
        SourcePath::Member(top),
    );
}

/// `avatar.image_url` is the photo; `avatar.type` is a type marker.
pub(crate) fn avatar<'s>(obj: &'s Map, at: At, imp: &mut Importer<'s>) {
    let top = at.member;
    let Some(Value::Object(avatar)) = obj.get(top) else {
        return;
    };
    text(
        imp,
        avatar,
        "image_url",
        ContactField::PhotoUrl,
        SourcePath::Nested(top, "image_url"),
    );
    imp.dropped_unknown(avatar, &["type", "image_url"], SourcePath::Member(top));
}

/// The members of a list of attached objects (`tags`, `notes`, `companies`) that are not the
/// objects themselves: a type marker, the URL of the full list and its count.
const LIST_MEMBERS: &[&str] = &["type", "data", "url", "total_count", "has_more"];

/// Notes that a list holds only some of the attached objects (`has_more`).
fn more(list: &Map, imp: &mut Importer<'_>, member: &'static str, what: &str) {
    if list.get("has_more") == Some(&Value::Bool(true)) {
        imp.dropped(
            SourcePath::Nested(member, "has_more"),
            concat(&[
                "Intercom's contact object lists at most 10 ",
                what,
                "; the others are not in this record (get them from the list's url)",
            ]),
        );
    }
}

/// Tag names: the items of `tags.data` that carry a `name` (a tag object does; a bare reference
/// of type, id and url does not, and is dropped with a note).
pub(crate) fn tags<'s>(obj: &'s Map, at: At, imp: &mut Importer<'s>) {
    let top = at.member;
    let Some(Value::Object(list)) = obj.get(top) else {
        return;
    };
    imp.dropped_unknown(list, LIST_MEMBERS, SourcePath::Member(top));
    for (i, item) in objects(list, "data") {
        match item.get("name") {
            Some(Value::String(name)) if !name.is_empty() => {
                imp.contact.tags.push(name.clone());
                let n = imp.contact.tags.len() - 1;
                imp.trace(
                    ContactPath::Item(ContactField::Tags, n),
                    SourcePath::NestedItemMember(top, "data", i, "name"),
                );
            }
            _ => imp.dropped(
                SourcePath::NestedItem(top, "data", i),
                "is a reference to a tag without its name; the canonical contact holds tag names",
            ),
        }
    }
    more(list, imp, top, "tags");
}

/// Notes and companies are listed as references to Intercom objects (type, id, url), which the
/// canonical contact cannot hold: each is dropped with a note.
pub(crate) fn attached(obj: &Map, _: At, imp: &mut Importer<'_>) {
    for (member, what) in [("notes", "notes"), ("companies", "companies")] {
        let Some(Value::Object(list)) = obj.get(member) else {
            continue;
        };
        imp.dropped_unknown(list, LIST_MEMBERS, SourcePath::Member(member));
        let message = if member == "notes" {
            "is a reference to an Intercom note; the canonical contact has no notes list (its notes field is free text)"
        } else {
            "is a reference to an Intercom company; the canonical contact holds an organization name, not company ids"
        };
        if let Some(Value::Array(items)) = list.get("data") {
            for i in 0..items.len() {
                imp.dropped(SourcePath::NestedItem(member, "data", i), message);
            }
        }
        more(list, imp, member, what);
    }
}

/// The canonical social profile kind of an Intercom network name ("Twitter" → `twitter`,
/// "Google Plus" → `googleplus`, "About.me" → `aboutme`), or `None` when the canonical contact has
/// no kind for it.
pub(crate) fn social_kind(name: &str) -> Option<&'static str> {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            folded.push(c.to_ascii_lowercase());
        }
    }
    let folded = match folded.as_str() {
        "googleprofile" | "google" => "google",
        "foursquare" | "forsquare" => "foursquare",
        other => other,
    };
    SOCIAL_KINDS.iter().find(|k| **k == folded).copied()
}

/// `social_profiles.data[]`: the URL is the profile, the network name its kind.
pub(crate) fn social_profiles<'s>(obj: &'s Map, at: At, imp: &mut Importer<'s>) {
    let top = at.member;
    let Some(Value::Object(list)) = obj.get(top) else {
        return;
    };
    imp.dropped_unknown(list, &["type", "data"], SourcePath::Member(top));
    for (i, item) in objects(list, "data") {
        imp.dropped_unknown(
            item,
            &["type", "name", "url"],
            SourcePath::NestedItem(top, "data", i),
        );
        let Some(Value::String(url)) = item.get("url").filter(|v| has_value(Some(v))) else {
            if has_value(item.get("name")) {
                imp.dropped(
                    SourcePath::NestedItem(top, "data", i),
                    "has no URL, and the canonical social profile is one",
                );
            }
            continue;
        };
        let kind = match item.get("name") {
            Some(Value::String(name)) => match social_kind(name) {
                Some(kind) => {
                    imp.trace(
                        ContactPath::ItemKind(
                            ContactField::SocialProfiles,
                            imp.contact.social_profiles.len(),
                        ),
                        SourcePath::NestedItemMember(top, "data", i, "name"),
                    );
                    kind
                }
                None => {
                    imp.dropped(
                        SourcePath::NestedItemMember(top, "data", i, "name"),
                        "is not a network the canonical contact knows; the profile is kept with kind other",
                    );
                    "other"
                }
            },
            _ => "other",
        };
        imp.contact.social_profiles.push(Handle {
            kind: kind.to_owned(),
            value: url.clone(),
        });
        let n = imp.contact.social_profiles.len() - 1;
        imp.trace(
            ContactPath::Item(ContactField::SocialProfiles, n),
            SourcePath::NestedItemMember(top, "data", i, "url"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::social_kind;

    #[test]
    fn social_network_names() {
        for (name, kind) in [
            ("Twitter", Some("twitter")),
            ("Facebook", Some("facebook")),
            ("LinkedIn", Some("linkedin")),
            ("Google Plus", Some("googleplus")),
            ("GooglePlus", Some("googleplus")),
            ("Google", Some("google")),
            ("About.me", Some("aboutme")),
            ("YouTube", Some("youtube")),
            ("Foursquare", Some("foursquare")),
            ("Flickr", Some("flickr")),
            ("Klout", None),
            ("other", Some("other")),
            ("", None),
        ] {
            assert_eq!(social_kind(name), kind, "{name}");
        }
    }
}
