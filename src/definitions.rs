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
use crate::json::{write, Json, Number};
use crate::Format;

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

impl DefinitionsError {
    /// The error's text, as [`Display`](fmt::Display) writes it: pushed rather than
    /// formatted, so that the WebAssembly forms module shows it without `core::fmt`.
    ///
    /// ```
    /// let doc = serde_json::json!({"helpscout": 1});
    /// let e = contactkit::Definitions::from_json(&doc).unwrap_err();
    /// assert_eq!(e.text(), e.to_string());
    /// assert!(e.text().starts_with("definitions "));
    /// ```
    #[must_use]
    pub fn text(&self) -> String {
        let mut text = String::from("definitions ");
        text.push_str(crate::pointer::shown(&self.path, "(document)"));
        text.push_str(": ");
        text.push_str(&self.message);
        text
    }
}

impl fmt::Display for DefinitionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
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
        Self::from_json_value(&Json::of(doc))
    }

    /// [`Definitions::from_json`] of a document read without serde_json (the npm package's
    /// WebAssembly module reads its options so; not a stable API).
    ///
    /// # Errors
    /// As [`Definitions::from_json`].
    #[doc(hidden)]
    pub fn from_json_value(doc: &Json<'_>) -> Result<Self, DefinitionsError> {
        let mut defs = Self::default();
        let Json::Object(members) = doc else {
            return Err(err("", "must be a JSON object"));
        };
        let mut recognised = false;
        for (key, value) in members {
            match key.as_ref() {
                "helpscout" if reads(Format::HelpScout) => {
                    defs.helpscout = Some(crate::helpscout::definitions::list(value, "/helpscout")?)
                }
                "intercom" if reads(Format::Intercom) => {
                    defs.intercom = Some(crate::intercom::definitions::list(value, "/intercom")?)
                }
                "bird" if reads(Format::Bird) => {
                    defs.bird = Some(crate::bird::definitions::list(value, "/bird")?)
                }
                "helpscout" => return Err(not_read("/helpscout", Format::HelpScout)),
                "intercom" => return Err(not_read("/intercom", Format::Intercom)),
                "bird" => return Err(not_read("/bird", Format::Bird)),
                _ => continue,
            }
            recognised = true;
        }
        if recognised {
            return Ok(defs);
        }
        if doc.at(&["_embedded", "customer-properties"]).is_some() {
            if !reads(Format::HelpScout) {
                return Err(not_read("", Format::HelpScout));
            }
            defs.helpscout = Some(crate::helpscout::definitions::list(doc, "")?);
        } else if doc.get("type").and_then(Json::as_str) == Some("list")
            && doc.get("data").is_some()
        {
            if !reads(Format::Intercom) {
                return Err(not_read("", Format::Intercom));
            }
            defs.intercom = Some(crate::intercom::definitions::list(doc, "")?);
        } else if doc.get("results").is_some() {
            if !reads(Format::Bird) {
                return Err(not_read("", Format::Bird));
            }
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

/// Whether this build reads the definitions of a vendor (its create format): every build
/// does, but one for one format only ([`Format::ONLY`], the npm package's per-vendor modules),
/// which reads its own vendor's alone and so links no other vendor's reader.
fn reads(vendor: Format) -> bool {
    Format::ONLY.is_none_or(|only| only == vendor)
}

/// The error for definitions of a vendor that a build for one format only does not read:
/// refused rather than left unread, so that definitions given to the wrong entry are said.
fn not_read(path: &str, vendor: Format) -> DefinitionsError {
    let only = Format::ONLY.map_or("", Format::id);
    let mut message = String::from("are ");
    message.push_str(vendor.name());
    message.push_str(" definitions, which contactkit/forms/");
    message.push_str(only);
    message.push_str(" does not read (it validates ");
    message.push_str(only);
    message.push_str(" payloads only; \"contactkit/forms\" reads every vendor's)");
    err(path, message)
}

/// Reads the items of a list ([`items`]) with `read`, which gets an item and its pointer and
/// returns `None` for an item the list holds but the definitions do not take.
pub(crate) fn read_items<'v, T>(
    value: &'v Json<'v>,
    path: &str,
    wrapper: &[&str],
    mut read: impl FnMut(&'v Json<'v>, &str) -> Result<Option<T>, DefinitionsError>,
) -> Result<Vec<T>, DefinitionsError> {
    let mut out = Vec::new();
    let mut at = String::new();
    for (i, item) in items(value, path, wrapper)?.iter().enumerate() {
        at.clear();
        at.push_str(path);
        at.push('/');
        write::push_usize(&mut at, i);
        if let Some(definition) = read(item, &at)? {
            out.push(definition);
        }
    }
    Ok(out)
}

/// The items of a list: the array itself, or the array at the wrapper path (member names).
fn items<'v>(
    value: &'v Json<'v>,
    path: &str,
    wrapper: &[&str],
) -> Result<&'v [Json<'v>], DefinitionsError> {
    if let Json::Array(items) = value {
        return Ok(items);
    }
    value.at(wrapper).and_then(Json::as_array).ok_or_else(|| {
        let mut message = String::from("must be an array or an object with ");
        for name in wrapper {
            message.push('/');
            message.push_str(name);
        }
        err(path, message)
    })
}

pub(crate) fn text<'v>(
    item: &'v Json<'v>,
    key: &str,
    path: &str,
) -> Result<&'v str, DefinitionsError> {
    item.get(key).and_then(Json::as_str).ok_or_else(|| {
        let mut message = String::from("needs a string \"");
        message.push_str(key);
        message.push('"');
        err(path, message)
    })
}

/// A scalar as text, as serde_json's `Display` writes it (strings as they are; anything else
/// but numbers and booleans as nothing).
pub(crate) fn scalar_text(v: Option<&Json<'_>>) -> String {
    let mut out = String::new();
    match v {
        Some(Json::String(s)) => out.push_str(s),
        Some(Json::Number(Number::U64(n))) => write::push_u64(&mut out, *n),
        Some(Json::Number(Number::I64(n))) => write::push_i64(&mut out, *n),
        Some(Json::Number(Number::F64(f))) => write::push_f64(&mut out, *f),
        Some(Json::Bool(b)) => out.push_str(if *b { "true" } else { "false" }),
        _ => {}
    }
    out
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
    use super::{as_integer, scalar_text, Integer};
    use crate::json::Json;
    use serde_json::Value;

    /// Option ids and values read without serde_json read as serde_json shows them.
    #[test]
    fn scalars_read_as_serde_json_displays_them() {
        let text = r#"["id", 7, -7, 0, -0, 1.5, 1e20, 2.5e-8, 18446744073709551615, 18446744073709551616,
                      true, false, null, [1], {"a": 1}]"#;
        let value: Value = serde_json::from_str(text).expect("json");
        let items = value.as_array().expect("array");
        for item in items {
            let expected = match item {
                Value::String(s) => s.clone(),
                Value::Number(_) | Value::Bool(_) => item.to_string(),
                _ => String::new(),
            };
            assert_eq!(scalar_text(Some(&Json::of(item))), expected, "{item}");
        }
        assert_eq!(scalar_text(None), "");
    }

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
