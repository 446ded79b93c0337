//! Why a conversion or a preview produced nothing: a bad call ([`Error::UnsupportedTarget`],
//! [`Error::ExternalIdSource`], [`Error::NoPreview`]), which no record can satisfy, or a bad
//! record ([`Error::Rejected`]), which the next record may not repeat.

use std::fmt;

use crate::engine::external_id::ExternalIdError;
use crate::payload::PayloadError;
use crate::{Code, Format, Issue, Rejection, Stage};

/// Why a conversion or a preview produced nothing.
///
/// ```
/// use contactkit::{convert, ConvertOptions, Error, Format};
/// let record = serde_json::json!({"firstName": "Ada"});
/// // A bad call: no record converts to a read format.
/// let call = convert(Format::HelpScout, Format::IntercomContact, &record, &ConvertOptions::new());
/// assert!(matches!(call, Err(Error::UnsupportedTarget(Format::IntercomContact))));
/// // A bad record: Sequence requires an external id this one lacks.
/// let record = convert(Format::HelpScout, Format::Sequence, &record, &ConvertOptions::new());
/// assert!(matches!(record, Err(Error::Rejected(_))));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The target is a read format (an object a vendor returns): conversions produce create
    /// payloads and canonical contacts ([`Format::is_target`]).
    UnsupportedTarget(Format),
    /// The external-id source cannot apply to the source format (`source-id` needs a read
    /// format; see [`crate::ExternalIdSource::check`]).
    ExternalIdSource(ExternalIdError),
    /// The format has no documented response object to preview ([`Format::response_format`]).
    NoPreview(Format),
    /// The record was rejected: it is invalid as the source format, or its conversion cannot
    /// satisfy the target's rules.
    Rejected(Rejection),
    /// A converted payload did not read into its typed struct ([`crate::payload::convert`]);
    /// a valid payload always does, so this is a bug to report.
    Payload(PayloadError),
}

impl Error {
    /// Whether the call itself is wrong (every record would fail alike), rather than a record.
    ///
    /// ```
    /// use contactkit::{Error, Format};
    /// assert!(Error::UnsupportedTarget(Format::BirdContact).is_call());
    /// ```
    #[must_use]
    pub fn is_call(&self) -> bool {
        matches!(
            self,
            Self::UnsupportedTarget(_) | Self::ExternalIdSource(_) | Self::NoPreview(_)
        )
    }

    /// The rejection of a record, if that is what the error is.
    #[must_use]
    pub fn rejection(&self) -> Option<&Rejection> {
        match self {
            Self::Rejected(rejection) => Some(rejection),
            _ => None,
        }
    }

    /// The error as the rejection of a record, for callers that report every failure per
    /// record (the command line's `--rejects`, the npm package's results): a call error becomes
    /// one finding at `""` (`enum` at the target stage for a conversion, `type` at the source
    /// stage for a preview), a rejection stays itself.
    ///
    /// ```
    /// use contactkit::{Code, Error, Format, Stage};
    /// let rejection = Error::UnsupportedTarget(Format::BirdContact).into_rejection();
    /// assert_eq!(rejection.stage, Stage::Target);
    /// assert_eq!(rejection.issues[0].code, Code::Enum);
    /// ```
    #[must_use]
    pub fn into_rejection(self) -> Rejection {
        let (stage, code) = match self {
            Self::Rejected(rejection) => return rejection,
            Self::UnsupportedTarget(_) | Self::ExternalIdSource(_) => (Stage::Target, Code::Enum),
            Self::NoPreview(_) => (Stage::Source, Code::Type),
            Self::Payload(_) => (Stage::Target, Code::Type),
        };
        Rejection {
            stage,
            issues: vec![Issue::error("", code, self.text())],
        }
    }
}

impl Error {
    /// The error's message, as [`Display`](fmt::Display) writes it; built by pushes, so that
    /// the WebAssembly module's conversions link no formatting for it.
    ///
    /// ```
    /// use contactkit::{Error, Format};
    /// let e = Error::NoPreview(Format::Sequence);
    /// assert_eq!(e.text(), e.to_string());
    /// ```
    #[must_use]
    pub fn text(&self) -> String {
        let mut out = String::new();
        match self {
            Self::UnsupportedTarget(to) => {
                out.push_str(to.id());
                out.push_str(" is a read format (the object ");
                out.push_str(to.create_format().unwrap_or(*to).name());
                out.push_str(" returns): it can be converted from, not to; convert to ");
                out.push_str(to.create_format().map_or("a create format", Format::id));
                out.push_str(", and use preview for what the vendor returns");
            }
            Self::ExternalIdSource(e) => {
                out.push_str("the external-id ");
                out.push_str(e.message());
            }
            Self::NoPreview(format) => {
                out.push_str(format.id());
                out.push_str(
                    " has no documented response object to preview; preview works for intercom, bird and helpscout",
                );
            }
            Self::Rejected(rejection) => rejection.push_text(&mut out),
            Self::Payload(e) => {
                out.push_str("the converted payload does not read into its type: ");
                e.push_text(&mut out);
            }
        }
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for Error {}

impl From<Rejection> for Error {
    fn from(rejection: Rejection) -> Self {
        Self::Rejected(rejection)
    }
}
