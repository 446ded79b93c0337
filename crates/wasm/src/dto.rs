//! The shapes that cross the JavaScript boundary, as JSON text.
//!
//! Every export takes strings (format ids, JSON text) and returns JSON text that the
//! package's JavaScript entry parses with `JSON.parse`: objects built that way have only own
//! properties, so untrusted keys such as `__proto__` stay plain data. The TypeScript types of
//! these shapes are written by hand in `npm/contactkit.d.ts`; the tests in this module and the
//! Node tests keep the two in step.

use contactkit::json_value::{self, Json};
#[cfg(feature = "convert")]
use contactkit::value::Value;
#[cfg(feature = "convert")]
use contactkit::{Converted, Note, Rejection, Stage};
use contactkit::{Definitions, Format, Issue};
use serde::Serialize;

/// The stable codes of the errors thrown for bad arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A format id that contactkit does not know.
    UnknownFormat,
    /// A payload (or definitions) string that is not valid JSON.
    InvalidJson,
    /// A payload that is valid JSON but not an object.
    NotAnObject,
    /// An options argument that is not an object, an unknown option, or a value of the wrong type.
    InvalidOption,
    /// Custom field definitions that contactkit cannot read.
    InvalidDefinitions,
    /// A JSON Pointer that is malformed or cannot address a value of the format.
    InvalidPointer,
    /// `preview` of a format without a documented response object (Sequence, the canonical
    /// contact, the read formats).
    NoPreview,
}

impl ErrorCode {
    /// The code's name (what `Serialize` writes).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::UnknownFormat => "unknown_format",
            Self::InvalidJson => "invalid_json",
            Self::NotAnObject => "not_an_object",
            Self::InvalidOption => "invalid_option",
            Self::InvalidDefinitions => "invalid_definitions",
            Self::InvalidPointer => "invalid_pointer",
            Self::NoPreview => "no_preview",
        }
    }

    /// Every code the Rust side produces (JavaScript adds `invalid_argument`,
    /// `not_initialized` and `internal`).
    pub const ALL: [ErrorCode; 7] = [
        Self::UnknownFormat,
        Self::InvalidJson,
        Self::NotAnObject,
        Self::InvalidOption,
        Self::InvalidDefinitions,
        Self::InvalidPointer,
        Self::NoPreview,
    ];
}

/// An error for a bad argument: `{code, message, issues?}`.
///
/// `issues` holds, for `invalid_json` and `not_an_object`, the findings that the CLI reports
/// for the same record (one `syntax` or `type` finding at `""`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Error {
    /// What went wrong, as a stable code.
    pub code: ErrorCode,
    /// A human-readable explanation that never echoes payload values.
    pub message: String,
    /// The CLI's findings for the record, where there are some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<Issue>,
}

impl Error {
    /// An error without findings.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            issues: Vec::new(),
        }
    }

    /// The error as JSON text (as its `Serialize` writes it; written by hand, so that the
    /// forms module links no serialiser).
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"code\":");
        json_value::push_string(&mut out, self.code.as_str());
        out.push_str(",\"message\":");
        json_value::push_string(&mut out, &self.message);
        if !self.issues.is_empty() {
            out.push_str(",\"issues\":");
            json_value::push_issues(&mut out, &self.issues);
        }
        out.push('}');
        out
    }
}

/// Parses a format id: any format in the full module; only the create formats
/// ([`Format::ALL`]) in the forms module (built without the `convert` feature), which leaves
/// the read formats out.
///
/// A per-vendor module (`contactkit/forms/<id>`, built for one format: [`Format::ONLY`]) knows
/// that format alone: another id, a create format's too, is `unknown_format`, and the message
/// names the entry and points to `contactkit/forms`.
pub fn format(id: &str) -> Result<Format, Error> {
    if let Some(only) = Format::ONLY {
        if id != only.id() {
            let mut message = String::from("contactkit/forms/");
            message.push_str(only.id());
            message.push_str(" validates ");
            json_value::push_string(&mut message, only.id());
            message.push_str(" only, not ");
            json_value::push_string(&mut message, id);
            message.push_str(": import \"contactkit/forms\" for every create format");
            return Err(Error::new(ErrorCode::UnknownFormat, message));
        }
        return Ok(only);
    }
    id.parse::<Format>().map_err(|e| {
        if e.is_read_format_left_out() {
            // The forms module is built without the read formats.
            let mut message = String::new();
            json_value::push_string(&mut message, id);
            message.push_str(" is a read format, which contactkit/forms leaves out (import it from \"contactkit\"); the forms entry knows: ");
            for (i, f) in Format::ALL.iter().enumerate() {
                if i > 0 {
                    message.push_str(", ");
                }
                message.push_str(f.id());
            }
            return Error::new(ErrorCode::UnknownFormat, message);
        }
        Error::new(ErrorCode::UnknownFormat, e.message())
    })
}

/// What `validate` and `validateField` return for a record without findings, in place of the
/// JSON of `{"valid": true, "issues": []}`: JSON text is never empty, and JavaScript builds the
/// object without decoding or parsing anything (the common case of a valid record).
pub const NO_FINDINGS: &str = "";

/// The text of a validation result: [`NO_FINDINGS`], or the JSON of [`Validation`].
pub fn validation_text(issues: &[Issue]) -> String {
    if issues.is_empty() {
        NO_FINDINGS.to_owned()
    } else {
        let mut out = String::new();
        Validation::new(issues).write(&mut out);
        out
    }
}

/// The result of `validate` and `validateField`: `{valid, issues}`.
#[derive(Debug, Serialize)]
pub struct Validation<'a> {
    /// No finding has severity `error`.
    pub valid: bool,
    /// Every finding, in the order the validator found them.
    pub issues: &'a [Issue],
}

impl<'a> Validation<'a> {
    /// The result for these findings.
    pub fn new(issues: &'a [Issue]) -> Self {
        Self {
            valid: !issues.iter().any(Issue::is_error),
            issues,
        }
    }

    /// Appends the members `"valid":…,"issues":[…]}` (the JSON after its `{`), as `Serialize`
    /// writes them; written by hand, so that the forms module links no serialiser.
    fn write_members(&self, out: &mut String) {
        out.push_str(if self.valid {
            "\"valid\":true,\"issues\":"
        } else {
            "\"valid\":false,\"issues\":"
        });
        json_value::push_issues(out, self.issues);
        out.push('}');
    }

    /// Appends the JSON of the result.
    pub fn write(&self, out: &mut String) {
        out.push('{');
        self.write_members(out);
    }
}

/// The result of `validateMany`, built as it goes: the counts, and the records that have
/// findings as `{"record": N, "valid": …, "issues": […]}` (the CLI's report line). Written as
/// text around [`Validation`]'s JSON rather than with a serialiser of its own: less WebAssembly.
#[derive(Debug, Default)]
pub struct Validations {
    /// The number of records (blank NDJSON lines are not records).
    pub records: u64,
    /// How many are valid (warnings allowed).
    pub valid: u64,
    /// How many are not.
    pub invalid: u64,
    /// The JSON of the records with findings (errors or warnings), in input order, separated by
    /// commas.
    results: String,
}

impl Validations {
    /// Counts a record with these findings, keeping them when there are some.
    pub fn add(&mut self, issues: &[Issue]) {
        self.records += 1;
        let result = Validation::new(issues);
        if result.valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        if !issues.is_empty() {
            if !self.results.is_empty() {
                self.results.push(',');
            }
            // `{"valid": …, "issues": […]}` with the record's number first.
            self.results.push_str("{\"record\":");
            json_value::push_u64(&mut self.results, self.records);
            self.results.push(',');
            result.write_members(&mut self.results);
        }
    }

    /// `{"records": N, "valid": N, "invalid": N, "results": […]}`.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"records\":");
        json_value::push_u64(&mut out, self.records);
        out.push_str(",\"valid\":");
        json_value::push_u64(&mut out, self.valid);
        out.push_str(",\"invalid\":");
        json_value::push_u64(&mut out, self.invalid);
        out.push_str(",\"results\":[");
        out.push_str(&self.results);
        out.push_str("]}");
        out
    }
}

#[cfg(feature = "convert")]
/// The result of `convert`: `{ok: true, payload, notes}` or `{ok: false, stage, issues}`.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Conversion<'a> {
    /// The record was converted.
    Converted {
        /// Always `true`.
        ok: bool,
        /// The target payload.
        payload: &'a Value,
        /// What the conversion changed or left out.
        notes: &'a [Note],
    },
    /// The record was rejected.
    Rejected {
        /// Always `false`.
        ok: bool,
        /// Where it failed.
        stage: Stage,
        /// The findings.
        issues: &'a [Issue],
    },
}

#[cfg(feature = "convert")]
impl<'a> From<&'a Result<Converted, Rejection>> for Conversion<'a> {
    fn from(result: &'a Result<Converted, Rejection>) -> Self {
        match result {
            Ok(c) => Self::Converted {
                ok: true,
                payload: &c.payload,
                notes: &c.notes,
            },
            Err(r) => Self::Rejected {
                ok: false,
                stage: r.stage,
                issues: &r.issues,
            },
        }
    }
}

#[cfg(feature = "convert")]
impl Conversion<'_> {
    /// The result as JSON text, as its `Serialize` writes it (written by hand: the module
    /// links no serialiser).
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        match self {
            Self::Converted { ok, payload, notes } => {
                push_ok(&mut out, *ok);
                out.push_str(",\"payload\":");
                json_value::push_value(&mut out, payload);
                out.push_str(",\"notes\":");
                json_value::push_notes(&mut out, notes);
                out.push('}');
            }
            Self::Rejected { ok, stage, issues } => {
                push_ok(&mut out, *ok);
                push_rejection(&mut out, *stage, issues, false);
            }
        }
        out
    }
}

#[cfg(feature = "convert")]
/// Appends `{"ok":true` or `{"ok":false`, the start of a `convert` or `preview` result.
fn push_ok(out: &mut String, ok: bool) {
    out.push_str(if ok { "{\"ok\":true" } else { "{\"ok\":false" });
}

#[cfg(feature = "convert")]
/// Appends `,"stage":…,"issues":[…]}`, the end of a rejection's JSON.
fn push_rejection(out: &mut String, stage: Stage, issues: &[Issue], as_cli: bool) {
    out.push_str(",\"stage\":");
    json_value::push_string(out, stage.as_str());
    out.push_str(",\"issues\":");
    if as_cli {
        json_value::push_contract_issues(out, issues);
    } else {
        json_value::push_issues(out, issues);
    }
    out.push('}');
}

#[cfg(feature = "convert")]
/// The result of `preview`: `{ok: true, payload}` (the object the vendor returns) or
/// `{ok: false, stage, issues}`.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Previewed<'a> {
    /// The payload is valid: the vendor's object.
    Previewed {
        /// Always `true`.
        ok: bool,
        /// The object the vendor returns.
        payload: &'a Value,
    },
    /// The payload is invalid as the create format.
    Rejected {
        /// Always `false`.
        ok: bool,
        /// Always `source`.
        stage: Stage,
        /// The findings.
        issues: &'a [Issue],
    },
}

#[cfg(feature = "convert")]
impl Previewed<'_> {
    /// The result as JSON text, as its `Serialize` writes it (written by hand).
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        match self {
            Self::Previewed { ok, payload } => {
                push_ok(&mut out, *ok);
                out.push_str(",\"payload\":");
                json_value::push_value(&mut out, payload);
                out.push('}');
            }
            Self::Rejected { ok, stage, issues } => {
                push_ok(&mut out, *ok);
                push_rejection(&mut out, *stage, issues, false);
            }
        }
        out
    }
}

/// The option names of each function, in the order error messages list them.
pub mod names {
    /// `validate` and `validateField`.
    pub const VALIDATE: &[&str] = &["definitions", "showValues"];
    /// `convert`.
    pub const CONVERT: &[&str] = &[
        "lenient",
        "normalizeCustomKeys",
        "externalId",
        "definitions",
        "showValues",
    ];
    /// `convertMany`.
    pub const CONVERT_MANY: &[&str] = &[
        "lenient",
        "normalizeCustomKeys",
        "externalId",
        "definitions",
        "showValues",
        "firstRecord",
        "report",
    ];
    /// `preview`.
    pub const PREVIEW: &[&str] = &["now", "definitions", "showValues"];
}

/// The options of every function, read by one parser; each function accepts only the names
/// listed for it in [`names`] (one parser keeps the module small).
#[derive(Debug, Default)]
pub struct Options {
    /// Custom field definitions.
    pub definitions: Option<Definitions>,
    /// Whether messages may echo values.
    pub show_values: bool,
    /// Truncate and drop instead of rejecting (conversions).
    pub lenient: bool,
    /// Normalise custom attribute keys to the target's rules (conversions).
    pub normalize_custom_keys: bool,
    /// The number of the first record (`convertMany`; `None`: 1).
    pub first_record: Option<u64>,
    /// Whether to return the notes of the converted records (`convertMany`).
    pub report: bool,
    /// The creation time the vendor records (`preview`; `None`: the placeholder Unix epoch).
    pub now: Option<contactkit::Timestamp>,
    /// Where a missing target external id comes from (`externalId`, conversions).
    pub external_id: Option<contactkit::ExternalIdSource>,
}

impl Options {
    /// Reads the options object of `function`, which accepts the option names `known`, from
    /// JSON text (`""`: no options). Read with the core's scanner ([`json_value::parse`]), not
    /// serde_json: the forms module links no serde_json parser.
    pub fn parse(text: &str, function: &str, known: &[&str]) -> Result<Self, Error> {
        let mut out = Self::default();
        if text.is_empty() {
            return Ok(out);
        }
        let members = match json_value::parse(text) {
            Ok(Json::Object(members)) => members,
            Ok(other) => {
                let mut message = options_of(function);
                message.push_str(" must be an object, not ");
                message.push_str(json_type(&other));
                return Err(Error::new(ErrorCode::InvalidOption, message));
            }
            Err(_) => {
                let mut message = options_of(function);
                message.push_str(" must be an object");
                return Err(Error::new(ErrorCode::InvalidOption, message));
            }
        };
        for (key, value) in &members {
            let key: &str = key;
            if !known.contains(&key) {
                return Err(unknown_option(key, function, known));
            }
            let problem = match key {
                "definitions" => {
                    out.definitions = Some(definitions(value, function)?);
                    None
                }
                #[cfg(feature = "convert")]
                "firstRecord" => {
                    out.first_record = value
                        .as_u64()
                        .filter(|n| (1..=MAX_SAFE_INTEGER).contains(n));
                    out.first_record
                        .is_none()
                        .then_some("a whole number from 1")
                }
                #[cfg(feature = "convert")]
                "externalId" => match external_id(value) {
                    Ok(how) => {
                        out.external_id = Some(how);
                        None
                    }
                    Err(why) => {
                        let mut message = String::from("option externalId of ");
                        message.push_str(function);
                        message.push_str("() ");
                        message.push_str(&why);
                        return Err(Error::new(ErrorCode::InvalidOption, message));
                    }
                },
                #[cfg(feature = "convert")]
                "now" => {
                    out.now = value.as_str().and_then(|s| s.parse().ok());
                    out.now
                        .is_none()
                        .then_some("an RFC 3339 date-time string (e.g. \"2024-05-01T12:00:00Z\")")
                }
                // The others are booleans.
                _ => {
                    let flag = match key {
                        "showValues" => &mut out.show_values,
                        #[cfg(feature = "convert")]
                        "lenient" => &mut out.lenient,
                        #[cfg(feature = "convert")]
                        "normalizeCustomKeys" => &mut out.normalize_custom_keys,
                        _ => &mut out.report,
                    };
                    *flag = value.as_bool().unwrap_or_default();
                    (!value.is_boolean()).then_some("a boolean")
                }
            };
            if let Some(expected) = problem {
                let mut message = String::from("option ");
                message.push_str(key);
                message.push_str(" of ");
                message.push_str(function);
                message.push_str("() must be ");
                message.push_str(expected);
                message.push_str(", not ");
                message.push_str(json_type(value));
                return Err(Error::new(ErrorCode::InvalidOption, message));
            }
        }
        Ok(out)
    }

    /// The core's validation options (taking the options: no copy of the definitions).
    pub fn to_validate(self) -> contactkit::ValidateOptions {
        let options = contactkit::ValidateOptions::new().show_values(self.show_values);
        match self.definitions {
            Some(definitions) => options.definitions(definitions),
            None => options,
        }
    }

    #[cfg(feature = "convert")]
    /// The core's conversion options.
    pub fn to_convert(mut self) -> contactkit::ConvertOptions {
        let external_id = self.external_id.take();
        let options = contactkit::ConvertOptions::new()
            .lenient(self.lenient)
            .normalize_custom_keys(self.normalize_custom_keys)
            .validate_options(self.to_validate());
        match external_id {
            Some(how) => options.external_id(how),
            None => options,
        }
    }

    #[cfg(feature = "convert")]
    /// The core's preview options.
    pub fn to_preview(self) -> contactkit::PreviewOptions {
        let now = self.now;
        let mut options = contactkit::PreviewOptions::new().validate_options(self.to_validate());
        options.now = now;
        options
    }
}

#[cfg(feature = "convert")]
/// The largest integer JavaScript represents exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

#[cfg(feature = "convert")]
/// Separates the targets' parts of the result of `convertMany`.
pub const TARGET_SEPARATOR: char = '\u{1d}';
#[cfg(feature = "convert")]
/// Separates the fields of one target's part.
pub const FIELD_SEPARATOR: char = '\u{1e}';

#[cfg(feature = "convert")]
/// One target's part of the result of `convertMany`.
///
/// Returned as text rather than JSON: `records`, `converted`, `rejected`, `output`, `rejects`
/// and, with the `report` option, `report`, separated by [`FIELD_SEPARATOR`] (the parts of the
/// targets by [`TARGET_SEPARATOR`]). The NDJSON lines go through as they are, without a second
/// round of escaping and unescaping; serde_json escapes every control character inside JSON,
/// so the separators cannot occur in them.
#[derive(Debug, Default)]
pub struct Batch {
    /// Records read (non-blank lines).
    pub records: u64,
    /// Records converted (one line each in `output`).
    pub converted: u64,
    /// Records rejected (one line each in `rejects`).
    pub rejected: u64,
    /// The converted payloads, one JSON object per line, in input order.
    pub output: String,
    /// `{"record": N, "stage": …, "issues": […]}` per rejected record.
    pub rejects: String,
    /// `{"record": N, "notes": […]}` per converted record, when the `report` option is set.
    pub report: Option<String>,
}

#[cfg(feature = "convert")]
impl Batch {
    /// Appends the part's text (see [`Batch`]).
    pub fn write(&self, text: &mut String) {
        for count in [self.records, self.converted, self.rejected] {
            json_value::push_u64(text, count);
            text.push(FIELD_SEPARATOR);
        }
        text.push_str(&self.output);
        text.push(FIELD_SEPARATOR);
        text.push_str(&self.rejects);
        if let Some(report) = &self.report {
            text.push(FIELD_SEPARATOR);
            text.push_str(report);
        }
    }
}

#[cfg(feature = "convert")]
/// A reject line of `convertMany` (the CLI's `--rejects` line).
#[derive(Debug, Serialize)]
pub struct RejectLine<'a> {
    /// The record's number.
    pub record: u64,
    /// Where it failed.
    pub stage: Stage,
    /// The findings.
    pub issues: &'a [Issue],
}

#[cfg(feature = "convert")]
impl RejectLine<'_> {
    /// Appends the line's JSON, as its `Serialize` writes it (written by hand).
    pub fn push_json(&self, out: &mut String) {
        out.push_str("{\"record\":");
        json_value::push_u64(out, self.record);
        // The CLI's line, byte for byte: the contract's issues, without params.
        push_rejection(out, self.stage, self.issues, true);
    }
}

#[cfg(feature = "convert")]
/// A report line of `convertMany` (the CLI's `--report` line).
#[derive(Debug, Serialize)]
pub struct ReportLine<'a> {
    /// The record's number.
    pub record: u64,
    /// What the conversion did.
    pub notes: &'a [Note],
}

#[cfg(feature = "convert")]
impl ReportLine<'_> {
    /// Appends the line's JSON, as its `Serialize` writes it (written by hand).
    pub fn push_json(&self, out: &mut String) {
        out.push_str("{\"record\":");
        json_value::push_u64(out, self.record);
        out.push_str(",\"notes\":");
        json_value::push_notes(out, self.notes);
        out.push('}');
    }
}

/// `the options of NAME()`, the start of the messages about the options argument as a whole.
fn options_of(function: &str) -> String {
    let mut message = String::from("the options of ");
    message.push_str(function);
    message.push_str("()");
    message
}

fn unknown_option(key: &str, function: &str, known: &[&str]) -> Error {
    let mut message = String::from("unknown option ");
    json_value::push_string(&mut message, key);
    message.push_str(" for ");
    message.push_str(function);
    message.push_str("(); the options are: ");
    push_list(&mut message, known);
    Error::new(ErrorCode::InvalidOption, message)
}

/// Appends names separated by `, `.
pub fn push_list(out: &mut String, names: &[&str]) {
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(name);
    }
}

#[cfg(feature = "convert")]
/// Reads the `externalId` option of the conversions: `"email"`, `"source-id"` or `"custom:KEY"`.
fn external_id(value: &Json<'_>) -> Result<contactkit::ExternalIdSource, String> {
    match value {
        Json::String(text) => text.parse().map_err(|e: contactkit::ExternalIdError| {
            let mut why = String::from("is invalid: ");
            why.push_str(e.message());
            why
        }),
        other => {
            let mut why =
                String::from("must be a string (\"email\", \"source-id\" or \"custom:KEY\"), not ");
            why.push_str(json_type(other));
            Err(why)
        }
    }
}

/// Reads the `definitions` option: a definitions document (an object), or its JSON text.
fn definitions(value: &Json<'_>, function: &str) -> Result<Definitions, Error> {
    let parsed;
    let doc = match value {
        Json::Object(_) => value,
        Json::String(text) => {
            parsed = json_value::parse(text).map_err(|e| {
                let mut message = String::from("option definitions of ");
                message.push_str(function);
                message.push_str("() is not valid JSON (line ");
                json_value::push_usize(&mut message, e.line);
                message.push_str(", column ");
                json_value::push_usize(&mut message, e.column);
                message.push(')');
                Error::new(ErrorCode::InvalidDefinitions, message)
            })?;
            &parsed
        }
        other => {
            let mut message = String::from("option definitions of ");
            message.push_str(function);
            message.push_str("() must be an object or a JSON string, not ");
            message.push_str(json_type(other));
            return Err(Error::new(ErrorCode::InvalidOption, message));
        }
    };
    Definitions::from_json_value(doc)
        .map_err(|e| Error::new(ErrorCode::InvalidDefinitions, e.text()))
}

/// The JSON type of a value, for messages.
pub fn json_type(value: &Json<'_>) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

/// [`json_type`] of valid JSON text, told by its first character.
pub fn json_type_of_text(text: &str) -> &'static str {
    let first = text
        .bytes()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'));
    match first {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use contactkit::{Code, Severity};
    use serde_json::json;

    #[test]
    fn validation_is_valid_unless_an_error_is_found() {
        let warning = Issue::warning("/x", Code::UnknownField, "m");
        let error = Issue::error("/y", Code::Type, "m");
        let only_warning = [warning.clone()];
        let both = [warning, error];
        assert_eq!(
            serde_json::to_value(Validation::new(&only_warning)).expect("json"),
            json!({"valid": true, "issues": [
                {"path": "/x", "code": "unknown_field", "severity": "warning", "message": "m"}
            ]})
        );
        assert_eq!(
            serde_json::to_value(Validation::new(&both)).expect("json")["valid"],
            json!(false)
        );
    }

    #[cfg(feature = "convert")]
    #[test]
    fn conversion_results_have_the_documented_shapes() {
        let ok: Result<Converted, Rejection> = Ok(Converted {
            payload: json!({"a": 1}),
            notes: vec![Note {
                path: "/b".into(),
                code: contactkit::NoteCode::Dropped,
                message: "m".into(),
            }],
        });
        assert_eq!(
            serde_json::to_value(Conversion::from(&ok)).expect("json"),
            json!({"ok": true, "payload": {"a": 1},
                   "notes": [{"path": "/b", "code": "dropped", "message": "m"}]})
        );
        let rejected: Result<Converted, Rejection> = Err(Rejection {
            stage: Stage::Target,
            issues: vec![Issue::error("/displayName", Code::Required, "is required")],
        });
        assert_eq!(
            serde_json::to_value(Conversion::from(&rejected)).expect("json"),
            json!({"ok": false, "stage": "target", "issues": [
                {"path": "/displayName", "code": "required", "severity": "error", "message": "is required"}
            ]})
        );
        // The hand-written texts are serde_json's, byte for byte.
        for result in [&ok, &rejected] {
            let conversion = Conversion::from(result);
            assert_eq!(
                conversion.to_json(),
                serde_json::to_string(&conversion).expect("json")
            );
        }
        let payload = json!({"b": [1.5, -2, "\u{1}é\""], "a": {}, "c": null});
        let issues = [Issue::warning("/x", Code::UnknownField, "m \"q\"")];
        let notes = [Note {
            path: "/a/0".into(),
            code: contactkit::NoteCode::Truncated,
            message: "cut\n".into(),
        }];
        for previewed in [
            Previewed::Previewed {
                ok: true,
                payload: &payload,
            },
            Previewed::Rejected {
                ok: false,
                stage: Stage::Source,
                issues: &issues,
            },
        ] {
            assert_eq!(
                previewed.to_json(),
                serde_json::to_string(&previewed).expect("json")
            );
        }
        let reject = RejectLine {
            record: u64::MAX,
            stage: Stage::Source,
            issues: &issues,
        };
        let mut out = String::new();
        reject.push_json(&mut out);
        assert_eq!(out, serde_json::to_string(&reject).expect("json"));
        let report = ReportLine {
            record: 7,
            notes: &notes,
        };
        let mut out = String::new();
        report.push_json(&mut out);
        assert_eq!(out, serde_json::to_string(&report).expect("json"));
    }

    #[test]
    fn errors_serialise_with_snake_case_codes_and_optional_issues() {
        let plain = Error::new(ErrorCode::InvalidOption, "bad");
        assert_eq!(
            plain.to_json(),
            r#"{"code":"invalid_option","message":"bad"}"#
        );
        let with = Error {
            issues: vec![Issue {
                path: String::new(),
                code: Code::Type,
                severity: Severity::Error,
                message: "m".into(),
                params: None,
            }],
            ..Error::new(ErrorCode::NotAnObject, "x")
        };
        let v: serde_json::Value = serde_json::from_str(&with.to_json()).expect("json");
        assert_eq!(v["code"], "not_an_object");
        assert_eq!(v["issues"][0]["code"], "type");
    }

    #[test]
    fn unknown_formats_name_the_known_ones() {
        let e = format("hubspot").expect_err("unknown");
        assert_eq!(e.code, ErrorCode::UnknownFormat);
        assert!(e.message.contains("helpscout"), "{}", e.message);
        assert_eq!(format("bird").expect("known"), Format::Bird);
    }

    #[test]
    fn validate_options_accept_the_documented_keys_only() {
        let o = Options::parse("", "validate", names::VALIDATE).expect("empty");
        assert!(!o.show_values && o.definitions.is_none());
        let o = Options::parse(r#"{"showValues": true}"#, "validate", names::VALIDATE).expect("ok");
        assert!(o.show_values);
        let e = Options::parse(r#"{"show_values": true}"#, "validate", names::VALIDATE)
            .expect_err("typo");
        assert_eq!(e.code, ErrorCode::InvalidOption);
        assert!(e.message.contains("\"show_values\""), "{}", e.message);
        assert!(e.message.contains("showValues"), "{}", e.message);
        let e = Options::parse(r#"{"showValues": "yes"}"#, "validate", names::VALIDATE)
            .expect_err("type");
        assert_eq!(e.code, ErrorCode::InvalidOption);
        assert!(
            e.message.contains("must be a boolean, not a string"),
            "{}",
            e.message
        );
        let e = Options::parse("[1]", "validate", names::VALIDATE).expect_err("array");
        assert!(
            e.message.contains("must be an object, not an array"),
            "{}",
            e.message
        );
        // convert's own options are not validation options.
        let e = Options::parse(r#"{"lenient": true}"#, "validate", names::VALIDATE)
            .expect_err("not here");
        assert_eq!(e.code, ErrorCode::InvalidOption);
    }

    #[test]
    fn definitions_are_read_from_objects_and_json_text() {
        let doc = json!({"helpscout": [{"slug": "seats", "type": "number"}]});
        let as_object = Options::parse(
            &json!({"definitions": doc}).to_string(),
            "validate",
            names::VALIDATE,
        )
        .expect("object");
        let as_text = Options::parse(
            &json!({"definitions": doc.to_string()}).to_string(),
            "validate",
            names::VALIDATE,
        )
        .expect("text");
        let expected = Definitions::from_json(&doc).expect("defs");
        assert_eq!(as_object.definitions.as_ref(), Some(&expected));
        assert_eq!(as_text.definitions.as_ref(), Some(&expected));

        let e = Options::parse(r#"{"definitions": "{nope"}"#, "validate", names::VALIDATE)
            .expect_err("json");
        assert_eq!(e.code, ErrorCode::InvalidDefinitions);
        // The position of a syntax error is serde_json's, a number beyond f64 included.
        for text in [
            "{nope",
            "{\n  \"helpscout\": [1e400]}",
            "{\"a\": 1e99999999999}",
            "[1,]",
        ] {
            let serde = serde_json::from_str::<serde_json::Value>(text).expect_err(text);
            let options = serde_json::json!({ "definitions": text }).to_string();
            let e = Options::parse(&options, "validate", names::VALIDATE).expect_err(text);
            assert_eq!(
                e.message,
                format!(
                    "option definitions of validate() is not valid JSON (line {}, column {})",
                    serde.line(),
                    serde.column()
                )
            );
        }
        // Options holding a number beyond f64 are refused as serde_json refuses them.
        let e = Options::parse(r#"{"showValues": 1e400}"#, "validate", names::VALIDATE)
            .expect_err("beyond");
        assert_eq!(e.message, "the options of validate() must be an object");
        let e =
            Options::parse(r#"{"definitions": 3}"#, "validate", names::VALIDATE).expect_err("type");
        assert_eq!(e.code, ErrorCode::InvalidOption);
        let e = Options::parse(
            r#"{"definitions": {"helpscout": [{"slug": "seats", "type": "colour"}]}}"#,
            "validate",
            names::VALIDATE,
        )
        .expect_err("bad type");
        assert_eq!(e.code, ErrorCode::InvalidDefinitions);
    }

    #[cfg(feature = "convert")]
    #[test]
    fn convert_options_map_onto_the_core_options() {
        let o = Options::parse(
            r#"{"lenient": true, "normalizeCustomKeys": true, "showValues": true}"#,
            "convert",
            names::CONVERT,
        )
        .expect("ok");
        let core = o.to_convert();
        assert!(core.lenient && core.normalize_custom_keys && core.validate.show_values);
        let core = Options::parse("", "convert", names::CONVERT)
            .expect("empty")
            .to_convert();
        assert!(!core.lenient && !core.normalize_custom_keys && !core.validate.show_values);
        let e = Options::parse(r#"{"lenient": 1}"#, "convert", names::CONVERT).expect_err("type");
        assert!(e.message.contains("lenient"), "{}", e.message);
        let e =
            Options::parse(r#"{"strict": true}"#, "convert", names::CONVERT).expect_err("unknown");
        assert!(e.message.contains("normalizeCustomKeys"), "{}", e.message);
        assert!(e.message.contains("externalId"), "{}", e.message);
        // Each function takes its own options only.
        for (function, known, other) in [
            ("convert", names::CONVERT, "firstRecord"),
            ("convertMany", names::CONVERT_MANY, "now"),
            ("preview", names::PREVIEW, "lenient"),
        ] {
            let e = Options::parse(&json!({ other: true }).to_string(), function, known)
                .expect_err(other);
            assert_eq!(e.code, ErrorCode::InvalidOption);
            assert!(e.message.contains(&known.join(", ")), "{}", e.message);
        }
        let o = Options::parse(
            r#"{"firstRecord": 7, "report": true, "lenient": true}"#,
            "convertMany",
            names::CONVERT_MANY,
        )
        .expect("ok");
        assert_eq!((o.first_record, o.report, o.lenient), (Some(7), true, true));
        let e = Options::parse(r#"{"now": "soon"}"#, "preview", names::PREVIEW).expect_err("now");
        assert!(e.message.contains("RFC 3339"), "{}", e.message);
        let core = Options::parse("", "convert", names::CONVERT)
            .expect("empty")
            .to_convert();
        assert_eq!(core.external_id, None);
    }

    #[cfg(feature = "convert")]
    #[test]
    fn external_id_option_takes_the_cli_text() {
        use contactkit::ExternalIdSource;
        for (text, expected) in [
            ("email", ExternalIdSource::Email),
            ("source-id", ExternalIdSource::SourceId),
            ("custom:crm_id", ExternalIdSource::Custom("crm_id".into())),
        ] {
            let o = Options::parse(
                &json!({ "externalId": text }).to_string(),
                "convert",
                names::CONVERT,
            )
            .expect(text);
            assert_eq!(o.to_convert().external_id, Some(expected.clone()));
            let o = Options::parse(
                &json!({ "externalId": text }).to_string(),
                "convertMany",
                names::CONVERT_MANY,
            )
            .expect(text);
            assert_eq!(o.to_convert().external_id, Some(expected));
        }
        for bad in [
            json!("custom:"),
            json!("phone"),
            json!(true),
            json!({"custom": "x"}),
        ] {
            let e = Options::parse(
                &json!({ "externalId": bad }).to_string(),
                "convert",
                names::CONVERT,
            )
            .expect_err("invalid");
            assert_eq!(e.code, ErrorCode::InvalidOption, "{bad}");
            assert!(e.message.contains("externalId"), "{}", e.message);
        }
    }
}
