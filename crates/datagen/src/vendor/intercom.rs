//! Intercom "Create contact" request bodies (REST API 2.15, schema `create_contact_request`).

use serde_json::Value;

use super::{bad_email, bad_url, obj, put, Obj};
use crate::person::Person;
use crate::rng::Rng;
use crate::time;

/// Show a random subset of `p` as an Intercom 2.15 create-contact body.
pub(crate) fn render(p: &Person, rng: &mut Rng) -> Obj {
    let mut o = Obj::new();
    let role = *rng.weighted(&[(60, Some("user")), (25, Some("lead")), (15, None)]);
    if let Some(role) = role {
        put(&mut o, "role", role);
    }
    // Leads rarely carry an external id (third-party docs say they cannot).
    let with_external_id = if role == Some("lead") {
        false
    } else {
        rng.chance(0.7)
    };
    if with_external_id {
        put(&mut o, "external_id", p.external_id.as_str());
    }
    // A user (explicit or by default) needs an email or an external id.
    let needs_email = role != Some("lead") && !with_external_id;
    if needs_email || rng.chance(0.85) {
        put(&mut o, "email", p.emails[0].0.as_str());
    }
    if let Some(phone) = p.phones.first() {
        if rng.chance(0.45) {
            let value = if rng.chance(0.85) {
                &phone.e164
            } else {
                &phone.display
            };
            put(&mut o, "phone", value.as_str());
        }
    } else if rng.chance(0.02) {
        put(&mut o, "phone", Value::Null);
    }
    match rng.below(100) {
        0..=84 => put(&mut o, "name", p.full_name.as_str()),
        85..=86 => put(&mut o, "name", Value::Null),
        _ => {}
    }
    if rng.chance(0.35) {
        put(&mut o, "avatar", p.photo.url.as_str());
    }
    if rng.chance(0.6) {
        put(&mut o, "signed_up_at", p.signed_up_at);
    }
    if rng.chance(0.4) {
        put(&mut o, "last_seen_at", p.last_seen_at);
    }
    if rng.chance(0.2) {
        put(&mut o, "owner_id", p.owner_id);
    }
    if rng.chance(0.3) {
        put(&mut o, "unsubscribed_from_emails", p.unsubscribed);
    }
    if rng.chance(0.6) {
        let mut custom = Obj::new();
        let candidates: [(&str, Value); 8] = [
            ("plan", p.plan.into()),
            ("team_mates", p.seats.into()),
            ("monthly_spend", p.mrr.into()),
            ("paid_subscriber", (p.plan != "free").into()),
            (
                "last_order_at",
                (p.last_seen_at - rng.range(0, 86_400 * 30))
                    .max(p.signed_up_at)
                    .into(),
            ),
            ("referral_source", p.referral.into()),
            ("job_title", p.job_title.map_or(Value::Null, Value::from)),
            (
                "nps_score",
                if rng.chance(0.8) {
                    rng.range(0, 10).into()
                } else {
                    Value::Null
                },
            ),
        ];
        for (key, value) in candidates {
            if rng.chance(0.4) {
                custom.insert(key.to_owned(), value);
            }
        }
        if custom.is_empty() {
            put(&mut custom, "plan", p.plan);
        }
        put(&mut o, "custom_attributes", custom);
    }
    o
}

/// Make `o` invalid as an Intercom 2.15 body in one realistic way.
pub(crate) fn invalidate(o: &mut Obj, p: &Person, rng: &mut Rng) -> &'static str {
    match rng.below(8) {
        0 => {
            put(o, "role", rng.choose(&["admin", "customer", "visitor"]));
            "role is neither user nor lead"
        }
        1 => {
            put(o, "signed_up_at", time::rfc3339_utc(p.signed_up_at));
            "signed_up_at is an ISO string, not Unix seconds"
        }
        2 => {
            put(o, "email", bad_email(rng, p));
            "email is not a valid address"
        }
        3 => {
            put(o, "role", "user");
            o.shift_remove("email");
            o.shift_remove("external_id");
            "role user without email or external_id"
        }
        4 => {
            let mut custom = match o.shift_remove("custom_attributes") {
                Some(Value::Object(m)) => m,
                _ => Obj::new(),
            };
            if rng.chance(0.5) {
                put(
                    &mut custom,
                    "address",
                    obj([
                        ("city", p.city.name.into()),
                        ("country", p.locale.country.into()),
                    ]),
                );
            } else {
                put(&mut custom, "tags", p.tags.clone());
            }
            put(o, "custom_attributes", custom);
            "custom_attributes holds an object or array value"
        }
        5 => {
            put(o, "avatar", bad_url(rng, p));
            "avatar is not an absolute http(s) URL"
        }
        6 => {
            // The 2.16 type, sent to 2.15.
            put(o, "owner_id", p.owner_id.to_string());
            "owner_id is a string, not an integer"
        }
        _ => {
            put(o, "last_seen_at", p.last_seen_at.to_string());
            "last_seen_at is a string, not an integer"
        }
    }
}
