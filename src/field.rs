//! One field at a time: [`Validator::validate_field`] validates the value at a JSON Pointer of a
//! record in the smallest record that holds it there, and reports only the findings at or
//! below that pointer — what a form input can fix. The pointer is resolved against the
//! format's form metadata (so the record has arrays exactly where the format expects them),
//! and a pointer that addresses nothing the format can hold is a [`FieldError`], not a finding.

use serde_json::Value;

use crate::spec::form::{FieldType, FormField};
use crate::{form_fields, Code, Format, Pointer, Report, Validator};

/// Why [`Validator::validate_field`] cannot validate a value at a pointer: a bad call, not a
/// bad value (the value's problems are the report's findings).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldError {
    /// The pointer addresses nothing the format can hold: it is deeper than
    /// [`Validator::MAX_FIELD_DEPTH`], continues below a string, number or boolean, continues an array
    /// with something other than an item index, or names a member that the format does not
    /// document and does not accept (with a suggestion when a documented member differs only
    /// in letter case). The text says which.
    InvalidPointer(String),
    /// The pointer is `""` (the whole record) and the value is absent or not an object.
    NotAnObject,
    /// The value given as text ([`Validator::validate_field_str`]) is not one JSON value.
    NotJson,
}

impl FieldError {
    /// What is wrong (what `Display` writes).
    #[must_use]
    pub fn message(&self) -> &str {
        match self {
            Self::InvalidPointer(message) => message,
            Self::NotAnObject => {
                "the value at pointer \"\" is the whole record, which must be an object"
            }
            Self::NotJson => "the field value is not valid JSON",
        }
    }
}

display_by!(FieldError, message);

impl std::error::Error for FieldError {}

impl Validator {
    /// The most reference tokens a field's pointer may have: JSON text nests at most 127
    /// arrays and objects (serde_json's recursion limit), so a deeper pointer addresses
    /// nothing; the record built for it would also be too deep to drop without overflowing
    /// the stack.
    pub const MAX_FIELD_DEPTH: usize = 127;

    /// The findings at or below `pointer` when `value` (`None`: absent) is validated in the
    /// smallest record that holds it there (index 0 wherever the pointer selects an array
    /// item; findings are reported under the caller's pointer). Findings about other members
    /// (missing required siblings, cross-field rules at a parent) are left out: a form input
    /// cannot fix them. Members of objects that accept any member (Sequence and Bird custom
    /// attributes) can be addressed; an undocumented member elsewhere cannot.
    ///
    /// ```
    /// use contactkit::{Code, Format, Pointer, Validator};
    /// let validator = Validator::new(Format::HelpScout);
    /// let pointer: Pointer = "/emails/3/value".parse()?;
    /// let report = validator.validate_field(&pointer, Some(&"nope".into()))?;
    /// assert_eq!(report.issues[0].path, "/emails/3/value");
    /// assert_eq!(report.issues[0].code, Code::Format);
    /// // A typo in a member name is a bad call, with a suggestion.
    /// let typo: Pointer = "/firstname".parse()?;
    /// let error = validator.validate_field(&typo, None).unwrap_err();
    /// assert!(error.to_string().contains("did you mean \"/firstName\"?"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// A [`FieldError`] for a pointer that addresses nothing the format can hold, or for a
    /// whole record (`""`) that is not an object.
    pub fn validate_field(
        &self,
        pointer: &Pointer,
        value: Option<&Value>,
    ) -> Result<Report, FieldError> {
        let text = value.map(Value::to_string);
        self.validate_field_str(pointer, text.as_deref())
    }

    /// [`Validator::validate_field`] for a value given as JSON text (`None`: absent): the
    /// record is built as text and validated as [`Validator::validate_str`] validates it, so
    /// what the value holds is checked as in a whole record (a repeated member name is a
    /// `duplicate`, `1e400` is `out_of_range`). The text must be one JSON value on its own.
    ///
    /// ```
    /// use contactkit::{Code, Format, Pointer, Validator};
    /// let pointer: Pointer = "/properties/0".parse()?;
    /// let report = Validator::new(Format::HelpScout)
    ///     .validate_field_str(&pointer, Some(r#"{"slug": "tier", "slug": "plan", "value": 1}"#))?;
    /// assert_eq!(report.issues[0].code, Code::Duplicate);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Validator::validate_field`], and [`FieldError::NotJson`] for text that is not one
    /// JSON value.
    pub fn validate_field_str(
        &self,
        pointer: &Pointer,
        value: Option<&str>,
    ) -> Result<Report, FieldError> {
        let format = self.format();
        // Pushed in a loop rather than collected (less WebAssembly code).
        let mut tokens: Vec<String> = Vec::new();
        for token in pointer.tokens() {
            tokens.push(token.into_owned());
        }
        if tokens.len() > Self::MAX_FIELD_DEPTH {
            let mut message = String::from("the pointer has ");
            crate::json::write::push_usize(&mut message, tokens.len());
            message.push_str(" reference tokens; a record nests at most ");
            crate::json::write::push_usize(&mut message, Self::MAX_FIELD_DEPTH);
            message.push_str(" levels");
            return Err(FieldError::InvalidPointer(message));
        }
        if tokens.is_empty() {
            // The value is the whole record: validated once, as it is.
            let Some(record) = value else {
                return Err(FieldError::NotAnObject);
            };
            let report = self.validate_str(record);
            return if !report.is_json() {
                Err(FieldError::NotJson)
            } else if starts_object(record) {
                Ok(report)
            } else {
                Err(FieldError::NotAnObject)
            };
        }
        // The value must be one JSON value on its own: checked alone, so that text such as
        // `1, "x": 2` cannot add members to the record built around it.
        if value.is_some_and(|text| is_not_json(format, text)) {
            return Err(FieldError::NotJson);
        }
        let Plan {
            steps,
            undocumented,
        } = plan(format, &tokens)?;
        if let Some(at) = undocumented {
            // `get` rather than `&steps[..=at.index]` (always in range: `plan` sets the index
            // from `steps`), whose panic would link the slicing error's formatting.
            if let Some(upto) = steps.get(..=at.index) {
                check_member(format, upto, &at)?;
            }
        }
        let report = self.validate_str(&build(&steps, value));
        let built = pointer_of(&steps, Step::built_token);
        let wanted = pointer_of(&steps, Step::token);
        let mut issues = report.issues;
        issues.retain_mut(|issue| {
            let Some(rest) = issue.path.strip_prefix(built.as_str()) else {
                return false;
            };
            if !(rest.is_empty() || rest.starts_with('/')) {
                return false;
            }
            let mut path = wanted.clone();
            path.push_str(rest);
            issue.path = path;
            true
        });
        Ok(Report { issues })
    }
}

/// Whether text is not one JSON value (the scanner decides, as it does for a record).
/// Whether JSON text's value starts with `{`, as `text.trim_start().starts_with('{')`.
fn starts_object(text: &str) -> bool {
    if cfg!(any(feature = "convert", feature = "speed")) {
        // The builds with conversion or `speed` link std's `trim_start` anyway.
        text.trim_start().starts_with('{')
    } else {
        // The forms module: only JSON's whitespace may come before the value (as the scanner
        // reads it), so a byte search finds what `trim_start` would, without its code.
        text.bytes()
            .find(|b| !matches!(b, b' ' | b'\n' | b'\t' | b'\r'))
            == Some(b'{')
    }
}

fn is_not_json(format: Format, text: &str) -> bool {
    !Validator::new(format).validate_str(text).is_json()
}

/// Fails when the last of `steps` names a member that the format does not document and does
/// not accept as data (the validator reports `unknown_field` for it): a typo in a pointer must
/// not pass as a valid field.
fn check_member(format: Format, steps: &[Step], at: &Undocumented) -> Result<(), FieldError> {
    let probe = build(steps, Some("null"));
    let built = pointer_of(steps, Step::built_token);
    let unknown = Validator::new(format)
        .validate_str(&probe)
        .issues
        .iter()
        .any(|i| i.code == Code::UnknownField && i.path == built);
    if !unknown {
        return Ok(());
    }
    let wanted = pointer_of(steps, Step::token);
    let mut message = crate::json::write::json_string(&wanted);
    message.push_str(" addresses a member that ");
    message.push_str(format.id());
    message.push_str(" does not have");
    if let Some(name) = &at.suggestion {
        let outer = steps.split_last().map_or(steps, |(_, outer)| outer);
        let mut suggested = pointer_of(outer, Step::token);
        crate::pointer::push_token(&mut suggested, name);
        message.push_str("; did you mean ");
        message.push_str(&crate::json::write::json_string(&suggested));
        message.push('?');
    }
    Err(FieldError::InvalidPointer(message))
}

/// One step of a pointer, resolved against the format's form metadata.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    /// A member of an object.
    Key(String),
    /// An item of an array (the record is built with the value at index 0).
    Index(String),
}

impl Step {
    fn token(&self) -> &str {
        match self {
            Self::Key(t) | Self::Index(t) => t,
        }
    }

    fn built_token(&self) -> &str {
        match self {
            Self::Key(t) => t,
            Self::Index(_) => "0",
        }
    }
}

/// What the form metadata says about the value at a point of the pointer.
#[derive(Clone, Copy)]
enum Node<'a> {
    /// An object with these documented members (`None`: members not described).
    Object(Option<&'a [FormField]>),
    /// An array whose items are this node.
    Array(&'a FormField),
    /// A string, number or boolean: nothing below it.
    Scalar(FieldType),
    /// Free JSON: anything below it is an object member.
    Free,
}

impl<'a> Node<'a> {
    fn of(field: &'a FormField) -> Self {
        match field.json_type {
            FieldType::Object => Node::Object(field.fields.as_deref()),
            FieldType::Array => Node::Array(field),
            FieldType::Any => Node::Free,
            other => Node::Scalar(other),
        }
    }

    /// The node of an array's item.
    fn item(array: &'a FormField) -> Self {
        match (&array.fields, &array.item) {
            (Some(fields), _) => Node::Object(Some(fields)),
            (None, Some(item)) => Node::of(item),
            (None, None) => Node::Free,
        }
    }
}

/// A pointer resolved against the form metadata.
struct Plan {
    steps: Vec<Step>,
    /// The first step that names a member its (documented) object does not list.
    undocumented: Option<Undocumented>,
}

/// A member name that the form metadata does not list.
struct Undocumented {
    /// Its step.
    index: usize,
    /// A listed member with the same name in another letter case.
    suggestion: Option<String>,
}

/// Resolves each token as an object member or an array index, following the format's form
/// metadata, so the built record has arrays exactly where the format expects them.
fn plan(format: Format, tokens: &[String]) -> Result<Plan, FieldError> {
    // The form metadata is built once per format (building it took most of a call's time).
    let mut node = Node::Object(Some(form_fields(format)));
    let mut steps = Vec::with_capacity(tokens.len());
    let mut undocumented = None;
    for token in tokens {
        let (step, next) = match node {
            Node::Object(fields) => {
                let found = fields.and_then(|fields| fields.iter().find(|f| f.name == *token));
                if let (Some(fields), None, None) = (fields, found, &undocumented) {
                    undocumented = Some(Undocumented {
                        index: steps.len(),
                        suggestion: fields
                            .iter()
                            .find(|f| f.name.eq_ignore_ascii_case(token))
                            .map(|f| f.name.clone()),
                    });
                }
                (Step::Key(token.clone()), found.map_or(Node::Free, Node::of))
            }
            Node::Free => (Step::Key(token.clone()), Node::Free),
            Node::Array(array) => {
                if !is_index(token) {
                    let mut message = pointer_of(&steps, Step::token);
                    message.push_str(
                        " is an array; the pointer must continue with an item index (0, 1, …)",
                    );
                    return Err(FieldError::InvalidPointer(message));
                }
                (Step::Index(token.clone()), Node::item(array))
            }
            Node::Scalar(json_type) => {
                let mut message = pointer_of(&steps, Step::token);
                message.push_str(" holds a value of type ");
                message.push_str(json_type.as_str());
                message.push_str("; the pointer cannot go below it");
                return Err(FieldError::InvalidPointer(message));
            }
        };
        steps.push(step);
        node = next;
    }
    Ok(Plan {
        steps,
        undocumented,
    })
}

/// An RFC 6901 array index: `0`, or digits without a leading zero.
fn is_index(token: &str) -> bool {
    !token.is_empty()
        && token.bytes().all(|b| b.is_ascii_digit())
        && (token == "0" || !token.starts_with('0'))
}

/// The smallest record that holds `value` (JSON text) at the steps (index 0 for array items),
/// as JSON text; with no value, the innermost container is left empty.
fn build(steps: &[Step], value: Option<&str>) -> String {
    let mut out = String::new();
    for (i, step) in steps.iter().enumerate() {
        match step {
            Step::Key(k) => {
                out.push('{');
                // Without a value, the innermost object stays empty.
                if value.is_some() || i + 1 < steps.len() {
                    crate::json::write::push_json_string(&mut out, k);
                    out.push(':');
                }
            }
            Step::Index(_) => out.push('['),
        }
    }
    out.push_str(value.unwrap_or_default());
    for step in steps.iter().rev() {
        out.push(match step {
            Step::Key(_) => '}',
            Step::Index(_) => ']',
        });
    }
    out
}

/// Renders one token of each step as an RFC 6901 pointer (one function for every use: the
/// WebAssembly module links it once).
fn pointer_of(steps: &[Step], token: fn(&Step) -> &str) -> String {
    let mut out = String::new();
    for step in steps {
        crate::pointer::push_token(&mut out, token(step));
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::FieldError;
    use crate::{Code, Format, Pointer, Validator};

    fn field(
        format: Format,
        pointer: &str,
        value: Option<serde_json::Value>,
    ) -> Result<Vec<(String, Code)>, FieldError> {
        let pointer = Pointer::parse(pointer).expect("pointer");
        Validator::new(format)
            .validate_field(&pointer, value.as_ref())
            .map(|r| r.issues.into_iter().map(|i| (i.path, i.code)).collect())
    }

    #[test]
    fn findings_at_the_pointer_only_under_the_callers_index() {
        // Help Scout requires nothing of a record, but an email entry needs its value: the
        // finding about the missing sibling is left out, the one at the pointer kept.
        assert_eq!(
            field(Format::HelpScout, "/emails/2/type", Some(json!("robot"))),
            Ok(vec![("/emails/2/type".into(), Code::Enum)])
        );
        assert_eq!(
            field(Format::HelpScout, "/firstName", Some(json!("Ada"))),
            Ok(vec![])
        );
        // An absent value: the member's own required finding, not the record's.
        assert_eq!(
            field(Format::Bird, "/identifiers/4/key", None),
            Ok(vec![("/identifiers/4/key".into(), Code::Required)])
        );
        // Custom attributes take any member.
        assert_eq!(
            field(Format::Sequence, "/anything", Some(json!(1))),
            Ok(vec![])
        );
    }

    #[test]
    fn pointers_that_address_nothing_are_call_errors() {
        let message = |r: Result<_, FieldError>| match r {
            Err(FieldError::InvalidPointer(m)) => m,
            other => panic!("{other:?}"),
        };
        assert!(message(field(Format::HelpScout, "/firstName/x", None))
            .contains("holds a value of type string"));
        assert!(message(field(Format::HelpScout, "/emails/first", None))
            .contains("is an array; the pointer must continue with an item index"));
        assert_eq!(
            message(field(Format::HelpScout, "/FIRSTNAME", None)),
            "\"/FIRSTNAME\" addresses a member that helpscout does not have; did you mean \"/firstName\"?"
        );
        let deep = "/a".repeat(Validator::MAX_FIELD_DEPTH + 1);
        assert!(message(field(Format::Sequence, &deep, None)).contains("nests at most 127"));
        assert_eq!(
            field(Format::HelpScout, "", Some(json!([]))),
            Err(FieldError::NotAnObject)
        );
        assert_eq!(
            field(Format::HelpScout, "", None),
            Err(FieldError::NotAnObject)
        );
        assert_eq!(
            field(Format::HelpScout, "", Some(json!({"gender": "robot"}))),
            Ok(vec![("/gender".into(), Code::Enum)])
        );
        // The whole record as text: text that is not JSON is `NotJson` whether or not it
        // opens an object; JSON that is not an object is `NotAnObject`.
        let whole = |text: &str| {
            let pointer = Pointer::parse("").expect("pointer");
            Validator::new(Format::HelpScout)
                .validate_field_str(&pointer, Some(text))
                .map(|r| r.issues.len())
        };
        assert_eq!(whole(r#"{"firstName": "#), Err(FieldError::NotJson));
        assert_eq!(whole(r#"{"firstName": "Ada"} 1"#), Err(FieldError::NotJson));
        assert_eq!(whole("[1,"), Err(FieldError::NotJson));
        assert_eq!(whole(" 12"), Err(FieldError::NotAnObject));
        assert_eq!(whole(r#" {"firstName": 1}"#), Ok(1));
    }
}
