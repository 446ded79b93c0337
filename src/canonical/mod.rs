//! The canonical format: the hub model's own JSON form (camelCase member names, empty values
//! omitted; `schemas/canonical.schema.json`), a spoke like the vendors' formats.

pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod spec;

pub use crate::model::{Address, Contact, Email, Handle, Identifier, Phone};

use serde_json::{Map, Value};

use crate::engine::import::Importer;
use crate::engine::table::{Crossing, Entry, Table};
use crate::model::ContactField as F;

/// A plain string member.
const fn text(members: &'static [&'static str], fields: &'static [(&'static str, F)]) -> Entry {
    Entry {
        members,
        fields,
        crossing: Crossing::Text,
    }
}

/// A member read and written by functions.
const fn with(
    members: &'static [&'static str],
    fields: &'static [(&'static str, F)],
    import: fn(&Map<String, Value>, &mut Importer),
    export: fn(&mut crate::engine::export::Exporter<'_>),
) -> Entry {
    Entry {
        members,
        fields,
        crossing: Crossing::With { import, export },
    }
}

/// The canonical format's own mapping: every member to itself.
pub(crate) static TABLE: Table = Table::new(&[
    text(&["externalId"], &[("externalId", F::ExternalId)]),
    text(&["fullName"], &[("fullName", F::FullName)]),
    text(&["firstName"], &[("firstName", F::FirstName)]),
    text(&["lastName"], &[("lastName", F::LastName)]),
    with(
        &["emails"],
        &[("emails", F::Emails)],
        import::emails,
        export::emails,
    ),
    with(
        &["phones"],
        &[("phones", F::Phones)],
        import::phones,
        export::phones,
    ),
    text(&["photoUrl"], &[("photoUrl", F::PhotoUrl)]),
    text(&["photoType"], &[("photoType", F::PhotoType)]),
    text(&["jobTitle"], &[("jobTitle", F::JobTitle)]),
    text(&["organization"], &[("organization", F::Organization)]),
    with(
        &["organizationId"],
        &[("organizationId", F::OrganizationId)],
        import::organization_id,
        export::organization_id,
    ),
    text(&["industry"], &[("industry", F::Industry)]),
    with(
        &["address"],
        &[
            ("address.lines", F::AddressLines),
            ("address.city", F::AddressCity),
            ("address.region", F::AddressRegion),
            ("address.postalCode", F::AddressPostalCode),
            ("address.country", F::AddressCountry),
        ],
        import::address,
        export::address,
    ),
    text(&["location"], &[("location", F::Location)]),
    with(
        &["websites"],
        &[("websites", F::Websites)],
        import::websites,
        export::websites,
    ),
    with(
        &["signedUpAt"],
        &[("signedUpAt", F::SignedUpAt)],
        import::signed_up_at,
        export::signed_up_at,
    ),
    with(
        &["lastSeenAt"],
        &[("lastSeenAt", F::LastSeenAt)],
        import::last_seen_at,
        export::last_seen_at,
    ),
    text(&["browser"], &[("browser", F::Browser)]),
    text(
        &["browserVersion"],
        &[("browserVersion", F::BrowserVersion)],
    ),
    text(
        &["browserLanguage"],
        &[("browserLanguage", F::BrowserLanguage)],
    ),
    text(&["os"], &[("os", F::Os)]),
    with(
        &["gender"],
        &[("gender", F::Gender)],
        import_gender,
        export::gender,
    ),
    text(&["age"], &[("age", F::Age)]),
    text(&["notes"], &[("notes", F::Notes)]),
    with(
        &["chats"],
        &[("chats", F::Chats)],
        import::chats,
        export::chats,
    ),
    with(
        &["socialProfiles"],
        &[("socialProfiles", F::SocialProfiles)],
        import::social_profiles,
        export::social_profiles,
    ),
    with(
        &["identifiers"],
        &[("identifiers", F::Identifiers)],
        import::identifiers,
        export::identifiers,
    ),
    with(
        &["listIds"],
        &[("listIds", F::ListIds)],
        import::list_ids,
        export::list_ids,
    ),
    with(
        &["accountIds"],
        &[("accountIds", F::AccountIds)],
        import::account_ids,
        export::account_ids,
    ),
    with(
        &["companyRefs"],
        &[("companyRefs", F::CompanyRefs)],
        import::company_refs,
        export::company_refs,
    ),
    with(&["tags"], &[("tags", F::Tags)], import::tags, export::tags),
    text(&["role"], &[("role", F::Role)]),
    with(
        &["ownerId"],
        &[("ownerId", F::OwnerId)],
        import::owner_id,
        export::owner_id,
    ),
    with(
        &["unsubscribedFromEmails"],
        &[("unsubscribedFromEmails", F::UnsubscribedFromEmails)],
        import::unsubscribed_from_emails,
        export::unsubscribed_from_emails,
    ),
    text(&["intercomId"], &[("intercomId", F::IntercomId)]),
    with(
        &["customAttributes"],
        &[("customAttributes", F::CustomAttributes)],
        import::custom_attributes,
        export::custom_attributes,
    ),
]);

fn import_gender(obj: &Map<String, Value>, imp: &mut Importer) {
    imp.text(obj, "gender", F::Gender);
}
