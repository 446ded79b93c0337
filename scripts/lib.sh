# shellcheck shell=bash
# The preamble the scripts in this folder share; sourced, not run:
#
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh" NAME
#
# sets repo_root (found from this file's place, so a copy of the repository works as well),
# changes into it, puts cargo's bin directory first on PATH, and defines, for the script NAME:
#   usage               prints the script's header comment (its lines 2 to the last of the first
#                       comment block, without the leading `# `) and exits 0;
#   unknown_option ARG  says "NAME: unknown option 'ARG' (try --help)" on stderr and exits 2;
#   say MESSAGE         prints "NAME: MESSAGE" (SAY_PREFIX before it: the test scripts set
#                       SAY_PREFIX=$'\n==> ' to mark their steps);
#   fail MESSAGE        says "NAME: MESSAGE" on stderr and exits 1.
script_name="$1"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

usage() {
    awk 'NR > 1 && !/^#/ { exit } NR > 1' "$0" | sed 's/^# \{0,1\}//'
    exit 0
}

unknown_option() {
    echo "$script_name: unknown option '$1' (try --help)" >&2
    exit 2
}

say() { printf '%s%s: %s\n' "${SAY_PREFIX:-}" "$script_name" "$*"; }

fail() {
    echo "$script_name: $*" >&2
    exit 1
}
