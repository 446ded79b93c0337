//! `contactkit preview --vendor V [INPUT]`: for each create payload, the object the vendor
//! returns for it (the library's `contactkit::preview_str`; docs/READ-FORMATS.md). Output, reject
//! lines, `--envelope` and exit statuses are those of `convert`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use contactkit::{preview_str, Format, PreviewOptions, Rejection, Timestamp, Validator};
use serde_json::Value;

use crate::args::{Common, FormatArg};
use crate::files::{Output, Stream};
use crate::input::Batch;
use crate::jobs::{not_utf8, outcome, put_line, put_rejection, record_or_skip, EnvelopeOk};
use crate::output::{finish_all, Failure};
use crate::pipeline::Job;

pub(crate) const PREVIEW_EXAMPLES: &str = "\
Output: for each record, the object the vendor returns for it, one per line, in input order:
intercom → the contact object (intercom-contact), bird → the contact object (bird-contact),
helpscout → the customer as Get Customer returns it (helpscout-customer). Ids are the
placeholders \"preview\" (strings) and 0 (numbers); creation times are --now. Sequence has no
preview: its response is undocumented. Records that are invalid as the vendor's create payload
are rejected as by convert (reject lines on --rejects or standard error).

Examples:
  contactkit preview --vendor intercom contacts.ndjson
  contactkit preview --vendor bird --now 2024-05-01T12:00:00Z people.json
  contactkit convert --from intercom-contact --to bird export.ndjson | contactkit preview --vendor bird";

/// `contactkit preview`.
#[derive(Debug, Args)]
pub(crate) struct PreviewArgs {
    /// The create format of the input records: intercom, bird or helpscout
    #[arg(long, value_name = "FORMAT")]
    pub(crate) vendor: FormatArg,
    /// The creation and update time the vendor records, RFC 3339 [default: the placeholder
    /// 1970-01-01T00:00:00Z]
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub(crate) now: Option<Timestamp>,
    /// Write reject lines to PATH instead of standard error (created when the run completes)
    #[arg(long, value_name = "PATH")]
    pub(crate) rejects: Option<PathBuf>,
    /// Write exactly one line per input line, {"line": L, "record": N, "ok": true, "payload": {...}},
    /// {"line": L, "record": N, "ok": false, "stage": "source", "issues": [...]} or, for a blank
    /// line, {"line": L, "ok": true, "skipped": "blank"}; exit 0 unless the input cannot be read
    /// or the output cannot be written (a closed pipe included)
    #[arg(long, conflicts_with = "rejects")]
    pub(crate) envelope: bool,
    #[command(flatten)]
    pub(crate) common: Common,
}

fn parse_time(text: &str) -> Result<Timestamp, String> {
    text.parse()
        .map_err(|e| format!("{text:?} is {e} (e.g. 2024-05-01T12:00:00Z)"))
}

/// What the workers do with each record.
#[derive(Debug)]
struct PreviewJob {
    format: Format,
    options: PreviewOptions,
    envelope: bool,
    /// Validates `format`; used only to describe a record that is not UTF-8.
    source: Validator,
}

impl PreviewJob {
    fn preview(&self, bytes: &[u8]) -> Result<Value, Rejection> {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return Err(not_utf8(&self.source, bytes));
        };
        // From the text: a parsed value cannot show a member name repeated in one object. The
        // format was checked before the run, so an error here is the record's.
        preview_str(self.format, text, &self.options).map_err(contactkit::Error::into_rejection)
    }
}

impl Job for PreviewJob {
    fn record(&self, batch: &mut Batch, index: usize) {
        let Some(rec) = record_or_skip(batch, index) else {
            return;
        };
        match outcome(batch, &rec, |bytes| self.preview(bytes)) {
            Ok(object) => {
                batch.stats.ok += 1;
                if self.envelope {
                    let line = EnvelopeOk {
                        line: rec.line,
                        record: rec.number,
                        ok: true,
                        notes: None,
                        payload: &object,
                    };
                    put_line(&mut batch.out, &line);
                } else {
                    put_line(&mut batch.out, &object);
                }
            }
            Err(rejection) => {
                batch.stats.source += 1;
                put_rejection(batch, &rec, &rejection, self.envelope);
            }
        }
    }
}

/// Runs `contactkit preview`.
pub(crate) fn run(args: PreviewArgs) -> Result<ExitCode, Failure> {
    let common = &args.common;
    let format = args.vendor.0;
    let Some(response) = format.response_format() else {
        let why = match format {
            Format::Sequence => "Sequence's response is undocumented and is not the stored person",
            f if f.is_read() => "it is a read format (what a vendor returns), not a create payload",
            _ => "it is not a vendor's create payload",
        };
        return Err(Failure::fatal(format!(
            "--vendor {format} has no preview: {why}; preview works for intercom, bird and helpscout"
        )));
    };
    let (validate, definitions) = crate::validate_options(common)?;
    let mut options = PreviewOptions::new().validate_options(validate.clone());
    options.now = args.now;
    let (input, len, source) = crate::open_input(common.input.as_deref())?;
    let outputs = [
        Output::main(common.output.as_deref()),
        Output::rejects(args.rejects.as_deref()),
    ];
    // The summary goes to standard error.
    let mut dests = crate::open_outputs(&outputs, &[Stream::Stderr], [source, definitions])?;
    let mut rejects = dests.pop().flatten();
    let mut out = dests.pop().flatten();
    let progress = crate::progress(common, len, ("previewed", "rejected"));
    let job = Arc::new(PreviewJob {
        format,
        options,
        envelope: args.envelope,
        source: Validator::new(format).with_options(validate),
    });
    let totals = crate::run(input, job, common, args.envelope, &progress, |batch| {
        crate::write(&mut out, &batch.out, &progress)?;
        crate::write(&mut rejects, &batch.rejects, &progress)
    })
    .map_err(|f| crate::not_written(f, &[&out, &rejects]))?;
    // The files are renamed into place once the summary is written: it is output too.
    let finished = finish_all([out, rejects].into_iter().flatten())?;
    let rejected = totals.bad();
    let mut summary = format!(
        "contactkit: {} read, {} previewed as {response}, {rejected} rejected",
        crate::count(totals.records, "record"),
        totals.ok
    );
    if let (true, Some(path)) = (rejected > 0, &args.rejects) {
        summary.push_str(&format!("; rejects in {}", path.display()));
    }
    crate::output::summary(&progress, &summary)?;
    finished.commit()?;
    Ok(if rejected == 0 || args.envelope {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
