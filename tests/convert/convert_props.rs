//! Properties of conversion, over canonical contacts built from valid parts:
//!
//! - for every vendor V, importing what V's exporter wrote gives back the contact restricted to
//!   what V can hold (`restrict_*` below state that restriction field by field);
//! - every successful conversion validates as its target (and Intercom payloads satisfy
//!   Intercom's own 2.15 `create_contact_request` schema), with note paths into source / target;
//! - converting A → B → A a second time changes nothing (idempotent after one pass);
//! - lenient mode changes nothing where strict mode succeeds.

use crate::support::convert as convert_support;
use crate::support::vocab;

use std::sync::OnceLock;

use contactkit::canonical::{Address, Contact, Email, Handle, Identifier, Phone};
use contactkit::{validate, ConvertOptions, Converted, Format, Rejection, Stage, Timestamp};

/// A conversion of a record, any error as the record's rejection (these properties convert
/// between create formats and the canonical contact, where no call is refused).
fn convert(
    from: Format,
    to: Format,
    record: &Value,
    options: &ConvertOptions,
) -> Result<Converted, Rejection> {
    contactkit::convert(from, to, record, options).map_err(contactkit::Error::into_rejection)
}
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const VENDORS: [Format; 4] = [
    Format::Sequence,
    Format::Intercom,
    Format::Bird,
    Format::HelpScout,
];

fn intercom_schema() -> &'static jsonschema::Validator {
    static SCHEMA: OnceLock<jsonschema::Validator> = OnceLock::new();
    SCHEMA.get_or_init(convert_support::intercom_request_schema)
}

// ---------------------------------------------------------------------------------------------
// Strategies: a canonical contact from valid parts.

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-z]{1,9}",
        Just("Zoë".to_owned()),
        Just("Ünal".to_owned()),
        Just("李".to_owned()),
        Just("Łukasz".to_owned()),
        Just("O'Brien".to_owned()),
        Just("😀".to_owned()),
    ]
}

fn words(max: usize) -> impl Strategy<Value = String> {
    (
        prop::collection::vec(word(), 1..=max),
        prop::sample::select(vec![" ", "  ", "\t"]),
    )
        .prop_map(|(w, sep)| w.join(sep))
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::string::string_regex(&format!("[A-Za-z0-9 ,.éü-]{{1,{max}}}")).expect("regex")
}

fn opt<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    prop::option::weighted(0.6, s)
}

fn kind(values: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
    opt(prop::sample::select(values).prop_map(str::to_owned))
}

fn emails() -> impl Strategy<Value = Vec<Email>> {
    prop::collection::btree_set(
        "[a-z]{1,8}(\\.[a-z]{1,5})?@[a-z]{2,8}\\.(com|org|example)",
        0..4,
    )
    .prop_flat_map(|set| {
        let n = set.len();
        (
            Just(set.into_iter().collect::<Vec<_>>()),
            prop::collection::vec(kind(&["work", "home", "other"]), n),
        )
    })
    .prop_map(|(values, kinds)| {
        values
            .into_iter()
            .zip(kinds)
            .map(|(value, kind)| Email { value, kind })
            .collect()
    })
}

/// International numbers, some written with separators; unique by their digits.
fn phones() -> impl Strategy<Value = Vec<Phone>> {
    prop::collection::btree_set("[1-9][0-9]{7,12}", 0..4)
        .prop_flat_map(|set| {
            let n = set.len();
            (
                Just(set.into_iter().collect::<Vec<_>>()),
                prop::collection::vec(any::<bool>(), n),
                prop::collection::vec(kind(vocab::HS_PHONE_TYPES), n),
            )
        })
        .prop_map(|(digits, spaced, kinds)| {
            digits
                .into_iter()
                .zip(spaced)
                .zip(kinds)
                .map(|((d, spaced), kind)| {
                    let value = if spaced {
                        let (a, b) = d.split_at(2);
                        format!("+{a} {b}")
                    } else {
                        format!("+{d}")
                    };
                    Phone { value, kind }
                })
                .collect()
        })
}

fn url() -> impl Strategy<Value = String> {
    "https://[a-z]{1,10}\\.example\\.com/[a-z0-9]{0,12}"
}

fn uuids() -> impl Strategy<Value = Vec<String>> {
    prop::collection::btree_set(
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        0..4,
    )
    .prop_map(|s| s.into_iter().collect())
}

fn handles(kinds: &'static [&'static str]) -> impl Strategy<Value = Vec<Handle>> {
    prop::collection::vec(
        (prop::sample::select(kinds), "[a-z0-9.]{1,12}").prop_map(|(kind, value)| Handle {
            kind: kind.to_owned(),
            value,
        }),
        0..3,
    )
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    prop_oneof![
        -62_167_219_200i64..=253_402_300_799,
        -3_000_000_000i64..3_000_000_000,
        Just(253_402_300_799),
        Just(-1),
    ]
    .prop_map(|s| Timestamp::from_unix_seconds(s).expect("in range"))
}

fn custom_key() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9_-]{0,15}",
        "[a-z]{1,6}[ .$][a-z]{1,6}",
        prop::sample::select(vec![
            "email",
            "name",
            "company",
            "jobTitle",
            "firstName",
            "displayName",
            "externalId",
            "title",
            "über",
        ])
        .prop_map(str::to_owned),
    ]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        "[a-z ]{0,12}".prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1000i32..1000).prop_map(|n| json!(f64::from(n) + 0.5)),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
    ]
}

fn custom_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => scalar(),
        1 => prop::collection::vec(scalar(), 0..3).prop_map(Value::from),
        1 => prop::collection::btree_map("[a-z]{1,4}", scalar(), 0..2)
            .prop_map(|m| Value::Object(m.into_iter().collect())),
    ]
}

prop_compose! {
    fn address()(
        lines in prop::collection::vec(text(30), 0..2),
        city in opt(text(20)),
        region in opt(text(20)),
        postal_code in opt("[0-9]{5}"),
        country in opt("[A-Z]{2}"),
    ) -> Address {
        Address { lines, city, region, postal_code, country }
    }
}

prop_compose! {
    fn names()(
        full_name in opt(words(3)),
        first_name in opt(word()),
        last_name in opt(words(2)),
    ) -> (Option<String>, Option<String>, Option<String>) {
        (full_name, first_name, last_name)
    }
}

prop_compose! {
    /// Ids, names, emails, phones and custom attributes.
    fn identity()(
        external_id in opt("[a-z0-9-]{1,12}"),
        (full_name, first_name, last_name) in names(),
        emails in emails(),
        phones in phones(),
        role in kind(&["user", "lead"]),
        custom in prop::collection::vec((custom_key(), custom_value()), 0..6),
    ) -> Contact {
        Contact {
            external_id,
            full_name,
            first_name,
            last_name,
            emails,
            phones,
            role,
            custom_attributes: custom.into_iter().collect(),
            ..Contact::default()
        }
    }
}

prop_compose! {
    /// Work, address and profile fields.
    fn profile()(
        (photo_url, photo_type) in (opt(url()), kind(&["unknown", "gravatar", "twitter", "linkedin", "instagram"])),
        (job_title, organization, organization_id, industry) in
            (opt(text(60)), opt(text(60)), opt(any::<i64>()), opt(text(20))),
        (address, location, websites) in (opt(address()), opt(text(60)), prop::collection::vec(url(), 0..3)),
        (gender, age, notes) in (kind(&["male", "female", "unknown"]), opt("[0-9]{2}-[0-9]{2}"), opt(text(200))),
        chats in handles(&["aim", "skype", "xmpp", "other"]),
        social_profiles in handles(&["twitter", "forsquare", "foursquare", "linkedin"]),
    ) -> Contact {
        Contact {
            photo_url,
            photo_type,
            job_title,
            organization,
            organization_id,
            industry,
            address: address.filter(|a| !a.is_empty()),
            location,
            websites,
            gender,
            age,
            notes,
            chats,
            social_profiles,
            ..Contact::default()
        }
    }
}

prop_compose! {
    /// Activity, identifiers, lists and account fields.
    fn activity()(
        (signed_up_at, last_seen_at) in (opt(timestamp()), opt(timestamp())),
        (browser, browser_version, browser_language, os) in
            (opt(text(10)), opt("[0-9.]{1,6}"), opt("[a-z]{2}-[A-Z]{2}"), opt(text(10))),
        identifiers in prop::collection::btree_map(
            prop::sample::select(vec!["visitorid", "pushtoken", "crm-id"]), "[a-z0-9]{1,8}", 0..3),
        (list_ids, account_ids) in (uuids(), uuids()),
        (company_refs, tags) in (prop::collection::vec("[a-z]{1,8}", 0..2), prop::collection::vec("[a-z]{1,8}", 0..2)),
        (owner_id, unsubscribed_from_emails, intercom_id) in
            (opt(any::<i64>()), opt(any::<bool>()), opt("[0-9a-f]{24}")),
    ) -> Contact {
        Contact {
            signed_up_at,
            last_seen_at,
            browser,
            browser_version,
            browser_language,
            os,
            identifiers: identifiers
                .into_iter()
                .map(|(key, value)| Identifier { key: key.to_owned(), value })
                .collect(),
            list_ids,
            account_ids,
            company_refs,
            tags,
            owner_id,
            unsubscribed_from_emails,
            intercom_id,
            ..Contact::default()
        }
    }
}

/// A canonical contact from valid parts (three boxed groups keep the strategy's stack small).
fn contact() -> impl Strategy<Value = Contact> {
    (identity().boxed(), profile().boxed(), activity().boxed()).prop_map(|(a, p, x)| Contact {
        photo_url: p.photo_url,
        photo_type: p.photo_type,
        job_title: p.job_title,
        organization: p.organization,
        organization_id: p.organization_id,
        industry: p.industry,
        address: p.address,
        location: p.location,
        websites: p.websites,
        gender: p.gender,
        age: p.age,
        notes: p.notes,
        chats: p.chats,
        social_profiles: p.social_profiles,
        signed_up_at: x.signed_up_at,
        last_seen_at: x.last_seen_at,
        browser: x.browser,
        browser_version: x.browser_version,
        browser_language: x.browser_language,
        os: x.os,
        identifiers: x.identifiers,
        list_ids: x.list_ids,
        account_ids: x.account_ids,
        company_refs: x.company_refs,
        tags: x.tags,
        owner_id: x.owner_id,
        unsubscribed_from_emails: x.unsubscribed_from_emails,
        intercom_id: x.intercom_id,
        ..a
    })
}

// ---------------------------------------------------------------------------------------------
// What each vendor can hold, stated independently of the library.

/// Full name → first/last (docs/MAPPING.md, `fullName`).
fn split(full: &str) -> (Option<String>, Option<String>) {
    let t = full.trim();
    if t.is_empty() {
        return (None, None);
    }
    match t.find(char::is_whitespace) {
        None => (Some(t.to_owned()), None),
        Some(i) => {
            let rest = t[i..].trim_start();
            (
                Some(t[..i].to_owned()),
                (!rest.is_empty()).then(|| rest.to_owned()),
            )
        }
    }
}

/// First/last → full name (docs/MAPPING.md, `firstName`).
fn join(first: Option<&str>, last: Option<&str>) -> Option<String> {
    let parts: Vec<&str> = [first, last]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// First / last name for a vendor that holds only those (Sequence, Help Scout).
fn first_last_only(c: &mut Contact) {
    if c.first_name.is_none() && c.last_name.is_none() {
        if let Some(full) = &c.full_name {
            (c.first_name, c.last_name) = split(full);
        }
    }
    c.full_name = None;
}

fn keep_custom(c: &mut Contact, keep: impl Fn(&str, &Value) -> bool) {
    c.custom_attributes.retain(|k, v| keep(k, v));
}

fn is_scalar(v: &Value) -> bool {
    !(v.is_array() || v.is_object())
}

/// Sequence: one email, phone and website without kinds; city / region / country; no street,
/// postal code, photo type, organization id, free-text location, gender, age, notes, handles,
/// identifiers, lists, tags, role, owner, opt-out; custom attributes under any key that is not a
/// documented field.
fn restrict_sequence(c: &Contact) -> Contact {
    let mut r = Contact {
        external_id: c.external_id.clone(),
        intercom_id: c.intercom_id.clone(),
        industry: c.industry.clone(),
        organization: c.organization.clone(),
        websites: c.websites.iter().take(1).cloned().collect(),
        job_title: c.job_title.clone(),
        address: c
            .address
            .as_ref()
            .map(|a| Address {
                city: a.city.clone(),
                region: a.region.clone(),
                country: a.country.clone(),
                ..Address::default()
            })
            .filter(|a| !a.is_empty()),
        os: c.os.clone(),
        browser_language: c.browser_language.clone(),
        browser_version: c.browser_version.clone(),
        browser: c.browser.clone(),
        last_seen_at: c.last_seen_at,
        signed_up_at: c.signed_up_at,
        phones: first_without_kind(&c.phones, |p| &mut p.kind),
        photo_url: c.photo_url.clone(),
        emails: first_without_kind(&c.emails, |e| &mut e.kind),
        first_name: c.first_name.clone(),
        last_name: c.last_name.clone(),
        full_name: c.full_name.clone(),
        custom_attributes: c.custom_attributes.clone(),
        ..Contact::default()
    };
    first_last_only(&mut r);
    keep_custom(&mut r, |k, _| {
        !k.is_empty() && !vocab::SEQUENCE_STRING_MEMBERS.contains(&k)
    });
    r
}

/// The first of a contact's emails or phones, without its kind (the targets that keep one).
fn first_without_kind<T: Clone>(items: &[T], kind: fn(&mut T) -> &mut Option<String>) -> Vec<T> {
    let mut first: Vec<T> = items.iter().take(1).cloned().collect();
    for item in &mut first {
        *kind(item) = None;
    }
    first
}

/// Intercom: role (a lead when there is neither email nor external id), external id, one email
/// and phone without kinds, one full name (first and last joined when there is none), avatar,
/// the two timestamps, owner and opt-out; custom attributes with keys of 1 to 190 characters
/// without '.' or '$' and scalar values.
fn restrict_intercom(c: &Contact) -> Contact {
    let role = c
        .role
        .clone()
        .or_else(|| (c.emails.is_empty() && c.external_id.is_none()).then(|| "lead".to_owned()));
    let mut r = Contact {
        role,
        external_id: c.external_id.clone(),
        emails: first_without_kind(&c.emails, |e| &mut e.kind),
        phones: first_without_kind(&c.phones, |p| &mut p.kind),
        full_name: c
            .full_name
            .clone()
            .or_else(|| join(c.first_name.as_deref(), c.last_name.as_deref())),
        photo_url: c.photo_url.clone(),
        signed_up_at: c.signed_up_at,
        last_seen_at: c.last_seen_at,
        owner_id: c.owner_id,
        unsubscribed_from_emails: c.unsubscribed_from_emails,
        custom_attributes: c.custom_attributes.clone(),
        ..Contact::default()
    };
    keep_custom(&mut r, |k, v| {
        !k.is_empty() && k.chars().count() <= 190 && !k.contains(['.', '$']) && is_scalar(v)
    });
    r
}

/// A number Bird accepts: written without separators when that gives `+` and digits.
fn bird_phone(value: &str) -> String {
    let compact: String = value.chars().filter(|c| *c != ' ').collect();
    if value.starts_with('+') && compact[1..].chars().all(|c| c.is_ascii_digit()) {
        compact
    } else {
        value.to_owned()
    }
}

/// Bird: the display name (full name; else first and last joined; else the first email, phone
/// or external id), first and last name, every email and phone without kinds, the external id,
/// other identifiers, list / account ids, company references; custom attributes with keys
/// `^[A-Za-z0-9_-]{1,64}$` other than the name attributes, and scalar or non-empty scalar-array
/// values.
fn restrict_bird(c: &Contact) -> Contact {
    let display = c
        .full_name
        .clone()
        .filter(|s| !s.is_empty())
        .or_else(|| join(c.first_name.as_deref(), c.last_name.as_deref()))
        .or_else(|| c.emails.first().map(|e| e.value.clone()))
        .or_else(|| c.phones.first().map(|p| p.value.clone()))
        .or_else(|| c.external_id.clone());
    let mut r = Contact {
        full_name: display,
        first_name: c.first_name.clone(),
        last_name: c.last_name.clone(),
        emails: c
            .emails
            .iter()
            .map(|e| Email {
                value: e.value.clone(),
                kind: None,
            })
            .collect(),
        phones: c
            .phones
            .iter()
            .map(|p| Phone {
                value: bird_phone(&p.value),
                kind: None,
            })
            .collect(),
        external_id: c.external_id.clone(),
        identifiers: c.identifiers.clone(),
        list_ids: c.list_ids.clone(),
        account_ids: c.account_ids.clone(),
        company_refs: c.company_refs.clone(),
        custom_attributes: c.custom_attributes.clone(),
        ..Contact::default()
    };
    keep_custom(&mut r, |k, v| {
        let key_ok = (1..=64).contains(&k.len())
            && k.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            && !["firstName", "lastName", "displayName"].contains(&k);
        let value_ok = match v {
            Value::Array(items) => !items.is_empty() && items.iter().all(is_scalar),
            other => is_scalar(other),
        };
        key_ok && value_ok
    });
    r
}

/// Help Scout: first / last name, every email with its kind, every phone (a kind `other` for a
/// kindless one after the first), photo, job title, notes, location, organization and its id,
/// gender, age, handles, websites, the whole address; custom attributes with valid, unreserved
/// slugs and string or integer values.
fn restrict_helpscout(c: &Contact) -> Contact {
    let mut r = Contact {
        first_name: c.first_name.clone(),
        last_name: c.last_name.clone(),
        full_name: c.full_name.clone(),
        emails: c.emails.clone(),
        phones: c
            .phones
            .iter()
            .enumerate()
            .map(|(i, p)| Phone {
                value: p.value.clone(),
                kind: if i == 0 {
                    p.kind.clone()
                } else {
                    Some(p.kind.clone().unwrap_or_else(|| "other".to_owned()))
                },
            })
            .collect(),
        photo_url: c.photo_url.clone(),
        photo_type: c.photo_type.clone(),
        job_title: c.job_title.clone(),
        notes: c.notes.clone(),
        location: c.location.clone(),
        organization: c.organization.clone(),
        organization_id: c.organization_id,
        gender: c.gender.clone(),
        age: c.age.clone(),
        chats: c.chats.clone(),
        social_profiles: c.social_profiles.clone(),
        websites: c.websites.clone(),
        address: c.address.clone(),
        custom_attributes: c.custom_attributes.clone(),
        ..Contact::default()
    };
    first_last_only(&mut r);
    keep_custom(&mut r, |k, v| {
        let slug_ok = (1..=100).contains(&k.len())
            && k.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            && !["email", "name", "company", "jobTitle"].contains(&k);
        let value_ok = v.is_string() || v.as_i64().is_some();
        slug_ok && value_ok
    });
    r
}

fn restrict(format: Format, c: &Contact) -> Contact {
    match format {
        Format::Sequence => restrict_sequence(c),
        Format::Intercom => restrict_intercom(c),
        Format::Bird => restrict_bird(c),
        Format::HelpScout => restrict_helpscout(c),
        _ => c.clone(),
    }
}

/// The rejection a vendor's export must give for `c`, if any (the only target rules that valid
/// parts can break).
fn expected_rejection(format: Format, c: &Contact) -> Option<(&'static str, &'static str)> {
    match format {
        Format::Sequence if c.external_id.is_none() => Some(("/externalId", "required")),
        Format::Intercom
            if c.role.as_deref() == Some("user")
                && c.emails.is_empty()
                && c.external_id.is_none() =>
        {
            Some(("", "required"))
        }
        Format::Bird if restrict_bird(c).full_name.is_none() => Some(("/displayName", "required")),
        _ => None,
    }
}

prop_compose! {
    /// A contact with parts some targets refuse: local phone numbers, over-long names and
    /// titles, ids that are not UUIDs, more than ten list ids.
    fn messy_contact()(
        base in contact(),
        local_phones in prop::collection::vec("\\([0-9]{3}\\) [0-9]{3}-[0-9]{4}", 0..3),
        long_first in opt("[a-zé]{38,45}"),
        long_title in opt("[a-z ]{55,70}"),
        junk_ids in prop::collection::vec("[a-z-]{1,10}", 0..3),
        extra_ids in 0usize..14,
    ) -> Contact {
        let mut c = base;
        // Before the valid numbers, so that removing them renumbers what follows.
        c.phones.splice(0..0, local_phones.into_iter().map(|value| Phone { value, kind: None }));
        if long_first.is_some() {
            c.first_name = long_first;
        }
        if long_title.is_some() {
            c.job_title = long_title;
        }
        c.list_ids.extend(junk_ids);
        c.account_ids.extend((0..extra_ids).map(|i| format!("2b8c2f44-9c3e-4f0a-8f1e-{i:012}")));
        c
    }
}

fn strict() -> ConvertOptions {
    ConvertOptions::new()
}

fn to_json(c: &Contact) -> Value {
    serde_json::to_value(c).expect("a contact serialises")
}

fn rejection_summary(r: &Rejection) -> Vec<(String, String)> {
    r.issues
        .iter()
        .filter(|i| i.is_error())
        .map(|i| (i.path.clone(), i.code.to_string()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_contacts_are_valid_canonical(c in contact()) {
        let report = validate(Format::Canonical, &to_json(&c));
        prop_assert!(report.is_valid(), "{report}");
    }

    #[test]
    fn import_of_export_is_the_restricted_contact(c in contact()) {
        let source = to_json(&c);
        for format in VENDORS {
            let exported = convert(Format::Canonical, format, &source, &strict());
            match (expected_rejection(format, &c), exported) {
                (Some((path, code)), Err(r)) => {
                    prop_assert_eq!(r.stage, Stage::Target);
                    prop_assert_eq!(rejection_summary(&r), vec![(path.to_owned(), code.to_owned())]);
                }
                (Some(expected), Ok(_)) => prop_assert!(false, "{format}: expected a rejection {expected:?}"),
                (None, Err(r)) => prop_assert!(false, "{format}: rejected: {:?}", r.issues),
                (None, Ok(out)) => {
                    let back = convert(format, Format::Canonical, &out.payload, &strict())
                        .map_err(|r| TestCaseError::fail(format!("{format} → canonical: {:?}", r.issues)))?;
                    let imported: Contact = serde_json::from_value(back.payload)
                        .expect("canonical payload is a contact");
                    prop_assert_eq!(imported, restrict(format, &c), "{} round trip", format);
                }
            }
        }
    }

    #[test]
    fn successful_exports_validate_as_their_target(c in contact()) {
        let source = to_json(&c);
        for format in VENDORS {
            for options in [strict(), ConvertOptions::new().lenient(true), ConvertOptions::new().normalize_custom_keys(true)] {
                if let Ok(out) = convert(Format::Canonical, format, &source, &options) {
                    if let Err(e) = convert_support::check_converted(format, &source, &out, intercom_schema()) {
                        prop_assert!(false, "{format}: {e}");
                    }
                }
            }
        }
    }

    #[test]
    fn there_and_back_twice_equals_once(c in contact()) {
        let source = to_json(&c);
        for a in Format::ALL {
            let Ok(start) = convert(Format::Canonical, a, &source, &strict()) else { continue };
            for b in Format::ALL {
                if a == b {
                    continue;
                }
                let round = |x: &Value| -> Option<Value> {
                    let there = convert(a, b, x, &strict()).ok()?;
                    Some(convert(b, a, &there.payload, &strict()).ok()?.payload)
                };
                let Some(once) = round(&start.payload) else { continue };
                let twice = round(&once);
                prop_assert_eq!(Some(&once), twice.as_ref(), "{} → {} → {}", a, b, a);
            }
        }
    }

    #[test]
    fn lenient_changes_nothing_where_strict_succeeds(c in contact()) {
        let source = to_json(&c);
        for format in VENDORS {
            if let Ok(out) = convert(Format::Canonical, format, &source, &strict()) {
                let lenient = convert(Format::Canonical, format, &source, &ConvertOptions::new().lenient(true));
                prop_assert_eq!(Ok(out), lenient);
            }
        }
    }

    #[test]
    fn canonical_to_canonical_is_the_identity(c in contact()) {
        let source = to_json(&c);
        let out = convert(Format::Canonical, Format::Canonical, &source, &strict())
            .map_err(|r| TestCaseError::fail(format!("{:?}", r.issues)))?;
        prop_assert_eq!(&out.payload, &source);
        prop_assert!(out.notes.is_empty(), "{:?}", out.notes);
    }

    #[test]
    fn same_format_conversion_keeps_what_the_exporter_wrote(c in contact()) {
        let source = to_json(&c);
        for format in VENDORS {
            let Ok(written) = convert(Format::Canonical, format, &source, &strict()) else { continue };
            let again = convert(format, format, &written.payload, &strict())
                .map_err(|r| TestCaseError::fail(format!("{format} → {format}: {:?}", r.issues)))?;
            prop_assert_eq!(&again.payload, &written.payload, "{}", format);
            prop_assert!(again.notes.is_empty(), "{format}: {:?}", again.notes);
        }
    }

    #[test]
    fn lenient_outputs_validate_and_notes_point_into_source_and_target(c in messy_contact()) {
        let source = to_json(&c);
        let lenient = ConvertOptions::new().lenient(true);
        for format in VENDORS {
            match convert(Format::Canonical, format, &source, &lenient) {
                Ok(out) => {
                    if let Err(e) = convert_support::check_converted(format, &source, &out, intercom_schema()) {
                        prop_assert!(false, "{format}: {e}");
                    }
                    // Each note points at the value it is about.
                    for note in &out.notes {
                        let at = out.payload.pointer(&note.path);
                        match note.code {
                            contactkit::NoteCode::Truncated => {
                                let max: usize = note
                                    .message
                                    .split(' ')
                                    .nth(2)
                                    .and_then(|n| n.parse().ok())
                                    .expect("the message states the maximum");
                                let len = at.and_then(Value::as_str).map(|s| s.chars().count());
                                prop_assert_eq!(len, Some(max), "{}: {:?}", format, note);
                            }
                            contactkit::NoteCode::Normalized if format == Format::Bird && note.path.starts_with("/identifiers/") => {
                                let key_path = note.path.replace("/value", "/key");
                                prop_assert_eq!(
                                    out.payload.pointer(&key_path),
                                    Some(&json!("phonenumber")),
                                    "{:?}", note
                                );
                            }
                            _ => {}
                        }
                    }
                }
                Err(r) => {
                    // Only what lenient mode cannot produce: a required value.
                    prop_assert_eq!(r.stage, Stage::Target);
                    let errors = rejection_summary(&r);
                    prop_assert!(
                        errors.iter().all(|(_, code)| code == "required"),
                        "{format}: {errors:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn nothing_is_dropped_silently(c in contact()) {
        let source = to_json(&c);
        for format in VENDORS {
            let Ok(out) = convert(Format::Canonical, format, &source, &strict()) else { continue };
            // What actually survives the trip there and back.
            let kept = convert(format, Format::Canonical, &out.payload, &strict())
                .map_err(|r| TestCaseError::fail(format!("{format} → canonical: {:?}", r.issues)))?
                .payload;
            let dropped: Vec<&str> = out
                .notes
                .iter()
                .filter(|n| n.code == contactkit::NoteCode::Dropped)
                .map(|n| n.path.as_str())
                .collect();
            for pointer in removed(&source, &kept) {
                prop_assert!(
                    dropped.iter().any(|d| *d == pointer || d.starts_with(&format!("{pointer}/"))),
                    "{format}: {pointer} is left out without a dropped note (notes: {:?})",
                    out.notes
                );
            }
        }
    }
}

/// The canonical pointers of the values in `all` that `kept` does not hold: members, list items
/// past the kept length, address parts, custom attributes and item kinds. Names are left out: a
/// full name that first and last name carry is split or joined, not dropped (the fixtures cover
/// the notes).
fn removed(all: &Value, kept: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let (Some(all), Some(kept)) = (all.as_object(), kept.as_object()) else {
        return out;
    };
    for (key, value) in all {
        if ["fullName", "firstName", "lastName"].contains(&key.as_str()) {
            continue;
        }
        let escape = |k: &str| k.replace('~', "~0").replace('/', "~1");
        let at = format!("/{key}");
        match (value, kept.get(key)) {
            (_, None) => out.push(at),
            (Value::Array(items), Some(Value::Array(kept_items))) => {
                for (i, item) in items.iter().enumerate() {
                    match (item, kept_items.get(i)) {
                        (_, None) => out.push(format!("{at}/{i}")),
                        (Value::Object(o), Some(k))
                            if o.contains_key("kind") && k.get("kind").is_none() =>
                        {
                            out.push(format!("{at}/{i}/kind"));
                        }
                        _ => {}
                    }
                }
            }
            (Value::Object(members), Some(Value::Object(kept_members))) => {
                for sub in members.keys().filter(|s| !kept_members.contains_key(*s)) {
                    out.push(format!("{at}/{}", escape(sub)));
                }
            }
            _ => {}
        }
    }
    out
}

/// A value built by hand: the restriction of an object-valued and a reserved-key custom
/// attribute, so the property above is known to look at real drops.
#[test]
fn restriction_drops_what_vendors_cannot_hold() {
    let mut c = Contact::default();
    let mut custom = Map::new();
    custom.insert("ok".into(), json!("x"));
    custom.insert("jobTitle".into(), json!("y"));
    custom.insert("nested".into(), json!({"a": 1}));
    c.custom_attributes = custom;
    let kept: Vec<String> = restrict_helpscout(&c)
        .custom_attributes
        .keys()
        .cloned()
        .collect();
    assert_eq!(kept, ["ok"]);
    let kept: Vec<String> = restrict_sequence(&c)
        .custom_attributes
        .keys()
        .cloned()
        .collect();
    assert_eq!(kept, ["ok", "jobTitle", "nested"]);
}
