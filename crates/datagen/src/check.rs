//! Test-only: a small, independent reading of the rules in docs/RULES.md (the vendors' docs it
//! cites), used to check that valid records follow them and invalid records break
//! them. It is deliberately simple and not the product's validator.

use serde_json::{Map, Value};

use crate::Vendor;

/// The vendors' vocabularies as the core's tests restate them from the docs (one list, shared
/// with this test-only checker: both are oracles independent of the rule tables).
#[path = "../../../tests/support/vocab.rs"]
#[allow(dead_code)]
mod vocab;

/// WHATWG "valid email address".
pub(crate) fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b));
    let label_ok = |l: &str| {
        let b = l.as_bytes();
        !b.is_empty()
            && b.len() <= 63
            && b[0].is_ascii_alphanumeric()
            && b[b.len() - 1].is_ascii_alphanumeric()
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
    };
    local_ok && domain.split('.').all(label_ok)
}

/// 8-4-4-4-12 hexadecimal digits.
pub(crate) fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `+`, then 7 to 15 digits, the first not zero.
pub(crate) fn is_e164(s: &str) -> bool {
    s.strip_prefix('+').is_some_and(|d| {
        (7..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0')
    })
}

/// An absolute http(s) URL with a non-empty host and no spaces.
pub(crate) fn is_http_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-_~:@".contains(&b))
            && !s.chars().any(|c| c <= ' ')
    })
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `YYYY-MM-DD` that exists.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(y), Some(m), Some(d)) = (digits(&s[..4], 4), digits(&s[5..7], 2), digits(&s[8..], 2))
    else {
        return false;
    };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    (1..=12).contains(&m) && d >= 1 && d <= days[m as usize - 1]
}

/// RFC 3339 date-time (seconds precision, `Z` or `±HH:MM`).
pub(crate) fn is_date_time(s: &str) -> bool {
    if s.len() < 20 || !s.is_char_boundary(10) || !is_date(&s[..10]) || &s[10..11] != "T" {
        return false;
    }
    let t = &s[11..];
    let clock_ok = |c: &str| {
        let b = c.as_bytes();
        b.len() == 8
            && b[2] == b':'
            && b[5] == b':'
            && digits(&c[..2], 2).is_some_and(|h| h < 24)
            && digits(&c[3..5], 2).is_some_and(|m| m < 60)
            && digits(&c[6..], 2).is_some_and(|s| s < 60)
    };
    if !t.is_char_boundary(8) || !clock_ok(&t[..8]) {
        return false;
    }
    match &t[8..] {
        "Z" => true,
        off => {
            let b = off.as_bytes();
            b.len() == 6
                && (b[0] == b'+' || b[0] == b'-')
                && b[3] == b':'
                && digits(&off[1..3], 2).is_some_and(|h| h < 24)
                && digits(&off[4..], 2).is_some_and(|m| m < 60)
        }
    }
}

/// RFC 3339 date-time or plain date.
pub(crate) fn is_iso_date(s: &str) -> bool {
    is_date(s) || is_date_time(s)
}

fn len(s: &str) -> usize {
    s.chars().count()
}

fn is_scalar(v: &Value) -> bool {
    !v.is_object() && !v.is_array()
}

/// Every rule violation found in `payload` as a `vendor` record (empty when valid).
pub(crate) fn violations(vendor: Vendor, payload: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let Some(o) = payload.as_object() else {
        return vec!["not an object".into()];
    };
    match vendor {
        Vendor::Sequence => sequence(o, &mut out),
        Vendor::Intercom => intercom(o, &mut out),
        Vendor::Bird => bird(o, &mut out),
        Vendor::HelpScout => helpscout(o, &mut out),
        Vendor::Canonical => canonical(o, &mut out),
    }
    out
}

/// Notes every member of `o` that is not in `known`.
fn unknown_fields(o: &Map<String, Value>, known: &[&str], out: &mut Vec<String>) {
    for key in o.keys() {
        if !known.contains(&key.as_str()) {
            out.push(format!("{key}: unknown field"));
        }
    }
}

/// The items of the array member `key` (none when it is absent or not an array).
fn items<'a>(o: &'a Map<String, Value>, key: &str) -> impl Iterator<Item = &'a Value> {
    o.get(key).and_then(Value::as_array).into_iter().flatten()
}

fn string<'a>(o: &'a Map<String, Value>, key: &str, out: &mut Vec<String>) -> Option<&'a str> {
    match o.get(key) {
        None => None,
        Some(Value::String(s)) => Some(s),
        Some(_) => {
            out.push(format!("{key}: not a string"));
            None
        }
    }
}

fn sequence(o: &Map<String, Value>, out: &mut Vec<String>) {
    if !o.contains_key("externalId") {
        out.push("externalId: required".into());
    }
    for &key in vocab::SEQUENCE_STRING_MEMBERS {
        let Some(s) = string(o, key, out) else {
            continue;
        };
        let ok = match key {
            "email" => is_email(s),
            "photo" | "websiteUrl" => is_http_url(s),
            "signedUpAt" | "lastSeenAt" => is_iso_date(s),
            _ => true,
        };
        if !ok {
            out.push(format!("{key}: format"));
        }
    }
}

fn intercom(o: &Map<String, Value>, out: &mut Vec<String>) {
    const KEYS: &[&str] = &[
        "role",
        "external_id",
        "email",
        "phone",
        "name",
        "avatar",
        "signed_up_at",
        "last_seen_at",
        "owner_id",
        "unsubscribed_from_emails",
        "custom_attributes",
    ];
    unknown_fields(o, KEYS, out);
    if !["email", "external_id", "role"]
        .iter()
        .any(|k| o.contains_key(*k))
    {
        out.push("one of email, external_id, role is required".into());
    }
    match string(o, "role", out) {
        Some("user") if !o.contains_key("email") && !o.contains_key("external_id") => {
            out.push("role user needs email or external_id".into())
        }
        Some("user" | "lead") | None => {}
        Some(_) => out.push("role: enum".into()),
    }
    string(o, "external_id", out);
    if string(o, "email", out).is_some_and(|e| !is_email(e)) {
        out.push("email: format".into());
    }
    for key in ["phone", "name", "avatar"] {
        if o.get(key).is_some_and(|v| !v.is_null() && !v.is_string()) {
            out.push(format!("{key}: type"));
        }
    }
    if o.get("avatar")
        .and_then(Value::as_str)
        .is_some_and(|u| !is_http_url(u))
    {
        out.push("avatar: format".into());
    }
    for key in ["signed_up_at", "last_seen_at", "owner_id"] {
        if o.get(key)
            .is_some_and(|v| !v.is_null() && !v.is_i64() && !v.is_u64())
        {
            out.push(format!("{key}: type"));
        }
    }
    if o.get("unsubscribed_from_emails")
        .is_some_and(|v| !v.is_null() && !v.is_boolean())
    {
        out.push("unsubscribed_from_emails: type".into());
    }
    match o.get("custom_attributes") {
        None | Some(Value::Null) => {}
        Some(Value::Object(m)) => {
            for (k, v) in m {
                if !is_scalar(v) {
                    out.push(format!("custom_attributes/{k}: type"));
                }
            }
        }
        Some(_) => out.push("custom_attributes: type".into()),
    }
}

fn uuid_list(o: &Map<String, Value>, key: &str, out: &mut Vec<String>) {
    match o.get(key) {
        None => {}
        Some(Value::Array(items)) => {
            if !(1..=10).contains(&items.len()) {
                out.push(format!("{key}: 1..10 items"));
            }
            if items.iter().any(|v| !v.as_str().is_some_and(is_uuid)) {
                out.push(format!("{key}: uuid"));
            }
        }
        Some(_) => out.push(format!("{key}: type")),
    }
}

fn bird(o: &Map<String, Value>, out: &mut Vec<String>) {
    match string(o, "displayName", out) {
        None => out.push("displayName: required".into()),
        Some(s) if !(1..=150).contains(&len(s)) => out.push("displayName: length".into()),
        Some(_) => {}
    }
    if let Some(ids) = o.get("identifiers") {
        for id in ids.as_array().into_iter().flatten() {
            let key = id["key"].as_str().unwrap_or("");
            let value = id["value"].as_str().unwrap_or("");
            if !(1..=64).contains(&len(key)) || !(1..=500).contains(&len(value)) {
                out.push("identifier: length".into());
            }
            match key {
                "emailaddress" if !is_email(value) => out.push("emailaddress: format".into()),
                "phonenumber" if !is_e164(value) => out.push("phonenumber: format".into()),
                _ => {}
            }
        }
    }
    if let Some(attrs) = o.get("attributes") {
        for (k, v) in attrs.as_object().into_iter().flatten() {
            let ok = match v {
                Value::Array(items) => !items.is_empty() && items.iter().all(is_scalar),
                Value::Object(_) => false,
                _ => true,
            };
            let key_ok = (1..=64).contains(&k.len())
                && k.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
            if !ok || !key_ok {
                out.push(format!("attributes/{k}: type"));
            }
        }
    }
    uuid_list(o, "listIds", out);
    uuid_list(o, "accountIds", out);
    if let Some(refs) = o.get("companyRefs") {
        if !refs
            .as_array()
            .is_some_and(|r| r.iter().all(Value::is_string))
        {
            out.push("companyRefs: type".into());
        }
    }
}

fn typed_list(o: &Map<String, Value>, key: &str, types: &[&str], out: &mut Vec<String>) {
    for item in items(o, key) {
        let t = item["type"].as_str().unwrap_or("");
        if !types.contains(&t) {
            out.push(format!("{key}/type: enum"));
        }
        let value = item["value"].as_str().unwrap_or("");
        if value.is_empty() {
            out.push(format!("{key}/value: required"));
        }
        if key == "emails" && !is_email(value) {
            out.push("emails/value: format".into());
        }
    }
}

fn helpscout(o: &Map<String, Value>, out: &mut Vec<String>) {
    const KEYS: &[&str] = &[
        "firstName",
        "lastName",
        "phone",
        "photoUrl",
        "photoType",
        "jobTitle",
        "background",
        "location",
        "organization",
        "organizationId",
        "gender",
        "age",
        "emails",
        "phones",
        "chats",
        "socialProfiles",
        "websites",
        "address",
        "properties",
    ];
    unknown_fields(o, KEYS, out);
    for (key, min, max) in [
        ("firstName", 1, 40),
        ("lastName", 1, 40),
        ("photoUrl", 0, 200),
        ("jobTitle", 0, 60),
        ("background", 0, 200),
        ("location", 0, 60),
        ("organization", 0, 60),
    ] {
        if string(o, key, out).is_some_and(|s| !(min..=max).contains(&len(s))) {
            out.push(format!("{key}: length"));
        }
    }
    if o.get("photoUrl")
        .and_then(Value::as_str)
        .is_some_and(|u| !is_http_url(u))
    {
        out.push("photoUrl: format".into());
    }
    if string(o, "photoType", out).is_some_and(|t| !vocab::HS_PHOTO_TYPES.contains(&t)) {
        out.push("photoType: enum".into());
    }
    if string(o, "gender", out)
        .is_some_and(|g| !vocab::HS_GENDERS.contains(&g.to_lowercase().as_str()))
    {
        out.push("gender: enum".into());
    }
    typed_list(o, "emails", vocab::HS_EMAIL_TYPES, out);
    typed_list(o, "phones", vocab::HS_PHONE_TYPES, out);
    typed_list(o, "chats", vocab::HS_CHAT_TYPES, out);
    typed_list(o, "socialProfiles", vocab::HS_SOCIAL_TYPES, out);
    for site in items(o, "websites") {
        if !site["value"].as_str().is_some_and(is_http_url) {
            out.push("websites/value: format".into());
        }
    }
    for prop in items(o, "properties") {
        let slug = prop["slug"].as_str().unwrap_or("");
        if !(1..=100).contains(&slug.len())
            || !slug
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            out.push("properties/slug: pattern".into());
        }
        if !(prop["value"].is_string() || prop["value"].is_i64() || prop["value"].is_u64()) {
            out.push("properties/value: type".into());
        }
        if vocab::HS_RESERVED_SLUGS.contains(&slug) {
            out.push("properties/slug: reserved".into());
        }
    }
    if let Some(address) = o.get("address") {
        if !address["country"].as_str().is_some_and(|c| c.len() == 2) {
            out.push("address/country".into());
        }
    }
}

fn canonical(o: &Map<String, Value>, out: &mut Vec<String>) {
    for e in items(o, "emails") {
        if !e["value"].as_str().is_some_and(is_email) {
            out.push("emails/value: format".into());
        }
    }
    for p in items(o, "phones") {
        if !p["value"].as_str().is_some_and(is_e164) {
            out.push("phones/value: format".into());
        }
    }
    for w in items(o, "websites") {
        if !w.as_str().is_some_and(is_http_url) {
            out.push("websites: format".into());
        }
    }
    if o.get("photoUrl")
        .and_then(Value::as_str)
        .is_some_and(|u| !is_http_url(u))
    {
        out.push("photoUrl: format".into());
    }
    if string(o, "signedUpAt", out).is_some_and(|s| !is_date_time(s)) {
        out.push("signedUpAt: format".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicates() {
        assert!(is_email("ada@example.com") && is_email("x@localhost"));
        assert!(!is_email("zoë@example.com") && !is_email("a@b..c") && !is_email("a b@c.d"));
        assert!(is_uuid("123e4567-e89b-12d3-a456-426614174000"));
        assert!(!is_uuid("123e4567e89b12d3a456426614174000"));
        assert!(is_e164("+31612345678") && !is_e164("+0612345678") && !is_e164("0612345678"));
        assert!(is_iso_date("2021-03-04") && is_iso_date("2021-03-04T05:06:07Z"));
        assert!(is_iso_date("2021-03-04T07:06:07+02:00"));
        assert!(
            !is_iso_date("2021-02-30") && !is_iso_date("03/04/2021") && !is_iso_date("1614834367")
        );
        assert!(is_http_url("https://example.com/x?y#z") && !is_http_url("www.example.com"));
    }
}
