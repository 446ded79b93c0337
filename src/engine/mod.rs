//! Conversion between formats, always through the canonical contact: the source is validated,
//! imported into [`crate::canonical::Contact`], exported to the target, and the result validated
//! as the target. Every change a user would want to know about is a [`Note`].

pub(crate) mod crossing;
pub(crate) mod custom;
pub(crate) mod export;
pub(crate) mod external_id;
pub(crate) mod import;
pub(crate) mod provenance;
pub(crate) mod read;
mod repair;
pub(crate) mod shared;

use crate::value::Value;

use self::crossing::Table;
use self::repair::Repair;
use crate::model::ContactField;
use crate::options::ConvertOptions;
use crate::outcome::{Converted, Rejection, Stage};
use crate::spec::validate::{validate_converted, validate_str};
use crate::{Error, Format, Report, ValidateOptions};

/// Converts `record` from one format to another with `options`.
///
/// The record is validated as `from`, imported into the canonical contact, exported as `to`,
/// and the result validated as `to`. The notes say what changed: `dropped` (path into the
/// source), `truncated`, `derived`, `split`, `joined`, `reformatted`, `normalized` (paths into
/// the target). docs/MAPPING.md lists what maps to what.
///
/// ```
/// use contactkit::{convert, ConvertOptions, Format, NoteCode};
/// let record = serde_json::json!({"name": "Ada King Lovelace", "email": "ada@example.com"});
/// let converted = convert(Format::Intercom, Format::HelpScout, &record, &ConvertOptions::new())?;
/// assert_eq!(converted.payload["firstName"], "Ada");
/// assert_eq!(converted.payload["lastName"], "King Lovelace");
/// assert_eq!(converted.notes[0].code, NoteCode::Split);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// [`ConvertOptions::external_id`] fills a missing external id from another value.
///
/// A parsed [`Value`] holds one value per member name, so a name repeated in the text cannot
/// be seen here: convert text with [`convert_str`], which rejects it as `validate_str` does.
///
/// A read format (`intercom-contact`, `bird-contact`, `helpscout-customer`) can be `from` but
/// not `to` ([`Format::is_target`]).
///
/// # Errors
/// [`Error::Rejected`] when the record is invalid as `from` (stage `source`) or its conversion
/// cannot satisfy `to`'s rules (stage `target`); a bad call, whatever the record:
/// [`Error::UnsupportedTarget`] when `to` is a read format, [`Error::ExternalIdSource`] when the
/// [`ExternalIdSource`](crate::ExternalIdSource) cannot apply to `from`
/// ([`ExternalIdSource::check`](crate::ExternalIdSource::check)).
pub fn convert(
    from: Format,
    to: Format,
    record: &Value,
    options: &ConvertOptions,
) -> Result<Converted, Error> {
    refuse_request(from, to, options)?;
    valid_source(validate_converted(from.spec(), record, &options.validate))?;
    convert_valid(from, to, record, options)
}

/// Converts JSON text from one format to another with `options`: [`convert`] for a record
/// that has not been parsed yet.
///
/// The text is validated as `from` before it is parsed, so what only the text shows is found
/// too: a member name repeated in one object is a `duplicate` error at that member (a parsed
/// [`Value`] keeps one of the values and loses the other without a trace), exactly as
/// [`crate::Validator::validate_str`] reports it; so is a number beyond the range of a 64-bit
/// float, which no parser holds (an `out_of_range` error at its path, with the record's other
/// findings). Text that is not one JSON value is a `syntax` error. All reject the record at the
/// source stage.
///
/// ```
/// use contactkit::{convert_str, Code, ConvertOptions, Error, Format, Stage};
/// let text = r#"{"firstName": "Grace", "firstName": "Ada"}"#;
/// let result = convert_str(Format::HelpScout, Format::Intercom, text, &ConvertOptions::new());
/// let Err(Error::Rejected(rejection)) = result else {
///     panic!("a repeated member name")
/// };
/// assert_eq!(rejection.stage, Stage::Source);
/// assert_eq!(rejection.issues[0].path, "/firstName");
/// assert_eq!(rejection.issues[0].code, Code::Duplicate);
/// ```
///
/// # Errors
/// As [`convert`].
pub fn convert_str(
    from: Format,
    to: Format,
    json: &str,
    options: &ConvertOptions,
) -> Result<Converted, Error> {
    refuse_request(from, to, options)?;
    convert_valid(
        from,
        to,
        &read_valid(from, json, &options.validate)?,
        options,
    )
}

/// Converts JSON text into each of `targets`, in their order: for each one the result of
/// [`convert_str`], with the text validated and parsed only once.
///
/// ```
/// use contactkit::{convert_str_each, ConvertOptions, Format};
/// let text = r#"{"firstName": "Ada", "emails": [{"value": "ada@example.com"}]}"#;
/// let targets = [Format::Intercom, Format::Bird];
/// let results = convert_str_each(Format::HelpScout, &targets, text, &ConvertOptions::new());
/// assert_eq!(results.len(), 2);
/// assert_eq!(results[0].as_ref().map(|c| &c.payload["email"]), Ok(&"ada@example.com".into()));
/// ```
pub fn convert_str_each(
    from: Format,
    targets: &[Format],
    json: &str,
    options: &ConvertOptions,
) -> Vec<Result<Converted, Error>> {
    let mut source = None;
    let mut results = Vec::with_capacity(targets.len());
    for &to in targets {
        results.push(refuse_request(from, to, options).and_then(|()| {
            match source.get_or_insert_with(|| read_valid(from, json, &options.validate)) {
                Ok(record) => convert_valid(from, to, record, options),
                Err(rejection) => Err(Error::Rejected(rejection.clone())),
            }
        }));
    }
    results
}

/// JSON text as a record of `format` found valid with `options`, validated as text first so
/// that what only the text shows (a repeated member name, a number beyond the range of a
/// 64-bit float) rejects it as [`crate::Validator::validate_str`] reports it; otherwise the
/// source-stage rejection.
pub(crate) fn read_valid(
    format: Format,
    json: &str,
    options: &ValidateOptions,
) -> Result<Value, Rejection> {
    valid_source(validate_str(format.spec(), json, options))?;
    // The validator's scanner is exactly as strict as serde_json (tests/validate/json_syntax.rs), and
    // the one text serde_json refuses that the scanner reads (a number beyond the f64 range)
    // is an error above, so this does not fail; should it, the record is rejected rather than
    // lost. WebAssembly reads the record with the core's scanner (the values of serde_json with
    // `float_roundtrip`, as the CLI builds it), so that the module links no serde_json parser;
    // native builds keep serde_json's parser, faster on long decimals (callgrind, 20,000
    // records of eight long decimals each: 5.8 G instructions against 9.4 G).
    #[cfg(target_arch = "wasm32")]
    let record = crate::json::parse_value(json)
        .map_err(|e| Rejection::unparsable_at(Vec::new(), e.line, e.column));
    #[cfg(not(target_arch = "wasm32"))]
    let record = serde_json::from_str(json).map_err(|e| Rejection::unparsable(Vec::new(), &e));
    record
}

/// [`convert`] after the record was found valid as `from`.
fn convert_valid(
    from: Format,
    to: Format,
    record: &Value,
    options: &ConvertOptions,
) -> Result<Converted, Error> {
    let validate = &options.validate;
    let mut imported = import::import(table(from), record, from == Format::Canonical);
    let derivation = match &options.external_id {
        Some(how) if table(to).covers(ContactField::ExternalId) => {
            how.derive(record, &mut imported)
        }
        _ => None,
    };
    let exported = export::export(
        table(to),
        to,
        &imported.contact,
        &imported.prov,
        record,
        options,
        derivation.as_ref(),
    )
    .map_err(|issue| Rejection {
        stage: Stage::Target,
        issues: vec![issue],
    })?;
    let mut notes = imported.notes;
    let mut exported_notes = exported.notes;
    notes.append(&mut exported_notes);
    let mut payload = Value::Object(exported.payload);
    let report = validate_converted(to.spec(), &payload, validate);
    if !report.is_valid() {
        if !options.lenient {
            return Err(Error::Rejected(Rejection {
                stage: Stage::Target,
                issues: report.issues,
            }));
        }
        let mut repair = Repair {
            format: to,
            origins: exported.origins,
            notes: &mut notes,
        };
        repair.run(&mut payload, report, validate)?;
    }
    Ok(Converted { payload, notes })
}

/// What refuses a conversion before the record is read: `to` is a read format, or the
/// external id source cannot apply to `from`.
fn refuse_request(from: Format, to: Format, options: &ConvertOptions) -> Result<(), Error> {
    if !to.is_target() {
        return Err(Error::UnsupportedTarget(to));
    }
    if let Some(how) = &options.external_id {
        how.check(from).map_err(Error::ExternalIdSource)?;
    }
    Ok(())
}

/// `parts` joined into one `String`, by a loop: `[&str]::concat` and `join` link std's generic
/// joining (about 1 KB of WebAssembly) for a few messages.
pub(crate) fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// `before`, the decimal `n`, then `after`, as one `String`: `format!` of a number without
/// `core::fmt` (pointers into arrays, a few messages).
pub(crate) fn with_number(before: &[&str], n: usize, after: &[&str]) -> String {
    // Sized once, the number at its longest (20 digits): no reallocation on the way.
    let mut len = 20;
    for part in before {
        len += part.len();
    }
    for part in after {
        len += part.len();
    }
    let mut out = String::with_capacity(len);
    for part in before {
        out.push_str(part);
    }
    crate::json::write::push_usize(&mut out, n);
    for part in after {
        out.push_str(part);
    }
    out
}

/// The source-stage rejection of a record whose validation `report` has errors.
pub(crate) fn valid_source(report: Report) -> Result<(), Rejection> {
    if report.is_valid() {
        Ok(())
    } else {
        Err(Rejection {
            stage: Stage::Source,
            issues: report.issues,
        })
    }
}

/// The mapping table of a format.
fn table(format: Format) -> &'static Table {
    match format {
        Format::Sequence => &crate::sequence::TABLE,
        Format::Intercom => &crate::intercom::TABLE,
        Format::Bird => &crate::bird::TABLE,
        Format::HelpScout => &crate::helpscout::TABLE,
        Format::Canonical => &crate::canonical::TABLE,
        #[cfg(feature = "convert")]
        Format::IntercomContact => &crate::intercom::READ_TABLE,
        #[cfg(feature = "convert")]
        Format::BirdContact => &crate::bird::READ_TABLE,
        #[cfg(feature = "convert")]
        Format::HelpScoutCustomer => &crate::helpscout::READ_TABLE,
    }
}

// The crossings are declared only with the feature `convert` (without it every member's
// crossing is `Crossing::None`): the mapping tests need it.
#[cfg(all(test, feature = "convert"))]
pub(crate) mod tests {
    //! docs/MAPPING.md is kept true by these tests: its table must list exactly the fields the
    //! importers and exporters handle, and the tables must cover every documented field.

    use std::collections::BTreeSet;

    use super::crossing::{Crossing, Table};
    use super::table;
    use crate::model::ContactField;
    use crate::Format;

    /// The `(vendor field, canonical field name)` pairs the members of `table` hold, the vendor
    /// field named as docs/MAPPING.md and docs/READ-FORMATS.md name it (the member's name and
    /// the crossing's suffix; `*` for the members the format does not document).
    pub(crate) fn handled(table: &Table) -> BTreeSet<(String, String)> {
        let mut out = BTreeSet::new();
        for member in table.rules.members {
            for named in (*member.crossing).fields() {
                let (suffix, field) = (named.name, named.field);
                out.insert((format!("{}{suffix}", member.name), field.name().to_owned()));
            }
        }
        for named in table.rules.others.fields() {
            out.insert((named.name.to_owned(), named.field.name().to_owned()));
        }
        out
    }

    const MAPPING: &str = include_str!("../../docs/MAPPING.md");
    const VENDORS: [Format; 4] = [
        Format::Sequence,
        Format::Intercom,
        Format::Bird,
        Format::HelpScout,
    ];

    /// The backticked names in `text`.
    fn names(text: &str) -> Vec<&str> {
        text.split('`').skip(1).step_by(2).collect()
    }

    /// The rows of the mapping table: canonical field and, per vendor, the vendor fields named
    /// before the first `<br>` of its cell.
    fn doc_rows() -> Vec<(String, Vec<Vec<String>>)> {
        let start = MAPPING
            .find("| canonical | sequence | intercom | bird | helpscout |")
            .expect("docs/MAPPING.md has the mapping table");
        MAPPING[start..]
            .lines()
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .map(|line| {
                let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
                assert_eq!(cells.len(), 5, "mapping row has 5 cells: {line}");
                let canonical = names(cells[0]);
                assert_eq!(canonical.len(), 1, "one canonical field per row: {line}");
                let vendors = cells[1..]
                    .iter()
                    .map(|cell| {
                        let head = cell.split("<br>").next().unwrap_or("");
                        names(head).into_iter().map(str::to_owned).collect()
                    })
                    .collect();
                (canonical[0].to_owned(), vendors)
            })
            .collect()
    }

    #[test]
    fn mapping_table_rows_are_the_canonical_fields() {
        let documented: Vec<String> = doc_rows().into_iter().map(|(c, _)| c).collect();
        let known: Vec<&str> = ContactField::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(
            documented, known,
            "docs/MAPPING.md rows vs ContactField::ALL (in order)"
        );
        // The canonical fields are the canonical format's members (address by part).
        let members: BTreeSet<&str> = known
            .iter()
            .map(|n| n.split('.').next().unwrap_or(n))
            .collect();
        let spec: BTreeSet<&str> = Format::Canonical
            .spec()
            .members
            .iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(members, spec, "ContactField vs the canonical rule table");
    }

    #[test]
    fn mapping_table_lists_exactly_what_the_code_handles() {
        let rows = doc_rows();
        for (column, format) in VENDORS.into_iter().enumerate() {
            let mut documented = BTreeSet::new();
            for (canonical, vendors) in &rows {
                for name in &vendors[column] {
                    documented.insert((canonical.clone(), name.clone()));
                }
            }
            let handled: BTreeSet<(String, String)> = handled(table(format))
                .into_iter()
                .map(|(name, field)| (field, name))
                .collect();
            let missing: Vec<_> = handled.difference(&documented).collect();
            let extra: Vec<_> = documented.difference(&handled).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{format}: handled but not in docs/MAPPING.md: {missing:?}; in the doc but not handled: {extra:?}"
            );
        }
    }

    #[test]
    fn every_member_of_a_converted_format_crosses() {
        // A member without a crossing would be neither imported nor dropped with a note.
        for format in Format::EVERY {
            for member in table(format).rules.members {
                assert!(
                    !matches!(*member.crossing, Crossing::None),
                    "{format}: {} has no crossing",
                    member.name
                );
            }
        }
    }

    #[test]
    fn canonical_table_maps_every_field_to_itself() {
        let canonical = table(Format::Canonical);
        for &field in ContactField::ALL {
            let top = field.name().split('.').next().unwrap_or_default();
            let member = canonical
                .rules
                .members
                .iter()
                .find(|m| (*m.crossing).fields().iter().any(|n| n.field == field))
                .unwrap_or_else(|| panic!("{} is not in the canonical table", field.name()));
            assert_eq!(member.name, top, "{}", field.name());
            assert!((*member.crossing)
                .fields()
                .iter()
                .all(|n| n.field != field || format!("{}{}", member.name, n.name) == field.name()));
        }
    }

    #[test]
    fn text_crossings_hold_a_string_field() {
        let mut c = crate::canonical::Contact::default();
        for format in Format::EVERY {
            for member in table(format).rules.members {
                if let Crossing::Text(field) | Crossing::ReadText(field) = *member.crossing {
                    assert!(
                        field.text_mut(&mut c).is_some(),
                        "{format}: {field:?} is not a string field"
                    );
                }
            }
        }
    }

    #[test]
    fn name_pairs_are_whole_and_members_read_along_have_their_reader_earlier() {
        for format in Format::EVERY {
            let t = table(format);
            let members = t.rules.members;
            let firsts = members
                .iter()
                .filter(|m| matches!(*m.crossing, Crossing::FirstName));
            let lasts = members
                .iter()
                .filter(|m| matches!(*m.crossing, Crossing::LastName));
            assert_eq!(
                firsts.count(),
                lasts.count(),
                "{format}: first/last name pairs"
            );
            for (i, member) in members.iter().enumerate() {
                if let Crossing::Along { with, .. } = *member.crossing {
                    let reader = members[..i].iter().find(|m| m.name == with);
                    assert!(
                        matches!(reader.map(|m| *m.crossing), Some(Crossing::With { .. })),
                        "{format}: {} is read along {with}, which must be an earlier member with functions",
                        member.name
                    );
                }
            }
        }
    }
}
