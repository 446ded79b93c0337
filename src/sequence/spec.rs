//! The Sequence "Create Person" body, as a rule table.
//!
//! Sources: docs/RULES.md#sequence (the Create Person page and Sequence's server code). Every
//! documented field is a string; any other member is
//! a custom attribute. Lengths are not documented; the server's columns are VARCHAR(255), so
//! longer strings are warnings.

use super::{export, import};
use crate::engine::crossing::{named, via, with, Crossing};
use crate::engine::shared::{import_first_email, import_first_phone, import_text};
use crate::formats::StringFormat;
use crate::model::ContactField as F;
use crate::payload::{payload_serde, Nullable};
use crate::spec::declare::object;
use crate::spec::{Extra, StringRules, ValueRules};
use crate::Format;

/// A documented Sequence string: no limit is documented, the database column holds 255.
const TEXT: ValueRules = ValueRules::String(VARCHAR);

const VARCHAR: StringRules = StringRules {
    soft_max: 255,
    soft_max_note: "Sequence's database column holds 255 characters; its docs do not state a limit",
    ..StringRules::ANY
};

const fn text_in(format: StringFormat) -> ValueRules {
    ValueRules::String(StringRules {
        format: Some(format),
        ..VARCHAR
    })
}

object! {
    /// A Sequence person: the body of Create Person (`POST https://api.sequence.so/api/v1/person`).
    ///
    /// Every documented member is a string that `null` clears ([`Nullable`]); any other member is a
    /// custom attribute.
    ///
    /// ```
    /// use contactkit::sequence::Person;
    /// let person = Person {
    ///     external_id: "u-1".into(),
    ///     first_name: "Ada".into(),
    ///     ..Default::default()
    /// };
    /// assert_eq!(
    ///     serde_json::to_string(&person)?,
    ///     r#"{"externalId":"u-1","firstName":"Ada"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct Person: PERSON {
        title: "Sequence person (Create Person)",
        description: "Body of POST https://api.sequence.so/api/v1/person. Every documented field is a string; any \
other member is saved as a custom attribute. Strings over 255 characters are warnings (Sequence's database columns are \
VARCHAR(255); its docs state no limit). `null` clears an optional field (\"pass the value null and it will be \
cleared\"), so every field but externalId accepts it.",
        extra: Extra::Custom =>
            /// Custom attributes: every member that is not documented, any JSON value.
            custom_attributes,
        any_of_required: &[],
        check: None,
        others: with(&[named!("*", F::CustomAttributes)], import::custom, export::custom),
    }
    external_id: String = "externalId", "External id", ValueRules::String(StringRules { min: 1, id: true, ..VARCHAR }), "Person's ID in your app (so you can link IDs).",
        .maps(&via(F::ExternalId, import_text, export::external_id)),
        .required();
    intercom_id: Nullable<String> = "intercomId", "Intercom id", ValueRules::String(StringRules { id: true, ..VARCHAR }), "The associated Intercom ID for this Person.",
        .maps(&Crossing::Text(F::IntercomId)),
        .nullable();
    industry: Nullable<String> = "industry", "Industry", TEXT, "The Person's industry.",
        .maps(&Crossing::Text(F::Industry)),
        .nullable();
    company_name: Nullable<String> = "companyName", "Company name", TEXT, "Name of the Person's company.",
        .maps(&Crossing::Text(F::Organization)),
        .nullable();
    website_url: Nullable<String> = "websiteUrl", "Website URL", text_in(StringFormat::HttpUrl), "URL of the Person's website.",
        .maps(&via(F::Websites, import::website_url, export::website_url)),
        .nullable();
    title: Nullable<String> = "title", "Job title", TEXT, "Title of the person in their company.",
        .maps(&Crossing::Text(F::JobTitle)),
        .nullable();
    city: Nullable<String> = "city", "City", TEXT, "City of the person.",
        .maps(&Crossing::Text(F::AddressCity)),
        .nullable();
    region: Nullable<String> = "region", "Region", TEXT, "Region (state or province) of the person.",
        .maps(&Crossing::Text(F::AddressRegion)),
        .nullable();
    country: Nullable<String> = "country", "Country", TEXT, "Country of the person.",
        .maps(&Crossing::Text(F::AddressCountry)),
        .nullable();
    os: Nullable<String> = "os", "Operating system", TEXT, "Operating system last used to access your app.",
        .maps(&Crossing::Text(F::Os)),
        .nullable();
    browser_language: Nullable<String> = "browserLanguage", "Browser language", TEXT, "Language settings for browser last used to access your app.",
        .maps(&Crossing::Text(F::BrowserLanguage)),
        .nullable();
    browser_version: Nullable<String> = "browserVersion", "Browser version", TEXT, "Version of last browser used to access your app.",
        .maps(&Crossing::Text(F::BrowserVersion)),
        .nullable();
    browser: Nullable<String> = "browser", "Browser", TEXT, "Last browser used to access your app.",
        .maps(&Crossing::Text(F::Browser)),
        .nullable();
    last_seen_at: Nullable<String> = "lastSeenAt", "Last seen at", text_in(StringFormat::IsoDateOrDateTime), "Last time the person performed an action, in ISO date format.",
        .maps(&via(F::LastSeenAt, import::timestamp, export::timestamp)),
        .nullable();
    signed_up_at: Nullable<String> = "signedUpAt", "Signed up at", text_in(StringFormat::IsoDateOrDateTime), "Signed up date in ISO date format.",
        .maps(&via(F::SignedUpAt, import::timestamp, export::timestamp)),
        .nullable();
    phone: Nullable<String> = "phone", "Phone", TEXT, "Person phone (no format enforced).",
        .maps(&via(F::Phones, import_first_phone, export::phone)),
        .nullable();
    photo: Nullable<String> = "photo", "Photo URL", text_in(StringFormat::HttpUrl), "URL to person's photo.",
        .maps(&Crossing::Text(F::PhotoUrl)),
        .nullable();
    email: Nullable<String> = "email", "Email", text_in(StringFormat::Email), "Person email.",
        .maps(&via(F::Emails, import_first_email, export::email)),
        .nullable();
    first_name: Nullable<String> = "firstName", "First name", TEXT, "Person first name.",
        .maps(&Crossing::FirstName),
        .nullable();
    last_name: Nullable<String> = "lastName", "Last name", TEXT, "Person last name.",
        .maps(&Crossing::LastName),
        .nullable();
}

payload_serde!(Person, Format::Sequence);
