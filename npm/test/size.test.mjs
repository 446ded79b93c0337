// The sizes of the package, per entry, on what a bundler emits for an app that imports only that
// entry (all of it: `import * as contactkit from "contactkit/forms"`): the .wasm plus every
// JavaScript chunk of a production Vite build, each compressed on its own (gzip -9, brotli -11)
// as a server would send them.
//
// Issue 15's budgets (gzip, everything together): `contactkit/forms` at most 40 KB (stretch
// 25 KB), `contactkit` at most 100 KB, and the per-vendor entries `contactkit/forms/<format>` (the
// issue's "per-vendor entries if that is what it takes": one vendor's form) at most 40 KB each.
// What this test asserts is what is met today: the budget of every entry that meets it
// (MEETS_BUDGET: the full entry's 100 KB, and the 40 KB of each per-vendor entry that meets it),
// the full module's hard budget of 150,000 bytes gzipped (the package's limit since its first
// release), and per entry a ratchet at its last measured size plus 1%, so that no change makes an
// entry heavier unnoticed. The budgets not met are printed next to the measured figures ("not
// met" until they are; then the ratchet gives way to the budget).
//
// The figures are printed and written to $CONTACTKIT_SIZES (scripts/test-wasm.sh:
// target/wasm-test/sizes.md) for the README.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

import { build } from "vite";

import { scratch } from "./env-helpers.mjs";
import { packageDir } from "./helpers.mjs";

const KB = 1000;
/** Issue 15's budgets (gzip, .wasm and JavaScript together): printed; those met are asserted (MEETS_BUDGET). */
const VENDORS = ["sequence", "intercom", "bird", "helpscout", "canonical"];
const BUDGETS = {
  "contactkit/forms": 40 * KB,
  contactkit: 100 * KB,
  ...Object.fromEntries(VENDORS.map((format) => [`contactkit/forms/${format}`, 40 * KB])),
};
const STRETCH = { "contactkit/forms": 25 * KB };
/** The sizes last measured (gzip, all in), plus 1%: asserted (lowered as the entries shrink). */
const RATCHETS = {
  "contactkit/forms": Math.round(51_462 * 1.01),
  contactkit: Math.round(99_480 * 1.01),
  "contactkit/forms/sequence": Math.round(35_566 * 1.01),
  "contactkit/forms/intercom": Math.round(37_871 * 1.01),
  "contactkit/forms/bird": Math.round(37_018 * 1.01),
  "contactkit/forms/helpscout": Math.round(39_781 * 1.01),
  "contactkit/forms/canonical": Math.round(37_051 * 1.01),
};
/** The entries whose issue budget is met: asserted (the full entry and every per-vendor entry). */
const MEETS_BUDGET = [
  "contactkit",
  "contactkit/forms/sequence",
  "contactkit/forms/intercom",
  "contactkit/forms/bird",
  "contactkit/forms/helpscout",
  "contactkit/forms/canonical",
];
/** The full module's hard budget (gzip -9 of contactkit_wasm_bg.wasm alone): asserted. */
const FULL_MODULE_BUDGET = 150_000;
const APPS = { "contactkit/forms": "size-forms.js", contactkit: "size-full.js" };
/** The app of an entry: everything it exports, kept by the bundler (as size-forms.js). */
const app = (entry) => `import * as contactkit from "${entry}";\n\nglobalThis.contactkit = contactkit;\n`;

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;

const kb = (n) => (n / KB).toFixed(1);
const measured = [];

/** Builds the app of one entry and measures what it emitted. */
async function measure(entry) {
  const dir = scratch(`size-${entry.replaceAll("/", "-")}`);
  const root = join(dir, "apps");
  if (APPS[entry] === undefined) writeFileSync(join(root, "size.js"), app(entry));
  else copyFileSync(join(root, APPS[entry]), join(root, "size.js"));
  writeFileSync(join(root, "size.html"), '<!doctype html><script type="module" src="./size.js"></script>\n');
  const out = join(dir, "dist");
  await build({
    root,
    configFile: false,
    logLevel: "warn",
    build: { outDir: out, emptyOutDir: true, rollupOptions: { input: join(root, "size.html") } },
  });
  const files = readdirSync(out, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".js") || f.endsWith(".wasm"));
  const sizes = { wasm: { raw: 0, gzip: 0, brotli: 0 }, js: { raw: 0, gzip: 0, brotli: 0 } };
  let code = "";
  for (const file of files) {
    const bytes = readFileSync(join(out, file));
    if (file.endsWith(".js")) code += bytes.toString("utf8");
    const kind = file.endsWith(".wasm") ? sizes.wasm : sizes.js;
    kind.raw += bytes.length;
    kind.gzip += gzip(bytes);
    kind.brotli += brotli(bytes);
  }
  const total = {
    raw: sizes.wasm.raw + sizes.js.raw,
    gzip: sizes.wasm.gzip + sizes.js.gzip,
    brotli: sizes.wasm.brotli + sizes.js.brotli,
  };
  return { entry, files, code, ...sizes, total };
}

for (const entry of Object.keys(BUDGETS)) {
  test(`${entry}: no heavier than its ratchet (${kb(RATCHETS[entry])} KB gzip); issue budget ${BUDGETS[entry] / KB} KB printed`, async (t) => {
    const m = await measure(entry);
    measured.push(m);
    assert.equal(m.files.filter((f) => f.endsWith(".wasm")).length, 1, `one .wasm: ${m.files}`);
    // What the bundle keeps of the package's JavaScript: conversion (convert.js) only in the
    // full entry's, the Node entries' base64 decoding in neither (a browser never runs it).
    const conversion = /to must name at least one format/;
    if (entry === "contactkit") assert.match(m.code, conversion);
    else assert.doesNotMatch(m.code, conversion, "the forms entry's bundle carries conversion code");
    if (entry.startsWith("contactkit/forms/")) {
      const format = entry.slice("contactkit/forms/".length);
      assert.match(m.files.find((f) => f.endsWith(".wasm")), new RegExp(`forms-${format}`));
    }
    assert.doesNotMatch(m.code, /atob\(/, "the browser bundle carries the Node entries' base64 decoding");
    t.diagnostic(
      `${entry}: .wasm ${kb(m.wasm.gzip)} KB gzip / ${kb(m.wasm.brotli)} KB brotli, ` +
        `JS ${kb(m.js.gzip)} KB gzip / ${kb(m.js.brotli)} KB brotli, ` +
        `total ${kb(m.total.gzip)} KB gzip (${m.total.gzip} bytes) / ${kb(m.total.brotli)} KB brotli (${kb(m.total.raw)} KB raw)`,
    );
    const verdict = (limit) => (m.total.gzip <= limit ? "met" : `NOT met (${kb(m.total.gzip - limit)} KB over)`);
    t.diagnostic(`${entry}: issue 15 budget ${BUDGETS[entry] / KB} KB gzip: ${verdict(BUDGETS[entry])}`);
    if (STRETCH[entry] !== undefined) {
      t.diagnostic(`${entry}: stretch goal ${STRETCH[entry] / KB} KB gzip: ${verdict(STRETCH[entry])}`);
    }
    if (process.env.CONTACTKIT_SIZES && measured.length === Object.keys(BUDGETS).length) {
      const rows = measured.map(
        (r) =>
          `| \`${r.entry}\` | ${kb(r.wasm.gzip)} KB | ${kb(r.js.gzip)} KB | **${kb(r.total.gzip)} KB** | ` +
          `${kb(r.total.brotli)} KB | ${BUDGETS[r.entry] / KB} KB (${r.total.gzip <= BUDGETS[r.entry] ? "met" : "not met"}) |`,
      );
      writeFileSync(
        process.env.CONTACTKIT_SIZES,
        [
          "| entry | .wasm (gzip) | JS (gzip) | total gzip | total brotli | issue budget (gzip) |",
          "|---|---|---|---|---|---|",
          ...rows,
          "",
        ].join("\n"),
      );
    }
    assert.ok(
      m.total.gzip <= RATCHETS[entry],
      `${entry} ships ${m.total.gzip} bytes gzipped, over its ratchet of ${RATCHETS[entry]} (the size it landed with, +1%)`,
    );
    if (MEETS_BUDGET.includes(entry)) {
      assert.ok(m.total.gzip <= BUDGETS[entry], `${entry} ships ${m.total.gzip} bytes gzipped, over issue 15's budget`);
    }
  });
}

// The README states the sizes this test measures (its table of entries, .wasm and JS gzip, total
// gzip and brotli, in KB rounded to 0.1): a figure that drifted more than 0.3 KB from the
// measurement fails, so the stated sizes stay true.
test("the README states the measured sizes", () => {
  assert.equal(measured.length, Object.keys(BUDGETS).length, "every entry was measured first");
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  for (const m of measured) {
    const name = m.entry.replace("/", "\\/");
    const row = readme.match(
      new RegExp(`^\\| \`${name}\` \\| ([\\d.]+) KB \\| ([\\d.]+) KB \\| \\*\\*([\\d.]+) KB\\*\\* \\| ([\\d.]+) KB \\|$`, "m"),
    );
    assert.ok(row, `README.md has no size row for ${m.entry}`);
    const stated = { wasm: row[1], js: row[2], gzip: row[3], brotli: row[4] };
    const actual = { wasm: m.wasm.gzip, js: m.js.gzip, gzip: m.total.gzip, brotli: m.total.brotli };
    for (const [what, bytes] of Object.entries(actual)) {
      assert.ok(
        Math.abs(Number(stated[what]) * KB - bytes) <= 300,
        `README.md states ${stated[what]} KB for ${m.entry} (${what}); measured ${kb(bytes)} KB`,
      );
    }
  }
});

test(`the full module is at most ${FULL_MODULE_BUDGET} bytes gzipped`, (t) => {
  const bytes = readFileSync(join(packageDir, "contactkit_wasm_bg.wasm"));
  const size = gzip(bytes);
  t.diagnostic(`contactkit_wasm_bg.wasm: ${bytes.length} bytes, ${size} gzipped`);
  assert.ok(size <= FULL_MODULE_BUDGET, `${size} bytes gzipped is over the budget of ${FULL_MODULE_BUDGET}`);
});

test("no panic hook or debug names in the release modules", () => {
  for (const file of ["contactkit_wasm_bg.wasm", "forms_wasm_bg.wasm", ...VENDORS.map((f) => `forms-${f}_wasm_bg.wasm`)]) {
    const text = readFileSync(join(packageDir, file)).toString("latin1");
    assert.ok(!text.includes("console_error_panic_hook"), `${file}: console_error_panic_hook is linked`);
    assert.ok(!text.includes("contactkit_wasm::api"), `${file}: function names are not stripped`);
  }
});

test("the forms module leaves conversion out; both modules import nothing (no glue needed)", () => {
  const module = (file) => new WebAssembly.Module(readFileSync(join(packageDir, file)));
  const names = (file) => WebAssembly.Module.exports(module(file)).map((e) => e.name);
  const functions = ["formFields", "formats", "input", "output", "schema", "validate", "validateField", "validateMany", "version"];
  assert.deepEqual(names("forms_wasm_bg.wasm").sort(), [...functions, "memory"].sort());
  assert.deepEqual(
    names("contactkit_wasm_bg.wasm").sort(),
    [...functions, "convert", "convertMany", "memory", "preview"].sort(),
  );
  for (const file of ["forms_wasm_bg.wasm", "contactkit_wasm_bg.wasm"]) {
    assert.deepEqual(WebAssembly.Module.imports(module(file)), [], file);
  }
  assert.ok(
    readFileSync(join(packageDir, "forms_wasm_bg.wasm")).length < readFileSync(join(packageDir, "contactkit_wasm_bg.wasm")).length,
  );
});
