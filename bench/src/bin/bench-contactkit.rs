//! The contactkit library alone, for diagnosis: the same reader as the other programs, then
//! `Validator::validate_slice` on each record, single-threaded, printing
//! `{"records": N, "valid": V, "invalid": K}`. The difference to `contactkit validate --threads 1`
//! is the CLI's own overhead.

use contactkit::{Format, Validator};
use contactkit_bench::{fail, for_each_record, open, print_summary, Args};

fn main() {
    let args = Args::parse("bench-contactkit FILE [--format F]");
    let format: Format = args
        .value("--format")
        .unwrap_or("helpscout")
        .parse()
        .unwrap_or_else(|e| fail(&e));
    let validator = Validator::new(format);
    let reader = open(&args.input).unwrap_or_else(|e| fail(&e));
    let mut valid = 0u64;
    let records = for_each_record(reader, |line| {
        valid += u64::from(validator.validate_slice(line).is_valid());
    })
    .unwrap_or_else(|e| fail(&e));
    print_summary(records, valid).unwrap_or_else(|e| fail(&e));
}
