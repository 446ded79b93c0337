//! docs/RULES.md is kept true by these tests. Each format has a machine-checkable table there
//! (after a `<!-- rules: FORMAT -->` line): member, constraint, code, severity, source. The rows
//! must be exactly the rules the format's rule table declares — one per member and constraint,
//! derived below from the [`ObjectRules`] tables, plus the [`Stated`] rules of its cross-field checks
//! and dynamic values — and the table `<!-- rules: every format -->` must be exactly the rules
//! the walk itself enforces ([`EVERY_FORMAT`]). Both directions are checked: a rule missing from
//! the page fails, and so does a row that no table declares. Every row names a source that the
//! page defines. (`tests/docs/rules_doc.rs` checks the behaviour against the page: every finding of
//! the fixture suite is one of the rows, and every row is enforced.)

use std::collections::BTreeMap;

use super::custom_name;
use super::validate::{expected, EVERY_FORMAT};
use super::{Extra, Member, ObjectRules, Presence, Stated, StringRules, ValueRules};
use crate::{Code, Format, Severity};

const RULES: &str = include_str!("../../docs/RULES.md");

/// One rule: where, what, and the finding when it is broken.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    member: String,
    constraint: String,
    code: Code,
    severity: Severity,
}

impl Row {
    fn new(member: &str, constraint: impl Into<String>, code: Code, severity: Severity) -> Self {
        Self {
            member: member.to_owned(),
            constraint: constraint.into(),
            code,
            severity,
        }
    }

    fn stated(base: &str, rule: &Stated) -> Self {
        Self::new(
            &format!("{base}{}", rule.at),
            rule.constraint,
            rule.code,
            rule.severity,
        )
    }

    /// The row as docs/RULES.md writes it (without its source).
    fn markdown(&self) -> String {
        let member = if self.member.is_empty() {
            "(record)".to_owned()
        } else {
            format!("`{}`", self.member)
        };
        format!(
            "| {member} | {} | `{}` | {} |",
            self.constraint,
            self.code,
            self.severity.as_str()
        )
    }
}

/// The rules a format's table declares.
fn declared(format: Format) -> Vec<Row> {
    let mut out = Vec::new();
    object(format.spec(), "", &mut out);
    out
}

fn object(obj: &ObjectRules, at: &str, out: &mut Vec<Row>) {
    for f in obj.members {
        field(f, &format!("{at}/{}", f.name), out);
    }
    match obj.extra {
        Extra::Warn => out.push(Row::new(
            &format!("{at}/{{undocumented}}"),
            "a documented member",
            Code::UnknownField,
            Severity::Warning,
        )),
        Extra::Custom => out.push(Row::stated(at, &custom_name("/{name}"))),
        Extra::Allow => {}
    }
    if !obj.any_of_required.is_empty() {
        let ids = obj.members.iter().any(|f| {
            obj.any_of_required.contains(&f.name)
                && matches!(f.kind, ValueRules::String(StringRules { id: true, .. }))
        });
        let note = if ids {
            " (an empty id does not count)"
        } else {
            ""
        };
        out.push(Row::new(
            at,
            format!("one of {} present{note}", obj.any_of_required.join(", ")),
            Code::Required,
            Severity::Error,
        ));
    }
    if let Some(check) = obj.check {
        out.extend(check.rules.iter().map(|r| Row::stated(at, r)));
    }
}

fn field(f: &Member, at: &str, out: &mut Vec<Row>) {
    match f.required {
        Presence::Optional => {}
        Presence::Required => out.push(Row::new(at, "present", Code::Required, Severity::Error)),
        Presence::Expected => out.push(Row::new(at, "present", Code::Required, Severity::Warning)),
    }
    let severity = if f.loose {
        Severity::Warning
    } else {
        Severity::Error
    };
    value(&f.kind, f.nullable, severity, at, out);
}

/// The rules of a value: its type (a mismatch with `type_severity`), then the kind's own.
fn value(kind: &ValueRules, nullable: bool, type_severity: Severity, at: &str, out: &mut Vec<Row>) {
    match kind {
        ValueRules::Dynamic(d) => {
            out.extend(d.rules.iter().map(|r| Row::stated(at, r)));
            return;
        }
        ValueRules::Any => return,
        _ => out.push(Row::new(
            at,
            expected(kind, nullable),
            Code::Type,
            type_severity,
        )),
    }
    match kind {
        ValueRules::String(rules) => string(rules, at, out),
        ValueRules::Integer(&super::IntegerRange { min, max }) => {
            let range = if (min, max) == (i64::MIN, i64::MAX) {
                "in the i64 range".to_owned()
            } else {
                format!("from {min} to {max}")
            };
            out.push(Row::new(at, range, Code::OutOfRange, Severity::Error));
        }
        ValueRules::Array(array) => {
            if array.min > 0 {
                let s = if array.min == 1 { "" } else { "s" };
                out.push(Row::new(
                    at,
                    format!("at least {} item{s}", array.min),
                    Code::TooFewItems,
                    Severity::Error,
                ));
            }
            if array.max != u32::MAX {
                out.push(Row::new(
                    at,
                    format!("at most {} items", array.max),
                    Code::TooManyItems,
                    Severity::Error,
                ));
            }
            if let Some(severity) = array.unique {
                // The finding is at the repeated item.
                out.push(Row::new(
                    &format!("{at}/*"),
                    "no repeated item",
                    Code::Duplicate,
                    severity,
                ));
            }
            value(
                &array.items,
                false,
                Severity::Error,
                &format!("{at}/*"),
                out,
            );
        }
        ValueRules::Object(obj) => object(obj, at, out),
        ValueRules::Boolean | ValueRules::Any | ValueRules::Dynamic(_) => {}
    }
}

fn string(rules: &StringRules, at: &str, out: &mut Vec<Row>) {
    let mut push = |constraint: String, code, severity| {
        out.push(Row::new(at, constraint, code, severity));
    };
    if rules.min > 0 {
        let s = if rules.min == 1 { "" } else { "s" };
        push(
            format!("at least {} character{s}", rules.min),
            Code::TooShort,
            Severity::Error,
        );
    } else if rules.id {
        push(
            "not empty (an empty id is no id)".to_owned(),
            Code::TooShort,
            Severity::Warning,
        );
    }
    if rules.max != u32::MAX {
        push(
            format!("at most {} characters", rules.max),
            Code::TooLong,
            Severity::Error,
        );
    }
    if rules.soft_max != u32::MAX {
        push(
            format!("at most {} characters", rules.soft_max),
            Code::TooLong,
            Severity::Warning,
        );
    }
    if let Some(format) = rules.format {
        let word = if format.code() == Code::Pattern {
            "pattern"
        } else {
            "format"
        };
        push(
            format!("{word} {}", format.form_name()),
            format.code(),
            Severity::Error,
        );
    }
    if let Some(list) = rules.one_of {
        let values = list.values.join(", ");
        push(format!("one of {values}"), Code::Enum, list.severity);
        if list.any_case {
            push(
                format!("one of {values}, in that letter case"),
                Code::Enum,
                Severity::Warning,
            );
        }
    }
    if !rules.reserved.is_empty() {
        push(
            format!("not {}", rules.reserved.join(", ")),
            Code::Reserved,
            Severity::Error,
        );
    }
    if rules.id {
        push(
            "not only whitespace".to_owned(),
            Code::Pattern,
            Severity::Warning,
        );
    }
}

/// A table of the page: its rows and their source cells.
fn documented(name: &str) -> Vec<(Row, String)> {
    let marker = format!("<!-- rules: {name} -->");
    let start = RULES
        .find(&marker)
        .unwrap_or_else(|| panic!("docs/RULES.md has no `{marker}` table"));
    let mut lines = RULES[start + marker.len()..]
        .lines()
        .skip_while(|l| l.trim().is_empty());
    assert_eq!(
        lines.next(),
        Some("| member | constraint | code | severity | source |"),
        "{name}: the table header"
    );
    lines
        .skip(1)
        .take_while(|l| l.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 5, "{name}: a row has 5 cells: {line}");
            let member = match cells[0] {
                "(record)" => String::new(),
                m => m
                    .strip_prefix('`')
                    .and_then(|m| m.strip_suffix('`'))
                    .unwrap_or_else(|| panic!("{name}: the member is in backticks: {line}"))
                    .to_owned(),
            };
            let code: Code = serde_json::from_value(serde_json::Value::String(
                cells[2].trim_matches('`').to_owned(),
            ))
            .unwrap_or_else(|_| panic!("{name}: not a code: {line}"));
            let severity = match cells[3] {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                other => panic!("{name}: not a severity: {other}"),
            };
            (
                Row::new(&member, cells[1], code, severity),
                cells[4].to_owned(),
            )
        })
        .collect()
}

/// Compares a documented table with the declared rules, both ways.
fn compare(name: &str, declared: Vec<Row>) -> Vec<String> {
    let documented = documented(name);
    let mut problems = Vec::new();
    let mut count: BTreeMap<&Row, i32> = BTreeMap::new();
    for row in &declared {
        *count.entry(row).or_default() += 1;
    }
    for (row, _) in &documented {
        *count.entry(row).or_default() -= 1;
    }
    for (row, n) in count {
        if n > 0 {
            problems.push(format!(
                "{name}: declared but not in docs/RULES.md: {}",
                row.markdown()
            ));
        } else if n < 0 {
            problems.push(format!(
                "{name}: in docs/RULES.md but not declared: {}",
                row.markdown()
            ));
        }
    }
    for (row, source) in &documented {
        let anchors: Vec<&str> = source
            .split("](#")
            .skip(1)
            .filter_map(|rest| rest.split(')').next())
            .collect();
        if anchors.is_empty() {
            problems.push(format!("{name}: no source: {}", row.markdown()));
        }
        for anchor in anchors {
            if !RULES.contains(&format!("<a id=\"{anchor}\"></a>")) {
                problems.push(format!(
                    "{name}: source #{anchor} is not defined: {}",
                    row.markdown()
                ));
            }
        }
    }
    problems
}

#[test]
fn every_format_table_lists_exactly_the_declared_rules() {
    let mut problems = Vec::new();
    for format in Format::EVERY {
        problems.extend(compare(format.id(), declared(format)));
    }
    problems.extend(compare(
        "every format",
        EVERY_FORMAT.iter().map(|r| Row::stated("", r)).collect(),
    ));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_rule_counts_in_the_page_are_true() {
    // "N rules" after each table's heading line in the summary table.
    for format in Format::EVERY {
        let line = format!("| {} | {} |", format.id(), declared(format).len());
        assert!(
            RULES.contains(&line),
            "docs/RULES.md's summary should have the line `{line}`"
        );
    }
}
