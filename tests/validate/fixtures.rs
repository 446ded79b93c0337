//! The data-driven fixture suite: every file `tests/fixtures/<format>/NNN_topic.json` is one case.
//!
//! ```json
//! {
//!   "description": "what the case shows, and the rule's source",
//!   "payload": {"firstName": "..."},
//!   "options": {"definitions": {...}, "show_values": false},
//!   "expected": [{"path": "/firstName", "code": "too_long", "severity": "error"}]
//! }
//! ```
//!
//! - `payload` is the record. A JSON *string* payload is raw text instead (for syntax cases, for
//!   records that are not objects, and for numbers beyond the range of a 64-bit float): it is
//!   validated as text, and also as a parsed value when it parses.
//! - `options` is optional: `definitions` in any shape `Definitions::from_json` accepts,
//!   `show_values` (default false).
//! - `expected` is compared exactly, as an ordered list of `(path, code, severity)`, against both
//!   `Validator::validate` (the parsed value) and `Validator::validate_str` (the JSON text).
//!   `expected_from_value` (optional) replaces it for the parsed-value run, for the one thing a
//!   parsed value cannot carry: a member name repeated in the text.
//! - Messages are checked for not echoing data: with `show_values` off, no string of 3 or more
//!   characters from the payload may appear in any message (documented vocabulary such as enum
//!   values is exempt, because messages list the accepted values).

use crate::support::vocab;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use contactkit::{Code, Definitions, Format, Report, Severity, ValidateOptions, Validator};
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    description: String,
    payload: Value,
    #[serde(default)]
    options: Options,
    expected: Vec<Expected>,
    #[serde(default)]
    expected_from_value: Option<Vec<Expected>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Options {
    #[serde(default)]
    definitions: Option<Value>,
    #[serde(default)]
    show_values: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    path: String,
    code: Code,
    severity: Severity,
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() {
            "\"\""
        } else {
            &self.path
        };
        write!(f, "{path} {} {}", self.code, self.severity.as_str())
    }
}

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture_files(format: Format) -> Vec<PathBuf> {
    crate::support::json_files(&fixtures_root().join(format.id()))
}

fn findings(report: &Report) -> Vec<Expected> {
    report
        .issues
        .iter()
        .map(|i| Expected {
            path: i.path.clone(),
            code: i.code,
            severity: i.severity,
        })
        .collect()
}

/// Every string in `value` (member names excluded: they are paths, not messages).
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// The quoted string literals of raw JSON text that may not parse (for syntax cases).
fn quoted_literals(text: &str) -> Vec<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn compare(label: &str, expected: &[Expected], report: &Report, out: &mut String) {
    let actual = findings(report);
    if actual == expected {
        return;
    }
    let _ = writeln!(out, "  {label}: findings differ");
    let n = expected.len().max(actual.len());
    for i in 0..n {
        let e = expected.get(i).map_or("-".to_owned(), ToString::to_string);
        let a = actual.get(i).map_or("-".to_owned(), ToString::to_string);
        let mark = if e == a { " " } else { "!" };
        let _ = writeln!(out, "   {mark} [{i}] expected {e:<45} got {a}");
    }
    for issue in &report.issues {
        let _ = writeln!(out, "      message at {:?}: {}", issue.path, issue.message);
    }
}

fn check_no_echo(report: &Report, payload_strings: &[String], out: &mut String) {
    for issue in &report.issues {
        for s in payload_strings {
            if s.chars().count() >= 3
                && !vocab::all_words().any(|w| w == s)
                && issue.message.contains(s.as_str())
            {
                let _ = writeln!(
                    out,
                    "  message at {:?} echoes the payload value {s:?}: {}",
                    issue.path, issue.message
                );
            }
        }
    }
}

/// Runs one fixture; returns a description of every failure.
fn run(format: Format, path: &Path) -> String {
    let mut out = String::new();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => return format!("  cannot read: {e}\n"),
    };
    let fixture: Fixture = match serde_json::from_str(&text) {
        Ok(f) => f,
        Err(e) => return format!("  not a fixture: {e}\n"),
    };
    if fixture.description.trim().is_empty() {
        let _ = writeln!(out, "  has an empty description");
    }
    let mut options = ValidateOptions::new().show_values(fixture.options.show_values);
    if let Some(defs) = &fixture.options.definitions {
        match Definitions::from_json(defs) {
            Ok(defs) => options = options.definitions(defs),
            Err(e) => return format!("  definitions are not accepted: {e}\n"),
        }
    }
    let validator = Validator::new(format).with_options(options);

    // The text run, and the parsed value (if any) for the value run.
    let (record_text, parsed, payload_strings) = match &fixture.payload {
        Value::String(raw) => {
            let parsed = serde_json::from_str::<Value>(raw).ok();
            let mut literals = quoted_literals(raw);
            if let Some(v) = &parsed {
                strings(v, &mut literals);
            }
            (raw.clone(), parsed, literals)
        }
        record => {
            let mut all = Vec::new();
            strings(record, &mut all);
            (
                serde_json::to_string(record).expect("serialize payload"),
                Some(record.clone()),
                all,
            )
        }
    };

    let from_text = validator.validate_str(&record_text);
    compare("validate_str", &fixture.expected, &from_text, &mut out);
    if !fixture.options.show_values {
        check_no_echo(&from_text, &payload_strings, &mut out);
    }
    match &parsed {
        Some(value) => {
            let expected = fixture
                .expected_from_value
                .as_deref()
                .unwrap_or(&fixture.expected);
            let from_value = validator.validate(value);
            compare("validate (parsed value)", expected, &from_value, &mut out);
            if !fixture.options.show_values {
                check_no_echo(&from_value, &payload_strings, &mut out);
            }
        }
        None => {
            // Only text that serde_json refuses may skip the value run: text that is not JSON
            // (a syntax finding), or JSON holding a number beyond the range of a 64-bit float
            // (an out_of_range finding among others).
            let syntax = fixture
                .expected
                .iter()
                .all(|e| e.code == Code::Syntax && e.path.is_empty());
            let beyond_f64 = fixture.expected.iter().any(|e| e.code == Code::OutOfRange);
            if !syntax && !beyond_f64 {
                let _ = writeln!(
                    out,
                    "  the raw payload is not JSON, so only a syntax finding can be expected"
                );
            }
        }
    }
    out
}

/// The fixtures of one format; at least `min` of them, named `NNN_topic.json` with unique numbers.
fn suite(format: Format, min: usize) {
    let files = fixture_files(format);
    assert!(
        files.len() >= min,
        "{}: expected at least {min} fixtures, found {}",
        format.id(),
        files.len()
    );
    let mut numbers = BTreeMap::new();
    let mut failures = String::new();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let (number, topic) = name.split_once('_').unwrap_or(("", ""));
        if number.len() != 3 || !number.bytes().all(|b| b.is_ascii_digit()) || topic.len() <= 5 {
            let _ = writeln!(failures, "{name}: name must be NNN_topic.json");
        }
        if let Some(other) = numbers.insert(number.to_owned(), name.clone()) {
            let _ = writeln!(failures, "{name}: number already used by {other}");
        }
        let report = run(format, path);
        if !report.is_empty() {
            let _ = write!(failures, "{}/{name}:\n{report}", format.id());
        }
    }
    assert!(failures.is_empty(), "fixture failures:\n{failures}");
}

/// One test per format: `name => format, the fewest fixtures it must have`.
macro_rules! fixture_suites {
    ($($name:ident => $format:ident, $min:literal;)*) => {
        $(
            #[test]
            fn $name() {
                suite(Format::$format, $min);
            }
        )*
    };
}

fixture_suites! {
    sequence_fixtures => Sequence, 20;
    intercom_fixtures => Intercom, 20;
    bird_fixtures => Bird, 20;
    helpscout_fixtures => HelpScout, 20;
    canonical_fixtures => Canonical, 8;
}

/// Fixture directories of other suites (`tests/convert/convert_fixtures.rs` owns `convert/`,
/// `tests/convert/read_formats.rs` owns `read/`).
const OTHER_SUITES: &[&str] = &["convert", "read"];

/// Each validation fixture directory is named after a format; a stray directory (a typo such
/// as `help_scout/`) would silently not run.
#[test]
fn every_fixture_directory_is_a_format() {
    for entry in std::fs::read_dir(fixtures_root()).expect("tests/fixtures") {
        let entry = entry.expect("directory entry");
        if entry.path().is_dir() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(
                name.parse::<Format>().is_ok() || OTHER_SUITES.contains(&name.as_str()),
                "tests/fixtures/{name} is neither a format id nor another suite's directory"
            );
        }
    }
}

/// The harness itself must be able to fail: a wrong expectation is reported with the file's
/// name and the differing pointer.
#[test]
fn harness_reports_a_wrong_expectation() {
    let dir = std::env::temp_dir().join(format!("contactkit-fixture-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("001_wrong.json");
    std::fs::write(
        &path,
        r#"{"description": "deliberately wrong", "payload": {"firstName": "Adalovelace"},
            "expected": [{"path": "/lastName", "code": "too_long", "severity": "error"}]}"#,
    )
    .expect("write");
    let report = run(Format::HelpScout, &path);
    assert!(
        report.contains("expected /lastName too_long error"),
        "{report}"
    );
    assert!(report.contains("validate_str"), "{report}");

    // With show_values on, the value is in the message; the echo check must catch it.
    let report = Validator::new(Format::HelpScout)
        .with_options(ValidateOptions::new().show_values(true))
        .validate(&serde_json::json!({"photoUrl": "not-a-url-at-all"}));
    let mut out = String::new();
    check_no_echo(&report, &["not-a-url-at-all".to_owned()], &mut out);
    assert!(out.contains("echoes the payload value"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}
