//! What a conversion did to a value: [`Note`] and its [`NoteCode`].

use serde::{Deserialize, Serialize};

/// What a conversion did to a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoteCode {
    /// A source value has no place in the target (path into the source).
    Dropped,
    /// A target string was cut to the target's maximum length.
    Truncated,
    /// A target value was derived from other values.
    Derived,
    /// A full name was split into first and last name.
    Split,
    /// First and last name were joined into a full name.
    Joined,
    /// A value was rewritten in another notation (e.g. a timestamp).
    Reformatted,
    /// A value was normalised (e.g. letter case, a custom attribute key).
    Normalized,
}

impl NoteCode {
    /// The contract's name of the code.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Dropped => "dropped",
            Self::Truncated => "truncated",
            Self::Derived => "derived",
            Self::Split => "split",
            Self::Joined => "joined",
            Self::Reformatted => "reformatted",
            Self::Normalized => "normalized",
        }
    }
}

display_by!(NoteCode, as_str);

/// A note about what a conversion did.
///
/// The path points into the source record for [`NoteCode::Dropped`], into the target payload
/// otherwise. Messages never echo values.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Note {
    /// JSON Pointer (source for `dropped`, target otherwise).
    pub path: String,
    /// What happened.
    pub code: NoteCode,
    /// A human-readable explanation.
    pub message: String,
}

/// Appends the JSON array of notes, byte for byte as serde_json serialises them.
#[cfg(feature = "convert")]
pub(crate) fn push_notes(out: &mut String, notes: &[Note]) {
    use crate::json::write::{push_array, push_json_string, push_key};
    push_array(out, notes, |out, note| {
        out.push('{');
        push_key(out, true, "path");
        push_json_string(out, &note.path);
        push_key(out, false, "code");
        push_json_string(out, note.code.as_str());
        push_key(out, false, "message");
        push_json_string(out, &note.message);
        out.push('}');
    });
}

#[cfg(all(test, feature = "convert"))]
#[test]
fn notes_are_written_as_serde_json_serialises_them() {
    let notes = [
        Note {
            path: "/a/0".to_owned(),
            code: NoteCode::Truncated,
            message: "cut to 3 \"chars\"\n".to_owned(),
        },
        Note {
            path: String::new(),
            code: NoteCode::Normalized,
            message: "é".to_owned(),
        },
    ];
    for slice in [&notes[..0], &notes[..1], &notes[..]] {
        let mut out = String::new();
        push_notes(&mut out, slice);
        assert_eq!(out, serde_json::to_string(slice).expect("json"));
    }
}
