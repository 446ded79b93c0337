// Standard Schema v1 (https://standardschema.dev) for each create format, checked against the
// specification's shape and used by a real consumer: TanStack Form's FormApi
// (@tanstack/form-core) with the schema as its validator. (The types are checked against
// @standard-schema/spec by npm/test/types/standard.ts.)
import { test } from "node:test";
import assert from "node:assert/strict";

import { FormApi } from "@tanstack/form-core";
import * as full from "contactkit";
import * as forms from "contactkit/forms";
import { FORMATS } from "./helpers.mjs";

const NAMES = { sequence: "sequenceSchema", intercom: "intercomSchema", bird: "birdSchema", helpscout: "helpscoutSchema", canonical: "canonicalSchema" };

test("one schema per create format in both entries, implementing ~standard version 1", () => {
  for (const entry of [full, forms]) {
    for (const format of FORMATS) {
      const schema = entry[NAMES[format]];
      assert.equal(schema, entry.standardSchema(format), `${format}: the same object each time`);
      assert.equal(schema.format, format);
      const props = schema["~standard"];
      assert.equal(props.version, 1);
      assert.equal(props.vendor, "contactkit");
      assert.equal(typeof props.validate, "function");
      assert.ok(Object.isFrozen(schema) && Object.isFrozen(props));
      // Standard JSON Schema: the format's JSON Schema, for draft 2020-12 only.
      assert.deepEqual(props.jsonSchema.input({ target: "draft-2020-12" }), entry.schema(format));
      assert.deepEqual(props.jsonSchema.output({ target: "draft-2020-12" }), entry.schema(format));
      assert.throws(() => props.jsonSchema.input({ target: "draft-07" }), /draft-2020-12/);
    }
  }
  assert.throws(() => forms.standardSchema("intercom-contact"), (e) => e.code === "unknown_format");
});

test("a valid payload is the value itself; warnings do not fail it", () => {
  const payload = { firstName: "Ada", nickname: "A" };
  const result = forms.helpscoutSchema["~standard"].validate(payload);
  assert.deepEqual(result, { value: payload });
  assert.equal(result.value, payload);
  assert.equal(result.issues, undefined);
});

test("errors are issues with a message and a path of keys (indices as numbers)", () => {
  const value = {
    firstName: "x".repeat(41),
    emails: [{ type: "work", value: "ada at example.com" }],
    phones: [{ value: "1" }],
    properties: { "0": "x" },
    nickname: "a warning, not an issue",
  };
  const { issues } = forms.helpscoutSchema["~standard"].validate(value);
  const errors = full.validate("helpscout", value).issues.filter((i) => i.severity === "error");
  assert.equal(issues.length, errors.length);
  assert.deepEqual(
    issues.map((i) => [i.path, i.code, i.pointer]),
    errors.map((e) => [pathFor(e.path), e.code, e.path]),
  );
  assert.deepEqual(issues[0], {
    message: "is 41 characters long, the maximum is 40",
    path: ["firstName"],
    code: "too_long",
    pointer: "/firstName",
    params: { limit: 40, length: 41 },
  });
  assert.ok(issues.some((i) => JSON.stringify(i.path) === '["emails",0,"value"]'), JSON.stringify(issues));
  assert.ok(issues.some((i) => JSON.stringify(i.path) === '["phones",0,"type"]'), JSON.stringify(issues));
});

/** The expected Standard Schema path of these pointers in the test payload above. */
function pathFor(pointer) {
  return pointer
    .split("/")
    .slice(1)
    .map((t, i, all) => (/^\d+$/.test(t) && ["emails", "phones"].includes(all[i - 1]) ? Number(t) : t));
}

test("object keys that look like indices stay strings; the whole payload has path []", () => {
  const { issues } = forms.birdSchema["~standard"].validate({ displayName: "A", attributes: { 7: {} } });
  assert.deepEqual(issues.map((i) => i.path), [["attributes", "7"]]);
  for (const value of [null, "text", 42, [], undefined, () => {}, 10n]) {
    const result = forms.birdSchema["~standard"].validate(value);
    assert.equal(result.issues.length, 1, String(value));
    assert.deepEqual(result.issues[0].path, []);
    assert.equal(result.issues[0].code, "type");
    assert.match(result.issues[0].message, /must be an object/);
  }
  const cyclic = { displayName: "A" };
  cyclic.self = cyclic;
  assert.deepEqual(forms.birdSchema["~standard"].validate(cyclic).issues[0].path, []);
});

test("TanStack Form (form-core FormApi) validates with the schema and maps issues to fields", async () => {
  const form = new FormApi({
    defaultValues: { firstName: "Ada", emails: [{ type: "work", value: "ada@example.com" }] },
    validators: { onChange: forms.helpscoutSchema, onSubmit: forms.helpscoutSchema },
  });
  form.mount();
  assert.equal(form.state.canSubmit, true);
  form.setFieldValue("firstName", "x".repeat(41));
  form.setFieldValue("emails", [{ type: "work", value: "ada at example.com" }]);
  await form.validateAllFields("change");
  const errors = form.state.errors.flatMap((e) => Object.entries(e ?? {}));
  const byField = Object.fromEntries(errors.map(([field, issues]) => [field, issues.map((i) => i.code)]));
  assert.deepEqual(byField, { firstName: ["too_long"], "emails[0].value": ["format"] });
  assert.equal(form.state.canSubmit, false);
  form.setFieldValue("firstName", "Ada");
  form.setFieldValue("emails", [{ type: "work", value: "ada@example.com" }]);
  await form.handleSubmit();
  assert.equal(form.state.isSubmitSuccessful, true);
  assert.equal(form.state.canSubmit, true);
});
