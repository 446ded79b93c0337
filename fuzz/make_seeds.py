#!/usr/bin/env python3
"""Writes the initial seed corpora (fuzz/corpus/<target>/) from examples/data and the fixture
suite. The committed corpora are these seeds merged with what fuzzing found, minimised with
`cargo fuzz cmin`; re-running this script only adds files."""
import hashlib, json, os, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
FORMATS = ["sequence", "intercom", "bird", "helpscout", "canonical"]  # Format::ALL order


def put(target, data: bytes):
    d = ROOT / "fuzz" / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def records(fmt, n):
    lines = (ROOT / "examples" / "data" / f"{fmt}.ndjson").read_text().splitlines()
    return [l.encode() for l in lines[:n]]


for i, fmt in enumerate(FORMATS):
    for rec in records(fmt, 4):
        put("validate", bytes([i]) + rec)
    for f in sorted((ROOT / "tests" / "fixtures" / fmt).glob("*.json")):
        payload = json.loads(f.read_text())["payload"]
        text = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        put("validate", bytes([i]) + text)
    for rec in records(fmt, 3):
        for j in range(len(FORMATS)):
            put("convert", bytes([i * 5 + j]) + rec)
            put("convert", bytes([25 + i * 5 + j]) + rec)  # lenient

for extra in [b"", b"{}", b"[]", b"null", b'{"a":', b'"\\ud800"', b"1e999", b"-0",
              b"18446744073709551616", b'{"a":1,"a":2}', b"\xef\xbb\xbf{}", b'{"\x00":"\xff"}']:
    for i in range(len(FORMATS)):
        put("validate", bytes([i]) + extra)

ndjson = b"\n".join(records("helpscout", 3)) + b"\r\n\n  \n{bad\n[1,2]\n\"s\"\n"
array = b"[" + b",\n ".join(records("intercom", 3)) + b"]\n"
for a, b, text in [
    (0, 0x00, ndjson), (0, 0x35, ndjson), (12, 0x21, ndjson), (0x20, 0x10, array),
    (0, 0x00, array), (0, 0x52, array), (9, 0x13, array), (0, 0, b"\xef\xbb\xbf" + array),
    (0, 0, b"[1,,2,]"), (0, 0, b'[{"a": "x,]\\"}"}, [1, [2]] ,\n "s" ]'), (0, 0, b"[1] [2]"),
    (0, 0, b"[{\"a\":1}, {\"b\":"), (0, 0, b"\xef\xbbx"), (3, 0x11, b"{}\n" + b"x" * 40 + b"\n{}"),
]:
    put("reader", bytes([a, b]) + text)
