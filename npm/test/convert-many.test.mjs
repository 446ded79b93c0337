// convertMany(): the batch call (NDJSON in, the lines of `contactkit convert` out) gives, record
// for record, what convert() gives, for every pair of formats over the example data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { convert, convertMany, validate, ContactkitError } from "contactkit";
import { repo, FORMATS, contractIssues } from "./helpers.mjs";

const lines = (text) => text.split("\n").filter((l) => l !== "");

/** What convertMany must return for `records` (non-blank lines), from one convert() each. */
function expected(from, to, records, { report, ...options } = {}, first = 1) {
  const out = { records: records.length, converted: 0, rejected: 0, output: "", rejects: "" };
  if (report) out.report = "";
  records.forEach((text, i) => {
    let r;
    try {
      r = convert(from, to, text, options);
    } catch (e) {
      // A line that is not a JSON object: the CLI's source-stage rejection.
      assert.ok(e instanceof ContactkitError && e.issues, String(e));
      r = { ok: false, stage: "source", issues: e.issues };
    }
    if (r.ok) {
      out.converted += 1;
      out.output += `${JSON.stringify(r.payload)}\n`;
      if (report) out.report += `${JSON.stringify({ record: first + i, notes: r.notes })}\n`;
    } else {
      out.rejected += 1;
      // convertMany's lines are the CLI's: the contract's issues, without params.
      out.rejects += `${JSON.stringify({ record: first + i, stage: r.stage, issues: contractIssues(r.issues) })}\n`;
    }
  });
  return out;
}

/** A batch result with its NDJSON texts parsed line by line. */
function parsed(batch) {
  const out = { ...batch };
  for (const key of ["output", "rejects", "report"]) {
    if (typeof batch[key] === "string") {
      assert.ok(batch[key] === "" || batch[key].endsWith("\n"), `${key} ends with a newline`);
      out[key] = lines(batch[key]).map((l) => JSON.parse(l));
    }
  }
  return out;
}

test("convertMany() agrees with convert() record for record, for every pair over the example data", () => {
  for (const from of FORMATS) {
    const text = readFileSync(join(repo, `examples/data/${from}.ndjson`), "utf8");
    const records = lines(text);
    const targets = FORMATS.filter((f) => f !== from);
    const many = convertMany(from, targets, text, { report: true });
    assert.equal(many.length, targets.length);
    targets.forEach((to, i) => {
      // Compared parsed: Rust writes a float such as 11837.0 as the CLI does, JSON.stringify
      // as 11837.
      assert.deepEqual(parsed(many[i]), parsed(expected(from, to, records, { report: true })), `${from} → ${to}`);
      assert.equal(many[i].converted + many[i].rejected, records.length);
    });
    // One target: one result, the same as its part of the array.
    assert.deepEqual(convertMany(from, targets[0], text, { report: true }), many[0]);
  }
});

test("convertMany() numbers records from firstRecord, skips blank lines and rejects lines that are not objects", () => {
  const text = '\uFEFF{"firstName": "Ada"}\n\n   \r\n{"firstName": \n[1, 2]\n{"firstName": "Grace"}';
  const result = convertMany("helpscout", "intercom", text, { firstRecord: 1001 });
  assert.equal(result.records, 4);
  const rejects = lines(result.rejects).map((l) => JSON.parse(l));
  assert.deepEqual(rejects.map((r) => [r.record, r.stage, r.issues[0].code]), [
    [1002, "source", "syntax"],
    [1003, "source", "type"],
  ]);
  assert.equal(lines(result.output).length, 2);
  assert.equal(result.report, undefined, "notes only when asked for");
});

test("convertMany() rejects what validate() rejects: a member name repeated in a line, a number beyond a 64-bit float", () => {
  const valid = '{"firstName": "Ada", "emails": [{"value": "ada@example.com"}]}';
  const bad = [
    // A parsed value would keep one of the two names and lose the other without a trace.
    ['{"firstName": "Grace", "firstName": "Ada"}', "duplicate", "/firstName"],
    ['{"firstName": "Ada", "emails": [{"value": "a@example.com", "value": "b@example.com"}]}', "duplicate", "/emails/0/value"],
    ['{"firstName": "Ada", "properties": [{"slug": "seats", "value": 1, "value": 2}]}', "duplicate", "/properties/0/value"],
    ['{"firstName": "Ada", "properties": [{"slug": "seats", "value": 1e400}]}', "out_of_range", "/properties/0/value"],
  ];
  const text = [valid, ...bad.map(([line]) => line)].join("\n");
  const targets = ["intercom", "bird", "canonical"];
  const results = convertMany("helpscout", targets, text);
  results.forEach((result, t) => {
    assert.equal(result.records, 5, targets[t]);
    assert.equal(result.converted, 1, targets[t]);
    assert.equal(result.rejected, 4, targets[t]);
    const rejects = lines(result.rejects).map((l) => JSON.parse(l));
    bad.forEach(([line, code, path], i) => {
      const validated = validate("helpscout", line);
      assert.equal(validated.valid, false, line);
      assert.deepEqual(rejects[i], { record: i + 2, stage: "source", issues: validated.issues }, `${targets[t]}: ${line}`);
      assert.deepEqual([rejects[i].issues[0].code, rejects[i].issues[0].path], [code, path], line);
      // As convert() of the same line.
      assert.deepEqual(convert("helpscout", targets[t], line), { ok: false, stage: "source", issues: validated.issues });
    });
  });
});

test("convertMany() passes the options of convert() on", () => {
  const record = JSON.stringify({ firstName: "Ada", jobTitle: "x".repeat(61) });
  assert.equal(convertMany("canonical", "helpscout", record).rejected, 1);
  const lenient = convertMany("canonical", "helpscout", record, { lenient: true, report: true });
  assert.equal(lenient.converted, 1);
  assert.equal(JSON.parse(lenient.report).notes[0].code, "truncated");
  const definitions = { helpscout: [{ slug: "seats", type: "number" }] };
  const props = JSON.stringify({ properties: [{ slug: "seats", value: "many" }] });
  assert.equal(convertMany("helpscout", "canonical", props).converted, 1);
  assert.equal(convertMany("helpscout", "canonical", props, { definitions }).rejected, 1);
});

test("convertMany() refuses bad arguments like the other functions", () => {
  const refuses = (code, fn) => assert.throws(fn, (e) => e instanceof ContactkitError && e.code === code);
  refuses("invalid_argument", () => convertMany("helpscout", "bird", [{}]));
  refuses("invalid_argument", () => convertMany("helpscout", "bird"));
  refuses("invalid_argument", () => convertMany("helpscout", [], "{}"));
  refuses("invalid_argument", () => convertMany("helpscout", ["bird", 3], "{}"));
  refuses("unknown_format", () => convertMany("helpscout", "hubspot", "{}"));
  refuses("unknown_format", () => convertMany("helpscout", "bird,intercom", "{}"));
  refuses("unknown_format", () => convertMany("helpscout", ["bird", "intercom,sequence"], "{}"));
  refuses("unknown_format", () => convertMany("hubspot", "bird", "{}"));
  refuses("invalid_option", () => convertMany("helpscout", "bird", "{}", { firstRecord: 0 }));
  refuses("invalid_option", () => convertMany("helpscout", "bird", "{}", { report: "yes" }));
  refuses("invalid_option", () => convertMany("helpscout", "bird", "{}", { bogus: true }));
});
