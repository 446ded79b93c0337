//! Converts arbitrary JSON between every pair of formats. The first byte chooses the pair
//! (`% 25`) and the options (`/ 25`: bit 0 lenient, bit 1 normalise custom keys, bit 2 show
//! values); the rest must parse as JSON (anything else is what the validate target covers).
//!
//! Checks, from the conversion rules (README.md, docs/MAPPING.md):
//! - a record invalid as the source format is rejected at the `source` stage, with the source
//!   findings;
//! - a rejection carries at least one error;
//! - a converted payload is valid as the target format (no error finding), and converting is
//!   deterministic;
//! - `show_values` changes messages only, never the outcome.
#![no_main]

use contactkit::{convert, ConvertOptions, Format, Severity, Stage, ValidateOptions, Validator};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, json)) = data.split_first() else {
        return;
    };
    let Ok(record) = serde_json::from_slice::<Value>(json) else {
        return;
    };
    let n = Format::ALL.len();
    let pair = usize::from(selector) % (n * n);
    let (from, to) = (Format::ALL[pair / n], Format::ALL[pair % n]);
    let flags = selector / 25;
    let options = ConvertOptions::new()
        .lenient(flags & 1 != 0)
        .normalize_custom_keys(flags & 2 != 0);

    let result = convert(from, to, &record, &options);
    assert_eq!(
        result,
        convert(from, to, &record, &options),
        "not deterministic"
    );

    let source = Validator::new(from).validate(&record);
    match &result {
        Ok(converted) => {
            assert!(source.is_valid(), "an invalid {from} record was converted");
            let target = Validator::new(to).validate(&converted.payload);
            assert!(
                target.is_valid(),
                "{from} -> {to} produced an invalid {to} payload: {:?}\npayload: {}",
                target.issues,
                converted.payload
            );
            // The payload survives its own serialisation (what the CLI writes).
            let text = serde_json::to_string(&converted.payload).expect("serialise payload");
            let back: Value = serde_json::from_str(&text).expect("re-parse payload");
            assert_eq!(back, converted.payload);
        }
        Err(rejection) => {
            assert!(
                rejection
                    .issues
                    .iter()
                    .any(|i| i.severity == Severity::Error),
                "a rejection without an error: {rejection:?}"
            );
            if source.is_valid() {
                assert_eq!(rejection.stage, Stage::Target, "{rejection:?}");
            } else {
                assert_eq!(rejection.stage, Stage::Source);
            }
        }
    }

    let shown = convert(
        from,
        to,
        &record,
        &options
            .clone()
            .validate_options(ValidateOptions::new().show_values(flags & 4 == 0)),
    );
    match (&result, &shown) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.payload, b.payload);
            let codes = |c: &contactkit::Converted| {
                c.notes
                    .iter()
                    .map(|n| (n.path.clone(), n.code))
                    .collect::<Vec<_>>()
            };
            assert_eq!(codes(a), codes(b));
        }
        (Err(a), Err(b)) => {
            assert_eq!(a.stage, b.stage);
            let key = |r: &contactkit::Rejection| {
                r.issues
                    .iter()
                    .map(|i| (i.path.clone(), i.code, i.severity))
                    .collect::<Vec<_>>()
            };
            assert_eq!(key(a), key(b));
        }
        _ => panic!("show_values changed the outcome: {result:?} vs {shown:?}"),
    }
});
