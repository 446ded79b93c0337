//! The importer: reads a validated source record into the canonical contact with a format's
//! mapping table, recording provenance and `dropped` notes.

use crate::value::{Map, Value};

use super::concat;
use super::crossing::{At, Crossing, Table};
use super::provenance::{ContactPath, Provenance, SourcePath};
use super::read::{dropped_when_set, text as read_text};
use crate::formats::parse_iso_timestamp;
use crate::model::{Contact, ContactField};
use crate::note::{Note, NoteCode};
use crate::pointer::join;

/// The `dropped` note of an empty id: the contact has none (docs/RULES.md#ids).
pub(crate) const EMPTY_ID: &str = "is empty: an empty string is no id, so the contact has none";

/// The contact an importer builds, with provenance and `dropped` notes (source paths).
#[derive(Debug, Default)]
pub(crate) struct Importer<'s> {
    /// The contact so far.
    pub(crate) contact: Contact,
    /// Where its values came from.
    pub(crate) prov: Provenance<'s>,
    /// Source values the canonical contact cannot hold.
    pub(crate) notes: Vec<Note>,
}

impl<'s> Importer<'s> {
    /// Records that the canonical value at `loc` came from `src`.
    pub(crate) fn trace(&mut self, loc: ContactPath<'s>, src: SourcePath<'s>) {
        if !self.prov.identity {
            self.prov.record(loc, src);
        }
    }

    /// Notes a source value the canonical contact cannot hold.
    pub(crate) fn dropped(&mut self, src: SourcePath<'_>, message: impl Into<String>) {
        self.dropped_at(src.pointer(), message);
    }

    /// Notes a source value the canonical contact cannot hold, by pointer.
    pub(crate) fn dropped_at(&mut self, path: String, message: impl Into<String>) {
        self.notes.push(Note {
            path,
            code: NoteCode::Dropped,
            message: message.into(),
        });
    }

    /// Reads string member `member` into the plain string field `field`: `null` is no value,
    /// another type (only possible where the format's type is loose) is dropped.
    pub(crate) fn text(&mut self, obj: &Map, member: &'static str, field: ContactField) {
        match obj.get(member) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if s.is_empty() && field.is_id() => {
                self.dropped(SourcePath::Member(member), EMPTY_ID);
            }
            Some(Value::String(s)) => {
                if let Some(slot) = field.text_mut(&mut self.contact) {
                    *slot = Some(s.clone());
                    self.trace(ContactPath::Field(field), SourcePath::Member(member));
                }
            }
            Some(_) => self.dropped(
                SourcePath::Member(member),
                concat(&[
                    "is not a string, and the canonical ",
                    field.label(),
                    " is one",
                ]),
            ),
        }
    }

    /// Reads string member `member` of the object at `at`; `null` is no value, another type is
    /// dropped.
    pub(crate) fn string<'v>(
        &mut self,
        obj: &'v Map,
        member: &str,
        at: SourcePath<'_>,
    ) -> Option<&'v str> {
        match obj.get(member)? {
            Value::Null => None,
            Value::String(s) => Some(s),
            _ => {
                self.dropped_at(
                    join(&at.pointer(), member),
                    "is not a string: it cannot be converted",
                );
                None
            }
        }
    }

    /// Reads the string member `at.member` into the timestamp field `at.field`: text that
    /// [`parse_iso_timestamp`] does not take is dropped with `not_a_timestamp`.
    pub(crate) fn timestamp(&mut self, obj: &Map, at: At, not_a_timestamp: &str) {
        let Some(text) = self.string(obj, at.member, SourcePath::Root) else {
            return;
        };
        match parse_iso_timestamp(text) {
            Some(t) => {
                if let Some(slot) = at.field.timestamp_mut(&mut self.contact) {
                    *slot = Some(t);
                }
                self.trace(ContactPath::Field(at.field), SourcePath::Member(at.member));
            }
            None => self.dropped(SourcePath::Member(at.member), not_a_timestamp),
        }
    }

    /// Notes every member of the object `obj` at `at` that is not in `known`.
    pub(crate) fn dropped_unknown(&mut self, obj: &Map, known: &[&str], at: SourcePath<'_>) {
        for key in obj.keys() {
            if !known.contains(&key.as_str()) {
                self.dropped_at(
                    join(&at.pointer(), key),
                    "is not a documented field of this object; the canonical contact has no place for it",
                );
            }
        }
    }
}

/// Imports `record` (already validated) with `table`: each member as its declaration says
/// ([`Crossing`]), in the table's import order, then every member the format does not convert is
/// dropped with a note.
pub(crate) fn import<'s>(table: &Table, record: &'s Value, canonical_source: bool) -> Importer<'s> {
    let mut imp = Importer {
        prov: if canonical_source {
            Provenance::identity()
        } else {
            Provenance::default()
        },
        ..Importer::default()
    };
    let Some(obj) = record.as_object() else {
        return imp;
    };
    let mut not_held_noted = false;
    for member in table.import_order() {
        let name = member.name;
        match *member.crossing {
            Crossing::None | Crossing::Ignored | Crossing::Along { .. } => {}
            Crossing::NotHeld(_) => {
                if !not_held_noted {
                    not_held_noted = true;
                    for other in table.rules.members {
                        if let Crossing::NotHeld(message) = *other.crossing {
                            dropped_when_set(obj, &mut imp, other.name, message);
                        }
                    }
                }
            }
            Crossing::Text(field) => imp.text(obj, name, field),
            Crossing::ReadText(field) => {
                read_text(&mut imp, obj, name, field, SourcePath::Member(name));
            }
            Crossing::FirstName => imp.text(obj, name, ContactField::FirstName),
            Crossing::LastName => imp.text(obj, name, ContactField::LastName),
            Crossing::With { fields, import, .. } => import(obj, At::new(name, fields), &mut imp),
        }
    }
    if let Crossing::With { fields, import, .. } = *table.rules.others {
        import(obj, At::new("*", fields), &mut imp);
    }
    for key in obj.keys() {
        if !table.takes(key) {
            imp.dropped(
                SourcePath::Key("", key),
                "the canonical contact has no place for this member",
            );
        }
    }
    imp
}
