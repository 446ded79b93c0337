//! The examples the product's specification gives for findings and conversions (the finding
//! shape, codes and paths of README.md and docs/RULES.md).

use contactkit::{validate, validate_str, Code, Format, Severity};
use serde_json::json;

fn findings(format: Format, record: &serde_json::Value) -> Vec<(String, Code, Severity)> {
    validate(format, record)
        .issues
        .into_iter()
        .map(|i| (i.path, i.code, i.severity))
        .collect()
}

#[test]
fn helpscout_first_name_of_41_characters_is_too_long() {
    let record = json!({ "firstName": "x".repeat(41) });
    assert_eq!(
        findings(Format::HelpScout, &record),
        [("/firstName".into(), Code::TooLong, Severity::Error)]
    );
    let ok = json!({ "firstName": "é".repeat(40) });
    assert!(findings(Format::HelpScout, &ok).is_empty());
}

#[test]
fn empty_bird_contact_needs_display_name() {
    assert_eq!(
        findings(Format::Bird, &json!({})),
        [("/displayName".into(), Code::Required, Severity::Error)]
    );
}

#[test]
fn empty_intercom_contact_needs_one_of_three() {
    assert_eq!(
        findings(Format::Intercom, &json!({})),
        [(String::new(), Code::Required, Severity::Error)]
    );
}

#[test]
fn text_and_value_paths_agree() {
    let text = r#"{"role":"user","custom_attributes":{"a":{"b":1}},"avatar":"ftp://x","signed_up_at":"2020"}"#;
    let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    assert_eq!(
        validate_str(Format::Intercom, text),
        validate(Format::Intercom, &value)
    );
    let codes: Vec<_> = validate(Format::Intercom, &value)
        .issues
        .iter()
        .map(|i| (i.path.clone(), i.code))
        .collect();
    assert_eq!(
        codes,
        [
            ("/custom_attributes/a".to_owned(), Code::Type),
            ("/avatar".to_owned(), Code::Format),
            ("/signed_up_at".to_owned(), Code::Type),
            (String::new(), Code::Required),
        ]
    );
}

#[test]
fn syntax_errors_are_one_finding() {
    let report = validate_str(Format::Sequence, "{\"externalId\": ");
    assert_eq!(report.issues.len(), 1);
    assert_eq!(report.issues[0].code, Code::Syntax);
    assert_eq!(report.issues[0].path, "");
    let not_object = validate_str(Format::Sequence, "[1,2]");
    assert_eq!(not_object.issues[0].code, Code::Type);
}
