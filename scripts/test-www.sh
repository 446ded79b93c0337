#!/usr/bin/env bash
# Browser tests of the demo page (www/) in headless Chromium.
#
#   scripts/test-www.sh [--no-build] [--help]
#
# 1. Chromium at /usr/bin/chromium (scripts/install-tools.sh installs it when missing);
# 2. the npm package: scripts/serve-www.sh --prepare builds pkg/ when missing or stale
#    (--no-build reuses it as it is) and copies it to www/pkg/;
# 3. playwright-core and axe-core (the versions pinned below) into target/www-test/
#    (gitignored, kept between runs);
# 4. a static server for www/ on 127.0.0.1 on a free port;
# 5. node --test www/tests/*.test.mjs, which drive /usr/bin/chromium headless with a fresh
#    profile, write screenshots to artifacts/www/*.png and end with `N passed, N failed`;
# 6. stops the server. The exit status is the tests'.
#
# Environment: CHROMIUM_PATH (default /usr/bin/chromium), ARTIFACTS_DIR (default
# artifacts/www), PKG_DIR and CARGO_TARGET_DIR (for the build).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh" test-www
SAY_PREFIX=$'\n==> '

playwright_version="1.65.1" # the same as npm/test/project.json
axe_version="4.14.1"        # axe-core: the accessibility checks of the tests

build_flag=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build_flag=(--no-build) ;;
        -h | --help) usage ;;
        *) unknown_option "$arg" ;;
    esac
done


chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    say "install tools (chromium is missing)"
    bash scripts/install-tools.sh
fi

say "npm package for the page"
bash scripts/serve-www.sh --prepare ${build_flag[@]+"${build_flag[@]}"}

tools="$repo_root/target/www-test"
installed() { node -p "try { require('$tools/node_modules/$1/package.json').version } catch { '' }"; }
if [ "$(installed playwright-core)" != "$playwright_version" ] || [ "$(installed axe-core)" != "$axe_version" ]; then
    say "installing playwright-core@$playwright_version and axe-core@$axe_version into target/www-test"
    mkdir -p "$tools"
    [ -f "$tools/package.json" ] || echo '{"private": true, "name": "contactkit-www-tests"}' >"$tools/package.json"
    (cd "$tools" && npm install --no-audit --no-fund --prefer-offline --loglevel=error \
        "playwright-core@$playwright_version" "axe-core@$axe_version")
fi

say "static server"
log="$(mktemp "${TMPDIR:-/tmp}/test-www-server.XXXXXX")"
STATIC_SERVER_QUIET=1 node www/tests/static-server.mjs --root www --host 127.0.0.1 --port 0 >"$log" 2>&1 &
server_pid=$!
cleanup() {
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    rm -f "$log"
}
trap cleanup EXIT
url=""
for _ in $(seq 1 100); do
    url="$(sed -n 's/^listening //p' "$log")"
    [ -n "$url" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "test-www: the static server did not start:" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "test-www: the static server did not report its address" >&2
    exit 1
fi
echo "serving www/ at $url"

artifacts="${ARTIFACTS_DIR:-$repo_root/artifacts/www}"
mkdir -p "$artifacts"
rm -f "$artifacts"/*.png "$artifacts"/*.json # only this run's screenshots and figures
say "browser tests (headless $("$chromium" --version 2>/dev/null || echo chromium))"
status=0
WWW_URL="$url" PLAYWRIGHT_CORE_DIR="$tools" ARTIFACTS_DIR="$artifacts" CHROMIUM_PATH="$chromium" \
    node --test --test-concurrency=1 --test-reporter=./www/tests/reporter.mjs www/tests/*.test.mjs || status=$?
echo "screenshots: $artifacts/"
exit "$status"
