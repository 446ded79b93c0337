// The WebAssembly build gives exactly the native results (findings with their messages,
// converted payloads, notes) for the fixture suite and the example data. The native side is
// written by `cargo run -p contactkit-wasm --example dump_results` (scripts/test-wasm.sh).
import { test } from "node:test";
import assert from "node:assert/strict";

import { validate, convert, ContactkitError } from "contactkit";
import { validate as validateForms } from "contactkit/forms";
import { readJson, fixtureFiles, convertFixtureFiles, packageOptions, FORMATS } from "./helpers.mjs";

/** The per-vendor entries `contactkit/forms/<format>`, by format. */
const VENDOR_ENTRIES = Object.fromEntries(
  await Promise.all(FORMATS.map(async (format) => [format, await import(`contactkit/forms/${format}`)])),
);

const nativePath = process.env.CONTACTKIT_NATIVE_RESULTS;
if (!nativePath) throw new Error("CONTACTKIT_NATIVE_RESULTS is not set (run scripts/test-wasm.sh)");
const native = readJson(nativePath);

/** A thrown ContactkitError for a bad record, as the `{valid, issues}` the CLI would print. */
function asResult(fn) {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof ContactkitError) || e.issues === undefined) throw e;
    const expectedCode = e.issues[0]?.code === "syntax" ? "invalid_json" : "not_an_object";
    assert.equal(e.code, expectedCode);
    return { valid: false, issues: e.issues };
  }
}

test("the native dump covers every fixture file", () => {
  const ids = new Set(native.validate.map((c) => c.id));
  let files = 0;
  for (const format of FORMATS) {
    for (const file of fixtureFiles(`tests/fixtures/${format}`)) {
      files += 1;
      assert.ok(ids.has(file), `${file} is missing from the native results`);
    }
  }
  assert.ok(files > 0, "no fixture files found");
  const convertIds = new Set(native.convert.map((c) => c.id));
  for (const file of convertFixtureFiles()) {
    assert.ok(convertIds.has(file), `${file} is missing from the native results`);
  }
});

test("validate: every fixture and example record gives the native result (text and object)", (t) => {
  let compared = 0;
  const failures = [];
  const notComparable = [];
  for (const c of native.validate) {
    const options = packageOptions(c.options);
    const fromText = asResult(() => validate(c.format, c.text, options));
    if (!isDeepStrictEqual(fromText, c.text_result)) {
      failures.push(`${c.id} (text): ${diff(fromText, c.text_result)}`);
    }
    compared += 1;
    const value = c.value_result === null ? undefined : JSON.parse(c.text);
    if (typeof value === "string") {
      // A string payload is JSON text to the package: a record that is a JSON string cannot be
      // passed as a value (its text was compared above).
    } else if (value !== undefined && !c.js_exact) {
      // JavaScript cannot hold this value exactly (an integer beyond 2^53, or member names
      // that JavaScript reorders), so the object run validates a different value.
      notComparable.push(c.id);
    } else if (value !== undefined) {
      const fromObject = asResult(() => validate(c.format, value, options));
      if (!isDeepStrictEqual(fromObject, c.value_result)) {
        failures.push(`${c.id} (object): ${diff(fromObject, c.value_result)}`);
      }
      compared += 1;
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(compared > native.validate.length, `compared ${compared}`);
  t.diagnostic(`${compared} results compared; object runs skipped (not exact in JavaScript): ${notComparable.join(", ") || "none"}`);
});

test("validate (contactkit/forms, its own module): every create-format record gives the native result", (t) => {
  let compared = 0;
  const failures = [];
  for (const c of native.validate) {
    if (!FORMATS.includes(c.format)) continue;
    const options = packageOptions(c.options);
    const fromText = asResult(() => validateForms(c.format, c.text, options));
    if (!isDeepStrictEqual(fromText, c.text_result)) failures.push(`${c.id} (text): ${diff(fromText, c.text_result)}`);
    compared += 1;
    const value = c.value_result === null ? undefined : JSON.parse(c.text);
    if (value !== undefined && typeof value !== "string" && c.js_exact) {
      const fromObject = asResult(() => validateForms(c.format, value, options));
      if (!isDeepStrictEqual(fromObject, c.value_result)) {
        failures.push(`${c.id} (object): ${diff(fromObject, c.value_result)}`);
      }
      compared += 1;
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(compared > 100, `compared ${compared}`);
  t.diagnostic(`${compared} results compared`);
});

test("validate (contactkit/forms/<format>, a module per format): every record of its format gives the native result", (t) => {
  const compared = Object.fromEntries(FORMATS.map((format) => [format, 0]));
  const failures = [];
  for (const c of native.validate) {
    const entry = VENDOR_ENTRIES[c.format];
    if (entry === undefined) continue;
    const options = packageOptions(c.options);
    const definitions = typeof options.definitions === "string" ? JSON.parse(options.definitions) : options.definitions;
    const others = Object.keys(definitions ?? {}).filter((key) => FORMATS.includes(key) && key !== c.format);
    if (others.length > 0) {
      // Definitions of another vendor: refused by a per-vendor entry (its module reads its own
      // vendor's only), said as such.
      assert.throws(() => entry.validate(c.format, c.text, options), (e) => e.code === "invalid_definitions", c.id);
      continue;
    }
    const fromText = asResult(() => entry.validate(c.format, c.text, options));
    if (!isDeepStrictEqual(fromText, c.text_result)) failures.push(`${c.id} (text): ${diff(fromText, c.text_result)}`);
    compared[c.format] += 1;
    const value = c.value_result === null ? undefined : JSON.parse(c.text);
    if (value !== undefined && typeof value !== "string" && c.js_exact) {
      const fromObject = asResult(() => entry.validate(c.format, value, options));
      if (!isDeepStrictEqual(fromObject, c.value_result)) {
        failures.push(`${c.id} (object): ${diff(fromObject, c.value_result)}`);
      }
      compared[c.format] += 1;
    }
  }
  assert.deepEqual(failures, []);
  for (const format of FORMATS) assert.ok(compared[format] > 10, `${format}: compared ${compared[format]}`);
  t.diagnostic(`results compared per entry: ${JSON.stringify(compared)}`);
});

test("convert: every fixture and example record gives the native result", () => {
  const failures = [];
  for (const c of native.convert) {
    const options = packageOptions(c.options);
    let actual;
    try {
      actual = convert(c.from, c.to, c.text, options);
    } catch (e) {
      if (!(e instanceof ContactkitError) || e.issues === undefined) throw e;
      actual = { ok: false, stage: "source", issues: e.issues };
    }
    if (!isDeepStrictEqual(actual, c.result)) failures.push(`${c.id} ${c.from}->${c.to}: ${diff(actual, c.result)}`);
  }
  assert.deepEqual(failures.slice(0, 20), []);
  assert.ok(native.convert.length > 0);
});

function isDeepStrictEqual(a, b) {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

function diff(actual, expected) {
  return `wasm ${JSON.stringify(actual).slice(0, 400)} vs native ${JSON.stringify(expected).slice(0, 400)}`;
}
