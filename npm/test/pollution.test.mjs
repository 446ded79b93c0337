// Prototype-pollution probes at every level, and hostile sizes (issue 8; proto.test.mjs covers
// the first levels and options). Untrusted keys (`__proto__`, `constructor`, `prototype`) are
// placed at every depth of every format's payload, as JSON text and as objects made by
// JSON.parse (where `__proto__` is an own property). Whatever validate() and convert() return,
// Object.prototype, Array.prototype and Function.prototype stay untouched, every returned object
// has a plain prototype, and the keys come back as plain data. Huge or deeply nested inputs give
// a defined result or a ContactkitError, never a crash or `RuntimeError: unreachable`, and the
// module keeps working afterwards.
import { test, after } from "node:test";
import assert from "node:assert/strict";

import { validate, validateField, convert, ContactkitError } from "contactkit";
import { FORMATS } from "./helpers.mjs";

const KEYS = ["__proto__", "constructor", "prototype"];

/** Every own property of the built-in prototypes, with its descriptor. */
function builtins() {
  const out = {};
  for (const [name, proto] of [
    ["Object", Object.prototype],
    ["Array", Array.prototype],
    ["Function", Function.prototype],
    ["String", String.prototype],
  ]) {
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      out[`${name}.${String(key)}`] = [d.value, d.get, d.set, d.writable, d.enumerable];
    }
  }
  return out;
}

const before = builtins();

function assertBuiltinsIntact(context) {
  const now = builtins();
  assert.deepEqual(Object.keys(now).sort(), Object.keys(before).sort(), context);
  for (const key of Object.keys(before)) {
    assert.deepEqual(now[key], before[key], `${context}: ${key} changed`);
  }
  const probe = {};
  for (const name of ["polluted", "isAdmin", "zqx"]) assert.equal(probe[name], undefined, context);
  assert.equal(probe.constructor, Object, context);
  assert.equal(Object.getPrototypeOf(probe), Object.prototype, context);
}

after(() => assertBuiltinsIntact("after all tests"));

/** Every object and array in `value` has the plain prototype; no accessor properties. */
function assertPlain(value, context, path = "") {
  if (value === null || typeof value !== "object") return;
  const expected = Array.isArray(value) ? Array.prototype : Object.prototype;
  assert.equal(Object.getPrototypeOf(value), expected, `${context} at ${path}`);
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    assert.ok("value" in d, `${context}: accessor at ${path}/${String(key)}`);
    assertPlain(d.value, context, `${path}/${String(key)}`);
  }
}

/**
 * JSON text of an object `depth` levels deep where every level has the untrusted keys (as
 * members holding objects, strings and arrays) next to the member `next` that leads deeper.
 */
function layered(depth) {
  let inner = '"leaf"';
  for (let i = 0; i < depth; i += 1) {
    const members = KEYS.flatMap((k) => [
      `"${k}": {"polluted": true, "isAdmin": true, "toString": "zqx", "inner": ${inner}}`,
    ]);
    inner = `{${members.join(", ")}, "next": [${inner}, {"__proto__": "zqx-${i}"}]}`;
  }
  return inner;
}

/** Payload texts of a format with untrusted keys at every level the format has. */
function payloads(format) {
  const deep = layered(6);
  const flat = KEYS.map((k) => `"${k}": "zqx-${k}"`).join(", ");
  const base = {
    sequence: `"externalId": "u1"`,
    intercom: `"email": "a@example.com"`,
    bird: `"displayName": "A"`,
    helpscout: `"firstName": "A"`,
    canonical: `"fullName": "A"`,
  }[format];
  const out = [deep, `{${base}, ${flat}}`, `{${base}, "x": ${deep}}`];
  switch (format) {
    case "sequence":
      out.push(`{${base}, ${flat}, "custom": ${deep}}`);
      break;
    case "intercom":
      out.push(`{${base}, "custom_attributes": {${flat}}}`);
      out.push(`{${base}, "custom_attributes": ${deep}}`);
      break;
    case "bird":
      out.push(`{${base}, "attributes": {${flat}}, "identifiers": [{"key": "__proto__", "value": "zqx", "properties": ${deep}}]}`);
      out.push(`{${base}, "attributes": {"__proto__": ["zqx", 1]}, "other": ${deep}}`);
      break;
    case "helpscout":
      out.push(`{${base}, "address": ${deep}, "emails": [${deep}], "properties": {${flat}}}`);
      out.push(`{${base}, "properties": [{"slug": "__proto__", "value": "zqx"}, {"slug": "constructor", "value": 1}]}`);
      break;
    default:
      out.push(`{${base}, "customAttributes": {${flat}, "deep": ${deep}}, "address": ${deep}}`);
  }
  return out;
}

test("untrusted keys at every level leave the built-in prototypes untouched (validate)", () => {
  for (const format of FORMATS) {
    for (const text of payloads(format)) {
      const fromText = validate(format, text);
      const fromObject = validate(format, JSON.parse(text));
      assert.deepEqual(fromObject, fromText, `${format}: ${text.slice(0, 80)}`);
      assertPlain(fromText, format);
      assertBuiltinsIntact(format);
      // Paths name the untrusted keys as members; messages never carry their values.
      for (const issue of fromText.issues) {
        assert.ok(!issue.message.includes("zqx"), JSON.stringify(issue));
      }
    }
  }
});

test("untrusted keys at every level leave the built-in prototypes untouched (convert)", () => {
  for (const from of FORMATS) {
    for (const to of FORMATS) {
      for (const text of payloads(from)) {
        for (const options of [undefined, { lenient: true }, { lenient: true, normalizeCustomKeys: true }]) {
          const context = `${from} -> ${to}`;
          const result = convert(from, to, text, options);
          assert.deepEqual(convert(from, to, JSON.parse(text), options), result, context);
          assertPlain(result, context);
          assertBuiltinsIntact(context);
        }
      }
    }
  }
});

test("untrusted keys come back as plain data with their values", () => {
  // Custom data passes through untouched: each key is an own data property holding its value.
  const cases = [
    ["sequence", "sequence", '{"externalId": "u1", "__proto__": "zqx-a", "constructor": "zqx-b", "prototype": "zqx-c"}', (p) => p],
    ["intercom", "canonical", '{"email": "a@example.com", "custom_attributes": {"__proto__": "zqx-a", "constructor": "zqx-b", "prototype": "zqx-c"}}', (p) => p.customAttributes],
    ["canonical", "intercom", '{"fullName": "A", "externalId": "u1", "customAttributes": {"__proto__": "zqx-a", "constructor": "zqx-b", "prototype": "zqx-c"}}', (p) => p.custom_attributes],
    ["bird", "bird", '{"displayName": "A", "attributes": {"__proto__": "zqx-a", "constructor": "zqx-b", "prototype": "zqx-c"}}', (p) => p.attributes],
  ];
  for (const [from, to, text, holder] of cases) {
    const result = convert(from, to, text);
    assert.ok(result.ok, `${from} -> ${to}: ${JSON.stringify(result)}`);
    const members = holder(result.payload);
    assert.equal(Object.getPrototypeOf(members), Object.prototype);
    assert.deepEqual(
      KEYS.map((k) => Object.getOwnPropertyDescriptor(members, k)?.value),
      ["zqx-a", "zqx-b", "zqx-c"],
      `${from} -> ${to}: ${JSON.stringify(result.payload)}`,
    );
  }
  // A __proto__ member made by JSON.parse round-trips as data, not as a prototype.
  const parsed = JSON.parse('{"externalId": "u1", "__proto__": {"isAdmin": true}}');
  const result = convert("sequence", "sequence", parsed);
  assert.ok(result.ok);
  assert.equal(result.payload.isAdmin, undefined);
  assert.deepEqual(Object.getOwnPropertyDescriptor(result.payload, "__proto__")?.value, { isAdmin: true });
  assertBuiltinsIntact("round trip");
});

/** Calls `fn`; returns its result, or the ContactkitError it threw (anything else fails). */
function resultOrCleanError(fn, context) {
  try {
    return fn();
  } catch (e) {
    assert.ok(e instanceof ContactkitError, `${context}: ${e?.name}: ${e?.message}`);
    assert.notEqual(e.code, "internal", `${context}: ${e.message}`);
    assert.equal(typeof e.message, "string");
    return e;
  }
}

/** The module still answers normally. */
function assertStillWorks(context) {
  const result = validate("helpscout", '{"firstName": "Ada"}');
  assert.deepEqual(result, { valid: true, issues: [] }, context);
}

test("JSON text nested 100,000 levels deep is a clean invalid_json error", () => {
  const arrays = "[".repeat(100_000) + "]".repeat(100_000);
  const objects = '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000);
  for (const text of [arrays, objects, `{"firstName": "A", "x": ${arrays}}`]) {
    for (const format of FORMATS) {
      for (const call of [() => validate(format, text), () => convert(format, "canonical", text)]) {
        const e = resultOrCleanError(call, format);
        assert.ok(e instanceof ContactkitError, `${format}: a deep text must be refused`);
        // Text that is not a record: `not_an_object` for an array, `invalid_json` otherwise,
        // with the CLI's finding for the record.
        if (text.startsWith("{")) {
          assert.equal(e.code, "invalid_json");
          assert.deepEqual(e.issues.map((i) => [i.path, i.code]), [["", "syntax"]]);
          assert.match(e.issues[0].message, /recursion limit/);
        }
      }
      assertStillWorks(format);
    }
  }
  // validateField takes a value, not text: the deep text is just a (valid) string there.
  assert.deepEqual(validateField("sequence", "/x", arrays), { valid: true, issues: [] });
  assertStillWorks("validateField");
});

test("an object nested 100,000 levels deep is a clean error", () => {
  let deep = {};
  for (let i = 0; i < 100_000; i += 1) deep = { a: deep };
  for (const format of FORMATS) {
    resultOrCleanError(() => validate(format, deep), `validate ${format}`);
    resultOrCleanError(() => convert(format, "bird", deep), `convert ${format}`);
    assertStillWorks(format);
  }
  resultOrCleanError(() => validateField("sequence", "/x", deep), "validateField");
  // A cycle cannot be serialised either.
  const cycle = { firstName: "A" };
  cycle.self = cycle;
  const e = resultOrCleanError(() => validate("helpscout", cycle), "cycle");
  assert.ok(e instanceof ContactkitError);
  assertStillWorks("cycle");
});

test("a pointer deeper than a record can be is an invalid_pointer error", () => {
  for (const depth of [128, 2_000, 100_000]) {
    for (const format of ["sequence", "bird", "canonical"]) {
      const e = resultOrCleanError(() => validateField(format, "/x".repeat(depth), '"v"'), format);
      assert.ok(e instanceof ContactkitError, `${format} ${depth}: ${JSON.stringify(e)}`);
      assert.equal(e.code, "invalid_pointer");
      assertStillWorks(format);
    }
  }
  assert.equal(validateField("sequence", "/x".repeat(127), '"v"').valid, true);
});

test("huge values give their finding without echoing them", () => {
  const big = "a".repeat(50 << 20);
  const result = validate("helpscout", { firstName: big });
  assert.deepEqual(result.issues.map((i) => [i.path, i.code, i.severity]), [["/firstName", "too_long", "error"]]);
  assert.equal(result.issues[0].message, `is ${50 << 20} characters long, the maximum is 40`);
  const converted = resultOrCleanError(() => convert("helpscout", "bird", { firstName: big }, { lenient: true }), "convert");
  if (!(converted instanceof ContactkitError)) {
    for (const note of converted.notes ?? []) assert.ok(note.message.length < 300);
  }
  // Many members.
  const wide = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]));
  wide.externalId = "u1";
  assert.equal(validate("sequence", wide).valid, true);
  assertStillWorks("huge values");
});

test("errors and findings never echo the payload's values", () => {
  const secret = "zqx-secret-7";
  const bad = [
    JSON.stringify(secret),
    `{"firstName": "${secret}"`,
    `["${secret}"]`,
    `{"firstName": "${secret}", "firstName": 1}}`,
    `{"emails": [{"value": "${secret}"}], "gender": "${secret}", "${secret}": 1`,
  ];
  for (const format of FORMATS) {
    for (const text of bad) {
      for (const call of [
        () => validate(format, text),
        () => convert(format, "canonical", text),
        () => convert("canonical", format, text, { lenient: true }),
      ]) {
        const out = resultOrCleanError(call, `${format} ${text}`);
        const seen = out instanceof ContactkitError ? { message: out.message, issues: out.issues } : out;
        const issues = seen.issues ?? [];
        assert.ok(!String(seen.message ?? "").includes(secret), `${format}: ${seen.message}`);
        for (const issue of issues) assert.ok(!issue.message.includes(secret), JSON.stringify(issue));
      }
    }
    // Findings on a valid-JSON record with the secret in every kind of bad value.
    const record = { firstName: secret.repeat(10), gender: secret, emails: [{ value: secret, type: secret }] };
    for (const issue of validate(format, record).issues) {
      assert.ok(!issue.message.includes(secret), JSON.stringify(issue));
    }
    const shown = validate("helpscout", record, { showValues: true });
    assert.ok(shown.issues.some((i) => i.message.includes(secret)), "showValues shows values");
  }
});
