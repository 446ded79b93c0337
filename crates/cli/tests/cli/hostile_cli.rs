//! Hostile input through the command line: each case has a defined result (exact output lines
//! and exit status) within bounded time and memory, and the command never echoes a field's
//! value unless `--show-values` asks for it. Library-level cases are in tests/validate/hostile.rs.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::support::cli::{
    bin, convert_args, output_lines as lines, quiet, run_piped as run, validate_args,
};

/// `(path, code, severity)` of a finding.
type Found = (String, String, String);

/// A fresh temporary directory holding one file, `name`, with `contents`.
fn dir_with(name: &str, contents: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(name), contents).expect("write");
    dir
}

/// `(record, valid, findings)` of each `validate` output line.
fn results(out: &Output) -> Vec<(u64, bool, Vec<Found>)> {
    lines(&out.stdout)
        .iter()
        .map(|l| {
            let issues = l["issues"]
                .as_array()
                .expect("issues")
                .iter()
                .map(|i| {
                    (
                        i["path"].as_str().expect("path").to_owned(),
                        i["code"].as_str().expect("code").to_owned(),
                        i["severity"].as_str().expect("severity").to_owned(),
                    )
                })
                .collect();
            (
                l["record"].as_u64().expect("record"),
                l["valid"].as_bool().expect("valid"),
                issues,
            )
        })
        .collect()
}

fn issue(path: &str, code: &str, severity: &str) -> Found {
    (path.to_owned(), code.to_owned(), severity.to_owned())
}

fn syntax() -> Vec<Found> {
    vec![issue("", "syntax", "error")]
}

fn message(out: &Output, record: usize) -> String {
    lines(&out.stdout)[record]["issues"][0]["message"]
        .as_str()
        .expect("message")
        .to_owned()
}

#[test]
fn a_20_mb_line_without_newline_is_skipped_with_a_syntax_finding() {
    let big = format!(r#"{{"firstName": "{}"}}"#, "a".repeat(20 << 20));
    let input = format!("{{\"firstName\": \"Ada\"}}\n{big}");
    let start = Instant::now();
    let out = run(
        &validate_args("helpscout", &["--max-record-bytes", "1MiB"]),
        input.as_bytes(),
    );
    assert!(start.elapsed() < Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(results(&out), vec![(1, true, vec![]), (2, false, syntax())]);
    assert_eq!(
        message(&out, 1),
        format!(
            "the record is {} bytes long, more than the limit of 1048576 bytes, so it was \
             skipped without being read (raise --max-record-bytes to accept it)",
            big.len()
        )
    );
    // Under the default limit of 16 MiB too; with a higher limit it is read and checked.
    let out = run(&["validate", "--vendor", "helpscout"], big.as_bytes());
    assert_eq!(results(&out), vec![(1, false, syntax())]);
    assert!(message(&out, 0).contains("more than the limit of 16777216 bytes"));
    let out = run(
        &validate_args("helpscout", &["--max-record-bytes", "32MiB"]),
        big.as_bytes(),
    );
    assert_eq!(
        results(&out),
        vec![(1, false, vec![issue("/firstName", "too_long", "error")])]
    );
}

/// Peak resident memory of a run, in KiB (Linux: polls `/proc/PID/status`).
#[cfg(target_os = "linux")]
fn peak_rss_kib(args: &[&str], stdin: Vec<u8>) -> u64 {
    let mut child = quiet(args).spawn().expect("start contactkit");
    let mut input = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    while child.try_wait().expect("wait").is_none() {
        if let Ok(text) = std::fs::read_to_string(&status) {
            if let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(kib);
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    writer.join().expect("writer");
    peak
}

#[cfg(target_os = "linux")]
#[test]
fn an_oversize_record_is_not_held_in_memory() {
    // 64 MB in one line against a 1 MiB limit: the reader skips it without buffering it.
    let big = format!(r#"{{"firstName": "{}"}}"#, "a".repeat(64 << 20));
    let peak = peak_rss_kib(
        &validate_args(
            "helpscout",
            &["--max-record-bytes", "1MiB", "--threads", "2"],
        ),
        big.into_bytes(),
    );
    assert!(peak > 0, "no measurement");
    assert!(
        peak < 48 * 1024,
        "peak resident memory {peak} KiB for a skipped 64 MB record"
    );
}

#[test]
fn mixed_crlf_and_lf_line_endings() {
    let input = b"{\"firstName\": \"Ada\"}\r\n{\"firstName\": \"Bob\"}\n\r\n  \r\n{\"lastName\": \"C\"}\r\n{\"x\": 1}";
    let out = run(&["validate", "--vendor", "helpscout"], input);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        results(&out),
        vec![
            (1, true, vec![]),
            (2, true, vec![]),
            (3, true, vec![]),
            (4, true, vec![issue("/x", "unknown_field", "warning")]),
        ]
    );
    // A lone CR does not end a line: two objects on one line are not one JSON value.
    let out = run(&["validate", "--vendor", "helpscout"], b"{}\r{}\n{}\n");
    assert_eq!(results(&out), vec![(1, false, syntax()), (2, true, vec![])]);
    assert!(message(&out, 0).contains("trailing characters"));
    // Converting: the CR never reaches a payload.
    let out = run(
        &["convert", "--from", "helpscout", "--to", "helpscout"],
        b"{\"firstName\": \"Ada\"}\r\n{\"firstName\": \"Bob\"}\r\n",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        lines(&out.stdout),
        vec![json!({"firstName": "Ada"}), json!({"firstName": "Bob"})]
    );
}

/// Each NDJSON line is a JSON text, and a byte order mark may start it (RFC 8259 §8.1): at the
/// start of the input or of any line, so that where a line sits (in a file, or at the start of
/// a Spark partition) never changes what it means. Anywhere else it is data.
#[test]
fn a_byte_order_mark_starts_a_line_and_nowhere_else() {
    let out = run(
        &["validate", "--vendor", "helpscout"],
        b"\xEF\xBB\xBF{\"firstName\": \"Ada\"}\n\xEF\xBB\xBF{}\n\xEF\xBB\xBF\n \xEF\xBB\xBF{}\n{}\xEF\xBB\xBF\n",
    );
    assert_eq!(
        results(&out),
        vec![
            (1, true, vec![]),
            (2, true, vec![]),
            (3, false, syntax()),
            (4, false, syntax())
        ]
    );
    assert!(message(&out, 2).contains("expected value (line 1, column 1)"));
    assert!(message(&out, 3).contains("trailing characters"));
    // The first bytes of a mark and then something else are data: record 1 is not UTF-8.
    // (Found by fuzzing the reader: read a byte at a time, such an input used to fail as a
    // whole; read at once, it was a record.)
    for input in [&b"\xEF\xBBx\n{}\n"[..], b"\xEF\n{}\n"] {
        let out = run(&["validate", "--vendor", "helpscout"], input);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(results(&out), vec![(1, false, syntax()), (2, true, vec![])]);
        assert!(
            message(&out, 0).contains("invalid UTF-8"),
            "{}",
            message(&out, 0)
        );
    }
    // Before a JSON array too.
    let out = run(
        &["validate", "--vendor", "helpscout"],
        b"\xEF\xBB\xBF [{\"firstName\": \"Ada\"}, {}]",
    );
    assert_eq!(results(&out), vec![(1, true, vec![]), (2, true, vec![])]);
}

#[test]
fn deep_nesting_numbers_surrogates_and_control_characters_line_by_line() {
    // (An input whose first character is `[` is a JSON array, so the deep array comes second.)
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let mut input = Vec::new();
    for line in [
        br#"{"firstName": "Ada", "age": 1e999}"#,
        deep.as_bytes(),
        br#"{"organizationId": 18446744073709551616}"#,
        br#"{"organizationId": -0}"#,
        br#"{"firstName": "Ada", "firstName": "Bob"}"#,
        br#"{"firstName": "\ud800"}"#,
        br#"{"undocumented": "\udc00"}"#,
        b"{\"firstName\": \"a\x00b\"}",
        br#"{"firstName": "\u0000\u202e\u200b"}"#,
        b"{\"firstName\": \"\xC3\"}",
        b"{\"undocumented\": \"\xFF\"}",
        b"\x00",
    ] {
        input.extend_from_slice(line);
        input.push(b'\n');
    }
    let start = Instant::now();
    let out = run(&["validate", "--vendor", "helpscout"], &input);
    assert!(start.elapsed() < Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        results(&out),
        vec![
            (
                1,
                false,
                vec![
                    issue("/age", "out_of_range", "error"),
                    issue("/age", "type", "error"),
                ]
            ),
            (2, false, syntax()),
            (
                3,
                false,
                vec![issue("/organizationId", "out_of_range", "error")]
            ),
            (4, true, vec![]),
            (5, false, vec![issue("/firstName", "duplicate", "error")]),
            (6, false, syntax()),
            (7, false, syntax()),
            (8, false, syntax()),
            (9, true, vec![]),
            (10, false, syntax()),
            (11, false, syntax()),
            (12, false, syntax()),
        ]
    );
    assert!(message(&out, 0).contains("beyond the range of a 64-bit float"));
    assert!(message(&out, 1).contains("recursion limit exceeded"));
    assert!(message(&out, 7).contains("control character"));
    assert!(message(&out, 9).contains("invalid UTF-8"));

    // `convert` agrees with `validate` on every record.
    let out = run(
        &convert_args("helpscout", "canonical", &["--envelope"]),
        &input,
    );
    let ok: Vec<bool> = lines(&out.stdout)
        .iter()
        .map(|l| l["ok"].as_bool().expect("ok"))
        .collect();
    assert_eq!(
        ok,
        [false, false, false, true, false, false, false, false, true, false, false, false]
    );
}

#[test]
fn emoji_at_the_40_character_boundary() {
    let forty = json!({"firstName": "\u{1F600}".repeat(40)}).to_string();
    let forty_one = json!({"firstName": "\u{1F600}".repeat(41)}).to_string();
    let out = run(
        &["validate", "--vendor", "helpscout"],
        format!("{forty}\n{forty_one}\n").as_bytes(),
    );
    assert_eq!(
        results(&out),
        vec![
            (1, true, vec![]),
            (2, false, vec![issue("/firstName", "too_long", "error")])
        ]
    );
    assert_eq!(message(&out, 1), "is 41 characters long, the maximum is 40");
}

#[test]
fn array_input_that_never_closes_or_has_trailing_data() {
    let out = run(
        &["validate", "--vendor", "helpscout"],
        b"[{\"firstName\": \"Ada\"}, {\"firstName\": ",
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(results(&out), vec![(1, true, vec![]), (2, false, syntax())]);
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(stderr.contains("never closed"), "{stderr}");

    let out = run(&["validate", "--vendor", "helpscout"], b"[{}, {}] {}");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(results(&out), vec![(1, true, vec![]), (2, true, vec![])]);
}

#[test]
fn empty_input_has_no_records() {
    for input in [&b""[..], b"\n\n", b"\xEF\xBB\xBF", b" [ ] "] {
        let out = run(&["convert", "--from", "helpscout", "--to", "bird"], input);
        assert_eq!(out.status.code(), Some(0));
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8(out.stderr).expect("UTF-8");
        assert!(
            stderr.starts_with("contactkit: 0 records read, 0 converted"),
            "{stderr}"
        );
    }
}

#[test]
fn output_never_repeats_values_unless_asked() {
    // Every value carries the token; each breaks a rule or is converted with notes.
    let records = [
        json!({"firstName": format!("zqx7v{}", "x".repeat(50)), "gender": "zqx7v-robot"}),
        json!({"emails": [{"type": "zqx7v-type", "value": "zqx7v-not-an-address"}]}),
        json!({"websites": [{"value": "zqx7v:nope"}], "photoType": "zqx7v-photo"}),
        json!({"firstName": "Zqx7v", "lastName": "Zqx7v Lovelace", "background": "zqx7v-notes",
               "emails": [{"value": "zqx7v@example.com"}, {"value": "zqx7v.2@example.com"}],
               "phones": [{"type": "work", "value": "zqx7v-phone"}]}),
    ];
    let input: String = records.iter().map(|r| format!("{r}\n")).collect();
    let token = "zqx7v";

    let out = run(&["validate", "--vendor", "helpscout"], input.as_bytes());
    assert!(!String::from_utf8_lossy(&out.stdout)
        .to_lowercase()
        .contains(token));
    assert!(!String::from_utf8_lossy(&out.stderr).contains(token));
    // Asked for, format and enum findings show the value.
    let out = run(
        &["validate", "--vendor", "helpscout", "--show-values"],
        input.as_bytes(),
    );
    let shown = String::from_utf8_lossy(&out.stdout).into_owned();
    for value in [
        "zqx7v-robot",
        "zqx7v-type",
        "zqx7v-not-an-address",
        "zqx7v:nope",
        "zqx7v-photo",
    ] {
        assert!(shown.contains(value), "{value} not shown: {shown}");
    }

    // convert: payloads on stdout carry values (that is the output); reject lines, report lines
    // and the summary do not.
    let dir = tempfile::tempdir().expect("temp dir");
    let rejects = dir.path().join("rejects.ndjson");
    let report = dir.path().join("report.ndjson");
    for to in ["intercom", "bird", "sequence", "canonical"] {
        for lenient in [false, true] {
            let mut args = convert_args(
                "helpscout",
                to,
                &[
                    "--rejects",
                    rejects.to_str().expect("path"),
                    "--report",
                    report.to_str().expect("path"),
                ],
            );
            if lenient {
                args.push("--lenient");
            }
            let out = run(&args, input.as_bytes());
            let stderr = String::from_utf8(out.stderr).expect("UTF-8");
            assert!(!stderr.to_lowercase().contains(token), "{to}: {stderr}");
            for file in [&rejects, &report] {
                let text = std::fs::read_to_string(file).expect("written");
                assert!(!text.to_lowercase().contains(token), "{to}: {text}");
            }
            // Rejected records on standard error, and envelopes of rejected records.
            let mut args = vec!["convert", "--from", "helpscout", "--to", to];
            if lenient {
                args.push("--lenient");
            }
            let out = run(&args, input.as_bytes());
            assert!(!String::from_utf8_lossy(&out.stderr)
                .to_lowercase()
                .contains(token));
            args.push("--envelope");
            let out = run(&args, input.as_bytes());
            for line in lines(&out.stdout) {
                let mut without_payload = line.clone();
                without_payload["payload"] = Value::Null;
                assert!(
                    !without_payload.to_string().to_lowercase().contains(token),
                    "{line}"
                );
            }
        }
    }
}

#[test]
fn a_deep_array_on_the_first_line_makes_the_input_an_array_unless_ndjson() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let input = format!("{deep}\n{{\"firstName\": \"Ada\"}}\n");
    // Read as one JSON array: its one element is too deep, and more data follows it.
    let out = run(&["validate", "--vendor", "helpscout"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(results(&out), vec![(1, false, syntax())]);
    assert!(message(&out, 0).contains("recursion limit exceeded"));
    // --ndjson reads it line by line.
    let out = run(
        &["validate", "--vendor", "helpscout", "--ndjson"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(results(&out), vec![(1, false, syntax()), (2, true, vec![])]);
}

// --- Files and faults (SECURITY.md, issue 12) ----------------------------------------------
//
// An output never replaces or feeds an input; output files appear only when the run completes,
// with the mode of the file they replace; nothing of an interrupted run stays on disk; a run
// that could not deliver all of its output never exits 0; every input has a bound.

/// Three valid Help Scout records and one that is too long.
const FOUR: &str =
    "{\"firstName\": \"Ada\"}\n{\"firstName\": \"Grace\"}\n{\"firstName\": \"Edsger\"}\n\
{\"firstName\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}\n";

/// A command line's words.
fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

/// Runs `contactkit ARGS` in `dir` with the given standard streams.
fn run_in(dir: &Path, args: &[&str], stdin: Stdio, stdout: Stdio, stderr: Stdio) -> Output {
    Command::new(bin())
        .current_dir(dir)
        .args(args)
        .stdin(stdin)
        .stdout(stdout)
        .stderr(stderr)
        .output()
        .expect("contactkit runs")
}

/// Runs `contactkit ARGS` in `dir` without standard input, capturing its output.
fn run_at(dir: &Path, args: &[&str]) -> Output {
    run_in(dir, args, Stdio::null(), Stdio::piped(), Stdio::piped())
}

/// Runs a shell command line in `dir`, with `$CONTACTKIT` set to the binary.
#[cfg(unix)]
fn sh(dir: &Path, line: &str) -> Output {
    Command::new("sh")
        .current_dir(dir)
        .env("CONTACTKIT", bin())
        .args(["-c", line])
        .stdin(Stdio::null())
        .output()
        .expect("sh runs")
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn an_output_never_replaces_an_input_whatever_path_names_it() {
    let dir = dir_with("x.ndjson", FOUR);
    let d = dir.path();
    std::fs::write(d.join("defs.json"), r#"{"helpscout": []}"#).expect("write");
    std::os::unix::fs::symlink("x.ndjson", d.join("link.ndjson")).expect("symlink");
    std::fs::hard_link(d.join("x.ndjson"), d.join("hard.ndjson")).expect("hard link");
    let before = names(d);
    let convert = ["convert", "--from", "helpscout", "--to", "intercom"];
    let with = |extra: &[&'static str]| -> Vec<&'static str> {
        convert.iter().chain(extra).copied().collect()
    };
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            with(&["x.ndjson", "--output", "x.ndjson"]),
            "--output x.ndjson is the input",
        ),
        (
            with(&["x.ndjson", "--output", "./x.ndjson"]),
            "--output ./x.ndjson is the input",
        ),
        (
            with(&["./x.ndjson", "--output", "link.ndjson"]),
            "--output link.ndjson is the input",
        ),
        (
            with(&["x.ndjson", "--rejects", "hard.ndjson"]),
            "--rejects hard.ndjson is the input",
        ),
        (
            with(&["link.ndjson", "--report", "x.ndjson"]),
            "--report x.ndjson is the input",
        ),
        (
            with(&["x.ndjson", "--definitions", "defs.json", "-o", "defs.json"]),
            "--output defs.json is --definitions defs.json",
        ),
        (
            validate_args("helpscout", &["x.ndjson", "-o", "hard.ndjson"]),
            "--output hard.ndjson is the input",
        ),
        (
            vec![
                "preview",
                "--vendor",
                "helpscout",
                "x.ndjson",
                "--rejects",
                "link.ndjson",
            ],
            "--rejects link.ndjson is the input",
        ),
    ];
    for (args, needle) in &cases {
        let out = run_at(d, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = stderr_of(&out);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(
            err.contains("an output never replaces or feeds an input"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(d.join("x.ndjson")).expect("read"),
            FOUR
        );
        assert_eq!(names(d), before, "{args:?} left a file");
    }
    // Standard input redirected from the file, by `-` or /dev/stdin; standard output appended
    // to the input (it would read what it writes).
    for line in [
        "\"$CONTACTKIT\" validate --vendor helpscout -o x.ndjson < x.ndjson",
        "\"$CONTACTKIT\" validate --vendor helpscout - -o link.ndjson < x.ndjson",
        "\"$CONTACTKIT\" validate --vendor helpscout /dev/stdin -o x.ndjson < hard.ndjson",
        "\"$CONTACTKIT\" convert --from helpscout --to helpscout x.ndjson >> x.ndjson",
        "\"$CONTACTKIT\" convert --from helpscout --to helpscout x.ndjson --rejects /dev/stdout >> link.ndjson",
    ] {
        let out = sh(d, line);
        assert_eq!(out.status.code(), Some(2), "{line}: {}", stderr_of(&out));
        assert!(stderr_of(&out).contains("never replaces or feeds an input"), "{line}");
        assert_eq!(std::fs::read_to_string(d.join("x.ndjson")).expect("read"), FOUR);
        assert_eq!(names(d), before, "{line} left a file");
    }
    // Two outputs on one file, existing or new, whatever the spelling.
    for (a, b) in [("new.ndjson", "./new.ndjson"), ("defs.json", "./defs.json")] {
        let out = run_at(d, &with(&["x.ndjson", "--output", a, "--rejects", b]));
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr_of(&out).contains("--output and --rejects name the same file"));
        assert_eq!(names(d), before);
    }
    // A different file is fine.
    let out = run_at(d, &with(&["x.ndjson", "--output", "out.ndjson"]));
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(
        std::fs::read_to_string(d.join("out.ndjson"))
            .expect("read")
            .lines()
            .count(),
        3
    );
}

#[test]
fn an_output_naming_standard_output_or_error_is_appended_to_not_replaced() {
    let dir = dir_with("in.ndjson", FOUR);
    let d = dir.path();
    let append = |name: &str| {
        let path = d.join(name);
        std::fs::write(&path, "earlier line\n").expect("write");
        std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .expect("open")
    };
    let out = run_in(
        d,
        &words("convert --from helpscout --to intercom in.ndjson --output /dev/stdout --rejects /dev/stderr"),
        Stdio::null(),
        Stdio::from(append("log.txt")),
        Stdio::from(append("err.log")),
    );
    assert_eq!(out.status.code(), Some(1));
    let log = std::fs::read_to_string(d.join("log.txt")).expect("read");
    let log: Vec<&str> = log.lines().collect();
    assert_eq!(log.len(), 4, "{log:?}");
    assert_eq!(log[0], "earlier line");
    assert_eq!(log[1], r#"{"role":"lead","name":"Ada"}"#);
    let err = std::fs::read_to_string(d.join("err.log")).expect("read");
    let err: Vec<&str> = err.lines().collect();
    assert_eq!(err.len(), 3, "{err:?}");
    assert_eq!(err[0], "earlier line");
    assert!(
        err[1].starts_with(r#"{"record":4,"stage":"source""#),
        "{err:?}"
    );
    assert!(
        err[2].starts_with("contactkit: 4 records read, 3 converted"),
        "{err:?}"
    );
    // The same file named by its own path while it is standard output: appended to as well.
    let out = run_in(
        d,
        &words("validate --vendor helpscout in.ndjson -o log.txt"),
        Stdio::null(),
        Stdio::from(append("log.txt")),
        Stdio::piped(),
    );
    assert_eq!(out.status.code(), Some(1));
    let log = std::fs::read_to_string(d.join("log.txt")).expect("read");
    assert!(log.starts_with("earlier line\n{\"record\":1,"), "{log}");
    assert_eq!(log.lines().count(), 5);
    assert_eq!(names(d), ["err.log", "in.ndjson", "log.txt"]);
}

/// Starts `contactkit ARGS` on a large input whose records are all invalid, reads one line of
/// `stream` (standard output or error) and closes it; returns the exit status.
#[cfg(unix)]
fn close_after_one_line(args: &[&str], from_stderr: bool) -> std::process::ExitStatus {
    let line = format!("{{\"firstName\": \"{}\"}}\n", "x".repeat(41));
    close_after_one_line_of(args, line.repeat(200_000).as_bytes(), from_stderr)
}

/// [`close_after_one_line`] on `input`.
#[cfg(unix)]
fn close_after_one_line_of(
    args: &[&str],
    input_bytes: &[u8],
    from_stderr: bool,
) -> std::process::ExitStatus {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in.ndjson");
    std::fs::write(&input, input_bytes).expect("write");
    let mut child = Command::new(bin())
        .args(args)
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start contactkit");
    let (keep, read): (Box<dyn std::any::Any>, Box<dyn std::io::Read>) = if from_stderr {
        (
            Box::new(child.stdout.take()),
            Box::new(child.stderr.take().expect("stderr")),
        )
    } else {
        (
            Box::new(child.stderr.take()),
            Box::new(child.stdout.take().expect("stdout")),
        )
    };
    let mut first = String::new();
    BufReader::new(read).read_line(&mut first).expect("a line");
    assert!(first.starts_with('{'), "{first}");
    // The reading end was dropped with its BufReader; the other stream stays open.
    let status = child.wait().expect("wait");
    drop(keep);
    status
}

#[cfg(unix)]
#[test]
fn a_closed_downstream_pipe_ends_the_run_by_sigpipe_never_with_status_0() {
    use std::os::unix::process::ExitStatusExt;
    for (line, from_stderr) in [
        ("validate --vendor helpscout", false),
        ("validate --vendor helpscout --threads 1", false),
        ("convert --from helpscout --to bird --envelope", false),
        // Rejects on standard error, read by `2>&1 | head -1` say.
        ("convert --from helpscout --to bird", true),
    ] {
        let args = &words(line);
        let status = close_after_one_line(args, from_stderr);
        assert!(!status.success(), "{args:?}: {status:?}");
        assert_eq!(status.signal(), Some(13), "{args:?}: {status:?}");
    }
    // Through a shell pipeline: status 141, as for `yes | head -1`.
    let dir = dir_with("in.ndjson", &FOUR.repeat(50_000));
    let out = Command::new("bash")
        .current_dir(dir.path())
        .env("CONTACTKIT", bin())
        .args([
            "-c",
            "\"$CONTACTKIT\" validate --vendor helpscout in.ndjson | head -1 >/dev/null; \
             echo \"${PIPESTATUS[0]}\"",
        ])
        .output()
        .expect("bash runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "141");
}

/// `--envelope` writes one line per input line and exits 0 although records are rejected (a
/// rejection is a line of its output), but a closed pipe still ends it by SIGPIPE and a full
/// disk with status 2: its output was not all delivered. Blank, byte-order-mark-only and
/// invalid lines, and Base64 lines, under `convert` and `preview` alike.
#[cfg(unix)]
#[test]
fn an_envelope_run_into_a_closed_pipe_is_not_status_0() {
    use base64::Engine as _;
    use std::os::unix::process::ExitStatusExt;
    let input_lines = [
        "{\"firstName\": \"Ada\", \"emails\": [{\"type\": \"work\", \"value\": \"ada@example.com\"}]}",
        "",
        "\u{feff}",
        "{\"firstName\": \"Grace\", \"firstName\": \"Ada\"}",
        "not json",
        "\u{feff}{\"firstName\": \"Edsger\"}",
        "{\"firstName\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}",
    ];
    let raw: String = input_lines.iter().map(|l| format!("{l}\n")).collect();
    let b64: String = input_lines
        .iter()
        .map(|l| base64::engine::general_purpose::STANDARD.encode(l) + "\n")
        .collect();
    let runs = [
        (
            "convert --from helpscout --to bird --envelope --ndjson",
            &raw,
        ),
        (
            "convert --from helpscout --to bird --envelope --input-encoding base64-lines",
            &b64,
        ),
        ("preview --vendor helpscout --envelope --ndjson", &raw),
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    for (line, input) in runs {
        // To its end: one line per input line, rejected records among them, status 0.
        std::fs::write(d.join("in.ndjson"), input).expect("write");
        let out = sh(d, &format!("\"$CONTACTKIT\" {line} in.ndjson"));
        assert_eq!(out.status.code(), Some(0), "{line}: {}", stderr_of(&out));
        let envelopes = lines(&out.stdout);
        assert_eq!(envelopes.len(), input_lines.len(), "{line}");
        for (i, e) in envelopes.iter().enumerate() {
            assert_eq!(e["line"], i + 1, "{line}: {e}");
        }
        let rejected = envelopes.iter().filter(|e| e["ok"] == false).count();
        assert!(rejected >= 2, "{line}: {rejected} rejected");
        assert_eq!(envelopes[1]["skipped"], "blank", "{line}");
        assert_eq!(envelopes[2]["skipped"], "bom", "{line}");
        assert_eq!(envelopes[3]["issues"][0]["code"], "duplicate", "{line}");
        // Into a full disk: status 2.
        let out = sh(d, &format!("\"$CONTACTKIT\" {line} in.ndjson > /dev/full"));
        assert_eq!(out.status.code(), Some(2), "{line}: {}", stderr_of(&out));
        // Into a pipe closed after one line: SIGPIPE.
        let many = input.repeat(30_000);
        let status = close_after_one_line_of(&words(line), many.as_bytes(), false);
        assert_eq!(status.signal(), Some(13), "{line}: {status:?}");
    }
}

/// Runs `args` on [`FOUR`] and asserts a usage error within seconds: exit status 2, nothing on
/// standard output, one line on standard error that contains `needle`.
fn assert_refused(args: &[&str], needle: &str) {
    let start = Instant::now();
    let out = run(args, FOUR.as_bytes());
    assert!(start.elapsed() < Duration::from_secs(10), "{args:?}");
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    let err = stderr_of(&out);
    assert!(err.contains(needle), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn threads_out_of_range_are_a_usage_error() {
    for n in [
        "0",
        "257",
        "100000000",
        "4294967296",
        "9223372036854775808",
        "18446744073709551615",
    ] {
        assert_refused(
            &["validate", "--vendor", "helpscout", "--threads", n],
            "not a number of threads from 1 to 256",
        );
    }
    for n in ["1", "256"] {
        let out = run(
            &["validate", "--vendor", "helpscout", "--threads", n],
            FOUR.as_bytes(),
        );
        assert_eq!(out.status.code(), Some(1), "{n}");
        assert_eq!(lines(&out.stdout).len(), 4);
    }
}

#[test]
fn a_repeated_member_name_is_an_error_for_validate_convert_and_preview_alike() {
    let first = "x".repeat(41);
    let cases = [
        (
            "helpscout",
            format!(r#"{{"firstName": "{first}", "firstName": "Ada", "lastName": "L"}}"#),
            "/firstName",
        ),
        (
            "intercom",
            r#"{"email": "a@example.com", "custom_attributes": {"plan": {}, "plan": "pro"}}"#
                .to_owned(),
            "/custom_attributes/plan",
        ),
        (
            "bird",
            r#"{"displayName": "Ada", "attributes": {"tier": "gold", "tier": "silver"}}"#
                .to_owned(),
            "/attributes/tier",
        ),
        (
            "canonical",
            r#"{"customAttributes": {"plan": "pro", "plan": "free"}}"#.to_owned(),
            "/customAttributes/plan",
        ),
        (
            "sequence",
            r#"{"externalId": "u1", "plan": "pro", "plan": "free"}"#.to_owned(),
            "/plan",
        ),
        (
            "helpscout",
            r#"{"properties": {"seats": 1, "seats": 2}}"#.to_owned(),
            "/properties/seats",
        ),
    ];
    for (format, record, path) in &cases {
        let input = format!("{record}\n");
        let out = run(&["validate", "--vendor", format], input.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{record}");
        let found = results(&out);
        assert!(!found[0].1, "{record}");
        assert!(
            found[0].2.contains(&issue(path, "duplicate", "error")),
            "{found:?}"
        );
        for to in ["canonical", "sequence", format] {
            let out = run(&["convert", "--from", format, "--to", to], input.as_bytes());
            assert_eq!(out.status.code(), Some(1), "{record} to {to}");
            assert!(
                out.stdout.is_empty(),
                "{record} to {to}: the first value vanished"
            );
            let err = stderr_of(&out);
            let reject: Value =
                serde_json::from_str(err.lines().next().expect("reject")).expect("reject line");
            assert_eq!(reject["stage"], "source");
            assert!(
                reject["issues"]
                    .as_array()
                    .expect("issues")
                    .iter()
                    .any(|i| i["path"] == *path && i["code"] == "duplicate"),
                "{reject}"
            );
        }
    }
    let out = run(
        &["preview", "--vendor", "helpscout"],
        format!("{}\n", cases[0].1).as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(stderr_of(&out).contains("\"code\":\"duplicate\""));
}

/// Starts `contactkit ARGS` in `dir` reading from a pipe that stays open, writes `input` and
/// waits until the run has created its partial files (at least `partials`).
#[cfg(unix)]
fn running_on_an_open_pipe(
    dir: &Path,
    args: &[&str],
    input: &str,
    partials: usize,
) -> (std::process::Child, std::process::ChildStdin) {
    let mut child = quiet(args)
        .current_dir(dir)
        .spawn()
        .expect("start contactkit");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.as_bytes()).expect("write");
    stdin.flush().expect("flush");
    let start = Instant::now();
    while names(dir)
        .iter()
        .filter(|n| n.ends_with(".partial"))
        .count()
        < partials
    {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no partial files"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    (child, stdin)
}

#[cfg(unix)]
#[test]
fn sigint_sigterm_and_sighup_leave_nothing_of_the_run_on_disk() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    // An existing output is left as it was.
    std::fs::write(d.join("out.ndjson"), "before\n").expect("write");
    for (name, number) in [("INT", 2), ("TERM", 15), ("HUP", 1)] {
        let (mut child, stdin) = running_on_an_open_pipe(
            d,
            &words("convert --from helpscout --to intercom --batch-records 1 --output out.ndjson --rejects rejects.ndjson --report report.ndjson"),
            FOUR,
            3,
        );
        // The partial files hold personal data: private while they exist.
        for partial in names(d).iter().filter(|n| n.ends_with(".partial")) {
            let mode = std::fs::metadata(d.join(partial))
                .expect("partial")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{partial}");
        }
        let killed = Command::new("kill")
            .args([format!("-{name}"), child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let status = child.wait().expect("wait");
        drop(stdin);
        assert_eq!(status.signal(), Some(number), "SIG{name}: {status:?}");
        assert_eq!(names(d), ["out.ndjson"], "SIG{name} left files");
        assert_eq!(
            std::fs::read_to_string(d.join("out.ndjson")).expect("read"),
            "before\n"
        );
    }
    // Through a shell the status is 128 + the signal number.
    let out = sh(
        d,
        "sleep 3 2>/dev/null | \"$CONTACTKIT\" validate --vendor helpscout -o v.ndjson & \
         pid=$!; sleep 1; kill -TERM $pid; wait $pid; echo $?",
    );
    let status = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert_eq!(status, "143", "{}", stderr_of(&out));
    assert_eq!(names(d), ["out.ndjson"]);
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_mode_and_a_new_one_gets_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with("in.ndjson", FOUR);
    let d = dir.path();
    let mode = |name: &str| {
        std::fs::metadata(d.join(name))
            .expect("exists")
            .permissions()
            .mode()
            & 0o777
    };
    for kept in [0o600, 0o640, 0o604, 0o660] {
        for name in ["out.ndjson", "rejects.ndjson", "report.ndjson"] {
            std::fs::write(d.join(name), "old\n").expect("write");
            std::fs::set_permissions(d.join(name), std::fs::Permissions::from_mode(kept))
                .expect("chmod");
        }
        let out = run_at(d, &words("convert --from helpscout --to intercom in.ndjson --output out.ndjson --rejects rejects.ndjson --report report.ndjson"));
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        for name in ["out.ndjson", "rejects.ndjson", "report.ndjson"] {
            assert_eq!(mode(name), kept, "{name} {kept:o}");
            assert_ne!(
                std::fs::read_to_string(d.join(name)).expect("read"),
                "old\n"
            );
        }
    }
    // A new file: 0666 less the umask, as any program creates one.
    for (umask, expected) in [("077", 0o600), ("027", 0o640), ("022", 0o644)] {
        let name = format!("new-{umask}.ndjson");
        let out = sh(
            d,
            &format!(
                "umask {umask}; \"$CONTACTKIT\" validate --vendor helpscout in.ndjson -o {name}"
            ),
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
        assert_eq!(mode(&name), expected, "umask {umask}");
    }
}

#[cfg(unix)]
#[test]
fn definitions_are_read_with_a_bound() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.json");
    // 17 MiB of whitespace before a valid document: over the bound.
    let mut text = " ".repeat(17 << 20);
    text.push_str(r#"{"helpscout": []}"#);
    std::fs::write(&big, text).expect("write");
    for path in ["/dev/zero", big.to_str().expect("path")] {
        assert_refused(
            &["validate", "--vendor", "helpscout", "--definitions", path],
            "larger than 16 MiB",
        );
    }
    // Memory stays bounded too: reading /dev/zero stops after the bound.
    #[cfg(target_os = "linux")]
    {
        let peak = peak_rss_kib(
            &validate_args("helpscout", &["--definitions", "/dev/zero"]),
            FOUR.as_bytes().to_vec(),
        );
        assert!(peak < 96 * 1024, "peak resident memory {peak} KiB");
    }
}

#[test]
fn an_empty_custom_attribute_name_is_refused_by_validate_and_convert_alike() {
    for (format, record, path) in [
        ("sequence", r#"{"externalId": "u1", "": "pro"}"#, "/"),
        (
            "canonical",
            r#"{"customAttributes": {"": "pro"}}"#,
            "/customAttributes/",
        ),
        (
            "intercom",
            r#"{"email": "a@example.com", "custom_attributes": {"": "pro"}}"#,
            "/custom_attributes/",
        ),
        (
            "bird",
            r#"{"displayName": "Ada", "attributes": {"": "pro"}}"#,
            "/attributes/",
        ),
        (
            "intercom-contact",
            r#"{"type": "contact", "custom_attributes": {"": "pro"}}"#,
            "/custom_attributes/",
        ),
        (
            "bird-contact",
            r#"{"attributes": {"": "pro"}}"#,
            "/attributes/",
        ),
    ] {
        let input = format!("{record}\n");
        let out = run(&["validate", "--vendor", format], input.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{record}");
        assert_eq!(
            results(&out),
            vec![(1, false, vec![issue(path, "too_short", "error")])]
        );
        let to = match format {
            "intercom-contact" => "intercom",
            "bird-contact" => "bird",
            f => f,
        };
        // X to X too: rejected at the source stage, not dropped with a note.
        for to in [to, "canonical", "sequence"] {
            let out = run(
                &["convert", "--from", format, "--to", to, "--envelope"],
                input.as_bytes(),
            );
            let line = &lines(&out.stdout)[0];
            assert_eq!(line["ok"], false, "{record} to {to}: {line}");
            assert_eq!(line["stage"], "source");
            assert_eq!(line["issues"][0]["path"], path);
            assert_eq!(line["issues"][0]["code"], "too_short");
        }
    }
}

#[test]
fn the_cr_of_a_crlf_line_ending_does_not_count_against_max_record_bytes() {
    let record = r#"{"firstName": "Ada"}"#;
    let limit = record.len().to_string();
    for ending in ["\n", "\r\n"] {
        let input = format!("{record}{ending}{record}{ending}");
        let out = run(
            &validate_args("helpscout", &["--max-record-bytes", &limit]),
            input.as_bytes(),
        );
        assert_eq!(out.status.code(), Some(0), "{ending:?}");
        assert_eq!(results(&out), vec![(1, true, vec![]), (2, true, vec![])]);
    }
    // One byte over the limit is too large with either ending, and its size leaves the CR out.
    let smaller = (record.len() - 1).to_string();
    for ending in ["\n", "\r\n"] {
        let out = run(
            &validate_args("helpscout", &["--max-record-bytes", &smaller]),
            format!("{record}{ending}").as_bytes(),
        );
        assert_eq!(results(&out), vec![(1, false, syntax())]);
        assert!(message(&out, 0).starts_with(&format!("the record is {} bytes", record.len())));
    }
}

#[test]
fn a_truncated_array_with_output_files_writes_none_of_them_and_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(
        d.join("cut.json"),
        "[{\"firstName\": \"Ada\"}, {\"firstName\": ",
    )
    .expect("write");
    std::fs::write(d.join("kept.ndjson"), "before\n").expect("write");
    let out = run_at(d, &words("convert --from helpscout --to intercom cut.json --output out.ndjson --rejects rejects.ndjson --report kept.ndjson"));
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("never closed"), "{err}");
    assert!(
        err.contains("nothing was written to out.ndjson, rejects.ndjson, kept.ndjson"),
        "{err}"
    );
    // No file appears, and the file the report would have replaced is as it was.
    assert_eq!(names(d), ["cut.json", "kept.ndjson"]);
    assert_eq!(
        std::fs::read_to_string(d.join("kept.ndjson")).expect("read"),
        "before\n"
    );
    // On standard output the records before the problem were written (a stream cannot be
    // taken back), and the status is 2 all the same.
    let out = run_at(d, &words("convert --from helpscout --to intercom cut.json"));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        lines(&out.stdout),
        vec![json!({"role": "lead", "name": "Ada"})]
    );
}

#[cfg(unix)]
#[test]
fn a_closed_or_full_standard_stream_never_exits_0() {
    let dir = dir_with("in.ndjson", FOUR);
    let d = dir.path();
    std::fs::write(
        d.join("good.ndjson"),
        FOUR.lines().take(3).collect::<Vec<_>>().join("\n"),
    )
    .expect("write");
    for (line, needle) in [
        ("\"$CONTACTKIT\" validate --vendor helpscout in.ndjson >&-", "standard output is closed"),
        ("\"$CONTACTKIT\" convert --from helpscout --to bird good.ndjson >&-", "standard output is closed"),
        ("\"$CONTACTKIT\" convert --from helpscout --to bird good.ndjson --output /dev/stdout >&-", "closed"),
        ("\"$CONTACTKIT\" schema bird >&-", "standard output is closed"),
        ("\"$CONTACTKIT\" validate --vendor helpscout <&-", "standard input is closed"),
        // Rejects and the summary go to standard error.
        ("\"$CONTACTKIT\" convert --from helpscout --to bird in.ndjson -o o.ndjson 2>&-", ""),
        ("\"$CONTACTKIT\" convert --from helpscout --to bird good.ndjson -o o.ndjson 2>&-", ""),
        ("\"$CONTACTKIT\" validate --vendor helpscout in.ndjson > /dev/full", "No space left"),
        ("\"$CONTACTKIT\" schema bird > /dev/full", "No space left"),
        ("\"$CONTACTKIT\" convert --from helpscout --to bird good.ndjson -o o.ndjson 2>/dev/full", ""),
        ("\"$CONTACTKIT\" convert --from helpscout --to bird in.ndjson > /dev/full", "No space left"),
    ] {
        let out = sh(d, line);
        assert_eq!(out.status.code(), Some(2), "{line}: {}", stderr_of(&out));
        assert!(stderr_of(&out).contains(needle), "{line}: {}", stderr_of(&out));
        assert!(!names(d).iter().any(|n| n.starts_with('o') || n.ends_with(".partial")), "{line}");
    }
    // Closed streams the command does not write to are fine.
    let out = sh(
        d,
        "\"$CONTACTKIT\" validate --vendor helpscout good.ndjson -o v.ndjson >&- 2>&-",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(d.join("v.ndjson"))
            .expect("read")
            .lines()
            .count(),
        3
    );
}
