//! Help Scout customer property definitions (account-specific custom field definitions, read by
//! [`Definitions::from_json`](crate::Definitions::from_json)) and how a custom value is checked
//! against one.

use crate::definitions::{err, read_items, scalar_text, text, DefinitionsError};
use crate::formats::StringFormat;
use crate::json::{Integer, Json};
use crate::pointer::Path;
use crate::spec::message::{JsonType, Message, Part, Part::Text};
use crate::spec::validate::Ctx;
use crate::{Code, Format, Severity};

/// A Help Scout customer property definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyDefinition {
    /// The property's slug.
    pub slug: String,
    /// Its type.
    pub kind: PropertyType,
    /// Dropdown options as `(id, label)`.
    pub options: Vec<(String, String)>,
}

/// The type of a Help Scout customer property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PropertyType {
    /// An integer in the i64 range.
    Number,
    /// A string of at most 255 characters.
    Text,
    /// A valid URL.
    Url,
    /// A date `YYYY-MM-DD`.
    Date,
    /// One of the options, by id or label.
    Dropdown,
}

/// The property types by their names in Help Scout's definitions.
const KINDS: [(&str, PropertyType); 5] = [
    ("number", PropertyType::Number),
    ("text", PropertyType::Text),
    ("url", PropertyType::Url),
    ("date", PropertyType::Date),
    ("dropdown", PropertyType::Dropdown),
];

pub(crate) fn list<'v>(
    value: &'v Json<'v>,
    path: &str,
) -> Result<Vec<PropertyDefinition>, DefinitionsError> {
    read_items(
        value,
        path,
        &["_embedded", "customer-properties"],
        |item, at| {
            // By position in a table rather than a `match` on the names (less WebAssembly code).
            let name = text(item, "type", at)?;
            let Some(kind) = KINDS.iter().find(|(n, _)| *n == name).map(|(_, k)| *k) else {
                return Err(err(at, "type must be number, text, url, date or dropdown"));
            };
            // Pushed in a loop rather than collected (less WebAssembly code).
            let mut options = Vec::new();
            for o in item
                .get("options")
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
            {
                options.push((scalar_text(o.get("id")), scalar_text(o.get("label"))));
            }
            Ok(Some(PropertyDefinition {
                slug: text(item, "slug", at)?.to_owned(),
                kind,
                options,
            }))
        },
    )
}

const NUMBER_RANGE: &[Part] = &[
    Text("must be an integer from "),
    Part::Min,
    Text(" to "),
    Part::Max,
    Text(" (number property)"),
];
const NOT_NUMBER_PROPERTY: &[Part] = &[Text("must be an integer (number property)")];
const NOT_STRING: &[Part] = &[Text("must be a string")];
/// The most characters a text property holds (Help Scout's docs).
pub(crate) const TEXT_PROPERTY_MAX: u16 = 255;
const TEXT_TOO_LONG: &[Part] = &[
    Text("is "),
    Part::Length,
    Text(" characters long, the maximum is "),
    Part::Max,
    Text(" (text property)"),
];
const NOT_URL: &[Part] = &[Text("is not a valid URL (url property)")];
const NOT_DATE: &[Part] = &[Text(
    "is not a calendar date in the form YYYY-MM-DD (date property)",
)];
const NOT_OPTION: &[Part] = &[Text(
    "is neither the id nor the label of one of the dropdown's options",
)];

impl PropertyDefinition {
    /// Checks a value against this definition.
    pub(crate) fn check(&self, value: &Json<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
        if self.kind == PropertyType::Number && value.as_integer() == Some(Integer::OutOfRange) {
            let message = Message::new(NUMBER_RANGE).min(i64::MIN).max(i64::MAX);
            ctx.error(path, Code::OutOfRange, message);
            return;
        }
        let (ok, expected, kind) = match self.kind {
            PropertyType::Number => (
                value.as_integer().is_some(),
                NOT_NUMBER_PROPERTY,
                JsonType::Integer,
            ),
            PropertyType::Text
            | PropertyType::Url
            | PropertyType::Date
            | PropertyType::Dropdown => (value.is_string(), NOT_STRING, JsonType::String),
        };
        if !ok {
            ctx.error(
                path,
                Code::Type,
                Message::new(expected).expected(kind, false),
            );
            return;
        }
        let Some(s) = value.as_str() else { return };
        let wrong = match self.kind {
            PropertyType::Text => {
                let n = crate::spec::char_count(s);
                if n > usize::from(TEXT_PROPERTY_MAX) {
                    let message = Message::new(TEXT_TOO_LONG).length(n).max(TEXT_PROPERTY_MAX);
                    ctx.error(path, Code::TooLong, message);
                }
                return;
            }
            PropertyType::Url => (!const { StringFormat::HttpUrl.checked_by(Format::HelpScout) }
                .matches(s))
            .then_some((
                Code::Format,
                Message::new(NOT_URL).format(StringFormat::HttpUrl),
            )),
            PropertyType::Date => (!const { StringFormat::Date.checked_by(Format::HelpScout) }
                .matches(s))
            .then_some((
                Code::Format,
                Message::new(NOT_DATE).format(StringFormat::Date),
            )),
            PropertyType::Dropdown => {
                (!self.options.iter().any(|(id, label)| id == s || label == s))
                    .then_some((Code::Enum, Message::new(NOT_OPTION)))
            }
            PropertyType::Number => None,
        };
        if let Some((code, message)) = wrong {
            ctx.push_value(path, code, Severity::Error, message, s);
        }
    }
}
