// The per-vendor entries `contactkit/forms/<format>`: `contactkit/forms` for one create format,
// from a module built for that format alone (scripts/build-wasm.sh). Parity of their findings
// with the native crate is in parity.test.mjs; their sizes in size.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import * as forms from "contactkit/forms";
import { FORMATS, packageDir } from "./helpers.mjs";

const entries = Object.fromEntries(
  await Promise.all(FORMATS.map(async (format) => [format, await import(`contactkit/forms/${format}`)])),
);

/** What a per-vendor entry exports: the forms entry's, for its one format, without the batch call. */
const exportsOf = (format) =>
  ["ContactkitError", "default", "formFields", "formats", "init", "initSync", "schema", "standardSchema",
    "validate", "validateField", "version", `${format}Schema`].sort();

for (const format of FORMATS) {
  const entry = entries[format];

  test(`contactkit/forms/${format}: exports the forms functions for ${format} only, from a module of its own`, () => {
    assert.deepEqual(Object.keys(entry).sort(), exportsOf(format));
    assert.deepEqual(entry.formats(), forms.formats().filter((f) => f.id === format));
    assert.equal(entry.version(), forms.version());
    assert.equal(entry.ContactkitError, forms.ContactkitError);
    const wasm = new WebAssembly.Module(readFileSync(join(packageDir, `forms-${format}_wasm_bg.wasm`)));
    const names = WebAssembly.Module.exports(wasm).map((e) => e.name);
    assert.ok(!names.includes("validateMany"), `the module exports ${names}`);
    assert.deepEqual(WebAssembly.Module.imports(wasm), []);
    assert.ok(
      readFileSync(join(packageDir, `forms-${format}_wasm_bg.wasm`)).length <
        readFileSync(join(packageDir, "forms_wasm_bg.wasm")).length,
    );
  });

  test(`contactkit/forms/${format}: schema, formFields, validateField and its Standard Schema as contactkit/forms's`, async () => {
    assert.deepEqual(entry.schema(format), forms.schema(format));
    assert.deepEqual(entry.formFields(format), forms.formFields(format));
    const first = forms.formFields(format)[0];
    for (const value of [undefined, "", "x".repeat(300), 12, null, { a: 1 }]) {
      assert.deepEqual(
        entry.validateField(format, first.path, value),
        forms.validateField(format, first.path, value),
        `${first.path} = ${JSON.stringify(value)}`,
      );
    }
    const outcome = (fn) => {
      try {
        return fn();
      } catch (e) {
        return { code: e.code, message: e.message };
      }
    };
    for (const pointer of ["/noSuchMember", "/emails/x", "nope"]) {
      assert.deepEqual(
        outcome(() => entry.validateField(format, pointer, 1)),
        outcome(() => forms.validateField(format, pointer, 1)),
        pointer,
      );
    }
    const schema = entry[`${format}Schema`];
    assert.equal(schema, entry.standardSchema(format));
    assert.equal(schema.format, format);
    assert.equal(schema["~standard"].vendor, "contactkit");
    for (const value of [{}, { emails: 1 }, [], "text"]) {
      assert.deepEqual(await schema["~standard"].validate(value), await forms[`${format}Schema`]["~standard"].validate(value));
    }
  });

  test(`contactkit/forms/${format}: another format id is unknown_format, said by the module, pointing to contactkit/forms`, () => {
    for (const other of [...FORMATS.filter((f) => f !== format), "intercom-contact", "hubspot", ""]) {
      for (const call of [
        () => entry.validate(other, {}),
        () => entry.validateField(other, "", {}),
        () => entry.schema(other),
        () => entry.formFields(other),
        () => entry.standardSchema(other),
      ]) {
        assert.throws(call, (e) => {
          assert.ok(e instanceof forms.ContactkitError, String(e));
          assert.equal(e.code, "unknown_format");
          assert.equal(
            e.message,
            `contactkit/forms/${format} validates ${JSON.stringify(format)} only, not ${JSON.stringify(other)}: ` +
              'import "contactkit/forms" for every create format',
          );
          return true;
        });
      }
    }
  });

  test(`contactkit/forms/${format}: definitions of another vendor are refused (invalid_definitions), its own are read`, () => {
    const vendors = {
      helpscout: [{ slug: "seats", type: "number" }],
      intercom: [{ name: "seats", data_type: "integer", model: "contact" }],
      bird: [{ key: "seats", type: "number", cardinality: "one" }],
    };
    for (const [vendor, list] of Object.entries(vendors)) {
      const options = { definitions: { [vendor]: list } };
      if (vendor === format) {
        assert.deepEqual(entry.validate(format, "{}", options), forms.validate(format, "{}", options));
        continue;
      }
      const name = { helpscout: "Help Scout", intercom: "Intercom", bird: "Bird" }[vendor];
      assert.throws(() => entry.validate(format, "{}", options), {
        code: "invalid_definitions",
        message:
          `definitions /${vendor}: are ${name} definitions, which contactkit/forms/${format} does not read ` +
          `(it validates ${format} payloads only; "contactkit/forms" reads every vendor's)`,
      });
      // contactkit/forms reads them (and leaves them unused for another vendor's format).
      assert.doesNotThrow(() => forms.validate(format, "{}", options));
    }
    // A vendor's own list-definitions response, recognised by its shape, likewise.
    const bodies = {
      helpscout: { _embedded: { "customer-properties": vendors.helpscout } },
      intercom: { type: "list", data: vendors.intercom },
      bird: { results: vendors.bird },
    };
    for (const [vendor, body] of Object.entries(bodies)) {
      if (vendor === format) continue;
      assert.throws(() => entry.validateField(format, "", {}, { definitions: JSON.stringify(body) }), (e) => {
        assert.equal(e.code, "invalid_definitions");
        assert.match(e.message, /^definitions \(document\): are .* definitions, which contactkit\/forms\//);
        return true;
      });
    }
  });
}
