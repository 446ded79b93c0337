//! One renderer per output format, and the realistic mistakes that make a record invalid.
//!
//! Each format has two functions: `render` shows a random subset of a [`Person`] in the
//! format's shape, and `invalidate` changes a rendered record in exactly one way that the
//! format's rules (docs/RULES.md) reject as an error, and returns
//! a short description of the mistake.

pub(crate) mod bird;
pub(crate) mod canonical;
pub(crate) mod helpscout;
pub(crate) mod intercom;
pub(crate) mod sequence;

use serde_json::{Map, Value};

use crate::person::Person;
use crate::rng::Rng;
use crate::time;

/// A JSON object under construction.
pub(crate) type Obj = Map<String, Value>;

/// Insert `value` under `key`.
pub(crate) fn put(o: &mut Obj, key: &str, value: impl Into<Value>) {
    o.insert(key.to_owned(), value.into());
}

/// A JSON object from `(key, value)` pairs, in order.
pub(crate) fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// An RFC 3339 date-time or plain date, as people send them to APIs that take "ISO" dates:
/// mostly UTC with `Z`, sometimes local time with the offset, sometimes just the date.
pub(crate) fn iso_timestamp(rng: &mut Rng, unix: i64, offset_minutes: i32) -> String {
    match rng.below(20) {
        0..=11 => time::rfc3339_utc(unix),
        12..=16 => time::rfc3339_with_offset(unix, offset_minutes),
        _ => time::date_utc(unix),
    }
}

/// A mistyped email address that browsers' `<input type=email>` rejects.
pub(crate) fn bad_email(rng: &mut Rng, p: &Person) -> String {
    let good = &p.emails[0].0;
    let (local, domain) = good.split_once('@').unwrap_or((good, "example.com"));
    match rng.below(9) {
        0 => format!("{local}.{domain}"),  // forgot the @
        1 => format!("{local}@@{domain}"), // double @
        2 => format!("{local}@{}", domain.replacen('.', "..", 1)), // empty label
        3 => format!("{local}@{}", domain.replacen('.', ",", 1)), // comma for dot
        4 => format!("{local} @{domain}"), // stray space
        5 => format!("{local}@"),          // no domain
        6 => format!("mailto:{good}"),     // pasted a link
        7 => format!("<{good}>"),          // pasted from a header
        _ => {
            // The name as written, which is rarely ASCII.
            let written: String = p
                .given
                .chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            if written.is_ascii() {
                format!("{local}@-{domain}")
            } else {
                format!("{written}@{domain}")
            }
        }
    }
}

/// A URL that is not an absolute `http`/`https` URL.
pub(crate) fn bad_url(rng: &mut Rng, p: &Person) -> String {
    let domain = p.company.map_or("example.org", |c| c.domain);
    match rng.below(6) {
        0 => format!("www.{domain}"),
        1 => format!("{domain}/team"),
        2 => format!("htps://{domain}/"),
        3 => format!("https//{domain}"),
        4 => format!("/avatars/{}.png", p.given_ascii),
        _ => format!("ftp://files.{domain}/photo.jpg"),
    }
}

/// A date that is not ISO 8601 (RFC 3339 date-time or `YYYY-MM-DD`).
pub(crate) fn bad_iso_date(rng: &mut Rng, p: &Person) -> String {
    let (y, m, d) = time::civil_from_days(p.signed_up_at.div_euclid(86_400));
    match rng.below(6) {
        0 => format!("{m:02}/{d:02}/{y}"),
        1 => format!("{d:02}.{m:02}.{y}"),
        2 => format!("{y}-13-{d:02}"),
        3 => format!("{y}-02-30"),
        4 => "yesterday".to_owned(),
        _ => p.signed_up_at.to_string(),
    }
}

/// A string that is not an 8-4-4-4-12 UUID.
pub(crate) fn bad_uuid(rng: &mut Rng) -> String {
    let uuid = rng.uuid_v4();
    match rng.below(4) {
        0 => uuid.replace('-', ""),
        1 => uuid[..35].to_owned(),
        2 => format!("{}g", &uuid[..35]),
        _ => rng
            .choose(&["newsletter-2024", "list_vip", "default"])
            .to_owned(),
    }
}

/// A phone number that is not `+` then 7 to 15 digits without a leading zero.
pub(crate) fn bad_e164(rng: &mut Rng, p: &Person) -> String {
    let plan = &p.locale.phone;
    let national = format!("{}{}", rng.pick(plan.prefixes), rng.digits(plan.rest));
    match rng.below(4) {
        0 => format!("0{national}"),
        1 => format!("+{} {national}", plan.cc),
        2 => format!("+00{}{national}", plan.cc),
        _ => format!("({}) {national}", plan.cc),
    }
}

/// Names longer than 40 characters (Help Scout's limit), several of them non-ASCII so that
/// their byte length is far above their character count.
pub(crate) const LONG_NAMES: &[&str] = &[
    "Hubert Blaine Wolfeschlegelsteinhausenbergerdorff",
    "Pablo Diego José Francisco de Paula Juan Nepomuceno",
    "María de los Ángeles Fernández de Córdoba y Figueroa",
    "Αικατερίνη Παναγιώτα Κωνσταντινοπούλου-Παπαδοπούλου",
    "Nguyễn Thị Minh Khai Phương Thảo Ngọc Bích Hạnh Dung",
    "Александра Владимировна Римская-Корсакова-Голицына",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_long() {
        for n in LONG_NAMES {
            assert!(n.chars().count() > 40, "{n}");
            assert!(n.chars().count() <= 150, "{n}");
        }
    }

    #[test]
    fn bad_values_are_bad() {
        for i in 0..500 {
            let p = Person::generate(&mut Rng::for_stream(3, i, 0));
            let mut rng = Rng::for_stream(3, i, 1);
            let e = bad_email(&mut rng, &p);
            assert!(!crate::check::is_email(&e), "{e}");
            let u = bad_url(&mut rng, &p);
            assert!(
                !u.starts_with("http://") && !u.starts_with("https://"),
                "{u}"
            );
            let id = bad_uuid(&mut rng);
            assert!(!crate::check::is_uuid(&id), "{id}");
            let ph = bad_e164(&mut rng, &p);
            assert!(!crate::check::is_e164(&ph), "{ph}");
            let d = bad_iso_date(&mut rng, &p);
            assert!(!crate::check::is_iso_date(&d), "{d}");
        }
    }
}
