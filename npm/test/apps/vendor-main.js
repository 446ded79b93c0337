// The page of a per-vendor entry alone (vendor.html): its results into #result.
import { vendorResults } from "./vendor.js";

const out = document.getElementById("result");
try {
  out.textContent = JSON.stringify(await vendorResults());
} catch (e) {
  out.textContent = JSON.stringify({ error: String(e), code: e.code, stack: e.stack });
}
out.dataset.done = "yes";
