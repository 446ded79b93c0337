//! The intercom format: its rule table (`spec`), importer and exporter, and the mapping table
//! that connects them to the canonical contact.

pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod spec;
// The read format (what the vendor returns) and the response preview.
pub(crate) mod preview;
pub(crate) mod read;
pub(crate) mod read_spec;

use crate::engine::table::{Crossing, Entry, Table};
use crate::model::ContactField as F;

/// Intercom ↔ canonical, in the order of `create_contact_request`.
pub(crate) static TABLE: Table = Table::new(&[
    Entry {
        members: &["role"],
        fields: &[("role", F::Role)],
        crossing: Crossing::With {
            import: import::role,
            export: export::role,
        },
    },
    Entry {
        members: &["external_id"],
        fields: &[("external_id", F::ExternalId)],
        crossing: Crossing::Text,
    },
    Entry {
        members: &["email"],
        fields: &[("email", F::Emails)],
        crossing: Crossing::With {
            import: import::email,
            export: export::email,
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
    Entry {
        members: &["name"],
        fields: &[
            ("name", F::FullName),
            ("name", F::FirstName),
            ("name", F::LastName),
        ],
        crossing: Crossing::With {
            import: import::name,
            export: export::name,
        },
    },
    Entry {
        members: &["avatar"],
        fields: &[("avatar", F::PhotoUrl)],
        crossing: Crossing::Text,
    },
    Entry {
        members: &["signed_up_at"],
        fields: &[("signed_up_at", F::SignedUpAt)],
        crossing: Crossing::With {
            import: import::signed_up_at,
            export: export::signed_up_at,
        },
    },
    Entry {
        members: &["last_seen_at"],
        fields: &[("last_seen_at", F::LastSeenAt)],
        crossing: Crossing::With {
            import: import::last_seen_at,
            export: export::last_seen_at,
        },
    },
    Entry {
        members: &["owner_id"],
        fields: &[("owner_id", F::OwnerId)],
        crossing: Crossing::With {
            import: import::owner_id,
            export: export::owner_id,
        },
    },
    Entry {
        members: &["unsubscribed_from_emails"],
        fields: &[("unsubscribed_from_emails", F::UnsubscribedFromEmails)],
        crossing: Crossing::With {
            import: import::unsubscribed_from_emails,
            export: export::unsubscribed_from_emails,
        },
    },
    Entry {
        members: &["custom_attributes"],
        fields: &[("custom_attributes", F::CustomAttributes)],
        crossing: Crossing::With {
            import: import::custom_attributes,
            export: export::custom_attributes,
        },
    },
]);
