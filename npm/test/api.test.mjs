// The package API as users call it: imported by name, in Node, without a bundler.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { createRequire } from "node:module";

import {
  validate,
  validateField,
  convert,
  convertMany,
  schema,
  formats,
  formFields,
  version,
  init,
  ContactkitError,
} from "contactkit";
import defaultInit from "contactkit";
import { repo, readJson, FORMATS } from "./helpers.mjs";

const require = createRequire(import.meta.url);

test("formats() lists the five formats in the contract's order with titles", () => {
  const list = formats();
  assert.deepEqual(
    list.map((f) => f.id),
    FORMATS,
  );
  for (const f of list) {
    assert.deepEqual(Object.keys(f), ["id", "title"]);
    assert.equal(typeof f.title, "string");
    assert.ok(f.title.length > 3);
  }
  assert.match(list.find((f) => f.id === "helpscout").title, /Help Scout/);
});

test("version() is the package version", () => {
  assert.equal(version(), require("contactkit/package.json").version);
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

test("init() is harmless in Node: the module is ready on import", async () => {
  assert.equal(init, defaultInit);
  await init();
  assert.equal(validate("bird", { displayName: "Ada" }).valid, true);
});

test("validate() accepts an object or JSON text and returns {valid, issues}", () => {
  const payload = { firstName: "Ada", lastName: "Lovelace", emails: [{ type: "work", value: "ada@example.com" }] };
  const fromObject = validate("helpscout", payload);
  assert.deepEqual(fromObject, { valid: true, issues: [] });
  assert.deepEqual(validate("helpscout", JSON.stringify(payload)), fromObject);
  assert.deepEqual(validate("helpscout", "  {\"firstName\": \"Ada\"}\n"), { valid: true, issues: [] });
});

test("validate() reports each finding with path, code, severity and message", () => {
  const result = validate("helpscout", {
    firstName: "x".repeat(41),
    gender: "robot",
    emails: [{ type: "work", value: "not an address" }],
  });
  assert.equal(result.valid, false);
  assert.deepEqual(
    result.issues.map(({ path, code, severity }) => ({ path, code, severity })),
    [
      { path: "/firstName", code: "too_long", severity: "error" },
      { path: "/gender", code: "enum", severity: "error" },
      { path: "/emails/0/value", code: "format", severity: "error" },
    ],
  );
  for (const issue of result.issues) {
    // params: the rule's terms (the limit, the accepted values, the format), after the message.
    assert.deepEqual(Object.keys(issue), ["path", "code", "severity", "message", "params"]);
    assert.equal(typeof issue.message, "string");
  }
  assert.equal(result.issues[0].message, "is 41 characters long, the maximum is 40");
});

test("warnings alone leave a payload valid", () => {
  const result = validate("helpscout", { firstName: "Ada", nickname: "A" });
  assert.equal(result.valid, true);
  assert.deepEqual(result.issues.map((i) => [i.path, i.code, i.severity]), [["/nickname", "unknown_field", "warning"]]);
});

test("messages echo values only with showValues", () => {
  const payload = { emails: [{ type: "work", value: "secret-address" }] };
  const hidden = validate("helpscout", payload).issues[0].message;
  const shown = validate("helpscout", payload, { showValues: true }).issues[0].message;
  assert.ok(!hidden.includes("secret-address"), hidden);
  assert.ok(shown.includes("secret-address"), shown);
  assert.deepEqual(validate("helpscout", payload, { showValues: false }).issues[0].message, hidden);
});

test("definitions check custom fields, given as an object or JSON text", () => {
  const payload = { properties: [{ slug: "seats", value: "many" }] };
  const definitions = { helpscout: [{ slug: "seats", type: "number" }] };
  assert.equal(validate("helpscout", payload).valid, true);
  const withObject = validate("helpscout", payload, { definitions });
  assert.equal(withObject.valid, false);
  assert.deepEqual(withObject.issues.map((i) => [i.path, i.code]), [["/properties/0/value", "type"]]);
  assert.deepEqual(validate("helpscout", payload, { definitions: JSON.stringify(definitions) }), withObject);
  // The vendor's own list endpoint body works as well.
  const vendorBody = { _embedded: { "customer-properties": [{ slug: "seats", type: "number" }] } };
  assert.deepEqual(validate("helpscout", payload, { definitions: vendorBody }), withObject);
});

test("validateField() checks one form input in place", () => {
  assert.deepEqual(validateField("helpscout", "/firstName", "Ada"), { valid: true, issues: [] });
  const long = validateField("helpscout", "/firstName", "x".repeat(41));
  assert.equal(long.valid, false);
  assert.deepEqual(long.issues.map((i) => [i.path, i.code, i.severity]), [["/firstName", "too_long", "error"]]);
  const email = validateField("helpscout", "/emails/0/value", "nope");
  assert.deepEqual(email.issues.map((i) => [i.path, i.code]), [["/emails/0/value", "format"]]);
  const enumWarning = validateField("helpscout", "/gender", "Male");
  assert.equal(enumWarning.valid, true);
  assert.deepEqual(enumWarning.issues.map((i) => [i.path, i.code, i.severity]), [["/gender", "enum", "warning"]]);
});

test("validateField() leaves other members' rules out", () => {
  // Bird requires displayName; checking another input must not report it.
  const other = validateField("bird", "/identifiers/0/value", "ada@example.com");
  assert.ok(other.issues.every((i) => i.path.startsWith("/identifiers/0/value")), JSON.stringify(other));
  // Intercom's role "user" needs email or external_id: a finding at "", not at /role.
  assert.deepEqual(validateField("intercom", "/role", "user"), { valid: true, issues: [] });
  assert.deepEqual(
    validateField("intercom", "/role", "admin").issues.map((i) => [i.path, i.code]),
    [["/role", "enum"]],
  );
});

test("validateField() reports an absent required member, and array items at their index", () => {
  assert.deepEqual(
    validateField("bird", "/displayName", undefined).issues.map((i) => [i.path, i.code, i.severity]),
    [["/displayName", "required", "error"]],
  );
  assert.deepEqual(validateField("helpscout", "/lastName", undefined), { valid: true, issues: [] });
  const item = validateField("helpscout", "/emails/4/value", "nope");
  assert.deepEqual(item.issues.map((i) => i.path), ["/emails/4/value"]);
  // A whole item, with its own members' findings.
  const whole = validateField("helpscout", "/emails/2", { type: "work", value: "nope" });
  assert.deepEqual(whole.issues.map((i) => [i.path, i.code]), [["/emails/2/value", "format"]]);
});

test("validateField() with the pointer \"\" validates the whole payload", () => {
  const payload = { firstName: "Ada", gender: "robot" };
  assert.deepEqual(validateField("helpscout", "", payload), validate("helpscout", payload));
});

test("validateField() agrees with validate() for every field of a full payload", () => {
  const payload = {
    firstName: "x".repeat(41),
    lastName: "Lovelace",
    gender: "robot",
    photoUrl: "ftp://example.com/a.png",
    emails: [{ type: "work", value: "nope" }],
  };
  const whole = validate("helpscout", payload).issues;
  for (const [key, value] of Object.entries(payload)) {
    const pointer = `/${key}`;
    const expected = whole.filter((i) => i.path === pointer || i.path.startsWith(`${pointer}/`));
    assert.deepEqual(validateField("helpscout", pointer, value).issues, expected, pointer);
  }
});

test("schema() returns the committed JSON Schema as a fresh object", () => {
  for (const id of FORMATS) {
    const expected = readJson(join(repo, "schemas", `${id}.schema.json`));
    const actual = schema(id);
    assert.deepEqual(actual, expected, id);
    assert.equal(actual.$schema, "https://json-schema.org/draft/2020-12/schema");
  }
  const first = schema("bird");
  first.properties = {};
  assert.notDeepEqual(schema("bird").properties, {});
});

test("formFields() gives what an HTML form needs", () => {
  const fields = formFields("helpscout");
  const firstName = fields.find((f) => f.name === "firstName");
  assert.equal(firstName.path, "/firstName");
  assert.equal(firstName.jsonType, "string");
  assert.equal(firstName.required, false);
  assert.equal(firstName.minLength, 1);
  assert.equal(firstName.maxLength, 40);
  const gender = fields.find((f) => f.name === "gender");
  assert.deepEqual(gender.enumValues, ["male", "female", "unknown"]);
  // A documented list (another value is an error), where another letter case only warns.
  assert.equal(gender.enumIsStrict, true);
  assert.equal(gender.enumAnyCase, true);
  assert.equal(validate("helpscout", { gender: "robot" }).valid, false);
  assert.equal(validate("helpscout", { gender: "Male" }).valid, true);
  const emails = fields.find((f) => f.name === "emails");
  assert.equal(emails.jsonType, "array");
  const value = emails.fields.find((f) => f.name === "value");
  assert.equal(value.path, "/emails/0/value");
  assert.equal(value.format, "email");
  // The pattern is an ECMAScript regular expression valid in Unicode mode and under the `v`
  // flag, which browsers use to compile `<input pattern>` (an invalid pattern is ignored there).
  for (const flag of ["u", "v"]) {
    const re = new RegExp(value.pattern, flag);
    assert.ok(re.test("ada@example.com"));
    assert.ok(!re.test("not an address"));
  }
  const patterns = [];
  const collect = (list) => {
    for (const f of list) {
      if (f.pattern) patterns.push(f.pattern);
      if (f.item?.pattern) patterns.push(f.item.pattern);
      if (f.fields) collect(f.fields);
    }
  };
  for (const { id } of formats()) collect(formFields(id));
  assert.ok(patterns.length >= 5);
  for (const p of patterns) assert.doesNotThrow(() => new RegExp(p, "v"), p);
  const bird = formFields("bird");
  assert.equal(bird.find((f) => f.name === "displayName").required, true);
  // Members that a rule of their object checks together: re-checked as one, and a `required`
  // finding at the object's path concerns them all.
  const identifier = bird.find((f) => f.name === "identifiers").fields;
  assert.deepEqual(identifier.find((f) => f.name === "value").tiedTo, ["key"]);
  const intercom = formFields("intercom");
  assert.deepEqual(intercom.find((f) => f.name === "email").tiedTo, ["role", "external_id"]);
  assert.equal(intercom.find((f) => f.name === "name").tiedTo, undefined);
  const atRecord = validate("intercom", { role: "user" }).issues.filter((i) => i.path === "");
  assert.deepEqual(atRecord.map((i) => i.code), ["required"]);
  // Fresh each call.
  fields.length = 0;
  assert.ok(formFields("helpscout").length > 0);
});

test("formFields() paths address values that validateField() accepts", () => {
  const walk = (fields, out) => {
    for (const f of fields) {
      out.push(f);
      if (f.fields) walk(f.fields, out);
    }
    return out;
  };
  for (const id of FORMATS) {
    for (const field of walk(formFields(id), [])) {
      const result = validateField(id, field.path, undefined);
      assert.equal(typeof result.valid, "boolean", `${id} ${field.path}`);
    }
  }
});

test("convert() returns {ok: true, payload, notes} or {ok: false, stage, issues}", () => {
  const result = convert("helpscout", "bird", { firstName: "Ada", lastName: "Lovelace" });
  assert.equal(typeof result.ok, "boolean");
  if (result.ok) {
    assert.deepEqual(Object.keys(result), ["ok", "payload", "notes"]);
    assert.equal(result.payload.displayName, "Ada Lovelace");
    for (const note of result.notes) assert.deepEqual(Object.keys(note), ["path", "code", "message"]);
  } else {
    assert.deepEqual(Object.keys(result), ["ok", "stage", "issues"]);
  }
  // Object and text payloads convert alike.
  assert.deepEqual(
    convert("helpscout", "bird", JSON.stringify({ firstName: "Ada", lastName: "Lovelace" })),
    result,
  );
});

test("convert() and convertMany() read long decimals as the CLI does (correctly rounded)", () => {
  // serde_json without `float_roundtrip` (the module's, until the core's scanner read records)
  // gave 8.081000000000001e-25 and 5.935843788123018e-256 here; the CLI and JavaScript's own
  // number literals give the nearest doubles.
  const a = "0.00000000000000000000000080810";
  const b = "593584378812301682.2166992618336e-273";
  const text = `{"role":"user","email":"ada@example.com","custom_attributes":{"a":${a},"b":${b}}}`;
  const result = convert("intercom", "canonical", text);
  assert.equal(result.ok, true);
  assert.equal(result.payload.customAttributes.a, 8.081e-25);
  assert.equal(result.payload.customAttributes.b, 593584378812301682.2166992618336e-273);
  const batch = convertMany("intercom", "canonical", text);
  assert.match(batch.output, /"a":8\.081e-25,"b":5\.935843788123016e-256\}/);
});

test("convert() rejects an invalid source at the source stage with the validator's findings", () => {
  const payload = { firstName: "x".repeat(41) };
  const result = convert("helpscout", "bird", payload);
  assert.equal(result.ok, false);
  assert.equal(result.stage, "source");
  assert.deepEqual(
    result.issues.filter((i) => i.severity === "error"),
    validate("helpscout", payload).issues.filter((i) => i.severity === "error"),
  );
});

test("convert() rejects a record that cannot satisfy the target (Sequence needs externalId)", () => {
  const result = convert("helpscout", "sequence", { firstName: "Ada" });
  assert.equal(result.ok, false);
  assert.equal(result.stage, "target");
  assert.ok(
    result.issues.some((i) => i.path === "/externalId" && i.code === "required"),
    JSON.stringify(result),
  );
});

test("convert() externalId fills a missing external id, with a derived note, and nothing else", () => {
  const customer = {
    firstName: "Ada",
    emails: [{ type: "work", value: "ada@example.com" }],
    properties: [{ slug: "crm_id", value: 42 }],
  };
  const byEmail = convert("helpscout", "sequence", customer, { externalId: "email" });
  assert.equal(byEmail.ok, true, JSON.stringify(byEmail));
  assert.equal(byEmail.payload.externalId, "ada@example.com");
  assert.equal(byEmail.payload.email, "ada@example.com");
  assert.deepEqual(
    byEmail.notes.find((n) => n.code === "derived"),
    {
      path: "/externalId",
      code: "derived",
      message: "the source has no external id: this is a copy of the first email address (/emails/0)",
    },
  );
  const byCustom = convert("helpscout", "bird", customer, { externalId: "custom:crm_id" });
  assert.deepEqual(byCustom.payload.identifiers.at(-1), { key: "external_id", value: "42" });
  const byId = convert("helpscout-customer", "intercom", { id: 500, firstName: "Ada" }, { externalId: "source-id" });
  assert.equal(byId.payload.external_id, "500");
  // The source's own id wins; a source without the value is rejected as without the option.
  const own = { external_id: "u-1", email: "ada@example.com" };
  assert.deepEqual(convert("intercom", "sequence", own, { externalId: "email" }), convert("intercom", "sequence", own));
  const lacking = convert("helpscout", "sequence", { firstName: "Ada" }, { externalId: "email" });
  assert.equal(lacking.ok, false);
  assert.equal(lacking.stage, "target");
  assert.deepEqual(
    lacking.issues.map((i) => [i.path, i.code]),
    [["/externalId", "required"]],
  );
  // source-id needs a read format: every record is rejected with one finding at "".
  const misapplied = convert("helpscout", "sequence", customer, { externalId: "source-id" });
  assert.equal(misapplied.ok, false);
  assert.deepEqual(misapplied.issues.map((i) => [i.path, i.code]), [["", "enum"]]);
});

test("convert() lenient mode truncates instead of rejecting", () => {
  const payload = { externalId: "u1", firstName: "y".repeat(60) };
  const strict = convert("sequence", "helpscout", payload);
  assert.equal(strict.ok, false);
  assert.equal(strict.stage, "target");
  assert.ok(strict.issues.some((i) => i.path === "/firstName" && i.code === "too_long"), JSON.stringify(strict));
  const lenient = convert("sequence", "helpscout", payload, { lenient: true });
  assert.equal(lenient.ok, true, JSON.stringify(lenient));
  assert.equal(lenient.payload.firstName, "y".repeat(40));
  assert.ok(lenient.notes.some((n) => n.path === "/firstName" && n.code === "truncated"), JSON.stringify(lenient));
});

test("results are fresh objects, independent of each other", () => {
  const a = validate("bird", {});
  a.issues.push("mutated");
  assert.equal(validate("bird", {}).issues.length, a.issues.length - 1);
  assert.ok(!(validate("bird", {}) instanceof ContactkitError));
});
