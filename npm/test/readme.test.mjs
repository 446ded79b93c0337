// The examples of npm/README.md, with the results the README states.
import { test } from "node:test";
import assert from "node:assert/strict";

import { validate, validateField, convert, convertMany, ContactkitError } from "contactkit";

test("README: validate()", () => {
  assert.deepEqual(validate("helpscout", { firstName: "Ada" }), { valid: true, issues: [] });
  const { valid, issues } = validate("helpscout", {
    firstName: "A".repeat(41),
    emails: [{ type: "work", value: "ada at example.com" }],
  });
  assert.equal(valid, false);
  assert.deepEqual(issues, [
    { path: "/firstName", code: "too_long", severity: "error", message: "is 41 characters long, the maximum is 40" },
    { path: "/emails/0/value", code: "format", severity: "error", message: "is not a valid email address" },
  ]);
  assert.deepEqual(validate("bird", { displayName: "Ada" }), validate("bird", '{"displayName": "Ada"}'));
});

test("README: definitions", () => {
  assert.deepEqual(
    validate(
      "helpscout",
      { properties: [{ slug: "seats", value: "many" }] },
      { definitions: { helpscout: [{ slug: "seats", type: "number" }] } },
    ).issues,
    [{ path: "/properties/0/value", code: "type", severity: "error", message: "must be an integer (number property)" }],
  );
});

test("README: validateField()", () => {
  assert.equal(validateField("helpscout", "/firstName", "A".repeat(41)).issues[0].code, "too_long");
  assert.equal(validateField("helpscout", "/emails/2/value", "ada at example.com").issues[0].path, "/emails/2/value");
  assert.equal(validateField("bird", "/displayName", undefined).issues[0].code, "required");
  assert.equal(validateField("intercom", "/role", "user").valid, true);
});

test("README: convert()", () => {
  const result = convert("helpscout", "bird", { firstName: "Ada", lastName: "Lovelace" });
  assert.equal(result.ok, true);
  assert.equal(result.payload.displayName, "Ada Lovelace");
  assert.ok(Array.isArray(result.notes));
});

test("README: convertMany()", () => {
  const batch = convertMany("helpscout", "bird", '{"firstName": "Ada"}\n{"firstName": 7}\n');
  assert.equal(batch.converted, 1);
  assert.equal(batch.output, '{"displayName":"Ada","attributes":{"firstName":"Ada"}}\n');
  assert.equal(JSON.parse(batch.rejects).record, 2);
  const ndjson = '{"firstName": "Ada", "emails": [{"value": "ada@example.com"}]}\n';
  const [toBird, toIntercom] = convertMany("helpscout", ["bird", "intercom"], ndjson);
  assert.equal(toBird.converted + toIntercom.converted, 2);
});

test("README: convert() with externalId", () => {
  const person = convert(
    "helpscout",
    "sequence",
    { firstName: "Ada", emails: [{ type: "work", value: "ada@example.com" }] },
    { externalId: "email" },
  );
  assert.equal(person.payload.externalId, "ada@example.com");
  assert.deepEqual(person.notes[0], {
    path: "/externalId",
    code: "derived",
    message: "the source has no external id: this is a copy of the first email address (/emails/0)",
  });
});

test("README: errors", () => {
  try {
    validate("helpscout", "{");
    assert.fail("no error");
  } catch (e) {
    assert.ok(e instanceof ContactkitError);
    assert.equal(e.code, "invalid_json");
    assert.equal(e.message, "the payload is not valid JSON: the JSON text ends too early (line 1, column 1)");
    assert.equal(e.issues.length, 1);
  }
});
