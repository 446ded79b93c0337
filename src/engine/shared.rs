//! Rules several formats share: names (split, join, agree), the one email and phone of a format
//! that holds one, phone numbers with separators, integers.

use crate::value::{Map, Value};

use super::concat;
use super::crossing::At;
use super::export::Exporter;
use super::import::Importer;
use super::provenance::{ContactPath, SourcePath};
use crate::model::{Contact, ContactField, Email, Phone};
use crate::note::NoteCode;
use crate::pointer::join;

/// Full name → first/last (docs/MAPPING.md, `fullName`): trim, then split at the first run of
/// whitespace; one word is a first name only.
pub(crate) fn split_name(full: &str) -> (Option<&str>, Option<&str>) {
    let t = full.trim();
    if t.is_empty() {
        return (None, None);
    }
    match t.find(char::is_whitespace) {
        None => (Some(t), None),
        Some(i) => {
            // `i` is a character boundary (found by `find`); `get` rather than `split_at`, whose
            // panic path links core's character `Debug` and Unicode printability tables into
            // the WebAssembly module.
            let first = t.get(..i).unwrap_or(t);
            let rest = t.get(i..).unwrap_or_default().trim_start();
            (Some(first), (!rest.is_empty()).then_some(rest))
        }
    }
}

/// First/last → full name (docs/MAPPING.md, `firstName`): first + one space + last, skipping a
/// missing (or empty) part.
pub(crate) fn join_name(first: Option<&str>, last: Option<&str>) -> Option<String> {
    match (
        first.filter(|s| !s.is_empty()),
        last.filter(|s| !s.is_empty()),
    ) {
        (Some(f), Some(l)) => Some(concat(&[f, " ", l])),
        (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
        (None, None) => None,
    }
}

/// The message of a `joined` note for `first` and `last`.
pub(crate) fn joined_message(first: Option<&str>, last: Option<&str>) -> &'static str {
    match (
        first.filter(|s| !s.is_empty()),
        last.filter(|s| !s.is_empty()),
    ) {
        (Some(_), Some(_)) => "built from first and last name, joined with one space",
        (Some(_), None) => "built from the first name alone (there is no last name)",
        _ => "built from the last name alone (there is no first name)",
    }
}

/// Whether first and last name say the same as the full name: their join is the full name, or
/// splitting the full name gives them.
pub(crate) fn names_agree(full: &str, first: Option<&str>, last: Option<&str>) -> bool {
    let first = first.filter(|s| !s.is_empty());
    let last = last.filter(|s| !s.is_empty());
    join_name(first, last).as_deref() == Some(full) || split_name(full) == (first, last)
}

/// Writes a first/last-name pair (Sequence, Help Scout) from the contact: its own first and last
/// name, else its full name split (note `split`). A full name that the pair does not carry is
/// dropped.
pub(crate) fn export_first_last(
    ex: &mut Exporter<'_>,
    first_member: &'static str,
    last_member: &'static str,
) {
    let c = ex.contact;
    let (first, last, full) = (
        c.first_name.as_deref(),
        c.last_name.as_deref(),
        c.full_name.as_deref(),
    );
    let name = ex.target.name();
    if first.is_none() && last.is_none() {
        let Some(full) = full else { return };
        match split_name(full) {
            (None, _) => ex.dropped(
                ContactPath::Field(ContactField::FullName),
                concat(&["is blank, so it gives no first or last name for ", name]),
            ),
            (Some(f), l) => {
                ex.note(
                    join("", first_member),
                    NoteCode::Split,
                    "first name taken from the full name (split at the first whitespace)",
                );
                ex.put(
                    first_member,
                    Value::String(f.to_owned()),
                    ContactPath::Field(ContactField::FullName),
                );
                if let Some(l) = l {
                    ex.note(
                        join("", last_member),
                        NoteCode::Split,
                        "last name taken from the full name (the rest after the first whitespace)",
                    );
                    ex.put(
                        last_member,
                        Value::String(l.to_owned()),
                        ContactPath::Field(ContactField::FullName),
                    );
                }
            }
        }
        return;
    }
    if let Some(f) = first {
        ex.put(
            first_member,
            Value::String(f.to_owned()),
            ContactPath::Field(ContactField::FirstName),
        );
    }
    if let Some(l) = last {
        ex.put(
            last_member,
            Value::String(l.to_owned()),
            ContactPath::Field(ContactField::LastName),
        );
    }
    if let Some(full) = full {
        if !names_agree(full, first, last) {
            ex.dropped(
                ContactPath::Field(ContactField::FullName),
                concat(&[
                    name,
                    " holds only first and last name, and this full name differs from them",
                ]),
            );
        }
    }
}

/// Writes the one email a format holds (Sequence, Intercom): the first; the others and every
/// kind are dropped (docs/MAPPING.md: many → one).
pub(crate) fn export_first_email(ex: &mut Exporter<'_>, member: &'static str) {
    let items = ex.contact.emails.iter();
    let items = items.map(|e| (e.value.as_str(), e.kind.is_some()));
    export_first(
        ex,
        member,
        ContactField::Emails,
        items,
        "an",
        "email address",
    );
}

/// Writes the one phone a format holds (Sequence, Intercom): the first; the others and every
/// kind are dropped (docs/MAPPING.md: many → one).
pub(crate) fn export_first_phone(ex: &mut Exporter<'_>, member: &'static str) {
    let items = ex.contact.phones.iter();
    let items = items.map(|p| (p.value.as_str(), p.kind.is_some()));
    export_first(ex, member, ContactField::Phones, items, "a", "phone number");
}

/// Writes the first of `field`'s `items` (its value, and whether it has a kind) as `member`,
/// dropping its kind and the other items; `what` names an item, after its article `a`.
fn export_first<'c>(
    ex: &mut Exporter<'_>,
    member: &'static str,
    field: ContactField,
    items: impl Iterator<Item = (&'c str, bool)>,
    a: &str,
    what: &str,
) {
    let name = ex.target.name();
    for (i, (value, has_kind)) in items.enumerate() {
        if i == 0 {
            ex.put(
                member,
                Value::String(value.to_owned()),
                ContactPath::Item(field, 0),
            );
            if has_kind {
                ex.dropped(
                    ContactPath::ItemKind(field, 0),
                    concat(&[name, " has no field for the kind of ", a, " ", what]),
                );
            }
        } else {
            ex.dropped(
                ContactPath::Item(field, i),
                concat(&[name, " holds one ", what, "; the first one was kept"]),
            );
        }
    }
}

/// A phone number written as an international number with separators (`+31 6 1234 5678`,
/// `+1 (555) 123-4567`) without them, when that is a valid international number.
pub(crate) fn compact_phone(s: &str) -> Option<String> {
    use crate::formats::StringFormat;
    if !s.starts_with('+') || StringFormat::E164.matches(s) {
        return None;
    }
    let mut compact = String::with_capacity(s.len());
    for c in s.chars() {
        if !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}') {
            compact.push(c);
        }
    }
    StringFormat::E164.matches(&compact).then_some(compact)
}

/// The one email of a format that holds one: the first of the canonical emails, without a kind.
pub(crate) fn import_first_email(obj: &Map, at: At, imp: &mut Importer<'_>) {
    import_first(obj, at, imp, ContactField::Emails, |c, value| {
        c.emails.push(Email { value, kind: None });
    });
}

/// The one phone of a format that holds one (Help Scout: the primary phone): the first of the
/// canonical phones, without a kind.
pub(crate) fn import_first_phone(obj: &Map, at: At, imp: &mut Importer<'_>) {
    import_first(obj, at, imp, ContactField::Phones, |c, value| {
        c.phones.push(Phone { value, kind: None });
    });
}

/// Reads the string member `at.member` as the first item of the list field `field` (which
/// `push` appends to): the one value a format holds where the canonical contact holds a list.
pub(crate) fn import_first(
    obj: &Map,
    at: At,
    imp: &mut Importer<'_>,
    field: ContactField,
    push: fn(&mut Contact, String),
) {
    if let Some(value) = imp.string(obj, at.member, SourcePath::Root) {
        push(&mut imp.contact, value.to_owned());
        imp.trace(ContactPath::Item(field, 0), SourcePath::Member(at.member));
    }
}

/// Reads a string member into the plain string field `at.field` ([`Importer::text`]), for a
/// member that is written otherwise.
pub(crate) fn import_text(obj: &Map, at: At, imp: &mut Importer<'_>) {
    imp.text(obj, at.member, at.field);
}

/// Writes the integer field `at.field` as a number.
pub(crate) fn export_integer(ex: &mut Exporter<'_>, at: At) {
    if let Some(n) = at.field.integer(ex.contact) {
        ex.put(at.member, Value::from(n), ContactPath::Field(at.field));
    }
}

/// `s` as `str::parse::<i64>` reads it (an optional sign, then one or more ASCII digits, in
/// range), without std's generic integer parser (a smaller WebAssembly module).
pub(crate) fn parse_i64(s: &str) -> Option<i64> {
    let (negative, digits) = match s.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        all => (false, all),
    };
    if digits.is_empty() {
        return None;
    }
    let mut n: i64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        let d = i64::from(c - b'0');
        // Accumulated with its sign, so that i64::MIN is in range as for std.
        n = n.checked_mul(10)?;
        n = if negative {
            n.checked_sub(d)?
        } else {
            n.checked_add(d)?
        };
    }
    Some(n)
}

/// An integer, or a string of digits (Intercom 2.16 and later write `owner_id` as a string; the
/// Help Scout docs do not state the type of `organizationId`).
pub(crate) fn integer_or_digits(value: &Value) -> Option<i64> {
    match value {
        Value::String(s) => parse_i64(s.trim()),
        other => integer(other),
    }
}

/// Reads an integer, or a string of digits ([`integer_or_digits`]), into the integer field
/// `at.field`; another value is dropped with a note.
pub(crate) fn import_integer_or_digits(obj: &Map, at: At, imp: &mut Importer<'_>) {
    let Some(value) = obj.get(at.member).filter(|v| !v.is_null()) else {
        return;
    };
    match (
        integer_or_digits(value),
        at.field.integer_mut(&mut imp.contact),
    ) {
        (Some(id), Some(slot)) => {
            *slot = Some(id);
            imp.trace(ContactPath::Field(at.field), SourcePath::Member(at.member));
        }
        _ => imp.dropped(
            SourcePath::Member(at.member),
            concat(&[
                "is not an integer, and the canonical ",
                at.field.label(),
                " is one",
            ]),
        ),
    }
}

/// Writes the integer field `at.field` as a number, noting `normalized` where the source held
/// it otherwise (a string of digits).
pub(crate) fn export_number(ex: &mut Exporter<'_>, at: At) {
    if let Some(n) = at.field.integer(ex.contact) {
        ex.put_compared(
            at.member,
            Value::from(n),
            ContactPath::Field(at.field),
            NoteCode::Normalized,
            "written as a number",
        );
    }
}

/// A JSON array of `strings` (`Value::from(strings.to_vec())`, by a loop).
pub(crate) fn string_array(strings: &[String]) -> Value {
    let mut out = Vec::with_capacity(strings.len());
    for s in strings {
        out.push(Value::String(s.clone()));
    }
    Value::Array(out)
}

/// Keeps the members of `map` whose names `keep` accepts, in order: `Map::retain` natively and
/// with the feature `speed` (no key hashed again); in the browsers' WebAssembly module by moving
/// the members into a new map (indexmap's `retain` rebuilds its hash table in place, code the
/// module would link only for this and the Intercom preview).
pub(crate) fn retain_members(map: &mut Map, keep: &mut dyn FnMut(&str) -> bool) {
    #[cfg(any(feature = "speed", not(target_arch = "wasm32")))]
    map.retain(|name, _| keep(name));
    #[cfg(all(not(feature = "speed"), target_arch = "wasm32"))]
    for (name, value) in std::mem::take(map) {
        if keep(&name) {
            map.insert(name, value);
        }
    }
}

/// The items of array member `member` of `obj`; none when it is missing or not an array (a
/// slice, not an `Option` flattened: one iterator less in the WebAssembly module).
pub(crate) fn items<'v>(obj: &'v Map, member: &str) -> &'v [Value] {
    match obj.get(member) {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

/// A JSON integer in `i64` (JSON Schema: `35.0` is an integer).
#[cfg(not(contactkit_value = "lite"))]
pub(crate) fn integer(v: &Value) -> Option<i64> {
    match crate::definitions::as_integer(v)? {
        crate::definitions::Integer::InRange(n) => Some(n),
        crate::definitions::Integer::OutOfRange => None,
    }
}

/// [`integer`] of the core's own value (`--cfg contactkit_value="lite"`).
#[cfg(contactkit_value = "lite")]
pub(crate) fn integer(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.integer()?.in_range(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_i64_reads_as_std_reads() {
        for s in [
            "0",
            "42",
            "+42",
            "-42",
            "-0",
            "+0",
            "007",
            "",
            "+",
            "-",
            "--1",
            "+-1",
            " 1",
            "1 ",
            "1.0",
            "1e3",
            "0x10",
            "١٢",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999",
        ] {
            assert_eq!(parse_i64(s), s.parse::<i64>().ok(), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn parse_i64_agrees_with_std(s in "[-+]?[0-9a ]{0,21}", n: i64) {
            proptest::prop_assert_eq!(parse_i64(&s), s.parse::<i64>().ok());
            let text = n.to_string();
            proptest::prop_assert_eq!(parse_i64(&text), Some(n));
        }
    }

    #[test]
    fn split_table() {
        for (full, expect) in [
            ("Ada King Lovelace", (Some("Ada"), Some("King Lovelace"))),
            ("  Ada \t  Lovelace ", (Some("Ada"), Some("Lovelace"))),
            ("Ada", (Some("Ada"), None)),
            ("   ", (None, None)),
            ("", (None, None)),
            ("Ünal  Çelik", (Some("Ünal"), Some("Çelik"))),
            ("李\u{3000}小龍", (Some("李"), Some("小龍"))),
        ] {
            assert_eq!(split_name(full), expect, "{full:?}");
        }
    }

    #[test]
    fn join_table() {
        assert_eq!(
            join_name(Some("Ada"), Some("Lovelace")).as_deref(),
            Some("Ada Lovelace")
        );
        assert_eq!(join_name(Some("Ada"), None).as_deref(), Some("Ada"));
        assert_eq!(
            join_name(None, Some("Lovelace")).as_deref(),
            Some("Lovelace")
        );
        assert_eq!(
            join_name(Some(""), Some("Lovelace")).as_deref(),
            Some("Lovelace")
        );
        assert_eq!(join_name(None, None), None);
    }

    #[test]
    fn agreeing_names() {
        assert!(names_agree("Ada Lovelace", Some("Ada"), Some("Lovelace")));
        assert!(names_agree(
            "Ada King Lovelace",
            Some("Ada King"),
            Some("Lovelace")
        ));
        assert!(names_agree("Ada  Lovelace", Some("Ada"), Some("Lovelace")));
        assert!(!names_agree(
            "Dr. Ada Lovelace",
            Some("Ada"),
            Some("Lovelace")
        ));
        assert!(!names_agree("Ada Lovelace", Some("Ada"), None));
    }

    #[test]
    fn compact_phone_table() {
        assert_eq!(
            compact_phone("+31 6 1234 5678").as_deref(),
            Some("+31612345678")
        );
        assert_eq!(
            compact_phone("+1 (555) 123-4567").as_deref(),
            Some("+15551234567")
        );
        assert_eq!(compact_phone("+31612345678"), None);
        assert_eq!(compact_phone("(555) 123-4567"), None);
        assert_eq!(compact_phone("+0 12 345 678"), None);
    }
}
