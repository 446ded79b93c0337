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

use crate::bird::AttributeDefinition as BirdAttribute;
use crate::helpscout::PropertyDefinition as HelpScoutProperty;
use crate::intercom::AttributeDefinition as IntercomAttribute;
use crate::json::Number;

/// Custom field definitions for one or more vendors.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Definitions {
    helpscout: Option<Vec<HelpScoutProperty>>,
    intercom: Option<Vec<IntercomAttribute>>,
    bird: Option<Vec<BirdAttribute>>,
}

/// Why a definitions document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionsError {
    path: String,
    message: String,
}

impl fmt::Display for DefinitionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = crate::pointer::shown(&self.path, "(document)");
        write!(f, "definitions {path}: {}", self.message)
    }
}

impl std::error::Error for DefinitionsError {}

pub(crate) fn err(path: &str, message: impl Into<String>) -> DefinitionsError {
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
                "helpscout" => {
                    defs.helpscout = Some(crate::helpscout::definitions::list(value, "/helpscout")?)
                }
                "intercom" => {
                    defs.intercom = Some(crate::intercom::definitions::list(value, "/intercom")?)
                }
                "bird" => defs.bird = Some(crate::bird::definitions::list(value, "/bird")?),
                _ => continue,
            }
            recognised = true;
        }
        if recognised {
            return Ok(defs);
        }
        if doc.pointer("/_embedded/customer-properties").is_some() {
            defs.helpscout = Some(crate::helpscout::definitions::list(doc, "")?);
        } else if doc.get("type").and_then(Value::as_str) == Some("list")
            && doc.get("data").is_some()
        {
            defs.intercom = Some(crate::intercom::definitions::list(doc, "")?);
        } else if doc.get("results").is_some() {
            defs.bird = Some(crate::bird::definitions::list(doc, "")?);
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

/// Reads the items of a list ([`items`]) with `read`, which gets an item and its pointer and
/// returns `None` for an item the list holds but the definitions do not take.
pub(crate) fn read_items<T>(
    value: &Value,
    path: &str,
    wrappers: &[&str],
    mut read: impl FnMut(&Value, &str) -> Result<Option<T>, DefinitionsError>,
) -> Result<Vec<T>, DefinitionsError> {
    let mut out = Vec::new();
    for (i, item) in items(value, path, wrappers)?.iter().enumerate() {
        if let Some(definition) = read(item, &format!("{path}/{i}"))? {
            out.push(definition);
        }
    }
    Ok(out)
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

pub(crate) fn text<'v>(
    item: &'v Value,
    key: &str,
    path: &str,
) -> Result<&'v str, DefinitionsError> {
    item.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| err(path, format!("needs a string \"{key}\"")))
}

pub(crate) fn scalar_text(v: Option<&Value>) -> String {
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
