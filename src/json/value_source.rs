//! [`ValueSource`], which walks a `serde_json::Value` as the scanner walks text (not in the
//! browsers' full WebAssembly module, which validates a value's text: see
//! `spec::validate::validate_value`).

use std::borrow::Cow;

use serde_json::Value;

use super::number::Number;
use super::{Source, Stop, Token};

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
