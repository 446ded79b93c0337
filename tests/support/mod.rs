//! Helpers shared by the core's test binaries (`tests/validate`, `tests/convert`), each
//! written once: the vendors' vocabularies restated from their docs as an independent oracle
//! ([`vocab`]), the loader of Intercom's OpenAPI extract ([`vendor_spec`]), the checks every
//! conversion must pass ([`convert`]) and the inputs of the differential and privacy tests
//! ([`corpus`]). The command line's harness ([`cli`]) is here too; `crates/cli/tests` includes
//! it (with [`vendor_spec`] and [`vocab`]) by path.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The `.json` files of a fixture directory, sorted by name.
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// The `params` of the first finding at `path` in `report` (a test failure if there is none).
pub fn params_at(report: &contactkit::Report, path: &str) -> contactkit::IssueParams {
    report
        .issues
        .iter()
        .find(|i| i.path == path)
        .and_then(|i| i.params.as_deref().copied())
        .unwrap_or_else(|| panic!("no params at {path}: {:?}", report.issues))
}

/// The findings of `value` as `format`, as `(path, code, severity)`.
pub fn findings(
    format: contactkit::Format,
    value: &serde_json::Value,
) -> Vec<(String, contactkit::Code, contactkit::Severity)> {
    contactkit::validate(format, value)
        .issues
        .into_iter()
        .map(|i| (i.path, i.code, i.severity))
        .collect()
}

pub mod convert;
pub mod corpus;
pub mod vendor_spec;
pub mod vocab;
