//! The read formats and `contactkit preview` on the command line (issue 9; docs/READ-FORMATS.md):
//! `--from intercom-contact` and friends in `validate` and `convert`, `--to` refusing them,
//! `schema` for them, and `preview` with the output, reject lines, envelope and exit statuses of
//! `convert`. The library is the oracle for every output line.

use std::fs;
use std::path::Path;

use contactkit::{convert, preview, ConvertOptions, Format, PreviewOptions, Timestamp};
use serde_json::{json, Value};

use crate::support::cli::{convert_args, lines, run};
use crate::support::vendor_spec;

fn ndjson(records: &[Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

/// The example 200 response of Intercom's 2.15 spec.
fn intercom_example() -> Value {
    vendor_spec::intercom_spec()["examples"]["create_response_200"].clone()
}

/// A usage error: exit 2, nothing on standard output, exactly one line on standard error.
fn assert_usage_error(args: &[&str], needles: &[&str]) {
    let (code, out, err) = run(args, "{}\n");
    assert_eq!(code, 2, "{args:?}: {err}");
    assert_eq!(out, "", "{args:?}");
    assert_eq!(err.lines().count(), 1, "{args:?}: one line expected: {err}");
    for needle in needles {
        assert!(err.contains(needle), "{args:?}: {err:?} lacks {needle:?}");
    }
}

#[test]
fn read_formats_are_accepted_where_formats_are_read() {
    for format in Format::READ {
        let (code, out, _) = run(&["schema", format.id()], "");
        assert_eq!(code, 0);
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../schemas")
            .join(format!("{}.schema.json", format.id()));
        assert_eq!(out, fs::read_to_string(path).expect("schema file"));
    }
    for cmd in ["validate", "convert", "preview"] {
        let (code, out, _) = run(&[cmd, "--help"], "");
        assert_eq!(code, 0);
        for format in Format::READ {
            assert!(out.contains(format.id()), "{cmd} --help lists {format}");
        }
    }
}

#[test]
fn convert_from_a_read_format() {
    let example = intercom_example();
    let full = json!({
        "type": "contact", "id": "5ba682d23d7cf92bef87bfd4", "external_id": "u-1", "role": "user",
        "email": "ada@example.com", "name": "Ada Lovelace",
        "location": {"type": "location", "city": "Dublin", "region": "Dublin", "country": "Ireland"},
        "browser": "Chrome", "os": "Mac OS X", "utm_source": "newsletter"
    });
    let input = ndjson(&[example.clone(), full.clone()]);
    let (code, out, err) = run(
        &["convert", "--from", "intercom-contact", "--to", "sequence"],
        input.clone(),
    );
    // The spec's example has no external id: Sequence rejects it (record 1).
    assert_eq!(code, 1, "{err}");
    let expected = convert(
        Format::IntercomContact,
        Format::Sequence,
        &full,
        &ConvertOptions::new(),
    )
    .expect("converts");
    assert_eq!(lines(&out), std::slice::from_ref(&expected.payload));
    assert_eq!(expected.payload["city"], "Dublin");
    assert_eq!(expected.payload["os"], "Mac OS X");
    let reject = lines(err.lines().next().unwrap_or_default());
    assert_eq!(reject[0]["record"], 1);
    assert_eq!(reject[0]["issues"][0]["path"], "/externalId");
    assert!(err.contains("2 records read, 1 converted from intercom-contact to sequence"));

    // --envelope: one line per record, with the notes.
    let (code, out, _) = run(
        &convert_args("intercom-contact", "helpscout", &["--envelope"]),
        input,
    );
    assert_eq!(code, 0);
    let out = lines(&out);
    assert_eq!(out.len(), 2);
    for (line, record) in out.iter().zip([&example, &full]) {
        let expected = convert(
            Format::IntercomContact,
            Format::HelpScout,
            record,
            &ConvertOptions::new(),
        )
        .expect("converts");
        assert_eq!(line["payload"], expected.payload);
        assert_eq!(
            line["notes"],
            serde_json::to_value(&expected.notes).expect("notes")
        );
    }
}

#[test]
fn validate_a_read_format_leniently() {
    let records = [
        json!({"id": "x", "attributes": {"displayName": "Ada", "deep": {"a": [1]}}, "undocumented": true}),
        json!({"featuredIdentifiers": {"key": "emailaddress"}}),
    ];
    let (code, out, _) = run(&["validate", "--vendor", "bird-contact"], ndjson(&records));
    assert_eq!(code, 1);
    let out = lines(&out);
    assert_eq!(out[0], json!({"record": 1, "valid": true, "issues": []}));
    assert_eq!(out[1]["valid"], false);
    assert_eq!(out[1]["issues"][0]["code"], "type");
    assert_eq!(out[1]["issues"][0]["path"], "/featuredIdentifiers");
    let (code, out, _) = run(
        &["validate", "--vendor", "intercom-contact"],
        ndjson(&[intercom_example()]),
    );
    assert_eq!(code, 0);
    assert_eq!(lines(&out)[0]["issues"], json!([]));
}

#[test]
fn convert_to_a_read_format_is_a_usage_error() {
    assert_usage_error(
        &["convert", "--from", "intercom", "--to", "intercom-contact"],
        &["read format", "--to intercom", "preview --vendor intercom"],
    );
    assert_usage_error(
        &convert_args("bird-contact", "helpscout-customer", &[]),
        &["--to helpscout"],
    );
}

#[test]
fn preview_without_a_documented_response_is_a_usage_error() {
    assert_usage_error(
        &["preview", "--vendor", "sequence"],
        &["no preview", "undocumented"],
    );
    assert_usage_error(&["preview", "--vendor", "canonical"], &["no preview"]);
    assert_usage_error(
        &["preview", "--vendor", "intercom-contact"],
        &["read format"],
    );
    assert_usage_error(&["preview"], &["--vendor"]);
    assert_usage_error(
        &["preview", "--vendor", "bird", "--now", "yesterday"],
        &["--now"],
    );
    assert_usage_error(
        &[
            "preview",
            "--vendor",
            "bird",
            "--envelope",
            "--rejects",
            "r",
        ],
        &["--envelope"],
    );
}

#[test]
fn preview_writes_what_the_library_previews() {
    for (vendor, records) in [
        (
            Format::Intercom,
            vec![
                json!({"email": "ada@example.com", "custom_attributes": {"plan": "pro"}}),
                json!({"role": "lead", "phone": "+353871234567"}),
            ],
        ),
        (
            Format::Bird,
            vec![
                json!({"displayName": "Ada", "identifiers": [{"key": "visitorid", "value": "v-1"}]}),
                json!({"displayName": "Ada", "attributes": {"firstName": "Ada"},
                       "identifiers": [{"key": "emailaddress", "value": "ada@example.com"}]}),
            ],
        ),
        (
            Format::HelpScout,
            vec![json!({"firstName": "Ada", "gender": "female",
                        "emails": [{"type": "work", "value": "ada@example.com"}]})],
        ),
    ] {
        let (code, out, err) = run(&["preview", "--vendor", vendor.id()], ndjson(&records));
        assert_eq!(code, 0, "{vendor}: {err}");
        let expected: Vec<Value> = records
            .iter()
            .map(|r| preview(vendor, r, &PreviewOptions::new()).expect("previews"))
            .collect();
        assert_eq!(lines(&out), expected, "{vendor}");
        let response = vendor.response_format().expect("a response");
        assert!(
            err.contains(&format!("previewed as {response}, 0 rejected")),
            "{err}"
        );
    }
}

#[test]
fn preview_rejects_invalid_records_like_convert() {
    let input = "{\"email\": \"ada@example.com\"}\n{\"role\": \"user\"}\nnot json\n[1]\n";
    let (code, out, err) = run(&["preview", "--vendor", "intercom"], input);
    assert_eq!(code, 1);
    assert_eq!(lines(&out).len(), 1);
    let rejects: Vec<Value> = err
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let numbers: Vec<&Value> = rejects.iter().map(|r| &r["record"]).collect();
    assert_eq!(numbers, [&json!(2), &json!(3), &json!(4)]);
    assert!(rejects.iter().all(|r| r["stage"] == "source"));
    assert_eq!(rejects[0]["issues"][0]["code"], "required");
    assert_eq!(rejects[1]["issues"][0]["code"], "syntax");
    assert_eq!(rejects[2]["issues"][0]["code"], "type");
    assert!(err.contains("4 records read, 1 previewed as intercom-contact, 3 rejected"));

    // --rejects PATH and --output PATH.
    let dir = tempfile::tempdir().expect("temp dir");
    let (rejects, output) = (
        dir.path().join("rejects.ndjson"),
        dir.path().join("out.ndjson"),
    );
    let (code, out, err) = run(
        &[
            "preview",
            "--vendor",
            "intercom",
            "--rejects",
            rejects.to_str().expect("path"),
            "--output",
            output.to_str().expect("path"),
        ],
        input,
    );
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        lines(&fs::read_to_string(&rejects).expect("rejects")).len(),
        3
    );
    assert_eq!(
        lines(&fs::read_to_string(&output).expect("output")).len(),
        1
    );

    // --envelope: one line per record, exit 0.
    let (code, out, _) = run(&["preview", "--vendor", "intercom", "--envelope"], input);
    assert_eq!(code, 0);
    let out = lines(&out);
    assert_eq!(out.len(), 4);
    assert_eq!(out[0]["ok"], true);
    assert_eq!(out[0]["payload"]["email_domain"], "example.com");
    assert_eq!(
        out.iter().map(|l| l["record"].clone()).collect::<Vec<_>>(),
        [json!(1), json!(2), json!(3), json!(4)]
    );
    assert!(out[1..]
        .iter()
        .all(|l| l["ok"] == false && l["stage"] == "source"));
}

#[test]
fn preview_now_sets_the_vendor_times() {
    let (code, out, _) = run(
        &[
            "preview",
            "--vendor",
            "bird",
            "--now",
            "2024-05-01T14:00:00+02:00",
        ],
        "{\"displayName\": \"Ada\"}\n",
    );
    assert_eq!(code, 0);
    let now: Timestamp = "2024-05-01T12:00:00Z".parse().expect("time");
    let expected = preview(
        Format::Bird,
        &json!({"displayName": "Ada"}),
        &PreviewOptions::new().now(now),
    )
    .expect("previews");
    assert_eq!(lines(&out), [expected]);
    assert_eq!(lines(&out)[0]["createdAt"], "2024-05-01T12:00:00Z");
}

#[test]
fn preview_keeps_input_order_in_parallel() {
    let records: Vec<Value> = (0..3000)
        .map(|i| {
            if i % 7 == 3 {
                json!({"firstName": ""})
            } else {
                json!({"firstName": format!("F{i}"), "emails": [{"value": format!("u{i}@example.com")}]})
            }
        })
        .collect();
    let (code, out, err) = run(
        &[
            "preview",
            "--vendor",
            "helpscout",
            "--threads",
            "4",
            "--batch-records",
            "50",
            "--envelope",
        ],
        ndjson(&records),
    );
    assert_eq!(code, 0, "{err}");
    let out = lines(&out);
    assert_eq!(out.len(), records.len());
    for (i, (line, record)) in out.iter().zip(&records).enumerate() {
        assert_eq!(line["record"], i + 1);
        match preview(Format::HelpScout, record, &PreviewOptions::new()) {
            Ok(object) => assert_eq!(line["payload"], object),
            Err(_) => assert_eq!(line["ok"], false),
        }
    }
}

#[test]
fn read_object_to_create_payload_to_preview_on_the_command_line() {
    // A Bird contact as Bird returns it → a Bird create payload → what Bird will return.
    let contact = json!({
        "id": "123e4567-e89b-12d3-a456-426614174000",
        "computedDisplayName": "John Doe",
        "featuredIdentifiers": [{"key": "emailaddress", "value": "john@example.com"}],
        "attributes": {"displayName": "John Doe", "firstName": "John", "emailaddress": ["john@example.com"], "plan": "pro"},
        "identifierCount": 1,
        "isAnonymous": false
    });
    let (code, create, err) = run(
        &["convert", "--from", "bird-contact", "--to", "bird"],
        ndjson(std::slice::from_ref(&contact)),
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(&["preview", "--vendor", "bird"], create);
    assert_eq!(code, 0, "{err}");
    let back = &lines(&out)[0];
    assert_eq!(back["computedDisplayName"], "John Doe");
    assert_eq!(back["attributes"]["firstName"], "John");
    assert_eq!(back["attributes"]["plan"], "pro");
    assert_eq!(
        back["attributes"]["emailaddress"],
        json!(["john@example.com"])
    );
    assert_eq!(back["featuredIdentifiers"], contact["featuredIdentifiers"]);
    assert_eq!(back["identifierCount"], 1);
}
