// The full entry `contactkit` for browsers, bundlers and runtimes without a file system:
// `await init()` once, then call the functions. (Node's entry is node.js.)
import * as raw from "./contactkit_wasm.js";
import { bind, initializers } from "./api.js";

export { ContactkitError } from "./api.js";

const api = bind(raw, () => init());
/**
 * Fetches and instantiates the WebAssembly module. Without an argument it loads
 * `contactkit_wasm_bg.wasm` next to this file (bundlers emit the file and rewrite the URL);
 * it also takes another URL, a fetch Response (or its promise), the bytes or a compiled
 * WebAssembly.Module. Calling it again returns the same promise.
 */
export const { init, initSync } = initializers(raw, api, () => new URL("./contactkit_wasm_bg.wasm", import.meta.url));
export const { convert, formFields, formats, schema, standardSchema, validate, validateField, validateMany, version } =
  api;
export const sequenceSchema = /* @__PURE__ */ standardSchema("sequence");
export const intercomSchema = /* @__PURE__ */ standardSchema("intercom");
export const birdSchema = /* @__PURE__ */ standardSchema("bird");
export const helpscoutSchema = /* @__PURE__ */ standardSchema("helpscout");
export const canonicalSchema = /* @__PURE__ */ standardSchema("canonical");
export default init;
