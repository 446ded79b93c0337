//! Arbitrary JSON never panics, and every record yields exactly one result: a property test
//! over random records (objects with the formats' own member names and random ones, values of
//! every JSON type, strings with edge-case characters, numbers at the edges).
//!
//! For each record and format: validating the parsed value and its text give the same report;
//! converting to every format gives one outcome, rejected at the source stage exactly when the
//! record is invalid, and a converted payload is valid for its target. A batch of records
//! written as NDJSON gives one report per record. (fuzz/ explores the same ground far longer.)

mod corpus;

use std::panic::{catch_unwind, AssertUnwindSafe};

use contactkit::{convert, validate, ConvertOptions, Format, Stage, Validator};
use proptest::prelude::*;
use serde_json::{Map, Number, Value};

fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        // Values that rules look for.
        prop::sample::select(vec![
            "",
            "user",
            "lead",
            "work",
            "male",
            "Male",
            "email",
            "emailaddress",
            "phonenumber",
            "ada@example.com",
            "not an address",
            "https://example.com/a",
            "ftp://x",
            "+31612345678",
            "0612345678",
            "2024-02-29",
            "2023-02-29",
            "2024-01-02T03:04:05Z",
            "2024-01-02T25:00:00Z",
            "0f8fad5b-d9cb-469f-a165-70867728950e",
            "seats",
            "\u{0}",
            "\u{FEFF}",
            "\u{1F600}",
            "\u{200B}",
            "e\u{301}",
        ])
        .prop_map(str::to_owned),
        // Anything, including long strings.
        any::<String>(),
        ("[a-z]{1,3}", 0usize..300).prop_map(|(s, n)| s.repeat(n)),
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter_map("finite", Number::from_f64)
            .prop_map(Value::Number),
        prop::sample::select(vec![0.0, -0.0, 1.0, 0.5, 9.223_372_036_854_776e18, 1e300])
            .prop_filter_map("finite", Number::from_f64)
            .prop_map(Value::Number),
    ]
}

fn json(names: Vec<String>) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        string().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        let key = prop_oneof![
            3 => prop::sample::select(names.clone()),
            1 => any::<String>(),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Records: mostly objects (the interesting case), sometimes anything.
fn record() -> impl Strategy<Value = Value> {
    let names = corpus::names();
    let any_json = json(names.clone()).boxed();
    prop_oneof![
        4 => prop::collection::vec((prop::sample::select(names), any_json.clone()), 0..12)
            .prop_map(|members| Value::Object(members.into_iter().collect())),
        1 => any_json,
    ]
}

fn check(record: &Value) {
    let text = record.to_string();
    for from in Format::ALL {
        let report = validate(from, record);
        assert_eq!(
            report,
            Validator::new(from).validate_str(&text),
            "{from}: value and text disagree on {text}"
        );
        for to in Format::ALL {
            for lenient in [false, true] {
                let options = ConvertOptions::new().lenient(lenient);
                match convert(from, to, record, &options) {
                    Ok(converted) => {
                        assert!(
                            report.is_valid(),
                            "{from} -> {to}: invalid record converted"
                        );
                        let target = validate(to, &converted.payload);
                        assert!(
                            target.is_valid(),
                            "{from} -> {to}: invalid payload {}: {:?}",
                            converted.payload,
                            target.issues
                        );
                    }
                    Err(rejection) => {
                        let expected = if report.is_valid() {
                            Stage::Target
                        } else {
                            Stage::Source
                        };
                        assert_eq!(rejection.stage, expected, "{from} -> {to}: {text}");
                        assert!(!rejection.issues.is_empty());
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics(record in record()) {
        let outcome = catch_unwind(AssertUnwindSafe(|| check(&record)));
        prop_assert!(outcome.is_ok(), "panicked on {}", record);
    }

    #[test]
    fn every_record_of_a_batch_yields_exactly_one_result(
        records in prop::collection::vec(record(), 0..20),
        format in prop::sample::select(Format::ALL.to_vec()),
    ) {
        let text: String = records.iter().map(|r| format!("{r}\n")).collect();
        let validator = Validator::new(format);
        let reports: Vec<_> = text.lines().map(|line| validator.validate_str(line)).collect();
        prop_assert_eq!(reports.len(), records.len());
        for (report, record) in reports.iter().zip(&records) {
            prop_assert_eq!(report, &validate(format, record));
        }
    }
}
