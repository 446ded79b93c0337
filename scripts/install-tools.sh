#!/usr/bin/env bash
# Install the tools the contactkit build, WASM packaging and browser tests need.
#
#   scripts/install-tools.sh [--no-browser] [--with-valgrind] [--help]
#
# What it installs (each step is skipped when the tool is already present at the
# right version, so the script is safe to re-run):
#   1. the rustup target wasm32-unknown-unknown;
#   2. wasm-bindgen-cli at exactly the version of the `wasm-bindgen` crate pinned in
#      Cargo.lock (the CLI and the library must match, or wasm-bindgen refuses the
#      module); skipped with a message when Cargo.lock has no wasm-bindgen entry;
#   3. Debian's chromium at /usr/bin/chromium (for headless browser tests driven by
#      playwright-core); skipped with --no-browser;
#   4. valgrind, only with --with-valgrind.
#
# Environment: CARGO_LOCK overrides the lock file to read (default: <repo>/Cargo.lock).
set -euo pipefail

usage() {
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
}

want_browser=1
want_valgrind=0
for arg in "$@"; do
    case "$arg" in
        --no-browser) want_browser=0 ;;
        --with-valgrind) want_valgrind=1 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install-tools: unknown option '$arg' (try --help)" >&2; exit 2 ;;
    esac
done

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lock_file="${CARGO_LOCK:-$repo_root/Cargo.lock}"

say() { printf 'install-tools: %s\n' "$*"; }

# Run a command as root: directly when we are root, through sudo otherwise.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "install-tools: need root (or sudo) to run: $*" >&2
        return 1
    fi
}

# Run an apt-get command quietly; its full output goes to a log that is shown on failure.
apt_quiet() {
    local log
    log="$(mktemp "${TMPDIR:-/tmp}/install-tools-apt.XXXXXX")"
    if as_root env DEBIAN_FRONTEND=noninteractive apt-get "$@" >"$log" 2>&1; then
        rm -f "$log"
    else
        echo "install-tools: 'apt-get $*' failed; last lines of $log:" >&2
        tail -n 20 "$log" >&2
        return 1
    fi
}

apt_updated=0
apt_install() {
    if [ "$apt_updated" -eq 0 ]; then
        say "apt-get update"
        apt_quiet update
        apt_updated=1
    fi
    say "apt-get install $* (this can take a few minutes)"
    apt_quiet install -y --no-install-recommends "$@"
}

# Cargo's bin directory may not be on PATH in a fresh shell.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# 1. wasm32 target -----------------------------------------------------------
if ! command -v rustup >/dev/null 2>&1; then
    echo "install-tools: rustup not found; install Rust from https://rustup.rs first" >&2
    exit 1
fi
if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    say "wasm32-unknown-unknown target: already installed"
else
    say "wasm32-unknown-unknown target: installing"
    rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli, pinned to Cargo.lock -------------------------------------
# Print the version(s) of the `wasm-bindgen` package recorded in a Cargo.lock.
lock_versions() {
    awk '
        /^\[\[package\]\]/ { name = ""; next }
        /^name = / { name = $3; gsub(/"/, "", name); next }
        /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v }
    ' "$1"
}

if [ ! -f "$lock_file" ]; then
    say "wasm-bindgen-cli: skipped ($lock_file not found; run 'cargo generate-lockfile' first)"
else
    versions="$(lock_versions "$lock_file" | sort -u)"
    if [ -z "$versions" ]; then
        say "wasm-bindgen-cli: skipped (no wasm-bindgen package in $lock_file)"
    else
        if [ "$(printf '%s\n' "$versions" | wc -l)" -gt 1 ]; then
            echo "install-tools: Cargo.lock holds several wasm-bindgen versions:" \
                "$(printf '%s' "$versions" | tr '\n' ' ')" >&2
            echo "install-tools: unify them (cargo update -p wasm-bindgen) and re-run" >&2
            exit 1
        fi
        want="$versions"
        have=""
        if command -v wasm-bindgen >/dev/null 2>&1; then
            # `wasm-bindgen --version` prints e.g. "wasm-bindgen 0.2.100".
            have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
        fi
        if [ "$have" = "$want" ]; then
            say "wasm-bindgen-cli $want: already installed"
        else
            if [ -n "$have" ]; then
                say "wasm-bindgen-cli: found $have, Cargo.lock wants $want; reinstalling"
                force=(--force)
            else
                say "wasm-bindgen-cli $want: installing (cargo install, takes a few minutes)"
                force=()
            fi
            cargo install wasm-bindgen-cli --version "$want" ${force[@]+"${force[@]}"}
            have="$(wasm-bindgen --version | awk '{print $2}')"
            if [ "$have" != "$want" ]; then
                echo "install-tools: wasm-bindgen on PATH is $have, expected $want" \
                    "($(command -v wasm-bindgen))" >&2
                exit 1
            fi
            say "wasm-bindgen-cli $want: installed"
        fi
    fi
fi

# 3. chromium -----------------------------------------------------------------
if [ "$want_browser" -eq 0 ]; then
    say "chromium: skipped (--no-browser)"
elif [ -x /usr/bin/chromium ]; then
    say "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
else
    apt_install chromium
    say "chromium: installed ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
fi

# 4. valgrind (optional) --------------------------------------------------------
if [ "$want_valgrind" -eq 1 ]; then
    if command -v valgrind >/dev/null 2>&1; then
        say "valgrind: already installed ($(valgrind --version))"
    else
        apt_install valgrind
        say "valgrind: installed ($(valgrind --version))"
    fi
fi

say "done"
