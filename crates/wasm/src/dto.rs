//! The shapes that cross the JavaScript boundary, as JSON text.
//!
//! Every export takes strings (format ids, JSON text) and returns JSON text that the
//! package's JavaScript entry parses with `JSON.parse`: objects built that way have only own
//! properties, so untrusted keys such as `__proto__` stay plain data. The TypeScript types of
//! these shapes are written by hand in `npm/contactkit.d.ts`; the tests in this module and the
//! Node tests keep the two in step.

use contactkit::{Converted, Definitions, Format, Issue, Note, Rejection, Stage};
use serde::Serialize;
use serde_json::{Map, Value};

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
}

impl ErrorCode {
    /// Every code the Rust side produces (JavaScript adds `invalid_argument`,
    /// `not_initialized` and `internal`).
    pub const ALL: [ErrorCode; 6] = [
        Self::UnknownFormat,
        Self::InvalidJson,
        Self::NotAnObject,
        Self::InvalidOption,
        Self::InvalidDefinitions,
        Self::InvalidPointer,
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

    /// The error as JSON text.
    pub fn to_json(&self) -> String {
        to_json(self)
    }
}

/// Serialises a value that cannot fail to serialise (string keys, no custom `Serialize`).
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    // Serialising plain data with string keys into a String cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

/// Parses a format id: any format in the full module; only the create formats
/// ([`Format::ALL`]) in the forms module (built without the `convert` feature), which leaves
/// the read formats out.
pub fn format(id: &str) -> Result<Format, Error> {
    let format = id
        .parse::<Format>()
        .map_err(|e| Error::new(ErrorCode::UnknownFormat, e.to_string()))?;
    if !cfg!(feature = "convert") && format.is_read() {
        let ids: Vec<&str> = Format::ALL.iter().map(|f| f.id()).collect();
        return Err(Error::new(
            ErrorCode::UnknownFormat,
            format!(
                "{} is a read format, which contactkit/forms leaves out (import it from \"contactkit\"); the forms entry knows: {}",
                Value::from(id),
                ids.join(", ")
            ),
        ));
    }
    Ok(format)
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
        to_json(&Validation::new(issues))
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
}

/// The result of `validateMany`: the counts, and the records that have findings.
#[derive(Debug, Default, Serialize)]
pub struct Batch {
    /// The number of records (blank NDJSON lines are not records).
    pub records: u64,
    /// How many are valid (warnings allowed).
    pub valid: u64,
    /// How many are not.
    pub invalid: u64,
    /// One entry per record with any finding (errors or warnings), in input order.
    pub results: Vec<RecordResult>,
}

/// One record of a [`Batch`] with findings, as the CLI prints it:
/// `{"record": 3, "valid": false, "issues": [...]}`.
#[derive(Debug, Serialize)]
pub struct RecordResult {
    /// The record's number, from 1 in input order.
    pub record: u64,
    /// No finding is an error.
    pub valid: bool,
    /// The findings.
    pub issues: Vec<Issue>,
}

impl Batch {
    /// Counts a record with these findings, keeping them when there are some.
    pub fn add(&mut self, issues: Vec<Issue>) {
        self.records += 1;
        let valid = !issues.iter().any(Issue::is_error);
        if valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        if !issues.is_empty() {
            self.results.push(RecordResult {
                record: self.records,
                valid,
                issues,
            });
        }
    }
}

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

/// One entry of `formats()`.
#[derive(Debug, Serialize)]
pub struct FormatInfo {
    /// The format id, e.g. `helpscout`.
    pub id: &'static str,
    /// A human title.
    pub title: &'static str,
}

/// The options of `validate` and `validateField`.
#[derive(Debug, Default)]
pub struct ValidateOpts {
    /// Custom field definitions.
    pub definitions: Option<Definitions>,
    /// Whether messages may echo values.
    pub show_values: bool,
}

/// The options of `convert`.
#[derive(Debug, Default)]
pub struct ConvertOpts {
    /// Truncate and drop instead of rejecting.
    pub lenient: bool,
    /// Normalise custom attribute keys to the target's rules.
    pub normalize_custom_keys: bool,
    /// Where a missing target external id comes from (`externalId`).
    pub external_id: Option<contactkit::ExternalIdSource>,
    /// The validation options of both stages.
    pub validate: ValidateOpts,
}

impl ValidateOpts {
    /// Reads the options object of `function` from JSON text (`""`: no options).
    pub fn parse(text: &str, function: &str) -> Result<Self, Error> {
        let mut out = Self::default();
        for (key, value) in options_object(text, function)? {
            if !out.take(&key, &value, function)? {
                return Err(unknown_option(
                    &key,
                    function,
                    &["definitions", "showValues"],
                ));
            }
        }
        Ok(out)
    }

    /// Applies one option; `false` when `key` is not a validation option.
    fn take(&mut self, key: &str, value: &Value, function: &str) -> Result<bool, Error> {
        match key {
            "definitions" => self.definitions = Some(definitions(value, function)?),
            "showValues" => self.show_values = boolean(key, value, function)?,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The core's options.
    pub fn to_core(&self) -> contactkit::ValidateOptions {
        let mut options = contactkit::ValidateOptions::new().show_values(self.show_values);
        if let Some(definitions) = &self.definitions {
            options = options.definitions(definitions.clone());
        }
        options
    }
}

impl ConvertOpts {
    /// Reads the options object of `convert` from JSON text (`""`: no options).
    pub fn parse(text: &str) -> Result<Self, Error> {
        const FUNCTION: &str = "convert";
        let mut out = Self::default();
        for (key, value) in options_object(text, FUNCTION)? {
            match key.as_str() {
                "lenient" => out.lenient = boolean(&key, &value, FUNCTION)?,
                "normalizeCustomKeys" => {
                    out.normalize_custom_keys = boolean(&key, &value, FUNCTION)?;
                }
                "externalId" => out.external_id = Some(external_id(&value)?),
                _ => {
                    if !out.validate.take(&key, &value, FUNCTION)? {
                        return Err(unknown_option(
                            &key,
                            FUNCTION,
                            &[
                                "lenient",
                                "normalizeCustomKeys",
                                "externalId",
                                "definitions",
                                "showValues",
                            ],
                        ));
                    }
                }
            }
        }
        Ok(out)
    }

    /// The core's options.
    pub fn to_core(&self) -> contactkit::ConvertOptions {
        let options = contactkit::ConvertOptions::new()
            .lenient(self.lenient)
            .normalize_custom_keys(self.normalize_custom_keys)
            .validate_options(self.validate.to_core());
        match &self.external_id {
            Some(how) => options.external_id(how.clone()),
            None => options,
        }
    }
}

/// The members of an options object given as JSON text.
fn options_object(text: &str, function: &str) -> Result<Map<String, Value>, Error> {
    if text.is_empty() {
        return Ok(Map::new());
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(Error::new(
            ErrorCode::InvalidOption,
            format!(
                "the options of {function}() must be an object, not {}",
                json_type(&other)
            ),
        )),
        Err(_) => Err(Error::new(
            ErrorCode::InvalidOption,
            format!("the options of {function}() must be an object"),
        )),
    }
}

fn unknown_option(key: &str, function: &str, known: &[&str]) -> Error {
    Error::new(
        ErrorCode::InvalidOption,
        format!(
            "unknown option {} for {function}(); the options are: {}",
            Value::from(key),
            known.join(", ")
        ),
    )
}

/// Reads the `externalId` option of `convert()`: `"email"`, `"source-id"` or `"custom:KEY"`.
fn external_id(value: &Value) -> Result<contactkit::ExternalIdSource, Error> {
    let invalid = |why: String| {
        Error::new(
            ErrorCode::InvalidOption,
            format!("option externalId of convert() {why}"),
        )
    };
    match value {
        Value::String(text) => text
            .parse()
            .map_err(|e| invalid(format!("is invalid: {e}"))),
        other => Err(invalid(format!(
            "must be a string (\"email\", \"source-id\" or \"custom:KEY\"), not {}",
            json_type(other)
        ))),
    }
}

fn boolean(key: &str, value: &Value, function: &str) -> Result<bool, Error> {
    value.as_bool().ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidOption,
            format!(
                "option {key} of {function}() must be a boolean, not {}",
                json_type(value)
            ),
        )
    })
}

/// Reads the `definitions` option: a definitions document (an object), or its JSON text.
fn definitions(value: &Value, function: &str) -> Result<Definitions, Error> {
    let parsed;
    let doc = match value {
        Value::Object(_) => value,
        Value::String(text) => {
            parsed = serde_json::from_str::<Value>(text).map_err(|e| {
                Error::new(
                    ErrorCode::InvalidDefinitions,
                    format!(
                        "option definitions of {function}() is not valid JSON (line {}, column {})",
                        e.line(),
                        e.column()
                    ),
                )
            })?;
            &parsed
        }
        other => {
            return Err(Error::new(
                ErrorCode::InvalidOption,
                format!(
                    "option definitions of {function}() must be an object or a JSON string, not {}",
                    json_type(other)
                ),
            ))
        }
    };
    Definitions::from_json(doc)
        .map_err(|e| Error::new(ErrorCode::InvalidDefinitions, e.to_string()))
}

/// The JSON type of a value, for messages.
pub fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
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
            }],
            ..Error::new(ErrorCode::NotAnObject, "x")
        };
        let v: Value = serde_json::from_str(&with.to_json()).expect("json");
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
        let o = ValidateOpts::parse("", "validate").expect("empty");
        assert!(!o.show_values && o.definitions.is_none());
        let o = ValidateOpts::parse(r#"{"showValues": true}"#, "validate").expect("ok");
        assert!(o.show_values);
        let e = ValidateOpts::parse(r#"{"show_values": true}"#, "validate").expect_err("typo");
        assert_eq!(e.code, ErrorCode::InvalidOption);
        assert!(e.message.contains("\"show_values\""), "{}", e.message);
        assert!(e.message.contains("showValues"), "{}", e.message);
        let e = ValidateOpts::parse(r#"{"showValues": "yes"}"#, "validate").expect_err("type");
        assert_eq!(e.code, ErrorCode::InvalidOption);
        assert!(
            e.message.contains("must be a boolean, not a string"),
            "{}",
            e.message
        );
        let e = ValidateOpts::parse("[1]", "validate").expect_err("array");
        assert!(
            e.message.contains("must be an object, not an array"),
            "{}",
            e.message
        );
        // convert's own options are not validation options.
        let e = ValidateOpts::parse(r#"{"lenient": true}"#, "validate").expect_err("not here");
        assert_eq!(e.code, ErrorCode::InvalidOption);
    }

    #[test]
    fn definitions_are_read_from_objects_and_json_text() {
        let doc = json!({"helpscout": [{"slug": "seats", "type": "number"}]});
        let as_object = ValidateOpts::parse(&json!({"definitions": doc}).to_string(), "validate")
            .expect("object");
        let as_text = ValidateOpts::parse(
            &json!({"definitions": doc.to_string()}).to_string(),
            "validate",
        )
        .expect("text");
        let expected = Definitions::from_json(&doc).expect("defs");
        assert_eq!(as_object.definitions.as_ref(), Some(&expected));
        assert_eq!(as_text.definitions.as_ref(), Some(&expected));

        let e = ValidateOpts::parse(r#"{"definitions": "{nope"}"#, "validate").expect_err("json");
        assert_eq!(e.code, ErrorCode::InvalidDefinitions);
        let e = ValidateOpts::parse(r#"{"definitions": 3}"#, "validate").expect_err("type");
        assert_eq!(e.code, ErrorCode::InvalidOption);
        let e = ValidateOpts::parse(
            r#"{"definitions": {"helpscout": [{"slug": "seats", "type": "colour"}]}}"#,
            "validate",
        )
        .expect_err("bad type");
        assert_eq!(e.code, ErrorCode::InvalidDefinitions);
    }

    #[test]
    fn convert_options_map_onto_the_core_options() {
        let o = ConvertOpts::parse(
            r#"{"lenient": true, "normalizeCustomKeys": true, "showValues": true}"#,
        )
        .expect("ok");
        let core = o.to_core();
        assert!(core.lenient && core.normalize_custom_keys && core.validate.show_values);
        let core = ConvertOpts::parse("").expect("empty").to_core();
        assert!(!core.lenient && !core.normalize_custom_keys && !core.validate.show_values);
        let e = ConvertOpts::parse(r#"{"lenient": 1}"#).expect_err("type");
        assert!(e.message.contains("lenient"), "{}", e.message);
        let e = ConvertOpts::parse(r#"{"strict": true}"#).expect_err("unknown");
        assert!(e.message.contains("normalizeCustomKeys"), "{}", e.message);
        assert!(e.message.contains("externalId"), "{}", e.message);
        assert_eq!(core.external_id, None);
    }

    #[test]
    fn external_id_option_takes_the_cli_text() {
        use contactkit::ExternalIdSource;
        for (text, expected) in [
            ("email", ExternalIdSource::Email),
            ("source-id", ExternalIdSource::SourceId),
            ("custom:crm_id", ExternalIdSource::Custom("crm_id".into())),
        ] {
            let o = ConvertOpts::parse(&json!({ "externalId": text }).to_string()).expect(text);
            assert_eq!(o.to_core().external_id, Some(expected));
        }
        for bad in [
            json!("custom:"),
            json!("phone"),
            json!(true),
            json!({"custom": "x"}),
        ] {
            let e =
                ConvertOpts::parse(&json!({ "externalId": bad }).to_string()).expect_err("invalid");
            assert_eq!(e.code, ErrorCode::InvalidOption, "{bad}");
            assert!(e.message.contains("externalId"), "{}", e.message);
        }
    }
}
