// The full entry `contactkit` for Node (the "node" export condition): the module is
// instantiated on import from its bytes, embedded in contactkit_wasm_bytes.js, so the functions
// are ready at once and no file needs to sit beside this one (a server bundle made by esbuild,
// Vite SSR or webpack works without copying .wasm files). `init()` and `initSync()` exist for
// code shared with browsers and do nothing here.
import * as raw from "./contactkit_wasm.js";
import { base64 } from "./contactkit_wasm_bytes.js";
import { bind, decodeBase64 } from "./api.js";

export { ContactkitError } from "./api.js";

raw.initSync({ module: decodeBase64(base64) });
const api = bind(raw, () => Promise.resolve());
api.markReady();
export const { convert, formFields, formats, schema, standardSchema, validate, validateField, validateMany, version } =
  api;
export const sequenceSchema = /* @__PURE__ */ standardSchema("sequence");
export const intercomSchema = /* @__PURE__ */ standardSchema("intercom");
export const birdSchema = /* @__PURE__ */ standardSchema("bird");
export const helpscoutSchema = /* @__PURE__ */ standardSchema("helpscout");
export const canonicalSchema = /* @__PURE__ */ standardSchema("canonical");

/** Already done on import in Node; resolves at once. */
export function init() {
  return Promise.resolve();
}

/** Already done on import in Node. */
export function initSync() {}

export default init;
