//! [`Json`], a small JSON value for the rules that need a whole subtree at once, and
//! [`ValueSource`], which walks a `serde_json::Value` as the scanner walks text.

use std::borrow::Cow;

use serde_json::Value;

use super::number::{Integer, Number};
use super::{Source, Stop, Token};

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

/// A [`Source`] over a parsed `serde_json::Value`: the validator walks a value exactly as it
/// walks text, so the two entry points cannot disagree. It never fails; the nesting limit is
/// checked before the walk (a value built in code has none).
#[derive(Debug)]
pub(crate) struct ValueSource<'v> {
    /// The value the next [`Source::value`] returns.
    next: Option<&'v Value>,
    /// The arrays and objects being walked.
    stack: Vec<Frame<'v>>,
}

#[derive(Debug)]
enum Frame<'v> {
    Array(std::slice::Iter<'v, Value>),
    Object(serde_json::map::Iter<'v>),
}

impl<'v> ValueSource<'v> {
    /// A source whose one value is `value`.
    pub(crate) fn new(value: &'v Value) -> Self {
        Self {
            next: Some(value),
            stack: Vec::new(),
        }
    }
}

impl<'v> Source<'v> for ValueSource<'v> {
    fn value(&mut self) -> Result<Token<'v>, Stop> {
        Ok(match self.next.take() {
            None | Some(Value::Null) => Token::Null,
            Some(Value::Bool(b)) => Token::Bool(*b),
            Some(Value::Number(n)) => Token::Number(Number::of(n)),
            Some(Value::String(s)) => Token::String(Cow::Borrowed(s)),
            Some(Value::Array(items)) => {
                self.stack.push(Frame::Array(items.iter()));
                Token::Array
            }
            Some(Value::Object(map)) => {
                self.stack.push(Frame::Object(map.iter()));
                Token::Object
            }
        })
    }

    fn next_item(&mut self, _first: &mut bool) -> Result<bool, Stop> {
        if let Some(Frame::Array(items)) = self.stack.last_mut() {
            if let Some(item) = items.next() {
                self.next = Some(item);
                return Ok(true);
            }
        }
        self.stack.pop();
        Ok(false)
    }

    fn next_key(&mut self, _first: &mut bool) -> Result<Option<Cow<'v, str>>, Stop> {
        if let Some(Frame::Object(members)) = self.stack.last_mut() {
            if let Some((name, value)) = members.next() {
                self.next = Some(value);
                return Ok(Some(Cow::Borrowed(name)));
            }
        }
        self.stack.pop();
        Ok(None)
    }
}
