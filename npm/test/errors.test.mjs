// Bad input gives a ContactkitError {code, message}, never a crash or a WebAssembly trap.
import { test } from "node:test";
import assert from "node:assert/strict";

import { validate, validateField, convert, schema, formFields, ContactkitError } from "contactkit";

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
