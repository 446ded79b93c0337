//! What a conversion returns: the [`Converted`] payload, or the [`Rejection`] of a record at a
//! [`Stage`].

use std::fmt;

use crate::value::Value;
use serde::{Deserialize, Serialize};

use crate::note::Note;
use crate::{Code, Issue};

/// The stage at which a record was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// The record is invalid as the source format (paths into the source).
    Source,
    /// The converted payload cannot satisfy the target's rules (paths into the target).
    Target,
}

impl Stage {
    /// The contract's name of the stage (what `Serialize` writes).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Source => "source",
            Self::Target => "target",
        }
    }
}

/// A successful conversion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Converted {
    /// The target payload.
    pub payload: Value,
    /// What the conversion changed or left out.
    pub notes: Vec<Note>,
}

/// A rejected record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// Where it failed.
    pub stage: Stage,
    /// The findings (with severity `error` among them).
    pub issues: Vec<Issue>,
}

impl Rejection {
    /// The source-stage rejection of a record that serde_json cannot parse, made from the
    /// validator's findings for the same text (`issues`: a `syntax` error, or `out_of_range`
    /// errors for numbers beyond the range of a 64-bit float with the record's other findings),
    /// as the CLI reports a record that is not UTF-8 (text goes through [`convert_str`], which
    /// rejects the same way). Without an error among them, one `syntax` error at the place
    /// serde_json gave up.
    ///
    /// ```
    /// use contactkit::{Code, Format, Rejection, Validator};
    /// let text = r#"{"firstName": "Ada""#;
    /// let error = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
    /// let issues = Validator::new(Format::HelpScout).validate_str(text).issues;
    /// let rejection = Rejection::unparsable(issues, &error);
    /// assert_eq!(rejection.issues[0].code, Code::Syntax);
    /// ```
    #[must_use]
    pub fn unparsable(issues: Vec<Issue>, error: &serde_json::Error) -> Self {
        Self::unparsable_at(issues, error.line(), error.column())
    }

    /// [`Self::unparsable`] for a parser that gave up at `line` and `column`.
    pub(crate) fn unparsable_at(mut issues: Vec<Issue>, line: usize, column: usize) -> Self {
        if !crate::issue::is_json(&issues) {
            issues.retain(|i| i.code == Code::Syntax);
        }
        if !issues.iter().any(Issue::is_error) {
            issues.clear();
            issues.push(Issue::error(
                "",
                Code::Syntax,
                crate::engine::with_number(
                    &["not valid JSON (line "],
                    line,
                    &[
                        ", column ",
                        &crate::engine::with_number(&[], column, &[]),
                        ")",
                    ],
                ),
            ));
        }
        Self {
            stage: Stage::Source,
            issues,
        }
    }
}

impl Rejection {
    /// `false` when the record was rejected because its text is not one JSON value (as
    /// [`Report::is_json`](crate::Report::is_json) says of its findings).
    ///
    /// ```
    /// use contactkit::{convert_str, ConvertOptions, Error, Format};
    /// let options = ConvertOptions::default();
    /// let result = convert_str(Format::HelpScout, Format::Bird, r#"{"firstName": "#, &options);
    /// let Err(Error::Rejected(rejection)) = result else { panic!("not rejected") };
    /// assert!(!rejection.is_json());
    /// ```
    #[must_use]
    pub fn is_json(&self) -> bool {
        crate::issue::is_json(&self.issues)
    }
}

impl Rejection {
    /// Appends what [`Display`](fmt::Display) writes (without `core::fmt`).
    pub(crate) fn push_text(&self, out: &mut String) {
        out.push_str("rejected at the ");
        out.push_str(match self.stage {
            Stage::Source => "source",
            Stage::Target => "target",
        });
        out.push_str(" stage with ");
        crate::json::write::push_usize(out, self.issues.len());
        out.push_str(" finding(s)");
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.push_text(&mut text);
        f.write_str(&text)
    }
}

impl std::error::Error for Rejection {}

#[cfg(test)]
#[test]
fn stages_are_named_as_serde_names_them() {
    for stage in [Stage::Source, Stage::Target] {
        assert_eq!(
            serde_json::to_value(stage).expect("json"),
            serde_json::Value::from(stage.as_str())
        );
    }
}
