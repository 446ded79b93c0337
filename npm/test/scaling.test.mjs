// Time linear in the record: converting one record of very many custom attributes, in the
// Node entry's module and in the browsers' full module. The modules' memory grows as they
// allocate; grown a page at a time, every growth in V8 is a new ArrayBuffer counted as external
// memory, and a full garbage collection of the JavaScript heap came every few growths: time
// quadratic in the record (200,000 attributes: 9.6 s against 0.4 s for 50,000, Node 20). The
// binding makes a large record's room in one step (crates/wasm/src/api.rs `room`). This is a
// check of growth, not a benchmark: the ratio of two sizes' times, whatever the machine's speed,
// each in a fresh module instance (in one that has grown already, nothing would show).
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { packageDir } from "./helpers.mjs";

/** An Intercom record of `n` custom attributes, as JSON text (some strings, some numbers). */
function record(n) {
  const attributes = {};
  for (let i = 0; i < n; i++) attributes[`attr_${i}`] = i % 3 ? `value ${i}` : i;
  return JSON.stringify({ email: "ada@example.com", custom_attributes: attributes });
}

/** A private copy of the package (a module instance of its own, its memory not grown yet). */
function copy() {
  const dir = mkdtempSync(join(tmpdir(), "contactkit-scaling-"));
  cpSync(packageDir, dir, { recursive: true });
  return dir;
}

/** The Node entry, freshly instantiated. */
const nodeEntry = () => import(pathToFileURL(join(copy(), "node.js")).href);

/** The browsers' full entry, freshly instantiated. */
async function browserEntry() {
  const entry = await import(pathToFileURL(join(copy(), "contactkit.js")).href);
  entry.initSync(readFileSync(join(packageDir, "contactkit_wasm_bg.wasm")));
  return entry;
}

/**
 * The time of `call(contactkit, text)` in a fresh module instance (whose memory must grow), in
 * ms: the shortest of three instances.
 */
async function timed(load, call, text) {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const contactkit = await load();
    const start = performance.now();
    call(contactkit, text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const small = record(10_000);
const large = record(160_000); // 16 times as many attributes (about 3.9 MB of text)
// A JavaScript heap of the size an application could hold (about 60 MB), which each full
// garbage collection walks (held by this module for the whole run).
export const heap = Array.from({ length: 1_000_000 }, (_, i) => ({ i, name: `n${i}` }));

for (const [name, load] of [
  ["the Node entry", nodeEntry],
  ["the browsers' full module", browserEntry],
]) {
  test(`${name}: a record of 16 times as many custom attributes converts in about 16 times the time`, async (t) => {
    const convert = (contactkit, text) => {
      assert.equal(contactkit.convert("intercom", "helpscout", text).ok, true);
    };
    const many = (contactkit, text) => {
      const [batch] = contactkit.convertMany("intercom", ["helpscout"], `${text}\n${text}\n`);
      assert.equal(batch.converted, 2);
    };
    for (const [call, f] of [["convert", convert], ["convertMany", many]]) {
      const ratio = (await timed(load, f, large)) / (await timed(load, f, small));
      t.diagnostic(`${call}: ${ratio.toFixed(1)} times the time`);
      // Linear: about 16 (measured 17–22); quadratic, as before the room: 72–137.
      assert.ok(ratio < 40, `${call}: ${ratio.toFixed(1)} times the time for 16 times the attributes`);
    }
  });
}
