// A runtime without a file system, modules or Node globals (a service worker, an edge
// runtime): the browser entries, bundled by esbuild for the neutral platform and run in a bare
// `vm` context; each init() gets the module's bytes or URL from the host (`globalThis.inputs`).
import init, { validate, version } from "contactkit";
import initForms, { validate as validateForm } from "contactkit/forms";

globalThis.run = async ({ full, forms }) => {
  await init(full);
  await initForms(forms);
  return {
    version: version(),
    full: validate("bird", { displayName: "x".repeat(151) }),
    forms: validateForm("bird", {}),
  };
};
