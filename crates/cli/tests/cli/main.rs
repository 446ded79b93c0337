//! The `contactkit` command line as README.md ("Command line") and `contactkit --help` describe
//! it: inputs, output lines, exit statuses,
//! file handling, ordering under parallelism, atomic output and closed pipes.
//!
//! Inputs are generated here (see [`records`]); nothing large is committed.

use std::ffi::OsStr;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use contactkit::{convert, ConvertOptions, Format};
use predicates::prelude::*;
use serde_json::{json, Value};

/// Helpers shared with the core's tests (`tests/support/`): the command line's harness, the
/// loader of Intercom's OpenAPI extract and the vendors' vocabularies.
#[path = "../../../../tests/support"]
mod support {
    pub mod cli;
    pub mod vendor_spec;
}

mod hostile_cli;
mod no_loss;
mod read_formats;

use support::cli::{bin, contactkit, convert_args, lines, quiet, run, spawn, validate_args};

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).expect("write input");
    path
}

fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// Names of the files in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ------------------------------------------------------------------------------------------
// Generated input: Help Scout customers, multilingual, with a deterministic mix of valid
// records, invalid ones, warnings and lines that are not JSON.

const NAMES: &[(&str, &str)] = &[
    ("Ada", "Lovelace"),
    ("Zoë", "Ångström"),
    ("José", "Núñez"),
    ("Ιωάννης", "Παπαδόπουλος"),
    ("美咲", "佐藤"),
    ("Олег", "Иванов"),
    ("Nguyễn", "Văn An"),
    ("Søren", "Kierkegaard"),
];

/// Record `i` (from 0) as one NDJSON line without newline.
fn record(i: u64) -> String {
    let (first, last) = NAMES[(i as usize * 7 + 3) % NAMES.len()];
    if i % 13 == 12 {
        return format!("{{\"firstName\": \"{first}\", oops");
    }
    let mut r = json!({
        "firstName": first,
        "lastName": last,
        "emails": [{"type": "work", "value": format!("user{i}@example.com")}],
    });
    if i % 7 == 5 {
        r["emails"][0]["value"] = json!("not-an-email");
    }
    if i % 11 == 9 {
        r["gender"] = json!("robot");
    }
    if i % 17 == 3 {
        r["favouriteColour"] = json!("teal");
    }
    if i % 19 == 4 {
        r["firstName"] = json!("Ö".repeat(41));
    }
    r.to_string()
}

/// `n` generated records as NDJSON.
fn records(n: u64) -> String {
    let mut out = String::new();
    for i in 0..n {
        out.push_str(&record(i));
        out.push('\n');
    }
    out
}

const VALID: &str = r#"{"firstName":"Ada","lastName":"Lovelace","emails":[{"type":"work","value":"ada@example.com"}]}"#;
const VALID2: &str = r#"{"firstName":"Grace","lastName":"Hopper"}"#;
const INVALID: &str = r#"{"firstName":"Zoë","gender":"robot"}"#;

// ------------------------------------------------------------------------------------------
// Help and usage errors

#[test]
fn help_shows_the_commands_and_examples() {
    let (code, out, _) = run(&["--help"], "");
    assert_eq!(code, 0);
    insta::assert_snapshot!("help", out);
}

#[test]
fn subcommand_help_shows_options_formats_and_examples() {
    for cmd in ["validate", "convert", "schema"] {
        let (code, out, _) = run(&[cmd, "--help"], "");
        assert_eq!(code, 0);
        assert!(out.contains("Examples:"), "{cmd}: {out}");
        for format in Format::ALL {
            assert!(out.contains(format.id()), "{cmd} --help lists {format}");
        }
        insta::assert_snapshot!(format!("help_{cmd}"), out);
    }
}

#[test]
fn version() {
    contactkit()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::diff(format!(
            "contactkit {}\n",
            env!("CARGO_PKG_VERSION")
        )));
}

/// A usage error: exit 2, nothing on standard output, exactly one line on standard error.
fn assert_usage_error(args: &[&str], needle: &str) {
    let (code, out, err) = run(args, VALID);
    assert_eq!(code, 2, "{args:?}: {err}");
    assert_eq!(out, "", "{args:?}");
    assert_eq!(err.lines().count(), 1, "{args:?}: one line expected: {err}");
    assert!(err.contains(needle), "{args:?}: {err:?} lacks {needle:?}");
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    assert_usage_error(&["validate", "--vendor", "nope"], "invalid value 'nope'");
    assert_usage_error(&["validate", "--vendor", "nope"], "helpscout");
    assert_usage_error(&["validate"], "--vendor");
    assert_usage_error(&[], "a command is required");
    assert_usage_error(&["frobnicate"], "frobnicate");
    assert_usage_error(&["convert", "--from", "helpscout"], "--to");
    assert_usage_error(
        &["convert", "--from", "helpscout", "--to", "hubspot"],
        "invalid value 'hubspot'",
    );
    assert_usage_error(
        &["validate", "--vendor", "bird", "--threads", "0"],
        "--threads",
    );
    assert_usage_error(
        &["validate", "--vendor", "bird", "--max-record-bytes", "lots"],
        "--max-record-bytes",
    );
    assert_usage_error(
        &convert_args(
            "helpscout",
            "intercom",
            &["--envelope", "--rejects", "r.ndjson"],
        ),
        "--envelope",
    );
    assert_usage_error(&["schema", "nope"], "invalid value 'nope'");
}

#[test]
fn io_errors_exit_2_with_one_line() {
    let dir = temp_dir();
    let missing = dir.path().join("missing.ndjson");
    assert_usage_error(
        &["validate", "--vendor", "helpscout", s(&missing)],
        "cannot read",
    );
    assert_usage_error(
        &convert_args("helpscout", "bird", &[s(&missing)]),
        "missing.ndjson",
    );
    assert_usage_error(
        &["validate", "--vendor", "helpscout", s(dir.path())],
        "directory",
    );
    let out = dir.path().join("no/such/dir/out.ndjson");
    assert_usage_error(
        &["validate", "--vendor", "helpscout", "--output", s(&out)],
        "cannot create",
    );
}

// ------------------------------------------------------------------------------------------
// validate: output lines and exit statuses

#[test]
fn validate_prints_one_line_per_record_in_order() {
    let input = format!("{VALID}\n{INVALID}\nnot json at all\n{VALID2}\n");
    let (code, out, err) = run(&["validate", "--vendor", "helpscout"], input);
    assert_eq!(code, 1, "an invalid record makes the exit status 1");
    assert_eq!(err, "");
    insta::assert_snapshot!("validate_typical", out);
    let lines = lines(&out);
    assert_eq!(lines.len(), 4);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["record"], json!(i + 1));
        let keys: Vec<&String> = line.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["record", "valid", "issues"]);
    }
    assert_eq!(lines[0]["valid"], json!(true));
    assert_eq!(lines[1]["valid"], json!(false));
    assert_eq!(lines[1]["issues"][0]["path"], json!("/gender"));
    assert_eq!(lines[1]["issues"][0]["code"], json!("enum"));
    assert_eq!(
        lines[2]["issues"],
        json!([{
            "path": "",
            "code": "syntax",
            "severity": "error",
            "message": lines[2]["issues"][0]["message"]
        }])
    );
    assert_eq!(lines[3]["valid"], json!(true));
}

#[test]
fn validate_exit_0_when_every_record_is_valid_even_with_warnings() {
    let input = format!("{VALID}\n{{\"firstName\":\"Ada\",\"favouriteColour\":\"teal\"}}\n");
    let (code, out, _) = run(&["validate", "--vendor", "helpscout"], input);
    assert_eq!(code, 0);
    let lines = lines(&out);
    assert_eq!(lines[1]["valid"], json!(true));
    assert_eq!(lines[1]["issues"][0]["code"], json!("unknown_field"));
    assert_eq!(lines[1]["issues"][0]["severity"], json!("warning"));
}

#[test]
fn validate_summary_prints_one_line() {
    let input = format!("{VALID}\n{INVALID}\n\n{VALID2}\n");
    let (code, out, _) = run(&["validate", "--vendor", "helpscout", "--summary"], input);
    assert_eq!(code, 1);
    assert_eq!(out, "{\"records\":3,\"valid\":2,\"invalid\":1}\n");
    let (code, out, _) = run(&["validate", "--vendor", "helpscout", "--summary"], VALID);
    assert_eq!(code, 0);
    assert_eq!(out, "{\"records\":1,\"valid\":1,\"invalid\":0}\n");
}

#[test]
fn validate_accepts_every_format() {
    for format in Format::ALL {
        let (code, out, _) = run(&["validate", "--vendor", format.id()], "{}\n[]\n");
        assert!(code == 0 || code == 1, "{format}");
        let lines = lines(&out);
        assert_eq!(lines.len(), 2, "{format}");
        assert_eq!(lines[1]["issues"][0]["code"], json!("type"), "{format}");
    }
}

#[test]
fn show_values_puts_values_in_messages_only_when_asked() {
    let (_, out, _) = run(&["validate", "--vendor", "helpscout"], INVALID);
    assert!(
        !out.contains("robot"),
        "values are not echoed by default: {out}"
    );
    let (_, out, _) = run(
        &["validate", "--vendor", "helpscout", "--show-values"],
        INVALID,
    );
    assert!(
        out.contains("robot"),
        "--show-values echoes the value: {out}"
    );
}

#[test]
fn definitions_add_account_specific_checks() {
    let dir = temp_dir();
    let defs = write(
        dir.path(),
        "defs.json",
        r#"{"helpscout": [{"slug": "seats", "type": "number"}]}"#,
    );
    let input = r#"{"firstName":"Ada","properties":[{"slug":"seats","value":"many"}]}"#;
    let (code, out, _) = run(&["validate", "--vendor", "helpscout"], input);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run(
        &validate_args("helpscout", &["--definitions", s(&defs)]),
        input,
    );
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        lines(&out)[0]["issues"][0]["path"],
        json!("/properties/0/value")
    );

    let bad = write(dir.path(), "bad.json", "{not json");
    assert_usage_error(
        &validate_args("helpscout", &["--definitions", s(&bad)]),
        "--definitions",
    );
    let missing = dir.path().join("none.json");
    assert_usage_error(
        &convert_args("helpscout", "intercom", &["--definitions", s(&missing)]),
        "--definitions",
    );
}

// ------------------------------------------------------------------------------------------
// Input handling

/// The `validate` output for `input`, given on standard input and as a file.
fn validate_both_ways(input: &[u8]) -> (i32, String) {
    let (code, out, err) = run(&["validate", "--vendor", "helpscout"], input);
    assert_eq!(err, "");
    let dir = temp_dir();
    let path = write(dir.path(), "in.ndjson", input);
    let (code2, out2, _) = run(&["validate", "--vendor", "helpscout", s(&path)], "");
    assert_eq!((code, &out), (code2, &out2), "stdin and file agree");
    let (code3, out3, _) = run(&["validate", "--vendor", "helpscout", "-"], input);
    assert_eq!((code, &out), (code3, &out3), "`-` is standard input");
    (code, out)
}

#[test]
fn empty_input_has_no_records_and_exit_0() {
    for input in [
        &b""[..],
        b"\n\n",
        b"  \r\n\t\n",
        b"\xEF\xBB\xBF",
        b"[]",
        b" [\n ]\n",
    ] {
        let (code, out) = validate_both_ways(input);
        assert_eq!((code, out.as_str()), (0, ""), "{input:?}");
        let (code, out, _) = run(&["validate", "--vendor", "helpscout", "--summary"], input);
        assert_eq!(code, 0);
        assert_eq!(out, "{\"records\":0,\"valid\":0,\"invalid\":0}\n");
    }
}

#[test]
fn blank_lines_are_skipped_and_not_counted() {
    let (code, out) = validate_both_ways(format!("\n{VALID}\n\n   \n{INVALID}\n\n").as_bytes());
    assert_eq!(code, 1);
    let lines = lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["record"], json!(2));
    assert_eq!(lines[1]["valid"], json!(false));
}

#[test]
fn crlf_bom_and_missing_final_newline_change_nothing() {
    let plain = format!("{VALID}\n{INVALID}\n{VALID2}\n");
    let (code, expected) = validate_both_ways(plain.as_bytes());
    assert_eq!(code, 1);
    let crlf = plain.replace('\n', "\r\n");
    assert_eq!(validate_both_ways(crlf.as_bytes()), (1, expected.clone()));
    let bom = format!("\u{feff}{plain}");
    assert_eq!(validate_both_ways(bom.as_bytes()), (1, expected.clone()));
    let unterminated = plain.trim_end();
    assert_eq!(
        validate_both_ways(unterminated.as_bytes()),
        (1, expected.clone())
    );
    let all = format!("\u{feff}{}", crlf.trim_end());
    assert_eq!(validate_both_ways(all.as_bytes()), (1, expected));
}

#[test]
fn invalid_utf8_makes_only_that_record_a_syntax_error() {
    let mut input = Vec::new();
    input.extend_from_slice(VALID.as_bytes());
    input.extend_from_slice(b"\n{\"firstName\":\"Ad\xFFa\"}\n{\"note\":\"\xC3\"}\n");
    input.extend_from_slice(VALID2.as_bytes());
    let (code, out) = validate_both_ways(&input);
    assert_eq!(code, 1);
    let lines = lines(&out);
    assert_eq!(lines.len(), 4);
    for bad in [1, 2] {
        assert_eq!(lines[bad]["valid"], json!(false));
        assert_eq!(lines[bad]["issues"][0]["code"], json!("syntax"));
        assert_eq!(lines[bad]["issues"][0]["path"], json!(""));
    }
    assert_eq!(lines[3]["record"], json!(4));
    assert_eq!(lines[3]["valid"], json!(true));
}

/// A number beyond the range of a 64-bit float is valid JSON that no parser holds:
/// `validate`, `convert` (plain and `--envelope`) and `preview` give the same `out_of_range`
/// findings at its path, with the record's other findings, and go on with the next record.
#[test]
fn a_number_beyond_f64_is_out_of_range_in_every_command() {
    let input = format!("{{\"firstName\":\"Ada\",\"properties\":{{\"seats\":1e400}},\"gender\":\"robot\"}}\n{VALID}\n");
    let (code, out) = validate_both_ways(input.as_bytes());
    assert_eq!(code, 1);
    let validated = lines(&out);
    let issues = &validated[0]["issues"];
    assert_eq!(issues[0]["path"], json!("/properties/seats"));
    assert_eq!(issues[0]["code"], json!("out_of_range"));
    assert_eq!(issues[1]["path"], json!("/gender"));
    assert_eq!(validated[1]["valid"], json!(true));
    let convert = ["convert", "--from", "helpscout", "--to", "intercom"];
    let (code, _, err) = run(&convert, input.clone());
    assert_eq!(code, 1);
    let rejected = lines(err.lines().next().unwrap_or_default());
    assert_eq!(rejected[0]["stage"], json!("source"));
    assert_eq!(&rejected[0]["issues"], issues);
    let (code, out, _) = run(&[&convert[..], &["--envelope"]].concat(), input.clone());
    assert_eq!(code, 0);
    let envelopes = lines(&out);
    assert_eq!(&envelopes[0]["issues"], issues);
    assert_eq!(envelopes[1]["ok"], json!(true));
    let (_, out, _) = run(&["preview", "--vendor", "helpscout", "--envelope"], input);
    assert_eq!(&lines(&out)[0]["issues"], issues);
}

#[test]
fn a_json_array_is_read_element_by_element() {
    let ndjson = format!("{VALID}\n{INVALID}\n{VALID2}\n");
    let (_, expected) = validate_both_ways(ndjson.as_bytes());
    let compact = format!("[{VALID},{INVALID},{VALID2}]");
    assert_eq!(
        validate_both_ways(compact.as_bytes()),
        (1, expected.clone())
    );
    let pretty = serde_json::to_string_pretty(&json!([
        serde_json::from_str::<Value>(VALID).expect("json"),
        serde_json::from_str::<Value>(INVALID).expect("json"),
        serde_json::from_str::<Value>(VALID2).expect("json"),
    ]))
    .expect("pretty");
    let pretty = format!("\u{feff}\r\n  {}", pretty.replace('\n', "\r\n"));
    assert_eq!(validate_both_ways(pretty.as_bytes()), (1, expected));
}

#[test]
fn a_broken_element_of_an_array_is_one_syntax_record() {
    let input = format!("[{VALID}, {{\"firstName\": }}, , {VALID2}]");
    let (code, out) = validate_both_ways(input.as_bytes());
    assert_eq!(code, 1);
    let lines = lines(&out);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[1]["issues"][0]["code"], json!("syntax"));
    assert_eq!(lines[2]["issues"][0]["code"], json!("syntax"));
    assert_eq!(lines[3]["record"], json!(4));
    assert_eq!(lines[3]["valid"], json!(true));
}

#[test]
fn a_truncated_array_is_an_input_error_after_the_records_read() {
    let input = format!("[{VALID}, {VALID2}, {{\"firstName\": \"Ad");
    let (code, out, err) = run(&["validate", "--vendor", "helpscout"], input);
    assert_eq!(code, 2);
    assert_eq!(lines(&out).len(), 3, "records before the end are reported");
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("never closed"), "{err}");
    let (code, _, err) = run(
        &["validate", "--vendor", "helpscout"],
        format!("[{VALID}] x"),
    );
    assert_eq!(code, 2);
    assert!(err.contains("followed by more data"), "{err}");
}

#[test]
fn an_oversize_record_is_a_syntax_error_not_a_crash() {
    let big = format!(
        "{{\"firstName\":\"Ada\",\"background\":\"{}\"}}",
        "x".repeat(150)
    );
    let input = format!("{VALID}\n{big}\n{VALID2}\n");
    let args = validate_args("helpscout", &["--max-record-bytes", "128"]);
    let (code, out, _) = run(&args, input.clone());
    assert_eq!(code, 1);
    let lines = lines(&out);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["valid"], json!(false));
    let issue = &lines[1]["issues"][0];
    assert_eq!(issue["code"], json!("syntax"));
    assert_eq!(issue["path"], json!(""));
    let message = issue["message"].as_str().expect("message");
    assert!(
        message.contains(&format!("{} bytes", big.len())),
        "{message}"
    );
    assert!(message.contains("128 bytes"), "{message}");
    assert!(message.contains("--max-record-bytes"), "{message}");
    assert_eq!(lines[2]["valid"], json!(true));

    // The same in a JSON array, and at the raised limit the record is read.
    let array = format!("[{VALID},\n{big},\n{VALID2}]");
    let (_, out2, _) = run(&args, array);
    assert_eq!(out, out2);
    let (code, out, _) = run(
        &validate_args("helpscout", &["--max-record-bytes", "1KiB"]),
        input,
    );
    assert_eq!(code, 0, "{out}");
}

#[test]
fn the_default_limit_is_16_mib() {
    let dir = temp_dir();
    let huge = format!(
        "{{\"firstName\":\"Ada\",\"background\":\"{}\"}}",
        "x".repeat(16 << 20)
    );
    let path = write(dir.path(), "huge.ndjson", format!("{huge}\n{VALID}\n"));
    let (code, out, _) = run(&["validate", "--vendor", "helpscout", s(&path)], "");
    assert_eq!(code, 1);
    let lines = lines(&out);
    assert_eq!(lines.len(), 2);
    let message = lines[0]["issues"][0]["message"].as_str().expect("message");
    assert!(message.contains("16777216 bytes"), "{message}");
    assert_eq!(lines[1]["valid"], json!(true));
}

// ------------------------------------------------------------------------------------------
// Parallelism and ordering

#[test]
fn thread_counts_and_batch_sizes_do_not_change_the_output() {
    let dir = temp_dir();
    let input = write(dir.path(), "in.ndjson", records(5000));
    let go = |args: &[&str]| {
        let mut all = args.to_vec();
        all.push(s(&input));
        let (code, out, err) = run(&all, "");
        (code, out, err)
    };
    let base = go(&["validate", "--vendor", "helpscout", "--threads", "1"]);
    assert_eq!(base.0, 1);
    let base_lines = lines(&base.1);
    assert_eq!(base_lines.len(), 5000);
    for (i, line) in base_lines.iter().enumerate() {
        assert_eq!(line["record"], json!(i + 1));
    }
    // The generator makes some records invalid and some not JSON.
    let invalid = base_lines
        .iter()
        .filter(|l| l["valid"] == json!(false))
        .count();
    assert!(invalid > 500 && invalid < 2500, "{invalid}");
    for threads in ["2", "3", "8"] {
        for batch in ["1", "7", "4096"] {
            let other = go(&validate_args(
                "helpscout",
                &["--threads", threads, "--batch-records", batch],
            ));
            assert!(
                other == base,
                "validate --threads {threads} --batch-records {batch}"
            );
        }
    }
    let convert = |threads: &str, batch: &str| {
        go(&convert_args(
            "helpscout",
            "intercom",
            &["--envelope", "--threads", threads, "--batch-records", batch],
        ))
    };
    let base = convert("1", "4096");
    assert_eq!(lines(&base.1).len(), 5000);
    assert!(
        convert("4", "5") == base,
        "convert --envelope with 4 threads"
    );
    let split = |threads: &str| {
        go(&convert_args(
            "helpscout",
            "bird",
            &["--threads", threads, "--batch-records", "3"],
        ))
    };
    assert!(
        split("1") == split("3"),
        "convert with rejects on standard error"
    );
}

// ------------------------------------------------------------------------------------------
// --output

#[test]
fn output_is_written_to_a_file_that_appears_on_completion() {
    let dir = temp_dir();
    let input = write(dir.path(), "in.ndjson", format!("{VALID}\n{INVALID}\n"));
    let target = dir.path().join("result.ndjson");
    fs::write(&target, "old content\n").expect("old file");
    let (code, out, err) = run(
        &validate_args("helpscout", &[s(&input), "--output", s(&target)]),
        "",
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(out, "", "nothing on standard output");
    let (_, expected, _) = run(&["validate", "--vendor", "helpscout", s(&input)], "");
    assert_eq!(fs::read_to_string(&target).expect("output"), expected);
    assert_eq!(
        listing(dir.path()),
        ["in.ndjson", "result.ndjson"],
        "no temporary file left"
    );
    // `-o` and the summary.
    let (code, _, _) = run(
        &validate_args("helpscout", &["--summary", "-o", s(&target)]),
        VALID,
    );
    assert_eq!(code, 0);
    assert_eq!(
        fs::read_to_string(&target).expect("output"),
        "{\"records\":1,\"valid\":1,\"invalid\":0}\n"
    );
}

#[test]
fn a_failed_run_leaves_no_output_file_and_keeps_an_old_one() {
    let dir = temp_dir();
    let broken = write(dir.path(), "in.json", format!("[{VALID}, {VALID2}"));
    let fresh = dir.path().join("fresh.ndjson");
    let (code, out, err) = run(
        &validate_args("helpscout", &[s(&broken), "--output", s(&fresh)]),
        "",
    );
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(!fresh.exists(), "no partial output file");
    let old = write(dir.path(), "old.ndjson", "previous run\n");
    let rejects = dir.path().join("rejects.ndjson");
    let (code, _, _) = run(
        &convert_args(
            "helpscout",
            "intercom",
            &[s(&broken), "--output", s(&old), "--rejects", s(&rejects)],
        ),
        "",
    );
    assert_eq!(code, 2);
    assert_eq!(fs::read_to_string(&old).expect("old"), "previous run\n");
    assert!(!rejects.exists());
    assert_eq!(
        listing(dir.path()),
        ["in.json", "old.ndjson"],
        "no temporary file left"
    );
}

#[test]
fn two_outputs_on_one_path_are_refused() {
    let dir = temp_dir();
    let same = dir.path().join("x.ndjson");
    let also = format!("{}/./x.ndjson", dir.path().display());
    assert_usage_error(
        &convert_args(
            "helpscout",
            "intercom",
            &["--output", s(&same), "--rejects", &also],
        ),
        "--output and --rejects name the same file",
    );
    assert_usage_error(
        &convert_args(
            "helpscout",
            "intercom",
            &["--report", s(&same), "--rejects", s(&same)],
        ),
        "same file",
    );
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn an_interrupted_run_leaves_no_plausible_output_file() {
    let dir = temp_dir();
    let target = dir.path().join("out.ndjson");
    let mut child = quiet(&["validate", "--vendor", "helpscout", "--output", s(&target)])
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(records(20_000).as_bytes()).expect("feed");
    stdin.flush().expect("flush");
    // The run is in progress (its input is still open): only a hidden temporary file exists.
    let deadline = Instant::now() + Duration::from_secs(20);
    while listing(dir.path()).is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let during = listing(dir.path());
    assert_eq!(during.len(), 1, "{during:?}");
    assert!(
        during[0].starts_with(".out.ndjson.") && during[0].ends_with(".partial"),
        "{during:?}"
    );
    child.kill().expect("kill");
    child.wait().expect("wait");
    drop(stdin);
    assert!(!target.exists(), "a killed run must not leave out.ndjson");
}

// ------------------------------------------------------------------------------------------
// Closed pipes

/// Runs `args` on `input` (a file), reads one line of standard output, closes the pipe and
/// returns (exit status, stderr).
fn read_one_line_then_close(args: &[&str], input: &Path) -> (std::process::ExitStatus, String) {
    let mut args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    args.push(input.as_os_str());
    let mut child = spawn(&args, Stdio::null());
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("first line");
    assert!(first.starts_with('{'), "{first}");
    // The reader is dropped here: the pipe is closed while contactkit still has lots to write.
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let status = child.wait().expect("wait");
    (status, err)
}

/// A closed pipe ends the run as it ends other Unix filters (`yes | head -1`): by SIGPIPE, which
/// a shell reports as status 141 and `set -o pipefail` as a failure. It never exits 0: the
/// output was not all delivered. (This was exit status 0 before issue 12.)
#[cfg(unix)]
#[test]
fn a_closed_stdout_pipe_ends_the_run_quietly_by_sigpipe() {
    use std::os::unix::process::ExitStatusExt;
    let dir = temp_dir();
    let input = write(dir.path(), "in.ndjson", records(60_000));
    let (status, err) = read_one_line_then_close(&["validate", "--vendor", "helpscout"], &input);
    assert_eq!(status.signal(), Some(13), "{status:?} {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err, "");
    let (status, err) = read_one_line_then_close(
        &convert_args("helpscout", "intercom", &["--envelope"]),
        &input,
    );
    assert_eq!(status.signal(), Some(13), "{status:?} {err}");
    assert!(!err.contains("panicked"), "{err}");
}

// ------------------------------------------------------------------------------------------
// --quiet and the progress bar

#[test]
fn no_progress_output_when_stderr_is_not_a_terminal() {
    let dir = temp_dir();
    let input = write(dir.path(), "in.ndjson", records(3000));
    for extra in [&[][..], &["--quiet"], &["-q"]] {
        let mut args = vec!["validate", "--vendor", "helpscout", "--summary", s(&input)];
        args.extend_from_slice(extra);
        let (code, out, err) = run(&args, "");
        assert_eq!(code, 1);
        assert_eq!(lines(&out).len(), 1);
        assert_eq!(err, "", "{extra:?}");
    }
}

/// Runs `command` under a pseudo-terminal (util-linux `script`), returning what the terminal
/// showed; `None` where `script` is not available.
fn on_a_terminal(command: &str) -> Option<String> {
    let output = StdCommand::new("script")
        .args(["-qec", command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn a_progress_bar_is_drawn_on_a_terminal_unless_quiet() {
    let dir = temp_dir();
    let input = write(dir.path(), "in.ndjson", records(150_000));
    let base = format!(
        "{} validate --vendor helpscout --threads 1 --summary {} > /dev/null",
        bin().display(),
        input.display()
    );
    let Some(shown) = on_a_terminal(&base) else {
        eprintln!("`script` is not available: progress bar test skipped");
        return;
    };
    assert!(
        shown.contains("records ("),
        "progress with a rate: {shown:?}"
    );
    assert!(shown.contains(" valid, "), "valid count: {shown:?}");
    assert!(shown.contains(" invalid"), "invalid count: {shown:?}");
    let quiet = on_a_terminal(&format!("{base} --quiet")).expect("script");
    assert!(!quiet.contains("records ("), "--quiet: {quiet:?}");
    // Standard input is not a file: no bar either.
    let piped = on_a_terminal(&format!(
        "{} validate --vendor helpscout --summary < {} > /dev/null",
        bin().display(),
        input.display()
    ))
    .expect("script");
    assert!(!piped.contains("records ("), "stdin: {piped:?}");
}

// ------------------------------------------------------------------------------------------
// schema

#[test]
fn schema_prints_the_committed_schema_byte_for_byte() {
    for format in Format::ALL {
        let output = contactkit()
            .args(["schema", format.id()])
            .output()
            .expect("run");
        assert!(output.status.success());
        assert_eq!(output.stdout, format.schema().as_bytes(), "{format}");
        let file = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../schemas")
            .join(format!("{}.schema.json", format.id()));
        assert_eq!(
            output.stdout,
            fs::read(file).expect("schema file"),
            "{format}"
        );
    }
}

// ------------------------------------------------------------------------------------------
// convert

/// A Help Scout record that must convert to Intercom.
const HS_GOOD: &str = r#"{"firstName":"Ada","lastName":"Lovelace","emails":[{"type":"work","value":"ada@example.com"}],"background":"Analyst"}"#;
/// Invalid as Help Scout.
const HS_BAD: &str = r#"{"firstName":"Ada","gender":"robot"}"#;

#[test]
fn convert_writes_payloads_and_rejects_and_a_summary() {
    let input = format!("{HS_GOOD}\n{HS_BAD}\nnot json\n{VALID2}\n");
    let (code, out, err) = run(
        &["convert", "--from", "helpscout", "--to", "intercom"],
        input,
    );
    assert_eq!(code, 1, "a rejected record makes the exit status 1: {err}");
    let payloads = lines(&out);
    let err_lines: Vec<&str> = err.lines().collect();
    let (summary, rejects) = err_lines.split_last().expect("summary line");
    let rejects: Vec<Value> = rejects
        .iter()
        .map(|l| serde_json::from_str(l).expect("reject"))
        .collect();
    assert!(
        summary.starts_with("contactkit: 4 records read, "),
        "{summary}"
    );
    assert_eq!(payloads.len() + rejects.len(), 4, "no record is lost");
    let rejected: Vec<&Value> = rejects.iter().map(|r| &r["record"]).collect();
    assert!(
        rejected.contains(&&json!(2)) && rejected.contains(&&json!(3)),
        "{rejects:?}"
    );
    for r in &rejects {
        let keys: Vec<&String> = r.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["record", "stage", "issues"]);
        assert_eq!(r["stage"], json!("source"));
    }
    assert!(
        summary.contains(&format!("{} converted", payloads.len())),
        "{summary}"
    );
    assert!(
        summary.contains(&format!("{} rejected", rejects.len())),
        "{summary}"
    );
    // The good record converts, and every payload is valid Intercom.
    assert_eq!(payloads[0]["email"], json!("ada@example.com"));
    let (code, checked, _) = run(&["validate", "--vendor", "intercom", "--summary"], out);
    assert_eq!(code, 0, "{checked}");
}

#[test]
fn convert_exit_0_when_nothing_is_rejected() {
    let (code, out, err) = run(
        &["convert", "--from", "helpscout", "--to", "intercom"],
        format!("{HS_GOOD}\n\n{HS_GOOD}\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(lines(&out).len(), 2);
    assert_eq!(err.lines().count(), 1, "only the summary: {err}");
    assert!(err.contains("2 records read, 2 converted"), "{err}");
}

#[test]
fn rejects_and_report_files() {
    let dir = temp_dir();
    let input = write(
        dir.path(),
        "in.ndjson",
        format!("{HS_GOOD}\n{HS_BAD}\n{HS_GOOD}\nnot json\n"),
    );
    let rejects = dir.path().join("rejects.ndjson");
    let report = dir.path().join("report.ndjson");
    let output = dir.path().join("out.ndjson");
    let (code, out, err) = run(
        &convert_args(
            "helpscout",
            "intercom",
            &[
                s(&input),
                "--rejects",
                s(&rejects),
                "--report",
                s(&report),
                "--output",
                s(&output),
            ],
        ),
        "",
    );
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(err.lines().count(), 1, "only the summary: {err}");
    assert!(err.contains("rejects.ndjson"), "{err}");
    let rejects = lines(&fs::read_to_string(rejects).expect("rejects"));
    assert_eq!(
        rejects
            .iter()
            .map(|r| r["record"].clone())
            .collect::<Vec<_>>(),
        [json!(2), json!(4)]
    );
    assert_eq!(rejects[1]["issues"][0]["code"], json!("syntax"));
    let report = lines(&fs::read_to_string(report).expect("report"));
    assert_eq!(
        report
            .iter()
            .map(|r| r["record"].clone())
            .collect::<Vec<_>>(),
        [json!(1), json!(3)],
        "one report line per converted record"
    );
    for line in &report {
        let keys: Vec<&String> = line.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["record", "notes"]);
        // `background` has no place in Intercom's request: it must be reported as dropped.
        assert!(
            line["notes"]
                .as_array()
                .expect("notes")
                .iter()
                .any(|n| n["code"] == json!("dropped") && n["path"] == json!("/background")),
            "{line}"
        );
    }
    assert_eq!(lines(&fs::read_to_string(output).expect("output")).len(), 2);
}

#[test]
fn oversize_and_invalid_utf8_records_are_rejected_at_the_source_stage() {
    let big = format!("{{\"firstName\":\"{}\"}}", "x".repeat(100));
    let mut input = format!("{HS_GOOD}\n{big}\n").into_bytes();
    input.extend_from_slice(b"{\"firstName\":\"\xFF\"}\n");
    let (code, out, _) = run(
        &convert_args(
            "helpscout",
            "intercom",
            &["--envelope", "--max-record-bytes", "64"],
        ),
        input,
    );
    assert_eq!(code, 0);
    let lines = lines(&out);
    assert_eq!(lines.len(), 3);
    for bad in [1, 2] {
        assert_eq!(lines[bad]["ok"], json!(false));
        assert_eq!(lines[bad]["stage"], json!("source"));
        assert_eq!(lines[bad]["issues"][0]["code"], json!("syntax"));
    }
}

#[test]
fn envelope_has_one_line_per_record_and_exit_0() {
    let input = format!("{HS_GOOD}\n{HS_BAD}\nnot json\n");
    let (code, out, err) = run(
        &convert_args("helpscout", "intercom", &["--envelope"]),
        input,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.lines().count(), 1, "only the summary: {err}");
    let lines = lines(&out);
    assert_eq!(lines.len(), 3);
    let keys: Vec<&String> = lines[0].as_object().expect("object").keys().collect();
    assert_eq!(keys, ["line", "record", "ok", "notes", "payload"]);
    assert_eq!(lines[0]["ok"], json!(true));
    assert_eq!(lines[0]["payload"]["email"], json!("ada@example.com"));
    let keys: Vec<&String> = lines[1].as_object().expect("object").keys().collect();
    assert_eq!(keys, ["line", "record", "ok", "stage", "issues"]);
    assert_eq!(lines[1]["ok"], json!(false));
    assert_eq!(lines[1]["stage"], json!("source"));
    assert_eq!(lines[2]["issues"][0]["code"], json!("syntax"));
    // An unreadable input is still exit 2.
    let (code, _, _) = run(
        &convert_args("helpscout", "intercom", &["--envelope"]),
        format!("[{HS_GOOD}"),
    );
    assert_eq!(code, 2);
}

/// The filter property that Spark's `RDD.pipe` and Hadoop streaming rely on: N lines in (blank
/// and byte-order-mark-only lines included), N lines out, line k of the output is about line k
/// of the input, exit status 0; for every source/target pair and for inputs of many shapes and
/// sizes.
#[test]
fn envelope_is_a_line_preserving_filter() {
    let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let formats: Vec<&str> = Format::ALL.iter().map(|f| f.id()).collect();
    for case in 0..24 {
        let n = match case {
            0 => 0,
            1 => 1,
            _ => next() % 400,
        };
        let mut input = Vec::new();
        let mut blank = Vec::new();
        for _ in 0..n {
            let (line, skipped): (Vec<u8>, Option<&str>) = match next() % 14 {
                0 => (b"not json".to_vec(), None),
                1 => (b"{\"a\":\"\xFF\"}".to_vec(), None),
                2 => (b"[1, 2]".to_vec(), None),
                3 => (
                    format!("{{\"x\":\"{}\"}}", "y".repeat(600)).into_bytes(),
                    None,
                ),
                4 => (b"".to_vec(), Some("blank")),
                5 => (b" \t ".to_vec(), Some("blank")),
                6 => (b"\xEF\xBB\xBF".to_vec(), Some("bom")),
                7 => ("\u{a0}".as_bytes().to_vec(), None),
                8 => (b"{\"a\":1,\r\"b\":2}".to_vec(), None),
                _ => (record(next() % 1000).into_bytes(), None),
            };
            input.extend_from_slice(&line);
            blank.push(skipped);
            input.extend_from_slice(if next() % 3 == 0 { b"\r\n" } else { b"\n" });
        }
        let from = formats[(next() % formats.len() as u64) as usize];
        let to = formats[(next() % formats.len() as u64) as usize];
        let threads = (1 + next() % 4).to_string();
        let (code, out, err) = run(
            &convert_args(
                from,
                to,
                &[
                    "--envelope",
                    "--ndjson",
                    "--threads",
                    &threads,
                    "--max-record-bytes",
                    "512",
                    "--batch-records",
                    "16",
                ],
            ),
            input,
        );
        assert_eq!(code, 0, "case {case} ({from} → {to}): {err}");
        let lines = lines(&out);
        assert_eq!(
            lines.len() as u64,
            n,
            "case {case}: N lines in, N lines out"
        );
        let mut record = 0;
        for (i, (line, skipped)) in lines.iter().zip(&blank).enumerate() {
            assert_eq!(line["line"], json!(i + 1), "case {case}: in order");
            match skipped {
                Some(why) => {
                    assert_eq!(line["skipped"], json!(why), "case {case}: {line}");
                    assert_eq!(line["ok"], json!(true));
                    assert_eq!(line.get("record"), None, "not counted: {line}");
                }
                None => {
                    record += 1;
                    assert_eq!(line["record"], json!(record), "case {case}: counted");
                    assert!(line["ok"].is_boolean());
                }
            }
        }
    }
}

/// Issue 12: a line holding only a byte order mark (the first line of a Spark partition, say)
/// printed nothing under `--envelope`, so the output was one line short and Spark's zip failed.
/// Every line, blank or not, now has its envelope, in `convert` and `preview` alike.
#[test]
fn envelope_of_a_byte_order_mark_alone_and_blank_lines() {
    let (code, out, err) = run(
        &convert_args("helpscout", "intercom", &["--envelope", "--ndjson"]),
        b"\xef\xbb\xbf\nnull\n".to_vec(),
    );
    assert_eq!(code, 0, "{err}");
    let envelopes = lines(&out);
    assert_eq!(envelopes.len(), 2, "{out}");
    assert_eq!(
        envelopes[0],
        json!({"line": 1, "ok": true, "skipped": "bom"})
    );
    assert_eq!(
        (&envelopes[1]["line"], &envelopes[1]["record"]),
        (&json!(2), &json!(1))
    );
    assert!(err.contains("1 record read"), "{err}");
    let input = "\n{\"email\": \"a@example.com\"}\n \t\n".to_owned();
    let (code, out, err) = run(&["preview", "--vendor", "intercom", "--envelope"], input);
    assert_eq!(code, 0, "{err}");
    let lines = lines(&out);
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(lines[0], json!({"line": 1, "ok": true, "skipped": "blank"}));
    assert_eq!(
        (&lines[1]["line"], &lines[1]["ok"]),
        (&json!(2), &json!(true))
    );
    assert_eq!(lines[2], json!({"line": 3, "ok": true, "skipped": "blank"}));
}

/// A distributed job cuts payloads, reject lines and report lines out of the envelope as text
/// (docs/SCALE-OUT.md, examples/spark/): they must be byte for byte what `--output`,
/// `--rejects` and `--report` write, and `--input-encoding base64-lines` must read exactly
/// what the raw input holds.
#[test]
fn envelope_carries_the_split_outputs_byte_for_byte() {
    let mut input = String::new();
    for i in 0..60 {
        match i % 6 {
            0 => input.push_str(HS_BAD),
            1 => input.push('\u{feff}'),
            2 => input.push_str("[{\"__proto__\": {\"x\": 1}}]"),
            _ => input.push_str(&record(i)),
        }
        input.push_str(if i % 4 == 0 { "\r\n" } else { "\n" });
    }
    input.push_str("{\"firstName\":\"Ada\",\r\"emails\":[{\"type\":\"work\",\"value\":\"ada@example.com\"}],\"__proto__\":{\"a\":\"\\\"payload\\\":\"}}\n\n \n");
    let dir = temp_dir();
    let file = dir.path().join("in.ndjson");
    fs::write(&file, &input).expect("input");
    let (out, rejects, report) = (
        dir.path().join("out"),
        dir.path().join("rejects"),
        dir.path().join("report"),
    );
    let common = convert_args("helpscout", "intercom", &["--ndjson"]);
    let mut split: Vec<String> = common.iter().map(|s| (*s).to_owned()).collect();
    for (flag, path) in [
        ("--output", &out),
        ("--rejects", &rejects),
        ("--report", &report),
    ] {
        split.extend([flag.to_owned(), path.display().to_string()]);
    }
    split.push(file.display().to_string());
    let split: Vec<&str> = split.iter().map(String::as_str).collect();
    let (code, _, err) = run(&split, "");
    assert_eq!(code, 1, "{err}");

    let mut envelope: Vec<&str> = common.to_vec();
    envelope.push("--envelope");
    let (code, env, err) = run(&envelope, input.clone());
    assert_eq!(code, 0, "{err}");
    let (mut payloads, mut reject_lines, mut report_lines) =
        (String::new(), String::new(), String::new());
    for line in env.lines() {
        // {"line":L,"record":N,"ok":true,"notes":[...],"payload":{...}}
        if let Some(at) = line.find(",\"ok\":true,\"notes\":") {
            let record = &line[line.find(",\"record\":").expect("record") + 1..at];
            let payload_at = line.find(",\"payload\":").expect("payload last");
            let notes = &line[at + ",\"ok\":true,".len()..payload_at];
            payloads.push_str(&line[payload_at + ",\"payload\":".len()..line.len() - 1]);
            payloads.push('\n');
            report_lines.push_str(&format!("{{{record},{notes}}}\n"));
        } else if let Some(at) = line.find(",\"ok\":false,") {
            let record = &line[line.find(",\"record\":").expect("record") + 1..at];
            reject_lines.push_str(&format!(
                "{{{record},{}\n",
                &line[at + ",\"ok\":false,".len()..]
            ));
        } else {
            assert!(line.contains("\"skipped\":"), "{line}");
        }
    }
    assert_eq!(payloads, fs::read_to_string(&out).expect("output"));
    assert_eq!(reject_lines, fs::read_to_string(&rejects).expect("rejects"));
    assert_eq!(report_lines, fs::read_to_string(&report).expect("report"));

    // The same input as Base64 lines gives the same envelopes.
    let encoded: String = input
        .split_inclusive('\n')
        .map(|l| base64(l.trim_end_matches('\n').as_bytes()) + "\n")
        .collect();
    let mut base64_args = envelope.clone();
    base64_args.extend(["--input-encoding", "base64-lines"]);
    let (code, env64, err) = run(&base64_args, encoded);
    assert_eq!(code, 0, "{err}");
    assert_eq!(env64, env);
}

/// Standard Base64 with padding (RFC 4648 §4), as Python's `base64.b64encode` writes it.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[test]
fn lenient_truncates_where_strict_rejects() {
    // Intercom's `name` has no length limit; Help Scout's `firstName` allows 40 characters.
    let input = json!({"email": "a@example.com", "name": "Ö".repeat(60)}).to_string();
    let strict = convert_args("intercom", "helpscout", &["--envelope"]);
    let (_, out, _) = run(&strict, input.clone());
    let line = &lines(&out)[0];
    assert_eq!(line["ok"], json!(false), "{line}");
    assert_eq!(line["stage"], json!("target"));
    let mut lenient = strict.to_vec();
    lenient.push("--lenient");
    let (_, out, _) = run(&lenient, input);
    let line = &lines(&out)[0];
    assert_eq!(line["ok"], json!(true), "{line}");
    assert_eq!(
        line["payload"]["firstName"]
            .as_str()
            .expect("firstName")
            .chars()
            .count(),
        40
    );
    assert!(
        line["notes"]
            .as_array()
            .expect("notes")
            .iter()
            .any(|n| n["code"] == json!("truncated")),
        "{line}"
    );
}

#[test]
fn convert_reads_json_arrays() {
    let ndjson = format!("{HS_GOOD}\n{HS_BAD}\n");
    let array = format!("[\n  {HS_GOOD},\n  {HS_BAD}\n]\n");
    let args = convert_args("helpscout", "bird", &["--envelope"]);
    let (code, a, _) = run(&args, ndjson);
    let (code2, b, _) = run(&args, array);
    assert_eq!(code, code2);
    // The same envelopes, but only NDJSON lines have line numbers.
    let mut a = lines(&a);
    for (i, envelope) in a.iter_mut().enumerate() {
        let line = envelope
            .as_object_mut()
            .and_then(|o| o.shift_remove("line"));
        assert_eq!(line, Some(json!(i + 1)));
    }
    assert_eq!(a, lines(&b));
    assert_eq!(a.len(), 2);
}

#[test]
fn normalize_custom_keys_carries_attributes_under_normalised_keys() {
    let input = r#"{"email":"a@example.com","custom_attributes":{"Plan Tier":"gold"}}"#;
    let args = convert_args("intercom", "helpscout", &["--envelope"]);
    let (code, plain, _) = run(&args, input);
    assert_eq!(code, 0);
    let plain = &lines(&plain)[0];
    assert_eq!(plain["payload"].get("properties"), None, "{plain}");
    assert!(
        plain["notes"]
            .as_array()
            .expect("notes")
            .iter()
            .any(|n| n["code"] == json!("dropped")
                && n["path"] == json!("/custom_attributes/Plan Tier")),
        "{plain}"
    );
    let mut with = args.to_vec();
    with.push("--normalize-custom-keys");
    let (code, normalized, _) = run(&with, input);
    assert_eq!(code, 0);
    let normalized = &lines(&normalized)[0];
    assert_eq!(
        normalized["payload"]["properties"][0]["value"],
        json!("gold"),
        "{normalized}"
    );
    assert!(
        normalized["notes"]
            .as_array()
            .expect("notes")
            .iter()
            .any(|n| n["code"] == json!("normalized")),
        "{normalized}"
    );
}

/// `--external-id`: Help Scout → Sequence finishes for the records that have the chosen value;
/// the others are rejected exactly as without the flag; the library is the oracle.
#[test]
fn external_id_fills_a_missing_id_from_the_chosen_value() {
    let with_email = HS_GOOD;
    let with_crm = r#"{"firstName":"Bob","properties":[{"slug":"crm_id","value":42}]}"#;
    let neither = VALID2;
    let input = format!("{with_email}\n{with_crm}\n{neither}\n");
    let args = ["convert", "--from", "helpscout", "--to", "sequence"];
    let (code, out, err) = run(&args, input.clone());
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    let rejects = err.lines().filter(|l| l.starts_with("{\"record\"")).count();
    assert_eq!(
        rejects, 3,
        "without the flag every record is rejected: {err}"
    );
    for (flag, converted) in [("email", vec![1]), ("custom:crm_id", vec![2])] {
        let mut with = args.to_vec();
        with.extend(["--external-id", flag, "--envelope"]);
        let (code, out, _) = run(&with, input.clone());
        assert_eq!(code, 0, "{flag}");
        let how: contactkit::ExternalIdSource = flag.parse().expect("source");
        let options = ConvertOptions::new().external_id(how);
        for (i, line) in lines(&out).iter().enumerate() {
            let record: Value =
                serde_json::from_str(input.lines().nth(i).expect("line")).expect("JSON");
            let expected = convert(Format::HelpScout, Format::Sequence, &record, &options);
            assert_eq!(line["ok"], json!(expected.is_ok()), "{flag}: {line}");
            assert_eq!(
                converted.contains(&(i + 1)),
                expected.is_ok(),
                "{flag}: {line}"
            );
            match expected {
                Ok(c) => {
                    assert_eq!(line["payload"], c.payload, "{flag}");
                    assert_eq!(line["notes"], json!(c.notes), "{flag}");
                    assert!(c.notes.iter().any(
                        |n| n.path == "/externalId" && n.code == contactkit::NoteCode::Derived
                    ));
                }
                Err(e) => {
                    let r = e.into_rejection();
                    assert_eq!(line["stage"], "target", "{flag}");
                    assert_eq!(line["issues"], json!(r.issues), "{flag}");
                    assert_eq!(line["issues"][0]["path"], "/externalId", "{flag}");
                }
            }
        }
    }
    // Split output: the payload on standard output, the rest rejected, exit 1.
    let mut with = args.to_vec();
    with.extend(["--external-id", "email"]);
    let (code, out, err) = run(&with, input);
    assert_eq!(code, 1);
    assert_eq!(lines(&out)[0]["externalId"], "ada@example.com");
    assert_eq!(lines(&out)[0]["email"], "ada@example.com");
    assert!(
        err.contains("1 converted from helpscout to sequence, 2 rejected"),
        "{err}"
    );
}

#[test]
fn external_id_usage_errors() {
    let convert = |flag: &str, from: &str| {
        vec![
            "convert".to_owned(),
            "--from".to_owned(),
            from.to_owned(),
            "--to".to_owned(),
            "sequence".to_owned(),
            "--external-id".to_owned(),
            flag.to_owned(),
        ]
    };
    for (flag, from, needle) in [
        ("custom:", "helpscout", "custom: needs the key"),
        (
            "custom",
            "helpscout",
            "expected email, source-id or custom:KEY",
        ),
        ("phone", "intercom", "invalid value 'phone'"),
        ("", "intercom", "--external-id"),
        ("source-id", "helpscout", "read format"),
        ("source-id", "canonical", "canonical records carry none"),
    ] {
        let args = convert(flag, from);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_usage_error(&args, needle);
    }
    // source-id is accepted for a read format.
    let (code, out, _) = run(
        &convert_args(
            "helpscout-customer",
            "sequence",
            &["--external-id", "source-id"],
        ),
        r#"{"id": 500, "firstName": "Vernon"}"#,
    );
    assert_eq!(code, 0);
    assert_eq!(lines(&out)[0]["externalId"], "500");
    // preview converts nothing: it has no such flag.
    assert_usage_error(
        &["preview", "--vendor", "intercom", "--external-id", "email"],
        "--external-id",
    );
}

/// Typical conversion output as a user sees it: payloads on standard output, reject lines and
/// the summary on standard error, and the same records as an envelope.
#[test]
fn convert_typical_output() {
    let input = format!(
        "{HS_GOOD}\n{HS_BAD}\n{}\nnot json\n",
        r#"{"firstName":"Ιωάννης","lastName":"Παπαδόπουλος","phones":[{"type":"mobile","value":"+302101234567"}],"emails":[{"type":"work","value":"ioannis@example.gr"},{"type":"home","value":"giannis@example.com"}]}"#
    );
    let (code, out, err) = run(
        &["convert", "--from", "helpscout", "--to", "intercom"],
        input.clone(),
    );
    assert_eq!(code, 1);
    insta::assert_snapshot!("convert_typical_stdout", out);
    insta::assert_snapshot!("convert_typical_stderr", err);
    let (code, out, _) = run(
        &convert_args("helpscout", "intercom", &["--envelope"]),
        input,
    );
    assert_eq!(code, 0);
    insta::assert_snapshot!("convert_typical_envelope", out);
}

#[test]
fn bundled_examples_convert_with_nothing_lost() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/data");
    for format in Format::ALL {
        let path = root.join(format!("{}.ndjson", format.id()));
        if !path.exists() {
            continue;
        }
        let (code, out, _) = run(
            &["validate", "--vendor", format.id(), "--summary", s(&path)],
            "",
        );
        assert!(code == 0 || code == 1);
        let summary = &lines(&out)[0];
        let records = summary["records"].as_u64().expect("records");
        assert!(records >= 100, "{path:?}");
        let (code, out, err) = run(
            &convert_args(format.id(), "intercom", &["--quiet", s(&path)]),
            "",
        );
        assert!(code == 0 || code == 1, "{err}");
        let rejected = err.lines().count() - 1;
        assert_eq!(
            lines(&out).len() + rejected,
            records as usize,
            "{format}: converted + rejected = records read"
        );
    }
}

#[test]
fn ndjson_flag_reads_a_leading_array_line_as_one_record() {
    let input = format!("[1, 2]\n{VALID}\n");
    let (code, out, err) = run(&["validate", "--vendor", "helpscout"], input.clone());
    assert_eq!(
        code, 2,
        "auto-detected as a JSON array followed by more data: {out}"
    );
    assert!(err.contains("followed by more data"), "{err}");
    let (code, out, _) = run(&["validate", "--vendor", "helpscout", "--ndjson"], input);
    assert_eq!(code, 1);
    let lines = lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["issues"][0]["code"], json!("type"));
    assert_eq!(lines[1]["valid"], json!(true));
}

#[test]
fn output_to_a_named_pipe_writes_into_it_instead_of_replacing_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = temp_dir();
    let fifo = dir.path().join("pipe");
    let made = StdCommand::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available: test skipped");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).expect("read the pipe"))
    };
    let (code, out, err) = run(
        &validate_args("helpscout", &["--summary", "--output", s(&fifo)]),
        VALID,
    );
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    assert_eq!(
        reader.join().expect("reader"),
        "{\"records\":1,\"valid\":1,\"invalid\":0}\n"
    );
    let kind = fs::symlink_metadata(&fifo).expect("fifo").file_type();
    assert!(kind.is_fifo(), "the pipe is still a pipe");
    assert_eq!(listing(dir.path()), ["pipe"]);
}

#[test]
fn output_through_a_symlink_replaces_the_target_and_keeps_the_link() {
    let dir = temp_dir();
    let target = write(dir.path(), "real.ndjson", "old\n");
    let link = dir.path().join("link.ndjson");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let (code, _, _) = run(
        &validate_args("helpscout", &["--summary", "-o", s(&link)]),
        VALID,
    );
    assert_eq!(code, 0);
    assert!(fs::symlink_metadata(&link)
        .expect("link")
        .file_type()
        .is_symlink());
    assert_eq!(
        fs::read_to_string(&target).expect("target"),
        "{\"records\":1,\"valid\":1,\"invalid\":0}\n"
    );
}

#[test]
fn convert_uses_definitions_and_show_values_for_the_source_stage() {
    let dir = temp_dir();
    let defs = write(
        dir.path(),
        "defs.json",
        r#"{"helpscout": [{"slug": "seats", "type": "number"}]}"#,
    );
    let input = r#"{"firstName":"Ada","emails":[{"type":"work","value":"ada@example.com"}],"properties":[{"slug":"seats","value":"many"}]}"#;
    let args = convert_args("helpscout", "intercom", &["--envelope"]);
    let (_, out, _) = run(&args, input);
    assert_eq!(lines(&out)[0]["ok"], json!(true), "{out}");
    let mut with = args.to_vec();
    with.extend(["--definitions", s(&defs)]);
    let (_, out, _) = run(&with, input);
    let line = &lines(&out)[0];
    assert_eq!(line["ok"], json!(false), "{line}");
    assert_eq!(line["stage"], json!("source"));
    assert_eq!(line["issues"][0]["path"], json!("/properties/0/value"));
    // Values appear in messages only with --show-values.
    let args = convert_args("helpscout", "intercom", &["--envelope"]);
    let (_, out, _) = run(&args, HS_BAD);
    assert!(
        !out.contains("robot"),
        "values are not echoed by default: {out}"
    );
    let mut with = args.to_vec();
    with.push("--show-values");
    let (_, out, _) = run(&with, HS_BAD);
    assert!(
        out.contains("robot"),
        "--show-values echoes the value: {out}"
    );
}
