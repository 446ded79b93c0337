// Shared by the environment tests: the test apps (npm/test/apps) and their pages, scratch
// directories, a static file server and headless Chromium.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";
import { chromium } from "playwright-core";

import { chromiumOptions, chromiumPath } from "./chromium.mjs";

const here = dirname(fileURLToPath(import.meta.url));
/** The test apps. */
export const appsDir = join(here, "apps");
/** The scratch project (its node_modules hold the packed package and the tools). */
export const projectDir = join(here, "..");

/**
 * The apps' pages, one template: `index.html` runs `main.js` (the source for Vite, the bundle
 * for webpack, Rollup and esbuild, which get a copy of the page), `worker.html` the Web Worker,
 * `vendor.html` a per-vendor entry alone.
 * Each writes its results into `#result` and sets `data-done`.
 */
const PAGES = {
  "index.html": { title: "contactkit in a bundled page", script: "./main.js" },
  "worker.html": { title: "contactkit in a Web Worker", script: "./worker-main.js" },
  "vendor.html": { title: "contactkit/forms/helpscout in a bundled page", script: "./vendor-main.js" },
};

function page({ title, script }) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <pre id="result"></pre>
    <script type="module" src="${script}"></script>
  </body>
</html>
`;
}

/**
 * A fresh directory inside the scratch project, with a copy of the apps, their pages and the
 * sample payload (so that bundlers resolve `contactkit` from the project's node_modules).
 */
export function scratch(name) {
  const root = join(projectDir, "scratch");
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, `${name}-`));
  cpSync(appsDir, join(dir, "apps"), { recursive: true });
  for (const [file, spec] of Object.entries(PAGES)) writeFileSync(join(dir, "apps", file), page(spec));
  cpSync(join(here, "sample.js"), join(dir, "sample.js"));
  return dir;
}

/** Bundles the app `apps/<app>` of a scratch directory with esbuild into `outfile`, an ES module. */
export async function esbuildApp(dir, app, platform, outfile) {
  await esbuild.build({
    entryPoints: [join(dir, "apps", app)],
    bundle: true,
    format: "esm",
    platform,
    outfile,
    logLevel: "error",
  });
}

const MIME = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".css": "text/css",
};

/** Serves files under `root` on 127.0.0.1; resolves to `{origin, close}`. */
export async function serve(root) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

let browser;

/** Headless Chromium, launched once per test file. */
export async function launch() {
  assert.ok(existsSync(chromiumPath), `${chromiumPath} not found (scripts/install-tools.sh installs it)`);
  browser ??= await chromium.launch(chromiumOptions());
  return browser;
}

export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
}

/**
 * Opens a page, waits for `#result[data-done]` and returns the parsed result with every page
 * error, console error or warning and failed request (which must be none).
 */
export async function runPage(url) {
  const page = await (await launch()).newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  try {
    await page.goto(url);
    await page.waitForSelector("#result[data-done]", { state: "attached", timeout: 60000 });
    return { result: JSON.parse(await page.textContent("#result")), errors };
  } finally {
    await page.close();
  }
}

/** What every environment must produce: the apps run by Node (the "node" entries). */
export async function nodeResults() {
  const { fullResults } = await import("./apps/full.js");
  const { formsResults } = await import("./apps/forms.js");
  return { full: await fullResults(), forms: await formsResults() };
}
