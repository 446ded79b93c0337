//! Splitting the input into records without ever holding more than one batch of them.
//!
//! The input is NDJSON (one JSON value per line, blank lines skipped) unless its first non-blank
//! character is `[`, in which case it is one JSON array whose elements are the records. Either
//! way the reader copies each record's raw bytes into a [`Batch`] and never parses them: parsing
//! and validation happen on the worker threads. A record longer than the limit is not copied at
//! all: its bytes are skipped (the array splitter still follows its strings and brackets) and
//! the record is marked [`Problem::TooLarge`].
//!
//! Lines end at a line feed only (a bare carriage return is JSON whitespace, and a CRLF line's
//! carriage return is trimmed with the rest). Each NDJSON line is a JSON text of its own, so a
//! UTF-8 byte order mark at the start of any line is that text's mark and is ignored (RFC 8259
//! §8.1 allows it), not only at the start of the input: where a line sits in the input, or in a
//! partition of it under Spark, never changes what it means. A line that holds nothing but a
//! mark and whitespace is blank. With `keep_blank` (`--envelope`), blank lines are entries of
//! the batch too ([`Rec::skipped`]), so that every input line gets exactly one output line.

use std::fmt;
use std::io::{self, BufRead, BufReader, Read};

use contactkit::{Code, Issue};

/// Capacity of the read buffer.
const READ_BUFFER: usize = 256 * 1024;

/// JSON's insignificant whitespace (RFC 8259): space, tab, line feed, carriage return.
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// `bytes` without leading and trailing JSON whitespace, as a range relative to `bytes`.
fn trim(bytes: &[u8]) -> (usize, usize) {
    let start = bytes.iter().position(|&b| !is_ws(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| !is_ws(b))
        .map_or(start, |i| i + 1);
    (start, end)
}

/// Why a record has no bytes to parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The record is longer than `--max-record-bytes`; `size` is its full length in bytes.
    TooLarge {
        /// The record's length in bytes.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// Two commas (or a comma and the closing bracket) with nothing between them.
    EmptyElement,
}

impl Problem {
    /// The `syntax` finding that the record gets.
    pub(crate) fn issue(self) -> Issue {
        let message = match self {
            Self::TooLarge { size, limit } => format!(
                "the record is {size} bytes long, more than the limit of {limit} bytes, so it \
                 was skipped without being read (raise --max-record-bytes to accept it)"
            ),
            Self::EmptyElement => "not valid JSON: an empty element in the JSON array".to_owned(),
        };
        Issue::error("", Code::Syntax, message)
    }
}

/// Why an NDJSON line is not a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Skip {
    /// Empty, or JSON whitespace only.
    Blank,
    /// A byte order mark, alone or followed by whitespace only.
    Bom,
}

impl Skip {
    /// The word `--envelope` writes for it.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Blank => "blank",
            Self::Bom => "bom",
        }
    }
}

/// One entry of a batch: a record (a byte range of [`Batch::data`], or a problem), or a line
/// that is not a record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rec {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) problem: Option<Problem>,
    /// The record's number (records count from 1); for a skipped line, the number the next
    /// record will get.
    pub(crate) number: u64,
    /// The NDJSON line (lines count from 1); `None` for an element of a JSON array.
    pub(crate) line: Option<u64>,
    /// Set for a line that is not a record (only with `keep_blank`).
    pub(crate) skipped: Option<Skip>,
}

/// Per-batch counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Stats {
    /// Records processed.
    pub(crate) records: u64,
    /// Valid (validate) or converted (convert) records.
    pub(crate) ok: u64,
    /// Rejected at the source stage (convert) or invalid (validate).
    pub(crate) source: u64,
    /// Rejected at the target stage (convert).
    pub(crate) target: u64,
}

impl Stats {
    /// Invalid or rejected records.
    pub(crate) fn bad(&self) -> u64 {
        self.source + self.target
    }

    pub(crate) fn add(&mut self, other: &Self) {
        self.records += other.records;
        self.ok += other.ok;
        self.source += other.source;
        self.target += other.target;
    }
}

/// A run of consecutive records together with the output produced for them. Batches are
/// allocated once and recycled, so their buffers keep their capacity.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    /// Position of the batch in the input (0, 1, 2, ...).
    pub(crate) seq: u64,
    /// The number of the batch's first record (records count from 1).
    pub(crate) first_record: u64,
    /// The records' raw bytes, back to back.
    pub(crate) data: Vec<u8>,
    /// The records.
    pub(crate) records: Vec<Rec>,
    /// Input bytes consumed once this batch was read (for the progress bar).
    pub(crate) end_offset: u64,
    /// Lines for standard output (or `--output`).
    pub(crate) out: Vec<u8>,
    /// Reject lines.
    pub(crate) rejects: Vec<u8>,
    /// Report lines.
    pub(crate) report: Vec<u8>,
    /// Counts.
    pub(crate) stats: Stats,
    /// Set when processing a record failed inside contactkit itself (a bug): its number.
    pub(crate) failed_at: Option<u64>,
}

impl Batch {
    /// Empties the batch for reuse; buffers that grew far beyond `keep` bytes (after a huge
    /// record) are shrunk so that memory stays bounded.
    pub(crate) fn reset(&mut self, seq: u64, first_record: u64, keep: usize) {
        self.seq = seq;
        self.first_record = first_record;
        self.end_offset = 0;
        self.stats = Stats::default();
        self.failed_at = None;
        for buf in [
            &mut self.data,
            &mut self.out,
            &mut self.rejects,
            &mut self.report,
        ] {
            buf.clear();
            if buf.capacity() > keep.saturating_mul(2) {
                buf.shrink_to(keep);
            }
        }
        self.records.clear();
    }

    /// The bytes of a record.
    pub(crate) fn bytes(&self, rec: &Rec) -> &[u8] {
        self.data.get(rec.start..rec.end).unwrap_or_default()
    }
}

/// A failure to read the input as a whole (as opposed to one bad record).
#[derive(Debug)]
pub(crate) enum InputError {
    /// Reading failed.
    Io(io::Error),
    /// The input ended inside the JSON array.
    Unclosed {
        /// Records read before the end.
        records: u64,
    },
    /// Something other than whitespace follows the closing bracket of the JSON array.
    TrailingData,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(e) => write!(f, "cannot read the input: {e}"),
            Self::Unclosed { records: 0 } => f.write_str(
                "the input is a JSON array that is never closed: it ends before its first record \
                 without the closing `]` (truncated file?)",
            ),
            Self::Unclosed { records } => write!(
                f,
                "the input is a JSON array that is never closed: it ends after record {records} \
                 without the closing `]` (truncated file?)"
            ),
            Self::TrailingData => f.write_str(
                "the input is a JSON array followed by more data; expected only whitespace after \
                 the closing `]`",
            ),
        }
    }
}

impl From<io::Error> for InputError {
    fn from(e: io::Error) -> Self {
        Self::Io(e)
    }
}

/// The array splitter's state between buffer refills.
#[derive(Debug, Default)]
struct ArrayState {
    depth: u64,
    in_string: bool,
    escape: bool,
    /// Elements ended so far (including empty ones).
    elements: u64,
    /// The closing bracket was seen.
    closed: bool,
}

#[derive(Debug)]
enum Mode {
    Lines,
    Array(ArrayState),
}

/// What ended an array element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ElementEnd {
    Comma,
    Close,
    Eof,
}

/// Whitespace consumed by [`RecordReader::skip_ws`].
#[derive(Debug, Clone, Copy)]
struct Ws {
    /// The next byte (not consumed), or `None` at the end of the input.
    next: Option<u8>,
    /// Line feeds consumed.
    newlines: u64,
    /// Bytes consumed after the last of them.
    tail: u64,
}

/// How far the start of a line matches a byte order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// The line's first bytes so far are the mark's first `n` bytes.
    Matching(usize),
    /// The line starts with a mark; `in_data` when its bytes are in [`Batch::data`].
    Found { in_data: bool },
    /// The line does not start with a mark.
    Absent,
}

impl Mark {
    /// Feeds the next bytes of a line. Returns how many of them belong to the mark, and how
    /// many bytes held back earlier turned out to be data (the first bytes of a mark followed
    /// by something else).
    fn feed(&mut self, chunk: &[u8]) -> (usize, usize) {
        let Self::Matching(held) = *self else {
            return (0, 0);
        };
        let mut n = held;
        for &b in chunk {
            if BOM.get(n) != Some(&b) {
                *self = Self::Absent;
                return (0, held);
            }
            n += 1;
            if n == BOM.len() {
                *self = Self::Found { in_data: true };
                return (n - held, 0);
            }
        }
        *self = Self::Matching(n);
        (chunk.len(), 0)
    }
}

/// Reads records from a byte stream into batches.
///
/// Never more than the limit of one record is buffered beyond the records themselves.
pub(crate) struct RecordReader<R> {
    /// The input after its byte order mark (the bytes read to look for one come first).
    inner: BufReader<io::Chain<io::Cursor<Vec<u8>>, R>>,
    mode: Mode,
    limit: u64,
    offset: u64,
    next_record: u64,
    done: bool,
    /// Blank lines become entries of the batch (`--envelope`).
    keep_blank: bool,
    /// The number of the next NDJSON line.
    line: u64,
    /// Blank lines passed while looking for the first record, not yet reported.
    pending_blank: u64,
    /// The first of them starts with the input's byte order mark.
    pending_bom: bool,
    /// The current line's byte order mark was consumed with the input's first bytes.
    head_bom: bool,
    /// Whitespace bytes of the current line consumed while looking for the first record.
    head_len: u64,
}

impl<R: Read> RecordReader<R> {
    /// Skips a UTF-8 byte order mark and leading whitespace, and decides between NDJSON and a
    /// JSON array by the first non-blank character.
    /// With `lines_only`, the input is NDJSON even when it starts with `[` (`--ndjson`); with
    /// `keep_blank`, blank NDJSON lines become entries of the batches (`--envelope`).
    pub(crate) fn new(
        read: R,
        limit: u64,
        lines_only: bool,
        keep_blank: bool,
    ) -> Result<Self, InputError> {
        let (head, read) = read_head(read)?;
        let (head, offset) = match head.strip_prefix(BOM) {
            Some(rest) => (rest.to_vec(), BOM.len() as u64),
            // Not a whole mark (even its first bytes and then something else, or the end):
            // the bytes are data, and a record that holds them is not UTF-8.
            None => (head, 0),
        };
        let bom = offset > 0;
        let mut reader = Self {
            inner: BufReader::with_capacity(READ_BUFFER, io::Cursor::new(head).chain(read)),
            mode: Mode::Lines,
            limit,
            offset,
            next_record: 1,
            done: false,
            keep_blank,
            line: 1,
            pending_blank: 0,
            pending_bom: bom,
            head_bom: bom,
            head_len: 0,
        };
        let ws = reader.skip_ws()?;
        // Whole lines passed over are blank lines; the first of them holds the input's mark.
        reader.pending_blank = ws.newlines;
        if ws.newlines > 0 {
            reader.head_bom = false;
        }
        reader.head_len = ws.tail;
        match ws.next {
            None => {
                reader.done = true;
                // A last line without a line feed that holds a mark or whitespace.
                if reader.head_bom || reader.head_len > 0 {
                    reader.pending_blank += 1;
                }
            }
            Some(b'[') if !lines_only => {
                reader.inner.consume(1);
                reader.offset += 1;
                reader.mode = Mode::Array(ArrayState::default());
                reader.pending_blank = 0;
            }
            Some(_) => {}
        }
        if !keep_blank {
            reader.line += reader.pending_blank;
            reader.pending_blank = 0;
        }
        Ok(reader)
    }

    /// The number the next record will get.
    pub(crate) fn next_record(&self) -> u64 {
        self.next_record
    }

    /// The buffered bytes, refilled when empty; empty only at the end of the input.
    fn fill(&mut self) -> io::Result<&[u8]> {
        loop {
            match self.inner.fill_buf() {
                // Never read again after an end of input (a terminal would wait for another ^D).
                Ok([]) => return Ok(&[]),
                Ok(_) => break,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        // Data is buffered: this returns it without reading.
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.inner.consume(n);
        self.offset += n as u64;
    }

    /// Consumes whitespace, counting the line feeds.
    fn skip_ws(&mut self) -> io::Result<Ws> {
        let mut ws = Ws {
            next: None,
            newlines: 0,
            tail: 0,
        };
        loop {
            let buf = self.fill()?;
            if buf.is_empty() {
                return Ok(ws);
            }
            let end = buf.iter().position(|&b| !is_ws(b));
            let blank = buf.get(..end.unwrap_or(buf.len())).unwrap_or_default();
            match memchr::memrchr(b'\n', blank) {
                Some(last) => {
                    ws.newlines += memchr::memchr_iter(b'\n', blank).count() as u64;
                    ws.tail = (blank.len() - last - 1) as u64;
                }
                None => ws.tail += blank.len() as u64,
            }
            ws.next = end.and_then(|i| buf.get(i).copied());
            let n = blank.len();
            self.consume(n);
            if ws.next.is_some() {
                return Ok(ws);
            }
        }
    }

    /// Appends records to `batch` until it holds `max_records` records or `max_bytes` bytes of
    /// data, or the input ends. Returns `Ok(false)` when the input is exhausted. On an error
    /// the records appended so far stay in the batch and are valid.
    pub(crate) fn fill_batch(
        &mut self,
        batch: &mut Batch,
        max_records: usize,
        max_bytes: usize,
    ) -> Result<bool, InputError> {
        let result = self.fill_inner(batch, max_records, max_bytes);
        batch.end_offset = self.offset;
        result.map(|()| !self.done || self.pending_blank > 0)
    }

    fn fill_inner(
        &mut self,
        batch: &mut Batch,
        max_records: usize,
        max_bytes: usize,
    ) -> Result<(), InputError> {
        while batch.records.len() < max_records && batch.data.len() < max_bytes {
            if self.pending_blank > 0 {
                self.pending_blank -= 1;
                let skip = if std::mem::take(&mut self.pending_bom) {
                    Skip::Bom
                } else {
                    Skip::Blank
                };
                self.push_skipped(batch, skip);
                continue;
            }
            if self.done {
                break;
            }
            match self.mode {
                Mode::Lines => self.next_line(batch)?,
                Mode::Array(_) => {
                    if self.next_element(batch)? {
                        self.next_record += 1;
                    }
                }
            }
        }
        Ok(())
    }

    /// Appends a record of the current line (NDJSON) and counts it.
    fn push_line_record(
        &mut self,
        batch: &mut Batch,
        start: usize,
        end: usize,
        problem: Option<Problem>,
    ) {
        batch.records.push(Rec {
            start,
            end,
            problem,
            number: self.next_record,
            line: Some(self.line),
            skipped: None,
        });
        self.next_record += 1;
        self.line += 1;
    }

    /// Passes over a blank line; with `keep_blank`, appends it as an entry.
    fn push_skipped(&mut self, batch: &mut Batch, skip: Skip) {
        if self.keep_blank {
            let at = batch.data.len();
            batch.records.push(Rec {
                start: at,
                end: at,
                problem: None,
                number: self.next_record,
                line: Some(self.line),
                skipped: Some(skip),
            });
        }
        self.line += 1;
    }

    /// An element of the JSON array.
    fn array_record(&self, start: usize, end: usize, problem: Option<Problem>) -> Rec {
        Rec {
            start,
            end,
            problem,
            number: self.next_record,
            line: None,
            skipped: None,
        }
    }

    /// Reads one line into `batch`: a record, or with `keep_blank` a blank line. Without it,
    /// blank lines are passed over until a record or the end of the input.
    fn next_line(&mut self, batch: &mut Batch) -> Result<(), InputError> {
        loop {
            let start = batch.data.len();
            // What was consumed of this line while looking for the first record.
            let mut mark = if self.head_bom {
                Mark::Found { in_data: false }
            } else if self.head_len > 0 {
                Mark::Absent
            } else {
                Mark::Matching(0)
            };
            let mut seen = self.head_bom || self.head_len > 0;
            // The line's size: every byte but its mark and its line feed.
            let mut len: u64 = self.head_len;
            // Whether the line so far ends with a CR: the CR of a CRLF line ending is not part
            // of the record, so it does not count against the limit.
            let mut ends_cr = false;
            self.head_bom = false;
            self.head_len = 0;
            let mut oversize = false;
            let mut nonblank = false;
            let mut eof = false;
            loop {
                let limit = self.limit;
                let buf = self.fill()?;
                if buf.is_empty() {
                    eof = true;
                    break;
                }
                let (chunk, newline) = match memchr::memchr(b'\n', buf) {
                    Some(i) => (buf.get(..i).unwrap_or_default(), true),
                    None => (buf, false),
                };
                seen = true;
                let (in_mark, released) = mark.feed(chunk);
                let rest = chunk.get(in_mark..).unwrap_or_default();
                len += (rest.len() + released) as u64;
                if let Some(&last) = chunk.last() {
                    ends_cr = last == b'\r';
                }
                nonblank = nonblank || released > 0 || rest.iter().any(|&b| !is_ws(b));
                if !oversize && len - u64::from(ends_cr) > limit {
                    oversize = true;
                    batch.data.truncate(start);
                }
                if !oversize {
                    batch.data.extend_from_slice(chunk);
                }
                let consumed = chunk.len() + usize::from(newline);
                self.consume(consumed);
                if newline {
                    break;
                }
            }
            if eof {
                self.done = true;
                if !seen {
                    // Nothing after the last line feed: no line.
                    return Ok(());
                }
            }
            if let Mark::Matching(held) = mark {
                // The line is shorter than a mark: its bytes are data.
                len += held as u64;
                nonblank = nonblank || held > 0;
                if !oversize && len > self.limit {
                    oversize = true;
                    batch.data.truncate(start);
                }
            }
            let skip = if matches!(mark, Mark::Found { .. }) {
                Skip::Bom
            } else {
                Skip::Blank
            };
            if oversize {
                if nonblank {
                    let problem = Problem::TooLarge {
                        size: len - u64::from(ends_cr),
                        limit: self.limit,
                    };
                    self.push_line_record(batch, start, start, Some(problem));
                    return Ok(());
                }
            } else {
                let from = start
                    + if mark == (Mark::Found { in_data: true }) {
                        BOM.len()
                    } else {
                        0
                    };
                let (a, b) = trim(batch.data.get(from..).unwrap_or_default());
                if a < b {
                    self.push_line_record(batch, from + a, from + b, None);
                    return Ok(());
                }
                batch.data.truncate(start);
            }
            self.push_skipped(batch, skip);
            if self.keep_blank || eof {
                return Ok(());
            }
        }
    }

    /// Reads one element of the JSON array into `batch`. Returns `false` after the last one.
    fn next_element(&mut self, batch: &mut Batch) -> Result<bool, InputError> {
        let Mode::Array(state) = &mut self.mode else {
            return Ok(false);
        };
        if state.closed {
            // Only whitespace may follow the array.
            self.done = true;
            return match self.skip_ws()?.next {
                None => Ok(false),
                Some(_) => Err(InputError::TrailingData),
            };
        }
        // Whitespace before the element is not part of it (nor of its size).
        if self.skip_ws()?.next.is_none() {
            self.done = true;
            return Err(InputError::Unclosed {
                records: self.next_record - 1,
            });
        }
        let start = batch.data.len();
        let mut len: u64 = 0;
        let mut oversize = false;
        let mut oversize_nonblank = false;
        let end = loop {
            let limit = self.limit;
            let buf = match self.inner.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            };
            if buf.is_empty() {
                break ElementEnd::Eof;
            }
            let Mode::Array(state) = &mut self.mode else {
                return Ok(false);
            };
            let (stop, end) = scan_element(state, buf);
            let chunk = buf.get(..stop).unwrap_or_default();
            len += chunk.len() as u64;
            if !oversize && len > limit {
                oversize = true;
                let kept = batch.data.get(start..).unwrap_or_default();
                oversize_nonblank = !kept.iter().all(|&b| is_ws(b));
                batch.data.truncate(start);
            }
            if oversize {
                oversize_nonblank = oversize_nonblank || !chunk.iter().all(|&b| is_ws(b));
            } else {
                batch.data.extend_from_slice(chunk);
            }
            let consumed = stop + usize::from(end.is_some());
            self.inner.consume(consumed);
            self.offset += consumed as u64;
            if let Some(end) = end {
                break end;
            }
        };
        let Mode::Array(state) = &mut self.mode else {
            return Ok(false);
        };
        let first = state.elements == 0;
        match end {
            ElementEnd::Comma => state.elements += 1,
            ElementEnd::Close => {
                state.elements += 1;
                state.closed = true;
            }
            ElementEnd::Eof => self.done = true,
        }
        let (a, b) = if oversize {
            (0, usize::from(oversize_nonblank))
        } else {
            trim(batch.data.get(start..).unwrap_or_default())
        };
        if a < b {
            let rec = if oversize {
                let problem = Problem::TooLarge {
                    size: len,
                    limit: self.limit,
                };
                self.array_record(start, start, Some(problem))
            } else {
                self.array_record(start + a, start + b, None)
            };
            batch.records.push(rec);
            if end == ElementEnd::Eof {
                return Err(InputError::Unclosed {
                    records: self.next_record,
                });
            }
            return Ok(true);
        }
        batch.data.truncate(start);
        match end {
            // `[]` (or `[ ]`): no records at all.
            ElementEnd::Close if first => Ok(false),
            ElementEnd::Comma | ElementEnd::Close => {
                let rec = self.array_record(start, start, Some(Problem::EmptyElement));
                batch.records.push(rec);
                Ok(true)
            }
            ElementEnd::Eof => Err(InputError::Unclosed {
                records: self.next_record - 1,
            }),
        }
    }
}

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads the first bytes of the input, as many as a byte order mark has (fewer only at the end
/// of the input), so that finding the mark does not depend on how the input arrives.
fn read_head<R: Read>(mut read: R) -> io::Result<(Vec<u8>, R)> {
    let mut head = [0u8; 3];
    let mut got = 0;
    while got < head.len() {
        match read.read(head.get_mut(got..).unwrap_or_default()) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok((head.get(..got).unwrap_or_default().to_vec(), read))
}

/// Scans `buf` for the end of the current array element. Returns the number of bytes that
/// belong to the element and, when the element ends inside `buf`, what ended it (the comma or
/// bracket itself is not part of the element).
fn scan_element(state: &mut ArrayState, buf: &[u8]) -> (usize, Option<ElementEnd>) {
    let mut i = 0;
    while i < buf.len() {
        if state.in_string {
            if state.escape {
                state.escape = false;
                i += 1;
                continue;
            }
            match memchr::memchr2(b'"', b'\\', buf.get(i..).unwrap_or_default()) {
                Some(j) => {
                    i += j;
                    if buf.get(i) == Some(&b'\\') {
                        state.escape = true;
                    } else {
                        state.in_string = false;
                    }
                    i += 1;
                }
                None => return (buf.len(), None),
            }
            continue;
        }
        match buf.get(i).copied().unwrap_or(b' ') {
            b'"' => state.in_string = true,
            b'[' | b'{' => state.depth += 1,
            b']' if state.depth == 0 => return (i, Some(ElementEnd::Close)),
            b',' if state.depth == 0 => return (i, Some(ElementEnd::Comma)),
            b']' | b'}' => state.depth = state.depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    (buf.len(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads everything with a tiny read buffer granularity (1..=7 bytes per read) to exercise
    /// state carried across refills.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.data.len().min(out.len()).min(self.step);
            out[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            self.step = self.step % 7 + 1;
            Ok(n)
        }
    }

    fn records(input: &[u8], limit: u64) -> (Vec<Result<String, Problem>>, Option<String>) {
        let mut all = Vec::new();
        let mut error = None;
        let mut reader = match RecordReader::new(
            Trickle {
                data: input,
                step: 1,
            },
            limit,
            false,
            false,
        ) {
            Ok(r) => r,
            Err(e) => return (all, Some(e.to_string())),
        };
        loop {
            let mut batch = Batch::default();
            let result = reader.fill_batch(&mut batch, 2, 1 << 20);
            for rec in &batch.records {
                all.push(match rec.problem {
                    Some(p) => Err(p),
                    None => Ok(String::from_utf8_lossy(batch.bytes(rec)).into_owned()),
                });
            }
            match result {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    error = Some(e.to_string());
                    break;
                }
            }
        }
        (all, error)
    }

    fn ok(items: &[&str]) -> Vec<Result<String, Problem>> {
        items.iter().map(|s| Ok((*s).to_owned())).collect()
    }

    #[test]
    fn ndjson_lines_blank_lines_crlf_bom_and_no_final_newline() {
        let input = b"\xEF\xBB\xBF{\"a\":1}\r\n\r\n   \n{\"b\":2}\n\t{\"c\":3}";
        assert_eq!(
            records(input, 100),
            (ok(&["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"]), None)
        );
    }

    #[test]
    fn the_first_bytes_of_a_mark_alone_are_data_whatever_the_read_size() {
        // Found by fuzzing (fuzz/fuzz_targets/reader.rs): read one byte at a time, "\xEF\xBB"
        // then "x" failed the whole input, read at once it was a record.
        for input in [&b"\xEF\xBBx\n{}"[..], b"\xEF\xBB", b"\xEF"] {
            for step in [1, 2, 7] {
                let mut reader =
                    RecordReader::new(Trickle { data: input, step }, 100, false, false)
                        .expect("reader");
                let mut batch = Batch::default();
                assert!(matches!(reader.fill_batch(&mut batch, 10, 1000), Ok(false)));
                let first = batch.records.first().map(|r| batch.bytes(r));
                let head = input.split(|&b| b == b'\n').next();
                assert_eq!(first, head, "{input:?} read {step} at a time");
            }
        }
    }

    /// What the reader gives for one NDJSON line.
    #[derive(Debug, Clone, PartialEq, Eq)]
    enum Entry {
        Record { line: u64, bytes: Vec<u8> },
        TooLarge { line: u64, size: u64 },
        Skipped { line: u64, skip: Skip },
    }

    /// Reads NDJSON input `step` bytes at a time, in batches of `per_batch` entries.
    fn entries(
        input: &[u8],
        limit: u64,
        keep_blank: bool,
        step: usize,
        per_batch: usize,
    ) -> Vec<Entry> {
        let source = Trickle { data: input, step };
        let mut reader = RecordReader::new(source, limit, true, keep_blank).expect("reader");
        let mut all = Vec::new();
        let mut next_record = 1;
        loop {
            let mut batch = Batch::default();
            let more = reader
                .fill_batch(&mut batch, per_batch, 1 << 20)
                .expect("NDJSON never fails");
            for rec in &batch.records {
                let line = rec.line.expect("NDJSON entries have a line");
                all.push(match (rec.skipped, rec.problem) {
                    (Some(skip), _) => Entry::Skipped { line, skip },
                    (None, Some(Problem::TooLarge { size, .. })) => Entry::TooLarge { line, size },
                    (None, Some(other)) => panic!("{other:?} in NDJSON"),
                    (None, None) => Entry::Record {
                        line,
                        bytes: batch.bytes(rec).to_vec(),
                    },
                });
                if rec.skipped.is_none() {
                    assert_eq!(rec.number, next_record, "records are numbered in order");
                    next_record += 1;
                }
            }
            if !more {
                return all;
            }
        }
    }

    /// The reference: lines end at a line feed; each line loses one leading byte order mark (the
    /// input's own, or its own); a line that is then blank is skipped; the size of a record is
    /// its line's length without the mark and without a final CR (that of a CRLF line ending).
    fn model(input: &[u8], limit: u64, keep_blank: bool) -> Vec<Entry> {
        let size = |content: &[u8]| (content.len() - usize::from(content.ends_with(b"\r"))) as u64;
        let (head_bom, text) = match input.strip_prefix(BOM) {
            Some(rest) => (true, rest),
            None => (false, input),
        };
        let mut lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
        if lines.last().is_some_and(|l| l.is_empty()) && !(head_bom && text.is_empty()) {
            lines.pop();
        }
        let mut out = Vec::new();
        for (i, raw) in lines.into_iter().enumerate() {
            let line = i as u64 + 1;
            let (bom, content) = match raw.strip_prefix(BOM) {
                _ if i == 0 && head_bom => (true, raw),
                Some(rest) => (true, rest),
                None => (false, raw),
            };
            let (a, b) = trim(content);
            if a == b {
                if keep_blank {
                    let skip = if bom { Skip::Bom } else { Skip::Blank };
                    out.push(Entry::Skipped { line, skip });
                }
            } else if size(content) > limit {
                out.push(Entry::TooLarge {
                    line,
                    size: size(content),
                });
            } else {
                out.push(Entry::Record {
                    line,
                    bytes: content[a..b].to_vec(),
                });
            }
        }
        out
    }

    #[test]
    fn ndjson_lines_match_the_model_however_the_input_arrives() {
        const PIECES: &[&[u8]] = &[
            b"\n",
            b"\n",
            b"\r\n",
            b"\r",
            b" ",
            b"\t",
            BOM,
            BOM,
            b"\xEF",
            b"\xEF\xBB",
            b"\xBF",
            b"{}",
            b"x",
            b"[1]",
            b"\xC2\xA0",
            b"\x0C",
            b"aaaaaaaaaaaa",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for case in 0..3000 {
            let pieces = next() % 24;
            let input: Vec<u8> = (0..pieces)
                .flat_map(|_| {
                    PIECES[(next() % PIECES.len() as u64) as usize]
                        .iter()
                        .copied()
                })
                .collect();
            let limit = [3, 8, 16, 1 << 20][(next() % 4) as usize];
            let keep_blank = case % 2 == 0;
            let want = model(&input, limit, keep_blank);
            for (step, per_batch) in [(input.len().max(1), 1000), (1, 1), (3, 2), (7, 5)] {
                assert_eq!(
                    entries(&input, limit, keep_blank, step, per_batch),
                    want,
                    "case {case}: {input:?}, limit {limit}, keep_blank {keep_blank}, step {step}"
                );
            }
        }
    }

    fn record(line: u64, bytes: &[u8]) -> Entry {
        Entry::Record {
            line,
            bytes: bytes.to_vec(),
        }
    }

    fn skipped(line: u64, skip: Skip) -> Entry {
        Entry::Skipped { line, skip }
    }

    #[test]
    fn every_line_gets_an_entry_when_blank_lines_are_kept() {
        // The issue's input: a mark alone on the first line, then a record.
        let input = b"\xEF\xBB\xBF\nnull\n";
        let want = vec![skipped(1, Skip::Bom), record(2, b"null")];
        assert_eq!(entries(input, 100, true, 1, 10), want);
        // A mark at the start of a later line is that line's mark (as at the start of a Spark
        // partition); one inside a line is data.
        let input = b"{}\n\xEF\xBB\xBF{}\n \xEF\xBB\xBF{}\n\xEF\xBB\xBF \n\n";
        let want = vec![
            record(1, b"{}"),
            record(2, b"{}"),
            record(3, b"\xEF\xBB\xBF{}"),
            skipped(4, Skip::Bom),
            skipped(5, Skip::Blank),
        ];
        assert_eq!(entries(input, 100, true, 2, 10), want);
        // Without keep_blank the same records, numbered alike, and no other entries.
        let want = vec![record(3, b"{}"), record(5, b"[]")];
        assert_eq!(entries(b"\n\n{}\n \n[]", 100, false, 1, 1), want);
        // A JSON array has no lines to keep.
        let mut reader =
            RecordReader::new(&b"\n\n[1,\n\n2]"[..], 100, false, true).expect("reader");
        let mut batch = Batch::default();
        assert!(matches!(reader.fill_batch(&mut batch, 10, 1000), Ok(false)));
        let lines: Vec<Option<u64>> = batch.records.iter().map(|r| r.line).collect();
        assert_eq!(lines, [None, None]);
    }

    #[test]
    fn empty_and_blank_inputs_have_no_records() {
        assert_eq!(records(b"", 100), (vec![], None));
        assert_eq!(records(b"\n\r\n  \n", 100), (vec![], None));
        assert_eq!(records(b"\xEF\xBB\xBF", 100), (vec![], None));
        assert_eq!(records(b" [ ] \n", 100), (vec![], None));
    }

    #[test]
    fn array_elements_are_records_and_brackets_inside_strings_do_not_count() {
        let input = br#" [ {"a": "x,]\"}"}, [1, [2]] ,
  "s" , {"b": {"c": [3]}} ]
"#;
        assert_eq!(
            records(input, 100),
            (
                ok(&[
                    r#"{"a": "x,]\"}"}"#,
                    "[1, [2]]",
                    "\"s\"",
                    r#"{"b": {"c": [3]}}"#
                ]),
                None
            )
        );
    }

    #[test]
    fn empty_array_elements_are_syntax_records() {
        let (recs, err) = records(b"[1,,2,]", 100);
        assert_eq!(err, None);
        assert_eq!(
            recs,
            vec![
                Ok("1".to_owned()),
                Err(Problem::EmptyElement),
                Ok("2".to_owned()),
                Err(Problem::EmptyElement)
            ]
        );
    }

    #[test]
    fn unclosed_array_and_trailing_data_are_input_errors_after_the_records() {
        let (recs, err) = records(b"[{\"a\":1}, {\"b\":", 100);
        assert_eq!(recs, ok(&["{\"a\":1}", "{\"b\":"]));
        assert!(err.expect("error").contains("ends after record 2"));
        let (recs, err) = records(b"[1, 2,", 100);
        assert_eq!(recs, ok(&["1", "2"]));
        assert!(err.expect("error").contains("ends after record 2"));
        let (recs, err) = records(b"[1] [2]", 100);
        assert_eq!(recs, ok(&["1"]));
        assert!(err.expect("error").contains("followed by more data"));
    }

    #[test]
    fn oversize_records_are_marked_and_not_buffered() {
        let big = format!("{{\"a\":\"{}\"}}", "x".repeat(50));
        let input = format!("{{\"a\":1}}\n{big}\n{{\"b\":2}}\n");
        let (recs, err) = records(input.as_bytes(), 20);
        assert_eq!(err, None);
        assert_eq!(
            recs,
            vec![
                Ok("{\"a\":1}".to_owned()),
                Err(Problem::TooLarge {
                    size: big.len() as u64,
                    limit: 20
                }),
                Ok("{\"b\":2}".to_owned())
            ]
        );
        let input = format!("[{{\"a\":1}}, {big}, {{\"b\":2}}]");
        let (recs, err) = records(input.as_bytes(), 20);
        assert_eq!(err, None);
        assert_eq!(recs.len(), 3);
        assert!(matches!(recs[1], Err(Problem::TooLarge { .. })));
        assert_eq!(recs[2], Ok("{\"b\":2}".to_owned()));
    }

    #[test]
    fn the_cr_of_a_crlf_line_ending_does_not_count_against_the_limit() {
        // 20 bytes of record: accepted at a limit of 20 with LF or CRLF, whatever the reads.
        let record = "{\"a\":\"xxxxxxxxxxxx\"}";
        assert_eq!(record.len(), 20);
        for ending in ["\n", "\r\n"] {
            let input = format!("{record}{ending}{record}{ending}");
            assert_eq!(records(input.as_bytes(), 20), (ok(&[record, record]), None));
        }
        // One byte more is too large, and its size leaves the CR out.
        let (recs, err) = records(b"{\"a\":\"xxxxxxxxxxxxx\"}\r\n", 20);
        assert_eq!(err, None);
        assert_eq!(
            recs,
            vec![Err(Problem::TooLarge {
                size: 21,
                limit: 20
            })]
        );
        // A CR that does not end the line counts.
        let (recs, _) = records(b"{\"a\":\"xxxxxxxxxxxx\"}\r\r\n", 20);
        assert_eq!(
            recs,
            vec![Err(Problem::TooLarge {
                size: 21,
                limit: 20
            })]
        );
    }

    #[test]
    fn lines_only_reads_a_leading_array_as_one_record() {
        let mut reader = RecordReader::new(&b"[1, 2]\n{}\n"[..], 100, true, false).expect("reader");
        let mut batch = Batch::default();
        assert!(matches!(reader.fill_batch(&mut batch, 10, 1000), Ok(false)));
        let recs: Vec<&[u8]> = batch.records.iter().map(|r| batch.bytes(r)).collect();
        assert_eq!(recs, [&b"[1, 2]"[..], b"{}"]);
    }

    #[test]
    fn an_oversize_record_is_never_held_in_memory() {
        let big = format!("{{\"a\":\"{}\"}}", "x".repeat(4 << 20));
        for input in [format!("{big}\n{{}}\n"), format!("[{big}, {{}}]")] {
            let mut reader =
                RecordReader::new(input.as_bytes(), 1000, false, false).expect("reader");
            let mut batch = Batch::default();
            let _ = reader.fill_batch(&mut batch, 10, 1 << 20);
            assert_eq!(batch.records.len(), 2);
            assert!(matches!(
                batch.records[0].problem,
                Some(Problem::TooLarge { .. })
            ));
            assert!(
                batch.data.capacity() <= 1000,
                "{} bytes buffered",
                batch.data.capacity()
            );
        }
    }

    #[test]
    fn invalid_utf8_stays_in_its_own_record() {
        let (recs, err) = records(b"{\"a\":\"\xFF\"}\n{\"b\":1}\n", 100);
        assert_eq!(err, None);
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1], Ok("{\"b\":1}".to_owned()));
    }
}
