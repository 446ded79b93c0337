//! Shared pieces of the comparison programs run by `bench/compare.sh`.
//!
//! Every program reads NDJSON the way the `contactkit` CLI does (blank lines are skipped and not
//! counted, records are numbered from 1) through one buffered reader, so the contenders differ
//! only in what they do with each record.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};

/// The size of the read buffer of every program.
const BUFFER: usize = 1 << 16;

/// Opens `path` for buffered reading (`-` is standard input).
///
/// # Errors
/// When the file cannot be opened.
pub fn open(path: &str) -> io::Result<Box<dyn BufRead>> {
    if path == "-" {
        Ok(Box::new(BufReader::with_capacity(BUFFER, io::stdin())))
    } else {
        Ok(Box::new(BufReader::with_capacity(
            BUFFER,
            File::open(path)?,
        )))
    }
}

/// Calls `f` with each non-blank line of `reader` (without its line ending), reusing one buffer.
/// Returns the number of records.
///
/// # Errors
/// When reading fails.
pub fn for_each_record(mut reader: impl BufRead, mut f: impl FnMut(&[u8])) -> io::Result<u64> {
    let mut line = Vec::with_capacity(4096);
    let mut records = 0;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(records);
        }
        let record = line.trim_ascii();
        if !record.is_empty() {
            records += 1;
            f(record);
        }
    }
}

/// Prints the summary object the `contactkit validate --summary` command prints, so
/// `compare.sh` reads every validator's count the same way.
///
/// # Errors
/// When standard output cannot be written.
pub fn print_summary(records: u64, valid: u64) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{{\"records\": {records}, \"valid\": {valid}, \"invalid\": {}}}",
        records - valid
    )
}

/// Writes one verdict per record (`1` valid, `0` invalid), one a line, for `bench-diff`.
#[derive(Debug)]
pub struct Verdicts<W: Write> {
    out: W,
}

impl<W: Write> Verdicts<W> {
    /// Verdicts written to `out`.
    pub fn new(out: W) -> Self {
        Self { out }
    }

    /// Writes one verdict.
    ///
    /// # Errors
    /// When writing fails.
    pub fn push(&mut self, valid: bool) -> io::Result<()> {
        self.out.write_all(if valid { b"1\n" } else { b"0\n" })
    }

    /// Flushes the output.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The command-line arguments: one input path and flags.
#[derive(Debug)]
pub struct Args {
    /// The input file (`-` for standard input).
    pub input: String,
    /// Flags and options, in order.
    pub rest: Vec<String>,
}

impl Args {
    /// Parses `argv`; `usage` is printed and the process exits 2 when no input is given.
    #[must_use]
    pub fn parse(usage: &str) -> Self {
        let mut args = std::env::args().skip(1);
        let Some(input) = args.next().filter(|a| !a.starts_with("--") || a == "-") else {
            eprintln!("usage: {usage}");
            std::process::exit(2);
        };
        Self {
            input,
            rest: args.collect(),
        }
    }

    /// Whether `flag` was given.
    #[must_use]
    pub fn has(&self, flag: &str) -> bool {
        self.rest.iter().any(|a| a == flag)
    }

    /// The value after option `name`, if given.
    #[must_use]
    pub fn value(&self, name: &str) -> Option<&str> {
        let i = self.rest.iter().position(|a| a == name)?;
        self.rest.get(i + 1).map(String::as_str)
    }
}

/// The jsonschema crate's validator (draft 2020-12, formats checked) for the schema at
/// `--schema` (default `schemas/helpscout.schema.json`); exits 2 when it cannot be built.
#[must_use]
pub fn jsonschema_validator(args: &Args) -> jsonschema::Validator {
    let schema_path = args
        .value("--schema")
        .unwrap_or("schemas/helpscout.schema.json");
    let schema = std::fs::read_to_string(schema_path).unwrap_or_else(|e| fail(&e));
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap_or_else(|e| fail(&e));
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| fail(&e))
}

/// Prints `message` and exits with status 2 (usage or I/O error).
pub fn fail(message: &dyn std::fmt::Display) -> ! {
    eprintln!("error: {message}");
    std::process::exit(2);
}
