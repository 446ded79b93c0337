//! JSON Pointers (RFC 6901) built on the stack while walking a record.
//!
//! A [`Path`] is a linked list of borrowed segments that lives on the call stack, so walking
//! a record allocates nothing; a pointer string is rendered only when a finding is reported.

use std::fmt;

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

/// Joins a base pointer and one more segment.
pub(crate) fn join(base: &str, segment: &str) -> String {
    let mut out = String::with_capacity(base.len() + segment.len() + 1);
    out.push_str(base);
    out.push('/');
    push_escaped(&mut out, segment);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
