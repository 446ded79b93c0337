#!/usr/bin/env bash
# Spark against one machine, side by side: examples/spark/convert.py under local Spark against
# `contactkit convert --threads T` on the same generated file of Help Scout records, writing the
# same three outputs (payloads, rejects, report). Not part of the test suite.
#
#   bash bench/spark.sh [--count N] [--seed S] [--rounds R] [--master M] [--threads T]
#                       [--partitions P]
#
# Builds contactkit in release, generates N (default 200000) Help Scout records (seed S,
# default 7, 10% invalid), then runs the two R times (default 3) in alternation, each time
# checking that Spark's outputs equal the single machine's byte for byte, and prints the median
# wall time of each (whole process: Spark's includes starting its JVM), records per second, and
# the ratio. Spark runs with master M (default local[2]) over P input splits (default 8);
# the single machine with --threads T (default 2). Each round also runs the Spark job on the
# first 100 records alone: its fixed cost (starting Spark, the tasks, writing), which the last
# line subtracts to give Spark's throughput once running.
set -euo pipefail
cd "$(dirname "$0")/.."

count=200000
seed=7
rounds=3
master='local[2]'
threads=2
partitions=8
while [ $# -gt 0 ]; do
    case "$1" in
        --count) count=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --master) master=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --partitions) partitions=$2; shift 2 ;;
        -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "spark.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

say() { printf '==> %s\n' "$*" >&2; }

bash scripts/install-tools.sh --no-browser --with-spark >/dev/null
pyspark_version="$(sed -n 's/^PYSPARK_VERSION="\(.*\)"$/\1/p' scripts/install-tools.sh)"
venv="${SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/contactkit/pyspark-$pyspark_version}"
python="$venv/bin/python"
export PYSPARK_PYTHON="$python" PYSPARK_DRIVER_PYTHON="$python"

target="${CARGO_TARGET_DIR:-$PWD/target}"
say "building (release): contactkit-cli, contactkit-datagen"
cargo build --release --quiet -p contactkit-cli -p contactkit-datagen
bin="$target/release/contactkit"
work="$target/bench-spark"
rm -rf "$work"
mkdir -p "$work"
data="$work/helpscout-$count-$seed.ndjson"
"$target/release/contactkit-datagen" --vendor helpscout --count "$count" --seed "$seed" \
    --invalid-share 0.1 >"$data"
size=$(wc -c <"$data")
head -100 "$data" >"$work/small.ndjson"
split=$(((size + partitions - 1) / partitions))
say "$count records, $size bytes, $partitions splits of $split bytes; $(nproc) cores; $rounds rounds"

now() { date +%s%N; }
# Runs the Spark job on $1 into $2 with splits of $3 bytes.
spark_job() {
    "$python" examples/spark/convert.py --from helpscout --to intercom --binary "$bin" \
        --master "$master" --max-partition-bytes "$3" --conf spark.ui.enabled=false \
        "$1" "$2" >"$work/spark.out" 2>"$work/spark.log" \
        || { tail -20 "$work/spark.log" >&2; exit 1; }
}
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
single=()
spark=()
small=()
for round in $(seq "$rounds"); do
    rm -rf "$work/single" "$work/spark" "$work/spark-small"
    mkdir -p "$work/single"
    start=$(now)
    "$bin" convert --from helpscout --to intercom --ndjson --threads "$threads" --quiet "$data" \
        --output "$work/single/payloads" --rejects "$work/single/rejects" \
        --report "$work/single/report" 2>/dev/null || [ $? -eq 1 ]
    single+=("$(($(now) - start))")
    start=$(now)
    spark_job "$work/small.ndjson" "$work/spark-small" 4096
    small+=("$(($(now) - start))")
    start=$(now)
    spark_job "$data" "$work/spark" "$split"
    spark+=("$(($(now) - start))")
    for kind in payloads rejects report; do
        cat "$work/spark/$kind"/part-* | cmp - "$work/single/$kind" \
            || { echo "spark.sh: Spark's $kind differ from one machine's" >&2; exit 1; }
    done
    secs() { awk -v n="$1" 'BEGIN { printf "%.2f", n / 1e9 }'; }
    say "round $round: one machine $(secs "${single[-1]}") s, Spark $(secs "${spark[-1]}") s" \
        "(100 records: $(secs "${small[-1]}") s); outputs identical"
done
partitions_run="$("$python" -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().splitlines()[-1])["partitions"])' "$work/spark.out")"

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms=$(median "${single[@]}")
mk=$(median "${spark[@]}")
m0=$(median "${small[@]}")
awk -v count="$count" -v ms="$ms" -v mk="$mk" -v m0="$m0" -v rounds="$rounds" \
    -v master="$master" -v threads="$threads" -v parts="$partitions_run" -v size="$size" \
    -v cores="$(nproc)" -v version="$pyspark_version" -v load="$load_before" \
    -v load2="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
    printf "%d Help Scout records (%d bytes), helpscout -> intercom, payloads + rejects + report; %d cores (load average %s before, %s after); median of %d rounds in alternation; outputs byte-identical in every round\n\n", count, size, cores, load, load2, rounds
    printf "| run | median wall time (s) | records/s |\n|---|---:|---:|\n"
    printf "| contactkit convert --threads %d | %.2f | %.0f |\n", threads, ms / 1e9, count / (ms / 1e9)
    printf "| PySpark %s %s, %d partitions (examples/spark/convert.py) | %.2f | %.0f |\n", version, master, parts, mk / 1e9, count / (mk / 1e9)
    printf "| the same job on 100 records (its fixed cost) | %.2f | |\n", m0 / 1e9
    printf "\nSpark / one machine: %.1fx the wall time; without Spark'"'"'s fixed cost, %.1fx (%.0f records/s)\n", mk / ms, (mk - m0) / ms, count / ((mk - m0) / 1e9)
}'
