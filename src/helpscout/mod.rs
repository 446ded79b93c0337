//! The helpscout format: Help Scout's Mailbox API 2.0 "Create Customer" body. Its members are
//! declared in `spec`, each with its rules and how it crosses to the canonical contact; `import`
//! and `export` hold the functions of the members that do not cross as plain text, and
//! `properties` the checks of its custom properties. The read format `helpscout-customer` (what
//! Help Scout returns) is declared in `read_spec` and read in `read`; `preview` builds it from a
//! create payload.

pub(crate) mod definitions;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod properties;
pub(crate) mod spec;
// The read format (what the vendor returns) and the response preview.
#[cfg(feature = "convert")]
pub(crate) mod preview;
#[cfg(feature = "convert")]
pub(crate) mod read;
#[cfg(feature = "convert")]
pub(crate) mod read_spec;

pub use definitions::{PropertyDefinition, PropertyType};
pub use spec::{
    Address, Chat, Customer, Email, Phone, Properties, Property, SocialProfile, Website,
};

use crate::engine::crossing::{import_order, Table};

/// Help Scout ↔ canonical: the members of the Create Customer body, in its order.
pub(crate) static TABLE: Table = Table::new(&spec::CUSTOMER, import_order!(spec::CUSTOMER, 19));

/// `helpscout-customer` → canonical: the members of Help Scout's customer object, in the order
/// of the Get Customer example.
#[cfg(feature = "convert")]
pub(crate) static READ_TABLE: Table =
    Table::new(&read_spec::CUSTOMER, import_order!(read_spec::CUSTOMER, 25));
