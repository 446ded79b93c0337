// The package's own types: npm/test/types/usage.ts and standard.ts compile with `tsc --strict`
// against the installed package, as a Node project (NodeNext, no DOM) and as a bundler project
// (DOM), and so does every snippet of the package README.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { scratch } from "./env-helpers.mjs";
import { packageDir } from "./helpers.mjs";

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

test("every JavaScript and TypeScript snippet of the README compiles under tsc --strict", (t) => {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const snippets = [...readme.matchAll(/^```(js|ts)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2] }));
  assert.ok(snippets.length >= 15, `${snippets.length} snippets`);
  const dir = scratch("readme-snippets");
  const files = snippets.map(({ lang, code }, i) => {
    // Each snippet is a module of its own (they reuse names), as it would be in an app;
    // JavaScript is checked as JavaScript (checkJs), TypeScript as TypeScript.
    const file = `snippet-${String(i + 1).padStart(2, "0")}.${lang}`;
    writeFileSync(join(dir, file), `${code}\nexport {};\n`);
    return file;
  });
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        allowJs: true,
        checkJs: true,
        target: "ES2022",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        module: "ESNext",
        moduleResolution: "Bundler",
        types: ["node"],
        exactOptionalPropertyTypes: true,
        skipLibCheck: true,
      },
      files,
    }),
  );
  try {
    execFileSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
  } catch (e) {
    assert.fail(`tsc failed on the README's snippets:\n${e.stdout}${e.stderr}`);
  }
  t.diagnostic(`${snippets.length} snippets compiled (${files.filter((f) => f.endsWith(".ts")).length} TypeScript)`);
});
