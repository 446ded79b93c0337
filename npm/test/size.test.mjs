// The size budget of the shipped module: at most 150 KB gzipped (the hard limit).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import { packageDir } from "./helpers.mjs";

const BUDGET = 150 * 1000;

function gzipped(file) {
  return gzipSync(readFileSync(join(packageDir, file)), { level: 9 }).length;
}

test(".wasm is at most 150 KB gzipped", (t) => {
  const size = gzipped("contactkit_wasm_bg.wasm");
  t.diagnostic(`contactkit_wasm_bg.wasm: ${readFileSync(join(packageDir, "contactkit_wasm_bg.wasm")).length} bytes, ${size} gzipped`);
  assert.ok(size <= BUDGET, `${size} bytes gzipped is over the budget of ${BUDGET}`);
});

test("the JavaScript glue stays small", (t) => {
  const files = ["contactkit.js", "api.js", "contactkit_wasm.js"];
  const raw = files.reduce((n, f) => n + readFileSync(join(packageDir, f)).length, 0);
  const gz = files.reduce((n, f) => n + gzipped(f), 0);
  t.diagnostic(`JS glue (${files.join(" + ")}): ${raw} bytes, ${gz} gzipped`);
  assert.ok(gz <= 10 * 1000, `${gz} bytes gzipped`);
});

test("no panic hook or debug names in the release module", () => {
  const wasm = readFileSync(join(packageDir, "contactkit_wasm_bg.wasm"));
  const text = wasm.toString("latin1");
  assert.ok(!text.includes("console_error_panic_hook"), "console_error_panic_hook is linked");
  assert.ok(!text.includes("contactkit_wasm::api"), "function names are not stripped");
});
