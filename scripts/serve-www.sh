#!/usr/bin/env bash
# Serve the demo page (www/) on localhost.
#
#   scripts/serve-www.sh [--no-build] [--rebuild] [--prepare] [--help]
#
# 1. builds the npm package into pkg/ with scripts/build-wasm.sh when pkg/ is missing or older
#    than its sources (src/, crates/wasm/, npm/, Cargo.toml, Cargo.lock); --rebuild always
#    builds, --no-build never does;
# 2. copies pkg/ to www/pkg/ (gitignored), the package the page imports;
# 3. serves www/ on http://127.0.0.1:$PORT/ (PORT defaults to 8080) with a small Node static
#    server (www/tests/static-server.mjs: correct MIME types, including application/wasm) and
#    prints the URL. Stop it with Ctrl-C.
#
# --prepare does steps 1 and 2 only (scripts/test-www.sh uses it). Needs Node 20; the build
# needs Rust (scripts/build-wasm.sh installs the rest). Environment: PORT, PKG_DIR (the package
# directory, default pkg/), CARGO_TARGET_DIR (honoured by the build).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh" serve-www

build=auto
prepare_only=0
for arg in "$@"; do
    case "$arg" in
        --no-build) build=never ;;
        --rebuild) build=always ;;
        --prepare) prepare_only=1 ;;
        -h | --help) usage ;;
        *) unknown_option "$arg" ;;
    esac
done


if ! command -v node >/dev/null 2>&1; then
    echo "serve-www: Node.js (20 or later) is required" >&2
    exit 1
fi

pkg="${PKG_DIR:-$repo_root/pkg}"
export PKG_DIR="$pkg"

# The sources the package is built from; newer than the package means it is stale.
stale_source() {
    find src crates/wasm/src crates/wasm/Cargo.toml npm/src npm/*.d.ts npm/package.json \
        npm/README.md Cargo.toml Cargo.lock -newer "$pkg/package.json" -type f -print -quit 2>/dev/null
}

case "$build" in
    always) reason="--rebuild" ;;
    never) reason="" ;;
    auto)
        if [ ! -f "$pkg/package.json" ]; then
            reason="$pkg is missing"
        else
            newer="$(stale_source)"
            reason="${newer:+$newer is newer than $pkg}"
        fi
        ;;
esac
if [ -n "$reason" ]; then
    say "building the npm package ($reason)"
    bash scripts/build-wasm.sh
elif [ ! -f "$pkg/package.json" ]; then
    echo "serve-www: $pkg is missing; run without --no-build" >&2
    exit 1
fi

# www/pkg is a copy, so a rebuild of pkg/ (which starts by deleting it) never breaks a page
# that is being served.
rm -rf www/pkg.tmp
cp -r "$pkg" www/pkg.tmp
rm -rf www/pkg
mv www/pkg.tmp www/pkg
say "www/pkg: contactkit@$(node -p 'require("./www/pkg/package.json").version')"

if [ "$prepare_only" -eq 1 ]; then
    exit 0
fi

port="${PORT:-8080}"
say "serving www/ at http://127.0.0.1:$port/ (Ctrl-C stops it)"
exec node www/tests/static-server.mjs --root www --host 127.0.0.1 --port "$port"
