//! The formats contactkit validates and converts.

use std::fmt;
use std::str::FromStr;

use crate::spec::Obj;

/// A payload format.
///
/// ```
/// use contactkit::Format;
/// let f: Format = "helpscout".parse()?;
/// assert_eq!(f, Format::HelpScout);
/// assert_eq!(f.id(), "helpscout");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Format {
    /// Sequence "Create Person" body.
    Sequence,
    /// Intercom "Create contact" request body, API 2.15.
    Intercom,
    /// Bird "Create a contact" body, workspace Contacts API.
    Bird,
    /// Help Scout Mailbox API 2.0 "Create Customer" body.
    HelpScout,
    /// contactkit's own vendor-neutral contact.
    Canonical,
}

impl Format {
    /// Every format, in the contract's order.
    pub const ALL: [Format; 5] = [
        Self::Sequence,
        Self::Intercom,
        Self::Bird,
        Self::HelpScout,
        Self::Canonical,
    ];

    /// The format's id (`sequence`, `intercom`, `bird`, `helpscout`, `canonical`).
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::Sequence => "sequence",
            Self::Intercom => "intercom",
            Self::Bird => "bird",
            Self::HelpScout => "helpscout",
            Self::Canonical => "canonical",
        }
    }

    /// A human title for the format.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::Sequence => "Sequence (Create Person)",
            Self::Intercom => "Intercom (Create contact, API 2.15)",
            Self::Bird => "Bird (Create a contact)",
            Self::HelpScout => "Help Scout (Create Customer, Mailbox API 2.0)",
            Self::Canonical => "contactkit canonical contact",
        }
    }

    /// The JSON Schema (draft 2020-12) of the format's payload: the text of
    /// `schemas/<id>.schema.json`.
    ///
    /// ```
    /// let schema: serde_json::Value = serde_json::from_str(contactkit::Format::Bird.schema())?;
    /// assert_eq!(schema["required"][0], "displayName");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn schema(self) -> &'static str {
        match self {
            Self::Sequence => include_str!("../schemas/sequence.schema.json"),
            Self::Intercom => include_str!("../schemas/intercom.schema.json"),
            Self::Bird => include_str!("../schemas/bird.schema.json"),
            Self::HelpScout => include_str!("../schemas/helpscout.schema.json"),
            Self::Canonical => include_str!("../schemas/canonical.schema.json"),
        }
    }

    /// The format's rule table.
    pub(crate) fn spec(self) -> &'static Obj {
        match self {
            Self::Sequence => &crate::vendor::sequence::spec::PERSON,
            Self::Intercom => &crate::vendor::intercom::spec::CREATE_CONTACT,
            Self::Bird => &crate::vendor::bird::spec::CONTACT,
            Self::HelpScout => &crate::vendor::helpscout::spec::CUSTOMER,
            Self::Canonical => &crate::canonical::spec::CONTACT,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The error for a format id that contactkit does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = Format::ALL.iter().map(|f| f.id()).collect();
        write!(
            f,
            "unknown format {:?}; expected one of: {}",
            self.0,
            ids.join(", ")
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|f| f.id() == s)
            .ok_or_else(|| UnknownFormat(s.to_owned()))
    }
}
