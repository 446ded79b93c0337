//! The helpscout format: its rule table (`spec`), importer and exporter, and the mapping table
//! that connects them to the canonical contact.

pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod properties;
pub(crate) mod spec;
// The read format (what the vendor returns) and the response preview.
pub(crate) mod preview;
#[cfg(feature = "read-formats")]
pub(crate) mod read;
#[cfg(feature = "read-formats")]
pub(crate) mod read_spec;

use crate::canonical::mapping::{CField as F, Entry, Rule, Table};

/// A plain string member that crosses unchanged.
const fn text(member: &'static [&'static str], fields: &'static [(&'static str, F)]) -> Entry {
    Entry {
        members: member,
        fields,
        rule: Rule::Text,
    }
}

/// Help Scout ↔ canonical, in the order of the Create Customer body.
pub(crate) static TABLE: Table = Table::new(&[
    Entry {
        members: &["firstName", "lastName"],
        fields: &[
            ("firstName", F::FirstName),
            ("lastName", F::LastName),
            ("firstName", F::FullName),
            ("lastName", F::FullName),
        ],
        rule: Rule::With {
            import: import::names,
            export: export::names,
        },
    },
    Entry {
        members: &["phone"],
        fields: &[("phone", F::Phones)],
        rule: Rule::With {
            import: import::phone,
            export: export::phone,
        },
    },
    text(&["photoUrl"], &[("photoUrl", F::PhotoUrl)]),
    text(&["photoType"], &[("photoType", F::PhotoType)]),
    text(&["jobTitle"], &[("jobTitle", F::JobTitle)]),
    text(&["background"], &[("background", F::Notes)]),
    text(&["location"], &[("location", F::Location)]),
    text(&["organization"], &[("organization", F::Organization)]),
    Entry {
        members: &["organizationId"],
        fields: &[("organizationId", F::OrganizationId)],
        rule: Rule::With {
            import: import::organization_id,
            export: export::organization_id,
        },
    },
    Entry {
        members: &["gender"],
        fields: &[("gender", F::Gender)],
        rule: Rule::With {
            import: import::gender,
            export: export::gender,
        },
    },
    text(&["age"], &[("age", F::Age)]),
    Entry {
        members: &["emails"],
        fields: &[("emails[].value", F::Emails), ("emails[].type", F::Emails)],
        rule: Rule::With {
            import: import::emails,
            export: export::emails,
        },
    },
    Entry {
        members: &["phones"],
        fields: &[("phones[].value", F::Phones), ("phones[].type", F::Phones)],
        rule: Rule::With {
            import: import::phones,
            export: export::phones,
        },
    },
    Entry {
        members: &["chats"],
        fields: &[("chats[].value", F::Chats), ("chats[].type", F::Chats)],
        rule: Rule::With {
            import: import::chats,
            export: export::chats,
        },
    },
    Entry {
        members: &["socialProfiles"],
        fields: &[
            ("socialProfiles[].value", F::SocialProfiles),
            ("socialProfiles[].type", F::SocialProfiles),
        ],
        rule: Rule::With {
            import: import::social_profiles,
            export: export::social_profiles,
        },
    },
    Entry {
        members: &["websites"],
        fields: &[("websites[].value", F::Websites)],
        rule: Rule::With {
            import: import::websites,
            export: export::websites,
        },
    },
    Entry {
        members: &["address"],
        fields: &[
            ("address.lines", F::AddressLines),
            ("address.city", F::AddressCity),
            ("address.state", F::AddressRegion),
            ("address.postalCode", F::AddressPostalCode),
            ("address.country", F::AddressCountry),
        ],
        rule: Rule::With {
            import: import::address,
            export: export::address,
        },
    },
    Entry {
        members: &["properties"],
        fields: &[("properties", F::CustomAttributes)],
        rule: Rule::With {
            import: import::properties,
            export: export::properties,
        },
    },
]);
