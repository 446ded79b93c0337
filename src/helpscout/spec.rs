//! The Help Scout Mailbox API 2.0 "Create Customer" body, as a rule table.
//!
//! Sources: https://developer.helpscout.com/mailbox-api/endpoints/customers/create/ and the
//! pages it links; each rule with its source and quote is in docs/RULES.md#help-scout.

use super::{export, import};
use crate::engine::crossing::{named, via, with, Crossing};
use crate::engine::shared::{export_number, import_first_phone, import_integer_or_digits};
use crate::formats::StringFormat;
use crate::model::vocabulary;
use crate::model::ContactField as F;
use crate::payload::{payload_serde, Loose, PayloadError, Wire};
use crate::pointer::Path;
use crate::spec::declare::object;
use crate::spec::schema::{from_template, integer, Schema};
use crate::spec::FormHints;
use crate::spec::{
    form::Widget, len, list, max_len, one_of, Dynamic, DynamicCheck, Extra, StringRules,
    ValueRules, Vocabulary, STRING,
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

object! {
    /// An email address of a customer (Create Email).
    pub struct Email: EMAIL {
        title: "Email",
        description: "An email entry (see Create Email).",
        extra: Extra::Warn =>
            /// Members the entry does not document (each an `unknown_field` warning).
            other,
        any_of_required: &[],
        check: None,
        others: &Crossing::None,
    }
    kind: Option<String> = "type", "Type", one_of(&EMAIL_TYPES), "work, home or other (the v2 docs do not list the values; v1 defaults to work).";
    value: Option<String> = "value", "Email", crate::spec::formatted(StringFormat::Email), "The address. The v2 Create Email page is not available, so that the value is required is not documented (a missing value is a warning).",
        .required_warn();
}

object! {
    /// A phone number of a customer (Create Phone).
    pub struct Phone: PHONE {
        title: "Phone",
        description: "A phone entry (see Create Phone): type and value are required.",
        extra: Extra::Warn =>
            /// Members the entry does not document (each an `unknown_field` warning).
            other,
        any_of_required: &[],
        check: None,
        others: &Crossing::None,
    }
    kind: String = "type", "Type", one_of(&PHONE_TYPES), "",
        .required();
    value: String = "value", "Phone number", STRING, "Telephone number; no format is documented.",
        .required();
}

object! {
    /// A chat handle of a customer (Create Chat Handle).
    pub struct Chat: CHAT {
        title: "Chat handle",
        description: "A chat handle (see Create Chat Handle): type and value are required.",
        extra: Extra::Warn =>
            /// Members the entry does not document (each an `unknown_field` warning).
            other,
        any_of_required: &[],
        check: None,
        others: &Crossing::None,
    }
    kind: String = "type", "Type", one_of(&CHAT_TYPES), "",
        .required();
    value: String = "value", "Handle", STRING, "",
        .required();
}

object! {
    /// A social profile of a customer (Create Social Profile).
    pub struct SocialProfile: SOCIAL {
        title: "Social profile",
        description: "A social profile (see Create Social Profile): type and value are required.",
        extra: Extra::Warn =>
            /// Members the entry does not document (each an `unknown_field` warning).
            other,
        any_of_required: &[],
        check: None,
        others: &Crossing::None,
    }
    kind: String = "type", "Type", one_of(&SOCIAL_TYPES), "",
        .required();
    value: String = "value", "Profile", STRING, "Social profile handle (URL for example).",
        .required();
}

object! {
    /// A website of a customer (Create Website).
    pub struct Website: WEBSITE {
        title: "Website",
        description: "A website (see Create Website): value is required.",
        extra: Extra::Warn =>
            /// Members the entry does not document (each an `unknown_field` warning).
            other,
        any_of_required: &[],
        check: None,
        others: &Crossing::None,
    }
    value: String = "value", "Website URL", crate::spec::formatted(StringFormat::HttpUrl), "",
        .required();
}

object! {
    /// The address of a customer (Create Address).
    pub struct Address: ADDRESS {
        title: "Address",
        description: "The customer's address (see Create Address). Field limits are not documented.",
        extra: Extra::Warn =>
            /// Members the address does not document (each an `unknown_field` warning).
            other,
        any_of_required: &[],
        check: None,
        others: &Crossing::None,
    }
    city: Option<String> = "city", "City", STRING, "";
    state: Option<String> = "state", "State", STRING, "";
    postal_code: Option<String> = "postalCode", "Postal code", STRING, "";
    country: Option<String> = "country", "Country", STRING, "The docs' examples use 2-letter codes (\"US\"); the SDK's fixtures reject an empty country.",
        .required_warn();
    lines: Option<Vec<String>> = "lines", "Street lines", list!(STRING), "";
}

object! {
    /// A Help Scout customer to create: the body of Create Customer
    /// (`POST https://api.helpscout.net/v2/customers`, Mailbox API 2.0).
    ///
    /// ```
    /// use contactkit::helpscout::Customer;
    /// let customer = Customer {
    ///     first_name: Some("Ada".into()),
    ///     ..Default::default()
    /// };
    /// assert_eq!(serde_json::to_string(&customer)?, r#"{"firstName":"Ada"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct Customer: CUSTOMER {
        title: "Help Scout customer (Create Customer, Mailbox API 2.0)",
        description: "Body of POST https://api.helpscout.net/v2/customers. No field is required in 2.0. \
Not expressible in this schema: property slugs must be unique within `properties`, and property values \
are checked against the account's property definitions when contactkit is given them.",
        extra: Extra::Warn =>
            /// Members the body does not document (each an `unknown_field` warning).
            other,
        any_of_required: &[],
        check: None,
        others: &Crossing::None,
    }
    first_name: Option<String> = "firstName", "First name", len(1, 40), "When defined it must be between 1 and 40 characters.",
        .maps(&Crossing::FirstName);
    last_name: Option<String> = "lastName", "Last name", len(1, 40), "When defined it must be between 1 and 40 characters.",
        .maps(&Crossing::LastName);
    phone: Option<String> = "phone", "Phone", STRING, "Optional phone number used when creating a new customer.",
        .maps(&via(F::Phones, import_first_phone, export::phone));
    photo_url: Option<String> = "photoUrl", "Photo URL", ValueRules::String(StringRules { max: 200, format: Some(StringFormat::HttpUrl), ..StringRules::ANY }), "URL of the customer's photo. Max length 200 characters.",
        .maps(&Crossing::Text(F::PhotoUrl));
    photo_type: Option<String> = "photoType", "Photo type", one_of(&PHOTO_TYPES), "",
        .maps(&Crossing::Text(F::PhotoType));
    job_title: Option<String> = "jobTitle", "Job title", max_len(60), "Max length 60 characters.",
        .maps(&Crossing::Text(F::JobTitle));
    background: Option<String> = "background", "Notes", max_len(200), "The Notes field of the user interface. Max length 200 characters.",
        .textarea(),
        .maps(&Crossing::Text(F::Notes));
    location: Option<String> = "location", "Location", max_len(60), "Max length 60 characters.",
        .maps(&Crossing::Text(F::Location));
    organization: Option<String> = "organization", "Organization", max_len(60), "Max length 60 characters. Deprecated in favour of organizationId on the newest docs page.",
        .maps(&Crossing::Text(F::Organization));
    organization_id: Option<Loose<i64>> = "organizationId", "Organization id", crate::spec::INTEGER, "Id of the customer's organization (example 35).",
        .form(&FormHints::placeholder("35")),
        .maps(&via(F::OrganizationId, import_integer_or_digits, export_number)),
        .loose();
    gender: Option<String> = "gender", "Gender", one_of(&GENDERS), "male, female or unknown.",
        .maps(&via(F::Gender, import::gender, export::gender));
    age: Option<String> = "age", "Age", STRING, "Customer's age, a free string such as \"30-35\".",
        .form(&FormHints::placeholder("30-35")),
        .maps(&Crossing::Text(F::Age));
    emails: Option<Vec<Email>> = "emails", "Emails", list!(ValueRules::Object(&EMAIL)), "",
        .maps(&with(&[named!("[].value", F::Emails), named!("[].type", F::Emails)], import::emails, export::emails));
    phones: Option<Vec<Phone>> = "phones", "Phones", list!(ValueRules::Object(&PHONE)), "",
        .maps(&with(&[named!("[].value", F::Phones), named!("[].type", F::Phones)], import::phones, export::phones));
    chats: Option<Vec<Chat>> = "chats", "Chat handles", list!(ValueRules::Object(&CHAT)), "",
        .maps(&with(&[named!("[].value", F::Chats), named!("[].type", F::Chats)], import::handles, export::handles));
    social_profiles: Option<Vec<SocialProfile>> = "socialProfiles", "Social profiles", list!(ValueRules::Object(&SOCIAL)), "",
        .maps(&with(&[named!("[].value", F::SocialProfiles), named!("[].type", F::SocialProfiles)], import::handles, export::handles));
    websites: Option<Vec<Website>> = "websites", "Websites", list!(ValueRules::Object(&WEBSITE)), "",
        .maps(&with(&[named!("[].value", F::Websites)], import::websites, export::websites));
    address: Option<Address> = "address", "Address", ValueRules::Object(&ADDRESS), "",
        .maps(&with(&[named!(".lines", F::AddressLines), named!(".city", F::AddressCity), named!(".state", F::AddressRegion), named!(".postalCode", F::AddressPostalCode), named!(".country", F::AddressCountry)], import::address, export::address));
    properties: Option<Properties> = "properties", "Properties", ValueRules::Dynamic(&PROPERTIES), "Customer property values, as a list of {slug, value} (or an object of slug: value).",
        .maps(&via(F::CustomAttributes, import::properties, export::properties));
}

/// `properties`: checked in `properties.rs`, against the account's definitions when given.
const PROPERTIES: Dynamic = Dynamic {
    check: DynamicCheck::Keyed(&super::properties::PROPERTIES),
    // A per-vendor module ([`crate::Format::ONLY`]) returns its committed schema text and never
    // runs the generator; pointing at it there would link the generator (5 KB) all the same.
    schema: match crate::Format::ONLY {
        None => properties_schema,
        Some(_) => || crate::json::Json::Null,
    },
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

fn properties_schema() -> Schema {
    // Constant text around the slug's schema (from its rules) and the value's bounds.
    let slug = || crate::spec::schema::kind(&ValueRules::String(SLUG));
    let value = || {
        from_template(
            concat!(
                r#"{"description": "number: an integer; text: at most 255 characters; url; date (YYYY-MM-DD); "#,
                r#"dropdown: an option id or label.", "type": ["string", "integer"], "minimum": null, "maximum": null}"#
            ),
            vec![integer(i64::MIN), integer(i64::MAX)],
        )
    };
    from_template(
        concat!(
            r#"{"description": "Customer property values. The slug must be unique, 1 to 100 letters, digits, "#,
            r#"hyphens or underscores, and not email, name, company or jobTitle. Uniqueness of slugs and the "#,
            r#"per-type checks against the account's property definitions are not expressible here.", "oneOf": ["#,
            r#"{"type": "array", "items": {"type": "object", "properties": {"slug": null, "value": null}, "#,
            r#""required": ["slug", "value"]}}, {"type": "object", "propertyNames": null, "additionalProperties": null}]}"#
        ),
        vec![slug(), value(), slug(), value()],
    )
}

payload_serde!(Email);
payload_serde!(Phone);
payload_serde!(Chat);
payload_serde!(SocialProfile);
payload_serde!(Website);
payload_serde!(Address);
payload_serde!(Customer, crate::Format::HelpScout);
payload_serde!(Properties);
payload_serde!(Property);

/// A customer's property values, in either shape the docs show.
#[derive(Debug, Clone, PartialEq)]
pub enum Properties {
    /// A list of `{slug, value}` objects.
    List(Vec<Property>),
    /// An object of `slug: value`.
    Map(serde_json::Map<String, serde_json::Value>),
}

/// One property value: the property's slug and its value (a string or an integer, checked
/// against the account's property definitions when contactkit is given them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Property {
    /// The property's slug.
    pub slug: String,
    /// Its value.
    pub value: serde_json::Value,
    /// Members the item does not document (each an `unknown_field` warning).
    pub other: serde_json::Map<String, serde_json::Value>,
}

impl Wire for Properties {
    fn from_json(value: serde_json::Value, at: &Path<'_>) -> Result<Self, PayloadError> {
        match value {
            serde_json::Value::Object(map) => Ok(Self::Map(map)),
            other => Vec::from_json(other, at).map(Self::List),
        }
    }

    fn to_json(&self) -> Option<serde_json::Value> {
        match self {
            Self::List(items) => items.to_json(),
            Self::Map(map) => map.to_json(),
        }
    }
}

impl Wire for Property {
    fn from_json(value: serde_json::Value, at: &Path<'_>) -> Result<Self, PayloadError> {
        let mut map = crate::payload::object(value, at)?;
        Ok(Self {
            slug: crate::payload::member(&mut map, "slug", at)?,
            value: crate::payload::member(&mut map, "value", at)?,
            other: map,
        })
    }

    fn to_json(&self) -> Option<serde_json::Value> {
        let mut map = serde_json::Map::new();
        crate::payload::put(&mut map, "slug", &self.slug);
        crate::payload::put(&mut map, "value", &self.value);
        crate::payload::put_other(&mut map, &self.other);
        Some(serde_json::Value::Object(map))
    }
}
