//! Read formats and response preview (issue 9; docs/READ-FORMATS.md).
//!
//! - The read formats' schemas are generated from their rule tables and kept in `schemas/`
//!   (tests/docs/schemas.rs checks them with the others; regenerate with
//!   `CONTACTKIT_BLESS=1 cargo test --test docs schemas::`).
//! - Validation of a read format is lenient: types only, unknown members accepted.
//! - Golden fixtures `tests/fixtures/read/<format>/NNN_topic.json`: the outcome of converting the
//!   input to every create format and to the canonical contact (regenerate the `expect` member
//!   with `CONTACTKIT_BLESS=1`, then review the diff).
//! - Round trips read object → canonical → create payload → preview → read object keep every
//!   member the create payload and the read object share, for fixtures and generated objects.
//! - Previews: Intercom's against the `contact` schema of Intercom's own 2.15 spec; Bird's derived
//!   members; Help Scout's shape; every preview is a valid read object without findings.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::support::findings;
use crate::support::vendor_spec::{intercom_json_schema, intercom_spec};
use contactkit::{
    convert, preview, validate, Code, ConvertOptions, Converted, Error, Format, NoteCode,
    PreviewOptions, Rejection, Severity, Stage, Timestamp,
};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------------------------------------
// Helpers.

fn bless() -> bool {
    std::env::var_os("CONTACTKIT_BLESS").is_some()
}

/// Intercom's own `contact` schema (2.15) with `nullable` mapped. Formats are annotations in
/// draft 2020-12 and are not checked: the spec's own example response has relative URLs where
/// the schema says `format: uri`.
fn contact_schema() -> &'static jsonschema::Validator {
    static SCHEMA: OnceLock<jsonschema::Validator> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        jsonschema::draft202012::options()
            .should_validate_formats(false)
            .build(&intercom_json_schema("contact"))
            .expect("the contact schema compiles")
    })
}

/// Intercom's own `create_contact_request` schema (2.15), formats not checked.
fn request_schema() -> &'static jsonschema::Validator {
    static SCHEMA: OnceLock<jsonschema::Validator> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        jsonschema::draft202012::options()
            .build(&intercom_json_schema("create_contact_request"))
            .expect("create_contact_request compiles")
    })
}

fn assert_contact_schema(value: &Value, what: &str) {
    let errors: Vec<String> = contact_schema()
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not satisfy Intercom's contact schema: {errors:?}"
    );
}

fn strict() -> ConvertOptions {
    ConvertOptions::new()
}

fn outcome(from: Format, to: Format, input: &Value) -> Value {
    match convert(from, to, input, &strict()) {
        Ok(Converted { payload, notes }) => json!({"ok": true, "payload": payload, "notes": notes}),
        Err(e) => {
            let Rejection { stage, issues } = e.into_rejection();
            json!({"ok": false, "stage": stage, "issues": issues})
        }
    }
}

fn fixtures(format: Format) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/read")
        .join(format.id());
    let files = crate::support::json_files(&dir);
    assert!(files.len() >= 3, "{}: at least 3 fixtures", dir.display());
    files
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("read fixture");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

fn preview_of(format: Format, payload: &Value) -> Value {
    preview(format, payload, &PreviewOptions::new())
        .unwrap_or_else(|e| panic!("preview of {format} {payload}: {e:?}"))
}

// ---------------------------------------------------------------------------------------------
// Formats and schemas.

#[test]
fn read_format_ids_parse_and_are_sources_only() {
    assert_eq!(Format::EVERY.len(), Format::ALL.len() + Format::READ.len());
    for format in Format::EVERY {
        assert_eq!(format.id().parse::<Format>(), Ok(format));
        assert_eq!(
            format.is_target(),
            Format::ALL.contains(&format),
            "{format}"
        );
        assert_eq!(format.is_read(), Format::READ.contains(&format), "{format}");
    }
    for (read, create) in [
        (Format::IntercomContact, Format::Intercom),
        (Format::BirdContact, Format::Bird),
        (Format::HelpScoutCustomer, Format::HelpScout),
    ] {
        assert_eq!(read.create_format(), Some(create));
        assert_eq!(create.response_format(), Some(read));
    }
    assert_eq!(Format::Sequence.response_format(), None);
    assert_eq!(Format::Canonical.response_format(), None);
    let error = "intercom_contact".parse::<Format>().expect_err("unknown");
    assert!(error.to_string().contains("intercom-contact"), "{error}");
}

#[test]
fn read_schemas_are_valid_draft_2020_12_and_agree_with_the_validator() {
    for format in Format::READ {
        let schema: Value = serde_json::from_str(format.schema()).expect("schema is JSON");
        jsonschema::draft202012::meta::validate(&schema)
            .unwrap_or_else(|e| panic!("{format}: not a valid 2020-12 schema: {e}"));
        let validator = jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap_or_else(|e| panic!("{format}: schema does not compile: {e}"));
        for path in fixtures(format) {
            let input = read_json(&path)["input"].clone();
            assert_eq!(
                validator.is_valid(&input),
                validate(format, &input).is_valid(),
                "{}: the schema and the validator disagree",
                path.display()
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Validation.

#[test]
fn intercom_spec_example_response_has_no_findings() {
    let example = &intercom_spec()["examples"]["create_response_200"];
    assert!(example.is_object());
    assert_eq!(findings(Format::IntercomContact, example), []);
    assert_contact_schema(example, "the spec's own example");
}

#[test]
fn read_validation_checks_types_only() {
    // Unknown members, long strings, empty strings, and values outside the create formats'
    // enumerations are all fine: the vendor produced them.
    let long = "x".repeat(5000);
    for (format, record) in [
        (
            Format::IntercomContact,
            json!({"type": "contact", "role": "visitor", "email": "not an email", "name": long,
                   "avatar": {"type": "avatar", "image_url": "/relative.png"}, "brand_new_field": [1, 2],
                   "location": {"city": "Dublin", "postal_code": "D01"}}),
        ),
        (
            Format::BirdContact,
            json!({"id": "not-a-uuid", "attributes": {"displayName": long, "nested": {"a": 1}},
                   "featuredIdentifiers": [{"key": "phonenumber", "value": "0612345678", "extra": true}],
                   "listIds": ["not-a-uuid"], "other": null}),
        ),
        (
            Format::HelpScoutCustomer,
            json!({"id": 1, "firstName": long, "gender": "Robot", "photoUrl": "", "photoType": "selfie",
                   "_embedded": {"emails": [{"value": "x", "type": "private"}], "later": []}, "extra": 1}),
        ),
    ] {
        assert_eq!(findings(format, &record), [], "{format}");
    }
    // null wherever a value can be absent.
    assert_eq!(
        findings(
            Format::IntercomContact,
            &json!({"email": null, "location": null, "tags": null, "custom_attributes": null, "social_profiles": null})
        ),
        []
    );
    // Wrong types are errors.
    for (format, record, path) in [
        (
            Format::IntercomContact,
            json!({"signed_up_at": "2024-01-01"}),
            "/signed_up_at",
        ),
        (
            Format::IntercomContact,
            json!({"location": "Dublin"}),
            "/location",
        ),
        (
            Format::IntercomContact,
            json!({"tags": {"data": {}}}),
            "/tags/data",
        ),
        (
            Format::BirdContact,
            json!({"attributes": []}),
            "/attributes",
        ),
        (
            Format::BirdContact,
            json!({"featuredIdentifiers": [{"value": 5}]}),
            "/featuredIdentifiers/0/value",
        ),
        (
            Format::HelpScoutCustomer,
            json!({"_embedded": {"emails": {"value": "x"}}}),
            "/_embedded/emails",
        ),
        (
            Format::HelpScoutCustomer,
            json!({"firstName": 7}),
            "/firstName",
        ),
    ] {
        assert_eq!(
            findings(format, &record),
            [(path.to_owned(), Code::Type, Severity::Error)],
            "{format} {record}"
        );
    }
    // A record that is not an object.
    assert_eq!(
        findings(Format::BirdContact, &json!([])),
        [(String::new(), Code::Type, Severity::Error)]
    );
    // Intercom 2.16 writes owner_id as a string: a warning, and it is imported.
    assert_eq!(
        findings(Format::IntercomContact, &json!({"owner_id": "123"})),
        [("/owner_id".to_owned(), Code::Type, Severity::Warning)]
    );
}

#[test]
fn conversion_to_a_read_format_is_rejected() {
    for to in Format::READ {
        for from in Format::EVERY {
            let error = convert(from, to, &json!({}), &strict()).expect_err("read target");
            // A bad call, whatever the record; as a record's rejection it reads as before.
            assert_eq!(error, Error::UnsupportedTarget(to));
            assert!(error.is_call());
            let rejection = error.into_rejection();
            assert_eq!(rejection.stage, Stage::Target);
            assert_eq!(rejection.issues.len(), 1);
            let issue = &rejection.issues[0];
            assert_eq!((issue.path.as_str(), issue.code), ("", Code::Enum));
            let create = to.create_format().expect("a vendor's read format");
            assert!(
                issue.message.contains(&format!("convert to {create}")),
                "{}",
                issue.message
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Golden fixtures.

/// Every note of a successful conversion points into the source (`dropped`) or the target.
fn check_notes(input: &Value, converted: &Value, what: &str) {
    for note in converted["notes"].as_array().into_iter().flatten() {
        let path = note["path"].as_str().expect("path");
        let doc = if note["code"] == "dropped" {
            input
        } else {
            &converted["payload"]
        };
        assert!(
            doc.pointer(path).is_some(),
            "{what}: note {note} does not point into the {}",
            if note["code"] == "dropped" {
                "source"
            } else {
                "target"
            }
        );
    }
}

#[test]
fn read_fixtures() {
    let mut failures = Vec::new();
    let mut count = 0;
    for from in Format::READ {
        for path in fixtures(from) {
            let mut fixture = read_json(&path);
            let input = fixture["input"].clone();
            let mut expect = Map::new();
            for to in Format::ALL {
                count += 1;
                let actual = outcome(from, to, &input);
                let what = format!("{} → {to}", path.display());
                if actual["ok"] == true {
                    check_notes(&input, &actual, &what);
                    assert!(
                        validate(to, &actual["payload"]).is_valid(),
                        "{what}: payload invalid as {to}"
                    );
                    if to == Format::Intercom {
                        // Intercom's own request schema.
                        assert!(request_schema().is_valid(&actual["payload"]), "{what}");
                    }
                }
                if !bless() && fixture["expect"][to.id()] != actual {
                    failures.push(format!(
                        "{what}:\n  expected {}\n  actual   {}",
                        fixture["expect"][to.id()],
                        actual
                    ));
                }
                expect.insert(to.id().to_owned(), actual);
            }
            if bless() {
                fixture["expect"] = Value::Object(expect);
                let text = serde_json::to_string_pretty(&fixture).expect("serialise") + "\n";
                std::fs::write(&path, text).expect("write fixture");
            }
        }
    }
    assert!(count >= 45, "{count} conversions");
    assert!(
        failures.is_empty(),
        "{} of {count} read-fixture conversions differ (CONTACTKIT_BLESS=1 regenerates):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn fixture_input(format: Format, prefix: &str) -> Value {
    let path = fixtures(format)
        .into_iter()
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("{format}: no fixture {prefix}"));
    read_json(&path)["input"].clone()
}

fn note_paths(converted: &Converted, code: NoteCode) -> Vec<&str> {
    converted
        .notes
        .iter()
        .filter(|n| n.code == code)
        .map(|n| n.path.as_str())
        .collect()
}

#[test]
fn intercom_contact_to_sequence_fills_location_browser_and_os() {
    let input = fixture_input(Format::IntercomContact, "002");
    let converted =
        convert(Format::IntercomContact, Format::Sequence, &input, &strict()).expect("converts");
    let p = &converted.payload;
    for (member, value) in [
        ("externalId", "u-1001"),
        ("intercomId", "5ba682d23d7cf92bef87bfd4"),
        ("email", "ada@example.com"),
        ("firstName", "Ada"),
        ("lastName", "King Lovelace"),
        ("photo", "https://example.org/128Ada.jpg"),
        ("city", "Dublin"),
        ("region", "Dublin"),
        ("country", "Ireland"),
        ("browser", "Chrome"),
        ("browserVersion", "80.0.3987.132"),
        ("browserLanguage", "en-US"),
        ("os", "Mac OS X"),
        ("signedUpAt", "2019-10-21T15:35:54Z"),
    ] {
        assert_eq!(p[member], value, "{member}");
    }
    assert_eq!(p["monthly_spend"], 155.5);
    let dropped = note_paths(&converted, NoteCode::Dropped);
    for path in [
        "/role",
        "/owner_id",
        "/unsubscribed_from_emails",
        "/tags/data/0/name",
        "/tags/data/2",
        "/tags/has_more",
        "/notes/data/0",
        "/companies/data/0",
        "/language_override",
        "/utm_source",
        "/referrer",
        "/social_profiles/data/0/url",
        "/social_profiles/data/2/name",
    ] {
        assert!(dropped.contains(&path), "{path} not noted: {dropped:?}");
    }
    // Server-computed members are ignored without notes.
    for path in [
        "/email_domain",
        "/created_at",
        "/has_hard_bounced",
        "/android_device",
        "/last_contacted_at",
        "/location/country_code",
        "/workspace_id",
    ] {
        assert!(!dropped.contains(&path), "{path} noted");
    }
}

#[test]
fn intercom_contact_to_helpscout_keeps_social_profiles_and_address() {
    let input = fixture_input(Format::IntercomContact, "002");
    let converted = convert(
        Format::IntercomContact,
        Format::HelpScout,
        &input,
        &strict(),
    )
    .expect("converts");
    let p = &converted.payload;
    assert_eq!(
        p["socialProfiles"],
        json!([
            {"type": "twitter", "value": "http://twitter.com/th1sland"},
            {"type": "facebook", "value": "https://facebook.com/ada"},
            {"type": "other", "value": "https://klout.com/ada"}
        ])
    );
    assert_eq!(
        p["address"],
        json!({"city": "Dublin", "state": "Dublin", "country": "Ireland"})
    );
}

#[test]
fn bird_contact_imports_identifiers_once_and_names_from_attributes() {
    let input = fixture_input(Format::BirdContact, "001");
    let c = convert(Format::BirdContact, Format::Canonical, &input, &strict())
        .expect("converts")
        .payload;
    assert_eq!(c["fullName"], "John Doe");
    assert_eq!(c["firstName"], "John");
    assert_eq!(
        c["emails"],
        json!([{"value": "john@example.com"}, {"value": "john.doe@work.example"}])
    );
    assert_eq!(c["phones"], json!([{"value": "+31612345678"}]));
    assert_eq!(
        c["customAttributes"],
        json!({"timezone": "Europe/Amsterdam", "plan": "pro"})
    );
    // A computed display name derived from the email is not a name.
    let input = fixture_input(Format::BirdContact, "002");
    let c = convert(Format::BirdContact, Format::Canonical, &input, &strict())
        .expect("converts")
        .payload;
    assert_eq!(c.get("fullName"), None);
    assert_eq!(c["externalId"], "u-2002");
    // One that is derived from nothing imported is the full name.
    let input = fixture_input(Format::BirdContact, "003");
    let c = convert(Format::BirdContact, Format::Canonical, &input, &strict())
        .expect("converts")
        .payload;
    assert_eq!(c["fullName"], "Grace Hopper");
    assert_eq!(
        c["identifiers"],
        json!([{"key": "visitorid", "value": "v-77"}])
    );
}

#[test]
fn helpscout_customer_reads_embedded_and_legacy_lists() {
    let input = fixture_input(Format::HelpScoutCustomer, "002");
    let c = convert(
        Format::HelpScoutCustomer,
        Format::Canonical,
        &input,
        &strict(),
    )
    .expect("converts")
    .payload;
    assert_eq!(c["gender"], "unknown");
    assert_eq!(c.get("photoUrl"), None, "an empty photoUrl is no photo");
    assert_eq!(
        c["socialProfiles"],
        json!([{"kind": "twitter", "value": "bigbird22"}])
    );
    assert_eq!(
        c["address"]["lines"],
        json!(["123 West Main St", "Suite 123"])
    );
    let input = fixture_input(Format::HelpScoutCustomer, "003");
    let converted = convert(
        Format::HelpScoutCustomer,
        Format::Canonical,
        &input,
        &strict(),
    )
    .expect("converts");
    let c = &converted.payload;
    assert_eq!(
        c["emails"],
        json!([{"value": "vbear@mywork.com", "kind": "work"}, {"value": "vernon@home.example"}])
    );
    assert_eq!(
        c["socialProfiles"],
        json!([
            {"kind": "twitter", "value": "https://twitter.com/helpscout"},
            {"kind": "other", "value": "https://instagram.com/vbear"}
        ])
    );
    let dropped = note_paths(&converted, NoteCode::Dropped);
    assert_eq!(
        dropped,
        ["/emails/1/location", "/socialProfiles/1/type"],
        "{:?}",
        converted.notes
    );
}

// ---------------------------------------------------------------------------------------------
// Preview.

#[test]
fn preview_is_only_for_vendors_with_a_documented_response() {
    for format in [Format::Sequence, Format::Canonical]
        .into_iter()
        .chain(Format::READ)
    {
        assert_eq!(
            preview(
                format,
                &json!({"externalId": "u-1"}),
                &PreviewOptions::new()
            ),
            Err(Error::NoPreview(format))
        );
    }
    let Err(Error::Rejected(rejection)) = preview(
        Format::Intercom,
        &json!({"role": "user"}),
        &PreviewOptions::new(),
    ) else {
        panic!("an invalid payload is rejected");
    };
    assert_eq!(rejection.stage, Stage::Source);
    assert_eq!(rejection.issues[0].code, Code::Required);
}

#[test]
fn intercom_preview_satisfies_the_contact_schema() {
    let cases = [
        json!({"email": "joebloggs@intercom.io"}),
        json!({"role": "lead", "phone": "+353871234567"}),
        json!({"external_id": "u-1", "role": "user", "name": null, "avatar": "https://example.org/a.png",
               "signed_up_at": 1571672154, "last_seen_at": null, "owner_id": 123,
               "unsubscribed_from_emails": true, "custom_attributes": {"plan": "pro", "seats": 3}}),
    ];
    for payload in &cases {
        let contact = preview_of(Format::Intercom, payload);
        assert_contact_schema(&contact, &format!("preview of {payload}"));
        assert_eq!(findings(Format::IntercomContact, &contact), []);
    }
    // The spec's own request gives the spec's own response, but for the server's values.
    let request = &intercom_spec()["examples"]["create_request"];
    let mut expected = intercom_spec()["examples"]["create_response_200"].clone();
    let mut actual = preview_of(Format::Intercom, request);
    for member in [
        "id",
        "workspace_id",
        "created_at",
        "updated_at",
        "email_domain",
    ] {
        expected.as_object_mut().expect("object").remove(member);
        actual.as_object_mut().expect("object").remove(member);
    }
    for list in [
        "tags",
        "notes",
        "companies",
        "opted_out_subscription_types",
        "opted_in_subscription_types",
    ] {
        expected[list].as_object_mut().expect("list").remove("url");
        actual[list].as_object_mut().expect("list").remove("url");
    }
    assert_eq!(actual, expected);
    // Member order follows the example.
    let full = preview_of(Format::Intercom, request);
    let keys: Vec<&String> = full
        .as_object()
        .expect("object")
        .keys()
        .filter(|k| *k != "email_domain")
        .collect();
    let example_keys: Vec<&String> = intercom_spec()["examples"]["create_response_200"]
        .as_object()
        .expect("object")
        .keys()
        .collect();
    assert_eq!(keys, example_keys);
}

#[test]
fn intercom_preview_fills_documented_values() {
    let contact = preview_of(
        Format::Intercom,
        &json!({"email": "Ada@Example.COM", "avatar": "https://example.org/a.png", "custom_attributes": null}),
    );
    assert_eq!(contact["type"], "contact");
    assert_eq!(contact["role"], "user");
    assert_eq!(contact["email_domain"], "Example.COM");
    assert_eq!(
        contact["avatar"],
        json!({"type": "avatar", "image_url": "https://example.org/a.png"})
    );
    assert_eq!(contact["custom_attributes"], json!({}));
    assert_eq!(contact["id"], contactkit::PreviewOptions::PLACEHOLDER_ID);
    assert_eq!(contact["created_at"], 0);
    assert_eq!(contact["tags"]["url"], "/contacts/preview/tags");
    let lead = preview_of(Format::Intercom, &json!({"role": "lead"}));
    assert_eq!(lead["role"], "lead");
    assert!(lead.get("email").is_none() && lead.get("email_domain").is_none());
    assert_eq!(lead["name"], Value::Null);
    let now: Timestamp = "2024-05-01T12:00:00Z".parse().expect("time");
    let at = preview(
        Format::Intercom,
        &json!({"role": "lead"}),
        &PreviewOptions::new().now(now),
    )
    .expect("preview");
    assert_eq!(at["created_at"], now.unix_seconds());
    assert_eq!(at["updated_at"], now.unix_seconds());
}

#[test]
fn bird_preview_computes_the_documented_members() {
    let email = json!({"key": "emailaddress", "value": "ada@example.com"});
    let phone = json!({"key": "phonenumber", "value": "+31612345678"});
    let visitor = json!({"key": "visitorid", "value": "v-1"});
    // (payload, computedDisplayName, identifierCount, isAnonymous)
    let cases = [
        (
            json!({"displayName": "Ada Lovelace"}),
            "Ada Lovelace",
            0,
            true,
        ),
        (
            json!({"displayName": "Ada Lovelace", "attributes": {"firstName": "Ada"}, "identifiers": [email]}),
            "Ada Lovelace",
            1,
            false,
        ),
        (
            json!({"displayName": "x", "attributes": {"displayName": "Countess"}, "identifiers": [phone, email]}),
            "Countess",
            2,
            false,
        ),
        (
            json!({"displayName": "Ada", "identifiers": [visitor]}),
            "Ada",
            1,
            true,
        ),
        (
            json!({"displayName": "Ada", "identifiers": [visitor, {"key": "visitorid", "value": "v-2"}]}),
            "Ada",
            2,
            true,
        ),
        (
            json!({"displayName": "Ada", "identifiers": [visitor, {"key": "external_id", "value": "u-1"}]}),
            "Ada",
            2,
            false,
        ),
    ];
    for (payload, name, count, anonymous) in cases {
        let contact = preview_of(Format::Bird, &payload);
        assert_eq!(contact["computedDisplayName"], name, "{payload}");
        assert_eq!(contact["identifierCount"], count, "{payload}");
        assert_eq!(contact["isAnonymous"], anonymous, "{payload}");
        assert_eq!(findings(Format::BirdContact, &contact), [], "{payload}");
    }
    let contact = preview_of(
        Format::Bird,
        &json!({"displayName": "Ada", "identifiers": [
            {"key": "emailaddress", "value": "ada@example.com", "properties": {"isGmail": false}},
            {"key": "emailaddress", "value": "ada@work.example"},
            {"key": "phonenumber", "value": "+31612345678"}],
            "attributes": {"plan": "pro"}, "listIds": ["123e4567-e89b-12d3-a456-426614174000"], "custom": 1}),
    );
    assert_eq!(
        contact,
        json!({
            "id": "preview",
            "computedDisplayName": "Ada",
            "createdAt": "1970-01-01T00:00:00Z",
            "updatedAt": "1970-01-01T00:00:00Z",
            "workspaceId": "preview",
            "featuredIdentifiers": [
                {"key": "emailaddress", "value": "ada@example.com"},
                {"key": "emailaddress", "value": "ada@work.example"},
                {"key": "phonenumber", "value": "+31612345678"}
            ],
            "attributes": {
                "plan": "pro",
                "displayName": "Ada",
                "emailaddress": ["ada@example.com", "ada@work.example"],
                "phonenumber": ["+31612345678"]
            },
            "identifierCount": 3,
            "accountIds": [],
            "listIds": ["123e4567-e89b-12d3-a456-426614174000"],
            "companyRefs": [],
            "isAnonymous": false
        })
    );
}

#[test]
fn helpscout_preview_is_the_get_customer_shape() {
    let contact = preview_of(
        Format::HelpScout,
        &json!({
            "firstName": "Vernon", "lastName": "Bear", "gender": "male", "organizationId": "35",
            "phone": "+1 555 0100",
            "emails": [{"type": "home", "value": "bear@acme.com"}, {"value": "vb@acme.com"}],
            "phones": [{"type": "work", "value": "222-333-4444"}],
            "socialProfiles": [{"type": "twitter", "value": "@me"}],
            "websites": [{"value": "http://home.com"}],
            "address": {"city": "Prague", "country": "CZ"},
            "properties": {"car": "Tesla"}
        }),
    );
    assert_eq!(
        contact,
        json!({
            "id": 0,
            "firstName": "Vernon",
            "lastName": "Bear",
            "gender": "Male",
            "organizationId": 35,
            "conversationCount": 0,
            "createdAt": "1970-01-01T00:00:00Z",
            "updatedAt": "1970-01-01T00:00:00Z",
            "draft": false,
            "_embedded": {
                "emails": [
                    {"id": 0, "value": "bear@acme.com", "type": "home"},
                    {"id": 0, "value": "vb@acme.com", "type": "work"}
                ],
                "phones": [
                    {"id": 0, "value": "+1 555 0100", "type": "other"},
                    {"id": 0, "value": "222-333-4444", "type": "work"}
                ],
                "chats": [],
                "social_profiles": [{"id": 0, "value": "@me", "type": "twitter"}],
                "websites": [{"id": 0, "value": "http://home.com"}],
                "properties": [{"slug": "car", "value": "Tesla"}],
                "address": {"city": "Prague", "country": "CZ", "lines": []}
            }
        })
    );
    assert_eq!(findings(Format::HelpScoutCustomer, &contact), []);
}

// ---------------------------------------------------------------------------------------------
// Round trips: read object → canonical → create payload → preview → read object.

/// The members an Intercom read object shares with the create payload, normalised (no value is
/// absent; `owner_id` as a number).
fn intercom_shared(o: &Value) -> Value {
    let mut out = Map::new();
    for member in [
        "external_id",
        "role",
        "email",
        "phone",
        "name",
        "signed_up_at",
        "last_seen_at",
    ] {
        if let Some(v) = o.get(member).filter(|v| !v.is_null() && *v != "") {
            out.insert(member.into(), v.clone());
        }
    }
    // Unset is Intercom's default, false.
    let unsubscribed = o["unsubscribed_from_emails"] == true;
    out.insert("unsubscribed_from_emails".into(), json!(unsubscribed));
    if let Some(v) = o.pointer("/avatar/image_url").filter(|v| !v.is_null()) {
        out.insert("avatar".into(), v.clone());
    }
    match o.get("owner_id") {
        Some(Value::String(s)) => {
            out.insert("owner_id".into(), json!(s.parse::<i64>().expect("digits")));
        }
        Some(v) if !v.is_null() => {
            out.insert("owner_id".into(), v.clone());
        }
        _ => {}
    }
    if let Some(Value::Object(map)) = o.get("custom_attributes") {
        if !map.is_empty() {
            out.insert("custom_attributes".into(), Value::Object(map.clone()));
        }
    }
    Value::Object(out)
}

/// The identifiers of a Bird read object, from its featured identifiers and attribute mirrors.
fn bird_identifiers(o: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |k: &str, v: &str| {
        let pair = (k.to_owned(), v.to_owned());
        if !out.contains(&pair) {
            out.push(pair);
        }
    };
    let featured = o["featuredIdentifiers"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut keys = vec!["emailaddress", "phonenumber", "external_id"];
    for f in &featured {
        if let (Some(k), Some(v)) = (f["key"].as_str(), f["value"].as_str()) {
            push(k, v);
        }
    }
    let featured_keys: Vec<String> = featured
        .iter()
        .filter_map(|f| f["key"].as_str().map(str::to_owned))
        .collect();
    keys.extend(featured_keys.iter().map(String::as_str));
    if let Some(Value::Object(attributes)) = o.get("attributes") {
        for (k, v) in attributes {
            if keys.contains(&k.as_str()) {
                for item in v.as_array().into_iter().flatten() {
                    if let Some(s) = item.as_str() {
                        push(k, s);
                    }
                }
            }
        }
    }
    out.sort();
    out
}

/// The members a Bird read object shares with the create payload.
fn bird_shared(o: &Value) -> Value {
    let ids = bird_identifiers(o);
    let keys: Vec<&str> = ids.iter().map(|(k, _)| k.as_str()).collect();
    let mut attributes = Map::new();
    if let Some(Value::Object(map)) = o.get("attributes") {
        for (k, v) in map {
            if !keys.contains(&k.as_str()) && !v.is_null() {
                attributes.insert(k.clone(), v.clone());
            }
        }
    }
    let list = |m: &str| {
        o.get(m)
            .cloned()
            .filter(|v| v != &json!([]))
            .unwrap_or(Value::Null)
    };
    json!({
        "identifiers": ids,
        "attributes": attributes,
        "accountIds": list("accountIds"),
        "listIds": list("listIds"),
        "companyRefs": list("companyRefs"),
    })
}

/// The members a Help Scout read object shares with the create payload.
fn helpscout_shared(o: &Value) -> Value {
    let mut out = Map::new();
    for member in [
        "firstName",
        "lastName",
        "jobTitle",
        "location",
        "organization",
        "photoUrl",
        "photoType",
        "age",
        "background",
    ] {
        if let Some(v) = o.get(member).filter(|v| !v.is_null() && *v != "") {
            out.insert(member.into(), v.clone());
        }
    }
    if let Some(Value::String(g)) = o.get("gender") {
        out.insert("gender".into(), json!(g.to_lowercase()));
    }
    if let Some(id) = o.get("organizationId").filter(|v| !v.is_null()) {
        let id = id
            .as_i64()
            .or_else(|| id.as_str().and_then(|s| s.parse().ok()))
            .expect("an integer");
        out.insert("organizationId".into(), json!(id));
    }
    let embedded = &o["_embedded"];
    // 2.0 lists in `_embedded`, then 1.0 lists at the top level (value in `url` for a social
    // profile, kind in `location` for an email or phone).
    let entries = |names: &[&str]| -> Value {
        let mut items: Vec<Value> = Vec::new();
        for place in [embedded, o] {
            for name in names {
                for item in place[*name].as_array().into_iter().flatten() {
                    let value = item.get("value").or_else(|| item.get("url"));
                    let kind = item.get("type").or_else(|| item.get("location"));
                    items.push(json!([value, kind]));
                }
            }
        }
        Value::Array(items)
    };
    out.insert("emails".into(), entries(&["emails"]));
    out.insert("phones".into(), entries(&["phones"]));
    out.insert("chats".into(), entries(&["chats"]));
    out.insert(
        "socialProfiles".into(),
        entries(&["social_profiles", "social-profiles", "socialProfiles"]),
    );
    out.insert("websites".into(), entries(&["websites"]));
    if let Some(Value::Object(address)) = embedded.get("address").or_else(|| o.get("address")) {
        let mut a = Map::new();
        for member in ["city", "state", "postalCode", "country"] {
            if let Some(v) = address.get(member).filter(|v| !v.is_null()) {
                a.insert(member.into(), v.clone());
            }
        }
        let lines = address.get("lines").cloned().unwrap_or(json!([]));
        // An address without values is no address.
        if !a.is_empty() || lines != json!([]) {
            a.insert("lines".into(), lines);
            out.insert("address".into(), Value::Object(a));
        }
    }
    let mut properties = Map::new();
    for item in embedded["properties"].as_array().into_iter().flatten() {
        if let (Some(slug), Some(value)) = (item["slug"].as_str(), item.get("value")) {
            properties.insert(slug.to_owned(), value.clone());
        }
    }
    out.insert("properties".into(), Value::Object(properties));
    Value::Object(out)
}

fn shared(format: Format, o: &Value) -> Value {
    match format {
        Format::IntercomContact => intercom_shared(o),
        Format::BirdContact => bird_shared(o),
        _ => helpscout_shared(o),
    }
}

/// read → create → preview; `Err` with a description when a step fails.
fn round_trip(read: Format, o: &Value) -> Result<Value, String> {
    let create = read.create_format().expect("a vendor's read format");
    let converted = convert(read, create, o, &strict()).map_err(|e| format!("convert: {e:?}"))?;
    preview(create, &converted.payload, &PreviewOptions::new())
        .map_err(|e| format!("preview of {}: {e:?}", converted.payload))
}

fn assert_round_trip(read: Format, o: &Value) -> Result<(), TestCaseError> {
    let back = round_trip(read, o).map_err(TestCaseError::fail)?;
    prop_assert_eq!(findings(read, &back), vec![], "{}", back);
    if read == Format::IntercomContact {
        prop_assert!(contact_schema().is_valid(&back), "{}", back);
    }
    let (before, after) = (shared(read, o), shared(read, &back));
    if read == Format::BirdContact {
        // Bird's display name: the create body's required displayName is stored as the
        // displayName attribute, so one the read object had comes back, and a contact without
        // one comes back with the one the conversion derived.
        let name = |v: &Value| v["attributes"]["displayName"].clone();
        let had = o["attributes"]["displayName"].clone();
        let had = if had.is_null() {
            // A computedDisplayName that is not derived is the name.
            let computed = o["computedDisplayName"].clone();
            let derived = computed == o["attributes"]["firstName"]
                || bird_identifiers(o)
                    .iter()
                    .any(|(_, v)| computed == json!(v));
            if derived {
                Value::Null
            } else {
                computed
            }
        } else {
            had
        };
        if !had.is_null() {
            prop_assert_eq!(name(&after), had);
        }
        let strip = |mut v: Value| {
            if let Some(a) = v["attributes"].as_object_mut() {
                a.remove("displayName");
            }
            v
        };
        prop_assert_eq!(strip(before), strip(after));
    } else {
        prop_assert_eq!(before, after);
    }
    Ok(())
}

#[test]
fn round_trips_of_the_fixtures() {
    let mut count = 0;
    for read in Format::READ {
        for path in fixtures(read) {
            let fixture = read_json(&path);
            let input = fixture["input"].clone();
            // A fixture of values the create format cannot take (they are noted instead) says
            // so, with the reason.
            if !validate(read, &input).is_valid() || fixture.get("round_trip").is_some() {
                continue;
            }
            // A record the create format cannot take is out of the round trip's scope.
            let create = read.create_format().expect("vendor");
            if convert(read, create, &input, &strict()).is_err() {
                continue;
            }
            count += 1;
            assert_round_trip(read, &input).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
    assert!(count >= 6, "{count} fixtures round-tripped");
}

// Generated read objects: values the create formats accept, so that every member the two shapes
// share must survive.

fn word() -> impl Strategy<Value = String> {
    "[A-Za-z][a-z]{0,8}"
}

fn email() -> impl Strategy<Value = String> {
    ("[a-z]{1,8}", "[a-z]{1,8}").prop_map(|(a, b)| format!("{a}@{b}.example"))
}

fn phone() -> impl Strategy<Value = String> {
    "\\+[1-9][0-9]{7,12}"
}

fn url() -> impl Strategy<Value = String> {
    "[a-z]{1,10}".prop_map(|p| format!("https://example.org/{p}"))
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        word().prop_map(Value::from),
        any::<i32>().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
    ]
}

fn optional<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

fn intercom_contact() -> impl Strategy<Value = Value> {
    (
        (
            optional("u-[0-9]{1,6}"),
            prop::sample::select(vec!["user", "lead"]),
            optional(email()),
            optional(phone()),
            optional("[A-Z][a-z]{1,6}( [A-Z][a-z]{1,8})?"),
            optional(url()),
        ),
        (
            optional(1i64..1_000_000),
            any::<bool>(),
            optional(0i64..4_000_000_000),
            optional(0i64..4_000_000_000),
            prop::collection::btree_map("[a-z_]{1,10}", scalar(), 0..4),
            optional(word()),
            any::<bool>(),
        ),
    )
        .prop_map(
            |((external_id, role, email, phone, name, avatar), (owner, unsub, signed, seen, custom, city, owner_as_string))| {
                // A user needs an email or an external id.
                let (external_id, email) = if role == "user" && external_id.is_none() && email.is_none() {
                    (Some("u-0".to_owned()), email)
                } else {
                    (external_id, email)
                };
                let owner = owner.map(|o| if owner_as_string { json!(o.to_string()) } else { json!(o) });
                json!({
                    "type": "contact",
                    "id": "6762f0dd1bb69f9f2193bb83",
                    "workspace_id": "ecahpwf5",
                    "external_id": external_id,
                    "role": role,
                    "email": email,
                    "phone": phone,
                    "name": name,
                    "avatar": avatar.map(|u| json!({"type": "avatar", "image_url": u})),
                    "owner_id": owner,
                    "unsubscribed_from_emails": unsub,
                    "created_at": 1734537437,
                    "signed_up_at": signed,
                    "last_seen_at": seen,
                    "location": {"type": "location", "city": city, "region": null, "country": null},
                    "custom_attributes": custom,
                    "tags": {"type": "list", "data": [], "url": "/contacts/x/tags", "total_count": 0, "has_more": false}
                })
            },
        )
}

fn bird_contact() -> impl Strategy<Value = Value> {
    (
        optional("[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}"),
        optional(word()),
        prop::collection::btree_set(email(), 0..3),
        prop::collection::btree_set(phone(), 0..3),
        optional("u-[0-9]{1,6}"),
        optional("v-[0-9]{1,6}"),
        prop::collection::btree_map("[a-z]{1,8}", scalar(), 0..3),
        0usize..3,
        any::<bool>(),
    )
        .prop_map(|(display, first, emails, phones, external, visitor, custom, featured, list)| {
            let emails: Vec<String> = emails.into_iter().collect();
            let phones: Vec<String> = phones.into_iter().collect();
            let mut attributes = Map::new();
            for (k, v) in custom {
                attributes.insert(format!("x{k}"), v);
            }
            if let Some(d) = &display {
                attributes.insert("displayName".into(), json!(d));
            }
            if let Some(f) = &first {
                attributes.insert("firstName".into(), json!(f));
            }
            let mut ids: Vec<(&str, String)> = Vec::new();
            ids.extend(emails.iter().map(|e| ("emailaddress", e.clone())));
            ids.extend(phones.iter().map(|p| ("phonenumber", p.clone())));
            ids.extend(external.iter().map(|e| ("external_id", e.clone())));
            ids.extend(visitor.iter().map(|v| ("visitorid", v.clone())));
            for (key, value) in &ids {
                let slot = attributes.entry((*key).to_owned()).or_insert_with(|| json!([]));
                if let Some(a) = slot.as_array_mut() {
                    a.push(json!(value));
                }
            }
            // Some identifiers are featured, the others only mirrored; a visitor id is featured
            // (its key is not a standard mirror key).
            let featured: Vec<Value> = ids
                .iter()
                .enumerate()
                .filter(|(i, (k, _))| *i < featured || *k == "visitorid")
                .map(|(_, (k, v))| json!({"key": k, "value": v}))
                .collect();
            let computed = display
                .clone()
                .or(first.clone())
                .or(emails.first().cloned())
                .or(phones.first().cloned());
            json!({
                "id": "123e4567-e89b-12d3-a456-426614174000",
                "computedDisplayName": computed,
                "createdAt": "2024-05-01T12:00:00Z",
                "updatedAt": "2024-05-01T12:00:00Z",
                "featuredIdentifiers": featured,
                "attributes": attributes,
                "identifierCount": ids.len(),
                "listIds": if list { json!(["123e4567-e89b-12d3-a456-426614174001"]) } else { json!([]) },
                "accountIds": [],
                "companyRefs": if list { json!(["acme"]) } else { json!([]) },
                "isAnonymous": ids.iter().all(|(k, _)| *k == "visitorid")
            })
        })
}

fn entry(
    value: impl Strategy<Value = String>,
    types: &'static [&'static str],
) -> impl Strategy<Value = Value> {
    (value, prop::sample::select(types)).prop_map(|(v, t)| json!({"id": 1, "value": v, "type": t}))
}

fn helpscout_customer() -> impl Strategy<Value = Value> {
    (
        (
            optional(word()),
            optional(word()),
            optional(prop::sample::select(vec!["Male", "Female", "Unknown", "male"])),
            optional("[A-Za-z ]{1,20}"),
            optional(url()),
            optional(prop::sample::select(vec!["unknown", "gravatar", "twitter"])),
            optional(1i64..10_000),
            optional("[0-9]{2}"),
        ),
        (
            prop::collection::vec(entry(email(), &["work", "home", "other"]), 0..3),
            prop::collection::vec(entry("[0-9-]{3,12}", &["home", "work", "mobile", "fax"]), 0..3),
            prop::collection::vec(entry(word(), &["aim", "skype", "other"]), 0..2),
            prop::collection::vec(entry(url(), &["twitter", "linkedin", "other"]), 0..2),
            prop::collection::vec(url().prop_map(|u| json!({"id": 3, "value": u})), 0..2),
            optional((optional(word()), optional("[A-Z]{2}"), prop::collection::vec(word(), 0..2))),
            prop::collection::btree_map("[a-z]{1,8}", prop_oneof![word().prop_map(Value::from), any::<i32>().prop_map(Value::from)], 0..3),
            prop::sample::select(vec!["social_profiles", "social-profiles"]),
        ),
    )
        .prop_map(
            |((first, last, gender, job, photo, photo_type, org, age), (emails, phones, chats, social, websites, address, properties, social_key))| {
                let mut embedded = Map::new();
                embedded.insert("emails".into(), json!(emails));
                embedded.insert("phones".into(), json!(phones));
                embedded.insert("chats".into(), json!(chats));
                embedded.insert(social_key.into(), json!(social));
                embedded.insert("websites".into(), json!(websites));
                let properties: Vec<Value> = properties
                    .into_iter()
                    .map(|(slug, value)| json!({"type": "text", "slug": format!("p{slug}"), "name": "P", "value": value, "text": "t", "source": {"name": "api"}}))
                    .collect();
                embedded.insert("properties".into(), json!(properties));
                if let Some((city, country, lines)) = address {
                    embedded.insert("address".into(), json!({"city": city, "country": country, "lines": lines}));
                }
                json!({
                    "id": 500,
                    "firstName": first,
                    "lastName": last,
                    "gender": gender,
                    "jobTitle": job,
                    "photoUrl": photo.unwrap_or_default(),
                    "photoType": photo_type,
                    "organizationId": org,
                    "age": age,
                    "conversationCount": 3,
                    "createdAt": "2012-07-23T12:34:12Z",
                    "updatedAt": "2012-07-24T20:18:33Z",
                    "draft": false,
                    "_embedded": embedded,
                    "_links": {"self": {"href": "https://api.helpscout.net/v2/customers/500"}}
                })
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn intercom_contacts_round_trip(o in intercom_contact()) {
        // An owner_id string (API 2.16) is a warning, nothing else is found.
        let found = findings(Format::IntercomContact, &o);
        prop_assert!(found.iter().all(|f| f.0 == "/owner_id" && f.2 == Severity::Warning), "{:?}", found);
        assert_round_trip(Format::IntercomContact, &o)?;
    }

    #[test]
    fn bird_contacts_round_trip(o in bird_contact()) {
        prop_assert_eq!(findings(Format::BirdContact, &o), vec![]);
        // A contact with nothing to display cannot be created in Bird.
        let create = convert(Format::BirdContact, Format::Bird, &o, &strict());
        prop_assume!(create.is_ok());
        assert_round_trip(Format::BirdContact, &o)?;
    }

    #[test]
    fn helpscout_customers_round_trip(o in helpscout_customer()) {
        prop_assert_eq!(findings(Format::HelpScoutCustomer, &o), vec![]);
        assert_round_trip(Format::HelpScoutCustomer, &o)?;
    }

    /// Every generated read object converts to every create format it can (or is rejected with
    /// findings), and no conversion loses a value without a note: every dropped note points into
    /// the read object.
    #[test]
    fn read_objects_convert_to_every_target(
        (format, o) in prop_oneof![
            intercom_contact().prop_map(|o| (Format::IntercomContact, o)),
            bird_contact().prop_map(|o| (Format::BirdContact, o)),
            helpscout_customer().prop_map(|o| (Format::HelpScoutCustomer, o)),
        ]
    ) {
        for to in Format::ALL {
            match convert(format, to, &o, &strict()) {
                Ok(c) => {
                    prop_assert!(validate(to, &c.payload).is_valid());
                    for note in &c.notes {
                        let doc = if note.code == NoteCode::Dropped { &o } else { &c.payload };
                        prop_assert!(doc.pointer(&note.path).is_some(), "{:?}", note);
                    }
                }
                Err(e) => {
                    let r = e.into_rejection();
                    prop_assert_eq!(r.stage, Stage::Target);
                    prop_assert!(r.issues.iter().any(|i| i.severity == Severity::Error));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Privacy: messages never echo values (SECURITY.md).

/// `value` with every string replaced by a unique marker (object keys are kept).
fn poison(value: &Value, n: &mut usize) -> Value {
    match value {
        Value::String(_) => {
            *n += 1;
            json!(format!("SECRET{n:04}"))
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| poison(v, n)).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), poison(v, n))).collect())
        }
        other => other.clone(),
    }
}

#[test]
fn messages_never_echo_read_object_values() {
    let mut checked = 0;
    for read in Format::READ {
        for path in fixtures(read) {
            let input = read_json(&path)["input"].clone();
            for record in [input.clone(), poison(&input, &mut 0)] {
                let mut messages: Vec<String> = validate(read, &record)
                    .issues
                    .into_iter()
                    .map(|i| i.message)
                    .collect();
                for to in Format::EVERY {
                    for lenient in [false, true] {
                        let options = ConvertOptions::new().lenient(lenient);
                        match convert(read, to, &record, &options) {
                            Ok(c) => messages.extend(c.notes.into_iter().map(|n| n.message)),
                            Err(e) => messages
                                .extend(e.into_rejection().issues.into_iter().map(|i| i.message)),
                        }
                    }
                }
                checked += messages.len();
                for message in messages {
                    assert!(
                        !message.contains("SECRET"),
                        "{}: a message echoes a value: {message}",
                        path.display()
                    );
                }
            }
        }
    }
    // Previews of poisoned create payloads: rejections never echo either.
    for (format, payload) in [
        (
            Format::Intercom,
            json!({"email": "SECRET-not-an-email", "role": "SECRET"}),
        ),
        (
            Format::Bird,
            json!({"displayName": "", "identifiers": [{"key": "phonenumber", "value": "SECRET"}]}),
        ),
        (
            Format::HelpScout,
            json!({"firstName": "SECRET".repeat(10), "gender": "SECRET"}),
        ),
    ] {
        let Err(Error::Rejected(r)) = preview(format, &payload, &PreviewOptions::new()) else {
            panic!("{format}: rejected");
        };
        checked += r.issues.len();
        assert!(
            r.issues.iter().all(|i| !i.message.contains("SECRET")),
            "{:?}",
            r.issues
        );
    }
    assert!(checked > 500, "{checked} messages checked");
}
