#!/usr/bin/env bash
# The whole test suite: Rust (format, lints, unit/integration/doc tests), WebAssembly + npm
# package, and the demo page in headless Chromium. On a fresh machine it first installs what is
# missing (scripts/install-tools.sh is idempotent and quick when everything is there).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "install tools"
bash scripts/install-tools.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, all features, -D warnings)"
cargo clippy --workspace --all-targets --all-features -- -D warnings

step "cargo test (workspace, all features)"
cargo test --workspace --all-features

step "the core without default features (what the forms module links): clippy and tests"
# Doc examples use conversion (the default feature), so only unit and integration tests here.
cargo clippy -p contactkit --no-default-features --all-targets -- -D warnings
cargo test -p contactkit --no-default-features --lib --tests

step "hostile-input tests that need a release build (linear-time checks)"
cargo test --release -p contactkit --test validate -- --include-ignored hostile::

step "core has no I/O or binding dependencies"
if grep -rnE 'wasm_bindgen|clap::|std::fs|std::net' src/; then
  echo "the core crate must stay pure (see DESIGN.md)" >&2
  exit 1
fi

step "Spark: examples/spark under local[2] equals a single-machine run"; bash scripts/test-spark.sh

step "WebAssembly package (build pkg/, npm pack, Node/TypeScript/Vite/Chromium tests)"
bash scripts/test-wasm.sh

step "publish dry-runs: crates contactkit and contactkit-cli, npm package pkg/"
bash scripts/publish-dry-run.sh

step "demo page www/ in headless Chromium (screenshots in artifacts/www/)"
bash scripts/test-www.sh --no-build
