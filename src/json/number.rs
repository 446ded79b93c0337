//! JSON numbers, classified as serde_json classifies them.

/// A JSON number as serde_json reads it: a non-negative integer that fits `u64`, a negative
/// one that fits `i64`, and everything else (fractions, exponents, `-0`, integers beyond 64
/// bits) as the nearest `f64`. The distinction matters for the rules: `1.0` and `1` are both
/// integers (JSON Schema's definition), but `18446744073709551616` is a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A non-negative integer up to `u64::MAX`.
    U64(u64),
    /// A negative integer down to `i64::MIN`.
    I64(i64),
    /// Any other number; always finite.
    F64(f64),
}

/// An integer-valued JSON number, and whether it fits `i64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Integer {
    /// Fits `i64`.
    InRange(i64),
    /// An integer outside `i64` (e.g. `1e20` or `18446744073709551615`).
    OutOfRange,
}

#[cfg(contactkit_value = "lite")]
impl Integer {
    /// The integer, if it fits `i64`.
    pub(crate) fn in_range(self) -> Option<i64> {
        match self {
            Integer::InRange(n) => Some(n),
            Integer::OutOfRange => None,
        }
    }
}

impl Number {
    /// The integer the number holds: like JSON Schema, a number with a zero fractional part
    /// (`1.0`, `1e3`) is an integer. `None` for fractional numbers.
    pub(crate) fn integer(self) -> Option<Integer> {
        match self {
            Number::U64(n) => Some(i64::try_from(n).map_or(Integer::OutOfRange, Integer::InRange)),
            Number::I64(n) => Some(Integer::InRange(n)),
            Number::F64(f) => {
                if !f.is_finite() || f.fract() != 0.0 {
                    return None;
                }
                // i64::MIN is -2^63 exactly; i64::MAX as f64 rounds up to 2^63, which is out
                // of range.
                #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
                Some(if f >= i64::MIN as f64 && f < i64::MAX as f64 {
                    Integer::InRange(f as i64)
                } else {
                    Integer::OutOfRange
                })
            }
        }
    }

    /// The number of a `serde_json::Number`, as serde_json's deserializer hands it out.
    pub(crate) fn of(n: &serde_json::Number) -> Number {
        if let Some(u) = n.as_u64() {
            Number::U64(u)
        } else if let Some(i) = n.as_i64() {
            Number::I64(i)
        } else {
            Number::F64(n.as_f64().unwrap_or(f64::NAN))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Integer, Number};

    #[test]
    fn integer_table() {
        for (n, expected) in [
            (Number::U64(0), Some(Integer::InRange(0))),
            (Number::I64(-7), Some(Integer::InRange(-7))),
            (Number::F64(7.0), Some(Integer::InRange(7))),
            (Number::F64(-0.0), Some(Integer::InRange(0))),
            (
                Number::U64(9_223_372_036_854_775_807),
                Some(Integer::InRange(i64::MAX)),
            ),
            (Number::I64(i64::MIN), Some(Integer::InRange(i64::MIN))),
            (
                Number::F64(-9_223_372_036_854_775_808.0),
                Some(Integer::InRange(i64::MIN)),
            ),
            (
                Number::U64(9_223_372_036_854_775_808),
                Some(Integer::OutOfRange),
            ),
            (Number::U64(u64::MAX), Some(Integer::OutOfRange)),
            // 2^63 as a float: one above i64::MAX.
            (
                Number::F64(9_223_372_036_854_775_808.0),
                Some(Integer::OutOfRange),
            ),
            (Number::F64(1e19), Some(Integer::OutOfRange)),
            (Number::F64(-1e19), Some(Integer::OutOfRange)),
            (Number::F64(1e300), Some(Integer::OutOfRange)),
            (Number::F64(7.5), None),
            (Number::F64(-0.5), None),
        ] {
            assert_eq!(n.integer(), expected, "{n:?}");
        }
    }
}
