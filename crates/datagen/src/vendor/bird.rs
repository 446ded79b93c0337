//! Bird "Create a contact" bodies (workspace Contacts API): `displayName` required,
//! identifiers, attributes and list/account references.

use serde_json::Value;

use super::{bad_e164, bad_email, bad_uuid, obj, put, Obj};
use crate::person::Person;
use crate::rng::Rng;

/// Show a random subset of `p` as a Bird create-contact body. `lists` is the workspace's pool
/// of list ids, shared by all records of a run, as real contacts share lists.
pub(crate) fn render(p: &Person, rng: &mut Rng, lists: &[String]) -> Obj {
    let mut o = Obj::new();
    let display = match rng.below(100) {
        0..=69 => p.full_name.clone(),
        70..=79 => p.given.clone(),
        80..=87 => p.emails[0].0.clone(),
        88..=94 => match p.company {
            Some(c) => format!("{} ({})", p.full_name, c.name),
            None => p.full_name.clone(),
        },
        _ => p
            .phones
            .first()
            .map_or_else(|| p.full_name.clone(), |ph| ph.e164.clone()),
    };
    put(&mut o, "displayName", display);

    let mut identifiers = Vec::new();
    for (i, (email, _)) in p.emails.iter().enumerate() {
        if rng.chance(if i == 0 { 0.9 } else { 0.5 }) {
            identifiers.push(obj([
                ("key", "emailaddress".into()),
                ("value", email.as_str().into()),
            ]));
        }
    }
    for (i, phone) in p.phones.iter().enumerate() {
        if rng.chance(if i == 0 { 0.6 } else { 0.3 }) {
            let mut id = obj([
                ("key", "phonenumber".into()),
                ("value", phone.e164.as_str().into()),
            ]);
            if rng.chance(0.1) {
                id["properties"] = obj([("countryCode", p.locale.country.into())]);
            }
            identifiers.push(id);
        }
    }
    if rng.chance(0.2) {
        identifiers.push(obj([
            ("key", "external_id".into()),
            ("value", p.external_id.as_str().into()),
        ]));
    }
    if !identifiers.is_empty() {
        put(&mut o, "identifiers", identifiers);
    }

    if rng.chance(0.8) {
        let mut attrs = Obj::new();
        if rng.chance(0.8) {
            put(&mut attrs, "firstName", p.given.as_str());
        }
        if let Some(family) = p.family {
            if rng.chance(0.7) {
                put(&mut attrs, "lastName", family);
            }
        }
        if rng.chance(0.5) {
            put(&mut attrs, "timezone", p.locale.timezone);
        }
        if rng.chance(0.4) {
            put(&mut attrs, "plan", p.plan);
        }
        if rng.chance(0.2) {
            put(&mut attrs, "seats", p.seats);
        }
        if rng.chance(0.2) {
            put(&mut attrs, "tags", p.tags.clone());
        }
        if rng.chance(0.1) {
            put(&mut attrs, "vip", p.plan == "enterprise");
        }
        if rng.chance(0.15) {
            put(&mut attrs, "lifetimeValue", p.mrr * 12.0);
        }
        if rng.chance(0.3) {
            put(&mut attrs, "preferredLanguage", &p.locale.tag[..2]);
        }
        if rng.chance(0.03) {
            put(&mut attrs, "churnReason", Value::Null);
        }
        if attrs.is_empty() {
            put(&mut attrs, "timezone", p.locale.timezone);
        }
        put(&mut o, "attributes", attrs);
    }

    if rng.chance(0.5) {
        let n = rng.range(1, 4) as usize;
        put(&mut o, "listIds", distinct_picks(rng, lists, n));
    }
    if rng.chance(0.2) {
        let ids: Vec<String> = (0..rng.range(1, 2)).map(|_| rng.uuid_v4()).collect();
        put(&mut o, "accountIds", ids);
    }
    if rng.chance(0.2) {
        let mut refs = Vec::new();
        if let Some(c) = p.company {
            refs.push(c.domain.to_owned());
        }
        if refs.is_empty() || rng.chance(0.3) {
            refs.push(format!("acct-{}", rng.digits(6)));
        }
        put(&mut o, "companyRefs", refs);
    }
    o
}

/// `n` distinct elements of `pool`, in random order.
fn distinct_picks(rng: &mut Rng, pool: &[String], n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(n);
    while out.len() < n.min(pool.len()) {
        let pick = rng.pick(pool);
        if !out.contains(pick) {
            out.push(pick.clone());
        }
    }
    out
}

/// Make `o` invalid as a Bird body in one realistic way.
pub(crate) fn invalidate(o: &mut Obj, p: &Person, rng: &mut Rng, lists: &[String]) -> &'static str {
    match rng.below(10) {
        0 => {
            o.shift_remove("displayName");
            "displayName is missing"
        }
        1 => {
            put(o, "displayName", "");
            "displayName is empty"
        }
        2 => {
            let mut long = p.full_name.clone();
            while long.chars().count() <= 150 {
                long.push_str(" · ");
                long.push_str(p.company.map_or(p.note, |c| c.name));
                long.push_str(" · ");
                long.push_str(p.note);
            }
            put(o, "displayName", long);
            "displayName is longer than 150 characters"
        }
        3 => {
            let keep = rng.range(0, 2) as usize;
            let mut ids = distinct_picks(rng, lists, keep);
            let at = rng.index(ids.len() + 1);
            ids.insert(at, bad_uuid(rng));
            put(o, "listIds", ids);
            "listIds holds a value that is not a UUID"
        }
        4 => {
            put(o, "listIds", Vec::<String>::new());
            "listIds is empty"
        }
        5 => {
            put(o, "listIds", distinct_picks(rng, lists, 11));
            "listIds has more than 10 entries"
        }
        6 => {
            put(o, "accountIds", vec![bad_uuid(rng)]);
            "accountIds holds a value that is not a UUID"
        }
        7 => {
            let bad = obj([
                ("key", "phonenumber".into()),
                ("value", bad_e164(rng, p).into()),
            ]);
            push_identifier(o, bad);
            "a phonenumber identifier is not an international number"
        }
        8 => {
            let bad = obj([
                ("key", "emailaddress".into()),
                ("value", bad_email(rng, p).into()),
            ]);
            push_identifier(o, bad);
            "an emailaddress identifier is not a valid address"
        }
        _ => {
            let mut attrs = match o.shift_remove("attributes") {
                Some(Value::Object(m)) => m,
                _ => Obj::new(),
            };
            if rng.chance(0.5) {
                put(
                    &mut attrs,
                    "address",
                    obj([
                        ("city", p.city.name.into()),
                        ("postalCode", p.postal_code.as_str().into()),
                    ]),
                );
                put(o, "attributes", attrs);
                "an attribute value is an object"
            } else {
                put(&mut attrs, "tags", Vec::<String>::new());
                put(o, "attributes", attrs);
                "an attribute value is an empty array"
            }
        }
    }
}

/// Append an identifier, creating the array when needed.
fn push_identifier(o: &mut Obj, id: Value) {
    match o.get_mut("identifiers") {
        Some(Value::Array(ids)) => ids.push(id),
        _ => put(o, "identifiers", vec![id]),
    }
}
