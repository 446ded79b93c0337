//! The bird format: Bird's "Create a contact" body (workspace Contacts API). Its members are
//! declared in `spec`, each with its rules and how it crosses to the canonical contact; `import`
//! and `export` hold the functions of the members that do not cross as plain text. The read
//! format `bird-contact` (what Bird returns) is declared in `read_spec` and read in `read`;
//! `preview` builds it from a create payload.

pub(crate) mod definitions;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod spec;
// The read format (what the vendor returns) and the response preview.
#[cfg(feature = "convert")]
pub(crate) mod preview;
#[cfg(feature = "convert")]
pub(crate) mod read;
#[cfg(feature = "convert")]
pub(crate) mod read_spec;

pub use definitions::{AttributeDefinition, AttributeType};
pub use spec::{CreateContact, Identifier};

use crate::engine::crossing::{import_order, Table};

/// The identifier key of the contact's external id (Bird's SDK docs:
/// `ExternalIdentifier("external_id", userId)`).
pub(crate) const EXTERNAL_ID_KEY: &str = "external_id";

/// Bird ↔ canonical: the members of the Create a contact body, in its order.
pub(crate) static TABLE: Table = Table::new(&spec::CONTACT, import_order!(spec::CONTACT, 6));

/// `bird-contact` → canonical: the members of Bird's contact object, in the order of the
/// response fields of Create a contact (docs/RULES.md#bird-contact).
#[cfg(feature = "convert")]
pub(crate) static READ_TABLE: Table =
    Table::new(&read_spec::CONTACT, import_order!(read_spec::CONTACT, 12));
