//! The canonical contact's JSON form, as a rule table.

use crate::formats::StringFormat;
use crate::model::vocabulary;
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

const EMAIL: ObjectRules = ObjectRules {
    title: "Email",
    description: "An email address and its kind.",
    fields: &[
        Member::new("value", "Email", formatted(StringFormat::Email)).required(),
        Member::new("kind", "Kind", one_of(&EMAIL_KINDS)),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const PHONE: ObjectRules = ObjectRules {
    title: "Phone",
    description: "A phone number (any format) and its kind.",
    fields: &[
        Member::new("value", "Phone", STRING).required(),
        Member::new("kind", "Kind", one_of(&PHONE_KINDS)),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const CHAT: ObjectRules = ObjectRules {
    title: "Chat handle",
    description: "A chat handle.",
    fields: &[
        Member::new("kind", "Service", one_of(&CHAT_KINDS)).required(),
        Member::new("value", "Handle", STRING).required(),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const SOCIAL: ObjectRules = ObjectRules {
    title: "Social profile",
    description: "A social profile.",
    fields: &[
        Member::new("kind", "Network", one_of(&SOCIAL_KINDS)).required(),
        Member::new("value", "Profile", STRING).required(),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const IDENTIFIER: ObjectRules = ObjectRules {
    title: "Identifier",
    description: "An identifier other than email and phone (e.g. a Bird visitorid).",
    fields: &[
        Member::new("key", "Key", STRING).required(),
        Member::new("value", "Value", id(1)).required(),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const ADDRESS: ObjectRules = ObjectRules {
    title: "Address",
    description: "A postal address.",
    fields: &[
        Member::new("lines", "Street lines", list!(STRING)),
        Member::new("city", "City", STRING),
        Member::new("region", "Region / state", STRING),
        Member::new("postalCode", "Postal code", STRING),
        Member::new("country", "Country", STRING),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

/// The canonical contact.
pub(crate) static CONTACT: ObjectRules = ObjectRules {
    title: "contactkit canonical contact",
    description: "contactkit's vendor-neutral contact: the hub every conversion passes through. No member is \
required; empty values are omitted. Timestamps are RFC 3339 date-times (contactkit writes UTC, YYYY-MM-DDTHH:MM:SSZ).",
    fields: &[
        Member::new("externalId", "External id", id(1)).doc("The contact's id in your own system."),
        Member::new("fullName", "Full name", STRING),
        Member::new("firstName", "First name", STRING),
        Member::new("lastName", "Last name", STRING),
        Member::new("emails", "Emails", list!(ValueRules::Object(&EMAIL))).doc("The primary address first."),
        Member::new("phones", "Phones", list!(ValueRules::Object(&PHONE))).doc("The primary number first."),
        Member::new("photoUrl", "Photo URL", formatted(StringFormat::HttpUrl)),
        Member::new("photoType", "Photo type", one_of(&PHOTO_TYPES)),
        Member::new("jobTitle", "Job title", STRING),
        Member::new("organization", "Organization", STRING),
        Member::new("organizationId", "Organization id", INTEGER),
        Member::new("industry", "Industry", STRING),
        Member::new("address", "Address", ValueRules::Object(&ADDRESS)),
        Member::new("location", "Location", STRING).doc("Free-text location."),
        Member::new("websites", "Websites", list!(formatted(StringFormat::HttpUrl))),
        Member::new("signedUpAt", "Signed up at", formatted(StringFormat::DateTime)),
        Member::new("lastSeenAt", "Last seen at", formatted(StringFormat::DateTime)),
        Member::new("browser", "Browser", STRING),
        Member::new("browserVersion", "Browser version", STRING),
        Member::new("browserLanguage", "Browser language", STRING),
        Member::new("os", "Operating system", STRING),
        Member::new("gender", "Gender", one_of(&GENDERS)),
        Member::new("age", "Age", STRING),
        Member::new("notes", "Notes", STRING),
        Member::new("chats", "Chat handles", list!(ValueRules::Object(&CHAT))),
        Member::new("socialProfiles", "Social profiles", list!(ValueRules::Object(&SOCIAL))),
        Member::new("identifiers", "Other identifiers", list!(ValueRules::Object(&IDENTIFIER))),
        Member::new("listIds", "List ids", list!(STRING)),
        Member::new("accountIds", "Account ids", list!(STRING)),
        Member::new("companyRefs", "Company references", list!(STRING)),
        Member::new("tags", "Tags", list!(STRING)),
        Member::new("role", "Role", one_of(&ROLES)),
        Member::new("ownerId", "Owner id", INTEGER),
        Member::new("unsubscribedFromEmails", "Unsubscribed from emails", ValueRules::Boolean),
        Member::new("intercomId", "Intercom id", id(1)),
        Member::new("customAttributes", "Custom attributes", ValueRules::Object(&crate::spec::CUSTOM_ATTRIBUTES)),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};
