//! `contactkit`: validate and convert contact payloads in bulk, streaming and in parallel.
//!
//! The command line contract (inputs, output lines, exit statuses) is section 3 of the product
//! contract; `contactkit --help` shows it with examples.

mod args;
mod input;
mod jobs;
mod output;
mod pipeline;
mod preview;
mod progress;

use std::fs::{self, File};
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use contactkit::{ConvertOptions, Definitions, Format, ValidateOptions, Validator};

use crate::args::{Cli, Command, Common, ConvertArgs, SchemaArgs, ValidateArgs};
use crate::input::{Batch, Stats};
use crate::jobs::{ConvertJob, ConvertMode, ValidateJob, ValidateSummary};
use crate::output::{message, Dest, Failure};
use crate::pipeline::{Config, Job, Stop};
use crate::progress::Progress;

/// See the note on `mimalloc` in Cargo.toml.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Data bytes per batch (a batch also ends after `--batch-records` records).
const BATCH_BYTES: usize = 4 << 20;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let result = match cli.command {
        Command::Validate(args) => validate(args),
        Command::Convert(args) => convert(args),
        Command::Schema(args) => schema(&args),
        Command::Preview(args) => preview::run(args),
    };
    match result {
        Ok(code) => code,
        // The reader of our output went away (`| head`): nothing more to say.
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Fatal(text)) => {
            message(&Progress::hidden(), &format!("contactkit: error: {text}"));
            ExitCode::from(2)
        }
    }
}

/// Prints help and version as usual; any other command line error becomes one line on
/// standard error and exit status 2.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            message(
                &Progress::hidden(),
                "contactkit: error: a command is required: validate, convert, schema or \
                 preview (see contactkit --help)",
            );
            return ExitCode::from(2);
        }
        _ => {}
    }
    let text = e.render().to_string();
    let parts: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more information")
        })
        .collect();
    let line = if parts.is_empty() {
        "error: invalid command line".to_owned()
    } else {
        parts.join(" ")
    };
    message(
        &Progress::hidden(),
        &format!("contactkit: {line} (see contactkit --help)"),
    );
    ExitCode::from(2)
}

/// The input stream and, for a regular file, its length.
fn open_input(path: Option<&Path>) -> Result<(Box<dyn Read + Send>, Option<u64>), Failure> {
    match path {
        None => Ok((Box::new(io::stdin()), None)),
        Some(path) if path.as_os_str() == "-" => Ok((Box::new(io::stdin()), None)),
        Some(path) => {
            let cannot =
                |e: io::Error| Failure::fatal(format!("cannot read {}: {e}", path.display()));
            let file = File::open(path).map_err(cannot)?;
            let meta = file.metadata().map_err(cannot)?;
            if meta.is_dir() {
                return Err(Failure::fatal(format!(
                    "cannot read {}: it is a directory",
                    path.display()
                )));
            }
            let len = meta.is_file().then_some(meta.len());
            Ok((Box::new(file), len))
        }
    }
}

fn validate_options(common: &Common) -> Result<ValidateOptions, Failure> {
    let mut options = ValidateOptions::new().show_values(common.show_values);
    if let Some(path) = &common.definitions {
        let cannot = |e: &dyn std::fmt::Display| {
            Failure::fatal(format!("cannot use --definitions {}: {e}", path.display()))
        };
        let text = fs::read(path).map_err(|e| cannot(&e))?;
        let doc: serde_json::Value = serde_json::from_slice(&text).map_err(|e| cannot(&e))?;
        let definitions = Definitions::from_json(&doc).map_err(|e| cannot(&e))?;
        options = options.definitions(definitions);
    }
    Ok(options)
}

fn config(common: &Common) -> Config {
    let threads = common
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, std::num::NonZeroUsize::get);
    Config {
        threads,
        batch_records: common.batch_records.get(),
        batch_bytes: BATCH_BYTES,
        max_record_bytes: common.max_record_bytes,
        ndjson: common.ndjson,
    }
}

fn progress(common: &Common, len: Option<u64>, labels: (&'static str, &'static str)) -> Progress {
    match len {
        Some(len) if !common.quiet && io::stderr().is_terminal() => Progress::bar(len, labels),
        _ => Progress::hidden(),
    }
}

/// Runs the pipeline, writing each batch with `write`; maps every way of stopping to a failure.
fn run(
    input: Box<dyn Read + Send>,
    job: Arc<dyn Job>,
    common: &Common,
    progress: &Progress,
    mut write: impl FnMut(&Batch) -> Result<(), Failure>,
) -> Result<Stats, Failure> {
    let mut running = Stats::default();
    let result = pipeline::run(input, job, config(common), |batch| {
        write(batch)?;
        running.add(&batch.stats);
        progress.update(batch.end_offset, &running);
        Ok(())
    });
    progress.finish();
    result.map_err(|stop| match stop {
        Stop::Input(e) => Failure::fatal(e),
        Stop::Write(failure) => failure,
        Stop::Internal(text) => Failure::Fatal(text),
    })
}

fn validate(args: ValidateArgs) -> Result<ExitCode, Failure> {
    let common = &args.common;
    let options = validate_options(common)?;
    let (input, len) = open_input(common.input.as_deref())?;
    let mut out = Dest::stdout_or(common.output.as_deref())?;
    let progress = progress(common, len, ("valid", "invalid"));
    let job = Arc::new(ValidateJob {
        validator: Validator::new(args.vendor.0).with_options(options),
        summary: args.summary,
    });
    let totals = run(input, job, common, &progress, |batch| {
        out.write(&batch.out, &progress)
    })?;
    if args.summary {
        let mut line = Vec::new();
        let summary = ValidateSummary {
            records: totals.records,
            valid: totals.ok,
            invalid: totals.bad(),
        };
        serde_json::to_writer(&mut line, &summary).map_err(Failure::fatal)?;
        line.push(b'\n');
        out.write(&line, &progress)?;
    }
    out.finish()?;
    Ok(if totals.bad() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn convert(args: ConvertArgs) -> Result<ExitCode, Failure> {
    let common = &args.common;
    let (from, to) = (args.from.0, args.to.0);
    if !to.is_target() {
        let instead = to.create_format().unwrap_or(to);
        return Err(Failure::fatal(format!(
            "--to {to} is a read format (what the vendor returns): it can be converted from, not to; \
             use --to {instead}, and contactkit preview --vendor {instead} for what the vendor returns"
        )));
    }
    let validate = validate_options(common)?;
    let mut options = ConvertOptions::new()
        .lenient(args.lenient)
        .normalize_custom_keys(args.normalize_custom_keys)
        .validate_options(validate.clone());
    if let Some(how) = args.external_id {
        how.check(from)
            .map_err(|e| Failure::fatal(format!("--external-id {e}")))?;
        options = options.external_id(how);
    }
    distinct_outputs(&[
        ("--output", common.output.as_deref()),
        ("--rejects", args.rejects.as_deref()),
        ("--report", args.report.as_deref()),
    ])?;
    let (input, len) = open_input(common.input.as_deref())?;
    let mut out = Dest::stdout_or(common.output.as_deref())?;
    let mut rejects = match &args.rejects {
        Some(path) => Dest::stdout_or(Some(path))?,
        None => Dest::Stderr,
    };
    let mut report = match &args.report {
        Some(path) => Some(Dest::stdout_or(Some(path))?),
        None => None,
    };
    let progress = progress(common, len, ("converted", "rejected"));
    let mode = if args.envelope {
        ConvertMode::Envelope
    } else {
        ConvertMode::Split {
            report: report.is_some(),
        }
    };
    let job = Arc::new(ConvertJob {
        from,
        to,
        options,
        mode,
        source: Validator::new(from).with_options(validate),
    });
    let totals = run(input, job, common, &progress, |batch| {
        out.write(&batch.out, &progress)?;
        rejects.write(&batch.rejects, &progress)?;
        if let Some(report) = &mut report {
            report.write(&batch.report, &progress)?;
        }
        Ok(())
    })?;
    out.finish()?;
    rejects.finish()?;
    if let Some(report) = report {
        report.finish()?;
    }
    let rejected = totals.bad();
    let mut summary = format!(
        "contactkit: {} read, {} converted from {from} to {to}, {rejected} rejected",
        count(totals.records, "record"),
        totals.ok
    );
    if rejected > 0 {
        summary.push_str(&format!(
            " ({} at the source stage, {} at the target stage)",
            totals.source, totals.target
        ));
        if let Some(path) = &args.rejects {
            summary.push_str(&format!("; rejects in {}", path.display()));
        }
    }
    message(&progress, &summary);
    Ok(if rejected == 0 || args.envelope {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `1 record`, `2 records`.
fn count(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Two outputs on one path would overwrite each other: refuse.
fn distinct_outputs(paths: &[(&str, Option<&Path>)]) -> Result<(), Failure> {
    let mut seen: Vec<(&str, std::path::PathBuf)> = Vec::new();
    for &(flag, path) in paths {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            continue;
        };
        let path = fs::canonicalize(path)
            .or_else(|_| std::path::absolute(path))
            .unwrap_or_else(|_| path.to_owned());
        if let Some((other, _)) = seen.iter().find(|(_, p)| *p == path) {
            return Err(Failure::fatal(format!(
                "{other} and {flag} name the same file, {}",
                path.display()
            )));
        }
        seen.push((flag, path));
    }
    Ok(())
}

fn schema(args: &SchemaArgs) -> Result<ExitCode, Failure> {
    let format: Format = args.format.0;
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(format.schema().as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| {
            if e.kind() == io::ErrorKind::BrokenPipe {
                Failure::BrokenPipe
            } else {
                Failure::fatal(format!("cannot write to standard output: {e}"))
            }
        })?;
    Ok(ExitCode::SUCCESS)
}
