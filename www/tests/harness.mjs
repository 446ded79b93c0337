// Shared by the browser tests of the demo page: a static server (unless scripts/test-www.sh
// passes WWW_URL), Debian's headless Chromium driven by playwright-core, pages that record
// their problems, axe-core, screenshots and the package itself in Node to check results.
//
// Environment: WWW_URL, PLAYWRIGHT_CORE_DIR (where playwright-core and axe-core are installed),
// CHROMIUM_PATH (default /usr/bin/chromium), ARTIFACTS_DIR (default <repo>/artifacts/www).
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";

import { chromiumOptions } from "../../npm/test/chromium.mjs";
import { serve } from "./static-server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const www = resolve(here, "..");
export const repo = resolve(www, "..");
const tools = resolve(process.env.PLAYWRIGHT_CORE_DIR ?? join(repo, "target/www-test"));
const requireFrom = createRequire(join(tools, "noop.js"));
const { chromium } = requireFrom("playwright-core");
const axeSource = readFileSync(requireFrom.resolve("axe-core/axe.min.js"), "utf8");
export const artifacts = process.env.ARTIFACTS_DIR ?? join(repo, "artifacts/www");
mkdirSync(artifacts, { recursive: true });

/** The package the page uses, in Node, to check what the page shows and downloads. */
export const ck = await import(join(www, "pkg/node.js"));

/** Desktop and mobile viewports of the screenshots. */
export const DESKTOP = { width: 1280, height: 800 };
export const MOBILE = { width: 390, height: 844 };

let server;
let base;
let browser;
const foreignRequests = []; // every request that left 127.0.0.1, over the whole run

/** Starts the server (or uses WWW_URL) and Chromium for the tests of one file. */
export function setup() {
  before(async () => {
    if (process.env.WWW_URL) {
      base = process.env.WWW_URL.endsWith("/") ? process.env.WWW_URL : `${process.env.WWW_URL}/`;
    } else {
      ({ server, url: base } = await serve({ root: www, port: 0 }));
    }
    // launch() starts Chromium with a fresh temporary --user-data-dir (removed on close); each
    // test then opens its own context.
    browser = await chromium.launch(chromiumOptions());
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
}

/** The requests that left 127.0.0.1 so far. */
export const foreign = () => foreignRequests;

/**
 * A fresh page on the demo, with its problems recorded: dialogs (an XSS would open one),
 * page errors, console errors (CSP violations are reported there) and requests.
 * `bypassCSP` is for axe-core only, which the page's Trusted Types would refuse.
 */
export async function openPage({
  width = 1360,
  height = 960,
  colorScheme = "light",
  hash = "",
  bypassCSP = false,
  clipboard = false,
  context: shared,
} = {}) {
  const context =
    shared ??
    (await browser.newContext({
      viewport: { width, height },
      colorScheme,
      acceptDownloads: true,
      bypassCSP,
      permissions: clipboard ? ["clipboard-read", "clipboard-write"] : [],
    }));
  const page = await context.newPage();
  const log = { dialogs: [], errors: [], requests: [] };
  page.on("dialog", async (d) => {
    log.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on("pageerror", (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") log.errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on("request", (r) => {
    log.requests.push(r.url());
    const url = new URL(r.url());
    const local = url.protocol === "blob:" || url.protocol === "data:" || url.hostname === "127.0.0.1";
    if (!local) foreignRequests.push(r.url());
  });
  await page.goto(`${base}${hash}`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 15000 });
  const close = async () => {
    assert.deepEqual(log.dialogs, [], "no dialog may open");
    const errors = log.errors.filter((e) => !(log.allow && log.allow.test(e)));
    assert.deepEqual(errors, [], "no page errors, console errors or CSP violations");
    if (!shared) await context.close();
    else await page.close();
  };
  return { page, log, close, context };
}

/** A new browser context (for tests that reload or open several pages in one profile). */
export async function newContext(options = {}) {
  return browser.newContext({ viewport: DESKTOP, acceptDownloads: true, ...options });
}

/** The base URL of the page. */
export const baseUrl = () => base;

/** The wrapper of the input at a JSON Pointer in the form check. */
export const field = (page, pointer) => page.locator(`#contact-form [data-pointer="${pointer}"]`).first();

/**
 * Waits for the whole-record check, which runs 150 ms after the last keystroke: until the form
 * no longer says one is pending (`#contact-form[data-pending]`), however long that takes.
 */
export async function waitSettled(page) {
  await page.locator("#contact-form:not([data-pending])").waitFor({ state: "attached" });
}

/** A full-page screenshot into artifacts/www/. */
export async function shot(page, name) {
  await page.screenshot({ path: join(artifacts, name), fullPage: true });
}

/** Chooses a format in a view ("form" or "conv") and waits until the view shows its samples. */
export async function chooseFormat(page, view, id) {
  await page.locator(`label[for="${view}-format-${id}"]`).click();
  await samplesShown(page, view);
}

/**
 * Waits until the samples of the view's chosen format are shown (they load after the format
 * changes; until then the previous format's buttons are disabled).
 */
export async function samplesShown(page, view) {
  await page.waitForFunction((v) => {
    const list = document.getElementById(`${v}-samples`);
    const chosen = document.querySelector(`input[name="${v}-format"]:checked`);
    return chosen !== null && list.dataset.format === chosen.value && !list.hasAttribute("aria-busy");
  }, view);
}

export async function showTab(page, name) {
  await page.getByRole("tab", { name }).click();
}

/**
 * The serious and critical axe-core violations of the page as it is now (the page must be
 * opened with `bypassCSP`, as axe-core builds elements the page's Trusted Types refuse).
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The sample file of a format, parsed. */
export function samples(format) {
  return JSON.parse(readFileSync(join(www, `samples/${format}.json`), "utf8"));
}
