//! JSON text to a [`Json`] value with the scanner, accepting exactly what
//! `serde_json::from_str::<Value>` accepts (a number beyond the `f64` range included: refused,
//! at serde_json's position), and conversions between [`Json`] and `serde_json::Value`.
//!
//! The small readers (the npm package's options, custom field definitions, the schema keyword
//! texts) use it instead of serde_json's deserializer, which a WebAssembly build then leaves
//! out.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::{Json, Number, Scanner, Source, Stop, SyntaxError, Token};
use crate::pointer::Path;
use crate::spec::validate::{read_json, Ctx, PARSE_OPTIONS};

/// Parses JSON text (one value, whitespace around it) as serde_json parses it into a `Value`:
/// the same values (a repeated member name keeps its first place and its last value), the same
/// errors with the same line and column.
pub(crate) fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
    let mut scanner = Scanner::from_str(text);
    // The validator's reader of whole values (one reader in the WebAssembly module, not two),
    // which keeps a repeated member name's first place and last value as `serde_json::Value`
    // does (the findings it collects on the way are dropped), and with these options stops at a
    // number beyond the `f64` range, where the scanner then gives serde_json's error.
    let mut ctx = Ctx::new(&PARSE_OPTIONS);
    let value = read_json(&mut scanner, &Path::Root, &mut ctx)
        .and_then(|value| scanner.end().map(|()| value));
    value.map_err(|Stop| scanner.failure_or_beyond())
}

/// Parses JSON text into a `serde_json::Value` as [`parse`] does and [`Json::to_value`] would
/// turn the result into (in one pass): what `serde_json::from_str::<Value>` gives with its
/// `float_roundtrip` feature, which the CLI enables (decimals rounded correctly), the same
/// errors at the same line and column. The conversion reads records with it, so the
/// WebAssembly module links no serde_json parser (and converts long decimals as the CLI does).
pub(crate) fn parse_value(text: &str) -> Result<crate::value::Value, SyntaxError> {
    let mut scanner = Scanner::from_str(text);
    let value = read_value(&mut scanner).and_then(|value| scanner.end().map(|()| value));
    value.map_err(|Stop| scanner.failure())
}

/// The next value of the scanner as a value of the conversion's type ([`crate::value::Value`]).
fn read_value(scanner: &mut Scanner<'_>) -> Result<crate::value::Value, Stop> {
    use crate::value::{Map, Value};
    Ok(match scanner.value()? {
        Token::Null => Value::Null,
        Token::Bool(b) => Value::Bool(b),
        #[cfg(contactkit_value = "lite")]
        Token::Number(n) => Value::Number(n),
        #[cfg(not(contactkit_value = "lite"))]
        Token::Number(n) => Json::Number(n).to_value(),
        Token::Beyond => return Err(scanner.beyond()),
        Token::String(s) => Value::String(s.into_owned()),
        Token::Array => {
            let mut items = Vec::new();
            let mut first = true;
            while scanner.next_item(&mut first)? {
                items.push(read_value(scanner)?);
            }
            Value::Array(items)
        }
        Token::Object => {
            // A repeated name keeps its first place and takes the last value, as in `read`.
            let mut members = Map::new();
            let mut first = true;
            while let Some(name) = scanner.next_key(&mut first)? {
                let value = read_value(scanner)?;
                members.insert(name.into_owned(), value);
            }
            Value::Object(members)
        }
    })
}

impl<'a> Json<'a> {
    /// The value of a parsed `serde_json::Value`, its strings borrowed.
    pub(crate) fn of(value: &'a Value) -> Self {
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(Number::of(n)),
            Value::String(s) => Json::String(Cow::Borrowed(s)),
            Value::Array(items) => Json::Array(items.iter().map(Json::of).collect()),
            Value::Object(map) => Json::Object(
                map.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Json::of(v)))
                    .collect(),
            ),
        }
    }

    /// The value as a `serde_json::Value`.
    pub(crate) fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(Number::U64(n)) => Value::from(*n),
            Json::Number(Number::I64(n)) => Value::from(*n),
            // Always finite (the scanner refuses what is not).
            Json::Number(Number::F64(f)) => {
                serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number)
            }
            Json::String(s) => Value::from(s.as_ref()),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(members) => {
                let mut map = Map::new();
                for (name, value) in members {
                    map.insert(name.to_string(), value.to_value());
                }
                Value::Object(map)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::parse;

    /// serde_json's outcome for `text`: the value, or the error's line and column.
    fn serde(text: &str) -> Result<Value, (usize, usize)> {
        serde_json::from_str::<Value>(text).map_err(|e| (e.line(), e.column()))
    }

    fn ours(text: &str) -> Result<Value, (usize, usize)> {
        parse(text)
            .map(|json| json.to_value())
            .map_err(|e| (e.line, e.column))
    }

    /// [`super::parse_value`]'s outcome, which must be [`ours`] (and so serde_json's).
    fn ours_in_one_pass(text: &str) -> Result<Value, (usize, usize)> {
        super::parse_value(text).map_err(|e| (e.line, e.column))
    }

    #[test]
    fn parses_as_serde_json_parses_into_a_value() {
        let deep_ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
        let too_deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
        for text in [
            "{}",
            " {\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": \"e\\n\\u00e9\"}} ",
            "{\"a\": 1, \"b\": 2, \"a\": 3}",
            "[1, -2, 3.5, -0, 1e3, 18446744073709551615, 18446744073709551616, -9223372036854775809]",
            "\"x\"",
            "1e400",
            "{\"x\": 1e400}",
            "[\n  1,\n  -1e999\n]",
            "{\"x\": 1e99999999999}",
            "{\"x\": 0e99999999999}",
            "{\"x\": 1e+99999999999, \"y\": 2}",
            "[-1E-99999999999, 1E+3000]",
            &format!("[-{}]", "1".repeat(320)),
            &format!("[{}.5e10]", "9".repeat(320)),
            "[1, 2",
            "{\"a\" 1}",
            "{\"a\": 1,}",
            "{} {}",
            "nul",
            "",
            "\"\\ud800\"",
            &deep_ok,
            &too_deep,
        ] {
            assert_eq!(ours(text), serde(text), "{text}");
            assert_eq!(ours_in_one_pass(text), serde(text), "{text}");
        }
    }

    /// Decimals as the CLI reads them (serde_json with `float_roundtrip`, as the tests build it
    /// too): correctly rounded, where serde_json's default arithmetic can be one unit in the last
    /// place off (`8.081000000000001e-25` for the first), which the WebAssembly module gave
    /// before it read records with [`super::parse_value`].
    #[test]
    fn long_decimals_read_as_the_cli_reads_them() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut texts = vec![
            "0.00000000000000000000000080810".to_owned(),
            "593584378812301682.2166992618336e-273".to_owned(),
            "2.345e103".to_owned(),
            "-6.532390470977064e-130".to_owned(),
            "1.7976931348623157e308".to_owned(),
            "4.9e-324".to_owned(),
            "123456789012345678901234567890".to_owned(),
        ];
        for _ in 0..20_000 {
            let digits: String = (0..1 + next() % 24)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            let exponent = (next() % 700) as i64 - 350;
            texts.push(format!(
                "{}{digits}.{}e{exponent}",
                1 + next() % 9,
                next() % 1000
            ));
        }
        for text in &texts {
            let array = format!("[{text}, -{text}]");
            assert_eq!(ours_in_one_pass(&array), serde(&array), "{text}");
        }
        let value = super::parse_value("0.00000000000000000000000080810").expect("number");
        assert_eq!(value.to_string(), "8.081e-25");
    }

    #[test]
    fn values_convert_both_ways() {
        let value: Value =
            serde_json::from_str(r#"{"a": [1, -2, 2.5, "s", null, true], "b": {}}"#).expect("json");
        assert_eq!(super::Json::of(&value).to_value(), value);
    }
}
