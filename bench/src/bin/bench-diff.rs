//! Finds the records on which the validators disagree.
//!
//! `bench-diff FILE --schema SCHEMA.json [--format helpscout] [--other NAME=VERDICTS]... [--limit N]`
//! validates every record with the contactkit library and with the `jsonschema` crate, reads
//! further verdicts from files (one line per record: `1`/`0`, or a `contactkit validate` output
//! object with a `valid` member, e.g. ajv's `run.mjs --verdicts`), and prints each record on which
//! they do not all agree, with contactkit's errors and the `jsonschema` crate's errors. The data
//! is generated test data, so the record itself is printed too. Exit status 1 when any record
//! differs.

use std::io::BufRead;

use contactkit::{Format, Validator};
use contactkit_bench::{fail, for_each_record, jsonschema_validator, open, Args};
use serde_json::Value;

/// A named list of verdicts read from a file.
struct Other {
    name: String,
    verdicts: Vec<bool>,
}

fn read_verdicts(spec: &str) -> Other {
    let Some((name, path)) = spec.split_once('=') else {
        fail(&format!("--other wants NAME=PATH, not {spec}"))
    };
    let reader = open(path).unwrap_or_else(|e| fail(&e));
    let mut verdicts = Vec::new();
    for line in reader.lines() {
        let line = line.unwrap_or_else(|e| fail(&e));
        let line = line.trim();
        let verdict = match line {
            "" => continue,
            "1" => true,
            "0" => false,
            json => match serde_json::from_str::<Value>(json) {
                Ok(Value::Object(o)) => match o.get("valid") {
                    Some(Value::Bool(b)) => *b,
                    // A summary line or other output: not a verdict.
                    _ => continue,
                },
                _ => fail(&format!("{path}: not a verdict line")),
            },
        };
        verdicts.push(verdict);
    }
    Other {
        name: name.to_owned(),
        verdicts,
    }
}

fn main() {
    let args = Args::parse(
        "bench-diff FILE --schema SCHEMA.json [--format F] [--other NAME=VERDICTS]... [--limit N]",
    );
    let format: Format = args
        .value("--format")
        .unwrap_or("helpscout")
        .parse()
        .unwrap_or_else(|e| fail(&e));
    let limit: usize = args
        .value("--limit")
        .map_or(Ok(10), str::parse)
        .unwrap_or_else(|e| fail(&e));
    let jsonschema = jsonschema_validator(&args);
    let contactkit = Validator::new(format);
    let others: Vec<Other> = args
        .rest
        .windows(2)
        .filter(|w| w[0] == "--other")
        .map(|w| read_verdicts(&w[1]))
        .collect();

    let reader = open(&args.input).unwrap_or_else(|e| fail(&e));
    let mut differing = 0usize;
    let mut index = 0usize;
    let mut valid_counts = vec![0u64; 2 + others.len()];
    let records = for_each_record(reader, |line| {
        index += 1;
        let report = contactkit.validate_slice(line);
        let parsed = serde_json::from_slice::<Value>(line).ok();
        let js_valid = parsed.as_ref().is_some_and(|v| jsonschema.is_valid(v));
        let mut verdicts = vec![("contactkit", report.is_valid()), ("jsonschema", js_valid)];
        for other in &others {
            let verdict =
                other.verdicts.get(index - 1).copied().unwrap_or_else(|| {
                    fail(&format!("{}: fewer verdicts than records", other.name))
                });
            verdicts.push((other.name.as_str(), verdict));
        }
        for (count, (_, v)) in valid_counts.iter_mut().zip(&verdicts) {
            *count += u64::from(*v);
        }
        if verdicts.iter().all(|(_, v)| *v == verdicts[0].1) {
            return;
        }
        differing += 1;
        if differing > limit {
            return;
        }
        let said: Vec<String> = verdicts
            .iter()
            .map(|(name, v)| format!("{name}={}", if *v { "valid" } else { "invalid" }))
            .collect();
        println!("record {index}: {}", said.join(" "));
        for issue in report.errors() {
            println!(
                "  contactkit error {:?} at {:?}: {}",
                issue.code, issue.path, issue.message
            );
        }
        if let Some(value) = &parsed {
            for error in jsonschema.iter_errors(value) {
                println!(
                    "  jsonschema error at {:?}: {error}",
                    error.instance_path().as_str()
                );
            }
        }
        let text = String::from_utf8_lossy(line);
        let shown: String = text.chars().take(2000).collect();
        println!("  record: {shown}");
    })
    .unwrap_or_else(|e| fail(&e));
    for other in &others {
        if other.verdicts.len() as u64 != records {
            println!(
                "{}: {} verdicts for {records} records",
                other.name,
                other.verdicts.len()
            );
            differing += 1;
        }
    }
    let mut names = vec!["contactkit", "jsonschema"];
    names.extend(others.iter().map(|o| o.name.as_str()));
    let counts: Vec<String> = names
        .iter()
        .zip(&valid_counts)
        .map(|(n, c)| format!("{n}={c}"))
        .collect();
    println!(
        "{records} records; valid: {}; {differing} record(s) differ",
        counts.join(" ")
    );
    if differing > 0 {
        std::process::exit(1);
    }
}
