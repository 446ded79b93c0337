//! The Sequence "Create Person" body, as a rule table.
//!
//! Sources: docs/RULES.md#sequence (the Create Person page and Sequence's server code). Every
//! documented field is a string; any other member is
//! a custom attribute. Lengths are not documented; the server's columns are VARCHAR(255), so
//! longer strings are warnings.

use crate::rules::StrFormat;
use crate::spec::{Extra, Field, Kind, Obj, Str};

/// A documented Sequence string: no limit is documented, the database column holds 255.
const TEXT: Kind = Kind::Str(VARCHAR);

const VARCHAR: Str = Str {
    soft_max: 255,
    soft_max_note: "Sequence's database column holds 255 characters; its docs do not state a limit",
    ..Str::ANY
};

const fn text_in(format: StrFormat) -> Kind {
    Kind::Str(Str {
        format: Some(format),
        ..VARCHAR
    })
}

/// The Create Person body.
pub(crate) static PERSON: Obj = Obj {
    title: "Sequence person (Create Person)",
    description: "Body of POST https://api.sequence.so/api/v1/person. Every documented field is a string; any \
other member is saved as a custom attribute. Strings over 255 characters are warnings (Sequence's database columns are \
VARCHAR(255); its docs state no limit). `null` clears an optional field (\"pass the value null and it will be \
cleared\"), so every field but externalId accepts it.",
    fields: &[
        Field::new("externalId", "External id", Kind::Str(Str { min: 1, id: true, ..VARCHAR }))
            .required()
            .doc("Person's ID in your app (so you can link IDs)."),
        Field::new("intercomId", "Intercom id", Kind::Str(Str { id: true, ..VARCHAR })).nullable().doc("The associated Intercom ID for this Person."),
        Field::new("industry", "Industry", TEXT).nullable().doc("The Person's industry."),
        Field::new("companyName", "Company name", TEXT).nullable().doc("Name of the Person's company."),
        Field::new("websiteUrl", "Website URL", text_in(StrFormat::HttpUrl)).nullable().doc("URL of the Person's website."),
        Field::new("title", "Job title", TEXT).nullable().doc("Title of the person in their company."),
        Field::new("city", "City", TEXT).nullable().doc("City of the person."),
        Field::new("region", "Region", TEXT).nullable().doc("Region (state or province) of the person."),
        Field::new("country", "Country", TEXT).nullable().doc("Country of the person."),
        Field::new("os", "Operating system", TEXT).nullable().doc("Operating system last used to access your app."),
        Field::new("browserLanguage", "Browser language", TEXT)
            .nullable()
            .doc("Language settings for browser last used to access your app."),
        Field::new("browserVersion", "Browser version", TEXT).nullable().doc("Version of last browser used to access your app."),
        Field::new("browser", "Browser", TEXT).nullable().doc("Last browser used to access your app."),
        Field::new("lastSeenAt", "Last seen at", text_in(StrFormat::IsoDateOrDateTime))
            .nullable()
            .doc("Last time the person performed an action, in ISO date format."),
        Field::new("signedUpAt", "Signed up at", text_in(StrFormat::IsoDateOrDateTime))
            .nullable()
            .doc("Signed up date in ISO date format."),
        Field::new("phone", "Phone", TEXT).nullable().doc("Person phone (no format enforced)."),
        Field::new("photo", "Photo URL", text_in(StrFormat::HttpUrl)).nullable().doc("URL to person's photo."),
        Field::new("email", "Email", text_in(StrFormat::Email)).nullable().doc("Person email."),
        Field::new("firstName", "First name", TEXT).nullable().doc("Person first name."),
        Field::new("lastName", "Last name", TEXT).nullable().doc("Person last name."),
    ],
    extra: Extra::Custom,
    any_of_required: &[],
    check: None,
};
