//! Dates and date-times: RFC 3339 parsing and UTC formatting, without a date library.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time with one-second precision, as Unix seconds (UTC).
///
/// Serialises as `YYYY-MM-DDTHH:MM:SSZ` and deserialises from any RFC 3339 date-time or a
/// plain `YYYY-MM-DD` date (midnight UTC).
///
/// ```
/// use contactkit::Timestamp;
/// let t: Timestamp = "2024-05-01T14:00:00+02:00".parse()?;
/// assert_eq!(t.unix_seconds(), 1_714_564_800);
/// assert_eq!(t.to_string(), "2024-05-01T12:00:00Z");
/// let day: Timestamp = "1970-01-02".parse()?;
/// assert_eq!(day.unix_seconds(), 86_400);
/// assert!("0000-01-01T00:30:00+01:00".parse::<Timestamp>().is_err());
/// assert_eq!(Timestamp::from_unix_seconds(0).map(|t| t.to_string()).as_deref(), Some("1970-01-01T00:00:00Z"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// The earliest instant that can be written as `YYYY-...` (0000-01-01T00:00:00Z).
pub(super) const MIN_SECONDS: i64 = -62_167_219_200;
/// The latest instant that can be written as `YYYY-...` (9999-12-31T23:59:59Z).
pub(super) const MAX_SECONDS: i64 = 253_402_300_799;

impl Timestamp {
    /// A timestamp from Unix seconds, if it lies in the years 0000 to 9999.
    #[must_use]
    pub fn from_unix_seconds(seconds: i64) -> Option<Self> {
        (MIN_SECONDS..=MAX_SECONDS)
            .contains(&seconds)
            .then_some(Self(seconds))
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    #[must_use]
    pub const fn unix_seconds(self) -> i64 {
        self.0
    }

    /// The ISO-8601 UTC text, as [`Display`](fmt::Display) writes it (without `core::fmt`,
    /// for the conversions).
    pub(crate) fn text(self) -> String {
        // The range is checked at construction, so formatting always succeeds.
        format_unix_seconds(self.0).unwrap_or_default()
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// The error of parsing a [`Timestamp`] from text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError;

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an RFC 3339 date-time or YYYY-MM-DD date in the years 0000 to 9999 (UTC)")
    }
}

impl std::error::Error for TimestampError {}

impl std::str::FromStr for Timestamp {
    type Err = TimestampError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_iso_timestamp(s).ok_or(TimestampError)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// With the feature `chrono`: a [`Timestamp`] as a `chrono::DateTime<Utc>` (always possible: the
/// years 0000 to 9999 lie inside chrono's range).
///
/// ```
/// # #[cfg(feature = "chrono")] {
/// use chrono::{DateTime, Utc};
/// use contactkit::Timestamp;
/// let t: Timestamp = "2024-05-01T14:00:00+02:00".parse()?;
/// let dt = DateTime::<Utc>::from(t);
/// assert_eq!(dt.to_rfc3339(), "2024-05-01T12:00:00+00:00");
/// assert_eq!(Timestamp::try_from(dt), Ok(t));
/// # }
/// # Ok::<(), contactkit::TimestampError>(())
/// ```
#[cfg(feature = "chrono")]
#[cfg_attr(docsrs, doc(cfg(feature = "chrono")))]
impl From<Timestamp> for chrono::DateTime<chrono::Utc> {
    fn from(t: Timestamp) -> Self {
        // chrono holds the years -262143 to 262142; a Timestamp holds 0000 to 9999, so the
        // fallback (the Unix epoch) is never taken.
        Self::from_timestamp(t.0, 0).unwrap_or_default()
    }
}

/// With the feature `chrono`: a `chrono::DateTime<Utc>` as a [`Timestamp`], if it lies in the
/// years 0000 to 9999 (otherwise [`TimestampError`]). Fractions of a second are truncated, and
/// a leap second (`23:59:60`, which chrono holds as a 59th second of more than a billion
/// nanoseconds) is the next second, as when the same instant is parsed from its text.
///
/// ```
/// # #[cfg(feature = "chrono")] {
/// use chrono::{DateTime, Utc};
/// use contactkit::Timestamp;
/// let leap = DateTime::parse_from_rfc3339("2016-12-31T23:59:60.5Z")
///     .expect("a leap second")
///     .with_timezone(&Utc);
/// assert_eq!(Timestamp::try_from(leap).map(Timestamp::unix_seconds), Ok(1_483_228_800));
/// assert_eq!(Timestamp::try_from(leap).ok(), "2016-12-31T23:59:60.5Z".parse().ok());
/// assert!(Timestamp::try_from(DateTime::<Utc>::MAX_UTC).is_err());
/// # }
/// ```
#[cfg(feature = "chrono")]
#[cfg_attr(docsrs, doc(cfg(feature = "chrono")))]
impl TryFrom<chrono::DateTime<chrono::Utc>> for Timestamp {
    type Error = TimestampError;
    fn try_from(dt: chrono::DateTime<chrono::Utc>) -> Result<Self, Self::Error> {
        use chrono::Timelike;
        let leap = i64::from(dt.nanosecond() >= 1_000_000_000);
        dt.timestamp()
            .checked_add(leap)
            .and_then(Self::from_unix_seconds)
            .ok_or(TimestampError)
    }
}

/// Parses an RFC 3339 date-time (any offset) or a `YYYY-MM-DD` date (midnight UTC).
/// Fractions of a second are truncated.
///
/// `None` also for a valid text whose instant lies outside the years 0000 to 9999 in UTC,
/// which a [`Timestamp`] cannot hold: `0000-01-01T00:30:00+01:00` is half an hour before
/// `0000-01-01T00:00:00Z`.
///
/// (What `Timestamp::from_str` reads: `"1970-01-02".parse::<Timestamp>()` is 86,400 seconds,
/// `"0000-01-01T00:30:00+01:00"` is an error.)
#[must_use]
pub(crate) fn parse_iso_timestamp(s: &str) -> Option<Timestamp> {
    let seconds = if s.len() == 10 {
        parse_date(s)? * 86_400
    } else {
        parse_date_time(s)?
    };
    Timestamp::from_unix_seconds(seconds)
}

/// Whether `s` is an RFC 3339 date-time (any offset) or a `YYYY-MM-DD` date, the JSON Schema
/// `date-time` or `date` format: a valid text even where its instant falls outside the years
/// a [`Timestamp`] holds.
pub(super) fn is_date_or_date_time(s: &str) -> bool {
    if s.len() == 10 {
        parse_date(s).is_some()
    } else {
        parse_date_time(s).is_some()
    }
}

/// Formats Unix seconds as `YYYY-MM-DDTHH:MM:SSZ`; `None` outside the years 0000 to 9999.
/// (What a [`Timestamp`] displays.)
#[must_use]
pub(crate) fn format_unix_seconds(seconds: i64) -> Option<String> {
    if !(MIN_SECONDS..=MAX_SECONDS).contains(&seconds) {
        return None;
    }
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    // `{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z` by hand (no `core::fmt` in the browsers'
    // full module for this alone); the year is 0000 to 9999 in this range.
    let mut out = String::with_capacity(20);
    for (n, width, after) in [
        (y, 4, '-'),
        (m, 2, '-'),
        (d, 2, 'T'),
        (secs / 3600, 2, ':'),
        (secs % 3600 / 60, 2, ':'),
        (secs % 60, 2, 'Z'),
    ] {
        let mut unit = 10_i64.pow(width - 1);
        while unit > 0 {
            let digit = u8::try_from((n / unit).rem_euclid(10)).unwrap_or(0);
            out.push(char::from(b'0' + digit));
            unit /= 10;
        }
        out.push(after);
    }
    Some(out)
}

/// `YYYY-MM-DD` that exists in the proleptic Gregorian calendar → days since 1970-01-01.
pub(super) fn parse_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&b[0..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// An RFC 3339 `date-time` → Unix seconds (fraction truncated).
///
/// `T`/`Z` may be lower case (RFC 3339 §5.6). A leap second (`:60`) is accepted only where it can
/// occur, at 23:59 UTC, as the JSON Schema `date-time` format does.
pub(super) fn parse_date_time(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't') {
        return None;
    }
    let days = parse_date(s.get(0..10)?)?;
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let hour = digits(&b[11..13])?;
    let minute = digits(&b[14..16])?;
    let second = digits(&b[17..19])?;
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &b[19..];
    if let Some((b'.', fraction)) = rest.split_first() {
        let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        rest = fraction.get(n..)?;
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let oh = digits(&[*h1, *h2])?;
            let om = digits(&[*m1, *m2])?;
            if oh > 23 || om > 59 {
                return None;
            }
            let minutes = oh * 60 + om;
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => return None,
    };
    let local_minutes = hour * 60 + minute;
    if second == 60 && (local_minutes - offset).rem_euclid(1440) != 1439 {
        return None;
    }
    Some(days * 86_400 + local_minutes * 60 + second - offset * 60)
}

fn digits(b: &[u8]) -> Option<i64> {
    b.iter().try_fold(0i64, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
    })
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's `days_from_civil`.
pub(super) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Howard Hinnant's `civil_from_days`.
pub(super) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_table() {
        for (s, ok) in [
            ("2024-02-29", true),
            ("2023-02-29", false),
            ("1900-02-29", false),
            ("2000-02-29", true),
            ("2024-04-31", false),
            ("2024-13-01", false),
            ("2024-00-10", false),
            ("2024-01-00", false),
            ("0000-01-01", true),
            ("9999-12-31", true),
            ("2024-1-01", false),
            ("20240101", false),
            ("２０２４-01-01", false),
        ] {
            assert_eq!(parse_date(s).is_some(), ok, "{s:?}");
        }
    }

    #[test]
    fn date_time_table() {
        for (s, expect) in [
            ("1970-01-01T00:00:00Z", Some(0)),
            ("1970-01-01t00:00:00z", Some(0)),
            ("2024-05-01T14:00:00+02:00", Some(1_714_564_800)),
            ("2024-05-01T12:00:00.999Z", Some(1_714_564_800)),
            ("1969-12-31T23:59:59Z", Some(-1)),
            ("1960-01-01T00:00:00-05:30", Some(-315_599_400)),
            ("2016-12-31T23:59:60Z", Some(1_483_228_800)),
            ("2016-12-31T12:00:60Z", None),
            ("2024-05-01T24:00:00Z", None),
            ("2024-05-01T12:60:00Z", None),
            ("2024-05-01T12:00:00", None),
            ("2024-05-01 12:00:00Z", None),
            ("2024-05-01T12:00:00.Z", None),
            ("2024-05-01T12:00:00+0200", None),
            ("2024-05-01T12:00:00+24:00", None),
            ("2024-02-30T12:00:00Z", None),
        ] {
            assert_eq!(parse_date_time(s), expect, "{s:?}");
        }
    }

    #[test]
    fn formats_utc_and_round_trips() {
        assert_eq!(
            format_unix_seconds(0).as_deref(),
            Some("1970-01-01T00:00:00Z")
        );
        assert_eq!(
            format_unix_seconds(-1).as_deref(),
            Some("1969-12-31T23:59:59Z")
        );
        assert_eq!(
            format_unix_seconds(1_571_672_154).as_deref(),
            Some("2019-10-21T15:35:54Z")
        );
        assert_eq!(
            format_unix_seconds(MAX_SECONDS).as_deref(),
            Some("9999-12-31T23:59:59Z")
        );
        assert_eq!(
            format_unix_seconds(MIN_SECONDS).as_deref(),
            Some("0000-01-01T00:00:00Z")
        );
        assert_eq!(format_unix_seconds(MAX_SECONDS + 1), None);
        for s in [
            -62_167_219_200,
            -1,
            0,
            951_782_400,
            4_102_444_800,
            MAX_SECONDS,
        ] {
            let text = format_unix_seconds(s).unwrap_or_default();
            assert_eq!(parse_date_time(&text), Some(s), "{text}");
        }
        assert_eq!(
            parse_iso_timestamp("2024-05-01").map(Timestamp::unix_seconds),
            Some(1_714_521_600)
        );
    }
}
