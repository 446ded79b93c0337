//! Decimal to `f64`, correctly rounded (to nearest, ties to even), in a few kilobytes.
//!
//! The standard library's parser is exact too, but its fast path carries a 10 KB table of powers
//! of five, about 15 KB of the WebAssembly module once compressed: more than a third of a form
//! validator's budget. Numbers in contact records are nearly always integers (read without this)
//! or short decimals, which the first path here handles with one exact floating-point operation
//! (Clinger's fast path); anything else is computed exactly with a small big-integer routine,
//! slower but bounded: at most [`MAX_DIGITS`] significant digits are kept (the tail only decides
//! ties, which a nonzero tail breaks upward) and the exponent is clamped where the result is
//! already zero or infinite. The unit tests compare it with the standard library's parser.

/// Significant digits kept: more than the 767 that can matter for an `f64`.
const MAX_DIGITS: usize = 800;

/// Powers of ten that are exact `f64`s.
const EXACT_POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The `f64` nearest to the non-negative decimal `text` (digits, an optional `.` and fraction,
/// an optional exponent: the JSON number grammar without the sign, already checked); infinity
/// when it is too large.
pub(crate) fn parse(text: &[u8]) -> f64 {
    let mut digits: Vec<u8> = Vec::new();
    // value = digits × 10^exp10 (digits read as an integer).
    let mut exp10: i64 = 0;
    let mut truncated = false;
    let mut fraction = false;
    let mut rest = text;
    while let Some((&b, tail)) = rest.split_first() {
        match b {
            b'0'..=b'9' => {
                if digits.is_empty() && b == b'0' {
                    // A leading zero counts only by its place.
                    if fraction {
                        exp10 -= 1;
                    }
                } else if digits.len() < MAX_DIGITS {
                    digits.push(b - b'0');
                    if fraction {
                        exp10 -= 1;
                    }
                } else {
                    truncated |= b != b'0';
                    if !fraction {
                        exp10 += 1;
                    }
                }
            }
            b'.' => fraction = true,
            _ => break,
        }
        rest = tail;
    }
    if let Some((_, exponent)) = rest.split_first() {
        let (negative, exponent) = match exponent.split_first() {
            Some((b'-', e)) => (true, e),
            Some((b'+', e)) => (false, e),
            _ => (false, exponent),
        };
        let mut e: i64 = 0;
        for &d in exponent {
            e = (e * 10 + i64::from(d.wrapping_sub(b'0'))).min(1_000_000);
        }
        exp10 += if negative { -e } else { e };
    }
    if truncated {
        // Something nonzero follows the kept digits: a final 1 stands for it (it can only
        // break a tie, which the kept digits alone cannot reach).
        digits.push(1);
        exp10 -= 1;
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exp10 += 1;
    }
    if digits.is_empty() {
        return 0.0;
    }
    if let Some(f) = fast_path(&digits, exp10) {
        return f;
    }
    // The value lies in [10^(n - 1 + exp10), 10^(n + exp10)).
    let magnitude = i64::try_from(digits.len())
        .unwrap_or(i64::MAX)
        .saturating_add(exp10);
    if magnitude > 310 {
        return f64::INFINITY;
    }
    if magnitude < -324 {
        return 0.0;
    }
    exact(&digits, exp10)
}

/// Clinger's fast path: an integer below 2^53 times or divided by an exact power of ten is
/// one correctly rounded operation.
fn fast_path(digits: &[u8], exp10: i64) -> Option<f64> {
    if digits.len() > 15 {
        return None;
    }
    let n = digits.iter().fold(0u64, |n, &d| n * 10 + u64::from(d));
    #[allow(clippy::cast_precision_loss)] // n < 10^15 < 2^53: exact.
    let n = n as f64;
    let pow = |e: i64| {
        usize::try_from(e)
            .ok()
            .and_then(|e| EXACT_POW10.get(e))
            .copied()
    };
    if exp10 >= 0 {
        pow(exp10).map(|p| n * p)
    } else {
        pow(-exp10).map(|p| n / p)
    }
}

/// The exact conversion, with big integers.
fn exact(digits: &[u8], exp10: i64) -> f64 {
    let mut n = Big::default();
    for &d in digits {
        n.mul_small(10);
        n.add_small(u32::from(d));
    }
    // |exp10| is bounded by the magnitude checks above (and MAX_DIGITS).
    let k = u32::try_from(exp10.unsigned_abs()).unwrap_or(u32::MAX);
    if exp10 >= 0 {
        n.mul_pow5(k);
        let (top, e, sticky) = n.top64();
        return round(top, e + i64::from(k), sticky);
    }
    // value = n / (5^k × 2^k): divide n × 2^s by 5^k for a quotient of at least 64 bits.
    let mut d = Big::default();
    d.add_small(1);
    d.mul_pow5(k);
    let s = (64 + 1 + d.bits()).saturating_sub(n.bits());
    n.shl(s);
    let (q, remainder) = n.div_rem(&d);
    let (top, e, sticky) = q.top64();
    round(top, e - i64::from(s) - i64::from(k), sticky || remainder)
}

/// `m × 2^e2` (plus a nonzero amount below `m`'s last bit when `sticky`) rounded to the
/// nearest `f64`, ties to even; `m` has its top bit set.
fn round(m: u64, e2: i64, sticky: bool) -> f64 {
    // The value's binary exponent: m is in [2^63, 2^64).
    let exponent = e2 + 63;
    if exponent > 1023 {
        return f64::INFINITY;
    }
    // Bits of m to drop: 11 for a normal number, more below the normal range.
    let drop = if exponent >= -1022 {
        11
    } else {
        -1011 - exponent
    };
    // Below half the smallest subnormal number.
    let Ok(drop @ 0..=64) = u32::try_from(drop) else {
        return 0.0;
    };
    let m = u128::from(m);
    let kept = m >> drop;
    let rest = m & ((1u128 << drop) - 1);
    let half = 1u128 << (drop - 1);
    let up = rest > half || (rest == half && (sticky || kept & 1 == 1));
    let kept = kept + u128::from(up);
    // kept < 2^54: fits u64.
    let kept = u64::try_from(kept).unwrap_or(u64::MAX);
    let bits = if exponent >= -1022 {
        // kept is in [2^52, 2^53]; 2^53 carries into the exponent.
        let (kept, exponent) = if kept == 1 << 53 {
            (kept >> 1, exponent + 1)
        } else {
            (kept, exponent)
        };
        if exponent > 1023 {
            return f64::INFINITY;
        }
        // exponent + 1023 is in 1..=2046.
        let biased = u64::try_from(exponent + 1023).unwrap_or(0);
        (biased << 52) | (kept - (1 << 52))
    } else {
        // Subnormal: the bits are the mantissa; 2^52 is the smallest normal number.
        kept
    };
    f64::from_bits(bits)
}

/// Appends a finite `f` as serde_json prints it (its printer `zmij`): the fewest significant
/// digits that read back as `f` (of two such, the nearer; checked with [`parse`]), written out
/// from `1e-5` to below `1e16` (`100.0`, `0.001`) and with an exponent beyond (`1e16`,
/// `1.5e-7`). The WebAssembly modules print with this instead of `zmij`, whose tables are
/// 0.5–2 KB of their download gzipped; computed exactly with [`Big`], slower: the forms modules
/// reach it only for fractional option ids of account definitions, the full module
/// (`contactkit_value="lite"`) for every fractional number it writes. The unit tests compare it
/// with `zmij`.
#[cfg(any(
    test,
    all(
        target_arch = "wasm32",
        any(not(feature = "convert"), contactkit_value = "lite")
    )
))]
pub(crate) fn push_shortest(out: &mut String, f: f64) {
    // ASCII bytes throughout (`String::push` of a `char` is larger code).
    let mut t: Vec<u8> = Vec::new();
    if f.is_sign_negative() {
        t.push(b'-');
    }
    let bits = f.to_bits() & !(1 << 63);
    let (e, m) = ((bits >> 52) as i64, bits & ((1 << 52) - 1));
    let (m, e2) = if e == 0 {
        (m, -1074)
    } else {
        (m | 1 << 52, e - 1075)
    };
    // The exact value, n × 10^exp10: m × 2^e2 is m·2^e2, or m·5^-e2 × 10^e2.
    let mut n = Big(vec![m as u32, (m >> 32) as u32]);
    let mut exp10 = 0;
    if e2 >= 0 {
        n.shl(e2 as u32);
    } else {
        n.mul_pow5(e2.unsigned_abs() as u32);
        exp10 = e2;
    }
    // Its decimal digits, least significant first, nine at a time.
    let mut low_first: Vec<u8> = Vec::new();
    n.trim();
    while !n.0.is_empty() {
        let mut r = 0u64;
        for limb in n.0.iter_mut().rev() {
            let v = (r << 32) | u64::from(*limb);
            *limb = (v / 1_000_000_000) as u32;
            r = v % 1_000_000_000;
        }
        n.trim();
        for _ in 0..9 {
            low_first.push((r % 10) as u8);
            r /= 10;
        }
    }
    while low_first.last() == Some(&0) {
        low_first.pop();
    }
    if low_first.is_empty() {
        // Zero, or minus zero.
        low_first.push(0);
        exp10 = 0;
    }
    // value = d.ddd × 10^sci
    let sci = low_first.len() as i64 - 1 + exp10;
    // Most significant first (not `reverse`, whose bounds checks link core's panic formatting).
    let mut exact: Vec<u8> = Vec::new();
    for &d in low_first.iter().rev() {
        exact.push(d);
    }
    // The fewest digits that read back: of the two with p digits around the value (`exact`
    // cut, and that plus one unit), the nearer first (ties to even); 17 digits always do.
    // (No indexing here: a bounds check would link core's panic formatting, 2 KB gzipped.)
    let mut shortest = None;
    for p in 1..exact.len() {
        let digit = |i: usize| exact.get(i).copied().unwrap_or(0);
        let up_nearer = digit(p) > 5
            || (digit(p) == 5
                && (exact.iter().skip(p + 1).any(|&d| d != 0) || digit(p - 1) % 2 == 1));
        shortest = candidate(&exact, p, up_nearer, sci, bits)
            .or_else(|| candidate(&exact, p, !up_nearer, sci, bits));
        if shortest.is_some() {
            break;
        }
    }
    // None shorter: all of them.
    let (mut digits, sci) = shortest.unwrap_or((exact, sci));
    while digits.len() > 1 && digits.last() == Some(&0) {
        digits.pop();
    }
    let len = digits.len();
    let fixed = (-5..=15).contains(&sci);
    if fixed && sci < 0 {
        t.extend_from_slice(b"0.");
        t.resize(t.len() + (-sci - 1) as usize, b'0');
    }
    // Written out: the digits, zeros up to the point, the point; with an exponent: d.ddd.
    let point = if fixed { sci + 1 } else { 1 };
    let mut i = 0;
    while i < len as i64 || (fixed && i < point) {
        if i > 0 && i == point {
            t.push(b'.');
        }
        t.push(b'0' + digits.get(i as usize).copied().unwrap_or(0));
        i += 1;
    }
    if fixed && len as i64 <= point {
        t.extend_from_slice(b".0");
    }
    if !fixed {
        t.push(b'e');
        if sci >= 0 {
            t.push(b'+');
        }
        push_int(&mut t, sci);
    }
    out.push_str(core::str::from_utf8(&t).unwrap_or_default());
}

/// The first `p` digits of `exact` (`d.ddd × 10^sci`), plus one unit in the last place if `up`,
/// and their `sci`, if they read back as the double `bits`.
#[cfg(any(
    test,
    all(
        target_arch = "wasm32",
        any(not(feature = "convert"), contactkit_value = "lite")
    )
))]
fn candidate(exact: &[u8], p: usize, up: bool, sci: i64, bits: u64) -> Option<(Vec<u8>, i64)> {
    let mut digits: Vec<u8> = Vec::new();
    for &d in exact.iter().take(p) {
        digits.push(d);
    }
    let mut at = sci;
    if up {
        let mut carry = true;
        for d in digits.iter_mut().rev() {
            if *d == 9 {
                *d = 0;
            } else {
                *d += 1;
                carry = false;
                break;
            }
        }
        if carry {
            // 99 + 1: 10, one place up.
            if let Some(first) = digits.first_mut() {
                *first = 1;
            }
            at += 1;
        }
    }
    let mut text: Vec<u8> = Vec::new();
    for d in &digits {
        text.push(b'0' + d);
    }
    text.push(b'e');
    push_int(&mut text, at - (p as i64 - 1));
    (parse(&text).to_bits() == bits).then_some((digits, at))
}

/// Appends an integer in decimal.
#[cfg(any(
    test,
    all(
        target_arch = "wasm32",
        any(not(feature = "convert"), contactkit_value = "lite")
    )
))]
fn push_int(t: &mut Vec<u8>, n: i64) {
    if n < 0 {
        t.push(b'-');
    }
    let n = n.unsigned_abs();
    if n >= 10 {
        push_int(t, (n / 10) as i64);
    }
    t.push(b'0' + (n % 10) as u8);
}

/// A non-negative big integer, little-endian 32-bit limbs.
#[derive(Debug, Default, Clone)]
struct Big(Vec<u32>);

impl Big {
    fn mul_small(&mut self, m: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32; // the low half
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn add_small(&mut self, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            if carry == 0 {
                return;
            }
            let v = u64::from(*limb) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow5(&mut self, mut k: u32) {
        // 5^13 is the largest power of five below 2^32.
        while k >= 13 {
            self.mul_small(1_220_703_125);
            k -= 13;
        }
        self.mul_small(5u32.pow(k));
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// The number of significant bits.
    fn bits(&self) -> u32 {
        match self.0.iter().rposition(|&l| l != 0) {
            None => 0,
            Some(i) => u32::try_from(i).unwrap_or(u32::MAX) * 32 + (32 - self.0[i].leading_zeros()),
        }
    }

    fn shl(&mut self, s: u32) {
        let limbs = (s / 32) as usize;
        let bits = s % 32;
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if limbs > 0 {
            // Whole limbs of zeros below: a new vector rather than `splice` (whose drop glue
            // is larger code in the WebAssembly module than this), filled by `resize` (whose
            // instance `add` links anyway) rather than `vec![0; n]`.
            #[allow(clippy::slow_vector_initialization)] // smaller, as said; a few limbs
            let mut shifted = Vec::new();
            shifted.resize(limbs, 0);
            shifted.append(&mut self.0);
            self.0 = shifted;
        }
    }

    /// The top 64 bits `t` (top bit set), `e` such that the number is about `t × 2^e`, and
    /// whether any bit below `t` is set. Zero gives `(0, 0, false)`, which [`round`] never
    /// receives.
    fn top64(&self) -> (u64, i64, bool) {
        let bits = self.bits();
        if bits == 0 {
            return (0, 0, false);
        }
        let low = bits.saturating_sub(64);
        let mut top = 0u64;
        for i in (low..bits).rev() {
            top = (top << 1) | u64::from(self.bit(i));
        }
        top <<= 64 - (bits - low);
        let sticky = (0..low).any(|i| self.bit(i));
        (top, i64::from(bits) - 64, sticky)
    }

    fn bit(&self, i: u32) -> bool {
        self.0
            .get((i / 32) as usize)
            .is_some_and(|&l| l >> (i % 32) & 1 == 1)
    }

    /// `self / d` (a quotient of at most a few words) and whether a remainder is left.
    fn div_rem(mut self, d: &Big) -> (Big, bool) {
        let mut q = Big::default();
        let top = self.bits().saturating_sub(d.bits());
        for i in (0..=top).rev() {
            let mut shifted = d.clone();
            shifted.shl(i);
            if self.at_least(&shifted) {
                self.sub(&shifted);
                let mut one = Big(vec![1]);
                one.shl(i);
                q.add(&one);
            }
        }
        self.trim();
        (q, !self.0.is_empty())
    }

    fn at_least(&self, other: &Big) -> bool {
        let len = self.0.len().max(other.0.len());
        for i in (0..len).rev() {
            let (a, b) = (
                self.0.get(i).copied().unwrap_or(0),
                other.0.get(i).copied().unwrap_or(0),
            );
            if a != b {
                return a > b;
            }
        }
        true
    }

    /// `self -= other`, with `self >= other`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(v < 0);
            *limb = (v + (borrow << 32)) as u32;
        }
    }

    fn add(&mut self, other: &Big) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut carry = 0u64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = u64::from(*limb) + u64::from(other.0.get(i).copied().unwrap_or(0)) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse;
    use proptest::prelude::*;

    fn check(text: &str) {
        let expected: f64 = text.parse().expect("a decimal");
        let got = parse(text.as_bytes());
        assert_eq!(
            got.to_bits(),
            expected.to_bits(),
            "{text}: {got:e} != {expected:e}"
        );
    }

    /// `push_shortest` prints what serde_json's printer prints.
    fn printed_as_zmij(f: f64) {
        let mut out = String::new();
        super::push_shortest(&mut out, f);
        assert_eq!(
            out,
            zmij::Buffer::new().format_finite(f),
            "{f:e} ({:#x})",
            f.to_bits()
        );
    }

    #[test]
    fn shortest_edge_cases_print_as_zmij() {
        for f in [
            0.0,
            -0.0,
            1.0,
            -1.5,
            0.1,
            0.3,
            1e15,
            1e16,
            9.999999999999998e15,
            123456789.125,
            1e-5,
            1.5e-5,
            1e-6,
            1.25e-6,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            2f64.powi(60),
            1e22,
            1e23,
            0.30000000000000004,
            100.0,
            1234.5,
            1e300,
            1.7976931348623157e308,
            4.9e-324,
            9007199254740993.0,
            f64::from_bits(0x000f_ffff_ffff_ffff),
        ] {
            printed_as_zmij(f);
        }
        for e in -1074..1024 {
            printed_as_zmij(2f64.powi(e));
            printed_as_zmij(f64::from_bits(2f64.powi(e).to_bits().saturating_sub(1)));
        }
        for e in -324..309 {
            for m in ["1", "3.3", "9.999999999999999"] {
                let f: f64 = format!("{m}e{e}").parse().expect("a decimal");
                if f.is_finite() {
                    printed_as_zmij(f);
                }
            }
        }
    }

    #[test]
    fn edge_cases_round_as_the_standard_library_does() {
        for text in [
            "0", "0.0", "1", "1.5", "0.1", "0.3", "123.456", "1e22", "1e23", "9007199254740993",
            "9007199254740992.5", "9007199254740993.0000000001", "4503599627370497.5",
            "2.0000000000000001", "2.000000000000001", "1.7976931348623157e308",
            "1.7976931348623158e308", "1.7976931348623159e308", "1e308", "1e309", "1e400",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
            "4.9406564584124654e-324", "4.9e-324", "2.4703282292062327e-324",
            "2.4703282292062328e-324", "2.5e-324", "1e-324", "1e-400", "0.000001e-318",
            "9223372036854775807", "9223372036854775808", "9.223372036854775807e18",
            "18446744073709551615", "18446744073709551616", "123456789012345678901234567890",
            "7.3177701707893310e15", "1e-7", "8.589973e9", "5e-324", "1.0e-1", "100e-2",
            "0.0000000000000000000000000000000000001", "3.4028236692093846346337460743176821145e38",
            "2.225073858507201136057409796709131975934819546351645648023426109724822222021076945516529523908135087914149158913039621106870086438694594645527657207407820621743379988141063267329253552286881372149012981122451451889849057222307285255133155755015914397476397983411801999323962548289017107081850690630666655994938275772572015763062690663332647565300009245888316433037779791869612049497390377829704905051080609940730262937128958950003583799967207254304360284078895771796150945516748243471030702609144621572289880258182545180325707018860872113128079512233426288368622321503775666622503982534335974568884423900265498198385487948292206894721689831099698365846814022854243330660339850886445804001034933970427567186443383770486037861622771738545623065874679014086723327636718751234567890123456789012345678901e-308",
        ] {
            check(text);
        }
        let long = format!("1{}", "0".repeat(300));
        check(&long);
        check(&format!("0.{}1", "0".repeat(320)));
        check(&format!("{}e-1000", "9".repeat(1200)));
        check(&format!("1.{}1e10", "0".repeat(900)));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn random_decimals_round_as_the_standard_library_does(
            int in "(0|[1-9][0-9]{0,30})",
            frac in prop::option::of("[0-9]{1,30}"),
            exp in prop::option::of(-400i32..400),
        ) {
            let mut text = int;
            if let Some(f) = frac { text.push('.'); text.push_str(&f); }
            if let Some(e) = exp { text.push('e'); text.push_str(&e.to_string()); }
            check(&text);
        }

        #[test]
        fn doubles_printed_in_full_read_back(bits in any::<u64>()) {
            let f = f64::from_bits(bits >> 1); // non-negative
            if f.is_finite() {
                check(&format!("{f:e}"));
                check(&format!("{f:.40e}"));
            }
        }

        #[test]
        fn doubles_print_as_zmij(bits in any::<u64>()) {
            let f = f64::from_bits(bits);
            if f.is_finite() {
                printed_as_zmij(f);
            }
        }

        #[test]
        fn short_decimals_print_as_zmij(m in 0u64..100_000_000, e in -330i32..310) {
            let f: f64 = format!("{m}e{e}").parse().expect("a decimal");
            if f.is_finite() {
                printed_as_zmij(f);
            }
        }

        /// Exact halfway points between neighbouring doubles (ties, which round to even), and
        /// the decimals just above and below them.
        #[test]
        fn halfway_points_round_to_even(m in (1u64 << 52)..(1u64 << 53), e in -30i32..=70) {
            // halfway = (2m + 1) × 2^(e - 1), written exactly in decimal.
            let odd = u128::from(2 * m + 1);
            let text = if e >= 1 {
                (odd << (e - 1)).to_string()
            } else {
                // (2m + 1) / 2^(1 - e) = (2m + 1) × 5^(1 - e) / 10^(1 - e)
                let j = u32::try_from(1 - e).unwrap_or(0);
                let digits = (odd * 5u128.pow(j)).to_string();
                let j = j as usize;
                let (int, frac) = if digits.len() > j {
                    digits.split_at(digits.len() - j)
                } else {
                    ("", digits.as_str())
                };
                format!("{}.{}{frac}", if int.is_empty() { "0" } else { int }, "0".repeat(j.saturating_sub(frac.len())))
            };
            check(&text);
            check(&format!("{text}1"));
            check(&format!("{}e0", &text[..text.len() - 1]));
        }
    }
}
