//! The bird format: its rule table (`spec`), importer and exporter, and the mapping table that
//! connects them to the canonical contact.

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

/// The identifier key of the contact's external id (Bird's SDK docs:
/// `ExternalIdentifier("external_id", userId)`).
pub(crate) const EXTERNAL_ID_KEY: &str = "external_id";

/// Bird ↔ canonical, in the order of the Create a contact body.
pub(crate) static TABLE: Table = Table::new(&[
    Entry {
        members: &["displayName"],
        fields: &[("displayName", F::FullName)],
        rule: Rule::With {
            import: import::display_name,
            export: export::display_name,
        },
    },
    Entry {
        members: &["identifiers"],
        fields: &[
            ("identifiers[emailaddress]", F::Emails),
            ("identifiers[phonenumber]", F::Phones),
            ("identifiers[external_id]", F::ExternalId),
            ("identifiers[*]", F::Identifiers),
        ],
        rule: Rule::With {
            import: import::identifiers,
            export: export::identifiers,
        },
    },
    Entry {
        members: &["attributes"],
        fields: &[
            ("attributes.firstName", F::FirstName),
            ("attributes.lastName", F::LastName),
            ("attributes.*", F::CustomAttributes),
        ],
        rule: Rule::With {
            import: import::attributes,
            export: export::attributes,
        },
    },
    Entry {
        members: &["accountIds"],
        fields: &[("accountIds", F::AccountIds)],
        rule: Rule::With {
            import: import::account_ids,
            export: export::account_ids,
        },
    },
    Entry {
        members: &["listIds"],
        fields: &[("listIds", F::ListIds)],
        rule: Rule::With {
            import: import::list_ids,
            export: export::list_ids,
        },
    },
    Entry {
        members: &["companyRefs"],
        fields: &[("companyRefs", F::CompanyRefs)],
        rule: Rule::With {
            import: import::company_refs,
            export: export::company_refs,
        },
    },
]);
