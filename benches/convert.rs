//! Conversion of one valid record per direction, as `convert/<from>/<to>`, for every pair of
//! the five formats. The records are the first generated record of `contactkit-datagen`
//! (seed 7) that converts, given as a parsed `serde_json::Value` (the API's input), so the
//! time is import, export and both validations.
//!
//! Run: `cargo bench --bench convert` (add a filter such as `convert/helpscout/intercom`).

use contactkit::{convert, ConvertOptions};
use contactkit_datagen::Generator;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

mod support;
use support::FORMATS;

fn conversions(c: &mut Criterion) {
    let options = ConvertOptions::new();
    for (from, vendor) in FORMATS {
        let generator = Generator::new(vendor, 7, 0.0);
        for (to, _) in FORMATS.iter().filter(|(to, _)| *to != from) {
            let found = generator
                .records(1000)
                .map(|r| r.payload)
                .find(|payload| convert(from, *to, payload, &options).is_ok());
            let Some(record) = found else {
                // Some targets require what a source rarely has (e.g. an id the source lacks).
                eprintln!(
                    "convert/{}/{}: none of 1000 generated records converts, skipped",
                    from.id(),
                    to.id()
                );
                continue;
            };
            c.bench_function(&format!("convert/{}/{}", from.id(), to.id()), |b| {
                b.iter(|| convert(from, *to, black_box(&record), &options));
            });
        }
    }
}

criterion_group! {
    name = benches;
    config = support::criterion(Duration::from_millis(300), Duration::from_secs(1));
    targets = conversions
}
criterion_main!(benches);
