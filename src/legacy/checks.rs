//! THE OLD CHECKS over `serde_json::Value` (see `super`), copied verbatim from the vendor
//! modules and `definitions.rs` as the oracle of the differential test. The old walk reached
//! them through the tables' function pointers; the tables now point at the new checks, so
//! this copy is found by the object's title and the member's name.

use serde_json::Value;

use super::validate::{check_str, Ctx, Quoted, Seen};
use crate::definitions::{
    BirdAttribute, BirdAttributeType, HelpScoutProperty, HelpScoutPropertyType, IntercomAttribute,
    IntercomDataType,
};
use crate::pointer::Path;
use crate::rules::StrFormat;
use crate::spec::{Obj, Str};
use crate::vendor::bird::spec::{EMAIL_KEY, PHONE_KEY, STANDARD_ATTRIBUTES};
use crate::{Code, Severity};

/// The old cross-field check of `obj`.
pub(crate) fn object(obj: &Obj, seen: &Seen<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    if obj.title == crate::vendor::intercom::spec::CREATE_CONTACT.title {
        role_rule(seen, path, ctx);
    } else if obj.title == "Identifier" {
        identifier_format(seen, path, ctx);
    } else {
        unreachable!("no old check for {}", obj.title);
    }
}

/// The old whole-value check of the member at `path`.
pub(crate) fn whole(value: &Value, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    match path {
        Path::Key(_, "custom_attributes") => check_custom_attributes(value, path, ctx),
        Path::Key(_, "attributes") => check_attributes(value, path, ctx),
        _ => unreachable!("no old whole-value check at {path:?}"),
    }
}

/// An integer-valued JSON number, and whether it fits `i64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Integer {
    /// Fits `i64`.
    InRange(i64),
    /// An integer outside `i64` (e.g. `1e20` or `18446744073709551615`).
    OutOfRange,
}

/// The integer a JSON value holds: like JSON Schema, a number with a zero fractional part
/// (`1.0`, `1e3`) is an integer. `None` for non-numbers and fractional numbers.
pub(crate) fn as_integer(v: &Value) -> Option<Integer> {
    let Value::Number(n) = v else { return None };
    if let Some(i) = n.as_i64() {
        return Some(Integer::InRange(i));
    }
    if n.is_u64() {
        return Some(Integer::OutOfRange);
    }
    let f = n.as_f64()?;
    if !f.is_finite() || f.fract() != 0.0 {
        return None;
    }
    // i64::MIN is -2^63 exactly; i64::MAX as f64 rounds up to 2^63, which is out of range.
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
    let in_range = f >= i64::MIN as f64 && f < i64::MAX as f64;
    #[allow(clippy::cast_possible_truncation)]
    Some(if in_range {
        Integer::InRange(f as i64)
    } else {
        Integer::OutOfRange
    })
}

fn is_integer(v: &Value) -> bool {
    as_integer(v).is_some()
}

/// Checks a value against a Help Scout property definition.
pub(crate) fn helpscout_property(
    def: &HelpScoutProperty,
    value: &Value,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) {
    if def.kind == HelpScoutPropertyType::Number && as_integer(value) == Some(Integer::OutOfRange)
    {
        ctx.error(
            path,
            Code::OutOfRange,
            format!(
                "must be an integer from {} to {} (number property)",
                i64::MIN,
                i64::MAX
            ),
        );
        return;
    }
    let (ok, expected) = match def.kind {
        HelpScoutPropertyType::Number => (is_integer(value), "an integer (number property)"),
        HelpScoutPropertyType::Text
        | HelpScoutPropertyType::Url
        | HelpScoutPropertyType::Date
        | HelpScoutPropertyType::Dropdown => (value.is_string(), "a string"),
    };
    if !ok {
        ctx.error(path, Code::Type, format!("must be {expected}"));
        return;
    }
    let Some(s) = value.as_str() else { return };
    match def.kind {
        HelpScoutPropertyType::Text => {
            let n = s.chars().count();
            if n > 255 {
                ctx.error(
                    path,
                    Code::TooLong,
                    format!("is {n} characters long, the maximum is 255 (text property)"),
                );
            }
        }
        HelpScoutPropertyType::Url => {
            if !StrFormat::HttpUrl.matches(s) {
                ctx.push_value(
                    path,
                    Code::Format,
                    Severity::Error,
                    "is not a valid URL (url property)".to_owned(),
                    &Quoted(s),
                );
            }
        }
        HelpScoutPropertyType::Date => {
            if !StrFormat::Date.matches(s) {
                ctx.push_value(
                    path,
                    Code::Format,
                    Severity::Error,
                    "is not a calendar date in the form YYYY-MM-DD (date property)".to_owned(),
                    &Quoted(s),
                );
            }
        }
        HelpScoutPropertyType::Dropdown => {
            if !def.options.iter().any(|(id, label)| id == s || label == s) {
                ctx.push_value(
                    path,
                    Code::Enum,
                    Severity::Error,
                    "is neither the id nor the label of one of the dropdown's options".to_owned(),
                    &Quoted(s),
                );
            }
        }
        HelpScoutPropertyType::Number => {}
    }
}

/// Checks a value against an Intercom attribute definition.
fn intercom_attribute(def: &IntercomAttribute, value: &Value, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    if value.is_null() {
        return;
    }
    let (ok, expected) = match def.kind {
        IntercomDataType::String => (value.is_string(), "a string (string attribute)"),
        IntercomDataType::Integer => (is_integer(value), "an integer (integer attribute)"),
        IntercomDataType::Float => (value.is_number(), "a number (float attribute)"),
        IntercomDataType::Boolean => (value.is_boolean(), "a boolean (boolean attribute)"),
        IntercomDataType::Date | IntercomDataType::Datetime => (
            is_integer(value),
            "a Unix timestamp in seconds (date attribute)",
        ),
        IntercomDataType::Options => (value.is_string(), "a string (list attribute)"),
    };
    if !ok {
        ctx.error(path, Code::Type, format!("must be {expected}"));
        return;
    }
    if def.kind == IntercomDataType::Options && !def.options.is_empty() {
        if let Some(s) = value.as_str() {
            if !def.options.iter().any(|o| o == s) {
                ctx.push_value(path, Code::Enum, Severity::Warning, "is not one of the list attribute's options (Intercom's 2.x docs do not state whether this is rejected)".to_owned(), &Quoted(s));
            }
        }
    }
}

/// Checks a value against a Bird attribute definition.
fn bird_attribute(def: &BirdAttribute, value: &Value, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    match value {
        Value::Null => {}
        Value::Array(items) if def.many => {
            for (i, item) in items.iter().enumerate() {
                bird_check_one(def, item, &path.index(i), ctx);
            }
        }
        Value::Array(_) => ctx.error(
            path,
            Code::Type,
            "must be a single value (cardinality one), not an array".to_owned(),
        ),
        one => bird_check_one(def, one, path, ctx),
    }
}

fn bird_check_one(def: &BirdAttribute, value: &Value, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    let (ok, expected) = match def.kind {
        BirdAttributeType::Boolean => (value.is_boolean(), "a boolean"),
        BirdAttributeType::Number => (value.is_number(), "a number"),
        BirdAttributeType::String => (value.is_string(), "a string"),
        BirdAttributeType::Datetime => (value.is_string(), "an RFC 3339 date-time string"),
    };
    if !ok {
        ctx.error(
            path,
            Code::Type,
            format!("must be {expected} ({} attribute)", bird_type_name(def)),
        );
    } else if def.kind == BirdAttributeType::Datetime {
        if let Some(s) = value.as_str().filter(|s| !StrFormat::DateTime.matches(s)) {
            ctx.push_value(
                path,
                Code::Format,
                Severity::Error,
                "is not an RFC 3339 date-time (datetime attribute)".to_owned(),
                &Quoted(s),
            );
        }
    }
}

fn bird_type_name(def: &BirdAttribute) -> &'static str {
    match def.kind {
        BirdAttributeType::Boolean => "boolean",
        BirdAttributeType::Datetime => "datetime",
        BirdAttributeType::Number => "number",
        BirdAttributeType::String => "string",
    }
}

/// With `role: "user"`, `email` or `external_id` is required (docs 2.1).
fn role_rule(seen: &Seen<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    if seen.captured("role") == Some("user") && !seen.has("email") && !seen.has("external_id") {
        ctx.error(
            path,
            Code::Required,
            "email or external_id is required when role is user".to_owned(),
        );
    }
}

/// A custom attribute string value's rules (legacy 1.x limit: a warning).
const ATTRIBUTE_VALUE: Str = Str {
    soft_max: 255,
    soft_max_note: "Intercom's legacy 1.x docs limit string values to 255 characters; the 2.x docs do not state it",
    ..Str::ANY
};

fn check_custom_attributes(value: &Value, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    let Value::Object(map) = value else {
        ctx.error(path, Code::Type, "must be an object or null".to_owned());
        return;
    };
    if map.len() > 250 {
        ctx.warn(
            path,
            Code::TooManyItems,
            format!(
                "has {} attributes; Intercom allows 250 custom data attributes per workspace",
                map.len()
            ),
        );
    }
    let definitions = ctx.settings.definitions.filter(|d| d.has_intercom());
    for (name, v) in map {
        let member = path.key(name);
        if name.contains(['.', '$']) {
            ctx.warn(
                &member,
                Code::Pattern,
                "contains '.' or '$', which Intercom's legacy 1.x docs forbid in attribute names; the 2.x docs do not state it"
                    .to_owned(),
            );
        }
        let n = name.chars().count();
        if n > 190 {
            ctx.warn(
                &member,
                Code::TooLong,
                format!("is a {n}-character name; Intercom's legacy 1.x docs allow at most 190, the 2.x docs do not state it"),
            );
        }
        match v {
            Value::Object(_) | Value::Array(_) => {
                let found = if v.is_object() {
                    "an object"
                } else {
                    "an array"
                };
                ctx.error(
                    &member,
                    Code::Type,
                    format!("must be a string, number, boolean or null, not {found}"),
                );
                continue;
            }
            Value::String(s) => check_str(&ATTRIBUTE_VALUE, s, &member, ctx),
            _ => {}
        }
        let definition = definitions.and_then(|defs| defs.intercom_attribute(name));
        match (definitions, definition) {
            (_, Some(def)) => intercom_attribute(def, v, &member, ctx),
            (Some(_), None) => ctx.warn(
                &member,
                Code::UnknownField,
                "has no data attribute definition in the given definitions; Intercom's legacy 1.x docs require attributes to exist, the 2.x docs do not state what happens".to_owned(),
            ),
            (None, None) => {
                if name.ends_with("_at") && !v.is_null() && !is_integer(v) {
                    ctx.warn(
                        &member,
                        Code::Type,
                        "should be a Unix timestamp in seconds: Intercom's legacy 1.x docs treat attributes whose names end in _at as dates; the 2.x docs do not state it".to_owned(),
                    );
                }
            }
        }
    }
}

fn identifier_format(seen: &Seen<'_>, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    let (Some(key), Some(value)) = (seen.captured("key"), seen.captured("value")) else {
        return;
    };
    let format = match key {
        EMAIL_KEY => StrFormat::Email,
        PHONE_KEY => StrFormat::E164,
        _ => return,
    };
    let rules = Str {
        format: Some(format),
        ..Str::ANY
    };
    check_str(&rules, value, &path.key("value"), ctx);
}

fn check_attributes(value: &Value, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    let Value::Object(map) = value else {
        ctx.error(path, Code::Type, "must be an object".to_owned());
        return;
    };
    let definitions = ctx.settings.definitions.filter(|d| d.has_bird());
    for (key, v) in map {
        let member = path.key(key);
        if !StrFormat::AttributeKey.matches(key) {
            ctx.warn(
                &member,
                Code::Pattern,
                format!(
                    "is not a valid attribute key ({}), the rule for attribute definitions; the create-contact docs do not state it",
                    StrFormat::AttributeKey.describe()
                ),
            );
        }
        let shape_ok = match v {
            Value::Array(items) if items.is_empty() => {
                ctx.error(
                    &member,
                    Code::TooFewItems,
                    "is an empty array; array values need at least 1 item".to_owned(),
                );
                false
            }
            Value::Array(items) => {
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    if item.is_array() || item.is_object() {
                        ctx.error(
                            &member.index(i),
                            Code::Type,
                            "must be a boolean, number, string or null".to_owned(),
                        );
                        ok = false;
                    }
                }
                ok
            }
            Value::Object(_) => {
                ctx.error(
                    &member,
                    Code::Type,
                    "must be a boolean, number, string, null or a non-empty array of those, not an object".to_owned(),
                );
                false
            }
            _ => true,
        };
        if let (true, Some(defs)) = (shape_ok, definitions) {
            match defs.bird_attribute(key) {
                Some(def) => bird_attribute(def, v, &member, ctx),
                None if STANDARD_ATTRIBUTES.contains(&key.as_str()) => {}
                None => ctx.warn(
                    &member,
                    Code::UnknownField,
                    "has no attribute definition in the given definitions; whether Bird rejects undefined attributes is not stated in its docs".to_owned(),
                ),
            }
        }
    }
}
