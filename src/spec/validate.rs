//! The validator: walks a record once, as a serde [`DeserializeSeed`], checking it against a
//! format's [`Obj`] table and collecting every finding.
//!
//! The same walk runs over JSON text (borrowing strings from the input, allocating nothing for a
//! valid record) and over an already parsed [`serde_json::Value`] (through serde's
//! `Deserializer` implementation for `&Value`), so the two entry points cannot disagree.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt::{self, Display};

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{beyond_f64, Array, DynamicCheck, Extra, Field, Kind, Obj, Req, Str};
use crate::definitions::Definitions;
use crate::pointer::Path;
use crate::{Code, Issue, Report, Severity};

/// Options for one validation run.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Settings<'o> {
    /// Account-specific custom field definitions.
    pub definitions: Option<&'o Definitions>,
    /// Append the offending value to messages.
    pub show_values: bool,
}

/// Collects findings during one walk.
#[derive(Debug)]
pub(crate) struct Ctx<'o> {
    pub issues: Vec<Issue>,
    pub settings: Settings<'o>,
}

impl<'o> Ctx<'o> {
    pub(crate) fn new(settings: Settings<'o>) -> Self {
        Self {
            issues: Vec::new(),
            settings,
        }
    }

    /// Records a finding.
    pub(crate) fn push(
        &mut self,
        path: &Path<'_>,
        code: Code,
        severity: Severity,
        message: String,
    ) {
        self.issues.push(Issue {
            path: path.pointer(),
            code,
            severity,
            message,
        });
    }

    /// Records a finding about a string value, appending the value when the caller asked for it.
    pub(crate) fn push_value(
        &mut self,
        path: &Path<'_>,
        code: Code,
        severity: Severity,
        message: String,
        value: &dyn Display,
    ) {
        let message = if self.settings.show_values {
            format!("{message} (value: {value})")
        } else {
            message
        };
        self.push(path, code, severity, message);
    }

    /// Records an error.
    pub(crate) fn error(&mut self, path: &Path<'_>, code: Code, message: String) {
        self.push(path, code, Severity::Error, message);
    }

    /// Records a warning.
    pub(crate) fn warn(&mut self, path: &Path<'_>, code: Code, message: String) {
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
    fields: &'static [Field],
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
        let empty_id = self.index(name).is_some_and(|i| {
            matches!(self.fields[i].kind, Kind::Str(Str { id: true, .. }))
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

/// The most arrays and objects nested in one another that JSON text may hold: serde_json's
/// recursion limit of 128 stops the parser at the 128th level.
pub(crate) const MAX_NESTING: usize = 127;

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
pub(crate) fn validate_value(root: &'static Obj, value: &Value, settings: Settings<'_>) -> Report {
    if too_deep(value) {
        return Report {
            issues: vec![Issue::error(
                "",
                Code::Syntax,
                format!(
                    "nested more than {MAX_NESTING} levels deep: as JSON text it would exceed the \
                     parser's recursion limit"
                ),
            )],
        };
    }
    let mut ctx = Ctx::new(settings);
    let root = Kind::Object(root);
    let seed = Seed::new(&root, Path::Root, &mut ctx);
    // `&Value` never fails to deserialize: every visitor method accepts every input.
    if seed.deserialize(value).is_err() {
        debug_assert!(false, "walking a Value cannot fail");
    }
    ctx.into_report()
}

/// Validates JSON text against `root`; text that is not one JSON value is one `syntax` finding.
pub(crate) fn validate_str(root: &'static Obj, json: &str, settings: Settings<'_>) -> Report {
    walk_text(root, serde_json::Deserializer::from_str(json), settings).unwrap_or_else(|e| {
        refused(json.as_bytes(), &e, |patched| {
            // The patch replaces ASCII by ASCII, so the text stays UTF-8.
            let text = std::str::from_utf8(patched).unwrap_or_default();
            walk_text(root, serde_json::Deserializer::from_str(text), settings)
        })
    })
}

/// Validates JSON bytes against `root`; text that is not one JSON value is one `syntax` finding.
///
/// UTF-8 is checked once for the whole text, which is several times faster than serde_json
/// checking each string as it goes; only text that is not UTF-8 is walked as bytes, so that
/// the `syntax` finding names the same position as before.
pub(crate) fn validate_slice(root: &'static Obj, json: &[u8], settings: Settings<'_>) -> Report {
    match std::str::from_utf8(json) {
        Ok(text) => validate_str(root, text, settings),
        Err(_) => walk_text(root, serde_json::Deserializer::from_slice(json), settings)
            .unwrap_or_else(|e| {
                refused(json, &e, |patched| {
                    walk_text(
                        root,
                        serde_json::Deserializer::from_slice(patched),
                        settings,
                    )
                })
            }),
    }
}

/// The report for a text serde_json refused: numbers beyond the `f64` range are `out_of_range`
/// findings at their paths and the rest of the record is walked by `walk` over the patched text
/// (`beyond_f64`); any other refusal is one `syntax` finding. (`walk` is the caller's, so that
/// the WebAssembly build, which validates only `&str`, does not carry a walk over bytes.)
fn refused(
    json: &[u8],
    e: &serde_json::Error,
    walk: impl FnOnce(&[u8]) -> Result<Report, serde_json::Error>,
) -> Report {
    let syntax = |e: &serde_json::Error| Report {
        issues: vec![syntax_issue(e)],
    };
    if !beyond_f64::is_beyond_f64(e) {
        return syntax(e);
    }
    let found = beyond_f64::scan(json);
    if found.is_empty() {
        return syntax(e);
    }
    match walk(&beyond_f64::patched(json, &found)) {
        Ok(report) => {
            let mut issues: Vec<Issue> = found.iter().map(beyond_f64::Beyond::issue).collect();
            issues.extend(report.issues);
            Report { issues }
        }
        Err(e) => syntax(&e),
    }
}

fn walk_text<'de, R: serde_json::de::Read<'de>>(
    root: &'static Obj,
    mut de: serde_json::Deserializer<R>,
    settings: Settings<'_>,
) -> Result<Report, serde_json::Error> {
    let mut ctx = Ctx::new(settings);
    let root = Kind::Object(root);
    Seed::new(&root, Path::Root, &mut ctx)
        .deserialize(&mut de)
        .and_then(|_| de.end())?;
    Ok(ctx.into_report())
}

/// The `syntax` finding for a JSON parse error (the message names a position, never the data).
pub(crate) fn syntax_issue(e: &serde_json::Error) -> Issue {
    let what = match e.classify() {
        serde_json::error::Category::Eof => "the JSON text ends too early".to_owned(),
        _ => {
            // serde_json's messages name the problem and its position, never the data.
            let text = e.to_string();
            text.split(" at line ")
                .next()
                .unwrap_or("invalid JSON")
                .to_owned()
        }
    };
    Issue::error(
        "",
        Code::Syntax,
        format!(
            "not valid JSON: {what} (line {}, column {})",
            e.line(),
            e.column()
        ),
    )
}

/// JSON type names for messages.
#[derive(Clone, Copy)]
enum Found {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Found::Null => "null",
            Found::Bool => "a boolean",
            Found::Number => "a number",
            Found::String => "a string",
            Found::Array => "an array",
            Found::Object => "an object",
        })
    }
}

/// What the value must be, for type messages.
pub(crate) fn expected(kind: &Kind, nullable: bool) -> String {
    let base = match kind {
        Kind::Str(_) => "a string",
        Kind::Int { .. } => "an integer",
        Kind::Bool => "a boolean",
        Kind::Array(_) => "an array",
        Kind::Object(_) => "an object",
        Kind::Any | Kind::Dynamic(_) => "a JSON value",
    };
    if nullable {
        format!("{base} or null")
    } else {
        base.to_owned()
    }
}

/// Walks one value with the rules of `kind`.
struct Seed<'c, 'o, 'p> {
    kind: &'p Kind,
    nullable: bool,
    loose: bool,
    capture: bool,
    /// Return `Some("")` for an empty string, so that an empty id does not count as present
    /// (`Seen::given`); nothing is allocated for it, or for any other id.
    empty_id: bool,
    path: Path<'p>,
    ctx: &'c mut Ctx<'o>,
}

impl<'c, 'o, 'p> Seed<'c, 'o, 'p> {
    fn new(kind: &'p Kind, path: Path<'p>, ctx: &'c mut Ctx<'o>) -> Self {
        Self {
            kind,
            nullable: false,
            loose: false,
            capture: false,
            empty_id: false,
            path,
            ctx,
        }
    }

    fn field(field: &'static Field, path: Path<'p>, ctx: &'c mut Ctx<'o>) -> Self {
        Self {
            kind: &field.kind,
            nullable: field.nullable,
            loose: field.loose,
            capture: field.capture,
            empty_id: matches!(field.kind, Kind::Str(Str { id: true, .. })),
            path,
            ctx,
        }
    }

    fn wrong_type(self, found: Found) -> Option<String> {
        let expected = expected(self.kind, self.nullable);
        if self.loose {
            self.ctx.warn(
                &self.path,
                Code::Type,
                format!(
                    "should be {expected}, not {found} (the vendor's docs do not state the exact type)"
                ),
            );
        } else {
            self.ctx.error(
                &self.path,
                Code::Type,
                format!("must be {expected}, not {found}"),
            );
        }
        None
    }

    fn number(self, as_int: Option<Result<i64, Ordering>>) -> Option<String> {
        let Kind::Int { min, max } = *self.kind else {
            return self.wrong_type(Found::Number);
        };
        match as_int {
            None => self.wrong_type(Found::Number),
            Some(Ok(n)) if (min..=max).contains(&n) => None,
            Some(_) => {
                self.ctx.error(
                    &self.path,
                    Code::OutOfRange,
                    format!("must be an integer from {min} to {max}"),
                );
                None
            }
        }
    }

    fn string(self, s: &str) -> Option<String> {
        let Kind::Str(rules) = self.kind else {
            return self.wrong_type(Found::String);
        };
        check_str(rules, s, &self.path, self.ctx);
        if self.capture {
            Some(s.to_owned())
        } else {
            (self.empty_id && s.is_empty()).then(String::new)
        }
    }
}

/// An integer that does not fit `i64`, and on which side.
#[derive(Clone, Copy)]
enum Ordering {
    Above,
    Below,
}

/// Checks a string against its rules (shared with the vendor modules' dynamic checks).
pub(crate) fn check_str(rules: &Str, s: &str, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    // A string has at most as many characters as bytes, so the characters need counting only
    // when the bytes exceed a maximum or the minimum is above one.
    let cap = rules.max.min(rules.soft_max) as usize;
    let surely_fits = s.len() <= cap && (rules.min == 0 || (rules.min == 1 && !s.is_empty()));
    if !surely_fits {
        let n = s.chars().count();
        if n < rules.min as usize {
            let message = if n == 0 && rules.id {
                "is empty: an empty string is no id".to_owned()
            } else if n == 0 {
                format!(
                    "is empty; it must be at least {} characters long",
                    rules.min
                )
            } else {
                format!("is {n} characters long, the minimum is {}", rules.min)
            };
            ctx.error(path, Code::TooShort, message);
        } else if n > rules.max as usize {
            ctx.error(
                path,
                Code::TooLong,
                format!("is {n} characters long, the maximum is {}", rules.max),
            );
        } else if n > rules.soft_max as usize {
            ctx.warn(
                path,
                Code::TooLong,
                format!(
                    "is {n} characters long, more than {} ({})",
                    rules.soft_max, rules.soft_max_note
                ),
            );
        }
    }
    if rules.id {
        check_id(rules, s, path, ctx);
    }
    if let Some(format) = rules.format {
        if !format.matches(s) {
            ctx.push_value(
                path,
                format.code(),
                Severity::Error,
                format!("is not {}", format.describe()),
                &Quoted(s),
            );
        }
    }
    if let Some(list) = rules.one_of {
        if !list.values.iter().any(|v| same(v, s)) {
            let other_case = list.any_case && list.values.iter().any(|v| v.eq_ignore_ascii_case(s));
            let accepted = list.values.join(", ");
            if other_case {
                ctx.push_value(
                    path,
                    Code::Enum,
                    Severity::Warning,
                    format!(
                        "differs in letter case from the documented values ({accepted}); the vendor's docs do not state whether case matters"
                    ),
                    &Quoted(s),
                );
            } else {
                let note = if list.severity == Severity::Warning {
                    " (inferred from the vendor's examples; the docs do not state the list)"
                } else {
                    ""
                };
                ctx.push_value(
                    path,
                    Code::Enum,
                    list.severity,
                    format!("is not one of the accepted values: {accepted}{note}"),
                    &Quoted(s),
                );
            }
        }
    }
    if rules.reserved.iter().any(|r| same(r, s)) {
        ctx.push_value(
            path,
            Code::Reserved,
            Severity::Error,
            format!(
                "is a reserved name ({} are reserved)",
                rules.reserved.join(", ")
            ),
            &Quoted(s),
        );
    }
}

/// The warnings of an id (docs/RULES.md#ids): empty where the vendor does not forbid it, or
/// only whitespace.
fn check_id(rules: &Str, s: &str, path: &Path<'_>, ctx: &mut Ctx<'_>) {
    if s.is_empty() {
        if rules.min == 0 {
            ctx.warn(
                path,
                Code::TooShort,
                "is empty: an empty string is no id, so the contact has none".to_owned(),
            );
        }
    } else if s.trim().is_empty() {
        ctx.warn(
            path,
            Code::Pattern,
            "is only whitespace: the vendor would store it, but an id of only whitespace is almost certainly a mistake"
                .to_owned(),
        );
    }
}

/// Displays a string in double quotes, JSON-escaped.
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", Value::String(self.0.to_owned()))
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_, '_, '_> {
    /// The captured string, when the seed was asked to capture one.
    type Value = Option<String>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        match self.kind {
            Kind::Any => {
                Checked::new(&self.path, self.ctx).deserialize(deserializer)?;
                Ok(None)
            }
            Kind::Dynamic(dynamic) => {
                match dynamic.check {
                    DynamicCheck::Whole(check) => {
                        let whole = read_whole(deserializer, &self.path, self.ctx)?;
                        if !(self.nullable && matches!(whole, Whole::Other(Value::Null))) {
                            check(&whole, &self.path, self.ctx);
                        }
                    }
                    DynamicCheck::HelpScoutProperties => {
                        crate::vendor::helpscout::properties::walk(
                            deserializer,
                            self.nullable,
                            &self.path,
                            self.ctx,
                        )?;
                    }
                }
                Ok(None)
            }
            _ => deserializer.deserialize_any(self),
        }
    }
}

impl<'de> Visitor<'de> for Seed<'_, '_, '_> {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(match self.kind {
            Kind::Bool => None,
            _ => self.wrong_type(Found::Bool),
        })
    }

    fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
        Ok(self.number(Some(Ok(n))))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
        Ok(self.number(Some(i64::try_from(n).map_err(|_| Ordering::Above))))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Self::Value, E> {
        // JSON Schema: an integer is a number with a zero fractional part (1.0 is an integer).
        let as_int = if n.is_finite() && n.fract() == 0.0 {
            // i64::MAX as f64 rounds up to 2^63, which is out of range.
            #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
            Some(if n >= i64::MAX as f64 {
                Err(Ordering::Above)
            } else if n < i64::MIN as f64 {
                Err(Ordering::Below)
            } else {
                Ok(n as i64)
            })
        } else {
            None
        };
        Ok(self.number(as_int))
    }

    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(self.string(s))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(if self.nullable {
            None
        } else {
            self.wrong_type(Found::Null)
        })
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let Kind::Array(array) = self.kind else {
            Checked::new(&self.path, self.ctx).visit_seq(seq)?;
            return Ok(self.wrong_type(Found::Array));
        };
        walk_array(array, seq, &self.path, self.ctx)?;
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let Kind::Object(obj) = self.kind else {
            Checked::new(&self.path, self.ctx).visit_map(map)?;
            return Ok(self.wrong_type(Found::Object));
        };
        walk_object(obj, map, &self.path, self.ctx, self.capture)
    }
}

fn walk_array<'de, A: SeqAccess<'de>>(
    array: &'static Array,
    mut seq: A,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<(), A::Error> {
    let mut count = 0usize;
    // Fingerprints of the items seen so far, kept only when uniqueness is checked (a hash set:
    // a record may hold hundreds of thousands of items).
    let mut seen: HashSet<String> = HashSet::new();
    loop {
        let item_path = path.index(count);
        let seed = Seed {
            kind: &array.items,
            nullable: false,
            loose: false,
            capture: array.unique.is_some(),
            empty_id: false,
            path: item_path,
            ctx: &mut *ctx,
        };
        let Some(fingerprint) = seq.next_element_seed(seed)? else {
            break;
        };
        if let (Some(severity), Some(fp)) = (array.unique, fingerprint) {
            if !seen.insert(fp) {
                ctx.push(
                    &item_path,
                    Code::Duplicate,
                    severity,
                    "repeats an earlier item".to_owned(),
                );
            }
        }
        count += 1;
    }
    if count < array.min as usize {
        let message = if count == 0 {
            format!("is empty; it must have at least {} item(s)", array.min)
        } else {
            format!("has {count} item(s), the minimum is {}", array.min)
        };
        ctx.error(path, Code::TooFewItems, message);
    } else if count > array.max as usize {
        ctx.error(
            path,
            Code::TooManyItems,
            format!("has {count} items, the maximum is {}", array.max),
        );
    }
    Ok(())
}

/// Reads a member name, borrowing it from the input when it has no escapes.
pub(crate) struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(s))
    }
    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(s))
    }
}

/// The index of the field named `key`, searching from `hint` on first.
fn find_field(fields: &[Field], key: &str, hint: usize) -> Option<usize> {
    let (before, after) = fields.split_at(hint.min(fields.len()));
    match after.iter().position(|f| same(f.name, key)) {
        Some(i) => Some(hint + i),
        None => before.iter().position(|f| same(f.name, key)),
    }
}

/// `a == b` for the short names and values of the rule tables: lengths, then bytes from the
/// first, inline (a call to `memcmp` per candidate cost more than the comparison).
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

fn walk_object<'de, A: MapAccess<'de>>(
    obj: &'static Obj,
    mut map: A,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
    capture: bool,
) -> Result<Option<String>, A::Error> {
    let mut present: u64 = 0;
    let mut captured: Vec<(usize, String)> = Vec::new();
    // Members that are not documented, for finding repeated names among them.
    let mut others = Names::default();
    // Records mostly list members in the documented order, so the search starts after the
    // last field found.
    let mut next = 0;
    while let Some(key) = map.next_key_seed(KeySeed)? {
        let member = path.key(&key);
        match find_field(obj.fields, &key, next) {
            Some(i) => {
                next = i + 1;
                let bit = 1u64 << i;
                if present & bit != 0 {
                    repeated_member(&member, ctx);
                }
                present |= bit;
                let field = &obj.fields[i];
                // The last occurrence of a repeated member counts, as in a parsed value.
                let value = map.next_value_seed(Seed::field(field, member, ctx))?;
                captured.retain(|(j, _)| *j != i);
                if let Some(s) = value {
                    captured.push((i, s));
                }
            }
            None => {
                match obj.extra {
                    Extra::Warn => ctx.warn(
                        &member,
                        Code::UnknownField,
                        "is not a documented field; the vendor may ignore or reject it".to_owned(),
                    ),
                    Extra::Custom => check_custom_name(&key, &member, ctx),
                    Extra::Allow => {}
                }
                if !others.insert(key.clone()) {
                    repeated_member(&member, ctx);
                }
                map.next_value_seed(Checked::new(&member, ctx))?;
            }
        }
    }
    for (i, field) in obj.fields.iter().enumerate() {
        if present & (1 << i) == 0 {
            match field.required {
                Req::No => {}
                Req::Yes => ctx.error(
                    &path.key(field.name),
                    Code::Required,
                    "is required".to_owned(),
                ),
                Req::Warn => ctx.warn(
                    &path.key(field.name),
                    Code::Required,
                    "is missing; the vendor probably requires it, but its docs do not state it"
                        .to_owned(),
                ),
            }
        }
    }
    let seen = Seen {
        fields: obj.fields,
        present,
        captured: &captured,
    };
    if !obj.any_of_required.is_empty() && !obj.any_of_required.iter().any(|name| seen.given(name)) {
        ctx.error(
            path,
            Code::Required,
            format!("one of {} is required", obj.any_of_required.join(", ")),
        );
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
    let mut parts: Vec<String> = Vec::with_capacity(captured.len());
    for i in 0..obj.fields.len() {
        if let Some((_, s)) = captured.iter().find(|(j, _)| *j == i) {
            parts.push(format!("{i}:{s}"));
        }
    }
    Ok(Some(parts.join("\u{0}")))
}

/// The finding for a member whose name appeared before in the same object: a parsed value
/// keeps only one of the values, so the others would be lost without a trace.
pub(crate) fn repeated_member(member: &Path<'_>, ctx: &mut Ctx<'_>) {
    ctx.error(
        member,
        Code::Duplicate,
        "repeats a member name of the same object; a JSON parser keeps only one of the values \
         (most keep the last), so the other would be lost"
            .to_owned(),
    );
}

/// The finding for a custom attribute without a name (no vendor can store one).
pub(crate) fn check_custom_name(name: &str, member: &Path<'_>, ctx: &mut Ctx<'_>) {
    if name.is_empty() {
        ctx.error(
            member,
            Code::TooShort,
            "is an empty name; a custom attribute name must be at least 1 character long"
                .to_owned(),
        );
    }
}

/// Distinct names in the order first seen: searched in order while few, through a hash map
/// once many (a hostile record may hold hundreds of thousands).
#[derive(Debug, Default)]
pub(crate) struct Names<'de> {
    pub(crate) list: Vec<Cow<'de, str>>,
    index: Option<HashMap<Cow<'de, str>, usize>>,
}

impl<'de> Names<'de> {
    /// Up to this many names are searched in order.
    const FEW: usize = 16;

    /// The position of `name`, if it was added.
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(name).copied(),
            None => self.list.iter().position(|n| n == name),
        }
    }

    /// Adds a name that [`Names::find`] did not find; returns its position.
    pub(crate) fn add(&mut self, name: Cow<'de, str>) -> usize {
        let i = self.list.len();
        if let Some(index) = &mut self.index {
            index.insert(name.clone(), i);
        } else if i >= Self::FEW {
            let mut index: HashMap<_, _> = self.list.iter().cloned().zip(0..).collect();
            index.insert(name.clone(), i);
            self.index = Some(index);
        }
        self.list.push(name);
        i
    }

    /// Adds `name` unless it is there already; whether it was new.
    pub(crate) fn insert(&mut self, name: Cow<'de, str>) -> bool {
        if self.find(&name).is_some() {
            return false;
        }
        self.add(name);
        true
    }
}

/// Walks a value that no rule looks at, reporting every member name repeated in one of its
/// objects (at any depth), and checking it as strictly as parsing it into a [`Value`] would:
/// strings must be UTF-8 without lone surrogate escapes, numbers finite.
/// (`serde::de::IgnoredAny` lets serde_json skip strings and numbers unchecked, which made
/// `validate_slice` accept text that `validate` could never see, such as invalid UTF-8 or
/// `1e999` in an undocumented member.) Borrowed strings still allocate nothing.
pub(crate) struct Checked<'p, 'c, 'o> {
    path: &'p Path<'p>,
    ctx: &'c mut Ctx<'o>,
}

impl<'p, 'c, 'o> Checked<'p, 'c, 'o> {
    pub(crate) fn new(path: &'p Path<'p>, ctx: &'c mut Ctx<'o>) -> Self {
        Self { path, ctx }
    }
}

impl<'de> DeserializeSeed<'de> for Checked<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Checked<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.deserialize(deserializer)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            let item = self.path.index(i);
            if seq
                .next_element_seed(Checked::new(&item, &mut *self.ctx))?
                .is_none()
            {
                return Ok(());
            }
            i += 1;
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut names = Names::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let member = self.path.key(&key);
            if !names.insert(key.clone()) {
                repeated_member(&member, self.ctx);
            }
            map.next_value_seed(Checked::new(&member, &mut *self.ctx))?;
        }
        Ok(())
    }
}

/// A value checked as a whole by vendor code ([`super::DynamicCheck::Whole`]): an object's
/// members in input order, a repeated name included (so that every value is checked), or any
/// other value.
#[derive(Debug)]
pub(crate) enum Whole {
    /// An object's members.
    Members(Vec<(String, Value)>),
    /// Anything but an object.
    Other(Value),
}

/// Reads a [`Whole`], reporting repeated member names at any depth.
fn read_whole<'de, D: Deserializer<'de>>(
    deserializer: D,
    path: &Path<'_>,
    ctx: &mut Ctx<'_>,
) -> Result<Whole, D::Error> {
    let mut members = Vec::new();
    let value = ValueSeed {
        path,
        ctx,
        members: Some(&mut members),
    }
    .deserialize(deserializer)?;
    Ok(match value {
        Value::Object(_) => Whole::Members(members),
        other => Whole::Other(other),
    })
}

/// Reads a [`Value`], as `serde_json::Value`'s own deserializer does (a repeated member keeps
/// its first place and its last value), reporting repeated member names at any depth.
pub(crate) struct ValueSeed<'p, 'c, 'o> {
    path: &'p Path<'p>,
    ctx: &'c mut Ctx<'o>,
    /// For [`read_whole`]: the members of an object at the top, every one in input order (a
    /// repeated name included) instead of in the returned value, which is then an empty
    /// object. (One visitor for both keeps the WebAssembly module small.)
    members: Option<&'c mut Vec<(String, Value)>>,
}

impl<'p, 'c, 'o> ValueSeed<'p, 'c, 'o> {
    pub(crate) fn new(path: &'p Path<'p>, ctx: &'c mut Ctx<'o>) -> Self {
        Self {
            path,
            ctx,
            members: None,
        }
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_, '_, '_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_, '_, '_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        // As serde_json: a number without a JSON form is null.
        Ok(Value::from(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let item = self.path.index(items.len());
            match seq.next_element_seed(ValueSeed::new(&item, &mut *self.ctx))? {
                Some(value) => items.push(value),
                None => return Ok(Value::Array(items)),
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        if let Some(list) = self.members {
            let mut names = Names::default();
            while let Some(key) = map.next_key_seed(KeySeed)? {
                let member = self.path.key(&key);
                if !names.insert(key.clone()) {
                    repeated_member(&member, self.ctx);
                }
                let value = map.next_value_seed(ValueSeed::new(&member, &mut *self.ctx))?;
                list.push((key.into_owned(), value));
            }
            return Ok(Value::Object(Map::new()));
        }
        let mut members = Map::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let member = self.path.key(&key);
            if members.contains_key(&*key) {
                repeated_member(&member, self.ctx);
            }
            let value = map.next_value_seed(ValueSeed::new(&member, &mut *self.ctx))?;
            members.insert(key.into_owned(), value);
        }
        Ok(Value::Object(members))
    }
}
