//! The Help Scout Mailbox API 2.0 "Create Customer" body, as a rule table.
//!
//! Sources: https://developer.helpscout.com/mailbox-api/endpoints/customers/create/ and the
//! pages it links; each rule with its source and quote is in docs/RULES.md#help-scout.

use serde_json::Value;

use super::{export, import};
use crate::engine::crossing::{via, with, Crossing};
use crate::engine::shared::{export_number, import_integer_or_digits};
use crate::formats::StringFormat;
use crate::model::vocabulary;
use crate::model::ContactField as F;
use crate::spec::schema::from_text;
use crate::spec::{
    form::Widget, len, list, max_len, one_of, Dynamic, DynamicCheck, Extra, Member, ObjectRules,
    StringRules, ValueRules, Vocabulary, STRING,
};
use crate::Severity;
#[cfg(test)]
use crate::{spec::Stated, Code};

/// Photo types (both renders of the create page; `instagram` only on the newer one).
pub(crate) const PHOTO_TYPES: Vocabulary = Vocabulary {
    values: vocabulary::PHOTO_TYPES,
    severity: Severity::Error,
    any_case: false,
};

/// Genders; the docs' own example sends `"Male"`, so other letter cases are warnings.
pub(crate) const GENDERS: Vocabulary = Vocabulary {
    values: vocabulary::GENDERS,
    severity: Severity::Error,
    any_case: true,
};

/// Email types: v2 does not document the list (v1: work, home, other).
pub(crate) const EMAIL_TYPES: Vocabulary = Vocabulary {
    values: vocabulary::EMAIL_KINDS,
    severity: Severity::Warning,
    any_case: false,
};

/// Phone types (Create Phone page).
pub(crate) const PHONE_TYPES: Vocabulary = Vocabulary {
    values: vocabulary::PHONE_KINDS,
    severity: Severity::Error,
    any_case: false,
};

/// Chat handle types (Create Chat Handle page).
pub(crate) const CHAT_TYPES: Vocabulary = Vocabulary {
    values: vocabulary::CHAT_KINDS,
    severity: Severity::Error,
    any_case: false,
};

/// Social profile types. The create page spells `forsquare`, the webhook page `foursquare`:
/// both are accepted.
pub(crate) const SOCIAL_TYPES: Vocabulary = Vocabulary {
    values: vocabulary::SOCIAL_KINDS,
    severity: Severity::Error,
    any_case: false,
};

/// Reserved property slugs.
pub(crate) const RESERVED_SLUGS: &[&str] = &["email", "name", "company", "jobTitle"];

/// A property slug's rules.
pub(crate) const SLUG: StringRules = StringRules {
    format: Some(StringFormat::Slug),
    reserved: RESERVED_SLUGS,
    ..StringRules::ANY
};

const EMAIL: ObjectRules = ObjectRules {
    title: "Email",
    description: "An email entry (see Create Email).",
    members: &[
        Member::new("type", "Type", one_of(&EMAIL_TYPES))
            .doc("work, home or other (the v2 docs do not list the values; v1 defaults to work)."),
        Member::new("value", "Email", crate::spec::formatted(StringFormat::Email))
            .required_warn()
            .doc("The address. The v2 Create Email page is not available, so that the value is required is not documented (a missing value is a warning)."),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
    others: Crossing::None,
};

const PHONE: ObjectRules = ObjectRules {
    title: "Phone",
    description: "A phone entry (see Create Phone): type and value are required.",
    members: &[
        Member::new("type", "Type", one_of(&PHONE_TYPES)).required(),
        Member::new("value", "Phone number", STRING)
            .required()
            .doc("Telephone number; no format is documented."),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
    others: Crossing::None,
};

const CHAT: ObjectRules = ObjectRules {
    title: "Chat handle",
    description: "A chat handle (see Create Chat Handle): type and value are required.",
    members: &[
        Member::new("type", "Type", one_of(&CHAT_TYPES)).required(),
        Member::new("value", "Handle", STRING).required(),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
    others: Crossing::None,
};

const SOCIAL: ObjectRules = ObjectRules {
    title: "Social profile",
    description: "A social profile (see Create Social Profile): type and value are required.",
    members: &[
        Member::new("type", "Type", one_of(&SOCIAL_TYPES)).required(),
        Member::new("value", "Profile", STRING)
            .required()
            .doc("Social profile handle (URL for example)."),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
    others: Crossing::None,
};

const WEBSITE: ObjectRules = ObjectRules {
    title: "Website",
    description: "A website (see Create Website): value is required.",
    members: &[Member::new(
        "value",
        "Website URL",
        crate::spec::formatted(StringFormat::HttpUrl),
    )
    .required()],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
    others: Crossing::None,
};

const ADDRESS: ObjectRules = ObjectRules {
    title: "Address",
    description: "The customer's address (see Create Address). Field limits are not documented.",
    members: &[
        Member::new("city", "City", STRING),
        Member::new("state", "State", STRING),
        Member::new("postalCode", "Postal code", STRING),
        Member::new("country", "Country", STRING)
            .required_warn()
            .doc("The docs' examples use 2-letter codes (\"US\"); the SDK's fixtures reject an empty country."),
        Member::new(
            "lines",
            "Street lines",
            list!(STRING),
        ),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
    others: Crossing::None,
};

/// The Create Customer body.
pub(crate) static CUSTOMER: ObjectRules = ObjectRules {
    title: "Help Scout customer (Create Customer, Mailbox API 2.0)",
    description: "Body of POST https://api.helpscout.net/v2/customers. No field is required in 2.0. \
Not expressible in this schema: property slugs must be unique within `properties`, and property values \
are checked against the account's property definitions when contactkit is given them.",
    members: &[
        Member::new("firstName", "First name", len(1, 40)).maps(Crossing::FirstName).doc("When defined it must be between 1 and 40 characters."),
        Member::new("lastName", "Last name", len(1, 40)).maps(Crossing::LastName).doc("When defined it must be between 1 and 40 characters."),
        Member::new("phone", "Phone", STRING).maps(via(F::Phones, import::phone, export::phone)).doc("Optional phone number used when creating a new customer."),
        Member::new("photoUrl", "Photo URL", ValueRules::String(StringRules { max: 200, format: Some(StringFormat::HttpUrl), ..StringRules::ANY })).maps(Crossing::Text(F::PhotoUrl))
            .doc("URL of the customer's photo. Max length 200 characters."),
        Member::new("photoType", "Photo type", one_of(&PHOTO_TYPES)).maps(Crossing::Text(F::PhotoType)),
        Member::new("jobTitle", "Job title", max_len(60)).maps(Crossing::Text(F::JobTitle)).doc("Max length 60 characters."),
        Member::new("background", "Notes", max_len(200)).textarea().maps(Crossing::Text(F::Notes)).doc("The Notes field of the user interface. Max length 200 characters."),
        Member::new("location", "Location", max_len(60)).maps(Crossing::Text(F::Location)).doc("Max length 60 characters."),
        Member::new("organization", "Organization", max_len(60)).maps(Crossing::Text(F::Organization))
            .doc("Max length 60 characters. Deprecated in favour of organizationId on the newest docs page."),
        Member::new("organizationId", "Organization id", crate::spec::INTEGER).placeholder("35").maps(via(F::OrganizationId, import_integer_or_digits, export_number))
            .loose()
            .doc("Id of the customer's organization (example 35)."),
        Member::new("gender", "Gender", one_of(&GENDERS)).maps(via(F::Gender, import::gender, export::gender)).doc("male, female or unknown."),
        Member::new("age", "Age", STRING).placeholder("30-35").maps(Crossing::Text(F::Age)).doc("Customer's age, a free string such as \"30-35\"."),
        Member::new("emails", "Emails", list!(ValueRules::Object(&EMAIL))).maps(with(&[("[].value", F::Emails), ("[].type", F::Emails)], import::emails, export::emails)),
        Member::new("phones", "Phones", list!(ValueRules::Object(&PHONE))).maps(with(&[("[].value", F::Phones), ("[].type", F::Phones)], import::phones, export::phones)),
        Member::new("chats", "Chat handles", list!(ValueRules::Object(&CHAT))).maps(with(&[("[].value", F::Chats), ("[].type", F::Chats)], import::handles, export::handles)),
        Member::new("socialProfiles", "Social profiles", list!(ValueRules::Object(&SOCIAL))).maps(with(&[("[].value", F::SocialProfiles), ("[].type", F::SocialProfiles)], import::handles, export::handles)),
        Member::new("websites", "Websites", list!(ValueRules::Object(&WEBSITE))).maps(with(&[("[].value", F::Websites)], import::websites, export::websites)),
        Member::new("address", "Address", ValueRules::Object(&ADDRESS)).maps(with(&[(".lines", F::AddressLines), (".city", F::AddressCity), (".state", F::AddressRegion), (".postalCode", F::AddressPostalCode), (".country", F::AddressCountry)], import::address, export::address)),
        Member::new("properties", "Properties", ValueRules::Dynamic(&PROPERTIES)).maps(via(F::CustomAttributes, import::properties, export::properties))
            .doc("Customer property values, as a list of {slug, value} (or an object of slug: value)."),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
    others: Crossing::None,
};

/// `properties`: checked in `properties.rs`, against the account's definitions when given.
const PROPERTIES: Dynamic = Dynamic {
    check: DynamicCheck::Keyed(&super::properties::PROPERTIES),
    schema: properties_schema,
    form: Widget::KeyValue,
    #[cfg(test)]
    rules: &[
        Stated::error(
            "",
            "an array of {slug, value} objects, or an object of slug: value",
            Code::Type,
        ),
        Stated::error("/*", "an object", Code::Type),
        Stated::error("/*/slug", "present", Code::Required),
        Stated::error("/*/slug", "a string", Code::Type),
        Stated::error("/*/slug", "pattern slug", Code::Pattern),
        Stated::error(
            "/*/slug",
            "not email, name, company, jobTitle",
            Code::Reserved,
        ),
        Stated::error("/*/slug", "no repeated slug", Code::Duplicate),
        Stated::error("/*/value", "present", Code::Required),
        Stated::warning(
            "/*/{undocumented}",
            "a documented member",
            Code::UnknownField,
        ),
        Stated::error("/{slug}", "pattern slug", Code::Pattern),
        Stated::error(
            "/{slug}",
            "not email, name, company, jobTitle",
            Code::Reserved,
        ),
        // A property value, in the list (`/*/value`) or in the object (`/{slug}`).
        Stated::error("/*/value", "a string or an integer", Code::Type),
        Stated::error("/*/value", "in the i64 range", Code::OutOfRange),
        Stated::warning(
            "/*/value",
            "at most 255 characters (without definitions)",
            Code::TooLong,
        ),
        Stated::warning(
            "/*/value",
            "defined in the given definitions",
            Code::UnknownField,
        ),
        Stated::error("/*/value", "the type of its definition", Code::Type),
        Stated::error(
            "/*/value",
            "at most 255 characters (text property)",
            Code::TooLong,
        ),
        Stated::error("/*/value", "format url (url property)", Code::Format),
        Stated::error("/*/value", "format date (date property)", Code::Format),
        Stated::error(
            "/*/value",
            "an option's id or label (dropdown property)",
            Code::Enum,
        ),
        Stated::error("/{slug}", "a string or an integer", Code::Type),
        Stated::error("/{slug}", "in the i64 range", Code::OutOfRange),
        Stated::warning(
            "/{slug}",
            "at most 255 characters (without definitions)",
            Code::TooLong,
        ),
        Stated::warning(
            "/{slug}",
            "defined in the given definitions",
            Code::UnknownField,
        ),
        Stated::error("/{slug}", "the type of its definition", Code::Type),
        Stated::error(
            "/{slug}",
            "at most 255 characters (text property)",
            Code::TooLong,
        ),
        Stated::error("/{slug}", "format url (url property)", Code::Format),
        Stated::error("/{slug}", "format date (date property)", Code::Format),
        Stated::error(
            "/{slug}",
            "an option's id or label (dropdown property)",
            Code::Enum,
        ),
    ],
};

fn properties_schema() -> Value {
    let slug = crate::spec::schema::kind(&ValueRules::String(SLUG));
    let value = format!(
        concat!(
            r#"{{"description": "number: an integer; text: at most 255 characters; url; date (YYYY-MM-DD); "#,
            r#"dropdown: an option id or label.", "type": ["string", "integer"], "minimum": {}, "maximum": {}}}"#
        ),
        i64::MIN,
        i64::MAX
    );
    from_text(&format!(
        concat!(
            r#"{{"description": "Customer property values. The slug must be unique, 1 to 100 letters, digits, "#,
            r#"hyphens or underscores, and not email, name, company or jobTitle. Uniqueness of slugs and the "#,
            r#"per-type checks against the account's property definitions are not expressible here.", "oneOf": ["#,
            r#"{{"type": "array", "items": {{"type": "object", "properties": {{"slug": {slug}, "value": {value}}}, "#,
            r#""required": ["slug", "value"]}}}}, "#,
            r#"{{"type": "object", "propertyNames": {slug}, "additionalProperties": {value}}}]}}"#
        ),
        slug = slug,
        value = value
    ))
}
