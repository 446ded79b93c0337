//! Keeps the hand-written declarations (`npm/forms.d.ts`, `npm/contactkit.d.ts`) in step with
//! the Rust types: every string union there must list exactly the values the Rust side
//! produces.

use std::collections::BTreeSet;

use contactkit::{form_fields, Code, FormField, Format, NoteCode, Severity, Stage};

use crate::dto::ErrorCode;

const DTS: [&str; 2] = [
    include_str!("../../../npm/forms.d.ts"),
    include_str!("../../../npm/contactkit.d.ts"),
];

/// The string literals of `export type <name> = "a" | "b" …;` in the declarations.
fn union(name: &str) -> BTreeSet<String> {
    let needle = format!("export type {name} =");
    let (dts, start) = DTS
        .iter()
        .find_map(|dts| dts.find(&needle).map(|start| (dts, start)))
        .unwrap_or_else(|| panic!("the declarations have no type {name}"));
    let body = &dts[start..];
    let end = body.find(';').expect("the type ends");
    body[..end]
        .lines()
        // Doc comments between the members are not members.
        .map(|line| line.split("/**").next().unwrap_or(""))
        .flat_map(|line| line.split('"').skip(1).step_by(2))
        .map(str::to_owned)
        .collect()
}

fn names<T: serde::Serialize>(values: impl IntoIterator<Item = T>) -> BTreeSet<String> {
    values
        .into_iter()
        .map(|v| match serde_json::to_value(v).expect("serialises") {
            serde_json::Value::String(s) => s,
            other => panic!("not a string: {other}"),
        })
        .collect()
}

fn walk<'a>(fields: &'a [FormField], out: &mut Vec<&'a FormField>) {
    for field in fields {
        out.push(field);
        if let Some(nested) = &field.fields {
            walk(nested, out);
        }
        if let Some(item) = &field.item {
            walk(std::slice::from_ref(item), out);
        }
    }
}

#[test]
fn issue_codes_severities_stages_and_note_codes_match() {
    assert_eq!(union("IssueCode"), names(Code::ALL));
    assert_eq!(
        union("Severity"),
        names([Severity::Error, Severity::Warning])
    );
    assert_eq!(union("Stage"), names([Stage::Source, Stage::Target]));
    let notes = [
        NoteCode::Dropped,
        NoteCode::Truncated,
        NoteCode::Derived,
        NoteCode::Split,
        NoteCode::Joined,
        NoteCode::Reformatted,
        NoteCode::Normalized,
    ];
    assert_eq!(union("NoteCode"), names(notes));
}

#[test]
fn format_ids_match() {
    let ids: BTreeSet<String> = Format::ALL.iter().map(|f| f.id().to_owned()).collect();
    assert_eq!(union("FormatId"), ids);
    if !cfg!(feature = "convert") {
        // The forms module has no read formats (contactkit.d.ts declares those of the full one).
        assert!(Format::READ.is_empty());
        return;
    }
    let read: BTreeSet<String> = Format::READ.iter().map(|f| f.id().to_owned()).collect();
    assert_eq!(union("ReadFormatId"), read);
    let previewed: BTreeSet<String> = Format::EVERY
        .iter()
        .filter(|f| f.response_format().is_some())
        .map(|f| f.id().to_owned())
        .collect();
    assert_eq!(union("PreviewFormatId"), previewed);
}

#[test]
fn error_codes_cover_the_rust_errors_and_the_javascript_ones() {
    let mut expected = names(ErrorCode::ALL);
    for js in ["invalid_argument", "not_initialized", "internal"] {
        expected.insert(js.to_owned());
    }
    assert_eq!(union("ErrorCode"), expected);
}

#[test]
fn form_field_values_are_in_the_declared_unions() {
    let json_types = union("FieldJsonType");
    let formats = union("FieldFormat");
    let widgets = union("FieldWidget");
    for format in Format::ALL {
        let fields = form_fields(format);
        let mut all = Vec::new();
        walk(fields, &mut all);
        for field in all {
            assert!(
                json_types.contains(field.json_type.as_str()),
                "{format} {}",
                field.path
            );
            if let Some(f) = field.format {
                assert!(formats.contains(f), "{format} {}: format {f}", field.path);
            }
            if field.min_length.is_some() || field.max_length.is_some() {
                assert!(
                    union("LengthUnit").contains(FormField::LENGTH_UNIT),
                    "{format} {}",
                    field.path
                );
            }
            if let Some(widget) = field.widget {
                let name = names([widget]).into_iter().next().expect("one");
                assert!(
                    widgets.contains(&name),
                    "{format} {}: widget {name}",
                    field.path
                );
            }
        }
    }
}

#[test]
fn external_id_sources_match() {
    use contactkit::ExternalIdSource;
    let words: BTreeSet<String> = [ExternalIdSource::Email, ExternalIdSource::SourceId]
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(union("ExternalIdSource"), words);
    let custom = ExternalIdSource::Custom("k".into()).to_string();
    let prefix = custom.strip_suffix('k').expect("custom:KEY");
    assert!(
        DTS.iter()
            .any(|dts| dts.contains(&format!("`{prefix}${{string}}`"))),
        "contactkit.d.ts types custom sources as `{prefix}${{string}}`"
    );
}
