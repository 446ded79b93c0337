//! Numbers beyond the range of a 64-bit float in JSON text (`1e400`, `-1e400`, or an integer of
//! 310 digits).
//!
//! Such a number is valid JSON, but neither serde_json nor JavaScript can hold it (serde_json
//! refuses the whole text, JavaScript makes it `Infinity`). It is an `out_of_range` error at its
//! own path (docs/RULES.md#numbers), and the rest of the record is validated as usual: the text
//! is scanned once for such numbers, each is replaced by `0` padded with spaces to its length (so
//! every other position, and any later syntax error, stays where it was), and the patched text
//! is walked. `0` stands for "an in-range number": every rule that looks at a number's type
//! still sees a number, and the range is reported here.
//!
//! This runs only when serde_json has refused a text for this reason, so valid records pay
//! nothing for it.

use std::ops::Range;

use crate::pointer::push_escaped;
use crate::{Code, Issue};

/// Whether serde_json refused a text because a number does not fit an `f64`.
pub(crate) fn is_beyond_f64(e: &serde_json::Error) -> bool {
    e.to_string().starts_with("number out of range")
}

/// A number token beyond the `f64` range: where its value is, and its bytes in the text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Beyond {
    /// The JSON Pointer of the value.
    pub(crate) pointer: String,
    /// The token's byte range.
    pub(crate) span: Range<usize>,
}

impl Beyond {
    /// The finding for this number.
    pub(crate) fn issue(&self) -> Issue {
        Issue::error(
            self.pointer.as_str(),
            Code::OutOfRange,
            "is a number beyond the range of a 64-bit float (about ±1.8e308): JSON parsers, JavaScript's among them, cannot hold it",
        )
    }
}

/// `text` with every number of `found` replaced by `0` and spaces, byte for byte.
pub(crate) fn patched(text: &[u8], found: &[Beyond]) -> Vec<u8> {
    let mut out = text.to_vec();
    for b in found {
        if let Some(token) = out.get_mut(b.span.clone()) {
            token.fill(b' ');
            if let Some(first) = token.first_mut() {
                *first = b'0';
            }
        }
    }
    out
}

/// One open container while scanning.
enum Frame {
    /// An object and the member whose value comes next (`None` before its name).
    Object(Option<String>),
    /// An array and the index of the current item.
    Array(usize),
}

/// Every number of `text` that is beyond the `f64` range, in text order, with the pointer of
/// its value. The scan trusts the text's structure (serde_json read it up to the first such
/// number); where the text stops being JSON the scan stops too, and the walk of the patched
/// text reports the syntax error.
pub(crate) fn scan(text: &[u8]) -> Vec<Beyond> {
    let mut found = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b':' => i += 1,
            b'{' => {
                stack.push(Frame::Object(None));
                i += 1;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Object(key)) => *key = None,
                    Some(Frame::Array(index)) => *index += 1,
                    None => return found,
                }
                i += 1;
            }
            b'"' => {
                let Some(end) = string_end(text, i) else {
                    return found;
                };
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    // A member name: decoded exactly as the walk decodes it.
                    match parse(&text[i..end]) {
                        Some(Ok(serde_json::Value::String(name))) => *key = Some(name),
                        _ => return found,
                    }
                }
                i = end;
            }
            b'-' | b'0'..=b'9' => {
                let end = text[i..]
                    .iter()
                    .position(|c| !matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                    .map_or(text.len(), |n| i + n);
                match parse(&text[i..end]) {
                    Some(Ok(_)) => {}
                    Some(Err(e)) if is_beyond_f64(&e) => found.push(Beyond {
                        pointer: pointer(&stack),
                        span: i..end,
                    }),
                    _ => return found,
                }
                i = end;
            }
            b't' | b'f' | b'n' => {
                i += text[i..]
                    .iter()
                    .position(|c| !c.is_ascii_alphabetic())
                    .unwrap_or(text.len() - i);
            }
            _ => return found,
        }
    }
    found
}

/// One JSON token parsed as serde_json parses it (`None` when it is not UTF-8). Parsed into a
/// `Value` from `&str`, which the library does elsewhere, so that no other parser is compiled in.
fn parse(token: &[u8]) -> Option<Result<serde_json::Value, serde_json::Error>> {
    std::str::from_utf8(token).ok().map(serde_json::from_str)
}

/// The index just past the string that starts at `start` (a `"`), or `None` if it does not end.
fn string_end(text: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        match text.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// The pointer of the value the stack is at.
fn pointer(stack: &[Frame]) -> String {
    let mut out = String::new();
    for frame in stack {
        match frame {
            Frame::Object(Some(key)) => {
                out.push('/');
                push_escaped(&mut out, key);
            }
            Frame::Object(None) => out.push('/'),
            Frame::Array(index) => {
                out.push('/');
                out.push_str(&index.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{patched, scan};

    fn pointers(text: &str) -> Vec<String> {
        scan(text.as_bytes())
            .into_iter()
            .map(|b| b.pointer)
            .collect()
    }

    #[test]
    fn finds_every_number_beyond_f64_with_its_pointer() {
        assert_eq!(
            pointers(r#"{"a": 1e400, "b": [1, -1e400, {"c~/\u0064": 2e999}], "e": 1.7e308}"#),
            ["/a", "/b/1", "/b/2/c~0~1d"]
        );
        let digits = format!("{{\"n\": {}}}", "9".repeat(310));
        assert_eq!(pointers(&digits), ["/n"]);
        assert_eq!(pointers("1e400"), [""]);
        // Small and ordinary numbers, strings and literals are not.
        assert!(pointers(r#"{"a": 1e-400, "b": "1e400", "c": [true, null, false, 0]}"#).is_empty());
    }

    #[test]
    fn the_patch_keeps_every_position() {
        let text = br#"{"a": -1e400, "b": 1}"#;
        let out = patched(text, &scan(text));
        assert_eq!(out, br#"{"a": 0     , "b": 1}"#);
    }

    #[test]
    fn malformed_text_stops_the_scan() {
        assert_eq!(pointers(r#"{"a": 1e400, "b": @, "c": 1e400}"#), ["/a"]);
        assert_eq!(pointers(r#"{"a": 1e400, "b": "unterminated"#), ["/a"]);
    }
}
