#!/usr/bin/env bash
# Side-by-side benchmark (issue 7): contactkit against the JSON-parse floor, the jsonschema crate
# and ajv on one generated file of Help Scout records.
#
#   bash bench/compare.sh [--count N] [--seed S] [--rounds R] [--big] [--markdown FILE]
#
# Builds everything in release, generates N (default 100000) Help Scout records with
# contactkit-datagen (seeded, 10% invalid), then runs every contender R times (default 5) in
# alternation (round 1: all contenders, round 2: all contenders, ...), and prints the median
# wall time of each with its ratio to the floor, followed by the targets of issue 7.
# It FAILS (exit 1) when the validators do not agree on the number of valid records, after
# printing the records that differ (bench-diff).
# --big also measures peak memory (/usr/bin/time -v) of validate and convert on a >= 1 GiB
# input made by repeating the file (slow: about a minute per command and GiB).
# --markdown FILE also writes the tables as Markdown (for BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

COUNT=100000
SEED=7
ROUNDS=5
BIG=0
MARKDOWN=
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --big) BIG=1; shift ;;
    --markdown) MARKDOWN=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET/release
WORK=$TARGET/compare
mkdir -p "$WORK"
SCHEMA=$ROOT/schemas/helpscout.schema.json
CORES=$(nproc)

say() { printf '==> %s\n' "$*" >&2; }

say "building (release): contactkit-cli, contactkit-datagen, contactkit-bench"
cargo build --release --quiet -p contactkit-cli -p contactkit-datagen -p contactkit-bench
if [ ! -d bench/ajv/node_modules/ajv ]; then
  say "installing ajv (npm ci in bench/ajv)"
  (cd bench/ajv && npm ci --no-audit --no-fund --loglevel=error)
fi

DATA=$WORK/helpscout-$COUNT-$SEED.ndjson
say "generating $COUNT Help Scout records (seed $SEED, 10% invalid) -> $DATA"
"$BIN/contactkit-datagen" --vendor helpscout --count "$COUNT" --seed "$SEED" --invalid-share 0.1 > "$DATA"
say "$(wc -c < "$DATA") bytes, $(grep -c . "$DATA") records; $CORES cores; $ROUNDS rounds"

CK=$BIN/contactkit
# name|kind|command (kind: parse = floor, check = validator whose count must agree, run = other).
# The targets below read the medians by position: keep the order. The last row is for diagnosis:
# the library's validator in a plain loop, i.e. validate --threads 1 without the CLI around it.
CONTENDERS=(
  "floor|parse|$BIN/bench-floor $DATA"
  "jsonschema|check|$BIN/bench-jsonschema $DATA --schema $SCHEMA"
  "ajv|check|node $ROOT/bench/ajv/run.mjs $DATA $SCHEMA"
  "validate --threads 1|check|$CK validate --vendor helpscout --summary --threads 1 $DATA"
  "validate --threads $CORES|check|$CK validate --vendor helpscout --summary --threads $CORES $DATA"
  "convert --threads 1|run|$CK convert --from helpscout --to intercom --threads 1 $DATA"
  "convert --threads $CORES|run|$CK convert --from helpscout --to intercom --threads $CORES $DATA"
  "(library: Validator::validate_slice loop)|check|$BIN/bench-contactkit $DATA"
)

# Runs contender $1 once: stdout to $WORK/out.$i (converts: /dev/null), stderr to $WORK/err.$i;
# prints the wall time in seconds. Exit statuses 0 and 1 (invalid records) are fine.
run_once() {
  local i=$1 kind=$2 cmd=$3 out start end status
  out=$WORK/out.$i
  [ "$kind" = run ] && out=/dev/null
  start=$(date +%s%N)
  status=0
  $cmd > "$out" 2> "$WORK/err.$i" || status=$?
  end=$(date +%s%N)
  if [ "$status" -gt 1 ]; then
    echo "compare.sh: '$cmd' failed with status $status:" >&2
    cat "$WORK/err.$i" >&2
    exit 1
  fi
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f\n", (b - a) / 1e9 }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The "valid" count of a summary object {"records": M, "valid": N, ...}.
valid_of() { sed -n 's/.*"valid": *\([0-9]*\).*/\1/p' "$1" | tail -n 1; }

declare -A TIMES
for round in $(seq 1 "$ROUNDS"); do
  line="round $round:"
  for i in "${!CONTENDERS[@]}"; do
    IFS='|' read -r name kind cmd <<< "${CONTENDERS[$i]}"
    t=$(run_once "$i" "$kind" "$cmd")
    TIMES[$i]="${TIMES[$i]:-} $t"
    line="$line $name=${t}s"
  done
  say "$line"
  if [ "$round" = 1 ]; then
    # Agreement: every validator must count the same valid records.
    expected=
    agree=1
    report=
    for i in "${!CONTENDERS[@]}"; do
      IFS='|' read -r name kind cmd <<< "${CONTENDERS[$i]}"
      case "$kind" in
        parse) report="$report $name: $(cat "$WORK/out.$i");" ;;
        check)
          v=$(valid_of "$WORK/out.$i")
          report="$report $name: valid=$v;"
          if [ -z "$v" ]; then agree=0; elif [ -z "$expected" ]; then expected=$v; elif [ "$v" != "$expected" ]; then agree=0; fi
          ;;
        run) report="$report $name: $(tail -n 1 "$WORK/err.$i");" ;;
      esac
    done
    say "counts:$report"
    if [ "$agree" != 1 ]; then
      say "VALIDATORS DISAGREE on the number of valid records; the records that differ:"
      node "$ROOT/bench/ajv/run.mjs" "$DATA" "$SCHEMA" --verdicts > "$WORK/ajv.verdicts"
      "$CK" validate --vendor helpscout --threads 1 "$DATA" > "$WORK/cli.verdicts" || true
      "$BIN/bench-diff" "$DATA" --schema "$SCHEMA" --other "ajv=$WORK/ajv.verdicts" \
        --other "contactkit-cli=$WORK/cli.verdicts" --limit 20 || true
      echo "compare.sh: FAILED: the validators do not agree (see above)" >&2
      exit 1
    fi
  fi
done

declare -A MEDIAN
for i in "${!CONTENDERS[@]}"; do
  MEDIAN[$i]=$(printf '%s\n' ${TIMES[$i]} | median)
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
floor=${MEDIAN[0]}

table="| contender | median wall time (s) | × floor | runs (s) |
|---|---:|---:|---|"
for i in "${!CONTENDERS[@]}"; do
  IFS='|' read -r name kind cmd <<< "${CONTENDERS[$i]}"
  table="$table
| $name | ${MEDIAN[$i]} | $(ratio "${MEDIAN[$i]}" "$floor") | $(echo ${TIMES[$i]} | tr ' ' ',' ) |"
done

# Targets of issue 7: "value op limit" checks.
check() { awk -v v="$2" -v l="$4" -v op="$3" 'BEGIN { ok = (op == "<=") ? v <= l : v >= l; print (ok ? "met" : "MISSED") }'; }
v1=${MEDIAN[3]}; vn=${MEDIAN[4]}; c1=${MEDIAN[5]}; cn=${MEDIAN[6]}
r_floor=$(ratio "$v1" "$floor"); r_js=$(ratio "${MEDIAN[1]}" "$v1"); r_ajv=$(ratio "${MEDIAN[2]}" "$v1")
r_conv=$(ratio "$c1" "$floor"); r_vpar=$(ratio "$vn" "$v1"); r_cpar=$(ratio "$cn" "$c1")
targets="| target | measured | result |
|---|---:|---|
| validate --threads 1 ≤ 1.5× floor | ${r_floor}× | $(check x "$r_floor" "<=" 1.5) |
| validate --threads 1 ≥ 3× faster than jsonschema | ${r_js}× | $(check x "$r_js" ">=" 3) |
| validate --threads 1 ≥ 7× faster than ajv | ${r_ajv}× | $(check x "$r_ajv" ">=" 7) |
| convert helpscout→intercom --threads 1 ≤ 3× floor | ${r_conv}× | $(check x "$r_conv" "<=" 3) |
| validate all cores ≤ 0.6× --threads 1 ($CORES cores) | ${r_vpar}× | $(check x "$r_vpar" "<=" 0.6) |
| convert all cores ≤ 0.6× --threads 1 ($CORES cores) | ${r_cpar}× | $(check x "$r_cpar" "<=" 0.6) |"

input="$COUNT Help Scout records (seed $SEED, 10% invalid), $(wc -c < "$DATA") bytes; $ROUNDS rounds in alternation; $CORES cores; all validators agree: $expected valid"
echo
echo "$input"
echo
echo "$table"
echo
echo "$targets"

memory=
if [ "$BIG" = 1 ]; then
  BIGDATA=$WORK/helpscout-big.ndjson
  size=$(wc -c < "$DATA")
  copies=$(( (1073741824 + size - 1) / size ))
  say "building a >= 1 GiB input: $copies copies of the file -> $BIGDATA"
  : > "$BIGDATA"
  for _ in $(seq 1 "$copies"); do cat "$DATA" >> "$BIGDATA"; done
  memory="| command (input $(wc -c < "$BIGDATA") bytes) | peak RSS (MiB) | wall time (s) | ≤ 64 MiB |
|---|---:|---:|---|"
  for cmd in "validate --vendor helpscout --summary --threads $CORES" "convert --from helpscout --to intercom --threads $CORES"; do
    say "peak memory: contactkit $cmd"
    status=0
    /usr/bin/time -v "$CK" $cmd "$BIGDATA" > /dev/null 2> "$WORK/time.txt" || status=$?
    if [ "$status" -gt 1 ]; then cat "$WORK/time.txt" >&2; exit 1; fi
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$WORK/time.txt")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): *//p' "$WORK/time.txt")
    mib=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
    memory="$memory
| contactkit $cmd | $mib | $wall | $(check x "$mib" "<=" 64) |"
  done
  rm -f "$BIGDATA"
  echo
  echo "$memory"
fi

if [ -n "$MARKDOWN" ]; then
  {
    echo "$input."
    echo
    echo "$table"
    echo
    echo "$targets"
    if [ -n "$memory" ]; then echo; echo "$memory"; fi
  } > "$MARKDOWN"
  say "wrote $MARKDOWN"
fi
