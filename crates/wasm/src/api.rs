//! The package's functions, on plain Rust strings: each takes format ids and JSON text and
//! returns JSON text, or an [`Error`] for a bad argument. `lib.rs` exports them to JavaScript on
//! wasm32; on the host they are unit-tested directly against the core crate.

#[cfg(feature = "convert")]
use contactkit::Stage;

use contactkit::json_value;
use contactkit::{Code, FieldError, Format, Issue, Pointer, Validator};

use crate::dto::{self, names, Error, ErrorCode, Options, Validations};
#[cfg(feature = "convert")]
use crate::dto::{Batch, Conversion, Previewed, RejectLine, ReportLine};

/// `validate(format, payload, options)`: `{valid, issues}` for a record given as JSON text
/// ([`dto::NO_FINDINGS`] when it has no finding).
pub fn validate(format: &str, payload: &str, options: &str) -> Result<String, Error> {
    let format = dto::format(format)?;
    let options = Options::parse(options, "validate", names::VALIDATE)?;
    let validator = Validator::new(format).with_options(options.to_validate());
    if !starts_object(payload) {
        return Err(bad_record(format, payload));
    }
    // The fast path: the validator walks the text once, without building a tree.
    let report = validator.validate_str(payload);
    if !report.is_json() {
        return Err(invalid_json(report.issues));
    }
    Ok(dto::validation_text(&report.issues))
}

/// Whether text is only JSON's insignificant whitespace (RFC 8259), or empty.
fn blank(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

/// The text after its leading JSON whitespace.
fn after_blank(text: &str) -> &str {
    let skip = text
        .bytes()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(text.len());
    // At an ASCII byte or the end: a character boundary, so never the empty fallback (`get`
    // rather than `&text[skip..]`, whose panic would link the formatting of slicing errors).
    text.get(skip..).unwrap_or_default()
}

/// `validateMany(format, records, options)`: many records in one call, read as the CLI reads its
/// input: a JSON array of records when the first non-blank character is `[`, otherwise NDJSON
/// (one record per line; blank lines are skipped and not counted; a leading byte order mark is
/// ignored). A line that is not JSON is a record with one `syntax` finding, as in the CLI; an
/// array must be valid JSON as a whole. The result holds the counts and, for the records with
/// findings only, `{record, valid, issues}` (records numbered from 1): a valid record costs no
/// output at all.
pub fn validate_many(format: &str, records: &str, options: &str) -> Result<String, Error> {
    let format = dto::format(format)?;
    let options = Options::parse(options, "validateMany", names::VALIDATE)?;
    let validator = Validator::new(format).with_options(options.to_validate());
    let text = records.strip_prefix('\u{feff}').unwrap_or(records);
    let mut batch = Validations::default();
    if after_blank(text).starts_with('[') {
        let items = elements(text)
            .ok_or_else(|| invalid_json(contactkit::validate_str(format, text).issues))?;
        for item in items {
            batch.add(&validator.validate_str(item).issues);
        }
    } else {
        for line in split(text, b'\n') {
            if blank(line) {
                continue;
            }
            batch.add(&validator.validate_str(line).issues);
        }
    }
    Ok(batch.to_json())
}

/// `text` split at each `byte` (ASCII), as `text.split(char::from(byte))`. The browsers'
/// modules (forms, and the full module built with `contactkit_value="lite"`) find the ends
/// with a byte loop: std's `Split` and its searcher weigh about 1 KB there, and its slicing
/// panics link core::fmt's integer formatting. Native builds and the Node module (feature
/// `speed`) keep std's search.
#[cfg(any(
    feature = "speed",
    all(feature = "convert", not(contactkit_value = "lite"))
))]
fn split(text: &str, byte: u8) -> impl Iterator<Item = &str> {
    text.split(char::from(byte))
}

/// `text` split at each `byte` (ASCII), as `text.split(char::from(byte))` (see the other
/// variant).
#[cfg(not(any(
    feature = "speed",
    all(feature = "convert", not(contactkit_value = "lite"))
)))]
fn split(text: &str, byte: u8) -> impl Iterator<Item = &str> {
    contactkit::json_value::split_ascii(text, byte)
}

/// The elements of JSON array text (whose first non-blank character is `[`), as slices of it:
/// found by following strings and brackets, not parsed (each element is then validated as a
/// record, which finds its syntax errors; an empty element is one). `None` when the text is not
/// one array: an unclosed string or array, an unbalanced bracket, or data after the array.
/// (serde_json's `RawValue` would do it too, but its feature adds 12 KB gzipped to the module.)
fn elements(text: &str) -> Option<Vec<&str>> {
    let open = text.len() - after_blank(text).len();
    let mut out = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut start = open + 1;
    for (i, &b) in text.as_bytes().iter().enumerate().skip(open + 1) {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth > 0 => depth -= 1,
            b',' if depth == 0 => {
                out.push(text.get(start..i)?);
                start = i + 1;
            }
            b']' => {
                let last = text.get(start..i)?;
                // `[]` and `[ ]` have no element; `[1,]` ends with an empty one.
                if !(out.is_empty() && blank(last)) {
                    out.push(last);
                }
                return blank(text.get(i + 1..)?).then_some(out);
            }
            b'}' => return None,
            _ => {}
        }
    }
    None
}

/// `validateField(format, pointer, value, options)`: the findings at or below `pointer` when
/// `value` (JSON text; `""` for an absent value) is validated in the smallest record that
/// holds it there ([`Validator::validate_field`], which plans the pointer against the form
/// metadata and builds the record). Findings about other members (missing required siblings,
/// cross-field rules at a parent) are left out, because a form input cannot fix them.
pub fn validate_field(
    format: &str,
    pointer: &str,
    value: &str,
    options: &str,
) -> Result<String, Error> {
    let format = dto::format(format)?;
    let options = Options::parse(options, "validateField", names::VALIDATE)?;
    let pointer =
        Pointer::parse(pointer).map_err(|e| Error::new(ErrorCode::InvalidPointer, e.message()))?;
    let value = (!value.is_empty()).then_some(value);
    let validator = Validator::new(format).with_options(options.to_validate());
    match validator.validate_field_str(&pointer, value) {
        Ok(report) => Ok(dto::validation_text(&report.issues)),
        Err(FieldError::NotAnObject) => {
            let message = FieldError::NotAnObject.message();
            Err(match value {
                Some(other) => not_an_object(
                    other,
                    message,
                    contactkit::validate_str(format, other).issues,
                ),
                None => Error::new(ErrorCode::NotAnObject, message),
            })
        }
        Err(e @ FieldError::NotJson) => Err(Error::new(ErrorCode::InvalidJson, e.message())),
        Err(e) => Err(Error::new(ErrorCode::InvalidPointer, e.message())),
    }
}

/// `convert(from, to, payload, options)`: `{ok: true, payload, notes}` or
/// `{ok: false, stage, issues}`.
#[cfg(feature = "convert")]
pub fn convert(from: &str, to: &str, payload: &str, options: &str) -> Result<String, Error> {
    let from = dto::format(from)?;
    let to = dto::format(to)?;
    let options = Options::parse(options, "convert", names::CONVERT)?;
    if !starts_object(payload) {
        return Err(bad_record(from, payload));
    }
    room(payload.len());
    // From the text, so that a member name repeated in it is rejected as `validate` reports it.
    let result = contactkit::convert_str(from, to, payload, &options.to_convert())
        .map_err(contactkit::Error::into_rejection);
    if let Err(rejection) = &result {
        refuse_syntax(rejection)?;
    }
    Ok(Conversion::from(&result).to_json())
}

/// Records longer than this get their room for conversion at once ([`room`]).
#[cfg(feature = "convert")]
const ROOM_FROM: usize = 1 << 16;

/// Bytes of memory that converting a record takes, per byte of its text, at most as measured
/// (a record of 200,000 custom attributes, Intercom to Help Scout: about 27 in the browsers'
/// full module).
#[cfg(feature = "convert")]
const ROOM_PER_BYTE: usize = 32;

/// The most room made at once (256 MiB).
#[cfg(feature = "convert")]
const ROOM_MOST: usize = 1 << 28;

/// Makes room for converting a record of `len` bytes (over [`ROOM_FROM`]) in one step: a block
/// of [`ROOM_PER_BYTE`] times its length (at most [`ROOM_MOST`]), allocated and given back to
/// the allocator, which then serves the conversion's allocations from it. Otherwise the
/// module's memory grows a page or so at a time (the allocators ask for what each allocation
/// lacks), and in V8 every growth is a new `ArrayBuffer` whose size counts as external memory:
/// a full garbage collection of the page's JavaScript heap every few growths, time quadratic
/// in the record
/// (200,000 custom attributes: 9.6 s in Node 20, 0.7 s with the room made first). The room
/// stays the module's (WebAssembly memory does not shrink): a record of many custom attributes
/// takes about as much anyway, one of long strings less. (Natively, in this crate's tests, the
/// block is reserved and given back unused.)
#[cfg(feature = "convert")]
fn room(len: usize) {
    if len > ROOM_FROM {
        // Not more than `ROOM_MOST`, and none where the memory cannot grow so far (then the
        // conversion grows it as it goes, or fails as it would have).
        let mut room = Vec::<u8>::new();
        let _ = room.try_reserve_exact(len.saturating_mul(ROOM_PER_BYTE).min(ROOM_MOST));
    }
}

/// `convertMany(from, to, records, options)`: every record of NDJSON text (one JSON value per
/// line; blank lines are skipped and not counted) converted into each target of `to` (format
/// ids separated by commas), as one [`Batch`] per target in the order of `to` (see
/// [`Batch::write`] for the text). The lines are those of `contactkit convert`: the payloads
/// of its standard output, its `--rejects` lines (a line that is not JSON is a source-stage
/// `syntax` rejection) and, with the `report` option, its `--report` lines. Each record is
/// parsed once for all targets.
#[cfg(feature = "convert")]
pub fn convert_many(from: &str, to: &str, records: &str, options: &str) -> Result<String, Error> {
    let from = dto::format(from)?;
    // Parsed as a `Value`: a typed `Vec<String>` would link serde's float formatting (about
    // 20 KB of WebAssembly) for its error messages.
    let options = Options::parse(options, "convertMany", names::CONVERT_MANY)?;
    // The targets and their lines, in the order of `to` (loops rather than `collect`: less
    // WebAssembly code).
    let mut targets: Vec<Format> = Vec::new();
    let mut out: Vec<Batch> = Vec::new();
    for id in split(to, b',') {
        targets.push(dto::format(id)?);
        out.push(Batch {
            report: options.report.then(String::new),
            ..Batch::default()
        });
    }
    let mut number = options.first_record.unwrap_or(1);
    let core = options.to_convert();
    let text = records.strip_prefix('\u{feff}').unwrap_or(records);
    let mut roomy = 0;
    for line in split(text, b'\n') {
        if blank(line) {
            continue;
        }
        // Room once per size: a record's room comes back to the allocator for the next one.
        if line.len() > roomy {
            roomy = line.len();
            room(roomy);
        }
        // From the text, as `convert`: validated and parsed once for all targets.
        let results = contactkit::convert_str_each(from, &targets, line, &core);
        for (batch, result) in out.iter_mut().zip(results) {
            let result = result.map_err(contactkit::Error::into_rejection);
            batch.records += 1;
            match result {
                Ok(c) => {
                    batch.converted += 1;
                    json_value::push_value(&mut batch.output, &c.payload);
                    batch.output.push('\n');
                    if let Some(report) = &mut batch.report {
                        ReportLine {
                            record: number,
                            notes: &c.notes,
                        }
                        .push_json(report);
                        report.push('\n');
                    }
                }
                Err(r) => {
                    batch.rejected += 1;
                    RejectLine {
                        record: number,
                        stage: r.stage,
                        issues: &r.issues,
                    }
                    .push_json(&mut batch.rejects);
                    batch.rejects.push('\n');
                }
            }
        }
        number += 1;
    }
    let mut text = String::new();
    for (i, batch) in out.iter().enumerate() {
        if i > 0 {
            text.push(dto::TARGET_SEPARATOR);
        }
        batch.write(&mut text);
    }
    Ok(text)
}

/// `preview(format, payload, options)`: `{ok: true, payload}` with the object the vendor returns
/// for the create payload, or `{ok: false, stage: "source", issues}`.
#[cfg(feature = "convert")]
pub fn preview(format: &str, payload: &str, options: &str) -> Result<String, Error> {
    let format = dto::format(format)?;
    if format.response_format().is_none() {
        return Err(Error::new(
            ErrorCode::NoPreview,
            contactkit::Error::NoPreview(format).text(),
        ));
    }
    let options = Options::parse(options, "preview", names::PREVIEW)?;
    if !starts_object(payload) {
        return Err(bad_record(format, payload));
    }
    // From the text, as `convert`: a repeated member name is rejected as `validate` reports it.
    let result = match contactkit::preview_str(format, payload, &options.to_preview()) {
        Ok(object) => Previewed::Previewed {
            ok: true,
            payload: &object,
        }
        .to_json(),
        Err(contactkit::Error::Rejected(r)) => {
            refuse_syntax(&r)?;
            Previewed::Rejected {
                ok: false,
                stage: r.stage,
                issues: &r.issues,
            }
            .to_json()
        }
        Err(other) => return Err(Error::new(ErrorCode::NoPreview, other.text())),
    };
    Ok(result)
}

/// `schema(format)`: the JSON Schema as compact JSON text, the value of
/// `schemas/<format>.schema.json`.
///
/// It is generated from the rule tables rather than taken from [`Format::schema`]: the
/// generator is in the module anyway (the tables point at it), while the committed texts would
/// add 30 KB to it. Compact rather than pretty: JavaScript parses it anyway, and the pretty
/// printer would add 0.7 KB (gzipped) to the module. The core's tests keep the generated and
/// the committed schemas identical, and a test here compares the values.
///
/// A per-vendor module ([`Format::ONLY`]) returns its one format's committed text instead
/// ([`ONLY_SCHEMA`]): one text is smaller than the generator and the JSON writer it needs.
pub fn schema(format: &str) -> Result<String, Error> {
    let format = dto::format(format)?;
    if let Some(text) = ONLY_SCHEMA {
        return Ok(text.to_owned());
    }
    Ok(json_value::schema_text(format))
}

/// The committed schema text of a per-vendor module's one format without its insignificant
/// whitespace, as [`json_value::schema_text`] writes it (evaluated at compile time, so that no
/// other format's text is in the module); `None` in every other build.
const ONLY_SCHEMA: Option<&str> = match Format::ONLY {
    Some(_) => match std::str::from_utf8(&ONLY_SCHEMA_COMPACT) {
        Ok(text) => Some(text),
        Err(_) => panic!("a schema text is UTF-8"),
    },
    None => None,
};
const ONLY_SCHEMA_PRETTY: &[u8] = match Format::ONLY {
    Some(format) => format.schema().as_bytes(),
    None => b"",
};
const ONLY_SCHEMA_COMPACT: [u8; compact_json(ONLY_SCHEMA_PRETTY, &mut [])] = {
    let mut out = [0; compact_json(ONLY_SCHEMA_PRETTY, &mut [])];
    compact_json(ONLY_SCHEMA_PRETTY, &mut out);
    out
};

/// Copies JSON text without the whitespace between its tokens into `out` (as far as it holds)
/// and returns the length of that text; a `const fn`, for [`ONLY_SCHEMA`].
const fn compact_json(text: &[u8], out: &mut [u8]) -> usize {
    let (mut i, mut n, mut in_string, mut escaped) = (0, 0, false, false);
    while i < text.len() {
        let b = text[i];
        i += 1;
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            continue;
        } else if b == b'"' {
            in_string = true;
        }
        if n < out.len() {
            out[n] = b;
        }
        n += 1;
    }
    n
}

/// `formats()`: `[{id, title}]` in the contract's order (a per-vendor module's one format).
pub fn formats() -> String {
    // Written out rather than serialised from a struct: less WebAssembly.
    let mut out = String::from("[");
    // A per-vendor module lists its one format.
    let only = Format::ONLY.map(|f| [f]);
    let list: &[Format] = only.as_ref().map_or(&Format::ALL, |f| f);
    for (i, f) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"id\":");
        json_value::push_string(&mut out, f.id());
        out.push_str(",\"title\":");
        json_value::push_string(&mut out, f.title());
        out.push('}');
    }
    out.push(']');
    out
}

/// `formFields(format)`: the core's form metadata of a format.
pub fn form_fields(format: &str) -> Result<String, Error> {
    Ok(json_value::form_fields_text(dto::format(format)?))
}

/// `version()`: the package version (the workspace's root crate version).
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Whether JSON text starts with `{` (after whitespace): the cheap test that lets objects take
/// the validator's fast path.
fn starts_object(text: &str) -> bool {
    after_blank(text).starts_with('{')
}

/// The error for a payload that is not JSON object text.
fn bad_record(format: Format, payload: &str) -> Error {
    // One walk of the text: its findings say whether it is JSON and go with either error.
    let report = contactkit::validate_str(format, payload);
    if report.is_json() {
        not_an_object(payload, "the payload must be an object", report.issues)
    } else {
        invalid_json(report.issues)
    }
}

/// The `invalid_json` error for a source-stage rejection of text that is not JSON, as
/// `validate` throws it: a payload must be JSON text, while a record that is JSON but invalid
/// is a rejection.
#[cfg(feature = "convert")]
fn refuse_syntax(rejection: &contactkit::Rejection) -> Result<(), Error> {
    if rejection.stage == Stage::Source && !rejection.is_json() {
        return Err(invalid_json(rejection.issues.clone()));
    }
    Ok(())
}

fn invalid_json(issues: Vec<Issue>) -> Error {
    let mut message = String::from("the payload is ");
    message.push_str(
        issues
            .iter()
            .find(|i| i.code == Code::Syntax)
            .map_or("not valid JSON", |i| &i.message),
    );
    Error {
        code: ErrorCode::InvalidJson,
        message,
        issues,
    }
}

/// The `not_an_object` error for JSON text that is not an object, with the findings of `text`.
fn not_an_object(text: &str, message: &str, issues: Vec<Issue>) -> Error {
    let mut text_message = String::from(message);
    text_message.push_str(", not ");
    text_message.push_str(dto::json_type_of_text(text));
    Error {
        code: ErrorCode::NotAnObject,
        message: text_message,
        issues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use serde_json::Value;

    fn parse(text: &str) -> Value {
        serde_json::from_str(text).expect("the API returns JSON")
    }

    /// A validation result as JavaScript reads it ([`dto::NO_FINDINGS`] included).
    fn validation(text: &str) -> Value {
        if text == dto::NO_FINDINGS {
            json!({"valid": true, "issues": []})
        } else {
            parse(text)
        }
    }

    #[test]
    fn validate_matches_the_core_report() {
        let payload = r#"{"firstName": "Ada", "gender": "robot", "emails": [{"type": "work", "value": "nope"}]}"#;
        let out = validation(&validate("helpscout", payload, "").expect("ok"));
        let core = contactkit::validate_str(Format::HelpScout, payload);
        assert_eq!(out["valid"], json!(core.is_valid()));
        assert_eq!(out["issues"], npm_issues(&core.issues));
        assert!(!core.issues.is_empty());
        assert!(core.issues.iter().any(|i| i.params.is_some()));
    }

    #[test]
    fn validate_reports_bad_records_as_errors_with_the_cli_findings() {
        let e = validate("helpscout", "{\"firstName\": ", "").expect_err("syntax");
        assert_eq!(e.code, ErrorCode::InvalidJson);
        assert_eq!(e.issues[0].code, Code::Syntax);
        assert!(
            e.message.starts_with("the payload is not valid JSON"),
            "{}",
            e.message
        );
        let e = validate("helpscout", "  [1, 2]", "").expect_err("array");
        assert_eq!(e.code, ErrorCode::NotAnObject);
        assert_eq!(e.message, "the payload must be an object, not an array");
        assert_eq!(
            e.issues,
            contactkit::validate_str(Format::HelpScout, "[1,2]").issues
        );
        let e = validate("helpscout", "nope", "").expect_err("syntax");
        assert_eq!(e.code, ErrorCode::InvalidJson);
        let e = validate("helpscout", "{} {}", "").expect_err("trailing");
        assert_eq!(e.code, ErrorCode::InvalidJson);
        let e = validate("hubspot", "{}", "").expect_err("format");
        assert_eq!(e.code, ErrorCode::UnknownFormat);
    }

    #[cfg(feature = "convert")]
    /// A number beyond the range of a 64-bit float is valid JSON that no parser holds: both
    /// functions report it as the core's `out_of_range` finding, not as text that is not JSON.
    #[test]
    fn a_number_beyond_f64_is_out_of_range_in_validate_and_convert() {
        let payload = r#"{"email": "a@example.com", "custom_attributes": {"x": 1e400}, "name": 3}"#;
        let core = contactkit::validate_str(Format::Intercom, payload);
        assert_eq!(core.issues[0].code, Code::OutOfRange);
        assert_eq!(core.issues[0].path, "/custom_attributes/x");
        let issues = npm_issues(&core.issues);
        let out = parse(&validate("intercom", payload, "").expect("ok"));
        assert_eq!(out, json!({"valid": false, "issues": issues}));
        let out = parse(&convert("intercom", "sequence", payload, "").expect("ok"));
        assert_eq!(
            out,
            json!({"ok": false, "stage": "source", "issues": issues})
        );
    }

    #[test]
    fn validate_passes_options_through() {
        let payload = r#"{"firstName": "Ada", "gender": "robot"}"#;
        let hidden = validation(&validate("helpscout", payload, "").expect("ok"));
        let shown =
            validation(&validate("helpscout", payload, r#"{"showValues": true}"#).expect("ok"));
        let hidden = hidden["issues"][0]["message"].as_str().expect("message");
        let shown = shown["issues"][0]["message"].as_str().expect("message");
        assert!(!hidden.contains("robot"), "{hidden}");
        assert!(shown.contains("robot"), "{shown}");
    }

    #[test]
    fn validate_many_reads_ndjson_as_the_cli_does() {
        // A BOM, CRLF line ends, blank lines (not records), a line that is not JSON.
        let text = "\u{feff}{\"firstName\": \"Ada\"}\r\n\n  \r\n{\"gender\": \"robot\"}\n{nope\n[1]\n{\"x\": 1}";
        let out = parse(&validate_many("helpscout", text, "").expect("ok"));
        assert_eq!(out["records"], 5);
        assert_eq!(out["valid"], 2, "{out}");
        assert_eq!(out["invalid"], 3, "{out}");
        let results = out["results"].as_array().expect("results");
        // Only the records with findings, numbered from 1; each as validate() finds it.
        let numbers: Vec<u64> = results
            .iter()
            .map(|r| r["record"].as_u64().expect("n"))
            .collect();
        assert_eq!(numbers, [2, 3, 4, 5]);
        assert_eq!(
            results[0]["issues"],
            contactkit_issues("{\"gender\": \"robot\"}")
        );
        assert_eq!(results[1]["issues"][0]["code"], "syntax");
        assert_eq!(results[2]["issues"][0]["code"], "type");
        assert_eq!(results[3]["valid"], true, "a warning only");
        assert_eq!(results[3]["issues"][0]["code"], "unknown_field");
        // Nothing at all: no records.
        let out = parse(&validate_many("helpscout", "\n\n", "").expect("ok"));
        assert_eq!(
            out,
            json!({"records": 0, "valid": 0, "invalid": 0, "results": []})
        );
    }

    fn contactkit_issues(text: &str) -> Value {
        npm_issues(&contactkit::validate_str(Format::HelpScout, text).issues)
    }

    /// The package's shape of `issues`, built apart from the hand-written writer: the
    /// contract's members (serde) and `params` from the fields of [`contactkit::IssueParams`].
    fn npm_issues(issues: &[contactkit::Issue]) -> Value {
        let issue = |i: &contactkit::Issue| {
            let mut v = serde_json::to_value(i).expect("json");
            if let Some(p) = &i.params {
                let mut m = serde_json::Map::new();
                let numbers = [
                    ("limit", p.limit.map(|n| json!(n))),
                    ("length", p.length.map(|n| json!(n))),
                    ("count", p.count.map(|n| json!(n))),
                    ("minimum", p.minimum.map(|n| json!(n))),
                    ("maximum", p.maximum.map(|n| json!(n))),
                    ("format", p.format.map(|f| json!(f))),
                    ("line", p.line.map(|n| json!(n))),
                    ("column", p.column.map(|n| json!(n))),
                ];
                for (name, value) in numbers {
                    if let Some(value) = value {
                        m.insert(name.into(), value);
                    }
                }
                for (name, list) in [("allowed", p.allowed), ("expected", p.expected)] {
                    if !list.is_empty() {
                        m.insert(name.into(), json!(list));
                    }
                }
                v["params"] = Value::Object(m);
            }
            v
        };
        Value::Array(issues.iter().map(issue).collect())
    }

    #[test]
    fn validate_many_reads_a_json_array_of_records() {
        let text = r#" [{"firstName": "Ada"}, {"gender": "robot"}, 3, {"firstName": "x\n]"}]"#;
        let out = parse(&validate_many("helpscout", text, "").expect("ok"));
        assert_eq!(out["records"], 4);
        assert_eq!(out["valid"], 2);
        let numbers: Vec<&Value> = out["results"]
            .as_array()
            .expect("r")
            .iter()
            .map(|r| &r["record"])
            .collect();
        assert_eq!(numbers, [2, 3]);
        // A broken array is invalid JSON as a whole.
        let e = validate_many("helpscout", "[{}, ", "").expect_err("broken");
        assert_eq!(e.code, ErrorCode::InvalidJson);
        assert_eq!(e.issues[0].code, Code::Syntax);
        // Options apply to every record; bad ones are refused.
        let out = parse(
            &validate_many(
                "helpscout",
                "{\"gender\": \"robot\"}",
                r#"{"showValues": true}"#,
            )
            .expect("ok"),
        );
        assert!(out["results"][0]["issues"][0]["message"]
            .as_str()
            .expect("m")
            .contains("robot"));
        let e = validate_many("helpscout", "", r#"{"lenient": true}"#).expect_err("option");
        assert_eq!(e.code, ErrorCode::InvalidOption);
        assert!(e.message.contains("validateMany()"), "{}", e.message);
    }

    #[test]
    fn lines_split_as_std_does() {
        for text in ["", "\n", "a", "a\n", "\na\r\n\nb", "é\nß\n\n"] {
            assert_eq!(
                contactkit::json_value::split_ascii(text, b'\n').collect::<Vec<_>>(),
                text.split('\n').collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn array_elements_follow_strings_and_brackets() {
        assert_eq!(elements("[]"), Some(vec![]));
        assert_eq!(elements(" [ \n ] \n"), Some(vec![]));
        assert_eq!(
            elements(r#"[{"a": "x,]}\"["}, [1, [2]], 3 ,{}]"#),
            Some(vec![r#"{"a": "x,]}\"["}"#, " [1, [2]]", " 3 ", "{}"])
        );
        // Empty elements are records (with a syntax finding), as in the CLI.
        assert_eq!(elements("[1,,2,]"), Some(vec!["1", "", "2", ""]));
        for broken in ["[", "[1, 2", "[\"]", "[1] x", "[1]]", "[1}", "[{]}"] {
            assert_eq!(elements(broken), None, "{broken}");
        }
    }

    /// validateField builds the record as text and validates it as `validate` does: a value
    /// must be one JSON value on its own (text that would add members to the built record is
    /// refused), and what `validate` reports in a value (a repeated member name, a number beyond
    /// the range of a 64-bit float) validateField reports too.
    #[test]
    fn validate_field_takes_one_json_value_and_reports_what_validate_reports() {
        for value in [
            r#""Ada", "lastName": 7"#,
            "1, 2",
            "{} {}",
            "  ",
            "\u{feff}\"Ada\"",
        ] {
            let e = validate_field("helpscout", "/firstName", value, "").expect_err(value);
            assert_eq!(e.code, ErrorCode::InvalidJson, "{value}");
        }
        let repeated = r#"{"city": "Paris", "city": "Lyon"}"#;
        let field = validation(&validate_field("helpscout", "/address", repeated, "").expect("ok"));
        let record = format!(r#"{{"address": {repeated}}}"#);
        assert_eq!(
            field,
            parse(&validate("helpscout", &record, "").expect("ok"))
        );
        assert_eq!(field["issues"][0]["code"], "duplicate");
        let big = validation(
            &validate_field("intercom", "/custom_attributes/x", "1e400", "").expect("ok"),
        );
        assert_eq!(big["issues"][0]["code"], "out_of_range");
        assert_eq!(big["issues"][0]["path"], "/custom_attributes/x");
        // The whole record at "": an object, or not_an_object with the type finding.
        let e = validate_field("bird", "", "[1]", "").expect_err("array");
        assert_eq!(e.code, ErrorCode::NotAnObject);
        assert!(e.message.ends_with("not an array"), "{}", e.message);
        assert_eq!(e.issues[0].code, Code::Type);
    }

    #[test]
    fn validate_field_refuses_pointers_deeper_than_a_record_can_be() {
        // 100,000 tokens used to build a record that deep and overflow the stack dropping it
        // (found by npm/test/pollution.test.mjs); 2,000 tokens gave `valid: true`.
        for depth in [128, 2_000, 100_000] {
            let err =
                validate_field("sequence", &"/x".repeat(depth), "\"v\"", "").expect_err("too deep");
            assert_eq!(err.code, ErrorCode::InvalidPointer);
        }
        let out =
            validation(&validate_field("sequence", &"/x".repeat(127), "\"v\"", "").expect("ok"));
        assert_eq!(out["valid"], json!(true));
    }

    #[test]
    fn validate_field_reports_only_the_field() {
        // A Bird record needs displayName; checking another field must not say so.
        let out =
            validation(&validate_field("bird", "/identifiers/0/value", "\"x\"", "").expect("ok"));
        for issue in out["issues"].as_array().expect("issues") {
            let path = issue["path"].as_str().expect("path");
            assert!(path.starts_with("/identifiers/0/value"), "{issue}");
        }
        // Too long, checked in place.
        let long = Value::from("x".repeat(41)).to_string();
        let out = validation(&validate_field("helpscout", "/firstName", &long, "").expect("ok"));
        assert_eq!(out["valid"], json!(false));
        assert_eq!(out["issues"][0]["path"], "/firstName");
        assert_eq!(out["issues"][0]["code"], "too_long");
        let out =
            validation(&validate_field("helpscout", "/firstName", "\"Ada\"", "").expect("ok"));
        assert_eq!(out, json!({"valid": true, "issues": []}));
    }

    #[test]
    fn validate_field_reports_array_items_under_the_callers_index() {
        let out = validation(
            &validate_field("helpscout", "/emails/3/value", "\"not an address\"", "").expect("ok"),
        );
        assert_eq!(out["valid"], json!(false));
        let issues = out["issues"].as_array().expect("issues");
        assert!(!issues.is_empty());
        for issue in issues {
            assert_eq!(issue["path"], "/emails/3/value", "{issue}");
        }
        assert_eq!(issues[0]["code"], "format");
        // A whole item: its own findings, including its missing required members.
        let out = validation(&validate_field("helpscout", "/emails/2", "{}", "").expect("ok"));
        let core = contactkit::validate(Format::HelpScout, &json!({"emails": [{}]}));
        let expected: Vec<Value> = core
            .issues
            .iter()
            .filter(|i| i.path.starts_with("/emails/0/"))
            .map(|i| {
                let mut v = serde_json::to_value(i).expect("json");
                v["path"] = Value::from(i.path.replacen("/emails/0", "/emails/2", 1));
                v
            })
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(out["issues"], Value::Array(expected));
    }

    #[test]
    fn validate_field_without_a_value_reports_required() {
        let out = validation(&validate_field("bird", "/displayName", "", "").expect("ok"));
        assert_eq!(out["valid"], json!(false));
        assert_eq!(out["issues"][0]["path"], "/displayName");
        assert_eq!(out["issues"][0]["code"], "required");
        // An optional member may be absent.
        let out = validation(&validate_field("helpscout", "/lastName", "", "").expect("ok"));
        assert_eq!(out, json!({"valid": true, "issues": []}));
    }

    #[test]
    fn validate_field_keeps_cross_field_rules_of_parents_out() {
        // Intercom role "user" needs email or external_id: a finding at "", not at /role.
        let whole = contactkit::validate(Format::Intercom, &json!({"role": "user"}));
        assert!(whole.issues.iter().any(|i| i.path.is_empty()));
        let out = validation(&validate_field("intercom", "/role", "\"user\"", "").expect("ok"));
        assert_eq!(out, json!({"valid": true, "issues": []}));
        let out = validation(&validate_field("intercom", "/role", "\"admin\"", "").expect("ok"));
        assert_eq!(out["issues"][0]["path"], "/role");
        assert_eq!(out["issues"][0]["code"], "enum");
    }

    #[test]
    fn validate_field_addresses_free_keys_and_escapes() {
        let out = validation(
            &validate_field("intercom", "/custom_attributes/a~1b", "{\"x\": 1}", "").expect("ok"),
        );
        assert_eq!(out["issues"][0]["path"], "/custom_attributes/a~1b");
        assert_eq!(out["issues"][0]["code"], "type");
        // Members of objects that take any member (Sequence custom attributes) are fields.
        let out = validation(
            &validate_field("sequence", "/favouriteColour", "\"teal\"", "").expect("ok"),
        );
        assert_eq!(out, json!({"valid": true, "issues": []}));
        let out = validation(&validate_field("bird", "/identifiers/4/note", "1", "").expect("ok"));
        assert_eq!(out, json!({"valid": true, "issues": []}));
    }

    #[test]
    fn validate_field_refuses_members_the_format_does_not_have() {
        // Issue 15: a typo used to pass as `valid: true` with an unknown_field warning. It is
        // refused whether or not a value is given, with a suggestion when only the case differs.
        for value in ["\"Ada\"", ""] {
            let e = validate_field("helpscout", "/firstname", value, "").expect_err("typo");
            assert_eq!(e.code, ErrorCode::InvalidPointer);
            assert_eq!(
                e.message,
                "\"/firstname\" addresses a member that helpscout does not have; did you mean \"/firstName\"?"
            );
        }
        let e = validate_field("helpscout", "/nickname", "\"A\"", "").expect_err("unknown");
        assert_eq!(
            e.message,
            "\"/nickname\" addresses a member that helpscout does not have"
        );
        // Nested, and under an array item (reported with the caller's index).
        let e = validate_field("helpscout", "/phones/3/kind", "\"work\"", "").expect_err("item");
        assert_eq!(e.code, ErrorCode::InvalidPointer);
        assert!(e.message.starts_with("\"/phones/3/kind\""), "{}", e.message);
        let e = validate_field("helpscout", "/address/town/x", "1", "").expect_err("deeper");
        assert!(e.message.starts_with("\"/address/town\""), "{}", e.message);
    }

    #[test]
    fn validate_field_with_the_root_pointer_is_validate() {
        let value = r#"{"gender": "robot"}"#;
        let field = validation(&validate_field("helpscout", "", value, "").expect("ok"));
        let whole = validation(&validate("helpscout", value, "").expect("ok"));
        assert_eq!(field, whole);
        let e = validate_field("helpscout", "", "3", "").expect_err("not an object");
        assert_eq!(e.code, ErrorCode::NotAnObject);
    }

    #[test]
    fn validate_field_rejects_bad_pointers() {
        for (pointer, needle) in [
            ("firstName", "starts with"),
            ("/emails/first/value", "item index"),
            ("/emails/01/value", "item index"),
            ("/firstName/x", "cannot go below"),
            ("/a~2b", "followed by 0 or 1"),
        ] {
            let e = validate_field("helpscout", pointer, "\"x\"", "").expect_err(pointer);
            assert_eq!(e.code, ErrorCode::InvalidPointer, "{pointer}");
            assert!(e.message.contains(needle), "{pointer}: {}", e.message);
        }
    }

    #[cfg(not(feature = "convert"))]
    #[test]
    fn the_forms_module_leaves_the_read_formats_out() {
        for format in Format::READ {
            for e in [
                validate(format.id(), "{}", "").expect_err("read"),
                schema(format.id()).expect_err("read"),
                form_fields(format.id()).expect_err("read"),
            ] {
                assert_eq!(e.code, ErrorCode::UnknownFormat);
                assert!(e.message.contains("contactkit/forms"), "{}", e.message);
            }
        }
        assert!(validate("helpscout", "{}", "").is_ok());
    }

    #[cfg(feature = "convert")]
    #[test]
    fn convert_maps_results_and_bad_input() {
        let payload = r#"{"firstName": "Ada", "lastName": "Lovelace"}"#;
        let out = parse(&convert("helpscout", "bird", payload, "").expect("ok"));
        let core = contactkit::convert(
            Format::HelpScout,
            Format::Bird,
            &parse(payload),
            &contactkit::ConvertOptions::new(),
        );
        let expected = match core {
            Ok(c) => json!({"ok": true, "payload": c.payload, "notes": c.notes}),
            Err(e) => {
                let r = e.into_rejection();
                json!({"ok": false, "stage": r.stage, "issues": r.issues})
            }
        };
        assert_eq!(out, expected);

        // A member name repeated in the text: rejected at the source stage, as validate says.
        let repeated = r#"{"firstName": "Grace", "firstName": "Ada"}"#;
        let out = parse(&convert("helpscout", "bird", repeated, "").expect("result"));
        assert_eq!(out["ok"], false);
        assert_eq!(out["stage"], "source");
        assert_eq!(out["issues"][0]["code"], "duplicate");
        assert_eq!(out["issues"][0]["path"], "/firstName");
        let validated = parse(&validate("helpscout", repeated, "").expect("validation"));
        assert_eq!(validated["valid"], false);

        let e = convert("helpscout", "bird", "[]", "").expect_err("array");
        assert_eq!(e.code, ErrorCode::NotAnObject);
        assert_eq!(e.issues[0].code, Code::Type);
        let e = convert("helpscout", "bird", "{", "").expect_err("json");
        assert_eq!(e.code, ErrorCode::InvalidJson);
        assert_eq!(e.issues[0].code, Code::Syntax);
        let e = convert("helpscout", "hubspot", "{}", "").expect_err("format");
        assert_eq!(e.code, ErrorCode::UnknownFormat);
        let e = convert("helpscout", "bird", "{}", r#"{"lenient": "yes"}"#).expect_err("opt");
        assert_eq!(e.code, ErrorCode::InvalidOption);
    }

    #[cfg(feature = "convert")]
    #[test]
    fn convert_many_gives_the_cli_lines_for_each_target() {
        let records = concat!(
            "\u{feff}{\"firstName\": \"Ada\", \"lastName\": \"Lovelace\"}\n",
            "  \r\n",
            "{\"firstName\": \"x\"\n",
            "[1]\n",
            "{\"firstName\": \"Grace\", \"emails\": [{\"value\": \"g@example.com\"}]}\n",
            "{\"firstName\": \"Grace\", \"emails\": [{\"value\": \"g@example.com\", \"value\": \"h@example.com\"}]}\n",
            "{\"firstName\": \"Grace\", \"properties\": [{\"slug\": \"seats\", \"value\": 1e400}]}"
        );
        let out = batches(
            &convert_many(
                "helpscout",
                "bird,intercom",
                records,
                r#"{"firstRecord": 10, "report": true}"#,
            )
            .expect("ok"),
        );
        let lines: Vec<&str> = records
            .trim_start_matches('\u{feff}')
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect();
        for (i, to) in [Format::Bird, Format::Intercom].into_iter().enumerate() {
            let batch = &out[i];
            let (mut output, mut rejects, mut report) =
                (String::new(), String::new(), String::new());
            for (n, line) in lines.iter().enumerate() {
                let number = 10 + n;
                let result =
                    contactkit::convert_str(Format::HelpScout, to, line, &Default::default());
                match result {
                    Ok(c) => {
                        output += &format!("{}\n", c.payload);
                        report += &format!("{}\n", json!({"record": number, "notes": c.notes}));
                    }
                    Err(e) => {
                        let r = e.into_rejection();
                        rejects += &format!(
                            "{}\n",
                            json!({"record": number, "stage": r.stage, "issues": r.issues})
                        );
                    }
                }
            }
            assert_eq!(batch["records"], 6, "{to}");
            assert_eq!(batch["converted"], 2, "{to}");
            assert_eq!(batch["rejected"], 4, "{to}");
            assert_eq!(batch["output"], output.as_str(), "{to}");
            assert_eq!(batch["rejects"], rejects.as_str(), "{to}");
            assert_eq!(batch["report"], report.as_str(), "{to}");
        }
        // The syntax finding of a line that is not JSON, the type finding of one that is not
        // an object: the CLI's.
        let rejects: Vec<Value> = out[0]["rejects"]
            .as_str()
            .expect("text")
            .lines()
            .map(parse)
            .collect();
        assert_eq!(rejects[0]["record"], 11);
        assert_eq!(rejects[0]["issues"][0]["code"], "syntax");
        assert_eq!(rejects[1]["record"], 12);
        assert_eq!(rejects[1]["issues"][0]["code"], "type");
        // What validate rejects and a parsed value cannot show: a member name repeated in the
        // line, a number beyond the range of a 64-bit float; validate's findings.
        for (reject, line, code, path) in [
            (&rejects[2], lines[4], "duplicate", "/emails/0/value"),
            (&rejects[3], lines[5], "out_of_range", "/properties/0/value"),
        ] {
            assert_eq!(reject["stage"], "source");
            assert_eq!(reject["issues"][0]["code"], code);
            assert_eq!(reject["issues"][0]["path"], path);
            let validated = parse(&validate("helpscout", line, "").expect("validation"));
            assert_eq!(validated["valid"], false);
            assert_eq!(reject["issues"], validated["issues"]);
        }
        // Without `report`, no notes; numbering starts at 1.
        let out = batches(&convert_many("helpscout", "bird", records, "").expect("ok"));
        assert!(out[0].get("report").is_none());
        assert_eq!(rejects_numbers(&out[0]), [2, 3, 5, 6]);
        let empty = batches(&convert_many("helpscout", "bird", "\n\n", "").expect("ok"));
        assert_eq!(
            empty,
            json!([{"records": 0, "converted": 0, "rejected": 0, "output": "", "rejects": ""}])
        );
    }

    #[cfg(feature = "convert")]
    /// The parts of a `convertMany` result as `{records, converted, rejected, output, rejects,
    /// report?}` values.
    fn batches(text: &str) -> Value {
        text.split(crate::dto::TARGET_SEPARATOR)
            .map(|part| {
                let fields: Vec<&str> = part.split(crate::dto::FIELD_SEPARATOR).collect();
                let number = |i: usize| fields[i].parse::<u64>().expect("count");
                let mut batch = json!({
                    "records": number(0),
                    "converted": number(1),
                    "rejected": number(2),
                    "output": fields[3],
                    "rejects": fields[4],
                });
                if let Some(report) = fields.get(5) {
                    batch["report"] = Value::from(*report);
                }
                batch
            })
            .collect()
    }

    #[cfg(feature = "convert")]
    fn rejects_numbers(batch: &Value) -> Vec<u64> {
        batch["rejects"]
            .as_str()
            .expect("text")
            .lines()
            .map(|l| parse(l)["record"].as_u64().expect("number"))
            .collect()
    }

    #[cfg(feature = "convert")]
    #[test]
    fn convert_many_refuses_bad_arguments() {
        for to in ["", "bird,", "bird,3", "hubspot", "bird intercom"] {
            assert_eq!(
                convert_many("helpscout", to, "{}", "").expect_err(to).code,
                ErrorCode::UnknownFormat,
                "{to}"
            );
        }
        assert_eq!(
            convert_many("hubspot", "bird", "{}", "")
                .expect_err("from")
                .code,
            ErrorCode::UnknownFormat
        );
        for options in [
            r#"{"firstRecord": 0}"#,
            r#"{"firstRecord": 1.5}"#,
            r#"{"firstRecord": "1"}"#,
            r#"{"firstRecord": 9007199254740992}"#,
            r#"{"report": 1}"#,
            r#"{"lenient": "yes"}"#,
            r#"{"nope": true}"#,
        ] {
            assert_eq!(
                convert_many("helpscout", "bird", "{}", options)
                    .expect_err(options)
                    .code,
                ErrorCode::InvalidOption,
                "{options}"
            );
        }
        let e = convert_many("helpscout", "bird", "{}", r#"{"nope": true}"#).expect_err("x");
        assert!(e.message.contains("firstRecord, report"), "{}", e.message);
        // Options reach every conversion.
        let long = format!(
            "{{\"firstName\": \"Ada\", \"jobTitle\": \"{}\"}}",
            "x".repeat(61)
        );
        let strict = batches(&convert_many("canonical", "helpscout", &long, "").expect("ok"));
        assert_eq!(strict[0]["rejected"], 1);
        let lenient = batches(
            &convert_many("canonical", "helpscout", &long, r#"{"lenient": true}"#).expect("ok"),
        );
        assert_eq!(lenient[0]["converted"], 1);
    }

    /// A per-vendor module's `schema()` text: the committed text without its whitespace is
    /// exactly what the generator writes, for every create format.
    #[test]
    fn compacted_committed_schemas_are_the_generated_texts() {
        for format in Format::ALL {
            let pretty = format.schema().as_bytes();
            let mut out = vec![0; compact_json(pretty, &mut [])];
            assert_eq!(compact_json(pretty, &mut out), out.len());
            let compact = std::str::from_utf8(&out).expect("utf-8");
            assert_eq!(compact, json_value::schema_text(format), "{format}");
        }
        let mut out = [0; 64];
        let n = compact_json(b"{ \"a b\" : [1, \"\\\" x\\\\\" ] }\n", &mut out);
        assert_eq!(&out[..n], br#"{"a b":[1,"\" x\\"]}"#);
    }

    #[test]
    fn metadata_functions() {
        for format in Format::ALL {
            assert_eq!(
                parse(&schema(format.id()).expect("ok")),
                parse(format.schema()),
                "{format}"
            );
        }
        assert_eq!(
            schema("x").expect_err("unknown").code,
            ErrorCode::UnknownFormat
        );
        let list = parse(&formats());
        assert_eq!(list.as_array().expect("array").len(), Format::ALL.len());
        assert_eq!(
            list[3],
            json!({"id": "helpscout", "title": Format::HelpScout.title()})
        );
        // The core's metadata.
        assert_eq!(
            parse(&form_fields("helpscout").expect("ok")),
            serde_json::to_value(contactkit::form_fields(Format::HelpScout)).expect("json")
        );
    }

    /// The field at a path of a form's metadata.
    fn field_at<'v>(fields: &'v Value, path: &str) -> &'v Value {
        fn find<'v>(fields: &'v Value, path: &str) -> Option<&'v Value> {
            fields.as_array()?.iter().find_map(|f| {
                if f["path"] == path {
                    return Some(f);
                }
                f.get("fields").and_then(|nested| find(nested, path))
            })
        }
        find(fields, path).unwrap_or_else(|| panic!("no field {path}"))
    }

    #[test]
    fn form_fields_say_where_required_members_are_required() {
        // Issue 15: an optional, empty Phones group must not block a form's submit.
        let hs = parse(&form_fields("helpscout").expect("ok"));
        let phone_type = field_at(&hs, "/phones/0/type");
        assert_eq!(phone_type["required"], true);
        assert_eq!(phone_type["requiredWithin"], "/phones/0");
        // Required of every record: no marker.
        let bird = parse(&form_fields("bird").expect("ok"));
        let name = field_at(&bird, "/displayName");
        assert_eq!(name["required"], true);
        assert!(name.get("requiredWithin").is_none(), "{name}");
        // Inside an item of an optional array that needs an item once present.
        let key = field_at(&bird, "/identifiers/0/key");
        assert_eq!(key["requiredWithin"], "/identifiers/0");
        // Optional members have no marker.
        assert!(field_at(&hs, "/firstName").get("requiredWithin").is_none());
        // What the marker claims is what the validator does: the member is not required of a
        // record without the container, and is once the container exists.
        for (format, fields) in [("helpscout", &hs), ("bird", &bird)] {
            let mut all = Vec::new();
            collect(fields, &mut all);
            for f in all
                .into_iter()
                .filter(|f| f.get("requiredWithin").is_some())
            {
                let within = f["requiredWithin"].as_str().expect("pointer");
                let member = f["path"].as_str().expect("path");
                let without = validation(&validate_field(format, within, "", "").expect("ok"));
                assert!(
                    !without["issues"]
                        .as_array()
                        .expect("issues")
                        .iter()
                        .any(|i| i["path"] == member),
                    "{format} {member}: {without}"
                );
                let with = validation(&validate_field(format, within, "{}", "").expect("ok"));
                assert!(
                    with["issues"]
                        .as_array()
                        .expect("issues")
                        .iter()
                        .any(|i| i["path"] == member && i["code"] == "required"),
                    "{format} {member} within {within}: {with}"
                );
            }
        }
    }

    fn collect<'v>(fields: &'v Value, out: &mut Vec<&'v Value>) {
        for f in fields.as_array().into_iter().flatten() {
            out.push(f);
            if let Some(nested) = f.get("fields") {
                collect(nested, out);
            }
        }
    }

    #[test]
    fn form_fields_state_the_length_unit() {
        let hs = parse(&form_fields("helpscout").expect("ok"));
        let first = field_at(&hs, "/firstName");
        assert_eq!(first["maxLength"], 40);
        assert_eq!(first["lengthUnit"], contactkit::FormField::LENGTH_UNIT);
        assert!(field_at(&hs, "/gender").get("lengthUnit").is_none());
        // The unit is what the validator counts: 40 emoji (80 UTF-16 units) are valid.
        let emoji = Value::from("\u{1F600}".repeat(40)).to_string();
        assert_eq!(
            validate_field("helpscout", "/firstName", &emoji, "").expect("ok"),
            dto::NO_FINDINGS
        );
        let emoji = Value::from("\u{1F600}".repeat(41)).to_string();
        assert_ne!(
            validate_field("helpscout", "/firstName", &emoji, "").expect("ok"),
            dto::NO_FINDINGS
        );
    }

    #[test]
    fn version_is_the_root_crate_version() {
        // The workspace's one version (`[workspace.package]`), which the crate inherits.
        let manifest = include_str!("../../../Cargo.toml");
        let line = manifest
            .lines()
            .skip_while(|l| *l != "[workspace.package]")
            .find(|l| l.starts_with("version = "))
            .expect("[workspace.package] version");
        assert_eq!(line, format!("version = \"{}\"", version()));
    }

    #[test]
    fn pointers_round_trip() {
        // validateField reads pointers with the core's Pointer.
        let tokens = |p: &str| -> Vec<String> {
            let pointer = Pointer::parse(p).expect("pointer");
            pointer.tokens().map(std::borrow::Cow::into_owned).collect()
        };
        assert_eq!(tokens("/a~1b/~0c/0"), ["a/b", "~c", "0"]);
        assert_eq!(
            Pointer::from_tokens(["a/b", "~c", "0"]).as_str(),
            "/a~1b/~0c/0"
        );
        assert_eq!(tokens(""), Vec::<String>::new());
        assert_eq!(tokens("/"), [""]);
    }
}
