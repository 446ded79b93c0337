//! The conversion's JSON value in the browsers' full WebAssembly module
//! (`--cfg contactkit_value="lite"`, set by scripts/build-wasm.sh): an owned, order-preserving
//! lookalike of `serde_json::Value` with the variants and the methods the engine uses, so that
//! the module links neither serde_json's `Value`/`Map` code nor indexmap, hashbrown and SipHash
//! (and, with them, std's `core::fmt` panic machinery). Every other build uses serde_json's
//! types under the same names ([`crate::value`]).
//!
//! Behaviour follows serde_json 1 with `preserve_order`: a [`Map`] keeps insertion order, an
//! insert of a present name keeps its place and replaces the value, [`Map::remove`] is
//! `swap_remove` (the last member takes the removed one's place), numbers compare as
//! serde_json's (`u64` for non-negative integers, `i64` for negative ones, `f64` otherwise).

// Native builds compile it for its unit tests only (against serde_json's behaviour).
#![cfg_attr(not(contactkit_value = "lite"), allow(dead_code, unreachable_pub))]

pub use super::number::Number;
use super::Index as Positions;

/// A JSON value (the lookalike of `serde_json::Value`).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, its members in insertion order.
    Object(Map),
}

static NULL: Value = Value::Null;

/// A JSON object's members in insertion order (the lookalike of `serde_json::Map<String,
/// Value>` with `preserve_order`). Names are searched in order while the object is small; a
/// larger one keeps a hash index of their positions (the core's `NameMap` index), so that
/// building or reading an object of many members stays linear.
#[derive(Debug, Default)]
pub struct Map {
    entries: Vec<(String, Value)>,
    /// The index of `entries`' names once there are more than [`Map::FEW`].
    index: Option<Positions>,
}

impl Map {
    /// Up to this many members are searched in order.
    const FEW: usize = 16;

    /// An empty map.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty map with room for `n` members.
    #[must_use]
    pub fn with_capacity(n: usize) -> Self {
        Self {
            entries: Vec::with_capacity(n),
            index: None,
        }
    }

    fn find(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.find(&self.entries, name),
            None => self.entries.iter().position(|(n, _)| n == name),
        }
    }

    /// Indexes the names again after members were removed (or none while few).
    fn reindex(&mut self) {
        self.index = (self.entries.len() > Self::FEW).then(|| Positions::of(&self.entries));
    }

    /// Sets member `name`: a present name keeps its place; the old value is returned.
    pub fn insert(&mut self, name: String, value: Value) -> Option<Value> {
        if let Some(slot) = self.find(&name).and_then(|at| self.entries.get_mut(at)) {
            return Some(std::mem::replace(&mut slot.1, value));
        }
        self.entries.push((name, value));
        match &mut self.index {
            Some(index) => index.pushed(&self.entries),
            None => self.reindex(),
        }
        None
    }

    /// The value of member `name`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.find(name)
            .and_then(|at| self.entries.get(at))
            .map(|(_, v)| v)
    }

    /// The value of member `name`, mutable.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Value> {
        self.find(name)
            .and_then(|at| self.entries.get_mut(at))
            .map(|(_, v)| v)
    }

    /// Whether member `name` is present.
    #[must_use]
    pub fn contains_key(&self, name: &str) -> bool {
        self.find(name).is_some()
    }

    /// Removes member `name` as serde_json's `remove` does with `preserve_order`
    /// (`swap_remove`: the last member moves into its place).
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let at = self.find(name)?;
        let removed = (at < self.entries.len()).then(|| self.entries.swap_remove(at).1);
        self.reindex();
        removed
    }

    /// Removes member `name`, the members after it moving up (order kept).
    pub fn shift_remove(&mut self, name: &str) -> Option<Value> {
        let at = self.find(name)?;
        let removed = (at < self.entries.len()).then(|| self.entries.remove(at).1);
        self.reindex();
        removed
    }

    /// The number of members.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map has no members.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Removes every member.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = None;
    }

    /// Keeps the members for which `keep` is true, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut Value) -> bool) {
        self.entries.retain_mut(|(n, v)| keep(n, v));
        self.reindex();
    }

    /// Moves every member of `other` into this map (as inserts), leaving `other` empty.
    pub fn append(&mut self, other: &mut Map) {
        for (name, value) in std::mem::take(&mut other.entries) {
            self.insert(name, value);
        }
    }

    /// The members in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.entries.iter())
    }

    /// The members in order, values mutable.
    pub fn iter_mut(&mut self) -> IterMut<'_> {
        IterMut(self.entries.iter_mut())
    }

    /// The names in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.entries.iter().map(|(n, _)| n)
    }

    /// The values in order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Value> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The values in order, mutable.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut Value> {
        self.entries.iter_mut().map(|(_, v)| v)
    }
}

/// The members of a [`Map`] in order.
#[derive(Debug, Clone)]
pub struct Iter<'a>(std::slice::Iter<'a, (String, Value)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a String, &'a Value);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(n, v)| (n, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(n, v)| (n, v))
    }
}

impl ExactSizeIterator for Iter<'_> {}

/// The members of a [`Map`] in order, values mutable.
#[derive(Debug)]
pub struct IterMut<'a>(std::slice::IterMut<'a, (String, Value)>);

impl<'a> Iterator for IterMut<'a> {
    type Item = (&'a String, &'a mut Value);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(n, v)| (&*n, v))
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut Map {
    type Item = (&'a String, &'a mut Value);
    type IntoIter = IterMut<'a>;
    fn into_iter(self) -> IterMut<'a> {
        self.iter_mut()
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl Clone for Map {
    fn clone(&self) -> Self {
        let mut map = Map {
            entries: self.entries.clone(),
            index: None,
        };
        map.reindex();
        map
    }
}

/// As serde_json's (an `IndexMap`'s): the same members with equal values, in any order.
impl PartialEq for Map {
    fn eq(&self, other: &Map) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .all(|(name, value)| other.get(name) == Some(value))
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        let mut map = Map::new();
        map.extend(iter);
        map
    }
}

impl Extend<(String, Value)> for Map {
    fn extend<I: IntoIterator<Item = (String, Value)>>(&mut self, iter: I) {
        for (name, value) in iter {
            self.insert(name, value);
        }
    }
}

impl std::ops::Index<&str> for Map {
    type Output = Value;
    /// The member's value, `null` when absent (never panics, unlike serde_json's).
    fn index(&self, name: &str) -> &Value {
        self.get(name).unwrap_or(&NULL)
    }
}

impl Number {
    /// The number as `u64`, if it is a non-negative integer.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Number::U64(n) => Some(n),
            _ => None,
        }
    }

    /// The number as `i64`, if it is an integer in range.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Number::U64(n) => i64::try_from(n).ok(),
            Number::I64(n) => Some(n),
            Number::F64(_) => None,
        }
    }

    /// The number as `f64` (integers converted, as serde_json's `as_f64`).
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn as_f64(&self) -> Option<f64> {
        Some(match *self {
            Number::U64(n) => n as f64,
            Number::I64(n) => n as f64,
            Number::F64(f) => f,
        })
    }

    /// Whether the number is a non-negative integer that fits `u64`.
    #[must_use]
    pub fn is_u64(&self) -> bool {
        matches!(self, Number::U64(_))
    }

    /// Whether the number is an integer that fits `i64`.
    #[must_use]
    pub fn is_i64(&self) -> bool {
        self.as_i64().is_some()
    }

    /// Whether the number is a float.
    #[must_use]
    pub fn is_f64(&self) -> bool {
        matches!(self, Number::F64(_))
    }

    /// A finite float as a number (`None` for NaN and the infinities, as serde_json).
    #[must_use]
    pub fn from_f64(f: f64) -> Option<Number> {
        f.is_finite().then_some(Number::F64(f))
    }
}

impl From<u64> for Number {
    fn from(n: u64) -> Self {
        Number::U64(n)
    }
}

impl From<i64> for Number {
    fn from(n: i64) -> Self {
        u64::try_from(n).map_or(Number::I64(n), Number::U64)
    }
}

/// What [`Value::get`] accepts: a member name or an array index (serde_json's `Index`).
pub trait Index {
    /// The indexed value within `value`, if any.
    fn index_into<'v>(&self, value: &'v Value) -> Option<&'v Value>;
    /// The indexed value within `value`, mutable, if any.
    fn index_into_mut<'v>(&self, value: &'v mut Value) -> Option<&'v mut Value>;
}

impl Index for str {
    fn index_into<'v>(&self, value: &'v Value) -> Option<&'v Value> {
        value.as_object()?.get(self)
    }
    fn index_into_mut<'v>(&self, value: &'v mut Value) -> Option<&'v mut Value> {
        value.as_object_mut()?.get_mut(self)
    }
}

impl Index for String {
    fn index_into<'v>(&self, value: &'v Value) -> Option<&'v Value> {
        self.as_str().index_into(value)
    }
    fn index_into_mut<'v>(&self, value: &'v mut Value) -> Option<&'v mut Value> {
        self.as_str().index_into_mut(value)
    }
}

impl Index for usize {
    fn index_into<'v>(&self, value: &'v Value) -> Option<&'v Value> {
        value.as_array()?.get(*self)
    }
    fn index_into_mut<'v>(&self, value: &'v mut Value) -> Option<&'v mut Value> {
        value.as_array_mut()?.get_mut(*self)
    }
}

impl<T: Index + ?Sized> Index for &T {
    fn index_into<'v>(&self, value: &'v Value) -> Option<&'v Value> {
        (**self).index_into(value)
    }
    fn index_into_mut<'v>(&self, value: &'v mut Value) -> Option<&'v mut Value> {
        (**self).index_into_mut(value)
    }
}

impl Value {
    /// The indexed member or item, if present.
    pub fn get<I: Index>(&self, index: I) -> Option<&Value> {
        index.index_into(self)
    }

    /// The indexed member or item, mutable, if present.
    pub fn get_mut<I: Index>(&mut self, index: I) -> Option<&mut Value> {
        index.index_into_mut(self)
    }

    /// Whether the value is `null`.
    #[must_use]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Whether the value is a boolean.
    #[must_use]
    pub fn is_boolean(&self) -> bool {
        matches!(self, Value::Bool(_))
    }

    /// Whether the value is a number.
    #[must_use]
    pub fn is_number(&self) -> bool {
        matches!(self, Value::Number(_))
    }

    /// Whether the value is a string.
    #[must_use]
    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    /// Whether the value is an array.
    #[must_use]
    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    /// Whether the value is an object.
    #[must_use]
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    /// The boolean, if the value is one.
    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The string, if the value is one.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number as `u64`, if the value is a non-negative integer.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    /// The number as `i64`, if the value is an integer in range.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    /// The number as `f64`, if the value is a number.
    #[must_use]
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    /// The items, if the value is an array.
    #[must_use]
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The items, mutable, if the value is an array.
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members, if the value is an object.
    #[must_use]
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The members, mutable, if the value is an object.
    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// Whether arrays and objects nest in the value more than `max` levels deep (iteratively:
    /// a value built in code has no depth limit of its own).
    pub(crate) fn deeper_than(&self, max: usize) -> bool {
        let mut stack = vec![(self, 1)];
        while let Some((value, depth)) = stack.pop() {
            let children: &mut dyn Iterator<Item = &Value> = match value {
                Value::Array(items) => &mut items.iter(),
                Value::Object(map) => &mut map.values(),
                _ => continue,
            };
            if depth > max {
                return true;
            }
            stack.extend(children.map(|c| (c, depth + 1)));
        }
        false
    }

    /// The value, leaving `null` in its place.
    pub fn take(&mut self) -> Value {
        std::mem::take(self)
    }
}

impl std::ops::Index<&str> for Value {
    type Output = Value;
    /// The member's value, `null` when absent or not an object (as serde_json).
    fn index(&self, name: &str) -> &Value {
        self.get(name).unwrap_or(&NULL)
    }
}

impl std::ops::Index<usize> for Value {
    type Output = Value;
    /// The item, `null` when absent or not an array (as serde_json).
    fn index(&self, at: usize) -> &Value {
        self.get(at).unwrap_or(&NULL)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Self {
        Value::Number(n.into())
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Self {
        Value::Number(Number::U64(n as u64))
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Self {
        Value::Number(Number::U64(u64::from(n)))
    }
}

impl From<i32> for Value {
    fn from(n: i32) -> Self {
        Value::from(i64::from(n))
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Number(n.into())
    }
}

impl From<Number> for Value {
    fn from(n: Number) -> Self {
        Value::Number(n)
    }
}

impl From<Map> for Value {
    fn from(map: Map) -> Self {
        Value::Object(map)
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Self {
        Value::Array(items)
    }
}

impl PartialEq<str> for Value {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

// serde, for the types that hold a value (`Converted`, the canonical `Contact`): the same data
// model as serde_json's `Value` and `Map`. The module links none of it (nothing serialises).

impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(Number::U64(n)) => s.serialize_u64(*n),
            Value::Number(Number::I64(n)) => s.serialize_i64(*n),
            Value::Number(Number::F64(f)) => s.serialize_f64(*f),
            Value::String(text) => s.serialize_str(text),
            Value::Array(items) => s.collect_seq(items),
            Value::Object(map) => map.serialize(s),
        }
    }
}

impl serde::Serialize for Map {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

impl<'de> serde::Deserialize<'de> for Map {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Object(map) => Ok(map),
            _ => Err(serde::de::Error::custom("expected a JSON object")),
        }
    }
}

struct ValueVisitor;

impl<'de> serde::de::Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_f64<E>(self, f: f64) -> Result<Value, E> {
        Ok(Number::from_f64(f).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::from(s))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        serde::Deserialize::deserialize(d)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some((name, value)) = access.next_entry::<String, Value>()? {
            map.insert(name, value);
        }
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::{Map, Number, Value};
    use crate::json::write::push_lite;

    /// The lookalike of a serde_json value.
    fn of(value: &serde_json::Value) -> Value {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(Number::of(n)),
            serde_json::Value::String(s) => Value::from(s.as_str()),
            serde_json::Value::Array(items) => Value::Array(items.iter().map(of).collect()),
            serde_json::Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(name, value)| (name.clone(), of(value)))
                    .collect(),
            ),
        }
    }

    #[test]
    fn values_write_as_serde_json_writes_them() {
        for text in [
            r#"{"b": 1, "a": [true, false, null, -7, 18446744073709551615, -9223372036854775808]}"#,
            r#"{"x": 0.1, "y": 1e300, "z": -0.0, "w": 1.5e-7, "v": 100000000000000000000, "u": 2.0}"#,
            r#"{"s": "a\"b\\c\u0001\u001f\n é 😀", "": {}, "e": [], "n": [[[]]]}"#,
            r#"{"dup": 1, "other": 2, "dup": 3}"#,
        ] {
            let serde: serde_json::Value = serde_json::from_str(text).expect("json");
            let mut out = String::new();
            push_lite(&mut out, &of(&serde));
            assert_eq!(out, serde_json::to_string(&serde).expect("json"), "{text}");
        }
    }

    /// Inserts, removes and replacements leave the members in serde_json's order
    /// (`preserve_order`: `remove` is `swap_remove`).
    #[test]
    fn maps_keep_serde_json_order() {
        let mut ours = Map::new();
        let mut serde = serde_json::Map::new();
        let ops: &[(&str, Option<u64>, bool)] = &[
            ("a", Some(1), false),
            ("b", Some(2), false),
            ("c", Some(3), false),
            ("d", Some(4), false),
            ("b", Some(5), false),
            ("a", None, false),
            ("e", Some(6), false),
            ("c", None, true),
            ("zz", None, false),
            ("a", Some(7), false),
        ];
        for &(name, value, shift) in ops {
            match value {
                Some(n) => assert_eq!(
                    ours.insert(name.into(), Value::from(n)),
                    serde.insert(name.into(), n.into()).as_ref().map(of)
                ),
                None if shift => assert_eq!(
                    ours.shift_remove(name),
                    serde.shift_remove(name).as_ref().map(of)
                ),
                None => assert_eq!(ours.remove(name), serde.remove(name).as_ref().map(of)),
            }
            assert_eq!(Value::Object(ours.clone()), of(&serde.clone().into()));
            assert_eq!(ours.len(), serde.len());
            assert_eq!(ours.contains_key("a"), serde.contains_key("a"));
        }
        let keys: Vec<&String> = ours.keys().collect();
        assert_eq!(keys, serde.keys().collect::<Vec<_>>());
        ours.retain(|name, _| name != "d");
        serde.retain(|name, _| name != "d");
        assert_eq!(Value::Object(ours.clone()), of(&serde.clone().into()));
        // Past `Map::FEW` members names are found through the index: the same lookups, order
        // and replacements, also after removals rebuilt it.
        for i in 0..100_u64 {
            let name = format!("k{}", i % 60);
            assert_eq!(
                ours.insert(name.clone(), Value::from(i)),
                serde.insert(name, i.into()).as_ref().map(of)
            );
            if i % 7 == 0 {
                let name = format!("k{}", i / 2);
                assert_eq!(ours.remove(&name), serde.remove(&name).as_ref().map(of));
            }
            if i % 11 == 0 {
                let name = format!("k{}", i / 3);
                let (a, b) = (ours.shift_remove(&name), serde.shift_remove(&name));
                assert_eq!(a, b.as_ref().map(of));
            }
        }
        for i in 0..60 {
            let name = format!("k{i}");
            assert_eq!(ours.get(&name), serde.get(&name).map(of).as_ref());
        }
        assert_eq!(
            ours.keys().collect::<Vec<_>>(),
            serde.keys().collect::<Vec<_>>()
        );
        let copy = ours.clone();
        assert_eq!(copy.get("k3"), ours.get("k3"));
        assert_eq!(Value::Object(ours), of(&serde.into()));
    }

    #[test]
    fn numbers_and_lookups_behave_as_serde_json() {
        let pairs: Vec<(Value, serde_json::Value)> = vec![
            (Value::from(5_i64), serde_json::Value::from(5_i64)),
            (Value::from(-5_i64), serde_json::Value::from(-5_i64)),
            (Value::from(5_u64), serde_json::Value::from(5_u64)),
            (Value::from(3_i32), serde_json::Value::from(3_i32)),
            (Value::from(7_usize), serde_json::Value::from(7_usize)),
        ];
        for (ours, serde) in &pairs {
            assert_eq!(ours, &of(serde));
            assert_eq!(ours.as_u64(), serde.as_u64());
            assert_eq!(ours.as_i64(), serde.as_i64());
            assert_eq!(ours.as_f64(), serde.as_f64());
        }
        assert_eq!(Number::from_f64(f64::NAN), None);
        assert_eq!(
            Number::from_f64(2.5).map(Value::Number),
            serde_json::Number::from_f64(2.5).map(|n| of(&n.into()))
        );
        let text = r#"{"a": {"b": [10, "x"]}, "n": null}"#;
        let serde: serde_json::Value = serde_json::from_str(text).expect("json");
        let ours = of(&serde);
        assert_eq!(ours["a"]["b"][1], of(&serde["a"]["b"][1]));
        assert_eq!(ours["missing"][7], Value::Null);
        assert_eq!(ours.get("a").map(Value::is_object), Some(true));
        assert_eq!(ours["a"]["b"].get(5), None);
        assert_eq!(ours["a"]["b"][1], "x");
        // An object in an object holding an array: three levels, as the validator counts them.
        assert!(!ours.deeper_than(3) && ours.deeper_than(2));
    }

    #[test]
    fn serde_round_trips_as_serde_json_values() {
        let text = r#"{"b": [1, -2, 2.5, "s", null, true], "a": {}}"#;
        let serde: serde_json::Value = serde_json::from_str(text).expect("json");
        let ours: Value = serde_json::from_str(text).expect("json");
        assert_eq!(ours, of(&serde));
        assert_eq!(serde_json::to_value(&ours).expect("json"), serde);
    }
}
