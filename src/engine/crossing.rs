//! How a member's value crosses to and from the canonical contact ([`Crossing`]), part of each
//! member's declaration in its format's rule table, and the [`Table`] a format's conversion
//! reads: the rule table with the canonical fields it covers.
//!
//! The importer visits a format's members in their order and the exporter writes them in that
//! order; a canonical value whose field no member covers is dropped with a note, so nothing is
//! dropped silently. A test compares every table with `docs/MAPPING.md`.

use crate::value::Map;

use super::export::Exporter;
use super::import::Importer;
use crate::model::ContactField;
use crate::spec::{Member, ObjectRules};

/// `(vendor field, canonical field)` pairs: the vendor field as docs/MAPPING.md (or
/// docs/READ-FORMATS.md) names it, written after the member's name (`""` for the member itself,
/// `"[].value"` for the `value` of its items, `".city"` for a member of its object).
pub(crate) type Fields = &'static [Named];

/// A canonical field a member holds, with the member's part that holds it as the docs name it
/// (test builds only: the tests compare the names with docs/MAPPING.md and
/// docs/READ-FORMATS.md; other builds keep the field alone, which keeps the tables small).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Named {
    /// The member's part, written after the member's name (`""`, `"[].value"`, `".city"`).
    #[cfg(test)]
    pub(crate) name: &'static str,
    /// The canonical field.
    pub(crate) field: ContactField,
}

/// `named!("[].value", F::Emails)`: the canonical field held by the member's part (see
/// [`Named`]); a struct literal of constants, so `&[named!(…)]` is a `'static` slice.
macro_rules! named {
    ($name:expr, $field:expr) => {
        $crate::engine::crossing::Named {
            #[cfg(test)]
            name: $name,
            field: $field,
        }
    };
}
pub(crate) use named;

/// Reads a member (and whatever it needs of its object) into the contact.
pub(crate) type ImportFn = for<'s> fn(&'s Map, At, &mut Importer<'s>);

/// Writes a member from the contact.
pub(crate) type ExportFn = fn(&mut Exporter<'_>, At);

/// The member a crossing function works on: its name and the first canonical field it holds, so
/// that one function serves every member that crosses the same way.
#[derive(Debug, Clone, Copy)]
pub(crate) struct At {
    /// The member's name on the wire.
    pub(crate) member: &'static str,
    /// The first canonical field of the crossing's [`Fields`].
    pub(crate) field: ContactField,
}

impl At {
    /// The member `member` with the canonical fields `fields`.
    pub(crate) const fn new(member: &'static str, fields: Fields) -> Self {
        Self {
            member,
            // Only functions of members that hold a field read it.
            field: match fields.first() {
                Some(named) => named.field,
                None => ContactField::CustomAttributes,
            },
        }
    }
}

/// How a member's value crosses to and from the canonical contact.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Crossing {
    /// Not converted on its own: a member of a nested object (the enclosing member's crossing
    /// reads and writes it) or of a format that is not converted.
    None,
    /// Not contact data (a read format's ids and bookkeeping): not imported.
    Ignored,
    /// Contact data the canonical contact cannot hold (a read format's): a value (not `null`,
    /// `""`, `[]` or `{}`) is dropped with this note. The members of this kind are noted
    /// together, where the first of them stands.
    NotHeld(&'static str),
    /// A string that crosses unchanged to and from a canonical string field (`null` is no
    /// value; an empty id is no id).
    Text(ContactField),
    /// A string of a read format: `null` and `""` are no value (vendors return `""` for unset
    /// fields).
    ReadText(ContactField),
    /// The first name of a first/last-name pair: imported as [`Crossing::Text`], exported with
    /// the pair's member of [`Crossing::LastName`] (split from the full name when the contact
    /// has neither; docs/MAPPING.md).
    FirstName,
    /// The last name of a first/last-name pair (written by [`Crossing::FirstName`]).
    LastName,
    /// Named functions, for the hard cases.
    With {
        /// The canonical fields the member holds.
        fields: Fields,
        /// Reads the member.
        import: ImportFn,
        /// Writes the member.
        export: ExportFn,
    },
    /// Read by the import function of an earlier member, `with` (a read format's member that
    /// one function reads together with others).
    Along {
        /// The member whose function reads this one (the tests check that it comes first).
        #[cfg_attr(not(test), allow(dead_code))]
        with: &'static str,
        /// The canonical fields the member holds.
        fields: Fields,
    },
}

/// The fields of [`Crossing::FirstName`].
const FIRST_NAME: Fields = &[
    named!("", ContactField::FirstName),
    named!("", ContactField::FullName),
];
/// The fields of [`Crossing::LastName`].
const LAST_NAME: Fields = &[
    named!("", ContactField::LastName),
    named!("", ContactField::FullName),
];

impl Crossing {
    /// The canonical fields the member holds, with their vendor field names relative to it.
    pub(crate) const fn fields(&self) -> Fields {
        match self {
            Self::None | Self::Ignored | Self::NotHeld(_) => &[],
            Self::Text(field) | Self::ReadText(field) => field.single(),
            Self::FirstName => FIRST_NAME,
            Self::LastName => LAST_NAME,
            Self::With { fields, .. } | Self::Along { fields, .. } => fields,
        }
    }
}

/// A format's mapping: its rule table, whose members declare how they cross, and what that
/// covers.
#[derive(Debug)]
pub(crate) struct Table {
    /// The rule table.
    pub(crate) rules: &'static ObjectRules,
    /// The canonical fields some member holds, one bit per [`ContactField`].
    covered: u64,
    /// The member of [`Crossing::LastName`], if any.
    pub(crate) last_name: Option<&'static str>,
    /// The members in the order they are imported: the table's order, stage by stage
    /// ([`Member::stage`]).
    order: &'static [&'static Member],
}

impl Table {
    /// The table of `rules`, whose members are imported in the order `order` (computed at
    /// compile time with [`import_order!`](crate::engine::crossing::import_order)).
    pub(crate) const fn new(
        rules: &'static ObjectRules,
        order: &'static [&'static Member],
    ) -> Self {
        let mut covered = 0u64;
        let mut last_name = None;
        let members = rules.members;
        let mut i = 0;
        while i < members.len() {
            covered |= bits(members[i].crossing.fields());
            if let Crossing::LastName = members[i].crossing {
                last_name = Some(members[i].name);
            }
            i += 1;
        }
        covered |= bits(rules.others.fields());
        Self {
            rules,
            covered,
            last_name,
            order,
        }
    }

    /// The members in import order.
    pub(crate) fn import_order(&self) -> &'static [&'static Member] {
        self.order
    }

    /// Whether some member holds `field`.
    pub(crate) fn covers(&self, field: ContactField) -> bool {
        self.covered & (1 << field as u64) != 0
    }

    /// Whether the format converts member `member`: it is documented, or the format's other
    /// members are custom attributes ([`ObjectRules::others`]).
    pub(crate) fn takes(&self, member: &str) -> bool {
        !matches!(*self.rules.others, Crossing::None) || self.names(member)
    }

    /// Whether `member` is a documented member.
    pub(crate) fn names(&self, member: &str) -> bool {
        self.rules.members.iter().any(|m| m.name == member)
    }
}

/// One bit per field of `fields`.
const fn bits(fields: Fields) -> u64 {
    let mut covered = 0u64;
    let mut j = 0;
    while j < fields.len() {
        covered |= 1 << fields[j].field as u64;
        j += 1;
    }
    covered
}

/// The import order of a rule table's members as a `&'static [&'static Member]`: stage by
/// stage ([`Member::stage`]), in the table's order within a stage. `$rules` is a `static`
/// [`ObjectRules`] with `$n` members.
macro_rules! import_order {
    ($rules:path, $n:literal) => {{
        const fn order() -> [&'static $crate::spec::Member; $n] {
            let members: &'static [$crate::spec::Member] = $rules.members;
            let mut out: [&'static $crate::spec::Member; $n] = [&members[0]; $n];
            let mut k = 0;
            let mut stage = 0u8;
            while k < $n {
                let mut i = 0;
                while i < members.len() {
                    if members[i].stage == stage {
                        out[k] = &members[i];
                        k += 1;
                    }
                    i += 1;
                }
                stage += 1;
            }
            out
        }
        const ORDER: [&'static $crate::spec::Member; $n] = order();
        &ORDER
    }};
}
pub(crate) use import_order;

/// A member read and written by functions, holding `fields`.
pub(crate) const fn with(fields: Fields, import: ImportFn, export: ExportFn) -> Crossing {
    Crossing::With {
        fields,
        import,
        export,
    }
}

/// A member read and written by functions, holding the canonical field `field` whole.
pub(crate) const fn via(field: ContactField, import: ImportFn, export: ExportFn) -> Crossing {
    with(field.single(), import, export)
}

/// A read format's member read by functions (read formats are never written), holding
/// `fields`.
pub(crate) const fn imported(fields: Fields, import: ImportFn) -> Crossing {
    with(fields, import, never_exported)
}

/// The export function of a read format's members: never called, because a conversion to a
/// read format is refused before anything is exported.
fn never_exported(_: &mut Exporter<'_>, _: At) {}
