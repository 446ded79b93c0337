//! The canonical contact's fields: the rows of docs/MAPPING.md (address parts are fields of
//! their own).

use super::{Address, Contact};
use crate::Timestamp;

macro_rules! canonical_fields {
    ($($variant:ident = $name:literal, $pointer:literal, $label:literal;)*) => {
        /// A field of the canonical contact (address parts are fields of their own).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(crate) enum ContactField {
            $(
                #[doc = $label]
                $variant,
            )*
        }

        impl ContactField {
            /// Every field, in the canonical contact's member order.
            pub(crate) const ALL: &'static [ContactField] = &[$(ContactField::$variant,)*];

            /// The field's name in `docs/MAPPING.md` (`address.city` for a part of `address`);
            /// the tests that keep that page true compare by it.
            #[cfg(test)]
            pub(crate) const fn name(self) -> &'static str {
                match self { $(ContactField::$variant => $name,)* }
            }

            /// The JSON Pointer of the field in the canonical JSON form.
            pub(crate) const fn pointer(self) -> &'static str {
                match self { $(ContactField::$variant => $pointer,)* }
            }

            /// A human name for messages.
            pub(crate) const fn label(self) -> &'static str {
                match self { $(ContactField::$variant => $label,)* }
            }

            /// The field alone, as the one `("", field)` pair of a member that holds it whole.
            pub(crate) const fn single(self) -> crate::engine::crossing::Fields {
                const SINGLE: crate::engine::crossing::Fields = &[$(crate::engine::crossing::named!("", ContactField::$variant),)*];
                let (_, rest) = SINGLE.split_at(self as usize);
                let (one, _) = rest.split_at(1);
                one
            }
        }
    };
}

/// The two accessors of the canonical fields of one `Copy` type, each field with its
/// `Contact` member: `$value` reads the value (`None` for other fields and when unset), `$slot`
/// gives the slot (`None` for other fields).
macro_rules! scalar_slots {
    ($value:ident, $slot:ident, $ty:ty, $what:literal: $($variant:ident => $member:ident),*) => {
        #[doc = concat!("The value of a ", $what, " field (`None` for other fields and when unset).")]
        pub(crate) fn $value(self, c: &Contact) -> Option<$ty> {
            match self {
                $(Self::$variant => c.$member,)*
                _ => None,
            }
        }

        #[doc = concat!("The slot of a ", $what, " field (`None` for other fields).")]
        pub(crate) fn $slot(self, c: &mut Contact) -> Option<&mut Option<$ty>> {
            match self {
                $(Self::$variant => Some(&mut c.$member),)*
                _ => None,
            }
        }
    };
}

canonical_fields! {
    ExternalId = "externalId", "/externalId", "external id";
    FullName = "fullName", "/fullName", "full name";
    FirstName = "firstName", "/firstName", "first name";
    LastName = "lastName", "/lastName", "last name";
    Emails = "emails", "/emails", "email address";
    Phones = "phones", "/phones", "phone number";
    PhotoUrl = "photoUrl", "/photoUrl", "photo URL";
    PhotoType = "photoType", "/photoType", "photo type";
    JobTitle = "jobTitle", "/jobTitle", "job title";
    Organization = "organization", "/organization", "organization name";
    OrganizationId = "organizationId", "/organizationId", "organization id";
    Industry = "industry", "/industry", "industry";
    AddressLines = "address.lines", "/address/lines", "street line";
    AddressCity = "address.city", "/address/city", "city";
    AddressRegion = "address.region", "/address/region", "region";
    AddressPostalCode = "address.postalCode", "/address/postalCode", "postal code";
    AddressCountry = "address.country", "/address/country", "country";
    Location = "location", "/location", "free-text location";
    Websites = "websites", "/websites", "website";
    SignedUpAt = "signedUpAt", "/signedUpAt", "sign-up time";
    LastSeenAt = "lastSeenAt", "/lastSeenAt", "last-seen time";
    Browser = "browser", "/browser", "browser";
    BrowserVersion = "browserVersion", "/browserVersion", "browser version";
    BrowserLanguage = "browserLanguage", "/browserLanguage", "browser language";
    Os = "os", "/os", "operating system";
    Gender = "gender", "/gender", "gender";
    Age = "age", "/age", "age";
    Notes = "notes", "/notes", "notes";
    Chats = "chats", "/chats", "chat handle";
    SocialProfiles = "socialProfiles", "/socialProfiles", "social profile";
    Identifiers = "identifiers", "/identifiers", "other identifier";
    ListIds = "listIds", "/listIds", "list id";
    AccountIds = "accountIds", "/accountIds", "account id";
    CompanyRefs = "companyRefs", "/companyRefs", "company reference";
    Tags = "tags", "/tags", "tag";
    Role = "role", "/role", "role";
    OwnerId = "ownerId", "/ownerId", "owner id";
    UnsubscribedFromEmails = "unsubscribedFromEmails", "/unsubscribedFromEmails", "email opt-out";
    IntercomId = "intercomId", "/intercomId", "Intercom id";
    CustomAttributes = "customAttributes", "/customAttributes", "custom attribute";
}

impl ContactField {
    /// Whether the field holds an id, where an empty string is no id (docs/RULES.md#ids).
    pub(crate) const fn is_id(self) -> bool {
        matches!(self, Self::ExternalId | Self::IntercomId)
    }

    scalar_slots!(timestamp, timestamp_mut, Timestamp, "timestamp":
        SignedUpAt => signed_up_at, LastSeenAt => last_seen_at);
    scalar_slots!(integer, integer_mut, i64, "integer":
        OrganizationId => organization_id, OwnerId => owner_id);

    /// The value of a plain string field (`None` for other fields).
    pub(crate) fn text(self, c: &Contact) -> Option<&str> {
        let address = c.address.as_ref();
        match self {
            Self::ExternalId => c.external_id.as_deref(),
            Self::FullName => c.full_name.as_deref(),
            Self::FirstName => c.first_name.as_deref(),
            Self::LastName => c.last_name.as_deref(),
            Self::PhotoUrl => c.photo_url.as_deref(),
            Self::PhotoType => c.photo_type.as_deref(),
            Self::JobTitle => c.job_title.as_deref(),
            Self::Organization => c.organization.as_deref(),
            Self::Industry => c.industry.as_deref(),
            Self::AddressCity => address.and_then(|a| a.city.as_deref()),
            Self::AddressRegion => address.and_then(|a| a.region.as_deref()),
            Self::AddressPostalCode => address.and_then(|a| a.postal_code.as_deref()),
            Self::AddressCountry => address.and_then(|a| a.country.as_deref()),
            Self::Location => c.location.as_deref(),
            Self::Browser => c.browser.as_deref(),
            Self::BrowserVersion => c.browser_version.as_deref(),
            Self::BrowserLanguage => c.browser_language.as_deref(),
            Self::Os => c.os.as_deref(),
            Self::Gender => c.gender.as_deref(),
            Self::Age => c.age.as_deref(),
            Self::Notes => c.notes.as_deref(),
            Self::Role => c.role.as_deref(),
            Self::IntercomId => c.intercom_id.as_deref(),
            _ => None,
        }
    }

    /// The slot of a plain string field (`None` for other fields). An address part creates the
    /// address.
    pub(crate) fn text_mut(self, c: &mut Contact) -> Option<&mut Option<String>> {
        Some(match self {
            Self::ExternalId => &mut c.external_id,
            Self::FullName => &mut c.full_name,
            Self::FirstName => &mut c.first_name,
            Self::LastName => &mut c.last_name,
            Self::PhotoUrl => &mut c.photo_url,
            Self::PhotoType => &mut c.photo_type,
            Self::JobTitle => &mut c.job_title,
            Self::Organization => &mut c.organization,
            Self::Industry => &mut c.industry,
            Self::AddressCity => &mut c.address.get_or_insert_with(Address::default).city,
            Self::AddressRegion => &mut c.address.get_or_insert_with(Address::default).region,
            Self::AddressPostalCode => {
                &mut c.address.get_or_insert_with(Address::default).postal_code
            }
            Self::AddressCountry => &mut c.address.get_or_insert_with(Address::default).country,
            Self::Location => &mut c.location,
            Self::Browser => &mut c.browser,
            Self::BrowserVersion => &mut c.browser_version,
            Self::BrowserLanguage => &mut c.browser_language,
            Self::Os => &mut c.os,
            Self::Gender => &mut c.gender,
            Self::Age => &mut c.age,
            Self::Notes => &mut c.notes,
            Self::Role => &mut c.role,
            Self::IntercomId => &mut c.intercom_id,
            _ => return None,
        })
    }
}
