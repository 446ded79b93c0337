//! Independent oracles for the hand-written predicates of this module (unit tests only).
//!
//! - Every string format with a published `pattern` (email, URL, UUID, E.164, slug, attribute
//!   key) must give the verdict of that pattern compiled by the `regex` crate, on strings
//!   generated from the pattern and on near misses: one character replaced, inserted, removed or
//!   repeated (from the pattern's alphabet, its neighbours, controls and non-ASCII look-alikes),
//!   lengths at the boundaries, and random strings over a small alphabet.
//! - Dates and date-times (published as `format: date` / `date-time`, RFC 3339 §5.6) must be
//!   accepted exactly when the RFC 3339 grammar matches and `chrono` accepts the values, at the
//!   same instant; Unix seconds ↔ `YYYY-MM-DDTHH:MM:SSZ` must agree with `chrono` over the
//!   years 0000–9999, every day of them, leap days, offsets, and the whole `i64` range.
//!
//! `regex` and `chrono` are dev-dependencies: the library itself stays free of a regex engine
//! and a date library (DESIGN.md), so its WebAssembly build stays small.

use std::cell::Cell;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestRunner;
use regex::Regex;

use super::time::{
    civil_from_days, days_from_civil, format_unix_seconds, parse_date, parse_date_time,
    parse_iso_timestamp, Timestamp, MAX_SECONDS, MIN_SECONDS,
};
use super::StringFormat;

/// The formats whose published schema keyword is a `pattern`.
const PATTERN_FORMATS: [StringFormat; 6] = [
    StringFormat::Email,
    StringFormat::HttpUrl,
    StringFormat::Uuid,
    StringFormat::E164,
    StringFormat::Slug,
    StringFormat::AttributeKey,
];

/// Generated cases per property (each checks several strings: see the properties).
const CASES: u32 = 2_000;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn published_pattern(format: StringFormat) -> String {
    format
        .schema()
        .get("pattern")
        .and_then(crate::json::Json::as_str)
        .unwrap_or_else(|| panic!("{format:?} publishes a pattern"))
        .to_owned()
}

/// The published pattern compiled by `regex` (ECMA-262 and Rust read these patterns alike: no
/// `\d`, `\w`, `.` or flags; `$` only at the end of the text).
fn oracle(format: StringFormat) -> &'static Regex {
    static ORACLES: LazyLock<Vec<(StringFormat, Regex)>> = LazyLock::new(|| {
        PATTERN_FORMATS
            .iter()
            .map(|&f| {
                let pattern = published_pattern(f);
                let regex = Regex::new(&pattern)
                    .unwrap_or_else(|e| panic!("{f:?}: the published pattern compiles: {e}"));
                (f, regex)
            })
            .collect()
    });
    ORACLES
        .iter()
        .find(|(f, _)| *f == format)
        .map(|(_, r)| r)
        .unwrap_or_else(|| panic!("{format:?} has no pattern"))
}

/// Characters just outside and inside the formats' alphabets: every printable ASCII character,
/// controls at the class edges, and non-ASCII look-alikes (accented letters, other scripts'
/// digits, full-width forms, zero-width and non-breaking spaces, an emoji, the last scalar).
static NEAR: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut chars: Vec<char> = (0x20u8..0x7f).map(char::from).collect();
    chars.extend([
        '\0',
        '\t',
        '\n',
        '\r',
        '\u{1f}',
        '\u{7f}',
        '\u{80}',
        '\u{a0}',
        'é',
        'ß',
        'ı',
        'K',
        'Ａ',
        '１',
        '٣',
        '߀',
        '－',
        '＠',
        '。',
        '\u{200b}',
        '\u{feff}',
        '😀',
        '\u{10ffff}',
    ]);
    chars
});

/// One edit of `s` at character position `at` (modulo the length): 0 replace, 1 insert before,
/// 2 remove, 3 repeat, 4 swap with the next character.
fn mutate(s: &str, op: u8, at: usize, c: char) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return c.to_string();
    }
    let i = at % chars.len();
    match op % 5 {
        0 => chars[i] = c,
        1 => chars.insert(i, c),
        2 => {
            chars.remove(i);
        }
        3 => chars.insert(i, chars[i]),
        _ => {
            let j = (i + 1) % chars.len();
            chars.swap(i, j);
        }
    }
    chars.into_iter().collect()
}

/// A string matching the published pattern (generated from it without its `^…$` anchors),
/// followed by up to four cumulative edits.
fn pattern_and_mutants(format: StringFormat) -> impl Strategy<Value = Vec<String>> {
    let pattern = published_pattern(format);
    let inner = pattern
        .strip_prefix('^')
        .and_then(|p| p.strip_suffix('$'))
        .unwrap_or_else(|| panic!("{format:?}: the pattern is anchored at both ends"))
        .to_owned();
    let base = proptest::string::string_regex(&inner)
        .unwrap_or_else(|e| panic!("{format:?}: proptest generates from {inner}: {e}"));
    with_edits(base, "", 4)
}

/// A text followed by up to `max` cumulative single-character edits of it, with characters
/// from [`NEAR`] and `extra`.
fn with_edits(
    text: impl Strategy<Value = String>,
    extra: &str,
    max: usize,
) -> impl Strategy<Value = Vec<String>> {
    let near: Vec<char> = NEAR.iter().copied().chain(extra.chars()).collect();
    let edits = prop::collection::vec((0u8..5, any::<usize>(), select(near)), 0..=max);
    (text, edits).prop_map(|(text, edits)| {
        let mut out = vec![text];
        for (op, at, c) in edits {
            let next = mutate(out.last().map_or("", String::as_str), op, at, c);
            out.push(next);
        }
        out
    })
}

/// Random characters from `alphabet`, `len` of them.
fn soup(alphabet: &str, len: std::ops::RangeInclusive<usize>) -> BoxedStrategy<String> {
    let chars: Vec<char> = alphabet.chars().collect();
    prop::collection::vec(select(chars), len)
        .prop_map(|v| v.into_iter().collect())
        .boxed()
}

/// A random string shaped like the format (its parts and delimiters), each part drawn from the
/// part's alphabet plus a few characters that do not belong there: near misses on both sides.
fn alphabet_soup(format: StringFormat) -> BoxedStrategy<String> {
    match format {
        StringFormat::Email => (
            soup("aZ09.!#$%&'*+/=?^_`{|}~- é@", 0..=8),
            soup("aZ09.-_ é@", 0..=12),
        )
            .prop_map(|(local, domain)| format!("{local}@{domain}"))
            .boxed(),
        StringFormat::HttpUrl => (
            select(vec![
                "http://", "https://", "HtTpS://", "http:/", "ftp://", "https//", "",
            ]),
            soup("aZ09.-_~!$&'()*+,;=%:@[]é ", 0..=12),
            soup(":0123456789", 0..=7),
            soup("/?#aZ09é \t\u{7f}", 0..=6),
        )
            .prop_map(|(scheme, host, port, tail)| format!("{scheme}{host}{port}{tail}"))
            .boxed(),
        StringFormat::Uuid => {
            let hex = "0123456789abcdefABCDEF";
            let group =
                |n: usize| prop_oneof![3 => soup(hex, n..=n), 1 => soup(hex, n - 1..=n + 1)];
            let sep = || select(vec!['-', '-', '-', '-', '_']);
            (
                (group(8), sep(), group(4), sep(), group(4)),
                (sep(), group(4), sep(), group(12)),
            )
                .prop_map(|((a, s1, b, s2, c), (s3, d, s4, e))| {
                    format!("{a}{s1}{b}{s2}{c}{s3}{d}{s4}{e}")
                })
                .boxed()
        }
        StringFormat::E164 => (
            select(vec!["+", "+", "+", "", "++", "00"]),
            soup("0123456789 -٣", 0..=17),
        )
            .prop_map(|(plus, digits)| format!("{plus}{digits}"))
            .boxed(),
        _ => soup("aZ09_-. é", 0..=130),
    }
}

/// Runs [`CASES`] cases of `strategy`, checking every string of each; returns how many strings
/// were checked and how many `check` accepted. Prints the counts (`--nocapture` shows them).
fn run_cases(
    what: &str,
    strategy: impl Strategy<Value = Vec<String>>,
    check: impl Fn(&str) -> Result<bool, TestCaseError>,
) -> (usize, usize) {
    let checked = Cell::new(0);
    let accepted = Cell::new(0);
    let mut runner = TestRunner::new(config());
    let result = runner.run(&strategy, |strings| {
        for s in &strings {
            let ok = check(s)?;
            checked.set(checked.get() + 1);
            accepted.set(accepted.get() + usize::from(ok));
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{what}: {e}");
    }
    eprintln!(
        "{what}: {CASES} cases, {} strings checked, {} accepted",
        checked.get(),
        accepted.get()
    );
    (checked.get(), accepted.get())
}

fn agrees_with_pattern(format: StringFormat, s: &str) -> Result<bool, TestCaseError> {
    let ours = format.matches(s);
    prop_assert_eq!(
        ours,
        oracle(format).is_match(s),
        "{:?} disagrees with its published pattern on {:?}",
        format,
        s
    );
    Ok(ours)
}

/// Per format: 2,000 strings generated from the pattern, each followed by up to four
/// cumulative edits; then 2,000 random strings over the format's alphabet.
#[test]
fn pattern_predicates_agree_with_regex() {
    let cases = CASES as usize;
    for format in PATTERN_FORMATS {
        let check = |s: &str| agrees_with_pattern(format, s);
        let (checked, accepted) = run_cases(
            &format!("{format:?}, generated and edited"),
            pattern_and_mutants(format),
            check,
        );
        // Every generated string matches; the edits give near misses on both sides.
        assert!(accepted >= cases && accepted < checked, "{format:?}");
        assert!(checked > 2 * cases, "{format:?}: edits were made");
        let (checked, accepted) = run_cases(
            &format!("{format:?}, alphabet soup"),
            alphabet_soup(format).prop_map(|s| vec![s]),
            check,
        );
        assert_eq!(checked, cases);
        assert!(
            accepted > 0 && accepted < checked,
            "{format:?}: both verdicts"
        );
    }
}

/// Lengths at every boundary the patterns state, in ASCII and in multi-byte characters.
#[test]
fn pattern_predicates_agree_with_regex_at_length_boundaries() {
    let mut checked = 0;
    for n in 0..=130 {
        let key = "k".repeat(n);
        let non_ascii = "é".repeat(n);
        for format in [StringFormat::Slug, StringFormat::AttributeKey] {
            for s in [&key, &non_ascii] {
                assert_eq!(
                    format.matches(s),
                    oracle(format).is_match(s),
                    "{format:?} {n}"
                );
                checked += 1;
            }
        }
        let label = "a".repeat(n);
        let hyphened = format!("a{}a", "-".repeat(n.saturating_sub(2)));
        for s in [
            format!("x@{label}.com"),
            format!("x@{hyphened}"),
            format!("{label}@x"),
            format!("https://{label}:{}", "8".repeat(n.min(7))),
            format!("+{}", "1".repeat(n)),
            format!("+0{}", "1".repeat(n)),
            format!("{}-{}", "a".repeat(n.min(9)), "0".repeat(27)),
        ] {
            for format in PATTERN_FORMATS {
                assert_eq!(
                    format.matches(&s),
                    oracle(format).is_match(&s),
                    "{format:?} {s:?}"
                );
                checked += 1;
            }
        }
    }
    for uuid_len in 30..40 {
        let s: String = (0..uuid_len)
            .map(|i| {
                if [8, 13, 18, 23].contains(&i) {
                    '-'
                } else {
                    'f'
                }
            })
            .collect();
        assert_eq!(
            StringFormat::Uuid.matches(&s),
            oracle(StringFormat::Uuid).is_match(&s),
            "{s}"
        );
        checked += 1;
    }
    assert_eq!(checked, 131 * (4 + 7 * 6) + 10);
}

/// Every pattern in every published schema is one of the patterns checked above, or an
/// any-case enum (`^(?:[Mm][Aa]…|…)$`, see `spec/schema.rs`).
#[test]
fn every_published_pattern_has_an_oracle() {
    fn patterns(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    match (k.as_str(), v) {
                        ("pattern", serde_json::Value::String(p)) => out.push(p.clone()),
                        _ => patterns(v, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| patterns(v, out)),
            _ => {}
        }
    }
    let any_case =
        Regex::new(r"^\^\(\?:(?:\[[A-Z][a-z]\]|[0-9_-])+(?:\|(?:\[[A-Z][a-z]\]|[0-9_-])+)*\)\$$")
            .expect("compiles");
    let checked: Vec<String> = PATTERN_FORMATS
        .iter()
        .map(|&f| published_pattern(f))
        .collect();
    let mut found = Vec::new();
    for format in crate::Format::EVERY {
        let schema: serde_json::Value =
            serde_json::from_str(format.schema()).expect("the schema is JSON");
        patterns(&schema, &mut found);
    }
    assert!(found.len() >= PATTERN_FORMATS.len());
    for pattern in found {
        assert!(
            checked.contains(&pattern) || any_case.is_match(&pattern),
            "a published pattern without an oracle: {pattern}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Dates and times against chrono.

/// RFC 3339 §5.6 `full-date`, as a grammar only (values are chrono's business).
static FULL_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("^[0-9]{4}-[0-9]{2}-[0-9]{2}$").expect("compiles"));

/// RFC 3339 §5.6 `date-time` (`T` and `Z` in either case, §5.6 note), as a grammar only.
static DATE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})$")
        .expect("compiles")
});

const EPOCH_DAYS_CE: i64 = 719_163; // days from 0001-01-01 to 1970-01-01

/// chrono's reading of a `YYYY-MM-DD` date: days since 1970-01-01.
fn chrono_date(s: &str) -> Option<i64> {
    if !FULL_DATE.is_match(s) {
        return None;
    }
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some(i64::from(date.num_days_from_ce()) - EPOCH_DAYS_CE)
}

/// chrono's reading of an RFC 3339 date-time: Unix seconds, the fraction truncated. chrono
/// accepts a leap second (`:60`) in any minute and reads it as the 59th second plus one whole
/// second of nanoseconds; the JSON Schema `date-time` format (and contactkit) accept it only at
/// 23:59:60 UTC, the only place one has ever been inserted, as the next instant's second.
fn chrono_date_time(s: &str) -> Option<i64> {
    if !DATE_TIME.is_match(s) {
        return None;
    }
    let dt = DateTime::parse_from_rfc3339(s).ok()?;
    let leap = dt.nanosecond() >= 1_000_000_000;
    let utc = dt.with_timezone(&Utc);
    if leap && (utc.hour(), utc.minute(), utc.second()) != (23, 59, 59) {
        return None;
    }
    Some(dt.timestamp() + i64::from(leap))
}

/// chrono's `YYYY-MM-DDTHH:MM:SSZ` for Unix seconds, where the year has four digits.
fn chrono_format(seconds: i64) -> Option<String> {
    let dt = DateTime::<Utc>::from_timestamp(seconds, 0)?;
    (0..=9999)
        .contains(&dt.year())
        .then(|| dt.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// Years that stress the calendar: the ends of the range, century and 400-year leap rules.
const SPECIAL_YEARS: [i64; 14] = [
    0, 1, 4, 100, 400, 1582, 1900, 1969, 1970, 2000, 2100, 2400, 9600, 9999,
];

fn year() -> impl Strategy<Value = i64> {
    prop_oneof![0i64..=9999, select(SPECIAL_YEARS.to_vec())]
}

fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Any month and day, valid or not.
        (year(), 0i64..=13, 0i64..=32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        // Around the end of February.
        (year(), 27i64..=31).prop_map(|(y, d)| format!("{y:04}-02-{d:02}")),
        // Around the ends of the months.
        (year(), 1i64..=12, 28i64..=32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        // The first and last days that can be written, whose instants an offset can move out
        // of the years 0000 to 9999.
        select(vec!["0000-01-01", "9999-12-31"]).prop_map(str::to_owned),
    ]
}

fn offset_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => select(vec![
            "Z", "z", "+00:00", "-00:00", "+23:59", "-23:59", "+24:00", "+05:60"
        ])
        .prop_map(str::to_owned),
        3 => (select(vec!['+', '-']), 0u32..=25, 0u32..=61)
            .prop_map(|(sign, h, m)| format!("{sign}{h:02}:{m:02}")),
        1 => (select(vec!['+', '-']), 0u32..=24, 0u32..=60)
            .prop_map(|(sign, h, m)| format!("{sign}{h:02}{m:02}")),
        1 => Just(String::new()),
    ]
}

/// A leap second at the local time whose UTC time is 23:59 (or a minute either side), under
/// any offset.
fn leap_second_text() -> impl Strategy<Value = String> {
    (
        date_text(),
        select(vec!['+', '-']),
        0i64..=23,
        0i64..=59,
        -1i64..=1,
    )
        .prop_map(|(date, sign, h, m, nudge)| {
            let offset = (h * 60 + m) * if sign == '-' { -1 } else { 1 };
            let local = (1439 + offset + nudge).rem_euclid(1440);
            format!(
                "{date}T{:02}:{:02}:60{sign}{h:02}:{m:02}",
                local / 60,
                local % 60
            )
        })
}

fn date_time_text() -> impl Strategy<Value = String> {
    prop_oneof![4 => any_date_time_text(), 1 => leap_second_text()]
}

fn any_date_time_text() -> impl Strategy<Value = String> {
    let fraction = prop_oneof![
        3 => Just(String::new()),
        1 => Just(".".to_owned()),
        3 => "[0-9]{1,12}".prop_map(|d| format!(".{d}")),
    ];
    let second = prop_oneof![8 => 0u32..=59, 1 => Just(60u32), 1 => Just(61u32)];
    let hour_minute = prop_oneof![
        4 => (0u32..=24, 0u32..=60),
        1 => Just((23u32, 59u32)),
        1 => Just((0u32, 0u32)),
    ];
    let date = prop_oneof![
        2 => (year(), 1i64..=12, 1i64..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => date_text(),
    ];
    (
        date,
        select(vec!['T', 'T', 'T', 't', ' ', '_']),
        hour_minute,
        second,
        fraction,
        offset_text(),
    )
        .prop_map(|(date, sep, (h, m), s, fraction, offset)| {
            format!("{date}{sep}{h:02}:{m:02}:{s:02}{fraction}{offset}")
        })
}

/// A date or date-time text and up to three edits of it (digits and separators included).
fn with_date_edits(text: impl Strategy<Value = String>) -> impl Strategy<Value = Vec<String>> {
    with_edits(text, "0123456789-:.+TZtz", 3)
}

/// Checks one text against chrono; returns whether contactkit reads it as a date or date-time.
fn check_text(s: &str) -> Result<bool, TestCaseError> {
    let date = chrono_date(s);
    prop_assert_eq!(parse_date(s), date, "date {:?}", s);
    let date_time = chrono_date_time(s);
    prop_assert_eq!(parse_date_time(s), date_time, "date-time {:?}", s);
    // A Timestamp is a date (midnight UTC) or a date-time, whose instant lies in the years
    // 0000 to 9999 UTC (what `YYYY-MM-DDTHH:MM:SSZ` can write).
    let instant = if s.len() == 10 {
        date.map(|d| d * 86_400)
    } else {
        date_time
    };
    let expected = instant.filter(|t| chrono_format(*t).is_some());
    let parsed = parse_iso_timestamp(s);
    prop_assert_eq!(
        parsed.map(Timestamp::unix_seconds),
        expected,
        "timestamp {:?}",
        s
    );
    prop_assert_eq!(StringFormat::Date.matches(s), date.is_some(), "{:?}", s);
    prop_assert_eq!(
        StringFormat::DateTime.matches(s),
        date_time.is_some(),
        "{:?}",
        s
    );
    prop_assert_eq!(
        StringFormat::IsoDateOrDateTime.matches(s),
        date.is_some() || date_time.is_some(),
        "{:?}",
        s
    );
    if let Some(t) = parsed {
        // Display is chrono's UTC form, and reads back as the same instant.
        let text = t.to_string();
        prop_assert_eq!(Some(text.clone()), chrono_format(t.unix_seconds()));
        prop_assert_eq!(parse_iso_timestamp(&text), Some(t));
    }
    Ok(date.is_some() || date_time.is_some())
}

/// 2,000 dates (any month and day, the ends of February and of the months, the first and last
/// days that can be written) and 2,000 date-times (any separator, hour, minute, second,
/// fraction and offset, valid or not), each followed by up to three single-character edits.
#[test]
fn dates_and_date_times_agree_with_chrono() {
    let (checked, accepted) = run_cases("dates", with_date_edits(date_text()), check_text);
    assert!(accepted > CASES as usize / 4 && accepted < checked);
    let (checked, accepted) =
        run_cases("date-times", with_date_edits(date_time_text()), check_text);
    assert!(accepted > CASES as usize / 20 && accepted < checked);
}

proptest! {
    #![proptest_config(config())]

    /// 2,000 Unix times from the whole i64 range, around the ends of the years 0000–9999 and
    /// around chrono's own limits, written and read back.
    #[test]
    fn unix_seconds_agree_with_chrono(seconds in prop_oneof![
        any::<i64>(),
        MIN_SECONDS - 200_000..MAX_SECONDS + 200_000,
        (MIN_SECONDS - 86_400 * 2)..(MIN_SECONDS + 86_400 * 2),
        (MAX_SECONDS - 86_400 * 2)..(MAX_SECONDS + 86_400 * 2),
        select(vec![i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX - 1, i64::MAX]),
        Just(DateTime::<Utc>::MIN_UTC.timestamp()),
        Just(DateTime::<Utc>::MAX_UTC.timestamp()),
    ]) {
        let expected = chrono_format(seconds);
        prop_assert_eq!(format_unix_seconds(seconds), expected.clone(), "{}", seconds);
        prop_assert_eq!(
            Timestamp::from_unix_seconds(seconds).map(|t| t.to_string()),
            expected.clone(),
            "{}",
            seconds
        );
        if let Some(text) = expected {
            prop_assert_eq!(
                parse_iso_timestamp(&text).map(Timestamp::unix_seconds),
                Some(seconds)
            );
        }
    }
}

/// Every day of the years 0000 to 9999 (3,652,425 days): the calendar arithmetic behind
/// parsing and formatting agrees with chrono's, and each day's first and last second format
/// as chrono does every 97th day (a stride co-prime with weeks, months and years).
#[test]
fn every_day_of_the_years_0000_to_9999_agrees_with_chrono() {
    let first = days_from_civil(0, 1, 1);
    let last = days_from_civil(9999, 12, 31);
    assert_eq!(first * 86_400, MIN_SECONDS);
    assert_eq!(last * 86_400 + 86_399, MAX_SECONDS);
    let mut date = NaiveDate::from_ymd_opt(0, 1, 1).expect("chrono has year 0");
    let mut days = 0;
    for day in first..=last {
        let (y, m, d) = civil_from_days(day);
        assert_eq!(
            (y, m, d),
            (
                i64::from(date.year()),
                i64::from(date.month()),
                i64::from(date.day())
            ),
            "day {day}"
        );
        assert_eq!(days_from_civil(y, m, d), day);
        if day % 97 == 0 {
            for second in [day * 86_400, day * 86_400 + 86_399] {
                assert_eq!(format_unix_seconds(second), chrono_format(second));
            }
        }
        date = date.succ_opt().unwrap_or(date);
        days += 1;
    }
    assert_eq!(days, 3_652_425);
    assert_eq!(format_unix_seconds(MIN_SECONDS - 1), None);
    assert_eq!(format_unix_seconds(MAX_SECONDS + 1), None);
}

/// The feature `chrono`: `Timestamp` ↔ `DateTime<Utc>` agrees with the text forms.
#[cfg(feature = "chrono")]
mod feature {
    use super::*;

    proptest! {
        #![proptest_config(config())]

        /// 2,000 instants: in range they convert both ways unchanged; out of range the
        /// conversion to a Timestamp fails, as parsing their text does.
        #[test]
        fn conversions_round_trip(seconds in prop_oneof![
            MIN_SECONDS..=MAX_SECONDS,
            (MIN_SECONDS - 86_400)..(MIN_SECONDS + 86_400),
            (MAX_SECONDS - 86_400)..(MAX_SECONDS + 86_400),
            DateTime::<Utc>::MIN_UTC.timestamp()..=DateTime::<Utc>::MAX_UTC.timestamp(),
        ], nanos in 0u32..1_000_000_000) {
            let dt = DateTime::<Utc>::from_timestamp(seconds, nanos).expect("in chrono's range");
            match Timestamp::from_unix_seconds(seconds) {
                Some(t) => {
                    prop_assert_eq!(Timestamp::try_from(dt), Ok(t));
                    let back = DateTime::<Utc>::from(t);
                    prop_assert_eq!(back.timestamp(), seconds);
                    prop_assert_eq!(back.nanosecond(), 0);
                    prop_assert_eq!(back.to_rfc3339_opts(chrono::SecondsFormat::Secs, true), t.to_string());
                }
                None => prop_assert!(Timestamp::try_from(dt).is_err()),
            }
        }

        /// 2,000 date-times and their edits: chrono's parse, converted, is contactkit's parse.
        #[test]
        fn parsed_text_converts_like_contactkit_parses(texts in with_date_edits(date_time_text())) {
            for s in &texts {
                if chrono_date_time(s).is_some() {
                    let dt = DateTime::parse_from_rfc3339(s).expect("accepted above");
                    prop_assert_eq!(
                        Timestamp::try_from(dt.with_timezone(&Utc)).ok(),
                        parse_iso_timestamp(s),
                        "{:?}",
                        s
                    );
                }
            }
        }
    }
}
