// The read formats through the package (issue 9; docs/READ-FORMATS.md). The
// golden fixtures tests/fixtures/read/<format>/*.json hold the native outcome of every
// conversion in `expect`: the package must reproduce them exactly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";

import { validate, convert, schema, formFields, formats } from "contactkit";
import { repo, readJson, fixtureFiles, FORMATS } from "./helpers.mjs";

const READ = ["intercom-contact", "bird-contact", "helpscout-customer"];

test("read-format fixtures convert as natively, to every format", () => {
  let count = 0;
  for (const format of READ) {
    const files = fixtureFiles(`tests/fixtures/read/${format}`);
    assert.ok(files.length >= 3, `${format}: fixtures`);
    for (const file of files) {
      const fixture = readJson(join(repo, file));
      for (const to of FORMATS) {
        assert.deepEqual(convert(format, to, fixture.input), fixture.expect[to], `${file} → ${to}`);
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

test("README: read formats", () => {
  const migrated = convert("intercom-contact", "bird", {
    type: "contact",
    email: "ada@example.com",
    location: { city: "Dublin" },
  });
  assert.equal(migrated.ok, true);
  assert.equal(migrated.payload.displayName, "ada@example.com");
});
