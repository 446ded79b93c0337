//! Email addresses as WHATWG HTML defines a "valid email address" for `<input type=email>`.

/// The WHATWG regular expression, with the class characters escaped so that it also compiles
/// under the `v` flag browsers use for `<input pattern>` (ECMA-262 `u` mode and Rust read it alike).
pub(super) const PATTERN: &str = "^[a-zA-Z0-9.!#$%&'*+\\/=?^_`\\{\\|\\}~\\-]+@[a-zA-Z0-9](?:[a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?)*$";

/// Whether `s` is a valid email address by the WHATWG rule (the same as [`PATTERN`]).
///
/// ```text
/// local@label(.label)*   local: 1+ of A-Z a-z 0-9 .!#$%&'*+/=?^_`{|}~-
///                        label: 1-63 of A-Z a-z 0-9 -, not starting or ending with -
/// ```
pub(super) fn is_valid(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty() && local.bytes().all(is_local_byte) && domain.split('.').all(is_label)
}

fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b)
}

fn is_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            bytes.len() <= 63
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn whatwg_table() {
        let long_label = "a".repeat(63);
        let too_long_label = "a".repeat(64);
        for (s, ok) in [
            ("ada@example.com", true),
            ("a.b+tag@sub.example.co.uk", true),
            ("x@localhost", true),
            ("weird!#$%&'*/=?^_`{|}~-@example.com", true),
            (".dot@example.com", true), // WHATWG allows dots anywhere in the local part
            ("", false),
            ("@example.com", false),
            ("ada@", false),
            ("ada", false),
            ("ada@@example.com", false),
            ("ada@exa mple.com", false),
            ("ada@-example.com", false),
            ("ada@example-.com", false),
            ("ada@example..com", false),
            ("ada@example.com.", false),
            ("adà@example.com", false),
            ("ada@exämple.com", false),
            ("ada lovelace@example.com", false),
            ("\"quoted\"@example.com", false),
        ] {
            assert_eq!(is_valid(s), ok, "{s:?}");
        }
        assert!(is_valid(&format!("a@{long_label}.com")));
        assert!(!is_valid(&format!("a@{too_long_label}.com")));
    }
}
