#!/usr/bin/env bash
# Build and test the npm package `contactkit` the way users get it.
#
#   scripts/test-wasm.sh [--no-build] [--bench] [--help]
#
#   1. scripts/install-tools.sh (the wasm32 target, wasm-bindgen-cli, chromium) and
#      scripts/build-wasm.sh (pkg/); --no-build reuses an existing pkg/;
#   2. the Rust-side binding tests (cargo test -p contactkit-wasm: the JSON boundary on the host);
#   3. the native results of the fixture suite and the example data
#      (cargo run --example dump_results), for the parity test;
#   4. npm pack of pkg/, installed into a scratch project under target/wasm-test/project
#      (its node_modules are kept between runs; npm installs prefer the local cache);
#   5. node --test over npm/test/*.test.mjs in that project: the API, errors, untrusted keys,
#      parity with the native results, the browser entry, the size budget, the TypeScript
#      check (tsc --strict over npm/test/usage.ts) and a Vite build of a tiny page, loaded
#      with the plain <script type="module"> page in headless Chromium.
#
# --bench runs npm/bench/validate.mjs (contactkit vs ajv on a Help Scout payload) instead of
# the tests in step 5. Environment: CARGO_TARGET_DIR is honoured.
set -euo pipefail

build=1
bench=0
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        --bench) bench=1 ;;
        -h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "test-wasm: unknown option '$arg' (try --help)" >&2; exit 2 ;;
    esac
done

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
say() { printf '\n==> test-wasm: %s\n' "$*"; }

work="$repo_root/target/wasm-test"
project="$work/project"
mkdir -p "$project"

if [ "$build" -eq 1 ]; then
    say "install tools"
    if [ "$bench" -eq 1 ]; then
        bash scripts/install-tools.sh --no-browser
    else
        bash scripts/install-tools.sh
    fi
    say "build pkg/"
    bash scripts/build-wasm.sh
elif [ ! -f pkg/package.json ]; then
    echo "test-wasm: pkg/ is missing; run without --no-build" >&2
    exit 1
fi

if [ "$bench" -eq 0 ]; then
    say "Rust binding tests (host)"
    cargo test -p contactkit-wasm

    say "native results (fixtures and example data)"
    cargo run -q -p contactkit-wasm --example dump_results -- "$repo_root" "$work/native-results.json"
fi

say "npm pack pkg/ and install it into the scratch project"
rm -f "$work"/contactkit-*.tgz
tarball="$(cd "$work" && npm pack --silent "$repo_root/pkg" | tail -n 1)"
cp npm/test/project.json "$project/package.json"
npm_flags=(--no-audit --no-fund --prefer-offline --no-save --loglevel=error)
(
    cd "$project"
    # The dev tools first (kept between runs), then the package from its tarball.
    npm install "${npm_flags[@]}"
    npm install "${npm_flags[@]}" "$work/$tarball"
)
rm -rf "$project/test" "$project/bench"
cp -r npm/test "$project/test"
cp -r npm/bench "$project/bench"
rm -f "$project/test/project.json"

export CONTACTKIT_REPO="$repo_root"
export CONTACTKIT_NATIVE_RESULTS="$work/native-results.json"
cd "$project"
if [ "$bench" -eq 1 ]; then
    say "benchmark: validate (contactkit WASM vs ajv)"
    node bench/validate.mjs
else
    say "node --test (package imported by name)"
    node --test --test-concurrency=1 test/*.test.mjs
fi
