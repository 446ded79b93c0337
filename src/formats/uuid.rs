//! UUIDs in their canonical textual form.

/// The same rule as [`is_uuid`], for the JSON Schemas.
pub(super) const PATTERN: &str =
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/// 8-4-4-4-12 hexadecimal digits separated by hyphens (either case, any version).
pub(super) fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests {
    use super::is_uuid;

    #[test]
    fn uuid_table() {
        for (s, ok) in [
            ("123e4567-e89b-12d3-a456-426614174000", true),
            ("B4E02C85-C6D2-4B15-8885-E09671799C61", true),
            ("123e4567e89b12d3a456426614174000", false),
            ("123e4567-e89b-12d3-a456-42661417400", false),
            ("123e4567-e89b-12d3-a456-4266141740000", false),
            ("g23e4567-e89b-12d3-a456-426614174000", false),
            ("{123e4567-e89b-12d3-a456-426614174000}", false),
            ("", false),
        ] {
            assert_eq!(is_uuid(s), ok, "{s:?}");
        }
    }
}
