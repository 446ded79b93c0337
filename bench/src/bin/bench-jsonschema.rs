//! The `jsonschema` crate as a contender: parses each record to a `serde_json::Value` and
//! validates it against a JSON Schema (draft 2020-12, formats validated), then prints
//! `{"records": N, "valid": V, "invalid": K}` like `contactkit validate --summary`.
//! A record that is not JSON counts as invalid. `--verdicts` prints one `1`/`0` line per record
//! instead (for `bench-diff`).

use contactkit_bench::{
    fail, for_each_record, jsonschema_validator, open, print_summary, Args, Verdicts,
};
use serde_json::Value;

fn main() {
    let args = Args::parse("bench-jsonschema FILE --schema SCHEMA.json [--verdicts]");
    let validator = jsonschema_validator(&args);
    let reader = open(&args.input).unwrap_or_else(|e| fail(&e));
    let is_valid = |line: &[u8]| {
        serde_json::from_slice::<Value>(line).is_ok_and(|record| validator.is_valid(&record))
    };
    if args.has("--verdicts") {
        let mut verdicts = Verdicts::new(std::io::BufWriter::new(std::io::stdout().lock()));
        let mut result = Ok(());
        for_each_record(reader, |line| {
            if result.is_ok() {
                result = verdicts.push(is_valid(line));
            }
        })
        .and(result)
        .and_then(|()| verdicts.finish())
        .unwrap_or_else(|e| fail(&e));
    } else {
        let mut valid = 0u64;
        let records = for_each_record(reader, |line| valid += u64::from(is_valid(line)))
            .unwrap_or_else(|e| fail(&e));
        print_summary(records, valid).unwrap_or_else(|e| fail(&e));
    }
}
