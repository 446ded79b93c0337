//! International phone numbers in the E.164 style Bird documents ("+31612345678").

/// The same rule as [`is_e164`], for the JSON Schemas.
pub(super) const PATTERN: &str = "^\\+[1-9][0-9]{6,14}$";

/// `+`, then 7 to 15 ASCII digits, the first of which is not `0`.
pub(super) fn is_e164(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('+') else {
        return false;
    };
    (7..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

#[cfg(test)]
mod tests {
    use super::is_e164;

    #[test]
    fn e164_table() {
        for (s, ok) in [
            ("+31612345678", true),
            ("+1234567", true),           // 7 digits
            ("+123456", false),           // 6 digits
            ("+123456789012345", true),   // 15 digits
            ("+1234567890123456", false), // 16 digits
            ("+0612345678", false),
            ("31612345678", false),
            ("+31 612 345 678", false),
            ("+31-612345678", false),
            ("+", false),
            ("", false),
            ("+٣١٦١٢٣٤٥٦٧٨", false), // Arabic-Indic digits are not ASCII digits
        ] {
            assert_eq!(is_e164(s), ok, "{s:?}");
        }
    }
}
