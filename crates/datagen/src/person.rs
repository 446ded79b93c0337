//! A vendor-neutral person: everything any vendor format may show, drawn once per record.
//!
//! Each vendor renderer then shows a random subset of it, so the same `--seed` and record
//! number describe the same person in all five formats.

use crate::pools::{self, City, Company, Locale, Name, NameOrder};
use crate::rng::Rng;
use crate::time;

/// Earliest sign-up time: 2016-01-01T00:00:00Z.
const SIGNUP_FROM: i64 = 1_451_606_400;
/// Latest sign-up time: 2025-06-30T00:00:00Z.
const SIGNUP_TO: i64 = 1_751_241_600;
/// Latest "last seen" time: 2025-09-30T00:00:00Z. Fixed, so output never depends on the clock.
const SEEN_TO: i64 = 1_759_190_400;

/// Gender as a CRM records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Not known or not given.
    Unknown,
}

impl Gender {
    /// Help Scout's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Female => "female",
            Self::Male => "male",
            Self::Unknown => "unknown",
        }
    }
}

/// What an email address or phone number is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Work.
    Work,
    /// Home / personal.
    Home,
    /// Mobile phone.
    Mobile,
    /// Fax.
    Fax,
    /// Anything else.
    Other,
}

impl Kind {
    /// Lowercase name, as Help Scout and the canonical format spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Work => "work",
            Self::Home => "home",
            Self::Mobile => "mobile",
            Self::Fax => "fax",
            Self::Other => "other",
        }
    }
}

/// A phone number.
#[derive(Debug, Clone)]
pub struct Phone {
    /// E.164 form, e.g. `+31612345678`.
    pub e164: String,
    /// As people type it, e.g. `+31 6 1234 5678`.
    pub display: String,
    /// What the number is for.
    pub kind: Kind,
}

/// A photo URL and the Help Scout `photoType` that matches its host.
#[derive(Debug, Clone)]
pub struct Photo {
    /// Absolute https URL (at most 200 characters).
    pub url: String,
    /// `gravatar`, `twitter`, `facebook`, `linkedin`, `instagram`, `googleprofile` or `unknown`.
    pub kind: &'static str,
}

/// A generated person.
#[derive(Debug, Clone)]
pub struct Person {
    /// Locale the person comes from.
    pub locale: &'static Locale,
    /// Gender.
    pub gender: Gender,
    /// Given name as written (may end in an emoji).
    pub given: String,
    /// ASCII transliteration of the given name.
    pub given_ascii: &'static str,
    /// Family name as written; `None` for people with one name.
    pub family: Option<&'static str>,
    /// Full name in the locale's order ("山田 太郎", "李伟", "Ada Lovelace").
    pub full_name: String,
    /// The id the customer's own app uses.
    pub external_id: String,
    /// Email addresses, primary first (at least one).
    pub emails: Vec<(String, Kind)>,
    /// Phone numbers, primary first (possibly none).
    pub phones: Vec<Phone>,
    /// Home city.
    pub city: &'static City,
    /// Postal code in the city's format.
    pub postal_code: String,
    /// Street address lines (one or two).
    pub street: Vec<String>,
    /// Employer.
    pub company: Option<&'static Company>,
    /// Job title.
    pub job_title: Option<&'static str>,
    /// A website: the employer's or a personal one.
    pub website: String,
    /// Photo.
    pub photo: Photo,
    /// Social profiles: `(Help Scout type, URL)`.
    pub social: Vec<(&'static str, String)>,
    /// Chat handles: `(Help Scout type, handle)`.
    pub chats: Vec<(&'static str, String)>,
    /// Sign-up time, Unix seconds.
    pub signed_up_at: i64,
    /// Last-seen time, Unix seconds (not before sign-up).
    pub last_seen_at: i64,
    /// Operating system, browser and browser version.
    pub device: (&'static str, &'static str, &'static str),
    /// Subscription plan.
    pub plan: &'static str,
    /// Number of seats.
    pub seats: u32,
    /// Monthly recurring revenue, two decimals.
    pub mrr: f64,
    /// Beta-program member.
    pub beta: bool,
    /// How they found the product.
    pub referral: &'static str,
    /// One to three tags.
    pub tags: Vec<&'static str>,
    /// Age in years.
    pub age: u32,
    /// A free-text note.
    pub note: &'static str,
    /// Intercom contact id (24 hex digits).
    pub intercom_id: String,
    /// Intercom admin id of the owner.
    pub owner_id: u64,
    /// Opted out of email.
    pub unsubscribed: bool,
}

impl Person {
    /// Draw a person from `rng`.
    pub fn generate(rng: &mut Rng) -> Self {
        let locale = pick_locale(rng);
        let gender = *rng.weighted(&[
            (48, Gender::Female),
            (48, Gender::Male),
            (4, Gender::Unknown),
        ]);
        let female = match gender {
            Gender::Female => true,
            Gender::Male => false,
            Gender::Unknown => rng.chance(0.5),
        };
        let (given_list, family_list) = if female {
            (locale.given_female, locale.family_female)
        } else {
            (locale.given_male, locale.family_male)
        };
        let (given_text, given_ascii) = rng.choose(given_list);
        let family: Option<Name> = if rng.chance(0.97) {
            Some(rng.choose(family_list))
        } else {
            None
        };

        let mut given = given_text.to_owned();
        if rng.chance(0.015) {
            given.push(' ');
            given.push_str(rng.choose(pools::EMOJI));
        }
        let full_name = match (family, locale.order) {
            (None, _) => given.clone(),
            (Some((f, _)), NameOrder::GivenFirst) => format!("{given} {f}"),
            (Some((f, _)), NameOrder::FamilyFirst) => format!("{f} {given}"),
            (Some((f, _)), NameOrder::FamilyFirstJoined) => format!("{f}{given}"),
        };
        let family_ascii = family.map_or("", |(_, a)| a);

        let company = if rng.chance(0.75) {
            Some(if !locale.companies.is_empty() && rng.chance(0.6) {
                rng.pick(locale.companies)
            } else {
                rng.pick(pools::GLOBAL_COMPANIES)
            })
        } else {
            None
        };
        let job_title = if rng.chance(0.8) {
            Some(if !locale.titles.is_empty() && rng.chance(0.4) {
                rng.choose(locale.titles)
            } else {
                rng.choose(pools::JOB_TITLES)
            })
        } else {
            None
        };

        let emails = make_emails(rng, locale, given_ascii, family_ascii, company);
        let phones = make_phones(rng, locale, company.is_some());
        let external_id = make_external_id(rng, &emails[0].0);

        let city = rng.pick(locale.cities);
        let postal_code = fill_pattern(rng, city.postal);
        let mut street = vec![rng
            .pick(locale.streets)
            .replace("{n}", &rng.range(1, 250).to_string())];
        if rng.chance(0.15) {
            let second_line = rng.choose(&[
                "Suite 200",
                "Apt 4B",
                "2nd floor",
                "c/o Reception",
                "Unit 12",
                "Building C",
            ]);
            street.push(second_line.to_owned());
        }

        let handle = make_handle(rng, given_ascii, family_ascii);
        let website = match company {
            Some(c) if rng.chance(0.7) => match rng.below(3) {
                0 => format!("https://www.{}/", c.domain),
                1 => format!("https://{}", c.domain),
                _ => format!("https://www.{}/team/{}", c.domain, handle),
            },
            _ => {
                // Host names take no underscores.
                let host = handle.replace('_', "-");
                match rng.below(3) {
                    0 => format!("https://{host}.dev"),
                    1 => format!("https://{host}.github.io/"),
                    _ => format!("https://www.{host}.me/about?lang={}", &locale.tag[..2]),
                }
            }
        };
        let photo = make_photo(rng, company);
        let social = make_social(rng, &handle);
        let chats = make_chats(rng, &handle, &emails[0].0);

        let signed_up_at = rng.range(SIGNUP_FROM, SIGNUP_TO);
        let last_seen_at = rng.range(signed_up_at, SEEN_TO);
        let (os, browser, versions) = rng.choose(pools::DEVICES);
        let device = (os, browser, rng.choose(versions));

        let plan = *rng.weighted(pools::PLANS);
        let seats = match plan {
            "free" => 1,
            "starter" => rng.range(1, 5) as u32,
            "pro" => rng.range(2, 50) as u32,
            _ => rng.range(20, 2500) as u32,
        };
        let mrr = match plan {
            "free" => 0.0,
            _ => cents(f64::from(seats) * rng.choose(&[9.0, 12.5, 19.0, 29.99, 49.0])),
        };
        let tag_count = rng.range(1, 3) as usize;
        let mut tags: Vec<&'static str> = Vec::with_capacity(tag_count);
        while tags.len() < tag_count {
            let t = rng.choose(pools::TAGS);
            if !tags.contains(&t) {
                tags.push(t);
            }
        }

        Person {
            locale,
            gender,
            given,
            given_ascii,
            family: family.map(|(f, _)| f),
            full_name,
            external_id,
            emails,
            phones,
            city,
            postal_code,
            street,
            company,
            job_title,
            website,
            photo,
            social,
            chats,
            signed_up_at,
            last_seen_at,
            device,
            plan,
            seats,
            mrr,
            beta: rng.chance(0.2),
            referral: rng.choose(pools::REFERRAL_SOURCES),
            tags,
            age: rng.range(18, 79) as u32,
            note: rng.choose(pools::NOTES),
            intercom_id: rng.hex(24),
            owner_id: rng.range(1_000_000, 9_999_999) as u64,
            unsubscribed: rng.chance(0.15),
        }
    }

    /// Sign-up time as RFC 3339 in UTC.
    pub fn signed_up_rfc3339(&self) -> String {
        time::rfc3339_utc(self.signed_up_at)
    }
}

/// Round an amount of money to cents.
fn cents(amount: f64) -> f64 {
    (amount * 100.0).round() / 100.0
}

fn pick_locale(rng: &mut Rng) -> &'static Locale {
    let total: u64 = pools::LOCALES.iter().map(|l| u64::from(l.weight)).sum();
    let mut roll = rng.below(total);
    for l in pools::LOCALES {
        let w = u64::from(l.weight);
        if roll < w {
            return l;
        }
        roll -= w;
    }
    unreachable!("roll is below the total weight")
}

/// Replace `#` by a digit and `@` by a capital letter.
fn fill_pattern(rng: &mut Rng, pattern: &str) -> String {
    pattern
        .chars()
        .map(|c| match c {
            '#' => char::from(b'0' + rng.below(10) as u8),
            '@' => char::from(b'A' + rng.below(26) as u8),
            c => c,
        })
        .collect()
}

/// A lowercase ASCII handle such as `ada.lovelace`, `alovelace` or `ada_lovelace87`.
fn make_handle(rng: &mut Rng, given: &str, family: &str) -> String {
    if family.is_empty() {
        return format!("{given}{}", rng.range(1, 999));
    }
    match rng.below(4) {
        0 => format!("{given}{family}"),
        1 => format!("{}{family}", &given[..1]),
        2 => format!("{given}-{family}"),
        _ => format!("{given}_{family}{}", rng.range(10, 99)),
    }
}

/// An email local part from ASCII names.
fn local_part(rng: &mut Rng, given: &str, family: &str) -> String {
    let local = if family.is_empty() {
        format!("{given}{}", rng.range(1, 9999))
    } else {
        match rng.below(7) {
            0 | 1 => format!("{given}.{family}"),
            2 => format!("{}{family}", &given[..1]),
            3 => format!("{given}_{family}{}", rng.range(1, 99)),
            4 => format!("{given}{}", rng.range(70, 2005)),
            5 => format!("{family}.{given}"),
            _ => format!("{given}+{}", rng.pick(&["news", "shop", "work", "crm"])),
        }
    };
    if rng.chance(0.03) {
        // Some people capitalise their address; it stays valid.
        let mut chars = local.chars();
        chars.next().map_or(local.clone(), |c| {
            c.to_ascii_uppercase().to_string() + chars.as_str()
        })
    } else {
        local
    }
}

fn make_emails(
    rng: &mut Rng,
    locale: &Locale,
    given: &str,
    family: &str,
    company: Option<&Company>,
) -> Vec<(String, Kind)> {
    let personal_domain = |rng: &mut Rng| -> &'static str {
        if rng.chance(0.7) {
            rng.choose(locale.mail_domains)
        } else {
            rng.choose(pools::GLOBAL_MAIL_DOMAINS)
        }
    };
    let mut emails = Vec::with_capacity(3);
    match company {
        Some(c) if rng.chance(0.5) => {
            let local = if family.is_empty() || rng.chance(0.6) {
                format!("{given}.{family}").trim_end_matches('.').to_owned()
            } else {
                format!("{}{family}", &given[..1])
            };
            emails.push((format!("{local}@{}", c.domain), Kind::Work));
        }
        _ => {
            let domain = personal_domain(rng);
            emails.push((
                format!("{}@{domain}", local_part(rng, given, family)),
                Kind::Home,
            ));
        }
    }
    let extra = *rng.weighted(&[(70, 0usize), (22, 1), (8, 2)]);
    for _ in 0..extra {
        let domain = personal_domain(rng);
        let email = format!("{}@{domain}", local_part(rng, given, family));
        if emails.iter().all(|(e, _)| !e.eq_ignore_ascii_case(&email)) {
            let kind = if rng.chance(0.6) {
                Kind::Home
            } else {
                Kind::Other
            };
            emails.push((email, kind));
        }
    }
    emails
}

fn make_phone(rng: &mut Rng, locale: &Locale, kind: Kind) -> Phone {
    let plan = &locale.phone;
    let prefix = rng.pick(plan.prefixes);
    // Subscriber numbers rarely start with 0 or 1 (in North America they cannot).
    let rest = format!("{}{}", rng.range(2, 9), rng.digits(plan.rest - 1));
    let e164 = format!("+{}{prefix}{rest}", plan.cc);
    let (a, b) = rest.split_at(plan.rest / 2);
    let display = match rng.below(3) {
        0 => format!("+{} {prefix} {a} {b}", plan.cc),
        1 => format!("+{} ({prefix}) {rest}", plan.cc),
        _ => format!("+{}-{prefix}-{a}-{b}", plan.cc),
    };
    Phone {
        e164,
        display,
        kind,
    }
}

fn make_phones(rng: &mut Rng, locale: &Locale, employed: bool) -> Vec<Phone> {
    let count = *rng.weighted(&[(25, 0usize), (55, 1), (17, 2), (3, 3)]);
    let mut phones = Vec::with_capacity(count);
    for i in 0..count {
        let kind = match i {
            0 => Kind::Mobile,
            _ if employed && rng.chance(0.6) => Kind::Work,
            _ => rng.choose(&[Kind::Home, Kind::Fax, Kind::Other]),
        };
        let phone = make_phone(rng, locale, kind);
        if phones.iter().all(|p: &Phone| p.e164 != phone.e164) {
            phones.push(phone);
        }
    }
    phones
}

fn make_external_id(rng: &mut Rng, primary_email: &str) -> String {
    match rng.below(6) {
        0 => format!("usr_{}", rng.hex(12)),
        1 => rng.range(100_000, 99_999_999).to_string(),
        2 => format!("cus_{}", base62(rng, 14)),
        3 => rng.uuid_v4(),
        4 => format!("CRM-{}-{:05}", rng.range(2016, 2025), rng.range(1, 99_999)),
        _ => primary_email.to_ascii_lowercase(),
    }
}

fn base62(rng: &mut Rng, len: usize) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    (0..len).map(|_| char::from(rng.choose(ALPHABET))).collect()
}

fn make_photo(rng: &mut Rng, company: Option<&Company>) -> Photo {
    let (url, kind) = match rng.below(7) {
        0 => (format!("https://www.gravatar.com/avatar/{}?s=200&d=identicon", rng.hex(32)), "gravatar"),
        1 => (
            format!("https://pbs.twimg.com/profile_images/{}/{}_400x400.jpg", rng.digits(19), base62(rng, 8)),
            "twitter",
        ),
        2 => (format!("https://graph.facebook.com/{}/picture?type=large", rng.digits(15)), "facebook"),
        3 => (
            format!(
                "https://media.licdn.com/dms/image/C4E03AQ{}/profile-displayphoto-shrink_200_200/0/{}?e=2147483647&v=beta",
                base62(rng, 14),
                rng.digits(13)
            ),
            "linkedin",
        ),
        4 => (
            format!("https://scontent.cdninstagram.com/v/t51.2885-19/{}_n.jpg", rng.digits(9)),
            "instagram",
        ),
        5 => (format!("https://lh3.googleusercontent.com/a/{}=s96-c", base62(rng, 24)), "googleprofile"),
        _ => {
            let host = company.map_or("cdn.example-avatars.com", |c| c.domain);
            (format!("https://{host}/avatars/{}.png", rng.hex(10)), "unknown")
        }
    };
    Photo { url, kind }
}

fn make_social(rng: &mut Rng, handle: &str) -> Vec<(&'static str, String)> {
    let count = rng.range(1, 3) as usize;
    let mut out: Vec<(&'static str, String)> = Vec::with_capacity(count);
    for _ in 0..count {
        let entry = match rng.below(6) {
            0 => (
                "twitter",
                format!("https://twitter.com/{}", handle.replace(['.', '-'], "_")),
            ),
            1 => (
                "linkedin",
                format!(
                    "https://www.linkedin.com/in/{}-{}",
                    handle.replace(['.', '_'], "-"),
                    rng.hex(6)
                ),
            ),
            2 => ("facebook", format!("https://www.facebook.com/{handle}")),
            3 => (
                "youtube",
                format!(
                    "https://www.youtube.com/@{}",
                    handle.replace(['.', '-'], "")
                ),
            ),
            4 => (
                "other",
                format!("https://github.com/{}", handle.replace(['.', '_'], "-")),
            ),
            _ => (
                "other",
                format!(
                    "https://mastodon.social/@{}",
                    handle.replace(['.', '-'], "_")
                ),
            ),
        };
        if out.iter().all(|(_, url)| *url != entry.1) {
            out.push(entry);
        }
    }
    out
}

fn make_chats(rng: &mut Rng, handle: &str, email: &str) -> Vec<(&'static str, String)> {
    let count = rng.range(1, 2) as usize;
    (0..count)
        .map(|_| match rng.below(6) {
            0 => ("skype", format!("live:.cid.{}", rng.hex(16))),
            1 => ("skype", handle.to_owned()),
            2 => ("qq", rng.range(10_000_000, 2_999_999_999).to_string()),
            3 => ("xmpp", format!("{handle}@jabber.org")),
            4 => ("gtalk", email.to_owned()),
            _ => (
                "other",
                format!("@{} (Telegram)", handle.replace(['.', '-'], "_")),
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invariants_hold_for_many_people() {
        for i in 0..3000 {
            let p = Person::generate(&mut Rng::for_stream(9, i, 0));
            assert!(!p.emails.is_empty());
            assert!(p.last_seen_at >= p.signed_up_at);
            assert!(p.photo.url.chars().count() <= 200, "{}", p.photo.url);
            assert!(p.given.chars().count() <= 40);
            for ph in &p.phones {
                let digits = &ph.e164[1..];
                assert!(
                    (7..=15).contains(&digits.len()) && !digits.starts_with('0'),
                    "{}",
                    ph.e164
                );
            }
            for (e, _) in &p.emails {
                assert!(e.is_ascii() && e.matches('@').count() == 1, "{e}");
            }
        }
    }
}
