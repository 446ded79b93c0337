//! Response preview: the object a vendor returns for a valid create payload, with the derived
//! members the vendor documents computed. docs/READ-FORMATS.md describes each vendor's preview.

use crate::value::Value;

use crate::engine::{read_valid, valid_source};
use crate::spec::validate::validate_converted;
use crate::{Code, Error, Format, Issue, PreviewOptions, Rejection, Stage, Timestamp};

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
/// ([`PreviewOptions::PLACEHOLDER_ID`], [`PreviewOptions::PLACEHOLDER_NUMBER`]) and the creation time is
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
/// [`Error::NoPreview`] for a format without a response object (see
/// [`Format::response_format`]); [`Error::Rejected`] for a payload that is invalid as
/// `format`.
pub fn preview(format: Format, payload: &Value, options: &PreviewOptions) -> Result<Value, Error> {
    supported(format)?;
    valid_source(validate_converted(
        format.spec(),
        payload,
        &options.validate,
    ))?;
    respond(format, payload, options)
}

/// [`preview`] for a payload given as JSON text. The text is validated before it is parsed, as
/// by [`crate::convert_str`], so what only the text shows (a member name repeated in one
/// object, a number beyond the range of a 64-bit float) rejects the payload as
/// [`crate::Validator::validate_str`] reports it.
///
/// ```
/// use contactkit::{preview_str, Code, Error, Format, PreviewOptions};
/// let text = r#"{"email": "ada@example.com", "email": "grace@example.com"}"#;
/// let Err(Error::Rejected(rejection)) =
///     preview_str(Format::Intercom, text, &PreviewOptions::new())
/// else {
///     panic!("a repeated member name")
/// };
/// assert_eq!(rejection.issues[0].code, Code::Duplicate);
/// ```
///
/// # Errors
/// As [`preview`]; text that is not one JSON value is a `syntax` error.
pub fn preview_str(format: Format, json: &str, options: &PreviewOptions) -> Result<Value, Error> {
    supported(format)?;
    respond(
        format,
        &read_valid(format, json, &options.validate)?,
        options,
    )
}

/// [`Error::NoPreview`] for a format without a response object.
fn supported(format: Format) -> Result<(), Error> {
    match format.response_format() {
        Some(_) => Ok(()),
        None => Err(Error::NoPreview(format)),
    }
}

/// The preview of a payload found valid as `format`.
fn respond(format: Format, payload: &Value, options: &PreviewOptions) -> Result<Value, Error> {
    let Some(p) = payload.as_object() else {
        // Validation reports a payload that is not an object; this is for completeness.
        return Err(Error::Rejected(Rejection {
            stage: Stage::Source,
            issues: vec![Issue::error("", Code::Type, "must be an object")],
        }));
    };
    let now = options.now.map_or(0, Timestamp::unix_seconds);
    let at = Placeholders {
        now,
        now_text: crate::formats::format_unix_seconds(now).unwrap_or_default(),
    };
    match format {
        Format::Intercom => Ok(crate::intercom::preview::contact(p, &at)),
        Format::Bird => Ok(crate::bird::preview::contact(p, &at)),
        Format::HelpScout => Ok(crate::helpscout::preview::customer(p, &at)),
        _ => Err(Error::NoPreview(format)),
    }
}
