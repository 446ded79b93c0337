// Shared by the package tests: where the repository is, and fixture option names.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

export const repo = process.env.CONTACTKIT_REPO;
if (!repo) throw new Error("CONTACTKIT_REPO is not set (run scripts/test-wasm.sh)");

const require = createRequire(import.meta.url);
/** The installed package's directory (node_modules/contactkit). */
export const packageDir = join(require.resolve("contactkit/package.json"), "..");

export function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

export const FORMATS = ["sequence", "intercom", "bird", "helpscout", "canonical"];

/** Fixture files of one format, sorted: `tests/fixtures/<format>/*.json`. */
export function fixtureFiles(dir) {
  const full = join(repo, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => `${dir}/${f}`);
}

/** Conversion fixture files: `tests/fixtures/convert/<from>-<to>/*.json`. */
export function convertFixtureFiles() {
  const dir = join(repo, "tests/fixtures/convert");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap((pair) => fixtureFiles(`tests/fixtures/convert/${pair}`));
}

/** Maps a fixture's options (snake_case, as tests/fixtures.rs reads them) to the package's. */
export function packageOptions(fixtureOptions = {}) {
  const names = {
    definitions: "definitions",
    show_values: "showValues",
    showValues: "showValues",
    lenient: "lenient",
    normalize_custom_keys: "normalizeCustomKeys",
    normalizeCustomKeys: "normalizeCustomKeys",
    external_id: "externalId",
    externalId: "externalId",
  };
  const out = {};
  for (const [key, value] of Object.entries(fixtureOptions)) {
    const name = names[key];
    if (name === undefined) throw new Error(`unknown fixture option ${key}`);
    out[name] = value;
  }
  return out;
}

/** Every key path of an object tree whose prototype is not the plain one for its kind. */
export function oddPrototypes(value, path = "") {
  if (value === null || typeof value !== "object") return [];
  const expected = Array.isArray(value) ? Array.prototype : Object.prototype;
  const out = Object.getPrototypeOf(value) === expected ? [] : [path || "(root)"];
  for (const key of Object.keys(value)) out.push(...oddPrototypes(value[key], `${path}/${key}`));
  return out;
}

/**
 * `issues` in the contract's shape, as the CLI prints them (and the golden fixtures and the
 * lines of `convertMany` hold them): without the package's `params`.
 */
export function contractIssues(issues) {
  return issues.map(({ params, ...issue }) => issue);
}

/** A `convert()` result in the contract's shape (its rejection's issues without `params`). */
export function contractResult(result) {
  return result.ok ? result : { ...result, issues: contractIssues(result.issues) };
}
