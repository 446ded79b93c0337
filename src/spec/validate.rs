//! The validator: walks a record once, token by token from a [`Source`], checking it against a
//! format's [`ObjectRules`] table and collecting every finding.
//!
//! The same walk reads JSON text (a [`Scanner`]: strings borrowed from the input, nothing
//! allocated for a valid record) and an already parsed `serde_json::Value` (a
//! [`ValueSource`]), so the two entry points cannot disagree. The walk recurses only where the
//! rule tables nest (a few levels); whatever no rule looks at is skipped by the source without
//! recursion. Text that is not one JSON value yields one `syntax` finding and nothing else.
//!
//! Findings carry their parameters ([`Message`]); the message text is rendered from a
//! template without `core::fmt`.

use std::borrow::Cow;

use serde_json::Value;

use super::message::{JsonType, Message, Part, Part::Text};
use super::{
    ArrayRules, DynamicCheck, Extra, Member, ObjectRules, Presence, StringRules, ValueRules,
};
use crate::json::{
    write::push_json_string, Integer, Json, NameMap, Number, Scanner, Source, Stop, SyntaxError,
    Token,
};
use crate::pointer::Path;
use crate::{Code, Issue, Report, Severity, ValidateOptions};

pub(crate) use crate::json::MAX_NESTING;

/// Collects findings during one walk.
#[derive(Debug)]
pub(crate) struct Ctx<'o> {
    pub issues: Vec<Issue>,
    /// The options of the run (definitions, whether messages show values).
    pub options: &'o ValidateOptions,
}

impl<'o> Ctx<'o> {
    pub(crate) fn new(options: &'o ValidateOptions) -> Self {
        Self {
            issues: Vec::new(),
            options,
        }
    }

    /// Records a finding.
    pub(crate) fn push(
        &mut self,
        path: &Path<'_>,
        code: Code,
        severity: Severity,
        message: Message,
    ) {
        self.issues.push(Issue {
            path: path.pointer(),
            code,
            severity,
            params: message.issue_params(code),
            message: message.to_text(),
        });
    }

    /// Records a finding about a string value, appending the value when the caller asked for it.
    pub(crate) fn push_value(
        &mut self,
        path: &Path<'_>,
        code: Code,
        severity: Severity,
        message: Message,
        value: &str,
    ) {
        let params = message.issue_params(code);
        let mut text = message.to_text();
        if self.options.show_values {
            text.push_str(" (value: ");
            push_json_string(&mut text, value);
            text.push(')');
        }
        self.issues.push(Issue {
            path: path.pointer(),
            code,
            severity,
            message: text,
            params,
        });
    }

    /// Records an error.
    pub(crate) fn error(&mut self, path: &Path<'_>, code: Code, message: Message) {
        self.push(path, code, Severity::Error, message);
    }

    /// Records a warning.
    pub(crate) fn warn(&mut self, path: &Path<'_>, code: Code, message: Message) {
        self.push(path, code, Severity::Warning, message);
    }

    fn into_report(self) -> Report {
        Report {
            issues: self.issues,
        }
    }
}

/// What an object walk saw, handed to the object's cross-field check.
#[derive(Debug)]
pub(crate) struct Seen<'a> {
    fields: &'static [Member],
    present: u64,
    captured: &'a [(usize, String)],
}

impl Seen<'_> {
    /// Whether member `name` was present (any value, including `null`).
    pub(crate) fn has(&self, name: &str) -> bool {
        self.index(name)
            .is_some_and(|i| self.present & (1 << i) != 0)
    }

    /// Whether member `name` was given: present, and not an empty id (docs/RULES.md#ids).
    pub(crate) fn given(&self, name: &str) -> bool {
        let empty_id = self
            .index(name)
            .and_then(|i| self.fields.get(i))
            .is_some_and(|f| {
                matches!(f.kind, ValueRules::String(StringRules { id: true, .. }))
                    && self.captured(name) == Some("")
            });
        self.has(name) && !empty_id
    }

    /// The string value of a `capture` member, if it was a string.
    pub(crate) fn captured(&self, name: &str) -> Option<&str> {
        let i = self.index(name)?;
        self.captured
            .iter()
            .find(|(j, _)| *j == i)
            .map(|(_, s)| s.as_str())
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }
}

// Messages of the generic rules.
const NESTED_TOO_DEEP: &[Part] = &[
    Text("nested more than "),
    Part::Max,
    Text(" levels deep: as JSON text it would exceed the parser's recursion limit"),
];
const NOT_JSON: &[Part] = &[Text("not valid JSON: "), Part::Syntax];
const WRONG_TYPE: &[Part] = &[
    Text("must be "),
    Part::Expected,
    Text(", not "),
    Part::Found,
];
const WRONG_TYPE_LOOSE: &[Part] = &[
    Text("should be "),
    Part::Expected,
    Text(", not "),
    Part::Found,
    Text(" (the vendor's docs do not state the exact type)"),
];
const INTEGER_RANGE: &[Part] = &[
    Text("must be an integer from "),
    Part::Min,
    Text(" to "),
    Part::Max,
];
const EMPTY_ID: &[Part] = &[Text("is empty: an empty string is no id")];
const EMPTY_ID_WARNING: &[Part] = &[Text(
    "is empty: an empty string is no id, so the contact has none",
)];
const BLANK_ID: &[Part] = &[Text(
    "is only whitespace: the vendor would store it, but an id of only whitespace is almost certainly a mistake",
)];
const EMPTY_STRING: &[Part] = &[
    Text("is empty; it must be at least "),
    Part::Min,
    Text(" characters long"),
];
const TOO_SHORT: &[Part] = &[
    Text("is "),
    Part::Length,
    Text(" characters long, the minimum is "),
    Part::Min,
];
const TOO_LONG: &[Part] = &[
    Text("is "),
    Part::Length,
    Text(" characters long, the maximum is "),
    Part::Max,
];
const LONGER_THAN_LIKELY: &[Part] = &[
    Text("is "),
    Part::Length,
    Text(" characters long, more than "),
    Part::Max,
    Text(" ("),
    Part::Note,
    Text(")"),
];
const NOT_FORMAT: &[Part] = &[Text("is not "), Part::Format];
const OTHER_CASE: &[Part] = &[
    Text("differs in letter case from the documented values ("),
    Part::List,
    Text("); the vendor's docs do not state whether case matters"),
];
const NOT_ONE_OF: &[Part] = &[Text("is not one of the accepted values: "), Part::List];
const NOT_ONE_OF_INFERRED: &[Part] = &[
    Text("is not one of the accepted values: "),
    Part::List,
    Text(" (inferred from the vendor's examples; the docs do not state the list)"),
];
const RESERVED: &[Part] = &[
    Text("is a reserved name ("),
    Part::List,
    Text(" are reserved)"),
];
const REPEATED_ITEM: &[Part] = &[Text("repeats an earlier item")];
const NO_ITEMS: &[Part] = &[
    Text("is empty; it must have at least "),
    Part::Min,
    Text(" item(s)"),
];
const TOO_FEW_ITEMS: &[Part] = &[
    Text("has "),
    Part::Count,
    Text(" item(s), the minimum is "),
    Part::Min,
];
const TOO_MANY_ITEMS: &[Part] = &[
    Text("has "),
    Part::Count,
    Text(" items, the maximum is "),
    Part::Max,
];
const REPEATED_MEMBER: &[Part] = &[Text(
    "repeats a member name of the same object; a JSON parser keeps only one of the values \
     (most keep the last), so the other would be lost",
)];
const EMPTY_NAME: &[Part] = &[Text(
    "is an empty name; a custom attribute name must be at least 1 character long",
)];
const BEYOND_F64: &[Part] = &[Text(
    "is a number beyond the range of a 64-bit float (about ±1.8e308): JSON parsers, JavaScript's among them, cannot hold it",
)];
/// A member that the vendor does not document.
pub(crate) const UNKNOWN_FIELD: &[Part] = &[Text(
    "is not a documented field; the vendor may ignore or reject it",
)];
/// A required member that is missing.
pub(crate) const REQUIRED: &[Part] = &[Text("is required")];
const PROBABLY_REQUIRED: &[Part] = &[Text(
    "is missing; the vendor probably requires it, but its docs do not state it",
)];
const ONE_OF_REQUIRED: &[Part] = &[Text("one of "), Part::List, Text(" is required")];

/// Whether `value` nests more than [`MAX_NESTING`] arrays and objects, measured without
/// recursion (a value built in code, not parsed, has no depth limit, and walking a very deep
/// one recursively would overflow the stack).
fn too_deep(value: &Value) -> bool {
    fn push<'v>(stack: &mut Vec<(&'v Value, usize)>, v: &'v Value, depth: usize) {
        if v.is_array() || v.is_object() {
            stack.push((v, depth));
        }
    }
    let mut stack: Vec<(&Value, usize)> = Vec::new();
    push(&mut stack, value, 1);
    while let Some((v, depth)) = stack.pop() {
        if depth > MAX_NESTING {
            return true;
        }
        match v {
            Value::Array(items) => items.iter().for_each(|c| push(&mut stack, c, depth + 1)),
            Value::Object(map) => map.values().for_each(|c| push(&mut stack, c, depth + 1)),
            _ => {}
        }
    }
    false
}

/// The rules of every format that the walk itself enforces, as docs/RULES.md states them
/// (`**` is any path).
#[cfg(test)]
pub(crate) const EVERY_FORMAT: &[super::Stated] = &[
    super::Stated::error(
        "",
        "one JSON value: UTF-8, no lone surrogate, nested at most 127 levels",
        Code::Syntax,
    ),
    super::Stated::error("", "an object", Code::Type),
    super::Stated::error(
        "**",
        "a number within the range of a 64-bit float",
        Code::OutOfRange,
    ),
    super::Stated::error(
        "**",
        "a member name that appears once in its object",
        Code::Duplicate,
    ),
];

/// Validates an already parsed value against `root`.
pub(crate) fn validate_value(
    root: &'static ObjectRules,
    value: &Value,
    options: &ValidateOptions,
) -> Report {
    if too_deep(value) {
        let message = Message::new(NESTED_TOO_DEEP).max(i64::try_from(MAX_NESTING).unwrap_or(0));
        return Report {
            issues: vec![whole_record_error(Code::Syntax, message)],
        };
    }
    validate_walked(root, value, options)
}

/// Validates a value of the conversion's type ([`crate::value::Value`]) against `root`: in the
/// browsers' full WebAssembly module (`--cfg contactkit_value="lite"`) the core's own value,
/// written as text (as serde_json writes it) and walked by the scanner as
/// [`validate_value`] does there; elsewhere [`validate_value`] itself.
#[cfg(contactkit_value = "lite")]
pub(crate) fn validate_converted(
    root: &'static ObjectRules,
    value: &crate::value::Value,
    options: &ValidateOptions,
) -> Report {
    if value.deeper_than(MAX_NESTING) {
        let message = Message::new(NESTED_TOO_DEEP).max(i64::try_from(MAX_NESTING).unwrap_or(0));
        return Report {
            issues: vec![whole_record_error(Code::Syntax, message)],
        };
    }
    let mut text = String::new();
    crate::json::write::push_converted(&mut text, value);
    validate_str(root, &text, options)
}

#[cfg(not(contactkit_value = "lite"))]
pub(crate) use validate_value as validate_converted;

/// Walks the value itself, no text in between: native builds, the forms module and the Node
/// entry's module (feature `speed`).
#[cfg(any(
    feature = "speed",
    not(all(target_arch = "wasm32", feature = "convert"))
))]
fn validate_walked(root: &'static ObjectRules, value: &Value, options: &ValidateOptions) -> Report {
    let mut ctx = Ctx::new(options);
    // A value source never fails.
    let walked = walk_root(root, &mut crate::json::ValueSource::new(value), &mut ctx);
    debug_assert!(walked.is_ok(), "walking a Value cannot fail");
    ctx.into_report()
}

/// In the browsers' full WebAssembly module the value is written as text (as serde_json writes
/// it) and the scanner walks that: the same findings, as the text of a value reads back as the
/// same value, and one instance of the walk in the module instead of two (the second, over
/// `Value`, cost 2.3 KB gzipped). The depth was checked above, so the text is never too deep.
#[cfg(all(target_arch = "wasm32", feature = "convert", not(feature = "speed")))]
fn validate_walked(root: &'static ObjectRules, value: &Value, options: &ValidateOptions) -> Report {
    let mut text = String::new();
    crate::json::write::push_value(&mut text, value);
    validate_str(root, &text, options)
}

/// Validates JSON text against `root`; text that is not one JSON value is one `syntax` finding.
pub(crate) fn validate_str(
    root: &'static ObjectRules,
    json: &str,
    options: &ValidateOptions,
) -> Report {
    validate_text(root, Scanner::from_str(json), options)
}

/// Validates JSON bytes against `root`; text that is not one JSON value is one `syntax` finding.
pub(crate) fn validate_slice(
    root: &'static ObjectRules,
    json: &[u8],
    options: &ValidateOptions,
) -> Report {
    validate_text(root, Scanner::from_slice(json), options)
}

fn validate_text(
    root: &'static ObjectRules,
    mut scanner: Scanner<'_>,
    options: &ValidateOptions,
) -> Report {
    let mut ctx = Ctx::new(options);
    match walk_root(root, &mut scanner, &mut ctx).and_then(|()| scanner.end()) {
        Ok(()) => ctx.into_report(),
        Err(Stop) => Report {
            issues: vec![syntax_issue(scanner.failure())],
        },
    }
}

fn walk_root<'a, S: Source<'a>>(
    root: &'static ObjectRules,
    source: &mut S,
    ctx: &mut Ctx<'_>,
) -> Result<(), Stop> {
    let kind = ValueRules::Object(root);
    walk(source, Slot::new(&kind, Path::Root), ctx).map(|_| ())
}

/// The `syntax` finding for text that is not JSON (the message names a position, never the
/// data).
pub(crate) fn syntax_issue(e: SyntaxError) -> Issue {
    whole_record_error(Code::Syntax, Message::new(NOT_JSON).syntax(e))
}

/// An error about the whole record (path `""`), with the message's parameters.
fn whole_record_error(code: Code, message: Message) -> Issue {
    let mut issue = Issue::error("", code, message.to_text());
    issue.params = message.issue_params(code);
    issue
}

/// The rules of one value, and where it is.
#[derive(Clone, Copy)]
struct Slot<'k, 'p> {
    kind: &'k ValueRules,
    nullable: bool,
    loose: bool,
    /// Return the string value (for cross-field rules and uniqueness).
    capture: bool,
    /// Return `Some("")` for an empty string, so that an empty id does not count as present
    /// ([`Seen::given`]); nothing is allocated for it, or for any other id.
    empty_id: bool,
    path: Path<'p>,
}

impl<'k, 'p> Slot<'k, 'p> {
    fn new(kind: &'k ValueRules, path: Path<'p>) -> Self {
        Self {
            kind,
            nullable: false,
            loose: false,
            capture: false,
            empty_id: false,
            path,
        }
    }

    fn field(field: &'static Member, path: Path<'p>) -> Self {
        Self {
            kind: &field.kind,
            nullable: field.nullable,
            loose: field.loose,
            capture: field.capture,
            empty_id: matches!(field.kind, ValueRules::String(StringRules { id: true, .. })),
            path,
        }
    }

    /// Records that the value has the wrong type.
    fn wrong_type(&self, found: JsonType, ctx: &mut Ctx<'_>) {
        let (template, severity) = if self.loose {
            (WRONG_TYPE_LOOSE, Severity::Warning)
        } else {
            (WRONG_TYPE, Severity::Error)
        };
        let message = Message::new(template)
            .expected(kind_type(self.kind), self.nullable)
            .found(found);
        ctx.push(&self.path, Code::Type, severity, message);
    }
}

/// The JSON type a kind of value must have.
fn kind_type(kind: &ValueRules) -> JsonType {
    match kind {
        ValueRules::String(_) => JsonType::String,
        ValueRules::Integer(_) => JsonType::Integer,
        ValueRules::Boolean => JsonType::Boolean,
        ValueRules::Array(_) => JsonType::Array,
        ValueRules::Object(_) => JsonType::Object,
        ValueRules::Any | ValueRules::Dynamic(_) => JsonType::Value,
    }
}

/// What a value of `kind` must be, as type messages say it (e.g. "a string or null"), for the
/// test that keeps docs/RULES.md in step.
#[cfg(test)]
pub(crate) fn expected(kind: &ValueRules, nullable: bool) -> String {
    Message::new(&[Part::Expected])
        .expected(kind_type(kind), nullable)
        .to_text()
}

/// Reads the start of the next value, which is at `path`. A number beyond the range of an
/// `f64` is an `out_of_range` error here, wherever it is (docs/RULES.md#numbers); for the rules
/// after that it reads as `0`, an in-range integer, so that every rule that looks at a value's
/// type still sees a number and the range is reported once. Every value of a record is read
/// through here (or [`skip`], which calls it).
#[cfg_attr(any(feature = "speed", not(target_arch = "wasm32")), inline(always))]
#[cfg_attr(all(not(feature = "speed"), target_arch = "wasm32"), inline)]
pub(crate) fn read<'a, S: Source<'a>>(
    source: &mut S,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<Token<'a>, Stop> {
    match source.value()? {
        Token::Beyond => Ok(beyond_f64(path, ctx)),
        token => Ok(token),
    }
}

/// The options of [`crate::json::parse`], which reads whole values with [`read_json`] and
/// refuses a number beyond the range of an `f64` as serde_json does: for it [`read`] gives
/// [`Token::Beyond`] on, where [`json_of`] stops (and the parser takes the scanner's error).
/// Known by its address, so that the walk's context carries nothing more for it.
pub(crate) static PARSE_OPTIONS: ValidateOptions = ValidateOptions {
    definitions: None,
    show_values: false,
};

/// [`read`]'s finding for a number beyond the range of an `f64`, and the token it reads as
/// (for the parser, [`PARSE_OPTIONS`], no finding and the token itself).
#[cold]
fn beyond_f64<'a>(path: &Path<'_>, ctx: &mut Ctx<'_>) -> Token<'a> {
    if std::ptr::eq(ctx.options, &PARSE_OPTIONS) {
        return Token::Beyond;
    }
    ctx.error(path, Code::OutOfRange, Message::new(BEYOND_F64));
    Token::Number(Number::U64(0))
}

/// Passes over the next value, at `path`, that no rule looks at, reporting what is wrong with
/// it at any depth: repeated member names ([`repeated_member`]) and numbers beyond the `f64`
/// range ([`read`]). Recursion is bounded by the nesting limit every source enforces
/// ([`MAX_NESTING`]).
pub(crate) fn skip<'a, S: Source<'a>>(
    source: &mut S,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<(), Stop> {
    let token = read(source, path, ctx)?;
    skip_rest(source, &token, path, ctx)
}

/// Like [`skip`], for the rest of a value whose first token (from [`read`]) is `token`.
pub(crate) fn skip_rest<'a, S: Source<'a>>(
    source: &mut S,
    token: &Token<'a>,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<(), Stop> {
    match token {
        Token::Array => skip_open(source, false, path, ctx),
        Token::Object => skip_open(source, true, path, ctx),
        _ => Ok(()),
    }
}

/// Like [`skip`], for the rest of an array (`object == false`) or object that was just opened.
fn skip_open<'a, S: Source<'a>>(
    source: &mut S,
    object: bool,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<(), Stop> {
    if cfg!(all(not(feature = "speed"), target_arch = "wasm32")) {
        // The forms module reads the value whole and drops it: the same findings in the same
        // order (repeated names, numbers beyond the `f64` range), one reader of nested values
        // instead of two.
        let token = if object { Token::Object } else { Token::Array };
        return json_of(token, source, path, ctx).map(drop);
    }
    let mut first = true;
    if !object {
        let mut i = 0;
        while source.next_item(&mut first)? {
            skip(source, &path.index(i), ctx)?;
            i += 1;
        }
        return Ok(());
    }
    let mut names: NameMap<'a, ()> = NameMap::default();
    while let Some(name) = source.next_key(&mut first)? {
        let member = path.key(&name);
        if !names.insert(name.clone(), ()) {
            repeated_member(&member, ctx);
        }
        skip(source, &member, ctx)?;
    }
    Ok(())
}

/// Reads the next value, at `path`, whole, reporting as [`skip`] does. An object keeps its
/// members in the order first seen; a repeated name keeps its first place and its last value,
/// as a parsed `serde_json::Value` (with `preserve_order`) does.
pub(crate) fn read_json<'a, S: Source<'a>>(
    source: &mut S,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<Json<'a>, Stop> {
    let token = read(source, path, ctx)?;
    json_of(token, source, path, ctx)
}

/// The value whose first token (from [`read`]) is `token`, reading the rest of an array or
/// object, as [`read_json`] does.
fn json_of<'a, S: Source<'a>>(
    token: Token<'a>,
    source: &mut S,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<Json<'a>, Stop> {
    Ok(match token {
        Token::Null => Json::Null,
        Token::Bool(b) => Json::Bool(b),
        Token::Number(n) => Json::Number(n),
        // Only from the parser's `read` ([`PARSE_OPTIONS`]; a validation reads it as 0): the
        // value stops there.
        Token::Beyond => return Err(Stop),
        Token::String(s) => Json::String(s),
        Token::Array => {
            let mut items = Vec::new();
            let mut first = true;
            while source.next_item(&mut first)? {
                items.push(read_json(source, &path.index(items.len()), ctx)?);
            }
            Json::Array(items)
        }
        Token::Object => {
            let mut members = crate::json::ObjectMembers::default();
            let mut first = true;
            while let Some(name) = source.next_key(&mut first)? {
                let member = path.key(&name);
                if members.find(&name).is_some() {
                    repeated_member(&member, ctx);
                }
                let value = read_json(source, &member, ctx)?;
                members.insert(name, value);
            }
            Json::Object(members.into_entries())
        }
    })
}

/// A value checked as a whole by vendor code ([`DynamicCheck::Whole`]): an object's members in
/// input order, a repeated name included (so that every value is checked), or any other value.
#[derive(Debug)]
pub(crate) enum Whole<'a> {
    /// An object's members.
    Members(Vec<(Cow<'a, str>, Json<'a>)>),
    /// Anything but an object.
    Other(Json<'a>),
}

/// Reads a [`Whole`] at `path`, reporting as [`read_json`] does.
fn read_whole<'a, S: Source<'a>>(
    source: &mut S,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<Whole<'a>, Stop> {
    let token = read(source, path, ctx)?;
    let Token::Object = token else {
        return json_of(token, source, path, ctx).map(Whole::Other);
    };
    let mut names: NameMap<'a, ()> = NameMap::default();
    let mut members = Vec::new();
    let mut first = true;
    while let Some(name) = source.next_key(&mut first)? {
        let member = path.key(&name);
        if !names.insert(name.clone(), ()) {
            repeated_member(&member, ctx);
        }
        let value = read_json(source, &member, ctx)?;
        members.push((name, value));
    }
    Ok(Whole::Members(members))
}

/// The finding for a member whose name appeared before in the same object: a parsed value
/// keeps only one of the values, so the others would be lost without a trace.
pub(crate) fn repeated_member(member: &Path<'_>, ctx: &mut Ctx<'_>) {
    ctx.error(member, Code::Duplicate, Message::new(REPEATED_MEMBER));
}

/// The finding for a custom attribute without a name (no vendor can store one).
pub(crate) fn check_custom_name(name: &str, member: &Path<'_>, ctx: &mut Ctx<'_>) {
    if name.is_empty() {
        ctx.error(member, Code::TooShort, Message::new(EMPTY_NAME));
    }
}

/// Walks the next value of `source` with the rules of `slot`; returns the captured string (or
/// an object's fingerprint) when the slot asks for one, and `Some("")` for an empty id.
/// Inlined (where size does not count) into the walks of objects and arrays, which it calls in
/// turn: no call per member or item.
#[cfg_attr(any(feature = "speed", not(target_arch = "wasm32")), inline(always))]
fn walk<'a, S: Source<'a>>(
    source: &mut S,
    slot: Slot<'_, '_>,
    ctx: &mut Ctx<'_>,
) -> Result<Option<String>, Stop> {
    match slot.kind {
        ValueRules::Any => {
            skip(source, &slot.path, ctx)?;
            return Ok(None);
        }
        ValueRules::Dynamic(dynamic) => {
            match dynamic.check {
                DynamicCheck::Whole(check) => {
                    let value = read_whole(source, &slot.path, ctx)?;
                    if !(slot.nullable && matches!(value, Whole::Other(Json::Null))) {
                        check(&value, &slot.path, ctx);
                    }
                }
                DynamicCheck::Keyed(keyed) => {
                    super::keyed::walk(keyed, source, slot.nullable, &slot.path, ctx)?;
                }
            }
            return Ok(None);
        }
        _ => {}
    }
    let found = match read(source, &slot.path, ctx)? {
        Token::Null if slot.nullable => return Ok(None),
        Token::Null => JsonType::Null,
        Token::Bool(_) if matches!(slot.kind, ValueRules::Boolean) => return Ok(None),
        Token::Bool(_) => JsonType::Boolean,
        Token::Number(n) => {
            number(&slot, n, ctx);
            return Ok(None);
        }
        // Not from `read`, which reads it as 0.
        Token::Beyond => {
            number(&slot, Number::U64(0), ctx);
            return Ok(None);
        }
        Token::String(s) => {
            let ValueRules::String(rules) = slot.kind else {
                slot.wrong_type(JsonType::String, ctx);
                return Ok(None);
            };
            check_str(rules, &s, &slot.path, ctx);
            if slot.capture {
                return Ok(Some(s.into_owned()));
            }
            return Ok((slot.empty_id && s.is_empty()).then(String::new));
        }
        Token::Array => {
            if let ValueRules::Array(array) = slot.kind {
                walk_array(source, array, &slot.path, ctx)?;
                return Ok(None);
            }
            skip_open(source, false, &slot.path, ctx)?;
            JsonType::Array
        }
        Token::Object => {
            if let ValueRules::Object(obj) = slot.kind {
                return walk_object(source, obj, &slot.path, ctx, slot.capture);
            }
            skip_open(source, true, &slot.path, ctx)?;
            JsonType::Object
        }
    };
    slot.wrong_type(found, ctx);
    Ok(None)
}

/// Checks a number: it must be an integer in the slot's range.
fn number(slot: &Slot<'_, '_>, n: Number, ctx: &mut Ctx<'_>) {
    let ValueRules::Integer(&super::IntegerRange { min, max }) = *slot.kind else {
        return slot.wrong_type(JsonType::Number, ctx);
    };
    match n.integer() {
        None => slot.wrong_type(JsonType::Number, ctx),
        Some(Integer::InRange(n)) if (min..=max).contains(&n) => {}
        Some(_) => ctx.error(
            &slot.path,
            Code::OutOfRange,
            Message::new(INTEGER_RANGE).min(min).max(max),
        ),
    }
}

/// Checks a string against its rules (shared with the vendor modules' dynamic checks). The
/// common case, a string that surely fits rules of lengths only, is all that is inlined.
#[cfg_attr(any(feature = "speed", not(target_arch = "wasm32")), inline(always))]
pub(crate) fn check_str(rules: &StringRules, s: &str, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    // A string has at most as many characters as bytes, so the characters need counting only
    // when the bytes exceed a maximum or the minimum is above one.
    let cap = rules.max.min(rules.soft_max) as usize;
    let surely_fits = s.len() <= cap && (rules.min == 0 || (rules.min == 1 && !s.is_empty()));
    let lengths_only =
        !rules.id && rules.format.is_none() && rules.one_of.is_none() && rules.reserved.is_empty();
    if !(surely_fits && lengths_only) {
        check_str_rest(rules, s, surely_fits, path, ctx);
    }
}

/// [`check_str`] for a string that may not fit, or rules beyond lengths.
fn check_str_rest(
    rules: &StringRules,
    s: &str,
    surely_fits: bool,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) {
    if !surely_fits {
        let n = super::char_count(s);
        if n < usize::from(rules.min) {
            let message = if n == 0 && rules.id {
                Message::new(EMPTY_ID)
            } else {
                let template = if n == 0 { EMPTY_STRING } else { TOO_SHORT };
                Message::new(template).length(n).min(u32::from(rules.min))
            };
            ctx.error(path, Code::TooShort, message);
        } else if n > rules.max as usize {
            let message = Message::new(TOO_LONG).length(n).max(rules.max);
            ctx.error(path, Code::TooLong, message);
        } else if n > rules.soft_max as usize {
            let message = Message::new(LONGER_THAN_LIKELY)
                .length(n)
                .max(rules.soft_max)
                .note(rules.soft_max_note);
            ctx.warn(path, Code::TooLong, message);
        }
    }
    if rules.id {
        check_id(rules, s, path, ctx);
    }
    if let Some(format) = rules.format {
        if !format.matches(s) {
            let message = Message::new(NOT_FORMAT).format(format);
            ctx.push_value(path, format.code(), Severity::Error, message, s);
        }
    }
    if let Some(list) = rules.one_of {
        if !list.values.iter().any(|v| same(v, s)) {
            let other_case = list.any_case && list.values.iter().any(|v| v.eq_ignore_ascii_case(s));
            let (template, severity) = if other_case {
                (OTHER_CASE, Severity::Warning)
            } else if list.severity == Severity::Warning {
                (NOT_ONE_OF_INFERRED, list.severity)
            } else {
                (NOT_ONE_OF, list.severity)
            };
            let message = Message::new(template).list(list.values);
            ctx.push_value(path, Code::Enum, severity, message, s);
        }
    }
    if rules.reserved.iter().any(|r| same(r, s)) {
        let message = Message::new(RESERVED).list(rules.reserved);
        ctx.push_value(path, Code::Reserved, Severity::Error, message, s);
    }
}

/// The warnings of an id (docs/RULES.md#ids): empty where the vendor does not forbid it, or
/// only whitespace.
fn check_id(rules: &StringRules, s: &str, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    if s.is_empty() {
        if rules.min == 0 {
            ctx.warn(path, Code::TooShort, Message::new(EMPTY_ID_WARNING));
        }
    } else if is_blank(s) {
        ctx.warn(path, Code::Pattern, Message::new(BLANK_ID));
    }
}

/// Whether `s` is only (Unicode) whitespace, as `s.trim().is_empty()`.
fn is_blank(s: &str) -> bool {
    if cfg!(any(feature = "convert", feature = "speed")) {
        // The builds with conversion or `speed` link std's `trim` anyway.
        s.trim().is_empty()
    } else {
        // The forms module: the same test without `trim`'s code.
        s.chars().all(char::is_whitespace)
    }
}

fn walk_array<'a, S: Source<'a>>(
    source: &mut S,
    array: &'static ArrayRules,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<(), Stop> {
    let mut count = 0usize;
    // Fingerprints of the items seen so far, kept only when uniqueness is checked (a `NameMap`:
    // searched in order while few, hashed once many, as a record may hold hundreds of thousands
    // of items; the walk's one hash table type, which keeps the WebAssembly module smaller).
    // Made at the first fingerprint: most arrays have none, and nothing is then built or dropped.
    let mut seen: Option<NameMap<'_, ()>> = None;
    let mut first = true;
    while source.next_item(&mut first)? {
        let item_path = path.index(count);
        let slot = Slot {
            capture: array.unique.is_some(),
            ..Slot::new(&array.items, item_path)
        };
        let fingerprint = walk(source, slot, ctx)?;
        if let (Some(severity), Some(fp)) = (array.unique, fingerprint) {
            if !seen
                .get_or_insert_with(NameMap::default)
                .insert(Cow::Owned(fp), ())
            {
                ctx.push(
                    &item_path,
                    Code::Duplicate,
                    severity,
                    Message::new(REPEATED_ITEM),
                );
            }
        }
        count += 1;
    }
    if count < array.min as usize {
        let message = if count == 0 {
            Message::new(NO_ITEMS).min(array.min)
        } else {
            Message::new(TOO_FEW_ITEMS).count(count).min(array.min)
        };
        ctx.error(path, Code::TooFewItems, message);
    } else if count > array.max as usize {
        let message = Message::new(TOO_MANY_ITEMS).count(count).max(array.max);
        ctx.error(path, Code::TooManyItems, message);
    }
    Ok(())
}

/// The index of the field named `key`, searching from `hint` on first.
fn find_field(fields: &[Member], key: &str, hint: usize) -> Option<usize> {
    let (before, after) = fields.split_at(hint.min(fields.len()));
    match after.iter().position(|f| same(f.name, key)) {
        Some(i) => Some(hint + i),
        None => before.iter().position(|f| same(f.name, key)),
    }
}

/// `a == b` for the short names and values of the rule tables: lengths, then eight bytes at a
/// time and the rest byte by byte, inline (a call to `memcmp` per candidate cost more than the
/// comparison).
fn same(a: &str, b: &str) -> bool {
    if cfg!(all(not(feature = "speed"), target_arch = "wasm32")) {
        return a == b;
    }
    if a.len() != b.len() {
        return false;
    }
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    while let (Some((x, rest_a)), Some((y, rest_b))) =
        (a.split_first_chunk::<8>(), b.split_first_chunk::<8>())
    {
        if x != y {
            return false;
        }
        (a, b) = (rest_a, rest_b);
    }
    a.iter().zip(b).all(|(x, y)| x == y)
}

fn walk_object<'a, S: Source<'a>>(
    source: &mut S,
    obj: &'static ObjectRules,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
    capture: bool,
) -> Result<Option<String>, Stop> {
    let mut present: u64 = 0;
    let mut captured: Vec<(usize, String)> = Vec::new();
    // Members that are not documented, for finding repeated names among them.
    // (made at the first one: most objects have none, and nothing is then built or dropped)
    let mut others: Option<NameMap<'a, ()>> = None;
    // Records mostly list members in the documented order, so the search starts after the
    // last field found.
    let mut next = 0;
    let mut first = true;
    while let Some(key) = source.next_key(&mut first)? {
        let member = path.key(&key);
        // `get` (always `Some` for a found index) rather than indexing, whose bounds check would
        // link the panic's formatting into the forms WebAssembly module.
        let found =
            find_field(obj.members, &key, next).and_then(|i| Some((i, obj.members.get(i)?)));
        match found {
            Some((i, field)) => {
                next = i + 1;
                let bit = 1u64 << i;
                if present & bit != 0 {
                    repeated_member(&member, ctx);
                }
                present |= bit;
                // The last occurrence of a repeated member counts, as in a parsed value.
                let value = walk(source, Slot::field(field, member), ctx)?;
                if !captured.is_empty() {
                    captured.retain(|(j, _)| *j != i);
                }
                if let Some(s) = value {
                    captured.push((i, s));
                }
            }
            None => {
                match obj.extra {
                    Extra::Warn => {
                        ctx.warn(&member, Code::UnknownField, Message::new(UNKNOWN_FIELD));
                    }
                    Extra::Custom => check_custom_name(&key, &member, ctx),
                    Extra::Allow => {}
                }
                if !others
                    .get_or_insert_with(NameMap::default)
                    .insert(key.clone(), ())
                {
                    repeated_member(&member, ctx);
                }
                skip(source, &member, ctx)?;
            }
        }
    }
    // The members not present, in order (bit i is member i; a table has at most 64).
    let mut missing = !present;
    while let Some(field) = obj.members.get(missing.trailing_zeros() as usize) {
        missing &= missing - 1;
        match field.required {
            Presence::Optional => {}
            Presence::Required => ctx.error(
                &path.key(field.name),
                Code::Required,
                Message::new(REQUIRED),
            ),
            Presence::Expected => ctx.warn(
                &path.key(field.name),
                Code::Required,
                Message::new(PROBABLY_REQUIRED),
            ),
        }
    }
    let seen = Seen {
        fields: obj.members,
        present,
        captured: &captured,
    };
    if !obj.any_of_required.is_empty() && !obj.any_of_required.iter().any(|name| seen.given(name)) {
        let message = Message::new(ONE_OF_REQUIRED).list(obj.any_of_required);
        ctx.error(path, Code::Required, message);
    }
    if let Some(check) = obj.check {
        (check.run)(&seen, path, ctx);
    }
    // An object's fingerprint (for uniqueness in arrays) is its captured members.
    if !capture || captured.is_empty() {
        return Ok(None);
    }
    // In the order of the fields (a loop over at most 64 of them rather than a sort, whose
    // instance would add 2 KB to the WebAssembly module).
    let mut fingerprint = String::new();
    for i in 0..obj.members.len() {
        if let Some((_, s)) = captured.iter().find(|(j, _)| *j == i) {
            if !fingerprint.is_empty() {
                fingerprint.push('\0');
            }
            crate::json::write::push_usize(&mut fingerprint, i);
            fingerprint.push(':');
            fingerprint.push_str(s);
        }
    }
    Ok(Some(fingerprint))
}
