//! JSON input without serde: a pull scanner over text, the same interface over a parsed
//! `serde_json::Value`, and a small value type for the rules that need a subtree whole.
//!
//! # Design
//!
//! The validator reads a record as a stream of [`Token`]s from a [`Source`]. It asks for the
//! next value ([`Source::value`]); for an array it then asks whether another item follows
//! ([`Source::next_item`]), for an object for the next member name ([`Source::next_key`]).
//! Two sources exist:
//!
//! - [`Scanner`], over JSON text (`&str` or `&[u8]`). It borrows strings without escapes from
//!   the input, so a valid record allocates nothing; it never recurses (the validator recurses
//!   into arrays and objects, at most [`MAX_NESTING`] levels: the scanner stops deeper text
//!   before the stack could feel it); and it checks the text exactly as strictly as
//!   `serde_json` does: UTF-8 in strings, escapes (a lone surrogate is an error), raw control
//!   characters, the number grammar, at most [`MAX_NESTING`] nested arrays and objects,
//!   nothing after the value. An error carries serde_json's code, line and column
//!   ([`SyntaxError`]), so a `syntax` finding reads the same as before the scanner existed; a
//!   differential test against serde_json over fixtures, fuzz corpora, hostile input and
//!   random mutations keeps it so. One difference is deliberate: a number beyond the range of
//!   an `f64` (`1e400`), which serde_json refuses as "number out of range", is valid JSON, and
//!   the scanner hands it out as [`Token::Beyond`], so that the validator reports it at its
//!   own path and validates the rest of the record.
//! - [`ValueSource`], over a `serde_json::Value` (for `Validator::validate`): the same walk
//!   over the same rules, so text and value cannot disagree.
//!
//! Numbers are classified as serde_json classifies them ([`Number`]): `u64`, `i64`, or the
//! correctly rounded `f64` (serde_json's `float_roundtrip` behaviour), computed by a small
//! parser of its own (`float`) rather than the standard library's, whose tables would cost a
//! WebAssembly build about 15 KB compressed.
//!
//! Nothing here uses `core::fmt`: errors are codes and positions, turned into text by the
//! caller with [`write`](mod@write)'s small helpers, which keeps the WebAssembly build small.

mod error;
mod float;
#[cfg(any(test, contactkit_value = "lite"))]
pub(crate) mod lite;
mod names;
mod number;
mod parse;
mod scan;
mod value;
#[cfg(any(
    feature = "speed",
    not(all(target_arch = "wasm32", feature = "convert"))
))]
mod value_source;
pub(crate) mod write;

use std::borrow::Cow;

pub use error::SyntaxError;
#[cfg(any(test, contactkit_value = "lite"))]
pub(crate) use names::Index;
pub(crate) use names::{NameMap, ObjectMembers};
pub(crate) use number::Integer;
pub use number::Number;
pub(crate) use parse::{parse, parse_value};
pub(crate) use scan::Scanner;
pub use value::Json;
#[cfg(any(
    feature = "speed",
    not(all(target_arch = "wasm32", feature = "convert"))
))]
pub(crate) use value_source::ValueSource;

/// `text.split(char::from(byte))` for an ASCII `byte`, by a byte loop: the same pieces, without
/// std's `Split` searcher and its slicing panic paths, which the npm package's forms module
/// would otherwise link only for this (pointer tokens, NDJSON lines). A `byte` of 0x80 or
/// more is not a character and splits nothing.
pub fn split_ascii(text: &str, byte: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        let at = if byte.is_ascii() {
            text.bytes().position(|b| b == byte)
        } else {
            None
        };
        match at {
            // At an ASCII byte: character boundaries, so `get` never gives `None`.
            Some(at) => {
                rest = text.get(at + 1..);
                text.get(..at)
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// `text.rsplit_once(char::from(byte))` for an ASCII `byte`, by a byte loop: the same halves,
/// without std's reverse char searcher and its slicing panic paths (the browsers' full module:
/// pointer ancestors, an email's domain). A `byte` of 0x80 or more is not a character and
/// splits nothing.
pub(crate) fn rsplit_ascii_once(text: &str, byte: u8) -> Option<(&str, &str)> {
    if !byte.is_ascii() {
        return None;
    }
    let at = text.bytes().rposition(|b| b == byte)?;
    // At an ASCII byte: character boundaries, so `get` never gives `None`.
    text.get(..at).zip(text.get(at + 1..))
}

/// The most arrays and objects nested in one another that JSON text may hold: serde_json's
/// recursion limit of 128 stops its parser at the 128th level, and so does the scanner.
pub(crate) const MAX_NESTING: usize = 127;

/// The source stopped: the text is not JSON ([`Scanner::failure`] says why and where). A
/// zero-sized error keeps every `Result` of the walk as small as its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stop;

/// The start of one JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A number beyond the range of an `f64` (`1e400`, `-1e400`, an integer of 310 digits):
    /// valid JSON that neither serde_json nor JavaScript can hold. Only text gives it.
    Beyond,
    /// A string, unescaped; borrowed from the input when it had no escapes.
    String(Cow<'a, str>),
    /// An array was opened: read its items with [`Source::next_item`].
    Array,
    /// An object was opened: read its members with [`Source::next_key`].
    Object,
}

/// Where the validator reads a record from: JSON text ([`Scanner`]) or a parsed value
/// ([`ValueSource`]). The calls follow the JSON grammar; each error is final.
pub(crate) trait Source<'a> {
    /// Reads the start of the next value; an array or object is opened.
    fn value(&mut self) -> Result<Token<'a>, Stop>;

    /// Inside an open array: whether another item follows (then read it with
    /// [`Source::value`]); `false` closes the array. `first` must be `true`
    /// for the first call of each array; the source clears it.
    fn next_item(&mut self, first: &mut bool) -> Result<bool, Stop>;

    /// Inside an open object: the next member's name (then read its value), or `None`, which
    /// closes the object. `first` as for [`Source::next_item`].
    fn next_key(&mut self, first: &mut bool) -> Result<Option<Cow<'a, str>>, Stop>;
}
