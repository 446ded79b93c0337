#!/usr/bin/env python3
"""Convert contact records with contactkit under Apache Spark (PySpark 4.x).

    spark-submit examples/spark/convert.py --from helpscout --to intercom \\
        --binary target/release/contactkit s3://bucket/helpscout.ndjson s3://bucket/intercom/

writes, under the output directory,

    payloads/part-*   the converted payloads, one per line
    rejects/part-*    the reject lines {"record": N, "stage": ..., "issues": [...]}
    report/part-*     the report lines {"record": N, "notes": [...]}
    summary/part-*    one JSON line: lines, records, converted, rejected, skipped, partitions

and prints the summary. For one input file, the part files of each directory, concatenated in
order, are byte for byte what one machine writes with

    contactkit convert --from helpscout --to intercom --ndjson helpscout.ndjson \\
        --output payloads.ndjson --rejects rejects.ndjson --report report.ndjson

(records numbered across the whole file, as there). The job is a test of the repository
(scripts/test-spark.sh runs it under local Spark and compares). How it stays exact, and the
Scala version, are in docs/SCALE-OUT.md:

- Lines are read as bytes (Spark's text source with lineSep "\\n", cast to binary): Spark's
  default reader also ends lines at a bare carriage return, which JSON allows inside a
  record, and Python strings cannot carry bytes that are not UTF-8. Each line is handed to
  contactkit as the Base64 of its bytes (`--input-encoding base64-lines`), so contactkit reads
  exactly what a single-machine run reads.
- `RDD.pipe` runs one contactkit per partition with `--envelope`: exactly one output line per
  input line, blank lines included, so nothing needs filtering and nothing can shift.
- The payload, reject and report lines are cut out of each envelope as text, never parsed and
  re-serialised, and record numbers are made global from each partition's record count.
- The binary is shipped with `SparkContext.addFile` and its path is asked of the executors:
  on a cluster their file root is their working directory (so the path is `./contactkit`,
  valid on every host); in local mode the executor is the driver and the root is its temporary
  directory. A path computed on the driver alone would be wrong on other hosts.
"""

import argparse
import base64
import json
import os
import shlex
import sys
import time

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Convert contact records with contactkit under Spark (RDD.pipe).",
    )
    parser.add_argument("input", nargs="+", help="NDJSON file(s): local paths, hdfs://, s3a://, ...")
    parser.add_argument("output", help="output directory (must not exist)")
    parser.add_argument("--from", dest="source", required=True, help="contactkit --from")
    parser.add_argument("--to", dest="target", required=True, help="contactkit --to")
    parser.add_argument(
        "--binary",
        required=True,
        help="the contactkit binary for the executors' platform (shipped with addFile)",
    )
    parser.add_argument(
        "--arg",
        dest="extra",
        action="append",
        default=[],
        metavar="ARG",
        help="one more contactkit option, e.g. --arg=--lenient --arg=--max-record-bytes=8KiB",
    )
    parser.add_argument("--master", help="Spark master (default: spark-submit's, or local[*])")
    parser.add_argument(
        "--max-partition-bytes",
        type=int,
        help="spark.sql.files.maxPartitionBytes: the size of an input split",
    )
    parser.add_argument(
        "--conf",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a Spark configuration setting (repeatable)",
    )
    return parser.parse_args(argv)


# --- The envelope, read as text ----------------------------------------------------------
#
# contactkit convert --envelope writes, for each input line, one of
#   {"line":L,"record":N,"ok":true,"notes":[...],"payload":{...}}
#   {"line":L,"record":N,"ok":false,"stage":"source"|"target","issues":[...]}
#   {"line":L,"ok":true,"skipped":"blank"|"bom"}
# in this member order, the payload last and written exactly as --output writes it; after
# "ok":false, the line reads as the reject line does after "record":N. JSON text cannot hold
# ',"payload":' inside a string (a quote there is escaped), and no member before the payload
# is named so: the first occurrence is the member.

OK_NOTES = '"ok":true,"notes":'
PAYLOAD = ',"payload":'
REJECTED = '"ok":false,'
SKIPPED = '"ok":true,"skipped":'


class EnvelopeError(RuntimeError):
    """An output line of contactkit that is not an envelope: a bug, never data."""


def parse_envelope(text):
    """Returns (line, record or None, kind, a, b): for kind "ok", a = notes and b = payload
    text; for "rejected", a = the reject line after its record member; for "skipped", nothing.
    """
    if not text.startswith('{"line":'):
        raise EnvelopeError(f"not an envelope: {text[:80]!r}")
    comma = text.index(",", 8)
    line = int(text[8:comma])
    rest = text[comma + 1 :]
    if rest.startswith(SKIPPED):
        return line, None, "skipped", None, None
    if not rest.startswith('"record":'):
        raise EnvelopeError(f"not an envelope: {text[:80]!r}")
    comma = rest.index(",")
    record = int(rest[9:comma])
    rest = rest[comma + 1 :]
    if rest.startswith(OK_NOTES):
        at = rest.index(PAYLOAD)
        return line, record, "ok", rest[len(OK_NOTES) : at], rest[at + len(PAYLOAD) : -1]
    if rest.startswith(REJECTED):
        return line, record, "rejected", rest[len(REJECTED) :], None
    raise EnvelopeError(f"not an envelope: {text[:80]!r}")


COUNTS = ("lines", "records", "converted", "source", "target", "skipped")


def tally(index, envelopes):
    """Counts one partition's envelopes, checking that they follow its lines one to one."""
    counts = dict.fromkeys(COUNTS, 0)
    for text in envelopes:
        line, record, kind, a, _ = parse_envelope(text)
        counts["lines"] += 1
        if line != counts["lines"]:
            raise EnvelopeError(
                f"partition {index}: output line {counts['lines']} is about input line {line}"
            )
        if kind == "skipped":
            counts["skipped"] += 1
            continue
        counts["records"] += 1
        if record != counts["records"]:
            raise EnvelopeError(f"partition {index}: record {record} out of order")
        if kind == "ok":
            counts["converted"] += 1
        elif a.startswith('"stage":"source"'):
            counts["source"] += 1
        else:
            counts["target"] += 1
    yield index, counts


def split_outputs(offsets):
    """Turns one partition's envelopes into ("payload" | "report" | "reject", line) pairs, with
    record numbers counted over the whole input."""

    def split(index, envelopes):
        first = offsets.value[index]
        for text in envelopes:
            _, record, kind, a, b = parse_envelope(text)
            if kind == "ok":
                yield "payload", b
                yield "report", '{"record":%d,"notes":%s}' % (first + record, a)
            elif kind == "rejected":
                yield "reject", '{"record":%d,%s' % (first + record, a)

    return split


# --- The job ------------------------------------------------------------------------------


def executor_path(sc, name):
    """Where the executors find a file shipped with addFile, asked of the executors."""

    def root(_):
        yield SparkFiles.getRootDirectory()

    tasks = max(sc.defaultParallelism, 1)
    roots = set(sc.parallelize(range(tasks), tasks).mapPartitions(root).collect())
    if len(roots) != 1:
        raise RuntimeError(f"the executors disagree on where shipped files are: {sorted(roots)}")
    return os.path.join(roots.pop(), name)


def encode(row):
    """One input line (its bytes) as the Base64 text line contactkit decodes."""
    return base64.b64encode(row[0]).decode("ascii")


def main(argv):
    args = parse_args(argv)
    started = time.monotonic()
    builder = SparkSession.builder.appName(f"contactkit {args.source} to {args.target}")
    if args.master:
        builder = builder.master(args.master)
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    if args.max_partition_bytes:
        builder = builder.config("spark.sql.files.maxPartitionBytes", str(args.max_partition_bytes))
    for setting in args.conf:
        key, _, value = setting.partition("=")
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    sc = spark.sparkContext

    sc.addFile(os.path.abspath(args.binary))
    binary = executor_path(sc, os.path.basename(args.binary))
    print(f"convert.py: the executors run {binary}", file=sys.stderr)
    command = shlex.join(
        [binary, "convert", "--from", args.source, "--to", args.target, "--envelope"]
        + ["--input-encoding", "base64-lines", "--threads", "1", "--quiet"]
        + args.extra
    )

    # Every line as bytes: lines end at "\n" only, nothing is decoded.
    lines = (
        spark.read.option("lineSep", "\n")
        .text(args.input)
        .select(F.col("value").cast("binary").alias("line"))
    )
    input_lines = lines.count()
    encoded = lines.rdd.map(encode)
    partitions = encoded.getNumPartitions()
    # checkCode: an exit status other than 0 (the input could not be read) fails the task.
    envelopes = encoded.pipe(command, checkCode=True).persist(StorageLevel.MEMORY_AND_DISK)

    counts = dict(envelopes.mapPartitionsWithIndex(tally).collect())
    totals = {key: sum(c[key] for c in counts.values()) for key in COUNTS}
    if totals["lines"] != input_lines:
        raise EnvelopeError(f"{input_lines} input lines but {totals['lines']} envelopes")
    offsets, first = [], 0
    for index in range(partitions):
        offsets.append(first)
        first += counts[index]["records"]
    tagged = envelopes.mapPartitionsWithIndex(split_outputs(sc.broadcast(offsets)))
    for kind, directory in [("payload", "payloads"), ("reject", "rejects"), ("report", "report")]:
        tagged.filter(lambda pair, kind=kind: pair[0] == kind).values().saveAsTextFile(
            f"{args.output.rstrip('/')}/{directory}"
        )
    envelopes.unpersist()

    summary = {
        "lines": totals["lines"],
        "records": totals["records"],
        "converted": totals["converted"],
        "rejected": totals["source"] + totals["target"],
        "rejected_source": totals["source"],
        "rejected_target": totals["target"],
        "skipped_lines": totals["skipped"],
        "partitions": partitions,
        "seconds": round(time.monotonic() - started, 2),
    }
    line = json.dumps(summary)
    sc.parallelize([line], 1).saveAsTextFile(f"{args.output.rstrip('/')}/summary")
    spark.stop()
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
