//! Sequence "Create Person" bodies: flat camelCase strings, `externalId` required, and any
//! extra key stored as a custom attribute.

use serde_json::Value;

use super::{bad_email, bad_iso_date, bad_url, iso_timestamp, put, Obj};
use crate::person::Person;
use crate::rng::Rng;

/// Show a random subset of `p` as a Sequence body.
pub(crate) fn render(p: &Person, rng: &mut Rng) -> Obj {
    let mut o = Obj::new();
    put(&mut o, "externalId", p.external_id.as_str());
    if rng.chance(0.9) {
        put(&mut o, "email", p.emails[0].0.as_str());
    }
    if rng.chance(0.85) {
        put(&mut o, "firstName", p.given.as_str());
    }
    if let Some(family) = p.family {
        if rng.chance(0.75) {
            put(&mut o, "lastName", family);
        }
    }
    if let Some(phone) = p.phones.first() {
        if rng.chance(0.6) {
            // "no format enforced": people send both forms.
            let v = if rng.chance(0.7) {
                &phone.e164
            } else {
                &phone.display
            };
            put(&mut o, "phone", v.as_str());
        }
    }
    if rng.chance(0.35) {
        put(&mut o, "photo", p.photo.url.as_str());
    }
    if rng.chance(0.3) {
        put(&mut o, "websiteUrl", p.website.as_str());
    }
    if let Some(title) = p.job_title {
        if rng.chance(0.55) {
            put(&mut o, "title", title);
        }
    }
    if let Some(c) = p.company {
        if rng.chance(0.55) {
            put(&mut o, "companyName", c.name);
            if rng.chance(0.6) {
                put(&mut o, "industry", c.industry);
            }
        }
    }
    if rng.chance(0.5) {
        put(&mut o, "city", p.city.name);
    }
    if rng.chance(0.35) {
        put(&mut o, "region", p.city.region);
    }
    if rng.chance(0.5) {
        let l = p.locale;
        let country = *rng.weighted(&[(5, l.country_name), (3, l.country), (2, l.country_local)]);
        put(&mut o, "country", country);
    }
    if rng.chance(0.4) {
        let (os, browser, version) = p.device;
        for (key, value) in [
            ("os", os),
            ("browser", browser),
            ("browserVersion", version),
            ("browserLanguage", p.locale.tag),
        ] {
            if rng.chance(0.85) {
                put(&mut o, key, value);
            }
        }
    }
    if rng.chance(0.7) {
        put(
            &mut o,
            "signedUpAt",
            iso_timestamp(rng, p.signed_up_at, p.locale.utc_offset),
        );
    }
    if rng.chance(0.5) {
        put(
            &mut o,
            "lastSeenAt",
            iso_timestamp(rng, p.last_seen_at, p.locale.utc_offset),
        );
    }
    if rng.chance(0.15) {
        put(&mut o, "intercomId", p.intercom_id.as_str());
    }
    // Custom attributes: any other key.
    if rng.chance(0.5) {
        put(&mut o, "plan", p.plan);
    }
    if rng.chance(0.3) {
        put(&mut o, "seats", p.seats);
    }
    if rng.chance(0.15) {
        put(&mut o, "mrr", p.mrr);
    }
    if rng.chance(0.15) {
        put(&mut o, "betaTester", p.beta);
    }
    if rng.chance(0.2) {
        put(&mut o, "referralSource", p.referral);
    }
    if rng.chance(0.08) {
        put(&mut o, "tags", p.tags.clone());
    }
    if rng.chance(0.02) {
        // "pass the value null and it will be cleared"
        put(&mut o, "legacyScore", Value::Null);
    }
    o
}

/// Make `o` invalid as a Sequence body in one realistic way.
pub(crate) fn invalidate(o: &mut Obj, p: &Person, rng: &mut Rng) -> &'static str {
    match rng.below(7) {
        0 | 1 => {
            o.shift_remove("externalId");
            "externalId is missing"
        }
        2 => {
            // An integer id straight from the customer's database.
            put(o, "externalId", rng.range(1, 9_999_999));
            "externalId is a number, not a string"
        }
        3 => {
            put(o, "email", bad_email(rng, p));
            "email is not a valid address"
        }
        4 => {
            let key = if rng.chance(0.5) {
                "photo"
            } else {
                "websiteUrl"
            };
            put(o, key, bad_url(rng, p));
            if key == "photo" {
                "photo is not an absolute http(s) URL"
            } else {
                "websiteUrl is not an absolute http(s) URL"
            }
        }
        5 => {
            put(o, "signedUpAt", bad_iso_date(rng, p));
            "signedUpAt is not an ISO 8601 date"
        }
        _ => {
            put(o, "lastSeenAt", bad_iso_date(rng, p));
            "lastSeenAt is not an ISO 8601 date"
        }
    }
}
