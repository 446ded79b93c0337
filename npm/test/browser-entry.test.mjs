// The browser/bundler entries (the "default" export condition) of both `contactkit` and
// `contactkit/forms`, exercised in Node: the exports map, the names each entry exports, nothing
// works before init(), init() accepts the module's bytes, the Standard Schema objects wait for
// a pending init(), and calls then match the Node entries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import * as nodeFull from "contactkit";
import * as nodeForms from "contactkit/forms";
import * as nodeHelpscout from "contactkit/forms/helpscout";
import { packageDir, readJson } from "./helpers.mjs";

const ENTRIES = {
  full: { file: "contactkit.js", wasm: "contactkit_wasm_bg.wasm", node: nodeFull },
  forms: { file: "forms.js", wasm: "forms_wasm_bg.wasm", node: nodeForms },
};
/** A per-vendor entry, apart: the tests above run over ENTRIES' full API. */
const HELPSCOUT = { file: "forms-helpscout.js", wasm: "forms-helpscout_wasm_bg.wasm", node: nodeHelpscout };

/** A browser entry from a private copy of the package, so its module state is its own. */
function freshBrowserEntry(entry) {
  const dir = mkdtempSync(join(tmpdir(), "contactkit-entry-"));
  cpSync(packageDir, dir, { recursive: true });
  return import(pathToFileURL(join(dir, (ENTRIES[entry] ?? HELPSCOUT).file)).href);
}

const bytes = (entry) => readFileSync(join(packageDir, (ENTRIES[entry] ?? HELPSCOUT).wasm));

test("the exports map: Node gets the entries that load themselves, everything else the browser entries", () => {
  const pkg = readJson(join(packageDir, "package.json"));
  assert.equal(pkg.name, "contactkit");
  assert.equal(pkg.type, "module");
  assert.deepEqual(pkg.exports["."], { types: "./contactkit.d.ts", node: "./node.js", default: "./contactkit.js" });
  assert.deepEqual(pkg.exports["./forms"], { types: "./forms.d.ts", node: "./forms.node.js", default: "./forms.js" });
  assert.equal(pkg.exports["./forms_wasm_bg.wasm"], "./forms_wasm_bg.wasm");
  assert.equal(pkg.exports["./contactkit_wasm_bg.wasm"], "./contactkit_wasm_bg.wasm");
  for (const file of pkg.files) {
    assert.ok(readFileSync(join(packageDir, file)).length > 0, file);
  }
  const vendors = ["sequence", "intercom", "bird", "helpscout", "canonical"];
  assert.deepEqual(pkg.sideEffects, ["./node.js", "./forms.node.js", ...vendors.map((f) => `./forms-${f}.node.js`)]);
});

const FORMS_NAMES = [
  "ContactkitError",
  "birdSchema",
  "canonicalSchema",
  "default",
  "formFields",
  "formats",
  "helpscoutSchema",
  "init",
  "initSync",
  "intercomSchema",
  "schema",
  "sequenceSchema",
  "standardSchema",
  "validate",
  "validateField",
  "validateMany",
  "version",
];

test("each entry exports the same names for Node and for browsers; forms has all but the conversions", async () => {
  for (const entry of Object.keys(ENTRIES)) {
    const browser = await freshBrowserEntry(entry);
    assert.deepEqual(Object.keys(browser).sort(), Object.keys(ENTRIES[entry].node).sort(), entry);
  }
  assert.deepEqual(Object.keys(nodeForms).sort(), FORMS_NAMES);
  assert.deepEqual(Object.keys(nodeFull).sort(), [...FORMS_NAMES, "convert", "convertMany", "preview"].sort());
  assert.equal(nodeForms.ContactkitError, nodeFull.ContactkitError, "one error class for both entries");
});

for (const entry of Object.keys(ENTRIES)) {
  test(`${entry}: before init() every function throws not_initialized; after it, results match Node's`, async () => {
    const browser = await freshBrowserEntry(entry);
    assert.throws(
      () => browser.validate("bird", {}),
      (e) => e instanceof browser.ContactkitError && e.code === "not_initialized" && /await init\(\)/.test(e.message),
    );
    assert.throws(() => browser.formats(), (e) => e.code === "not_initialized");
    const first = browser.init(bytes(entry));
    assert.equal(browser.init(), first, "init() returns the same promise when called again");
    await first;
    const payload = { displayName: "x".repeat(151) };
    assert.deepEqual(browser.validate("bird", payload), ENTRIES[entry].node.validate("bird", payload));
    assert.deepEqual(browser.formats(), ENTRIES[entry].node.formats());
    assert.equal(browser.version(), ENTRIES[entry].node.version());
  });

  test(`${entry}: a Standard Schema used before init() finished waits for it`, async () => {
    const browser = await freshBrowserEntry(entry);
    const loading = browser.init(bytes(entry));
    const pending = browser.birdSchema["~standard"].validate({});
    assert.ok(pending instanceof Promise, "a promise while the module loads");
    const result = await pending;
    assert.deepEqual(result.issues.map((i) => i.path), [["displayName"]]);
    await loading;
    const now = browser.birdSchema["~standard"].validate({ displayName: "Ada" });
    assert.ok(!(now instanceof Promise), "synchronous once loaded");
    assert.deepEqual(now, { value: { displayName: "Ada" } });
  });

  test(`${entry}: initSync() takes a compiled module; a failed init() can be retried`, async () => {
    const browser = await freshBrowserEntry(entry);
    browser.initSync(new WebAssembly.Module(bytes(entry)));
    assert.deepEqual(browser.validate("bird", { displayName: "A" }), { valid: true, issues: [] });
    const other = await freshBrowserEntry(entry);
    await assert.rejects(other.init(new Uint8Array([0, 1, 2, 3])));
    await other.init(bytes(entry));
    assert.equal(other.validate("bird", { displayName: "A" }).valid, true);
  });
}

test("the entries load their own module: the forms module refuses what only the full one has", async () => {
  const forms = await freshBrowserEntry("forms");
  await forms.init(bytes("forms"));
  assert.throws(
    () => forms.validate("intercom-contact", {}),
    (e) => e.code === "unknown_format" && /contactkit\/forms/.test(e.message),
  );
  assert.equal(forms.convert, undefined);
});

test("init() refuses, clearly and at once, what is not the entry's module; then it can be retried", async () => {
  const full = await freshBrowserEntry("full");
  // A missing file answered by a page (a server's fallback to index.html), however labelled.
  const page = () => new Response("<!doctype html><title>app</title>", { headers: { "Content-Type": "text/html" } });
  await assert.rejects(full.init(page()), /^Error: failed to load Wasm from '.*' \(Content-Type text\/html\): not a WebAssembly module/);
  await assert.rejects(full.init(new Uint8Array([60, 33])), /failed to load Wasm: not a WebAssembly module$/);
  // The other entry's module (both files sit side by side in the package) is refused by init(),
  // not left for a later convert() to fail on.
  const isCode = (code, pattern) => (e) => e instanceof full.ContactkitError && e.code === code && pattern.test(e.message);
  await assert.rejects(full.init(bytes("forms")), isCode("invalid_argument", /^init\(\) was given another \.wasm file than this entry's \(contactkit: contactkit_wasm_bg\.wasm/));
  assert.throws(() => full.initSync(bytes("forms")), isCode("invalid_argument", /another \.wasm file/));
  await assert.rejects(full.init(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])), isCode("invalid_argument", /another \.wasm file/));
  assert.throws(() => full.validate("bird", {}), (e) => e.code === "not_initialized");
  // Arguments init() does not take (wasm-bindgen's `{ module_or_path }`, a number).
  for (const input of [{ module_or_path: "x.wasm" }, 5]) {
    await assert.rejects(full.init(input), /^Error: failed to load Wasm: not a WebAssembly module$/);
  }
  await full.init(Promise.resolve(new Response(bytes("full"), { headers: { "Content-Type": "application/wasm" } })));
  assert.equal(full.convert("helpscout", "bird", { firstName: "Ada" }).ok, true);
});

test("a Standard Schema used before init() does not keep the source init() is then given from loading", async () => {
  // The schema starts the default load (here unreachable: Node fetches no file: URL), as on a
  // page whose form validates before the app's `await init(source)`; init(source) still loads.
  const forms = await freshBrowserEntry("forms");
  const pending = forms.helpscoutSchema["~standard"].validate({ firstName: 5 });
  await forms.init(bytes("forms"));
  assert.deepEqual((await pending).issues.map((i) => i.path), [["firstName"]]);
  assert.equal(forms.validate("helpscout", {}).valid, true);
  // Without a source of its own, init() joins the schema's load (and its failure, retryable).
  const other = await freshBrowserEntry("forms");
  const waiting = other.birdSchema["~standard"].validate({});
  await assert.rejects(other.init(), /fetch failed/);
  await assert.rejects(waiting, /fetch failed/);
  await other.init(bytes("forms"));
  assert.equal(other.birdSchema["~standard"].validate({ displayName: "A" }).value.displayName, "A");
});

test("a per-vendor browser entry (contactkit/forms/helpscout): init() takes its own module only, then calls match Node's", async () => {
  const pkg = readJson(join(packageDir, "package.json"));
  assert.deepEqual(pkg.exports["./forms/helpscout"], {
    types: "./forms-helpscout.d.ts",
    node: "./forms-helpscout.node.js",
    default: "./forms-helpscout.js",
  });
  const entry = await freshBrowserEntry("helpscout");
  assert.deepEqual(Object.keys(entry).sort(), Object.keys(nodeHelpscout).sort());
  assert.throws(() => entry.validate("helpscout", {}), (e) => e.code === "not_initialized");
  // The forms module (it has the batch call this entry leaves out) and the full one are refused.
  for (const other of ["forms", "full"]) {
    assert.throws(() => entry.initSync(bytes(other)), (e) => e.code === "invalid_argument" && /forms-<format>_wasm_bg\.wasm/.test(e.message));
  }
  // Another vendor's module (the same exports, another format) too, at init() and initSync(),
  // and the entry stays uninitialised.
  const bird = () => readFileSync(join(packageDir, "forms-bird_wasm_bg.wasm"));
  assert.throws(() => entry.initSync(bird()), (e) => e.code === "invalid_argument" && /forms-<format>_wasm_bg\.wasm/.test(e.message));
  await assert.rejects(entry.init(bird()), (e) => e.code === "invalid_argument" && /another \.wasm file/.test(e.message));
  assert.throws(() => entry.validate("helpscout", {}), (e) => e.code === "not_initialized");
  assert.throws(() => entry.validate("bird", {}), (e) => e.code === "not_initialized");
  // And the forms entry refuses a per-vendor module.
  const forms = await freshBrowserEntry("forms");
  assert.throws(() => forms.initSync(bytes("helpscout")), (e) => e.code === "invalid_argument");
  await entry.init(bytes("helpscout"));
  const payload = { firstName: "Ada", emails: [{ type: "work", value: "ada at example.com" }] };
  assert.deepEqual(entry.validate("helpscout", payload), nodeHelpscout.validate("helpscout", payload));
  assert.deepEqual(entry.validate("helpscout", payload), nodeForms.validate("helpscout", payload));
  assert.deepEqual(await entry.helpscoutSchema["~standard"].validate(payload), await nodeForms.helpscoutSchema["~standard"].validate(payload));
  assert.throws(() => entry.validate("bird", payload), (e) => e.code === "unknown_format");
  assert.equal(entry.validateMany, undefined);
  assert.equal(entry.intercomSchema, undefined);
});
