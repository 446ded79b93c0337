//! [`Json`], a small JSON value for the rules that need a whole subtree at once (the walk over
//! a `serde_json::Value` is in `value_source`).

use std::borrow::Cow;

use super::number::{Integer, Number};

/// A JSON value read from a [`Source`] (by the validator, which reports what it finds on the
/// way: `spec::validate::read_json`), for the checks that look at a whole subtree (custom
/// attributes with their definitions). Strings are borrowed from the input when they have no
/// escapes.
///
/// Objects keep their members in the order first seen; a repeated member name keeps its first
/// place and its last value, as a parsed `serde_json::Value` (with `preserve_order`) does.
///
/// Public (not a stable API, hidden from the docs) for the npm package's WebAssembly module,
/// which reads its options with it ([`crate::json_value`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object's members, each name once.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// Whether the value is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// Whether the value is a boolean.
    pub fn is_boolean(&self) -> bool {
        matches!(self, Json::Bool(_))
    }

    /// Whether the value is a number.
    pub fn is_number(&self) -> bool {
        matches!(self, Json::Number(_))
    }

    /// Whether the value is a string.
    pub fn is_string(&self) -> bool {
        matches!(self, Json::String(_))
    }

    /// The string, if the value is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if the value is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number, if the value is a non-negative integer that fits `u64` (as
    /// `serde_json::Value::as_u64`: `1.0` is not one).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(Number::U64(n)) => Some(*n),
            _ => None,
        }
    }

    /// The items, if the value is an array.
    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The value of member `name`, if the value is an object that has it.
    pub fn get(&self, name: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(members) => members.iter().find(|(n, _)| n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value at a path of member names (`serde_json::Value::pointer` for pointers without
    /// escapes and array indices).
    pub(crate) fn at(&self, names: &[&str]) -> Option<&Json<'a>> {
        let mut value = self;
        for name in names {
            value = value.get(name)?;
        }
        Some(value)
    }

    /// The integer the value holds, if it is an integer-valued number ([`Number::integer`]).
    pub(crate) fn as_integer(&self) -> Option<Integer> {
        match self {
            Json::Number(n) => n.integer(),
            _ => None,
        }
    }
}
