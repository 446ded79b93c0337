//! Syntax errors: what went wrong and where, exactly as serde_json reports it.

/// Why JSON text is not one JSON value. The variants are serde_json's syntax error codes (the
/// ones a strict parse of one value can produce), so that a finding reads the same whichever
/// parser found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SyntaxCode {
    /// The text ended inside an array.
    EofWhileParsingList,
    /// The text ended inside an object.
    EofWhileParsingObject,
    /// The text ended inside a string.
    EofWhileParsingString,
    /// The text ended where a value was expected.
    EofWhileParsingValue,
    /// A member name is not followed by `:`.
    ExpectedColon,
    /// An array item is followed by something other than `,` or `]`.
    ExpectedListCommaOrEnd,
    /// A member is followed by something other than `,` or `}`.
    ExpectedObjectCommaOrEnd,
    /// `null`, `true` or `false` misspelt.
    ExpectedSomeIdent,
    /// Something that starts no JSON value.
    ExpectedSomeValue,
    /// A backslash escape that JSON does not have, or `\u` without four hex digits.
    InvalidEscape,
    /// A malformed number.
    InvalidNumber,
    /// A string that is not UTF-8.
    InvalidUnicodeCodePoint,
    /// A raw control character (U+0000 to U+001F) inside a string.
    ControlCharacterWhileParsingString,
    /// A member name that is not a string.
    KeyMustBeAString,
    /// A `\u` escape of a lone surrogate.
    LoneLeadingSurrogateInHexEscape,
    /// A `,` before `]` or `}`.
    TrailingComma,
    /// More text after the value.
    TrailingCharacters,
    /// A leading surrogate escape not followed by a `\u` escape.
    UnexpectedEndOfHexEscape,
    /// Arrays and objects nested 128 deep.
    RecursionLimitExceeded,
    /// A number beyond the range of an `f64` (only where it is refused as serde_json refuses
    /// it: [`parse`](super::parse)).
    NumberOutOfRange,
}

impl SyntaxCode {
    /// serde_json's description of the error (its `Display` without the position).
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            Self::EofWhileParsingList => "EOF while parsing a list",
            Self::EofWhileParsingObject => "EOF while parsing an object",
            Self::EofWhileParsingString => "EOF while parsing a string",
            Self::EofWhileParsingValue => "EOF while parsing a value",
            Self::ExpectedColon => "expected `:`",
            Self::ExpectedListCommaOrEnd => "expected `,` or `]`",
            Self::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            Self::ExpectedSomeIdent => "expected ident",
            Self::ExpectedSomeValue => "expected value",
            Self::InvalidEscape => "invalid escape",
            Self::InvalidNumber => "invalid number",
            Self::InvalidUnicodeCodePoint => "invalid unicode code point",
            Self::ControlCharacterWhileParsingString => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            Self::KeyMustBeAString => "key must be a string",
            Self::LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            Self::TrailingComma => "trailing comma",
            Self::TrailingCharacters => "trailing characters",
            Self::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            Self::RecursionLimitExceeded => "recursion limit exceeded",
            Self::NumberOutOfRange => "number out of range",
        }
    }

    /// Whether the text simply ended too early (serde_json's `Category::Eof`).
    pub(crate) const fn is_eof(self) -> bool {
        matches!(
            self,
            Self::EofWhileParsingList
                | Self::EofWhileParsingObject
                | Self::EofWhileParsingString
                | Self::EofWhileParsingValue
        )
    }
}

/// A syntax error and its position: `line` from 1, `column` in bytes from the start of the
/// line (0 before the line's first byte), as serde_json counts them.
///
/// Public (not a stable API) for the npm package's WebAssembly module ([`crate::json_value`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntaxError {
    /// What is wrong.
    pub(crate) code: SyntaxCode,
    /// The line, from 1.
    pub line: usize,
    /// The byte column within the line.
    pub column: usize,
}

impl SyntaxError {
    /// The error `code` at byte `index` of `bytes`.
    #[cold]
    pub(crate) fn at(code: SyntaxCode, bytes: &[u8], index: usize) -> Self {
        let before = bytes.get(..index).unwrap_or(bytes);
        let start_of_line = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |newline| newline + 1);
        let line = 1 + before
            .get(..start_of_line)
            .unwrap_or_default()
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        Self {
            code,
            line,
            column: before.len() - start_of_line,
        }
    }
}
