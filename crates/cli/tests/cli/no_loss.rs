//! No record lost, none duplicated (converted + rejected = records read, README.md): a property
//! test over random mixes of valid,
//! invalid and broken lines for `contactkit convert` in every mode (default with rejects on
//! standard error, `--rejects`/`--report` files, `--envelope`, `--lenient`, one or several
//! threads, batches of 1 to 3 records so that batches finish out of order) and for
//! `contactkit validate`.
//!
//! The oracle is the library: each record's expected outcome is what `contactkit::convert`
//! (or `Validator::validate_slice`) gives for its bytes. So the test checks that the command
//! line loses, duplicates and reorders nothing, numbers records correctly, and routes each
//! outcome to the right stream.

use std::fs;
use std::path::Path;

use contactkit::{convert, Code, ConvertOptions, Format, Stage, Validator};
use proptest::prelude::*;
use serde_json::Value;

use crate::support::cli::{convert_args, output_lines as json_lines, run_piped as run};

/// Valid and invalid records of a format, from the bundled example data (10% invalid).
fn examples(format: Format) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data")
        .join(format!("{}.ndjson", format.id()));
    fs::read_to_string(path)
        .expect("example data")
        .lines()
        .take(60)
        .map(str::to_owned)
        .collect()
}

/// One input line.
#[derive(Debug, Clone)]
enum Line {
    /// An example record (index into the examples).
    Example(usize),
    /// An example record after a byte order mark (the line's own: ignored).
    Marked(usize),
    /// Not JSON, not an object, or not UTF-8.
    Broken(&'static [u8]),
    /// Whitespace only, or a byte order mark and whitespace: skipped, not counted.
    Blank(&'static str),
}

const BOM: &str = "\u{feff}";

const BROKEN: &[&[u8]] = &[
    b"{\"firstName\": ",
    b"not json",
    b"[]",
    b"\"a string\"",
    b"42",
    b"null",
    b"{\"firstName\": \"\xFF\"}",
    b"{\"x\": \"\\ud800\"}",
    b"{} {}",
    b"}",
    // JSON whitespace is space, tab, CR and LF only: these lines are records that are not JSON.
    "\u{a0}".as_bytes(),
    b"\x0c",
    b" \xEF\xBB\xBF{}",
];

const BLANK: &[&str] = &["", " ", "\t", "  \t ", "\r", BOM, "\u{feff} \t"];

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        6 => (0usize..60).prop_map(Line::Example),
        1 => (0usize..60).prop_map(Line::Marked),
        2 => prop::sample::select(BROKEN).prop_map(Line::Broken),
        1 => prop::sample::select(BLANK).prop_map(Line::Blank),
    ]
}

/// The input: its bytes (LF or CRLF endings, with or without a final newline), the records in
/// order as the command must number them, and what `--envelope` says about each input line
/// (`None` for a record, or the word of its `skipped` member).
struct Input {
    bytes: Vec<u8>,
    records: Vec<Vec<u8>>,
    lines: Vec<Option<&'static str>>,
}

fn input(lines: &[Line], examples: &[String], crlf: &[bool], final_newline: bool) -> Input {
    let mut bytes = Vec::new();
    let mut records = Vec::new();
    let mut envelope = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let last = i + 1 == lines.len();
        let example = |k: &usize| examples[*k % examples.len()].as_bytes();
        let (text, record): (Vec<u8>, Option<&[u8]>) = match line {
            Line::Example(k) => (example(k).to_vec(), Some(example(k))),
            Line::Marked(k) => ([BOM.as_bytes(), example(k)].concat(), Some(example(k))),
            Line::Broken(b) => (b.to_vec(), Some(b)),
            Line::Blank(b) => (b.as_bytes().to_vec(), None),
        };
        bytes.extend_from_slice(&text);
        match record {
            Some(r) => {
                records.push(r.to_vec());
                envelope.push(None);
            }
            // Nothing after the last line feed is no line.
            None if last && !final_newline && text.is_empty() => {}
            None => envelope.push(Some(if text.starts_with(BOM.as_bytes()) {
                "bom"
            } else {
                "blank"
            })),
        }
        if !last || final_newline {
            bytes.extend_from_slice(if crlf[i % crlf.len()] { b"\r\n" } else { b"\n" });
        }
    }
    Input {
        bytes,
        records,
        lines: envelope,
    }
}

/// What the library says about one record.
#[derive(Debug, Clone, PartialEq)]
enum Expected {
    Converted {
        payload: Value,
        notes: Value,
    },
    Rejected {
        stage: Stage,
        codes: Vec<(String, Code)>,
    },
}

fn expected(from: Format, to: Format, lenient: bool, bytes: &[u8]) -> Expected {
    let options = ConvertOptions::new().lenient(lenient);
    match serde_json::from_slice::<Value>(bytes) {
        Ok(value) => match convert(from, to, &value, &options) {
            Ok(c) => Expected::Converted {
                payload: c.payload,
                notes: serde_json::to_value(&c.notes).expect("notes"),
            },
            Err(e) => {
                let r = e.into_rejection();
                Expected::Rejected {
                    stage: r.stage,
                    codes: r.issues.iter().map(|i| (i.path.clone(), i.code)).collect(),
                }
            }
        },
        Err(_) => Expected::Rejected {
            stage: Stage::Source,
            codes: vec![(String::new(), Code::Syntax)],
        },
    }
}

fn codes(issues: &Value) -> Vec<(String, Code)> {
    issues
        .as_array()
        .expect("issues")
        .iter()
        .map(|i| {
            (
                i["path"].as_str().expect("path").to_owned(),
                serde_json::from_value(i["code"].clone()).expect("code"),
            )
        })
        .collect()
}

fn stage(v: &Value) -> Stage {
    serde_json::from_value(v.clone()).expect("stage")
}

/// Records as `(record number, expected outcome)`.
type Numbered<'a> = Vec<(u64, &'a Expected)>;

/// Converted and rejected records, from the oracle.
fn split(outcomes: &[Expected]) -> (Numbered<'_>, Numbered<'_>) {
    let numbered = outcomes.iter().enumerate().map(|(i, e)| (i as u64 + 1, e));
    numbered.partition(|(_, e)| matches!(e, Expected::Converted { .. }))
}

fn check_reject_lines(lines: &[Value], rejected: &[(u64, &Expected)]) {
    assert_eq!(
        lines.len(),
        rejected.len(),
        "one reject line per rejected record"
    );
    for (line, (n, e)) in lines.iter().zip(rejected) {
        assert_eq!(line["record"], *n, "reject numbering and order");
        let Expected::Rejected { stage: s, codes: c } = e else {
            unreachable!()
        };
        assert_eq!(stage(&line["stage"]), *s, "record {n}");
        assert_eq!(codes(&line["issues"]), *c, "record {n}");
    }
}

fn check_summary(stderr: &str, records: usize, converted: usize) {
    let summary = stderr
        .lines()
        .rfind(|l| l.starts_with("contactkit: "))
        .unwrap_or_else(|| panic!("no summary in {stderr:?}"));
    // "contactkit: N record(s) read, K converted from A to B, R rejected …"
    let words: Vec<&str> = summary
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .collect();
    let number = |word: &str, back: usize| {
        let i = words
            .iter()
            .position(|w| *w == word)
            .unwrap_or_else(|| panic!("{summary:?}"));
        words[i - back]
            .parse::<usize>()
            .unwrap_or_else(|_| panic!("{summary:?}"))
    };
    assert_eq!(number("read", 2), records, "{summary:?}");
    assert_eq!(number("converted", 1), converted, "{summary:?}");
    assert_eq!(number("rejected", 1), records - converted, "{summary:?}");
}

#[derive(Debug, Clone)]
struct Case {
    pair: (usize, usize),
    lines: Vec<Line>,
    crlf: Vec<bool>,
    final_newline: bool,
    threads: usize,
    batch: usize,
    lenient: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        (0usize..4, 0usize..5),
        prop::collection::vec(line(), 0..40),
        prop::collection::vec(any::<bool>(), 1..4),
        any::<bool>(),
        1usize..4,
        prop::sample::select(vec![1usize, 2, 3, 4096]),
        any::<bool>(),
    )
        .prop_map(
            |(pair, lines, crlf, final_newline, threads, batch, lenient)| Case {
                pair,
                lines,
                crlf,
                final_newline,
                threads,
                batch,
                lenient,
            },
        )
}

const VENDORS: [Format; 4] = [
    Format::Sequence,
    Format::Intercom,
    Format::Bird,
    Format::HelpScout,
];

/// `--ndjson` when the input's first non-blank character is `[` (it would be read as a JSON
/// array otherwise, README.md "Command line"); no flag otherwise, so that detection is
/// exercised too.
fn ndjson_flag(stdin: &[u8]) -> Option<String> {
    let stdin = stdin.strip_prefix(BOM.as_bytes()).unwrap_or(stdin);
    let first = stdin.iter().find(|b| !b" \t\r\n".contains(b));
    (first == Some(&b'[')).then(|| "--ndjson".to_owned())
}

fn case_args(case: &Case, from: Format, to: Format) -> Vec<String> {
    let (threads, batch) = (case.threads.to_string(), case.batch.to_string());
    let mut args = convert_args(
        from.id(),
        to.id(),
        &["--threads", &threads, "--batch-records", &batch, "--quiet"],
    );
    if case.lenient {
        args.push("--lenient");
    }
    args.into_iter().map(String::from).collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        .. ProptestConfig::default()
    })]

    #[test]
    fn convert_loses_and_duplicates_nothing_in_every_mode(case in case()) {
        let from = VENDORS[case.pair.0];
        let to = Format::ALL[case.pair.1];
        let examples = examples(from);
        let Input { bytes: stdin, records, lines: input_lines } =
            input(&case.lines, &examples, &case.crlf, case.final_newline);
        let outcomes: Vec<Expected> =
            records.iter().map(|r| expected(from, to, case.lenient, r)).collect();
        let (converted, rejected) = split(&outcomes);
        let mut args = case_args(&case, from, to);
        args.extend(ndjson_flag(&stdin));
        let status = i32::from(!rejected.is_empty());

        // Default: payloads on stdout, reject lines and the summary on stderr.
        let out = run(&args, &stdin);
        prop_assert_eq!(out.status.code(), Some(status));
        let payloads = json_lines(&out.stdout);
        prop_assert_eq!(payloads.len(), converted.len());
        for (payload, (n, e)) in payloads.iter().zip(&converted) {
            let Expected::Converted { payload: p, .. } = e else { unreachable!() };
            prop_assert_eq!(payload, p, "record {}", n);
        }
        let stderr = String::from_utf8(out.stderr).expect("UTF-8");
        let reject_lines: Vec<Value> = stderr
            .lines()
            .filter(|l| l.starts_with('{'))
            .map(|l| serde_json::from_str(l).expect("reject line"))
            .collect();
        check_reject_lines(&reject_lines, &rejected);
        check_summary(&stderr, records.len(), converted.len());

        // --rejects and --report files.
        let dir = tempfile::tempdir().expect("temp dir");
        let rejects = dir.path().join("rejects.ndjson");
        let report = dir.path().join("report.ndjson");
        let mut with_files = args.clone();
        with_files.extend([
            "--rejects".to_owned(),
            rejects.display().to_string(),
            "--report".to_owned(),
            report.display().to_string(),
        ]);
        let out = run(&with_files, &stdin);
        prop_assert_eq!(out.status.code(), Some(status));
        prop_assert_eq!(json_lines(&out.stdout), payloads);
        let stderr = String::from_utf8(out.stderr).expect("UTF-8");
        prop_assert!(stderr.lines().all(|l| l.starts_with("contactkit: ")), "{}", stderr);
        check_summary(&stderr, records.len(), converted.len());
        check_reject_lines(&json_lines(&fs::read(&rejects).expect("rejects")), &rejected);
        let report_lines = json_lines(&fs::read(&report).expect("report"));
        prop_assert_eq!(report_lines.len(), converted.len());
        for (line, (n, e)) in report_lines.iter().zip(&converted) {
            let Expected::Converted { notes, .. } = e else { unreachable!() };
            prop_assert_eq!(&line["record"], &Value::from(*n));
            prop_assert_eq!(&line["notes"], notes);
        }

        // --envelope: exactly one line per input line, in order, exit 0; records numbered as
        // without it, blank lines said to be skipped.
        let mut envelope = args.clone();
        envelope.push("--envelope".into());
        let out = run(&envelope, &stdin);
        prop_assert_eq!(out.status.code(), Some(0));
        let lines = json_lines(&out.stdout);
        prop_assert_eq!(lines.len(), input_lines.len());
        let mut outcome = outcomes.iter().enumerate();
        for (i, (line, skipped)) in lines.iter().zip(&input_lines).enumerate() {
            prop_assert_eq!(&line["line"], &Value::from(i as u64 + 1));
            if let Some(word) = skipped {
                prop_assert_eq!(line, &serde_json::json!({"line": i + 1, "ok": true, "skipped": word}));
                continue;
            }
            let Some((k, e)) = outcome.next() else {
                prop_assert!(false, "more record lines than records: {}", line);
                break;
            };
            prop_assert_eq!(&line["record"], &Value::from(k as u64 + 1));
            match e {
                Expected::Converted { payload, notes } => {
                    prop_assert_eq!(&line["ok"], &Value::Bool(true));
                    prop_assert_eq!(&line["payload"], payload);
                    prop_assert_eq!(&line["notes"], notes);
                }
                Expected::Rejected { stage: s, codes: c } => {
                    prop_assert_eq!(&line["ok"], &Value::Bool(false));
                    prop_assert_eq!(stage(&line["stage"]), *s);
                    prop_assert_eq!(&codes(&line["issues"]), c);
                }
            }
        }
    }

    #[test]
    fn validate_gives_one_line_per_record_in_order(case in case()) {
        let format = VENDORS[case.pair.0];
        let examples = examples(format);
        let Input { bytes: stdin, records, .. } =
            input(&case.lines, &examples, &case.crlf, case.final_newline);
        let args: Vec<String> = vec![
            "validate".into(), "--vendor".into(), format.id().into(),
            "--threads".into(), case.threads.to_string(),
            "--batch-records".into(), case.batch.to_string(), "--quiet".into(),
        ];
        let args: Vec<String> = args.into_iter().chain(ndjson_flag(&stdin)).collect();
        let out = run(&args, &stdin);
        let lines = json_lines(&out.stdout);
        prop_assert_eq!(lines.len(), records.len());
        let validator = Validator::new(format);
        let mut invalid = 0;
        for (i, (line, bytes)) in lines.iter().zip(&records).enumerate() {
            let report = validator.validate_slice(bytes);
            prop_assert_eq!(&line["record"], &Value::from(i as u64 + 1));
            prop_assert_eq!(&line["valid"], &Value::Bool(report.is_valid()));
            let found: Vec<(String, Code)> =
                report.issues.iter().map(|x| (x.path.clone(), x.code)).collect();
            prop_assert_eq!(codes(&line["issues"]), found);
            invalid += usize::from(!report.is_valid());
        }
        prop_assert_eq!(out.status.code(), Some(i32::from(invalid > 0)));

        // --summary counts the same records.
        let mut summary = args.clone();
        summary.push("--summary".into());
        let out = run(&summary, &stdin);
        let lines = json_lines(&out.stdout);
        prop_assert_eq!(lines.len(), 1);
        prop_assert_eq!(
            &lines[0],
            &serde_json::json!({
                "records": records.len(), "valid": records.len() - invalid, "invalid": invalid
            })
        );
    }
}

/// JSON array input: every element is a record, in order, whatever the batch size.
#[test]
fn array_input_loses_nothing() {
    let examples = examples(Format::HelpScout);
    let mut elements: Vec<String> = examples.iter().take(25).cloned().collect();
    elements.extend([
        "[]".into(),
        "\"s\"".into(),
        "null".into(),
        "{\"firstName\": 1}".into(),
    ]);
    elements.rotate_left(7);
    let text = format!("[\n{}\n]\n", elements.join(",\r\n  "));
    for batch in ["1", "2", "4096"] {
        for threads in ["1", "3"] {
            let args = convert_args(
                "helpscout",
                "bird",
                &["--envelope", "--batch-records", batch, "--threads", threads],
            );
            let out = run(&args, text.as_bytes());
            assert_eq!(out.status.code(), Some(0));
            let lines = json_lines(&out.stdout);
            assert_eq!(lines.len(), elements.len());
            for (i, (line, element)) in lines.iter().zip(&elements).enumerate() {
                assert_eq!(line["record"], i as u64 + 1);
                let want = expected(Format::HelpScout, Format::Bird, false, element.as_bytes());
                assert_eq!(
                    line["ok"],
                    matches!(want, Expected::Converted { .. }),
                    "{element}"
                );
            }
        }
    }
}
