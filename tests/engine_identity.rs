//! TEMPORARY: the scanner-based validator against the serde walk it replaced
//! (`contactkit::legacy`, kept only for this test), report for report: the same findings in
//! the same order, with the same paths, codes, severities and messages, for JSON bytes, JSON
//! text and parsed values, with and without definitions and `show_values`.
//!
//! Inputs: every fixture, every fuzz corpus file, hostile input, generated records of every
//! format and random records and edits of them (tests/corpus). `CONTACTKIT_DIFF_SCALE=N`
//! multiplies the generated records and property cases; each test prints how many reports it
//! compared (`--nocapture`). Deleted together with `src/legacy` once it has run green on large
//! samples.

mod corpus;

use contactkit::{legacy, Definitions, Format, ValidateOptions, Validator};
use contactkit_datagen::Vendor;
use corpus::{apply, definitions, edits, generated, show, Input};
use proptest::prelude::*;
use serde_json::Value;

/// The four option sets: definitions or not, values shown or not.
fn option_sets(defs: &Definitions) -> Vec<ValidateOptions> {
    let mut out = Vec::new();
    for show_values in [false, true] {
        out.push(ValidateOptions::new().show_values(show_values));
        out.push(ValidateOptions::new().show_values(show_values).definitions(defs.clone()));
    }
    out
}

/// Compares old and new on one input, through every entry point it can take; returns the
/// number of reports compared.
fn same(name: &str, format: Format, bytes: &[u8], options: &ValidateOptions) -> usize {
    let validator = Validator::new(format).with_options(options.clone());
    let context = || {
        format!(
            "{name} as {format} (definitions: {}, show_values: {}): {}",
            options.definitions.is_some(),
            options.show_values,
            show(bytes)
        )
    };
    assert_eq!(
        validator.validate_slice(bytes),
        legacy::validate_slice(format, bytes, options),
        "validate_slice: {}",
        context()
    );
    let mut n = 1;
    if let Ok(text) = std::str::from_utf8(bytes) {
        assert_eq!(
            validator.validate_str(text),
            legacy::validate_str(format, text, options),
            "validate_str: {}",
            context()
        );
        n += 1;
    }
    if let Ok(value) = serde_json::from_slice::<Value>(bytes) {
        n += same_value(name, format, &value, options);
    }
    n
}

fn same_value(name: &str, format: Format, value: &Value, options: &ValidateOptions) -> usize {
    let validator = Validator::new(format).with_options(options.clone());
    assert_eq!(
        validator.validate(value),
        legacy::validate_value(format, value, options),
        "validate: {name} as {format} (definitions: {}, show_values: {}): {value:.300}",
        options.definitions.is_some(),
        options.show_values,
    );
    1
}

fn all_formats(inputs: &[Input]) -> usize {
    let sets = option_sets(&definitions());
    let mut n = 0;
    for input in inputs {
        for format in Format::ALL {
            for options in &sets {
                n += same(&input.name, format, &input.bytes, options);
            }
        }
    }
    n
}

fn report(test: &str, inputs: usize, compared: usize) {
    eprintln!("{test}: {inputs} inputs, {compared} reports compared (old walk = new engine)");
}

#[test]
fn fixtures() {
    let sets = option_sets(&definitions());
    let mut inputs = 0;
    let mut n = 0;
    for (input, fixture_definitions) in corpus::fixtures() {
        inputs += 1;
        for format in Format::ALL {
            for options in &sets {
                n += same(&input.name, format, &input.bytes, options);
            }
            if let Some(doc) = &fixture_definitions {
                let Ok(defs) = Definitions::from_json(doc) else {
                    continue;
                };
                for show_values in [false, true] {
                    let options = ValidateOptions::new().definitions(defs.clone()).show_values(show_values);
                    n += same(&input.name, format, &input.bytes, &options);
                }
            }
        }
    }
    assert!(inputs > 400, "{inputs} fixture inputs");
    report("fixtures", inputs, n);
}

#[test]
fn fuzz_corpora() {
    let inputs = corpus::fuzz_corpora();
    assert!(inputs.len() > 1000, "{} corpus files", inputs.len());
    let n = all_formats(&inputs);
    report("fuzz corpora", inputs.len(), n);
}

#[test]
fn hostile_input() {
    let inputs = corpus::hostile();
    let mut n = all_formats(&inputs);
    // Values that no text can give: nested deeper than text may be, and at the limit.
    let sets = option_sets(&definitions());
    for depth in [126, 127, 128, 1000] {
        let mut value = Value::from(1);
        for _ in 0..depth {
            value = Value::Array(vec![value]);
        }
        let record = serde_json::json!({"properties": value, "custom_attributes": value, "attributes": value, "x": value});
        for format in Format::ALL {
            for options in &sets {
                n += same_value("deep value", format, &record, options);
                n += same_value("deep value", format, &value, options);
            }
        }
    }
    report("hostile input", inputs.len() + 8, n);
}

#[test]
fn generated_records() {
    let sets = option_sets(&definitions());
    let count = 400 * u64::from(corpus::scale());
    let mut n = 0;
    for vendor in Vendor::ALL {
        let own = corpus::vendor_format(vendor);
        for (i, record) in generated(vendor, count, 7).enumerate() {
            let name = format!("{vendor} record #{i}");
            for options in &sets {
                n += same(&name, own, &record, options);
            }
            if i % 10 == 0 {
                for format in Format::ALL {
                    n += same(&name, format, &record, &sets[1]);
                }
            }
        }
    }
    report("generated records", 5 * usize::try_from(count).unwrap_or(0), n);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256 * corpus::scale()))]

    #[test]
    fn random_records(
        record in corpus::record(),
        format in prop::sample::select(Format::ALL.to_vec()),
        option in 0usize..4,
        pretty in prop::bool::ANY,
    ) {
        let options = &option_sets(&definitions())[option];
        let text = if pretty { serde_json::to_vec_pretty(&record) } else { serde_json::to_vec(&record) }
            .unwrap_or_default();
        same("random record", format, &text, options);
        same_value("random record", format, &record, options);
    }

    #[test]
    fn edited_records(
        vendor in prop::sample::select(Vendor::ALL.to_vec()),
        index in 0u64..300,
        edits in edits(),
        option in 0usize..4,
    ) {
        let record = generated(vendor, index + 1, 3).last().unwrap_or_default();
        let options = &option_sets(&definitions())[option];
        same("edited record", corpus::vendor_format(vendor), &apply(&record, &edits), options);
    }

    #[test]
    fn edited_random_records(
        record in corpus::record(),
        edits in edits(),
        format in prop::sample::select(Format::ALL.to_vec()),
        option in 0usize..4,
    ) {
        let text = serde_json::to_vec(&record).unwrap_or_default();
        let options = &option_sets(&definitions())[option];
        same("edited random record", format, &apply(&text, &edits), options);
    }
}
