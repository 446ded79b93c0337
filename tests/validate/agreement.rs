//! The Rust validator and the published JSON Schemas (`schemas/<format>.schema.json`) must give
//! the same verdict: `Report::is_valid()` (no error-severity finding) equals "the schema accepts
//! the payload" (draft 2020-12, format assertions on).
//!
//! Payloads come from generators written from the vendors' docs (not from the rule tables): each
//! member is absent, valid, or — with a small probability — replaced by a mutation: a wrong JSON
//! type, a string one character over (or under) a bound in ASCII, two-byte, three-byte or
//! four-byte characters, a value outside an enum (including other letter cases), a string from
//! a curated list of clearly invalid emails / URLs / dates / date-times / UUIDs / phone numbers,
//! a missing required member, or an array with one item too many or too few.
//!
//! Rules that JSON Schema cannot state (each is named in the schema's `description`) are kept out
//! of the generated payloads, so that a disagreement always means a real bug:
//! - Help Scout: property slugs must be unique within `properties` (generators drop repeated
//!   slugs).
//! - Bird: two identifiers with the same key and value are duplicates even when their
//!   `properties` differ (generators drop such pairs; exact copies stay in, `uniqueItems`
//!   states that part).
//! - Any format: a member name repeated in the JSON text (a parsed `Value` cannot hold it).
//! - Account-specific definitions (never passed here: the schemas describe the general rules).

use crate::support::vocab;
use std::sync::OnceLock;

use contactkit::{Format, Report, Validator};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{json, Map, Value};

type V = BoxedStrategy<Value>;
type Member = BoxedStrategy<Option<(String, Value)>>;

// ---------------------------------------------------------------------------------------------
// Curated strings: clearly valid and clearly invalid for each format.

const EMAIL_OK: &[&str] = &[
    "ada@example.com",
    "a.b+tag@sub.example.co.uk",
    "x@localhost",
    "o'neil@example.ie",
    "user_1@xn--bcher-kva.example",
    "UPPER@EXAMPLE.COM",
];
const EMAIL_BAD: &[&str] = &[
    "",
    "ada",
    "ada@",
    "@example.com",
    "ada@@example.com",
    "ada lovelace@example.com",
    "ada@example..com",
    "ada@-example.com",
    "adà@example.com",
    "ada@example.com.",
    "\"quoted\"@example.com",
    "ada@exa_mple.com",
    "ada@example.com\n",
];
const URL_OK: &[&str] = &[
    "https://example.com",
    "http://example.com/",
    "HTTPS://EXAMPLE.COM/a?b=c#d",
    "https://user:pw@example.com:8080/x",
    "https://[::1]:443/",
    "https://example.com/ünï/路径",
    "https://www.example.com/avatar_image.jpg",
];
const URL_BAD: &[&str] = &[
    "",
    "example.com",
    "www.example.com/x.png",
    "ftp://example.com",
    "mailto:ada@example.com",
    "https://",
    "https:///path",
    "https://exa mple.com",
    "https://example.com/a b",
    "https://example.com:/",
    "https://example.com:123456",
    "https://[::1",
    "javascript://alert(1)",
    "https://exämple.com",
    "data:image/png;base64,AAAA",
    "https://example.com/\n",
];
const DATE_OK: &[&str] = &[
    "2024-02-29",
    "2000-02-29",
    "1970-01-01",
    "9999-12-31",
    "0000-01-01",
];
const DATE_BAD: &[&str] = &[
    "2023-02-29",
    "1900-02-29",
    "2024-04-31",
    "2024-13-01",
    "2024-00-10",
    "2024-1-01",
    "20240101",
    "05/01/2024",
    "2024-05-01 ",
    "yesterday",
    "",
    "２０２４-01-01",
];
const DATETIME_OK: &[&str] = &[
    "2024-05-01T12:00:00Z",
    "2024-05-01t12:00:00z",
    "2024-05-01T14:00:00+02:00",
    "2024-05-01T12:00:00.123456-05:30",
    "1969-12-31T23:59:59Z",
    "2016-12-31T23:59:60Z",
    "2017-01-01T00:59:60+01:00",
];
const DATETIME_BAD: &[&str] = &[
    "2024-05-01T12:00:00",
    "2024-05-01 12:00:00Z",
    "2024-05-01T24:00:00Z",
    "2024-05-01T12:60:00Z",
    "2024-05-01T12:00:00.Z",
    "2024-05-01T12:00:00+0200",
    "2024-05-01T12:00:00+24:00",
    "2024-02-30T12:00:00Z",
    "2016-12-31T12:00:60Z",
    "1714564800",
    "2024-05-01T12:00Z",
];
const UUID_OK: &[&str] = &[
    "123e4567-e89b-12d3-a456-426614174000",
    "B4E02C85-C6D2-4B15-8885-E09671799C61",
    "00000000-0000-0000-0000-000000000000",
    "a1405560-c8d3-4b1a-877d-3f449ad95352",
];
const UUID_BAD: &[&str] = &[
    "123e4567e89b12d3a456426614174000",
    "123e4567-e89b-12d3-a456-42661417400",
    "g23e4567-e89b-12d3-a456-426614174000",
    "{123e4567-e89b-12d3-a456-426614174000}",
    "",
    "newsletter",
];
const PHONE_OK: &[&str] = &[
    "+31612345678",
    "+1234567",
    "+123456789012345",
    "+442079460000",
];
const PHONE_BAD: &[&str] = &[
    "0612345678",
    "+0612345678",
    "+123456",
    "+1234567890123456",
    "+31 6 1234 5678",
    "+31-612345678",
    "+",
    "",
    "+٣١٦١٢٣٤٥٦٧٨",
];

/// Characters of 1, 2, 3 and 4 UTF-8 bytes, and a combining mark (a character of its own).
const CHARS: &[&str] = &["a", "é", "中", "😀", "\u{301}"];

// ---------------------------------------------------------------------------------------------
// Building blocks.

fn strs(list: &'static [&'static str]) -> V {
    select(list).prop_map(|s| json!(s)).boxed()
}

fn values(list: Vec<Value>) -> V {
    select(list).boxed()
}

/// A string of one of the given lengths (in characters), alternating two characters of
/// possibly different byte widths.
fn text(lengths: &[usize]) -> V {
    (select(lengths.to_vec()), select(CHARS), select(CHARS))
        .prop_map(|(n, a, b)| {
            let s: String = (0..n).map(|i| if i % 2 == 0 { a } else { b }).collect();
            Value::String(s)
        })
        .boxed()
}

/// Arbitrary printable Unicode, 0 to 12 characters.
fn any_text() -> V {
    "\\PC{0,12}".prop_map(Value::String).boxed()
}

/// Arbitrary non-empty printable Unicode.
fn some_text() -> V {
    "\\PC{1,12}".prop_map(Value::String).boxed()
}

/// Values of every JSON type, for wrong-type mutations.
fn junk() -> V {
    values(vec![
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(1e20),
        json!("s"),
        json!([]),
        json!(["x"]),
        json!({}),
        json!({"a": 1}),
    ])
}

/// `junk()` without strings (for string members, a string is not a type mutation).
fn junk_not_string() -> V {
    values(vec![
        Value::Null,
        json!(false),
        json!(7),
        json!(2.5),
        json!([]),
        json!({"a": "b"}),
    ])
}

fn integers_ok() -> V {
    values(vec![
        json!(0),
        json!(1),
        json!(-1),
        json!(1_571_672_154),
        json!(i64::MAX),
        json!(i64::MIN),
        json!(1.0e9),
        json!(-86_400),
        json!(1e15),
    ])
}

fn integers_bad() -> V {
    values(vec![
        json!(1.5),
        json!(1e20),
        json!(u64::MAX),
        json!(-1e19),
        json!("123"),
        json!(true),
        json!([1]),
    ])
}

/// A member: absent, valid (`valid`), or mutated (`invalid`, with `bad` per mille).
fn member(name: &'static str, present_pct: u32, valid: V, invalid: V, bad: u32) -> Member {
    let present = present_pct * 10;
    let absent = (1000 - present).max(1);
    let bad = (present * bad / 1000).max(1);
    let good = (present - bad).max(1);
    prop_oneof![
        absent => Just(None),
        good => valid.prop_map(move |v| Some((name.to_owned(), v))),
        bad => invalid.prop_map(move |v| Some((name.to_owned(), v))),
    ]
    .boxed()
}

fn object(members: Vec<Member>) -> V {
    members
        .prop_map(|ms| Value::Object(ms.into_iter().flatten().collect::<Map<_, _>>()))
        .boxed()
}

fn list(item: V, len: std::ops::RangeInclusive<usize>) -> V {
    vec(item, len).prop_map(Value::Array).boxed()
}

/// A valid value most of the time, an invalid one with `bad` per mille.
fn mostly(valid: V, invalid: V, bad: u32) -> V {
    prop_oneof![(1000 - bad) => valid, bad.max(1) => invalid].boxed()
}

/// Replaces the whole record by a non-object now and then.
fn record(members: Vec<Member>) -> V {
    prop_oneof![
        99 => object(members),
        1 => values(vec![json!([]), json!("record"), Value::Null, json!(1)]),
    ]
    .boxed()
}

/// Extra members that no vendor documents.
fn extras() -> Vec<Member> {
    vec![
        member("plan", 15, junk(), junk(), 1),
        member("customTrait", 10, any_text(), junk(), 1),
    ]
}

// ---------------------------------------------------------------------------------------------
// Generators per format, from the vendors' docs.

fn sequence() -> V {
    let nullable_text = || {
        prop_oneof![
            6 => any_text(),
            1 => text(&[254, 255, 256, 300]),
            1 => Just(Value::Null),
        ]
        .boxed()
    };
    let nullable = |list: &'static [&'static str]| {
        prop_oneof![6 => strs(list), 1 => Just(Value::Null)].boxed()
    };
    let dates = || prop_oneof![strs(DATE_OK), strs(DATETIME_OK), Just(Value::Null)].boxed();
    let bad_dates = || prop_oneof![strs(DATE_BAD), strs(DATETIME_BAD), junk_not_string()].boxed();
    let mut members = vec![member(
        "externalId",
        95,
        prop_oneof![4 => any_text(), 1 => text(&[255, 256])].boxed(),
        junk_not_string(),
        30,
    )];
    // The plain-text members: all but the id, the URLs, the timestamps and the email.
    let formatted = [
        "externalId",
        "websiteUrl",
        "lastSeenAt",
        "signedUpAt",
        "photo",
        "email",
    ];
    for &name in vocab::SEQUENCE_STRING_MEMBERS
        .iter()
        .filter(|name| !formatted.contains(name))
    {
        members.push(member(name, 25, nullable_text(), junk_not_string(), 45));
    }
    members.push(member(
        "websiteUrl",
        30,
        nullable(URL_OK),
        prop_oneof![strs(URL_BAD), junk_not_string()].boxed(),
        100,
    ));
    members.push(member(
        "photo",
        30,
        nullable(URL_OK),
        prop_oneof![strs(URL_BAD), junk_not_string()].boxed(),
        100,
    ));
    members.push(member(
        "email",
        40,
        nullable(EMAIL_OK),
        prop_oneof![strs(EMAIL_BAD), junk_not_string()].boxed(),
        100,
    ));
    members.push(member("signedUpAt", 30, dates(), bad_dates(), 100));
    members.push(member("lastSeenAt", 30, dates(), bad_dates(), 100));
    members.extend(extras());
    record(members)
}

fn intercom() -> V {
    let custom_attributes = || {
        let key = select(&[
            "plan",
            "seats",
            "team.mates",
            "price$",
            "trial_ends_at",
            "x",
            "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk",
        ][..]);
        let scalar = prop_oneof![
            junk().prop_filter("scalars", |v| !v.is_array() && !v.is_object()),
            text(&[255, 256]),
            any_text(),
        ]
        .boxed();
        let value = mostly(
            scalar,
            values(vec![json!({"a": 1}), json!([1]), json!([])]),
            80,
        );
        vec((key, value), 0..4)
            .prop_map(|kvs| {
                Value::Object(
                    kvs.into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            })
            .boxed()
    };
    let mut members = vec![
        member(
            "role",
            40,
            strs(&["user", "lead"]),
            prop_oneof![strs(&["admin", "User", "LEAD", ""]), junk_not_string()].boxed(),
            80,
        ),
        member("external_id", 40, any_text(), junk_not_string(), 40),
        member(
            "email",
            45,
            strs(EMAIL_OK),
            prop_oneof![strs(EMAIL_BAD), junk_not_string()].boxed(),
            60,
        ),
    ];
    for name in ["phone", "name"] {
        members.push(member(
            name,
            30,
            prop_oneof![any_text(), Just(Value::Null)].boxed(),
            junk_not_string(),
            30,
        ));
    }
    members.push(member(
        "avatar",
        30,
        prop_oneof![strs(URL_OK), Just(Value::Null)].boxed(),
        prop_oneof![strs(URL_BAD), junk_not_string()].boxed(),
        60,
    ));
    for name in ["signed_up_at", "last_seen_at", "owner_id"] {
        members.push(member(
            name,
            30,
            prop_oneof![integers_ok(), Just(Value::Null)].boxed(),
            integers_bad(),
            50,
        ));
    }
    members.push(member(
        "unsubscribed_from_emails",
        30,
        values(vec![json!(true), json!(false), Value::Null]),
        values(vec![json!("true"), json!(1), json!([])]),
        30,
    ));
    members.push(member(
        "custom_attributes",
        35,
        prop_oneof![4 => custom_attributes(), 1 => Just(Value::Null)].boxed(),
        values(vec![json!([1]), json!("plan=pro"), json!(3)]),
        30,
    ));
    members.extend(extras());
    record(members)
}

const BIRD_KEYS: &[&str] = &[
    "emailaddress",
    "phonenumber",
    "visitorid",
    "external_id",
    "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk",
    "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
];

fn bird_identifier() -> V {
    select(BIRD_KEYS)
        .prop_flat_map(|key| {
            let (valid, invalid) = match key {
                "emailaddress" => (
                    strs(EMAIL_OK),
                    prop_oneof![strs(EMAIL_BAD), junk_not_string()].boxed(),
                ),
                "phonenumber" => (
                    strs(PHONE_OK),
                    prop_oneof![strs(PHONE_BAD), junk_not_string()].boxed(),
                ),
                _ => (
                    prop_oneof![4 => some_text(), 1 => text(&[1, 499, 500])].boxed(),
                    prop_oneof![text(&[0, 501]), junk_not_string()].boxed(),
                ),
            };
            let key_value = prop_oneof![
                97 => Just(json!(key)),
                3 => values(vec![json!(""), json!(5)]),
            ];
            let properties = prop_oneof![
                2 => Just(json!({})),
                2 => Just(json!({"countryCode": "US", "isGmail": true})),
                1 => Just(json!("gmail")),
            ];
            object(vec![
                member("key", 98, key_value.boxed(), Just(json!(key)).boxed(), 1),
                member("value", 98, valid, invalid, 60),
                member("properties", 20, properties.boxed(), junk(), 1),
            ])
        })
        .boxed()
}

/// Drops an identifier whose key and value equal an earlier one's while the two differ
/// otherwise (not expressible in JSON Schema; exact copies are kept).
fn drop_near_duplicates(items: Vec<Value>) -> Vec<Value> {
    let mut kept: Vec<Value> = Vec::new();
    for item in items {
        let same_key_value = |other: &Value| {
            item.get("key").is_some()
                && item.get("value").is_some()
                && other.get("key") == item.get("key")
                && other.get("value") == item.get("value")
        };
        if kept.iter().any(|k| same_key_value(k) && *k != item) {
            continue;
        }
        kept.push(item);
    }
    kept
}

fn bird() -> V {
    let identifiers = mostly(
        vec(
            mostly(bird_identifier(), values(vec![json!("x"), json!(1)]), 20),
            0..4,
        )
        .prop_flat_map(|items| {
            // Now and then, an exact copy of an item (a duplicate the schema can state).
            let n = items.len();
            (Just(items), 0..=n.max(1) * 4)
        })
        .prop_map(|(mut items, copy)| {
            if let Some(item) = items.get(copy).cloned() {
                items.push(item);
            }
            Value::Array(drop_near_duplicates(items))
        })
        .boxed(),
        values(vec![json!({"key": "emailaddress"}), json!("x")]),
        20,
    );
    let scalar = || {
        junk()
            .prop_filter("scalars", |v| !v.is_array() && !v.is_object())
            .boxed()
    };
    let attribute_value = mostly(
        prop_oneof![
            3 => scalar(),
            1 => any_text(),
            1 => list(scalar(), 1..=3),
        ]
        .boxed(),
        values(vec![
            json!([]),
            json!({"a": 1}),
            json!([[1]]),
            json!([{"a": 1}]),
        ]),
        60,
    );
    let attributes = vec(
        (
            select(&["firstName", "vip", "has space", "", "score"][..]),
            attribute_value,
        ),
        0..4,
    )
    .prop_map(|kvs| {
        Value::Object(
            kvs.into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect::<Map<_, _>>(),
        )
    })
    .boxed();
    let ids = || {
        prop_oneof![
            8 => list(strs(UUID_OK), 1..=10),
            1 => list(strs(UUID_OK), 0..=0),
            1 => list(strs(UUID_OK), 11..=12),
            1 => list(mostly(strs(UUID_OK), strs(UUID_BAD), 300), 1..=3),
        ]
        .boxed()
    };
    let mut members = vec![
        member(
            "displayName",
            95,
            prop_oneof![3 => some_text(), 1 => text(&[1, 149, 150])].boxed(),
            prop_oneof![text(&[0, 151, 200]), junk_not_string()].boxed(),
            40,
        ),
        member("identifiers", 50, identifiers, junk(), 1),
        member(
            "attributes",
            40,
            attributes,
            values(vec![json!([]), json!("x"), Value::Null]),
            30,
        ),
        member("accountIds", 30, ids(), junk(), 10),
        member("listIds", 30, ids(), junk(), 10),
        member(
            "companyRefs",
            20,
            list(any_text(), 0..=3),
            values(vec![json!(["acme", 7]), json!("acme")]),
            40,
        ),
    ];
    members.extend(extras());
    record(members)
}

fn helpscout() -> V {
    let entry = |types: V, bad_types: V, value: V, bad_value: V, type_required: u32| {
        mostly(
            object(vec![
                member("type", type_required, types, bad_types, 50),
                member("value", 97, value, bad_value, 50),
                member("primary", 3, junk(), junk(), 1),
            ]),
            values(vec![json!("x"), json!(1)]),
            10,
        )
    };
    let free = || prop_oneof![any_text(), text(&[1, 200])].boxed();
    let bad_enum = || {
        prop_oneof![
            strs(&["cell", "Work", "MOBILE", "tiktok", ""]),
            junk_not_string()
        ]
        .boxed()
    };
    // Entries of one of `kinds` with a free-text value.
    let kinded = |kinds: &'static [&'static str]| {
        list(
            entry(strs(kinds), bad_enum(), free(), junk_not_string(), 97),
            0..=3,
        )
    };
    let emails = list(
        entry(
            strs(&["work", "home", "other", "personal"]),
            bad_enum(),
            strs(EMAIL_OK),
            prop_oneof![strs(EMAIL_BAD), junk_not_string()].boxed(),
            70,
        ),
        0..=3,
    );
    let phones = kinded(vocab::HS_PHONE_TYPES);
    let chats = kinded(vocab::HS_CHAT_TYPES);
    let socials = kinded(vocab::HS_SOCIAL_TYPES);
    let websites = list(
        mostly(
            object(vec![member(
                "value",
                97,
                strs(URL_OK),
                prop_oneof![strs(URL_BAD), junk_not_string()].boxed(),
                80,
            )]),
            Just(json!("https://example.com")).boxed(),
            10,
        ),
        0..=3,
    );
    let address = object(vec![
        member("city", 50, any_text(), junk_not_string(), 20),
        member("state", 30, any_text(), junk_not_string(), 20),
        member("postalCode", 30, any_text(), junk_not_string(), 20),
        member("country", 80, any_text(), junk_not_string(), 20),
        member(
            "lines",
            50,
            list(any_text(), 0..=2),
            values(vec![json!("1 Main St"), json!(["1 Main St", 5])]),
            40,
        ),
        member("zip", 5, any_text(), any_text(), 1),
    ]);
    // photoUrl: at most 200 characters.
    let url200 = format!("https://example.com/{}.png", "a".repeat(176));
    let url201 = format!("https://example.com/{}.png", "a".repeat(177));
    let photo_ok: Vec<Value> = URL_OK
        .iter()
        .map(|s| json!(s))
        .chain([json!(url200)])
        .collect();
    let photo_bad: Vec<Value> = URL_BAD
        .iter()
        .map(|s| json!(s))
        .chain([json!(url201)])
        .collect();
    let slug = mostly(
        strs(&[
            "car",
            "plan",
            "favoriteCartoon",
            "a-b_c",
            "x",
            "Email",
            "ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss",
        ]),
        prop_oneof![
            strs(&[
                "has space",
                "tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt",
                "",
                "ünï",
                "email",
                "name",
                "company",
                "jobTitle",
            ]),
            junk_not_string(),
        ]
        .boxed(),
        80,
    );
    let property_value = mostly(
        prop_oneof![
            any_text(),
            text(&[255, 256]),
            values(vec![
                json!(5),
                json!(i64::MAX),
                json!(i64::MIN),
                json!(5.0),
                json!(-1e18),
            ]),
        ]
        .boxed(),
        values(vec![
            json!(1.5),
            Value::Null,
            json!({}),
            json!([1]),
            json!(9_223_372_036_854_775_808_u64),
            json!(1e19),
            json!(true),
        ]),
        80,
    );
    let property_list = vec(
        mostly(
            object(vec![
                member("slug", 97, slug.clone(), Just(json!("x")).boxed(), 1),
                member(
                    "value",
                    97,
                    property_value.clone(),
                    Just(json!("x")).boxed(),
                    1,
                ),
                member("note", 3, junk(), junk(), 1),
            ]),
            values(vec![json!("car"), json!(1)]),
            10,
        ),
        0..=3,
    )
    .prop_map(|items| {
        // Repeated slugs are a rule JSON Schema cannot state: keep the first only.
        let mut seen: Vec<String> = Vec::new();
        let kept = items
            .into_iter()
            .filter(|item| match item.get("slug").and_then(Value::as_str) {
                Some(s) if seen.iter().any(|x| x == s) => false,
                Some(s) => {
                    seen.push(s.to_owned());
                    true
                }
                None => true,
            })
            .collect();
        Value::Array(kept)
    })
    .boxed();
    let property_object = vec(
        (
            select(&["car", "plan", "x", "has space", "email", "", "a-b_c", "ünï"][..]),
            property_value,
        ),
        0..=3,
    )
    .prop_map(|kvs| {
        Value::Object(
            kvs.into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect::<Map<_, _>>(),
        )
    })
    .boxed();
    let names = || prop_oneof![3 => some_text(), 1 => text(&[1, 39, 40])].boxed();
    let bad_names = || prop_oneof![text(&[0, 41, 60]), junk_not_string()].boxed();
    let mut members = vec![
        member("firstName", 60, names(), bad_names(), 40),
        member("lastName", 60, names(), bad_names(), 40),
        member("phone", 20, any_text(), junk_not_string(), 20),
        member(
            "photoUrl",
            25,
            values(photo_ok),
            prop_oneof![values(photo_bad), junk_not_string()].boxed(),
            60,
        ),
        member(
            "photoType",
            20,
            strs(vocab::HS_PHOTO_TYPES),
            prop_oneof![strs(&["Twitter", "myspace", ""]), junk_not_string()].boxed(),
            60,
        ),
        member(
            "gender",
            25,
            strs(&["male", "female", "unknown", "Male", "FEMALE", "Unknown"]),
            prop_oneof![strs(&["robot", "m", "", "mâle"]), junk_not_string()].boxed(),
            60,
        ),
        member("age", 15, any_text(), junk_not_string(), 20),
        member(
            "organizationId",
            15,
            values(vec![json!(35), json!("35"), json!(2.5), json!(i64::MAX)]),
            values(vec![json!(1e20), json!(u64::MAX)]),
            50,
        ),
        member("emails", 40, emails, junk(), 10),
        member("phones", 25, phones, junk(), 10),
        member("chats", 15, chats, junk(), 10),
        member("socialProfiles", 15, socials, junk(), 10),
        member("websites", 20, websites, junk(), 10),
        member("address", 20, address, junk(), 10),
        member(
            "properties",
            30,
            prop_oneof![3 => property_list, 1 => property_object].boxed(),
            values(vec![json!("car=Tesla"), json!(5), Value::Null]),
            20,
        ),
    ];
    for (name, lengths_ok, lengths_bad) in [
        ("jobTitle", &[0_usize, 1, 59, 60][..], &[61_usize, 80][..]),
        ("location", &[0, 60][..], &[61][..]),
        ("organization", &[0, 60][..], &[61][..]),
        ("background", &[0, 1, 200][..], &[201, 250][..]),
    ] {
        members.push(member(
            name,
            20,
            text(lengths_ok),
            prop_oneof![text(lengths_bad), junk_not_string()].boxed(),
            60,
        ));
    }
    members.extend(extras());
    record(members)
}

fn canonical() -> V {
    let email = object(vec![
        member(
            "value",
            97,
            strs(EMAIL_OK),
            prop_oneof![strs(EMAIL_BAD), junk_not_string()].boxed(),
            50,
        ),
        member(
            "kind",
            50,
            strs(&["work", "home", "other"]),
            strs(&["personal", "Work"]),
            50,
        ),
    ]);
    let mut members = vec![
        member("externalId", 50, any_text(), junk_not_string(), 100),
        member("fullName", 50, any_text(), junk_not_string(), 100),
        member("emails", 40, list(email, 0..=3), junk(), 10),
        member(
            "photoUrl",
            20,
            strs(URL_OK),
            prop_oneof![strs(URL_BAD), junk_not_string()].boxed(),
            50,
        ),
        member(
            "gender",
            20,
            strs(&["male", "female", "unknown"]),
            strs(&["Male", "robot"]),
            60,
        ),
        member(
            "signedUpAt",
            30,
            strs(DATETIME_OK),
            prop_oneof![strs(DATETIME_BAD), strs(DATE_OK), junk_not_string()].boxed(),
            60,
        ),
        member(
            "websites",
            20,
            list(strs(URL_OK), 0..=2),
            list(strs(URL_BAD), 1..=1),
            60,
        ),
        member("organizationId", 20, integers_ok(), integers_bad(), 150),
        member(
            "role",
            20,
            strs(&["user", "lead"]),
            strs(&["admin", "User"]),
            50,
        ),
        member(
            "unsubscribedFromEmails",
            20,
            values(vec![json!(true), json!(false)]),
            values(vec![json!("no"), Value::Null]),
            50,
        ),
        member(
            "listIds",
            20,
            list(any_text(), 0..=2),
            values(vec![json!([1])]),
            150,
        ),
        member(
            "customAttributes",
            20,
            values(vec![
                json!({}),
                json!({"plan": "pro", "nested": {"a": [1]}}),
            ]),
            values(vec![json!([1]), json!("x")]),
            50,
        ),
    ];
    members.extend(extras());
    record(members)
}

fn generator(format: Format) -> V {
    match format {
        Format::Sequence => sequence(),
        Format::Intercom => intercom(),
        Format::Bird => bird(),
        Format::HelpScout => helpscout(),
        _ => canonical(),
    }
}

// ---------------------------------------------------------------------------------------------
// The comparison.

fn schema_validator(format: Format) -> &'static jsonschema::Validator {
    static CELLS: [OnceLock<jsonschema::Validator>; 5] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let index = Format::ALL
        .iter()
        .position(|f| *f == format)
        .expect("known format");
    CELLS[index].get_or_init(|| {
        let schema: Value = serde_json::from_str(format.schema()).expect("schema is JSON");
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("schema compiles")
    })
}

/// `None` when the verdicts agree; otherwise a description of the disagreement.
fn disagreement(format: Format, payload: &Value) -> Option<String> {
    let report: Report = Validator::new(format).validate(payload);
    let schema = schema_validator(format);
    if report.is_valid() == schema.is_valid(payload) {
        return None;
    }
    let schema_errors: Vec<String> = schema
        .iter_errors(payload)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    Some(format!(
        "{} verdicts differ for {}\n  validator valid = {}:\n{}  schema errors: {:?}",
        format.id(),
        payload,
        report.is_valid(),
        report,
        schema_errors
    ))
}

fn check(format: Format, payload: &Value) -> Result<(), TestCaseError> {
    match disagreement(format, payload) {
        None => Ok(()),
        Some(message) => Err(TestCaseError::fail(message)),
    }
}

/// One property per format: `name => format, its payload strategy`.
macro_rules! verdict_properties {
    ($($name:ident => $format:ident, $strategy:ident;)*) => {
        proptest! {
            #![proptest_config(ProptestConfig { cases: 768, ..ProptestConfig::default() })]
            $(
                #[test]
                fn $name(payload in $strategy()) {
                    check(Format::$format, &payload)?;
                }
            )*
        }
    };
}

verdict_properties! {
    sequence_verdicts_agree => Sequence, sequence;
    intercom_verdicts_agree => Intercom, intercom;
    bird_verdicts_agree => Bird, bird;
    helpscout_verdicts_agree => HelpScout, helpscout;
    canonical_verdicts_agree => Canonical, canonical;
}

/// The generators must produce both verdicts in useful shares, or the property above would
/// prove little: between 20% and 80% of the payloads of every format are valid.
#[test]
fn generators_mix_valid_and_invalid_payloads() {
    for format in Format::ALL {
        let strategy = generator(format);
        let mut runner = TestRunner::deterministic();
        let n = 1000;
        let mut valid = 0;
        for _ in 0..n {
            let payload = strategy.new_tree(&mut runner).expect("generate").current();
            if Validator::new(format).validate(&payload).is_valid() {
                valid += 1;
            }
        }
        println!(
            "{}: {valid} of {n} generated payloads are valid",
            format.id()
        );
        assert!(
            (n / 5..=n * 4 / 5).contains(&valid),
            "{}: {valid} of {n} generated payloads are valid",
            format.id()
        );
    }
}

/// The strings a format accepts, the strings it rejects, and the fields that take them: each a
/// format and a payload around one string.
type CuratedCase = (
    &'static [&'static str],
    &'static [&'static str],
    Vec<(Format, fn(&str) -> Value)>,
);

/// Every curated string, in every field that takes that format: verdicts agree, and the curated
/// lists mean what they say (the valid ones are accepted, the invalid ones rejected).
#[test]
fn curated_strings_agree_and_are_classified() {
    let cases: Vec<CuratedCase> = vec![
        (
            EMAIL_OK,
            EMAIL_BAD,
            vec![
                (Format::Sequence, |s| json!({"externalId": "u", "email": s})),
                (Format::Intercom, |s| json!({"email": s})),
                (Format::HelpScout, |s| json!({"emails": [{"value": s}]})),
                (
                    Format::Bird,
                    |s| json!({"displayName": "d", "identifiers": [{"key": "emailaddress", "value": s}]}),
                ),
                (Format::Canonical, |s| json!({"emails": [{"value": s}]})),
            ],
        ),
        (
            URL_OK,
            URL_BAD,
            vec![
                (
                    Format::Sequence,
                    |s| json!({"externalId": "u", "websiteUrl": s}),
                ),
                (Format::Sequence, |s| json!({"externalId": "u", "photo": s})),
                (Format::Intercom, |s| json!({"role": "lead", "avatar": s})),
                (Format::HelpScout, |s| json!({"photoUrl": s})),
                (Format::HelpScout, |s| json!({"websites": [{"value": s}]})),
                (Format::Canonical, |s| json!({"photoUrl": s})),
            ],
        ),
        (
            DATE_OK,
            DATE_BAD,
            vec![(
                Format::Sequence,
                |s| json!({"externalId": "u", "signedUpAt": s}),
            )],
        ),
        (
            DATETIME_OK,
            DATETIME_BAD,
            vec![
                (
                    Format::Sequence,
                    |s| json!({"externalId": "u", "lastSeenAt": s}),
                ),
                (Format::Canonical, |s| json!({"signedUpAt": s})),
            ],
        ),
        (
            DATETIME_OK,
            DATE_OK,
            vec![(Format::Canonical, |s| json!({"lastSeenAt": s}))],
        ),
        (
            UUID_OK,
            UUID_BAD,
            vec![
                (
                    Format::Bird,
                    |s| json!({"displayName": "d", "listIds": [s]}),
                ),
                (
                    Format::Bird,
                    |s| json!({"displayName": "d", "accountIds": [s]}),
                ),
            ],
        ),
        (
            PHONE_OK,
            PHONE_BAD,
            vec![(
                Format::Bird,
                |s| json!({"displayName": "d", "identifiers": [{"key": "phonenumber", "value": s}]}),
            )],
        ),
    ];
    let mut failures = Vec::new();
    for (ok, bad, fields) in cases {
        for ((format, build), (list, expect_valid)) in fields
            .into_iter()
            .flat_map(|field| [(field, (ok, true)), (field, (bad, false))])
        {
            for s in list {
                let payload = build(s);
                if let Some(d) = disagreement(format, &payload) {
                    failures.push(d);
                }
                if Validator::new(format).validate(&payload).is_valid() != expect_valid {
                    failures.push(format!(
                        "{}: {payload} should be {}",
                        format.id(),
                        if expect_valid { "valid" } else { "invalid" }
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Integer edges: JSON Schema counts 1.0 as an integer, and the schemas state the 64-bit range.
#[test]
fn integer_edges_agree() {
    let numbers = [
        "0",
        "-1",
        "1.0",
        "1e3",
        "1.5",
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "18446744073709551615",
        "1e19",
        "-1e19",
        "1e300",
        "9.2e18",
    ];
    let mut failures = Vec::new();
    for n in numbers {
        for (format, template) in [
            (
                Format::Intercom,
                r#"{"email": "a@example.com", "signed_up_at": N}"#,
            ),
            (
                Format::Intercom,
                r#"{"email": "a@example.com", "owner_id": N}"#,
            ),
            (Format::HelpScout, r#"{"organizationId": N}"#),
            (
                Format::HelpScout,
                r#"{"properties": [{"slug": "n", "value": N}]}"#,
            ),
            (Format::HelpScout, r#"{"properties": {"n": N}}"#),
            (Format::Canonical, r#"{"ownerId": N}"#),
        ] {
            let payload: Value =
                serde_json::from_str(&template.replace('N', n)).expect("template is JSON");
            if let Some(d) = disagreement(format, &payload) {
                failures.push(d);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The fixture payloads (without definitions) agree too, except the cases of rules that JSON
/// Schema cannot state, listed here by file name.
#[test]
fn fixture_payloads_agree() {
    const NOT_EXPRESSIBLE: &[&str] = &[
        // Help Scout: repeated property slug.
        "helpscout/property_duplicate_slug",
        // Bird: same identifier key and value, different properties.
        "bird/identifier_duplicate_other_properties",
    ];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    let mut failures = Vec::new();
    for format in Format::ALL {
        let dir = root.join(format.id());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("fixture directory")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).expect("read fixture");
            let fixture: Value = serde_json::from_str(&text).expect("fixture is JSON");
            if fixture.pointer("/options/definitions").is_some() {
                continue;
            }
            let payload = match &fixture["payload"] {
                Value::String(raw) => match serde_json::from_str::<Value>(raw) {
                    Ok(v) => v,
                    Err(_) => continue,
                },
                v => v.clone(),
            };
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let topic = stem.split_once('_').map_or(stem, |(_, t)| t);
            let id = format!("{}/{topic}", format.id());
            let disagrees = disagreement(format, &payload);
            if NOT_EXPRESSIBLE.contains(&id.as_str()) {
                assert!(
                    disagrees.is_some(),
                    "{id} is listed as not expressible in JSON Schema, but the verdicts agree"
                );
            } else if let Some(d) = disagrees {
                failures.push(format!("{id}: {d}"));
            }
            checked += 1;
        }
    }
    assert!(checked > 150, "only {checked} fixture payloads checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
