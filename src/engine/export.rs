//! The exporter: writes the canonical contact as a target format with its mapping table, noting
//! every value the target cannot hold.

use std::borrow::Cow;

use crate::value::{Map, Value};

use super::concat;
use super::crossing::{At, Crossing, Table};
use super::external_id::Derivation;
use super::provenance::{ContactPath, Provenance};
use super::shared::export_first_last;
use crate::model::{Contact, ContactField};
use crate::note::{Note, NoteCode};
use crate::options::ConvertOptions;
use crate::pointer::join;
use crate::{Code, Format, Issue, Timestamp};

/// What an exporter produced.
#[derive(Debug)]
pub(crate) struct Exported {
    /// The target payload.
    pub(crate) payload: Map,
    /// Notes (target paths, source paths for `dropped`).
    pub(crate) notes: Vec<Note>,
    /// Target location → source pointer of what was written there (kept in lenient mode only).
    pub(crate) origins: Vec<(Cow<'static, str>, String)>,
}

/// The context exporters write into.
#[derive(Debug)]
pub(crate) struct Exporter<'a> {
    /// The contact being exported.
    pub(crate) contact: &'a Contact,
    /// The conversion options.
    pub(crate) options: &'a ConvertOptions,
    /// The target format.
    pub(crate) target: Format,
    source: &'a Value,
    prov: &'a Provenance<'a>,
    out: Map,
    notes: Vec<Note>,
    origins: Option<Vec<(Cow<'static, str>, String)>>,
    rejection: Option<Issue>,
    derivation: Option<&'a Derivation>,
}

impl<'a> Exporter<'a> {
    /// Writes top-level member `member`, holding the canonical value at `loc`.
    pub(crate) fn put(&mut self, member: &'static str, value: Value, loc: ContactPath<'_>) {
        self.origin(|| Cow::Owned(join("", member)), loc);
        self.out.insert(member.to_owned(), value);
    }

    /// Like [`Self::put`], and notes `code` at the member when the value differs from the
    /// source's (a timestamp in another notation, a normalised letter case).
    pub(crate) fn put_compared(
        &mut self,
        member: &'static str,
        value: Value,
        loc: ContactPath<'_>,
        code: NoteCode,
        message: &str,
    ) {
        if self.prov.source_value(self.source, loc) != Some(&value) {
            self.note(join("", member), code, message);
        }
        self.put(member, value, loc);
    }

    /// Writes the canonical timestamp `at.field`, when set, as `write` renders it, noting
    /// `reformatted` (`message`) when that differs from the source's value.
    pub(crate) fn put_timestamp(&mut self, at: At, write: fn(Timestamp) -> Value, message: &str) {
        if let Some(t) = at.field.timestamp(self.contact) {
            self.put_compared(
                at.member,
                write(t),
                ContactPath::Field(at.field),
                NoteCode::Reformatted,
                message,
            );
        }
    }

    /// Writes a top-level member derived from several values (no single origin).
    pub(crate) fn put_derived(&mut self, member: &'static str, value: Value) {
        self.out.insert(member.to_owned(), value);
    }

    /// Writes a top-level member with a computed name; the caller records its origin.
    pub(crate) fn insert(&mut self, member: String, value: Value) {
        self.out.insert(member, value);
    }

    /// Whether origins are recorded (lenient mode): callers that compute pointers only for
    /// [`Self::origin`] check this first.
    pub(crate) fn tracking(&self) -> bool {
        self.origins.is_some()
    }

    /// Records (in lenient mode) that the target value at `target` holds the canonical value
    /// at `loc`.
    pub(crate) fn origin(
        &mut self,
        target: impl FnOnce() -> Cow<'static, str>,
        loc: ContactPath<'_>,
    ) {
        if let Some(origins) = &mut self.origins {
            origins.push((target(), self.prov.source(loc)));
        }
    }

    /// Adds a note (a target path; use [`Self::drop`] for dropped values).
    pub(crate) fn note(
        &mut self,
        path: impl Into<String>,
        code: NoteCode,
        message: impl Into<String>,
    ) {
        self.notes.push(Note {
            path: path.into(),
            code,
            message: message.into(),
        });
    }

    /// Notes that the canonical value at `loc` cannot go to the target (the note's path is the
    /// value's source path).
    pub(crate) fn dropped(&mut self, loc: ContactPath<'_>, message: impl Into<String>) {
        let path = self.prov.source(loc);
        self.notes.push(Note {
            path,
            code: NoteCode::Dropped,
            message: message.into(),
        });
    }

    /// Notes (`derived`) that the external id written at `path` is a copy of another value,
    /// when it is (the `external_id` option). The path is rendered only then.
    pub(crate) fn external_id_written(&mut self, path: impl FnOnce() -> String) {
        if let Some(Derivation::Derived(message)) = self.derivation {
            self.note(path(), NoteCode::Derived, message.clone());
        }
    }

    /// Why the `external_id` option found no id for a contact that has none (to end the
    /// message of a rejection), or `None` when the option was not given.
    pub(crate) fn external_id_missing(&self) -> Option<&'a str> {
        match self.derivation {
            Some(Derivation::Missing(why)) => Some(why),
            _ => None,
        }
    }

    /// Rejects the record: a required target value cannot be produced.
    pub(crate) fn reject(&mut self, path: &str, message: impl Into<String>) {
        if self.rejection.is_none() {
            self.rejection = Some(Issue::error(path, Code::Required, message));
        }
    }
}

/// Exports `contact` with `table`; `derivation` is what the `external_id` option did.
///
/// # Errors
/// The finding for a required target value that cannot be produced.
pub(crate) fn export(
    table: &Table,
    target: Format,
    contact: &Contact,
    prov: &Provenance<'_>,
    source: &Value,
    options: &ConvertOptions,
    derivation: Option<&Derivation>,
) -> Result<Exported, Issue> {
    let mut ex = Exporter {
        contact,
        options,
        target,
        source,
        prov,
        out: Map::new(),
        notes: Vec::new(),
        origins: options.lenient.then(Vec::new),
        rejection: None,
        derivation,
    };
    for member in table.rules.members {
        cross(&mut ex, table, member.name, *member.crossing);
        if let Some(issue) = ex.rejection.take() {
            return Err(issue);
        }
    }
    cross(&mut ex, table, "*", *table.rules.others);
    if let Some(issue) = ex.rejection.take() {
        return Err(issue);
    }
    let name = target.name();
    for &field in ContactField::ALL {
        if !table.covers(field) {
            field.each_value(contact, &mut |loc| {
                ex.dropped(
                    loc,
                    concat(&[name, " has no field for the ", field.label()]),
                );
            });
        }
    }
    Ok(Exported {
        payload: ex.out,
        notes: ex.notes,
        origins: ex.origins.unwrap_or_default(),
    })
}

/// Writes member `name` of `table` as its `crossing` says (`"*"` and the table's
/// [`crate::spec::ObjectRules::others`] for the members the format does not document).
fn cross(ex: &mut Exporter<'_>, table: &Table, name: &'static str, crossing: Crossing) {
    match crossing {
        Crossing::Text(field) => {
            if let Some(s) = field.text(ex.contact) {
                if field == ContactField::ExternalId {
                    ex.external_id_written(|| join("", name));
                }
                ex.put(name, Value::String(s.to_owned()), ContactPath::Field(field));
            }
        }
        Crossing::FirstName => {
            if let Some(last) = table.last_name {
                export_first_last(ex, name, last);
            }
        }
        Crossing::With { fields, export, .. } => export(ex, At::new(name, fields)),
        Crossing::None
        | Crossing::Ignored
        | Crossing::NotHeld(_)
        | Crossing::ReadText(_)
        | Crossing::LastName
        | Crossing::Along { .. } => {}
    }
}
