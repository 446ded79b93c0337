//! Validates arbitrary bytes as one format (chosen by the first byte, `% 5`; `/ 5` odd: with
//! account definitions of every type) and checks:
//! - `validate_slice` never panics and is deterministic;
//! - when the bytes parse as JSON, `validate(&Value)` gives the identical report (the same
//!   issues, messages included), except that a member name repeated in the text is seen only
//!   once by a parsed value;
//! - when the bytes do not parse as JSON, the report is exactly one `syntax` error at `""`, or
//!   (for JSON whose numbers are beyond the range of a 64-bit float) `out_of_range` errors;
//! - with `show_values`, the same findings are made (only messages may differ);
//! - every finding's path exists in the record (or, for `required`, its parent does).
#![no_main]

use contactkit::{Code, Definitions, Format, Issue, Severity, ValidateOptions, Validator};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, json)) = data.split_first() else {
        return;
    };
    let format = Format::ALL[usize::from(selector) % Format::ALL.len()];
    let mut validator = Validator::new(format);
    if (usize::from(selector) / Format::ALL.len()) % 2 == 1 {
        validator =
            validator.with_options(ValidateOptions::new().definitions(definitions().clone()));
    }
    let report = validator.validate_slice(json);
    assert_eq!(report, validator.validate_slice(json), "not deterministic");

    let options = validator.options().clone().show_values(true);
    let shown = validator.clone().with_options(options).validate_slice(json);
    assert_eq!(skeleton(&report.issues), skeleton(&shown.issues));

    match serde_json::from_slice::<Value>(json) {
        Ok(value) => {
            let from_value = validator.validate(&value);
            if !has_repeated_member(json) {
                assert_eq!(report, from_value, "validate_slice and validate disagree");
            }
            for issue in &from_value.issues {
                assert_ne!(issue.code, Code::Syntax);
                check_path(&value, issue);
            }
        }
        Err(e) if !report.issues.iter().any(|i| i.code == Code::Syntax) => {
            // JSON whose numbers no f64 holds (1e400): out_of_range at their paths.
            assert!(e.to_string().starts_with("number out of range"), "{e}");
            assert!(
                report
                    .issues
                    .iter()
                    .any(|i| i.code == Code::OutOfRange && i.severity == Severity::Error),
                "{:?}",
                report.issues
            );
        }
        Err(_) => {
            assert_eq!(report.issues.len(), 1, "{:?}", report.issues);
            let issue = &report.issues[0];
            assert_eq!(
                (issue.path.as_str(), issue.code, issue.severity),
                ("", Code::Syntax, Severity::Error),
                "bytes that do not parse as JSON must be one syntax finding"
            );
        }
    }
});

/// Account definitions of every type for the three vendors that have them.
fn definitions() -> &'static Definitions {
    static DEFINITIONS: std::sync::OnceLock<Definitions> = std::sync::OnceLock::new();
    DEFINITIONS.get_or_init(|| {
        let doc = serde_json::json!({
            "helpscout": [
                {"slug": "seats", "type": "number"},
                {"slug": "site", "type": "url"},
                {"slug": "since", "type": "date"},
                {"slug": "bio", "type": "text"},
                {"slug": "tier", "type": "dropdown", "options": [{"id": 1, "label": "Gold"}]},
            ],
            "intercom": [
                {"name": "plan", "data_type": "string", "options": ["free", "pro"]},
                {"name": "seats", "data_type": "integer"},
                {"name": "ratio", "data_type": "float"},
                {"name": "vip", "data_type": "boolean"},
                {"name": "renewal_at", "data_type": "date"},
                {"name": "nick", "data_type": "string"},
            ],
            "bird": [
                {"key": "birthday", "type": "datetime"},
                {"key": "score", "type": "number"},
                {"key": "vip", "type": "boolean"},
                {"key": "tags", "type": "string", "cardinality": "many"},
            ],
        });
        Definitions::from_json(&doc).expect("definitions")
    })
}

fn skeleton(issues: &[Issue]) -> Vec<(&str, Code, Severity)> {
    issues
        .iter()
        .map(|i| (i.path.as_str(), i.code, i.severity))
        .collect()
}

/// Whether some object in the text repeats a member name (a parsed value keeps only the last
/// one, so the two walks legitimately differ).
fn has_repeated_member(json: &[u8]) -> bool {
    // Parse into a structure that keeps every member, then look for a repeat.
    #[derive(Debug)]
    struct Any(bool);
    impl<'de> serde::Deserialize<'de> for Any {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(AnyVisitor)
        }
    }
    struct AnyVisitor;
    impl<'de> serde::de::Visitor<'de> for AnyVisitor {
        type Value = Any;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<Any, E> {
            Ok(Any(false))
        }
        fn visit_i64<E>(self, _: i64) -> Result<Any, E> {
            Ok(Any(false))
        }
        fn visit_u64<E>(self, _: u64) -> Result<Any, E> {
            Ok(Any(false))
        }
        fn visit_f64<E>(self, _: f64) -> Result<Any, E> {
            Ok(Any(false))
        }
        fn visit_str<E>(self, _: &str) -> Result<Any, E> {
            Ok(Any(false))
        }
        fn visit_unit<E>(self) -> Result<Any, E> {
            Ok(Any(false))
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Any, A::Error> {
            let mut repeated = false;
            while let Some(Any(r)) = seq.next_element()? {
                repeated |= r;
            }
            Ok(Any(repeated))
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Any, A::Error> {
            let mut keys = std::collections::HashSet::new();
            let mut repeated = false;
            while let Some((key, Any(r))) = map.next_entry::<String, Any>()? {
                repeated |= r || !keys.insert(key);
            }
            Ok(Any(repeated))
        }
    }
    serde_json::from_slice::<Any>(json).map_or(true, |Any(r)| r)
}

/// A finding's path resolves in the record; a `required` finding's path may name a missing
/// member, but its parent exists.
fn check_path(value: &Value, issue: &Issue) {
    if value.pointer(&issue.path).is_some() {
        return;
    }
    assert_eq!(
        issue.code,
        Code::Required,
        "the path of {issue:?} does not exist in the record"
    );
    let parent = issue.path.rsplit_once('/').map_or("", |(p, _)| p);
    assert!(
        value.pointer(parent).is_some(),
        "neither the path of {issue:?} nor its parent exists"
    );
}
