// Browsers: a Vite build of a tiny page importing the package by name, and a plain
// <script type="module"> page importing the installed package's browser entry, both run in
// headless Chromium; their results must equal Node's.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "vite";
import { chromium } from "playwright-core";
import { validate, validateField, convert, version } from "contactkit";
import { packageDir } from "./helpers.mjs";
import { samplePayload } from "./sample.js";

const here = dirname(fileURLToPath(import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const dist = mkdtempSync(join(tmpdir(), "contactkit-vite-"));
const MIME = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".css": "text/css",
};

let server;
let origin;
let browser;

/** Serves `/vite/` from the Vite build, `/contactkit/` from the installed package, the rest from npm/test. */
function serve(req, res) {
  const url = new URL(req.url, "http://localhost");
  const roots = [
    ["/vite/", dist],
    ["/contactkit/", packageDir],
    ["/", here],
  ];
  const [prefix, root] = roots.find(([p]) => url.pathname.startsWith(p));
  let file = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
  if (!file.startsWith(root)) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" });
  res.end(readFileSync(file));
}

before(async () => {
  server = createServer(serve);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function launch() {
  assert.ok(existsSync(chromiumPath), `${chromiumPath} not found (scripts/install-tools.sh installs it)`);
  browser ??= await chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return browser;
}

/** Opens a page, waits for #result[data-done] and returns the parsed result and any errors. */
async function run(path) {
  const page = await (await launch()).newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(`${origin}${path}`);
  await page.waitForSelector("#result[data-done]", { timeout: 30000 });
  const result = JSON.parse(await page.textContent("#result"));
  await page.close();
  return { result, errors };
}

const expected = {
  version: version(),
  validate: validate("helpscout", samplePayload),
  field: validateField("helpscout", "/firstName", "x".repeat(41)),
  convert: convert("helpscout", "canonical", samplePayload),
};

test("vite build bundles the package and its .wasm", async () => {
  await build({
    root: join(here, "vite-app"),
    base: "/vite/",
    logLevel: "warn",
    configFile: false,
    build: { outDir: dist, emptyOutDir: true },
  });
  const assets = readdirSync(join(dist, "assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `no .wasm among ${assets}`);
  assert.ok(assets.some((f) => f.endsWith(".js")), `no .js among ${assets}`);
});

test("the Vite page runs in Chromium with Node's results", async () => {
  const { result, errors } = await run("/vite/index.html");
  assert.deepEqual(errors, []);
  assert.deepEqual(
    { version: result.version, validate: result.validate, field: result.field, convert: result.convert },
    expected,
  );
  assert.equal(result.maxLength, 40);
  assert.ok(result.selects >= 1);
});

test("a plain <script type=module> page runs the package in Chromium", async () => {
  const { result, errors } = await run("/plain/index.html");
  assert.deepEqual(errors, []);
  assert.deepEqual(
    { version: result.version, validate: result.validate, field: result.field, convert: result.convert },
    expected,
  );
  assert.ok(result.proto.issues.some((i) => i.path === "/__proto__" && i.code === "unknown_field"));
  assert.equal(result.polluted, "no");
});
