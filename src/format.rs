//! The formats contactkit validates and converts.

use std::fmt;
use std::str::FromStr;

use crate::formats::StringFormat;
use crate::spec::ObjectRules;

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
    /// Intercom's contact object as the REST API 2.15 returns it (schema `contact`): a read
    /// format, conversion source only.
    #[cfg(feature = "convert")]
    IntercomContact,
    /// Bird's contact object as the workspace Contacts API returns it: a read format, conversion
    /// source only.
    #[cfg(feature = "convert")]
    BirdContact,
    /// Help Scout's customer object as Mailbox API 2.0 Get Customer / List Customers return it: a
    /// read format, conversion source only.
    #[cfg(feature = "convert")]
    HelpScoutCustomer,
}

impl Format {
    /// The formats that are both conversion sources and conversion targets, in the contract's
    /// order: the four vendors' create payloads and the canonical contact. The read formats are
    /// in [`Format::READ`]; [`Format::EVERY`] lists both.
    pub const ALL: [Format; 5] = [
        Self::Sequence,
        Self::Intercom,
        Self::Bird,
        Self::HelpScout,
        Self::Canonical,
    ];

    /// The read formats: the objects vendors return from their read APIs. They are conversion
    /// sources only ([`Format::is_target`] is false): migrate from one vendor by converting its
    /// read objects to another vendor's create payload.
    #[cfg(feature = "convert")]
    pub const READ: [Format; 3] = [
        Self::IntercomContact,
        Self::BirdContact,
        Self::HelpScoutCustomer,
    ];
    /// The read formats: none in a build without the crate feature `convert`.
    #[cfg(not(feature = "convert"))]
    pub const READ: [Format; 0] = [];

    /// Every format: [`Format::ALL`], then [`Format::READ`].
    #[cfg(feature = "convert")]
    pub const EVERY: [Format; 8] = [
        Self::Sequence,
        Self::Intercom,
        Self::Bird,
        Self::HelpScout,
        Self::Canonical,
        Self::IntercomContact,
        Self::BirdContact,
        Self::HelpScoutCustomer,
    ];
    /// Every format: [`Format::ALL`] in a build without the crate feature `convert`.
    #[cfg(not(feature = "convert"))]
    pub const EVERY: [Format; 5] = Self::ALL;

    /// The format's id (`sequence`, `intercom`, `bird`, `helpscout`, `canonical`,
    /// `intercom-contact`, `bird-contact`, `helpscout-customer`).
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Self::Sequence => "sequence",
            Self::Intercom => "intercom",
            Self::Bird => "bird",
            Self::HelpScout => "helpscout",
            Self::Canonical => "canonical",
            #[cfg(feature = "convert")]
            read => READ_IDS[read.read_index()],
        }
    }

    /// Whether a conversion can produce this format: true for [`Format::ALL`], false for the read
    /// formats, which [`crate::convert`] rejects as targets.
    ///
    /// ```
    /// use contactkit::Format;
    /// assert!(Format::Intercom.is_target());
    /// assert!(!Format::IntercomContact.is_target());
    /// ```
    #[must_use]
    pub const fn is_target(self) -> bool {
        !self.is_read()
    }

    /// Whether this is a read format (an object a vendor returns; see [`Format::READ`]).
    #[must_use]
    pub const fn is_read(self) -> bool {
        self.create_format().is_some()
    }

    /// The read format of the object a vendor returns for a create payload of this format: what
    /// [`crate::preview`] produces. `None` for Sequence (its response is undocumented and is not
    /// the stored person), the canonical contact and the read formats.
    ///
    /// ```
    /// use contactkit::Format;
    /// assert_eq!(Format::Bird.response_format(), Some(Format::BirdContact));
    /// assert_eq!(Format::Sequence.response_format(), None);
    /// ```
    #[must_use]
    pub const fn response_format(self) -> Option<Format> {
        let mut i = 0;
        while i < Self::READ.len() {
            let read = Self::READ[i];
            if matches!(read.create_format(), Some(create) if create as u8 == self as u8) {
                return Some(read);
            }
            i += 1;
        }
        None
    }

    /// The create format of the vendor a read format comes from (`intercom-contact` →
    /// `intercom`); `None` for the other formats.
    #[must_use]
    pub const fn create_format(self) -> Option<Format> {
        match self {
            Self::Sequence | Self::Intercom | Self::Bird | Self::HelpScout | Self::Canonical => {
                None
            }
            #[cfg(feature = "convert")]
            read => Some(READ_FACTS[read.read_index()].create),
        }
    }

    /// The format's short name, as messages name it: `Sequence`, `Intercom`, `Bird`, `Help
    /// Scout`, `the canonical contact`, `Intercom's contact object`, …
    ///
    /// ```
    /// assert_eq!(contactkit::Format::HelpScout.name(), "Help Scout");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Sequence => "Sequence",
            Self::Intercom => "Intercom",
            Self::Bird => "Bird",
            Self::HelpScout => "Help Scout",
            Self::Canonical => "the canonical contact",
            #[cfg(feature = "convert")]
            read => READ_FACTS[read.read_index()].name,
        }
    }

    /// The format's title: its name and the API object it describes, for listings (the CLI's
    /// help, the npm package's `formats()`).
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::Sequence => "Sequence (Create Person)",
            Self::Intercom => "Intercom (Create contact, API 2.15)",
            Self::Bird => "Bird (Create a contact)",
            Self::HelpScout => "Help Scout (Create Customer, Mailbox API 2.0)",
            Self::Canonical => "contactkit canonical contact",
            #[cfg(feature = "convert")]
            read => READ_FACTS[read.read_index()].title,
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
            #[cfg(feature = "convert")]
            read => READ_SCHEMAS[read.read_index()],
        }
    }

    /// The one format a build for one format only validates: the npm package's per-vendor
    /// modules (`contactkit/forms/<id>`), built with `--cfg contactkit_format="<id>"`
    /// (scripts/build-wasm.sh), where [`Format::spec`] links that format's rule table alone and
    /// [`crate::Definitions`] reads that vendor's definitions alone; the binding refuses every
    /// other format id before. `None` in every other build (the crate, the CLI, the package's
    /// `contactkit` and `contactkit/forms`). Not a stable API.
    #[doc(hidden)]
    pub const ONLY: Option<Format> = ONLY;

    /// The string formats that this create format's rules (its table) and its vendor code's
    /// checks (cross-field checks, account definitions) use: a build for this format only
    /// ([`Format::ONLY`]) checks these alone (`StringFormat::matches`), so that it links no
    /// other format's predicate. A unit test walks each table for the formats of its rules;
    /// vendor code names its own through `StringFormat::checked_by`, which fails the build for
    /// one missing here. Empty for a read format (a build for one format only has none).
    pub(crate) const fn string_formats(self) -> &'static [StringFormat] {
        use StringFormat::{
            AttributeKey, Date, DateTime, Email, HttpUrl, IsoDateOrDateTime, Slug, Uuid, E164,
        };
        match self {
            Self::Sequence => &[Email, HttpUrl, IsoDateOrDateTime],
            Self::Intercom => &[Email, HttpUrl],
            Self::Bird => &[Email, E164, Uuid, DateTime, AttributeKey],
            Self::HelpScout => &[Email, HttpUrl, Slug, Date],
            Self::Canonical => &[Email, HttpUrl, DateTime],
            #[cfg(feature = "convert")]
            _ => &[],
        }
    }

    /// Whether [`Format::string_formats`] has `format`.
    pub(crate) const fn uses(self, format: StringFormat) -> bool {
        let formats = self.string_formats();
        let mut i = 0;
        while i < formats.len() {
            if formats[i] as u8 == format as u8 {
                return true;
            }
            i += 1;
        }
        false
    }

    /// The format's rule table. In a build for one format only ([`Format::ONLY`]) every format
    /// has that format's table, so that the module links no other (the binding passes no other
    /// format).
    pub(crate) fn spec(self) -> &'static ObjectRules {
        let format = match Self::ONLY {
            Some(only) => only,
            None => self,
        };
        match format {
            Self::Sequence => &crate::sequence::spec::PERSON,
            Self::Intercom => &crate::intercom::spec::CREATE_CONTACT,
            Self::Bird => &crate::bird::spec::CONTACT,
            Self::HelpScout => &crate::helpscout::spec::CUSTOMER,
            Self::Canonical => &crate::canonical::spec::CONTACT,
            #[cfg(feature = "convert")]
            read => READ_SPECS[read.read_index()],
        }
    }

    /// A read format's place in [`Format::READ`] and in the read formats' tables below: the read
    /// formats are declared after [`Format::ALL`], in the order of [`Format::READ`] (a unit test
    /// checks). Called only with a read format.
    #[cfg(feature = "convert")]
    const fn read_index(self) -> usize {
        self as usize - Self::ALL.len()
    }
}

/// [`Format::ONLY`], from the build's `contactkit_format` cfg (declared in Cargo.toml's
/// `[workspace.lints.rust]` check-cfg): a build for one format sets it twice, bare (which the
/// binding tests for what such a build leaves out) and with the format's id,
/// `--cfg contactkit_format --cfg contactkit_format="<id>"`; one without the other does not
/// compile (two `ONLY`s, or none).
#[cfg(not(contactkit_format))]
const ONLY: Option<Format> = None;
#[cfg(contactkit_format = "sequence")]
const ONLY: Option<Format> = Some(Format::Sequence);
#[cfg(contactkit_format = "intercom")]
const ONLY: Option<Format> = Some(Format::Intercom);
#[cfg(contactkit_format = "bird")]
const ONLY: Option<Format> = Some(Format::Bird);
#[cfg(contactkit_format = "helpscout")]
const ONLY: Option<Format> = Some(Format::HelpScout);
#[cfg(contactkit_format = "canonical")]
const ONLY: Option<Format> = Some(Format::Canonical);
// A build for one format validates only: its binding has no conversion, which needs the
// tables of two formats.
#[cfg(feature = "convert")]
const _: () = assert!(
    ONLY.is_none(),
    "a build for one format (--cfg contactkit_format) leaves conversion out: build it without the feature convert"
);

/// What the read formats' facts are, in the order of [`Format::READ`] (their ids are
/// [`READ_IDS`]); a build without the crate feature `convert` has no read formats.
#[cfg(feature = "convert")]
struct ReadFacts {
    /// [`Format::name`].
    name: &'static str,
    /// [`Format::title`].
    title: &'static str,
    /// [`Format::create_format`]: the vendor's create format.
    create: Format,
}

#[cfg(feature = "convert")]
const READ_FACTS: [ReadFacts; 3] = [
    ReadFacts {
        name: "Intercom's contact object",
        title: "Intercom contact object (read, API 2.15)",
        create: Format::Intercom,
    },
    ReadFacts {
        name: "Bird's contact object",
        title: "Bird contact object (read, workspace Contacts API)",
        create: Format::Bird,
    },
    ReadFacts {
        name: "Help Scout's customer object",
        title: "Help Scout customer object (read, Mailbox API 2.0)",
        create: Format::HelpScout,
    },
];

/// The read formats' [`Format::schema`] texts, in the order of [`Format::READ`] (apart from
/// [`READ_FACTS`], so that a program that does not ask for a schema does not link them).
#[cfg(feature = "convert")]
const READ_SCHEMAS: [&str; 3] = [
    include_str!("../schemas/intercom-contact.schema.json"),
    include_str!("../schemas/bird-contact.schema.json"),
    include_str!("../schemas/helpscout-customer.schema.json"),
];

/// The read formats' rule tables, in the order of [`Format::READ`].
#[cfg(feature = "convert")]
static READ_SPECS: [&ObjectRules; 3] = [
    &crate::intercom::read_spec::CONTACT,
    &crate::bird::read_spec::CONTACT,
    &crate::helpscout::read_spec::CUSTOMER,
];

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The ids of the read formats, in the order of [`Format::READ`]; known also to a build without
/// them, to say why such an id is refused.
const READ_IDS: [&str; 3] = ["intercom-contact", "bird-contact", "helpscout-customer"];

/// The error for a format id that contactkit does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(String);

impl UnknownFormat {
    /// Whether the id is that of a read format, which this build leaves out (the crate feature
    /// `convert` is off). Always false when the feature is on.
    #[must_use]
    pub fn is_read_format_left_out(&self) -> bool {
        !cfg!(feature = "convert") && READ_IDS.contains(&self.0.as_str())
    }

    /// The error's text, as [`Display`](fmt::Display) writes it: built without `core::fmt`, so
    /// that the WebAssembly binding can take it without the formatting machinery.
    ///
    /// ```
    /// let e = "vcard".parse::<contactkit::Format>().unwrap_err();
    /// assert_eq!(e.message(), e.to_string());
    /// assert!(e.message().starts_with("unknown format \"vcard\""));
    /// ```
    #[must_use]
    pub fn message(&self) -> String {
        let mut message = String::new();
        if self.is_read_format_left_out() {
            crate::json::write::push_json_string(&mut message, &self.0);
            message.push_str(
                " is a read format, which this build of contactkit leaves out (crate feature convert)",
            );
            return message;
        }
        message.push_str("unknown format ");
        crate::json::write::push_json_string(&mut message, &self.0);
        message.push_str("; expected one of: ");
        for (i, format) in Format::EVERY.iter().enumerate() {
            if i > 0 {
                message.push_str(", ");
            }
            message.push_str(format.id());
        }
        message
    }
}

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::EVERY
            .into_iter()
            .find(|f| f.id() == s)
            .ok_or_else(|| UnknownFormat(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::Format;
    use crate::formats::StringFormat;
    use crate::spec::{DynamicCheck, ObjectRules, ValueRules};

    /// The string formats of the rules in a table, nested objects, array items and the keys of
    /// keyed values included.
    fn table_formats(rules: &ObjectRules, out: &mut Vec<StringFormat>) {
        fn value(rules: &ValueRules, out: &mut Vec<StringFormat>) {
            match rules {
                ValueRules::String(s) => out.extend(s.format),
                ValueRules::Array(a) => value(&a.items, out),
                ValueRules::Object(o) => table_formats(o, out),
                ValueRules::Dynamic(d) => {
                    if let DynamicCheck::Keyed(keyed) = d.check {
                        out.extend(keyed.key_rules.format);
                    }
                }
                ValueRules::Integer(_) | ValueRules::Boolean | ValueRules::Any => {}
            }
        }
        for member in rules.members {
            value(&member.kind, out);
        }
    }

    /// A build for one format only checks the formats `string_formats` lists: every format a
    /// rule of that format's table holds is among them (vendor code's own are checked at
    /// compile time, `StringFormat::checked_by`).
    #[test]
    fn string_formats_hold_every_format_of_the_table() {
        for format in Format::ALL {
            let mut found = Vec::new();
            table_formats(format.spec(), &mut found);
            assert!(!found.is_empty(), "{format:?}");
            for f in found {
                assert!(format.uses(f), "{format:?}: {f:?} is not in string_formats");
            }
        }
        assert!(Format::HelpScout.uses(StringFormat::Slug));
        assert!(!Format::HelpScout.uses(StringFormat::DateTime));
    }

    /// The unknown-format message quotes the id as a JSON string (the core's JSON writer, the
    /// same natively and in WebAssembly, where `{:?}` would link core's Unicode tables): hostile
    /// ids (quotes, backslashes, controls, characters beyond ASCII) and any string read back
    /// by a JSON parser give the id exactly.
    #[test]
    fn unknown_format_quotes_the_id_as_a_json_string() {
        let quoted_in = |message: &str, prefix: &str, suffix: &str| -> String {
            let rest = message.strip_prefix(prefix).expect("prefix");
            let end = rest.rfind(suffix).expect("suffix");
            let quoted = rest.get(..end).expect("boundary");
            serde_json::from_str::<String>(quoted).expect("a JSON string")
        };
        let check = |id: &str| {
            let message = id.parse::<Format>().map(|_| ()).unwrap_err().to_string();
            assert_eq!(
                quoted_in(&message, "unknown format ", "; expected one of: "),
                id,
                "{message}"
            );
        };
        let ascii: String = (0u8..=0x7f).map(char::from).collect();
        for id in [
            "",
            "helpscout ",
            "say \"hi\"",
            "back\\slash",
            "it's",
            "nul\0tab\tcr\rlf\n\u{8}\u{c}",
            "\u{1b}[31m\u{7f}",
            "caf\u{e9}",
            "a\u{301}",
            "zw\u{200d}j\u{200b}",
            "\u{85}\u{a0}\u{ad}",
            "\u{e000}\u{fffd}\u{fffe}\u{10ffff}",
            "\u{1F600}\u{1F1F3}\u{1F1F1}",
            "\u{2028}\u{2029}\u{feff}",
            &ascii,
        ] {
            check(id);
        }
        let message = "say \"hi\"\\\n\u{1}\u{e9}"
            .parse::<Format>()
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("unknown format \"say \\\"hi\\\"\\\\\\n\\u0001\u{e9}\"; "),
            "{message}"
        );
        proptest::proptest!(|(id in "\\PC*|.*|[\\x00-\\x7f]*")| {
            check(&id);
        });
        proptest::proptest!(|(id in proptest::collection::vec(proptest::char::any(), 0..20))| {
            let id: String = id.into_iter().collect();
            check(&id);
        });
    }

    #[cfg(feature = "convert")]
    #[test]
    fn read_formats_are_declared_in_the_order_of_read() {
        for (i, read) in Format::READ.into_iter().enumerate() {
            assert_eq!(read.read_index(), i, "{read}");
            assert_eq!(read.id(), super::READ_IDS[i]);
        }
    }

    #[test]
    fn every_format_keeps_its_names() {
        let expected = [
            (
                Format::Sequence,
                "sequence",
                "Sequence",
                "Sequence (Create Person)",
            ),
            (
                Format::Intercom,
                "intercom",
                "Intercom",
                "Intercom (Create contact, API 2.15)",
            ),
            (Format::Bird, "bird", "Bird", "Bird (Create a contact)"),
            (
                Format::HelpScout,
                "helpscout",
                "Help Scout",
                "Help Scout (Create Customer, Mailbox API 2.0)",
            ),
            (
                Format::Canonical,
                "canonical",
                "the canonical contact",
                "contactkit canonical contact",
            ),
            #[cfg(feature = "convert")]
            (
                Format::IntercomContact,
                "intercom-contact",
                "Intercom's contact object",
                "Intercom contact object (read, API 2.15)",
            ),
            #[cfg(feature = "convert")]
            (
                Format::BirdContact,
                "bird-contact",
                "Bird's contact object",
                "Bird contact object (read, workspace Contacts API)",
            ),
            #[cfg(feature = "convert")]
            (
                Format::HelpScoutCustomer,
                "helpscout-customer",
                "Help Scout's customer object",
                "Help Scout customer object (read, Mailbox API 2.0)",
            ),
        ];
        assert_eq!(expected.len(), Format::EVERY.len());
        for (format, id, name, title) in expected {
            assert_eq!(
                (format.id(), format.name(), format.title()),
                (id, name, title)
            );
            let schema_id = format!("\"$id\": \"https://contactkit.dev/schemas/{id}.schema.json\"");
            assert!(format.schema().contains(&schema_id), "{id}");
        }
    }
}
