//! The canonical contact's JSON form, as a rule table.

use super::{export, import};
use crate::engine::crossing::{named, via, with, Crossing};
use crate::engine::shared::{export_integer, export_number, import_text};
use crate::formats::StringFormat;
use crate::model::vocabulary;
use crate::model::ContactField as F;
use crate::spec::{
    formatted, id, list, one_of, Extra, Member, ObjectRules, ValueRules, Vocabulary, INTEGER,
    STRING,
};
use crate::Severity;

/// A documented list of the canonical contact (an error when another value is given).
const fn strict(values: &'static [&'static str]) -> Vocabulary {
    Vocabulary {
        values,
        severity: Severity::Error,
        any_case: false,
    }
}

const EMAIL_KINDS: Vocabulary = strict(vocabulary::EMAIL_KINDS);
const PHONE_KINDS: Vocabulary = strict(vocabulary::PHONE_KINDS);
const CHAT_KINDS: Vocabulary = strict(vocabulary::CHAT_KINDS);
const SOCIAL_KINDS: Vocabulary = strict(vocabulary::SOCIAL_KINDS);
const PHOTO_TYPES: Vocabulary = strict(vocabulary::PHOTO_TYPES);
const GENDERS: Vocabulary = strict(vocabulary::GENDERS);
const ROLES: Vocabulary = strict(vocabulary::ROLES);

const EMAIL: ObjectRules = ObjectRules::new(
    "Email",
    "An email address and its kind.",
    Extra::Warn,
    &[
        Member::new("value", "Email", formatted(StringFormat::Email)).required(),
        Member::new("kind", "Kind", one_of(&EMAIL_KINDS)),
    ],
);

const PHONE: ObjectRules = ObjectRules::new(
    "Phone",
    "A phone number (any format) and its kind.",
    Extra::Warn,
    &[
        Member::new("value", "Phone", STRING).required(),
        Member::new("kind", "Kind", one_of(&PHONE_KINDS)),
    ],
);

const CHAT: ObjectRules = ObjectRules::new(
    "Chat handle",
    "A chat handle.",
    Extra::Warn,
    &[
        Member::new("kind", "Service", one_of(&CHAT_KINDS)).required(),
        Member::new("value", "Handle", STRING).required(),
    ],
);

const SOCIAL: ObjectRules = ObjectRules::new(
    "Social profile",
    "A social profile.",
    Extra::Warn,
    &[
        Member::new("kind", "Network", one_of(&SOCIAL_KINDS)).required(),
        Member::new("value", "Profile", STRING).required(),
    ],
);

const IDENTIFIER: ObjectRules = ObjectRules::new(
    "Identifier",
    "An identifier other than email and phone (e.g. a Bird visitorid).",
    Extra::Warn,
    &[
        Member::new("key", "Key", STRING).required(),
        Member::new("value", "Value", id(1)).required(),
    ],
);

const ADDRESS: ObjectRules = ObjectRules::new(
    "Address",
    "A postal address.",
    Extra::Warn,
    &[
        Member::new("lines", "Street lines", list!(STRING)),
        Member::new("city", "City", STRING),
        Member::new("region", "Region / state", STRING),
        Member::new("postalCode", "Postal code", STRING),
        Member::new("country", "Country", STRING),
    ],
);

/// The canonical contact.
pub(crate) static CONTACT: ObjectRules = ObjectRules::new(
    "contactkit canonical contact",
    "contactkit's vendor-neutral contact: the hub every conversion passes through. No member is \
required; empty values are omitted. Timestamps are RFC 3339 date-times (contactkit writes UTC, YYYY-MM-DDTHH:MM:SSZ).",
    Extra::Warn,
    &[
        Member::new("externalId", "External id", id(1)).maps(&Crossing::Text(F::ExternalId)).doc("The contact's id in your own system."),
        Member::new("fullName", "Full name", STRING).maps(&Crossing::Text(F::FullName)),
        Member::new("firstName", "First name", STRING).maps(&Crossing::Text(F::FirstName)),
        Member::new("lastName", "Last name", STRING).maps(&Crossing::Text(F::LastName)),
        Member::new("emails", "Emails", list!(ValueRules::Object(&EMAIL))).maps(&via(F::Emails, import::values, export::lists)).doc("The primary address first."),
        Member::new("phones", "Phones", list!(ValueRules::Object(&PHONE))).maps(&via(F::Phones, import::values, export::lists)).doc("The primary number first."),
        Member::new("photoUrl", "Photo URL", formatted(StringFormat::HttpUrl)).maps(&Crossing::Text(F::PhotoUrl)),
        Member::new("photoType", "Photo type", one_of(&PHOTO_TYPES)).maps(&Crossing::Text(F::PhotoType)),
        Member::new("jobTitle", "Job title", STRING).maps(&Crossing::Text(F::JobTitle)),
        Member::new("organization", "Organization", STRING).maps(&Crossing::Text(F::Organization)),
        Member::new("organizationId", "Organization id", INTEGER).maps(&via(F::OrganizationId, import::whole_number, export_number)),
        Member::new("industry", "Industry", STRING).maps(&Crossing::Text(F::Industry)),
        Member::new("address", "Address", ValueRules::Object(&ADDRESS)).maps(&with(&[named!(".lines", F::AddressLines), named!(".city", F::AddressCity), named!(".region", F::AddressRegion), named!(".postalCode", F::AddressPostalCode), named!(".country", F::AddressCountry)], import::address, export::address)),
        Member::new("location", "Location", STRING).maps(&Crossing::Text(F::Location)).doc("Free-text location."),
        Member::new("websites", "Websites", list!(formatted(StringFormat::HttpUrl))).maps(&via(F::Websites, import::string_list, export::lists)),
        Member::new("signedUpAt", "Signed up at", formatted(StringFormat::DateTime)).maps(&via(F::SignedUpAt, import::timestamp, export::timestamp)),
        Member::new("lastSeenAt", "Last seen at", formatted(StringFormat::DateTime)).maps(&via(F::LastSeenAt, import::timestamp, export::timestamp)),
        Member::new("browser", "Browser", STRING).maps(&Crossing::Text(F::Browser)),
        Member::new("browserVersion", "Browser version", STRING).maps(&Crossing::Text(F::BrowserVersion)),
        Member::new("browserLanguage", "Browser language", STRING).maps(&Crossing::Text(F::BrowserLanguage)),
        Member::new("os", "Operating system", STRING).maps(&Crossing::Text(F::Os)),
        Member::new("gender", "Gender", one_of(&GENDERS)).maps(&via(F::Gender, import_text, export::gender)),
        Member::new("age", "Age", STRING).maps(&Crossing::Text(F::Age)),
        Member::new("notes", "Notes", STRING).textarea().maps(&Crossing::Text(F::Notes)),
        Member::new("chats", "Chat handles", list!(ValueRules::Object(&CHAT))).maps(&via(F::Chats, import::handles, export::lists)),
        Member::new("socialProfiles", "Social profiles", list!(ValueRules::Object(&SOCIAL))).maps(&via(F::SocialProfiles, import::handles, export::lists)),
        Member::new("identifiers", "Other identifiers", list!(ValueRules::Object(&IDENTIFIER))).maps(&via(F::Identifiers, import::identifiers, export::lists)),
        Member::new("listIds", "List ids", list!(STRING)).maps(&via(F::ListIds, import::string_list, export::lists)),
        Member::new("accountIds", "Account ids", list!(STRING)).maps(&via(F::AccountIds, import::string_list, export::lists)),
        Member::new("companyRefs", "Company references", list!(STRING)).maps(&via(F::CompanyRefs, import::string_list, export::lists)),
        Member::new("tags", "Tags", list!(STRING)).maps(&via(F::Tags, import::string_list, export::lists)),
        Member::new("role", "Role", one_of(&ROLES)).maps(&Crossing::Text(F::Role)),
        Member::new("ownerId", "Owner id", INTEGER).maps(&via(F::OwnerId, import::whole_number, export_integer)),
        Member::new("unsubscribedFromEmails", "Unsubscribed from emails", ValueRules::Boolean).maps(&via(F::UnsubscribedFromEmails, import::unsubscribed_from_emails, export::unsubscribed_from_emails)),
        Member::new("intercomId", "Intercom id", id(1)).maps(&Crossing::Text(F::IntercomId)),
        Member::new("customAttributes", "Custom attributes", ValueRules::Object(&crate::spec::CUSTOM_ATTRIBUTES)).key_value().maps(&via(F::CustomAttributes, import::custom_attributes, export::custom_attributes)),
    ],
);

/// The compiler keeps the canonical members and the canonical fields equal: every field a
/// member holds is named after the member (`address` + `.city` is `address.city`), so renaming
/// one without the other does not build (the test build, which holds the names).
#[cfg(test)]
const _: () = {
    let members = CONTACT.members;
    let mut i = 0;
    while i < members.len() {
        let fields = members[i].crossing.fields();
        let mut j = 0;
        while j < fields.len() {
            let (suffix, field) = (fields[j].name, fields[j].field);
            assert!(
                is_concatenation(field.name(), members[i].name, suffix),
                "a canonical member holds a field of another name"
            );
            j += 1;
        }
        i += 1;
    }
};

/// Whether `whole` is `head` followed by `tail`.
#[cfg(test)]
const fn is_concatenation(whole: &str, head: &str, tail: &str) -> bool {
    let (whole, head, tail) = (whole.as_bytes(), head.as_bytes(), tail.as_bytes());
    if whole.len() != head.len() + tail.len() {
        return false;
    }
    let mut i = 0;
    while i < whole.len() {
        let b = if i < head.len() {
            head[i]
        } else {
            tail[i - head.len()]
        };
        if whole[i] != b {
            return false;
        }
        i += 1;
    }
    true
}
