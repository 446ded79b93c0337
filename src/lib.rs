#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod canonical;
mod convert;
mod definitions;
mod external_id;
mod format;
mod issue;
mod json;
mod pointer;
mod preview;
mod rules;
mod spec;
mod vendor;

pub use convert::{
    convert, convert_str, convert_str_each, ConvertOptions, Converted, Note, NoteCode, Rejection,
    Stage,
};
pub use definitions::{
    BirdAttribute, BirdAttributeType, Definitions, DefinitionsError, HelpScoutProperty,
    HelpScoutPropertyType, IntercomAttribute, IntercomDataType,
};
pub use external_id::{ExternalIdError, ExternalIdSource};
pub use format::{Format, UnknownFormat};
pub use issue::{Code, Issue, Report, Severity};
pub use preview::{
    preview, preview_str, PreviewError, PreviewOptions, PLACEHOLDER_ID, PLACEHOLDER_NUMBER,
};
pub use rules::{format_unix_seconds, parse_iso_timestamp, Timestamp, TimestampError};
pub use spec::form::{FormField, Widget, LENGTH_UNIT};

use serde_json::Value;

/// Options for validation.
///
/// ```
/// use contactkit::ValidateOptions;
/// let options = ValidateOptions::new().show_values(true);
/// # let _ = options;
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ValidateOptions {
    /// Account-specific custom field definitions; without them only general rules are checked.
    pub definitions: Option<Definitions>,
    /// Append the offending value to finding messages. Off by default: contact data is
    /// personal data, and findings end up in logs.
    pub show_values: bool,
}

impl ValidateOptions {
    /// The defaults: no definitions, values not shown.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the custom field definitions.
    #[must_use]
    pub fn definitions(mut self, definitions: Definitions) -> Self {
        self.definitions = Some(definitions);
        self
    }

    /// Whether messages include the offending value.
    #[must_use]
    pub fn show_values(mut self, show: bool) -> Self {
        self.show_values = show;
        self
    }

    fn settings(&self) -> spec::validate::Settings<'_> {
        spec::validate::Settings {
            definitions: self.definitions.as_ref(),
            show_values: self.show_values,
        }
    }
}

/// A reusable validator for one format.
///
/// ```
/// use contactkit::{Code, Format, Validator};
/// let validator = Validator::new(Format::HelpScout);
/// let report = validator.validate_str(r#"{"firstName": "Ada", "gender": "robot"}"#);
/// assert!(!report.is_valid());
/// assert_eq!(report.issues[0].path, "/gender");
/// assert_eq!(report.issues[0].code, Code::Enum);
/// ```
#[derive(Debug, Clone)]
pub struct Validator {
    format: Format,
    options: ValidateOptions,
}

impl Validator {
    /// A validator with default options.
    #[must_use]
    pub fn new(format: Format) -> Self {
        Self {
            format,
            options: ValidateOptions::default(),
        }
    }

    /// Replaces the options.
    #[must_use]
    pub fn with_options(mut self, options: ValidateOptions) -> Self {
        self.options = options;
        self
    }

    /// The format this validator checks.
    #[must_use]
    pub fn format(&self) -> Format {
        self.format
    }

    /// The options in use.
    #[must_use]
    pub fn options(&self) -> &ValidateOptions {
        &self.options
    }

    /// Validates a parsed record.
    #[must_use]
    pub fn validate(&self, record: &Value) -> Report {
        spec::validate::validate_value(self.format.spec(), record, self.options.settings())
    }

    /// Validates JSON text; text that is not exactly one JSON value yields one `syntax` finding.
    /// This is the fast path: strings are borrowed from the input, and a valid record allocates
    /// nothing.
    #[must_use]
    pub fn validate_str(&self, json: &str) -> Report {
        spec::validate::validate_str(self.format.spec(), json, self.options.settings())
    }

    /// Validates JSON bytes; invalid UTF-8 inside the text is a `syntax` finding.
    #[must_use]
    pub fn validate_slice(&self, json: &[u8]) -> Report {
        spec::validate::validate_slice(self.format.spec(), json, self.options.settings())
    }
}

/// Validates a parsed record as `format` with default options.
///
/// ```
/// use contactkit::{validate, Code, Format};
/// let report = validate(Format::Bird, &serde_json::json!({}));
/// assert_eq!(report.issues[0].path, "/displayName");
/// assert_eq!(report.issues[0].code, Code::Required);
/// ```
#[must_use]
pub fn validate(format: Format, record: &Value) -> Report {
    Validator::new(format).validate(record)
}

/// Validates JSON text as `format` with default options.
///
/// ```
/// use contactkit::{validate_str, Code, Format};
/// let report = validate_str(Format::Intercom, "{}");
/// assert_eq!(report.issues[0].path, "");
/// assert_eq!(report.issues[0].code, Code::Required);
/// ```
#[must_use]
pub fn validate_str(format: Format, json: &str) -> Report {
    Validator::new(format).validate_str(json)
}

/// The form metadata of a format: its fields with label, JSON type, required-ness, length
/// bounds, enum values and pattern, enough to build an HTML form with native constraints.
///
/// ```
/// let fields = contactkit::form_fields(contactkit::Format::HelpScout);
/// let first = fields.iter().find(|f| f.name == "firstName").expect("firstName");
/// assert_eq!(first.max_length, Some(40));
/// ```
#[must_use]
pub fn form_fields(format: Format) -> Vec<FormField> {
    spec::form::fields(format.spec(), "", None)
}

/// The TypeScript type of a format's payload, generated from its rule table (the npm package's
/// declarations wrap it in an interface): an object type literal with the documented members,
/// `null` where accepted, unions of enum literals, and an index signature where undocumented
/// members are data. It refers to `JsonValue` (any JSON value), which the embedding file
/// declares; lines after the first are indented by `indent` spaces.
///
/// ```
/// let ts = contactkit::typescript_type(contactkit::Format::Bird, 0);
/// assert!(ts.contains("\n  displayName: string;\n"));
/// ```
#[doc(hidden)]
#[must_use]
pub fn typescript_type(format: Format, indent: usize) -> String {
    spec::typescript::object_type(format.spec(), indent)
}

/// Generates the JSON Schema of a format from its rule table, as pretty JSON with a final
/// newline. [`Format::schema`] returns the committed copy, which a test keeps identical.
#[doc(hidden)]
#[must_use]
pub fn generate_schema(format: Format) -> String {
    spec::schema::to_pretty(&spec::schema::document(format.id(), format.spec()))
}

/// The generated JSON Schema of a format as a value (what [`generate_schema`] prints; the
/// WebAssembly package returns it without the pretty printer).
#[doc(hidden)]
#[must_use]
pub fn generate_schema_value(format: Format) -> serde_json::Value {
    spec::schema::document(format.id(), format.spec())
}
