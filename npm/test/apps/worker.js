// A module worker running both entries (bundled by Vite with the page).
import { fullResults } from "./full.js";
import { formsResults } from "./forms.js";

(async () => {
  try {
    self.postMessage({ full: await fullResults(), forms: await formsResults() });
  } catch (e) {
    self.postMessage({ error: String(e), code: e.code });
  }
})();
