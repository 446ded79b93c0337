//! Finding messages, built from a template and the finding's parameters, without `core::fmt`.
//!
//! A finding is a code, a severity, a path and a [`Message`]: a template (a list of [`Part`]s,
//! a `const` next to the rule that uses it) and the [`Params`] it names, such as the length
//! of a string and the documented maximum. The message text is rendered from the two with
//! `push_str` and a small integer formatter ([`crate::json::write`]), so the validator links no
//! formatting machinery (which keeps the WebAssembly build small), and a binding can hand the
//! parameters to a user interface that phrases or translates the message itself.
//!
//! Parameters never hold a value from the record (personal data); the value is appended only
//! when the caller asked for it (`show_values`), by [`super::validate::Ctx::push_value`].

use crate::formats::StringFormat;
use crate::issue::{Code, IssueParams};
use crate::json::write::{push_i64, push_usize};
use crate::json::SyntaxError;

/// A piece of a message template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// Literal text.
    Text(&'static str),
    /// [`Params::length`].
    Length,
    /// [`Params::count`].
    Count,
    /// [`Params::min`].
    Min,
    /// [`Params::max`].
    Max,
    /// [`Params::list`], joined with `", "`.
    List,
    /// [`Params::expected`], e.g. "a string or null".
    Expected,
    /// [`Params::found`], e.g. "an array".
    Found,
    /// [`Params::format`], described, e.g. "a valid email address".
    Format,
    /// [`Params::note`].
    Note,
    /// [`Params::syntax`]: what is wrong with the JSON text, and where.
    Syntax,
}

/// A JSON type, as messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JsonType {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// Any number.
    Number,
    /// A number without fractional part.
    Integer,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
    /// Any JSON value.
    Value,
}

impl JsonType {
    /// The JSON Schema names of the type, and of `null` when `nullable` (`["string", "null"]`);
    /// empty for any value.
    pub(crate) const fn names(self, nullable: bool) -> &'static [&'static str] {
        match (self, nullable) {
            (Self::Null, _) => &["null"],
            (Self::Boolean, false) => &["boolean"],
            (Self::Boolean, true) => &["boolean", "null"],
            (Self::Number, false) => &["number"],
            (Self::Number, true) => &["number", "null"],
            (Self::Integer, false) => &["integer"],
            (Self::Integer, true) => &["integer", "null"],
            (Self::String, false) => &["string"],
            (Self::String, true) => &["string", "null"],
            (Self::Array, false) => &["array"],
            (Self::Array, true) => &["array", "null"],
            (Self::Object, false) => &["object"],
            (Self::Object, true) => &["object", "null"],
            (Self::Value, _) => &[],
        }
    }

    /// The type with its article, as messages use it: "a string", "an array", "null".
    pub(crate) const fn phrase(self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Boolean => "a boolean",
            Self::Number => "a number",
            Self::Integer => "an integer",
            Self::String => "a string",
            Self::Array => "an array",
            Self::Object => "an object",
            Self::Value => "a JSON value",
        }
    }
}

/// What a value must be: a type, and whether `null` is accepted too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Expected {
    /// The type.
    pub kind: JsonType,
    /// `null` is accepted too.
    pub nullable: bool,
}

/// The parameters of one finding. Each template uses some of them; the others stay unset.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Params {
    /// The length of a string, in Unicode scalar values.
    pub length: Option<usize>,
    /// A number of items or members.
    pub count: Option<usize>,
    /// The documented minimum (of a length, a count or a number).
    pub min: Option<i64>,
    /// The documented maximum (of a length, a count or a number); for a warning, the limit
    /// that is not documented but likely.
    pub max: Option<i64>,
    /// The accepted values, the reserved values, or the member names of a rule.
    pub list: &'static [&'static str],
    /// What the value must be.
    pub expected: Option<Expected>,
    /// What the value is.
    pub found: Option<JsonType>,
    /// The format the value must have.
    pub format: Option<StringFormat>,
    /// Why a limit applies.
    pub note: &'static str,
    /// The syntax error of text that is not JSON.
    pub syntax: Option<SyntaxError>,
}

/// A finding's message: a template and its parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Message {
    /// The template.
    pub template: &'static [Part],
    /// The parameters the template names.
    pub params: Params,
}

impl Message {
    /// A message from `template`, with no parameters yet.
    #[cfg_attr(all(not(feature = "speed"), target_arch = "wasm32"), inline(never))]
    pub(crate) fn new(template: &'static [Part]) -> Self {
        Self {
            template,
            params: Params::default(),
        }
    }

    /// Sets [`Params::length`].
    pub(crate) fn length(mut self, length: usize) -> Self {
        self.params.length = Some(length);
        self
    }

    /// Sets [`Params::count`].
    pub(crate) fn count(mut self, count: usize) -> Self {
        self.params.count = Some(count);
        self
    }

    /// Sets [`Params::min`].
    pub(crate) fn min(mut self, min: impl Into<i64>) -> Self {
        self.params.min = Some(min.into());
        self
    }

    /// Sets [`Params::max`].
    pub(crate) fn max(mut self, max: impl Into<i64>) -> Self {
        self.params.max = Some(max.into());
        self
    }

    /// Sets [`Params::list`].
    pub(crate) fn list(mut self, list: &'static [&'static str]) -> Self {
        self.params.list = list;
        self
    }

    /// Sets [`Params::expected`].
    pub(crate) fn expected(mut self, kind: JsonType, nullable: bool) -> Self {
        self.params.expected = Some(Expected { kind, nullable });
        self
    }

    /// Sets [`Params::found`].
    pub(crate) fn found(mut self, found: JsonType) -> Self {
        self.params.found = Some(found);
        self
    }

    /// Sets [`Params::format`].
    pub(crate) fn format(mut self, format: StringFormat) -> Self {
        self.params.format = Some(format);
        self
    }

    /// Sets [`Params::note`].
    pub(crate) fn note(mut self, note: &'static str) -> Self {
        self.params.note = note;
        self
    }

    /// Sets [`Params::syntax`].
    pub(crate) fn syntax(mut self, error: SyntaxError) -> Self {
        self.params.syntax = Some(error);
        self
    }

    /// Appends the message text to `out`. A template that names a parameter the message lacks
    /// is a bug in the rule that made it: debug builds (and so every test run) stop on it; a
    /// release build renders the slot as nothing rather than fail on a record.
    pub(crate) fn render(&self, out: &mut String) {
        fn missing() {
            debug_assert!(
                false,
                "a message template names a parameter the message lacks"
            );
        }
        let p = &self.params;
        for part in self.template {
            match *part {
                Part::Text(text) => out.push_str(text),
                Part::Length => p.length.map_or_else(missing, |n| push_usize(out, n)),
                Part::Count => p.count.map_or_else(missing, |n| push_usize(out, n)),
                Part::Min => p.min.map_or_else(missing, |n| push_i64(out, n)),
                Part::Max => p.max.map_or_else(missing, |n| push_i64(out, n)),
                Part::List => {
                    if p.list.is_empty() {
                        missing();
                    }
                    for (i, item) in p.list.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        out.push_str(item);
                    }
                }
                Part::Expected => p.expected.map_or_else(missing, |e| {
                    out.push_str(e.kind.phrase());
                    if e.nullable {
                        out.push_str(" or null");
                    }
                }),
                Part::Found => p.found.map_or_else(missing, |t| out.push_str(t.phrase())),
                Part::Format => p
                    .format
                    .map_or_else(missing, |f| out.push_str(f.describe())),
                Part::Note => out.push_str(p.note),
                Part::Syntax => p.syntax.map_or_else(missing, |e| {
                    out.push_str(if e.code.is_eof() {
                        "the JSON text ends too early"
                    } else {
                        e.code.as_str()
                    });
                    out.push_str(" (line ");
                    push_usize(out, e.line);
                    out.push_str(", column ");
                    push_usize(out, e.column);
                    out.push(')');
                }),
            }
        }
    }

    /// The parameters a user interface may use ([`IssueParams`]) for a finding of `code`:
    /// `min`/`max` are the `limit` of the length and item-count codes, the `minimum`/`maximum`
    /// of the others; `None` when the message states no term.
    pub(crate) fn issue_params(&self, code: Code) -> Option<Box<IssueParams>> {
        let p = &self.params;
        let mut out = IssueParams::default();
        match code {
            Code::TooShort | Code::TooFewItems => out.limit = p.min,
            Code::TooLong | Code::TooManyItems => out.limit = p.max,
            _ => (out.minimum, out.maximum) = (p.min, p.max),
        }
        out.length = p.length;
        out.count = p.count;
        out.allowed = p.list;
        out.format = p.format.map(StringFormat::form_name);
        if let Some(e) = p.expected {
            out.expected = e.kind.names(e.nullable);
        }
        if let Some(e) = p.syntax {
            (out.line, out.column) = (Some(e.line), Some(e.column));
        }
        (!out.is_empty()).then(|| Box::new(out))
    }

    /// The message text.
    pub(crate) fn to_text(self) -> String {
        let mut out = String::new();
        self.render(&mut out);
        out
    }
}
