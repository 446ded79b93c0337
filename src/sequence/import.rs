//! Sequence → canonical: the members that do not cross as plain text.

use crate::value::Map;

use crate::engine::crossing::At;
use crate::engine::import::Importer;
use crate::engine::provenance::{ContactPath, SourcePath};
use crate::engine::shared::import_first;
use crate::model::ContactField;

/// The one website: the first of the canonical websites.
pub(crate) fn website_url(obj: &Map, at: At, imp: &mut Importer<'_>) {
    import_first(obj, at, imp, ContactField::Websites, |c, url| {
        c.websites.push(url);
    });
}

/// An ISO-8601 date or date-time: the canonical timestamp of `at.field`.
pub(crate) fn timestamp(obj: &Map, at: At, imp: &mut Importer<'_>) {
    // Validated: an RFC 3339 date-time or a YYYY-MM-DD date; dropped only for an instant an
    // offset moves out of the years 0000 to 9999 UTC (e.g. 0000-01-01T00:00:00+01:00).
    imp.timestamp(
        obj,
        at,
        "is not an ISO-8601 date or date-time in the years 0000 to 9999 (UTC)",
    );
}

/// Every member that is not a documented field is a custom attribute.
pub(crate) fn custom<'s>(obj: &'s Map, _: At, imp: &mut Importer<'s>) {
    for (key, value) in obj {
        if super::TABLE.names(key) {
            continue;
        }
        imp.contact
            .custom_attributes
            .insert(key.clone(), value.clone());
        imp.trace(ContactPath::Custom(key), SourcePath::Key("", key));
    }
}
