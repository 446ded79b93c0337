// Untrusted keys (`__proto__`, `constructor`, `prototype`) are plain data at every level and
// never change Object.prototype of the caller.
import { test, after } from "node:test";
import assert from "node:assert/strict";

import { validate, validateField, convert, formats } from "contactkit";
import { FORMATS, oddPrototypes } from "./helpers.mjs";

const KEYS = ["__proto__", "constructor", "prototype"];
const snapshot = Object.getOwnPropertyNames(Object.prototype).sort();

function assertPrototypeIntact() {
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), snapshot);
  const probe = {};
  assert.equal(probe.polluted, undefined);
  assert.equal(probe.isAdmin, undefined);
  assert.equal(typeof probe.constructor, "function");
  assert.equal(probe.constructor, Object);
}

after(assertPrototypeIntact);

/** `{"<k>": {"polluted": true, "isAdmin": true}}` for each untrusted key, as JSON text. */
function hostile(depthKey) {
  const members = KEYS.map((k) => `"${k}": {"polluted": true, "isAdmin": true}`).join(", ");
  return depthKey === undefined ? `{${members}}` : `{"${depthKey}": {${members}}}`;
}

/** Payloads of each format with untrusted keys at the root, in nested objects and in custom data. */
function payloadTexts(format) {
  const keysAsValues = KEYS.map((k) => `"${k}": "v"`).join(", ");
  const common = [hostile(), `{${keysAsValues}}`];
  switch (format) {
    case "sequence":
      return [...common, `{"externalId": "u1", ${keysAsValues}, "nested": ${hostile()}}`];
    case "intercom":
      return [
        ...common,
        `{"email": "a@example.com", "custom_attributes": {${keysAsValues}}}`,
        `{"email": "a@example.com", "custom_attributes": ${hostile()}}`,
      ];
    case "bird":
      return [
        ...common,
        `{"displayName": "A", "attributes": {${keysAsValues}}, "identifiers": [{"key": "__proto__", "value": "x"}]}`,
        `{"displayName": "A", "attributes": ${hostile()}}`,
      ];
    case "helpscout":
      return [
        ...common,
        `{"firstName": "A", "address": ${hostile()}, "properties": [{"slug": "__proto__", "value": "x"}]}`,
        `{"firstName": "A", "emails": [${hostile()}]}`,
      ];
    default:
      return [...common, `{"firstName": "A", "custom": {${keysAsValues}}, "address": ${hostile()}}`];
  }
}

test("validate() treats untrusted keys as data, in text and in parsed objects", () => {
  for (const format of FORMATS) {
    for (const text of payloadTexts(format)) {
      const fromText = validate(format, text);
      // JSON.parse makes "__proto__" an own property; the object path must keep it as data.
      const parsed = JSON.parse(text);
      const fromObject = validate(format, parsed);
      assert.deepEqual(fromObject, fromText, `${format} ${text}`);
      assert.deepEqual(oddPrototypes(fromText), [], `${format} ${text}`);
      assertPrototypeIntact();
    }
  }
});

test("an unknown __proto__ member is reported at its own path", () => {
  const result = validate("helpscout", hostile());
  const paths = result.issues.map((i) => i.path);
  for (const key of KEYS) assert.ok(paths.includes(`/${key}`), JSON.stringify(result));
  const nested = validate("helpscout", hostile("address"));
  assert.ok(nested.issues.some((i) => i.path === "/address/__proto__"), JSON.stringify(nested));
});

test("convert() carries untrusted keys through as own properties", () => {
  for (const from of FORMATS) {
    for (const to of FORMATS.filter((t) => t !== from)) {
      for (const text of payloadTexts(from)) {
        for (const options of [{}, { lenient: true }, { lenient: true, normalizeCustomKeys: true }]) {
          const result = convert(from, to, text, options);
          assert.deepEqual(oddPrototypes(result), [], `${from}->${to} ${text}`);
          assert.deepEqual(convert(from, to, JSON.parse(text), options), result);
          assertPrototypeIntact();
        }
      }
    }
  }
});

test("a converted __proto__ custom attribute is an own data property", () => {
  const text = '{"email": "a@example.com", "custom_attributes": {"__proto__": "v", "constructor": "w"}}';
  const result = convert("intercom", "canonical", text);
  if (!result.ok) return assert.fail(JSON.stringify(result));
  // Wherever the attributes land, they are own string-valued members, not prototypes.
  const holders = [];
  const find = (value) => {
    if (value === null || typeof value !== "object") return;
    if (Object.hasOwn(value, "__proto__")) holders.push(value);
    for (const key of Object.keys(value)) find(value[key]);
  };
  find(result.payload);
  for (const holder of holders) {
    assert.equal(Object.getPrototypeOf(holder), Object.prototype);
    assert.equal(typeof Object.getOwnPropertyDescriptor(holder, "__proto__").value, "string");
  }
  assertPrototypeIntact();
});

test("validateField() addresses untrusted keys as members", () => {
  for (const key of KEYS) {
    const result = validateField("intercom", `/custom_attributes/${key}`, { polluted: true });
    assert.deepEqual(result.issues.map((i) => [i.path, i.code]), [[`/custom_attributes/${key}`, "type"]]);
    // A member Help Scout does not have is an invalid pointer (issue 15), whatever its name;
    // Sequence takes any member as a custom attribute.
    assert.throws(() => validateField("helpscout", `/${key}`, "x"), (e) => e.code === "invalid_pointer");
    assert.deepEqual(validateField("sequence", `/${key}`, "x"), { valid: true, issues: [] });
  }
  assertPrototypeIntact();
});

test("options with untrusted keys are rejected as unknown, not merged", () => {
  const options = JSON.parse('{"__proto__": {"showValues": true}}');
  assert.throws(() => validate("bird", {}, options), (e) => e.code === "invalid_option");
  const definitions = JSON.parse('{"helpscout": [{"slug": "__proto__", "type": "number"}]}');
  const result = validate("helpscout", { properties: [{ slug: "__proto__", value: "x" }] }, { definitions });
  assert.deepEqual(result.issues.map((i) => [i.path, i.code]), [["/properties/0/value", "type"]]);
  assert.equal(formats().length, 5);
  assertPrototypeIntact();
});
