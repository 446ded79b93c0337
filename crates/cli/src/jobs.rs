//! What happens to one record: `validate` and `convert`, and the JSON lines they produce
//! (README.md, "Command line").

use contactkit::{
    convert_str, Code, ConvertOptions, Converted, Format, Issue, Note, Rejection, Report, Stage,
    Validator,
};
use serde::Serialize;
use serde_json::Value;

use crate::input::{Batch, Rec};
use crate::pipeline::Job;

/// `{"record": N, "valid": bool, "issues": [...]}`
#[derive(Serialize)]
struct ValidateLine<'a> {
    record: u64,
    valid: bool,
    issues: &'a [Issue],
}

/// `{"records": M, "valid": N, "invalid": K}`
#[derive(Serialize)]
pub(crate) struct ValidateSummary {
    pub(crate) records: u64,
    pub(crate) valid: u64,
    pub(crate) invalid: u64,
}

/// `{"record": N, "stage": "source"|"target", "issues": [...]}`
#[derive(Serialize)]
pub(crate) struct RejectLine<'a> {
    pub(crate) record: u64,
    pub(crate) stage: Stage,
    pub(crate) issues: &'a [Issue],
}

/// `{"record": N, "notes": [...]}`
#[derive(Serialize)]
struct ReportLine<'a> {
    record: u64,
    notes: &'a [Note],
}

/// `{"line": L, "record": N, "ok": true, "notes": [...], "payload": {...}}`: the payload comes
/// last and is written exactly as `--output` writes it, so that a consumer may cut it out of the
/// line as text (docs/SCALE-OUT.md). `line` is absent for an element of a JSON array.
#[derive(Serialize)]
pub(crate) struct EnvelopeOk<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) line: Option<u64>,
    pub(crate) record: u64,
    pub(crate) ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) notes: Option<&'a [Note]>,
    pub(crate) payload: &'a Value,
}

/// `{"line": L, "record": N, "ok": false, "stage": ..., "issues": [...]}`: after `"ok":false,`
/// the line reads exactly as the reject line does after `"record":N,`.
#[derive(Serialize)]
pub(crate) struct EnvelopeRejected<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) line: Option<u64>,
    pub(crate) record: u64,
    pub(crate) ok: bool,
    pub(crate) stage: Stage,
    pub(crate) issues: &'a [Issue],
}

/// `{"line": L, "ok": true, "skipped": "blank"|"bom"}`: a line that is not a record.
#[derive(Serialize)]
struct EnvelopeSkipped {
    line: Option<u64>,
    ok: bool,
    skipped: &'static str,
}

/// For an entry that is not a record (a blank line under `--envelope`), writes its envelope
/// and returns `None`; for a record, returns it.
pub(crate) fn record_or_skip(batch: &mut Batch, index: usize) -> Option<Rec> {
    let rec = *batch.records.get(index)?;
    match rec.skipped {
        None => Some(rec),
        Some(skip) => {
            put_line(
                &mut batch.out,
                &EnvelopeSkipped {
                    line: rec.line,
                    ok: true,
                    skipped: skip.as_str(),
                },
            );
            None
        }
    }
}

/// What became of a record that converts to one object (`convert`, `preview`), counted: the
/// problem found while reading it, as a source-stage rejection, or what `run` makes of its bytes.
pub(crate) fn outcome<T>(
    batch: &mut Batch,
    rec: &Rec,
    run: impl FnOnce(&[u8]) -> Result<T, Rejection>,
) -> Result<T, Rejection> {
    let result = match rec.problem {
        Some(problem) => Err(Rejection {
            stage: Stage::Source,
            issues: vec![problem.issue()],
        }),
        None => run(batch.bytes(rec)),
    };
    batch.stats.records += 1;
    result
}

/// Writes a record's rejection: under `--envelope` its envelope line on the output, otherwise a
/// reject line on the rejects sink.
pub(crate) fn put_rejection(batch: &mut Batch, rec: &Rec, rejection: &Rejection, envelope: bool) {
    if envelope {
        put_line(
            &mut batch.out,
            &EnvelopeRejected {
                line: rec.line,
                record: rec.number,
                ok: false,
                stage: rejection.stage,
                issues: &rejection.issues,
            },
        );
    } else {
        put_line(
            &mut batch.rejects,
            &RejectLine {
                record: rec.number,
                stage: rejection.stage,
                issues: &rejection.issues,
            },
        );
    }
}

/// The `syntax` finding for bytes that are not UTF-8, or `None` when they are.
///
/// `Validator::validate_slice` skips undocumented fields without looking inside their
/// strings, so invalid UTF-8 there would go unnoticed; JSON text must be UTF-8 (RFC 8259 §8.1).
fn utf8_issue(bytes: &[u8]) -> Option<Issue> {
    let error = std::str::from_utf8(bytes).err()?;
    let before = bytes.get(..error.valid_up_to()).unwrap_or_default();
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = before.len()
        - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
        + 1;
    Some(Issue::error(
        "",
        Code::Syntax,
        format!("not valid JSON: invalid UTF-8 (line {line}, column {column})"),
    ))
}

/// Appends `value` as one line of compact JSON.
pub(crate) fn put_line<T: Serialize>(buf: &mut Vec<u8>, value: &T) {
    let mark = buf.len();
    if serde_json::to_writer(&mut *buf, value).is_err() {
        // Serialising these types into memory cannot fail; should it ever, the line must not
        // be half-written.
        buf.truncate(mark);
        panic!("cannot serialise an output line");
    }
    buf.push(b'\n');
}

/// `contactkit validate`.
#[derive(Debug)]
pub(crate) struct ValidateJob {
    pub(crate) validator: Validator,
    /// `--summary`: count only, no per-record lines.
    pub(crate) summary: bool,
}

impl Job for ValidateJob {
    fn record(&self, batch: &mut Batch, index: usize) {
        let Some(&rec) = batch.records.get(index) else {
            return;
        };
        let number = rec.number;
        let report = match rec.problem {
            Some(problem) => Report {
                issues: vec![problem.issue()],
            },
            None => {
                let bytes = batch.bytes(&rec);
                match std::str::from_utf8(bytes) {
                    // UTF-8 is checked once, here: the validator takes the text as it is.
                    Ok(text) => self.validator.validate_str(text),
                    Err(_) => Report {
                        issues: utf8_issue(bytes).into_iter().collect(),
                    },
                }
            }
        };
        let valid = report.is_valid();
        batch.stats.records += 1;
        if valid {
            batch.stats.ok += 1;
        } else {
            batch.stats.source += 1;
        }
        if !self.summary {
            put_line(
                &mut batch.out,
                &ValidateLine {
                    record: number,
                    valid,
                    issues: &report.issues,
                },
            );
        }
    }
}

/// Where `convert` writes what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConvertMode {
    /// Payloads to the output, reject lines to the rejects sink, and report lines when `report`.
    Split {
        /// `--report` was given.
        report: bool,
    },
    /// `--envelope`: one line per input line (or JSON array element) on the output.
    Envelope,
}

/// `contactkit convert`.
#[derive(Debug)]
pub(crate) struct ConvertJob {
    pub(crate) from: Format,
    pub(crate) to: Format,
    pub(crate) options: ConvertOptions,
    pub(crate) mode: ConvertMode,
    /// Validates `from`; used only to describe a record that is not JSON.
    pub(crate) source: Validator,
}

/// The source-stage rejection of a record that is not UTF-8 (so not JSON): the validator
/// describes it the same way `validate` does ([`Rejection::unparsable`]).
pub(crate) fn not_utf8(source: &Validator, bytes: &[u8]) -> Rejection {
    match serde_json::from_slice::<Value>(bytes) {
        Err(e) => Rejection::unparsable(source.validate_slice(bytes).issues, &e),
        // JSON text with invalid UTF-8 does not parse; should it, the record is still refused.
        Ok(_) => Rejection {
            stage: Stage::Source,
            issues: utf8_issue(bytes).into_iter().collect(),
        },
    }
}

impl ConvertJob {
    /// Converts from the text, so that what only the text shows (a member name repeated in
    /// one object) is rejected as `validate` reports it.
    fn convert(&self, bytes: &[u8]) -> Result<Converted, Rejection> {
        match std::str::from_utf8(bytes) {
            // The run refused a bad call (a read-format target, an external-id source that
            // cannot apply) before reading input, so an error here is a record's.
            Ok(text) => convert_str(self.from, self.to, text, &self.options)
                .map_err(contactkit::Error::into_rejection),
            Err(_) => Err(not_utf8(&self.source, bytes)),
        }
    }
}

impl Job for ConvertJob {
    fn record(&self, batch: &mut Batch, index: usize) {
        let Some(rec) = record_or_skip(batch, index) else {
            return;
        };
        let number = rec.number;
        match outcome(batch, &rec, |bytes| self.convert(bytes)) {
            Ok(converted) => {
                batch.stats.ok += 1;
                match self.mode {
                    ConvertMode::Envelope => put_line(
                        &mut batch.out,
                        &EnvelopeOk {
                            line: rec.line,
                            record: number,
                            ok: true,
                            notes: Some(&converted.notes),
                            payload: &converted.payload,
                        },
                    ),
                    ConvertMode::Split { report } => {
                        put_line(&mut batch.out, &converted.payload);
                        if report {
                            put_line(
                                &mut batch.report,
                                &ReportLine {
                                    record: number,
                                    notes: &converted.notes,
                                },
                            );
                        }
                    }
                }
            }
            Err(rejection) => {
                match rejection.stage {
                    Stage::Source => batch.stats.source += 1,
                    Stage::Target => batch.stats.target += 1,
                }
                put_rejection(batch, &rec, &rejection, self.mode == ConvertMode::Envelope);
            }
        }
    }
}
