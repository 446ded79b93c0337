//! The canonical format: the hub model's own JSON form (camelCase member names, empty values
//! omitted; `schemas/canonical.schema.json`), a spoke like the vendors' formats. Its members are
//! declared in `spec`, each with the canonical field it holds; `import` and `export` hold the
//! functions of the members that do not cross as plain text.

pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod spec;

pub use crate::model::{Address, Contact, Email, Handle, Identifier, Phone};

use crate::engine::crossing::{import_order, Table};

/// The canonical format's own mapping: every member to the field of the same name.
pub(crate) static TABLE: Table = Table::new(&spec::CONTACT, import_order!(spec::CONTACT, 36));
