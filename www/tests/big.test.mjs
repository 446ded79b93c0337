// Big inputs (issue 16, fix 5): 50,000 records generated here converted into all four other
// formats in a Web Worker, with the budgets measured in the page: no main-thread frame with
// over 50 ms of the page's script in it (Long Animation Frames), typing stays responsive (Event
// Timing), at most 7.2 s
// (half of the 14.4 s the first edition took), progress a screen reader can bear, Cancel, a
// paste over 1 MB read like a file, and the rejects downloadable with their reasons.
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";

import { artifacts, ck, DESKTOP, foreign, openPage, setup, showTab, www } from "./harness.mjs";

setup();

const RECORDS = 50_000;
const BUDGET_MS = 7200;
const LONG_TASK_MS = 50;

// The page's own 24-record Help Scout batch (21 valid, 3 invalid) repeated to 50,000 lines.
const lines = readFileSync(join(www, "samples/helpscout.ndjson"), "utf8").split("\n").filter(Boolean);
const big = Array.from({ length: RECORDS }, (_, i) => lines[i % lines.length]);
const file = join(tmpdir(), `contactkit-www-big-${process.pid}.ndjson`);
writeFileSync(file, `${big.join("\n")}\n`);
after(() => rmSync(file, { force: true }));
const invalidCount = big.filter((l) => !ck.validate("helpscout", l).valid).length;

/** Starts recording main-thread long tasks, slow input events and live-region updates. */
async function record(page) {
  await page.evaluate(() => {
    const rec = { long: [], script: [], events: [], latency: [], announcements: [] };
    window.__rec = rec;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) rec.long.push(Math.round(e.duration));
    }).observe({ type: "longtask" });
    // The script (and the style and layout it forced) in each frame over 50 ms.
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) rec.script.push(Math.round(e.scripts.reduce((sum, s) => sum + s.duration, 0)));
    }).observe({ type: "long-animation-frame" });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) rec.events.push({ name: e.name, duration: e.duration });
    }).observe({ type: "event", durationThreshold: 16 });
    // From the keystroke to its input handler.
    document.addEventListener("input", (e) => rec.latency.push(performance.now() - e.timeStamp), true);
    const live = document.getElementById("conv-announce");
    new MutationObserver(() => rec.announcements.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
  });
}

describe("fix 5: big inputs", () => {
  test(`${RECORDS} records into all four other formats: within ${BUDGET_MS} ms, no main-thread frame with over ${LONG_TASK_MS} ms of script, typing stays responsive`, async (t) => {
    const { page, close } = await openPage({ ...DESKTOP, hash: "#convert" });
    await record(page);
    const started = Date.now();
    await page.locator("#conv-file").setInputFiles(file);
    // Progress: a real <progress> with a label, and Cancel.
    await page.locator("#conv-progress:not([hidden])").waitFor();
    assert.equal(await page.getByRole("progressbar", { name: "Converting" }).count(), 1);
    assert.equal(await page.getByRole("button", { name: "Cancel" }).isVisible(), true);
    // Typing in the form while the records convert.
    await showTab(page, "Form check");
    await page.getByLabel("Job title").pressSequentially("Typing while converting", { delay: 25 });
    const typedWhileBusy = (await page.locator("#conv-root").getAttribute("data-busy")) === "true";
    await showTab(page, "Conversion");
    await page.locator("#conv-status-text", { hasText: `${RECORDS} records:` }).waitFor({ timeout: 60000 });
    const wall = Date.now() - started;
    await page.locator("#conv-source .source-head").waitFor();
    await page.waitForTimeout(300);
    const rec = await page.evaluate(() => window.__rec);
    const elapsed = Number(await page.locator("#conv-root").getAttribute("data-elapsed"));
    const slowest = Math.max(0, ...rec.long);
    const events = rec.events.filter((e) => /^key|^input|^beforeinput/.test(e.name));
    const slowestEvent = Math.max(0, ...events.map((e) => e.duration));
    const latency = Math.max(0, ...rec.latency);
    t.diagnostic(`${RECORDS} records: ${elapsed} ms in the page (${wall} ms from choosing the file); long tasks: ${rec.long.length ? rec.long.join(", ") : "none"} (script in frames over 50 ms: ${rec.script.length ? rec.script.join(", ") : "none"}); slowest key/input event ${Math.round(slowestEvent)} ms, keystroke to handler at most ${Math.round(latency)} ms; ${rec.announcements.length} announcements`);
    writeFileSync(join(artifacts, "big-input-figures.json"), `${JSON.stringify({ records: RECORDS, elapsedMs: elapsed, wallMs: wall, longTasksMs: rec.long, scriptInLongFramesMs: rec.script, slowestKeyEventMs: slowestEvent, keystrokeToHandlerMaxMs: latency, announcements: rec.announcements }, null, 2)}\n`);
    assert.match(await page.locator("#conv-status-text").textContent(), new RegExp(`${RECORDS} records: ${RECORDS - invalidCount} valid Help Scout, ${invalidCount} invalid`));
    assert.ok(elapsed <= BUDGET_MS, `${elapsed} ms is over the budget of ${BUDGET_MS} ms`);
    // The page's own script: a long task's length also counts the time the operating system
    // leaves the main thread waiting, which on a 2-core machine busy with the two workers,
    // Chromium and this test runner came to one 51–73 ms task in about one run of three (with
    // 9 ms of script in it); the long tasks are reported above, the script is asserted.
    assert.deepEqual(rec.script.filter((d) => d > LONG_TASK_MS), [], "no main-thread frame with over 50 ms of script");
    assert.ok(typedWhileBusy, "the typing happened during the conversion");
    assert.equal(await page.getByLabel("Job title").inputValue(), "Typing while converting");
    assert.ok(slowestEvent <= 100, `a keystroke took ${slowestEvent} ms to handle and paint`);
    // Announcements a screen reader can bear: at most one every five seconds, plus start and end.
    assert.ok(rec.announcements.length <= Math.ceil(elapsed / 5000) + 2, `${rec.announcements.length} announcements`);
    assert.match(rec.announcements.at(-1), new RegExp(`${RECORDS} records`));
    // The per-target totals, downloads of the converted records and of the rejects.
    const card = page.locator('#conv-targets [data-target="bird"]');
    const perRecord = lines.map((l) => ck.convert("helpscout", "bird", l).ok);
    const expectedOk = big.filter((_, i) => perRecord[i % lines.length]).length;
    assert.match(await card.locator(".card__batch").textContent(), new RegExp(`${expectedOk} converted, ${RECORDS - expectedOk} rejected`));
    const [download] = await Promise.all([page.waitForEvent("download"), card.locator("[data-download]").click()]);
    const out = readFileSync(await download.path(), "utf8").split("\n").filter(Boolean);
    assert.equal(out.length, expectedOk);
    assert.deepEqual(JSON.parse(out[0]), ck.convert("helpscout", "bird", big.find((_, i) => perRecord[i % lines.length])).payload);
    const [rejects] = await Promise.all([page.waitForEvent("download"), card.locator("[data-download-rejects]").click()]);
    const rejected = readFileSync(await rejects.path(), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    assert.equal(rejected.length, RECORDS - expectedOk);
    const firstBad = big.findIndex((_, i) => !perRecord[i % lines.length]);
    assert.equal(rejected[0].record, firstBad + 1);
    assert.ok(rejected[0].issues.length > 0 && rejected[0].issues.every((i) => i.message && i.code), "each reject has its reasons");
    // Record navigation reads the record back from the file.
    await page.getByRole("button", { name: "Next invalid record" }).click();
    await page.locator("#conv-source .source-head.is-bad").waitFor();
    const shown = Number(await page.locator("#conv-record").inputValue());
    assert.equal(ck.validate("helpscout", big[shown - 1]).valid, false);
    assert.match(await page.locator("#conv-source .source-head").textContent(), new RegExp(`line ${shown}\\b`));
    await page.screenshot({ path: join(artifacts, "convert-50k-desktop-light.png") });
    await close();
  });

  test("Cancel stops a big conversion at once; an option change starts it again", async () => {
    const { page, close } = await openPage({ hash: "#convert" });
    await page.locator("#conv-file").setInputFiles(file);
    await page.locator("#conv-progress:not([hidden])").waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();
    assert.match(await page.locator("#conv-status-text").textContent(), /Cancelled/);
    assert.equal(await page.locator("#conv-progress").isHidden(), true);
    assert.equal(await page.locator("#conv-targets .card").count(), 0);
    assert.equal(await page.locator("#conv-root").getAttribute("data-busy"), null);
    await page.waitForTimeout(500);
    assert.match(await page.locator("#conv-status-text").textContent(), /Cancelled/, "nothing arrives after Cancel");
    assert.match(await page.locator("#conv-announce").textContent(), /cancelled/);
    await page.getByRole("switch", { name: "Lenient" }).check();
    await page.locator("#conv-status-text", { hasText: `${RECORDS} records:` }).waitFor({ timeout: 60000 });
    assert.match(await page.locator("#conv-status-text").textContent(), /Converted lenient/);
    await close();
  });

  test("a paste over 1 MB is read like a file, not kept in the textarea", async () => {
    const { page, close } = await openPage({ hash: "#convert" });
    const n = 6000; // about 2 MB
    // The clipboard's content is made before the recording starts: building it is the test's
    // work, not the page's.
    await page.evaluate(async (count) => {
      const text = await (await fetch("samples/helpscout.ndjson")).text();
      const records = text.split("\n").filter(Boolean);
      const pasted = Array.from({ length: count }, (_, i) => records[i % records.length]).join("\n");
      const data = new DataTransfer();
      data.setData("text/plain", pasted);
      window.__clipboard = { data, length: pasted.length };
    }, n);
    await record(page);
    const result = await page.evaluate(() => {
      const input = document.getElementById("conv-input");
      input.focus();
      const { data, length } = window.__clipboard;
      const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
      input.dispatchEvent(event);
      return { length, prevented: event.defaultPrevented, value: input.value.length };
    });
    assert.ok(result.length > 1_000_000);
    assert.equal(result.prevented, true, "the paste did not go into the textarea");
    assert.equal(result.value, 0);
    assert.match(await page.locator("#conv-file-note").textContent(), /Pasted text: 2\.\d MB, too big to show here; converting it as a file/);
    await page.locator("#conv-status-text", { hasText: `${n} records:` }).waitFor({ timeout: 30000 });
    const rec = await page.evaluate(() => window.__rec);
    // The page's own script, as in the 50,000-record test.
    assert.deepEqual(rec.script.filter((d) => d > LONG_TASK_MS), [], "no main-thread frame with over 50 ms of script");
    await close();
  });
});

test("no request left 127.0.0.1 during these tests", () => {
  assert.deepEqual(foreign(), []);
});
