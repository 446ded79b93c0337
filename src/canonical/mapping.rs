//! The conversion machinery every format shares.
//!
//! - [`CField`]: the canonical contact's fields (address parts separately), the rows of
//!   `docs/MAPPING.md`.
//! - [`Table`]: one per format, listing in the format's own field order which members it reads
//!   and writes ([`Entry::members`]), which canonical fields they hold ([`Entry::fields`]) and the
//!   functions that do it. The importer dispatches on it, the exporter walks it in order, and a
//!   canonical value whose field no entry lists is dropped with a note, so nothing is dropped
//!   silently. A test compares every table with `docs/MAPPING.md`.
//! - [`Provenance`]: where each canonical value came from in the source record, so a value the
//!   target cannot hold is noted with its source path.
//! - [`Importer`] and [`Exporter`]: the contexts the per-format functions write into.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::{Address, Contact};
use crate::convert::{ConvertOptions, Note, NoteCode};
use crate::external_id::Derivation;
use crate::pointer::join;
use crate::{Code, Format, Issue};

macro_rules! canonical_fields {
    ($($variant:ident = $name:literal, $pointer:literal, $label:literal;)*) => {
        /// A field of the canonical contact (address parts are fields of their own).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(crate) enum CField {
            $(
                #[doc = $label]
                $variant,
            )*
        }

        impl CField {
            /// Every field, in the canonical contact's member order.
            pub(crate) const ALL: &'static [CField] = &[$(CField::$variant,)*];

            /// The field's name in `docs/MAPPING.md` (`address.city` for a part of `address`);
            /// the tests that keep that page true compare by it.
            pub(crate) const fn name(self) -> &'static str {
                match self { $(CField::$variant => $name,)* }
            }

            /// The JSON Pointer of the field in the canonical JSON form.
            pub(crate) const fn pointer(self) -> &'static str {
                match self { $(CField::$variant => $pointer,)* }
            }

            /// A human name for messages.
            pub(crate) const fn label(self) -> &'static str {
                match self { $(CField::$variant => $label,)* }
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

impl CField {
    /// The canonical pointers of the values this field holds in `c`: one per list item or
    /// custom attribute, one for a set scalar, none when empty.
    pub(crate) fn each_value<'c>(self, c: &'c Contact, f: &mut dyn FnMut(Loc<'c>)) {
        let address = c.address.as_ref();
        let part = |get: fn(&Address) -> bool| address.is_some_and(get);
        let set = match self {
            Self::Emails => return items(self, c.emails.len(), f),
            Self::Phones => return items(self, c.phones.len(), f),
            Self::AddressLines => return items(self, address.map_or(0, |a| a.lines.len()), f),
            Self::Websites => return items(self, c.websites.len(), f),
            Self::Chats => return items(self, c.chats.len(), f),
            Self::SocialProfiles => return items(self, c.social_profiles.len(), f),
            Self::Identifiers => return items(self, c.identifiers.len(), f),
            Self::ListIds => return items(self, c.list_ids.len(), f),
            Self::AccountIds => return items(self, c.account_ids.len(), f),
            Self::CompanyRefs => return items(self, c.company_refs.len(), f),
            Self::Tags => return items(self, c.tags.len(), f),
            Self::CustomAttributes => {
                for key in c.custom_attributes.keys() {
                    f(Loc::Custom(key));
                }
                return;
            }
            Self::AddressCity => part(|a| a.city.is_some()),
            Self::AddressRegion => part(|a| a.region.is_some()),
            Self::AddressPostalCode => part(|a| a.postal_code.is_some()),
            Self::AddressCountry => part(|a| a.country.is_some()),
            Self::PhotoType => c.photo_type.is_some(),
            Self::OrganizationId => c.organization_id.is_some(),
            Self::SignedUpAt => c.signed_up_at.is_some(),
            Self::LastSeenAt => c.last_seen_at.is_some(),
            Self::OwnerId => c.owner_id.is_some(),
            Self::UnsubscribedFromEmails => c.unsubscribed_from_emails.is_some(),
            Self::Role => c.role.is_some(),
            Self::Gender => c.gender.is_some(),
            _ => self.text(c).is_some(),
        };
        if set {
            f(Loc::Field(self));
        }
    }

    /// Whether the field holds an id, where an empty string is no id (docs/RULES.md#ids).
    pub(crate) const fn is_id(self) -> bool {
        matches!(self, Self::ExternalId | Self::IntercomId)
    }

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

fn items<'c>(field: CField, n: usize, f: &mut dyn FnMut(Loc<'c>)) {
    for i in 0..n {
        f(Loc::Item(field, i));
    }
}

/// A format's mapping: its entries in the format's field order.
#[derive(Debug)]
pub(crate) struct Table {
    /// The entries; the exporter writes them in this order.
    pub(crate) entries: &'static [Entry],
    /// The canonical fields some entry lists, one bit per [`CField`].
    covered: u64,
}

/// The member name of an entry that takes every member no other entry lists (Sequence custom
/// attributes).
pub(crate) const OTHER_MEMBERS: &str = "*";

/// One group of a format's members and the canonical fields they hold.
#[derive(Debug)]
pub(crate) struct Entry {
    /// The top-level members the entry reads and writes, in the format's order
    /// ([`OTHER_MEMBERS`] for "every other member").
    pub(crate) members: &'static [&'static str],
    /// `(vendor field as docs/MAPPING.md names it, canonical field)` pairs the entry handles.
    pub(crate) fields: &'static [(&'static str, CField)],
    /// How the values cross.
    pub(crate) rule: Rule,
}

/// How an entry's values cross.
#[derive(Debug)]
pub(crate) enum Rule {
    /// The one member is a string that crosses unchanged to the entry's one canonical string
    /// field (`null` on import is no value).
    Text,
    /// Anything else.
    With {
        /// Reads the entry's members from the source object into the contact.
        import: for<'s> fn(&'s Map<String, Value>, &mut Importer<'s>),
        /// Writes the entry's members from the contact.
        export: fn(&mut Exporter<'_>),
    },
}

impl Table {
    /// A table of `entries` (computed at compile time).
    pub(crate) const fn new(entries: &'static [Entry]) -> Self {
        let mut covered = 0u64;
        let mut i = 0;
        while i < entries.len() {
            let fields = entries[i].fields;
            let mut j = 0;
            while j < fields.len() {
                covered |= 1 << fields[j].1 as u64;
                j += 1;
            }
            i += 1;
        }
        Self { entries, covered }
    }

    /// Whether some entry lists `field`.
    pub(crate) fn covers(&self, field: CField) -> bool {
        self.covered & (1 << field as u64) != 0
    }

    /// Whether some entry lists `member` (or takes every other member).
    fn takes(&self, member: &str) -> bool {
        self.entries.iter().any(|e| {
            e.members
                .iter()
                .any(|m| *m == member || *m == OTHER_MEMBERS)
        })
    }

    /// Whether `member` is one the table names (not counting [`OTHER_MEMBERS`]).
    pub(crate) fn names(&self, member: &str) -> bool {
        self.entries.iter().any(|e| e.members.contains(&member))
    }
}

/// The short name of a format, for messages.
pub(crate) const fn format_name(format: Format) -> &'static str {
    match format {
        Format::Sequence => "Sequence",
        Format::Intercom => "Intercom",
        Format::Bird => "Bird",
        Format::HelpScout => "Help Scout",
        Format::Canonical => "the canonical contact",
        #[cfg(feature = "read-formats")]
        Format::IntercomContact => "Intercom's contact object",
        #[cfg(feature = "read-formats")]
        Format::BirdContact => "Bird's contact object",
        #[cfg(feature = "read-formats")]
        Format::HelpScoutCustomer => "Help Scout's customer object",
    }
}

/// A location in the canonical contact, rendered as a JSON Pointer only when a note needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Loc<'k> {
    /// A whole field (a scalar, or a part of the address).
    Field(CField),
    /// An item of a list field.
    Item(CField, usize),
    /// The kind of an item of a list field (emails, phones).
    ItemKind(CField, usize),
    /// A custom attribute.
    Custom(&'k str),
}

impl<'k> Loc<'k> {
    /// The JSON Pointer into the canonical JSON form.
    pub(crate) fn pointer(&self) -> String {
        match *self {
            Loc::Field(f) => f.pointer().to_owned(),
            Loc::Item(f, i) => item_pointer(f.pointer(), i),
            Loc::ItemKind(f, i) => {
                let mut p = item_pointer(f.pointer(), i);
                p.push_str("/kind");
                p
            }
            Loc::Custom(key) => join(CField::CustomAttributes.pointer(), key),
        }
    }

    /// The enclosing location, for provenance lookups.
    fn parent(&self) -> Option<Loc<'k>> {
        match *self {
            Loc::ItemKind(f, i) => Some(Loc::Item(f, i)),
            Loc::Item(f, _) => Some(Loc::Field(f)),
            Loc::Custom(_) => Some(Loc::Field(CField::CustomAttributes)),
            Loc::Field(_) => None,
        }
    }
}

/// `base/index`.
fn item_pointer(base: &str, index: usize) -> String {
    use std::fmt::Write as _;
    let mut p = String::with_capacity(base.len() + 4);
    p.push_str(base);
    // Writing to a String cannot fail.
    let _ = write!(p, "/{index}");
    p
}

/// A location in the source record, rendered as a JSON Pointer only when a note needs it.
/// Member names are the formats' own (no characters to escape); custom keys are escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
// The deeper locations below are made only by the read formats' importers.
#[cfg_attr(not(feature = "read-formats"), allow(dead_code))]
pub(crate) enum Src<'s> {
    /// The whole record.
    Root,
    /// `/member`
    Member(&'static str),
    /// `/member/index`
    Item(&'static str, usize),
    /// `/member/index/name`
    ItemMember(&'static str, usize, &'static str),
    /// `/member/name`
    Nested(&'static str, &'static str),
    /// `/member/name/index`
    NestedItem(&'static str, &'static str, usize),
    /// `/member/key`, or `/key` when `member` is empty (a custom attribute).
    Key(&'static str, &'s str),
    // Deeper locations, for the read formats (`intercom-contact`, `bird-contact`,
    // `helpscout-customer`), whose values sit below nested objects.
    /// `/member/name/index/inner`
    NestedItemMember(&'static str, &'static str, usize, &'static str),
    /// `/member/name/inner`
    NestedMember(&'static str, &'static str, &'static str),
    /// `/member/name/inner/index`
    NestedMemberItem(&'static str, &'static str, &'static str, usize),
    /// `/member/key/index`
    KeyItem(&'static str, &'s str, usize),
}

impl Src<'_> {
    /// The JSON Pointer into the source record.
    pub(crate) fn pointer(&self) -> String {
        let top = |m: &str| join("", m);
        match *self {
            Src::Root => String::new(),
            Src::Member(m) => top(m),
            Src::Item(m, i) => item_pointer(&top(m), i),
            Src::ItemMember(m, i, name) => join(&item_pointer(&top(m), i), name),
            Src::Nested(m, name) => join(&top(m), name),
            Src::NestedItem(m, name, i) => item_pointer(&join(&top(m), name), i),
            Src::Key("", key) => top(key),
            Src::Key(m, key) => join(&top(m), key),
            Src::NestedItemMember(m, name, i, inner) => {
                join(&item_pointer(&join(&top(m), name), i), inner)
            }
            Src::NestedMember(m, name, inner) => join(&join(&top(m), name), inner),
            Src::NestedMemberItem(m, name, inner, i) => {
                item_pointer(&join(&join(&top(m), name), inner), i)
            }
            Src::KeyItem(m, key, i) => item_pointer(&join(&top(m), key), i),
        }
    }

    /// The value at this location of `record`.
    fn value<'v>(&self, record: &'v Value) -> Option<&'v Value> {
        match *self {
            Src::Root => Some(record),
            Src::Member(m) => record.get(m),
            Src::Item(m, i) => record.get(m)?.get(i),
            Src::ItemMember(m, i, name) => record.get(m)?.get(i)?.get(name),
            Src::Nested(m, name) => record.get(m)?.get(name),
            Src::NestedItem(m, name, i) => record.get(m)?.get(name)?.get(i),
            Src::Key("", key) => record.get(key),
            Src::Key(m, key) => record.get(m)?.get(key),
            Src::NestedItemMember(m, name, i, inner) => {
                record.get(m)?.get(name)?.get(i)?.get(inner)
            }
            Src::NestedMember(m, name, inner) => record.get(m)?.get(name)?.get(inner),
            Src::NestedMemberItem(m, name, inner, i) => {
                record.get(m)?.get(name)?.get(inner)?.get(i)
            }
            Src::KeyItem(m, key, i) => record.get(m)?.get(key)?.get(i),
        }
    }
}

/// Where each canonical value came from in the source record. Lookups fall back to the
/// nearest recorded enclosing location (the kind of `/emails/1` → the source of `/emails/1`).
/// Recording allocates little and hashes only custom attribute keys; pointers are rendered only
/// for notes. Every lookup is O(1): a record may hold hundreds of thousands of values.
#[derive(Debug, Default)]
pub(crate) struct Provenance<'s> {
    /// The source is itself canonical: every location is its own source.
    identity: bool,
    /// By [`CField`]: the source of the whole field.
    fields: Vec<Option<Src<'s>>>,
    /// By list field: the sources of its items and of their kinds.
    lists: Vec<ListSources<'s>>,
    /// Custom attribute key → source.
    custom: HashMap<&'s str, Src<'s>>,
    /// The source pointer of an external id copied from another value (`external_id` option).
    external_id: Option<String>,
}

/// The sources of a list field's items and of their kinds, by item index.
#[derive(Debug)]
struct ListSources<'s> {
    field: CField,
    items: Vec<Option<Src<'s>>>,
    kinds: Vec<Option<Src<'s>>>,
}

impl<'s> Provenance<'s> {
    /// The provenance of a canonical source.
    pub(crate) fn identity() -> Self {
        Self {
            identity: true,
            ..Self::default()
        }
    }

    /// Records `src` for `loc` unless `loc` has a source already (the first record counts).
    fn record(&mut self, loc: Loc<'s>, src: Src<'s>) {
        fn set<'s>(slots: &mut Vec<Option<Src<'s>>>, i: usize, src: Src<'s>) {
            if slots.len() <= i {
                slots.resize(i + 1, None);
            }
            if let Some(slot @ None) = slots.get_mut(i) {
                *slot = Some(src);
            }
        }
        match loc {
            Loc::Field(f) => {
                if self.fields.is_empty() {
                    self.fields = vec![None; CField::ALL.len()];
                }
                set(&mut self.fields, f as usize, src);
            }
            Loc::Item(f, i) => set(&mut self.list(f).items, i, src),
            Loc::ItemKind(f, i) => set(&mut self.list(f).kinds, i, src),
            Loc::Custom(key) => {
                self.custom.entry(key).or_insert(src);
            }
        }
    }

    fn list(&mut self, field: CField) -> &mut ListSources<'s> {
        let at = match self.lists.iter().position(|l| l.field == field) {
            Some(at) => at,
            None => {
                self.lists.push(ListSources {
                    field,
                    items: Vec::new(),
                    kinds: Vec::new(),
                });
                self.lists.len() - 1
            }
        };
        &mut self.lists[at]
    }

    fn get(&self, loc: Loc<'_>) -> Option<Src<'s>> {
        let list = |f: CField| self.lists.iter().find(|l| l.field == f);
        match loc {
            Loc::Field(f) => self.fields.get(f as usize).copied().flatten(),
            Loc::Item(f, i) => list(f)?.items.get(i).copied().flatten(),
            Loc::ItemKind(f, i) => list(f)?.kinds.get(i).copied().flatten(),
            Loc::Custom(key) => self.custom.get(key).copied(),
        }
    }

    fn find(&self, loc: Loc<'_>) -> Option<Src<'s>> {
        let mut at = Some(loc);
        while let Some(l) = at {
            if let Some(s) = self.get(l) {
                return Some(s);
            }
            at = l.parent();
        }
        None
    }

    /// Records that the external id is a copy of the source value at `pointer`.
    pub(crate) fn derive_external_id(&mut self, pointer: String) {
        self.external_id = Some(pointer);
    }

    /// The source pointer of a derived external id at `loc`.
    fn derived(&self, loc: Loc<'_>) -> Option<&str> {
        match loc {
            Loc::Field(CField::ExternalId) => self.external_id.as_deref(),
            _ => None,
        }
    }

    /// The source pointer of the canonical value at `loc` (`""` if unknown).
    pub(crate) fn source(&self, loc: Loc<'_>) -> String {
        if let Some(pointer) = self.derived(loc) {
            return pointer.to_owned();
        }
        if self.identity {
            return loc.pointer();
        }
        self.find(loc).map_or_else(String::new, |s| s.pointer())
    }

    /// The source value of the canonical value at `loc`.
    fn source_value<'v>(&self, record: &'v Value, loc: Loc<'_>) -> Option<&'v Value> {
        if let Some(pointer) = self.derived(loc) {
            return record.pointer(pointer);
        }
        if self.identity {
            return record.pointer(&loc.pointer());
        }
        self.find(loc)?.value(record)
    }
}

/// The `dropped` note of an empty id: the contact has none (docs/RULES.md#ids).
pub(crate) const EMPTY_ID: &str = "is empty: an empty string is no id, so the contact has none";

/// The contact an importer builds, with provenance and `dropped` notes (source paths).
#[derive(Debug, Default)]
pub(crate) struct Importer<'s> {
    /// The contact so far.
    pub(crate) contact: Contact,
    /// Where its values came from.
    pub(crate) prov: Provenance<'s>,
    /// Source values the canonical contact cannot hold.
    pub(crate) notes: Vec<Note>,
}

impl<'s> Importer<'s> {
    /// Records that the canonical value at `loc` came from `src`.
    pub(crate) fn trace(&mut self, loc: Loc<'s>, src: Src<'s>) {
        if !self.prov.identity {
            self.prov.record(loc, src);
        }
    }

    /// Notes a source value the canonical contact cannot hold.
    pub(crate) fn drop(&mut self, src: Src<'_>, message: impl Into<String>) {
        self.drop_at(src.pointer(), message);
    }

    /// Notes a source value the canonical contact cannot hold, by pointer.
    pub(crate) fn drop_at(&mut self, path: String, message: impl Into<String>) {
        self.notes.push(Note {
            path,
            code: NoteCode::Dropped,
            message: message.into(),
        });
    }

    /// Reads string member `member` into the plain string field `field`: `null` is no value,
    /// another type (only possible where the format's type is loose) is dropped.
    pub(crate) fn text(&mut self, obj: &Map<String, Value>, member: &'static str, field: CField) {
        match obj.get(member) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if s.is_empty() && field.is_id() => {
                self.drop(Src::Member(member), EMPTY_ID);
            }
            Some(Value::String(s)) => {
                if let Some(slot) = field.text_mut(&mut self.contact) {
                    *slot = Some(s.clone());
                    self.trace(Loc::Field(field), Src::Member(member));
                }
            }
            Some(_) => self.drop(
                Src::Member(member),
                [
                    "is not a string, and the canonical ",
                    field.label(),
                    " is one",
                ]
                .concat(),
            ),
        }
    }

    /// Reads string member `member` of the object at `at`; `null` is no value, another type is
    /// dropped.
    pub(crate) fn string<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        member: &str,
        at: Src<'_>,
    ) -> Option<&'v str> {
        match obj.get(member)? {
            Value::Null => None,
            Value::String(s) => Some(s),
            _ => {
                self.drop_at(
                    join(&at.pointer(), member),
                    "is not a string: it cannot be converted",
                );
                None
            }
        }
    }

    /// Notes every member of the object `obj` at `at` that is not in `known`.
    pub(crate) fn drop_unknown(&mut self, obj: &Map<String, Value>, known: &[&str], at: Src<'_>) {
        for key in obj.keys() {
            if !known.contains(&key.as_str()) {
                self.drop_at(
                    join(&at.pointer(), key),
                    "is not a documented field of this object; the canonical contact has no place for it",
                );
            }
        }
    }
}

/// Imports `record` (already validated) with `table`.
pub(crate) fn import<'s>(table: &Table, record: &'s Value, canonical_source: bool) -> Importer<'s> {
    let mut imp = Importer {
        prov: if canonical_source {
            Provenance::identity()
        } else {
            Provenance::default()
        },
        ..Importer::default()
    };
    let Some(obj) = record.as_object() else {
        return imp;
    };
    for entry in table.entries {
        match entry.rule {
            Rule::Text => {
                if let (Some(member), Some((_, field))) =
                    (entry.members.first(), entry.fields.first())
                {
                    imp.text(obj, member, *field);
                }
            }
            Rule::With { import, .. } => import(obj, &mut imp),
        }
    }
    for key in obj.keys() {
        if !table.takes(key) {
            imp.drop(
                Src::Key("", key),
                "the canonical contact has no place for this member",
            );
        }
    }
    imp
}

/// What an exporter produced.
#[derive(Debug)]
pub(crate) struct Exported {
    /// The target payload.
    pub(crate) payload: Map<String, Value>,
    /// Notes (target paths, source paths for `dropped`).
    pub(crate) notes: Vec<Note>,
    /// Target location → source pointer of what was written there (kept in lenient mode only).
    pub(crate) origins: Vec<(Cow<'static, str>, String)>,
}

/// The context exporters write into.
#[derive(Debug)]
pub(crate) struct Exporter<'a> {
    /// The contact being exported.
    pub(crate) contact: &'a Contact,
    /// The conversion options.
    pub(crate) options: &'a ConvertOptions,
    /// The target format.
    pub(crate) target: Format,
    source: &'a Value,
    prov: &'a Provenance<'a>,
    out: Map<String, Value>,
    notes: Vec<Note>,
    origins: Option<Vec<(Cow<'static, str>, String)>>,
    rejection: Option<Issue>,
    derivation: Option<&'a Derivation>,
}

impl<'a> Exporter<'a> {
    /// Writes top-level member `member`, holding the canonical value at `loc`.
    pub(crate) fn put(&mut self, member: &'static str, value: Value, loc: Loc<'_>) {
        self.origin(|| Cow::Owned(join("", member)), loc);
        self.out.insert(member.to_owned(), value);
    }

    /// Like [`Self::put`], and notes `code` at the member when the value differs from the
    /// source's (a timestamp in another notation, a normalised letter case).
    pub(crate) fn put_compared(
        &mut self,
        member: &'static str,
        value: Value,
        loc: Loc<'_>,
        code: NoteCode,
        message: &str,
    ) {
        if self.prov.source_value(self.source, loc) != Some(&value) {
            self.note(join("", member), code, message);
        }
        self.put(member, value, loc);
    }

    /// Writes a top-level member derived from several values (no single origin).
    pub(crate) fn put_derived(&mut self, member: &'static str, value: Value) {
        self.out.insert(member.to_owned(), value);
    }

    /// Writes a top-level member with a computed name; the caller records its origin.
    pub(crate) fn insert(&mut self, member: String, value: Value) {
        self.out.insert(member, value);
    }

    /// Whether origins are recorded (lenient mode): callers that compute pointers only for
    /// [`Self::origin`] check this first.
    pub(crate) fn tracking(&self) -> bool {
        self.origins.is_some()
    }

    /// Records (in lenient mode) that the target value at `target` holds the canonical value
    /// at `loc`.
    pub(crate) fn origin(&mut self, target: impl FnOnce() -> Cow<'static, str>, loc: Loc<'_>) {
        if let Some(origins) = &mut self.origins {
            origins.push((target(), self.prov.source(loc)));
        }
    }

    /// Adds a note (a target path; use [`Self::drop`] for dropped values).
    pub(crate) fn note(
        &mut self,
        path: impl Into<String>,
        code: NoteCode,
        message: impl Into<String>,
    ) {
        self.notes.push(Note {
            path: path.into(),
            code,
            message: message.into(),
        });
    }

    /// Notes that the canonical value at `loc` cannot go to the target (the note's path is the
    /// value's source path).
    pub(crate) fn drop(&mut self, loc: Loc<'_>, message: impl Into<String>) {
        let path = self.prov.source(loc);
        self.notes.push(Note {
            path,
            code: NoteCode::Dropped,
            message: message.into(),
        });
    }

    /// Notes (`derived`) that the external id written at `path` is a copy of another value,
    /// when it is (the `external_id` option). The path is rendered only then.
    pub(crate) fn external_id_written(&mut self, path: impl FnOnce() -> String) {
        if let Some(Derivation::Derived(message)) = self.derivation {
            self.note(path(), NoteCode::Derived, message.clone());
        }
    }

    /// Why the `external_id` option found no id for a contact that has none (to end the
    /// message of a rejection), or `None` when the option was not given.
    pub(crate) fn external_id_missing(&self) -> Option<&'a str> {
        match self.derivation {
            Some(Derivation::Missing(why)) => Some(why),
            _ => None,
        }
    }

    /// Rejects the record: a required target value cannot be produced.
    pub(crate) fn reject(&mut self, path: &str, message: impl Into<String>) {
        if self.rejection.is_none() {
            self.rejection = Some(Issue::error(path, Code::Required, message));
        }
    }
}

/// Exports `contact` with `table`; `derivation` is what the `external_id` option did.
///
/// # Errors
/// The finding for a required target value that cannot be produced.
pub(crate) fn export(
    table: &Table,
    target: Format,
    contact: &Contact,
    prov: &Provenance<'_>,
    source: &Value,
    options: &ConvertOptions,
    derivation: Option<&Derivation>,
) -> Result<Exported, Issue> {
    let mut ex = Exporter {
        contact,
        options,
        target,
        source,
        prov,
        out: Map::new(),
        notes: Vec::new(),
        origins: options.lenient.then(Vec::new),
        rejection: None,
        derivation,
    };
    for entry in table.entries {
        match entry.rule {
            Rule::Text => {
                if let (Some(member), Some((_, field))) =
                    (entry.members.first(), entry.fields.first())
                {
                    if let Some(s) = field.text(contact) {
                        if *field == CField::ExternalId {
                            ex.external_id_written(|| join("", member));
                        }
                        ex.put(member, Value::String(s.to_owned()), Loc::Field(*field));
                    }
                }
            }
            Rule::With { export, .. } => export(&mut ex),
        }
        if let Some(issue) = ex.rejection.take() {
            return Err(issue);
        }
    }
    let name = format_name(target);
    for &field in CField::ALL {
        if !table.covers(field) {
            field.each_value(contact, &mut |loc| {
                ex.drop(
                    loc,
                    [name, " has no field for the ", field.label()].concat(),
                );
            });
        }
    }
    Ok(Exported {
        payload: ex.out,
        notes: ex.notes,
        origins: ex.origins.unwrap_or_default(),
    })
}

// ---------------------------------------------------------------------------------------------
// Rules shared by several formats.

/// Full name → first/last (docs/MAPPING.md, `fullName`): trim, then split at the first run of
/// whitespace; one word is a first name only.
pub(crate) fn split_name(full: &str) -> (Option<&str>, Option<&str>) {
    let t = full.trim();
    if t.is_empty() {
        return (None, None);
    }
    match t.find(char::is_whitespace) {
        None => (Some(t), None),
        Some(i) => {
            let (first, rest) = t.split_at(i);
            let rest = rest.trim_start();
            (Some(first), (!rest.is_empty()).then_some(rest))
        }
    }
}

/// First/last → full name (docs/MAPPING.md, `firstName`): first + one space + last, skipping a
/// missing (or empty) part.
pub(crate) fn join_name(first: Option<&str>, last: Option<&str>) -> Option<String> {
    match (
        first.filter(|s| !s.is_empty()),
        last.filter(|s| !s.is_empty()),
    ) {
        (Some(f), Some(l)) => Some(format!("{f} {l}")),
        (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
        (None, None) => None,
    }
}

/// The message of a `joined` note for `first` and `last`.
pub(crate) fn joined_message(first: Option<&str>, last: Option<&str>) -> &'static str {
    match (
        first.filter(|s| !s.is_empty()),
        last.filter(|s| !s.is_empty()),
    ) {
        (Some(_), Some(_)) => "built from first and last name, joined with one space",
        (Some(_), None) => "built from the first name alone (there is no last name)",
        _ => "built from the last name alone (there is no first name)",
    }
}

/// Whether first and last name say the same as the full name: their join is the full name, or
/// splitting the full name gives them.
pub(crate) fn names_agree(full: &str, first: Option<&str>, last: Option<&str>) -> bool {
    let first = first.filter(|s| !s.is_empty());
    let last = last.filter(|s| !s.is_empty());
    join_name(first, last).as_deref() == Some(full) || split_name(full) == (first, last)
}

/// Writes a first/last-name pair (Sequence, Help Scout) from the contact: its own first and last
/// name, else its full name split (note `split`). A full name that the pair does not carry is
/// dropped.
pub(crate) fn export_first_last(
    ex: &mut Exporter<'_>,
    first_member: &'static str,
    last_member: &'static str,
) {
    let c = ex.contact;
    let (first, last, full) = (
        c.first_name.as_deref(),
        c.last_name.as_deref(),
        c.full_name.as_deref(),
    );
    let name = format_name(ex.target);
    if first.is_none() && last.is_none() {
        let Some(full) = full else { return };
        match split_name(full) {
            (None, _) => ex.drop(
                Loc::Field(CField::FullName),
                format!("is blank, so it gives no first or last name for {name}"),
            ),
            (Some(f), l) => {
                ex.note(
                    join("", first_member),
                    NoteCode::Split,
                    "first name taken from the full name (split at the first whitespace)",
                );
                ex.put(
                    first_member,
                    Value::String(f.to_owned()),
                    Loc::Field(CField::FullName),
                );
                if let Some(l) = l {
                    ex.note(
                        join("", last_member),
                        NoteCode::Split,
                        "last name taken from the full name (the rest after the first whitespace)",
                    );
                    ex.put(
                        last_member,
                        Value::String(l.to_owned()),
                        Loc::Field(CField::FullName),
                    );
                }
            }
        }
        return;
    }
    if let Some(f) = first {
        ex.put(
            first_member,
            Value::String(f.to_owned()),
            Loc::Field(CField::FirstName),
        );
    }
    if let Some(l) = last {
        ex.put(
            last_member,
            Value::String(l.to_owned()),
            Loc::Field(CField::LastName),
        );
    }
    if let Some(full) = full {
        if !names_agree(full, first, last) {
            ex.drop(
                Loc::Field(CField::FullName),
                format!(
                    "{name} holds only first and last name, and this full name differs from them"
                ),
            );
        }
    }
}

/// Writes the one email a format holds (Sequence, Intercom): the first; the others and every
/// kind are dropped (docs/MAPPING.md: many → one).
pub(crate) fn export_first_email(ex: &mut Exporter<'_>, member: &'static str) {
    let c = ex.contact;
    let name = format_name(ex.target);
    for (i, email) in c.emails.iter().enumerate() {
        if i == 0 {
            ex.put(
                member,
                Value::String(email.value.clone()),
                Loc::Item(CField::Emails, 0),
            );
            if email.kind.is_some() {
                ex.drop(
                    Loc::ItemKind(CField::Emails, 0),
                    format!("{name} has no field for the kind of an email address"),
                );
            }
        } else {
            ex.drop(
                Loc::Item(CField::Emails, i),
                [name, " holds one email address; the first one was kept"].concat(),
            );
        }
    }
}

/// Writes the one phone a format holds (Sequence, Intercom): the first; the others and every
/// kind are dropped (docs/MAPPING.md: many → one).
pub(crate) fn export_first_phone(ex: &mut Exporter<'_>, member: &'static str) {
    let c = ex.contact;
    let name = format_name(ex.target);
    for (i, phone) in c.phones.iter().enumerate() {
        if i == 0 {
            ex.put(
                member,
                Value::String(phone.value.clone()),
                Loc::Item(CField::Phones, 0),
            );
            if phone.kind.is_some() {
                ex.drop(
                    Loc::ItemKind(CField::Phones, 0),
                    format!("{name} has no field for the kind of a phone number"),
                );
            }
        } else {
            ex.drop(
                Loc::Item(CField::Phones, i),
                [name, " holds one phone number; the first one was kept"].concat(),
            );
        }
    }
}

/// A target's rules for custom attribute keys and values.
#[derive(Debug)]
pub(crate) struct CustomRules {
    /// Maximum key length in characters.
    pub(crate) max: usize,
    /// Characters a key may contain.
    pub(crate) allowed: fn(char) -> bool,
    /// Whether the target reserves a key or uses it for a documented field.
    pub(crate) reserved: fn(&str) -> bool,
    /// The key rule, for messages.
    pub(crate) key_rule: &'static str,
    /// Values the target accepts.
    pub(crate) value_ok: fn(&Value) -> bool,
    /// The value rule, for messages.
    pub(crate) value_rule: &'static str,
}

/// A custom attribute that can go to the target.
#[derive(Debug)]
pub(crate) struct CustomOut<'c> {
    /// The target key (`Cow::Owned` when normalised).
    pub(crate) key: Cow<'c, str>,
    /// The canonical key.
    pub(crate) canonical_key: &'c str,
    /// The value.
    pub(crate) value: &'c Value,
}

impl CustomOut<'_> {
    /// Whether the key was normalised.
    pub(crate) fn normalized(&self) -> bool {
        matches!(self.key, Cow::Owned(_))
    }

    /// The attribute's canonical location.
    pub(crate) fn loc(&self) -> Loc<'_> {
        Loc::Custom(self.canonical_key)
    }
}

/// The custom attributes that can go to the target under `rules`, in canonical order: by
/// default only under an equal, valid key; with `normalize_custom_keys` under the key normalised
/// to the rules (each character the target does not allow becomes `-`, then the key is cut to
/// the maximum length). Every other attribute is dropped with a note.
pub(crate) fn custom_attributes<'c>(
    ex: &mut Exporter<'c>,
    rules: &CustomRules,
) -> Vec<CustomOut<'c>> {
    let c = ex.contact;
    let name = format_name(ex.target);
    let mut out: Vec<CustomOut<'c>> = Vec::with_capacity(c.custom_attributes.len());
    // The target keys so far, kept once a key is normalised: only a normalised key can equal
    // another (the canonical keys are distinct).
    let mut taken: Option<HashSet<Cow<'c, str>>> = None;
    for (key, value) in &c.custom_attributes {
        let pointer = || Loc::Custom(key);
        if !(rules.value_ok)(value) {
            ex.drop(
                pointer(),
                format!("{name} accepts only {} as custom values", rules.value_rule),
            );
            continue;
        }
        let valid =
            !key.is_empty() && key.chars().count() <= rules.max && key.chars().all(rules.allowed);
        let target: Cow<'c, str> = if valid {
            Cow::Borrowed(key.as_str())
        } else if ex.options.normalize_custom_keys {
            let normalized: String = key
                .chars()
                .map(|ch| if (rules.allowed)(ch) { ch } else { '-' })
                .take(rules.max)
                .collect();
            if normalized.is_empty() {
                ex.drop(
                    pointer(),
                    format!("has an empty key, which {name} does not accept"),
                );
                continue;
            }
            Cow::Owned(normalized)
        } else {
            ex.drop(
                pointer(),
                format!(
                    "has a key that is not a valid {name} custom attribute key ({}); set normalize_custom_keys to carry it under a normalised key",
                    rules.key_rule
                ),
            );
            continue;
        };
        if (rules.reserved)(&target) {
            ex.drop(
                pointer(),
                format!("has a key that {name} reserves for a documented field"),
            );
            continue;
        }
        if matches!(target, Cow::Owned(_)) && taken.is_none() {
            taken = Some(out.iter().map(|o| o.key.clone()).collect());
        }
        if let Some(taken) = &mut taken {
            if !taken.insert(target.clone()) {
                ex.drop(
                    pointer(),
                    "has a key that, normalised, equals an earlier custom attribute's key; the earlier one was kept",
                );
                continue;
            }
        }
        out.push(CustomOut {
            key: target,
            canonical_key: key,
            value,
        });
    }
    out
}

/// A phone number written as an international number with separators (`+31 6 1234 5678`,
/// `+1 (555) 123-4567`) without them, when that is a valid international number.
pub(crate) fn compact_phone(s: &str) -> Option<String> {
    use crate::rules::StrFormat;
    if !s.starts_with('+') || StrFormat::E164.matches(s) {
        return None;
    }
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}'))
        .collect();
    StrFormat::E164.matches(&compact).then_some(compact)
}

/// A JSON integer in `i64` (JSON Schema: `35.0` is an integer).
pub(crate) fn integer(v: &Value) -> Option<i64> {
    match crate::definitions::as_integer(v)? {
        crate::definitions::Integer::InRange(n) => Some(n),
        crate::definitions::Integer::OutOfRange => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_table() {
        for (full, expect) in [
            ("Ada King Lovelace", (Some("Ada"), Some("King Lovelace"))),
            ("  Ada \t  Lovelace ", (Some("Ada"), Some("Lovelace"))),
            ("Ada", (Some("Ada"), None)),
            ("   ", (None, None)),
            ("", (None, None)),
            ("Ünal  Çelik", (Some("Ünal"), Some("Çelik"))),
            ("李\u{3000}小龍", (Some("李"), Some("小龍"))),
        ] {
            assert_eq!(split_name(full), expect, "{full:?}");
        }
    }

    #[test]
    fn join_table() {
        assert_eq!(
            join_name(Some("Ada"), Some("Lovelace")).as_deref(),
            Some("Ada Lovelace")
        );
        assert_eq!(join_name(Some("Ada"), None).as_deref(), Some("Ada"));
        assert_eq!(
            join_name(None, Some("Lovelace")).as_deref(),
            Some("Lovelace")
        );
        assert_eq!(
            join_name(Some(""), Some("Lovelace")).as_deref(),
            Some("Lovelace")
        );
        assert_eq!(join_name(None, None), None);
    }

    #[test]
    fn agreeing_names() {
        assert!(names_agree("Ada Lovelace", Some("Ada"), Some("Lovelace")));
        assert!(names_agree(
            "Ada King Lovelace",
            Some("Ada King"),
            Some("Lovelace")
        ));
        assert!(names_agree("Ada  Lovelace", Some("Ada"), Some("Lovelace")));
        assert!(!names_agree(
            "Dr. Ada Lovelace",
            Some("Ada"),
            Some("Lovelace")
        ));
        assert!(!names_agree("Ada Lovelace", Some("Ada"), None));
    }

    #[test]
    fn compact_phone_table() {
        assert_eq!(
            compact_phone("+31 6 1234 5678").as_deref(),
            Some("+31612345678")
        );
        assert_eq!(
            compact_phone("+1 (555) 123-4567").as_deref(),
            Some("+15551234567")
        );
        assert_eq!(compact_phone("+31612345678"), None);
        assert_eq!(compact_phone("(555) 123-4567"), None);
        assert_eq!(compact_phone("+0 12 345 678"), None);
    }

    #[test]
    fn provenance_falls_back_to_ancestors() {
        let mut imp = Importer::default();
        imp.trace(Loc::Item(CField::Emails, 1), Src::Item("identifiers", 3));
        imp.trace(Loc::Field(CField::JobTitle), Src::Member("title"));
        imp.trace(Loc::Custom("a/b~c"), Src::Key("", "a/b~c"));
        imp.trace(
            Loc::Field(CField::AddressRegion),
            Src::Nested("address", "state"),
        );
        let source = |loc| imp.prov.source(loc);
        assert_eq!(source(Loc::Item(CField::Emails, 1)), "/identifiers/3");
        assert_eq!(source(Loc::ItemKind(CField::Emails, 1)), "/identifiers/3");
        assert_eq!(source(Loc::Item(CField::Emails, 10)), "");
        assert_eq!(source(Loc::Field(CField::JobTitle)), "/title");
        assert_eq!(source(Loc::Custom("a/b~c")), "/a~1b~0c");
        assert_eq!(source(Loc::Field(CField::AddressRegion)), "/address/state");
        assert_eq!(
            Provenance::identity().source(Loc::ItemKind(CField::Phones, 2)),
            "/phones/2/kind"
        );
        assert_eq!(
            Provenance::identity().source(Loc::Custom("x/y")),
            "/customAttributes/x~1y"
        );
    }
}
