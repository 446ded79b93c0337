//! Text output without `core::fmt` and without serde: integers, JSON string literals and
//! [`Json`] values (compact or pretty) appended to a `String`, byte for byte as serde_json
//! writes them.

use super::{Json, Number};

/// Appends the decimal digits of `n`.
pub fn push_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    // `get_mut` (always in range: a u64 has at most 20 digits) rather than indexing, whose
    // bounds check would link the panic's formatting into the forms WebAssembly module.
    while let Some(slot) = i.checked_sub(1).and_then(|j| digits.get_mut(j)) {
        i -= 1;
        // n % 10 < 10.
        #[allow(clippy::cast_possible_truncation)]
        let digit = (n % 10) as u8;
        *slot = b'0' + digit;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits.get(i..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

/// Appends `n` in decimal, with a `-` when negative.
pub(crate) fn push_i64(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_u64(out, n.unsigned_abs());
}

/// Appends `n` in decimal.
pub fn push_usize(out: &mut String, n: usize) {
    push_u64(out, u64::try_from(n).unwrap_or(u64::MAX));
}

/// Appends `s` as a JSON string literal, escaped as serde_json escapes it: `"` and `\\`, the
/// short escapes `\\b \\t \\n \\f \\r`, and the other control characters as `\\u00XX`
/// (lower-case hex); everything else as is. Runs without escapes are copied whole.
pub fn push_json_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            b'\t' => "\\t",
            b'\n' => "\\n",
            0x0c => "\\f",
            b'\r' => "\\r",
            0..=0x1f => "",
            _ => continue,
        };
        // `i` is at an ASCII byte: a character boundary.
        out.push_str(s.get(start..i).unwrap_or_default());
        if short.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        } else {
            out.push_str(short);
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// `text` as a JSON string literal ([`push_json_string`]): what `serde_json::Value`'s
/// `Display` shows for a string, without the serialiser.
pub(crate) fn json_string(text: &str) -> String {
    let mut out = String::new();
    push_json_string(&mut out, text);
    out
}

/// Appends a number as serde_json prints it.
fn push_number(out: &mut String, n: Number) {
    match n {
        Number::U64(n) => push_u64(out, n),
        Number::I64(n) => push_i64(out, n),
        Number::F64(f) => push_f64(out, f),
    }
}

/// Appends a [`Json`] value as compact text, as `serde_json::to_string` writes the same
/// `Value` (members in order).
pub(crate) fn push_json(out: &mut String, value: &Json<'_>) {
    push_json_pretty_or_compact(out, value, None);
}

/// Appends a [`Json`] value as pretty text at nesting level `level`, as
/// `serde_json::to_string_pretty` writes the same `Value` (two spaces per level; empty arrays
/// and objects as `[]` and `{}`).
pub(crate) fn push_json_pretty(out: &mut String, value: &Json<'_>, level: usize) {
    push_json_pretty_or_compact(out, value, Some(level));
}

/// [`push_json`] (`level` `None`) or [`push_json_pretty`]: one writer for both.
fn push_json_pretty_or_compact(out: &mut String, value: &Json<'_>, level: Option<usize>) {
    // Before an item or member: a comma after the first, and in pretty text a new line and the
    // indentation of the level inside.
    let next = |out: &mut String, i: usize| {
        if i > 0 {
            out.push(',');
        }
        if let Some(level) = level {
            out.push('\n');
            for _ in 0..=level {
                out.push_str("  ");
            }
        }
    };
    // After the last item or member of a non-empty array or object, in pretty text.
    let close = |out: &mut String| {
        if let Some(level) = level {
            out.push('\n');
            for _ in 0..level {
                out.push_str("  ");
            }
        }
    };
    let inner = level.map(|l| l + 1);
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => push_number(out, *n),
        Json::String(s) => push_json_string(out, s),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                next(out, i);
                push_json_pretty_or_compact(out, item, inner);
            }
            if !items.is_empty() {
                close(out);
            }
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                next(out, i);
                push_json_string(out, key);
                out.push_str(if level.is_some() { ": " } else { ":" });
                push_json_pretty_or_compact(out, item, inner);
            }
            if !members.is_empty() {
                close(out);
            }
            out.push('}');
        }
    }
}

/// Appends a `serde_json::Value` as compact text, byte for byte as `serde_json::to_string`
/// writes it (members in order): the full WebAssembly module writes converted payloads with
/// this rather than with serde_json's serialiser.
#[cfg(feature = "convert")]
pub(crate) fn push_value(out: &mut String, value: &serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                push_u64(out, u);
            } else if let Some(i) = n.as_i64() {
                push_i64(out, i);
            } else {
                match n.as_f64() {
                    Some(f) if f.is_finite() => push_f64(out, f),
                    _ => out.push_str("null"),
                }
            }
        }
        Value::String(s) => push_json_string(out, s),
        Value::Array(items) => push_array(out, items, push_value),
        Value::Object(members) => push_object(out, members, push_value),
    }
}

#[cfg(contactkit_value = "lite")]
pub(crate) use push_lite as push_converted;
/// Appends a value of the conversion's type ([`crate::value::Value`]) as compact text, byte
/// for byte as `serde_json::to_string` writes the same value: [`push_value`], or, in the
/// browsers' full WebAssembly module, the same for the core's own value.
#[cfg(all(feature = "convert", not(contactkit_value = "lite")))]
pub(crate) use push_value as push_converted;

/// [`push_value`] for the core's own value ([`super::lite`], `--cfg contactkit_value="lite"`;
/// native unit tests compare it with serde_json).
#[cfg(any(test, contactkit_value = "lite"))]
pub(crate) fn push_lite(out: &mut String, value: &super::lite::Value) {
    use super::lite::Value;
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        // Always finite (`Number::from_f64` and the scanner refuse what is not).
        Value::Number(n) => push_number(out, *n),
        Value::String(s) => push_json_string(out, s),
        Value::Array(items) => push_array(out, items, push_lite),
        Value::Object(members) => push_object(out, members, push_lite),
    }
}

/// Appends a finite float as serde_json prints it (its own printer, `zmij`; the same text by
/// `float::push_shortest` in the WebAssembly modules, smaller).
pub(crate) fn push_f64(out: &mut String, f: f64) {
    #[cfg(not(all(
        target_arch = "wasm32",
        any(not(feature = "convert"), contactkit_value = "lite")
    )))]
    out.push_str(zmij::Buffer::new().format_finite(f));
    #[cfg(all(
        target_arch = "wasm32",
        any(not(feature = "convert"), contactkit_value = "lite")
    ))]
    super::float::push_shortest(out, f);
}

/// Appends a JSON array: `[`, each item written by `item` with commas between, `]`.
pub(crate) fn push_array<T>(out: &mut String, items: &[T], mut item: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, one) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item(out, one);
    }
    out.push(']');
}

/// Appends a JSON object: `{`, each member's escaped name, `:` and its value written by
/// `item`, with commas between, `}` (the object writer of [`push_value`] and [`push_lite`]).
#[cfg(any(feature = "convert", test))]
fn push_object<'a, V: 'a>(
    out: &mut String,
    members: impl IntoIterator<Item = (&'a String, &'a V)>,
    mut item: impl FnMut(&mut String, &V),
) {
    out.push('{');
    for (i, (key, value)) in members.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_string(out, key);
        out.push(':');
        item(out, value);
    }
    out.push('}');
}

/// Appends `,"name":` (or `"name":` when `first`), the start of an object member. `name` is a
/// constant of the writer (a member name of the contract) with nothing to escape.
pub(crate) fn push_key(out: &mut String, first: bool, name: &str) {
    out.push_str(if first { "\"" } else { ",\"" });
    out.push_str(name);
    out.push_str("\":");
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[cfg(feature = "convert")]
    #[test]
    fn serde_values_are_written_as_serde_json_writes_them() {
        let text = r#"{"b": [1, -2, 2.5, 1e300, -0.0, 18446744073709551615, -9223372036854775808,
            "s\u0001\"\\é\n", null, true, false, {}, []], "a": {"z": {"y": [[]]}}, "": 0.1}"#;
        let value: Value = serde_json::from_str(text).expect("json");
        let mut out = String::new();
        push_value(&mut out, &value);
        assert_eq!(out, serde_json::to_string(&value).expect("json"));
        for scalar in ["0", "-1", "3.0", "5e-324", "\"\"", "null"] {
            let value: Value = serde_json::from_str(scalar).expect("json");
            let mut out = String::new();
            push_value(&mut out, &value);
            assert_eq!(out, value.to_string(), "{scalar}");
        }
    }

    #[test]
    fn integers_render_as_display_does() {
        for n in [
            0,
            1,
            9,
            10,
            99,
            100,
            127,
            255,
            1_000_000,
            i64::MAX,
            -1,
            -10,
            i64::MIN,
        ] {
            let mut out = String::new();
            push_i64(&mut out, n);
            assert_eq!(out, n.to_string());
        }
        let mut out = String::new();
        push_u64(&mut out, u64::MAX);
        assert_eq!(out, u64::MAX.to_string());
    }

    #[test]
    fn json_values_render_as_serde_json_does_compact_and_pretty() {
        let text = r#"{"a": [1, -2, 2.5, -0.0, 1e300, 18446744073709551615, "s\n", null, true],
                      "b": {}, "c": [], "d": {"e": {"f": [0.1, {}], "g": []}}, "h": "é"}"#;
        let value: Value = serde_json::from_str(text).expect("json");
        let json = crate::json::parse(text).expect("json");
        let mut out = String::new();
        push_json(&mut out, &json);
        assert_eq!(out, value.to_string());
        let mut out = String::new();
        push_json_pretty(&mut out, &json, 0);
        assert_eq!(out, serde_json::to_string_pretty(&value).expect("json"));
        for scalar in ["1", "[]", "{}", "[[]]"] {
            let mut out = String::new();
            push_json_pretty(&mut out, &crate::json::parse(scalar).expect("json"), 0);
            let value: Value = serde_json::from_str(scalar).expect("json");
            assert_eq!(out, serde_json::to_string_pretty(&value).expect("json"));
        }
    }

    #[test]
    fn strings_render_as_serde_json_does() {
        let mut all = String::new();
        for c in (0u32..0x80).filter_map(char::from_u32) {
            all.push(c);
        }
        all.push_str("é€😀\u{7f}\u{2028}");
        for s in ["", "plain", "q\"b\\s/", &all] {
            let mut out = String::new();
            push_json_string(&mut out, s);
            assert_eq!(out, serde_json::Value::String(s.to_owned()).to_string());
        }
    }
}
