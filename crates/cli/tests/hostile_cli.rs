//! Hostile input through the command line: each case has a defined result (exact output lines
//! and exit status) within bounded time and memory, and the command never echoes a field's
//! value unless `--show-values` asks for it. Library-level cases are in tests/hostile.rs.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

fn bin() -> &'static Path {
    assert_cmd::cargo::cargo_bin!("contactkit")
}

/// Runs `contactkit ARGS` with `stdin`, feeding it from a thread (inputs here are large).
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start contactkit");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let output = child.wait_with_output().expect("contactkit runs");
    writer.join().expect("writer");
    output
}

fn lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8(bytes.to_vec())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// `(path, code, severity)` of a finding.
type Found = (String, String, String);

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
        &[
            "validate",
            "--vendor",
            "helpscout",
            "--max-record-bytes",
            "1MiB",
        ],
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
        &[
            "validate",
            "--vendor",
            "helpscout",
            "--max-record-bytes",
            "32MiB",
        ],
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
    let mut child = Command::new(bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start contactkit");
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
        &[
            "validate",
            "--vendor",
            "helpscout",
            "--max-record-bytes",
            "1MiB",
            "--threads",
            "2",
        ],
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
    let loose = "warning";
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
            (5, true, vec![issue("/firstName", "duplicate", loose)]),
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
        &[
            "convert",
            "--from",
            "helpscout",
            "--to",
            "canonical",
            "--envelope",
        ],
        &input,
    );
    let ok: Vec<bool> = lines(&out.stdout)
        .iter()
        .map(|l| l["ok"].as_bool().expect("ok"))
        .collect();
    assert_eq!(
        ok,
        [false, false, false, true, true, false, false, false, true, false, false, false]
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
            let mut args = vec![
                "convert",
                "--from",
                "helpscout",
                "--to",
                to,
                "--rejects",
                rejects.to_str().expect("path"),
                "--report",
                report.to_str().expect("path"),
            ];
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
