//! Privacy of messages: no finding message and no conversion note repeats a value of the
//! record, unless the caller asks for it (`ValidateOptions::show_values`).
//!
//! Every value below carries a distinctive token (`zqx7v…`). Poisoned records break every rule
//! of every format's table (generated from the form metadata, so a rule added later is
//! covered) and the rules checked in code (custom attributes, Help Scout properties, Bird
//! identifiers, account definitions). Valid records full of tokens go through all 25
//! conversions, strict and lenient, so that every kind of note is made.
//!
//! Member NAMES are different: a finding's path must name the member it is about, so paths
//! contain keys, custom attribute keys and property slugs included (SECURITY.md). Keys here
//! carry a `zqx7k` token, which may appear in paths and nowhere else.

use crate::support::corpus;

#[cfg(feature = "convert")]
use contactkit::{convert, ConvertOptions, Note};
use contactkit::{validate, Code, FormField, Format, Issue, ValidateOptions, Validator};
use serde_json::{json, Value};

const VALUE_TOKEN: &str = "zqx7v";
const KEY_TOKEN: &str = "zqx7k";

/// No message mentions a value token or a key token; no path mentions a value token.
fn assert_private(context: &str, issues: &[Issue]) {
    for issue in issues {
        assert_private_at(context, &issue.path, &issue.message, issue);
    }
}

/// [`assert_private`] for the notes of a conversion.
#[cfg(feature = "convert")]
fn assert_private_notes(context: &str, notes: &[Note]) {
    for note in notes {
        assert_private_at(context, &note.path, &note.message, note);
    }
}

/// The message of `item` (a finding or a note) mentions no token, its path no value token.
fn assert_private_at(context: &str, path: &str, message: &str, item: &dyn std::fmt::Debug) {
    assert!(
        !message.contains(VALUE_TOKEN) && !message.contains(KEY_TOKEN),
        "{context}: the message of {item:?} repeats data"
    );
    assert!(
        !path.contains(VALUE_TOKEN),
        "{context}: the path of {item:?} contains a value"
    );
}

/// One step from a form field down to the value: a member, or the first item of an array.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    First,
}

/// Every string field of a form (nested ones included), with the steps that reach it.
fn string_fields(fields: &[FormField], prefix: &[Step], out: &mut Vec<(Vec<Step>, FormField)>) {
    for f in fields {
        let mut steps = prefix.to_vec();
        steps.push(Step::Key(f.name.clone()));
        if f.json_type == contactkit::FieldType::String {
            out.push((steps.clone(), f.clone()));
        }
        if let Some(sub) = &f.fields {
            let mut inner = steps.clone();
            if f.json_type == contactkit::FieldType::Array {
                inner.push(Step::First);
            }
            string_fields(sub, &inner, out);
        }
        if let Some(item) = &f.item {
            let mut inner = steps.clone();
            inner.push(Step::First);
            if item.json_type == contactkit::FieldType::String {
                out.push((inner, (**item).clone()));
            }
        }
    }
}

fn build(steps: &[Step], leaf: Value) -> Value {
    steps.iter().rev().fold(leaf, |v, step| match step {
        Step::Key(k) => json!({ k.as_str(): v }),
        Step::First => json!([v]),
    })
}

fn pointer(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|s| match s {
            Step::Key(k) => format!("/{k}"),
            Step::First => "/0".to_owned(),
        })
        .collect()
}

/// A value that breaks the field's rule and carries `token`, or `None` for a free string.
fn poison(field: &FormField, token: &str) -> Option<Value> {
    if field.enum_values.is_some() || field.format.is_some() || field.pattern.is_some() {
        // Not in any list, not an address, URL, date, UUID, phone number or slug.
        return Some(Value::from(format!("{token} is (not) valid!")));
    }
    let max = field.max_length? as usize;
    let pad = (max + 1).saturating_sub(token.chars().count());
    Some(Value::from(format!("{token}{}", "x".repeat(pad))))
}

/// A finding the poisoned value must produce: its code, and whether `show_values` shows it.
fn shows_value(code: Code) -> bool {
    matches!(
        code,
        Code::Format | Code::Enum | Code::Pattern | Code::Reserved
    )
}

#[test]
fn no_rule_of_any_format_repeats_the_value() {
    let mut checked = 0;
    for format in Format::ALL {
        let mut fields = Vec::new();
        string_fields(contactkit::form_fields(format), &[], &mut fields);
        for (i, (steps, field)) in fields.iter().enumerate() {
            let token = format!("{VALUE_TOKEN}-{}-{i}", format.id());
            let Some(value) = poison(field, &token) else {
                continue;
            };
            let record = build(steps, value);
            let path = pointer(steps);
            let context = format!("{format} {path}");
            for report in [
                validate(format, &record),
                Validator::new(format).validate_str(&record.to_string()),
            ] {
                // The rule fired: a finding at the field.
                let at: Vec<&Issue> = report.issues.iter().filter(|x| x.path == path).collect();
                assert!(!at.is_empty(), "{context}: no finding for {record}");
                assert_private(&context, &report.issues);
                checked += 1;
            }
            // Asked for, the value is shown for format, enum, pattern and reserved findings.
            let shown = Validator::new(format)
                .with_options(ValidateOptions::new().show_values(true))
                .validate(&record);
            for issue in shown.issues.iter().filter(|x| x.path == path) {
                assert_eq!(
                    issue.message.contains(&token),
                    shows_value(issue.code),
                    "{context}: show_values and {issue:?}"
                );
            }
        }
    }
    assert!(checked > 60, "only {checked} rules checked");
}

/// Records that break the rules checked in code rather than by the tables.
fn poisoned_by_hand() -> Vec<(Format, Value, Vec<&'static str>)> {
    let long = |token: &str, n: usize| format!("{token}{}", "y".repeat(n));
    vec![
        (
            Format::Intercom,
            json!({
                "email": "zqx7v-not-an-address",
                "role": "zqx7v-role",
                "avatar": "zqx7v:avatar",
                "custom_attributes": {
                    "zqx7k.dotted": "zqx7v-a",
                    "zqx7k_obj": {"inner": "zqx7v-b"},
                    "zqx7k_list": ["zqx7v-c"],
                    "zqx7k_at": "zqx7v-d",
                    "zqx7k_long": long("zqx7v-e", 300),
                }
            }),
            vec![
                "/email",
                "/role",
                "/avatar",
                "/custom_attributes/zqx7k.dotted",
                "/custom_attributes/zqx7k_obj",
                "/custom_attributes/zqx7k_list",
                "/custom_attributes/zqx7k_at",
                "/custom_attributes/zqx7k_long",
            ],
        ),
        (
            Format::Bird,
            json!({
                "displayName": long("zqx7v-name", 200),
                "identifiers": [
                    {"key": "emailaddress", "value": "zqx7v@@example"},
                    {"key": "phonenumber", "value": "zqx7v-555"},
                    {"key": long("zqx7v-key", 70), "value": long("zqx7v-value", 600)},
                    {"key": "emailaddress", "value": "zqx7v@@example"},
                ],
                "attributes": {
                    "zqx7k bad key": "zqx7v-f",
                    "zqx7k_obj": {"x": "zqx7v-g"},
                    "zqx7k_empty": [],
                    "zqx7k_nested": [["zqx7v-h"]],
                },
                "listIds": ["zqx7v-not-a-uuid", "zqx7v-not-a-uuid"],
                "accountIds": ["zqx7v-acct"],
            }),
            vec![
                "/displayName",
                "/identifiers/0/value",
                "/identifiers/1/value",
                "/identifiers/2/key",
                "/identifiers/2/value",
                "/identifiers/3",
                "/attributes/zqx7k bad key",
                "/attributes/zqx7k_obj",
                "/attributes/zqx7k_empty",
                "/attributes/zqx7k_nested/0",
                "/listIds/0",
                "/listIds/1",
                "/accountIds/0",
            ],
        ),
        (
            Format::HelpScout,
            json!({
                "properties": [
                    {"slug": "zqx7v slug!", "value": "zqx7v-1"},
                    {"slug": "email", "value": long("zqx7v-2", 300)},
                    {"slug": "ok", "value": {"zqx7k": "zqx7v-3"}},
                    {"slug": "ok", "value": 1.5},
                    {"slug": "zqx7v-4", "zqx7k_extra": "zqx7v-5"},
                ]
            }),
            vec![
                "/properties/0/slug",
                "/properties/1/slug",
                "/properties/1/value",
                "/properties/2/value",
                "/properties/3/slug",
                "/properties/3/value",
                "/properties/4/value",
                "/properties/4/zqx7k_extra",
            ],
        ),
        (
            Format::HelpScout,
            json!({ "properties": { "zqx7k bad slug": "zqx7v-6", "jobTitle": "zqx7v-7" } }),
            vec!["/properties/zqx7k bad slug", "/properties/jobTitle"],
        ),
        (
            Format::Sequence,
            json!({
                "externalId": long("zqx7v-id", 300),
                "signedUpAt": "zqx7v-2024-13-45",
                "lastSeenAt": "2024-02-30T10:00:00Zzqx7v",
                "zqx7k_custom": {"deep": ["zqx7v-custom"]},
            }),
            vec!["/externalId", "/signedUpAt", "/lastSeenAt"],
        ),
    ]
}

#[test]
fn rules_checked_in_code_do_not_repeat_values_either() {
    for (format, record, paths) in poisoned_by_hand() {
        for report in [
            validate(format, &record),
            Validator::new(format).validate_str(&record.to_string()),
        ] {
            for path in &paths {
                assert!(
                    report.issues.iter().any(|i| i.path == *path),
                    "{format}: no finding at {path}: {:?}",
                    report.issues
                );
            }
            assert_private(format.id(), &report.issues);
        }
    }
}

#[test]
fn checks_against_account_definitions_do_not_repeat_values() {
    let options = ValidateOptions::new().definitions(corpus::definitions());
    let cases = [
        (
            Format::HelpScout,
            json!({"properties": [
                {"slug": "seats", "value": "zqx7v-many"},
                {"slug": "site", "value": "zqx7v not a url"},
                {"slug": "since", "value": "zqx7v-2024"},
                {"slug": "bio", "value": format!("zqx7v{}", "b".repeat(300))},
                {"slug": "tier", "value": "zqx7v-platinum"},
                {"slug": "undefined", "value": "zqx7v-u"},
            ]}),
            vec![
                ("/properties/0/value", false),
                ("/properties/1/value", true),
                ("/properties/2/value", true),
                ("/properties/3/value", false),
                ("/properties/4/value", true),
                ("/properties/5/value", false),
            ],
        ),
        (
            Format::Intercom,
            json!({"email": "a@example.com", "custom_attributes": {
                "plan": "zqx7v-enterprise", "seats": "zqx7v-3", "renewal_at": "zqx7v-soon",
                "zqx7k_undefined": "zqx7v-u",
            }}),
            vec![
                ("/custom_attributes/plan", true),
                ("/custom_attributes/seats", false),
                ("/custom_attributes/renewal_at", false),
                ("/custom_attributes/zqx7k_undefined", false),
            ],
        ),
        (
            Format::Bird,
            json!({"displayName": "A", "attributes": {
                "birthday": "zqx7v-yesterday", "score": "zqx7v-high", "tags": ["zqx7v", 1, {}],
            }}),
            vec![
                ("/attributes/birthday", true),
                ("/attributes/score", false),
                ("/attributes/tags/2", false),
            ],
        ),
    ];
    for (format, record, expected) in cases {
        let hidden = Validator::new(format)
            .with_options(options.clone())
            .validate(&record);
        assert_private(format.id(), &hidden.issues);
        let shown = Validator::new(format)
            .with_options(options.clone().show_values(true))
            .validate(&record);
        for (path, value_shown) in expected {
            let hidden_at: Vec<&Issue> = hidden.issues.iter().filter(|i| i.path == path).collect();
            assert!(!hidden_at.is_empty(), "{format}: no finding at {path}");
            let shown_at: Vec<&Issue> = shown.issues.iter().filter(|i| i.path == path).collect();
            assert_eq!(
                shown_at.iter().any(|i| i.message.contains(VALUE_TOKEN)),
                value_shown,
                "{format} {path}: {shown_at:?}"
            );
        }
    }
}

/// Valid records of every vendor format, every value carrying a token (some longer than other
/// formats allow, so that lenient mode truncates and drops).
#[cfg(feature = "convert")]
fn rich_records() -> Vec<(Format, Value)> {
    let long_name = format!("Zqx7vname{}", "n".repeat(60));
    vec![
        (
            Format::Sequence,
            json!({
                "externalId": "zqx7v-ext", "intercomId": "zqx7v-ic", "industry": "zqx7v-ind",
                "companyName": "zqx7v-company", "websiteUrl": "https://example.com/zqx7v",
                "title": format!("zqx7v-title{}", "t".repeat(80)), "city": "zqx7v-city",
                "region": "zqx7v-region", "country": "zqx7v-country", "os": "zqx7v-os",
                "browserLanguage": "zqx7v-lang", "browserVersion": "zqx7v-bv",
                "browser": "zqx7v-browser", "lastSeenAt": "2024-01-02T03:04:05+02:00",
                "signedUpAt": "2023-12-31", "phone": "zqx7v-phone",
                "photo": "https://example.com/zqx7v.png", "email": "zqx7v@example.com",
                "firstName": long_name, "lastName": "Zqx7vlast",
                "plan": "zqx7v-plan", "zqx7k_custom": "zqx7v-custom",
            }),
        ),
        (
            Format::Intercom,
            json!({
                "role": "user", "external_id": "zqx7v-ext", "email": "zqx7v@example.com",
                "phone": "zqx7v-phone", "name": format!("Zqx7v {long_name} Lovelace"),
                "avatar": "https://example.com/zqx7v.png", "signed_up_at": 1_700_000_000,
                "last_seen_at": 1_700_000_100, "owner_id": 7, "unsubscribed_from_emails": true,
                "custom_attributes": {"plan": "zqx7v-plan", "zqx7k.dotted": "zqx7v-x", "n": 3},
            }),
        ),
        (
            Format::Bird,
            json!({
                "displayName": format!("Zqx7v {long_name}"),
                "identifiers": [
                    {"key": "emailaddress", "value": "zqx7v@example.com"},
                    {"key": "emailaddress", "value": "zqx7v.second@example.com"},
                    {"key": "phonenumber", "value": "+15550001111"},
                    {"key": "zqx7vcustom", "value": "zqx7v-idv"},
                ],
                "attributes": {"firstName": long_name, "lastName": "zqx7v-l",
                               "zqx7k_attr": "zqx7v-a", "zqx7k_list": ["zqx7v-1", 2]},
                "listIds": ["0f8fad5b-d9cb-469f-a165-70867728950e"],
                "companyRefs": ["zqx7v-ref"],
                "zqx7k_other": "zqx7v-other",
            }),
        ),
        (
            Format::HelpScout,
            json!({
                "firstName": "Zqx7vfirst", "lastName": "Zqx7vlast", "phone": "zqx7v-phone",
                "photoUrl": "https://example.com/zqx7v.png", "photoType": "gravatar",
                "jobTitle": "zqx7v-job", "background": "zqx7v-bg", "location": "zqx7v-loc",
                "organization": "zqx7v-org", "organizationId": 35, "gender": "female",
                "age": "zqx7v-age",
                "emails": [{"type": "work", "value": "zqx7v@example.com"},
                           {"type": "home", "value": "zqx7v.2@example.com"}],
                "phones": [{"type": "work", "value": "zqx7v-ph"}, {"type": "fax", "value": "+15550001111"}],
                "chats": [{"type": "skype", "value": "zqx7v-chat"}],
                "socialProfiles": [{"type": "twitter", "value": "zqx7v-tw"}],
                "websites": [{"value": "https://example.com/zqx7v"}],
                "address": {"city": "zqx7v-c", "state": "zqx7v-s", "postalCode": "zqx7v-pc",
                            "country": "US", "lines": ["zqx7v-line"]},
                "properties": [{"slug": "zqx7k-slug", "value": "zqx7v-pv"}],
            }),
        ),
    ]
}

#[cfg(feature = "convert")]
#[test]
fn conversions_in_all_directions_do_not_repeat_values_in_notes_or_findings() {
    let mut records = rich_records();
    // A canonical record: everything the Help Scout and Intercom ones hold.
    let to_canonical = |from: Format, record: &Value| {
        convert(from, Format::Canonical, record, &ConvertOptions::new())
            .expect("converts to canonical")
            .payload
    };
    let mut canonical = to_canonical(Format::HelpScout, &records[3].1);
    let intercom = to_canonical(Format::Intercom, &records[1].1);
    for (k, v) in intercom.as_object().expect("object") {
        canonical
            .as_object_mut()
            .expect("object")
            .entry(k.clone())
            .or_insert(v.clone());
    }
    records.push((Format::Canonical, canonical));
    // Without a name, Bird's displayName is derived (from the email address).
    records.push((
        Format::Sequence,
        json!({"externalId": "zqx7v-only", "email": "zqx7v@example.com", "Zqx7k Key!": "zqx7v-k"}),
    ));
    records.push((
        Format::HelpScout,
        json!({"gender": "Male", "emails": [{"value": "zqx7v@example.com"}]}),
    ));

    let mut notes_seen = std::collections::HashSet::new();
    for (from, record) in &records {
        assert!(
            validate(*from, record).is_valid(),
            "{from}: {:?}",
            validate(*from, record).issues
        );
        for to in Format::ALL {
            for (lenient, normalize) in [(false, false), (true, false), (true, true)] {
                let options = ConvertOptions::new()
                    .lenient(lenient)
                    .normalize_custom_keys(normalize);
                let context = format!("{from} -> {to} (lenient: {lenient}, {normalize})");
                match convert(*from, to, record, &options) {
                    Ok(converted) => {
                        assert_private_notes(&context, &converted.notes);
                        notes_seen.extend(converted.notes.iter().map(|n| n.code));
                    }
                    Err(e) => assert_private(&context, &e.into_rejection().issues),
                }
            }
        }
    }
    // Every kind of note was made at least once, so every kind was checked.
    assert_eq!(notes_seen.len(), 7, "{notes_seen:?}");
}

#[cfg(feature = "convert")]
#[test]
fn rejections_do_not_repeat_values() {
    let mut poisoned: Vec<(Format, Value)> = poisoned_by_hand()
        .into_iter()
        .map(|(f, v, _)| (f, v))
        .collect();
    for format in Format::ALL {
        let mut fields = Vec::new();
        string_fields(contactkit::form_fields(format), &[], &mut fields);
        for (i, (steps, field)) in fields.iter().enumerate() {
            if let Some(value) = poison(field, &format!("{VALUE_TOKEN}{i}")) {
                poisoned.push((format, build(steps, value)));
            }
        }
    }
    for (from, record) in &poisoned {
        for to in Format::ALL {
            for lenient in [false, true] {
                let options = ConvertOptions::new().lenient(lenient);
                match convert(*from, to, record, &options) {
                    Ok(converted) => {
                        assert_private_notes(&format!("{from} -> {to}"), &converted.notes)
                    }
                    Err(e) => {
                        assert_private(&format!("{from} -> {to}"), &e.into_rejection().issues)
                    }
                }
            }
        }
    }
}
