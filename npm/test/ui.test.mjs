// Made for a UI (issue 15): where a required member is required, a typo in a pointer is an
// error, the unit of lengths is stated (and is what the validator counts), and no message
// carries a placeholder ("undefined", "null" for a missing value, "[object Object]", "NaN").
import { test } from "node:test";
import assert from "node:assert/strict";

import * as full from "contactkit";
import * as forms from "contactkit/forms";
import { FORMATS, readJson } from "./helpers.mjs";

/** Every field of a form, depth first. */
function walk(fields, out = []) {
  for (const f of fields) {
    out.push(f);
    if (f.fields) walk(f.fields, out);
    if (f.item) walk([f.item], out);
  }
  return out;
}

test("formFields: members required only inside an optional group say so (requiredWithin)", () => {
  const phones = forms.formFields("helpscout").find((f) => f.name === "phones");
  for (const member of phones.fields) {
    assert.equal(member.required, true, member.path);
    assert.equal(member.requiredWithin, "/phones/0", member.path);
  }
  const displayName = forms.formFields("bird").find((f) => f.name === "displayName");
  assert.equal(displayName.required, true);
  assert.equal(displayName.requiredWithin, undefined, "required of every payload");
  // An empty, optional group leaves the payload valid; once it exists, its members are needed.
  assert.deepEqual(forms.validate("helpscout", { phones: [] }), { valid: true, issues: [] });
  assert.deepEqual(
    forms.validate("helpscout", { phones: [{}] }).issues.map((i) => i.path),
    ["/phones/0/type", "/phones/0/value"],
  );
});

test("formFields: requiredWithin is what the validator does, for every format", () => {
  for (const format of FORMATS) {
    for (const field of walk(forms.formFields(format))) {
      if (field.requiredWithin === undefined) {
        if (field.required) {
          // Required of every payload: an empty payload misses it (or something above it).
          const missing = forms.validate(format, {}).issues.filter((i) => i.code === "required");
          assert.ok(
            missing.some((i) => field.path === i.path || field.path.startsWith(`${i.path}/`)),
            `${format} ${field.path}`,
          );
        }
        continue;
      }
      assert.equal(field.required, true, `${format} ${field.path}`);
      assert.ok(field.path.startsWith(`${field.requiredWithin}/`), `${format} ${field.path}`);
      const without = forms.validateField(format, field.requiredWithin, undefined);
      assert.ok(!without.issues.some((i) => i.path === field.path), `${format} ${field.path} without its group`);
      const withEmpty = forms.validateField(format, field.requiredWithin, {});
      assert.ok(
        withEmpty.issues.some((i) => i.path === field.path && i.code === "required"),
        `${format} ${field.path} in an empty ${field.requiredWithin}: ${JSON.stringify(withEmpty.issues)}`,
      );
    }
  }
});

test("validateField: a pointer to a member the format does not have is invalid_pointer", () => {
  for (const entry of [full, forms]) {
    assert.throws(
      () => entry.validateField("helpscout", "/firstname", "Ada"),
      (e) =>
        e instanceof entry.ContactkitError &&
        e.code === "invalid_pointer" &&
        e.message === '"/firstname" addresses a member that helpscout does not have; did you mean "/firstName"?',
    );
    assert.throws(() => entry.validateField("helpscout", "/firstname", undefined), (e) => e.code === "invalid_pointer");
    assert.throws(() => entry.validateField("intercom", "/address/city", "x"), (e) => e.code === "invalid_pointer");
    assert.throws(() => entry.validateField("helpscout", "/emails/2/adress", "x"), (e) => e.code === "invalid_pointer");
  }
  // Members a format accepts as data are fields.
  assert.deepEqual(forms.validateField("sequence", "/plan", "enterprise"), { valid: true, issues: [] });
  assert.deepEqual(forms.validateField("intercom", "/custom_attributes/plan", "pro"), { valid: true, issues: [] });
});

test("lengths are in Unicode code points, stated next to them; the browser's maxlength counts UTF-16", () => {
  for (const format of FORMATS) {
    for (const field of walk(forms.formFields(format))) {
      const has = field.minLength !== undefined || field.maxLength !== undefined;
      assert.equal(field.lengthUnit, has ? "codePoint" : undefined, `${format} ${field.path}`);
    }
  }
  const firstName = forms.formFields("helpscout").find((f) => f.name === "firstName");
  assert.equal(firstName.maxLength, 40);
  const emoji = "\u{1F600}";
  assert.equal(emoji.repeat(40).length, 80, "80 UTF-16 code units");
  assert.equal([...emoji.repeat(40)].length, 40, "40 code points");
  assert.deepEqual(forms.validateField("helpscout", "/firstName", emoji.repeat(40)), { valid: true, issues: [] });
  assert.equal(forms.validateField("helpscout", "/firstName", emoji.repeat(41)).issues[0].code, "too_long");
});

/** Words that would be a JavaScript value printed where text was meant. */
function placeholders(message) {
  const found = [];
  for (const re of [/\bundefined\b/, /\bNaN\b/, /\[object \w+\]/, /\b(a|an) (null|undefined)\b/, /\$\{/]) {
    if (re.test(message)) found.push(re.source);
  }
  // "null" names JSON's null in lists of types ("a string or null", "not null"); anything else
  // would be a missing value printed.
  const rest = message.replace(/\b(or|not|and) null\b|\bnull or\b|, null\b/g, "");
  if (/\bnull\b/.test(rest)) found.push("null");
  return found;
}

test("no message carries a placeholder: findings, notes and errors", () => {
  const native = readJson(process.env.CONTACTKIT_NATIVE_RESULTS);
  const messages = new Map();
  const add = (where, message) => messages.set(message, where);
  // Every finding and note the package gives for the fixture suite and the example data.
  for (const c of native.validate) {
    let result;
    try {
      result = full.validate(c.format, c.text);
    } catch (e) {
      add(c.id, e.message);
      result = { issues: e.issues ?? [] };
    }
    for (const i of result.issues) add(c.id, i.message);
  }
  for (const c of native.convert) {
    try {
      const r = full.convert(c.from, c.to, c.text);
      for (const i of r.ok ? r.notes : r.issues) add(c.id, i.message);
    } catch (e) {
      add(c.id, e.message);
    }
  }
  // Every argument error, for every kind of wrong argument.
  const odd = [undefined, null, 42, "x", true, () => {}, Symbol("s"), 10n, [], {}, new Date(0)];
  const cyclic = {};
  cyclic.self = cyclic;
  for (const entry of [full, forms]) {
    const calls = [
      (v) => entry.validate(v, {}),
      (v) => entry.validate("bird", v),
      (v) => entry.validate("bird", {}, v),
      (v) => entry.validate("bird", cyclic, v),
      (v) => entry.validateMany("bird", v),
      (v) => entry.validateField("bird", v, "x"),
      (v) => entry.validateField("bird", "/displayName", v),
      (v) => entry.schema(v),
      (v) => entry.formFields(v),
      (v) => entry.standardSchema(v),
      (v) => entry.birdSchema["~standard"].validate(v).issues?.forEach((i) => add("standard", i.message)),
      (v) => entry.birdSchema["~standard"].jsonSchema.input(v),
      (v) => entry.convert?.(v, "bird", {}),
      (v) => entry.convert?.("bird", "helpscout", v),
    ];
    for (const call of calls) {
      for (const v of odd) {
        try {
          call(v);
        } catch (e) {
          add(`${call} (${typeof v})`, e.message);
        }
      }
    }
  }
  assert.ok(messages.size > 250, `${messages.size} messages`);
  const bad = [...messages].filter(([m]) => placeholders(m).length).map(([m, where]) => `${where}: ${m}`);
  assert.deepEqual(bad, []);
  // The check finds what it is for.
  assert.deepEqual(placeholders("payload must be an object or a JSON string, not a undefined"), [
    "\\bundefined\\b",
    "\\b(a|an) (null|undefined)\\b",
  ]);
  assert.deepEqual(placeholders("must be a string, not null"), []);
  assert.deepEqual(placeholders("is null characters long"), ["null"]);
});

test("issues state their rule's terms in params, in both entries and every call", async () => {
  const { readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { repo } = await import("./helpers.mjs");
  const record = {
    firstName: "\u017e".repeat(41),
    lastName: 7,
    gender: "robot",
    emails: [{ type: "work", value: "not an address" }],
  };
  for (const api of [full, forms]) {
    const { issues } = api.validate("helpscout", record);
    const at = (path) => issues.find((i) => i.path === path)?.params;
    assert.deepEqual(at("/firstName"), { limit: 40, length: 41 });
    assert.deepEqual(at("/lastName"), { expected: ["string"] });
    assert.deepEqual(at("/gender"), { allowed: ["male", "female", "unknown"] });
    assert.deepEqual(at("/emails/0/value"), { format: "email" });
    assert.deepEqual(api.validateField("helpscout", "/firstName", "A".repeat(41)).issues[0].params, {
      limit: 40,
      length: 41,
    });
    const batch = api.validateMany("helpscout", '{"gender": "robot"}\n{"firstName": "Ada"}');
    assert.deepEqual(batch.results[0].issues[0].params, { allowed: ["male", "female", "unknown"] });
    assert.throws(
      () => api.validate("helpscout", '{\n  "firstName": }'),
      (e) => e.code === "invalid_json" && e.issues[0].params.line === 2 && e.issues[0].params.column === 16,
    );
    const standard = api.helpscoutSchema["~standard"].validate(record);
    assert.deepEqual(standard.issues.find((i) => i.pointer === "/firstName").params, { limit: 40, length: 41 });
  }
  // Over the example data: every length finding states its limit and length, every enum its
  // values, and the message says the same numbers and values (params hold only the rule's terms
  // and sizes: the core's test findings_state_their_terms_in_params checks no value is in them).
  let checked = 0;
  for (const format of ["sequence", "intercom", "bird", "helpscout"]) {
    const text = readFileSync(join(repo, `examples/data/${format}.ndjson`), "utf8");
    const batch = full.validateMany(format, text);
    for (const result of batch.results) {
      for (const issue of result.issues) {
        const p = issue.params;
        if (issue.code === "too_long" || issue.code === "too_short") {
          // An empty value's message says "is empty" rather than its length, 0.
          const length = p.length === 0 ? "empty" : String(p.length);
          assert.ok(issue.message.includes(String(p.limit)) && issue.message.includes(length), issue.message);
          checked++;
        }
        if (issue.code === "enum") {
          assert.ok(p.allowed.length > 0 && p.allowed.every((v) => issue.message.includes(v)), issue.message);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 10, `only ${checked} findings with params in the example data`);
});
