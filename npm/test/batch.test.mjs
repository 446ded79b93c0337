// validateMany(): one call for many records, read as the CLI reads its input, with the native
// results for every record of the example data (both entries), in every input shape.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { ContactkitError, validate, validateMany } from "contactkit";
import { validateMany as validateManyForms } from "contactkit/forms";
import { FORMATS, readJson, repo } from "./helpers.mjs";

const native = readJson(process.env.CONTACTKIT_NATIVE_RESULTS);

/** The native {valid, issues} of each record of examples/data/<format>.ndjson, in order. */
function nativeRecords(format) {
  const prefix = `examples/data/${format}.ndjson#`;
  return native.validate
    .filter((c) => c.id.startsWith(prefix))
    .sort((a, b) => Number(a.id.slice(prefix.length)) - Number(b.id.slice(prefix.length)))
    .map((c) => c.text_result);
}

/** What validateMany() must return for these per-record results. */
function batchOf(results) {
  return {
    records: results.length,
    valid: results.filter((r) => r.valid).length,
    invalid: results.filter((r) => !r.valid).length,
    results: results.flatMap((r, i) => (r.issues.length ? [{ record: i + 1, ...r }] : [])),
  };
}

for (const format of FORMATS) {
  test(`${format}: the example data in one call gives each record's native result (both entries)`, () => {
    const text = readFileSync(join(repo, "examples", "data", `${format}.ndjson`), "utf8");
    const expected = batchOf(nativeRecords(format));
    assert.ok(expected.records >= 100, `${expected.records} records`);
    assert.deepEqual(validateMany(format, text), expected);
    assert.deepEqual(validateManyForms(format, text), expected);
    // The same records as JSON array text and as an array of objects (exact in JavaScript).
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    assert.deepEqual(validateMany(format, `[${lines.join(",\n")}]`), expected);
    const exact = native.validate.filter((c) => c.id.startsWith(`examples/data/${format}.ndjson#`)).every((c) => c.js_exact);
    if (exact) assert.deepEqual(validateMany(format, lines.map((l) => JSON.parse(l))), expected);
  });
}

test("NDJSON as the CLI reads it: blank lines skipped and not counted, CRLF, a line that is not JSON", () => {
  const text = '\uFEFF{"firstName": "Ada"}\r\n\r\n   \n{"gender": "robot"}\n{"firstName": \n[1]\n';
  const out = validateMany("helpscout", text);
  assert.equal(out.records, 4);
  assert.equal(out.valid, 1);
  assert.equal(out.invalid, 3);
  assert.deepEqual(
    out.results.map((r) => [r.record, r.issues[0].code]),
    [
      [2, "enum"],
      [3, "syntax"],
      [4, "type"],
    ],
  );
  assert.deepEqual(out.results[0].issues, validate("helpscout", '{"gender": "robot"}').issues);
  assert.deepEqual(validateMany("helpscout", ""), { records: 0, valid: 0, invalid: 0, results: [] });
  assert.deepEqual(validateMany("helpscout", "[]"), { records: 0, valid: 0, invalid: 0, results: [] });
});

test("a record with only warnings is valid and listed; options apply to every record", () => {
  const out = validateMany("helpscout", [{ firstName: "Ada", nickname: "A" }, { gender: "robot" }], { showValues: true });
  assert.deepEqual(
    out.results.map((r) => [r.record, r.valid, r.issues[0].code]),
    [
      [1, true, "unknown_field"],
      [2, false, "enum"],
    ],
  );
  assert.match(out.results[1].issues[0].message, /robot/);
});

test("bad batches are errors: a broken JSON array, a wrong argument, a read format in forms", () => {
  assert.throws(
    () => validateMany("helpscout", '[{"firstName": "Ada"}, '),
    (e) => e instanceof ContactkitError && e.code === "invalid_json" && e.issues[0].code === "syntax",
  );
  assert.throws(() => validateMany("helpscout", { firstName: "Ada" }), (e) => e.code === "invalid_argument");
  assert.throws(() => validateMany("helpscout", undefined), (e) => e.code === "invalid_argument" && /missing/.test(e.message));
  assert.throws(() => validateMany("helpscout", "{}", { lenient: true }), (e) => e.code === "invalid_option");
  assert.throws(() => validateManyForms("intercom-contact", "{}"), (e) => e.code === "unknown_format");
  assert.equal(validateMany("intercom-contact", '{"type": "contact"}').valid, 1);
});
