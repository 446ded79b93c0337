//! Where a target's external id comes from when the source has none
//! ([`ConvertOptions::external_id`](crate::ConvertOptions::external_id); CLI `--external-id`).
//!
//! The option only fills a missing id: a source's own external id always wins. The derived id
//! is a copy (the value it came from is converted as usual), it gets a `derived` note that names
//! where it came from (never the value), and a source without the chosen value converts exactly
//! as without the option (Sequence rejects it with `required` at `/externalId`).

use std::fmt;
use std::str::FromStr;

use crate::value::Value;

use crate::engine::concat;
use crate::engine::import::Importer;
use crate::engine::provenance::ContactPath;
use crate::json::write::{json_string, push_i64, push_u64};
use crate::model::ContactField;
use crate::Format;

/// Where the target's external id comes from when the source has none.
///
/// Its text form is the CLI's and the npm package's: `email`, `source-id`, `custom:KEY`.
///
/// ```
/// use contactkit::{convert, ConvertOptions, ExternalIdSource, Format, NoteCode};
/// let options = ConvertOptions::new().external_id(ExternalIdSource::Email);
/// let customer = serde_json::json!({
///     "firstName": "Ada",
///     "emails": [{"type": "work", "value": "ada@example.com"}],
/// });
/// let person = convert(Format::HelpScout, Format::Sequence, &customer, &options)?;
/// assert_eq!(person.payload["externalId"], "ada@example.com");
/// assert_eq!(person.payload["email"], "ada@example.com");
/// assert!(person.notes.iter().any(|n| n.path == "/externalId" && n.code == NoteCode::Derived));
///
/// let custom: ExternalIdSource = "custom:crm_id".parse()?;
/// assert_eq!(custom, ExternalIdSource::Custom("crm_id".into()));
/// assert_eq!(custom.to_string(), "custom:crm_id");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExternalIdSource {
    /// The first email address.
    Email,
    /// The vendor's own id of the contact (`id`) in a read format (`intercom-contact`,
    /// `bird-contact`, `helpscout-customer`). Other source formats carry no such id.
    SourceId,
    /// The custom attribute with this key: a Sequence custom member, an Intercom
    /// `custom_attributes` key, a Bird attribute, a Help Scout property slug, a canonical
    /// `customAttributes` key. A string value is copied as it is, an integer as its decimal
    /// digits; any other value is no id.
    Custom(String),
}

/// The error for external-id source text that is not `email`, `source-id` or `custom:KEY`, or
/// for a source that cannot apply to a format ([`ExternalIdSource::check`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalIdError(String);

impl ExternalIdError {
    /// The message, as [`Display`](fmt::Display) writes it.
    ///
    /// ```
    /// use contactkit::ExternalIdSource;
    /// let e = "crm".parse::<ExternalIdSource>().unwrap_err();
    /// assert_eq!(e.message(), e.to_string());
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ExternalIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for ExternalIdError {}

const CUSTOM_PREFIX: &str = "custom:";

impl FromStr for ExternalIdSource {
    type Err = ExternalIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "email" => Ok(Self::Email),
            "source-id" => Ok(Self::SourceId),
            _ => match s.strip_prefix(CUSTOM_PREFIX) {
                Some("") => Err(ExternalIdError(
                    "custom: needs the key of a custom attribute, e.g. custom:crm_id".to_owned(),
                )),
                Some(key) => Ok(Self::Custom(key.to_owned())),
                None => Err(ExternalIdError(concat(&[
                    "unknown external-id source ",
                    &json_string(s),
                    "; expected email, source-id or custom:KEY",
                ]))),
            },
        }
    }
}

impl fmt::Display for ExternalIdSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Email => f.write_str("email"),
            Self::SourceId => f.write_str("source-id"),
            Self::Custom(key) => write!(f, "{CUSTOM_PREFIX}{key}"),
        }
    }
}

impl ExternalIdSource {
    /// Whether this source can give records of `from` an id: `source-id` needs a read format
    /// (the create formats and the canonical contact carry no vendor id). [`crate::convert`]
    /// rejects every record of such a setup; the CLI refuses it before reading input.
    ///
    /// ```
    /// use contactkit::{ExternalIdSource, Format};
    /// assert!(ExternalIdSource::SourceId.check(Format::HelpScoutCustomer).is_ok());
    /// assert!(ExternalIdSource::SourceId.check(Format::HelpScout).is_err());
    /// assert!(ExternalIdSource::Email.check(Format::HelpScout).is_ok());
    /// ```
    ///
    /// # Errors
    /// An [`ExternalIdError`] that says why.
    pub fn check(&self, from: Format) -> Result<(), ExternalIdError> {
        if matches!(self, Self::SourceId) && !from.is_read() {
            let mut read = String::new();
            for (i, f) in Format::READ.iter().enumerate() {
                if i > 0 {
                    read.push_str(", ");
                }
                read.push_str(f.id());
            }
            return Err(ExternalIdError(concat(&[
                "source-id is the vendor's own id of a read format (",
                &read,
                "), and ",
                from.id(),
                " records carry none",
            ])));
        }
        Ok(())
    }

    /// The words for messages.
    fn describe(&self) -> String {
        match self {
            Self::Email => "the first email address".to_owned(),
            Self::SourceId => "the vendor's id of the contact".to_owned(),
            Self::Custom(key) => concat(&["the custom attribute ", &json_string(key)]),
        }
    }

    /// The words for a value the source lacks.
    fn describe_absent(&self) -> String {
        match self {
            Self::Email => "an email address".to_owned(),
            Self::SourceId => "an id of the contact".to_owned(),
            Self::Custom(_) => self.describe(),
        }
    }

    /// Fills the contact's missing external id from this source, when the target holds one.
    pub(crate) fn derive<'s>(
        &self,
        record: &'s Value,
        imp: &mut Importer<'s>,
    ) -> Option<Derivation> {
        if imp
            .contact
            .external_id
            .as_deref()
            .is_some_and(|s| !s.is_empty())
        {
            return None;
        }
        let value = match self {
            Self::Email => imp.contact.emails.first().map(|e| Id::from_text(&e.value)),
            Self::SourceId => record.get(SOURCE_ID).map(Id::from_value),
            Self::Custom(key) => imp.contact.custom_attributes.get(key).map(Id::from_value),
        };
        // The source path is rendered only now that a message needs it.
        let pointer = |imp: &Importer<'s>| match self {
            Self::Email => imp.prov.source(ContactPath::Item(ContactField::Emails, 0)),
            Self::SourceId => concat(&["/", SOURCE_ID]),
            Self::Custom(key) => imp.prov.source(ContactPath::Custom(key)),
        };
        Some(match value {
            None => Derivation::Missing(concat(&[
                "nor ",
                &self.describe_absent(),
                " to copy one from",
            ])),
            Some(Id::Not(why)) => Derivation::Missing(concat(&[
                "and ",
                &self.describe(),
                " (",
                &pointer(imp),
                ") ",
                why,
                ", which is no id",
            ])),
            Some(Id::Text(id, digits)) => {
                let written = if digits {
                    ", written in decimal digits"
                } else {
                    ""
                };
                let pointer = pointer(imp);
                let note = concat(&[
                    "the source has no external id: this is a copy of ",
                    &self.describe(),
                    " (",
                    &pointer,
                    ")",
                    written,
                ]);
                imp.contact.external_id = Some(id);
                imp.prov.derive_external_id(pointer);
                Derivation::Derived(note)
            }
        })
    }
}

/// The member of a read format that holds the vendor's id of the contact.
const SOURCE_ID: &str = "id";

/// What [`ExternalIdSource::derive`] did for one record.
#[derive(Debug)]
pub(crate) enum Derivation {
    /// The contact's external id was filled: the `derived` note's message.
    Derived(String),
    /// The source lacks a usable value: the end of the rejection message (Sequence).
    Missing(String),
}

/// A value considered as an id.
enum Id {
    /// The id, and whether it was written from a number.
    Text(String, bool),
    /// Why the value is no id.
    Not(&'static str),
}

/// The largest integer below which every integer is exactly a JSON (IEEE 754 double) number:
/// a number with a zero fraction beyond it may have lost digits when it was read.
const EXACT_FLOAT_INTEGER: f64 = 9_007_199_254_740_992.0;

impl Id {
    fn from_text(s: &str) -> Self {
        if s.trim().is_empty() {
            Self::Not(if s.is_empty() { "is empty" } else { "is blank" })
        } else {
            Self::Text(s.to_owned(), false)
        }
    }

    fn from_value(v: &Value) -> Self {
        match v {
            Value::String(s) => Self::from_text(s),
            Value::Number(n) => {
                // The integer's decimal digits, as serde_json writes them (no `core::fmt`).
                let mut digits = String::new();
                if let Some(u) = n.as_u64() {
                    push_u64(&mut digits, u);
                    return Self::Text(digits, true);
                }
                if let Some(i) = n.as_i64() {
                    push_i64(&mut digits, i);
                    return Self::Text(digits, true);
                }
                match n.as_f64() {
                    Some(f) if f.fract() == 0.0 && f.abs() <= EXACT_FLOAT_INTEGER => {
                        // In range and whole: the conversion is exact.
                        #[allow(clippy::cast_possible_truncation)]
                        let i = f as i64;
                        // The digits serde_json writes, as for the integers above.
                        push_i64(&mut digits, i);
                        Self::Text(digits, true)
                    }
                    Some(f) if f.fract() == 0.0 => {
                        Self::Not("is a number too large to be read exactly")
                    }
                    _ => Self::Not("is a fractional number"),
                }
            }
            Value::Bool(_) => Self::Not("is a boolean"),
            Value::Null => Self::Not("is null"),
            Value::Array(_) => Self::Not("is an array"),
            Value::Object(_) => Self::Not("is an object"),
        }
    }
}
