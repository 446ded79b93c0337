//! The vendors' documented vocabularies, restated once from their docs (the seeds docs/RULES.md
//! quotes) and independently of the rule tables in `src/`: the tests that check the tables
//! against the docs, generate payloads or tell documented words from a record's values read
//! them from here, so a drifting table fails a test instead of being copied into it.

/// Help Scout `photoType` (Create Customer).
pub const HS_PHOTO_TYPES: &[&str] = &[
    "unknown",
    "gravatar",
    "twitter",
    "facebook",
    "googleprofile",
    "googleplus",
    "linkedin",
    "instagram",
];

/// Help Scout `gender`.
pub const HS_GENDERS: &[&str] = &["male", "female", "unknown"];

/// Sequence's documented members that hold a string (Create Person).
pub const SEQUENCE_STRING_MEMBERS: &[&str] = &[
    "externalId",
    "intercomId",
    "industry",
    "companyName",
    "websiteUrl",
    "title",
    "city",
    "region",
    "country",
    "os",
    "browserLanguage",
    "browserVersion",
    "browser",
    "lastSeenAt",
    "signedUpAt",
    "phone",
    "photo",
    "email",
    "firstName",
    "lastName",
];

/// Help Scout email types: the v1 list (v2 documents none; warnings only,
/// docs/RULES.md#hs-email).
pub const HS_EMAIL_TYPES: &[&str] = &["work", "home", "other"];

/// Help Scout phone types.
pub const HS_PHONE_TYPES: &[&str] = &["fax", "home", "mobile", "other", "pager", "work"];

/// Help Scout chat types.
pub const HS_CHAT_TYPES: &[&str] = &[
    "aim", "gtalk", "icq", "msn", "other", "qq", "skype", "xmpp", "yahoo",
];

/// Help Scout social profile types.
pub const HS_SOCIAL_TYPES: &[&str] = &[
    "aboutme",
    "facebook",
    "flickr",
    "forsquare",
    "foursquare",
    "google",
    "googleplus",
    "linkedin",
    "other",
    "quora",
    "tungleme",
    "twitter",
    "youtube",
];

/// Help Scout's reserved property slugs (names the property API keeps for itself).
pub const HS_RESERVED_SLUGS: &[&str] = &["email", "name", "company", "jobTitle"];

/// Intercom `role`.
pub const INTERCOM_ROLES: &[&str] = &["user", "lead"];

/// Every word above: documented values that messages may list ("is not one of the accepted
/// values: work, home, other") although a payload uses them too.
pub fn all_words() -> impl Iterator<Item = &'static str> {
    [
        HS_PHOTO_TYPES,
        HS_GENDERS,
        HS_EMAIL_TYPES,
        HS_PHONE_TYPES,
        HS_CHAT_TYPES,
        HS_SOCIAL_TYPES,
        HS_RESERVED_SLUGS,
        INTERCOM_ROLES,
    ]
    .into_iter()
    .flatten()
    .copied()
}
