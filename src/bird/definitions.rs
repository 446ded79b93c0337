//! Bird attribute definitions (account-specific custom field definitions, read by
//! [`Definitions::from_json`](crate::Definitions::from_json)) and how a custom value is checked
//! against one.

use crate::definitions::{err, read_items, text, DefinitionsError};
use crate::formats::StringFormat;
use crate::json::Json;
use crate::pointer::Path;
use crate::spec::message::{JsonType, Message, Part, Part::Text};
use crate::spec::validate::Ctx;
use crate::{Code, Format, Severity};

/// A Bird attribute definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeDefinition {
    /// The attribute key.
    pub key: String,
    /// Its type.
    pub kind: AttributeType,
    /// Whether it holds several values (an array).
    pub many: bool,
}

/// The type of a Bird attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AttributeType {
    /// `true` or `false`.
    Boolean,
    /// An RFC 3339 date-time string.
    Datetime,
    /// A number.
    Number,
    /// A string.
    String,
}

pub(crate) fn list<'v>(
    value: &'v Json<'v>,
    path: &str,
) -> Result<Vec<AttributeDefinition>, DefinitionsError> {
    read_items(value, path, &["results"], |item, at| {
        let kind = match text(item, "type", at)? {
            "boolean" => AttributeType::Boolean,
            "datetime" => AttributeType::Datetime,
            "number" => AttributeType::Number,
            "string" => AttributeType::String,
            _ => return Err(err(at, "type must be boolean, datetime, number or string")),
        };
        let many = match item.get("cardinality").and_then(Json::as_str) {
            None | Some("one") => false,
            Some("many") => true,
            Some(_) => return Err(err(at, "cardinality must be one or many")),
        };
        Ok(Some(AttributeDefinition {
            key: text(item, "key", at)?.to_owned(),
            kind,
            many,
        }))
    })
}

const NOT_ONE_VALUE: &[Part] = &[Text(
    "must be a single value (cardinality one), not an array",
)];
const NOT_DATE_TIME: &[Part] = &[Text("is not an RFC 3339 date-time (datetime attribute)")];

impl AttributeDefinition {
    /// Checks a value against this definition (`null` clears an attribute).
    pub(crate) fn check(&self, value: &Json<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
        match value {
            Json::Null => {}
            Json::Array(items) if self.many => {
                for (i, item) in items.iter().enumerate() {
                    self.check_one(item, &path.index(i), ctx);
                }
            }
            Json::Array(_) => ctx.error(path, Code::Type, Message::new(NOT_ONE_VALUE)),
            one => self.check_one(one, path, ctx),
        }
    }

    fn check_one(&self, value: &Json<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
        let (ok, expected, kind): (bool, &'static [Part], JsonType) = match self.kind {
            AttributeType::Boolean => (
                value.is_boolean(),
                &[Text("must be a boolean (boolean attribute)")],
                JsonType::Boolean,
            ),
            AttributeType::Number => (
                value.is_number(),
                &[Text("must be a number (number attribute)")],
                JsonType::Number,
            ),
            AttributeType::String => (
                value.is_string(),
                &[Text("must be a string (string attribute)")],
                JsonType::String,
            ),
            AttributeType::Datetime => (
                value.is_string(),
                &[Text(
                    "must be an RFC 3339 date-time string (datetime attribute)",
                )],
                JsonType::String,
            ),
        };
        if !ok {
            ctx.error(
                path,
                Code::Type,
                Message::new(expected).expected(kind, false),
            );
        } else if self.kind == AttributeType::Datetime {
            if let Some(s) = value
                .as_str()
                .filter(|s| !const { StringFormat::DateTime.checked_by(Format::Bird) }.matches(s))
            {
                ctx.push_value(
                    path,
                    Code::Format,
                    Severity::Error,
                    Message::new(NOT_DATE_TIME).format(StringFormat::DateTime),
                    s,
                );
            }
        }
    }
}
