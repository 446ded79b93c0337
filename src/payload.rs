//! Typed payloads: a Rust struct per format, derived from the same member declarations as the
//! rule tables (`sequence::Person`, `intercom::CreateContact`, `bird::CreateContact`,
//! `helpscout::Customer`, and the hub's `canonical::Contact`).
//!
//! A payload serialises with the vendor's member names, omits the members that are `None`, and
//! keeps what the format does not document in a map (a Sequence person's custom attributes,
//! any other format's undocumented members), so every valid payload of a format reads into its
//! struct and writes back as the same JSON (member order aside; an integer written `35.0` comes
//! back as `35`, the same integer). A member that `null` clears (Sequence, several of
//! Intercom's) is a [`Nullable`]; a member whose type the vendor does not state is a [`Loose`].
//! Structs are built with `..Default::default()`, so a member added in a later release does not
//! break a caller.
//!
//! [`validate`] and [`convert`] take and return payloads:
//!
//! ```
//! use contactkit::{helpscout, intercom, payload, ConvertOptions, ValidateOptions};
//! let customer = helpscout::Customer {
//!     first_name: Some("Ada".into()),
//!     last_name: Some("Lovelace".into()),
//!     emails: Some(vec![helpscout::Email {
//!         kind: Some("work".into()),
//!         value: Some("ada@example.com".into()),
//!         ..Default::default()
//!     }]),
//!     ..Default::default()
//! };
//! assert!(payload::validate(&customer, &ValidateOptions::new()).is_valid());
//!
//! let converted = payload::convert::<_, intercom::CreateContact>(&customer, &ConvertOptions::new())?;
//! assert_eq!(converted.payload.name.value().map(String::as_str), Some("Ada Lovelace"));
//! assert_eq!(converted.payload.email.as_deref(), Some("ada@example.com"));
//! # Ok::<(), contactkit::Error>(())
//! ```

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::pointer::Path;
#[cfg(all(feature = "convert", not(contactkit_value = "lite")))]
use crate::{ConvertOptions, Error};
use crate::{Format, Note, Report, ValidateOptions};

/// A typed payload of one format.
///
/// Implemented by the payload structs of the create formats and by the canonical contact; the
/// read formats (objects the vendors return) have none.
pub trait Payload: Clone + Default + Serialize + DeserializeOwned + sealed::Sealed {
    /// The payload's format.
    const FORMAT: Format;

    /// The payload as JSON.
    fn to_value(&self) -> Value;

    /// A payload read from JSON.
    ///
    /// # Errors
    /// A [`PayloadError`] when a member does not have the type the struct holds (the value is
    /// not valid as [`Payload::FORMAT`]).
    fn from_value(value: Value) -> Result<Self, PayloadError>;
}

pub(crate) mod sealed {
    /// Only contactkit's payloads implement [`super::Payload`].
    pub trait Sealed {}
}

/// Validates `payload` as its format.
///
/// ```
/// use contactkit::{payload, sequence, ValidateOptions};
/// let person = sequence::Person::default(); // no externalId
/// let report = payload::validate(&person, &ValidateOptions::new());
/// assert!(!report.is_valid());
/// ```
#[must_use]
pub fn validate<P: Payload>(payload: &P, options: &ValidateOptions) -> Report {
    crate::spec::validate::validate_value(P::FORMAT.spec(), &payload.to_value(), options)
}

/// A typed conversion's result: the target payload and the notes of what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted<T> {
    /// The target payload.
    pub payload: T,
    /// What the conversion changed or left out (see [`crate::convert`]).
    pub notes: Vec<Note>,
}

/// Converts a payload into another format's payload, as [`crate::convert`] does.
///
/// # Errors
/// As [`crate::convert`]: [`Error::Rejected`] for a payload that is invalid as its format or
/// whose conversion cannot satisfy the target's rules, [`Error::ExternalIdSource`] for an
/// external-id source that cannot apply.
#[cfg(all(feature = "convert", not(contactkit_value = "lite")))]
pub fn convert<F: Payload, T: Payload>(
    from: &F,
    options: &ConvertOptions,
) -> Result<Converted<T>, Error> {
    let converted = crate::convert(F::FORMAT, T::FORMAT, &from.to_value(), options)?;
    // A converted payload is valid as its format, so it reads into its struct.
    let payload = T::from_value(converted.payload).map_err(Error::Payload)?;
    Ok(Converted {
        payload,
        notes: converted.notes,
    })
}

/// A payload member that does not have the type its struct holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayloadError {
    /// JSON Pointer of the member.
    pub path: String,
    /// What was expected.
    pub message: String,
}

impl PayloadError {
    /// Appends what [`Display`](fmt::Display) writes (without `core::fmt`).
    pub(crate) fn push_text(&self, out: &mut String) {
        out.push_str(crate::pointer::shown(&self.path, "(payload)"));
        out.push_str(": ");
        out.push_str(&self.message);
    }
}

impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.push_text(&mut text);
        f.write_str(&text)
    }
}

impl std::error::Error for PayloadError {}

impl PayloadError {
    fn at(path: &Path<'_>, message: &str) -> Self {
        Self {
            path: path.pointer(),
            message: message.to_owned(),
        }
    }
}

/// A member that `null` clears: absent, `null`, or a value.
///
/// Sequence clears a field sent as `null` ("pass the value null and it will be cleared"), so an
/// absent member and a `null` one mean different things.
///
/// ```
/// use contactkit::payload::Nullable;
/// use contactkit::sequence::Person;
/// let person = Person {
///     external_id: "u-1".into(),
///     city: Nullable::Null, // clear the city
///     first_name: "Ada".into(),
///     ..Default::default()
/// };
/// assert_eq!(
///     serde_json::to_string(&person)?,
///     r#"{"externalId":"u-1","city":null,"firstName":"Ada"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum Nullable<T> {
    /// Not sent: the vendor keeps what it holds.
    #[default]
    Absent,
    /// Sent as `null`: the vendor clears the field.
    Null,
    /// Sent with a value.
    Value(T),
}

impl<T> Nullable<T> {
    /// The value, if one is sent.
    #[must_use]
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Whether the member is absent.
    #[must_use]
    pub fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Self::Value(value)
    }
}

impl From<&str> for Nullable<String> {
    fn from(value: &str) -> Self {
        Self::Value(value.to_owned())
    }
}

/// A member whose type the vendor does not state: the type the docs' examples show, or any
/// other JSON value (accepted with a warning).
///
/// ```
/// use contactkit::payload::{Loose, Payload};
/// use contactkit::helpscout::Customer;
/// let customer = Customer::from_value(serde_json::json!({"organizationId": "35"}))?;
/// assert_eq!(customer.organization_id, Some(Loose::Other("35".into())));
/// # Ok::<(), contactkit::payload::PayloadError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Loose<T> {
    /// A value of the documented type.
    Typed(T),
    /// Any other value.
    Other(Value),
}

impl<T: Default> Default for Loose<T> {
    fn default() -> Self {
        Self::Typed(T::default())
    }
}

impl<T> From<T> for Loose<T> {
    fn from(value: T) -> Self {
        Self::Typed(value)
    }
}

/// How a member's value reads from and writes to JSON (the generated payload structs and the
/// types of their members).
pub(crate) trait Wire: Sized {
    /// Reads the value at `at`.
    fn from_json(value: Value, at: &Path<'_>) -> Result<Self, PayloadError>;

    /// The value as JSON; `None` for an absent member.
    fn to_json(&self) -> Option<Value>;

    /// The value of an absent member; `None` when the member is required.
    fn absent() -> Option<Self> {
        None
    }
}

/// Reads member `name` of `map` (removing it) at `at`.
pub(crate) fn member<T: Wire>(
    map: &mut Map<String, Value>,
    name: &'static str,
    at: &Path<'_>,
) -> Result<T, PayloadError> {
    let path = at.key(name);
    match map.shift_remove(name) {
        Some(value) => T::from_json(value, &path),
        None => T::absent().ok_or_else(|| PayloadError::at(&path, "is required")),
    }
}

/// Reads an object: its map, or the error at `at`.
pub(crate) fn object(value: Value, at: &Path<'_>) -> Result<Map<String, Value>, PayloadError> {
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(PayloadError::at(at, "must be an object")),
    }
}

/// Writes `value` as member `name` unless it is absent.
pub(crate) fn put<T: Wire>(map: &mut Map<String, Value>, name: &'static str, value: &T) {
    if let Some(v) = value.to_json() {
        map.insert(name.to_owned(), v);
    }
}

/// Writes the members of `other` that `map` does not hold yet.
pub(crate) fn put_other(map: &mut Map<String, Value>, other: &Map<String, Value>) {
    for (key, value) in other {
        if !map.contains_key(key) {
            map.insert(key.clone(), value.clone());
        }
    }
}

impl Wire for String {
    fn from_json(value: Value, at: &Path<'_>) -> Result<Self, PayloadError> {
        match value {
            Value::String(s) => Ok(s),
            _ => Err(PayloadError::at(at, "must be a string")),
        }
    }

    fn to_json(&self) -> Option<Value> {
        Some(Value::String(self.clone()))
    }
}

impl Wire for bool {
    fn from_json(value: Value, at: &Path<'_>) -> Result<Self, PayloadError> {
        match value {
            Value::Bool(b) => Ok(b),
            _ => Err(PayloadError::at(at, "must be a boolean")),
        }
    }

    fn to_json(&self) -> Option<Value> {
        Some(Value::Bool(*self))
    }
}

/// An integer in the `i64` range; a number with a zero fraction (`35.0`) is the same integer
/// (JSON Schema's definition, and the validator's).
impl Wire for i64 {
    fn from_json(value: Value, at: &Path<'_>) -> Result<Self, PayloadError> {
        #[cfg(not(contactkit_value = "lite"))]
        let integer = crate::engine::shared::integer(&value);
        // The payload's wire values stay serde_json's in every build.
        #[cfg(contactkit_value = "lite")]
        let integer =
            crate::definitions::as_integer(&value).and_then(crate::json::Integer::in_range);
        integer.ok_or_else(|| PayloadError::at(at, "must be an integer in the 64-bit range"))
    }

    fn to_json(&self) -> Option<Value> {
        Some(Value::from(*self))
    }
}

impl Wire for Value {
    fn from_json(value: Value, _: &Path<'_>) -> Result<Self, PayloadError> {
        Ok(value)
    }

    fn to_json(&self) -> Option<Value> {
        Some(self.clone())
    }
}

impl Wire for Map<String, Value> {
    fn from_json(value: Value, at: &Path<'_>) -> Result<Self, PayloadError> {
        object(value, at)
    }

    fn to_json(&self) -> Option<Value> {
        Some(Value::Object(self.clone()))
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn from_json(value: Value, at: &Path<'_>) -> Result<Self, PayloadError> {
        let Value::Array(items) = value else {
            return Err(PayloadError::at(at, "must be an array"));
        };
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| T::from_json(item, &at.index(i)))
            .collect()
    }

    fn to_json(&self) -> Option<Value> {
        Some(Value::Array(
            self.iter()
                .map(|item| item.to_json().unwrap_or(Value::Null))
                .collect(),
        ))
    }
}

impl<T: Wire> Wire for Option<T> {
    fn from_json(value: Value, at: &Path<'_>) -> Result<Self, PayloadError> {
        T::from_json(value, at).map(Some)
    }

    fn to_json(&self) -> Option<Value> {
        self.as_ref().and_then(T::to_json)
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: Wire> Wire for Nullable<T> {
    fn from_json(value: Value, at: &Path<'_>) -> Result<Self, PayloadError> {
        match value {
            Value::Null => Ok(Self::Null),
            value => T::from_json(value, at).map(Self::Value),
        }
    }

    fn to_json(&self) -> Option<Value> {
        match self {
            Self::Absent => None,
            Self::Null => Some(Value::Null),
            Self::Value(v) => v.to_json(),
        }
    }

    fn absent() -> Option<Self> {
        Some(Self::Absent)
    }
}

impl<T: Wire> Wire for Loose<T> {
    fn from_json(value: Value, at: &Path<'_>) -> Result<Self, PayloadError> {
        match T::from_json(value.clone(), at) {
            Ok(typed) => Ok(Self::Typed(typed)),
            Err(_) => Ok(Self::Other(value)),
        }
    }

    fn to_json(&self) -> Option<Value> {
        match self {
            Self::Typed(v) => v.to_json(),
            Self::Other(v) => Some(v.clone()),
        }
    }
}

/// Implements `Serialize`, `Deserialize` and [`Payload`] (with its format) for a struct that
/// implements [`Wire`].
macro_rules! payload_serde {
    ($name:ty $(, $format:expr)?) => {
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::payload::Wire::to_json(self)
                    .unwrap_or(serde_json::Value::Null)
                    .serialize(serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                <Self as $crate::payload::Wire>::from_json(value, &$crate::pointer::Path::Root)
                    .map_err(serde::de::Error::custom)
            }
        }

        $(
            impl $crate::payload::sealed::Sealed for $name {}

            impl $crate::payload::Payload for $name {
                const FORMAT: $crate::Format = $format;

                fn to_value(&self) -> serde_json::Value {
                    $crate::payload::Wire::to_json(self).unwrap_or(serde_json::Value::Null)
                }

                fn from_value(
                    value: serde_json::Value,
                ) -> Result<Self, $crate::payload::PayloadError> {
                    <Self as $crate::payload::Wire>::from_json(value, &$crate::pointer::Path::Root)
                }
            }
        )?
    };
}
pub(crate) use payload_serde;

#[cfg(test)]
mod tests {
    //! Every valid payload of a format reads into its struct and writes back as the same JSON:
    //! payloads generated from the format's own rule table (every member present or not, `null`
    //! where it clears, other types where the type is loose, undocumented members, integers
    //! written with a zero fraction), kept when the validator finds them valid.

    use proptest::prelude::*;
    use proptest::strategy::BoxedStrategy;
    use serde_json::{json, Map, Value};

    use super::Payload;
    use crate::formats::StringFormat;
    use crate::spec::{Extra, ObjectRules, Presence, StringRules, ValueRules};
    use crate::{bird, canonical, helpscout, intercom, sequence, ValidateOptions};

    /// How payloads are generated: `normal` leaves out what the canonical contact holds only
    /// in its normal form (undocumented members, empty lists, integers written as floats,
    /// timestamps with an offset).
    #[derive(Clone, Copy)]
    struct Style {
        normal: bool,
    }

    fn sample(format: StringFormat, normal: bool) -> Vec<&'static str> {
        match format {
            StringFormat::Email => vec!["ada@example.com", "a.b+c@mail.example.org"],
            StringFormat::HttpUrl => vec!["https://example.com/ada", "http://example.org"],
            StringFormat::Date => vec!["2024-05-01", "1999-12-31"],
            StringFormat::IsoDateOrDateTime => vec!["2024-05-01", "2024-05-01T12:00:00+02:00"],
            StringFormat::DateTime if normal => vec!["2024-05-01T12:00:00Z"],
            StringFormat::DateTime => vec!["2024-05-01T12:00:00Z", "2024-05-01T12:00:00.5-03:30"],
            StringFormat::Uuid => vec!["2f1a3b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b"],
            StringFormat::E164 => vec!["+31612345678", "+15551234567"],
            StringFormat::Slug => vec!["plan", "crm_id-2"],
            StringFormat::AttributeKey => vec!["plan", "crm-id_2"],
        }
    }

    fn string(rules: &'static StringRules, normal: bool) -> BoxedStrategy<Value> {
        if let Some(format) = rules.format {
            return proptest::sample::select(sample(format, normal))
                .prop_map(Value::from)
                .boxed();
        }
        if let Some(list) = rules.one_of {
            let values = list.values;
            return (proptest::sample::select(values), any::<bool>())
                .prop_map(move |(v, upper)| {
                    if upper && list.any_case {
                        Value::from(v.to_uppercase())
                    } else {
                        Value::from(v)
                    }
                })
                .boxed();
        }
        let (min, max) = (rules.min.max(1) as usize, rules.max.min(12) as usize);
        proptest::string::string_regex(&format!("[a-zA-Z0-9 äß漢]{{{min},{max}}}"))
            .unwrap_or_else(|_| unreachable!("a valid regex"))
            .prop_filter("not reserved", |s| !rules.reserved.contains(&s.as_str()))
            .prop_map(Value::from)
            .boxed()
    }

    fn integer(min: i64, max: i64, style: Style) -> BoxedStrategy<Value> {
        let lo = min.max(-1_000_000);
        let hi = max.min(1_000_000);
        (lo..=hi, any::<bool>())
            .prop_map(move |(n, float)| {
                if float && !style.normal {
                    // The same integer, written with a zero fraction.
                    #[allow(clippy::cast_precision_loss)]
                    Value::from(n as f64)
                } else {
                    Value::from(n)
                }
            })
            .boxed()
    }

    fn value(rules: &'static ValueRules, style: Style, depth: u32) -> BoxedStrategy<Value> {
        match rules {
            ValueRules::String(s) => string(s, style.normal),
            ValueRules::Integer(&crate::spec::IntegerRange { min, max }) => {
                integer(min, max, style)
            }
            ValueRules::Boolean => any::<bool>().prop_map(Value::from).boxed(),
            ValueRules::Array(array) => {
                let lo = array.min as usize;
                let hi = (array.max as usize).min(3).max(lo);
                let lo = if style.normal { lo.max(1) } else { lo };
                proptest::collection::vec(value(&array.items, style, depth + 1), lo..=hi.max(lo))
                    .prop_map(Value::Array)
                    .boxed()
            }
            ValueRules::Object(obj) => object(obj, style, depth + 1),
            // Custom attributes of every vendor: scalars under names every key rule accepts.
            ValueRules::Dynamic(_) | ValueRules::Any => prop_oneof![
                Just(json!({})),
                Just(json!({"plan": "pro", "seats": 5})),
                Just(json!([{"slug": "plan", "value": "pro"}, {"slug": "seats", "value": 5}])),
            ]
            .boxed(),
        }
    }

    /// An object of `obj`: each member present or not (a required one always), `null` where it
    /// is accepted, another type where the type is loose, and undocumented members.
    fn object(obj: &'static ObjectRules, style: Style, depth: u32) -> BoxedStrategy<Value> {
        let mut members: Vec<BoxedStrategy<Option<(&'static str, Value)>>> = Vec::new();
        for m in obj.members {
            let name = m.name;
            let typed = value(&m.kind, style, depth).prop_map(move |v| Some((name, v)));
            let mut choices: Vec<BoxedStrategy<Option<(&'static str, Value)>>> =
                vec![typed.boxed()];
            if m.required != Presence::Required {
                choices.push(Just(None).boxed());
            }
            if m.nullable {
                choices.push(Just(Some((name, Value::Null))).boxed());
            }
            if m.loose {
                choices.push(Just(Some((name, Value::from("35")))).boxed());
            }
            members.push(proptest::strategy::Union::new(choices).boxed());
        }
        let extra: BoxedStrategy<Option<Value>> = match (obj.extra, style.normal) {
            // The normal form holds custom attributes only when there are some.
            (Extra::Custom, true) => Just(Some(Value::from("pro"))).boxed(),
            (_, true) => Just(None).boxed(),
            (Extra::Allow | Extra::Custom | Extra::Warn, false) => {
                proptest::option::of(prop_oneof![
                    Just(Value::from("x")),
                    Just(json!({"deep": [1, 2.5, null]}))
                ])
                .boxed()
            }
        };
        (members, extra)
            .prop_map(|(members, extra)| {
                let mut map = Map::new();
                for (name, v) in members.into_iter().flatten() {
                    map.insert(name.to_owned(), v);
                }
                if let Some(v) = extra {
                    map.insert("x_undocumented".to_owned(), v);
                }
                Value::Object(map)
            })
            .boxed()
    }

    /// `v` with every number that is an integer written as one (`35.0` → `35`).
    fn integers(v: &Value) -> Value {
        match v {
            Value::Number(n) => match crate::engine::shared::integer(v) {
                Some(i) if n.is_f64() => Value::from(i),
                _ => v.clone(),
            },
            Value::Array(items) => Value::Array(items.iter().map(integers).collect()),
            Value::Object(map) => {
                Value::Object(map.iter().map(|(k, v)| (k.clone(), integers(v))).collect())
            }
            other => other.clone(),
        }
    }

    /// Reads `json` (valid as `P::FORMAT`) into `P` and checks it writes back as `json`.
    fn round_trip<P: Payload + std::fmt::Debug + PartialEq>(
        json: &Value,
    ) -> Result<(), TestCaseError> {
        let report = crate::spec::validate::validate_value(
            P::FORMAT.spec(),
            json,
            &ValidateOptions::default(),
        );
        prop_assume!(report.is_valid());
        let typed = P::from_value(json.clone())
            .map_err(|e| TestCaseError::fail(format!("{}: {e} in {json}", P::FORMAT)))?;
        let back = typed.to_value();
        // Member order aside (serde_json maps compare as maps), and an integer is an integer.
        prop_assert_eq!(integers(&back), integers(json), "{}", P::FORMAT);
        // serde reads and writes the same.
        prop_assert_eq!(
            &serde_json::to_value(&typed).map_err(|e| TestCaseError::fail(e.to_string()))?,
            &back
        );
        let read: P =
            serde_json::from_value(json.clone()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(read, typed);
        Ok(())
    }

    const FULL: Style = Style { normal: false };

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn sequence_people_round_trip(json in object(&sequence::spec::PERSON, FULL, 0)) {
            round_trip::<sequence::Person>(&json)?;
        }

        #[test]
        fn intercom_contacts_round_trip(json in object(&intercom::spec::CREATE_CONTACT, FULL, 0)) {
            round_trip::<intercom::CreateContact>(&json)?;
        }

        #[test]
        fn bird_contacts_round_trip(json in object(&bird::spec::CONTACT, FULL, 0)) {
            round_trip::<bird::CreateContact>(&json)?;
        }

        #[test]
        fn helpscout_customers_round_trip(json in object(&helpscout::spec::CUSTOMER, FULL, 0)) {
            round_trip::<helpscout::Customer>(&json)?;
        }

        #[test]
        fn canonical_contacts_in_normal_form_round_trip(
            json in object(&canonical::spec::CONTACT, Style { normal: true }, 0)
        ) {
            round_trip::<canonical::Contact>(&json)?;
        }
    }
}
