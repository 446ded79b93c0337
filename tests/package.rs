//! Release metadata: one version for the crate `contactkit`, the CLI `contactkit-cli` and the
//! npm package `contactkit`, and a changelog entry for it.
//!
//! The version is stated once, in `[workspace.package]` of the root Cargo.toml; every member
//! inherits it; the CLI depends on exactly that version of the library (so that it publishes
//! against the library it was tested with); scripts/build-wasm.sh copies it into
//! `pkg/package.json` (the npm tests check that `version()` of the package is its
//! package.json version, and crates/wasm checks that `version()` is this version).
//! scripts/publish-dry-run.sh checks what the packages hold.

use std::path::Path;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The lines of one `[table]` of a TOML manifest (up to the next table header).
fn table<'a>(manifest: &'a str, header: &str) -> Vec<&'a str> {
    manifest
        .lines()
        .skip_while(|l| l.trim() != header)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .collect()
}

fn workspace_version() -> String {
    let manifest = read("Cargo.toml");
    let line = table(&manifest, "[workspace.package]")
        .into_iter()
        .find(|l| l.starts_with("version = "))
        .expect("[workspace.package] states the version");
    line.trim_start_matches("version = ")
        .trim_matches('"')
        .to_owned()
}

#[test]
fn the_workspace_states_one_semver_version() {
    let version = workspace_version();
    let parts: Vec<&str> = version.split('.').collect();
    assert_eq!(parts.len(), 3, "{version}");
    assert!(
        parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())),
        "{version} is MAJOR.MINOR.PATCH"
    );
    // This crate is built with it.
    assert_eq!(env!("CARGO_PKG_VERSION"), version);
}

#[test]
fn every_shipped_crate_inherits_the_workspace_version() {
    for manifest in [
        "Cargo.toml",
        "crates/cli/Cargo.toml",
        "crates/wasm/Cargo.toml",
    ] {
        let text = read(manifest);
        let package = table(&text, "[package]");
        assert!(
            package.contains(&"version.workspace = true"),
            "{manifest}: [package] must say `version.workspace = true`"
        );
        assert!(
            !package.iter().any(|l| l.starts_with("version = ")),
            "{manifest}: a version of its own"
        );
    }
}

#[test]
fn the_cli_depends_on_exactly_this_version_of_the_library() {
    let text = read("crates/cli/Cargo.toml");
    let dependency = table(&text, "[dependencies]")
        .into_iter()
        .find(|l| l.starts_with("contactkit = "))
        .expect("the CLI depends on contactkit");
    assert!(
        dependency.contains("path = \"../..\""),
        "by path in the workspace: {dependency}"
    );
    assert!(
        dependency.contains(&format!("version = \"={}\"", workspace_version())),
        "by the workspace version on crates.io: {dependency}"
    );
    assert!(
        !table(&text, "[package]").contains(&"publish = false"),
        "the CLI is published"
    );
}

#[test]
fn the_npm_template_takes_its_version_from_the_build() {
    // npm/package.json is a template: scripts/build-wasm.sh writes the workspace's version,
    // licence and links into pkg/package.json, so none is stated here to drift.
    let template: serde_json::Value =
        serde_json::from_str(&read("npm/package.json")).expect("npm/package.json is JSON");
    assert_eq!(template["version"], "0.0.0-set-by-scripts-build-wasm");
    for member in ["license", "repository", "homepage", "bugs"] {
        assert!(
            template.get(member).is_none(),
            "npm/package.json states {member}"
        );
    }
    let files = template["files"].as_array().expect("files");
    for licence in ["LICENSE-MIT", "LICENSE-APACHE"] {
        assert!(
            files.iter().any(|f| f == licence),
            "the npm package ships {licence}"
        );
    }
}

#[test]
fn the_changelog_has_this_version_and_an_unreleased_section() {
    let changelog = read("CHANGELOG.md");
    let version = workspace_version();
    let headings: Vec<&str> = changelog.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings.first(), Some(&"## [Unreleased]"), "{headings:?}");
    assert!(
        headings
            .iter()
            .any(|h| h.starts_with(&format!("## [{version}] - "))),
        "CHANGELOG.md has no section for {version}: {headings:?}"
    );
    for link in ["[Unreleased]: ", &format!("[{version}]: ")] {
        assert!(
            changelog.lines().any(|l| l.starts_with(link)),
            "CHANGELOG.md lacks the link {link}"
        );
    }
}

#[test]
fn the_licence_files_are_those_the_manifests_name() {
    let manifest = read("Cargo.toml");
    assert!(table(&manifest, "[workspace.package]").contains(&"license = \"MIT OR Apache-2.0\""));
    assert!(read("LICENSE-MIT").starts_with("MIT License"));
    assert!(read("LICENSE-APACHE").contains("Apache License\n                        Version 2.0"));
    // The CLI crate ships the same files (symbolic links to the root's).
    assert_eq!(read("crates/cli/LICENSE-MIT"), read("LICENSE-MIT"));
    assert_eq!(read("crates/cli/LICENSE-APACHE"), read("LICENSE-APACHE"));
}
