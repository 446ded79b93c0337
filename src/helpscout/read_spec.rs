//! The customer object Help Scout's Mailbox API 2.0 returns (Get Customer, and the items of List
//! Customers' `_embedded.customers`), as a rule table: the `helpscout-customer` read format.
//!
//! Sources: the v2 Get Customer page (https://developer.helpscout.com/mailbox-api/endpoints/customers/get:
//! `_embedded` with `emails`, `phones`, `chats`, `social_profiles`, `websites`, `properties` and
//! `address`), the List Social Profiles page (`_embedded.social-profiles`) and the official PHP
//! SDK's fixtures (`helpscout/helpscout-api-php`, `tests/Payloads/CustomerPayloads.php`:
//! `"gender": "Unknown"`, `"photoUrl": ""`). The legacy 1.0 object kept the lists at the top
//! level (`emails`, `phones`, `chats`, `socialProfiles`, `websites`, `address`, `modifiedAt`);
//! those members are accepted too.
//!
//! A read format is checked leniently: only JSON types are checked (a mismatch is an error),
//! `null` is accepted wherever a value can be absent, and undocumented members are accepted.

use super::{preview, read};
use crate::engine::crossing::{imported, named, Crossing};
use crate::engine::shared::import_integer_or_digits;
use crate::model::ContactField as F;
use crate::spec::{list, Echo, Extra, Member, ObjectRules, ValueRules, INTEGER, STRING};

/// A nullable string member.
const fn text(name: &'static str, label: &'static str, doc: &'static str) -> Member {
    Member::new(name, label, STRING).nullable().doc(doc)
}

/// An entry of `emails`, `phones`, `chats`, `social_profiles` or `websites`.
const ENTRY: ObjectRules = ObjectRules::new(
    "Entry",
    "An email, phone, chat handle, social profile or website of the customer.",
    Extra::Allow,
    &[
        Member::new("id", "Id", INTEGER)
            .nullable()
            .loose()
            .doc("The entry's id."),
        text("value", "Value", "The address, number, handle or URL."),
        text(
            "url",
            "URL",
            "A social profile's value, as the legacy 1.0 API named it.",
        ),
        text("type", "Type", "The kind (websites have none)."),
        text(
            "location",
            "Location",
            "The kind, as the legacy 1.0 API named it for emails and phones.",
        ),
        Member::new("_links", "Links", ValueRules::Object(&crate::spec::FREE)).nullable(),
    ],
);

/// An item of `_embedded.properties`.
const PROPERTY: ObjectRules = ObjectRules::new(
    "Property",
    "A customer property value with its definition's type and name.",
    Extra::Allow,
    &[
        text(
            "type",
            "Type",
            "The property type (text, number, url, date, dropdown).",
        ),
        text("slug", "Slug", "The property's slug."),
        text("name", "Name", "The property's name."),
        Member::new("value", "Value", ValueRules::Any).doc("The value."),
        text(
            "text",
            "Text",
            "The value as text (a dropdown option's label).",
        ),
        Member::new("source", "Source", ValueRules::Object(&crate::spec::FREE)).nullable(),
    ],
);

const ADDRESS: ObjectRules = ObjectRules::new(
    "Address",
    "The customer's address.",
    Extra::Allow,
    &[
        Member::new("id", "Id", INTEGER).nullable().loose(),
        Member::new("lines", "Street lines", list!(STRING)).nullable(),
        text("city", "City", ""),
        text("state", "State", ""),
        text("postalCode", "Postal code", ""),
        text("country", "Country", ""),
        Member::new("_links", "Links", ValueRules::Object(&crate::spec::FREE)).nullable(),
    ],
);

/// A list of entries.
const ENTRIES: ValueRules = list!(ValueRules::Object(&ENTRY));

const EMBEDDED: ObjectRules = ObjectRules::new(
    "Embedded resources",
    "The customer's emails, phones, chat handles, social profiles, websites, properties and address.",
    Extra::Allow,
    &[
        Member::new("emails", "Emails", ENTRIES).nullable(),
        Member::new("phones", "Phones", ENTRIES).nullable(),
        Member::new("chats", "Chat handles", ENTRIES).nullable(),
        Member::new("social_profiles", "Social profiles", ENTRIES)
            .nullable()
            .doc("Spelled social_profiles on the Get Customer page, social-profiles on the List Social Profiles page; every spelling is read."),
        Member::new("social-profiles", "Social profiles", ENTRIES).nullable(),
        Member::new("socialProfiles", "Social profiles", ENTRIES).nullable(),
        Member::new("websites", "Websites", ENTRIES).nullable(),
        Member::new("properties", "Properties", list!(ValueRules::Object(&PROPERTY))).nullable(),
        Member::new("address", "Address", ValueRules::Object(&ADDRESS)).nullable(),
    ],
);

/// The customer object.
pub(crate) static CUSTOMER: ObjectRules = ObjectRules::new(
    "Help Scout customer object (read, Mailbox API 2.0)",
    "The customer object Help Scout returns (Get Customer; the items of List Customers). A read \
format: contactkit converts from it but not to it. Checked leniently, because Help Scout produced it: only JSON \
types are checked, null is accepted wherever a value can be absent, and undocumented members are accepted.",
    Extra::Allow,
    &[
        Member::new("id", "Id", INTEGER).maps(&Crossing::Ignored).nullable().loose().doc("The customer's id."),
        text("firstName", "First name", "").maps(&Crossing::ReadText(F::FirstName)).echo(&Echo::AsSent),
        text("lastName", "Last name", "").maps(&Crossing::ReadText(F::LastName)).echo(&Echo::AsSent),
        text("gender", "Gender", "male, female or unknown, in any letter case (the API returns e.g. \"Unknown\").").maps(&imported(F::Gender.single(), read::gender)).stage(1).echo(&Echo::With(preview::gender)),
        text("jobTitle", "Job title", "").maps(&Crossing::ReadText(F::JobTitle)).echo(&Echo::AsSent),
        text("location", "Location", "").maps(&Crossing::ReadText(F::Location)).echo(&Echo::AsSent),
        text("organization", "Organization", "").maps(&Crossing::ReadText(F::Organization)).echo(&Echo::AsSent),
        Member::new("organizationId", "Organization id", INTEGER).maps(&imported(F::OrganizationId.single(), import_integer_or_digits)).stage(2).echo(&Echo::With(preview::integer_or_digits))
            .nullable()
            .loose()
            .doc("The id of the customer's organization."),
        text("photoType", "Photo type", "").maps(&imported(F::PhotoType.single(), read::photo_type)).stage(1).echo(&Echo::AsSent),
        text("photoUrl", "Photo URL", "The API returns an empty string when there is no photo.").maps(&Crossing::ReadText(F::PhotoUrl)).echo(&Echo::AsSent),
        text("age", "Age", "").maps(&Crossing::ReadText(F::Age)).echo(&Echo::AsSent),
        text("background", "Notes", "The Notes field of the user interface.").textarea().maps(&Crossing::ReadText(F::Notes)),
        Member::new("conversationCount", "Conversation count", INTEGER).maps(&Crossing::Ignored).nullable(),
        text("createdAt", "Created at", "Date-time of creation.").maps(&Crossing::Ignored),
        text("updatedAt", "Updated at", "Date-time of the last update.").maps(&Crossing::Ignored),
        text("modifiedAt", "Modified at", "Date-time of the last update (legacy 1.0 name).").maps(&Crossing::Ignored),
        Member::new("draft", "Draft", ValueRules::Boolean).maps(&Crossing::Ignored).nullable(),
        Member::new("_embedded", "Embedded resources", ValueRules::Object(&EMBEDDED)).maps(&imported(&[named!(".emails[].value", F::Emails), named!(".emails[].type", F::Emails), named!(".phones[].value", F::Phones), named!(".phones[].type", F::Phones), named!(".chats[].value", F::Chats), named!(".chats[].type", F::Chats), named!(".social_profiles[].value", F::SocialProfiles), named!(".social_profiles[].type", F::SocialProfiles), named!(".websites[].value", F::Websites), named!(".address.lines", F::AddressLines), named!(".address.city", F::AddressCity), named!(".address.state", F::AddressRegion), named!(".address.postalCode", F::AddressPostalCode), named!(".address.country", F::AddressCountry), named!(".properties[].value", F::CustomAttributes)], read::embedded)).stage(3).nullable(),
        Member::new("_links", "Links", ValueRules::Object(&crate::spec::FREE)).maps(&Crossing::Ignored).nullable(),
        Member::new("emails", "Emails (1.0)", ENTRIES).maps(&Crossing::Along { with: "_embedded", fields: &[] }).nullable().doc("Legacy 1.0 place of the emails."),
        Member::new("phones", "Phones (1.0)", ENTRIES).maps(&Crossing::Along { with: "_embedded", fields: &[] }).nullable(),
        Member::new("chats", "Chat handles (1.0)", ENTRIES).maps(&Crossing::Along { with: "_embedded", fields: &[] }).nullable(),
        Member::new("socialProfiles", "Social profiles (1.0)", ENTRIES).maps(&Crossing::Along { with: "_embedded", fields: &[] }).nullable(),
        Member::new("websites", "Websites (1.0)", ENTRIES).maps(&Crossing::Along { with: "_embedded", fields: &[] }).nullable(),
        Member::new("address", "Address (1.0)", ValueRules::Object(&ADDRESS)).maps(&Crossing::Along { with: "_embedded", fields: &[] }).nullable(),
    ],
);
