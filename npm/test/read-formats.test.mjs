// The read formats and preview() through the package (issue 9; docs/READ-FORMATS.md). The
// golden fixtures tests/fixtures/read/<format>/*.json hold the native outcome of every
// conversion in `expect`: the package must reproduce them exactly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";

import { validate, convert, preview, schema, formFields, formats, ContactkitError } from "contactkit";
import { repo, readJson, fixtureFiles, FORMATS, contractResult } from "./helpers.mjs";

const READ = ["intercom-contact", "bird-contact", "helpscout-customer"];

test("read-format fixtures convert as natively, to every format", () => {
  let count = 0;
  for (const format of READ) {
    const files = fixtureFiles(`tests/fixtures/read/${format}`);
    assert.ok(files.length >= 3, `${format}: fixtures`);
    for (const file of files) {
      const fixture = readJson(join(repo, file));
      for (const to of FORMATS) {
        // The fixtures hold the native outcome in the contract's shape (no params).
        assert.deepEqual(contractResult(convert(format, to, fixture.input)), fixture.expect[to], `${file} → ${to}`);
        count += 1;
      }
    }
  }
  assert.ok(count >= 45);
});

test("read formats validate leniently, have schemas and form fields, and are not targets", () => {
  assert.deepEqual(validate("bird-contact", { id: "x", anything: [1], attributes: { deep: { a: 1 } } }), {
    valid: true,
    issues: [],
  });
  assert.equal(validate("helpscout-customer", { firstName: 7 }).issues[0].code, "type");
  for (const format of READ) {
    assert.equal(schema(format).$id, `https://contactkit.dev/schemas/${format}.schema.json`);
    assert.ok(formFields(format).length > 0);
    const result = convert("intercom", format, { email: "ada@example.com" });
    assert.equal(result.ok, false);
    assert.equal(result.stage, "target");
    assert.equal(result.issues[0].code, "enum");
  }
  assert.deepEqual(
    formats().map((f) => f.id),
    FORMATS,
    "formats() lists the formats that convert both ways",
  );
});

test("preview() returns the vendor's object, or the source findings", () => {
  const intercom = preview("intercom", { email: "ada@example.com" });
  assert.equal(intercom.ok, true);
  assert.deepEqual(Object.keys(intercom), ["ok", "payload"]);
  assert.equal(intercom.payload.type, "contact");
  assert.equal(intercom.payload.role, "user");
  assert.equal(intercom.payload.email_domain, "example.com");
  assert.equal(intercom.payload.id, "preview");
  assert.deepEqual(intercom.payload.tags.data, []);

  const bird = preview(
    "bird",
    { displayName: "Ada", identifiers: [{ key: "emailaddress", value: "ada@example.com" }] },
    { now: "2024-05-01T14:00:00+02:00" },
  );
  assert.equal(bird.payload.computedDisplayName, "Ada");
  assert.equal(bird.payload.identifierCount, 1);
  assert.equal(bird.payload.isAnonymous, false);
  assert.deepEqual(bird.payload.attributes.emailaddress, ["ada@example.com"]);
  assert.equal(bird.payload.createdAt, "2024-05-01T12:00:00Z");

  const customer = preview("helpscout", '{"firstName": "Ada", "gender": "female"}');
  assert.equal(customer.payload.gender, "Female");
  assert.deepEqual(customer.payload._embedded.emails, []);

  const rejected = preview("intercom", { role: "user" });
  assert.deepEqual(Object.keys(rejected), ["ok", "stage", "issues"]);
  assert.equal(rejected.stage, "source");
  assert.equal(rejected.issues[0].code, "required");
});

test("preview() rejects what validate() rejects: a repeated member name, a number beyond a 64-bit float", () => {
  for (const [format, text, code] of [
    ["intercom", '{"email": "ada@example.com", "email": "grace@example.com"}', "duplicate"],
    ["bird", '{"displayName": "Ada", "attributes": {"seats": 1, "seats": 2}}', "duplicate"],
    ["helpscout", '{"firstName": "Ada", "properties": [{"slug": "seats", "value": 1e400}]}', "out_of_range"],
  ]) {
    const validated = validate(format, text);
    assert.equal(validated.valid, false, text);
    assert.equal(validated.issues[0].code, code, text);
    assert.deepEqual(preview(format, text), { ok: false, stage: "source", issues: validated.issues }, text);
  }
});

test("preview() errors: formats without a response, bad payloads and options", () => {
  const code = (fn) => {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof ContactkitError);
      return e.code;
    }
    assert.fail("no error");
  };
  assert.equal(code(() => preview("sequence", { externalId: "u-1" })), "no_preview");
  assert.equal(code(() => preview("intercom-contact", {})), "no_preview");
  assert.equal(code(() => preview("hubspot", {})), "unknown_format");
  assert.equal(code(() => preview("bird", "[]")), "not_an_object");
  assert.equal(code(() => preview("bird", "{")), "invalid_json");
  assert.equal(code(() => preview("bird", { displayName: "Ada" }, { now: "yesterday" })), "invalid_option");
  assert.equal(code(() => preview("bird", { displayName: "Ada" }, { lenient: true })), "invalid_option");
  assert.equal(code(() => preview("bird", undefined)), "invalid_argument");
});

test("README: preview()", () => {
  const result = preview("bird", { displayName: "Ada", identifiers: [{ key: "visitorid", value: "v-1" }] });
  assert.equal(result.ok && result.payload.isAnonymous, true);
  const rejected = preview("intercom", { role: "user" });
  assert.equal(rejected.ok || rejected.stage, "source");
  const migrated = convert("intercom-contact", "bird", {
    type: "contact",
    email: "ada@example.com",
    location: { city: "Dublin" },
  });
  assert.equal(migrated.ok, true);
});
