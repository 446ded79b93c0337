// A page that runs both entries and writes their results to #result (bundled by Vite,
// webpack, Rollup and esbuild in the environment tests, imported through an import map).
import { fullResults } from "./full.js";
import { formsResults } from "./forms.js";

/** Runs both entries (`urls`: what each init() loads) and shows the results. */
export async function show(urls = {}) {
  const out = document.getElementById("result");
  try {
    const result = { full: await fullResults(urls.full), forms: await formsResults(urls.forms) };
    out.textContent = JSON.stringify(result);
  } catch (e) {
    out.textContent = JSON.stringify({ error: String(e), code: e.code, stack: e.stack });
  }
  out.dataset.done = "yes";
}
