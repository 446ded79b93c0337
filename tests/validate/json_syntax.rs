//! The validator's JSON scanner against serde_json, the parser it replaced: for every input,
//! text that serde_json refuses is exactly one `syntax` finding whose message is the one
//! serde_json's error gives (its description without " at line", or "the JSON text ends too
//! early", with the same line and column), and text that serde_json accepts has no `syntax`
//! finding; numbers are classified as serde_json classifies them.
//!
//! One difference is deliberate (docs/RULES.md#numbers): a number beyond the range of an `f64`
//! (`1e400`) is valid JSON, which serde_json refuses ("number out of range") and the validator
//! reports as an `out_of_range` error at its path, validating the rest of the record. So the
//! oracle is serde_json's verdict on the text with each such number replaced by `0` padded to
//! its length (every other position stays), and the report holds one such error per number.
//!
//! Inputs: the fixtures, the fuzz corpora, hostile input, generated records of every format
//! and random edits of them (tests/corpus). Every format is used, with and without
//! definitions, because the validator reads a value through different paths (read, skipped,
//! read whole) depending on the rules at its place. `CONTACTKIT_DIFF_SCALE` scales the run.

use crate::support::corpus;

use contactkit::{Code, Format, Issue, IssueParams, Severity, ValidateOptions, Validator};
use contactkit_datagen::Vendor;
use corpus::{apply, definitions, edits, generated, show, Input};
use proptest::prelude::*;
use serde_json::Value;

/// The message of the `syntax` finding for a serde_json error, as the validator wrote it
/// before it had its own scanner (the specification the scanner keeps).
fn serde_message(e: &serde_json::Error) -> String {
    let what = match e.classify() {
        serde_json::error::Category::Eof => "the JSON text ends too early".to_owned(),
        _ => {
            let text = e.to_string();
            text.split(" at line ")
                .next()
                .unwrap_or("invalid JSON")
                .to_owned()
        }
    };
    format!(
        "not valid JSON: {what} (line {}, column {})",
        e.line(),
        e.column()
    )
}

fn validators() -> Vec<Validator> {
    let defs = ValidateOptions::new().definitions(definitions());
    Format::ALL
        .into_iter()
        .flat_map(|f| {
            [
                Validator::new(f),
                Validator::new(f).with_options(defs.clone()),
            ]
        })
        .collect()
}

/// The message of the validator's finding for a number beyond the range of an `f64`.
const BEYOND: &str = "is a number beyond the range of a 64-bit float";

/// serde_json's verdict on `bytes` as the validator reads it: every number serde_json refuses
/// as "number out of range" is replaced by `0` and spaces (so every other position stays) and
/// the text parsed again. Returns the verdict on the patched text and how many numbers were
/// replaced.
fn serde_verdict(bytes: &[u8]) -> (Result<Value, serde_json::Error>, usize) {
    let mut text = bytes.to_vec();
    let mut replaced = 0;
    loop {
        match serde_json::from_slice::<Value>(&text) {
            Err(e) if e.to_string().starts_with("number out of range") => {
                // serde_json stops at the number's last digit read (the end of the number, or
                // the exponent digit that overflows): back to its start, on over the digits.
                let line_start: usize = text
                    .split(|&b| b == b'\n')
                    .take(e.line() - 1)
                    .map(|line| line.len() + 1)
                    .sum();
                let mut end = line_start + e.column();
                let mut start = end;
                while start > 0 && b"0123456789.eE+-".contains(&text[start - 1]) {
                    start -= 1;
                }
                while end < text.len() && text[end].is_ascii_digit() {
                    end += 1;
                }
                text[start] = b'0';
                text[start + 1..end].fill(b' ');
                replaced += 1;
            }
            verdict => return (verdict, replaced),
        }
    }
}

/// The `syntax` finding for serde_json's error `e`: its message, and its line and column as
/// the finding's params.
fn syntax_issue(e: &serde_json::Error) -> Issue {
    let mut issue = Issue::error("", Code::Syntax, serde_message(e));
    let mut params = IssueParams::default();
    (params.line, params.column) = (Some(e.line()), Some(e.column()));
    issue.params = Some(Box::new(params));
    issue
}

/// Checks one input against serde_json with every validator.
fn check(name: &str, bytes: &[u8], validators: &[Validator]) {
    let (expected, beyond) = serde_verdict(bytes);
    for validator in validators {
        let mut reports = vec![("slice", validator.validate_slice(bytes))];
        if let Ok(text) = std::str::from_utf8(bytes) {
            reports.push(("str", validator.validate_str(text)));
        }
        for (entry, report) in reports {
            match &expected {
                Err(e) => assert_eq!(
                    report.issues,
                    vec![syntax_issue(e)],
                    "{name} as {} ({entry}): {}",
                    validator.format(),
                    show(bytes)
                ),
                Ok(_) => {
                    assert!(
                        report.issues.iter().all(|i| i.code != Code::Syntax),
                        "{name} as {} ({entry}): serde_json accepts it, the scanner does not: {:?}: {}",
                        validator.format(),
                        report.issues,
                        show(bytes)
                    );
                    let found = report
                        .issues
                        .iter()
                        .filter(|i| i.code == Code::OutOfRange && i.message.starts_with(BEYOND))
                        .count();
                    assert_eq!(
                        found,
                        beyond,
                        "{name} as {} ({entry}): numbers beyond f64: {:?}: {}",
                        validator.format(),
                        report.issues,
                        show(bytes)
                    );
                }
            }
        }
    }
}

fn check_all(inputs: &[Input]) {
    let validators = validators();
    for input in inputs {
        check(&input.name, &input.bytes, &validators);
    }
}

#[test]
fn fixtures_read_as_serde_json_reads_them() {
    let inputs: Vec<Input> = corpus::fixtures()
        .into_iter()
        .map(|(input, _)| input)
        .collect();
    assert!(inputs.len() > 400, "{} fixture inputs", inputs.len());
    check_all(&inputs);
}

#[test]
fn fuzz_corpora_read_as_serde_json_reads_them() {
    let inputs = corpus::fuzz_corpora();
    assert!(inputs.len() > 1000, "{} corpus files", inputs.len());
    check_all(&inputs);
}

#[test]
fn hostile_input_reads_as_serde_json_reads_it() {
    check_all(&corpus::hostile());
}

/// Every generated record is valid JSON, and each of its prefixes is an early end at the
/// position serde_json names.
#[test]
fn generated_records_and_their_prefixes() {
    let validators = validators();
    for vendor in Vendor::ALL {
        for (i, record) in generated(vendor, 20 * u64::from(corpus::scale()), 11).enumerate() {
            check(&format!("{vendor} #{i}"), &record, &validators);
            if i < 3 {
                for cut in 0..record.len() {
                    check(
                        &format!("{vendor} #{i} cut at {cut}"),
                        &record[..cut],
                        &validators[..2],
                    );
                }
            }
        }
    }
}

/// Numbers: the text walk (the scanner's numbers) and the value walk (serde_json's) give the
/// same findings wherever numbers have rules: integer members, Help Scout property values,
/// Intercom and Bird attributes with their definitions.
fn check_number(number: &str) {
    let defs = ValidateOptions::new().definitions(definitions());
    let records = [
        (
            Format::Intercom,
            format!(r#"{{"email": "a@example.com", "owner_id": {number}}}"#),
        ),
        (
            Format::HelpScout,
            format!(r#"{{"properties": [{{"slug": "seats", "value": {number}}}]}}"#),
        ),
        (
            Format::HelpScout,
            format!(r#"{{"properties": {{"x": {number}}}}}"#),
        ),
        (
            Format::Intercom,
            format!(
                r#"{{"email": "a@example.com", "custom_attributes": {{"seats": {number}, "ratio": {number}, "renewal_at": {number}}}}}"#
            ),
        ),
        (
            Format::Bird,
            format!(
                r#"{{"displayName": "x", "attributes": {{"score": {number}, "x_at": {number}}}}}"#
            ),
        ),
    ];
    for (format, text) in records {
        for validator in [
            Validator::new(format),
            Validator::new(format).with_options(defs.clone()),
        ] {
            check(number, text.as_bytes(), std::slice::from_ref(&validator));
            if let Ok(value) = serde_json::from_str::<Value>(&text) {
                assert_eq!(
                    validator.validate_str(&text),
                    validator.validate(&value),
                    "{text}"
                );
            }
        }
    }
}

#[test]
fn numbers_at_the_edges_are_classified_as_serde_json_does() {
    for n in [
        "0",
        "-0",
        "0.0",
        "-0.0",
        "1",
        "-1",
        "1.0",
        "1e0",
        "1E+2",
        "1e-2",
        "0.5",
        "-0.5",
        "7.0e1",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "-18446744073709551616",
        "9.223372036854775807e18",
        "9.223372036854775808e18",
        "-9.223372036854775808e18",
        "-9.223372036854775809e18",
        "9223372036854775807.0",
        "92233720368547758070e-1",
        "1e19",
        "1e300",
        "1e308",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1e309",
        "4.9e-324",
        "2e-324",
        "1e-400",
        "123456789012345678901234567890",
        "0.1e1",
        "100000000000000000000000e-23",
        "2.0000000000000001",
        "2.000000000000001",
        "4503599627370497.5",
        "9007199254740993",
        "0e99999999999",
        "1e99999999999",
        "1e-99999999999",
        "0.00e2147483648",
        "1e2147483647",
        "1e2147483648",
        "1e-2147483648",
    ] {
        check_number(n);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256 * corpus::scale()))]

    #[test]
    fn random_numbers_are_classified_as_serde_json_does(
        sign in prop::bool::ANY,
        int in "(0|[1-9][0-9]{0,24})",
        frac in prop::option::of("[0-9]{1,20}"),
        exp in prop::option::of(("[eE]", "[+-]?", "[0-9]{1,4}")),
    ) {
        let mut n = String::new();
        if sign { n.push('-'); }
        n.push_str(&int);
        if let Some(f) = frac { n.push('.'); n.push_str(&f); }
        if let Some((e, s, d)) = exp { n.push_str(&e); n.push_str(&s); n.push_str(&d); }
        check_number(&n);
    }

    #[test]
    fn edited_records_read_as_serde_json_reads_them(
        vendor in prop::sample::select(Vendor::ALL.to_vec()),
        index in 0u64..500,
        edits in edits(),
    ) {
        let record = generated(vendor, index + 1, 5).last().unwrap_or_default();
        let edited = apply(&record, &edits);
        let format = corpus::vendor_format(vendor);
        let defs = ValidateOptions::new().definitions(definitions());
        check("edited record", &edited, &[Validator::new(format), Validator::new(format).with_options(defs)]);
    }

    #[test]
    fn edited_random_records_read_as_serde_json_reads_them(
        record in corpus::record(),
        pretty in prop::bool::ANY,
        edits in edits(),
        format in prop::sample::select(Format::ALL.to_vec()),
    ) {
        let text = if pretty { serde_json::to_vec_pretty(&record) } else { serde_json::to_vec(&record) }
            .unwrap_or_default();
        let edited = apply(&text, &edits);
        let defs = ValidateOptions::new().definitions(definitions());
        check("edited random record", &edited, &[Validator::new(format), Validator::new(format).with_options(defs)]);
    }
}

/// The severity of a syntax finding, for the record.
#[test]
fn a_syntax_finding_is_an_error_at_the_record() {
    let report = Validator::new(Format::HelpScout).validate_str("{");
    assert_eq!(report.issues[0].severity, Severity::Error);
    assert_eq!(
        report.issues[0].message,
        "not valid JSON: the JSON text ends too early (line 1, column 1)"
    );
}
