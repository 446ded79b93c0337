#!/usr/bin/env bash
# Publish checks without uploading: the crates contactkit and contactkit-cli, and the npm package
# in pkg/ (built by scripts/build-wasm.sh; scripts/test-wasm.sh builds it in the test suite).
#
#   scripts/publish-dry-run.sh [--help]
#
# 1. `cargo publish --dry-run -p contactkit -p contactkit-cli`: both crates are packaged and each
#    package is built from its .crate file; the CLI is built against the packaged contactkit
#    through a temporary local registry (multi-package publish, cargo 1.90+), since the library
#    is not on crates.io yet. --allow-dirty: a dry run of a working tree (a real publish checks).
# 2. The .crate files hold what the crates need (sources, schemas, README, licences, changelog)
#    and none of the tests, fixtures, corpora, fuzz, bench, npm, www or example data; their
#    sizes are printed.
# 3. `npm publish --dry-run` in pkg/, whose files must include both licences.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh" publish-dry-run

case "${1:-}" in
    -h | --help) usage ;;
    "") ;;
    *) unknown_option "$1" ;;
esac


version="$(cargo metadata --no-deps --format-version 1 |
    node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
             process.stdout.write(m.packages.find((p) => p.name === "contactkit").version)')"
target_dir="${CARGO_TARGET_DIR:-$repo_root/target}"

# 1. --------------------------------------------------------------------------------------------
say "cargo publish --dry-run -p contactkit -p contactkit-cli (version $version)"
mkdir -p "$target_dir/publish-verify/package"
marker="$target_dir/publish-verify/package/.publish-dry-run-start"
touch "$marker"
# Cargo verifies the CLI against the packaged library through a temporary local registry, and
# reuses that registry's unpacked sources from an earlier run when the version is the same: a
# stale copy would be compiled instead of this tree. Local registries' sources sit under
# registry/src/-<hash>/ (crates.io's under index.crates.io-<hash>/); remove ours there.
for stale in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/contactkit-"$version" \
    "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/contactkit-cli-"$version"; do
    [ -d "$stale" ] && rm -rf "$stale"
done
# The verification build compiles the packaged library as a registry crate, which Cargo never
# rebuilds once built (registry sources are immutable to it): build in a directory of its own
# and drop the library's old artifacts there, or a stale build of an earlier tree is linked.
verify_dir="$target_dir/publish-verify"
rm -rf "$verify_dir"/debug/.fingerprint/contactkit-* "$verify_dir"/debug/deps/libcontactkit-* \
    "$verify_dir"/debug/deps/contactkit-*
CARGO_TARGET_DIR="$verify_dir" cargo publish --dry-run --allow-dirty -p contactkit -p contactkit-cli

# 2. --------------------------------------------------------------------------------------------
check_crate() { # crate name, then required paths (inside the crate's top directory)
    local name="$1" crate
    shift
    # Where cargo leaves the .crate files depends on its version (package/ or package/tmp-crate/).
    crate="$(find "$target_dir/publish-verify/package" -name "$name-$version.crate" -newer "$marker" | head -n 1)"
    [ -n "$crate" ] || fail "cargo wrote no $name-$version.crate under $target_dir/publish-verify/package"
    local files
    files="$(tar -tzf "$crate" | sed "s|^$name-$version/||")"
    for need in Cargo.toml README.md LICENSE-MIT LICENSE-APACHE "$@"; do
        grep -qxF "$need" <<<"$files" || fail "$name: the package lacks $need"
    done
    if grep -E '^(tests|benches|bench|fuzz|npm|www|examples|vendor-specs|pkg|target|scripts)/' <<<"$files"; then
        fail "$name: the package holds the files above, which are not for crates.io"
    fi
    say "$name-$version.crate: $(grep -c . <<<"$files") files, $(stat -c%s "$crate") bytes" \
        "($(tar -xOzf "$crate" | wc -c) bytes unpacked)"
}
check_crate contactkit CHANGELOG.md src/lib.rs docs/MAPPING.md docs/READ-FORMATS.md \
    $(cd "$repo_root" && ls schemas/*.schema.json)
check_crate contactkit-cli src/main.rs

# 3. --------------------------------------------------------------------------------------------
[ -f pkg/package.json ] || fail "pkg/ is missing: run scripts/build-wasm.sh first"
say "npm publish --dry-run (pkg/)"
npm_log="$(cd pkg && npm publish --dry-run 2>&1)" || { echo "$npm_log" >&2; fail "npm publish --dry-run failed"; }
echo "$npm_log" | grep -E 'Tarball Contents|npm notice [0-9.]+k?B|package size|unpacked size|total files|\+ contactkit@'
for need in LICENSE-MIT LICENSE-APACHE README.md package.json contactkit_wasm_bg.wasm; do
    grep -qE "npm notice [0-9.]+k?B $need\$" <<<"$npm_log" || fail "the npm package lacks $need"
done
grep -qF "+ contactkit@$version" <<<"$npm_log" || fail "the npm package is not contactkit@$version"
say "ok"
