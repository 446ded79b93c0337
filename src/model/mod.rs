//! The hub model: the canonical contact every conversion passes through, its fields, and the
//! vocabularies several formats share.
//!
//! Every conversion is an import into [`Contact`] followed by an export from it. The model holds
//! everything any of the four vendors can carry, so no conversion has to drop data that its
//! target could hold. Its JSON form is the canonical format (format id `canonical`, the fifth
//! spoke: `crate::canonical`).

mod field;
pub(crate) mod vocabulary;

pub(crate) use field::ContactField;

use crate::value::Map;
use serde::{Deserialize, Serialize};

use crate::Timestamp;

/// A vendor-neutral contact.
///
/// ```
/// use contactkit::canonical::{Contact, Email};
/// let contact = Contact {
///     external_id: Some("u-1".into()),
///     first_name: Some("Ada".into()),
///     emails: vec![Email { value: "ada@example.com".into(), kind: None }],
///     ..Contact::default()
/// };
/// let json = serde_json::to_value(&contact)?;
/// assert_eq!(json["emails"][0]["value"], "ada@example.com");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Contact {
    /// The contact's id in the user's own system (Sequence `externalId`, Intercom `external_id`,
    /// a Bird `external_id` identifier).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// The full / display name as one string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// Given name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Family name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Email addresses, the primary one first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<Email>,
    /// Phone numbers, the primary one first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    /// Photo / avatar URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo_url: Option<String>,
    /// Where the photo comes from (Help Scout `photoType`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo_type: Option<String>,
    /// Job title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// Company / organization name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// Help Scout organization id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<i64>,
    /// Industry (Sequence).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// Postal address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Free-text location (Help Scout `location`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Website URLs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub websites: Vec<String>,
    /// When the contact signed up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_up_at: Option<Timestamp>,
    /// When the contact was last seen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_seen_at: Option<Timestamp>,
    /// Last browser used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub browser: Option<String>,
    /// Version of the last browser used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub browser_version: Option<String>,
    /// Language of the last browser used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub browser_language: Option<String>,
    /// Operating system last used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub os: Option<String>,
    /// Gender: `male`, `female` or `unknown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Age, a free string such as `30-35`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<String>,
    /// Free-text notes (Help Scout `background`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Chat handles.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub chats: Vec<Handle>,
    /// Social profiles.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub social_profiles: Vec<Handle>,
    /// Other identifiers (Bird custom identifiers such as `visitorid`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Bird list ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub list_ids: Vec<String>,
    /// Bird account ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub account_ids: Vec<String>,
    /// Bird company references.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub company_refs: Vec<String>,
    /// Tag names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Intercom role: `user` or `lead`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Intercom owner (admin) id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<i64>,
    /// Whether the contact opted out of emails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsubscribed_from_emails: Option<bool>,
    /// The contact's id in Intercom (Sequence `intercomId`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intercom_id: Option<String>,
    /// Custom attributes by key: Sequence extra members, Intercom `custom_attributes`, Bird
    /// `attributes` other than the standard ones, Help Scout `properties`.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub custom_attributes: Map,
}

/// An email address with its kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Email {
    /// The address.
    pub value: String,
    /// `work`, `home` or `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A phone number with its kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Phone {
    /// The number as given.
    pub value: String,
    /// `fax`, `home`, `mobile`, `other`, `pager` or `work`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A chat handle or social profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Handle {
    /// The service (`skype`, `twitter`, …).
    pub kind: String,
    /// The handle or profile URL.
    pub value: String,
}

/// A vendor identifier that is neither an email nor a phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Identifier {
    /// The identifier key (e.g. `visitorid`).
    pub key: String,
    /// The identifier value.
    pub value: String,
}

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Address {
    /// Street lines.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<String>,
    /// City.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State, province or region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Postal code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Country (name or code, as given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

impl Address {
    /// `true` when no part is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}
