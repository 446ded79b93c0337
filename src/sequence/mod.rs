//! The sequence format: Sequence's "Create Person" body. Its members are declared in `spec`,
//! each with its rules and how it crosses to the canonical contact; `import` and `export` hold
//! the functions of the members that do not cross as plain text.

pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod spec;

pub use spec::Person;

use crate::engine::crossing::{import_order, Table};

/// Sequence ↔ canonical: the members of the Create Person body, in its order.
pub(crate) static TABLE: Table = Table::new(&spec::PERSON, import_order!(spec::PERSON, 20));
