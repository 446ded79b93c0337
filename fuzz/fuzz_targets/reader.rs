//! The CLI's record reader (`crates/cli/src/input.rs`, compiled into this target as a module:
//! the CLI is a binary crate) over arbitrary bytes. The first byte chooses the record size
//! limit, `--ndjson` (bit 5) and `keep_blank` (bit 6), the second the read granularity and the
//! batch size.
//!
//! Checks:
//! - the reader never panics and always terminates;
//! - the records (and the final error) do not depend on how the input arrives (one byte at a
//!   time, small irregular reads, or all at once) or on the batch size;
//! - NDJSON input gives exactly the records of a simple reference model: every line that is not
//!   blank once its byte order mark is removed (the input's, or the line's own), trimmed, in
//!   order, or a `TooLarge` marker with the line's length without its mark; with `keep_blank`
//!   (bit 6, `--envelope`), blank lines are entries too, and every entry carries its line;
//! - an input that is a valid JSON array gives exactly its elements, in order, and no error.
#![no_main]

#[allow(dead_code, unreachable_pub)]
#[path = "../../crates/cli/src/input.rs"]
mod input;

use std::io::{self, Read};

use input::{Batch, Problem, RecordReader, Skip};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// Hands out the input in reads of `steps` sizes, cycling.
struct Trickle<'a> {
    data: &'a [u8],
    steps: &'a [usize],
    turn: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let step = self.steps[self.turn % self.steps.len()];
        self.turn += 1;
        let n = self.data.len().min(out.len()).min(step);
        out[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

/// An entry: its NDJSON line (`None` in a JSON array), and a record or a skipped line.
type Records = Vec<(Option<u64>, Result<Vec<u8>, Result<Problem, Skip>>)>;

fn read(
    data: &[u8],
    steps: &[usize],
    (limit, lines_only, keep_blank): (u64, bool, bool),
    batch_records: usize,
) -> (Records, Option<String>) {
    let mut records = Vec::new();
    let source = Trickle {
        data,
        steps,
        turn: 0,
    };
    let mut reader = match RecordReader::new(source, limit, lines_only, keep_blank) {
        Ok(reader) => reader,
        Err(e) => return (records, Some(e.to_string())),
    };
    let mut batch = Batch::default();
    let mut seq = 0;
    loop {
        batch.reset(seq, reader.next_record(), 64);
        seq += 1;
        let result = reader.fill_batch(&mut batch, batch_records, 1 << 20);
        assert!(batch.records.len() <= batch_records);
        for rec in &batch.records {
            records.push((
                rec.line,
                match (rec.skipped, rec.problem) {
                    (Some(skip), _) => {
                        assert!(keep_blank, "a skipped line without keep_blank");
                        Err(Err(skip))
                    }
                    (None, Some(problem)) => {
                        assert_eq!(rec.start, rec.end);
                        Err(Ok(problem))
                    }
                    (None, None) => {
                        let bytes = batch.bytes(rec);
                        assert!(!bytes.is_empty(), "an empty record");
                        Ok(bytes.to_vec())
                    }
                },
            ));
        }
        match result {
            Ok(true) => {
                assert!(seq < 1_000_000, "the reader does not make progress");
            }
            Ok(false) => {
                let counted = records.iter().filter(|(_, r)| !matches!(r, Err(Err(_)))).count();
                assert_eq!(reader.next_record(), counted as u64 + 1);
                return (records, None);
            }
            Err(e) => return (records, Some(e.to_string())),
        }
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn trim(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if !is_ws(*first) {
            break;
        }
        s = rest;
    }
    while let [rest @ .., last] = s {
        if !is_ws(*last) {
            break;
        }
        s = rest;
    }
    s
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The input after its byte order mark (only a whole mark is one; its first bytes alone are
/// data).
fn after_bom(data: &[u8]) -> &[u8] {
    data.strip_prefix(BOM).unwrap_or(data)
}

/// Lines end at a line feed; each loses one leading byte order mark (the input's, or its own);
/// a line that is then blank is skipped (an entry with `keep_blank`); a record's size is its
/// line's length without the mark.
fn ndjson_model(input: &[u8], limit: u64, keep_blank: bool) -> Records {
    let head_bom = input.starts_with(BOM);
    let text = after_bom(input);
    let mut lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
    if lines.last().is_some_and(|l| l.is_empty()) && !(head_bom && text.is_empty()) {
        lines.pop();
    }
    let mut records = Vec::new();
    for (i, raw) in lines.into_iter().enumerate() {
        let line = Some(i as u64 + 1);
        let (bom, content) = match raw.strip_prefix(BOM) {
            _ if i == 0 && head_bom => (true, raw),
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        if trim(content).is_empty() {
            if keep_blank {
                let skip = if bom { Skip::Bom } else { Skip::Blank };
                records.push((line, Err(Err(skip))));
            }
        } else if content.len() as u64 > limit {
            let size = content.len() as u64;
            records.push((line, Err(Ok(Problem::TooLarge { size, limit }))));
        } else {
            records.push((line, Ok(trim(content).to_vec())));
        }
    }
    records
}

fuzz_target!(|data: &[u8]| {
    let [a, b, input @ ..] = data else {
        return;
    };
    let limit = match a & 0x1f {
        0 => 1 << 20,
        n => u64::from(n) * 3,
    };
    let lines_only = a & 0x20 != 0;
    let keep_blank = a & 0x40 != 0;
    let mode = (limit, lines_only, keep_blank);
    let batch_records = usize::from(b >> 4) + 1;
    let step = usize::from(b & 0x0f) + 1;

    let whole = read(input, &[input.len().max(1)], mode, 1 << 20);
    let bytewise = read(input, &[1], mode, batch_records);
    assert_eq!(
        whole, bytewise,
        "reading one byte at a time changes the records"
    );
    let irregular = read(input, &[step, 1, step * 3 + 2, 7], mode, batch_records);
    assert_eq!(whole, irregular, "irregular reads change the records");

    let text = after_bom(input);
    let start = text.iter().position(|&b| !is_ws(b)).unwrap_or(text.len());
    let text = &text[start..];
    if text.first() == Some(&b'[') && !lines_only {
        if limit >= 1 << 20 {
            if let Ok(Value::Array(items)) = serde_json::from_slice::<Value>(text) {
                assert_eq!(whole.1, None, "a valid JSON array gave an error");
                assert_eq!(whole.0.len(), items.len(), "element count");
                for ((line, rec), item) in whole.0.iter().zip(&items) {
                    assert_eq!(*line, None, "array elements have no line");
                    let bytes = rec.as_ref().expect("no problem in a valid array");
                    let parsed: Value = serde_json::from_slice(bytes).expect("element is JSON");
                    assert_eq!(&parsed, item);
                }
            }
        }
    } else {
        assert_eq!(whole.1, None, "NDJSON input never fails as a whole");
        assert_eq!(
            whole.0,
            ndjson_model(input, limit, keep_blank),
            "NDJSON records differ from the model"
        );
    }
});
