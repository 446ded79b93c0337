//! Golden conversion fixtures: `tests/fixtures/convert/<from>-<to>/NNN_topic.json`, each
//! `{"input": ..., "options": {...}, "expected": {...}}`. Every ordered pair of the five formats
//! has a directory. `CONTACTKIT_BLESS=1 cargo test --test convert_fixtures` rewrites the
//! expected outputs (review every change).
//!
//! `options`: `lenient`, `normalize_custom_keys` (booleans), `external_id` (`email`,
//! `source-id` or `custom:KEY`) and `definitions` (a definitions document, see
//! `Definitions::from_json`).

mod convert_support;

use std::path::{Path, PathBuf};

use contactkit::{convert, ConvertOptions, Definitions, Format, ValidateOptions};
use serde_json::{json, Value};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/convert")
}

fn options(spec: &Value) -> ConvertOptions {
    let flag = |name: &str| spec.get(name).and_then(Value::as_bool).unwrap_or(false);
    let mut validate = ValidateOptions::new();
    if let Some(defs) = spec.get("definitions") {
        validate = validate.definitions(Definitions::from_json(defs).expect("fixture definitions"));
    }
    let options = ConvertOptions::new()
        .lenient(flag("lenient"))
        .normalize_custom_keys(flag("normalize_custom_keys"))
        .validate_options(validate);
    match spec.get("external_id").and_then(Value::as_str) {
        Some(how) => options.external_id(how.parse().expect("fixture external_id")),
        None => options,
    }
}

fn outcome(from: Format, to: Format, input: &Value, options: &ConvertOptions) -> Value {
    match convert(from, to, input, options) {
        Ok(c) => json!({ "ok": true, "payload": c.payload, "notes": c.notes }),
        Err(r) => json!({ "ok": false, "stage": r.stage, "issues": r.issues }),
    }
}

/// The first JSON Pointer at which two values differ.
fn first_difference(a: &Value, b: &Value, at: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let p = format!("{at}/{k}");
                match y.get(k) {
                    Some(w) => {
                        if let Some(d) = first_difference(v, w, &p) {
                            return Some(d);
                        }
                    }
                    None => return Some(p),
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{at}/{k}"))
                .or_else(|| {
                    let xs: Vec<_> = x.keys().collect();
                    let ys: Vec<_> = y.keys().collect();
                    (xs != ys).then(|| format!("{at} (member order)"))
                })
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(v, w, &format!("{at}/{i}")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| format!("{at} (length {} vs {})", x.len(), y.len()))
        }
        _ => (a != b).then(|| at.to_owned()),
    }
}

#[test]
fn conversion_fixtures() {
    let bless = std::env::var_os("CONTACTKIT_BLESS").is_some();
    let intercom = convert_support::intercom_request_schema();
    let mut failures = Vec::new();
    let mut count = 0;
    for from in Format::ALL {
        for to in Format::ALL {
            if from == to {
                continue;
            }
            let dir = fixtures_dir().join(format!("{from}-{to}"));
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| {
                    panic!("{}: {e} (every ordered pair needs fixtures)", dir.display())
                })
                .map(|entry| entry.expect("directory entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            files.sort();
            assert!(!files.is_empty(), "{} has no fixtures", dir.display());
            for file in files {
                count += 1;
                let name = file.display().to_string();
                let text = std::fs::read_to_string(&file).expect("read fixture");
                let mut fixture: Value =
                    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
                let input = fixture["input"].clone();
                let options = options(&fixture["options"]);
                let actual = outcome(from, to, &input, &options);
                if actual["ok"] == true {
                    let converted: contactkit::Converted = serde_json::from_value(
                        json!({"payload": actual["payload"], "notes": actual["notes"]}),
                    )
                    .expect("converted");
                    if let Err(e) =
                        convert_support::check_converted(to, &input, &converted, &intercom)
                    {
                        failures.push(format!("{name}: {e}"));
                    }
                }
                if bless {
                    fixture["expected"] = actual;
                    let mut out = serde_json::to_string_pretty(&fixture).expect("serialise");
                    out.push('\n');
                    if out != text {
                        std::fs::write(&file, out).expect("write fixture");
                    }
                    continue;
                }
                let expected = &fixture["expected"];
                if let Some(at) = first_difference(expected, &actual, "") {
                    failures.push(format!(
                        "{name}: differs at {at}\n  expected: {}\n  actual:   {}",
                        expected
                            .pointer(at.split(' ').next().unwrap_or(""))
                            .map_or("-".into(), Value::to_string),
                        actual
                            .pointer(at.split(' ').next().unwrap_or(""))
                            .map_or("-".into(), Value::to_string),
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} fixtures failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        count >= 20,
        "expected fixtures for all 20 ordered pairs, found {count}"
    );
}
