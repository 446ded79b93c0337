//! Hostile input through the library: every case gets a defined result (the exact findings),
//! within bounded time and memory. The command line's own cases (a 20 MB line, CRLF, a byte
//! order mark on standard input) are in crates/cli/tests/cli/hostile_cli.rs.
//!
//! Limits these tests pin down (SECURITY.md): JSON text nests at most 127 arrays/objects
//! (serde_json's recursion limit of 128), numbers beyond the range of a 64-bit float are
//! `out_of_range`, strings must be UTF-8 without lone surrogates, lengths count Unicode scalar
//! values.

use std::time::{Duration, Instant};

#[cfg(feature = "convert")]
use contactkit::{convert, convert_str, ConvertOptions, Converted, Rejection, Stage};
use contactkit::{validate, Code, Format, Report, Severity, Validator};
use serde_json::{json, Value};

/// `(path, code, severity)` of every finding, in order.
fn found(report: &Report) -> Vec<(String, Code, Severity)> {
    report
        .issues
        .iter()
        .map(|i| (i.path.clone(), i.code, i.severity))
        .collect()
}

fn one(path: &str, code: Code, severity: Severity) -> Vec<(String, Code, Severity)> {
    vec![(path.to_owned(), code, severity)]
}

fn text(format: Format, json: &[u8]) -> Report {
    Validator::new(format).validate_slice(json)
}

/// Validates `json` as text and, when it parses, as a value; both must give `expected`.
fn both(format: Format, json: &str, expected: &[(String, Code, Severity)]) {
    assert_eq!(
        found(&text(format, json.as_bytes())),
        expected,
        "text: {json:.200}"
    );
    if let Ok(value) = serde_json::from_str::<Value>(json) {
        assert_eq!(
            found(&validate(format, &value)),
            expected,
            "value: {json:.200}"
        );
    }
}

/// The single `syntax` finding at `""`, whose message contains `what`.
fn assert_syntax(report: &Report, what: &str) {
    assert_eq!(found(report), one("", Code::Syntax, Severity::Error));
    let message = &report.issues[0].message;
    assert!(message.contains(what), "{message:?} lacks {what:?}");
}

fn timed<T>(limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < limit, "took {took:?}, more than {limit:?}");
    out
}

// --- Nesting -----------------------------------------------------------------------------

#[test]
fn json_nested_100_000_levels_is_one_syntax_finding() {
    let arrays = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let objects = format!("{}1{}", r#"{"a":"#.repeat(100_000), "}".repeat(100_000));
    // Inside a member that no rule looks at, and inside one that has rules.
    let in_member = format!(
        r#"{{"externalId": "1", "custom": {arrays}, "displayName": "x", "emails": {arrays}}}"#
    );
    for format in Format::ALL {
        for json in [&arrays, &objects, &in_member] {
            let report = timed(Duration::from_secs(2), || text(format, json.as_bytes()));
            assert_syntax(&report, "recursion limit exceeded");
            // The parsed-value entry points never see it: serde_json refuses to build it.
            assert!(serde_json::from_str::<Value>(json).is_err());
        }
    }
}

#[test]
fn nesting_limit_is_127_levels_for_text_and_values_alike() {
    // The record object is level 1; an undocumented member holds the rest.
    let member = |levels: usize| {
        format!(
            r#"{{"externalId": "1", "x": {}{}}}"#,
            "[".repeat(levels - 1),
            "]".repeat(levels - 1)
        )
    };
    let ok = member(127);
    assert!(text(Format::Sequence, ok.as_bytes()).issues.is_empty());
    let value: Value = serde_json::from_str(&ok).expect("127 levels parse");
    assert!(validate(Format::Sequence, &value).issues.is_empty());
    assert_syntax(
        &text(Format::Sequence, member(128).as_bytes()),
        "recursion limit exceeded",
    );
}

/// A value nested `depth` arrays deep, built without recursion.
fn deep_value(depth: usize) -> Value {
    let mut v = Value::Array(Vec::new());
    for i in 1..depth {
        // Not `json!({"a": v})`: the macro serialises `v`, recursively.
        v = if i % 2 == 0 {
            Value::Array(vec![v])
        } else {
            Value::Object(std::iter::once(("a".to_owned(), v)).collect())
        };
    }
    v
}

/// A deep value that is dropped without recursion, even when a test fails: serde_json's own
/// `Drop` recurses and overflows the stack on it. (That is the caller's value, not something
/// contactkit builds: no library entry point builds a `Value` without serde_json's limit.)
struct Deep(Value);

impl Drop for Deep {
    fn drop(&mut self) {
        let mut stack = vec![self.0.take()];
        while let Some(mut v) = stack.pop() {
            match &mut v {
                Value::Array(items) => stack.append(items),
                Value::Object(map) => {
                    stack.extend(std::mem::take(map).into_iter().map(|(_, v)| v));
                }
                _ => {}
            }
        }
    }
}

#[test]
fn a_value_built_100_000_levels_deep_is_refused_without_walking_it() {
    // Not reachable from text (see above), but a caller may build one in code. Walking it
    // recursively would overflow the stack; validate measures the depth first, iteratively.
    let deep = Deep(deep_value(100_000));
    for format in Format::ALL {
        let report = timed(Duration::from_secs(2), || validate(format, &deep.0));
        assert_syntax(&report, "nested more than 127 levels");
    }
    let mut wrapped = Deep(json!({ "externalId": "1" }));
    wrapped.0["x"] = deep_value(100_000);
    assert_syntax(
        &validate(Format::Sequence, &wrapped.0),
        "nested more than 127 levels",
    );
}

#[test]
fn a_value_at_the_nesting_limit_is_walked() {
    for (depth, deep_ok) in [(127, true), (128, false)] {
        let mut record = json!({ "externalId": "1" });
        record["x"] = deep_value(depth - 1);
        let report = validate(Format::Sequence, &record);
        assert_eq!(
            report.issues.is_empty(),
            deep_ok,
            "{depth}: {:?}",
            report.issues
        );
        // The same record as text gives the same verdict.
        let text_report = text(Format::Sequence, record.to_string().as_bytes());
        assert_eq!(text_report.issues.is_empty(), deep_ok, "{depth}");
    }
}

// --- Size ------------------------------------------------------------------------------

#[test]
fn a_50_mb_string_value_is_measured_not_echoed() {
    let big = "a".repeat(50 << 20);
    let json = format!(r#"{{"firstName": "{big}"}}"#);
    let report = timed(Duration::from_secs(20), || {
        text(Format::HelpScout, json.as_bytes())
    });
    assert_eq!(
        found(&report),
        one("/firstName", Code::TooLong, Severity::Error)
    );
    assert_eq!(
        report.issues[0].message,
        format!("is {} characters long, the maximum is 40", 50 << 20)
    );
    // Sequence: no documented limit, the 255-character column is a warning.
    let json = format!(r#"{{"externalId": "1", "firstName": "{big}"}}"#);
    let report = text(Format::Sequence, json.as_bytes());
    assert_eq!(
        found(&report),
        one("/firstName", Code::TooLong, Severity::Warning)
    );
    // Where no rule looks (an undocumented Help Scout member), only its name is reported.
    let json = format!(r#"{{"notes": "{big}"}}"#);
    let report = text(Format::HelpScout, json.as_bytes());
    assert_eq!(
        found(&report),
        one("/notes", Code::UnknownField, Severity::Warning)
    );
    assert!(report.issues.iter().all(|i| i.message.len() < 200));
}

#[test]
fn a_long_array_of_unique_items_is_checked_in_linear_time() {
    // Uniqueness is checked for Bird identifiers; 50,000 distinct ones must not take
    // quadratic time (a 16 MiB record holds half a million of them).
    let ids: Vec<Value> = (0..50_000)
        .map(|i| json!({"key": "emailaddress", "value": format!("u{i}@example.com")}))
        .collect();
    let mut record = json!({"displayName": "Ada", "identifiers": ids});
    let json = record.to_string();
    let report = timed(Duration::from_secs(5), || {
        text(Format::Bird, json.as_bytes())
    });
    assert!(report.issues.is_empty(), "{:?}", &report.issues[..3]);
    // One repeat at the end is found, at its index.
    record["identifiers"]
        .as_array_mut()
        .expect("array")
        .push(json!({"key": "emailaddress", "value": "u7@example.com"}));
    let report = timed(Duration::from_secs(5), || validate(Format::Bird, &record));
    assert_eq!(
        found(&report),
        one("/identifiers/50000", Code::Duplicate, Severity::Error)
    );
    // Help Scout property slugs are unique too.
    let properties: Vec<Value> = (0..50_000)
        .map(|i| json!({"slug": format!("p{i}"), "value": "x"}))
        .collect();
    let record = json!({ "properties": properties });
    let report = timed(Duration::from_secs(5), || {
        validate(Format::HelpScout, &record)
    });
    assert!(report.issues.is_empty());
}

// --- Numbers -------------------------------------------------------------------------------

#[test]
fn numbers_at_and_beyond_the_edges() {
    let ic = Format::Intercom;
    // 1e999 is valid JSON, but beyond the range of a 64-bit float: no parser holds it
    // (serde_json refuses the text). It is out_of_range at its own path, wherever a value is
    // accepted, and the rest of the record is still validated (docs/RULES.md#numbers).
    assert!(serde_json::from_str::<Value>("1e999").is_err());
    let beyond = |path: &str| (path.to_owned(), Code::OutOfRange, Severity::Error);
    assert_eq!(
        found(&text(
            ic,
            br#"{"email": "a@example.com", "signed_up_at": 1e999}"#
        )),
        [beyond("/signed_up_at")]
    );
    assert_eq!(
        found(&text(
            ic,
            br#"{"email": "nope", "custom_attributes": {"a": -1e400, "b": [], "c": 1e-400}}"#
        )),
        // In document order, as every finding.
        [
            ("/email".to_owned(), Code::Format, Severity::Error),
            beyond("/custom_attributes/a"),
            (
                "/custom_attributes/b".to_owned(),
                Code::Type,
                Severity::Error
            ),
        ]
    );
    // Anywhere: an undocumented member, an array item, an integer of 310 digits.
    let digits = "9".repeat(310);
    let record =
        format!(r#"{{"externalId": "u", "trait": [1, {{"deep": {digits}}}], "phone": 2e308}}"#);
    assert_eq!(
        found(&text(Format::Sequence, record.as_bytes())),
        [
            beyond("/trait/1/deep"),
            beyond("/phone"),
            ("/phone".to_owned(), Code::Type, Severity::Error),
        ]
    );
    // A syntax error elsewhere in the text is still the one finding, at its own position.
    assert_syntax(
        &text(ic, br#"{"email": "a@example.com", "a": 1e400, "b": }"#),
        "expected value (line 1, column 45)",
    );
    // The number ends where the JSON number grammar ends it: what follows is not part of it.
    assert_syntax(
        &text(ic, br#"{"email": "a@example.com", "a": 1e400.5}"#),
        "expected `,` or `}` (line 1, column 38)",
    );
    assert_syntax(
        &text(ic, b"[1e99999999999e]"),
        "expected `,` or `]` (line 1, column 15)",
    );
    // 100,000 of them are found in one linear pass.
    let many = format!(
        r#"{{"externalId": "u", "n": [{}1]}}"#,
        "1e400,".repeat(100_000)
    );
    let report = timed(Duration::from_secs(5), || {
        text(Format::Sequence, many.as_bytes())
    });
    assert_eq!(report.issues.len(), 100_000);
    assert_eq!(report.issues[99_999].path, "/n/99999");
    // 1.7976931348623157e308 is f64::MAX, in range.
    both(
        Format::Sequence,
        r#"{"externalId": "u", "n": 1.7976931348623157e308}"#,
        &[],
    );
    // -0 is the integer 0.
    both(ic, r#"{"email": "a@example.com", "signed_up_at": -0}"#, &[]);
    both(
        ic,
        r#"{"email": "a@example.com", "signed_up_at": -0.0}"#,
        &[],
    );
    // Integers outside i64 are out_of_range, never wrapped or saturated.
    for n in [
        "18446744073709551616",
        "18446744073709551615",
        "9223372036854775808",
        "-9223372036854777856",
        "1e300",
        "-1e300",
    ] {
        both(
            ic,
            &format!(r#"{{"email": "a@example.com", "last_seen_at": {n}}}"#),
            &one("/last_seen_at", Code::OutOfRange, Severity::Error),
        );
    }
    both(
        ic,
        r#"{"email": "a@example.com", "last_seen_at": 9223372036854775807}"#,
        &[],
    );
    // Below -2^63 serde_json reads a float, and -2^63-1 rounds to -2^63 (i64::MIN), which is in
    // range: the limit of a parser without arbitrary precision, documented in SECURITY.md.
    both(
        ic,
        r#"{"email": "a@example.com", "last_seen_at": -9223372036854775809}"#,
        &[],
    );
    // A fraction is not an integer; a number is not a string.
    both(
        ic,
        r#"{"email": "a@example.com", "owner_id": 1.5}"#,
        &one("/owner_id", Code::Type, Severity::Error),
    );
    both(
        Format::HelpScout,
        r#"{"firstName": -0}"#,
        &one("/firstName", Code::Type, Severity::Error),
    );
    // Help Scout property values are integers in the i64 range.
    both(
        Format::HelpScout,
        r#"{"properties": [{"slug": "seats", "value": 18446744073709551616}]}"#,
        &one("/properties/0/value", Code::OutOfRange, Severity::Error),
    );
}

// --- Duplicate keys --------------------------------------------------------------------------

/// `convert_str` rejects at the source stage exactly what `validate_str` reports: a number
/// beyond the range of a 64-bit float (which serde_json cannot parse), a repeated member name
/// (which a parsed value cannot show), and both in one record.
#[cfg(feature = "convert")]
#[test]
fn convert_str_rejects_what_validate_str_reports_from_the_text() {
    for (format, json) in [
        (
            Format::Intercom,
            r#"{"email": "a@example.com", "custom_attributes": {"x": 1e400}}"#,
        ),
        (
            Format::Sequence,
            r#"{"externalId": "u", "plan": 1e999, "plan": "pro"}"#,
        ),
        (
            Format::HelpScout,
            r#"{"firstName": "Ada", "firstName": "Grace", "age": -1e400}"#,
        ),
        (
            Format::BirdContact,
            r#"{"id": "x", "attributes": {"n": 1e400, "": 2}}"#,
        ),
    ] {
        let validated = contactkit::validate_str(format, json);
        assert!(!validated.is_valid(), "{json}");
        let rejection = convert_str(format, Format::Canonical, json, &ConvertOptions::new())
            .expect_err(json)
            .into_rejection();
        assert_eq!(rejection.stage, Stage::Source, "{json}");
        assert_eq!(rejection.issues, validated.issues, "{json}");
        assert!(
            rejection.issues.iter().all(|i| i.code != Code::Syntax),
            "{json}: {:?}",
            rejection.issues
        );
    }
}

/// `convert_str_each` gives, target by target, what `convert_str` gives (a read format as a
/// target is refused before the source is looked at, as by `convert_str`), and `preview_str`
/// rejects what `validate_str` reports and previews what `preview` previews.
#[cfg(feature = "convert")]
#[test]
fn convert_str_each_and_preview_str_read_text_as_convert_str_does() {
    let targets = [
        Format::Intercom,
        Format::BirdContact,
        Format::Bird,
        Format::Sequence,
        Format::Canonical,
    ];
    let mut previews = 0;
    for json in [
        r#"{"email": "ada@example.com", "name": "Ada Lovelace", "external_id": "u-1"}"#,
        r#"{"email": "ada@example.com", "email": "grace@example.com"}"#,
        r#"{"email": "ada@example.com", "custom_attributes": {"x": 1e400}}"#,
        r#"{"email": "ada@example.com", "custom_attributes": {"": 1}}"#,
        r#"{"email": "ada@example.com""#,
        "[1]",
    ] {
        let options = ConvertOptions::new();
        let each = contactkit::convert_str_each(Format::Intercom, &targets, json, &options);
        let one: Vec<_> = targets
            .iter()
            .map(|&to| convert_str(Format::Intercom, to, json, &options))
            .collect();
        assert_eq!(each, one, "{json}");

        let previewed =
            contactkit::preview_str(Format::Intercom, json, &contactkit::PreviewOptions::new());
        let validated = contactkit::validate_str(Format::Intercom, json);
        if validated.is_valid() {
            let value: Value = serde_json::from_str(json).expect("valid text parses");
            let expected =
                contactkit::preview(Format::Intercom, &value, &contactkit::PreviewOptions::new());
            assert_eq!(previewed, expected, "{json}");
            assert!(previewed.is_ok(), "{json}");
            assert!(each[0].is_ok(), "{json}");
            previews += 1;
        } else {
            let Err(contactkit::Error::Rejected(rejection)) = previewed else {
                panic!("{json}: not rejected: {previewed:?}");
            };
            assert_eq!(rejection.stage, Stage::Source, "{json}");
            assert_eq!(rejection.issues, validated.issues, "{json}");
        }
    }
    assert_eq!(previews, 1, "one valid text");
    // A format without a response object, whatever the text.
    assert_eq!(
        contactkit::preview_str(Format::Sequence, "{", &contactkit::PreviewOptions::new()),
        Err(contactkit::Error::NoPreview(Format::Sequence))
    );
}

/// `(path, code, severity)` shorthand for an error.
#[cfg(feature = "convert")]
fn error(path: &str, code: Code) -> (String, Code, Severity) {
    (path.to_owned(), code, Severity::Error)
}

#[cfg(feature = "convert")]
#[test]
fn duplicate_keys_are_errors_in_text_and_every_value_is_checked() {
    let json = format!(
        r#"{{"firstName": "{}", "firstName": "Ada"}}"#,
        "x".repeat(41)
    );
    assert_eq!(
        found(&text(Format::HelpScout, json.as_bytes())),
        vec![
            error("/firstName", Code::TooLong),
            error("/firstName", Code::Duplicate),
        ]
    );
    // A parsed value keeps the last one (serde_json's rule), which is valid: only the text
    // shows the repetition, so conversion from text rejects it where validation does.
    let value: Value = serde_json::from_str(&json).expect("parses");
    assert!(validate(Format::HelpScout, &value).issues.is_empty());
    let rejection = convert_str(
        Format::HelpScout,
        Format::Intercom,
        &json,
        &ConvertOptions::new(),
    )
    .expect_err("rejected")
    .into_rejection();
    assert_eq!(rejection.stage, Stage::Source);
    assert_eq!(
        found(&Report {
            issues: rejection.issues
        }),
        found(&text(Format::HelpScout, json.as_bytes()))
    );

    // Inside members checked as a whole (custom attributes), at any depth, in undocumented
    // members and in Sequence's custom members: a `duplicate` error at the repeated member,
    // and the earlier value is checked too.
    for (format, json, expected) in [
        (
            Format::Intercom,
            r#"{"email": "a@example.com", "custom_attributes": {"plan": {}, "plan": "pro"}}"#,
            vec![
                error("/custom_attributes/plan", Code::Duplicate),
                error("/custom_attributes/plan", Code::Type),
            ],
        ),
        (
            Format::Bird,
            r#"{"displayName": "Ada", "attributes": {"tier": [], "tier": "gold"}}"#,
            vec![
                error("/attributes/tier", Code::Duplicate),
                error("/attributes/tier", Code::TooFewItems),
            ],
        ),
        (
            Format::Bird,
            r#"{"displayName": "Ada", "attributes": {"tier": [{"a": 1, "a": 2}]}}"#,
            vec![
                error("/attributes/tier/0/a", Code::Duplicate),
                error("/attributes/tier/0", Code::Type),
            ],
        ),
        (
            Format::Canonical,
            r#"{"customAttributes": {"plan": "pro", "plan": "free"}}"#,
            vec![error("/customAttributes/plan", Code::Duplicate)],
        ),
        (
            Format::Sequence,
            r#"{"externalId": "1", "plan": "pro", "plan": "free"}"#,
            vec![error("/plan", Code::Duplicate)],
        ),
        (
            Format::Sequence,
            r#"{"externalId": "1", "plan": {"tier": 1, "seats": [{"n": 1, "n": 2}]}}"#,
            vec![error("/plan/seats/0/n", Code::Duplicate)],
        ),
        (
            Format::HelpScout,
            r#"{"firstName": "Ada", "properties": {"seats": 1.5, "seats": 3}}"#,
            vec![
                error("/properties/seats", Code::Duplicate),
                error("/properties/seats", Code::Type),
            ],
        ),
        (
            Format::HelpScout,
            r#"{"properties": [{"slug": "seats", "value": 1.5, "value": 3}]}"#,
            vec![
                error("/properties/0/value", Code::Duplicate),
                error("/properties/0/value", Code::Type),
            ],
        ),
        (
            Format::IntercomContact,
            r#"{"type": "contact", "custom_attributes": {"plan": 1, "plan": 2}}"#,
            vec![error("/custom_attributes/plan", Code::Duplicate)],
        ),
    ] {
        assert_eq!(found(&text(format, json.as_bytes())), expected, "{json}");
        let converted = convert_str(format, Format::Canonical, json, &ConvertOptions::new());
        let rejection = converted.expect_err(json).into_rejection();
        assert_eq!(rejection.stage, Stage::Source, "{json}");
        assert!(
            rejection.issues.iter().any(|i| i.code == Code::Duplicate),
            "{json}"
        );
    }

    // An undocumented member repeated: an unknown_field warning per occurrence, and the error.
    assert_eq!(
        found(&text(Format::HelpScout, br#"{"x": 1, "x": 2}"#)),
        vec![
            ("/x".to_owned(), Code::UnknownField, Severity::Warning),
            ("/x".to_owned(), Code::UnknownField, Severity::Warning),
            error("/x", Code::Duplicate),
        ]
    );
}

#[cfg(feature = "convert")]
#[test]
fn an_empty_custom_attribute_name_is_an_error_everywhere() {
    for (format, json, path) in [
        (Format::Sequence, r#"{"externalId": "1", "": 1}"#, "/"),
        (
            Format::Canonical,
            r#"{"customAttributes": {"": 1}}"#,
            "/customAttributes/",
        ),
        (
            Format::Intercom,
            r#"{"email": "a@example.com", "custom_attributes": {"": 1}}"#,
            "/custom_attributes/",
        ),
        (
            Format::Bird,
            r#"{"displayName": "Ada", "attributes": {"": 1}}"#,
            "/attributes/",
        ),
        (
            Format::IntercomContact,
            r#"{"type": "contact", "custom_attributes": {"": 1}}"#,
            "/custom_attributes/",
        ),
        (
            Format::BirdContact,
            r#"{"attributes": {"": 1}}"#,
            "/attributes/",
        ),
    ] {
        both(format, json, &[error(path, Code::TooShort)]);
        // Conversion agrees, to every target (X -> X too): rejected at the source stage.
        for to in [
            Format::Sequence,
            Format::Intercom,
            Format::Bird,
            Format::HelpScout,
            Format::Canonical,
        ] {
            let value: Value = serde_json::from_str(json).expect("JSON");
            let rejection = convert(format, to, &value, &ConvertOptions::new())
                .expect_err(json)
                .into_rejection();
            assert_eq!(rejection.stage, Stage::Source, "{json} to {to}");
        }
    }
    // Help Scout property slugs were 1 to 100 characters already.
    both(
        Format::HelpScout,
        r#"{"properties": {"": 1}}"#,
        &[error("/properties/", Code::Pattern)],
    );
}

// --- Unicode -------------------------------------------------------------------------------

#[test]
fn lone_surrogates_are_syntax_findings_wherever_they_are() {
    for json in [
        r#"{"firstName": "\ud800"}"#,
        r#"{"firstName": "\udc00"}"#,
        r#"{"firstName": "a\ud800b"}"#,
        r#"{"\ud800": 1}"#,
        r#"{"notes": "\ud800"}"#,
        r#"{"properties": {"x": "\udfff"}}"#,
    ] {
        let report = text(Format::HelpScout, json.as_bytes());
        assert_eq!(
            found(&report),
            one("", Code::Syntax, Severity::Error),
            "{json}"
        );
        assert!(report.issues[0].message.contains("escape"), "{json}");
        assert!(serde_json::from_str::<Value>(json).is_err());
    }
    // A surrogate pair is one character.
    let pair = r#"\ud83d\ude00"#.repeat(40);
    both(
        Format::HelpScout,
        &format!(r#"{{"firstName": "{pair}"}}"#),
        &[],
    );
    both(
        Format::HelpScout,
        &format!(r#"{{"firstName": "{pair}\ud83d\ude00"}}"#),
        &one("/firstName", Code::TooLong, Severity::Error),
    );
}

#[test]
fn raw_control_characters_are_syntax_escaped_ones_are_characters() {
    for raw in [
        b"{\"firstName\": \"a\x00b\"}".as_slice(),
        b"{\"firstName\": \"\x1f\"}",
        b"{\"x\": \"\n\"}",
    ] {
        let report = text(Format::HelpScout, raw);
        assert_syntax(&report, "control character");
    }
    // Escaped NUL and other controls are characters like any other.
    let forty = r#"\u0000"#.repeat(40);
    both(
        Format::HelpScout,
        &format!(r#"{{"firstName": "{forty}"}}"#),
        &[],
    );
    both(
        Format::HelpScout,
        &format!(r#"{{"firstName": "{forty}\u0007"}}"#),
        &one("/firstName", Code::TooLong, Severity::Error),
    );
    // A control character makes an address invalid; DEL and C1 controls are characters.
    both(
        Format::HelpScout,
        r#"{"emails": [{"value": "ada\u0000@example.com"}]}"#,
        &one("/emails/0/value", Code::Format, Severity::Error),
    );
    both(
        Format::HelpScout,
        "{\"lastName\": \"\u{7f}\u{85}\u{9f}\"}",
        &[],
    );
    // A NUL in a member name is kept in the path (escaped by JSON when serialised).
    both(
        Format::HelpScout,
        r#"{"a\u0000b": 1}"#,
        &one("/a\u{0}b", Code::UnknownField, Severity::Warning),
    );
}

#[test]
fn bidi_and_zero_width_characters_count_as_characters() {
    // U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO WIDTH SPACE, U+200D ZERO WIDTH JOINER,
    // U+FEFF ZERO WIDTH NO-BREAK SPACE, U+2066 LEFT-TO-RIGHT ISOLATE.
    let tricky = "\u{202E}\u{200B}\u{200D}\u{FEFF}\u{2066}";
    let name = format!("{tricky}{}", "x".repeat(35)); // 40 characters
    both(
        Format::HelpScout,
        &json!({ "firstName": name }).to_string(),
        &[],
    );
    let name = format!("{tricky}{}", "x".repeat(36)); // 41
    both(
        Format::HelpScout,
        &json!({ "firstName": name }).to_string(),
        &one("/firstName", Code::TooLong, Severity::Error),
    );
    // An empty-looking name of only zero-width characters is not empty.
    both(
        Format::HelpScout,
        &json!({ "lastName": "\u{200B}" }).to_string(),
        &[],
    );
    // Invisible characters make an address invalid (browsers' rule is ASCII only).
    both(
        Format::Sequence,
        &json!({ "externalId": "1", "email": "ada\u{200B}@example.com" }).to_string(),
        &one("/email", Code::Format, Severity::Error),
    );
    both(
        Format::Intercom,
        &json!({ "email": "\u{202E}moc.elpmaxe@ada" }).to_string(),
        &one("/email", Code::Format, Severity::Error),
    );
    // In a member name they are kept verbatim in the path (see SECURITY.md).
    both(
        Format::HelpScout,
        &json!({ "first\u{202E}Name": "Ada" }).to_string(),
        &one("/first\u{202E}Name", Code::UnknownField, Severity::Warning),
    );
}

#[test]
fn emoji_at_the_40_character_boundary() {
    let grin = "\u{1F600}"; // 4 bytes in UTF-8, 1 character
    both(
        Format::HelpScout,
        &json!({ "firstName": grin.repeat(40) }).to_string(),
        &[],
    );
    let report = text(
        Format::HelpScout,
        json!({ "firstName": grin.repeat(41) })
            .to_string()
            .as_bytes(),
    );
    assert_eq!(
        found(&report),
        one("/firstName", Code::TooLong, Severity::Error)
    );
    assert_eq!(
        report.issues[0].message,
        "is 41 characters long, the maximum is 40"
    );
    // Lengths count Unicode scalar values, not graphemes: a family emoji is 7 of them
    // (4 people joined by 3 zero-width joiners).
    let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";
    assert_eq!(family.chars().count(), 7);
    both(
        Format::HelpScout,
        &json!({ "lastName": family.repeat(5) }).to_string(), // 35
        &[],
    );
    let report = text(
        Format::HelpScout,
        json!({ "lastName": family.repeat(6) })
            .to_string()
            .as_bytes(), // 42
    );
    assert_eq!(
        report.issues[0].message,
        "is 42 characters long, the maximum is 40"
    );
    // Bird displayName: 1 to 150 characters.
    both(
        Format::Bird,
        &json!({ "displayName": grin.repeat(150) }).to_string(),
        &[],
    );
    both(
        Format::Bird,
        &json!({ "displayName": grin.repeat(151) }).to_string(),
        &one("/displayName", Code::TooLong, Severity::Error),
    );
}

#[test]
fn a_byte_order_mark_is_not_json_for_the_library() {
    // The command line skips a BOM at the start of its input and of each NDJSON line; a record
    // handed to the library with one is not JSON text (RFC 8259 §8.1), and says so.
    let report = text(Format::HelpScout, b"\xEF\xBB\xBF{}");
    assert_syntax(&report, "expected value");
    assert!(report.issues[0].message.ends_with("(line 1, column 1)"));
}

#[test]
fn empty_truncated_and_trailing_text() {
    for (json, what) in [
        ("", "ends too early"),
        ("   \n", "ends too early"),
        (r#"{"firstName": "Ada""#, "ends too early"),
        ("{} {}", "trailing characters"),
        ("{}\u{0}", "trailing characters"),
        ("{'firstName': 'Ada'}", "key must be a string"),
        ("NaN", "expected value"),
    ] {
        assert_syntax(&text(Format::HelpScout, json.as_bytes()), what);
    }
}

#[test]
fn records_that_are_not_objects() {
    for (json, found_type) in [
        ("[]", "an array"),
        ("\"Ada\"", "a string"),
        ("1", "a number"),
        ("null", "null"),
        ("true", "a boolean"),
    ] {
        for format in Format::ALL {
            let report = text(format, json.as_bytes());
            assert_eq!(
                found(&report),
                one("", Code::Type, Severity::Error),
                "{format} {json}"
            );
            assert_eq!(
                report.issues[0].message,
                format!("must be an object, not {found_type}")
            );
        }
    }
}

// --- Conversion ------------------------------------------------------------------------------

#[cfg(feature = "convert")]
#[test]
fn conversion_refuses_what_validation_refuses() {
    let options = ConvertOptions::new().lenient(true);
    let deep = Deep(deep_value(100_000));
    for from in Format::ALL {
        for to in Format::ALL {
            let rejection = convert(from, to, &deep.0, &options)
                .expect_err("too deep")
                .into_rejection();
            assert_eq!(rejection.stage, Stage::Source);
            assert_eq!(
                rejection
                    .issues
                    .iter()
                    .map(|i| (i.path.as_str(), i.code))
                    .collect::<Vec<_>>(),
                [("", Code::Syntax)]
            );
        }
    }
}

/// A Help Scout record of `n` phones, every other one free text that Bird's phone identifiers
/// refuse (they must be international numbers).
#[cfg(feature = "convert")]
fn every_other_phone_refused(n: usize) -> Value {
    let phones: Vec<Value> = (0..n)
        .map(|i| {
            let value = if i % 2 == 0 {
                format!("+1555{i:07}")
            } else {
                format!("call me {i}")
            };
            json!({ "type": "work", "value": value })
        })
        .collect();
    json!({ "firstName": "Ada", "phones": phones })
}

/// `record` converted from Help Scout to Bird in strict mode (rejected) and in lenient mode
/// (converted), each within 10 s.
#[cfg(feature = "convert")]
fn strict_and_lenient(record: &Value) -> (Rejection, Converted) {
    let (from, to) = (Format::HelpScout, Format::Bird);
    let rejection = timed(Duration::from_secs(10), || {
        convert(from, to, record, &ConvertOptions::new())
    })
    .expect_err("strict mode rejects")
    .into_rejection();
    let converted = timed(Duration::from_secs(10), || {
        convert(from, to, record, &ConvertOptions::new().lenient(true))
    })
    .expect("lenient mode converts");
    (rejection, converted)
}

#[cfg(feature = "convert")]
#[test]
fn converting_many_refused_values_takes_linear_time() {
    // Help Scout phones are free text; Bird phone identifiers must be international numbers.
    // Every other phone of 20,000 is refused by the target. Before the fix, provenance lookups
    // and lenient repair were quadratic: 16,000 phones took 4 s strict and 9 s lenient in a
    // release build, and a 16 MiB record would have taken hours.
    let n = 20_000;
    let (rejection, converted) = strict_and_lenient(&every_other_phone_refused(n));
    assert_eq!(rejection.stage, Stage::Target);
    assert_eq!(rejection.issues.len(), n / 2);
    for (k, issue) in rejection.issues.iter().enumerate() {
        assert_eq!(issue.path, format!("/identifiers/{}/value", 2 * k + 1));
        assert_eq!(issue.code, Code::Format);
    }
    let kept: Vec<&str> = converted.payload["identifiers"]
        .as_array()
        .expect("identifiers")
        .iter()
        .map(|i| i["value"].as_str().expect("value"))
        .collect();
    let expected: Vec<String> = (0..n).step_by(2).map(|i| format!("+1555{i:07}")).collect();
    assert_eq!(kept, expected);
    // One `dropped` note per refused phone, pointing at it in the source, later items first.
    let dropped: Vec<&str> = converted
        .notes
        .iter()
        .filter(|note| note.message.contains("lenient mode left it out"))
        .map(|note| note.path.as_str())
        .collect();
    let expected: Vec<String> = (0..n)
        .rev()
        .filter(|i| i % 2 == 1)
        .map(|i| format!("/phones/{i}"))
        .collect();
    assert_eq!(dropped, expected);
}

/// The same at 200,000 phones, where quadratic work shows even in a release build (item
/// removals one by one took 35 s). Release builds only:
/// `cargo test --release -p contactkit --test validate -- --include-ignored hostile::`.
#[cfg(feature = "convert")]
#[test]
#[cfg_attr(debug_assertions, ignore = "release builds only (see the doc comment)")]
fn converting_200_000_refused_values_stays_linear() {
    let n = 200_000;
    let (rejection, converted) = strict_and_lenient(&every_other_phone_refused(n));
    assert_eq!(rejection.issues.len(), n / 2);
    assert_eq!(
        converted.payload["identifiers"].as_array().map(Vec::len),
        Some(n / 2)
    );
}
