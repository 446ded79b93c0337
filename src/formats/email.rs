//! Email addresses as WHATWG HTML defines a "valid email address" for `<input type=email>`.

use super::Bytes;

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
    // Byte by byte: every character the rule accepts is ASCII.
    let mut parts = s.as_bytes().splitn(2, |&b| b == b'@');
    let (Some(local), Some(domain)) = (parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty() && LOCAL_BYTES.all(local) && domain.split(|&b| b == b'.').all(is_label)
}

/// `[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]`
static LOCAL_BYTES: Bytes = Bytes::alphanumeric_and(b".!#$%&'*+/=?^_`{|}~-");

/// `[a-zA-Z0-9-]`
static LABEL_BYTES: Bytes = Bytes::alphanumeric_and(b"-");

fn is_label(bytes: &[u8]) -> bool {
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            bytes.len() <= 63
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && LABEL_BYTES.all(bytes)
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
