//! Boundary tables, one row per documented rule, written from the vendors' docs (seeds,
//! the sources docs/RULES.md quotes) independently of the rule tables in `src/`: if a table drifts from
//! the docs, a row here fails.
//!
//! Lengths are checked at min-1, min, max and max+1 characters, each with 1-, 2-, 3- and 4-byte
//! characters (lengths count characters, never bytes).

use crate::support::{findings, vocab};
use contactkit::{validate, Code, Format, Severity, ValidateOptions, Validator};
use serde_json::{json, Value};

/// Sets the value at a JSON Pointer whose parent exists.
fn set(mut payload: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let target = payload.pointer_mut(parent).expect("the parent exists");
    match target {
        Value::Object(map) => {
            map.insert(key.replace("~1", "/").replace("~0", "~"), value);
        }
        Value::Array(items) => {
            let i: usize = key.parse().expect("an index");
            items[i] = value;
        }
        _ => panic!("{parent} is not a container"),
    }
    payload
}

const CHARS: [char; 4] = ['x', 'é', '中', '😀'];

/// How a string of `n` characters is built for a field (URLs need a valid prefix).
type Fill = fn(usize, char) -> String;

fn plain(n: usize, c: char) -> String {
    std::iter::repeat_n(c, n).collect()
}

fn url(n: usize, c: char) -> String {
    let prefix = "https://example.com/";
    let rest = n.saturating_sub(prefix.chars().count());
    format!("{prefix}{}", plain(rest, c))
}

/// One length rule: the payload around the field, the field, the bounds, and how the bounds are
/// enforced (`Error`, or `Warning` for limits the vendor's docs do not state).
struct Length {
    format: Format,
    base: Value,
    pointer: &'static str,
    min: usize,
    max: usize,
    over: Severity,
    fill: Fill,
}

fn length_rules() -> Vec<Length> {
    let hs = |pointer, min, max| Length {
        format: Format::HelpScout,
        base: json!({}),
        pointer,
        min,
        max,
        over: Severity::Error,
        fill: plain,
    };
    let seq = |pointer| Length {
        format: Format::Sequence,
        base: json!({"externalId": "u-1"}),
        pointer,
        min: 0,
        max: 255,
        over: Severity::Warning,
        fill: plain,
    };
    vec![
        // Help Scout create page: "between 1 and 40 characters", max 60 / 200.
        hs("/firstName", 1, 40),
        hs("/lastName", 1, 40),
        hs("/jobTitle", 0, 60),
        hs("/location", 0, 60),
        hs("/organization", 0, 60),
        hs("/background", 0, 200),
        Length {
            fill: url,
            ..hs("/photoUrl", 0, 200)
        },
        // Help Scout text property (255), as a warning while the property's type is unknown.
        Length {
            base: json!({"properties": [{"slug": "notes", "value": ""}]}),
            over: Severity::Warning,
            ..hs("/properties/0/value", 0, 255)
        },
        // Bird: displayName 1..150; identifier value 1..500; identifier key 64 (warning: the
        // create page does not state it).
        Length {
            format: Format::Bird,
            base: json!({}),
            pointer: "/displayName",
            min: 1,
            max: 150,
            over: Severity::Error,
            fill: plain,
        },
        Length {
            format: Format::Bird,
            base: json!({"displayName": "d", "identifiers": [{"key": "external_id", "value": "v"}]}),
            pointer: "/identifiers/0/value",
            min: 1,
            max: 500,
            over: Severity::Error,
            fill: plain,
        },
        Length {
            format: Format::Bird,
            base: json!({"displayName": "d", "identifiers": [{"key": "k", "value": "v"}]}),
            pointer: "/identifiers/0/key",
            min: 1,
            max: 64,
            over: Severity::Warning,
            fill: plain,
        },
        // Intercom legacy 1.x: custom attribute string values up to 255 (warning).
        Length {
            format: Format::Intercom,
            base: json!({"email": "a@example.com", "custom_attributes": {"plan": ""}}),
            pointer: "/custom_attributes/plan",
            min: 0,
            max: 255,
            over: Severity::Warning,
            fill: plain,
        },
        // Sequence: no documented limit; VARCHAR(255) columns in the code (warning). An empty
        // externalId is no id (docs/RULES.md#ids): at least 1 character.
        Length {
            min: 1,
            ..seq("/externalId")
        },
        seq("/companyName"),
        seq("/firstName"),
        seq("/phone"),
        Length {
            fill: url,
            ..seq("/websiteUrl")
        },
    ]
}

#[test]
fn length_boundaries() {
    let mut failures = Vec::new();
    for rule in length_rules() {
        for c in CHARS {
            let mut cases = vec![(rule.min, None), (rule.max, None)];
            if rule.min > 0 {
                cases.push((rule.min - 1, Some((Code::TooShort, Severity::Error))));
            }
            cases.push((rule.max + 1, Some((Code::TooLong, rule.over))));
            for (n, expected) in cases {
                let value = (rule.fill)(n, c);
                // A URL cannot be shorter than its prefix; such a case only checks acceptance.
                assert!(value.chars().count() == n || expected.is_none());
                let payload = set(rule.base.clone(), rule.pointer, json!(value));
                let expected: Vec<_> = expected
                    .map(|(code, severity)| (rule.pointer.to_owned(), code, severity))
                    .into_iter()
                    .collect();
                let actual = findings(rule.format, &payload);
                if actual != expected {
                    failures.push(format!(
                        "{} {} with {n} x {c:?} ({} bytes): expected {expected:?}, got {actual:?}",
                        rule.format.id(),
                        rule.pointer,
                        value.len()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Intercom legacy 1.x: custom attribute names up to 190 characters (warning), checked on the
/// member name.
#[test]
fn intercom_attribute_name_length() {
    for c in CHARS {
        for (n, expected) in [(190, 0), (191, 1)] {
            let name = plain(n, c);
            let payload = json!({"email": "a@example.com", "custom_attributes": {name.clone(): 1}});
            let actual = findings(Format::Intercom, &payload);
            let want: Vec<_> = std::iter::repeat_n(
                (
                    format!("/custom_attributes/{name}"),
                    Code::TooLong,
                    Severity::Warning,
                ),
                expected,
            )
            .collect();
            assert_eq!(actual, want, "{n} x {c:?}");
        }
    }
}

/// Array sizes: Bird listIds/accountIds 1..10 (create-a-contact page); Intercom's 250 custom
/// attributes per workspace (a warning).
#[test]
fn item_count_boundaries() {
    let uuid = |i: usize| json!(format!("123e4567-e89b-12d3-a456-{i:012}"));
    for field in ["listIds", "accountIds"] {
        for (n, expected) in [
            (0, Some((Code::TooFewItems, Severity::Error))),
            (1, None),
            (10, None),
            (11, Some((Code::TooManyItems, Severity::Error))),
        ] {
            let ids: Vec<Value> = (0..n).map(uuid).collect();
            let payload = json!({"displayName": "d", field: ids});
            let want: Vec<_> = expected
                .map(|(code, severity)| (format!("/{field}"), code, severity))
                .into_iter()
                .collect();
            assert_eq!(findings(Format::Bird, &payload), want, "{field} with {n}");
        }
    }
    for (n, expected) in [(250, vec![]), (251, vec![Code::TooManyItems])] {
        let attributes: serde_json::Map<String, Value> =
            (0..n).map(|i| (format!("a{i}"), json!(i))).collect();
        let payload = json!({"email": "a@example.com", "custom_attributes": attributes});
        let codes: Vec<Code> = validate(Format::Intercom, &payload)
            .issues
            .iter()
            .map(|i| {
                assert_eq!(i.severity, Severity::Warning);
                assert_eq!(i.path, "/custom_attributes");
                i.code
            })
            .collect();
        assert_eq!(codes, expected, "{n} custom attributes");
    }
}

/// An enum rule: the documented values, values that must be rejected, and how.
struct EnumRule {
    format: Format,
    base: Value,
    pointer: &'static str,
    values: &'static [&'static str],
    /// Severity of a value outside the list.
    outside: Severity,
    /// Severity of a documented value in another letter case (`None`: same as `outside`).
    other_case: Option<Severity>,
}

fn enum_rules() -> Vec<EnumRule> {
    let hs_entry = |list: &'static str, values| EnumRule {
        format: Format::HelpScout,
        base: json!({ list: [{"type": "x", "value": "v"}] }),
        pointer: match list {
            "phones" => "/phones/0/type",
            "chats" => "/chats/0/type",
            _ => "/socialProfiles/0/type",
        },
        values,
        outside: Severity::Error,
        other_case: None,
    };
    vec![
        EnumRule {
            format: Format::HelpScout,
            base: json!({}),
            pointer: "/photoType",
            values: vocab::HS_PHOTO_TYPES,
            outside: Severity::Error,
            other_case: None,
        },
        // The docs' own example sends "Male": other letter cases are warnings.
        EnumRule {
            format: Format::HelpScout,
            base: json!({}),
            pointer: "/gender",
            values: vocab::HS_GENDERS,
            outside: Severity::Error,
            other_case: Some(Severity::Warning),
        },
        // The v2 email type list is not documented (v1: work, home, other): warnings only
        // (docs/RULES.md#hs-email).
        EnumRule {
            format: Format::HelpScout,
            base: json!({"emails": [{"type": "work", "value": "a@example.com"}]}),
            pointer: "/emails/0/type",
            values: vocab::HS_EMAIL_TYPES,
            outside: Severity::Warning,
            other_case: None,
        },
        hs_entry("phones", vocab::HS_PHONE_TYPES),
        hs_entry("chats", vocab::HS_CHAT_TYPES),
        hs_entry("socialProfiles", vocab::HS_SOCIAL_TYPES),
        EnumRule {
            format: Format::Intercom,
            base: json!({"email": "a@example.com"}),
            pointer: "/role",
            values: vocab::INTERCOM_ROLES,
            outside: Severity::Error,
            other_case: None,
        },
    ]
}

#[test]
fn enum_values() {
    let mut failures = Vec::new();
    for rule in enum_rules() {
        let mut check = |value: String, expected: Option<Severity>| {
            let payload = set(rule.base.clone(), rule.pointer, json!(value));
            let want: Vec<_> = expected
                .map(|s| (rule.pointer.to_owned(), Code::Enum, s))
                .into_iter()
                .collect();
            let actual = findings(rule.format, &payload);
            if actual != want {
                failures.push(format!(
                    "{} {} = {value:?}: expected {want:?}, got {actual:?}",
                    rule.format.id(),
                    rule.pointer
                ));
            }
        };
        for v in rule.values {
            check((*v).to_owned(), None);
            check(
                v.to_uppercase(),
                Some(rule.other_case.unwrap_or(rule.outside)),
            );
            check(format!("{v}s"), Some(rule.outside));
            check(format!(" {v}"), Some(rule.outside));
        }
        check(String::new(), Some(rule.outside));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Help Scout property slugs: 1 to 100 of A-Z a-z 0-9 - _, and email, name, company, jobTitle
/// are reserved.
#[test]
fn property_slugs() {
    let slug_findings = |slug: &str| -> Vec<Code> {
        validate(
            Format::HelpScout,
            &json!({"properties": [{"slug": slug, "value": "v"}]}),
        )
        .issues
        .into_iter()
        .map(|i| {
            assert_eq!(i.path, "/properties/0/slug");
            assert_eq!(i.severity, Severity::Error);
            i.code
        })
        .collect()
    };
    let a100 = "a".repeat(100);
    let a101 = "a".repeat(101);
    for (slug, expected) in [
        ("car", vec![]),
        ("Favorite-Cartoon_2", vec![]),
        ("0", vec![]),
        (a100.as_str(), vec![]),
        (a101.as_str(), vec![Code::Pattern]),
        ("", vec![Code::Pattern]),
        ("has space", vec![Code::Pattern]),
        ("dot.ted", vec![Code::Pattern]),
        ("ümlaut", vec![Code::Pattern]),
        ("email", vec![Code::Reserved]),
        ("name", vec![Code::Reserved]),
        ("company", vec![Code::Reserved]),
        ("jobTitle", vec![Code::Reserved]),
        ("Email", vec![]),
        ("jobtitle", vec![]),
    ] {
        assert_eq!(slug_findings(slug), expected, "slug {slug:?}");
    }
}

/// Integers: Intercom timestamps and owner id are integers in the 64-bit range; 1.0 counts as
/// an integer (as in JSON Schema).
#[test]
fn integer_fields() {
    for field in ["signed_up_at", "last_seen_at", "owner_id"] {
        for (text, expected) in [
            ("0", None),
            ("-1", None),
            ("1571672154", None),
            ("1571672154.0", None),
            ("9223372036854775807", None),
            ("-9223372036854775808", None),
            ("null", None),
            ("9223372036854775808", Some(Code::OutOfRange)),
            ("1e19", Some(Code::OutOfRange)),
            ("1.5", Some(Code::Type)),
            ("\"1571672154\"", Some(Code::Type)),
            ("true", Some(Code::Type)),
        ] {
            let payload: Value = serde_json::from_str(&format!(
                r#"{{"email": "a@example.com", "{field}": {text}}}"#
            ))
            .expect("JSON");
            let want: Vec<_> = expected
                .map(|code| (format!("/{field}"), code, Severity::Error))
                .into_iter()
                .collect();
            assert_eq!(
                findings(Format::Intercom, &payload),
                want,
                "{field} = {text}"
            );
        }
    }
}

/// Required members and the one-of rules.
#[test]
fn required_members() {
    let e = |path: &str| (path.to_owned(), Code::Required, Severity::Error);
    let w = |path: &str| (path.to_owned(), Code::Required, Severity::Warning);
    for (format, payload, expected) in [
        (Format::Sequence, json!({}), vec![e("/externalId")]),
        (
            Format::Sequence,
            json!({"email": "a@example.com"}),
            vec![e("/externalId")],
        ),
        (Format::Bird, json!({}), vec![e("/displayName")]),
        (Format::HelpScout, json!({}), vec![]),
        (Format::Canonical, json!({}), vec![]),
        (Format::Intercom, json!({}), vec![e("")]),
        (Format::Intercom, json!({"name": "Ada"}), vec![e("")]),
        (Format::Intercom, json!({"role": "user"}), vec![e("")]),
        (Format::Intercom, json!({"role": "lead"}), vec![]),
        (
            Format::Intercom,
            json!({"role": "user", "email": "a@example.com"}),
            vec![],
        ),
        (
            Format::Intercom,
            json!({"role": "user", "external_id": "1"}),
            vec![],
        ),
        (Format::Intercom, json!({"email": "a@example.com"}), vec![]),
        (Format::Intercom, json!({"external_id": "1"}), vec![]),
        (
            Format::HelpScout,
            json!({"phones": [{}], "chats": [{}], "socialProfiles": [{}], "websites": [{}]}),
            vec![
                e("/phones/0/type"),
                e("/phones/0/value"),
                e("/chats/0/type"),
                e("/chats/0/value"),
                e("/socialProfiles/0/type"),
                e("/socialProfiles/0/value"),
                e("/websites/0/value"),
            ],
        ),
        // Not documented as required: warnings.
        (
            Format::HelpScout,
            json!({"emails": [{}], "address": {}}),
            vec![w("/emails/0/value"), w("/address/country")],
        ),
        (
            Format::Bird,
            json!({"displayName": "d", "identifiers": [{}]}),
            vec![e("/identifiers/0/key"), e("/identifiers/0/value")],
        ),
    ] {
        assert_eq!(
            findings(format, &payload),
            expected,
            "{} {payload}",
            format.id()
        );
    }
}

/// contactkit's own rules (docs/RULES.md#own-email, #own-url, #own-dates): the fields that must
/// hold an email address, an absolute http(s) URL, an ISO
/// date, a UUID or an international phone number; one clearly valid and one clearly invalid
/// value each.
#[test]
fn contract_format_fields() {
    type Build = fn(&str) -> Value;
    let rows: Vec<(Format, &str, Build, &str, &str)> = vec![
        (
            Format::Sequence,
            "/email",
            |s| json!({"externalId": "u", "email": s}),
            "ada@example.com",
            "ada@",
        ),
        (
            Format::Intercom,
            "/email",
            |s| json!({"email": s}),
            "ada@example.com",
            "ada at example.com",
        ),
        (
            Format::HelpScout,
            "/emails/0/value",
            |s| json!({"emails": [{"value": s}]}),
            "ada@example.com",
            "ada@example..com",
        ),
        (
            Format::Bird,
            "/identifiers/0/value",
            |s| json!({"displayName": "d", "identifiers": [{"key": "emailaddress", "value": s}]}),
            "ada@example.com",
            "@example.com",
        ),
        (
            Format::Sequence,
            "/photo",
            |s| json!({"externalId": "u", "photo": s}),
            "https://example.com/a.png",
            "example.com/a.png",
        ),
        (
            Format::Sequence,
            "/websiteUrl",
            |s| json!({"externalId": "u", "websiteUrl": s}),
            "http://example.com",
            "ftp://example.com",
        ),
        (
            Format::Intercom,
            "/avatar",
            |s| json!({"role": "lead", "avatar": s}),
            "https://example.com/a.png",
            "/a.png",
        ),
        (
            Format::HelpScout,
            "/photoUrl",
            |s| json!({"photoUrl": s}),
            "https://example.com/a.png",
            "https//example.com",
        ),
        (
            Format::HelpScout,
            "/websites/0/value",
            |s| json!({"websites": [{"value": s}]}),
            "https://example.com",
            "example.com",
        ),
        (
            Format::Sequence,
            "/signedUpAt",
            |s| json!({"externalId": "u", "signedUpAt": s}),
            "2024-05-01",
            "2024-05-32",
        ),
        (
            Format::Sequence,
            "/lastSeenAt",
            |s| json!({"externalId": "u", "lastSeenAt": s}),
            "2024-05-01T12:00:00-03:00",
            "2024-05-01T12:00:00",
        ),
        (
            Format::Bird,
            "/identifiers/0/value",
            |s| json!({"displayName": "d", "identifiers": [{"key": "phonenumber", "value": s}]}),
            "+31612345678",
            "0031612345678",
        ),
        (
            Format::Bird,
            "/listIds/0",
            |s| json!({"displayName": "d", "listIds": [s]}),
            "123e4567-e89b-12d3-a456-426614174000",
            "list-1",
        ),
        (
            Format::Bird,
            "/accountIds/0",
            |s| json!({"displayName": "d", "accountIds": [s]}),
            "123e4567-e89b-12d3-a456-426614174000",
            "42",
        ),
    ];
    for (format, pointer, build, good, bad) in rows {
        assert_eq!(
            findings(format, &build(good)),
            vec![],
            "{} {pointer} = {good:?}",
            format.id()
        );
        assert_eq!(
            findings(format, &build(bad)),
            vec![(pointer.to_owned(), Code::Format, Severity::Error)],
            "{} {pointer} = {bad:?}",
            format.id()
        );
    }
}

/// Which formats report undocumented members (docs/RULES.md#own-unknown): Intercom and Help Scout warn;
/// Sequence (custom attributes) and Bird ("other properties") accept them.
#[test]
fn undocumented_members() {
    for (format, base, warns) in [
        (Format::Sequence, json!({"externalId": "u"}), false),
        (Format::Bird, json!({"displayName": "d"}), false),
        (Format::Intercom, json!({"email": "a@example.com"}), true),
        (Format::HelpScout, json!({}), true),
        (Format::Canonical, json!({}), true),
    ] {
        let payload = set(base, "/undocumentedThing", json!({"any": ["value"]}));
        let want = if warns {
            vec![(
                "/undocumentedThing".to_owned(),
                Code::UnknownField,
                Severity::Warning,
            )]
        } else {
            vec![]
        };
        assert_eq!(findings(format, &payload), want, "{}", format.id());
    }
}

/// Messages never contain the value unless `show_values` is on.
#[test]
fn show_values_controls_echo() {
    let secret = "ada.lovelace@@example.com";
    let payload = json!({"externalId": "u", "email": secret});
    let hidden = Validator::new(Format::Sequence).validate(&payload);
    assert_eq!(hidden.issues.len(), 1);
    assert!(!hidden.issues[0].message.contains(secret));
    let shown = Validator::new(Format::Sequence)
        .with_options(ValidateOptions::new().show_values(true))
        .validate(&payload);
    assert!(
        shown.issues[0].message.contains(secret),
        "{}",
        shown.issues[0].message
    );
}

/// Warnings that stand for rules the vendor's docs do not state say so.
#[test]
fn unconfirmed_rule_warnings_say_so() {
    for (format, payload) in [
        (Format::HelpScout, json!({"gender": "Male"})),
        (
            Format::HelpScout,
            json!({"emails": [{"type": "personal", "value": "a@example.com"}]}),
        ),
        (Format::HelpScout, json!({"emails": [{"type": "work"}]})),
        (Format::HelpScout, json!({"address": {"city": "Dallas"}})),
        (Format::HelpScout, json!({"organizationId": "35"})),
        (Format::Sequence, json!({"externalId": "e".repeat(256)})),
        (
            Format::Bird,
            json!({"displayName": "d", "identifiers": [{"key": "k".repeat(65), "value": "v"}]}),
        ),
        (
            Format::Bird,
            json!({"displayName": "d", "attributes": {"has space": 1}}),
        ),
        (
            Format::Intercom,
            json!({"email": "a@example.com", "custom_attributes": {"a.b": 1}}),
        ),
        (
            Format::Intercom,
            json!({"email": "a@example.com", "custom_attributes": {"x": "v".repeat(256)}}),
        ),
        (
            Format::Intercom,
            json!({"email": "a@example.com", "custom_attributes": {"paid_at": "2024-05-01"}}),
        ),
    ] {
        let report = validate(format, &payload);
        assert_eq!(
            report.issues.len(),
            1,
            "{} {payload}: {report}",
            format.id()
        );
        let issue = &report.issues[0];
        assert_eq!(issue.severity, Severity::Warning, "{issue}");
        let m = issue.message.to_lowercase();
        assert!(
            m.contains("do not state"),
            "{} {}: the message does not say the docs do not state the rule: {}",
            format.id(),
            issue.path,
            issue.message
        );
    }
}

/// An empty id is no id (docs/RULES.md#ids), and of a member repeated in the text the last
/// occurrence counts, as in a parsed value: the text and the value agree on whether the rule
/// "email or external_id when role is user" is met.
#[test]
fn the_last_of_a_repeated_id_decides_whether_there_is_one() {
    let required_at_root = |report: &contactkit::Report| {
        report
            .issues
            .iter()
            .any(|i| i.path.is_empty() && i.code == Code::Required)
    };
    let v = Validator::new(Format::Intercom);
    for (text, missing) in [
        (
            r#"{"role": "user", "external_id": "", "external_id": "u-1"}"#,
            false,
        ),
        (
            r#"{"role": "user", "external_id": "u-1", "external_id": ""}"#,
            true,
        ),
    ] {
        let value: Value = serde_json::from_str(text).expect("JSON");
        assert_eq!(required_at_root(&v.validate_str(text)), missing, "{text}");
        assert_eq!(required_at_root(&v.validate(&value)), missing, "{text}");
    }
}

/// Each finding states its rule's terms in `params` (for a UI that phrases or translates it):
/// the limit and the length, the accepted values, the format, the expected types, the place of
/// a syntax error; never a value of the record.
#[test]
fn findings_state_their_terms_in_params() {
    use contactkit::validate_str;
    let report = validate(
        Format::HelpScout,
        &serde_json::json!({
            "firstName": "ž".repeat(41),
            "lastName": 7,
            "gender": "robot",
            "emails": [{ "type": "work", "value": "not an address" }]
        }),
    );
    let params = |path: &str| crate::support::params_at(&report, path);
    let long = params("/firstName");
    assert_eq!((long.limit, long.length), (Some(40), Some(41)));
    assert_eq!(params("/lastName").expected, ["string"]);
    assert_eq!(params("/gender").allowed, ["male", "female", "unknown"]);
    assert_eq!(params("/emails/0/value").format, Some("email"));
    let text = validate_str(Format::HelpScout, "{\n  \"firstName\": }");
    let syntax = text.issues[0].params.as_deref().copied().expect("params");
    assert_eq!((syntax.line, syntax.column), (Some(2), Some(16)));
    for issue in &report.issues {
        let shown = format!("{:?}", issue.params);
        assert!(
            !shown.contains("robot") && !shown.contains("not an address"),
            "{shown}"
        );
    }
}
