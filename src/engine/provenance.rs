//! Where each canonical value came from: [`ContactPath`] (a place in the canonical contact), [`SourcePath`]
//! (a place in the source record) and [`Provenance`], which maps one to the other so that a
//! value the target cannot hold is noted at its source path.

use std::borrow::Cow;

use crate::value::Value;

use crate::json::NameMap;
use crate::model::{Address, Contact, ContactField};
use crate::pointer::{join, value_at};

/// A location in the canonical contact, rendered as a JSON Pointer only when a note needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ContactPath<'k> {
    /// A whole field (a scalar, or a part of the address).
    Field(ContactField),
    /// An item of a list field.
    Item(ContactField, usize),
    /// The kind of an item of a list field (emails, phones).
    ItemKind(ContactField, usize),
    /// A custom attribute.
    Custom(&'k str),
}

impl<'k> ContactPath<'k> {
    /// The JSON Pointer into the canonical JSON form.
    pub(crate) fn pointer(&self) -> String {
        match *self {
            ContactPath::Field(f) => f.pointer().to_owned(),
            ContactPath::Item(f, i) => item_pointer(f.pointer(), i),
            ContactPath::ItemKind(f, i) => {
                let mut p = item_pointer(f.pointer(), i);
                p.push_str("/kind");
                p
            }
            ContactPath::Custom(key) => join(ContactField::CustomAttributes.pointer(), key),
        }
    }

    /// The enclosing location, for provenance lookups.
    fn parent(&self) -> Option<ContactPath<'k>> {
        match *self {
            ContactPath::ItemKind(f, i) => Some(ContactPath::Item(f, i)),
            ContactPath::Item(f, _) => Some(ContactPath::Field(f)),
            ContactPath::Custom(_) => Some(ContactPath::Field(ContactField::CustomAttributes)),
            ContactPath::Field(_) => None,
        }
    }
}

/// `base/index`.
fn item_pointer(base: &str, index: usize) -> String {
    super::with_number(&[base, "/"], index, &[])
}

/// A location in the source record, rendered as a JSON Pointer only when a note needs it.
/// Member names are the formats' own (no characters to escape); custom keys are escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourcePath<'s> {
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

/// One reference token of a [`SourcePath`]: a member name or an array index.
#[derive(Clone, Copy)]
enum Step<'s> {
    Name(&'s str),
    Index(usize),
}

impl<'s> SourcePath<'s> {
    /// The reference tokens of this location, from the root down (at most four; the unused
    /// ones `None`, last): one table that [`Self::pointer`] and [`Self::value`] both walk.
    fn steps(&self) -> [Option<Step<'s>>; 4] {
        use Step::{Index as I, Name as N};
        match *self {
            SourcePath::Root => [None; 4],
            SourcePath::Member(m) | SourcePath::Key("", m) => [Some(N(m)), None, None, None],
            SourcePath::Item(m, i) => [Some(N(m)), Some(I(i)), None, None],
            SourcePath::ItemMember(m, i, name) => [Some(N(m)), Some(I(i)), Some(N(name)), None],
            SourcePath::Nested(m, name) | SourcePath::Key(m, name) => {
                [Some(N(m)), Some(N(name)), None, None]
            }
            SourcePath::NestedItem(m, name, i) | SourcePath::KeyItem(m, name, i) => {
                [Some(N(m)), Some(N(name)), Some(I(i)), None]
            }
            SourcePath::NestedItemMember(m, name, i, inner) => {
                [Some(N(m)), Some(N(name)), Some(I(i)), Some(N(inner))]
            }
            SourcePath::NestedMember(m, name, inner) => {
                [Some(N(m)), Some(N(name)), Some(N(inner)), None]
            }
            SourcePath::NestedMemberItem(m, name, inner, i) => {
                [Some(N(m)), Some(N(name)), Some(N(inner)), Some(I(i))]
            }
        }
    }

    /// The JSON Pointer into the source record.
    pub(crate) fn pointer(&self) -> String {
        let steps = self.steps();
        // Sized once (a name's `~` and `/` escapes aside): each token, its `/`, an index at its
        // longest.
        let mut len = 0;
        for step in steps {
            len += match step {
                Some(Step::Name(name)) => 1 + name.len(),
                Some(Step::Index(_)) => 21,
                None => 0,
            };
        }
        let mut out = String::with_capacity(len);
        for step in steps {
            match step {
                Some(Step::Name(name)) => crate::pointer::push_token(&mut out, name),
                Some(Step::Index(i)) => {
                    out.push('/');
                    crate::json::write::push_usize(&mut out, i);
                }
                None => break,
            }
        }
        out
    }

    /// The value at this location of `record`.
    pub(crate) fn value<'v>(&self, record: &'v Value) -> Option<&'v Value> {
        let mut at = record;
        for step in self.steps() {
            at = match step {
                Some(Step::Name(name)) => at.get(name)?,
                Some(Step::Index(i)) => at.get(i)?,
                None => break,
            };
        }
        Some(at)
    }
}

/// Where each canonical value came from in the source record. Lookups fall back to the
/// nearest recorded enclosing location (the kind of `/emails/1` → the source of `/emails/1`).
/// Recording allocates little and hashes only custom attribute keys; pointers are rendered only
/// for notes. Every lookup is O(1): a record may hold hundreds of thousands of values.
#[derive(Debug, Default)]
pub(crate) struct Provenance<'s> {
    /// The source is itself canonical: every location is its own source.
    pub(crate) identity: bool,
    /// By [`ContactField`]: the source of the whole field.
    fields: Vec<Option<SourcePath<'s>>>,
    /// By list field: the sources of its items and of their kinds.
    lists: Vec<ListSources<'s>>,
    /// Custom attribute key → source.
    custom: NameMap<'s, SourcePath<'s>>,
    /// The source pointer of an external id copied from another value (`external_id` option).
    external_id: Option<String>,
}

/// The sources of a list field's items and of their kinds, by item index.
#[derive(Debug)]
struct ListSources<'s> {
    field: ContactField,
    items: Vec<Option<SourcePath<'s>>>,
    kinds: Vec<Option<SourcePath<'s>>>,
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
    pub(crate) fn record(&mut self, loc: ContactPath<'s>, src: SourcePath<'s>) {
        fn set<'s>(slots: &mut Vec<Option<SourcePath<'s>>>, i: usize, src: SourcePath<'s>) {
            // Pushed one by one (items are recorded in order: mostly one push), not `resize`.
            while slots.len() <= i {
                slots.push(None);
            }
            if let Some(slot @ None) = slots.get_mut(i) {
                *slot = Some(src);
            }
        }
        match loc {
            ContactPath::Field(f) => {
                if self.fields.is_empty() {
                    self.fields = Vec::with_capacity(ContactField::ALL.len());
                }
                set(&mut self.fields, f as usize, src);
            }
            ContactPath::Item(f, i) => {
                if let Some(list) = self.list(f) {
                    set(&mut list.items, i, src);
                }
            }
            ContactPath::ItemKind(f, i) => {
                if let Some(list) = self.list(f) {
                    set(&mut list.kinds, i, src);
                }
            }
            ContactPath::Custom(key) => {
                self.custom.get_or_insert_with(Cow::Borrowed(key), || src);
            }
        }
    }

    /// The sources of list field `field`, added when absent. Never `None`: an `Option` rather
    /// than an index, whose bounds check would link core::fmt's integer formatting into the
    /// WebAssembly module.
    fn list(&mut self, field: ContactField) -> Option<&mut ListSources<'s>> {
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
        self.lists.get_mut(at)
    }

    fn get(&self, loc: ContactPath<'_>) -> Option<SourcePath<'s>> {
        let list = |f: ContactField| self.lists.iter().find(|l| l.field == f);
        match loc {
            ContactPath::Field(f) => self.fields.get(f as usize).copied().flatten(),
            ContactPath::Item(f, i) => list(f)?.items.get(i).copied().flatten(),
            ContactPath::ItemKind(f, i) => list(f)?.kinds.get(i).copied().flatten(),
            ContactPath::Custom(key) => self.custom.get(key).copied(),
        }
    }

    fn find(&self, loc: ContactPath<'_>) -> Option<SourcePath<'s>> {
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
    fn derived(&self, loc: ContactPath<'_>) -> Option<&str> {
        match loc {
            ContactPath::Field(ContactField::ExternalId) => self.external_id.as_deref(),
            _ => None,
        }
    }

    /// The source pointer of the canonical value at `loc` (`""` if unknown).
    pub(crate) fn source(&self, loc: ContactPath<'_>) -> String {
        if let Some(pointer) = self.derived(loc) {
            return pointer.to_owned();
        }
        if self.identity {
            return loc.pointer();
        }
        self.find(loc).map_or_else(String::new, |s| s.pointer())
    }

    /// The source value of the canonical value at `loc`.
    pub(crate) fn source_value<'v>(
        &self,
        record: &'v Value,
        loc: ContactPath<'_>,
    ) -> Option<&'v Value> {
        if let Some(pointer) = self.derived(loc) {
            return value_at(record, pointer);
        }
        if self.identity {
            return value_at(record, &loc.pointer());
        }
        self.find(loc)?.value(record)
    }
}

impl ContactField {
    /// The canonical pointers of the values this field holds in `c`: one per list item or
    /// custom attribute, one for a set scalar, none when empty.
    pub(crate) fn each_value<'c>(self, c: &'c Contact, f: &mut dyn FnMut(ContactPath<'c>)) {
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
                    f(ContactPath::Custom(key));
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
            f(ContactPath::Field(self));
        }
    }
}

fn items<'c>(field: ContactField, n: usize, f: &mut dyn FnMut(ContactPath<'c>)) {
    for i in 0..n {
        f(ContactPath::Item(field, i));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::import::Importer;

    /// Every kind of source location renders its pointer (names escaped) and finds its value
    /// at that pointer.
    #[test]
    fn source_paths_render_and_find_what_their_pointer_addresses() {
        let record = serde_json::json!({
            "a": [{"b": 1}, {"c": {"d/e": [2, 3]}}],
            "f": {"g": {"h": [4], "i": 5}, "k~l": [6, {"m": 7}]},
            "n": 8
        });
        for (path, pointer) in [
            (SourcePath::Root, ""),
            (SourcePath::Member("n"), "/n"),
            (SourcePath::Key("", "n"), "/n"),
            (SourcePath::Item("a", 1), "/a/1"),
            (SourcePath::ItemMember("a", 0, "b"), "/a/0/b"),
            (SourcePath::Nested("f", "g"), "/f/g"),
            (SourcePath::Key("f", "k~l"), "/f/k~0l"),
            (SourcePath::NestedItem("f", "k~l", 0), "/f/k~0l/0"),
            (SourcePath::KeyItem("f", "k~l", 1), "/f/k~0l/1"),
            (
                SourcePath::NestedItemMember("f", "k~l", 1, "m"),
                "/f/k~0l/1/m",
            ),
            (SourcePath::NestedMember("f", "g", "i"), "/f/g/i"),
            (SourcePath::NestedMemberItem("f", "g", "h", 0), "/f/g/h/0"),
            (SourcePath::NestedMemberItem("f", "g", "h", 1), "/f/g/h/1"),
        ] {
            assert_eq!(path.pointer(), pointer, "{path:?}");
            assert_eq!(path.value(&record), record.pointer(pointer), "{path:?}");
        }
    }

    #[test]
    fn provenance_falls_back_to_ancestors() {
        let mut imp = Importer::default();
        imp.trace(
            ContactPath::Item(ContactField::Emails, 1),
            SourcePath::Item("identifiers", 3),
        );
        imp.trace(
            ContactPath::Field(ContactField::JobTitle),
            SourcePath::Member("title"),
        );
        imp.trace(ContactPath::Custom("a/b~c"), SourcePath::Key("", "a/b~c"));
        imp.trace(
            ContactPath::Field(ContactField::AddressRegion),
            SourcePath::Nested("address", "state"),
        );
        let source = |loc| imp.prov.source(loc);
        assert_eq!(
            source(ContactPath::Item(ContactField::Emails, 1)),
            "/identifiers/3"
        );
        assert_eq!(
            source(ContactPath::ItemKind(ContactField::Emails, 1)),
            "/identifiers/3"
        );
        assert_eq!(source(ContactPath::Item(ContactField::Emails, 10)), "");
        assert_eq!(source(ContactPath::Field(ContactField::JobTitle)), "/title");
        assert_eq!(source(ContactPath::Custom("a/b~c")), "/a~1b~0c");
        assert_eq!(
            source(ContactPath::Field(ContactField::AddressRegion)),
            "/address/state"
        );
        assert_eq!(
            Provenance::identity().source(ContactPath::ItemKind(ContactField::Phones, 2)),
            "/phones/2/kind"
        );
        assert_eq!(
            Provenance::identity().source(ContactPath::Custom("x/y")),
            "/customAttributes/x~1y"
        );
    }
}
