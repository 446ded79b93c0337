// ajv as a contender in bench/compare.sh: JSON.parse + a compiled draft 2020-12 validator
// (ajv/dist/2020, formats from ajv-formats) on each NDJSON record.
//
//   node run.mjs FILE SCHEMA.json            -> {"records": N, "valid": V, "invalid": K}
//   node run.mjs FILE SCHEMA.json --verdicts -> one line per record: 1 (valid) or 0 (invalid)
//
// Records are read the way the contactkit CLI reads them: blank lines are skipped and not
// counted; a line that is not JSON is invalid. The file is read in 1 MiB chunks, so memory does
// not grow with the input.
import { openSync, readSync, readFileSync, closeSync, writeSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [file, schemaPath, ...flags] = process.argv.slice(2);
if (!file || !schemaPath) {
  process.stderr.write("usage: node run.mjs FILE SCHEMA.json [--verdicts]\n");
  process.exit(2);
}
const verdicts = flags.includes("--verdicts");

// strictTypes off: the schema uses union types and `minimum` without `"type": "number"`, both
// valid 2020-12 that only ajv's strict mode warns about (the other strict checks stay on).
const ajv = new Ajv2020({ allErrors: false, strictTypes: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

let records = 0;
let valid = 0;
let out = [];

function record(text) {
  if (text.trim() === "") return;
  records += 1;
  let ok;
  try {
    ok = validate(JSON.parse(text));
  } catch {
    ok = false;
  }
  if (ok) valid += 1;
  if (verdicts) {
    out.push(ok ? "1" : "0");
    if (out.length >= 65536) flush();
  }
}

function flush() {
  if (out.length > 0) writeSync(1, out.join("\n") + "\n");
  out = [];
}

const fd = file === "-" ? 0 : openSync(file, "r");
const chunk = Buffer.alloc(1 << 20);
let carry = Buffer.alloc(0);
for (;;) {
  let n;
  try {
    n = readSync(fd, chunk, 0, chunk.length, null);
  } catch (e) {
    if (e.code === "EAGAIN") continue;
    if (e.code === "EOF") break;
    throw e;
  }
  if (n === 0) break;
  let buf = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
  let start = 0;
  for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
    record(buf.toString("utf8", start, nl));
    start = nl + 1;
  }
  carry = Buffer.from(buf.subarray(start));
}
if (carry.length > 0) record(carry.toString("utf8"));
if (fd !== 0) closeSync(fd);

if (verdicts) flush();
else process.stdout.write(`{"records": ${records}, "valid": ${valid}, "invalid": ${records - valid}}\n`);
