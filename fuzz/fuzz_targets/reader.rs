//! The CLI's record reader (`crates/cli/src/input.rs`, compiled into this target as a module:
//! the CLI is a binary crate) over arbitrary bytes. The first byte chooses the record size
//! limit and `--ndjson` (bit 5), the second the read granularity and the batch size.
//!
//! Checks:
//! - the reader never panics and always terminates;
//! - the records (and the final error) do not depend on how the input arrives (one byte at a
//!   time, small irregular reads, or all at once) or on the batch size;
//! - NDJSON input gives exactly the records of a simple reference model: every line that is not
//!   blank, trimmed, in order, or a `TooLarge` marker with the line's full length;
//! - an input that is a valid JSON array gives exactly its elements, in order, and no error.
#![no_main]

#[allow(dead_code, unreachable_pub)]
#[path = "../../crates/cli/src/input.rs"]
mod input;

use std::io::{self, Read};

use input::{Batch, Problem, RecordReader};
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

type Records = Vec<Result<Vec<u8>, Problem>>;

fn read(
    data: &[u8],
    steps: &[usize],
    limit: u64,
    lines_only: bool,
    batch_records: usize,
) -> (Records, Option<String>) {
    let mut records = Vec::new();
    let source = Trickle {
        data,
        steps,
        turn: 0,
    };
    let mut reader = match RecordReader::new(source, limit, lines_only) {
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
            records.push(match rec.problem {
                Some(problem) => {
                    assert_eq!(rec.start, rec.end);
                    Err(problem)
                }
                None => {
                    let bytes = batch.bytes(rec);
                    assert!(!bytes.is_empty(), "an empty record");
                    Ok(bytes.to_vec())
                }
            });
        }
        match result {
            Ok(true) => {
                assert!(seq < 1_000_000, "the reader does not make progress");
            }
            Ok(false) => {
                assert_eq!(reader.next_record(), records.len() as u64 + 1);
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

/// The input after its byte order mark (only a whole mark is one; its first bytes alone are
/// data).
fn after_bom(data: &[u8]) -> &[u8] {
    data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data)
}

fn ndjson_model(text: &[u8], limit: u64) -> Records {
    let mut records = Vec::new();
    for line in text.split(|&b| b == b'\n') {
        if line.len() as u64 > limit {
            if !trim(line).is_empty() {
                records.push(Err(Problem::TooLarge {
                    size: line.len() as u64,
                    limit,
                }));
            }
        } else if !trim(line).is_empty() {
            records.push(Ok(trim(line).to_vec()));
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
    let batch_records = usize::from(b >> 4) + 1;
    let step = usize::from(b & 0x0f) + 1;

    let whole = read(input, &[input.len().max(1)], limit, lines_only, 1 << 20);
    let bytewise = read(input, &[1], limit, lines_only, batch_records);
    assert_eq!(
        whole, bytewise,
        "reading one byte at a time changes the records"
    );
    let irregular = read(
        input,
        &[step, 1, step * 3 + 2, 7],
        limit,
        lines_only,
        batch_records,
    );
    assert_eq!(whole, irregular, "irregular reads change the records");

    let text = after_bom(input);
    let start = text.iter().position(|&b| !is_ws(b)).unwrap_or(text.len());
    let text = &text[start..];
    if text.first() == Some(&b'[') && !lines_only {
        if limit >= 1 << 20 {
            if let Ok(Value::Array(items)) = serde_json::from_slice::<Value>(text) {
                assert_eq!(whole.1, None, "a valid JSON array gave an error");
                assert_eq!(whole.0.len(), items.len(), "element count");
                for (rec, item) in whole.0.iter().zip(&items) {
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
            ndjson_model(text, limit),
            "NDJSON records differ from the model"
        );
    }
});
