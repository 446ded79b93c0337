//! The vocabularies of the canonical contact that several formats share: the kinds of email
//! addresses, phone numbers, chat handles and social profiles, the photo types, genders and
//! roles. They are Help Scout's documented lists (the richest contact model of the four vendors;
//! Intercom's roles for `role`), adopted by the canonical contact; each format states with its
//! own rules how strictly it checks them (an error, or a warning for a list that is only
//! inferred). docs/RULES.md cites the sources.

/// Email kinds: Help Scout 1.0 documents work, home and other (2.0 does not list them).
pub(crate) const EMAIL_KINDS: &[&str] = &["work", "home", "other"];

/// Phone kinds (Help Scout's Create Phone page).
pub(crate) const PHONE_KINDS: &[&str] = &["fax", "home", "mobile", "other", "pager", "work"];

/// Chat services (Help Scout's Create Chat Handle page).
pub(crate) const CHAT_KINDS: &[&str] = &[
    "aim", "gtalk", "icq", "msn", "other", "qq", "skype", "xmpp", "yahoo",
];

/// Social networks. Help Scout's create page spells `forsquare`, its webhook page `foursquare`:
/// both are kept.
pub(crate) const SOCIAL_KINDS: &[&str] = &[
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

/// Photo types (both renders of Help Scout's create page; `instagram` only on the newer one).
pub(crate) const PHOTO_TYPES: &[&str] = &[
    "unknown",
    "gravatar",
    "twitter",
    "facebook",
    "googleprofile",
    "googleplus",
    "linkedin",
    "instagram",
];

/// Genders.
pub(crate) const GENDERS: &[&str] = &["male", "female", "unknown"];

/// Contact roles (Intercom docs 2.1: "Accepted values are user or lead").
pub(crate) const ROLES: &[&str] = &["user", "lead"];
