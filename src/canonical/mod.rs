//! The canonical format: the hub model's own JSON form (camelCase member names, empty values
//! omitted; `schemas/canonical.schema.json`), a spoke like the vendors' formats. Its members are
//! declared in `spec`, each with the canonical field it holds; `import` and `export` hold the
//! functions of the members that do not cross as plain text.

pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod spec;

pub use crate::model::{Address, Contact, Email, Handle, Identifier, Phone};

use serde_json::Value;

use crate::engine::crossing::{import_order, Table};
use crate::payload::{Payload, PayloadError};
use crate::Format;

/// The canonical format's own mapping: every member to the field of the same name.
pub(crate) static TABLE: Table = Table::new(&spec::CONTACT, import_order!(spec::CONTACT, 36));

impl crate::payload::sealed::Sealed for Contact {}

/// The canonical contact is the canonical format's payload. It is the hub model, so it holds
/// values in their canonical form: a timestamp in UTC (`2024-05-01T14:00:00+02:00` reads as
/// `2024-05-01T12:00:00Z`), an empty list as no list, and no member the format does not document
/// (the importer drops those with a note).
impl Payload for Contact {
    const FORMAT: Format = Format::Canonical;

    fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    fn from_value(value: Value) -> Result<Self, PayloadError> {
        serde_json::from_value(value).map_err(|e| PayloadError {
            path: String::new(),
            message: e.to_string(),
        })
    }
}
