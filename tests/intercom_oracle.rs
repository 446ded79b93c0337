//! The Intercom oracle: whatever contactkit considers a valid Intercom payload must also satisfy
//! `create_contact_request` of Intercom's own OpenAPI description (REST API 2.15), kept in
//! `vendor-specs/intercom-2.15-contacts.json` (loaded by `tests/vendor_spec/mod.rs`).
//!
//! The OpenAPI 3.0 schema object is turned into a JSON Schema (draft 2020-12) by mapping
//! `nullable: true` to a type union with `"null"` (and adding `null` to an `enum`); OpenAPI's
//! `example` annotations are dropped. The oracle is independent of contactkit's rule tables:
//! contactkit is stricter (email and URL formats, the role enum, the role=user rule, scalar
//! custom attributes), never looser.

use std::sync::OnceLock;

use contactkit::{Format, Validator};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Value};
use vendor_spec::{from_openapi, intercom_json_schema, intercom_spec};

mod vendor_spec;

fn oracle() -> &'static jsonschema::Validator {
    static ORACLE: OnceLock<jsonschema::Validator> = OnceLock::new();
    ORACLE.get_or_init(|| {
        let schema = intercom_json_schema("create_contact_request");
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("create_contact_request compiles")
    })
}

fn contactkit_valid(payload: &Value) -> bool {
    Validator::new(Format::Intercom)
        .validate(payload)
        .is_valid()
}

fn oracle_errors(oracle: &jsonschema::Validator, payload: &Value) -> Vec<String> {
    oracle
        .iter_errors(payload)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn nullable_mapping() {
    let converted = from_openapi(&intercom_spec()["create_contact_request"]);
    assert_eq!(
        converted["properties"]["phone"]["type"],
        json!(["string", "null"])
    );
    assert_eq!(converted["properties"]["email"]["type"], json!("string"));
    assert_eq!(
        converted["properties"]["custom_attributes"]["type"],
        json!(["object", "null"])
    );
    assert!(converted["properties"]["phone"].get("nullable").is_none());
    // Every `nullable` at every depth of the three schemas is mapped (none is left behind
    // under a member the mapping does not descend into).
    fn count_nullable(v: &Value) -> usize {
        match v {
            Value::Object(m) => {
                usize::from(m.contains_key("nullable"))
                    + m.values().map(count_nullable).sum::<usize>()
            }
            Value::Array(a) => a.iter().map(count_nullable).sum(),
            _ => 0,
        }
    }
    for name in ["create_contact_request", "contact", "error"] {
        assert!(
            count_nullable(&intercom_spec()[name]) > 0 || name == "error",
            "{name}"
        );
        assert_eq!(count_nullable(&intercom_json_schema(name)), 0, "{name}");
    }
}

/// The oracle is not vacuous: it rejects what the spec forbids, and accepts `null` where the
/// spec says `nullable`.
#[test]
fn oracle_checks_the_spec_rules() {
    let oracle = oracle();
    for payload in [
        json!({}),
        json!({"name": "Ada"}),
        json!({"email": 5}),
        json!({"email": "ada@example.com", "signed_up_at": "2024-05-01"}),
        json!({"email": "ada@example.com", "owner_id": 1.5}),
        json!({"email": "ada@example.com", "custom_attributes": [1]}),
        json!({"email": null}),
        json!({"role": "user", "unsubscribed_from_emails": "yes"}),
    ] {
        assert!(!oracle.is_valid(&payload), "the oracle accepts {payload}");
    }
    for payload in [
        json!({"email": "ada@example.com", "phone": null, "name": null, "avatar": null,
               "signed_up_at": null, "last_seen_at": null, "owner_id": null,
               "unsubscribed_from_emails": null, "custom_attributes": null}),
        json!({"role": "lead"}),
        json!({"external_id": "u-1"}),
    ] {
        assert!(
            oracle.is_valid(&payload),
            "the oracle rejects {payload}: {:?}",
            oracle_errors(oracle, &payload)
        );
    }
}

/// The spec's own example request validates everywhere, without any finding.
#[test]
fn spec_example_request_is_valid() {
    let example = intercom_spec()["examples"]["create_request"].clone();
    assert!(example.is_object(), "the spec has an example request");
    let oracle = oracle();
    assert!(
        oracle.is_valid(&example),
        "{:?}",
        oracle_errors(oracle, &example)
    );
    let report = Validator::new(Format::Intercom).validate(&example);
    assert!(report.is_empty(), "{report}");
}

/// Every Intercom fixture that contactkit accepts (without definitions) satisfies the oracle,
/// and so does every valid record of the bundled example data.
#[test]
fn valid_fixtures_and_examples_satisfy_the_oracle() {
    let oracle = oracle();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut payloads: Vec<(String, Value)> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(root.join("tests/fixtures/intercom"))
        .expect("intercom fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for path in files {
        let fixture: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("JSON");
        let payload = match &fixture["payload"] {
            Value::String(raw) => match serde_json::from_str(raw) {
                Ok(v) => v,
                Err(_) => continue,
            },
            v => v.clone(),
        };
        payloads.push((path.display().to_string(), payload));
    }
    let examples = root.join("examples/data/intercom.ndjson");
    if let Ok(text) = std::fs::read_to_string(&examples) {
        for (i, line) in text.lines().enumerate() {
            if let Ok(v) = serde_json::from_str::<Value>(line) {
                payloads.push((format!("{}:{}", examples.display(), i + 1), v));
            }
        }
    }
    let mut checked = 0;
    let mut failures = Vec::new();
    for (name, payload) in &payloads {
        if !contactkit_valid(payload) {
            continue;
        }
        checked += 1;
        if !oracle.is_valid(payload) {
            failures.push(format!(
                "{name}: {payload}: {:?}",
                oracle_errors(oracle, payload)
            ));
        }
    }
    assert!(checked >= 25, "only {checked} valid payloads checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// Generated payloads: mostly valid Intercom bodies, with the edges contactkit accepts (warnings
// such as unknown fields, legacy custom-attribute limits) and some it rejects.

fn maybe(
    name: &'static str,
    pct: u32,
    value: BoxedStrategy<Value>,
) -> BoxedStrategy<Option<(String, Value)>> {
    prop_oneof![
        (100 - pct).max(1) => Just(None),
        pct.max(1) => value.prop_map(move |v| Some((name.to_owned(), v))),
    ]
    .boxed()
}

fn pick(values: Vec<Value>) -> BoxedStrategy<Value> {
    select(values).boxed()
}

fn text() -> BoxedStrategy<Value> {
    "\\PC{0,16}".prop_map(Value::String).boxed()
}

fn payload() -> BoxedStrategy<Value> {
    let scalar = prop_oneof![
        text(),
        pick(vec![
            json!(1),
            json!(155.5),
            json!(true),
            Value::Null,
            json!(-3),
            json!(1e10)
        ]),
    ];
    let custom = proptest::collection::vec(
        (
            select(vec![
                "plan",
                "team.mates",
                "price$",
                "trial_ends_at",
                "monthly_spend",
            ]),
            prop_oneof![9 => scalar.boxed(), 1 => pick(vec![json!({"a": 1}), json!([1])])],
        ),
        0..4,
    )
    .prop_map(|kvs| Value::Object(kvs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()));
    let members = vec![
        maybe(
            "role",
            50,
            pick(vec![json!("user"), json!("lead"), json!("admin")]),
        ),
        maybe("external_id", 50, text()),
        maybe(
            "email",
            60,
            pick(vec![
                json!("ada@example.com"),
                json!("o'neil@example.ie"),
                json!("x@localhost"),
                json!("not an email"),
            ]),
        ),
        maybe("phone", 30, prop_oneof![text(), Just(Value::Null)].boxed()),
        maybe("name", 30, prop_oneof![text(), Just(Value::Null)].boxed()),
        maybe(
            "avatar",
            30,
            pick(vec![
                json!("https://www.example.com/avatar_image.jpg"),
                json!("http://[::1]:8080/a.png"),
                Value::Null,
                json!("avatar.png"),
            ]),
        ),
        maybe(
            "signed_up_at",
            30,
            pick(vec![
                json!(1_571_672_154),
                json!(0),
                json!(-1),
                json!(1.0e9),
                Value::Null,
                json!(1.5),
            ]),
        ),
        maybe(
            "last_seen_at",
            30,
            pick(vec![
                json!(1_571_672_154),
                json!(i64::MAX),
                Value::Null,
                json!("2024-05-01"),
            ]),
        ),
        maybe(
            "owner_id",
            30,
            pick(vec![json!(123), Value::Null, json!("123")]),
        ),
        maybe(
            "unsubscribed_from_emails",
            30,
            pick(vec![json!(true), json!(false), Value::Null]),
        ),
        maybe(
            "custom_attributes",
            40,
            prop_oneof![4 => custom.boxed(), 1 => Just(Value::Null)].boxed(),
        ),
        maybe("email_verified", 5, pick(vec![json!(true)])),
        maybe("tags", 5, pick(vec![json!(["vip"])])),
    ];
    members
        .prop_map(|ms| Value::Object(ms.into_iter().flatten().collect()))
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// Valid for contactkit ⇒ valid for Intercom's own request schema.
    #[test]
    fn generated_valid_payloads_satisfy_the_oracle(payload in payload()) {
        if contactkit_valid(&payload) {
            let oracle = oracle();
            prop_assert!(
                oracle.is_valid(&payload),
                "contactkit accepts {} but create_contact_request does not: {:?}",
                payload,
                oracle_errors(oracle, &payload)
            );
        }
    }
}

/// The generator must produce plenty of payloads that contactkit accepts, or the property above
/// would check little.
#[test]
fn generator_produces_valid_payloads() {
    use proptest::strategy::ValueTree;
    let strategy = payload();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let n = 1000;
    let valid = (0..n)
        .filter(|_| {
            let p = strategy.new_tree(&mut runner).expect("generate").current();
            contactkit_valid(&p)
        })
        .count();
    assert!(
        valid >= n / 4,
        "only {valid} of {n} generated payloads are valid"
    );
}
