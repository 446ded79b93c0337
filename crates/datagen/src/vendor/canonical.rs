//! contactkit's canonical (vendor-neutral) contact.
//!
//! The whole shape lives in [`render`], so that it is easy to follow the core library's
//! canonical schema if that changes.

use serde_json::Value;

use super::{bad_email, bad_iso_date, bad_url, obj, put, Obj};
use crate::person::Person;
use crate::rng::Rng;

/// Show a random subset of `p` as a canonical contact:
///
/// ```json
/// {"externalId": "...", "fullName": "...", "firstName": "...", "lastName": "...",
///  "emails": [{"value": "...", "kind": "work"}], "phones": [{"value": "+31...", "kind": "mobile"}],
///  "photoUrl": "https://...", "jobTitle": "...", "organization": "...",
///  "address": {"lines": ["..."], "city": "...", "region": "...", "postalCode": "...", "country": "NL"},
///  "websites": ["https://..."], "signedUpAt": "2021-03-04T05:06:07Z", "customAttributes": {...}}
/// ```
pub(crate) fn render(p: &Person, rng: &mut Rng) -> Obj {
    let mut o = Obj::new();
    if rng.chance(0.8) {
        put(&mut o, "externalId", p.external_id.as_str());
    }
    if rng.chance(0.8) {
        put(&mut o, "fullName", p.full_name.as_str());
    }
    if rng.chance(0.8) {
        put(&mut o, "firstName", p.given.as_str());
    }
    if let Some(family) = p.family {
        if rng.chance(0.7) {
            put(&mut o, "lastName", family);
        }
    }
    if rng.chance(0.9) {
        let emails: Vec<Value> = p
            .emails
            .iter()
            .map(|(value, kind)| {
                obj([
                    ("value", value.as_str().into()),
                    ("kind", kind.as_str().into()),
                ])
            })
            .collect();
        put(&mut o, "emails", emails);
    }
    if !p.phones.is_empty() && rng.chance(0.6) {
        let phones: Vec<Value> = p
            .phones
            .iter()
            .map(|ph| {
                obj([
                    ("value", ph.e164.as_str().into()),
                    ("kind", ph.kind.as_str().into()),
                ])
            })
            .collect();
        put(&mut o, "phones", phones);
    }
    if rng.chance(0.35) {
        put(&mut o, "photoUrl", p.photo.url.as_str());
    }
    if let Some(title) = p.job_title {
        if rng.chance(0.5) {
            put(&mut o, "jobTitle", title);
        }
    }
    if let Some(c) = p.company {
        if rng.chance(0.5) {
            put(&mut o, "organization", c.name);
        }
    }
    if rng.chance(0.35) {
        let address = obj([
            ("lines", p.street.clone().into()),
            ("city", p.city.name.into()),
            ("region", p.city.region.into()),
            ("postalCode", p.postal_code.as_str().into()),
            ("country", p.locale.country.into()),
        ]);
        put(&mut o, "address", address);
    }
    if rng.chance(0.3) {
        put(&mut o, "websites", vec![p.website.as_str()]);
    }
    if rng.chance(0.6) {
        put(&mut o, "signedUpAt", p.signed_up_rfc3339());
    }
    if rng.chance(0.5) {
        let mut custom = Obj::new();
        put(&mut custom, "plan", p.plan);
        if rng.chance(0.5) {
            put(&mut custom, "seats", p.seats);
        }
        if rng.chance(0.3) {
            put(&mut custom, "betaTester", p.beta);
        }
        if rng.chance(0.3) {
            put(&mut custom, "referralSource", p.referral);
        }
        put(&mut o, "customAttributes", custom);
    }
    o
}

/// Make `o` invalid as a canonical contact in one realistic way.
pub(crate) fn invalidate(o: &mut Obj, p: &Person, rng: &mut Rng) -> &'static str {
    match rng.below(3) {
        0 => {
            let email = obj([("value", bad_email(rng, p).into()), ("kind", "home".into())]);
            match o.get_mut("emails") {
                Some(Value::Array(items)) if !items.is_empty() => items[0] = email,
                _ => put(o, "emails", vec![email]),
            }
            "an email value is not a valid address"
        }
        1 => {
            put(o, "websites", vec![bad_url(rng, p)]);
            "a website is not an absolute http(s) URL"
        }
        _ => {
            put(o, "signedUpAt", bad_iso_date(rng, p));
            "signedUpAt is not an RFC 3339 date-time"
        }
    }
}
