//! Text output without `core::fmt` and without serde: integers, JSON string literals and
//! compact JSON values appended to a `String`, byte for byte as serde_json writes them.

use serde_json::Value;

/// Appends the decimal digits of `n`.
pub fn push_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        // n % 10 < 10.
        #[allow(clippy::cast_possible_truncation)]
        let digit = (n % 10) as u8;
        digits[i] = b'0' + digit;
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

/// Appends `s` as a JSON string literal, escaped as serde_json escapes it: `"` and `\`, the
/// short escapes `\b \t \n \f \r`, and the other control characters as `\u00XX` (lower-case
/// hex); everything else as is.
pub fn push_json_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\0'..='\u{1f}' => {
                let b = c as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[b >> 4]));
                out.push(char::from(HEX[b & 0xF]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends a JSON value as compact text, as `serde_json::to_string` writes it (members in the
/// map's order, numbers as serde_json prints them).
pub fn push_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                push_u64(out, u);
            } else if let Some(i) = n.as_i64() {
                push_i64(out, i);
            } else {
                // A Value's float is always finite.
                push_f64(out, n.as_f64().unwrap_or_default());
            }
        }
        Value::String(s) => push_json_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_json_string(out, key);
                out.push(':');
                push_value(out, item);
            }
            out.push('}');
        }
    }
}

/// Appends a finite float as serde_json prints it (its own printer, `zmij`).
pub(crate) fn push_f64(out: &mut String, f: f64) {
    out.push_str(zmij::Buffer::new().format_finite(f));
}

/// Appends `,"name":` (or `"name":` when `first`), the start of an object member.
pub(crate) fn push_key(out: &mut String, first: bool, name: &str) {
    if !first {
        out.push(',');
    }
    push_json_string(out, name);
    out.push(':');
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn values_render_as_serde_json_does() {
        let value: Value = serde_json::from_str(
            r#"{"a": [1, -2, 2.5, -0.0, 1e300, 18446744073709551615, "s\n", null, true, false],
                "b": {}, "c": [], "d": {"e": {"f": 0.1}}}"#,
        )
        .expect("json");
        let mut out = String::new();
        push_value(&mut out, &value);
        assert_eq!(out, value.to_string());
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
