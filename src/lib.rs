#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// Without `convert` the conversion engine is compiled but not reachable (see Cargo.toml).
#![cfg_attr(
    not(feature = "convert"),
    allow(dead_code, unused_imports, unreachable_pub)
)]

/// `impl Display` that writes what the type's `$method` returns: a contract name or a message
/// stated once, there.
macro_rules! display_by {
    ($ty:ty, $method:ident) => {
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.$method())
            }
        }
    };
}

pub mod bird;
pub mod canonical;
mod definitions;
mod engine;
mod error;
mod field;
mod format;
mod formats;
pub mod helpscout;
pub mod intercom;
mod issue;
mod json;
mod model;
mod note;
mod options;
mod outcome;
pub mod payload;
mod pointer;
#[cfg(feature = "convert")]
mod preview;
pub mod sequence;
mod spec;

pub use definitions::{Definitions, DefinitionsError};
pub use engine::external_id::{ExternalIdError, ExternalIdSource};
#[cfg(feature = "convert")]
pub use engine::{convert, convert_str, convert_str_each};
pub use error::Error;
pub use field::FieldError;
pub use format::{Format, UnknownFormat};
pub use formats::{Timestamp, TimestampError};
pub use issue::{Code, Issue, IssueParams, Report, Severity};
pub use note::{Note, NoteCode};
pub use options::{ConvertOptions, PreviewOptions, ValidateOptions};
pub use outcome::{Converted, Rejection, Stage};
pub use pointer::{Pointer, PointerError};
#[cfg(feature = "convert")]
pub use preview::{preview, preview_str};
pub use spec::form::{FieldType, FormField, Widget};

use serde_json::Value;

/// The JSON value conversion works on: serde_json's everywhere but in the browsers' full
/// WebAssembly module (`--cfg contactkit_value="lite"`, scripts/build-wasm.sh), where it is the
/// core's own order-preserving lookalike ([`json::lite`]), so that module links no serde_json
/// `Value`/`Map` code, indexmap, hashbrown or SipHash.
#[doc(hidden)]
pub mod value {
    #[cfg(contactkit_value = "lite")]
    pub use crate::json::lite::{Map, Number, Value};
    #[cfg(not(contactkit_value = "lite"))]
    pub use serde_json::{Number, Value};
    /// A JSON object's members in order.
    #[cfg(not(contactkit_value = "lite"))]
    pub type Map = serde_json::Map<String, Value>;

    /// Sets member `key` of `map` to `value` (the response previews build theirs so).
    #[inline(never)]
    pub(crate) fn put(map: &mut Map, key: &str, value: Value) {
        map.insert(key.to_owned(), value);
    }
}

/// JSON values read without serde_json: what the npm package's WebAssembly module reads its
/// options with (its forms module then links no serde_json parser). Not a stable API.
#[doc(hidden)]
pub mod json_value {
    pub use crate::json::write::{push_json_string as push_string, push_u64, push_usize};
    pub use crate::json::{split_ascii, Json, Number, SyntaxError};

    /// Appends the JSON array of findings as the npm package returns them: the contract's
    /// members (byte for byte as serde_json serialises them), then `params` where set.
    pub fn push_issues(out: &mut String, issues: &[crate::Issue]) {
        crate::issue::push_issues(out, issues, true);
    }

    /// Appends the JSON array of findings in the contract's shape, as the CLI prints them
    /// (no `params`): the lines of `convertMany`.
    #[cfg(feature = "convert")]
    pub fn push_contract_issues(out: &mut String, issues: &[crate::Issue]) {
        crate::issue::push_issues(out, issues, false);
    }

    /// Appends a `serde_json::Value` as compact JSON text, byte for byte as
    /// `serde_json::to_string` writes it.
    #[cfg(feature = "convert")]
    pub fn push_value(out: &mut String, value: &crate::value::Value) {
        crate::json::write::push_converted(out, value);
    }

    /// Appends the JSON array of conversion notes, byte for byte as serde_json serialises them.
    #[cfg(feature = "convert")]
    pub fn push_notes(out: &mut String, notes: &[crate::Note]) {
        crate::note::push_notes(out, notes);
    }

    /// [`crate::form_fields`] of a format as compact JSON text, byte for byte as serde_json
    /// serialises them.
    #[must_use]
    pub fn form_fields_text(format: crate::Format) -> String {
        let mut out = String::new();
        crate::spec::form::push_fields(&mut out, crate::form_fields(format));
        out
    }

    /// [`crate::generate_schema_value`] as compact JSON text, byte for byte as serde_json
    /// writes it (written from the generator's own values: no `serde_json::Value` on the way).
    #[must_use]
    pub fn schema_text(format: crate::Format) -> String {
        let mut out = String::new();
        crate::json::write::push_json(
            &mut out,
            &crate::spec::schema::document(format.id(), format.spec()),
        );
        out
    }

    /// Parses JSON text as `serde_json::from_str::<serde_json::Value>` does: the same values,
    /// the same errors at the same line and column.
    ///
    /// # Errors
    /// When the text is not one JSON value (or holds a number beyond the `f64` range).
    pub fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
        crate::json::parse(text)
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
        spec::validate::validate_value(self.format.spec(), record, &self.options)
    }

    /// Validates JSON text; text that is not exactly one JSON value yields one `syntax` finding.
    /// This is the fast path: strings are borrowed from the input, and a valid record allocates
    /// nothing.
    #[must_use]
    pub fn validate_str(&self, json: &str) -> Report {
        spec::validate::validate_str(self.format.spec(), json, &self.options)
    }

    /// Validates a typed payload (as this validator's format, whatever the payload's).
    ///
    /// ```
    /// use contactkit::{helpscout::Customer, Format, Validator};
    /// let customer = Customer {
    ///     first_name: Some("A".repeat(41)),
    ///     ..Default::default()
    /// };
    /// let report = Validator::new(Format::HelpScout).validate_typed(&customer);
    /// assert_eq!(report.issues[0].path, "/firstName");
    /// ```
    #[must_use]
    pub fn validate_typed<P: payload::Payload>(&self, payload: &P) -> Report {
        self.validate(&payload.to_value())
    }

    /// Validates JSON bytes; invalid UTF-8 inside the text is a `syntax` finding.
    #[must_use]
    pub fn validate_slice(&self, json: &[u8]) -> Report {
        spec::validate::validate_slice(self.format.spec(), json, &self.options)
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
/// bounds, enum values and pattern, enough to build an HTML form with native constraints, and
/// the declarations' hints (widget, placeholder). Built once per format and kept.
///
/// ```
/// let fields = contactkit::form_fields(contactkit::Format::HelpScout);
/// let first = fields.iter().find(|f| f.name == "firstName").expect("firstName");
/// assert_eq!(first.max_length, Some(40));
/// ```
#[must_use]
#[cfg(not(target_arch = "wasm32"))]
pub fn form_fields(format: Format) -> &'static [FormField] {
    static CACHE: [std::sync::OnceLock<Vec<FormField>>; Format::EVERY.len()] =
        [const { std::sync::OnceLock::new() }; Format::EVERY.len()];
    let index = Format::EVERY
        .iter()
        .position(|f| *f == format)
        .unwrap_or_default();
    CACHE[index].get_or_init(|| spec::form::fields(format.spec(), "", None))
}

/// [`form_fields`] in WebAssembly, which has one thread: the metadata is built once per format
/// and kept for the module's life (as the native `OnceLock` keeps it) in a thread-local, read
/// with `try_with` (never an error there), without `OnceLock`'s code and its panics' formatting.
#[must_use]
#[cfg(target_arch = "wasm32")]
pub fn form_fields(format: Format) -> &'static [FormField] {
    use std::cell::Cell;
    thread_local! {
        static CACHE: [Cell<Option<&'static [FormField]>>; Format::EVERY.len()] =
            const { [const { Cell::new(None) }; Format::EVERY.len()] };
    }
    let index = Format::EVERY
        .iter()
        .position(|f| *f == format)
        .unwrap_or_default();
    let cached = CACHE.try_with(|cache| cache.get(index).and_then(Cell::get));
    if let Ok(Some(fields)) = cached {
        return fields;
    }
    let fields: &'static [FormField] = spec::form::fields(format.spec(), "", None).leak();
    let _ = CACHE.try_with(|cache| cache.get(index).map(|slot| slot.set(Some(fields))));
    fields
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
    spec::schema::document(format.id(), format.spec()).to_value()
}
