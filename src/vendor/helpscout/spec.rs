//! The Help Scout Mailbox API 2.0 "Create Customer" body, as a rule table.
//!
//! Sources: https://developer.helpscout.com/mailbox-api/endpoints/customers/create/ and the
//! pages it links; each rule with its source and quote is in docs/RULES.md#help-scout.

use serde_json::Value;

use crate::rules::StrFormat;
use crate::spec::schema::from_text;
use crate::spec::{
    form::Widget, len, list, max_len, one_of, Dynamic, DynamicCheck, Enum, Extra, Field, Kind, Obj,
    Str, STRING,
};
use crate::Severity;
#[cfg(test)]
use crate::{spec::Stated, Code};

/// Photo types (both renders of the create page; `instagram` only on the newer one).
pub(crate) const PHOTO_TYPES: Enum = Enum {
    values: &[
        "unknown",
        "gravatar",
        "twitter",
        "facebook",
        "googleprofile",
        "googleplus",
        "linkedin",
        "instagram",
    ],
    severity: Severity::Error,
    any_case: false,
};

/// Genders; the docs' own example sends `"Male"`, so other letter cases are warnings.
pub(crate) const GENDERS: Enum = Enum {
    values: &["male", "female", "unknown"],
    severity: Severity::Error,
    any_case: true,
};

/// Email types: v2 does not document the list (v1: work, home, other).
pub(crate) const EMAIL_TYPES: Enum = Enum {
    values: &["work", "home", "other"],
    severity: Severity::Warning,
    any_case: false,
};

/// Phone types (Create Phone page).
pub(crate) const PHONE_TYPES: Enum = Enum {
    values: &["fax", "home", "mobile", "other", "pager", "work"],
    severity: Severity::Error,
    any_case: false,
};

/// Chat handle types (Create Chat Handle page).
pub(crate) const CHAT_TYPES: Enum = Enum {
    values: &[
        "aim", "gtalk", "icq", "msn", "other", "qq", "skype", "xmpp", "yahoo",
    ],
    severity: Severity::Error,
    any_case: false,
};

/// Social profile types. The create page spells `forsquare`, the webhook page `foursquare`:
/// both are accepted.
pub(crate) const SOCIAL_TYPES: Enum = Enum {
    values: &[
        "aboutme",
        "facebook",
        "flickr",
        "forsquare",
        "foursquare",
        "google",
        "googleplus",
        "linkedin",
        "other",
        "quora",
        "tungleme",
        "twitter",
        "youtube",
    ],
    severity: Severity::Error,
    any_case: false,
};

/// Reserved property slugs.
pub(crate) const RESERVED_SLUGS: &[&str] = &["email", "name", "company", "jobTitle"];

/// A property slug's rules.
pub(crate) const SLUG: Str = Str {
    format: Some(StrFormat::Slug),
    reserved: RESERVED_SLUGS,
    ..Str::ANY
};

const EMAIL: Obj = Obj {
    title: "Email",
    description: "An email entry (see Create Email).",
    fields: &[
        Field::new("type", "Type", one_of(&EMAIL_TYPES))
            .doc("work, home or other (the v2 docs do not list the values; v1 defaults to work)."),
        Field::new("value", "Email", crate::spec::formatted(StrFormat::Email))
            .required_warn()
            .doc("The address. The v2 Create Email page is not available, so that the value is required is not documented (a missing value is a warning)."),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const PHONE: Obj = Obj {
    title: "Phone",
    description: "A phone entry (see Create Phone): type and value are required.",
    fields: &[
        Field::new("type", "Type", one_of(&PHONE_TYPES)).required(),
        Field::new("value", "Phone number", STRING)
            .required()
            .doc("Telephone number; no format is documented."),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const CHAT: Obj = Obj {
    title: "Chat handle",
    description: "A chat handle (see Create Chat Handle): type and value are required.",
    fields: &[
        Field::new("type", "Type", one_of(&CHAT_TYPES)).required(),
        Field::new("value", "Handle", STRING).required(),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const SOCIAL: Obj = Obj {
    title: "Social profile",
    description: "A social profile (see Create Social Profile): type and value are required.",
    fields: &[
        Field::new("type", "Type", one_of(&SOCIAL_TYPES)).required(),
        Field::new("value", "Profile", STRING)
            .required()
            .doc("Social profile handle (URL for example)."),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const WEBSITE: Obj = Obj {
    title: "Website",
    description: "A website (see Create Website): value is required.",
    fields: &[Field::new(
        "value",
        "Website URL",
        crate::spec::formatted(StrFormat::HttpUrl),
    )
    .required()],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

const ADDRESS: Obj = Obj {
    title: "Address",
    description: "The customer's address (see Create Address). Field limits are not documented.",
    fields: &[
        Field::new("city", "City", STRING),
        Field::new("state", "State", STRING),
        Field::new("postalCode", "Postal code", STRING),
        Field::new("country", "Country", STRING)
            .required_warn()
            .doc("The docs' examples use 2-letter codes (\"US\"); the SDK's fixtures reject an empty country."),
        Field::new(
            "lines",
            "Street lines",
            list!(STRING),
        ),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

/// The Create Customer body.
pub(crate) static CUSTOMER: Obj = Obj {
    title: "Help Scout customer (Create Customer, Mailbox API 2.0)",
    description: "Body of POST https://api.helpscout.net/v2/customers. No field is required in 2.0. \
Not expressible in this schema: property slugs must be unique within `properties`, and property values \
are checked against the account's property definitions when contactkit is given them.",
    fields: &[
        Field::new("firstName", "First name", len(1, 40)).doc("When defined it must be between 1 and 40 characters."),
        Field::new("lastName", "Last name", len(1, 40)).doc("When defined it must be between 1 and 40 characters."),
        Field::new("phone", "Phone", STRING).doc("Optional phone number used when creating a new customer."),
        Field::new("photoUrl", "Photo URL", Kind::Str(Str { max: 200, format: Some(StrFormat::HttpUrl), ..Str::ANY }))
            .doc("URL of the customer's photo. Max length 200 characters."),
        Field::new("photoType", "Photo type", one_of(&PHOTO_TYPES)),
        Field::new("jobTitle", "Job title", max_len(60)).doc("Max length 60 characters."),
        Field::new("background", "Notes", max_len(200)).doc("The Notes field of the user interface. Max length 200 characters."),
        Field::new("location", "Location", max_len(60)).doc("Max length 60 characters."),
        Field::new("organization", "Organization", max_len(60))
            .doc("Max length 60 characters. Deprecated in favour of organizationId on the newest docs page."),
        Field::new("organizationId", "Organization id", crate::spec::INTEGER)
            .loose()
            .doc("Id of the customer's organization (example 35)."),
        Field::new("gender", "Gender", one_of(&GENDERS)).doc("male, female or unknown."),
        Field::new("age", "Age", STRING).doc("Customer's age, a free string such as \"30-35\"."),
        Field::new("emails", "Emails", list!(Kind::Object(&EMAIL))),
        Field::new("phones", "Phones", list!(Kind::Object(&PHONE))),
        Field::new("chats", "Chat handles", list!(Kind::Object(&CHAT))),
        Field::new("socialProfiles", "Social profiles", list!(Kind::Object(&SOCIAL))),
        Field::new("websites", "Websites", list!(Kind::Object(&WEBSITE))),
        Field::new("address", "Address", Kind::Object(&ADDRESS)),
        Field::new("properties", "Properties", Kind::Dynamic(&PROPERTIES))
            .doc("Customer property values, as a list of {slug, value} (or an object of slug: value)."),
    ],
    extra: Extra::Warn,
    any_of_required: &[],
    check: None,
};

/// `properties`: checked in `properties.rs`, against the account's definitions when given.
const PROPERTIES: Dynamic = Dynamic {
    check: DynamicCheck::HelpScoutProperties,
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
    let slug = crate::spec::schema::kind(&Kind::Str(SLUG));
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
