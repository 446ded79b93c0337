#!/usr/bin/env bash
# Install the tools the contactkit build, WASM packaging and browser tests need.
#
#   scripts/install-tools.sh [--no-browser] [--with-valgrind] [--with-spark] [--help]
#
# What it installs (each step is skipped when the tool is already present at the
# right version, so the script is safe to re-run):
#   1. the rustup target wasm32-unknown-unknown;
#   2. wasm-bindgen-cli at exactly the version of the `wasm-bindgen` crate pinned in
#      Cargo.lock (the CLI and the library must match, or wasm-bindgen refuses the
#      module); skipped with a message when Cargo.lock has no wasm-bindgen entry;
#   3. Debian's chromium at /usr/bin/chromium (for headless browser tests driven by
#      playwright-core); skipped with --no-browser;
#   4. valgrind, only with --with-valgrind;
#   5. only with --with-spark (examples/spark, scripts/test-spark.sh): a Java runtime (17 or
#      later; Debian's openjdk-17-jre-headless when missing) and PySpark from PyPI, pinned
#      (PYSPARK_VERSION below), in a virtual environment of its own (Python 3.11 or later).
#
# Environment: CARGO_LOCK overrides the lock file to read (default: <repo>/Cargo.lock);
# SPARK_VENV the PySpark environment (default: ~/.cache/contactkit/pyspark-<version>).
set -euo pipefail

usage() {
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
}

want_browser=1
want_valgrind=0
want_spark=0
for arg in "$@"; do
    case "$arg" in
        --no-browser) want_browser=0 ;;
        --with-valgrind) want_valgrind=1 ;;
        --with-spark) want_spark=1 ;;
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

# 5. Java + PySpark (optional) ----------------------------------------------------
# The version examples/spark/ and docs/SCALE-OUT.md are tested with.
PYSPARK_VERSION="4.3.0"
SPARK_VENV="${SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/contactkit/pyspark-$PYSPARK_VERSION}"

# The major version of the java on PATH (17 for "17.0.15", 8 for "1.8.0"), or nothing.
java_major() {
    command -v java >/dev/null 2>&1 || return 0
    java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == 1 ? v[2] : v[1]); exit }'
}

if [ "$want_spark" -eq 1 ]; then
    major="$(java_major)"
    if [ -n "$major" ] && [ "$major" -ge 17 ]; then
        say "java: already installed (major version $major)"
    else
        apt_install openjdk-17-jre-headless
        major="$(java_major)"
        if [ -z "$major" ] || [ "$major" -lt 17 ]; then
            echo "install-tools: Spark 4 needs Java 17 or later; java on PATH is '${major:-none}'" >&2
            exit 1
        fi
        say "java: installed (major version $major)"
    fi
    if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "install-tools: PySpark $PYSPARK_VERSION needs Python 3.11 or later;" \
            "python3 is $(python3 --version 2>&1 || echo missing)" >&2
        exit 1
    fi
    have="$("$SPARK_VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)' 2>/dev/null || true)"
    if [ "$have" = "$PYSPARK_VERSION" ]; then
        say "pyspark $PYSPARK_VERSION: already installed ($SPARK_VENV)"
    else
        if ! python3 -m venv --help >/dev/null 2>&1; then
            apt_install python3-venv
        fi
        say "pyspark $PYSPARK_VERSION: installing into $SPARK_VENV (pip, about 400 MB)"
        python3 -m venv --clear "$SPARK_VENV"
        "$SPARK_VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
            "pyspark==$PYSPARK_VERSION"
        have="$("$SPARK_VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)')"
        if [ "$have" != "$PYSPARK_VERSION" ]; then
            echo "install-tools: $SPARK_VENV has pyspark $have, expected $PYSPARK_VERSION" >&2
            exit 1
        fi
        say "pyspark $PYSPARK_VERSION: installed ($SPARK_VENV)"
    fi
fi

say "done"
