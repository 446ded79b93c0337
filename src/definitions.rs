//! Account-specific custom field definitions: Help Scout customer properties, Intercom data
//! attributes and Bird attribute definitions. Given definitions, contactkit checks custom values
//! by their declared type; without them it checks only what holds for every account.
//!
//! [`Definitions::from_json`] accepts, for each vendor, the body its own "list definitions"
//! endpoint returns, or a plain array of definitions:
//!
//! | vendor | endpoint | accepted shape |
//! |---|---|---|
//! | Help Scout | `GET /v2/customer-properties` | `{"_embedded": {"customer-properties": [{"slug", "type", "options": [{"id", "label"}]}]}}` |
//! | Intercom | `GET /data_attributes` | `{"type": "list", "data": [{"name", "data_type", "options", "model"}]}` |
//! | Bird | `GET /workspaces/{id}/attribute-definitions` | `{"results": [{"key", "type", "cardinality"}]}` |
//!
//! either on their own (the vendor is recognised from the shape) or together as
//! `{"helpscout": …, "intercom": …, "bird": …}`.
//!
//! ```
//! use contactkit::{Definitions, Format, ValidateOptions, Validator};
//! let defs = Definitions::from_json(&serde_json::json!({
//!     "helpscout": [{"slug": "seats", "type": "number"}]
//! }))?;
//! let validator = Validator::new(Format::HelpScout).with_options(ValidateOptions::new().definitions(defs));
//! let report = validator.validate(&serde_json::json!({"properties": [{"slug": "seats", "value": "many"}]}));
//! assert_eq!(report.issues[0].path, "/properties/0/value");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use serde_json::Value;

use crate::json::{Json, Number};
use crate::pointer::Path;
use crate::rules::StrFormat;
use crate::spec::message::{Message, Part, Part::Text};
use crate::spec::validate::Ctx;
use crate::{Code, Severity};

/// Custom field definitions for one or more vendors.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Definitions {
    helpscout: Option<Vec<HelpScoutProperty>>,
    intercom: Option<Vec<IntercomAttribute>>,
    bird: Option<Vec<BirdAttribute>>,
}

/// A Help Scout customer property definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpScoutProperty {
    /// The property's slug.
    pub slug: String,
    /// Its type.
    pub kind: HelpScoutPropertyType,
    /// Dropdown options as `(id, label)`.
    pub options: Vec<(String, String)>,
}

/// The type of a Help Scout customer property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HelpScoutPropertyType {
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

/// An Intercom data attribute definition (model `contact`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntercomAttribute {
    /// The attribute's name (the key in `custom_attributes`).
    pub name: String,
    /// Its data type.
    pub kind: IntercomDataType,
    /// The allowed values of a list attribute (empty: any).
    pub options: Vec<String>,
}

/// The data type of an Intercom data attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum IntercomDataType {
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

/// A Bird attribute definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BirdAttribute {
    /// The attribute key.
    pub key: String,
    /// Its type.
    pub kind: BirdAttributeType,
    /// Whether it holds several values (an array).
    pub many: bool,
}

/// The type of a Bird attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BirdAttributeType {
    /// `true` or `false`.
    Boolean,
    /// An RFC 3339 date-time string.
    Datetime,
    /// A number.
    Number,
    /// A string.
    String,
}

/// Why a definitions document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionsError {
    path: String,
    message: String,
}

impl fmt::Display for DefinitionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(document)"
        } else {
            &self.path
        };
        write!(f, "definitions {path}: {}", self.message)
    }
}

impl std::error::Error for DefinitionsError {}

fn err(path: &str, message: impl Into<String>) -> DefinitionsError {
    DefinitionsError {
        path: path.to_owned(),
        message: message.into(),
    }
}

impl Definitions {
    /// Reads definitions from JSON (see the module docs for the accepted shapes).
    ///
    /// # Errors
    /// When the document has none of the accepted shapes, or a definition lacks its name or
    /// has an unknown type.
    pub fn from_json(doc: &Value) -> Result<Self, DefinitionsError> {
        let mut defs = Self::default();
        let Value::Object(map) = doc else {
            return Err(err("", "must be a JSON object"));
        };
        let mut recognised = false;
        for (key, value) in map {
            match key.as_str() {
                "helpscout" => defs.helpscout = Some(helpscout_list(value, "/helpscout")?),
                "intercom" => defs.intercom = Some(intercom_list(value, "/intercom")?),
                "bird" => defs.bird = Some(bird_list(value, "/bird")?),
                _ => continue,
            }
            recognised = true;
        }
        if recognised {
            return Ok(defs);
        }
        if doc.pointer("/_embedded/customer-properties").is_some() {
            defs.helpscout = Some(helpscout_list(doc, "")?);
        } else if doc.get("type").and_then(Value::as_str) == Some("list")
            && doc.get("data").is_some()
        {
            defs.intercom = Some(intercom_list(doc, "")?);
        } else if doc.get("results").is_some() {
            defs.bird = Some(bird_list(doc, "")?);
        } else {
            return Err(err(
                "",
                "expected {\"helpscout\"|\"intercom\"|\"bird\": [...]} or a vendor's list-definitions response",
            ));
        }
        Ok(defs)
    }

    /// Adds or replaces the Help Scout property definitions.
    #[must_use]
    pub fn with_helpscout(mut self, properties: Vec<HelpScoutProperty>) -> Self {
        self.helpscout = Some(properties);
        self
    }

    /// Adds or replaces the Intercom data attribute definitions.
    #[must_use]
    pub fn with_intercom(mut self, attributes: Vec<IntercomAttribute>) -> Self {
        self.intercom = Some(attributes);
        self
    }

    /// Adds or replaces the Bird attribute definitions.
    #[must_use]
    pub fn with_bird(mut self, attributes: Vec<BirdAttribute>) -> Self {
        self.bird = Some(attributes);
        self
    }

    pub(crate) fn has_helpscout(&self) -> bool {
        self.helpscout.is_some()
    }
    pub(crate) fn has_intercom(&self) -> bool {
        self.intercom.is_some()
    }
    pub(crate) fn has_bird(&self) -> bool {
        self.bird.is_some()
    }

    /// The Help Scout property with this slug.
    pub(crate) fn helpscout_property(&self, slug: &str) -> Option<&HelpScoutProperty> {
        self.helpscout.as_ref()?.iter().find(|p| p.slug == slug)
    }
    /// The Intercom attribute with this name.
    pub(crate) fn intercom_attribute(&self, name: &str) -> Option<&IntercomAttribute> {
        self.intercom.as_ref()?.iter().find(|a| a.name == name)
    }
    /// The Bird attribute with this key.
    pub(crate) fn bird_attribute(&self, key: &str) -> Option<&BirdAttribute> {
        self.bird.as_ref()?.iter().find(|a| a.key == key)
    }
}

/// The items of a list: the array itself, or the array at one of the wrapper keys.
fn items<'v>(
    value: &'v Value,
    path: &str,
    wrappers: &[&str],
) -> Result<&'v Vec<Value>, DefinitionsError> {
    if let Value::Array(items) = value {
        return Ok(items);
    }
    wrappers
        .iter()
        .find_map(|w| value.pointer(w).and_then(Value::as_array))
        .ok_or_else(|| {
            err(
                path,
                format!(
                    "must be an array or an object with {}",
                    wrappers.join(" or ")
                ),
            )
        })
}

fn text<'v>(item: &'v Value, key: &str, path: &str) -> Result<&'v str, DefinitionsError> {
    item.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| err(path, format!("needs a string \"{key}\"")))
}

fn helpscout_list(value: &Value, path: &str) -> Result<Vec<HelpScoutProperty>, DefinitionsError> {
    let list = items(value, path, &["/_embedded/customer-properties"])?;
    list.iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("{path}/{i}");
            let kind = match text(item, "type", &at)? {
                "number" => HelpScoutPropertyType::Number,
                "text" => HelpScoutPropertyType::Text,
                "url" => HelpScoutPropertyType::Url,
                "date" => HelpScoutPropertyType::Date,
                "dropdown" => HelpScoutPropertyType::Dropdown,
                _ => return Err(err(&at, "type must be number, text, url, date or dropdown")),
            };
            let options = item
                .get("options")
                .and_then(Value::as_array)
                .map(|opts| {
                    opts.iter()
                        .map(|o| (scalar_text(o.get("id")), scalar_text(o.get("label"))))
                        .collect()
                })
                .unwrap_or_default();
            Ok(HelpScoutProperty {
                slug: text(item, "slug", &at)?.to_owned(),
                kind,
                options,
            })
        })
        .collect()
}

fn intercom_list(value: &Value, path: &str) -> Result<Vec<IntercomAttribute>, DefinitionsError> {
    let list = items(value, path, &["/data"])?;
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let at = format!("{path}/{i}");
        // Only custom attributes of contacts are keys of `custom_attributes`. The list also holds
        // company and conversation attributes, and standard attributes (`"custom": false`, or a
        // `full_name` outside `custom_attributes.`); older versions name the contact model
        // `customer`.
        let model = item.get("model").and_then(Value::as_str);
        let standard = item.get("custom").and_then(Value::as_bool) == Some(false)
            || item
                .get("full_name")
                .and_then(Value::as_str)
                .is_some_and(|f| !f.starts_with("custom_attributes."));
        if model.is_some_and(|m| m != "contact" && m != "customer") || standard {
            continue;
        }
        let options: Vec<String> = item
            .get("options")
            .and_then(Value::as_array)
            .map(|opts| {
                opts.iter()
                    .map(|o| match o {
                        Value::Object(_) => scalar_text(o.get("value")),
                        other => scalar_text(Some(other)),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let kind =
            match text(item, "data_type", &at)? {
                "string" if !options.is_empty() => IntercomDataType::Options,
                "string" => IntercomDataType::String,
                "integer" => IntercomDataType::Integer,
                "float" => IntercomDataType::Float,
                "boolean" => IntercomDataType::Boolean,
                "date" => IntercomDataType::Date,
                "datetime" => IntercomDataType::Datetime,
                "options" => IntercomDataType::Options,
                _ => return Err(err(
                    &at,
                    "data_type must be string, integer, float, boolean, date, datetime or options",
                )),
            };
        out.push(IntercomAttribute {
            name: text(item, "name", &at)?.to_owned(),
            kind,
            options,
        });
    }
    Ok(out)
}

fn bird_list(value: &Value, path: &str) -> Result<Vec<BirdAttribute>, DefinitionsError> {
    let list = items(value, path, &["/results"])?;
    list.iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("{path}/{i}");
            let kind = match text(item, "type", &at)? {
                "boolean" => BirdAttributeType::Boolean,
                "datetime" => BirdAttributeType::Datetime,
                "number" => BirdAttributeType::Number,
                "string" => BirdAttributeType::String,
                _ => return Err(err(&at, "type must be boolean, datetime, number or string")),
            };
            let many = match item.get("cardinality").and_then(Value::as_str) {
                None | Some("one") => false,
                Some("many") => true,
                Some(_) => return Err(err(&at, "cardinality must be one or many")),
            };
            Ok(BirdAttribute {
                key: text(item, "key", &at)?.to_owned(),
                kind,
                many,
            })
        })
        .collect()
}

fn scalar_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

pub(crate) use crate::json::Integer;

/// The integer a JSON value holds: like JSON Schema, a number with a zero fractional part
/// (`1.0`, `1e3`) is an integer. `None` for non-numbers and fractional numbers.
pub(crate) fn as_integer(v: &Value) -> Option<Integer> {
    match v {
        Value::Number(n) => Number::of(n).integer(),
        _ => None,
    }
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
const TEXT_TOO_LONG: &[Part] = &[
    Text("is "),
    Part::Length,
    Text(" characters long, the maximum is 255 (text property)"),
];
const NOT_URL: &[Part] = &[Text("is not a valid URL (url property)")];
const NOT_DATE: &[Part] = &[Text(
    "is not a calendar date in the form YYYY-MM-DD (date property)",
)];
const NOT_OPTION: &[Part] = &[Text(
    "is neither the id nor the label of one of the dropdown's options",
)];

impl HelpScoutProperty {
    /// Checks a value against this definition.
    pub(crate) fn check(&self, value: &Json<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
        if self.kind == HelpScoutPropertyType::Number
            && value.as_integer() == Some(Integer::OutOfRange)
        {
            let message = Message::new(NUMBER_RANGE).min(i64::MIN).max(i64::MAX);
            ctx.error(path, Code::OutOfRange, message);
            return;
        }
        let (ok, expected) = match self.kind {
            HelpScoutPropertyType::Number => (value.as_integer().is_some(), NOT_NUMBER_PROPERTY),
            HelpScoutPropertyType::Text
            | HelpScoutPropertyType::Url
            | HelpScoutPropertyType::Date
            | HelpScoutPropertyType::Dropdown => (value.is_string(), NOT_STRING),
        };
        if !ok {
            ctx.error(path, Code::Type, Message::new(expected));
            return;
        }
        let Some(s) = value.as_str() else { return };
        let wrong = match self.kind {
            HelpScoutPropertyType::Text => {
                let n = s.chars().count();
                if n > 255 {
                    ctx.error(path, Code::TooLong, Message::new(TEXT_TOO_LONG).length(n));
                }
                return;
            }
            HelpScoutPropertyType::Url => {
                (!StrFormat::HttpUrl.matches(s)).then_some((Code::Format, NOT_URL))
            }
            HelpScoutPropertyType::Date => {
                (!StrFormat::Date.matches(s)).then_some((Code::Format, NOT_DATE))
            }
            HelpScoutPropertyType::Dropdown => {
                (!self.options.iter().any(|(id, label)| id == s || label == s))
                    .then_some((Code::Enum, NOT_OPTION))
            }
            HelpScoutPropertyType::Number => None,
        };
        if let Some((code, template)) = wrong {
            ctx.push_value(path, code, Severity::Error, Message::new(template), s);
        }
    }
}

const NOT_OPTION_OF_LIST: &[Part] = &[Text(
    "is not one of the list attribute's options (Intercom's 2.x docs do not state whether this is rejected)",
)];

impl IntercomAttribute {
    /// Checks a value against this definition (`null` clears an attribute and is always accepted).
    pub(crate) fn check(&self, value: &Json<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
        if value.is_null() {
            return;
        }
        let (ok, expected): (bool, &'static [Part]) = match self.kind {
            IntercomDataType::String => (
                value.is_string(),
                &[Text("must be a string (string attribute)")],
            ),
            IntercomDataType::Integer => (
                value.as_integer().is_some(),
                &[Text("must be an integer (integer attribute)")],
            ),
            IntercomDataType::Float => (
                value.is_number(),
                &[Text("must be a number (float attribute)")],
            ),
            IntercomDataType::Boolean => (
                value.is_boolean(),
                &[Text("must be a boolean (boolean attribute)")],
            ),
            IntercomDataType::Date | IntercomDataType::Datetime => (
                value.as_integer().is_some(),
                &[Text("must be a Unix timestamp in seconds (date attribute)")],
            ),
            IntercomDataType::Options => (
                value.is_string(),
                &[Text("must be a string (list attribute)")],
            ),
        };
        if !ok {
            ctx.error(path, Code::Type, Message::new(expected));
            return;
        }
        if self.kind == IntercomDataType::Options && !self.options.is_empty() {
            if let Some(s) = value.as_str() {
                if !self.options.iter().any(|o| o == s) {
                    let message = Message::new(NOT_OPTION_OF_LIST);
                    ctx.push_value(path, Code::Enum, Severity::Warning, message, s);
                }
            }
        }
    }
}

const NOT_ONE_VALUE: &[Part] = &[Text(
    "must be a single value (cardinality one), not an array",
)];
const NOT_DATE_TIME: &[Part] = &[Text("is not an RFC 3339 date-time (datetime attribute)")];

impl BirdAttribute {
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
        let (ok, expected): (bool, &'static [Part]) = match self.kind {
            BirdAttributeType::Boolean => (
                value.is_boolean(),
                &[Text("must be a boolean (boolean attribute)")],
            ),
            BirdAttributeType::Number => (
                value.is_number(),
                &[Text("must be a number (number attribute)")],
            ),
            BirdAttributeType::String => (
                value.is_string(),
                &[Text("must be a string (string attribute)")],
            ),
            BirdAttributeType::Datetime => (
                value.is_string(),
                &[Text(
                    "must be an RFC 3339 date-time string (datetime attribute)",
                )],
            ),
        };
        if !ok {
            ctx.error(path, Code::Type, Message::new(expected));
        } else if self.kind == BirdAttributeType::Datetime {
            if let Some(s) = value.as_str().filter(|s| !StrFormat::DateTime.matches(s)) {
                ctx.push_value(
                    path,
                    Code::Format,
                    Severity::Error,
                    Message::new(NOT_DATE_TIME),
                    s,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{as_integer, Integer};
    use serde_json::Value;

    #[test]
    fn integer_table() {
        for (text, expected) in [
            ("0", Some(Integer::InRange(0))),
            ("-7", Some(Integer::InRange(-7))),
            ("7.0", Some(Integer::InRange(7))),
            ("1e3", Some(Integer::InRange(1000))),
            ("9223372036854775807", Some(Integer::InRange(i64::MAX))),
            ("-9223372036854775808", Some(Integer::InRange(i64::MIN))),
            ("-9.223372036854775808e18", Some(Integer::InRange(i64::MIN))),
            ("9223372036854775808", Some(Integer::OutOfRange)),
            ("18446744073709551615", Some(Integer::OutOfRange)),
            // 2^63 as a float: one above i64::MAX.
            ("9.223372036854775808e18", Some(Integer::OutOfRange)),
            ("1e19", Some(Integer::OutOfRange)),
            ("-1e19", Some(Integer::OutOfRange)),
            ("1e300", Some(Integer::OutOfRange)),
            ("7.5", None),
            ("-0.5", None),
            ("\"7\"", None),
            ("true", None),
            ("null", None),
            ("[7]", None),
        ] {
            let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
            assert_eq!(as_integer(&value), expected, "{text}");
        }
    }
}
