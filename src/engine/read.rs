//! What the three read formats' importers share (`intercom-contact`, `bird-contact`,
//! `helpscout-customer`; see docs/READ-FORMATS.md).
//!
//! A read format's rule table declares for every documented member how it crosses: the ones it
//! imports (with the canonical fields they hold), the ones it ignores because they are not contact
//! data (`Crossing::Ignored`: ids and bookkeeping the target assigns anew, values derived from
//! imported ones, the source vendor's own engagement state), and the ones that are contact data
//! the canonical contact cannot hold (`Crossing::NotHeld`), which are dropped with a note when
//! they have a value. An undocumented member is dropped with a
//! note by the generic importer. Read formats are never exported: `convert` rejects them as
//! targets.

use crate::value::{Map, Value};

use super::concat;
use crate::engine::import::Importer;
use crate::engine::provenance::{ContactPath, SourcePath};
use crate::model::ContactField;

/// Whether a value carries data: not absent, `null`, `""`, `[]` or `{}`.
pub(crate) fn has_value(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

/// Reads string member `member` of `obj` (at `at`) into the plain string field `field`: `null`
/// and `""` are no value (vendors return `""` for unset fields, e.g. Help Scout's `photoUrl`),
/// another type is dropped with a note.
pub(crate) fn text<'s>(
    imp: &mut Importer<'s>,
    obj: &Map,
    member: &'static str,
    field: ContactField,
    at: SourcePath<'s>,
) {
    match obj.get(member) {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.is_empty() => {}
        Some(Value::String(s)) => {
            if let Some(slot) = field.text_mut(&mut imp.contact) {
                *slot = Some(s.clone());
                imp.trace(ContactPath::Field(field), at);
            }
        }
        Some(_) => imp.dropped(
            at,
            concat(&[
                "is not a string, and the canonical ",
                field.label(),
                " is one",
            ]),
        ),
    }
}

/// Notes member `member` as dropped with `message` when it has a value (see [`has_value`]):
/// contact data the canonical contact has no field for.
pub(crate) fn dropped_when_set(
    obj: &Map,
    imp: &mut Importer<'_>,
    member: &'static str,
    message: &str,
) {
    if has_value(obj.get(member)) {
        imp.dropped(SourcePath::Member(member), message);
    }
}

/// The items of array `member` of `obj` that are objects, with their index.
pub(crate) fn objects<'v>(obj: &'v Map, member: &str) -> impl Iterator<Item = (usize, &'v Map)> {
    crate::engine::shared::items(obj, member)
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.as_object().map(|o| (i, o)))
}

#[cfg(all(test, feature = "convert"))]
pub(crate) mod tests {
    //! Every read format's mapping table lists exactly the members of its rule table, and
    //! docs/READ-FORMATS.md lists exactly what the tables import, ignore and drop.

    use std::collections::BTreeSet;

    use crate::engine::crossing::{Crossing, Table};
    use crate::spec::Member;
    use crate::Format;

    const DOC: &str = include_str!("../../docs/READ-FORMATS.md");

    fn table(format: Format) -> &'static Table {
        match format {
            Format::IntercomContact => &crate::intercom::READ_TABLE,
            Format::BirdContact => &crate::bird::READ_TABLE,
            _ => &crate::helpscout::READ_TABLE,
        }
    }

    /// The backticked names in `text`.
    fn names(text: &str) -> Vec<&str> {
        text.split('`').skip(1).step_by(2).collect()
    }

    /// The section of the doc about `format`: from its `## \`id\`` heading to the next `## `.
    fn section(format: Format) -> &'static str {
        let heading = format!("## `{}`", format.id());
        let start = DOC
            .find(&heading)
            .unwrap_or_else(|| panic!("docs/READ-FORMATS.md has no section {heading}"));
        let rest = &DOC[start + heading.len()..];
        let end = rest.find("\n## ").unwrap_or(rest.len());
        &rest[..end]
    }

    /// The names in the line of the section that starts with `label`.
    fn line(section: &str, label: &str) -> BTreeSet<String> {
        let line = section
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no line starting with {label:?}"));
        names(line).into_iter().map(str::to_owned).collect()
    }

    #[test]
    fn read_formats_name_each_member_once_and_only_read() {
        for format in Format::READ {
            let mut members = BTreeSet::new();
            for member in table(format).rules.members {
                assert!(
                    members.insert(member.name),
                    "{format}: {} listed twice",
                    member.name
                );
                // Read formats are never written: their members cross only into the contact.
                assert!(
                    !matches!(
                        *member.crossing,
                        Crossing::Text(_) | Crossing::FirstName | Crossing::LastName
                    ),
                    "{format}: {} crosses as a create format's member",
                    member.name
                );
            }
        }
    }

    #[test]
    fn doc_lists_what_each_read_format_imports() {
        for format in Format::READ {
            let section = section(format);
            let start = section
                .find("| member | canonical |")
                .unwrap_or_else(|| panic!("{format}: no import table"));
            let documented: BTreeSet<(String, String)> = section[start..]
                .lines()
                .skip(2)
                .take_while(|l| l.starts_with('|'))
                .map(|row| {
                    let cells: Vec<&str> = row.trim_matches('|').split(" | ").collect();
                    let member = names(cells[0]);
                    let field = names(cells[1]);
                    assert_eq!((member.len(), field.len()), (1, 1), "{format}: {row}");
                    (member[0].to_owned(), field[0].to_owned())
                })
                .collect();
            let handled = crate::engine::tests::handled(table(format));
            assert_eq!(
                documented, handled,
                "{format}: docs/READ-FORMATS.md import table"
            );
        }
    }

    #[test]
    fn doc_lists_what_each_read_format_ignores_and_drops() {
        for format in Format::READ {
            let section = section(format);
            let ignored = line(section, "Ignored, not contact data:");
            let dropped = line(section, "Dropped with a note when set:");
            let members = table(format).rules.members;
            // A member read along another one holds what its reader's fields say.
            let fields = |m: &Member| match *m.crossing {
                Crossing::Along { with, .. } => members
                    .iter()
                    .find(|r| r.name == with)
                    .map_or(&[][..], |r| (*r.crossing).fields()),
                other => other.fields(),
            };
            let members_without_fields: BTreeSet<String> = members
                .iter()
                .filter(|m| (*m.crossing).fields().is_empty() && fields(m).is_empty())
                .map(|m| m.name.to_owned())
                .collect();
            let not_contact_data: BTreeSet<String> = members
                .iter()
                .filter(|m| matches!(*m.crossing, Crossing::Ignored))
                .map(|m| m.name.to_owned())
                .collect();
            assert_eq!(
                ignored, not_contact_data,
                "{format}: the ignored line names exactly the members that are not contact data"
            );
            let listed: BTreeSet<String> = ignored.union(&dropped).cloned().collect();
            assert!(
                ignored.is_disjoint(&dropped),
                "{format}: a member is both ignored and dropped"
            );
            assert_eq!(
                listed, members_without_fields,
                "{format}: the ignored and dropped lines name exactly the members imported into no field"
            );
        }
    }
}
