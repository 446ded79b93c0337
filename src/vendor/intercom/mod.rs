//! The intercom format: its rule table (`spec`), importer and exporter, and the mapping table
//! that connects them to the canonical contact.

pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod spec;
// The read format (what the vendor returns) and the response preview.
pub(crate) mod preview;
#[cfg(feature = "read-formats")]
pub(crate) mod read;
#[cfg(feature = "read-formats")]
pub(crate) mod read_spec;

use crate::canonical::mapping::{CField as F, Entry, Rule, Table};

/// Intercom ↔ canonical, in the order of `create_contact_request`.
pub(crate) static TABLE: Table = Table::new(&[
    Entry {
        members: &["role"],
        fields: &[("role", F::Role)],
        rule: Rule::With {
            import: import::role,
            export: export::role,
        },
    },
    Entry {
        members: &["external_id"],
        fields: &[("external_id", F::ExternalId)],
        rule: Rule::Text,
    },
    Entry {
        members: &["email"],
        fields: &[("email", F::Emails)],
        rule: Rule::With {
            import: import::email,
            export: export::email,
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
    Entry {
        members: &["name"],
        fields: &[
            ("name", F::FullName),
            ("name", F::FirstName),
            ("name", F::LastName),
        ],
        rule: Rule::With {
            import: import::name,
            export: export::name,
        },
    },
    Entry {
        members: &["avatar"],
        fields: &[("avatar", F::PhotoUrl)],
        rule: Rule::Text,
    },
    Entry {
        members: &["signed_up_at"],
        fields: &[("signed_up_at", F::SignedUpAt)],
        rule: Rule::With {
            import: import::signed_up_at,
            export: export::signed_up_at,
        },
    },
    Entry {
        members: &["last_seen_at"],
        fields: &[("last_seen_at", F::LastSeenAt)],
        rule: Rule::With {
            import: import::last_seen_at,
            export: export::last_seen_at,
        },
    },
    Entry {
        members: &["owner_id"],
        fields: &[("owner_id", F::OwnerId)],
        rule: Rule::With {
            import: import::owner_id,
            export: export::owner_id,
        },
    },
    Entry {
        members: &["unsubscribed_from_emails"],
        fields: &[("unsubscribed_from_emails", F::UnsubscribedFromEmails)],
        rule: Rule::With {
            import: import::unsubscribed_from_emails,
            export: export::unsubscribed_from_emails,
        },
    },
    Entry {
        members: &["custom_attributes"],
        fields: &[("custom_attributes", F::CustomAttributes)],
        rule: Rule::With {
            import: import::custom_attributes,
            export: export::custom_attributes,
        },
    },
]);
