//! The floor: the least any JSON-in validator must do. Reads the records and parses each with
//! `serde_json` into `serde::de::IgnoredAny` (a full syntax check, nothing kept), then prints
//! `{"records": N, "parsed": P}`.

use contactkit_bench::{fail, for_each_record, open, Args};
use serde::de::IgnoredAny;

fn main() {
    let args = Args::parse("bench-floor FILE");
    let reader = open(&args.input).unwrap_or_else(|e| fail(&e));
    let mut parsed = 0u64;
    let records = for_each_record(reader, |line| {
        if serde_json::from_slice::<IgnoredAny>(line).is_ok() {
            parsed += 1;
        }
    })
    .unwrap_or_else(|e| fail(&e));
    println!("{{\"records\": {records}, \"parsed\": {parsed}}}");
}
