//! The command line's grammar and help text.

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::LazyLock;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};
use contactkit::{ExternalIdSource, Format};

const ABOUT: &str =
    "Validate and convert contact payloads for Sequence, Intercom, Bird and Help Scout";

const LONG_ABOUT: &str = "\
Validate and convert contact payloads for Sequence, Intercom, Bird and Help Scout.

Input is a file, or standard input when INPUT is `-` or absent. A file whose first non-blank
character is `[` is read as a JSON array of records, anything else as NDJSON (one JSON value per
line; blank lines are skipped and not counted). Records are numbered from 1. The input is
streamed and processed in parallel; output is always in input order.

Exit status: 0 = every record valid / converted, 1 = some record invalid / rejected,
2 = usage or I/O error (with a one-line message on standard error). A run that could not deliver
all of its output never exits 0: a closed pipe (`| head`) ends it by SIGPIPE (status 141, as other
filters), a closed stream or a full disk with 2. SIGINT, SIGTERM and SIGHUP delete every partial
output file, then end the run by the signal (status 128 + its number).";

const EXAMPLES: &str = "\
Examples:
  contactkit validate --vendor helpscout customers.ndjson
  contactkit validate --vendor intercom --summary < contacts.json
  contactkit convert --from helpscout --to intercom customers.ndjson \\
      --output intercom.ndjson --rejects rejects.ndjson --report report.ndjson
  contactkit convert --from helpscout --to intercom --envelope < part-00000
  contactkit convert --from intercom-contact --to sequence intercom-export.ndjson
  contactkit preview --vendor bird people.ndjson
  contactkit schema bird > bird.schema.json

Formats: the create payloads sequence, intercom, bird, helpscout; the canonical contact; and
the read formats intercom-contact, bird-contact, helpscout-customer (the objects the vendors
return: conversion sources only, see docs/READ-FORMATS.md).";

const VALIDATE_EXAMPLES: &str = "\
Output: one line per record, {\"record\": N, \"valid\": true|false, \"issues\": [...]}, or with
--summary one line {\"records\": M, \"valid\": N, \"invalid\": K}.

Examples:
  contactkit validate --vendor helpscout customers.ndjson
  contactkit validate --vendor intercom --summary contacts.json
  cat people.ndjson | contactkit validate --vendor sequence --threads 4 | grep '\"valid\":false'
  contactkit validate --vendor helpscout --definitions customer-properties.json customers.ndjson";

const CONVERT_EXAMPLES: &str = "\
Output: the converted payloads, one per line, in input order. Rejected records are not written
there: their lines {\"record\": N, \"stage\": \"source\"|\"target\", \"issues\": [...]} go to --rejects,
or to standard error. A one-line summary goes to standard error at the end; converted + rejected
is always the number of records read.

Examples:
  contactkit convert --from helpscout --to intercom customers.ndjson > intercom.ndjson
  contactkit convert --from helpscout --to intercom customers.ndjson \\
      --output intercom.ndjson --rejects rejects.ndjson --report report.ndjson
  contactkit convert --from intercom --to bird --lenient contacts.json
  contactkit convert --from helpscout --to sequence --external-id email customers.ndjson
  contactkit convert --from helpscout --to intercom --envelope --ndjson < part-00000";

const SCHEMA_EXAMPLES: &str = "\
Examples:
  contactkit schema helpscout
  contactkit schema canonical > canonical.schema.json";

/// The parsed command line.
#[derive(Debug, Parser)]
#[command(
    name = "contactkit",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = EXAMPLES,
    propagate_version = true,
    max_term_width = 100
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Validate every record as one format, one result line per record
    #[command(after_help = VALIDATE_EXAMPLES)]
    Validate(ValidateArgs),
    /// Convert records from one format to another (through the canonical contact)
    #[command(after_help = CONVERT_EXAMPLES)]
    Convert(ConvertArgs),
    /// Print the JSON Schema (draft 2020-12) of a format's payload
    #[command(after_help = SCHEMA_EXAMPLES)]
    Schema(SchemaArgs),
    /// Print the object a vendor returns for each create payload (intercom, bird, helpscout)
    #[command(after_help = crate::preview::PREVIEW_EXAMPLES)]
    Preview(crate::preview::PreviewArgs),
}

/// `contactkit validate`.
#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// The format to validate against
    #[arg(long, value_name = "FORMAT")]
    pub(crate) vendor: FormatArg,
    /// Print no per-record lines, only {"records": M, "valid": N, "invalid": K} at the end
    #[arg(long)]
    pub(crate) summary: bool,
    #[command(flatten)]
    pub(crate) common: Common,
}

/// `contactkit convert`.
#[derive(Debug, Args)]
pub(crate) struct ConvertArgs {
    /// The format of the input records
    #[arg(long, value_name = "FORMAT")]
    pub(crate) from: FormatArg,
    /// The format to convert to (the read formats intercom-contact, bird-contact and
    /// helpscout-customer are sources only)
    #[arg(long, value_name = "FORMAT")]
    pub(crate) to: FormatArg,
    /// Truncate too-long target strings and drop invalid optional values (with notes) instead
    /// of rejecting the record
    #[arg(long)]
    pub(crate) lenient: bool,
    /// Carry custom attributes across with keys normalised to the target's key rules
    #[arg(long)]
    pub(crate) normalize_custom_keys: bool,
    /// Where the target's external id comes from when the source has none: email (the first
    /// email address), source-id (the vendor's id, read formats only) or custom:KEY (a custom
    /// attribute); a copy, with a `derived` note
    #[arg(long, value_name = "SOURCE", value_parser = |s: &str| s.parse::<ExternalIdSource>())]
    pub(crate) external_id: Option<ExternalIdSource>,
    /// Write reject lines to PATH instead of standard error (created when the run completes)
    #[arg(long, value_name = "PATH")]
    pub(crate) rejects: Option<PathBuf>,
    /// Write one line {"record": N, "notes": [...]} per converted record to PATH
    #[arg(long, value_name = "PATH")]
    pub(crate) report: Option<PathBuf>,
    /// Write exactly one line per input line (blank lines included, as {"line": L, "ok": true,
    /// "skipped": "blank"}), converted or rejected, and exit 0 unless the input cannot be read
    /// or the output cannot be written (a closed pipe included): a line-preserving filter for
    /// Spark's RDD.pipe or Hadoop streaming
    #[arg(long, conflicts_with_all = ["rejects", "report"])]
    pub(crate) envelope: bool,
    #[command(flatten)]
    pub(crate) common: Common,
}

/// `contactkit schema`.
#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {
    /// The format whose schema to print
    #[arg(value_name = "FORMAT")]
    pub(crate) format: FormatArg,
}

/// Options shared by `validate` and `convert`.
#[derive(Debug, Args)]
pub(crate) struct Common {
    /// Input file (NDJSON, or a JSON array); standard input when `-` or absent
    #[arg(value_name = "INPUT")]
    pub(crate) input: Option<PathBuf>,
    /// Write the output to PATH instead of standard output; PATH appears only when the run
    /// completes (it is written under a temporary name in the same directory, then renamed,
    /// keeping the mode of a file it replaces); it must not be an input or --definitions
    #[arg(short, long, value_name = "PATH")]
    pub(crate) output: Option<PathBuf>,
    /// Account-specific custom field definitions (JSON, at most 16 MiB: Help Scout customer
    /// properties, Intercom data attributes, Bird attribute definitions, or {"helpscout": ...,
    /// "intercom": ..., "bird": ...})
    #[arg(long, value_name = "FILE")]
    pub(crate) definitions: Option<PathBuf>,
    /// Include the offending values in issue messages (off by default: contact data is
    /// personal data)
    #[arg(long)]
    pub(crate) show_values: bool,
    /// Worker threads, 1 to 256 [default: all cores, at most 256]
    #[arg(long, value_name = "N", value_parser = parse_threads)]
    pub(crate) threads: Option<NonZeroUsize>,
    /// Largest record accepted, in bytes (suffixes KiB, MiB, GiB); a longer record gets a
    /// `syntax` issue and is skipped without being read into memory
    #[arg(long, value_name = "BYTES", default_value = "16MiB", value_parser = parse_bytes)]
    pub(crate) max_record_bytes: u64,
    /// Read the input as NDJSON even when its first character is `[` (recommended for
    /// --envelope under Spark or Hadoop, where a line must never change how others are read)
    #[arg(long)]
    pub(crate) ndjson: bool,
    /// `base64-lines`: every input line is the Base64 of one NDJSON line, for engines whose
    /// pipes carry text only (bytes that are not UTF-8 then arrive unchanged; see
    /// docs/SCALE-OUT.md); implies --ndjson
    #[arg(long, value_name = "ENCODING", value_enum, default_value_t = InputEncoding::Raw)]
    pub(crate) input_encoding: InputEncoding,
    /// No progress bar (it is shown only when standard error is a terminal and INPUT is a file)
    #[arg(short, long)]
    pub(crate) quiet: bool,
    /// Records per batch handed to a worker thread (1024: as fast as larger batches, and
    /// `convert` stays under 64 MiB on 2 cores; see BENCHMARKS.md)
    #[arg(long, value_name = "N", default_value_t = NonZeroUsize::new(1024).unwrap_or(NonZeroUsize::MIN), hide = true)]
    pub(crate) batch_records: NonZeroUsize,
}

/// How the input's bytes are carried (`--input-encoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputEncoding {
    /// As they are: NDJSON or a JSON array.
    Raw,
    /// Every line is the Base64 of one NDJSON line.
    Base64Lines,
}

/// A format id on the command line; the accepted values come from [`Format::EVERY`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FormatArg(pub(crate) Format);

static FORMATS: LazyLock<Vec<FormatArg>> =
    LazyLock::new(|| Format::EVERY.iter().map(|&f| FormatArg(f)).collect());

impl ValueEnum for FormatArg {
    fn value_variants<'a>() -> &'a [Self] {
        &FORMATS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.id()).help(self.0.title()))
    }
}

/// `--threads`: 1 to [`crate::MAX_THREADS`] (each thread holds batches in flight, so the
/// number bounds memory too).
fn parse_threads(text: &str) -> Result<NonZeroUsize, String> {
    let max = crate::MAX_THREADS;
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .and_then(NonZeroUsize::new)
        .ok_or_else(|| format!("{text:?} is not a number of threads from 1 to {max}"))
}

/// `16MiB`, `512KiB`, `1GiB`, `1000` (bytes); `K`/`M`/`G` and `KB`/`MB`/`GB` mean the same
/// binary units.
fn parse_bytes(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a size in bytes (e.g. 1048576, 512KiB, 16MiB)"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("unknown unit {unit:?}; use KiB, MiB or GiB")),
    };
    let bytes = number
        .checked_mul(1u64 << shift)
        .ok_or_else(|| format!("{text:?} is too large"))?;
    if bytes == 0 {
        return Err("the limit must be at least 1 byte".to_owned());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_bytes("16MiB"), Ok(16 << 20));
        assert_eq!(parse_bytes("512k"), Ok(512 << 10));
        assert_eq!(parse_bytes("1000"), Ok(1000));
        assert_eq!(parse_bytes("2 GiB"), Ok(2 << 30));
        assert!(parse_bytes("0").is_err());
        assert!(parse_bytes("MiB").is_err());
        assert!(parse_bytes("3 parsecs").is_err());
    }

    #[test]
    fn threads_are_bounded() {
        assert_eq!(parse_threads("1").map(NonZeroUsize::get), Ok(1));
        assert_eq!(parse_threads("256").map(NonZeroUsize::get), Ok(256));
        for bad in [
            "0",
            "257",
            "100000000",
            "18446744073709551615",
            "-1",
            "x",
            "",
        ] {
            assert!(parse_threads(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_format_is_accepted() {
        for format in Format::EVERY {
            assert_eq!(
                FormatArg::from_str(format.id(), false),
                Ok(FormatArg(format))
            );
        }
    }

    #[test]
    fn command_line_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
