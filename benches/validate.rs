//! Validation of one record per format, valid and invalid, as `validate/<format>/valid` and
//! `validate/<format>/invalid`. The records are the first valid and the first invalid record of
//! `contactkit-datagen` (seed 7) for each format, validated from JSON text (`validate_str`, the
//! path the CLI takes).
//!
//! Run: `cargo bench --bench validate` (add a filter such as `validate/helpscout`).

use contactkit::{Format, Validator};
use contactkit_datagen::{Generator, Vendor};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

mod support;
use support::FORMATS;

/// The first generated record of `vendor` that contactkit finds valid (`want_valid`) or invalid.
fn sample(format: Format, vendor: Vendor, want_valid: bool) -> String {
    let share = if want_valid { 0.0 } else { 1.0 };
    let generator = Generator::new(vendor, 7, share);
    let validator = Validator::new(format);
    let found = generator
        .records(1000)
        .map(|r| r.payload.to_string())
        .find(|text| validator.validate_str(text).is_valid() == want_valid);
    found.expect("the generator makes such a record")
}

fn validate(c: &mut Criterion) {
    for (format, vendor) in FORMATS {
        let validator = Validator::new(format);
        for (name, want_valid) in [("valid", true), ("invalid", false)] {
            let text = sample(format, vendor, want_valid);
            c.bench_function(&format!("validate/{}/{name}", format.id()), |b| {
                b.iter(|| validator.validate_str(black_box(&text)));
            });
        }
    }
}

criterion_group! {
    name = benches;
    config = support::criterion(Duration::from_millis(500), Duration::from_secs(2));
    targets = validate
}
criterion_main!(benches);
