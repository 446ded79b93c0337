//! Host tests of the read formats and `preview` through the package's functions (issue 9):
//! the results are the core's, shaped as the other functions shape theirs.

use contactkit::{Format, PreviewOptions};
use serde_json::{json, Value};

use crate::api::{convert, form_fields, preview, schema, validate};
use crate::dto::ErrorCode;

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

#[test]
fn read_formats_work_in_every_function() {
    let contact = r#"{"type": "contact", "email": "ada@example.com", "location": {"city": "Dublin"}, "x": 1}"#;
    assert_eq!(
        validate("intercom-contact", contact, "").expect("ok"),
        crate::dto::NO_FINDINGS
    );
    let out = parse(&convert("intercom-contact", "helpscout", contact, "").expect("ok"));
    assert_eq!(out["ok"], true);
    assert_eq!(out["payload"]["address"]["city"], "Dublin");
    let out = parse(&convert("intercom", "intercom-contact", contact, "").expect("ok"));
    assert_eq!(out["ok"], false);
    assert_eq!(out["stage"], "target");
    assert_eq!(out["issues"][0]["code"], "enum");
    for format in Format::READ {
        assert_eq!(
            parse(&schema(format.id()).expect("ok")),
            parse(format.schema())
        );
        assert!(parse(&form_fields(format.id()).expect("ok")).is_array());
    }
}

#[test]
fn preview_returns_the_cores_object_or_rejection() {
    let payload =
        r#"{"displayName": "Ada", "identifiers": [{"key": "visitorid", "value": "v-1"}]}"#;
    let out = parse(&preview("bird", payload, r#"{"now": "2024-05-01T12:00:00Z"}"#).expect("ok"));
    let now = "2024-05-01T12:00:00Z".parse().expect("time");
    let core = contactkit::preview(
        Format::Bird,
        &parse(payload),
        &PreviewOptions::new().now(now),
    )
    .expect("previews");
    assert_eq!(out, json!({"ok": true, "payload": core}));
    assert_eq!(out["payload"]["isAnonymous"], true);

    let out = parse(&preview("intercom", r#"{"role": "user"}"#, "").expect("ok"));
    assert_eq!(out["ok"], false);
    assert_eq!(out["stage"], "source");
    assert_eq!(out["issues"][0]["code"], "required");

    // What validate rejects and a parsed value cannot show: validate's findings.
    for (payload, code) in [
        (
            r#"{"email": "ada@example.com", "email": "grace@example.com"}"#,
            "duplicate",
        ),
        (
            r#"{"email": "ada@example.com", "custom_attributes": {"seats": 1e400}}"#,
            "out_of_range",
        ),
    ] {
        let out = parse(&preview("intercom", payload, "").expect("result"));
        let validated = parse(&validate("intercom", payload, "").expect("validation"));
        assert_eq!(out["ok"], false, "{payload}");
        assert_eq!(out["stage"], "source", "{payload}");
        assert_eq!(out["issues"][0]["code"], code, "{payload}");
        assert_eq!(out["issues"], validated["issues"], "{payload}");
    }

    for format in ["sequence", "canonical", "bird-contact"] {
        let e = preview(format, "{}", "").expect_err(format);
        assert_eq!(e.code, ErrorCode::NoPreview, "{format}");
    }
    assert_eq!(
        preview("nope", "{}", "").expect_err("unknown").code,
        ErrorCode::UnknownFormat
    );
    assert_eq!(
        preview("bird", "[]", "").expect_err("array").code,
        ErrorCode::NotAnObject
    );
    assert_eq!(
        preview("bird", "{", "").expect_err("json").code,
        ErrorCode::InvalidJson
    );
    for options in [
        r#"{"now": "yesterday"}"#,
        r#"{"now": 5}"#,
        r#"{"lenient": true}"#,
    ] {
        assert_eq!(
            preview("bird", r#"{"displayName": "Ada"}"#, options)
                .expect_err(options)
                .code,
            ErrorCode::InvalidOption,
            "{options}"
        );
    }
}
