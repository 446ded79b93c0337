//! The Sequence "Create Person" body, as a rule table.
//!
//! Sources: docs/RULES.md#sequence (the Create Person page and Sequence's server code). Every
//! documented field is a string; any other member is
//! a custom attribute. Lengths are not documented; the server's columns are VARCHAR(255), so
//! longer strings are warnings.

use super::{export, import};
use crate::engine::crossing::{via, with, Crossing};
use crate::engine::shared::import_text;
use crate::formats::StringFormat;
use crate::model::ContactField as F;
use crate::spec::{Extra, Member, ObjectRules, StringRules, ValueRules};

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

/// The Create Person body.
pub(crate) static PERSON: ObjectRules = ObjectRules {
    title: "Sequence person (Create Person)",
    description: "Body of POST https://api.sequence.so/api/v1/person. Every documented field is a string; any \
other member is saved as a custom attribute. Strings over 255 characters are warnings (Sequence's database columns are \
VARCHAR(255); its docs state no limit). `null` clears an optional field (\"pass the value null and it will be \
cleared\"), so every field but externalId accepts it.",
    members: &[
        Member::new("externalId", "External id", ValueRules::String(StringRules { min: 1, id: true, ..VARCHAR })).maps(via(F::ExternalId, import_text, export::external_id))
            .required()
            .doc("Person's ID in your app (so you can link IDs)."),
        Member::new("intercomId", "Intercom id", ValueRules::String(StringRules { id: true, ..VARCHAR })).maps(Crossing::Text(F::IntercomId)).nullable().doc("The associated Intercom ID for this Person."),
        Member::new("industry", "Industry", TEXT).maps(Crossing::Text(F::Industry)).nullable().doc("The Person's industry."),
        Member::new("companyName", "Company name", TEXT).maps(Crossing::Text(F::Organization)).nullable().doc("Name of the Person's company."),
        Member::new("websiteUrl", "Website URL", text_in(StringFormat::HttpUrl)).maps(via(F::Websites, import::website_url, export::website_url)).nullable().doc("URL of the Person's website."),
        Member::new("title", "Job title", TEXT).maps(Crossing::Text(F::JobTitle)).nullable().doc("Title of the person in their company."),
        Member::new("city", "City", TEXT).maps(Crossing::Text(F::AddressCity)).nullable().doc("City of the person."),
        Member::new("region", "Region", TEXT).maps(Crossing::Text(F::AddressRegion)).nullable().doc("Region (state or province) of the person."),
        Member::new("country", "Country", TEXT).maps(Crossing::Text(F::AddressCountry)).nullable().doc("Country of the person."),
        Member::new("os", "Operating system", TEXT).maps(Crossing::Text(F::Os)).nullable().doc("Operating system last used to access your app."),
        Member::new("browserLanguage", "Browser language", TEXT).maps(Crossing::Text(F::BrowserLanguage))
            .nullable()
            .doc("Language settings for browser last used to access your app."),
        Member::new("browserVersion", "Browser version", TEXT).maps(Crossing::Text(F::BrowserVersion)).nullable().doc("Version of last browser used to access your app."),
        Member::new("browser", "Browser", TEXT).maps(Crossing::Text(F::Browser)).nullable().doc("Last browser used to access your app."),
        Member::new("lastSeenAt", "Last seen at", text_in(StringFormat::IsoDateOrDateTime)).maps(via(F::LastSeenAt, import::timestamp, export::timestamp))
            .nullable()
            .doc("Last time the person performed an action, in ISO date format."),
        Member::new("signedUpAt", "Signed up at", text_in(StringFormat::IsoDateOrDateTime)).maps(via(F::SignedUpAt, import::timestamp, export::timestamp))
            .nullable()
            .doc("Signed up date in ISO date format."),
        Member::new("phone", "Phone", TEXT).maps(via(F::Phones, import::phone, export::phone)).nullable().doc("Person phone (no format enforced)."),
        Member::new("photo", "Photo URL", text_in(StringFormat::HttpUrl)).maps(Crossing::Text(F::PhotoUrl)).nullable().doc("URL to person's photo."),
        Member::new("email", "Email", text_in(StringFormat::Email)).maps(via(F::Emails, import::email, export::email)).nullable().doc("Person email."),
        Member::new("firstName", "First name", TEXT).maps(Crossing::FirstName).nullable().doc("Person first name."),
        Member::new("lastName", "Last name", TEXT).maps(Crossing::LastName).nullable().doc("Person last name."),
    ],
    extra: Extra::Custom,
    any_of_required: &[],
    check: None,
    others: with(&[("*", F::CustomAttributes)], import::custom, export::custom),
};
