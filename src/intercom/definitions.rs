//! Intercom data attribute definitions (account-specific custom field definitions, read by
//! [`Definitions::from_json`](crate::Definitions::from_json)) and how a custom value is checked
//! against one.

use crate::definitions::{err, read_items, scalar_text, text, DefinitionsError};
use crate::json::Json;
use crate::pointer::Path;
use crate::spec::message::{JsonType, Message, Part, Part::Text};
use crate::spec::validate::Ctx;
use crate::{Code, Severity};

/// An Intercom data attribute definition (model `contact`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeDefinition {
    /// The attribute's name (the key in `custom_attributes`).
    pub name: String,
    /// Its data type.
    pub kind: DataType,
    /// The allowed values of a list attribute (empty: any).
    pub options: Vec<String>,
}

/// The data type of an Intercom data attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DataType {
    /// A string.
    String,
    /// An integer.
    Integer,
    /// A number.
    Float,
    /// A boolean.
    Boolean,
    /// A date: Unix seconds (Intercom's dates are timestamps).
    Date,
    /// A date-time: Unix seconds.
    Datetime,
    /// One of `options`.
    Options,
}

pub(crate) fn list<'v>(
    value: &'v Json<'v>,
    path: &str,
) -> Result<Vec<AttributeDefinition>, DefinitionsError> {
    read_items(value, path, &["data"], |item, at| {
        // Only custom attributes of contacts are keys of `custom_attributes`. The list also holds
        // company and conversation attributes, and standard attributes (`"custom": false`, or a
        // `full_name` outside `custom_attributes.`); older versions name the contact model
        // `customer`.
        let model = item.get("model").and_then(Json::as_str);
        let standard = item.get("custom").and_then(Json::as_bool) == Some(false)
            || item
                .get("full_name")
                .and_then(Json::as_str)
                .is_some_and(|f| !f.starts_with("custom_attributes."));
        if model.is_some_and(|m| m != "contact" && m != "customer") || standard {
            return Ok(None);
        }
        // Pushed in a loop rather than collected (less WebAssembly code).
        let mut options: Vec<String> = Vec::new();
        for o in item
            .get("options")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            options.push(match o {
                Json::Object(_) => scalar_text(o.get("value")),
                other => scalar_text(Some(other)),
            });
        }
        let kind =
            match text(item, "data_type", at)? {
                "string" if !options.is_empty() => DataType::Options,
                "string" => DataType::String,
                "integer" => DataType::Integer,
                "float" => DataType::Float,
                "boolean" => DataType::Boolean,
                "date" => DataType::Date,
                "datetime" => DataType::Datetime,
                "options" => DataType::Options,
                _ => return Err(err(
                    at,
                    "data_type must be string, integer, float, boolean, date, datetime or options",
                )),
            };
        Ok(Some(AttributeDefinition {
            name: text(item, "name", at)?.to_owned(),
            kind,
            options,
        }))
    })
}

const NOT_OPTION_OF_LIST: &[Part] = &[Text(
    "is not one of the list attribute's options (Intercom's 2.x docs do not state whether this is rejected)",
)];

impl AttributeDefinition {
    /// Checks a value against this definition (`null` clears an attribute and is always accepted).
    pub(crate) fn check(&self, value: &Json<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
        if value.is_null() {
            return;
        }
        let (ok, expected, kind): (bool, &'static [Part], JsonType) = match self.kind {
            DataType::String => (
                value.is_string(),
                &[Text("must be a string (string attribute)")],
                JsonType::String,
            ),
            DataType::Integer => (
                value.as_integer().is_some(),
                &[Text("must be an integer (integer attribute)")],
                JsonType::Integer,
            ),
            DataType::Float => (
                value.is_number(),
                &[Text("must be a number (float attribute)")],
                JsonType::Number,
            ),
            DataType::Boolean => (
                value.is_boolean(),
                &[Text("must be a boolean (boolean attribute)")],
                JsonType::Boolean,
            ),
            DataType::Date | DataType::Datetime => (
                value.as_integer().is_some(),
                &[Text("must be a Unix timestamp in seconds (date attribute)")],
                JsonType::Integer,
            ),
            DataType::Options => (
                value.is_string(),
                &[Text("must be a string (list attribute)")],
                JsonType::String,
            ),
        };
        if !ok {
            ctx.error(
                path,
                Code::Type,
                Message::new(expected).expected(kind, false),
            );
            return;
        }
        if self.kind == DataType::Options && !self.options.is_empty() {
            if let Some(s) = value.as_str() {
                if !self.options.iter().any(|o| o == s) {
                    let message = Message::new(NOT_OPTION_OF_LIST);
                    ctx.push_value(path, Code::Enum, Severity::Warning, message, s);
                }
            }
        }
    }
}
