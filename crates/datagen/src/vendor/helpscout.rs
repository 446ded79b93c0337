//! Help Scout Mailbox API 2.0 "Create Customer" bodies.

use serde_json::Value;

use super::{bad_email, bad_url, obj, put, Obj, LONG_NAMES};
use crate::person::{Kind, Person};
use crate::rng::Rng;
use crate::time;

/// Show a random subset of `p` as a Help Scout create-customer body.
pub(crate) fn render(p: &Person, rng: &mut Rng) -> Obj {
    let mut o = Obj::new();
    if rng.chance(0.9) {
        put(&mut o, "firstName", p.given.as_str());
    }
    if let Some(family) = p.family {
        if rng.chance(0.8) {
            put(&mut o, "lastName", family);
        }
    }
    if let Some(phone) = p.phones.first() {
        if rng.chance(0.25) {
            let value = if rng.chance(0.5) {
                &phone.e164
            } else {
                &phone.display
            };
            put(&mut o, "phone", value.as_str());
        }
    }
    if rng.chance(0.35) {
        put(&mut o, "photoUrl", p.photo.url.as_str());
        if rng.chance(0.8) {
            put(&mut o, "photoType", p.photo.kind);
        }
    }
    if let Some(title) = p.job_title {
        if rng.chance(0.5) {
            put(&mut o, "jobTitle", title);
        }
    }
    if rng.chance(0.2) {
        put(&mut o, "background", p.note);
    }
    if rng.chance(0.3) {
        let location = if rng.chance(0.5) {
            format!("{}, {}", p.city.name, p.locale.country_name)
        } else {
            format!("{}, {}", p.city.name, p.city.region)
        };
        put(&mut o, "location", location);
    }
    if let Some(c) = p.company {
        if rng.chance(0.45) {
            put(&mut o, "organization", c.name);
        }
    }
    if rng.chance(0.3) {
        put(&mut o, "gender", p.gender.as_str());
    }
    if rng.chance(0.2) {
        let age = if rng.chance(0.4) {
            let low = p.age / 5 * 5;
            format!("{low}-{}", low + 5)
        } else {
            p.age.to_string()
        };
        put(&mut o, "age", age);
    }
    if rng.chance(0.85) {
        let n = rng.range(1, p.emails.len() as i64) as usize;
        let emails: Vec<Value> = p.emails[..n]
            .iter()
            .map(|(value, kind)| {
                obj([
                    ("type", kind.as_str().into()),
                    ("value", value.as_str().into()),
                ])
            })
            .collect();
        put(&mut o, "emails", emails);
    }
    if !p.phones.is_empty() && rng.chance(0.4) {
        let phones: Vec<Value> = p
            .phones
            .iter()
            .map(|ph| {
                let kind = match ph.kind {
                    Kind::Mobile if rng.chance(0.05) => "pager",
                    k => k.as_str(),
                };
                let value = if rng.chance(0.5) {
                    &ph.e164
                } else {
                    &ph.display
                };
                obj([("type", kind.into()), ("value", value.as_str().into())])
            })
            .collect();
        put(&mut o, "phones", phones);
    }
    if rng.chance(0.15) {
        let chats: Vec<Value> = p
            .chats
            .iter()
            .map(|(kind, handle)| {
                obj([("type", (*kind).into()), ("value", handle.as_str().into())])
            })
            .collect();
        put(&mut o, "chats", chats);
    }
    if rng.chance(0.25) {
        let profiles: Vec<Value> = p
            .social
            .iter()
            .map(|(kind, url)| obj([("type", (*kind).into()), ("value", url.as_str().into())]))
            .collect();
        put(&mut o, "socialProfiles", profiles);
    }
    if rng.chance(0.25) {
        let mut sites = vec![obj([("value", p.website.as_str().into())])];
        if let Some(c) = p.company {
            let company_site = format!("https://www.{}/", c.domain);
            if rng.chance(0.3) && company_site != p.website {
                sites.push(obj([("value", company_site.into())]));
            }
        }
        put(&mut o, "websites", sites);
    }
    if rng.chance(0.3) {
        let mut address = Obj::new();
        if rng.chance(0.95) {
            put(&mut address, "city", p.city.name);
        }
        if rng.chance(0.8) {
            put(&mut address, "state", p.city.region);
        }
        if rng.chance(0.9) {
            put(&mut address, "postalCode", p.postal_code.as_str());
        }
        put(&mut address, "country", p.locale.country);
        put(&mut address, "lines", p.street.clone());
        put(&mut o, "address", address);
    }
    if rng.chance(0.35) {
        let candidates: [(&str, Value); 5] = [
            ("plan", p.plan.into()),
            ("seats", p.seats.into()),
            ("account-id", p.external_id.as_str().into()),
            ("customer_since", time::date_utc(p.signed_up_at).into()),
            // Help Scout number properties hold integers.
            ("mrr", (p.mrr.round() as i64).into()),
        ];
        let mut props: Vec<Value> = candidates
            .into_iter()
            .filter(|_| rng.chance(0.4))
            .map(|(slug, value)| obj([("slug", slug.into()), ("value", value)]))
            .collect();
        if props.is_empty() {
            props.push(obj([("slug", "plan".into()), ("value", p.plan.into())]));
        }
        put(&mut o, "properties", props);
    }
    o
}

const LONG_TITLES: &[&str] = &[
    "Senior Vice President of Global Strategic Partnerships and Business Development, EMEA",
    "Stellvertretende Leiterin der Abteilung für Qualitätssicherung und Prozessoptimierung",
    "Директор по развитию бизнеса и стратегическим партнёрствам в странах Восточной Европы",
];

const LONG_ORGANIZATIONS: &[&str] = &[
    "Internationale Gesellschaft für Zusammenarbeit und Entwicklungspartnerschaften mbH",
    "株式会社グローバル・インターナショナル・ソリューションズ・アンド・コンサルティング・ホールディングス東京本社営業推進本部第二営業課",
    "Cooperativa Agrícola de Produtores de Café e Cacau do Sul da Bahia e Norte de Minas Ltda.",
];

const LONG_LOCATIONS: &[&str] = &[
    "Building 4, 221B Baker Street, Marylebone, London NW1 6XE, United Kingdom",
    "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch, Anglesey, Wales",
    "Санкт-Петербург, Василеостровский район, Средний проспект, дом 1",
];

/// Set one entry of an array field, creating the array when the record has none.
fn set_first(o: &mut Obj, key: &str, entry: Value) {
    match o.get_mut(key) {
        Some(Value::Array(items)) if !items.is_empty() => items[0] = entry,
        _ => put(o, key, vec![entry]),
    }
}

/// Make `o` invalid as a Help Scout body in one realistic way.
pub(crate) fn invalidate(o: &mut Obj, p: &Person, rng: &mut Rng) -> &'static str {
    match rng.below(14) {
        0 => {
            put(o, "firstName", rng.choose(LONG_NAMES));
            "firstName is longer than 40 characters"
        }
        1 => {
            put(o, "lastName", rng.choose(LONG_NAMES));
            "lastName is longer than 40 characters"
        }
        2 => {
            put(o, "firstName", "");
            "firstName is empty"
        }
        3 => {
            let slug = rng.choose(&["email", "name", "company", "jobTitle"]);
            let prop = obj([
                ("slug", slug.into()),
                ("value", p.emails[0].0.as_str().into()),
            ]);
            set_first(o, "properties", prop);
            "a property uses a reserved slug"
        }
        4 => {
            let slug = rng.choose(&["Plan Type", "seats#", "kundennummer (alt)", "período"]);
            set_first(
                o,
                "properties",
                obj([("slug", slug.into()), ("value", p.plan.into())]),
            );
            "a property slug has characters outside A-Z a-z 0-9 _ -"
        }
        5 => {
            put(o, "jobTitle", rng.choose(LONG_TITLES));
            "jobTitle is longer than 60 characters"
        }
        6 => {
            let mut long = String::from(p.note);
            while long.chars().count() <= 200 {
                long.push(' ');
                long.push_str(rng.choose(crate::pools::NOTES));
            }
            put(o, "background", long);
            "background is longer than 200 characters"
        }
        7 => {
            if rng.chance(0.5) {
                put(o, "organization", rng.choose(LONG_ORGANIZATIONS));
                "organization is longer than 60 characters"
            } else {
                put(o, "location", rng.choose(LONG_LOCATIONS));
                "location is longer than 60 characters"
            }
        }
        8 => {
            put(o, "photoType", rng.choose(&["myspace", "flickr", "github"]));
            "photoType is not one of the documented values"
        }
        9 => {
            put(
                o,
                "gender",
                rng.choose(&["divers", "other", "nonbinary", "f"]),
            );
            "gender is not male, female or unknown"
        }
        10 => {
            set_first(
                o,
                "emails",
                obj([("type", "work".into()), ("value", bad_email(rng, p).into())]),
            );
            "an email value is not a valid address"
        }
        11 => match rng.below(3) {
            0 => {
                let value = p
                    .phones
                    .first()
                    .map_or("+15555550123", |ph| ph.e164.as_str());
                set_first(
                    o,
                    "phones",
                    obj([("type", "cell".into()), ("value", value.into())]),
                );
                "a phone type is not one of the documented values"
            }
            1 => {
                let chat = obj([
                    ("type", "telegram".into()),
                    ("value", format!("@{}", p.given_ascii).into()),
                ]);
                set_first(o, "chats", chat);
                "a chat type is not one of the documented values"
            }
            _ => {
                let url = format!("https://www.instagram.com/{}/", p.given_ascii);
                set_first(
                    o,
                    "socialProfiles",
                    obj([("type", "instagram".into()), ("value", url.into())]),
                );
                "a social profile type is not one of the documented values"
            }
        },
        12 => {
            if rng.chance(0.5) {
                set_first(o, "websites", obj([("value", bad_url(rng, p).into())]));
                "a website is not an absolute http(s) URL"
            } else {
                put(o, "photoUrl", bad_url(rng, p));
                "photoUrl is not an absolute http(s) URL"
            }
        }
        _ => {
            let mut url = format!(
                "https://media.licdn.com/dms/image/v2/D4E03AQ{}/profile-displayphoto-shrink_800_800/profile-displayphoto-shrink_800_800/0/{}?e=1735776000&v=beta&t=",
                rng.hex(16),
                rng.digits(13)
            );
            while url.chars().count() <= 200 {
                url.push_str(&rng.hex(8));
            }
            put(o, "photoUrl", url);
            "photoUrl is longer than 200 characters"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_exceed_the_limits_in_characters() {
        assert!(LONG_TITLES.iter().all(|s| s.chars().count() > 60));
        assert!(LONG_ORGANIZATIONS.iter().all(|s| s.chars().count() > 60));
        assert!(LONG_LOCATIONS.iter().all(|s| s.chars().count() > 60));
    }
}
