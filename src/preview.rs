//! Response preview: the object a vendor returns for a valid create payload, with the derived
//! members the vendor documents computed. docs/READ-FORMATS.md describes each vendor's preview.

use std::fmt;

use serde_json::Value;

use crate::convert::{read_valid, valid_source};
use crate::spec::validate::validate_value;
use crate::{Code, Format, Issue, Rejection, Stage, Timestamp, ValidateOptions};

/// The id a preview gives the new object where the vendor's id is a string (Intercom `id` and
/// `workspace_id`, Bird `id` and `workspaceId`): the vendor assigns the real one.
pub const PLACEHOLDER_ID: &str = "preview";

/// The id a preview gives the new object and its entries where the vendor's id is a number
/// (Help Scout): the vendor assigns the real ones.
pub const PLACEHOLDER_NUMBER: i64 = 0;

/// Options for [`preview`].
///
/// ```
/// use contactkit::{PreviewOptions, Timestamp};
/// let now: Timestamp = "2024-05-01T12:00:00Z".parse()?;
/// let options = PreviewOptions::new().now(now);
/// # let _ = options;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct PreviewOptions {
    /// The time the vendor records as the creation and update time. `None` (the default) gives
    /// the Unix epoch, 1970-01-01T00:00:00Z: a placeholder, like the ids ([`PLACEHOLDER_ID`],
    /// [`PLACEHOLDER_NUMBER`]).
    pub now: Option<Timestamp>,
    /// Validation options for the create payload.
    pub validate: ValidateOptions,
}

impl PreviewOptions {
    /// The defaults: placeholder time, default validation options.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the creation time.
    #[must_use]
    pub fn now(mut self, now: Timestamp) -> Self {
        self.now = Some(now);
        self
    }

    /// Sets the validation options.
    #[must_use]
    pub fn validate_options(mut self, options: ValidateOptions) -> Self {
        self.validate = options;
        self
    }
}

/// Why [`preview`] returned no object.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PreviewError {
    /// The format has no documented response object to preview: Sequence (its response is
    /// undocumented, and its server's answer is a batch status, not the stored person), the
    /// canonical contact and the read formats. See [`Format::response_format`].
    Unsupported(Format),
    /// The payload is invalid as the create format (stage `source`, paths into the payload).
    Rejected(Rejection),
}

impl fmt::Display for PreviewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unsupported(format) => write!(
                f,
                "{format} has no documented response object to preview; preview works for intercom, bird and helpscout"
            ),
            Self::Rejected(rejection) => rejection.fmt(f),
        }
    }
}

impl std::error::Error for PreviewError {}

impl From<Rejection> for PreviewError {
    fn from(rejection: Rejection) -> Self {
        Self::Rejected(rejection)
    }
}

/// Server-generated values of a preview.
#[derive(Debug)]
pub(crate) struct Placeholders {
    /// Creation time, Unix seconds.
    pub(crate) now: i64,
    /// Creation time, `YYYY-MM-DDTHH:MM:SSZ`.
    pub(crate) now_text: String,
}

/// The object the vendor of `format` returns for the create payload `payload`: Intercom's
/// `contact` (format `intercom-contact`), Bird's contact (`bird-contact`) or Help Scout's customer
/// as Get Customer returns it (`helpscout-customer`), with the derived members the vendors
/// document computed (Intercom `email_domain`, `role` default `user`, empty `tags` / `notes` /
/// `companies` / `location` / `social_profiles`; Bird `computedDisplayName`, `identifierCount`,
/// `isAnonymous`, identifiers mirrored into `attributes`). Ids are placeholders
/// ([`PLACEHOLDER_ID`], [`PLACEHOLDER_NUMBER`]) and the creation time is
/// [`PreviewOptions::now`]. docs/READ-FORMATS.md lists every member.
///
/// ```
/// use contactkit::{preview, Format, PreviewOptions};
/// let payload = serde_json::json!({"email": "ada@example.com"});
/// let contact = preview(Format::Intercom, &payload, &PreviewOptions::new())?;
/// assert_eq!(contact["role"], "user");
/// assert_eq!(contact["email_domain"], "example.com");
/// assert_eq!(contact["tags"]["data"], serde_json::json!([]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`PreviewError::Unsupported`] for a format without a response object (see
/// [`Format::response_format`]); [`PreviewError::Rejected`] for a payload that is invalid as
/// `format`.
pub fn preview(
    format: Format,
    payload: &Value,
    options: &PreviewOptions,
) -> Result<Value, PreviewError> {
    supported(format)?;
    valid_source(validate_value(
        format.spec(),
        payload,
        options.validate.settings(),
    ))?;
    respond(format, payload, options)
}

/// [`preview`] for a payload given as JSON text. The text is validated before it is parsed, as
/// by [`crate::convert_str`], so what only the text shows (a member name repeated in one
/// object, a number beyond the range of a 64-bit float) rejects the payload as
/// [`crate::Validator::validate_str`] reports it.
///
/// ```
/// use contactkit::{preview_str, Code, Format, PreviewError, PreviewOptions};
/// let text = r#"{"email": "ada@example.com", "email": "grace@example.com"}"#;
/// let Err(PreviewError::Rejected(rejection)) =
///     preview_str(Format::Intercom, text, &PreviewOptions::new())
/// else {
///     panic!("a repeated member name")
/// };
/// assert_eq!(rejection.issues[0].code, Code::Duplicate);
/// ```
///
/// # Errors
/// As [`preview`]; text that is not one JSON value is a `syntax` error.
pub fn preview_str(
    format: Format,
    json: &str,
    options: &PreviewOptions,
) -> Result<Value, PreviewError> {
    supported(format)?;
    respond(
        format,
        &read_valid(format, json, options.validate.settings())?,
        options,
    )
}

/// [`PreviewError::Unsupported`] for a format without a response object.
fn supported(format: Format) -> Result<(), PreviewError> {
    match format.response_format() {
        Some(_) => Ok(()),
        None => Err(PreviewError::Unsupported(format)),
    }
}

/// The preview of a payload found valid as `format`.
fn respond(
    format: Format,
    payload: &Value,
    options: &PreviewOptions,
) -> Result<Value, PreviewError> {
    let Some(p) = payload.as_object() else {
        // Validation reports a payload that is not an object; this is for completeness.
        return Err(PreviewError::Rejected(Rejection {
            stage: Stage::Source,
            issues: vec![Issue::error("", Code::Type, "must be an object")],
        }));
    };
    let now = options.now.map_or(0, Timestamp::unix_seconds);
    let at = Placeholders {
        now,
        now_text: crate::format_unix_seconds(now).unwrap_or_default(),
    };
    match format {
        Format::Intercom => Ok(crate::vendor::intercom::preview::contact(p, &at)),
        Format::Bird => Ok(crate::vendor::bird::preview::contact(p, &at)),
        Format::HelpScout => Ok(crate::vendor::helpscout::preview::customer(p, &at)),
        _ => Err(PreviewError::Unsupported(format)),
    }
}
