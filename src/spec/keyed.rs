//! Values under keys, given either as a list of `{key, value}` objects or as an object of
//! `key: value` (Help Scout `properties`: `{key, value}`), checked during the validator's one
//! walk over the record.
//!
//! Such a value's checks need more than one member at a time (a key's definition decides how
//! its value is checked, keys must be unique), so each item is collected first and checked when
//! it ends. A value is read whole ([`Json`]) only when the format's check wants it (definitions
//! were given); otherwise it is summarised as a [`Summary`] while it is read, so a record
//! without findings allocates at most the list of keys seen. The format supplies the names, the
//! key's rules, the value check and the messages ([`Keyed`]).

use std::borrow::Cow;

use super::message::{Message, Part};
use super::validate::{
    check_str, read, read_json, repeated_member, skip, skip_rest, Ctx, REQUIRED, UNKNOWN_FIELD,
};
use super::StringRules;
use crate::json::{Integer, Json, NameMap, Number, Source, Stop, Token};
use crate::pointer::Path;
use crate::Code;

/// The format's part of a [`Keyed`] value: its member names, its key rules, its value check and
/// its messages.
#[derive(Debug)]
pub(crate) struct Keyed {
    /// The member of an item that holds the key (`key`).
    pub key: &'static str,
    /// The member of an item that holds the value (`value`).
    pub value: &'static str,
    /// A key's rules.
    pub key_rules: &'static StringRules,
    /// Whether the values are read whole for [`Keyed::check`] (definitions were given).
    pub whole: fn(&Ctx<'_>) -> bool,
    /// Checks one value; the key is given when it is valid.
    pub check: fn(Option<&str>, &Summary<'_>, &Path<'_>, &mut Ctx<'_>),
    /// The message for a value that is neither a list nor an object.
    pub not_keyed: &'static [Part],
    /// The message for a list item that is not an object.
    pub not_item: &'static [Part],
    /// The message for a key that repeats an earlier one.
    pub repeated: &'static [Part],
    /// The message for a key that is not a string.
    pub not_string: &'static [Part],
}

/// Walks a keyed value (`null` is accepted when `nullable`), recording findings in `ctx`.
pub(crate) fn walk<'a, S: Source<'a>>(
    keyed: &Keyed,
    source: &mut S,
    nullable: bool,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<(), Stop> {
    let whole = (keyed.whole)(ctx);
    match read(source, path, ctx)? {
        Token::Null if nullable => {}
        Token::Null | Token::Bool(_) | Token::Number(_) | Token::Beyond | Token::String(_) => {
            ctx.error(path, Code::Type, Message::new(keyed.not_keyed));
        }
        // The documented shape: a list of `{key, value}` objects.
        Token::Array => {
            let mut seen = Keys::default();
            let mut i = 0;
            let mut first = true;
            while source.next_item(&mut first)? {
                let item_path = path.index(i);
                let item = Item::read(keyed, source, whole, &item_path, ctx)?;
                item.check(keyed, &item_path, &mut seen, ctx);
                i += 1;
            }
        }
        // An object of `key: value`. A repeated key is a `duplicate` error, and every value
        // is checked (a parsed `serde_json::Value` would keep only the last one).
        Token::Object => {
            let mut keys = Keys::default();
            let mut entries = Vec::new();
            let mut first = true;
            while let Some(key) = source.next_key(&mut first)? {
                let member = path.key(&key);
                if !keys.insert(key.clone()) {
                    repeated_member(&member, ctx);
                }
                let value = Summary::read(source, whole, &member, ctx)?;
                entries.push((key, value));
            }
            for (key, value) in &entries {
                let member = path.key(key);
                let before = ctx.issues.len();
                check_str(keyed.key_rules, key, &member, ctx);
                // Findings about the key itself concern the member name.
                let key_ok = ctx.issues.len() == before;
                (keyed.check)(key_ok.then_some(&**key), value, &member, ctx);
            }
        }
    }
    Ok(())
}

/// What the checks need to know about a value.
#[derive(Debug)]
pub(crate) enum Summary<'a> {
    /// The value itself, kept when definitions were given.
    Whole(Json<'a>),
    /// A string of this many characters.
    Text(usize),
    /// A number: the integer it holds, `None` when it has a fractional part.
    Number(Option<Integer>),
    /// `null`, a boolean, an array or an object.
    Other,
}

impl<'a> Summary<'a> {
    /// Reads a value, at `path`: whole, or as a summary.
    fn read<S: Source<'a>>(
        source: &mut S,
        whole: bool,
        path: &Path<'_>,
        ctx: &mut Ctx<'_>,
    ) -> Result<Self, Stop> {
        if whole {
            return read_json(source, path, ctx).map(Summary::Whole);
        }
        let token = read(source, path, ctx)?;
        skip_rest(source, &token, path, ctx)?;
        Ok(match token {
            Token::String(s) => Summary::Text(super::char_count(&s)),
            Token::Number(n) => Summary::Number(n.integer()),
            // Not from `read`, which reads it as 0.
            Token::Beyond => Summary::Number(Number::U64(0).integer()),
            Token::Null | Token::Bool(_) | Token::Array | Token::Object => Summary::Other,
        })
    }

    pub(crate) fn of(value: &Json<'_>) -> Summary<'static> {
        match value {
            Json::String(s) => Summary::Text(super::char_count(s)),
            Json::Number(n) => Summary::Number(n.integer()),
            _ => Summary::Other,
        }
    }
}

/// One item of the list, collected so that its members can be checked in a fixed order
/// whatever their order in the input.
enum Item<'a> {
    /// Not an object.
    NotObject,
    Object {
        /// Every key member (one, unless the name is repeated): `None` when not a string.
        /// The last one is the item's key.
        keys: Each<Option<Cow<'a, str>>>,
        /// Every value member (one, unless the name is repeated).
        values: Each<Summary<'a>>,
        /// Other members, in the order first seen.
        unknown: NameMap<'a, ()>,
    },
}

impl<'a> Item<'a> {
    /// Reads one item of the list, at `path`.
    fn read<S: Source<'a>>(
        keyed: &Keyed,
        source: &mut S,
        whole: bool,
        path: &Path<'_>,
        ctx: &mut Ctx<'_>,
    ) -> Result<Self, Stop> {
        let token = read(source, path, ctx)?;
        if !matches!(token, Token::Object) {
            skip_rest(source, &token, path, ctx)?;
            return Ok(Item::NotObject);
        }
        let mut keys = Each::default();
        let mut values = Each::default();
        let mut unknown = NameMap::default();
        let mut first = true;
        while let Some(key) = source.next_key(&mut first)? {
            let member = path.key(&key);
            let repeated = if *key == *keyed.key {
                !keys.is_empty()
            } else if *key == *keyed.value {
                !values.is_empty()
            } else {
                !unknown.insert(key.clone(), ())
            };
            if repeated {
                repeated_member(&member, ctx);
            }
            if *key == *keyed.key {
                keys.push(read_key(source, &member, ctx)?);
            } else if *key == *keyed.value {
                values.push(Summary::read(source, whole, &member, ctx)?);
            } else {
                skip(source, &member, ctx)?;
            }
        }
        Ok(Item::Object {
            keys,
            values,
            unknown,
        })
    }

    fn check(self, keyed: &Keyed, path: &Path<'_>, seen: &mut Keys<'a>, ctx: &mut Ctx<'_>) {
        let Item::Object {
            keys,
            values,
            unknown,
        } = self
        else {
            ctx.error(path, Code::Type, Message::new(keyed.not_item));
            return;
        };
        let key_path = path.key(keyed.key);
        if keys.is_empty() {
            ctx.error(&key_path, Code::Required, Message::new(REQUIRED));
        }
        let last = keys.len().saturating_sub(1);
        let mut key = None;
        for (i, one) in keys.into_iter().enumerate() {
            match one {
                Some(one) => {
                    check_str(keyed.key_rules, &one, &key_path, ctx);
                    if i == last {
                        if !seen.insert(one.clone()) {
                            ctx.error(&key_path, Code::Duplicate, Message::new(keyed.repeated));
                        }
                        key = Some(one);
                    }
                }
                None => ctx.error(&key_path, Code::Type, Message::new(keyed.not_string)),
            }
        }
        let value_path = path.key(keyed.value);
        if values.is_empty() {
            ctx.error(&value_path, Code::Required, Message::new(REQUIRED));
        }
        for value in values {
            (keyed.check)(key.as_deref(), &value, &value_path, ctx);
        }
        for (key, ()) in unknown.entries() {
            ctx.warn(
                &path.key(key),
                Code::UnknownField,
                Message::new(UNKNOWN_FIELD),
            );
        }
    }
}

/// The keys seen so far: the first few in place, the rest in a [`NameMap`], so that a value
/// with a few keys (the usual record) allocates nothing.
#[cfg(any(feature = "speed", not(target_arch = "wasm32")))]
#[derive(Default)]
struct Keys<'a> {
    few: [Option<Cow<'a, str>>; 4],
    more: NameMap<'a, ()>,
}

#[cfg(any(feature = "speed", not(target_arch = "wasm32")))]
impl<'a> Keys<'a> {
    /// Adds `key`; returns whether it is new.
    fn insert(&mut self, key: Cow<'a, str>) -> bool {
        // The places fill in order, and `more` only once they are full.
        for slot in &mut self.few {
            match slot {
                Some(known) if *known == key => return false,
                Some(_) => {}
                None => {
                    *slot = Some(key);
                    return true;
                }
            }
        }
        self.more.insert(key, ())
    }
}

/// [`Keys`] in the forms WebAssembly module: the [`NameMap`] alone (its code is linked
/// anyway; the few places in front of it cost more code than their allocation saves there).
#[cfg(all(not(feature = "speed"), target_arch = "wasm32"))]
#[derive(Default)]
struct Keys<'a> {
    more: NameMap<'a, ()>,
}

#[cfg(all(not(feature = "speed"), target_arch = "wasm32"))]
impl<'a> Keys<'a> {
    /// Adds `key`; returns whether it is new.
    fn insert(&mut self, key: Cow<'a, str>) -> bool {
        self.more.insert(key, ())
    }
}

/// The values of one member name of an item, in input order: one, unless the name is
/// repeated, and then kept without allocating.
#[cfg(any(feature = "speed", not(target_arch = "wasm32")))]
struct Each<T> {
    first: Option<T>,
    more: Vec<T>,
}

#[cfg(any(feature = "speed", not(target_arch = "wasm32")))]
impl<T> Default for Each<T> {
    fn default() -> Self {
        Self {
            first: None,
            more: Vec::new(),
        }
    }
}

#[cfg(any(feature = "speed", not(target_arch = "wasm32")))]
impl<T> Each<T> {
    fn push(&mut self, value: T) {
        if self.first.is_none() {
            self.first = Some(value);
        } else {
            self.more.push(value);
        }
    }

    fn is_empty(&self) -> bool {
        self.first.is_none()
    }

    fn len(&self) -> usize {
        usize::from(self.first.is_some()) + self.more.len()
    }
}

/// [`Each`] in the forms WebAssembly module: a plain `Vec`, whose code is linked anyway.
#[cfg(all(not(feature = "speed"), target_arch = "wasm32"))]
type Each<T> = Vec<T>;

#[cfg(any(feature = "speed", not(target_arch = "wasm32")))]
impl<T> IntoIterator for Each<T> {
    type Item = T;
    type IntoIter = std::iter::Chain<std::option::IntoIter<T>, std::vec::IntoIter<T>>;

    fn into_iter(self) -> Self::IntoIter {
        self.first.into_iter().chain(self.more)
    }
}

/// Reads a key member, at `path`: the string, or `None` for another type.
fn read_key<'a, S: Source<'a>>(
    source: &mut S,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<Option<Cow<'a, str>>, Stop> {
    let token = read(source, path, ctx)?;
    if let Token::String(s) = token {
        return Ok(Some(s));
    }
    skip_rest(source, &token, path, ctx)?;
    Ok(None)
}
