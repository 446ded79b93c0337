//! A format's mapping table: which members it reads and writes, which canonical fields they
//! hold, and how the values cross.

use serde_json::{Map, Value};

use super::export::Exporter;
use super::import::Importer;
use crate::model::ContactField;

/// A format's mapping: its entries in the format's field order.
#[derive(Debug)]
pub(crate) struct Table {
    /// The entries; the exporter writes them in this order.
    pub(crate) entries: &'static [Entry],
    /// The canonical fields some entry lists, one bit per [`ContactField`].
    covered: u64,
}

/// The member name of an entry that takes every member no other entry lists (Sequence custom
/// attributes).
pub(crate) const OTHER_MEMBERS: &str = "*";

/// One group of a format's members and the canonical fields they hold.
#[derive(Debug)]
pub(crate) struct Entry {
    /// The top-level members the entry reads and writes, in the format's order
    /// ([`OTHER_MEMBERS`] for "every other member").
    pub(crate) members: &'static [&'static str],
    /// `(vendor field as docs/MAPPING.md names it, canonical field)` pairs the entry handles.
    pub(crate) fields: &'static [(&'static str, ContactField)],
    /// How the values cross.
    pub(crate) crossing: Crossing,
}

/// How an entry's values cross.
#[derive(Debug)]
pub(crate) enum Crossing {
    /// The one member is a string that crosses unchanged to the entry's one canonical string
    /// field (`null` on import is no value).
    Text,
    /// Anything else.
    With {
        /// Reads the entry's members from the source object into the contact.
        import: for<'s> fn(&'s Map<String, Value>, &mut Importer<'s>),
        /// Writes the entry's members from the contact.
        export: fn(&mut Exporter<'_>),
    },
}

impl Table {
    /// A table of `entries` (computed at compile time).
    pub(crate) const fn new(entries: &'static [Entry]) -> Self {
        let mut covered = 0u64;
        let mut i = 0;
        while i < entries.len() {
            let fields = entries[i].fields;
            let mut j = 0;
            while j < fields.len() {
                covered |= 1 << fields[j].1 as u64;
                j += 1;
            }
            i += 1;
        }
        Self { entries, covered }
    }

    /// Whether some entry lists `field`.
    pub(crate) fn covers(&self, field: ContactField) -> bool {
        self.covered & (1 << field as u64) != 0
    }

    /// Whether some entry lists `member` (or takes every other member).
    pub(crate) fn takes(&self, member: &str) -> bool {
        self.entries.iter().any(|e| {
            e.members
                .iter()
                .any(|m| *m == member || *m == OTHER_MEMBERS)
        })
    }

    /// Whether `member` is one the table names (not counting [`OTHER_MEMBERS`]).
    pub(crate) fn names(&self, member: &str) -> bool {
        self.entries.iter().any(|e| e.members.contains(&member))
    }
}
