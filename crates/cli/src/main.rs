//! `contactkit`: validate and convert contact payloads in bulk, streaming and in parallel.
//!
//! The command line (inputs, output lines, exit statuses) is described in README.md ("Command
//! line"); `contactkit --help` shows it with examples.

mod args;
mod base64_lines;
mod files;
mod input;
mod jobs;
mod output;
mod pipeline;
mod preview;
mod progress;

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use contactkit::{ConvertOptions, Definitions, Format, ValidateOptions, Validator};

use crate::args::{Cli, Command, Common, ConvertArgs, InputEncoding, SchemaArgs, ValidateArgs};
use crate::files::{Input, Output, Stream};
use crate::input::{Batch, Stats};
use crate::jobs::{ConvertJob, ConvertMode, ValidateJob, ValidateSummary};
use crate::output::{finish_all, message, summary, Dest, Failure};
use crate::pipeline::{Config, Job, Stop};
use crate::progress::Progress;

/// See the note on `mimalloc` in Cargo.toml.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Data bytes per batch (a batch also ends after `--batch-records` records).
const BATCH_BYTES: usize = 4 << 20;

/// The most worker threads `--threads` accepts.
pub(crate) const MAX_THREADS: usize = 256;

/// The largest `--definitions` file read, in bytes.
const MAX_DEFINITIONS_BYTES: u64 = 16 << 20;

fn main() -> ExitCode {
    // Before anything opens a file or a pipe (the signal handler opens one).
    files::guard_standard_streams();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let result = files::handle_signals().and_then(|()| match cli.command {
        Command::Validate(args) => validate(args),
        Command::Convert(args) => convert(args),
        Command::Schema(args) => schema(&args),
        Command::Preview(args) => preview::run(args),
    });
    match result {
        Ok(code) => code,
        // The reader of our output went away (`| head`): stop as other filters do, by SIGPIPE
        // (every partial file was deleted when its handle was dropped).
        #[cfg(unix)]
        Err(Failure::BrokenPipe) => files::die_of(files::SIGPIPE),
        #[cfg(not(unix))]
        Err(Failure::BrokenPipe) => ExitCode::from(141),
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

/// The input stream, its length (for a regular file) and, when it is a regular file, what an
/// output must not replace.
type Opened = (Box<dyn Read + Send>, Option<u64>, Option<Input>);

/// Opens the input: the file at `path`, or standard input for `-` or no path.
fn open_input(path: Option<&Path>) -> Result<Opened, Failure> {
    match path.filter(|p| p.as_os_str() != "-") {
        None => {
            if files::is_closed(Stream::Stdin) {
                return Err(Failure::fatal(
                    "standard input is closed: give an input file, or redirect standard input",
                ));
            }
            Ok((Box::new(io::stdin()), None, Input::stdin()))
        }
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
            let input = Input::regular(format!("the input {}", path.display()), &meta);
            Ok((Box::new(file), len, input))
        }
    }
}

/// The validation options, and the `--definitions` file, which an output must not replace.
fn validate_options(common: &Common) -> Result<(ValidateOptions, Option<Input>), Failure> {
    let mut options = ValidateOptions::new().show_values(common.show_values);
    let Some(path) = &common.definitions else {
        return Ok((options, None));
    };
    let cannot = |e: &dyn std::fmt::Display| {
        Failure::fatal(format!("cannot use --definitions {}: {e}", path.display()))
    };
    let file = File::open(path).map_err(|e| cannot(&e))?;
    let meta = file.metadata().map_err(|e| cannot(&e))?;
    if meta.is_dir() {
        return Err(cannot(&"it is a directory"));
    }
    // Read with a bound: definitions are a few kilobytes, and the path may be a device that
    // never ends (/dev/zero).
    let mut text = Vec::new();
    file.take(MAX_DEFINITIONS_BYTES + 1)
        .read_to_end(&mut text)
        .map_err(|e| cannot(&e))?;
    if text.len() as u64 > MAX_DEFINITIONS_BYTES {
        return Err(cannot(&format_args!(
            "it is larger than {} MiB, the most a definitions file may hold",
            MAX_DEFINITIONS_BYTES >> 20
        )));
    }
    let doc: serde_json::Value = serde_json::from_slice(&text).map_err(|e| cannot(&e))?;
    let definitions = Definitions::from_json(&doc).map_err(|e| cannot(&e))?;
    options = options.definitions(definitions);
    let input = Input::regular(format!("--definitions {}", path.display()), &meta);
    Ok((options, input))
}

fn config(common: &Common, envelope: bool) -> Config {
    let threads = common
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, std::num::NonZeroUsize::get)
        .min(MAX_THREADS);
    Config {
        threads,
        batch_records: common.batch_records.get(),
        batch_bytes: BATCH_BYTES,
        max_record_bytes: common.max_record_bytes,
        ndjson: common.ndjson || common.input_encoding == InputEncoding::Base64Lines,
        keep_blank: envelope,
    }
}

/// Opens the outputs `files::plan` chose (in order; `None` for an output not written).
fn open_outputs(
    outputs: &[Output<'_>],
    also: &[Stream],
    inputs: [Option<Input>; 2],
) -> Result<Vec<Option<Dest>>, Failure> {
    let inputs: Vec<Input> = inputs.into_iter().flatten().collect();
    files::plan(outputs, also, &inputs)?
        .into_iter()
        .map(|target| target.map(Dest::open).transpose())
        .collect()
}

/// `failure`, saying that the output files were not written (they appear only when the run
/// completes; a run that stops with an error leaves none, and a file it would replace as it was).
fn not_written(failure: Failure, dests: &[&Option<Dest>]) -> Failure {
    let paths: Vec<String> = dests
        .iter()
        .filter_map(|d| match d {
            Some(Dest::File(file)) => Some(file.path().display().to_string()),
            _ => None,
        })
        .collect();
    match failure {
        Failure::Fatal(text) if !paths.is_empty() => Failure::Fatal(format!(
            "{text}; nothing was written to {} (an output file appears only when the run completes)",
            paths.join(", ")
        )),
        other => other,
    }
}

fn progress(common: &Common, len: Option<u64>, labels: (&'static str, &'static str)) -> Progress {
    match len {
        // The bar counts input bytes, which Base64 lines are not.
        Some(len)
            if !common.quiet
                && io::stderr().is_terminal()
                && common.input_encoding == InputEncoding::Raw =>
        {
            Progress::bar(len, labels)
        }
        _ => Progress::hidden(),
    }
}

/// Runs the pipeline, writing each batch with `write`; maps every way of stopping to a failure.
/// `envelope`: one output line per input line, blank lines included.
fn run(
    input: Box<dyn Read + Send>,
    job: Arc<dyn Job>,
    common: &Common,
    envelope: bool,
    progress: &Progress,
    mut write: impl FnMut(&Batch) -> Result<(), Failure>,
) -> Result<Stats, Failure> {
    let input: Box<dyn Read + Send> = match common.input_encoding {
        InputEncoding::Raw => input,
        InputEncoding::Base64Lines => Box::new(base64_lines::Base64Lines::new(
            io::BufReader::with_capacity(256 * 1024, input),
        )),
    };
    let mut running = Stats::default();
    let result = pipeline::run(input, job, config(common, envelope), |batch| {
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
    let (options, definitions) = validate_options(common)?;
    let (input, len, source) = open_input(common.input.as_deref())?;
    let outputs = [Output::main(common.output.as_deref())];
    let mut dests = open_outputs(&outputs, &[], [source, definitions])?;
    let mut out = dests.remove(0);
    let progress = progress(common, len, ("valid", "invalid"));
    let job = Arc::new(ValidateJob {
        validator: Validator::new(args.vendor.0).with_options(options),
        summary: args.summary,
    });
    let totals = run(input, job, common, false, &progress, |batch| {
        write(&mut out, &batch.out, &progress)
    })
    .map_err(|f| not_written(f, &[&out]))?;
    if args.summary {
        let mut line = Vec::new();
        let summary = ValidateSummary {
            records: totals.records,
            valid: totals.ok,
            invalid: totals.bad(),
        };
        serde_json::to_writer(&mut line, &summary).map_err(Failure::fatal)?;
        line.push(b'\n');
        write(&mut out, &line, &progress)?;
    }
    finish_all(out)?.commit()?;
    Ok(if totals.bad() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Writes to an output, if it is written at all.
pub(crate) fn write(
    dest: &mut Option<Dest>,
    bytes: &[u8],
    progress: &Progress,
) -> Result<(), Failure> {
    match dest {
        Some(dest) => dest.write(bytes, progress),
        None => Ok(()),
    }
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
    let (validate, definitions) = validate_options(common)?;
    let mut options = ConvertOptions::new()
        .lenient(args.lenient)
        .normalize_custom_keys(args.normalize_custom_keys)
        .validate_options(validate.clone());
    if let Some(how) = args.external_id {
        how.check(from)
            .map_err(|e| Failure::fatal(format!("--external-id {e}")))?;
        options = options.external_id(how);
    }
    let (input, len, source) = open_input(common.input.as_deref())?;
    let outputs = [
        Output::main(common.output.as_deref()),
        Output::rejects(args.rejects.as_deref()),
        Output::report(args.report.as_deref()),
    ];
    // The summary goes to standard error.
    let mut dests = open_outputs(&outputs, &[Stream::Stderr], [source, definitions])?;
    let mut report = dests.pop().flatten();
    let mut rejects = dests.pop().flatten();
    let mut out = dests.pop().flatten();
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
    let totals = run(input, job, common, args.envelope, &progress, |batch| {
        write(&mut out, &batch.out, &progress)?;
        write(&mut rejects, &batch.rejects, &progress)?;
        write(&mut report, &batch.report, &progress)
    })
    .map_err(|f| not_written(f, &[&out, &rejects, &report]))?;
    // The files are renamed into place once the summary is written: it is output too.
    let finished = finish_all([out, rejects, report].into_iter().flatten())?;
    let rejected = totals.bad();
    let mut line = format!(
        "contactkit: {} read, {} converted from {from} to {to}, {rejected} rejected",
        count(totals.records, "record"),
        totals.ok
    );
    if rejected > 0 {
        line.push_str(&format!(
            " ({} at the source stage, {} at the target stage)",
            totals.source, totals.target
        ));
        if let Some(path) = &args.rejects {
            line.push_str(&format!("; rejects in {}", path.display()));
        }
    }
    summary(&progress, &line)?;
    finished.commit()?;
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

fn schema(args: &SchemaArgs) -> Result<ExitCode, Failure> {
    let format: Format = args.format.0;
    files::plan(&[], &[Stream::Stdout], &[])?;
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
