// Bad input gives a ContactkitError {code, message}, never a crash or a WebAssembly trap.
import { test } from "node:test";
import assert from "node:assert/strict";

import { validate, validateField, validateMany, convert, convertMany, schema, formFields, ContactkitError } from "contactkit";
import * as forms from "contactkit/forms";

/** Asserts that `fn` throws a ContactkitError with this code; returns it. */
function throwsCode(fn, code, messagePattern) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught !== undefined, `expected a ${code} error, nothing was thrown`);
  assert.ok(caught instanceof ContactkitError, `expected a ContactkitError, got ${caught}`);
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, "ContactkitError");
  assert.equal(caught.code, code, caught.message);
  assert.equal(typeof caught.message, "string");
  assert.ok(caught.message.length > 10, caught.message);
  if (messagePattern) assert.match(caught.message, messagePattern);
  return caught;
}

test("an unknown format is unknown_format in every function, naming the known ones", () => {
  const calls = [
    () => validate("hubspot", {}),
    () => validateField("hubspot", "/x", 1),
    () => convert("hubspot", "bird", {}),
    () => convert("bird", "hubspot", {}),
    () => schema("hubspot"),
    () => formFields("hubspot"),
    () => validate("HelpScout", {}),
    () => validate("", {}),
  ];
  for (const call of calls) throwsCode(call, "unknown_format", /sequence, intercom, bird, helpscout, canonical/);
});

test("a format that is not a string is invalid_argument", () => {
  for (const format of [undefined, null, 3, {}, ["bird"]]) {
    throwsCode(() => validate(format, {}), "invalid_argument", /format/);
    throwsCode(() => schema(format), "invalid_argument");
    throwsCode(() => convert("bird", format, {}), "invalid_argument", /\bto\b/);
  }
});

test("invalid JSON text is invalid_json, with the CLI's syntax finding", () => {
  for (const text of ["", "{", "{\"a\": }", "nope", "{} {}", "{\"a\": 1,}", "\u0000"]) {
    const e = throwsCode(() => validate("bird", text), "invalid_json", /^the payload is not valid JSON/);
    assert.equal(e.issues.length, 1);
    assert.deepEqual(
      { path: e.issues[0].path, code: e.issues[0].code, severity: e.issues[0].severity },
      { path: "", code: "syntax", severity: "error" },
    );
    throwsCode(() => convert("bird", "helpscout", text), "invalid_json");
  }
});

test("a lone surrogate in JSON text is invalid_json, as in an object: never passed on as U+FFFD", () => {
  const lone = "\ud800";
  // The same payload as an object and as text: both rejected alike (the object's JSON has the
  // surrogate's escape, which the text gets too), in both entries.
  const objectError = throwsCode(() => validate("helpscout", { firstName: lone }), "invalid_json");
  for (const check of [validate, forms.validate]) {
    const e = throwsCode(() => check("helpscout", `{"firstName":"${lone}"}`), "invalid_json", /^the payload is not valid JSON/);
    assert.deepEqual(e.issues, objectError.issues);
  }
  throwsCode(() => convert("helpscout", "bird", `{"firstName":"${lone}"}`), "invalid_json");
  // Texts the escape must not turn valid (an escaped surrogate, one that would pair with a
  // `\u` escape beside it) stay invalid; a valid pair stays valid.
  for (const text of [
    `{"firstName":"\\${lone}"}`,
    `{"firstName":"${lone}\\udc00"}`,
    `{"firstName":"\\ud800\udc00"}`,
    `{"firstName":"\udc00${lone}"}`,
    `{"firstName":"A"${lone}}`,
  ]) {
    throwsCode(() => validate("helpscout", text), "invalid_json");
    throwsCode(() => forms.validate("helpscout", text), "invalid_json");
  }
  assert.equal(validate("helpscout", `{"firstName":"\ud83d\ude00\\ud83d\\ude00"}`).valid, true);
  // Batches: the record is a syntax finding (validateMany) or a source-stage rejection
  // (convertMany), the others are unaffected.
  const ndjson = `{"firstName":"Ada"}\n{"firstName":"${lone}"}\n`;
  for (const many of [validateMany, forms.validateMany]) {
    const batch = many("helpscout", ndjson);
    assert.deepEqual([batch.records, batch.valid, batch.invalid], [2, 1, 1]);
    assert.equal(batch.results[0].record, 2);
    assert.deepEqual(batch.results[0].issues.map((i) => i.code), ["syntax"]);
  }
  const converted = convertMany("helpscout", "bird", ndjson);
  assert.deepEqual([converted.records, converted.converted, converted.rejected], [2, 1, 1]);
  assert.ok(!converted.output.includes("\ufffd"), converted.output);
  assert.equal(JSON.parse(converted.rejects).record, 2);
});

test("a payload that is not an object is not_an_object, with the CLI's type finding", () => {
  const cases = [[], [1, 2], 3, null, true, "[]", "3", "\"text\"", "null"];
  for (const payload of cases) {
    const e = throwsCode(() => validate("helpscout", payload), "not_an_object", /must be an object/);
    assert.deepEqual(e.issues.map((i) => [i.path, i.code, i.severity]), [["", "type", "error"]]);
    throwsCode(() => convert("helpscout", "bird", payload), "not_an_object");
  }
  throwsCode(() => validateField("helpscout", "", [1]), "not_an_object");
});

test("payloads JSON cannot carry are invalid_argument", () => {
  const cyclic = {};
  cyclic.self = cyclic;
  for (const payload of [undefined, () => 1, Symbol("x"), { n: 1n }, cyclic]) {
    throwsCode(() => validate("bird", payload), "invalid_argument", /payload/);
    throwsCode(() => convert("bird", "helpscout", payload), "invalid_argument", /payload/);
  }
  throwsCode(() => validateField("bird", "/displayName", () => 1), "invalid_argument", /value/);
  throwsCode(() => validateField("bird", "/displayName", 1n), "invalid_argument", /value/);
});

test("a Map, FormData or other object JSON writes as {} is invalid_argument, not an empty payload", async () => {
  const form = new FormData();
  form.append("displayName", "Ada");
  for (const payload of [new Map([["displayName", "Ada"]]), new Set(["Ada"]), form, new URLSearchParams("displayName=Ada")]) {
    const tag = Object.prototype.toString.call(payload).slice(8, -1);
    const pattern = new RegExp(`^payload is a ${tag}, whose entries JSON leaves out: pass Object\\.fromEntries\\(\\) of it$`);
    throwsCode(() => validate("bird", payload), "invalid_argument", pattern);
    throwsCode(() => forms.validate("bird", payload), "invalid_argument", pattern);
    throwsCode(() => convert("helpscout", "intercom", payload), "invalid_argument", pattern);
    throwsCode(() => validateField("bird", "", payload), "invalid_argument", /^value is a /);
    const result = await forms.birdSchema["~standard"].validate(payload);
    assert.deepEqual(result.issues?.map((i) => i.code), ["type"]);
  }
  // Empty plain objects, from this realm or another, and class instances stay payloads.
  const { runInNewContext } = await import("node:vm");
  for (const payload of [{}, Object.create(null), runInNewContext("({})"), new (class Person {})()]) {
    assert.equal(validate("helpscout", payload).valid, true);
  }
  assert.deepEqual(validate("bird", Object.fromEntries(new Map([["displayName", "Ada"]]))), { valid: true, issues: [] });
});

test("a Map or Set anywhere in a payload is invalid_argument, with where: JSON would write it as {}", async () => {
  const lostAt = (at, pattern) => (e) =>
    e instanceof ContactkitError && e.code === "invalid_argument" && pattern.test(e.message) && e.issues?.[0]?.path === at;
  const nested = { firstName: "Ada", properties: new Map([["plan", "gold"]]) };
  const mapAt = /^payload at \/properties is a Map, whose entries JSON leaves out: pass Object\.fromEntries\(\) of it$/;
  assert.throws(() => validate("helpscout", nested), lostAt("/properties", mapAt));
  assert.throws(() => forms.validate("helpscout", nested), lostAt("/properties", mapAt));
  assert.throws(() => convert("helpscout", "intercom", nested), lostAt("/properties", mapAt));
  // Deep inside arrays and objects; keys escaped as JSON Pointer tokens.
  const deep = { name: "Ada", custom_attributes: { "a/b~c": [1, { d: new Set([1]) }] } };
  assert.throws(() => validate("intercom", deep), lostAt("/custom_attributes/a~1b~0c/1/d", /^payload at \/custom_attributes\/a~1b~0c\/1\/d is a Set, whose entries/));
  // In a batch: the record's index leads the pointer.
  assert.throws(
    () => forms.validateMany("bird", [{ displayName: "A" }, { displayName: "B", attributes: { tags: new Set(["x"]) } }]),
    lostAt("/1/attributes/tags", /^records at \/1\/attributes\/tags is a Set, whose entries/),
  );
  assert.throws(() => validateField("helpscout", "/properties", new Map()), lostAt("", /^value is a Map/));
  // The Standard Schema says where, as a path.
  const result = await forms.helpscoutSchema["~standard"].validate(nested);
  assert.deepEqual(result.issues.map((i) => [i.path, i.code, i.pointer]), [[["properties"], "type", "/properties"]]);
  assert.match(result.issues[0].message, /^is a Map, whose entries JSON leaves out/);
  // What JSON keeps stays a payload: null, {} and "{}" text, Dates (toJSON), empty plain objects.
  const kept = { firstName: "{}", background: null, properties: {} };
  assert.deepEqual(validate("helpscout", kept), validate("helpscout", JSON.stringify(kept)));
  const withDate = { displayName: "A", attributes: { since: new Date(0), extra: {}, none: null } };
  assert.deepEqual(validate("bird", withDate), validate("bird", JSON.stringify(withDate)));
});

test("options must be an object of known options with the right types", () => {
  const bad = [
    [5, /must be an object, not a number/],
    ["x", /must be an object, not a string/],
    [[], /must be an object, not an array/],
    [null, /must be an object, not null/],
    [{ show_values: true }, /unknown option "show_values".*showValues/],
    [{ showValues: "yes" }, /showValues .*must be a boolean, not a string/],
    [{ lenient: true }, /unknown option "lenient"/],
    [{ definitions: 3 }, /definitions .*must be an object or a JSON string/],
  ];
  for (const [options, pattern] of bad) {
    throwsCode(() => validate("bird", {}, options), "invalid_option", pattern);
    throwsCode(() => validateField("bird", "/displayName", "A", options), "invalid_option");
  }
  throwsCode(() => convert("bird", "helpscout", {}, { lenient: "yes" }), "invalid_option", /lenient/);
  throwsCode(() => convert("bird", "helpscout", {}, { normalizeCustomKeys: 1 }), "invalid_option");
  throwsCode(() => convert("bird", "helpscout", {}, { strict: true }), "invalid_option", /normalizeCustomKeys/);
  throwsCode(() => convert("bird", "sequence", {}, { externalId: "custom:" }), "invalid_option", /externalId .*custom: needs the key/);
  throwsCode(() => convert("bird", "sequence", {}, { externalId: "phone" }), "invalid_option", /email, source-id or custom:KEY/);
  throwsCode(() => convert("bird", "sequence", {}, { externalId: true }), "invalid_option", /externalId .*must be a string/);
  const cyclic = {};
  cyclic.self = cyclic;
  throwsCode(() => validate("bird", {}, cyclic), "invalid_option");
  // Undefined members are as good as absent.
  assert.equal(validate("bird", { displayName: "A" }, { showValues: undefined }).valid, true);
});

test("unreadable definitions are invalid_definitions", () => {
  throwsCode(() => validate("helpscout", {}, { definitions: "{nope" }), "invalid_definitions");
  throwsCode(() => validate("helpscout", {}, { definitions: {} }), "invalid_definitions");
  throwsCode(
    () => validate("helpscout", {}, { definitions: { helpscout: [{ slug: "x", type: "colour" }] } }),
    "invalid_definitions",
    /type/,
  );
});

test("bad pointers are invalid_pointer, a pointer that is not a string invalid_argument", () => {
  for (const [pointer, pattern] of [
    ["firstName", /starts with "\/"/],
    ["/emails/first/value", /item index/],
    ["/emails/-/value", /item index/],
    ["/firstName/x", /cannot go below/],
    ["/a~2", /followed by 0 or 1/],
  ]) {
    throwsCode(() => validateField("helpscout", pointer, "x"), "invalid_pointer", pattern);
  }
  throwsCode(() => validateField("helpscout", 3, "x"), "invalid_argument", /pointer/);
});

test("hostile input never traps the module and leaves it working", () => {
  const texts = [
    "[".repeat(100000),
    "{\"a\":".repeat(50000),
    `{"firstName": "${"\u{1F600}".repeat(100000)}"}`,
    "{\"firstName\": \"\\ud800\"}",
    "{\"firstName\": 1e400}",
    "{\"age\": -0, \"n\": 123456789012345678901234567890}",
    "\uFEFF{}",
    "{\"a\": \"\\u0000\"}",
    `{"emails": [${Array(2000).fill("{\"value\": \"x\"}").join(",")}]}`,
  ];
  const lone = { firstName: "\ud800" };
  let deep = {};
  for (let i = 0; i < 5000; i++) deep = { custom_attributes: deep };
  const payloads = [...texts, lone, deep, { properties: [{ slug: "__proto__", value: {} }] }];
  for (const format of ["sequence", "intercom", "bird", "helpscout", "canonical"]) {
    for (const payload of payloads) {
      for (const call of [
        () => validate(format, payload),
        () => validate(format, payload, { showValues: true }),
        () => convert(format, format === "bird" ? "helpscout" : "bird", payload, { lenient: true }),
        () => validateField(format, "/custom_attributes/x", typeof payload === "string" ? payload : deep),
      ]) {
        try {
          const result = call();
          assert.equal(typeof result, "object");
        } catch (e) {
          assert.ok(e instanceof ContactkitError, `${format}: ${e}`);
          assert.notEqual(e.code, "internal", e.message);
        }
      }
    }
  }
  assert.deepEqual(validate("bird", { displayName: "Ada" }), { valid: true, issues: [] });
});
