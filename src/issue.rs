//! Validation findings: [`Issue`], its [`Code`] and [`Severity`], and the [`Report`] that collects them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Allowed, but suspicious, or a rule the vendor documents only loosely.
    Warning,
    /// The vendor would reject the payload, or its documentation forbids it.
    Error,
}

impl Severity {
    /// The contract's name of the severity (`"error"` or `"warning"`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// The fixed vocabulary of finding codes (README.md, "Finding codes"; docs/RULES.md lists
/// which rule gives which code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    /// The record is not valid JSON.
    Syntax,
    /// Wrong JSON type (including a record that is not an object).
    Type,
    /// A required value is missing.
    Required,
    /// A string is shorter than the documented minimum (in characters).
    TooShort,
    /// A string is longer than the documented maximum (in characters).
    TooLong,
    /// An array has fewer items than the documented minimum.
    TooFewItems,
    /// An array has more items than the documented maximum.
    TooManyItems,
    /// A string does not match a documented pattern.
    Pattern,
    /// Not a valid email address, URL, date, date-time, UUID or international phone number.
    Format,
    /// Not one of the documented values.
    Enum,
    /// A reserved name.
    Reserved,
    /// A number outside its documented range.
    OutOfRange,
    /// A repeated item where the vendor requires uniqueness.
    Duplicate,
    /// A field the vendor does not document.
    UnknownField,
}

impl Code {
    /// Every code, in the contract's order.
    pub const ALL: [Code; 14] = [
        Self::Syntax,
        Self::Type,
        Self::Required,
        Self::TooShort,
        Self::TooLong,
        Self::TooFewItems,
        Self::TooManyItems,
        Self::Pattern,
        Self::Format,
        Self::Enum,
        Self::Reserved,
        Self::OutOfRange,
        Self::Duplicate,
        Self::UnknownField,
    ];

    /// The stable snake_case identifier of the code, e.g. `"too_long"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Syntax => "syntax",
            Self::Type => "type",
            Self::Required => "required",
            Self::TooShort => "too_short",
            Self::TooLong => "too_long",
            Self::TooFewItems => "too_few_items",
            Self::TooManyItems => "too_many_items",
            Self::Pattern => "pattern",
            Self::Format => "format",
            Self::Enum => "enum",
            Self::Reserved => "reserved",
            Self::OutOfRange => "out_of_range",
            Self::Duplicate => "duplicate",
            Self::UnknownField => "unknown_field",
        }
    }
}

display_by!(Code, as_str);

/// One validation finding.
///
/// Serialises to the contract's shape:
/// `{"path": "/emails/0/value", "code": "format", "severity": "error", "message": "..."}`.
/// The message never contains the offending value unless the caller asked for it
/// ([`crate::ValidateOptions::show_values`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Issue {
    /// JSON Pointer (RFC 6901) into the record; `""` is the whole record.
    pub path: String,
    /// The finding's code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// A human-readable explanation that does not echo personal data.
    pub message: String,
    /// The rule's terms and the value's size, where the validator states them (the limit and
    /// the length of a `too_long` finding, the accepted values of an `enum` finding, …), so that
    /// a user interface can phrase or translate the finding itself. Never a value of the record.
    /// Not serialised: the CLI prints the contract's four members; the npm package writes it as
    /// `params`.
    #[serde(skip)]
    pub params: Option<Box<IssueParams>>,
}

/// The terms of one finding ([`Issue::params`]): what a user interface needs to phrase or
/// translate it without parsing the message. Each finding sets the members its rule names;
/// none of them ever holds a value of the record.
///
/// ```
/// use contactkit::{validate, Code, Format};
/// use serde_json::json;
///
/// let report = validate(Format::HelpScout, &json!({ "firstName": "x".repeat(50) }));
/// let issue = &report.issues[0];
/// assert_eq!(issue.code, Code::TooLong);
/// let params = issue.params.as_ref().expect("a length finding states its terms");
/// assert_eq!((params.limit, params.length), (Some(40), Some(50)));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct IssueParams {
    /// The bound that was crossed: characters (`too_short`, `too_long`) or items
    /// (`too_few_items`, `too_many_items`).
    pub limit: Option<i64>,
    /// The value's length in characters (Unicode scalar values).
    pub length: Option<usize>,
    /// The number of items or members.
    pub count: Option<usize>,
    /// The smallest accepted number (`out_of_range`) or other documented lower bound.
    pub minimum: Option<i64>,
    /// The largest accepted number (`out_of_range`) or other documented upper bound.
    pub maximum: Option<i64>,
    /// The accepted values (`enum`) or the reserved ones (`reserved`); empty when not stated.
    pub allowed: &'static [&'static str],
    /// The named format the value misses (`format`), as form metadata names it (`"email"`,
    /// `"url"`, `"date-time"`, …).
    pub format: Option<&'static str>,
    /// The JSON types the value may have (`type`): `"string"`, `"integer"`, …, and `"null"`
    /// where `null` is accepted too; empty when not stated.
    pub expected: &'static [&'static str],
    /// Where JSON text stops being valid (`syntax`): line and column, from 1.
    pub line: Option<usize>,
    /// See [`IssueParams::line`].
    pub column: Option<usize>,
}

impl IssueParams {
    /// Whether no member is set.
    pub(crate) fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl Issue {
    /// Creates an error finding.
    #[must_use]
    pub fn error(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            code,
            severity: Severity::Error,
            message: message.into(),
            params: None,
        }
    }

    /// Creates a warning finding.
    #[must_use]
    pub fn warning(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            code,
            severity: Severity::Warning,
            message: message.into(),
            params: None,
        }
    }

    /// Whether the finding is an error.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Appends the JSON array of findings, byte for byte as serde_json serialises `issues` (the
/// contract's shape, members in the order of [`Issue`]'s fields), without serde: what the npm
/// package's forms module returns, with no serialiser linked.
pub(crate) fn push_issues(out: &mut String, issues: &[Issue], with_params: bool) {
    use crate::json::write::{push_array, push_json_string, push_key};
    push_array(out, issues, |out, issue| {
        out.push('{');
        push_key(out, true, "path");
        push_json_string(out, &issue.path);
        push_key(out, false, "code");
        push_json_string(out, issue.code.as_str());
        push_key(out, false, "severity");
        push_json_string(out, issue.severity.as_str());
        push_key(out, false, "message");
        push_json_string(out, &issue.message);
        if let Some(params) = issue.params.as_ref().filter(|_| with_params) {
            push_key(out, false, "params");
            push_params(out, params);
        }
        out.push('}');
    });
}

/// Appends `params` as a JSON object of the members that are set, in the order of
/// [`IssueParams`]' fields.
fn push_params(out: &mut String, params: &IssueParams) {
    use crate::json::write::{push_array, push_i64, push_json_string, push_key, push_usize};
    let mut first = true;
    let mut key = |out: &mut String, name: &str| {
        push_key(out, first, name);
        first = false;
    };
    let list = |out: &mut String, items: &[&str]| {
        push_array(out, items, |out, item| push_json_string(out, item));
    };
    out.push('{');
    if let Some(n) = params.limit {
        key(out, "limit");
        push_i64(out, n);
    }
    if let Some(n) = params.length {
        key(out, "length");
        push_usize(out, n);
    }
    if let Some(n) = params.count {
        key(out, "count");
        push_usize(out, n);
    }
    if let Some(n) = params.minimum {
        key(out, "minimum");
        push_i64(out, n);
    }
    if let Some(n) = params.maximum {
        key(out, "maximum");
        push_i64(out, n);
    }
    if !params.allowed.is_empty() {
        key(out, "allowed");
        list(out, params.allowed);
    }
    if let Some(format) = params.format {
        key(out, "format");
        push_json_string(out, format);
    }
    if !params.expected.is_empty() {
        key(out, "expected");
        list(out, params.expected);
    }
    if let Some(n) = params.line {
        key(out, "line");
        push_usize(out, n);
    }
    if let Some(n) = params.column {
        key(out, "column");
        push_usize(out, n);
    }
    out.push('}');
}

#[cfg(test)]
#[test]
fn issues_are_written_as_serde_json_serialises_them() {
    let issues = [
        Issue::error("/a/0", Code::TooLong, "is 3 \"long\"\n"),
        Issue::warning("", Code::UnknownField, "é"),
    ];
    for slice in [&issues[..0], &issues[..1], &issues[..]] {
        let mut out = String::new();
        push_issues(&mut out, slice, true);
        assert_eq!(out, serde_json::to_string(slice).expect("json"));
    }
}

#[cfg(test)]
#[test]
fn params_are_written_after_the_message_in_field_order() {
    let mut issue = Issue::error("/a", Code::TooLong, "m");
    issue.params = Some(Box::new(IssueParams {
        limit: Some(40),
        length: Some(50),
        allowed: &["x", "y"],
        format: Some("email"),
        expected: &["string", "null"],
        line: Some(1),
        column: Some(7),
        ..IssueParams::default()
    }));
    let mut out = String::new();
    push_issues(&mut out, std::slice::from_ref(&issue), true);
    let expected = serde_json::json!([{
        "path": "/a", "code": "too_long", "severity": "error", "message": "m",
        "params": {
            "limit": 40, "length": 50, "allowed": ["x", "y"], "format": "email",
            "expected": ["string", "null"], "line": 1, "column": 7
        }
    }]);
    assert_eq!(out, serde_json::to_string(&expected).expect("json"));
    // The contract's shape (the CLI's output) has no params.
    let cli = serde_json::to_value(&issue).expect("json");
    assert_eq!(cli.as_object().map(|o| o.len()), Some(4));
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = crate::pointer::shown(&self.path, "(record)");
        write!(
            f,
            "{} {} [{}]: {}",
            self.severity.as_str(),
            path,
            self.code,
            self.message
        )
    }
}

/// All findings for one record, in the order they were found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Report {
    /// The findings.
    pub issues: Vec<Issue>,
}

impl Report {
    /// `true` when no finding has severity [`Severity::Error`].
    ///
    /// ```
    /// use contactkit::{validate, Format};
    /// let report = validate(Format::HelpScout, &serde_json::json!({"firstName": "Ada"}));
    /// assert!(report.is_valid());
    /// ```
    #[must_use]
    pub fn is_valid(&self) -> bool {
        !self.issues.iter().any(Issue::is_error)
    }

    /// The error findings.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.is_error())
    }

    /// The warning findings.
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| !i.is_error())
    }

    /// `true` when there is no finding at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }

    /// `false` when the text validated is not one JSON value (a [`Code::Syntax`] finding):
    /// a caller that takes JSON text refuses it rather than report it as an invalid record.
    ///
    /// ```
    /// use contactkit::{validate_str, Format};
    /// assert!(validate_str(Format::HelpScout, r#"{"firstName": 1}"#).is_json());
    /// assert!(!validate_str(Format::HelpScout, r#"{"firstName": "Ada""#).is_json());
    /// ```
    #[must_use]
    pub fn is_json(&self) -> bool {
        is_json(&self.issues)
    }
}

/// Whether findings leave the text they were found in JSON: none of them is [`Code::Syntax`].
pub(crate) fn is_json(issues: &[Issue]) -> bool {
    !issues.iter().any(|i| i.code == Code::Syntax)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for issue in &self.issues {
            writeln!(f, "{issue}")?;
        }
        Ok(())
    }
}
