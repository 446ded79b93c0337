#!/usr/bin/env bash
# Build the npm package `contactkit` (WebAssembly) into pkg/.
#
#   scripts/build-wasm.sh [--debug] [--help]
#
# Steps (safe to re-run; a fresh machine needs only Rust, Node 20 and npm):
#   1. scripts/install-tools.sh --no-browser: the wasm32 target and wasm-bindgen-cli at the
#      version pinned in Cargo.lock;
#   2. cargo builds of crates/wasm for wasm32-unknown-unknown: with the `wasm-release` profile
#      (opt-level "z", LTO, one codegen unit, panic = abort; see the root Cargo.toml) the full
#      module (default features; `--cfg contactkit_value="lite"`, in target/full-lite) and the
#      forms module (--no-default-features: no conversion, no read formats) that browsers load,
#      and that forms module once more for each create format with
#      `--cfg contactkit_format="<id>"` (the per-vendor entries contactkit/forms/<id>: that
#      format's tables alone); with `wasm-speed` (opt-level 3) the full module
#      again, which the Node entry embeds (a third faster; the download size does not matter);
#   3. wasm-bindgen for each into pkg/ (contactkit_wasm_bg.wasm, forms_wasm_bg.wasm), then
#      wasm-metadce: the exports take and return numbers only, npm/src/api.js instantiates the
#      module and calls them itself, so wasm-bindgen's glue is not kept, nor what only the glue
#      used (the module imports nothing: checked);
#   4. wasm-opt (-Oz with size passes, see below; -O3 for wasm-speed); wasm-metadce and
#      wasm-opt are from the npm package `binaryen`, installed under target/wasm-tools/;
#   5. the bytes of the Node entries' modules as base64 in <name>_wasm_bytes.js;
#   6. the hand-written entries and declarations from npm/ (contactkit.js, node.js, forms.js,
#      forms.node.js, api.js, convert.js, *.d.ts, README.md), the per-vendor entries written
#      from npm/src/vendor.js, npm/src/vendor.node.js and npm/vendor.d.ts, payloads.d.ts generated from the rule tables
#      (cargo run --example payload_types), the licence files, and pkg/package.json with the
#      version, licence and links of the Cargo workspace.
#
# --debug skips wasm-opt's optimisations (the functions keep their names, for a profiler). Environment: CARGO_TARGET_DIR is honoured; PKG_DIR overrides pkg/.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh" build-wasm

debug=0
for arg in "$@"; do
    case "$arg" in
        --debug) debug=1 ;;
        -h | --help) usage ;;
        *) unknown_option "$arg" ;;
    esac
done


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

rm -rf "$pkg"
mkdir -p "$pkg"

# The WebAssembly features rustc enables by default for wasm32-unknown-unknown: binaryen's tools
# must accept them and keep their output within them.
features_wasm=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
    --enable-mutable-globals --enable-reference-types --enable-multivalue)

# build_module NAME PROFILE OUT [cargo flags...]: steps 2 to 4 for one module into the
# directory OUT (wasm-opt -Oz for the profile wasm-release, -O3 for wasm-speed).
build_module() {
    local name="$1" profile="$2" out="$3"
    shift 3
    local features=("$@")
    # A per-vendor module (ONLY_FORMAT set: contactkit/forms/<id>) is built with
    # `--cfg contactkit_format --cfg contactkit_format="<id>"` (src/format.rs `Format::ONLY`),
    # in a target directory of its own: a change of RUSTFLAGS rebuilds every crate, and the
    # other builds keep theirs (as the full module's, whose caller sets RUSTFLAGS and
    # CARGO_TARGET_DIR).
    local dir="${CARGO_TARGET_DIR:-$target_dir}" rustflags="${RUSTFLAGS:-}"
    if [ -n "${ONLY_FORMAT:-}" ]; then
        dir="$target_dir/forms-$ONLY_FORMAT"
        rustflags="$rustflags --cfg contactkit_format --cfg contactkit_format=\"$ONLY_FORMAT\""
    fi
    say "$name: cargo build (wasm32-unknown-unknown, profile $profile${features[*]+, ${features[*]}}${ONLY_FORMAT:+, --cfg contactkit_format=\"$ONLY_FORMAT\"})"
    CARGO_TARGET_DIR="$dir" RUSTFLAGS="$rustflags" cargo build -p contactkit-wasm --lib \
        --target wasm32-unknown-unknown --profile "$profile" ${features[@]+"${features[@]}"}
    local wasm="$dir/wasm32-unknown-unknown/$profile/contactkit_wasm.wasm"

    say "$name: wasm-bindgen"
    mkdir -p "$out"
    wasm-bindgen --target web --out-dir "$out" --out-name "${name}_wasm" "$wasm"
    # The exports take and return numbers only and npm/src/api.js calls them itself: the glue
    # and declarations wasm-bindgen writes are not part of the package, nor what only they use:
    # wasm-opt's first passes remove wasm-bindgen's exports (all named "__...": its externref
    # table and the start function that fills it, which is the module's one import) and then
    # what nothing uses any more; the module imports nothing (checked below). (wasm-metadce
    # would do the same, but reorders the functions: 1.8 KB more gzipped.)
    rm -f "$out/${name}_wasm.js" "$out/${name}_wasm.d.ts" "$out/${name}_wasm_bg.wasm.d.ts"
    local unglue=(--remove-exports "--pass-arg=remove-exports@__*" --remove-unused-module-elements)
    local passes=()
    if [ "$debug" -eq 0 ]; then
        # Size passes for the modules browsers download, measured on the full module
        # (gzipped): --converge repeats -Oz while it shrinks (-0.5 KB); --flatten --rereloop
        # rebuilds the control flow for -Oz to fold (-0.6 KB, and no slower: convertMany and
        # validate timed side by side); --low-memory-unused lets constant offsets fold into
        # loads and stores (-0.8 KB): it assumes no access to the first 1 KiB of memory, which
        # Rust's layout (the stack first, 1 MiB, growing down; data after it) reaches only at a
        # stack 1 MiB deep, and the validator's recursion is bounded far below that (JSON
        # nesting is limited to 128 levels); --merge-similar-functions, before and after, folds
        # functions that differ only in constants into one (-0.2 KB).
        passes=(--low-memory-unused --merge-similar-functions -Oz --converge --flatten
            --rereloop -Oz --converge --flatten --rereloop -Oz --converge
            --merge-similar-functions -Oz --converge)
        if [ "$profile" = wasm-speed ]; then passes=(-O3); fi
        # The target_features section tells tools which features the module uses; engines
        # ignore it (0.1 KB).
        passes+=(--strip-debug --strip-producers --strip-target-features)
    fi
    say "$name: wasm-opt ${unglue[*]} ${passes[*]}"
    "$tools/node_modules/.bin/wasm-opt" "${unglue[@]}" ${passes[@]+"${passes[@]}"} "${features_wasm[@]}" \
        -o "$out/${name}_wasm_bg.wasm" "$out/${name}_wasm_bg.wasm"
    node -e '
const fs = require("fs");
const m = new WebAssembly.Module(fs.readFileSync(process.argv[1]));
const imports = WebAssembly.Module.imports(m);
const extra = WebAssembly.Module.exports(m).filter((e) => e.name.startsWith("__"));
if (imports.length > 0 || extra.length > 0) {
  console.error(`build-wasm: ${process.argv[1]} still has imports or wasm-bindgen exports: ` +
    JSON.stringify({ imports, extra }));
  process.exit(1);
}
' "$out/${name}_wasm_bg.wasm"
}

# embed WASM OUT WHAT: step 5, the bytes of a module as base64 in a JavaScript module.
embed() {
    node -e '
const fs = require("fs");
const [wasm, out, what] = process.argv.slice(1);
fs.writeFileSync(out,
  `// The bytes of ${what}, embedded (base64) for the Node entry: it instantiates the module\n` +
  `// from here, so a bundled server needs no .wasm file beside its bundle.\n` +
  `export const base64 = "${fs.readFileSync(wasm).toString("base64")}";\n`);
' "$1" "$2" "$3"
}

if [ "$(node -p "try { require('$tools/node_modules/binaryen/package.json').version } catch { '' }")" != "$binaryen_version" ]; then
    say "installing binaryen@$binaryen_version under target/wasm-tools"
    mkdir -p "$tools"
    [ -f "$tools/package.json" ] || echo '{"private": true, "name": "contactkit-wasm-tools"}' >"$tools/package.json"
    (cd "$tools" && npm install --no-audit --no-fund --prefer-offline "binaryen@$binaryen_version" >/dev/null)
fi

# The browser modules, small. The full one converts on the core's own JSON value rather than
# serde_json's (`--cfg contactkit_value="lite"`: src/json/lite.rs; 4.4 KB less gzipped, no
# indexmap, hashbrown or SipHash), built in a target directory of its own so that the flag does
# not rebuild the other modules' dependencies.
RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }--cfg contactkit_value=\"lite\"" CARGO_TARGET_DIR="$target_dir/full-lite" \
    build_module contactkit wasm-release "$pkg"
build_module forms wasm-release "$pkg" --no-default-features
# The per-vendor entries contactkit/forms/<id>: the forms module for one create format only
# (its rule table, its vendor's definitions, no validateMany; src/format.rs `Format::ONLY`).
vendors=(sequence intercom bird helpscout canonical)
for id in "${vendors[@]}"; do
    ONLY_FORMAT="$id" build_module "forms-$id" wasm-release "$pkg" --no-default-features
done
# The Node entries embed their module's bytes: the full one built for speed (same source and
# exports, so the same glue, which is checked), the forms one as browsers get it.
if [ "$debug" -eq 0 ]; then
    speed="$target_dir/wasm-speed-pkg"
    rm -rf "$speed"
    build_module contactkit wasm-speed "$speed" --features speed
    exports_of() {
        node -p 'JSON.stringify(WebAssembly.Module.exports(new WebAssembly.Module(require("fs").readFileSync(process.argv[1]))))' "$1"
    }
    if [ "$(exports_of "$speed/contactkit_wasm_bg.wasm")" != "$(exports_of "$pkg/contactkit_wasm_bg.wasm")" ]; then
        echo "build-wasm: the speed build's exports differ from the size build's" >&2
        exit 1
    fi
    embed "$speed/contactkit_wasm_bg.wasm" "$pkg/contactkit_wasm_bytes.js" \
        "the full module built for speed (profile wasm-speed, wasm-opt -O3)"
else
    embed "$pkg/contactkit_wasm_bg.wasm" "$pkg/contactkit_wasm_bytes.js" "contactkit_wasm_bg.wasm"
fi
embed "$pkg/forms_wasm_bg.wasm" "$pkg/forms_wasm_bytes.js" "forms_wasm_bg.wasm"
for id in "${vendors[@]}"; do
    embed "$pkg/forms-${id}_wasm_bg.wasm" "$pkg/forms-${id}_wasm_bytes.js" "forms-${id}_wasm_bg.wasm"
done

# 6. package files ---------------------------------------------------------------
cp npm/src/contactkit.js npm/src/node.js npm/src/forms.js npm/src/forms.node.js npm/src/api.js npm/src/convert.js \
    npm/contactkit.d.ts npm/forms.d.ts npm/standard-schema.d.ts npm/README.md \
    LICENSE-MIT LICENSE-APACHE "$pkg/"
# The per-vendor entries' files, from one template each (npm/src/vendor*.js, npm/vendor.d.ts):
# @ID@ is the format id.
for id in "${vendors[@]}"; do
    sed "s/@ID@/$id/g" npm/src/vendor.js >"$pkg/forms-$id.js"
    sed "s/@ID@/$id/g" npm/src/vendor.node.js >"$pkg/forms-$id.node.js"
    sed "s/@ID@/$id/g" npm/vendor.d.ts >"$pkg/forms-$id.d.ts"
done
say "payloads.d.ts from the rule tables"
cargo run -q -p contactkit-wasm --example payload_types -- "$pkg/payloads.d.ts"
if ! cmp -s "$pkg/payloads.d.ts" npm/payloads.d.ts; then
    echo "build-wasm: npm/payloads.d.ts is not current; run: cargo run -p contactkit-wasm --example payload_types -- npm/payloads.d.ts" >&2
    exit 1
fi
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

say "pkg/ ready: contactkit@$version"
for name in contactkit forms "${vendors[@]/#/forms-}"; do
    bytes=$(stat -c%s "$pkg/${name}_wasm_bg.wasm")
    gz=$(gzip -9 -c "$pkg/${name}_wasm_bg.wasm" | wc -c)
    say "  ${name}_wasm_bg.wasm: $bytes bytes, $gz gzipped"
done
say "  (the size test measures what a bundler emits per entry: npm/test/size.test.mjs)"
