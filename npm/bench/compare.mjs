// contactkit (WebAssembly, the package imported by name) side by side with ajv 8 + ajv-formats
// on the package's own JSON Schema and zod 4 on an equivalent schema, in one run, on a typical
// Help Scout "Create Customer" payload (helpscout-typical.json, 1.2 KB of JSON):
//
//   1. a server receiving JSON text: validate(text) vs JSON.parse + ajv vs JSON.parse + zod;
//   2. a batch of 10,000 such records as NDJSON text: one validateMany() call vs a loop of
//      JSON.parse + ajv (+ zod) per record; then the 1,500 records of the example data
//      (examples/data/*.ndjson: valid and invalid records of every format) where the
//      repository is at hand;
//   3. a form or client holding an object: validate(object) vs ajv vs zod safeParse;
//   4. one form input: validateField() vs ajv and zod on the member's own schema;
//   5. cases 1, 3 and 4 again with `contactkit/forms`, whose module is the size-optimised build
//      that browsers load (the Node entry of `contactkit` embeds a build optimised for speed).
//
//   bash scripts/test-wasm.sh --bench        (BENCHMARKS.md has a table of a run)
//
// With CONTACTKIT_BASELINE=<a pkg/ directory of another build> (e.g. the base commit's, made with
// `PKG_DIR=... bash scripts/build-wasm.sh`), each contactkit case is also timed with that build,
// right after the package's own in the same run: a "before" column and the ratio after ÷ before.
//
// Each sample times a batch of calls in CPU time (process.cpuUsage: steadier than wall time on
// a shared machine); a figure is the median over 31 samples of the time per call (per record
// for batches). The three agree on the payloads first, or the comparison would be meaningless.
import { readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { z } from "zod";
import { schema, validate, validateField, validateMany, version } from "contactkit";
import * as forms from "contactkit/forms";

const baselineDir = process.env.CONTACTKIT_BASELINE;
const baseline = baselineDir ? await import(pathToFileURL(join(baselineDir, "node.js")).href) : undefined;
const baselineForms = baselineDir ? await import(pathToFileURL(join(baselineDir, "forms.node.js")).href) : undefined;
const here = dirname(fileURLToPath(import.meta.url));
const repo = process.env.CONTACTKIT_REPO;
const payloadText = readFileSync(join(here, "helpscout-typical.json"), "utf8");
const payload = JSON.parse(payloadText);
const jsonSchema = schema("helpscout");

// ajv on the package's own schema (draft 2020-12), all errors as contactkit reports them all.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const ajvValidate = ajv.compile(jsonSchema);
const ajvFirstName = ajv.compile(jsonSchema.properties.firstName);

// zod 4: the same rules, written as a zod user would, with the schema's own lists and patterns.
const p = jsonSchema.properties;
const re = (s) => new RegExp(s.pattern);
const typed = (item) =>
  z.array(z.object({ type: z.enum(item.items.properties.type.enum), value: z.string() }));
const slug = z
  .string()
  .regex(re(p.properties.oneOf[0].items.properties.slug))
  .refine((s) => !p.properties.oneOf[0].items.properties.slug.not.enum.includes(s));
const propertyValue = z.union([z.string(), z.int()]);
const zodFirstName = z.string().min(1).max(40);
const zodSchema = z.object({
  firstName: zodFirstName.optional(),
  lastName: z.string().min(1).max(40).optional(),
  phone: z.string().optional(),
  photoUrl: z.string().max(200).regex(re(p.photoUrl)).optional(),
  photoType: z.enum(p.photoType.enum).optional(),
  jobTitle: z.string().max(60).optional(),
  background: z.string().max(200).optional(),
  location: z.string().max(60).optional(),
  organization: z.string().max(60).optional(),
  organizationId: z.unknown().optional(),
  gender: z.string().regex(re(p.gender)).optional(),
  age: z.string().optional(),
  emails: z.array(z.object({ type: z.string().optional(), value: z.string().regex(re(p.emails.items.properties.value)).optional() })).optional(),
  phones: typed(p.phones).optional(),
  chats: typed(p.chats).optional(),
  socialProfiles: typed(p.socialProfiles).optional(),
  websites: z.array(z.object({ value: z.string().regex(re(p.websites.items.properties.value)) })).optional(),
  address: z
    .object({
      city: z.string().optional(),
      state: z.string().optional(),
      postalCode: z.string().optional(),
      country: z.string().optional(),
      lines: z.array(z.string()).optional(),
    })
    .optional(),
  properties: z.union([z.array(z.object({ slug, value: propertyValue })), z.record(slug, propertyValue)]).optional(),
});

// The three agree: the typical payload is valid, and each of these is not.
const invalid = [
  { ...payload, firstName: "x".repeat(41) },
  { ...payload, photoType: "myspace" },
  { ...payload, emails: [{ type: "work", value: "vbear at example.com" }] },
  { ...payload, phones: [{ type: "car", value: "1" }] },
  { ...payload, properties: [{ slug: "email", value: "x" }] },
];
const agree = [[payload, true], ...invalid.map((v) => [v, false])];
for (const [value, expected] of agree) {
  const ours = validate("helpscout", value).valid;
  const theirs = [ajvValidate(value), zodSchema.safeParse(value).success];
  if (ours !== expected || theirs.some((v) => v !== expected)) {
    throw new Error(`the validators disagree on ${JSON.stringify(value).slice(0, 80)}: ${ours} ${theirs}`);
  }
}
if (validate("helpscout", payload).issues.length !== 0) throw new Error("the typical payload has findings");

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median nanoseconds of CPU time per unit: `fn` runs `batch` times per sample and does `units` units each time. */
function measure(fn, batch, units = 1, samples = 31) {
  for (let i = 0; i < Math.max(batch * 3, 3); i++) fn(); // warm up (JIT, wasm tier-up)
  const perUnit = [];
  for (let s = 0; s < samples; s++) {
    const start = process.cpuUsage();
    for (let i = 0; i < batch; i++) fn();
    const used = process.cpuUsage(start);
    perUnit.push(((used.user + used.system) * 1000) / (batch * units));
  }
  return median(perUnit);
}

let sink = 0;
const ajvText = (text) => {
  sink += ajvValidate(JSON.parse(text)) ? 0 : 1;
};
const zodText = (text) => {
  sink += zodSchema.safeParse(JSON.parse(text)).success ? 0 : 1;
};

// 10,000 typical records as NDJSON; the example data of every format, where the repo is.
const N = 10_000;
const ndjson = `${Array.from({ length: N }, () => JSON.stringify(payload)).join("\n")}\n`;
const lines = ndjson.split("\n").filter((l) => l !== "");
const rows = [];
function row(label, unit, figures) {
  rows.push({ label, unit, ...figures });
}

row("validate(JSON text), typical payload", "call", {
  contactkit: measure(() => { sink += validate("helpscout", payloadText).issues.length; }, 2000),
  before: baseline && measure(() => { sink += baseline.validate("helpscout", payloadText).issues.length; }, 2000),
  ajv: measure(() => ajvText(payloadText), 2000),
  zod: measure(() => zodText(payloadText), 2000),
});
row(`validateMany(NDJSON), ${N.toLocaleString("en")} typical records`, "record", {
  contactkit: measure(() => { sink += validateMany("helpscout", ndjson).invalid; }, 1, N, 15),
  before: baseline && measure(() => { sink += baseline.validateMany("helpscout", ndjson).invalid; }, 1, N, 15),
  ajv: measure(() => lines.forEach(ajvText), 1, N, 15),
  zod: measure(() => lines.forEach(zodText), 1, N, 15),
});
const objects = lines.map((l) => JSON.parse(l));
row(`validateMany(array of objects), ${N.toLocaleString("en")} typical records`, "record", {
  contactkit: measure(() => { sink += validateMany("helpscout", objects).invalid; }, 1, N, 15),
  before: baseline && measure(() => { sink += baseline.validateMany("helpscout", objects).invalid; }, 1, N, 15),
  ajv: measure(() => objects.forEach((o) => { sink += ajvValidate(o) ? 0 : 1; }), 1, N, 15),
  zod: measure(() => objects.forEach((o) => { sink += zodSchema.safeParse(o).success ? 0 : 1; }), 1, N, 15),
});
if (repo && existsSync(join(repo, "examples", "data", "helpscout.ndjson"))) {
  // Mixed validity: contactkit reports every finding; ajv (allErrors) and zod collect theirs.
  const data = readFileSync(join(repo, "examples", "data", "helpscout.ndjson"), "utf8");
  const dataLines = data.split("\n").filter((l) => l.trim() !== "");
  const mixedSink = { ck: 0 };
  row(`validateMany(NDJSON), example data (${dataLines.length} Help Scout records, some invalid)`, "record", {
    contactkit: measure(() => { mixedSink.ck += validateMany("helpscout", data).records; }, 5, dataLines.length),
    before: baseline && measure(() => { mixedSink.ck += baseline.validateMany("helpscout", data).records; }, 5, dataLines.length),
    ajv: measure(() => dataLines.forEach((l) => ajvValidate(JSON.parse(l))), 5, dataLines.length),
    zod: measure(() => dataLines.forEach((l) => zodSchema.safeParse(JSON.parse(l))), 5, dataLines.length),
  });
}
row("validate(object), typical payload", "call", {
  contactkit: measure(() => { sink += validate("helpscout", payload).issues.length; }, 2000),
  before: baseline && measure(() => { sink += baseline.validate("helpscout", payload).issues.length; }, 2000),
  ajv: measure(() => { sink += ajvValidate(payload) ? 0 : 1; }, 20000),
  zod: measure(() => { sink += zodSchema.safeParse(payload).success ? 0 : 1; }, 5000),
});
row("validateField(/firstName)", "call", {
  contactkit: measure(() => { sink += validateField("helpscout", "/firstName", "Vernon").issues.length; }, 5000),
  before: baseline && measure(() => { sink += baseline.validateField("helpscout", "/firstName", "Vernon").issues.length; }, 5000),
  ajv: measure(() => { sink += ajvFirstName("Vernon") ? 0 : 1; }, 50000),
  zod: measure(() => { sink += zodFirstName.safeParse("Vernon").success ? 0 : 1; }, 50000),
});
const browserModule = "(contactkit/forms: the size-optimised module browsers load)";
row(`validate(JSON text) ${browserModule}`, "call", {
  contactkit: measure(() => { sink += forms.validate("helpscout", payloadText).issues.length; }, 2000),
  before: baseline && measure(() => { sink += baselineForms.validate("helpscout", payloadText).issues.length; }, 2000),
  ajv: measure(() => ajvText(payloadText), 2000),
  zod: measure(() => zodText(payloadText), 2000),
});
row(`validate(object) ${browserModule}`, "call", {
  contactkit: measure(() => { sink += forms.validate("helpscout", payload).issues.length; }, 2000),
  before: baseline && measure(() => { sink += baselineForms.validate("helpscout", payload).issues.length; }, 2000),
  ajv: measure(() => { sink += ajvValidate(payload) ? 0 : 1; }, 20000),
  zod: measure(() => { sink += zodSchema.safeParse(payload).success ? 0 : 1; }, 5000),
});
row(`validateField(/firstName) ${browserModule}`, "call", {
  contactkit: measure(() => { sink += forms.validateField("helpscout", "/firstName", "Vernon").issues.length; }, 5000),
  before: baseline && measure(() => { sink += baselineForms.validateField("helpscout", "/firstName", "Vernon").issues.length; }, 5000),
  ajv: measure(() => { sink += ajvFirstName("Vernon") ? 0 : 1; }, 50000),
  zod: measure(() => { sink += zodFirstName.safeParse("Vernon").success ? 0 : 1; }, 50000),
});
if (sink !== 0) throw new Error("a run found issues in a valid payload");

const us = (ns) => (ns / 1000).toFixed(2);
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
console.log(
  `contactkit ${version()} (WebAssembly), ajv ${JSON.parse(readFileSync(new URL(import.meta.resolve("ajv/package.json")), "utf8")).version} + ajv-formats, ` +
    `zod ${JSON.parse(readFileSync(new URL(import.meta.resolve("zod/package.json")), "utf8")).version}; Node ${process.version}; ` +
    `payload ${payloadText.length} bytes of JSON`,
);
console.log("Median CPU time (µs) per call or per record; ratio = contactkit ÷ other (below 1: contactkit is faster).\n");
const head = baseline ? " contactkit before | after ÷ before |" : "";
console.log(`| case | per | contactkit | ajv | zod | contactkit ÷ ajv | contactkit ÷ zod |${head}`);
console.log(`|---|---|---|---|---|---|---|${baseline ? "---|---|" : ""}`);
for (const r of rows) {
  const tail = baseline ? ` ${us(r.before)} | ${ratio(r.contactkit, r.before)} |` : "";
  console.log(
    `| ${r.label} | ${r.unit} | ${us(r.contactkit)} | ${us(r.ajv)} | ${us(r.zod)} | ${ratio(r.contactkit, r.ajv)} | ${ratio(r.contactkit, r.zod)} |${tail}`,
  );
}
