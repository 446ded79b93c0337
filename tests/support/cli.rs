//! The harness of the command line's tests (`crates/cli/tests/cli/`, which includes this file
//! by path): the built `contactkit` binary, run with arguments and standard input, and its
//! output lines read as JSON.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

/// The `contactkit` binary Cargo built for the tests.
pub fn bin() -> &'static Path {
    assert_cmd::cargo::cargo_bin!("contactkit")
}

/// `contactkit` as an `assert_cmd` command. Help text is wrapped to `COLUMNS` when set;
/// snapshots use the default width, so it is removed.
pub fn contactkit() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(bin());
    cmd.env_remove("COLUMNS");
    cmd
}

/// Runs `contactkit ARGS` with `stdin`; returns (status code, stdout, stderr).
pub fn run(args: &[&str], stdin: impl Into<Vec<u8>>) -> (i32, String, String) {
    let output = contactkit()
        .args(args)
        .write_stdin(stdin.into())
        .output()
        .expect("run contactkit");
    (
        output.status.code().expect("exit status"),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    )
}

/// The arguments `convert --from FROM --to TO`, then `rest`.
pub fn convert_args<'a>(from: &'a str, to: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["convert", "--from", from, "--to", to];
    args.extend_from_slice(rest);
    args
}

/// The arguments `validate --vendor VENDOR`, then `rest`.
pub fn validate_args<'a>(vendor: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["validate", "--vendor", vendor];
    args.extend_from_slice(rest);
    args
}

/// `contactkit ARGS` with standard input piped and its output discarded, for a test that feeds
/// it and watches what it does (memory, files, signals) rather than what it prints.
pub fn quiet<S: AsRef<OsStr>>(args: &[S]) -> Command {
    let mut command = Command::new(bin());
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Starts `contactkit ARGS` with this standard input and its output piped.
pub fn spawn<S: AsRef<OsStr>>(args: &[S], stdin: Stdio) -> Child {
    Command::new(bin())
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start contactkit")
}

/// Runs `contactkit ARGS`, feeding `stdin` from a thread (for large inputs, which would fill
/// the pipe while the command writes its output).
pub fn run_piped<S: AsRef<OsStr>>(args: &[S], stdin: &[u8]) -> Output {
    let mut child = spawn(args, Stdio::piped());
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The command may stop reading early only on a bug (or where a test makes it); a
        // broken pipe then shows up as a failed assertion on its output.
        let _ = input.write_all(&data);
    });
    let output = child.wait_with_output().expect("contactkit runs");
    writer.join().expect("writer thread");
    output
}

/// Each line of `text` as JSON.
pub fn lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// Each line of a command's output bytes (UTF-8) as JSON.
pub fn output_lines(bytes: &[u8]) -> Vec<Value> {
    lines(std::str::from_utf8(bytes).expect("UTF-8 output"))
}
