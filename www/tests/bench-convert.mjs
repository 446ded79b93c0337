// Side-by-side measurement of the demo page's big-input conversion: the same generated NDJSON
// file (the page's 24-record Help Scout batch repeated) opened with the file button in two
// builds of the page, alternately, in one headless Chromium, a few rounds each. Prints the
// medians, the slowest main-thread task (PerformanceObserver longtask) and the ratio.
//
//   node www/tests/bench-convert.mjs --before DIR [--after DIR] [--records N] [--rounds R]
//
// DIR is a www/ directory with its package in DIR/pkg (e.g. a worktree of an earlier commit
// after `bash scripts/serve-www.sh --prepare`); --after defaults to this repository's www/.
// Needs playwright-core in target/www-test (scripts/test-www.sh installs it) and
// /usr/bin/chromium (CHROMIUM_PATH).
import { rmSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { serve } from "./static-server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const { values } = parseArgs({
  options: {
    before: { type: "string" },
    after: { type: "string", default: join(repo, "www") },
    records: { type: "string", default: "50000" },
    rounds: { type: "string", default: "3" },
  },
});
if (!values.before) {
  console.error("bench-convert: --before DIR is required (a www/ directory with its pkg/)");
  process.exit(2);
}
const records = Number(values.records);
const rounds = Number(values.rounds);
const requireFrom = createRequire(join(resolve(process.env.PLAYWRIGHT_CORE_DIR ?? join(repo, "target/www-test")), "noop.js"));
const { chromium } = requireFrom("playwright-core");

const lines = readFileSync(join(repo, "www/samples/helpscout.ndjson"), "utf8").split("\n").filter(Boolean);
const file = join(tmpdir(), `contactkit-bench-${process.pid}.ndjson`);
writeFileSync(file, `${Array.from({ length: records }, (_, i) => lines[i % lines.length]).join("\n")}\n`);

const pages = [
  ["before", resolve(values.before)],
  ["after", resolve(values.after)],
];
const servers = [];
for (const page of pages) {
  const { server, url } = await serve({ root: page[1], port: 0 });
  servers.push(server);
  page.push(url);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

async function once(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${url}#convert`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30000 });
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long.push(e.duration);
    }).observe({ type: "longtask" });
  });
  const started = Date.now();
  await page.locator("#conv-file").setInputFiles(file);
  await page.locator("#conv-status-text", { hasText: `${records} records:` }).waitFor({ timeout: 600000 });
  const wall = Date.now() - started;
  const status = await page.locator("#conv-status-text").textContent();
  const long = await page.evaluate(() => window.__long);
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  await context.close();
  return { wall, inPage: Number(/in (\d+) ms/.exec(status)?.[1]), longest: Math.round(Math.max(0, ...long)), over50: long.filter((d) => d > 50).length, heapMB: Math.round(heap / 1e6) };
}

const results = { before: [], after: [] };
for (let r = 0; r < rounds; r += 1) {
  // Alternate which goes first, so that neither always meets a warmer or busier machine.
  const order = r % 2 === 0 ? pages : [...pages].reverse();
  for (const [name, , url] of order) {
    const m = await once(url);
    results[name].push(m);
    console.log(`round ${r + 1} ${name}: ${JSON.stringify(m)}`);
  }
}
await browser.close();
for (const s of servers) s.close();
rmSync(file, { force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = {};
for (const name of ["before", "after"]) {
  const rs = results[name];
  summary[name] = {
    wallMs: median(rs.map((x) => x.wall)),
    inPageMs: median(rs.map((x) => x.inPage)),
    longestTaskMs: Math.max(...rs.map((x) => x.longest)),
    tasksOver50ms: median(rs.map((x) => x.over50)),
    heapMB: median(rs.map((x) => x.heapMB)),
  };
}
console.log(`\n${records} records into all four other formats, ${rounds} rounds, medians:`);
console.log("| page | from choosing the file to the result (median) | slowest main-thread task | tasks over 50 ms | JS heap after |");
console.log("|---|---|---|---|---|");
for (const name of ["before", "after"]) {
  const s = summary[name];
  console.log(`| ${name} | ${s.wallMs} ms | ${s.longestTaskMs} ms | ${s.tasksOver50ms} | ${s.heapMB} MB |`);
}
console.log(`\nafter / before: ${(summary.after.wallMs / summary.before.wallMs).toFixed(2)}`);
