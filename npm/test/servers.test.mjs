// Server and edge environments, each on the packed package: a Node server bundled by esbuild
// (`--bundle --platform=node --format=esm`) and by Vite SSR with `ssr.noExternal: true`, run
// from a directory with nothing beside the bundle (no node_modules, no .wasm files); a runtime
// without a file system or Node globals; and CommonJS `require()` on this Node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";

import * as esbuild from "esbuild";
import { build as viteBuild } from "vite";

import * as contactkit from "contactkit";
import { esbuildApp, scratch, serve } from "./env-helpers.mjs";
import { packageDir, readJson } from "./helpers.mjs";

const { serverResults } = await import("./apps/server.js");
const expected = JSON.parse(JSON.stringify(serverResults()));

/** Runs a bundled server from a fresh directory holding only its output files. */
function runAlone(outDir, file) {
  const alone = mkdtempSync(join(tmpdir(), "contactkit-server-"));
  cpSync(outDir, alone, { recursive: true });
  const files = readdirSync(alone, { recursive: true }).map(String);
  assert.ok(!files.some((f) => f.endsWith(".wasm")), `the bundle needs no .wasm file, yet emitted ${files}`);
  const stdout = execFileSync(process.execPath, [join(alone, file), "--print"], { encoding: "utf8" });
  return JSON.parse(stdout);
}

test("esbuild --bundle --platform=node --format=esm: the output runs on its own", async () => {
  const dir = scratch("esbuild-node");
  const out = join(dir, "dist");
  await esbuildApp(dir, "server.js", "node", join(out, "server.mjs"));
  assert.deepEqual(runAlone(out, "server.mjs"), expected);
});

test("Vite SSR build with ssr.noExternal: true: the output runs on its own", async () => {
  const dir = scratch("vite-ssr");
  const out = join(dir, "dist");
  await viteBuild({
    root: dir,
    configFile: false,
    logLevel: "warn",
    ssr: { noExternal: true },
    build: { ssr: join(dir, "apps", "server.js"), outDir: out, emptyOutDir: true },
  });
  assert.deepEqual(runAlone(out, "server.js"), expected);
});

test("a runtime without a file system: init() from the bytes or from a URL", async () => {
  const dir = scratch("nofs");
  const result = await esbuild.build({
    entryPoints: [join(dir, "apps", "nofs.js")],
    bundle: true,
    platform: "neutral",
    format: "iife",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  assert.doesNotMatch(code, /node:fs|require\(/, "the browser entries must not reach for Node");
  // A bare context: ECMAScript's globals and WebAssembly, plus the web APIs such runtimes have.
  const bare = () =>
    vm.createContext({ TextEncoder, TextDecoder, URL, Response, fetch, console: { warn() {}, error() {} } });
  const context = bare();
  assert.equal(vm.runInContext("typeof process + typeof require + typeof Buffer", context), "undefinedundefinedundefined");
  vm.runInContext(code, context);
  const bytes = (name) => new Uint8Array(readFileSync(join(packageDir, name)));
  const fromBytes = await context.run({ full: bytes("contactkit_wasm_bg.wasm"), forms: bytes("forms_wasm_bg.wasm") });
  const want = {
    version: contactkit.version(),
    full: contactkit.validate("bird", { displayName: "x".repeat(151) }),
    forms: contactkit.validate("bird", {}),
  };
  assert.deepEqual(JSON.parse(JSON.stringify(fromBytes)), want);

  const server = await serve(packageDir);
  try {
    const again = bare();
    vm.runInContext(code, again);
    const fromUrl = await again.run({
      full: `${server.origin}/contactkit_wasm_bg.wasm`,
      forms: new URL(`${server.origin}/forms_wasm_bg.wasm`),
    });
    assert.deepEqual(JSON.parse(JSON.stringify(fromUrl)), want);
  } finally {
    await server.close();
  }
});

test("ESM only, with require() through Node's require(esm) from Node 20.19 (engines says so)", () => {
  const pkg = readJson(join(packageDir, "package.json"));
  assert.equal(pkg.type, "module");
  assert.equal(pkg.engines.node, ">=20.19");
  for (const conditions of Object.values(pkg.exports)) {
    if (typeof conditions === "object") assert.equal(conditions.require, undefined, "no CommonJS build is claimed");
  }
  const [major, minor] = process.versions.node.split(".").map(Number);
  assert.ok(major > 20 || (major === 20 && minor >= 19), `this test runs on Node ${process.version}`);
  // require() of both entries, in a CommonJS module of its own (no top-level await in them).
  const require = createRequire(join(packageDir, "..", "..", "test", "cjs.cjs"));
  const full = require("contactkit");
  const forms = require("contactkit/forms");
  assert.deepEqual(full.validate("bird", { displayName: "A" }), { valid: true, issues: [] });
  assert.equal(forms.validate("bird", {}).valid, false);
  assert.equal(full.ContactkitError, contactkit.ContactkitError, "one module instance, whichever way it is loaded");
  // And from a separate CommonJS process, where warnings would show.
  const out = execFileSync(
    process.execPath,
    ["-e", 'const c = require("contactkit"); console.log(c.validate("bird", {}).issues[0].code)'],
    { cwd: join(packageDir, "..", ".."), encoding: "utf8" },
  );
  assert.equal(out.trim(), "required");
});
