//! The declarative description of every format: one static table per format ([`ObjectRules`]), from
//! which the validator ([`validate`]), the JSON Schemas ([`schema`]) and the form metadata
//! ([`form`]) are all derived. A rule is written once, in the table, and every consumer reads it
//! from there.

pub(crate) mod declare;
pub(crate) mod form;
pub(crate) mod keyed;
pub(crate) mod message;
#[cfg(test)]
mod rules_doc;
pub(crate) mod schema;
pub(crate) mod typescript;
pub(crate) mod validate;

use crate::engine::crossing::Crossing;
use crate::formats::StringFormat;
#[cfg(test)]
use crate::Code;
use crate::Severity;
use form::Widget;

/// The length of `s` in Unicode scalar values, as every length rule counts it: std's
/// `chars().count()` (word-at-a-time) natively and in the modules built with the feature
/// `speed`; in the forms WebAssembly module a plain byte loop (0.1 KB less gzipped).
#[cfg(any(feature = "speed", not(target_arch = "wasm32")))]
#[inline]
pub(crate) fn char_count(s: &str) -> usize {
    s.chars().count()
}

/// [`char_count`] in the forms WebAssembly module.
#[cfg(all(not(feature = "speed"), target_arch = "wasm32"))]
#[inline]
pub(crate) fn char_count(s: &str) -> usize {
    char_count_by_bytes(s)
}

/// The number of bytes of `s` that start a character (every byte but the continuation bytes
/// `10xxxxxx` of UTF-8): the number of its Unicode scalar values.
#[cfg(any(test, all(not(feature = "speed"), target_arch = "wasm32")))]
fn char_count_by_bytes(s: &str) -> usize {
    s.bytes().filter(|&b| b & 0xC0 != 0x80).count()
}

/// An object: its documented members and what to do with the others.
#[derive(Debug)]
pub(crate) struct ObjectRules {
    /// Short title, for schemas and forms.
    pub title: &'static str,
    /// What the object is, with the rules that JSON Schema cannot state.
    pub description: &'static str,
    /// The documented members (at most 64).
    pub members: &'static [Member],
    /// Members that are not documented.
    pub extra: Extra,
    /// "One of A, B, C is required": at least one of these members must be present.
    pub any_of_required: &'static [&'static str],
    /// Cross-field rules that the table cannot express, with their JSON Schema form.
    pub check: Option<&'static Check>,
    /// How the members that are not documented cross to and from the canonical contact
    /// (Sequence: they are custom attributes); [`Crossing::None`] elsewhere.
    pub others: &'static Crossing,
}

impl ObjectRules {
    /// An object of `members` with no "one of" rule, no cross-field check, and undocumented
    /// members that cross nowhere ([`Crossing::None`]): every object the `object!` macro does
    /// not declare.
    pub(crate) const fn new(
        title: &'static str,
        description: &'static str,
        extra: Extra,
        members: &'static [Member],
    ) -> Self {
        Self {
            title,
            description,
            members,
            extra,
            any_of_required: &[],
            check: None,
            others: &Crossing::None,
        }
    }
}

/// Cross-field rules of an object.
#[derive(Debug)]
pub(crate) struct Check {
    /// Runs after the members were visited; `captured` holds the strings of `capture` fields.
    pub run: fn(&validate::Seen<'_>, &crate::pointer::Path<'_>, &mut validate::Ctx<'_>),
    /// JSON Schema keywords stating the same rule, merged into the object's schema.
    pub schema: fn() -> schema::Schema,
    /// The members the rule reads together (the form metadata's `tied_to`).
    pub members: &'static [&'static str],
    /// The rules `run` enforces, as docs/RULES.md states them (paths relative to the object).
    /// Only the test that keeps docs/RULES.md in step reads it (`spec::rules_doc`), so only test
    /// builds carry it.
    #[cfg(test)]
    pub rules: &'static [Stated],
}

/// A rule that code enforces (a [`Check`], a [`Dynamic`] value, the validator itself), stated
/// the way docs/RULES.md lists it; a test keeps the two in step, and another checks that every
/// finding of the fixture suite is one of the rules docs/RULES.md lists.
#[cfg(test)]
#[derive(Debug)]
pub(crate) struct Stated {
    /// Where, relative to the object or member that carries the rule: `""` for itself, then
    /// segments: a member name, `*` for any array item, `{name}` for any member name.
    pub at: &'static str,
    /// What the value must be.
    pub constraint: &'static str,
    /// The finding's code.
    pub code: Code,
    /// The finding's severity.
    pub severity: Severity,
}

#[cfg(test)]
impl Stated {
    /// An error rule.
    pub(crate) const fn error(at: &'static str, constraint: &'static str, code: Code) -> Self {
        Self {
            at,
            constraint,
            code,
            severity: Severity::Error,
        }
    }

    /// A warning rule.
    pub(crate) const fn warning(at: &'static str, constraint: &'static str, code: Code) -> Self {
        Self {
            at,
            constraint,
            code,
            severity: Severity::Warning,
        }
    }
}

/// The rule [`validate::check_custom_name`] enforces, at `at` (a custom attribute's name, e.g.
/// `/{name}`): stated once for the objects of [`Extra::Custom`] and the dynamic values that
/// check their names.
#[cfg(test)]
pub(crate) const fn custom_name(at: &'static str) -> Stated {
    Stated::error(at, "a name of at least 1 character", Code::TooShort)
}

/// What to do with a member the vendor does not document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Extra {
    /// Accepted, any value (Bird's "other properties", the read formats' objects).
    Allow,
    /// Accepted as a custom attribute, any value, under a name of at least one character: no
    /// vendor can store a nameless attribute, so an empty name is a `too_short` error
    /// (Sequence's extra members, the canonical `customAttributes`, the read formats' custom
    /// attributes).
    Custom,
    /// An `unknown_field` warning (Intercom, Help Scout, canonical).
    Warn,
}

/// The object of custom attributes: any members, under non-empty names.
pub(crate) static CUSTOM_ATTRIBUTES: ObjectRules = ObjectRules::new(
    "Custom attributes",
    "Custom attributes by key; any JSON value.",
    Extra::Custom,
    &[],
);

/// A free object: any members, any values.
pub(crate) const FREE: ObjectRules = ObjectRules::new("Object", "Any members.", Extra::Allow, &[]);

/// Whether a member must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Presence {
    /// Optional.
    Optional,
    /// Required by the vendor's documentation: a missing member is an error.
    Required,
    /// Probably required, but not documented: a missing member is a warning.
    Expected,
}

/// One documented member of an object.
#[derive(Debug)]
pub(crate) struct Member {
    /// The member name, exactly as the vendor spells it on the wire.
    pub name: &'static str,
    /// A human label for forms.
    pub label: &'static str,
    /// The value's rules.
    pub kind: ValueRules,
    /// Whether it must be present.
    pub required: Presence,
    /// Whether `null` is accepted.
    pub nullable: bool,
    /// The vendor does not state the exact type: a type mismatch is only a warning.
    pub loose: bool,
    /// Keep the string value for the object's cross-field [`Check`] or an array's uniqueness test.
    pub capture: bool,
    /// What the member holds, from the vendor's docs.
    pub doc: &'static str,
    /// How its value crosses to and from the canonical contact.
    pub crossing: &'static Crossing,
    /// How a form shows it (data for the form metadata, [`form`]).
    pub form: &'static FormHints,
    /// What a vendor's response holds of the create payload's member of the same name (a read
    /// format's member; the response preview).
    pub echo: &'static Echo,
    /// The import stage: a format imports its members stage by stage, in their order within a
    /// stage (0 for all but the few members whose notes keep an order of their own).
    pub stage: u8,
}

impl Member {
    /// An optional, non-nullable member.
    pub(crate) const fn new(name: &'static str, label: &'static str, kind: ValueRules) -> Self {
        Self {
            name,
            label,
            kind,
            required: Presence::Optional,
            nullable: false,
            loose: false,
            capture: false,
            doc: "",
            crossing: &Crossing::None,
            form: &FormHints::NONE,
            echo: &Echo::No,
            stage: 0,
        }
    }
    /// Marks the member required.
    pub(crate) const fn required(self) -> Self {
        Self {
            required: Presence::Required,
            ..self
        }
    }
    /// Marks the member as probably required (a warning when missing).
    pub(crate) const fn required_warn(self) -> Self {
        Self {
            required: Presence::Expected,
            ..self
        }
    }
    /// Accepts `null`.
    pub(crate) const fn nullable(self) -> Self {
        Self {
            nullable: true,
            ..self
        }
    }
    /// Makes a type mismatch a warning.
    pub(crate) const fn loose(self) -> Self {
        Self {
            loose: true,
            ..self
        }
    }
    /// Captures the string value for cross-field rules.
    pub(crate) const fn capture(self) -> Self {
        Self {
            capture: true,
            ..self
        }
    }
    /// Sets the documentation.
    pub(crate) const fn doc(self, doc: &'static str) -> Self {
        Self { doc, ..self }
    }
    /// Sets how the value crosses to and from the canonical contact.
    ///
    /// Without the feature `convert` the crossing is not kept (it stays [`Crossing::None`]), so
    /// the tables hold no pointer to a conversion function and a validation-only build (the npm
    /// package's forms module) links none of them.
    ///
    /// By reference (as the form hints and the echo), so that a member holds a pointer to its
    /// crossing rather than the crossing: the tables stay small in the WebAssembly modules.
    pub(crate) const fn maps(self, crossing: &'static Crossing) -> Self {
        if cfg!(feature = "convert") {
            Self { crossing, ..self }
        } else {
            self
        }
    }
    /// Shows the member as a multi-line text area.
    pub(crate) const fn textarea(self) -> Self {
        Self {
            form: &FormHints::TEXTAREA,
            ..self
        }
    }
    /// Shows the member's value as rows of key and value.
    pub(crate) const fn key_value(self) -> Self {
        Self {
            form: &FormHints::KEY_VALUE,
            ..self
        }
    }
    /// Sets the form hints (`&FormHints::placeholder("30-35")`: the example a form shows in an
    /// empty input).
    pub(crate) const fn form(self, form: &'static FormHints) -> Self {
        Self { form, ..self }
    }
    /// Says what the vendor's response holds of the create payload's member of the same name.
    /// Without the feature `convert` it is not kept (as [`Member::maps`]).
    pub(crate) const fn echo(self, echo: &'static Echo) -> Self {
        if cfg!(feature = "convert") {
            Self { echo, ..self }
        } else {
            self
        }
    }
    /// Imports the member in a later stage (see [`Member::stage`]).
    pub(crate) const fn stage(self, stage: u8) -> Self {
        Self { stage, ..self }
    }
}

/// How a form shows a member: data for the form renderer (the page renders what the core
/// decides); the rules do not depend on it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FormHints {
    /// The input: `None` for the one the value's rules imply (a single line for a string, a
    /// select for a documented list, …).
    pub widget: Option<Widget>,
    /// An example value for an empty input (`""`: none).
    pub placeholder: &'static str,
}

impl FormHints {
    /// No hints: the input the rules imply, no placeholder.
    pub(crate) const NONE: FormHints = FormHints {
        widget: None,
        placeholder: "",
    };
    /// A multi-line text area.
    pub(crate) const TEXTAREA: FormHints = FormHints {
        widget: Some(Widget::Textarea),
        placeholder: "",
    };
    /// Rows of key and value.
    pub(crate) const KEY_VALUE: FormHints = FormHints {
        widget: Some(Widget::KeyValue),
        placeholder: "",
    };

    /// The input the rules imply, with an example value for when it is empty.
    pub(crate) const fn placeholder(placeholder: &'static str) -> FormHints {
        FormHints {
            widget: None,
            placeholder,
        }
    }
}

/// What a vendor's response holds of a create payload's member of the same name (a read
/// format's member; see [`crate::preview`]).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Echo {
    /// Nothing: the vendor computes the member, or the preview builds it.
    No,
    /// The member as sent.
    AsSent,
    /// The member as the vendor rewrites it.
    With(fn(&crate::value::Value) -> crate::value::Value),
}

/// The rules of one value.
#[derive(Debug)]
pub(crate) enum ValueRules {
    /// A string.
    String(StringRules),
    /// An integer (a number without fractional part) in a range (by reference, so that the
    /// two `i64` do not widen and align every value's rules).
    Integer(&'static IntegerRange),
    /// A boolean.
    Boolean,
    /// An array.
    Array(&'static ArrayRules),
    /// An object.
    Object(&'static ObjectRules),
    /// Any JSON value (no table needs it at the moment; the validator, schemas and forms support it).
    #[allow(dead_code)]
    Any,
    /// A value whose rules need the whole subtree at once (custom attributes with definitions).
    Dynamic(&'static Dynamic),
}

/// String rules. Lengths count Unicode scalar values.
#[derive(Debug)]
pub(crate) struct StringRules {
    /// Minimum length (error below). A `u16` (no table asks for more), so that it packs with
    /// `format` and `id` and every value's rules are 4 bytes smaller in the WebAssembly modules.
    pub min: u16,
    /// Maximum length (error above); `u32::MAX` for none.
    pub max: u32,
    /// A length above which a warning is given (an undocumented limit); `u32::MAX` for none.
    pub soft_max: u32,
    /// Why `soft_max` exists, for the warning message.
    pub soft_max_note: &'static str,
    /// A required format (error when not met).
    pub format: Option<StringFormat>,
    /// A closed list of values.
    pub one_of: Option<&'static Vocabulary>,
    /// Values that are reserved (error).
    pub reserved: &'static [&'static str],
    /// An identifier: the empty string is no id (it never counts as present for
    /// [`ObjectRules::any_of_required`] or a cross-field [`Check`], and is a `too_short` warning when
    /// `min` is 0), and a value of only whitespace is a `pattern` warning (the vendor would store
    /// it, but it is almost certainly a mistake). See docs/RULES.md#ids.
    pub id: bool,
}

impl StringRules {
    /// Any string.
    pub(crate) const ANY: StringRules = StringRules {
        min: 0,
        max: u32::MAX,
        soft_max: u32::MAX,
        soft_max_note: "",
        format: None,
        one_of: None,
        reserved: &[],
        id: false,
    };
}

/// A closed list of accepted values.
#[derive(Debug)]
pub(crate) struct Vocabulary {
    /// The accepted values, as the vendor spells them.
    pub values: &'static [&'static str],
    /// `Error` when the vendor documents the list; `Warning` when the list is only inferred.
    pub severity: Severity,
    /// Values differing only in ASCII case are accepted with a warning (the vendor's own
    /// examples use other cases).
    pub any_case: bool,
}

/// Array rules.
#[derive(Debug)]
pub(crate) struct ArrayRules {
    /// The items' rules.
    pub items: ValueRules,
    /// Minimum number of items.
    pub min: u32,
    /// Maximum number of items; `u32::MAX` for none.
    pub max: u32,
    /// Whether repeated items are a finding, and how serious.
    pub unique: Option<Severity>,
}

/// A value checked by vendor code rather than by the table (custom attributes, properties).
#[derive(Debug)]
pub(crate) struct Dynamic {
    /// Checks the value.
    pub check: DynamicCheck,
    /// The JSON Schema of the value.
    pub schema: fn() -> schema::Schema,
    /// What the form shows for it.
    pub form: form::Widget,
    /// The rules `check` enforces (with account definitions too), as docs/RULES.md states them
    /// (paths relative to the member). Only test builds carry it (as `Check::rules`).
    #[cfg(test)]
    pub rules: &'static [Stated],
}

/// How vendor code checks a [`Dynamic`] value.
#[derive(Debug, Clone, Copy)]
pub(crate) enum DynamicCheck {
    /// A function of the whole value: the walk first reads it as a [`validate::Whole`] (an
    /// object's members in input order, repeated names included and reported as `duplicate`).
    Whole(fn(&validate::Whole<'_>, &crate::pointer::Path<'_>, &mut validate::Ctx<'_>)),
    /// Values under keys, as a list of `{key, value}` objects or an object of `key: value`,
    /// checked during the walk without reading values whole ([`keyed`]; Help Scout
    /// `properties`).
    Keyed(&'static keyed::Keyed),
}

/// An array of `items` without bounds (a macro, so the table stays a `static`).
macro_rules! list {
    ($items:expr) => {
        $crate::spec::ValueRules::Array(&$crate::spec::ArrayRules {
            items: $items,
            min: 0,
            max: u32::MAX,
            unique: None,
        })
    };
}
pub(crate) use list;

/// Shorthand for a string of at most `max` characters.
pub(crate) const fn max_len(max: u32) -> ValueRules {
    ValueRules::String(StringRules {
        max,
        ..StringRules::ANY
    })
}

/// Shorthand for a string of `min..=max` characters.
pub(crate) const fn len(min: u16, max: u32) -> ValueRules {
    ValueRules::String(StringRules {
        min,
        max,
        ..StringRules::ANY
    })
}

/// Shorthand for a string in a format.
pub(crate) const fn formatted(format: StringFormat) -> ValueRules {
    ValueRules::String(StringRules {
        format: Some(format),
        ..StringRules::ANY
    })
}

/// Shorthand for any string.
pub(crate) const STRING: ValueRules = ValueRules::String(StringRules::ANY);

/// Shorthand for an id of at least `min` characters ([`StringRules::id`]).
pub(crate) const fn id(min: u16) -> ValueRules {
    ValueRules::String(StringRules {
        min,
        id: true,
        ..StringRules::ANY
    })
}

/// The range of an integer: `min..=max`.
#[derive(Debug)]
pub(crate) struct IntegerRange {
    /// The least value.
    pub min: i64,
    /// The greatest value.
    pub max: i64,
}

/// Shorthand for any 64-bit integer.
pub(crate) const INTEGER: ValueRules = ValueRules::Integer(&IntegerRange {
    min: i64::MIN,
    max: i64::MAX,
});

/// Shorthand for a string from a documented list.
pub(crate) const fn one_of(e: &'static Vocabulary) -> ValueRules {
    ValueRules::String(StringRules {
        one_of: Some(e),
        ..StringRules::ANY
    })
}

#[cfg(test)]
mod tests {
    use super::{form::Widget, ObjectRules};
    use crate::Format;

    /// The forms module's character count agrees with std's on every string.
    #[test]
    fn char_count_by_bytes_counts_scalar_values() {
        for s in [
            "",
            "a",
            "caf\u{e9}",
            "\u{1F600}\u{10ffff}\u{800}x",
            "\u{7f}\u{80}\u{7ff}",
        ] {
            assert_eq!(super::char_count_by_bytes(s), s.chars().count(), "{s:?}");
        }
        proptest::proptest!(|(s in "\\PC*|.*")| {
            proptest::prop_assert_eq!(super::char_count_by_bytes(&s), s.chars().count());
        });
    }

    fn member(rules: &'static ObjectRules, name: &str) -> &'static super::Member {
        rules
            .members
            .iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| panic!("no member {name}"))
    }

    #[test]
    fn declarations_carry_the_form_hints_the_page_guessed_by_name() {
        // The page picked a text area by the name (background, notes) and guessed key/value
        // rows; the declarations say it.
        let helpscout = Format::HelpScout.spec();
        assert_eq!(
            member(helpscout, "background").form.widget,
            Some(Widget::Textarea)
        );
        assert_eq!(member(helpscout, "firstName").form.widget, None);
        assert_eq!(member(helpscout, "age").form.placeholder, "30-35");
        let canonical = Format::Canonical.spec();
        assert_eq!(
            member(canonical, "notes").form.widget,
            Some(Widget::Textarea)
        );
        assert_eq!(
            member(canonical, "customAttributes").form.widget,
            Some(Widget::KeyValue)
        );
        assert_eq!(
            member(Format::Intercom.spec(), "phone").form.placeholder,
            "+353871234567"
        );
    }
}
