#!/usr/bin/env bash
# Build the npm package `contactkit` (WebAssembly) into pkg/.
#
#   scripts/build-wasm.sh [--debug] [--help]
#
# Steps (safe to re-run; a fresh machine needs only Rust, Node 20 and npm):
#   1. scripts/install-tools.sh --no-browser: the wasm32 target and wasm-bindgen-cli at the
#      version pinned in Cargo.lock;
#   2. cargo build of crates/wasm for wasm32-unknown-unknown with the `wasm-release` profile
#      (opt-level "z", LTO, one codegen unit, panic = abort; see the root Cargo.toml);
#   3. wasm-bindgen --target web into pkg/ (the raw module contactkit_wasm.js + .wasm);
#   4. wasm-opt -Oz with size passes (see below) from the npm package `binaryen`, installed
#      under target/wasm-tools/;
#   5. the hand-written entries and types from npm/ (contactkit.js for browsers and bundlers,
#      node.js for Node, api.js, contactkit.d.ts, README.md), the licence files, and
#      pkg/package.json with the version, licence and links of the Cargo workspace.
#
# --debug builds with the crate feature `debug` (panic messages in the console) and skips
# wasm-opt. Environment: CARGO_TARGET_DIR is honoured; PKG_DIR overrides pkg/.
set -euo pipefail

debug=0
for arg in "$@"; do
    case "$arg" in
        --debug) debug=1 ;;
        -h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build-wasm: unknown option '$arg' (try --help)" >&2; exit 2 ;;
    esac
done

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
say() { printf 'build-wasm: %s\n' "$*"; }

# install-tools.sh reads the wasm-bindgen version from Cargo.lock: make sure the lock lists
# the crate (cargo metadata adds missing entries without updating the others).
if ! grep -q '^name = "wasm-bindgen"$' Cargo.lock 2>/dev/null; then
    cargo metadata --format-version 1 >/dev/null
fi
bash scripts/install-tools.sh --no-browser

target_dir="${CARGO_TARGET_DIR:-$repo_root/target}"
pkg="${PKG_DIR:-$repo_root/pkg}"
tools="$repo_root/target/wasm-tools"
binaryen_version="132.0.0"

# 2. compile -------------------------------------------------------------------
features=()
if [ "$debug" -eq 1 ]; then features=(--features debug); fi
say "cargo build (wasm32-unknown-unknown, profile wasm-release)"
cargo build -p contactkit-wasm --lib --target wasm32-unknown-unknown --profile wasm-release \
    ${features[@]+"${features[@]}"}
wasm="$target_dir/wasm32-unknown-unknown/wasm-release/contactkit_wasm.wasm"

# 3. bindings --------------------------------------------------------------------
rm -rf "$pkg"
mkdir -p "$pkg"
say "wasm-bindgen --target web"
wasm-bindgen --target web --out-dir "$pkg" --out-name contactkit_wasm "$wasm"
# The raw module's generated declarations are not part of the package (the exports are
# internal; contactkit.d.ts types the public API).
rm -f "$pkg/contactkit_wasm.d.ts" "$pkg/contactkit_wasm_bg.wasm.d.ts"
sed -i '1{/@ts-self-types/d}' "$pkg/contactkit_wasm.js"

# 4. wasm-opt --------------------------------------------------------------------
if [ "$debug" -eq 0 ]; then
    if [ "$(node -p "try { require('$tools/node_modules/binaryen/package.json').version } catch { '' }")" != "$binaryen_version" ]; then
        say "installing binaryen@$binaryen_version under target/wasm-tools"
        mkdir -p "$tools"
        [ -f "$tools/package.json" ] || echo '{"private": true, "name": "contactkit-wasm-tools"}' >"$tools/package.json"
        (cd "$tools" && npm install --no-audit --no-fund --prefer-offline "binaryen@$binaryen_version" >/dev/null)
    fi
    say "wasm-opt -Oz (converging, with two flatten/rereloop rounds)"
    # The features are those rustc enables by default for wasm32-unknown-unknown; wasm-opt
    # must accept them and keeps the output within them. Size passes, against the 150 KB
    # budget (npm/test/size.test.mjs), measured on this module (gzipped): --converge repeats
    # -Oz while it shrinks (-0.5 KB); --flatten --rereloop rebuilds the control flow for -Oz
    # to fold (-0.6 KB, and no slower: convertMany and validate timed side by side);
    # --low-memory-unused lets constant offsets fold into loads and stores (-0.8 KB): it assumes
    # no access to the first 1 KiB of memory, which Rust's layout (the stack first, 1 MiB,
    # growing down; data after it) reaches only at a stack 1 MiB deep, and the validator's
    # recursion is bounded far below that (JSON nesting is limited to 128 levels).
    "$tools/node_modules/.bin/wasm-opt" --low-memory-unused -Oz --converge \
        --flatten --rereloop -Oz --converge --flatten --rereloop -Oz --converge \
        --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types --enable-multivalue \
        --strip-debug --strip-producers \
        -o "$pkg/contactkit_wasm_bg.wasm" "$pkg/contactkit_wasm_bg.wasm"
fi

# 5. package files ---------------------------------------------------------------
cp npm/src/contactkit.js npm/src/node.js npm/src/api.js npm/contactkit.d.ts npm/README.md \
    LICENSE-MIT LICENSE-APACHE "$pkg/"
# package.json: the template npm/package.json, with the version, licence and links of the Cargo
# workspace (`[workspace.package]`, as the crate contactkit-wasm inherits them): one version for
# the crate, the CLI and the npm package.
cargo metadata --no-deps --format-version 1 >"$pkg/.cargo-metadata.json"
version="$(node -e '
const fs = require("fs");
const [template, out, metadata] = process.argv.slice(1);
const crate = JSON.parse(fs.readFileSync(metadata, "utf8")).packages
  .find((p) => p.name === "contactkit-wasm");
const pkg = {};
for (const [key, value] of Object.entries(JSON.parse(fs.readFileSync(template, "utf8")))) {
  pkg[key] = key === "version" ? crate.version : value;
  if (key === "description") {
    pkg.license = crate.license;
    pkg.homepage = crate.homepage;
    pkg.repository = { type: "git", url: `git+${crate.repository}.git` };
    pkg.bugs = { url: `${crate.repository}/issues` };
  }
}
fs.writeFileSync(out, JSON.stringify(pkg, null, 2) + "\n");
process.stdout.write(pkg.version);
' npm/package.json "$pkg/package.json" "$pkg/.cargo-metadata.json")"
rm -f "$pkg/.cargo-metadata.json"

wasm_bytes=$(stat -c%s "$pkg/contactkit_wasm_bg.wasm")
wasm_gz=$(gzip -9 -c "$pkg/contactkit_wasm_bg.wasm" | wc -c)
glue=$(cat "$pkg/contactkit_wasm.js" "$pkg/api.js" "$pkg/contactkit.js" | wc -c)
glue_gz=$(cat "$pkg/contactkit_wasm.js" "$pkg/api.js" "$pkg/contactkit.js" | gzip -9 -c | wc -c)
say "pkg/ ready: contactkit@$version"
say "  contactkit_wasm_bg.wasm: $wasm_bytes bytes, $wasm_gz gzipped"
say "  JS (browser entry + api + wasm-bindgen glue): $glue bytes, $glue_gz gzipped"
