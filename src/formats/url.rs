//! Absolute `http`/`https` URLs.
//!
//! The rule, stated once as a regular expression ([`PATTERN`]) and once as code ([`is_http_url`]):
//! scheme `http` or `https` (any case), `://`, an optional `userinfo@`, a host (a registered
//! name of unreserved, sub-delim and `%` characters, or a bracketed IPv6 literal), an optional
//! `:port` of 1 to 5 digits, then optionally a path, query or fragment starting with `/`, `?` or
//! `#`. No ASCII control character or space may appear anywhere; other Unicode is allowed (IRIs).

use super::Bytes;

/// The same rule as [`is_http_url`], for the JSON Schemas (class characters escaped so that it
/// also compiles under the `v` flag browsers use for `<input pattern>`).
pub(super) const PATTERN: &str = "^[Hh][Tt][Tt][Pp][Ss]?://(?:[A-Za-z0-9._~!$&'\\(\\)*+,;=%:\\-]*@)?(?:[A-Za-z0-9._~!$&'\\(\\)*+,;=%\\-]+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?(?:[\\/?#][^\\u0000-\\u0020\\u007F]*)?$";

/// Whether `s` is an absolute http(s) URL by the rule above.
pub(super) fn is_http_url(s: &str) -> bool {
    let Some(rest) = strip_scheme(s) else {
        return false;
    };
    // Byte by byte: the delimiters and the forbidden characters are ASCII, and every byte of a
    // multi-byte UTF-8 character is >= 0x80.
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    // `end` is at an ASCII byte or the end, a character boundary; checked all the same, so
    // that no slicing panic is linked in.
    let Some((authority, tail)) = rest.split_at_checked(end) else {
        return false;
    };
    is_authority(authority.as_bytes()) && !tail.bytes().any(|b| b <= b' ' || b == 0x7f)
}

/// The text after `http://` or `https://` (any case).
fn strip_scheme(s: &str) -> Option<&str> {
    let starts = |prefix: &str| {
        s.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    let n = if starts("http://") {
        7
    } else if starts("https://") {
        8
    } else {
        return None;
    };
    s.get(n..)
}

// Byte by byte, with byte patterns: every delimiter is ASCII (`str`'s reverse search for a
// `char` would link its own searcher and `memrchr` into the WebAssembly module).
fn is_authority(authority: &[u8]) -> bool {
    // userinfo may contain ':'; the host starts after the last '@'.
    let mut parts = authority.rsplitn(2, |&b| b == b'@');
    let host_port = parts.next().unwrap_or_default();
    if parts
        .next()
        .is_some_and(|userinfo| !USERINFO_BYTES.all(userinfo))
    {
        return false;
    }
    let (host, port) = match host_port.strip_prefix(b"[") {
        Some(bracketed) => {
            let mut parts = bracketed.splitn(2, |&b| b == b']');
            let (Some(literal), Some(after)) = (parts.next(), parts.next()) else {
                return false;
            };
            let literal_ok = !literal.is_empty()
                && literal
                    .iter()
                    .all(|&b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
            return literal_ok
                && (after.is_empty() || after.strip_prefix(b":").is_some_and(is_port));
        }
        None => {
            let mut parts = host_port.splitn(2, |&b| b == b':');
            (parts.next().unwrap_or_default(), parts.next())
        }
    };
    !host.is_empty() && REG_NAME_BYTES.all(host) && port.is_none_or(is_port)
}

fn is_port(p: &[u8]) -> bool {
    (1..=5).contains(&p.len()) && p.iter().all(u8::is_ascii_digit)
}

/// `[A-Za-z0-9._~!$&'()*+,;=%-]`
static REG_NAME_BYTES: Bytes = Bytes::alphanumeric_and(b"._~!$&'()*+,;=%-");

/// `[A-Za-z0-9._~!$&'()*+,;=%:-]`
static USERINFO_BYTES: Bytes = Bytes::alphanumeric_and(b"._~!$&'()*+,;=%-:");

#[cfg(test)]
mod tests {
    use super::is_http_url;

    #[test]
    fn url_table() {
        for (s, ok) in [
            ("https://example.com", true),
            ("http://example.com/", true),
            ("HTTPS://EXAMPLE.COM/a?b=c#d", true),
            ("https://user:pw@example.com:8080/x", true),
            ("https://[::1]:443/", true),
            ("https://[2001:db8::1]", true),
            ("https://example.com/ünïcode/路径", true),
            ("https://www.example.com/avatar_image.jpg", true),
            ("", false),
            ("example.com", false),
            ("ftp://example.com", false),
            ("mailto:ada@example.com", false),
            ("https://", false),
            ("https:///path", false),
            ("https://exa mple.com", false),
            ("https://example.com/a b", false),
            ("https://example.com:/", false),
            ("https://example.com:123456", false),
            ("https://example.com:80a", false),
            ("https://[::1", false),
            ("https://[]", false),
            ("https://[::1]x", false),
            ("https://example.com/\t", false),
            ("javascript://alert(1)", false),
            ("https://exämple.com", false),
        ] {
            assert_eq!(is_http_url(s), ok, "{s:?}");
        }
    }
}
