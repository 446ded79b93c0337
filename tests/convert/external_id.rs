//! `ConvertOptions::external_id` (CLI `--external-id`) for every source format × every target:
//! it fills a missing external id from the first email, the vendor's id of a read format or a
//! custom attribute, with a `derived` note that names the source location and never the value;
//! a source's own id wins; a source without the chosen value converts exactly as without the
//! option; a target without an external id (Help Scout) is unaffected.

use crate::support::convert::note_codes;
use contactkit::{
    convert, ConvertOptions, Converted, ExternalIdSource, Format, Note, NoteCode, Rejection, Stage,
};
use serde_json::{json, Value};

const EMAIL: &str = "ada@example.com";
const CRM: &str = "crm-7";
const OWN: &str = "own-1";

/// What a test record holds.
#[derive(Clone, Copy, Default)]
struct Parts<'a> {
    /// The source's own external id.
    external_id: Option<&'a str>,
    /// The first email address.
    email: bool,
    /// The custom attribute `crm_id`.
    custom: Option<&'a Value>,
    /// The vendor's id (read formats only).
    id: Option<&'a Value>,
}

/// A record of `format` with `parts` (and always a name).
fn record(format: Format, p: Parts<'_>) -> Value {
    let mut r = match format {
        Format::Sequence => json!({"externalId": p.external_id.unwrap_or(OWN), "firstName": "Ada"}),
        Format::Intercom => json!({"name": "Ada", "role": "lead"}),
        Format::Bird => json!({"displayName": "Ada"}),
        Format::HelpScout | Format::HelpScoutCustomer => json!({"firstName": "Ada"}),
        Format::Canonical => json!({"fullName": "Ada"}),
        Format::IntercomContact => json!({"type": "contact", "name": "Ada", "role": "lead"}),
        Format::BirdContact => json!({"computedDisplayName": "Ada"}),
        _ => unreachable!("a new format needs a record here"),
    };
    let ext = p.external_id;
    match format {
        Format::Sequence => {
            if p.email {
                r["email"] = json!(EMAIL);
            }
            if let Some(v) = p.custom {
                r["crm_id"] = v.clone();
            }
        }
        Format::Intercom | Format::IntercomContact => {
            if let Some(e) = ext {
                r["external_id"] = json!(e);
            }
            if p.email {
                r["email"] = json!(EMAIL);
            }
            if let Some(v) = p.custom {
                r["custom_attributes"] = json!({ "crm_id": v });
            }
        }
        Format::Bird | Format::BirdContact => {
            let mut ids = Vec::new();
            if p.email {
                ids.push(json!({"key": "emailaddress", "value": EMAIL}));
            }
            if let Some(e) = ext {
                ids.push(json!({"key": "external_id", "value": e}));
            }
            let member = if format == Format::Bird {
                "identifiers"
            } else {
                "featuredIdentifiers"
            };
            if !ids.is_empty() {
                r[member] = Value::Array(ids);
            }
            if let Some(v) = p.custom {
                r["attributes"]["crm_id"] = v.clone();
            }
        }
        Format::HelpScout => {
            assert!(ext.is_none(), "Help Scout has no external id");
            if p.email {
                r["emails"] = json!([{"type": "work", "value": EMAIL}]);
            }
            if let Some(v) = p.custom {
                r["properties"] = json!([{"slug": "crm_id", "value": v}]);
            }
        }
        Format::HelpScoutCustomer => {
            assert!(ext.is_none(), "Help Scout has no external id");
            let mut embedded = json!({});
            if p.email {
                embedded["emails"] = json!([{"id": 1, "type": "work", "value": EMAIL}]);
            }
            if let Some(v) = p.custom {
                embedded["properties"] =
                    json!([{"type": "text", "slug": "crm_id", "name": "CRM id", "value": v}]);
            }
            r["_embedded"] = embedded;
        }
        Format::Canonical => {
            if let Some(e) = ext {
                r["externalId"] = json!(e);
            }
            if p.email {
                r["emails"] = json!([{ "value": EMAIL }]);
            }
            if let Some(v) = p.custom {
                r["customAttributes"] = json!({ "crm_id": v });
            }
        }
        _ => unreachable!(),
    }
    if let (true, Some(id)) = (format.is_read(), p.id) {
        r["id"] = id.clone();
    }
    r
}

/// Where each source keeps the values, as the note names them.
fn email_pointer(from: Format) -> &'static str {
    match from {
        Format::Sequence => "/email",
        Format::Intercom | Format::IntercomContact => "/email",
        Format::Bird => "/identifiers/0",
        Format::BirdContact => "/featuredIdentifiers/0",
        Format::HelpScout => "/emails/0",
        Format::HelpScoutCustomer => "/_embedded/emails/0",
        _ => "/emails/0",
    }
}

fn custom_pointer(from: Format) -> &'static str {
    match from {
        Format::Sequence => "/crm_id",
        Format::Intercom | Format::IntercomContact => "/custom_attributes/crm_id",
        Format::Bird | Format::BirdContact => "/attributes/crm_id",
        Format::HelpScout => "/properties/0",
        Format::HelpScoutCustomer => "/_embedded/properties/0",
        _ => "/customAttributes/crm_id",
    }
}

/// The targets that hold an external id, and where.
const ID_TARGETS: [Format; 4] = [
    Format::Sequence,
    Format::Intercom,
    Format::Bird,
    Format::Canonical,
];

/// The pointer of the external id in a target payload (`None`: it has none).
fn id_pointer(to: Format, payload: &Value) -> Option<String> {
    match to {
        Format::Sequence | Format::Canonical => {
            payload.get("externalId").map(|_| "/externalId".to_owned())
        }
        Format::Intercom => payload
            .get("external_id")
            .map(|_| "/external_id".to_owned()),
        Format::Bird => payload["identifiers"]
            .as_array()?
            .iter()
            .position(|i| i["key"] == "external_id")
            .map(|n| format!("/identifiers/{n}")),
        _ => None,
    }
}

fn id_value(to: Format, payload: &Value) -> Option<Value> {
    let at = id_pointer(to, payload)?;
    let value = payload.pointer(&at)?;
    Some(if to == Format::Bird {
        value["value"].clone()
    } else {
        value.clone()
    })
}

fn with(how: ExternalIdSource) -> ConvertOptions {
    ConvertOptions::new().external_id(how)
}

/// A conversion, any error as the rejection of the record (the form the command line and the
/// npm package report).
fn run(
    from: Format,
    to: Format,
    record: &Value,
    options: &ConvertOptions,
) -> Result<Converted, Rejection> {
    convert(from, to, record, options).map_err(contactkit::Error::into_rejection)
}

fn ok(from: Format, to: Format, record: &Value, options: &ConvertOptions) -> Converted {
    run(from, to, record, options)
        .unwrap_or_else(|r| panic!("{from} → {to} {record}: {:?}", r.issues))
}

fn derived_notes(notes: &[Note]) -> Vec<&Note> {
    notes.iter().filter(|n| is_id_note(n)).collect()
}

/// Converting `record` with `how` fills the external id of `to` with `expected`, with exactly
/// one `derived` note at the id's path that names `source` and not the value; everything else
/// is what the conversion without the option gives (plus the id).
fn assert_derived(
    from: Format,
    to: Format,
    record: &Value,
    how: ExternalIdSource,
    expected: &str,
    source: &str,
) {
    let case = format!("{from} → {to} with {how}");
    let derived = ok(from, to, record, &with(how));
    assert_eq!(
        id_value(to, &derived.payload),
        Some(json!(expected)),
        "{case}: {}",
        derived.payload
    );
    let at = id_pointer(to, &derived.payload).expect("an id");
    let notes = derived_notes(&derived.notes);
    assert_eq!(notes.len(), 1, "{case}: {:?}", derived.notes);
    assert_eq!(notes[0].path, at, "{case}");
    assert!(
        notes[0].message.contains(&format!("({source})")),
        "{case}: {} should name {source}",
        notes[0].message
    );
    assert!(
        !notes[0].message.contains(expected),
        "{case}: the note echoes the value: {}",
        notes[0].message
    );
    // Without the option: the same, minus the id and its note (Sequence rejects instead).
    match run(from, to, record, &ConvertOptions::new()) {
        Ok(plain) => {
            let mut payload = derived.payload.clone();
            let mut notes: Vec<Note> = derived
                .notes
                .iter()
                .filter(|n| !is_id_note(n))
                .cloned()
                .collect();
            let mut plain_notes = plain.notes.clone();
            if to == Format::Bird {
                let ids = payload["identifiers"].as_array_mut().expect("identifiers");
                ids.retain(|i| i["key"] != "external_id");
                if ids.is_empty() {
                    payload
                        .as_object_mut()
                        .expect("object")
                        .remove("identifiers");
                }
            } else {
                let key = at.trim_start_matches('/');
                payload.as_object_mut().expect("object").remove(key);
            }
            if to == Format::Intercom
                && payload.get("role").is_none()
                && plain.payload.get("role").is_some()
            {
                // Without an id, a contact without email can only be a lead (`derived`).
                assert_eq!(plain.payload["role"], "lead", "{case}");
                payload["role"] = json!("lead");
                plain_notes.retain(|n| n.path != "/role");
            }
            notes.sort_by(|a, b| a.path.cmp(&b.path));
            plain_notes.sort_by(|a, b| a.path.cmp(&b.path));
            assert_eq!(notes, plain_notes, "{case}: notes");
            assert_eq!(payload, plain.payload, "{case}: payload");
        }
        Err(r) => {
            assert_eq!(to, Format::Sequence, "{case}: {:?}", r.issues);
            assert_eq!(r.stage, Stage::Target);
            assert_eq!(r.issues[0].path, "/externalId");
        }
    }
}

fn is_id_note(n: &Note) -> bool {
    n.code == NoteCode::Derived && n.message.starts_with("the source has no external id:")
}

/// The sources that can lack an external id.
const SOURCES_WITHOUT_ID: [Format; 7] = [
    Format::Intercom,
    Format::Bird,
    Format::HelpScout,
    Format::Canonical,
    Format::IntercomContact,
    Format::BirdContact,
    Format::HelpScoutCustomer,
];

fn vendor_id(from: Format) -> Value {
    match from {
        Format::HelpScoutCustomer => json!(500),
        Format::BirdContact => json!("0b9c1d5e-2f3a-4b6c-8d7e-9f0a1b2c3d4e"),
        _ => json!("6643703ffae7834d1792fd30"),
    }
}

#[test]
fn email_fills_the_id_of_every_target_that_holds_one() {
    for from in SOURCES_WITHOUT_ID {
        let r = record(
            from,
            Parts {
                email: true,
                ..Parts::default()
            },
        );
        for to in ID_TARGETS {
            assert_derived(
                from,
                to,
                &r,
                ExternalIdSource::Email,
                EMAIL,
                email_pointer(from),
            );
            // A copy: the email is still there.
            let out = ok(from, to, &r, &with(ExternalIdSource::Email));
            let text = out.payload.to_string();
            assert_eq!(text.matches(EMAIL).count(), 2, "{from} → {to}: {text}");
        }
    }
}

#[test]
fn a_custom_attribute_fills_the_id_of_every_target_that_holds_one() {
    let value = json!(CRM);
    for from in SOURCES_WITHOUT_ID {
        let r = record(
            from,
            Parts {
                custom: Some(&value),
                email: true,
                ..Parts::default()
            },
        );
        for to in ID_TARGETS {
            let how = ExternalIdSource::Custom("crm_id".into());
            assert_derived(from, to, &r, how.clone(), CRM, custom_pointer(from));
            // A copy: the custom attribute still crosses where the target takes it.
            let out = ok(from, to, &r, &with(how));
            assert_eq!(
                out.payload.to_string().matches(CRM).count(),
                2,
                "{from} → {to}: {}",
                out.payload
            );
        }
    }
}

#[test]
fn source_id_fills_the_id_from_each_read_format() {
    for from in Format::READ {
        let id = vendor_id(from);
        let r = record(
            from,
            Parts {
                id: Some(&id),
                ..Parts::default()
            },
        );
        let expected = match &id {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        for to in ID_TARGETS {
            assert_derived(from, to, &r, ExternalIdSource::SourceId, &expected, "/id");
        }
    }
    // Help Scout's integer id is written in decimal digits, and the note says so.
    let r = record(
        Format::HelpScoutCustomer,
        Parts {
            id: Some(&json!(500)),
            ..Parts::default()
        },
    );
    let out = ok(
        Format::HelpScoutCustomer,
        Format::Sequence,
        &r,
        &with(ExternalIdSource::SourceId),
    );
    assert_eq!(out.payload["externalId"], "500");
    assert_eq!(
        derived_notes(&out.notes)[0].message,
        "the source has no external id: this is a copy of the vendor's id of the contact (/id), written in decimal digits"
    );
}

#[test]
fn note_texts() {
    let r = record(
        Format::HelpScout,
        Parts {
            email: true,
            custom: Some(&json!(CRM)),
            ..Parts::default()
        },
    );
    let note = |how: ExternalIdSource, to: Format| {
        let out = ok(Format::HelpScout, to, &r, &with(how));
        derived_notes(&out.notes)[0].clone()
    };
    assert_eq!(
        note(ExternalIdSource::Email, Format::Sequence),
        Note {
            path: "/externalId".into(),
            code: NoteCode::Derived,
            message: "the source has no external id: this is a copy of the first email address (/emails/0)".into(),
        }
    );
    assert_eq!(
        note(ExternalIdSource::Custom("crm_id".into()), Format::Bird),
        Note {
            path: "/identifiers/1".into(),
            code: NoteCode::Derived,
            message: "the source has no external id: this is a copy of the custom attribute \"crm_id\" (/properties/0)".into(),
        }
    );
}

#[test]
fn the_sources_own_id_wins() {
    let custom = json!(CRM);
    for from in [
        Format::Sequence,
        Format::Intercom,
        Format::Bird,
        Format::Canonical,
        Format::IntercomContact,
        Format::BirdContact,
    ] {
        let id = vendor_id(from);
        let r = record(
            from,
            Parts {
                external_id: Some(OWN),
                email: true,
                custom: Some(&custom),
                id: Some(&id),
            },
        );
        for to in ID_TARGETS {
            let plain = ok(from, to, &r, &ConvertOptions::new());
            assert_eq!(
                id_value(to, &plain.payload),
                Some(json!(OWN)),
                "{from} → {to}"
            );
            for how in [
                ExternalIdSource::Email,
                ExternalIdSource::Custom("crm_id".into()),
            ]
            .into_iter()
            .chain(from.is_read().then_some(ExternalIdSource::SourceId))
            {
                assert_eq!(
                    ok(from, to, &r, &with(how.clone())),
                    plain,
                    "{from} → {to} with {how}"
                );
            }
        }
    }
}

#[test]
fn a_source_without_the_chosen_value_converts_as_without_the_option() {
    for from in SOURCES_WITHOUT_ID {
        // A name only: no email, no custom attribute, no vendor id.
        let r = record(from, Parts::default());
        let mut hows = vec![
            ExternalIdSource::Email,
            ExternalIdSource::Custom("crm_id".into()),
        ];
        if from.is_read() {
            hows.push(ExternalIdSource::SourceId);
        }
        for to in Format::ALL {
            let plain = run(from, to, &r, &ConvertOptions::new());
            for how in &hows {
                let case = format!("{from} → {to} with {how}");
                let derived = run(from, to, &r, &with(how.clone()));
                match (&plain, &derived) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b, "{case}"),
                    (Err(a), Err(b)) => {
                        // The same rejection: stage, path, code; the message says what was
                        // looked for.
                        assert_eq!(a.stage, b.stage, "{case}");
                        assert_eq!(a.issues.len(), b.issues.len(), "{case}");
                        for (x, y) in a.issues.iter().zip(&b.issues) {
                            assert_eq!(
                                (&x.path, x.code, x.severity),
                                (&y.path, y.code, y.severity),
                                "{case}"
                            );
                        }
                        assert_eq!(to, Format::Sequence, "{case}");
                        assert!(
                            b.issues[0].message.starts_with(&a.issues[0].message),
                            "{case}: {}",
                            b.issues[0].message
                        );
                        assert!(
                            b.issues[0].message.contains("nor "),
                            "{case}: {}",
                            b.issues[0].message
                        );
                    }
                    _ => panic!("{case}: {plain:?} vs {derived:?}"),
                }
            }
        }
    }
    let r = record(Format::HelpScout, Parts::default());
    let rejection = run(
        Format::HelpScout,
        Format::Sequence,
        &r,
        &with(ExternalIdSource::Email),
    )
    .expect_err("rejected");
    assert_eq!(
        rejection.issues[0].message,
        "is required by Sequence, and the source has no external id, nor an email address to copy one from"
    );
}

#[test]
fn help_scout_targets_are_unaffected() {
    let custom = json!(CRM);
    for from in SOURCES_WITHOUT_ID {
        let id = vendor_id(from);
        let r = record(
            from,
            Parts {
                email: true,
                custom: Some(&custom),
                id: Some(&id),
                ..Parts::default()
            },
        );
        let plain = ok(from, Format::HelpScout, &r, &ConvertOptions::new());
        for how in [
            ExternalIdSource::Email,
            ExternalIdSource::Custom("crm_id".into()),
        ] {
            assert_eq!(ok(from, Format::HelpScout, &r, &with(how)), plain, "{from}");
        }
    }
}

#[test]
fn which_values_are_ids() {
    // Strings as they are; integers in decimal digits (also when written 35.0 or 1e3); every
    // other value, an empty or blank string and a whole number beyond 2^53 is no id.
    let cases: [(Value, Option<&str>); 14] = [
        (json!("crm-7"), Some("crm-7")),
        (json!(" padded "), Some(" padded ")),
        (json!(42), Some("42")),
        (json!(-7), Some("-7")),
        (
            json!(18_446_744_073_709_551_615_u64),
            Some("18446744073709551615"),
        ),
        (json!(35.0), Some("35")),
        (serde_json::from_str("1e3").expect("number"), Some("1000")),
        (json!(1.5), None),
        (json!(1e300), None),
        (json!(""), None),
        (json!("  "), None),
        (json!(true), None),
        (json!(null), None),
        (json!(["a"]), None),
    ];
    for (value, expected) in cases {
        for from in [Format::Canonical, Format::Intercom, Format::Bird] {
            let scalar = !(value.is_array() || value.is_object());
            if from == Format::Intercom && !scalar {
                continue; // not an Intercom custom attribute value
            }
            let r = record(
                from,
                Parts {
                    custom: Some(&value),
                    ..Parts::default()
                },
            );
            let out = run(
                from,
                Format::Sequence,
                &r,
                &with(ExternalIdSource::Custom("crm_id".into())),
            );
            match expected {
                Some(id) => {
                    let out = out.unwrap_or_else(|e| panic!("{from} {value}: {:?}", e.issues));
                    assert_eq!(out.payload["externalId"], id, "{from} {value}");
                    let digits = derived_notes(&out.notes)[0]
                        .message
                        .ends_with("decimal digits");
                    assert_eq!(digits, value.is_number(), "{from} {value}");
                }
                None => {
                    let e = out.expect_err("no id");
                    assert_eq!(
                        (e.stage, e.issues[0].path.as_str()),
                        (Stage::Target, "/externalId")
                    );
                    let message = &e.issues[0].message;
                    assert!(
                        message.contains(&format!("({})", custom_pointer(from)))
                            && message.ends_with("which is no id"),
                        "{from} {value}: {message}"
                    );
                }
            }
        }
    }
}

#[test]
fn source_id_needs_a_read_format() {
    for from in Format::ALL {
        let r = record(
            from,
            Parts {
                email: true,
                ..Parts::default()
            },
        );
        for to in Format::ALL {
            let e = run(from, to, &r, &with(ExternalIdSource::SourceId)).expect_err("rejected");
            assert_eq!(e.stage, Stage::Target);
            assert_eq!(e.issues.len(), 1);
            assert_eq!(
                (e.issues[0].path.as_str(), e.issues[0].code),
                ("", contactkit::Code::Enum)
            );
            assert!(
                e.issues[0].message.contains("source-id"),
                "{}",
                e.issues[0].message
            );
        }
        assert!(ExternalIdSource::SourceId.check(from).is_err());
    }
    for from in Format::READ {
        assert!(ExternalIdSource::SourceId.check(from).is_ok());
    }
}

#[test]
fn bird_identifier_values_hold_at_most_500_characters() {
    let long = json!("x".repeat(501));
    let r = record(
        Format::Canonical,
        Parts {
            custom: Some(&long),
            ..Parts::default()
        },
    );
    let how = ExternalIdSource::Custom("crm_id".into());
    let e = run(Format::Canonical, Format::Bird, &r, &with(how.clone())).expect_err("too long");
    assert_eq!(e.stage, Stage::Target);
    assert_eq!(e.issues[0].path, "/identifiers/0/value");
    assert_eq!(e.issues[0].code, contactkit::Code::TooLong);
    // Lenient mode cuts it like any too-long string, with a note; the derived note stays.
    let lenient = ok(
        Format::Canonical,
        Format::Bird,
        &r,
        &with(how.clone()).lenient(true),
    );
    assert_eq!(
        lenient.payload["identifiers"][0]["value"],
        json!("x".repeat(500))
    );
    let codes = note_codes(&lenient);
    assert!(
        codes.contains(&("/identifiers/0", NoteCode::Derived)),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("/identifiers/0/value", NoteCode::Truncated)),
        "{codes:?}"
    );
    // Sequence and Intercom take any string.
    for to in [Format::Sequence, Format::Intercom] {
        assert_eq!(
            id_value(
                to,
                &ok(Format::Canonical, to, &r, &with(how.clone())).payload
            ),
            Some(long.clone())
        );
    }
}

#[test]
fn an_intercom_contact_without_email_is_a_user_with_a_derived_id() {
    // Without an id, a contact without email can only be a lead; with one, no role is set.
    let id = vendor_id(Format::IntercomContact);
    let mut r = record(
        Format::IntercomContact,
        Parts {
            id: Some(&id),
            ..Parts::default()
        },
    );
    r.as_object_mut().expect("object").remove("role");
    let plain = ok(
        Format::IntercomContact,
        Format::Intercom,
        &r,
        &ConvertOptions::new(),
    );
    assert_eq!(plain.payload["role"], "lead");
    let out = ok(
        Format::IntercomContact,
        Format::Intercom,
        &r,
        &with(ExternalIdSource::SourceId),
    );
    assert_eq!(out.payload.get("role"), None);
    assert_eq!(out.payload["external_id"], id);
}

#[test]
fn text_form_round_trips_and_rejects_an_empty_key() {
    for text in [
        "email",
        "source-id",
        "custom:crm_id",
        "custom:a:b",
        "custom: x",
    ] {
        let how: ExternalIdSource = text.parse().expect(text);
        assert_eq!(how.to_string(), text);
    }
    assert_eq!(
        "custom:a:b".parse::<ExternalIdSource>(),
        Ok(ExternalIdSource::Custom("a:b".into()))
    );
    for bad in ["custom:", "Email", "", "id", "custom"] {
        assert!(bad.parse::<ExternalIdSource>().is_err(), "{bad:?}");
    }
}
