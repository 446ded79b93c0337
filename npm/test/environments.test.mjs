// Where a frontend team builds, each on the packed package installed from its tarball: the same
// page (npm/test/apps: both entries, `contactkit` and `contactkit/forms`) built by Vite, webpack
// 5, Rollup and esbuild, served by Vite's dev server, imported without a bundler, and run in a
// Web Worker, all in headless Chromium with no bundler configuration for contactkit; the
// results must equal Node's.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

import { build as viteBuild, createServer as viteServer } from "vite";
import webpack from "webpack";
import { rollup } from "rollup";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { importMetaAssets } from "@web/rollup-plugin-import-meta-assets";

import { closeBrowser, esbuildApp, nodeResults, runPage, scratch, serve } from "./env-helpers.mjs";
import { packageDir } from "./helpers.mjs";

const expected = await nodeResults();
after(closeBrowser);

/** Serves `dir`, runs `page` in Chromium, and checks the results against Node's (`want`). */
async function check(dir, page, want = expected) {
  const server = await serve(dir);
  try {
    const { result, errors } = await runPage(`${server.origin}/${page}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(result, want);
  } finally {
    await server.close();
  }
}

/** The emitted files of a build, for messages and for checking that the .wasm files are there. */
function emitted(dir) {
  return readdirSync(dir, { recursive: true }).map(String);
}

/** Both modules were emitted, once each (webpack names them by hash alone). */
function assertBothWasm(files) {
  assert.equal(files.filter((f) => f.endsWith(".wasm")).length, 2, `expected two .wasm files among ${files}`);
}

test("Vite build (no configuration)", async () => {
  const dir = scratch("vite-build");
  const out = join(dir, "dist");
  await viteBuild({ root: join(dir, "apps"), configFile: false, logLevel: "warn", build: { outDir: out, emptyOutDir: true } });
  assertBothWasm(emitted(out));
  await check(out, "index.html");
});

/** A production Vite build of one page of a scratch copy of the apps; its output directory. */
async function vitePage(name, page, options = {}) {
  const dir = scratch(name);
  const out = join(dir, "dist");
  await viteBuild({
    root: join(dir, "apps"),
    configFile: false,
    logLevel: "warn",
    ...options,
    build: { outDir: out, emptyOutDir: true, rollupOptions: { input: join(dir, "apps", page) } },
  });
  return out;
}

test("Vite build of a page that imports one per-vendor entry (contactkit/forms/helpscout) alone", async () => {
  const out = await vitePage("vite-vendor", "vendor.html");
  const wasm = emitted(out).filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one .wasm: ${wasm}`);
  assert.match(wasm[0], /forms-helpscout/);
  const { vendorResults } = await import("./apps/vendor.js");
  const inNode = await vendorResults();
  // The same findings as contactkit/forms's (its batch aside), and another format refused.
  const { many: _many, ...forms } = expected.forms;
  assert.deepEqual({ ...inNode, refused: undefined }, { ...forms, refused: undefined });
  assert.equal(inNode.refused.code, "unknown_format");
  await check(out, "vendor.html", JSON.parse(JSON.stringify(inNode)));
});

test("Vite dev server (no configuration)", async () => {
  const dir = scratch("vite-dev");
  const server = await viteServer({
    root: join(dir, "apps"),
    configFile: false,
    logLevel: "warn",
    server: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  await server.listen();
  try {
    const { result, errors } = await runPage(`${server.resolvedUrls.local[0]}index.html`);
    assert.deepEqual(errors, []);
    assert.deepEqual(result, expected);
  } finally {
    await server.close();
  }
});

test("webpack 5 (no configuration for contactkit)", async () => {
  const dir = scratch("webpack");
  const out = join(dir, "dist");
  const stats = await new Promise((resolve, reject) => {
    webpack(
      {
        mode: "production",
        context: dir,
        entry: "./apps/main.js",
        output: { path: out, filename: "main.js" },
        infrastructureLogging: { level: "error" },
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  copyFileSync(join(dir, "apps", "index.html"), join(out, "index.html"));
  assertBothWasm(emitted(out));
  await check(out, "index.html");
});

/** Builds the page with Rollup and these plugins into `out`. */
async function rollupPage(dir, out, plugins) {
  const bundle = await rollup({ input: join(dir, "apps", "main.js"), plugins });
  await bundle.write({ dir: out, format: "es", entryFileNames: "main.js" });
  await bundle.close();
  copyFileSync(join(dir, "apps", "index.html"), join(out, "index.html"));
}

test("Rollup with @rollup/plugin-node-resolve, the .wasm files copied beside the bundle (README)", async () => {
  const dir = scratch("rollup");
  const out = join(dir, "dist");
  await rollupPage(dir, out, [nodeResolve()]);
  for (const wasm of ["contactkit_wasm_bg.wasm", "forms_wasm_bg.wasm"]) {
    copyFileSync(join(packageDir, wasm), join(out, wasm));
  }
  await check(out, "index.html");
});

test("Rollup with @rollup/plugin-node-resolve and @web/rollup-plugin-import-meta-assets", async () => {
  const dir = scratch("rollup-assets");
  const out = join(dir, "dist");
  await rollupPage(dir, out, [nodeResolve(), importMetaAssets()]);
  assertBothWasm(emitted(out));
  await check(out, "index.html");
});

test("esbuild (browser bundle; the .wasm files copied beside it, as the README says)", async () => {
  const dir = scratch("esbuild");
  const out = join(dir, "dist");
  await esbuildApp(dir, "main.js", "browser", join(out, "main.js"));
  for (const wasm of ["contactkit_wasm_bg.wasm", "forms_wasm_bg.wasm"]) {
    copyFileSync(join(packageDir, wasm), join(out, wasm));
  }
  copyFileSync(join(dir, "apps", "index.html"), join(out, "index.html"));
  await check(out, "index.html");
});

test("a Web Worker (module worker, built by Vite)", async () => {
  const out = await vitePage("worker", "worker.html", { worker: { format: "es" } });
  assertBothWasm(emitted(out));
  await check(out, "worker.html");
});

test("no bundler: a <script type=module> page importing the installed entries", async () => {
  // The installed package is served at /node_modules/contactkit/, as a static site would.
  const server = await serve(join(packageDir, "..", ".."));
  try {
    const { result, errors } = await runPage(`${server.origin}/test/plain/index.html`);
    assert.deepEqual(errors, []);
    assert.deepEqual(result, expected);
  } finally {
    await server.close();
  }
});
