//! JSON Pointers (RFC 6901): the one [`Pointer`] type (parse, push, parent, escape) that the
//! core, the command line and the WebAssembly binding use, and the validator's [`Path`], a
//! pointer built on the stack while walking a record.
//!
//! A [`Path`] is a linked list of borrowed segments that lives on the call stack, so walking
//! a record allocates nothing; a pointer string is rendered only when a finding is reported,
//! with the same escaping as [`Pointer::push`].

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// A JSON Pointer (RFC 6901): where a value is in a JSON document, as a list of reference
/// tokens (member names and array indices). Every finding's and note's `path` is one.
///
/// ```
/// use contactkit::Pointer;
/// let mut p = Pointer::root();
/// p.push("custom_attributes");
/// p.push("a/b~c");
/// assert_eq!(p.as_str(), "/custom_attributes/a~1b~0c");
/// let parsed: Pointer = "/custom_attributes/a~1b~0c".parse()?;
/// assert_eq!(parsed, p);
/// assert_eq!(parsed.tokens().collect::<Vec<_>>(), ["custom_attributes", "a/b~c"]);
/// assert_eq!(parsed.parent().map(|q| q.as_str().to_owned()), Some("/custom_attributes".into()));
/// # Ok::<(), contactkit::PointerError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pointer(String);

impl Pointer {
    /// The pointer to the whole document (`""`).
    #[must_use]
    pub fn root() -> Self {
        Self(String::new())
    }

    /// Parses RFC 6901 text: `""`, or reference tokens each after a `/`, in which `~` is
    /// written `~0` and `/` is written `~1`.
    ///
    /// # Errors
    /// A [`PointerError`] for text that does not start with `/` or holds a `~` that is not
    /// followed by `0` or `1`.
    pub fn parse(text: &str) -> Result<Self, PointerError> {
        if !(text.is_empty() || text.starts_with('/')) {
            return Err(PointerError::NoLeadingSlash);
        }
        let mut bytes = text.bytes();
        while let Some(b) = bytes.next() {
            if b == b'~' && !matches!(bytes.next(), Some(b'0' | b'1')) {
                return Err(PointerError::BadEscape);
            }
        }
        Ok(Self(text.to_owned()))
    }

    /// Appends a reference token (escaped).
    pub fn push(&mut self, token: &str) {
        push_token(&mut self.0, token);
    }

    /// Appends an array index.
    pub fn push_index(&mut self, index: usize) {
        self.0.push('/');
        crate::json::write::push_usize(&mut self.0, index);
    }

    /// The pointer with `token` appended.
    #[must_use]
    pub fn join(&self, token: &str) -> Self {
        let mut out = self.clone();
        out.push(token);
        out
    }

    /// The pointer to the enclosing value; `None` for the root.
    #[must_use]
    pub fn parent(&self) -> Option<Self> {
        self.0.rfind('/').map(|at| Self(self.0[..at].to_owned()))
    }

    /// The unescaped reference tokens, from the root down.
    #[cfg(any(
        feature = "speed",
        all(feature = "convert", not(contactkit_value = "lite"))
    ))]
    pub fn tokens(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.0.split('/').skip(1).map(unescape)
    }

    /// The unescaped reference tokens, from the root down.
    // The browsers' modules' variant (forms, and the full module built with
    // `contactkit_value="lite"`): a byte loop giving the same tokens as `split('/').skip(1)`,
    // without std's `Split` searcher and its slicing panic paths (which link core::fmt's
    // integer formatting).
    #[cfg(not(any(
        feature = "speed",
        all(feature = "convert", not(contactkit_value = "lite"))
    )))]
    pub fn tokens(&self) -> impl Iterator<Item = Cow<'_, str>> {
        raw_tokens(&self.0).map(unescape)
    }

    /// The number of reference tokens.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.bytes().filter(|&b| b == b'/').count()
    }

    /// Whether this is the root pointer.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The RFC 6901 text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The RFC 6901 text, owned.
    #[must_use]
    pub fn into_string(self) -> String {
        self.0
    }

    /// A reference token escaped for a pointer (`~` → `~0`, `/` → `~1`).
    ///
    /// ```
    /// assert_eq!(contactkit::Pointer::escape("a/b~c"), "a~1b~0c");
    /// ```
    #[must_use]
    pub fn escape(token: &str) -> Cow<'_, str> {
        if token.bytes().any(|b| b == b'~' || b == b'/') {
            let mut out = String::with_capacity(token.len() + 2);
            push_escaped(&mut out, token);
            Cow::Owned(out)
        } else {
            Cow::Borrowed(token)
        }
    }

    /// A pointer of `tokens` (each escaped).
    pub fn from_tokens<'t>(tokens: impl IntoIterator<Item = &'t str>) -> Self {
        let mut out = Self::root();
        for token in tokens {
            out.push(token);
        }
        out
    }
}

/// Pointer text and the texts of its proper ancestors, nearest first (`/a/b`, `/a`, `""`),
/// borrowed (lenient repair walks them for every value it removes).
pub(crate) fn ancestors_or_self(pointer: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(pointer), |p| {
        crate::json::rsplit_ascii_once(p, b'/').map(|(parent, _)| parent)
    })
}

/// `text.split('/').skip(1)` (the still escaped tokens of pointer text) by a byte loop.
#[cfg(any(
    test,
    not(any(
        feature = "speed",
        all(feature = "convert", not(contactkit_value = "lite"))
    ))
))]
fn raw_tokens(text: &str) -> impl Iterator<Item = &str> {
    crate::json::split_ascii(text, b'/').skip(1)
}

/// An escaped reference token unescaped (a parsed pointer's `~` is followed by `0` or `1`).
/// A plain loop rather than `str::replace`: the WebAssembly module links no substring search.
fn unescape(token: &str) -> Cow<'_, str> {
    if token.bytes().any(|b| b == b'~') {
        let mut out = String::with_capacity(token.len());
        let mut chars = token.chars();
        while let Some(c) = chars.next() {
            if c == '~' {
                out.push(if chars.next() == Some('1') { '/' } else { '~' });
            } else {
                out.push(c);
            }
        }
        Cow::Owned(out)
    } else {
        Cow::Borrowed(token)
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Pointer {
    type Err = PointerError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl AsRef<str> for Pointer {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<Pointer> for String {
    fn from(pointer: Pointer) -> Self {
        pointer.0
    }
}

/// Why text is not a JSON Pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PointerError {
    /// The text is neither `""` nor starts with `/`.
    NoLeadingSlash,
    /// A `~` is not followed by `0` or `1`.
    BadEscape,
}

impl PointerError {
    /// What is wrong, as a sentence fragment (what `Display` writes).
    #[must_use]
    pub const fn message(self) -> &'static str {
        match self {
            Self::NoLeadingSlash => {
                "a JSON Pointer is \"\" or starts with \"/\" (e.g. \"/emails/0/value\")"
            }
            Self::BadEscape => "\"~\" in a JSON Pointer must be followed by 0 or 1",
        }
    }
}

display_by!(PointerError, message);

impl std::error::Error for PointerError {}

/// A location inside a record, from the root down.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Path<'a> {
    /// The whole record.
    Root,
    /// A member of an object.
    Key(&'a Path<'a>, &'a str),
    /// An element of an array.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of member `key` below `self`.
    pub(crate) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The path of element `index` below `self`.
    pub(crate) fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// Renders the RFC 6901 pointer (`""` for the root).
    pub(crate) fn pointer(&self) -> String {
        let mut out = String::new();
        self.write_to(&mut out);
        out
    }

    fn write_to(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write_to(out);
                out.push('/');
                push_escaped(out, key);
            }
            Path::Index(parent, index) => {
                parent.write_to(out);
                out.push('/');
                crate::json::write::push_usize(out, *index);
            }
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.pointer())
    }
}

/// Appends `segment` escaped as an RFC 6901 reference token (`~` → `~0`, `/` → `~1`).
pub(crate) fn push_escaped(out: &mut String, segment: &str) {
    for c in segment.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// Appends `/` and `token`, escaped, to pointer text.
pub(crate) fn push_token(out: &mut String, token: &str) {
    out.push('/');
    push_escaped(out, token);
}

/// `path` as a message shows it: the pointer itself, or `whole` (e.g. `"(record)"`) for `""`,
/// the whole document.
pub(crate) fn shown<'a>(path: &'a str, whole: &'a str) -> &'a str {
    if path.is_empty() {
        whole
    } else {
        path
    }
}

/// Joins a base pointer and one more segment.
pub(crate) fn join(base: &str, segment: &str) -> String {
    let mut out = String::with_capacity(base.len() + segment.len() + 1);
    out.push_str(base);
    out.push('/');
    push_escaped(&mut out, segment);
    out
}

/// The value at pointer text `pointer` in `value`, found as `serde_json::Value::pointer` finds
/// it (the same tokens, indices and misses), without its `str::replace` (a substring searcher
/// in the WebAssembly module for this alone).
pub(crate) fn value_at<'v>(
    value: &'v crate::value::Value,
    pointer: &str,
) -> Option<&'v crate::value::Value> {
    use crate::value::Value;
    serde_tokens(pointer)?.try_fold(value, |target, token| match target {
        Value::Object(map) => map.get(token.as_ref()),
        Value::Array(list) => list.get(serde_index(&token)?),
        _ => None,
    })
}

/// [`value_at`], mutably (`serde_json::Value::pointer_mut`).
pub(crate) fn value_at_mut<'v>(
    value: &'v mut crate::value::Value,
    pointer: &str,
) -> Option<&'v mut crate::value::Value> {
    use crate::value::Value;
    serde_tokens(pointer)?.try_fold(value, |target, token| match target {
        Value::Object(map) => map.get_mut(token.as_ref()),
        Value::Array(list) => list.get_mut(serde_index(&token)?),
        _ => None,
    })
}

/// The unescaped tokens of pointer text as serde_json's lookups read them: none for `""` (the
/// whole value), `None` for text that does not start with `/`.
fn serde_tokens(pointer: &str) -> Option<impl Iterator<Item = Cow<'_, str>>> {
    if !pointer.is_empty() && !pointer.starts_with('/') {
        return None;
    }
    // `split('/').skip(1)`: nothing for `""`, the tokens after the leading `/` otherwise.
    #[cfg(any(
        feature = "speed",
        all(feature = "convert", not(contactkit_value = "lite"))
    ))]
    let tokens = pointer.split('/').skip(1);
    #[cfg(not(any(
        feature = "speed",
        all(feature = "convert", not(contactkit_value = "lite"))
    )))]
    let tokens = raw_tokens(pointer);
    Some(tokens.map(serde_unescape))
}

/// A token as serde_json's pointer lookup unescapes it: every `~1` replaced by `/`, then every
/// `~0` by `~` (left to right, as `str::replace` does; for well-formed tokens the same as
/// [`unescape`]).
fn serde_unescape(token: &str) -> Cow<'_, str> {
    /// `text` with every `~` followed by `digit` replaced by `with`, left to right.
    fn replace(text: &str, digit: char, with: char) -> String {
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '~' && chars.peek() == Some(&digit) {
                chars.next();
                out.push(with);
            } else {
                out.push(c);
            }
        }
        out
    }
    if token.bytes().any(|b| b == b'~') {
        Cow::Owned(replace(&replace(token, '1', '/'), '0', '~'))
    } else {
        Cow::Borrowed(token)
    }
}

/// An array index as serde_json's pointer lookup reads it: decimal digits, no sign, no leading
/// zero.
fn serde_index(token: &str) -> Option<usize> {
    if token.starts_with('+') || (token.starts_with('0') && token.len() != 1) {
        return None;
    }
    token.parse().ok()
}

#[cfg(test)]
mod tests {
    /// The byte loop of `ancestors_or_self` (and of the preview's email domain) splits as
    /// std's `rsplit_once` does.
    #[test]
    fn rsplit_ascii_once_is_std_rsplit_once() {
        for text in ["", "/", "/a/b", "a", "ä/ö/", "//x", "a@b@c", "@"] {
            for byte in [b'/', b'@'] {
                assert_eq!(
                    crate::json::rsplit_ascii_once(text, byte),
                    text.rsplit_once(char::from(byte)),
                    "{text:?}"
                );
            }
        }
        assert_eq!(crate::json::rsplit_ascii_once("a\u{e9}b", 0xC3), None);
        let ancestors: Vec<&str> = super::ancestors_or_self("/a/b~1c/0").collect();
        assert_eq!(ancestors, ["/a/b~1c/0", "/a/b~1c", "/a", ""]);
    }

    #[test]
    fn values_are_found_as_serde_json_finds_them() {
        let mut value = serde_json::json!({
            "a": [10, {"b/c": 1, "d~e": 2, "~1": 3, "~": 4, "~~1": 5, "": 6, "~2": 7}],
            "0": {"01": 8, "1": [9]},
            "": {"": 10}
        });
        for pointer in [
            "",
            "/",
            "//",
            "a",
            "/a",
            "/a/0",
            "/a/1",
            "/a/01",
            "/a/+1",
            "/a/-1",
            "/a/2",
            "/a/1/b~1c",
            "/a/1/d~0e",
            "/a/1/~01",
            "/a/1/~0",
            "/a/1/~~1",
            "/a/1/~",
            "/a/1/",
            "/a/1/~2",
            "/a/1/~0~1",
            "/0/01",
            "/0/1/0",
            "/0/1/00",
            "/a/0/x",
            "/a/1/b~1c/0",
            "/a/18446744073709551616",
            "/a/1é",
        ] {
            let expected = value.pointer(pointer).cloned();
            assert_eq!(
                super::value_at(&value, pointer).cloned(),
                expected,
                "{pointer}"
            );
            let found = super::value_at_mut(&mut value, pointer).map(|v| v.clone());
            assert_eq!(found, expected, "{pointer}");
        }
        if let Some(v) = super::value_at_mut(&mut value, "/a/1/~01") {
            *v = serde_json::json!("x");
        }
        assert_eq!(value.pointer("/a/1/~01"), Some(&serde_json::json!("x")));
    }

    use super::*;

    #[test]
    fn the_forms_modules_token_loop_splits_as_std_does() {
        for text in ["", "/", "a", "a/b", "/a", "//a//", "/é/ß~1ü/", "/a~0b/0/"] {
            assert_eq!(
                raw_tokens(text).collect::<Vec<_>>(),
                text.split('/').skip(1).collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn pointers_parse_push_and_escape() {
        for (text, tokens) in [
            ("", vec![]),
            ("/", vec![""]),
            ("/a~1b/~0c/0", vec!["a/b", "~c", "0"]),
            ("/~01", vec!["~1"]),
            ("//a//", vec!["", "a", "", ""]),
            ("/é/ß~1ü/", vec!["é", "ß/ü", ""]),
        ] {
            let p = Pointer::parse(text).expect(text);
            assert_eq!(p.tokens().collect::<Vec<_>>(), tokens, "{text}");
            assert_eq!(Pointer::from_tokens(tokens.iter().copied()).as_str(), text);
            assert_eq!(p.len(), tokens.len());
        }
        assert_eq!(Pointer::parse("a"), Err(PointerError::NoLeadingSlash));
        assert_eq!(Pointer::parse("/a~"), Err(PointerError::BadEscape));
        assert_eq!(Pointer::parse("/a~2"), Err(PointerError::BadEscape));
        let p = Pointer::parse("/emails/3").expect("pointer");
        assert_eq!(p.parent().expect("parent").as_str(), "/emails");
        assert!(Pointer::root().parent().is_none());
        let mut q = Pointer::root();
        q.push("emails");
        q.push_index(3);
        assert_eq!(q, p);
        // The validator's stack path renders the same text.
        let root = Path::Root;
        let key = root.key("a/b~c");
        assert_eq!(key.pointer(), Pointer::root().join("a/b~c").as_str());
    }

    #[test]
    fn renders_rfc6901_pointers() {
        let root = Path::Root;
        assert_eq!(root.pointer(), "");
        let emails = root.key("emails");
        let first = emails.index(0);
        let value = first.key("value");
        assert_eq!(value.pointer(), "/emails/0/value");
        let odd = root.key("a/b~c");
        assert_eq!(odd.pointer(), "/a~1b~0c");
        assert_eq!(join("/x", "y/z"), "/x/y~1z");
    }
}
