//! The canonical contact's JSON form, as a rule table.

use crate::rules::StrFormat;
use crate::spec::{formatted, id, list, one_of, Enum, Extra, Field, Kind, Obj, INTEGER, STRING};
use crate::vendor::{helpscout::spec as hs, intercom::spec as ic};

const EMAIL: Obj = Obj {
    title: "Email",
    description: "An email address and its kind.",
    fields: &[
        Field::new("value", "Email", formatted(StrFormat::Email)).required(),
        Field::new("kind", "Kind", one_of(&KINDS_EMAIL)),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const KINDS_EMAIL: Enum = Enum {
    values: hs::EMAIL_TYPES.values,
    severity: crate::Severity::Error,
    any_case: false,
};

const PHONE: Obj = Obj {
    title: "Phone",
    description: "A phone number (any format) and its kind.",
    fields: &[
        Field::new("value", "Phone", STRING).required(),
        Field::new("kind", "Kind", one_of(&hs::PHONE_TYPES)),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const CHAT: Obj = Obj {
    title: "Chat handle",
    description: "A chat handle.",
    fields: &[
        Field::new("kind", "Service", one_of(&hs::CHAT_TYPES)).required(),
        Field::new("value", "Handle", STRING).required(),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const SOCIAL: Obj = Obj {
    title: "Social profile",
    description: "A social profile.",
    fields: &[
        Field::new("kind", "Network", one_of(&hs::SOCIAL_TYPES)).required(),
        Field::new("value", "Profile", STRING).required(),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const IDENTIFIER: Obj = Obj {
    title: "Identifier",
    description: "An identifier other than email and phone (e.g. a Bird visitorid).",
    fields: &[
        Field::new("key", "Key", STRING).required(),
        Field::new("value", "Value", id(1)).required(),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const ADDRESS: Obj = Obj {
    title: "Address",
    description: "A postal address.",
    fields: &[
        Field::new("lines", "Street lines", list!(STRING)),
        Field::new("city", "City", STRING),
        Field::new("region", "Region / state", STRING),
        Field::new("postalCode", "Postal code", STRING),
        Field::new("country", "Country", STRING),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

/// The canonical contact.
pub(crate) static CONTACT: Obj = Obj {
    title: "contactkit canonical contact",
    description: "contactkit's vendor-neutral contact: the hub every conversion passes through. No member is \
required; empty values are omitted. Timestamps are RFC 3339 date-times (contactkit writes UTC, YYYY-MM-DDTHH:MM:SSZ).",
    fields: &[
        Field::new("externalId", "External id", id(1)).doc("The contact's id in your own system."),
        Field::new("fullName", "Full name", STRING),
        Field::new("firstName", "First name", STRING),
        Field::new("lastName", "Last name", STRING),
        Field::new("emails", "Emails", list!(Kind::Object(&EMAIL))).doc("The primary address first."),
        Field::new("phones", "Phones", list!(Kind::Object(&PHONE))).doc("The primary number first."),
        Field::new("photoUrl", "Photo URL", formatted(StrFormat::HttpUrl)),
        Field::new("photoType", "Photo type", one_of(&hs::PHOTO_TYPES)),
        Field::new("jobTitle", "Job title", STRING),
        Field::new("organization", "Organization", STRING),
        Field::new("organizationId", "Organization id", INTEGER),
        Field::new("industry", "Industry", STRING),
        Field::new("address", "Address", Kind::Object(&ADDRESS)),
        Field::new("location", "Location", STRING).doc("Free-text location."),
        Field::new("websites", "Websites", list!(formatted(StrFormat::HttpUrl))),
        Field::new("signedUpAt", "Signed up at", formatted(StrFormat::DateTime)),
        Field::new("lastSeenAt", "Last seen at", formatted(StrFormat::DateTime)),
        Field::new("browser", "Browser", STRING),
        Field::new("browserVersion", "Browser version", STRING),
        Field::new("browserLanguage", "Browser language", STRING),
        Field::new("os", "Operating system", STRING),
        Field::new("gender", "Gender", one_of(&GENDER)),
        Field::new("age", "Age", STRING),
        Field::new("notes", "Notes", STRING),
        Field::new("chats", "Chat handles", list!(Kind::Object(&CHAT))),
        Field::new("socialProfiles", "Social profiles", list!(Kind::Object(&SOCIAL))),
        Field::new("identifiers", "Other identifiers", list!(Kind::Object(&IDENTIFIER))),
        Field::new("listIds", "List ids", list!(STRING)),
        Field::new("accountIds", "Account ids", list!(STRING)),
        Field::new("companyRefs", "Company references", list!(STRING)),
        Field::new("tags", "Tags", list!(STRING)),
        Field::new("role", "Role", one_of(&ic::ROLES)),
        Field::new("ownerId", "Owner id", INTEGER),
        Field::new("unsubscribedFromEmails", "Unsubscribed from emails", Kind::Bool),
        Field::new("intercomId", "Intercom id", id(1)),
        Field::new("customAttributes", "Custom attributes", Kind::Object(&crate::spec::CUSTOM_ATTRIBUTES)),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const GENDER: Enum = Enum {
    values: hs::GENDERS.values,
    severity: crate::Severity::Error,
    any_case: false,
};
