// The browser/bundler entry (the "default" export condition), exercised in Node: nothing works
// before init(), init() accepts the module's bytes, and calls then match the Node entry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import * as nodeEntry from "contactkit";
import { packageDir, readJson } from "./helpers.mjs";

const wasmBytes = readFileSync(join(packageDir, "contactkit_wasm_bg.wasm"));

/** The browser entry from a private copy of the package, so its module state is its own. */
function freshBrowserEntry() {
  const dir = mkdtempSync(join(tmpdir(), "contactkit-entry-"));
  cpSync(packageDir, dir, { recursive: true });
  return import(pathToFileURL(join(dir, "contactkit.js")).href);
}

test("the exports map sends Node to node.js and everything else to contactkit.js", () => {
  const pkg = readJson(join(packageDir, "package.json"));
  assert.equal(pkg.name, "contactkit");
  assert.equal(pkg.type, "module");
  assert.deepEqual(pkg.exports["."], {
    types: "./contactkit.d.ts",
    node: "./node.js",
    default: "./contactkit.js",
  });
  for (const file of [...pkg.files]) {
    assert.ok(readFileSync(join(packageDir, file)).length > 0, file);
  }
});

test("both entries export the same names", async () => {
  const browser = await freshBrowserEntry();
  assert.deepEqual(Object.keys(browser).sort(), Object.keys(nodeEntry).sort());
  assert.deepEqual(Object.keys(nodeEntry).sort(), [
    "ContactkitError",
    "convert",
    "convertMany",
    "default",
    "formFields",
    "formats",
    "init",
    "initSync",
    "preview",
    "schema",
    "validate",
    "validateField",
    "version",
  ]);
});

test("before init() every function throws not_initialized; after it, results match Node's", async () => {
  const browser = await freshBrowserEntry();
  assert.throws(
    () => browser.validate("bird", {}),
    (e) => e instanceof browser.ContactkitError && e.code === "not_initialized" && /await init\(\)/.test(e.message),
  );
  assert.throws(() => browser.formats(), (e) => e.code === "not_initialized");
  const first = browser.init(wasmBytes);
  assert.equal(browser.init(), first, "init() returns the same promise when called again");
  await first;
  const payload = { displayName: "x".repeat(151) };
  assert.deepEqual(browser.validate("bird", payload), nodeEntry.validate("bird", payload));
  assert.deepEqual(browser.formats(), nodeEntry.formats());
  assert.equal(browser.version(), nodeEntry.version());
});

test("initSync() takes a compiled module", async () => {
  const browser = await freshBrowserEntry();
  browser.initSync(new WebAssembly.Module(wasmBytes));
  assert.deepEqual(browser.validate("bird", { displayName: "A" }), { valid: true, issues: [] });
});

test("a failed init() rejects and can be retried", async () => {
  const browser = await freshBrowserEntry();
  await assert.rejects(browser.init(new Uint8Array([0, 1, 2, 3])));
  await browser.init(wasmBytes);
  assert.equal(browser.validate("bird", { displayName: "A" }).valid, true);
});
