//! The sequence format: its rule table (`spec`), importer and exporter, and the mapping table
//! that connects them to the canonical contact.

pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod spec;

use crate::engine::table::{Crossing, Entry, Table, OTHER_MEMBERS};
use crate::model::ContactField as F;

/// A plain string member that crosses unchanged.
const fn text(members: &'static [&'static str], fields: &'static [(&'static str, F)]) -> Entry {
    Entry {
        members,
        fields,
        crossing: Crossing::Text,
    }
}

/// Sequence ↔ canonical, in the order of the Create Person body.
pub(crate) static TABLE: Table = Table::new(&[
    Entry {
        members: &["externalId"],
        fields: &[("externalId", F::ExternalId)],
        crossing: Crossing::With {
            import: import::external_id,
            export: export::external_id,
        },
    },
    text(&["intercomId"], &[("intercomId", F::IntercomId)]),
    text(&["industry"], &[("industry", F::Industry)]),
    text(&["companyName"], &[("companyName", F::Organization)]),
    Entry {
        members: &["websiteUrl"],
        fields: &[("websiteUrl", F::Websites)],
        crossing: Crossing::With {
            import: import::website_url,
            export: export::website_url,
        },
    },
    text(&["title"], &[("title", F::JobTitle)]),
    text(&["city"], &[("city", F::AddressCity)]),
    text(&["region"], &[("region", F::AddressRegion)]),
    text(&["country"], &[("country", F::AddressCountry)]),
    text(&["os"], &[("os", F::Os)]),
    text(
        &["browserLanguage"],
        &[("browserLanguage", F::BrowserLanguage)],
    ),
    text(
        &["browserVersion"],
        &[("browserVersion", F::BrowserVersion)],
    ),
    text(&["browser"], &[("browser", F::Browser)]),
    Entry {
        members: &["lastSeenAt"],
        fields: &[("lastSeenAt", F::LastSeenAt)],
        crossing: Crossing::With {
            import: import::last_seen_at,
            export: export::last_seen_at,
        },
    },
    Entry {
        members: &["signedUpAt"],
        fields: &[("signedUpAt", F::SignedUpAt)],
        crossing: Crossing::With {
            import: import::signed_up_at,
            export: export::signed_up_at,
        },
    },
    Entry {
        members: &["phone"],
        fields: &[("phone", F::Phones)],
        crossing: Crossing::With {
            import: import::phone,
            export: export::phone,
        },
    },
    text(&["photo"], &[("photo", F::PhotoUrl)]),
    Entry {
        members: &["email"],
        fields: &[("email", F::Emails)],
        crossing: Crossing::With {
            import: import::email,
            export: export::email,
        },
    },
    Entry {
        members: &["firstName", "lastName"],
        fields: &[
            ("firstName", F::FirstName),
            ("lastName", F::LastName),
            ("firstName", F::FullName),
            ("lastName", F::FullName),
        ],
        crossing: Crossing::With {
            import: import::names,
            export: export::names,
        },
    },
    Entry {
        members: &[OTHER_MEMBERS],
        fields: &[("*", F::CustomAttributes)],
        crossing: Crossing::With {
            import: import::custom,
            export: export::custom,
        },
    },
]);
