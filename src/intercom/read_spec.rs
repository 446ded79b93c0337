//! The Intercom REST API 2.15 contact object (schema `contact`, the 200 response of Create / Get
//! contact and the items of List contacts), as a rule table: the `intercom-contact` read format.
//!
//! Sources: Intercom's OpenAPI description 2.15, schema `contact` and the example 200 response
//! of `POST /contacts`, which also shows `location.country_code`, `location.continent_code`, the
//! subscription-type lists, `utm_*`, `referrer` and `enabled_push_messaging`
//! (docs/RULES.md#ic-contact).
//!
//! A read format is checked leniently: the vendor produced the object, so only JSON types are
//! checked (a mismatch is an error), `null` is accepted wherever a value can be absent, no
//! lengths, formats or enumerations are enforced, and undocumented members are accepted without
//! findings.

use super::{import, read};
use crate::engine::crossing::{imported, named, Crossing};
use crate::engine::shared::{
    import_first_email, import_first_phone, import_integer_or_digits, import_text,
};
use crate::model::ContactField as F;
use crate::spec::{list, Echo, Extra, Member, ObjectRules, ValueRules, INTEGER, STRING};

/// The note of contact data the canonical contact has no field for.
const NOT_HELD: &str =
    "the canonical contact has no field for this (language preference or attribution data)";

/// A nullable string member.
const fn text(name: &'static str, label: &'static str, doc: &'static str) -> Member {
    Member::new(name, label, STRING).nullable().doc(doc)
}

/// A nullable Unix-seconds member.
const fn time(name: &'static str, label: &'static str, doc: &'static str) -> Member {
    Member::new(name, label, INTEGER).nullable().doc(doc)
}

/// A nullable boolean member.
const fn flag(name: &'static str, label: &'static str, doc: &'static str) -> Member {
    Member::new(name, label, ValueRules::Boolean)
        .nullable()
        .doc(doc)
}

const AVATAR: ObjectRules = ObjectRules::new(
    "Avatar",
    "The contact's avatar.",
    Extra::Allow,
    &[
        text("type", "Type", "Always avatar."),
        text(
            "image_url",
            "Image URL",
            "An image URL containing the avatar of a contact.",
        ),
    ],
);

/// An item of `tags.data`, `notes.data` or `companies.data`: a reference to another object.
const REFERENCE: ObjectRules = ObjectRules::new(
    "Addressable object",
    "A reference to an object attached to the contact (a tag, note or company). Tag references \
may carry the tag's name.",
    Extra::Allow,
    &[
        text("type", "Type", "The addressable object type."),
        text("id", "Id", "The id of the addressable object."),
        text("url", "URL", "The URL of the object."),
        text(
            "name",
            "Name",
            "The tag's name, where the object carries it.",
        ),
    ],
);

/// `tags`, `notes`, `companies` and the subscription-type lists: up to 10 references and a URL
/// to get the others.
const LIST: ObjectRules = ObjectRules::new(
    "List of attached objects",
    "Up to 10 attached objects; use the URL to get more.",
    Extra::Allow,
    &[
        text("type", "Type", "Always list."),
        Member::new("data", "Data", list!(ValueRules::Object(&REFERENCE))).nullable(),
        text("url", "URL", "URL to get every attached object."),
        Member::new("total_count", "Total count", INTEGER)
            .nullable()
            .doc("The number of attached objects."),
        flag(
            "has_more",
            "Has more",
            "Whether there are more objects than listed here.",
        ),
    ],
);

const LOCATION: ObjectRules = ObjectRules::new(
    "Location",
    "Location data about the contact, computed by Intercom.",
    Extra::Allow,
    &[
        text("type", "Type", "Always location."),
        text(
            "country",
            "Country",
            "The country that the contact is located in.",
        ),
        text(
            "region",
            "Region",
            "The overall region that the contact is located in.",
        ),
        text("city", "City", "The city that the contact is located in."),
        text("country_code", "Country code", "The country's code."),
        text("continent_code", "Continent code", "The continent's code."),
    ],
);

const SOCIAL_PROFILE: ObjectRules = ObjectRules::new(
    "Social profile",
    "A social profile of the contact.",
    Extra::Allow,
    &[
        text("type", "Type", "Always social_profile."),
        text(
            "name",
            "Name",
            "The name of the social network (e.g. Twitter, Facebook).",
        ),
        text("url", "URL", "The profile's URL."),
    ],
);

const SOCIAL_PROFILES: ObjectRules = ObjectRules::new(
    "Social profiles",
    "The contact's social profiles.",
    Extra::Allow,
    &[
        text("type", "Type", "Always list."),
        Member::new("data", "Data", list!(ValueRules::Object(&SOCIAL_PROFILE))).nullable(),
    ],
);

/// The contact object.
pub(crate) static CONTACT: ObjectRules = ObjectRules::new(
    "Intercom contact object (read, REST API 2.15)",
    "The contact object Intercom returns (schema `contact`: Create / Get / List contacts). A read \
format: contactkit converts from it but not to it. Checked leniently, because Intercom produced it: only JSON \
types are checked, null is accepted wherever a value can be absent, and undocumented members are accepted.",
    Extra::Allow,
    &[
        text("type", "Type", "Always contact.").maps(&Crossing::Ignored),
        text("id", "Id", "The unique identifier Intercom gave the contact.").maps(&Crossing::ReadText(F::IntercomId)),
        text("workspace_id", "Workspace id", "The workspace the contact belongs to.").maps(&Crossing::Ignored),
        text(
            "external_id",
            "External id",
            "The unique identifier for the contact which is provided by the client.",
        ).maps(&Crossing::ReadText(F::ExternalId)).echo(&Echo::AsSent),
        text("role", "Role", "The role of the contact (user or lead).").maps(&imported(F::Role.single(), import_text)).echo(&Echo::AsSent),
        text("email", "Email", "The contact's email.").maps(&imported(F::Emails.single(), import_first_email)),
        text("email_domain", "Email domain", "The domain of the contact's email.").maps(&Crossing::Ignored),
        text("phone", "Phone", "The contact's phone.").maps(&imported(F::Phones.single(), import_first_phone)).echo(&Echo::AsSent),
        text("name", "Name", "The contact's name.").maps(&imported(F::FullName.single(), import_text)).echo(&Echo::AsSent),
        Member::new("owner_id", "Owner id", INTEGER).maps(&imported(F::OwnerId.single(), import_integer_or_digits)).echo(&Echo::AsSent)
            .nullable()
            .loose()
            .doc("The id of the admin that owns the contact (an integer in 2.15, a string in 2.16)."),
        flag("has_hard_bounced", "Has hard bounced", "Whether an email sent to the contact hard bounced.").maps(&Crossing::Ignored),
        flag(
            "marked_email_as_spam",
            "Marked email as spam",
            "Whether the contact marked an email as spam.",
        ).maps(&Crossing::Ignored),
        flag(
            "unsubscribed_from_emails",
            "Unsubscribed from emails",
            "Whether the contact is unsubscribed from emails.",
        ).maps(&imported(F::UnsubscribedFromEmails.single(), import::unsubscribed_from_emails)).echo(&Echo::AsSent),
        time("created_at", "Created at", "Unix seconds: when the contact was created.").maps(&Crossing::Ignored),
        time("updated_at", "Updated at", "Unix seconds: when the contact was last updated.").maps(&Crossing::Ignored),
        time("signed_up_at", "Signed up at", "Unix seconds: when the contact signed up.").maps(&imported(F::SignedUpAt.single(), import::timestamp)).echo(&Echo::AsSent),
        time("last_seen_at", "Last seen at", "Unix seconds: when the contact was last seen.").maps(&imported(F::LastSeenAt.single(), import::timestamp)).echo(&Echo::AsSent),
        time("last_replied_at", "Last replied at", "Unix seconds: when the contact last messaged in.").maps(&Crossing::Ignored),
        time("last_contacted_at", "Last contacted at", "Unix seconds: when the contact was last messaged.").maps(&Crossing::Ignored),
        time(
            "last_email_opened_at",
            "Last email opened at",
            "Unix seconds: when the contact last opened an email.",
        ).maps(&Crossing::Ignored),
        time(
            "last_email_clicked_at",
            "Last email clicked at",
            "Unix seconds: when the contact last clicked a link in an email.",
        ).maps(&Crossing::Ignored),
        text(
            "language_override",
            "Language override",
            "A preferred language for the Messenger, even if the browser settings change.",
        ).maps(&Crossing::NotHeld(NOT_HELD)),
        text("browser", "Browser", "The name of the browser the contact is using.").maps(&Crossing::ReadText(F::Browser)),
        text("browser_version", "Browser version", "The version of the browser.").maps(&Crossing::ReadText(F::BrowserVersion)),
        text("browser_language", "Browser language", "The language set by the browser.").maps(&Crossing::ReadText(F::BrowserLanguage)),
        text("os", "Operating system", "The operating system the contact is using.").maps(&Crossing::ReadText(F::Os)),
        Member::new("location", "Location", ValueRules::Object(&LOCATION)).maps(&imported(&[named!(".city", F::AddressCity), named!(".region", F::AddressRegion), named!(".country", F::AddressCountry)], read::location)).nullable(),
        text("android_app_name", "Android app name", "The name of the Android app the contact is using.").maps(&Crossing::Ignored),
        text("android_app_version", "Android app version", "The version of the Android app.").maps(&Crossing::Ignored),
        text("android_device", "Android device", "The Android device the contact is using.").maps(&Crossing::Ignored),
        text("android_os_version", "Android OS version", "The version of the Android OS.").maps(&Crossing::Ignored),
        text("android_sdk_version", "Android SDK version", "The version of the Android SDK.").maps(&Crossing::Ignored),
        time(
            "android_last_seen_at",
            "Android last seen at",
            "Unix seconds: when the contact was last seen on an Android device.",
        ).maps(&Crossing::Ignored),
        text("ios_app_name", "iOS app name", "The name of the iOS app the contact is using.").maps(&Crossing::Ignored),
        text("ios_app_version", "iOS app version", "The version of the iOS app.").maps(&Crossing::Ignored),
        text("ios_device", "iOS device", "The iOS device the contact is using.").maps(&Crossing::Ignored),
        text("ios_os_version", "iOS version", "The version of iOS.").maps(&Crossing::Ignored),
        text("ios_sdk_version", "iOS SDK version", "The version of the iOS SDK.").maps(&Crossing::Ignored),
        time(
            "ios_last_seen_at",
            "iOS last seen at",
            "Unix seconds: when the contact last used the iOS app.",
        ).maps(&Crossing::Ignored),
        Member::new("custom_attributes", "Custom attributes", ValueRules::Object(&crate::spec::CUSTOM_ATTRIBUTES)).maps(&imported(F::CustomAttributes.single(), import::custom_attributes))
            .nullable()
            .doc("The custom attributes set for the contact."),
        Member::new("avatar", "Avatar", ValueRules::Object(&AVATAR)).maps(&imported(&[named!(".image_url", F::PhotoUrl)], read::avatar)).nullable(),
        Member::new("tags", "Tags", ValueRules::Object(&LIST)).maps(&imported(&[named!(".data[].name", F::Tags)], read::tags))
            .nullable()
            .doc("Up to 10 tags attached to the contact."),
        Member::new("notes", "Notes", ValueRules::Object(&LIST)).maps(&imported(&[], read::attached))
            .nullable()
            .doc("Up to 10 notes attached to the contact."),
        Member::new("companies", "Companies", ValueRules::Object(&LIST)).maps(&Crossing::Along { with: "notes", fields: &[] })
            .nullable()
            .doc("Up to 10 companies the contact belongs to."),
        Member::new(
            "opted_out_subscription_types",
            "Opted-out subscription types",
            ValueRules::Object(&LIST),
        ).maps(&Crossing::Ignored)
        .nullable(),
        Member::new(
            "opted_in_subscription_types",
            "Opted-in subscription types",
            ValueRules::Object(&LIST),
        ).maps(&Crossing::Ignored)
        .nullable(),
        text("utm_campaign", "UTM campaign", "Attribution: the UTM campaign of the contact's first visit.").maps(&Crossing::NotHeld(NOT_HELD)),
        text("utm_content", "UTM content", "Attribution: the UTM content.").maps(&Crossing::NotHeld(NOT_HELD)),
        text("utm_medium", "UTM medium", "Attribution: the UTM medium.").maps(&Crossing::NotHeld(NOT_HELD)),
        text("utm_source", "UTM source", "Attribution: the UTM source.").maps(&Crossing::NotHeld(NOT_HELD)),
        text("utm_term", "UTM term", "Attribution: the UTM term.").maps(&Crossing::NotHeld(NOT_HELD)),
        text("referrer", "Referrer", "Attribution: the referring URL.").maps(&Crossing::NotHeld(NOT_HELD)),
        flag(
            "enabled_push_messaging",
            "Enabled push messaging",
            "Whether the contact enabled push messaging.",
        ).maps(&Crossing::Ignored),
        Member::new("social_profiles", "Social profiles", ValueRules::Object(&SOCIAL_PROFILES)).maps(&imported(&[named!(".data[].url", F::SocialProfiles), named!(".data[].name", F::SocialProfiles)], read::social_profiles)).nullable(),
    ],
);
