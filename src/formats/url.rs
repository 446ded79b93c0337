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
    // Byte by byte: the delimiters and the forbidden characters are ASCII, and every byte of a
    // multi-byte UTF-8 character is >= 0x80.
    let Some(rest) = strip_scheme(s.as_bytes()) else {
        return false;
    };
    common(rest) || general(rest)
}

/// The common case, in one pass: a registered name, an optional port, then the end or a
/// path, query or fragment without controls. `false` means "not this case" ([`general`] decides).
fn common(rest: &[u8]) -> bool {
    let host_end = rest
        .iter()
        .position(|&b| !REG_NAME_BYTES.has(b))
        .unwrap_or(rest.len());
    // `split_at_checked` (never `None` here) rather than `split_at`, whose panic would link
    // its message: the same for each split below.
    let Some((host, mut tail)) = rest.split_at_checked(host_end) else {
        return false;
    };
    if let [b':', port @ ..] = tail {
        let digits = port
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(port.len());
        if !(1..=5).contains(&digits) {
            return false;
        }
        tail = port.get(digits..).unwrap_or_default();
    }
    !host.is_empty() && matches!(tail.first(), None | Some(b'/' | b'?' | b'#')) && no_controls(tail)
}

/// Any URL after the scheme: the authority up to the first `/`, `?` or `#`, then the rest.
fn general(rest: &[u8]) -> bool {
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let Some((authority, tail)) = rest.split_at_checked(end) else {
        return false;
    };
    is_authority(authority) && no_controls(tail)
}

/// No control character or space: without a branch per byte.
fn no_controls(tail: &[u8]) -> bool {
    !tail
        .iter()
        .fold(false, |found, &b| found | (b <= b' ') | (b == 0x7f))
}

/// The bytes after `http://` or `https://` (any case).
fn strip_scheme(s: &[u8]) -> Option<&[u8]> {
    let (scheme, rest) = s.split_first_chunk::<4>()?;
    if !scheme.eq_ignore_ascii_case(b"http") {
        return None;
    }
    let rest = match rest {
        [b's' | b'S', rest @ ..] => rest,
        _ => rest,
    };
    // Slice patterns rather than `strip_prefix`, whose `split_at` links a panic's formatting
    // into the forms WebAssembly module (here and below).
    match rest {
        [b':', b'/', b'/', rest @ ..] => Some(rest),
        _ => None,
    }
}

fn is_authority(authority: &[u8]) -> bool {
    // userinfo may contain ':' (but no '@'); the host starts after the last '@'.
    let host_port = match authority.iter().rposition(|&b| b == b'@') {
        Some(at) => {
            let Some((userinfo, host_port)) = authority.split_at_checked(at) else {
                return false;
            };
            if !USERINFO_BYTES.all(userinfo) {
                return false;
            }
            host_port.get(1..).unwrap_or_default()
        }
        None => authority,
    };
    if let [b'[', bracketed @ ..] = host_port {
        let Some(close) = bracketed.iter().position(|&b| b == b']') else {
            return false;
        };
        let Some((literal, after)) = bracketed.split_at_checked(close) else {
            return false;
        };
        let after = after.get(1..).unwrap_or_default();
        let literal_ok = !literal.is_empty()
            && literal
                .iter()
                .all(|&b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
        return literal_ok
            && match after {
                [] => true,
                [b':', port @ ..] => is_port(port),
                _ => false,
            };
    }
    // The host ends at the first ':' (which it cannot contain), and a port follows.
    let host_end = host_port
        .iter()
        .position(|&b| !REG_NAME_BYTES.has(b))
        .unwrap_or(host_port.len());
    let Some((host, port)) = host_port.split_at_checked(host_end) else {
        return false;
    };
    !host.is_empty()
        && match port.split_first() {
            None => true,
            Some((b':', port)) => is_port(port),
            Some(_) => false,
        }
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
