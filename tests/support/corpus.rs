//! Inputs for the differential test of the JSON scanner (`tests/validate/json_syntax.rs`): the
//! fixtures, the fuzz corpora, hostile input, generated records of every format, and random
//! edits of them.
//!
//! `CONTACTKIT_DIFF_SCALE=N` (default 1) multiplies the number of generated records and
//! property-test cases, for a long run:
//! `CONTACTKIT_DIFF_SCALE=100 cargo test --release -p contactkit --test validate json_syntax::`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use contactkit::{Definitions, Format};
use contactkit_datagen::{Generator, Vendor};
use proptest::prelude::*;
use serde_json::{json, Value};

/// The scale of a run (`CONTACTKIT_DIFF_SCALE`, at least 1).
pub fn scale() -> u32 {
    std::env::var("CONTACTKIT_DIFF_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// One input: where it comes from, and its bytes.
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every fixture's payload as JSON text (the raw text for string payloads), with the
/// fixture's definitions document, if any. Conversion fixtures give their input record.
pub fn fixtures() -> Vec<(Input, Option<Value>)> {
    let mut files = Vec::new();
    files_under(&root().join("tests/fixtures"), &mut files);
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let name = path.display().to_string();
        let Ok(doc) = serde_json::from_str::<Value>(&text) else {
            // Not a JSON document: the file itself is an input.
            out.push((
                Input {
                    name,
                    bytes: text.into_bytes(),
                },
                None,
            ));
            continue;
        };
        let definitions = doc.pointer("/options/definitions").cloned();
        for key in ["payload", "input", "record"] {
            match doc.get(key) {
                Some(Value::String(raw)) => out.push((
                    Input {
                        name: format!("{name} ({key}, raw)"),
                        bytes: raw.clone().into_bytes(),
                    },
                    definitions.clone(),
                )),
                Some(value) => {
                    for (style, bytes) in [
                        ("compact", serde_json::to_vec(value).unwrap_or_default()),
                        (
                            "pretty",
                            serde_json::to_vec_pretty(value).unwrap_or_default(),
                        ),
                    ] {
                        out.push((
                            Input {
                                name: format!("{name} ({key}, {style})"),
                                bytes,
                            },
                            definitions.clone(),
                        ));
                    }
                }
                None => {}
            }
        }
        // The whole document, too: a JSON text with other shapes.
        out.push((
            Input {
                name: format!("{name} (document)"),
                bytes: text.into_bytes(),
            },
            None,
        ));
    }
    out
}

/// Every file of the fuzz corpora; the `validate` target's files also without their first
/// byte (the format selector).
pub fn fuzz_corpora() -> Vec<Input> {
    let mut files = Vec::new();
    files_under(&root().join("fuzz/corpus"), &mut files);
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let name = path.display().to_string();
        if name.contains("/validate/") && !bytes.is_empty() {
            out.push(Input {
                name: format!("{name} (without selector)"),
                bytes: bytes[1..].to_vec(),
            });
        }
        out.push(Input { name, bytes });
    }
    out
}

/// Hostile and edge-case texts (tests/validate/hostile.rs, SECURITY.md) and hand-picked syntax cases.
pub fn hostile() -> Vec<Input> {
    let mut texts: Vec<Vec<u8>> = Vec::new();
    let mut add = |s: &[u8]| texts.push(s.to_vec());
    for levels in [1, 2, 126, 127, 128, 129, 1000] {
        add(format!("{}{}", "[".repeat(levels), "]".repeat(levels)).as_bytes());
        add(format!("{}1{}", r#"{"a":"#.repeat(levels), "}".repeat(levels)).as_bytes());
        add(format!(
            r#"{{"externalId": "1", "custom": {}{}}}"#,
            "[".repeat(levels),
            "]".repeat(levels)
        )
        .as_bytes());
        add(format!(
            r#"{{"emails": {}{}, "firstName": 1}}"#,
            "[".repeat(levels),
            "]".repeat(levels)
        )
        .as_bytes());
        add(format!(
            r#"{{"properties": {}{}}}"#,
            "[{\"value\":".repeat(levels),
            "}]".repeat(levels)
        )
        .as_bytes());
        add(format!(
            r#"{{"custom_attributes": {}1{}}}"#,
            "{\"a\":".repeat(levels),
            "}".repeat(levels)
        )
        .as_bytes());
        add(format!(
            r#"{{"attributes": {{"x": {}{}}}}}"#,
            "[".repeat(levels),
            "]".repeat(levels)
        )
        .as_bytes());
        add("[".repeat(levels).as_bytes());
        add(r#"{"a":["#.repeat(levels).as_bytes());
    }
    let long = "é".repeat(70_000);
    add(format!(r#"{{"firstName": "{long}", "notes": "{long}", "x": "{long}"}}"#).as_bytes());
    let many: Vec<String> = (0..20_000).map(|i| format!(r#""k{i}": {i}"#)).collect();
    add(format!("{{{}}}", many.join(",")).as_bytes());
    add(format!(r#"{{"custom_attributes": {{{}}}}}"#, many.join(",")).as_bytes());
    add(format!(r#"{{"attributes": {{{}}}}}"#, many.join(",")).as_bytes());
    add(format!(r#"{{"properties": {{{}}}}}"#, many.join(",")).as_bytes());
    let items: Vec<String> = (0..20_000)
        .map(|i| format!(r#"{{"slug": "s{}", "value": {i}}}"#, i % 5000))
        .collect();
    add(format!(r#"{{"properties": [{}]}}"#, items.join(",")).as_bytes());
    let ids: Vec<String> = (0..5_000)
        .map(|i| format!(r#"{{"key": "k", "value": "v{}"}}"#, i % 3000))
        .collect();
    add(format!(
        r#"{{"displayName": "x", "identifiers": [{}]}}"#,
        ids.join(",")
    )
    .as_bytes());
    for case in [
        "",
        " ",
        "\n\n  ",
        "\u{feff}{}",
        "{}",
        "[]",
        "null",
        "true",
        "1",
        "\"x\"",
        "{} {}",
        "{}x",
        "{},",
        "{",
        "[",
        "{\"",
        "{\"a",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "{\"a\":1,",
        "{\"a\" 1}",
        "{1:2}",
        "{,}",
        "[,]",
        "[1,]",
        "{\"a\":1,}",
        "[1 2]",
        "{\"a\":1 \"b\":2}",
        "nul",
        "nulx",
        "tru",
        "fals",
        "falsy",
        "-",
        "-x",
        "01",
        "-01",
        "1.",
        "1.e5",
        "1e",
        "1e+",
        "1e-",
        "1ex",
        "1.5x",
        "--1",
        "+1",
        ".5",
        "1e400",
        "-1e400",
        "1e309",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "1e-400",
        "0e99999999999",
        "1e99999999999",
        "1e-99999999999",
        "0.0e2147483648",
        "1e2147483647",
        "1e2147483648",
        "1e400.5",
        "1e400e5",
        "-1e400-",
        "[1e99999999999x]",
        "[1e400 1]",
        "{\"a\": 1e400, \"a\": -1e400, \"b\": {\"c\": 1, \"c\": [2e400]}}",
        "{\"\": 1, \"\": 2}",
        "123456789012345678901234567890",
        "-0",
        "-0.0",
        "0.0",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "9223372036854775807",
        "9223372036854775808",
        "1E5",
        "1e05",
        "\"\\u\"",
        "\"\\u12\"",
        "\"\\u12x4\"",
        "\"\\uD800\"",
        "\"\\uDC00\"",
        "\"\\uD800\\u0041\"",
        "\"\\uD800x\"",
        "\"\\uD800\\\"",
        "\"\\uD800\\n\"",
        "\"\\uD83D\\uDE00\"",
        "\"\\uD800\\uD800\"",
        "\"\\x\"",
        "\"\\",
        "\"abc",
        "\"a\u{1}b\"",
        "\"\t\"",
        "\"\u{7f}\"",
        "{\"a\":\"\\ud800\"}",
        "{\"\\ud800\":1}",
        "[\"\\u00e9\\u20ac\"]",
        "{\"firstName\": \"\\u0041\\u00e9\"}",
        "{\"firstName\"\n:\n\"x\"\n,\n\"lastName\" 2}",
        "\n\n\n   {\"a\":\n  [1,\n 2,\n ]}",
        "{\"a\":1}\n\n  x",
        "{\"a\":tru}",
        "{\"a\":nul",
        "[\"a\",\n\"b\"\n\"c\"]",
    ] {
        add(case.as_bytes());
    }
    // Bytes that are not UTF-8, inside and outside strings, with and without escapes.
    for raw in [
        b"\"\xff\"".as_slice(),
        b"{\"a\": \"\xff\"}",
        b"{\"\xff\": 1}",
        b"\xff",
        b"{\"a\": 1}\xff",
        b"{\"firstName\": \"ab\xc3\"}",
        b"{\"firstName\": \"\xc3\x28\"}",
        b"{\"x\": \"\\n\xe2\x82\"}",
        b"{\"x\": \"\xe2\x82\\u00e9\"}",
        b"{\"x\": \"\\u00e9\xed\xa0\x80\"}",
        b"[\"\xf0\x9f\x98\"]",
        b"[\"\xf4\x90\x80\x80\"]",
        b"[\"\xc0\xaf\"]",
        b"{\"a\":\n\"\xfe\"}",
        b"\xef\xbb\xbf{}",
        b"{\"notes\": \"ok\", \"x\": \"a\\\"b\x80\"}",
        b"[\"\x80\", \"\\x\"]",
        b"[\"\\x\", \"\x80\"]",
        b"{\"a\": \"\x80\x01\"}",
    ] {
        add(raw);
    }
    texts
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| Input {
            name: format!("hostile #{i}"),
            bytes,
        })
        .collect()
}

/// The five formats the generator writes, as contactkit formats.
pub fn vendor_format(vendor: Vendor) -> Format {
    match vendor {
        Vendor::Sequence => Format::Sequence,
        Vendor::Intercom => Format::Intercom,
        Vendor::Bird => Format::Bird,
        Vendor::HelpScout => Format::HelpScout,
        Vendor::Canonical => Format::Canonical,
    }
}

/// `count` generated records of `vendor` (seed 7, 10% invalid) as compact JSON text.
pub fn generated(vendor: Vendor, count: u64, seed: u64) -> impl Iterator<Item = Vec<u8>> {
    let generator = Generator::new(vendor, seed, 0.1);
    (0..count).map(move |i| serde_json::to_vec(&generator.record(i).payload).unwrap_or_default())
}

/// Account definitions of every type for the three vendors that have them (as the fuzz target
/// uses), plus some for the names the generator writes.
pub fn definitions() -> Definitions {
    Definitions::from_json(&json!({
        "helpscout": [
            {"slug": "seats", "type": "number"},
            {"slug": "site", "type": "url"},
            {"slug": "since", "type": "date"},
            {"slug": "bio", "type": "text"},
            {"slug": "tier", "type": "dropdown", "options": [{"id": 1, "label": "Gold"}]},
            {"slug": "plan", "type": "dropdown", "options": [{"id": "p1", "label": "pro"}]},
            {"slug": "company-size", "type": "number"},
        ],
        "intercom": [
            {"name": "plan", "data_type": "string", "options": ["free", "pro"]},
            {"name": "seats", "data_type": "integer"},
            {"name": "ratio", "data_type": "float"},
            {"name": "vip", "data_type": "boolean"},
            {"name": "renewal_at", "data_type": "date"},
            {"name": "nick", "data_type": "string"},
        ],
        "bird": [
            {"key": "birthday", "type": "datetime"},
            {"key": "score", "type": "number"},
            {"key": "vip", "type": "boolean"},
            {"key": "tags", "type": "string", "cardinality": "many"},
        ],
    }))
    .expect("definitions")
}

/// Member names of every format (nested ones included) plus some that no format has.
pub fn names() -> Vec<String> {
    fn walk(fields: &[contactkit::FormField], out: &mut Vec<String>) {
        for f in fields {
            out.push(f.name.clone());
            if let Some(sub) = &f.fields {
                walk(sub, out);
            }
        }
    }
    let mut out = Vec::new();
    for format in Format::ALL {
        walk(contactkit::form_fields(format), &mut out);
    }
    out.extend(
        [
            "key", "value", "slug", "", "seats", "plan", "vip", "tags", "x_at", "a/b~c", "a.b",
            "\u{202e}",
        ]
        .map(str::to_owned),
    );
    out.sort();
    out.dedup();
    out
}

/// Random JSON values that look like records: the formats' member names, values of every type,
/// strings and numbers at the rules' edges.
pub fn record() -> impl Strategy<Value = Value> {
    let names = names();
    let string = prop_oneof![
        Just(String::new()),
        "[a-z]{1,8}",
        "[a-z]{1,6}@[a-z]{1,6}\\.[a-z]{2,3}",
        "https?://[a-z]{1,8}\\.[a-z]{2,3}/?",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)?",
        "\\+[0-9]{6,16}",
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        prop::sample::select(vec![
            "user",
            "lead",
            "work",
            "home",
            "other",
            "mobile",
            "male",
            "Male",
            "female",
            "unknown",
            "gravatar",
            "twitter",
            "emailaddress",
            "phonenumber",
            "seats",
            "plan",
            "pro",
            "Gold",
        ])
        .prop_map(str::to_owned),
        (1usize..300).prop_map(|n| "é".repeat(n)),
        ".{0,12}",
    ];
    let number = prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        prop::sample::select(vec![
            0.0,
            -0.0,
            1.0,
            1.5,
            9_223_372_036_854_775_808.0,
            1e300
        ])
        .prop_map(Value::from),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number,
        string.prop_map(Value::String),
    ];
    let key = prop_oneof![4 => prop::sample::select(names.clone()), 1 => "[a-z]{0,5}"];
    let tree = leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    });
    prop::collection::vec((prop::sample::select(names), tree), 0..10)
        .prop_map(|members| Value::Object(members.into_iter().collect()))
}

/// One edit of a text.
#[derive(Debug, Clone)]
pub enum Edit {
    /// Remove the byte at this share of the length.
    Delete(f64),
    /// Insert a byte.
    Insert(f64, u8),
    /// Replace a byte.
    Replace(f64, u8),
    /// Insert a short sequence.
    Splice(f64, &'static [u8]),
    /// Cut the text here.
    Truncate(f64),
}

/// Bytes that matter to a JSON scanner.
const BYTES: &[u8] =
    b"{}[]:,\"\\/ \n\t\r0123456789-+.eEuntfalsrxbd\x00\x1f\x7f\x80\xbf\xc3\xe2\xed\xf0\xf4\xff";

/// Sequences that matter to a JSON scanner.
const SEQUENCES: &[&[u8]] = &[
    b"\\u",
    b"\\ud800",
    b"\\udc00",
    b"\\ud83d\\ude00",
    b"\\u00e9",
    b"\\n",
    b"\\\"",
    b"\"\"",
    b"null",
    b"true",
    b"1e400",
    b"-0",
    b"1.5",
    b"[[",
    b"]]",
    b"{\"a\":",
    b"\xc3\xa9",
    b"\xf0\x9f\x98\x80",
    b"\xed\xa0\x80",
    b"\xe2\x82",
    b"18446744073709551616",
    b", ",
    b"\r\n",
];

/// 1 to 4 random edits.
pub fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let at = 0.0..1.0f64;
    let edit = prop_oneof![
        at.clone().prop_map(Edit::Delete),
        (at.clone(), prop::sample::select(BYTES)).prop_map(|(a, b)| Edit::Insert(a, b)),
        (at.clone(), prop::sample::select(BYTES)).prop_map(|(a, b)| Edit::Replace(a, b)),
        (at.clone(), prop::sample::select(SEQUENCES)).prop_map(|(a, s)| Edit::Splice(a, s)),
        at.prop_map(Edit::Truncate),
    ];
    prop::collection::vec(edit, 1..5)
}

/// Applies edits to a text.
pub fn apply(bytes: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let index = |len: usize, at: f64| ((len as f64) * at) as usize;
    for edit in edits {
        let len = out.len();
        match *edit {
            Edit::Delete(at) if len > 0 => {
                out.remove(index(len, at).min(len - 1));
            }
            Edit::Insert(at, b) => out.insert(index(len, at).min(len), b),
            Edit::Replace(at, b) if len > 0 => out[index(len, at).min(len - 1)] = b,
            Edit::Splice(at, s) => {
                let i = index(len, at).min(len);
                out.splice(i..i, s.iter().copied());
            }
            Edit::Truncate(at) => out.truncate(index(len, at)),
            _ => {}
        }
    }
    out
}

/// Shows an input in a failure message: as text when it is short UTF-8, else its length.
pub fn show(bytes: &[u8]) -> String {
    if bytes.len() > 400 {
        return format!(
            "<{} bytes: {:?}…>",
            bytes.len(),
            String::from_utf8_lossy(&bytes[..200])
        );
    }
    format!("{:?}", String::from_utf8_lossy(bytes))
}
