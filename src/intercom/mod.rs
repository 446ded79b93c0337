//! The intercom format: Intercom's "Create contact" body (REST API 2.15). Its members are
//! declared in `spec`, each with its rules and how it crosses to the canonical contact; `import`
//! and `export` hold the functions of the members that do not cross as plain text. The read
//! format `intercom-contact` (what Intercom returns) is declared in `read_spec` and read in
//! `read`; `preview` builds it from a create payload.

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

pub use definitions::{AttributeDefinition, DataType};
pub use spec::CreateContact;

use crate::engine::crossing::{import_order, Table};

/// Intercom ↔ canonical: the members of `create_contact_request`, in its order.
pub(crate) static TABLE: Table = Table::new(
    &spec::CREATE_CONTACT,
    import_order!(spec::CREATE_CONTACT, 11),
);

/// `intercom-contact` → canonical: the members of Intercom's contact object, in the member order
/// of the 2.15 `contact` schema.
#[cfg(feature = "convert")]
pub(crate) static READ_TABLE: Table =
    Table::new(&read_spec::CONTACT, import_order!(read_spec::CONTACT, 54));
