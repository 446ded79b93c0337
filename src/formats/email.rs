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
    // Byte by byte: every character the rule accepts is ASCII. The local part ends at the
    // first byte it cannot hold, which must be the `@`.
    let bytes = s.as_bytes();
    let at = bytes
        .iter()
        .position(|&b| !LOCAL_BYTES.has(b))
        .unwrap_or(bytes.len());
    // `split_at_checked` (never `None` here): `split_at`'s panic would link its message.
    match bytes.split_at_checked(at) {
        Some((local, [b'@', domain @ ..])) => !local.is_empty() && is_domain(domain),
        _ => false,
    }
}

/// `[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]`
static LOCAL_BYTES: Bytes = Bytes::alphanumeric_and(b".!#$%&'*+/=?^_`{|}~-");

/// A byte of a domain: a letter or digit ([`ALNUM`]), a dot ([`DOT`]), a hyphen (0), or any
/// other byte ([`OTHER`]).
static DOMAIN_CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        #[allow(clippy::cast_possible_truncation)] // b < 256
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = ALNUM;
        }
        b += 1;
    }
    table[b'.' as usize] = DOT;
    table[b'-' as usize] = 0;
    table
};
const ALNUM: u8 = 1;
const DOT: u8 = 2;
const OTHER: u8 = 4;

/// `label(.label)*`, a label being 1 to 63 of `[a-zA-Z0-9-]`, not starting or ending with `-`.
/// Equivalently: only letters, digits, hyphens and dots; a letter or digit first and last; no
/// dot next to a dot or a hyphen; no label over 63 bytes. The pairs of neighbours are checked
/// without a branch per byte.
fn is_domain(domain: &[u8]) -> bool {
    let class = |b: &u8| DOMAIN_CLASS[usize::from(*b)];
    let ends_ok = match (domain.first(), domain.last()) {
        (Some(first), Some(last)) => class(first) & class(last) == ALNUM,
        _ => false,
    };
    // A pair of neighbours is wrong when either is no domain byte, or neither is a letter or
    // digit and one is a dot; every byte is in a pair, or (a domain of one byte) first and last.
    let wrong = domain
        .iter()
        .zip(domain.iter().skip(1))
        .fold(0, |wrong, (a, b)| {
            let pair = class(a) | class(b);
            wrong | (pair & OTHER) | u8::from(pair == DOT)
        });
    ends_ok
        && wrong == 0
        && (domain.len() <= 63 || domain.split(|&b| b == b'.').all(|label| label.len() <= 63))
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
        // Labels are measured one by one, also in a domain longer than one label may be.
        assert!(is_valid(&format!("a@{long_label}.{long_label}.com")));
        assert!(!is_valid(&format!("a@b.{long_label}.{too_long_label}")));
        assert!(!is_valid(&format!("a@{long_label}.-{long_label}")));
    }
}
