// Median time per validate() call for a typical Help Scout payload: contactkit (WebAssembly,
// imported by name) next to ajv (draft 2020-12 build with ajv-formats) validating the same
// payload against schemas/helpscout.schema.json.
//
//   bash scripts/test-wasm.sh --bench
//
// Each sample times a batch of calls in CPU time (process.cpuUsage: steadier than wall time
// on a shared machine, and the same for a single-threaded loop on an idle one); the figure is
// the median over the samples of the time per call. contactkit is measured with the payload as an object (JSON.stringify on the way
// in) and as JSON text; ajv gets the parsed object (it cannot read text).
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { validate, version } from "contactkit";

const here = dirname(fileURLToPath(import.meta.url));
const repo = process.env.CONTACTKIT_REPO ?? join(here, "..", "..");
const payloadText = readFileSync(join(here, "helpscout-typical.json"), "utf8");
const payload = JSON.parse(payloadText);
const schema = JSON.parse(readFileSync(join(repo, "schemas", "helpscout.schema.json"), "utf8"));

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const ajvValidate = ajv.compile(schema);

// Both must agree that the payload is valid, or the comparison is meaningless.
const ours = validate("helpscout", payload);
if (!ours.valid || ours.issues.length !== 0) throw new Error(`contactkit: ${JSON.stringify(ours.issues)}`);
if (!ajvValidate(payload)) throw new Error(`ajv: ${JSON.stringify(ajvValidate.errors)}`);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median nanoseconds of CPU time per call of `fn` over `samples` batches of `batch` calls. */
function measure(fn, batch, samples = 41) {
  for (let i = 0; i < batch * 5; i++) fn(); // warm up (JIT, wasm tier-up)
  const perCall = [];
  for (let s = 0; s < samples; s++) {
    const start = process.cpuUsage();
    for (let i = 0; i < batch; i++) fn();
    const used = process.cpuUsage(start);
    perCall.push(((used.user + used.system) * 1000) / batch);
  }
  return median(perCall);
}

let sink = 0;
const results = {
  "contactkit validate(object)": measure(() => { sink += validate("helpscout", payload).issues.length; }, 2000),
  "contactkit validate(JSON text)": measure(() => { sink += validate("helpscout", payloadText).issues.length; }, 2000),
  "ajv 2020 + formats (object)": measure(() => { sink += ajvValidate(payload) ? 0 : 1; }, 20000),
};
if (sink !== 0) throw new Error("a run found issues");

const base = results["ajv 2020 + formats (object)"];
console.log(`contactkit ${version()}, Node ${process.version}, payload ${payloadText.length} bytes of JSON`);
console.log("median time per call:");
for (const [name, ns] of Object.entries(results)) {
  const ratio = ns / base;
  console.log(`  ${name.padEnd(32)} ${(ns / 1000).toFixed(2).padStart(8)} µs   ${ratio.toFixed(1)}× ajv`);
}
