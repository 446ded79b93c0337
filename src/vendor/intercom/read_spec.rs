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

use crate::spec::{list, Extra, Field, Kind, Obj, INTEGER, STRING};

/// A free object: any members, any values.
pub(crate) static FREE: Obj = Obj {
    title: "Object",
    description: "Any members.",
    fields: &[],
    extra: Extra::Allow,
    any_of_required: &[],
    check: None,
};

/// A nullable string member.
const fn text(name: &'static str, label: &'static str, doc: &'static str) -> Field {
    Field::new(name, label, STRING).nullable().doc(doc)
}

/// A nullable Unix-seconds member.
const fn time(name: &'static str, label: &'static str, doc: &'static str) -> Field {
    Field::new(name, label, INTEGER).nullable().doc(doc)
}

/// A nullable boolean member.
const fn flag(name: &'static str, label: &'static str, doc: &'static str) -> Field {
    Field::new(name, label, Kind::Bool).nullable().doc(doc)
}

const AVATAR: Obj = Obj {
    title: "Avatar",
    description: "The contact's avatar.",
    fields: &[
        text("type", "Type", "Always avatar."),
        text(
            "image_url",
            "Image URL",
            "An image URL containing the avatar of a contact.",
        ),
    ],
    extra: Extra::Allow,
    any_of_required: &[],
    check: None,
};

/// An item of `tags.data`, `notes.data` or `companies.data`: a reference to another object.
const REFERENCE: Obj = Obj {
    title: "Addressable object",
    description:
        "A reference to an object attached to the contact (a tag, note or company). Tag references \
may carry the tag's name.",
    fields: &[
        text("type", "Type", "The addressable object type."),
        text("id", "Id", "The id of the addressable object."),
        text("url", "URL", "The URL of the object."),
        text(
            "name",
            "Name",
            "The tag's name, where the object carries it.",
        ),
    ],
    extra: Extra::Allow,
    any_of_required: &[],
    check: None,
};

/// `tags`, `notes`, `companies` and the subscription-type lists: up to 10 references and a URL
/// to get the others.
const LIST: Obj = Obj {
    title: "List of attached objects",
    description: "Up to 10 attached objects; use the URL to get more.",
    fields: &[
        text("type", "Type", "Always list."),
        Field::new("data", "Data", list!(Kind::Object(&REFERENCE))).nullable(),
        text("url", "URL", "URL to get every attached object."),
        Field::new("total_count", "Total count", INTEGER)
            .nullable()
            .doc("The number of attached objects."),
        flag(
            "has_more",
            "Has more",
            "Whether there are more objects than listed here.",
        ),
    ],
    extra: Extra::Allow,
    any_of_required: &[],
    check: None,
};

const LOCATION: Obj = Obj {
    title: "Location",
    description: "Location data about the contact, computed by Intercom.",
    fields: &[
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
    extra: Extra::Allow,
    any_of_required: &[],
    check: None,
};

const SOCIAL_PROFILE: Obj = Obj {
    title: "Social profile",
    description: "A social profile of the contact.",
    fields: &[
        text("type", "Type", "Always social_profile."),
        text(
            "name",
            "Name",
            "The name of the social network (e.g. Twitter, Facebook).",
        ),
        text("url", "URL", "The profile's URL."),
    ],
    extra: Extra::Allow,
    any_of_required: &[],
    check: None,
};

const SOCIAL_PROFILES: Obj = Obj {
    title: "Social profiles",
    description: "The contact's social profiles.",
    fields: &[
        text("type", "Type", "Always list."),
        Field::new("data", "Data", list!(Kind::Object(&SOCIAL_PROFILE))).nullable(),
    ],
    extra: Extra::Allow,
    any_of_required: &[],
    check: None,
};

/// The contact object.
pub(crate) static CONTACT: Obj = Obj {
    title: "Intercom contact object (read, REST API 2.15)",
    description: "The contact object Intercom returns (schema `contact`: Create / Get / List contacts). A read \
format: contactkit converts from it but not to it. Checked leniently, because Intercom produced it: only JSON \
types are checked, null is accepted wherever a value can be absent, and undocumented members are accepted.",
    fields: &[
        text("type", "Type", "Always contact."),
        text("id", "Id", "The unique identifier Intercom gave the contact."),
        text("workspace_id", "Workspace id", "The workspace the contact belongs to."),
        text(
            "external_id",
            "External id",
            "The unique identifier for the contact which is provided by the client.",
        ),
        text("role", "Role", "The role of the contact (user or lead)."),
        text("email", "Email", "The contact's email."),
        text("email_domain", "Email domain", "The domain of the contact's email."),
        text("phone", "Phone", "The contact's phone."),
        text("name", "Name", "The contact's name."),
        Field::new("owner_id", "Owner id", INTEGER)
            .nullable()
            .loose()
            .doc("The id of the admin that owns the contact (an integer in 2.15, a string in 2.16)."),
        flag("has_hard_bounced", "Has hard bounced", "Whether an email sent to the contact hard bounced."),
        flag(
            "marked_email_as_spam",
            "Marked email as spam",
            "Whether the contact marked an email as spam.",
        ),
        flag(
            "unsubscribed_from_emails",
            "Unsubscribed from emails",
            "Whether the contact is unsubscribed from emails.",
        ),
        time("created_at", "Created at", "Unix seconds: when the contact was created."),
        time("updated_at", "Updated at", "Unix seconds: when the contact was last updated."),
        time("signed_up_at", "Signed up at", "Unix seconds: when the contact signed up."),
        time("last_seen_at", "Last seen at", "Unix seconds: when the contact was last seen."),
        time("last_replied_at", "Last replied at", "Unix seconds: when the contact last messaged in."),
        time("last_contacted_at", "Last contacted at", "Unix seconds: when the contact was last messaged."),
        time(
            "last_email_opened_at",
            "Last email opened at",
            "Unix seconds: when the contact last opened an email.",
        ),
        time(
            "last_email_clicked_at",
            "Last email clicked at",
            "Unix seconds: when the contact last clicked a link in an email.",
        ),
        text(
            "language_override",
            "Language override",
            "A preferred language for the Messenger, even if the browser settings change.",
        ),
        text("browser", "Browser", "The name of the browser the contact is using."),
        text("browser_version", "Browser version", "The version of the browser."),
        text("browser_language", "Browser language", "The language set by the browser."),
        text("os", "Operating system", "The operating system the contact is using."),
        Field::new("location", "Location", Kind::Object(&LOCATION)).nullable(),
        text("android_app_name", "Android app name", "The name of the Android app the contact is using."),
        text("android_app_version", "Android app version", "The version of the Android app."),
        text("android_device", "Android device", "The Android device the contact is using."),
        text("android_os_version", "Android OS version", "The version of the Android OS."),
        text("android_sdk_version", "Android SDK version", "The version of the Android SDK."),
        time(
            "android_last_seen_at",
            "Android last seen at",
            "Unix seconds: when the contact was last seen on an Android device.",
        ),
        text("ios_app_name", "iOS app name", "The name of the iOS app the contact is using."),
        text("ios_app_version", "iOS app version", "The version of the iOS app."),
        text("ios_device", "iOS device", "The iOS device the contact is using."),
        text("ios_os_version", "iOS version", "The version of iOS."),
        text("ios_sdk_version", "iOS SDK version", "The version of the iOS SDK."),
        time(
            "ios_last_seen_at",
            "iOS last seen at",
            "Unix seconds: when the contact last used the iOS app.",
        ),
        Field::new("custom_attributes", "Custom attributes", Kind::Object(&crate::spec::CUSTOM_ATTRIBUTES))
            .nullable()
            .doc("The custom attributes set for the contact."),
        Field::new("avatar", "Avatar", Kind::Object(&AVATAR)).nullable(),
        Field::new("tags", "Tags", Kind::Object(&LIST))
            .nullable()
            .doc("Up to 10 tags attached to the contact."),
        Field::new("notes", "Notes", Kind::Object(&LIST))
            .nullable()
            .doc("Up to 10 notes attached to the contact."),
        Field::new("companies", "Companies", Kind::Object(&LIST))
            .nullable()
            .doc("Up to 10 companies the contact belongs to."),
        Field::new(
            "opted_out_subscription_types",
            "Opted-out subscription types",
            Kind::Object(&LIST),
        )
        .nullable(),
        Field::new(
            "opted_in_subscription_types",
            "Opted-in subscription types",
            Kind::Object(&LIST),
        )
        .nullable(),
        text("utm_campaign", "UTM campaign", "Attribution: the UTM campaign of the contact's first visit."),
        text("utm_content", "UTM content", "Attribution: the UTM content."),
        text("utm_medium", "UTM medium", "Attribution: the UTM medium."),
        text("utm_source", "UTM source", "Attribution: the UTM source."),
        text("utm_term", "UTM term", "Attribution: the UTM term."),
        text("referrer", "Referrer", "Attribution: the referring URL."),
        flag(
            "enabled_push_messaging",
            "Enabled push messaging",
            "Whether the contact enabled push messaging.",
        ),
        Field::new("social_profiles", "Social profiles", Kind::Object(&SOCIAL_PROFILES)).nullable(),
    ],
    extra: Extra::Allow,
    any_of_required: &[],
    check: None,
};
