//! String formats: one predicate per format, each next to the JSON Schema form that states the
//! same rule (a `pattern` or a `format`), so the Rust validator and the published schemas agree.
//!
//! Every predicate is hand-written (no regex engine), which keeps the WebAssembly build small.

mod email;
#[cfg(test)]
mod oracles;
mod phone;
mod time;
mod url;
mod uuid;

pub(crate) use time::{format_unix_seconds, parse_iso_timestamp};
pub use time::{Timestamp, TimestampError};

/// A `match` on a [`StringFormat`] with one arm per format, of which a build for one format
/// only ([`Format::ONLY`](crate::Format::ONLY), the npm package's per-vendor modules) keeps
/// those of the formats that format uses ([`Format::string_formats`](crate::Format::string_formats)):
/// it links no other format's predicate, texts or pattern. The others give `$none`, which no
/// rule and no vendor code of such a build reaches (a unit test walks the tables;
/// [`StringFormat::checked_by`] fails the build for vendor code naming a format not listed).
macro_rules! by_format {
    ($format:expr, $none:expr, { $($name:ident => $value:expr,)* }) => {
        match $format {
            $(StringFormat::$name if const { StringFormat::$name.in_build() } => $value,)*
            #[allow(unreachable_patterns)]
            _ => $none,
        }
    };
}

/// A string format that a field must satisfy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StringFormat {
    /// An email address as browsers define it for `<input type=email>` (WHATWG HTML).
    Email,
    /// An absolute `http` or `https` URL.
    HttpUrl,
    /// A calendar date `YYYY-MM-DD` that exists.
    Date,
    /// An RFC 3339 date-time (any offset) or a plain `YYYY-MM-DD` date.
    IsoDateOrDateTime,
    /// An RFC 3339 date-time (any offset).
    DateTime,
    /// A UUID in its 8-4-4-4-12 hexadecimal form.
    Uuid,
    /// An international phone number: `+`, then 7 to 15 digits, the first not zero.
    E164,
    /// A Help Scout property slug: 1 to 100 of `A-Z a-z 0-9 _ -`.
    Slug,
    /// A Bird attribute key: 1 to 64 of `A-Z a-z 0-9 _ -`.
    AttributeKey,
}

impl StringFormat {
    /// Whether `s` satisfies the format.
    pub(crate) fn matches(self, s: &str) -> bool {
        by_format!(self, false, {
            Email => email::is_valid(s),
            HttpUrl => url::is_http_url(s),
            Date => time::parse_date(s).is_some(),
            IsoDateOrDateTime => time::is_date_or_date_time(s),
            DateTime => time::parse_date_time(s).is_some(),
            Uuid => uuid::is_uuid(s),
            E164 => phone::is_e164(s),
            Slug => is_key(s, 100),
            AttributeKey => is_key(s, 64),
        })
    }

    /// Whether this build checks the format: every build, but one for one format only only
    /// the formats of that format ([`Format::string_formats`](crate::Format::string_formats)).
    const fn in_build(self) -> bool {
        match crate::Format::ONLY {
            None => true,
            Some(only) => only.uses(self),
        }
    }

    /// The format, for vendor code that checks it by name (not through a rule of its table):
    /// the build fails unless `vendor`'s [`string_formats`](crate::Format::string_formats)
    /// list it, so that a build for that format only checks it. Call it in a `const` block.
    pub(crate) const fn checked_by(self, vendor: crate::Format) -> Self {
        assert!(
            vendor.uses(self),
            "a format that vendor code checks must be in its Format::string_formats"
        );
        self
    }

    /// The finding code for a string that does not satisfy the format.
    pub(crate) fn code(self) -> crate::Code {
        match self {
            Self::Slug | Self::AttributeKey => crate::Code::Pattern,
            _ => crate::Code::Format,
        }
    }

    /// A short noun phrase naming the format, for messages and docs.
    pub(crate) fn describe(self) -> &'static str {
        by_format!(self, "", {
            Email => "a valid email address",
            HttpUrl => "an absolute http or https URL",
            Date => "a calendar date in the form YYYY-MM-DD",
            IsoDateOrDateTime => {
                "an ISO-8601 date-time (RFC 3339, e.g. 2024-05-01T12:00:00Z) or date (YYYY-MM-DD)"
            },
            DateTime => "an RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z)",
            Uuid => "a UUID (8-4-4-4-12 hexadecimal digits)",
            E164 => {
                "an international phone number: + and 7 to 15 digits, no leading zero (e.g. +31612345678)"
            },
            Slug => "1 to 100 letters, digits, hyphens or underscores",
            AttributeKey => "1 to 64 letters, digits, hyphens or underscores",
        })
    }

    /// The format's name in form metadata.
    pub(crate) fn form_name(self) -> &'static str {
        by_format!(self, "", {
            Email => "email",
            HttpUrl => "url",
            Date => "date",
            IsoDateOrDateTime => "date-or-date-time",
            DateTime => "date-time",
            Uuid => "uuid",
            E164 => "phone",
            Slug => "slug",
            AttributeKey => "attribute-key",
        })
    }

    /// An example a form shows in an empty input of this format, where one helps.
    pub(crate) fn example(self) -> Option<&'static str> {
        by_format!(self, None, {
            Email => None,
            HttpUrl => Some("https://"),
            Date => Some("2025-03-14"),
            IsoDateOrDateTime => Some("2025-03-14T09:26:53Z"),
            DateTime => Some("2025-03-14T09:26:53Z"),
            Uuid => Some("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"),
            E164 => None,
            Slug => None,
            AttributeKey => None,
        })
    }

    /// The JSON Schema keywords that state the same rule (an object).
    pub(crate) fn schema(self) -> crate::spec::schema::Schema {
        use crate::json::Json;
        use std::borrow::Cow;
        // One keyword each, built as one member rather than parsed (less WebAssembly code).
        let (keyword, value) = by_format!(self, ("", ""), {
            Email => ("pattern", email::PATTERN),
            HttpUrl => ("pattern", url::PATTERN),
            Date => ("format", "date"),
            DateTime => ("format", "date-time"),
            IsoDateOrDateTime => {
                return crate::spec::schema::from_text(
                    r#"{"anyOf": [{"format": "date-time"}, {"format": "date"}]}"#,
                )
            },
            Uuid => ("pattern", uuid::PATTERN),
            E164 => ("pattern", phone::PATTERN),
            Slug => ("pattern", "^[A-Za-z0-9_\\-]{1,100}$"),
            AttributeKey => ("pattern", "^[A-Za-z0-9_\\-]{1,64}$"),
        });
        Json::Object(vec![(
            Cow::Borrowed(keyword),
            Json::String(Cow::Borrowed(value)),
        )])
    }
}

/// A set of bytes: the ASCII letters and digits plus `others`, as a table, so that a test is
/// one load (the predicates run on every formatted string of every record).
pub(crate) struct Bytes([bool; 256]);

impl Bytes {
    /// Letters, digits and `others`.
    pub(crate) const fn alphanumeric_and(others: &[u8]) -> Self {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            #[allow(clippy::cast_possible_truncation)] // b < 256
            let byte = b as u8;
            table[b] = byte.is_ascii_alphanumeric();
            b += 1;
        }
        let mut i = 0;
        while i < others.len() {
            table[others[i] as usize] = true;
            i += 1;
        }
        Self(table)
    }

    /// Whether `b` is in the set.
    pub(crate) fn has(&self, b: u8) -> bool {
        // A u8 always indexes a 256-entry table.
        self.0[usize::from(b)]
    }

    /// Whether every byte of `s` is in the set: without a branch per byte (the strings are
    /// short and almost always pass).
    pub(crate) fn all(&self, s: &[u8]) -> bool {
        s.iter().fold(true, |ok, &b| ok & self.has(b))
    }
}

/// `[A-Za-z0-9_-]`
static KEY_BYTES: Bytes = Bytes::alphanumeric_and(b"_-");

/// `^[A-Za-z0-9_-]{1,max}$`
fn is_key(s: &str, max: usize) -> bool {
    !s.is_empty() && s.len() <= max && KEY_BYTES.all(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::StringFormat;

    #[test]
    fn slug_table() {
        for (s, ok) in [
            ("car", true),
            ("favorite-Cartoon_2", true),
            ("", false),
            ("has space", false),
            ("dot.ted", false),
            ("ä", false),
            (&"a".repeat(100), true),
            (&"a".repeat(101), false),
        ] {
            assert_eq!(StringFormat::Slug.matches(s), ok, "{s:?}");
        }
        assert!(StringFormat::AttributeKey.matches(&"k".repeat(64)));
        assert!(!StringFormat::AttributeKey.matches(&"k".repeat(65)));
    }
}
