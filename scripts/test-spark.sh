#!/usr/bin/env bash
# Runs the PySpark job examples/spark/convert.py under local Spark (local[2], several
# partitions) on generated Help Scout records with hostile lines mixed in, and checks it against
# a single-machine `contactkit convert` of the same file:
#   - every input line has exactly one envelope (the job checks it per partition), and
#     converted + rejected = records;
#   - the payloads, reject lines and report lines equal the single-machine --output, --rejects
#     and --report byte for byte;
#   - the hostile lines are what they should be: a record with a bare carriage return in its
#     whitespace, or after a byte order mark, is converted; a record that is not UTF-8 is
#     rejected; BOM-only, blank, CR-only and whitespace-only lines are no records; NBSP-only and
#     form-feed-only lines, invalid JSON, a JSON array and an over-long line are rejected.
# Hostile lines start partitions too (the job's split size is known, so are their starts).
# Then it runs the recipe of docs/SCALE-OUT.md as written there (its Python block and the shell
# commands that split the envelopes) and compares its payloads with the same run.
#
#   scripts/test-spark.sh [--records N] [--split-bytes B] [--master M] [--release] [--keep DIR]
#
#   --records N      generated records (default 3000)
#   --split-bytes B  Spark's input split size, spark.sql.files.maxPartitionBytes (default 131072)
#   --master M       Spark master (default local[2]; 'local-cluster[2,1,1024]' starts executors
#                    in JVMs of their own, each in its own working directory, as on other hosts)
#   --release        use a release build of contactkit (default: the debug build)
#   --keep DIR       work in DIR and keep it (default: a temporary directory, removed)
#
# It installs what it needs first (scripts/install-tools.sh --with-spark: Java, PySpark).
set -euo pipefail
cd "$(dirname "$0")/.."

records=3000
split_bytes=131072
profile=debug
master='local[2]'
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --records) records="$2"; shift 2 ;;
        --split-bytes) split_bytes="$2"; shift 2 ;;
        --master) master="$2"; shift 2 ;;
        --release) profile=release; shift ;;
        --keep) keep="$2"; shift 2 ;;
        -h | --help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "test-spark: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
done

say() { printf 'test-spark: %s\n' "$*"; }
fail() { printf 'test-spark: FAILED: %s\n' "$*" >&2; exit 1; }

bash scripts/install-tools.sh --no-browser --with-spark
began=$(date +%s)
PYSPARK_VERSION="$(sed -n 's/^PYSPARK_VERSION="\(.*\)"$/\1/p' scripts/install-tools.sh)"
SPARK_VENV="${SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/contactkit/pyspark-$PYSPARK_VERSION}"
python="$SPARK_VENV/bin/python"
export PYSPARK_PYTHON="$python" PYSPARK_DRIVER_PYTHON="$python"

cargo_flags=()
[ "$profile" = release ] && cargo_flags=(--release)
cargo build --quiet ${cargo_flags[@]+"${cargo_flags[@]}"} -p contactkit-cli -p contactkit-datagen
# Cargo honours CARGO_TARGET_DIR (.ci/run builds outside the copy it tests).
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
bin="$target_dir/$profile/contactkit"

if [ -n "$keep" ]; then
    rm -rf "$keep"
    mkdir -p "$keep"
    work="$(cd "$keep" && pwd)"
else
    work="$(mktemp -d "${TMPDIR:-/tmp}/contactkit-spark.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
fi

# 1. Input: generated records, hostile lines at the start of every partition and in between.
"$target_dir/$profile/contactkit-datagen" --vendor helpscout --count "$records" --seed 12 \
    --invalid-share 0.1 >"$work/generated.ndjson"
"$python" - "$work/generated.ndjson" "$work/input.ndjson" "$split_bytes" <<'PY'
import sys

generated, target, split = sys.argv[1], sys.argv[2], int(sys.argv[3])
good = lambda name: (
    '{"firstName":"%s","emails":[{"type":"work","value":"%s@example.com"}]}' % (name, name.lower())
).encode()
HOSTILE = [
    b"\xef\xbb\xbf",                                                  # BOM only
    "\u00a0".encode(),                                                # NBSP only
    b"",                                                              # blank
    b"\xef\xbb\xbf" + good("Marked"),                                 # BOM, then a record
    b" \t ",                                                          # whitespace only
    good("Bare").replace(b',"emails"', b',\r"emails"'),               # bare CR in whitespace
    b'{"firstName":"Ad\xffa","emails":[{"type":"work","value":"utf8@example.com"}]}',
    b"\x0c",                                                          # form feed only
    b'{"firstName": "Ada", "emails": [',                              # invalid JSON
    b"\r",                                                            # CR only (blank)
    b'[{"firstName":"Ada"}]',                                         # a JSON array line
    b'{"firstName":"Long","background":"' + b"x" * 9000 + b'"}',      # over --max-record-bytes
    b'{"__proto__":{"admin":true},"firstName":"Proto","emails":[{"type":"work","value":"proto@example.com"}],"constructor":{"prototype":{"x":1}}}',
    good("Crlf") + b"\r",                                             # a CRLF line
]
out = bytearray()
placed = 0
next_split = split
with open(generated, "rb") as f:
    lines = f.read().split(b"\n")[:-1]
for i, line in enumerate(lines):
    # The first line that starts after a split boundary is the first line of a partition.
    if len(out) > next_split:
        out += HOSTILE[placed % len(HOSTILE)] + b"\n"
        placed += 1
        next_split += split
    if i % 97 == 50:
        out += HOSTILE[i % len(HOSTILE)] + b"\n"
    out += line + b"\n"
# Every hostile line once more at the end; the last line has no line feed.
for h in HOSTILE:
    out += h + b"\n"
out += good("Last")
open(target, "wb").write(out)
print(f"test-spark: {placed} partition starts hold a hostile line")
PY
lines="$(($(wc -l <"$work/input.ndjson") + 1))"

# 2. One machine.
args=(--from helpscout --to intercom)
limit=--max-record-bytes=8KiB
set +e
"$bin" convert "${args[@]}" "$limit" --ndjson --quiet "$work/input.ndjson" --output "$work/single-payloads.ndjson" \
    --rejects "$work/single-rejects.ndjson" --report "$work/single-report.ndjson" 2>"$work/single.log"
code=$?
set -e
[ "$code" -eq 1 ] || { cat "$work/single.log" >&2; fail "single-machine run exited $code, expected 1 (some records are rejected)"; }

# 3. Spark.
say "running examples/spark/convert.py under $master (PySpark $PYSPARK_VERSION)"
start=$(date +%s%N)
"$python" examples/spark/convert.py "${args[@]}" --arg="$limit" --binary "$bin" --master "$master" \
    --max-partition-bytes "$split_bytes" --conf spark.ui.enabled=false \
    --conf spark.driver.extraJavaOptions=-Dlog4j2.level=ERROR \
    "$work/input.ndjson" "$work/spark" >"$work/spark.out" 2>"$work/spark.log" \
    || { tail -40 "$work/spark.log" >&2; fail "the Spark job failed (log: $work/spark.log)"; }
job_seconds="$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
summary="$(tail -1 "$work/spark.out")"
say "summary: $summary"

# 4. Checks.
for kind in payloads rejects report; do
    cat "$work/spark/$kind"/part-* >"$work/spark-$kind.ndjson"
    cmp "$work/single-$kind.ndjson" "$work/spark-$kind.ndjson" \
        || fail "Spark's $kind differ from the single-machine run's"
done
"$python" - "$work" "$lines" "$split_bytes" "$summary" <<'PY'
import json, math, os, sys

work, lines, split, summary = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
count = lambda name: sum(1 for _ in open(os.path.join(work, name), "rb"))
payloads, rejects = count("single-payloads.ndjson"), count("single-rejects.ndjson")
log = open(os.path.join(work, "single.log")).read()
read = int(log.split("contactkit: ")[1].split(" record")[0])
size = os.path.getsize(os.path.join(work, "input.ndjson"))
checks = [
    ("every input line has an envelope", summary["lines"] == lines),
    ("records as one machine reads them", summary["records"] == read),
    ("converted + rejected = records", summary["converted"] + summary["rejected"] == read),
    ("payload lines + reject lines = records", payloads + rejects == read),
    ("converted = payload lines", summary["converted"] == payloads),
    ("lines = records + skipped lines", summary["records"] + summary["skipped_lines"] == lines),
    ("one partition per split", summary["partitions"] == math.ceil(size / split)),
    ("several partitions", summary["partitions"] >= 4),
]
text = open(os.path.join(work, "single-payloads.ndjson"), encoding="utf-8").read()
for who in ["marked", "bare", "proto", "crlf", "last"]:
    checks.append((f"the {who} record is converted", f'"{who}@example.com"' in text))
checks.append(("the record that is not UTF-8 is rejected", '"utf8@example.com"' not in text))
reasons = open(os.path.join(work, "single-rejects.ndjson"), encoding="utf-8").read()
for reason in ["more than the limit of 8192 bytes", "must be an object"]:
    checks.append((f"a reject says {reason!r}", reason in reasons))
checks.append(("a reject says a record is not UTF-8", "invalid unicode code point" in reasons))
failed = [name for name, ok in checks if not ok]
for name, ok in checks:
    print(f"test-spark: {'ok  ' if ok else 'FAIL'} {name}")
sys.exit(1 if failed else 0)
PY
# 5. The recipe in docs/SCALE-OUT.md, as written: its Python block, then its shell block.
say "running the recipe of docs/SCALE-OUT.md under $master"
recipe="$work/recipe"
mkdir -p "$recipe/target/release"
cp "$bin" "$recipe/target/release/contactkit"
cp "$work/input.ndjson" "$recipe/customers.ndjson"
"$python" - docs/SCALE-OUT.md "$recipe" <<'PY'
import re, sys

doc = open(sys.argv[1], encoding="utf-8").read()
after = doc.split("<!-- scripts/test-spark.sh runs the block below -->", 1)[1]
python = re.search(r"```python\n(.*?)```", after, re.S).group(1)
shell = re.search(r"```sh\n(.*?)```", after, re.S).group(1)
open(f"{sys.argv[2]}/recipe.py", "w").write(python)
open(f"{sys.argv[2]}/split.sh", "w").write(shell)
PY
submit=(--master "$master" --conf "spark.sql.files.maxPartitionBytes=$split_bytes"
    --conf spark.ui.enabled=false pyspark-shell)
(
    cd "$recipe"
    PYSPARK_SUBMIT_ARGS="${submit[*]}" "$python" recipe.py >recipe.log 2>&1 \
        || { tail -40 recipe.log >&2; fail "the recipe failed (log: $recipe/recipe.log)"; }
    bash split.sh
) || exit 1
cmp "$work/single-payloads.ndjson" "$recipe/intercom.ndjson" \
    || fail "the recipe's payloads differ from the single-machine run's"
[ "$(wc -l <"$recipe/rejects.ndjson")" -eq "$(wc -l <"$work/single-rejects.ndjson")" ] \
    || fail "the recipe's rejects are not the single-machine run's"
[ "$(cat "$recipe"/envelopes/part-* | wc -l)" -eq "$lines" ] \
    || fail "the recipe's envelopes are not one per input line"
say "ok   the recipe of docs/SCALE-OUT.md: payloads byte-identical, one envelope per line"

records_read="$(sed -n 's/^contactkit: \([0-9]*\) records\{0,1\} read.*/\1/p' "$work/single.log")"
partitions="$(printf '%s' "$summary" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["partitions"])')"
say "ok: $lines lines, $records_read records, $partitions partitions, $master; Spark job" \
    "${job_seconds}s, whole test $(($(date +%s) - began))s after installing" \
    "(payloads, rejects and report byte-identical to one machine)"
