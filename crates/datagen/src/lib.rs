//! Deterministic, realistic, multilingual test contacts for contactkit.
//!
//! [`Generator`] draws one person per record number from a seed, then shows a random subset of
//! that person in one of five payload formats ([`Vendor`]): Sequence "Create Person", Intercom
//! "Create contact" (API 2.15), Bird "Create a contact", Help Scout "Create Customer", and
//! contactkit's canonical contact. A configurable share of records is made invalid for its
//! format in exactly one realistic way (a 41-character Help Scout first name, a Sequence
//! record without `externalId`, a Bird list id that is not a UUID, ...); [`Record::defect`]
//! says which.
//!
//! Output depends only on the seed and the record number, so:
//! - the same seed gives byte-identical output on every platform;
//! - the first `n` records of a run do not depend on `--count`;
//! - record `k` describes the same person in all five formats.
//!
//! The generator needs only constant memory, whatever the number of records.
//!
//! ```
//! use contactkit_datagen::{Generator, Vendor};
//!
//! let generator = Generator::new(Vendor::HelpScout, 42, 0.1);
//! let record = generator.record(0);
//! assert_eq!(record.number, 1);
//! assert!(record.payload.is_object());
//! ```

mod person;
mod pools;
mod rng;
mod time;
mod vendor;

#[cfg(test)]
mod check;

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use serde_json::Value;

use crate::person::Person;
use crate::rng::Rng;

/// A payload format that records can be generated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vendor {
    /// Sequence "Create Person" body.
    Sequence,
    /// Intercom "Create contact" request body, REST API 2.15.
    Intercom,
    /// Bird "Create a contact" body (workspace Contacts API).
    Bird,
    /// Help Scout Mailbox API 2.0 "Create Customer" body.
    HelpScout,
    /// contactkit's canonical contact.
    Canonical,
}

impl Vendor {
    /// Every format, in a fixed order.
    pub const ALL: [Vendor; 5] = [
        Vendor::Sequence,
        Vendor::Intercom,
        Vendor::Bird,
        Vendor::HelpScout,
        Vendor::Canonical,
    ];

    /// The format's command-line name: `sequence`, `intercom`, `bird`, `helpscout` or
    /// `canonical`.
    pub fn as_str(self) -> &'static str {
        match self {
            Vendor::Sequence => "sequence",
            Vendor::Intercom => "intercom",
            Vendor::Bird => "bird",
            Vendor::HelpScout => "helpscout",
            Vendor::Canonical => "canonical",
        }
    }

    /// A number that keeps each format's random stream apart from the others'.
    fn stream(self) -> u64 {
        match self {
            Vendor::Sequence => 1,
            Vendor::Intercom => 2,
            Vendor::Bird => 3,
            Vendor::HelpScout => 4,
            Vendor::Canonical => 5,
        }
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a format name that [`Vendor::from_str`] does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownVendor(pub String);

impl fmt::Display for UnknownVendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown vendor '{}' (expected one of: sequence, intercom, bird, helpscout, canonical)",
            self.0
        )
    }
}

impl std::error::Error for UnknownVendor {}

impl FromStr for Vendor {
    type Err = UnknownVendor;

    /// Parses a command-line name (case-insensitive; `help-scout` is accepted too).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "sequence" => Ok(Vendor::Sequence),
            "intercom" => Ok(Vendor::Intercom),
            "bird" => Ok(Vendor::Bird),
            "helpscout" | "help-scout" => Ok(Vendor::HelpScout),
            "canonical" => Ok(Vendor::Canonical),
            _ => Err(UnknownVendor(s.to_owned())),
        }
    }
}

/// One generated record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The record's number, from 1 (its line number in the NDJSON output).
    pub number: u64,
    /// The payload: a JSON object in the generator's format.
    pub payload: Value,
    /// `None` for a record meant to be valid; otherwise a short description of the one
    /// mistake that makes it invalid, e.g. `"firstName is longer than 40 characters"`.
    pub defect: Option<&'static str>,
}

/// Random-stream numbers; vendor streams add [`Vendor::stream`].
const STREAM_PERSON: u64 = 0;
const STREAM_RENDER: u64 = 100;
const STREAM_DEFECT: u64 = 200;
const STREAM_WORKSPACE: u64 = 300;

/// How many Bird list ids a run's imaginary workspace has.
const BIRD_LISTS: usize = 12;

/// Generates records of one format from a seed.
#[derive(Debug, Clone)]
pub struct Generator {
    vendor: Vendor,
    seed: u64,
    invalid_share: f64,
    /// Bird list ids shared by all records of a run.
    bird_lists: Vec<String>,
}

impl Generator {
    /// A generator of `vendor` records from `seed`, each invalid with probability
    /// `invalid_share` (clamped to `0.0..=1.0`; NaN counts as 0).
    pub fn new(vendor: Vendor, seed: u64, invalid_share: f64) -> Self {
        let invalid_share = if invalid_share.is_nan() {
            0.0
        } else {
            invalid_share.clamp(0.0, 1.0)
        };
        let mut rng = Rng::for_stream(seed, u64::MAX, STREAM_WORKSPACE);
        let bird_lists = (0..BIRD_LISTS).map(|_| rng.uuid_v4()).collect();
        Generator {
            vendor,
            seed,
            invalid_share,
            bird_lists,
        }
    }

    /// The format this generator writes.
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// The record at zero-based `index` (its [`Record::number`] is `index + 1`).
    pub fn record(&self, index: u64) -> Record {
        let person = Person::generate(&mut Rng::for_stream(self.seed, index, STREAM_PERSON));
        let mut rng = Rng::for_stream(self.seed, index, STREAM_RENDER + self.vendor.stream());
        let mut payload = match self.vendor {
            Vendor::Sequence => vendor::sequence::render(&person, &mut rng),
            Vendor::Intercom => vendor::intercom::render(&person, &mut rng),
            Vendor::Bird => vendor::bird::render(&person, &mut rng, &self.bird_lists),
            Vendor::HelpScout => vendor::helpscout::render(&person, &mut rng),
            Vendor::Canonical => vendor::canonical::render(&person, &mut rng),
        };
        let mut rng = Rng::for_stream(self.seed, index, STREAM_DEFECT + self.vendor.stream());
        let defect = if rng.chance(self.invalid_share) {
            let o = &mut payload;
            Some(match self.vendor {
                Vendor::Sequence => vendor::sequence::invalidate(o, &person, &mut rng),
                Vendor::Intercom => vendor::intercom::invalidate(o, &person, &mut rng),
                Vendor::Bird => vendor::bird::invalidate(o, &person, &mut rng, &self.bird_lists),
                Vendor::HelpScout => vendor::helpscout::invalidate(o, &person, &mut rng),
                Vendor::Canonical => vendor::canonical::invalidate(o, &person, &mut rng),
            })
        } else {
            None
        };
        Record {
            number: index + 1,
            payload: Value::Object(payload),
            defect,
        }
    }

    /// The first `count` records, generated lazily one at a time.
    pub fn records(&self, count: u64) -> impl Iterator<Item = Record> + '_ {
        (0..count).map(move |i| self.record(i))
    }
}

/// What to generate: the settings of one `contactkit-datagen` run.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Output format.
    pub vendor: Vendor,
    /// Number of records.
    pub count: u64,
    /// Seed; the same seed gives the same output.
    pub seed: u64,
    /// Probability that a record is made invalid, from 0 to 1.
    pub invalid_share: f64,
}

impl Config {
    /// The default seed.
    pub const DEFAULT_SEED: u64 = 42;
    /// The default share of invalid records.
    pub const DEFAULT_INVALID_SHARE: f64 = 0.1;

    /// `count` records of `vendor` with the default seed and invalid share.
    pub fn new(vendor: Vendor, count: u64) -> Self {
        Config {
            vendor,
            count,
            seed: Self::DEFAULT_SEED,
            invalid_share: Self::DEFAULT_INVALID_SHARE,
        }
    }
}

/// Write the records `config` describes to `out` as NDJSON: one compact JSON object per line.
///
/// Records are generated and written one at a time, so memory use does not grow with
/// `config.count`. `out` is wrapped in a buffer, and flushed at the end.
pub fn write_ndjson<W: Write>(config: &Config, out: W) -> io::Result<()> {
    let generator = Generator::new(config.vendor, config.seed, config.invalid_share);
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    for record in generator.records(config.count) {
        serde_json::to_writer(&mut out, &record.payload)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ndjson(config: &Config) -> String {
        let mut buf = Vec::new();
        write_ndjson(config, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn same_seed_same_bytes() {
        for vendor in Vendor::ALL {
            let config = Config::new(vendor, 200);
            assert_eq!(ndjson(&config), ndjson(&config), "{vendor}");
            let other = Config {
                seed: 7,
                ..config.clone()
            };
            assert_ne!(ndjson(&config), ndjson(&other), "{vendor}");
        }
    }

    #[test]
    fn count_is_respected_and_every_line_is_a_json_object() {
        for vendor in Vendor::ALL {
            for count in [0, 1, 2, 57] {
                let text = ndjson(&Config::new(vendor, count));
                assert_eq!(text.lines().count() as u64, count, "{vendor}");
                assert!(count == 0 || text.ends_with('\n'));
                for line in text.lines() {
                    let value: Value = serde_json::from_str(line).unwrap();
                    assert!(value.is_object(), "{vendor}: {line}");
                    assert!(!line.contains('\n'));
                }
            }
        }
    }

    #[test]
    fn a_shorter_run_is_a_prefix_of_a_longer_one() {
        let long = ndjson(&Config::new(Vendor::Bird, 100));
        let short = ndjson(&Config::new(Vendor::Bird, 30));
        assert!(long.starts_with(&short));
    }

    #[test]
    fn invalid_share_is_respected() {
        for vendor in Vendor::ALL {
            let g = Generator::new(vendor, 1, 0.0);
            assert!(g.records(500).all(|r| r.defect.is_none()));
            let g = Generator::new(vendor, 1, 1.0);
            assert!(g.records(500).all(|r| r.defect.is_some()));
            let g = Generator::new(vendor, 1, 0.1);
            let invalid = g.records(5000).filter(|r| r.defect.is_some()).count();
            assert!((350..=650).contains(&invalid), "{vendor}: {invalid}");
        }
    }

    #[test]
    fn valid_records_follow_the_rules_and_invalid_ones_break_them() {
        for vendor in Vendor::ALL {
            for r in Generator::new(vendor, 5, 0.0).records(4000) {
                let problems = check::violations(vendor, &r.payload);
                assert!(
                    problems.is_empty(),
                    "{vendor} #{}: {problems:?}\n{}",
                    r.number,
                    r.payload
                );
            }
            for r in Generator::new(vendor, 6, 1.0).records(4000) {
                let problems = check::violations(vendor, &r.payload);
                assert!(
                    !problems.is_empty(),
                    "{vendor} #{} ({:?}) was not caught:\n{}",
                    r.number,
                    r.defect,
                    r.payload
                );
            }
        }
    }

    #[test]
    fn the_same_record_number_is_the_same_person_in_every_format() {
        let canonical = Generator::new(Vendor::Canonical, 3, 0.0);
        let sequence = Generator::new(Vendor::Sequence, 3, 0.0);
        for i in 0..50 {
            let c = canonical.record(i).payload;
            let s = sequence.record(i).payload;
            if let (Some(a), Some(b)) = (c.get("externalId"), s.get("externalId")) {
                assert_eq!(a, b);
            }
        }
    }

    #[test]
    fn the_data_is_multilingual() {
        let text = ndjson(&Config {
            invalid_share: 0.0,
            ..Config::new(Vendor::Canonical, 2000)
        });
        for (script, lo, hi) in [
            ("Latin with diacritics", '\u{00C0}', '\u{024F}'),
            ("combining marks", '\u{0300}', '\u{036F}'),
            ("Greek", '\u{0370}', '\u{03FF}'),
            ("Cyrillic", '\u{0400}', '\u{04FF}'),
            ("Hebrew", '\u{0590}', '\u{05FF}'),
            ("Arabic", '\u{0600}', '\u{06FF}'),
            ("Devanagari", '\u{0900}', '\u{097F}'),
            ("Thai", '\u{0E00}', '\u{0E7F}'),
            ("Vietnamese", '\u{1E00}', '\u{1EFF}'),
            ("Kana", '\u{3040}', '\u{30FF}'),
            ("CJK", '\u{4E00}', '\u{9FFF}'),
            ("Hangul", '\u{AC00}', '\u{D7A3}'),
            ("emoji", '\u{1F300}', '\u{1FAFF}'),
        ] {
            assert!(text.chars().any(|c| (lo..=hi).contains(&c)), "no {script}");
        }
    }
}
