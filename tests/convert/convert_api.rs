//! Conversion API behaviour that the fixtures and properties do not show directly.

use crate::support::convert::note_codes;
use contactkit::{convert, ConvertOptions, Converted, Format, NoteCode, Rejection, Stage};
use serde_json::{json, Value};

fn fixture_input(pair: &str, name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/convert/{pair}/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("read fixture");
    let fixture: Value = serde_json::from_str(&text).expect("fixture is JSON");
    fixture["input"].clone()
}

fn ok(from: Format, to: Format, record: &Value) -> Converted {
    convert(from, to, record, &ConvertOptions::new())
        .unwrap_or_else(|e| panic!("{from} → {to}: {e:?}"))
}

#[test]
fn same_format_conversion_of_rich_records_is_stable_after_one_pass() {
    for (format, pair) in [
        (Format::Sequence, "sequence-canonical"),
        (Format::Intercom, "intercom-canonical"),
        (Format::Bird, "bird-canonical"),
        (Format::HelpScout, "helpscout-canonical"),
        (Format::Canonical, "canonical-intercom"),
    ] {
        let input = fixture_input(pair, "001_rich");
        let once = ok(format, format, &input);
        let twice = ok(format, format, &once.payload);
        assert_eq!(once.payload, twice.payload, "{format}");
        assert!(twice.notes.is_empty(), "{format}: {:?}", twice.notes);
    }
}

#[test]
fn same_format_conversion_notes_only_normalisation() {
    // Help Scout's own example spells the gender "Male"; the output is lower case.
    let out = ok(
        Format::HelpScout,
        Format::HelpScout,
        &json!({"firstName": "Ada", "gender": "Male"}),
    );
    assert_eq!(out.payload, json!({"firstName": "Ada", "gender": "male"}));
    assert_eq!(out.notes.len(), 1);
    assert_eq!(
        (out.notes[0].path.as_str(), out.notes[0].code),
        ("/gender", NoteCode::Normalized)
    );
    // A Sequence date becomes a UTC date-time.
    let out = ok(
        Format::Sequence,
        Format::Sequence,
        &json!({"externalId": "u", "signedUpAt": "2024-02-29"}),
    );
    assert_eq!(out.payload["signedUpAt"], "2024-02-29T00:00:00Z");
    assert_eq!(out.notes[0].code, NoteCode::Reformatted);
}

/// A full name of only whitespace is no name (docs/MAPPING.md, `fullName`): Bird would show
/// nothing, so the display name is derived as if there were none, from Bird and from Intercom
/// alike (Help Scout, which splits the name, treats it so too).
#[test]
fn a_whitespace_display_name_gives_way_to_the_derivation() {
    let email = json!([{"key": "emailaddress", "value": "a@example.com"}]);
    for (from, record, source) in [
        (
            Format::Bird,
            json!({"displayName": " ", "identifiers": email}),
            "/displayName",
        ),
        (
            Format::Intercom,
            json!({"name": "   ", "email": "a@example.com"}),
            "/name",
        ),
    ] {
        let out = ok(from, Format::Bird, &record);
        assert_eq!(out.payload["displayName"], "a@example.com", "{from}");
        let notes = note_codes(&out);
        assert_eq!(
            notes,
            [
                (source, NoteCode::Dropped),
                ("/displayName", NoteCode::Derived)
            ],
            "{from}"
        );
        let out = ok(from, Format::HelpScout, &record);
        assert!(out.payload.get("firstName").is_none(), "{from}");
        assert_eq!(out.notes[0].path, source, "{from}");
        assert_eq!(out.notes[0].code, NoteCode::Dropped, "{from}");
    }
}

#[test]
fn an_empty_full_name_gives_way_to_the_derivation() {
    let out = ok(
        Format::Canonical,
        Format::Bird,
        &json!({"fullName": "", "emails": [{"value": "a@example.com"}]}),
    );
    assert_eq!(out.payload["displayName"], "a@example.com");
    let codes = note_codes(&out);
    assert_eq!(
        codes,
        [
            ("/fullName", NoteCode::Dropped),
            ("/displayName", NoteCode::Derived)
        ]
    );
}

#[test]
fn records_that_are_not_objects_are_source_rejections() {
    for record in [json!([1, 2]), json!("x"), json!(null)] {
        let rejection = convert(
            Format::Sequence,
            Format::Intercom,
            &record,
            &ConvertOptions::new(),
        )
        .expect_err("not an object")
        .into_rejection();
        assert_eq!(rejection.stage, Stage::Source);
        assert_eq!(rejection.issues[0].path, "");
        assert_eq!(rejection.issues[0].code.as_str(), "type");
    }
}

#[test]
fn notes_and_rejections_have_the_contract_shape() {
    let out = ok(
        Format::Intercom,
        Format::HelpScout,
        &json!({"email": "a@example.com", "name": "Ada Lovelace", "role": "lead"}),
    );
    let notes = serde_json::to_value(&out.notes).expect("notes serialise");
    assert_eq!(
        notes,
        json!([
            {"path": "/firstName", "code": "split", "message": "first name taken from the full name (split at the first whitespace)"},
            {"path": "/lastName", "code": "split", "message": "last name taken from the full name (the rest after the first whitespace)"},
            {"path": "/role", "code": "dropped", "message": "Help Scout has no field for the role"}
        ])
    );
    let rejection: Rejection = convert(
        Format::Intercom,
        Format::Sequence,
        &json!({"email": "a@example.com"}),
        &ConvertOptions::new().lenient(true),
    )
    .expect_err("Sequence needs an external id, also in lenient mode")
    .into_rejection();
    assert_eq!(
        serde_json::to_value(&rejection).expect("rejection serialises"),
        json!({"stage": "target", "issues": [{
            "path": "/externalId", "code": "required", "severity": "error",
            "message": "is required by Sequence, and the source has no external id"
        }]})
    );
    assert_eq!(
        rejection.to_string(),
        "rejected at the target stage with 1 finding(s)"
    );
}

#[test]
fn messages_never_echo_values() {
    let secret = "Zebediah-Secret-9931";
    let record = json!({
        "externalId": secret,
        "firstName": secret,
        "title": secret,
        "phone": format!("({secret})"),
        "meta.key": secret,
        "other": {"nested": secret}
    });
    for to in [
        Format::Intercom,
        Format::Bird,
        Format::HelpScout,
        Format::Canonical,
    ] {
        for options in [ConvertOptions::new(), ConvertOptions::new().lenient(true)] {
            let text = match convert(Format::Sequence, to, &record, &options) {
                Ok(c) => serde_json::to_string(&c.notes).expect("notes"),
                Err(e) => serde_json::to_string(&e.into_rejection().issues).expect("issues"),
            };
            assert!(!text.contains(secret), "{to}: {text}");
        }
    }
}

/// An empty id is no id (docs/RULES.md#ids): no conversion carries `""` through as an id, and
/// a source with only an empty one is treated as a source without one (a `dropped` note, and the
/// rejection a missing id gets).
#[test]
fn an_empty_id_is_no_id_in_any_conversion() {
    let reject = |from, to, record: &Value| -> Rejection {
        convert(from, to, record, &ConvertOptions::new())
            .expect_err("rejected")
            .into_rejection()
    };
    let finding = |r: &Rejection| (r.stage, r.issues[0].path.clone(), r.issues[0].code);
    let intercom = json!({"role": "user", "external_id": "", "email": "ada@example.com"});

    // Intercom → Intercom: the empty id is dropped with a note, not written back.
    let out = ok(Format::Intercom, Format::Intercom, &intercom);
    assert_eq!(
        out.payload,
        json!({"role": "user", "email": "ada@example.com"})
    );
    assert_eq!(out.notes.len(), 1);
    assert_eq!(
        (out.notes[0].path.as_str(), out.notes[0].code),
        ("/external_id", NoteCode::Dropped)
    );
    // Intercom → Sequence: no id, so Sequence's required externalId cannot be produced.
    let r = reject(Format::Intercom, Format::Sequence, &intercom);
    assert_eq!(
        finding(&r),
        (
            Stage::Target,
            "/externalId".to_owned(),
            contactkit::Code::Required
        )
    );
    // Sequence → Sequence: an empty externalId is invalid Sequence already.
    let r = reject(
        Format::Sequence,
        Format::Sequence,
        &json!({"externalId": ""}),
    );
    assert_eq!(
        finding(&r),
        (
            Stage::Source,
            "/externalId".to_owned(),
            contactkit::Code::TooShort
        )
    );
    // A Bird contact object whose external_id identifier is empty has no external id either.
    let bird = json!({
        "featuredIdentifiers": [{"key": "external_id", "value": ""}],
        "attributes": {"displayName": "Ada"}
    });
    let r = reject(Format::BirdContact, Format::Sequence, &bird);
    assert_eq!(
        finding(&r),
        (
            Stage::Target,
            "/externalId".to_owned(),
            contactkit::Code::Required
        )
    );
    let out = ok(Format::BirdContact, Format::Canonical, &bird);
    assert_eq!(out.payload, json!({"fullName": "Ada"}));
    assert!(out
        .notes
        .iter()
        .any(|n| n.path == "/featuredIdentifiers/0" && n.code == NoteCode::Dropped));
    // Intercom → Bird: the display name comes from the email, and no empty identifier is made.
    let out = ok(Format::Intercom, Format::Bird, &intercom);
    assert_eq!(out.payload["displayName"], "ada@example.com");
    assert_eq!(
        out.payload["identifiers"],
        json!([{"key": "emailaddress", "value": "ada@example.com"}])
    );
}
