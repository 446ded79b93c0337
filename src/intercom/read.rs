//! `intercom-contact` → canonical: the contact object Intercom returns (see docs/READ-FORMATS.md).

use serde_json::{Map, Value};

use super::import;
use crate::engine::import::Importer;
use crate::engine::provenance::{ContactPath, SourcePath};
use crate::engine::read::{
    dropped_when_set, has_value, ignored, integer_or_digits, objects, read, text,
};
use crate::engine::table::Table;
use crate::model::vocabulary::SOCIAL_KINDS;
use crate::model::Handle;
use crate::model::{ContactField as F, ContactField};

/// Members that are not contact data: ids and bookkeeping Intercom assigns, a value derived from
/// the email, and Intercom's own messaging state and mobile SDK telemetry.
const IGNORED: &[&str] = &[
    "type",
    "workspace_id",
    "email_domain",
    "has_hard_bounced",
    "marked_email_as_spam",
    "created_at",
    "updated_at",
    "last_replied_at",
    "last_contacted_at",
    "last_email_opened_at",
    "last_email_clicked_at",
    "android_app_name",
    "android_app_version",
    "android_device",
    "android_os_version",
    "android_sdk_version",
    "android_last_seen_at",
    "ios_app_name",
    "ios_app_version",
    "ios_device",
    "ios_os_version",
    "ios_sdk_version",
    "ios_last_seen_at",
    "opted_out_subscription_types",
    "opted_in_subscription_types",
    "enabled_push_messaging",
];

/// Contact data the canonical contact has no field for: dropped with a note when set.
const NOT_HELD: &[&str] = &[
    "language_override",
    "utm_campaign",
    "utm_content",
    "utm_medium",
    "utm_source",
    "utm_term",
    "referrer",
];

/// Intercom's contact object → canonical, in the member order of the 2.15 `contact` schema.
pub(crate) static TABLE: Table = Table::new(&[
    ignored(IGNORED),
    read(&["id"], &[("id", F::IntercomId)], id),
    read(
        &["external_id"],
        &[("external_id", F::ExternalId)],
        external_id,
    ),
    read(&["role"], &[("role", F::Role)], import::role),
    read(&["email"], &[("email", F::Emails)], import::email),
    read(&["phone"], &[("phone", F::Phones)], import::phone),
    read(&["name"], &[("name", F::FullName)], import::name),
    read(&["owner_id"], &[("owner_id", F::OwnerId)], owner_id),
    read(
        &["unsubscribed_from_emails"],
        &[("unsubscribed_from_emails", F::UnsubscribedFromEmails)],
        import::unsubscribed_from_emails,
    ),
    read(
        &["signed_up_at"],
        &[("signed_up_at", F::SignedUpAt)],
        import::signed_up_at,
    ),
    read(
        &["last_seen_at"],
        &[("last_seen_at", F::LastSeenAt)],
        import::last_seen_at,
    ),
    read(NOT_HELD, &[], not_held),
    read(
        &["browser", "browser_version", "browser_language", "os"],
        &[
            ("browser", F::Browser),
            ("browser_version", F::BrowserVersion),
            ("browser_language", F::BrowserLanguage),
            ("os", F::Os),
        ],
        browser,
    ),
    read(
        &["location"],
        &[
            ("location.city", F::AddressCity),
            ("location.region", F::AddressRegion),
            ("location.country", F::AddressCountry),
        ],
        location,
    ),
    read(
        &["custom_attributes"],
        &[("custom_attributes", F::CustomAttributes)],
        import::custom_attributes,
    ),
    read(&["avatar"], &[("avatar.image_url", F::PhotoUrl)], avatar),
    read(&["tags"], &[("tags.data[].name", F::Tags)], tags),
    read(&["notes", "companies"], &[], attached),
    read(
        &["social_profiles"],
        &[
            ("social_profiles.data[].url", F::SocialProfiles),
            ("social_profiles.data[].name", F::SocialProfiles),
        ],
        social_profiles,
    ),
]);

fn id<'s>(obj: &'s Map<String, Value>, imp: &mut Importer<'s>) {
    text(
        imp,
        obj,
        "id",
        ContactField::IntercomId,
        SourcePath::Member("id"),
    );
}

fn external_id<'s>(obj: &'s Map<String, Value>, imp: &mut Importer<'s>) {
    text(
        imp,
        obj,
        "external_id",
        ContactField::ExternalId,
        SourcePath::Member("external_id"),
    );
}

/// An integer in 2.15, a string in 2.16 and later: both are read.
fn owner_id(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    let Some(value) = obj.get("owner_id").filter(|v| !v.is_null()) else {
        return;
    };
    match integer_or_digits(value) {
        Some(id) => {
            imp.contact.owner_id = Some(id);
            imp.trace(
                ContactPath::Field(ContactField::OwnerId),
                SourcePath::Member("owner_id"),
            );
        }
        None => imp.dropped(
            SourcePath::Member("owner_id"),
            "is not an integer, and the canonical owner id is one",
        ),
    }
}

fn not_held(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
    dropped_when_set(
        obj,
        imp,
        NOT_HELD,
        "the canonical contact has no field for this (language preference or attribution data)",
    );
}

fn browser<'s>(obj: &'s Map<String, Value>, imp: &mut Importer<'s>) {
    for (member, field) in [
        ("browser", ContactField::Browser),
        ("browser_version", ContactField::BrowserVersion),
        ("browser_language", ContactField::BrowserLanguage),
        ("os", ContactField::Os),
    ] {
        text(imp, obj, member, field, SourcePath::Member(member));
    }
}

/// `location.city`, `.region` and `.country` are the address; `type`, `country_code` and
/// `continent_code` are ignored (a type marker, and codes derived from the same lookup as the
/// country).
fn location<'s>(obj: &'s Map<String, Value>, imp: &mut Importer<'s>) {
    let Some(Value::Object(location)) = obj.get("location") else {
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
            SourcePath::Nested("location", member),
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
        SourcePath::Member("location"),
    );
}

/// `avatar.image_url` is the photo; `avatar.type` is a type marker.
fn avatar<'s>(obj: &'s Map<String, Value>, imp: &mut Importer<'s>) {
    let Some(Value::Object(avatar)) = obj.get("avatar") else {
        return;
    };
    text(
        imp,
        avatar,
        "image_url",
        ContactField::PhotoUrl,
        SourcePath::Nested("avatar", "image_url"),
    );
    imp.dropped_unknown(avatar, &["type", "image_url"], SourcePath::Member("avatar"));
}

/// The members of a list of attached objects (`tags`, `notes`, `companies`) that are not the
/// objects themselves: a type marker, the URL of the full list and its count.
const LIST_MEMBERS: &[&str] = &["type", "data", "url", "total_count", "has_more"];

/// Notes that a list holds only some of the attached objects (`has_more`).
fn more(list: &Map<String, Value>, imp: &mut Importer<'_>, member: &'static str, what: &str) {
    if list.get("has_more") == Some(&Value::Bool(true)) {
        imp.dropped(
            SourcePath::Nested(member, "has_more"),
            format!(
                "Intercom's contact object lists at most 10 {what}; the others are not in this record (get them from the list's url)"
            ),
        );
    }
}

/// Tag names: the items of `tags.data` that carry a `name` (a tag object does; a bare reference
/// of type, id and url does not, and is dropped with a note).
fn tags<'s>(obj: &'s Map<String, Value>, imp: &mut Importer<'s>) {
    let Some(Value::Object(list)) = obj.get("tags") else {
        return;
    };
    imp.dropped_unknown(list, LIST_MEMBERS, SourcePath::Member("tags"));
    for (i, item) in objects(list, "data") {
        match item.get("name") {
            Some(Value::String(name)) if !name.is_empty() => {
                imp.contact.tags.push(name.clone());
                let n = imp.contact.tags.len() - 1;
                imp.trace(
                    ContactPath::Item(ContactField::Tags, n),
                    SourcePath::NestedItemMember("tags", "data", i, "name"),
                );
            }
            _ => imp.dropped(
                SourcePath::NestedItem("tags", "data", i),
                "is a reference to a tag without its name; the canonical contact holds tag names",
            ),
        }
    }
    more(list, imp, "tags", "tags");
}

/// Notes and companies are listed as references to Intercom objects (type, id, url), which the
/// canonical contact cannot hold: each is dropped with a note.
fn attached(obj: &Map<String, Value>, imp: &mut Importer<'_>) {
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
    let folded: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let folded = match folded.as_str() {
        "googleprofile" | "google" => "google",
        "foursquare" | "forsquare" => "foursquare",
        other => other,
    };
    SOCIAL_KINDS.iter().find(|k| **k == folded).copied()
}

/// `social_profiles.data[]`: the URL is the profile, the network name its kind.
fn social_profiles<'s>(obj: &'s Map<String, Value>, imp: &mut Importer<'s>) {
    let Some(Value::Object(list)) = obj.get("social_profiles") else {
        return;
    };
    imp.dropped_unknown(
        list,
        &["type", "data"],
        SourcePath::Member("social_profiles"),
    );
    for (i, item) in objects(list, "data") {
        imp.dropped_unknown(
            item,
            &["type", "name", "url"],
            SourcePath::NestedItem("social_profiles", "data", i),
        );
        let Some(Value::String(url)) = item.get("url").filter(|v| has_value(Some(v))) else {
            if has_value(item.get("name")) {
                imp.dropped(
                    SourcePath::NestedItem("social_profiles", "data", i),
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
                        SourcePath::NestedItemMember("social_profiles", "data", i, "name"),
                    );
                    kind
                }
                None => {
                    imp.dropped(
                        SourcePath::NestedItemMember("social_profiles", "data", i, "name"),
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
            SourcePath::NestedItemMember("social_profiles", "data", i, "url"),
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
