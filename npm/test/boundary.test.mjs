// The text boundary (npm/src/api.js `send`, crates/wasm/src/lib.rs `bindings`): texts are written
// as UTF-8 into a buffer the module owns, which grows with the text, is given back after a large
// call, and is bypassed (encoded first, then copied) for text over a million UTF-16 units. Every
// size gives the findings of the same records passed one by one, in both entries.
import { test } from "node:test";
import assert from "node:assert/strict";

import * as full from "contactkit";
import * as forms from "contactkit/forms";

// Non-ASCII (2-, 3- and 4-byte UTF-8) in every record, so that bytes and UTF-16 units differ.
const valid = { firstName: "Zoë", lastName: "Ōtsuka 🌸", emails: [{ type: "work", value: "zoe@example.com" }] };
const invalid = { firstName: "Ö".repeat(41), photoType: "myspace" };

/** NDJSON of `n` records, every `every`-th of them invalid. */
function ndjson(n, every) {
  let text = "";
  for (let i = 1; i <= n; i++) text += `${JSON.stringify(i % every === 0 ? invalid : valid)}\n`;
  return text;
}

for (const [name, entry] of [["contactkit", full], ["contactkit/forms", forms]]) {
  test(`${name}: small, large and over-a-million-unit texts give the findings of their records`, () => {
    const one = entry.validate("helpscout", invalid);
    assert.equal(one.valid, false);
    assert.deepEqual(entry.validate("helpscout", valid), { valid: true, issues: [] });
    // 1,000 records (about 60 KB), then 20,000 (over a million UTF-16 units), then small again:
    // the buffer grows, is given back, and the module's memory may have grown in between.
    for (const n of [1_000, 20_000, 3]) {
      const text = ndjson(n, 7);
      const batch = entry.validateMany("helpscout", text);
      const bad = Math.floor(n / 7);
      assert.equal(batch.records, n);
      assert.equal(batch.invalid, bad);
      assert.equal(batch.results.length, bad);
      for (const r of batch.results) {
        assert.equal(r.record % 7, 0);
        assert.deepEqual({ valid: r.valid, issues: r.issues }, one);
      }
      assert.deepEqual(entry.validate("helpscout", invalid), one);
    }
    assert.ok(ndjson(20_000, 7).length > 1 << 20, "the large case crosses the encode-first threshold");
  });

  test(`${name}: a payload over a million UTF-16 units is validated whole`, () => {
    const big = { ...valid, background: "é".repeat((1 << 20) + 1) };
    const result = entry.validate("helpscout", big);
    assert.equal(result.valid, false);
    assert.deepEqual(
      result.issues.map((i) => [i.path, i.code]),
      [["/background", "too_long"]],
    );
  });
}
