//! Writes the native results of the fixture suite and the example data as one JSON document,
//! for the Node test that runs the same inputs through the WebAssembly package and requires
//! identical results (npm/test/parity.test.mjs).
//!
//! ```text
//! cargo run -p contactkit-wasm --example dump_results -- <repo root> <output.json>
//! ```
//!
//! It calls the core crate directly (not this crate's `api` module), so the package is compared
//! with the library as the CLI uses it. For every input it records the JSON text it used, so
//! both sides validate the same bytes:
//!
//! - `validate`: each `tests/fixtures/<format>/*.json` and each record of
//!   `examples/data/<format>.ndjson`: `{id, format, text, options, text_result, value_result}`,
//!   where `text_result` is `Validator::validate_str(text)` and `value_result` is
//!   `Validator::validate(&value)` (absent when the text is not JSON), each as
//!   `{valid, issues}`.
//! - `convert`: each `tests/fixtures/convert/<from>-<to>/*.json` (`{input, options}`), and each
//!   example record converted to every other format: `{id, from, to, text, options, result}`
//!   with `result` as `{ok: true, payload, notes}` or `{ok: false, stage, issues}`.
//!
//! `options` is the fixture's own options object, copied as it is; the Node side maps it to the
//! package's option names itself.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use contactkit::{ConvertOptions, Definitions, Format, Report, ValidateOptions, Validator};
use serde_json::{json, Map, Value};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, out] = args.as_slice() else {
        eprintln!("usage: dump_results <repo root> <output.json>");
        return ExitCode::from(2);
    };
    match run(Path::new(root)) {
        Ok(doc) => match fs::write(out, doc.to_string()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("dump_results: {out}: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("dump_results: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(root: &Path) -> Result<Value, String> {
    let mut validate = Vec::new();
    let mut convert = Vec::new();
    for format in Format::ALL {
        let dir = root.join("tests/fixtures").join(format.id());
        for file in json_files(&dir)? {
            let fixture = read_json(&file)?;
            let id = relative(root, &file);
            let options = fixture.get("options").cloned().unwrap_or(json!({}));
            let payload = fixture
                .get("payload")
                .ok_or_else(|| format!("{id}: no payload"))?;
            validate.push(validate_case(id, format, payload, options)?);
        }
        let data = root
            .join("examples/data")
            .join(format!("{}.ndjson", format.id()));
        if data.exists() {
            let text = fs::read_to_string(&data).map_err(|e| format!("{}: {e}", data.display()))?;
            let records = text.lines().filter(|l| !l.trim().is_empty());
            for (n, line) in records.enumerate() {
                let id = format!("{}#{}", relative(root, &data), n + 1);
                let payload = Value::String(line.to_owned());
                validate.push(validate_case(id.clone(), format, &payload, json!({}))?);
                for to in Format::ALL.into_iter().filter(|t| *t != format) {
                    let case = convert_case(id.clone(), format, to, &payload, json!({}))?;
                    convert.push(case);
                }
            }
        }
    }
    let convert_root = root.join("tests/fixtures/convert");
    if convert_root.exists() {
        let mut dirs: Vec<PathBuf> = fs::read_dir(&convert_root)
            .map_err(|e| format!("{}: {e}", convert_root.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for dir in dirs {
            let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let (from, to) = name
                .split_once('-')
                .and_then(|(a, b)| Some((a.parse::<Format>().ok()?, b.parse::<Format>().ok()?)))
                .ok_or_else(|| format!("{}: not <from>-<to>", dir.display()))?;
            for file in json_files(&dir)? {
                let fixture = read_json(&file)?;
                let id = relative(root, &file);
                let input = fixture
                    .get("input")
                    .ok_or_else(|| format!("{id}: no input"))?;
                let options = fixture.get("options").cloned().unwrap_or(json!({}));
                convert.push(convert_case(id, from, to, input, options)?);
            }
        }
    }
    Ok(json!({"validate": validate, "convert": convert}))
}

/// The JSON text of a payload: a string payload is raw text already.
fn text_of(payload: &Value) -> String {
    match payload {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn validate_case(
    id: String,
    format: Format,
    payload: &Value,
    options: Value,
) -> Result<Value, String> {
    let validator = Validator::new(format).with_options(validate_options(&id, &options)?);
    let text = text_of(payload);
    let text_result = result(&validator.validate_str(&text));
    let value = serde_json::from_str::<Value>(&text).ok();
    let value_result = value.as_ref().map(|v| result(&validator.validate(v)));
    Ok(json!({
        "id": id,
        "format": format.id(),
        "text": text,
        "options": options,
        "text_result": text_result,
        "value_result": value_result,
        "js_exact": value.as_ref().is_some_and(js_exact),
    }))
}

fn convert_case(
    id: String,
    from: Format,
    to: Format,
    input: &Value,
    options: Value,
) -> Result<Value, String> {
    let text = text_of(input);
    let record: Value =
        serde_json::from_str(&text).map_err(|e| format!("{id}: input is not JSON: {e}"))?;
    let result = match contactkit::convert(from, to, &record, &convert_options(&id, &options)?) {
        Ok(c) => json!({"ok": true, "payload": c.payload, "notes": c.notes}),
        Err(e) => {
            let r = e.into_rejection();
            json!({"ok": false, "stage": r.stage, "issues": issues(&r.issues)})
        }
    };
    Ok(json!({
        "id": id,
        "from": from.id(),
        "to": to.id(),
        "text": text,
        "options": options,
        "result": result,
    }))
}

/// Whether `JSON.parse` in JavaScript yields the same value: every integer is exact as an
/// f64, and no object has integer-like member names (which JavaScript objects list first, in
/// numeric order).
fn js_exact(value: &Value) -> bool {
    match value {
        Value::Number(n) => {
            // 2^63 and 2^64 as f64: `as` saturates there, so compare below them.
            const I64_END: f64 = 9_223_372_036_854_775_808.0;
            const U64_END: f64 = 18_446_744_073_709_551_616.0;
            #[allow(
                clippy::cast_precision_loss,
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss
            )]
            let exact = match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => {
                    let f = i as f64;
                    (-I64_END..I64_END).contains(&f) && f as i64 == i
                }
                (None, Some(u)) => {
                    let f = u as f64;
                    f < U64_END && f as u64 == u
                }
                (None, None) => true,
            };
            exact
        }
        Value::Array(items) => items.iter().all(js_exact),
        Value::Object(map) => map.keys().all(|k| !is_array_index(k)) && map.values().all(js_exact),
        _ => true,
    }
}

/// A canonical array index (`0`, `17`, no leading zero, below 2^32 - 1): JavaScript orders
/// such member names before the others.
fn is_array_index(key: &str) -> bool {
    key.parse::<u32>()
        .is_ok_and(|n| n != u32::MAX && n.to_string() == key)
}

fn result(report: &Report) -> Value {
    json!({"valid": report.is_valid(), "issues": issues(&report.issues)})
}

/// Findings as the package returns them: the contract's members and the core's `params`.
fn issues(issues: &[contactkit::Issue]) -> Value {
    let mut text = String::new();
    contactkit::json_value::push_issues(&mut text, issues);
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// The option names fixtures may use (snake_case as in tests/validate/fixtures.rs, or camelCase).
const KNOWN_OPTIONS: &[&str] = &[
    "definitions",
    "show_values",
    "showValues",
    "lenient",
    "normalize_custom_keys",
    "normalizeCustomKeys",
    "external_id",
    "externalId",
];

fn options_map<'a>(id: &str, options: &'a Value) -> Result<&'a Map<String, Value>, String> {
    let map = options
        .as_object()
        .ok_or_else(|| format!("{id}: options must be an object"))?;
    match map.keys().find(|k| !KNOWN_OPTIONS.contains(&k.as_str())) {
        Some(unknown) => Err(format!("{id}: unknown option {unknown:?}")),
        None => Ok(map),
    }
}

fn flag(id: &str, map: &Map<String, Value>, keys: &[&str]) -> Result<bool, String> {
    match keys.iter().find_map(|k| map.get(*k)) {
        None => Ok(false),
        Some(v) => v
            .as_bool()
            .ok_or_else(|| format!("{id}: option {} must be a boolean", keys[0])),
    }
}

/// Fixture option names: snake_case as in tests/validate/fixtures.rs (camelCase accepted as well).
fn validate_options(id: &str, options: &Value) -> Result<ValidateOptions, String> {
    let map = options_map(id, options)?;
    let mut out =
        ValidateOptions::new().show_values(flag(id, map, &["show_values", "showValues"])?);
    if let Some(doc) = map.get("definitions") {
        let defs = Definitions::from_json(doc).map_err(|e| format!("{id}: {e}"))?;
        out = out.definitions(defs);
    }
    Ok(out)
}

fn convert_options(id: &str, options: &Value) -> Result<ConvertOptions, String> {
    let map = options_map(id, options)?;
    let out = ConvertOptions::new()
        .lenient(flag(id, map, &["lenient"])?)
        .normalize_custom_keys(flag(
            id,
            map,
            &["normalize_custom_keys", "normalizeCustomKeys"],
        )?)
        .validate_options(validate_options(id, options)?);
    match ["external_id", "externalId"]
        .iter()
        .find_map(|k| map.get(*k))
    {
        None => Ok(out),
        Some(v) => {
            let how = v
                .as_str()
                .ok_or_else(|| format!("{id}: option external_id must be a string"))?
                .parse()
                .map_err(|e| format!("{id}: {e}"))?;
            Ok(out.external_id(how))
        }
    }
}

fn json_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
