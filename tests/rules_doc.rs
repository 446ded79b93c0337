//! docs/RULES.md against the behaviour:
//! - every finding the validator makes on the fixture suite (`tests/fixtures/<format>/`, the
//!   inputs of `tests/fixtures/read/` and `tests/fixtures/convert/`, and the target-stage
//!   findings of the conversion fixtures) matches a row of the page — its format's table or the
//!   table of every format — by member, code and severity;
//! - every row is enforced: a record made to break a rule the rule tables derive (a type, a
//!   length, a format, a list, a range, a size, an id, a required or undocumented member) gets
//!   the row's finding at the made place, and every other row (cross-field checks, custom
//!   attributes, properties, definitions, the rules of every format) is made by a fixture.
//!
//! (`src/spec/rules_doc.rs` checks that the page's tables are exactly the rules the rule tables
//! declare, so together a finding that no table declares, and a declared rule that the code does
//! not enforce, both fail.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use contactkit::{Code, Definitions, Format, Issue, Severity, ValidateOptions, Validator};
use serde_json::Value;

const RULES: &str = include_str!("../docs/RULES.md");

/// One row of a docs/RULES.md table: where, the code and the severity (and the constraint, for
/// messages).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    table: String,
    member: String,
    constraint: String,
    code: Code,
    severity: Severity,
}

fn rows(table: &str) -> Vec<Row> {
    let marker = format!("<!-- rules: {table} -->");
    let start = RULES
        .find(&marker)
        .unwrap_or_else(|| panic!("docs/RULES.md has no `{marker}`"));
    RULES[start + marker.len()..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
            let member = match cells[0] {
                "(record)" => String::new(),
                m => m.trim_matches('`').to_owned(),
            };
            Row {
                table: table.to_owned(),
                member,
                constraint: cells[1].to_owned(),
                code: serde_json::from_value(Value::String(cells[2].trim_matches('`').to_owned()))
                    .expect("a code"),
                severity: match cells[3] {
                    "error" => Severity::Error,
                    _ => Severity::Warning,
                },
            }
        })
        .collect()
}

/// The reference tokens of a JSON Pointer.
fn tokens(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer[1..]
        .split('/')
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// Whether a finding's path matches a row's member: `*` is an array index, `{...}` any one
/// token, `**` any tokens.
fn matches(pattern: &[&str], path: &[String]) -> bool {
    match (pattern.split_first(), path.split_first()) {
        (None, None) => true,
        (Some((&"**", rest)), _) => (0..=path.len()).any(|skip| matches(rest, &path[skip..])),
        (Some((p, rest)), Some((t, more))) => {
            let one = match *p {
                "*" => !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()),
                p if p.starts_with('{') && p.ends_with('}') => true,
                p => p == t,
            };
            one && matches(rest, more)
        }
        _ => false,
    }
}

fn pattern(member: &str) -> Vec<&str> {
    match member.strip_prefix('/') {
        Some(rest) => rest.split('/').collect(),
        None if member.is_empty() => Vec::new(),
        None => vec![member],
    }
}

/// The rows a finding matches.
fn explain<'r>(rows: &'r [Row], issue: &Issue) -> Vec<&'r Row> {
    let path = tokens(&issue.path);
    rows.iter()
        .filter(|r| r.code == issue.code && r.severity == issue.severity)
        .filter(|r| matches(&pattern(&r.member), &path))
        .collect()
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .flat_map(|p| {
            if p.is_dir() {
                json_files(&p)
            } else if p.extension().is_some_and(|e| e == "json") {
                vec![p]
            } else {
                Vec::new()
            }
        })
        .collect()
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("read fixture");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn options(spec: Option<&Value>) -> ValidateOptions {
    let mut options = ValidateOptions::new();
    if let Some(defs) = spec.and_then(|o| o.get("definitions")) {
        options = options.definitions(Definitions::from_json(defs).expect("fixture definitions"));
    }
    options
}

/// One validation of the suite: the fixture, its format and the findings.
struct Case {
    fixture: String,
    format: Format,
    issues: Vec<Issue>,
}

fn cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    let validate = |out: &mut Vec<Case>,
                    fixture: &Path,
                    format: Format,
                    options: ValidateOptions,
                    payload: &Value| {
        let validator = Validator::new(format).with_options(options);
        let mut issues = match payload {
            Value::String(text) => validator.validate_str(text).issues,
            value => validator.validate(value).issues,
        };
        if let Some(text) = payload.as_str() {
            if let Ok(value) = serde_json::from_str::<Value>(text) {
                issues.extend(validator.validate(&value).issues);
            }
        } else {
            issues.extend(validator.validate_str(&payload.to_string()).issues);
        }
        out.push(Case {
            fixture: fixture.display().to_string(),
            format,
            issues,
        });
    };
    let suites = Format::ALL
        .iter()
        .map(|&f| (root.join(f.id()), f, "payload"))
        .chain(
            Format::READ
                .iter()
                .map(|&f| (root.join("read").join(f.id()), f, "input")),
        );
    for (dir, format, member) in suites {
        for file in json_files(&dir) {
            let f = read(&file);
            validate(
                &mut out,
                &file,
                format,
                options(f.get("options")),
                &f[member],
            );
        }
    }
    for file in json_files(&root.join("convert")) {
        let pair = file
            .parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .expect("a pair directory");
        let (from, to) = pair.split_once('-').expect("from-to");
        let (from, to): (Format, Format) = (
            from.parse().expect("a format"),
            to.parse().expect("a format"),
        );
        let f = read(&file);
        validate(
            &mut out,
            &file,
            from,
            options(f.get("options")),
            &f["input"],
        );
        let expected = &f["expected"];
        if expected["stage"] == "target" {
            let issues: Vec<Issue> =
                serde_json::from_value(expected["issues"].clone()).expect("issues");
            out.push(Case {
                fixture: file.display().to_string(),
                format: to,
                issues,
            });
        }
    }
    out
}

/// The rows the fixture suite's findings match, and the findings that match none.
fn explained() -> (BTreeSet<Row>, Vec<String>, usize) {
    let every = rows("every format");
    let mut made = BTreeSet::new();
    let mut unexplained = Vec::new();
    let mut findings = 0;
    for case in cases() {
        let mut table = rows(case.format.id());
        table.extend(every.iter().cloned());
        for issue in &case.issues {
            findings += 1;
            let rows = explain(&table, issue);
            if rows.is_empty() {
                unexplained.push(format!(
                    "{}: {} {:?} {} {}: {}",
                    case.fixture,
                    case.format,
                    issue.path,
                    issue.code,
                    issue.severity.as_str(),
                    issue.message
                ));
            }
            made.extend(rows.into_iter().cloned());
        }
    }
    (made, unexplained, findings)
}

#[test]
fn every_finding_of_the_fixture_suite_is_a_documented_rule() {
    let (_, unexplained, findings) = explained();
    assert!(findings > 500, "only {findings} findings");
    assert!(
        unexplained.is_empty(),
        "findings that no row of docs/RULES.md states:\n{}",
        unexplained.join("\n")
    );
}

/// A value that breaks `constraint`, for the constraints the rule tables derive (types,
/// lengths, formats, lists, ranges, sizes, ids); `None` for the others.
fn breaking(constraint: &str) -> Option<Value> {
    let number = |prefix: &str| -> Option<usize> {
        constraint
            .strip_prefix(prefix)?
            .split(' ')
            .next()?
            .parse()
            .ok()
    };
    let text = |n: usize| Value::String("x".repeat(n));
    if let Some(rest) = constraint.strip_prefix("one of ") {
        if rest.contains(" present") {
            return None;
        }
        let first = rest.split(", ").next()?;
        return Some(if rest.ends_with(", in that letter case") {
            Value::String(first.to_uppercase())
        } else {
            Value::String("zzz-not-listed".to_owned())
        });
    }
    Some(match constraint {
        "a string" | "a string or null" => Value::from(12345),
        "an integer" | "an integer or null" | "a boolean" | "a boolean or null" | "an array"
        | "an array or null" | "an object" | "an object or null" => Value::from("x"),
        "in the i64 range" => Value::from(1e19),
        "not only whitespace" => Value::from("   "),
        "not empty (an empty id is no id)" => Value::from(""),
        c if c.starts_with("format ") && c.matches(' ').count() == 1 => Value::from("not valid"),
        c if c.starts_with("not ") => Value::from(c[4..].split(", ").next()?),
        _ => {
            if let Some(n) = number("at least ")
                .filter(|_| constraint.ends_with("character") || constraint.ends_with("characters"))
            {
                text(n - 1)
            } else if let Some(n) =
                number("at most ").filter(|_| constraint.ends_with(" characters"))
            {
                text(n + 1)
            } else if let Some(n) = number("at least ").filter(|_| constraint.contains(" item")) {
                Value::Array(vec![Value::from("x"); n - 1])
            } else if let Some(n) = number("at most ").filter(|_| constraint.ends_with(" items")) {
                Value::Array(vec![Value::from("x"); n + 1])
            } else {
                return None;
            }
        }
    })
}

/// A record that puts `leaf` at the place `pattern` names (`*`: the first item of an array,
/// `{...}`: a made-up member name), and the pointer of that place.
fn place(pattern: &[&str], leaf: Value) -> (Value, String) {
    let Some((first, rest)) = pattern.split_first() else {
        return (leaf, String::new());
    };
    let (inner, pointer) = place(rest, leaf);
    match *first {
        "*" => (Value::Array(vec![inner]), format!("/0{pointer}")),
        name => {
            let name = if name.starts_with('{') {
                "zzz_made_up"
            } else {
                name
            };
            let mut map = serde_json::Map::new();
            map.insert(name.to_owned(), inner);
            (Value::Object(map), format!("/{name}{pointer}"))
        }
    }
}

/// A record that breaks `row`, and the pointer of the finding it must give; `None` when the
/// row's constraint is not one the rule tables derive.
fn synthesize(row: &Row) -> Option<(Value, String)> {
    let pattern = pattern(&row.member);
    // A member name in braces is a dynamic value's (custom attributes, properties): its rules
    // are stated by code, and fixtures make them.
    if pattern
        .iter()
        .any(|p| p.starts_with('{') && *p != "{undocumented}")
    {
        return None;
    }
    match row.constraint.as_str() {
        // A missing member: its parent, empty.
        "present" => {
            let (parent, last) = pattern.split_at(pattern.len().checked_sub(1)?);
            let (record, pointer) = place(parent, Value::Object(serde_json::Map::new()));
            Some((record, format!("{pointer}/{}", last[0])))
        }
        "a documented member" => Some(place(&pattern, Value::from(1))),
        c if row.member.is_empty() && c.starts_with("one of ") && c.contains(" present") => {
            Some((Value::Object(serde_json::Map::new()), String::new()))
        }
        c => Some(place(&pattern, breaking(c)?)),
    }
}

#[test]
fn every_documented_rule_is_enforced() {
    // Rules whose constraint the rule tables derive: a record made to break each one must get
    // the row's finding at the made place.
    let mut made: BTreeSet<Row> = BTreeSet::new();
    let mut wrong = Vec::new();
    for format in Format::EVERY {
        let validator = Validator::new(format);
        for row in rows(format.id()) {
            let Some((record, pointer)) = synthesize(&row) else {
                continue;
            };
            let issues = validator.validate(&record).issues;
            if issues
                .iter()
                .any(|i| i.path == pointer && i.code == row.code && i.severity == row.severity)
            {
                made.insert(row);
            } else {
                wrong.push(format!("{format}: {row:?}: {record} gave {issues:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The others (cross-field checks, custom attributes, properties, definitions, the rules of
    // every format): each must be made by a fixture.
    made.extend(explained().0);
    let mut all: Vec<Row> = rows("every format");
    for format in Format::EVERY {
        all.extend(rows(format.id()));
    }
    let missing: Vec<String> = all
        .iter()
        .filter(|r| !made.contains(r))
        .map(|r| {
            format!(
                "{}: {} | {} | {} | {}",
                r.table,
                r.member,
                r.constraint,
                r.code,
                r.severity.as_str()
            )
        })
        .collect();
    assert!(
        missing.is_empty(),
        "{} rows of docs/RULES.md that no fixture makes:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
