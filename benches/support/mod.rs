//! What the benches share: the formats with their generators, and Criterion's settings.

use std::time::Duration;

use contactkit::Format;
use contactkit_datagen::Vendor;
use criterion::Criterion;

/// The five create formats, each with the `contactkit-datagen` vendor that generates its records.
pub const FORMATS: [(Format, Vendor); 5] = [
    (Format::Sequence, Vendor::Sequence),
    (Format::Intercom, Vendor::Intercom),
    (Format::Bird, Vendor::Bird),
    (Format::HelpScout, Vendor::HelpScout),
    (Format::Canonical, Vendor::Canonical),
];

/// Criterion with these warm-up and measurement times.
pub fn criterion(warm_up: Duration, measurement: Duration) -> Criterion {
    Criterion::default()
        .warm_up_time(warm_up)
        .measurement_time(measurement)
}
