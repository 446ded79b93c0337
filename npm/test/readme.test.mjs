// The examples of npm/README.md, with the results the README states. (typescript.test.mjs
// compiles every snippet; the environments are tested in environments.test.mjs and
// servers.test.mjs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

import { validate, validateField, validateMany, convert, convertMany, ContactkitError, birdSchema } from "contactkit";
import * as forms from "contactkit/forms";

test("README: Node, import and require()", () => {
  assert.deepEqual(validate("helpscout", { firstName: "Ada" }), { valid: true, issues: [] });
  const require = createRequire(import.meta.url);
  assert.deepEqual(require("contactkit").validate("bird", { displayName: "Ada" }), { valid: true, issues: [] });
  assert.deepEqual(forms.validateField("helpscout", "/firstName", "Ada"), { valid: true, issues: [] });
});

test("README: validate()", () => {
  const { valid, issues } = forms.validate("helpscout", {
    firstName: "A".repeat(41),
    emails: [{ type: "work", value: "ada at example.com" }],
  });
  assert.equal(valid, false);
  assert.deepEqual(issues, [
    {
      path: "/firstName",
      code: "too_long",
      severity: "error",
      message: "is 41 characters long, the maximum is 40",
      params: { limit: 40, length: 41 },
    },
    {
      path: "/emails/0/value",
      code: "format",
      severity: "error",
      message: "is not a valid email address",
      params: { format: "email" },
    },
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
    [
      {
        path: "/properties/0/value",
        code: "type",
        severity: "error",
        message: "must be an integer (number property)",
        params: { expected: ["integer"] },
      },
    ],
  );
});

test("README: validateMany()", () => {
  const batch = validateMany("helpscout", '{"firstName": "Ada"}\n\n{"gender": "robot"}\n');
  assert.equal(batch.records, 2);
  assert.equal(batch.valid, 1);
  assert.equal(batch.invalid, 1);
  assert.equal(batch.results.length, 1);
  assert.equal(batch.results[0].record, 2);
  assert.equal(batch.results[0].valid, false);
  assert.deepEqual(batch.results[0].issues.map((i) => [i.path, i.code]), [["/gender", "enum"]]);
});

test("README: validateField()", () => {
  assert.equal(forms.validateField("helpscout", "/firstName", "A".repeat(41)).issues[0].code, "too_long");
  assert.equal(forms.validateField("helpscout", "/emails/2/value", "ada at example.com").issues[0].path, "/emails/2/value");
  assert.equal(validateField("bird", "/displayName", undefined).issues[0].code, "required");
  assert.equal(validateField("intercom", "/role", "user").valid, true);
  assert.throws(
    () => forms.validateField("helpscout", "/firstname", "Ada"),
    (e) =>
      e.code === "invalid_pointer" &&
      e.message === '"/firstname" addresses a member that helpscout does not have; did you mean "/firstName"?',
  );
});

test("README: formFields(): requiredWithin and lengths in code points", () => {
  const phones = forms.formFields("helpscout").find((f) => f.name === "phones");
  const type = phones.fields.find((f) => f.name === "type");
  assert.equal(type.path, "/phones/0/type");
  assert.equal(type.required, true);
  assert.equal(type.requiredWithin, "/phones/0");
  const firstName = forms.formFields("helpscout").find((f) => f.name === "firstName");
  assert.equal(firstName.lengthUnit, "codePoint");
  assert.equal(forms.validateField("helpscout", "/firstName", "\u{1F600}".repeat(40)).valid, true);
});

test("README: Standard Schema", async () => {
  assert.equal(birdSchema["~standard"].vendor, "contactkit");
  const ok = await birdSchema["~standard"].validate({ displayName: "Ada" });
  assert.deepEqual(ok, { value: { displayName: "Ada" } });
  const bad = forms.helpscoutSchema["~standard"].validate({ emails: [{ value: "x" }] });
  assert.deepEqual(bad.issues[0].path, ["emails", 0, "value"]);
  assert.deepEqual(Object.keys(bad.issues[0]).sort(), ["code", "message", "params", "path", "pointer"]);
  assert.deepEqual(forms.helpscoutSchema["~standard"].jsonSchema.input({ target: "draft-2020-12" }), forms.schema("helpscout"));
});

test("README: convert()", () => {
  const result = convert("helpscout", "intercom", { firstName: "Ada", emails: [{ value: "ada@example.com" }] });
  assert.equal(result.ok, true);
  assert.deepEqual(result.payload, { email: "ada@example.com", name: "Ada" });
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
