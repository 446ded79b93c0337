// The package's own types: npm/test/types/usage.ts compiles with `tsc --strict` against the
// installed package, as a Node project (NodeNext, no DOM) and as a bundler project (DOM).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const tsc = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
const here = dirname(fileURLToPath(import.meta.url));

for (const config of ["tsconfig.node.json", "tsconfig.bundler.json"]) {
  test(`usage.ts type-checks (${config})`, () => {
    try {
      execFileSync(process.execPath, [tsc, "-p", join(here, "types", config)], { encoding: "utf8" });
    } catch (e) {
      assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
    }
  });
}

test("the checker catches a type error (the check is live)", () => {
  let failed = false;
  try {
    execFileSync(
      process.execPath,
      [tsc, "--noEmit", "--strict", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--types", "node",
        join(here, "types", "wrong.ts")],
      { encoding: "utf8" },
    );
  } catch (e) {
    failed = true;
    assert.match(e.stdout, /wrong\.ts.*error TS2345/s);
  }
  assert.ok(failed, "tsc accepted wrong.ts");
});
