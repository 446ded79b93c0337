#!/usr/bin/env bash
# Build and test the npm package `contactkit` the way users get it.
#
#   scripts/test-wasm.sh [--no-build] [--bench] [--help] [TEST...]
#
#   1. scripts/install-tools.sh (the wasm32 target, wasm-bindgen-cli, chromium) and
#      scripts/build-wasm.sh (pkg/: the full and the forms module); --no-build reuses pkg/;
#   2. the Rust-side binding tests (cargo test -p contactkit-wasm, with and without the
#      `convert` feature: the JSON boundary on the host, and that npm/payloads.d.ts is current);
#   3. the native results of the fixture suite and the example data
#      (cargo run --example dump_results), for the parity test;
#   4. npm pack of pkg/, installed into a scratch project under target/wasm-test/project with
#      the tools of npm/test/project.json (Vite, webpack, Rollup, esbuild, TypeScript,
#      playwright-core, TanStack Form, zod, ajv; from the npm registry, kept between runs in
#      its node_modules and reinstalled only when project.json changes; npm's cache ~/.npm);
#   5. node --test over npm/test/*.test.mjs in that project (or the TEST names given, e.g.
#      `size environments`): the API of both entries, errors, untrusted keys, parity with the
#      native results, batches, Standard Schema with TanStack Form, the UI metadata, the size
#      budgets per entry, the TypeScript checks (usage files and every README snippet under
#      `tsc --strict`), and the environments (Vite build and dev, webpack 5, Rollup, esbuild,
#      a Web Worker, an import map page, all in headless Chromium; esbuild and Vite SSR server
#      bundles, a runtime without fs, require(esm)).
#
# --bench runs npm/bench/compare.mjs (contactkit vs ajv vs zod, BENCHMARKS.md) instead of the
# tests in step 5. Environment: CARGO_TARGET_DIR is honoured.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh" test-wasm
SAY_PREFIX=$'\n==> '

build=1
bench=0
only=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        --bench) bench=1 ;;
        -h | --help) usage ;;
        -*) unknown_option "$arg" ;;
        *) only+=("test/$arg.test.mjs") ;;
    esac
done


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
    say "Rust binding tests (host): the full module, then the forms module"
    cargo test -p contactkit-wasm
    cargo test -p contactkit-wasm --no-default-features --lib

    say "native results (fixtures and example data)"
    cargo run -q -p contactkit-wasm --example dump_results -- "$repo_root" "$work/native-results.json"
fi

say "npm pack pkg/ and install it into the scratch project"
rm -f "$work"/contactkit-*.tgz
tarball="$(cd "$work" && npm pack --silent "$repo_root/pkg" | tail -n 1)"
npm_flags=(--no-audit --no-fund --prefer-offline --no-save --loglevel=error)
(
    cd "$project"
    # The tools first, kept between runs: reinstalled only when project.json changed (or a
    # previous install did not finish), then the package from its tarball.
    if ! cmp -s "$repo_root/npm/test/project.json" installed-project.json || [ ! -d node_modules ]; then
        rm -f installed-project.json
        cp "$repo_root/npm/test/project.json" package.json
        npm install "${npm_flags[@]}"
        cp "$repo_root/npm/test/project.json" installed-project.json
    fi
    npm install "${npm_flags[@]}" "$work/$tarball"
)
rm -rf "$project/test" "$project/bench" "$project/scratch" "$work/sizes.md"
cp -r npm/test "$project/test"
cp -r npm/bench "$project/bench"
rm -f "$project/test/project.json"

export CONTACTKIT_REPO="$repo_root"
export CONTACTKIT_NATIVE_RESULTS="$work/native-results.json"
export CONTACTKIT_SIZES="$work/sizes.md"
cd "$project"
if [ "$bench" -eq 1 ]; then
    say "benchmark: contactkit (WebAssembly) vs ajv vs zod"
    node bench/compare.mjs
else
    say "node --test (package imported by name)"
    if [ "${#only[@]}" -gt 0 ]; then
        node --test --test-concurrency=1 "${only[@]}"
    else
        node --test --test-concurrency=1 test/*.test.mjs
    fi
    [ ! -f "$work/sizes.md" ] || { say "sizes per entry (npm/test/size.test.mjs)"; cat "$work/sizes.md"; }
fi
